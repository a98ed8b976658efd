"""A SilverBullet space (memory/silverbullet.py); all examples made up."""
from __future__ import annotations

from memory import parsers
from memory.statements import parse_statements


def _statements(path):
    return [(s.line, s.topic, s.text) for s in parse_statements(path, path.read_bytes())]


def _space(tmp_path):
    space = tmp_path / "space"
    (space / "Journal" / "Day").mkdir(parents=True)
    (space / "SETTINGS.md").write_text(
        "This page contains settings for configuring SilverBullet and its Plugs.\n\n```yaml\nindexPage: index\n```\n")
    (space / "PLUGS.md").write_text(
        "This file lists all plugs that SilverBullet will load.\n\n```yaml\n- github:someone/silverbullet-thing/thing.plug.js\n```\n")
    return space


def test_settings_plugs_libraries_and_templates_are_not_notes(tmp_path):
    space = _space(tmp_path)
    (space / "_plug").mkdir()
    (space / "_plug" / "thing.plug.js").write_text("// installed plug\nexport const x = 1;\n")
    (space / "Library" / "Core" / "Query").mkdir(parents=True)
    (space / "Library" / "Core" / "Query" / "Page.md").write_text("---\ntags: template\n---\n* [[{{name}}]]\n")
    (space / "Library" / "Mine").mkdir(parents=True)
    (space / "Library" / "Mine" / "New Person.md").write_text(
        "---\ntags: template\nhooks.newPage:\n  suggestedName: \"People/\"\n---\n# {{name}}\n\n* Phone: \n")
    for rel in ("SETTINGS.md", "PLUGS.md", "_plug/thing.plug.js", "Library/Core/Query/Page.md", "Library/Mine/New Person.md"):
        path = space / rel
        parsed = parsers.parse(path, path.read_bytes())
        assert parsed.blocks == [] and "SilverBullet" in parsed.nothing, rel
        assert parse_statements(path, path.read_bytes()) == [], rel
    # A SETTINGS.md that is not SilverBullet's is a page like any other.
    other = tmp_path / "vault" / "SETTINGS.md"
    other.parent.mkdir()
    other.write_text("# Settings\n\nThe router password is on the fridge.\n")
    assert parsers.parse(other, other.read_bytes()).nothing == ""


def test_a_page_is_dated_by_last_modified_and_its_bookkeeping_tags_and_expressions_left_out(tmp_path):
    space = _space(tmp_path)
    page = space / "Bikes.md"
    page.write_text("""---
tags: topic
created: 2025-01-04T09:00:00.000Z
lastModified: 2025-05-30T17:20:11.000Z
---
# Bikes

## Mine
* Gazelle, green, frame number GZ-20417. #bike
* Lock code 3381, see [[Locks]].
#errands #outdoors
${query[[from index.tag "task" where not done]]}

```query
task where page = "Bikes"
```
""")
    parsed = parsers.parse(page, page.read_bytes())
    assert parsed.written == "2025-05-30" and parsed.nothing == ""
    got = _statements(page)
    assert (9, ["Bikes", "Bikes", "Mine"], "Mine: Gazelle, green, frame number GZ-20417.") in got
    assert (10, ["Bikes", "Bikes", "Mine"], "Mine: Lock code 3381, see Locks.") in got
    assert not any(line in (3, 4, 11, 12) for line, _, _ in got)
    assert not any("lastModified" in t or "created" in t or "#" in t or "${" in t or "task where" in t for _, _, t in got)
    # A journal page keeps its text; a page without lastModified is not dated by it.
    day = space / "Journal" / "Day" / "2025-06-02.md"
    day.write_text("---\ntags: journal\n---\n# 2025-06-02\n\n* Took the Gazelle for new brakes, 45 euros.\n")
    assert (6, "2025-06-02: Took the Gazelle for new brakes, 45 euros.") in [(n, t) for n, _, t in _statements(day)]
