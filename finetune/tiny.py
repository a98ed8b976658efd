"""Tiny randomly initialised HF models and matching base GGUFs, for tests and benchmarks.

A few megabytes, loaded by llama.cpp in milliseconds: they let tests check the export path for an
architecture (and give other packages a real GGUF to promote, hot-swap or corrupt) without the
cost of a real model. The tokenizer metadata is borrowed from a real GGUF (the bundled SmolLM2),
so llama.cpp tokenizes normally; the vocabulary size of the model follows it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from finetune.gguf_io import BaseGGUF, ExportError, read_base

ARCHS = ("llama", "qwen2", "gemma3")
_HF_TYPE = {"llama": "llama", "qwen2": "qwen2", "gemma3": "gemma3_text"}


def tiny_model(arch: str = "qwen2", *, vocab_size: int, seed: int = 0, hidden: int = 64, layers: int | None = None,
               heads: int = 4, kv_heads: int = 2, intermediate: int = 128, tie_embeddings: bool | None = None,
               init_std: float = 0.02, max_positions: int = 512, sliding_window: int = 8):
    """A random fp32 `arch` causal LM in eval mode. init_std larger than HF's 0.02 gives
    sharper attention, which makes layout mistakes (e.g. q/k row order) show in the logits.

    gemma3 gets 6 layers by default (five sliding-window layers and one global, as in the real
    model) and a short window, so a prompt of a dozen tokens exercises both kinds of attention.
    """
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    if arch not in ARCHS:
        raise ExportError(f"tiny models exist for {', '.join(ARCHS)}, not {arch!r}")
    if tie_embeddings is None:
        tie_embeddings = arch in ("llama", "gemma3")
    if layers is None:
        layers = 6 if arch == "gemma3" else 2
    extra: dict[str, Any] = {}
    if arch == "gemma3":
        head_dim = hidden // heads
        # llama.cpp scales attention by 1/sqrt(head_dim); the real 270M model has
        # query_pre_attn_scalar == head_dim == 256, so the tiny one keeps them equal too.
        extra = {"head_dim": head_dim, "query_pre_attn_scalar": head_dim, "sliding_window": sliding_window}
    config = AutoConfig.for_model(
        _HF_TYPE[arch],
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
        **extra,
    )
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    with torch.no_grad():
        # HF initialises norms to exactly 1 (Gemma: 0) and biases to 0; perturb them so a wrongly
        # mapped, dropped or un-shifted norm/bias would change the logits too.
        for name, param in model.named_parameters():
            if name.endswith("norm.weight"):
                param.add_(torch.randn_like(param) * 0.1)
            elif name.endswith(".bias"):
                param.normal_(0.0, init_std)
    return model.eval()


def base_description(model, tokenizer_from: Path, *, name: str = "anima-tiny") -> BaseGGUF:
    """A BaseGGUF for an HF model of a supported arch: hyper-parameters from its config,
    tokenizer.* fields copied from `tokenizer_from`, tensor names/shapes from its state dict."""
    from finetune.hf_gguf import describe

    config = model.config
    if config.model_type not in _HF_TYPE.values():
        raise ExportError(f"cannot describe a {config.model_type!r} model as GGUF here (supported: {', '.join(ARCHS)})")
    tok_source = read_base(Path(tokenizer_from))
    tok_fields = [f for f in tok_source.fields if f.key.startswith("tokenizer.")]
    n_vocab = len(next(f.value for f in tok_fields if f.key == "tokenizer.ggml.tokens"))
    if n_vocab != config.vocab_size:
        raise ExportError(f"model vocab_size {config.vocab_size} differs from the {n_vocab} tokens of {tokenizer_from}")
    shapes = {k: tuple(v.shape) for k, v in model.state_dict().items()}
    return describe(config, shapes, tok_fields, name=name, path=Path(tokenizer_from))


def write_tiny_gguf(out_path: Path, *, tokenizer_from: Path, arch: str = "qwen2", seed: int = 0,
                    outtype: str = "f32", **model_kwargs: Any):
    """Build a tiny random model and write it as a GGUF; returns (path, hf_model)."""
    from finetune.export import write_gguf

    tok = read_base(Path(tokenizer_from))
    n_vocab = len(tok.get("tokenizer.ggml.tokens") or [])
    model = tiny_model(arch, vocab_size=n_vocab, seed=seed, **model_kwargs)
    base = base_description(model, tokenizer_from)
    return write_gguf(base, model.state_dict(), Path(out_path), outtype=outtype), model


def write_tiny_hf(out_dir: Path, *, tokenizer_from: Path, arch: str = "qwen2", seed: int = 0, **model_kwargs: Any):
    """A tiny random model saved as a Hugging Face folder (config.json, model.safetensors,
    tokenizer.json, tokenizer_config.json, chat template), as a user would download one.

    The tokenizer is `tokenizer_from`'s vocabulary, merges and chat template, rebuilt by
    transformers with the pre-tokenizer of `arch`'s family (for qwen2: Qwen2's split regex, so the
    folder's tokenizer.json looks like a real Qwen2 one). Returns (folder, hf_model).
    """
    import tempfile

    from transformers import AutoTokenizer

    from finetune.export import write_gguf

    if arch not in ("llama", "qwen2"):
        raise ExportError(f"tiny HF folders exist for llama and qwen2 (byte-level BPE tokenizers), not {arch!r}")
    tok = read_base(Path(tokenizer_from))
    n_vocab = len(tok.get("tokenizer.ggml.tokens") or [])
    model = tiny_model(arch, vocab_size=n_vocab, seed=seed, **model_kwargs)
    base = base_description(model, tokenizer_from)
    for f in base.fields:
        if f.key == "tokenizer.ggml.pre" and arch == "qwen2":
            f.value = "qwen2"  # transformers then builds a Qwen2 tokenizer (Qwen2's regex)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="anima-tiny-") as tmp:
        write_gguf(base, model.state_dict(), Path(tmp) / "t.gguf", outtype="f32")
        tokenizer = AutoTokenizer.from_pretrained(tmp, gguf_file="t.gguf", local_files_only=True)
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
    return out_dir, model
