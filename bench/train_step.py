"""Seconds per LoRA training step, back to back, for the ways a batch can be built.

    nice -n 10 .venv/bin/python -m bench.train_step [--persona lena] [--steps 8] [--variants a,b,...]
    (variants: the names in VARIANTS, or the cycle's step with topN: LoRA on the top N layers only,
    rN: rank N, or both: top12-r8)

Builds the persona's real dataset once (index -> facts -> examples, cached under --cache), then
for each variant trains `--steps` steps on the same examples with 2 torch threads and
OMP_WAIT_POLICY=PASSIVE, and prints a table: median seconds per step, tokens the model computed
per step, examples per second. Variants run interleaved (round-robin, one step each) on the very
same batches, so they see the same machine load and the same examples; a second table gives the
padding each way of cutting batches leaves over a whole epoch.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

ALL = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
VARIANTS = {
    # name: (TrainConfig overrides, LoRA targets)
    "before": dict(fast=False, targets=["q_proj", "k_proj", "v_proj", "o_proj"]),
    "answer-logits": dict(fast=True, prefix_cache=False, targets=["q_proj", "k_proj", "v_proj", "o_proj"]),
    "after": dict(fast=True, prefix_cache=True, targets=["q_proj", "k_proj", "v_proj", "o_proj"]),
    "after-qv": dict(fast=True, prefix_cache=True, targets=["q_proj", "v_proj"]),
    # the config's targets (attention and MLP): the exact step, and the prefix run without gradient
    "all": dict(fast=True, prefix_cache=True, targets=ALL),
    "all-prefix-nograd": dict(fast=True, prefix_cache=True, prefix_grad=False, targets=ALL),
    "all-no-prefix": dict(fast=True, prefix_cache=False, targets=ALL),
}
# LoRA on the top N decoder layers only (the cycle's step otherwise: all targets, prefix without
# gradient): "top20", "top12", any "topN"; "top0" is all layers.


def variant(name: str) -> dict:
    """A VARIANTS entry, or the cycle's step (all targets, prefix without gradient) with "topN"
    (LoRA on the top N layers) and/or "rN" (rank N) joined by "-": "top12", "r8", "top12-r8"."""
    if name in VARIANTS:
        return dict(VARIANTS[name])
    v = dict(fast=True, prefix_cache=True, prefix_grad=False, targets=ALL)
    for part in name.split("-"):
        if part.startswith("top") and part[3:].isdigit():
            v["layers"] = int(part[3:])
        elif part.startswith("r") and part[1:].isdigit():
            v["rank"] = int(part[1:])
        else:
            raise SystemExit(f"unknown variant {name!r}")
    return v


def build_pairs(persona: Path, cache: Path, max_examples: int) -> tuple[list, list]:
    """(closed-book-or-RAFT example messages, kinds) of the persona's real dataset, cached."""
    f = cache / f"examples-{persona.name}-{max_examples}.json"
    if f.exists():
        data = json.loads(f.read_text())
        return data["messages"], data["kinds"]
    from agent.config import Home
    from agent.chat import open_memory
    from agent.training import _prompts
    from finetune.dataset import build_dataset
    from finetune.units import load_units

    home = Home(cache / f"home-{persona.name}")
    home.ensure()
    settings = home.load_settings()
    settings.notes_dirs = [str(persona / "notes")]
    mem = open_memory(home, settings)
    try:
        mem.index([persona / "notes"])
        units = load_units(mem)
    finally:
        mem.close()
    build = build_dataset(units, _prompts(), seed=0, max_examples=max_examples)
    data = {"messages": [e.messages for e in build.examples], "kinds": [e.kind for e in build.examples]}
    f.write_text(json.dumps(data))
    return data["messages"], data["kinds"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--persona", default="lena")
    ap.add_argument("--steps", type=int, default=8)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--max-examples", type=int, default=800)
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--cache", default="/tmp/anima-train-step")
    ap.add_argument("--dataset", default="", help="a cycle's dataset.jsonl to time instead of building the persona's")
    args = ap.parse_args()

    import torch

    from agent.chat import base_model_path
    from agent.config import Home
    from bench.train import persona_dir
    from finetune.backends import lora_model
    from finetune.train import TrainConfig, TrainState, _batches, encode, render_chat

    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    if args.dataset:
        from finetune.dataset import load_examples
        examples = load_examples(Path(args.dataset))
        messages, kinds = [e.messages for e in examples], [e.kind for e in examples]
    else:
        messages, kinds = build_pairs(persona_dir(args.persona), cache, args.max_examples)
    home = Home.resolve()
    base = base_model_path(home.load_settings(), home)
    names = args.variants.split(",")
    runs = {}
    from transformers import AutoTokenizer

    tok0 = AutoTokenizer.from_pretrained(str(base.parent), gguf_file=base.name, local_files_only=True)
    lengths = [len(encode(tok0, *render_chat(tok0, m), 256)[0]) for m in messages]
    print("\n| batches cut from | padded tokens per epoch | real tokens | padding waste |\n|---|---|---|---|")
    for label, window in (("windows of 16 batches (before)", 16), ("the whole epoch sorted (after)", 0)):
        bs = _batches(lengths, args.batch_size, 0, 0, window)
        padded = sum(max(lengths[i] for i in b) * len(b) for b in bs)
        print(f"| {label} | {padded} | {sum(lengths)} | {padded / sum(lengths) - 1:.1%} |")
    same = _batches(lengths, args.batch_size, 0, 0, 0)  # every variant trains these very batches
    for name in names:
        v = variant(name)
        targets = v.pop("targets")
        rank = v.pop("rank", 16)
        model, tok, _ = lora_model(base, rank=rank, alpha=2 * rank, targets=targets, layers=v.get("layers", 0))
        pairs = [render_chat(tok, m) for m in messages]
        cfg = TrainConfig(batch_size=args.batch_size, lr=1e-3, targets=targets, max_steps=args.steps, rank=rank,
                          alpha=2 * rank, **v)
        runs[name] = TrainState(model, tok, pairs, cfg, batches=same)
    times = {n: [] for n in names}
    tokens = {n: [] for n in names}
    load0 = os.getloadavg()
    for step in range(args.steps):
        for n in names:
            t = time.perf_counter()
            computed = runs[n].step()
            times[n].append(time.perf_counter() - t)
            tokens[n].append(computed)
    load1 = os.getloadavg()
    print(f"load average 1/5/15 min: start {load0[0]:.2f} {load0[1]:.2f} {load0[2]:.2f}, end {load1[0]:.2f} {load1[1]:.2f} {load1[2]:.2f}; "
          f"torch threads {torch.get_num_threads()}; {len(messages)} examples; batch {args.batch_size}; first step dropped")
    print("\n| variant | s/step (median) | min | max | tokens computed/step | examples/s |\n|---|---|---|---|---|---|")
    for n in names:
        ts = times[n][1:] or times[n]
        med = statistics.median(ts)
        print(f"| {n} | {med:.2f} | {min(ts):.2f} | {max(ts):.2f} | {statistics.mean(tokens[n][1:] or tokens[n]):.0f} | {args.batch_size / med:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
