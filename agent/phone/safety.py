"""Which actions need the user's yes, and asking for it.

Risk classes come from the issue: sending, calling, deleting, installing, paying and changing
settings. A risky action runs only when the user confirms it (CLI prompt, TUI dialog), passed
--yes, or listed its class in [phone] allow. Anything else: refused, and nothing in the plan runs.
"""
from __future__ import annotations

import re
from typing import Callable

RISK_CLASSES = ("send_sms", "call", "delete", "install", "pay", "settings")
SETTINGS_KINDS = frozenset({"wifi", "bluetooth", "airplane", "brightness"})

# A model-chosen tap on a button with one of these labels counts as that class, because tapping
# "Send" or "Buy" is the risky act itself, whoever decided to do it.
_TAP_WORDS: tuple[tuple[str, str], ...] = (
    ("send_sms", r"\bsend\b|\bsend sms\b|\breply\b"),
    ("call", r"\bcall\b|\bdial\b"),
    ("delete", r"\bdelete\b|\bremove\b|\buninstall\b|\berase\b|\bclear\b|\breset\b"),
    ("install", r"\binstall\b|\bupdate\b"),
    ("pay", r"\bpay\b|\bbuy\b|\bpurchase\b|\bcheckout\b|\bsubscribe\b|\border\b|\bconfirm payment\b"),
    ("settings", r"\bturn (on|off)\b|\benable\b|\bdisable\b"),
)


def risk_class(kind: str, args: dict | None = None, element_label: str = "") -> str | None:
    """The risk class of an action, or None when it is safe to run without asking."""
    if kind in SETTINGS_KINDS:
        return "settings"
    if kind in RISK_CLASSES:
        return kind
    if kind in ("tap", "long_press") and element_label:
        for cls, pattern in _TAP_WORDS:
            if re.search(pattern, element_label, re.I):
                return cls
    return None


def approved(risk: str | None, description: str, *, yes: bool, allow: list[str],
             confirm: Callable[[object], bool] | None, action: object) -> tuple[bool, str]:
    """(approved?, reason). `confirm` gets the PlannedAction and returns the user's answer."""
    if risk is None:
        return True, "safe"
    if yes:
        return True, "--yes"
    if risk in allow:
        return True, f"allowed in config ({risk})"
    if confirm is None:
        return False, (f"'{description}' needs your confirmation ({risk}); run it again with --yes, answer the "
                       f"prompt on a terminal, or add \"{risk}\" to [phone] allow in config.toml")
    try:
        ok = bool(confirm(action))
    except (EOFError, KeyboardInterrupt):
        ok = False
    return (True, "confirmed") if ok else (False, f"you declined '{description}'")
