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
