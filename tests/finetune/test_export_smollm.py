"""Export round trip on the real demo model (SmolLM2-135M, llama architecture).

transformers dequantizes the bundled GGUF to fp32 (undoing llama.cpp's q/k row order); exporting
those weights unchanged must give back a GGUF whose logits match both transformers' forward and
the original file's. The bundled file is Q4_1, so "match the original" allows for its
quantization noise; a wrong q/k permutation is far outside that (shown by a test below).
"""
from __future__ import annotations

import numpy as np
import pytest

from finetune import export
from finetune.export import ExportError, export_gguf, load_base_model, quantize
from finetune.gguf_io import read_base

PROMPT = "The capital of France is a city where"


@pytest.fixture(scope="module")
def smollm(chat_model_path):
    return load_base_model(chat_model_path)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("export_smollm")


@pytest.fixture(scope="module")
def f16_gguf(smollm, chat_model_path, workdir):
    model, _ = smollm
    return export_gguf(chat_model_path, model.state_dict(), workdir / "smollm-f16.gguf")


def llama_logits(path, tokens=None, prompt=PROMPT):
    import llama_cpp

    llm = llama_cpp.Llama(model_path=str(path), n_ctx=128, logits_all=True, verbose=False)
    try:
        tokens = tokens or llm.tokenize(prompt.encode())
        llm.eval(tokens)
        return tokens, np.array(llm.scores[: len(tokens)], dtype=np.float32)
    finally:
        llm.close()


@pytest.fixture(scope="module")
def reference(smollm, chat_model_path):
    """Tokens of PROMPT, the base GGUF's logits, and transformers' fp32 logits for them."""
    import torch

    model, _ = smollm
    tokens, base = llama_logits(chat_model_path)
    with torch.no_grad():
        hf = model(torch.tensor([tokens])).logits[0].numpy()
    return tokens, base, hf


def matches(logits, ref, *, max_abs, mean_abs):
    diff = np.abs(logits - ref)
    same_top = (logits.argmax(-1) == ref.argmax(-1)).mean()
    return diff.max() <= max_abs and diff.mean() <= mean_abs and same_top >= 0.85


def test_base_model_loads_offline_with_the_gguf_tokenizer(smollm, chat_model_path, reference):
    model, tokenizer = smollm
    meta = read_base(chat_model_path)
    assert model.config.hidden_size == meta.get("llama.embedding_length")
    assert model.config.num_hidden_layers == meta.block_count
    assert next(model.parameters()).dtype.is_floating_point and next(model.parameters()).element_size() == 4
    tokens, _, _ = reference
    assert tokenizer.encode(PROMPT, add_special_tokens=False) == tokens  # same tokenizer as llama.cpp's


def test_export_copies_every_metadata_field_and_tensor(chat_model_path, f16_gguf):
    import gguf

    base, out = read_base(chat_model_path), read_base(f16_gguf)
    base_fields = {f.key: f for f in base.fields}
    out_fields = {f.key: f for f in out.fields}
    assert set(out_fields) == set(base_fields)
    for key, f in base_fields.items():
        if key == "general.file_type":
            continue
        assert (out_fields[key].vtype, out_fields[key].sub_type) == (f.vtype, f.sub_type), key
        assert out_fields[key].value == f.value, key
    assert out_fields["general.file_type"].value == 1  # MOSTLY_F16
    assert "tokenizer.chat_template" in out_fields and len(out_fields["tokenizer.ggml.tokens"].value) == 49152
    assert list(out.tensor_shapes) == list(base.tensor_shapes)  # same names, same order
    assert out.tensor_shapes == base.tensor_shapes
    assert "output.weight" not in out.tensor_shapes  # tied embeddings stay tied
    for name, qtype in out.tensor_types.items():
        want = gguf.GGMLQuantizationType.F32 if len(out.tensor_shapes[name]) == 1 else gguf.GGMLQuantizationType.F16
        assert qtype == want, name


def test_zero_step_export_reproduces_the_model(f16_gguf, reference):
    tokens, base, hf = reference
    _, exported = llama_logits(f16_gguf, tokens)
    # Against transformers' fp32 forward only F16 rounding separates them.
    assert matches(exported, hf, max_abs=0.25, mean_abs=0.05)
    assert (exported.argmax(-1) == hf.argmax(-1)).all()
    # Against the Q4_1 original: its quantization noise (measured ~1.3 max, ~0.25 mean), same predictions.
    assert matches(exported, base, max_abs=3.0, mean_abs=0.6)


def test_a_wrong_qk_permutation_is_caught(smollm, chat_model_path, workdir, reference, monkeypatch):
    model, _ = smollm
    monkeypatch.setattr(export, "qk_heads", lambda base, name: None)  # "forget" the llama q/k reorder
    broken = export_gguf(chat_model_path, model.state_dict(), workdir / "smollm-unpermuted.gguf")
    tokens, base, hf = reference
    _, logits = llama_logits(broken, tokens)
    assert not matches(logits, hf, max_abs=0.25, mean_abs=0.05)
    assert not matches(logits, base, max_abs=3.0, mean_abs=0.6)


def test_quantize_q8_0_still_answers(f16_gguf, workdir):
    import llama_cpp

    q8 = quantize(f16_gguf, workdir / "smollm-q8_0.gguf", "Q8_0")
    assert q8.stat().st_size < 0.6 * f16_gguf.stat().st_size
    assert read_base(q8).get("general.file_type") == 7  # MOSTLY_Q8_0
    tokens, f16_logits = llama_logits(f16_gguf)
    _, q8_logits = llama_logits(q8, tokens)
    assert (q8_logits.argmax(-1) == f16_logits.argmax(-1)).mean() >= 0.85
    llm = llama_cpp.Llama(model_path=str(q8), n_ctx=128, verbose=False)
    try:
        text = llm("The capital of France is", max_tokens=8, temperature=0)["choices"][0]["text"]
    finally:
        llm.close()
    assert "Paris" in text


def test_quantize_rejects_bad_requests(f16_gguf, workdir, tmp_path):
    with pytest.raises(ExportError, match="Q4_K_M"):  # the message lists the valid types
        quantize(f16_gguf, workdir / "x.gguf", "Q9_X")
    with pytest.raises(ExportError, match="not found"):
        quantize(tmp_path / "missing.gguf", tmp_path / "out.gguf")
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"GGUF" + b"\0" * 64)
    with pytest.raises(ExportError, match="failed to quantize"):
        quantize(junk, tmp_path / "out.gguf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.gguf"]  # no half-written output


def test_export_refuses_incomplete_or_misshapen_weights(smollm, chat_model_path, tmp_path):
    import torch

    model, _ = smollm
    state = dict(model.state_dict())
    state.pop("model.layers.3.mlp.up_proj.weight")
    with pytest.raises(ExportError, match="blk.3.ffn_up.weight"):
        export_gguf(chat_model_path, state, tmp_path / "a.gguf")
    state = dict(model.state_dict())
    state["model.norm.weight"] = torch.ones(7)
    with pytest.raises(ExportError, match="shape"):
        export_gguf(chat_model_path, state, tmp_path / "b.gguf")
    with pytest.raises(ExportError, match="outtype"):
        export_gguf(chat_model_path, model.state_dict(), tmp_path / "c.gguf", outtype="q8")
    assert list(tmp_path.iterdir()) == []
