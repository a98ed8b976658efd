-- 0003  2026-05-10  乾媽 ceremony + Kuan-Yu's phone
-- Yi-Hsuan came down from Taipei on Mother's Day weekend and we did the little 拜乾媽 ceremony at 婆婆's.
UPDATE people SET note = 'best friend since NCKU; 乾媽 (godmother) of Pin-Jui since 2026-05-09' WHERE id = 12;
-- Kuan-Yu lost his phone at the school sports day and took a new number with a cheaper plan.
-- The 0928 number is gone, do not use it.
UPDATE people SET phone = '0975-555-208', note = 'teaches physics at Zhubei Senior High 竹北高中; drives the Fit; new number since May 2026' WHERE id = 1;
