"""ft+rag against rag: who scores the reader's candidates, and what a fine-tune's recall adds.

    nice -n 10 .venv/bin/python -m bench.ft_rag --persona lena --model RUN/model-Q8_0.gguf [--out /tmp/ftrag]

Indexes the persona's notes into a fresh home, then answers its questions.jsonl four ways:
  rag              the base model serves and scores (`anima eval --mode rag`)
  ft+rag (before)  the fine-tune serves and scores its own candidates (the reader before this change)
  ft+rag base      the fine-tune serves, the base model scores, no recall
  ft+rag           the fine-tune serves, the base scores, its closed-book recall is evidence (now)
and prints accuracy per kind, ms per question and the process's resident memory.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from bench.train import persona_dir


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--persona", default="lena")
    ap.add_argument("--model", required=True, type=Path, help="the fine-tuned GGUF (a cycle's model-Q8_0.gguf)")
    ap.add_argument("--out", default="/tmp/ftrag", type=Path)
    ap.add_argument("--variants", default="rag,ft+rag-before,ft+rag-base,ft+rag")
    args = ap.parse_args()

    from agent.chat import ChatEngine, open_memory
    from agent.config import Home
    from agent.evaluation import load_questions, run_eval
    from agent.reader import Reader

    persona = persona_dir(args.persona)
    home = Home(args.out / f"home-{persona.name}")
    shutil.rmtree(home.root, ignore_errors=True)
    home.ensure()
    settings = home.load_settings()
    mem = open_memory(home, settings)
    mem.index([persona / "notes"])
    questions = load_questions(persona / "questions.jsonl")
    print(f"{persona.name}: {len(questions)} questions; rss after indexing {rss_mb():.0f} MB", flush=True)

    from agent.lm import ModelPool

    pool = ModelPool(n_ctx=settings.model.n_ctx, threads=settings.model.threads)  # each GGUF loaded once
    rows = {}
    for variant in args.variants.split(","):
        engine = ChatEngine(home, settings, memory=mem, model_path=None if variant == "rag" else args.model,
                            pool=pool)
        if variant == "ft+rag-before":
            engine._scorer = engine.model  # the served fine-tune scores for itself, no recall
        elif variant == "ft+rag-base":
            engine._reader = lambda e=engine: Reader(e.scorer, relate=e._relate())  # base scores, no recall
        engine.ask("warm up: what is my name?")
        t0 = time.perf_counter()
        rep = run_eval(questions, lambda q, e=engine: e.ask(q, mode="rag"), variant)
        ms = (time.perf_counter() - t0) * 1000 / max(1, rep.n)
        rows[variant] = {"overall": rep.overall, **rep.by_kind, "ms_per_q": round(ms), "rss_mb": round(rss_mb())}
        (args.out / f"ftrag_{persona.name}_{variant.replace('+', '_')}.json").write_text(rep.model_dump_json(indent=2))
        print(f"{variant}: {rep.overall:.3f} {rep.by_kind} {ms:.0f} ms/q rss {rss_mb():.0f} MB", flush=True)
    kinds = sorted({k for r in rows.values() for k in r if k not in ("overall", "ms_per_q", "rss_mb")})
    print(f"\n| {persona.name} ({len(questions)}) | overall | " + " | ".join(kinds) + " | ms/question | RSS MB |")
    print("|---|---|" + "---|" * len(kinds) + "---|---|")
    for v, r in rows.items():
        print(f"| {v} | {r['overall']:.2f} | " + " | ".join(f"{r.get(k, 0):.2f}" for k in kinds)
              + f" | {r['ms_per_q']} | {r['rss_mb']} |")
    (args.out / f"ftrag_{persona.name}.json").write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
