"""`anima ask "question"`: a grounded answer with its sources, streamed to the terminal."""
from __future__ import annotations

import json
import sys

from agent.assistant import AssistantError, Turn, open_assistant
from agent.cli import UserError, emit_json


def register(sub) -> None:
    p = sub.add_parser("ask", help="ask a question about your notes")
    p.add_argument("question")
    p.add_argument("--mode", choices=["rag", "base"], default="rag", help="rag: grounded in your notes (default); base: the model alone")
    p.add_argument("--local", action="store_true", help="answer in this process even when the daemon runs")
    p.add_argument("--after", metavar="JSON", default=None,
                   help='earlier turns of the conversation, oldest first: [{"question": "...", "answer": "..."}]')
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args) -> int:
    history = _history(args.after)
    stream = None if args.json else _print_token
    # The model alone (--mode base) is answered here: the daemon serves grounded answers.
    assistant = open_assistant(args.home_obj, local=args.local or args.mode != "rag")
    try:
        answer = assistant.ask(args.question, mode=args.mode, on_token=stream, history=history)
    except AssistantError as exc:
        raise UserError(str(exc)) from None
    finally:
        assistant.close()
    if args.json:
        emit_json(answer)
        return 0
    sys.stdout.write("\n")
    citation = getattr(answer, "citation", None)
    if citation is not None:
        # The one line the answer was copied from, not every chunk that was retrieved.
        print(f"\nSource: {citation.path}:{citation.line}" + (f"-{citation.end_line}" if citation.end_line > citation.line else ""))
    elif answer.sources:
        print("\nSources:")
        for s in answer.sources:
            print(f"  {s.path}:{s.start_line}-{s.end_line}  (score {s.score:.3f})")
    return 0


def _history(raw: str | None) -> list[Turn]:
    if not raw:
        return []
    try:
        data = json.loads(raw)
        return [Turn.model_validate(t) for t in data]
    except (ValueError, TypeError) as exc:
        raise UserError(f'--after must be a JSON list of {{"question": ..., "answer": ...}} turns ({exc.__class__.__name__})') from None


def _print_token(piece: str) -> None:
    sys.stdout.write(piece)
    sys.stdout.flush()
