"""`anima listen`: speak a command (or pass --file WAV) and anima runs it like typed text.

Phone commands go to the phone agent with the same flags and JSON as `anima phone` (plus
"transcript"); anything else is answered from the notes like `anima ask`.
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
    p.set_defaults(func=run)


PHONE_JSON_KEYS = ("command", "plan", "actions", "device_state", "question", "error")  # as `anima phone --json`


def run_phone_command(home, settings, command: str, *, serial: str | None, virtual: bool, yes: bool,
                      dry_run: bool, interactive: bool) -> tuple[dict, object]:
    """(the dict `anima phone --json` prints, the PhoneResult): same flags, same behaviour."""
    from agent.commands.phone import _confirm_on_tty, _virtual_phone
    from agent.phone import PhoneAgent

    with contextlib.ExitStack() as stack:
        vp = None
        if virtual:
            vp = stack.enter_context(_virtual_phone())
            serial = vp.serial
        agent = PhoneAgent(home, settings)
        confirm = _confirm_on_tty if interactive else None
        result = agent.run(command, serial=serial, yes=yes, dry_run=dry_run, confirm=confirm)
        if vp is not None:
            result.device_state = vp.state().model_dump(mode="json")
    dumped = result.model_dump(mode="json")
    return {k: dumped.get(k) for k in PHONE_JSON_KEYS}, result


def run(args) -> int:
    from agent.cli import UserError, emit_json
    from tools.voice import VoiceUnavailable, record_command, transcribe

    home = args.home_obj.ensure()
    settings = home.load_settings()
    t0 = time.perf_counter()
    recorded: Path | None = None
    try:
        if args.file is not None:
            wav = args.file
        else:
            print("anima: listening… speak your command.", file=sys.stderr)
            wav = recorded = record_command(max_s=args.max_seconds)
        transcript = transcribe(wav)
    except VoiceUnavailable as exc:
        raise UserError(str(exc)) from None
    finally:
        if recorded is not None:
            recorded.unlink(missing_ok=True)
    text = transcript.text.strip()
    if not text:
        raise UserError("Heard no words in the recording. Speak clearly, closer to the microphone.")
    t_heard = time.perf_counter()

    from agent.phone import is_phone_command

    if is_phone_command(text):
        data, result = run_phone_command(
            home, settings, text, serial=args.serial, virtual=args.virtual, yes=args.yes,
            dry_run=args.dry_run, interactive=sys.stdin.isatty() and not args.json,
        )
        out = {"transcript": text, **data}
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
