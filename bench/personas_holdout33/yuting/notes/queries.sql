-- queries I actually run (sqlite3 home.db < queries.sql, or paste one)

-- who to call in an emergency, in order
SELECT name, relation, phone FROM people WHERE id IN (1, 5, 6) ORDER BY id;

-- everything with a due date this month (policies + vehicles + trips)
SELECT insurer, number, premium, due FROM policies;
SELECT model, plate, note FROM vehicles;
SELECT what, dates FROM trips;

-- what the kids have this week
SELECT kid, item, detail FROM kids_school ORDER BY kid;

-- money out every month (rough)
SELECT label, monthly_cost, management_fee FROM homes;
SELECT service, cost FROM utilities;

-- TODO: add Kuan-Yu's 身分證 number for the tax filing in May (報稅), ask him, I never remember it.
-- TODO: landlord's bank account lives only in the E.SUN app as a saved payee, not copied here.
-- TODO: the Wi-Fi password is on the sticker under the router, not in git (public repo mirror!).
-- TODO: a table for the Taoyuan flat's papers (purchase contract, 權狀) – they are in the safe box at the Land Bank.
