"""A Mattermost bulk export (`mmctl export create`: `import.jsonl` beside a `data/` tree) is read as
the team's channels, each a heading over its posts in time order by day, "HH:MM Full name: text"
("HH:MM text" for the posts of whose export it is, the one who writes notes to self),
replies under their post, direct messages to oneself as "Notes to self", an attachment named at the
end of its post; every line cited at the export line of its post and dated by that post's day. Other
JSON Lines files are not Mattermost's, and a broken line costs only itself."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone

from memory import mattermost, parsers
from memory.statements import parse_statements


def _ms(stamp: str) -> int:
    return int(datetime.fromisoformat(stamp).replace(tzinfo=timezone.utc).timestamp() * 1000)


def _post(channel: str, user: str, message: str, at: str, **more) -> dict:
    return {"type": "post", "post": {"team": "hearth", "channel": channel, "user": user, "type": None,
                                     "message": message, "props": {}, "create_at": _ms(at), "edit_at": 0,
                                     "flagged_by": None, "replies": None, "reactions": None,
                                     "attachments": None, "is_pinned": False, **more}}


def _user(username: str, first: str = "", last: str = "") -> dict:
    return {"type": "user", "user": {"username": username, "email": f"{username}@example.org", "nickname": "",
                                     "first_name": first, "last_name": last, "roles": "system_user", "locale": "en",
                                     "teams": [{"name": "hearth", "roles": "team_user", "channels": []}],
                                     "notify_props": {"desktop": "mention", "email": "false"}}}


RECORDS = [
    {"type": "version", "version": 1, "info": {"generator": "mattermost-server", "version": "10.5.2",
                                                "created": "2026-12-01T08:00:00.000Z"}},
    {"type": "team", "team": {"name": "hearth", "display_name": "The Hearth", "type": "I", "description": ""}},
    {"type": "channel", "channel": {"team": "hearth", "name": "car", "display_name": "Car", "type": "P",
                                    "header": "", "purpose": "the grey Corolla", "deleted_at": 0}},
    {"type": "channel", "channel": {"team": "hearth", "name": "health", "display_name": "Health", "type": "P",
                                    "header": "GP: Dr. Okafor", "purpose": "", "deleted_at": 0}},
    {"type": "channel", "channel": {"team": "hearth", "name": "town-square", "display_name": "Town Square",
                                    "type": "O", "header": "", "purpose": "", "deleted_at": 0}},
    _user("nadia", "Nadia", "Volkov"),
    _user("tomas", "Tomas"),
    _user("kid"),
    {"type": "emoji", "emoji": {"name": "corolla", "image": "data/emoji/corolla.png"}},
    # In the order of their ids, not their times.
    _post("car", "nadia", "Insurance renewed with Lumen Mutual, policy LM-55120, due 14 March 2027.", "2026-03-14T09:30:00"),
    _post("car", "nadia", "Insurance: Lumen Mutual, policy LM-40817, renewal every 14 March.", "2025-03-14T18:05:00",
          replies=[{"user": "tomas", "message": "The green card is in the glovebox.", "create_at": _ms("2025-03-15T07:45:00")}]),
    _post("car", "tomas", "MOT booked at Harlow Motors.\n\n- date: 2 April\n- cost: 54.85\n\n# Not a heading\n---\nask @nadia for the V5C",
          "2025-03-20T12:00:00"),
    _post("health", "nadia", "Blood type O negative.", "2025-06-01T10:00:00", edit_at=_ms("2025-11-02T10:00:00")),
    _post("health", "kid", "", "2025-06-02T10:00:00", type="system_join_channel"),
    _post("health", "kid", "I have a dentist on Friday", "2025-06-03T16:20:00"),
    {"type": "direct_channel", "direct_channel": {"members": ["nadia", "nadia"], "header": "Notes to self"}},
    {"type": "direct_channel", "direct_channel": {"members": ["tomas", "nadia"], "header": ""}},
    {"type": "direct_post", "direct_post": {"channel_members": ["nadia", "nadia"], "user": "nadia",
                                            "message": "Phone contacts exported, just in case.",
                                            "create_at": _ms("2025-02-14T21:15:00"), "replies": None,
                                            "attachments": [{"path": "data/20250214/teams/noteam/channels/c1/users/u1/p1/contacts.vcf"}]}},
    {"type": "direct_post", "direct_post": {"channel_members": ["tomas", "nadia"], "user": "tomas",
                                            "message": "Spare key is under the blue pot.",
                                            "create_at": _ms("2025-05-05T08:00:00"), "replies": None, "attachments": None}},
]
EXPORT = "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n"


def _line(needle: str, text: str = EXPORT) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


def _parse(tmp_path, text: str = EXPORT):
    path = tmp_path / "export" / "import.jsonl"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return parsers.parse(path, text.encode()), parse_statements(path, text.encode())


def test_each_channel_is_a_heading_over_its_posts_in_time_order(tmp_path):
    parsed, _ = _parse(tmp_path)
    assert parsed.kind == "markdown" and not parsed.warnings
    headings = [(b.start, b.level, b.title) for b in parsed.blocks if b.kind == "heading"]
    assert headings[0] == (_line('"type": "team"'), 1, "Mattermost: The Hearth")
    channels = [(n, t) for n, level, t in headings if level == 2]
    assert channels == [(_line('"name": "car"'), "Car"), (_line('"name": "health"'), "Health"),
                        (_line('"members": ["nadia", "nadia"]'), "Notes to self"),
                        (_line('"members": ["tomas", "nadia"]'), "Direct messages: Nadia Volkov and Tomas")]
    days = [t for _, level, t in headings if level == 3]
    assert days[:3] == ["2025-03-14", "2025-03-20", "2026-03-14"]  # the car's posts, oldest first
    assert "Town Square" not in [t for _, _, t in headings]  # nothing was written there


def test_posts_are_bullets_with_time_and_full_name_replies_under_them(tmp_path):
    _, statements = _parse(tmp_path)
    got = [(s.line, " > ".join(s.topic), s.text) for s in statements]
    texts = [t for _, _, t in got]
    old = _line("LM-40817")
    assert (_line('"purpose": "the grey Corolla"'), "Mattermost: The Hearth > Car", "Purpose: the grey Corolla") in got
    assert (_line('"header": "GP: Dr. Okafor"'), "Mattermost: The Hearth > Health", "Header: GP: Dr. Okafor") in got
    # Nadia writes notes to self: the export is hers, and her posts are her notes, without her name.
    assert any(n == old and t.endswith("18:05 Insurance: Lumen Mutual, policy LM-40817, renewal every 14 March.") for n, _, t in got)
    assert not any("Nadia Volkov:" in t for t in texts)
    # The reply, on its post's line, a bullet right under it, its day said (not the post's).
    reply = next(k for k, t in enumerate(texts) if "The green card is in the glovebox." in t)
    assert "LM-40817" in texts[reply - 1] and "2025-03-15 07:45 Tomas:" in texts[reply] and got[reply][0] == old
    assert texts.index(texts[reply - 1]) < texts.index(next(t for t in texts if "LM-55120" in t))
    # A user without a name is their user name; a system message says nothing.
    assert any("16:20 kid: I have a dentist on Friday" in t for t in texts)
    assert not any("join" in t.lower() for t in texts)


def test_a_multi_line_message_keeps_its_list_and_no_heading_of_its_own(tmp_path):
    parsed, statements = _parse(tmp_path)
    mot = _line("Harlow Motors")
    got = [(s.line, s.text) for s in statements if s.line == mot]
    texts = [t for _, t in got]
    assert any("12:00 Tomas: MOT booked at Harlow Motors." in t for t in texts)
    assert any(t.endswith("date: 2 April") for t in texts) and any(t.endswith("cost: 54.85") for t in texts)
    assert any("Not a heading" in t for t in texts)
    assert any("ask Nadia Volkov for the V5C" in t for t in texts)  # "@nadia", as her name
    assert "Not a heading" not in [b.title for b in parsed.blocks if b.kind == "heading"]


def test_notes_to_self_and_an_attachment_named_at_the_end_of_its_post(tmp_path):
    _, statements = _parse(tmp_path)
    note = next(s for s in statements if "Phone contacts exported" in s.text)
    assert note.topic[:2] == ["Mattermost: The Hearth", "Notes to self"]
    assert note.text.endswith("(attached: contacts.vcf)") and note.line == _line("Phone contacts exported")
    assert not any("Header: Notes to self" in s.text for s in statements)  # the heading says it already
    dm = next(s for s in statements if "Spare key" in s.text)
    assert dm.topic[1] == "Direct messages: Nadia Volkov and Tomas" and "08:00 Tomas: Spare key" in dm.text


def test_every_post_is_dated_by_its_own_day_so_a_later_post_is_newer(tmp_path):
    parsed, statements = _parse(tmp_path)
    by_text = {s.text: s.written for s in statements}
    old = next(t for t in by_text if "LM-40817" in t)
    new = next(t for t in by_text if "LM-55120" in t)
    assert by_text[old] == "2025-03-15"  # the thread as of its reply
    assert by_text[new] == "2026-03-14"
    assert by_text[next(t for t in by_text if "O negative" in t)] == "2025-11-02"  # dated by its edit
    assert by_text["Purpose: the grey Corolla"] == ""  # the channel's own line is no post's
    assert (_line("LM-55120"), "2026-03-14") in parsed.written_from
    assert parsed.written_from == sorted(parsed.written_from)
    for s in statements:  # each cites the export line its words are on
        words = s.text.split(": ")[-1].replace("Nadia Volkov", "@nadia")
        words = (words.split(" ", 1)[1] if re.match(r"\d\d:\d\d ", words) else words)[:12]
        assert words in EXPORT.split("\n")[s.line - 1], (s.line, s.text)


def test_a_broken_line_is_left_out_and_the_rest_is_read(tmp_path):
    lines = EXPORT.split("\n")
    cut = _line("Blood type O negative")
    lines[cut - 1] = lines[cut - 1][:40]  # cut off mid-object
    parsed, statements = _parse(tmp_path, "\n".join(lines))
    assert parsed.warnings == [f"1 line(s) of the Mattermost export are not JSON (line {cut}): left out"]
    texts = [s.text for s in statements]
    assert not any("O negative" in t for t in texts)
    assert any("LM-55120" in t for t in texts) and any("Spare key" in t for t in texts)
    # Without its version line (cut off too), the records still tell a Mattermost export.
    first_cut = "\n".join(["{not json"] + EXPORT.split("\n")[1:])
    parsed, statements = _parse(tmp_path, first_cut)
    assert any("LM-55120" in s.text for s in statements) and len(parsed.warnings) == 1


def test_other_json_lines_are_not_mattermost(tmp_path):
    from pathlib import Path

    log = "\n".join(json.dumps({"type": "post", "id": k, "text": f"entry {k}"}) for k in range(3)) + "\n"
    dataset = '{"question": "Where is the key?", "answer": "Under the pot"}\n'
    versioned = '{"type": "version", "version": 1, "info": {"generator": "something-else"}}\n' + log
    for name, text in (("log.jsonl", log), ("questions.jsonl", dataset), ("import.jsonl", versioned)):
        lines = parsers.split_lines(text)
        assert not mattermost.looks_like_mattermost(Path(name), lines), name
        parsed = parsers.parse(Path(name), text.encode())
        assert not any(b.title.startswith("Mattermost") for b in parsed.blocks if b.kind == "heading")
    # The export's own records, under another name or with no version line, are.
    assert mattermost.looks_like_mattermost(Path("backup-2026-12.jsonl"), parsers.split_lines(EXPORT))
    assert not mattermost.looks_like_mattermost(Path("import.json"), parsers.split_lines(EXPORT))
    empty = "\n".join(json.dumps(RECORDS[k]) for k in (0, 1, 4, 5, 6))  # a team, an empty channel, users
    assert parsers.parse(tmp_path / "import.jsonl", empty.encode()).nothing == "a Mattermost export with no posts"


def test_the_export_and_its_attachment_are_indexed_with_their_lines(make_memory, tmp_path):
    root = tmp_path / "notes" / "abc123_export"
    vcard = root / "data" / "20250214" / "teams" / "noteam" / "channels" / "c1" / "users" / "u1" / "p1" / "contacts.vcf"
    vcard.parent.mkdir(parents=True)
    vcard.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Tomas Reyes\nTEL;TYPE=CELL:+44 7700 900123\nEND:VCARD\n")
    (root / "import.jsonl").write_text(EXPORT, encoding="utf-8")
    mem = make_memory()
    report = mem.index([tmp_path / "notes"])
    assert report.files_changed == 2 and not report.skipped and not report.warnings
    export = [s for s in mem.iter_statements() if s.path.endswith("import.jsonl")]
    new = next(s for s in export if "LM-55120" in s.text)
    assert new.line == _line("LM-55120") and new.written == "2026-03-14"
    assert any("+44 7700 900123" in s.text for s in mem.iter_statements() if s.path.endswith("contacts.vcf"))
