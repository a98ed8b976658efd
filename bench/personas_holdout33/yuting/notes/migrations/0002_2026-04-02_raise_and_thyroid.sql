-- 0002  2026-04-02  annual review at work + thyroid follow-up
-- Raise effective with the April payroll (paid 2026-04-10). 尾牙 lottery: won a Dyson, not a car.
UPDATE profile SET value = 'NT$ 91,500', note = 'from April 2026; before 勞保/健保; 勞退 self-contribution still 6%' WHERE key = 'salary_monthly';
-- TSH came back high at the March check (5.9). Dr. Hsu raised the Eltroxin dose; recheck in 8 weeks.
UPDATE health SET detail = 'Eltroxin 75 mcg every morning, empty stomach (raised by Dr. Hsu on 2026-03-30); TSH check again in June' WHERE id = 3;
