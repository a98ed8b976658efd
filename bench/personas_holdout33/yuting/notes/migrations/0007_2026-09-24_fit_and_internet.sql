-- 0007  2026-09-24  Fit inspection + faster internet
-- Fit passed the 定期檢驗 on 2026-09-22 at the 監理站 in Zhubei (headlight aim fixed by Chih-Ming the day before).
UPDATE vehicles SET note = 'yearly inspection 定期檢驗 passed 2026-09-22, next due 116/09/30' WHERE id = 2;
-- Kuan-Yu streams his lessons now, upgraded HiNet. Contract 24 months.
UPDATE utilities SET cost = '500M, NT$ 1,099 per month (from 2026-10-01, 24-month contract)' WHERE id = 2;
