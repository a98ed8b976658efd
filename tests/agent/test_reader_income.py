"""An amount one gets every month is money, not a harvest's weight (made-up questions)."""
from __future__ import annotations

from agent.reader_question import analyse


def test_how_much_one_gets_a_month_asks_for_money():
    assert analyse("how much widow's pension do i get a month").want == "money"
    assert analyse("How much child benefit do we get per week?").want == "money"
    # A harvest is still weighed.
    assert analyse("how much rhubarb did I get this year").want == "weight"
