"""Google Tasks from Google Takeout (`Tasks/Tasks.json`), read as task lists.

Read as generic JSON, every task became a dozen "id: ...", "selfLink: ...", "position: ..."
lines. Each list becomes a heading over its tasks, and each task one bullet on the line of its
title: "- [x] Fogkő - Dental Pont (due 2026-11-12): Dr. Simon Ádám", done when the app says so.
A task is dated by when it was last changed (its `updated`), so a newer note about the same
thing is the newer version.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from memory.datafiles import record_key_line


def export_of(path: Path, text: str) -> dict | None:
    if path.suffix.lower() != ".json" or '"tasks#taskLists"' not in text[:2000]:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) and data.get("kind") == "tasks#taskLists" else None


def to_markdown(export: dict, lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    md: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []
    cursor = 1
    for task_list in export.get("items") or []:
        if not isinstance(task_list, dict):
            continue
        title = " ".join(str(task_list.get("title", "")).split()) or "Tasks"
        at = record_key_line(lines, str(task_list.get("id", "")), "title", cursor)
        md += [f"# {title}", ""]
        numbers += [at, at]
        for task in task_list.get("items") or []:
            if not isinstance(task, dict) or task.get("deleted") or not str(task.get("title", "")).strip():
                continue
            at = record_key_line(lines, str(task.get("id", "")), "title", cursor)
            cursor = max(cursor, at)
            box = "[x] " if task.get("status") == "completed" else ""
            due = str(task.get("due", ""))[:10]
            notes = " ".join(str(task.get("notes", "")).split())
            line = f"- {box}{' '.join(str(task['title']).split())}" + (f" (due {due})" if due else "") + (f": {notes}" if notes else "")
            md.append(line)
            numbers.append(at)
            updated = str(task.get("updated", ""))[:10]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", updated):
                days.append((at, updated))
        md.append("")
        numbers.append(numbers[-1] if numbers else 1)
    return md, numbers, sorted(days)
