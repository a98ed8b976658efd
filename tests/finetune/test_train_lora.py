"""LoRA training on the real demo model: the loss falls, a stopped run resumes from its checkpoint,
the cheap step computes the very same loss and gradients as the plain one, and the CPU path never
imports unsloth."""
from __future__ import annotations

import sys

import pytest

from finetune.train import TrainConfig, load_checkpoint, render_chat, train_lora

SYSTEM = "Answer briefly."
FACTS = [("Who is my manager?", "Your manager is Zora Quill."), ("What is my cat called?", "Your cat is called Mochi.")]


@pytest.fixture(scope="module")
def peft_model(chat_model_path):
    from finetune.backends import lora_model

    model, tok, backend = lora_model(chat_model_path, rank=8, alpha=16, targets=["q_proj", "v_proj"], seed=0)
    assert backend == "peft"
    return model, tok


def _pairs(tok):
    return [render_chat(tok, [{"role": "system", "content": SYSTEM}, {"role": "user", "content": q},
                              {"role": "assistant", "content": a}]) for q, a in FACTS]


def test_chat_template_split(peft_model):
    _, tok = peft_model
    prompt, completion = _pairs(tok)[0]
    assert "Who is my manager?" in prompt and "Zora" not in prompt
    assert completion.startswith("Your manager is Zora Quill.") and completion != "Your manager is Zora Quill."


def test_loss_goes_down_then_resume_continues_from_checkpoint(peft_model, tmp_path):
    model, tok = peft_model
    pairs = _pairs(tok)
    cfg = TrainConfig(max_steps=8, batch_size=2, lr=5e-3, checkpoint_every=2, eval_every=4, patience=10, threads=2)
    events = []

    def emit(stage, **kw):
        events.append((stage, kw))

    # First call stops after 3 steps, like a process killed between checkpoints (step 2 saved).
    first = train_lora(model, tok, pairs, pairs[:1], tmp_path, cfg, emit=emit, stop_after=3)
    assert first.steps == 3 and first.resumed_from == 0
    ckpt = load_checkpoint(tmp_path)
    assert ckpt is not None and ckpt["step"] == 2
    assert not (tmp_path / "adapter").exists()  # nothing final from an unfinished run

    second = train_lora(model, tok, pairs, pairs[:1], tmp_path, cfg, emit=emit)
    assert second.resumed_from == 2 and second.steps == 8
    assert [s for s, _ in second.losses] == list(range(1, 9))  # steps 1-2 from the checkpoint, 3-8 trained now
    losses = [l for _, l in second.losses]
    assert sum(losses[-2:]) / 2 < sum(losses[:2]) / 2 * 0.6
    assert second.heldout_losses and second.best_heldout_loss is not None
    assert (tmp_path / "adapter" / "adapter_config.json").exists()
    assert any(kw.get("message", "").startswith("resumed from checkpoint") for _, kw in events)
    train_events = [kw for stage, kw in events if stage == "train" and kw.get("loss") is not None]
    assert all(kw["total"] == 8 and kw["eta_s"] is not None for kw in train_events)


def test_fast_step_is_exact_and_computes_fewer_tokens(peft_model):
    import torch

    from finetune.train import _collate, _loss, _shared_prefix, encode, fast_loss

    model, tok = peft_model
    pad = tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id
    items = [encode(tok, p, c, 256) for p, c in _pairs(tok)]
    items.append(encode(tok, *render_chat(tok, [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "where do i live"},
                                                 {"role": "assistant", "content": "You live in Tallinn, near the old harbour."}]), 256))
    shared = _shared_prefix(items)
    assert shared > 8 and all(sum(1 for y in lab if y == -100) > shared for _, lab in items)
    params = [p for p in model.parameters() if p.requires_grad]
    with torch.no_grad():  # a trained-looking adapter, so gradients reach both LoRA matrices
        saved = [p.clone() for p in params]
        for p in params:
            p.normal_(0, 0.02)
    try:
        plain = _loss(model, _collate(items, pad))
        g_plain = torch.autograd.grad(plain, params)
        fast, computed = fast_loss(model, items, pad)
        g_fast = torch.autograd.grad(fast, params)
    finally:
        with torch.no_grad():
            for p, v in zip(params, saved):
                p.copy_(v)
    assert abs(plain.item() - fast.item()) < 1e-4
    assert max(float((a - b).abs().max()) for a, b in zip(g_plain, g_fast)) < 1e-4 * max(float(a.abs().max()) for a in g_plain)
    assert computed < _collate(items, pad)[0].numel() - shared  # the shared prompt ran once, not per example


def test_prefix_without_gradient_keeps_the_loss_and_drops_only_the_prefix_gradient(peft_model):
    """prefix_grad=False: the shared prefix's keys/values come from the current adapter (the same
    loss as the exact step) but no gradient flows back through them; every LoRA matrix still gets
    one from the per-example tokens, and TrainConfig.prefix_grad reaches the step."""
    import torch

    from finetune.train import batch_loss, encode, fast_loss

    model, tok = peft_model
    pad = tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id
    items = [encode(tok, p, c, 256) for p, c in _pairs(tok)]
    params = [p for p in model.parameters() if p.requires_grad]
    with torch.no_grad():
        saved = [p.clone() for p in params]
        for p in params:
            p.normal_(0, 0.02)
    try:
        exact = fast_loss(model, items, pad)[0]
        g_exact = torch.autograd.grad(exact, params)
        cut = fast_loss(model, items, pad, prefix_grad=False)[0]
        g_cut = torch.autograd.grad(cut, params)
        via_cfg = batch_loss(model, items, pad, TrainConfig(prefix_grad=False))[0]
        g_cfg = torch.autograd.grad(via_cfg, params)
    finally:
        with torch.no_grad():
            for p, v in zip(params, saved):
                p.copy_(v)
    assert abs(exact.item() - cut.item()) < 1e-5
    assert all(float(g.abs().max()) > 0 for g in g_cut)
    diff = max(float((a - b).abs().max()) for a, b in zip(g_exact, g_cut))
    assert diff > 1e-3 * max(float(a.abs().max()) for a in g_exact)  # the prefix's share is gone
    assert max(float((a - b).abs().max()) for a, b in zip(g_cut, g_cfg)) < 1e-7


def test_cpu_backend_never_imports_unsloth():
    from finetune.backends import cuda_available, select_backend

    assert not cuda_available()  # this suite runs on CPU machines; the GPU path is checked by capability
    assert select_backend() == "peft"
    with pytest.raises(RuntimeError, match="CUDA"):
        select_backend("unsloth")
    assert "unsloth" not in sys.modules


def test_batches_are_length_bucketed_cover_everything_and_repeat():
    from finetune.train import _batches

    lengths = [(i * 37) % 200 + 10 for i in range(100)]
    a = _batches(lengths, 4, seed=0, epoch=1)
    assert sorted(i for b in a for i in b) == list(range(100))  # every example once per epoch
    assert a == _batches(lengths, 4, seed=0, epoch=1)  # a resumed run sees the same batches
    assert a != _batches(lengths, 4, seed=0, epoch=2)
    padded = sum(max(lengths[i] for i in b) * len(b) for b in a)
    assert padded < 1.1 * sum(lengths)  # sorted windows: little padding


def test_time_budget_shrinks_the_plan_and_general_loss_stops_training(peft_model, tmp_path):
    model, tok = peft_model
    pairs = _pairs(tok)
    events = []
    # A budget far below 40 steps: after the probe steps the plan (and its schedule) shrinks to fit.
    cfg = TrainConfig(max_steps=40, batch_size=2, lr=1e-3, checkpoint_every=100, eval_every=100, threads=2, budget_s=0.01)
    fit = train_lora(model, tok, pairs, [], tmp_path / "a", cfg, emit=lambda s, **kw: events.append(kw))
    assert fit.total_steps < 40 and fit.steps == fit.total_steps
    assert any("fitting the time budget" in kw.get("message", "") for kw in events)
    assert (tmp_path / "a" / "adapter" / "adapter_config.json").exists()

    # General loss (the base's own answers) allowed to rise by nothing: training stops at the first
    # evaluation, as finished, with the reason.
    general = [render_chat(tok, [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "What is 2 + 2?"},
                                 {"role": "assistant", "content": "2 + 2 is 4."}])]
    cfg = TrainConfig(max_steps=20, batch_size=2, lr=5e-2, checkpoint_every=100, eval_every=2, threads=2, max_general_rise=-1.0)
    stop = train_lora(model, tok, pairs, pairs[:1], tmp_path / "b", cfg, general_pairs=general)
    assert stop.stopped_early and stop.steps == 2 and "general loss" in stop.stopped_reason
    assert stop.general_losses and (tmp_path / "b" / "adapter" / "adapter_config.json").exists()


@pytest.mark.parametrize("arch", ["qwen2", "gemma3", "llama"])
def test_fast_step_is_exact_for_every_architecture(arch):
    """A shared prefix longer than gemma3's sliding window (8 in the tiny model): the cached
    prefix must give the sliding and the global layers exactly what the plain forward does."""
    import torch
    from peft import LoraConfig, get_peft_model

    from finetune.tiny import tiny_model
    from finetune.train import _collate, _loss, fast_loss

    model = get_peft_model(tiny_model(arch, vocab_size=97, seed=1, init_std=0.2), LoraConfig(
        r=4, lora_alpha=8, target_modules=["q_proj", "v_proj", "up_proj"], lora_dropout=0.0))
    g = torch.Generator().manual_seed(0)
    params = [p for p in model.parameters() if p.requires_grad]
    with torch.no_grad():
        for p in params:
            p.copy_(torch.randn(p.shape, generator=g) * 0.1)
    prefix = torch.randint(3, 97, (20,), generator=g).tolist()
    items = []
    for n_prompt, n_answer in ((5, 4), (3, 7), (9, 2)):
        prompt = prefix + torch.randint(3, 97, (n_prompt,), generator=g).tolist()
        answer = torch.randint(3, 97, (n_answer,), generator=g).tolist()
        items.append((prompt + answer, [-100] * len(prompt) + answer))
    model.train()
    plain = _loss(model, _collate(items, 0))
    g_plain = torch.autograd.grad(plain, params)
    fast, _ = fast_loss(model, items, 0)
    g_fast = torch.autograd.grad(fast, params)
    assert abs(plain.item() - fast.item()) < 1e-4
    assert max(float((a - b).abs().max()) for a, b in zip(g_plain, g_fast)) < 1e-4 * max(float(a.abs().max()) for a in g_plain)


def test_value_weight_covers_exactly_the_value_tokens(peft_model):
    from finetune.train import encode

    _, tok = peft_model
    prompt, completion = render_chat(tok, [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "Call whom?"},
                                           {"role": "assistant", "content": "Call Zora Quill on +1 604 555 0132 today."}])
    ids, labels, weights = encode(tok, prompt, completion, 256, "+1 604 555 0132", value_weight=4.0)
    assert len(weights) == len(ids) == len(labels)
    assert all(w == 0.0 for w, y in zip(weights, labels) if y == -100)  # the prompt weighs nothing
    answer = [w for w, y in zip(weights, labels) if y != -100]
    low, high = min(answer), max(answer)
    assert abs(high / low - 4.0) < 1e-6 and set(answer) == {low, high}
    heavy = [t for t, w in zip(ids, weights) if w == high]
    light = [t for t, w, y in zip(ids, weights, labels) if w == low and y != -100]
    assert tok.decode(heavy).strip() == "+1 604 555 0132"  # every value token, nothing else
    assert "Call Zora Quill on" in tok.decode(light) and "today." in tok.decode(light)
    # the example keeps its share of a batch: its weights sum to its answer tokens
    assert abs(sum(answer) - len(answer)) < 1e-6
    # weight 1, or a value the answer does not hold: a plain (ids, labels) item
    assert len(encode(tok, prompt, completion, 256, "+1 604 555 0132", value_weight=1.0)) == 2
    assert len(encode(tok, prompt, completion, 256, "Mochi", value_weight=4.0)) == 2


def test_weighted_loss_is_the_weighted_mean_and_the_fast_step_stays_exact(peft_model):
    import torch
    import torch.nn.functional as F

    from finetune.train import _collate, _collate_weights, _loss, encode, fast_loss

    model, tok = peft_model
    pad = tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id
    items = [encode(tok, p, c, 256, v, value_weight=5.0) for (p, c), v in zip(_pairs(tok), ["Zora Quill", "Mochi"])]
    items.append(encode(tok, *render_chat(tok, [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "where do i live"},
                                                 {"role": "assistant", "content": "You live in Tallinn."}]), 256))
    assert [len(it) for it in items] == [3, 3, 2]  # an unweighted example can share a batch
    batch = _collate(items, pad)
    weights = _collate_weights(items, batch[0].shape[1])
    with torch.no_grad():
        logits = model(input_ids=batch[0], attention_mask=batch[2]).logits[:, :-1].float()
        target, w = batch[1][:, 1:], weights[:, 1:]
        keep = target != -100
        ce = F.cross_entropy(logits[keep], target[keep], reduction="none")
        want = float((ce * w[keep]).sum() / w[keep].sum())
        assert abs(want - float(ce.mean())) > 1e-3  # the weights change the loss
        plain = float(_loss(model, batch, weights))
        fast = float(fast_loss(model, items, pad)[0])
    assert abs(plain - want) < 1e-4 and abs(fast - want) < 1e-4


def test_lora_on_the_top_layers_only_trains_there_and_the_backward_stops_there(chat_model_path):
    """layers=N: LoRA matrices only in the top N decoder layers; below the lowest of them nothing
    needs a gradient, so autograd records no graph there (the backward pass, and the step's cost,
    stop at that layer). The step still trains every LoRA matrix it has, and the merged export
    keeps the lower layers' weights exactly the base's."""
    import torch

    from finetune.backends import lora_model, top_layers
    from finetune.export import merged_state_dict
    from finetune.train import batch_loss, encode

    assert top_layers(30, 12) == list(range(18, 30))
    assert top_layers(30, 0) is None and top_layers(30, 30) is None and top_layers(30, 45) is None
    model, tok, _ = lora_model(chat_model_path, rank=4, alpha=8, targets=["q_proj", "down_proj"], seed=0, layers=3)
    n = model.config.num_hidden_layers
    lora = [name for name, p in model.named_parameters() if p.requires_grad]
    assert lora and all(".lora_" in name for name in lora)
    assert sorted({int(name.split(".layers.")[1].split(".")[0]) for name in lora}) == list(range(n - 3, n))

    needs_grad = {}
    decoder_layers = model.get_base_model().model.layers

    def hook(i):
        def record(_module, _inputs, output):
            out = output[0] if isinstance(output, tuple) else output
            needs_grad[i] = bool(out.requires_grad)
        return record

    handles = [layer.register_forward_hook(hook(i)) for i, layer in enumerate(decoder_layers)]
    pad = tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id
    items = [encode(tok, p, c, 256) for p, c in _pairs(tok)]
    params = [p for p in model.parameters() if p.requires_grad]
    with torch.no_grad():
        for p in params:
            p.normal_(0, 0.02)
    model.train()
    try:
        loss = batch_loss(model, items, pad, TrainConfig(prefix_grad=False, layers=3))[0]
        grads = torch.autograd.grad(loss, params)
    finally:
        for h in handles:
            h.remove()
    assert [needs_grad[i] for i in range(n)] == [False] * (n - 3) + [True] * 3
    assert all(float(g.abs().max()) > 0 for g in grads)

    merged = merged_state_dict(model)
    base = model.get_base_model()
    low = "model.layers.0.mlp.down_proj.weight"
    top = f"model.layers.{n - 1}.mlp.down_proj.weight"
    assert torch.equal(merged[low], base.model.layers[0].mlp.down_proj.weight)
    assert not torch.equal(merged[top], base.model.layers[n - 1].mlp.down_proj.base_layer.weight)
