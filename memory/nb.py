"""nb (xwmx/nb, the command-line notebook) notebooks, read as notes.

nb keeps each notebook as a folder (`~/.nb/home/`, `~/.nb/work/`) of markdown notes with an
`.index` file listing its notes' names in order, and the notebook in use in `~/.nb/.current`.
A note added without a title is named by the time it was made, `20260412193022.md`, and says no
date in its body; a todo is `20261115090000.todo.md`:

    # [ ] Book the eye test        ->  Todo: Book the eye test; due 2026-12-05
    ## Due / 2026-12-05                (its due date, said with the title)
    ## Description / text          ->  text, under the todo's title
    ## Tasks / - [ ] / - [x] item  ->  the items, under the todo's title ("(done)" for [x])
    ## Related, ## Tags            ->  related links kept, tags left out (how the user sorts)

Read as plain markdown, a timestamp-named note had no day, so its news could not be told newer
than a named page's, and a todo's due date was a bare "2026-12-05" under "Due". Here such a note is
dated by its name (nb stamps the creation time there), a todo reads as one statement with its
state and due date and is dated by its name too. `.current` and `.index` are nb's own files.
Named notes are markdown as any other.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

_STAMP_NAME = re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})\d{6}")
_TODO_TITLE = re.compile(r"^#\s+\[([ xX])\]\s+(\S.*?)\s*$")
_SECTION = re.compile(r"^##\s+(.*?)\s*#*\s*$")


def _is_index(index: Path) -> bool:
    """An nb `.index`: a list of names, one a line, at least one of them beside it."""
    try:
        if not index.is_file():
            return False
        # (Keyed by both times: a note added or removed beside the index changes the folder's.)
        stamps = (index.stat().st_mtime_ns, index.parent.stat().st_mtime_ns)
    except OSError:
        return False
    return _index_lists_notes(str(index), stamps)


@functools.lru_cache(maxsize=64)  # every note of a notebook asks of the same index while a folder is indexed
def _index_lists_notes(index: str, stamps: tuple[int, int]) -> bool:
    folder = Path(index).parent
    return any(_exists(folder, name.strip()) for name in _names(Path(index)))


def _exists(folder: Path, name: str) -> bool:
    try:
        return (folder / name).exists()
    except (OSError, ValueError):  # a name no file can have (a NUL byte, too long)
        return False


def notebook_of(path: Path, depth: int = 4) -> Path | None:
    """The nb notebook a file is in: the nearest folder above it with an `.index` (a note made
    since the index was last written is still the notebook's)."""
    for folder in list(path.parents)[:depth]:
        if (folder / ".index").is_file():
            return folder if _is_index(folder / ".index") else None
    return None


def is_tool_file(path: Path) -> str:
    """Why a file is nb's own bookkeeping, else ""."""
    if path.name == ".current" and path.parent.is_dir():
        try:
            name = path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return ""
        if name and (path.parent / name / ".index").is_file():
            return "nb's note of the notebook in use, not notes"
    if path.name == ".index" and _is_index(path):
        return "an nb notebook's list of its notes' names, not notes"
    return ""


def _names(index: Path) -> list[str]:
    try:
        return [line for line in index.read_text(encoding="utf-8", errors="replace").splitlines()[:5000] if line.strip()]
    except OSError:
        return []


def name_day(path: Path) -> str:
    """The day a note is named by ("20260412193022.md", "20261115090000.todo.md"), else ""."""
    m = _STAMP_NAME.fullmatch(path.name.split(".")[0])
    if not m or not (1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31):
        return ""
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"


def is_todo(path: Path) -> bool:
    return path.name.lower().endswith(".todo.md")


def todo_to_markdown(lines: list[str]) -> tuple[list[str], list[int]] | None:
    """(markdown, the file line of each markdown line) of an nb todo; None when its first line is
    not a `# [ ] title` heading (then it is read as the markdown it is)."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    title = _TODO_TITLE.match(lines[first]) if first is not None else None
    if not title:
        return None
    done = title.group(1).lower() == "x"
    sections: dict[str, list[int]] = {}
    section = ""
    for i in range(first + 1, len(lines)):
        if m := _SECTION.match(lines[i]):
            section = m.group(1).strip().lower()
            sections.setdefault(section, [])
        elif lines[i].strip():
            sections.setdefault(section, []).append(i)
    due = next((lines[i].strip() for i in sections.get("due", [])), "")
    n = first + 1
    said = f"Todo{' (done)' if done else ''}: {title.group(2)}" + (f"; due {due}" if due else "")
    md, numbers = [said, "", f"# {title.group(2)}", ""], [n, n, n, n]
    for name, rows in sections.items():
        if name in ("due", "tags"):
            continue  # the due date is said with the title; tags are how the user sorts
        for i in rows:
            md.append(lines[i])
            numbers.append(i + 1)
        md.append("")
        numbers.append(rows[-1] + 1 if rows else n)
    return md, numbers


__all__ = ["is_todo", "is_tool_file", "name_day", "notebook_of", "todo_to_markdown"]
