"""`anima models add PATH`: the user's own model (a tiny random Qwen2 here) as the base.

The three ways in (HF folder alone, GGUF + HF folder, GGUF alone), what is recorded and served,
bad input (exit 2, one line naming the path and the fix, nothing half-registered), and the whole
road: add -> train -> export -> gate -> served, with `anima ask` answering through the new model.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from agent.base_models import BaseModelRecord, base_root, get_base, list_bases
from agent.cli import main


@pytest.fixture(scope="module")
def qwen(tmp_path_factory, chat_model_path):
    """{"hf": folder, "gguf": its GGUF (f32, converted once), "model": the HF model}."""
    from finetune.hf_gguf import convert_folder
    from finetune.tiny import write_tiny_hf

    root = tmp_path_factory.mktemp("byo")
    folder, model = write_tiny_hf(root / "tiny-qwen2", tokenizer_from=chat_model_path, arch="qwen2", seed=3)
    gguf = convert_folder(folder, root / "gguf" / "tiny-qwen2.gguf", outtype="f32")
    return {"hf": folder, "gguf": gguf, "model": model}


def add(capsys, *argv) -> tuple[int, dict, str]:
    code = main(["models", "add", *map(str, argv), "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def settings_of(home):
    return home.load_settings()


def test_hf_folder_alone_is_converted_quantized_and_made_the_base(home, qwen, capsys):
    from agent.base_models import base_hf_dir
    from agent.chat import base_model_path, resolve_model_path
    from finetune.gguf_io import read_base

    code, out, _ = add(capsys, qwen["hf"])
    assert code == 0
    rec = BaseModelRecord.model_validate({k: v for k, v in out["added"].items() if k in BaseModelRecord.model_fields})
    assert (rec.name, rec.arch, rec.kind, rec.quant, rec.hf_dir) == ("tiny-qwen2", "qwen2", "hf", "Q8_0", "hf")
    folder = base_root(home) / "tiny-qwen2"
    assert sorted(p.name for p in folder.iterdir()) == ["hf", "manifest.json", "model.gguf"]
    assert get_base(home, "tiny-qwen2") == rec
    meta = read_base(folder / "model.gguf")
    assert meta.arch == "qwen2" and meta.get("general.file_type") == 7  # quantized to [train] quant (Q8_0)
    assert meta.get("tokenizer.ggml.pre") == "qwen2" and meta.get("tokenizer.chat_template")
    assert (folder / "hf" / "model.safetensors").is_file() and (folder / "hf" / "tokenizer.json").is_file()

    settings = settings_of(home)
    assert settings.model.base == "tiny-qwen2"  # written to config.toml
    assert "[model]" in home.config_file.read_text() and "# " in home.config_file.read_text()  # commented file
    assert resolve_model_path(home, settings) == folder / "model.gguf"  # served until a personal model exists
    assert base_model_path(settings, home) == folder / "model.gguf"
    assert base_hf_dir(home, settings) == folder / "hf"  # training reads the exact weights

    assert main(["models", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["base"] == "tiny-qwen2" and [b["name"] for b in listed["bases"]] == ["tiny-qwen2"]
    assert listed["bases"][0]["active"] is True and listed["versions"] == []
    assert main(["models", "list"]) == 0
    assert "* tiny-qwen2" in capsys.readouterr().out


def test_gguf_with_its_folder_is_served_as_given(home, qwen, tmp_path, capsys):
    from agent.base_models import base_hf_dir

    both = tmp_path / "qwen-both"
    shutil.copytree(qwen["hf"], both)
    shutil.copy(qwen["gguf"], both / "tiny.gguf")
    code, out, _ = add(capsys, both, "--name", "mine")
    assert code == 0 and out["added"]["kind"] == "gguf+hf" and out["base"] == "mine"
    served = base_root(home) / "mine" / "model.gguf"
    assert served.read_bytes() == qwen["gguf"].read_bytes()  # the user's file, not a re-export
    assert base_hf_dir(home, settings_of(home)) == base_root(home) / "mine" / "hf"
    # The same, with the GGUF given as the path and the folder with --hf; a second name.
    code, out, _ = add(capsys, qwen["gguf"], "--hf", qwen["hf"], "--name", "mine2")
    assert code == 0 and out["added"]["kind"] == "gguf+hf"
    assert [b.name for b in list_bases(home)] == ["mine", "mine2"]


def test_gguf_alone_trains_from_the_dequantized_file(home, qwen, capsys, chat_model_path):
    import numpy as np
    import torch

    from agent.base_models import base_hf_dir
    from agent.chat import resolve_model_path
    from agent.registry import Registry
    from finetune.backends import load_base

    # A personal version fine-tuned from the demo model exists; the new base replaces it in service.
    old = Registry(home).promote(qwen["gguf"], {"base": str(chat_model_path)})
    assert resolve_model_path(home, settings_of(home)) == old.path
    code, out, _ = add(capsys, qwen["gguf"])
    assert code == 0 and out["added"]["kind"] == "gguf" and out["added"]["hf_dir"] is None
    settings = settings_of(home)
    assert base_hf_dir(home, settings) is None
    assert resolve_model_path(home, settings) == base_root(home) / out["base"] / "model.gguf"
    assert main(["models", "list"]) == 0
    assert f"served: {out['base']} ({old.version} was trained from another base" in capsys.readouterr().out
    model, _ = load_base(base_root(home) / out["base"] / "model.gguf", None)  # what training does
    ids = torch.tensor([[5, 17, 300, 4000]])
    with torch.no_grad():
        got, want = model(ids).logits.numpy(), qwen["model"](ids).logits.numpy()
    assert np.abs(got - want).max() < 1e-3


def _assert_refused(home, capsys, argv, *must_say):
    config_before = home.config_file.read_text() if home.config_file.exists() else None
    code = main(["models", "add", *map(str, argv)])
    out, err = capsys.readouterr()
    assert code == 2
    lines = [l for l in err.splitlines() if l.startswith("anima: error")]
    assert len(lines) == 1, err  # one line: what is wrong, with which path, and the fix
    assert all(l.startswith(("anima: error", "  ")) for l in err.splitlines() if l.strip()), err  # else progress
    for text in must_say:
        assert text in lines[0], lines[0]
    assert not base_root(home).exists() or list(base_root(home).iterdir()) == []  # nothing half-registered
    assert (home.config_file.read_text() if home.config_file.exists() else None) == config_before


def test_bad_input_is_refused_with_one_line_and_leaves_nothing(home, qwen, tmp_path, capsys, chat_model_path):
    code_dir = tmp_path / "project"
    code_dir.mkdir()
    (code_dir / "main.py").write_text("print('hello')\n")
    _assert_refused(home, capsys, [code_dir], str(code_dir), "not a model", "config.json")
    _assert_refused(home, capsys, [tmp_path / "nowhere"], "no such file")

    data = qwen["gguf"].read_bytes()
    cut = tmp_path / "cut" / "truncated.gguf"
    cut.parent.mkdir()
    cut.write_bytes(data[: len(data) // 2])
    _assert_refused(home, capsys, [cut], str(cut), "truncated or corrupt", "replace it")
    text = tmp_path / "notes.gguf"
    text.write_text("not a model at all")
    _assert_refused(home, capsys, [text], str(text), "not a readable GGUF", "replace it")

    no_weights = tmp_path / "no-weights"
    no_weights.mkdir()
    shutil.copy(qwen["hf"] / "config.json", no_weights / "config.json")
    _assert_refused(home, capsys, [no_weights], str(no_weights), "safetensors")

    # A GGUF and a folder of different models (SmolLM2 is llama, 30 layers; the folder a tiny qwen2).
    _assert_refused(home, capsys, [chat_model_path, "--hf", qwen["hf"]], "does not match", "architecture")

    # A name taken is refused, and the first model stays as it was.
    assert main(["models", "add", str(qwen["gguf"]), "--name", "taken"]) == 0
    capsys.readouterr()
    before = (base_root(home) / "taken" / "manifest.json").read_text()
    code = main(["models", "add", str(qwen["hf"]), "--name", "taken"])
    assert code == 2 and "already exists" in capsys.readouterr().err
    assert (base_root(home) / "taken" / "manifest.json").read_text() == before
    assert sorted(p.name for p in base_root(home).iterdir()) == ["taken"]


NOTES = "# About me\n\nMy manager is Zora Quill.\nMy dentist is Dr. Hal Brecken.\nMy sister is Ana Reis.\n"


@pytest.mark.slow
def test_tiny_qwen2_end_to_end_add_train_export_gate_serve(home, qwen, tmp_path, embedder_path, monkeypatch, capsys):
    """The user's Qwen2 becomes the base, a cycle trains it on three facts in the real training
    child (LoRA on its HF weights), exports and quantizes a qwen2 GGUF with the base's own
    metadata, the gate compares it with the base, and `anima ask` answers through whichever
    model the gate leaves serving. A random 64-wide model learns word associations only."""
    from agent.chat import resolve_model_path
    from agent.registry import Registry
    from finetune.gguf_io import read_base

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "me.md").write_text(NOTES, encoding="utf-8")
    monkeypatch.setenv("ANIMA_MEMORY__EMBEDDER_PATH", str(embedder_path))
    for key, value in {"RANK": "8", "ALPHA": "16", "BATCH_SIZE": "4", "LR": "0.01",
                       "TARGETS": '["q_proj","k_proj","v_proj","o_proj","gate_proj","up_proj","down_proj"]'}.items():
        monkeypatch.setenv(f"ANIMA_TRAIN__{key}", value)

    def anima(*argv):
        code = main([*argv, "--json"])
        out, err = capsys.readouterr()
        assert code == 0, err[-2000:]
        return json.loads(out)

    assert anima("models", "add", str(qwen["hf"]))["base"] == "tiny-qwen2"
    assert anima("index", str(notes))["chunks_total"] >= 1
    result = anima("train", "--max-steps", "20", "--llm-questions", "0")  # the real low-priority child
    assert result["dataset"]["facts"] == 3 and result["train"]["steps"] == 20
    assert result["eval"]["current_version"] is None  # compared with the added base itself
    base_gguf = base_root(home) / "tiny-qwen2" / "model.gguf"
    exported_path = Path(result["files"]["model"]["path"])
    exported, base_meta = read_base(exported_path), read_base(base_gguf)
    assert exported.arch == "qwen2" and exported.get("general.file_type") == 7  # Q8_0
    for key in ("tokenizer.ggml.pre", "tokenizer.chat_template", "qwen2.block_count", "general.name"):
        assert exported.get(key) == base_meta.get(key), key  # the base's own metadata carried over
    assert exported.tensor_shapes == base_meta.tensor_shapes

    # The gate decides with a paired 95 % bound; three facts give a handful of held-out questions,
    # so a random 64-wide model's gain (+0.25 measured) is not reliably above zero. Either way the
    # user gets an answer from a model that loads: the promoted version, or their own base.
    if result["status"] == "promoted":
        version = Registry(home).current()
        assert version.version == result["version"] and version.meta.base == str(base_gguf)
        served, name = version.path, version.version
    else:
        assert result["status"] == "rejected" and "lower bound" in result["reason"], result["reason"]
        assert Registry(home).current() is None
        served, name = base_gguf, None
    assert resolve_model_path(home, home.load_settings()) == served
    answer = anima("ask", "Who is my manager?")
    assert answer["answer"].strip() and (name is None or answer["model"] == name)
    assert any(s["path"].endswith("me.md") for s in answer["sources"])
