"""The closed language of phone commands (agent/phone/grammar.py): readings generated from a
user's contacts, apps and slots, pruned by sound, pooled by meaning. The recording-side tests
(the recognizer judging the readings) are in test_listen_command.py."""
from __future__ import annotations

from agent.phone import grammar
from agent.phone.parser import parse_command


def test_closed_readings_cover_this_users_contacts_apps_and_settings():
    texts = {t for t, _ in grammar.closed_texts(["Tobias"], ["uncle"], ["Maps", "Camera"])}
    assert {"Call Tobias.", "Ring my uncle.", "Call the uncle.", "Turn off Wi-Fi.", "Turn Bluetooth on.",
            "Turn the volume down.", "Mute the phone.", "Unmute the phone.", "Open Maps.", "Open the camera.", "Go to the home screen."} <= texts
    # every reading is a command the parser understands
    assert all(parse_command(t) for t in texts)


def test_times_are_read_in_the_forms_the_recognizer_prints():
    texts = {t for t, _ in grammar.slot_texts(["Set an alarm for 4.7.", "Wake me up at 530."])}
    # every quarter hour in words, where tiny.en garbles most ("quarter to seven" -> "4.7")
    assert "Set an alarm for quarter to seven." in texts and "Wake me up at half past six." in texts
    # a heard time in its spellings, and the other way round the clock
    assert {"Wake me up at 5.30.", "Wake me up at 530.", "Set an alarm for 5.30 pm."} <= texts
    assert all(parse_command(t) for t in texts)
    # two numbers in a row with a word misheard between them: an hour and its minutes
    paired = {t for t, _ in grammar.slot_texts(["Set an alarm for 8 to 15 am."])}
    assert {"Set an alarm for 8.15 am.", "Set an alarm for 815."} <= paired
    timers = {t for t, _ in grammar.slot_texts(["Set a timer for 20 minutes."])}
    assert "Set a timer for 20 minutes." in timers


def test_nearest_readings_sound_like_what_was_heard_and_each_family_keeps_a_few():
    cands = grammar.closed_texts(["Dana", "Marcus"], ["sister"], ["Maps", "Spotify"])
    near = grammar.nearest(cands, ["All nice, sister."], limit=6, per_family=1)
    assert near[0] == "Call my sister."
    assert "Open Maps." in grammar.nearest(cands, ["Open mouse."], limit=3, per_family=0)
    # one of each family even when far: a garbled verb can make the right family look far
    assert any("Wi-Fi" in t or "Bluetooth" in t or "airplane" in t for t in near)
    assert any(t.startswith("Open") for t in near)
    assert grammar.closeness("Turn the bottle down.", "Turn the volume down.") > \
        grammar.closeness("Turn the bottle down.", "Go back.")


def test_readings_of_one_meaning_pool_their_probability():
    post = grammar.posterior([(-1.0, "a"), (-1.0, "a"), (-1.0, "b"), (-50.0, "c")])
    assert abs(post["a"] - 2 / 3) < 1e-6 and abs(post["b"] - 1 / 3) < 1e-6 and post["c"] < 1e-9
    assert list(post) == ["a", "b", "c"]


def test_a_comma_before_that_is_not_part_of_the_message():
    """tiny.en writes "Text, Dana, that the gym is closed." where the speaker said "text Dana that
    the gym is closed": the body is the same as without the comma."""
    assert parse_command("Text, Dana, that the gym is closed.")[0].args == {"contact": "Dana",
                                                                           "body": "the gym is closed"}
    assert parse_command("Text Dana, that's great")[0].args["body"] == "that's great"


def test_bodies_are_compared_spelling_aside():
    from agent.heard import _body_of, _same_words

    assert _same_words("that I'm on the bus", "I am on the bus")
    assert _same_words("dinner is at seven", "Dinner is at 7")
    assert not _same_words("line outside", "I'm outside")
    assert _body_of("Text Kofi, line outside.") == "line outside" and _body_of("Call Kofi.") is None
