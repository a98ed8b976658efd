"""`anima chat`: the Textual app. Slow work (the model, retrieval, the phone, status) runs in
worker threads; they talk to the UI only through thread-safe messages and call_from_thread.

The app holds no logic the CLI needs: questions and re-indexing go through agent.assistant (the
daemon when one runs, else this process's Anima context), phone commands are the context's
PhoneAgent, push-to-talk hears through `anima listen`'s Listener (agent/commands/listen.py), status
is agent.status.collect_status, history is agent.history.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Static

from agent.assistant import Assistant, DaemonAssistant, LocalAssistant, Turn
from agent.config import Home, Settings
from agent.context import Anima
from agent.history import HistoryError, HistoryStore
from agent.phone import is_phone_command
from agent.training import TrainingBusy, run_cycle
from tui.palette import AnimaCommands
from tui.progress import read_progress
from tui.screens import ChoiceScreen, ConfirmScreen, HelpScreen, HistoryScreen
from tui.widgets import (
    AnswerMessage,
    ChatInput,
    PassagePanel,
    PhoneMessage,
    SourcesList,
    StatusPanel,
    UserMessage,
    render_phone_result,
)

log = logging.getLogger("anima.tui")


# Earlier turns sent with a question: enough to resolve "she" or "there", short enough that an
# old conversation does not steer a new topic.
HISTORY_TURNS = 4


class AnimaApp(App):
    TITLE = "anima"
    SUB_TITLE = "your notes, your phone, your machine"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {AnimaCommands}
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("f1", "help", "Help"),
        Binding("f2", "history", "History"),
        Binding("ctrl+n", "new_conversation", "New"),
        Binding("ctrl+o", "sources", "Sources"),
        Binding("ctrl+w", "close_passage", "Close passage", show=False),
        Binding("ctrl+y", "copy_answer", "Copy"),
        Binding("ctrl+r", "push_to_talk", "Talk"),
    ]

    def __init__(
        self,
        home: Home,
        settings: Settings | None = None,
        *,
        anima: Anima | None = None,
        phone_serial: str | None = None,
        attach_daemon: bool = True,
        poll_s: float = 3.0,
    ) -> None:
        super().__init__()
        self.home = home.ensure()
        self.anima = anima or Anima(self.home, settings)
        self.settings = self.anima.settings
        self.phone_serial = phone_serial or self.settings.phone.serial or None
        self.attach_daemon = attach_daemon
        self.poll_s = poll_s
        self.daemon = None  # a DaemonClient when attached
        self.history_problem: str | None = None
        try:
            self.history = HistoryStore(home.history_db)
        except HistoryError as exc:
            # Chat still works; this session's history lives in memory and the damaged file is
            # left untouched for the user to inspect or move aside.
            self.history_problem = str(exc)
            self.history = HistoryStore(Path(":memory:"))
        self.conversation_id: int | None = None
        self.cancel_event = threading.Event()
        self.busy = False
        self._exiting = False
        self.roots = [Path(d).expanduser().resolve() for d in self.settings.notes_dirs]

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="chat-column"):
                yield VerticalScroll(id="log")
                yield ChatInput(id="input", soft_wrap=True, show_line_numbers=False)
            with Vertical(id="side"):
                yield StatusPanel(id="status")
                yield PassagePanel(id="passage")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#passage", PassagePanel).display = False
        self.query_one("#input", ChatInput).focus()
        self.query_one("#log").mount(Static(
            "Ask about your notes, or give a phone command. F1 for keys, Ctrl+P for commands.",
            classes="system-message",
        ))
        self._start_status()
        if self.history_problem:
            self.notify(f"{self.history_problem}\nThis session is not saved.", title="History", severity="error", timeout=15)

    def on_unmount(self) -> None:
        self._exiting = True
        self.cancel_event.set()
        self.history.close()

    # -- the assistant ---------------------------------------------------------------------
    @property
    def assistant(self) -> Assistant:
        """The daemon while the app follows one, else this process (re-chosen when it stops)."""
        daemon = self.daemon
        return DaemonAssistant(daemon) if daemon is not None else LocalAssistant(self.anima)

    def memory(self):
        """The context's memory, opened once: the status poller, answers and phone commands share it."""
        return self.anima.memory

    def turns(self, conv: int) -> list[Turn]:
        """The conversation so far as (question, answer) turns, for resolving follow-ups."""
        turns: list[Turn] = []
        question = None
        for msg in self.history.messages(conv):
            if msg.role == "user":
                question = msg.content
            elif msg.role == "assistant" and question is not None and not msg.meta.get("error"):
                turns.append(Turn(question=question, answer=msg.content))
                question = None
        return turns[-HISTORY_TURNS:]

    def _ensure_conversation(self) -> int:
        if self.conversation_id is None:
            self.conversation_id = self.history.new_conversation().id
        return self.conversation_id

    # -- sending ---------------------------------------------------------------------------
    @on(ChatInput.Submitted)
    def _submitted(self, event: ChatInput.Submitted) -> None:
        self.send(event.text)

    def send(self, text: str, spoken=None, listener=None, command: bool | None = None) -> None:
        """`spoken`: the recognizer's transcript when the text was heard (push-to-talk): a risky
        phone step from an unsure transcript is read back, even if pre-approved. `listener`: the
        agent.commands.listen.Listener that heard it (its vocabulary recovers a misheard word);
        `command`: its verdict on whether the words are a phone command (None: as typed text)."""
        text = text.strip()
        if not text:
            return
        if self.busy:
            self.notify("Still answering the last message (Esc cancels it).", severity="warning")
            return
        log_view = self.query_one("#log", VerticalScroll)
        log_view.mount(UserMessage(text))
        conv = self._ensure_conversation()
        earlier = self.turns(conv)
        self.history.add_message(conv, "user", text)
        self.busy = True
        self.cancel_event = threading.Event()
        if is_phone_command(text) if command is None else command:
            widget = PhoneMessage(text)
            log_view.mount(widget)
            log_view.scroll_end(animate=False)
            self._run_phone(text, widget, conv, self.cancel_event, spoken, listener)
        else:
            widget = AnswerMessage(self.roots)
            log_view.mount(widget)
            log_view.scroll_end(animate=False)
            self._run_answer(text, widget, conv, self.cancel_event, earlier)

    @work(thread=True, group="generate", exit_on_error=False)
    def _run_answer(self, question: str, widget: AnswerMessage, conv: int, cancel: threading.Event,
                    earlier: list[Turn]) -> None:
        def on_token(piece: str) -> None:
            widget.post_message(AnswerMessage.Token(piece))

        text, sources, error, meta = None, [], None, ""
        try:
            answer = self.assistant.ask(question, history=earlier, on_token=on_token, cancel=cancel)
            text = answer.answer
            sources = [s.model_dump(mode="json") for s in answer.sources]
            total = answer.timings_ms.get("total")
            meta = f"{answer.model} · {total / 1000:.1f} s" if total else answer.model
        except Exception as exc:  # shown in the chat: the app must survive a broken model or index
            log.exception("answer failed")
            error = str(exc) or type(exc).__name__
        cancelled = cancel.is_set()
        if cancelled and text is not None:
            text = text.removesuffix("[cancelled]").rstrip()
        self.call_from_thread(widget.finish, text, sources, cancelled=cancelled, error=error, meta=meta)
        stored = text if text is not None else widget.text
        self.history.add_message(
            conv, "assistant", error and f"(error: {error})" or stored, sources=sources,
            meta={"cancelled": cancelled, "error": error},
        )
        self.call_from_thread(self._done)

    def _done(self) -> None:
        self.busy = False
        self.query_one("#log", VerticalScroll).scroll_end(animate=False)

    # -- phone -----------------------------------------------------------------------------
    def _get_phone_agent(self):
        return self.anima.phone

    def confirm_from_thread(self, question: str, details: str = "", cancel: threading.Event | None = None) -> bool:
        """Block a worker thread on a Yes/No modal shown by the UI thread."""
        answered = threading.Event()
        box: dict[str, bool] = {}

        def show() -> None:
            def done(result: bool | None) -> None:
                box["ok"] = bool(result)
                answered.set()

            self.push_screen(ConfirmScreen(question, details), done)

        self.call_from_thread(show)
        while not answered.wait(0.1):
            if (cancel is not None and cancel.is_set()) or not self.is_running:
                return False
        return box["ok"]

    @work(thread=True, group="generate", exit_on_error=False)
    def _run_phone(self, command: str, widget: PhoneMessage, conv: int, cancel: threading.Event, spoken=None,
                   listener=None) -> None:
        def confirm(action) -> bool:
            return self.confirm_from_thread(action.description, _details(action), cancel)

        def read_back(heard, action, unsure: str) -> bool:
            question = f'I\'m not sure I heard you right (unsure of: {unsure}): "{heard.text}". {action.description}?'
            return self.confirm_from_thread(question, _details(action), cancel)

        try:
            if spoken is not None:
                if listener is None:  # a transcript heard elsewhere: the vocabulary anima listen has
                    listener = self._listener()
                result, _ = listener.act(self._get_phone_agent(), spoken, serial=self.phone_serial, yes=False,
                                         dry_run=False, interactive=True, confirm=confirm, ask=read_back)
            else:
                result = self._get_phone_agent().run(command, serial=self.phone_serial, confirm=confirm)
            data = result.model_dump(mode="json")
        except Exception as exc:
            log.exception("phone command failed")
            data = {"command": command, "plan": [], "actions": [], "question": None,
                    "error": str(exc) or type(exc).__name__, "device_state": None}
        self.call_from_thread(widget.show_result, data)
        self.history.add_message(conv, "phone", render_phone_result(data), meta={"result": data})
        self.call_from_thread(self._done)

    # -- actions ---------------------------------------------------------------------------
    def action_cancel(self) -> None:
        if isinstance(self.screen, (ConfirmScreen, ChoiceScreen, HistoryScreen, HelpScreen)):
            self.screen.dismiss(None if not isinstance(self.screen, ConfirmScreen) else False)
            return
        if self.busy:
            self.cancel_event.set()
            self.notify("Cancelled.")
        elif self.query_one("#passage", PassagePanel).display:
            self.action_close_passage()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_history(self) -> None:
        def resume(conv_id: int | None) -> None:
            if conv_id is not None:
                self.load_conversation(conv_id)

        self.push_screen(HistoryScreen(self.history.list_conversations()), resume)

    def action_new_conversation(self) -> None:
        if self.busy:
            self.notify("Wait for the answer, or cancel it with Esc.", severity="warning")
            return
        self.conversation_id = None
        self.query_one("#log", VerticalScroll).remove_children()
        self.notify("New conversation.")

    def load_conversation(self, conv_id: int) -> None:
        """Show a saved conversation and continue it: new messages are appended to it."""
        if self.busy:
            self.notify("Wait for the answer, or cancel it with Esc.", severity="warning")
            return
        log_view = self.query_one("#log", VerticalScroll)
        log_view.remove_children()
        widgets = []
        for msg in self.history.messages(conv_id):
            if msg.role == "user":
                widgets.append(UserMessage(msg.content))
            elif msg.role == "assistant":
                answer = AnswerMessage(self.roots)
                widgets.append((answer, msg))
            elif msg.role == "phone":
                phone = PhoneMessage((msg.meta.get("result") or {}).get("command", "phone"))
                widgets.append((phone, msg))
        for w in widgets:
            log_view.mount(w[0] if isinstance(w, tuple) else w)
        # finish() needs the children composed, which happens after mount: defer one refresh.
        def fill() -> None:
            for w in widgets:
                if isinstance(w, tuple):
                    widget, msg = w
                    if isinstance(widget, AnswerMessage):
                        widget.finish(msg.content, msg.sources, cancelled=bool(msg.meta.get("cancelled")), meta="from history")
                    else:
                        widget.show_result(msg.meta.get("result") or {"error": msg.content})
            log_view.scroll_end(animate=False)

        self.call_after_refresh(fill)
        self.conversation_id = conv_id
        conv = self.history.get(conv_id)
        self.notify(f"Resumed: {conv.title if conv else conv_id}")

    def last_answer(self) -> AnswerMessage | None:
        answers = [a for a in self.query(AnswerMessage) if a.done and not a.error]
        return answers[-1] if answers else None

    def action_sources(self) -> None:
        lists = list(self.query(SourcesList))
        if not lists:
            self.notify("No sources to open yet.")
            return
        lists[-1].focus()
        if lists[-1].highlighted is None:
            lists[-1].highlighted = 0

    @on(SourcesList.Open)
    def _open_source(self, event: SourcesList.Open) -> None:
        self.query_one("#passage", PassagePanel).show(event.source)

    def action_close_passage(self) -> None:
        self.query_one("#passage", PassagePanel).display = False
        self.query_one("#input", ChatInput).focus()

    def action_copy_answer(self) -> None:
        answer = self.last_answer()
        if answer is None:
            self.notify("No answer to copy yet.")
            return
        self.copy_to_clipboard(answer.text)
        self.notify("Answer copied to the clipboard.")

    # -- voice -----------------------------------------------------------------------------
    def action_push_to_talk(self) -> None:
        if self.busy:
            self.notify("Wait for the answer, or cancel it with Esc.", severity="warning")
            return
        self.notify("Listening… speak your command.")
        self._listen()

    def _listener(self):
        """What `anima listen` hears with (agent/commands/listen.py): this user's vocabulary, the
        phone's apps, the same priming, recovery and read-back."""
        from agent.commands.listen import Listener

        try:
            memory = self.memory()
        except Exception as exc:  # no index yet: the generic vocabulary
            log.info("memory unavailable: %s", exc)
            memory = None
        return Listener(self.home, self.settings, serial=self.phone_serial, memory=memory)

    @work(thread=True, group="voice", exclusive=True, exit_on_error=False)
    def _listen(self) -> None:
        from tools.voice import VoiceUnavailable, record_command

        try:
            listener = self._listener()  # before recording: not on the way from speech to action
            wav = record_command(max_s=10)
            try:
                heard = listener.hear(wav)
            finally:
                wav.unlink(missing_ok=True)
        except VoiceUnavailable as exc:
            self.call_from_thread(self.notify, str(exc), title="Voice unavailable", severity="error", timeout=10)
            return
        except Exception as exc:
            self.call_from_thread(self.notify, f"Voice input failed: {exc}", severity="error")
            return
        text = heard.text.strip()
        if not text:
            self.call_from_thread(self.notify, "Heard nothing I could transcribe.", severity="warning")
            return
        try:  # a command with a misheard word is still a command (as in `anima listen`)
            command = listener.is_command(self._get_phone_agent(), heard)
        except Exception as exc:
            log.exception("understanding the transcript failed")
            self.call_from_thread(self.notify, f"Voice input failed: {exc}", severity="error")
            return
        self.call_from_thread(self.send, text, heard, listener, command)

    # -- status ----------------------------------------------------------------------------
    def _start_status(self) -> None:
        self.query_one(StatusPanel).show_training(read_progress(self.home.runs_dir))
        self._status_worker()

    def _status_worker(self) -> None:
        # A plain daemon thread, not a Textual worker: the daemon's event stream blocks in a socket
        # read, and Textual's worker threads are joined at exit, so quitting would hang on it.
        threading.Thread(target=self._status_loop, name="anima-status", daemon=True).start()

    def _status_loop(self) -> None:
        """Attached: follow the daemon's event stream. Otherwise: poll in-process."""
        worker_cancelled = lambda: self._exiting  # noqa: E731
        if self.attach_daemon:
            try:
                from agent.daemon.client import DaemonClient

                self.daemon = DaemonClient.find(self.home)
            except Exception:
                self.daemon = None
        if self.daemon is not None:
            self._follow_daemon(worker_cancelled)
        else:
            self._poll(worker_cancelled)

    def _post_status(self, snap: dict) -> None:
        self._post(lambda: self.query_one(StatusPanel).show_status(snap))

    def _post_training(self, events: list[dict]) -> None:
        self._post(lambda: self.query_one(StatusPanel).show_training(events))

    def _post(self, fn) -> None:
        if self._exiting or not self.is_running:
            return
        try:
            self.call_from_thread(fn)
        except Exception as exc:  # the app closed between the check and the call
            log.debug("status update dropped: %s", exc)

    def _follow_daemon(self, stopped) -> None:
        client = self.daemon
        try:
            self._post_status(client.status())
            events = read_progress(self.home.runs_dir)
            for event in client.events():
                if stopped():
                    return
                kind = event.get("type")
                if kind == "train":
                    if event.get("stage") == "dataset" and event.get("step", 0) == 0:
                        events = []  # a new run: start a new sparkline
                    events = events + [event]
                    self._post_training(events)
                elif kind in ("index", "reconcile", "model", "status"):
                    self._post_status(client.status())
        except Exception as exc:  # the daemon stopped: fall back to in-process polling
            log.info("daemon event stream ended: %s", exc)
        self.daemon = None
        if not stopped():
            self._poll(stopped)

    def _poll(self, stopped) -> None:
        from agent.status import collect_status

        last_train: list[dict] | None = None
        while not stopped():
            try:
                # The context's memory, opened once: opening one per poll would reload the embedder.
                try:
                    memory = self.memory()
                except Exception as exc:  # reported by collect_status below, with the fix
                    log.info("memory unavailable: %s", exc)
                    memory = None
                snap = collect_status(self.home, self.settings, memory=memory, daemon={"running": False})
                data = snap.model_dump(mode="json")
                if self.phone_serial:
                    data["phone"] = {"serial": self.phone_serial}
                self._post_status(data)
            except Exception as exc:
                log.info("status failed: %s", exc)
            train = read_progress(self.home.runs_dir)
            if train != last_train:
                last_train = train
                self._post_training(train)
            deadline = time.monotonic() + self.poll_s
            while time.monotonic() < deadline and not stopped():
                time.sleep(0.1)

    def refresh_training(self) -> None:
        """Re-read progress.jsonl now (tests, and after 'train now' finishes)."""
        self.query_one(StatusPanel).show_training(read_progress(self.home.runs_dir))

    # -- palette commands --------------------------------------------------------------------
    def action_reindex(self) -> None:
        if not self.settings.notes_dirs and self.daemon is None:
            self.notify("No notes folders configured: set notes_dirs in config.toml or run `anima index DIR`.", severity="warning")
            return
        self.notify("Re-indexing notes…")
        self._reindex()

    @work(thread=True, group="maintenance", exit_on_error=False)
    def _reindex(self) -> None:
        try:
            report = self.assistant.index()
            msg = f"Indexed: {report.files_changed} changed, {report.files_removed} removed, {report.chunks_total} chunks."
            self.call_from_thread(self.notify, msg)
        except Exception as exc:
            self.call_from_thread(self.notify, f"Re-index failed: {exc}", severity="error")

    def action_train_now(self) -> None:
        self.notify("Training started; progress shows in the status panel.")
        self._train()

    @work(thread=True, group="maintenance", exit_on_error=False)
    def _train(self) -> None:
        try:
            result = run_cycle(self.home, self.settings)
        except TrainingBusy:
            self.call_from_thread(self.notify, "A training cycle is already running (see the status panel).")
        except Exception as exc:
            self.call_from_thread(self.notify, f"Training failed: {exc}", severity="error")
        else:
            summary = result.status + (f" {result.version}" if result.version else "") + (f": {result.reason}" if result.reason else "")
            if result.status == "promoted" and not self.settings.model.path:
                try:
                    self.anima.engine.reload_model()  # serve the newly promoted version from the next question
                except Exception as exc:
                    summary += f" (could not load it: {exc})"
            self.call_from_thread(self.notify, f"Training finished: {summary}")
        self.call_from_thread(self.refresh_training)

    def action_switch_model(self) -> None:
        registry = self.anima.registry
        versions = registry.list()
        if not versions:
            self.notify("No saved model versions yet: train one first (Ctrl+P → Train now).")
            return
        current = registry.current()
        choices = []
        for v in versions:
            score = v.meta.eval_score
            mark = " (current)" if current and v.version == current.version else ""
            extra = f", eval {score:.0%}" if isinstance(score, (int, float)) else ""
            choices.append((f"{v.version}{mark} — {v.created}{extra}", v.version))

        def chosen(version: str | None) -> None:
            if version:
                self._switch(version)

        self.push_screen(ChoiceScreen("Serve which model version?", choices), chosen)

    @work(thread=True, group="maintenance", exit_on_error=False)
    def _switch(self, version: str | None, rollback: bool = False) -> None:
        registry = self.anima.registry
        try:
            chosen = registry.rollback() if rollback else registry.use(version)
            self.anima.engine.reload_model(getattr(chosen, "path", None))
            name = getattr(chosen, "version", version)
            self.call_from_thread(self.notify, f"Now serving model {name}.")
        except Exception as exc:
            self.call_from_thread(self.notify, f"Could not switch model: {exc}", severity="error")

    def action_rollback(self) -> None:
        self._switch(None, rollback=True)

    def action_pick_phone(self) -> None:
        try:
            from tools.device import list_devices

            devices = [d.serial for d in list_devices() if d.state == "device"]
        except Exception as exc:  # DeviceError says how to fix it
            self.notify(f"Cannot list phones: {exc}", severity="error")
            return
        if not devices:
            self.notify("No phone connected: plug one in with USB debugging on, or `adb connect HOST:PORT`.")
            return

        def chosen(serial: str | None) -> None:
            if serial:
                self.phone_serial = serial
                self.notify(f"Phone commands now go to {serial}.")

        self.push_screen(ChoiceScreen("Which phone?", [(s, s) for s in devices]), chosen)


def run_app(home: Home, *, phone_serial: str | None = None, attach_daemon: bool = True) -> int:
    AnimaApp(home, phone_serial=phone_serial, attach_daemon=attach_daemon).run()
    return 0


def _details(action) -> str:
    """A risky step's arguments, for its confirmation modal."""
    return ", ".join(f"{k}: {v}" for k, v in (action.args or {}).items())
