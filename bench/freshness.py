"""How fresh and how fast the daemon is, on this machine.

  .venv/bin/python bench/freshness.py [--edits 20] [--notes DIR]

1. Freshness: a note is edited (a new unique value each time); seconds from the write until
   (a) the daemon has indexed it and (b) the first answer via the API contains the new value.
2. Time to first token of a warm question: via the API (streaming, measured by the client)
   vs in-process (ChatEngine in this process, same model, same notes).
3. Daemon RSS at idle with the chat model and the embedder loaded.
Prints a markdown table. Uses a temporary home; the notes are copied, never modified.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.stats import pct  # noqa: E402

DEFAULT_NOTES = REPO.parent / "shared" / "persona" / "lena" / "notes"
QUESTIONS = ["What is my car's parking spot?"]
WARM_QUESTIONS = ["What is my dog's name?", "Where do I work?", "What do I do on weekends?",
                  "Who is in my family?", "What is the parking spot for my car?"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--notes", type=Path, default=DEFAULT_NOTES)
    ap.add_argument("--timeout", type=float, default=30.0, help="give up on one edit after this many seconds")
    args = ap.parse_args()
    os.environ.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"})
    tmp = Path(tempfile.mkdtemp(prefix="anima-fresh-"))
    notes = tmp / "notes"
    if args.notes.is_dir():
        shutil.copytree(args.notes, notes)
    else:
        notes.mkdir()
    note = notes / "parking.md"
    home = tmp / "home"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
           "ANIMA_MODEL__MAX_TOKENS": "32"}
    env.pop("ANIMA_HOME", None)
    note.write_text("# Car\n\nMy car's parking spot is P-000 in the garage.\n")
    cli = [sys.executable, "-m", "agent.daemon", "--home", str(home)]
    t0 = time.perf_counter()
    subprocess.run([*cli, "daemon", "--detach", "--watch", str(notes)], env=env, check=True, cwd=REPO)
    start_s = time.perf_counter() - t0
    info = json.loads((home / "daemon.json").read_text())
    token = (home / "token").read_text().strip()
    http = httpx.Client(base_url=info["url"], headers={"Authorization": f"Bearer {token}"}, timeout=120, trust_env=False)

    def status() -> dict:
        return http.get("/v1/status").json()

    def idle() -> dict:
        while True:
            s = status()
            if s["queue"] == 0 and not s["activity"]["busy"] and s["last_reconcile"]:
                return s
            time.sleep(0.05)

    def ask(q: str) -> str:
        r = http.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": q}]})
        r.raise_for_status()
        return r.json()["choices"][0]["message"]["content"]

    try:
        idle()
        idx_lat, ans_lat, misses = [], [], 0
        rng = random.Random(7)
        for i in range(args.edits):
            before = status()["activity"]["batches"]
            value = f"P-{rng.randrange(100, 999)}"
            note.write_text(f"# Car\n\nMy car's parking spot is {value} in the garage.\n")
            t_mod = time.time()
            t_idx = None
            while time.time() - t_mod < args.timeout:
                s = status()
                if s["activity"]["batches"] > before and s["queue"] == 0 and not s["activity"]["busy"]:
                    t_idx = time.time()
                    break
                time.sleep(0.02)
            got = None
            while t_idx and time.time() - t_mod < args.timeout:
                if value in ask(QUESTIONS[i % len(QUESTIONS)]):
                    got = time.time()
                    break
            if t_idx:
                idx_lat.append(t_idx - t_mod)
            if got:
                ans_lat.append(got - t_mod)
            else:
                misses += 1
        # Warm time to first token through the API (client-side, streaming).
        api_ttft = []
        for q in WARM_QUESTIONS * 2:
            t = time.perf_counter()
            first = None
            with http.stream("POST", "/v1/chat/completions", json={"stream": True, "messages": [{"role": "user", "content": q}]}) as r:
                for line in r.iter_lines():
                    if not line.startswith("data: ") or line == "data: [DONE]":
                        continue
                    obj = json.loads(line[6:])
                    if first is None and obj["choices"][0]["delta"].get("content"):
                        first = time.perf_counter() - t
                    if "anima" in obj and obj["anima"]["sources"]:  # a generated answer, not the no-notes reply
                        api_ttft.append(first)
        time.sleep(2)
        rss = psutil.Process(info["pid"]).memory_info().rss / 2**20
    finally:
        http.close()
        subprocess.run([*cli, "stop"], env=env, cwd=REPO)

    # In-process: the same notes, the same model, in this process (the index is already built).
    from agent.chat import ChatEngine
    from agent.config import Home

    h = Home(home)
    engine = ChatEngine(h, h.load_settings())
    engine.ask(WARM_QUESTIONS[0])  # warm: model and embedder loaded, like the daemon
    local_ttft = []
    for q in WARM_QUESTIONS * 2:
        t = time.perf_counter()
        first: list[float] = []
        ans = engine.ask(q, on_token=lambda _p: first or first.append(time.perf_counter() - t))
        if ans.sources and first:
            local_ttft.append(first[0])
    engine.memory.close()
    shutil.rmtree(tmp, ignore_errors=True)

    n = args.edits
    print(f"\n### anima daemon freshness ({n} edits, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})\n")
    print("| metric | p50 | p95 | notes |")
    print("|---|---|---|---|")
    if idx_lat:
        print(f"| edit → indexed (s) | {pct(idx_lat, 50):.2f} | {pct(idx_lat, 95):.2f} | {len(idx_lat)}/{n} edits |")
    p50, p95 = (f"{pct(ans_lat, 50):.2f}", f"{pct(ans_lat, 95):.2f}") if ans_lat else ("–", "–")
    print(f"| edit → first answer with the new value (s) | {p50} | {p95} | "
          f"{len(ans_lat)}/{n} answers quoted the new value within {args.timeout:.0f} s ({misses} did not) |")
    if api_ttft:
        print(f"| warm time to first token via API (s) | {pct(api_ttft, 50):.3f} | {pct(api_ttft, 95):.3f} | streaming, client-side, {len(api_ttft)} grounded answers |")
    if local_ttft:
        print(f"| warm time to first token in-process (s) | {pct(local_ttft, 50):.3f} | {pct(local_ttft, 95):.3f} | ChatEngine on_token, {len(local_ttft)} grounded answers |")
    print(f"| daemon RSS at idle (MiB) | {rss:.0f} | | model + embedder loaded |")
    print(f"| daemon start (s) | {start_s:.1f} | | `daemon --detach` until serving |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
