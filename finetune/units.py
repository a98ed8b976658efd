"""Statement units: the notes cut into self-contained lines (a sentence, a bullet, a table row, a
"Key: value" line), each with its file, line and topic. Facts are read from these.

`load_units(memory)` is the one place that decides where units come from: memory's own
`iter_statements()` when the memory layer offers it, else the chunks, cut here the same way the
served reader cuts them ("topic: item" for bullets, "label: name; header: value" for rows).
"""
from __future__ import annotations

import os
import re
from typing import Iterable

from pydantic import BaseModel, Field

from memory.types import Chunk

_ABBREV = ("dr.", "mr.", "mrs.", "ms.", "st.", "prof.", "e.g.", "i.e.", "vs.", "no.", "apt.", "jr.", "sr.")
_DATE_IN_PATH = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
_KV = re.compile(r"^([A-Za-z][\w '’/()-]{0,40}?)\s*:\s+(\S.*)$")


class Unit(BaseModel):
    path: str
    line: int  # 1-based line of the source file
    text: str  # as the reader shows it (bullets carry their topic, rows their column names)
    body: str  # the line itself, without the topic prefix
    kind: str  # sentence | bullet | row | kv
    topic: str = ""  # the nearest heading
    fields: dict[str, str] = Field(default_factory=dict)  # kv: {key: value}; row: {header: cell}
    heading: list[str] = Field(default_factory=list)
    chunk_id: str = ""
    recency: float = 0.0  # larger is newer: a date in the file name, else the file's mtime


def recency(path: str) -> float:
    """A dated file name ("journal/2026-10-04.md") says when it was written better than mtime."""
    m = _DATE_IN_PATH.search(os.path.basename(path))
    if m:
        import datetime as dt

        try:
            return dt.datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), tzinfo=dt.timezone.utc).timestamp()
        except ValueError:
            pass
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


def clean(text: str) -> str:
    text = re.sub(r"\*\*|__|`", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return " ".join(text.split()).strip()


def split_sentences(paragraph: str) -> list[str]:
    out, start = [], 0
    for m in re.finditer(r"[.!?][\"”)]?\s+(?=[A-Z0-9\"“(])", paragraph):
        tail = paragraph[start:m.start() + 1].rsplit(None, 1)[-1].lower()
        if tail in _ABBREV or re.fullmatch(r"[a-z]\.", tail):
            continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    rest = paragraph[start:].strip()
    if rest:
        out.append(rest)
    return out


def _cells(line: str) -> list[str]:
    return [clean(c) for c in line.strip().strip("|").split("|")]


def units_from_chunk(chunk: Chunk) -> list[Unit]:
    units: list[Unit] = []
    heading = list(chunk.heading)
    topic = heading[-1] if heading else ""
    para: list[tuple[int, str]] = []
    header: list[str] | None = None

    def add(line: int, text: str, body: str, kind: str, fields: dict | None = None) -> None:
        units.append(Unit(path=chunk.path, line=line, text=text, body=body, kind=kind, topic=topic,
                          fields=fields or {}, heading=list(heading), chunk_id=chunk.id))

    def flush() -> None:
        if para:
            first = para[0][0]
            for s in split_sentences(" ".join(t for _, t in para)):
                # the line a sentence starts on: the first paragraph line that holds its opening words
                at = next((n for n, t in para if s[:20] in t), first)
                add(at, s, s, "sentence")
            para.clear()

    for offset, raw in enumerate(chunk.text.splitlines()):
        lineno = chunk.start_line + offset
        line = raw.strip()
        if not line or line.startswith("#"):
            flush()
            header = None
            if line.startswith("#"):
                topic = clean(line.lstrip("#"))
                heading = heading[:-1] + [topic] if heading else [topic]
            continue
        if line.startswith("|"):
            flush()
            cells = _cells(line)
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue
            if header is None:
                header = cells
                continue
            if len(header) == len(cells) and cells[0]:
                named = [f"{cells[0]}: {cells[1]}"] + [f"{h}: {c}" for h, c in zip(header[2:], cells[2:]) if c]
                add(lineno, "; ".join(named), "; ".join(c for c in cells if c), "row", dict(zip(header, cells)))
            continue
        header = None
        bullet = re.match(r"^(?:[-*+]|\d+[.)])\s+(.*)", line)
        if bullet:
            flush()
            item = clean(bullet.group(1))
            text = f"{topic}: {item}" if topic and topic.lower() not in item.lower() else item
            kv = _KV.match(item)
            if kv and len(kv.group(1).split()) <= 4:
                add(lineno, text, item, "kv", {kv.group(1).strip(): kv.group(2).strip()})
            else:
                add(lineno, text, item, "bullet")
            continue
        kv = _KV.match(clean(line))
        if kv and len(kv.group(1).split()) <= 3 and not para:
            flush()
            item = clean(line)
            add(lineno, f"{topic}: {item}" if topic else item, item, "kv", {kv.group(1).strip(): kv.group(2).strip()})
            continue
        para.append((lineno, clean(line)))
    flush()
    return units


def units_from_chunks(chunks: Iterable[Chunk]) -> list[Unit]:
    """Units of every chunk, once each (overlapping chunks repeat lines)."""
    seen: set[tuple[str, str]] = set()
    out: list[Unit] = []
    stamp: dict[str, float] = {}
    for chunk in chunks:
        for u in units_from_chunk(chunk):
            key = (u.path, u.text.lower())
            if key in seen:
                continue
            seen.add(key)
            u.recency = stamp.setdefault(u.path, recency(u.path))
            out.append(u)
    return out


def _from_statement(s) -> Unit:
    """memory.types.Statement -> Unit (topic is a heading trail there; "line" is a plain line)."""
    path = str(getattr(s, "path", ""))
    kind = getattr(s, "kind", "sentence")
    kind = "sentence" if kind == "line" else kind
    trail = getattr(s, "topic", None) or []
    trail = [trail] if isinstance(trail, str) else list(trail)
    topic = trail[-1] if trail else ""
    text = getattr(s, "text", "")
    body = text[len(topic) + 2:] if topic and text.startswith(topic + ": ") else text
    if kind == "kv" and not getattr(s, "fields", None):
        m = _KV.match(body)
        fields = {m.group(1): m.group(2)} if m else {}
    else:
        fields = dict(getattr(s, "fields", None) or {})
    if kind == "bullet" and len(fields) == 1 and _KV.match(body):
        kind = "kv"  # memory calls "- Vet: Dr. Brecken" a bullet with one field; facts read it as Key: value
    return Unit(path=path, line=int(getattr(s, "line", 0) or 0), text=text, body=body, kind=kind, topic=topic,
                fields=fields, heading=trail, chunk_id=str(getattr(s, "chunk_id", "") or ""), recency=recency(path))


def load_units(memory) -> list[Unit]:
    """Statement units of everything indexed. The one switch between memory's statements and chunks."""
    if hasattr(memory, "iter_statements"):
        return [_from_statement(s) for s in memory.iter_statements()]
    return units_from_chunks(memory.iter_chunks())
