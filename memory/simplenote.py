"""A Simplenote export: `notes/<first line>.txt` beside `source/notes.json`.

The `.txt` files are the notes as written, with no date in them; `notes.json` holds the same
notes (`activeNotes`, `trashedNotes`) with `lastModified`. So a note file's page date comes from
its entry in `notes.json` (the entry whose first line is the file's first line), and `notes.json`
itself is left out when the `notes/` folder beside it holds the notes, so each note is read once.
Trashed notes are never read.
"""
from __future__ import annotations

import json
from pathlib import Path


def export_of(lines: list[str]) -> dict | None:
    """The parsed `notes.json` of a Simplenote export, or None."""
    text = "\n".join(lines).strip()
    if not text.startswith("{") or '"activeNotes"' not in text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("activeNotes"), list):
        return None
    return data


def notes_folder_beside(path: Path) -> bool:
    """`source/notes.json` with its `notes/*.txt` beside it."""
    folder = path.parent.parent / "notes"
    return path.name == "notes.json" and path.parent.name == "source" and folder.is_dir() and any(folder.glob("*.txt"))


def _first_line(text: str) -> str:
    return next((" ".join(line.split()) for line in text.splitlines() if line.strip()), "")


def written_for(path: Path, lines: list[str]) -> str:
    """The day `notes/<name>.txt` was last changed, from the export's `notes.json`; "" if unknown."""
    index = path.parent.parent / "source" / "notes.json"
    if path.parent.name != "notes" or path.suffix.lower() != ".txt" or not index.is_file():
        return ""
    try:
        data = export_of(index.read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return ""
    if data is None:
        return ""
    first = _first_line("\n".join(lines))
    for note in data["activeNotes"]:
        if isinstance(note, dict) and first and _first_line(str(note.get("content", ""))) == first:
            return str(note.get("lastModified", ""))[:10]
    return ""


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
