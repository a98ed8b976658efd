"""A Zulip organization export (`manage.py export`, unpacked: realm.json, messages-000001.json and the
server's own files) is read as the organization's streams, each a heading over its topics, their
messages in time order "YYYY-MM-DD: Full name: text" ("YYYY-MM-DD: text" for whose export it is, the owner),
Zulip's mentions, stream links and upload links said in words, direct messages to oneself as "Notes
to self"; every line cited at the `content` line of its message and dated by that message's day in
the owner's time zone. Bots' messages, realm.json and the server's files say nothing, each saying why;
a messages file without realm.json is still read, a broken one costs only itself, and other JSON
that merely says "zerver_message" is not Zulip's."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from memory import parsers, zulip
from memory.statements import parse_statements

OWNER, HUSBAND, DAUGHTER, ROOF_BOT, WELCOME_BOT = 11, 12, 13, 14, 2
HOUSE, HEALTH, JOURNAL, QUIET = 5, 6, 7, 8


def _at(stamp: str) -> float:
    return datetime.fromisoformat(stamp).replace(tzinfo=timezone.utc).timestamp()


def _user(uid: int, name: str, role: int = 400, **more) -> dict:
    return {"id": uid, "full_name": name, "email": f"user{uid}@husid.example.fo", "delivery_email": f"u{uid}@example.fo",
            "role": role, "is_bot": False, "bot_type": None, "bot_owner": None, "is_active": True,
            "timezone": "Atlantic/Faroe", "realm": 3, "avatar_source": "G", **more}


REALM = {
    "zerver_realm": [{"id": 3, "name": "Húsið í Hoyvík", "string_id": "husid", "description": "",
                      "invite_required": True, "allow_message_editing": True, "default_language": "en"}],
    "zerver_defaultstream": [{"id": 1, "realm": 3, "stream": HOUSE}],
    "zerver_userprofile": [
        _user(OWNER, "Sólja Joensen", role=100),
        _user(HUSBAND, "Jógvan Poulsen"),
        _user(DAUGHTER, "Rannvá Poulsen"),
        _user(ROOF_BOT, "Roof Watcher", is_bot=True, bot_type=1, bot_owner=OWNER),
    ],
    "zerver_userprofile_crossrealm": [{"id": 1, "email": "notification-bot@zulip.com", "email_gateway": False},
                                      {"id": WELCOME_BOT, "email": "welcome-bot@zulip.com", "email_gateway": False}],
    "zerver_stream": [
        {"id": HOUSE, "name": "house", "description": "Boiler, bills and the roof", "realm": 3, "invite_only": False},
        {"id": HEALTH, "name": "health", "description": "", "realm": 3, "invite_only": True},
        {"id": JOURNAL, "name": "journal", "description": "What changed, newest last", "realm": 3, "invite_only": True},
        {"id": QUIET, "name": "garden", "description": "Nothing here yet", "realm": 3, "invite_only": False},
    ],
    "zerver_recipient": [
        {"id": 30, "type": 1, "type_id": OWNER}, {"id": 31, "type": 1, "type_id": HUSBAND},
        {"id": 32, "type": 1, "type_id": DAUGHTER},
        {"id": 40, "type": 2, "type_id": HOUSE}, {"id": 41, "type": 2, "type_id": HEALTH},
        {"id": 42, "type": 2, "type_id": JOURNAL}, {"id": 43, "type": 2, "type_id": QUIET},
        {"id": 50, "type": 3, "type_id": 2},
    ],
    "zerver_subscription": [{"id": k, "recipient": 50, "user_profile": u, "active": True, "color": "#c2c2c2"}
                            for k, u in enumerate((OWNER, HUSBAND, DAUGHTER), 1)],
    "zerver_huddle": [{"id": 2, "huddle_hash": "0f3c"}],
    "zerver_reaction": [{"id": 1, "message": 102, "user_profile": HUSBAND, "emoji_name": "thumbs_up"}],
}


def _message(mid: int, sender: int, recipient: int, subject: str, content: str, sent: str, edited: str | None = None,
             kind: int = 1) -> dict:
    return {"id": mid, "sender": sender, "recipient": recipient, "realm": 3, "subject": subject, "content": content,
            "rendered_content": "<p>" + content + "</p>", "rendered_content_version": 1, "date_sent": _at(sent),
            "sending_client": 1, "last_edit_time": _at(edited) if edited else None,
            "edit_history": json.dumps([{"timestamp": int(_at(edited)), "prev_content": "old"}]) if edited else None,
            "has_attachment": False, "has_image": False, "has_link": False, "type": kind,
            "is_channel_message": recipient >= 40 and recipient < 50}


MESSAGES = {
    "zerver_message": [
        _message(101, WELCOME_BOT, 40, "welcome", "Welcome to your new Zulip organization!", "2025-10-01T12:00:00"),
        # Faroe summer time (UTC+1) until late October.
        _message(102, OWNER, 40, "boiler",
                 "The boiler is a Nibe F1255, serviced by @**Jógvan Poulsen** every October.\n\n"
                 "- service firm: Hiti og Vatn, phone 318 224\n- filter size: 10 mm", "2025-10-04T08:15:00"),
        _message(103, HUSBAND, 40, "boiler",
                 "Manual is here: [nibe-manual.pdf](/user_uploads/3/ab/XyZ1/nibe-manual.pdf) see also "
                 "#**health>allergies** :thumbs_up:", "2025-10-04T09:02:00"),
        _message(104, ROOF_BOT, 40, "roof", "Roof sensor: wind 31 m/s from the west", "2025-10-05T03:00:00"),
        _message(105, OWNER, 42, "2026-01", "Our dentist is Dr. Petur Hansen at Tannlæknastovan.", "2026-01-20T18:00:00"),
        _message(106, OWNER, 41, "allergies",
                 "```quote\nRannvá reacts to birch pollen\n```\n"
                 "So the antihistamine (Zyrtec 5 mg) stays in the kitchen drawer, @_**Rannvá Poulsen|13** knows.",
                 "2026-01-15T17:30:00"),
        _message(107, OWNER, 41, "allergies", "Rannvá's EpiPen expires in September 2026.", "2026-02-01T10:00:00",
                 edited="2026-05-11T09:00:00"),
        _message(108, OWNER, 42, "2026-06", "Our dentist is now Dr. Marin Olsen, Dr. Hansen retired.", "2026-06-03T08:00:00"),
        # 23:40 UTC is 00:40 the next day in Tórshavn in summer.
        _message(109, OWNER, 42, "2026-07", "The car is now a Kia Niro, plate VX 418.", "2026-07-09T23:40:00"),
        _message(110, OWNER, 30, "", "Locker code at the swimming hall: 4417", "2026-02-10T07:00:00"),
        _message(111, HUSBAND, 30, "", "Spare car key is in the red tin.", "2026-02-11T19:00:00"),
        _message(112, OWNER, 31, "", "Thanks, found it.", "2026-02-11T19:05:00"),
        _message(113, DAUGHTER, 50, "", "Can we get a cat? @**all** :cat:", "2026-03-01T16:00:00"),
        _message(114, 1, 42, "2026-07", "Sólja Joensen has marked this topic as resolved.", "2026-07-10T06:00:00", kind=2),
        _message(115, HUSBAND, 32, "", "Handball pick-up is at 18:00 on Wednesdays now.", "2026-03-02T12:00:00"),
    ],
    "zerver_usermessage": [{"id": k, "user_profile": OWNER, "message": 100 + k, "flags_mask": 1} for k in range(1, 16)],
}
EXPORT = json.dumps(MESSAGES, indent=2, ensure_ascii=False) + "\n"
REALM_JSON = json.dumps(REALM, indent=2, ensure_ascii=False) + "\n"


def _content_line(needle: str, text: str = EXPORT) -> int:
    """The line of the `content` of the message that says `needle`."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.lstrip().startswith('"content"') and needle in line)


def _export(tmp_path, messages: str = EXPORT, realm: str | None = REALM_JSON) -> Path:
    folder = tmp_path / "zulip-export"
    folder.mkdir(exist_ok=True)
    if realm is not None:
        (folder / "realm.json").write_text(realm, encoding="utf-8")
    path = folder / "messages-000001.json"
    path.write_text(messages, encoding="utf-8")
    return path


def _parse(tmp_path, messages: str = EXPORT, realm: str | None = REALM_JSON):
    path = _export(tmp_path, messages, realm)
    return parsers.parse(path, messages.encode()), parse_statements(path, messages.encode())


def _said(statements) -> list[str]:
    return [s.text for s in statements]


def test_each_stream_is_a_heading_over_its_topics(tmp_path):
    parsed, statements = _parse(tmp_path)
    assert parsed.kind == "markdown" and not parsed.warnings
    headings = [(b.level, b.title) for b in parsed.blocks if b.kind == "heading"]
    assert headings[0] == (1, "Zulip: Húsið í Hoyvík")
    assert [t for level, t in headings if level == 2] == [
        "house", "health", "journal", "Notes to self", "Direct messages with Jógvan Poulsen",
        "Direct messages with Jógvan Poulsen and Rannvá Poulsen", "Direct messages between Jógvan Poulsen and Rannvá Poulsen"]
    topics = [t for level, t in headings if level == 3]
    assert topics == ["boiler", "allergies", "2026-01", "2026-06", "2026-07"]
    assert "roof" not in topics and "welcome" not in topics  # only bots wrote there
    assert "garden" not in [t for _, t in headings]  # nothing was written there
    description = next(s for s in statements if s.text == "Boiler, bills and the roof")
    assert description.topic == ["Zulip: Húsið í Hoyvík", "house"] and description.written == ""
    # No heading per day: a message's day labels its first line, and a list in it stays under its topic.
    assert not [t for level, t in headings if level >= 4]


def test_messages_are_day_name_text_and_the_owner_speaks_without_a_name(tmp_path):
    _, statements = _parse(tmp_path)
    said = _said(statements)
    # Sólja owns the organization: her messages are her notes, first person, without her name
    assert any(t == ("2025-10-04: The boiler is a Nibe F1255, serviced by Jógvan Poulsen every October.") for t in said)
    assert not any("Sólja Joensen:" in t for t in said)
    # Her list stays a list, each item its own statement.
    assert any(t.endswith("service firm: Hiti og Vatn, phone 318 224") for t in said)
    assert "boiler: filter size: 10 mm" in said  # under its topic, not its day
    # The husband's message: his name, the upload as its file name, the stream link as the stream and
    # topic, the emoji left out.
    manual = next(t for t in said if "Manual is here" in t)
    assert manual.endswith("2025-10-04: Jógvan Poulsen: Manual is here: nibe-manual.pdf see also health > allergies")
    # A quote block is the quoted text; a silent mention is the name.
    assert any(t.endswith("2026-01-15: Rannvá reacts to birch pollen") for t in said)
    assert any(t.endswith("So the antihistamine (Zyrtec 5 mg) stays in the kitchen drawer, Rannvá Poulsen knows.") for t in said)
    assert not any("**" in t or "```" in t or "user_uploads" in t or ":cat:" in t for t in said)


def test_direct_messages_notes_to_self_and_a_group(tmp_path):
    _, statements = _parse(tmp_path)
    locker = next(s for s in statements if "Locker code" in s.text)
    assert locker.topic[1] == "Notes to self" and locker.text.endswith("2026-02-10: Locker code at the swimming hall: 4417")
    key = next(s for s in statements if "Spare car key" in s.text)
    assert key.topic[1] == "Direct messages with Jógvan Poulsen" and "2026-02-11: Jógvan Poulsen: Spare car key" in key.text
    thanks = next(s for s in statements if "Thanks, found it." in s.text)
    assert thanks.topic[1] == key.topic[1] and "Poulsen" not in thanks.text  # her reply, in the same conversation
    cat = next(s for s in statements if "get a cat" in s.text)
    assert cat.topic[1] == "Direct messages with Jógvan Poulsen and Rannvá Poulsen"
    assert cat.text.endswith("2026-03-01: Rannvá Poulsen: Can we get a cat? all")
    handball = next(s for s in statements if "Handball" in s.text)  # the others' own conversation
    assert handball.topic[1] == "Direct messages between Jógvan Poulsen and Rannvá Poulsen"


def test_every_line_cites_its_messages_content_line(tmp_path):
    parsed, statements = _parse(tmp_path)
    lines = EXPORT.split("\n")
    assert next(s for s in statements if "Nibe F1255" in s.text).line == _content_line("Nibe F1255")
    assert next(s for s in statements if "filter size" in s.text).line == _content_line("Nibe F1255")
    assert next(s for s in statements if "birch pollen" in s.text).line == _content_line("birch pollen")
    assert next(s for s in statements if "Spare car key" in s.text).line == _content_line("Spare car key")
    for s in statements:
        if s.text != "Boiler, bills and the roof" and s.text != "What changed, newest last":
            assert lines[s.line - 1].lstrip().startswith('"content"'), (s.line, s.text)
    # The headings are on their first message's lines: a stream on its recipient, a topic on its subject.
    boiler = next(b for b in parsed.blocks if b.kind == "heading" and b.title == "boiler")
    assert lines[boiler.start - 1].strip() == '"subject": "boiler",'
    house = next(b for b in parsed.blocks if b.kind == "heading" and b.title == "house")
    assert lines[house.start - 1].strip() == '"recipient": 40,' and house.start < boiler.start


def test_each_message_is_dated_by_its_day_so_a_later_journal_entry_is_newer(tmp_path):
    parsed, statements = _parse(tmp_path)
    written = {s.text: s.written for s in statements}
    old = next(t for t in written if "Petur Hansen" in t)
    new = next(t for t in written if "Marin Olsen" in t)
    assert written[old] == "2026-01-20" and written[new] == "2026-06-03"
    assert written[next(t for t in written if "EpiPen" in t)] == "2026-05-11"  # dated by its edit
    # Sent 23:40 UTC on 9 July, 00:40 the next day in the owner's time zone.
    niro = next(t for t in written if "Kia Niro" in t)
    assert written[niro] == "2026-07-10" and niro.startswith("2026-07-10: The car is now a Kia Niro")
    assert written["Boiler, bills and the roof"] == ""  # the stream's own line is no message's
    assert (_content_line("Marin Olsen"), "2026-06-03") in parsed.written_from
    assert parsed.written_from == sorted(parsed.written_from)
    journal = [t for t in _said(statements) if "dentist" in t]
    assert journal.index(old) < journal.index(new)  # in time order


def test_bots_and_the_exports_own_files_say_nothing(tmp_path):
    path = _export(tmp_path)
    folder = path.parent
    _, statements = _parse(tmp_path)
    said = " ".join(_said(statements))
    assert "Welcome to your new" not in said and "wind 31" not in said and "marked this topic" not in said
    assert "thumbs_up" not in said and "flags_mask" not in said
    others = {
        "realm.json": REALM_JSON,
        "analytics.json": json.dumps({"analytics_realmcount": [], "analytics_usercount": []}, indent=2),
        "stats.json": json.dumps({"realm": {"zerver_realm": 1, "zerver_stream": 4},
                                  "messages-000001": {"zerver_message": 14}}, indent=2),
        "attachment.json": json.dumps({"zerver_attachment": [{"id": 1, "file_name": "nibe-manual.pdf",
                                                              "path_id": "3/ab/XyZ1/nibe-manual.pdf"}]}, indent=2),
        "uploads/records.json": json.dumps([{"realm_id": 3, "user_profile_id": HUSBAND, "s3_path": "3/ab/XyZ1/nibe-manual.pdf",
                                             "path": "3/ab/XyZ1/nibe-manual.pdf", "size": 5120}], indent=2),
        "avatars/records.json": "[]",
    }
    for name, text in others.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        parsed = parsers.parse(folder / name, text.encode())
        assert not parsed.blocks and "Zulip export" in parsed.nothing, name
    assert "settings" in parsers.parse(folder / "realm.json", REALM_JSON.encode()).nothing
    # An uploaded file is read as the file it is.
    note = folder / "uploads" / "3" / "ab" / "XyZ1" / "boiler.txt"
    note.parent.mkdir(parents=True)
    note.write_text("Boiler pressure should be 1.5 bar.\n")
    assert not zulip.looks_like_zulip(note, note.read_text())
    assert "1.5 bar" in " ".join(s.text for s in parse_statements(note, note.read_bytes()))
    # A file of only bots' messages says why it says nothing.
    bots = json.dumps({"zerver_message": [MESSAGES["zerver_message"][0], MESSAGES["zerver_message"][3]]}, indent=2)
    assert "no messages from people" in parsers.parse(_export(tmp_path, bots), bots.encode()).nothing


def test_without_realm_json_it_is_read_by_ids_with_a_warning(tmp_path):
    parsed, statements = _parse(tmp_path, realm=None)
    assert len(parsed.warnings) == 1 and "no realm.json" in parsed.warnings[0]
    headings = [b.title for b in parsed.blocks if b.kind == "heading"]
    assert headings[0] == "Zulip" and "stream 40" in headings and "boiler" in headings
    said = _said(statements)
    assert any("user 12: Manual is here: nibe-manual.pdf" in t for t in said)
    assert any("Nibe F1255" in t for t in said) and any("Locker code" in t for t in said)
    assert next(s for s in statements if "Marin Olsen" in s.text).written == "2026-06-03"  # UTC, no time zone known
    assert not any("marked this topic" in t for t in said)  # the server's notice, by its type


def test_broken_json_is_a_warning_and_nothing_invented(tmp_path):
    cut = EXPORT[: EXPORT.index("Marin Olsen")]
    parsed, statements = _parse(tmp_path, cut)
    assert not parsed.blocks and not statements
    assert len(parsed.warnings) == 1 and "not valid JSON" in parsed.warnings[0] and "Traceback" not in parsed.warnings[0]
    assert parsed.nothing
    # A broken realm.json beside good messages: read by ids, said once.
    parsed, statements = _parse(tmp_path, EXPORT, REALM_JSON[:200])
    assert len(parsed.warnings) == 1 and "realm.json" in parsed.warnings[0]
    assert any("Nibe F1255" in s.text for s in statements)


def test_other_json_is_not_claimed(tmp_path):
    word = json.dumps({"note": "the zerver_message table holds every message", "rows": [1, 2]}, indent=2)
    same_shape_other_name = EXPORT
    realm_like = json.dumps({"zerver_stream": [], "name": "not a realm"}, indent=2)
    for name, text in (("messages-000001.json", word), ("export.json", same_shape_other_name),
                       ("messages.json", same_shape_other_name), ("realm.json", realm_like),
                       ("stats.json", json.dumps({"realm": {"visits": 3}})), ("analytics.json", json.dumps({"visits": 3})),
                       ("records.json", "[]")):
        path = tmp_path / "other" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        assert not zulip.looks_like_zulip(path, text), name
        parsed = parsers.parse(path, text.encode())
        assert not any(b.title.startswith("Zulip") for b in parsed.blocks if b.kind == "heading"), name
        assert "Zulip" not in parsed.nothing, name
    # A broken file named so, opening as a messages file, is the export's (and says so).
    broken = '{\n  "zerver_message": [\n    {"id": 1, "content": "cut off'
    assert zulip.looks_like_zulip(tmp_path / "messages-000002.json", broken)


def test_the_export_is_indexed_with_its_lines_and_days(make_memory, tmp_path):
    root = tmp_path / "notes"
    folder = root / "zulip-export-husid-2026-12-01"
    folder.mkdir(parents=True)
    (folder / "realm.json").write_text(REALM_JSON, encoding="utf-8")
    (folder / "messages-000001.json").write_text(EXPORT, encoding="utf-8")
    (folder / "analytics.json").write_text(json.dumps({"analytics_realmcount": []}, indent=2))
    mem = make_memory()
    report = mem.index([root])
    assert report.files_changed == 1 and not report.warnings
    assert {Path(s.path).name for s in report.skipped} == {"realm.json", "analytics.json"}
    new = next(s for s in mem.iter_statements() if "Marin Olsen" in s.text)
    assert new.line == _content_line("Marin Olsen") and new.written == "2026-06-03"
