"""memory.chroma_url: the same Memory against a real Chroma server (`chroma run`, loopback)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def chroma_server(tmp_path):
    exe = shutil.which("chroma", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("the `chroma` CLI of the chromadb package is missing from the venv")
    port = _free_port()
    env = dict(os.environ, ANONYMIZED_TELEMETRY="False", CHROMA_TELEMETRY="False")
    proc = subprocess.Popen(
        [exe, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
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


def test_memory_uses_a_chroma_server_when_chroma_url_is_set(make_memory, tmp_path, chroma_server):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "bike.md").write_text("# Bike\n\nThe bike lock code is 3141 and the tyres want 4 bar.\n")
    (notes / "tea.md").write_text("# Tea\n\nGenmaicha steeps at 80 degrees for three minutes.\n")
    mem = make_memory(chroma_url=chroma_server)
    report = mem.index([notes])
    assert report.chunks_embedded == 2
    assert mem.stats().store == chroma_server
    assert not (tmp_path / "data" / "chroma").exists()  # nothing stored locally but the ledger
    assert mem.search("how hot should the water be for my tea", k=1)[0].path == str(notes / "tea.md")
    (notes / "tea.md").unlink()
    mem.index([notes])
    assert mem.audit([notes]).ok and mem.store.count() == 1
