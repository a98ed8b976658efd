"""Command palette (Ctrl+P) entries for the things a user does now and then, not every message."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS: list[tuple[str, str, str]] = [
    ("Re-index notes", "reindex", "Index the configured notes folders now"),
    ("Train now", "train_now", "Run a fine-tuning cycle on your notes now"),
    ("Switch model", "switch_model", "Serve another saved model version"),
    ("Rollback model", "rollback", "Go back to the previous model version"),
    ("Pick phone", "pick_phone", "Choose which connected Android device phone commands use"),
    ("Conversation history", "history", "Browse and resume saved conversations"),
    ("New conversation", "new_conversation", "Start an empty conversation"),
]


class AnimaCommands(Provider):
    def _callback(self, action: str):
        return partial(self.app.run_action, action)

    async def discover(self) -> Hits:
        for name, action, help_text in COMMANDS:
            yield DiscoveryHit(name, self._callback(action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), self._callback(action), help=help_text)
