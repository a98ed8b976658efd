"""Warm retrieval latency, time to first token, total answer time and peak RSS of `anima ask`.

    .venv/bin/python bench/ask.py [--notes DIR] [--n 40] [--threads 2]

Indexes the notes into a temporary home, then runs every question of the Lena questions file
(retrieval only for the latency percentiles, then full answers). The reader's model work is one
batched scoring pass; as a yardstick, the same run times raw llama-cpp-python evaluating the
same scoring text as one plain prompt (create_completion, one token), question by question.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
LENA = REPO.parent / "shared" / "persona" / "lena"

from bench.stats import pct  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", type=Path, default=LENA / "notes")
    ap.add_argument("--questions", type=Path, default=LENA / "questions.jsonl")
    ap.add_argument("--n", type=int, default=40, help="questions answered by the model")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    from agent.chat import ChatEngine, open_memory
    from agent.config import Home

    questions = [json.loads(l)["question"] for l in args.questions.read_text().splitlines() if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        home = Home(Path(tmp)).ensure()
        settings = home.load_settings()
        settings.notes_dirs = [str(args.notes)]
        settings.model.threads = args.threads
        memory = open_memory(home, settings)
        memory.index([args.notes])
        engine = ChatEngine(home, settings, memory=memory)
        memory.search("warm up", k=settings.memory.k)
        retrieve = []
        for _ in range(5):
            for q in questions:
                t = time.perf_counter()
                memory.search(q, k=settings.memory.k)
                retrieve.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        engine.model  # noqa: B018 - load once, outside the per-question timings
        load_ms = (time.perf_counter() - t) * 1000
        from agent.reader import NO_PASSAGE, PASSAGE, Reader
        from agent.reader_question import analyse
        from agent.reader_statements import search_statements

        first, total, raw = [], [], []
        reader = Reader(engine.model)
        llama = engine.model.llama
        for q in questions[: args.n]:
            a = engine.ask(q)
            # The prompt the reader scored for this question, evaluated by plain llama-cpp-python.
            info = analyse(q)
            cands = reader.candidates(info, search_statements(memory, q, chunk_k=settings.memory.k))
            text = "\n".join(PASSAGE.format(s=c.statement.text) + " " + q for c in cands) + "\n" + NO_PASSAGE + " " + q
            llama.reset()
            t = time.perf_counter()
            llama.create_completion(text, max_tokens=1, temperature=0)
            raw_ms = (time.perf_counter() - t) * 1000
            if a.kind == "answered":  # a refusal before any model work would flatter the numbers
                first.append(a.timings_ms["first_token"])
                total.append(a.timings_ms["total"])
                raw.append(raw_ms)
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        memory.close()

    print("| measure | p50 | p95 | n |")
    print("|---|---|---|---|")
    print(f"| warm retrieval (ms) | {statistics.median(retrieve):.1f} | {pct(retrieve, 95):.1f} | {len(retrieve)} |")
    print(f"| time to first token (ms) | {statistics.median(first):.0f} | {pct(first, 95):.0f} | {len(first)} |")
    print(f"| total answer time (ms) | {statistics.median(total):.0f} | {pct(total, 95):.0f} | {len(total)} |")
    print(f"| raw llama-cpp-python, same scoring text (ms) | {statistics.median(raw):.0f} | {pct(raw, 95):.0f} | {len(raw)} |")
    print(f"\nfirst token / raw llama-cpp-python (p50): {statistics.median(first) / statistics.median(raw):.2f}")
    print(f"\nmodel load: {load_ms:.0f} ms; peak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
