"""Reading and writing GGUF files with the `gguf` package, without any llama.cpp binary.

Three jobs, kept here so export.py reads as the recipe it is:
- copy every metadata field of a base GGUF (tokenizer, chat template, hyper-parameters) exactly,
  typed as the base typed it, so llama.cpp sees the same model description;
- translate Hugging Face tensor names to GGUF names through gguf's own TensorNameMap;
- the per-architecture differences between HF checkpoints and GGUF weights: the q/k row order of
  llama (see `permute_qk`) and the RMSNorm offset of the Gemma family (see `norm_shift`).
"""
from __future__ import annotations

import contextlib
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import numpy as np


class ExportError(Exception):
    """A model or adapter that cannot be exported; the message says what is wrong and how to fix it."""


# Keys the writer produces itself: the GGUF.* pseudo-keys are the reader's view of the file header,
# and GGUFWriter(path, arch) writes general.architecture on its own.
_HEADER_KEYS = ("GGUF.version", "GGUF.tensor_count", "GGUF.kv_count")
_WRITER_OWNED = {"general.architecture", *_HEADER_KEYS}

# Architectures whose HF q/k projection rows are in a different order from GGUF (llama.cpp's
# converter permutes them for these; qwen2 and most newer families keep HF order).
_PERMUTED_QK = {"llama"}
# Gemma's RMSNorm computes x * (1 + w) and HF stores w; llama.cpp computes x * w, so its converter
# writes w + 1 for every norm weight (transformers' GGUF loader subtracts the 1 again). Gemma 3n
# does not follow this, and is not listed. Gemma's embedding scaling by sqrt(hidden) is done by
# both runtimes in the graph, so the embedding itself is stored unchanged.
_NORM_PLUS_ONE = {"gemma", "gemma2", "gemma3"}
# HF `model_type` -> GGUF architecture, for the families export supports end to end.
# ("gemma3" is the multimodal Gemma 3 wrapper: its text model is not trained here.)
HF_TO_GGUF_ARCH = {"llama": "llama", "qwen2": "qwen2", "gemma3_text": "gemma3"}


@dataclass
class MetaField:
    key: str
    vtype: Any  # gguf.GGUFValueType
    value: Any
    sub_type: Any = None  # element type of an ARRAY


@dataclass
class BaseGGUF:
    """What export needs from the base model file: its architecture, metadata and tensor layout."""

    path: Path
    arch: str
    fields: list[MetaField]
    tensor_shapes: dict[str, tuple[int, ...]]  # GGUF name -> numpy shape (HF row-major order)
    tensor_types: dict[str, Any] = field(default_factory=dict)  # GGUF name -> GGMLQuantizationType

    def get(self, key: str, default: Any = None) -> Any:
        for f in self.fields:
            if f.key == key:
                return f.value
        return default

    @property
    def block_count(self) -> int:
        return int(self.get(f"{self.arch}.block_count", 0))

    @property
    def n_head(self) -> int:
        return int(self.get(f"{self.arch}.attention.head_count"))

    @property
    def n_head_kv(self) -> int:
        return int(self.get(f"{self.arch}.attention.head_count_kv", self.n_head))


def _field_value(reader_field, vtype, gguf) -> Any:
    """Decode one reader field into Python values (strings as str, numbers as Python scalars).

    Done by hand from `parts`/`data` rather than ReaderField.contents() because that helper only
    exists in recent gguf releases.
    """
    parts, data = reader_field.parts, reader_field.data
    if vtype == gguf.GGUFValueType.STRING:
        return bytes(parts[data[0]]).decode("utf-8")
    if vtype == gguf.GGUFValueType.ARRAY:
        sub = reader_field.types[-1] if len(reader_field.types) > 1 else None
        if sub == gguf.GGUFValueType.STRING:
            return [bytes(parts[i]).decode("utf-8") for i in data]
        if sub == gguf.GGUFValueType.ARRAY:
            raise ExportError(f"metadata field {reader_field.name} holds nested arrays, which export cannot copy")
        return [parts[i].tolist()[0] for i in data]
    value = parts[data[0]].tolist()[0]
    return bool(value) if vtype == gguf.GGUFValueType.BOOL else value


def read_base(path: Path) -> BaseGGUF:
    """Metadata and tensor shapes of a GGUF file (tensor data is not read).

    Cached per (path, size, mtime): parsing SmolLM2's 49k-token vocabulary takes seconds, and one
    training cycle exports the merged model and the adapter from the same base.
    """
    path = Path(path).resolve()
    if not path.is_file():
        raise ExportError(f"base GGUF not found: {path}")
    stat = path.stat()
    return _read_base_cached(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _read_base_cached(path: Path, size: int, mtime_ns: int) -> BaseGGUF:
    import gguf
    try:
        reader = gguf.GGUFReader(str(path))
    except Exception as exc:  # the reader raises ValueError/struct errors on damaged files
        raise ExportError(f"cannot read base GGUF {path}: {exc}") from None
    fields: list[MetaField] = []
    arch = None
    for key, rf in reader.fields.items():
        vtype = rf.types[0] if rf.types else None
        if vtype is None:
            continue
        value = _field_value(rf, vtype, gguf)
        if key == "general.architecture":
            arch = value
        if key in _HEADER_KEYS:
            continue
        sub = rf.types[-1] if vtype == gguf.GGUFValueType.ARRAY else None
        fields.append(MetaField(key, vtype, value, sub))
    if not arch:
        raise ExportError(f"base GGUF {path} has no general.architecture")
    shapes = {t.name: tuple(int(d) for d in reversed(t.shape.tolist())) for t in reader.tensors}
    types = {t.name: t.tensor_type for t in reader.tensors}
    return BaseGGUF(path=path, arch=arch, fields=fields, tensor_shapes=shapes, tensor_types=types)


def model_arch(arch: str):
    """gguf.MODEL_ARCH member for an architecture string such as "llama" or "qwen2"."""
    import gguf

    for member, name in gguf.MODEL_ARCH_NAMES.items():
        if name == arch:
            return member
    raise ExportError(f"unknown GGUF architecture {arch!r}; this gguf package knows {sorted(gguf.MODEL_ARCH_NAMES.values())}")


def hf_to_gguf_names(arch: str, n_blocks: int, hf_names) -> dict[str, str]:
    """Map HF state-dict names to GGUF tensor names; unknown names map to nothing (left out)."""
    import gguf

    tmap = gguf.get_tensor_name_map(model_arch(arch), n_blocks)
    out: dict[str, str] = {}
    for name in hf_names:
        clean = strip_peft_prefix(name)
        mapped = tmap.get_name(clean, try_suffixes=(".weight", ".bias"))
        if mapped is not None:
            out[name] = mapped
    return out


def strip_peft_prefix(name: str) -> str:
    # A PeftModel's state dict nests the HF names under "base_model.model."; accept both.
    for prefix in ("base_model.model.",):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def needs_qk_permute(arch: str) -> bool:
    return arch in _PERMUTED_QK


def permute_qk(weight: np.ndarray, n_head: int) -> np.ndarray:
    """HF row order -> GGUF row order for a llama q or k projection (or a LoRA B matrix of one).

    HF llama checkpoints apply rotary embeddings to the two *halves* of each head
    (rotate_half), while GGUF/llama.cpp rotates *adjacent pairs* of rows. Within each head of
    `d` rows, HF row i (first half) and row i + d/2 (second half) form one rotation pair, and
    GGUF wants them at rows 2i and 2i+1. So: view each head as (2, d/2), swap to (d/2, 2),
    flatten back. For k, `n_head` is the number of kv heads.
    """
    rows = weight.shape[0]
    if rows % (2 * n_head):
        raise ExportError(f"cannot permute a q/k weight with {rows} rows over {n_head} heads")
    half = rows // n_head // 2
    return weight.reshape(n_head, 2, half, *weight.shape[1:]).swapaxes(1, 2).reshape(weight.shape)


def unpermute_qk(weight: np.ndarray, n_head: int) -> np.ndarray:
    """Inverse of permute_qk (GGUF row order -> HF row order)."""
    rows = weight.shape[0]
    half = rows // n_head // 2
    return weight.reshape(n_head, half, 2, *weight.shape[1:]).swapaxes(1, 2).reshape(weight.shape)


def norm_shift(arch: str, gguf_name: str) -> float:
    """What to add to an HF weight to get the GGUF one: 1.0 for a Gemma norm, else 0."""
    return 1.0 if arch in _NORM_PLUS_ONE and gguf_name.endswith("norm.weight") else 0.0


def qk_heads(base: BaseGGUF, gguf_name: str) -> int | None:
    """How many heads to permute over for this tensor, or None when it needs no permutation."""
    if not needs_qk_permute(base.arch) or not gguf_name.endswith(".weight"):
        return None
    if ".attn_q." in gguf_name:
        return base.n_head
    if ".attn_k." in gguf_name:
        return base.n_head_kv
    return None


def new_writer(out_path: Path, base: BaseGGUF, *, overrides: dict[str, tuple[Any, Any]] | None = None,
               skip_prefixes: tuple[str, ...] = ()):
    """A GGUFWriter carrying every metadata field of `base`, with `overrides` {key: (value, vtype)}."""
    import gguf

    writer = gguf.GGUFWriter(str(out_path), base.arch)
    overrides = dict(overrides or {})
    for f in base.fields:
        if f.key in _WRITER_OWNED or f.key.startswith(skip_prefixes):
            continue
        if f.key in overrides:
            value, vtype = overrides.pop(f.key)
            writer.add_key_value(f.key, value, vtype)
            continue
        if f.key == "general.alignment":
            # The writer pads tensor data to its own alignment; keep it equal to what we declare.
            writer.data_alignment = int(f.value)
        if f.vtype == gguf.GGUFValueType.ARRAY:
            _add_array(writer, f, gguf)
        else:
            writer.add_key_value(f.key, f.value, f.vtype)
    for key, (value, vtype) in overrides.items():
        writer.add_key_value(key, value, vtype)
    return writer


def _add_array(writer, f: MetaField, gguf) -> None:
    # Pass the element type explicitly where the writer accepts it: inferring it from the first
    # element would turn e.g. a UINT32 or FLOAT64 array into INT32/FLOAT32.
    try:
        writer.add_key_value(f.key, f.value, f.vtype, sub_type=f.sub_type)
    except TypeError:  # older gguf without sub_type: inference from Python values
        writer.add_key_value(f.key, f.value, f.vtype)


def finish(writer, tmp_path: Path, out_path: Path) -> Path:
    """Write header, metadata and tensors, then move into place so a crash never leaves a half file
    under the final name."""
    try:
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
    finally:
        writer.close()
    os.replace(tmp_path, out_path)
    return out_path


def tmp_path_for(out_path: Path) -> Path:
    return out_path.with_name(out_path.name + f".tmp{os.getpid()}")


@contextlib.contextmanager
def cleanup_on_error(tmp: Path) -> Iterator[None]:
    try:
        yield
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """llama.cpp's quantizer logs every tensor from C to fd 2; keep the terminal readable."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
