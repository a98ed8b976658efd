"""The `anima` command end to end, as a user runs it: init, index, ask, status, eval, bad models."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ANIMA = [sys.executable, "-m", "agent.cli"]


def anima(home: Path, *args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "ANIMA_HOME": str(home), **(env or {})}
    return subprocess.run([*ANIMA, *args], capture_output=True, text=True, env=full_env, timeout=timeout)


@pytest.fixture(scope="module")
def lena_home(tmp_path_factory, lena_dir):
    home = tmp_path_factory.mktemp("lena-home")
    r = anima(home, "init", "--notes", str(lena_dir / "notes"))
    assert r.returncode == 0, r.stderr
    r = anima(home, "index", "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["files_seen"] == 13 and report["skipped"] == []
    return home


def test_init_writes_a_commented_config(tmp_path):
    r = anima(tmp_path / "h", "init")
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "h" / "config.toml").read_text()
    for key in ("[model]", "[memory]", "chunk_words", "n_ctx", "k =", "notes_dirs", "embedder_path"):
        assert key in text
    assert text.count("#") > 10  # it explains itself


def test_ask_on_lena_answers_pixel_and_cites_pets_pixel(lena_home):
    r = anima(lena_home, "ask", "What is my dog's name?", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)  # exactly one JSON object on stdout
    assert "pixel" in out["answer"].lower()
    # One source: the line the answer was copied from, and that line names Pixel.
    cited = out["citation"]
    assert cited["path"].endswith(("pets/pixel.md", "about-me.md"))
    assert "Pixel" in Path(cited["path"]).read_text().splitlines()[cited["line"] - 1]
    assert [(s["path"], s["start_line"]) for s in out["sources"]] == [(cited["path"], cited["line"])]
    for s in out["sources"]:
        assert set(s) >= {"path", "start_line", "end_line", "score"}
    assert set(out["timings_ms"]) == {"retrieve", "first_token", "total"}
    assert out["model"]


def test_ask_after_earlier_turns_and_a_bad_history_is_one_line(lena_home):
    turns = json.dumps([{"question": "What is my dog called?", "answer": "Pixel."}])
    r = anima(lena_home, "ask", "What breed is he?", "--after", turns, "--json")
    assert r.returncode == 0, r.stderr
    assert "border collie" in json.loads(r.stdout)["answer"]
    bad = anima(lena_home, "ask", "What breed is he?", "--after", "not json")
    assert bad.returncode == 2 and "--after must be a JSON list" in bad.stderr and "Traceback" not in bad.stderr


def test_ask_streams_text_and_lists_sources(lena_home):
    r = anima(lena_home, "ask", "What breed is Pixel?")
    assert r.returncode == 0, r.stderr
    assert "collie" in r.stdout.lower()
    assert "Source: " in r.stdout and ("pixel.md:" in r.stdout or "about-me.md:" in r.stdout)


def test_status_json(lena_home):
    r = anima(lena_home, "status", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["files"] == 13 and out["chunks"] > 13


def test_reindex_without_changes_embeds_nothing(lena_home):
    r = anima(lena_home, "index", "--json")
    report = json.loads(r.stdout)
    assert report["chunks_embedded"] == 0 and report["files_unchanged"] == 13


def test_eval_json_shape(lena_home, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        json.dumps({"id": "a", "kind": "fact", "question": "What breed is Pixel?", "answers": ["collie"]}) + "\n"
        + json.dumps({"id": "b", "kind": "abstain", "question": "What is the torque of a 747 wheel bolt?", "answers": ["don't know"]}) + "\n"
    )
    r = anima(lena_home, "eval", str(questions), "--mode", "rag", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["mode"] == "rag" and out["n"] == 2
    assert set(out["by_kind"]) == {"fact", "abstain"}
    assert 0.0 <= out["overall"] <= 1.0
    assert [set(i) >= {"id", "question", "answer", "correct"} for i in out["items"]] == [True, True]


@pytest.mark.parametrize(
    "make, expect",
    [
        (lambda p: None, "Model file not found"),
        (lambda p: p.write_bytes(os.urandom(4096)), "not a GGUF file"),
        (lambda p: p.write_bytes(b"GGUF" + os.urandom(2048)), "could not load the model"),
    ],
    ids=["missing", "not-gguf", "truncated-gguf"],
)
def test_bad_model_file_is_a_clear_error_without_traceback(tmp_path, demo_notes, make, expect):
    model = tmp_path / "broken.gguf"
    make(model)
    home = tmp_path / "h"
    r = anima(home, "ask", "What is my cat's name?", "--mode", "base", env={"ANIMA_MODEL__PATH": str(model)})
    assert r.returncode == 2
    assert expect in r.stderr and str(model) in r.stderr
    assert "pip install" in r.stderr or "Replace it" in r.stderr  # says how to fix it
    assert "Traceback" not in r.stderr


def test_index_of_a_missing_folder_is_a_clear_error(tmp_path):
    r = anima(tmp_path / "h", "index", str(tmp_path / "nope"))
    assert r.returncode == 2 and "no such file or folder" in r.stderr and "Traceback" not in r.stderr


def test_notes_remove_forgets_what_the_folder_held(tmp_path):
    """A folder taken out of notes_dirs stops answering: `anima notes remove` takes it out of the
    config and forgets its indexed files (the files stay on disk). Without it, the index kept them,
    since only what vanishes under the folders it reads is forgotten."""
    home = tmp_path / "h"
    notes, private = tmp_path / "notes", tmp_path / "private"
    notes.mkdir()
    private.mkdir()
    (notes / "car.md").write_text("# Car\n\nThe Golf goes to the garage on Tuesday.\n")
    (private / "diary.md").write_text("# Diary\n\nThe safe code is 4471.\n\nI told nobody about the job offer.\n")
    assert anima(home, "init", "--notes", str(notes), "--notes", str(private)).returncode == 0
    both = json.loads(anima(home, "index", "--json").stdout)
    assert both["files_seen"] == 2
    r = anima(home, "notes", "remove", str(private), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["notes_dirs"] == [str(notes.resolve())] and out["removed"] == [str(private.resolve())]
    assert out["chunks_forgotten"] >= 1
    after = json.loads(anima(home, "index", "--json").stdout)
    assert after["files_seen"] == 1 and after["chunks_total"] < both["chunks_total"]
    assert (private / "diary.md").exists()
    again = anima(home, "notes", "remove", str(private))
    assert again.returncode == 2 and "nothing was indexed from it" in again.stderr
