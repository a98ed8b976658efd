"""Check the evaluation personas: well-formed questions, unique ids, answers present in the notes.

    python bench/personas/check.py            # every set under bench/personas/
    python bench/personas/check.py tomas sam  # some sets
    python bench/personas/check.py --root bench/personas_holdout   # every set under another folder

Rules (exit status 1 when one breaks):
- every line of questions.jsonl is {"id", "kind", "question", "answers"} with a known kind;
- ids are unique within a set and across all sets checked;
- fact/paraphrase/reverse/multi/update: the FIRST answer occurs literally in the notes
  (case-insensitive, white space collapsed); the other answers are accepted variants
  ("12 June" / "June 12") and are listed when they do not occur, for a person to read;
- ambiguous: at least two candidates, and EVERY candidate occurs in the notes;
- abstain: answers are exactly the shared refusal phrases;
- an answer shorter than 3 characters is an error (it would match almost any reply);
- each set has at least 30 questions; the totals over all sets checked are reported against
  the targets of issue 9 (160 questions, 24 abstain, 12 ambiguous, 30 reverse).
With --root DIR the sets are the folders under DIR (held-out sets kept apart from the ones people
tune on); their ids must also differ from every id under bench/personas/, and the collection
targets are not applied.
Nothing here reaches the network.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"fact", "paraphrase", "reverse", "multi", "update", "abstain", "ambiguous"}
REFUSALS = ["don't know", "do not know", "not in your notes", "no information", "not sure",
            "can't find", "cannot find"]
TARGETS = {"questions": 160, "abstain": 24, "ambiguous": 12, "reverse": 30}
MIN_PER_SET = 30


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def notes_text(folder: Path) -> str:
    parts = [p.read_text(encoding="utf-8", errors="replace")
             for p in sorted(folder.rglob("*")) if p.is_file()]
    return norm("\n".join(parts))


def check_set(folder: Path, seen_ids: set[str]) -> tuple[list[str], list[str], Counter]:
    errors: list[str] = []
    notes: list[str] = []
    kinds: Counter = Counter()
    text = notes_text(folder / "notes")
    name = folder.name
    if not (folder / "README.md").is_file():
        errors.append(f"{name}: README.md missing")
    lines = (folder / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        where = f"{name}/questions.jsonl:{n}"
        try:
            q = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: not JSON ({exc})")
            continue
        if set(q) != {"id", "kind", "question", "answers"}:
            errors.append(f"{where}: keys {sorted(q)}")
            continue
        qid, kind, answers = q["id"], q["kind"], q["answers"]
        if qid in seen_ids:
            errors.append(f"{where}: duplicate id {qid}")
        seen_ids.add(qid)
        if kind not in KINDS:
            errors.append(f"{where}: unknown kind {kind!r}")
        kinds[kind] += 1
        if not q["question"].strip() or not answers or not all(isinstance(a, str) for a in answers):
            errors.append(f"{where}: empty question or answers")
            continue
        if kind == "abstain":
            if answers != REFUSALS:
                errors.append(f"{where}: abstain answers must be the shared refusal phrases")
            continue
        for a in answers:
            if len(a.strip()) < 3:
                errors.append(f"{where}: answer {a!r} is too short to score")
        found = [norm(a) in text for a in answers]
        if kind == "ambiguous":
            if len(answers) < 2:
                errors.append(f"{where}: ambiguous needs at least two candidates")
            for a, ok in zip(answers, found):
                if not ok:
                    errors.append(f"{where}: candidate {a!r} not in the notes")
        else:
            if not found[0]:
                errors.append(f"{where}: first answer {answers[0]!r} not in the notes")
            for a, ok in zip(answers[1:], found[1:]):
                if not ok:
                    notes.append(f"{where}: variant {a!r} not literally in the notes")
    if len(lines) < MIN_PER_SET:
        errors.append(f"{name}: {len(lines)} questions, fewer than {MIN_PER_SET}")
    return errors, notes, kinds


def folder_stats(folder: Path) -> tuple[int, int]:
    files = [p for p in (folder / "notes").rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def sets_under(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "questions.jsonl").is_file())


def ids_of(folders: list[Path]) -> set[str]:
    ids: set[str] = set()
    for folder in folders:
        for line in (folder / "questions.jsonl").read_text(encoding="utf-8").splitlines():
            try:
                ids.add(json.loads(line)["id"])
            except (json.JSONDecodeError, KeyError, TypeError):
                pass  # reported when that set itself is checked
    return ids


def main(argv: list[str]) -> int:
    root = HERE
    if argv[:1] == ["--root"]:
        if len(argv) < 2:
            print("usage: check.py [--root DIR] [set ...]")
            return 2
        root, argv = Path(argv[1]).resolve(), argv[2:]
    sets = [root / a for a in argv] if argv else sets_under(root)
    # Ids are unique across every set, so a held-out folder may not reuse an id of the main sets.
    seen: set[str] = ids_of(sets_under(HERE)) if root != HERE else set()
    total: Counter = Counter()
    all_errors: list[str] = []
    order = ["fact", "paraphrase", "reverse", "multi", "update", "ambiguous", "abstain"]
    print(f"{'set':10} {'files':>5} {'bytes':>9} {'n':>4} " + " ".join(f"{k[:6]:>6}" for k in order))
    for folder in sets:
        errors, notes, kinds = check_set(folder, seen)
        nfiles, nbytes = folder_stats(folder)
        n = sum(kinds.values())
        print(f"{folder.name:10} {nfiles:5} {nbytes:9} {n:4} " + " ".join(f"{kinds[k]:6}" for k in order))
        for line in notes:
            print("  note:", line)
        all_errors += errors
        total += kinds
    n = sum(total.values())
    print(f"{'total':10} {'':5} {'':9} {n:4} " + " ".join(f"{total[k]:6}" for k in order))
    if not argv and root == HERE:  # targets hold for the whole collection only
        got = {"questions": n, "abstain": total["abstain"], "ambiguous": total["ambiguous"],
               "reverse": total["reverse"]}
        for key, want in TARGETS.items():
            if got[key] < want:
                all_errors.append(f"total {key}: {got[key]} < {want}")
    for e in all_errors:
        print("ERROR:", e)
    print("OK" if not all_errors else f"{len(all_errors)} error(s)")
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
