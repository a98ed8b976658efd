"""The real chat app driven by Textual's pilot: real index, real model, real history file."""
from __future__ import annotations

import pytest

from agent.chat import ChatEngine
from agent.context import Anima
from agent.history import HistoryStore
from tests.fakes import FakeModel, Reply
from tui.app import AnimaApp
from tui.widgets import AnswerMessage, ChatInput, PassagePanel, SourcesList, UserMessage

from tui_helpers import wait_for

pytestmark = pytest.mark.asyncio


def make_app(tui_env, **kw) -> AnimaApp:
    home, anima = tui_env
    return AnimaApp(home, anima.settings, anima=anima, attach_daemon=False, poll_s=0.3, **kw)


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def test_question_streams_answer_with_sources_and_opens_passage(tui_env):
    home, anima = tui_env
    app = make_app(tui_env)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_text(pilot, "What color is my bike?")
        assert app.query_one(ChatInput).text == "What color is my bike?"
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ChatInput).text == ""  # Enter sent it
        assert [str(m.render()) for m in app.query(UserMessage)] == ["What color is my bike?"]
        answer = app.query_one(AnswerMessage)
        await wait_for(pilot, lambda: answer.done, what="the answer")
        assert answer.error is None and not answer.cancelled
        assert answer.text.strip()
        assert answer.tokens > 1  # arrived token by token, not in one piece
        sources = answer.query_one(SourcesList)
        assert any(s["path"].endswith("bike.md") for s in sources.sources)
        label = str(sources.get_option_at_index(0).prompt)
        assert ".md:" in label and "-" in label  # path and line range

        # Ctrl+O focuses the sources, Enter opens the cited lines read from the file.
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.focused is sources
        bike_index = next(i for i, s in enumerate(sources.sources) if s["path"].endswith("bike.md"))
        sources.highlighted = bike_index
        await pilot.press("enter")
        await pilot.pause()
        panel = app.query_one(PassagePanel)
        assert panel.display
        assert "blue Trek FX3" in str(panel.query_one(".passage-body").render())

        # Copy the answer.
        await pilot.press("ctrl+y")
        assert app.clipboard == answer.text

    # The turn was saved: question and answer with its sources.
    with HistoryStore(home.history_db) as store:
        conv = store.list_conversations()[0]
        msgs = store.messages(conv.id)
        assert [m.role for m in msgs[-2:]] == ["user", "assistant"]
        assert msgs[-2].content == "What color is my bike?"
        assert msgs[-1].content == answer.text
        assert any(s["path"].endswith("bike.md") for s in msgs[-1].sources)


async def test_shift_enter_makes_a_newline_and_multiline_is_sent_whole(tui_env):
    app = make_app(tui_env)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_text(pilot, "hi")
        await pilot.press("shift+enter")
        await type_text(pilot, "there")
        await pilot.press("ctrl+j")
        await type_text(pilot, "x")
        assert app.query_one(ChatInput).text == "hi\nthere\nx"
    # What a kitty-protocol terminal sends for Shift+Enter, and a line feed (Ctrl+J) anywhere,
    # reach the app as the keys bound above.
    from textual._xterm_parser import XTermParser

    assert [e.key for e in XTermParser().feed("\x1b[13;2u")] == ["shift+enter"]
    assert [e.key for e in XTermParser().feed("\n")] == ["ctrl+j"]


async def test_escape_cancels_a_generation(tui_env):
    """A scripted model streams three words, then holds until cancelled: Escape always lands
    mid-answer, however fast or slow the machine (a real model could finish first)."""
    home, anima = tui_env
    model = FakeModel([Reply("You pack a tent because it rains a lot", hold_after=3)])
    # The default reader copies answers without generating; the "write" reader streams a generation.
    engine = ChatEngine(home, anima.settings, memory=anima.memory, model=model, reader="write")
    held = Anima(home, anima.settings, memory=anima.memory, engine=engine)
    app = AnimaApp(home, anima.settings, anima=held, attach_daemon=False, poll_s=0.3)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_text(pilot, "What do I pack for camping?")
        await pilot.press("enter")
        answer = app.query_one(AnswerMessage)
        await wait_for(pilot, lambda: model.holding.is_set() and answer.tokens >= 3, what="the first tokens")
        await pilot.press("escape")
        await wait_for(pilot, lambda: answer.done, timeout=30, what="the cancelled answer")
        assert answer.cancelled
        assert answer.tokens == 3 and answer.text.startswith("You pack a")
        assert "because" not in answer.text
        assert "cancelled" in str(answer.query_one(".answer-meta").render())
        assert not app.busy
        # The app takes the next question after a cancel.
        assert app.query_one(ChatInput).has_focus


async def test_history_screen_resumes_a_conversation(tui_env):
    home, anima = tui_env
    with HistoryStore(home.history_db) as store:
        conv = store.new_conversation()
        store.add_message(conv.id, "user", "Where is the spare key?")
        store.add_message(conv.id, "assistant", "Under the blue pot.", sources=[
            {"path": "/nowhere/keys.md", "start_line": 3, "end_line": 5, "score": 0.1, "heading": ["Keys"]}])
    app = make_app(tui_env)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        from tui.screens import HistoryScreen

        assert isinstance(app.screen, HistoryScreen)
        titles = [c.title for c in app.screen.conversations]
        assert titles[0] == "Where is the spare key?"  # newest first
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.conversation_id == conv.id
        assert [str(m.render()) for m in app.query(UserMessage)] == ["Where is the spare key?"]
        answer = app.query_one(AnswerMessage)
        assert answer.text == "Under the blue pot."
        assert "keys.md:3-5" in str(answer.query_one(SourcesList).get_option_at_index(0).prompt)
        # Opening a source whose file is gone says so instead of crashing.
        await pilot.press("ctrl+o", "enter")
        await pilot.pause()
        assert "Cannot read" in str(app.query_one(PassagePanel).query_one(".passage-body").render())


async def test_help_screen_and_push_to_talk_without_microphone(tui_env):
    app = make_app(tui_env)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        from tui.screens import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        assert "Esc" in str(app.screen.query_one("#help-text").render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        # No microphone / PortAudio in this sandbox: a clear message, and the app keeps working.
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: any("Voice" in (n.title or "") for n in app._notifications), timeout=20,
                       what="the voice notification")
        note = next(n for n in app._notifications if "Voice" in (n.title or ""))
        assert "PortAudio" in note.message or "microphone" in note.message
        await type_text(pilot, "ok")
        assert app.query_one(ChatInput).text == "ok"


async def test_damaged_history_file_is_reported_and_left_alone(tmp_path):
    from agent.config import Home

    home = Home(tmp_path / "home").ensure()
    junk = b"not a database " * 200
    home.history_db.write_bytes(junk)
    app = AnimaApp(home, attach_daemon=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any(n.title == "History" and "Move it aside" in n.message for n in app._notifications)
        conv = app._ensure_conversation()  # this session still keeps its turns, in memory
        app.history.add_message(conv, "user", "hello")
        assert [m.content for m in app.history.messages(conv)] == ["hello"]
    assert home.history_db.read_bytes() == junk
