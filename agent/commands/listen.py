"""`anima listen`: speak a command (or pass --file WAV) and anima runs it like typed text.

Phone commands go to the phone agent with the same flags and JSON as `anima phone` (plus
"transcript" and "confidence"); anything else is answered from the notes like `anima ask`.

The recognizer is primed with this user's vocabulary (agent/vocabulary.py: names, relations,
places from the notes). When it was unsure of what it heard (tools.voice.Confidence.low), a
risky action (send, call, settings, ...) is read back and needs a spoken-again or typed yes: it
never runs silently, not with --yes and not from [phone] allow.

The chat app's voice button (tui/app.py) hears through the same `Listener`.
"""
from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("listen", help="speak a command (or --file WAV) and run it like typed text")
    p.add_argument("--file", type=Path, help="a recording to transcribe instead of the microphone")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--virtual", action="store_true", help="run phone commands on an in-process virtual phone")
    p.add_argument("--yes", action="store_true", help="approve risky phone actions without asking")
    p.add_argument("--serial", help="adb serial of the phone (default: [phone] serial, else the only device)")
    p.add_argument("--dry-run", action="store_true", help="plan phone actions but execute nothing")
    p.add_argument("--max-seconds", type=float, default=10.0, help="longest recording from the microphone")
    p.add_argument("--model", choices=("base", "tiny.en"), default=None,
                   help="whisper model (default: tiny.en, or ANIMA_WHISPER_MODEL)")
    p.set_defaults(func=run)


PHONE_JSON_KEYS = ("command", "plan", "actions", "device_state", "question", "error")  # as `anima phone --json`
PRIMING = "prompt"  # "prompt" | "hotwords" | "none": chosen by bench/voice.py (bench/RESULTS.md)


def priming(vocabulary, mode: str = PRIMING) -> dict:
    """transcribe() keyword arguments that prime the recognizer with `vocabulary`."""
    if mode == "hotwords":
        return {"prompt": None, "hotwords": vocabulary.hotwords()}
    if mode == "prompt":
        return {"prompt": vocabulary.prompt(), "hotwords": None}
    return {"prompt": None, "hotwords": None}


def _readback_on_tty(transcript, action, unsure: str) -> bool:
    sys.stderr.write(f"anima: I'm not sure I heard you right (unsure of: {unsure}).\n"
                     f"  I heard: \"{transcript.text}\"\n  I would: {action.description}\n"
                     "Is that what you said? Type yes to run it [y/N] ")
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def act_on_transcript(agent, transcript, *, serial: str | None, yes: bool, dry_run: bool, interactive: bool,
                      vocabulary=None, confirm=None, ask=None):
    """Run a heard phone command: (PhoneResult, read back?).

    What runs is the transcript, or, when its words make no command, a reading with one misheard
    word put back (agent/heard.py). A confident transcript runs like typed text. An unsure or
    recovered one runs its safe steps as usual, but every risky step is read back (with agent/heard.py
    VERB_VOUCHED switched on, a call whose verb alone was misheard runs when the recording vouches
    for its contact): on a terminal
    the user answers; elsewhere (--json, scripts, the bench) nothing risky runs and `question`
    says why. --yes and [phone] allow do not apply to an unsure transcript, since what they
    approve is a command the user may not have said. The chat app passes its own `confirm` (a
    risky step of a sure transcript) and `ask` (the read-back: ask(transcript, action, what it is unsure of) -> bool)."""
    from agent.commands.phone import _confirm_on_tty
    from agent.heard import doubt, understand

    heard = understand(agent, transcript, vocabulary)
    # not a command the parser knows (the navigator or the model plans it): as strict as a text
    unsure = heard.read_back if heard.plan is not None else (
        heard.recovered is not None or transcript.confidence.low({"send_sms"}))
    if not unsure:
        confirm = confirm or (_confirm_on_tty if interactive else None)
        return agent.run(heard.text, serial=serial, yes=yes, dry_run=dry_run, confirm=confirm), False
    # a recovered reading, or the second look at the gated recording (agent/heard.py)
    shown = transcript.model_copy(update={"text": heard.text}) if heard.text != transcript.text.strip() else transcript
    asked = []

    def readback(action) -> bool:
        asked.append(action)
        if ask is not None:
            return ask(shown, action, doubt(transcript, heard))
        return _readback_on_tty(shown, action, doubt(transcript, heard)) if interactive else False

    if heard.guessed_number and heard.plan:
        # a time or length the recovery chose where the recognizer printed another number ("Set a
        # timer for 10-4."): safe or not, nothing runs unless the user says it is what they meant
        from agent.phone.models import PhoneResult

        if not readback(heard.plan[0]):
            return PhoneResult(command=heard.text, plan=heard.plan, question=(
                f"I'm not sure I heard the number right: you said \"{transcript.text.strip()}\"; did you mean: "
                f"{heard.plan[0].description}? Nothing was done; say it again, or confirm it on a terminal.")), True
        yes = True  # confirmed by the user just now
    saved = agent.settings
    agent.settings = saved.model_copy(update={"phone": saved.phone.model_copy(update={"allow": []})})
    try:
        result = agent.run(heard.text, serial=serial, yes=heard.guessed_number and yes, dry_run=dry_run,
                           confirm=readback)
    finally:
        agent.settings = saved
    if asked and not result.actions:
        result.error = None
        result.question = (f"I'm not sure I heard you right (unsure of: {doubt(transcript, heard)}): \"{heard.text}\" would "
                           f"{asked[0].description}. "
                           "Nothing was done; say it again, or confirm it on a terminal.")
    return result, bool(asked)


def run_phone_command(home, settings, transcript, *, serial: str | None, virtual: bool, yes: bool,
                      dry_run: bool, interactive: bool, vocabulary=None, vp=None) -> tuple[dict, object]:
    """(the dict `anima phone --json` prints, the PhoneResult): same flags, same behaviour.
    `vp`: a virtual phone already started (`virtual` starts one here otherwise)."""
    from agent.commands.phone import _virtual_phone
    from agent.phone import PhoneAgent

    with contextlib.ExitStack() as stack:
        if virtual and vp is None:
            vp = stack.enter_context(_virtual_phone())
        if vp is not None:
            serial = vp.serial
        agent = PhoneAgent(home, settings)
        result, read_back = act_on_transcript(agent, transcript, serial=serial, yes=yes, dry_run=dry_run,
                                              interactive=interactive, vocabulary=vocabulary)
        if vp is not None:
            result.device_state = vp.state().model_dump(mode="json")
    dumped = result.model_dump(mode="json")
    return {k: dumped.get(k) for k in PHONE_JSON_KEYS} | {"read_back": read_back}, result


def _vocabulary(home, settings, memory=None):
    """This user's vocabulary, or the generic one when no notes are indexed yet. `memory`: an
    index already open (the chat app's); otherwise one is opened here and closed."""
    from agent.vocabulary import build_vocabulary

    opened = None
    try:
        if memory is None:
            from agent.chat import open_memory

            memory = opened = open_memory(home, settings)
        return build_vocabulary(memory)
    except Exception:  # noqa: BLE001 - no index yet: prime with the command words alone
        return build_vocabulary(None)
    finally:
        if opened is not None:
            opened.close()


def _with_phone_apps(vocabulary, home, serial: str | None):
    """The vocabulary with the apps installed on the phone (cached per device: agent/vocabulary.py)."""
    from agent.vocabulary import phone_apps

    apps = phone_apps(home, serial)
    return vocabulary.with_apps(apps) if apps else vocabulary


class Listener:
    """What `anima listen` and the chat app's voice button share, so that a command means the same
    spoken into either: this user's vocabulary (the notes' names, relations and places, and the
    phone's installed apps), built once before recording; the recognizer primed with it (`hear`);
    whether what was heard is a phone command, a misheard one included (`is_command`); and running
    it with the recovery, the closed grammar and the read-back of an unsure risky step (`act`)."""

    def __init__(self, home, settings, *, serial: str | None = None, memory=None, model: str | None = None):
        """`serial`: the phone whose apps join the vocabulary (None: the only one connected);
        `memory`: the index already open, if any; `model`: the whisper model (None: the default)."""
        self.vocabulary = _with_phone_apps(_vocabulary(home, settings, memory), home, serial)
        self.primed = priming(self.vocabulary)
        self.model = model

    def hear(self, wav):
        """The recording `wav` (a path or samples) as a tools.voice.Transcript, primed."""
        from tools.voice import transcribe

        return transcribe(wav, model=self.model, **self.primed)

    def is_command(self, agent, transcript) -> bool:
        """A phone command (run by `act`), not a question for the notes: one as typed text, or one
        with a misheard word ("Next Kofi, I'm outside"), or one heard in the gated recording
        (agent/heard.py). `agent`: a PhoneAgent."""
        from agent.heard import understand
        from agent.phone import is_phone_command

        text = transcript.text.strip()
        if is_phone_command(text):
            return True
        u = understand(agent, transcript, self.vocabulary)  # recovered, or heard in the gated recording
        return u.recovered is not None or u.text != text

    def act(self, agent, transcript, **kwargs):
        """act_on_transcript with this vocabulary: (PhoneResult, read back?)."""
        return act_on_transcript(agent, transcript, vocabulary=self.vocabulary, **kwargs)


def run(args) -> int:
    from agent.commands.phone import _virtual_phone

    with contextlib.ExitStack() as stack:
        # the virtual phone first: its apps are part of what the command may name
        vp = stack.enter_context(_virtual_phone()) if args.virtual else None
        return _run(args, vp)


def _run(args, vp) -> int:
    from agent.cli import UserError, emit_json
    from tools.voice import VoiceUnavailable, record_command

    home = args.home_obj.ensure()
    settings = home.load_settings()
    t0 = time.perf_counter()
    recorded: Path | None = None
    serial = vp.serial if vp is not None else (args.serial or settings.phone.serial or None)
    # before recording: not on the way from speech to action
    listener = Listener(home, settings, serial=serial, model=args.model)
    try:
        if args.file is not None:
            wav = args.file
        else:
            print("anima: listening… speak your command.", file=sys.stderr)
            wav = recorded = record_command(max_s=args.max_seconds)
        transcript = listener.hear(wav)
    except VoiceUnavailable as exc:
        raise UserError(str(exc)) from None
    finally:
        if recorded is not None:
            recorded.unlink(missing_ok=True)
    text = transcript.text.strip()
    if not text:
        raise UserError("Heard no words in the recording. Speak clearly, closer to the microphone.")
    t_heard = time.perf_counter()

    from agent.phone import PhoneAgent

    agent = PhoneAgent(home, settings)
    try:
        phone = listener.is_command(agent, transcript)
    finally:
        if agent._memory is not None:  # opened for a contact look-up: the phone run opens its own
            agent._memory.close()
    if phone:
        data, result = run_phone_command(
            home, settings, transcript, serial=args.serial, virtual=args.virtual, yes=args.yes,
            dry_run=args.dry_run, interactive=sys.stdin.isatty() and not args.json, vocabulary=listener.vocabulary,
            vp=vp,
        )
        out = {"transcript": text, **data, "confidence": transcript.confidence.model_dump(mode="json")}
        ok = data.get("error") is None and data.get("question") is None
    else:
        from agent.assistant import open_assistant

        assistant = open_assistant(home)
        try:
            answer = assistant.ask(text)
        finally:
            assistant.close()
        out = {"transcript": text, "answer": answer.answer,
               "sources": [s.model_dump(mode="json") for s in answer.sources]}
        ok = True
    out["timings_s"] = {"transcribe": round(t_heard - t0, 3), "total": round(time.perf_counter() - t0, 3)}

    if args.json:
        emit_json(out)
    else:
        print(f"heard: {text}")
        if "answer" in out:
            print(out["answer"])
            for i, s in enumerate(out["sources"], 1):
                print(f"  [{i}] {s['path']}:{s['start_line']}-{s['end_line']}")
        else:
            from agent.commands.phone import _print_result

            _print_result(result, dry_run=args.dry_run)
    return 0 if ok else 1
