"""A change of provider told as what was cancelled and what came instead: the line that only says
what is gone ("Cancelled the Digicel fibre by phone") is no newer value, and "Cancelled Cyta."
hands over to the next sentence on its line ("The house is now on **Epic** Fiber 500")."""
from __future__ import annotations

from pathlib import Path

from agent.reader import Reader, _goes_on_from
from tests.agent.test_reader import hit, overlap_model


def test_a_line_that_only_cancels_is_no_newer_value(tmp_path: Path):
    post = tmp_path / "2026-10-25-internet.md"
    post.write_text("# Goodbye Digicel fibre\n\nFibre dropped out for the third weekend in a row, so we switched the home internet to Unwired.\n\n"
                    "The Unwired box came on Friday. Cancelled the Digicel fibre by phone (they wanted the router back, dropped it at their Suva shop).\n")
    bill = hit("Bill: Internet; Company: Digicel Home Fibre, 50 Mbps; Account: DHF-7741902", line=12, path=str(tmp_path / "house.md"),
               topic="Bills", fields={"Bill": "Internet", "Company": "Digicel Home Fibre, 50 Mbps", "Account": "DHF-7741902"})
    switched = hit("Fibre dropped out for the third weekend in a row, so we switched the home internet to Unwired.", line=3, rank=1,
                   path=str(post), topic="Goodbye Digicel fibre")
    cancelled = hit("Cancelled the Digicel fibre by phone (they wanted the router back, dropped it at their Suva shop).", line=5, rank=2, path=str(post),
                    topic="Goodbye Digicel fibre")
    reading = Reader(overlap_model(digicel=0.3)).read("Who is our internet provider?", [bill, switched, cancelled])
    assert reading.kind == "answered" and "Unwired" in reading.answer and "Cancelled" not in reading.answer


def test_what_replaced_a_cancelled_provider_is_the_next_sentence_on_its_line(tmp_path: Path):
    post = tmp_path / "2026-11-21-epic-and-dentist.md"
    post.write_text("# Switched internet, new dentist\n\nCancelled Cyta. The house is now on **Epic** Fiber 500, €34.00 a month, installed on Thursday\n"
                    "(the technician put the router in the hall cupboard).\n")
    cancelled = hit("Cancelled Cyta.", line=3, path=str(post), topic="Switched internet, new dentist")
    now_on = hit("The house is now on **Epic** Fiber 500, €34.00 a month, installed on Thursday\n(the technician put the router in the hall cupboard).",
                 line=3, path=str(post), topic="Switched internet, new dentist")
    now_on.end_line = 4
    assert _goes_on_from(cancelled, now_on)  # (the next sentence runs on to the next line)
    row = hit("internet + landline: provider: Cyta, Fiber 300; account / number: customer 88412093", line=34,
              path=str(tmp_path / "house.md"), topic="Bills", fields={"internet + landline": "provider: Cyta, Fiber 300"})
    reading = Reader(overlap_model()).read("Who is our internet provider?", [row, cancelled, now_on])
    assert reading.kind == "answered" and "Epic" in reading.answer and reading.statement.id == now_on.id
