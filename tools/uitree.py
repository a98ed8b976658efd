"""`uiautomator dump` XML -> a short numbered list of the elements worth acting on.

The list is what a model (or a person, via `anima phone screen`) sees, so it keeps only nodes that
carry text, a description, an id or a click handler, and numbers them in document order.
"""
from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET

from pydantic import BaseModel

_BOUNDS = re.compile(r"\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]")


class UiElement(BaseModel):
    index: int
    text: str = ""
    desc: str = ""  # content-desc
    resource_id: str = ""
    cls: str = ""
    package: str = ""
    clickable: bool = False
    checkable: bool = False
    checked: bool = False
    enabled: bool = True
    scrollable: bool = False  # a list the navigator can scroll for rows not yet on screen
    bounds: tuple[int, int, int, int] = (0, 0, 0, 0)  # left, top, right, bottom
    inner_text: str = ""  # for a clickable row without a label: the text of what it contains

    @property
    def center(self) -> tuple[int, int]:
        l, t, r, b = self.bounds
        return (l + r) // 2, (t + b) // 2

    @property
    def label(self) -> str:
        return self.text or self.desc or self.inner_text or self.resource_id.rsplit("/", 1)[-1]

    def line(self) -> str:
        parts = [f"[{self.index}]", self.cls.rsplit(".", 1)[-1] or "View"]
        if self.text:
            parts.append(f'text="{self.text}"')
        if self.desc:
            parts.append(f'desc="{self.desc}"')
        if self.inner_text and not (self.text or self.desc):
            parts.append(f'contains="{self.inner_text}"')
        if self.resource_id:
            parts.append(f"id={self.resource_id.rsplit('/', 1)[-1]}")
        if self.clickable:
            parts.append("clickable")
        if self.checkable:
            parts.append("on" if self.checked else "off")
        if self.scrollable:
            parts.append("scrollable")
        l, t, r, b = self.bounds
        parts.append(f"[{l},{t}][{r},{b}]")
        return " ".join(parts)


class DumpError(ValueError):
    """The dump was not a UI hierarchy (truncated, or an error message instead of XML)."""


def _flag(node: ET.Element, name: str) -> bool:
    return node.get(name, "false") == "true"


def parse_hierarchy(xml_text: str) -> list[UiElement]:
    start = xml_text.find("<")
    if start < 0 or "<hierarchy" not in xml_text:
        raise DumpError(f"not a uiautomator hierarchy: {xml_text[:120]!r}")
    try:
        root = ET.fromstring(xml_text[start:])
    except ET.ParseError as exc:
        raise DumpError(f"unreadable hierarchy XML ({exc})") from None
    out: list[UiElement] = []
    for node in root.iter("node"):
        text = (node.get("text") or "").strip()
        desc = (node.get("content-desc") or "").strip()
        rid = node.get("resource-id") or ""
        clickable = _flag(node, "clickable") or _flag(node, "long-clickable")
        checkable = _flag(node, "checkable")
        scrollable = _flag(node, "scrollable")
        if not (text or desc or rid or clickable or checkable or scrollable):
            continue
        m = _BOUNDS.search(node.get("bounds") or "")
        bounds = tuple(int(g) for g in m.groups()) if m else (0, 0, 0, 0)
        out.append(UiElement(
            index=len(out), text=text, desc=desc, resource_id=rid, cls=node.get("class") or "",
            package=node.get("package") or "", clickable=clickable, checkable=checkable,
            checked=_flag(node, "checked"), enabled=node.get("enabled", "true") != "false",
            scrollable=scrollable, bounds=bounds,  # type: ignore[arg-type]
        ))
    _label_rows(out)
    return out


def _inside(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int]) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def _label_rows(elements: list[UiElement]) -> None:
    """Settings rows and list items are clickable layouts whose text sits in child TextViews; give
    each such row the first text inside it, so "tap Wi-Fi" and the model can name the row."""
    for i, e in enumerate(elements):
        if not e.clickable or e.text or e.desc:
            continue
        for child in elements[i + 1:]:
            if not _inside(child.bounds, e.bounds):
                break  # document order: the row's children come right after it
            if child.text or child.desc:
                e.inner_text = child.text or child.desc
                break


def normalize_label(text: str) -> str:
    """Casefolded, Unicode hyphens and spaces unified: "Wi‑Fi" (U+2011, as Android writes it) == "wi-fi"."""
    import unicodedata

    t = unicodedata.normalize("NFKC", text).casefold()
    t = re.sub(r"[\u2010-\u2015\u2212]", "-", t)
    return re.sub(r"\s+", " ", t).strip()


def find_by_label(elements: list[UiElement], label: str) -> UiElement | None:
    """The element the user named: an exact label first, then a whole-word match, then the same
    letters ignoring punctuation ("wifi" = "Wi-Fi"); clickable elements win within each tier."""
    want = normalize_label(label)
    squash = re.sub(r"[\W_]+", "", want)

    def names(e: UiElement) -> list[str]:
        return [normalize_label(x) for x in (e.text, e.desc, e.inner_text) if x]

    tiers = [
        [e for e in elements if want in names(e)],
        [e for e in elements if any(re.search(rf"(?<!\w){re.escape(want)}(?!\w)", n) for n in names(e))],
        [e for e in elements if squash and any(re.sub(r"[\W_]+", "", n) == squash for n in names(e))],
    ]
    for group in tiers:
        if group:
            clickable = [e for e in group if e.clickable and e.enabled]
            return (clickable or group)[0]
    return None


def screen_hash(elements: list[UiElement], foreground: str = "") -> str:
    """A short fingerprint of what is on screen; equal hashes after an action mean nothing changed."""
    h = hashlib.sha1(foreground.encode())
    for e in elements:
        h.update(f"|{e.text}|{e.desc}|{e.resource_id}|{e.cls}|{e.checked}|{e.bounds}".encode())
    return h.hexdigest()[:12]


def format_elements(elements: list[UiElement], limit: int = 60) -> str:
    lines = [e.line() for e in elements[:limit]]
    if len(elements) > limit:
        lines.append(f"... {len(elements) - limit} more")
    return "\n".join(lines) if lines else "(no elements)"


def find_button(elements: list[UiElement], words: tuple[str, ...]) -> UiElement | None:
    """The clickable element whose text, description or id names one of `words` (exact word)."""
    best = None
    for e in elements:
        hay = " ".join((e.text, e.desc, e.resource_id.rsplit("/", 1)[-1].replace("_", " "))).lower()
        if any(re.search(rf"\b{re.escape(w)}\b", hay) for w in words):
            if e.clickable and e.enabled:
                return e
            best = best or e
    return best
