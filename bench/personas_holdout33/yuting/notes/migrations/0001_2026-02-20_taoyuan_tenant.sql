-- 0001  2026-02-20  new tenant in the Taoyuan flat
-- The old tenant left after 春節. Agent in Zhongli found a young engineer who works in the 中壢工業區.
-- Contract signed at the agent's office, 1 year, starts 2026-03-01.
CREATE TABLE IF NOT EXISTS tenants (id INTEGER PRIMARY KEY, home_id INTEGER REFERENCES homes(id), name TEXT, since TEXT, rent TEXT, note TEXT);
INSERT INTO tenants VALUES(1,2,'洪子豪 Hung Tzu-Hao','2026-03-01','NT$ 15,000 per month, paid on the 1st into the Chunghwa Post account','deposit NT$ 30,000; the agent has his contact details, we talk through the agent');
-- Lunar New Year trip done, nothing to keep.
DELETE FROM trips WHERE id = 1;
