"""`anima listen --file`: espeak-ng speech -> transcript -> the same routing as typed text."""
from __future__ import annotations

import json


from agent.cli import main


def listen(capsys, home, *args) -> tuple[int, dict]:
    code = main(["--home", str(home.root), "listen", "--json", *map(str, args)])
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1, out  # the --json contract: one object
    return code, json.loads(out[0])


def test_spoken_command_runs_on_the_virtual_phone(capsys, home, speak):
    code, data = listen(capsys, home, "--file", speak("turn off wifi"), "--virtual", "--yes")
    assert code == 0, data
    assert "wifi" in data["transcript"].lower()
    assert data["error"] is None and data["question"] is None
    assert [p["kind"] for p in data["plan"]] == ["wifi"]
    assert data["actions"][0]["ok"] and data["actions"][0]["verified"]
    assert data["device_state"]["wifi"] is False
    assert data["timings_s"]["total"] >= data["timings_s"]["transcribe"] > 0


def test_risky_command_without_yes_is_refused_when_not_interactive(capsys, home, speak):
    code, data = listen(capsys, home, "--file", speak("turn on bluetooth"), "--virtual")
    assert code == 1
    assert "refused" in data["error"]
    assert data["actions"] == []
    assert data["device_state"]["bluetooth"] is False


def test_dry_run_plans_but_executes_nothing(capsys, home, speak):
    code, data = listen(capsys, home, "--file", speak("set a timer for 5 minutes"), "--virtual", "--dry-run")
    assert code == 0
    assert [p["kind"] for p in data["plan"]] == ["set_timer"]
    assert data["actions"] == [] and data["device_state"]["timers"] == []


def test_missing_recording_is_a_clear_error(capsys, home, tmp_path):
    code, data = listen(capsys, home, "--file", tmp_path / "none.wav")
    assert code == 2
    assert "Audio file not found" in data["error"]


def test_question_is_answered_from_notes(capsys, home, speak, tmp_path):
    from agent.chat import open_memory

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "home.md").write_text("# Documents\n\nI keep my passport in the top drawer of the oak desk.\n")
    home.config_file.write_text(f'notes_dirs = ["{notes}"]\n[model]\nmax_tokens = 24\n')
    with open_memory(home, home.load_settings()) as memory:
        memory.index([notes])
    code, data = listen(capsys, home, "--file", speak("where do I keep my passport"))
    assert code == 0
    assert "passport" in data["transcript"].lower()
    assert data["answer"].strip()
    assert any(s["path"].endswith("home.md") for s in data["sources"])
    assert "plan" not in data
