"""A tiny PNG encoder (zlib + struct) and the screen painter behind `screencap`.

The picture is deliberately simple: a status bar, the app's background colour, and a filled
box for every node with text or a description (clickable ones darker), so two screens differ
visibly and a screenshot changes when the UI does.
"""
from __future__ import annotations

import struct
import zlib

from tools.virtual_phone.ui import APP_COLORS, HEIGHT, STATUS_BAR, WIDTH, Node

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def encode_png(width: int, height: int, rgb: bytes | bytearray) -> bytes:
    """8-bit RGB, filter type 0 on every row."""
    stride = width * 3
    raw = bytearray()
    for y in range(height):
        raw += b"\x00"
        raw += rgb[y * stride : (y + 1) * stride]
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG_SIGNATURE + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(bytes(raw), 6)) + _chunk(b"IEND", b"")


def paint(root: Node, kind: str, *, width: int = WIDTH, height: int = HEIGHT, screen_on: bool = True) -> bytearray:
    buf = bytearray(width * height * 3)
    if not screen_on:
        return buf  # a screen that is off captures black

    def fill(x1: int, y1: int, x2: int, y2: int, color: tuple[int, int, int]) -> None:
        x1, x2 = max(0, x1), min(width, x2)
        y1, y2 = max(0, y1), min(height, y2)
        if x1 >= x2:
            return
        row = bytes(color) * (x2 - x1)
        for y in range(y1, y2):
            off = (y * width + x1) * 3
            buf[off : off + len(row)] = row

    bg = APP_COLORS.get(kind.split("_")[0], APP_COLORS["generic"])
    fill(0, 0, width, height, bg)
    fill(0, 0, width, STATUS_BAR, (0, 0, 0))
    dark = sum(bg) < 300
    for node in root.walk():
        if not (node.text or node.desc):
            continue
        x1, y1, x2, y2 = node.bounds
        if node.clickable:
            color = (100, 140, 220) if not node.checked else (26, 115, 232)
        else:
            color = (200, 200, 200) if dark else (90, 90, 90)
        fill(x1 + 4, y1 + 4, x2 - 4, y2 - 4, color)
    return buf


def raw_framebuffer(rgb: bytes | bytearray, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """`screencap` without -p: a 16-byte header (w, h, format RGBA_8888=1, colour space sRGB=1) + RGBA.

    A Pixel reports sRGB (1) for an ordinary app screen; 0 (unknown) would also be legal, but the
    framebuffer: service copies this field into its header, where adbutils reads a 1 correctly."""
    rgba = bytearray(width * height * 4)
    rgba[0::4], rgba[1::4], rgba[2::4] = rgb[0::3], rgb[1::3], rgb[2::3]
    rgba[3::4] = b"\xff" * (width * height)
    return struct.pack("<IIII", width, height, 1, 1) + bytes(rgba)
