"""Training examples from facts: the recipe research found works for teaching a model new facts.

- many phrasings per fact (template questions, questions from the local model, statements);
- the reverse direction ("Who is Marcus Bell?"), because a model trained only on A->B does not
  answer B->A;
- full names instead of pronouns (done in facts.py);
- RAFT: question + the right chunk + distractor chunks -> an answer from the right chunk, and with
  the right chunk missing -> "I don't know", so retrieval-augmented answering stays honest;
- closed-book abstain examples for attributes the notes never mention;
- a little replay of the base model's own answers to general prompts, against forgetting;
- everything shuffled; a held-out split of phrasings (never trained on) to measure learning.

finetune/ must not import agent/: the system prompts and the "don't know" sentence the chat
engine uses are passed in (`Prompts`), so training and serving use the very same text.
"""
from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path
from typing import Callable, Iterable

from pydantic import BaseModel, Field

from finetune.facts import Fact, answer_span, extract_facts, first_person, second_person
from memory.types import Chunk

DATASET_VERSION = 1
DATASET_FILE = "dataset.jsonl"
HELDOUT_FILE = "heldout.jsonl"
META_FILE = "dataset.meta.json"
FACTS_FILE = "facts.jsonl"

# General prompts whose base-model answers are replayed during training. Deliberately different
# from the fixed general questions the cycle evaluates forgetting with (agent/training.py).
REPLAY_PROMPTS = [
    "What is the opposite of hot?",
    "Name a primary color.",
    "What is 3 times 3?",
    "How many days are in a week?",
    "What do bees make?",
    "Say hello in a friendly way.",
    "What is the largest ocean on Earth?",
    "What gas do plants take in from the air?",
]

# Attributes a person could have that notes often do not mention: asked closed-book, the right
# answer is "I don't know". Any whose words appear in the notes are dropped.
ABSENT_ATTRIBUTES = [
    "shoe size", "favorite color", "passport number", "salary", "wifi password", "middle name",
    "lucky number", "favorite movie", "bank account number", "license plate", "zodiac sign",
    "favorite ice cream flavor", "height", "grandfather's name",
]


class Prompts(BaseModel):
    system_closed: str
    system_rag: str
    dont_know: str


class Example(BaseModel):
    version: int = DATASET_VERSION
    id: str
    kind: str  # forward | reverse | statement | raft | raft_abstain | abstain | replay
    fact_id: str = ""
    messages: list[dict]
    prompt: str | None = None  # rendered with the model's chat template (when a renderer is given)
    completion: str | None = None


class HeldOut(BaseModel):
    version: int = DATASET_VERSION
    id: str
    kind: str  # forward | reverse | abstain
    question: str
    answers: list[str]
    fact_id: str = ""
    target: str = ""  # the answer trained examples would give: used for the held-out loss


class DatasetBuild(BaseModel):
    facts: list[Fact]
    examples: list[Example]
    heldout: list[HeldOut]
    counts: dict[str, int] = Field(default_factory=dict)
    seed: int = 0


def _norm(q: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", q.lower()).split())


# Characters of a chunk shown in a RAFT example. Whole chunks made these examples ~400 tokens,
# four times a closed-book one, and training time grows with tokens; the serving prompt also shows
# only a few selected lines (agent/chat.py), so a window around the answer is closer to it.
RAFT_CHARS = 360


def _excerpt(text: str, span: str = "", limit: int = RAFT_CHARS) -> str:
    """A window of `limit` characters that holds `span` when the text contains it."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    at = text.lower().find(span.lower()) if span else -1
    start = max(0, min(at - limit // 3, len(text) - limit)) if at >= 0 else 0
    return ("..." if start else "") + text[start:start + limit] + "..."


def _block(i: int, chunk: Chunk, span: str = "") -> str:
    # Same shape as the chat engine's retrieved-note blocks: "[i] file (heading > trail)".
    trail = " > ".join(chunk.heading)
    return f"[{i}] {Path(chunk.path).name}" + (f" ({trail})" if trail else "") + f"\n{_excerpt(chunk.text, span)}"


def llm_questions(llm, facts: list[Fact], *, limit: int = 40, per_fact: int = 3,
                  deadline_s: float | None = None) -> int:
    """Extra phrasings from the local model, grammar-constrained to JSON; returns how many were added.

    Small models write odd questions, so each one is filtered: it must be a question, share a
    content word with the fact, and must not contain the answer.
    """
    schema = {"type": "object", "properties": {"questions": {"type": "array", "items": {"type": "string"},
              "minItems": 1, "maxItems": per_fact}}, "required": ["questions"]}
    added = 0
    t0 = time.monotonic()
    for fact in facts[:limit]:
        if deadline_s is not None and time.monotonic() - t0 > deadline_s:
            break
        messages = [
            {"role": "system", "content": "You write short quiz questions. Reply with JSON only."},
            {"role": "user", "content": f"Fact: {fact.statement}\nWrite {per_fact} different short questions that this fact answers."},
        ]
        try:
            out = llm.generate(messages, max_tokens=96, temperature=0.7, json_schema=schema)
            data = json.loads(out.text)
        except (ValueError, KeyError, TypeError):
            continue
        content = {w for w in _norm(fact.statement).split() if len(w) > 3}
        span = _norm(answer_span(fact.value))
        have = {_norm(q) for q in fact.questions}
        for q in data.get("questions", [])[:per_fact]:
            if not isinstance(q, str):
                continue
            q = first_person(" ".join(q.split()))
            nq = _norm(q)
            if not q.endswith("?") or not (3 <= len(q.split()) <= 16) or nq in have:
                continue
            if not content & set(nq.split()) or (span and span in nq):
                continue
            fact.questions.append(q)
            have.add(nq)
            added += 1
    return added


def replay_answers(llm, system: str, prompts: Iterable[str] = REPLAY_PROMPTS, max_tokens: int = 48) -> list[tuple[str, str]]:
    """The base model's own answers, replayed in training so it keeps answering like itself."""
    pairs = []
    for p in prompts:
        out = llm.generate([{"role": "system", "content": system}, {"role": "user", "content": p}],
                           max_tokens=max_tokens, temperature=0.0)
        text = out.text.strip()
        if text:
            pairs.append((p, text))
    return pairs


def build_dataset(
    chunks: list[Chunk],
    prompts: Prompts,
    *,
    seed: int = 0,
    facts: list[Fact] | None = None,
    replay: list[tuple[str, str]] = (),
    raft_max: int = 16,
    raft_abstain_share: float = 0.3,
    heldout_per_fact: int = 1,
    render: Callable[[list[dict]], tuple[str, str]] | None = None,
) -> DatasetBuild:
    rng = random.Random(seed)
    chunks = list(chunks)
    facts = facts if facts is not None else extract_facts(chunks)
    by_chunk = {c.id: c for c in chunks}
    examples: list[Example] = []
    heldout: list[HeldOut] = []
    held_norm: set[str] = set()

    def closed(q: str, a: str) -> list[dict]:
        return [{"role": "system", "content": prompts.system_closed}, {"role": "user", "content": q},
                {"role": "assistant", "content": a}]

    # Held-out first, so no training example can reuse a held-out phrasing. Only phrasings that
    # belong to one fact qualify ("Tell me about Mochi" fits several: no single right answer).
    shared: dict[str, int] = {}
    for fact in facts:
        for q in set(map(_norm, fact.questions + fact.reverse_questions)):
            shared[q] = shared.get(q, 0) + 1
    for fact in facts:
        own = [q for q in fact.questions[1:] if shared[_norm(q)] == 1]
        if len(fact.questions) >= 3 and own and heldout_per_fact:
            q = rng.choice(own)
            heldout.append(HeldOut(id=f"h{len(heldout):04d}", kind="forward", question=q,
                                   answers=[answer_span(second_person(fact.value))], fact_id=fact.id, target=fact.statement))
            held_norm.add(_norm(q))
        own_r = [q for q in fact.reverse_questions[1:] if shared[_norm(q)] == 1]
        if len(fact.reverse_questions) >= 2 and own_r and fact.reverse_answer and heldout_per_fact:
            q = rng.choice(own_r)
            heldout.append(HeldOut(id=f"h{len(heldout):04d}", kind="reverse", question=q,
                                   answers=[answer_span(fact.reverse_answer)], fact_id=fact.id, target=fact.statement))
            held_norm.add(_norm(q))

    for fact in facts:
        for q in fact.questions:
            if _norm(q) not in held_norm:
                examples.append(Example(id="", kind="forward", fact_id=fact.id, messages=closed(q, fact.statement)))
        for q in fact.reverse_questions:
            if _norm(q) not in held_norm:
                examples.append(Example(id="", kind="reverse", fact_id=fact.id, messages=closed(q, fact.statement)))
        subject = "me" if fact.subject == "you" else fact.subject
        examples.append(Example(id="", kind="statement", fact_id=fact.id,
                                messages=closed(f"Tell me one thing you know about {subject}.", fact.statement)))

    # RAFT: the right chunk among distractors; some with the right chunk removed -> don't know.
    raft_facts = [f for f in facts if f.chunk_id in by_chunk and f.questions]
    rng.shuffle(raft_facts)
    raft_facts = raft_facts[:raft_max]
    n_abstain = max(1, int(len(raft_facts) * raft_abstain_share)) if len(raft_facts) >= 2 else 0
    for n, fact in enumerate(raft_facts):
        right = by_chunk[fact.chunk_id]
        span = answer_span(fact.value).lower()
        pool = [c for c in chunks if c.path != right.path and span not in c.text.lower()]
        distractors = rng.sample(pool, min(len(pool), 2))
        span_raw = answer_span(fact.value)
        q = rng.choice([q for q in fact.questions if _norm(q) not in held_norm] or fact.questions)
        abstain = n < n_abstain and bool(distractors)
        blocks = distractors if abstain else distractors[:1] + [right]
        rng.shuffle(blocks)
        user = "Notes:\n\n" + "\n\n".join(_block(i, c, span_raw) for i, c in enumerate(blocks, 1)) + f"\n\nQuestion: {q}"
        answer = prompts.dont_know if abstain else fact.statement
        examples.append(Example(id="", kind="raft_abstain" if abstain else "raft", fact_id=fact.id,
                                messages=[{"role": "system", "content": prompts.system_rag}, {"role": "user", "content": user},
                                          {"role": "assistant", "content": answer}]))

    # Closed-book abstain on attributes the notes never mention.
    corpus = " ".join(c.text.lower() for c in chunks)
    absent = [a for a in ABSENT_ATTRIBUTES if not any(w in corpus for w in a.replace("'s", "").split() if len(w) > 3)]
    rng.shuffle(absent)
    for attr in absent[:2]:
        q = f"What is my {attr}?"
        heldout.append(HeldOut(id=f"h{len(heldout):04d}", kind="abstain", question=q, answers=["don't know", "do not know"],
                               target=prompts.dont_know))
    for attr in absent[2:6]:  # a few: enough to learn "don't know", not enough to learn it always
        for q in (f"What is my {attr}?", f"Do you know my {attr}?"):
            examples.append(Example(id="", kind="abstain", messages=closed(q, prompts.dont_know)))

    for q, a in replay:
        examples.append(Example(id="", kind="replay", messages=closed(q, a)))

    rng.shuffle(examples)
    for i, ex in enumerate(examples):
        ex.id = f"e{i:05d}"
        if render is not None:
            ex.prompt, ex.completion = render(ex.messages)
    counts: dict[str, int] = {"facts": len(facts), "examples": len(examples), "heldout": len(heldout)}
    for ex in examples:
        counts[ex.kind] = counts.get(ex.kind, 0) + 1
    return DatasetBuild(facts=facts, examples=examples, heldout=heldout, counts=counts, seed=seed)


def write_dataset(run_dir: Path, build: DatasetBuild) -> Path:
    """dataset.jsonl, heldout.jsonl, facts.jsonl and dataset.meta.json in the run dir; returns the dataset path."""
    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)

    def dump(name: str, rows: Iterable[BaseModel]) -> None:
        tmp = run_dir / (name + ".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r.model_dump(), ensure_ascii=False) + "\n")
        tmp.replace(run_dir / name)

    dump(FACTS_FILE, build.facts)
    dump(HELDOUT_FILE, build.heldout)
    dump(DATASET_FILE, build.examples)
    meta = {"version": DATASET_VERSION, "seed": build.seed, "counts": build.counts, "created": time.time()}
    (run_dir / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return run_dir / DATASET_FILE


def load_examples(path: Path) -> list[Example]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            ex = Example.model_validate_json(line)
            if ex.version != DATASET_VERSION:
                raise ValueError(f"{path}: dataset version {ex.version}, expected {DATASET_VERSION}; rebuild it")
            rows.append(ex)
    return rows


def load_heldout(path: Path) -> list[HeldOut]:
    return [HeldOut.model_validate_json(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
