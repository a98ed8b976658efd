"""The training cycle end to end: lock, child process killed and resumed, sabotaged files never
promoted. Real chromadb, real demo model, real GGUF export, real llama.cpp load checks."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from agent.training import (
    CHILD_PID, TrainingBusy, is_training, latest_progress, run_cycle, should_train, train_lock,
)

NOTES = {
    "me.md": "# About me\n\nMy manager is Zora Quill. I drive a blue 2009 Velorix Tandem.\n",
    "cat.md": "# Mochi\n\nMochi is our ginger cat.\n\n- Vet: Dr. Hal Brecken\n",
}


@pytest.fixture()
def train_home(home, tmp_path, embedder_path):
    from agent.chat import open_memory

    notes = tmp_path / "notes"
    notes.mkdir()
    for name, text in NOTES.items():
        (notes / name).write_text(text, encoding="utf-8")
    settings = home.load_settings()
    settings.notes_dirs = [str(notes)]
    settings.memory.embedder_path = str(embedder_path)
    settings.train.rank, settings.train.alpha = 4, 8
    settings.train.targets = ["q_proj", "v_proj"]
    settings.train.batch_size = 2
    settings.train.min_new_facts = 2
    mem = open_memory(home, settings)
    mem.index([notes])
    mem.close()
    return home, settings


def test_second_train_is_refused(train_home, repo_root):
    home, settings = train_home
    assert not is_training(home)
    with train_lock(home):
        assert is_training(home)
        with pytest.raises(TrainingBusy, match="already running"):
            run_cycle(home, settings, max_steps=1)
        proc = subprocess.run([sys.executable, "-m", "agent.cli", "--home", str(home.root), "train"],
                              capture_output=True, text=True, cwd=repo_root, timeout=120)
        assert proc.returncode != 0
        assert "already running" in proc.stderr
    assert not list(home.runs_dir.iterdir())  # refused before creating a run
    assert not is_training(home)


def test_unloadable_model_never_becomes_current(train_home, monkeypatch, chat_model_path):
    from agent.registry import Registry

    home, settings = train_home
    before = Registry(home).promote(chat_model_path, {"run_id": "seed"})

    def truncated_quantize(in_gguf, out_gguf, qtype="Q8_0", **kw):
        data = Path(chat_model_path).read_bytes()
        Path(out_gguf).write_bytes(data[: len(data) // 3])  # GGUF magic intact, tensors cut off
        return Path(out_gguf)

    monkeypatch.setattr("finetune.quantize.quantize", truncated_quantize)
    result = run_cycle(home, settings, max_steps=1, llm_questions=0, replay=False, in_process=True)
    assert result.status == "failed"
    assert Registry(home).current().version == before.version
    assert latest_progress(home)["stage"] == "failed"


@pytest.mark.slow
def test_killed_child_resumes_from_checkpoint(train_home):
    from agent.chat import open_memory
    from agent.registry import Registry

    home, settings = train_home
    mem = open_memory(home, settings)
    try:
        assert should_train(home, settings, mem)
    finally:
        mem.close()
    killed = {}

    def kill_mid_training(ev):
        # Step 2 is checkpointed before step 3 starts; kill while step 3+ runs.
        if ev["stage"] == "train" and ev["step"] >= 3 and not killed:
            run_dir = home.runs_dir / ev["run_id"]
            pid = int((run_dir / CHILD_PID).read_text())
            os.kill(pid, signal.SIGKILL)
            killed["run_id"] = ev["run_id"]

    opts = dict(max_steps=5, llm_questions=0, replay=False, checkpoint_every=2, eval_every=2)
    first = run_cycle(home, settings, on_event=kill_mid_training, **opts)
    assert killed and first.status == "failed" and "killed" in first.reason
    assert Registry(home).current() is None

    events = []
    second = run_cycle(home, settings, on_event=events.append, **opts)
    assert second.run_id == killed["run_id"] and second.resumed
    assert any(e["message"].startswith("resumed from checkpoint at step") for e in events)
    first_train_step = min(e["step"] for e in events if e["stage"] == "train" and e.get("loss") is not None)
    assert first_train_step >= 3  # steps 1-2 were not trained again
    assert second.status in ("promoted", "rejected"), second.reason
    if second.status == "promoted":
        assert Registry(home).current().meta.run_id == second.run_id
    assert latest_progress(home)["stage"] == "done"
    assert second.files["model"]["bytes"] > 0 and not Path(second.run_dir, "model-f16.gguf").exists()
    mem = open_memory(home, settings)
    try:
        assert not should_train(home, settings, mem)  # nothing new since the finished run
    finally:
        mem.close()


def test_eval_sample_keeps_every_kind():
    from agent.training import eval_sample
    from finetune.dataset import HeldOut

    held = [HeldOut(id=f"f{i}", kind="forward", question=f"q{i}?", answers=["a"]) for i in range(40)]
    held += [HeldOut(id="r0", kind="reverse", question="r?", answers=["a"]),
             HeldOut(id="a0", kind="abstain", question="x?", answers=["don't know"])]
    picked = eval_sample(held, limit=6)
    assert len(picked) == 6 and {h.kind for h in picked} == {"forward", "reverse", "abstain"}
    assert eval_sample(held[:3], limit=6) == held[:3]


def test_notes_without_facts_end_with_a_clear_no_facts_result(home, tmp_path, embedder_path):
    from agent.chat import open_memory
    from agent.registry import Registry

    code = tmp_path / "code"
    code.mkdir()
    (code / "main.py").write_text("import sys\n\n\ndef main():\n    return len(sys.argv)\n", encoding="utf-8")
    (code / "util.py").write_text("def add(a, b):\n    return a + b\n", encoding="utf-8")
    settings = home.load_settings()
    settings.notes_dirs = [str(code)]
    settings.memory.embedder_path = str(embedder_path)
    mem = open_memory(home, settings)
    mem.index([code])
    mem.close()
    result = run_cycle(home, settings, max_steps=1, replay=False, in_process=True)
    assert result.status == "no_facts" and "no facts" in result.reason
    assert Registry(home).current() is None
    assert latest_progress(home)["stage"] == "done"
    again = run_cycle(home, settings, max_steps=1, replay=False, in_process=True)
    assert again.run_id != result.run_id  # a finished run, not one to resume
