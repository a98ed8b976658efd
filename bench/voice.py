"""Voice commands end to end, for two personas, several synthetic voices, clean and noisy.

Command sets: bench/voice/commands.jsonl, 54 commands over two personas (Lena, from
shared/persona/lena/notes, and Sam, from bench/voice/persona/notes), split into a tuning set (24),
a held-out set (12; its failures were read in the sixth pass, so it is a second-use set since) and
a fresh set (18, `--sets fresh`, written before the sixth pass read any failure, measured once
with its final code; not in the default `--sets`) and a second fresh set (20, `--sets fresh2`,
written in the fourteenth pass before it changed any code, after the first fresh set's failures
were read; measured once with that pass's final code). Voices:
espeak-ng en-us and flite slt (tuning); espeak-ng en-gb+f3 and flite rms (held out). Each at
two speeds (normal, 1.25x), clean and with pink noise mixed in by sox at 10 dB SNR.

Per clip, with the models loaded (as in the running app):
  endpoint  audio the VAD endpointer consumes after the last word before it stops recording
  asr       faster-whisper on what the endpointer kept, primed with the persona's vocabulary
  action    PhoneAgent planning (+ execution and verification on the virtual phone with --execute)
and then: was the command executed right (the planned action and its arguments match the
expectation, and it ran), and was a risky action executed from a wrong transcript (must be 0)?
Unsure transcripts of risky commands are read back (agent/commands/listen.py), never executed.

Transcripts are cached per (model, priming, vocabulary, clip) in the cache folder, so parser
changes are re-scored without re-running the recognizer. What the app gets from the recognizer
besides the text (tools.voice.Scorer: word probabilities in context, readings of a misheard
command compared) needs the clip's encoding: a cached transcript's clip is encoded again for it
(not counted in the timings: the app reuses the recognizer's own), and the context word
probabilities are cached too (context-words-*.json; --rescore recomputes them).

The vocabulary holds the virtual phone's installed apps, read over adb as `anima listen` reads a
phone's (agent/vocabulary.py phone_apps; `--phone-apps off` for the notes' words and the common
launcher labels only); `--prime-apps N` also puts N of them in the recognizer's prompt.

When the words heard first make no command, the app hears the recording again with its steady
noise gated out (agent/heard.py, tools/denoise.py): those second-look transcripts are cached in
their own file (--second-tag), and the time of a cached one is counted as the app would spend it.

Run:  nice .venv/bin/python -m bench.voice --models tiny.en,base --priming none,prompt,hotwords \\
          --sets tune --voices tune            # compare configurations on the tuning set
      nice .venv/bin/python -m bench.voice --models tiny.en --priming prompt --execute   # the full run
      (side by side: --sets/--voices/--tag per run, each with --dump F; then --execute --combine F1 F2 ...)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = next((p / "shared" for p in REPO.parents if (p / "shared" / "persona").is_dir()), REPO.parent / "shared")
PERSONAS = {"lena": SHARED / "persona" / "lena" / "notes", "sam": HERE / "voice" / "persona" / "notes"}
VOICES = {  # name: (engine, voice, tuning or held out)
    "espeak-us": ("espeak-ng", "en-us", "tune"),
    "flite-slt": ("flite", "slt", "tune"),
    "espeak-gb": ("espeak-ng", "en-gb+f3", "holdout"),
    "flite-rms": ("flite", "rms", "holdout"),
}
SPEEDS = {"normal": 1.0, "fast": 1.25}
SNR_DB = 10.0
SR = 16000
TAIL_S = 3.0  # room after the speech for the endpointer to hear the silence (or the noise)


# ---------------------------------------------------------------------------------------- audio
def synth(text: str, voice: str, speed: float, out: Path) -> None:
    engine, name, _ = VOICES[voice]
    raw = out.with_suffix(".raw.wav")
    if engine == "espeak-ng":
        subprocess.run(["espeak-ng", "-v", name, "-s", str(int(175 * speed)), "-w", str(raw), text],
                       check=True, capture_output=True)
    else:
        subprocess.run(["flite", "-voice", name, "--setf", f"duration_stretch={1 / speed:.3f}", "-t", text,
                        "-o", str(raw)], check=True, capture_output=True)
    # 16 kHz mono, the engine's own silence trimmed, then 0.3 s before and TAIL_S after the speech
    # -R: sox dithers the 16-bit output from a random seed; repeatable, so a rebuilt cache holds the same audio
    subprocess.run(["sox", "-R", str(raw), "-r", str(SR), "-c", "1", "-b", "16", str(out),
                    "silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse",
                    "pad", "0.3", str(TAIL_S)], check=True, capture_output=True)
    raw.unlink()


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64)))) if len(x) else 0.0


def add_noise(clean: Path, out: Path, speech: tuple[int, int], seed: int) -> None:
    """Pink noise from sox, scaled so speech RMS / noise RMS is SNR_DB, mixed by sox."""
    from tools.voice import read_wav

    audio = read_wav(clean)
    noise = out.with_suffix(".noise.wav")
    dur = len(audio) / SR
    subprocess.run(["sox", "-R", "-n", "-r", str(SR), "-c", "1", "-b", "16", str(noise), "synth", f"{dur:.3f}",
                    "pinknoise", "vol", "0.5"], check=True, capture_output=True,
                   env={**os.environ, "SOX_OPTS": ""})
    n = read_wav(noise)
    # sox -R repeats the same noise for every clip; shift it per clip so clips differ, reproducibly
    n = np.roll(n, seed % len(n))
    from tools.voice import write_wav

    write_wav(noise, n)
    gain = rms(audio[speech[0]:speech[1]]) / (rms(n) * 10 ** (SNR_DB / 20))
    subprocess.run(["sox", "-R", "-m", "-v", "1", str(clean), "-v", f"{gain:.5f}", str(noise), str(out)],
                   check=True, capture_output=True)
    noise.unlink()


def speech_span(audio: np.ndarray) -> tuple[int, int]:
    loud = np.nonzero(np.abs(audio) > 0.01)[0]
    return (int(loud[0]), int(loud[-1]) + 1) if len(loud) else (0, len(audio))


def clips(commands: list[dict], voices: list[str], cache: Path, speeds: list[str]) -> list[dict]:
    """Every (command, voice, speed, noise) clip, synthesised once into the cache."""
    from tools.voice import read_wav

    out = []
    for c in commands:
        for v in voices:
            for sp_name in speeds:
                sp = SPEEDS[sp_name]
                base = f"{c['id']}-{v}-{sp_name}"
                clean = cache / "audio" / f"{base}-clean.wav"
                noisy = cache / "audio" / f"{base}-noisy.wav"
                clean.parent.mkdir(parents=True, exist_ok=True)
                if not clean.is_file():
                    synth(c["say"], v, sp, clean)
                span = speech_span(read_wav(clean))
                if not noisy.is_file():
                    add_noise(clean, noisy, span, int(hashlib.sha256(base.encode()).hexdigest()[:8], 16))
                for noise, path in (("clean", clean), ("noisy", noisy)):
                    out.append({"cmd": c, "voice": v, "speed": sp_name, "noise": noise, "wav": path,
                                "speech_end": span[1], "name": f"{base}-{noise}"})
    return out


def endpoint(audio: np.ndarray, speech_end: int, silence_s: float) -> tuple[float, np.ndarray]:
    """(seconds of audio after the speech before the endpointer stopped, the recording it keeps)."""
    from tools.voice import Endpointer

    ep = Endpointer(max_s=30, silence_s=silence_s)
    block = SR // 10
    for i in range(0, len(audio), block):
        if ep.feed(audio[i:i + block]):
            return (i + block - speech_end) / SR, ep.kept()
    return (len(audio) - speech_end) / SR, ep.kept()  # never stopped: the user waits for max_s instead


class _Uncounted:
    """A second look's LazyScorer whose encode seconds are taken off the clip's time."""

    def __init__(self, scorer, spent: list):
        self._scorer, self._spent = scorer, spent

    def __getattr__(self, name):
        attr = getattr(self._scorer, name)
        if not callable(attr):
            return attr

        def call(*a, **kw):
            out = attr(*a, **kw)
            self._spent.append((0.0, self._scorer.take_encode_s()))
            return out
        return call


class LazyScorer:
    """A cached transcript's clip, encoded only when something is scored (tools.voice.Scorer)."""

    def __init__(self, wav: Path, n_kept: int, model: str, prompt: str | None, denoise: bool):
        self._args = (wav, n_kept, model, prompt, denoise)
        self._scorer = None
        self.encode_s = 0.0

    def take_encode_s(self) -> float:
        """Seconds spent encoding since the last call (the app never spends them: not counted)."""
        spent, self.encode_s = self.encode_s, 0.0
        return spent

    def _get(self):
        if self._scorer is None:
            from tools.voice import Scorer, read_wav

            wav, n_kept, model, prompt, denoise = self._args
            t = time.perf_counter()
            self._scorer = Scorer.for_audio(read_wav(wav)[:n_kept], model=model, prompt=prompt, denoise=denoise)
            self.encode_s = time.perf_counter() - t
        return self._scorer

    def words(self, text: str, *, context: bool = True):
        return self._get().words(text, context=context)

    def logprob(self, texts: list[str]):
        return self._get().logprob(texts)

    def first_word(self, words: list[str]):
        return self._get().first_word(words)

    def alternatives(self, n: int = 5):
        return self._get().alternatives(n)

    def grammar(self, texts: list[str]):
        return self._get().grammar(texts)

    def reprimed(self, prompt):
        return self._get().reprimed(prompt)


# -------------------------------------------------------------------------------------- scoring
_CONTRACTIONS = {"i'm": "i am", "i'll": "i will", "it's": "it is", "that's": "that is", "you're": "you are",
                 "we're": "we are", "don't": "do not", "can't": "cannot", "won't": "will not", "i've": "i have"}


def _norm_words(text: str) -> list[str]:
    from agent.phone.parser import numbers_to_digits

    text = numbers_to_digits(text.lower().replace("’", "'"))
    text = re.sub(r"(\d)\s*([ap])\.?\s?m\b\.?", r"\1 \2m", text)  # 8pm / 8 p.m. -> 8 pm
    words = re.findall(r"[a-z0-9']+", text)
    return " ".join(_CONTRACTIONS.get(w, w) for w in words).split()


def body_errors(said: str, sent: str) -> float:
    """Word error rate of the message that would be sent against the one that was said."""
    r, h = _norm_words(said), _norm_words(sent)
    d = list(range(len(h) + 1))
    for i in range(1, len(r) + 1):
        prev, d[0] = d[0], i
        for j in range(1, len(h) + 1):
            cur = min(d[j] + 1, d[j - 1] + 1, prev + (r[i - 1] != h[j - 1]))
            prev, d[j] = d[j], cur
    return d[len(h)] / max(1, len(r))


def matches(expect: dict, plan: list) -> bool:
    """The plan does what was said: one action of the right kind, the right arguments, and a
    message body within one word in five of what was said (a garbled message is a wrong one)."""
    if len(plan) != 1 or plan[0].kind != expect["action"]:
        return False
    a = plan[0].args
    for key in ("to", "hour", "minute", "seconds", "enabled", "level", "key"):
        if key in expect and a.get(key) != expect[key]:
            return False
    if "name_contains" in expect and expect["name_contains"] not in str(a.get("name", "")).lower():
        return False
    return "body" not in expect or body_errors(expect["body"], str(a.get("body", ""))) <= 0.2


def cause(row: dict) -> str | None:
    """Why a clip failed, from its dump row (None: it did not): the recognizer's words (the plan
    made of them is wrong, or there is none), the parser (the words are the said ones, spelling
    aside, and the plan is still wrong), or the read-back (the plan was right and was not run: a
    reading the recovery put back, or words the recognizer or the grammar was unsure of)."""
    if row["ok"]:
        return None
    if row["right_plan"] and not row["read_back"]:
        return "plan right, not run"  # a question, an error
    if row["right_plan"]:
        ev = row.get("evidence") or {}
        if "recipient_in_noise" in ev and not ev.get("read_back_before_recipient_rule"):
            return "read back, plan right (recipient in noise)"  # agent/heard.py RECIPIENT_IN_NOISE alone
        return "read back, plan right (recovered)" if row["recovered"] else "read back, plan right (heard)"
    if body_errors(row["say"].replace(":", ""), row["heard"]) == 0:
        return "parser: the said words, a wrong plan"
    return "recognizer: wrong words"


def causes(rows: list[dict], label: str = "") -> str:
    """Failures by cause, per set of commands x voices and noise (bench/RESULTS.md, tenth voice pass)."""
    from collections import Counter

    counts = Counter()
    for r in rows:
        why = cause(r)
        if why is not None:
            tuned = r["set"] == "tune" and VOICES[r["voice"]][2] == "tune"
            group = "tuning voices" if tuned else "held-out voices" if r["set"] == "tune" else f"{r['set']} commands"
            counts[(group, r["noise"], why)] += 1
    return "\n".join([f"== causes {label}"] + [f"  {g:18} {n:5} {w:38} {c}" for (g, n, w), c in sorted(counts.items())])


def gates(agent, tr, plan, vocab) -> dict:
    """The value of every confidence gate agent/heard.py applies to a risky plan of the heard words,
    each computed whether or not the gates before it passed (agent/heard.py stops at the first that
    fails), so floors can be tried offline on a dump (`python -m bench.voice_gates DUMP`)."""
    import agent.heard as h

    conf = tr.confidence
    kinds = {p.kind for p in plan if p.risky}
    words = list(tr.words or [])
    out = {"kinds": sorted(kinds), "min_word": conf.min_word_prob, "avg_logprob": conf.avg_logprob,
           "no_speech": conf.no_speech_prob, "by_sound": any(p.risky and p.heard_as for p in plan),
           "n_plan": len(plan), "noise": getattr(tr, "noise", None)}
    first = re.sub(r"[^\w]", "", words[0][0]).lower() if words else ""
    same = next((g for g in h._SAME_VERB if first in g), None)
    if same is not None:
        out["verb_mass"] = sum(tr.scorer.first_word([w2 for w in same for w2 in (w, w.capitalize())]).values())
        out["rest_min"] = min([p for _, p in words[1:]], default=1.0)
    if out["noise"] is not None and out["noise"] >= h.GATED_NOISE and kinds & h.RECIPIENT_KINDS:
        out["recipient_unprimed_p"] = h._unprimed_share(agent, h.Understood(text=tr.text.strip(), plan=plan), vocab,
                                                        tr.scorer)
    ev: dict = {}
    if "send_sms" in kinds and len(plan) == 1:
        body = str(plan[0].args.get("body", "")).strip()
        bare = [p for _, p in tr.scorer.words(tr.text.strip(), context=False)]
        n = len(body.split())
        out.update(bare_min=min(bare, default=0.0), body_bare_min=min(bare[-n:], default=0.0) if n else 0.0,
                   body_words=n)
        bodies = [h._body_of(a) for a in tr.scorer.alternatives(h.N_BEST)]
        out["body_agree"] = sum(b is not None and h._same_words(b, body) for b in bodies)
        saved = (h.SMS_AVG_LOGPROB, h.SMS_WORD_PROB, h.BODY_AGREE, h.HIGH_NO_SPEECH)
        h.SMS_AVG_LOGPROB, h.SMS_WORD_PROB, h.BODY_AGREE, h.HIGH_NO_SPEECH = -1e9, 0.0, 0, 2.0
        try:
            if n:
                h._message_sure(agent, tr, plan[0], vocab, ev, own_reading=not out["by_sound"])
        finally:
            h.SMS_AVG_LOGPROB, h.SMS_WORD_PROB, h.BODY_AGREE, h.HIGH_NO_SPEECH = saved
        out["to_p_all"] = ev.get("p_all", 0.0)
    elif "send_sms" not in kinds:
        found = h._grammar(agent, tr, vocab, h.known_apps(vocab), ev, by_sound=not out["by_sound"])
        out["same"] = found.meaning == h._meaning(plan)
        out["p_all"] = found.p_all
        out["p"] = found.p
    return out


def decide(g: dict) -> bool:
    """Read back? agent/heard.py's decision for a risky plan of heard words, from its `gates` and the
    floors as they stand now (after --set): for trying floors on a dump without the recognizer."""
    import agent.heard as h
    import tools.voice as v

    kinds = set(g["kinds"])
    if "send_sms" in kinds:
        word, logprob = v.SMS_WORD_PROB, v.SMS_AVG_LOGPROB
    elif kinds <= {"call"}:
        word, logprob = v.CALL_WORD_PROB, v.LOW_AVG_LOGPROB
    else:
        word, logprob = v.LOW_WORD_PROB, v.LOW_AVG_LOGPROB
    low = lambda least: least < word or g["avg_logprob"] < logprob or g["no_speech"] > v.HIGH_NO_SPEECH  # noqa: E731
    vouched = False
    if "send_sms" in kinds:
        sure = not low(g["min_word"]) and g["bare_min"] >= h.SMS_WORD_PROB
        if g["by_sound"] or not sure:
            vouched = g["n_plan"] == 1 and g["body_words"] > 0 and g["avg_logprob"] >= h.SMS_AVG_LOGPROB \
                and g["no_speech"] <= h.HIGH_NO_SPEECH and g["body_bare_min"] >= h.SMS_WORD_PROB \
                and (not h.BODY_AGREE or g["body_agree"] >= h.BODY_AGREE) and g["to_p_all"] >= h.GRAMMAR_SURE
    else:
        sure = not low(g["min_word"]) or ("verb_mass" in g and not low(min(g["verb_mass"], g["rest_min"])))
        if g["by_sound"] or not sure:
            vouched = g["same"] and (g["p_all"] >= h.GRAMMAR_SURE or g.get("p", 0.0) >= h.GRAMMAR_SURE_COMMANDS)
    noisy = g.get("noise") is not None and g["noise"] >= v.GATED_NOISE  # agent/heard.py _recipient_in_noise
    unprimed = g.get("recipient_unprimed_p")
    if h.RECIPIENT_IN_NOISE and noisy and kinds & h.RECIPIENT_KINDS and (unprimed is None or unprimed < h.RECIPIENT_UNPRIMED):
        return True
    return (g["by_sound"] and not vouched) or not (vouched or sure)


def refloor(rows: list[dict]) -> tuple[list[dict], list[str]]:
    """The dump's rows with the read-back decided again by `decide` where a row carries its gates
    (the others as they were), and a line per clip whose outcome moved."""
    out, moved = [], []
    for r in rows:
        g = (r.get("evidence") or {}).get("gates")
        if g is None:
            out.append(r)
            continue
        rb = decide(g)
        ran = r["runnable"] and not rb
        new = {**r, "read_back": rb, "ok": r["right_plan"] and ran, "risky_wrong": ran and not r["right_plan"] and r["risky"]}
        if new["ok"] != r["ok"] or new["risky_wrong"] != r["risky_wrong"]:
            moved.append(f"  {'+' if new['ok'] else '-' if r['ok'] else 'RISKY' if new['risky_wrong'] else '~'} "
                         f"{r['name']:34} said {r['say']!r} heard {r['heard']!r}")
        out.append(new)
    return out, moved


_MODULES = {"heard": "agent.heard", "voice": "tools.voice", "vocabulary": "agent.vocabulary"}


def override(item: str) -> tuple[str, str, object]:
    """`--set heard.BODY_AGREE=2`: set an existing constant of agent.heard, tools.voice or
    agent.vocabulary for this run, as its own type (a float stays a float, a str a str)."""
    import importlib

    name, _, value = item.partition("=")
    short, _, const = name.partition(".")
    if short not in _MODULES or not const or not _:
        raise SystemExit(f"--set {item}: MODULE.NAME=VALUE with MODULE one of {', '.join(_MODULES)}")
    module = importlib.import_module(_MODULES[short])
    if not hasattr(module, const):
        raise SystemExit(f"--set {item}: {_MODULES[short]} has no {const}")
    old = getattr(module, const)
    new = value if isinstance(old, str) else type(old)(json.loads(value))
    setattr(module, const, new)
    print(f"set {_MODULES[short]}.{const} = {new!r} (was {old!r})", flush=True)
    return _MODULES[short], const, new


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} % ({part}/{whole})" if whole else "   -"


# ----------------------------------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default="base", help="comma list of base, tiny.en")
    ap.add_argument("--priming", default="prompt", help="comma list of none, generic, prompt, hotwords")
    ap.add_argument("--sets", default="tune,holdout")
    ap.add_argument("--commands", default="", help="comma list of command ids: only these (a check, not a measurement)")
    ap.add_argument("--voices", default="tune,holdout", help="voice groups (tune, holdout) or voice names")
    ap.add_argument("--speeds", default=",".join(SPEEDS), help="comma list of " + ", ".join(SPEEDS))
    ap.add_argument("--noise", default="clean,noisy", help="comma list of clean, noisy: the clips measured")
    ap.add_argument("--execute", action="store_true", help="run each command on the virtual phone (else plan only)")
    ap.add_argument("--silence", type=float, default=0.8)
    ap.add_argument("--cache", default=os.environ.get("ANIMA_BENCH_VOICE_CACHE", "/tmp/anima-bench-voice"))
    ap.add_argument("--dump", help="write every scored clip as JSON here (for calibrating confidence)")
    ap.add_argument("--tag", default="", help="suffix of this run's transcript cache (for runs side by side)")
    ap.add_argument("--show", type=int, default=12, help="print this many failures per configuration")
    ap.add_argument("--rescore", action="store_true", help="score cached transcripts' words again (not from cache)")
    ap.add_argument("--grammar-off", action="store_true", help="without the closed grammar (agent/heard.py)")
    ap.add_argument("--denoise", choices=("on", "off"), default=None,
                    help="gate steady noise out before the recognizer (default: tools.voice.DENOISE)")
    ap.add_argument("--second-look", choices=("on", "off"), default="on",
                    help="hear the gated recording when the first transcript makes no command (agent/heard.py)")
    ap.add_argument("--second-beam", type=int, help="beam size of the second look (default: tools.voice's)")
    ap.add_argument("--second-tag", default="gated", help="suffix of the second look's transcript cache")
    ap.add_argument("--live", action="store_true",
                    help="transcribe every clip now (no transcript cache read) and hear the gated recording as "
                         "the app does (the Transcript's own second look, started beside the first hearing "
                         "when tools.voice.HEAR_AHEAD): end of speech -> action is measured, not summed from a cache")
    ap.add_argument("--phone-apps", choices=("on", "off"), default="on",
                    help="the virtual phone's installed apps in the vocabulary, as `anima listen` has them")
    ap.add_argument("--prime-apps", type=int, default=None,
                    help="prime the recognizer with at most this many of the phone's apps (agent/vocabulary.py)")
    ap.add_argument("--set", nargs="+", default=[], metavar="MODULE.NAME=VALUE",
                    help="override a calibrated constant for this run (modules: heard, voice, vocabulary; "
                         "e.g. heard.BODY_AGREE=2 voice.CALL_WORD_PROB=0.4): to recalibrate on a tuning dump")
    ap.add_argument("--gates", action="store_true",
                    help="dump every confidence gate's value for a risky plan of heard words (see `gates`), "
                         "to try floors offline on a tuning dump (not counted in the timings)")
    ap.add_argument("--refloor", nargs="+", metavar="DUMP",
                    help="decide the read-back again on these --gates dumps with the floors after --set, then exit")
    ap.add_argument("--combine", nargs="+", help="report over the --dump files of runs side by side, then exit")
    ap.add_argument("--causes", nargs="+", help="the failures of these --dump files by cause (see `cause`), then exit")
    args = ap.parse_args()
    for item in args.set:
        override(item)
    if args.refloor:
        for f in args.refloor:
            rows = json.loads(Path(f).read_text())
            same = [r for r in rows if (r.get("evidence") or {}).get("gates") is not None]
            out, moved = refloor(rows)
            print(f"== {f}: {len(same)} clips with gates; floors {args.set or 'as they are'}")
            print("\n".join(moved) or "  no clip moved")
            for noise in ("clean", "noisy"):
                sub = [r for r in out if r["noise"] == noise]
                print(f"  {noise}: ok {sum(r['ok'] for r in sub)}/{len(sub)}  risky from wrong "
                      f"{sum(r['risky_wrong'] for r in sub)}  read back {sum(r['read_back'] for r in sub)}")
        return 0
    if args.causes:
        for f in args.causes:
            print(causes(json.loads(Path(f).read_text()), f))
        return 0
    if args.combine:
        rows = [r for f in args.combine for r in json.loads(Path(f).read_text())]
        for (model, mode) in sorted({(r["model"], r["priming"]) for r in rows}):
            line = report(model, mode, [r for r in rows if (r["model"], r["priming"]) == (model, mode)], args.show,
                          executed=args.execute)  # pass --execute when the runs did
            print(TABLE_HEAD + line)
        return 0

    import agent.heard as heard_module
    from agent.commands.listen import act_on_transcript, priming
    from agent.config import Home
    from agent.heard import understand
    from agent.phone import PhoneAgent
    from agent.vocabulary import build_vocabulary
    from memory.index import Memory
    from tools.voice import (
        COMMAND_PROMPT,
        Confidence,
        Transcript,
        finish,
        noise_share,
        read_wav,
        strip_hallucinated_tail,
        transcribe,
    )

    if args.grammar_off:
        heard_module.GRAMMAR = False
    if args.prime_apps is not None:
        import agent.vocabulary as vocabulary_module

        vocabulary_module.PRIME_APPS = args.prime_apps
    import tools.voice as voice_module

    denoise = voice_module.DENOISE if args.denoise is None else args.denoise == "on"
    # transcripts of gated audio are cached apart from those of the audio as recorded
    if args.second_beam:
        voice_module.SECOND_LOOK_BEAM = args.second_beam
    gated_front = f"|denoise{json.dumps(voice_module.DENOISE_OPTIONS, sort_keys=True)}"
    gated_front += f"|beam{voice_module.SECOND_LOOK_BEAM}" if voice_module.SECOND_LOOK_BEAM != 1 else ""
    front = gated_front if denoise else ""
    second_look = heard_module.SECOND_LOOK and args.second_look == "on"
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    sets = args.sets.split(",")
    commands = [json.loads(line) for line in (HERE / "voice" / "commands.jsonl").read_text().splitlines() if line.strip()]
    commands = [c for c in commands if c["set"] in sets and (not args.commands or c["id"] in args.commands.split(","))]
    voice_names = [v for g in args.voices.split(",") for v in ([n for n, x in VOICES.items() if x[2] == g] or [g])]
    t = time.perf_counter()
    speeds = args.speeds.split(",")
    all_clips = [c for c in clips(commands, voice_names, cache, speeds) if c["noise"] in args.noise.split(",")]
    print(f"{len(all_clips)} clips ({len(commands)} commands x {len(voice_names)} voices x {len(speeds)} speeds x "
          f"clean/noisy) ready in {time.perf_counter() - t:.0f} s", flush=True)

    homes, agents, vocabs, memories = {}, {}, {}, []
    for persona, notes in PERSONAS.items():
        home = Home(cache / "homes" / persona).ensure()
        mem = Memory(home.data_dir)
        mem.index([notes])
        memories.append(mem)
        homes[persona] = home
        agents[persona] = PhoneAgent(home, home.load_settings(), memory=mem)
        vocabs[persona] = build_vocabulary(mem)
        print(f"vocabulary {persona}: {vocabs[persona].hotwords()}")

    vp = serial = None
    if args.execute or args.phone_apps == "on":
        # our own adb server (adb and adbutils read this port): never collide with the tests' one
        os.environ.setdefault("ANDROID_ADB_SERVER_PORT", os.environ.get("ADB_SERVER_PORT", "5139"))
        from tools.virtual_phone import VirtualPhone, adb_connect

        vp = VirtualPhone()
        vp.start()
        adb_connect(vp.serial)
        serial = vp.serial
    if args.phone_apps == "on":
        # the phone's installed apps, read over adb as `anima listen` reads them (agent/vocabulary.py)
        from agent.vocabulary import phone_apps

        for persona in vocabs:
            vocabs[persona] = vocabs[persona].with_apps(phone_apps(homes[persona], serial))
        print(f"phone apps: {', '.join(vocabs['lena'].apps)}")
    if args.execute:
        agents["lena"].run("turn the volume down", serial=serial, yes=True)  # warm the adb connection

    # The endpointer's decision does not depend on the recognizer: once per clip
    efile = cache / f"endpoints-{args.silence}.json"
    endpoints = json.loads(efile.read_text()) if efile.is_file() else {}
    summary, dumped = [], []
    try:
        for model in args.models.split(","):
            transcribe(np.zeros(SR, dtype=np.float32), model=model)  # load once, as the running app has
            for mode in args.priming.split(","):
                tfile = cache / f"transcripts-{model}-{mode}{'-' + args.tag if args.tag else ''}.json"
                seen = json.loads(tfile.read_text()) if tfile.is_file() else {}
                # the second look's transcripts (the gated recording), cached apart
                gfile = cache / f"transcripts-{model}-{mode}-{args.second_tag}.json"
                gseen, gfresh = (json.loads(gfile.read_text()) if gfile.is_file() else {}), {}
                rows, fresh = [], {}
                cfile = cache / f"context-words-{model}-{mode}.json"  # word probabilities in context, per transcript
                ctx = json.loads(cfile.read_text()) if cfile.is_file() else {}
                for i, clip in enumerate(all_clips):
                    persona = clip["cmd"]["persona"]
                    vocab = vocabs[persona]
                    kw = priming(vocab, mode) if mode != "generic" else {"prompt": COMMAND_PROMPT, "hotwords": None}
                    key = f"{clip['name']}|{hashlib.sha256(json.dumps(kw).encode()).hexdigest()[:10]}|{args.silence}{front}"
                    if clip["name"] not in endpoints:
                        ep_s, kept = endpoint(read_wav(clip["wav"]), clip["speech_end"], args.silence)
                        endpoints[clip["name"]] = [ep_s, len(kept)]
                        efile.write_text(json.dumps(endpoints))
                    spent = []  # (asr seconds, encode seconds not counted) of a cached second look
                    own_look: list = []  # --live: the Transcript's own second look

                    def hear(key, dn, seen, fresh, tfile, i=i, clip=clip, kw=kw, model=model, ctx=ctx):
                        """The clip's Transcript (cached, or transcribed now), and seconds spent scoring."""
                        if key not in seen or (args.live and not dn):
                            audio = read_wav(clip["wav"])
                            ep_s, n_kept = endpoints[clip["name"]]
                            tr = transcribe(audio[:n_kept], model=model, denoise=dn,
                                            beam_size=voice_module.SECOND_LOOK_BEAM if dn and not denoise else 1, **kw)
                            fresh[key] = tr.scorer
                            seen[key] = {"text": tr.text, "conf": tr.confidence.model_dump(), "asr_s": tr.elapsed_s,
                                         "endpoint_s": ep_s, "words": tr.words}
                            if args.live:
                                own_look[:] = [tr.second_look]
                            if i % 5 == 0:
                                tfile.write_text(json.dumps(seen))
                        s = seen[key]
                        # older cache entries predate the tail filter; it is idempotent on newer ones
                        conf = Confidence(**s["conf"])
                        text = strip_hallucinated_tail(s["text"])
                        scorer, score_s = fresh.get(key), 0.0
                        ckey = f"{key}|{s['text']}"
                        if scorer is None and s["text"]:
                            # a cached transcript: encode the clip again when its words or readings are
                            # scored (the running app reuses the recognizer's own encoding: no encode there)
                            scorer = LazyScorer(clip["wav"], endpoints[clip["name"]][1], model, kw["prompt"], dn)
                        if scorer is not None and (ckey not in ctx or args.rescore or key in fresh):
                            t1 = time.perf_counter()
                            ctx[ckey] = [list(w) for w in scorer.words(s["text"])]
                            score_s = time.perf_counter() - t1 - (scorer.take_encode_s() if hasattr(scorer, "take_encode_s") else 0.0)
                        words = []
                        if ckey in ctx:
                            text, words = finish(s["text"], [tuple(w) for w in ctx[ckey]])
                            conf = Confidence.of(words, conf.avg_logprob, conf.no_speech_prob)
                        # as transcribe() measures it for a recording heard as it is (agent/heard.py GATED_NOISE)
                        noise = None if dn else round(noise_share(read_wav(clip["wav"])[:endpoints[clip["name"]][1]]), 4)
                        return Transcript(text=text, seconds=0, language="en", confidence=conf, scorer=scorer,
                                          words=[tuple(w) for w in words], noise=noise), score_s

                    t_live = time.perf_counter()
                    tr, score_s = hear(key, denoise, seen, fresh, tfile)
                    s = seen[key]
                    scorer = tr.scorer
                    looked = []  # --live: seconds the plan waited for the gated hearing
                    if args.live:
                        # the app's own gated hearing, already decoding when HEAR_AHEAD; asr_s is the
                        # first hearing as it ran beside it
                        own = own_look[0] if own_look and second_look else None

                        def timed_look(own=own, looked=looked):
                            t2 = time.perf_counter()
                            g = own()
                            looked.append(time.perf_counter() - t2)
                            return g
                        tr.second_look = timed_look if own is not None else None
                        score_s = time.perf_counter() - t_live - s["asr_s"]
                    elif not denoise and second_look:
                        def look(key=key, gseen=gseen, gfresh=gfresh, gfile=gfile, spent=spent, hear=hear):
                            gkey = key + gated_front
                            cached = gkey in gseen
                            g, g_score = hear(gkey, True, gseen, gfresh, gfile)
                            if cached:  # the app would have spent the recognizer's time here: count it
                                spent.append((gseen[gkey]["asr_s"] + g_score, 0.0))
                            if g.scorer is not None and hasattr(g.scorer, "take_encode_s"):
                                g.scorer = _Uncounted(g.scorer, spent)
                            return g
                        from tools.voice import _once

                        tr.second_look = _once(look)
                    agent = agents[persona]
                    t0 = time.perf_counter()
                    if args.execute:
                        result, read_back = act_on_transcript(agent, tr, serial=serial, yes=True, dry_run=False,
                                                              interactive=False, vocabulary=vocabs[persona])
                        plan = result.plan
                        recovered = result.command if result.command != tr.text else ""
                        ran = bool(result.actions) and result.error is None and all(
                            a.ok and a.verified for a in result.actions)
                        why = result.error or result.question or ""
                        runnable = ran or read_back
                        evidence = {}
                    else:
                        u = understand(agent, tr, vocabs[persona])
                        plan, question, error, read_back = u.plan or [], u.question, u.error, u.read_back
                        recovered = f"{u.text} ({u.recovered.drop})" if u.recovered else ""
                        evidence = dict(u.evidence)
                        if evidence.get("best"):
                            bp = agent.plan(evidence["best"])[0]
                            evidence["best_right"] = bool(bp) and matches(clip["cmd"]["expect"], bp)
                            evidence["best_risky"] = bool(bp) and any(p.risky for p in bp)
                        runnable = bool(plan) and not question and not error
                        ran = runnable and not read_back
                        why = question or error or ("read back: unsure" if read_back else "")
                    # the app scores with the recognizer's own encoding: a cached clip's encode is not counted
                    action_s = time.perf_counter() - t0 - (scorer.take_encode_s() if hasattr(scorer, "take_encode_s") else 0.0)
                    action_s += sum(a for a, _ in spent) - sum(e for _, e in spent)
                    right = matches(clip["cmd"]["expect"], plan)
                    if args.live:
                        evidence["load"] = os.getloadavg()[0]
                        if looked:
                            evidence["second_look_wait_s"] = round(looked[0], 3)
                        if own_look and hasattr(own_look[0], "_thread"):  # let it end before the next clip (not timed)
                            evidence["gated_ahead"] = own_look[0]().text
                    if args.gates and not args.execute and tr.scorer is not None and not u.recovered \
                            and "second_look" not in evidence and any(p.risky for p in plan) \
                            and not question and not error:
                        evidence["gates"] = gates(agent, tr, plan, vocabs[persona])
                        if hasattr(scorer, "take_encode_s"):
                            scorer.take_encode_s()
                    rows.append({**{k: clip[k] for k in ("voice", "speed", "noise", "name")}, "set": clip["cmd"]["set"],
                                 "say": clip["cmd"]["say"], "heard": tr.text, "right_plan": right, "ok": right and ran,
                                 "read_back": read_back, "risky_wrong": ran and not right and any(p.risky for p in plan),
                                 "total_s": s["endpoint_s"] + s["asr_s"] + score_s + action_s, "asr_s": s["asr_s"],
                                 "score_s": score_s,
                                 "conf": s["conf"], "risky": any(p.risky for p in plan), "runnable": runnable,
                                 "executed": args.execute, "model": model, "priming": mode, "denoise": denoise,
                                 "recovered": recovered, "evidence": evidence,
                                 "why": why or ("" if plan else "not understood")})
                tfile.write_text(json.dumps(seen))
                if gseen:
                    gfile.write_text(json.dumps(gseen))
                cfile.write_text(json.dumps(ctx))
                summary.append(report(model, mode, rows, args.show, args.execute))
                dumped.extend(rows)
    finally:
        if vp is not None:
            from tools.device import adb_disconnect

            adb_disconnect(vp.serial)
            vp.stop()
        for mem in memories:
            mem.close()

    if args.dump:
        Path(args.dump).write_text(json.dumps(dumped, default=str))
    print(TABLE_HEAD + "\n".join(summary))
    return 0


TABLE_HEAD = ("\n| model | priming | clean | noisy | held out (clean / noisy) | risky from wrong | read back | "
              "asr p50 | end of speech -> action p50 |\n|---|---|---|---|---|---|---|---|---|\n")


def report(model: str, mode: str, rows: list[dict], show: int, executed: bool) -> str:
    def part(**kw):
        return [r for r in rows if all((r[k] in v) if isinstance(v, tuple) else r[k] == v for k, v in kw.items())]

    tuned = [r for r in part(set="tune") if VOICES[r["voice"]][2] == "tune"]
    tuned_names = {r["name"] + r["say"] for r in tuned}
    held = [r for r in rows if r["name"] + r["say"] not in tuned_names]  # any command or voice not tuned on
    print(f"\n== {model}, priming {mode} ({'executed on the virtual phone' if executed else 'planned'}) ==")
    groups = (("tuning commands x tuning voices", tuned),
              ("tuning commands x held-out voices", [r for r in part(set="tune") if r["name"] + r["say"] not in tuned_names]),
              ("held-out commands x all voices", part(set="holdout")), ("fresh commands x all voices", part(set="fresh")),
              ("fresh2 commands x all voices", part(set="fresh2")))
    for label, sub in groups:
        if not sub:
            continue
        c, n = [r for r in sub if r["noise"] == "clean"], [r for r in sub if r["noise"] == "noisy"]
        print(f"  {label:34} clean {percent(sum(r['ok'] for r in c), len(c))}   noisy {percent(sum(r['ok'] for r in n), len(n))}"
              f"   risky from wrong {sum(r['risky_wrong'] for r in sub)}   read back {sum(r['read_back'] for r in sub)}")
    for v in VOICES:
        sub = part(voice=v)
        if sub:
            print(f"    {v:12} {percent(sum(r['ok'] for r in sub), len(sub))}")
    bad = [r for r in rows if not r["ok"]]
    for r in bad[:show]:
        print(f"    x {r['name'][:34]:34} said {r['say'][:34]!r:36} heard {r['heard'][:44]!r}  {r['why'][:60]}")
    risky = sum(r["risky_wrong"] for r in rows)
    p50 = statistics.median(r["total_s"] for r in rows)
    asr = statistics.median(r["asr_s"] for r in rows)
    c, n = part(noise="clean"), part(noise="noisy")
    hc, hn = [r for r in held if r["noise"] == "clean"], [r for r in held if r["noise"] == "noisy"]
    print(f"  all: clean {percent(sum(r['ok'] for r in c), len(c))}, noisy {percent(sum(r['ok'] for r in n), len(n))}, "
          f"risky actions from a wrong transcript: {risky}, read back: {sum(r['read_back'] for r in rows)}, "
          f"end of speech -> action p50 {p50:.2f} s")
    pc = lambda xs: f"{100 * sum(r['ok'] for r in xs) / len(xs):.1f} %" if xs else "-"
    return (f"| {model} | {mode} | {pc(c)} | {pc(n)} | {pc(hc)} / {pc(hn)} | {risky} | "
            f"{sum(r['read_back'] for r in rows)} | {asr:.2f} s | {p50:.2f} s{'' if executed else ' (planned only)'} |")


if __name__ == "__main__":
    sys.exit(main())
