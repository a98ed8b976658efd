"""Closed-book recall per CPU-second for LoRA target choices, on a slice of a persona's facts.

    nice -n 10 .venv/bin/python -m bench.train_recall [--persona lena] [--facts 24] [--steps 60]
        [--variants qkvo,qv,all] [--value-weights 1,3]
        [--configs "base;lr=4e-3;rank=32;per_fact=5;batch=4,steps=180;seed=1"]

Trains each variant (same dataset, same batches, the fast step) for --steps steps in this
process, then asks the held-out questions (the second template family, never trained on) greedily
with the trained HF model and counts answers that contain the fact's value. Prints recall, seconds
per step and recall per training minute. The full cycle (bench/train.py) is the real measurement;
this one only compares choices cheaply. Every variant sees the same batches in the same order and a
fixed number of steps, so a pair of variants differs only by the choice (not by the machine's load).

--configs compares other choices the same way: each ';'-separated config overrides the flags'
values with `key=value` pairs (rank, lr, per_fact: phrasings per fact in the dataset, batch,
steps, seed: the dataset's and the batches' seed, targets, vw: value weight, rev: the dataset's
reverse_share, pgrad=0: the shared prompt prefix run without gradient (TrainConfig.prefix_grad),
layers=N: LoRA on the top N decoder layers only (0: all), top=1: reverse examples on top of a fact's forward ones (build_dataset's
reverse_on_top; the cap grows by them, so the dataset is larger); alpha is 2 x rank).

--write-questions / --questions: one tree writes its held-out questions, another (an older
checkout of finetune/, say) asks exactly those, so two data builders are compared on one set.
--dump writes every question's reply per config.
Every config is asked the same held-out questions (those of the flags' own dataset, seed 0): a
config with fewer phrasings per fact trains on a smaller dataset of the same facts, not on other
questions.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

TARGETS = {
    "qkvo": ["q_proj", "k_proj", "v_proj", "o_proj"],
    "qv": ["q_proj", "v_proj"],
    "all": ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
    "mlp": ["gate_proj", "up_proj", "down_proj"],
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--persona", default="lena")
    ap.add_argument("--facts", type=int, default=24)
    ap.add_argument("--per-fact", type=int, default=10)
    ap.add_argument("--steps", type=int, default=60)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--variants", default="qkvo,qv,all")
    ap.add_argument("--value-weights", default="1", help="loss weights of the value's tokens to compare")
    ap.add_argument("--configs", default="", help="';'-separated key=value,... overrides to compare (see the doc)")
    ap.add_argument("--cache", default="/tmp/anima-train-step")
    ap.add_argument("--questions", default="", help="ask these held-out questions (a --write-questions file) instead of the dataset's own")
    ap.add_argument("--write-questions", default="", help="write the dataset's held-out questions here (JSON) for another tree's --questions")
    ap.add_argument("--general", action="store_true",
                    help="also ask the gate's 60 general questions (before training once, after every config)")
    ap.add_argument("--dump", default="", help="write every held-out question, its answers and each config's reply here (JSON)")
    args = ap.parse_args()

    import torch

    from agent.chat import base_model_path, open_memory
    from agent.config import Home
    from agent.training import _prompts
    from bench.train import persona_dir
    from finetune.backends import lora_model
    from finetune.dataset import build_dataset
    from finetune.facts import extract_facts
    from finetune.train import TrainConfig, TrainState, render_chat
    from finetune.units import load_units

    persona = persona_dir(args.persona)
    home = Home(Path(args.cache) / f"home-{persona.name}")
    home.ensure()
    settings = home.load_settings()
    settings.notes_dirs = [str(persona / "notes")]
    mem = open_memory(home, settings)
    try:
        if not mem.stats().chunks:
            mem.index([persona / "notes"])
        units = load_units(mem)
    finally:
        mem.close()
    facts = extract_facts(units)
    rng = random.Random(0)
    facts = rng.sample(facts, min(args.facts, len(facts)))
    prompts = _prompts()

    def build_for(per_fact: int, seed: int, rev: float | None = None, top: float = 0.0):
        # a fresh copy of the facts: build_dataset filters their phrasings in place
        fs = [f.model_copy(deep=True) for f in facts]
        extra = {} if rev is None else {"reverse_share": rev}
        cap = int(len(fs) * per_fact / 0.92) + 16
        if top:
            # reverse examples on top of the forward ones: the cap grows by them, so every fact keeps
            # the same forward phrasings and the dataset is larger (fixed steps: fewer epochs)
            taken = build_for(per_fact, seed, rev).counts.get("reverse", 0)
            cap += int(taken / 0.92) + 2
            extra["reverse_on_top"] = True
        return build_dataset(units, prompts, facts=fs, seed=seed, max_examples=cap, min_per_fact=min(9, per_fact),
                             raft_share=0.0, **extra)

    ref = build_for(args.per_fact, 0)
    held = [h for h in ref.heldout if h.kind != "abstain"]
    if args.write_questions:
        import json
        Path(args.write_questions).write_text(json.dumps([h.model_dump() for h in held], indent=1, ensure_ascii=False), encoding="utf-8")
    if args.questions:  # another tree's held-out set: two versions of the data builder asked the same questions
        import json
        from finetune.dataset import HeldOut
        held = [HeldOut.model_validate(h) for h in json.loads(Path(args.questions).read_text(encoding="utf-8"))]
    base = base_model_path(Home.resolve().load_settings(), Home.resolve())
    print(f"{len(ref.facts)} facts, {len(ref.examples)} examples {ref.counts}, {len(held)} held-out questions; "
          f"load average at start {os.getloadavg()}", flush=True)
    defaults = {"rank": 16, "lr": args.lr, "per_fact": args.per_fact, "batch": 8, "steps": args.steps, "seed": 0, "vw": 1.0}
    if args.configs:
        runs = []
        for spec in args.configs.split(";"):
            c = dict(defaults, targets=args.variants.split(",")[0])
            for kv in filter(None, (x.strip() for x in spec.split(","))):
                if kv == "base":
                    continue
                k, v = kv.split("=", 1)
                c[k] = v if k == "targets" else (int(v) if k in ("rank", "per_fact", "batch", "steps", "seed", "pgrad", "layers") else float(v))
            runs.append((spec.strip() or "base", c))
    else:
        runs = [(f"{n} w{float(w):g}", dict(defaults, targets=n, vw=float(w)))
                for n in args.variants.split(",") for w in args.value_weights.split(",")]
    builds = {(args.per_fact, 0, None, 0.0): ref}
    rows = []
    dump: list[dict] = []
    general_base = None

    def ask_general(model, tok) -> list[bool]:
        from agent.evaluation import is_correct
        from agent.training import GENERAL_QUESTIONS

        replies = ask(model, tok, [q.question for q in GENERAL_QUESTIONS])
        model.train()
        return [bool(is_correct(r, q)) for r, q in zip(replies, GENERAL_QUESTIONS)]

    def ask(model, tok, questions: list[str], batch: int = 16) -> list[str]:
        """Greedy closed-book replies, `batch` questions per generate call (left-padded): on a
        loaded CPU one question at a time took minutes per config."""
        model.eval()
        side, tok.padding_side = tok.padding_side, "left"
        if tok.pad_token is None:
            tok.pad_token = tok.eos_token
        pad = tok.pad_token_id
        out_texts = []
        try:
            with torch.no_grad():
                for i in range(0, len(questions), batch):
                    texts = [tok.apply_chat_template([{"role": "system", "content": prompts.system_closed},
                                                      {"role": "user", "content": q}], tokenize=False, add_generation_prompt=True)
                             for q in questions[i:i + batch]]
                    enc = tok(texts, return_tensors="pt", padding=True, add_special_tokens=False)
                    out = model.generate(**enc, max_new_tokens=24, do_sample=False, pad_token_id=pad)
                    out_texts += [tok.decode(o[enc["input_ids"].shape[1]:], skip_special_tokens=True) for o in out]
        finally:
            tok.padding_side = side
        return out_texts
    for name, c in runs:
        key = (c["per_fact"], c["seed"], c.get("rev"), c.get("top", 0.0))
        if key not in builds:
            builds[key] = build_for(*key)
        build = builds[key]
        model, tok, _ = lora_model(base, rank=c["rank"], alpha=2 * c["rank"], targets=TARGETS[c["targets"]],
                                   layers=c.get("layers", 0))
        pairs = [render_chat(tok, e.messages) + (e.value,) for e in build.examples]
        cfg = TrainConfig(batch_size=c["batch"], lr=c["lr"], targets=TARGETS[c["targets"]], value_weight=c["vw"],
                          seed=c["seed"], rank=c["rank"], alpha=2 * c["rank"], prefix_grad=bool(c.get("pgrad", 1)),
                          layers=c.get("layers", 0))
        if args.general and general_base is None:  # the untrained adapter is the base model
            # greedy and the same every time: kept in the cache, so a second run does not ask again
            kept = Path(args.cache) / f"general-base-{base.stem}.json"
            if kept.exists():
                import json
                general_base = json.loads(kept.read_text())
            else:
                general_base = ask_general(model, tok)
                import json
                kept.write_text(json.dumps(general_base))
            print(f"general questions right, base: {sum(general_base)}/{len(general_base)}", flush=True)
        steps = c["steps"]
        st = TrainState(model, tok, pairs, cfg)
        sched = torch.optim.lr_scheduler.LambdaLR(st.optimizer, lambda s, n=steps: min(1.0, (s + 1) / 5) * max(0.05, 1 - s / n))
        t0 = time.perf_counter()
        for _ in range(steps):
            st.step()
            sched.step()
        train_s = time.perf_counter() - t0
        model.eval()
        right = {"forward": [0, 0], "reverse": [0, 0]}
        replies = ask(model, tok, [h.question for h in held])
        for h, text in zip(held, replies):
            text = text.lower()
            ok = any(a.lower() in text for a in h.answers)
            d = "reverse" if h.kind.startswith("reverse") else "forward"
            dump.append({"config": name, "kind": h.kind, "question": h.question, "answers": h.answers,
                         "reply": text, "ok": ok, "target": h.target})
            right[d][0] += ok
            right[d][1] += 1
        n = sum(v[1] for v in right.values())
        rec = sum(v[0] for v in right.values()) / max(1, n)
        gen = ""
        if args.general:
            g = ask_general(model, tok)
            lost = sum(1 for a, b in zip(general_base, g) if a and not b)
            gained = sum(1 for a, b in zip(general_base, g) if b and not a)
            gen = f"{sum(g)}/{len(g)} (-{lost} +{gained})"
        name = f"{name} ({len(build.examples)} ex, {steps * c['batch'] / max(1, len(build.examples)):.2f} epochs)"
        rows.append((name, rec, right, train_s / steps, rec / (train_s / 60), gen))
        print(f"{name}: recall {rec:.2f} {right}, general {gen or '-'}, {train_s / steps:.2f} s/step, "
              f"{train_s:.0f} s, load {os.getloadavg()[0]:.1f}", flush=True)
        del model, st
    print("\n| config | held-out recall | forward | reverse | general right (lost, gained) | s/step | recall per training minute |\n|---|---|---|---|---|---|---|")
    for name, rec, right, sps, per_min, gen in rows:
        f, r = right["forward"], right["reverse"]
        print(f"| {name} | {rec:.2f} | {f[0]}/{f[1]} | {r[0]}/{r[1]} | {gen or '-'} | {sps:.2f} | {per_min:.2f} |")
    print(f"load average at the end {os.getloadavg()}")
    if args.dump:
        import json
        Path(args.dump).write_text(json.dumps(dump, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
