"""What mending mistyped words costs a question, and what it changes (agent/typos.py).

    .venv/bin/python bench/typos.py [--notes DIR] [--questions FILE] [--rounds 5]

Indexes the notes into a temporary home, then mends every question of the questions file (its
words checked against the bundled embedder's vocabulary and the notes' keyword index), as the chat
engine does before it searches. Prints the time a question takes, p50 and p95, and the questions
it changed.
"""
from __future__ import annotations

import argparse
import json
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
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    from agent.chat import open_memory
    from agent.config import Home
    from agent.reader_question import spell_out
    from agent.typos import bundled_vocabulary, english_words, mend

    questions = [spell_out(json.loads(line)["question"]) for line in args.questions.read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        home = Home(Path(tmp)).ensure()
        settings = home.load_settings()
        settings.notes_dirs = [str(args.notes)]
        memory = open_memory(home, settings)
        memory.index([args.notes])
        t = time.perf_counter()
        words = english_words(bundled_vocabulary())
        load_ms = (time.perf_counter() - t) * 1000
        times, changed = [], {}
        for _ in range(args.rounds):
            for q in questions:
                t = time.perf_counter()
                out = mend(q, memory.lines_holding, words)
                times.append((time.perf_counter() - t) * 1000)
                if out != q:
                    changed[q] = out
        memory.close()
    print(f"| measure | p50 | p95 | n |\n|---|---|---|---|\n| mend a question (ms) | {pct(times, 50):.2f} | {pct(times, 95):.2f} | {len(times)} |")
    print(f"\nVocabulary loaded once: {len(words)} words in {load_ms:.0f} ms. Questions changed: {len(changed)} of {len(questions)}.")
    for q, out in changed.items():
        print(f"- {q!r} -> {out!r}")


if __name__ == "__main__":
    main()
