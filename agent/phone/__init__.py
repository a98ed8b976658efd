"""Phone control: plain words -> a checked plan -> typed actions on a real (or virtual) phone."""
from agent.phone.models import ExecutedAction, PhoneResult, PlannedAction
from agent.phone.parser import is_phone_command as _parser_knows, parse_command
from agent.phone.router import PhoneAgent
from agent.phone.tasks import parse_task


def is_phone_command(text: str) -> bool:
    """True when `text` reads as an instruction for the phone: a command the parser knows, or a
    multi-step task on the screen ("turn on dark mode", "delete the 7:00 alarm")."""
    return _parser_knows(text) or parse_task(text) is not None


__all__ = ["PhoneAgent", "PhoneResult", "PlannedAction", "ExecutedAction", "is_phone_command", "parse_command",
           "parse_task"]
