"""Tiny randomly initialised HF models and matching base GGUFs, for tests and benchmarks.

A few megabytes, loaded by llama.cpp in milliseconds: they let tests check the export path for an
architecture (and give other packages a real GGUF to promote, hot-swap or corrupt) without the
cost of a real model. The tokenizer metadata is borrowed from a real GGUF (the bundled SmolLM2),
so llama.cpp tokenizes normally; the vocabulary size of the model follows it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from finetune.gguf_io import BaseGGUF, ExportError, MetaField, hf_to_gguf_names, read_base

ARCHS = ("llama", "qwen2")


def tiny_model(arch: str = "qwen2", *, vocab_size: int, seed: int = 0, hidden: int = 64, layers: int = 2,
               heads: int = 4, kv_heads: int = 2, intermediate: int = 128, tie_embeddings: bool | None = None,
               init_std: float = 0.02, max_positions: int = 512):
    """A random fp32 `arch` causal LM in eval mode. init_std larger than HF's 0.02 gives
    sharper attention, which makes layout mistakes (e.g. q/k row order) show in the logits."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    if arch not in ARCHS:
        raise ExportError(f"tiny models exist for {', '.join(ARCHS)}, not {arch!r}")
    if tie_embeddings is None:
        tie_embeddings = arch == "llama"
    config = AutoConfig.for_model(
        arch,
        vocab_size=vocab_size,
        hidden_size=hidden,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        num_key_value_heads=kv_heads,
        intermediate_size=intermediate,
        max_position_embeddings=max_positions,
        rms_norm_eps=1e-6,
        tie_word_embeddings=tie_embeddings,
        initializer_range=init_std,
    )
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    with torch.no_grad():
        # HF initialises norms to exactly 1 and biases to 0; perturb them so a wrongly mapped or
        # dropped norm/bias would change the logits too.
        for name, param in model.named_parameters():
            if name.endswith("norm.weight"):
                param.add_(torch.randn_like(param) * 0.1)
            elif name.endswith(".bias"):
                param.normal_(0.0, init_std)
    return model.eval()


def _rope_theta(config) -> float:
    params = getattr(config, "rope_parameters", None)
    if isinstance(params, dict) and "rope_theta" in params:
        return float(params["rope_theta"])
    return float(getattr(config, "rope_theta", 10000.0))


def base_description(model, tokenizer_from: Path, *, name: str = "anima-tiny") -> BaseGGUF:
    """A BaseGGUF for an HF model of a supported arch: hyper-parameters from its config,
    tokenizer.* fields copied from `tokenizer_from`, tensor names/shapes from its state dict."""
    import gguf

    config = model.config
    arch = config.model_type
    if arch not in ARCHS:
        raise ExportError(f"cannot describe a {arch!r} model as GGUF here (supported: {', '.join(ARCHS)})")
    tok_source = read_base(Path(tokenizer_from))
    tok_fields = [f for f in tok_source.fields if f.key.startswith("tokenizer.")]
    n_vocab = len(next(f.value for f in tok_fields if f.key == "tokenizer.ggml.tokens"))
    if n_vocab != config.vocab_size:
        raise ExportError(f"model vocab_size {config.vocab_size} differs from the {n_vocab} tokens of {tokenizer_from}")
    head_dim = getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads
    V = gguf.GGUFValueType
    fields = [
        MetaField("general.type", V.STRING, "model"),
        MetaField("general.name", V.STRING, name),
        MetaField(f"{arch}.context_length", V.UINT32, int(config.max_position_embeddings)),
        MetaField(f"{arch}.embedding_length", V.UINT32, int(config.hidden_size)),
        MetaField(f"{arch}.block_count", V.UINT32, int(config.num_hidden_layers)),
        MetaField(f"{arch}.feed_forward_length", V.UINT32, int(config.intermediate_size)),
        MetaField(f"{arch}.attention.head_count", V.UINT32, int(config.num_attention_heads)),
        MetaField(f"{arch}.attention.head_count_kv", V.UINT32, int(config.num_key_value_heads)),
        MetaField(f"{arch}.rope.freq_base", V.FLOAT32, _rope_theta(config)),
        MetaField(f"{arch}.rope.dimension_count", V.UINT32, int(head_dim)),
        MetaField(f"{arch}.attention.layer_norm_rms_epsilon", V.FLOAT32, float(config.rms_norm_eps)),
        MetaField("general.file_type", V.UINT32, 0),
        *tok_fields,
    ]
    state = model.state_dict()
    names = hf_to_gguf_names(arch, config.num_hidden_layers, state.keys())
    shapes: dict[str, tuple[int, ...]] = {}
    for hf, gg in names.items():
        if gg == "output.weight" and config.tie_word_embeddings:
            continue  # llama.cpp reuses token_embd when output.weight is absent
        shapes[gg] = tuple(state[hf].shape)
    return BaseGGUF(path=Path(tokenizer_from), arch=arch, fields=fields, tensor_shapes=shapes)


def write_tiny_gguf(out_path: Path, *, tokenizer_from: Path, arch: str = "qwen2", seed: int = 0,
                    outtype: str = "f32", **model_kwargs: Any):
    """Build a tiny random model and write it as a GGUF; returns (path, hf_model)."""
    from finetune.export import write_gguf

    tok = read_base(Path(tokenizer_from))
    n_vocab = len(tok.get("tokenizer.ggml.tokens") or [])
    model = tiny_model(arch, vocab_size=n_vocab, seed=seed, **model_kwargs)
    base = base_description(model, tokenizer_from)
    return write_gguf(base, model.state_dict(), Path(out_path), outtype=outtype), model
