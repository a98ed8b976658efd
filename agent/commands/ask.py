"""`anima ask "question"`: a grounded answer with its sources, streamed to the terminal."""
from __future__ import annotations

import sys

from agent.cli import UserError, emit_json
from memory.types import MemoryFailure


def register(sub) -> None:
    p = sub.add_parser("ask", help="ask a question about your notes")
    p.add_argument("question")
    p.add_argument("--mode", choices=["rag", "base"], default="rag", help="rag: grounded in your notes (default); base: the model alone")
    p.add_argument("--local", action="store_true", help="answer in this process even when the daemon runs")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args) -> int:
    home = args.home_obj
    stream = None if args.json else _print_token
    answer = None
    if not args.local and args.mode == "rag":
        from agent.daemon.client import DaemonClient

        client = DaemonClient.find(home)
        if client is not None:
            answer = client.ask(args.question, on_token=stream)
    if answer is None:
        from agent.chat import ChatEngine

        engine = ChatEngine(home.ensure())
        try:
            answer = engine.ask(args.question, mode=args.mode, on_token=stream)
        except MemoryFailure as exc:
            raise UserError(str(exc)) from None
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


def _print_token(piece: str) -> None:
    sys.stdout.write(piece)
    sys.stdout.flush()
