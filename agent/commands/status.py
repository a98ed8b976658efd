"""`anima status`: what anima knows and what it is doing."""
from __future__ import annotations

import json

from agent.cli import emit_json


def register(sub) -> None:
    p = sub.add_parser("status", help="index size, current model, daemon and training state")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args) -> int:
    from agent.daemon.client import DaemonClient

    home = args.home_obj.ensure()
    client = DaemonClient.find(home)
    if client is not None:
        status = client.status()
    else:
        from agent.status import collect_status

        status = collect_status(home, home.load_settings()).model_dump(mode="json")
    status["home"] = str(home.root)
    if args.json:
        emit_json(status)
    else:
        for key, value in status.items():
            print(f"{key:>15}: {json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value}")
    return 0
