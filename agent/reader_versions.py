"""Versions of one fact: when two statements close in score give the same thing different values,
the newer one is the answer ("inner tubes go from £6 to £7" on 1 Sep, "inner tubes down to £6.50"
on 29 Sep; a medication table's "25 mg" and the change log's "increased to 50 mg").

The model's scores say which statements are about the question; they cannot say which of two
versions is current. Dates (also a log's year-less "w/c 29 Sep" or "20/08/26") and a change
stated beside the value ("changed, now 7302", "moves to Thursdays") can.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from agent.reader_kin import DIRECT_KIN
from agent.reader_question import KIND_WORDS
from agent.reader_relate import same_or_synonym
from agent.reader_text import _MONTH_NUM, _MONTH_RE, KIN, MONTHS, NEW_WORDS, NEXT_WORDS, PERSON_ROLES, WEEKDAYS, content_words, latest_date, money, names, stem
from agent.typos import bundled_vocabulary, english_words

if TYPE_CHECKING:  # pragma: no cover
    from agent.reader_types import Scored
    from agent.reader_question import QuestionInfo
    from agent.reader_statements import StatementHit

# A newer version may overtake the best statement when the model's PMI for it is at most this
# much below the best's: beyond that the model judged it about something else. A newer line that
# leaves out a word of the question the best one says must be closer still.
VERSION_PMI_GAP = 0.75
VERSION_PMI_GAP_MISSING = 0.3
VERSION_PMI_GAP_REVISES = 1.25
# A dated line that states the change ("20/08/26 -- locker code changed, now 7302", a message
# "the rent increases to R12 190 from 1 August") gets both allowances: it reads less like an
# answer than the reference card it revises, and it may leave out one word of the question the
# card says ("at work", the supervisor's name) as a follow-up line does.
VERSION_PMI_GAP_DATED_CHANGE = VERSION_PMI_GAP_REVISES + VERSION_PMI_GAP
# ... and one that leaves out only the person's name, saying every other word of the question
# ("the trainings are now on Saturday morning" in the journal's "football" entry for Nilton's
# football training), loses the model's score the name would give it as well.
VERSION_PMI_GAP_UNNAMED_CHANGE = VERSION_PMI_GAP_DATED_CHANGE + VERSION_PMI_GAP
# Only the first few candidates are versions worth considering.
VERSION_DEPTH = 4

# A change stated beside its value ("quota now 600 h", "(was 12 November)", "changed, now 7302",
# "down to £6.50", "moves to Thursdays"), not any "now" ("we now live in Utrecht" says nothing new
# about the cat's colour).
REVISES = re.compile(
    r"\bnow (?:\S+ )?(?:[A-Z]{1,3}\$|[$£€¥₩₹])?\d|\bnow (?:on )?(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?s?\b"
    # "the rate is lower now: 19% a year", "the office is now in Tashkent City", "switched the
    # internet to Sarkor Telecom" (a thing between the verb and the new one's name)
    r"|\bnow\s*[:=]\s*\d|\b(?:is|are) now (?:in|at|with|on) (?-i:[A-Z])"
    r"|\b(?:switched|moved|changed|transferred|ported) (?:the |my |our )?[a-z]+(?: [a-z]+)? (?:to|over to) (?-i:[A-Z])"
    r"|\b(?:no longer|moved to|moves to|changed to|switched to|replaced by|raised|lowered|increased|reduced|"
    r"instead of|changed|down to|up to|switching to|moving to|from \S+(?: \S+){0,3} to)\b|\bto (?-i:[A-Z]{1,3})?[£$€]\d|\((?:was|było|bylo|war|var|era|était|vorher|früher|voorheen|tidigare|antes)\b"
    r"|\w\s*(?:->|→|=>)\s*\S"  # "£675 -> £710", "Tue → Thu"
    # "her class teacher this year is Mr Chikoti", "El ahorro de navidad ya va en B/. 2,050"
    r"|\bthis (?:year|term|semester|season|school year) (?:is|are|will be) (?-i:[A-Z])|\bya (?:va|van|está|están) (?:en|por)\s+\D{0,4}\d"
    r"|\b(?:got|has|have|had|gave me) (?:a |her |his |their )?new (?:number|phone|mobile|cell|address|e-?mail)\b"  # "Hems got a new number"
    r"|\bnew (?:pw|password|passcode|pin|code|number|address)\s*[:=]"  # "router swapped 14/11, NEW pw: ..."
    r"|\b(?:started|starts|joined|took over|takes over)\b[^.;]{0,30}?\bas (?:our|my|the) new\b"  # "started on Monday as our new housekeeper"
    # French: "Piscine déplacée au samedi 10h (plus le mercredi)", "remplacé par", "désormais"
    r"|\bdéplacée?s? (?:au|à|en)\b|\b(?:remplacée?s?|changée?s?) (?:par|pour)\b|\bplus le (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
    r"|\bdésormais\b|\bdorénavant\b"
    # ... and in the notes' language: "Déménagement fini !! Nouvelle adresse : cité des Filaos"
    rf"|\b{NEW_WORDS} (?:adresse|direcci[oó]n|endere[cç]o|adresse|anschrift|adres|indirizzo|num[eé]ro|n[uú]mero|nummer|numer|t[eé]l[eé]phone|tel[eé]fono|telefone|telefon)\s*[:=]"
    # ... with the word for new after its noun, as Spanish and French put it ("Mi número nuevo:
    # +507 ...", "adresse nouvelle :"), or the change said outright ("cambié de número").
    rf"|\b(?:direcci[oó]n|endere[cç]o|adresse|indirizzo|num[eé]ro|n[uú]mero|celular|t[eé]l[eé]phone|tel[eé]fono|telefone|correo)\s+{NEW_WORDS}\s*[:=]"
    r"|\bcambi[eéoó] (?:de|el|mi) (?:n[uú]mero|celular|direcci[oó]n)\b"
    # "new rent $ 34.150 from 01/09/2026", "new premium: 412 €": a new amount or number named beside its thing
    # (not "new one arrived 2 Oct", nor "The new flat is 71 m2", a new thing described, nor "new
    # number U 30519862", a passport's; whose new phone a
    # line tells is said by the pattern above, "Saoirse new mobile 0491 ..." is no change of her mum's)
    r"|\bnew (?!ones?\b|number\b|mobile\b|phone\b|cell\b)(?:[a-z]+ )?(?!number\b|mobile\b|phone\b|cell\b|is\b|are\b|was\b|were\b)[a-z]+(?:\s+(?:of|at)|:)?\s*"
    r"(?:[$€£¥₹₪₩]\s?|(?:rs|inr|usd|eur|gbp|chf|aud|cad|u\$s|us\$|r\$|rm|kr|zł)\.?\s?)?\d"
    # "Alikhan has a new классный руководитель: Aliya Temirkhanovna", "New tenants — Asylbek M.":
    # the new holder of a role, named after it
    r"|\bnew (?!ones?\b)(?:\w+ ){0,3}\w+\s*(?::|—|–)\s*(?-i:[A-ZА-ЯЁ])"
    # "New kesti from October: 54.900 leke" (a thing in lower case: not "New York: 5 days")
    r"|\bnew (?!ones?\b)(?-i:[a-z])\w*(?: \w+){0,3}\s*:\s*\d"
    # "they moved the Pickerl to Friday", "rescheduled my appointment to the 21st": a day, with the
    # thing between ("moved the policy to the Kia" moves the policy, it does not change the car)
    r"|\b(?:moved|moves|rescheduled|postponed|pushed|shifted|changed)(?: (?!to\b)\S+){1,3} to (?:the )?"
    r"(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
    # "Licence renewed, new one valid to 08/11/2031", "renewed my passport, expires 2036", "New
    # licence valid to 29/11/2029": a paper's new term
    r"|\brenewed\b[^.;]{0,40}?\b(?:valid|expires?|expiry|until|till)\b|\bnew (?:[a-z]+ ){1,2}(?:valid|expires|until|till)\b"
    # "Fa'amoe Sapolu takes over as General Manager - she is my boss now": a role that changed hands
    # (not "takes over" alone: "Chitra takes over from him as lab director" is no new job title of mine)
    r"|\b(?:is|are) (?:my|our) (?:new )?[a-z]+(?: [a-z]+)? now\b"
    # "Our new family doctor is Dr. Nwosu": a role that changed hands
    r"|\b(?:my|our) new (?:[a-z]+ ){0,2}(?:is|are)\b"
    # "From now on Berušky have paní učitelka ...", "as of today the fee is ...": a change from this day
    r"|\b(?:from now on|as of (?:today|now)|starting (?:today|now))\b"
    # "Cancelled Netflix today" (a verb with its object; "status: cancelled" is a state)
    r"|\bcancel+ed (?:the |my |our )?(?-i:[A-Z])"
    # the same in the languages notes mix in: "jetzt 5093", "statt Di 27.10.", "steigt ab 01.05. auf"
    r"|\b(?:jetzt|agora|ahora|maintenant|désormais|teraz|nu)\s+(?:\S+\s+)?\d"
    r"|\b(?:statt|anstatt|verschoben|geändert|zamiast|in plaats van|istället för|au lieu de|en lugar de|en vez de|"
    r"invece di|em vez de|ao invés de|mudou para|passou para|passa para|cambió a|passe à|passe a|zmiana na)\b"
    r"|\b(?:steigt|sinkt|erhöht|gesenkt)\b.*\bauf\b"
    # Spanish as a diary writes it: "la cuota baja a Gs. 2.870.000", "me sube la Levotiroxina a 75
    # mcg", "pasa a los jueves", "desde hoy mi jefa es ...", "ahora Claro Hogar", "la nueva maestra
    # de Santino es ...", "Aumento en el estudio"
    r"|\b(?:baja|bajó|sube|subió|pasa|pasó)\b(?: [^\s.;]+){0,3}? a (?:los |las |el |la )?(?:gs\.? ?|\$ ?|₲ ?)?(?:\d|(?-i:[A-Z])|lunes|martes|miércoles|jueves|viernes|sábado|domingo)"
    r"|\bdesde (?:hoy|mañana|ahora|el lunes|el martes|el miércoles|el jueves|el viernes)\b|\bahora\s+(?-i:[A-Z])"
    r"|\b(?:la|el) nuev[oa] (?:\w+ ){0,5}(?:es|son)\b|\baumento\b"
    # Indonesian: "naik jadi Rp 1.400.000", "pindah ke Biznet", "berubah ke ...", "nomor baru", "sekarang 750"
    r"|\b(?:naik jadi|turun jadi|pindah ke|pindah per|berubah (?:ke|jadi)|diganti (?:ke|jadi|dengan)|ganti ke|nomor baru|alamat baru)\b"
    r"|\bsekarang\s+(?:\S+\s+)?\d"
    # Malay: "nombor baru", "dah tukar", "tukar hari Selasa", "naik RM500 mulai bulan ni", "ambik alih", "(dulu RM139)"
    r"|\b(?:nombor baru|alamat baru|(?:dah|sudah|telah|baru) (?:tukar|pindah|naik|turun)|tukar (?:ke|kepada|jadi|hari)|ditukar|bertukar|"
    r"berpindah ke|ambi[lk] alih|digantikan|ganti dengan|naik (?:ke|kepada) |turun (?:ke|kepada) )"
    r"|\b(?:naik|turun)\s+RM\s?\d|\bmulai\s+(?:bulan|minggu|tahun|hari|\d)|\bkini\s+(?:\S+\s+)?\d|\((?:dulu|dahulu|sebelum ni)\b"
    # Romanian: "număr nou", "crește la 1.600 lei", "s-a mutat programarea pe 19.11", "în loc de", "acum 465"
    r"|\b(?:număr nou|numar nou|adresă nouă|adresa noua|crește la|creste la|scade la|s-a mutat|s-a schimbat|"
    r"am mutat|în loc de|in loc de|am renunțat|am renuntat|e noul|este noul|e noua|este noua)\b"
    r"|\bacum\s+(?:\S+\s+)?\d"
    # Tagalog and Taglish: "pinalitan ko na" (replaced), "na-upgrade", "na-extend", "tinaasan" (raised),
    # "ginawang 100mg" (made into), "bago na number ko" (new), "simula November" (starting in)
    r"|\b(?:pinalitan|pinapalitan|na-upgrade|na-extend|in-extend|nag-reprice|tinaasan|tumaas|binabaan|bumaba|lumipat|"
    r"inilipat|ginawang|bago na|bagong (?:number|numero|address|plan))\b"
    r"|\bsimula\s+(?:ng\s+|sa\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|enero|pebrero|marso|abril|mayo|hunyo|"
    r"hulyo|agosto|setyembre|oktubre|nobyembre|disyembre|ngayon|bukas|next)"
    # Lithuanian: "dabar 3,9 % vietoj 4,35 %", "nuo šiol ketvirtadieniais, nebe antradieniais",
    # "naują numerį", "pereina į grupę", "sumažėjo iki 589,15 €"
    r"|\b(?:vietoj|vietoje|nuo šiol|nebe|nebeveikia|pereina į|persikėlė į|pasikeitė|naują numerį|naujas numeris|naujas adresas|"
    r"naujoje vietoje|pakėlė|pakilo iki|sumažėjo iki|padidėjo iki|sumažino iki)\b"
    r"|\bdabar\s+(?:\S+\s+)?\d"
    # Ukrainian (and Russian): "тепер працюю вт, чт, сб", "з листопада внесок 780 грн замість 640",
    # "підняв лізиноприл до 20 мг", "переїхали у Вроцлав", "новий номер", "вівторок більше не ходимо"
    r"|(?<!\w)(?:тепер|теперь|відтепер|замість|вместо|більше не|вже не|по-новому|переїха\w*|переехал\w*|перенесл\w*|"
    r"перенесен\w*|перевів|перевела|перевели|піднім\w+|підня\w+|підвищ\w+|знизи\w+|зменши\w+|збільши\w+|"
    r"нов(?:ий|ая) номер|нов(?:а|ая) адреса|новий тариф|новий графік|новим графіком|з (?:січня|лютого|березня|квітня|"
    r"травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|понеділка|наступного)|раніше було|було \d)(?!\w)"
    # Bulgarian: "новият е 0879 ...", "вече е 605,47 €", "вместо 39,90 лв.", "се мести: от тази седмица сряда",
    # "смених паролата", "от ноември", "вдигнаха таксата", "по-рано беше"
    r"|(?<!\w)(?:вече (?:е|са|не)|вместо|нов(?:ият|ата|ото|ите) (?:е|са)|нов(?:ият|ата|ото)? (?:номер|адрес|вноска|такса|"
    r"цена|парола|тарифа)|смени\w*|смених\w*|сменен\w*|се мест\w*|премести\w*|преместен\w*|вдигна\w*|повиши\w*|"
    r"намали\w*|от (?:януари|февруари|март|април|май|юни|юли|август|септември|октомври|ноември|декември|"
    r"следващ\w*|тази седмица)|по-рано беше|беше \d)(?!\w)"
    # Hungarian: "Gergő új száma: ..." (his new number), "új címünk" (our new address)
    r"|\búj (?:száma|számom|számunk|telefonszáma|telefonszámom|címe|címem|címünk|e-?mail címe)\b"
    # Hebrew, its one-letter words glued on ("ובמקום"): "במקום 109" (instead of), "מעכשיו" (from now on),
    # "נדחה ל-8.12" (postponed to), "זז ל" (moved to), "עוברת לימי ראשון" (moves to), "עולה מ-180 ל-220"
    r"|(?<![\u05d0-\u05ea])[ושה]?(?:במקום|מעכשיו|מעתה|נדחה|נדחתה|נדחו|הוקדם|הוקדמה|שינוי|מספר חדש|כתובת חדשה|"
    r"(?:זז|זזה|זזו|זזות|עובר|עוברת|עוברים|עבר|עברה|עברו|הועבר|הועברה)\s+ל|(?:עולה|עלה|עלתה|יורד|ירד|ירדה)\s+מ)"
    r"|(?<![\u05d0-\u05ea])מ-?\s?\d[\d,.]*\s*₪?\s+ל-?\s?\d",
    re.IGNORECASE,
)


def revises(st: "StatementHit") -> bool:
    return bool(REVISES.search(st.text))


def _day_month(a: int, b: int) -> tuple[int, int] | None:
    """"a/b" as (day, month): day first unless that cannot be (only the order within one folder
    matters); None when neither is a month."""
    day, month = (a, b) if b <= 12 else (b, a)
    return (day, month) if 1 <= month <= 12 else None


def loose_date(st: "StatementHit") -> tuple[int, int, int] | None:
    """A date a log line is filed under without its year ("w/c 29 Sep: ...", "20/08/26 -- ..."),
    year 0 when none is written: in its heading, or in its words when a separator follows it (a
    date inside the sentence, "MOT due 2 July.", is something it mentions, not when it was written)."""
    # A terse log's entry opens with its year-less "dd/mm" ("30/10  wt 76.4 kg"); the lookahead
    # leaves "dd/mm/yy" to the rule below.
    m = re.match(r"(\d{1,2})/(\d{1,2})(?=\s|:)", st.source.lstrip() if st.source else st.text)
    if m:
        dm = _day_month(int(m.group(1)), int(m.group(2)))
        if dm and dm[0] <= 31:
            return (0, dm[1], dm[0])
    for where, after in ((st.topic or "", ""), (st.text[:60], r"(?=\s*(?::|-|–|—))")):
        m = re.search(rf"\b(\d{{1,2}})/(\d{{1,2}})/(\d{{2}}|\d{{4}})\b{after}", where)
        if m:
            y = int(m.group(3))
            dm = _day_month(int(m.group(1)), int(m.group(2)))
            if dm:
                return (y + 2000 if y < 100 else y, dm[1], dm[0])
        m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\b\.?(?!\s*,?\s*(?:19|20)\d\d){after}", where, re.IGNORECASE)
        if m:
            return (0, _MONTH_NUM.get(m.group(2).lower(), 0), int(m.group(1)))
        m = re.search(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d){after}", where, re.IGNORECASE)
        if m:
            return (0, _MONTH_NUM.get(m.group(1).lower(), 0), int(m.group(2)))
    return None


def when_written(st: "StatementHit", written) -> tuple[int, int, int] | None:
    """`written` (the reader's date of a statement), else the year-less date it is filed under."""
    return written(st) or loose_date(st)


# A value that holds from a day on: "new rent 19,000 from December", "de la 1 noiembrie taxa crește
# la 1.600 lei", "Από 1η Δεκεμβρίου το ενοίκιο θα είναι 520 €", "ab 01.05.2026", "Rent from 01/12 =".
# Not a span ("from 12 June to 19 June", "desde el 3 hasta el 9"): that is when something happens.
_GREEK_MONTHS = {m: i + 1 for i, m in enumerate(
    "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου".split())}
_FROM_MONTHS = {**_MONTH_NUM, **_GREEK_MONTHS}
_FROM_MONTH_RE = "|".join(sorted(map(re.escape, _FROM_MONTHS), key=len, reverse=True))
_FROM_WORDS = (r"from|starting(?:\s+(?:on|from|in))?|as\s+(?:of|from)|effective(?:\s+from)?|beginning|"
               r"ab|de\s+la|din|începând\s+cu|incepand\s+cu|desde|a\s+partir\s+d[eo]l?|à\s+partir\s+d[ue]|dès|vanaf|"
               r"dal(?:la|l')?|a\s+partire\s+da[l]?|från\s+och\s+med|från|fra\s+og\s+med|fra|mulai|simula|"
               r"από|απο|od")
_SPAN_AFTER = r"(?!\s*(?:to|until|till|through|thru|bis|al|au|hasta|até|ate|a|tot|till|til|până\s+la|pana\s+la|έως|μέχρι|do|-|–|—)\s*\d)"
_FROM_DATE = re.compile(
    rf"(?<!\w)(?:{_FROM_WORDS})\s+(?:the\s+|el\s+|le\s+|den\s+|τον\s+|την\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th|η|ης|\.|-?(?:lea|a))?\s+(?:of\s+|de\s+)?(?P<m1>{_FROM_MONTH_RE})\b\.?(?:\s+(?P<y1>(?:19|20)\d\d))?"
    rf"|(?P<m2>{_FROM_MONTH_RE})\b\.?(?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)"
    rf"|(?P<d4>\d{{1,2}})[./](?P<m4>\d{{1,2}})(?:[./](?P<y4>(?:19|20)?\d\d))?\.?(?![\d/.]\d))"
    rf"{_SPAN_AFTER}",
    re.IGNORECASE)


def in_force_from(st: "StatementHit", when: tuple[int, int, int] | None) -> tuple[int, int, int] | None:
    """The day from which the value a line gives holds, when it says one later than `when` (the day
    the line was written): a rise announced on 28 October "from 1 November" is newer than a payment
    of the old amount on 3 October. A year the line leaves out is the one after `when` when the
    month would otherwise lie more than half a year back ("from January", written in November)."""
    if when is None or when[0] == 0:
        return None
    best = None
    for m in _FROM_DATE.finditer(st.text):
        g = m.groupdict()
        if g["m1"] or g["m2"]:
            month = _FROM_MONTHS.get((g["m1"] or g["m2"]).lower().rstrip("."), 0)
            day, year = int(g["d1"] or g["d2"] or 1), int(g["y1"] or g["y2"] or 0)
        elif g["m3"]:
            year, month, day = int(g["y3"]), int(g["m3"]), int(g["d3"])
        else:
            day, month, year = int(g["d4"]), int(g["m4"]), int(g["y4"] or 0)
            year = year + 2000 if 0 < year < 100 else year
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        if not year:
            year = when[0] + 1 if (when[1] - month) > 6 else when[0]
        if (year, month, day) > when and (best is None or (year, month, day) > best):
            best = (year, month, day)
    return best


# "since" and the day after it, with its year: "4.200$00 a month since November 2026".
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?([^,;()]{4,24})", re.IGNORECASE)


def _held_since(st: "StatementHit") -> tuple[int, int, int] | None:
    """The day a line with no date of its own says its value has held since ("Internet: fibre,
    4.200$00 a month since November 2026"), when that day has a year."""
    days = [d for m in _SINCE.finditer(st.text) if (d := latest_date(m.group(1))) and d[0]]
    return max(days) if days else None


def when_in_force(st: "StatementHit", written) -> tuple[int, int, int] | None:
    """When a line's value holds from: the day it was written, or the later day it says its value
    starts ("from 1 November"); on an undated line, the day it says its value has held since."""
    when = when_written(st, written)
    return in_force_from(st, when) or when or _held_since(st)


def opening_date(text: str) -> tuple[int, int, int] | None:
    """The date in the label a line opens with ("2026-10-06: moved to Thursdays")."""
    label = re.match(r"\W*([^:]{4,40}):", text)
    return latest_date(label.group(1)) if label else None


def told_only(st: "StatementHit") -> bool:
    """Whether the only date a line has is one its words tell ("Dentist: 24 Nov 2026, 14:00" on an
    undated card): no date in its file's name, heading, fields, page or opening label."""
    if st.fields or latest_date(f"{st.path} {st.topic}") or latest_date(st.written or "") or loose_date(st):
        return False
    return not opening_date(st.text)


def _moves_on(dated: "Scored", told: "Scored") -> bool:
    """Whether a dated line gives a later day than every day an undated line tells, when it was
    written before that day: "9 May 2026: przegląd passed, next one due 09.05.2027" against the
    card's "Przegląd valid until 12.05.2026". The fact moved on; a deadline or an appointment
    is not the day its line was written."""
    told_day = latest_date(told.statement.text)
    given = [d for v in dated.typed if (d := latest_date(v)) and d[0] and d[1]]
    return bool(told_day and told_day[0] and given and max(given) > told_day)


def _newer(c: "Scored", b: "Scored", written, page=None) -> bool:
    dc, db = when_in_force(c.statement, written), when_in_force(b.statement, written)
    if dc and db and dc != db:
        # A date only a line's words tell is the day it tells (an appointment is written before
        # its day), not when it was written: against a line dated by its heading or file that
        # states a change ("20 Nov: the dentist is away on the 24th, moved to the 27th"), it gives
        # no order, and the stated change decides.
        late, early = (b, c) if db > dc else (c, b)
        if told_only(late.statement) and not told_only(early.statement) and (states_change(early.statement, written)
                                                                            or _moves_on(early, late)):
            return early is c
    if page is not None:
        # The day a page was last changed dates its undated lines, but only ever against them:
        # it can make such a line older than a dated one ("Office days: Tuesday and Thursday" on
        # a page last changed in 2025 against "28th Sep 2026: ... Mon, Wed and Thu in the office"),
        # never newer (a sister's "product manager" on a page touched last week is no newer
        # version of a dated all-hands note).
        if db is None and dc is not None and dc[0] != 0:
            # (A page changed after the dated line does not date its other lines: a rent line
            # left as it was on a page edited for the internet is no newer than "new contract.
            # Rent: 42.500$00 from October" in the journal.)
            db = day if (day := page(b.statement)) and day < dc else None
        elif dc is None and db is None:
            dc, db = page(c.statement), page(b.statement)
    if dc and db and (dc[0] == 0) == (db[0] == 0):
        if dc != db:
            return dc > db
    elif dc and db:
        return False  # a year-less date against a dated one: no order
    elif dc and dc[0] and db is None and _FROM_DATE.search(c.statement.text) and not _FROM_DATE.search(b.statement.text):
        # A dated entry that says the day its value began ("16 November 2026: Telmisartan: 80 mg
        # (from 14 November)") against a line nothing dates ("Dose: 40 mg" on an undated page): the
        # value began that day, so what the undated line says is what held before.
        return True
    elif (dc and dc[0] and db is None and b.statement.fields and _logged(c.statement) and c.statement.kind != "row"
          and _amounts(c) and _amounts(b) and (page is None or page(b.statement) is None)):
        # A day's entry in a journal or a log ("2026_06_28: loyer Angondjé 350 000 FCFA") against a
        # key of a page nothing dates ("Maison: loyer: 250 000 FCFA par mois"): the page was written
        # some day before, and a page's keys are not kept as carefully as the day is logged. Only
        # for amounts, which change (a rent, a fee, a salary), not names or days; and not a bank's
        # row, which pays what it pays.
        return True
    # Undecided by dates: the line that states the change is the newer one (also by the day its
    # value holds from: "the rent will be £1,030 from 1 August").
    rc, rb = states_change(c.statement, written) and _change_gives(c), states_change(b.statement, written)
    return rc and not rb or (rc and c.statement.path == b.statement.path and c.statement.line > b.statement.line)


def _amounts(sc: "Scored") -> bool:
    return bool(sc.typed) and bool(money(sc.typed[0]))


def _logged(st: "StatementHit") -> bool:
    """A line dated by the journal day it is filed under (its file's name, its heading) or by the
    date its entry opens with, not only by a date its words tell."""
    return bool(latest_date(f"{st.path} {st.topic}") or opening_date(st.text))


def _change_gives(c: "Scored") -> bool:
    """A word of change on the line gives a value of the asked kind, or the line tells its change
    otherwise (an update mark, a day it holds from): "The wedding is now at Villa Chbat, same day,
    Saturday 5 June 2027" changes the place, not the day to reply by."""
    # (Only for values written with digits, which are read reliably: a name the change gives may
    # not be read as one, "switched internet to T-2".)
    numeric = [v for v in c.typed if re.search(r"\d", v)]
    # ("from now on" says all that follows is how it is now: "moved Jaden's group: from now on
    # swimming is on Wednesday evening 18:00")
    if not revises(c.statement) or _UPDATE_MARK.search(c.statement.text) or _FROM_NOW.search(c.statement.text) or not numeric:
        return True
    # ("10.15 instead of lørdag"; a bracketed aside does not part the change from its value:
    # "Gergő új száma (céges váltás miatt új SIM): +36 30 555 0467")
    return any(changed_value(text, numeric, before=30, after=30) for text in (c.statement.text, _ASIDE.sub("", c.statement.text)))


_ASIDE = re.compile(r"\s*\([^()]{1,80}\)")


_FROM_NOW = re.compile(r"\bfrom now on\b", re.IGNORECASE)


def changed_value(text: str, values: list[str], *, before: int, after: int) -> bool:
    """One of `values` stands within `before`/`after` characters of a word of change in `text`:
    the value the change gives ("is now 11:15am", "moved to Wednesdays")."""
    return any(v in text[max(0, m.start() - before):m.end() + after] for m in REVISES.finditer(text) for v in values)


# A line marked as an update of what the note said before: "Update: ...", "UPD 12/10:", "EDIT
# (Oct): ...", "MAJ 2026-10-19 : ..." (mise à jour), "Aktualisierung:", "Actualización:".
_UPDATE_MARK = re.compile(
    r"(?:^|[:;.!?]\s+|\n\s*)(?:updated?|upd|edit(?:ed)?|maj|mise à jour|mis à jour|aktualisierung|aktualisiert|nachtrag|"
    r"actualización|actualizado|actualizacion|atualização|atualizado|atualizacao|aggiornamento|aggiornato|bijgewerkt|"
    r"uppdatering|uppdaterat|opdatering|opdateret|oppdatering|oppdatert|aktualizacja|aktualizace|päivitys|frissítés)"
    r"\b\s*(?:\(|\d|:|-|–|—)", re.IGNORECASE)


def states_change(st: "StatementHit", written) -> bool:
    """A word of change on the line, an update mark, or a later day its value holds from than the
    day it was written; on a line with no date of its own, a day its value holds from that opens
    it ("From September the školné is 1 300 Kč a month"; not "Lease from 01/02/2024, 3 years")."""
    when = when_written(st, written)
    # (A promotion is a change of the job title: "¡me promovieron a Senior Data Scientist!"; "I
    # now report to Masego" one of the boss.)
    return (revises(st) or bool(_UPDATE_MARK.search(st.text)) or bool(_PROMOTED.search(st.text) or _NEW_BOSS.search(st.text)) or in_force_from(st, when) is not None or when is not None and tells_next(st)
            or when is None and _FROM_DATE.match(re.sub(r"^[^:]{0,40}:\s*", "", st.text).lstrip()) is not None)


# "Next service at 94,600 km.", "Next check-up on 12 May", German "Nächste HU 09/2028": what comes
# next, told on a dated page, moves on what an undated card says comes next.
_NEXT = re.compile(rf"^(?:the\s+)?{NEXT_WORDS}\s+[^\W\d_]+(?:[\s-]+[^\W\d_]+)?\s+"
                   r"(?:(?:is\s+|due\s+)?(?:at|on|in|by|due|am|le|el|il|op|på)\b[^.;]*)?\d", re.IGNORECASE)


def _from_a_day_on_a_dated_page(st: "StatementHit", page=None) -> bool:
    """On a page dated only by when it was last changed, a day the line's value holds from: "Day
    care fee: P1,450 a month from September" in a post of 5 September."""
    return page is not None and page(st) is not None and _FROM_DATE.search(st.text) is not None


def _states_change_on_page(st: "StatementHit", written, page=None) -> bool:
    return states_change(st, written) or _from_a_day_on_a_dated_page(st, page)


def tells_next(st: "StatementHit") -> bool:
    return bool(_NEXT.match(st.source.strip()))


def newer_version(c: "Scored", b: "Scored", written, page=None) -> bool:
    """Whether `c` is a newer version than `b` by the rules prefer_newer uses (dates, the day a value
    holds from, a stated change)."""
    return _newer(c, b, written, page)


_DAY_WORDS = {kind: KIND_WORDS[kind] for kind in ("date", "time")}
_WHICH_NOUN = re.compile(r"\b(?:which|what)\s+([a-z]+)", re.IGNORECASE)


def _asked_day(info: "QuestionInfo") -> set[str]:
    """The noun a question for a day or a time asks by ("night" of "Which night ..."): a word of the
    kind asked, not of the thing asked about."""
    m = _WHICH_NOUN.search(info.text) if info.want in _DAY_WORDS else None
    return {stem(m.group(1).lower())} & info.terms if m else set()


def same_fact(info: "QuestionInfo", b: "Scored", c: "Scored", terms) -> bool:
    """Both speak of the asked thing with values of the asked kind, and the values differ. The
    newer line may leave out one word of the question the best one says ("Milo's piano moves to
    Thursdays" for "When is Milo's piano lesson?"), but not a number ("invoice #014" for #013)."""
    said_b, said_c = _said(info, b, c, terms)
    if said_c and said_c <= _DAY_WORDS.get(info.want or "", set()) | _asked_day(info):
        return False  # "Ambuyat night at Ibu's" says only the kind of day "Which night do I play badminton?" asks
    if said_c and said_c <= _PER_PERIOD and said_b - _PER_PERIOD and not _says_the_value_words(info, b, c, terms):
        return False  # "Salario: B/. 1,900 mensual" says only how often of "my monthly loan payment"
    if info.want in ("phone", "email") and not ASKS_OWN.search(info.text) and MY_OWN_NUMBER.search(c.statement.text):
        return False  # "Mi número nuevo: ..." is the user's own new number, not the vet's
    if ASKS_OWN.search(info.text) and someone_elses_new_number(info, c.statement.text):
        return False  # "Daan V. has a new number: ..." is Daan's, no version of "my passport number"
    changed = _CHANGED_THING.search(c.statement.text)
    if changed and not same_or_synonym(changed.group(1), info.terms | _keys(b)):
        return False  # "BKT lowered the rate on the kredi" changes the rate, not how big the kredi is
    # (A word the old value's own name says is no word of the fact: "at home" and "Tigo Home".)
    missing = said_b - said_c - {stem(w) for v in _named_values(b) for w in re.findall(r"[^\W\d_]+", v) if v not in info.text}
    ib, ic = _item(b), _item(c) if c.statement.kind in ("row", "kv") else set()
    if ib & info.terms and ic and not ic & info.terms:
        return False  # "Salary: SRD 23.750" is not versioned by the row "Rent (from 1 December)" of a "Rent and salary" note
    named = _asked_name_words(info)
    if missing and said_c and (not missing & named and (shared_name(info, b, c) or _says_the_value_words(info, b, c, terms))
                               or _shared_reference(b, c)):
        # A later line that calls the thing by the name the line asked of calls it ("BSO Kolibrie
        # (after-school care)", then "Kolibrie's fee is now SRD 1.600") says what that one says.
        missing = set()
    if c.statement.kind != "row" and not terms(c.statement) & _PER_PERIOD:
        # "Rent up to € 1.395,00" is a version of "Rent: € 1.340,00 per month": a new amount
        # that names no period keeps the old one's.
        missing -= _PER_PERIOD
    if not said_c or len(missing) > 1 or any(any(ch.isdigit() for ch in t) for t in missing):
        return False
    if info.want == "code" and missing & _numbered_thing(info.text):
        return False  # the bank row's "number: 000 447 ..." is no newer "driving licence no. 0412873"
    if (missing & _keys(b) - _DAY_WORDS.get(info.want or "", set()) and not _keyed_by_whom(info, b, missing)
            and not _bare_head(b, c, missing)):
        # "premium: £1,184/yr" is not versioned by "stock cover went up to £60k"; a key that only
        # names the kind of day or time asked for ("Office days: Tuesday and Thursday" for "which
        # days") is said by the newer line's value itself ("Mon, Wed and Thu in the office"). (Not
        # a "number": "account number" is not said by a bank row's reference.)
        return False
    if missing and _sibling_headings(b, c, missing, terms):
        return False  # the villa's "SSID: ..." is not versioned by the home network's
    if missing & _PERIODS and c.statement.kind == "row" and b.statement.kind != "row":
        return False  # "annual salary 738 000" is not versioned by a bank row paying October's salary
    ob, oc = _owners(b.statement), _owners(c.statement)
    if ob and oc and not ob & oc:
        return False  # "cat: Tofu; vaccination due: ..." is not versioned by "Book Miso's vaccination"
    if info.want is not None:
        # A line whose only values it retires ("Cancelled UPC") says what ended, not what holds now.
        # (Nor a verb a sentence opens on: "Cancelled the POST contract" names POST only.)
        # (Nor a cap: "premium deduction claimed (max Rs 40,000)" gives no premium.)
        live = [v for v in c.typed if not retired(c.statement.text, v) and not (info.want == "name" and _opens_sentence(v, c.statement.text))
                and not (not _LIMIT.search(info.text) and any(_LIMIT_BEFORE.search(c.statement.text[:m.start()]) for m in _mentions(c.statement.text, v)))]
        return bool(live) and bool(b.typed) and set(c.typed) != set(b.typed)
    # No kind of value to compare ("What dose ..."): the newer line must say it changes something
    # of the asked thing, not only of whom ("Bea's shoe size now 12" for "beas allergy").
    # (Not a key the line opens on: "Title: Data Scientist" says the title, nobody's name; nor one
    # after a heading, "Servicios: Internet: Tigo Home", when the newer line says all the old one
    # does. Nor an acronym: "half marathon PB 1:41:20" says what is asked, no one's personal best.)
    keyed = "[;|:]" if not missing else "[;|]"
    named = [n for n in info.names + [n for st in (b.statement, c.statement) for n in names(st.text)
                                      if not re.search(rf"(?:^|{keyed})\s*{re.escape(n)}\s*:", st.text)]
             if not _ACRONYM.fullmatch(n)]
    # (Not a test's name: "HbA1c" is what is asked, nobody's.)
    whose = {stem(o) for o in info.owners} | {stem(w.strip(".")) for n in named for w in n.split() if not re.search(r"\d", w)}
    return ((revises(c.statement) or bool(job_change_words(info.terms, c.statement.text)) or tells_next(c.statement))
            and bool((said_b & said_c) - whose))


# What a change says it changed, named as its object: "lowered the rate", "raised the deposit"
# (a word, not a name: "raised the Timolol to 0,5%" changes the drug's strength).
_CHANGED_THING = re.compile(r"\b(?:lowered|raised|increased|reduced|cut|hiked)\s+(?:the|my|our|its|their|his|her)\s+((?-i:[a-z]{3,}))\b", re.IGNORECASE)
_LIMIT_WORDS = r"max|maximum|limit|cap|ceiling|at most|minimum|min"
_LIMIT = re.compile(rf"\b(?:{_LIMIT_WORDS})\b", re.IGNORECASE)
_LIMIT_BEFORE = re.compile(rf"\b(?:{_LIMIT_WORDS})\.?\s*(?:of\s+)?[:=]?\s*$", re.IGNORECASE)  # "(max Rs 40,000)"
_ACRONYM = re.compile(r"[A-Z]{2,5}")  # "PB", "IBAN": what is asked, nobody's name


def _named_values(sc: "Scored") -> list[str]:
    """The values a line gives by name: its typed values, or else the names it writes that are
    no key of it ("Internet: Tigo Home 300 Mb" gives "Tigo Home")."""
    if sc.typed:
        return sc.typed
    text = sc.statement.text
    return [n for n in names(text) if not re.search(rf"{re.escape(n)}\s*:", text) and not _opens_sentence(n, text)]


def _opens_sentence(name: str, text: str) -> bool:
    """Whether a one-word name only opens a sentence of `text` as a verb does, before an article
    or a possessive ("Cancelled the POST contract"); not a key's value ("Network name: Pine_Net"),
    nor a name before its verb ("Algis sako ...")."""
    return " " not in name and all(re.search(r"(?:^|[.!?:;]\s*)$", text[:m.start()])
                                   and re.match(r"\s+(?:the|a|an|my|our|your|his|her|their|its)\b", text[m.end():])
                                   for m in re.finditer(rf"\b{re.escape(name)}\b", text))


def _item(sc: "Scored") -> set[str]:
    """Stems of what a keyed line or a table row is about: its one key ("Salary"), its first
    cell when that is words ("Rent (from 1 December)"). (Only a row's or a "Key: value" line's for
    the newer line: a chat message's "Me:" says who wrote it, not what it is about.)"""
    st = sc.statement
    if st.kind == "row" and st.fields:
        first = re.findall(r"[^\W\d_]{3,}", re.sub(r"\(.*?\)", "", next(iter(st.fields.values()))))
        # (A row that opens with its day, "date: 25 Sep 2026" as "2026-11-05", names no item.)
        return set() if all(w.lower() in _CALENDAR_WORDS for w in first) else {stem(w) for w in first}
    # (A key of one or two words: "Asked around at work: the Celerio is now insured with Impar"
    # is a sentence's lead-in, not what the line is about.)
    return _keys(sc) if len(st.fields) == 1 and len(next(iter(st.fields)).split()) <= 2 else set()


def shared_name(info: "QuestionInfo", b: "Scored", c: "Scored") -> bool:
    """Both lines name one thing the question does not (a club, a school: "Kolibrie"): a name the
    first line writes inside a sentence (not a key, a heading or a sentence's first word, not a
    day or a month), the second anywhere in its words."""
    asked = {stem(w) for n in info.names for w in n.split()} | info.terms
    english = english_words(bundled_vocabulary())

    def own(text: str, *, inside: bool) -> set[str]:
        body = re.sub(r"^(?:[^:]{0,40}:\s*)+", "", text) if inside else text
        # A sentence's first word is a name only when it is no English word ("GasanMamo,
        # comprehensive, €412 a year" after "Insurance:"; not "Went to the shop").
        return {stem(m.group(0)) for m in re.finditer(r"\b[A-Z][a-z]{3,}\w*", body)
                if not (inside and (m.start() == 0 or re.search(r"[.!?:]\s*$", body[:m.start()]))
                        and (not english or m.group(0).lower() in english))
                and m.group(0).lower() not in _CALENDAR_WORDS} - asked

    return bool(own(b.statement.text, inside=True) & own(c.statement.text, inside=False))


# A policy, customer or contract number: letters and digits in groups ("PI-7730-2214"), or a long
# run of digits ("77120934"); a day or an amount is no reference.
_REFERENCE = re.compile(r"(?<![\w-])(?=[\w-]*\d)(?:[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+|\d{7,})(?![\w-])")


def _shared_reference(b: "Scored", c: "Scored") -> bool:
    """Both lines give one reference number that is not the asked value: "policy PI-7730-2214,
    premium R 1 046 pm" and an insurer's text "your premium for policy PI-7730-2214 will be R1 118.50
    from 1 November" speak of one policy, whoever's car the question names it by."""
    asked = " ".join(b.typed + c.typed)
    refs = {m.group(0) for m in _REFERENCE.finditer(b.statement.text)
            if m.group(0) not in asked and not re.fullmatch(r"\d{1,4}-\d{1,2}-\d{1,4}", m.group(0))}
    return any(re.search(rf"(?<![\w-]){re.escape(r)}(?![\w-])", c.statement.text) for r in refs)


_SAME_VALUE_WORDS = 2  # words of the old value that a newer line must say to speak of its thing


def _says_the_value_words(info: "QuestionInfo", b: "Scored", c: "Scored", terms) -> bool:
    """The newer line (with the sentences it follows on from) says two words of the old line's
    value besides the asked ones: "Internet: imagine fibre 100 Mbps, B$69 a month" and "Upgraded
    the fibre to 300 Mbps ... Now B$89 a month" speak of one line; so do "Insurance: GasanMamo,
    comprehensive, €412 a year" and "GasanMamo renewal letter: the Yaris comprehensive is now
    €447.80". One of the two is no English word (a name, a brand, a unit): "winter" and "swap"
    are said of the tyres' size and of a brake job alike."""
    if len(b.statement.fields) != 1:
        return False
    value = next(iter(b.statement.fields.values()))
    for v in b.typed:
        value = value.replace(v, " ")
    own = {w for w in content_words(value) if re.fullmatch(r"[^\W\d_]{3,}", w)} - info.terms - _PER_PERIOD - _CALENDAR_WORDS
    shared = own & terms(c.statement)
    return len(shared) >= _SAME_VALUE_WORDS and any(w not in _english_stems() for w in shared)


@lru_cache(maxsize=1)
def _english_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in english_words(bundled_vocabulary()))


def _heading_words(sc: "Scored", terms) -> set[str]:
    """Words the statement carries from its heading or its record's title ("Wi-Fi villa (Wi-Fi
    network): SSID: ..."), not from the line as written."""
    st = sc.statement
    src = st.source.strip()
    at = st.text.find(src) if src else -1
    if at <= 0:
        return set()
    return terms(st.model_copy(update={"text": st.text[:at]})) - terms(st.model_copy(update={"text": src}))


def _sibling_headings(b: "Scored", c: "Scored", missing: set[str], terms) -> bool:
    """Two lines under headings of one shape naming two things ("Wi-Fi villa" and "Wi-Fi home"):
    the asked word that only the first's heading says makes the second another thing's line, not
    a newer version. Headings that differ by a number ("Insurance 2025", "Insurance 2026") or share
    no word (a journal's day under "## Car") stay versions."""
    hb, hc = _heading_words(b, terms), _heading_words(c, terms)
    other = {t for t in hc - hb if not any(ch.isdigit() for ch in t)}
    return bool(missing <= hb and hb & hc and other)


# The period an amount is counted over: a table row (a payment) without the asked one gives
# another quantity than the note's line that says it.
_PERIODS = frozenset(stem(w) for w in "annual annually yearly monthly weekly daily hourly".split())
_PER_PERIOD = _PERIODS | frozenset(stem(w) for w in "per month year week day hour".split())


def _owners(st: "StatementHit") -> set[str]:
    """Whose the line's fact is, where it says so: a row's names ("cat: Tofu"; not its "Day: Tue"),
    or a name with a possessive ("Book Miso's vaccination")."""
    out = set(re.findall(r"\b([A-Z][a-z]+)['’]s\b", st.text))
    if st.kind == "row" and st.fields:
        for value in st.fields.values():
            value = value.strip()
            if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", value) and value.split()[0].lower() not in _CALENDAR_WORDS:
                out.add(value.split()[0])
    return out


_CALENDAR_WORDS = frozenset([*MONTHS, *WEEKDAYS, "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"])


def _keys(sc: "Scored") -> set[str]:
    """Stems of the key of a "Key: value" line ("premium", "policy"): the one attribute the line
    gives, which a version of it must name too. (A table row's columns are not: "raised from 50
    to 75 mcg" is a new dose without saying "dose".)"""
    if len(sc.statement.fields) != 1:
        return set()
    return {stem(w) for key in sc.statement.fields for w in re.findall(r"[^\W\d_]+", key)}


_GENERIC_HEADS = frozenset("number no nr code id date day name address phone mobile email time fee amount price cost".split())


def _bare_head(b: "Scored", c: "Scored", missing: set[str]) -> bool:
    """The newer line calls the key's thing by its last word alone, with nothing before it but a
    determiner: "Licence renewed, new one valid to 08/11/2031" is a version of "Driver's licence:
    valid to 20/11/2026" (but "Home insurance is now £300" is no version of "Car insurance: £410")."""
    for key in b.statement.fields:
        words = re.findall(r"[^\W\d_]+", key)
        if len(words) < 2 or not missing <= {stem(w) for w in words[:-1]} or words[-1].lower() in _GENERIC_HEADS:
            continue  # ("IRD number: 094-517-268" is not versioned by "Hems got a new number")
        if any(w.isupper() for w in words[:-1] if stem(w) in missing):
            continue  # "PPS", "NIS": the kind of number is its name
        head = re.escape(words[-1])
        if re.search(rf"(?:^|[.;:!?]\s+|\b(?:my|our|the|a|an|new|his|her|their)\s+){head}\b", c.statement.text, re.IGNORECASE):
            return True
    return False


def _keyed_by_whom(info: "QuestionInfo", b: "Scored", missing: set[str]) -> bool:
    """The key of `b` names the person the question asks of ("My brother Bolot Osmonov: vet in
    Talas"): it says whose the line is, not the attribute, so a later line about that person ("Bolot
    has moved to Osh") need not repeat the relation it words him by. Only the key's words for a
    relation may be missing ("brother"; not "PPS" of "PPS number", an attribute a capital made a name)."""
    asked = _asked_name_words(info)
    kin = {stem(w.lower()) for key in b.statement.fields for w in re.findall(r"[^\W\d_]+", key)
           if re.fullmatch(rf"{KIN}|{PERSON_ROLES}", w.lower())}
    return bool(asked & _keys(b)) and bool(missing) and missing <= kin


ASKS_OWN = re.compile(r"\b(?:my|our) (?:[\w-]+ )?(?:phone|mobile|cell|number|e-?mail)\b", re.IGNORECASE)
MY_OWN_NUMBER = re.compile(r"\b(?:my|mi|mon|ma|meu|minha|mein|meine)\s+(?:new\s+|nuevo\s+|nouveau\s+|novo\s+|neue\s+)?"
                            r"(?:n[uú]mero|number|phone|mobile|cell|celular|num[eé]ro|nummer)\b|\b(?:I changed my number|cambi[eé] de n[uú]mero)\b",
                            re.IGNORECASE)
_VOCATIVE = re.compile(r"\W*([A-Z][\w'’-]+),\s+(?!(?:and|or|&|y|e|et|und|și|si|i)\b)(?=[^\W\d_A-Z])")
_THEIR_NEW = re.compile(r"\b(?!(?:I|We|My|Our)\b)([A-Z][\w'’-]+)(?:\s+[A-Z][\w'’.-]*){0,2}\s+(?:has|got|gets)\s+a\s+new\s+(?:[\w-]+\s+)?"
                        r"(?:number|phone|mobile|cell|e-?mail)\b")


def someone_elses_new_number(info: "QuestionInfo", text: str) -> bool:
    """Whether the line tells that someone the question does not name has a new number or e-mail
    ("Jonas has a new number: 42 55 17 09 (old one is gone with the work phone)")."""
    return any(stem(m.group(1)) not in info.terms for m in _THEIR_NEW.finditer(text))


_OWN_NEW = re.compile(r"\b(?:my|mi|mon|ma|mio|mia|meu|minha|mein|meine)\b|\bI (?:have|got|changed)\b", re.IGNORECASE)


def _said(info: "QuestionInfo", b: "Scored", c: "Scored", terms) -> tuple[set[str], set[str]]:
    """The question's words each of the two statements says. A line that tells a change of a
    phone number or an e-mail address says its kind ("Priit has a new number: +372 ..." is his
    phone number), and a person's given name says the family name the question adds ("Priit" for
    Priit Tamm's)."""
    # (Only for kinds whose words say nothing but the kind: "pay" and "cost" say what an amount is.)
    # ("5.1 kg now" says the weight, "38.2 °C" the temperature.)
    kind = info.terms & KIND_WORDS[info.want] if info.want in ("phone", "email", "percent", "weight", "temperature") else set()
    names = [p for p in (_name_parts(n) for n in info.names) if p]

    def said(x: "Scored") -> set[str]:
        out = info.terms & terms(x.statement)
        out |= _named_before(info, x.statement)
        if x.owner_ok:
            # Whose it is, as the reader found it said around the line ("Took the Auris for the
            # przegląd. Next inspection due:: 2027-09-28" is the car's).
            out |= {stem(o) for o in info.owners} & info.terms
        # ("Radu, from 1 November the fee at Licurici rises to ..." speaks to Radu, not of him.)
        called = _VOCATIVE.match(x.statement.source)  # (its own words: "Osaka, winter 2026-27:" is a heading)
        if called and len(_mentions(x.statement.text, called.group(1))) == 1:
            out.discard(stem(called.group(1)))
        # (Only a line that names the person: "her cell is now ..." after "Teresa got a new phone"
        # is no version of Daniel's.)
        # ("Final offer: 3,69 %" says the rate the question asks, with no word of change.)
        if x.typed and (info.want in ("percent", "weight", "temperature") or revises(x.statement) and names and all(p[0] in out for p in names)
                        or revises(x.statement) and not names and not info.owners and ASKS_OWN.search(info.text)
                        and _OWN_NEW.search(x.statement.text)):
            out |= kind  # ("Mi número nuevo: ..." for "What is my phone number?": mine, said as new)
        # (Or, asked of a relative, one the line says by the name the notes give them: see named_kin.)
        whom = all(p[0] in out for p in names) if names else bool(out & _KIN_WORDS)
        if info.want == "place" and x.typed and whom and _MOVED.search(x.statement.text):
            out |= info.terms & _LIVE_WORDS  # "he has moved to Espargos for good" says where he lives
        out |= job_change_words(info.terms, x.statement.text)
        return out | {p[1] for p in names if len(p) == 2 and p[0] in out and p[1] in info.terms}

    return said(b), said(c)


# A promotion names the new job: "I was promoted to Finance Manager", "they made me Head of
# Microbiology" say what the job title now is (the user's own: "I", "me").
_PROMOTED = re.compile(r"\b(?:I\s+(?:was|got|have been|\'ve been)\s+promoted\s+to|promoted\s+me\s+to|(?:they|he|she)\s+made\s+me|"
                       r"I\s+was\s+(?:made|appointed|named)|appointed\s+me(?:\s+as)?"
                       # "From 1 October I'm Operations Manager!": the title from a day on
                       r"|\bfrom\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Za-z]+(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+I(?:'m|’m|\s+am|\s+will\s+be)(?:\s+the)?"
                       # ... or a day in figures: "Official from 01/11/2026: I am now Lead Data Engineer"
                       r"|\bfrom\s+\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\s*[:,]?\s+I(?:'m|’m|\s+am)(?:\s+now)?(?:\s+(?:an?|the))?"
                       # ... and in French: "PROMOTION : je deviens Responsable des opérations"
                       r"|\b(?:dem|they)\s+promote\s+(?:mi|me)\b[\s!.]*"  # Kriol: "BIG NEWS: dem promote mi!! Branch Supervisor"
                       r"|\bje\s+(?:deviens|suis\s+promue?\s+(?:au\s+poste\s+de\s+)?|suis\s+nommée?)(?:\s+(?:la|le))?"
                       # Spanish and Portuguese: "¡me promovieron a Senior Data Scientist!", "fui promovida a"
                       r"|\bme\s+(?:promovieron|ascendieron|promoveram|promoverão)\s+a\b|\bfui\s+(?:promovid[oa]|ascendid[oa])\s+a\b"
                       # "the promotion is approved: I am a Senior Planning Engineer"
                       r"|\bpromotion\b[^.!?]{0,40}?\bI(?:'m|’m|\s+am)(?:\s+now)?\s+(?:an?|the)\b"
                       # "It is official: I will be Staff Engineer from 01.12.2026"
                       r"|\bI(?:'ll|’ll|\s+will)\s+be(?=\s+(?:an?\s+|the\s+)?[A-Z][^.!?]{0,60}?\b(?:from|starting|as\s+of)\b)(?:\s+(?:an?|the))?)"
                       r"\s+(?-i:[A-Z])", re.IGNORECASE)
_JOB_WORDS = frozenset(stem(w) for w in "job title position role".split())


# A new boss names the manager without the word: "so I now report to Shalini Lal", "Je rapporte
# directement à Mme Clarisse Tossou". (Not yet "Arthit starts as my manager Monday".)
_NEW_BOSS = re.compile(r"\bI\s+(?:now\s+|will\s+|'ll\s+|’ll\s+)?(?:report|am\s+reporting)\s+(?:directly\s+)?to\s+(?-i:[A-Z])"
                       r"|\bje\s+(?:rapporte|reporte)\s+(?:directement\s+)?(?:à|a)\s+(?-i:[A-Z])"
                       r"|\b(?:reporto|informo)\s+(?:directamente\s+)?a\s+(?-i:[A-Z])", re.IGNORECASE)
BOSS_WORDS = frozenset(stem(w) for w in "manager boss supervisor report".split())
_AT_WORK = frozenset(stem(w) for w in "work job".split())


def new_boss_named(text: str, names: list[str]) -> list[str]:
    """Of `names`, the one a line says the user now reports to ("so I now report to Shalini Lal
    (she came from the Sydney side ...)"): the name right after the words."""
    return [v for m in _NEW_BOSS.finditer(text) for v in names
            if re.match(rf"(?:(?:Mme|Mrs?|Ms|Dr|Ing|Sra?)\.?\s+)?{re.escape(v)}\b", text[m.end() - 1:])][:1]


def job_change_words(terms: set[str], text: str) -> set[str]:
    """The question's words for a job, or for whom the user works under, that a line telling the
    user's promotion or new boss says."""
    if _PROMOTED.search(text):
        return terms & _JOB_WORDS
    # (whom one reports to is said of one's work: "Who is my manager at work?")
    return terms & (BOSS_WORDS | _AT_WORK) if _NEW_BOSS.search(text) else set()


_KIN_WORDS = frozenset(stem(w) for w in DIRECT_KIN)  # the relatives named_kin follows by name
_MOVED = re.compile(r"\b(?:moved|moves|relocated|relocates)\s+(?:back\s+|over\s+|out\s+)?(?:to|in|into)\b", re.IGNORECASE)
_LIVE_WORDS = frozenset(stem(w) for w in "live lives living reside resides stay stays".split())


_NUMBERED = re.compile(r"([^\W\d_]+)\s+(?:number|no\b|nr\b|#|code|id\b)", re.IGNORECASE)


def _numbered_thing(question: str) -> set[str]:
    """The word a question's number belongs to: "licence" of "whats my licence number"."""
    return {stem(m.group(1).lower()) for m in _NUMBERED.finditer(question)}


_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their)\b", re.IGNORECASE)


def _named_before(info: "QuestionInfo", st: "StatementHit") -> set[str]:
    """The words of the question's names that a pronoun sentence says by the sentence before it:
    "Talked with Yohane Mwale about prices. ... his pay goes up to MK110,000" says Yohane Mwale's
    pay, as the sentence is read with the one that names whom "his" means."""
    pronoun = _PERSON_PRONOUN.search(st.text) if st.context else None
    if pronoun is None or any(n[:1].isalpha() for n in names(st.text[:pronoun.start()])):
        return set()  # (nor where the line names someone before it: "Teresa got a new phone, her cell is ...")
    before = {stem(w) for w in re.findall(r"[^\W\d_]+", st.context)}
    own = {stem(w) for w in re.findall(r"[^\W\d_]+", st.text)}
    return {w for n in info.names if (p := _name_parts(n)) and all(w in before for w in p) and not all(w in own for w in p) for w in p}


def _name_parts(name: str) -> list[str]:
    return [stem(w) for w in re.findall(r"[^\W\d_]+", name)]


def _asked_name_words(info: "QuestionInfo") -> set[str]:
    """The stems of the words of every name the question uses."""
    return {p for n in info.names for p in _name_parts(n)}


def dated_change(st: "StatementHit", written) -> bool:
    """A line dated (by the reader's date or the date a log files it under) that says it changes
    something: a word of change, or a later day its value holds from."""
    return when_written(st, written) is not None and states_change(st, written)


def _gap(info: "QuestionInfo", b: "Scored", c: "Scored", terms, written=None, page=None) -> float:
    if written is not None and c.unnamed and not c.names_ok and not dated_change(b.statement, written) and (
            dated_change(c.statement, written) or page is not None and _states_change_on_page(c.statement, written, page) and page(b.statement) != page(c.statement)):
        # (A change on a page dated only by when it was changed, an Evernote note's "Je rapporte
        # directement à Mme Clarisse Tossou" after "Hlandé Transit: Mon chef : M. Ignace
        # Gbaguidi", counts as dated by that day.)
        said_b, said_c = _said(info, b, c, terms)
        name_words = _asked_name_words(info)
        if said_b - said_c <= name_words and said_c - name_words:
            return VERSION_PMI_GAP_UNNAMED_CHANGE
    if written is not None and dated_change(c.statement, written) and (not dated_change(b.statement, written) or not c.names_ok):
        # (also after a line that told an earlier change, when this one leaves out the name the
        # question uses, as a follow-up does: see unnamed_changes)
        # A pronoun sentence ("his pay goes up to ...") was scored without the name the sentence
        # before gives it: it loses the model's score the name would give, as a follow-up does.
        return VERSION_PMI_GAP_UNNAMED_CHANGE if _named_before(info, c.statement) else VERSION_PMI_GAP_DATED_CHANGE
    if written is not None and c.unnamed and not c.names_ok and _states_change_on_page(c.statement, written, page):
        # A follow-up that leaves out the name ("From September the fee is ...") was let in as a
        # change of a line that says it (unnamed_changes); the name it leaves out costs it the
        # model's score that a dated change gets room for.
        return VERSION_PMI_GAP_DATED_CHANGE
    said_b, said_c = _said(info, b, c, terms)
    if said_b - said_c:
        return VERSION_PMI_GAP_MISSING
    # A line that says it changes the fact ("training moves to THURSDAYS") reads less like an
    # answer than the old line it revises ("Training is Tuesdays"): it gets more room.
    return VERSION_PMI_GAP_REVISES if revises(c.statement) and not revises(b.statement) else VERSION_PMI_GAP


_OPENS_CANCELLING = re.compile(r"\W*(?:cancel+ed|terminated|closed|stopped|ended|quit)\b", re.IGNORECASE)


def takes_over(text: str) -> bool:
    """The line says what holds from now on ("The house is now on Epic Fiber 500")."""
    return bool(_TAKES_OVER.search(text))


def only_retires(c: "Scored") -> bool:
    """The line tells only what no longer holds ("Cancelled the Digicel fibre by phone"), not what
    took its place."""
    text = c.statement.text
    opening = _OPENS_CANCELLING.match(text)
    # (The cancelling is itself a word of change; what follows it must tell no other.)
    return (opening is not None and any(retired(text, v) for v in c.typed)
            and not _TAKES_OVER.search(text) and not REVISES.search(text[opening.end():]))


def _retires_value(b: "Scored", c: "Scored") -> bool:
    """Whether `c` names a value of `b` as the one that no longer holds ("from next week she comes
    on Tuesdays instead of Thursdays" against "She'll come every Thursday"): however it reads as
    an answer, it is a later version of the same fact."""
    return any(retired(c.statement.text, v) or retired(c.statement.text, v + "s")
               for v in b.typed if not re.fullmatch(r"(?:19|20)\d{2}", v))


# "When did I ...", "How much was ...": an event of the past, not the current version of a fact.
_PAST = re.compile(r"\b(?:did|was|were|had)\b", re.IGNORECASE)
_LATEST = re.compile(r"\b(?:last|latest|most recent|newest|current)\b", re.IGNORECASE)
_BIRTH = re.compile(r"\b(?:birthday|bday|b-day|born|birth|dob)\b", re.IGNORECASE)


def prefer_newer(info: "QuestionInfo", cands: list["Scored"], *, terms, written, page=None) -> None:
    """Move a newer version of the best statement's fact to the front."""
    if len(cands) < 2 or _PAST.search(info.text) and not _LATEST.search(info.text) or _BIRTH.search(info.text):
        # (but "What was my last HbA1c?" asks for the newest)
        return  # a birthday has no newer version: a later "born in April 2021" is someone else's
    first = cands[0].pmi or 0.0
    for _ in range(VERSION_DEPTH - 1):  # a third version may be newer still
        best = cands[0]
        # (A line kept only as the change of a line naming the asked one, unnamed_changes, is a
        # version however far down the other lines about them push it.)
        # (Nor one that names them by pronoun after the sentence that names them: "moved to
        # Thursdays 14:00 - she teaches on Tuesday mornings" after "Weekly supervision with Helga".)
        peers = cands[1:VERSION_DEPTH] + [c for c in cands[VERSION_DEPTH:] if c.unnamed and not c.names_ok or _named_before(info, c.statement)]
        # (Not a line whose every value it says is gone: "Cancelled the Digicel fibre by phone"
        # after "we switched the home internet to Unwired" tells what no longer holds.)
        newer = next((c for c in peers if ((c.pmi or 0.0) >= first - _gap(info, best, c, terms, written, page)
                                                             or _retires_value(best, c))
                      and same_fact(info, best, c, terms) and _newer(c, best, written, page)
                      and not only_retires(c)), None)
        if newer is None:
            return
        cands.remove(newer)
        cands.insert(0, newer)
        newer.recent = True


def unnamed_changes(info: "QuestionInfo", named: list["Scored"], unnamed: list["Scored"], *, terms, written, page=None) -> list["Scored"]:
    """The lines among `unnamed` (lines that leave out a name the question uses) that tell a change
    of the fact a line in `named` gives: a follow-up does not repeat the name ("2.0 go/no-go -- Nov
    9: the launch moves to 10 December" after "Target launch date for Waypoint 2.0: 12 November").
    Only a line that states the change (a word of change, an update mark, a day its value holds
    from), with a value of the asked kind other than the named line's, newer than it, and saying
    all the question's words that line says but one. A line that says some of the question's names
    and not the others is about another thing of the one it names."""
    if info.want is None or not named:
        return []  # without a kind of value, a line about another thing cannot be told apart
    asked = {stem(w) for n in info.names for w in re.findall(r"[^\W_]+", n)}
    out = []
    for c in unnamed:
        stated = states_change(c.statement, written)
        if not c.typed or not (stated or _from_a_day_on_a_dated_page(c.statement, page)):
            continue
        # A person asked by the full name is written by the given name alone ("Priit has a new
        # number" for Priit Tamm's).
        by_given = len(info.names) == 1 and " " in info.names[0] and stem(info.names[0].split()[0]) in terms(c.statement)
        if asked & terms(c.statement) and not by_given:
            continue  # it names some of them: "Otis swimming moved to Sundays" is no version of "PE on Wednesdays"
        # (A line dated only by its page says which fact it changes by its key: "Day care fee:
        # P1,450 a month from September" after "Lorato: Day care fee: P1,250 a month"; not "Salary
        # review done: N$ 49 800 a month from November" after the Hilux insurance.)
        if any(b.typed and same_fact(info, b, c, terms) and _newer(c, b, written, page)
               and (stated or _keyed_alike(b, c, terms)) for b in named):
            out.append(c)
    return out


def _keyed_alike(b: "Scored", c: "Scored", terms) -> bool:
    """`c` opens with a key ("Day care fee:") whose every word `b` says."""
    key = re.match(r"^\s*([^:]{2,40}?)\s*:\s+\S", c.statement.text)
    words = {stem(w) for w in re.findall(r"[^\W\d_]+", key.group(1))} if key else set()
    return bool(words) and words <= terms(b.statement)


# Words that retire the value beside them: "Cancelled Basecamp.", "30 April is off", "the old
# Granite Wall membership", "192.168.1.40 → 192.168.1.23". (Not "I was born on 9 August 1991".)
_RETIRES = re.compile(r"\b(?:cancel+ed|cancel|old|former|previous|no longer|is off|was(?! born| married| bapti[sz]ed)|było|bylo|früher|vorher|voorheen|tidigare|ended|stopped|quit|replaced|instead of|"
                      r"résilier|résilié|résiliée|resilier|resilie|"  # "résilier NSIA, nouvelle police chez ..."
                      r"statt|anstatt|zamiast|in plaats van|istället för|au lieu de|en lugar de|en vez de|invece di|em vez de|"
                      r"alte|alten|alter|altes|ehemalig\w*|stary|stara|stare|oude|gamla|ancien|ancienne|antiguo|antigua|antigo|antiga|"
                      r"switched from|moved from)\b", re.IGNORECASE)
_RETIRE_WINDOW = 24  # characters either side of the value
# "The Bank of Georgia loan is closed": the rest of the value's name, the agreement, and that it
# ended (not "the Harbour Bank branch is closed on Sundays").
_CLOSED = re.compile(r"\s*(?:[\w'’]+\s+){0,3}(?:loan|account|contract|policy|membership|mortgage|subscription|lease)\s+"
                     r"(?:is|was|has been|got) (?:closed|terminated|paid off|cancel+ed|ended)\b", re.IGNORECASE)
_LEFT = re.compile(r"\b(?:left|dropped|ditched|cancelled|canceled|dej[oó]|sali[oó] de|deixou|saiu de|verlie(?:ß|ss))\s+$", re.IGNORECASE)


def month_day(value: str) -> tuple[int, int] | None:
    m = re.search(r"\b(?:\d{4}-)?(\d{2})-(\d{2})\b|\b\d{4}/(\d{2})/(\d{2})\b", value)
    if m and m.group(3):
        return int(m.group(3)), int(m.group(4))
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?({_MONTH_RE})\b|\b({_MONTH_RE})\.?\s+(\d{{1,2}})\b", value, re.IGNORECASE)
    if m:
        day, mon = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        return _MONTH_NUM.get(mon.lower(), 0), int(day)
    return None


def _mentions(text: str, value: str) -> list[re.Match]:
    """Where `text` names `value`: a date by its day and month ("30 April" for "2026-04-30"), a
    name by its first telling word ("Basecamp" for "Basecamp Bouldering"), else as written."""
    md = month_day(value)
    if md:
        return [m for m in re.finditer(rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})|(?:{_MONTH_RE})\.?\s+\d{{1,2}})\b",
                                       text, re.IGNORECASE) if month_day(m.group(0)) == md]
    telling = [w for w in re.findall(r"[\w.'’-]+", value) if w[:1].isupper() and len(w) >= 4 and w.lower() not in ("the", "that")][:1]
    key = telling[0] if telling and not re.search(r"\d", value) else value
    return list(re.finditer(rf"(?<![\w.]){re.escape(key)}(?![\w])", text))


def retired(text: str, value: str) -> bool:
    """Whether `text` names `value` as the one that no longer holds."""
    for m in _mentions(text, value):
        before, after = text[max(0, m.start() - _RETIRE_WINDOW):m.start()], text[m.end():m.end() + _RETIRE_WINDOW]
        # "left Elisa, now Telia": a verb of leaving right before the value (not "left of the door").
        if _RETIRES.search(before) or _LEFT.search(before) or re.match(r"\s*(?:→|->|=>|is off|was cancel|is cancel|(?:\w+\s+){0,2}is cancel+ed|\(old\)|(?:[\w'’-]+\s+)?(?:has\s+)?(?:stepped down|resigned)\b)", after, re.IGNORECASE) \
                or _CLOSED.match(text[m.end():m.end() + 2 * _RETIRE_WINDOW]):
            return True
    return False


# A person who is gone from a role, said after the name: "Dr Christofides has retired", "Dr Msiska
# has closed Smile Dental", "The dentist at the Seeb polyclinic, Dr Zadjali, has retired".
# (A teacher "moved to the secondary section" or who "went to the district office" has left the class.)
_GONE = re.compile(r"^(?:\s+[A-Z][\w'’-]+){0,2}\W{0,3}(?:has|have|had|just)?\s*(?:retired|closed|left|moved away|moved abroad|emigrated|passed away|died|stepped down|resigned"
                   r"|(?:moved|went|transferred)\s+(?:up\s+)?to\s+(?:the|another|a)\s+(?:[\w-]+\s+){0,2}(?:section|school|department|branch|class|grade|team|unit|office|ministry)\b)\b",
                   re.IGNORECASE)
# The line that says who it is now: "We are all going to Dr Chaponda ..., from now on", "The whole
# family moves to Dr Stella Evagorou", "We will go to Dr Vilayphone now".
_TAKES_OVER = re.compile(r"\b(?:from now on|now|new|moves? to|moving to|going to|go to|switched to|changed to|took over|taken over)\b", re.IGNORECASE)


_PLAIN_TITLES = ("Mr", "Mrs", "Ms", "Miss")
_FOLLOWS = 4  # lines after the one telling someone left, where the next line of the note is


def gone(text: str, person: str) -> bool:
    """Whether the line says `person` left the role (retired, closed, moved away)."""
    return any(_GONE.match(text[m.end():]) for m in _mentions(text, person))


def successor(value: str, chosen, statements, *, written, values) -> tuple["StatementHit", str] | None:
    """The person who took over from `value` (a person the notes say is gone: "Dr Msiska has closed
    Smile Dental (moved to the UK)"): a line written as the change, no earlier than the one that
    says they left, naming one other person with the same title ("We are all going to Dr Chaponda
    at Capital Dental Clinic, from now on"). None when no line says they left, or none names one."""
    title = re.match(r"(?:Dr|Dra|Prof|Mr|Mrs|Ms|Miss)\.?\s", value)
    if title is None:
        return None  # a titled person only: "Kit left early" says nothing of a role
    # (Mr Al-Hinai's class may go to Ms Al-Shukaili: the plain titles are one kind.)
    family = _PLAIN_TITLES if title.group(0).strip(" .") in _PLAIN_TITLES else (title.group(0).strip(" ."),)
    leaving = [st for st in [chosen, *statements] if st is not None and gone(st.text, value)]
    if not leaving:
        return None
    left = max((when_written(st, written) or (0, 0, 0) for st in leaving))
    for st in statements:
        # ("... so Yousuf's class has a new teacher. Class teacher: Ms Badriya Al-Shukaili": the
        # line right after the one that says they left says who followed, with no word of change.)
        follows = any(st.path == gone_st.path and 0 < st.line - gone_st.line <= _FOLLOWS for gone_st in leaving)
        if st.id == chosen.id or not (_TAKES_OVER.search(st.text) or follows):
            continue
        others = [v for v in values(st) if re.match(rf"(?:{'|'.join(family)})\.?\s", v) and not _mentions(v, value) and not _mentions(value, v)
                  and not gone(st.text, v)]
        when = when_written(st, written)
        if len({v.split()[-1] for v in others}) == 1 and (when is None or when >= left):
            return st, max(others, key=len)
    return None


def retiring_line(info: "QuestionInfo", best: "StatementHit", value: str, statements, *, terms, written, values) -> tuple["StatementHit", list[str]] | None:
    """A later line that retires the chosen value and says what replaced it: the page property
    "gym:: Basecamp Bouldering" against a journal's "Switched my climbing membership to Ledge
    Climbing Co. ... Cancelled Basecamp." (a page keeps its old value; the journal records the
    change). Returns that line and the values of the asked kind it gives besides the old one."""
    if not value:
        return None
    when_best = when_written(best, written)
    for st in statements:
        if st.id == best.id or not (info.terms & terms(st)) or not retired(st.text, value):
            continue
        when = when_written(st, written)
        if when_best and not (when and when > when_best):
            continue  # not later than the line it would overrule
        new = [v for v in values(st) if not _mentions(v, value) and not _mentions(value, v) and not retired(st.text, v)]
        return st, new
    return None
