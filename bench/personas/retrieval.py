"""Retrieval recall on the persona sets: is an answer inside the chunks memory returns?

    python bench/personas/retrieval.py [set ...] [--k 4]

Indexes each set's notes/ into a temporary memory (the real embedder and chromadb, local files
only) and, for every answerable question, searches with the question and counts it found when
one of its answers occurs in the top-k chunks (ambiguous: at least two candidates). This is an
upper bound for reading: a reader cannot cite a line retrieval never showed it. Abstain
questions are not counted. Prints recall per kind and the questions that were missed.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from memory.index import Memory

HERE = Path(__file__).resolve().parent


def norm(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def found(q: dict, texts: list[str]) -> bool:
    blob = norm(" ".join(texts))
    hits = [a for a in q["answers"] if norm(a) in blob]
    return len(hits) >= 2 if q["kind"] == "ambiguous" else bool(hits)


def run_set(folder: Path, k: int) -> None:
    questions = [json.loads(line) for line in (folder / "questions.jsonl").read_text().splitlines()]
    by_kind: dict[str, list[bool]] = defaultdict(list)
    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        mem = Memory(Path(tmp))
        t0 = time.perf_counter()
        mem.index([folder / "notes"])
        took = time.perf_counter() - t0
        for q in questions:
            if q["kind"] == "abstain":
                continue
            ok = found(q, [h.text for h in mem.search(q["question"], k=k)])
            by_kind[q["kind"]].append(ok)
            if not ok:
                missed.append(f'{q["id"]} {q["kind"]}: {q["question"]}')
        mem.close()
    allv = [v for vs in by_kind.values() for v in vs]
    kinds = " ".join(f"{kind}={sum(v)}/{len(v)}" for kind, v in sorted(by_kind.items()))
    print(f"{folder.name}: recall@{k} {sum(allv)}/{len(allv)} = {sum(allv) / len(allv):.2f}  ({kinds}; indexed in {took:.0f}s)")
    for line in missed:
        print("   missed", line)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--k", type=int, default=4)
    args = ap.parse_args()
    sets = [HERE / s for s in args.sets] or sorted(p for p in HERE.iterdir() if (p / "questions.jsonl").is_file())
    for folder in sets:
        run_set(folder, args.k)


if __name__ == "__main__":
    main()
