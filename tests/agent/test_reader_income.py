"""An amount one gets every month is money, not a harvest's weight (made-up questions)."""
from __future__ import annotations

from agent.reader_question import analyse


def test_how_much_one_gets_a_month_asks_for_money():
    assert analyse("how much widow's pension do i get a month").want == "money"
    assert analyse("How much child benefit do we get per week?").want == "money"
    # A harvest is still weighed.
    assert analyse("how much rhubarb did I get this year").want == "weight"


def test_the_payment_of_the_day_asked_not_another_days_row():
    """"How much salary came in on 5 September 2026?" over a bank export: the row dated that day,
    not a later card payment the model happens to like better; a line with no day stays in."""
    from agent.reader import Reader
    from agent.reader_dates import asked_day, days_of
    from tests.agent.test_reader import overlap_model, row

    salary = row({"date": "2026-09-05", "payee": "Vatra Metrology", "details": "Wages for August", "amount": "+2 140,55 EUR"},
                 line=5, path="/notes/bank/2026-09.csv")
    groceries = row({"date": "2026-09-27", "payee": "Maxima", "details": "Card purchase, came in late", "amount": "-87,36 EUR"},
                    line=12, path="/notes/bank/2026-09.csv")
    question = "How much salary came in on 5 September 2026?"
    assert asked_day(question) == (9, 5) and days_of(salary) == {(9, 5)} and days_of(groceries) == {(9, 27)}
    for model in (overlap_model(), overlap_model(maxima=2.0, late=2.0)):
        reading = Reader(model).read(question, [groceries, salary])
        assert reading.kind == "answered" and "2 140,55" in reading.answer
    assert asked_day("How much is my salary?") is None
