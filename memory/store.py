"""The vector store: chromadb collections of vectors (cosine space) keyed by id: one for chunk
vectors, one for statement vectors (`sibling`, the same client).

Only ids, vectors and the source path live here; everything shown to the user comes from the
ledger. That keeps chromadb replaceable (embedded or a server) and makes repairs simple:
any id the ledger does not know is garbage, any ledger id missing here gets re-embedded.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Sequence
from urllib.parse import urlparse

from memory.types import MemoryFailure

COLLECTION = "anima_chunks"
STATEMENT_COLLECTION = "anima_statements"


# Graph search width and the fewest neighbours asked of it (see VectorStore.query).
EF_SEARCH = 200
QUERY_FLOOR = 200

class VectorStore:
    def __init__(self, data_dir: Path, url: str | None = None, collection: str = COLLECTION):
        import chromadb
        from chromadb.config import Settings

        settings = Settings(anonymized_telemetry=False, allow_reset=False)
        self._lock = threading.RLock()
        self._name = collection
        try:
            if url:
                parsed = urlparse(url if "://" in url else f"http://{url}")
                self.describe = url
                self._client = chromadb.HttpClient(
                    host=parsed.hostname or "127.0.0.1",
                    port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                    ssl=parsed.scheme == "https",
                    settings=settings,
                )
            else:
                path = data_dir / "chroma"
                path.mkdir(parents=True, exist_ok=True)
                self.describe = f"persistent:{path}"
                self._client = chromadb.PersistentClient(path=str(path), settings=settings)
            self._collection = self._open()
        except MemoryFailure:
            raise
        except Exception as exc:
            where = url or str(data_dir / "chroma")
            raise MemoryFailure(f"cannot open the vector store at {where}: {exc}") from exc

    def sibling(self, collection: str) -> "VectorStore":
        """Another collection through the same client (one chromadb client per store)."""
        other = object.__new__(VectorStore)
        other._lock = self._lock
        other._name = collection
        other.describe = self.describe
        other._client = self._client
        try:
            other._collection = other._open()
        except Exception as exc:
            raise MemoryFailure(f"cannot open the vector collection {collection} at {self.describe}: {exc}") from exc
        return other

    def get_vectors(self, ids: Sequence[str]) -> dict[str, list[float]]:
        """Stored vectors by id (ids without a vector are absent)."""
        if not ids:
            return {}
        out: dict[str, list[float]] = {}
        with self._lock:
            res = self._collection.get(ids=list(ids), include=["embeddings"])
        for i, v in zip(res["ids"], res["embeddings"]):
            out[i] = list(v)
        return out

    def _open(self):
        # embedding_function=None: vectors always come from memory's own embedder; chromadb's
        # default function would try to download an ONNX model.
        collection = self._client.get_or_create_collection(
            self._name, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
        )
        try:
            # A wider search of the graph: at chromadb's default a statement that was the nearest
            # of all was missing from a top-36 query of a 3,000-statement index.
            if (collection.configuration.get("hnsw") or {}).get("ef_search", 0) < EF_SEARCH:
                collection.modify(configuration={"hnsw": {"ef_search": EF_SEARCH}})
        except Exception:  # a Chroma server or version that cannot change it: the query floor still holds
            pass
        return collection

    def upsert(self, ids: Sequence[str], vectors: Sequence[Sequence[float]], paths: Sequence[str]) -> None:
        if not ids:
            return
        with self._lock:
            step = 1000  # stay under chromadb's maximum batch size
            for k in range(0, len(ids), step):
                self._collection.upsert(
                    ids=list(ids[k : k + step]),
                    embeddings=[list(v) for v in vectors[k : k + step]],
                    metadatas=[{"path": p} for p in paths[k : k + step]],
                )

    def delete(self, ids: Sequence[str]) -> None:
        if not ids:
            return
        ids = list(ids)
        with self._lock:
            for k in range(0, len(ids), 1000):
                self._collection.delete(ids=ids[k : k + 1000])

    def query(self, vector: Sequence[float], n: int) -> list[tuple[str, float]]:
        """(id, cosine similarity) best first."""
        with self._lock:
            total = self._collection.count()
            if total == 0 or n <= 0:
                return []
            # HNSW is approximate and its recall grows with k: ask for at least QUERY_FLOOR and keep n.
            res = self._collection.query(query_embeddings=[list(vector)], n_results=min(max(n, QUERY_FLOOR), total),
                                         include=["distances"])
        ids = res["ids"][0]
        distances = res["distances"][0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, distances)][:n]

    def all_ids(self) -> set[str]:
        out: set[str] = set()
        with self._lock:
            total = self._collection.count()
            offset = 0
            while offset < total:
                res = self._collection.get(include=[], limit=5000, offset=offset)
                if not res["ids"]:
                    break
                out.update(res["ids"])
                offset += len(res["ids"])
        return out

    def existing(self, ids: Sequence[str]) -> set[str]:
        """Which of `ids` the store holds."""
        if not ids:
            return set()
        with self._lock:
            return set(self._collection.get(ids=list(ids), include=[])["ids"])

    def count(self) -> int:
        with self._lock:
            return int(self._collection.count())

    def wipe(self) -> None:
        with self._lock:
            try:
                self._client.delete_collection(self._name)
            except Exception:  # absent already: nothing to wipe
                pass
            self._collection = self._open()
