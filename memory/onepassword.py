"""A 1Password export (`export.data` inside a `.1pux` archive), read as each item's fields and notes.

1Password's export is a zip whose `export.data` is one line of JSON: accounts, their vaults, each
vault's items, each item a `categoryUuid` ("106" a passport, "003" a secure note), an
`overview` (its title, subtitle, URLs) and `details`: `loginFields`, `notesPlain` (what the user
wrote) and `sections` of typed fields (`{"title": "expiry date", "value": {"date": 1897689600}}`,
`{"monthYear": 202907}`, `{"string": ...}`, `{"menu": ...}`, `{"concealed": ...}`). The file has
no suffix a reader knows; read as text it was a few long runs of JSON keys. Here each item is a
heading (its title and, in English, its kind) over "field: value" lines, dates written out, and
its notes line by line. Everything cites line 1, the only line the user can open. Concealed
values (passwords, PINs, card codes) and password fields are never read: nothing of them belongs
in a search index or a model's prompt (as for KeePass). Archived and deleted items are left out.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

_CATEGORIES = {
    "001": "login", "002": "credit card", "003": "secure note", "004": "identity", "005": "password",
    "006": "document", "100": "software licence", "101": "bank account", "102": "database",
    "103": "driving licence", "104": "outdoor licence", "105": "membership", "106": "passport",
    "107": "reward programme", "108": "ID number", "109": "wireless router", "110": "server",
    "111": "email account", "112": "API credential", "113": "medical record", "114": "SSH key",
    "115": "crypto wallet",
}
# Value kinds that hold a secret, never read.
_SECRET = {"concealed", "totp", "sshKey", "otp"}
_SECRET_TITLE = ("password", "pin", "cvv", "verification number", "secret", "recovery")


def export_of(path: Path, text: str) -> dict | None:
    if path.name.lower() != "export.data" and path.suffix.lower() not in (".data", ".json"):
        return None
    head = text.lstrip()[:200]
    if not head.startswith("{") or '"accounts"' not in head:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    accounts = data.get("accounts") if isinstance(data, dict) else None
    if not isinstance(accounts, list) or not any(isinstance(a, dict) and isinstance(a.get("vaults"), list) for a in accounts):
        return None
    return data


def _moment(seconds) -> datetime | None:
    """1Password's epoch seconds as a UTC time; None for a missing or broken one."""
    try:
        return datetime.fromtimestamp(int(seconds), tz=timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _day(seconds) -> str:
    d = _moment(seconds)
    return d.strftime("%Y-%m-%d") if d else ""


def _spoken_day(seconds) -> str:
    d = _moment(seconds)
    return f"{d.day} {d:%B %Y}" if d else ""


def _value(value) -> str:
    """A field's typed value as words; "" for a secret or an empty one."""
    if not isinstance(value, dict) or not value:
        return ""
    kind, v = next(iter(value.items()))
    if kind in _SECRET or v in (None, "", [], {}):
        return ""
    if kind == "date":
        return _spoken_day(v)
    if kind == "monthYear":
        s = str(v)
        if len(s) == 6 and s.isdigit() and 1 <= int(s[4:]) <= 12:
            return f"{datetime(2000, int(s[4:]), 1):%B} {s[:4]}"
        return s
    if kind == "address" and isinstance(v, dict):
        return ", ".join(str(v[k]) for k in ("street", "city", "state", "zip", "country") if v.get(k))
    if isinstance(v, (dict, list)):
        return ""
    return " ".join(str(v).split())


def to_markdown(data: dict) -> tuple[list[str], str]:
    """(markdown, the day of the latest change of any item read, ISO)."""
    md: list[str] = []
    latest = ""
    for account in data.get("accounts") or []:
        if not isinstance(account, dict):
            continue
        for vault in account.get("vaults") or []:
            if not isinstance(vault, dict):
                continue
            items = [i for i in vault.get("items") or [] if isinstance(i, dict) and i.get("state", "active") == "active"]
            if not items:
                continue
            name = str((vault.get("attrs") or {}).get("name") or "").strip()
            md += [f"# 1Password{': ' + name if name else ''}", ""]
            for item in items:
                overview = item.get("overview") if isinstance(item.get("overview"), dict) else {}
                details = item.get("details") if isinstance(item.get("details"), dict) else {}
                kind = _CATEGORIES.get(str(item.get("categoryUuid") or ""), "")
                title = " ".join(str(overview.get("title") or "").split()) or kind or "item"
                md += [f"## {title}" + (f" ({kind})" if kind and kind.lower() not in title.lower() else ""), ""]
                for field in details.get("loginFields") or []:
                    if not isinstance(field, dict) or field.get("designation") != "username" or not field.get("value"):
                        continue
                    md.append(f"- username: {field['value']}")
                url = overview.get("url")
                if url:
                    md.append(f"- website: {url}")
                for section in details.get("sections") or []:
                    if not isinstance(section, dict):
                        continue
                    head = " ".join(str(section.get("title") or "").split())
                    for field in section.get("fields") or []:
                        if not isinstance(field, dict):
                            continue
                        label = " ".join(str(field.get("title") or field.get("id") or "").split())
                        value = _value(field.get("value"))
                        if not label or not value or label.lower().startswith(_SECRET_TITLE):
                            continue
                        md.append(f"- {head + ' ' if head and head.lower() != title.lower() else ''}{label}: {value}")
                notes = [" ".join(r.split()) for r in str(details.get("notesPlain") or "").replace("\r\n", "\n").split("\n")]
                notes = [r for r in notes if r]
                for row in notes:  # each line the user wrote its own paragraph: a line is a thing said, never wrapped
                    md += ["", row]
                md.append("")
                day = _day(item.get("updatedAt") or item.get("createdAt"))
                latest = max(latest, day)
    return md, latest
