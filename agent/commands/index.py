"""`anima index PATH...`: bring the notes index up to date with the files."""
from __future__ import annotations

import logging
from pathlib import Path

from agent.assistant import AssistantError, open_assistant
from agent.cli import UserError, emit_json

log = logging.getLogger("anima.index")


def register(sub) -> None:
    p = sub.add_parser("index", help="index notes folders or files (default: notes_dirs from config)")
    p.add_argument("paths", nargs="*", type=Path)
    p.add_argument("--rebuild", action="store_true", help="wipe the index and embed everything again")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args) -> int:
    home = args.home_obj.ensure()
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        raise UserError(f"no such file or folder: {', '.join(missing)}")
    assistant = open_assistant(home)
    try:
        # With a daemon running, it does the work: it is the only writer of the index.
        report = assistant.index(args.paths, rebuild=args.rebuild).model_dump(mode="json")
    except AssistantError as exc:
        raise UserError(str(exc)) from None
    finally:
        assistant.close()
    if args.json:
        emit_json(report)
    else:
        print(
            f"indexed {report['files_seen']} files: {report['files_changed']} changed, "
            f"{report['files_unchanged']} unchanged, {report['files_removed']} removed; "
            f"{report['chunks_embedded']} chunks embedded, {report['chunks_total']} in the index "
            f"({report['seconds']:.1f} s)"
        )
        for skipped in report["skipped"]:
            print(f"  skipped {skipped['path']}: {skipped['reason']}")
    return 0
