"""TextBundle folders (`Name.textbundle/`: Bear, Ulysses and iA Writer exports), read as the note
each one is.

A bundle holds the note's text as `text.markdown` (or `text.md`, `text.txt`), `info.json` (the
TextBundle's metadata: `version`, `type`, `creatorIdentifier` and a block of the app's own, Bear's
`net.shinyfrog.bear` with `creationDate` and `modificationDate`) and `assets/` (images, attached
files). Read file by file, every note was called "text", a note whose first line is not its title
said nothing of what it was about, and `info.json` was a data file of "version: 2" and the app's
ids. Here:

- the note's text is read as markdown; when its first line is not a `# Title`, the bundle's name
  ("Car insurance.textbundle") is its title heading, cited at line 1, so its lines are about it;
- the note is dated by the last change `info.json` gives (Bear's `modificationDate`, else the
  day it was created), so an edited note is a newer version than one left alone since;
- `info.json` says nothing of its own; a note Bear says is in the trash is not read;
- what is in `assets/` is read as the ordinary files it is.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

# The note's own text, by the names the TextBundle spec and the apps use.
_TEXT_NAMES = {"text.markdown", "text.md", "text.mdown", "text.txt"}
# Where the apps write when the note was last changed, then when it was made.
_CHANGED = ("modificationDate", "modifiedDate", "dateModified", "lastModified", "modified", "updated")
_MADE = ("creationDate", "createdDate", "dateCreated", "created")
_DAY = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
_H1 = re.compile(r"^ {0,3}#[ \t]+\S")


def bundle_of(path: Path) -> Path | None:
    """The `.textbundle` folder a file sits directly in, else None."""
    parent = path.parent
    return parent if parent.name.lower().endswith(".textbundle") else None


def is_metadata(path: Path) -> bool:
    return path.name.lower() == "info.json" and bundle_of(path) is not None


def is_note_text(path: Path) -> bool:
    return path.name.lower() in _TEXT_NAMES and bundle_of(path) is not None


@dataclass
class Note:
    title: str
    written: str = ""
    trashed: bool = False


def _info(bundle: Path) -> dict:
    try:
        data = json.loads((bundle / "info.json").read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _day(value) -> str:
    m = _DAY.match(value.strip()) if isinstance(value, str) else None
    if not m or not ("01" <= m.group(2) <= "12" and "01" <= m.group(3) <= "31"):
        return ""
    return m.group(0)


def _blocks(info: dict) -> list[dict]:
    """The metadata's dictionaries: its own keys, the creator's block first (Bear's
    `net.shinyfrog.bear`), then any other app's."""
    creator = info.get("creatorIdentifier")
    own = [info[creator]] if isinstance(creator, str) and isinstance(info.get(creator), dict) else []
    return own + [v for k, v in info.items() if isinstance(v, dict) and k != creator] + [info]


def note_of(path: Path) -> Note:
    """What the bundle's `info.json` and name say of the note whose text `path` is."""
    bundle = bundle_of(path)
    title = re.sub(r"(?i)\.textbundle$", "", bundle.name).strip() if bundle else path.stem
    info = _info(bundle) if bundle else {}
    blocks = _blocks(info)
    changed = [_day(b.get(k)) for b in blocks for k in _CHANGED]
    made = [_day(b.get(k)) for b in blocks for k in _MADE]
    written = next((d for d in changed if d), "") or next((d for d in made if d), "")
    trashed = any(b.get("trashed") is True for b in blocks)
    return Note(title=title, written=written, trashed=trashed)


def with_title(lines: list[str], title: str) -> tuple[list[str], list[int]]:
    """The note's markdown with its title heading, and the file line each line is on: the text
    as written when it opens with a `# Title`, its first line made the heading when that line is
    the bundle's name, else the bundle's name as a heading over it at line 1."""
    numbers = list(range(1, len(lines) + 1))
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if not title or first is not None and _H1.match(lines[first]):
        return list(lines), numbers
    if first is not None and lines[first].strip().lstrip("#").strip().casefold() == title.casefold():
        return lines[:first] + [f"# {lines[first].strip().lstrip('#').strip()}"] + lines[first + 1:], numbers
    return [f"# {title}", ""] + list(lines), [1, 1] + numbers
