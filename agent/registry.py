"""The model registry: numbered versions of the personal model and which one is served.

Layout under <home>/models/:
    v001/model.gguf, v001/meta.json, v002/...
    current -> v002            (a relative symlink; the served model is models/current/model.gguf)

A version only ever appears under its final name after its file has been copied *and* loaded by
llama.cpp, so a truncated or corrupt GGUF never becomes a version, let alone current. Switching is
one os.replace of a symlink, which is atomic: a reader resolving models/current sees the old
version or the new one, never a missing or half-written file.
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agent.config import Home
from agent.llm import ModelError, check_gguf, load_llama

log = logging.getLogger(__name__)

MODEL_FILE = "model.gguf"
META_FILE = "meta.json"
_VERSION_RE = re.compile(r"^v(\d{3,})$")


class RegistryError(ModelError):
    """A registry operation that cannot be done; the message says why and what to do."""


class VersionEval(BaseModel):
    """What the training gate measured for this version (agent/training.py writes it)."""

    model_config = ConfigDict(extra="allow")
    heldout: float | None = None  # held-out accuracy on the persona's own questions
    general: float | None = None  # general questions answered right
    by_kind: dict[str, float] = Field(default_factory=dict)
    previous_heldout: float | None = None


class VersionMeta(BaseModel):
    """meta.json of a version. Typed so every reader (status, `models list`, the TUI) finds the
    score in one place; unknown keys written by other tools are kept."""

    model_config = ConfigDict(extra="allow")
    run_id: str | None = None
    base: str | None = None  # the GGUF the version was fine-tuned from
    eval: VersionEval | None = None
    quant: str | None = None
    train: dict = Field(default_factory=dict)
    source: str | None = None

    @property
    def eval_score(self) -> float | None:
        return self.eval.heldout if self.eval is not None else None


class ModelVersion(BaseModel):
    version: str  # "v001"
    path: Path  # the model.gguf of this version
    created: str  # ISO 8601, UTC
    meta: VersionMeta = Field(default_factory=VersionMeta)


def _number(version: str) -> int:
    match = _VERSION_RE.match(version)
    if not match:
        raise RegistryError(f"not a model version: {version!r} (versions look like v001)")
    return int(match.group(1))


def normalize_version(text: str) -> str:
    """'3', '003', 'v3' and 'v003' all name v003."""
    raw = text.strip().lower().removeprefix("v")
    if not raw.isdigit():
        raise RegistryError(f"not a model version: {text!r} (versions look like v001; see `anima models list`)")
    return f"v{int(raw):03d}"


def verify_loads(path: Path) -> None:
    """Header check, then a real llama.cpp load with a tiny context: truncated files fail here."""
    check_gguf(path)
    llm = load_llama(path, n_ctx=64)
    close = getattr(llm, "close", None)
    if close:
        close()


class Registry:
    def __init__(self, home: Home, *, keep_versions: int | None = None):
        self.home = home
        self.dir = home.models_dir
        if keep_versions is None:
            keep_versions = home.load_settings().train.keep_versions
        self.keep_versions = max(1, int(keep_versions))

    # -- reading -------------------------------------------------------------------------------
    @property
    def current_link(self) -> Path:
        return self.dir / "current"

    def _version_dirs(self) -> list[Path]:
        if not self.dir.is_dir():
            return []
        found = [p for p in self.dir.iterdir() if p.is_dir() and not p.is_symlink() and _VERSION_RE.match(p.name)]
        return sorted(found, key=lambda p: _number(p.name))

    def _load(self, vdir: Path) -> ModelVersion | None:
        model = vdir / MODEL_FILE
        if not model.is_file():
            return None
        raw: dict = {}
        try:
            raw = json.loads((vdir / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            log.warning("model %s has no readable %s", vdir.name, META_FILE)
        created = raw.pop("created", None) or datetime.fromtimestamp(model.stat().st_mtime, timezone.utc).isoformat()
        try:
            meta = VersionMeta.model_validate(raw)
        except ValidationError:
            log.warning("model %s has a %s of another shape; ignoring it", vdir.name, META_FILE)
            meta = VersionMeta()
        return ModelVersion(version=vdir.name, path=model, created=created, meta=meta)

    def list(self) -> list[ModelVersion]:
        """All complete versions, oldest first."""
        return [v for v in (self._load(d) for d in self._version_dirs()) if v is not None]

    def get(self, version: str) -> ModelVersion:
        name = normalize_version(version)
        found = self._load(self.dir / name) if (self.dir / name).is_dir() else None
        if found is None:
            have = ", ".join(v.version for v in self.list()) or "none"
            raise RegistryError(f"no model version {name} (have: {have})")
        return found

    def current_version(self) -> str | None:
        try:
            target = os.readlink(self.current_link)
        except OSError:
            return None
        name = Path(target).name
        return name if _VERSION_RE.match(name) else None

    def current(self) -> ModelVersion | None:
        """The served version, or None (no promotion yet, or its directory is gone)."""
        name = self.current_version()
        if name is None or not (self.dir / name).is_dir():
            return None
        return self._load(self.dir / name)

    # -- changing ------------------------------------------------------------------------------
    def _next_version(self) -> str:
        numbers = [_number(d.name) for d in self._version_dirs()]
        return f"v{(max(numbers) if numbers else 0) + 1:03d}"

    def promote(self, gguf: Path, meta: VersionMeta | dict) -> ModelVersion:
        """Copy `gguf` in as the next version, check llama.cpp loads the copy, make it current.

        Anything wrong (missing, truncated, not a GGUF) raises ModelError (RegistryError) and
        leaves the registry exactly as it was.
        """
        gguf = Path(gguf)
        check_gguf(gguf)
        self.dir.mkdir(parents=True, exist_ok=True)
        staging = self.dir / f".incoming{os.getpid()}-{time.monotonic_ns()}"
        staging.mkdir()
        try:
            shutil.copyfile(gguf, staging / MODEL_FILE)
            # Checked on the copy, not the source: a short copy (disk full) must fail here too.
            try:
                verify_loads(staging / MODEL_FILE)
            except ModelError:
                served = self.current_version() or "the bundled demo model"
                raise RegistryError(
                    f"refusing to promote {gguf}: llama.cpp cannot load it (truncated or corrupt). "
                    f"Still serving {served}."
                ) from None
            typed = VersionMeta.model_validate(meta) if isinstance(meta, dict) else meta
            record = {**typed.model_dump(mode="json", exclude_none=True), "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                      "source": str(gguf)}
            (staging / META_FILE).write_text(json.dumps(record, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
            _fsync_dir(staging)
            version = self._claim(staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        self._switch(version)
        self._prune()
        log.info("promoted %s as %s", gguf.name, version)
        return self.get(version)

    def _claim(self, staging: Path) -> str:
        """Rename the checked staging dir to the next free vNNN. rename() refuses an existing
        non-empty directory, so two promotions racing get distinct numbers."""
        for _ in range(20):
            version = self._next_version()
            try:
                os.rename(staging, self.dir / version)
                return version
            except OSError:
                if not (self.dir / version).exists():
                    raise
        raise RegistryError(f"could not claim a version number in {self.dir}")

    def use(self, version: str) -> ModelVersion:
        """Serve `version` (after checking it still loads)."""
        found = self.get(version)
        verify_loads(found.path)
        self._switch(found.version)
        return found

    def rollback(self) -> ModelVersion:
        """Serve the version before the current one (by number)."""
        name = self.current_version()
        versions = self.list()
        if name is None:
            raise RegistryError("no model has been promoted yet, so there is nothing to roll back")
        older = [v for v in versions if _number(v.version) < _number(name)]
        if not older:
            raise RegistryError(f"{name} is the oldest kept version; there is nothing older to roll back to")
        return self.use(older[-1].version)

    def _switch(self, version: str) -> None:
        tmp = self.dir / f"current.tmp{os.getpid()}"
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        os.symlink(version, tmp)  # relative: the home can move
        os.replace(tmp, self.current_link)
        _fsync_dir(self.dir)

    def _prune(self) -> None:
        """Keep the newest keep_versions versions; never delete the one being served."""
        current = self.current_version()
        dirs = self._version_dirs()
        for d in dirs[: max(0, len(dirs) - self.keep_versions)]:
            if d.name == current:
                continue
            shutil.rmtree(d, ignore_errors=True)
            log.info("pruned model %s", d.name)
        # Staging directories left by a crash mid-promote (never a version: safe to delete once old).
        for leftover in self.dir.glob(".incoming*"):
            try:
                if time.time() - leftover.stat().st_mtime > 3600:
                    shutil.rmtree(leftover, ignore_errors=True)
            except OSError:
                pass


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
