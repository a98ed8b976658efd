"""Talking to a running daemon: what `anima ask`, `anima status` and the TUI use when it is up.

find() must be cheap and never hang: it reads two small files, checks the pid and opens one TCP
connection with a short timeout. A stale daemon.json (the daemon was kill -9'd) gives None, so
callers fall back to in-process work.
"""
from __future__ import annotations

import json
import socket
import threading
from typing import Callable, Iterator, Sequence

import logging

import httpx

from agent.config import Home
from agent.daemon.auth import read_token
from agent.daemon.lock import DaemonLock, pid_alive, read_daemon_info


# httpx logs every request at INFO; `anima ask` output must stay the answer alone.
logging.getLogger("httpx").setLevel(logging.WARNING)


class DaemonError(Exception):
    """The daemon answered with an error (the message carries its explanation)."""


class DaemonClient:
    def __init__(self, url: str, token: str, *, pid: int | None = None, timeout: float = 300.0):
        self.url = url.rstrip("/")
        self.token = token
        self.pid = pid
        self.timeout = timeout

    @classmethod
    def find(cls, home: Home, *, connect_timeout: float = 0.3) -> "DaemonClient | None":
        info = read_daemon_info(home.daemon_file)
        if info is None or not pid_alive(info.pid):
            return None
        # The lock is held for exactly the daemon's life: a reused pid does not hold it.
        if not DaemonLock(home.lock_file).is_held_elsewhere():
            return None
        token = read_token(home.token_file)
        if token is None:
            return None
        try:
            with socket.create_connection((info.host, info.port), timeout=connect_timeout):
                pass
        except OSError:
            return None
        return cls(info.url, token, pid=info.pid)

    # -- plumbing --------------------------------------------------------------------------
    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def _client(self, timeout: float | None = None) -> httpx.Client:
        # trust_env=False: a user's HTTP(S)_PROXY must never route loopback traffic elsewhere.
        return httpx.Client(base_url=self.url, headers=self.headers, timeout=timeout or self.timeout, trust_env=False)

    @staticmethod
    def _check(resp: httpx.Response) -> None:
        if resp.status_code >= 400:
            try:
                detail = resp.json().get("error", {}).get("message") or resp.text
            except ValueError:
                detail = resp.text
            raise DaemonError(f"daemon answered {resp.status_code}: {detail}")

    def get(self, path: str) -> dict:
        return self._request("GET", path)

    def post(self, path: str, body: dict) -> dict:
        return self._request("POST", path, body)

    def _request(self, method: str, path: str, body: dict | None = None) -> dict:
        try:
            with self._client() as c:
                resp = c.request(method, path, json=body)
        except httpx.HTTPError as exc:  # refused, reset, timed out: the daemon died or hung
            raise DaemonError(f"the daemon at {self.url} stopped answering ({exc.__class__.__name__})") from None
        self._check(resp)
        return resp.json()

    # -- API -------------------------------------------------------------------------------
    def status(self) -> dict:
        return self.get("/v1/status")

    def models(self) -> dict:
        return self.get("/v1/models")

    def index(self, paths: list[str] | None = None, *, rebuild: bool = False) -> dict:
        return self.post("/v1/index", {"paths": [str(p) for p in paths or []], "rebuild": rebuild})

    def ask(self, question: str, on_token: Callable[[str], None] | None = None, *, mode: str = "rag",
            history: Sequence[tuple[str, str]] = (), cancel: threading.Event | None = None):
        """Ask through the OpenAI-compatible endpoint (streaming), with the conversation so far
        as earlier messages; returns agent.chat.Answer. Setting `cancel` closes the stream, and
        the daemon stops generating when its client goes away."""
        from agent.chat import Answer

        messages = []
        for q, a in history:
            messages += [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
        messages.append({"role": "user", "content": question})
        body = {"model": "anima", "stream": True, "messages": messages, "anima_mode": mode}
        parts: list[str] = []
        final: dict = {}
        cancelled = False
        try:
            with self._client() as c, c.stream("POST", "/v1/chat/completions", json=body) as resp:
                if resp.status_code >= 400:
                    resp.read()
                    self._check(resp)
                for data in _sse_data(resp.iter_lines()):
                    if cancel is not None and cancel.is_set():
                        cancelled = True
                        break
                    if data == "[DONE]":
                        break
                    obj = json.loads(data)
                    if "error" in obj:
                        raise DaemonError(str(obj["error"].get("message", obj["error"])))
                    piece = (obj.get("choices") or [{}])[0].get("delta", {}).get("content")
                    if piece:
                        parts.append(piece)
                        if on_token:
                            on_token(piece)
                    if "anima" in obj:
                        final = obj["anima"]
        except httpx.HTTPError as exc:
            raise DaemonError(f"the daemon at {self.url} stopped answering ({exc.__class__.__name__})") from None
        if cancelled:
            final = {"answer": ("".join(parts).strip() + " [cancelled]").strip()}
        # The daemon's last event carries the whole Answer (citation and kind included).
        return Answer.model_validate({"answer": "".join(parts).strip(), "sources": [], "model": "",
                                      "timings_ms": {}, **final})

    def events(self, *, timeout: float | None = None) -> Iterator[dict]:
        """Daemon events as they happen (blocking iterator; ends when the daemon stops)."""
        t = httpx.Timeout(timeout if timeout is not None else 3600.0, connect=5.0)
        with httpx.Client(base_url=self.url, headers=self.headers, timeout=t, trust_env=False) as c:
            with c.stream("GET", "/v1/events") as resp:
                if resp.status_code >= 400:
                    resp.read()
                    self._check(resp)
                for data in _sse_data(resp.iter_lines()):
                    try:
                        yield json.loads(data)
                    except ValueError:
                        continue


def _sse_data(lines: Iterator[str]) -> Iterator[str]:
    """The `data:` payloads of a server-sent-event stream (one line each, as the daemon writes them)."""
    for line in lines:
        if line.startswith("data:"):
            yield line[5:].strip()
