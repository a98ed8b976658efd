"""The noise gate before the recognizer, on real audio: espeak-ng speech with sox pink noise."""
import subprocess

import numpy as np
import pytest

from tools.denoise import spectral_gate
from tools.voice import COMMAND_PROMPT, SAMPLE_RATE, Scorer, read_wav, transcribe

SNR_DB = 5.0


def _speech_rms(audio: np.ndarray) -> float:
    loud = np.nonzero(np.abs(audio) > 0.01)[0]
    part = audio[loud[0]:loud[-1] + 1]
    return float(np.sqrt(np.mean(np.square(part, dtype=np.float64))))


@pytest.fixture(scope="module")
def timer_command(tmp_path_factory):
    """(clean, noisy) "set a timer for 5 minutes": espeak-ng at 16 kHz with 0.5 s of room
    before and 0.8 s after, and sox's (seeded) pink noise mixed in by sox at 5 dB SNR."""
    d = tmp_path_factory.mktemp("noisy")
    raw, clean, noise, noisy = d / "raw.wav", d / "clean.wav", d / "noise.wav", d / "noisy.wav"
    subprocess.run(["espeak-ng", "-w", str(raw), "set a timer for 5 minutes"], check=True, capture_output=True)
    subprocess.run(["sox", "-R", str(raw), "-r", str(SAMPLE_RATE), "-c", "1", "-b", "16", str(clean), "pad", "0.5", "0.8"],
                   check=True, capture_output=True)
    speech = read_wav(clean)
    subprocess.run(["sox", "-R", "-n", "-r", str(SAMPLE_RATE), "-c", "1", "-b", "16", str(noise), "synth",
                    f"{len(speech) / SAMPLE_RATE + 0.1:.3f}", "pinknoise"], check=True, capture_output=True)
    n = read_wav(noise)
    gain = _speech_rms(speech) / (float(np.sqrt(np.mean(np.square(n, dtype=np.float64)))) * 10 ** (SNR_DB / 20))
    subprocess.run(["sox", "-R", "-m", "-v", "1", str(clean), "-v", f"{gain:.5f}", str(noise), str(noisy), "trim", "0",
                    f"{len(speech)}s"], check=True, capture_output=True)
    return speech, read_wav(noisy)


def test_gate_takes_steady_noise_out_and_leaves_clean_speech_alone(timer_command):
    clean, noisy = timer_command
    assert len(noisy) == len(clean)

    def snr(x):
        return 10 * np.log10(np.sum(clean.astype(np.float64) ** 2) / np.sum((x.astype(np.float64) - clean) ** 2))

    gated = spectral_gate(noisy, floor=0.03)
    assert gated.dtype == np.float32 and len(gated) == len(noisy)
    assert snr(gated) > snr(noisy) + 3, (snr(noisy), snr(gated))
    # espeak-ng's near-silence (one bit of dither) is no noise to take out: the speech comes
    # back as it was, to within 40 dB
    assert snr(spectral_gate(clean, floor=0.03)) > 40


def test_a_noisy_command_is_heard_through_the_gate(timer_command):
    """The whole front end: transcribe() gates the noise when asked (agent/heard.py asks for it
    as a second look), and the Scorer built for the same recording scores the words the way the
    transcript was scored, i.e. on the same gated audio."""
    from agent.phone.parser import parse_command

    _, noisy = timer_command
    t = transcribe(noisy, prompt=COMMAND_PROMPT, denoise=True)
    plan = parse_command(t.text)
    assert plan and plan[0].kind == "set_timer" and plan[0].args["seconds"] == 300, t.text
    assert t.second_look is None  # gated already: nothing left to look at again
    again = Scorer.for_audio(noisy, prompt=COMMAND_PROMPT, denoise=True)
    assert [w for w, _ in again.words(t.text)] == [w for w, _ in t.words]
    assert [p for _, p in again.words(t.text)] == pytest.approx([p for _, p in t.words], abs=0.02)
    # heard as recorded first (the default), the gated transcript is the second look, decoded once
    first = transcribe(noisy, prompt=COMMAND_PROMPT)
    assert first.second_look is not None
    look = first.second_look()
    assert look.text == t.text and first.second_look() is look


def test_the_noise_share_tells_a_noisy_recording_from_a_clean_one(timer_command):
    """agent/heard.py hears a message's recording a second time, gated, only when there is noise
    to gate: the gate takes nothing out of clean speech and a good part of 5 dB pink noise, and
    transcribe() reports the share with the transcript."""
    from agent.heard import GATED_NOISE
    from tools.voice import noise_share

    clean, noisy = timer_command
    assert noise_share(clean) < GATED_NOISE / 10
    assert noise_share(noisy) > 10 * GATED_NOISE
    assert noise_share(np.zeros(SAMPLE_RATE, dtype=np.float32)) == 0.0
    heard = transcribe(noisy, prompt=COMMAND_PROMPT)
    assert heard.noise is not None and heard.noise > 10 * GATED_NOISE


def test_a_noisy_recording_is_heard_gated_beside_the_first_hearing(timer_command, monkeypatch):
    """agent/heard.py hears a noisy message's recording again, gated, before it sends the body: that
    decode starts with the first hearing (tools.voice.HEAR_AHEAD), in a worker thread on the same
    model, not after the first hearing's checks. Checked by overlap, not by time: each decode waits
    at its start until the other has started too, so the test passes only when both are in flight
    at once, whichever ends first; and the gated hearing is the one heard when it was asked for
    (HEAR_AHEAD off), word for word. A clean recording starts no gated decode, nor a machine with
    no cores to spare (AHEAD_MIN_CPUS)."""
    import threading

    import tools.voice as voice

    clean, noisy = timer_command
    monkeypatch.setattr(voice, "HEAR_AHEAD", False)
    lazy = transcribe(noisy, prompt=COMMAND_PROMPT)
    lazy_look = lazy.second_look()

    whisper = voice._whisper(voice.whisper_path())
    decode = whisper.transcribe
    started = {"first": threading.Event(), "gated": threading.Event()}
    threads = []

    def both_in_flight(audio, **kw):
        mine = "gated" if threading.current_thread().name == "anima-gated-hearing" else "first"
        other = "first" if mine == "gated" else "gated"
        threads.append(mine)
        started[mine].set()
        if not kw.get("word_timestamps"):  # (a long recording's alignment is no hearing)
            assert started[other].wait(120), f"the {other} hearing never started beside the {mine} one"
        return decode(audio, **kw)

    monkeypatch.setattr(whisper, "transcribe", both_in_flight)
    monkeypatch.setattr(voice, "HEAR_AHEAD", True)
    monkeypatch.setattr(voice, "AHEAD_MIN_CPUS", 1)  # (on a machine of any size)
    first = transcribe(noisy, prompt=COMMAND_PROMPT)
    look = first.second_look()
    assert started["first"].is_set() and started["gated"].is_set()
    assert (first.text, look.text, look.words) == (lazy.text, lazy_look.text, lazy_look.words)
    assert first.second_look() is look  # heard once

    threads.clear()
    started["gated"].set()  # nothing to wait for on a clean recording
    quiet = transcribe(clean, prompt=COMMAND_PROMPT)
    assert quiet.noise < voice.GATED_NOISE and threads == ["first"]  # no gated decode started
    assert quiet.second_look is not None  # still there when the first words make no command

    threads.clear()
    monkeypatch.setattr(voice, "AHEAD_MIN_CPUS", voice._cpus() + 1)
    crowded = transcribe(noisy, prompt=COMMAND_PROMPT)
    assert threads == ["first"] and crowded.noise >= voice.GATED_NOISE  # heard gated only when asked
