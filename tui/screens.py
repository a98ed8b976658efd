"""Modal screens: help, conversation history, risky-action confirmation, a generic chooser."""
from __future__ import annotations

import datetime as dt
from typing import Any

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

HELP_TEXT = """\
[b]anima chat — keys[/b]

  Enter            send the message
  Shift+Enter      new line (kitty-protocol terminals)
  Ctrl+J           new line (every terminal; Alt+Enter in most)
  Esc              cancel the answer being generated
  Ctrl+O           go to the sources of the last answer (↑/↓, Enter opens the passage)
  Ctrl+W           close the passage panel
  Ctrl+Y           copy the last answer to the clipboard
  Ctrl+R           push-to-talk: record a spoken command
  F2               conversation history (Enter resumes one)
  Ctrl+N           new conversation
  Ctrl+P           command palette: re-index, train now, switch model, rollback, pick phone
  F1               this help
  Ctrl+Q           quit

Phone commands ("turn off wifi", "text Sam I'm late") go to the phone;
risky actions (messages, calls, settings) ask for confirmation first.
Everything else is answered from your notes, with sources.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static(HELP_TEXT, id="help-text")
            yield Button("Close", id="help-close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """Yes/No for one risky phone action. Esc or N refuses: doing nothing is the safe default."""

    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str, details: str = "") -> None:
        super().__init__()
        self.question = question
        self.details = details

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Label("Confirm phone action", classes="dialog-title")
            yield Static(escape(self.question), id="confirm-question")
            if self.details:
                yield Static(escape(self.details), id="confirm-details")
            with Horizontal(classes="buttons"):
                yield Button("Yes (y)", variant="warning", id="confirm-yes")
                yield Button("No (n)", variant="primary", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ChoiceScreen(ModalScreen[Any]):
    """Pick one of several values (model versions, phones); Esc returns None."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, title: str, choices: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield OptionList(*[Option(escape(label)) for label, _ in self.choices], id="choices")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index][1])


class HistoryScreen(ModalScreen[int | None]):
    """Past conversations, newest first; Enter resumes one (returns its id)."""

    BINDINGS = [Binding("escape,f2", "dismiss(None)", "Close")]

    def __init__(self, conversations: list) -> None:
        super().__init__()
        self.conversations = conversations

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="history-box"):
            yield Label("Conversations (Enter resumes, Esc closes)", classes="dialog-title")
            if not self.conversations:
                yield Static("No saved conversations yet.")
            options = []
            for c in self.conversations:
                when = dt.datetime.fromtimestamp(c.updated).strftime("%Y-%m-%d %H:%M")
                options.append(Option(f"{when}  {escape(c.title)}  ({c.message_count} messages)"))
            yield OptionList(*options, id="history-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.conversations[event.option_index].id)
