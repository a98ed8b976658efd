"""The user's own model, per architecture: HF folder -> GGUF -> quantized -> loaded, and how close
llama.cpp's logits stay to transformers' at each step.

    .venv/bin/python -m bench.models_add [--hidden 256] [--layers 6] [--out bench/out/models_add]

Builds random models of each family (qwen2, gemma3, llama) from configs with SmolLM2's 49k
vocabulary (no Qwen or Gemma weights ship in any package reachable here), exports each to an F16
GGUF, quantizes to Q8_0 and Q4_K_M, and prints wall/CPU seconds and the logits' max/mean error
relative to their spread. qwen2 also goes the `anima models add` way (HF folder -> GGUF with a
tokenizer check); gemma3's tokenizer is SentencePiece in real life, so it is exported from its
state dict like a training run does.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

PROMPT = b"My cat is called Miso and my sister lives in Porto, where she teaches cello on Tuesdays."


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(fn):
    wall, cpu = time.perf_counter(), _cpu()
    out = fn()
    return out, round(time.perf_counter() - wall, 2), round(_cpu() - cpu, 2)


def logits_error(path: Path, model) -> tuple[float, float]:
    import llama_cpp
    import numpy as np
    import torch

    llm = llama_cpp.Llama(model_path=str(path), n_ctx=128, logits_all=True, verbose=False)
    try:
        tokens = llm.tokenize(PROMPT)
        llm.eval(tokens)
        got = np.array(llm.scores[: len(tokens)], dtype=np.float32)
    finally:
        llm.close()
    with torch.no_grad():
        want = model(torch.tensor([tokens])).logits[0].numpy()
    diff = np.abs(got - want) / float(want.std())
    return round(float(diff.max()), 4), round(float(diff.mean()), 4)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--layers", type=int, default=6)
    parser.add_argument("--out", type=Path, default=Path("bench/out/models_add"))
    args = parser.parse_args()

    from agent.llm import bundled_chat_model
    from finetune.export import quantize, write_gguf
    from finetune.hf_gguf import convert_folder
    from finetune.tiny import base_description, tiny_model, write_tiny_hf

    src = bundled_chat_model()
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    size = dict(hidden=args.hidden, layers=args.layers, heads=4, kv_heads=2, intermediate=args.hidden * 3)
    rows = []
    for arch in ("qwen2", "gemma3", "llama"):
        if arch == "qwen2":
            folder, model = write_tiny_hf(args.out / "qwen2-hf", tokenizer_from=src, arch="qwen2", seed=1, **size)
            f16, wall, cpu = timed(lambda: convert_folder(folder, args.out / "qwen2-f16.gguf", outtype="f16"))
            how = "HF folder -> GGUF (tokenizer checked)"
        else:
            from finetune.gguf_io import read_base

            n_vocab = len(read_base(src).get("tokenizer.ggml.tokens"))
            model = tiny_model(arch, vocab_size=n_vocab, seed=1, **size)
            base = base_description(model, src)

            f16, wall, cpu = timed(lambda: write_gguf(base, model.state_dict(), args.out / f"{arch}-f16.gguf", outtype="f16"))
            how = "state dict -> GGUF"
        n_params = sum(p.numel() for p in model.parameters())
        rows.append((arch, f"{n_params / 1e6:.1f}M", how, "F16", wall, cpu, f16.stat().st_size / 1e6, *logits_error(f16, model)))
        for q in ("Q8_0", "Q4_K_M"):
            out, wall, cpu = timed(lambda: quantize(f16, args.out / f"{arch}-{q}.gguf", q))
            rows.append((arch, "", "quantize", q, wall, cpu, out.stat().st_size / 1e6, *logits_error(out, model)))
    print("| arch | params | step | type | wall s | cpu s | MB | max err | mean err |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]:.1f} | {r[7]} | {r[8]} |")
    print("errors: |llama.cpp - transformers| / std(transformers logits), over every position of the prompt")


if __name__ == "__main__":
    main()
