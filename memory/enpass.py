"""An Enpass password manager's JSON export, read as each item's fields and notes, never a secret.

Enpass exports a vault as one JSON file: `folders` (title, uuid) and `items`, each with a
`title`, a `subtitle`, a `template_type` ("computer.wireless", "login.default",
"identity.passport", "creditcard.default", "note.default"), a `note` (what the user wrote),
`updated_at` in epoch seconds, `trashed`/`archived` flags and `fields`: `label`, `type`
("text", "username", "url", "date", "password", "pin", "ccNumber", "ccCvc", "totp"...), `value`,
`sensitive` (1 for a field Enpass hides) and `deleted`. Read as a data file it was runs of
"label: value" with no item's title above them, the passwords among them. Here each item is a
heading (its title and, in English, its kind) over "label: value" lines and its note line by line,
each citing the file line its value is on, each item dated by its last change. Hidden fields
(passwords, PINs, card numbers and codes, one-time codes) are never read: nothing of them belongs
in a search index or a model's prompt (as for KeePass and 1Password). Trashed, archived and
deleted things are left out.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

_KINDS = {
    "wireless": "Wi-Fi network", "router": "router", "passport": "passport", "creditcard": "card",
    "login": "login", "note": "note", "password": "password", "driverlicense": "driving licence",
    "drivinglicense": "driving licence", "idcard": "identity card", "bankaccount": "bank account",
    "membership": "membership", "insurance": "insurance", "email": "email account", "software": "software licence",
}
_SECRET_TYPES = {"password", "pin", "totp", "ccnumber", "cccvc", "cvc", "ccpin", "otp"}
_SECRET_LABELS = ("password", "pin", "cvc", "cvv", "парола", "пин", "passwort", "mot de passe", "contraseña", "hasło")


def export_of(path: Path, text: str) -> dict | None:
    if path.suffix.lower() != ".json":
        return None
    head = text.lstrip()[:400]
    if not head.startswith("{") or ('"items"' not in text[:20000] and '"folders"' not in head):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        return None
    if not any(isinstance(i.get("fields"), list) and "template_type" in i for i in items):
        return None
    return data


def _day(seconds) -> str:
    try:
        return datetime.fromtimestamp(int(seconds), tz=timezone.utc).strftime("%Y-%m-%d")
    except (TypeError, ValueError, OverflowError, OSError):
        return ""


def _kind(template: str) -> str:
    parts = [p.lower() for p in str(template or "").split(".")]
    for part in reversed(parts):
        if part in _KINDS:
            return _KINDS[part]
    return ""


def _secret(field: dict) -> bool:
    label = str(field.get("label") or "").strip().lower()
    return (field.get("sensitive") in (1, "1", True) or str(field.get("type") or "").lower() in _SECRET_TYPES
            or label.startswith(_SECRET_LABELS))


def _find(lines: list[str], needle: str, start: int, stop: int) -> int:
    """The 1-based number of the first line in [start, stop) holding `needle`; 0 if none."""
    for n in range(max(start, 0), min(stop, len(lines))):
        if needle in lines[n]:
            return n + 1
    return 0


def to_markdown(data: dict, lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (first file line, day) of each item)."""
    md, numbers = ["# Enpass", ""], [1, 1]
    days: list[tuple[int, str]] = []
    previous = 0  # the line of the last item's title: an item's fields lie after it
    for item in data.get("items") or []:
        if item.get("trashed") in (1, True) or item.get("archived") in (1, True):
            continue
        title = " ".join(str(item.get("title") or "").split())
        kind = _kind(item.get("template_type") or item.get("category") or "")
        title_at = _find(lines, '"title": ' + json.dumps(title, ensure_ascii=False), previous, len(lines)) if title else 0
        if not title_at:
            title_at = _find(lines, json.dumps(title, ensure_ascii=False), previous, len(lines)) or previous + 1
        rows: list[tuple[int, str]] = []
        for field in item.get("fields") or []:
            if not isinstance(field, dict) or field.get("deleted") in (1, True) or _secret(field):
                continue
            label = " ".join(str(field.get("label") or "").split())
            value = " ".join(str(field.get("value") or "").split())
            if not label or not value:
                continue
            at = _find(lines, '"value": ' + json.dumps(field.get("value"), ensure_ascii=False), previous, len(lines)) or title_at
            rows.append((at, f"- {label}: {value}"))
        note = [" ".join(r.split()) for r in str(item.get("note") or "").replace("\r\n", "\n").split("\n")]
        note_at = _find(lines, '"note": ', previous, len(lines)) or title_at
        if not title and not rows and not any(note):
            continue
        heading = f"## {title or kind or 'item'}" + (f" ({kind})" if kind and kind.lower() not in title.lower() else "")
        first = min([title_at] + [n for n, _ in rows] + ([note_at] if any(note) else []))
        md += [heading, ""]
        numbers += [title_at, title_at]
        for at, row in rows:
            md.append(row)
            numbers.append(at)
        for row in note:  # each line the user wrote its own paragraph
            if row:
                md += ["", row]
                numbers += [note_at, note_at]
        md.append("")
        numbers.append(title_at)
        day = _day(item.get("updated_at") or item.get("createdAt"))
        if day:
            days.append((first, day))
        previous = max(previous, title_at)
    return md, numbers, days
