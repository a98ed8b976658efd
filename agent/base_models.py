"""Base models the user brings (`anima models add PATH`): what is served and what training starts from.

Layout under <home>/models/base/<name>/:
    model.gguf      what llama.cpp serves, and the metadata/layout every fine-tuned export copies
    hf/             the Hugging Face folder (config, safetensors, tokenizer) training loads, if any
    manifest.json   a BaseModelRecord

Three ways in:
    a GGUF and its HF folder   served as given; training loads the exact HF weights
    an HF folder alone         exported to GGUF here (finetune.hf_gguf), quantized to [train] quant
    a GGUF alone               served as given; training dequantizes it with transformers

Everything is checked before anything is kept (llama.cpp loads the GGUF, the folder matches it),
and built in a staging directory that is renamed into place at the end: a failure leaves no half
model behind. Adding a model makes it the active base: `[model] base = "<name>"` in config.toml.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from agent.config import Home, Settings
from agent.llm import ModelError

log = logging.getLogger("anima.models")

BASE_DIR = "base"
MANIFEST = "manifest.json"
GGUF_NAME = "model.gguf"
HF_NAME = "hf"
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
# Files of an HF folder training needs; anything else (README, .git, other checkpoints) stays behind.
_HF_FILES = re.compile(r"^(config\.json|generation_config\.json|.*\.safetensors|model\.safetensors\.index\.json|"
                       r"tokenizer\.json|tokenizer_config\.json|special_tokens_map\.json|tokenizer\.model|"
                       r"vocab\.json|merges\.txt|added_tokens\.json|chat_template\.jinja|chat_template\.json)$")


class BaseModelError(ModelError):
    """A model that cannot be added or used; one line naming the path and the fix."""


class BaseModelRecord(BaseModel):
    name: str
    arch: str  # GGUF architecture: qwen2, gemma3, llama
    kind: Literal["gguf+hf", "hf", "gguf"]  # what the user brought
    source: str  # the path given to `anima models add`
    created: str
    gguf: str = GGUF_NAME  # relative to the record's folder
    hf_dir: str | None = None  # relative to the record's folder; None: train from the dequantized GGUF
    quant: str | None = None  # the quantization made here (kind "hf"), else None
    size_bytes: int = 0
    n_params: int | None = None

    def folder(self, home: Home) -> Path:
        return base_root(home) / self.name

    def gguf_path(self, home: Home) -> Path:
        return self.folder(home) / self.gguf

    def hf_path(self, home: Home) -> Path | None:
        return self.folder(home) / self.hf_dir if self.hf_dir else None


def base_root(home: Home) -> Path:
    return home.models_dir / BASE_DIR


# ---------------------------------------------------------------------------------------------
# reading


def list_bases(home: Home) -> list[BaseModelRecord]:
    root = base_root(home)
    if not root.is_dir():
        return []
    found = []
    for d in sorted(root.iterdir()):
        if d.name.startswith(".") or not (d / MANIFEST).is_file():
            continue
        try:
            found.append(BaseModelRecord.model_validate_json((d / MANIFEST).read_text(encoding="utf-8")))
        except ValueError as exc:
            log.warning("ignoring base model %s: unreadable %s (%s)", d.name, MANIFEST, exc)
    return found


def get_base(home: Home, name: str) -> BaseModelRecord:
    path = base_root(home) / name / MANIFEST
    try:
        return BaseModelRecord.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        have = ", ".join(b.name for b in list_bases(home)) or "none"
        raise BaseModelError(
            f"base model {name!r} is not in {base_root(home)} (have: {have}); "
            f"add it with `anima models add PATH` or clear [model] base in config.toml") from None


def active_base(home: Home, settings: Settings) -> BaseModelRecord | None:
    """The record named by [model] base, or None when the bundled demo model is the base."""
    name = (getattr(settings.model, "base", "") or "").strip()
    return get_base(home, name) if name else None


# ---------------------------------------------------------------------------------------------
# adding


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-.")[:64]
    return slug or "model"


def _one_gguf(folder: Path) -> Path | None:
    found = sorted(p for p in folder.glob("*.gguf") if p.is_file())
    if len(found) > 1:
        raise BaseModelError(f"{folder} holds {len(found)} GGUF files; name the one to serve: "
                             f"`anima models add {found[0]} --hf {folder}`")
    return found[0] if found else None


def classify(path: Path, hf: Path | None = None) -> tuple[Path | None, Path | None]:
    """(gguf file, hf folder) for what the user pointed at; BaseModelError if neither is a model."""
    from finetune.hf_gguf import is_hf_folder

    path = Path(path).expanduser()
    if not path.exists():
        raise BaseModelError(f"{path}: no such file or folder; give a .gguf file or a Hugging Face model folder")
    gguf, folder = None, None
    if path.is_file():
        gguf = path
    elif is_hf_folder(path):
        folder, gguf = path, _one_gguf(path)
    else:
        gguf = _one_gguf(path)
        if gguf is None:
            raise BaseModelError(
                f"{path} is not a model: it has no config.json (Hugging Face folder) and no .gguf file; "
                "point at a model folder with config.json, safetensors and tokenizer.json, or at a .gguf file")
    if hf is not None:
        hf = Path(hf).expanduser()
        if not is_hf_folder(hf):
            raise BaseModelError(f"{hf} is not a Hugging Face model folder (no config.json); "
                                 "give the folder holding config.json, the safetensors and the tokenizer")
        folder = hf
    if folder is not None and not any(folder.glob("*.safetensors")):
        raise BaseModelError(f"{folder} has config.json but no .safetensors weights; "
                             "download the model's safetensors into it (or give its .gguf file alone)")
    return gguf, folder


def _check_gguf(gguf: Path):
    """The GGUF's BaseGGUF description, after header, parse and llama.cpp load checks."""
    from agent.llm import check_gguf
    from agent.registry import verify_loads
    from finetune.gguf_io import HF_TO_GGUF_ARCH, ExportError, read_base

    fix = "replace it with a complete .gguf file (re-download or re-convert it)"
    try:
        check_gguf(gguf)
        meta = read_base(gguf)
    except (ModelError, ExportError) as exc:
        detail = str(exc).splitlines()[0].replace(str(gguf.resolve()), "").replace(str(gguf), "").strip(" :")
        raise BaseModelError(f"{gguf}: not a readable GGUF model, truncated or corrupt ({detail[:160]}); {fix}") from None
    supported = sorted(set(HF_TO_GGUF_ARCH.values()))
    if meta.arch not in supported:
        raise BaseModelError(f"{gguf}: architecture {meta.arch!r} cannot be fine-tuned and exported here "
                             f"(supported: {', '.join(supported)}); pick a model of one of those families")
    try:
        verify_loads(gguf)
    except ModelError:
        raise BaseModelError(f"{gguf}: llama.cpp cannot load it (truncated or corrupt); {fix}") from None
    return meta


def _check_pair(gguf_meta, folder: Path) -> None:
    """The HF folder must be the same model as the GGUF: training one and serving the other
    would export weights into a layout they do not fit."""
    from transformers import AutoConfig

    from finetune.gguf_io import ExportError
    from finetune.hf_gguf import gguf_arch

    try:
        config = AutoConfig.from_pretrained(str(folder), local_files_only=True)
        arch = gguf_arch(config)
    except (OSError, ValueError, KeyError, ExportError) as exc:
        raise BaseModelError(f"{folder}: unreadable config.json ({str(exc).splitlines()[0][:200]}); "
                             "fix or re-download the model folder") from None
    a = gguf_meta.arch
    want = {"architecture": (arch, a), "layers": (config.num_hidden_layers, gguf_meta.block_count),
            "hidden size": (config.hidden_size, gguf_meta.get(f"{a}.embedding_length"))}
    for what, (hf_value, gguf_value) in want.items():
        if hf_value != gguf_value:
            raise BaseModelError(f"{folder} does not match {gguf_meta.path.name}: {what} {hf_value} vs {gguf_value}; "
                                 "give the GGUF and the Hugging Face folder of the same model")


def _place(src: Path, dst: Path) -> None:
    """Hard link when the home is on the same disk (instant, no extra space), else copy."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def _copy_hf(folder: Path, dst: Path) -> None:
    dst.mkdir(parents=True)
    for p in sorted(folder.iterdir()):
        if p.is_file() and _HF_FILES.match(p.name):
            _place(p, dst / p.name)


def add_base(home: Home, path: Path, *, name: str | None = None, hf: Path | None = None,
             quant: str = "Q8_0", on_step=None) -> BaseModelRecord:
    """Check, copy (or convert) and record a model; returns its record. Does not activate it."""
    from finetune.gguf_io import ExportError

    step = on_step or (lambda msg: None)
    gguf, folder = classify(path, hf)
    kind = "gguf+hf" if gguf and folder else ("hf" if folder else "gguf")
    if name is None:
        name = _slug((folder or gguf).name if kind != "gguf" else gguf.stem)
    if not _NAME_RE.match(name):
        raise BaseModelError(f"{name!r} is not a usable model name; use lower-case letters, digits, '.', '_' or '-' (--name)")
    root = base_root(home)
    if (root / name).exists():
        raise BaseModelError(f"a base model named {name!r} already exists in {root}; choose another with --name")
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f".incoming-{name}-{os.getpid()}-{time.monotonic_ns()}"
    staging.mkdir()
    try:
        if gguf is not None:
            step(f"checking {gguf.name}")
            meta = _check_gguf(gguf)
            if folder is not None:
                _check_pair(meta, folder)
            _place(gguf, staging / GGUF_NAME)
            made_quant = None
        else:
            meta, made_quant = _convert(folder, staging, quant, name, step)
        if folder is not None:
            step("copying the Hugging Face folder")
            _copy_hf(folder, staging / HF_NAME)
        n_params = _count_params(staging / GGUF_NAME)
        record = BaseModelRecord(
            name=name, arch=meta.arch, kind=kind, source=str(Path(path).expanduser().resolve()),
            created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            hf_dir=HF_NAME if folder is not None else None, quant=made_quant,
            size_bytes=(staging / GGUF_NAME).stat().st_size, n_params=n_params,
        )
        (staging / MANIFEST).write_text(record.model_dump_json(indent=2), encoding="utf-8")
        os.rename(staging, root / name)  # the record appears complete or not at all
    except ExportError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BaseModelError(f"{path}: {str(exc).splitlines()[0]}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return record


def _convert(folder: Path, staging: Path, quant: str, name: str, step):
    """HF folder -> F16 GGUF (checked tokenizer) -> `quant` GGUF, checked by llama.cpp."""
    from finetune.hf_gguf import convert_folder
    from finetune.quantize import quantize

    step(f"converting {folder.name} to GGUF (f16)")
    f16 = convert_folder(folder, staging / "model-f16.gguf", outtype="f16", name=name)
    made = None
    if quant.upper() not in ("F16", ""):
        step(f"quantizing to {quant}")
        quantize(f16, staging / GGUF_NAME, quant)
        f16.unlink()
        made = quant.upper()
    else:
        f16.rename(staging / GGUF_NAME)
    return _check_gguf(staging / GGUF_NAME), made


def _count_params(gguf: Path) -> int | None:
    from finetune.gguf_io import read_base

    try:
        total = 0
        for shape in read_base(gguf).tensor_shapes.values():
            n = 1
            for d in shape:
                n *= d
            total += n
        return total
    except Exception:  # informational only
        return None


def base_gguf_path(home: Home, settings: Settings) -> Path:
    """The GGUF fine-tuning exports into and `--mode base|rag` evaluates: an explicit [model] path,
    else the active base model, else the bundled demo model."""
    from agent.llm import bundled_chat_model

    if settings.model.path:
        return Path(settings.model.path).expanduser()
    record = active_base(home, settings)
    return record.gguf_path(home) if record else bundled_chat_model()


def base_hf_dir(home: Home, settings: Settings) -> Path | None:
    """The active base's HF folder (exact weights to train on), or None: train from the GGUF."""
    if settings.model.path:
        return None
    record = active_base(home, settings)
    return record.hf_path(home) if record else None


def trained_from(meta, record: BaseModelRecord) -> bool:
    """Whether a personal version (its registry VersionMeta) was fine-tuned from this base.
    Compared by the path's tail so a moved home still recognises its own versions."""
    base = Path(str(meta.base or ""))
    return base.parts[-3:] == (BASE_DIR, record.name, record.gguf)


def set_active(home: Home, name: str) -> None:
    """Write `[model] base = name` to config.toml, keeping the user's comments."""
    import tomlkit

    from agent.config import DEFAULT_CONFIG

    cfg = home.config_file
    text = cfg.read_text(encoding="utf-8") if cfg.exists() else DEFAULT_CONFIG
    doc = tomlkit.parse(text)
    if "model" not in doc:
        doc["model"] = tomlkit.table()
    doc["model"]["base"] = name
    tmp = cfg.with_name(cfg.name + ".tmp")
    tmp.write_text(tomlkit.dumps(doc), encoding="utf-8")
    os.replace(tmp, cfg)
