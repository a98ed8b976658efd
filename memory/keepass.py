"""KeePass 2 XML exports, read as each entry's title over its user name, address and notes.

A KeePass export is XML: groups of `<Entry>`s, each a list of `<String><Key>..</Key><Value>..`
pairs, with every earlier version of the entry under `<History>`. Read as code it said nothing.
Each entry becomes a heading (its groups, then its title) over "User name: ...", "URL: ..." and
its notes, each line at the file line its value is on. Passwords are never read: a password
manager's export holds them in clear, and nothing of them belongs in a search index or a model's
prompt. Older versions (`<History>`) and the recycle bin are left out: they are no longer so.
"""
from __future__ import annotations

import xml.parsers.expat
from pathlib import Path

_SECRET_KEYS = {"password", "pin", "passwort", "mot de passe", "contraseña", "otp", "totp seed", "seed"}
_LABELS = {"UserName": "User name", "URL": "URL", "Notes": "Notes"}


def looks_like_keepass(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".xml" and any("<KeePassFile>" in line for line in lines[:5])


def to_markdown(text: str) -> tuple[list[str], list[int]]:
    """Raises xml.parsers.expat.ExpatError for an export that is not well-formed."""
    parser = xml.parsers.expat.ParserCreate()
    stack: list[str] = []
    groups: list[str] = []
    entries: list[dict] = []
    buf: list[str] = []
    state: dict = {"key": "", "value_line": 0, "entry": None, "bin": ""}

    def start(name, attrs):
        stack.append(name)
        buf.clear()
        if name == "Group":
            groups.append("")
        elif name == "Entry" and "History" not in stack:
            state["entry"] = {"groups": [g for g in groups if g], "fields": [], "line": parser.CurrentLineNumber}
        elif name == "Value":
            state["value_line"] = parser.CurrentLineNumber

    def end(name):
        value = "".join(buf)
        parent = stack[-2] if len(stack) > 1 else ""
        if name == "Name" and parent == "Group" and groups and groups[-1] != "\0bin":
            groups[-1] = value.strip()
        elif name == "RecycleBinUUID":
            state["bin"] = value.strip()
        elif name == "UUID" and parent == "Group" and value.strip() == state["bin"] and groups:
            groups[-1] = "\0bin"
        elif name == "Key" and state["entry"] is not None and "History" not in stack:
            state["key"] = value.strip()
        elif name == "Value" and state["entry"] is not None and "History" not in stack:
            state["entry"]["fields"].append((state["key"], value.strip(), state["value_line"]))
        elif name == "Entry" and "History" not in stack[:-1] and state["entry"] is not None:
            if "\0bin" not in state["entry"]["groups"]:
                entries.append(state["entry"])
            state["entry"] = None
        elif name == "Group" and groups:
            groups.pop()
        stack.pop()
        buf.clear()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = buf.append
    parser.Parse(text, True)
    md: list[str] = []
    numbers: list[int] = []
    for entry in entries:
        fields = {k: (v, n) for k, v, n in entry["fields"]}
        title, at = fields.get("Title", ("", entry["line"]))
        path = entry["groups"][1:] if len(entry["groups"]) > 1 else entry["groups"]  # the root group is the database
        md += [f"## {' / '.join(path + [title or 'entry'])}", ""]
        numbers += [at, at]
        for key, value, n in entry["fields"]:
            if not value or key == "Title" or key.lower() in _SECRET_KEYS:
                continue
            label = _LABELS.get(key, key)
            if key == "Notes":
                for k, line in enumerate(value.split("\n")):
                    if line.strip():
                        md.append(f"- {line.strip()}")
                        numbers.append(n + k)
            else:
                md.append(f"- {label}: {value}")
                numbers.append(n)
        md.append("")
        numbers.append(numbers[-1])
    return md, numbers
