"""What a spoken command means: the transcript, or a reading of it recovered by sound, and
whether the recognizer was sure enough of it to run a risky action without reading it back.

Used by `anima listen` (agent/commands/listen.py) and measured by bench/voice.py, so that what
is measured is what runs.
"""
from __future__ import annotations

import re
import weakref

from pydantic import BaseModel, ConfigDict

from agent.phone import grammar
from agent.phone.parser import number_words, numbers_to_digits, parse_command
from agent.phone.recover import COMMAND_VOCABULARY, Recovered, recover
from tools.voice import GATED_NOISE, HIGH_NO_SPEECH, SMS_AVG_LOGPROB, SMS_WORD_PROB

# Launcher labels of the apps most phones have; the user's own apps come from their notes
# (agent/vocabulary.py). A heard "open X" with X none of these, nor in the notes, is tried as a
# misheard app name.
COMMON_APPS = ("Camera", "Clock", "Maps", "Phone", "Messages", "Photos", "Gallery", "Settings", "Chrome",
               "Calendar", "Contacts", "Gmail", "YouTube", "Calculator", "Files", "Play Store")
N_BEST = 5  # the recognizer's other transcripts tried when the first makes no command
_QUESTION = re.compile(r"^\s*(?:what|who|whom|whose|when|where|why|how|which|is|are|was|were|do|does|did|"
                       r"can|could|should|would|will|tell me about)\b", re.IGNORECASE)
# "Can you call Anja?" is a request, not a question, though the recognizer prints a question mark
_POLITE = re.compile(r"^\s*(?:please\s+)?(?:can|could|would|will) you\s+(?:please\s+)?(?:(?:call|ring|phone|dial|text|"
                     r"message|set|turn|switch|open|launch|start|take|wake|go|put)\b|"
                     r"(?:give|send|tell|let)\b(?!\s+(?:me|us)\b))", re.IGNORECASE)  # "can you tell me ..." asks


class Understood(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)
    text: str  # what runs: the transcript, or the recovered reading
    plan: list | None = None  # PlannedAction list (None: not a command the parser knows)
    question: str | None = None
    error: str | None = None
    recovered: Recovered | None = None
    read_back: bool = False  # a risky step must be read back before it runs
    # a time or length put back by the recovery where the recognizer printed other numbers
    # ("10-4" -> 10 minutes): the whole command is read back, safe as it is
    # (agent/commands/listen.py); a number not heard at all ("Set an alarm for.") is no slip
    guessed_number: bool = False
    evidence: dict = {}  # what the closed grammar made of the recording (for bench/voice.py)

    @property
    def risky_kinds(self) -> set[str]:
        return {p.kind for p in self.plan or [] if p.risky}


def known_apps(vocabulary) -> set[str]:
    """Apps a heard "open X" may name as it stands: the common launcher labels, the well-known apps
    the vocabulary knows by name (agent/vocabulary.py KNOWN_APPS: "Open WhatsApp." needs no
    recovery though the notes never mention WhatsApp) and the user's own words from the notes."""
    from agent.vocabulary import KNOWN_APPS

    return {a.lower() for a in (*COMMON_APPS, *KNOWN_APPS, *app_names(vocabulary))}


def app_names(vocabulary) -> list[str]:
    """The apps a misheard "open X" may be put back to (the recovery and the closed grammar): the
    apps installed on the connected phone when it was reached (agent/vocabulary.py phone_apps),
    else the common launcher labels; and the user's own words from the notes."""
    phone = list(getattr(vocabulary, "apps", None) or [])
    places = list(vocabulary.places) if vocabulary is not None else []
    return list(dict.fromkeys([*(phone or COMMON_APPS), *places]))


def _meaning(plan) -> tuple:
    """Plans that do the same thing are one meaning ("Text Kofi" and "Message Kofi")."""
    return tuple((p.kind, tuple(sorted((k, str(v).lower()) for k, v in p.args.items()))) for p in plan)


def understand(agent, transcript, vocabulary=None) -> Understood:
    """Plan `transcript` with `agent` (a PhoneAgent); when the words make no command (or open an
    app nobody has), try one misheard word put back (agent/phone/recover.py), then the closed
    grammar of commands (agent/phone/grammar.py), judged by the recognizer's own scores when the
    transcript carries them (`transcript.scorer`). A risky command the recognizer was unsure of
    word by word can be vouched for by the grammar: its meaning holds GRAMMAR_SURE of the
    probability of the readings scored (for a message: its recipient, see `_message_sure`)."""
    text = transcript.text.strip()
    plan, question, error = agent.plan(text) if text else (None, None, None)
    apps = known_apps(vocabulary)
    unknown_app = bool(plan) and any(p.kind == "open_app" and str(p.args.get("name", "")).lower() not in apps
                                     for p in plan)
    recovered, vouched, evidence = None, False, {}
    scorer = getattr(transcript, "scorer", None)
    # "Open, what's happening?" (for "open WhatsApp"): an "open X" is a command, whatever mark the
    # recognizer put after it
    opens = bool(plan) and all(p.kind == "open_app" for p in plan) and bool(re.match(r"\W*open\b", text, re.I))
    command_like = bool(text) and (bool(_POLITE.match(text)) or opens or (
        not _QUESTION.match(text) and not text.rstrip().endswith("?")))
    second_look = getattr(transcript, "second_look", None)
    if command_like and (plan is None or question or error or unknown_app) and second_look is not None \
            and SECOND_LOOK:
        # the recording with its steady noise gated out, heard again: when that makes a command
        # as it stands (no word put back), it is what was said, judged by its own probabilities
        gated = second_look()
        g_text = gated.text.strip()
        g_plan, g_question, g_error = agent.plan(g_text) if g_text else (None, None, None)
        if g_plan and not g_question and not g_error and not any(
                p.kind == "open_app" and str(p.args.get("name", "")).lower() not in apps for p in g_plan):
            out = understand(agent, gated, vocabulary)
            out.evidence = {**out.evidence, "second_look": g_text}
            if SECOND_HEARING and not out.read_back and _unheard_body(out, text):  # the first hearing's words
                out.read_back = True
                out.evidence["hearings_differ"] = text
            if _other_number(text, out):  # "Set an alarm for 400 to 70." heard again as "... 4.27."
                out.guessed_number = out.read_back = True
                out.evidence["guessed_number"] = True
            return _recipient_in_noise(transcript, out, agent, vocabulary, gated.scorer)
    if command_like and (plan is None or question or error or unknown_app):
        recovered = _recover(agent, transcript, vocabulary, apps)
        if recovered is None and scorer is not None and GRAMMAR:
            found = _grammar(agent, transcript, vocabulary, apps, evidence)
            evidence["path"] = "recover"
            if found.best is not None and found.p >= GRAMMAR_RECOVER and found.drop <= GRAMMAR_MAX_DROP \
                    and found.closeness >= GRAMMAR_CLOSE:
                recovered = Recovered(text=found.best, heard=text, replaced=(text, found.best),
                                      drop=round(found.drop, 3))
        if recovered is not None:
            text = recovered.text
            plan, question, error = agent.plan(text)
            if plan and not question and not error and scorer is not None and GRAMMAR and VERB_VOUCHED \
                    and _call_verb_only(recovered, plan):
                # a call whose verb alone was misheard ("Bring my uncle."): the contact as heard is
                # judged on the recording as a doubted call is (below), readings by sound left out
                found = _grammar(agent, transcript, vocabulary, apps, evidence, by_sound=False)
                evidence["path"] = "verb"
                vouched = found.meaning == _meaning(plan) and found.p >= GRAMMAR_SURE_COMMANDS
    elif command_like and plan and not question and not error and scorer is not None and GRAMMAR:
        kinds = {p.kind for p in plan if p.risky}
        # a contact matched by sound ("Call my brothers." -> my brother) is judged on the recording
        # even when the words are sure: the grammar's readings name the contacts as the notes do
        guessed = any(p.risky and p.heard_as for p in plan)
        if "send_sms" in kinds and (guessed or not sure(transcript, kinds)):
            vouched = len(plan) == 1 and _message_sure(agent, transcript, plan[0], vocabulary, evidence,
                                                       own_reading=not guessed)
        elif kinds and (guessed or not sure(transcript, kinds)):
            found = _grammar(agent, transcript, vocabulary, apps, evidence, by_sound=not guessed)
            evidence["path"] = "confirm"
            vouched = found.meaning == _meaning(plan) and (found.p_all >= GRAMMAR_SURE or found.p >= GRAMMAR_SURE_COMMANDS)
    evidence["vouched"] = vouched
    out = Understood(text=text, plan=plan, question=question, error=error, recovered=recovered, evidence=evidence)
    kinds = out.risky_kinds
    # a recovered word is the recognizer's second choice, and a contact matched by sound ("Call to
    # bias." -> Rosalind Pike) a guess: read back anything risky they lead to, unless the closed
    # grammar vouched for the contact on the recording (its readings name the notes' own names);
    # of recovered readings only a call whose verb alone was put back can be vouched for, and only
    # with VERB_VOUCHED switched on (`_call_verb_only`)
    by_sound = any(p.risky and p.heard_as for p in plan or [])
    out.read_back = bool(kinds) and ((recovered is not None and not vouched) or (by_sound and not vouched)
                                     or not (vouched or sure(transcript, kinds)))
    if by_sound:  # (out.evidence is a copy of `evidence`)
        out.evidence["contact_by_sound"] = True
    if recovered is not None and _other_number(recovered.heard, out):
        out.guessed_number = out.read_back = True
        out.evidence["guessed_number"] = True
    if out.read_back or not SECOND_HEARING or second_look is None or "send_sms" not in kinds:
        return _recipient_in_noise(transcript, out, agent, vocabulary, scorer)
    noise = getattr(transcript, "noise", None)
    if noise is not None and noise < GATED_NOISE:  # nothing to gate: it would hear the same recording
        out.evidence["noise"] = noise
        return out
    # a message about to be sent: its body must be heard the same with the steady noise gated out
    # (the fluent wrong body the recognizer is sure of on every check: "Text Kofi, line outside."
    # for "I'm outside", which the gated recording hears right)
    again = second_look().text.strip()
    out.evidence["second_hearing"] = again
    if _unheard_body(out, again):
        out.read_back = True
        out.evidence["hearings_differ"] = again
    return _recipient_in_noise(transcript, out, agent, vocabulary, scorer)


# Who a message goes to, or who is called, is read back when the recording had noise to gate
# (tools.voice.noise_share >= GATED_NOISE), unless the recording carries the recipient without
# the user's names in the prompt. Every other check of a recipient comes from tiny.en primed with
# those names (agent/vocabulary.py prompt): the recipient's share of the readings scored, the
# 5-best, the gated second hearing. In noise they all agreed on a wrong name from that list:
# "Message, Kofi, I'm stuck in traffic." for "message Helen ..." (bench/RESULTS.md, fourteenth
# voice pass: Kofi 0.985 of the recipient readings, the same words on the gated hearing); scored
# with the generic command prompt instead (tools.voice.COMMAND_PROMPT, no names), the same
# recording gave Helen 0.998 and Kofi 0.001. So in noise the heard recipient must hold
# RECIPIENT_UNPRIMED of the readings that differ from the heard words only in the recipient (each
# contact and relation of the notes), scored under the generic prompt (Scorer.reprimed: the same
# encoding, no second encode); else the call or message is read back. The noise share is measured
# on the audio, not by the decoder. Price and effect: bench/RESULTS.md, fifteenth voice pass. Not
# measured (None) when the recording was gated before the first hearing (tools.voice.DENOISE, off
# by default): then the rule does not apply.
RECIPIENT_IN_NOISE = True
RECIPIENT_KINDS = frozenset({"send_sms", "call"})
RECIPIENT_UNPRIMED = 0.9  # as GRAMMAR_SURE; 2.0: every call and message heard in noise is read back


def _recipient_in_noise(transcript, out: Understood, agent=None, vocabulary=None, scorer=None) -> Understood:
    """`out`, read back when it calls or messages someone, its recording had noise to gate, and
    the recording without the names' priming does not carry the same recipient."""
    noise = getattr(transcript, "noise", None)
    if not RECIPIENT_IN_NOISE or noise is None or noise < GATED_NOISE or not (out.risky_kinds & RECIPIENT_KINDS):
        return out
    out.evidence["recipient_in_noise"] = noise
    share = _unprimed_share(agent, out, vocabulary, scorer)
    out.evidence["recipient_unprimed_p"] = None if share is None else round(share, 4)
    if share is not None and share >= RECIPIENT_UNPRIMED:
        return out
    out.evidence["read_back_before_recipient_rule"] = out.read_back
    out.read_back = True
    return out


def doubt(transcript, out: Understood) -> str:
    """What a read back says it is unsure of, in words the user can act on: the recipient when
    the noise rule asked (not "the whole sentence", whose words may all have been sure), the
    number, the message's words, a contact matched by sound, a word put back; else the words
    the recognizer itself was unsure of."""
    ev = out.evidence
    said: list[str] = []
    if ev.get("recipient_in_noise") is not None and ev.get("read_back_before_recipient_rule") is False:
        verb = "message" if "send_sms" in out.risky_kinds else "call"
        said.append(f"who to {verb}, since the recording was noisy")
    if out.guessed_number:
        said.append("the number")
    if ev.get("hearings_differ"):
        said.append(f"the message's words (heard again as \"{ev['hearings_differ']}\")")
    by_sound = [p for p in out.plan or [] if p.risky and p.heard_as]
    if by_sound:
        said.append(f"the contact ({by_sound[0].heard_as}, matched by sound)")
    if out.recovered is not None and out.recovered.replaced[0] != out.recovered.heard:
        said.append(f"\"{out.recovered.replaced[1]}\", which I heard as \"{out.recovered.replaced[0]}\"")
    elif out.recovered is not None:
        said.append(f"the words (I heard \"{out.recovered.heard}\")")
    if not said:
        unsure = getattr(getattr(transcript, "confidence", None), "unsure_words", None) or []
        said.append(", ".join(unsure) or "the whole sentence")
    return "; ".join(said)


def _unprimed_share(agent, out: Understood, vocabulary, scorer) -> float | None:
    """The heard recipient's share of the readings that name each of the user's contacts and
    relations in its place, scored under the generic prompt; None when that cannot be scored."""
    from tools.voice import COMMAND_PROMPT

    if agent is None or scorer is None or not hasattr(scorer, "reprimed") or out.plan is None or len(out.plan) != 1:
        return None
    steps = parse_command(out.text)
    ref = str(steps[0].args.get("contact", "")) if steps and len(steps) == 1 else ""
    mine = out.plan[0].args.get("to")
    span = re.search(rf"(?<!\w){re.escape(ref)}(?!\w)", out.text, re.IGNORECASE) if ref else None
    names = list(vocabulary.names) if vocabulary is not None else []
    relations = list(vocabulary.relations) if vocabulary is not None else []
    who = grammar.targets(names, relations)
    if span is None or not mine or not who:
        return None
    readings = {out.text: mine}
    for t in who:
        readings.setdefault(out.text[:span.start()] + t + out.text[span.end():], _number(agent, t))
    texts = list(readings)
    scores = scorer.reprimed(COMMAND_PROMPT).grammar(texts)
    post = grammar.posterior([(s, ("to", readings[t])) for s, t in zip(scores, texts)])
    return post.get(("to", mine), 0.0)


# A message's body is open text, sent word for word, and the checks on one hearing (word
# probabilities, the 5-best, the recipient's share) all come from one decoding of one recording:
# a fluent wrong body can pass every one of them. So a body is sent only when a second hearing of
# the same recording, with its steady noise gated out (tools/denoise.py; the same audio where
# there is none to gate), prints the same words.
SECOND_HEARING = True
# Below tools.voice.GATED_NOISE of its energy taken out by the gate (tools.voice.noise_share), a
# recording has no noise to gate and is not heard again: the gated audio is the same recording,
# and tiny.en's greedy decode prints the same words for the same audio and prompt (run to run, in
# one process or two, at 0, 1 or 2 CPU threads: bench/RESULTS.md, thirteenth pass), so a second
# hearing of it would cost a decode and prove nothing. (The twelfth pass's "Textaining that the gym
# is closing." from a clean clip was its probe priming Lena's command with Sam's vocabulary.) A
# recording with noise to gate is decoded gated beside the first hearing (tools.voice.HEAR_AHEAD):
# asking for it here waits only for what is left of that decode.


def _unheard_body(out: Understood, other: str) -> bool:
    """Does `other` (the other hearing of the recording) not carry the body of the message that
    `out` would send? Its own message's body, or, when it parses as no message ("Next, Kofi, I'm
    outside."), its last words, spelling aside."""
    bodies = [str(p.args.get("body", "")) for p in out.plan or [] if p.kind == "send_sms"]
    if not bodies:
        return False
    theirs = _body_of(other)
    if theirs is not None:
        return not all(_same_words(theirs, b) for b in bodies)
    tail = _norm_words(other)
    return not all(_norm_words(b) and tail[-len(_norm_words(b)):] == _norm_words(b) for b in bodies)


_NUMBERED = ("set_alarm", "set_timer")


def _other_number(heard: str, out: Understood) -> bool:
    """An alarm or timer whose time or length contradicts the number the first transcript
    printed: a digit heard is dropped or changed ("10-4" -> 10 minutes, "4.7" -> quarter to
    seven). A reading that keeps every digit heard, in order, and only fills in what a misheard
    word stood for ("Wake me up at time 30." -> 5.30, "Florida to 7" -> quarter to seven) is no
    slip."""
    said, reading = _digits(heard), iter(_digits(out.text))
    return bool(out.plan) and any(p.kind in _NUMBERED for p in out.plan) and bool(said) \
        and not all(d in reading for d in said)  # not a subsequence


def _digits(text: str) -> str:
    """The digits a text says, in order ("Set an alarm for 5.30 pm." and "... five thirty pm" ->
    "530"; "quarter to seven" -> "7")."""
    return "".join(re.findall(r"\d", numbers_to_digits(text)))


# The closed grammar (agent/phone/grammar.py), calibrated on bench/voice.py's tuning commands and
# voices only (bench/RESULTS.md):
GRAMMAR = True
SECOND_LOOK = True  # a command heard in no words: the recording with its noise gated, heard again
GRAMMAR_LIMIT = 32  # readings scored per recording, nearest to what was heard first
GRAMMAR_PER_FAMILY = 2
GRAMMAR_SURE = 0.9  # the transcript's own meaning holds this much: the recognizer is sure of it
# ... or this much of the readings that are commands: the recognizer wavers only between the heard
# command and words that make no command ("Call my mom." / "Call my mind." / "Call my nine."; "Switch
# off Bluetooth." / "Switch, Chef Bluetooth."), while every other thing this user's phone could do
# (each contact, each setting's other state) scores next to nothing on the recording. Such doubt
# is about spelling, not about which action runs. (Fourteenth pass, bench/RESULTS.md: on the twelfth
# pass's dumps of the tuning and held-out commands, the wrong plans of heard words whose meaning was
# the grammar's best held 0.56 and 0.85 among commands; three right ones read back held >= 0.99.)
GRAMMAR_SURE_COMMANDS = 0.99
GRAMMAR_RECOVER = 0.6  # a reading of a command nobody understood: its share among the commands scored
GRAMMAR_MAX_DROP = 12.0  # nats the reading may be less likely than the words heard
GRAMMAR_CLOSE = 0.4  # and it must sound somewhat like what was heard (grammar.closeness)
MESSAGE_TARGETS = 12  # readings scored for a message's recipient, nearest to the heard one first


def _message_sure(agent, transcript, step, vocabulary, evidence: dict, own_reading: bool = True) -> bool:
    """A message whose words the recognizer doubts may still be sure: its recipient from the
    closed set and its body from the open text are judged apart.

    The recipient: "Text/Message <each contact or relation>, <body>" are scored on the recording
    (the nearest MESSAGE_TARGETS to what was heard), and the heard recipient must hold
    GRAMMAR_SURE of the probability. The body: sent verbatim, so every body word must still be at
    SMS_WORD_PROB without the context (its spellings counted together, `BODY_SPELLINGS`), as
    faster-whisper aligns words (the old rule for the whole
    message, whose verb and name words are where tiny.en doubts most: "Message" 0.35 bare in
    "Message my mother, happy birthday", body words 0.8-0.9), and the transcript's segment
    log-probability must clear the message floor. Without `own_reading` the heard text is not
    among the readings (its recipient was matched by sound: only the notes' own names count)."""
    conf = transcript.confidence
    scorer = transcript.scorer
    text = transcript.text.strip()
    body = str(step.args.get("body", "")).strip()
    n = len(body.split())
    if not n or conf.avg_logprob < SMS_AVG_LOGPROB or conf.no_speech_prob > HIGH_NO_SPEECH:
        return False
    bare = scorer.words(text, context=False)
    if len(bare) < n:
        return False
    if BODY_SPELLINGS:
        bare = _spellings_counted(scorer, bare, len(bare) - n)
    if min(p for _, p in bare[-n:]) < SMS_WORD_PROB:
        return False
    if BODY_AGREE:
        bodies = [_body_of(a) for a in scorer.alternatives(N_BEST)]
        agree = sum(b is not None and _same_words(b, body) for b in bodies)
        evidence["body_agree"] = agree
        if agree < BODY_AGREE:
            return False
    names = list(vocabulary.names) if vocabulary is not None else []
    relations = list(vocabulary.relations) if vocabulary is not None else []
    who = grammar.targets(names, relations)
    if not who:
        return False
    said = body.rstrip(".!?")
    cands = [(f"{verb} {t}, {said}.", t) for t in who for verb in ("Text", "Message")]
    near = grammar.nearest([(c, "message") for c, _ in cands], [text], limit=MESSAGE_TARGETS, per_family=0)
    target_of = dict(cands)
    texts = list(dict.fromkeys([text, *near]))
    if not own_reading:
        texts = texts[1:]
    scores = scorer.grammar(texts)
    mine = step.args.get("to")
    meanings = [("to", mine) if t == text else ("to", _number(agent, target_of[t])) for t in texts]
    post = grammar.posterior(list(zip(scores, meanings)))
    evidence.update(path="message", p_all=round(post.get(("to", mine), 0.0), 4), scored=len(texts))
    return post.get(("to", mine), 0.0) >= GRAMMAR_SURE


# A body word's probability counts all its spellings together: the recognizer's doubt between
# "Dinner" and "dinner", or "6" and "six", is no doubt about what the message says (the 5-best
# agreement already compares bodies "spelling aside", `_same_words`). Without the context the
# probability of a word is split between its spellings, so a right body fell under SMS_WORD_PROB
# and was read back (flite's "Text Tobias dinner is ready.": "dinner" 0.29 bare, with "Dinner"
# 0.81; after a name with no comma the body's first word may start a sentence). Only words under
# the floor are rescored (one more decoder pass per spelling, 1-4); a spelling is the same word in
# another case, or a number 0-99 as digits or in words. A word's probability is the mean of its
# tokens' (Scorer.words), so for a spelling of several tokens the sum is an estimate, not a
# probability; the 5-best agreement and the recipient check still follow. Contractions ("I'm"/
# "I am") change the number of words and are not counted here (bench/RESULTS.md, seventeenth pass).
BODY_SPELLINGS = True


def spellings(word: str) -> list[str]:
    """The other spellings of one printed word ("Dinner" -> "dinner"; "6." -> "six."; "seven" ->
    "Seven", "7"), its punctuation kept; no word that differs in more than spelling."""
    m = re.fullmatch(r"(\W*)([\w'-]+?)(\W*)", word)
    if not m:
        return []
    lead, core, tail = m.groups()
    forms = {core.lower(), core.capitalize()}
    digits = numbers_to_digits(core.lower())
    if digits.isdigit():  # "7", "seven", "twenty-five"
        forms.add(digits)
        said = number_words(int(digits))
        if said:
            forms |= {said, said.capitalize()}
    return [f"{lead}{f}{tail}" for f in sorted(forms) if f != core]


def _spellings_counted(scorer, bare: list[tuple[str, float]], start: int) -> list[tuple[str, float]]:
    """`bare` (words scored without the context), each word from `start` on that is under
    SMS_WORD_PROB holding its probability plus its other spellings' in the same place."""
    out = list(bare)
    for i in range(start, len(bare)):
        word, p = bare[i]
        if p >= SMS_WORD_PROB:
            continue
        for other in spellings(word):
            text = " ".join([w for w, _ in bare[:i]] + [other] + [w for w, _ in bare[i + 1:]])
            scored = scorer.words(text, context=False)
            if len(scored) == len(bare) and scored[i][0] == other:
                p += scored[i][1]
        out[i] = (word, min(1.0, p))
    return out


_plans: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # agent -> {reading: meaning}


def _meaning_of(agent, text: str):
    """The meaning of a reading (its plan, resolved), or None for no command; memoized per agent,
    since the same grammar readings come back for every recording."""
    memo = _plans.setdefault(agent, {})
    if text not in memo:
        plan, question, error = agent.plan(text)
        memo[text] = _meaning(plan) if plan and not question and not error else None
    return memo[text]


_sound_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # agent -> {reading: by sound}


def _sounded(agent, text: str) -> bool:
    """Does the reading's plan reach a contact only by sound (no note names it as read)?"""
    memo = _sound_memo.setdefault(agent, {})
    if text not in memo:
        plan, _, _ = agent.plan(text)
        memo[text] = any(p.heard_as for p in plan or [])
    return memo[text]


class Judged(BaseModel):
    """What the closed grammar made of one recording."""
    best: str | None = None  # the likeliest reading that is a command
    meaning: tuple | None = None
    p: float = 0.0  # its meaning's share of the probability of the commands scored
    p_all: float = 0.0  # its meaning's share of everything scored (the heard text and n-best too)
    drop: float = 0.0  # nats below the heard text
    heard_p_all: float = 0.0  # the heard text's meaning's share of everything scored
    closeness: float = 0.0  # how near `best` sounds to the nearest heard text (grammar.closeness)


# How many of the recognizer's 5-best transcripts must carry the same body (spelling aside): a
# body it wavers on ("line outside" / "I'm outside" / "lying outside") is read back. Added after
# the held-out voices sent "Text Kofi, line outside." (body words 0.63 and 0.84 without context);
# it changes nothing on the tuning set (bench/RESULTS.md).
BODY_AGREE = 3
_CONTRACTED = {"i'm": "i am", "i'll": "i will", "it's": "it is", "that's": "that is", "you're": "you are",
               "we're": "we are", "don't": "do not", "can't": "cannot", "won't": "will not", "i've": "i have"}


def _body_of(text: str) -> str | None:
    steps = parse_command(text)
    return str(steps[0].args.get("body", "")) if steps and len(steps) == 1 and steps[0].kind == "send_sms" else None


def _norm_words(text: str) -> list[str]:
    """A text's words, spelling aside: case, punctuation, "I'm"/"I am", "7"/"seven"."""
    words = re.findall(r"[a-z0-9']+", numbers_to_digits(text.lower().replace("’", "'")))
    return " ".join(_CONTRACTED.get(w, w) for w in words).split()


def _same_words(a: str, b: str) -> bool:
    """The same words, spelling aside: case, punctuation, "I'm"/"I am", "7"/"seven", a leading "that"."""
    def norm(text: str) -> list[str]:
        words = _norm_words(text)
        return words[1:] if words[:1] == ["that"] else words
    return norm(a) == norm(b)


def _number(agent, target: str) -> str | None:
    """The phone number a contact or relation resolves to (through the memo of call readings)."""
    meaning = _meaning_of(agent, f"Call {target}.")
    return dict(meaning[0][1]).get("to") if meaning else None


def _grammar(agent, transcript, vocabulary, apps: set[str], evidence: dict, by_sound: bool = True) -> Judged:
    """The closed grammar's readings nearest to what was heard and the recognizer's n-best,
    scored together on the recording (agent/phone/grammar.py). Without `by_sound`, a reading
    whose contact is only matched by sound (the heard "Call my brothers.") is left out: what
    vouches for such a contact is the recording preferring the notes' own name for it."""
    import time

    scorer = transcript.scorer
    heard = transcript.text.strip()
    t0 = time.perf_counter()
    alternatives = [a for a in scorer.alternatives(N_BEST) if a.strip()]
    said = list(dict.fromkeys([heard, *alternatives]))
    names = list(vocabulary.names) if vocabulary is not None else []
    relations = list(vocabulary.relations) if vocabulary is not None else []
    cands = grammar.closed_texts(names, relations, app_names(vocabulary)) + grammar.slot_texts(said)
    texts = grammar.nearest(cands, said, limit=GRAMMAR_LIMIT, per_family=GRAMMAR_PER_FAMILY)
    every = list(dict.fromkeys([*said, *texts]))
    if not by_sound:
        every = [t for t in every if not _sounded(agent, t)]
    if not every:
        return Judged()
    t1 = time.perf_counter()
    meanings = []
    for t in every:
        m = _meaning_of(agent, t)
        if m is not None and any(k == "open_app" and dict(args).get("name", "").lower() not in apps
                                 for k, args in m):
            m = None
        meanings.append(m if m is not None else ("other", t))
    t2 = time.perf_counter()
    scores = scorer.grammar(every)
    t3 = time.perf_counter()
    post_all = grammar.posterior(list(zip(scores, meanings)))
    commands = [(s, m) for s, m in zip(scores, meanings) if m[0] != "other"]
    out = Judged(heard_p_all=post_all.get(meanings[0], 0.0))
    if commands:
        post = grammar.posterior(commands)
        out.meaning = next(iter(post))
        lp, out.best = max((s, t) for s, t, m in zip(scores, every, meanings) if m == out.meaning)
        out.p, out.p_all, out.drop = post[out.meaning], post_all[out.meaning], scores[0] - lp
        out.closeness = max(grammar.closeness(out.best, h) for h in said)
    evidence.update(best=out.best, p=round(out.p, 4), p_all=round(out.p_all, 4), drop=round(out.drop, 3),
                    heard_p_all=round(out.heard_p_all, 4), same=out.meaning == meanings[0], scored=len(every),
                    nbest_s=round(t1 - t0, 3), plan_s=round(t2 - t1, 3), score_s=round(t3 - t2, 3))
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


# A call recovered from a first word heard as no command word at all, that sounds like a call
# verb ("Bring my mum." for "ring my mum", tiny.en's commonest slip of a call), with every other
# word as heard and the contact named as the notes name it (not matched by sound), runs when the
# closed grammar vouches for the contact: the recording gives it GRAMMAR_SURE_COMMANDS of the
# readings that are commands (each contact and relation of the notes called, the settings...).
# The heard verb itself stays no command, so its doubt is between "call <contact>" and words
# that do nothing, as for a doubted call. A recovered message is always read back: its body is
# open text (bench/RESULTS.md, eleventh pass: the 5-best of such recordings carry the misheard
# verb, and "Set Kofi on the side." -> "Text Kofi on the side." was a wrong body). A first word
# that is another command's ("Text my mum." -> "Call my mum.") is never taken for a call.
# Off by default: its whole measured gain came on splits whose failures it was written from, and a
# call from a word the recognizer got wrong is what the read back exists for (bench/RESULTS.md,
# voice sixteenth pass and the integrator's note after it).
VERB_VOUCHED = False
_CALL_VERBS = ("call", "ring", "phone", "dial")


def _call_verb_only(recovered: Recovered, plan) -> bool:
    """Is `recovered` a call whose first word alone was put back, in place of a word that is no
    command word and sounds like the call verb put in its place?"""
    from agent.phone import phonetic
    from agent.phone.recover import _tokens

    if not plan or any(p.kind != "call" or p.heard_as for p in plan) or len(plan) != 1:
        return False
    heard = [t for t in _tokens(recovered.heard) if re.search(r"\w", t)]
    read = [t for t in _tokens(recovered.text) if re.search(r"\w", t)]
    if len(heard) != len(read) or len(heard) < 2 or [t.lower() for t in heard[1:]] != [t.lower() for t in read[1:]]:
        return False
    was, put = heard[0].lower(), read[0].lower()
    if put not in _CALL_VERBS or was in {w.lower() for w in COMMAND_VOCABULARY} or was in _BASE_VERBS:
        return False
    return phonetic.similarity(was, put) >= phonetic.CLOSE


_BASE_VERBS = frozenset({"message", "sms", "send", "tell", "let", "open", "launch", "start", "turn", "switch",
                         "set", "wake", "take", "go", "show", "play", "pause", "remind", "write", "reply",
                         "enable", "disable", "mute", "unmute", "give", "make", "place", "get"})


def _recover(agent, transcript, vocabulary, apps: set[str]) -> Recovered | None:
    words = list(COMMAND_VOCABULARY) + app_names(vocabulary)
    if vocabulary is not None:
        words += [*vocabulary.names, *vocabulary.relations]
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
