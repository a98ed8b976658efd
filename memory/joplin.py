"""A Joplin RAW export (`<32 hex id>.md`, one file per item) read as the markdown it means.

Joplin's "RAW - Joplin Export Directory" writes each note as its title on the first line, the
markdown body, and a block of metadata at the end (`id:`, `parent_id:`, `created_time:`,
`is_todo:`, `todo_due:` in epoch milliseconds, `type_:`). Read as markdown, the title is one more
sentence and the metadata one long run-on line that retrieval keeps finding. Each line is
rewritten, on the same line number, to what it says to a person:

    Boka besiktning V70           ->  # Boka besiktning V70   (the title heads the body)
    id: dd77970d...               ->  (blank: bookkeeping, as is every other metadata line)
    todo_due: 1792051200000       ->  - due: 2026-10-15 08:00
    todo_completed: 1785056700000 ->  - done: 2026-07-26 09:05

Notebooks (`type_: 2`), tags (5) and note-tag links (6) are ids and titles only: nothing to read.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

from memory.datafiles import clock_text

_ID = re.compile(r"^id: [0-9a-f]{32}$")
_TYPE = re.compile(r"^type_: (\d+)$")
_META = re.compile(r"^([a-z_]+): ?(.*)$")
_NOTE = "1"


def looks_like_joplin(lines: list[str]) -> bool:
    """The last line is `type_: N` and the metadata block above it opens with a 32-hex `id:`."""
    tail = [line for line in lines if line.strip()][-40:]
    return bool(tail) and bool(_TYPE.match(tail[-1].strip())) and any(_ID.match(line.strip()) for line in tail)


def _fields(lines: list[str]) -> dict[str, str]:
    meta = max((i for i, line in enumerate(lines) if _ID.match(line.strip())), default=len(lines))
    return {m.group(1): m.group(2).strip() for line in lines[meta:] if (m := _META.match(line.strip()))}


def is_note(lines: list[str]) -> bool:
    return _fields(lines).get("type_") == _NOTE


def written(lines: list[str]) -> str:
    """The day the note was last changed, as the user set it (`user_updated_time`) or Joplin did."""
    fields = _fields(lines)
    stamp = fields.get("user_updated_time") or fields.get("updated_time") or ""
    return stamp[:10] if re.match(r"\d{4}-\d{2}-\d{2}", stamp) else ""


def _when(ms: str) -> str | None:
    """Epoch milliseconds as the user's clock shows them; None for Joplin's "not set" (0)."""
    if not ms.isdigit() or int(ms) == 0:
        return None
    return clock_text(datetime.fromtimestamp(int(ms) / 1000, tz=timezone.utc).astimezone())


def to_markdown(lines: list[str]) -> list[str]:
    out = [""] * len(lines)
    meta = max((i for i, line in enumerate(lines) if _ID.match(line.strip())), default=len(lines))
    if not is_note(lines):
        return out
    first = next((i for i in range(meta) if lines[i].strip()), None)
    if first is None:
        return out
    out[first] = f"# {lines[first].strip().lstrip('#').strip()}"
    out[first + 1:meta] = lines[first + 1:meta]
    for i in range(meta, len(lines)):
        m = _META.match(lines[i].strip())
        if not m:
            continue
        if m.group(1) == "todo_due" and (when := _when(m.group(2).strip())):
            out[i] = f"- due: {when}"
        elif m.group(1) == "todo_completed" and (when := _when(m.group(2).strip())):
            out[i] = f"- done: {when}"
    return out
