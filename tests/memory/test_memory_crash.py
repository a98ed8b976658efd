"""Crash safety: a crash between any two steps of a file's update leaves a state that
reconcile() repairs, after which ledger, vector store and disk agree (Memory.audit().ok)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from memory.ledger import Ledger
from memory.store import VectorStore


class Crash(BaseException):
    """Stands in for the process dying (BaseException: nothing may swallow it)."""


def _notes(root: Path, n: int) -> Path:
    for i in range(n):
        p = root / f"note{i:02d}.md"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"# Note {i}\n\nThe blue box number {i} holds {['fuses', 'keys', 'stamps'][i % 3]}.\n")
    return root


def _search_is_clean(mem):
    known = {c.id for c in mem.iter_chunks()}
    hits = mem.search("which box holds the keys", k=4)
    assert hits and all(h.id in known for h in hits)


def test_crash_after_vector_upsert_before_ledger_commit(make_memory, tmp_path, monkeypatch):
    root = _notes(tmp_path / "notes", 6)
    mem = make_memory()
    calls = {"n": 0}
    real = Ledger.replace_file

    def dying(self, record, *rest):
        calls["n"] += 1
        if calls["n"] == 3:
            raise Crash()
        return real(self, record, *rest)

    monkeypatch.setattr(Ledger, "replace_file", dying)
    with pytest.raises(Crash):
        mem.index([root])
    monkeypatch.setattr(Ledger, "replace_file", real)

    audit = mem.audit([root])
    assert not audit.ok and audit.orphan_vectors > 0 and audit.new_files  # vectors without rows
    _search_is_clean(mem)  # orphans never surface as results
    report = mem.reconcile([root])
    assert report.chunks_deleted >= 0 and mem.audit([root]).ok
    assert mem.stats().files == 6


def test_crash_after_ledger_commit_before_stale_vectors_deleted(make_memory, tmp_path, monkeypatch):
    root = _notes(tmp_path / "notes", 4)
    mem = make_memory()
    mem.index([root])
    (root / "note01.md").write_text("# Note 1\n\nThe blue box number 1 now holds batteries.\n")
    real = VectorStore.delete
    monkeypatch.setattr(VectorStore, "delete", lambda self, ids: (_ for _ in ()).throw(Crash()) if ids else None)
    with pytest.raises(Crash):
        mem.index([root])
    monkeypatch.setattr(VectorStore, "delete", real)
    assert mem.audit([root]).orphan_vectors == 1
    mem.reconcile([root])
    assert mem.audit([root]).ok
    assert "batteries" in mem.search("which box has batteries", k=1)[0].text


def test_lost_vectors_are_re_embedded_and_changed_files_found_by_hash(make_memory, tmp_path):
    root = _notes(tmp_path / "notes", 4)
    mem = make_memory()
    mem.index([root])
    victims = sorted(mem.store.all_ids())[:2]
    mem.store.delete(victims)
    # Same size and mtime, different content: only a content hash can tell.
    note = root / "note02.md"
    st = note.stat()
    note.write_text(note.read_text().replace("stamps", "cables"))
    os.utime(note, ns=(st.st_atime_ns, st.st_mtime_ns))
    audit = mem.audit([root])
    assert audit.missing_vectors == 2 and audit.stale_files == [str(note)]
    report = mem.reconcile([root])
    assert report.chunks_embedded >= 2
    assert mem.audit([root]).ok
    assert "cables" in mem.search("cables", k=1)[0].text


_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from memory.index import Memory
    mem = Memory(Path(sys.argv[1]), embedder_path=sys.argv[3])
    mem.embed_batch = 4  # commit every few files, so the kill lands between commits
    def progress(done, total, path):
        print("progress", done, flush=True)
        time.sleep(0.02)
    mem.index([Path(sys.argv[2])], on_progress=progress)
    print("finished", flush=True)
    """
)


def test_kill_9_mid_index_then_reconcile_agrees(make_memory, tmp_path, embedder_path, repo_root):
    """A real SIGKILL of a process that is indexing; the next process repairs everything."""
    root = _notes(tmp_path / "notes", 24)
    data = tmp_path / "data"
    env = dict(os.environ, PYTHONPATH=str(repo_root), HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(data), str(root), str(embedder_path)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )
    try:
        deadline = time.monotonic() + 120
        for line in child.stdout:
            if line.startswith("progress") and int(line.split()[1]) >= 10 or time.monotonic() > deadline:
                break
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    mem = make_memory(data)
    assert 0 < mem.stats().files < 24  # it really died part-way
    mem.reconcile([root])
    assert mem.audit([root]).ok and mem.stats().files == 24
    _search_is_clean(mem)
