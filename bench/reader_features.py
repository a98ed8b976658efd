"""Dump what the reader sees for every question of every evaluation set, for choosing its rules.

    .venv/bin/python bench/reader_features.py [--model GGUF] [--chunks 4] [--out /tmp/features.json]

For each question: the candidates (pre-rank features, PMI from the model) and, for measuring
only, whether each candidate's source line holds an acceptable answer. Constants are then
chosen on all sets together (never on one), see bench/RESULTS.md.
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

from bench.eval_personas import discover_sets


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--chunks", type=int, default=4)
    ap.add_argument("--out", type=Path, default=Path("/tmp/reader_features.json"))
    ap.add_argument("--only", default="")
    ap.add_argument("--n", type=int, default=12, help="candidates scored per question")
    args = ap.parse_args()

    from agent.chat import open_memory
    from agent.config import Home
    from agent.evaluation import _norm, load_questions
    from agent.llm import bundled_chat_model
    from agent.lm import LlamaModel
    from agent.reader import Reader
    from agent.reader_question import analyse
    from agent.reader_statements import search_statements

    model = LlamaModel(args.model or bundled_chat_model(), threads=2)
    reader = Reader(model, n_candidates=args.n)
    dump = {}
    for name, notes, qfile in discover_sets():
        if args.only and name not in args.only.split(","):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            home = Home(Path(tmp)).ensure()
            settings = home.load_settings()
            memory = open_memory(home, settings)
            memory.index([notes])
            rows = []
            t0 = time.perf_counter()
            for q in load_questions(qfile):
                info = analyse(q.question)
                sts = search_statements(memory, q.question, chunk_k=args.chunks)
                cands = reader.candidates(info, sts)
                reader.score(info, cands)
                rows.append({
                    "id": q.id, "kind": q.kind, "question": q.question, "answers": q.answers, "want": info.want,
                    "terms": sorted(info.terms),
                    "cands": [{
                        "text": c.statement.text, "path": c.statement.path, "line": c.statement.line, "rank": c.statement.rank,
                        "cover": c.cover, "typed": c.typed, "prerank": c.prerank, "pmi": c.pmi,
                        "hit": any(_norm(a) in _norm(c.statement.text) for a in q.answers),
                    } for c in cands],
                })
            memory.close()
            print(f"{name}: {len(rows)} questions, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
            dump[name] = rows
            args.out.write_text(json.dumps(dump, indent=1))
    args.out.write_text(json.dumps(dump, indent=1))


if __name__ == "__main__":
    main()
