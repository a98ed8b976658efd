"""Phone control: plain words -> a checked plan -> typed actions on a real (or virtual) phone."""
from agent.phone.models import ExecutedAction, PhoneResult, PlannedAction
from agent.phone.parser import is_phone_command, parse_command
from agent.phone.router import PhoneAgent

__all__ = ["PhoneAgent", "PhoneResult", "PlannedAction", "ExecutedAction", "is_phone_command", "parse_command"]
