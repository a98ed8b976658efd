"""From trained weights back to files llama.cpp serves: a full GGUF, a quantized GGUF, a LoRA adapter.

The base GGUF is the source of truth for everything that is not a learned weight: its metadata
(tokenizer, chat template, hyper-parameters) is copied field by field, and its tensor list decides
names, order and shapes. Only tensor data comes from the trained model.
"""
from __future__ import annotations

import contextlib
import functools
import logging
import math
from pathlib import Path
from typing import Any, Iterator, Mapping

import numpy as np

from finetune.gguf_io import (
    BaseGGUF,
    ExportError,
    cleanup_on_error,
    finish,
    hf_to_gguf_names,
    new_writer,
    norm_shift,
    permute_qk,
    qk_heads,
    read_base,
    strip_peft_prefix,
    tmp_path_for,
)
from finetune.quantize import quant_types, quantize

__all__ = [
    "ExportError",
    "export_gguf",
    "export_lora_adapter",
    "load_base_model",
    "merged_state_dict",
    "quant_types",
    "quantize",
    "write_gguf",
]

log = logging.getLogger(__name__)

OUTTYPES = ("f16", "f32")
# llama_ftype values written to general.file_type (llama.h: ALL_F32 = 0, MOSTLY_F16 = 1).
_FILE_TYPE = {"f32": 0, "f16": 1}
# GGUF tensors llama.cpp may carry that no HF checkpoint holds (computed constants, not weights):
# copied from the base file as they are.
_CARRIED_OVER = ("rope_freqs.weight",)
_VOCAB_ROWS = ("token_embd.weight", "output.weight")


def load_base_model(base_gguf: Path, hf_dir: Path | None = None):
    """(model, tokenizer) for training, offline: the model's HF folder when there is one (the exact
    weights), else the base GGUF dequantized to fp32 by transformers."""
    if hf_dir is not None:
        from finetune.hf_gguf import load_hf

        return load_hf(Path(hf_dir))
    base_gguf = Path(base_gguf)
    if not base_gguf.is_file():
        raise ExportError(f"base model not found: {base_gguf}")
    where, name = str(base_gguf.parent), base_gguf.name
    with _cached_tensor_name_maps():
        return _load_with_transformers(base_gguf, where, name)


def _load_with_transformers(base_gguf: Path, where: str, name: str):
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(where, gguf_file=name, local_files_only=True)
        config = AutoConfig.from_pretrained(where, gguf_file=name, local_files_only=True)
        if getattr(config, "model_type", "") == "gemma3_text":
            # The GGUF has no query_pre_attn_scalar, so transformers takes its default (256);
            # llama.cpp, which serves the file, scales by 1/sqrt(head_dim). Train what is served.
            config.query_pre_attn_scalar = config.head_dim
        try:
            model = AutoModelForCausalLM.from_pretrained(where, gguf_file=name, config=config, dtype=torch.float32,
                                                         local_files_only=True)
        except TypeError:  # transformers releases before the torch_dtype -> dtype rename
            model = AutoModelForCausalLM.from_pretrained(where, gguf_file=name, config=config,
                                                         torch_dtype=torch.float32, local_files_only=True)
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        raise ExportError(f"transformers cannot load {base_gguf} for training: {exc}") from None
    model.eval()
    return model, tokenizer


@contextlib.contextmanager
def _cached_tensor_name_maps() -> Iterator[None]:
    """Memoize, for the duration of one load, what transformers rebuilds from the same GGUF:
    - gguf's TensorNameMap, built once per module of the model (~400 times for SmolLM2);
    - the GGUFReader of the file, made once each for the tokenizer, the config and the weights:
      each parses every metadata field (SmolLM2's 49k-token vocabulary and merges), ~2/3 of a
      40 s load under load (bench/RESULTS.md, "Closed-book recall, twelfth pass"). The reader is
      a read-only memory map; transformers only reads its fields and tensors.
    transformers imports both from `gguf` at call time, which is what makes this scoped patch
    reach them."""
    import gguf

    original_map, original_reader = gguf.get_tensor_name_map, gguf.GGUFReader
    readers: dict[str, Any] = {}  # read-only readers, by resolved path

    def reader(path, mode="r"):
        if mode != "r":
            return original_reader(path, mode)
        key = str(Path(path).resolve())
        if key not in readers:
            readers[key] = original_reader(path, mode)
        return readers[key]

    gguf.get_tensor_name_map = functools.lru_cache(maxsize=8)(original_map)
    gguf.GGUFReader = reader
    try:
        yield
    finally:
        gguf.get_tensor_name_map, gguf.GGUFReader = original_map, original_reader
        readers.clear()


def merged_state_dict(peft_model) -> dict[str, Any]:
    """HF-named weights of a peft LoRA model with its active adapters merged in, without touching
    the model (merge_and_unload would modify it in place, and training may want to go on)."""
    import torch
    from peft.tuners.lora import LoraLayer

    merged: dict[str, Any] = {}
    with torch.no_grad():
        for name, module in peft_model.named_modules():
            if not isinstance(module, LoraLayer) or not hasattr(module, "base_layer"):
                continue
            clean = strip_peft_prefix(name)
            weight = module.base_layer.weight.detach().clone()
            for adapter in module.active_adapters:
                if adapter in module.lora_A:
                    weight += module.get_delta_weight(adapter).to(weight.dtype)
            merged[clean + ".weight"] = weight
        for key, value in peft_model.state_dict().items():
            if ".lora_" in key:
                continue
            clean = strip_peft_prefix(key).replace(".base_layer.", ".")
            if clean not in merged:
                merged[clean] = value.detach()
    return merged


def _as_numpy(tensor) -> np.ndarray:
    if isinstance(tensor, np.ndarray):
        return tensor.astype(np.float32, copy=False)
    return tensor.detach().to("cpu").float().numpy()


def _mapping(base: BaseGGUF, state_dict: Mapping[str, Any]) -> dict[str, str]:
    """GGUF name -> HF name for every GGUF tensor of the base, refusing gaps and strays."""
    unmerged = [k for k in state_dict if ".lora_" in k or ".base_layer." in k]
    if unmerged:
        raise ExportError(
            f"the state dict holds unmerged LoRA weights (e.g. {unmerged[0]}); "
            "pass finetune.export.merged_state_dict(peft_model) instead"
        )
    by_hf = hf_to_gguf_names(base.arch, base.block_count, state_dict.keys())
    by_gguf: dict[str, str] = {}
    for hf, gg in by_hf.items():
        if gg not in base.tensor_shapes:
            if gg == "output.weight":  # tied embeddings: HF lists lm_head, the base GGUF has none
                continue
            raise ExportError(f"tensor {hf} maps to {gg}, which the base GGUF {base.path.name} does not have")
        if gg in by_gguf:
            raise ExportError(f"tensors {by_gguf[gg]} and {hf} both map to {gg}")
        by_gguf[gg] = hf
    missing = [n for n in base.tensor_shapes if n not in by_gguf and n not in _CARRIED_OVER]
    if missing:
        raise ExportError(
            f"the weights given lack {len(missing)} tensor(s) of the base model, e.g. {missing[:3]}; "
            "pass the full merged state dict (HF names)"
        )
    return by_gguf


def export_gguf(base_gguf: Path, state_dict: Mapping[str, Any], out_path: Path, *, outtype: str = "f16") -> Path:
    """Write a complete GGUF: the base's metadata, `state_dict`'s weights (HF names, LoRA merged).

    outtype "f16" stores matrices as F16 and 1-D tensors (norms, biases) as F32, like llama.cpp's
    converter; "f32" stores everything as F32. Quantize afterwards with `quantize`.
    """
    return write_gguf(read_base(Path(base_gguf)), state_dict, out_path, outtype=outtype)


def write_gguf(base: BaseGGUF, state_dict: Mapping[str, Any], out_path: Path, *, outtype: str = "f16") -> Path:
    """export_gguf for a base description already in memory (finetune.tiny builds one from a config)."""
    import gguf

    outtype = outtype.lower()
    if outtype not in OUTTYPES:
        raise ExportError(f"unknown outtype {outtype!r}; choose one of {', '.join(OUTTYPES)} and quantize afterwards")
    by_gguf = _mapping(base, state_dict)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp_path_for(out_path)
    overrides = {"general.file_type": (_FILE_TYPE[outtype], gguf.GGUFValueType.UINT32)}
    with cleanup_on_error(tmp):
        writer = new_writer(tmp, base, overrides=overrides)
        carried = _carried_tensors(base, by_gguf)
        for gg_name, shape in base.tensor_shapes.items():  # the base's order: llama.cpp does not care, diffs do
            if gg_name in carried:
                writer.add_tensor(gg_name, carried[gg_name])
                continue
            data = _as_numpy(state_dict[by_gguf[gg_name]])
            if gg_name in _VOCAB_ROWS and data.shape[0] > shape[0] and data.shape[1:] == shape[1:]:
                # HF checkpoints may pad the vocabulary past the tokenizer (Gemma 3 does); the GGUF
                # keeps one row per real token, as llama.cpp's converter writes it.
                data = data[: shape[0]]
            if data.shape != shape:
                raise ExportError(f"{by_gguf[gg_name]} has shape {tuple(data.shape)}, the base's {gg_name} has {shape}")
            heads = qk_heads(base, gg_name)
            if heads:
                data = permute_qk(data, heads)
            shift = norm_shift(base.arch, gg_name)
            if shift:
                data = data + np.float32(shift)
            if outtype == "f16" and data.ndim >= 2:
                data = data.astype(np.float16)
            writer.add_tensor(gg_name, np.ascontiguousarray(data))
        finish(writer, tmp, out_path)
    return out_path


def _carried_tensors(base: BaseGGUF, by_gguf: dict[str, str]) -> dict[str, np.ndarray]:
    wanted = [n for n in _CARRIED_OVER if n in base.tensor_shapes and n not in by_gguf]
    if not wanted:
        return {}
    import gguf

    reader = gguf.GGUFReader(str(base.path))
    out = {}
    for t in reader.tensors:
        if t.name in wanted:
            out[t.name] = np.array(t.data, dtype=np.float32).reshape(base.tensor_shapes[t.name])
    return out


def _lora_pairs(state: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """{HF weight name: {"A": tensor, "B": tensor}} from a peft LoRA state dict."""
    pairs: dict[str, dict[str, Any]] = {}
    for key, value in state.items():
        if "lora_embedding" in key or "modules_to_save" in key or key.endswith(".lora_magnitude_vector"):
            raise ExportError(f"cannot export {key} as a llama.cpp adapter: only LoRA on linear layers is supported")
        for part, slot in ((".lora_A.", "A"), (".lora_B.", "B")):
            if part in key:
                module = key.split(part)[0]
                pairs.setdefault(strip_peft_prefix(module) + ".weight", {})[slot] = value
                break
        else:
            if key.endswith(".bias") and "lora" in key:
                raise ExportError(f"cannot export LoRA bias {key} as a llama.cpp adapter")
    for name, pair in pairs.items():
        if set(pair) != {"A", "B"}:
            raise ExportError(f"LoRA weights for {name} are incomplete (need both lora_A and lora_B)")
    return pairs


def _peft_alpha(peft_model) -> float:
    config = next(iter(peft_model.peft_config.values()))
    if getattr(config, "alpha_pattern", None):
        raise ExportError("LoRA with per-module alpha (alpha_pattern) cannot be exported as one llama.cpp adapter")
    alpha = float(config.lora_alpha)
    if getattr(config, "use_rslora", False):
        if getattr(config, "rank_pattern", None):
            raise ExportError("rsLoRA with per-module ranks cannot be exported as a llama.cpp adapter")
        # llama.cpp scales by alpha / r; rsLoRA means alpha / sqrt(r), so fold sqrt(r) into alpha.
        alpha *= math.sqrt(config.r)
    return alpha


def export_lora_adapter(peft_model_or_state, base_gguf: Path, out_path: Path, *, alpha: float | None = None,
                        outtype: str = "f32") -> Path:
    """Write a llama.cpp LoRA adapter GGUF (load it with llama_cpp.Llama(lora_path=...)).

    `peft_model_or_state` is a peft model, or its LoRA state dict (then `alpha` is required).
    Tensors are named "<gguf weight name>.lora_a" / ".lora_b"; in numpy (row-major) terms A is
    [rank, n_in] and B is [n_out, rank], exactly peft's layout, and llama.cpp applies
    W x + (alpha / rank) * B (A x). For llama q/k weights, B's rows get the same permutation the
    merged weight would get, because permuting rows of B @ A is permuting rows of B.
    """
    import gguf

    if isinstance(peft_model_or_state, Mapping):
        if alpha is None:
            raise ExportError("export_lora_adapter needs alpha= when given a state dict rather than a peft model")
        state = peft_model_or_state
    else:
        from peft import get_peft_model_state_dict

        state = get_peft_model_state_dict(peft_model_or_state, save_embedding_layers=False)
        if alpha is None:
            alpha = _peft_alpha(peft_model_or_state)
    outtype = outtype.lower()
    if outtype not in OUTTYPES:
        raise ExportError(f"unknown outtype {outtype!r}; choose one of {', '.join(OUTTYPES)}")
    pairs = _lora_pairs(state)
    if not pairs:
        raise ExportError("no LoRA weights found to export")
    base = read_base(Path(base_gguf))
    names = hf_to_gguf_names(base.arch, base.block_count, pairs.keys())
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp_path_for(out_path)
    with cleanup_on_error(tmp):
        writer = gguf.GGUFWriter(str(tmp), base.arch)
        writer.add_string("general.type", "adapter")
        writer.add_string("adapter.type", "lora")
        writer.add_float32("adapter.lora.alpha", float(alpha))
        for hf_name, pair in sorted(pairs.items(), key=lambda kv: _order(names.get(kv[0], ""), base)):
            gg = names.get(hf_name)
            if gg is None or gg not in base.tensor_shapes:
                raise ExportError(f"LoRA target {hf_name} has no matching tensor in the base GGUF {base.path.name}")
            a, b = _as_numpy(pair["A"]), _as_numpy(pair["B"])
            n_out, n_in = base.tensor_shapes[gg]
            if a.ndim != 2 or b.ndim != 2 or a.shape[1] != n_in or b.shape[0] != n_out or a.shape[0] != b.shape[1]:
                raise ExportError(f"LoRA shapes for {hf_name} (A {a.shape}, B {b.shape}) do not fit {gg} {(n_out, n_in)}")
            heads = qk_heads(base, gg)
            if heads:
                b = permute_qk(b, heads)
            dtype = np.float16 if outtype == "f16" else np.float32
            writer.add_tensor(gg + ".lora_a", np.ascontiguousarray(a.astype(dtype)))
            writer.add_tensor(gg + ".lora_b", np.ascontiguousarray(b.astype(dtype)))
        finish(writer, tmp, out_path)
    return out_path


def _order(gguf_name: str, base: BaseGGUF) -> int:
    names = list(base.tensor_shapes)
    return names.index(gguf_name) if gguf_name in base.tensor_shapes else len(names)
