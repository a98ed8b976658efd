"""Bad input: every case gets one clear log line on logger "anima.memory", an entry in
IndexReport.skipped (or .warnings when the file is still indexed), and the rest of the folder
is indexed. Each test states what its case gets."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

import memory.index as memory_index

GOOD = "# Groceries\n\nBuy oat milk and the good coffee beans from Heart roasters.\n"


@pytest.fixture()
def notes(tmp_path) -> Path:
    root = tmp_path / "notes"
    root.mkdir()
    (root / "good.md").write_text(GOOD)
    return root


def _index(make_memory, root, caplog):
    mem = make_memory()
    with caplog.at_level(logging.INFO, logger="anima.memory"):
        report = mem.index([root])
    return mem, report


def _assert_rest_indexed(mem, report, root):
    assert str(root / "good.md") in {c.path for c in mem.iter_chunks()}
    assert mem.search("coffee beans", k=1)[0].path == str(root / "good.md")


def _warned(caplog, path: Path, text: str) -> list[str]:
    lines = [r.getMessage() for r in caplog.records if r.name == "anima.memory" and r.levelno >= logging.WARNING]
    return [m for m in lines if str(path) in m and text in m]


def test_binary_file_is_skipped_as_binary(make_memory, notes, caplog):
    blob = notes / "photo-notes.md"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + os.urandom(2000))
    mem, report = _index(make_memory, notes, caplog)
    assert [s.reason for s in report.skipped if s.path == str(blob)] == ["binary file (contains NUL bytes)"]
    assert len(_warned(caplog, blob, "binary")) == 1
    _assert_rest_indexed(mem, report, notes)


def test_empty_file_is_skipped_as_empty(make_memory, notes, caplog):
    empty = notes / "empty.md"
    empty.touch()
    mem, report = _index(make_memory, notes, caplog)
    assert [s.reason for s in report.skipped if s.path == str(empty)] == ["empty file"]
    assert len(_warned(caplog, empty, "empty file")) == 1
    _assert_rest_indexed(mem, report, notes)


def test_50mb_text_file_is_skipped_as_too_large_without_reading_it(make_memory, notes, caplog, monkeypatch):
    big = notes / "huge.txt"
    with open(big, "wb") as fh:  # sparse: 50 MB in no time and no disk
        fh.truncate(50 * 1024 * 1024)
    read = []
    real = memory_index.read_bytes
    monkeypatch.setattr(memory_index, "read_bytes", lambda p, limit: read.append(p) or real(p, limit))
    mem, report = _index(make_memory, notes, caplog)
    (reason,) = [s.reason for s in report.skipped if s.path == str(big)]
    assert reason.startswith("too large (50.0 MB")
    assert len(_warned(caplog, big, "too large")) == 1
    assert str(big) not in read  # the size check comes before any read
    _assert_rest_indexed(mem, report, notes)


def test_broken_utf8_is_indexed_with_replacement_and_one_warning(make_memory, notes, caplog):
    broken = notes / "latin.md"
    broken.write_bytes(b"# Trip\n\nThe caf\xe9 in Porto sells pastel de nata for 1.20.\n")
    mem, report = _index(make_memory, notes, caplog)
    assert not [s for s in report.skipped if s.path == str(broken)]
    assert [w.path for w in report.warnings] == [str(broken)]
    assert len(_warned(caplog, broken, "invalid UTF-8")) == 1
    hit = mem.search("pastel de nata Porto", k=1)[0]
    assert hit.path == str(broken) and "caf\ufffd in Porto" in hit.text
    _assert_rest_indexed(mem, report, notes)


def test_symlink_loop_is_skipped_as_a_loop(make_memory, notes, caplog):
    sub = notes / "sub"
    sub.mkdir()
    (sub / "inner.md").write_text("# Inner\n\nThe spare bike lock code is 4471.\n")
    (sub / "loop").symlink_to(notes, target_is_directory=True)
    mem, report = _index(make_memory, notes, caplog)
    loops = [s for s in report.skipped if "symlink loop" in s.reason]
    assert [s.path for s in loops] == [str(sub / "loop")]
    assert len(_warned(caplog, sub / "loop", "symlink loop")) == 1
    assert sorted({c.path for c in mem.iter_chunks()}) == [str(notes / "good.md"), str(sub / "inner.md")]
    _assert_rest_indexed(mem, report, notes)


def test_unreadable_file_is_skipped_and_keeps_what_was_indexed(make_memory, notes, caplog, monkeypatch):
    """Tests run as root, so chmod 000 does not stop reads: the read is monkeypatched to raise
    the PermissionError the OS would raise. A file that was indexed before keeps its chunks
    (its content is unknown, not gone), and prune does not remove it."""
    secret = notes / "secret.md"
    secret.write_text("# Secret\n\nThe safe combination is hidden in the atlas.\n")
    mem = make_memory()
    mem.index([notes])
    secret.write_text("# Secret\n\nThe safe combination changed and is now in the dictionary.\n")
    real = memory_index.read_bytes

    def deny(path, limit):
        if path == str(secret):
            raise PermissionError(13, "Permission denied", path)
        return real(path, limit)

    monkeypatch.setattr(memory_index, "read_bytes", deny)
    with caplog.at_level(logging.INFO, logger="anima.memory"):
        report = mem.index([notes])
    assert [s.reason for s in report.skipped if s.path == str(secret)] == ["cannot read (Permission denied)"]
    assert len(_warned(caplog, secret, "Permission denied")) == 1
    assert any("atlas" in c.text for c in mem.iter_chunks())  # nothing lost
    _assert_rest_indexed(mem, report, notes)


def test_file_deleted_while_being_read_is_skipped_as_vanished(make_memory, notes, caplog, monkeypatch):
    doomed = notes / "doomed.md"
    doomed.write_text("# Doomed\n\nThis note is deleted between stat and read.\n")
    real = memory_index.read_bytes

    def delete_then_read(path, limit):
        if path == str(doomed):
            os.unlink(path)  # the file goes away after the walk and stat saw it
        return real(path, limit)

    monkeypatch.setattr(memory_index, "read_bytes", delete_then_read)
    mem, report = _index(make_memory, notes, caplog)
    assert [s.reason for s in report.skipped if s.path == str(doomed)] == ["vanished while being read"]
    assert len(_warned(caplog, doomed, "vanished")) == 1
    assert str(doomed) not in {c.path for c in mem.iter_chunks()}
    _assert_rest_indexed(mem, report, notes)


def test_unchanged_bad_file_is_reported_again_but_logged_once(make_memory, notes, caplog):
    (notes / "empty.md").touch()
    mem, _ = _index(make_memory, notes, caplog)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="anima.memory"):
        report = mem.index([notes])
    assert [s.reason for s in report.skipped] == ["empty file"]
    assert not _warned(caplog, notes / "empty.md", "empty")
