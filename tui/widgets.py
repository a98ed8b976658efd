"""The chat app's widgets: input box, message bubbles, sources, cited passage, status panel."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from rich.markup import escape
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Label, Markdown, OptionList, ProgressBar, Sparkline, Static, TextArea
from textual.widgets.option_list import Option

from tui.progress import format_eta, losses


def source_label(source: dict[str, Any], index: int, roots: list[Path] | None = None) -> str:
    """'[1] trips/japan.md:3-9 · Japan > Tokyo': short enough to scan, exact enough to find."""
    path = Path(source.get("path", "?"))
    shown = str(path)
    for root in roots or []:
        try:
            shown = str(path.relative_to(root))
            break
        except ValueError:
            continue
    heading = " > ".join(source.get("heading") or [])
    label = f"[{index}] {shown}:{source.get('start_line', '?')}-{source.get('end_line', '?')}"
    return f"{label} · {heading}" if heading else label


class ChatInput(TextArea):
    """Multiline input: Enter sends, Shift+Enter (or Ctrl+J) starts a new line.

    Most terminals send the same byte for Enter and Shift+Enter; Textual only sees shift+enter
    where the terminal speaks the kitty keyboard protocol (kitty, WezTerm, foot, Ghostty, recent
    iTerm2): Textual asks for it at start-up and parses CSI 13;2u as shift+enter. Ctrl+J sends a
    line feed (\n, reported as ctrl+j) in every terminal, so it is the portable newline key;
    Alt+Enter (ESC CR) works in most terminals too.
    """

    class Submitted(Message):
        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    async def _on_key(self, event: events.Key) -> None:
        # Runs before TextArea._on_key (Textual dispatches down the MRO); prevent_default stops
        # TextArea from inserting its own newline.
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            text = self.text
            if text.strip():
                self.post_message(self.Submitted(text))
                self.clear()
        elif event.key in ("shift+enter", "ctrl+j", "alt+enter"):
            event.prevent_default()
            event.stop()
            self.insert("\n")


class UserMessage(Static):
    def __init__(self, text: str) -> None:
        super().__init__(escape(text), classes="user-message")


class SourcesList(OptionList):
    """Sources of one answer; Enter on a line opens the cited passage."""

    class Open(Message):
        def __init__(self, source: dict[str, Any]) -> None:
            self.source = source
            super().__init__()

    def __init__(self, sources: list[dict[str, Any]], roots: list[Path]) -> None:
        self.sources = sources
        super().__init__(*[Option(source_label(s, i + 1, roots)) for i, s in enumerate(sources)], classes="sources")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Open(self.sources[event.option_index]))


class AnswerMessage(Vertical):
    """One answer, streamed: tokens arrive as messages from the worker thread (thread-safe)."""

    class Token(Message):
        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    FLUSH_S = 0.08  # re-render the markdown at most ~12 times a second, not once per token

    def __init__(self, roots: list[Path] | None = None) -> None:
        super().__init__(classes="answer-message")
        self.text = ""
        self.sources: list[dict[str, Any]] = []
        self.done = False
        self.cancelled = False
        self.error: str | None = None
        self.tokens = 0
        self._dirty = False
        self._roots = roots or []

    def compose(self) -> ComposeResult:
        yield Markdown("", classes="answer-body")
        yield Static("thinking…", classes="answer-meta")

    def on_mount(self) -> None:
        self._timer = self.set_interval(self.FLUSH_S, self._flush)

    def on_answer_message_token(self, message: "AnswerMessage.Token") -> None:
        message.stop()
        if self.done:
            return
        self.text += message.text
        self.tokens += 1
        self._dirty = True

    def _flush(self) -> None:
        if self._dirty:
            self._dirty = False
            log = self.parent
            # Follow the stream only if the reader is at the bottom: never yank them away from
            # an older message they scrolled up to read.
            follow = log is not None and getattr(log, "is_vertical_scroll_end", True)
            self.query_one(".answer-body", Markdown).update(self.text)
            if not self.done:
                self.query_one(".answer-meta", Static).update(f"generating… {self.tokens} tokens (Esc cancels)")
            if follow:
                log.call_after_refresh(log.scroll_end, animate=False)

    def finish(self, text: str | None, sources: list[dict[str, Any]], *, cancelled: bool = False,
               error: str | None = None, meta: str = "") -> None:
        self.done = True
        self.cancelled = cancelled
        self.error = error
        if text is not None:
            self.text = text
        self.sources = sources
        self._dirty = False
        body = self.text or ("" if error else "_(no answer)_")
        self.query_one(".answer-body", Markdown).update(body)
        status = "cancelled" if cancelled else f"error: {error}" if error else meta
        self.query_one(".answer-meta", Static).update(escape(status))
        if error:
            self.add_class("error")
        if sources:
            self.mount(SourcesList(sources, self._roots))


class PhoneMessage(Vertical):
    """A phone command: the plan, then each executed action with what was verified."""

    def __init__(self, command: str) -> None:
        super().__init__(classes="phone-message")
        self.command = command
        self.result: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        yield Static(f"📱 phone: {escape(self.command)}", classes="phone-title")
        yield Static("planning…", classes="phone-body")

    def show_result(self, result: dict[str, Any]) -> None:
        self.result = result
        self.query_one(".phone-body", Static).update(render_phone_result(result))
        if result.get("error"):
            self.add_class("error")


def render_phone_result(result: dict[str, Any]) -> str:
    """Rich markup for a PhoneResult dump; also what the history stores as the message text."""
    lines: list[str] = []
    plan = result.get("plan") or []
    if plan:
        lines.append("[b]Plan[/b]")
        for step in plan:
            risky = " [yellow](needs confirmation)[/yellow]" if step.get("risky") else ""
            lines.append(f"  • {escape(step.get('description') or step.get('kind', '?'))}{risky}")
    done = result.get("actions") or []
    if done:
        lines.append("[b]Done[/b]")
        for act in done:
            desc = escape((act.get("action") or {}).get("description") or "?")
            if not act.get("ok"):
                mark = "[red]✗ failed[/red]"
            elif act.get("verified"):
                mark = "[green]✓ verified[/green]"
            else:
                mark = "[yellow]✓ done, not verified[/yellow]"
            detail = f" — {escape(act['detail'])}" if act.get("detail") else ""
            lines.append(f"  {mark} {desc}{detail}")
    if plan and not done and not result.get("error"):
        lines.append("[yellow]Nothing was executed.[/yellow]")
    if result.get("question"):
        lines.append(f"[b]?[/b] {escape(result['question'])}")
    if result.get("error"):
        lines.append(f"[red]{escape(result['error'])}[/red]")
    return "\n".join(lines) or "(no actions)"


class PassagePanel(VerticalScroll):
    """The cited lines of a source file, read from disk when opened (the note may have changed)."""

    CONTEXT = 2  # lines shown around the cited range, dimmed, so the passage reads in context

    def compose(self) -> ComposeResult:
        yield Label("", classes="passage-title")
        yield Static("", classes="passage-body")

    def show(self, source: dict[str, Any]) -> None:
        path = Path(source.get("path", ""))
        start, end = int(source.get("start_line", 1)), int(source.get("end_line", 1))
        self.query_one(".passage-title", Label).update(f"{path.name}:{start}-{end}")
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as exc:
            body = f"[red]Cannot read {escape(str(path))}: {escape(exc.strerror or str(exc))}[/red]"
        else:
            lo, hi = max(1, start - self.CONTEXT), min(len(lines), end + self.CONTEXT)
            out = []
            for n in range(lo, hi + 1):
                text = escape(lines[n - 1])
                out.append(f"[b]{n:>4}[/b] {text}" if start <= n <= end else f"[dim]{n:>4} {text}[/dim]")
            body = "\n".join(out) if out else "[dim](the cited lines are no longer in the file)[/dim]"
        self.query_one(".passage-body", Static).update(body)
        self.display = True


def _n(value) -> str:
    return "?" if value is None else str(value)


class StatusPanel(Vertical):
    """Memory, model, training and phone at a glance; fed snapshots and training events."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.snapshot: dict[str, Any] = {}
        self.train_events: list[dict] = []

    def compose(self) -> ComposeResult:
        yield Label("Status", classes="panel-title")
        yield Static("memory: …", id="st-memory")
        yield Static("model: …", id="st-model")
        yield Static("phone: …", id="st-phone")
        yield Static("daemon: …", id="st-daemon")
        yield Static("", id="st-errors")
        yield Label("Training", classes="panel-title")
        yield Static("idle", id="st-train")
        yield ProgressBar(total=100, show_eta=False, id="st-progress")
        yield Sparkline([], id="st-loss")

    def show_status(self, snap: dict[str, Any]) -> None:
        self.snapshot = snap
        queue = snap.get("queue")
        queue_text = f", queue {queue}" if queue else ""
        self.query_one("#st-memory", Static).update(
            f"memory: {_n(snap.get('files'))} files, {_n(snap.get('chunks'))} chunks{queue_text}"
        )
        model = snap.get("model") or {}
        score = model.get("eval_score")
        score_text = f", eval {score:.0%}" if isinstance(score, (int, float)) else ""
        version = model.get("version") or "bundled"
        self.query_one("#st-model", Static).update(f"model: {escape(str(model.get('name') or '?'))} ({version}{score_text})")
        phone = snap.get("phone") or {}
        self.query_one("#st-phone", Static).update(f"phone: {escape(phone.get('serial') or 'none connected')}")
        daemon = snap.get("daemon") or {}
        self.query_one("#st-daemon", Static).update(
            f"daemon: {'attached ' + escape(str(daemon.get('url', ''))) if daemon.get('running') else 'not running (in-process)'}"
        )
        errors = snap.get("errors") or []
        self.query_one("#st-errors", Static).update("\n".join(f"[red]⚠ {escape(str(e))}[/red]" for e in errors[:3]))
        if snap.get("training") and not self.train_events:
            self.show_training([snap["training"]])

    def show_training(self, events_: list[dict]) -> None:
        self.train_events = events_
        text = self.query_one("#st-train", Static)
        bar = self.query_one("#st-progress", ProgressBar)
        spark = self.query_one("#st-loss", Sparkline)
        if not events_:
            text.update("idle")
            return
        last = events_[-1]
        stage = last.get("stage", "?")
        step, total = last.get("step") or 0, last.get("total") or 0
        loss = last.get("loss")
        series = losses(events_)
        loss_text = f"  loss {loss:.3f}" if isinstance(loss, (int, float)) else (f"  loss {series[-1]:.3f}" if series else "")
        age = time.time() - float(last.get("ts") or time.time())
        when = f"  ({int(age)}s ago)" if stage in ("done", "failed") and age > 0 else ""
        lines = [f"{stage} {step}/{total}{loss_text}  eta {format_eta(last.get('eta_s'))}{when}"]
        if last.get("message"):
            lines.append(escape(str(last["message"])))
        text.update("\n".join(lines))
        bar.update(total=max(int(total), 1), progress=min(int(step), max(int(total), 1)))
        spark.data = series[-60:]
