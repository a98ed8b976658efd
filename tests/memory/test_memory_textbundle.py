"""A TextBundle folder (`Name.textbundle/`: Bear, Ulysses, iA Writer) is read as the note it is: its
`text.markdown` under its own `# Title`, or the bundle's name when it opens with none; dated by
the last change its `info.json` gives; `info.json` itself says nothing, and what is in `assets/` is
read as the ordinary file it is."""
from __future__ import annotations

import json
from pathlib import Path

from memory import parsers, textbundle
from memory.statements import parse_statements


def _info(modified: str = "", created: str = "", **bear) -> str:
    dates = {k: v for k, v in (("modificationDate", modified), ("creationDate", created)) if v}
    return json.dumps({"transient": True, "type": "net.daringfireball.markdown", "creatorIdentifier": "net.shinyfrog.bear",
                       "net.shinyfrog.bear": {**dates, "pinned": False, "trashed": False, "archived": False,
                                              "uniqueIdentifier": "0A1B2C3D-4E5F-6789-ABCD-EF0123456789", **bear},
                       "version": 2}, indent=2)


def _bundle(root: Path, name: str, text: str, info: str | None = None, text_name: str = "text.markdown") -> Path:
    folder = root / f"{name}.textbundle"
    folder.mkdir(parents=True)
    (folder / text_name).write_text(text, encoding="utf-8")
    if info is not None:
        (folder / "info.json").write_text(info, encoding="utf-8")
    return folder / text_name


UNTITLED = "Policy LM-40817 with Lumen Mutual.\n\n## Renewal\n- every 14 March\n- paid by direct debit\n"


def test_a_note_without_a_title_is_headed_by_its_bundle_name(tmp_path):
    path = _bundle(tmp_path, "Car insurance", UNTITLED, _info("2025-03-14T09:30:05Z", "2023-01-02T10:00:00Z"))
    parsed = parsers.parse(path, path.read_bytes())
    headings = [(b.start, b.level, b.title) for b in parsed.blocks if b.kind == "heading"]
    assert headings == [(1, 1, "Car insurance"), (3, 2, "Renewal")]
    got = [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())]
    assert (1, "Car insurance", "Policy LM-40817 with Lumen Mutual.") in got
    assert (4, "Car insurance > Renewal", "Renewal: every 14 March") in got
    assert (5, "Car insurance > Renewal", "Renewal: paid by direct debit") in got


def test_a_note_with_its_own_title_keeps_it(tmp_path):
    path = _bundle(tmp_path, "car-2", "# Car insurance\n#car #money\n\nPolicy LM-55120.\n", _info("2026-03-14T09:30:05Z"))
    headings = [b.title for b in parsers.parse(path, path.read_bytes()).blocks if b.kind == "heading"]
    assert headings == ["Car insurance"]
    # A first line that is the bundle's name, not marked as a heading (iA Writer), is its title.
    plain = _bundle(tmp_path, "Boiler", "Boiler\nVaillant ecoTEC, serviced in May.\n", _info("2026-05-02T08:00:00Z"))
    blocks = parsers.parse(plain, plain.read_bytes()).blocks
    assert [(b.start, b.title) for b in blocks if b.kind == "heading"] == [(1, "Boiler")]


def test_a_note_is_dated_by_info_json_so_a_later_note_is_newer(tmp_path):
    old = _bundle(tmp_path, "Insurance 2025", UNTITLED, _info("2025-03-14T09:30:05Z", "2023-01-02T10:00:00Z"))
    new = _bundle(tmp_path, "Insurance 2026", UNTITLED.replace("40817", "55120"), _info("2026-03-14T09:30:05Z"))
    made = _bundle(tmp_path, "Only created", "Spare key under the blue pot.\n", _info(created="2024-07-01T12:00:00Z"))
    bare = _bundle(tmp_path, "No info", "Gate code 4471.\n")
    assert parsers.parse(old, old.read_bytes()).written == "2025-03-14"
    assert {s.written for s in parse_statements(new, new.read_bytes())} == {"2026-03-14"}
    assert parsers.parse(made, made.read_bytes()).written == "2024-07-01"
    assert parsers.parse(bare, bare.read_bytes()).written == ""
    assert [b.title for b in parsers.parse(bare, bare.read_bytes()).blocks if b.kind == "heading"] == ["No info"]


def test_info_json_says_nothing_and_a_trashed_note_is_not_read(tmp_path):
    path = _bundle(tmp_path, "Car insurance", UNTITLED, _info("2025-03-14T09:30:05Z"))
    info = path.parent / "info.json"
    parsed = parsers.parse(info, info.read_bytes())
    assert parsed.blocks == [] and not parsed.warnings and "TextBundle" in parsed.nothing
    assert parse_statements(info, info.read_bytes()) == []
    trashed = _bundle(tmp_path, "Old", "Old wifi password hunter2\n", _info("2025-01-01T00:00:00Z", trashed=True))
    assert parsers.parse(trashed, trashed.read_bytes()).blocks == []
    # An info.json or a text.markdown outside a bundle is what it was.
    loose = tmp_path / "settings" / "info.json"
    loose.parent.mkdir()
    loose.write_text('{"name": "Router", "password hint": "the dog"}\n')
    assert not textbundle.is_metadata(loose) and parsers.parse(loose, loose.read_bytes()).nothing == ""
    text = tmp_path / "text.markdown"
    text.write_text(UNTITLED)
    assert [b.title for b in parsers.parse(text, text.read_bytes()).blocks if b.kind == "heading"] == ["Renewal"]


def test_a_bundle_is_indexed_as_its_note_and_its_text_assets(make_memory, tmp_path):
    root = tmp_path / "notes"
    path = _bundle(root, "Car insurance", UNTITLED, _info("2025-03-14T09:30:05Z"))
    assets = path.parent / "assets"
    assets.mkdir()
    (assets / "claim.txt").write_text("Claim 7731 closed, paid 420.\n")
    (assets / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    mem = make_memory()
    report = mem.index([root])
    assert not report.warnings
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [
        ("info.json", "a TextBundle's metadata; the note's text beside it is read")]
    by_file = {}
    for s in mem.iter_statements():
        by_file.setdefault(Path(s.path).name, []).append((s.line, s.topic, s.text, s.written))
    assert (4, ["Car insurance", "Renewal"], "Renewal: every 14 March", "2025-03-14") in by_file["text.markdown"]
    assert any("Claim 7731" in t for _, _, t, _ in by_file["claim.txt"])
    assert "info.json" not in by_file
