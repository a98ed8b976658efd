"""`anima eval QUESTIONS.jsonl`: score the assistant against a questions file."""
from __future__ import annotations

from pathlib import Path

from agent.cli import UserError, emit_json
from agent.evaluation import load_questions, run_eval

MODES = ("base", "rag", "ft", "ft+rag")


def register(sub) -> None:
    p = sub.add_parser("eval", help="score answers against a questions file")
    p.add_argument("questions", type=Path)
    p.add_argument("--mode", choices=MODES, default="rag",
                   help="base/rag: the base model without/with retrieval; ft/ft+rag: the promoted fine-tuned model")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args) -> int:
    from agent.chat import ChatEngine, base_model_path

    home = args.home_obj.ensure()
    settings = home.load_settings()
    if not args.questions.is_file():
        raise UserError(f"questions file not found: {args.questions}")
    try:
        questions = load_questions(args.questions)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if args.mode.startswith("ft"):
        from agent.registry import Registry

        current = Registry(home).current()
        if current is None:
            raise UserError("no fine-tuned model yet: run `anima train` first")
        model_path = current.path
    else:
        model_path = base_model_path(settings, home)
    engine = ChatEngine(home, settings, model_path=model_path)
    chat_mode = "rag" if args.mode in ("rag", "ft+rag") else "base"
    report = run_eval(questions, lambda q: engine.ask(q, mode=chat_mode), args.mode)
    if args.json:
        emit_json(report)
    else:
        print(f"mode {report.mode}: {report.overall:.0%} of {report.n}")
        for kind, acc in report.by_kind.items():
            print(f"  {kind:<12} {acc:.0%}")
        if report.citation is not None:
            print(f"  cited line holds the answer: {report.citation:.0%} of {report.n_cited}")
        for it in report.items:
            if not it.correct:
                print(f"  ✗ {it.id} {it.question!r} → {it.answer!r}")
    return 0
