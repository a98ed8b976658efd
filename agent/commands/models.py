"""`anima models list|use V|rollback|add PATH [--json]`: the served personal model and the base
models the user brings (see agent/base_models.py)."""
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
    p_add = actions.add_parser(
        "add", help="bring your own model (a .gguf, its Hugging Face folder, or both) and make it the base")
    p_add.add_argument("path", type=Path, help="a .gguf file, or a Hugging Face model folder (config.json, "
                                                  "*.safetensors, tokenizer.json), optionally holding the .gguf too")
    p_add.add_argument("--hf", type=Path, default=None, help="the Hugging Face folder of the .gguf given as PATH")
    p_add.add_argument("--name", default=None, help="what to call it (default: from the file or folder name)")
    for p in (parser, p_list, p_use, p_back, p_add):
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
        "meta": v.meta.model_dump(mode="json", exclude_none=True),
    }


def _score(meta) -> str:
    score = meta.eval_score
    return "-" if score is None else f"{score:.2f}"


def _base_json(record, home, active: str) -> dict:
    return {**record.model_dump(mode="json"), "active": record.name == active,
            "gguf_path": str(record.gguf_path(home)),
            "hf_path": str(record.hf_path(home)) if record.hf_dir else None}


def _add(args) -> int:
    import sys

    from agent.base_models import BaseModelError, add_base, set_active
    from agent.cli import UserError, emit_json

    home = args.home_obj.ensure()
    settings = home.load_settings()
    say = (lambda msg: None) if args.json else (lambda msg: print(f"  {msg}", file=sys.stderr))
    try:
        record = add_base(home, args.path, name=args.name, hf=args.hf, quant=settings.train.quant, on_step=say)
    except BaseModelError as exc:
        raise UserError(str(exc)) from None
    set_active(home, record.name)
    if args.json:
        emit_json({"added": _base_json(record, home, record.name), "base": record.name})
        return 0
    trains = "its Hugging Face weights" if record.hf_dir else "the GGUF, dequantized"
    print(f"added {record.name} ({record.arch}, {record.kind}, {record.size_bytes / 1e6:.1f} MB) and made it the base: "
          f"served until a personal model is trained from it; training uses {trains}")
    if settings.model.path:
        print(f"note: [model] path = {settings.model.path} still overrides it; clear it to use {record.name}")
    return 0


def _base_label(meta) -> str:
    """A version's base: the added model's name (models/base/<name>/model.gguf), else the file name."""
    base = Path(str(meta.base or "-"))
    return base.parent.name if base.parent.parent.name == "base" else base.name


def run(args) -> int:
    from agent.base_models import active_base, list_bases
    from agent.cli import UserError, emit_json
    from agent.registry import Registry, RegistryError

    if args.models_action == "add":
        return _add(args)
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
    settings = home.load_settings()
    bases = list_bases(home)
    active = active_base(home, settings)
    active_name = active.name if active else ""
    if args.json:
        out: dict = {"current": current, "versions": [_version_json(v, current) for v in versions],
                     "base": active_name or None, "bases": [_base_json(b, home, active_name) for b in bases]}
        if chosen is not None:
            out["switched_to"] = chosen.version
        emit_json(out)
        return 0
    if chosen is not None:
        print(f"now serving {chosen.version} ({chosen.path})")
        return 0
    if bases or active_name:
        print(f"{'':2}{'base model':24} {'arch':8} {'from':8} {'size':>9}")
        for b in bases:
            mark = "*" if b.name == active_name else ""
            print(f"{mark:2}{b.name:24} {b.arch:8} {b.kind:8} {b.size_bytes / 1e6:>6.1f} MB")
        print()
    base_label = active_name or "the bundled demo model"
    if not versions:
        print(f"no personal model yet: {base_label} is served. Run `anima train` to make one.")
        return 0
    from agent.base_models import trained_from

    cur = registry.current()
    if active is not None and cur is not None and not trained_from(cur.meta, active):
        print(f"served: {active.name} ({cur.version} was trained from another base; `anima train` makes one from {active.name})")
    print(f"{'':2}{'version':8} {'created':26} {'size':>9}  {'score':>5}  base")
    for v in versions:
        mark = "*" if v.version == current else ""
        size = f"{v.path.stat().st_size / 1e6:.1f} MB"
        print(f"{mark:2}{v.version:8} {v.created:26} {size:>9}  {_score(v.meta):>5}  {_base_label(v.meta)}")
    return 0
