"""kill -9 of the daemon in the middle of indexing a batch, files changed while it is down,
restart: ledger, vector store and disk must agree exactly (counts, ids, content hashes)."""
from __future__ import annotations

import hashlib
import os
import signal
import time
from collections import Counter

from agent.config import Home
from agent.daemon.client import DaemonClient
from agent.daemon.lock import pid_alive
from daemon_helpers import Api, anima, daemon_env


def _note(i: int, version: str = "v1") -> str:
    # Two sections: two chunks per file, so there are several embed batches to land between.
    return (f"# Part {i}\n\nCrate {i} ({version}) holds {i * 13 % 101} bolts and sits on shelf {i % 17}.\n"
            f"\n## History {i}\n\nCrate {i} was last counted in week {i % 52} by the {version} inventory team.\n")


def test_kill_9_mid_batch_then_restart_leaves_index_consistent(tmp_path):
    home = Home(tmp_path / "home").ensure()
    notes = tmp_path / "notes"
    notes.mkdir()
    env = daemon_env(tmp_path / "net.log")
    assert anima(home, "daemon", "--detach", "--watch", str(notes), env=env).returncode == 0
    api = Api(home)
    api.wait_idle(lambda s: s["last_reconcile"], timeout=60)

    from agent.chat import open_memory

    settings = home.load_settings()
    watcher_view = open_memory(home, settings)  # reads the ledger only (no model loads, no writes)
    n = 240
    for i in range(n):
        (notes / f"crate{i:03}.md").write_text(_note(i))
    # Kill as soon as the first files are committed: the rest of the batch is still in flight.
    deadline = time.monotonic() + 120
    try:
        while watcher_view.stats().files == 0:
            assert time.monotonic() < deadline, "indexing did not start"
            time.sleep(0.02)
    finally:
        watcher_view.close()
    os.kill(api.pid, signal.SIGKILL)  # mid-batch: at least one commit done, more pending
    deadline = time.monotonic() + 10
    while pid_alive(api.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not pid_alive(api.pid)
    api.http.close()
    assert home.daemon_file.exists()  # left behind by the crash…
    assert DaemonClient.find(home) is None  # …and recognized as stale

    crashed = open_memory(home, settings)  # read-only look (nothing embeds: no model loads)
    try:
        files_at_crash = crashed.stats().files
    finally:
        crashed.close()
    assert 0 < files_at_crash < n, f"the kill did not land mid-batch ({files_at_crash} of {n} files indexed)"

    # While it is down: deletions, edits and new files, none seen by any watcher.
    for i in range(0, 10):
        (notes / f"crate{i:03}.md").unlink()
    for i in range(40, 50):
        (notes / f"crate{i:03}.md").write_text(_note(i, "v2"))
    for i in range(n, n + 10):
        (notes / f"crate{i:03}.md").write_text(_note(i))

    started = time.time()
    proc = anima(home, "daemon", "--detach", "--watch", str(notes), env=env)
    assert proc.returncode == 0, proc.stderr
    api = Api(home)
    on_disk = sorted(str(p) for p in notes.glob("*.md"))
    api.wait_idle(lambda s: (s["last_reconcile"] or 0) >= started and s["files"] == len(on_disk), timeout=150)
    api.http.close()
    assert anima(home, "stop", env=env, timeout=60).returncode == 0

    memory = open_memory(home, settings)
    try:
        audit = memory.audit([notes])
        assert audit.ok, audit
        stats = memory.stats()
        chunks = list(memory.iter_chunks())
        ids = Counter(c.id for c in chunks)
        assert not [i for i, k in ids.items() if k > 1]  # no duplicate chunks
        assert stats.files == len(on_disk) == n
        assert stats.chunks == len(chunks)
        assert memory.store.count() == len(chunks)  # the vector store holds exactly the ledger's ids
        assert sorted({c.path for c in chunks}) == on_disk  # nothing of deleted files, nothing missing
        for c in chunks:
            assert c.hash == hashlib.sha256(c.text.encode()).hexdigest()
        by_path: dict[str, str] = {}
        for c in sorted(chunks, key=lambda c: (c.path, c.start_line)):
            by_path[c.path] = by_path.get(c.path, "") + c.text
        assert "(v2)" in by_path[str(notes / "crate045.md")]
        assert "(v2)" not in by_path[str(notes / "crate065.md")]
        again = memory.index([notes])  # content hashes in the ledger match the disk: nothing to do
        assert (again.files_changed, again.chunks_embedded, again.files_removed) == (0, 0, 0), again
    finally:
        memory.close()
