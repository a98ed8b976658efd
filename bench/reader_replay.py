"""Replay the reader's decision rules on stored candidate scores (bench/reader_features.py output).

    .venv/bin/python bench/reader_replay.py /tmp/reader_features.json [-v]

Re-derives the word-level features from the stored statement text with today's code, keeps the
stored PMI, and prints per set: chosen-statement accuracy, abstain and ambiguous accuracy, so a
rule or constant is judged on every set at once without running the model again.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _fields(text: str) -> dict:
    if "; " not in text or ": " not in text:
        return {}
    return dict(f.split(": ", 1) for f in text.split("; ") if ": " in f)


def replay(rows, verbose=False):
    from agent.evaluation import Question, is_correct
    from agent.reader import Reader, combine
    from agent.reader_question import analyse
    from agent.reader_statements import StatementHit

    reader = Reader(model=None)
    res = Counter()
    tot = Counter()
    for r in rows:
        info = analyse(r["question"])
        sts = [StatementHit(id=str(i), path=c["path"], line=c["line"], end_line=c["line"], text=c["text"], source=c["text"],
                            rank=c["rank"], fields=_fields(c["text"])) for i, c in enumerate(r["cands"])]
        pmi = {c["text"]: c["pmi"] for c in r["cands"]}
        cands = reader.candidates(info, sts)
        amb = reader._ambiguity(info, cands)
        if amb:
            answer = f"Your notes mention {' and '.join(amb)}. Which one do you mean?"
        else:
            cands = reader.admissible(info, cands)
            if not cands:
                answer = "I don't know: your notes don't say."
            else:
                for c in cands:
                    c.pmi = pmi.get(c.statement.text, 0.0)
                combine(cands, info)
                answer = reader.decide(info, cands, r["question"]).answer
        q = Question(id=r["id"], kind=r["kind"], question=r["question"], answers=r["answers"])
        ok = is_correct(answer, q)
        group = r["kind"] if r["kind"] in ("abstain", "ambiguous") else "answerable"
        tot[group] += 1
        res[group] += ok
        if verbose and not ok:
            print(f"  ✗ {r['id']} [{r['kind']}] {r['question'][:60]!r} → {answer[:90]!r}")
    return {k: f"{res[k]}/{tot[k]}" for k in tot}, sum(res.values()) / max(1, sum(tot.values()))


def main():
    data = json.loads(Path(sys.argv[1]).read_text())
    verbose = "-v" in sys.argv
    for name, rows in data.items():
        parts, overall = replay(rows, verbose)
        print(f"{name}: overall {overall:.2f} {parts}")


if __name__ == "__main__":
    main()
