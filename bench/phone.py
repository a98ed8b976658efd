"""Phone commands end to end: single commands from a persona's commands.jsonl, and multi-step tasks.

Run: .venv/bin/python -m bench.phone [--persona ../shared/persona/lena] [--rounds 3] [--suite all|commands|tasks]
Indexes the persona's notes into a temporary Memory (not timed), starts a virtual phone behind
the real adb server, and runs every command through PhoneAgent with --yes semantics. A command
succeeds when the phone's final state shows the expected effect. Prints one table.

The task suite (`TASKS`, below) is multi-step work on the screen: Settings switches, per-app
notifications, Clock's alarm list, sharing a photo from the gallery, each from a lived-in phone
and some from a wrong screen or app. Each task gets a fresh, seeded phone; the real bundled model
(SmolLM2-135M through agent.lm.LlamaModel) breaks ties; risky steps go through a confirm callback
that says yes and counts the questions. A task succeeds when the final phone state is the
expected one (the named change made, nothing else of its kind changed).
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
    parser.add_argument("--suite", choices=("all", "commands", "tasks"), default="all")
    args = parser.parse_args()
    persona = Path(args.persona)

    from agent.config import Home
    from memory.index import Memory

    with tempfile.TemporaryDirectory() as tmp:
        home = Home(Path(tmp) / "home").ensure()
        t = time.perf_counter()
        memory = Memory(home.data_dir)
        memory.index([persona / "notes"])
        memory.search("warm up", k=1)
        index_s = time.perf_counter() - t
        print(f"persona: {persona.name}   index + embedder warm-up (not counted): {index_s:.1f} s")
        if args.suite in ("all", "commands"):
            run_commands(home, memory, persona, args.rounds)
        if args.suite in ("all", "tasks"):
            run_tasks(home, memory)
        memory.close()


def run_commands(home, memory, persona: Path, rounds: int) -> None:
    from agent.phone import PhoneAgent
    from tools.virtual_phone import VirtualPhone, adb_connect, adb_disconnect

    commands = [json.loads(l) for l in (persona / "commands.jsonl").read_text().splitlines() if l.strip()]
    agent = PhoneAgent(home, home.load_settings(), memory=memory)
    times: dict[str, list[float]] = {c["id"]: [] for c in commands}
    fails: dict[str, str] = {}
    steps: dict[str, int] = {}
    for _ in range(rounds):
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

    print(f"single commands   rounds: {rounds}")
    print(f"{'id':<5}{'kind':<12}{'steps':>6}{'median s':>10}{'max s':>8}  ok  command")
    for c in commands:
        ts = times[c["id"]]
        print(f"{c['id']:<5}{c['expect']['action']:<12}{steps.get(c['id'], 0):>6}{statistics.median(ts):>10.2f}{max(ts):>8.2f}  "
              f"{'no ' if c['id'] in fails else 'yes'} {c['command']}" + (f"   <- {fails[c['id']]}" if c["id"] in fails else ""))
    all_t = [x for ts in times.values() for x in ts]
    ok = len(commands) - len(fails)
    print(f"success {ok}/{len(commands)}   median {statistics.median(all_t):.2f} s   max {max(all_t):.2f} s   "
          f"commands <= 2 s: {sum(1 for c in commands if statistics.median(times[c['id']]) <= 2.0)}/{len(commands)}")


# ---------------------------------------------------------------------------------- multi-step tasks
CONTACTS = {"Anja Hoffmann": "+1 503 555 0142", "Marcus Bell": "+1 503 555 0178", "Ingrid Hoffmann": "+49 40 555 0199",
            "Dana Whitfield": "+1 971 555 0110", "Ben Ortiz": "+49 30 2222", "Send it to me instead": "+1 555 0199"}
ALARMS = [(6, 30, "Run"), (7, 0, ""), (8, 30, "Gym"), (19, 0, "Pills")]
PHOTO_AGES = {"today_late": (0, 1), "today_early": (0, 5), "yesterday": (1, 2), "three_days": (3, 4), "week": (6, 3)}


def seed_phone(vp) -> dict:
    """A lived-in phone: contacts, four alarms, five photos over the last week."""
    from datetime import timedelta

    vp.ui.contacts.update(CONTACTS)
    for h, m, label in ALARMS:
        vp.ui.set_alarm(h, m, label, True)
    now = vp.ui.now()
    return {key: vp.ui.add_photo(now - timedelta(days=d, hours=h)) for key, (d, h) in PHOTO_AGES.items()}


def _sh(*commands: str):
    return lambda vp, photos: [vp.run_shell(c) for c in commands]


def _open_photo(key: str):
    def setup(vp, photos):
        vp.run_shell("monkey -p com.google.android.apps.photos -c android.intent.category.LAUNCHER 1")
        vp.ui._perform(("open_photo", photos[key]))
    return setup


def _alarms(st) -> list[tuple[int, int, bool]]:
    return [(a["hour"], a["minute"], a["enabled"]) for a in st["alarms"]]


def _only(field: str, value):
    """The named setting has the value and no other app/setting of that family changed."""
    def check(st, before, photos):
        if "." in field:
            top, key = field.split(".", 1)
            changed = {k for k, v in st[top].items() if before[top].get(k) != v}
            ok = st[top].get(key) is value and changed == {key}
            return None if ok else f"{top} changed: {sorted(changed)}"
        return None if st[field] == value else f"{field}={st[field]}"
    return check


def _alarms_are(expected):
    def check(st, before, photos):
        return None if _alarms(st) == expected else f"alarms={_alarms(st)}"
    return check


def _shared(key: str, to: str):
    def check(st, before, photos):
        got = [(s["item"], digits(s["to"])) for s in st["shares"]]
        return None if got == [(photos[key], digits(to))] and not st["sms_sent"] else f"shares={got}"
    return check


def _activity(suffix: str):
    def check(st, before, photos):
        return None if st["activity"].endswith(suffix) else f"activity={st['activity']}"
    return check


def _trashed(key: str):
    def check(st, before, photos):
        gone = [p for p in before["gallery"] if p["name"] not in {g["name"] for g in st["gallery"]}]
        return None if [p["name"] for p in gone] == [photos[key]] == st["trash"] else f"trash={st['trash']}"
    return check


ALL_ON = [(6, 30, True), (7, 0, True), (8, 30, True), (19, 0, True)]
# (id, kind, command, setup or None, check). Setups put the phone on a wrong screen or app.
TASKS: list[tuple] = [
    ("t01", "settings", "open Settings and turn on dark mode", None, _only("dark_mode", True)),
    ("t02", "settings", "turn on dark mode", _sh("am start -a android.intent.action.VIEW -d https://example.org"),
     _only("dark_mode", True)),
    ("t03", "settings", "turn off dark mode", _sh("cmd uimode night yes", "am start -a android.settings.SOUND_SETTINGS"),
     _only("dark_mode", False)),
    ("t04", "settings", "turn on battery saver", None, _only("battery_saver", True)),
    ("t05", "settings", "turn on do not disturb", None, _only("do_not_disturb", True)),
    ("t06", "settings", "enable auto-rotate", None, _only("auto_rotate", True)),
    ("t07", "settings", "turn on the battery percentage", None, _only("battery_percentage", True)),
    ("t08", "settings", "turn off adaptive brightness", _sh("am start -a android.settings.WIFI_SETTINGS"),
     _only("adaptive_brightness", False)),
    ("t09", "settings", "open Settings and go to About phone", None, _activity("MyDeviceInfoActivity")),
    ("t10", "settings", "go to accessibility in settings", _sh("am start -a android.settings.DISPLAY_SETTINGS"),
     _activity("AccessibilitySettingsActivity")),
    ("t11", "app-notif", "turn off notifications for Instagram", None, _only("app_notifications.com.instagram.android", False)),
    ("t12", "app-notif", "mute notifications from WhatsApp", None, _only("app_notifications.com.whatsapp", False)),
    ("t13", "app-notif", "turn off notifications for Gmail", _sh("am start -a android.settings.BATTERY_SAVER_SETTINGS"),
     _only("app_notifications.com.google.android.gm", False)),
    ("t14", "app-notif", "block notifications from Spotify", _sh("am start -a android.intent.action.SHOW_ALARMS"),
     _only("app_notifications.com.spotify.music", False)),
    ("t15", "clock", "in Clock, delete the 7:00 alarm", None, _alarms_are([(6, 30, True), (8, 30, True), (19, 0, True)])),
    ("t16", "clock", "delete the 8:30 alarm", _sh("am start -a android.intent.action.SHOW_TIMERS"),
     _alarms_are([(6, 30, True), (7, 0, True), (19, 0, True)])),
    ("t17", "clock", "turn off the 6:30 alarm", None, _alarms_are([(6, 30, False), (7, 0, True), (8, 30, True), (19, 0, True)])),
    ("t18", "clock", "cancel my 7 pm alarm", _sh("monkey -p com.android.settings -c android.intent.category.LAUNCHER 1"),
     _alarms_are([(6, 30, True), (7, 0, True), (8, 30, True)])),
    ("t19", "clock", "in Clock, turn off the 7:00 pm alarm", None, _alarms_are([(6, 30, True), (7, 0, True), (8, 30, True), (19, 0, False)])),
    ("t20", "share", "find the photo from yesterday and share it with my sister", None, _shared("yesterday", CONTACTS["Anja Hoffmann"])),
    ("t21", "share", "share my latest photo with Dana", _sh("am start -a android.settings.SETTINGS"),
     _shared("today_late", CONTACTS["Dana Whitfield"])),
    ("t22", "share", "find the photo from yesterday and share it with my mom", _open_photo("today_early"),
     _shared("yesterday", CONTACTS["Ingrid Hoffmann"])),
    ("t23", "share", "share the picture from {three_days_weekday} with Marcus", None, _shared("three_days", CONTACTS["Marcus Bell"])),
    ("t24", "photos", "delete the photo from yesterday", None, _trashed("yesterday")),
    ("t25", "clock", "delete the Gym alarm", _sh("am start -a android.settings.SETTINGS"),
     _alarms_are([(6, 30, True), (7, 0, True), (19, 0, True)])),
    ("t26", "settings", "turn on night light", None, _only("night_light", True)),
]


def run_tasks(home, memory) -> None:
    from datetime import timedelta

    from agent.llm import bundled_chat_model
    from agent.lm import LlamaModel
    from agent.phone import PhoneAgent
    from tools.virtual_phone import VirtualPhone, adb_connect, adb_disconnect

    llm = LlamaModel(bundled_chat_model(), n_ctx=2048)
    settings = home.load_settings()
    agent = PhoneAgent(home, settings, memory=memory, llm=llm)
    rows = []
    for tid, kind, command, setup, check in TASKS:
        vp = VirtualPhone()
        vp.start()
        adb_connect(vp.serial)
        agent._devices.clear()
        try:
            photos = seed_phone(vp)
            weekday = (vp.ui.now() - timedelta(days=PHOTO_AGES["three_days"][0])).strftime("%A")
            command = command.format(three_days_weekday=weekday)
            if setup is not None:
                setup(vp, photos)
            before = vp.state().model_dump(mode="json")
            asked: list[str] = []

            def confirm(action, asked=asked) -> bool:
                asked.append(action.kind)
                return True

            t = time.perf_counter()
            result = agent.run(command, serial=vp.serial, confirm=confirm)
            secs = time.perf_counter() - t
            after = vp.state().model_dump(mode="json")
            why = result.error or result.question or check(after, before, photos)
            chosen = sum(1 for a in result.actions if a.data.get("chosen_by") == "model")
            rows.append((tid, kind, command, setup is not None, len(result.actions), chosen, len(asked), secs, why))
        finally:
            adb_disconnect(vp.serial)
            vp.stop()
    print(f"\nmulti-step tasks   model: {llm.name}   max_steps: {settings.phone.max_steps}")
    print(f"{'id':<5}{'kind':<10}{'wrong start':<12}{'steps':>6}{'model':>6}{'asked':>6}{'s':>7}  ok  command")
    for tid, kind, command, wrong, steps, chosen, asked, secs, why in rows:
        print(f"{tid:<5}{kind:<10}{'yes' if wrong else '':<12}{steps:>6}{chosen:>6}{asked:>6}{secs:>7.2f}  "
              f"{'yes' if why is None else 'no '} {command}" + (f"   <- {why}" if why else ""))
    ok = sum(1 for r in rows if r[8] is None)
    print(f"tasks reaching the right final state: {ok}/{len(rows)} ({100 * ok / len(rows):.0f} %)   "
          f"steps {sum(r[4] for r in rows)} (median {statistics.median(r[4] for r in rows):.0f})   median {statistics.median(r[7] for r in rows):.2f} s/task   "
          f"max {max(r[7] for r in rows):.2f} s   model choices {sum(r[5] for r in rows)}   "
          f"confirmations asked {sum(r[6] for r in rows)}")


if __name__ == "__main__":
    main()
