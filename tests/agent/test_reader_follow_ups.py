"""A dated paragraph that names its thing once and then tells its new value: "Renewed the Demio
cover with Tausi today. Premium is now KSh 38,400.", "Demio service at Peter's this morning. ...
Next service at 94,600 km." The follow-up reads with the sentences before it, and its value is the
newer version of the card's. All examples made up; driven by the word-overlap scorer of
test_reader.py."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_statements import StatementHit, search_statements
from agent.reader_question import analyse
from agent.reader_types import Scored
from agent.reader_versions import shared_name, states_change, tells_next
from tests.agent.test_reader import hit, overlap_model


def _sentence(text: str, line: int, end: int | None = None, *, path: str = "/notes/journal/2026-02-27.md",
              topic: str = "Friday 27 February 2026") -> StatementHit:
    return StatementHit(id=f"{path}:{line}:{text[:8]}", path=path, line=line, end_line=end or line, text=text, source=text,
                        kind="sentence", topic=topic)


class _Memory:
    """The two calls search_statements makes of a memory with a statement index."""

    def __init__(self, statements: list[StatementHit]):
        self.statements = statements

    def search_statements(self, query: str, k: int = 12):
        return list(reversed(self.statements))[:k]

    def statements_before(self, statement_id: str, n: int = 3):
        at = next(i for i, s in enumerate(self.statements) if s.id == statement_id)
        return self.statements[max(0, at - n):at]


def test_a_follow_up_reads_with_the_sentences_before_it_in_its_paragraph():
    renewed = _sentence("Renewed the Demio cover with Tausi today, one day before it lapsed.", 6)
    premium = _sentence("Premium is now KSh 38,400 because of the tracker.", 6, 7)
    price = _sentence("Price is now KSh 2,000 a month.", 9)  # a blank line before it: a paragraph of its own
    found = {h.text: h for h in search_statements(_Memory([renewed, premium, price]), "premium")}
    assert found[premium.text].continues and found[premium.text].context == renewed.text
    assert not found[renewed.text].continues
    assert not found[price.text].continues and found[price.text].context == ""
    nothing_before = _sentence("Premium is now KSh 38,400.", 3, path="/notes/journal/2026-03-01.md")
    alone = {h.text: h for h in search_statements(_Memory([nothing_before]), "premium")}
    assert not alone[nothing_before.text].continues


def test_a_dated_premium_told_as_now_is_the_newer_version_of_the_card():
    card = hit("Demio (mine): Insurance: comprehensive with Tausi Assurance, renews 28th February. Premium last year KSh 35,900.",
               line=8, rank=0, path="/notes/cars.md", topic="Demio (mine)")
    premium = _sentence("Premium is now KSh 38,400 because of the tracker.", 6, 7)
    premium.rank = 1
    premium.context, premium.continues = "Renewed the Demio cover with Tausi today, one day before it lapsed.", True
    reading = Reader(overlap_model()).read("What's the Demio insurance premium?", [card, premium])
    assert reading.kind == "answered" and "38,400" in reading.answer
    # Without the sentence that names the car, the premium is nobody's: the card answers.
    premium.context, premium.continues = "", False
    reading = Reader(overlap_model()).read("What's the Demio insurance premium?", [card, premium])
    assert "35,900" in reading.answer


def test_what_comes_next_on_a_dated_page_moves_on_the_card():
    card = hit("Demio (mine): Last service 14/01/2026 at 84,200 km. Next due at 89,200 km.", line=11, rank=0,
               path="/notes/cars.md", topic="Demio (mine)")
    journal = "/notes/journal/2026-08-22.md"
    nxt = _sentence("Next service at 94,600 km.", 8, path=journal, topic="Saturday 22 August 2026")
    nxt.rank = 1
    nxt.context, nxt.continues = "Demio service at Peter's this morning. It was at 89,600 km, a bit past due.", True
    reading = Reader(overlap_model()).read("At what mileage is the Demio's next service due?", [card, nxt])
    assert reading.kind == "answered" and "94,600" in reading.answer
    assert tells_next(nxt) and not tells_next(card)
    assert states_change(nxt, lambda st: (2026, 8, 22)) and not states_change(nxt, lambda st: None)


def test_a_renewed_licence_named_by_its_last_word_is_the_newer_version():
    old = hit("Driver's licence: valid to 20/11/2026", line=17, rank=0, path="/notes/2026-02-09.txt",
              fields={"Driver's licence": "valid to 20/11/2026"})
    renewed = hit("Licence renewed, new one valid to 08/11/2031.", line=4, rank=1, path="/notes/2026-11-08.txt")
    reading = Reader(overlap_model()).read("Until when is my driver's licence valid?", [old, renewed])
    assert reading.kind == "answered" and "08/11/2031" in reading.answer
    # A number's kind in capitals is its name: someone's new phone number is no new IRD number.
    ird = hit("IRD number: 094-517-268", line=9, rank=0, path="/notes/tax.md", fields={"IRD number": "094-517-268"})
    phone = hit("Hems got a new number, 021 555 0178.", line=3, rank=1, path="/notes/2026-07-19.md")
    reading = Reader(overlap_model()).read("What's my IRD number?", [ird, phone])
    assert "094-517-268" in reading.answer


def test_a_later_sentence_of_a_keyed_line_knows_its_key_sentence_but_is_not_read_with_it():
    key = _sentence("Biscuit (cat): Food: Purina ONE indoor, half a cup twice a day.", 20, path="/notes/household.md", topic="Biscuit (cat)")
    key.kind, key.topic = "kv", ["Biscuit (cat)", "Food"]
    tail = _sentence("Food: No tuna (throws up).", 20, path="/notes/household.md", topic="Biscuit (cat)")
    found = {h.text: h for h in search_statements(_Memory([key, tail]), "food")}
    assert found[tail.text].context == key.text and not found[tail.text].continues


def test_what_comes_next_in_another_language_reads_with_its_paragraph_and_moves_on_the_card():
    # German "Nächste HU 09/2028" names neither the car nor a preposition: it follows the sentence
    # that does, as "Next service at 94,600 km." does.
    journal = "/notes/diary/2026-09-22.wiki"
    told = _sentence("Jonas war mit dem Fabia beim TÜV: HU bestanden, ohne Mängel.", 3, path=journal, topic="2026-09-22")
    nxt = _sentence("Nächste HU 09/2028.", 3, path=journal, topic="2026-09-22")
    found = {h.text: h for h in search_statements(_Memory([told, nxt]), "HU")}
    assert found[nxt.text].continues and found[nxt.text].context == told.text
    assert tells_next(nxt)
    card = hit("Fabia (von Jonas): HU/AU fällig: 09/2026", line=15, rank=0, path="/notes/Auto.wiki", topic="Fabia (von Jonas)")
    dated = found[nxt.text]
    dated.rank = 1
    reading = Reader(overlap_model()).read("When is the Fabia's next HU?", [card, dated])
    assert reading.kind == "answered" and "09/2028" in reading.answer


def test_a_fee_from_a_month_on_a_dated_page_is_the_newer_version_of_the_childs_card():
    # Each page is dated by its own `pub_date` only; the fee line leaves out whose it is.
    card = hit("Lorato (born 19/11/2020): Day care fee: P1,250 a month, lunch included.", line=18, rank=0,
               path="/notes/content/family/kids/contents.lr", topic="Kids")
    card.written = "2026-01-12"
    letter = hit("Day care fee: P1,450 a month from September.", line=20, rank=1,
                 path="/notes/content/journal/back-to-school/contents.lr", topic="Back to school")
    letter.written = "2026-09-05"
    reading = Reader(overlap_model()).read("How much is Lorato's day care fee?", [card, letter])
    assert reading.kind == "answered" and "P1,450" in reading.answer
    # Undated, nothing says it came later: the card answers.
    letter.written = ""
    reading = Reader(overlap_model()).read("How much is Lorato's day care fee?", [card, letter])
    assert "P1,250" in reading.answer


def test_a_new_value_by_key_reads_with_the_sentence_that_names_whose():
    """"Mathis started Cycle 3.1 yesterday. New teacher: Mr Serge Thill": the keyed line names no
    one; the sentence before it in its paragraph says whose teacher is new."""
    started = _sentence("Mathis started Cycle 3.1 yesterday.", 7)
    teacher = StatementHit(id="/notes/journal/rentree.md:7:New", path="/notes/journal/2026-02-27.md", line=7, end_line=8,
                           text="New teacher: Mr Serge Thill, young, sporty.", source="New teacher: Mr Serge Thill, young, sporty.",
                           kind="kv", topic="Friday 27 February 2026")
    found = {h.text: h for h in search_statements(_Memory([started, teacher]), "teacher")}
    assert found[teacher.text].continues and found[teacher.text].context == started.text
    card = hit("Mathis: School: École Am Bongert. Teacher this year: Mme Nadine Kayser.", line=20, path="/notes/family.md")
    reading = Reader(overlap_model()).read("Who is Mathis's teacher?", [card, found[teacher.text]])
    assert "Thill" in reading.answer


def test_now_and_a_new_amount_reads_with_the_sentence_before_it():
    """"Upgraded the fibre to 200 Mbps ... Now R$129 a month.": the amount's sentence names nothing;
    the sentence before it says what costs that now."""
    upgraded = _sentence("Upgraded the fibre to 200 Mbps because the kids stream all evening.", 4)
    now = _sentence("Now R$129 a month.", 4)
    found = {h.text: h for h in search_statements(_Memory([upgraded, now]), "internet")}
    assert found[now.text].continues and found[now.text].context == upgraded.text
    # "Now and then ..." gives no new value: it reads alone.
    then = _sentence("Now and then the router drops out.", 4)
    assert not {h.text: h for h in search_statements(_Memory([upgraded, then]), "router")}[then.text].continues


def test_a_new_amount_after_the_sentence_naming_the_plan_is_the_newer_version_of_the_card():
    """The card keys the plan by "Internet"; the dated follow-up never says the word, but it and
    the sentence before it say the plan's own words ("fibre", "Mbps" and the provider)."""
    card = hit("Home: Internet: sparknet fibre 50 Mbps, R$99 a month (debit order)", line=9, rank=0, path="/notes/home.md",
               topic="Home", fields={"Internet": "sparknet fibre 50 Mbps, R$99 a month (debit order)"})
    now = _sentence("Now R$129 a month.", 4)
    now.rank = 1
    now.context, now.continues = "sparknet technician came today. Upgraded the fibre to 200 Mbps because the kids stream.", True
    reading = Reader(overlap_model()).read("How much is our internet per month?", [card, now])
    assert reading.kind == "answered" and "R$129" in reading.answer
    # Read alone, "Now R$129 a month." could be anything's price: the card answers.
    now.context, now.continues = "", False
    assert "R$99" in Reader(overlap_model()).read("How much is our internet per month?", [card, now]).answer


def test_a_renewal_that_names_the_insurer_and_the_cover_versions_the_cars_premium():
    """"Insurance: Bluewave, comprehensive, €390 a year" on the car's card, then a dated "Bluewave
    renewal letter: the Rio comprehensive is now €431.50 a year": the insurer, written first after
    the key, is a name (no English word), and the cover's words are the card's."""
    card = hit("Kia Rio: Insurance: Bluewave, comprehensive, €390 a year, renews 01/03.", line=7, rank=0, path="/notes/cars.md",
               topic="Kia Rio", fields={"Insurance": "Bluewave, comprehensive, €390 a year, renews 01/03."})
    letter = _sentence("Bluewave renewal letter: the Rio comprehensive is now €431.50 a year (repair costs, they say).", 12,
                       topic="Mon 02/03/2026")
    letter.rank = 1
    for order in ([card, letter], [letter, card]):
        reading = Reader(overlap_model()).read("How much is the Rio insurance a year?", order)
        assert reading.kind == "answered" and "431.50" in reading.answer, order
    # Written as an English word ("Broker: Harbour, ...") the first word after a key is no name.
    plain = hit("Kia Rio: Insurance: Harbour, comprehensive, €390 a year.", line=7, path="/notes/cars.md", topic="Kia Rio")
    moored = _sentence("Harbour fees went up: the boat now pays €431.50 a year.", 12, topic="Mon 02/03/2026")
    assert not shared_name(analyse("How much is the Rio insurance a year?"), _scored(plain), _scored(moored))
    assert shared_name(analyse("How much is the Rio insurance a year?"), _scored(card), _scored(letter))


def _scored(st: StatementHit) -> Scored:
    return Scored(statement=st, cover=1.0, typed=[], prerank=0.0)
