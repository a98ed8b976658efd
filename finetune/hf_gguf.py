"""A Hugging Face model folder (config.json + safetensors + tokenizer) as a GGUF llama.cpp serves.

For a user who brings only the HF folder of a model: the hyper-parameters come from its config,
the tokenizer (tokens, merges, special tokens, chat template) from tokenizer.json and
tokenizer_config.json, the weights through `finetune.export.write_gguf` (which applies the same
per-architecture conventions a training export does). The key names follow llama.cpp's own
converter (convert_hf_to_gguf.py) for the supported families: llama, qwen2 and gemma3.

Only byte-level BPE tokenizers (GPT-2 style: Qwen2, Llama 3, SmolLM) are converted here. A
SentencePiece tokenizer (Gemma) needs its tokenizer.model and the `sentencepiece` package to
reproduce llama.cpp's scores; for those the user brings the GGUF beside the folder.

After writing, llama.cpp tokenizes a check text with the new file and the result must equal the
HF tokenizer's: a wrong pre-tokenizer or a lost merge would silently change every prompt.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from finetune.gguf_io import HF_TO_GGUF_ARCH, BaseGGUF, ExportError, MetaField, hf_to_gguf_names

# The pre-tokenizer llama.cpp applies before BPE, chosen by the split regex of tokenizer.json.
# llama.cpp recognises these names (llama-vocab.cpp); each regex is copied from the tokenizer.json
# of a model of that family. A tokenizer that matches none gets a clear error, never a guess.
_QWEN2_SPLIT = ("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
                "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+")
_LLAMA3_SPLIT = ("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
                 "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+")
CHECK_TEXT = ("Hello world! It's 2026-11-29, 3.14159 and 1234567 apples; café naïve 日本語 emoji 🙂\n\n"
              "  indented\tcode: def f(x): return x**2  # done\nI'm   here, you'll see. ALL CAPS 'quoted'")

# Token types as llama.cpp reads tokenizer.ggml.token_type (gguf.TokenType).
_NORMAL, _CONTROL, _USER_DEFINED = 1, 3, 4


def gguf_arch(config) -> str:
    arch = HF_TO_GGUF_ARCH.get(getattr(config, "model_type", ""))
    if arch is None:
        raise ExportError(
            f"model type {getattr(config, 'model_type', None)!r} is not supported for export "
            f"(supported: {', '.join(sorted(set(HF_TO_GGUF_ARCH)))})")
    return arch


def _rope_theta(config, layer_type: str = "full_attention") -> float:
    params = getattr(config, "rope_parameters", None)
    if isinstance(params, dict):
        if isinstance(params.get(layer_type), dict):
            params = params[layer_type]
        if "rope_theta" in params:
            return float(params["rope_theta"])
    return float(getattr(config, "rope_theta", 10000.0))


def _check_rope(config) -> None:
    params = getattr(config, "rope_parameters", None) or getattr(config, "rope_scaling", None) or {}
    kinds = [params.get("rope_type")] if "rope_type" in params else [
        p.get("rope_type") for p in params.values() if isinstance(p, dict)]
    odd = [k for k in kinds if k not in (None, "default")]
    if odd:
        raise ExportError(f"rope scaling {odd[0]!r} is not supported by this exporter; bring the model's GGUF as well")


def hparam_fields(config, *, name: str) -> list[MetaField]:
    """The GGUF hyper-parameter keys llama.cpp reads for this config's architecture."""
    import gguf

    arch = gguf_arch(config)
    _check_rope(config)
    V = gguf.GGUFValueType
    head_dim = getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads
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
        MetaField(f"{arch}.attention.layer_norm_rms_epsilon", V.FLOAT32, float(config.rms_norm_eps)),
        MetaField("general.file_type", V.UINT32, 0),
    ]
    if arch == "gemma3":
        # llama.cpp scales attention by 1/sqrt(head_dim) (all sizes but 27B) and hard-codes the
        # local layers' rope base and the 5:1 local/global pattern; a config that differs would
        # be served as another model than the one trained, so refuse it.
        if int(getattr(config, "query_pre_attn_scalar", head_dim)) != head_dim:
            raise ExportError("gemma3 with query_pre_attn_scalar != head_dim is not supported by this exporter; "
                              "bring the model's GGUF as well")
        if _rope_theta(config, "sliding_attention") != 10000.0:
            raise ExportError("gemma3 with a local rope base other than 10000 is not supported by this exporter")
        pattern = getattr(config, "layer_types", None)
        want = ["full_attention" if (i + 1) % 6 == 0 else "sliding_attention" for i in range(config.num_hidden_layers)]
        if pattern is not None and list(pattern) != want:
            raise ExportError("gemma3 layers must follow the 5 local : 1 global pattern llama.cpp assumes")
        if getattr(config, "final_logit_softcapping", None) or getattr(config, "attn_logit_softcapping", None):
            raise ExportError("gemma3 with logit soft-capping is not supported by this exporter")
        fields += [
            MetaField(f"{arch}.attention.key_length", V.UINT32, int(head_dim)),
            MetaField(f"{arch}.attention.value_length", V.UINT32, int(head_dim)),
            MetaField(f"{arch}.attention.sliding_window", V.UINT32, int(config.sliding_window)),
        ]
    else:
        fields.append(MetaField(f"{arch}.rope.dimension_count", V.UINT32, int(head_dim)))
    return fields


def describe(config, state_shapes: dict[str, tuple[int, ...]], tokenizer_fields: list[MetaField], *,
             name: str, path: Path) -> BaseGGUF:
    """A BaseGGUF for an HF model: hyper-parameters from `config`, tensors from the state dict's
    shapes (embedding rows cut to the tokenizer's size), tokenizer.* fields as given."""
    arch = gguf_arch(config)
    tokens = next((f.value for f in tokenizer_fields if f.key == "tokenizer.ggml.tokens"), None)
    if not tokens:
        raise ExportError("the tokenizer gave no tokens")
    if len(tokens) > config.vocab_size:
        raise ExportError(f"the tokenizer has {len(tokens)} tokens but the model only {config.vocab_size} embeddings")
    names = hf_to_gguf_names(arch, config.num_hidden_layers, state_shapes.keys())
    shapes: dict[str, tuple[int, ...]] = {}
    for hf, gg in names.items():
        if gg == "output.weight" and getattr(config, "tie_word_embeddings", False):
            continue  # llama.cpp reuses token_embd when output.weight is absent
        shape = tuple(state_shapes[hf])
        if gg in ("token_embd.weight", "output.weight"):
            shape = (len(tokens), *shape[1:])
        shapes[gg] = shape
    fields = hparam_fields(config, name=name) + list(tokenizer_fields)
    return BaseGGUF(path=Path(path), arch=arch, fields=fields, tensor_shapes=shapes)


# ---------------------------------------------------------------------------------------------
# tokenizer


def _pre_tokenizer(tok_json: dict) -> str:
    pre = tok_json.get("pre_tokenizer") or {}
    parts = pre.get("pretokenizers", [pre]) if pre.get("type") == "Sequence" else [pre]
    types = [p.get("type") for p in parts]
    regex = [p.get("pattern", {}).get("Regex") for p in parts if p.get("type") == "Split"]
    if regex == [_QWEN2_SPLIT] and types == ["Split", "ByteLevel"]:
        return "qwen2"
    if regex == [_LLAMA3_SPLIT] and types == ["Split", "ByteLevel"]:
        return "llama-bpe"
    if types == ["Digits", "ByteLevel"] and parts[0].get("individual_digits"):
        return "smollm"
    if types == ["ByteLevel"] and parts[0].get("use_regex", True):
        return "gpt-2"
    raise ExportError(f"unknown pre-tokenizer {json.dumps(pre)[:200]}; bring the model's GGUF as well")


def tokenizer_fields(model_dir: Path) -> list[MetaField]:
    """tokenizer.* GGUF fields from tokenizer.json + tokenizer_config.json (byte-level BPE only)."""
    import gguf

    model_dir = Path(model_dir)
    V = gguf.GGUFValueType
    tj_path = model_dir / "tokenizer.json"
    if not tj_path.is_file():
        raise ExportError(f"{model_dir} has no tokenizer.json; bring the model's GGUF as well")
    try:
        tok_json = json.loads(tj_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExportError(f"cannot read {tj_path}: {exc}") from None
    model = tok_json.get("model") or {}
    if model.get("type") != "BPE" or model.get("byte_fallback"):
        raise ExportError(
            f"{tj_path} is not a byte-level BPE tokenizer (SentencePiece-style, e.g. Gemma); "
            "bring the model's GGUF as well")
    pre = _pre_tokenizer(tok_json)
    vocab: dict[str, int] = dict(model["vocab"])
    added = {t["content"]: t for t in tok_json.get("added_tokens", [])}
    for content, t in added.items():
        vocab[content] = t["id"]
    n = max(vocab.values()) + 1
    by_id: dict[int, str] = {i: s for s, i in vocab.items()}
    tokens, types = [], []
    for i in range(n):
        if i not in by_id:  # holes in the id space: llama.cpp needs one entry per id
            tokens.append(f"[PAD{i}]")
            types.append(_USER_DEFINED)
            continue
        s = by_id[i]
        tokens.append(s)
        if s in added:
            types.append(_CONTROL if added[s].get("special") else _USER_DEFINED)
        else:
            types.append(_NORMAL)
    merges = [m if isinstance(m, str) else " ".join(m) for m in model.get("merges", [])]
    fields = [
        MetaField("tokenizer.ggml.model", V.STRING, "gpt2"),
        MetaField("tokenizer.ggml.pre", V.STRING, pre),
        MetaField("tokenizer.ggml.tokens", V.ARRAY, tokens, V.STRING),
        MetaField("tokenizer.ggml.token_type", V.ARRAY, types, V.INT32),
        MetaField("tokenizer.ggml.merges", V.ARRAY, merges, V.STRING),
    ]
    cfg: dict[str, Any] = {}
    cfg_path = model_dir / "tokenizer_config.json"
    if cfg_path.is_file():
        cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    template = cfg.get("chat_template")
    if template is None and (model_dir / "chat_template.jinja").is_file():
        template = (model_dir / "chat_template.jinja").read_text(encoding="utf-8")
    if isinstance(template, list):  # named templates: llama.cpp serves the default one
        template = next((t["template"] for t in template if t.get("name") == "default"), None)
    for key, gg in (("bos_token", "bos"), ("eos_token", "eos"), ("unk_token", "unk"), ("pad_token", "padding")):
        value = cfg.get(key)
        if isinstance(value, dict):
            value = value.get("content")
        if value and value in vocab:
            fields.append(MetaField(f"tokenizer.ggml.{gg}_token_id", V.UINT32, int(vocab[value])))
    for key, gg in (("add_bos_token", "add_bos_token"), ("add_eos_token", "add_eos_token")):
        if key in cfg and cfg[key] is not None:
            fields.append(MetaField(f"tokenizer.ggml.{gg}", V.BOOL, bool(cfg[key])))
    if template:
        fields.append(MetaField("tokenizer.chat_template", V.STRING, str(template)))
    return fields


# ---------------------------------------------------------------------------------------------
# the whole folder


def is_hf_folder(path: Path) -> bool:
    path = Path(path)
    return path.is_dir() and (path / "config.json").is_file()


def load_hf(model_dir: Path):
    """(model, tokenizer) in fp32 from an HF folder, offline."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model_dir = Path(model_dir)
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(str(model_dir), dtype=torch.float32, local_files_only=True)
    except (OSError, ValueError, KeyError, RuntimeError, TypeError) as exc:
        raise ExportError(f"transformers cannot load the model folder {model_dir}: {str(exc).splitlines()[0][:300]}") from None
    model.eval()
    return model, tokenizer


def convert_folder(model_dir: Path, out_path: Path, *, outtype: str = "f16", name: str | None = None) -> Path:
    """Write `out_path`, a GGUF of the HF folder `model_dir`; checks llama.cpp tokenizes like HF."""
    from finetune.export import write_gguf

    model_dir = Path(model_dir)
    tok_fields = tokenizer_fields(model_dir)  # fails fast, before loading any weights
    model, tokenizer = load_hf(model_dir)
    tok_fields = _with_special_flags(tok_fields, tokenizer)
    state = model.state_dict()
    base = describe(model.config, {k: tuple(v.shape) for k, v in state.items()}, tok_fields,
                    name=name or model_dir.name, path=model_dir)
    out = write_gguf(base, state, Path(out_path), outtype=outtype)
    try:
        check_tokenizer(out, tokenizer)
    except ExportError:
        out.unlink(missing_ok=True)
        raise
    return out


def _with_special_flags(fields: list[MetaField], tokenizer) -> list[MetaField]:
    """add_bos/add_eos as the HF tokenizer really behaves (its post-processor decides, whatever
    tokenizer_config.json says), so llama.cpp adds the same special tokens to a prompt."""
    import gguf

    ids = tokenizer.encode("a", add_special_tokens=True)
    plain = tokenizer.encode("a", add_special_tokens=False)
    bos = tokenizer.bos_token_id is not None and len(ids) > len(plain) and ids[0] == tokenizer.bos_token_id
    eos = tokenizer.eos_token_id is not None and len(ids) > len(plain) and ids[-1] == tokenizer.eos_token_id
    keep = [f for f in fields if f.key not in ("tokenizer.ggml.add_bos_token", "tokenizer.ggml.add_eos_token")]
    V = gguf.GGUFValueType
    return keep + [MetaField("tokenizer.ggml.add_bos_token", V.BOOL, bool(bos)),
                   MetaField("tokenizer.ggml.add_eos_token", V.BOOL, bool(eos))]


def check_tokenizer(gguf_path: Path, hf_tokenizer, text: str = CHECK_TEXT) -> None:
    """llama.cpp (vocab only) must split `text` into the very ids the HF tokenizer does."""
    import llama_cpp

    from finetune.gguf_io import quiet_stderr

    with quiet_stderr():
        llm = llama_cpp.Llama(model_path=str(gguf_path), vocab_only=True, verbose=False)
    try:
        # add_bos=True lets the file's own add_bos/add_eos flags act, as they will on every prompt.
        got = llm.tokenize(text.encode("utf-8"), add_bos=True, special=False)
    finally:
        llm.close()
    want = hf_tokenizer.encode(text, add_special_tokens=True)
    if list(got) != list(want):
        first = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        raise ExportError(
            f"llama.cpp tokenizes differently from the HF tokenizer of {gguf_path.name} (first difference at token "
            f"{first}); the tokenizer cannot be converted here, bring the model's GGUF as well")
