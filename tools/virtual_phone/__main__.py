"""`python -m tools.virtual_phone --port 5555`: run one virtual phone until Ctrl-C.

Prints the serial to connect to (and connects the local adb server with --connect); on exit
prints the phone's state as JSON, so a demo can show what the assistant did.
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from tools.virtual_phone.phone import VirtualPhone, VirtualPhoneError, adb_connect, adb_disconnect


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.virtual_phone", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5555, help="TCP port to listen on (0 = any free port)")
    parser.add_argument("--connect", action="store_true", help="also run `adb connect` against it")
    args = parser.parse_args(argv)
    phone = VirtualPhone(args.host, args.port)
    try:
        phone.start()
        if args.connect:
            adb_connect(phone.serial)
    except VirtualPhoneError as exc:
        print(f"error: {exc}", file=sys.stderr)
        phone.stop()
        return 1
    print(phone.serial, flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    try:
        done.wait()
    except KeyboardInterrupt:
        pass
    finally:
        if args.connect:
            adb_disconnect(phone.serial)
        phone.stop()
        print(json.dumps(phone.state().model_dump(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
