"""A Simplenote export: `notes/<first line>.txt` beside `source/notes.json`.

The `.txt` files are the notes as written, with no date in them; `notes.json` holds the same
notes (`activeNotes`, `trashedNotes`) with `lastModified`. So a note file's page date comes from
its entry in `notes.json` (the entry whose first line is the file's first line), and `notes.json`
itself is left out when the `notes/` folder beside it holds the notes, so each note is read once.
Trashed notes are never read.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from memory.datafiles import json_object


def export_of(lines: list[str]) -> dict | None:
    """The parsed `notes.json` of a Simplenote export, or None."""
    data = json_object(lines, "activeNotes")
    return data if data is not None and isinstance(data["activeNotes"], list) else None


def notes_folder_beside(path: Path) -> bool:
    """`source/notes.json` with its `notes/*.txt` beside it."""
    folder = path.parent.parent / "notes"
    return path.name == "notes.json" and path.parent.name == "source" and folder.is_dir() and any(folder.glob("*.txt"))


def _first_line(text: str) -> str:
    return next((" ".join(line.split()) for line in text.splitlines() if line.strip()), "")


def written_for(path: Path, lines: list[str]) -> str:
    """The day `notes/<name>.txt` was last changed, from the export's `notes.json`; "" if unknown."""
    index = path.parent.parent / "source" / "notes.json"
    if path.parent.name != "notes" or path.suffix.lower() != ".txt":
        return ""
    try:
        stat = index.stat()
    except OSError:
        return ""
    first = _first_line("\n".join(lines))
    return _days(str(index), stat.st_mtime_ns, stat.st_size).get(first, "") if first else ""


@lru_cache(maxsize=4)
def _days(index: str, mtime_ns: int, size: int) -> dict[str, str]:
    """First line -> last-changed day of every active note in one notes.json, read once per
    version of the file (an export of 2,000 notes is not parsed again for each of its .txt)."""
    try:
        data = export_of(Path(index).read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return {}
    days: dict[str, str] = {}
    for note in data["activeNotes"] if data is not None else []:
        if isinstance(note, dict):
            days.setdefault(_first_line(str(note.get("content", ""))), str(note.get("lastModified", ""))[:10])
    return days


def notes(data: dict) -> list[list[str]]:
    """Every active note as markdown: a heading (its first line) over the rest of it."""
    out: list[list[str]] = []
    for note in data["activeNotes"]:
        body = str(note.get("content", "")).splitlines() if isinstance(note, dict) else []
        title = _first_line("\n".join(body))
        if title:
            rest = body[next(i for i, line in enumerate(body) if line.strip()) + 1:]
            out.append([f"# {title}", ""] + rest)
        else:
            out.append([])
    return out


def latest(data: dict) -> str:
    return max((str(n.get("lastModified", ""))[:10] for n in data["activeNotes"] if isinstance(n, dict)), default="")
