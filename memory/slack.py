"""A Slack workspace export (Workspace settings > Import/Export data, unzipped), read as the
channels a household or a team wrote in, its people as contact cards.

The export is a folder: `users.json` (a list of users: `id`, `name`, `real_name`, `deleted`,
`is_bot`, `is_owner`/`is_primary_owner`, `tz`, `profile` with `real_name`, `display_name`, `title`,
`phone`, `email`, `status_text`), `channels.json` (a list: `id`, `name`, `members`, `topic.value`,
`purpose.value`), `groups.json` (private channels, the same), `dms.json` and `mpims.json` (direct
conversations: `id` or `name`, `members`), `integration_logs.json` (apps installed) and one folder
per conversation (a channel's name, a direct conversation's id) holding one file per day,
`YYYY-MM-DD.json`: a list of messages `{"type": "message", "user": "U...", "text": ..., "ts":
"1746453600.001739", "user_profile": {"real_name", "display_name"}, "subtype", "thread_ts",
"files": [{"name", "title"}], "edited": {"ts"}, "reactions", "blocks"}`. Read as JSON a message
was a screenful of ids and a ts number; a user a list of settings.

Here it is:

    garden/2026-05-04.json                                ->  # #garden
    a message of 4 May 2026, 18:05 in the owner's zone    ->  ## 2026-05-04
      by Marta Kowalska "ask <@U02> about <https://x|seeds>"  ->  - 18:05 Marta Kowalska: ask Piotr Nowak about seeds
      a reply in its thread                               ->    - 18:20 Piotr Nowak: Tomorrow
      by whose export it is                               ->  - 19:00 Tomatoes in.
    users.json                                            ->  # people of this workspace / ## Piotr Nowak / - Phone: ...

- A day's messages are in time order under their day, each a bullet "HH:MM Full name: text": the
  name users.json gives the user (`real_name`, else the profile's, else the user name), else the
  message's own `user_profile`; "HH:MM text" for whose export it is (the workspace's primary
  owner, else its only owner: only an owner exports a workspace; with no such one every message
  has its name). A reply is a bullet under its thread's first message when that is in the same
  file, else a bullet of its own. Slack's markup is said in words: `<@U02>` as the person's name,
  `<#C01|garden>` as "#garden", `<https://x|label>` and `<mailto:a@b|a@b>` as their label (else
  the address), `&amp; &lt; &gt;` as the characters, `*bold*` and `_italic_` marks and `:emoji:`
  left out, `~old~` as "old (crossed out)" (a struck value is no longer so); a heading or a rule
  in a message kept as words, a quote as its text, a "•" list a list. A file is named at the end
  of its message ("(attached: plan.pdf)").
- Left out: the server's notices (joined, left, set the purpose or topic, renamed, pinned,
  archived), a deleted thread's placeholder, bots' messages without text or a bot's name.
- Times and days are in the owner's time zone (their `tz`), UTC when it is not known.
- Every markdown line cites the file line of its message's `text` (its object's first line when
  it has none), and each message is dated by its own day (ParsedFile.written_from): the latest of
  its ts and its edit. A later message is a newer version of a fact than an earlier one.
- users.json is one card per person (bots and deactivated accounts left out): their name heads
  "Display name", "Job title", "Phone", "Email" and "Status", each cited at its own line.
  channels.json, groups.json, dms.json, mpims.json and integration_logs.json say nothing of their
  own (their `nothing` says why): a channel's purpose ("#health: doctor, pills") says what might be
  in it, and read with its messages or as a line of its own it answered questions they do not
  (measured on set 51: the Montero's insurance asked of a Sorento renewal in "#vehicles (Sorento +
  Montero: insurance)").
- A file that is not JSON is said in a warning and nothing is read from it; a day file with no
  users.json above it is read with the names its messages carry.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from memory.texinfo import Converted
from memory.zulip import _when, _zone  # the owner's time zone, as for a Zulip export

_DAY_FILE = re.compile(r"\d{4}-\d{2}-\d{2}\.json", re.I)
_LISTS = {"users.json", "channels.json", "groups.json", "dms.json", "mpims.json", "integration_logs.json"}
_ROOT_FILES = ("users.json", "channels.json")
# A JSON token: a string (never across a line: JSON escapes its newlines), a bracket or a colon, a newline.
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\[\]{}:\n]')
# The server's own notices: nothing a person wrote.
_NOTICES = {
    "channel_join", "channel_leave", "channel_purpose", "channel_topic", "channel_name", "channel_archive",
    "channel_unarchive", "channel_convert_to_private", "channel_convert_to_public", "group_join", "group_leave",
    "group_purpose", "group_topic", "group_name", "group_archive", "group_unarchive", "pinned_item",
    "unpinned_item", "bot_add", "bot_remove", "bot_enable", "bot_disable", "tombstone", "joiner_notification",
    "joiner_notification_for_inviter", "channel_posting_permissions", "sh_room_created", "huddle_thread",
    "reminder_add", "reminder_delete", "app_conversation_join", "team_join",
}

_ANGLE = re.compile(r"<([^<>\n]*)>")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"(?<![\w~])~(?=\S)([^~\n]+?)(?<=\S)~(?![\w~])")
_EMOJI = re.compile(r"(?<![\w:/]):[a-z0-9][a-z0-9_+'-]*:(?::skin-tone-\d:)?(?![\w/])")
_ATX = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s*([-=*_])(\s*\1){2,}\s*$")
_BLOCK_START = re.compile(r"^\s*(\||[-*+]\s|\d+[.)]\s|```|~~~)")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_DOT = re.compile(r"^(\s*)[•◦▪]\s+")


# ---------------------------------------------------------------- where things are in the file


@dataclass
class _Spot:
    """Where one object of the file's top list is: its first line, and the first line of each key
    in it (`top` one level down only, `any` at any depth: a profile's keys)."""
    line: int
    top: dict[str, int] = field(default_factory=dict)
    any: dict[str, int] = field(default_factory=dict)


def _spots(text: str) -> list[_Spot]:
    spots: list[_Spot] = []
    depth, line, previous = 0, 1, ""
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if tok == "\n":
            line += 1
            continue
        if tok in "{[":
            depth += 1
            if tok == "{" and depth == 2:
                spots.append(_Spot(line))
        elif tok in "}]":
            depth -= 1
        elif tok == ":" and previous.startswith('"') and depth >= 2 and spots:
            key = previous[1:-1]
            if depth == 2:
                spots[-1].top.setdefault(key, line)
            spots[-1].any.setdefault(key, line)
        previous = tok
    return spots


# ---------------------------------------------------------------- the export's files


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _is_root(folder: Path) -> bool:
    """A folder holding a Slack export's own lists."""
    return any(_is_file(folder / name) for name in _ROOT_FILES)


def _has_day_folder(folder: Path) -> bool:
    """A folder with a conversation folder of day files in it."""
    try:
        for sub in folder.iterdir():
            if sub.is_dir() and any(_DAY_FILE.fullmatch(p.name) for p in sub.iterdir()):
                return True
    except OSError:
        pass
    return False


def _load(text: str):
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _is_message(row) -> bool:
    return isinstance(row, dict) and row.get("type") == "message" and isinstance(row.get("ts"), str)


def _kind(path: Path, text: str) -> str:
    """Which file of a Slack export this is ("day", "users", "channels", "groups", "dms", "mpims",
    "integrations"), by its name, its place and its shape; "" for any other file."""
    if path.suffix.lower() != ".json":
        return ""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    name = path.name.lower()
    if _DAY_FILE.fullmatch(name):
        if head != "[" or not (_is_root(path.parent.parent) or _is_root(path.parent)):
            return ""
        data = _load(text)
        if data is None:  # cut off: the export's still, said so when it is read
            return "day"
        if not isinstance(data, list):
            return ""
        return "day" if not data or all(isinstance(r, dict) and "ts" in r for r in data) and any(map(_is_message, data)) else ""
    if name not in _LISTS or head != "[":
        return ""
    folder = path.parent
    others = [n for n in _ROOT_FILES if n != name]
    if not (any(_is_file(folder / n) for n in others) or _has_day_folder(folder)):
        return ""  # a lone users.json (an app's, a dataset's) is not a Slack export
    data = _load(text)
    if data is not None:
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            return ""
        if name == "integration_logs.json":
            if not all("service_id" in r or "app_id" in r or "change_type" in r for r in data):
                return ""
        elif name == "users.json":
            if not all(isinstance(r.get("id"), str) and ("name" in r or "profile" in r) for r in data):
                return ""
        elif not all(isinstance(r.get("id"), str) for r in data):
            return ""
    return {"users.json": "users", "channels.json": "channels", "groups.json": "groups", "dms.json": "dms",
            "mpims.json": "mpims", "integration_logs.json": "integrations"}[name]


def looks_like_slack(path: Path, text: str) -> bool:
    """A file of a Slack export: a day file (`YYYY-MM-DD.json`, a list of messages) in a folder
    beside the export's users.json or channels.json, or one of those lists beside the other or
    beside a conversation's folder of day files. Only by its name, place and shape."""
    return bool(_kind(path, text))


# ---------------------------------------------------------------- the workspace


@dataclass
class _User:
    name: str
    bot: bool = False
    deleted: bool = False
    owner: int = 0  # 2 the primary owner, 1 an owner
    zone: str = ""


@dataclass
class _Workspace:
    users: dict[str, _User] = field(default_factory=dict)
    channels: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # folder name -> (id, purpose, topic)
    channel_ids: dict[str, str] = field(default_factory=dict)  # id -> name
    directs: dict[str, list[str]] = field(default_factory=dict)  # folder name (id or name) -> member ids
    me: str = ""


_workspaces: dict[tuple, _Workspace] = {}


def _words(value) -> str:
    return " ".join(str(value or "").split())


def _read_list(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig", errors="replace"))
    except (OSError, ValueError, RecursionError):
        return []
    return [r for r in data if isinstance(r, dict)] if isinstance(data, list) else []


def _user_name(row: dict) -> str:
    profile = row.get("profile") if isinstance(row.get("profile"), dict) else {}
    return (_words(row.get("real_name")) or _words(profile.get("real_name")) or _words(profile.get("display_name"))
            or _words(row.get("name")))


def _users(rows: list[dict]) -> dict[str, _User]:
    users = {}
    for row in rows:
        uid = _words(row.get("id"))
        if not uid:
            continue
        owner = 2 if row.get("is_primary_owner") is True else 1 if row.get("is_owner") is True else 0
        users[uid] = _User(_user_name(row) or uid, row.get("is_bot") is True or uid == "USLACKBOT",
                           row.get("deleted") is True, owner, _words(row.get("tz")))
    return users


def _owner(users: dict[str, _User]) -> str:
    """Whose export it is: the primary owner, else the only owner; "" when it cannot be told."""
    for rank in (2, 1):
        found = [uid for uid, u in users.items() if u.owner == rank and not u.bot]
        if len(found) == 1:
            return found[0]
        if found:
            return ""
    return ""


def _value(row: dict, key: str) -> str:
    part = row.get(key)
    return _words(part.get("value")) if isinstance(part, dict) else _words(part) if isinstance(part, str) else ""


def _workspace(root: Path) -> _Workspace | None:
    """The export's people and channels, from the lists in `root`; None when it holds none."""
    files = [root / n for n in ("users.json", "channels.json", "groups.json", "dms.json", "mpims.json")]
    key: list = [str(root)]
    for f in files:
        try:
            st = f.stat()
            key.append((st.st_mtime_ns, st.st_size))
        except OSError:
            key.append(None)
    if all(k is None for k in key[1:3]):
        return None
    if tuple(key) in _workspaces:
        return _workspaces[tuple(key)]
    ws = _Workspace(users=_users(_read_list(files[0])))
    ws.me = _owner(ws.users)
    for f in files[1:3]:
        for row in _read_list(f):
            name, cid = _words(row.get("name")), _words(row.get("id"))
            if name:
                ws.channels[name] = (cid, _value(row, "purpose"), _value(row, "topic"))
                if cid:
                    ws.channel_ids[cid] = name
    for f in files[3:]:
        for row in _read_list(f):
            members = [m for m in row.get("members") or [] if isinstance(m, str)] if isinstance(row.get("members"), list) else []
            for k in ("id", "name"):
                if _words(row.get(k)):
                    ws.directs[_words(row.get(k))] = members
    if len(_workspaces) > 8:
        _workspaces.clear()
    _workspaces[tuple(key)] = ws
    return ws


def _stamp(value) -> float | None:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    return seconds if seconds > 0 else None


# ---------------------------------------------------------------- a message's words


class _Names:
    """Turns Slack's markup into words, knowing the workspace's people and channels."""

    def __init__(self, ws: _Workspace | None, seen: dict[str, str]):
        self.ws = ws
        self.seen = seen  # user id -> the name a message's own user_profile gave

    def user(self, uid: str) -> str:
        if self.ws and uid in self.ws.users:
            return self.ws.users[uid].name
        return self.seen.get(uid, uid)

    def _angle(self, m: re.Match) -> str:
        inside = m.group(1)
        target, _, label = inside.partition("|")
        label = label.strip()
        if target.startswith("@"):
            uid = target[1:]
            if self.ws and uid in self.ws.users or uid in self.seen:
                return self.user(uid)
            return label.lstrip("@") or uid
        if target.startswith("#"):
            name = label or (self.ws.channel_ids.get(target[1:], "") if self.ws else "")
            return f"#{name.lstrip('#')}" if name else "a channel"
        if target.startswith("!"):
            if label:
                return label
            word = target[1:].split("^")[0]
            return f"@{word}" if word in ("here", "channel", "everyone") else ""
        if label:
            return label
        for scheme in ("mailto:", "tel:"):
            if target.startswith(scheme):
                return target[len(scheme):]
        return target

    def inline(self, row: str) -> str:
        row = _ANGLE.sub(self._angle, row)
        row = html.unescape(row) if "&" in row else row
        row = _BOLD.sub(r"\1", row)
        row = _ITALIC.sub(r"\1", row)
        row = _STRIKE.sub(r"\1 (crossed out)", row)
        if _EMOJI.search(row):
            row = re.sub(r"(?<=\S) {2,}", " ", _EMOJI.sub("", row)).rstrip()
        return row

    def rows(self, text: str) -> list[str]:
        """A message's lines as markdown that stays inside its bullet: blank lines left out, a
        heading kept as its words, a rule dropped, a quote as its text, code as it is."""
        out = []
        code = False
        for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            row = raw.rstrip()
            if row.strip().startswith("```"):
                code = not code if row.strip().count("```") % 2 else code
                out.append(row)
                continue
            if code:
                out.append(row)
                continue
            row = self.inline(row)
            if not row.strip() or _RULE.match(row) and "|" not in row:
                continue
            row = _QUOTE.sub("", row) if _QUOTE.match(row) else row
            row = _DOT.sub(r"\1- ", row)  # Slack's own list bullets, a markdown list
            if m := _ATX.match(row):
                row = m.group(1)
            if row.strip():
                out.append(row)
        return out


@dataclass
class _Message:
    ts: float
    latest: float
    line: int
    who: str  # "" for whose export it is
    rows: list[str]
    thread: float | None = None
    replies: list["_Message"] = field(default_factory=list)


def _files(raw) -> list[str]:
    names = []
    for f in raw if isinstance(raw, list) else []:
        if isinstance(f, dict) and f.get("mode") != "tombstone":
            name = _words(f.get("name")) or _words(f.get("title"))
            if name:
                names.append(name)
    return names


def _bullet(msg: _Message, indent: str, zone: tzinfo) -> list[str]:
    rows = msg.rows
    at = _when(msg.ts, zone).strftime("%H:%M")
    lead = f"{indent}- {at} {msg.who + ':' if msg.who else ''}".rstrip()
    if rows and not _BLOCK_START.match(rows[0]):
        lead, rest = f"{lead} {rows[0].strip()}", rows[1:]
    else:
        rest = rows
    return [lead] + [f"{indent}  {r}" for r in rest]


def _title(folder: str, ws: _Workspace | None, names: _Names) -> str:
    # (Not the channel's purpose: a heading is read with every message under it, and "#vehicles
    # (Sorento + Montero: insurance)" would make each message about the Montero's insurance.)
    if ws and folder in ws.directs:
        others = sorted({names.user(m) for m in ws.directs[folder] if m != ws.me})
        if not others:
            return "notes to self"
        return "direct messages with " + (others[0] if len(others) == 1 else f"{', '.join(others[:-1])} and {others[-1]}")
    # (No "Slack:" before it: a heading's capitalised word is read as a name its lines might give.)
    return f"#{folder}"


def _day_file(path: Path, text: str) -> Converted:
    data = _load(text)
    if not isinstance(data, list):
        return _broken(text, "day file")
    root = path.parent.parent if _is_root(path.parent.parent) else path.parent
    ws = _workspace(root)
    problems = []
    if ws is None or not ws.users:
        why = "the users.json of this Slack export is not readable" if _is_file(root / "users.json") \
            else "no users.json in this Slack export"
        problems.append(f"{why}: people are named as their messages name them")
    spots = _spots(text)
    if len(spots) != len(data):
        spots = [_Spot(1) for _ in data]
    seen: dict[str, str] = {}
    for row in data:
        if isinstance(row, dict) and isinstance(row.get("user_profile"), dict) and _words(row.get("user")):
            prof = row["user_profile"]
            name = _words(prof.get("real_name")) or _words(prof.get("display_name")) or _words(prof.get("name"))
            if name:
                seen.setdefault(_words(row["user"]), name)
    names = _Names(ws, seen)
    me = ws.me if ws else ""
    zone = _zone(ws.users[me].zone if ws and me in ws.users else "")
    messages: list[_Message] = []
    for row, spot in zip(data, spots):
        if not _is_message(row) or (ts := _stamp(row.get("ts"))) is None:
            continue
        subtype = _words(row.get("subtype"))
        if subtype in _NOTICES:
            continue
        text_ = row.get("text") if isinstance(row.get("text"), str) else ""
        uid = _words(row.get("user"))
        user = ws.users.get(uid) if ws else None
        if subtype == "bot_message" or row.get("bot_id") and not uid or user is not None and user.bot:
            bot = row.get("bot_profile") if isinstance(row.get("bot_profile"), dict) else {}
            who = _words(row.get("username")) or _words(bot.get("name")) or (user.name if user else "")
            if not text_.strip() or not who:
                continue
        elif uid and uid == me:
            who = ""
        else:
            who = names.user(uid) if uid else _words(row.get("username")) or "someone"
        rows = names.rows(text_)
        attached = _files(row.get("files"))
        if attached:
            said = f"(attached: {', '.join(attached)})"
            rows = rows[:-1] + [f"{rows[-1]} {said}"] if rows and not _BLOCK_START.match(rows[-1]) else rows + [said]
        if not rows:
            continue
        edited = row.get("edited") if isinstance(row.get("edited"), dict) else {}
        latest = max(ts, _stamp(edited.get("ts")) or 0)
        thread = _stamp(row.get("thread_ts"))
        messages.append(_Message(ts, latest, spot.top.get("text", spot.line), who, rows,
                                 thread if thread is not None and thread != ts else None))
    messages.sort(key=lambda m: (m.ts, m.line))
    roots = {m.ts: m for m in messages if m.thread is None}
    top: list[_Message] = []
    for m in messages:
        if m.thread is not None and m.thread in roots:
            roots[m.thread].replies.append(m)
        else:
            top.append(m)
    if not top:
        return Converted([], [], [], "", problems, nothing="a Slack day file with no messages from people")
    md: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []

    def put(rows: list[str], line: int) -> None:
        md.extend(rows)
        numbers.extend([line] * len(rows))

    first = spots[0].line if spots else 1
    days.append((first, ""))
    put([f"# {_title(path.parent.name, ws, names)}", ""], first)
    day = None
    for m in top:
        today = _when(m.ts, zone).strftime("%Y-%m-%d")
        if today != day:
            day = today
            put([f"## {day}", ""], m.line)
        for k, msg in enumerate([m] + m.replies):
            days.append((msg.line, _when(msg.latest, zone).strftime("%Y-%m-%d")))
            put(_bullet(msg, "  " if k else "", zone), msg.line)
    put([""], numbers[-1])
    return Converted(md, numbers, sorted(days), "", problems)


def _broken(text: str, what: str) -> Converted:
    try:
        json.loads(text)
        why = "not a list"
    except json.JSONDecodeError as exc:
        why = f"{exc.msg} at line {exc.lineno}"
    except (ValueError, RecursionError) as exc:
        why = type(exc).__name__
    return Converted([], [], [], "", [f"a Slack export's {what} that is not valid JSON ({why}): nothing read from it"],
                     nothing=f"a Slack {what} that is not valid JSON")


# ---------------------------------------------------------------- the export's lists


def _users_file(path: Path, text: str) -> Converted:
    data = _load(text)
    if not isinstance(data, list):
        return _broken(text, "users.json")
    spots = _spots(text)
    if len(spots) != len(data):
        spots = [_Spot(1) for _ in data]
    users = _users([r for r in data if isinstance(r, dict)])
    me = _owner(users)
    md: list[str] = []
    numbers: list[int] = []
    for row, spot in zip(data, spots):
        if not isinstance(row, dict) or (uid := _words(row.get("id"))) not in users:
            continue
        user = users[uid]
        if user.bot or user.deleted:
            continue
        profile = row.get("profile") if isinstance(row.get("profile"), dict) else {}
        card: list[tuple[str, int]] = []
        # (Slack's "title" is what one does, "What I do" in the profile: said as the job title.)
        for label, key in (("Display name", "display_name"), ("Job title", "title"), ("Phone", "phone"),
                           ("Email", "email"), ("Status", "status_text")):
            value = _words(profile.get(key)) or _words(row.get(key))
            if value and not (key == "display_name" and value == user.name):
                card.append((f"- {label}: {value}", spot.any.get(key, spot.line)))
        if uid == me:
            line = spot.top.get("is_primary_owner", spot.top.get("is_owner", spot.line))
            card.append(("- This is me: the owner of this Slack workspace", line))
        if not card:
            continue
        head = spot.top.get("real_name", spot.any.get("real_name", spot.line))
        if not md:
            md += ["# people of this workspace", ""]
            numbers += [head, head]
        # The owner's card says it is theirs on every line ("Kendra Tillett (me): Job title: ..."),
        # so that "my job title" is hers and no one else's.
        md += [f"## {user.name} (me)" if uid == me else f"## {user.name}", ""]
        numbers += [head, head]
        for row_, line in card:
            md.append(row_)
            numbers.append(line)
        md.append("")
        numbers.append(numbers[-1])
    return Converted(md, numbers, [], "", [], nothing="" if md else "a Slack export's users.json with no people's details")


def to_markdown(path: Path, text: str) -> Converted:
    """The file as markdown, each line cited at its file line, each message dated by its day; the
    export's other files as nothing, saying why."""
    kind = _kind(path, text)
    if kind == "day":
        return _day_file(path, text)
    if kind == "users":
        return _users_file(path, text)
    if kind in ("channels", "groups"):
        # What each channel is for says what might be in it, not what is: its words would answer
        # questions its messages do not ("#health: doctor, pills" for the doctor's number).
        return Converted([], [], [], "", [], nothing=f"a Slack export's list of channels ({path.name}): what each is for; "
                         "their messages, in the folders beside it, are read")
    if kind in ("dms", "mpims"):
        return Converted([], [], [], "", [], nothing=f"a Slack export's list of direct conversations ({path.name}): "
                         "who is in each; their messages, in the folders beside it, are read")
    return Converted([], [], [], "", [], nothing="a Slack export's log of apps installed (integration_logs.json), not notes")
