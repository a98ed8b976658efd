"""The ``framebuffer:`` service: adb's raw screen dump (what DDMS, adbkit and adbutils'
``framebuffer()`` read).

adbd implements it by running ``screencap`` (raw, no -p) and translating its 16-byte header
``width, height, pixel format, colour space`` into a version-2 ``fbinfo`` header of 14
little-endian u32:

    version(=2) bpp colorSpace size width height
    red_offset red_length blue_offset blue_length green_offset green_length alpha_offset alpha_length

followed by ``size`` bytes of pixels, copied unchanged from screencap. We do the same with the
virtual phone's own screencap, so the two always show the same picture.
"""
from __future__ import annotations

import struct
from collections.abc import Callable

from tools.virtual_phone.protocol import Stream

DDMS_RAWIMAGE_VERSION = 2
SCREENCAP_HEADER = struct.Struct("<4I")
FBINFO = struct.Struct("<14I")

# hardware/hardware.h pixel formats -> (bpp, (offset, length) for red, blue, green, alpha)
_FORMATS: dict[int, tuple[int, tuple[tuple[int, int], ...]]] = {
    1: (32, ((0, 8), (16, 8), (8, 8), (24, 8))),   # RGBA_8888
    2: (32, ((0, 8), (16, 8), (8, 8), (24, 0))),   # RGBX_8888
    3: (24, ((0, 8), (16, 8), (8, 8), (24, 0))),   # RGB_888
    4: (16, ((11, 5), (0, 5), (5, 6), (0, 0))),    # RGB_565
    5: (32, ((16, 8), (0, 8), (8, 8), (24, 8))),   # BGRA_8888
}


class FramebufferError(ValueError):
    """screencap produced something adbd's framebuffer service would refuse."""


def fbinfo_from_screencap(raw: bytes) -> bytes:
    """A raw screencap (header + pixels) -> the framebuffer: reply (fbinfo header + pixels)."""
    if len(raw) < SCREENCAP_HEADER.size:
        raise FramebufferError("screencap output is shorter than its header")
    width, height, fmt, colour_space = SCREENCAP_HEADER.unpack_from(raw)
    if fmt not in _FORMATS:
        raise FramebufferError(f"unsupported pixel format {fmt}")
    bpp, channels = _FORMATS[fmt]
    size = width * height * bpp // 8
    pixels = raw[SCREENCAP_HEADER.size : SCREENCAP_HEADER.size + size]
    if len(pixels) != size:
        raise FramebufferError(f"screencap gave {len(pixels)} pixel bytes, expected {size}")
    fields = [DDMS_RAWIMAGE_VERSION, bpp, colour_space, size, width, height]
    for offset, length in channels:
        fields += [offset, length]
    return FBINFO.pack(*fields) + pixels


def serve_framebuffer(stream: Stream, screencap: Callable[[], bytes]) -> None:
    """screencap() returns the raw screencap bytes. On a failure adbd just closes the stream
    without a header, which is what we do too (the caller closes it)."""
    try:
        reply = fbinfo_from_screencap(screencap())
    except FramebufferError:
        return
    stream.write(reply)
