"""A Roam Research graph, a Danske Bank netbank CSV and a Splitwise group export read as what they
hold, and the household words and dates of Danish notes. Every statement cites the file line it
came from. (Made-up examples; no evaluation set's notes.)"""
from __future__ import annotations

import json
from pathlib import Path

from agent.reader_text import latest_date
from memory import gloss, roam
from memory.statements import parse_statements


def _got(path, text: str):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), text.encode())]


def _written(path, text: str):
    return {s.text: s.written for s in parse_statements(Path(path), text.encode())}


def _block(text: str, uid: str, ms: int = 1767225600000, children: list | None = None) -> dict:
    b = {"string": text, "uid": uid, "create-time": ms, "edit-time": ms, ":create/user": {":user/uid": "u1"}}
    return b | ({"children": children} if children else {})


GRAPH = [
    {"title": "Hus", "uid": "p1", "create-time": 1767225600000, "edit-time": 1767225600000, "children": [
        _block("Varmepumpe:: Nibe F2040, service hvert andet år", "b1"),
        _block("#[[Bank]] Fælleskonto:: reg. 1234 kontonr. 0001234567", "b2"),
        _block("Naboer", "b3", children=[_block("[[Ole Krog]] - nr. 12 - 22 33 44 55", "b4")]),
        _block("Se ((b1)) for the heat pump", "b5"),
    ]},
    {"title": "March 3rd, 2026", "uid": "p2", "create-time": 1772524800000, "edit-time": 1772524800000, "children": [
        _block("{{[[DONE]]}} Ringede til [[Ole Krog]] om hækken", "b6", 1772524800000),
    ]},
    {"title": "Tom side", "uid": "p3"},
]


def test_a_roam_graph_gives_each_page_a_heading_over_its_blocks_attributes_links_and_references_in_words():
    got = _got("Roam/graf.json", json.dumps(GRAPH))
    assert got == [
        (1, "Hus", "Hus: Varmepumpe: Nibe F2040, service hvert andet år"),  # "Key:: value" is "Key: value"
        (1, "Hus", "Hus: Bank Fælleskonto: reg. 1234 kontonr. 0001234567"),  # a tag is its page's name
        (1, "Hus", "Hus: Se Varmepumpe: Nibe F2040, service hvert andet år for the heat pump"),  # ((uid)) resolved
        # a block with blocks under it heads them, after the page's own lines
        (1, "Hus > Naboer", "Naboer: Ole Krog - nr. 12 - 22 33 44 55"),
        (1, "March 3rd, 2026", "March 3rd, 2026: Ringede til Ole Krog om hækken (done)"),  # a daily page keeps its title
    ]


def test_a_pretty_printed_roam_graph_cites_each_block_at_its_line_and_dates_each_page():
    text = json.dumps(GRAPH, indent=2, ensure_ascii=False)
    lines = text.split("\n")
    got = _got("Roam/graf.json", text)
    ole = next(n for n, _, t in got if t.startswith("Naboer: Ole Krog"))
    assert '"[[Ole Krog]] - nr. 12 - 22 33 44 55"' in lines[ole - 1]
    written = _written("Roam/graf.json", text)
    assert written["Naboer: Ole Krog - nr. 12 - 22 33 44 55"] == "2026-01-01"  # its blocks' last edit
    assert written["March 3rd, 2026: Ringede til Ole Krog om hækken (done)"] == "2026-03-03"  # the daily page's day


def test_other_json_lists_are_not_roam_graphs():
    assert roam.graph_of(Path("a.json"), json.dumps([{"title": "Dune", "year": 1965}])) is None
    assert roam.graph_of(Path("a.json"), json.dumps([{"title": "x", "children": [{"name": "y"}]}])) is None
    assert roam.graph_of(Path("a.txt"), json.dumps(GRAPH)) is None
    assert roam.daily_day("March 3rd, 2026") == "2026-03-03" and roam.daily_day("Hus") == ""


DANSKE = (
    '"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"\n'
    '"02.03.2026";"Dankort Netto";"-212,50";"4.787,50";"Udført";"Nej"\n'
    '"05.03.2026";"Overførsel fra Ole Krog";"1.000,00";"5.787,50";"Venter";"Nej"\n'
)


def test_a_danske_bank_csv_is_its_account_over_its_postings_each_at_its_line():
    topic = "Danske Bank Fælleskonto (reg. nr. 1234, account number 0001234567), 2026-03"
    assert _got("Bank/Fælleskonto-1234-0001234567_2026-03.csv", DANSKE) == [
        (2, topic, "date: 2026-03-02; description: Dankort Netto; amount (beløb): -212,50 DKK; balance (saldo): 4.787,50 DKK"),
        # the status only when the posting is not done; the reconciled flag left out
        (3, topic, "date: 2026-03-05; description: Overførsel fra Ole Krog (Venter); amount (beløb): 1.000,00 DKK; balance (saldo): 5.787,50 DKK"),
    ]


SPLITWISE = (
    "Date,Description,Category,Cost,Currency,Ole Krog,Eva Dam\n"
    "2026-04-02,Brænde,General,800.00,DKK,400.00,-400.00\n"
    "2026-04-09,Pizza,Dining out,300.00,DKK,-150.00,150.00\n"
    "\n"
    "2026-04-30,Total balance, , ,DKK,250.00,-250.00\n"
)


def test_a_danske_bank_account_in_another_currency_says_so_by_its_file_name():
    got = _got("Bank/Valutakonto-EUR-1234-0007654321_2026-03.csv", DANSKE)
    assert got[0][2].endswith("amount (beløb): -212,50 EUR; balance (saldo): 4.787,50 EUR")


def test_a_splitwise_export_names_who_paid_and_says_the_total_balance_in_words():
    got = _got("Splitwise/hytte-2026_2026-04-30_export.csv", SPLITWISE)
    topic = "Splitwise group Hytte 2026"
    assert got == [
        (1, topic, "Members: Ole Krog, Eva Dam"),
        (2, topic, "date: 2026-04-02; description: Brænde; category: General; cost: 800.00; currency: DKK; paid by: Ole Krog; Ole Krog: 400.00; Eva Dam: -400.00"),
        (3, topic, "date: 2026-04-09; description: Pizza; category: Dining out; cost: 300.00; currency: DKK; paid by: Eva Dam; Ole Krog: -150.00; Eva Dam: 150.00"),
        (5, topic, "Total balance on 2026-04-30: Ole Krog is owed 250.00 DKK; Eva Dam owes 250.00 DKK."),
    ]


def test_a_csv_that_only_begins_like_splitwise_stays_a_csv():
    got = _got("data/costs.csv", "Date,Description,Category,Cost,Currency\n2026-01-02,Tog,Travel,99,DKK\n")
    assert got == [(2, "", "Date: 2026-01-02; Description: Tog; Category: Travel; Cost: 99; Currency: DKK")]


def test_danish_household_words_are_glossed_and_english_lines_gain_none():
    assert {"passport", "expires"} <= gloss.english_for("Pas: nr. 123456789, udløber 01/02-2030")
    assert {"partner"} <= gloss.english_for("Ole - kæreste - 22 33 44 55")
    assert {"older", "sister"} <= gloss.english_for("Storesøster Eva, Vejle")
    assert {"kindergarten"} <= gloss.english_for("Børnehave: Børnehuset Mælkebøtten")
    assert {"chairman"} <= gloss.english_for("Formand: Ole Krog")
    assert {"cellar"} <= gloss.english_for("Kælderrum nr. 3")
    assert {"car", "insurance", "policy", "number"} <= gloss.english_for("Bilforsikring: Topdanmark, policenr. 1-2-3")
    assert {"gp", "doctor"} <= gloss.english_for("Egen læge: Lægerne i Byen")
    assert {"boss"} <= gloss.english_for("Chef: Eva Dam")
    assert {"monthly"} <= gloss.english_for("Husleje 7.250 kr./md")
    # "Far"/"Mor" as a line's label are a father's and mother's line even without æ, ø or å.
    assert {"father"} <= gloss.english_for("Far: Ole Krog, Vejle - 22 33 44 55")
    for english in ("the chef said hello", "police called", "so far: nothing", "we went far away"):
        assert gloss.english_for(english) == frozenset(), english


def test_danish_dates_are_dates():
    assert latest_date("Ole Krog, født 22/8-1988") == (1988, 8, 22)
    assert latest_date("Pas: udløber 02/05-2031") == (2031, 5, 2)
    assert latest_date("Født: 14. marts 1990, Vejle") == (1990, 3, 14)
    assert latest_date("pages 3/4-5") is None
    got = [t for _, _, t in _got("notes/eva.md", "Eva er født 14. marts 1990 i Vejle. Hun bor i Aarhus.\n")]
    assert got == ["Eva er født 14. marts 1990 i Vejle.", "Hun bor i Aarhus."]
