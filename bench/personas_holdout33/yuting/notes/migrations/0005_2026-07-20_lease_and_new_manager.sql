-- 0005  2026-07-20  lease renewal + reorg
-- Landlord Yang renewed the lease for another year from 2026-08-01 but raised the rent.
-- Deposit stays as it is. Management fee unchanged.
UPDATE homes SET monthly_cost = 'rent NT$ 23,500 (from 2026-08-01)' WHERE id = 1;
-- Reorg: Lin Chih-Ming moved to lead the new advanced-packaging test team.
-- My new manager is Kuo Ya-Wen (came from the Tainan fab). First 1:1 on 2026-07-23.
UPDATE people SET relation = 'former manager at JingYue (now leads advanced-packaging test)' WHERE id = 10;
INSERT INTO people VALUES(15,'郭雅雯 Kuo Ya-Wen','manager at JingYue (since 2026-07-15)',NULL,'Hsinchu','0958-555-377','ext. 3380; prefers Teams over LINE');
