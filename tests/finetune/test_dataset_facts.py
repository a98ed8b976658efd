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
    assert [e.messages for e in small.examples] == [e.messages for e in build_dataset(units, PROMPTS, seed=3, max_examples=60).examples]


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
