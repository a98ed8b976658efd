"""A Mattermost bulk export (`mmctl export create`, unzipped: `import.jsonl` beside a `data/` tree of
attachments), read as the channels and direct messages a household or a person wrote.

The export is JSON Lines, one object a line, each `{"type": T, T: {...}}`: a `version` line first
(`"generator": "mattermost-server"`), then `team`, `channel` (`name`, `display_name`, `purpose`,
`header`), `user` (`username`, `first_name`, `last_name`, `nickname`), `post` (`team`, `channel`,
`user`, `message`, `create_at` and `edit_at` in epoch milliseconds, `replies` to it, `attachments`
as `{"path": "data/..."}`), `direct_channel` (`members`) and `direct_post` (`channel_members`, the
rest as a post); `emoji`, `bot`, `role` and `scheme` lines are the server's. Posts come in the
order of their ids, not of their times. Read as text every line was one paragraph of JSON: a post's
words among its notify props, reactions and ids, a user's line a screenful of settings.

Here it is:

    {"type":"team", ... "display_name":"Dar"}       ->  # Mattermost: Dar
    {"type":"channel", ... "display_name":"Flous",  ->  ## Flous
         "purpose":"banques, credits"}               ->  Purpose: banques, credits
    a post of 10 February 2025, 19:20 UTC           ->  ### 2025-02-10
                                                     ->  - 19:20 Skander Ben Ammar: Salaire vire ...
    a reply to it                                    ->    - 20:01 Amira Trabelsi: Et le credit ?
    a direct channel whose members are one user      ->  ## Notes to self
    a direct channel of two users                    ->  ## Direct messages: Amira Trabelsi and Skander Ben Ammar

- A channel's posts are in time order under days, each post a bullet "HH:MM Full name: text" (the
  `user` lines' first and last name, else the nickname, else the user name; "HH:MM text" for whose
  export it is, the one who writes notes to self or the only one who posts), its further lines
  indented under it so its own lists and tables stay lists and tables; a heading or a rule written
  in a message would end the channel's section, so it is kept as words. A reply is a bullet under
  its root post (its day said when it is not the root's). An attachment is named at the end of its
  post ("(attached: contacts.vcf)"); the file itself stays in `data/` and is read as what it is
  (a vCard as contacts). System messages ("joined the channel") and empty posts are left out.
- Times are UTC, as the export writes them: it does not say a user's time zone.
- Every markdown line cites the file line of its post (a reply is on its root's line), so each
  post is dated by its own day (ParsedFile.written_from): the latest of its creation, its edit and
  its replies, as the thread stands. A later post is a newer version of a fact than an earlier one.
- A line that is not JSON (a cut-off export) is left out and said in a warning; the rest is read.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import PurePosixPath, Path

_TYPES = {"version", "team", "channel", "user", "bot", "post", "direct_channel", "direct_post", "emoji", "role", "scheme"}
_MENTION = re.compile(r"(?<![\w.@])@([a-z0-9][a-z0-9._-]*[a-z0-9]|[a-z0-9])", re.I)
_ATX = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s*([-=*_])(\s*\1){2,}\s*$")  # "---", "===" (which would also underline a heading)
_BLOCK_START = re.compile(r"^\s*(\||[-*+]\s|\d+[.)]\s|```|~~~|>)")


_ME = "\0me"  # where `names` keeps the user name of whose export it is (no user name has a NUL)


def _record(line: str) -> dict | None:
    """One line's object, {"type": ..., <type>: {...}}; None for a line that is not one."""
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        return None
    return data


def looks_like_mattermost(path: Path, lines: list[str]) -> bool:
    """A `.jsonl` file that is Mattermost's: its version line names `mattermost-server`, or (an
    older server, or a first line cut off) its lines are the export's typed records, a post or a
    channel naming its team. Other JSON Lines (a log, a dataset) have no such records."""
    if path.suffix.lower() != ".jsonl":
        return False
    head = [ln for ln in lines[:400] if ln.strip()][:200]
    records = [r for r in (_record(ln) for ln in head) if r is not None]
    if not records:
        return False
    first = records[0]
    if first["type"] == "version":
        info = first.get("info") if isinstance(first.get("info"), dict) else {}
        if str(info.get("generator", "")).startswith("mattermost"):
            return True
    typed = [r for r in records if r["type"] in _TYPES and isinstance(r.get(r["type"]), dict)]
    if any(r["type"] in ("post", "channel") and "team" in r[r["type"]] for r in typed):
        # Most of the head is the export's own records (not one odd line of another file).
        return len(typed) * 2 >= len(records)
    return False


@dataclass
class _Post:
    line: int
    user: str
    message: str
    at: datetime | None
    edited: datetime | None
    attachments: list[str]
    replies: list["_Post"] = field(default_factory=list)

    def latest(self) -> datetime | None:
        stamps = [t for t in (self.at, self.edited) if t] + [t for r in self.replies if (t := r.latest())]
        return max(stamps, default=None)


@dataclass
class _Section:
    title: str
    line: int
    notes: list[tuple[str, str]] = field(default_factory=list)  # ("Purpose", "banques, credits")
    posts: list[_Post] = field(default_factory=list)


def _when(ms) -> datetime | None:
    if isinstance(ms, bool) or not isinstance(ms, (int, float)) or ms <= 0:
        return None
    try:
        return datetime.fromtimestamp(ms / 1000, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def _words(value) -> str:
    return " ".join(str(value or "").split())


def _attachments(raw) -> list[str]:
    names = []
    for a in raw if isinstance(raw, list) else []:
        path = a.get("path") if isinstance(a, dict) else None
        if isinstance(path, str) and path.strip():
            names.append(PurePosixPath(path.replace("\\", "/")).name)
    return names


def _post(data: dict, line: int) -> _Post | None:
    kind = str(data.get("type") or "")
    if kind.startswith("system_"):  # "joined the channel", "changed the header": the server's words
        return None
    message = data.get("message") if isinstance(data.get("message"), str) else ""
    post = _Post(line, _words(data.get("user")), message, _when(data.get("create_at")), _when(data.get("edit_at")),
                 _attachments(data.get("attachments")))
    replies = data.get("replies") if isinstance(data.get("replies"), list) else []
    for reply in replies:
        if isinstance(reply, dict) and (r := _post(reply, line)) is not None:
            post.replies.append(r)
    post.replies.sort(key=lambda r: (r.at is None, r.at or datetime.min.replace(tzinfo=timezone.utc)))
    if not message.strip() and not post.attachments and not post.replies:
        return None
    return post


def _full_name(user: dict) -> str:
    name = _words(f"{user.get('first_name') or ''} {user.get('last_name') or ''}")
    return name or _words(user.get("nickname")) or _words(user.get("display_name"))


def _rows(message: str, names: dict[str, str]) -> list[str]:
    """A message's lines as markdown that stays inside its bullet: blank lines left out (they would
    end the bullet), a heading kept as its words, a rule dropped, "@amira" as the person's name."""
    rows = []
    for raw in message.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        row = raw.rstrip()
        if not row.strip() or _RULE.match(row) and "|" not in row:
            continue
        if m := _ATX.match(row):
            row = m.group(1)
        row = _MENTION.sub(lambda m: names.get(m.group(1).lower(), m.group(0)), row)
        rows.append(row)
    return rows


def _bullet(post: _Post, indent: str, day: str | None, names: dict[str, str]) -> list[str]:
    """A post as its bullet and the lines under it."""
    rows = _rows(post.message, names)
    if post.attachments:
        said = f"(attached: {', '.join(post.attachments)})"
        rows = rows[:-1] + [f"{rows[-1]} {said}"] if rows and not _BLOCK_START.match(rows[-1]) else rows + [said]
    who = "" if post.user.lower() == names.get(_ME, "") else names.get(post.user.lower(), post.user)
    stamp = ""
    if post.at:
        stamp = post.at.strftime("%H:%M" if post.at.strftime("%Y-%m-%d") == day else "%Y-%m-%d %H:%M") + " "
    lead = f"{indent}- {stamp}{who + ':' if who else ''}"
    if rows and not _BLOCK_START.match(rows[0]):
        first, rest = rows[0].strip(), rows[1:]
        lead = f"{lead} {first}" if who else f"{lead}{first}"
    else:  # a message that opens with a list or a table: the list under the bullet, not in it
        rest = rows
    return [lead.rstrip()] + [f"{indent}  {r}" for r in rest]


def _members(raw) -> tuple[str, ...]:
    return tuple(sorted({_words(m).lower() for m in raw if _words(m)})) if isinstance(raw, list) else ()


def _direct_title(members: tuple[str, ...], names: dict[str, str]) -> str:
    if len(members) <= 1:
        return "Notes to self"
    shown = [names.get(m, m) for m in members]
    return f"Direct messages: {', '.join(shown[:-1])} and {shown[-1]}"


def to_markdown(lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]], list[int]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each post, and
    the lines that are not JSON, left out)."""
    teams: dict[str, tuple[str, int]] = {}  # name -> (display name, line)
    channels: dict[tuple[str, str], _Section] = {}  # (team, channel name)
    directs: dict[tuple[str, ...], _Section] = {}
    names: dict[str, str] = {}
    posts: list[tuple[str, tuple, dict, int]] = []  # read once every user's name is known
    bad: list[int] = []
    for n, text in enumerate(lines, 1):
        if not text.strip():
            continue
        record = _record(text)
        if record is None:
            bad.append(n)
            continue
        body = record.get(record["type"])
        if not isinstance(body, dict):
            continue
        kind = record["type"]
        if kind == "team" and _words(body.get("name")):
            teams.setdefault(_words(body["name"]), (_words(body.get("display_name")) or _words(body["name"]), n))
        elif kind == "channel" and _words(body.get("name")):
            key = (_words(body.get("team")), _words(body["name"]))
            section = channels.setdefault(key, _Section(_words(body.get("display_name")) or key[1], n))
            for label in ("purpose", "header"):
                if _words(body.get(label)):
                    section.notes.append((label.capitalize(), _words(body[label])))
        elif kind in ("user", "bot") and _words(body.get("username")):
            names[_words(body["username"]).lower()] = _full_name(body) or _words(body["username"])
        elif kind == "direct_channel":
            members = _members(body.get("members"))
            section = directs.setdefault(members, _Section("", n))
            if _words(body.get("header")):
                section.notes.append(("Header", _words(body["header"])))
        elif kind == "post":
            posts.append(("channel", (_words(body.get("team")), _words(body.get("channel"))), body, n))
        elif kind == "direct_post":
            posts.append(("direct", _members(body.get("channel_members")), body, n))
    for where, key, body, n in posts:
        post = _post(body, n)
        if post is None:
            continue
        if where == "channel":
            section = channels.setdefault(key, _Section(key[1] or "Unnamed channel", n))
        else:
            section = directs.setdefault(key, _Section("", n))
        section.posts.append(post)
    # Whose export it is: the one who writes notes to self, else the only one who posts. Their own
    # posts are their notes, said without their name ("- 20:14 CIN : 08415273"), as a note is; the
    # name on every line would be one more person each line speaks of.
    selves = {m[0] for m in directs if len(m) == 1}
    posters = {_words(body.get("user")).lower() for _, _, body, _ in posts if _words(body.get("user"))}
    me = next(iter(selves)) if len(selves) == 1 else next(iter(posters)) if len(posters) == 1 else ""
    if me:
        names[_ME] = me
    for members, section in directs.items():
        section.title = _direct_title(members, names)
        section.notes = [(k, v) for k, v in section.notes if v.lower() != section.title.lower()]
    md: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []
    team_names = list(dict.fromkeys([t for t in teams] + [team for team, _ in channels]))
    for team in team_names:
        sections = [s for (t, _), s in channels.items() if t == team and (s.posts or s.notes)]
        if len(team_names) == 1:
            sections += [s for s in directs.values() if s.posts]
        if not sections:
            continue
        title, line = teams.get(team, (team, min(s.line for s in sections)))
        _put(md, numbers, days, [f"# Mattermost: {title}" if title else "# Mattermost", ""], line)
        for section in sections:
            _section(md, numbers, days, section, names)
    rest = [s for s in directs.values() if s.posts] if len(team_names) != 1 else []
    if rest:
        _put(md, numbers, days, ["# Mattermost", ""], min(s.line for s in rest))
        for section in rest:
            _section(md, numbers, days, section, names)
    return md, numbers, sorted(days), bad


def _put(md: list[str], numbers: list[int], days: list[tuple[int, str]], rows: list[str], line: int) -> None:
    md.extend(rows)
    numbers.extend([line] * len(rows))


def _section(md, numbers, days, section: _Section, names: dict[str, str]) -> None:
    # The section's own lines say nothing of a day: a post's day before them in the file is not theirs.
    days.append((section.line, ""))
    _put(md, numbers, days, [f"## {section.title}", ""], section.line)
    if section.notes:
        _put(md, numbers, days, [f"{label}: {value}" for label, value in section.notes] + [""], section.line)
    day = None
    oldest = datetime.min.replace(tzinfo=timezone.utc)
    for post in sorted(section.posts, key=lambda p: (p.at is not None, p.at or oldest, p.line)):
        if latest := post.latest():
            days.append((post.line, latest.strftime("%Y-%m-%d")))
        if post.at and post.at.strftime("%Y-%m-%d") != day:
            day = post.at.strftime("%Y-%m-%d")
            _put(md, numbers, days, ["", f"### {day}", ""], post.line)
        rows = _bullet(post, "", day, names)
        for reply in post.replies:
            rows += _bullet(reply, "  ", day, names)
        _put(md, numbers, days, rows, post.line)
    _put(md, numbers, days, [""], numbers[-1] if numbers else section.line)
