"""`anima train`: run one learning cycle now (dataset -> LoRA -> GGUF -> eval -> promote)."""
from __future__ import annotations

import sys
import time

from agent.cli import UserError, emit_json


def register(sub) -> None:
    p = sub.add_parser("train", help="learn your notes into the model now (one training cycle)")
    p.add_argument("--max-steps", type=int, default=None, help="cap the training steps (default: from [train] epochs)")
    p.add_argument("--llm-questions", type=int, default=0,
                   help="facts to get extra phrasings for from the local model (0: templates only)")
    p.add_argument("--json", action="store_true", help="print one JSON object (the cycle result)")
    p.set_defaults(func=run)


class _Bar:
    """One self-rewriting status line on a terminal; plain lines per stage otherwise."""

    def __init__(self, tty: bool):
        self.tty = tty
        self.stage = None

    def __call__(self, ev: dict) -> None:
        stage, step, total = ev.get("stage"), ev.get("step") or 0, ev.get("total") or 0
        if self.tty:
            width = 28
            filled = int(width * step / total) if total else 0
            bar = "#" * filled + "." * (width - filled)
            loss = f" loss {ev['loss']:.3f}" if ev.get("loss") is not None else ""
            eta = f" eta {_fmt(ev['eta_s'])}" if ev.get("eta_s") else ""
            msg = ev.get("message") or ""
            line = f"{stage:<8} [{bar}] {step}/{total}{loss}{eta} {msg}"[:110]
            sys.stderr.write("\r\033[K" + line)
            if stage in ("done", "failed"):
                sys.stderr.write("\n")
            sys.stderr.flush()
        elif ev.get("message") and (stage != "train" or "held-out" in ev["message"] or stage != self.stage):
            print(f"anima: [{stage}] {ev['message']}", file=sys.stderr)
        self.stage = stage


def _fmt(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def run(args) -> int:
    from agent.training import TrainingBusy, run_cycle

    home = args.home_obj.ensure()
    settings = home.load_settings()
    bar = None if args.json else _Bar(sys.stderr.isatty())
    t0 = time.monotonic()
    try:
        result = run_cycle(home, settings, on_event=bar, max_steps=args.max_steps, llm_questions=args.llm_questions)
    except TrainingBusy as exc:
        raise UserError(str(exc)) from None
    if args.json:
        emit_json(result)
    else:
        took = _fmt(time.monotonic() - t0)
        if result.status == "promoted":
            print(f"Promoted {result.version} ({result.reason}) in {took}.")
        elif result.status == "no_facts":
            print(f"Nothing to learn: {result.reason}.")
        elif result.status == "rejected":
            print(f"Trained, not promoted: {result.reason} ({took}). The current model is unchanged.")
        else:
            print(f"Training failed: {result.reason}", file=sys.stderr)
    return 0 if result.status in ("promoted", "rejected", "no_facts") else 1
