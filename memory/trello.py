"""A Trello board's JSON export, read as the board it shows.

Trello exports a board as one JSON object: `lists`, `cards` (each with its `name`, markdown `desc`,
`due` in UTC, `idList`, `closed` when archived), `checklists` (each `checkItems` a line of its own:
"Dimas (suami) — 0857-…") and `actions`, among them `commentCard` ones whose `data.text` is what
someone wrote under a card, dated. Read as data, every id, preference and avatar hash was a
statement ("idBoard: 1145f2…") and a card's description one long value. Here the board is a
heading over its lists, each list over its cards, each card's due day, description, checklists and
comments (oldest first) under the card's name. Every line cites the file line
its value is on (Trello writes one key a line when pretty-printed; line 1 when not), and each
comment is dated by its action, each card by its last activity, so a comment that changes what the
description says is the newer of the two.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

from memory.datafiles import ValueLines, json_object



def board_of(path: Path, lines: list[str]) -> dict | None:
    """The parsed export when `lines` are a Trello board, else None."""
    if path.suffix.lower() != ".json":
        return None
    data = json_object(lines, "cards")
    if data is None or not isinstance(data.get("cards"), list) or not isinstance(data.get("lists"), list):
        return None
    return data if "idList" in json.dumps(data["cards"][:3]) or not data["cards"] else None


def _day(stamp: object) -> str:
    text = str(stamp or "")
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).strftime("%Y-%m-%d")
    except ValueError:
        return text[:10] if re.match(r"\d{4}-\d{2}-\d{2}", text) else ""


def _due(stamp: object) -> str:
    """A due stamp as written in words: the day, and the time when it is not midnight UTC."""
    text = str(stamp or "")
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    return when.strftime("%Y-%m-%d") + (when.strftime(" %H:%M UTC") if when.hour or when.minute else "")


def to_markdown(board: dict, lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each dated part)."""
    where = ValueLines(lines)
    md: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []

    def emit(text: str, n: int) -> None:
        md.append(text)
        numbers.append(n)

    top = where.line("name", str(board.get("name") or ""))
    emit(f"# {board.get('name') or 'Trello board'}", top)
    emit("", top)
    if str(board.get("desc") or "").strip():
        n = where.line("desc", board["desc"], top)
        for row in str(board["desc"]).split("\n"):
            emit(row, n)
        emit("", n)
    comments: dict[str, list[dict]] = {}
    for action in board.get("actions") or []:
        if isinstance(action, dict) and action.get("type") == "commentCard":
            data = action.get("data") or {}
            card_id = str((data.get("card") or {}).get("id") or "")
            if card_id and str(data.get("text") or "").strip():
                comments.setdefault(card_id, []).append(action)
    checklists: dict[str, list[dict]] = {}
    for checklist in board.get("checklists") or []:
        if isinstance(checklist, dict):
            checklists.setdefault(str(checklist.get("idCard") or ""), []).append(checklist)
    # The line the cards begin on: a card's id is also in the actions before it.
    cards_at = next((n for n, line in enumerate(lines, 1) if re.match(r'\s*"cards"\s*:\s*\[', line)), 0)
    lists_at = next((n for n, line in enumerate(lines, 1) if re.match(r'\s*"lists"\s*:\s*\[', line)), 0)
    lists = sorted((x for x in board["lists"] if isinstance(x, dict)), key=lambda x: x.get("pos") or 0)
    cards = sorted((c for c in board["cards"] if isinstance(c, dict)), key=lambda c: c.get("pos") or 0)
    for lst in lists:
        n = where.line("name", str(lst.get("name") or ""), where.line("id", str(lst.get("id") or ""), lists_at))
        emit(f"## {lst.get('name') or 'List'}" + (" (archived)" if lst.get("closed") else ""), n)
        emit("", n)
        for card in (c for c in cards if c.get("idList") == lst.get("id")):
            _card(card, comments.get(str(card.get("id")), []), checklists.get(str(card.get("id")), []), where, cards_at, emit, days)
    return md, numbers, sorted(days)


def _card(card: dict, comments: list[dict], checklists: list[dict], where: ValueLines, cards_at: int, emit,
          days: list[tuple[int, str]]) -> None:
    at = where.line("id", str(card.get("id") or ""), cards_at)
    n = where.line("name", str(card.get("name") or ""), at if at > 1 else 0)
    days.append((at, _day(card.get("dateLastActivity"))))
    emit(f"### {card.get('name') or 'Card'}" + (" (archived)" if card.get("closed") else ""), n)
    emit("", n)
    if card.get("due"):
        done = " (done)" if card.get("dueComplete") else ""
        n = where.line("due", str(card["due"]), at if at > 1 else 0)
        emit(f"Due: {_due(card['due'])}{done}", n)
        emit("", n)
    desc = str(card.get("desc") or "")
    if desc.strip():
        n = where.line("desc", desc, at if at > 1 else 0)
        for row in desc.replace("\r\n", "\n").split("\n"):
            emit(row, n)
        emit("", n)
    for checklist in checklists:
        n = where.line("name", str(checklist.get("name") or ""), where.line("id", str(checklist.get("id") or "")))
        days.append((n, _day(card.get("dateLastActivity"))))
        emit(f"#### {checklist.get('name') or 'Checklist'}", n)
        emit("", n)
        items = sorted((i for i in checklist.get("checkItems") or [] if isinstance(i, dict)), key=lambda i: i.get("pos") or 0)
        for item in items:
            mark = "[x] " if item.get("state") == "complete" else ""
            emit(f"- {mark}{item.get('name') or ''}", where.line("name", str(item.get("name") or ""), n))
        emit("", n)
    for action in sorted(comments, key=lambda a: str(a.get("date") or "")):
        text = str((action.get("data") or {}).get("text") or "")
        n = where.line("text", text)
        day = _day(action.get("date"))
        days.append((n, day))
        rows = text.replace("\r\n", "\n").split("\n")
        for row in rows:
            emit(row, n)
        emit("", n)
