"""A Zulip organization export (`manage.py export`, or the web app's "Export organization", unpacked),
read as the streams, topics and direct messages a household wrote.

The export is a folder of JSON files: `realm.json` (the organization: `zerver_realm` with its `name`,
`zerver_stream` with each stream's `id`, `name` and `description`, `zerver_recipient` mapping a
recipient `id` to its `type` (1 a person, 2 a stream, 3 a group of people) and `type_id`,
`zerver_userprofile` with each user's `full_name`, `role`, `is_bot`, `timezone`,
`zerver_userprofile_crossrealm` the server's own bots, `zerver_subscription` who receives what),
`messages-000001.json` (-000002 ...: `zerver_message`, each message's `sender`, `recipient`,
`subject` (its topic), `content` (Zulip markdown), `date_sent` and `last_edit_time` in epoch
seconds; `zerver_usermessage`, each user's read/starred flags), and the server's own files:
`analytics.json`, `stats.json`, `attachment.json`, `records.json` in `avatars/`, `emoji/`,
`realm_icons/` and `uploads/`. Read as JSON, a message was a screenful of ids, HTML and flags.

Here it is:

    realm.json: zerver_realm "name": "Húsið í Hoyvík"     ->  # Zulip: Húsið í Hoyvík
    stream "house", description "Boiler, bills"          ->  ## house
                                                          ->  Boiler, bills
    a message of topic "boiler", sent 4 October 2025     ->  ### boiler
      by whose export it is                               ->  2025-10-04: The boiler is serviced ...
      by Jógvan Poulsen: "ask @**Rannvá** see #**health**" ->  2025-10-04: Jógvan Poulsen: ask Rannvá see health
    direct messages to oneself                            ->  ## Notes to self
    direct messages with others                           ->  ## Direct messages with Jógvan Poulsen

- Each stream a heading, its description under it, each topic a heading under that, its messages in
  time order, each a paragraph "YYYY-MM-DD: Full name: text" (the day it was sent labels it as a
  log's line is; a day heading would put a list in the message under its day rather than its topic,
  "2026-01-06: Water: ..." for "the flat: Water: ..."); a message's further lines follow it as written (its lists stay lists,
  each item a line of its own), a heading or a rule in it kept as words. Zulip's markdown is said in
  words: `@**Name**`, `@_**Name|12**` and `@*group*` as the name, `#**stream**` and
  `#**stream>topic**` as "stream" and "stream > topic", `[f.pdf](/user_uploads/...)` as "f.pdf"
  (the file itself, under uploads/, is read as what it is), a ```` ```quote ```` block as the
  quoted text, `<time:...>` as the time written, `:emoji:` left out. Direct messages have no topics:
  they are read under the conversation's heading.
- Whose export it is, whose messages are said without a name ("18:40 My dentist is ...", first
  person as a note is): the organization's only owner who writes (`role` 100), since only an
  owner can export an organization and the export is in their notes (the one who writes the most
  may as well be a chatty partner); else (no owner, or several) the only one who writes notes to
  self, else the one (among the owners, if any) who wrote the most messages. Without realm.json no
  one is told: every message has its sender's id. Times and days
  are in that person's time zone (their `timezone`), UTC when it says none.
- Every markdown line cites the file line of its message's `content`; a stream's heading cites the
  `recipient` line of its first message, a topic's the `subject` line. Each message is dated by its
  own day (ParsedFile.written_from): the day it was sent, or last edited, so a later message (a
  journal stream's new entry) is a newer version of a fact than an earlier one.
- Left out: bots' messages (`is_bot`, and the server's own bots: Notification Bot, Welcome Bot),
  the server's notices (a message `type` 2: a topic marked resolved), read flags, reactions, and the export's other files, each said why (`nothing`): realm.json is
  the organization's settings, read only for the names of streams and people.
- A messages file without realm.json beside it is still read, streams as "stream <recipient id>"
  and people as "user <id>", and said in a warning (a bot is not told from a person then). Zulip
  writes its JSON indented, a key a line; a file of one line cites that line for every message,
  dated by the latest of them. A file that is not JSON is said in a warning and
  nothing is read from it. realm.json is read when a messages file is: a later change of a name
  shows once that file is read again.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from pathlib import Path, PurePosixPath

from memory.texinfo import Converted

_MESSAGES = re.compile(r"messages-\d+\.json", re.I)
_RECORD_FOLDERS = {"avatars": "avatar images", "emoji": "custom emoji images",
                   "realm_icons": "organization icons and logos", "uploads": "uploaded files"}
# A JSON token: a string (never across a line: JSON escapes its newlines), a bracket or a colon, a newline.
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\[\]{}:\n]')
_SYSTEM_BOTS = {"notification bot", "welcome bot", "reminder bot", "zulip feedback bot", "email gateway",
                "nagios receive bot", "nagios send bot", "zulip new user bot", "zulip outgoing webhooks"}

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)\s*(.*?)\s*$")
_ATX = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s*([-=*_])(\s*\1){2,}\s*$")
_BLOCK_START = re.compile(r"^\s*(\||[-*+]\s|\d+[.)]\s|```|~~~|>)")
_USER_MENTION = re.compile(r"@_?\*\*([^*|\n]+?)(?:\|(\d+))?\*\*")
_GROUP_MENTION = re.compile(r"@_?\*([^*\n]+?)\*")
_STREAM_LINK = re.compile(r"#\*\*([^*>\n]+?)(?:>([^*\n]*?))?\*\*")
_UPLOAD = re.compile(r"!?\[([^\]\n]*)\]\(((?:https?://[^)\s]*?)?/user_uploads/[^)\s]+)\)")
_TIME = re.compile(r"<time:([^>\n]+)>")
_EMOJI = re.compile(r"(?<![\w:/]):[a-z][a-z0-9_+-]*:(?![\w/])")
_OWNER = 100  # UserProfile.ROLE_REALM_OWNER
_NOTICE = 2  # a message's `type` when the server wrote it ("marked this topic as resolved"); 1 is a person's


@dataclass
class _Scan:
    """Where things are in the file's text: its top keys, the keys one level down, and for each
    message of `zerver_message` (in order) the file lines of its keys."""
    top: set[str] = field(default_factory=set)
    second: set[str] = field(default_factory=set)
    messages: list[dict[str, int]] = field(default_factory=list)


_last_scan: tuple[str, _Scan] | None = None


def _scan(text: str) -> _Scan:
    global _last_scan
    if _last_scan is not None and _last_scan[0] is text:
        return _last_scan[1]
    scan = _Scan()
    depth, line, previous, in_messages, opening = 0, 1, "", False, False
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if tok == "\n":
            line += 1
            continue
        if opening:  # the token after `"zerver_message":`: its list of messages, or not
            in_messages, opening = tok == "[" and depth == 1, False
        if tok in "{[":
            depth += 1
            if tok == "{" and in_messages and depth == 3:
                scan.messages.append({})
        elif tok in "}]":
            depth -= 1
            if in_messages and depth < 2:
                in_messages = False
        elif tok == ":" and previous.startswith('"'):
            key = previous[1:-1]
            if depth == 1:
                scan.top.add(key)
            elif depth == 2:
                scan.second.add(key)
            elif depth == 3 and in_messages and scan.messages:
                scan.messages[-1].setdefault(key, line)
            opening = depth == 1 and key == "zerver_message"
        previous = tok
    _last_scan = (text, scan)
    return scan


def _kind(path: Path, text: str) -> str:
    """Which file of a Zulip export this is ("messages", "realm", "analytics", "stats",
    "attachment", "records"), by its name and its shape; "" for any other file."""
    name = path.name.lower()
    if path.suffix.lower() != ".json":
        return ""
    if _MESSAGES.fullmatch(name):
        return "messages" if '"zerver_message"' in text and "zerver_message" in _scan(text).top else ""
    if name == "realm.json":
        return "realm" if '"zerver_realm"' in text and "zerver_realm" in _scan(text).top else ""
    if name == "attachment.json":
        return "attachment" if '"zerver_attachment"' in text and "zerver_attachment" in _scan(text).top else ""
    if name == "analytics.json":
        top = _scan(text).top if '"analytics_' in text else set()
        return "analytics" if top and all(k.startswith("analytics_") for k in top) else ""
    if name == "stats.json":
        second = _scan(text).second if '"zerver_' in text else set()
        return "stats" if {"zerver_realm", "zerver_message", "zerver_attachment"} & second else ""
    if name == "records.json" and path.parent.name.lower() in _RECORD_FOLDERS:
        if text.strip() in ("[]", ""):
            return "records" if _beside_an_export(path.parent.parent) else ""
        second = _scan(text).second if '"path"' in text else set()
        return "records" if "path" in second and {"s3_path", "realm_id", "user_profile_id"} & second else ""
    return ""


def _beside_an_export(folder: Path) -> bool:
    try:
        return (folder / "realm.json").is_file() or any(_MESSAGES.fullmatch(p.name.lower()) for p in folder.glob("messages-*.json"))
    except OSError:
        return False


def looks_like_zulip(path: Path, text: str) -> bool:
    """A file of a Zulip organization export: a messages-NNNNNN.json whose top object holds
    `zerver_message`, its realm.json (`zerver_realm`), or one of the server's own files beside them.
    Only by its name and its shape: other JSON that merely says "zerver_message" is not Zulip's."""
    return bool(_kind(path, text))


# ---------------------------------------------------------------- the organization (realm.json)

@dataclass
class _User:
    name: str
    bot: bool = False
    role: int = 0
    zone: str = ""


@dataclass
class _Realm:
    name: str = ""
    streams: dict[int, tuple[str, str]] = field(default_factory=dict)  # id -> (name, description)
    recipients: dict[int, tuple[int, int]] = field(default_factory=dict)  # id -> (type, type_id)
    users: dict[int, _User] = field(default_factory=dict)
    members: dict[int, set[int]] = field(default_factory=dict)  # recipient id -> who receives it


_realms: dict[tuple[str, int, int], _Realm] = {}


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _rows_of(data: dict, key: str) -> list[dict]:
    rows = data.get(key)
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def _realm(folder: Path) -> tuple[_Realm | None, str]:
    """The organization of realm.json in `folder`, and a problem when it cannot be read."""
    path = folder / "realm.json"
    try:
        st = path.stat()
    except OSError:
        return None, "no realm.json beside this Zulip messages file: streams and people are named by their ids"
    key = (str(path), st.st_mtime_ns, st.st_size)
    if key in _realms:
        return _realms[key], ""
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig", errors="replace"))
    except (OSError, ValueError, RecursionError) as exc:
        why = f"{exc.msg}, line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
        return None, f"the realm.json beside this Zulip messages file is not readable JSON ({why}): streams and people are named by their ids"
    if not isinstance(data, dict):
        return None, "the realm.json beside this Zulip messages file holds no organization: streams and people are named by their ids"
    realm = _Realm()
    for row in _rows_of(data, "zerver_realm")[:1]:
        realm.name = _words(row.get("name")) or _words(row.get("string_id"))
    for row in _rows_of(data, "zerver_stream"):
        if (sid := _int(row.get("id"))) is not None:
            realm.streams[sid] = (_words(row.get("name")) or f"stream {sid}", _words(row.get("description")))
    for row in _rows_of(data, "zerver_recipient"):
        rid, kind, type_id = _int(row.get("id")), _int(row.get("type")), _int(row.get("type_id"))
        if rid is not None and kind is not None and type_id is not None:
            realm.recipients[rid] = (kind, type_id)
    for table in ("zerver_userprofile", "zerver_userprofile_mirrordummy"):
        for row in _rows_of(data, table):
            if (uid := _int(row.get("id"))) is None:
                continue
            name = _words(row.get("full_name")) or f"user {uid}"
            bot = bool(row.get("is_bot")) or row.get("bot_type") not in (None, 0) or name.lower() in _SYSTEM_BOTS
            realm.users[uid] = _User(name, bot, _int(row.get("role")) or 0, _words(row.get("timezone")))
    for row in _rows_of(data, "zerver_userprofile_crossrealm"):  # the server's own bots
        if (uid := _int(row.get("id"))) is not None and uid not in realm.users:
            realm.users[uid] = _User(f"user {uid}", bot=True)
    for row in _rows_of(data, "zerver_subscription"):
        rid, uid = _int(row.get("recipient")), _int(row.get("user_profile"))
        if rid is not None and uid is not None:
            realm.members.setdefault(rid, set()).add(uid)
    if len(_realms) > 8:
        _realms.clear()
    _realms[key] = realm
    return realm, ""


# ---------------------------------------------------------------- messages

@dataclass
class _Message:
    id: int
    sender: int
    at: float
    edited: float | None
    content: str
    lines: dict[str, int]  # key -> file line
    topic: str = ""
    channel: object = None  # the message's `is_channel_message`, where the export says it


@dataclass
class _Section:
    title: str
    note: str = ""  # a stream's description
    topics: dict[str, list[_Message]] = field(default_factory=dict)  # "" for direct messages
    order: float = 0.0


def _words(value) -> str:
    return " ".join(str(value or "").split())


def _stamp(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        return None
    return float(value)


def _zone(name: str) -> tzinfo:
    if name:
        try:
            from zoneinfo import ZoneInfo
            return ZoneInfo(name)
        except (ImportError, ValueError, OSError, KeyError):
            pass
    return timezone.utc


def _when(seconds: float, zone: tzinfo) -> datetime:
    try:
        return datetime.fromtimestamp(seconds, tz=zone)
    except (OverflowError, OSError, ValueError):
        return datetime.fromtimestamp(0, tz=timezone.utc)


class _Names:
    """Turns Zulip's markdown into words, knowing the organization's people."""

    def __init__(self, realm: _Realm | None):
        self.realm = realm

    def user(self, uid: int) -> str:
        if self.realm and uid in self.realm.users:
            return self.realm.users[uid].name
        return f"user {uid}"

    def inline(self, row: str) -> str:
        def mention(m: re.Match) -> str:
            if m.group(2) and self.realm and int(m.group(2)) in self.realm.users:
                return self.realm.users[int(m.group(2))].name
            return m.group(1).strip()

        def stream(m: re.Match) -> str:
            topic = re.sub(r"@\d+$", "", m.group(2) or "").strip()
            return f"{m.group(1).strip()} > {topic}" if topic else m.group(1).strip()

        def upload(m: re.Match) -> str:
            return m.group(1).strip() or PurePosixPath(m.group(2)).name

        row = _UPLOAD.sub(upload, row)
        row = _USER_MENTION.sub(mention, row)
        row = _GROUP_MENTION.sub(lambda m: m.group(1).strip(), row)
        row = _STREAM_LINK.sub(stream, row)
        row = _TIME.sub(lambda m: m.group(1).strip(), row)
        if _EMOJI.search(row):
            row = re.sub(r"(?<=\S) {2,}", " ", _EMOJI.sub("", row)).rstrip()
        return row

    def rows(self, content: str) -> list[str]:
        """A message's lines as markdown: blank lines kept once between paragraphs, a heading kept as
        its words, a rule dropped, quote and spoiler blocks as their text, code as it is."""
        out: list[str] = []
        fences: list[tuple[str, int, str]] = []  # (fence character, length, "code" | "quote")
        for raw in content.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            row = raw.rstrip()
            fence = _FENCE.match(row)
            if fences and fence and not fence.group(2) and not fence.group(3) \
                    and fence.group(1)[0] == fences[-1][0] and len(fence.group(1)) >= fences[-1][1]:
                closed = fences.pop()
                if closed[2] == "code":
                    out.append(row)
                elif out and out[-1]:  # the quoted text a paragraph of its own
                    out.append("")
                continue
            if fences and fences[-1][2] == "code":
                out.append(row)
                continue
            if fence:
                lang = fence.group(2).lower()
                if lang in ("quote", "spoiler"):
                    if out and out[-1]:
                        out.append("")
                    fences.append((fence.group(1)[0], len(fence.group(1)), "quote"))
                    if lang == "spoiler" and fence.group(3):
                        out.append(self.inline(fence.group(3)))
                    continue
                fences.append((fence.group(1)[0], len(fence.group(1)), "code"))
                out.append(row)
                continue
            if not row.strip():
                if out and out[-1]:
                    out.append("")
                continue
            if _RULE.match(row) and "|" not in row:
                continue
            if m := _ATX.match(row):
                row = m.group(1)
            row = self.inline(row)
            if row.strip():
                out.append(row)
        while out and not out[-1]:
            out.pop()
        return out


def _owner(messages: list[tuple[int, _Message]], realm: _Realm | None, selves: set[int]) -> int | None:
    """Whose export it is (see the module's docstring); None when it cannot be told."""
    if realm is None:
        return None
    count: dict[int, int] = {}
    for _, msg in messages:
        count[msg.sender] = count.get(msg.sender, 0) + 1
    writers = [u for u in count if u in realm.users]
    owners = [u for u in writers if realm.users[u].role == _OWNER]
    if len(owners) == 1:
        return owners[0]
    if len(selves) == 1:
        return next(iter(selves))
    pool = owners or writers
    return max(pool, key=lambda u: (count[u], -u)) if pool else None


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def to_markdown(path: Path, text: str) -> Converted:
    """The file as markdown, each line cited at its file line, each message dated by its day; the
    export's other files as nothing, saying why."""
    kind = _kind(path, text)
    if kind == "realm":
        return Converted([], [], [], "", [], nothing="a Zulip export's realm.json: the organization's settings, "
                         "streams and users (not notes); the messages files beside it are read with its names")
    if kind == "analytics":
        return Converted([], [], [], "", [], nothing="a Zulip export's usage counts (analytics.json), not notes")
    if kind == "stats":
        return Converted([], [], [], "", [], nothing="a Zulip export's count of the rows it holds (stats.json), not notes")
    if kind == "attachment":
        return Converted([], [], [], "", [], nothing="a Zulip export's list of uploaded files (attachment.json); "
                         "the files themselves, under uploads/, are read")
    if kind == "records":
        what = _RECORD_FOLDERS[path.parent.name.lower()]
        rest = "; the files themselves are read" if path.parent.name.lower() == "uploads" else ""
        return Converted([], [], [], "", [], nothing=f"a Zulip export's list of its {what} (records.json){rest}")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        why = f"{exc.msg} at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
        return Converted([], [], [], "", [f"a Zulip export's messages file that is not valid JSON ({why}): nothing read from it"],
                         nothing="a Zulip messages file that is not valid JSON")
    raw = data.get("zerver_message") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        return Converted([], [], [], "", [], nothing="a Zulip messages file with no messages")
    realm, problem = _realm(path.parent)
    problems = [problem] if problem else []
    names = _Names(realm)
    located = _scan(text).messages
    spots = located if len(located) == len(raw) else []
    if not spots:
        problems.append("the Zulip messages could not be matched to their lines: each is cited at the file's first line")
    # (recipient, message), people's messages only.
    messages: list[tuple[int, _Message]] = []
    for k, row in enumerate(raw):
        if not isinstance(row, dict):
            continue
        sender, rid, at = _int(row.get("sender")), _int(row.get("recipient")), _stamp(row.get("date_sent"))
        content = row.get("content")
        if sender is None or rid is None or at is None or not isinstance(content, str) or not content.strip():
            continue
        if realm is not None and sender in realm.users and realm.users[sender].bot or row.get("type") == _NOTICE:
            continue
        lines = spots[k] if spots else {}
        line = lines.get("content", 1)
        msg = _Message(_int(row.get("id")) or 0, sender, at, _stamp(row.get("last_edit_time")), content,
                       {"content": line, "recipient": lines.get("recipient", line), "subject": lines.get("subject", line)},
                       _words(row.get("subject")), row.get("is_channel_message"))
        messages.append((rid, msg))
    # Who each direct conversation is between.
    def people(rid: int, msg: _Message) -> frozenset[int] | None:
        kind, type_id = realm.recipients.get(rid, (0, 0)) if realm else (0, 0)
        if kind == 1:
            return frozenset({msg.sender, type_id})
        if kind == 3:
            return frozenset(realm.members.get(rid, set()) | {msg.sender})
        return None

    selves = {msg.sender for rid, msg in messages if people(rid, msg) == frozenset({msg.sender})}
    me = _owner(messages, realm, selves)
    zone = _zone(realm.users[me].zone if realm and me in realm.users else "")
    streams: dict[object, _Section] = {}
    directs: dict[frozenset[int], _Section] = {}
    for rid, msg in sorted(messages, key=lambda x: (x[1].at, x[1].id)):
        kind, type_id = realm.recipients.get(rid, (0, 0)) if realm else (0, 0)
        group = people(rid, msg)
        if group is not None:
            section = directs.setdefault(group, _Section("", order=msg.at))
            section.topics.setdefault("", []).append(msg)
            continue
        if kind == 2:
            name, note = realm.streams.get(type_id, (f"stream {type_id}", ""))
            key: object = ("stream", type_id)
        elif msg.channel is False:
            key, name, note = ("direct", rid), f"Direct messages (recipient {rid})", ""
        else:
            key, name, note = ("stream", -rid), f"stream {rid}", ""
        section = streams.setdefault(key, _Section(name, note, order=msg.at))
        topic = "" if key[0] == "direct" else re.sub(r"^✔\s*", "", msg.topic) or "(no topic)"  # resolved: the same topic
        section.topics.setdefault(topic, []).append(msg)
    for group, section in directs.items():
        if len(group) == 1:
            section.title = "Notes to self" if me in group or me is None else f"Notes to self: {names.user(next(iter(group)))}"
        elif me in group:
            section.title = f"Direct messages with {_and(sorted(names.user(u) for u in group - {me}))}"
        else:  # others' conversation, in the export too
            section.title = f"Direct messages between {_and(sorted(names.user(u) for u in group))}"
    order = list(realm.streams) if realm else []
    ranked = sorted(streams.items(), key=lambda kv: (kv[0][0] != "stream" or kv[0][1] not in order,
                                                     order.index(kv[0][1]) if kv[0][0] == "stream" and kv[0][1] in order else 0,
                                                     kv[1].order))
    sections = [s for _, s in ranked]
    sections += sorted(directs.values(), key=lambda s: (s.title != "Notes to self", s.order))
    md: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []

    def put(rows: list[str], line: int) -> None:
        md.extend(rows)
        numbers.extend([line] * len(rows))

    if not sections:
        return Converted([], [], [], "", problems, nothing="a Zulip messages file with no messages from people")
    title = f"# Zulip: {realm.name}" if realm and realm.name else "# Zulip"
    first = min(min(m.lines["recipient"] for ms in s.topics.values() for m in ms) for s in sections)
    days.append((first, ""))
    put([title, ""], first)
    for section in sections:
        msgs = [m for ms in section.topics.values() for m in ms]
        line = min(msgs, key=lambda m: (m.at, m.id)).lines["recipient"]
        days.append((line, ""))  # the section's own lines are no message's
        put([f"## {section.title}", ""], line)
        if section.note:
            put([names.inline(section.note), ""], line)
        for topic, msgs in section.topics.items():
            if topic:
                days.append((msgs[0].lines["subject"], ""))
                put([f"### {topic}", ""], msgs[0].lines["subject"])
            for msg in msgs:
                sent = _when(msg.at, zone)
                day = _when(max(msg.at, msg.edited or 0), zone).strftime("%Y-%m-%d")
                days.append((msg.lines["content"], day))
                rows = names.rows(msg.content)
                # The day it was sent labels its first line, as a log's line is (not a heading: a list in
                # the message then goes on under its topic, "the flat: Water: ..."); the time of day is noise.
                lead = sent.strftime("%Y-%m-%d:") + ("" if msg.sender == me else f" {names.user(msg.sender)}:")
                if rows and not _BLOCK_START.match(rows[0]):
                    rows[0] = f"{lead} {rows[0].strip()}"
                elif msg.sender != me:  # a message that opens with a list, a table or a quote: it under the name
                    rows = [lead] + rows
                put(rows + [""], msg.lines["content"])
    return Converted(md, numbers, sorted(days), "", problems)
