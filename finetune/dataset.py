"""Training examples from facts: the recipe research found works for teaching a model new facts.

- 30+ phrasings per fact (finetune/questions.py: wh-questions by entity type, casual forms);
- the reverse direction ("Who is Marcus Bell?"), because a model trained only on A->B does not
  answer B->A;
- full names instead of pronouns (done in facts.py);
- RAFT: question + the right statement + a distractor, in exactly the served reader's format
  (`Prompts.rag_messages`) -> an answer from the right statement, and with the right statement
  missing -> "I don't know", so retrieval-augmented answering stays honest;
- examples for the served reader, which *chooses* a statement by how much more likely the question
  becomes after it (agent/reader.py): its passage prompt with the fact's statement -> the question,
  so a fine-tuned model scores the right statement higher instead of drifting away from it;
- closed-book abstain examples for attributes the notes never mention;
- replay of the base model's own answers to general prompts, against forgetting;
- a question asked of two facts with different answers is dropped (it cannot be learned);
- capped: past `max_examples`, each fact keeps fewer phrasings and, past that, facts are sampled;
- everything shuffled; the held-out questions come from the second family (questions.py) and
  are never trained on, so they measure the fact, not the template.

finetune/ must not import agent/: the system prompts and the "don't know" sentence the chat
engine uses are passed in (`Prompts`), so training and serving use the very same text.
"""
from __future__ import annotations

import json
import random
from collections import Counter
import re
import time
from pathlib import Path
from typing import Callable, Iterable

from pydantic import BaseModel, Field

from finetune.facts import Fact, answer_span, extract_facts, first_person, second_person
from finetune.units import Unit, units_from_chunks

DATASET_VERSION = 2
DATASET_FILE = "dataset.jsonl"
HELDOUT_FILE = "heldout.jsonl"
META_FILE = "dataset.meta.json"
FACTS_FILE = "facts.jsonl"

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
    # (statement lines, question) -> the chat messages the served reader sends, without the
    # answer. Built in agent/training.py from the reader's own code, so RAFT examples match it.
    rag_messages: Callable[[list[str], str], list[dict]] | None = None
    # The choosing reader's raw-text passage prompt ("Passage: {s}\nQuestion:"), None for none.
    reader_passage: str | None = None

    def rag(self, lines: list[str], question: str) -> list[dict]:
        if self.rag_messages is not None:
            return list(self.rag_messages(lines, question))
        notes = "\n".join(f"- {line}" for line in lines)
        return [{"role": "system", "content": self.system_rag},
                {"role": "user", "content": f"Notes:\n{notes}\n\nQuestion: {question}"}]


class Example(BaseModel):
    version: int = DATASET_VERSION
    id: str
    kind: str  # forward | reverse | raft | raft_abstain | reader | abstain | replay
    fact_id: str = ""
    messages: list[dict]
    prompt: str | None = None  # rendered with the model's chat template (when a renderer is given)
    completion: str | None = None
    # The part of the answer that is the fact's value ("9 August 1991" in "You were born on 9 August
    # 1991."): its tokens weigh more in the loss (TrainConfig.value_weight). "" for none.
    value: str = ""


class HeldOut(BaseModel):
    version: int = DATASET_VERSION
    id: str
    kind: str  # "<direction>-<fact kind>": forward-kv, reverse-row, forward-sentence ...; abstain
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


# Which fact keeps a phrasing several facts are asked with: the one saying what the thing is.
_IDENTITY_RANK = {"isa": 0, "attr": 1, "named": 1, "verb": 2, "agent": 3}


class NoFacts(ValueError):
    """The notes hold nothing the extractor reads as a fact (a folder of code, say)."""


def _norm(q: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", q.lower()).split())


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
        span = _norm(fact.answer or answer_span(fact.value))
        have = {_norm(q) for q in fact.questions + fact.heldout_questions}
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


def replay_answers(llm, system: str, prompts: Iterable[str] = None, max_tokens: int = 40) -> list[tuple[str, str]]:
    """The base model's own answers, replayed in training so it keeps answering like itself."""
    from finetune.general import REPLAY_PROMPTS

    pairs = []
    for p in (prompts if prompts is not None else REPLAY_PROMPTS):
        out = llm.generate([{"role": "system", "content": system}, {"role": "user", "content": p}],
                           max_tokens=max_tokens, temperature=0.0)
        text = out.text.strip()
        if text:
            pairs.append((p, text))
    return pairs


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a span over the neighbouring words that carry digits ("Oct" in "due 30 Oct" -> "30 Oct",
    "September 2026" -> "29 September 2026"): a date's or an amount's digits are what comes back
    wrong, whatever the extractor took as the value's core."""
    while start > 0:
        m = re.search(r"(\S*\d\S*)\s+$", text[:start])
        if not m:
            break
        start = m.start(1)
    while end < len(text):
        m = re.match(r"\s+([^\s.]*\d[^\s]*?)(?=[\s.,;!?]|$)", text[end:])
        if not m:
            break
        end += m.end(1)
    return start, end


def value_in_answer(answer: str, values: Iterable[str]) -> str:
    """The longest of `values` found in `answer` (case-insensitive), widened over adjacent words
    with digits, as it is written in the answer; "" when none is there."""
    low = answer.lower()
    best = None
    for v in values:
        v = (v or "").strip().strip(".,;").strip()
        at = low.find(v.lower()) if v else -1
        if at >= 0 and (best is None or len(v) > best[1] - best[0]):
            best = (at, at + len(v))
    if best is None:
        return ""
    start, end = _widen(answer, *best)
    return answer[start:end]


def common_value_facts(facts: list[Fact], at_least: int = 4) -> list[str]:
    """Ids of table and key-value facts whose (relation, value) at least `at_least` facts share:
    a ledger's currency, a card, a billing period, a status most rows have."""
    key = lambda f: (f.relation.lower(), f.value.lower())  # noqa: E731
    shared = Counter(key(f) for f in facts if f.kind in ("row", "kv"))
    return [f.id for f in facts if f.kind in ("row", "kv") and shared[key(f)] >= at_least]


def _units(source) -> list[Unit]:
    items = list(source)
    if items and not isinstance(items[0], Unit):
        return units_from_chunks(items)
    return items


def build_dataset(
    source,
    prompts: Prompts,
    *,
    seed: int = 0,
    facts: list[Fact] | None = None,
    replay: list[tuple[str, str]] = (),
    max_examples: int = 2400,
    min_per_fact: int = 9,
    raft_share: float = 0.025,
    raft_abstain_share: float = 0.3,
    reader_share: float = 0.08,
    reverse_share: float = 0.5,
    reverse_on_top: bool = False,
    replay_repeat: int = 2,
    render: Callable[[list[dict]], tuple[str, str]] | None = None,
) -> DatasetBuild:
    """`source`: statement units (or chunks). Raises NoFacts when there is nothing to learn.

    `reverse_share`: a fact asked backwards gets `round(phrasings * reverse_share)` reverse
    examples (at least 3). By default they are taken from its forward ones (at most half);
    `reverse_on_top=True` adds them to its full forward count instead, and the cap counts them, so
    where `max_examples` binds every fact keeps fewer phrasings (then fewer facts are kept)."""
    rng = random.Random(seed)
    units = _units(source)
    facts = facts if facts is not None else extract_facts(units)
    if not facts:
        raise NoFacts("no facts found in the notes: nothing to learn (notes of code or empty notes give none)")
    examples: list[Example] = []
    heldout: list[HeldOut] = []
    counts: dict[str, int] = {"facts_found": len(facts)}

    # A phrasing asked of two facts with different answers cannot be learned. Where one of them
    # says what the thing *is* ("Pixel is your border collie", "Your sister is Anja Hoffmann") it
    # keeps "Who is Pixel?" and the others ("You adopted Pixel in 2021") lose it; otherwise the
    # phrasing is dropped everywhere.
    owners: dict[str, dict[int, set[str]]] = {}
    for f in facts:
        rank = _IDENTITY_RANK.get(f.frame.form if f.frame else "", 9)
        for q in f.questions + f.reverse_questions:
            owners.setdefault(_norm(q), {}).setdefault(rank, set()).add((f.answer or f.value).lower())
    best = {q: min(r) for q, r in owners.items()}
    ambiguous = {q for q, r in owners.items() if len(r[best[q]]) > 1}
    lost = 0
    for f in facts:
        rank = _IDENTITY_RANK.get(f.frame.form if f.frame else "", 9)

        def keep(q: str) -> bool:
            n = _norm(q)
            return n not in ambiguous and best[n] == rank

        before = len(f.questions) + len(f.reverse_questions)
        f.questions = [q for q in f.questions if keep(q)]
        f.reverse_questions = [q for q in f.reverse_questions if keep(q)]
        lost += before - len(f.questions) - len(f.reverse_questions)
    counts["ambiguous_questions_dropped"] = len(ambiguous)
    counts["phrasings_dropped"] = lost  # ambiguous ones and those left to the fact saying what the thing is
    held_owner: dict[str, set[str]] = {}
    for f in facts:
        for q in f.heldout_questions:
            held_owner.setdefault(_norm(q), set()).add((f.answer or f.value).lower())
        for q in f.heldout_reverse:
            held_owner.setdefault(_norm(q), set()).add("|".join(f.reverse_answers).lower())
    for f in facts:
        f.heldout_questions = [q for q in f.heldout_questions if len(held_owner[_norm(q)]) == 1]
        f.heldout_reverse = [q for q in f.heldout_reverse if len(held_owner[_norm(q)]) == 1]
    facts = [f for f in facts if f.questions]

    # The cap: each fact keeps `per_fact` phrasings; when even min_per_fact each is too many, a
    # sample of the facts is learned this cycle (the next cycle samples again).
    reader_share = reader_share if prompts.reader_passage else 0.0
    budget = int(max_examples * (1 - raft_share - reader_share)) - len(replay) * replay_repeat - 8
    # A value many rows share ("CAD", "Visa", "monthly", "active") says little about any one of them
    # and is seldom what a person asks: such facts get fewer sightings and, when even those do not
    # fit, are left out before the others. The steps saved go to the facts that tell things apart.
    low = set(common_value_facts(facts))
    low_n = 3
    high = [f for f in facts if f.id not in low]
    lows = [f for f in facts if f.id in low]
    def n_reverse(f: Fact, n: int) -> int:
        """How many of a fact's `n` sightings (or, on top, sightings past them) ask it backwards."""
        if not f.reverse_questions:
            return 0
        want = max(3, round(n * reverse_share))
        return min(len(f.reverse_questions), want if reverse_on_top else min(want, n // 2))

    def cost(fs: list[Fact], n: int) -> int:  # examples that `fs` at `n` phrasings each take
        return n * len(fs) + (sum(n_reverse(f, n) for f in fs) if reverse_on_top else 0)

    per_fact = max(min_per_fact, (budget - low_n * len(lows)) // max(1, len(high)))
    while reverse_on_top and per_fact > min_per_fact and cost(high, per_fact) + cost(lows, low_n) > budget:
        per_fact -= 1
    if cost(high, per_fact) + cost(lows, low_n) > budget:
        per_fact = min_per_fact
        room = budget - cost(high, per_fact)
        if room >= low_n and not reverse_on_top:
            lows = rng.sample(lows, min(len(lows), room // low_n))
        elif room >= low_n:
            lows = rng.sample(lows, len(lows))
            while lows and cost(lows, low_n) > room:
                lows.pop()
        else:
            # More facts than `min_per_fact` sightings each can teach (a value seen ~6 times comes
            # back with its digits wrong): this cycle learns the most telling ones well, the next
            # cycle samples again. A value only this fact has, with a number or a name in it (or
            # asked backwards too), before one a few facts share, before a plain word.
            lows = []
            shared = Counter((f.relation.lower(), f.value.lower()) for f in high)
            tie = {f.id: rng.random() for f in high}

            def rank(f: Fact) -> tuple:
                # a link between two named things ("Margaret Ross is your mother-in-law": asked both
                # ways) tells as much as a number or a name does
                specific = bool(re.search(r"\d", f.value)) or any(w[:1].isupper() for w in f.value.split()) \
                    or bool(f.reverse_questions)
                return (shared[(f.relation.lower(), f.value.lower())] > 1, not specific, tie[f.id])

            keep_n = max(1, min(len(high), budget // min_per_fact))
            high = sorted(high, key=rank)[:keep_n]
            while reverse_on_top and len(high) > 1 and cost(high, per_fact) > budget:
                high.pop()  # the least telling first: reverse examples on top take their room
    kept = {f.id for f in high} | {f.id for f in lows}
    facts = [f for f in facts if f.id in kept]
    n_low = {f.id: low_n for f in lows}
    counts["facts"] = len(facts)
    counts["common_value_facts"] = len(lows)
    counts["phrasings_per_fact"] = per_fact

    def closed(q: str, a: str) -> list[dict]:
        return [{"role": "system", "content": prompts.system_closed}, {"role": "user", "content": q},
                {"role": "assistant", "content": a}]

    for f in facts:
        fwd = list(f.questions)
        rev = list(f.reverse_questions)
        per_fact = n_low.get(f.id, counts["phrasings_per_fact"])
        # Half of a fact's sightings ask it backwards (the reversal curse: "Who is Priya?" is
        # learned only if asked); measured at a tenth, reverse recall stayed at 0; with name-first
        # answers, 11 of 36 held-out reverse questions at a third (two seeds), 29 of 54 at a half
        # (three seeds; the previous code 13 of 54), for 9 of 48 forward answers of the same facts
        # (bench/RESULTS.md, eighth pass).
        # reverse_on_top: they are added to the fact's forward sightings instead of taken from them.
        n_rev = n_reverse(f, per_fact)
        n_fwd = per_fact if reverse_on_top else per_fact - n_rev
        # Varied sightings of the value: every distinct sentence form first (up to 60 % of the
        # forward ones), then casual variants; not many near-identical spellings of one form.
        plain, loose = fwd[:f.forms] if f.forms else fwd[:4], fwd[f.forms:] if f.forms else fwd[4:]
        take_f = rng.sample(plain, min(len(plain), max(2, -(-n_fwd * 3 // 5))))
        take_f += rng.sample(loose, min(len(loose), max(0, n_fwd - len(take_f))))
        take_r = rev[:n_rev]  # the reverse forms first (questions.py orders them so)
        target = f.short or f.statement
        # what each direction asks for: the value forward, the subject (its names) backwards
        fwd_value = value_in_answer(target, [f.value, f.answer, answer_span(f.value), second_person(f.value)])
        rev_target = f.reverse_target or target  # the asked name first, where questions.py wrote one
        rev_value = value_in_answer(rev_target, f.reverse_answers)
        for q in take_f:
            examples.append(Example(id="", kind="forward", fact_id=f.id, messages=closed(q, target), value=fwd_value))
        for q in take_r:
            examples.append(Example(id="", kind="reverse", fact_id=f.id, messages=closed(q, rev_target), value=rev_value))
        if f.heldout_questions:
            q = rng.choice(f.heldout_questions)
            heldout.append(HeldOut(id=f"h{len(heldout):04d}", kind=f"forward-{f.kind}", question=q,
                                   answers=[f.answer or answer_span(f.value)], fact_id=f.id, target=f.short or f.statement))
        if f.heldout_reverse and f.reverse_answers:
            q = rng.choice(f.heldout_reverse)
            heldout.append(HeldOut(id=f"h{len(heldout):04d}", kind=f"reverse-{f.kind}", question=q,
                                   answers=list(f.reverse_answers), fact_id=f.id, target=rev_target))

    # "Who is Pixel?" is asked backwards of "You adopted Pixel", and "Pixel is your border collie"
    # answers it as truly: a held-out reverse question accepts what any kept fact says links the
    # asked name to the user (another fact's relation to it, or what it is), not only its own fact's.
    links: dict[str, set[str]] = {}
    for f in facts:
        if f.reverse_answers:
            links.setdefault(_norm(f.answer or f.value), set()).update(f.reverse_answers)
        if f.frame is not None and f.frame.form == "isa" and f.frame.mine and f.frame.rel:
            links.setdefault(_norm(f.subject), set()).add(f.frame.rel)
    by_id = {f.id: f for f in facts}
    for h in heldout:
        if h.kind.startswith("reverse-") and h.fact_id in by_id:
            f = by_id[h.fact_id]
            h.answers = h.answers + sorted(links.get(_norm(f.answer or f.value), set()) - set(h.answers))

    # RAFT in the served reader's format: a distractor line, then the right one (best last, as
    # the reader orders them); with the right line missing -> "I don't know".
    lines = [f.unit for f in facts if f.unit]
    raft_n = max(2, int(max_examples * raft_share)) if len(facts) >= 2 else 0
    raft_facts = rng.sample(facts, min(len(facts), raft_n)) if raft_n else []
    n_abstain = int(len(raft_facts) * raft_abstain_share)
    for n, f in enumerate(raft_facts):
        span = (f.answer or answer_span(f.value)).lower()
        pool = [l for l in lines if l != f.unit and span not in l.lower()]
        if len(pool) < 2 or not f.unit:
            continue
        q = rng.choice(f.questions)
        abstain = n < n_abstain
        shown = rng.sample(pool, 2) if abstain else [rng.choice(pool), f.unit]
        msgs = prompts.rag(shown, q) + [{"role": "assistant", "content": prompts.dont_know if abstain else f.statement}]
        examples.append(Example(id="", kind="raft_abstain" if abstain else "raft", fact_id=f.id, messages=msgs))

    # The choosing reader's own prompt: the statement as its passage -> a question it answers.
    # Raw text (the reader scores without the chat template); the loss is on the question only.
    if prompts.reader_passage:
        with_unit = [f for f in facts if f.unit]
        n_reader = min(len(with_unit) * 3, int(max_examples * reader_share))
        for n in range(n_reader):
            f = with_unit[n % len(with_unit)]
            q = rng.choice(f.questions[:max(1, f.forms)] + f.reverse_questions[:2])
            ex = Example(id="", kind="reader", fact_id=f.id, messages=[])
            ex.prompt, ex.completion = prompts.reader_passage.format(s=f.unit), " " + q
            examples.append(ex)

    # Closed-book abstain on attributes the notes never mention.
    corpus = " ".join(u.text.lower() for u in units)
    absent = [a for a in ABSENT_ATTRIBUTES if not any(w in corpus for w in a.replace("'s", "").split() if len(w) > 3)]
    rng.shuffle(absent)
    for attr in absent[:2]:
        heldout.append(HeldOut(id=f"h{len(heldout):04d}", kind="abstain", question=f"Do you remember what my {attr} is?",
                               answers=["don't know", "do not know"], target=prompts.dont_know))
    for attr in absent[2:6]:  # a few: enough to learn "don't know", not enough to learn it always
        for q in (f"What is my {attr}?", f"my {attr}??"):
            examples.append(Example(id="", kind="abstain", messages=closed(q, prompts.dont_know)))

    for _ in range(replay_repeat):  # against forgetting: the base's own answers weigh more than their count
        for q, a in replay:
            examples.append(Example(id="", kind="replay", messages=closed(q, a)))

    rng.shuffle(examples)
    for i, ex in enumerate(examples):
        ex.id = f"e{i:05d}"
        if render is not None and ex.messages:
            ex.prompt, ex.completion = render(ex.messages)
    counts.update({"examples": len(examples), "heldout": len(heldout)})
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
