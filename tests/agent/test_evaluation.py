"""Scoring rules of `anima eval`: contains-any, case-insensitive, white space collapsed."""
import json

import pytest

from agent.evaluation import Question, is_correct, load_questions, run_eval


def q(kind="fact", answers=("Pixel",)):
    return Question(id="x", kind=kind, question="?", answers=list(answers))


def test_contains_any_case_and_whitespace_insensitive():
    assert is_correct("Your dog is called  PIXEL.", q())
    assert is_correct("It is a border\n collie", q(answers=["border collie", "collie dog"]))
    assert not is_correct("Your dog is called Biscuit.", q())


def test_curly_apostrophe_matches_straight_one():
    assert is_correct("I don\u2019t know.", q(kind="abstain", answers=["don't know"]))


def test_abstain_with_a_made_up_value_is_wrong():
    assert is_correct("I don't know: your notes don't say.", q(kind="abstain", answers=["don't know"]))
    assert not is_correct("I don't know, but it might be 1234.", q(kind="abstain", answers=["don't know"]))


def test_report_per_kind_and_overall():
    questions = [
        Question(id="1", kind="fact", question="a", answers=["yes"]),
        Question(id="2", kind="fact", question="b", answers=["yes"]),
        Question(id="3", kind="reverse", question="c", answers=["yes"]),
    ]
    answers = {"a": "yes", "b": "no", "c": "YES indeed"}
    report = run_eval(questions, answers.__getitem__, "rag")
    assert report.n == 3
    assert report.overall == pytest.approx(2 / 3, abs=1e-3)
    assert report.by_kind == {"fact": 0.5, "reverse": 1.0}
    assert [it.correct for it in report.items] == [True, False, True]


def test_load_questions_names_the_bad_line(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps({"id": "a", "kind": "fact", "question": "?", "answers": ["x"]}) + "\n{broken\n")
    with pytest.raises(ValueError, match=r"q.jsonl:2"):
        load_questions(path)
