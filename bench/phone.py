"""Phone commands end to end: success rate and seconds per command over a persona's commands.jsonl.

Run: .venv/bin/python -m bench.phone [--persona ../shared/persona/lena] [--rounds 3]
Indexes the persona's notes into a temporary Memory (not timed), starts a virtual phone behind
the real adb server, and runs every command through PhoneAgent with --yes semantics. A command
succeeds when the phone's final state shows the expected effect. Prints one table.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def digits(s: str) -> str:
    return re.sub(r"\D", "", s or "")


def state_delta(before: dict, after: dict) -> dict:
    """The state after a command, with list fields reduced to what this command added."""
    delta = dict(after)
    for key in ("sms_sent", "calls", "alarms", "timers"):
        delta[key] = after[key][len(before[key]):]
    return delta


def check_expectation(exp: dict, delta: dict, result, initial_volume: int = 7) -> str | None:
    """None when `delta` shows the expected effect, else why not."""
    kind = exp["action"]
    if result.error or result.question:
        return result.error or result.question
    if kind == "send_sms":
        sent = [m for m in delta["sms_sent"] if digits(m["to"]) == digits(exp["to"])]
        if len(delta["sms_sent"]) != 1 or len(sent) != 1:
            return f"sms_sent={delta['sms_sent']}"
        missing = [w for w in exp.get("body_contains", []) if w.lower() not in sent[0]["body"].lower()]
        return f"body lacks {missing}" if missing else None
    if kind == "call":
        return None if [digits(c["to"]) for c in delta["calls"]] == [digits(exp["to"])] else f"calls={delta['calls']}"
    if kind == "open_app":
        return None if exp["package_contains"] in delta["foreground"] else f"foreground={delta['foreground']}"
    if kind in ("wifi", "bluetooth", "airplane"):
        return None if delta[kind] is exp["enabled"] else f"{kind}={delta[kind]}"
    if kind == "set_alarm":
        got = [(a["hour"], a["minute"]) for a in delta["alarms"]]
        return None if got == [(exp["hour"], exp["minute"])] else f"alarms={got}"
    if kind == "open_url":
        return None if exp["url_contains"] in (delta.get("url") or "") else f"url={delta.get('url')}"
    if kind == "key":
        if exp["key"] == "HOME":
            return None if "launcher" in delta["foreground"] else f"foreground={delta['foreground']}"
        return None if result.actions and result.actions[-1].action.args.get("key") == exp["key"] else "wrong key"
    if kind == "screenshot":
        path = result.actions[-1].data.get("path") if result.actions else None
        return None if path and Path(path).read_bytes().startswith(b"\x89PNG") else "no PNG saved"
    if kind == "volume":
        want = result.actions[-1].data.get("volume") if exp.get("level") == "max" else exp.get("level")
        ok = delta["volume"] == want and (exp.get("level") != "max" or delta["volume"] > initial_volume)
        return None if ok else f"volume={delta['volume']}"
    return f"no check for {kind}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persona", default=str(Path(__file__).resolve().parents[2] / "shared" / "persona" / "lena"))
    parser.add_argument("--rounds", type=int, default=3, help="runs of the whole command list (fresh phone each)")
    args = parser.parse_args()
    persona = Path(args.persona)

    from agent.config import Home
    from agent.phone import PhoneAgent
    from memory.index import Memory
    from tools.virtual_phone import VirtualPhone, adb_connect, adb_disconnect

    commands = [json.loads(l) for l in (persona / "commands.jsonl").read_text().splitlines() if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        home = Home(Path(tmp) / "home").ensure()
        t = time.perf_counter()
        memory = Memory(home.data_dir)
        memory.index([persona / "notes"])
        memory.search("warm up", k=1)
        index_s = time.perf_counter() - t
        agent = PhoneAgent(home, home.load_settings(), memory=memory)
        times: dict[str, list[float]] = {c["id"]: [] for c in commands}
        fails: dict[str, str] = {}
        steps: dict[str, int] = {}
        for _ in range(args.rounds):
            vp = VirtualPhone()
            vp.start()
            adb_connect(vp.serial)
            agent._devices.clear()  # a fresh phone has a fresh serial
            try:
                for c in commands:
                    before = vp.state().model_dump(mode="json")
                    t = time.perf_counter()
                    result = agent.run(c["command"], serial=vp.serial, yes=True)
                    times[c["id"]].append(time.perf_counter() - t)
                    steps[c["id"]] = len(result.actions)
                    why = check_expectation(c["expect"], state_delta(before, vp.state().model_dump(mode="json")), result,
                                            initial_volume=before["volume"])
                    if why:
                        fails[c["id"]] = why
            finally:
                adb_disconnect(vp.serial)
                vp.stop()
        memory.close()

    print(f"persona: {persona.name}   rounds: {args.rounds}   index + embedder warm-up (not counted): {index_s:.1f} s")
    print(f"{'id':<5}{'kind':<12}{'steps':>6}{'median s':>10}{'max s':>8}  ok  command")
    for c in commands:
        ts = times[c["id"]]
        print(f"{c['id']:<5}{c['expect']['action']:<12}{steps.get(c['id'], 0):>6}{statistics.median(ts):>10.2f}{max(ts):>8.2f}  "
              f"{'no ' if c['id'] in fails else 'yes'} {c['command']}" + (f"   <- {fails[c['id']]}" if c["id"] in fails else ""))
    all_t = [x for ts in times.values() for x in ts]
    ok = len(commands) - len(fails)
    print(f"success {ok}/{len(commands)}   median {statistics.median(all_t):.2f} s   max {max(all_t):.2f} s   "
          f"commands <= 2 s: {sum(1 for c in commands if statistics.median(times[c['id']]) <= 2.0)}/{len(commands)}")


if __name__ == "__main__":
    main()
