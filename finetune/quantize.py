"""Quantize a GGUF with llama.cpp's own quantizer, called in-process through llama-cpp-python."""
from __future__ import annotations

import ctypes
import os
from pathlib import Path

from finetune.gguf_io import ExportError, cleanup_on_error, quiet_stderr, tmp_path_for


def quant_types() -> dict[str, int]:
    """Every quantization this llama.cpp build offers, by its usual name ("Q8_0", "Q4_K_M", "F16"...)."""
    import llama_cpp

    prefix = "LLAMA_FTYPE_MOSTLY_"
    found = {name[len(prefix):]: int(getattr(llama_cpp, name)) for name in dir(llama_cpp) if name.startswith(prefix)}
    if hasattr(llama_cpp, "LLAMA_FTYPE_ALL_F32"):
        found["F32"] = int(llama_cpp.LLAMA_FTYPE_ALL_F32)
    return found


def quantize(in_gguf: Path, out_gguf: Path, qtype: str = "Q8_0", *, threads: int = 0) -> Path:
    """Write `out_gguf`, a `qtype` quantization of `in_gguf` (an F16/F32 GGUF); returns its path.

    The result appears under its final name only once complete (written aside, then renamed).
    """
    in_gguf, out_gguf = Path(in_gguf), Path(out_gguf)
    types = quant_types()
    key = qtype.strip().upper()
    if key not in types:
        raise ExportError(f"unknown quantization type {qtype!r}; choose one of: {', '.join(sorted(types))}")
    if not in_gguf.is_file():
        raise ExportError(f"cannot quantize: input GGUF not found: {in_gguf}")
    if in_gguf.resolve() == out_gguf.resolve():
        raise ExportError("quantize needs an output path different from its input")

    import llama_cpp

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = types[key]
    params.nthread = threads or (os.cpu_count() or 1)
    out_gguf.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp_path_for(out_gguf)
    with cleanup_on_error(tmp):
        with quiet_stderr():
            rc = llama_cpp.llama_model_quantize(str(in_gguf).encode(), str(tmp).encode(), ctypes.byref(params))
        if rc != 0 or not tmp.is_file():
            raise ExportError(f"llama.cpp failed to quantize {in_gguf} to {key} (code {rc}); is it a valid F16/F32 GGUF?")
        os.replace(tmp, out_gguf)
    return out_gguf
