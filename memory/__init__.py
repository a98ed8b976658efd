"""anima's memory: notes parsed, chunked, embedded into chromadb, tracked in a SQLite ledger."""
