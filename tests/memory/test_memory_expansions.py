"""The statement keyword search weighs a question's expansions (its words in other languages, the
parts of its compounds) less than the words asked: an English question over English notes finds
its English line first, and a foreign line is still found by an English question."""
from __future__ import annotations

from pathlib import Path


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_words_asked_outweigh_their_glosses_and_a_foreign_line_is_still_found(make_memory, tmp_path):
    from memory import gloss

    root = tmp_path / "notes"
    _write(root / "flat.md", "# Flat\n\n- Maintenance we pay: 3,100 a month\n- Bin day is Tuesday\n")
    # English lines holding only what the expansions of "maintenance" match by their first letters
    # ("intretinere" ~ "Intrepid", "entretien" ~ "entrepreneurs", "onderhoud" ~ "Onderwood").
    _write(root / "misc.md", "# Misc\n\n- Intrepid entrepreneurs at the Onderwood entrance\n"
                             "- Mantelpiece clock from Intrepid Antiques\n- Onderwood Street parking permit\n")
    _write(root / "papers.md", "# Papiery\n\n- Paszport: EL5550182, ważny do 2031\n")
    assert {"intretinere", "entretien", "onderhoud"} <= set(gloss.foreign_for(["maintenance"]))
    mem = make_memory()
    mem.index([root])
    hits = mem.search_statements("What maintenance do we pay?", k=3)
    assert "3,100" in hits[0].text
    # Its keyword score leads too: the expansions' rare words do not lift other lines past it
    # (one OR query at full weight scored the Intrepid line above it).
    assert max(hits, key=lambda h: h.keyword_score or 0.0) is hits[0]
    assert all((h.keyword_score or 0.0) < hits[0].keyword_score / 1.5 for h in hits[1:])
    # The foreign line the expansions exist for: an English question still finds it first, by keyword too.
    hits = mem.search_statements("What is my passport number?", k=3)
    assert "EL5550182" in hits[0].text and hits[0].keyword_score
