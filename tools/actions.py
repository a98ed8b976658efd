"""Typed phone actions: the only things tools/device.py knows how to execute.

The agent decides *what* to do and builds one of these; the device layer turns it into adb argument
lists. Every field is validated here, so nothing malformed (or shell-shaped) reaches the phone.
"""
from __future__ import annotations

import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, Field, TypeAdapter, field_validator, model_validator

KEYS = ("BACK", "HOME", "ENTER", "APP_SWITCH", "VOLUME_UP", "VOLUME_DOWN", "VOLUME_MUTE",
        "MEDIA_PLAY_PAUSE", "MEDIA_NEXT", "MEDIA_PREVIOUS", "MEDIA_STOP", "POWER", "DEL", "TAB")


def normalize_number(raw: str) -> str:
    """E.164-style digits for intents: "+1 503 555 0142" -> "+15035550142".

    Only digits and one leading '+' survive, so a number can never carry shell or URI syntax.
    """
    text = raw.strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("00") and len(digits) > 2:  # international prefix written as 00
        return "+" + digits[2:]
    if len(digits) < 3:
        raise ValueError(f"not a phone number: {raw!r}")
    return ("+" if text.startswith("+") else "") + digits


class _Act(BaseModel):
    model_config = {"extra": "forbid"}


class Tap(_Act):
    kind: Literal["tap"] = "tap"
    index: int | None = Field(None, ge=0)  # element index from the last observation
    x: int | None = Field(None, ge=0)
    y: int | None = Field(None, ge=0)

    @model_validator(mode="after")
    def _target(self):
        if self.index is None and (self.x is None or self.y is None):
            raise ValueError("tap needs an element index or x and y")
        return self


class LongPress(Tap):
    kind: Literal["long_press"] = "long_press"  # type: ignore[assignment]
    duration_ms: int = Field(800, ge=100, le=10_000)


class TypeText(_Act):
    kind: Literal["type_text"] = "type_text"
    text: str = Field(min_length=1, max_length=2000)


class Swipe(_Act):
    kind: Literal["swipe"] = "swipe"
    x1: int
    y1: int
    x2: int
    y2: int
    duration_ms: int = Field(300, ge=10, le=10_000)


class Scroll(_Act):
    kind: Literal["scroll"] = "scroll"
    direction: Literal["up", "down", "left", "right"] = "down"


class Key(_Act):
    kind: Literal["key"] = "key"
    key: str

    @field_validator("key")
    @classmethod
    def _known(cls, v: str) -> str:
        v = v.upper().removeprefix("KEYCODE_")
        if v not in KEYS:
            raise ValueError(f"unknown key {v!r}; known: {', '.join(KEYS)}")
        return v


class OpenApp(_Act):
    kind: Literal["open_app"] = "open_app"
    name: str = Field(min_length=1, max_length=100)  # a label ("camera") or a package name


class OpenUrl(_Act):
    kind: Literal["open_url"] = "open_url"
    url: str

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        v = v.strip()
        if re.match(r"^[a-z][a-z0-9+.-]*:(?!\d)", v, re.I) and not re.match(r"^https?://", v, re.I):
            raise ValueError(f"only http(s) URLs can be opened, not {v[:40]!r}")  # javascript:, intent:, file:
        if not re.match(r"^https?://", v, re.I):
            v = "https://" + v
        if not re.match(r"^https?://[\w.-]+\.[a-z]{2,}(?::\d+)?(?:[/?#][^\s'\"`<>]*)?$|^https?://localhost\b", v, re.I):
            raise ValueError(f"not an http(s) URL: {v!r}")
        return v


class _ToNumber(_Act):
    to: str

    @field_validator("to")
    @classmethod
    def _num(cls, v: str) -> str:
        return normalize_number(v)


class SendSms(_ToNumber):
    kind: Literal["send_sms"] = "send_sms"
    body: str = Field(min_length=1, max_length=1600)


class Call(_ToNumber):
    kind: Literal["call"] = "call"


class SetAlarm(_Act):
    kind: Literal["set_alarm"] = "set_alarm"
    hour: int = Field(ge=0, le=23)
    minute: int = Field(0, ge=0, le=59)
    label: str = ""


class SetTimer(_Act):
    kind: Literal["set_timer"] = "set_timer"
    seconds: int = Field(ge=1, le=24 * 3600)
    label: str = ""


class Screenshot(_Act):
    kind: Literal["screenshot"] = "screenshot"


class Toggle(_Act):
    kind: Literal["wifi", "bluetooth", "airplane"]
    enabled: bool


class Volume(_Act):
    kind: Literal["volume"] = "volume"
    level: int | Literal["max", "up", "down", "mute"]

    @field_validator("level")
    @classmethod
    def _lvl(cls, v):
        if isinstance(v, int) and not 0 <= v <= 100:
            raise ValueError("volume level is 0..100 (steps on the phone's media stream)")
        return v


class Brightness(_Act):
    kind: Literal["brightness"] = "brightness"
    level: int | Literal["max", "min", "up", "down"]

    @field_validator("level")
    @classmethod
    def _lvl(cls, v):
        if isinstance(v, int) and not 0 <= v <= 255:
            raise ValueError("brightness is 0..255")
        return v


class ReadNotifications(_Act):
    kind: Literal["notifications"] = "notifications"


class Battery(_Act):
    kind: Literal["battery"] = "battery"


Action = Annotated[
    Union[Tap, LongPress, TypeText, Swipe, Scroll, Key, OpenApp, OpenUrl, SendSms, Call, SetAlarm,
          SetTimer, Screenshot, Toggle, Volume, Brightness, ReadNotifications, Battery],
    Field(discriminator="kind"),
]
ACTION_KINDS = ("tap", "long_press", "type_text", "swipe", "scroll", "key", "open_app", "open_url",
                "send_sms", "call", "set_alarm", "set_timer", "screenshot", "wifi", "bluetooth",
                "airplane", "volume", "brightness", "notifications", "battery")

_adapter: TypeAdapter = TypeAdapter(Action)


def make_action(kind: str, args: dict) -> Action:
    """Validate a (kind, args) pair into a typed action; ValueError with the reason otherwise."""
    from pydantic import ValidationError

    try:
        return _adapter.validate_python({"kind": kind, **args})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise ValueError(f"invalid {kind} action ({where}: {first.get('msg')})") from None
