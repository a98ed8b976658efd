"""Blocks → chunks: heading-aware, about `chunk_words` words each, with line ranges.

Rules, in order of importance:
- A chunk knows its heading trail (outermost first) and its 1-based inclusive line range.
- Small sibling sections under the same top-level section are merged (a three-line "## Vet"
  section alone is a poor retrieval unit); different top-level sections never share a chunk.
- A section longer than `chunk_words` is split at paragraph boundaries first, then at lines,
  then (for huge single lines) at words; a split inside one paragraph repeats
  `overlap_words` words so a sentence cut in half is still whole in one of the chunks.
- A table split across chunks repeats its header row in each, so every row is self-describing.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from memory.parsers import Block, ParsedFile
from memory.types import Chunk

CHUNKER_VERSION = "c1"  # bump when chunk boundaries change, so files are re-chunked


@dataclass
class _Unit:
    lines: list[tuple[int, str]]
    words: int
    block: int  # index of the block it came from
    heading_only: bool = False
    table_header: list[tuple[int, str]] | None = None


@dataclass
class _Section:
    trail: list[str]
    blocks: list[Block]

    @property
    def words(self) -> int:
        return sum(_words(t) for b in self.blocks if not b.synthetic for _, t in b.lines)


def _words(text: str) -> int:
    return len(text.split())


def chunker_signature(chunk_words: int, overlap_words: int) -> str:
    return f"{CHUNKER_VERSION}:{chunk_words}:{overlap_words}"


def display_name(path: str | Path) -> str:
    """The file's name as a context prefix: "pixel", or "crumb/README" for generic names."""
    p = Path(path)
    if p.stem.lower() in {"readme", "index", "notes", "todo", "main", "__init__"} and p.parent.name:
        return f"{p.parent.name}/{p.stem}"
    return p.stem


def embed_text(path: str | Path, heading: list[str], text: str) -> str:
    """What is embedded (and keyword-indexed): a short context prefix plus the chunk text, so
    a chunk that says "She is scared of thunderstorms" is still findable as being about Pixel."""
    name = display_name(path)
    trail = [h for h in heading if h]
    if trail and trail[0].lower() == name.lower():
        trail = trail[1:]
    prefix = " > ".join([name, *trail])
    return f"{prefix}\n{text}"


def _sections(blocks: list[Block]) -> list[_Section]:
    sections: list[_Section] = [_Section([], [])]
    stack: list[tuple[int, str]] = []
    for block in blocks:
        if block.kind == "heading":
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            stack.append((block.level, block.title))
            sections.append(_Section([t for _, t in stack], [block]))
        else:
            sections[-1].blocks.append(block)
    return [s for s in sections if s.blocks]


def _merge_key_depth(blocks: list[Block]) -> int:
    """How many trail levels identify a top-level section. A document with a single title
    heading ("# Pixel") has its top-level sections one level down."""
    levels = [b.level for b in blocks if b.kind == "heading" and not b.synthetic]
    if not levels:
        return 1
    top = min(levels)
    return 2 if levels.count(top) == 1 else 1


def _units(blocks: list[Block], first_index: int, chunk_words: int) -> list[_Unit]:
    units: list[_Unit] = []
    for offset, block in enumerate(blocks):
        idx = first_index + offset
        if block.synthetic:
            continue
        words = sum(_words(t) for _, t in block.lines)
        if block.kind == "heading":
            units.append(_Unit(block.lines, words, idx, heading_only=True))
        elif block.kind == "table" and words > chunk_words:
            header = block.header
            units.append(_Unit(header, sum(_words(t) for _, t in header), idx))
            for line in block.lines[len(header):]:
                units.append(_Unit([line], _words(line[1]), idx, table_header=header))
        elif words > chunk_words:
            for n, text in block.lines:
                w = _words(text)
                if w <= chunk_words:
                    units.append(_Unit([(n, text)], w, idx))
                else:  # one enormous line (minified code, a pasted wall of text)
                    tokens = text.split()
                    for k in range(0, len(tokens), chunk_words):
                        piece = tokens[k : k + chunk_words]
                        units.append(_Unit([(n, " ".join(piece))], len(piece), idx))
        else:
            units.append(_Unit(block.lines, words, idx))
    return units


def _overlap(previous: list[_Unit], block: int, overlap_words: int) -> list[_Unit]:
    """The tail of the previous chunk (same block only) to repeat at the start of the next."""
    if overlap_words <= 0:
        return []
    tail: list[_Unit] = []
    budget = overlap_words
    for unit in reversed(previous):
        if unit.block != block or unit.table_header is not None:
            break
        for n, text in reversed(unit.lines):
            w = _words(text)
            if w <= budget:
                tail.insert(0, _Unit([(n, text)], w, block))
                budget -= w
            else:
                if not tail:  # a single long line: repeat its last words
                    piece = text.split()[-budget:]
                    tail.insert(0, _Unit([(n, " ".join(piece))], len(piece), block))
                return tail
    return tail


def _render(units: list[_Unit]) -> tuple[str, int, int]:
    parts: list[str] = []
    prev_block: int | None = None
    prev_line: int | None = None
    first = units[0]
    if first.table_header is not None:
        parts.append("\n".join(t for _, t in first.table_header) + "\n")
        prev_block, prev_line = first.block, first.table_header[-1][0]
    for unit in units:
        for n, text in unit.lines:
            if prev_line is None:
                pass
            elif n == prev_line and unit.block == prev_block:
                parts.append(" ")  # two word-pieces of one long line
            else:  # keep the source's line breaks; runs of blank lines collapse to one
                parts.append("\n" * max(1, min(2, n - prev_line)))
            parts.append(text)
            prev_block, prev_line = unit.block, n
    return "".join(parts).strip("\n"), units[0].lines[0][0], units[-1].lines[-1][0]


def _pack(units: list[_Unit], chunk_words: int, overlap_words: int) -> list[list[_Unit]]:
    chunks: list[list[_Unit]] = []
    current: list[_Unit] = []
    count = 0
    for unit in units:
        if current and count + unit.words > chunk_words and not all(u.heading_only for u in current):
            chunks.append(current)
            current = []
            if unit.table_header is None and chunks[-1][-1].block == unit.block:
                current = _overlap(chunks[-1], unit.block, overlap_words)
            count = sum(u.words for u in current)
        current.append(unit)
        count += unit.words
    if current:
        chunks.append(current)
    return chunks


def _common_prefix(trails: list[list[str]]) -> list[str]:
    out: list[str] = []
    for level in zip(*trails):
        if all(t == level[0] for t in level):
            out.append(level[0])
        else:
            break
    return out


def chunk_file(path: str, parsed: ParsedFile, *, chunk_words: int = 120, overlap_words: int = 20) -> list[Chunk]:
    chunk_words = max(chunk_words, 8)
    overlap_words = max(0, min(overlap_words, chunk_words // 2))
    sections = _sections(parsed.blocks)
    depth = _merge_key_depth(parsed.blocks)

    # Merge small neighbouring sections under the same top-level section.
    # A group of bare headings ("# Projects" right before "## Crumb") joins what follows, so
    # the parent heading is not lost.
    groups: list[list[_Section]] = []
    group_words = 0
    group_has_body = False
    for section in sections:
        words = section.words
        body = any(b.kind != "heading" for b in section.blocks)
        if groups and group_words + words <= chunk_words and (
            groups[-1][-1].trail[:depth] == section.trail[:depth] or not group_has_body
        ):
            groups[-1].append(section)
            group_words += words
            group_has_body = group_has_body or body
        else:
            groups.append([section])
            group_words = words
            group_has_body = body

    drafts: list[tuple[list[str], str, int, int, bool]] = []
    block_index = 0
    for group in groups:
        trail = _common_prefix([s.trail for s in group]) if len(group) > 1 else group[0].trail
        blocks = [b for s in group for b in s.blocks]
        units = _units(blocks, block_index, chunk_words)
        block_index += len(blocks)
        for packed in _pack(units, chunk_words, overlap_words):
            text, start, end = _render(packed)
            if text.strip():
                drafts.append((trail, text, start, end, all(u.heading_only for u in packed)))

    # A heading with nothing under it is only kept when the file has nothing else to offer.
    if any(not d[4] for d in drafts):
        drafts = [d for d in drafts if not d[4]]

    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    for trail, text, start, end, _ in drafts:
        full = embed_text(path, trail, text)
        dup = seen.get(full, 0)
        seen[full] = dup + 1
        # The id depends on path and embedded text only, so an unchanged chunk keeps its id
        # (and its vector) when lines above it move; the ledger updates its line range.
        cid = hashlib.sha256(f"{path}\0{full}\0{dup}".encode()).hexdigest()[:32]
        chunks.append(
            Chunk(
                id=cid,
                path=path,
                heading=list(trail),
                start_line=start,
                end_line=end,
                text=text,
                hash=hashlib.sha256(text.encode()).hexdigest(),
            )
        )
    return chunks
