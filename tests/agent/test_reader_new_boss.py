"""Who the user's manager is now: a journal says it by whom they report to ("so I now report to
Shalini Lal", "Je rapporte directement à Mme Clarisse Tossou") or by "my new manager is ...", while
the work page keeps the old manager; a Notion page is dated only by its "Date:" property."""
from __future__ import annotations

from agent.chat import _ASKS_MY_BOSS, ChatEngine, open_memory
from agent.config import Home
from agent.reader import Reader, _kind_before
from agent.reader_versions import job_change_words, new_boss_named, states_change
from memory.parsers import parse
from memory.updated import property_day
from tests.agent.test_reader import hit, overlap_model


def test_a_line_saying_whom_i_now_report_to_names_my_manager():
    card = hit("Work: Manager: Sireli Naivalu", line=11, path="/notes/docs/work.md", topic="Work")
    news = hit("Sireli moved over to run the new Nadi office, so I now report to Shalini Lal (she came from the Sydney side).",
               line=12, rank=2, path="/notes/blog/2026-10-02-promotion.md", topic="Senior!")
    reading = Reader(overlap_model()).read("Who is my manager?", [card, news])
    assert reading.kind == "answered" and "Shalini Lal" in reading.answer
    # The manager is the name right after the words, not the one who moved or where to.
    assert new_boss_named(news.text, ["Sireli", "Nadi", "Shalini Lal", "Sydney"]) == ["Shalini Lal"]
    assert new_boss_named("Je rapporte directement à Mme Clarisse Tossou, la DG.", ["Mme Clarisse Tossou", "DG"]) == ["Mme Clarisse Tossou"]
    # Someone else reporting to someone is no boss of mine, nor is a report I write.
    assert not job_change_words({"manag"}, "Iwan now reports to Chitra.")
    assert not job_change_words({"manag"}, "I wrote the report to Finance on Friday.")
    assert job_change_words({"manag", "work"}, "so from now on I report to Shamsa Al-Balushi") == {"manag", "work"}
    assert states_change(news, lambda st: None)


def test_my_new_manager_is_names_the_manager_and_is_newer_than_the_card():
    assert _kind_before("Ing. Quenta left for Entel; my new manager is Ing. Limbert Cusi (CTO office).", "manager", ["Ing. Limbert Cusi"])
    assert not _kind_before("The manager is happy with Ing. Limbert Cusi.", "manager", ["Ing. Limbert Cusi"])
    card = hit("altiplano fibra: Manager: Ing. Wilson Quenta.", line=332, path="/notes/zulip/messages.json", topic="work")
    news = hit("2026-11-03: Ing. Quenta left for Entel; my new manager is Ing. Limbert Cusi (CTO office).", line=750, rank=1,
               path="/notes/zulip/messages.json", topic="2026-11")
    reading = Reader(overlap_model()).read("Who is my manager?", [card, news])
    assert reading.kind == "answered" and "Limbert Cusi" in reading.answer and "Wilson" not in reading.answer


def test_a_new_boss_on_a_later_page_is_my_boss_at_the_firm_the_old_card_names():
    """The Evernote note of the promotion names no firm; it is dated only by when it was changed."""
    card = hit("Hlandé Transit: Mon chef : M. Ignace Gbaguidi, DAF.", line=16, path="/notes/Evernote/Travail.enex", topic="Hlandé Transit")
    card.written = "2025-01-10"
    news = hit("Je rapporte directement à Mme Clarisse Tossou, la DG : c'est elle ma cheffe maintenant.", line=46, rank=3,
               path="/notes/Evernote/Travail.enex", topic="Promotion !")
    news.written = "2026-09-15"
    reading = Reader(overlap_model()).read("Who's my boss at Hlandé?", [card, news])
    assert reading.kind == "answered" and "Tossou" in reading.answer
    # On a page changed before the card's, it is the older word: the card answers.
    news.written = "2024-05-01"
    reading = Reader(overlap_model()).read("Who's my boss at Hlandé?", [card, news])
    assert "Gbaguidi" in reading.answer


def test_a_notion_page_is_dated_by_its_date_property():
    page = ["# Re-org", "", "Date: August 24, 2026", "Tags: work", "", "Re-org announced. I now report to Priya Nair."]
    assert property_day(page) == "2026-08-24"
    assert parse(__import__("pathlib").Path("Re-org c0a0.md"), "\n".join(page).encode()).written == "2026-08-24"
    assert property_day(["# X", "Created: March 8, 2026 9:15 AM", "Last edited time: 9 March 2026"]) == "2026-03-09"
    # A start date is no day the page was written; a date the text tells is no property.
    assert property_day(["# 41.01 Ledgerline", "", "Area: 40-49 Work", "Started: March 17, 2025", "Tags: work"]) == ""
    assert property_day(["# Trip", "", "We fly out soon.", "Date: May 1, 2027"]) == ""
    assert property_day(["Date: August 24, 2026"]) == ""  # no title: not a page's properties


def test_a_question_about_my_boss_also_searches_for_whom_i_report_to():
    for q in ("Who is my manager?", "Who's my boss at Hlandé?", "Who do I report to at work?", "whats my new supervisor called"):
        assert _ASKS_MY_BOSS.search(q), q
    assert not _ASKS_MY_BOSS.search("Who manages the building?")


def test_the_manager_told_in_a_dated_notion_journal_page_wins_end_to_end(tmp_path):
    """A Notion export: the work page keeps the old manager; the journal page, dated only by its
    Date property, says whom the user now reports to."""
    notes = tmp_path / "notes"
    (notes / "Work").mkdir(parents=True)
    (notes / "Journal").mkdir()
    (notes / "Work" / "41.01 Ledgerline f9f46b.md").write_text(
        "# 41.01 Ledgerline\n\nArea: 40-49 Work\nRole: Senior Platform Engineer\nStarted: March 17, 2025\nTags: work\n\n"
        "- Team: Platform (Kubernetes, Terraform, the pager)\n- Manager: Conor Walsh\n- Office: Grand Canal Dock, 3rd floor.\n")
    (notes / "Journal" / "Re-org c0a019.md").write_text(
        "# Re-org\n\nDate: August 24, 2026\nTags: work\n\nRe-org announced. Platform splits in two and I now report to "
        "Priya Nair from 1 September. Conor Walsh moves over to Payments.\n")
    (notes / "Journal" / "Sunday reset 0155.md").write_text("# Sunday reset\n\nDate: March 8, 2026\nTags: family\n\nWork: Fine. Swim with Aoife.\n")
    home = Home(tmp_path / "home").ensure()
    settings = home.load_settings()
    memory = open_memory(home, settings)
    memory.index([notes])
    try:
        answer = ChatEngine(home, settings, memory=memory).ask("Who is my manager at work?")
    finally:
        memory.close()
    assert "Priya Nair" in answer.answer and "Conor" not in answer.answer.split(".")[0]
    assert answer.citation.path.endswith("Re-org c0a019.md")

