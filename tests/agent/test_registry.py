"""The model registry: promotion with a load check, atomic switch, pruning, use/rollback, CLI."""
from __future__ import annotations

import json
import os

import pytest

from agent.cli import main
from agent.llm import ModelError
from agent.registry import Registry, RegistryError, normalize_version


@pytest.fixture(scope="module")
def gguf_file(tmp_path_factory, chat_model_path):
    """A real, loadable, 7 MB GGUF (tiny random llama with SmolLM2's tokenizer)."""
    from finetune.tiny import write_tiny_gguf

    path, _ = write_tiny_gguf(tmp_path_factory.mktemp("registry") / "tiny.gguf", tokenizer_from=chat_model_path,
                              arch="llama", outtype="f16")
    return path


@pytest.fixture()
def truncated(gguf_file, tmp_path):
    data = gguf_file.read_bytes()
    path = tmp_path / "truncated.gguf"
    path.write_bytes(data[: len(data) * 2 // 3])  # header and metadata intact, tensor data cut short
    return path


def entries(home):
    return sorted(p.name for p in home.models_dir.iterdir())


def test_promote_copies_checks_and_switches(home, gguf_file):
    reg = Registry(home, keep_versions=3)
    assert reg.current() is None and reg.list() == []
    v = reg.promote(gguf_file, {"run_id": "r1", "eval": {"heldout": 0.9, "by_kind": {"fact": 1.0}}, "base": "smollm2"})
    assert v.version == "v001"
    assert v.path == home.models_dir / "v001" / "model.gguf"
    assert v.path.read_bytes() == gguf_file.read_bytes()
    assert v.meta.run_id == "r1" and v.meta.eval_score == 0.9 and v.meta.eval.by_kind == {"fact": 1.0}
    assert v.created.startswith("20")
    link = home.models_dir / "current"
    assert link.is_symlink() and os.readlink(link) == "v001"  # relative: the home can be moved
    assert (link / "model.gguf").is_file()
    assert reg.current().version == "v001"
    assert entries(home) == ["current", "v001"]  # no staging or tmp leftovers
    stored = json.loads((home.models_dir / "v001" / "meta.json").read_text())
    assert stored["base"] == "smollm2" and "created" in stored


def test_truncated_gguf_is_refused_and_current_unchanged(home, gguf_file, truncated):
    reg = Registry(home, keep_versions=3)
    reg.promote(gguf_file, {"run_id": "good"})
    before = entries(home)
    with pytest.raises(RegistryError, match="truncated or corrupt.*Still serving v001"):
        reg.promote(truncated, {"run_id": "bad"})
    assert reg.current().version == "v001" and reg.current().meta.run_id == "good"
    assert entries(home) == before
    # The next good promotion still gets the next number.
    assert reg.promote(gguf_file, {}).version == "v002"


def test_other_bad_files_are_refused(home, tmp_path):
    reg = Registry(home)
    text = tmp_path / "notes.gguf"
    text.write_text("not a model")
    with pytest.raises(ModelError, match="not a GGUF"):
        reg.promote(text, {})
    with pytest.raises(ModelError, match="not found"):
        reg.promote(tmp_path / "missing.gguf", {})
    assert reg.current() is None and reg.list() == []


def test_keeps_newest_versions_and_never_the_served_one(home, gguf_file):
    reg = Registry(home, keep_versions=2)
    for i in range(4):
        reg.promote(gguf_file, {"run_id": f"r{i}"})
    assert [v.version for v in reg.list()] == ["v003", "v004"]
    assert reg.current().version == "v004"
    # Serving an old version and then tightening the limit: the served version survives a prune.
    reg.use("v003")
    Registry(home, keep_versions=1)._prune()
    assert [v.version for v in reg.list()] == ["v003", "v004"]
    assert reg.current().version == "v003"


def test_use_and_rollback(home, gguf_file):
    reg = Registry(home, keep_versions=5)
    with pytest.raises(RegistryError, match="nothing to roll back"):
        reg.rollback()
    for i in range(3):
        reg.promote(gguf_file, {"run_id": f"r{i}"})
    assert reg.rollback().version == "v002"
    assert reg.rollback().version == "v001"
    with pytest.raises(RegistryError, match="oldest"):
        reg.rollback()
    assert reg.use("3").version == "v003" and reg.current().meta.run_id == "r2"
    with pytest.raises(RegistryError, match="no model version v009"):
        reg.use("v9")
    with pytest.raises(RegistryError, match="not a model version"):
        reg.use("latest")
    assert reg.current().version == "v003"


def test_use_refuses_a_version_damaged_after_promotion(home, gguf_file):
    reg = Registry(home, keep_versions=5)
    reg.promote(gguf_file, {})
    damaged = reg.promote(gguf_file, {})
    reg.use("v001")
    data = damaged.path.read_bytes()
    damaged.path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError):
        reg.use("v002")
    assert reg.current().version == "v001"


def test_normalize_version():
    assert normalize_version("v7") == normalize_version("007") == normalize_version(" V007 ") == "v007"


def test_models_cli(home, gguf_file, capsys):
    assert main(["models", "list"]) == 0
    assert "no personal model yet" in capsys.readouterr().out
    reg = Registry(home)
    reg.promote(gguf_file, {"eval_score": 0.8, "base": "smollm2"})
    reg.promote(gguf_file, {"eval": {"heldout": 0.9}, "base": "/x/smollm2.gguf"})

    assert main(["models", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["current"] == "v002"
    assert [(v["version"], v["current"]) for v in listed["versions"]] == [("v001", False), ("v002", True)]
    assert listed["versions"][0]["meta"]["eval_score"] == 0.8 and listed["versions"][0]["size_bytes"] > 0

    assert main(["models", "rollback", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["switched_to"] == "v001"
    assert main(["models", "use", "2"]) == 0
    assert "now serving v002" in capsys.readouterr().out
    assert main(["models", "list"]) == 0
    table = capsys.readouterr().out
    assert "* v002" in table and "0.90" in table and "smollm2.gguf" in table and "/x/" not in table

    assert main(["models", "use", "v042", "--json"]) == 2
    out, err = capsys.readouterr()
    assert "no model version v042" in json.loads(out)["error"] and "v042" in err
    assert Registry(home).current_version() == "v002"
