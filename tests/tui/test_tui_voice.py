"""The chat app's voice button (Ctrl+R) hears as `anima listen` does: real speech (espeak-ng, flite)
fed to the real app through its recorder, the real recognizer, the virtual phone over the real adb
server. The priming with this user's names, the recovery of a misheard word and the phone's own
apps are agent/commands/listen.py's Listener, shared with the CLI.

The commands and notes here were never used to tune the vocabulary (bench/voice/commands.jsonl is
the tuning and measuring set).
"""
from __future__ import annotations

import shutil
import subprocess

import pytest

from tui.app import AnimaApp
from tui.screens import ConfirmScreen
from tui.widgets import AnswerMessage, PhoneMessage

from tui_helpers import wait_for

pytestmark = pytest.mark.asyncio

TOBIAS, ROSALIND = "+49305550177", "+442079460018"


@pytest.fixture(scope="module")
def voice_env(tmp_path_factory):
    """(home, anima, recordings folder): two contacts in the notes, indexed for real."""
    from agent.config import Home
    from agent.context import Anima

    root = tmp_path_factory.mktemp("tui-voice")
    notes = root / "notes"
    notes.mkdir()
    (notes / "people.md").write_text(
        "# People\n\n| who | name | phone |\n|---|---|---|\n"
        "| uncle | Tobias Wendt | +49 30 555 0177 |\n"
        "| neighbour | Rosalind Pike | +44 20 7946 0018 |\n", encoding="utf-8")
    home = Home(root / "home").ensure()
    home.config_file.write_text(f'notes_dirs = ["{notes}"]\n\n[model]\nmax_tokens = 16\n', encoding="utf-8")
    anima = Anima(home, home.load_settings())
    anima.memory.index([notes])
    yield home, anima, root
    anima.close()


def _say(folder, engine: str, voice: str, text: str):
    out = folder / f"{engine}-{voice}-{text.replace(' ', '_')}.wav"
    if engine == "espeak-ng":
        cmd = ["espeak-ng", "-v", voice, "-w", str(out), text]
    else:
        cmd = ["flite", "-voice", voice, "-t", text, "-o", str(out)]
    subprocess.run(cmd, check=True, capture_output=True)
    return out


@pytest.fixture()
def microphone(monkeypatch, tmp_path):
    """say(engine, voice, text): the next Ctrl+R records that speech (the app deletes its
    recording, so it gets a copy). Returns what the recognizer was primed with, per call."""
    import tools.voice

    primed: list[dict] = []
    real_transcribe = tools.voice.transcribe

    def transcribe(wav, **kwargs):
        primed.append(kwargs)
        return real_transcribe(wav, **kwargs)

    monkeypatch.setattr(tools.voice, "transcribe", transcribe)
    queue = []

    def record_command(max_s=10.0, **_):
        recording = tmp_path / f"recorded-{len(primed)}.wav"
        shutil.copy(queue.pop(0), recording)
        return recording

    monkeypatch.setattr(tools.voice, "record_command", record_command)

    def say(engine: str, voice: str, text: str):
        queue.append(_say(tmp_path, engine, voice, text))
        return primed

    return say


def _app(voice_env, vphone) -> AnimaApp:
    home, anima, _ = voice_env
    return AnimaApp(home, anima.settings, anima=anima, attach_daemon=False, phone_serial=vphone.serial, poll_s=0.3)


def _settled(app):
    """A modal asks, or the spoken turn has ended (a phone result, or an answer from the notes)."""
    return (isinstance(app.screen, ConfirmScreen) or any(w.result is not None for w in app.query(PhoneMessage))
            or any(a.done for a in app.query(AnswerMessage)))


async def test_a_contact_from_the_notes_is_heard_through_the_priming(voice_env, vphone, microphone):
    """espeak-ng's "phone Rosalind": with the generic command prompt tiny.en prints "Phone rows are
    in." (no one to call); primed with the notes' names, as `anima listen` primes it, "Phone
    Rosalind." - a call, asked about like any typed call, and made when the user says yes."""
    primed = microphone("espeak-ng", "en-us", "phone Rosalind")
    app = _app(voice_env, vphone)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: _settled(app), timeout=120, what="the spoken command")
        assert "Rosalind" in (primed[0].get("prompt") or ""), primed  # this user's names reach the recognizer
        assert isinstance(app.screen, ConfirmScreen), [w.result for w in app.query(PhoneMessage)]
        assert "Rosalind" in app.screen.question or ROSALIND in app.screen.question
        await pilot.press("y")
        widget = app.query(PhoneMessage).last()
        await wait_for(pilot, lambda: widget.result is not None, timeout=60, what="the phone result")
        assert widget.result["error"] is None and widget.result["actions"][0]["ok"]
    assert [c.to for c in vphone.state().calls] == [ROSALIND]


async def test_a_misheard_verb_is_put_back_and_read_back(voice_env, vphone, microphone):
    """flite's "ring my uncle" comes out as "Bring my uncle.": no command as it stands (the old
    voice button answered it from the notes); the recovery puts "Ring" back with this user's
    relations and, as a recovered risky command, reads it back: No calls no one, Yes calls Tobias."""
    microphone("flite", "slt", "ring my uncle")
    microphone("flite", "slt", "ring my uncle")
    app = _app(voice_env, vphone)
    async with app.run_test(size=(120, 40)) as pilot:
        for answer, calls in (("n", []), ("y", [TOBIAS])):
            before = len(app.query(PhoneMessage))
            await pilot.press("ctrl+r")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen) or not app.busy and (
                len(app.query(PhoneMessage)) > before or app.query(AnswerMessage)), timeout=120,
                what="the spoken command")
            assert not app.query(AnswerMessage), "a misheard command was answered as a question"
            assert isinstance(app.screen, ConfirmScreen), [w.result for w in app.query(PhoneMessage)]
            assert "not sure I heard you right" in app.screen.question and "Ring my uncle" in app.screen.question
            await pilot.press(answer)
            widget = app.query(PhoneMessage).last()
            await wait_for(pilot, lambda: widget.result is not None and not app.busy, timeout=60,
                           what="the phone result")
            assert [c.to for c in vphone.state().calls] == calls


async def test_an_app_on_the_phone_is_put_back_from_a_garbled_transcript(voice_env, vphone, microphone):
    """espeak-ng's "open WhatsApp": with the generic command prompt tiny.en prints "Open Wi-Fi."
    over and over, answered as a question; with the phone's installed apps in the vocabulary (read
    over adb, as `anima listen` does; in the recovery (and in the prompt when PRIME_APPS > 0) in any
    case) WhatsApp is opened, a safe action: no question."""
    microphone("espeak-ng", "en-us", "open WhatsApp")
    app = _app(voice_env, vphone)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: _settled(app) and not app.busy, timeout=120, what="the spoken command")
        assert not app.query(AnswerMessage), "the command was answered as a question"
        widget = app.query(PhoneMessage).last()
        assert widget.result["error"] is None, widget.result
        assert "whatsapp" in widget.result["command"].lower()
        assert widget.result["actions"][0]["ok"]
    assert vphone.state().foreground == "com.whatsapp"
