"""Voice input on real audio: espeak-ng speech, the bundled tiny.en model, the bundled VAD."""
import sys
import types

import numpy as np
import pytest

from tools import voice
from tools.voice import SAMPLE_RATE, Endpointer, VoiceUnavailable, bundled_whisper_path, read_wav, transcribe


def test_bundled_model_is_a_ctranslate2_folder():
    path = bundled_whisper_path()
    assert (path / "model.bin").is_file() and (path / "config.json").is_file()


@pytest.mark.parametrize("spoken, expected", [
    ("turn on bluetooth", ["turn on", "bluetooth"]),
    ("set a timer for 5 minutes", ["timer", "5 minutes"]),
])
def test_transcribes_spoken_commands(speak, spoken, expected):
    t = transcribe(speak(spoken))
    text = t.text.lower()
    for word in expected:
        assert word in text, t.text
    assert t.language == "en"
    assert 0.5 < t.seconds < 5


def test_silence_gives_empty_transcript():
    # VAD drops pure silence, so whisper has nothing to hallucinate from.
    assert transcribe(np.zeros(SAMPLE_RATE * 2, dtype=np.float32)).text == ""


def test_endpointer_stops_after_speech_then_silence(speak):
    speech = read_wav(speak("turn off the lights"))
    lead = np.zeros(SAMPLE_RATE // 2, dtype=np.float32)
    audio = np.concatenate([lead, speech, np.zeros(SAMPLE_RATE * 4, dtype=np.float32)])
    ep = Endpointer(max_s=10, silence_s=0.8)
    block = SAMPLE_RATE // 10
    stopped_at = None
    for i in range(0, len(audio), block):
        if ep.feed(audio[i:i + block]):
            stopped_at = (i + block) / SAMPLE_RATE
            break
    speech_end = (len(lead) + len(speech)) / SAMPLE_RATE
    assert ep.heard_speech
    assert stopped_at is not None and speech_end + 0.5 <= stopped_at <= speech_end + 1.6


def test_endpointer_never_stops_on_silence_before_max():
    ep = Endpointer(max_s=2.0)
    block = np.zeros(SAMPLE_RATE // 10, dtype=np.float32)
    results = [ep.feed(block) for _ in range(20)]
    assert results[:-1] == [False] * 19 and results[-1] is True
    assert not ep.heard_speech


def test_missing_or_bad_audio_is_a_clear_error(tmp_path):
    with pytest.raises(VoiceUnavailable, match="not found"):
        transcribe(tmp_path / "nope.wav")
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"RIFF garbage")
    with pytest.raises(VoiceUnavailable, match="Cannot read audio"):
        transcribe(bad)
    with pytest.raises(VoiceUnavailable, match="not a CTranslate2"):
        transcribe(np.zeros(100, dtype=np.float32), model_dir=tmp_path)


def test_no_portaudio_is_a_clear_error(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *a, **kw):
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *a, **kw)

    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(VoiceUnavailable, match="libportaudio2"):
        voice.record_command(max_s=1)


def test_no_microphone_is_a_clear_error(monkeypatch):
    # Stand-in for PortAudio on a machine without an input device: query_devices raises as it does there.
    fake = types.ModuleType("sounddevice")

    def query_devices(kind=None):
        raise ValueError("No input device matching ''")

    fake.query_devices = query_devices
    monkeypatch.setitem(sys.modules, "sounddevice", fake)
    with pytest.raises(VoiceUnavailable, match="No microphone found"):
        voice.record_command(max_s=1)


def test_recorded_audio_is_written_as_16k_wav(tmp_path, speak):
    audio = read_wav(speak("open the camera"))
    out = tmp_path / "rec.wav"
    voice.write_wav(out, audio)
    back = read_wav(out)
    assert abs(len(back) - len(audio)) <= 1
    assert "camera" in transcribe(out).text.lower()
