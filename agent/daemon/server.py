"""The local HTTP API (FastAPI on uvicorn).

Why FastAPI rather than the stdlib http.server: request bodies are validated by pydantic models
(typed boundaries, clear 400s), streaming responses (SSE) and many idle connections are cheap on
one asyncio loop instead of a thread each, and uvicorn's HTTP parser is hardened — all already
installed. Blocking work (llama.cpp, chromadb) runs on a bounded thread pool, never on the loop.

Endpoints (all need `Authorization: Bearer <home>/token`):
  POST /v1/chat/completions  OpenAI-compatible, `stream: true` → SSE; grounded; extra "sources"
  GET  /v1/models            the served model
  GET  /v1/status            agent.status.collect_status + daemon counters
  POST /v1/index             {"paths": [...], "rebuild": bool} → IndexReport
  POST /v1/reconcile         ledger vs disk now → IndexReport
  GET  /v1/events            SSE stream of {"type": index|reconcile|train|model|status|log, ...}
  GET  /v1/health            liveness
"""
from __future__ import annotations

import asyncio
import json
import logging
import secrets
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from memory.types import MemoryFailure

log = logging.getLogger("anima.daemon.api")

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
RETRY_AFTER_S = 2


def _error(status: int, message: str, type_: str = "invalid_request_error", headers: dict | None = None) -> JSONResponse:
    # OpenAI's error shape, so OpenAI client libraries show the message instead of a parse error.
    return JSONResponse({"error": {"message": message, "type": type_, "code": status}}, status_code=status, headers=headers)


class TokenAuth:
    """Pure ASGI middleware: every request, known route or not, needs the bearer token.

    Checked before routing so an unauthenticated caller cannot even probe which paths exist.
    """

    def __init__(self, app, token: str):
        self.app = app
        self.expected = f"Bearer {token}".encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        given = dict(scope.get("headers") or []).get(b"authorization", b"")
        if not secrets.compare_digest(given, self.expected):
            resp = _error(401, "missing or wrong bearer token (it is in <home>/token)", "authentication_error",
                          headers={"WWW-Authenticate": "Bearer"})
            return await resp(scope, receive, send)
        return await self.app(scope, receive, send)


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[dict[str, Any]] | None = None


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # OpenAI clients send many optional fields we ignore
    model: str | None = None
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    anima_mode: Literal["rag", "base"] = "rag"


class IndexRequest(BaseModel):
    paths: list[str] = Field(default_factory=list)
    rebuild: bool = False


def _text(msg: ChatMessage) -> str:
    if isinstance(msg.content, str):
        return msg.content
    if isinstance(msg.content, list):
        return " ".join(str(p.get("text", "")) for p in msg.content if p.get("type") == "text")
    return ""


def conversation(req: ChatRequest) -> tuple[str | None, list[tuple[str, str]]]:
    """(the last user message, the earlier (question, answer) turns, oldest first).

    Clients such as the openai library and `llm chat` send the whole conversation every time; the
    engine resolves a follow-up ("what colour is she?") against those turns. System messages
    are the client's instructions to a generic model, not the user's question: they are ignored
    (anima's own reader decides how to answer from the notes)."""
    last = None
    for i in range(len(req.messages) - 1, -1, -1):
        if req.messages[i].role == "user":
            last = i
            break
    if last is None:
        return None, []
    turns: list[tuple[str, str]] = []
    pending: str | None = None
    for msg in req.messages[:last]:
        if msg.role == "user":
            pending = _text(msg)
        elif msg.role == "assistant" and pending is not None:
            turns.append((pending, _text(msg)))
            pending = None
    return _text(req.messages[last]), turns


class Slots:
    """Admission control for generations: at most `limit` running or waiting, the rest get 503."""

    def __init__(self, limit: int):
        self.limit = limit
        self.used = 0
        self._lock = threading.Lock()

    def try_take(self) -> bool:
        with self._lock:
            if self.used >= self.limit:
                return False
            self.used += 1
            return True

    def give(self) -> None:
        with self._lock:
            self.used -= 1


def create_app(daemon) -> FastAPI:
    """The API for a runtime.Daemon (its engine, memory, bus, counters)."""
    app = FastAPI(title="anima", docs_url=None, redoc_url=None, openapi_url=None)
    pool = ThreadPoolExecutor(max_workers=daemon.max_pending, thread_name_prefix="anima-chat")
    slots = Slots(daemon.max_pending)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(_req, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x != "body")
        return _error(400, f"bad request body: {where or 'body'}: {first.get('msg', 'invalid')}")

    @app.get("/v1/health")
    def health():
        return {"ok": True, "pid": daemon.info.pid if daemon.info else None}

    @app.get("/v1/models")
    def models():
        return {"object": "list", "data": [{"id": daemon.engine.model_name, "object": "model",
                                            "created": int(daemon.info.started if daemon.info else time.time()),
                                            "owned_by": "anima"}]}

    @app.get("/v1/status")
    def status():
        return daemon.status()

    @app.post("/v1/index")
    def index(req: IndexRequest):
        paths = [Path(p).expanduser().resolve() for p in req.paths]
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            return _error(400, f"no such file or folder: {', '.join(missing)}")
        if not paths and not daemon.roots:
            return _error(400, "no paths given and no notes folders configured")
        try:
            return daemon.index_paths(paths, rebuild=req.rebuild)
        except MemoryFailure as exc:  # the message tells the user what to do
            return _error(409, str(exc), "index_error")
        except Exception as exc:
            log.exception("indexing failed")
            return _error(500, str(exc), "index_error")

    @app.post("/v1/reconcile")
    def reconcile():
        report = daemon.reconcile(reason="requested")
        if report is None:
            return _error(500, "reconcile failed or no folders are watched; see <home>/logs/daemon.log", "index_error")
        return report

    @app.post("/v1/chat/completions")
    async def chat(req: ChatRequest, request: Request):
        question, history = conversation(req)
        if not question or not question.strip():
            return _error(400, "messages must contain a user message with text")
        if not slots.try_take():
            return _error(503, f"busy: {slots.limit} questions already queued; retry shortly", "overloaded_error",
                          headers={"Retry-After": str(RETRY_AFTER_S)})
        loop = asyncio.get_running_loop()
        cid = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        created = int(time.time())
        engine = daemon.engine
        cancel = threading.Event()
        mode = req.anima_mode

        def answer_dict(ans) -> dict:
            return ans.model_dump(mode="json")

        if not req.stream:
            def work():
                try:
                    return engine.ask(question, mode=mode, cancel=cancel, history=history)
                finally:
                    slots.give()

            try:
                ans = await loop.run_in_executor(pool, work)
            except Exception as exc:
                log.exception("answering failed")
                return _error(500, f"answering failed: {exc}", "server_error")
            data = answer_dict(ans)
            return {
                "id": cid, "object": "chat.completion", "created": created, "model": ans.model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": ans.answer}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                "sources": data["sources"], "timings_ms": data["timings_ms"],
            }

        queue: asyncio.Queue = asyncio.Queue()

        def push(item) -> None:
            try:
                loop.call_soon_threadsafe(queue.put_nowait, item)
            except RuntimeError:
                pass  # the loop is gone (daemon stopping): nobody is listening any more

        def work_stream():
            try:
                ans = engine.ask(question, mode=mode, on_token=lambda t: push(("token", t)), cancel=cancel,
                                 history=history)
                push(("done", ans))
            except Exception as exc:
                log.exception("answering failed")
                push(("error", str(exc)))
            finally:
                slots.give()

        loop.run_in_executor(pool, work_stream)
        model = engine.model_name

        def chunk(delta: dict, finish: str | None = None, **extra) -> str:
            obj = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                   "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
            return f"data: {json.dumps(obj, ensure_ascii=False)}\n\n"

        async def stream():
            try:
                yield chunk({"role": "assistant", "content": ""})
                while True:
                    kind, value = await queue.get()
                    if kind == "token":
                        yield chunk({"content": value})
                    elif kind == "done":
                        data = answer_dict(value)
                        yield chunk({}, "stop", sources=data["sources"], anima=data)
                        break
                    else:
                        err = {"error": {"message": f"answering failed: {value}", "type": "server_error", "code": 500}}
                        yield f"data: {json.dumps(err)}\n\n"
                        break
                yield "data: [DONE]\n\n"
            finally:
                cancel.set()  # client went away mid-answer: stop generating for nobody

        return StreamingResponse(stream(), media_type="text/event-stream", headers=SSE_HEADERS)

    @app.get("/v1/events")
    async def events(request: Request):
        sub = daemon.bus.subscribe()
        loop = asyncio.get_running_loop()
        first = await loop.run_in_executor(None, daemon.status)

        async def stream():
            try:
                yield f"data: {json.dumps({'type': 'status', 'ts': time.time(), **first}, ensure_ascii=False)}\n\n"
                last_beat = time.monotonic()
                while not daemon.stopping.is_set() and not sub.closed:
                    ev = sub.get(timeout=0)
                    if ev is None:
                        if await request.is_disconnected():
                            break
                        if time.monotonic() - last_beat > 15:
                            yield ": keep-alive\n\n"
                            last_beat = time.monotonic()
                        await asyncio.sleep(0.1)
                        continue
                    yield f"data: {json.dumps(ev, ensure_ascii=False, default=str)}\n\n"
            finally:
                sub.close()

        return StreamingResponse(stream(), media_type="text/event-stream", headers=SSE_HEADERS)

    return TokenAuth(app, daemon.token)
