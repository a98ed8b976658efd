"""Voice commands end to end: word error rate, and seconds from the end of speech to the action.

Each command is spoken by espeak-ng into a WAV file, then, with the models already loaded (as in
the running app):
  endpoint  audio the VAD endpointer consumes after the last word before it stops recording
            (real time the user waits; silence_s = 0.8 s of trailing silence is the design)
  asr       faster-whisper tiny.en transcription (int8, CPU, bundled VAD)
  action    PhoneAgent planning + execution + verification on the virtual phone via real adb
  total     endpoint + asr + action: end of speech -> executed action (goal <= 3 s for a 3 s command)

Run:  .venv/bin/python -m bench.voice [--home DIR]
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

COMMANDS = [
    "turn off wifi",
    "turn on bluetooth",
    "set an alarm for 7:30",
    "set a timer for 5 minutes",
    "turn the volume up",
    "open the camera",
    "turn on airplane mode",
    "turn off bluetooth",
    "turn on wifi",
    "open settings",
]


def words(text: str) -> list[str]:
    text = text.lower().replace("wi-fi", "wifi")
    text = re.sub(r"(\d)[:.](\d)", r"\1 \2", text)  # 7:30 / 7.30 -> 7 30
    return re.findall(r"[a-z0-9']+", text)


def wer(ref: str, hyp: str) -> tuple[int, int]:
    """(edit distance in words, reference length)."""
    r, h = words(ref), words(hyp)
    d = list(range(len(h) + 1))
    for i in range(1, len(r) + 1):
        prev, d[0] = d[0], i
        for j in range(1, len(h) + 1):
            cur = min(d[j] + 1, d[j - 1] + 1, prev + (r[i - 1] != h[j - 1]))
            prev, d[j] = d[j], cur
    return d[len(h)], len(r)


def endpoint_delay(audio: np.ndarray, silence_s: float) -> tuple[float, np.ndarray]:
    """(seconds of audio after the speech the endpointer needed, the recording it would keep)."""
    from tools.voice import SAMPLE_RATE, Endpointer

    stream = np.concatenate([audio, np.zeros(int(SAMPLE_RATE * 3), dtype=np.float32)])
    ep = Endpointer(max_s=30, silence_s=silence_s)
    block = SAMPLE_RATE // 10
    for i in range(0, len(stream), block):
        if ep.feed(stream[i:i + block]):
            return (i + block - len(audio)) / SAMPLE_RATE, ep.audio
    return float("nan"), ep.audio


def speech_end(audio: np.ndarray) -> int:
    """Index just after the last sample above the noise floor: espeak pads the end with silence."""
    loud = np.nonzero(np.abs(audio) > 0.01)[0]
    return int(loud[-1]) + 1 if len(loud) else len(audio)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", help="anima home (default: a temp one)")
    parser.add_argument("--silence", type=float, default=0.8)
    args = parser.parse_args()

    from agent.config import Home
    from agent.phone import PhoneAgent
    from tools.device import adb_disconnect
    from tools.virtual_phone import VirtualPhone, adb_connect
    from tools.voice import SAMPLE_RATE, bundled_whisper_path, read_wav, transcribe

    home = Home(Path(args.home or tempfile.mkdtemp(prefix="anima-bench-voice-"))).ensure()
    settings = home.load_settings()
    tmp = Path(tempfile.mkdtemp(prefix="anima-voice-wav-"))

    t = time.perf_counter()
    transcribe(np.zeros(SAMPLE_RATE, dtype=np.float32), model_dir=bundled_whisper_path())
    cold = time.perf_counter() - t

    vp = VirtualPhone()
    vp.start()
    adb_connect(vp.serial)
    agent = PhoneAgent(home, settings)
    rows = []
    try:
        agent.run("turn the volume down", serial=vp.serial, yes=True)  # warm the adb connection
        for cmd in COMMANDS:
            wav = tmp / (re.sub(r"\W+", "_", cmd) + ".wav")
            subprocess.run(["espeak-ng", "-w", str(wav), cmd], check=True, capture_output=True)
            audio = read_wav(wav)
            audio = audio[: speech_end(audio)]
            ep_wait, recorded = endpoint_delay(audio, args.silence)
            t0 = time.perf_counter()
            text = transcribe(recorded).text  # what record_command would hand over
            t1 = time.perf_counter()
            result = agent.run(text, serial=vp.serial, yes=True)
            t2 = time.perf_counter()
            errors, n = wer(cmd, text)
            ok = bool(result.actions) and all(a.ok and a.verified for a in result.actions) and result.error is None
            rows.append({"command": cmd, "heard": text, "audio": len(audio) / SAMPLE_RATE, "err": errors, "n": n,
                         "endpoint": ep_wait, "asr": t1 - t0, "action": t2 - t1, "ok": ok,
                         "why": result.error or result.question or ""})
    finally:
        adb_disconnect(vp.serial)
        vp.stop()

    print(f"whisper tiny.en cold load + first call: {cold:.2f} s\n")
    print(f"{'command':28} {'heard':30} {'audio s':>7} {'WER':>5} {'endpt s':>7} {'asr s':>6} {'action s':>8} {'total s':>7}  ok")
    for r in rows:
        total = r["endpoint"] + r["asr"] + r["action"]
        print(f"{r['command'][:28]:28} {r['heard'][:30]:30} {r['audio']:7.2f} {r['err'] / r['n']:5.2f} "
              f"{r['endpoint']:7.2f} {r['asr']:6.2f} {r['action']:8.2f} {total:7.2f}  {'yes' if r['ok'] else 'NO ' + r['why'][:40]}")
    errs, n = sum(r["err"] for r in rows), sum(r["n"] for r in rows)
    totals = [r["endpoint"] + r["asr"] + r["action"] for r in rows]
    print(f"\nWER {errs}/{n} = {errs / n:.3f}; executed and verified {sum(r['ok'] for r in rows)}/{len(rows)}; "
          f"end of speech -> action: median {statistics.median(totals):.2f} s, max {max(totals):.2f} s "
          f"(commands of {min(r['audio'] for r in rows):.1f}-{max(r['audio'] for r in rows):.1f} s audio)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
