"""Damage, then recovery without a traceback: each test breaks one piece of state the way a
disk, a crash or a hurried user does, and checks the one line anima says and what it does next.

The notes are the source of truth: a damaged ledger or a lost vector store is rebuilt from them.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ANIMA = [sys.executable, "-m", "agent.cli"]


def anima(home: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "ANIMA_HOME": str(home)}
    return subprocess.run([*ANIMA, *args], capture_output=True, text=True, env=env, timeout=timeout,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def indexed_once(tmp_path_factory, demo_notes):
    root = tmp_path_factory.mktemp("recovery")
    notes = root / "notes"
    shutil.copytree(demo_notes, notes)
    home = root / "home"
    assert anima(home, "init", "--notes", str(notes)).returncode == 0
    r = anima(home, "index", "--json")
    assert r.returncode == 0, r.stderr
    return home, notes


@pytest.fixture()
def indexed(indexed_once, tmp_path):
    """A home of its own with the demo notes indexed (copied: each test damages its copy)."""
    home, notes = indexed_once
    mine = tmp_path / "home"
    shutil.copytree(home, mine)
    return mine, notes


def _ask(home: Path, question: str) -> tuple[dict, str]:
    r = anima(home, "ask", question, "--json")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    return json.loads(r.stdout), r.stderr


def damage_ledger(home: Path, junk: bytes) -> Path:
    """Overwrite the ledger (and drop SQLite's side files) as a disk error or a bad copy would."""
    ledger = home / "data" / "ledger.sqlite"
    for extra in ("-wal", "-shm"):
        Path(str(ledger) + extra).unlink(missing_ok=True)
    ledger.write_bytes(junk)
    return ledger


def test_damaged_ledger_is_moved_aside_and_rebuilt_by_index(indexed):
    home, _ = indexed
    ledger = damage_ledger(home, b"this is not a database" * 100)
    r = anima(home, "index", "--json")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    warning = [line for line in r.stderr.splitlines() if "damaged" in line]
    assert len(warning) == 1 and "rebuilding" in warning[0]
    assert json.loads(r.stdout)["chunks_total"] > 0
    aside = list(ledger.parent.glob("ledger.sqlite.damaged-*"))
    assert aside and aside[0].read_bytes().startswith(b"this is not a database")  # kept, not deleted


def test_damaged_ledger_found_while_asking_is_rebuilt_from_the_notes(indexed):
    home, _ = indexed
    damage_ledger(home, b"\0garbage" * 512)
    answer, err = _ask(home, "Who is my manager?")
    assert "Joost" in answer["answer"]
    assert any("damaged" in line for line in err.splitlines())


def test_deleted_vector_store_is_noticed_and_re_embedded(indexed):
    home, _ = indexed
    shutil.rmtree(home / "data" / "chroma")
    answer, err = _ask(home, "What is my cat called?")
    assert "Biscuit" in answer["answer"]
    cited = answer["citation"]
    lines = Path(cited["path"]).read_text(encoding="utf-8").splitlines()[cited["line"] - 1 : cited["end_line"]]
    assert "Biscuit" in " ".join(lines)  # the cited line holds the answer
    assert "re-embedding" in err


def test_stale_daemon_json_falls_back_to_in_process(indexed):
    home, _ = indexed
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (home / "daemon.json").write_text(json.dumps({"pid": dead.pid, "port": 9, "url": "http://127.0.0.1:9",
                                                  "host": "127.0.0.1", "started": 0}), encoding="utf-8")
    r = anima(home, "status", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["daemon"]["running"] is False
    answer, _ = _ask(home, "Who is my manager?")
    assert "Joost" in answer["answer"]


def test_a_daemon_that_stops_answering_is_one_line_not_a_traceback(tmp_path):
    import socket

    from agent.assistant import AssistantError, DaemonAssistant
    from agent.daemon.client import DaemonClient

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket closes
    client = DaemonClient(f"http://127.0.0.1:{port}", "token", timeout=5)
    assistant = DaemonAssistant(client)
    with pytest.raises(AssistantError, match="stopped answering"):
        assistant.ask("Who is my manager?")
    with pytest.raises(AssistantError, match="stopped answering"):
        assistant.index([tmp_path])


def test_a_promoted_model_damaged_later_falls_back_to_the_last_good_one(indexed, chat_model_path):
    from agent.config import Home
    from agent.registry import Registry

    home, _ = indexed
    registry = Registry(Home(home), keep_versions=3)
    version = registry.promote(chat_model_path, {"run_id": "test"})
    # A crash mid-promote leaves a staging folder; a disk problem truncates the served file.
    (home / "models" / ".incoming123-1").mkdir()
    with version.path.open("r+b") as fh:
        fh.truncate(version.path.stat().st_size // 3)
    answer, err = _ask(home, "Who is my manager?")
    assert "Joost" in answer["answer"]
    lines = [line for line in err.splitlines() if "does not load" in line]
    assert len(lines) == 1 and "v001" in lines[0]
    assert answer["model"] != "v001"


def test_a_vector_store_of_another_index_is_noticed_and_replaced(indexed):
    """Same number of vectors, wrong ids (a store copied from elsewhere): found by the sample
    check on first use, and re-embedded."""
    from agent.config import Home
    from agent.context import open_memory

    home, _ = indexed
    h = Home(home)
    memory = open_memory(h, h.load_settings())
    ids = sorted(memory.store.all_ids())
    vectors = memory.embedder.embed([f"unrelated text {i}" for i in range(len(ids))])
    memory.store.delete(ids)
    memory.store.upsert([f"other-{i}" for i in range(len(ids))], vectors, ["/elsewhere.md"] * len(ids))
    memory.close()
    fresh = open_memory(h, h.load_settings())
    try:
        hits = fresh.search("What is my cat called?", k=2)
        assert any(hit.path.endswith("biscuit.md") and hit.vector_score is not None for hit in hits)
        assert set(ids) <= fresh.store.all_ids()
        assert not any(i.startswith("other-") for i in fresh.store.all_ids())
    finally:
        fresh.close()
