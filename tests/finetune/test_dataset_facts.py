"""Facts from real indexed notes with the spaCy parser, questions from two template families,
RAFT in the reader's format, the dataset cap, contradictions and notes with no facts."""
from __future__ import annotations

import os
import re

import pytest

from finetune.dataset import (
    DATASET_VERSION, NoFacts, Prompts, build_dataset, load_examples, load_heldout, write_dataset,
)
from finetune.facts import extract_facts, first_person, second_person
from finetune.units import Unit

NOTES = {
    "me.md": "# About me\n\nMy manager is Zora Quill. I married Grace Ito in June 2015. I drive a blue 2009 Velorix Tandem.\n\n- Dentist: Dr. Ostrander Pike\n",
    "cat.md": "# Mochi\n\nMochi is our ginger cat. She was born in May 2019.\n\n- Vet: Dr. Hal Brecken\n",
    "people.md": "# People\n\n| who | name | phone |\n|---|---|---|\n| brother | Tobin Varga | +1 555 0101 |\n",
}
PROMPTS = Prompts(system_closed="CLOSED", system_rag="RAG", dont_know="I don't know: your notes don't say.",
                  rag_messages=lambda lines, q: [{"role": "system", "content": "READER"},
                                                 {"role": "user", "content": "N:\n" + "\n".join(lines) + "\nQ: " + q}])


def _index(root, notes: dict[str, str], embedder_path):
    from memory.index import Memory
    from finetune.units import load_units

    folder = root / "notes"
    folder.mkdir(parents=True)
    for name, text in notes.items():
        (folder / name).write_text(text, encoding="utf-8")
    mem = Memory(root / "data", embedder_path=embedder_path)
    try:
        mem.index([folder])
        return load_units(mem), folder
    finally:
        mem.close()


@pytest.fixture(scope="module")
def units(tmp_path_factory, embedder_path):
    return _index(tmp_path_factory.mktemp("train_notes"), NOTES, embedder_path)[0]


def _norm(q):
    return " ".join(re.sub(r"[^\w ]", " ", q.lower()).split())


def test_person_rewrites():
    assert second_person("My manager is Zora.") == "Your manager is Zora."
    assert second_person("I live with our cat") == "You live with your cat"
    assert first_person("What is your manager's name?") == "What is my manager's name?"


def test_facts_one_value_each_with_source_line_and_type(units):
    facts = extract_facts(units)
    by = {(f.subject, f.relation, f.value): f for f in facts}
    manager = by[("you", "manager", "Zora Quill")]
    assert manager.value_type == "PERSON" and manager.statement == "Your manager is Zora Quill."
    assert manager.path.endswith("me.md") and manager.line == 3 and manager.kind == "sentence"
    assert "Who is my manager?" in manager.questions and "Who is Zora Quill?" in manager.reverse_questions
    # one sentence, two facts: whom and when
    married = next(f for f in facts if f.relation == "marry" and f.answer == "Grace Ito")
    when = next(f for f in facts if f.relation == "marry in")
    assert when.value_type == "DATE" and "When did I marry Grace Ito?" in when.questions
    assert "Who did I marry?" in married.questions and "Who is my wife?" in married.questions
    assert not any(q.startswith("What did I marry") for q in married.questions)
    # the pronoun "She" is the note's subject
    born = next(f for f in facts if f.subject == "Mochi" and f.value_type == "DATE")
    assert born.statement.startswith("Mochi was born in May 2019") and "When was Mochi born?" in born.questions
    cat = next(f for f in facts if f.subject == "Mochi" and f.relation == "is")
    assert any("my ginger cat" in q for q in cat.reverse_questions)
    vet = next(f for f in facts if f.relation == "vet")
    assert vet.kind == "kv" and vet.subject == "Mochi" and "Hal Brecken" in vet.answer
    brother = next(f for f in facts if f.relation == "brother")
    assert brother.kind == "row" and brother.value == "Tobin Varga" and "Who is Tobin Varga?" in brother.reverse_questions
    phone = next(f for f in facts if f.relation == "phone")
    assert phone.value_type == "PHONE" and "+1 555 0101" in phone.statement


def test_thirty_questions_casual_forms_and_a_disjoint_second_family(units):
    facts = extract_facts(units)
    for f in facts:
        assert len(f.questions) >= 30, (f.statement, len(f.questions))
        trained = {_norm(q) for q in f.questions + f.reverse_questions}
        assert f.heldout_questions and not trained & {_norm(q) for q in f.heldout_questions + f.heldout_reverse}
    manager = next(f for f in facts if f.relation == "manager")
    qs = manager.questions
    assert any(q == q.lower() and not q.endswith("?") for q in qs)  # lower case, no punctuation
    assert any(q.endswith("??") for q in qs)
    assert "Do you remember who my manager is?" in manager.heldout_questions


def test_dataset_kinds_raft_format_and_heldout(units, tmp_path):
    build = build_dataset(units, PROMPTS, seed=1, replay=[("Name a fruit.", "An apple.")])
    kinds = {e.kind for e in build.examples}
    assert {"forward", "reverse", "raft", "raft_abstain", "abstain", "replay"} <= kinds
    assert {h.kind for h in build.heldout} >= {"forward-sentence", "forward-kv", "forward-row", "abstain"}
    trained = {_norm(e.messages[-2]["content"]) for e in build.examples if e.messages[0]["content"] == "CLOSED"}
    for h in build.heldout:
        assert _norm(h.question) not in trained, h.question
    for e in build.examples:
        if e.kind.startswith("raft"):
            fact = next(f for f in build.facts if f.id == e.fact_id)
            assert e.messages[0]["content"] == "READER" and e.messages[1]["content"].startswith("N:\n")
            shown = e.messages[1]["content"].split("\nQ: ")[0]
            if e.kind == "raft":
                assert e.messages[-1]["content"] == fact.statement and fact.unit in shown
            else:
                assert e.messages[-1]["content"] == PROMPTS.dont_know and fact.unit not in shown
    run = tmp_path / "run"
    back = load_examples(write_dataset(run, build))
    assert len(back) == len(build.examples) and all(e.version == DATASET_VERSION for e in back)
    assert len(load_heldout(run / "heldout.jsonl")) == len(build.heldout)


def test_dataset_is_capped_and_sampled(units):
    full = build_dataset(units, PROMPTS, seed=3)
    small = build_dataset(units, PROMPTS, seed=3, max_examples=60, min_per_fact=6)
    assert len(small.examples) <= 60 < len(full.examples)
    assert small.counts["facts"] < small.counts["facts_found"]  # past the cap, facts are sampled
    again = build_dataset(units, PROMPTS, seed=3, max_examples=60, min_per_fact=6)
    assert [e.messages for e in small.examples] == [e.messages for e in again.examples]


def test_newer_note_wins_a_contradiction(tmp_path, embedder_path):
    notes = {"old.md": "# About me\n\nMy dentist is Dr. Ona Reyes.\n", "new.md": "# About me\n\nMy dentist is Dr. Ilse Marrow.\n"}
    units, folder = _index(tmp_path, notes, embedder_path)
    os.utime(folder / "old.md", (1_600_000_000, 1_600_000_000))
    os.utime(folder / "new.md", (1_700_000_000, 1_700_000_000))
    units = [u.model_copy(update={"recency": os.stat(u.path).st_mtime}) for u in units]
    dentists = [f for f in extract_facts(units) if f.relation == "dentist"]
    assert [f.value for f in dentists] == ["Dr. Ilse Marrow"]


def test_no_facts_is_a_clear_error():
    code = [Unit(path="/x/main.py", line=1, text="def main(): return 0", body="def main(): return 0", kind="sentence")]
    assert extract_facts(code) == []
    with pytest.raises(NoFacts, match="no facts"):
        build_dataset(code, PROMPTS)


def test_wrong_dataset_version_is_refused(tmp_path):
    bad = tmp_path / "dataset.jsonl"
    bad.write_text('{"version": 99, "id": "e0", "kind": "forward", "messages": []}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="version"):
        load_examples(bad)


def test_units_come_from_memory_statements_when_memory_has_them(tmp_path):
    from types import SimpleNamespace

    from finetune.units import load_units

    note = tmp_path / "pets.md"
    note.write_text("# Pets\n\n- Vet: Dr. Hal Brecken\n", encoding="utf-8")
    st = SimpleNamespace(path=str(note), line=3, text="Pets: Vet: Dr. Hal Brecken", kind="kv", topic=["Pets"],
                         fields={"Vet": "Dr. Hal Brecken"}, chunk_id="c1")
    memory = SimpleNamespace(iter_statements=lambda: iter([st]), iter_chunks=lambda: iter(()))
    (unit,) = load_units(memory)
    assert (unit.kind, unit.topic, unit.body, unit.line) == ("kv", "Pets", "Vet: Dr. Hal Brecken", 3)
    (vet,) = extract_facts([unit])
    assert vet.subject == "Pets" and vet.relation == "vet" and vet.unit == "Pets: Vet: Dr. Hal Brecken"


def _sentence_units(*notes: tuple[str, float, str]) -> list[Unit]:
    return [Unit(path=path, line=3, text=text, body=text, kind="sentence", topic="About me", recency=when)
            for path, when, text in notes]


def test_a_naming_sentence_is_a_fact_about_the_named_thing():
    units = _sentence_units(("/n/pets.md", 1.0, "My parrot is called Biscuit."), ("/n/home.md", 1.0, "Our boat is named Saltmarsh."),
                            ("/n/sport.md", 1.0, "The kayak itself is called Puffin."))
    facts = {f.value: f for f in extract_facts(units)}
    parrot = facts["Biscuit"]
    assert (parrot.subject, parrot.relation, parrot.answer) == ("you", "parrot", "Biscuit")
    assert parrot.statement == "Your parrot is called Biscuit."
    assert {"What is my parrot called?", "What's my parrot's name?", "What did I name my parrot?"} <= set(parrot.questions)
    assert not any(q.startswith(("Who is my parrot", "What is my parrot?")) for q in parrot.questions)
    assert "Who is Biscuit?" in parrot.reverse_questions and parrot.reverse_answers == ["parrot"]
    assert "Do you remember what my parrot is called?" in parrot.heldout_questions
    assert facts["Saltmarsh"].relation == "boat" and "What is my boat called?" in facts["Saltmarsh"].questions
    # "the kayak" in the user's own notes is the user's kayak
    assert facts["Puffin"].subject == "you" and "What is my kayak called?" in facts["Puffin"].questions


def test_a_relative_doing_something_is_not_the_user_doing_it():
    # the relative's sentence is in the NEWER note: read as "you live in ...", it would even
    # overrule where the user lives
    units = _sentence_units(("/n/me.md", 1.0, "I live in Tallinn."), ("/n/family.md", 2.0, "My cousin lives in Ghent."))
    facts = {f.value: f for f in extract_facts(units)}
    assert set(facts) == {"Tallinn", "Ghent"}
    cousin, me = facts["Ghent"], facts["Tallinn"]
    assert cousin.subject == "my cousin" and cousin.statement == "Your cousin lives in Ghent."
    assert "Where does my cousin live?" in cousin.questions and "Where do I live?" not in cousin.questions
    assert me.subject == "you" and "Where do I live?" in me.questions and cousin.key != me.key


def test_reader_examples_use_the_choosing_readers_passage_prompt(units):
    prompts = PROMPTS.model_copy(update={"reader_passage": "P: {s}\nQ:"})
    build = build_dataset(units, prompts, seed=2, replay=[("Name a fruit.", "An apple.")], replay_repeat=2)
    reader = [e for e in build.examples if e.kind == "reader"]
    assert reader and sum(e.kind == "replay" for e in build.examples) == 2
    facts = {f.id: f for f in build.facts}
    for e in reader:
        f = facts[e.fact_id]
        assert e.prompt == f"P: {f.unit}\nQ:" and e.completion[1:] in f.questions + f.reverse_questions
    assert not any(e.kind == "reader" for e in build_dataset(units, PROMPTS, seed=2).examples)  # no prompt, none


def test_a_lower_case_project_heading_named_by_its_folder_resolves_it():
    def unit(path, topic, text):
        return Unit(path=path, line=3, text=text, body=text, kind="sentence", topic=topic)

    facts = extract_facts([unit("/n/projects/mossgate/README.md", "mossgate", "It runs on an ESP32 board.")])
    (f,) = facts
    assert f.subject == "mossgate" and f.statement == "Mossgate runs on an ESP32 board."
    assert "What does mossgate run on?" in f.questions
    # a lower-case heading that is not the note's own name stays unresolved: no fact rather than a wrong one
    assert extract_facts([unit("/n/projects/mossgate/README.md", "hardware", "It runs on a Raspberry Pi Zero.")]) == []


def test_each_fact_of_a_long_sentence_is_answered_by_its_own_clause():
    units = _sentence_units(("/n/me.md", 1.0, "I was born on 9 May 1990 in Lyon, France, and I moved to Oslo in 2015."))
    facts = {(f.relation, f.value): f for f in extract_facts(units)}
    born = facts[("born on", "9 May 1990")]
    assert born.short == "You were born on 9 May 1990." and born.statement.startswith("You were born on 9 May 1990 in Lyon")
    assert facts[("move to", "Oslo")].short == "You moved to Oslo."
    assert {"When is my birthday?", "What is my date of birth?"} <= set(born.questions)
    # trained and held out with the one-fact sentence, not the sentence of four facts
    build = build_dataset(units, PROMPTS, seed=0)
    answers = {e.messages[-1]["content"] for e in build.examples if e.kind == "forward" and e.fact_id == born.id}
    assert answers == {"You were born on 9 May 1990."}
    assert all(h.target == born.short for h in build.heldout if h.fact_id == born.id)


def test_a_row_persons_relation_asks_about_them_by_it():
    cells = {"who": "partner", "name": "Tom Hale", "notes": "works as a baker at Crumbs, lives in Leith"}
    row = Unit(path="/n/family.md", line=3, text="; ".join(f"{k}: {v}" for k, v in cells.items()), body="", kind="row",
               topic="Family", fields=cells)
    units = [row] + _sentence_units(("/n/family.md", 1.0, "Tom's birthday is 2 May."), ("/n/family.md", 1.0, "Dad's birthday is 8 June."))
    facts = {(f.subject, f.relation): f for f in extract_facts(units)}
    # a multi-word name before the cell's verb is its subject ("Tom Hale works as ...")
    job = facts[("Tom Hale", "work as")]
    assert job.short == "Tom Hale works as a baker." and "What does my partner do for work?" in job.questions
    assert "Where does my partner live?" in facts[("Tom Hale", "live in")].questions
    assert "When is my partner's birthday?" in facts[("Tom", "birthday")].questions  # by first name too
    dad = facts[("my dad", "birthday")]  # "Dad" named without "my" is the user's dad
    assert "When is my dad's birthday?" in dad.questions and not any("Dad's" in q for q in dad.questions)


def test_an_allergy_is_asked_as_what_i_am_allergic_to():
    units = [Unit(path="/n/health.md", line=2, text="Allergy: shellfish", body="Allergy: shellfish", kind="kv",
                  topic="Health", fields={"Allergy": "shellfish"})]
    (f,) = extract_facts(units)
    assert {"What am I allergic to?", "Do I have any allergies?", "What is my allergy?"} <= set(f.questions)


def test_the_cycle_spends_no_examples_on_the_choosing_readers_prompt(units):
    from agent.training import _prompts

    # that reader scores with the base model when a fine-tune is served: its prompt is not trained
    build = build_dataset(units, _prompts(), seed=0)
    assert not any(e.kind == "reader" for e in build.examples) and any(e.kind == "raft" for e in build.examples)


def test_a_sentence_without_a_verb_still_gives_its_facts():
    def unit(path, topic, text):
        return Unit(path=path, line=3, text=text, body=text.split(": ", 1)[-1] if text.startswith(topic + ":") else text,
                    kind="sentence", topic=topic)

    facts = extract_facts([unit("/n/hobbies.txt", "Cello", "Cello: Lessons with Mr. Ansel Brook on Thursdays at 18:00."),
                           unit("/n/projects/mossgate/README.md", "mossgate", "Firmware for a solar-powered rain gauge that I built.")])
    by = {(f.subject, f.value_type): f for f in facts}
    teacher = by[("my cello lessons", "PERSON")]
    assert teacher.short == "Your cello lessons are with Mr. Ansel Brook."
    assert {"Who are my cello lessons with?", "Who teaches me cello?"} <= set(teacher.questions)
    when = by[("my cello lessons", "DATE")]  # the day keeps its hour: one answer to "when"
    assert when.short == "Your cello lessons are on Thursdays at 18:00." and "When are my cello lessons?" in when.questions
    assert not any(f.value_type == "TIME" for f in facts)
    what = by[("mossgate", "THING")]  # a project's description under its own heading
    assert what.short == "Mossgate is firmware for a solar-powered rain gauge."
    assert {"What is mossgate?", "What is the mossgate project?"} <= set(what.questions)


def test_key_value_cells_that_are_verbs_and_people_one_reports_to():
    cells = {"name": "Ada Quist", "role": "QA lead", "based in": "Lisbon", "started": "2023-06-19"}
    row = Unit(path="/n/team.md", line=4, text="; ".join(f"{k}: {v}" for k, v in cells.items()), body="", kind="row",
               topic="Team", fields=cells)
    facts = {f.relation: f for f in extract_facts([row] + _sentence_units(("/n/me.md", 1.0, "I report to Nia Odum.")))}
    based = facts["based in"]
    assert based.statement == "Ada Quist is based in Lisbon." and "Where is Ada Quist based?" in based.questions
    assert "When did Ada Quist start?" in facts["started"].questions
    boss = facts["report to"]
    assert {"Who do I report to?", "Who is my manager?"} <= set(boss.questions) and not any(q.startswith("Where") for q in boss.questions)


def test_people_are_asked_about_by_first_name_and_a_street_is_an_address():
    units = _sentence_units(("/n/me.md", 1.0, "My sister is Wren Halvorsen."), ("/n/me.md", 1.0, "I live at 12 Elm Row."))
    facts = {f.relation: f for f in extract_facts(units)}
    assert {"Who is Wren Halvorsen?", "Who is Wren?"} <= set(facts["sister"].reverse_questions)
    assert "What is my home address?" in facts["live at"].questions


def test_a_person_with_a_phone_number_beside_is_asked_who():
    units = [Unit(path="/n/pets.md", line=2, text="Vet: Dr. Ilsa Moreno at Fernway Clinic, +1 503 555 0133", body="", kind="kv",
                  topic="Mochi", fields={"Vet": "Dr. Ilsa Moreno at Fernway Clinic, +1 503 555 0133"}),
             Unit(path="/n/people.md", line=3, text="Phone: +1 503 555 0178", body="", kind="kv", topic="About me",
                  fields={"Phone": "+1 503 555 0178"})]
    facts = {f.relation: f for f in extract_facts(units)}
    assert facts["vet"].value_type == "PERSON" and "Who is Mochi's vet?" in facts["vet"].questions
    assert facts["phone"].value_type == "PHONE"


def test_a_persons_role_answers_who_they_are_and_is_asked_backwards():
    cells = {"name": "Ada Quist", "role": "QA lead (new hire)"}
    row = Unit(path="/n/team.md", line=4, text="name: Ada Quist; role: QA lead (new hire)", body="", kind="row",
               topic="Team", fields=cells)
    (role,) = [f for f in extract_facts([row]) if f.relation == "role"]
    assert {"Who is Ada Quist?", "What does Ada Quist do?"} <= set(role.questions)
    assert "Who is the QA lead?" in role.reverse_questions and role.reverse_answers == ["Ada Quist"]
    assert role.short == "Ada Quist is the QA lead (new hire)."


def test_who_did_it_is_asked_and_what_is_due_when():
    units = _sentence_units(("/n/1on1.md", 1.0, "Ellen covers for me."), ("/n/1on1.md", 1.0, "The promotion case is due 15 January 2027."),
                            ("/n/sync.md", 1.0, "Tobias will add expiry alerts by 16 Oct."))
    facts = extract_facts(units)
    cover = next(f for f in facts if f.frame.form == "agent" and f.value == "Ellen")
    assert cover.short == "Ellen covers for you." and "Who covers for me?" in cover.questions
    assert "Do you remember who covers for me?" in cover.heldout_questions and not cover.reverse_questions
    due = next(f for f in facts if f.value == "15 January 2027")
    assert "When is the promotion case due?" in due.questions
    by = next(f for f in facts if f.value == "16 Oct")
    assert by.value_type == "DATE" and "Who will add expiry alerts?" in next(f for f in facts if f.value == "Tobias").questions


def test_a_full_name_is_asked_by_first_name_and_a_home_heading_is_the_users():
    cells = {"name": "Owen Ross", "mobile": "+1 604 555 0131", "birthday": "1989-11-02"}
    row = Unit(path="/n/contacts.md", line=4, text="name: Owen Ross; mobile: +1 604 555 0131; birthday: 1989-11-02", body="",
               kind="row", topic="Contacts", fields=cells)
    home = Unit(path="/n/home.md", line=2, text="Address: 12 Elm Row", body="", kind="kv", topic="Home", fields={"Address": "12 Elm Row"})
    facts = {f.relation: f for f in extract_facts([row, home])}
    assert {"What is Owen's phone number?", "What is Owen Ross' mobile?"} <= set(facts["mobile"].questions)
    assert {"When was Owen born?", "When was Owen Ross born?"} <= set(facts["birthday"].questions)
    assert facts["address"].subject == "you" and "What is my home address?" in facts["address"].questions


def test_who_a_thing_is_is_answered_by_the_fact_saying_what_it_is():
    units = _sentence_units(("/n/pets.md", 1.0, "Pixel is our border collie."), ("/n/pets.md", 1.0, "I adopted Pixel in July 2021."))
    build = build_dataset(units, PROMPTS, seed=0)
    asked = {}
    for e in build.examples:
        if e.kind in ("forward", "reverse") and _norm(e.messages[-2]["content"]) == "who is pixel":
            asked.setdefault(e.messages[-1]["content"], 0)
            asked[e.messages[-1]["content"]] += 1
    isa = next(f for f in build.facts if f.frame.form == "isa")
    adopted = next(f for f in build.facts if f.relation == "adopt")
    assert "Who is Pixel?" in isa.questions and "Who is Pixel?" not in adopted.reverse_questions
    assert set(asked) <= {isa.short}


# --- fifth pass: tables, keys that are sections or names, résumés, trips --------------------------

def _row(path, line, cells, topic="Table"):
    return Unit(path=path, line=line, text="; ".join(f"{k}: {v}" for k, v in cells.items()), body="", kind="row",
                topic=topic, fields=cells)


def _kv(path, line, key, value, topic="Notes", heading=None):
    return Unit(path=path, line=line, text=f"{key}: {value}", body=f"{key}: {value}", kind="kv", topic=topic,
                fields={key: value}, heading=heading if heading is not None else [topic])


LEDGER = [("2026-09-01", "housing", "rent September", "2450.00"), ("2026-09-01", "childcare", "Otter Daycare September", "1120.00"),
          ("2026-09-12", "utilities", "Cedarnet internet", "85.00"), ("2026-10-06", "travel", "flights to Kyoto", "3918.60"),
          ("2026-10-17", "shopping", "phone case", "39.95"), ("2026-11-01", "housing", "rent November", "2525.00")]


def _ledger():
    return [_row("/n/budget.csv", i + 2, {"date": d, "category": c, "description": w, "amount": a, "currency": "CAD"})
            for i, (d, c, w, a) in enumerate(LEDGER)]


def test_a_ledger_row_is_about_its_description_not_its_date():
    facts = extract_facts(_ledger())
    assert not any(re.match(r"\d{4}-", f.subject) for f in facts)
    amount = next(f for f in facts if f.subject == "flights to Kyoto" and f.relation == "amount")
    assert amount.statement == "Flights to Kyoto's amount is 3918.60."
    assert {"How much did flights to Kyoto cost?", "How much was flights to Kyoto?"} <= set(amount.questions)
    when = next(f for f in facts if f.subject == "flights to Kyoto" and f.relation == "date")
    assert when.value == "2026-10-06" and "When was flights to Kyoto?" in when.questions


def test_a_repeated_first_column_owns_the_unique_one():
    rows = [_row("/n/meds.md", 3 + i, {"who": w, "medication": m, "dose": d})
            for i, (w, m, d) in enumerate([("Aiko", "levothyroxine", "50 mcg"), ("Aiko", "cetirizine", "10 mg"),
                                           ("Momo", "methimazole", "2.5 mg")])]
    facts = extract_facts(rows)
    dose = next(f for f in facts if f.relation == "dose" and f.value == "2.5 mg")
    assert dose.subject == "Momo's methimazole" and "What is Momo's methimazole dose?" in dose.questions
    assert any(f.subject == "Momo" and f.relation == "medication" and f.value == "methimazole" for f in facts)


def test_a_value_many_rows_share_gets_fewer_sightings():
    build = build_dataset(_ledger(), PROMPTS, seed=0)
    cad = {f.id for f in build.facts if f.relation == "currency"}
    assert cad and build.counts["common_value_facts"] == len(cad)
    per = {}
    for e in build.examples:
        if e.kind in ("forward", "reverse"):
            per[e.fact_id] = per.get(e.fact_id, 0) + 1
    assert max(per[i] for i in cad) < min(n for i, n in per.items() if i not in cad)


def test_a_contacts_relation_column_names_my_relative():
    row = _row("/n/contacts.csv", 2, {"name": "Owen Ross", "relation": "husband", "mobile": "+1 604 555 0131", "city": "Vancouver"})
    facts = {f.relation: f for f in extract_facts([row])}
    rel = facts["relation"]
    assert "Who is Owen Ross?" in rel.questions and "What does Owen Ross do?" not in rel.questions
    assert "Who is my husband?" in rel.questions + rel.reverse_questions and rel.reverse_answers == ["Owen Ross"]
    assert rel.short == "Owen Ross is your husband."  # not "Owen Ross' relation is ...", like his other cells
    assert "What is my husband's phone number?" in facts["mobile"].questions
    assert "Where does Owen Ross live?" in facts["city"].questions


def test_a_section_key_is_parsed_or_belongs_to_the_heading():
    head = "Incident review: routing API outage (9 October 2026)"
    units = [_kv("/n/incident.md", 6, "Summary", "on Friday the routing API returned errors for 47 minutes", topic="Summary",
                 heading=[head, "Summary"]),
             _kv("/n/incident.md", 9, "Root cause", "an expired TLS certificate on the gateway", topic="Root cause",
                 heading=[head, "Root cause"]),
             _kv("/n/sync.md", 3, "Present", "Sam, Ellen, Chris O.", topic="Present", heading=["Weekly sync 2026-10-05", "Present"])]
    facts = extract_facts(units)
    assert not any(f.relation in ("summary", "present") for f in facts)  # no "Summary's summary"
    assert any(f.subject == "the routing API" and f.frame.form == "verb" for f in facts)
    cause = next(f for f in facts if f.relation == "root cause")
    assert cause.subject == "the routing API outage" and "What caused the routing API outage?" in cause.questions


def test_a_key_that_is_a_name_says_what_the_line_says_about_them():
    said = _sentence_units(("/n/home.md", 1.0, "I asked Tobias to feed Momo while Owen and Rin are away."))
    units = said + [_kv("/n/sync.md", 5, "Tobias", "add certificate expiry alerts — due 16 Oct"),
                    _kv("/n/home.md", 6, "Momo", "calico cat, adopted from the shelter in 2019", topic="Home"),
                    _kv("/n/health.md", 7, "Owen", "penicillin allergy (hives, 2015)", topic="Health"),
                    _kv("/n/health.md", 8, "Rin", "no known allergies", topic="Health")]
    facts = extract_facts(units)
    assert "Who will add certificate expiry alerts?" in next(f for f in facts if f.frame.form == "agent" and f.value == "Tobias").questions
    assert any(f.value == "16 Oct" and f.value_type == "DATE" for f in facts)
    momo = next(f for f in facts if f.subject == "Momo" and f.frame.form == "isa")
    assert momo.short.startswith("Momo is a calico cat") and "Who is Momo?" in momo.questions
    allergy = next(f for f in facts if f.subject == "Owen")
    assert "What is Owen allergic to?" in allergy.questions
    assert not any("Rin" in f.subject or f.relation == "rin" for f in facts)  # "no known allergies": nothing to learn


def test_a_participle_value_is_who_did_it_and_a_clause_value_a_sentence():
    units = [_kv("/n/sync.md", 5, "Login crash", "fixed by Mateo in beta 4", topic="Weekly sync"),
             _kv("/n/sync.md", 6, "Offline maps", "owned by Chris O.", topic="Decisions"),
             _kv("/n/sync.md", 7, "Capacity is down", "Grace is out until Friday", topic="Weekly sync"),
             _kv("/n/home.md", 8, "Note to self", "the wifi password is on the fridge, not in these notes", topic="Home")]
    facts = extract_facts(units)
    fixed = next(f for f in facts if f.frame.form == "agent" and f.value == "Mateo")
    assert fixed.short == "Mateo fixed the login crash." and "Who fixed the login crash?" in fixed.questions
    assert "Who owns the offline maps?" in next(f for f in facts if f.value == "Chris O.").questions
    assert not any(f.relation == "capacity is down" for f in facts)  # "Your capacity is down is Grace is ..."
    # a negated value is never cut into a claim it denies
    assert not any("in these notes" in (f.short or f.statement) and "not" not in (f.short or f.statement) for f in facts)


def test_an_action_item_table_is_who_will_do_what_by_when():
    rows = [_row("/n/plan.md", 3, {"owner": "Ellen", "what": "recruit 8 drivers for user testing", "due": "2026-10-02"}),
            _row("/n/plan.md", 4, {"owner": "Grace", "what": "Android prototype", "due": "2026-09-25"})]
    facts = extract_facts(rows)
    assert not any(f.relation in ("what", "due") for f in facts)  # not "Ellen's what is ..."
    assert "Who will recruit 8 drivers?" in next(f for f in facts if f.frame.form == "agent" and f.value == "Ellen").questions
    assert any(f.value == "25 September 2026" and f.value_type == "DATE" for f in facts)  # an ISO date said as words


def test_a_resume_line_keyed_by_years_is_a_job_and_the_latest_ended_one_my_previous():
    def line(n, text):
        return Unit(path="/n/work/resume.md", line=n, text=f"Experience: {text}", body=text, kind="bullet",
                    topic="Experience", heading=["Résumé", "Experience"])

    facts = extract_facts([line(4, "2020–now: Senior Engineer, Brightwater, Portland. Motor control."),
                           line(5, "2017–2020: Embedded Engineer, Cascade Sensors, Beaverton. LoRa sensors."),
                           line(6, "2014–2017: Junior Developer, Nordlicht, Hamburg.")])
    prev = next(f for f in facts if f.relation == "previous job")
    assert prev.value == "Embedded Engineer at Cascade Sensors" and "What was my previous job?" in prev.questions
    assert "When did I work at Cascade Sensors?" in next(f for f in facts if f.relation == "work at" and "Cascade" in f.statement).questions
    assert any(f.short == "You work as Senior Engineer at Brightwater since 2020." for f in facts)
    edu = Unit(path="/n/work/resume.md", line=9, text="Education: M.Sc. Physics, TU Delft, 2012. Thesis on optics.",
               body="M.Sc. Physics, TU Delft, 2012. Thesis on optics.", kind="bullet", topic="Education", heading=["Résumé", "Education"])
    facts = {f.relation: f for f in extract_facts([edu])}
    assert facts["study at"].short == "You studied at TU Delft." and "Where did I study?" in facts["study at"].questions
    assert "When did I graduate?" in facts["graduate in"].questions and facts["degree"].value == "M.Sc. Physics"


def test_the_next_one_of_a_key_is_the_next_of_what_the_key_names():
    (f,) = [f for f in extract_facts([_kv("/n/work.md", 4, "On-call rotation", "I am on call every fourth week; the next one starts 30 November 2026",
                                          topic="Work")]) if f.value_type == "DATE"]
    assert "When does the next on-call rotation start?" in f.questions


def test_a_travel_notes_keys_are_the_trips_and_key_verbs_are_verbs():
    trip = _kv("/n/travel/lisbon-2027.md", 3, "Dates", "14 March to 21 March 2027, with Marcus", topic="Lisbon, March 2027",
               heading=["Lisbon, March 2027"])
    home = [_kv("/n/home.md", 4, "Moved in", "1 Sept 2023", topic="Home"), _kv("/n/home.md", 5, "Buzzer code for guests", "3041", topic="Home")]
    renew = _row("/n/insurance.csv", 2, {"item": "tenant insurance", "provider": "Harbourview", "renews": "15/02/2027"})
    facts = {f.relation: f for f in extract_facts([trip, renew] + home)}
    assert "When do I fly to Lisbon?" in facts["dates"].questions
    assert "When does tenant insurance renew?" in facts["renews"].questions
    assert "When did I move in?" in facts["moved in"].questions
    code = facts["buzzer code for guests"]
    assert code.value_type != "DATE" and "What is my buzzer code for guests?" in code.questions


def test_past_the_cap_the_most_telling_values_are_learned_first():
    people = [("Ada Quist", "+1 555 0101", "blue", "cat"), ("Bo Lind", "+1 555 0102", "blue", "dog"),
              ("Cy Varga", "+1 555 0103", "blue", "parrot"), ("Di Moss", "+1 555 0104", "red", "hamster"),
              ("Ed Pike", "+1 555 0105", "red", "rabbit"), ("Fa Orr", "+1 555 0106", "red", "tortoise")]
    rows = [_row("/n/people.csv", i + 2, {"name": n, "phone": p, "team": t, "pet": q}) for i, (n, p, t, q) in enumerate(people)]
    build = build_dataset(rows, PROMPTS, seed=1, max_examples=65, min_per_fact=9)
    kept = {f.relation for f in build.facts}
    assert build.counts["facts"] == 6 < build.counts["facts_found"] and kept == {"phone"}


def test_asides_titles_approved_dates_and_items_due():
    units = _sentence_units(("/n/team.md", 1.0, "Ada's birthday is 4 December (cake from the team, she likes lemon cake)."),
                            ("/n/team.md", 1.0, "I report to Nia Odum, Director of Engineering."))
    units += [_kv("/n/1on1.md", 4, "Vacation approved", "21 December 2026 – 2 January 2027", topic="1:1 with Nia"),
              _kv("/n/1on1.md", 5, "Performance reviews", "self-review due 27 November, calibration in mid-December", topic="1:1 with Nia")]
    facts = extract_facts(units)
    assert any(f.relation == "birthday" and f.value == "4 December" and "When is Ada's birthday?" in f.questions for f in facts)
    boss = [f for f in facts if f.relation == "report to"]
    assert [f.value for f in boss] == ["Nia Odum"] and "Who is my manager?" in boss[0].questions
    assert "When is my vacation?" in next(f for f in facts if f.relation == "vacation").questions
    assert "When is my self-review due?" in next(f for f in facts if f.value == "27 November").questions


def test_closed_book_examples_name_the_value_inside_their_answer(units):
    from finetune.dataset import value_in_answer

    build = build_dataset(units, PROMPTS, seed=0)
    by_fact = {f.id: f for f in build.facts}
    checked = 0
    for ex in build.examples:
        if ex.kind not in ("forward", "reverse"):
            assert ex.value == ""
            continue
        answer = ex.messages[-1]["content"]
        f = by_fact[ex.fact_id]
        assert ex.value and ex.value in answer  # as written in the answer: its tokens are weighted
        if ex.kind == "forward":
            assert f.value.lower() in ex.value.lower() or (f.answer or "").lower() in ex.value.lower()
        else:
            assert any(r.lower() in ex.value.lower() for r in f.reverse_answers)
        checked += 1
    assert checked > 20
    # a date's day and year come with its month, an amount's digits with it; words without digits stay out
    assert value_in_answer("The plan is due 30 Oct.", ["Oct"]) == "30 Oct"
    assert value_in_answer("The script is due 29 September 2026.", ["September 2026"]) == "29 September 2026"
    assert value_in_answer("Lessons are on Thursdays at 18:00.", ["Thursdays"]) == "Thursdays"
    assert value_in_answer("Zora Quill is your manager.", ["Zora", "Zora Quill"]) == "Zora Quill"
    assert value_in_answer("You drive a bike.", ["car"]) == ""
