"""Grounded chat: retrieve statements from memory, let the reader choose and cite one, stream it.

`--mode rag` (the default) answers through agent.reader: the model scores candidate statements
and the answer is copied from the chosen one, so it cannot invent a value. `--mode base` (and
the older "write" reader, kept for comparison) prompts the GGUF model, rendered by the chat
template stored inside the GGUF (llama-cpp-python reads `tokenizer.chat_template`), never by a
hand-written format: a mismatched template makes small models produce nonsense.
"""
from __future__ import annotations

import contextlib
import logging
import re
import threading
import time
from pathlib import Path
from typing import Callable, Iterator, Literal, Sequence

from pydantic import BaseModel, Field

from agent.config import Home, Settings
from agent.context import open_memory  # noqa: F401 - re-exported: callers import it from here
from agent.llm import ModelError, bundled_chat_model
from agent.lm import LlamaModel, ModelPool, TextModel
from agent.reader import _SAYS_BIRTH, DONT_KNOW, Reader, signed_role
from agent.reader_types import Reading
from agent.reader_compose import compose, join_names
from agent.reader_names import native_spellings, namesakes
from agent.reader_relate import WordRelate
from agent.reader_kin import in_law_named
from agent.reader_question import (CAR_CARE, about_one, analyse, asks_name, entity, gloss_stems, kind_only_owning, named_as_mine, named_by_kind, place_name, relative_clause, resolve, says_kind, says_role,
                                   spell_out, split_question, typed_values)
from agent.reader_statements import _NEW_KEY, _nearest_heading, pronoun_followers, search_statements, statements_holding, statements_naming
from agent.typos import bundled_vocabulary, english_words, mend
from agent.reader_text import FAMILY_TITLES, STOP_WORDS, content_words, is_question_text, names, says_mine, stem, written_in_lower_case
from memory.gloss import english_for, fold, hebrew_forms, hebrew_spellings

log = logging.getLogger("anima.chat")

NO_QUESTION = "I don't see a question there: ask me about your notes in words."

# A 135M model follows short, concrete instructions and loses the thread in long ones (a longer
# prompt about "the user" and "I don't know" made it talk about the user and hedge): one sentence
# of instruction, and the notes cut down to the lines that share words with the question.
SYSTEM_RAG = "You are anima, a helpful assistant. Answer the question with one short sentence from the notes."
# One worked example (made up, about nobody) shows the format better than any instruction: the
# answer is the line from the notes that holds it, turned to face the user.
EXAMPLE = [
    {"role": "user", "content": "Notes:\n- My neighbour Tom has a parrot called Kiwi.\n- Tom works as a baker in Leith.\n\nQuestion: What does Tom do for work?"},
    {"role": "assistant", "content": "Tom works as a baker in Leith."},
]
SYSTEM_BASE = (
    "You are anima, the user's private assistant. Answer in one or two short sentences. "
    f"If you do not know the answer, reply exactly: {DONT_KNOW}"
)

# A blank line ends an answer: what follows it is the model starting a list or a new topic.
STOP = ["\n\n"]
REPEAT_PENALTY = 1.1
# Lines of notes shown to the model. Measured on the Lena persona (40 questions, this prompt):
# 3 lines 0.40, 2 lines 0.53, 1 line 0.40 (with one line the example's wording leaks in).
MAX_LINES = 2

# A chunk counts as relevant when it shares a meaningful word with the question (the keyword
# search drops stop words) or is semantically close. MiniLM similarity alone cannot tell: on the
# Lena notes, on-topic chunks score 0.16-0.5 and unrelated questions 0.1-0.18, so the cut-off
# is a compromise that keeps most answers and still refuses questions about the wider world.
MIN_VECTOR_SCORE = 0.2

# The reader: statements retrieved per question (from settings.memory.k chunks), and how much
# of an over-long question is read (a question is a sentence; 20,000 characters is a paste).
STATEMENTS_K = 12
# A given name as the subject of the question's verb, or right after "my brother": whom it asks of.
_SUBJECT_NAME = re.compile(r"\b(?:(?i:does|did|is|was|has)\s+(?:(?i:my|our)\s+[a-z]+\s+)?|(?i:my|our)\s+[a-z]+\s+)([A-Z][\w-]+)(?=\s+[a-z]|\s*\?|$)")
ABOUT_THEM_K = 6  # lines retrieved by the asked person's name alone
# What a person's lines tell that changes on a diary's day: a new number, a new e-mail address.
_CHANGING_CONTACTS = frozenset({"phone", "email"})
# A note's time stamp written as one number ("see 202603101500"): a zettel's name, no phone.
_STAMP = re.compile(r"20\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{2,6}")
GLOSSED_K = 6  # retrieved lines whose bracketed other name for the asked thing is searched too
GLOSS_HITS_K = 4
# "Building maintenance fee (cuota de mantenimiento)": a name, and in brackets two or more words
# of letters calling the same thing otherwise.
_GLOSS = re.compile(r"((?:[^\W\d_][\w'’-]*\s+){1,3}[^\W\d_][\w'’-]*)\s*\(((?:[^\W\d_]+\s+){1,3}[^\W\d_]+)\)")
FOLLOWED_K = 6  # retrieved lines naming the asked person whose pronoun sentences after them are read too
# Lines read for the people a first name may mean ("Sophie": Sophie Tran and Sophie Adebayo).
MENTIONS_K = 40
# Lines read for the headings over them: a child's page may keep a dozen lines per child.
TRAILS_K = 120
# ... and for the one full name a first name or an initial stands for ("Chris L." -> "Chris Lindqvist").
FULL_NAME_K = 200
# Two lines this close in score that each give the role to someone else are both "my X".
TWO_SAID_GAP = 0.5
HOP_CANDIDATES = 4  # candidates a hop looks through for the line that names the one sought
# Keys under which notes give someone's other names (Obsidian's `aliases`, a card's "aka").
# (A chat workspace's "Display name: Mommy" is what the family calls her there.)
_ALIAS_KEYS = re.compile(r"(?i)alias(?:es)?|aka|a\.k\.a\.?|nick(?: ?names?)?|also known as|goes by|display name")
MAX_QUESTION_CHARS = 1000
# People an ambiguous question may mean, each looked up for the question back.
MAX_OPTIONS = 4


class Source(BaseModel):
    path: str
    start_line: int
    end_line: int
    score: float
    heading: list[str] = Field(default_factory=list)


class Citation(BaseModel):
    """The statement an answer was copied from: its file, its lines and its text."""

    path: str
    line: int
    end_line: int
    text: str


class Answer(BaseModel):
    answer: str
    sources: list[Source]
    model: str
    timings_ms: dict[str, float]
    citation: Citation | None = None
    kind: Literal["answered", "abstained", "ambiguous", "generated"] = "generated"


def resolve_model_path(home: Home, settings: Settings) -> Path:
    """The configured model, else the promoted personal model (one trained from the active base,
    when a base was added), else the base model (added with `anima models add`, or the demo)."""
    if settings.model.path:
        return Path(settings.model.path).expanduser()
    from agent.base_models import active_base, trained_from
    from agent.registry import Registry

    record = active_base(home, settings)
    current = Registry(home, keep_versions=settings.train.keep_versions).current()
    if current is not None and (record is None or trained_from(current.meta, record)):
        return current.path
    return record.gguf_path(home) if record else bundled_chat_model()


def fallback_model_paths(home: Home, settings: Settings, broken: Path) -> list[Path]:
    """What to serve when `broken` (the promoted version) does not load: the older versions
    (of the active base, when one was added), newest first, then the base model. A model the user
    configured has no fallback: they chose it."""
    if settings.model.path:
        return []
    from agent.base_models import active_base, trained_from
    from agent.registry import Registry

    record = active_base(home, settings)
    registry = Registry(home, keep_versions=settings.train.keep_versions)
    older = [v.path for v in reversed(registry.list()) if v.path.resolve() != broken.resolve()
             and (record is None or trained_from(v.meta, record))]
    return [*older, base_model_path(settings, home)]


def base_model_path(settings: Settings, home: Home | None = None) -> Path:
    """The model fine-tuning starts from and `--mode base|rag` evaluates: never a personal version."""
    from agent.base_models import base_gguf_path

    return base_gguf_path(home or Home.resolve(), settings)


def _is_relevant(hit) -> bool:
    if hit.keyword_score is not None:
        return True
    return hit.vector_score is not None and hit.vector_score >= MIN_VECTOR_SCORE


_WORD = re.compile(r"[a-z0-9]+")
# Words that say what kind of question it is but not what it is about: matching them would
# pull in lines like "My name is ..." for every "what is X's name" question.
_STOP_WORDS = frozenset(
    """a an the is are was were be been being am do does did doing i me my mine myself you your yours
    we our ours us he she his her him they them their it its this that these those what who whom
    whose which when where why how of in on at to for from with by and or but not no so as about
    into any some can could would should will shall may might must have has had there here than then
    also just very much many tell know name named called call s t d ll re ve m next last""".split()
)
_ABBREVIATIONS = ("dr.", "mr.", "mrs.", "ms.", "st.", "prof.", "e.g.", "i.e.", "vs.", "no.", "apt.")


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:5] if len(word) >= 5 else word  # crude, but "allergic"~"allergies", "teach"~"teaches"


# A follower that gives a new value by key ("Nouveau numéro : ..."): its key says what is new.
_NEW_KEYED = re.compile(r"^([^:]{1,40}?)\s?:")
_NUMBER_KEY = re.compile(r"\b(?:num[eé]ro|n[uú]mero|nummer|numer|nombor|number|no\.?|phone|t[eé]l[eé]?(?:phone|fono|fon)?|mobile?|cell|portable)\b",
                         re.IGNORECASE)


def _content_words(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP_WORDS and len(w) > 1}


def _sentences(paragraph: str) -> list[str]:
    out, start = [], 0
    for m in re.finditer(r"[.!?][\"”)]?\s+(?=[A-Z0-9\"“(])", paragraph):
        tail = paragraph[start : m.start() + 1].rsplit(None, 1)[-1].lower()
        if tail in _ABBREVIATIONS or re.fullmatch(r"[a-z]\.", tail):  # "Dr. X", "Ursula K. Le Guin"
            continue
        out.append(paragraph[start : m.end()].strip())
        start = m.end()
    rest = paragraph[start:].strip()
    if rest:
        out.append(rest)
    return out


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _units(text: str, topic: str) -> list[tuple[str, str]]:
    """A chunk as self-contained statements: prose sentences, bullet items and table rows.

    Bullets and table rows are fragments ("- Vet: ..."), so they carry the section's topic and
    the table's column names; a small model cannot look them up elsewhere in the context.
    """
    units: list[tuple[str, str]] = []
    para: list[str] = []
    header: list[str] | None = None

    def flush():
        if para:
            units.extend((u, u) for u in _sentences(" ".join(para)))
            para.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            flush()
            continue
        if line.startswith("|"):
            flush()
            cells = _cells(line)
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue  # the |---|---| separator
            if header is None:
                header = cells
                continue
            row = "; ".join(c for c in cells if c)
            if len(header) == len(cells):
                # "sister: Ann; phone: 555": the first column names what the row is about.
                named = [cells[0] + ": " + cells[1]] + [f"{h}: {c}" for h, c in zip(header[2:], cells[2:]) if c]
                units.append(("; ".join(named), row))
            else:
                units.append((row, row))
            continue
        header = None
        bullet = re.match(r"^(?:[-*+]|\d+[.)])\s+(.*)", line)
        if bullet:
            flush()
            item = bullet.group(1).strip()
            units.append((f"{topic}: {item}" if topic and topic.lower() not in item.lower() else item, item))
            continue
        para.append(line)
    flush()
    return [u for u in units if u[0]]


def select_lines(question: str, hits: list, max_lines: int = MAX_LINES) -> list[str]:
    """The statements from the retrieved chunks most likely to hold the answer, best last.

    A 135M model copies from whatever is nearest the question, and four whole chunks are mostly
    noise to it. Statements sharing words with the question win; the best-ranked chunk's opening
    statement is always kept, because retrieval found that chunk by meaning even when the
    question shares no word with it ("dog" vs "border collie").
    """
    wanted = _content_words(question)
    scored: list[tuple[float, int, int, str]] = []
    seen: set[str] = set()
    for rank, hit in enumerate(hits):
        topic = hit.heading[-1] if hit.heading else ""
        topic_bonus = 0.3 * len(wanted & _content_words(topic))
        for pos, (unit, body) in enumerate(_units(hit.text, topic)):
            key = unit.lower()
            if key in seen:
                continue  # overlapping chunks repeat lines
            seen.add(key)
            # Shared words count most; the chunk's own rank (retrieval found it by meaning)
            # breaks ties and fills the remaining places, earlier lines of a chunk first.
            score = len(wanted & _content_words(body)) + topic_bonus + 0.5 / (rank + 1) - 0.01 * pos
            scored.append((score, -rank, -pos, unit))
    best = sorted(scored, reverse=True)[:max_lines]
    # A runner-up sharing no word with the question, beside a best line that does, is only
    # noise, and the small model copies it as often as the right line.
    if len(best) > 1 and best[0][0] >= 1 and best[1][0] < 1:
        best = best[:1]
    return [s[3] for s in reversed(best)]


def _role_words(text: str, noun: str) -> set[str]:
    """The words a line says a role with: the noun itself, or a word of another language glossed
    as it ("hermano" for brother)."""
    want = stem(noun.lower())
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text) if stem(w.lower()) == want or want in gloss_stems(w)}


# The key of a person card's line that says how the card's subject is related to the writer
# ("relation:: my mother" on a Logseq page, "Relationship: my aunt" on a contact card).
_RELATION_KEYS = re.compile(r"(?i)relation(?:ship)?|rel|role|who")


def _card_subject(st, noun: str) -> str | None:
    """The card's own name, when its line tells that its subject is the writer's `noun`: "relation::
    my mother, [[Pekka]]'s godmother" on the page "Marjatta Koskinen" is about Marjatta; the name the
    value gives (Pekka, whose godmother she is) is someone else. Only a card named like a person (its
    page's own name, or two capitalised words), never a section heading such as "Family"."""
    head = (st.topic or "").strip()
    if not noun or not head or not (head == Path(st.path).stem or re.fullmatch(r"(?:[A-Z][\w'’-]+\.?\s+)+[A-Z][\w'’-]+", head)):
        return None
    for key, value in st.fields.items():
        if _RELATION_KEYS.fullmatch(key.strip()) and says_mine(value, noun):
            return head
    return None


def _listed_by(st, given: str) -> bool:
    """The line is a list's entry keyed by the given name: "Leela: date: 21/04/1959", a row whose
    first column holds "Leela"."""
    g = re.escape(given)
    if st.fields and re.match(rf"\s*{g}\s*(?:$|[;:,(—–-])", next(iter(st.fields.values()), "")):
        return True
    # (after the keys that file it: "people: name: Ljiljana; date: 06.02.1958.")
    return bool(re.match(rf"\W*(?:[^\W\d][\w ]{{0,20}}:\s*){{0,2}}{g}\s*(?::|;|[—–-]\s|\()", st.text))


_ASKS_MY_JOB = re.compile(r"\b(?:my|i)\b.*\b(?:job title|job|position|role|title)\b|\bwhat do i do for a living\b", re.IGNORECASE)
# "What is my phone number?": a diary's "Mi número nuevo: ..." or "changed my number" says it without "phone".
# "Who is my manager?": a journal's "I now report to Shalini Lal" or "my new manager is Ing.
# Limbert Cusi" tells the change; the first shares no word with the question.
_ASKS_MY_BOSS = re.compile(r"\bmy (?:new |current )?(?:manager|boss|supervisor|line manager)\b|\b(?:do|does) i report to\b", re.IGNORECASE)
_ASKS_MY_PHONE = re.compile(r"\bmy (?:(?:phone|mobile|cell|cellphone) )?number\b|\bmy (?:phone|mobile|cell)\b", re.IGNORECASE)


# (Sesotho's "'Mè" and "Ntate" are Mrs and Mr; Portuguese "Professora Hilária Tivane" a teacher.)
_TITLE = re.compile(r"^(?:Dr|Dra|Mr|Mrs|Miss|Ms|Mx|Prof|Profa|Professor|Professora|Eng|Enga|Sr|Sra|Srta|Mme|Mlle|Herr|Frau|Pan|Pani|Mma|Rra|Rre|"
                    r"Dona|Dom|Nha|Nhô|Ma|Pa|Tio|Tia|Ntate|'Mè|Mè|Uncle|Aunt|Auntie|Pak|Bapak|Bu|Ibu|Haji|Hajah|Hj|"
                    r"(?i:meneer|mevrouw|juf|dr))\.?ª?\s+(?=[A-Z])")


def _untitled(name: str) -> str:
    """"Dr. Ruiz" as a line that lists him without the title writes him: "Ruiz". Titles may stack:
    Malay and Indonesian "Pak Haji Rahmat Hidayat" is "H. Rahmat Hidayat" in the contacts."""
    while (bare := _TITLE.sub("", name)) != name:  # (a title is always followed by a capitalised word)
        name = bare
    return name


def _says(st, role: str) -> bool:
    """Whether a statement (its line or the heading it sits under) says the role sought."""
    return says_role(f"{st.topic} {st.text}", role)


def _says_name(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def _named_after_owner(text: str, noun: str, search: str) -> str | None:
    """The one of that kind the line names after the asked owner: "Jahmari Form 2, form teacher
    Mr. Eiley. Amaya Std 1 at Our Lady of Guadalupe RC, teacher Ms. Bodden" gives Amaya's teacher
    as Ms. Bodden, not the first teacher the line names."""
    owner = re.search(r"\b([A-Z][\w-]+)['’]s\b", search)
    at = re.search(rf"\b{re.escape(owner.group(1))}\b(?!['’])", text) if owner else None
    return named_by_kind(text[at.end():], noun) if at and at.start() > 0 else None


class ChatEngine:
    """One loaded model, answering one question at a time; safe to share between threads."""

    def __init__(
        self,
        home: Home,
        settings: Settings | None = None,
        *,
        memory=None,
        model_path: Path | None = None,
        model: TextModel | None = None,
        pool: ModelPool | None = None,
        reader: Literal["choose", "write"] = "choose",
    ):
        """`reader`: "choose" (default) copies a cited statement the model chose; "write" lets the
        model write the answer from the two best statements (the older way, for comparison)."""
        self.reader_kind = reader
        self.home = home
        self.settings = settings or home.load_settings()
        self._memory = memory
        self._model_path = model_path
        self._model = model
        self._pool = pool
        self._lock = threading.RLock()
        self._scorer: TextModel | None = model  # an injected model scores for itself

    # -- resources -------------------------------------------------------------------------
    @property
    def memory(self):
        if self._memory is None:
            self._memory = open_memory(self.home, self.settings)
        return self._memory

    @property
    def model_path(self) -> Path:
        return self._model_path or resolve_model_path(self.home, self.settings)

    @property
    def model_name(self) -> str:
        return self._model.name if self._model is not None else LlamaModel.name_for(self.model_path)

    def _load(self, path: Path) -> TextModel:
        if self._pool is not None:
            return self._pool.get(path)
        return LlamaModel(path, n_ctx=self.settings.model.n_ctx, threads=self.settings.model.threads)

    @property
    def model(self) -> TextModel:
        with self._lock:
            if self._model is None:
                self._model = self._load_served()
            return self._model

    def _load_served(self) -> TextModel:
        """The model to serve. If the promoted version will not load (a file damaged after it
        was promoted), the last version that does keeps serving, with one warning."""
        path = self.model_path
        try:
            return self._load(path)
        except ModelError as exc:
            if self._model_path is not None:
                raise
            for other in fallback_model_paths(self.home, self.settings, path):
                try:
                    model = self._load(other)
                except ModelError:
                    continue
                log.warning("the served model %s does not load (%s); answering with %s instead — "
                            "`anima models use` or `anima train` to replace it", path, str(exc).splitlines()[0], other)
                return model
            raise

    def reload_model(self, path: Path | None = None) -> None:
        """Swap the served model (after a promotion); the next question uses the new one."""
        with self._lock:
            if path is not None:
                self._model_path = path
            new_path = self.model_path
            if self._pool is not None:
                self._pool.forget(new_path)
            self._model = self._load(new_path)
            self._scorer = None
            log.info("model now %s", new_path)

    @property
    def scorer(self) -> TextModel:
        """The model the choosing reader scores statements with: the base model, also when a
        fine-tune is served. The reader's weights were chosen on the base's query likelihoods, and
        a fine-tune's drift with training (on Lena, rag 0.90 with the base scoring, 0.78 with the
        fine-tune's: bench/RESULTS.md). The fine-tune contributes its recall instead (_recall)."""
        with self._lock:
            if self._scorer is None:
                served = self.model
                base = None
                with contextlib.suppress(ModelError):
                    base = base_model_path(self.settings, self.home)
                path = getattr(served, "path", None)
                same = base is None or path is None or Path(path).resolve() == base.resolve()
                self._scorer = served if same else self._load(base)
            return self._scorer

    def _recall(self, question: str) -> str:
        """The served fine-tune's closed-book answer (the `--mode ft` prompt), evidence only."""
        from agent.reader_recall import RECALL_TOKENS

        messages = [{"role": "system", "content": SYSTEM_BASE}, {"role": "user", "content": question}]
        with self._lock:
            gen = self.model.generate(messages, max_tokens=RECALL_TOKENS, temperature=0.0,
                                      repeat_penalty=REPEAT_PENALTY, stop=["\n"])
        return gen.text.strip()

    def _reader(self) -> Reader:
        scorer = self.scorer
        recall = self._recall if scorer is not self.model else None
        return Reader(scorer, relate=self._relate(), recall=recall, mentions=self._mentions, trails=self._trails)

    def _mentions(self, word: str, limit: int = MENTIONS_K) -> list[str]:
        """The lines of the notes that name `word`: by the memory's full-text index, or read
        line by line from a memory that has none."""
        find = getattr(self.memory, "statements_mentioning", None)
        if find is not None:
            return [st.text for st in find(word, limit=limit)]
        every = getattr(self.memory, "iter_statements", None)
        if every is None:
            return []
        named = re.compile(rf"\b{re.escape(word)}\b")
        return [st.text for st in every() if named.search(st.text)][:limit]

    def _trails(self, words: str, limit: int = TRAILS_K) -> list[tuple[list[str], str]]:
        """(heading trail, text) of the lines that name any of `words` (the full-text index also
        reads a line's headings): which sub-headings sit under a "Kids" heading."""
        find = getattr(self.memory, "statements_mentioning", None)
        if find is None:
            return []
        return [(list(st.topic) if isinstance(st.topic, list) else [st.topic], st.text) for st in find(words, limit=limit)]

    # -- prompting -------------------------------------------------------------------------
    def _answer_tokens(self, mode: str) -> int:
        return self.settings.model.rag_max_tokens if mode == "rag" else self.settings.model.max_tokens

    def _count(self, text: str) -> int:
        return self.model.count_tokens(text)

    def build_messages(self, question: str, hits: list, mode: str) -> list[dict]:
        n_ctx = self.settings.model.n_ctx
        reserve = self._answer_tokens(mode) + 64  # answer + template overhead
        system = SYSTEM_RAG if mode == "rag" else SYSTEM_BASE
        budget = n_ctx - reserve - self._count(system)
        question = self.model.truncate(question, max(32, min(budget // 2, budget - 32)))
        if mode != "rag":
            return [{"role": "system", "content": system}, {"role": "user", "content": question}]
        budget -= self._count(question) + 16
        lines: list[str] = []
        # Best last, so the line the answer is in sits right before the question; when the
        # budget runs out, the least relevant lines (at the front) are the ones left out.
        for line in reversed(select_lines(question, hits)):
            cost = self._count(line) + 2
            if cost > budget:
                break
            lines.insert(0, line)
            budget -= cost
        notes = "\n".join(f"- {line}" for line in lines)
        user = f"Notes:\n{notes}\n\nQuestion: {question}"
        return [{"role": "system", "content": system}, *EXAMPLE, {"role": "user", "content": user}]

    # -- answering -------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        *,
        mode: str = "rag",
        on_token: Callable[[str], None] | None = None,
        cancel: threading.Event | None = None,
        history: Sequence[tuple[str, str]] | None = None,
    ) -> Answer:
        """Answer one question; `history` is the conversation so far as (question, answer) pairs,
        oldest first, so a follow-up ("What colour is she?") reads with the turn before it."""
        if mode not in ("rag", "base"):
            raise ValueError(f"unknown mode {mode!r}")
        if mode == "rag" and self.reader_kind == "choose":
            return self._read(question, history or [], on_token, cancel)
        return self._write(question, mode, on_token, cancel, history or [])

    def _relate(self) -> WordRelate | None:
        """Word vectors from memory's own embedder, kept for the engine's life (see agent.reader_relate)."""
        if getattr(self, "_word_relate", None) is None:
            embedder = getattr(self.memory, "embedder", None)
            self._word_relate = WordRelate(embedder.embed) if embedder is not None else None
        return self._word_relate

    def _read(self, question, history, on_token, cancel) -> Answer:
        t0 = time.perf_counter()
        if not is_question_text(question):
            return self._finish(NO_QUESTION, "abstained", [], t0, t0, on_token, cancel)
        resolved = self._spell_aliases(self._mend_typos(spell_out(resolve(question[:MAX_QUESTION_CHARS], history))))
        # A follow-up asking something new about the last turn's subject wants more than the
        # line already given; asking the name again ("what is it called again?") wants that line.
        already = history[-1][1] if history and resolved != question and not asks_name(question) else ""
        readings: list[Reading] = []
        hops, found, direct = relative_clause(resolved), None, None
        if hops is not None and not hops.fallback and hops.noun == "doctor" and re.search(r"\bthe doctor['’]s\b", resolved, re.IGNORECASE):
            # "the doctor's phone number" where the notes call two people "Dr ...": the reader
            # asks which; the hop would find one of them ("Who is the doctor?") and stop there.
            direct = self._parts(resolved, already)
            readings = direct if len(direct) == 1 and direct[0].kind == "ambiguous" else []
        if hops is not None and not hops.fallback and not readings:
            readings, found = self._hop_readings(hops, already)
        titled = self._spell_titles(resolved) if not readings else resolved
        if titled != resolved:
            # "What is Gogo's cell number?" is asked of Nokuthula Mokoena first: the contact list
            # names her so, and "next door to Gogo" on a neighbour's row is not her number. What
            # only the lines that say "Gogo" hold ("Gogo's house: Alarm code") is read as asked.
            readings = self._parts(titled, already)
            readings = readings if any(r.kind != "abstained" for r in readings) else []
        if not readings:
            # (Read already when the doctor's number was asked of the reader first.)
            readings = direct if direct is not None else self._parts(resolved, already)
            if hops is not None and hops.fallback and all(r.kind == "abstained" for r in readings):
                hopped, found = self._hop_readings(hops, already)
                readings = hopped or readings
        t_retrieve = time.perf_counter()
        if len(readings) == 1 and readings[0].kind == "ambiguous" and readings[0].options:
            readings = self._each_option(readings[0])
            return self._finish(readings[0].answer, readings[0].kind, readings, t0, time.perf_counter(), on_token, cancel)
        if len(readings) == 1:
            readings = [signed_role(readings[0])]
            return self._finish(readings[0].answer, readings[0].kind, readings, t0, t_retrieve, on_token, cancel)
        # A question in parts (its answers in different notes): each part answered and cited on
        # its own; parts the notes do not answer say so.
        answered = [r for r in readings if r.kind != "abstained"]
        if not answered:
            return self._finish(DONT_KNOW, "abstained", readings, t0, t_retrieve, on_token, cancel)
        pieces = [r.answer if r.kind != "abstained" else f"({r.question} {DONT_KNOW})" for r in readings]
        # One line that answers both parts, or that found someone and also holds what is asked of
        # them, is said once: the fuller piece stays (the one led by the value), else the first.
        text = " ".join(p for i, p in enumerate(pieces)
                        if not any(j != i and p in q and (p != q or j < i) for j, q in enumerate(pieces)))
        kind = "answered" if any(r.kind == "answered" for r in readings) else "ambiguous"
        if hops is not None and found is not None:
            readings = readings[1:] + readings[:1]  # cite the line that answers, then the one that led there
        return self._finish(text, kind, readings, t0, t_retrieve, on_token, cancel)

    def _hop_readings(self, hops, already: str) -> tuple[list[Reading], tuple[str, Reading] | None]:
        """"the vet who prescribed Momo's pills": who that is first, then the question about them
        (the line that found them first). Nothing when either step finds nothing."""
        if hops.place:
            found = self._place_hop(hops.inner, hops.place, hops.noun)
        else:
            found = self._hop(hops.inner, hops.read, hops.noun, named=hops.named, said=hops.said)
        if found is not None and found[1].kind == "ambiguous":
            return [found[1]], None  # two people are "my tita": asked which
        if found is None:
            return [], None
        name = found[0] if hops.place else self._full_name(found[0], context=found[1].statement.text)
        about = []
        if hops.named and name != hops.named and name.split()[0] == hops.named and self._full_name(hops.named) == name:
            # "Where does my brother Varun live now?": the notes know one Varun, so he is asked of
            # as the question calls him; the journal's "Varun has moved to Mahébourg" never writes
            # the surname the family page gives him.
            about = self._parts(hops.outer.format(hops.named), already)
        if not any(r.kind == "answered" for r in about):
            about = self._parts(hops.outer.format(name), already)
        bare = _untitled(name)
        if bare != name and not any(r.kind != "abstained" for r in about):
            # "Dr. Ruiz" found as the vet; the line with his number says "lo de Ruiz (el vete)".
            # (Setswana's "Mma"/"Rra" are Mrs and Mr: "Mma Boitumelo Sebina" is "Boitumelo Sebina" on the birthdays table;
            # Portuguese "Dona Rosalina Varela", "Dr.ª Eneida Ramos" and Dutch "meneer Esajas" alike.)
            about = self._parts(hops.outer.format(bare), already)
        # "Pirjo" found as my mother, known in full as Pirjo Nieminen from a password manager's
        # card: the card with her number retrieves by the name she was found by; "แฟน: Beam —
        # ภูดล (Phuwadol Kaewmanee)": the contact card goes by the full name in brackets. Either
        # is taken only when it answers (by "Ondřej" alone the notes know two, and ask which).
        # A list by given names only ("Leela: date: 21/04/1959" on the birthdays page) knows her by her
        # first name: tried last, and taken only when it answers, as the others are.
        given = bare.split()[0] if len(bare.split()) >= 2 else ""
        tried = {name, bare}
        for other in (found[0], _full_name_in_brackets(found[0], found[1].statement.text), given):
            if other and other not in tried and not any(r.kind != "abstained" for r in about):
                tried.add(other)
                again = self._parts(hops.outer.format(other), already)
                if other == given and given not in (found[0], name):
                    # By the given name alone, only a line that lists them by it answers ("Leela: date:
                    # 21/04/1959"), not any line of a post titled "News from Bolot".
                    again = [r for r in again if r.kind == "answered" and r.statement is not None
                             and _listed_by(r.statement, given)]
                about = again if any(r.kind == "answered" for r in again) else about
        if not any(r.kind != "abstained" for r in about):
            # Who it is was found, not what is asked of them ("my dad" is in the notes, his
            # number is not): the question is read as it was asked.
            return [], None
        return [found[1], *about], found

    def _parts(self, question: str, already: str) -> list[Reading]:
        """Each part of a question read over what it retrieves (its answers may be in different notes)."""
        readings: list[Reading] = []
        for part in split_question(question):
            statements = search_statements(self.memory, part[:2000], k=STATEMENTS_K, chunk_k=self.settings.memory.k)
            rel = re.search(r"\bmy (?:(?:older|oldest|elder|eldest|younger|youngest) )?([a-z]+?)(?:'s|’s)?\b", part.lower())
            if rel:
                # "my son": is there more than one? A plural listing ("my sons, Leo and Max") may
                # not share enough words with the question to be retrieved by it.
                self._also_found(statements, f"my {rel.group(1)}s", k=4)
            if in_law := re.search(r"\bmy (brother|sister)-in-law\b", part.lower()):
                # "my brother-in-law" is my sister's husband: "Divya akka: my sister, ... Married
                # Arjun Menon in 2019" shares no word with the question.
                self._also_found(statements, f"my {'sister' if in_law.group(1) == 'brother' else 'brother'} married", k=4)
            if _ASKS_MY_JOB.search(part):
                # "What's my job title?": the journal's "I got promoted to Operations Supervisor"
                # shares no word with it.
                self._also_found(statements, "I was promoted to", k=4)
            if _ASKS_MY_BOSS.search(part):
                self._also_found(statements, "my new manager is", k=3)
                self._also_found(statements, "I now report to", k=3)
            if _ASKS_MY_PHONE.search(part):
                self._also_found(statements, "my new number", k=3)
            nicknames = self._nicknames_in(part)
            if nicknames:
                # Lines that call them by the nickname only ("Hems and I booked Angelus Hut").
                seen = {s.id for s in statements}
                extra = search_statements(self.memory, f"{part[:2000]} {' '.join(n for ns in nicknames.values() for n in ns)}",
                                          k=STATEMENTS_K, chunk_k=self.settings.memory.k)
                for name, nicks in nicknames.items():
                    # ... and the question asked by the other name ("What's the rent at Flat B?"),
                    # which the lines written under that name alone answer.
                    for nick in nicks[:2] if " " in name and name in part else []:
                        extra += search_statements(self.memory, part[:2000].replace(name, nick), k=STATEMENTS_K // 2,
                                                   chunk_k=self.settings.memory.k)
                for s in extra:
                    # (A line that says the asked name too was the first search's to find.)
                    if s.id not in seen and not any(_says_name(n, f"{s.topic} {s.text}") for n in nicknames):
                        statements.append(s)
                    seen.add(s.id)
            statements += self._about_them(part, statements)
            statements += self._by_gloss(part, statements)
            statements += self._followers(part, statements)
            seen = {s.id for s in statements}
            statements += [s for s in statements_holding(self.memory, part[:2000]) if s.id not in seen]
            with self._lock:
                readings.append(self._reader().read(part, statements, already_said=already, nicknames=nicknames))
        return readings

    def _also_found(self, statements: list, search: str, *, k: int) -> None:
        """Adds to `statements` the ones `search` finds that are not there yet: the words a change
        is told in ("I was promoted to", "I now report to"), which the question does not use."""
        seen = {s.id for s in statements}
        statements += [s for s in search_statements(self.memory, search, k=k, chunk_k=2) if s.id not in seen]

    def _by_gloss(self, question: str, statements: list) -> list:
        """Lines that call the asked thing by the other name a retrieved line glosses it with:
        "Building maintenance fee (cuota de mantenimiento): Bs 380" is followed, months later, by
        "the cuota de mantenimiento goes up to Bs 450", which shares no word with the question."""
        asked = {stem(w) for w in content_words(question)}
        seen = {s.id for s in statements}
        extra: list = []
        searched: set[str] = set()  # a gloss several retrieved lines repeat is looked up once
        for st in statements[:GLOSSED_K]:
            for m in _GLOSS.finditer(st.text):
                named, gloss = content_words(m.group(1)), m.group(2)
                if len({stem(w) for w in named} & asked) < 2 or {stem(w) for w in content_words(gloss)} & asked \
                        or gloss.lower() in searched:
                    continue  # the bracket must name the asked thing otherwise, not add to it
                searched.add(gloss.lower())
                for hit in search_statements(self.memory, gloss, k=GLOSS_HITS_K, chunk_k=2):
                    if hit.id not in seen and gloss.lower() in hit.text.lower():
                        seen.add(hit.id)
                        extra.append(hit)
        return extra

    def _about_them(self, question: str, statements: list) -> list:
        """Lines about the person a question asks of ("What's Yavor's phone number?") that share no
        other word with it: a diary's "Явор си смени номера — новият е ..." tells the number changed.
        Found by the name as the notes write it (in Cyrillic too), a few lines per name."""
        info = analyse(question)
        # Whose it is ("Yavor's"), not a name of a place or a firm ("the Lipa pharmacy"). A full
        # name ("Priit Tamm's", as a hop asks) by its given name, which a diary writes alone
        # ("Priit has a new number"); the family name alone is the whole family.
        owned = [n for n in (re.sub(r"['’]s$", "", n) for n in info.names) if n.split()[-1].lower() in info.owners]
        people = [n.split()[0] for n in owned]
        people += [o.capitalize() for o in info.owners if o.isalpha() and not any(o in n.lower().split() for n in owned)
                   and o.capitalize() not in people]
        # ... and the one the question is about as its subject: "Where does my brother Varun live
        # now?" is answered by "Varun has moved to Mahébourg for good", which says no "live".
        people += [m.group(1) for m in _SUBJECT_NAME.finditer(question) if m.group(1) in info.names and m.group(1) not in people]
        texts = [s.text for s in statements]
        seen = {s.id for s in statements}
        extra: list = []
        for name in people[:2]:
            spelled = native_spellings(name, texts)
            if not spelled and not any(re.search(rf"\b{re.escape(name)}\b", t) for t in texts):
                continue  # nobody the notes retrieved name so
            hits = search_statements(self.memory, " ".join([name, *spelled]), k=ABOUT_THEM_K, chunk_k=2)
            if info.want in _CHANGING_CONTACTS and not name.isupper():
                # Of the many lines that name them (in their own words, not a page's title: "31.01
                # GP and dentist"), those holding a number or an e-mail at all.
                said = re.compile(rf"(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])")
                hits += statements_naming(self.memory, name, lambda t: bool(said.search(t)) and any(
                    not _STAMP.fullmatch(v) for v in typed_values(t, info.want)), k=ABOUT_THEM_K)
            for hit in hits:
                if hit.id not in seen:
                    seen.add(hit.id)
                    extra.append(hit)
        return extra

    def _followers(self, question: str, statements: list) -> list:
        """The sentences that go on by pronoun about someone the question names, right after a
        retrieved sentence that names them: "Called Sardor aka. He moved from Moscow to Seoul last
        month." shares no word with "Where does my brother Sardor live?" but tells it. One found
        by the question's words already is told whom it means."""
        info = analyse(question)
        people = {w for n in info.names for w in re.sub(r"['’]s$", "", n).split() if len(w) > 2}
        if not people or info.want is None:
            # (Only for a value of a kind the sentence itself must hold: "Pixel is our border
            # collie. She was born in April 2021" says no breed, though read with the one before.)
            return []
        by_id = {s.id: s for s in statements}
        extra: list = []
        said = [s for s in statements if any(re.search(rf"\b{re.escape(p)}\b", s.text) for p in people)]
        for hit in said[:FOLLOWED_K]:
            for follower in pronoun_followers(self.memory, hit):
                if not typed_values(follower.text, info.want, exclude=question):
                    continue
                if _NEW_KEY.match(follower.source.strip()) and (key := _NEW_KEYED.match(follower.source.strip())) and not (
                        content_words(key.group(1)) & info.terms or info.want == "phone" and _NUMBER_KEY.search(key.group(1))):
                    continue  # "New salary: 24 000 000" after a line naming her is no new number of hers
                if follower.id in by_id:
                    known = by_id[follower.id]
                    known.context, known.continues, known.rank = follower.context, True, min(known.rank, follower.rank)
                else:
                    by_id[follower.id] = follower
                    extra.append(follower)
        return extra

    def _nicknames_in(self, question: str) -> dict[str, list[str]]:
        """The nicknames the notes give the people a question names: Hemi's card says "nick=Hems"."""
        out = {}
        for name in {re.sub(r"['’]s$", "", n) for n in analyse(question).names}:
            nicks = self._nicknames(name)
            if nicks:
                out[name] = nicks
        if not re.search(r"[A-Z]", question):
            # "eitans number", typed all in lower case, names nobody by a capital: a word of it
            # that notes in Hebrew write (its possessive "s" off) is the name.
            for word in re.findall(r"[a-z]{3,}", question):
                if word in STOP_WORDS:
                    continue
                for form in dict.fromkeys([word[:-1] if word.endswith("s") and len(word) > 3 else word, word]):
                    nicks = self._hebrew_spellings(form.capitalize())
                    if nicks:
                        out[form.capitalize()] = nicks
                        break
        return out

    def _nicknames(self, name: str) -> list[str]:
        if not re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}", name):
            # ("Flat B", "Unit 4": a place's name may end in a letter or a number.)
            return self._heading_aliases(name) if re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z0-9][\w'’-]*){1,2}", name) else []
        nicks: list[str] = self._hebrew_spellings(name)
        nicks += [n for n in self._bracketed_nicknames(name) if n not in nicks]
        nicks += [n for n in self._heading_aliases(name) if n not in nicks]
        for owner, given in self._card_aliases(name):
            if not set(name.split()) <= set(owner.split()):
                continue  # the card of someone else who mentions them
            for nick in given:
                if re.fullmatch(r"[A-Z][\w'’-]+", nick) and nick not in name.split() and nick not in nicks:
                    nicks.append(nick)
        return nicks

    def _bracketed_nicknames(self, name: str) -> list[str]:
        """"My brother Tomás (Tomi, forever, to all of us)": a one-word name in brackets right
        after a name, begun by the same letters, is what the notes also call them; both ways
        round, so "Tomi" is Tomás too. (Not "Dr Nowak (Anna)": no shared start, no nickname.)"""
        find = getattr(self.memory, "statements_mentioning", None)
        if find is None or " " in name:
            return []
        out: list[str] = []
        for st in find(name, limit=MENTIONS_K):
            pairs = re.findall(rf"\b({re.escape(name)})\s*\(([A-Z][\w'’-]+)\s*[,;)]", st.text)
            pairs += [(b, a) for a, b in re.findall(rf"\b([A-Z][\w'’-]+)\s*\(({re.escape(name)})\s*[,;)]", st.text)]
            for _, other in pairs:
                if other != name and fold(other).lower()[:3] == fold(name).lower()[:3] and other not in out:
                    out.append(other)
        return out

    def _heading_aliases(self, name: str) -> list[str]:
        """"## Flat B (Loxley Mews)": a heading that gives a place or thing two names, so a later
        "## Flat B, new tenant" speaks of Loxley Mews too. Only a short name of capitals after the
        bracket or before it (not "Anna (my sister)", not "Biscuit (ginger)")."""
        find = getattr(self.memory, "statements_mentioning", None)
        if find is None:
            return []
        out: list[str] = []
        named = re.escape(name)
        other = r"[A-Z0-9][\w-]*(?: [A-Z0-9][\w-]*){0,2}"
        for st in find(name, limit=MENTIONS_K):
            for heading in st.topic:
                m = (re.fullmatch(rf"\s*({other})\s*\(\s*{named}\s*\)\s*", heading)
                     or re.fullmatch(rf"\s*{named}\s*\(\s*({other})\s*\)\s*", heading))
                if m and m.group(1) != name and m.group(1) not in out:
                    out.append(m.group(1))
        return out

    def _hebrew_spellings(self, name: str) -> list[str]:
        """A name asked in Latin letters as notes in Hebrew write it ("Sigal" is "סיגל", and
        "לסיגל" with "to" glued on), where they do: the lines that say it say the name."""
        find = getattr(self.memory, "statements_mentioning", None)
        if find is None:
            return []
        out: list[str] = []
        for word in name.split():
            spellings = hebrew_spellings(word)
            if not spellings:
                continue
            for st in find(" ".join(spellings), limit=MENTIONS_K):
                out += [w for w in hebrew_forms(spellings, st.text) if w not in out]
        return out

    def _card_aliases(self, name: str) -> Iterator[tuple[str, list[str]]]:
        """(whose page or card it is, the other names it gives) for each line that mentions `name`
        under an alias key (`aliases:`, `aka:`, `nick=`)."""
        find = getattr(self.memory, "statements_mentioning", None)
        if find is None:
            return
        for st in find(name, limit=MENTIONS_K):
            owner = (st.topic[0] if st.topic else st.text.partition(":")[0]).strip()  # the card's name heads its lines
            for key, value in st.fields.items():
                if _ALIAS_KEYS.fullmatch(key.strip()):
                    yield owner, [a.strip(" \"'[]") for a in re.split(r"[,;/|]", value)]

    def _each_option(self, reading: Reading) -> list[Reading]:
        """Asking back with what the notes say for each one ("Leo (Ms. Arnaud) and Max (Mr.
        Pike)"), so the user can pick by the answer too; each value cited from its own line."""
        shown, found, told = [], [], False
        for option in reading.options[:MAX_OPTIONS]:
            # "Dr. Marcia Lue (GP)": the doctor asked about by name, the role kept in what is shown.
            person, role = re.fullmatch(r"(.+?)(?:\s+\(([^()]*)\))?", option).groups() if option.startswith(("Dr", "dr")) else (option, None)
            person = self._full_name(person)
            question = about_one(reading.question, person)
            sub = self._read_about(question, question)
            if sub.kind != "answered" and _untitled(person) != person:
                # "Tio Baltazar Macuácua" is "Baltazar Macuácua" on the contacts list.
                question = about_one(reading.question, _untitled(person))
                sub = self._read_about(question, question)
            told = told or sub.kind != "abstained"
            # A value in the line's own words, not its heading's date ("Monday, 27 September").
            if (sub.kind == "answered" and sub.value and sub.statement is not None and sub.value in sub.statement.source
                    and sub.value.lower() not in person.lower()):
                shown.append(f"{person} ({role}: {sub.value})" if role else f"{person} ({sub.value})")
                found.append(sub.model_copy(update={"kind": "ambiguous", "candidates": [c for c in sub.candidates
                                                                                         if c.statement.id == sub.statement.id]}))
            else:
                shown.append(f"{person} ({role})" if role else person)
        if not told and len(reading.options) <= MAX_OPTIONS and self._told_of_neither(reading):
            # "When is cousin Bat-Erdene's birthday?" over two Bat-Erdenes, and the notes say it of
            # neither: which one is meant does not matter.
            return [Reading(kind="abstained", answer=DONT_KNOW, question=reading.question)]
        if not found and shown == reading.options[:MAX_OPTIONS]:
            return [reading]
        text = f"Your notes mention {join_names(shown)}. Which one do you mean?"
        return [reading.model_copy(update={"answer": text, "candidates": []})] + found

    def _full_name(self, person: str, context: str = "") -> str:
        """"Chris L." as the notes write it in full elsewhere ("Chris Lindqvist"), when only one
        full name fits; a first name alone ("Ruth", found as "Accountant: Ruth at Marsh &
        Patel") as the one full name the notes give it ("Ruth Marsh" heads her contact card).
        Read from the lines that name the first name (the full-text index), not every line."""
        m = re.fullmatch(r"([A-Z][a-z][\w'-]*)(?: ([A-Z])\.)?", person)
        if not m:
            return self._bracketed_full_name(person) or person
        first, initial = m.groups()
        people = namesakes(first, self._mentions(first, limit=FULL_NAME_K), "")
        if initial:
            people = [p for p in people if p.split()[1].startswith(initial)]
        if len(people) > 1 and context:
            people = self._known_with(people, context) or people
        if len(people) == 1 and len(people[0].split()[1].rstrip(".")) > 1:
            return people[0]
        if not initial and not people:
            return self._alias_of(person) or self._longer_name(first) or person
        return person

    def _told_of_neither(self, reading: Reading) -> bool:
        """Whether the things a name may mean (namesakes, not "my sister" of two sisters) have none
        of them a value of the asked kind (a number, a plate, a birthday) in any line that writes
        the name: a line may give it without the full name each option is read by ("Sophie: 07700
        900318" under Sophie Adebayo's tenancy), so those lines are looked at too."""
        info = analyse(reading.question)
        if info.want is None:
            return False
        shared = [w for n in info.names for w in re.sub(r"['’]s?$", "", n).split()
                  if all(re.search(rf"\b{re.escape(w)}\b", o) for o in reading.options)]
        if not shared:
            return False
        lines = [t for w in shared for t in self._mentions(w)]
        if _SAYS_BIRTH.search(reading.question):
            return not any(_SAYS_BIRTH.search(t) for t in lines)
        # (Any other date is too common beside a name to tell: "Damion: 2026-03-14 paid".)
        return info.want != "date" and not any(typed_values(t, info.want, exclude=reading.question) for t in lines)

    def _bracketed_full_name(self, person: str) -> str | None:
        """"Bomi Irma" as the notes give her in full right after, in brackets: "**Bomi Irma**
        (Irma Hoscheit, Mamm's mother)"; the full name shares a word with the one it explains."""
        if not re.fullmatch(r"[A-Z][\w'’-]+ [A-Z][\w'’-]+", person):
            return None
        said = re.compile(rf"\b{re.escape(person)}\W{{0,3}}\(\s*((?:[A-Z][\w'’-]+ ){{1,2}}[A-Z][\w'’-]+)\s*[,;)]")
        fulls = {m.group(1) for t in self._mentions(person.split()[-1], limit=FULL_NAME_K) for m in said.finditer(t)}
        fulls = {f for f in fulls if set(f.split()) & set(person.split()) and f != person}
        return fulls.pop() if len(fulls) == 1 else None

    def _longer_name(self, short: str) -> str | None:
        """"Santi" (the family list's short form) as "Santiago Iturralde", the one full name the
        notes write whose given name begins with it (a bank row, a contact card); none when two
        fit ("Nico": Nicolás Ortiz, Nicole Brandt) or the short form is too short to say."""
        find = getattr(self.memory, "statements_with_word_starting", None)
        if find is None or len(short) < 4:
            return None
        fulls: set[str] = set()
        for st in find(short, limit=FULL_NAME_K):
            for m in re.finditer(rf"\b({re.escape(short)}[^\W\d_A-Z]{{1,5}})\s+([^\W\d_a-z][^\W\d_A-Z][\w'-]+)", st.text):
                if m.group(2).lower() not in _STOP_WORDS:
                    fulls.add(f"{m.group(1)} {m.group(2)}")
        return fulls.pop() if len(fulls) == 1 else None

    def _alias_of(self, name: str) -> str | None:
        """The one name a nickname stands for in the notes: Obsidian's `aliases: Fi, Fiona` on
        Fiona Reid's page, a card's "aka: Bex"."""
        owners: list[str] = []
        for owner, given in self._card_aliases(name):
            if (name.lower() in {g.lower() for g in given} and owner != name and owner not in owners
                    and re.fullmatch(r"(?:Dr\.? )?[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3}", owner)):
                owners.append(owner)
        return owners[0] if len(owners) == 1 else None

    def _mend_typos(self, question: str) -> str:
        """"whats my lisence number" asked as "whats my licence number": a word that is no word,
        spelt as the notes spell it (agent.typos)."""
        held = getattr(self.memory, "lines_holding", None)
        return mend(question, held, english_words(bundled_vocabulary())) if held is not None else question

    def _spell_aliases(self, question: str) -> str:
        """"What's Fi's number?" asked as "What's Fiona Reid's number?" when the notes give Fi as
        her alias (the lines about her are keyed by her page's name, not by the nickname)."""
        info = analyse(question)
        for name in {re.sub(r"['’]s$", "", n) for n in [*info.names, *info.owners] if " " not in n and len(n) > 1}:
            full = self._alias_of(name)
            if full and name.lower() not in full.lower().split():
                question = re.sub(rf"(?i)\b{re.escape(name)}\b", full, question)
        return question

    def _spell_titles(self, question: str) -> str:
        """"What is Gogo's cell number?" asked as "What is Nokuthula Mokoena's cell number?" when
        the notes write "Gogo Nokuthula" and know one Nokuthula in full."""
        info = analyse(question)
        for name in {re.sub(r"['’]s$", "", n) for n in [*info.names, *info.owners] if " " not in n}:
            full = self._titled(name)
            if full:
                question = re.sub(rf"\b{re.escape(name)}\b", full, question)
        return question

    def _titled(self, word: str) -> str | None:
        """The one person a family title stands for: "Gogo" where the notes write "Gogo Nokuthula"
        and name one Nokuthula in full ("Nokuthula Mokoena | 073 555 0102")."""
        if word.lower() not in FAMILY_TITLES:
            return None
        # (A name of any alphabet: "babička Věra" beside "babička Marie" is a second grandmother;
        # the title capitalised or not: "gogo's birthday" asked of "Gogo Thembekile" and "gogo Makhosazana".)
        given = {re.sub(r"['’]s$", "", m.group(1)) for text in self._mentions(word, limit=FULL_NAME_K)
                 for m in re.finditer(rf"\b(?i:{re.escape(word)})\s+([^\W\d_][\w'-]*)\b(?!['’]s\b)", text)
                 if m.group(1)[0].isupper() and m.group(1)[1:2].islower()}
        if len(given) != 1:
            return None  # never written with a name, or with two ("Oma Ruth", "Oma Lies"): ask the notes as written
        full = self._full_name(given.pop())
        return full if " " in full else None

    def _known_with(self, people: list[str], context: str) -> list[str]:
        """Of several namesakes, the one whose own lines name what the line that found them names:
        "Lee from Ace Heating" is the Lee whose card says Ace Heating, not the landlord Lee."""
        first = people[0].split()[0]
        others = [n for n in names(context) if first not in n.split()]
        find = getattr(self.memory, "statements_mentioning", None)
        if not others or find is None:
            return []
        fits = []
        for p in people:
            lines = [f"{st.topic} {st.text}" for st in find(p.split()[1], limit=MENTIONS_K)]
            # the card may give the name in parts ("First Name: Ondřej; Last Name: Malý; Nickname: Ondra")
            if any(o in line for line in lines if p in line or all(re.search(rf"\b{re.escape(w)}\b", line) for w in p.split())
                   for o in others):
                fits.append(p)
        return fits if len(fits) == 1 else []

    def _written_lower(self, word: str) -> bool:
        """Whether the notes also write `word` in lower case: "Goals" (a label), not "Ruby"."""
        low = word.lower()
        return low == word or written_in_lower_case(low, self._mentions(low))

    def _read_about(self, search: str, question: str) -> Reading:
        """One question read on its own over the statements `search` retrieves."""
        statements = search_statements(self.memory, search, k=STATEMENTS_K, chunk_k=self.settings.memory.k)
        with self._lock:
            return self._reader().read(question, statements)

    def _hop(self, search: str, question: str, noun: str = "", named: str = "", said: str = "") -> tuple[str, Reading] | None:
        """The one person or thing a relative clause points to, and the reading that found it.
        `said`: the role they were asked by, which the line (or its heading) that names them says
        in some language; of the close candidates, the first that does, else no one."""
        reading = self._read_about(search, question)
        if named:
            return self._named_hop(reading, named, noun)
        if said and reading.kind == "ambiguous" and reading.statement is not None:
            reading = self._one_said(reading, search, said, noun) or reading
        two = self._two_said(reading, search, said, noun) if said and reading.kind == "answered" else None
        if two:
            text = f"Your notes mention {join_names(two)}. Which one do you mean?"
            return "", reading.model_copy(update={"kind": "ambiguous", "answer": text, "value": None, "options": []})
        if reading.kind != "answered" or reading.statement is None:
            return None
        if said and reading.value and in_law_named(said, reading.statement.text) == reading.value:
            # "my sister, ... Married Arjun Menon": my brother-in-law, named without the word.
            return reading.value, reading
        if said:
            sayers = [c.statement for c in reading.candidates[:HOP_CANDIDATES] if _says(c.statement, said)]
            if reading.statement not in sayers and not _says(reading.statement, said):
                if not sayers:
                    return None
                reading = reading.model_copy(update={"statement": sayers[0], "value": None,
                                                     "answer": compose(sayers[0], None, question)})
        st = reading.statement
        if said and noun:
            # "Zia Rosa" on one close line, "Zia Carla" on another: two aunts, so no one is "my
            # aunt" here (the question read as asked asks back).
            # (One the chosen line itself writes is no other: "Veterinario: Dr. Ruiz — Veterinaria
            # Parque Rivadavia" names the vet and his practice, which a bank row names again.)
            given = {n for c in [st, *(c.statement for c in reading.candidates[:HOP_CANDIDATES])] if (n := named_by_kind(c.text, noun))}
            if any(a not in b and b not in a and b not in st.text for a in given for b in given):
                return None
        if said and noun and (named_here := _named_after_owner(st.text, noun, search) or named_by_kind(st.text, noun)
                              or named_as_mine(st.text, noun)):
            # "contadora: Silvia Rapetti, cel ..." (under the tax scheme's bullet, which a key
            # would otherwise name): the name the line gives right after the role.
            return named_here, reading.model_copy(update={"value": named_here})
        foreign_kind = bool(noun) and not re.search(rf"(?i)\b{re.escape(noun)}", st.text)  # "Mein Bruder", "언니"
        if foreign_kind and kind_only_owning(st.text, noun):
            return None  # "형부 = Lee Donghyun (언니's husband)": my sister's husband, not my sister
        if foreign_kind and (named := named_by_kind(st.text, noun)):
            # "Класна керівниця — Галина Степанівна": the name the line gives the kind in its own language.
            return named, reading.model_copy(update={"value": named})
        if foreign_kind and reading.value and reading.value in st.text and any(
                stem(noun) in content_words(" ".join(english_for(k.strip()))) for k in st.fields):
            # "Ev sahibi: Kemal Ersoy (Kemal Bey)": the name the reader took from the line's key,
            # which says the kind in its own language.
            return reading.value, reading
        if foreign_kind and named_by_kind(st.text, noun) is None:
            # "Mein Bruder war übers Wochenende da" names no brother (German writes every noun with a
            # capital, so the line's capitals are no guide); a line that does ("Mein Bruder Lukas
            # lebt in Dresden") among the close candidates is the one that says who it is. A line
            # that says the kind in English ("Hana Sato is your manager") is read as before.
            for c in reading.candidates[1:HOP_CANDIDATES]:
                named = named_by_kind(c.statement.text, noun)
                if named:
                    return named, reading.model_copy(update={
                        "statement": c.statement, "value": named, "answer": compose(c.statement, None, question)})
        if (subject := _card_subject(st, noun)):
            return subject, reading.model_copy(update={"value": subject})
        # A table row's columns name its parts ("prescriber: ..."); a "Key: value" line is keyed by
        # its subject, unless its key is the very role sought ("physio:: [[Amara Ojo]]").
        keyed = st.kind == "row" or (noun and any(stem(k.lower()) == stem(noun) for k in st.fields))
        found = entity(st.text, search, st.topic, st.fields if keyed else None, noun, common=self._written_lower)
        if reading.value and reading.value in names(st.text) and found != reading.value and not keyed:
            # The reader chose the name the line gives ("Servicing: Peter (mechanic)" -> Peter), not
            # its key.
            found = reading.value
        if found and noun.lower() == "mechanic" and CAR_CARE.search(found):
            # "serviced at Swartbooi Auto (Pieter Swartbooi)": the mechanic is the person the
            # business is named after, whose number a contacts list keeps.
            owner = next((n for n in names(st.text) if n != found and not CAR_CARE.search(n)
                          and set(n.split()) & set(found.split())), None)
            found = owner or found
        titled = set(_DOCTOR_NAME.findall(st.text))
        if noun.lower() in _DOCTOR_NOUNS and len(titled) == 1 and (not found or found not in next(iter(titled))):
            # "Medicine Zoya: Drug: Ventolin syrup ... (Dr. Farah)": the doctor sought is the one
            # the line calls Dr., not its key.
            found = next(iter(titled))
        if not found and noun.lower() in _DOCTOR_NOUNS and not titled:
            # "Dr. Ashot Sahakyan, Nairi Medical Center. Mild hypertension since 2025. Prescribed
            # Concor 5 mg every morning.": the sentence that found the doctor goes on about the one
            # its section names first.
            found = self._doctor_before(st)
        return (found, reading) if found else None

    def _doctor_before(self, st) -> str | None:
        """The one doctor the sentences just before `st` in its section name, if exactly one."""
        before = getattr(self.memory, "statements_before", None)
        if before is None or st.kind != "sentence":
            return None
        same = [p for p in before(st.id, 3) if p.path == st.path and _nearest_heading(p.topic) == st.topic]
        doctors = {d for p in same for d in _DOCTOR_NAME.findall(p.text)}
        return doctors.pop() if len(doctors) == 1 else None

    def _place_hop(self, search: str, person: str, kind: str) -> tuple[str, Reading] | None:
        """"Which nursery does Ana go to?": the line (of the close ones) that names Ana and says
        the kind in some language gives the place's name after that word."""
        reading = self._read_about(search, search)
        lines = ([reading.statement] if reading.statement is not None else []) + [c.statement for c in reading.candidates[:HOP_CANDIDATES]]
        for st in lines:
            if not re.search(rf"(?<!\w){re.escape(person)}(?!\w)", st.text):
                continue
            name = place_name(st.text, kind)
            if name and person not in name:
                return name, reading.model_copy(update={"statement": st, "value": name, "kind": "answered",
                                                        "answer": compose(st, None, search)})
        return None

    def _two_said(self, reading: Reading, search: str, said: str, noun: str) -> list[str] | None:
        """Two close lines that each give the asked role to a different person ("Name: Tita Lorna;
        Relation: tita" and "Name: Tita Baby; Relation: tita" for "my tita's number"): no one of
        them is the one meant, so the people, to ask which; None when one person (or none) is."""
        cands = reading.candidates[:HOP_CANDIDATES]
        # "my younger brother", "my older sister": the question says more than the role, which
        # may pick one of them.
        if not cands or not re.fullmatch(rf"(?i)who (?:is|are) (?:my|our) {re.escape(said)}\??", search.strip()):
            return None
        top = max(c.score for c in cands)
        sayers = [c for c in cands if c.score >= top - TWO_SAID_GAP and _says(c.statement, said)]
        if not sayers:
            return None
        # One list's records (a contact list's rows, a family page's bullets), not lines of any kind.
        first = max(sayers, key=lambda c: c.score).statement
        people: list[str] = []
        words: set[str] | None = None
        for c in sayers:
            st = c.statement
            owning = re.search(rf"(?i)\b{re.escape(noun)}['’]s\b", st.text) and not re.search(rf"(?i)\b{re.escape(noun)}\b(?!['’]s)", st.text)
            if (st.path, st.kind) != (first.path, first.kind) or owning or kind_only_owning(st.text, noun):
                continue  # "조카들 (언니's kids): ...": my sister's children, not my sister
            person = entity(st.text, search, st.topic, st.fields if st.kind == "row" else None, noun, common=self._written_lower)
            # Each says the role by one word ("tita" and "tita"; "Mama" and "Soacra", mother and
            # mother-in-law, are two roles).
            said_by = _role_words(st.text, noun)
            words = said_by if words is None else words & said_by
            if not words:
                return None
            # Not the heading a line sits under, nor a key that is a common word ("Family: 엄마 생신 is
            # by 음력" names no one; "Dunya: older sister" names Dunya).
            key = st.text.split(":", 1)[0].strip()
            if (not person or person == st.topic or person == key and self._written_lower(person)
                    or any(person in p or p in person for p in people)):
                continue
            people.append(person)
        return people if len(people) >= 2 else None

    def _one_said(self, reading: Reading, search: str, said: str, noun: str) -> Reading | None:
        """Asked back between lines that all say the role of one person ("Nora Villanueva (Ate
        Nora) | kasambahay" in the contacts, "Kasambahay (Ate Nora) | 7000" in the bills): the
        first line's name, when every other such line writes it whole; else still asked back."""
        st = reading.statement
        if not _says(st, said):
            return None
        person = entity(st.text, search, st.topic, st.fields if st.kind == "row" else None, noun, common=self._written_lower)
        if not person or len(person.split()) < 2:
            return None
        mine = set(_untitled(person).split())
        if any(not set(_untitled(o).split()) & mine for o in reading.options):
            return None  # the reader named another person too ("Uncles: Tio Baltazar ... and Tio Amâncio ...")
        others = [c.statement for c in reading.candidates[:HOP_CANDIDATES] if c.statement.id != st.id
                  and _says(c.statement, said)]
        # Every word of the name: "Zia Rosa" and "Zia Carla" share only the title (two aunts).
        if not all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", o.text) for o in others for w in person.split()):
            return None
        return reading.model_copy(update={"kind": "answered", "value": person, "answer": compose(st, None, reading.question)})

    def _named_hop(self, reading: Reading, named: str, noun: str) -> tuple[str, Reading] | None:
        """"my neighbour Marko": the line chosen for "Who is my neighbour Marko?" (or a close
        candidate) that writes Marko with a surname ("Neighbour Marko Horvat, flat 11") says which
        Marko; a line that names no surname to it says nothing here."""
        if reading.kind == "abstained":
            return None
        chosen = [reading.statement] if reading.statement is not None else []
        for st in chosen + [c.statement for c in reading.candidates[:HOP_CANDIDATES] if c.statement not in chosen]:
            if noun and not says_kind(f"{st.topic} {st.text}", noun):
                continue  # "Colleague Marko Horvat" is not the neighbour
            # From the given name on: "Neighbour Dario Kovač" opens a sentence with the role.
            full = [" ".join(n.split()[n.split().index(named):]) for n in names(st.text) if named in n.split() and not n.isupper()]
            full = [n for n in full if len(n.split()) > 1]
            if len({*full}) == 1:
                return full[0], reading.model_copy(update={"statement": st, "value": full[0], "kind": "answered",
                                                           "answer": compose(st, None, reading.question)})
        return None

    def _finish(self, text, kind, readings: list[Reading], t0, t_retrieve, on_token, cancel) -> Answer:
        citation = None
        sources: list[Source] = []
        for reading in readings:
            st = reading.statement
            if st is None:
                continue
            if reading.kind == "abstained":
                # "whose name I keep forgetting": the line that says the notes do not know it.
                sources.append(Source(path=st.path, start_line=st.line, end_line=st.end_line, score=round(st.score, 4),
                                      heading=[st.topic] if st.topic else []))
                continue
            if reading.kind == "answered" and citation is None:
                citation = Citation(path=st.path, line=st.line, end_line=st.end_line, text=st.source)
            shown = [st] if reading.kind == "answered" else [c.statement for c in reading.candidates[:2]]
            sources += [Source(path=s.path, start_line=s.line, end_line=s.end_line, score=round(s.score, 4),
                               heading=[s.topic] if s.topic else []) for s in shown]
        t_first = time.perf_counter()
        # The answer is complete before the first word goes out; it is streamed in words so
        # every caller (CLI, TUI, daemon SSE) shows it the same way as a generated one.
        pieces = text.split(" ")
        shown: list[str] = []
        for i, word in enumerate(pieces):
            if cancel is not None and cancel.is_set():
                break
            piece = word if i == 0 else " " + word
            shown.append(piece)
            if on_token:
                on_token(piece)
        answer = "".join(shown)
        if len(shown) < len(pieces):
            answer = (answer + " [cancelled]").strip()
        t_end = time.perf_counter()
        return Answer(
            answer=answer,
            sources=sources,
            model=self.model_name,
            timings_ms={"retrieve": _ms(t_retrieve - t0), "first_token": _ms(t_first - t0), "total": _ms(t_end - t0)},
            citation=citation,
            kind=kind,
        )

    def _write(self, question, mode, on_token, cancel, history) -> Answer:
        """The model writes the answer (base mode, or the "write" reader)."""
        t0 = time.perf_counter()
        question = resolve(question, history) if mode == "rag" else question
        hits: list = []
        if mode == "rag":
            query = follow_up_query(question, history)
            hits = [h for h in self.memory.search(query[:2000], k=self.settings.memory.k) if _is_relevant(h)]
        t_retrieve = time.perf_counter()
        sources = [
            Source(path=h.path, start_line=h.start_line, end_line=h.end_line, score=round(h.score, 4), heading=h.heading)
            for h in hits
        ]
        if mode == "rag" and not hits:
            # Nothing in the notes is about this: saying so beats letting a small model invent.
            if on_token:
                on_token(DONT_KNOW)
            now = time.perf_counter()
            return Answer(
                answer=DONT_KNOW,
                sources=[],
                model=self.model_name,
                timings_ms={"retrieve": _ms(t_retrieve - t0), "first_token": _ms(now - t0), "total": _ms(now - t0)},
                kind="abstained",
            )
        with self._lock:
            messages = self.build_messages(question, hits, mode)
            if mode == "base" and history:
                turns = [m for q, a in history[-4:] for m in ({"role": "user", "content": q}, {"role": "assistant", "content": a})]
                messages = messages[:1] + turns + messages[1:]
            gen = self.model.generate(
                messages,
                max_tokens=self._answer_tokens(mode),
                temperature=self.settings.model.temperature,
                repeat_penalty=REPEAT_PENALTY,
                stop=STOP if mode == "rag" else [],
                on_token=on_token,
                cancel=cancel,
            )
        t_end = time.perf_counter()
        answer = gen.text.strip()
        if gen.finish_reason == "cancelled":
            answer = (answer + " [cancelled]").strip()
        return Answer(
            answer=answer,
            sources=sources,
            model=self.model_name,
            timings_ms={
                "retrieve": _ms(t_retrieve - t0),
                "first_token": _ms(t_retrieve - t0) + (gen.first_token_ms if gen.first_token_ms is not None else _ms(t_end - t_retrieve)),
                "total": _ms(t_end - t0),
            },
        )


_REFERRING = re.compile(r"\b(he|she|it|they|him|her|his|hers|its|them|their|there|that|this|those|these|one)\b", re.I)


_DOCTOR_NOUNS = frozenset("doctor gp physician dentist vet veterinarian paediatrician pediatrician surgeon specialist".split())
_DOCTOR_NAME = re.compile(r"\b((?:Dr|Dra|Doctor)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


def _full_name_in_brackets(name: str, text: str) -> str | None:
    """The full name a line gives in brackets just after the name someone is called by ("Beam —
    ภูดล (Phuwadol Kaewmanee)", "Ренa (Irini Dimou)"), when it is two or more capitalised words."""
    m = re.search(rf"\b{re.escape(name)}\b[^()\n]{{0,24}}\(([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+)\)", text)
    return m.group(1) if m else None


def follow_up_query(question: str, history: Sequence[tuple[str, str]]) -> str:
    """A follow-up that points back ("What colour is she?") is searched together with the turn
    it points to, so retrieval finds the note the conversation is about."""
    if not history or not _REFERRING.search(question):
        return question
    last_q, last_a = history[-1]
    return f"{last_q} {last_a} {question}"


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)
