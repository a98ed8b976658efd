"""`anima init`: create the home and a commented config."""
from __future__ import annotations

from pathlib import Path

from agent.config import DEFAULT_CONFIG


def register(sub) -> None:
    p = sub.add_parser("init", help="create the anima home with a commented config.toml")
    p.add_argument("--notes", action="append", default=[], metavar="DIR", help="a notes folder to remember (repeatable)")
    p.add_argument("--force", action="store_true", help="overwrite an existing config.toml")
    p.set_defaults(func=run)


def run(args) -> int:
    home = args.home_obj.ensure()
    if home.config_file.exists() and not args.force and not args.notes:
        print(f"config already exists: {home.config_file} (use --force to overwrite)")
        return 0
    if not home.config_file.exists() or args.force:
        home.config_file.write_text(DEFAULT_CONFIG, encoding="utf-8")
    if args.notes:
        add_notes_dirs(home.config_file, [Path(d) for d in args.notes])
    print(f"anima home: {home.root}\nconfig: {home.config_file}")
    return 0


def add_notes_dirs(config_file: Path, dirs: list[Path]) -> list[str]:
    """Append folders to notes_dirs, keeping the user's comments and formatting."""
    import tomlkit

    from agent.cli import UserError

    doc = tomlkit.parse(config_file.read_text(encoding="utf-8")) if config_file.exists() else tomlkit.document()
    current = doc.get("notes_dirs") or tomlkit.array()
    for d in dirs:
        resolved = d.expanduser().resolve()
        if not resolved.is_dir():
            raise UserError(f"not a folder: {d}")
        if str(resolved) not in [str(x) for x in current]:
            current.append(str(resolved))
    doc["notes_dirs"] = current
    config_file.write_text(tomlkit.dumps(doc), encoding="utf-8")
    return [str(x) for x in current]


def remove_notes_dirs(config_file: Path, dirs: list[Path]) -> tuple[list[str], list[str]]:
    """Take folders out of notes_dirs, keeping the user's comments and formatting. Returns the
    folders left and those taken out (a folder is matched by its resolved path; it need not exist)."""
    import tomlkit

    if not config_file.exists():
        return [], []
    doc = tomlkit.parse(config_file.read_text(encoding="utf-8"))
    current = doc.get("notes_dirs") or tomlkit.array()
    wanted = {str(d.expanduser().resolve()) for d in dirs}
    kept = [x for x in current if str(Path(str(x)).expanduser().resolve()) not in wanted]
    gone = [str(x) for x in current if x not in kept]
    if gone:
        array = tomlkit.array()
        array.extend(kept)
        doc["notes_dirs"] = array
        config_file.write_text(tomlkit.dumps(doc), encoding="utf-8")
    return [str(x) for x in kept], gone
