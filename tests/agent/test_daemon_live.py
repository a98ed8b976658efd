"""The real daemon in a subprocess (started with --detach, stopped with `anima stop`), with the
bundled model and embedder, a real watchdog observer and a network guard loaded into it.

One daemon is shared by the tests of this module (start-up costs seconds on 2 cores); they run
in file order and the last one stops it.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time

import httpx
import pytest

from agent.config import Home

from daemon_helpers import Api, anima, daemon_env

MAX_QUEUE = 4  # small, so the 50-request test finishes quickly on 2 cores

NOTES = {
    "garden.md": "# Garden\n\nThe shed door code is 4471. The tomatoes grow by the south fence.\n",
    "boat.md": "# Boat\n\nMy sailing boat is called Aurora. It is moored at the north pier.\n",
    "books.md": "# Books\n\nI am reading a novel about lighthouse keepers in Norway.\n",
    "cat.md": "# Cat\n\nOur cat is called Miso. Miso is a grey tabby cat who sleeps on the piano.\n",
}


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    base = tmp_path_factory.mktemp("live")
    home = Home(base / "home").ensure()
    notes = base / "notes"
    notes.mkdir()
    for name, text in NOTES.items():
        (notes / name).write_text(text)
    net_log = base / "net.log"
    env = daemon_env(net_log)
    proc = anima(home, "daemon", "--detach", "--watch", str(notes), "--max-queue", str(MAX_QUEUE), env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    api = Api(home)
    api.wait_idle(lambda s: s["files"] == len(NOTES) and s["last_reconcile"], timeout=120)
    yield {"home": home, "notes": notes, "api": api, "env": env, "net_log": net_log}
    if home.daemon_file.exists():  # a failed test before test_stop: do not leak the daemon
        anima(home, "stop", env=env, timeout=60)


def test_requests_without_or_with_wrong_token_are_rejected(live):
    url = live["api"].url
    with httpx.Client(base_url=url, timeout=10, trust_env=False) as c:
        for method, path in [("GET", "/v1/status"), ("GET", "/v1/models"), ("POST", "/v1/chat/completions"),
                             ("GET", "/v1/events"), ("POST", "/v1/index"), ("GET", "/no/such/path")]:
            assert c.request(method, path).status_code == 401, path
            wrong = c.request(method, path, headers={"Authorization": "Bearer not-the-token"})
            assert wrong.status_code == 401, path
            assert wrong.json()["error"]["type"] == "authentication_error"
        bare = c.get("/v1/status", headers={"Authorization": live["api"].token})  # no "Bearer"
        assert bare.status_code == 401
    assert live["api"].http.get("/v1/models").status_code == 200
    mode = os.stat(live["home"].token_file).st_mode & 0o777
    assert mode == 0o600


def test_daemon_json_and_second_daemon_refused(live):
    home = live["home"]
    info = json.loads(home.daemon_file.read_text())
    assert info["url"].startswith("http://127.0.0.1:") and info["port"] > 0
    proc = anima(home, "daemon", env=live["env"], timeout=60)
    assert proc.returncode != 0
    assert "already running" in proc.stderr
    assert json.loads(home.daemon_file.read_text())["pid"] == info["pid"]  # the first one is untouched


def test_models_status_and_client(live):
    from agent.daemon.client import DaemonClient

    api = live["api"]
    models = api.http.get("/v1/models").json()
    assert models["object"] == "list" and models["data"][0]["id"]
    client = DaemonClient.find(live["home"])
    assert client is not None and client.pid == api.pid
    status = client.status()
    assert status["files"] == len(NOTES) and status["chunks"] >= len(NOTES)
    assert status["daemon"]["running"] and status["daemon"]["url"] == api.url
    assert status["watching"] == [str(live["notes"].resolve())]
    assert status["model"]["name"] == models["data"][0]["id"]
    assert status["schedule"]["reconcile"] > time.time()


def test_chat_completion_is_grounded_with_sources(live):
    api = live["api"]
    out = api.ask("What is the shed door code?")
    assert out["object"] == "chat.completion"
    assert out["choices"][0]["message"]["role"] == "assistant"
    assert any(s["path"].endswith("garden.md") for s in out["sources"])
    bad = api.http.post("/v1/chat/completions", json={"messages": []})
    assert bad.status_code == 400 and "messages" in bad.json()["error"]["message"]


def test_a_follow_up_is_read_with_the_conversation_the_client_sends(live):
    """OpenAI clients send the whole conversation each time; the daemon answers the last user
    message with the earlier turns (system messages are the client's, not the user's)."""
    from agent.daemon.server import ChatRequest, conversation

    api = live["api"]
    first = api.ask("What is my cat called?")
    said = first["choices"][0]["message"]["content"]
    assert "Miso" in said
    messages = [{"role": "system", "content": "You are a helpful assistant."},
                {"role": "user", "content": "What is my cat called?"},
                {"role": "assistant", "content": said},
                {"role": "user", "content": "What colour is she?"}]
    question, history = conversation(ChatRequest(messages=messages))
    assert question == "What colour is she?" and history == [("What is my cat called?", said)]
    out = api.http.post("/v1/chat/completions", json={"messages": messages}, timeout=120).json()
    assert "grey" in out["choices"][0]["message"]["content"]
    assert any(s["path"].endswith("cat.md") for s in out["sources"])


def test_streaming_is_openai_sse_and_client_ask_matches(live):
    from agent.daemon.client import DaemonClient

    api = live["api"]
    body = {"stream": True, "messages": [{"role": "user", "content": "What is my sailing boat called?"}]}
    with api.http.stream("POST", "/v1/chat/completions", json=body) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        datas = [line[6:] for line in r.iter_lines() if line.startswith("data: ")]
    assert datas[-1] == "[DONE]"
    chunks = [json.loads(d) for d in datas[:-1]]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert any(s["path"].endswith("boat.md") for s in chunks[-1]["sources"])
    streamed = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks).strip()
    assert streamed == chunks[-1]["anima"]["answer"]

    pieces: list[str] = []
    answer = DaemonClient.find(live["home"]).ask("What is my sailing boat called?", on_token=pieces.append)
    assert answer.answer and answer.model == chunks[-1]["anima"]["model"]
    assert "".join(pieces).strip() == answer.answer
    assert any(s.path.endswith("boat.md") for s in answer.sources)


def test_edit_is_reflected_in_answers_within_20_s(live):
    api, notes = live["api"], live["notes"]
    boat = notes / "boat.md"
    t0 = time.monotonic()
    boat.write_text("# Boat\n\nMy sailing boat is called Zephyrine. It is moored at the north pier.\n")
    new_file = notes / "bike.md"
    new_file.write_text("# Bike\n\nMy bicycle lock combination is 9182.\n")
    seen_new_file = seen_edit = False
    while time.monotonic() - t0 < 20 and not (seen_new_file and seen_edit):
        if not seen_new_file:
            out = api.ask("What is my bicycle lock combination?")
            seen_new_file = any(s["path"].endswith("bike.md") for s in out["sources"])
        if not seen_edit:
            out = api.ask("What is my sailing boat called?")
            seen_edit = "Zephyrine" in out["choices"][0]["message"]["content"]
        time.sleep(0.2)
    assert seen_new_file and seen_edit, f"not reflected after {time.monotonic() - t0:.1f} s"
    # Deleting a note removes it from answers' sources; a renamed note is found under its new name.
    new_file.unlink()
    (notes / "books.md").rename(notes / "reading.md")
    api.wait_idle(lambda s: s["files"] == len(NOTES), timeout=20)
    out = api.ask("What is my bicycle lock combination?")
    assert not any(s["path"].endswith("bike.md") for s in out["sources"])
    out = api.ask("What novel am I reading about lighthouse keepers?")
    paths = [s["path"] for s in out["sources"]]
    assert any(p.endswith("reading.md") for p in paths) and not any(p.endswith("books.md") for p in paths)


def test_burst_of_500_files_is_indexed_once_each(live):
    api, notes = live["api"], live["notes"]
    before = api.wait_idle()
    burst = notes / "imported"
    burst.mkdir()
    for i in range(500):
        (burst / f"item{i:03}.md").write_text(f"# Item {i}\n\nInventory item number {i} is stored in bin {i * 7 % 97}.\n")
    after = api.wait_idle(lambda s: s["files"] == before["files"] + 500, timeout=150)
    delta = {k: after["activity"][k] - before["activity"][k] for k in ("files_indexed", "chunks_embedded", "batches")}
    assert delta["files_indexed"] == 500, delta
    assert delta["chunks_embedded"] == 500, delta  # one chunk per file, each embedded exactly once
    assert delta["batches"] <= 3, delta  # debounced: a handful of batches, not 500
    # The whole folder removed at once (rm -rf): its 500 files are forgotten.
    shutil.rmtree(burst)
    api.wait_idle(lambda s: s["files"] == before["files"], timeout=60)


def test_50_concurrent_requests_are_answered_or_cleanly_refused(live):
    api = live["api"]
    results: list[tuple[int, str | None]] = []
    lock = threading.Lock()

    def one(i: int) -> None:
        with httpx.Client(base_url=api.url, headers={"Authorization": f"Bearer {api.token}"}, timeout=180,
                          trust_env=False) as c:
            if i % 5 == 0:
                r = c.get("/v1/status")
            else:
                r = c.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": f"Where is inventory item {i}?"}]})
        with lock:
            results.append((r.status_code, r.headers.get("retry-after")))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    assert len(results) == 50
    codes = [c for c, _ in results]
    assert set(codes) <= {200, 503}, codes
    assert codes.count(200) >= 10 + MAX_QUEUE  # every status read and at least the first admitted questions
    assert all(ra and int(ra) > 0 for c, ra in results if c == 503)
    assert api.http.get("/v1/health").json()["ok"]


def test_events_stream_reports_indexing(live):
    from agent.daemon.client import DaemonClient

    client = DaemonClient.find(live["home"])
    seen: list[dict] = []

    def follow():
        for ev in client.events(timeout=30):
            seen.append(ev)
            if ev["type"] == "index" and ev.get("phase") == "done":
                return

    t = threading.Thread(target=follow, daemon=True)
    t.start()
    deadline = time.monotonic() + 10
    while not seen and time.monotonic() < deadline:
        time.sleep(0.05)
    assert seen and seen[0]["type"] == "status" and "files" in seen[0]
    (live["notes"] / "events.md").write_text("# Events\n\nA note written to produce events.\n")
    t.join(timeout=30)
    kinds = [(e["type"], e.get("phase")) for e in seen]
    assert ("index", "start") in kinds and ("index", "done") in kinds, kinds
    assert any(e.get("path", "").endswith("events.md") for e in seen if e.get("phase") == "progress")


def test_no_network_index_ask_and_daemon(live):
    """Every test above (indexing by the watcher, asks, the API) ran with the guard in the daemon."""
    net_log = live["net_log"]
    # The guard works: a non-loopback connection from a guarded process fails and is recorded.
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('93.184.216.34', 80), 2)"],
                           env=live["env"], capture_output=True, text=True, timeout=30)
    assert probe.returncode != 0 and "netguard" in probe.stderr
    lines = net_log.read_text().splitlines()
    assert any(line.endswith("BLOCKED connect ('93.184.216.34', 80)") for line in lines)
    # The daemon (running all along under the guard) loaded it and never tried to reach out.
    pid = str(live["api"].pid)
    assert f"{pid} loaded" in lines
    assert not [ln for ln in lines if ln.startswith(pid + " ") and "BLOCKED" in ln]


def test_promoted_model_is_hot_swapped(live, chat_model_path):
    """A promotion (by the nightly cycle or `anima train`) is picked up without a restart."""
    from agent.registry import Registry

    api = live["api"]
    version = Registry(live["home"]).promote(chat_model_path, {"eval": {"heldout": 0.75}, "run_id": "test"})
    deadline = time.monotonic() + 40
    while api.http.get("/v1/models").json()["data"][0]["id"] != version.version:
        assert time.monotonic() < deadline, "the daemon did not swap to the promoted model"
        time.sleep(0.5)
    status = api.status()
    assert status["model"] == {"name": version.version, "version": version.version, "eval_score": 0.75}
    assert status["activity"]["model_swaps"] == 1
    assert api.ask("What is the shed door code?")["model"] == version.version


def test_stop_shuts_down_cleanly(live):
    home, api = live["home"], live["api"]
    api.http.close()  # an idle keep-alive connection would hold uvicorn's graceful shutdown
    proc = anima(home, "stop", env=live["env"], timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert not home.daemon_file.exists()
    from agent.daemon.client import DaemonClient
    from agent.daemon.lock import pid_alive

    assert not pid_alive(api.pid)
    assert DaemonClient.find(home) is None
    assert "daemon stopped" in (home.logs_dir / "daemon.log").read_text()
