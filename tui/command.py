"""`anima chat`: registered through the `anima.commands` entry point group, so agent/ never
imports tui/ (the package arrows point one way: tui -> agent)."""
from __future__ import annotations

import argparse
import sys


def register(sub) -> None:
    p = sub.add_parser("chat", help="open the chat app (Textual TUI)")
    p.add_argument("--serial", help="adb serial of the phone that phone commands use")
    p.add_argument("--no-daemon", action="store_true", help="work in-process even when a daemon is running")
    p.set_defaults(func=run)


def run(args) -> int:
    if not sys.stdout.isatty():
        from agent.cli import UserError

        raise UserError("`anima chat` needs a terminal; for scripts use `anima ask` or `anima phone`")
    from tui.app import run_app

    return run_app(args.home_obj, phone_serial=args.serial, attach_daemon=not args.no_daemon)


def main(argv: list[str] | None = None) -> int:
    """`python -m tui.command [--home DIR] [--serial S]`: the same app without the entry point."""
    from agent.config import Home

    parser = argparse.ArgumentParser(prog="anima chat")
    parser.add_argument("--home")
    parser.add_argument("--serial")
    parser.add_argument("--no-daemon", action="store_true")
    args = parser.parse_args(argv)
    args.home_obj = Home.resolve(args.home)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
