"""The gate's forgetting check on two models: right answers counted vs value probabilities.

    nice -n 10 .venv/bin/python -m bench.gate_general --new RUN/model-Q8_0.gguf [--old BASE.gguf] [--json OUT]

Both models answer the 60 general questions closed-book (greedy, as the gate does); then the
paired comparison of right answers (the old forgetting check) and of each model's probability
of the right value after a right answer's prefix (agent/retention.py, the check now) are printed
with their 95 % bounds of the drop against the gate's limit.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--new", type=Path, required=True, action="append", help="a model to judge (repeatable)")
    ap.add_argument("--old", type=Path, default=None, help="the current model (default: the demo base)")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    from agent.llm import bundled_chat_model
    from agent.training import general_retention, score_model
    from finetune.gate import MAX_GENERAL_DROP, paired, paired_mean

    old = args.old or bundled_chat_model()
    t0 = time.perf_counter()
    cur = score_model(old, [])
    print(f"old {old.name}: {cur['general_correct']}/{cur['general_n']} general right ({time.perf_counter() - t0:.0f} s)", flush=True)
    rows = []
    for path in args.new:
        t0 = time.perf_counter()
        new = score_model(path, [])
        t1 = time.perf_counter()
        keep = general_retention(path, old, new, cur)
        t2 = time.perf_counter()
        a = paired(new["general_right"], cur["general_right"])
        p = paired_mean(keep["new"], keep["old"])
        rows.append({"model": str(path), "right_new": new["general_correct"], "right_old": cur["general_correct"],
                     "answers": a.model_dump(), "probability": p.model_dump(),
                     "mean_p_new": round(sum(keep["new"]) / max(1, keep["n"]), 3),
                     "mean_p_old": round(sum(keep["old"]) / max(1, keep["n"]), 3),
                     "answer_s": round(t1 - t0, 1), "probability_s": round(t2 - t1, 1)})
        print(json.dumps(rows[-1]), flush=True)
    print(f"\n| model | right new/old (60) | gained / lost | answers: drop upper bound | questions scored | mean P(value) new / old | probabilities: drop upper bound | verdict at {MAX_GENERAL_DROP:.2f} |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        a, p = r["answers"], r["probability"]
        print(f"| {Path(r['model']).parent.name}/{Path(r['model']).name} | {r['right_new']}/{r['right_old']} | {a['only_new']} / {a['only_old']} "
              f"| {-a['lower']:.3f} | {p['n']} | {r['mean_p_new']:.2f} / {r['mean_p_old']:.2f} | {-p['lower']:.3f} "
              f"| {'keeps' if -p['lower'] <= MAX_GENERAL_DROP else 'forgot'} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
