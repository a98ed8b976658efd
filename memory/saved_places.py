"""Google Takeout's Maps saved places (`Saved Places.json`), read as a list of places.

Takeout's "Maps (your places)" holds the places a user starred or saved as a GeoJSON
`FeatureCollection`: each `Feature` a point (`geometry.coordinates`, longitude first) whose
`properties` hold the day it was saved (`date`), a Maps URL, the place's `location` (`name`,
`address`, `country_code`) and the user's own note on it (`Comment`), when there is one. Read as
data every place was "Properties: Location: Name: ..." over "Geometry: Coordinates: 25.28" and
URLs, its name, address and note apart. Here each place is one line, its name, its address and the
user's comment, citing the line its address is on, and dated by the day it was saved.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from memory.datafiles import json_object


def places_of(path: Path, lines: list[str]) -> dict | None:
    if path.suffix.lower() not in (".json", ".geojson"):
        return None
    data = json_object(lines, "features")
    if data is None or data.get("type") != "FeatureCollection" or not isinstance(data["features"], list):
        return None
    props = [f.get("properties") for f in data["features"] if isinstance(f, dict)]
    props = [p for p in props if isinstance(p, dict)]
    if not props or not any(isinstance(p.get("location"), dict) or "Title" in p or "name" in p for p in props):
        return None
    return data


def _line_of(lines: list[str], key: str, value: str, start: int) -> int:
    """The first file line at or after `start` holding `"key": value` (0 when none does)."""
    forms = {json.dumps(value, ensure_ascii=False), json.dumps(value)}
    for n in range(start, len(lines) + 1):
        line = lines[n - 1]
        if f'"{key}"' in line and any(f in line for f in forms):
            return n
    return 0


def to_markdown(data: dict, lines: list[str], name: str = "") -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each place)."""
    # No heading over them: a list item under one is said with it ("Saved Places: Mama: ...").
    out: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []
    at = 1
    for feature in data["features"]:
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            continue
        loc = props.get("location") if isinstance(props.get("location"), dict) else {}
        title = str(loc.get("name") or props.get("Title") or props.get("name") or "").strip()
        address = str(loc.get("address") or props.get("address") or "").strip()
        comment = str(props.get("Comment") or props.get("comment") or "").strip()
        if not (title or address):
            continue
        title_at = _line_of(lines, "name", title, at) if title else 0
        title_at = title_at or _line_of(lines, "Title", title, at) if title else 0
        address_at = _line_of(lines, "address", address, at) if address else 0
        comment_at = comment and (_line_of(lines, "Comment", comment, at) or _line_of(lines, "comment", comment, at))
        first = min((n for n in (title_at, address_at) if n), default=at)
        # One line a place: its name, address and the user's note together ("Autoservisas Ratas:
        # Ukmergės g. 240 (Darius +370 ...)"), as one statement, cited at its address.
        line = f"- {title}: {address}" if title and address else f"- {title or address}"
        out.append(line + (f" ({comment})" if comment else ""))
        numbers.append(address_at or first)
        day = str(props.get("date") or props.get("Updated") or "")[:10]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) and len(lines) > 2:
            days.append((min(first, title_at), day))
        at = max(n for n in (first, title_at, address_at, comment_at or 0, at) if n) + 1
    return out, numbers, sorted(days)


__all__ = ["places_of", "to_markdown"]
