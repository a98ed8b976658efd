"""Does the training data cover the evaluation's questions? No training, no model: for each question
of a persona's questions.jsonl, the facts whose value holds an expected answer, how many facts share
that statement, and how many training examples show the answer (forward / reverse / other).

    .venv/bin/python -m bench.train_coverage --persona lena [--run RUN_DIR] [--ft EVAL.json] [--cache DIR]

--run: read facts.jsonl / dataset.jsonl of a finished cycle; without it the dataset is built now
from the notes with today's code (indexed once into --cache, no replay, no local-model phrasings).
--ft: an `anima eval --mode ft --json` report (or bench.train's train_eval_*_ft.json) to show the
closed-book answer beside each row. Measuring only: nothing here feeds training.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from bench.train import persona_dir  # noqa: E402

STOP = set("a an the is are was were do does did i my me you your what who when where which how of to in on at for "
           "with and or it its this that am be have has".split())


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", s.lower()).split())


def _holds(text: str, answers: list[str]) -> bool:
    t = _norm(text).replace(" ", "")
    return any(_norm(a).replace(" ", "") in t for a in answers if _norm(a))


def _words(s: str) -> set[str]:
    return {w for w in _norm(s).split() if w not in STOP}


def build_now(persona: Path, cache: Path, max_examples: int):
    """facts and examples from the notes with this tree's code (the cycle's dataset stage minus replay)."""
    from agent.chat import open_memory
    from agent.config import Home
    from agent.training import _prompts
    from finetune import dataset as ds
    from finetune.facts import extract_facts
    from finetune.units import load_units

    home = Home(cache / f"cov-home-{persona.name}")
    fresh = not home.root.exists()
    home.ensure()
    settings = home.load_settings()
    settings.notes_dirs = [str(persona / "notes")]
    mem = open_memory(home, settings)
    try:
        if fresh:
            mem.index([persona / "notes"])
        units = load_units(mem)
    finally:
        mem.close()
    facts = extract_facts(units)
    build = ds.build_dataset(units, _prompts(), facts=facts, replay=[], seed=0, max_examples=max_examples)
    return [f.model_dump() for f in facts], [e.model_dump() for e in build.examples], build.counts


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--persona", default="lena")
    ap.add_argument("--run", default=None)
    ap.add_argument("--ft", default=None)
    ap.add_argument("--cache", default="/tmp/train_coverage")
    ap.add_argument("--max-examples", type=int, default=1600)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    persona = persona_dir(args.persona)
    questions = [json.loads(l) for l in (persona / "questions.jsonl").read_text().splitlines() if l.strip()]
    if args.run:
        run = Path(args.run)
        facts = [json.loads(l) for l in (run / "facts.jsonl").read_text().splitlines() if l.strip()]
        examples = [json.loads(l) for l in (run / "dataset.jsonl").read_text().splitlines() if l.strip()]
        counts = json.loads((run / "dataset.meta.json").read_text())["counts"]
    else:
        facts, examples, counts = build_now(persona, Path(args.cache), args.max_examples)
    ft = {}
    if args.ft:
        rep = json.loads(Path(args.ft).read_text())
        ft = {it["id"]: it for it in rep.get("items", [])}

    # how many facts one closed-book answer carries (their one-fact sentence where they have one)
    per_statement = Counter(f.get("short") or f["statement"] for f in facts)
    by_fact: dict[str, Counter] = defaultdict(Counter)
    completions = []
    for e in examples:
        msgs = e.get("messages") or []
        comp = msgs[-1]["content"] if msgs else (e.get("completion") or "")
        q = msgs[-2]["content"] if len(msgs) >= 2 else ""
        completions.append((e["kind"], q, comp))
        by_fact[e.get("fact_id", "")][e["kind"]] += 1

    print(f"{persona.name}: {len(facts)} facts, {len(examples)} examples {counts}")
    rows = []
    for q in questions:
        if q["kind"] in ("abstain",):
            continue
        ans = q["answers"]
        own = [f for f in facts if _holds(f.get("answer") or "", ans) or _holds(f["value"], ans)]
        in_stmt = [f for f in facts if _holds(f["statement"], ans)]
        ex = Counter(k for k, _, c in completions if k in ("forward", "reverse") and _holds(c, ans))
        # the training question nearest the evaluation question, among examples that show the answer
        qw = _words(q["question"])
        near = max(((len(qw & _words(tq)) / max(1, len(qw | _words(tq))), tq) for k, tq, c in completions
                    if k in ("forward", "reverse") and _holds(c, ans)), default=(0.0, ""))
        if own:
            status = "value"
        elif in_stmt:
            status = "in-statement"
        else:
            status = "missing"
        share = min((per_statement[f.get("short") or f["statement"]] for f in (own or in_stmt)), default=0)
        got = ft.get(q["id"])
        rows.append(dict(id=q["id"], kind=q["kind"], status=status, share=share, fwd=ex["forward"], rev=ex["reverse"],
                         near=round(near[0], 2), near_q=near[1], ft=(got or {}).get("correct"),
                         ft_answer=(got or {}).get("answer", ""), question=q["question"],
                         stmt=((own or in_stmt)[0].get("short") or (own or in_stmt)[0]["statement"]) if (own or in_stmt) else ""))
    print(f"\n{'id':<5} {'kind':<10} {'status':<12} {'share':>5} {'fwd':>4} {'rev':>4} {'near':>5} {'ft':<5} question -> nearest training question | statement")
    for r in rows:
        print(f"{r['id']:<5} {r['kind']:<10} {r['status']:<12} {r['share']:>5} {r['fwd']:>4} {r['rev']:>4} {r['near']:>5} "
              f"{str(r['ft']):<5} {r['question']} -> {r['near_q']} | {r['stmt'][:90]}")
        if args.verbose and r["ft_answer"]:
            print(f"{'':>40}ft: {r['ft_answer'][:120]}")
    print("\nper kind: n, covered as a value, only inside a statement, missing, answered by a one-fact sentence, "
          "a training question with the same content words, median examples showing the answer, ft right")
    kinds = sorted({r["kind"] for r in rows})
    for k in kinds + ["all"]:
        rs = [r for r in rows if k == "all" or r["kind"] == k]
        exs = sorted(r["fwd"] + r["rev"] for r in rs)
        ftr = [r["ft"] for r in rs if r["ft"] is not None]
        print(f"  {k:<10} {len(rs):>3}  value {sum(r['status'] == 'value' for r in rs):>3}  statement {sum(r['status'] == 'in-statement' for r in rs):>3}"
              f"  missing {sum(r['status'] == 'missing' for r in rs):>3}  one-fact answer {sum(r['share'] == 1 for r in rs):>3}"
              f"  same words trained {sum(r['near'] >= 1.0 for r in rs):>3}"
              f"  examples(median) {exs[len(exs) // 2] if exs else 0:>3}"
              f"  ft {sum(ftr)}/{len(ftr)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
