"""bench/voice.py's failures by cause (`--causes`): what the next pass should work on."""
from __future__ import annotations


def _row(say, heard, *, ok=False, right_plan=False, read_back=False, recovered="", voice="espeak-us", set="tune"):
    return {"say": say, "heard": heard, "ok": ok, "right_plan": right_plan, "read_back": read_back,
            "recovered": recovered, "voice": voice, "set": set, "noise": "clean"}


def test_a_failure_is_told_apart_by_the_recognizer_the_parser_or_the_read_back():
    from bench.voice import cause, causes

    assert cause(_row("ring my uncle", "Ring my uncle.", ok=True, right_plan=True)) is None
    # the words a recognizer printed for another command: its fault, whatever came of them
    assert cause(_row("text Odile I'm home", "Next, Odile, I'm home.", read_back=True)) == "recognizer: wrong words"
    # the said words (case, punctuation, "eight"/"8" aside) and still a wrong plan: the parser's
    assert cause(_row("set a timer for eight minutes", "Set a timer for 8 minutes.")) == "parser: the said words, a wrong plan"
    # a right plan not run: read back (a reading put back, or words heard unsure), or asked
    assert cause(_row("ring my uncle", "Bring my uncle.", right_plan=True, read_back=True,
                      recovered="Ring my uncle. (1.2)")) == "read back, plan right (recovered)"
    assert cause(_row("ring my uncle", "Ring, my uncle.", right_plan=True, read_back=True)) == "read back, plan right (heard)"
    assert cause(_row("ring my uncle", "Ring my uncle.", right_plan=True)) == "plan right, not run"
    report = causes([_row("ring my uncle", "Bring my uncle.", voice="flite-rms"),
                     _row("ring my uncle", "Bring my uncle.", voice="espeak-us", set="fresh")])
    assert "held-out voices    clean recognizer: wrong words" in report
    assert "fresh commands     clean recognizer: wrong words" in report


def test_a_rebuilt_clip_is_the_same_audio(tmp_path):
    """bench/voice.py synthesises its clips into a cache; sox dithers its 16-bit output from a random
    seed unless told `-R`, and a fresh cache then held other audio (other transcripts) than the one
    a pass measured before. Clean and noisy clips built twice are the same bytes."""
    import shutil

    import pytest

    if not (shutil.which("espeak-ng") and shutil.which("sox")):
        pytest.skip("espeak-ng and sox are needed")
    from bench.voice import clips

    command = {"id": "t1", "say": "call my brother", "persona": "lena", "set": "tune"}
    built = []
    for run in ("a", "b"):
        made = clips([command], ["espeak-us"], tmp_path / run, ["normal"])
        built.append([(c["name"], c["wav"].read_bytes()) for c in made])
    assert [n for n, _ in built[0]] == ["t1-espeak-us-normal-clean", "t1-espeak-us-normal-noisy"]
    assert built[0] == built[1]


def test_a_calibrated_constant_is_set_for_one_run_as_its_own_type(monkeypatch):
    """`bench.voice --set heard.BODY_AGREE=2 voice.SMS_WORD_PROB=0.4`: floors tried on a tuning dump."""
    import pytest

    import agent.heard
    import agent.vocabulary
    import tools.voice
    from bench.voice import override

    monkeypatch.setattr(agent.heard, "BODY_AGREE", agent.heard.BODY_AGREE)
    monkeypatch.setattr(tools.voice, "SMS_WORD_PROB", tools.voice.SMS_WORD_PROB)
    monkeypatch.setattr(agent.vocabulary, "MESSAGE_SHAPE", agent.vocabulary.MESSAGE_SHAPE)
    override("heard.BODY_AGREE=2")
    override("voice.SMS_WORD_PROB=0.4")
    override("vocabulary.MESSAGE_SHAPE=")
    assert agent.heard.BODY_AGREE == 2 and isinstance(agent.heard.BODY_AGREE, int)
    assert tools.voice.SMS_WORD_PROB == 0.4 and agent.vocabulary.MESSAGE_SHAPE == ""
    with pytest.raises(SystemExit):
        override("heard.NO_SUCH_FLOOR=1")
