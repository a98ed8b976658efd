-- 0004  2026-06-15  new passport + Corolla servicing
-- Renewed at 外交部領事事務局 (the Central Taiwan office was closer to mom, did it in Taichung).
-- Old passport 318820547 was cut and returned.
UPDATE profile SET value = '356104928', note = 'issued 2026-06-03, expires 2036-06-03' WHERE key = 'passport';
-- The dealer wanted NT$ 7,800 for the 40,000 km service. Moving the Corolla to Wang Chih-Ming's garage,
-- he has done the Fit for years.
UPDATE vehicles SET note = 'serviced at Wang Chih-Ming''s 志明汽車 garage from June 2026 (40,000 km service done there, NT$ 5,200); no inspection needed until it is 5 years old' WHERE id = 1;
