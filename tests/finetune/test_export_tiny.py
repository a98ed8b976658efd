"""Export of tiny randomly initialised llama, qwen2 and gemma3 models, and LoRA adapters for them.

Each model is built from a config in the test, written as a base GGUF (hyper-parameters from the
config, tokenizer borrowed from the bundled SmolLM2 file), exported again through export_gguf the
way a training run does, and loaded by llama.cpp, whose logits must equal transformers' forward.
"""
from __future__ import annotations

import numpy as np
import pytest

from finetune.export import ExportError, export_gguf, export_lora_adapter, merged_state_dict
from finetune.gguf_io import permute_qk, read_base, unpermute_qk
from finetune.tiny import write_tiny_gguf

PROMPT = b"Hello world, this is a tiny test of the export path"
ARCHS = ["llama", "qwen2", "gemma3"]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory, chat_model_path):
    """{arch: (base_gguf, hf_model)}; init_std 0.2 makes attention sharp enough to show layout bugs."""
    root = tmp_path_factory.mktemp("tiny")
    return {
        arch: write_tiny_gguf(root / f"{arch}-base.gguf", tokenizer_from=chat_model_path, arch=arch, init_std=0.2, seed=1)
        for arch in ARCHS
    }


def run_llama(path, lora=None):
    import llama_cpp

    kwargs = {"lora_path": str(lora)} if lora else {}
    llm = llama_cpp.Llama(model_path=str(path), n_ctx=64, logits_all=True, verbose=False, **kwargs)
    try:
        tokens = llm.tokenize(PROMPT)
        llm.eval(tokens)
        return tokens, np.array(llm.scores[: len(tokens)], dtype=np.float32)
    finally:
        llm.close()


def hf_logits(model, tokens):
    import torch

    with torch.no_grad():
        return model(torch.tensor([tokens])).logits[0].numpy()


def assert_same(a, b, what):
    scale = float(b.std())
    assert scale > 0.5, "logits too flat to tell layouts apart"
    err = float(np.abs(a - b).max()) / scale
    assert err < 0.02, f"{what}: max |diff| is {err:.4f} of the logits' spread"
    assert (a.argmax(-1) == b.argmax(-1)).all(), what


def test_permutation_helpers_are_inverse():
    w = np.arange(8 * 3 * 5, dtype=np.float32).reshape(8 * 3, 5)
    assert not np.array_equal(permute_qk(w, 3), w)
    assert np.array_equal(unpermute_qk(permute_qk(w, 3), 3), w)


@pytest.mark.parametrize("arch", ARCHS)
def test_tiny_model_round_trips_through_llama_cpp(arch, tiny, tmp_path):
    base, model = tiny[arch]
    out = export_gguf(base, model.state_dict(), tmp_path / "out.gguf", outtype="f32")
    tokens, logits = run_llama(out)
    assert_same(logits, hf_logits(model, tokens), f"{arch} export vs transformers")
    meta = read_base(out)
    assert meta.arch == arch
    assert ("output.weight" in meta.tensor_shapes) == (not model.config.tie_word_embeddings)
    if arch == "qwen2":
        assert "blk.0.attn_q.bias" in meta.tensor_shapes  # qwen2's q/k/v biases made it across
    if arch == "gemma3":
        # 6 layers: five sliding-window (window 8 < the prompt's tokens) and one global, as served.
        assert meta.get("gemma3.attention.sliding_window") == 8 and meta.block_count == 6
        assert len(tokens) > 8
        assert {"blk.0.attn_q_norm.weight", "blk.0.post_ffw_norm.weight"} <= set(meta.tensor_shapes)


def test_a_wrong_gemma_norm_convention_is_caught(tiny, tmp_path, monkeypatch):
    """Gemma's RMSNorm multiplies by (1 + w); llama.cpp by w. Writing HF's w unshifted must show."""
    from finetune import export

    base, model = tiny["gemma3"]
    monkeypatch.setattr(export, "norm_shift", lambda arch, name: 0.0)
    out = export_gguf(base, model.state_dict(), tmp_path / "unshifted.gguf", outtype="f32")
    tokens, logits = run_llama(out)
    want = hf_logits(model, tokens)
    err = float(np.abs(logits - want).max()) / float(want.std())
    assert err > 0.5, f"an unshifted gemma norm went unnoticed (error {err:.3f} of the spread)"


def _lora(model, seed):
    import torch
    from peft import LoraConfig, get_peft_model

    torch.manual_seed(seed)
    config = LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "up_proj"],
                        init_lora_weights=False)  # random A and B: a trained-looking, non-zero update
    return get_peft_model(model, config)


@pytest.mark.parametrize("arch", ARCHS)
def test_lora_adapter_equals_merged_model(arch, tiny, tmp_path):
    import copy

    import gguf

    base, model = tiny[arch]
    peft_model = _lora(copy.deepcopy(model), seed=7)
    tokens, base_logits = run_llama(base)
    want = hf_logits(peft_model, tokens)
    assert np.abs(want - base_logits).max() > 1.0  # the adapter really changes the model

    merged = export_gguf(base, merged_state_dict(peft_model), tmp_path / "merged.gguf", outtype="f32")
    adapter = export_lora_adapter(peft_model, base, tmp_path / "adapter.gguf")
    _, merged_logits = run_llama(merged)
    _, adapter_logits = run_llama(base, lora=adapter)
    assert_same(merged_logits, want, f"{arch} merged vs peft")
    assert_same(adapter_logits, want, f"{arch} base+adapter vs peft")

    reader = gguf.GGUFReader(str(adapter))
    fields = {k: f for k, f in reader.fields.items()}
    assert bytes(fields["general.type"].parts[-1]).decode() == "adapter"
    assert bytes(fields["adapter.type"].parts[-1]).decode() == "lora"
    assert float(fields["adapter.lora.alpha"].parts[-1][0]) == 8.0
    shapes = {t.name: tuple(int(x) for x in t.shape) for t in reader.tensors}
    assert shapes["blk.0.attn_q.weight.lora_a"] == (64, 4)  # GGUF order (ne0, ne1): [n_in, rank]
    assert shapes["blk.0.attn_k.weight.lora_b"] == (4, 32)  # [rank, n_out] with 2 kv heads of 16
    assert len(shapes) == 2 * 5 * model.config.num_hidden_layers


def test_merged_state_dict_leaves_the_peft_model_alone(tiny):
    import copy

    import torch

    _, model = tiny["qwen2"]
    peft_model = _lora(copy.deepcopy(model), seed=3)
    x = torch.tensor([[1, 2, 3, 4]])
    with torch.no_grad():
        before = peft_model(x).logits.clone()
        state = merged_state_dict(peft_model)
        after = peft_model(x).logits
    assert torch.equal(before, after)
    assert not any("lora" in k or "base_layer" in k for k in state)
    assert set(state) == set(model.state_dict())


def test_adapter_export_errors(tiny, tmp_path):
    import copy

    base, model = tiny["llama"]
    peft_model = _lora(copy.deepcopy(model), seed=1)
    from peft import get_peft_model_state_dict

    state = get_peft_model_state_dict(peft_model)
    with pytest.raises(ExportError, match="alpha"):
        export_lora_adapter(state, base, tmp_path / "a.gguf")
    broken = {k: v for k, v in state.items() if "layers.1.self_attn.q_proj.lora_B" not in k}
    with pytest.raises(ExportError, match="incomplete"):
        export_lora_adapter(broken, base, tmp_path / "a.gguf", alpha=8)
    with pytest.raises(ExportError, match="no LoRA weights"):
        export_lora_adapter({}, base, tmp_path / "a.gguf", alpha=8)
    with pytest.raises(ExportError, match="unmerged LoRA"):  # a peft state dict is not a merged model
        export_gguf(base, peft_model.state_dict(), tmp_path / "m.gguf")
    assert list(tmp_path.iterdir()) == []
