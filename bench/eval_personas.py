"""`anima eval --mode rag` over every evaluation set: Lena and each persona under bench/personas/.

    .venv/bin/python bench/eval_personas.py [--model GGUF] [--only lena,tomas] [--json OUT]

One table per set: overall, per kind, the share of answers whose cited line really holds an
acceptable answer, and p50 latency. Each set is indexed into its own temporary home; the model
is loaded once.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
LENA = REPO.parent / "shared" / "persona" / "lena"
if not LENA.exists():
    LENA = Path("/work/shared/persona/lena")
PERSONA_DIRS = [REPO / "bench" / "personas", Path(os.environ.get("ANIMA_PERSONAS", "/work/wt/personas/bench/personas"))]


HOLDOUT = REPO / "bench" / "personas_holdout"


def discover_sets(holdout: bool = False, root: Path | None = None) -> list[tuple[str, Path, Path]]:
    """(name, notes dir, questions file) for Lena and every persona folder with questions; with
    `holdout`, the held-out personas instead (measured once, never used to choose anything); with
    `root`, the personas under that folder."""
    sets: list[tuple[str, Path, Path]] = []
    if not holdout and root is None and (LENA / "questions.jsonl").exists():
        sets.append(("lena", LENA / "notes", LENA / "questions.jsonl"))
    seen = {"lena"}
    for root in [root] if root is not None else [HOLDOUT] if holdout else PERSONA_DIRS:
        if not root.is_dir():
            continue
        for d in sorted(root.iterdir()):
            if d.name in seen or not (d / "questions.jsonl").exists() or not (d / "notes").is_dir():
                continue
            seen.add(d.name)
            sets.append((d.name, d / "notes", d / "questions.jsonl"))
    return sets


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=None, help="GGUF to read with (default: the configured default reader)")
    ap.add_argument("--only", default="", help="comma-separated set names")
    ap.add_argument("--json", type=Path, default=None, help="write every item here")
    ap.add_argument("--failures", action="store_true", help="print the wrong answers")
    ap.add_argument("--holdout", action="store_true", help="the held-out personas (bench/personas_holdout/)")
    ap.add_argument("--root", type=Path, default=None, help="the personas under this folder instead")
    ap.add_argument("--cache", type=Path, default=None,
                    help="keep the model's statement scores in this file between runs (scores depend only on the texts)")
    ap.add_argument("--homes", type=Path, default=None,
                    help="keep each set's index in DIR/<set> between runs (files indexed there from any other folder, such as "
                         "another checkout of the sets, are forgotten first; a bumped memory.statements.STATEMENTS_VERSION re-reads every file)")
    args = ap.parse_args()

    from agent.chat import ChatEngine, base_model_path, open_memory
    from agent.config import Home
    from agent.evaluation import load_questions, run_eval
    from agent.lm import LlamaModel

    model = None
    out: dict = {}
    for name, notes, qfile in discover_sets(args.holdout, args.root):
        if args.only and name not in args.only.split(","):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            home = Home(args.homes / name if args.homes else Path(tmp)).ensure()
            settings = home.load_settings()
            settings.notes_dirs = [str(notes)]
            memory = open_memory(home, settings)
            memory.forget_outside([notes])  # a kept home indexed from another checkout holds that copy too
            memory.index([notes])
            if model is None:
                path = args.model or base_model_path(settings)
                model = LlamaModel(path, n_ctx=settings.model.n_ctx, threads=settings.model.threads)
                if args.cache:
                    model = ScoreCache(model, args.cache)
            engine = ChatEngine(home, settings, memory=memory, model=model)
            latencies: list[float] = []

            def answer(question: str):
                a = engine.ask(question, mode="rag")
                latencies.append(a.timings_ms["total"])
                return a

            t0 = time.perf_counter()
            report = run_eval(load_questions(qfile), answer, "rag")
            wall = time.perf_counter() - t0
            memory.close()
        p50 = statistics.median(latencies) if latencies else 0.0
        print(f"\n### {name} ({report.n} questions, model {model.name}, {wall:.0f} s)\n")
        print("| measure | value |")
        print("|---|---|")
        print(f"| overall | {report.overall:.2f} |")
        for kind, acc in report.by_kind.items():
            n = sum(1 for it in report.items if it.kind == kind)
            print(f"| {kind} ({n}) | {acc:.2f} |")
        cited = "n/a" if report.citation is None else f"{report.citation:.2f}"
        print(f"| cited line holds the answer | {cited} |")
        print(f"| p50 answer time (ms) | {p50:.0f} |")
        if args.failures:
            for it in report.items:
                if not it.correct:
                    print(f"  ✗ {it.id} [{it.kind}] {it.question!r} → {it.answer!r}")
        out[name] = report.model_dump()
        out[name]["p50_ms"] = p50
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, default=str))
    if isinstance(model, ScoreCache):
        model.save()


class ScoreCache:
    """A text model whose log-probabilities are remembered on disk: replaying a set after a rule
    change then costs only the pairs the model has not scored yet. For measuring only."""

    def __init__(self, model, path: Path):
        self._model, self._path = model, path
        self._seen: dict[str, list[float]] = json.loads(path.read_text()) if path.exists() else {}

    def __getattr__(self, name):
        return getattr(self._model, name)

    def logprobs_batch(self, pairs):
        keys = [f"{self._model.name}\x00{c}\x00{x}" for c, x in pairs]
        todo = [(k, p) for k, p in zip(keys, pairs) if k not in self._seen]
        if todo:
            for (k, _), lp in zip(todo, self._model.logprobs_batch([p for _, p in todo])):
                self._seen[k] = lp
        return [self._seen[k] for k in keys]

    def logprobs(self, context, continuation):
        return self.logprobs_batch([(context, continuation)])[0]

    def save(self) -> None:
        # Runs of several sets may share one file: keep what another run saved meanwhile, and
        # replace the file whole so that no run ever reads half of it.
        on_disk = json.loads(self._path.read_text()) if self._path.exists() else {}
        tmp = self._path.with_name(f".{self._path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(on_disk | self._seen))
        os.replace(tmp, self._path)


if __name__ == "__main__":
    main()
