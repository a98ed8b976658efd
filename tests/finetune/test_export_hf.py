"""A model the user brings, through the whole fine-tune path, on tiny random models of each family.

- An HF folder (config + safetensors + tokenizer.json) becomes a GGUF whose logits equal
  transformers' and whose tokenizer splits text exactly like the HF one (a wrong pre-tokenizer is
  caught, the file removed).
- qwen2 and gemma3: a few real LoRA steps, merge, F16 export, Q8_0 quantization, and llama.cpp
  loading the result answers like the trained peft model.
"""
from __future__ import annotations

import copy
import json

import numpy as np
import pytest

from finetune.export import ExportError, export_gguf, merged_state_dict, quantize
from finetune.gguf_io import read_base
from finetune.tiny import write_tiny_gguf, write_tiny_hf

PROMPT = b"My cat is called Miso and my sister lives in Porto"


@pytest.fixture(scope="module")
def hf_tokenizer(chat_model_path):
    """SmolLM2's tokenizer as transformers builds it: the tiny models share its vocabulary."""
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(chat_model_path.parent), gguf_file=chat_model_path.name,
                                         local_files_only=True)


@pytest.fixture(scope="module")
def qwen_folder(tmp_path_factory, chat_model_path):
    return write_tiny_hf(tmp_path_factory.mktemp("hf") / "tiny-qwen2", tokenizer_from=chat_model_path, arch="qwen2",
                         seed=5, init_std=0.2)


def llama_logits(path, prompt=PROMPT):
    import llama_cpp

    llm = llama_cpp.Llama(model_path=str(path), n_ctx=64, logits_all=True, verbose=False)
    try:
        tokens = llm.tokenize(prompt)
        llm.eval(tokens)
        return tokens, np.array(llm.scores[: len(tokens)], dtype=np.float32)
    finally:
        llm.close()


def hf_logits(model, tokens):
    import torch

    with torch.no_grad():
        return model(torch.tensor([tokens])).logits[0].float().numpy()


def test_hf_folder_becomes_a_gguf_with_its_tokenizer_and_template(qwen_folder, tmp_path):
    from transformers import AutoTokenizer

    from finetune.hf_gguf import convert_folder

    folder, model = qwen_folder
    out = convert_folder(folder, tmp_path / "tiny.gguf", outtype="f32")
    meta = read_base(out)
    assert meta.arch == "qwen2"
    assert meta.get("tokenizer.ggml.model") == "gpt2" and meta.get("tokenizer.ggml.pre") == "qwen2"
    template = (folder / "chat_template.jinja").read_text(encoding="utf-8")
    assert meta.get("tokenizer.chat_template") == template
    tok = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    assert meta.get("tokenizer.ggml.eos_token_id") == tok.eos_token_id
    assert len(meta.get("tokenizer.ggml.tokens")) == len(tok)
    tokens, logits = llama_logits(out)
    assert tokens == tok.encode(PROMPT.decode(), add_special_tokens=False)
    want = hf_logits(model, tokens)
    assert float(np.abs(logits - want).max()) / float(want.std()) < 0.02
    assert (logits.argmax(-1) == want.argmax(-1)).all()


def test_a_wrong_pre_tokenizer_is_caught(qwen_folder, tmp_path, monkeypatch):
    from finetune import hf_gguf

    folder, _ = qwen_folder
    # GPT-2's split differs from Qwen2's on contractions, case and runs of newlines/punctuation.
    monkeypatch.setattr(hf_gguf, "_pre_tokenizer", lambda tok_json: "gpt-2")
    with pytest.raises(ExportError, match="tokenizes differently"):
        hf_gguf.convert_folder(folder, tmp_path / "bad.gguf", outtype="f32")
    assert list(tmp_path.iterdir()) == []


def test_sentencepiece_tokenizers_ask_for_the_gguf(qwen_folder, tmp_path):
    import shutil

    from finetune.hf_gguf import tokenizer_fields

    folder, _ = qwen_folder
    spm = tmp_path / "spm"
    shutil.copytree(folder, spm)
    tj = json.loads((spm / "tokenizer.json").read_text(encoding="utf-8"))
    tj["model"]["byte_fallback"] = True  # what Gemma's (SentencePiece-style) tokenizer.json says
    (spm / "tokenizer.json").write_text(json.dumps(tj), encoding="utf-8")
    with pytest.raises(ExportError, match="bring the model's GGUF"):
        tokenizer_fields(spm)


@pytest.mark.parametrize("arch", ["qwen2", "gemma3"])
def test_lora_steps_merge_export_quantize_load(arch, chat_model_path, hf_tokenizer, tmp_path):
    from peft import LoraConfig, get_peft_model

    from finetune.train import TrainConfig, train_lora

    base, model = write_tiny_gguf(tmp_path / f"{arch}-base.gguf", tokenizer_from=chat_model_path, arch=arch,
                                  init_std=0.2, seed=2)
    peft_model = get_peft_model(copy.deepcopy(model), LoraConfig(
        r=8, lora_alpha=16, target_modules=["q_proj", "k_proj", "v_proj", "o_proj"], lora_dropout=0.0))
    pairs = [("Q: What is my cat called?\nA:", " Miso"), ("Q: Where does my sister live?\nA:", " Porto"),
             ("Q: What bike do I ride?\nA:", " a green Brompton")]
    cfg = TrainConfig(rank=8, alpha=16, max_steps=6, lr=1e-2, batch_size=3, eval_every=100, checkpoint_every=100)
    result = train_lora(peft_model, hf_tokenizer, pairs, [], tmp_path / "run", cfg)
    assert result.steps == 6 and result.losses[-1][1] < result.losses[0][1]  # it trained

    f16 = export_gguf(base, merged_state_dict(peft_model), tmp_path / "merged-f16.gguf", outtype="f16")
    q8 = quantize(f16, tmp_path / "merged-q8_0.gguf", "Q8_0")
    meta = read_base(q8)
    assert meta.arch == arch and meta.get("general.file_type") == 7  # MOSTLY_Q8_0
    assert meta.get("tokenizer.chat_template") == read_base(base).get("tokenizer.chat_template")

    tokens, exported = llama_logits(f16)
    trained = hf_logits(peft_model, tokens)
    untrained = hf_logits(model, tokens)
    scale = float(trained.std())
    update = float(np.abs(trained - untrained).max()) / scale
    assert update > 0.5  # the merge carried a real update
    # F16: only rounding separates llama.cpp from the trained peft model.
    assert float(np.abs(exported - trained).max()) / scale < 0.03
    assert (exported.argmax(-1) == trained.argmax(-1)).all()
    # Q8_0 adds quantization noise (large on a random model with sharp attention: ~0.3 of the
    # spread at worst, ~0.03 on average, measured), still far closer to trained than untrained.
    _, served = llama_logits(q8)
    diff = np.abs(served - trained) / scale
    assert float(diff.mean()) < 0.06 and float(diff.max()) < update / 2


def test_a_gemma3_gguf_alone_dequantizes_to_the_model_llama_cpp_serves(chat_model_path, tmp_path):
    """A GGUF brought alone is trained from transformers' dequantized copy: for gemma3 that copy
    must subtract the norms' +1 and scale attention by 1/sqrt(head_dim) as llama.cpp does (the
    GGUF holds no query_pre_attn_scalar; transformers' default of 256 would be another model)."""
    import torch

    from finetune.export import load_base_model

    base, model = write_tiny_gguf(tmp_path / "gemma3.gguf", tokenizer_from=chat_model_path, arch="gemma3",
                                  init_std=0.2, seed=4)
    loaded, _ = load_base_model(base)
    assert loaded.config.query_pre_attn_scalar == loaded.config.head_dim == 16
    tokens, served = llama_logits(base)
    with torch.no_grad():
        got = loaded(torch.tensor([tokens])).logits[0].numpy()
    want = hf_logits(model, tokens)
    assert np.abs(got - want).max() < 1e-3  # the very model that was written
    assert float(np.abs(served - got).max()) / float(got.std()) < 0.02  # and the one llama.cpp serves


def test_a_gguf_alone_is_parsed_once_per_load(chat_model_path, tmp_path, monkeypatch):
    """transformers reads the GGUF's metadata for the tokenizer, the config and the weights:
    three GGUFReaders of the same file, each parsing the whole vocabulary (~2/3 of the 40 s the
    cycle spent loading SmolLM2 under load, bench/RESULTS.md twelfth pass). One load parses it once,
    and gives the same model."""
    import gguf
    import torch

    from finetune.export import load_base_model

    base, model = write_tiny_gguf(tmp_path / "qwen2.gguf", tokenizer_from=chat_model_path, arch="qwen2", seed=3)
    opened = []
    original = gguf.GGUFReader

    def counting(path, *args, **kwargs):
        opened.append(str(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(gguf, "GGUFReader", counting)
    loaded, tok = load_base_model(base)
    assert opened == [str(base)]
    assert gguf.GGUFReader is counting  # the cache is scoped to the load
    tokens = tok("My cat is called Miso")["input_ids"]
    with torch.no_grad():
        got = loaded(torch.tensor([tokens])).logits[0].numpy()
    assert np.abs(got - hf_logits(model, tokens)).max() < 1e-3
