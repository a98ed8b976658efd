"""`anima index PATH...`: bring the notes index up to date with the files."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from agent.chat import open_memory
from agent.cli import UserError, emit_json
from memory.types import MemoryFailure

log = logging.getLogger("anima.index")


def register(sub) -> None:
    p = sub.add_parser("index", help="index notes folders or files (default: notes_dirs from config)")
    p.add_argument("paths", nargs="*", type=Path)
    p.add_argument("--rebuild", action="store_true", help="wipe the index and embed everything again")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args) -> int:
    home = args.home_obj.ensure()
    settings = home.load_settings()
    paths = args.paths or [Path(d) for d in settings.notes_dirs]
    if not paths:
        raise UserError("nothing to index: give folders (anima index ~/notes) or set notes_dirs with `anima init --notes DIR`")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UserError(f"no such file or folder: {', '.join(missing)}")
    from agent.daemon.client import DaemonClient

    client = DaemonClient.find(home)
    if client is not None:
        # The daemon is the only writer of the index: hand it the work instead of racing it.
        report = client.index([os.path.abspath(p) for p in paths], rebuild=args.rebuild)
    else:
        memory = open_memory(home, settings)
        try:
            report = memory.index(paths, rebuild=args.rebuild).model_dump(mode="json")
        except MemoryFailure as exc:
            raise UserError(str(exc)) from None
        finally:
            memory.close()
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
