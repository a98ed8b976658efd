"""A Slack workspace export (unzipped: users.json, channels.json, integration_logs.json and one folder
per channel of `YYYY-MM-DD.json` day files) is read as each day file's channel, a heading over the day and its messages in time order "HH:MM Full name: text" ("HH:MM text" for whose
export it is, the workspace's primary owner), mentions as names, links as their labels, replies
under their thread's first message, the server's notices left out; every line cited at its
message's `text` line and dated by that message's day (or its edit's) in the owner's time zone.
users.json is one card per person; channels.json and integration_logs.json say nothing. Other JSON (a list of messages elsewhere, a lone users.json) is not Slack's, and a broken
file costs only itself."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from memory import parsers, slack
from memory.statements import parse_statements

LISBON = ZoneInfo("Europe/Lisbon")
ME, RUI, BEA, OLD, BOT = "U01INESCAR", "U02RUICAR", "U03BEALOP", "U04OLDTEN", "U05CALBOT"


def _ts(stamp: str) -> str:
    """A Slack ts for a Lisbon wall-clock time."""
    return f"{datetime.fromisoformat(stamp).replace(tzinfo=LISBON).timestamp():.0f}.000100"


def _user(uid: str, name: str, real: str, **more) -> dict:
    profile = more.pop("profile", {})
    return {"id": uid, "team_id": "T0CASA", "name": name, "deleted": False, "real_name": real,
            "tz": "Europe/Lisbon", "is_admin": False, "is_bot": False,
            "profile": {"title": "", "phone": "", "real_name": real, "display_name": "", "status_text": "", **profile},
            **more}


USERS = [
    _user(ME, "ines", "Inês Carvalho", is_owner=True, is_primary_owner=True,
          profile={"title": "Pharmacist", "phone": "+351 912 000 111", "email": "ines@example.pt", "display_name": "Inês"}),
    _user(RUI, "rui", "Rui Carvalho", profile={"display_name": "Ruizinho", "status_text": "on call this week"}),
    _user(BEA, "bea", "Beatriz Lopes", is_owner=True, profile={"phone": "+351 913 222 333"}),
    _user(OLD, "old.tenant", "Old Tenant", deleted=True, profile={"phone": "+351 900 000 000"}),
    _user(BOT, "calendar", "Calendar", is_bot=True),
]
CHANNELS = [
    {"id": "C01CASA", "name": "casa", "created": 1767225600, "creator": ME, "members": [ME, RUI, BEA],
     "topic": {"value": "landlord: Sr. Mendes", "creator": ME, "last_set": 1767225600},
     "purpose": {"value": "house, rent &amp; repairs", "creator": ME, "last_set": 1767225600}},
    {"id": "C02CARRO", "name": "carro", "created": 1767225700, "creator": ME, "members": [ME, RUI],
     "topic": {"value": "", "creator": "", "last_set": 0}, "purpose": {"value": "", "creator": "", "last_set": 0}},
    {"id": "C03VAZIO", "name": "vazio", "created": 1767225800, "creator": ME, "members": [ME],
     "topic": {"value": "", "creator": "", "last_set": 0}, "purpose": {"value": "", "creator": "", "last_set": 0}},
]


def _msg(user: str, text: str, at: str, **more) -> dict:
    real = next(u["real_name"] for u in USERS if u["id"] == user) if user else ""
    return {"type": "message", "user": user, "text": text, "ts": _ts(at), "team": "T0CASA",
            "user_profile": {"real_name": real, "display_name": ""}, **more}


BOILER = _msg(RUI, "Boiler service booked with *Termo Lar*, see <https://termolar.example/b/77|booking 77> &amp; "
              "write to <mailto:apoio@termolar.example|apoio@termolar.example>", "2026-07-10T00:30:00",
              thread_ts=_ts("2026-07-10T00:30:00"), reply_count=1)
DAY = [  # not in time order, as an export may be
    _msg(ME, "Wi-Fi password is now ~Lisboa2025~ Gato-Preto-88", "2026-07-10T10:00:00",
         edited={"user": ME, "ts": _ts("2026-07-12T09:00:00")}),
    BOILER,
    _msg(BEA, f"<@{BEA}> has joined the channel", "2026-07-10T08:00:00", subtype="channel_join"),
    _msg(ME, "Great, I'll be home from 9 :thumbsup:", "2026-07-10T08:05:00", thread_ts=BOILER["ts"], parent_user_id=RUI),
    _msg(BEA, f"<@{ME}> the spare key is in the _blue_ box by <#C02CARRO|carro>", "2026-07-10T09:00:00",
         reactions=[{"name": "key", "users": [ME], "count": 1}]),
    _msg(ME, "Signed lease", "2026-07-10T11:00:00", files=[{"id": "F1", "name": "lease-2026.pdf", "title": "Lease"}]),
    {"type": "message", "subtype": "bot_message", "bot_id": "B0NONAME", "text": "ping", "ts": _ts("2026-07-10T12:00:00")},
    {"type": "message", "subtype": "bot_message", "bot_id": "B0CAL", "username": "Calendar",
     "text": "Bin day tomorrow", "ts": _ts("2026-07-10T12:30:00")},
    _msg(RUI, "The plumber came back, all fixed", "2026-07-10T13:00:00", thread_ts=_ts("2026-07-01T18:00:00")),
    _msg(ME, "set the channel purpose: house", "2026-07-10T14:00:00", subtype="channel_purpose"),
]
CARRO = [_msg(RUI, "Car inspection (IPO) passed, next one July 2027", "2026-07-11T17:45:00")]
INTEGRATIONS = [{"service_id": "B0CAL", "service_type": "Calendar", "user_id": ME, "user_name": "ines",
                 "date": "1767300000", "change_type": "enabled", "reason": ""}]

DAY_TEXT = json.dumps(DAY, indent=4, ensure_ascii=False)


def _export(root: Path, files: dict[str, object] | None = None) -> Path:
    """The export's files written under `root` (JSON, indented as Slack writes it); the casa day file back."""
    files = files if files is not None else {
        "users.json": USERS, "channels.json": CHANNELS, "integration_logs.json": INTEGRATIONS,
        "casa/2026-07-10.json": DAY_TEXT, "carro/2026-07-11.json": CARRO}
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        text = data if isinstance(data, str) else json.dumps(data, indent=4, ensure_ascii=False)
        (root / rel).write_text(text, encoding="utf-8")
    return root / "casa" / "2026-07-10.json"


def _read(path: Path):
    data = path.read_bytes()
    return parsers.parse(path, data), parse_statements(path, data)


def _line(needle: str, text: str = DAY_TEXT) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


def test_a_day_file_is_its_channel_over_the_day_and_its_messages_in_time_order(tmp_path):
    day = _export(tmp_path / "Casa Slack export Jan 1 2026 - Jul 12 2026")
    parsed, statements = _read(day)
    assert parsed.kind == "markdown" and not parsed.warnings
    headings = [b.title for b in parsed.blocks if b.kind == "heading"]
    assert headings == ["#casa", "2026-07-10"]  # the channel's purpose is no heading over its messages
    md = slack.to_markdown(day, DAY_TEXT).md
    bullets = [row for row in md if row.lstrip().startswith("- ")]
    assert bullets == [
        "- 00:30 Rui Carvalho: Boiler service booked with Termo Lar, see booking 77 & write to apoio@termolar.example",
        "  - 08:05 Great, I'll be home from 9",  # the owner's reply, under its thread, without her name
        "- 09:00 Beatriz Lopes: Inês Carvalho the spare key is in the blue box by #carro",
        "- 10:00 Wi-Fi password is now Lisboa2025 (crossed out) Gato-Preto-88",
        "- 11:00 Signed lease (attached: lease-2026.pdf)",
        "- 12:30 Calendar: Bin day tomorrow",  # a bot with a name and words; the nameless one left out
        "- 13:00 Rui Carvalho: The plumber came back, all fixed",  # its thread's start is in another file
    ]
    texts = [s.text for s in statements]
    assert "2026-07-10: 00:30 Rui Carvalho: Boiler service booked with Termo Lar, see booking 77 & write to apoio@termolar.example" in texts
    assert not any("joined" in t or "purpose" in t or "U0" in t or "ping" in t for t in texts)
    assert not any("Inês Carvalho:" in t for t in texts)  # whose export it is speaks without her name
    reply = next(s for s in statements if "Great, I'll be home" in s.text)
    assert reply.topic[0].startswith("#casa")


def test_each_message_cites_its_text_line_and_is_dated_by_its_own_day(tmp_path):
    parsed, statements = _read(_export(tmp_path / "export"))
    written = {s.text: s.written for s in statements}
    # 23:30 UTC on 9 July is already 10 July in Lisbon, the owner's zone.
    assert written[next(t for t in written if "Boiler" in t)] == "2026-07-10"
    assert written[next(t for t in written if "Gato-Preto-88" in t)] == "2026-07-12"  # its edit's day
    assert written[next(t for t in written if "spare key" in t)] == "2026-07-10"
    assert parsed.written_from == sorted(parsed.written_from)
    for needle in ("Boiler service", "Great, I'll be home", "spare key", "Gato-Preto-88", "Signed lease",
                   "Bin day", "plumber came back"):
        s = next(s for s in statements if needle in s.text.replace("~", ""))
        assert s.line == _line(needle) and s.end_line == s.line, needle


def test_users_json_is_a_card_per_person_and_channels_json_says_nothing(tmp_path):
    root = tmp_path / "export"
    _export(root)
    users_text = (root / "users.json").read_text()
    parsed, statements = _read(root / "users.json")
    assert not parsed.warnings
    got = {(s.line, s.text) for s in statements}
    assert (_line('"phone": "+351 912 000 111"', users_text), "Inês Carvalho (me): Phone: +351 912 000 111") in got
    assert any(t == "Inês Carvalho (me): Job title: Pharmacist" for _, t in got)  # the owner's card says it is hers
    assert any(t.startswith("Inês Carvalho (me): This is me") for _, t in got)
    assert any(t == "Rui Carvalho: Display name: Ruizinho" for _, t in got)
    assert any(t == "Rui Carvalho: Status: on call this week" for _, t in got)
    assert any(t == "Beatriz Lopes: Phone: +351 913 222 333" for _, t in got)
    said = " ".join(t for _, t in got)
    assert "Old Tenant" not in said and "Calendar" not in said  # deactivated, a bot
    assert "Job title: " not in said.replace("Job title: Pharmacist", "")  # empty fields say nothing
    assert "This is me" not in said.replace("Inês Carvalho (me): This is me", "")  # Beatriz owns too; Inês is the primary
    channels_text = (root / "channels.json").read_text()
    parsed, statements = _read(root / "channels.json")
    assert not statements and "channels" in parsed.nothing and "landlord" in channels_text
    parsed, statements = _read(root / "integration_logs.json")
    assert not parsed.blocks and not statements and "apps" in parsed.nothing
    _, statements = _read(root / "carro" / "2026-07-11.json")
    assert [s.text for s in statements] == ["2026-07-11: 17:45 Rui Carvalho: Car inspection (IPO) passed, next one July 2027"]
    assert statements[0].topic[0] == "#carro"  # no purpose, no topic


def test_other_json_is_not_claimed(tmp_path):
    # The same list of messages, the same users, outside an export.
    loose = _export(tmp_path / "loose", {"casa/2026-07-10.json": DAY_TEXT})
    lone_users = tmp_path / "app" / "users.json"
    _export(tmp_path / "app", {"users.json": USERS, "settings.json": {"theme": "dark"}})
    listed = tmp_path / "export" / "notes.json"
    _export(tmp_path / "export", {"users.json": USERS, "channels.json": CHANNELS, "notes.json": DAY})
    dated_other = tmp_path / "export" / "log" / "2026-07-10.json"
    _export(tmp_path / "export", {"log/2026-07-10.json": [{"ts": "1", "event": "boot"}]})
    not_a_list = tmp_path / "export" / "casa" / "2026-07-09.json"
    _export(tmp_path / "export", {"casa/2026-07-09.json": {"type": "message", "ts": "1"}})
    for path in (loose, lone_users, listed, dated_other, not_a_list):
        text = path.read_text()
        assert not slack.looks_like_slack(path, text), path
        parsed = parsers.parse(path, text.encode())
        assert not any(b.title.startswith("Slack") for b in parsed.blocks if b.kind == "heading"), path
        assert "Slack" not in parsed.nothing, path
    # users.json beside a channel's folder of day files is the export's, without channels.json.
    root = tmp_path / "no-channels"
    _export(root, {"users.json": USERS, "casa/2026-07-10.json": DAY_TEXT})
    assert slack.looks_like_slack(root / "users.json", (root / "users.json").read_text())


def test_broken_json_is_a_warning_and_the_rest_is_read(tmp_path):
    root = tmp_path / "export"
    day = _export(root)
    cut = DAY_TEXT[: DAY_TEXT.index("spare key")]
    day.write_text(cut, encoding="utf-8")
    parsed, statements = _read(day)
    assert not parsed.blocks and not statements and parsed.nothing
    assert len(parsed.warnings) == 1 and "not valid JSON" in parsed.warnings[0] and "Traceback" not in parsed.warnings[0]
    assert any("IPO" in s.text for s in _read(root / "carro" / "2026-07-11.json")[1])  # the other days still read
    # A broken users.json: itself a warning; a day file beside it named as its messages name people.
    (root / "users.json").write_text(json.dumps(USERS)[:300], encoding="utf-8")
    parsed, statements = _read(root / "users.json")
    assert not statements and len(parsed.warnings) == 1 and "users.json" in parsed.warnings[0]
    day.write_text(DAY_TEXT, encoding="utf-8")
    parsed, statements = _read(day)
    assert any("23:30 Rui Carvalho: Boiler" in s.text for s in statements)  # no owner's zone known: UTC
    assert any("08:00 Beatriz Lopes: Inês Carvalho the spare key" in s.text for s in statements)
    assert any("Inês Carvalho: Signed lease" in s.text for s in statements)  # no owner known: every name said
    assert parsed.warnings == ["the users.json of this Slack export is not readable: people are named as their messages name them"]


def test_a_day_file_with_only_channels_json_reads_in_utc_with_profile_names(tmp_path):
    day = _export(tmp_path / "export", {"channels.json": CHANNELS, "casa/2026-07-10.json": DAY_TEXT})
    parsed, statements = _read(day)
    headings = [b.title for b in parsed.blocks if b.kind == "heading"]
    assert headings[:3] == ["#casa", "2026-07-09", "2026-07-10"]
    assert any(s.text == "2026-07-09: 23:30 Rui Carvalho: Boiler service booked with Termo Lar, see booking 77 & "
               "write to apoio@termolar.example" for s in statements)


def test_the_export_is_indexed_with_its_lines_and_days(make_memory, tmp_path):
    root = tmp_path / "notes"
    _export(root / "casa Slack export Jan 1 2026 - Jul 12 2026")
    mem = make_memory()
    report = mem.index([root])
    assert not report.warnings
    assert {Path(s.path).name for s in report.skipped} == {"integration_logs.json", "channels.json"}
    said = list(mem.iter_statements())
    boiler = next(s for s in said if "Boiler service" in s.text)
    assert boiler.line == _line("Boiler service") and boiler.written == "2026-07-10"
    assert any(s.text == "Rui Carvalho: Display name: Ruizinho" for s in said)
