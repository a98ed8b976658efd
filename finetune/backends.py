"""Where LoRA training runs: peft on the CPU (always available), unsloth on a CUDA GPU.

unsloth patches torch and transformers when imported and fails without a GPU, so it is imported
only after a real capability check (torch sees a CUDA device AND the package is installed). The
CPU path never imports it. Both back-ends hand back the same thing: a peft model over the base
model plus its tokenizer, so training, merging and export do not care which one ran.
"""
from __future__ import annotations

import importlib.util
import logging
import tempfile
from pathlib import Path

log = logging.getLogger("anima.finetune")


def cuda_available() -> bool:
    import torch

    return bool(torch.cuda.is_available())


def unsloth_installed() -> bool:
    return importlib.util.find_spec("unsloth") is not None


def select_backend(prefer: str = "auto") -> str:
    """"unsloth" when a CUDA device and the package both exist (or when asked and possible), else "peft"."""
    if prefer not in ("auto", "peft", "unsloth"):
        raise ValueError(f"unknown training back-end {prefer!r} (auto, peft or unsloth)")
    if prefer == "peft":
        return "peft"
    ok = cuda_available() and unsloth_installed()
    if prefer == "unsloth" and not ok:
        raise RuntimeError("the unsloth back-end needs a CUDA GPU and `pip install unsloth`; use the peft back-end on this machine")
    return "unsloth" if ok else "peft"


def load_base(base_gguf: Path):
    """(model, tokenizer) in fp32 from a GGUF file, through the export helper when present."""
    try:
        from finetune.export import load_base_model
    except ImportError:  # export module not there: same loading, done here
        load_base_model = None
    if load_base_model is not None:
        return load_base_model(Path(base_gguf))
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    base_gguf = Path(base_gguf)
    tok = AutoTokenizer.from_pretrained(str(base_gguf.parent), gguf_file=base_gguf.name)
    model = AutoModelForCausalLM.from_pretrained(str(base_gguf.parent), gguf_file=base_gguf.name, torch_dtype=torch.float32)
    return model, tok


def lora_model(base_gguf: Path, *, rank: int, alpha: int, targets: list[str], backend: str = "peft", seed: int = 0):
    """(peft model, tokenizer, backend used) ready to train."""
    import torch

    torch.manual_seed(seed)
    if backend == "unsloth":
        return (*_unsloth_model(base_gguf, rank=rank, alpha=alpha, targets=targets, seed=seed), "unsloth")
    from peft import LoraConfig, get_peft_model

    model, tok = load_base(base_gguf)
    config = LoraConfig(r=rank, lora_alpha=alpha, target_modules=list(targets), lora_dropout=0.0, bias="none",
                        task_type="CAUSAL_LM")
    return get_peft_model(model, config), tok, "peft"


def _unsloth_model(base_gguf: Path, *, rank: int, alpha: int, targets: list[str], seed: int):
    # unsloth cannot read GGUF: dequantize with transformers, save a HF folder, let unsloth load it.
    import unsloth  # noqa: F401  (only reached when select_backend() saw a CUDA device)
    from unsloth import FastLanguageModel

    model, tok = load_base(base_gguf)
    tmp = Path(tempfile.mkdtemp(prefix="anima-unsloth-"))
    model.save_pretrained(tmp)
    tok.save_pretrained(tmp)
    del model
    model, tok2 = FastLanguageModel.from_pretrained(str(tmp), load_in_4bit=False, dtype=None)
    model = FastLanguageModel.get_peft_model(model, r=rank, lora_alpha=alpha, target_modules=list(targets),
                                             lora_dropout=0.0, bias="none", random_state=seed)
    return model, tok
