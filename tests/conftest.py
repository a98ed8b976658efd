"""Fixtures shared by every test package: where the demo data and bundled models live."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# Set before anything imports transformers/chromadb: tests must prove nothing reaches the network.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # see agent/__init__.py

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def demo_notes() -> Path:
    return REPO / "demo" / "notes"


@pytest.fixture(scope="session")
def lena_dir() -> Path:
    path = SHARED / "persona" / "lena"
    if not path.is_dir():
        pytest.fail(f"the shared persona corpus is missing at {path} (CI clones main with shared/ beside it)")
    return path


@pytest.fixture(scope="session")
def chat_model_path() -> Path:
    from agent.llm import bundled_chat_model

    return bundled_chat_model()


@pytest.fixture(scope="session")
def embedder_path() -> Path:
    from memory.embedder import bundled_embedder_path

    return bundled_embedder_path()


@pytest.fixture()
def home(tmp_path, monkeypatch):
    """A fresh anima home; ANIMA_HOME points at it so subprocesses agree."""
    from agent.config import Home

    root = tmp_path / "home"
    monkeypatch.setenv("ANIMA_HOME", str(root))
    return Home(root).ensure()


@pytest.fixture()
def chroma_server(tmp_path):
    """A real Chroma server (`chroma run`, from the chromadb package) on a free loopback port.
    Yields its URL; it keeps its data in tmp_path / "chroma-server"."""
    import shutil
    import socket
    import subprocess
    import sys
    import time

    import httpx

    exe = shutil.which("chroma", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("the `chroma` CLI of the chromadb package is missing from the venv")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, ANONYMIZED_TELEMETRY="False", CHROMA_TELEMETRY="False")
    proc = subprocess.Popen(
        [exe, "run", "--path", str(tmp_path / "chroma-server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chroma server did not start (exit code {proc.poll()})")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture()
def vphone():
    """A virtual phone connected to the real adb server, disconnected and stopped afterwards."""
    from tools.virtual_phone import VirtualPhone, adb_connect, adb_disconnect

    phone = VirtualPhone()
    phone.start()
    adb_connect(phone.serial)
    yield phone
    adb_disconnect(phone.serial)
    phone.stop()


@pytest.fixture(scope="session")
def speak(tmp_path_factory):
    """speak(text) -> a WAV file of espeak-ng saying it (real speech for the recognizer)."""
    import subprocess

    folder = tmp_path_factory.mktemp("speech")

    def _speak(text: str):
        out = folder / (text.replace(" ", "_") + ".wav")
        subprocess.run(["espeak-ng", "-w", str(out), text], check=True, capture_output=True)
        return out

    return _speak
