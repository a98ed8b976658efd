"""Full training cycle on a persona with the demo model: time per stage, sizes, loss curves,
the gate's verdict, general knowledge before/after, and accuracy per question kind for `rag`
(base model), `ft` (closed-book, new model) and `ft+rag`.

    nice -n 10 .venv/bin/python -m bench.train [--persona lena|tomas|aiko|sam|PATH] [--out bench/out]

Personas: lena from ../shared/persona/, the others from bench/personas/ (or the personas worktree).
Prints tables and writes <out>/train-<persona>.json and <out>/train_loss-<persona>.png.
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
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # see agent/training.py: spinning threads on a shared CPU

REPO = Path(__file__).resolve().parents[1]
LENA = REPO.parent / "shared" / "persona" / "lena"
SEARCH = [REPO.parent / "shared" / "persona", REPO / "bench" / "personas", Path("/work/shared/persona"),
          Path("/work/wt/personas/bench/personas")]


def persona_dir(name: str) -> Path:
    p = Path(name)
    if p.is_dir():
        return p
    for root in SEARCH:
        if (root / name / "notes").is_dir():
            return root / name
    raise SystemExit(f"persona {name!r} not found in {', '.join(map(str, SEARCH))}")


def _mb(n: int | None) -> str:
    return f"{n / 1e6:.1f} MB" if n else "-"


def plot(work: dict, path: Path, title: str = "Lena persona") -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    curve = work["train"].get("loss_curve") or []
    held = work["train"].get("heldout_curve") or []
    fig, ax = plt.subplots(figsize=(7, 4))
    if curve:
        ax.plot([s for s, _ in curve], [l for _, l in curve], lw=1, label="train loss (answer tokens)")
    if held:
        ax.plot([s for s, _ in held], [l for _, l in held], "o-", label="held-out questions loss (second family)")
    gen = work["train"].get("general_curve") or []
    if gen:
        ax.plot([s for s, _ in gen], [l for _, l in gen], "s--", label="general loss (base's own answers)")
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    ax.set_title(f"anima LoRA on SmolLM2-135M, {title}")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-steps", type=int, default=0)
    ap.add_argument("--epochs", type=float, default=None)
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--lr", type=float, default=None)
    ap.add_argument("--llm-questions", type=int, default=0)
    ap.add_argument("--persona", default="lena")
    ap.add_argument("--max-examples", type=int, default=None)
    ap.add_argument("--value-weight", type=float, default=None, help="loss weight of the value's tokens (default: the settings')")
    ap.add_argument("--targets", default=None, help="LoRA target modules, comma-separated (default: the settings')")
    ap.add_argument("--layers", type=int, default=None, help="LoRA on the top N decoder layers (0: all; default: the settings')")
    ap.add_argument("--train-budget", type=int, default=None, help="seconds of training (and the cycle budget with it)")
    ap.add_argument("--out", default=str(REPO / "bench" / "out"))
    ap.add_argument("--skip-eval", action="store_true", help="only the cycle, no questions.jsonl scoring")
    ap.add_argument("--no-rag", action="store_true", help="skip the base model's rag pass before the cycle (the same for every arm)")
    args = ap.parse_args()

    from agent.chat import ChatEngine, open_memory
    from agent.config import Home
    from agent.evaluation import load_questions, run_eval
    from agent.training import run_cycle

    persona = persona_dir(args.persona)
    name = persona.name
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    home = Home(out / f"train-home-{name}")
    shutil.rmtree(home.root, ignore_errors=True)
    home.ensure()
    settings = home.load_settings()
    settings.notes_dirs = [str(persona / "notes")]
    if args.epochs is not None:
        settings.train.epochs = args.epochs
    if args.batch_size is not None:
        settings.train.batch_size = args.batch_size
    if args.lr is not None:
        settings.train.lr = args.lr
    if args.targets:
        settings.train.targets = args.targets.split(",")
    if args.layers is not None:
        settings.train.layers = args.layers
    if args.value_weight is not None:
        settings.train.value_weight = args.value_weight
    if args.max_examples is not None:
        settings.train.max_examples = args.max_examples
    if args.train_budget is not None:
        settings.train.train_budget_s = args.train_budget
        settings.train.cycle_budget_s = args.train_budget + 600
    load_start = os.getloadavg()
    print(f"load average at start: {load_start[0]:.2f} {load_start[1]:.2f} {load_start[2]:.2f} on {os.cpu_count()} cores", flush=True)

    t0 = time.monotonic()
    mem = open_memory(home, settings)
    report = mem.index([persona / "notes"])
    mem.close()
    t_index = time.monotonic() - t0
    print(f"indexed {report.files_seen} files, {report.chunks_total} chunks in {t_index:.1f}s", flush=True)

    questions = load_questions(persona / "questions.jsonl") if (persona / "questions.jsonl").exists() else []
    table: dict = {}
    if questions and not args.skip_eval and not args.no_rag:
        engine = ChatEngine(home, settings, model_path=None)
        rep = run_eval(questions, lambda q: engine.ask(q, mode="rag").answer, mode="rag")
        table["rag"] = {"overall": rep.overall, **rep.by_kind}
        print(f"rag (base model) before training: {rep.overall:.3f} {rep.by_kind}", flush=True)

    last = {"stage": None}

    def on_event(ev: dict) -> None:
        if ev["stage"] != last["stage"] or ev.get("message") or ev["step"] % 20 == 0:
            loss = f" loss={ev['loss']:.3f}" if ev.get("loss") is not None else ""
            eta = f" eta={ev['eta_s']:.0f}s" if ev.get("eta_s") else ""
            print(f"[{time.monotonic() - t0:7.1f}s] {ev['stage']:<8} {ev['step']}/{ev['total']}{loss}{eta} {ev.get('message', '')[:120]}", flush=True)
        last["stage"] = ev["stage"]

    t1 = time.monotonic()
    result = run_cycle(home, settings, on_event=on_event, max_steps=args.max_steps or None, llm_questions=args.llm_questions)
    cycle_s = time.monotonic() - t1
    run_dir = Path(result.run_dir)
    work = json.loads((run_dir / "work.json").read_text()) if (run_dir / "work.json").exists() else {}
    load_end = os.getloadavg()
    steps = result.train.get("steps") or 0
    per_step = (result.train.get("seconds") or 0) / max(1, steps - (result.train.get("resumed_from") or 0))
    summary = {"load_avg_start": load_start, "load_avg_end_of_cycle": load_end, "seconds_per_step": round(per_step, 2),
               "settings_train": settings.train.model_dump(), "status": result.status, "reason": result.reason, "version": result.version, "cycle_s": round(cycle_s, 1),
               "stages_s": result.stages_s, "dataset": result.dataset, "files": result.files,
               "train": {k: v for k, v in result.train.items() if k not in ("loss_curve", "heldout_curve", "general_curve")},
               "heldout": {"new": result.eval.get("new", {}).get("heldout"), "current": result.eval.get("current", {}).get("heldout"),
                           "new_by_kind": result.eval.get("new", {}).get("by_kind"),
                           "general_new": result.eval.get("new", {}).get("general_correct"),
                           "general_base": result.eval.get("current", {}).get("general_correct")}}
    if work:
        plot(work, out / f"train_loss-{name}.png", f"{name} persona")

    print("\n| stage | seconds |\n|---|---|")
    for k, v in result.stages_s.items():
        print(f"| {k} | {v:.1f} |")
    print(f"| whole cycle | {cycle_s:.1f} |")
    print(f"\ntrain: {steps} steps, {per_step:.2f} s/step; load average 1/5/15 min at start {load_start}, at end {load_end}")
    print(f"\nstatus: {result.status} ({result.reason})")
    print(f"dataset: {json.dumps(result.dataset)}")
    for fname, f in result.files.items():
        print(f"{fname}: {_mb(f.get('bytes'))}  {f.get('path')}")
    print(f"held-out closed-book: new {summary['heldout']['new']} vs base {summary['heldout']['current']}; by kind {summary['heldout']['new_by_kind']}")
    gn = result.eval.get("new", {}).get("general_n") or 0
    print(f"general questions right: new {summary['heldout']['general_new']}/{gn}, base {summary['heldout']['general_base']}/{gn}")
    summary["gate"] = result.eval.get("gate")
    print(f"gate: {json.dumps(result.eval.get('gate', {}), default=str)[:600]}")

    model = Path(result.files.get("model", {}).get("path", "")) if result.files.get("model") else None
    if not args.skip_eval and model and model.exists() and questions:
        engine = ChatEngine(home, settings, model_path=model)
        for mode, engine_mode in (("ft", "base"), ("ft+rag", "rag")):
            rep = run_eval(questions, lambda q: engine.ask(q, mode=engine_mode).answer, mode=mode)
            table[mode] = {"overall": rep.overall, **rep.by_kind}
            (out / f"train_eval_{name}_{mode.replace('+', '_')}.json").write_text(rep.model_dump_json(indent=2))
        kinds = sorted({k for row in table.values() for k in row if k != "overall"})
        print("\n| mode | overall | " + " | ".join(kinds) + " |\n|---|---|" + "---|" * len(kinds))
        for mode, row in table.items():
            print(f"| {mode} | {row['overall']:.2f} | " + " | ".join(f"{row.get(k, 0):.2f}" for k in kinds) + " |")
        summary["questions"] = table
        summary["load_avg_end"] = os.getloadavg()
        print(f"load average at the end: {summary['load_avg_end']}")
    (out / f"train-{name}.json").write_text(json.dumps(summary, indent=2, default=str))
    return 0 if result.status in ("promoted", "rejected") else 1


if __name__ == "__main__":
    sys.exit(main())
