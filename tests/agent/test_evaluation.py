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


def test_ambiguous_needs_two_candidates_and_a_question_back():
    amb = q(kind="ambiguous", answers=["Leo", "Max"])
    assert is_correct("Your notes mention Leo and Max. Which one do you mean?", amb)
    assert not is_correct("Leo's birthday is 12 June.", amb)  # a guess, not a question back
    assert not is_correct("Is it Leo?", amb)  # only one candidate named
    assert not is_correct("Your notes mention Leo and Max.", amb)  # no question


def test_citation_share_reads_the_cited_lines(tmp_path):
    from types import SimpleNamespace

    note = tmp_path / "pets.md"
    note.write_text("# Pets\n\nPixel is our border collie.\nShe likes carrots.\n")
    questions = [
        Question(id="1", kind="fact", question="dog?", answers=["Pixel"]),
        Question(id="2", kind="fact", question="toy?", answers=["carrot"]),
        Question(id="3", kind="abstain", question="cat?", answers=["don't know"]),
    ]
    cite = lambda line: SimpleNamespace(path=str(note), line=line, end_line=line)  # noqa: E731
    results = {
        "dog?": SimpleNamespace(answer="Pixel is your border collie.", citation=cite(3)),
        "toy?": SimpleNamespace(answer="She likes carrots.", citation=cite(3)),  # right answer, wrong line cited
        "cat?": SimpleNamespace(answer="I don't know.", citation=None),
    }
    report = run_eval(questions, results.__getitem__, "rag")
    assert [it.cited_holds for it in report.items] == [True, False, None]
    assert report.citation == 0.5 and report.n_cited == 2
    assert report.overall == 1.0
