"""Screening what is done to the audio (and to the decoder's options) before the recognizer.

Recognizer only: per clip of bench/voice.py's cache (the endpointer's kept audio), the audio is
processed, transcribed by tiny.en primed with the persona's vocabulary, and the transcript's
word errors against what was said are counted. Cheaper than the whole bench (no grammar, no
phone), to pick candidates; the candidate is then measured by bench/voice.py end to end.

Run:  nice -n 10 .venv/bin/python -m bench.voice_frontend --configs none,gate --sets tune --voices tune
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.voice import HERE, PERSONAS, VOICES, clips
from bench.voice import body_errors as wer  # word error rate of what was heard against what was said


def sox(audio: np.ndarray, effects: list[str], profile_s: float | None = None) -> np.ndarray:
    from tools.voice import read_wav, write_wav

    with tempfile.TemporaryDirectory() as tmp:
        src, out, prof = Path(tmp, "in.wav"), Path(tmp, "out.wav"), Path(tmp, "noise.prof")
        write_wav(src, audio)
        if profile_s:
            subprocess.run(["sox", str(src), "-n", "trim", "0", str(profile_s), "noiseprof", str(prof)],
                           check=True, capture_output=True)
            effects = [e.replace("PROF", str(prof)) for e in effects]
        subprocess.run(["sox", str(src), str(out), *effects], check=True, capture_output=True)
        return read_wav(out)


def processors():
    from tools.denoise import spectral_gate

    return {
        "none": lambda a: a,
        "gate": lambda a: spectral_gate(a),
        "gate-o1": lambda a: spectral_gate(a, over=1.0),
        "gate-o2": lambda a: spectral_gate(a, over=2.0),
        "gate-f03": lambda a: spectral_gate(a, floor=0.03),
        "gate-f3": lambda a: spectral_gate(a, floor=0.3),
        "gate-o2f03": lambda a: spectral_gate(a, over=2.0, floor=0.03),
        "gate-ns": lambda a: spectral_gate(a, smooth=(0, 0)),
        "gate-f01": lambda a: spectral_gate(a, floor=0.01),
        "gate-f03s2": lambda a: spectral_gate(a, floor=0.03, smooth=(2, 2)),
        "gate-f03s21": lambda a: spectral_gate(a, floor=0.03, smooth=(2, 1)),
        "gate-f03s12": lambda a: spectral_gate(a, floor=0.03, smooth=(1, 2)),
        "gate-f03q3": lambda a: spectral_gate(a, floor=0.03, quiet=0.3),
        "gate-f01o2s2": lambda a: spectral_gate(a, floor=0.01, over=2.0, smooth=(2, 2)),
        "gate-band": lambda a: spectral_gate(a, band=(100, 4000)),
        "band": lambda a: sox(a, ["sinc", "100-4000"]),
        "hp": lambda a: sox(a, ["highpass", "100"]),
        "hp200": lambda a: sox(a, ["highpass", "200"]),
        "noisered": lambda a: sox(a, ["noisered", "PROF", "0.21"], profile_s=0.25),
        "noisered3": lambda a: sox(a, ["noisered", "PROF", "0.3"], profile_s=0.25),
        "compand": lambda a: sox(a, ["compand", "0.02,0.2", "-60,-60,-30,-15,0,-5", "-3"]),
    }


DECODERS = {  # faster-whisper options on top of tools.voice.transcribe's own
    "greedy": {},
    "beam5": {"beam_size": 5},
    "novad": {"vad_filter": False},
    "vad35": {"vad_parameters": {"threshold": 0.35}},
    "vad65": {"vad_parameters": {"threshold": 0.65}},
    "fallback": {"temperature": [0.0, 0.2, 0.4, 0.6]},
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--configs", default="none,gate", help="comma list of processor[+decoder]")
    ap.add_argument("--sets", default="tune")
    ap.add_argument("--voices", default="tune")
    ap.add_argument("--noise", default="clean,noisy")
    ap.add_argument("--cache", default="/tmp/anima-bench-voice")
    ap.add_argument("--dump")
    args = ap.parse_args()

    from agent.commands.listen import priming
    from agent.config import Home
    from agent.vocabulary import build_vocabulary
    from memory.index import Memory
    from tools.voice import _whisper, finish, read_wav, whisper_path

    cache = Path(args.cache)
    commands = [json.loads(x) for x in (HERE / "voice" / "commands.jsonl").read_text().splitlines() if x.strip()]
    commands = [c for c in commands if c["set"] in args.sets.split(",")]
    voices = [v for g in args.voices.split(",") for v in ([n for n, x in VOICES.items() if x[2] == g] or [g])]
    todo = [c for c in clips(commands, voices, cache, ["normal", "fast"]) if c["noise"] in args.noise.split(",")]
    endpoints = json.loads((cache / "endpoints-0.8.json").read_text())
    prompts = {}
    for persona, notes in PERSONAS.items():
        mem = Memory(Home(cache / "homes" / persona).ensure().data_dir)
        mem.index([notes])
        prompts[persona] = priming(build_vocabulary(mem))["prompt"]
        mem.close()
    whisper = _whisper(whisper_path("tiny.en"))
    procs = processors()
    rows = []
    for config in args.configs.split(","):
        proc, _, dec = config.partition("+")
        opts = {"language": "en", "beam_size": 1, "vad_filter": True, "condition_on_previous_text": False,
                "word_timestamps": False, "temperature": 0.0, **DECODERS[dec or "greedy"]}
        out = {"clean": [], "noisy": []}
        times = []
        for c in todo:
            audio = read_wav(c["wav"])[: endpoints[c["name"]][1]]
            t = time.perf_counter()
            a = procs[proc](audio)
            segs, _ = whisper.transcribe(a, initial_prompt=prompts[c["cmd"]["persona"]], **opts)
            raw = " ".join(s.text.strip() for s in segs).strip()
            times.append(time.perf_counter() - t)
            text, _ = finish(raw, [])
            e = wer(c["cmd"]["say"], text)
            out[c["noise"]].append(e)
            rows.append({"config": config, "name": c["name"], "say": c["cmd"]["say"], "heard": text, "wer": e})
        line = [f"{config:22}"]
        for k, v in out.items():
            if v:
                line.append(f"{k}: WER {statistics.mean(v):.3f} exact {sum(e == 0 for e in v):3d}/{len(v)}")
        line.append(f"s/clip p50 {statistics.median(times):.2f}")
        print("  ".join(line), flush=True)
    if args.dump:
        Path(args.dump).write_text(json.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
