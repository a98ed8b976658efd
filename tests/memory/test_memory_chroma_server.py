"""memory.chroma_url: the same Memory against a real Chroma server (`chroma run`, loopback)."""
from __future__ import annotations


def test_memory_uses_a_chroma_server_when_chroma_url_is_set(make_memory, tmp_path, chroma_server):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "bike.md").write_text("# Bike\n\nThe bike lock code is 3141 and the tyres want 4 bar.\n")
    (notes / "tea.md").write_text("# Tea\n\nGenmaicha steeps at 80 degrees for three minutes.\n")
    mem = make_memory(chroma_url=chroma_server)
    report = mem.index([notes])
    assert report.chunks_embedded == 2
    assert mem.stats().store == chroma_server
    assert not (tmp_path / "data" / "chroma").exists()  # nothing stored locally but the ledger
    assert mem.search("how hot should the water be for my tea", k=1)[0].path == str(notes / "tea.md")
    (notes / "tea.md").unlink()
    mem.index([notes])
    assert mem.audit([notes]).ok and mem.store.count() == 1
