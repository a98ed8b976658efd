"""Dataset building from real indexed notes: facts, phrasings, reverse, RAFT, abstain, held-out."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from finetune.dataset import (
    DATASET_VERSION, Prompts, build_dataset, load_examples, load_heldout, write_dataset,
)
from finetune.facts import extract_facts, first_person, second_person

NOTES = {
    "me.md": "# About me\n\nMy manager is Zora Quill. I drive a blue 2009 Velorix Tandem.\n\n- Dentist: Dr. Ostrander Pike\n",
    "cat.md": "# Mochi\n\nMochi is our ginger cat. She was born in May 2019.\n\n- Vet: Dr. Hal Brecken\n",
    "people.md": "# People\n\n| who | name | phone |\n|---|---|---|\n| brother | Tobin Varga | +1 555 0101 |\n",
}
PROMPTS = Prompts(system_closed="CLOSED", system_rag="RAG", dont_know="I don't know: your notes don't say.")


@pytest.fixture(scope="module")
def chunks(tmp_path_factory, embedder_path):
    from memory.index import Memory

    root = tmp_path_factory.mktemp("train_notes")
    notes = root / "notes"
    notes.mkdir()
    for name, text in NOTES.items():
        (notes / name).write_text(text, encoding="utf-8")
    mem = Memory(root / "data", embedder_path=embedder_path)
    try:
        mem.index([notes])
        yield list(mem.iter_chunks())
    finally:
        mem.close()


def test_person_rewrites():
    assert second_person("My manager is Zora.") == "Your manager is Zora."
    assert second_person("I live with our cat") == "You live with your cat"
    assert first_person("What is your manager's name?") == "What is my manager's name?"
    assert first_person("Where do you live?") == "Where do I live?"


def test_facts_from_sentences_bullets_and_tables(chunks):
    facts = extract_facts(chunks)
    by_statement = {f.statement: f for f in facts}
    manager = by_statement["Your manager is Zora Quill."]
    assert "Who is my manager?" in manager.questions
    assert "Who is Zora Quill?" in manager.reverse_questions
    # A pronoun at the start of a sentence becomes the name the note is about.
    assert any(s.startswith("Mochi was born in May 2019") for s in by_statement)
    mochi = next(f for f in facts if f.statement == "Mochi is your ginger cat.")
    assert any("my ginger cat" in q for q in mochi.reverse_questions)
    vet = next(f for f in facts if f.relation == "vet")
    assert vet.subject == "Mochi" and "Dr. Hal Brecken" in vet.statement
    brother = next(f for f in facts if f.relation == "name")
    assert brother.statement == "Your brother is Tobin Varga." and "Who is Tobin Varga?" in brother.reverse_questions
    phone = next(f for f in facts if f.relation == "phone")
    assert "+1 555 0101" in phone.statement and any("Tobin Varga" in q for q in phone.questions)


def test_dataset_has_every_kind_and_a_disjoint_heldout(chunks, tmp_path):
    build = build_dataset(chunks, PROMPTS, seed=1, replay=[("Name a fruit.", "An apple.")])
    kinds = {e.kind for e in build.examples}
    assert {"forward", "reverse", "statement", "raft", "raft_abstain", "abstain", "replay"} <= kinds
    held_kinds = {h.kind for h in build.heldout}
    assert {"forward", "reverse", "abstain"} <= held_kinds

    def norm(q):
        return " ".join(re.sub(r"[^\w ]", " ", q.lower()).split())

    trained = {norm(e.messages[1]["content"]) for e in build.examples if e.messages[0]["content"] == "CLOSED"}
    for h in build.heldout:
        assert norm(h.question) not in trained, h.question
        assert h.answers and all(a for a in h.answers)

    for e in build.examples:
        if e.kind == "raft":
            fact = next(f for f in build.facts if f.id == e.fact_id)
            assert e.messages[0]["content"] == "RAG"
            assert fact.statement == e.messages[2]["content"]
            assert any(line and line in e.messages[1]["content"] for line in fact.value.split(",")[:1])
        if e.kind == "raft_abstain":
            fact = next(f for f in build.facts if f.id == e.fact_id)
            assert e.messages[2]["content"] == PROMPTS.dont_know
            assert fact.value.split(",")[0] not in e.messages[1]["content"].split("Question:")[0]

    run = tmp_path / "run"
    path = write_dataset(run, build)
    back = load_examples(path)
    assert len(back) == len(build.examples) and all(e.version == DATASET_VERSION for e in back)
    assert len(load_heldout(run / "heldout.jsonl")) == len(build.heldout)
    assert (run / "dataset.meta.json").exists() and (run / "facts.jsonl").exists()


def test_dataset_is_shuffled_and_deterministic(chunks):
    a = build_dataset(chunks, PROMPTS, seed=3)
    b = build_dataset(chunks, PROMPTS, seed=3)
    assert [e.messages for e in a.examples] == [e.messages for e in b.examples]
    first_kinds = [e.kind for e in a.examples[:12]]
    assert len(set(first_kinds)) > 1  # not grouped by kind


def test_wrong_dataset_version_is_refused(tmp_path):
    bad = tmp_path / "dataset.jsonl"
    bad.write_text('{"version": 99, "id": "e0", "kind": "forward", "messages": []}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="version"):
        load_examples(bad)
