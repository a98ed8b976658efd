"""`anima phone "command"`, `anima phone devices`, `anima phone screen`: drive an Android phone."""
from __future__ import annotations

import contextlib
import sys

from agent.cli import UserError, emit_json


def register(sub) -> None:
    p = sub.add_parser("phone", help="control your Android phone over adb in plain words",
                       description='Examples: anima phone "turn off wifi"; anima phone devices; anima phone screen')
    p.add_argument("words", nargs="+", metavar="COMMAND", help='a command in plain words, or "devices", or "screen"')
    p.add_argument("--serial", help="adb serial of the phone (default: [phone] serial, else the only one connected)")
    p.add_argument("--virtual", action="store_true", help="use a simulated phone started in this process")
    p.add_argument("--yes", action="store_true", help="approve risky actions (send, call, settings) without asking")
    p.add_argument("--dry-run", action="store_true", help="show the plan, execute nothing")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


@contextlib.contextmanager
def _virtual_phone():
    from tools.virtual_phone import VirtualPhone, adb_connect

    vp = VirtualPhone()
    vp.start()
    try:
        adb_connect(vp.serial)
        yield vp
    finally:
        from tools.device import adb_disconnect

        adb_disconnect(vp.serial)
        vp.stop()


def _confirm_on_tty(action) -> bool:
    sys.stderr.write(f"anima: {action.description} [{action.kind} {action.args}] -- proceed? [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


def run(args) -> int:
    home = args.home_obj.ensure()
    settings = home.load_settings()
    words = " ".join(args.words).strip()
    with contextlib.ExitStack() as stack:
        serial = args.serial
        vp = None
        if args.virtual:
            vp = stack.enter_context(_virtual_phone())
            serial = vp.serial
        if words == "devices":
            return _devices(args)
        if words == "screen":
            return _screen(args, home, settings, serial)
        from agent.phone import PhoneAgent

        agent = PhoneAgent(home, settings)
        confirm = _confirm_on_tty if (sys.stdin.isatty() and not args.json) else None
        result = agent.run(words, serial=serial, yes=args.yes, dry_run=args.dry_run, confirm=confirm)
        if vp is not None:
            result.device_state = vp.state().model_dump(mode="json")
    if args.json:
        emit_json({"command": result.command, "plan": [p.model_dump(mode="json") for p in result.plan],
                   "actions": [a.model_dump(mode="json") for a in result.actions],
                   "device_state": result.device_state, "question": result.question, "error": result.error})
    else:
        _print_result(result, dry_run=args.dry_run)
    return 0 if result.error is None and result.question is None else 1


def _print_result(result, *, dry_run: bool) -> None:
    if result.question:
        print(f"? {result.question}")
    for i, p in enumerate(result.plan, 1):
        flag = " (needs confirmation)" if p.risky else ""
        print(f"plan {i}. {p.description}{flag}")
    if dry_run and not result.question:
        print("dry run: nothing was executed")
    for a in result.actions:
        mark = "ok" if a.ok and a.verified else ("done, unverified" if a.ok else "FAILED")
        print(f"  [{mark}] {a.action.description}: {a.detail}")
    if result.device_state is not None:
        st = result.device_state
        print(f"virtual phone: foreground={st.get('foreground')} wifi={st.get('wifi')} bluetooth={st.get('bluetooth')} "
              f"volume={st.get('volume')} sms_sent={st.get('sms_sent')} calls={st.get('calls')} alarms={st.get('alarms')}")
    if result.error:
        print(f"anima: {result.error}", file=sys.stderr)


def _devices(args) -> int:
    from tools.device import DeviceError, list_devices

    try:
        devices = list_devices()
    except DeviceError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        emit_json({"devices": [d.model_dump() for d in devices]})
    elif not devices:
        print("no devices (plug a phone in with USB debugging on, or `adb connect HOST:PORT`)")
    else:
        for d in devices:
            print(f"{d.serial}\t{d.state}")
    return 0


def _screen(args, home, settings, serial) -> int:
    from tools.device import Device, DeviceError

    try:
        dev = Device.open(serial or settings.phone.serial or None, screenshot_dir=home.root / "screenshots")
        screen = dev.observe()
    except DeviceError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        emit_json({"serial": dev.serial, "foreground": screen.foreground, "hash": screen.hash,
                   "elements": [e.model_dump(mode="json") for e in screen.elements]})
    else:
        print(f"{dev.serial}  foreground: {screen.foreground or 'unknown'}  screen {screen.hash}")
        print(screen.text())
    return 0
