"""YAML and TOML notes read as the markdown outline they mean, line for line.

Engineers keep facts in data files too (`people.yaml`, `car.toml`). Read as code, only their
comments would count; read as data, `sister:` / `  phone: +1 503 555 0142` is the bullet
"sister: phone: +1 503 555 0142". Each line is rewritten to the markdown line that says the same
thing, on the same line number, so markdown parsing, chunking and citations work unchanged:

    sister:                       ->  - sister
      name: Anja Hoffmann         ->    - name: Anja Hoffmann
      pets: [Miso, Pixel]         ->    - pets: Miso, Pixel
    [car]                         ->  ## car                     (TOML table)
    plate = "KA-HB 2231"          ->  - plate: KA-HB 2231
    # renew in May                ->  renew in May               (a comment is prose)
"""
from __future__ import annotations

import re

DATA_EXT = {".yaml", ".yml", ".toml"}

_YAML_KEY = re.compile(r"^(\s*)(-\s+)?([^\s#:'\"{}\[\]][^:#]*?|\"[^\"]+\"|'[^']+')\s*:(?:\s+(.*?))?\s*$")
_YAML_ITEM = re.compile(r"^(\s*)-\s+(.*?)\s*$")
_TOML_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(r"^(\s*)([A-Za-z0-9_.\"' -]+?)\s*=\s*(.*?)\s*$")
_COMMENT = re.compile(r"^(\s*)#+\s?(.*)$")


def _value(raw: str) -> str:
    """A scalar as a person reads it: quotes, a trailing comment and flow brackets off."""
    v = raw.strip()
    if v and v[0] in "\"'":
        end = v.find(v[0], 1)
        if end > 0:
            return v[1:end]
    v = re.sub(r"\s+#.*$", "", v)
    if v.startswith("[") and v.endswith("]"):
        v = ", ".join(_value(p) for p in v[1:-1].split(",") if p.strip())
    if v in ("|", ">", "|-", ">-", "|+", ">+"):
        return ""  # a block scalar: its text follows on the indented lines
    return v


def _key(raw: str) -> str:
    return raw.strip().strip("\"'").replace("_", " ")


def yaml_to_markdown(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped in ("---", "...") or stripped.startswith("%"):
            out.append("")
            continue
        comment = _COMMENT.match(line)
        if comment:
            out.append(comment.group(1) + comment.group(2))
            continue
        m = _YAML_KEY.match(line)
        if m:
            indent = m.group(1) + ("  " if m.group(2) else "")
            raw = (m.group(4) or "").strip()
            value = _value(raw)
            block = raw[:1] in ("|", ">")  # its text follows, indented: "address: 12 Elm Street Portland"
            out.append(f"{indent}- {_key(m.group(3))}: {value}" if value else f"{indent}- {_key(m.group(3))}{':' if block else ''}")
            continue
        item = _YAML_ITEM.match(line)
        if item:
            out.append(f"{item.group(1)}- {_value(item.group(2))}")
            continue
        out.append(line)  # a block scalar's text or a wrapped value: it continues the item above
    return out


def toml_to_markdown(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            out.append("")
            continue
        comment = _COMMENT.match(line)
        if comment:
            out.append(comment.group(2))
            continue
        table = _TOML_TABLE.match(line)
        if table:
            out.append(f"## {_key(table.group(1)).replace('.', ' ')}")
            continue
        m = _TOML_KEY.match(line)
        if m:
            value = _value(m.group(3))
            out.append(f"- {_key(m.group(2))}: {value}" if value else f"- {_key(m.group(2))}")
            continue
        out.append(line)
    return out


def to_markdown(lines: list[str], ext: str) -> list[str]:
    return toml_to_markdown(lines) if ext == ".toml" else yaml_to_markdown(lines)
