"""Phone commands from the chat, against the virtual phone through the real adb server."""
from __future__ import annotations

import pytest

from tui.app import AnimaApp
from tui.screens import ChoiceScreen, ConfirmScreen
from tui.widgets import PhoneMessage

from tui_helpers import wait_for

pytestmark = pytest.mark.asyncio


async def send(pilot, app, text: str) -> PhoneMessage:
    # The app drops a message sent while it is still busy with the last one ("Still answering"),
    # and it clears `busy` a moment after the last result shows: wait for that, not for the result.
    await wait_for(pilot, lambda: not app.busy, timeout=60, what="the app to finish the last message")
    before = len(app.query(PhoneMessage))
    app.send(text)
    # Routing mounts the widget on a later turn of the event loop (later still on a busy machine):
    # wait for it instead of assuming one pause is enough.
    await wait_for(pilot, lambda: len(app.query(PhoneMessage)) > before, timeout=30, what="the message routed to the phone")
    widgets = list(app.query(PhoneMessage))
    assert len(widgets) == before + 1, "the message was not routed to the phone"
    return widgets[-1]


async def test_risky_action_confirmed_then_refused(tui_env, vphone):
    home, anima = tui_env
    assert vphone.state().wifi is True
    app = AnimaApp(home, anima.settings, anima=anima, attach_daemon=False, phone_serial=vphone.serial)
    async with app.run_test(size=(120, 40)) as pilot:
        # Confirm: the modal names the action; Yes runs it, and the result says it was verified.
        widget = await send(pilot, app, "turn off wifi")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), timeout=60, what="the confirmation")
        assert "wifi" in app.screen.question.lower()
        await pilot.press("y")
        await wait_for(pilot, lambda: widget.result is not None, timeout=60, what="the phone result")
        assert widget.result["error"] is None
        assert widget.result["actions"][0]["ok"] and widget.result["actions"][0]["verified"]
        assert vphone.state().wifi is False
        shown = str(widget.query_one(".phone-body").render())
        assert "verified" in shown and "wifi" in shown.lower()

        # Refuse: No leaves the phone untouched and the chat says nothing was done.
        widget = await send(pilot, app, "turn on wifi")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), timeout=60, what="the confirmation")
        await pilot.press("n")
        await wait_for(pilot, lambda: widget.result is not None, timeout=60, what="the phone result")
        assert widget.result["actions"] == []
        assert "refused" in (widget.result["error"] or "")
        assert vphone.state().wifi is False
        assert not any("svc wifi enable" in c for c in vphone.commands)
        assert "refused" in str(widget.query_one(".phone-body").render())


async def test_pick_phone_from_the_command_palette_action(tui_env, vphone):
    home, anima = tui_env
    app = AnimaApp(home, anima.settings, anima=anima, attach_daemon=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.run_action("pick_phone")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        serials = [value for _, value in app.screen.choices]
        assert vphone.serial in serials
        app.screen.query_one("#choices").highlighted = serials.index(vphone.serial)
        await pilot.press("enter")
        await pilot.pause()
        assert app.phone_serial == vphone.serial


async def test_a_pre_approved_setting_heard_unsurely_is_read_back_first(tui_env, vphone):
    """[phone] allow = ["settings"]: typed, "turn off wifi" runs with no question; the same kind of
    command from push-to-talk with an unsure word is read back before it runs (what the user
    pre-approved is a command they said, not one the recognizer guessed)."""
    from tools.voice import Confidence, Transcript

    home, anima = tui_env
    agent = anima.phone
    saved = agent.settings
    agent.settings = saved.model_copy(update={"phone": saved.phone.model_copy(update={"allow": ["settings"]})})
    try:
        app = AnimaApp(home, anima.settings, anima=anima, attach_daemon=False, phone_serial=vphone.serial)
        async with app.run_test(size=(120, 40)) as pilot:
            widget = await send(pilot, app, "turn off wifi")
            await wait_for(pilot, lambda: widget.result is not None, timeout=60, what="the phone result")
            assert vphone.state().wifi is False and not isinstance(app.screen, ConfirmScreen)

            unsure = Transcript(text="turn on wifi", seconds=1.2, language="en",
                                confidence=Confidence(min_word_prob=0.3, mean_word_prob=0.6, unsure_words=["wifi"]))
            await wait_for(pilot, lambda: not app.busy, timeout=60, what="the app to finish the last message")
            before = len(app.query(PhoneMessage))
            app.send(unsure.text, unsure)
            await wait_for(pilot, lambda: len(app.query(PhoneMessage)) > before, timeout=30, what="the message routed to the phone")
            widget = list(app.query(PhoneMessage))[before]
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), timeout=60, what="the read-back")
            assert "not sure I heard you right" in app.screen.question and vphone.state().wifi is False
            await pilot.press("y")
            await wait_for(pilot, lambda: widget.result is not None, timeout=60, what="the phone result")
            assert vphone.state().wifi is True
    finally:
        agent.settings = saved
