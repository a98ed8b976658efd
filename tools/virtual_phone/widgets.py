"""Layout primitives of the virtual phone's screens: nodes, rows, scrolling lists, hierarchy XML.

A screen renders to a tree of `Node`s on a 1080x2400 display; uiautomator's dump is that tree as
XML. Rows and lists follow Android's shapes (a Settings row is a clickable LinearLayout holding a
title and a summary TextView, and a Switch for switch rows; a RecyclerView only holds the rows in
view).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

WIDTH, HEIGHT = 1080, 2400
STATUS_BAR = 132

@dataclass
class Node:
    cls: str = "android.widget.FrameLayout"
    text: str = ""
    resource_id: str = ""
    desc: str = ""
    bounds: tuple[int, int, int, int] = (0, 0, WIDTH, HEIGHT)
    clickable: bool = False
    checkable: bool = False
    checked: bool = False
    focusable: bool = False
    focused: bool = False
    scrollable: bool = False
    long_clickable: bool = False
    password: bool = False
    selected: bool = False
    enabled: bool = True
    action: tuple | None = None
    children: list[Node] = field(default_factory=list)

    def add(self, *nodes: Node) -> Node:
        self.children.extend(nodes)
        return self

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def to_xml(self, package: str, index: int, depth: int) -> str:
        x1, y1, x2, y2 = self.bounds
        b = lambda v: "true" if v else "false"  # noqa: E731
        attrs = (f'index="{index}" text="{xml_attr(self.text)}" '
                 f'resource-id="{xml_attr(self.resource_id)}" class="{self.cls}" package="{package}" '
                 f'content-desc="{xml_attr(self.desc)}" checkable="{b(self.checkable)}" '
                 f'checked="{b(self.checked)}" clickable="{b(self.clickable)}" enabled="{b(self.enabled)}" '
                 f'focusable="{b(self.focusable or self.clickable)}" focused="{b(self.focused)}" '
                 f'scrollable="{b(self.scrollable)}" long-clickable="{b(self.long_clickable)}" '
                 f'password="{b(self.password)}" selected="{b(self.selected)}" '
                 f'bounds="[{x1},{y1}][{x2},{y2}]"')
        if not self.children:
            return f"<node {attrs} />"
        inner = "".join(c.to_xml(package, i, depth + 1) for i, c in enumerate(self.children))
        return f"<node {attrs}>{inner}</node>"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_attr(value: str) -> str:
    """Escape like Android's serializer; characters XML cannot hold become '?' (as the
    dumper's safeCharSeqToString does), so a hostile SMS cannot break the dump."""
    value = _NOT_XML.sub("?", value)
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;"))


def hierarchy_xml(root: Node, package: str) -> str:
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>"
            f'<hierarchy rotation="0">{root.to_xml(package, 0, 0)}</hierarchy>')


def _text(text: str, y: int, *, rid: str = "", h: int = 110, x1: int = 48, x2: int = WIDTH - 48,
          cls: str = "android.widget.TextView", **kw: Any) -> Node:
    return Node(cls=cls, text=text, resource_id=rid, bounds=(x1, y, x2, y + h), **kw)


def _button(label: str, y: int, action: tuple, *, rid: str = "", desc: str = "", x1: int = 48,
            x2: int = WIDTH - 48, h: int = 140, cls: str = "android.widget.Button", enabled: bool = True) -> Node:
    return Node(cls=cls, text=label, resource_id=rid, desc=desc, bounds=(x1, y, x2, y + h),
                clickable=enabled, enabled=enabled, action=action if enabled else None)


def _switch_row(title: str, on: bool, y: int, action: tuple, *, summary: str = "") -> Node:
    row = Node(cls="android.widget.LinearLayout", bounds=(0, y, WIDTH, y + 200), clickable=True, action=action)
    row.add(_text(title, y + 30, rid="android:id/title", x2=850, h=80))
    if summary:
        row.add(_text(summary, y + 110, rid="android:id/summary", x2=850, h=60))
    row.add(Node(cls="android.widget.Switch", text="ON" if on else "OFF", resource_id="android:id/switch_widget",
                 bounds=(880, y + 60, 1032, y + 140), checkable=True, checked=on, clickable=True, action=action))
    return row


def _entry_row(title: str, summary: str, y: int, action: tuple) -> Node:
    row = Node(cls="android.widget.LinearLayout", bounds=(0, y, WIDTH, y + 200), clickable=True, action=action)
    row.add(_text(title, y + 30, rid="android:id/title", h=80), _text(summary, y + 110, rid="android:id/summary", h=60))
    return row


def _plain_row(title: str, y: int, action: tuple) -> Node:
    row = Node(cls="android.widget.LinearLayout", bounds=(0, y, WIDTH, y + 150), clickable=True, action=action)
    return row.add(_text(title, y + 35, rid="android:id/title", h=80))


@dataclass
class Screen:
    package: str
    activity: str      # fully qualified class name
    kind: str          # which renderer
    data: dict[str, Any] = field(default_factory=dict)


def _clip(node: Node, top: int, bottom: int) -> Node | None:
    """Clip a node to the visible band of its scrolling list, as uiautomator reports it."""
    x1, y1, x2, y2 = node.bounds
    if y2 <= top or y1 >= bottom:
        return None
    node.bounds = (x1, max(y1, top), x2, min(y2, bottom))
    node.children = [c for c in (_clip(ch, top, bottom) for ch in node.children) if c is not None]
    return node


def _scroll_list(screen: Screen, lst: Node, rows: list[tuple[int, Callable[[int], Node]]]) -> Node:
    """Lay out rows (height, build(y)) inside `lst`, shifted by the screen's scroll offset;
    rows outside the list's bounds are not in the hierarchy (a RecyclerView recycles them)."""
    _, top, _, bottom = lst.bounds
    total = sum(h for h, _ in rows)
    screen.data["scroll_max"] = max(0, total - (bottom - top))
    offset = max(0, min(screen.data.get("scroll", 0), screen.data["scroll_max"]))
    screen.data["scroll"] = offset
    y = top - offset
    for height, build in rows:
        if y + height > top and y < bottom:
            node = _clip(build(y), top, bottom)
            if node is not None:
                lst.add(node)
        y += height
    return lst
