"""The deterministic command parser, safety classes and contact-line extraction (no phone, no model)."""
from __future__ import annotations

import pytest

from agent.phone import is_phone_command, parse_command
from agent.phone.contacts import _line_numbers, _terms
from agent.phone.parser import parse_duration, parse_time
from agent.phone.safety import approved, risk_class


def kinds(text):
    steps = parse_command(text)
    return None if steps is None else [(s.kind, s.args) for s in steps]


@pytest.mark.parametrize("text,want", [
    ("text my brother that dinner is at 8", [("send_sms", {"contact": "my brother", "body": "dinner is at 8"})]),
    ("Send a text to Jo saying see you soon!", [("send_sms", {"contact": "Jo", "body": "see you soon"})]),
    ("send Priya a message: on my way", [("send_sms", {"contact": "Priya", "body": "on my way"})]),
    ("message +1 503 555 0100 that the door is open", [("send_sms", {"to": "+1 503 555 0100", "body": "the door is open"})]),
    ("remind Dad to take his pills - text him", [("send_sms", {"contact": "Dad", "body": "Reminder: Take his pills"})]),
    ("please call my dentist", [("call", {"contact": "my dentist"})]),
    ("ring Jo", [("call", {"contact": "Jo"})]),
    ("set an alarm for 7:30 pm", [("set_alarm", {"hour": 19, "minute": 30})]),
    ("wake me up at 6am tomorrow", [("set_alarm", {"hour": 6, "minute": 0})]),
    ("set an alarm for 12 am", [("set_alarm", {"hour": 0, "minute": 0})]),
    ("set a timer for 1 hour 30 minutes", [("set_timer", {"seconds": 5400})]),
    ("turn on airplane mode", [("airplane", {"enabled": True})]),
    ("switch the wifi off", [("wifi", {"enabled": False})]),
    ("disable bluetooth", [("bluetooth", {"enabled": False})]),
    ("turn the volume up", [("volume", {"level": "up"})]),
    ("set volume to 7", [("volume", {"level": 7})]),
    ("mute", [("volume", {"level": "mute"})]),
    ("set brightness to 100%", [("brightness", {"level": 255})]),
    ("go back", [("key", {"key": "BACK"})]),
    ("show recent apps", [("key", {"key": "APP_SWITCH"})]),
    ("pause the music", [("key", {"key": "MEDIA_PLAY_PAUSE"})]),
    ("grab a screenshot", [("screenshot", {})]),
    ("visit example.org/docs", [("open_url", {"url": "example.org/docs"})]),
    ("launch Google Maps", [("open_app", {"name": "Google Maps"})]),
    ("read my notifications", [("notifications", {})]),
    ("open the clock and set an alarm for 5:15", [("open_app", {"name": "clock"}), ("set_alarm", {"hour": 5, "minute": 15})]),
    ("open settings then turn off wifi", [("wifi", {"enabled": False})]),
])
def test_common_commands(text, want):
    assert kinds(text) == want


def test_body_keeps_and_when_the_rest_is_not_a_command():
    assert kinds("text Jo that I love you and miss you") == [("send_sms", {"contact": "Jo", "body": "I love you and miss you"})]


@pytest.mark.parametrize("text", ["what's the weather like", "find the cheapest flight and book it",
                                  "set an alarm", "call", "open the camera and do a dance"])
def test_unknown_goes_to_the_model(text):
    assert parse_command(text) is None


def test_time_and_duration_helpers():
    assert parse_time("at noon") == (12, 0) and parse_time("7") is None and parse_time("25:00") is None
    assert parse_duration("half an hour") == 1800 and parse_duration("90 s") == 90


def test_is_phone_command():
    assert is_phone_command("turn off wifi")
    assert not is_phone_command("when is Anja's birthday?")


def test_risk_classes():
    assert risk_class("send_sms") == "send_sms" and risk_class("wifi") == "settings"
    assert risk_class("brightness") == "settings" and risk_class("open_app") is None
    assert risk_class("tap", {}, "Send SMS") == "send_sms" and risk_class("tap", {}, "Buy now") == "pay"
    assert risk_class("tap", {}, "Camera") is None


def test_approval_paths():
    kw = dict(allow=[], action=None)
    assert approved("call", "call Jo", yes=False, confirm=None, **kw)[0] is False
    assert "--yes" in approved("call", "call Jo", yes=False, confirm=None, **kw)[1]
    assert approved("call", "call Jo", yes=True, confirm=None, **kw)[0]
    assert approved("call", "call Jo", yes=False, confirm=lambda a: False, **kw)[0] is False
    assert approved("call", "call Jo", yes=False, confirm=lambda a: True, **kw)[0]
    assert approved("settings", "wifi off", yes=False, confirm=None, allow=["settings"], action=None)[0]
    assert approved(None, "open camera", yes=False, confirm=None, **kw)[0]


def test_contact_line_extraction():
    _, mom = _terms("Mom")
    assert "mother" in mom
    assert _line_numbers("| mother | Eva Roth | +49 30 555 0100 | lives in Berlin |", mom) == \
        [("+49 30 555 0100", "| mother | Eva Roth | +49 30 555 0100 | lives in Berlin |")]
    line = "Call Jo on +1 503 555 0101 or Sam on +1 503 555 0102."
    assert _line_numbers(line, ["sam"])[0][0] == "+1 503 555 0102"
    assert _line_numbers("grandmother's number +1 503 555 0103", mom) == []  # word-bounded
    assert _line_numbers("Mom visited on 2024-06-01", mom) == []


def test_model_schema_only_offers_tappable_elements():
    from agent.phone.planner import action_schema, tappable
    from tools.uitree import UiElement

    els = [UiElement(index=0, cls="android.widget.FrameLayout"), UiElement(index=1, text="Send", clickable=True),
           UiElement(index=2, text="Off", clickable=True, enabled=False), UiElement(index=3, desc="Camera", clickable=True)]
    assert tappable(els) == [1, 3]
    schema = action_schema(tappable(els))
    assert schema["properties"]["index"]["enum"] == [1, 3]
    assert "send_sms" not in schema["properties"]["action"]["enum"] and "call" not in schema["properties"]["action"]["enum"]
    assert "tap" not in action_schema([])["properties"]["action"]["enum"]
