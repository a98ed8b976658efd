"""LoRA training: a small readable loop (no HF Trainer), built to be killed and resumed.

- loss only on the answer tokens (the prompt is masked with -100); the tokens of the fact's value
  inside the answer (a pair's optional third element, "9 August 1991" in "You were born on 9 August
  1991.") weigh `value_weight` times the rest: the restated subject is learned in a few steps, the
  digits and names are what came back wrong;
- the adapter, the optimizer and the step are checkpointed every `checkpoint_every` steps into
  `<out_dir>/checkpoint/` (written to a temporary folder, then renamed: a kill mid-save leaves the
  previous checkpoint intact); a new call with the same out_dir continues from there;
- early stopping on the loss of held-out phrasings (never trained on), keeping the best adapter,
  and on the "general loss" (the base model's own answers to general prompts, never trained on):
  when it rises past `max_general_rise` over its value before training, training stops there;
- a time budget: after a few steps the step rate is measured and, when the planned steps would
  not fit in `budget_s`, the plan (and the learning-rate schedule with it) shrinks to fit;
- progress lines (stage "train") with step, total, loss and an ETA;
- cheap steps (`fast`, exact, same loss as the plain forward): the prompt tokens every example of
  a batch shares (the system prompt, the reader's instructions) are run once per batch, not once
  per example, and their keys/values reused by every example (gradients flow through them); the
  vocabulary projection is computed only where an answer token is predicted; batches are cut from
  the whole epoch sorted by length, so they carry almost no padding.
"""
from __future__ import annotations

import logging
import math
import os
import random
import shutil
import time
import warnings
from pathlib import Path
from typing import Callable

from pydantic import BaseModel, Field

log = logging.getLogger("anima.finetune")

CHECKPOINT_DIR = "checkpoint"
ADAPTER_DIR = "adapter"


class TrainConfig(BaseModel):
    rank: int = 16
    alpha: int = 32
    targets: list[str] = Field(default_factory=lambda: ["q_proj", "k_proj", "v_proj", "o_proj"])
    layers: int = 0  # LoRA on the top this many decoder layers (finetune.backends.lora_model); 0: all
    epochs: float = 3.0
    max_steps: int = 0  # 0: from epochs
    lr: float = 1e-3
    batch_size: int = 4
    # tokens per example; longer ones are cut from the left of the prompt. Closed-book examples
    # are ~90 tokens and RAFT ones are trimmed to ~250 (dataset.py): step time grows with width.
    max_len: int = 256
    warmup_frac: float = 0.05
    eval_every: int = 25
    patience: int = 3  # evaluations without held-out improvement before stopping
    checkpoint_every: int = 25
    seed: int = 0
    threads: int = 0  # 0: min(2, cores); more threads only fight the daemon for the CPU
    budget_s: float = 0.0  # 0: no time budget
    # nats over the base's own general answers before stopping. Measured on Lena: 25 steps at
    # lr 2e-3 already moved it 0.4 (the model learns the user's answer style), so only a large
    # rise, seen twice, stops training; the gate's general questions judge real forgetting.
    max_general_rise: float = 1.0
    # The exact cheaper step (see the module doc). Off: one plain padded forward per batch.
    fast: bool = True
    prefix_cache: bool = True  # with fast: the batch's shared prompt prefix computed once
    min_prefix: int = 8  # shared prefixes shorter than this are not worth a separate pass
    # with prefix_cache: backpropagate through the shared prefix's keys/values (exact). Off: the
    # prefix runs without autograd (its keys/values are computed with the current adapter, but the
    # adapter gets no gradient through them), so its backward pass and graph are saved.
    prefix_grad: bool = True
    # Weight of the value's tokens in the answer against its other tokens (1: a plain mean over the
    # answer tokens). Each example's weights sum to its token count: examples keep their shares.
    value_weight: float = 1.0


class TrainResult(BaseModel):
    steps: int
    total_steps: int
    final_loss: float | None
    best_heldout_loss: float | None
    stopped_early: bool
    resumed_from: int
    losses: list[tuple[int, float]]
    heldout_losses: list[tuple[int, float]]
    general_losses: list[tuple[int, float]] = []
    stopped_reason: str = ""
    seconds: float
    adapter_dir: str


def render_chat(tokenizer, messages: list[dict]) -> tuple[str, str]:
    """(prompt, completion) with the model's own chat template: completion = answer + end of turn."""
    prompt = tokenizer.apply_chat_template(messages[:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(messages, tokenize=False)
    if not full.startswith(prompt):
        # Templates that rewrite earlier turns: fall back to the answer plus the EOS token.
        return prompt, messages[-1]["content"] + (tokenizer.eos_token or "")
    return prompt, full[len(prompt):]


def value_span(completion: str, value: str) -> tuple[int, int] | None:
    """Character span of `value` in `completion` (case-insensitive, the first occurrence)."""
    value = value.strip()
    if not value:
        return None
    at = completion.lower().find(value.lower())
    return (at, at + len(value)) if at >= 0 else None


def _token_spans(tokenizer, text: str, ids: list[int]) -> list[tuple[int, int]]:
    """Character span of each token of `text`: the fast tokenizer's offsets, else the growth of
    the decoded prefix (slow tokenizers have no offsets)."""
    try:
        enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        if enc["input_ids"] == ids:
            return [tuple(o) for o in enc["offset_mapping"]]
    except (NotImplementedError, ValueError, TypeError):
        pass
    spans, prev = [], 0
    for i in range(len(ids)):
        end = len(tokenizer.decode(ids[:i + 1]))
        spans.append((prev, end))
        prev = end
    return spans


def encode(tokenizer, prompt: str, completion: str, max_len: int, value: str = "",
           value_weight: float = 1.0) -> tuple:
    """(ids, labels), or (ids, labels, weights) when `value` is found in the completion and
    weighs other than 1: a completion token that overlaps the value's characters weighs
    `value_weight` times one that does not, the prompt 0. The weights of an example sum to its
    number of answer tokens, so the example weighs in its batch what it weighed unweighted: the
    replayed general answers keep their share of the loss (measured: with the value's extra weight
    taken from them, sam's general probability dropped past the gate's bound)."""
    p = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    c = tokenizer(completion, add_special_tokens=False)["input_ids"]
    span = value_span(completion, value) if value_weight != 1.0 else None
    w = None
    if span is not None:
        w = [value_weight if s < span[1] and e > span[0] else 1.0 for s, e in _token_spans(tokenizer, completion, c)]
    c = c[:max_len // 2] if len(c) > max_len // 2 else c
    p = p[-(max_len - len(c)):]  # keep the end of the prompt: the question sits there
    w = w[:len(c)] if w is not None else None
    if w is None or value_weight not in w:
        return p + c, [-100] * len(p) + c
    w = [x * len(w) / sum(w) for x in w]
    return p + c, [-100] * len(p) + c, [0.0] * len(p) + w


def _weights(item) -> list[float] | None:
    return item[2] if len(item) > 2 else None


def _batches(lengths: list[int], batch_size: int, seed: int, epoch: int, window_batches: int = 16) -> list[list[int]]:
    """Shuffled batches of similar length: padding is wasted compute, so each window of
    `window_batches` batches (0: the whole epoch) is sorted by length before it is cut (ties in
    random order), and the batches are shuffled again. Deterministic per (seed, epoch), so a
    resumed run sees the very same batches."""
    rng = random.Random(seed * 1000 + epoch)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    window = window_batches * batch_size if window_batches > 0 else max(1, len(order))
    batches = []
    for w in range(0, len(order), window):
        part = sorted(order[w:w + window], key=lambda i: lengths[i])
        batches += [part[i:i + batch_size] for i in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def _collate(items: list[tuple[list[int], list[int]]], pad_id: int):
    import torch

    width = max(len(it[0]) for it in items)
    ids = torch.full((len(items), width), pad_id, dtype=torch.long)
    labels = torch.full((len(items), width), -100, dtype=torch.long)
    mask = torch.zeros((len(items), width), dtype=torch.long)
    for i, it in enumerate(items):
        x, y = it[0], it[1]
        ids[i, :len(x)] = torch.tensor(x)
        labels[i, :len(y)] = torch.tensor(y)
        mask[i, :len(x)] = 1
    return ids, labels, mask


def _collate_weights(items, width: int):
    """Per-token loss weights (answer tokens 1 unless weighted), None when no item is weighted."""
    import torch

    if not any(_weights(it) for it in items):
        return None
    out = torch.ones((len(items), width), dtype=torch.float32)
    for i, it in enumerate(items):
        if _weights(it):
            out[i, :len(it[2])] = torch.tensor(it[2], dtype=torch.float32)
    return out


def _weighted_ce(logits, target, weights) -> "torch.Tensor":
    """Cross-entropy per predicted token, averaged with `weights` (a plain mean when None)."""
    import torch.nn.functional as F

    if weights is None:
        return F.cross_entropy(logits, target)
    ce = F.cross_entropy(logits, target, reduction="none")
    return (ce * weights).sum() / weights.sum()


def _loss(model, batch, weights=None) -> "torch.Tensor":
    ids, labels, mask = batch
    if weights is None:
        return model(input_ids=ids, attention_mask=mask, labels=labels).loss
    logits = model(input_ids=ids, attention_mask=mask).logits[:, :-1]
    target, w = labels[:, 1:], weights[:, 1:]
    keep = target != -100
    return _weighted_ce(logits[keep].float(), target[keep], w[keep])


def _shared_prefix(items: list[tuple[list[int], list[int]]]) -> int:
    """Length of the prompt prefix every item shares, leaving each item at least one prompt token
    after it (so every answer token is predicted from a position of the per-example pass)."""
    first = items[0][0]
    n = min(sum(1 for y in it[1] if y == -100) for it in items) - 1
    n = min(n, *(len(it[0]) for it in items))
    for ids, *_ in items[1:]:
        i = 0
        while i < n and ids[i] == first[i]:
            i += 1
        n = i
    return max(0, n)


def _causal_lm_parts(model):
    """(decoder without the head, output projection, final logit soft-capping or None) of a
    (peft-wrapped) causal LM: the LoRA layers live inside the decoder, so calling it trains them."""
    inner = model.get_base_model() if hasattr(model, "get_base_model") else model
    cap = getattr(getattr(inner, "config", None), "final_logit_softcapping", None)
    return inner.model, inner.get_output_embeddings(), cap


def fast_loss(model, items: list[tuple[list[int], list[int]]], pad_id: int, *, prefix_cache: bool = True,
              min_prefix: int = 8, prefix_grad: bool = True) -> tuple["torch.Tensor", int]:
    """The same (weighted) mean cross-entropy over answer tokens as `_loss`, computed cheaper;
    returns (loss, token positions the decoder ran). The shared prompt prefix runs once (batch 1)
    and its keys/values are repeated for the batch; logits only where a label is predicted."""
    import torch

    decoder, head, cap = _causal_lm_parts(model)
    p = _shared_prefix(items) if prefix_cache and len(items) > 1 else 0
    if p < min_prefix:
        p = 0
    cache = None
    computed = 0
    if p:
        prefix = torch.tensor([items[0][0][:p]], dtype=torch.long)
        with torch.set_grad_enabled(prefix_grad and torch.is_grad_enabled()):
            out = decoder(input_ids=prefix, use_cache=True)
        cache = out.past_key_values
        cache.batch_repeat_interleave(len(items))
        computed += p
    cut = [tuple(part[p:] for part in it) for it in items]
    ids, labels, mask = _collate(cut, pad_id)
    weights = _collate_weights(cut, ids.shape[1])
    if p:
        mask = torch.cat([torch.ones((len(items), p), dtype=mask.dtype), mask], dim=1)
    computed += ids.numel()
    hidden = decoder(input_ids=ids, attention_mask=mask, past_key_values=cache, use_cache=cache is not None).last_hidden_state
    # position t predicts token t+1: keep only the positions whose next token is an answer token
    target = labels[:, 1:]
    keep = target != -100
    h = hidden[:, :-1][keep]
    logits = head(h).float()
    if cap:
        logits = torch.tanh(logits / cap) * cap
    return _weighted_ce(logits, target[keep], None if weights is None else weights[:, 1:][keep]), computed


def batch_loss(model, items: list[tuple[list[int], list[int]]], pad_id: int, cfg: "TrainConfig") -> tuple["torch.Tensor", int]:
    """(loss, token positions computed) for one batch, by the way `cfg` asks for."""
    if cfg.fast:
        return fast_loss(model, items, pad_id, prefix_cache=cfg.prefix_cache, min_prefix=cfg.min_prefix,
                         prefix_grad=cfg.prefix_grad)
    batch = _collate(items, pad_id)
    return _loss(model, batch, _collate_weights(items, batch[0].shape[1])), batch[0].numel()


class TrainState:
    """One model, its optimizer and its epoch of batches: `step()` trains one batch exactly as
    `train_lora` does (bench/train_step.py times the ways of building a batch with it)."""

    def __init__(self, model, tokenizer, pairs: list[tuple[str, str]], cfg: "TrainConfig",
                 batches: list[list[int]] | None = None):
        import torch

        torch.set_num_threads(cfg.threads or min(2, os.cpu_count() or 1))
        self.model, self.cfg = model, cfg
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else (tokenizer.eos_token_id or 0)
        self.train = [encode(tokenizer, *pair[:2], cfg.max_len, *pair[2:3], value_weight=cfg.value_weight) for pair in pairs]
        self.params = [p for p in model.parameters() if p.requires_grad]
        self.optimizer = torch.optim.AdamW(self.params, lr=cfg.lr, weight_decay=0.0)
        self.batches = batches or _batches([len(it[0]) for it in self.train], cfg.batch_size, cfg.seed, 0, 0 if cfg.fast else 16)
        self.n = 0
        model.train()

    def step(self) -> int:
        import torch

        items = [self.train[i] for i in self.batches[self.n % len(self.batches)]]
        self.n += 1
        loss, computed = batch_loss(self.model, items, self.pad_id, self.cfg)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.params, 1.0)
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        return computed


def heldout_loss(model, encoded: list[tuple[list[int], list[int]]], pad_id: int, batch_size: int = 8,
                 cfg: "TrainConfig | None" = None) -> float | None:
    import torch

    if not encoded:
        return None
    model.eval()
    total, n = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(encoded), batch_size):
            part = encoded[i:i + batch_size]
            loss = batch_loss(model, part, pad_id, cfg)[0] if cfg is not None else _loss(model, _collate(part, pad_id))
            total += float(loss) * len(part)
            n += len(part)
    model.train()
    return total / n


def total_steps_for(n_examples: int, cfg: TrainConfig) -> int:
    if cfg.max_steps > 0:
        return cfg.max_steps
    return max(1, math.ceil(cfg.epochs * n_examples / cfg.batch_size))


def _save_checkpoint(out_dir: Path, model, optimizer, state: dict) -> None:
    import torch
    from peft import get_peft_model_state_dict

    final = out_dir / CHECKPOINT_DIR
    tmp = out_dir / (CHECKPOINT_DIR + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    torch.save({"adapter": get_peft_model_state_dict(model), "optimizer": optimizer.state_dict(), **state}, tmp / "state.pt")
    old = out_dir / (CHECKPOINT_DIR + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def load_checkpoint(out_dir: Path) -> dict | None:
    import torch

    for name in (CHECKPOINT_DIR, CHECKPOINT_DIR + ".old"):  # .old: killed between the two renames
        path = Path(out_dir) / name / "state.pt"
        if path.is_file():
            try:
                return torch.load(path, map_location="cpu", weights_only=False)
            except Exception as exc:  # a torn file: start over rather than crash forever
                log.warning("ignoring unreadable checkpoint %s (%s)", path, exc)
    return None


def train_lora(
    model,
    tokenizer,
    train_pairs: list[tuple[str, ...]],
    heldout_pairs: list[tuple[str, str]],
    out_dir: Path,
    cfg: TrainConfig,
    *,
    emit: Callable[..., None] | None = None,
    stop_after: int | None = None,
    general_pairs: list[tuple[str, str]] = (),
) -> TrainResult:
    """Train the peft `model` on (prompt, completion) pairs; the adapter ends in out_dir/adapter.
    A train pair's optional third element is the value inside the completion that weighs
    `cfg.value_weight` times the rest; held-out and general losses stay unweighted.

    `emit(stage, step=, total=, loss=, eta_s=, message=)` reports progress (a ProgressWriter.emit).
    `stop_after`: return after this many steps of this call (tests use it to simulate a crash point).
    """
    import torch
    from peft import set_peft_model_state_dict

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    # Two threads at most: on a shared machine more threads (or busy-waiting OpenMP threads,
    # see OMP_WAIT_POLICY in agent/training.py) made steps 3-10x slower, not faster.
    torch.set_num_threads(cfg.threads or min(2, os.cpu_count() or 1))
    torch.manual_seed(cfg.seed)
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else (tokenizer.eos_token_id or 0)
    train = [encode(tokenizer, *pair[:2], cfg.max_len, *pair[2:3], value_weight=cfg.value_weight) for pair in train_pairs]
    held = [encode(tokenizer, p, c, cfg.max_len) for p, c in heldout_pairs]
    general = [encode(tokenizer, p, c, cfg.max_len) for p, c in general_pairs]
    if not train:
        raise ValueError("no training examples: the notes gave no facts to learn")
    planned = total_steps_for(len(train), cfg)
    plan = {"total": planned}  # shrinks to fit the time budget; the schedule reads it
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=0.0)
    warmup = max(1, int(planned * cfg.warmup_frac))
    sched = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / warmup) * max(0.05, 1 - max(0, s - warmup) / max(1, plan["total"] - warmup)))

    state = {"step": 0, "losses": [], "heldout_losses": [], "general_losses": [], "general0": None, "best": None,
             "best_adapter": None, "bad_evals": 0, "total": planned}
    ckpt = load_checkpoint(out_dir)
    resumed_from = 0
    if ckpt is not None and ckpt.get("planned", ckpt.get("total")) == planned:
        set_peft_model_state_dict(model, ckpt["adapter"])
        optimizer.load_state_dict(ckpt["optimizer"])
        for k in state:
            state[k] = ckpt.get(k, state[k])
        resumed_from = state["step"]
        plan["total"] = state["total"]
        with warnings.catch_warnings():  # fast-forwarding the schedule, not skipping an optimizer step
            warnings.simplefilter("ignore")
            for _ in range(resumed_from):
                sched.step()
        log.info("resuming training at step %d of %d", resumed_from, plan["total"])
        if emit:
            emit("train", step=resumed_from, total=plan["total"], message=f"resumed from checkpoint at step {resumed_from}")
    elif general:
        state["general0"] = heldout_loss(model, general, pad_id, cfg=cfg)  # the base model's own answers: its loss before training

    lengths = [len(it[0]) for it in train]
    window = 0 if cfg.fast else 16
    per_epoch = len(_batches(lengths, cfg.batch_size, cfg.seed, 0, window))
    model.train()
    t0 = time.monotonic()
    stopped_early = False
    reason = ""
    step = state["step"]
    done_here = 0
    probe = 4  # steps measured before the plan is fitted to the budget (and again every `probe` steps)
    stamps = [t0]
    while step < plan["total"]:
        epoch, idx = divmod(step, per_epoch)
        batch_ids = _batches(lengths, cfg.batch_size, cfg.seed, epoch, window)[idx]
        loss, _ = batch_loss(model, [train[i] for i in batch_ids], pad_id, cfg)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        sched.step()
        optimizer.zero_grad(set_to_none=True)
        step += 1
        done_here += 1
        state["step"] = step
        loss = loss.detach()
        state["losses"].append((step, round(float(loss), 5)))
        now = time.monotonic()
        stamps.append(now)
        rate = (now - t0) / done_here
        if cfg.budget_s and done_here >= probe and done_here % probe == 0:
            # Re-fitted every few steps from the recent step rate: a slow start (loading, a busy
            # CPU) must not fix the plan for good. Never beyond the planned total.
            recent = stamps[-(2 * probe + 1):]
            per = (recent[-1] - recent[0]) / max(1, len(recent) - 1)
            per *= 1 + (len(held) + len(general)) / 8 / max(1, cfg.eval_every)  # eval passes
            fit = min(planned, step + int(max(0.0, cfg.budget_s - (now - t0)) / max(per, 1e-6)))
            if fit != plan["total"]:
                log.info("time budget %.0fs: %d steps (was %d)", cfg.budget_s, fit, plan["total"])
                if emit and abs(fit - plan["total"]) >= max(2, plan["total"] // 20):
                    emit("train", step=step, total=fit, message=f"fitting the time budget: {fit} steps instead of {plan['total']}")
                plan["total"] = state["total"] = max(step, fit)
        total = plan["total"]
        if emit:
            emit("train", step=step, total=total, loss=float(loss), eta_s=rate * (total - step), message="")
        if (held or general) and (step % cfg.eval_every == 0 or step == total):
            hl = heldout_loss(model, held, pad_id, cfg=cfg) if held else 0.0
            gl = heldout_loss(model, general, pad_id, cfg=cfg) if general else None
            state["heldout_losses"].append((step, round(hl, 5)))
            if gl is not None:
                state["general_losses"].append((step, round(gl, 5)))
            too_far = gl is not None and state["general0"] is not None and gl > state["general0"] + cfg.max_general_rise
            state["general_high"] = state.get("general_high", 0) + 1 if too_far else 0
            if state["general_high"] >= 2 or (too_far and cfg.max_general_rise < 0):
                stopped_early, reason = True, f"general loss rose {gl - state['general0']:.2f} over the base's"
            elif state["best"] is None or hl < state["best"] - 1e-4:
                from peft import get_peft_model_state_dict

                state["best"], state["bad_evals"] = hl, 0
                state["best_adapter"] = {k: v.detach().clone() for k, v in get_peft_model_state_dict(model).items()}
            else:
                state["bad_evals"] += 1
            if emit:
                emit("train", step=step, total=total, loss=float(loss), eta_s=rate * (total - step),
                     message=f"held-out loss {hl:.4f}" + (f", general loss {gl:.4f}" if gl is not None else ""))
            if state["bad_evals"] >= cfg.patience and not stopped_early:
                stopped_early, reason = True, "held-out loss stopped improving"
        if step % cfg.checkpoint_every == 0 or step == total or stopped_early:
            _save_checkpoint(out_dir, model, optimizer, {**state, "planned": planned})
        if stopped_early:
            break
        if stop_after is not None and done_here >= stop_after:
            break

    total = plan["total"]
    finished = step >= total or stopped_early
    if finished and state["best_adapter"] is not None:
        set_peft_model_state_dict(model, state["best_adapter"])  # early stopping keeps the best
    adapter_dir = out_dir / ADAPTER_DIR
    if finished:
        model.save_pretrained(str(adapter_dir))
    model.eval()
    final = state["losses"][-1][1] if state["losses"] else None
    return TrainResult(
        steps=step, total_steps=total, final_loss=final, best_heldout_loss=state["best"], stopped_early=stopped_early,
        resumed_from=resumed_from, losses=state["losses"], heldout_losses=state["heldout_losses"],
        general_losses=state["general_losses"], stopped_reason=reason,
        seconds=round(time.monotonic() - t0, 2), adapter_dir=str(adapter_dir),
    )
