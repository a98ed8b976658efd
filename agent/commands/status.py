"""`anima status`: what anima knows and what it is doing."""
from __future__ import annotations

import json

from agent.assistant import AssistantError, open_assistant
from agent.cli import UserError, emit_json


def register(sub) -> None:
    p = sub.add_parser("status", help="index size, current model, daemon and training state")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args) -> int:
    home = args.home_obj.ensure()
    assistant = open_assistant(home)
    try:
        status = assistant.status().model_dump(mode="json")
    except AssistantError as exc:
        raise UserError(str(exc)) from None
    finally:
        assistant.close()
    status["home"] = str(home.root)
    if args.json:
        emit_json(status)
    else:
        for key, value in status.items():
            print(f"{key:>15}: {json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value}")
    return 0
