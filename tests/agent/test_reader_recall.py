"""A fine-tune's closed-book answer as evidence for the reader's choice, never as the answer;
and the base model scoring the candidates when a fine-tune is served."""
from __future__ import annotations

import os
import shutil

from agent.chat import ChatEngine
from agent.config import Home
from agent.reader import Reader
from agent.reader_recall import recalled_values
from agent.reader_text import stem
from tests.agent.test_reader import hit, overlap_model

# Two statements that fit "Where does my sister live?" equally for the scorer.
SISTER = [hit("My sister Anja lives in Porto.", line=1), hit("My sister's partner lives in Lyon.", line=2, rank=0)]


def test_recalled_values_are_what_the_answer_adds_to_the_question():
    assert recalled_values("Your sister lives in Porto.", "Where does my sister live?") == {stem("Porto")}
    assert recalled_values("Your dentist is Dr. Okafor.", "Who is my dentist?") >= {stem("Okafor")}
    assert recalled_values("I don't know: your notes don't say.", "Where does my sister live?") == set()
    assert recalled_values("", "Where does my sister live?") == set()


def test_the_recalled_value_decides_between_close_candidates_and_is_copied_from_the_note():
    q = "Where does my sister live?"
    for recalled, line in (("Your sister lives in Porto.", 1), ("Your sister lives in Lyon.", 2)):
        asked = []
        reader = Reader(overlap_model(), recall=lambda question, said=recalled, asked=asked: asked.append(question) or said)
        r = reader.read(q, SISTER)
        assert asked == [q]
        assert r.kind == "answered" and r.statement.line == line, (recalled, r)
        assert r.candidates[0].recall == 1.0


def test_a_recalled_value_no_candidate_holds_is_not_used():
    q = "Where does my sister live?"
    plain = Reader(overlap_model()).read(q, SISTER)
    invented = Reader(overlap_model(), recall=lambda _q: "Your sister lives in Madrid.").read(q, SISTER)
    assert invented.statement.line == plain.statement.line
    assert "Madrid" not in invented.answer
    assert all(c.recall == 0.0 for c in invented.candidates)


# Neither line says it revises the other ("moves to" would win by itself: agent.reader._REVISES).
STANDUP = [hit("Weekly sync: Stand-up is at 9:00 ET, starting Monday 12 October.", line=1),
           hit("Discussion: Stand-up stays at 9:45 ET; Chris L. joins from Stockholm.", line=2)]


def test_a_wanted_kind_of_value_counts_only_whole_and_of_that_kind():
    q = "What time is stand-up?"
    plain = Reader(overlap_model()).read(q, STANDUP).statement.line
    for recalled in ("Stand-up is 10:45 ET.", "Stand-up is owned by Chris O.", "I don't know: your notes don't say."):
        r = Reader(overlap_model(), recall=lambda _q, said=recalled: said).read(q, STANDUP)
        assert r.statement.line == plain and all(c.recall == 0.0 for c in r.candidates), recalled
    for recalled, line in (("Stand-up is at 9:45 ET.", 2), ("It is at 9:00 ET now.", 1)):
        r = Reader(overlap_model(), recall=lambda _q, said=recalled: said).read(q, STANDUP)
        assert r.statement.line == line, recalled


def test_a_served_fine_tune_is_scored_by_the_base_model(tmp_path, chat_model_path, monkeypatch):
    home = Home(tmp_path / "home").ensure()
    settings = home.load_settings()
    monkeypatch.setattr("agent.chat.base_model_path", lambda s, h=None: chat_model_path)
    # Another file with the same weights stands for a fine-tune (only its path tells them apart).
    tuned = tmp_path / "model.gguf"
    try:
        os.link(chat_model_path, tuned)
    except OSError:
        shutil.copyfile(chat_model_path, tuned)
    served_tune = ChatEngine(home, settings, memory=object(), model_path=tuned)
    assert served_tune.scorer is not served_tune.model
    assert served_tune.scorer.path.resolve() == chat_model_path.resolve()
    reader = served_tune._reader()
    assert reader.model is served_tune.scorer and reader.recall is not None
    assert isinstance(reader.recall("What is the capital of France?"), str)

    served_base = ChatEngine(home, settings, memory=object(), model_path=chat_model_path)
    assert served_base.scorer is served_base.model  # one model loaded, no recall
    assert served_base._reader().recall is None
