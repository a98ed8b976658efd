"""`anima models list|use V|rollback [--json]`: see and choose the served personal model."""
from __future__ import annotations

import argparse
from pathlib import Path


def register(sub) -> None:
    parser = sub.add_parser("models", help="list, choose or roll back personal model versions")
    actions = parser.add_subparsers(dest="models_action", metavar="ACTION")
    p_list = actions.add_parser("list", help="show kept versions (* marks the served one)")
    p_use = actions.add_parser("use", help="serve a kept version")
    p_use.add_argument("version", help="e.g. v002 or 2")
    p_back = actions.add_parser("rollback", help="serve the version before the current one")
    for p in (parser, p_list, p_use, p_back):
        # Accepted before or after the action word; SUPPRESS keeps the sub-parser from resetting it.
        p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON object")
    parser.set_defaults(func=run, models_action="list", json=False)


def _version_json(v, current: str | None) -> dict:
    return {
        "version": v.version,
        "path": str(v.path),
        "created": v.created,
        "current": v.version == current,
        "size_bytes": v.path.stat().st_size if v.path.exists() else None,
        "meta": v.meta,
    }


def _score(meta: dict) -> str:
    for key in ("eval_score", "score", "overall"):
        if isinstance(meta.get(key), (int, float)):
            return f"{meta[key]:.2f}"
    evals = meta.get("eval")
    if isinstance(evals, dict):
        for key in ("overall", "heldout"):  # training records held-out accuracy under eval.heldout
            if isinstance(evals.get(key), (int, float)):
                return f"{evals[key]:.2f}"
    return "-"


def run(args) -> int:
    from agent.cli import UserError, emit_json
    from agent.registry import Registry, RegistryError

    home = args.home_obj
    registry = Registry(home)
    try:
        if args.models_action == "use":
            chosen = registry.use(args.version)
        elif args.models_action == "rollback":
            chosen = registry.rollback()
        else:
            chosen = None
    except RegistryError as exc:
        raise UserError(str(exc)) from None

    current = registry.current_version()
    versions = registry.list()
    if args.json:
        out: dict = {"current": current, "versions": [_version_json(v, current) for v in versions]}
        if chosen is not None:
            out["switched_to"] = chosen.version
        emit_json(out)
        return 0
    if chosen is not None:
        print(f"now serving {chosen.version} ({chosen.path})")
        return 0
    if not versions:
        print("no personal model yet: the bundled demo model is served. Run `anima train` to make one.")
        return 0
    print(f"{'':2}{'version':8} {'created':26} {'size':>9}  {'score':>5}  base")
    for v in versions:
        mark = "*" if v.version == current else ""
        size = f"{v.path.stat().st_size / 1e6:.1f} MB"
        print(f"{mark:2}{v.version:8} {v.created:26} {size:>9}  {_score(v.meta):>5}  {Path(str(v.meta.get('base') or '-')).name}")
    return 0
