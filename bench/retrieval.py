"""Statement retrieval: is a statement holding an acceptable answer among the top 1/3/6/12?

    .venv/bin/python -m bench.retrieval [--sets lena tomas ...] [--personas DIR] [--cache DIR]

For every set (Lena in ../shared/persona/lena and each persona under bench/personas/*/ with a
questions.jsonl), the notes are indexed into a Memory (real MiniLM embedder, real chromadb;
`--cache` keeps the index between runs, re-indexing is incremental) and every answerable
question (not `abstain`) is asked to each retrieval method. A question counts as found at k
when one of its `answers` (case-insensitive, white space collapsed) occurs in a single
statement (its text or its heading trail) among the first k; an `ambiguous` question needs two
different answers in the top k. Methods:

  chunk>bm25      chunks by hybrid search (vector + BM25, RRF), then the statements of the top
                  chunks ranked by statement BM25 and chunk rank (no statement vectors needed)
  chunk>bm25+vec  the same candidates ranked by statement BM25, statement vector similarity
                  and chunk rank (RRF)
  stmt            statement vectors (second chroma collection) + statement BM25, RRF
  stmt+chunk      `stmt` plus the chunk hybrid rank each statement inherits, RRF of three
  stmt-bm25+chunk statement BM25 plus the inherited chunk rank (no statement vectors needed)
  stmt-vec / stmt-bm25   one signal alone, for reference

Prints one table per k and the embedding cost (chunks vs statements) and query latency.
Constants are chosen on all sets together, never on one.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from memory import chunking, statements  # noqa: E402
from memory.index import RRF_K, Memory  # noqa: E402

LENA = next(
    (p for p in (REPO.parent / "shared" / "persona" / "lena", Path("/work/shared/persona/lena")) if p.is_dir()),
    REPO.parent / "shared" / "persona" / "lena",
)
KS = (1, 3, 6, 12)
CHUNKS_FOR_CANDIDATES = 6  # chunk>… methods: statements of this many top chunks


def default_personas() -> Path:
    here = REPO / "bench" / "personas"
    if here.is_dir():
        return here
    return Path("/work/wt/personas/bench/personas")  # while the personas branch is not merged


def load_sets(names: list[str] | None, personas: Path) -> list[tuple[str, Path, list[dict]]]:
    folders: list[tuple[str, Path]] = []
    if LENA.is_dir():
        folders.append(("lena", LENA))
    if personas.is_dir():
        folders += [(p.name, p) for p in sorted(personas.iterdir()) if (p / "questions.jsonl").is_file()]
    out = []
    for name, folder in folders:
        if names and name not in names:
            continue
        qs = [json.loads(line) for line in (folder / "questions.jsonl").read_text().splitlines() if line.strip()]
        out.append((name, folder, [q for q in qs if q["kind"] != "abstain"]))
    return out


def norm(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def found_at(q: dict, ranked: list, k: int) -> bool:
    answers = [norm(a) for a in q["answers"]]
    hit: set[str] = set()
    for s in ranked[:k]:
        blob = norm(s.text + " " + " ".join(s.topic))
        hit |= {a for a in answers if a in blob}
    return len(hit) >= 2 if q["kind"] == "ambiguous" else bool(hit)


def rrf(*rankings: list[str]) -> dict[str, float]:
    fused: dict[str, float] = defaultdict(float)
    for ranked in rankings:
        for rank, key in enumerate(ranked, 1):
            fused[key] += 1.0 / (RRF_K + rank)
    return fused


class Methods:
    """Every method from the same query vector and the same underlying searches."""

    def __init__(self, mem: Memory):
        self.mem = mem
        self.ledger = mem._ledger

    def prepare(self, query: str) -> dict:
        mem, n = self.mem, 36
        t0 = time.perf_counter()
        vector = mem.embedder.embed([query])[0]
        t_embed = time.perf_counter() - t0
        chunk_vec = mem.store.query(vector, 20)
        chunk_kw = self.ledger.keyword_search(query, 20)
        fused_chunks = rrf([i for i, _ in chunk_vec], [i for i, _ in chunk_kw])
        chunk_rank = sorted(fused_chunks, key=lambda c: -fused_chunks[c])
        t1 = time.perf_counter()
        st_vec = mem.statement_store.query(vector, n)
        st_kw = self.ledger.keyword_search_statements(query, n)
        t_stmt = time.perf_counter() - t1
        return {
            "vector": vector, "chunk_rank": chunk_rank, "st_vec": st_vec, "st_kw": st_kw,
            "t_embed": t_embed, "t_stmt": t_stmt, "query": query,
        }

    def _materialize(self, ids: list[str]) -> list:
        found = self.ledger.get_statements(ids)
        return [found[i] for i in ids if i in found]

    def chunk_candidates(self, p: dict):
        top = p["chunk_rank"][:CHUNKS_FOR_CANDIDATES]
        cands = self.ledger.statements_of_chunks(top)
        pos = {c: r for r, c in enumerate(top)}
        cands.sort(key=lambda s: pos.get(s.chunk_id, 99))
        return cands

    def chunk_bm25(self, p: dict, use_vec: bool = False) -> list:
        cands = self.chunk_candidates(p)
        ids = [s.id for s in cands]
        by_chunk = ids  # already in chunk rank order, file order within a chunk
        kw = [i for i, _ in self.ledger.keyword_search_statements(p["query"], len(ids) or 1, rowid_filter=ids)]
        rankings = [by_chunk, kw]
        if use_vec:
            vecs = self.mem.statement_store.get_vectors(ids)
            q = p["vector"]
            sims = {i: sum(a * b for a, b in zip(q, v)) for i, v in vecs.items()}
            rankings.append(sorted(sims, key=lambda i: -sims[i]))
        fused = rrf(*rankings)
        return self._materialize(sorted(fused, key=lambda i: -fused[i]))

    def stmt(self, p: dict, with_chunks: bool = False, parts=("vec", "kw")) -> list:
        rankings = []
        if "vec" in parts:
            rankings.append([i for i, _ in p["st_vec"]])
        if "kw" in parts:
            rankings.append([i for i, _ in p["st_kw"]])
        if with_chunks:
            cands = self.chunk_candidates(p)
            rankings.append([s.id for s in cands])
        fused = rrf(*rankings)
        vec = dict(p["st_vec"])
        return self._materialize(sorted(fused, key=lambda i: (-fused[i], -vec.get(i, -1.0)))[: max(KS)])

    def all(self, query: str) -> tuple[dict[str, list], dict]:
        p = self.prepare(query)
        return {
            "chunk>bm25": self.chunk_bm25(p),
            "chunk>bm25+vec": self.chunk_bm25(p, use_vec=True),
            "stmt": self.stmt(p),
            "stmt+chunk": self.stmt(p, with_chunks=True),
            "stmt-bm25+chunk": self.stmt(p, with_chunks=True, parts=("kw",)),
            "stmt-vec": self.stmt(p, parts=("vec",)),
            "stmt-bm25": self.stmt(p, parts=("kw",)),
            "memory.search_statements": self.mem.search_statements(query, k=max(KS)),
        }, p


def embed_cost(mem: Memory) -> dict:
    """Seconds to embed all chunk texts vs all statement texts of the index, same embedder."""
    chunks = list(mem.iter_chunks())
    stmts = list(mem.iter_statements())
    c_texts = [chunking.embed_text(c.path, c.heading, c.text) for c in chunks]
    s_texts = [statements.embed_text(s) for s in stmts]
    mem.embedder.embed(["warm up"])
    t0 = time.perf_counter()
    mem.embedder.embed(c_texts)
    t1 = time.perf_counter()
    mem.embedder.embed(s_texts)
    t2 = time.perf_counter()
    return {"chunks": len(chunks), "statements": len(stmts), "chunk_s": t1 - t0, "statement_s": t2 - t1}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", default=None, help="set names (default: all)")
    ap.add_argument("--personas", type=Path, default=default_personas())
    ap.add_argument("--cache", type=Path, default=None, help="keep each set's index here between runs")
    ap.add_argument("--misses", default="", help="print the questions a method misses at k=6")
    ap.add_argument("--no-cost", action="store_true", help="skip the embedding-cost measurement")
    ap.add_argument("--threads", type=int, default=1, help="torch CPU threads (1: steady numbers on a shared machine)")
    args = ap.parse_args(argv)
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)

    sets = load_sets(args.sets, args.personas)
    tmp = tempfile.TemporaryDirectory()
    cache = args.cache or Path(tmp.name)
    table: dict[str, dict[str, dict[int, tuple[int, int]]]] = defaultdict(dict)  # method -> set -> k -> (hit, n)
    costs: dict[str, dict] = {}
    latency: list[float] = []
    stmt_latency: list[float] = []
    for name, folder, questions in sets:
        mem = Memory(cache / name)
        t0 = time.perf_counter()
        report = mem.index([folder / "notes"])
        index_s = time.perf_counter() - t0
        methods = Methods(mem)
        counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        misses: list[str] = []
        for q in questions:
            t0 = time.perf_counter()
            mem.search_statements(q["question"], k=12)
            latency.append(time.perf_counter() - t0)
            ranked, p = methods.all(q["question"])
            stmt_latency.append(p["t_stmt"])
            for method, hits in ranked.items():
                for k in KS:
                    counts[method][k] += found_at(q, hits, k)
            if args.misses and not found_at(q, ranked[args.misses], 6):
                top = ranked[args.misses][:3]
                misses.append(f"  {name} {q['id']} {q['kind']}: {q['question']} -> " + " | ".join(s.text[:70] for s in top))
        for method, per_k in counts.items():
            table[method][name] = {k: (per_k[k], len(questions)) for k in KS}
        if not args.no_cost:
            costs[name] = embed_cost(mem) | {"index_s": index_s, "files": report.files_seen}
        mem.close()
        for line in misses:
            print(line)

    names = [n for n, _, _ in sets]
    for k in KS:
        print(f"\n### statement recall@{k} (answerable questions found / asked)\n")
        print("| method | " + " | ".join(names) + " | all |")
        print("|---|" + "---|" * (len(names) + 1))
        for method, per_set in table.items():
            cells = []
            hit_all = n_all = 0
            for n in names:
                h, tot = per_set[n][k]
                hit_all += h
                n_all += tot
                cells.append(f"{h}/{tot} ({h / max(tot, 1):.2f})")
            print(f"| {method} | " + " | ".join(cells) + f" | {hit_all}/{n_all} ({hit_all / max(n_all, 1):.2f}) |")
    if costs:
        print("\n### embedding cost (same embedder, one call each, this machine)\n")
        print("| set | files | chunks | embed chunks s | statements | embed statements s |")
        print("|---|---|---|---|---|---|")
        for n, c in costs.items():
            print(f"| {n} | {c['files']} | {c['chunks']} | {c['chunk_s']:.2f} | {c['statements']} | {c['statement_s']:.2f} |")
    if latency:
        lat = sorted(latency)
        print(
            f"\nsearch_statements latency (query embedding included): p50 {statistics.median(lat) * 1000:.1f} ms, "
            f"p90 {lat[int(0.9 * (len(lat) - 1))] * 1000:.1f} ms over {len(lat)} queries; "
            f"statement vector + BM25 searches alone p50 {statistics.median(stmt_latency) * 1000:.1f} ms"
        )
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
