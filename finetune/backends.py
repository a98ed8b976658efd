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


def load_base(base_gguf: Path, hf_dir: Path | None = None):
    """(model, tokenizer) in fp32: from the model's HF folder when given, else the GGUF dequantized."""
    from finetune.export import load_base_model

    return load_base_model(Path(base_gguf), Path(hf_dir) if hf_dir else None)


def top_layers(n_layers: int, layers: int) -> list[int] | None:
    """The decoder layers LoRA goes on: the top `layers` of `n_layers` (None: all of them, when
    `layers` is 0 or not fewer than the model has)."""
    if layers <= 0 or layers >= n_layers:
        return None
    return list(range(n_layers - layers, n_layers))


def lora_model(base_gguf: Path, *, rank: int, alpha: int, targets: list[str], backend: str = "peft", seed: int = 0,
               hf_dir: Path | None = None, layers: int = 0):
    """(peft model, tokenizer, backend used) ready to train.

    `layers`: LoRA only on the top this many decoder layers (0: all). Nothing below the lowest
    adapted layer needs a gradient, so the backward pass stops there and a step costs less.

    `hf_dir`: the base model's Hugging Face folder (what the user brought with `anima models add`);
    without it the weights come from dequantizing `base_gguf`. Export always uses `base_gguf` for
    the metadata, names and shapes of the result.
    """
    import torch

    torch.manual_seed(seed)
    if backend == "unsloth":
        return (*_unsloth_model(base_gguf, rank=rank, alpha=alpha, targets=targets, seed=seed, hf_dir=hf_dir,
                                layers=layers), "unsloth")
    from peft import LoraConfig, get_peft_model

    model, tok = load_base(base_gguf, hf_dir)
    chosen = top_layers(int(model.config.num_hidden_layers), layers)
    config = LoraConfig(r=rank, lora_alpha=alpha, target_modules=list(targets), lora_dropout=0.0, bias="none",
                        task_type="CAUSAL_LM", layers_to_transform=chosen)
    return get_peft_model(model, config), tok, "peft"


def _unsloth_model(base_gguf: Path, *, rank: int, alpha: int, targets: list[str], seed: int, hf_dir: Path | None = None,
                   layers: int = 0):
    # Never run here (no CUDA machine in this project's CI): kept importable only behind
    # select_backend()'s capability check. unsloth cannot read GGUF: it loads the user's HF folder
    # when there is one, else a folder saved from the dequantized GGUF.
    import unsloth  # noqa: F401  (only reached when select_backend() saw a CUDA device)
    from unsloth import FastLanguageModel

    if hf_dir is None:
        model, tok = load_base(base_gguf)
        tmp = Path(tempfile.mkdtemp(prefix="anima-unsloth-"))
        model.save_pretrained(tmp)
        tok.save_pretrained(tmp)
        del model
        hf_dir = tmp
    # fp32/bf16 weights, no 4-bit: the merged result is exported to GGUF like the peft one.
    model, tok = FastLanguageModel.from_pretrained(str(hf_dir), load_in_4bit=False, dtype=None)
    model = FastLanguageModel.get_peft_model(model, r=rank, lora_alpha=alpha, target_modules=list(targets),
                                             lora_dropout=0.0, bias="none", random_state=seed,
                                             layers_to_transform=top_layers(int(model.config.num_hidden_layers), layers))
    return model, tok
