"""An Anytype export (Any-Block JSON: one `<id>.pb.json` per object in `objects/`, `relations/`,
`relationsOptions/`, `types/`, `templates/`, `filesObjects/`) is read as the pages and contacts in
it: each page its name over its description, its relations ("- Phone: ..."), then its blocks as
markdown, dated by its last change, every line citing the JSON line its words are on. The export's
relations, options, types, templates and file objects say nothing of their own, nor does an
archived or deleted object; a `.json` that is not an Anytype object is read as before."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from memory import anytype, parsers
from memory.statements import parse_statements

SPACE = "bafyreispace0000000000000000000000000000000000000000000000.abc"
ME = "_participant_bafyreispace_abc_AeKE1Mgnm"
PAGE_TYPE = "bafyreitypepage00000000000000000000000000000000000000000"
HUMAN_TYPE = "bafyreitypehuman0000000000000000000000000000000000000000"
TAG_RELATION = "bafyreireltag000000000000000000000000000000000000000000"
BIRTH_RELATION = "bafyreirelbirth00000000000000000000000000000000000000000"
PHONE_RELATION = "bafyreirelphone00000000000000000000000000000000000000000"
BIRTH_KEY = "66a1f0c2d3e4f5a6b7c8d9e0"  # a relation the user made: its key is a made-up id
FAMILY_TAG = "bafyreioptfamily0000000000000000000000000000000000000000"
PAGE_ID = "bafyreipagehouse0000000000000000000000000000000000000000"
NADIA_ID = "bafyreicontactnadia000000000000000000000000000000000000"


def _stamp(day: str) -> int:
    return int(datetime.fromisoformat(day).replace(tzinfo=timezone.utc).timestamp())


def _object(sb_type: str, oid: str, blocks: list[dict], details: dict, links: list[tuple[str, str]] = (),
            types: tuple[str, ...] = ("ot-page",)) -> dict:
    header = [
        {"id": oid, "childrenIds": ["header"] + [b["id"] for b in blocks if b.pop("top", False)], "smartblock": {}},
        {"id": "header", "restrictions": {"edit": True}, "childrenIds": ["title", "description", "featuredRelations"],
         "layout": {"style": "Header"}},
        {"id": "title", "fields": {"_detailsKey": ["name", "done"]}, "text": {"style": "Title", "marks": {}}},
        {"id": "description", "fields": {"_detailsKey": "description"}, "text": {"style": "Description", "marks": {}}},
        {"id": "featuredRelations", "featuredRelations": {}},
    ]
    bookkeeping = {"id": oid, "creator": ME, "lastModifiedBy": ME, "spaceId": SPACE, "iconEmoji": "", "restrictions": [],
                   "snippet": "", "featuredRelations": ["type", "tag"], "links": [], "backlinks": [], "layout": 0}
    return {"sbType": sb_type, "snapshot": {"data": {
        "blocks": header + blocks, "details": {**bookkeeping, **details}, "objectTypes": list(types),
        "relationLinks": [{"key": k, "format": f} for k, f in links]}}}


def _text(bid: str, text: str, style: str = "Paragraph", top: bool = True, children: tuple[str, ...] = (), **extra) -> dict:
    block = {"id": bid, "text": {"text": text, "style": style, "marks": {}, **extra}, "top": top}
    if children:
        block["childrenIds"] = list(children)
    return block


def _meta(sb_type: str, oid: str, details: dict) -> dict:
    return {"sbType": sb_type, "snapshot": {"data": {"blocks": [{"id": oid, "childrenIds": [], "smartblock": {}}],
                                                      "details": {"id": oid, "spaceId": SPACE, **details}}}}


def _write(root: Path, part: str, oid: str, obj: dict) -> Path:
    folder = root / part if part else root
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{oid}.pb.json"
    path.write_text(json.dumps(obj, indent=1, ensure_ascii=False), encoding="utf-8")  # one key a line, as the app writes it
    return path


def _table(tid: str, rows: list[list[str]]) -> list[dict]:
    cols = [f"{tid}c{k}" for k in range(len(rows[0]))]
    row_ids = [f"{tid}r{k}" for k in range(len(rows))]
    out = [{"id": tid, "childrenIds": [f"{tid}cols", f"{tid}rows"], "table": {}, "top": True},
           {"id": f"{tid}cols", "childrenIds": cols, "layout": {"style": "TableColumns"}},
           {"id": f"{tid}rows", "childrenIds": row_ids, "layout": {"style": "TableRows"}}]
    out += [{"id": c, "tableColumn": {}} for c in cols]
    for k, (rid, cells) in enumerate(zip(row_ids, rows)):
        present = [(c, v) for c, v in zip(cols, cells) if v]  # a cell never written in is no block
        out.append({"id": rid, "childrenIds": [f"{rid}-{c}" for c, _ in present], "tableRow": {"isHeader": k == 0}})
        out += [{"id": f"{rid}-{c}", "text": {"text": v, "marks": {}}} for c, v in present]
    return out


def _export(tmp_path: Path) -> Path:
    """A small export: a page, a contact, and what they refer to."""
    root = tmp_path / "Anytype.20261129.204512.37"
    _write(root, "types", PAGE_TYPE, _meta("STType", PAGE_TYPE, {"name": "Page", "uniqueKey": "ot-page", "layout": 4}))
    _write(root, "types", HUMAN_TYPE, _meta("STType", HUMAN_TYPE, {"name": "Human", "uniqueKey": "ot-human", "layout": 4}))
    _write(root, "relations", TAG_RELATION, _meta("STRelation", TAG_RELATION,
                                                 {"name": "Tag", "relationKey": "tag", "relationFormat": 11, "layout": 5}))
    _write(root, "relations", PHONE_RELATION, _meta("STRelation", PHONE_RELATION,
                                                   {"name": "Mobile", "relationKey": "phone", "relationFormat": 9}))
    _write(root, "relations", BIRTH_RELATION, _meta("STRelation", BIRTH_RELATION,
                                                   {"name": "Birthdate", "relationKey": BIRTH_KEY, "relationFormat": 4}))
    _write(root, "relationsOptions", FAMILY_TAG, _meta("STRelationOption", FAMILY_TAG,
                                                       {"name": "family", "relationKey": "tag", "layout": 13}))
    blocks = [
        _text("b1", "Where we live since 2022.", top=True),
        _text("b2", "Mortgage", "Header1"),
        _text("b3", "Bank: Northwind Savings, loan NW-88412", "Marked", children=("b3a",)),
        _text("b3a", "fixed rate until 2029", "Marked", top=False),
        _text("b4", "Monthly payment 1,150 EUR", "Marked"),
        _text("b5", "Utilities", "Header2"),
        _text("b6", "Call the plumber", "Checkbox", checked=True),
        _text("b7", "Replace the boiler filter", "Checkbox"),
        _text("b8", "Read the meter", "Numbered"),
        _text("b9", "Pay the water bill", "Numbered"),
        *_table("t1", [["Service", "Provider", "Account"], ["Power", "Volta Energy", "PW-5531"], ["Water", "", "AQ-1207"]]),
        {"id": "l1", "link": {"targetBlockId": NADIA_ID, "style": "Page"}, "top": True},
        {"id": "l2", "link": {"targetBlockId": "bafyreinotintheexport000000000000000000000000000000000"}, "top": True},
        {"id": "f1", "file": {"hash": "bafybeifile", "name": "boiler-manual.pdf", "type": "File"}, "top": True},
        _text("b10", "Spare key with Nadia Okafor, next door.", marks={"marks": [
            {"range": {"from": 14, "to": 25}, "type": "Mention", "param": NADIA_ID}]}),
        _text("b11", "Alarm code is in the safe", "Callout"),
    ]
    _write(root, "objects", PAGE_ID, _object("Page", PAGE_ID, blocks, {
        "name": "House", "description": "Our flat on Rue Lamarck", "type": PAGE_TYPE, "tag": [FAMILY_TAG],
        "createdDate": _stamp("2022-06-01"), "lastModifiedDate": _stamp("2026-03-14") + 3600,
        "lastOpenedDate": _stamp("2026-04-01")}, [("name", "shorttext"), ("description", "longtext"), ("tag", "tag")]))
    _write(root, "objects", NADIA_ID, _object("Page", NADIA_ID, [{"id": "r1", "relation": {"key": "phone"}, "top": True}], {
        "name": "Nadia Okafor", "description": "", "type": HUMAN_TYPE, "layout": 1, "phone": "+33 6 12 34 56 78",
        "email": "nadia.okafor@example.org", BIRTH_KEY: _stamp("1962-12-12"), "tag": [FAMILY_TAG],
        "lastModifiedDate": _stamp("2026-01-04"), "iconOption": 2, "layoutAlign": 1},
        [("name", "shorttext"), ("phone", "phone"), ("email", "email"), (BIRTH_KEY, "date"), ("tag", "tag")],
        types=("ot-human",)))
    return root


def _parse(path: Path) -> parsers.ParsedFile:
    return parsers.parse(path, path.read_bytes())


def _lines(parsed: parsers.ParsedFile) -> list[tuple[int, str]]:
    out = []
    for b in parsed.blocks:
        out += b.lines
    return out


def test_a_page_is_its_title_relations_and_blocks_as_markdown(tmp_path):
    root = _export(tmp_path)
    parsed = _parse(root / "objects" / f"{PAGE_ID}.pb.json")
    assert parsed.kind == "markdown" and not parsed.warnings and not parsed.nothing
    text = [t for _, t in _lines(parsed)]
    assert text == [
        "# House",
        "Our flat on Rue Lamarck",
        "- Tag: family",
        "Where we live since 2022.",
        "## Mortgage",
        "- Bank: Northwind Savings, loan NW-88412",
        "  - fixed rate until 2029",
        "- Monthly payment 1,150 EUR",
        "### Utilities",
        "- [x] Call the plumber",
        "- [ ] Replace the boiler filter",
        "1. Read the meter",
        "2. Pay the water bill",
        "| Service | Provider | Account |",
        "|---|---|---|",
        "| Power | Volta Energy | PW-5531 |",
        "| Water |  | AQ-1207 |",
        "- Nadia Okafor",  # a link to another object: its name
        "(attached: boiler-manual.pdf)",
        "Spare key with Nadia Okafor, next door.",  # a mention's marks dropped, its words kept
        "> Alarm code is in the safe",
    ]
    headings = [(b.level, b.title) for b in parsed.blocks if b.kind == "heading"]
    assert headings == [(1, "House"), (2, "Mortgage"), (3, "Utilities")]
    table = next(b for b in parsed.blocks if b.kind == "table")
    assert [t for _, t in table.header][0] == "| Service | Provider | Account |"


def test_every_line_cites_the_json_line_its_words_are_on(tmp_path):
    root = _export(tmp_path)
    for oid in (PAGE_ID, NADIA_ID):
        path = root / "objects" / f"{oid}.pb.json"
        file_lines = path.read_text(encoding="utf-8").split("\n")
        for n, t in _lines(_parse(path)):
            raw = file_lines[n - 1]
            if t.startswith("# "):  # the title cites the page's title block, where the page shows its name
                assert '"text"' in raw and "Title" in "\n".join(file_lines[n - 1:n + 2])
                continue
            if set(t) <= set("|-"):
                continue
            words = t.lstrip("#>-0123456789. ").removeprefix("[x] ").removeprefix("[ ] ").strip()
            if words.startswith("|"):
                words = next(c.strip() for c in words.strip("|").split("|") if c.strip())
            if words.startswith("(attached: "):
                assert '"id": "f1"' in raw
                continue
            if ": " in words and not raw.strip().startswith('"text"'):  # a relation: cited at its key
                label, value = words.split(": ", 1)
                key = raw.strip().split('"')[1]
                assert key in ("tag", "phone", "email", "type", BIRTH_KEY), (n, t, raw)
                continue
            if words == "Nadia Okafor" and '"link"' in file_lines[n]:  # a link cites its block
                continue
            assert words in raw, (n, t, raw)


def test_a_contact_reads_its_relations_by_their_names(tmp_path):
    root = _export(tmp_path)
    path = root / "objects" / f"{NADIA_ID}.pb.json"
    parsed = _parse(path)
    assert [t for _, t in _lines(parsed)] == [
        "# Nadia Okafor",
        "- Mobile: +33 6 12 34 56 78",  # the name the export's relation object gives "phone"
        "- Email: nadia.okafor@example.org",  # no relation object: the key made readable
        "- Birthdate: 1962-12-12",  # a made-up key named by its relation object; a date before 1970
        "- Tag: family",  # an option's id as its name
    ]  # (no "Type: Human": every contact is one, and such a line answers "Who is Nadia?" with nothing)
    file_lines = path.read_text(encoding="utf-8").split("\n")
    cited = {t: file_lines[n - 1].strip() for n, t in _lines(parsed)}
    assert cited["- Mobile: +33 6 12 34 56 78"].startswith('"phone": ')
    assert cited["- Birthdate: 1962-12-12"].startswith(f'"{BIRTH_KEY}": ')
    assert cited["- Tag: family"].startswith('"tag": ')
    got = {(" > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())}
    assert any(topic == "Nadia Okafor" and "+33 6 12 34 56 78" in text for topic, text in got)
    assert any("1962-12-12" in text for _, text in got)
    # The app's bookkeeping is not said.
    assert not any(w in t for _, t in _lines(parsed) for w in ("participant", "bafyrei", "Icon", "Layout", "Creator"))


def test_a_page_is_dated_by_its_last_change(tmp_path):
    root = _export(tmp_path)
    page = root / "objects" / f"{PAGE_ID}.pb.json"
    assert _parse(page).written == "2026-03-14"
    assert {s.written for s in parse_statements(page, page.read_bytes())} == {"2026-03-14"}
    assert _parse(root / "objects" / f"{NADIA_ID}.pb.json").written == "2026-01-04"


def test_archived_deleted_and_the_exports_own_objects_say_nothing(tmp_path):
    root = _export(tmp_path)
    old = _write(root, "objects", "bafyreiarchived", _object("Page", "bafyreiarchived", [_text("x", "Old wifi: hunter2")], {
        "name": "Old flat", "isArchived": True, "lastModifiedDate": _stamp("2024-01-01")}))
    gone = _write(root, "objects", "bafyreideleted", _object("Page", "bafyreideleted", [_text("x", "Gate 4471")], {
        "name": "Gate", "isDeleted": True}))
    template = _write(root, "templates", "bafyreitemplate", _object("Template", "bafyreitemplate", [_text("x", "Agenda")], {
        "name": "Meeting notes"}))
    file_object = _write(root, "filesObjects", "bafyreifileobj", _meta("FileObject", "bafyreifileobj", {
        "name": "boiler-manual", "fileExt": "pdf", "source": "files/boiler-manual.pdf"}))
    widget = _write(root, "", "bafyreiwidget", _meta("Widget", "bafyreiwidget", {"name": "Widgets"}))
    for path, why in [(old, "archived"), (gone, "deleted"), (template, "template"), (file_object, "file"),
                      (widget, "Anytype's own"),
                      (root / "relations" / f"{TAG_RELATION}.pb.json", "relation"),
                      (root / "relations" / f"{BIRTH_RELATION}.pb.json", "relation"),
                      (root / "relationsOptions" / f"{FAMILY_TAG}.pb.json", "option"),
                      (root / "types" / f"{HUMAN_TYPE}.pb.json", "type")]:
        parsed = _parse(path)
        assert parsed.blocks == [] and not parsed.warnings and why in parsed.nothing, (path, parsed.nothing)
        assert parse_statements(path, path.read_bytes()) == []
    # A link to an archived object is not read as its name.
    page = _write(root, "objects", "bafyreilinker", _object("Page", "bafyreilinker", [
        {"id": "l", "link": {"targetBlockId": "bafyreiarchived"}, "top": True}, _text("t", "See above")], {"name": "Index"}))
    assert [t for _, t in _lines(_parse(page))] == ["# Index", "See above"]


def test_the_account_profile_file_says_nothing(tmp_path):
    root = _export(tmp_path)
    profile = root / "profile"
    profile.write_bytes(b"\n\x0bLea Martin\x12\x30AAbbccddeeffgg")
    parsed = _parse(profile)
    assert parsed.blocks == [] and "profile" in parsed.nothing


def test_broken_json_in_an_export_is_a_warning_not_a_traceback(tmp_path):
    root = _export(tmp_path)
    path = root / "objects" / f"{PAGE_ID}.pb.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")  # cut off mid-write
    parsed = _parse(path)
    assert parsed.blocks == []
    assert len(parsed.warnings) == 1 and "malformed Anytype object" in parsed.warnings[0]
    # The other objects still read, and still name what they refer to.
    assert "- Tag: family" in [t for _, t in _lines(_parse(root / "objects" / f"{NADIA_ID}.pb.json"))]


def test_a_json_that_is_not_an_anytype_object_is_read_as_before(tmp_path, monkeypatch):
    plain = tmp_path / "car.json"
    plain.write_text(json.dumps({"car": {"plate": "AB-123-CD", "insurer": "Lumen"}, "sbType": "sedan"}, indent=2))
    looks_like = tmp_path / "snapshot.json"  # says "sbType" and "snapshot", but is not an object of the export
    looks_like.write_text(json.dumps({"sbType": "sedan", "snapshot": "2026-01-01", "owner": "Lea"}, indent=2))
    listed = tmp_path / "list.pb.json"
    listed.write_text(json.dumps([{"sbType": "Page", "snapshot": {"data": {}}}], indent=2))
    got = {p: _parse(p) for p in (plain, looks_like, listed)}
    monkeypatch.setattr(anytype, "looks_like_anytype", lambda path, text: False)
    for p, parsed in got.items():
        before = _parse(p)
        assert [(b.kind, b.lines) for b in parsed.blocks] == [(b.kind, b.lines) for b in before.blocks]
        assert parsed.warnings == before.warnings and parsed.nothing == before.nothing
    assert any("AB-123-CD" in t for _, t in _lines(got[plain]))


def test_an_object_on_one_line_and_one_in_the_root_folder_are_read(tmp_path):
    root = tmp_path / "export"
    root.mkdir()
    obj = _object("Page", "bafyreioneline", [_text("a", "Passport X1234567, valid to 2031", "Marked")],
                  {"name": "Papers", "lastModifiedDate": _stamp("2025-05-05")})
    path = root / "bafyreioneline.pb.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    parsed = _parse(path)
    assert _lines(parsed) == [(1, "# Papers"), (1, "- Passport X1234567, valid to 2031")]
    assert parsed.written == "2025-05-05"


def test_a_note_without_a_name_a_task_and_a_collection(tmp_path):
    root = _export(tmp_path)
    note = _write(root, "objects", "bafyreinote", _object("Page", "bafyreinote", [
        _text("n1", "Gym locker 217, code 3390\nbring a padlock")], {"name": "", "layout": 9}))
    assert [t for _, t in _lines(_parse(note))] == ["# Gym locker 217, code 3390", "Gym locker 217, code 3390",
                                                    "bring a padlock"]
    task = _write(root, "objects", "bafyreitask", _object("Page", "bafyreitask", [], {
        "name": "Renew passport", "layout": 2, "done": False, "dueDate": _stamp("2026-05-01")}, [("dueDate", "date")]))
    assert [t for _, t in _lines(_parse(task))] == ["# Renew passport", "- Due date: 2026-05-01", "- Done: no"]
    collection = _object("Page", "bafyreicollection", [{"id": "dv", "dataview": {"views": []}, "top": True}],
                         {"name": "People", "layout": 14})
    collection["snapshot"]["data"]["collections"] = {"objects": [NADIA_ID, "bafyreinotintheexport"]}
    path = _write(root, "objects", "bafyreicollection", collection)
    assert [t for _, t in _lines(_parse(path))] == ["# People", "- Nadia Okafor"]
