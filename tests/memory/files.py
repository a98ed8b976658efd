"""Writing a made-up notes folder for a test: a site, a wiki, a project laid out as its tool lays it out."""
from __future__ import annotations

from pathlib import Path


def write_files(root: Path, files: dict[str, str]) -> Path:
    """Each of `files` (a path relative to `root`, and its text) written under `root`; `root` back."""
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root
