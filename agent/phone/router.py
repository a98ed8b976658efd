"""PhoneAgent: words -> plan -> confirmation -> execution with verification.

The deterministic parser handles the common commands. Multi-step tasks on the screen ("open
Settings and turn on dark mode", "in Clock, delete the 7:00 alarm") go to the navigator
(agent/phone/navigator.py), which searches the screens by the command's words and asks the
model only to choose among tied elements. Anything else goes to the model in an
observe -> act -> verify loop. Recipients and message bodies come only from the user's command
(plus contact lookup in the user's notes); text on the screen, in notifications or in retrieved
notes is shown to the model as data and can never become a recipient, a body or a typed text.
"""
from __future__ import annotations

import logging
import re
import threading
from typing import Callable

from agent.config import Home, Settings
from agent.phone import safety
from agent.phone.contacts import resolve_contact
from agent.phone.models import ExecutedAction, PhoneResult, PlannedAction
from agent.phone.navigator import Navigator, model_chooser
from agent.phone.parser import Step, parse_command
from agent.phone.planner import ModelPlanner, tappable
from agent.phone.tasks import NAVIGATOR_FIRST, Task, parse_task
from tools.actions import make_action, normalize_number
from tools.device import Device, DeviceDisconnected, DeviceError
from tools.uitree import find_by_label

log = logging.getLogger(__name__)


MODEL_FORBIDDEN = frozenset({"send_sms", "call", "pay", "delete", "install"})


class PhoneAgent:
    def __init__(self, home: Home, settings: Settings | None = None, *, memory=None, llm=None,
                 adb_client=None):
        self.home = home
        self.settings = settings or home.load_settings()
        self._memory = memory
        self._llm = llm
        self._adb_client = adb_client
        self._devices: dict[str, Device] = {}
        self._lock = threading.Lock()  # one command at a time: the TUI and the daemon share an agent

    # ---- collaborators, opened lazily --------------------------------------------------------
    def _memory_or_none(self):
        if self._memory is None:
            try:
                from agent.chat import open_memory

                self._memory = open_memory(self.home, self.settings)
            except Exception as exc:  # noqa: BLE001 - no index yet: contacts get a question instead
                log.debug("memory unavailable for contacts: %s", exc)
                return None
        return self._memory

    def _model(self):
        if self._llm is None:
            from agent.chat import resolve_model_path
            from agent.lm import LlamaModel

            self._llm = LlamaModel(resolve_model_path(self.home, self.settings), n_ctx=self.settings.model.n_ctx,
                                   threads=self.settings.model.threads)
        return self._llm

    def device(self, serial: str | None = None) -> Device:
        chosen = serial or self.settings.phone.serial or None
        key = chosen or ""
        if key not in self._devices:
            self._devices[key] = Device.open(chosen, screenshot_dir=self.home.root / "screenshots",
                                             client=self._adb_client)
        return self._devices[key]

    # ---- planning ----------------------------------------------------------------------------
    def plan(self, command: str) -> tuple[list[PlannedAction] | None, str | None, str | None]:
        """(plan, question, error) for a command the parser knows; (None, None, None) otherwise."""
        steps = parse_command(command)
        if steps is None:
            return None, None, None
        planned: list[PlannedAction] = []
        for step in steps:
            pa, question, error = self._resolve(step)
            if question or error:
                return [], question, error
            planned.append(pa)
        return planned, None, None

    def _resolve(self, step: Step) -> tuple[PlannedAction | None, str | None, str | None]:
        args = dict(step.args)
        desc = step.description
        heard_as = None
        if "unreadable" in args:  # a time or length heard as no time: ask, run nothing
            what = "What time should the alarm be set for" if step.kind == "set_alarm" else "How long should the timer run"
            return None, (f"{what}? I heard \"{args['unreadable']}\", which I can't read as a "
                          f"{'time' if step.kind == 'set_alarm' else 'length of time'}."), None
        if "contact" in args:
            ref = args.pop("contact")
            res = resolve_contact(ref, self._memory_or_none())
            if res.question:
                return None, res.question, None
            args["to"] = res.number
            who = f"{res.heard_as} ({res.number}, heard as {ref!r})" if res.heard_as else f"{ref} ({res.number})"
            heard_as = res.heard_as
            desc = desc.replace(ref, who, 1)
        if step.kind == "tap" and "label" in args:  # resolved against the screen when it runs
            risky = safety.risk_class("tap", args, args["label"]) is not None
            return PlannedAction(kind="tap", args=args, risky=risky, description=desc), None, None
        try:
            typed = make_action(step.kind, args)
        except ValueError as exc:
            return None, None, str(exc)
        args = typed.model_dump(exclude={"kind"}, exclude_none=True)
        return PlannedAction(kind=step.kind, args=args, risky=safety.risk_class(step.kind) is not None,
                             description=desc, heard_as=heard_as), None, None

    # ---- running -----------------------------------------------------------------------------
    def run(self, command: str, *, serial: str | None = None, yes: bool = False, dry_run: bool = False,
            confirm: Callable[[PlannedAction], bool] | None = None) -> PhoneResult:
        """Plan `command`, ask for risky steps (confirm / yes / [phone] allow), run and verify."""
        with self._lock:
            return self._run(command, serial=serial, yes=yes, dry_run=dry_run, confirm=confirm)

    def _run(self, command: str, *, serial, yes, dry_run, confirm) -> PhoneResult:
        result = PhoneResult(command=command)
        task = parse_task(command)
        steps = parse_command(command) if task is not None else None
        if task is not None and (task.kind in NAVIGATOR_FIRST or steps is None or (
                # "turn on battery saver" is no battery reading: a toggle the parser has no switch for
                task.kind == "toggle" and not any(st.kind in ("wifi", "bluetooth", "airplane") for st in steps))):
            result.planner = "navigator"
            return self._run_navigator(task, result, serial=serial, yes=yes, dry_run=dry_run, confirm=confirm)
        plan, question, error = self.plan(command)
        if question or error:
            result.question, result.error = question, error
            return result
        if plan is None:
            result.planner = "model"
            return self._run_model(command, result, serial=serial, yes=yes, dry_run=dry_run, confirm=confirm)
        result.plan = plan
        if dry_run:
            return result
        # Ask for every risky step before running any: a refusal leaves the phone untouched.
        for pa in plan:
            ok, reason = self._approve(safety.risk_class(pa.kind, pa.args, pa.args.get("label", "")), pa, yes=yes, confirm=confirm)
            if not ok:
                result.error = f"refused: {reason}. Nothing was done."
                return result
        try:
            dev = self.device(serial)
        except DeviceError as exc:
            result.error = str(exc)
            return result
        for pa in plan:
            if not self._execute(dev, pa, result):
                break
        if dev.listed_packages is not None:  # read to open an app: are the voice vocabulary's apps current?
            from agent.vocabulary import note_packages

            note_packages(self.home, dev.serial, dev.listed_packages)
        return result

    def _execute(self, dev: Device, pa: PlannedAction, result: PhoneResult) -> bool:
        try:
            args = dict(pa.args)
            if pa.kind == "tap" and "index" not in args and "label" in args:
                args["index"] = self._find_label(dev, args["label"])
            # "label" only describes the tap for the user; the typed action has no such field
            action = make_action(pa.kind, {k: v for k, v in args.items() if k not in ("label", "switch")})
            out = dev.execute(action)
        except DeviceDisconnected as exc:
            what = " The message was NOT confirmed as sent." if pa.kind == "send_sms" else ""
            result.actions.append(ExecutedAction(action=pa, ok=False, verified=False, detail=str(exc)))
            result.error = f"phone disconnected during '{pa.description}': {exc}{what}"
            return False
        except (DeviceError, ValueError) as exc:
            result.actions.append(ExecutedAction(action=pa, ok=False, verified=False, detail=str(exc)))
            result.error = str(exc)
            return False
        result.actions.append(ExecutedAction(action=pa, ok=out.ok, verified=out.verified, detail=out.detail,
                                             foreground=out.foreground, screen_hash=out.screen_hash, data=out.data))
        if not out.ok:
            result.error = out.detail
            return False
        return True

    @staticmethod
    def _find_label(dev: Device, label: str) -> int:
        screen = dev.observe()
        found = find_by_label(screen.elements, label)
        if found is None:
            shown = ", ".join(repr(e.label) for e in screen.elements if e.clickable)[:300]
            raise DeviceError(f"nothing labelled {label!r} on screen ({screen.foreground}); tappable: {shown}")
        return found.index

    def _approve(self, risk: str, pa: PlannedAction, *, yes: bool, confirm) -> tuple[bool, str]:
        """A risky step runs when the user says yes now, said --yes, or pre-approved its kind."""
        return safety.approved(risk, pa.description, yes=yes, allow=self.settings.phone.allow, confirm=confirm, action=pa)

    def _run_navigator(self, task: Task, result: PhoneResult, *, serial, yes, dry_run, confirm) -> PhoneResult:
        number = None
        if task.recipient and re.fullmatch(r"\+?[\d\s().-]{7,}", task.recipient):
            number = normalize_number(task.recipient)  # a number the user said
        elif task.recipient:
            # The recipient comes from the user's words, resolved through their notes like a text's;
            # a plain name the notes do not know is looked for on the phone's contact list instead.
            res = resolve_contact(task.recipient, self._memory_or_none())
            if res.number:
                number = res.number
            elif res.candidates or re.match(r"(?i)^(?:my|our|the)\b", task.recipient):
                result.question = res.question
                return result
        risky = task.kind in ("toggle", "delete", "share")
        result.plan.append(PlannedAction(kind="task", args=task.model_dump(exclude={"command"}), risky=risky,
                                         description=task.describe() + (f" ({number})" if number else "")))
        if dry_run:
            return result
        try:
            dev = self.device(serial)
        except DeviceError as exc:
            result.error = str(exc)
            return result

        def approve(risk: str, pa: PlannedAction) -> tuple[bool, str]:
            return self._approve(risk, pa, yes=yes, confirm=confirm)

        try:
            nav = Navigator(dev, task, execute=lambda pa: self._execute(dev, pa, result), approve=approve,
                            choose=model_chooser(_LazyModel(self._model)), max_steps=max(1, self.settings.phone.max_steps),
                            recipient_number=number, installed=dev.packages())
            nav.run(result)
        except DeviceDisconnected as exc:
            result.error = f"phone disconnected: {exc}"
        except DeviceError as exc:
            result.error = str(exc)
        return result

    def _run_model(self, command: str, result: PhoneResult, *, serial, yes, dry_run, confirm) -> PhoneResult:
        try:
            dev = self.device(serial)
        except DeviceError as exc:
            result.error = str(exc)
            return result
        planner = ModelPlanner(self._model())
        history: list[str] = []
        command_low = re.sub(r"\s+", " ", command.lower())
        try:
            for _ in range(max(1, self.settings.phone.max_steps)):
                screen = dev.observe()
                decision = planner.decide(command, screen, history)
                kind = decision.get("action")
                if kind == "done":
                    break
                pa, why = self._model_action(decision, screen, command_low)
                if pa is None:
                    result.error = f"the model proposed an action anima will not run: {why}"
                    break
                result.plan.append(pa)
                if dry_run:
                    break  # without executing, the next screen is unknown: the plan is one step
                risk = "settings" if pa.args.get("switch") else safety.risk_class(pa.kind, pa.args, pa.args.get("label", ""))
                if risk in MODEL_FORBIDDEN:
                    # Whoever is on the screen (a recipient, a payee) was put there by someone else:
                    # the model may browse, but sending, calling, paying, deleting and installing
                    # happen only from the user's own words, even with --yes.
                    result.error = (f"refused: the model wanted to {pa.description} ({risk}); anima only does that "
                                    "from a command that says so (e.g. 'text Dana that ...'). Nothing was sent.")
                    break
                ok, reason = self._approve(risk, pa, yes=yes, confirm=confirm)
                if not ok:
                    result.error = f"refused: {reason}. Stopped there."
                    break
                if not self._execute(dev, pa, result):
                    break
                history.append(f"{pa.description}: {result.actions[-1].detail}")
                if dev.looping():
                    result.error = "stopped: the screen stopped changing (the same screen several times in a row)"
                    break
            else:
                if not result.error:
                    result.error = f"stopped after {self.settings.phone.max_steps} steps without finishing"
        except DeviceDisconnected as exc:
            result.error = f"phone disconnected: {exc}"
        except DeviceError as exc:
            result.error = str(exc)
        return result

    def _model_action(self, d: dict, screen, command_low: str) -> tuple[PlannedAction | None, str]:
        kind = d.get("action")
        if kind in ("tap",):
            idx = d.get("index")
            if not isinstance(idx, int) or idx not in tappable(screen.elements):
                return None, f"element index {idx!r} is not a tappable element on screen"
            el = screen.elements[idx]
            label = el.label
            args = {"index": idx, "label": label}
            # flipping a switch is changing a setting, whatever its label says
            risk = "settings" if el.checkable else safety.risk_class("tap", args, label)
            if el.checkable:
                args["switch"] = True
            return PlannedAction(kind="tap", args=args, risky=risk is not None,
                                 description=f"tap [{idx}] {label!r}"), ""
        if kind == "type_text":
            text = str(d.get("text", "")).strip()
            # Typed text must be words the user said: the model may not compose messages from
            # what it read on screen or in notes.
            if not text or re.sub(r"\s+", " ", text.lower()) not in command_low:
                return None, f"text {text[:60]!r} is not part of your command"
            return PlannedAction(kind="type_text", args={"text": text}, description=f"type {text!r}"), ""
        if kind == "scroll":
            direction = d.get("direction") or "down"
            return PlannedAction(kind="scroll", args={"direction": direction}, description=f"scroll {direction}"), ""
        if kind == "key":
            key = d.get("key") or "BACK"
            return PlannedAction(kind="key", args={"key": key}, description=f"press {key}"), ""
        if kind == "open_app":
            app = str(d.get("app", "")).strip()
            if not re.fullmatch(r"[\w .'&+-]{1,40}", app):
                return None, f"app name {app[:40]!r} is not a plain name"
            return PlannedAction(kind="open_app", args={"name": app}, description=f"open {app}"), ""
        return None, f"unknown action {kind!r}"


class _LazyModel:
    """Loads the model on the first choice: most navigator tasks never need it."""

    def __init__(self, load):
        self._load = load

    def logprobs(self, context: str, continuation: str) -> list[float]:
        return self._load().logprobs(context, continuation)
