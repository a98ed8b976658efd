"""Ingest benchmark: Memory.index on ~1,000 notes vs raw SentenceTransformer.encode of the same
chunk texts, then the cost of re-indexing after one file changes, then retrieval latency.

    .venv/bin/python -m bench.ingest [--copies 80] [--notes DIR] [--json OUT]

The Lena notes are copied `--copies` times into a temp dir; each copy gets one different word so
every file has its own hash (and its own chunk ids). Prints a markdown table.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from memory import chunking  # noqa: E402
from memory.embedder import _shared_model, bundled_embedder_path  # noqa: E402
from memory.index import Memory  # noqa: E402

DEFAULT_NOTES = REPO.parent / "shared" / "persona" / "lena" / "notes"


def make_corpus(src: Path, dst: Path, copies: int) -> list[Path]:
    files = sorted(p for p in src.rglob("*") if p.is_file())
    out: list[Path] = []
    for i in range(copies):
        for f in files:
            target = dst / f"copy{i:03d}" / f.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            lines = f.read_text(encoding="utf-8").split("\n")
            # One varied word on the first line: new hash, same shape of text.
            lines[0] = f"{lines[0]} v{i}"
            target.write_text("\n".join(lines), encoding="utf-8")
            out.append(target)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=80)
    ap.add_argument("--notes", type=Path, default=DEFAULT_NOTES)
    ap.add_argument("--json", type=Path, default=None, help="also write the numbers as JSON here")
    ap.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    args = ap.parse_args(argv)
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)

    work = Path(tempfile.mkdtemp(prefix="anima-bench-ingest-"))
    try:
        corpus = work / "notes"
        files = make_corpus(args.notes, corpus, args.copies)
        embedder_path = bundled_embedder_path()
        model, _ = _shared_model(embedder_path)
        model.encode(["warm up"], normalize_embeddings=True)  # both timings start warm

        mem = Memory(work / "data", embedder_path=embedder_path)
        embed_time = [0.0]
        real_embed = mem.embedder.embed

        def timed_embed(texts, batch_size=32):
            t = time.perf_counter()
            try:
                return real_embed(texts, batch_size)
            finally:
                embed_time[0] += time.perf_counter() - t

        mem.embedder.embed = timed_embed  # split index time into embedding vs everything else
        t0 = time.perf_counter()
        report = mem.index([corpus])
        index_s = time.perf_counter() - t0
        index_embed_s = embed_time[0]
        chunks = list(mem.iter_chunks())
        texts = [chunking.embed_text(c.path, c.heading, c.text) for c in chunks]

        t0 = time.perf_counter()
        model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        encode_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        noop = mem.index([corpus])
        noop_s = time.perf_counter() - t0

        victim = files[len(files) // 2]
        os.utime(victim, None)  # mtime only: hashed, not re-embedded
        t0 = time.perf_counter()
        touched = mem.index([corpus])
        touch_s = time.perf_counter() - t0

        with open(victim, "a", encoding="utf-8") as fh:
            fh.write("\nAdded today: the spare key is in the red tin.\n")
        embed_time[0] = 0.0
        t0 = time.perf_counter()
        edited = mem.index([corpus])
        edit_s = time.perf_counter() - t0
        edit_embed_s = embed_time[0]

        questions = [json.loads(x)["question"] for x in (args.notes.parent / "questions.jsonl").read_text().splitlines() if x.strip()]
        for q in questions[:3]:
            mem.search(q)  # warm
        lat = []
        for q in questions:
            t0 = time.perf_counter()
            mem.search(q, k=4)
            lat.append((time.perf_counter() - t0) * 1000)
        lat.sort()
        qlat = []
        for q in questions:  # the query-embedding share of search latency
            t0 = time.perf_counter()
            mem.embedder.embed([q])
            qlat.append((time.perf_counter() - t0) * 1000)
        mem.close()

        n = report.chunks_embedded
        rows = {
            "files": len(files),
            "chunks": n,
            "index_s": index_s,
            "index_chunks_per_s": n / index_s,
            "encode_s": encode_s,
            "encode_chunks_per_s": n / encode_s,
            "overhead_pct": (index_s - encode_s) / encode_s * 100,
            "index_embed_s": index_embed_s,
            "index_other_s": index_s - index_embed_s,
            "edit_embed_s": edit_embed_s,
            "reindex_unchanged_s": noop_s,
            "reindex_touched_s": touch_s,
            "reindex_edited_s": edit_s,
            "edited_chunks_embedded": edited.chunks_embedded,
            "touched_chunks_embedded": touched.chunks_embedded,
            "noop_chunks_embedded": noop.chunks_embedded,
            "search_p50_ms": statistics.median(lat),
            "search_p95_ms": lat[int(0.95 * (len(lat) - 1))],
            "queries": len(lat),
            "query_embed_p50_ms": statistics.median(qlat),
            "cpus": os.cpu_count(),
            "torch_threads": torch.get_num_threads(),
            "load_1m": os.getloadavg()[0],
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"## memory ingest ({rows['files']} files, {rows['chunks']} chunks, {rows['cpus']} CPUs, torch threads {rows['torch_threads']}, load {rows['load_1m']:.1f})\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| Memory.index, cold index | {rows['index_s']:.1f} s, {rows['index_chunks_per_s']:.1f} chunks/s |")
    print(f"| raw SentenceTransformer.encode, same texts | {rows['encode_s']:.1f} s, {rows['encode_chunks_per_s']:.1f} chunks/s |")
    print(f"| index overhead over raw encode | {rows['overhead_pct']:.1f} % |")
    print(
        f"| of the index time: embedding / everything else | {rows['index_embed_s']:.1f} s / {rows['index_other_s']:.1f} s "
        f"({rows['index_other_s'] / rows['encode_s'] * 100:.1f} % of raw encode) |"
    )
    print(f"| re-index, nothing changed | {rows['reindex_unchanged_s'] * 1000:.0f} ms ({rows['noop_chunks_embedded']} embedded) |")
    print(f"| re-index, one file touched (mtime) | {rows['reindex_touched_s'] * 1000:.0f} ms ({rows['touched_chunks_embedded']} embedded) |")
    print(
        f"| re-index, one file edited | {rows['reindex_edited_s'] * 1000:.0f} ms ({rows['edited_chunks_embedded']} embedded, "
        f"{rows['edit_embed_s'] * 1000:.0f} ms of it embedding) |"
    )
    print(f"| search p50 / p95 (warm, k=4, {rows['queries']} queries) | {rows['search_p50_ms']:.1f} / {rows['search_p95_ms']:.1f} ms |")
    print(f"| of which query embedding, p50 | {rows['query_embed_p50_ms']:.1f} ms |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
