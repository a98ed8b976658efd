"""Export benchmark on the demo model: load, export, quantize and adapter times and sizes.

    .venv/bin/python -m bench.export [--out bench/out/export]

Loads SmolLM2-135M from its bundled GGUF with transformers, adds an untrained-looking LoRA
(random A and B, rank/alpha/targets from the default [train] settings), then times each step a
training cycle runs after training. Prints a table; numbers vary with machine load, so it also
reports CPU seconds, which do not.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


class Timer:
    def __init__(self):
        self.rows: list[dict] = []

    def run(self, step: str, fn, size_of=None):
        wall, cpu = time.perf_counter(), _cpu()
        result = fn()
        row = {"step": step, "wall_s": round(time.perf_counter() - wall, 2), "cpu_s": round(_cpu() - cpu, 2)}
        if size_of is not None:
            row["size_mb"] = round(Path(size_of(result)).stat().st_size / 1e6, 1)
        self.rows.append(row)
        return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench/out/export", help="folder for the files written")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from peft import LoraConfig, get_peft_model

    from agent.config import TrainSettings
    from agent.llm import bundled_chat_model
    from finetune.export import export_gguf, export_lora_adapter, load_base_model, merged_state_dict, quantize
    base = bundled_chat_model()
    train = TrainSettings()
    t = Timer()
    model, _ = t.run("load base (transformers, fp32)", lambda: load_base_model(base))
    config = LoraConfig(r=train.rank, lora_alpha=train.alpha, target_modules=train.targets, init_lora_weights=False)
    peft_model = get_peft_model(model, config)
    state = t.run("merge LoRA (state dict)", lambda: merged_state_dict(peft_model))
    f16 = t.run("export GGUF f16", lambda: export_gguf(base, state, out / "model-f16.gguf"), size_of=lambda p: p)
    t.run("quantize Q8_0", lambda: quantize(f16, out / "model-q8_0.gguf", "Q8_0"), size_of=lambda p: p)
    t.run("quantize Q4_K_M", lambda: quantize(f16, out / "model-q4_k_m.gguf", "Q4_K_M"), size_of=lambda p: p)
    t.run(f"export LoRA adapter (r={train.rank}, f32)", lambda: export_lora_adapter(peft_model, base, out / "adapter.gguf"),
          size_of=lambda p: p)

    import llama_cpp

    def load_and_decode(path, lora=None):
        kwargs = {"lora_path": str(lora)} if lora else {}
        llm = llama_cpp.Llama(model_path=str(path), n_ctx=256, verbose=False, **kwargs)
        llm("The capital of France is", max_tokens=16, temperature=0)
        llm.close()

    t.run("llama.cpp load+16 tokens, Q8_0", lambda: load_and_decode(out / "model-q8_0.gguf"))
    t.run("llama.cpp load+16 tokens, base+adapter", lambda: load_and_decode(base, out / "adapter.gguf"))

    print(f"base: {base.name} ({base.stat().st_size / 1e6:.1f} MB), cores: {os.cpu_count()}, "
          f"load average: {os.getloadavg()[0]:.1f}")
    print(f"{'step':42} {'wall s':>7} {'cpu s':>7} {'size MB':>8}")
    for row in t.rows:
        print(f"{row['step']:42} {row['wall_s']:>7.2f} {row['cpu_s']:>7.2f} {row.get('size_mb', ''):>8}")
    (out / "export_bench.json").write_text(json.dumps(t.rows, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
