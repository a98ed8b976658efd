"""One training cycle: dataset -> LoRA train -> merge/export -> quantize -> eval -> gated promote.

The heavy stages run in a CHILD PROCESS at low priority (nice 10): the daemon keeps answering
with the current model while training, and a crash or kill of the child cannot take the daemon
down or leave a half-written model current. The child writes everything into
`<home>/runs/<run_id>/` (progress.jsonl, dataset, checkpoints, GGUF files, result.json); the parent
streams progress.jsonl to `on_event` and, only after the child succeeded, applies the promotion
gate and asks the registry to promote (the registry re-checks that llama.cpp loads the file).

Only one cycle at a time per home: `<home>/train.lock` is held (fcntl.flock) for the whole cycle.
A run that did not finish is resumed by the next cycle (same run_id, from its last checkpoint).
"""
from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Iterator

from pydantic import BaseModel, Field

from agent.config import Home, Settings
from agent.evaluation import Question, run_eval

log = logging.getLogger("anima.training")

LOCK_NAME = "train.lock"
RESULT_FILE = "result.json"
JOB_FILE = "job.json"
CHILD_LOG = "child.log"
CHILD_PID = "child.pid"
NO_FACTS_FILE = "no_facts.txt"
GENERAL_HOLD_FILE = "general_holdout.json"
GENERAL_LOSS_PAIRS = 6

def _general_questions() -> list[Question]:
    from finetune.general import GENERAL

    return [Question(id=i, kind="general", question=q, answers=a) for i, q, a in GENERAL]


# A fixed set of general questions (generic knowledge, not about the user, finetune/general.py)
# that catches a model forgetting how to answer anything but the user's facts.
GENERAL_QUESTIONS = _general_questions()
MAX_HELDOUT_EVAL = 48  # eval time grows with this; a sample (every kind kept) is enough to gate
EVAL_MAX_TOKENS = 32  # expected answers are a phrase: a longer budget only lets the model ramble
CURRENT_EVAL_FILE = "eval_current.json"
# A whole cycle should end within this on 2 cores (the budget for ~100 facts); training
# gets what the other stages leave, and stops (as finished) when its share is spent.
CYCLE_BUDGET_S = 900
TRAIN_BUDGET_S = 600


class TrainingBusy(Exception):
    """Another training cycle holds the lock."""


class CycleResult(BaseModel):
    run_id: str
    status: str  # promoted | rejected | failed | no_facts
    reason: str = ""
    version: str | None = None
    resumed: bool = False
    stages_s: dict[str, float] = Field(default_factory=dict)
    dataset: dict = Field(default_factory=dict)
    train: dict = Field(default_factory=dict)
    eval: dict = Field(default_factory=dict)
    files: dict = Field(default_factory=dict)  # name -> {"path", "bytes"}
    run_dir: str = ""


# ---------------------------------------------------------------------------------------------
# lock and run directories


@contextlib.contextmanager
def train_lock(home: Home) -> Iterator[None]:
    """Exclusive for the whole cycle; TrainingBusy at once (never waits) if another holds it."""
    home.root.mkdir(parents=True, exist_ok=True)
    fh = open(home.root / LOCK_NAME, "a+")
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip()
            raise TrainingBusy(
                "a training cycle is already running" + (f" ({holder})" if holder else "")
                + "; wait for it to finish (see `anima status`) and try again"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}")
        fh.flush()
        yield
    finally:
        fh.close()  # closing releases the flock


def is_training(home: Home) -> bool:
    """Whether a cycle holds the lock; probes with a shared lock so the holder note is untouched."""
    path = home.root / LOCK_NAME
    if not path.exists():
        return False
    with open(path, "r") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        return False  # closing the file drops the probe lock


def _runs(home: Home) -> list[Path]:
    if not home.runs_dir.is_dir():
        return []
    return sorted((p for p in home.runs_dir.iterdir() if p.is_dir() and (p / JOB_FILE).exists()), key=lambda p: p.name)


def _unfinished_run(home: Home) -> Path | None:
    runs = _runs(home)
    if runs and not (runs[-1] / RESULT_FILE).exists():
        return runs[-1]
    return None


def latest_progress(home: Home) -> dict | None:
    """The last progress line of the newest run (for `anima status`, the daemon and the TUI)."""
    from finetune.progress import PROGRESS_FILE, last_event

    runs = [p for p in _runs(home) if (p / PROGRESS_FILE).exists()]
    return last_event(runs[-1] / PROGRESS_FILE) if runs else None


def should_train(home: Home, settings: Settings, memory) -> bool:
    """The daemon's hook: enough facts in the notes that no finished run has learned yet."""
    if settings.train.schedule == "off" or is_training(home):
        return False
    from finetune.facts import extract_facts
    from finetune.units import load_units

    current = {f.statement for f in extract_facts(load_units(memory))}
    learned: set[str] = set()
    for run in reversed(_runs(home)):
        if (run / RESULT_FILE).exists() and (run / "facts.jsonl").exists():
            for line in (run / "facts.jsonl").read_text(encoding="utf-8").splitlines():
                with contextlib.suppress(ValueError, KeyError):
                    learned.add(json.loads(line)["statement"])
            break
    return len(current - learned) >= max(1, settings.train.min_new_facts)


# ---------------------------------------------------------------------------------------------
# the parent side


def run_cycle(
    home: Home,
    settings: Settings,
    *,
    on_event: Callable[[dict], None] | None = None,
    max_steps: int | None = None,
    llm_questions: int = 0,
    in_process: bool = False,
    checkpoint_every: int = 25,
    eval_every: int | None = None,  # None: the settings' [train] eval_every
    replay: bool = True,
) -> CycleResult:
    """Run (or resume) one cycle. Raises TrainingBusy if another cycle holds the lock.

    in_process: do the heavy work in this process instead of a child (debugging, and tests that
    replace a stage); the daemon and the CLI always use the child.
    """
    from finetune.progress import PROGRESS_FILE, ProgressTail, ProgressWriter

    home.ensure()
    with train_lock(home):
        run_dir = _unfinished_run(home)
        resumed = run_dir is not None
        if run_dir is None:
            run_id = time.strftime("r%Y%m%d-%H%M%S", time.gmtime())
            run_dir = home.runs_dir / run_id
            n = 1
            while run_dir.exists():
                run_dir = home.runs_dir / f"{run_id}-{n}"
                n += 1
            run_dir.mkdir(parents=True)
            job = {"run_id": run_dir.name, "settings": settings.model_dump(mode="json"), "max_steps": max_steps,
                   "llm_questions": llm_questions, "checkpoint_every": checkpoint_every,
                   "eval_every": eval_every, "replay": replay, "created": time.time()}
            (run_dir / JOB_FILE).write_text(json.dumps(job, indent=2), encoding="utf-8")
        run_id = run_dir.name
        progress = ProgressWriter(run_dir, run_id)
        tail = ProgressTail(run_dir / PROGRESS_FILE)
        if resumed:
            tail.poll()  # earlier attempts' lines are history, not news
            progress.emit("dataset", message=f"resuming unfinished run {run_id}")

        def pump() -> None:
            for ev in tail.poll():
                if on_event:
                    on_event(ev)

        (run_dir / RESULT_FILE).unlink(missing_ok=True)
        if in_process:
            code = 0
            try:
                cycle_work(home, run_dir)
            except Exception as exc:  # reported like a crashed child
                log.exception("training cycle failed")
                (run_dir / CHILD_LOG).write_text(f"{type(exc).__name__}: {exc}\n", encoding="utf-8")
                code = 1
            pump()
        else:
            code = _run_child(home, run_dir, pump)
        pump()

        work_file = run_dir / "work.json"
        if code == 0 and (run_dir / NO_FACTS_FILE).exists():
            reason = (run_dir / NO_FACTS_FILE).read_text(encoding="utf-8")
            result = CycleResult(run_id=run_id, status="no_facts", reason=reason, resumed=resumed, run_dir=str(run_dir))
            (run_dir / RESULT_FILE).write_text(result.model_dump_json(indent=2), encoding="utf-8")
            progress.emit("done", message=f"no_facts: {reason}")
            pump()
            return result
        if code != 0 or not work_file.exists():
            reason = _failure_reason(run_dir, code)
            progress.emit("failed", message=reason)
            pump()
            return CycleResult(run_id=run_id, status="failed", reason=reason, resumed=resumed, run_dir=str(run_dir))
        work = json.loads(work_file.read_text(encoding="utf-8"))
        result = _gate_and_promote(home, settings, run_dir, work, progress, resumed)
        (run_dir / RESULT_FILE).write_text(result.model_dump_json(indent=2), encoding="utf-8")
        progress.emit("done" if result.status != "failed" else "failed", message=f"{result.status}: {result.reason}")
        pump()
        return result


def _run_child(home: Home, run_dir: Path, pump: Callable[[], None]) -> int:
    repo = str(Path(__file__).resolve().parents[1])
    env = dict(os.environ)
    env["PYTHONPATH"] = repo + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    env.setdefault("ANONYMIZED_TELEMETRY", "False")
    env.setdefault("TOKENIZERS_PARALLELISM", "false")
    # OpenMP threads busy-wait at every barrier by default. On a shared machine (the daemon, other
    # programs) a preempted thread leaves its partner spinning: training steps measured 3-10x slower.
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    with open(run_dir / CHILD_LOG, "ab") as logf:
        child = subprocess.Popen(
            [sys.executable, "-m", "agent.training", "--child", str(run_dir), "--home", str(home.root)],
            stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
            preexec_fn=lambda: os.nice(10),  # training yields the CPU to answering
        )
        (run_dir / CHILD_PID).write_text(str(child.pid), encoding="utf-8")
        try:
            while child.poll() is None:
                pump()
                time.sleep(0.3)
        except BaseException:
            child.terminate()
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            raise
        finally:
            (run_dir / CHILD_PID).unlink(missing_ok=True)
    return child.returncode


def _failure_reason(run_dir: Path, code: int) -> str:
    if code < 0:
        return f"training process was killed (signal {-code}); the next `anima train` resumes from the last checkpoint"
    try:
        lines = [l for l in (run_dir / CHILD_LOG).read_text(encoding="utf-8", errors="replace").splitlines() if l.strip()]
    except FileNotFoundError:
        lines = []
    last = lines[-1] if lines else f"exit code {code}"
    return f"training failed: {last[-300:]} (log: {run_dir / CHILD_LOG})"


def _gate_and_promote(home: Home, settings: Settings, run_dir: Path, work: dict, progress, resumed: bool) -> CycleResult:
    from agent.llm import ModelError
    from agent.registry import Registry

    from finetune.gate import decide

    ev = work["eval"]
    new_h, cur_h = ev["new"]["heldout"], ev["current"]["heldout"]
    new_g, cur_g = ev["new"]["general_correct"], ev["current"]["general_correct"]
    base = CycleResult(run_id=run_dir.name, status="rejected", resumed=resumed, stages_s=work["stages_s"],
                       dataset=work["dataset"], train=work["train"], eval=ev, files=work["files"], run_dir=str(run_dir))
    keep = ev["new"].get("general_keep") or {}
    verdict = decide(ev["new"]["heldout_right"], ev["current"]["heldout_right"],
                     ev["new"]["general_right"], ev["current"]["general_right"],
                     new_general_p=keep.get("new"), old_general_p=keep.get("old"))
    base.eval["gate"] = verdict.model_dump()
    if not verdict.promote:
        base.reason = verdict.reason
        return base
    t0 = time.monotonic()
    progress.emit("promote", message="checking and promoting the new model")
    meta = {"run_id": run_dir.name, "base": work["base"], "eval": {"heldout": new_h, "general": new_g,
            "by_kind": ev["new"]["by_kind"], "previous_heldout": cur_h}, "quant": work["quant"],
            "train": {k: work["train"].get(k) for k in ("steps", "final_loss", "best_heldout_loss")}}
    try:
        version = Registry(home, keep_versions=settings.train.keep_versions).promote(Path(work["files"]["model"]["path"]), meta)
    except (ModelError, OSError) as exc:
        base.status, base.reason = "failed", f"the new model was not promoted: {exc}"
        return base
    base.stages_s["promote"] = round(time.monotonic() - t0, 2)
    base.status, base.version = "promoted", version.version
    base.reason = (f"held-out {cur_h:.2f} -> {new_h:.2f}, general {cur_g} -> {new_g} of {len(GENERAL_QUESTIONS)}; "
                   + verdict.reason)
    return base


# ---------------------------------------------------------------------------------------------
# the child side: every heavy stage


def _reader_messages(lines: list[str], question: str) -> list[dict]:
    """The served reader's grounded prompt for these statement lines (agent/chat.py build_messages)."""
    from agent.chat import EXAMPLE, SYSTEM_RAG

    notes = "\n".join(f"- {line}" for line in lines)
    return [{"role": "system", "content": SYSTEM_RAG}, *EXAMPLE,
            {"role": "user", "content": f"Notes:\n{notes}\n\nQuestion: {question}"}]


def _prompts():
    from agent.chat import DONT_KNOW, SYSTEM_BASE, SYSTEM_RAG
    from finetune.dataset import Prompts

    # rag_messages: RAFT examples are rendered by the writing reader's own format (one line to
    # realign). No examples in the choosing reader's passage prompt: that reader scores with the
    # base model also when a fine-tune is served (ChatEngine.scorer), so they taught nothing that
    # is used and took 9 % of the training tokens from the facts (bench/RESULTS.md, train4).
    return Prompts(system_closed=SYSTEM_BASE, system_rag=SYSTEM_RAG, dont_know=DONT_KNOW, rag_messages=_reader_messages,
                   reader_passage=None)


def closed_book_answer_fn(llm, max_tokens: int = EVAL_MAX_TOKENS) -> Callable[[str], str]:
    """Answers exactly as `anima ask --mode base` prompts: the same system prompt, greedy."""
    from agent.chat import SYSTEM_BASE

    def answer(question: str) -> str:
        out = llm.generate([{"role": "system", "content": SYSTEM_BASE}, {"role": "user", "content": question}],
                           max_tokens=max_tokens, temperature=0.0)
        return out.text.strip()

    return answer


def score_model(path: Path, heldout: list[Question], *, n_ctx: int = 1024, cache_dir: Path | None = None) -> dict:
    """Closed-book greedy answers to the held-out and the general questions, graded. With
    `cache_dir` (the cycle's `<home>/cache`), answers this model file already gave with this setup
    are reused and new ones kept (agent/answer_cache.py); the model is loaded only when a question
    is missing."""
    from agent import lm
    from agent.chat import SYSTEM_BASE

    cache = None
    if cache_dir is not None:
        from agent.answer_cache import AnswerCache, setup

        cache = AnswerCache(cache_dir, path, setup(SYSTEM_BASE, EVAL_MAX_TOKENS, n_ctx))
    llm = None

    def fn(question: str) -> str:
        nonlocal llm
        if cache is not None and (hit := cache.get(question)) is not None:
            return hit
        if llm is None:
            llm = lm.LlamaModel(path, n_ctx=n_ctx)
        answer = closed_book_answer_fn(llm)(question)
        if cache is not None:
            cache.put(question, answer)
        return answer

    try:
        h = run_eval(heldout, fn, mode="ft")
        g = run_eval(GENERAL_QUESTIONS, fn, mode="ft")
    finally:
        if llm is not None:
            llm.close()
    if cache is not None:
        cache.save()
        log.info("answers of %s: %d from the cache, %d asked", Path(path).name, cache.hits, cache.misses)
    return {"heldout": h.overall, "by_kind": h.by_kind, "general_correct": sum(i.correct for i in g.items),
            "general_n": len(g.items), "heldout_right": [i.correct for i in h.items],
            "general_right": [i.correct for i in g.items], "items": [i.model_dump() for i in h.items + g.items]}


def general_retention(new_path: Path, cur_path: Path, new: dict, current: dict, *, n_ctx: int = 1024,
                      cache_dir: Path | None = None) -> dict:
    """Each model's probability of the right value on the general questions either answered
    right (agent/retention.py): what the gate judges forgetting on. With `cache_dir`, a
    reference a model file already scored is taken from `<cache_dir>/probs-<digest>.json`."""
    from agent.chat import SYSTEM_BASE
    from agent.lm import LlamaModel
    from agent.retention import references, retention

    said = {}
    for score in (current, new):
        for it in score["items"]:
            if it["kind"] == "general" and it["correct"]:
                said.setdefault(it["id"], []).append(it["answer"])
    refs = [r for q in GENERAL_QUESTIONS if q.id in said
            for r in references(q.id, [{"role": "system", "content": SYSTEM_BASE}, {"role": "user", "content": q.question}],
                                q.answers, said[q.id])]
    caches: tuple = (None, None)
    if cache_dir is not None:
        from agent.answer_cache import ProbabilityCache, prob_setup

        caches = tuple(ProbabilityCache(cache_dir, p, prob_setup(n_ctx)) for p in (new_path, cur_path))
    new_llm, cur_llm = LlamaModel(new_path, n_ctx=n_ctx), LlamaModel(cur_path, n_ctx=n_ctx)
    try:
        kept = retention(new_llm, cur_llm, refs, caches).model_dump()
    finally:
        new_llm.close()
        cur_llm.close()
    for c in caches:
        if c is not None:
            c.save()
            log.info("forgetting check, %s: %d references from the cache, %d scored", c.file.name, c.hits, c.misses)
    return kept


def eval_sample(heldout: list, limit: int = MAX_HELDOUT_EVAL) -> list:
    """Up to `limit` held-out questions, spread round-robin over the kinds so none is left out."""
    by_kind: dict[str, list] = {}
    for h in heldout:
        by_kind.setdefault(h.kind, []).append(h)
    picked, queues = [], [list(v) for v in by_kind.values()]
    while len(picked) < limit and any(queues):
        for q in queues:
            if q and len(picked) < limit:
                picked.append(q.pop(0))
    return picked


def score_current(run_dir: Path, path: Path, qs: list[Question], cache_dir: Path | None = None) -> dict:
    """The current model's score, computed once per run: a resumed run or a re-run of the eval
    stage reuses it while the model file and the questions are the same (and across runs, its
    answers come from `cache_dir`, see score_model)."""
    st = Path(path).stat()
    key = {"path": str(path), "bytes": st.st_size, "mtime": st.st_mtime, "questions": [q.question for q in qs]}
    cache = run_dir / CURRENT_EVAL_FILE
    with contextlib.suppress(FileNotFoundError, ValueError, KeyError):
        saved = json.loads(cache.read_text(encoding="utf-8"))
        if saved["key"] == key:
            return saved["score"]
    score = score_model(path, qs, cache_dir=cache_dir)
    cache.write_text(json.dumps({"key": key, "score": score}), encoding="utf-8")
    return score


def eval_stage(home: Home, settings: Settings, run_dir: Path, out: Path, base: Path, heldout: list, progress) -> tuple:
    """The new model against the current one (the base, or the promoted version of the same base):
    greedy closed-book answers of both, then the forgetting check. Returns (new, current,
    current version or None, seconds per part). The current model's answers come from
    `<home>/cache` when an earlier cycle asked it the same questions (score_model)."""
    from agent.base_models import active_base, trained_from
    from agent.registry import Registry

    seconds: dict[str, float] = {}
    t = time.monotonic()
    qs = [Question(id=h.id, kind=h.kind, question=h.question, answers=h.answers) for h in eval_sample(heldout)]
    progress.emit("eval", total=4, message=f"scoring the new model on {len(qs)} held-out + {len(GENERAL_QUESTIONS)} general questions")
    new = score_model(out, qs, cache_dir=home.cache_dir)  # a file llama.cpp cannot load fails the run here;
    # its answers are kept: if it is promoted, the next cycle's current model gives them again
    seconds["new_answers"] = round(time.monotonic() - t, 2)
    progress.emit("eval", step=1, total=4, message=f"new model: held-out {new['heldout']:.2f}, general {new['general_correct']}/{new['general_n']}")
    cur = Registry(home).current()
    record = active_base(home, settings)
    if cur is not None and record is not None and not trained_from(cur.meta, record):
        cur = None  # a version of another base is not what is served now: compare with the base
    cur_path = cur.path if cur is not None else base
    t = time.monotonic()
    progress.emit("eval", step=2, total=4, message=f"scoring the current model ({cur.version if cur else 'base'})")
    current = score_current(run_dir, cur_path, qs, cache_dir=home.cache_dir)
    seconds["current_answers"] = round(time.monotonic() - t, 2)
    t = time.monotonic()
    progress.emit("eval", step=3, total=4, message="forgetting check: both models' probability of the right general answers")
    new["general_keep"] = general_retention(out, cur_path, new, current, cache_dir=home.cache_dir)
    seconds["forgetting"] = round(time.monotonic() - t, 2)
    progress.emit("eval", step=4, total=4, message=f"held-out: new {new['heldout']:.2f}, current {current['heldout']:.2f}")
    return new, current, (cur.version if cur else None), seconds


def train_config(tcfg, job: dict, budget_s: float):
    """The TrainConfig of a cycle: the [train] settings, with the job's overrides (tests and
    benchmarks set max_steps, eval_every, checkpoint_every) and the stage's time budget."""
    from finetune.train import TrainConfig

    return TrainConfig(rank=tcfg.rank, alpha=tcfg.alpha, targets=tcfg.targets, layers=tcfg.layers, epochs=tcfg.epochs,
                       max_steps=job.get("max_steps") or tcfg.max_steps, lr=tcfg.lr, batch_size=tcfg.batch_size,
                       eval_every=int(job.get("eval_every") or tcfg.eval_every),
                       checkpoint_every=int(job.get("checkpoint_every") or 25),
                       budget_s=budget_s, value_weight=tcfg.value_weight, prefix_grad=tcfg.prefix_grad)


def cycle_work(home: Home, run_dir: Path) -> dict:
    """dataset -> train -> export -> quantize -> eval, all inside run_dir; writes work.json."""
    from agent.chat import base_model_path, open_memory
    from agent.lm import LlamaModel
    from finetune import dataset as ds
    from finetune.backends import lora_model, select_backend
    from finetune.progress import ProgressWriter
    from finetune.train import render_chat, train_lora

    (run_dir / "work.json").unlink(missing_ok=True)  # from an earlier attempt: never trusted
    job = json.loads((run_dir / JOB_FILE).read_text(encoding="utf-8"))
    settings = Settings.model_validate(job["settings"])
    run_id = job["run_id"]
    progress = ProgressWriter(run_dir, run_id)
    stages: dict[str, float] = {}
    from agent.base_models import base_hf_dir

    base = base_model_path(settings, home)
    base_hf = base_hf_dir(home, settings)  # the added model's HF folder: train on its exact weights
    prompts = _prompts()

    # -- dataset (kept across resumes: the checkpoint belongs to this exact dataset) --------
    t0 = time.monotonic()
    if not (run_dir / ds.META_FILE).exists():
        progress.emit("dataset", message="reading facts from the index")
        from finetune.facts import extract_facts
        from finetune.units import load_units

        memory = open_memory(home, settings)
        try:
            units = load_units(memory)
            indexed_chunks = memory.stats().chunks
        finally:
            memory.close()
        if not indexed_chunks:
            raise RuntimeError("the index is empty: run `anima index` on your notes first")
        # Indexed notes without a single statement (a folder of code) have no facts either.
        facts = extract_facts(units) if units else []
        progress.emit("dataset", total=len(facts), message=f"{len(facts)} facts from {len(units)} statements")
        if not facts:
            (run_dir / NO_FACTS_FILE).write_text(
                f"no facts found in {len(units)} statements of your notes: nothing to learn "
                "(notes of code or lists without sentences give none); the current model stays", encoding="utf-8")
            progress.emit("dataset", message="no facts: nothing to learn")
            return {}
        added, replay = 0, []
        if int(job.get("llm_questions") or 0) > 0 or job.get("replay", True):
            llm = LlamaModel(base, n_ctx=1024)
            try:
                added = ds.llm_questions(llm, facts, limit=int(job.get("llm_questions") or 0), deadline_s=60)
                if job.get("replay", True):
                    progress.emit("dataset", message="replaying the base model's own answers to general prompts")
                    replay = ds.replay_answers(llm, prompts.system_closed)
            finally:
                llm.close()
        # The last few replayed answers are kept out of training: their loss is the "general loss"
        # that early stopping watches.
        general_hold = replay[-GENERAL_LOSS_PAIRS:] if len(replay) > 2 * GENERAL_LOSS_PAIRS else []
        replay = replay[:len(replay) - len(general_hold)]
        (run_dir / GENERAL_HOLD_FILE).write_text(json.dumps(general_hold), encoding="utf-8")
        progress.emit("dataset", message=f"{added} extra phrasings from the local model, {len(replay)} replay answers")
        build = ds.build_dataset(units, prompts, facts=facts, replay=replay, seed=0,
                                 max_examples=int(job.get("max_examples") or settings.train.max_examples))
        ds.write_dataset(run_dir, build)
        progress.emit("dataset", step=len(build.examples), total=len(build.examples),
                      message=json.dumps(build.counts))
    counts = json.loads((run_dir / ds.META_FILE).read_text(encoding="utf-8"))["counts"]
    stages["dataset"] = round(time.monotonic() - t0, 2)

    # -- train ----------------------------------------------------------------------------
    t0 = time.monotonic()
    tcfg = settings.train
    budget = int(job.get("train_budget_s") or tcfg.train_budget_s)
    cycle = int(getattr(tcfg, "cycle_budget_s", CYCLE_BUDGET_S))
    budget = max(60, min(budget, cycle - int(stages["dataset"]) - 240))  # export + quantize + eval: ~4 min
    cfg = train_config(tcfg, job, budget)
    backend = select_backend()
    progress.emit("train", message=f"loading {base.name} for training ({backend})")
    model, tok, backend = lora_model(base, rank=cfg.rank, alpha=cfg.alpha, targets=cfg.targets, backend=backend,
                                     hf_dir=base_hf, layers=cfg.layers)
    # The cached-prefix step is checked exact for plain transformers models (tests/finetune); unsloth
    # patches the forward pass and a GPU is not starved for compute: it keeps the plain step.
    cfg.fast = cfg.prefix_cache = backend == "peft"
    examples = ds.load_examples(run_dir / ds.DATASET_FILE)
    heldout = ds.load_heldout(run_dir / ds.HELDOUT_FILE)
    # the third element: the value inside the answer, weighted in the loss (cfg.value_weight)
    pairs = [((e.prompt, e.completion) if e.prompt is not None else render_chat(tok, e.messages)) + (e.value,)
             for e in examples]

    def closed(q: str, a: str) -> tuple[str, str]:
        return render_chat(tok, [{"role": "system", "content": prompts.system_closed},
                                 {"role": "user", "content": q}, {"role": "assistant", "content": a}])

    held_pairs = [closed(h.question, h.target) for h in eval_sample(heldout) if h.target]
    general_pairs = []
    with contextlib.suppress(FileNotFoundError, ValueError):
        general_pairs = [closed(q, a) for q, a in json.loads((run_dir / GENERAL_HOLD_FILE).read_text(encoding="utf-8"))]
    result = train_lora(model, tok, pairs, held_pairs, run_dir, cfg, emit=progress.emit, general_pairs=general_pairs)
    stages["train"] = round(time.monotonic() - t0, 2)

    # -- export ---------------------------------------------------------------------------
    from finetune import export as ex
    from finetune.quantize import quantize

    t0 = time.monotonic()
    progress.emit("export", message="merging the adapter and writing GGUF (f16)")
    f16 = run_dir / "model-f16.gguf"
    ex.export_gguf(base, ex.merged_state_dict(model), f16, outtype="f16")
    files = {"f16": {"path": str(f16), "bytes": f16.stat().st_size}}
    try:
        adapter = run_dir / "adapter.gguf"
        ex.export_lora_adapter(model, base, adapter)
        files["adapter"] = {"path": str(adapter), "bytes": adapter.stat().st_size}
    except Exception as exc:  # optional artifact: the merged model is what gets served
        log.warning("LoRA adapter export skipped: %s", exc)
    del model
    stages["export"] = round(time.monotonic() - t0, 2)

    t0 = time.monotonic()
    qtype = settings.train.quant
    progress.emit("quantize", message=f"quantizing to {qtype}")
    out = run_dir / f"model-{qtype}.gguf"
    quantize(f16, out, qtype)
    files["model"] = {"path": str(out), "bytes": out.stat().st_size}
    f16.unlink(missing_ok=True)  # only the quantized file is served; the f16 is twice its size
    stages["quantize"] = round(time.monotonic() - t0, 2)

    # -- eval: new model vs the current one, closed-book ------------------------------------
    t0 = time.monotonic()
    new, current, cur_version, seconds = eval_stage(home, settings, run_dir, out, base, heldout, progress)
    stages["eval"] = round(time.monotonic() - t0, 2)

    work = {
        "run_id": run_id, "base": str(base), "quant": qtype, "backend": backend, "stages_s": stages, "dataset": counts,
        "train": result.model_dump(exclude={"losses", "heldout_losses", "general_losses"})
        | {"loss_curve": result.losses, "heldout_curve": result.heldout_losses, "general_curve": result.general_losses},
        "eval": {"new": new, "current": current, "current_version": cur_version, "seconds": seconds}, "files": files,
    }
    tmp = run_dir / "work.json.tmp"
    tmp.write_text(json.dumps(work, indent=2, default=str), encoding="utf-8")
    tmp.replace(run_dir / "work.json")
    return work


def _child_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="anima-train-child")
    parser.add_argument("--child", required=True, help="run directory")
    parser.add_argument("--home", required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s", stream=sys.stderr)
    cycle_work(Home(Path(args.home)), Path(args.child))
    return 0


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))
