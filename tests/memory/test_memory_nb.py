"""nb notebooks (memory/nb.py); all examples made up."""
from __future__ import annotations

from memory import parsers
from memory.statements import parse_statements


def _statements(path):
    return [(s.line, s.topic, s.text, s.written) for s in parse_statements(path, path.read_bytes())]


def _nb(tmp_path):
    root = tmp_path / ".nb"
    (root / "home").mkdir(parents=True)
    (root / "errands").mkdir()
    (root / ".current").write_text("home\n")
    (root / "home" / "pets.md").write_text("# Pets\n\n- Biscuit: tabby cat, vet is Dr Amsel on Kirchweg.\n")
    (root / "home" / "20250611084512.md").write_text("Took Biscuit for her jabs, next ones due in a year.\n")
    (root / "home" / ".index").write_text("pets.md\n20250611084512.md\n20250701120000.todo.md\n")
    (root / "errands" / ".index").write_text("\n")
    return root


def test_current_and_index_are_not_notes(tmp_path):
    root = _nb(tmp_path)
    for path in (root / ".current", root / "home" / ".index"):
        parsed = parsers.parse(path, path.read_bytes())
        assert parsed.blocks == [] and "nb" in parsed.nothing, path
        assert parse_statements(path, path.read_bytes()) == [], path


def test_a_note_named_by_its_time_is_dated_by_its_name_a_named_note_is_markdown(tmp_path):
    root = _nb(tmp_path)
    stamped = root / "home" / "20250611084512.md"
    assert parsers.parse(stamped, stamped.read_bytes()).written == "2025-06-11"
    assert (1, [], "Took Biscuit for her jabs, next ones due in a year.", "2025-06-11") in _statements(stamped)
    named = root / "home" / "pets.md"
    assert parsers.parse(named, named.read_bytes()).written == ""
    assert (3, ["Pets"], "Pets: Biscuit: tabby cat, vet is Dr Amsel on Kirchweg.", "") in _statements(named)
    # Outside a notebook a number-named file is not nb's: no day is read from its name.
    loose = tmp_path / "elsewhere" / "20250611084512.md"
    loose.parent.mkdir()
    loose.write_text("Nothing to date.\n")
    assert parsers.parse(loose, loose.read_bytes()).written == ""


def test_a_todo_reads_its_title_state_due_date_and_tasks(tmp_path):
    root = _nb(tmp_path)
    todo = root / "home" / "20250701120000.todo.md"
    todo.write_text("""# [x] Renew the bike insurance

## Due

2025-07-15

## Description

Paid online, policy BK-7731 runs to July next year.

## Tasks

- [x] find the old policy
- [ ] file the receipt

## Tags

#bike #money
""")
    got = _statements(todo)
    assert (1, [], "Todo (done): Renew the bike insurance; due 2025-07-15", "2025-07-01") in got
    assert (9, ["Renew the bike insurance"], "Paid online, policy BK-7731 runs to July next year.", "2025-07-01") in got
    texts = [t for _, _, t, _ in got]
    assert "Renew the bike insurance: find the old policy (done)" in texts
    assert "Renew the bike insurance: file the receipt" in texts
    assert not any("#bike" in t or t in ("Due", "2025-07-15", "Description", "Tasks") for t in texts)
    # An open todo with only a due date.
    open_ = root / "home" / "20250702090000.todo.md"
    open_.write_text("# [ ] Book the boiler check\n\n## Due\n\n2025-09-01\n")
    assert [t for _, _, t, _ in _statements(open_)] == ["Todo: Book the boiler check; due 2025-09-01"]


def test_a_broken_todo_is_read_as_markdown(tmp_path):
    root = _nb(tmp_path)
    broken = root / "home" / "20250703090000.todo.md"
    broken.write_text("## Due\n\n## Tasks\n- [ ] call the landlord\n")
    parsed = parsers.parse(broken, broken.read_bytes())
    assert parsed.written == "2025-07-03"
    assert any("call the landlord" in t for _, _, t, _ in _statements(broken))
    empty = root / "home" / "20250704090000.todo.md"
    empty.write_text("# [ ] \n")
    parse_statements(empty, empty.read_bytes())
