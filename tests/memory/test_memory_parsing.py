"""Parsers and chunking: formats, line numbers, heading trails, tables, binary detection."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from memory import parsers
from memory.chunking import chunk_file, embed_text


def _chunks(name: str, text: str | bytes, **kw):
    data = text.encode() if isinstance(text, str) else text
    return chunk_file(f"/notes/{name}", parsers.parse(Path(name), data), **kw)


def _lines(text: str, start: int, end: int) -> str:
    return "\n".join(text.split("\n")[start - 1 : end])


NOTE = """# Garden

Intro line about the garden.

## Tomatoes

Plant after the last frost.
Water every morning.

## Roses

Prune in February.

# Shed

The shed key is under the blue pot.
"""


def test_line_ranges_are_exact_and_top_level_sections_stay_apart():
    chunks = _chunks("garden.md", NOTE)
    # Two top-level sections ("# Garden", "# Shed") never share a chunk.
    assert [c.heading for c in chunks] == [["Garden"], ["Shed"]]
    for c in chunks:  # the stored text is exactly the cited line range
        assert c.text == _lines(NOTE, c.start_line, c.end_line).strip("\n")
    assert (chunks[1].start_line, chunks[1].end_line) == (14, 16)
    assert "Prune in February" in chunks[0].text  # small sibling sections were merged


def test_long_section_is_split_with_overlap_and_keeps_its_trail():
    words = [f"w{i}" for i in range(300)]
    body = "\n".join(" ".join(words[i : i + 10]) for i in range(0, 300, 10))
    text = f"# Log\n\n## Day one\n\n{body}\n"
    chunks = _chunks("log.md", text, chunk_words=50, overlap_words=10)
    assert len(chunks) >= 6
    assert all(c.heading[:2] == ["Log", "Day one"] or c.heading == ["Log"] for c in chunks)
    for a, b in zip(chunks, chunks[1:]):
        assert a.text.split()[-10:] == b.text.split()[:10]  # 10 words repeated
        assert b.start_line <= a.end_line + 1
    for c in chunks:
        assert len(c.text.split()) <= 60
        assert c.text == _lines(text, c.start_line, c.end_line)


def test_huge_single_line_is_split_by_words_on_the_same_line():
    text = " ".join(f"t{i}" for i in range(500)) + "\n"
    chunks = _chunks("wall.txt", text, chunk_words=100, overlap_words=0)
    assert len(chunks) == 5
    assert all((c.start_line, c.end_line) == (1, 1) for c in chunks)
    assert " ".join(" ".join(c.text.split()) for c in chunks) == text.strip()


def test_split_table_repeats_its_header_row():
    rows = "\n".join(f"| part {i} | bin {i} |" for i in range(60))
    text = f"# Parts\n\n| part | location |\n|---|---|\n{rows}\n"
    chunks = _chunks("parts.md", text, chunk_words=40, overlap_words=5)
    table_chunks = [c for c in chunks if "part 5" in c.text or "part 59" in c.text]
    assert len(chunks) > 3 and table_chunks
    for c in chunks:
        assert c.text.splitlines()[:2] == ["| part | location |", "|---|---|"] or c.text.startswith("# Parts")
    last = chunks[-1]
    assert "| part 59 | bin 59 |" in last.text and last.end_line == 64


def test_headings_inside_code_fences_are_not_headings():
    text = "# Script\n\n```sh\n# not a heading\necho hi\n```\n"
    chunks = _chunks("s.md", text)
    assert len(chunks) == 1 and chunks[0].heading == ["Script"] and "# not a heading" in chunks[0].text


def test_csv_rows_become_header_value_lines_with_their_line_numbers():
    text = "name,phone,city\nAda,555-0101,London\n\nGrace,555-0199,Arlington\n"
    chunks = _chunks("contacts.csv", text)
    joined = "\n".join(c.text for c in chunks)
    assert "name: Grace; phone: 555-0199; city: Arlington" in joined
    assert chunks[0].start_line == 2 and chunks[-1].end_line == 4


def _tiny_pdf(pages: list[str]) -> bytes:
    """A valid PDF with one text line per page, written by hand (pypdf only reads here)."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>")
    font_id = 3 + 2 * len(pages)
    for i, line in enumerate(pages):
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>"
        )
        stream = f"BT /F1 12 Tf 20 100 Td ({line}) Tj ET"
        objs.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_pdf_pages_become_lines_under_a_page_heading():
    chunks = _chunks("manual.pdf", _tiny_pdf(["Boiler pressure 1.5 bar", "Filter code ZX-88"]))
    assert any("Boiler pressure 1.5 bar" in c.text for c in chunks)
    page2 = [c for c in chunks if "ZX-88" in c.text]
    assert page2 and page2[0].heading == ["page 2"] and page2[0].start_line == 2


def test_corrupt_pdf_is_not_text():
    with pytest.raises(parsers.NotText, match="PDF"):
        parsers.parse(Path("x.pdf"), b"%PDF-1.4\nthis is not really a pdf")


def test_binary_and_broken_utf8_detection():
    with pytest.raises(parsers.NotText, match="NUL"):
        parsers.decode_text(b"\x89PNG\r\n\x1a\n\0\0\0IHDR")
    with pytest.raises(parsers.NotText, match="not valid UTF-8"):
        parsers.decode_text(bytes(range(128, 256)) * 4)
    text, warning = parsers.decode_text("caf\u00e9 ok\n".encode() + b"\xff\xfe bad \xc3\n")
    assert text.startswith("caf\u00e9 ok") and "\ufffd" in text and "invalid UTF-8" in warning
    text, warning = parsers.decode_text("hello".encode("utf-16"))  # BOM-marked: NULs are fine
    assert text == "hello" and warning is None


def test_embed_text_prefix_names_the_file_and_trail():
    assert embed_text("/n/pets/pixel.md", ["Pixel", "Vet"], "Dr. A") == "pixel > Vet\nDr. A"
    assert embed_text("/n/crumb/README.md", [], "x").startswith("crumb/README\n")


def test_chunk_ids_are_stable_and_survive_moving_lines():
    a = _chunks("n.md", "# A\n\nalpha beta\n")
    b = _chunks("n.md", "\n\n# A\n\nalpha beta\n")
    assert a[0].id == b[0].id and (a[0].start_line, b[0].start_line) == (1, 3)
    assert _chunks("m.md", "# A\n\nalpha beta\n")[0].id != a[0].id  # path is part of the id


def test_bare_parent_headings_join_the_following_section_verbatim():
    text = "# Projects\n## Old\n## Crumb\nA bread-baking timer app.\n"
    (chunk,) = _chunks("p.md", text)
    assert chunk.heading == ["Projects"] and (chunk.start_line, chunk.end_line) == (1, 4)
    assert chunk.text == text.rstrip("\n")  # source line breaks kept exactly


def test_embedder_keeps_input_order_across_length_sorted_batches(embedder_path):
    from memory.embedder import Embedder

    emb = Embedder(embedder_path)
    texts = ["short", "a much longer sentence about the boiler pump part number", "mid length text", "x"] * 3
    batched = emb.embed(texts, batch_size=2)
    for text, vec in zip(texts[:4], batched[:4]):
        single = emb.embed([text])[0]
        assert sum(a * b for a, b in zip(vec, single)) > 0.999  # same text, same vector
    assert abs(sum(v * v for v in batched[1]) - 1.0) < 1e-4  # normalized
