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
    monkeypatch.setattr(agent.vocabulary, "MAX_PLACES", agent.vocabulary.MAX_PLACES)
    monkeypatch.setattr(tools.voice, "COMMAND_PROMPT", tools.voice.COMMAND_PROMPT)
    override("heard.BODY_AGREE=2")
    override("voice.SMS_WORD_PROB=0.4")
    override("vocabulary.MAX_PLACES=3")
    override("voice.COMMAND_PROMPT=Call someone.")
    assert agent.heard.BODY_AGREE == 2 and isinstance(agent.heard.BODY_AGREE, int)
    assert tools.voice.SMS_WORD_PROB == 0.4 and agent.vocabulary.MAX_PLACES == 3
    assert tools.voice.COMMAND_PROMPT == "Call someone."
    with pytest.raises(SystemExit):
        override("heard.NO_SUCH_FLOOR=1")


def test_floors_are_tried_again_on_a_dump_from_each_gates_value(monkeypatch):
    """`bench.voice --gates` dumps every confidence gate's value for a risky plan of heard words;
    `--refloor DUMP --set ...` decides the read-back again from them, as agent/heard.py would."""
    import agent.heard
    from bench.voice import decide, refloor

    # a message whose words are sure in context but whose body only 2 of the 5-best carry
    message = {"kinds": ["send_sms"], "min_word": 0.9, "avg_logprob": -0.2, "no_speech": 0.01, "by_sound": False,
               "n_plan": 1, "bare_min": 0.3, "body_bare_min": 0.7, "body_words": 4, "body_agree": 2,
               "to_p_all": 0.99}
    # a call heard unsure, whose verb's spellings together are sure enough
    call = {"kinds": ["call"], "min_word": 0.3, "avg_logprob": -0.3, "no_speech": 0.01, "by_sound": False,
            "n_plan": 1, "verb_mass": 0.8, "rest_min": 0.7, "same": True, "p_all": 0.5}
    assert decide(message) and not decide(call)
    assert decide({**call, "rest_min": 0.4})  # a name word unsure: read back, the grammar not sure either
    assert not decide({**call, "rest_min": 0.4, "p_all": 0.95})  # the grammar vouches
    assert not decide({**call, "rest_min": 0.4, "p": 0.995})  # ... or holds it among the commands alone
    assert decide({**call, "rest_min": 0.4, "p": 0.9})
    assert decide({**call, "by_sound": True})  # a contact by sound needs the grammar
    rows = [{"name": "m", "say": "text Kofi I'm on my way", "heard": "Text Kofi, I'm on my way.", "noise": "clean",
             "right_plan": True, "runnable": True, "risky": True, "read_back": True, "ok": False,
             "risky_wrong": False, "evidence": {"gates": message}},
            {"name": "w", "say": "text Anja I'll call you tonight", "heard": "Text Anja, I'll follow you tonight.",
             "noise": "noisy", "right_plan": False, "runnable": True, "risky": True, "read_back": True, "ok": False,
             "risky_wrong": False, "evidence": {"gates": message}}]
    same, moved = refloor(rows)
    assert moved == [] and [r["read_back"] for r in same] == [True, True]
    monkeypatch.setattr(agent.heard, "BODY_AGREE", 2)
    out, moved = refloor(rows)
    assert out[0]["ok"] and out[1]["risky_wrong"]  # the wrong body would be sent: such floors are no good
    assert moved[0].startswith("  + m") and moved[1].startswith("  RISKY w")


def test_the_recipient_read_back_in_noise_is_its_own_cause_and_refloor_applies_it(monkeypatch):
    """agent/heard.py reads back a call or message heard in noise (by the noise share of the
    recording) whose recipient the recording does not carry without the names in the prompt:
    `--causes` counts those right plans apart, and `decide` (`--refloor`) applies the rule from
    the gates' `noise` and `recipient_unprimed_p`, so floors tried on a dump keep it."""
    import agent.heard
    from bench.voice import cause, decide

    row = {**_row("call my wife", "Call my wife.", right_plan=True, read_back=True),
           "evidence": {"recipient_in_noise": 0.18, "read_back_before_recipient_rule": False}}
    assert cause(row) == "read back, plan right (recipient in noise)"
    row["evidence"]["read_back_before_recipient_rule"] = True  # read back anyway: its old cause
    assert cause(row) == "read back, plan right (heard)"
    call = {"kinds": ["call"], "min_word": 0.9, "avg_logprob": -0.2, "no_speech": 0.01, "by_sound": False,
            "n_plan": 1, "same": True, "p_all": 1.0, "noise": 0.18}
    setting = {**call, "kinds": ["wifi"]}
    assert decide(call) and not decide({**call, "noise": 0.0}) and not decide({**call, "noise": None})
    assert not decide(setting)
    # ... unless the recording carries the recipient without the names in the prompt
    assert not decide({**call, "recipient_unprimed_p": 0.999}) and decide({**call, "recipient_unprimed_p": 0.3})
    monkeypatch.setattr(agent.heard, "RECIPIENT_IN_NOISE", False)
    assert not decide(call)
