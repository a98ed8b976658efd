"""An mdBook (`book.toml` beside `src/`): its chapters are plain markdown and read as such; its
settings and its table of contents are not notes.

Read as notes, `book.toml` became "output html search: boost-title: 2" and `src/SUMMARY.md` a list
of every chapter's title ("Journal: 8 September 2026", "Home: Cars") that search returned beside
the chapters themselves.
"""
from __future__ import annotations

from pathlib import Path

from memory.quarto import folder_with


def _book_root(path: Path) -> Path | None:
    return folder_with(path, ("book.toml",))


def is_settings(path: Path) -> bool:
    """The book's `book.toml`."""
    return path.name == "book.toml"


def is_contents(path: Path) -> bool:
    """The book's `SUMMARY.md` (its chapters' titles and order), inside a book."""
    return path.name == "SUMMARY.md" and _book_root(path) is not None


__all__ = ["is_contents", "is_settings"]
