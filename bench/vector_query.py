"""Time the statement vector query with and without memory/store.py's QUERY_FLOOR.

    .venv/bin/python -m bench.vector_query --home H --notes N   (H: a home whose index is built)

Prints p50/p90 milliseconds of `statement_store.query(vector, 36)` for five questions, 20 rounds
each, at QUERY_FLOOR 0 (chromadb's own k) and at the shipped floor.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

QUESTIONS = ["How long must the beans soak?", "What is Gogo's cell number?", "When is the rent due?",
             "Who is Ruan?", "What is the alarm code?"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", required=True)
    ap.add_argument("--notes", required=True)
    args = ap.parse_args()
    import memory.store as store
    from agent.chat import open_memory
    from agent.config import Home

    home = Home(Path(args.home)).ensure()
    settings = home.load_settings()
    settings.notes_dirs = [args.notes]
    mem = open_memory(home, settings)
    vectors = [mem._query_vector(q) for q in QUESTIONS]
    shipped = store.QUERY_FLOOR
    print(f"statements: {mem.statement_store._collection.count()}")
    print("| QUERY_FLOOR | p50 ms | p90 ms |\n|---|---|---|")
    for floor in (0, shipped):
        store.QUERY_FLOOR = floor
        times = []
        for _ in range(20):
            for v in vectors:
                t = time.perf_counter()
                mem.statement_store.query(v, 36)
                times.append((time.perf_counter() - t) * 1000)
        times.sort()
        print(f"| {floor} | {statistics.median(times):.2f} | {times[int(len(times) * 0.9)]:.2f} |")
    store.QUERY_FLOOR = shipped


if __name__ == "__main__":
    main()
