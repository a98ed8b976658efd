"""What a spoken command means: the transcript, or a reading of it recovered by sound, and
whether the recognizer was sure enough of it to run a risky action without reading it back.

Used by `anima listen` (agent/commands/listen.py) and measured by bench/voice.py, so that what
is measured is what runs.
"""
from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from agent.phone.recover import COMMAND_VOCABULARY, Recovered, recover
from tools.voice import SMS_WORD_PROB

# Launcher labels of the apps most phones have; the user's own apps come from their notes
# (agent/vocabulary.py). A heard "open X" with X none of these, nor in the notes, is tried as a
# misheard app name.
COMMON_APPS = ("Camera", "Clock", "Maps", "Phone", "Messages", "Photos", "Gallery", "Settings", "Chrome",
               "Calendar", "Contacts", "Gmail", "YouTube", "Calculator", "Files", "Play Store")
N_BEST = 5  # the recognizer's other transcripts tried when the first makes no command
_QUESTION = re.compile(r"^\s*(?:what|who|whom|whose|when|where|why|how|which|is|are|was|were|do|does|did|"
                       r"can|could|should|would|will|tell me about)\b", re.IGNORECASE)


class Understood(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)
    text: str  # what runs: the transcript, or the recovered reading
    plan: list | None = None  # PlannedAction list (None: not a command the parser knows)
    question: str | None = None
    error: str | None = None
    recovered: Recovered | None = None
    read_back: bool = False  # a risky step must be read back before it runs

    @property
    def risky_kinds(self) -> set[str]:
        return {p.kind for p in self.plan or [] if p.risky}


def known_apps(vocabulary) -> set[str]:
    return {a.lower() for a in (*COMMON_APPS, *(vocabulary.places if vocabulary is not None else ()))}


def _meaning(plan) -> tuple:
    """Plans that do the same thing are one meaning ("Text Kofi" and "Message Kofi")."""
    return tuple((p.kind, tuple(sorted((k, str(v).lower()) for k, v in p.args.items()))) for p in plan)


def understand(agent, transcript, vocabulary=None) -> Understood:
    """Plan `transcript` with `agent` (a PhoneAgent); when the words make no command (or open an
    app nobody has), try one misheard word put back (agent/phone/recover.py), judged by the
    recognizer's own scores when the transcript carries them (`transcript.scorer`)."""
    text = transcript.text.strip()
    plan, question, error = agent.plan(text) if text else (None, None, None)
    apps = known_apps(vocabulary)
    unknown_app = bool(plan) and any(p.kind == "open_app" and str(p.args.get("name", "")).lower() not in apps
                                     for p in plan)
    recovered = None
    if text and (plan is None or question or error or unknown_app) and not _QUESTION.match(text) \
            and not text.rstrip().endswith("?"):
        recovered = _recover(agent, transcript, vocabulary, apps)
        if recovered is not None:
            text = recovered.text
            plan, question, error = agent.plan(text)
    out = Understood(text=text, plan=plan, question=question, error=error, recovered=recovered)
    kinds = out.risky_kinds
    # a recovered word is the recognizer's second choice: read back anything risky it leads to
    out.read_back = bool(kinds) and (recovered is not None or not sure(transcript, kinds))
    return out


# Words that start a command and mean the same: the recognizer's doubt between them is no doubt
# about the command. Its first word is where a small model hesitates most, between spellings and
# synonyms ("Call" 0.17 where "call" and "ring" share the rest).
_SAME_VERB = (("call", "ring", "phone", "dial"), ("text", "message"), ("turn", "switch"))


def sure(transcript, kinds: set[str]) -> bool:
    """Is the recognizer sure enough of `transcript` for risky actions of `kinds`?

    tools.voice.Confidence.low decides, with two changes when the recognizer can score readings
    (`transcript.scorer`): for a call or a setting, whose other words are a closed set, the first
    word, when it is a command verb, counts with the probability of all its spellings and
    synonyms together, in the same context; a message must also be sure word by word without
    the context (see below)."""
    conf = transcript.confidence
    scorer, words = getattr(transcript, "scorer", None), list(getattr(transcript, "words", []) or [])
    if "send_sms" in kinds:
        # A body is open text, sent verbatim, and in context a fluent wrong body scores high ("Text
        # Kofi on my side." at 0.54 or more per word). So a message must also hold every word at
        # SMS_WORD_PROB without the context, as faster-whisper aligns words: the rule that never
        # sent a wrong body in bench/voice.py before the context scores came.
        if conf.low(kinds):
            return False
        if scorer is None:
            return True
        return min((p for _, p in scorer.words(transcript.text, context=False)), default=0.0) >= SMS_WORD_PROB
    if not conf.low(kinds):
        return True
    if scorer is None or not words:
        return False
    first = re.sub(r"[^\w]", "", words[0][0]).lower()
    same = next((group for group in _SAME_VERB if first in group), None)
    if same is None:
        return False
    # P(first word) already holds every way the sentence goes on after it
    mass = sum(scorer.first_word([v for w in same for v in (w, w.capitalize())]).values())
    adjusted = conf.model_copy(update={"min_word_prob": min([mass] + [p for _, p in words[1:]])})
    return not adjusted.low(kinds)


def _recover(agent, transcript, vocabulary, apps: set[str]) -> Recovered | None:
    words = list(COMMAND_VOCABULARY) + [a for a in COMMON_APPS]
    if vocabulary is not None:
        words += [*vocabulary.names, *vocabulary.relations, *vocabulary.places]
    memo: dict[str, object] = {}

    def understood(reading: str):
        if reading not in memo:
            plan, question, error = agent.plan(reading)
            ok = bool(plan) and not question and not error and all(
                p.kind != "open_app" or str(p.args.get("name", "")).lower() in apps for p in plan)
            memo[reading] = _meaning(plan) if ok else None
        return memo[reading]

    scorer = getattr(transcript, "scorer", None)
    if scorer is None:
        return recover(transcript.text.strip(), words, understood)
    # the recognizer's other transcripts first (beam search on the same encoding, ~0.1 s)
    return recover(transcript.text.strip(), words, understood, score=scorer.logprob,
                   alternatives=scorer.alternatives(N_BEST))
