"""The `anima` command. Sub-commands live in agent/commands/, one module each."""
from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import pkgutil
import sys
from importlib import metadata

from agent import commands
from agent.config import ConfigError, Home


class UserError(Exception):
    """An error whose message is the whole story: printed without a traceback, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="anima", description="A private assistant that knows your notes.")
    parser.add_argument("--home", help="directory holding config and state (default: $ANIMA_HOME or the user data dir)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"agent.commands.{info.name}")
        module.register(sub)
    # Front ends outside agent/ (the TUI's `chat`) plug in through entry points, so agent/ never
    # imports them and the package arrows keep pointing one way.
    for entry in sorted(metadata.entry_points(group="anima.commands"), key=lambda e: e.name):
        entry.load()(sub)
    return parser


def emit_json(obj) -> None:
    """The --json contract: exactly one JSON object on stdout."""
    if hasattr(obj, "model_dump"):
        obj = obj.model_dump(mode="json")
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    parser = build_parser()
    args = parser.parse_args(argv)
    # Libraries log chatter at INFO (model loading, progress bars); the user sees anima's lines only.
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, format="anima: %(message)s", stream=sys.stderr)
    logging.getLogger("anima").setLevel(logging.DEBUG if args.verbose else logging.INFO)
    if not getattr(args, "func", None):
        parser.print_help()
        return 1
    args.home_obj = Home.resolve(args.home)
    from agent.llm import ModelError

    try:
        return int(args.func(args) or 0)
    except (UserError, ModelError, ConfigError) as exc:
        if getattr(args, "json", False):
            emit_json({"error": str(exc)})
        print(f"anima: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("anima: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    # `python -m agent.cli` runs this file as __main__, a second copy of the module: call the
    # importable one so `except UserError` matches the class the commands raise.
    from agent.cli import main as _main

    sys.exit(_main())
