-- 0008  2026-11-21  insurance renewals + Okinawa rebooked
-- Cathay Life premium paid 2026-11-03 by credit card (same amount as last year).
-- Fubon renewed the Corolla policy, no claims this year so the premium went down.
UPDATE policies SET premium = 'NT$ 19,960 per year (renewed 2026-11-20)' WHERE id = 2;
-- Tigerair cancelled the 26 Dec flight. Moved everything by two days, hotel agreed.
UPDATE trips SET dates = '2026-12-28 to 2027-01-01', detail = 'Tigerair IT232 TPE→OKA (IT230 cancelled); hotel in Naha near Kokusai-dori; need a car seat for Pin-Jui; back on New Year''s Day' WHERE id = 2;
