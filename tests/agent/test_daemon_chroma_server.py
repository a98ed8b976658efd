"""memory.chroma_url: the index lives in a real Chroma server (`chroma run` on loopback), and
index, grounded ask and delete all work against it."""
from __future__ import annotations


def test_index_ask_and_delete_against_a_chroma_server(chroma_server, home, tmp_path):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from agent.chat import ChatEngine, open_memory

    url, server_dir = chroma_server, tmp_path / "chroma-server"
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "garden.md").write_text("# Garden\n\nThe shed door code is 4471. The tomatoes grow by the south fence.\n")
    (notes / "boat.md").write_text("# Boat\n\nMy sailing boat is called Aurora. It is moored at the north pier.\n")
    settings = home.load_settings()
    settings.memory.chroma_url = url
    settings.model.max_tokens = 24
    memory = open_memory(home, settings)
    try:
        report = memory.index([notes])
        assert report.files_changed == 2 and report.chunks_embedded >= 2
        assert memory.stats().store == url
        assert not (home.data_dir / "chroma").exists()  # nothing went to the embedded store

        # The vectors really are in the server: a separate client sees them.
        port = int(url.rsplit(":", 1)[1])
        other = chromadb.HttpClient(host="127.0.0.1", port=port, settings=ChromaSettings(anonymized_telemetry=False))
        counts = {c.name: other.get_collection(c.name).count() for c in other.list_collections()}
        stats = memory.stats()  # chunk vectors and statement vectors, one collection each
        assert sum(counts.values()) == stats.chunks + stats.statements, counts

        engine = ChatEngine(home, settings, memory=memory)
        answer = engine.ask("What is the shed door code?")
        assert any(s.path.endswith("garden.md") for s in answer.sources)

        (notes / "garden.md").unlink()
        removed = memory.index([notes])  # prune: the deleted note's vectors leave the server
        assert removed.files_removed == 1 and removed.chunks_deleted >= 1
        stats = memory.stats()
        assert sum(other.get_collection(c.name).count() for c in other.list_collections()) == stats.chunks + stats.statements
        hits = memory.search("What is the shed door code?", k=4)
        assert not any(h.path.endswith("garden.md") for h in hits)
        assert memory.audit([notes]).ok
    finally:
        memory.close()
    assert server_dir.is_dir() and any(server_dir.iterdir())
