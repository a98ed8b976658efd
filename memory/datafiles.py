"""YAML, TOML and JSON notes read as the markdown outline they mean, line for line.

Engineers keep facts in data files too (`people.yaml`, `car.toml`). Read as code, only their
comments would count; read as data, `sister:` / `  phone: +1 503 555 0142` is the bullet
"sister: phone: +1 503 555 0142". Each line is rewritten to the markdown line that says the same
thing, on the same line number, so markdown parsing, chunking and citations work unchanged:

    sister:                       ->  - sister
      name: Anja Hoffmann         ->    - name: Anja Hoffmann
      pets: [Miso, Pixel]         ->    - pets: Miso, Pixel
    [car]                         ->  ## car                     (TOML table)
    plate = "KA-HB 2231"          ->  - plate: KA-HB 2231
    # renew in May                ->  renew in May               (a comment is prose)
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone

DATA_EXT = {".yaml", ".yml", ".toml", ".json"}
# A JSON file longer than this is a program's data (a lock file, an export dump), not a note.
JSON_MAX_LINES = 3000

_YAML_KEY = re.compile(r"^(\s*)(-\s+)?([^\s#:'\"{}\[\]][^:#]*?|\"[^\"]+\"|'[^']+')\s*:(?:\s+(.*?))?\s*$")
_YAML_ITEM = re.compile(r"^(\s*)-\s+(.*?)\s*$")
_TOML_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(r"^(\s*)([A-Za-z0-9_.\"' -]+?)\s*=\s*(.*?)\s*$")
_COMMENT = re.compile(r"^(\s*)#+\s?(.*)$")
_TRAILING_COMMENT = re.compile(r"\s+#.*$")  # "plate = 512 BKT   # the old car": the value, not the remark
# The keys that name a record when a list item starts with them.
_RECORD_NAMES = {"name", "full name", "fullname", "title", "fn", "display name"}


def _value(raw: str) -> str:
    """A scalar as a person reads it: quotes, a trailing comment and flow brackets off."""
    v = raw.strip()
    if v and v[0] in "\"'":
        end = v.find(v[0], 1)
        if end > 0:
            return v[1:end]
    v = _TRAILING_COMMENT.sub("", v)
    if v.startswith("[") and v.endswith("]"):
        v = ", ".join(_value(p) for p in v[1:-1].split(",") if p.strip())
    if v in ("|", ">", "|-", ">-", "|+", ">+"):
        return ""  # a block scalar: its text follows on the indented lines
    return v


def _key(raw: str) -> str:
    return raw.strip().strip("\"'").replace("_", " ")


def _record_name(lines: list[str], start: int) -> str | None:
    """The name of the list item that starts on `lines[start]` ("- name: Priya Nair", or a
    "name:" key further down the same item), if it has one."""
    m = _YAML_KEY.match(lines[start])
    if m.group(4) and _key(m.group(3)).lower() in _RECORD_NAMES:
        return _value(m.group(4)) or None
    inner = len(m.group(1)) + 2
    for line in lines[start + 1:]:
        if not line.strip() or _COMMENT.match(line):
            continue
        indent = len(line) - len(line.lstrip())
        if indent < inner:
            return None  # the item ended (the next item's "- " or a key of the list's parent)
        k = _YAML_KEY.match(line)
        if indent == inner and k and not k.group(2) and k.group(4) and _key(k.group(3)).lower() in _RECORD_NAMES:
            return _value(k.group(4)) or None
    return None


def yaml_to_markdown(lines: list[str]) -> list[str]:
    out = []
    body = [ln for ln in lines if ln.strip() and not _COMMENT.match(ln) and ln.strip() not in ("---", "...")]
    # One list of records, each named by its first key: each record its own section (as abook's).
    tops = [ln for ln in body if not ln[:1].isspace()]
    top_list = bool(tops) and all((m := _YAML_KEY.match(ln)) and m.group(2) and _key(m.group(3)).lower() in _RECORD_NAMES
                                  for ln in tops)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped in ("---", "...") or stripped.startswith("%"):
            out.append("")
            continue
        comment = _COMMENT.match(line)
        if comment:
            out.append(comment.group(1) + comment.group(2))
            continue
        m = _YAML_KEY.match(line)
        if m:
            indent = m.group(1) + ("  " if m.group(2) else "")
            raw = (m.group(4) or "").strip()
            value = _value(raw)
            name = _record_name(lines, i) if m.group(2) else None
            if name is not None:
                # A list of records with a name (a Hugo or Jekyll `contacts.yaml`): the item is
                # headed by it, so "mobile:" below "- name: Priya Nair" is Priya's, and the next
                # record's keys are not taken for hers.
                first = _key(m.group(3)).lower() in _RECORD_NAMES
                if first and top_list and not m.group(1):
                    out.append(f"## {name}")  # a file that is one list of records: each its own section
                else:
                    out.append(f"{m.group(1)}- {name}" if first else f"{m.group(1)}- {name}: {_key(m.group(3))}: {value}")
                continue
            block = raw[:1] in ("|", ">")  # its text follows, indented: "address: 12 Elm Street Portland"
            out.append(f"{indent}- {_key(m.group(3))}: {value}" if value else f"{indent}- {_key(m.group(3))}{':' if block else ''}")
            continue
        item = _YAML_ITEM.match(line)
        if item:
            out.append(f"{item.group(1)}- {_value(item.group(2))}")
            continue
        out.append(line)  # a block scalar's text or a wrapped value: it continues the item above
    return out


# An array-of-tables kind whose records are people: the record is headed by the name alone.
_PERSON_KINDS = {"person", "people", "contact", "contacts", "member", "members", "friend", "friends", "family"}


def _inline_table(raw: str) -> str | None:
    """`{ insurer = "If", policy = "KA-3390-1173" }` as a person reads it: "insurer If, policy KA-3390-1173"."""
    v = _TRAILING_COMMENT.sub("", raw.strip())
    if not (v.startswith("{") and v.endswith("}")):
        return None
    parts = re.findall(r"([A-Za-z0-9_.-]+|\"[^\"]*\")\s*=\s*(\"[^\"]*\"|'[^']*'|\[[^\]]*\]|[^,}]+)", v[1:-1])
    return ", ".join(f"{_key(k)} {_value(x)}".strip() for k, x in parts) or None


def _toml_record_label(lines: list[str], start: int) -> str | None:
    """What names the `[[kind]]` record starting after `lines[start]`: its name key, else its first
    short text value ("bank = \"LHV\""), looked for up to the next table."""
    first = None
    for line in lines[start + 1:]:
        if _TOML_TABLE.match(line):
            break
        m = _TOML_KEY.match(line)
        if not m or _COMMENT.match(line):
            continue
        value = _value(m.group(3))
        if _key(m.group(2)).lower() in _RECORD_NAMES and value:
            return value
        if first is None and m.group(3).strip()[:1] in "\"'" and value and len(value.split()) <= 4:
            first = value
    return first


def toml_to_markdown(lines: list[str]) -> list[str]:
    out: list[str] = []
    label = None
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            out.append("")
            i += 1
            continue
        comment = _COMMENT.match(line)
        if comment:
            out.append(comment.group(2))
            i += 1
            continue
        table = _TOML_TABLE.match(line)
        if table:
            kind = _key(table.group(1)).replace(".", " ")
            label = _toml_record_label(lines, i) if stripped.startswith("[[") else None
            # Each `[[car]]` of a list its own section, named as it names itself ("car Octavia",
            # a person by their name alone), so "plate" below it is that car's.
            if label:
                kind = label if kind.split()[-1].lower() in _PERSON_KINDS else f"{kind} {label}"
            out.append(f"## {kind}")
            i += 1
            continue
        m = _TOML_KEY.match(line)
        if m:
            raw = m.group(3)
            extra = 0
            if raw.startswith(('"""', "'''")) and raw.count(raw[:3]) < 2:
                # A multi-line string: its lines are the value, cited at the key.
                end = next((j for j in range(i + 1, len(lines)) if raw[:3] in lines[j]), len(lines) - 1)
                raw = " ".join([raw[3:], *(ln.strip() for ln in lines[i + 1:end + 1])]).replace(raw[:3], "").strip()
                raw = f'"{raw}"'
                extra = end - i
            elif raw.startswith("[") and not _TRAILING_COMMENT.sub("", raw).endswith("]"):
                # An array written over several lines.
                end = next((j for j in range(i + 1, len(lines)) if _TRAILING_COMMENT.sub("", lines[j]).strip().endswith("]")), len(lines) - 1)
                raw = " ".join([raw, *(_TRAILING_COMMENT.sub("", ln).strip() for ln in lines[i + 1:end + 1])])
                raw = re.sub(r",\s*]$", "]", raw)
                extra = end - i
            value = _inline_table(raw) or _value(raw)
            if label and value == label and _key(m.group(2)).lower() in _RECORD_NAMES:
                out.append("")  # the record's name, already its heading
            else:
                out.append(f"- {_key(m.group(2))}: {value}" if value else f"- {_key(m.group(2))}")
            out.extend([""] * extra)
            i += 1 + extra
            continue
        out.append(line)
        i += 1
    return out


_JSON_KEY = re.compile(r'^(\s*)"((?:[^"\\]|\\.)*)"\s*:\s*(.*?)\s*,?\s*$')
_JSON_ITEM = re.compile(r"^(\s*)(.*?)\s*,?\s*$")


# A compact ISO 8601 stamp ("20270120T070000Z": Taskwarrior, iCalendar), in UTC when it ends in Z.
_STAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$")
# A Taskwarrior task's own bookkeeping: its urgency score reads as an amount, its uuid as a code.
_TASK_BOOKKEEPING = {"uuid", "urgency", "mask", "imask", "parent", "id", "recur", "until"}
_TASK_KEYS = {"end": "done", "entry": "added"}


def _stamp(value: str) -> str:
    """"20270120T070000Z" as the user's clock shows it: "2027-01-20 07:00"."""
    m = _STAMP.match(value)
    if not m:
        return value
    at = datetime(*(int(g) for g in m.groups()[:6]), tzinfo=timezone.utc if m.group(7) else None)
    if m.group(7):
        at = at.astimezone()
    return clock_text(at)


def clock_text(at: datetime) -> str:
    """A moment as a note would write it: "2027-01-20 07:00", or "2027-01-20" at midnight."""
    return at.strftime("%Y-%m-%d") if (at.hour, at.minute) == (0, 0) else at.strftime("%Y-%m-%d %H:%M")


def _task_text(task: dict) -> str:
    """A Taskwarrior task: what to do first, then its dates and state; each annotation dated
    ("2026-09-01: moved to 18 Sep")."""
    parts = [_json_text(task["description"])]
    for k, v in task.items():
        if k in ("description", "annotations") or k in _TASK_BOOKKEEPING or not _json_text(v):
            continue
        parts.append(f"{_TASK_KEYS.get(k, _key(k))}: {_json_text(v)}")
    notes = [f"{_stamp(str(a.get('entry', '')))}: {a.get('description', '')}".lstrip(": ")
             for a in task.get("annotations") or [] if isinstance(a, dict) and a.get("description")]
    if notes:
        parts.append("notes: " + ", ".join(notes))
    return "; ".join(parts)


def _json_text(value) -> str:
    """A JSON value as a person reads it: "a, b" for a list, "k: v; k: v" for an object."""
    if isinstance(value, dict):
        if {"description", "uuid", "status"} <= value.keys():
            return _task_text(value)
        return "; ".join(f"{_key(k)}: {_json_text(v)}" for k, v in value.items() if _json_text(v))
    if isinstance(value, list):
        return ", ".join(t for t in (_json_text(v) for v in value) if t)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else _stamp(utf8_repaired(str(value)) if isinstance(value, str) else str(value))


def utf8_repaired(text: str) -> str:
    """Text whose UTF-8 bytes were written as one character each (Facebook's and Instagram's
    JSON exports write "Đỗ" as "\\u00c4\\u0090\\u00e1\\u00bb\\u0097"), read back as it was meant; any
    other text as it is ("café" in Latin-1 is no UTF-8 and stays)."""
    if not any("\x80" <= c <= "\xff" for c in text) or any(c > "\xff" for c in text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return text


def _json_scalar(raw: str) -> str | None:
    """The value written on one line ("2017-02-11", 35, ["a", "b"], {"k": 1}); None when the line
    only opens or closes a block."""
    raw = raw.strip().rstrip(",").strip()
    if not raw or raw in ("{", "[", "}", "]", "{}", "[]", "},", "],"):
        return None
    try:
        return _json_text(json.loads(raw))
    except ValueError:
        return raw.strip('"')


# One '"key": "string"' line of a pretty-printed JSON export.
_JSON_STRING_KEY = re.compile(r'^\s*"(\w+)"\s*:\s*(".*")\s*,?\s*$')


class ValueLines:
    """Where each string value of a pretty-printed export is: (key, value) -> file lines, in order."""

    def __init__(self, lines: list[str]):
        self.at: dict[tuple[str, str], list[int]] = {}
        for n, line in enumerate(lines, 1):
            m = _JSON_STRING_KEY.match(line)
            if m:
                try:
                    value = json.loads(m.group(2))
                except ValueError:
                    continue
                self.at.setdefault((m.group(1), value), []).append(n)

    def line(self, key: str, value: str, after: int = 0) -> int:
        """The first line at or after `after` holding `"key": value`; `after` (or 1) when none."""
        return next((n for n in self.at.get((key, value), ()) if n >= after), after or 1)


def json_object(lines: list[str], key: str) -> dict | None:
    """The JSON object the file holds when it has `key` at its top level (an app's export: a
    Google Keep note, Simplenote's notes.json); None for anything else. The key is looked for
    in the text first, so other JSON files are not parsed for it."""
    text = "\n".join(lines).strip()
    if not text.startswith("{") or f'"{key}"' not in text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) and key in data else None


def record_key_line(lines: list[str], record_id: str, key: str, start: int = 1, window: int = 15) -> int:
    """The file line of a JSON record's `key` (one key a line, as apps write their exports): the
    first `"key":` at or after the line of `"id": "<record_id>"`, searched from line `start`. The
    id's line when the key is not near it; `start` when the id is not found."""
    at = next((n for n in range(start, len(lines) + 1) if re.search(rf'"id"\s*:\s*"{re.escape(record_id)}"', lines[n - 1])), 0)
    if not at:
        return start
    return next((n for n in range(at, min(at + window, len(lines)) + 1) if re.search(rf'"{key}"\s*:', lines[n - 1])), at)


def json_to_markdown(lines: list[str]) -> list[str | None]:
    """Pretty-printed JSON, line for line: `"Léa": {` is the item "Léa" over its keys,
    `"naissance": "2017-02-11",` the line "naissance: 2017-02-11", an object or a list written on
    one line is one line ("activités: quoi: piano; quand: mercredi 16 h 45").
    A line that says nothing (a null value, a closing bracket) is None, so it does not cut the
    record it sits in; the end of an object in a list is an empty line: the record ends there."""
    out: list[str | None] = []
    items: list[tuple[int, bool]] = []  # (indent, named) of the open objects that are list entries
    for i, line in enumerate(lines):
        m = _JSON_KEY.match(line)
        if m:
            indent, key, rest = m.group(1), _key(utf8_repaired(json.loads(f'"{m.group(2)}"'))), m.group(3)
            if rest in ("{", "["):
                out.append(f"{indent}- {key}")
                continue
            value = _json_scalar(rest)
            if value and _bookkeeping(m.group(2), value):
                value = None
            out.append(f"{indent}- {key}: {value}" if value else None)
            continue
        item = _JSON_ITEM.match(line)
        if item and item.group(2) == "{":
            # An object in a list (a password manager's entry, a chat message) is headed by what
            # it names itself, so its keys are read as that entry's: "Nordea Mastercard" over
            # "notes: Last four 3350", "antti.l, 2026-10-31 14:32" over the message's body.
            name = _json_record_name(lines, i)
            items.append((len(item.group(1)), bool(name)))
            out.append(f"{item.group(1)}- {name}" if name else None)  # unnamed: its keys are the list's
            continue
        if item and item.group(2) in ("}", "},") and items and len(item.group(1)) == items[-1][0]:
            out.append("" if items.pop()[1] else None)  # a named entry ends its record
            continue
        value = _json_scalar(item.group(2)) if item else None
        out.append(f"{item.group(1)}- {value}" if value else (None if items else ""))
    return out


# What an app writes for itself beside a person's data: ids, and when the entry was created or
# changed ("creationDate": "2021-07-07T15:02:11.540Z" is no date of the user's life).
_ID_KEY = re.compile(r"^(?:id|uuid|guid|etag|_id|[a-z]\w*(?:Id|ID|Ids|_id|_ids))$")
_STAMP_KEY = re.compile(r"(?i)^(?:creation|revision|deleted|modified|updated|created|last_?modified|last_?used)(?:_?(?:date|time|at|ts))?$")
_MACHINE = re.compile(r"[$!]?[0-9a-fA-F]{8,}(?:-[0-9a-fA-F]{4,})*(?::\S+)?|\d{10,}|[$!][\w-]{16,}(?::\S+)?|\d{4}-\d{2}-\d{2}T[\d:.]+Z?")


def _bookkeeping(key: str, value: str) -> bool:
    if _ID_KEY.match(key) or _STAMP_KEY.match(key):
        return bool(_MACHINE.fullmatch(value.strip()))
    if _key(key).lower() in ("type", "direction") and value.strip().lower() in ("incoming", "outgoing"):
        return True  # said by the record's name: who sent it
    return _when_key(_key(key).lower()) and bool(_EPOCH.fullmatch(value.strip()))


# Who wrote an entry that has no name of its own (a chat message), and when.
_JSON_BY = ("sender", "from", "author", "sender name", "author name", "from name", "user", "username", "source")
# Seconds or milliseconds since 1970, as programs write a time.
_EPOCH = re.compile(r"\d{10}|\d{13}")
# The keys programs write a time under, as words: "origin_server_ts", "timestamp_ms", "sent_at",
# "date_unixtime", "created". The first of a record's that holds a value is when it was written.
_JSON_WHEN = ("origin server ts", "timestamp", "timestamp ms", "ts", "date", "time", "created", "sent", "sent at",
              "datetime", "created at", "date unixtime")
_WHEN_WORDS = frozenset("ts timestamp time date datetime sent created received unixtime".split())


def _when_key(key: str) -> bool:
    return bool(_WHEN_WORDS & set(key.split()))  # every key of _JSON_WHEN has one of these words


def _json_record_name(lines: list[str], start: int) -> str | None:
    """The name of the object opened by `{` on `lines[start]`: its own "name"/"title" key, or
    its sender with the time it was sent (keys of nested objects are not its own)."""
    own: dict[str, str] = {}
    inner = None
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        inner = indent if inner is None else inner
        if indent < inner:
            break  # the object closed
        m = _JSON_KEY.match(line)
        if indent == inner and m and m.group(3) not in ("{", "["):
            key = _key(json.loads(f'"{m.group(2)}"')).lower()
            if key not in own:
                own[key] = _json_when(m.group(3)) if _when_key(key) else (_json_scalar(m.group(3)) or "")
    name = next((own[k] for k in _RECORD_NAMES if own.get(k)), None)
    if name:
        return name
    by = next((_person(own[k]) for k in _JSON_BY if own.get(k) and "/" not in own[k]), None)
    if not by and (own.get("type") or own.get("direction", "")).lower() == "outgoing":
        by = "me"  # a message the user sent (Signal writes no sender on those)
    when = next((own[k] for k in _JSON_WHEN if own.get(k)), None)
    return ", ".join(v for v in (by, when) if v) if by else None


def _person(handle: str) -> str:
    """"@antti.l:matrix.example.org" as a person reads it: "antti.l"."""
    return re.sub(r"^@([^:\s]+):\S+$", r"\1", handle.strip())


def _json_when(raw: str) -> str:
    """A time a program wrote as seconds or milliseconds since 1970, as a note writes it."""
    text = raw.strip().rstrip(",").strip()
    if _EPOCH.fullmatch(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return clock_text(datetime.fromtimestamp(seconds, tz=timezone.utc).astimezone())
    return _json_scalar(raw) or ""


_INI_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*$")
_INI_KEY = re.compile(r"^\s*([A-Za-z][\w .-]{0,39}?)\s*=\s*(.*?)\s*$")


def looks_like_ini(lines: list[str]) -> bool:
    """A plain-text file of `[section]` headers over `key=value` lines (an abook address book,
    a program's settings kept as notes)."""
    body = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith(("#", ";"))]
    sections = sum(bool(_INI_SECTION.match(ln)) for ln in body)
    keys = sum(bool(_INI_KEY.match(ln)) for ln in body)
    return sections >= 1 and keys >= 3 and sections + keys >= 0.8 * len(body)


def ini_to_markdown(lines: list[str]) -> list[str]:
    """Like TOML, except that a section is headed by the name its record gives ("[1]" over
    "name=Hemi Parata" is "## Hemi Parata"): abook numbers its cards."""
    out = []
    for i, line in enumerate(lines):
        section = _INI_SECTION.match(line)
        if section:
            title = section.group(1).strip()
            for nxt in lines[i + 1:]:
                if _INI_SECTION.match(nxt):
                    break
                m = _INI_KEY.match(nxt)
                if m and m.group(1).strip().lower() in ("name", "title", "fn") and m.group(2):
                    title = m.group(2)
                    break
            out.append(f"## {title}")
            continue
        m = _INI_KEY.match(line)
        if m and not line.lstrip().startswith(("#", ";")):
            value = _value(m.group(2))
            out.append(f"- {_key(m.group(1))}: {value}" if value else f"- {_key(m.group(1))}")
            continue
        comment = re.match(r"^\s*[#;]+\s?(.*)$", line)
        out.append(comment.group(1) if comment else line)
    return out


def to_markdown(lines: list[str], ext: str) -> list[str | None]:
    """Markdown, line for line; None for a line of the file that says nothing and cuts nothing."""
    if ext == ".ini":
        return ini_to_markdown(lines)
    if ext == ".json":
        return json_to_markdown(lines)
    return toml_to_markdown(lines) if ext == ".toml" else yaml_to_markdown(lines)
