"""Parallel records: two lines of one note with the same shape, each holding a value of the asked
kind, that the question cannot tell apart ("What time is the swim lesson on Saturday?" over a
schedule with Ruby's and Milo's Saturday swim lessons; "What's the charge nurse's number?" over
three charge nurses in a contact list). Answering one of them is a guess; the reader asks which,
showing each one's value.

The model's score is the judge of "cannot tell apart": when it gives both lines nearly the same
probability of the question, and both cover the same words of it, nothing in the question picks one.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from agent.reader_notes import record_lines
from agent.reader_question import gloss_stems
from agent.reader_text import STOP_WORDS, names, says_mine, stem
from agent.reader_versions import retired, revises, when_written

if TYPE_CHECKING:  # pragma: no cover
    from agent.reader_types import Scored
    from agent.reader_question import QuestionInfo

# Two lines whose PMI differs by at most this are one choice to the model (the scoring noise
# between near-identical lines is ~0.1 nat).
PARALLEL_PMI_GAP = 0.4
MAX_OPTIONS = 4


def _shape(text: str, values: list[str]) -> set[str]:
    """A line's words without its values and names: what stays the same across records."""
    for v in sorted(values, key=len, reverse=True):
        text = text.replace(v, " ")
    for n in names(text):
        text = text.replace(n, " ")
    return {stem(w) for w in re.findall(r"[^\W\d_]{2,}", text)}  # words in any script ("Сказ: ..., наступна — ...")


def _same_shape(b: "Scored", c: "Scored") -> bool:
    sb, sc = b.statement, c.statement
    if sb.path != sc.path or sb.kind != sc.kind:
        return False
    if sb.fields or sc.fields:
        kb, kc = set(sb.fields), set(sc.fields)
        return bool(kb) and (kb <= kc or kc <= kb)  # a row may leave a column empty
    wb, wc = _shape(sb.text, b.typed), _shape(sc.text, c.typed)
    return bool(wb) and len(wb & wc) / len(wb | wc) >= 0.5


def _letters(text: str) -> str:
    """"Mazda (2025-26)" and "Mazda (2026-27)" are one thing in two periods, not two things."""
    return re.sub(r"[^a-z]+", " ", text.lower()).strip()


def _label(b: "Scored", c: "Scored") -> tuple[str, str] | None:
    """What tells the two records apart: the first column where they differ that is not the
    asked value (a row's "who: Ruby" / "who: Milo"), else the headings they sit under, else the
    names only one of them holds."""
    sb, sc = b.statement, c.statement
    if sb.fields and sc.fields:
        for k in sb.fields:
            vb, vc = sb.fields[k].strip(), sc.fields.get(k, "").strip()
            if (_letters(vb) != _letters(vc) and not any(v in vb for v in b.typed) and not any(v in vc for v in c.typed)
                    and len(vb) <= 40 and len(vc) <= 40):
                return vb, vc
        if sb.kind == "row":
            return None
    if sb.topic and sc.topic and sb.topic != sc.topic:
        return sb.topic, sc.topic
    # Records listed under one key go by their first word ("Servers (Hetzner): forge — CX22, ...").
    rb, rc = sb.text.partition(":")[2], sc.text.partition(":")[2]
    fb, fc = re.match(r"\s*([\w.-]+)", rb), re.match(r"\s*([\w.-]+)", rc)
    # Not a little word ("Voice memo: His number is ...", "...: Her number is ..."): it names no record.
    if (fb and fc and fb.group(1) != fc.group(1) and not any(v in fb.group(1) for v in b.typed + c.typed)
            and not {fb.group(1).lower(), fc.group(1).lower()} & STOP_WORDS
            and _same_label(sb.text, b.typed[0], sc.text, c.typed[0])):
        return fb.group(1), fc.group(1)
    nb = [n for n in names(sb.text) if n not in sc.text and n not in b.typed]
    nc = [n for n in names(sc.text) if n not in sb.text and n not in c.typed]
    if nb and nc:
        return with_model(nb[0], sb.text, b.typed), with_model(nc[0], sc.text, c.typed)
    return None


# A model number right after a make: "208" in "Peugeot 208 (de Martín)", "7" in "Golf 7 GTI";
# not a year ("Fiat Cronos 2019"), a time, a date, an amount or a measure.
_MODEL_NUMBER = re.compile(r" (\d{1,4}[A-Za-z]?)\b(?![.,:/-]?\d)(?!\s*(?:€|\$|£|%|(?:km|kg|g|mg|ml|l|h|min|m|cm|x|am|pm|st|nd|rd|th)\b"
                           r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))", re.IGNORECASE)


def with_model(name: str, text: str, values: Sequence[str] = ()) -> str:
    """A record's name with its model number, as the user tells two cars apart: "Peugeot 208"
    rather than "Peugeot" beside "Fiat Cronos"."""
    at = text.find(name)
    m = _MODEL_NUMBER.match(text, at + len(name)) if at >= 0 else None
    if m is None or re.fullmatch(r"(?:19|20)\d\d", m.group(1)) or any(m.group(1) in v for v in values):
        return name
    return f"{name} {m.group(1)}"


def telling_name(text: str, others: list[str], label: str, question: str, value: str,
                 found: list[str] | None = None) -> str | None:
    """The first name a record holds that neither its label, the question, its value nor the other
    records say: "Yorkshire Mutual" in "flat b: landlord insurance: Yorkshire Mutual, ..., renews
    14 March" beside the flat a line with Brightwater. It helps the user pick."""
    if names(label) == [label]:
        return None  # "Ilinca (3 February)": a name tells them apart already
    said = f"{label} {question} {value}".lower()
    for n in names(text) if found is None else found:
        if len(n) > 2 and n.lower() not in said and not any(n in o for o in others) and not re.search(r"\d", n):
            return n
    return None


def _line_mates(st, pool) -> list[str]:
    """The other retrieved sentences of a statement's line ("Road bike: Bianchi Via Nirone 7, ..."
    beside "Road bike: Frame number BN16-88231."); `pool`: the statements retrieved."""
    return list(dict.fromkeys(o.text for o in pool if o.path == st.path and o.line == st.line and o.text != st.text))


def record_text(st, pool) -> str:
    """A record's line whole, as far as it was retrieved: what another record must not share."""
    return " ".join([st.text, *_line_mates(st, pool)])


def record_names(st, pool) -> list[str]:
    """The names a record holds: its statement's, then those of the other sentences of its line,
    where the name that tells it from its sibling is often written. There a name of several words
    comes first (the make and model, before a town it mentions), and a lone capitalised word that
    only begins a sentence or a key's value ("Cargo bike: Insured with ...") is none."""
    mates = [n for t in _line_mates(st, pool) for n in names(t)
             if " " in n or not re.search(rf"(?:^|[.:;!?]\s+){re.escape(n)}\b", t)]
    return list(dict.fromkeys([*names(st.text), *sorted(mates, key=lambda n: " " not in n)]))


# Keys whose value names the record itself: "name: Hollin Farm Dairy", "mortgage_lender = ...".
_NAME_KEY = re.compile(r"(?i)(?:^|[\s_-])(?:name|lender|bank|provider|company|insurer|supplier|operator|make|model|brand|vendor)$")
_KEYED_LINE = re.compile(r"^\s*(?:[-*+]\s+)?([^\W\d][\w .'’-]{0,29}?)\s*[:=]\s*(.+)$")


def _named_apart(st, other, label: str, info: "QuestionInfo", value: str) -> str | None:
    """A name from the whole record a line belongs to (reader_notes.record_lines) that the other
    record does not say: "flat a, Pennine Building Society (2027-06-30)" when the mortgage's
    lender is a key of the flat's table and not of the line with the date. First a key or column
    that says a word of the question ("mortgage_lender" for "my mortgage fix", "Insurer" for "the
    car insurance"), then a key that names the record ("name: Hollin Farm Dairy"), then the first
    name the record says. A record a name already tells apart ("Léa (9 h 15)") gets only the first."""
    mine = record_lines(st.path, st.line, st.end_line)
    theirs = " ".join(record_lines(other.path, other.line, other.end_line))
    if not mine or " ".join(mine) == theirs:
        return None
    said = f"{label} {info.text} {value}".lower()

    def first(text: str, line: bool = False) -> str | None:
        # (In a whole line, not a lone capitalised word that opens it or a sentence, "Board done,
        # till NOT done", nor a shouted label, "BROKER".)
        return next((n for n in names(text) if len(n) > 2 and n.lower() not in said and n not in theirs
                     and not re.search(r"\d", n) and not (line and n.isupper())
                     and not (line and " " not in n and re.search(rf"(?:^\s*(?:[-*+|]\s+)?|[.!?]\s+){re.escape(n)}\b", text))), None)

    keyed = [*((k, v) for k, v in st.fields.items()),
             *((m.group(1), m.group(2).strip().strip('"')) for ln in mine if (m := _KEYED_LINE.match(ln)))]
    for key, val in keyed:
        words = re.findall(r"[^\W\d_]+", key)
        if any(stem(w.lower()) in info.terms or info.terms & gloss_stems(w) for w in words) and (n := first(val)):
            return n
    if names(label) == [label] and not re.search(rf"\b{re.escape(label)}\s+[a-z]", " ".join(mine)):
        return None  # "Léa (9 h 15)": a name tells them apart already ("Road bike" is no one's name)
    for key, val in keyed:
        if value not in val and _NAME_KEY.search(key.strip()) and (n := first(val)):
            return n
    # ... else the first the record says ("Road bike: Bianchi Via Nirone 7, ...", "Insurance: Admiral").
    return next((n for ln in mine if value not in ln or ln is mine[0] if (n := first(ln, line=True))), None)


def option(label: str, value: str, name: str | None) -> str:
    return f"{label}, {name} ({value})" if name else f"{label} ({value})"


# A column that numbers a table's records: "order_id", "Invoice No.", "ref", "#".
_ID_KEY = re.compile(r"(?i)(?:^|[\s_-])(?:id|no|nr|num|number|ref|reference)\.?$|^#$")


def _numbered_apart(b: "Scored", c: "Scored") -> bool:
    """Two rows of one table that number themselves apart ("order_id: 1041", "order_id: 1045") and
    say different things ("item: Full service + new chain", "item: Rear wheel true") are two
    records, however their dates differ: Hannah's two orders, not one order's two versions. Two
    invoices for the same item ("item: rent") stay versions, the newer one answering."""
    fb, fc = b.statement.fields or {}, c.statement.fields or {}
    if b.statement.kind != "row" or c.statement.kind != "row" or b.statement.path != c.statement.path:
        return False
    numbered = told = False
    for k, vb in fb.items():
        vc = fc.get(k, "")
        if _ID_KEY.search(k):
            numbered = numbered or bool(vb.strip() and vc.strip() and vb.strip() != vc.strip())
        elif (lb := _letters(vb)) and (lc := _letters(vc)) and lb != lc:
            told = told or not any(v in vb for v in b.typed) and not any(v in vc for v in c.typed)
    return numbered and told


def _dated_apart(b: "Scored", c: "Scored", written) -> bool:
    if _numbered_apart(b, c):
        return False
    db, dc = when_written(b.statement, written), when_written(c.statement, written)
    if db and not dc and b.statement.path == c.statement.path and revises(b.statement):
        # A dated change in a note's own log ("02-10-2026: Office days are now monday and
        # thursday") and the undated line it changes ("Office days: tuesday and thursday") are
        # one fact's versions, not two records.
        return True
    return bool(db and dc and db != dc)


def _alike(b: "Scored", c: "Scored") -> bool:
    """Records of one kind: the same shape, or two lines of one note that each say every word of
    the question ("Ilinca, my older sister, ... Birthday 3 February" and "Corina, my younger
    sister, ... Birthday 19 August" for "When is my sister's birthday?")."""
    if _same_shape(b, c):
        return True
    sb, sc = b.statement, c.statement
    if sb.path != sc.path or sb.kind != sc.kind:
        return False
    return b.cover >= 1.0 or _same_label(sb.text, b.typed[0], sc.text, c.typed[0])


def _same_label(tb: str, vb: str, tc: str, vc: str) -> bool:
    """Two lines under one key whose values are introduced alike: "Servers (Hetzner): forge —
    ..., public IP 203.0.113.24" and "Servers (Hetzner): relay — ..., public IP 198.51.100.7"."""
    def before(text: str, value: str) -> list[str]:
        at = text.find(value)
        return re.findall(r"[a-z]+", text[:at].lower())[-2:] if at > 0 else []

    (key_b, _, rest_b), (key_c, _, rest_c) = tb.partition(":"), tc.partition(":")
    # Words of the record itself introduce the value (not the key: a track list's titles follow
    # their EP's name straight away).
    lb = before(rest_b, vb)
    return bool(rest_b) and key_b == key_c and len(lb) == 2 and lb == before(rest_c, vc)


def parallel_records(info: "QuestionInfo", cands: list["Scored"], *, written, pool=()) -> list[str] | None:
    """Options to ask about ("Ruby (9:45)", "Milo (9:00)") when the best candidate has parallel
    records the question cannot tell apart; None otherwise. Two dated versions of one thing
    ("rent October", "rent November") are not parallel: the newer one answers."""
    if info.plural or info.want is None or len(cands) < 2:
        return None
    best = cands[0]
    if not best.typed or best.pmi is None:
        return None
    options: list[str] = []
    for c in cands[1:MAX_OPTIONS]:
        if (c.pmi is None or abs(c.pmi - best.pmi) > PARALLEL_PMI_GAP or not c.typed or c.typed[0] == best.typed[0]
                or c.cover != best.cover or not _alike(best, c)
                or _dated_apart(best, c, written)):
            continue
        if best.recent and any(retired(best.statement.text, v) for v in c.typed):
            continue  # "Assurance de la Venza : résilier NSIA, nouvelle police chez Saham": the newer version of the NSIA line
        if _says_whole_names(info, best.statement.text) and not _says_whole_names(info, c.statement.text):
            continue  # "my Bank of Bhutan account": not the Bhutan National Bank's, which says each word apart
        label = _label(best, c)
        if label is None:
            continue
        pair = [record_text(best.statement, pool), record_text(c.statement, pool)]
        if not options:
            options.append(option(label[0], best.typed[0], telling_name(pair[0], pair[1:], label[0], info.text, best.typed[0],
                                                                        record_names(best.statement, pool))
                                  or _named_apart(best.statement, c.statement, label[0], info, best.typed[0])))
        this = option(label[1], c.typed[0], telling_name(pair[1], pair[:1], label[1], info.text, c.typed[0],
                                                         record_names(c.statement, pool))
                      or _named_apart(c.statement, best.statement, label[1], info, c.typed[0]))
        if this not in options:
            options.append(this)
    return options if len(options) >= 2 else None


def _says_whole_names(info: "QuestionInfo", text: str) -> bool:
    """The line says each name of several words the question uses as one phrase ("Bank of Bhutan")."""
    whole = [re.sub(r"['’]s$", "", n) for n in info.names if " " in n]
    return bool(whole) and all(re.search(rf"(?i)(?<!\w){re.escape(n)}(?!\w)", text) for n in whole)


# Two records whose scores differ by at most this are both plausible answers to one "my X" that asks
# for an identifier (an IBAN, a customer number): the model cannot read which account is meant.
PARALLEL_CODE_GAP = 1.25
_CODE = re.compile(r"(?<![\w])[A-Z]{0,4}\d(?:[\dA-Z]|[ .\-/](?=[\dA-Z])){3,40}")


_DATED = re.compile(r"(?:(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d)(?!\d)")


def _code(text: str) -> str | None:
    """The first identifier a line holds (four digits or more: "DE44 1203 0000 ...", "118442903"),
    as its digits; not a year or a date alone."""
    for m in _CODE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if _DATED.match(m.group(0)):
            continue  # "2026-10-21 18:02:19": a date running into its time is no identifier
        if len(digits) >= 5 and not re.fullmatch(r"\d{1,4}[.\-/]\d{1,2}[.\-/]\d{1,4}|(?:19|20)\d\d[-/–](?:\d\d|(?:19|20)\d\d)", m.group(0).strip()):
            return digits
    return None


def _name_part(part: str) -> str:
    """A record's name without what a dash adds after it: "monobank (black card) — ends in 4417
    IBAN" is "monobank (black card)" (the card's last digits are no part of the name)."""
    head = re.split(r"\s+[—–]\s+|\s+-\s+", part, maxsplit=1)[0].strip()
    return head if head and re.search(r"[^\W\d_]", head) else part


def _record_labels(tb: str, tc: str, question: str) -> tuple[str, str] | None:
    """What names each of two records of one note: the first ": "-separated part where they differ
    ("Conti: Fineco: IBAN ..." / "Conti: BPER (conto vecchio): IBAN ..." give "Fineco" / "BPER (conto
    vecchio)"), when it is a short name, not a value or a date."""
    pb, pc = [p.strip() for p in tb.split(":")], [p.strip() for p in tc.split(":")]
    if len(pb) < 2 or len(pc) < 2:
        return None
    asked = set(re.findall(r"\w+", question.lower()))

    def fit(lb: str, lc: str) -> tuple[str, str] | None:
        lb, lc = _name_part(lb), _name_part(lc)
        if len(lb) > 40 or len(lc) > 40:
            # "Cortina (the black commuter, the one that actually gets used)": the name without its aside
            lb, lc = _unaside(lb), _unaside(lc)
        if any(len(x) > 40 or not re.search(r"[^\W\d_]", x) or len(re.sub(r"\D", "", x)) >= 4
               or not set(re.findall(r"\w+", x.lower())) - asked for x in (lb, lc)):
            return None
        return lb, lc

    for lb, lc in zip(pb[:-1], pc[:-1]):
        if lb != lc:
            return fit(lb, lc)
    if len(pb) == len(pc):
        # The same keys over both ("Tengo dos: MetLife -- ..., póliza 55-GM-210487" and "Tengo dos:
        # GNP -- ..., póliza LA-88301562"): each record names itself where its value part begins.
        hb, hc = (re.split(r"\s+(?:--|[—–-])\s+|,\s", x, maxsplit=1)[0].strip() for x in (pb[-1], pc[-1]))
        if hb != hc and hb != pb[-1] and hc != pc[-1]:
            return fit(hb, hc)
    return None


def _lead_labels(tb: str, tc: str, question: str) -> tuple[str, str] | None:
    """What names each of two records written as "<name> - <what>, <code>" ("Citizens Bank - savings
    account 2209915467" / "money: Republic Bank - salary account 1408833271"): the name before the
    dash, after any heading the line carries."""
    def lead(text: str) -> str | None:
        text = re.sub(r"^[\w ]{1,20}:\s+(?=\S)", "", text)
        m = re.match(r"([^\W\d][^,;:()]{1,40}?)\s+[—–-]\s", text)
        return m.group(1).strip() if m else None
    lb, lc = lead(tb), lead(tc)
    if not lb or not lc or lb == lc:
        return None
    asked = set(re.findall(r"\w+", question.lower()))
    if not set(re.findall(r"\w+", lb.lower())) - asked or not set(re.findall(r"\w+", lc.lower())) - asked:
        return None
    return lb, lc


def _unaside(label: str) -> str:
    return re.sub(r"\s*\([^()]*\)", "", label).strip() or label


def _heading_labels(sb, sc, question: str) -> tuple[str, str] | None:
    """Two keyed lines (not table rows) with the same key, the identifier in it: "Enpara.com: IBAN:
    TR28 ..." and "Ziraat Bankası: IBAN: TR61 ...", drawers under each bank's heading. What the line
    says before its key names the record."""
    if sb.kind == "row" or sc.kind == "row":
        return None  # "Mazda (2025-26)" / "Mazda (2026-27)": a table's rows are told apart by a column
    return _record_labels(sb.text, sc.text, question)


def _field_labels(sb, sc) -> tuple[str, str] | None:
    """Rows of one table: the first column where they differ that holds no identifier ("bank:
    Eurobank" / "bank: Piraeus")."""
    for k, vb in sb.fields.items():
        vb, vc = vb.strip(), sc.fields.get(k, "").strip()
        if vb and vc and _letters(vb) != _letters(vc) and _code(vb) is None and _code(vc) is None and len(vb) <= 40 and len(vc) <= 40:
            return vb, vc
    return None


def _shown(text: str) -> str | None:
    """The identifier as the line writes it: its last part when that is short ("VH 41872"), else
    the first code in it."""
    last = text.rsplit(":", 1)[-1].strip().rstrip(".")
    if len(last) <= 32 and _code(last):
        return last
    m = next((m for m in _CODE.finditer(text) if len(re.sub(r"\D", "", m.group(0))) >= 5), None)
    return m.group(0).strip() if m else None


def parallel_codes(info: "QuestionInfo", cands: list["Scored"], *, written, terms=None, pool=()) -> list[str] | None:
    """"What's my IBAN?" over a note with two accounts ("Enpara.com: IBAN: TR28 ..." and "Ziraat
    Bankası: IBAN: TR61 ..."): both lines say every word of the question and each holds an
    identifier of its own, so answering one is a guess; ask which, naming each record."""
    if info.plural or info.want not in (None, "code") or len(cands) < 2:
        return None
    if not re.search(r"\b(?:my|our|the)\b", info.text.lower()):
        return None
    best = cands[0]
    code = _code(best.statement.text.partition(":")[2] or best.statement.text)
    # An identifier of a kind the question names ("registration number") may stand in lines that
    # leave a word of the question out ("car"); then both must say the same words of it.
    if code is None or best.cover < (0.5 if info.want == "code" and terms is not None else 1.0):
        return None
    said = (terms(best.statement) & info.terms) if terms is not None else None
    options: list[str] = []
    codes = {code}
    asked = set(re.findall(r"\w+", info.text.lower()))

    def shown(text: str, found: list[str], label: str, others: list[str]) -> str:
        # A name the record holds beyond its label ("Internet" holds "Vodafone"): it helps pick.
        value = _shown(text)
        said = f"{label} {info.text} {value or ''}".lower()
        name = next((n for n in found if len(n) > 2 and n.lower() not in said and not re.search(r"\d", n)
                     and not any(n in o for o in others)), None)
        out = f"{label}, {name}" if name and name not in label else label
        return f"{out} ({value})" if value and value not in label else out

    for c in cands[1:MAX_OPTIONS]:
        sb, sc = best.statement, c.statement
        if (c.cover < best.cover or c.score < best.score - PARALLEL_CODE_GAP or sc.path != sb.path
                or _dated_apart(best, c, written)):
            continue
        other = _code(sc.text.partition(":")[2] or sc.text)
        if other is None or other in codes:
            continue
        if said is not None and (terms(sc) & info.terms) != said:
            continue
        if _picked_by_prefix(info.text, sb.text, sc.text, said or set()):
            continue  # "my mono iban": "mono" begins "monobank", which only one of them says
        if _says_whole_names(info, sb.text) and not _says_whole_names(info, sc.text):
            continue  # "my Bank of Bhutan account number": the Bhutan National Bank says its words apart
        # Rows of one table are told apart by a column, or not at all: "Mazda (2025-26)" and
        # "Mazda (2026-27)" with two policy numbers are one policy's years.
        rows = bool(sb.fields) and set(sb.fields) == set(sc.fields)
        label = _field_labels(sb, sc) if rows else _record_labels(sb.text, sc.text, info.text) or _lead_labels(sb.text, sc.text, info.text)
        if label is None and rows:
            label = _heading_labels(sb, sc, info.text)
        if label is None:
            continue
        if _asked_in(label[0], asked) != _asked_in(label[1], asked):
            continue  # "the car insurance policy number": "car insurance" is meant, not "tenant insurance"
        rb, rc = record_text(sb, pool), record_text(sc, pool)
        if not options:
            options.append(shown(sb.text, record_names(sb, pool), label[0], [rc]))
        this = shown(sc.text, record_names(sc, pool), label[1], [rb])
        if this not in options:
            options.append(this)
            codes.add(other)
    return options if len(options) >= 2 else None


def _asked_in(label: str, asked: set[str]) -> set[str]:
    """The question's words a record's label says, inside a compound too: "Lesotho PostBank" says
    "bank" as "Standard Lesotho Bank" does."""
    words = re.findall(r"\w+", label.lower())
    return {w for w in asked if w in words or len(w) >= 4 and any(w in x for x in words)}


def _to_first_comma(text: str) -> str:
    """`text` up to its first comma outside brackets ("monobank (чорна картка, Mastercard)" whole)."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "([" and 1 or ch in ")]" and -1 or 0
        if ch == "," and depth == 0:
            return text[:i].rstrip()
    return text


def _picked_by_prefix(question: str, tb: str, tc: str, said: set[str] = frozenset()) -> bool:
    """A word of the question that begins a word of one record and of no word of the other ("mono"
    for "monobank (чорна картка) ... IBAN" beside "ПриватБанк ... IBAN"): the user named that one.
    (Not a word both records say, one of them otherwise: "savings 5503812269" is an account.)"""
    for w in re.findall(r"[^\W\d_]{3,}", question.lower()):
        if w in STOP_WORDS or stem(w) in said:
            continue
        inb, inc = (re.search(rf"(?<![^\W\d_]){re.escape(w)}", t.lower()) is not None for t in (tb, tc))
        if inb != inc:
            return True
    return False


# Two keyed records this close in score, each saying every word of the question, are both answers.
PARALLEL_KEY_GAP = 1.25


def _keyed(text: str) -> list[str] | None:
    """"flat a: stopcock: under the kitchen sink" as its record, its keys and its value ("Toyota
    Hilux, CA 555-018: Licence disc expires 2027/02/28" as its record and what it says); None for a
    line that is not "record: ...: value"."""
    parts = [p.strip() for p in text.split(": ")]
    return parts if len(parts) >= 2 and all(parts) else None


# A date written in a line beside its value: the line is a log's entry, a version of a fact, not
# a record's own sibling ("Changelog: 02-10-2026: Office days are now ...").
_DATED = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b")


def _introducer(parts: list[str], values: list[str], terms) -> str | None:
    """The asked word that gives a record's value ("plate" in "kelvo transit 2018 blue, plate KX 4 /
    20771"): one of the question's terms among the three words before a value of the asked kind
    (the first that has one), after the record's name; None where no asked word stands before any."""
    rest = ": ".join(parts[1:])
    for v in values:
        i = rest.find(v)
        if i < 0:
            continue
        for w in reversed(re.findall(r"[^\W\d_]+", rest[:i])[-3:]):
            if stem(w.lower()) in terms:
                return w.lower()
    return None


def _mine_beside_another(question: str, word: str, mine: str, other: str) -> bool:
    """"Who is my mother?" over a card's "relation: my mother" and the partner's page's "Family:
    mother Ayşe": the line that says "my mother" is the one meant; the other only writes the word
    beside someone (the partner's mother), so there are not two records to ask between."""
    return says_mine(question, word) and says_mine(mine, word) and not says_mine(other, word)


def _before_intro(parts: list[str], word: str) -> str:
    """What a record's line says before the word that gives its value ("SSID home-net" in "SSID
    home-net — password: ..."), without the punctuation around it."""
    rest = ": ".join(parts[1:])
    m = re.search(rf"\b{re.escape(word)}\b", rest, re.I)
    return rest[:m.start()].strip(" -—–,:;(|*#") if m else ""


def _said_alike(pb: list[str], pc: list[str], vb: list[str], vc: list[str]) -> bool:
    """Two records say the same of themselves: the same keys ("stopcock"), or, each holding values
    of the asked kind, the same words around them ("Licence disc expires <date>")."""
    if len(pb) >= 3 and len(pc) >= 3 and pc[1:-1] == pb[1:-1]:
        return True
    if not vb or not vc:
        return False
    rb, rc = ": ".join(pb[1:]), ": ".join(pc[1:])
    for v in sorted(vb, key=len, reverse=True):
        rb = rb.replace(v, " ")
    for v in sorted(vc, key=len, reverse=True):
        rc = rc.replace(v, " ")
    return bool(_letters(rb)) and _letters(rb) == _letters(rc)


def parallel_keys(info: "QuestionInfo", cands: list["Scored"], *, written, pool=()) -> list[str] | None:
    """"Where's the stopcock?" over a note keeping two flats, "flat a: stopcock: under the kitchen
    sink" and "flat b: stopcock: in the downstairs loo": the same keys under two records, each line
    saying every word of the question, so answering one is a guess whatever kind the value is;
    ask which, naming each record by what stands before its keys."""
    if info.plural or len(cands) < 2:
        return None
    best = cands[0]
    pb = _keyed(best.statement.text)
    if pb is None:
        return None
    # A line that does not say every word of the question ("the van's plate" over a heading's
    # line that says "plate" but not "van") is another record's sibling only when both give their
    # value after the same asked word.
    # The records may be kept in two notes ("Car - ...: plate ..." and "Motorbike (...): ...,
    # plate ..."). Not for "my van" beside a record kept as "(mine)": that one is meant.
    intro = _introducer(pb, best.typed, info.terms)
    if intro is not None and re.search(r"\b(my|mine)\b", info.text, re.I) and any(
            re.search(r"\b(mine|my|me)\b", c.statement.text.split(": ")[0], re.I) for c in cands[:MAX_OPTIONS]):
        intro = None
    if best.cover < 1.0 and intro is None:
        return None
    asked = set(re.findall(r"\w+", info.text.lower()))
    options: list[str] = []
    for c in cands[1:MAX_OPTIONS]:
        sb, sc = best.statement, c.statement
        pc = _keyed(sc.text)
        if (pc is None or sc.kind != sb.kind or c.cover < best.cover
                or c.score < best.score - PARALLEL_KEY_GAP or _dated_apart(_unvalued(best), _unvalued(c), written)):
            continue
        keyed_alike = best.cover >= 1.0 and sc.path == sb.path and _said_alike(pb, pc, best.typed, c.typed)
        alike = (keyed_alike
                 or (intro is not None and _introducer(pc, c.typed, info.terms) == intro
                     and not any(revises(x) or _DATED.search(_unvalued(y).statement.text)
                                 for x, y in ((sb, best), (sc, c)))
                     and not _mine_beside_another(info.text, intro, sb.text, sc.text)))
        if not alike or pc[-1] == pb[-1] or _picked_by_prefix(info.text, sb.text, sc.text):
            continue
        if _says_whole_names(info, sb.text) and not _says_whole_names(info, sc.text):
            continue  # "my Bank of Bhutan account number": the Bhutan National Bank says its words apart
        if pc[0] == pb[0]:
            # One heading over both ("## Wi-Fi: SSID home-net — password: ..." and "## Wi-Fi: SSID
            # iot-net — password: ..."): each is named by what it says before the asked word.
            named = [_before_intro(pb, intro), _before_intro(pc, intro)] if intro is not None else None
            longest = 40
            if named and sb.kind != "row" and sc.kind != "row" and any(len(x) > 40 for x in named):
                # "Personal: Lenovo ThinkPad X1 Carbon Gen 11, Fedora 41, serial ...": a line's
                # record up to its first comma (a table's row is told apart by a column instead)
                named, longest = [_to_first_comma(x) if len(x) > 40 else x for x in named], 60
            if not named or not all(named) or named[0] == named[1] or any(len(x) > longest for x in named):
                continue
            if any(set(re.findall(r"\w+", x.lower())) <= STOP_WORDS for x in named):
                continue  # "Voice memo: His number is ..." and "...: Her number is ...": no record's name
            said_asked = [any(stem(w.lower()) in info.terms for w in re.findall(r"[^\W\d_]+", x)) for x in named]
            if said_asked[0] != said_asked[1]:
                continue  # "account number" beside "routing number" for "our account number": the asked one, not two records
            if not options:
                options.append(named[0])
            if named[1] not in options:
                options.append(named[1])
            continue
        if bool(best.typed) != bool(c.typed) or (_code(pb[-1]) is None) != (_code(pc[-1]) is None):
            continue  # "IBAN: QZ28 ..." beside "IBAN: see the contract": one of them gives it
        # Records named by a year or a date are one record's versions ("2025: rent: ..."); a record
        # the question names is the one meant.
        if any(not re.search(r"[^\W\d_]", x) or re.search(r"\d{4}", x) or len(x) > 40
               or (set(re.findall(r"\w+", x.lower())) - STOP_WORDS) & asked for x in (pb[0], pc[0])):
            continue
        # Keys alike show the value; lines alike only in the asked word show all they say of the
        # record ("Alarm code (flat): 2580"), since a key may be what tells them apart.
        said = (lambda p: p[-1]) if keyed_alike else (lambda p: ": ".join(p[1:]))
        # (With what else the record says that tells it apart: "flat a, Pennine Building Society
        # (2027-06-30)", for the user who knows the flats by their lenders.)
        if not options:
            options.append(option(pb[0], _clip_value(said(pb)), _named_apart(sb, sc, pb[0], info, said(pb))))
        this = option(pc[0], _clip_value(said(pc)), _named_apart(sc, sb, pc[0], info, said(pc)))
        if this not in options:
            options.append(this)
    return options if len(options) >= 2 else None


def _unvalued(c: "Scored") -> "Scored":
    """The candidate with its values blanked: "expires 2027/02/28" says when the disc runs out,
    not when the line was written."""
    text = c.statement.text
    for v in sorted(c.typed, key=len, reverse=True):
        text = text.replace(v, " ")
    return c.model_copy(update={"statement": c.statement.model_copy(update={"text": text})})


def _clip_value(value: str, limit: int = 60) -> str:
    value = value.rstrip(". ")
    return value if len(value) <= limit else value[:limit].rsplit(" ", 1)[0] + " ..."
