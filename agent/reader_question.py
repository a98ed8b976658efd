"""What a question asks for, and how a follow-up question reads with the conversation before it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from pydantic import BaseModel

from agent.reader_text import _MONEY, _PHONE, DAY_MONTH_YEAR, IBAN_GROUPED, KIN, MONTHS, PERSON_ROLES, SENTENCE_OPENERS, STOP_WORDS, addresses, content_words, dates, emails, money, names, numbers, phones, stem, times
from memory.gloss import english_for

@lru_cache(maxsize=8192)
def gloss_stems(word: str) -> frozenset[str]:
    """The stems of the English a word of another language is glossed as ("contadora" -> accou...)."""
    return frozenset(stem(g) for g in english_for(word))


WANTS = ("date", "time", "phone", "email", "address", "money", "percent", "number", "temperature", "duration", "weight", "dose", "name", "place",
         "code", "ip")
_WEIGHT = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:kg|kgs|kilos?|kilograms?|lbs?|pounds|st|stone|кг)\b(?:\s?\d+(?:\.\d+)?\s?(?:lbs?|pounds)\b)?", re.IGNORECASE)
# "a 12 kg bag": the weight of the bag, a measure before the noun it describes.
_MODIFIES = re.compile(r"\s+(?!(?:and|or|now|then|at|in|on|by|from|to|today|this|last|with|since|after|before|but|so|as|of|for|is|was|when|which|that)\b)[a-z]{3,}\b")
_DOSE = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|micrograms?|milligrams?|g|ml|iu|units?|tablets?|pills?|puffs?|drops?|capsules?|мг|мкг|мл|г)\b", re.IGNORECASE)
_TEMPERATURE = re.compile(r"\b\d{2,3}\s?(?:°\s?[CF]?|degrees?(?: [CF]| celsius| fahrenheit)?|[CF]\b)|\bgas mark \d+", re.IGNORECASE)
_DURATION = re.compile(r"\b\d+(?:[.,]\d+)?(?:\s?(?:-|–|to)\s?\d+)?\s?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?)\b"
                       r"|\b(?:an?|one|two|three|four|five|six|ten|twenty|thirty|half an?) (?:minutes?|hours?|days?|weeks?|months?|years?)\b",
                       re.IGNORECASE)
# Things that are only ever answered by a code: the line must say the code, not that one exists
# ("I'll forget my locker combination", "the password is on the fridge").
CODE_NOUNS = re.compile(r"\b(password|passwords|passcode|pin|code|combination|combo|passphrase|pw|number|no|ref|reference|iban|vin|imei)\b")
# Of those, the secrets: a line may hold some other code beside the word ("account: ...4417" on
# the Netflix row is no password), so the word itself must be there.
SECRET_NOUNS = re.compile(r"\b(password|passwords|passcode|pin|code|combination|combo|passphrase|pw)\b")
_CODE = re.compile(r"(?<![\w@.])(?=[\w@#$%&*+=./-]*\d)[\w@#$%&*+=./-]{3,}|[\"“][^\"”]{3,40}[\"”]")


class QuestionInfo(BaseModel):
    text: str
    terms: set[str]  # content stems
    names: list[str]  # names the question itself uses
    want: str | None  # the kind of value the answer must contain, when the question says
    plural: bool  # "What are my sons called?" asks for all of them
    owners: list[str] = []  # whose value is asked: "Ma" in "Ma's phone number", "brother" in "my brother's"
    subject: str | None = None  # the thing named: "cat" in "What is my cat called?"
    now: bool = False  # asks for the current value ("now", "currently"): the newest note wins


def _question_names(text: str) -> list[str]:
    # A capital at the very start is grammar, not a name ("What", "Where", "Is"); "(PM)" is not one,
    # nor "IP" (what is asked, not whose).
    body = re.sub(r"^\W*\w+", "", text)
    # "UPI ID", "Steam ID": the ID is what is asked, the name is whose; notes write "UPI: ...".
    found = [re.sub(r"\s+ID$", "", n) for n in names(body)]
    found = [_given_month(body, n) for n in found]
    # Nor the kind of identifier asked ("What is the IBAN of my Ziraat account?", "my Meezan Bank IBAN").
    kinds = ("IP", "IPv4", "IPv6", "ID", "IBAN", "BIC", "VIN", "IMEI", "PIN", "SSID")
    found = [re.sub(rf"\s+(?:{'|'.join(kinds)})$", "", n) for n in found]
    return [n for n in found if n not in ABBREVIATIONS and n not in kinds]


def _given_month(body: str, name: str) -> str:
    """"Jun Wei", "May Chen", "April Lee": a month word right before a name is a given name in a
    question (a date there would come with a day or a year: "in June 2026", "on 3 May")."""
    m = re.search(rf"\b([A-Z][a-z]+) {re.escape(name)}\b", body)
    if m and m.group(1).lower() in MONTHS and not re.search(r"\d", name):
        return f"{m.group(1)} {name}"
    return name


_IP = re.compile(r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:/\d{1,2})?(?![\w.]*\d)")


# Things people call by a proper name: "which <one of these>" asks for that name.
_PLACE_KINDS = "city|town|village|country|county|island"
# Places are named beside their kind ("Hodnet's garage", "St Mary's school"); companies, apps and
# tools go by their bare names ("I joined Brightwater Robotics", "bought Trados").
_SITE_KINDS = ("school|garage|hospital|club|shop|store|bank|branch|restaurant|hotel|gym|surgery|pharmacy|chemist|"
               "university|college|church|pub|cafe|café|polyclinic|clinic|practice|supermarket|kindergarten|nursery|daycare")
_BARE_KINDS = "company|firm|agency|airline|band|team|app|tool|brand"
_NAMED_KINDS = f"{_SITE_KINDS}|{_BARE_KINDS}"


_KIN_NOUNS = r"(?:mom|mum|mother|dad|father|wife|husband|partner|brother|sister|son|daughter|aunt|uncle|grandma|grandpa|nan|gran|cousin|friend)"
_NUMBER_FOR_SOMEONE = re.compile(
    rf"\b(?:new |home |work )?number (?:for|of) (?:(?i:my|our|the) {_KIN_NOUNS}\b|[A-Z][a-z]+['’]s {_KIN_NOUNS}\b"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)*\s*\??\s*$)")


# "whats the vets number", "the plumber number": a person's number, typed without "phone".
_ROLE_NUMBER = re.compile(r"\b(?:vet|doctor|dentist|gp|plumber|electrician|mechanic|babysitter|nanny|landlord|landlady|teacher|"
                          r"coach|tutor|physio|builder|cleaner|neighbou?r)(?:'s|’s|s)? (?:new |home |work )?number\b(?! plate)")


# "the number of my ID card" is the card's number, not a count.
_OF_A_PAPER = (r"(?!\s+(?:my|our|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:card|passport|licen[cs]e|account|policy|contract|permit|"
               r"visa|membership|insurance|certificate)\b)")
# Identifiers asked as "the <kind> number of <something>".
_ID_BEFORE_OF = "".join(f"(?<!\\b{w} )" for w in (
    "plate", "serial", "frame", "chassis", "vin", "registration", "reg", "account", "policy", "member", "membership", "customer",
    "client", "contract", "meter", "reference", "booking", "order", "invoice", "tracking", "passport", "licence", "license",
    "tax", "vat", "card", "insurance", "model", "part", "sim", "imei", "lot", "batch", "flight", "cadastral"))


_SOMEBODY = frozenset("guy guys man lady woman bloke fella dude chap person people".split())


# A question asked in French, as a French-speaking user types it to notes in French: its
# question words and "my" in English, its articles left out ("Quel jour est la tontine ?" asks
# "which day tontine"); the words of what is asked stay, to meet the notes' own words.
_FRENCH_ASKS = [
    (r"^\W*quel(?:le)?s? (jour|heure|date)\b", lambda m: {"jour": "which day", "heure": "what time", "date": "what date"}[m.group(1).lower()]),
    (r"^\W*(?:c'est quoi|c koi|c quoi|quel(?:le)? est)\b", lambda m: "what is"),
    (r"^\W*où (?:habite|vit)\b", lambda m: "where does {} live"), (r"^\W*quand\b", lambda m: "when"), (r"^\W*où\b", lambda m: "where"),
    (r"^\W*combien\b", lambda m: "how much"), (r"^\W*qui(?: est)?\b", lambda m: "who is"),
]
_FRENCH_MY = {"mon": "my", "ma": "my", "mes": "my", "notre": "our", "nos": "our"}
_FRENCH_GLUE = re.compile(r"\b(?:est|sont|le|la|les|l'|l’|de|du|des|d'|d’|à|au|aux)(?=\s|\b)\s*", re.IGNORECASE)
# ... and in Spanish ("¿Dónde vivo?", "cuándo es el cumpleaños de mi tía?", "ricky cumple cuando").
_SPANISH_ASKS = [
    (r"^\W*(?:a\s+)?qu[eé] hora\b", lambda m: "what time"),
    (r"^\W*d[oó]nde (?:vivo|vivimos)\b", lambda m: "where do I live"), (r"^\W*d[oó]nde (?:vive|viven)\b", lambda m: "where does {} live"),
    (r"^\W*cu[aá]ndo\b", lambda m: "when"), (r"^\W*d[oó]nde\b", lambda m: "where"), (r"^\W*cu[aá]nt[oa]s?\b", lambda m: "how much"),
    (r"^\W*qui[eé]n(?: es)?\b", lambda m: "who is"), (r"^\W*(?:cu[aá]l|qu[eé]) es\b", lambda m: "what is"),
]
_SPANISH_MY = {"mi": "my", "mis": "my", "nuestro": "our", "nuestra": "our", "nuestros": "our", "nuestras": "our"}
_SPANISH_GLUE = re.compile(r"\b(?:es|son|el|la|los|las|de|del|al)(?=\s|\b)\s*", re.IGNORECASE)
_SPANISH_LAST = {"cuando": "when", "cuándo": "when", "donde": "where", "dónde": "where", "quien": "who", "quién": "who"}


def _in_english(question: str) -> str:
    for asks, mine, glue, words in ((_FRENCH_ASKS, _FRENCH_MY, _FRENCH_GLUE, "mon|ma|mes|notre|nos"),
                                    (_SPANISH_ASKS, _SPANISH_MY, _SPANISH_GLUE, "mi|mis|nuestr[oa]s?")):
        for pattern, english in asks:
            if (m := re.match(pattern, question, re.IGNORECASE)):
                rest = question[m.end():]
                rest = re.sub(rf"(?i)\b({words})\b", lambda w: mine[w.group(1).lower()], rest)
                rest = glue.sub("", rest).strip(" ?¿")
                asked = english(m)
                return asked.format(rest) + "?" if "{}" in asked else f"{asked} {rest}".strip() + "?"
    if (last := re.fullmatch(r"(?i)(.*\w)\s+(cuando|cuándo|donde|dónde|quien|quién)\W*", question.strip())):
        # "ricky cumple cuando": the question word said last, as a Spanish speaker types it.
        return f"{last.group(1)} {_SPANISH_LAST[last.group(2).lower()]}?"
    return question


def analyse(question: str) -> QuestionInfo:
    question = _in_english(question.strip())
    # Typed in a hurry: "wheres our ted live", "whos captain" are "where's", "who's".
    q = re.sub(r"\b(what|where|who|when|how)s\b", r"\1's", question.strip(), flags=re.IGNORECASE)
    q = re.sub(r"\b(?:wat|wht|whta|waht|wut)(s)?\b", lambda m: "what's" if m.group(1) else "what", q, flags=re.IGNORECASE)
    q = re.sub(r"^(\W*)wen\b", r"\1when", q, flags=re.IGNORECASE)  # at the start only: Wen is a name too
    q = re.sub(r"^(\W*)(?:wher|whre|wehre)(s)?\b", lambda m: f"{m.group(1)}where{chr(39) + 's' if m.group(2) else ''}", q, flags=re.IGNORECASE)
    q = re.sub(r"^(\W*)hw\b", r"\1how", q, flags=re.IGNORECASE)
    q = re.sub(r"\b(?:whcih|wich|whihc)\b", "which", q, flags=re.IGNORECASE)
    q = re.sub(r"\b(?:nr|nro|numbr|nmbr|numbre|nuber|numebr)\b\.?", "number", q, flags=re.IGNORECASE)  # "whats my passport nr"
    q = re.sub(r"\brn\b", "now", q)  # "what am i reading rn": right now (in lower case: "RN" is a nurse)
    # "gildas cant eat what??", "What can't Noa eat?": what a note calls an allergy.
    q = re.sub(r"\b(?:can'?t|cannot|can not|can’t)\s+(?:eat|drink)\b", "is allergic to", q, flags=re.IGNORECASE)
    low = q.lower().replace("’", "'")
    if (tail := re.fullmatch(r"(\W*(?!(?:what|which|who|whose|where|when|how)\b)\w.*?)\s+(where|when|who)\W*", low)):
        # Typed as it is said: "nagbo dossi stays where", "the recital is when??" ask as "where ...", "when ...".
        low = f"{tail.group(2)} {tail.group(1)}"
    qnames = _question_names(q)
    want: str | None = None
    if re.search(r"\b(what|which) time\b|\bat what hour\b|\bhow (?:late|early) (?:is|does|do|will|are|can)\b", low):
        want = "time"
    elif (_NUMBER_FOR_SOMEONE.search(q) or _ROLE_NUMBER.search(low)) and not re.search(r"\bhow (much|many)\b", low) or re.fullmatch(r"\W*[a-zà-ÿ][\w-]+ (?:num|no|nr|#|number|numero|numéro)\W*", low):
        # ("landry num?": a name and the word for a number, typed in a hurry, asks for the phone)
        want = "phone"  # "the number for Ezra's mom", "the number of Lopez Auto"
    elif (re.search(r"\b(phone|cell|cel|celular|mobile|telephone|helpline|hotline)\b|\b(?:support|help|customer|service) line\b", low) or re.search(r"\b(?:(?!(?:flight|car|bike|room|house)'s)\w+'s|her|his|their) (?:new |old |home |work )?number\b(?! plate)", low)) \
            and "whose" not in low and not re.search(r"\bhow (much|many)\b", low) \
            and not (re.search(r"^\W*(?:who|whom)\b", low) and re.search(r"\d[\d\s().-]{4,}\d", low)):
        # "Dev's number", "my brother's number": a person's number is their phone.
        # ("Who has the phone number 600 118 425?" gives the number and asks whose it is.)
        # (not "How much was the phone case?")
        want = "phone"
    elif re.search(r"\be-?mail\b", low) and "whose" not in low:
        want = "email"
    elif re.search(r"\bip(?:v4|v6)?\b", low) and "whose" not in low and not re.search(r"^\W*(?:which|what) (?:\w+ )?(?:host|server|machine|box|device)\b", low):
        want = "ip"  # "What's the IP address of the Home Assistant Pi?": 192.168.1.23, not a street
    elif re.search(r"\baddress\b", low) and not re.search(r"\b(e-?mail|ip|web|mac)\s+address\b|\bwhose\b", low):
        want = "address"
    elif re.search(r"\b(?:post ?code|postal code|zip(?: ?code)?)\b", low) and not re.search(r"^\W*(?:who|whose)\b", low):
        want = "code"  # "What's the postcode of our house?": the code in the address ("Jalan Gadong BE1118")
    elif CODE_NOUNS.search(low) and not re.search(r"^\W*(who|whose|when|where|why|how)\b|" + _ID_BEFORE_OF + r"\bnumber of\b" + _OF_A_PAPER + r"|\d{3}", low):
        # "the number of guests" is a count; "the plate number of our car" is the car's plate.
        want = "code"
    elif re.search(r"\b(?:dose|dosage|doses)\b|\bhow (?:much|many)\b.*\b(?:take|give)\b", low) and not re.search(r"\b(cost|price|pay|paid)\b", low):
        want = "dose"  # "How much is Momo's methimazole dose now?": 1.25 mg, not an amount of money
    elif (re.search(r"\bweigh(?:s|ed)?\b|\bweight\b|\bhow heavy\b", low) and not re.search(r"\b(cost|price|pay|paid)\b", low)
          # "how much borlotti did I get this year": a harvest is weighed, not paid for
          or re.search(r"\bhow much\b[\w\s]*\b(?:did|do|have|has)\s+(?:i|we)\s+(?:get|got|harvest(?:ed)?|pick(?:ed)?|grow|grown|lift(?:ed)?)\b", low)
          # ("how much rent do we get for the flat": money comes in as rent, a pension, a fee.)
          and not re.search(r"\b(cost|price|pay|paid|spend|spent|earn|charge|owe|worth|back|refund|rebate|claim|tax|rent|rental|fees?|"
                            r"salary|wages?|pension|allowance|income|interest|dividends?|bonus|stipend|tips?)\b", low)
          # "how much cpp do i get a month": an amount paid every month is an income, not a harvest
          and not re.search(r"\b(?:a|per|each|every)\s+(?:month|week|fortnight|year)\b|\b(?:monthly|weekly|yearly|annually)\b", low)):
        want = "weight"  # "What do I weigh at the moment?": a weight in kg or lb, not a price
    elif re.search(r"\binterest rate\b|\brate of interest\b|\b(?:vat|tax) rate\b|\bapr\b|\b(?:how many|what) (?:percent|per cent|%)|\bpercentage\b", low):
        want = "percent"  # "What interest rate does my deposit pay?": 19 %, not the deposit's amount
    elif (re.search(r"\bhow much\b|\bprice\b|\bcost\b|\bsalary\b", low)
          # "Which bank does my salary go to?" asks for the bank, not the salary.
          and not re.search(r"^\W*(?:which|what) (?:bank|account|company|employer|insurer)\b", low)) or (
            # "When do I have to pay the invoice by?" asks for a date, not an amount.
            # "What's the mortgage payment now?", "the monthly instalment", "the premium".
            re.search(r"\bpa(y|id)\b|\bsell\b|\bsold\b|\bspend\b|\bspent\b|\bearn\b|\b(?:re)?payments?\b|\binstal+ments?\b|\bpremiums?\b", low)
            # "What does Mama sell at the market?" asks what she sells ("What did I sell it for?" a price).
            and not re.search(r"^\W*what (?:do|does|did)\b(?!.*\bfor\b).*\bsells?\b", low)
            and not re.search(r"^\W*(when|where|who|whom|which|how often)\b|\b(?:until|till|til|by) when\b"  # "Until when is the road tax paid?"
                              r"|\bpayment (?:date|day|method|reference|terms?|plan|link|app)\b", low)):
        want = "money"
    elif re.search(r"\bwhat (temperature|temp)\b|\bhow hot\b", low):
        want = "temperature"
    elif re.search(r"\bhow long\b(?! (?:is|was|are) (?:the|my|it) (?:road|river|bridge|trail|drive|flight|book))", low):
        want = "duration"
    elif re.search(r"\bhow (many|old|far|fast|tall|heavy|big|often)\b|\bwhat (size|age|percentage)\b", low):
        want = "number"
    elif re.search(r"^\W*when\b|\b(what|which) (day|date|year|month|week|weekday|evening|night|morning|afternoon)s?\b|\bwhat year\b"
                   r"|\b(?:until|till|til|by) when\b|\b(?:deadline|due date|expiry date|expiration date)\b"
                   # "What's Isla's date of birth?", "what's the start date"
                   r"|\bdate of (?:birth|issue|expiry)\b|\bd\.?o\.?b\b|\b(?:birth|start|end|release|launch|renewal|wedding|moving|move-in|move-out)\s*date\b", low) or (
            re.search(r"\b(birthday|bday|b-day|anniversary)\b", low)
            # "What did I buy Obinna for his birthday?" asks for a thing, not a date.
            and not re.search(r"^\W*(?:what|which|who)\b(?:\s+\w+)?\s+(?:did|do|does|should|will|can|could|would)\s", low)):
        want = "date"
    elif re.search(r"^\W*(who|whom)\b", low) and (not qnames or re.search(r"^\W*who(?:'s| is| was| are)\s+(?:my|our|[\w-]+'s)\s", low)
                                                  or not re.search(r"^\W*who(?:'s| is| was| are| were)\b", low)
                                                  # "Who is renting the Koper flat now?", "Who is the tenant in
                                                  # the Pokhara flat?": someone doing it, not what Koper is.
                                                  or re.search(r"^\W*who(?:'s| is| was| are| were)\s+(?:the|a|an|[a-z]+ing)\s", low)):
        # "Who is my manager?" wants a name; "Who is Pixel?" (a name given) asks what Pixel is;
        # "Who is my editor at Editora Maré?", "Who is Otis's teacher?" want the editor's and the
        # teacher's names; "Who lives in Flat B?" asks for someone who does something, not what Flat
        # B is.
        want = "name"
    elif re.search(r"\b(name|names|called|named)\b", low) and not re.search(r"\bwhose\b", low):
        want = "name"
    elif re.fullmatch(r"\W*where(?:'s| is)\s+(?:my|our|the)\s+(?:flat|apartment|house|home|condo)\W*", low):
        want = "address"  # "Where is my apartment?" is its street and number, not the town's name
    elif re.search(r"^\W*where\b", low) or re.search(rf"\b(?:which|what) (?:{_PLACE_KINDS})\b", low):
        want = "place"
    elif re.search(rf"\b(?:which|what) (?:[a-z]+ )?(?:{_NAMED_KINDS})\b", low):
        # "Which garage fixed the car?" wants the garage's name; a line that says only "the
        # garage" does not answer it.
        want = "name"
    plural = bool(re.search(r"\b(are|were)\b.*\b\w+s\b", low) or re.search(r"\bnames\b|\ball\b|\beach\b", low))
    owners = [m.group(1) for m in re.finditer(r"\b([\w-]+)'s\b", low) if m.group(1) not in ("what", "who", "where", "when", "how", "it", "that", "there", "here")
              # "the aircon guy's number": the guy is whoever services the aircon, which the line
              # says ("Chong Aircond 012-552 3109"); no line calls him "guy".
              and not (m.group(1) in _SOMEBODY and re.search(rf"\b(?!(?:my|our|the|that|this|a)\b)[a-z]{{3,}} {m.group(1)}'s\b", low))
              # "my driver's licence" is the user's licence: a kind of licence, nobody's ("Licence
              # renewed, valid to 08/11/2031" is the one asked of).
              and not re.match(r"'s (?:licen[cs]e(?! plate)|permit|manual)\b", low[m.end(1):])
              # "New Year's Eve", "St Patrick's Day": a possessive inside a name is no owner.
              # (Not the name's first word: "Škoda's Pickerl" is the Škoda's.)
              and not any(re.search(rf"\w\s+(?i:{re.escape(m.group(1))})['’]s [A-Z]", n) for n in qnames)]
    subj = re.search(r"\b(?:my|our) (?:[a-z]+ )??([a-z]+)(?:\s+(?:is |are )?(?:called|named|name)\b|'s name\b|\s*\??$)", low)
    if subj is None:
        subj = re.search(r"\bname of (?:my|our) (?:[a-z]+ )?([a-z]+)\b", low)
    subject = subj.group(1) if subj else None
    if subject is None and want == "name" and owners and owners[-1] not in {n.lower() for n in qnames}:
        subject = owners[-1]  # "What is Dev's wife's name?" names the wife
    now = bool(re.search(r"\b(now|current|currently|latest|these days|still|anymore|today)\b", low))
    return QuestionInfo(text=q, terms=content_words(q), names=qnames, want=want, plural=plural, owners=owners,
                        subject=subject, now=now)


# A bare number is an amount only where the text says so ("amount: 2450.00; currency: CAD"), not
# a frame number or a year ("Cargo bike: Frame number UA-4410-7726" does not say what it cost).
_MONEY_WORDS = re.compile(
    r"(?<![a-z])(amount|price|prices|cost|costs|costed|paid|pay|fee|fees|premium|premiums|levy|levies|rent|salary|budget|total|spent|spend|sold|"
    r"bought|charge|charged|deposit|refund|currency|cad|usd|eur|gbp|jpy|inr|yen|dollars?|euros?|pounds?|rupees?|bucks|quid)(?![a-z])", re.IGNORECASE)


# "I ring her every evening around 8": an hour said without a clock's colon or am/pm.
_LOOSE_HOUR = re.compile(r"\b(?:around|about|at|by|from|until|till|before|after) (\d{1,2}(?:[.:]\d\d)?)\b(?![.:/,]?\d)"
                         r"(?!\s*(?:%|km|kg|g|mph|people|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times?|x)\b)")


# A 24-hour clock written without its colon, as a shift log does ("code blue 0245", "left 0930"):
# only with the leading zero, which no year, count or price has.
_MILITARY_HOUR = re.compile(r"(?<![\w.,:/+#-])0\d[0-5]\d(?![\w.,:/-])")


def _loose_hours(text: str) -> list[str]:
    return [m.group(0) for m in _LOOSE_HOUR.finditer(text) if int(re.split(r"[.:]", m.group(1))[0]) <= 23] or _MILITARY_HOUR.findall(text)


def _money_columns(text: str) -> list[str]:
    """In a table row ("order_id: 1045; ...; price_gbp: 25; deposit_gbp: 0") the amounts are the
    values of its money columns, not its ids or phone numbers."""
    pairs = re.findall(r"(?:^|;\s*)([\w ]+?):\s*([^;]+)", text)
    if len(pairs) < 2:
        return []
    return [v.strip() for k, v in pairs if _MONEY_WORDS.search(k) and re.fullmatch(r"[\d.,]+", v.strip())]


_COUNTED = re.compile(r"\s*(?:wks?|weeks?|days?|nights?|months?|mths?|years?|yrs?|hours?|hrs?|mins?|minutes?|times|x|people|persons)\b",
                      re.IGNORECASE)


# The words a number names a thing after (its ward, plan, box, flight): no amount follows them.
_NUMBERED = re.compile(r"(?i)\b(?:ward|plan|box|no\.?|nr\.?|room|floor|apt\.?|apartment|unit|lot|route|bus|line|gate|platform|seat|"
                       r"section|sector|class|grade|year|form|std\.?|standard|level|stage|round|page|chapter|version|model|"
                       r"series|gen|phase|zone|district|block|exit|flight|train|terminal|#)\s*$")


def _bare_amounts(text: str) -> list[str]:
    """Numbers without a currency in a line that speaks of money ("paid 45 for the subs"); not a
    year, a date ("Log: 2026-11-02: Trados bought") nor a group of a phone number ("+351 21 555 0199")."""
    phone_spans = _phone_spans(text)
    out = []
    found_dates = dates(text)
    for n in numbers(text):
        if not any(c.isdigit() for c in n) or n in found_dates or _in_date(n, text, found_dates) or re.fullmatch(r"(?:19|20)\d\d", n):
            continue
        if re.fullmatch(r"(?:0?[1-9]|1[0-2])[/.-](?:19|20)\d\d", n):
            continue  # "road tax paid 12/2025": a month, not an amount
        if re.search(r"[A-Za-z]", n):
            continue  # "Booking ref MF-6120-SD": an identifier, not an amount
        if re.fullmatch(r"(?:[01]?\d|2[0-3]):[0-5]\d", n):
            continue  # "until 17:00, paid at the office": a time of day
        at = [mm.start() for mm in re.finditer(re.escape(n), text)]
        if at and all(_within(i, phone_spans) for i in at):
            continue
        alone = [mm.end() for mm in re.finditer(rf"(?<![\w.,]){re.escape(n)}(?![\w.,])", text)]
        if alone and all(_COUNTED.match(text, i) for i in alone):
            continue  # "rent 2 wks": a count of weeks, not an amount
        if alone and all(re.match(r"\s?(?:%|percent\b|per cent\b)", text[i:]) for i in alone):
            continue  # "10% tax on the rent": a rate, not an amount
        starts = [mm.start() for mm in re.finditer(rf"(?<![\w.,]){re.escape(n)}(?!\w|[.,]\d)", text)]
        if starts and all(_NUMBERED.search(text[:i]) for i in starts):
            continue  # "property tax to the ward 6 office", "PLDT Fiber Plan 1699": a number that names, not an amount
        out.append(n)
    return out


def _phone_spans(text: str, *, spaced: bool = False) -> list[tuple[int, int]]:
    """Where a phone number stands (nine digits or more; `spaced`: written in groups), so its
    groups are not read as amounts or codes."""
    return [(p.start(), p.end()) for p in _PHONE.finditer(text)
            if sum(c.isdigit() for c in p.group(0)) >= 9 and (not spaced or re.search(r"\s", p.group(0)))]


_WHOLE_DATE = re.compile(r"\d{1,4}([-/.])\d{1,2}\1\d{2,4}")


def _in_date(number: str, text: str, found: list[str] | None = None) -> bool:
    """"13" in "due 13 Oct" is a day, not a count (`found`: the text's dates, when known)."""
    return any(number in re.split(r"[-/,.\s]+", d) for d in (dates(text) if found is None else found) if d != number)


def birthday_dates(values: list[str]) -> list[str]:
    """A birthday or an anniversary falls on a day of a month, not on "Sundays" or "2019"."""
    from agent.reader_text import FOREIGN_MONTHS, MONTHS
    def day_month(v: str) -> bool:  # "17/04", "4.12"; not an amount ("40.00")
        m = re.search(r"(\d{1,2})[/.-]\s?(\d{1,2})", v)  # also "14. 2. 2021", "09-09"
        return bool(m) and 1 <= min(int(m.group(1)), int(m.group(2))) <= 12 and max(int(m.group(1)), int(m.group(2))) <= 31

    return [v for v in values if re.search(rf"\d{{4}}([-/.])\d\d\1\d\d|{DAY_MONTH_YEAR}|\d\s*[월月]\s*\d", v) or day_month(v) or any(m in v.lower().split() for m in [*MONTHS, *FOREIGN_MONTHS])
            or any(v.lower().startswith(m) for m in MONTHS)]


def _initials_of_words(value: str, text: str) -> bool:
    """"engineering manager (EM)", "product manager (PM)": capitals that abbreviate the words just
    before them name a role, not a person or a place."""
    if not re.fullmatch(r"[A-Z]{2,5}", value):
        return False
    m = re.search(rf"((?:[\w-]+\s+){{{len(value)}}})\(\s*{value}\s*\)", text)
    return bool(m) and "".join(w[0] for w in m.group(1).split()).upper() == value


# Words of a question that name the kind of value it wants ("which days", "how much"), not a thing.
KIND_WORDS = {
    kind: {stem(w) for w in words.split()}
    for kind, words in {
        "phone": "phone number mobile cell telephone tel",
        "email": "email e-mail mail address",
        "address": "address home live street",
        "money": "cost costs price much pay paid spend spent amount",
        "date": "date day year month when deadline due",
        "place": "place city town village country county island where live lives living based",
        "time": "time hour",
        "number": "number many much old long",
        "temperature": "temperature temp hot oven degrees",
        "percent": "percent percentage rate interest apr",
        "weight": "weight weigh heavy kg kilos",
        "dose": "dose dosage doses strength take much milligram milligrams microgram micrograms mg mcg",
        "duration": "long time",
        "code": "code number no num ref reference postcode zip postal",
        "ip": "ip address",
    }.items()
}


_PERCENT = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,]\d{1,3})?\s?(?:%|(?:percent|per cent|procent|prozent|pour cent|por ciento|por cento|per cento)\b)",
                      re.IGNORECASE)


# A chat export's message as memory writes it: its day, its time and who wrote it ("2026-05-16:
# 09:00 Leonie Garbutt: ..."; Slack, Mattermost).
CHAT_POST = re.compile(r"^(?:\d{4}-\d{2}-\d{2}: )?\d{1,2}:\d{2} ([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}): ")


def typed_values(text: str, want: str | None, exclude: str = "") -> list[str]:
    """Values of the wanted kind in `text`, minus those the question already states."""
    if want is None:
        return []
    if want in ("name", "place") and (post := CHAT_POST.match(text)):
        # "16:20 Leonie Garbutt: Amaya read fi mi di whole book": who wrote a chat message is
        # no name the message gives (Amaya's teacher is not Leonie).
        text = text[:post.start(1)] + text[post.end():]
    found = {
        "date": lambda t: dates(t) + times(t),
        "time": lambda t: times(t) or _loose_hours(t),
        "phone": phones,
        "money": lambda t: money(t) or _money_columns(t) or (_bare_amounts(t) if _MONEY_WORDS.search(t) else []),
        # (A count or a size, not a model's or a serial's code: "SUN-5K" is no number of panels,
        # "WTU244C1187" no frame size; "EU 38", "No. 17" and a spelled "four" are.)
        # (Nor a whole date: "Installed 14/03/2024" counts no panels.)
        # (Nor a clock's "5:15-6" of "5:15-6:15pm", nor a CSV's "185,13/10/2026" run together.)
        "number": lambda t: [n for n in numbers(t) if not _in_date(n, t) and not (re.match(r"[^\W\d_]{3}", n) and re.search(r"\d", n))
                             and not _WHOLE_DATE.fullmatch(n) and not re.search(r"\d:\d\d-|/\d{4}\b", n)],
        "temperature": lambda t: [m.group(0) for m in _TEMPERATURE.finditer(t)],
        "percent": lambda t: [m.group(0) for m in _PERCENT.finditer(t)],
        "weight": lambda t: [m.group(0) for m in _WEIGHT.finditer(t) if not _MODIFIES.match(t, m.end())],
        "dose": lambda t: [m.group(0) for m in _DOSE.finditer(t)],
        "duration": lambda t: [m.group(0) for m in _DURATION.finditer(t)],
        "name": _typed_names,
        "place": lambda t: [v for v in _typed_names(t) if not keyed_person(v, t)],
        "email": emails,
        "address": lambda t: addresses(t) or labelled_addresses(t),
        "code": lambda t: _codes(t, exclude),
        "ip": lambda t: _IP.findall(t),
    }[want](text)
    gone = {v.lower() for v in names(exclude) + numbers(exclude) + dates(exclude)}
    gone |= {w.lower() for w in re.findall(r"\w+", exclude)}
    gone |= _apostrophe_dropped(exclude)
    return [v for v in found if v.lower() not in gone and not all(w.lower() in gone for w in v.split())]


# Places known by their kind and a number: "Escuela 119", "Polyclinic No. 17", "гимназия №176",
# "School No. 110". (Not a year: "school 2019".)
_NUMBERED_SITE = re.compile(r"(?<![\w-])([^\W\d_][\w'’-]*)\s+((?:No\.?|Nr\.?|N[°º]|№|#)\s*)?(\d{1,4})\b(?![.,:/]\d)")
_NUMBERED_KINDS = frozenset("school kindergarten nursery polyclinic clinic hospital lyceum gymnasium college academy".split())


def keyed_person(value: str, text: str) -> bool:
    """A record's "Name: Emma" names a person (and "Name" its key), not the place "Where was I born?"
    asks for."""
    return value.lower() in ("name", "full name", "who", "person") or re.search(
        rf"(?:^|[;|]\s*)(?:name|full name|who|person)\s*:\s*{re.escape(value)}\b", text, re.IGNORECASE) is not None


def _typed_names(text: str) -> list[str]:
    # One letter is no one's name ("B&B admin", a "flat: B" column).
    return _with_numbered_sites([n for n in names(text) if len(n.strip(".")) > 1 and not _initials_of_words(n, text)], text)


def _with_numbered_sites(found: list[str], text: str) -> list[str]:
    """`found` with each numbered place whole, in place of the bare kind word names() saw."""
    sites = []
    for m in _NUMBERED_SITE.finditer(text):
        kind = m.group(1)
        if re.fullmatch(r"(?:19|20)\d\d", m.group(3)) and not m.group(2):
            continue
        if kind.lower() in _NUMBERED_KINDS or english_for(kind) & _NUMBERED_KINDS:
            # With the capitalised words before it: "Public School No. 51".
            before = re.search(r"(?:[A-Z][\w'’-]* )+$", text[:m.start()])
            sites.append(text[before.start() if before else m.start():m.end()])
    if not sites:
        return found
    # A name inside a site's span is that site cut short ("Public School No", "Escuela").
    out = [n for n in found if not any(n in site for site in sites)]
    return sorted(out + [site for site in sites if site not in out], key=text.find)


def _apostrophe_dropped(question: str) -> set[str]:
    """The names a question typed in lower case gives with a possessive but no apostrophe
    ("tofus vet", "mums gp"): "tofu", "mum", so that Tofu is not the answer about Tofu."""
    if question != question.lower():
        return set()
    return {w[:-1] for w in re.findall(r"\w+", question) if len(w) >= 4 and w.endswith("s") and not w.endswith("ss")}


_NOT_STREET_LABEL = re.compile(r"\b(?:ip|mac|e-?mail|mail|web|url|server|wallet|bitcoin|btc|eth)\b", re.IGNORECASE)


def labelled_addresses(text: str) -> list[str]:
    """What a line labels as an address, in any language the glosses know ("Διεύθυνση: Κομνηνών
    48, 551 32 Καλαμαριά", "כתובת: רחוב טרומפלדור 41, חיפה"), when it holds a house number and a
    word: the street patterns of `addresses` know the Latin and Cyrillic ways of writing one, a
    label says it in every script. Not an IP, e-mail or web address."""
    out = []
    for segment in text.split(";"):
        parts = segment.split(":")
        for label, value in zip(parts, parts[1:]):
            label, value = label.strip(), value.strip(" ,.")
            # The label is what the last sentence before the colon says: "Déménagement fini !!
            # Nouvelle adresse : cité des Filaos, villa 12".
            label = re.split(r"[.!?]\s+", label)[-1].strip()
            if not label or _NOT_STREET_LABEL.search(label) or "@" in value:
                continue
            # (Or names the street, as a contacts export's column does: "Home Street: Jeremenkova 24".
            # Or says it is where someone lives: "Apartamento Pocitos (where we live, alquilado):
            # Juan Benito Blanco 1173 apto. 502", "Vivimos en arriendo: Carrera 27B # 37 Sur-45".)
            said = (len(label.split()) <= 3 and (label.lower().endswith("address") or "address" in english_for(label))
                    or len(label.split()) <= 4 and re.search(r"\bstreet(?: \d)?$", label.lower())
                    or len(label.split()) <= 8 and _LIVES.search(label))
            # Where streets have no numbers, an address is told by its landmarks and town:
            # "adresse: Nzeng-Ayong, derrière la pharmacie des Trois Quartiers, Libreville".
            landmarks = "," in value and re.search(r"\b[A-Z][\w'’-]{2,}", value)
            if said and (re.search(r"\d", value) or landmarks) and re.search(r"[^\W\d_]{3}", value):
                out.append(value[:80].rstrip(" ,"))
    for m in _LIVES_AT.finditer(text):
        # "Gogo Nokuthula lives at NY 112 No. 23, Gugulethu.": to the sentence's end.
        value = re.split(r"(?<!\bNo)(?<!\bno)\.(?:\s|$)|;", m.group(1))[0].strip(" ,.")
        if re.search(r"\d", value) and re.search(r"[^\W\d_]{2}", value) and not dates(value):
            out.append(value[:80].rstrip(" ,"))
    # One cut inside a bracket ends before the bracket: "..., Envigado (estrat".
    return [a[:a.rfind("(")].rstrip(" ,;") if a.count("(") > a.count(")") else a for a in out]


_LIVES = re.compile(r"\b(?:we|i|they|he|she)\s+live\b|\blives\b|\bliving\b|\bviv(?:o|imos|e|en)\b", re.IGNORECASE)
_LIVES_AT = re.compile(r"\b(?:lives?|living|stays?|staying)\s+at\s+([^;\n]{3,80})", re.IGNORECASE)


# An identifier labelled as another kind than the asked one: "account BL-330981" is no alarm code,
# "password hint: ..." no password, "policy SBM-7730142" no PIN.
_ID_LABEL = re.compile(r"\b(account|acct|policy|member(?:ship)?|serial|ref|reference|booking|order|invoice|tracking|reg|"
                       r"registration|plate|flight|seat|room|model|tag|hostname|hint|iban|sku|employee|staff|customer|client|"
                       r"passport|ean|mprn|mpan|meter)\b(?:\s*(?:no\.?|number|#))?\s*:?\s*$",
                       re.IGNORECASE)


_ID_SHORT = {"acct": "account", "ref": "reference", "reg": "registration", "membership": "member", "staff": "employee",
             "client": "customer"}
# The words a question may ask a labelled identifier by: a staff number is the employee number.
_ID_ASKED_AS = {"employee": ("employee", "staff", "personnel", "payroll", "work"), "customer": ("customer", "client", "account"),
                "meter": ("meter", "ean", "mprn", "mpan"), "ean": ("ean", "meter", "connection", "supply"),
                "mprn": ("mprn", "meter", "gas"), "mpan": ("mpan", "meter", "electricity"),
                # "What's the car insurance number?": the policy's ("Versicherung: HUK-COBURG, Vertragsnummer 845/221893-K").
                "policy": ("policy", "insurance", "insurer"), "contract": ("contract", "policy", "insurance")}
# A label in the line's own language, by its gloss: "póliza LA-88301562" is a policy's number.
_GLOSSED_ID_KINDS = frozenset("policy customer employee passport invoice contract".split())


def _labelled_otherwise(before: str, question: str) -> bool:
    """The label right before a code names another kind of identifier than the one asked: "Employee
    number MF-20417" answers no passport question; "póliza LA-88301562" no employee number."""
    asked = _long_ids(question)
    label = _ID_LABEL.search(before)
    if label:
        kind = _ID_SHORT.get(label.group(1).lower(), label.group(1).lower())
        return not any(w in asked for w in _ID_ASKED_AS.get(kind, (kind,)))
    word = re.search(r"([^\W\d_][\w.-]*)\s*[:#]?\s*$", before)
    kinds = (english_for(word.group(1)) & _GLOSSED_ID_KINDS) if word else set()
    return bool(kinds) and not any(w in asked for k in kinds for w in _ID_ASKED_AS.get(k, (k,)))

_IBAN = re.compile(rf"(?<![\w-]){IBAN_GROUPED}(?![\w-])")

_GROUPED = re.compile(r"(?<![\w.,])\d{1,4}(?: \d{2,4}){1,5}(?![\w]|[.,]\d)")
_NUMBER_WORD = re.compile(r"(?i)\b(?:number|no|nr|num|nummer|numer|numero|número|szám|száma|číslo|broj|numri|numara|nomor|nombor|номер|αριθμός|số"
                          r"|serial|account|policy|customer|meter|contract|reference|ref)\.?\s*[:#,]?\s*$")

# Identifiers that run to several digits: a value with fewer is something else ("ID.3", "Q5").
_LONG_ID_KINDS = frozenset("account acct policy passport serial frame chassis vin customer client employee staff".split())

# A number written right after the word for a phone is the phone's, whatever its groups look like;
# a question that names another identifier ("bank account number") is not answered by it.
_PHONE_NAMES = r"\b(?:mobile|cell(?:phone)?|phone|tel|telephone|handy|whatsapp)"
_PHONE_WORD = re.compile(_PHONE_NAMES + r"\b", re.IGNORECASE)
_PHONE_LABEL = re.compile(_PHONE_NAMES + r"(?:\s+(?:no\.?|number|#))?\s*[:.]?\s*$", re.IGNORECASE)


_PLATE_ASKED = re.compile(r"\b(?:plates?|registration|reg|rego|kenteken|numberplate)\b", re.IGNORECASE)


def a_plate_asked(question: str, values: list[str]) -> bool:
    """The question asks a number plate and each value is written as one ("RZK 19D")."""
    return bool(values) and _PLATE_ASKED.search(question) is not None and all(_plates(v) == [(0, len(v))] for v in values)


def _plates(text: str) -> list[tuple[int, int]]:
    """Where `text` writes a number plate: two to four groups of up to four capitals or digits,
    one space apart, with both letters and digits ("RZK 19D", "B 1927 PKS", "245 AOE 02",
    "กข 5531"); not an amount, a date, an hour or a model and its year ("BMW X5 2019")."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []

    def close() -> None:
        span = text[run[0][0]:run[-1][1]] if run else ""
        letters, digits = sum(c.isalpha() for c in span), sum(c.isdigit() for c in span)
        if (2 <= len(run) <= 4 and letters and digits >= 2 and letters + digits >= 5 and not money(span)
                and not any(not re.fullmatch(r"\d{4}", d) for d in dates(span))
                and not re.search(r"\d[:.h]\d\d|\b(?:AM|PM)\b", span)
                and not any(re.fullmatch(r"(?:19[89]|20[0-3])\d", text[a:b]) for a, b in run)):
            out.append((run[0][0], run[-1][1]))
        run.clear()

    for m in re.finditer(r"[^\W_]+", text):
        fits = len(m.group(0)) <= 4 and not any(c.islower() for c in m.group(0))
        if not fits or run and text[run[-1][1]:m.start()] != " ":
            close()
        if fits and (run or not re.search(r"[\w.,/-]$", text[:m.start()])):
            run.append((m.start(), m.end()))
    close()
    return out


def _within(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= at < b for a, b in spans)


def _long_ids(text: str) -> str:
    return re.sub(r"\b(acct|ref|reg)\b", lambda m: _ID_SHORT[m.group(1)], text.lower())


# Every currency's sign ("₺500" is an amount in lira, not a code), as Unicode lists them.
_CURRENCY_SIGNS = "£$€¥₹₺₽₩₪₫₱₴₦₨₭₮₲₵₡¢₸₼₾฿"


# A code's own label right before it, in the languages notes mix in.
_CODE_LABEL = re.compile(r"(?i)\b(?:code|kode|kod|koda|codice|c[oó]digo|pin|passcode|adgangskode|türcode|zugangscode)\s*[:=#]?\s*$")


# A quoted cell that holds only an amount ('"-3 650,00 Kč"', '"1,0000"' in a GnuCash export): no
# code. Bare digits stay one ('"4821"' may be a door code), as does "12.34.56".
_AMOUNT_CELL = re.compile(rf"[-+\u2212]?\s?[{_CURRENCY_SIGNS}]?\s?\d{{1,3}}(?:[ \u00a0.,']\d{{3}})*(?:[.,]\d+)?"
                          rf"\s?(?:[{_CURRENCY_SIGNS}]|[^\W\d_]{{1,3}}\.?)?")

# A 32-digit hex GUID (a GnuCash transaction id, an MD5) names a record for a program, not a
# number a person is asked for, unless the question asks for such an id or key.
_GUID = re.compile(r"[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_ASKS_GUID = re.compile(r"\b(?:id|ids|guid|uuid|hash|checksum|md5|key|token|secret)\b", re.IGNORECASE)


def _labelled(before: str, named: re.Match | None, text: str = "") -> bool:
    """The word right before a number says it is the asked kind of identifier, in the note's own
    language: "cuenta 40 11 558 230 7" is the account number, though its groups look like a phone's.
    A bare "number:" does where the line speaks of the asked kind (of a bank, for an account) and of no
    phone: "bank: MCB; what: current account; number: 000 447 219 836" is the account's number."""
    if named is None:
        return False
    label = re.search(r"([^\W\d_]+)\W{0,3}$", before)
    if label is None:
        return False
    asked = _ID_SHORT.get(named.group(1).lower(), named.group(1).lower())
    if asked == label.group(1).lower() or asked in english_for(label.group(1)):
        return True
    # (The line may write the kind short: "GIRO, acct no. 9302 4418 57".)
    spellings = [named.group(1), asked, *(short for short, long in _ID_SHORT.items() if long == asked)]
    return (_NUMBER_WORD.search(before) is not None and not _PHONE_WORD.search(text)
            and re.search(r"\b(?:" + "|".join(map(re.escape, spellings)) + ")" + (r"|\bbank\b" if asked == "account" else ""), text, re.IGNORECASE) is not None)


_SPAN_WORD = re.compile(r"\d+(?:[.,]\d+)?-(?:second|minute|min|hour|hr|day|night|week|month|year|yr|km|mile|metre|meter|kg|litre|liter|"
                        r"person|seat|door|storey|star|page|piece|part)s?", re.IGNORECASE)


def _codes(text: str, question: str) -> list[str]:
    out = []
    # A phone number's groups ("07700 900318") are no account number or door code; a bare
    # "number" ("kasias number pls") may be the phone.
    named = re.search(r"\b(account|acct|policy|member(?:ship)?|reference|ref|invoice|order|booking|vat|tax|pin|code|password|passcode|"
                      r"passport|serial|frame|chassis|vin|registration|reg|plate|employee|staff|customer|client)\b",
                      question, re.IGNORECASE)
    # An IBAN written in groups ("LT62 7300 0100 5558 4123") is one number, not a code and a phone's groups.
    ibans = [(m.start(), m.end()) for m in _IBAN.finditer(text)]
    out += [text[a:b] for a, b in ibans]
    phone_spans = [(a, b) for a, b in (_phone_spans(text, spaced=True) if named else []) if not _within(a, ibans)]
    # ... unless the word before them names them as the identifier asked: "cuenta 40 11 558 230 7".
    out += [text[a:b].strip(" .,;") for a, b in phone_spans if _labelled(text[max(0, a - 24):a], named, text)]
    # A number in short groups after a word for "number" ("gyári szám 24 817 339", "Nr. 4410 22") is
    # one identifier, not an amount's groups.
    grouped = [(m.start(), m.end()) for m in _GROUPED.finditer(text) if _NUMBER_WORD.search(text[max(0, m.start() - 16):m.start()])
               and not _within(m.start(), phone_spans + ibans)]
    out += [text[a:b] for a, b in grouped]
    # A number plate is written in groups of capitals and digits ("RZK 19D", "B 1927 PKS", "KA 05
    # MN 2231"): the plate asked is the whole of it, not its last group.
    plates = [(a, b) for a, b in (_plates(text) if _PLATE_ASKED.search(question) else []) if not _within(a, phone_spans + grouped + ibans)]
    out += [text[a:b] for a, b in plates]
    taken = phone_spans + grouped + ibans + plates  # no code starts inside a number already read whole
    # ... nor inside an amount ("Aseguradora Istmeña: B/. 465 al año" names no policy number 465).
    # (Not letters joined to digits, "RS-5520913": a frame number, though rupees are written "Rs".)
    taken = taken + [(m.start(), m.end()) for m in _MONEY.finditer(text)
                     if not _within(m.start(), taken) and not re.fullmatch(r"[A-Za-z]{1,4}-?\d+", m.group(0).rstrip(",.;: "))]
    for m in _CODE.finditer(text):
        v = m.group(0).rstrip(".") if not m.group(0).startswith(("\"", "“")) else m.group(0)  # a sentence's full stop
        if len(v) < 3 or _within(m.start(), taken):
            continue
        if v[0] in "\"“" and not v[1:-1].strip().isdigit() and _AMOUNT_CELL.fullmatch(v[1:-1].strip()):
            continue
        if _GUID.fullmatch(v) and not _ASKS_GUID.search(question):
            continue
        if _CODE_LABEL.search(text[max(0, m.start() - 16): m.start()]) and re.fullmatch(r"\d{3,8}#?", v):
            out.append(v)  # "kode: 1906" is a code that looks like a year
            continue
        if (_in_date(v, text) or v in dates(v) or re.fullmatch(r"\d+(?:st|nd|rd|th)", v, re.IGNORECASE) or v[0] in _CURRENCY_SIGNS
                or re.search(rf"[{_CURRENCY_SIGNS}]\s?[\d,.]*$", text[max(0, m.start() - 12): m.start()])
                or v.endswith("%") or re.match(r"\s?per ?cent\b", text[m.end():m.end() + 9])
                or re.fullmatch(r"\d{1,3}[.,]\d{1,2}", v)  # "Clio 1.0 TCe": an engine's size, no code
                or re.fullmatch(r"(?:1[89]|20)\d0s", v)  # "1960s plywood": a decade
                or re.fullmatch(r"(?:19|20)\d\d[-/–](?:\d\d|(?:19|20)\d\d)", v)  # "Mazda CX-5 (2026-27)": a policy year
                or re.fullmatch(r"(?:0?[1-9]|1[0-2])[./](?:19|20)\d\d", v)  # "signed 04.2023": a month
                or re.fullmatch(r"(?:RM|Rp)\d[\d,.]*", v)  # ringgit and rupiah written on the digits: "RM24.00"
                or re.fullmatch(r"[+-]\d{4}", v) and re.search(r"\d:\d\d(?::\d\d)?\s*$", text[:m.start()])  # "21:20:00 +0000": a time zone
                # "Log 2026-10: 10-10 booked ...": a month's log writes its days so, no code
                or re.fullmatch(r"(?:0?[1-9]|[12]\d|3[01])-(?:0?[1-9]|[12]\d|3[01])", v) and re.search(r"(?:19|20)\d\d-\d\d\b", text)
                or _SPAN_WORD.fullmatch(v)):  # "the 1-hour online course", "a 5-year licence": a length, no code
            continue  # "the 1st of each month", "$39.99/month", the "846.20" of "£1,846.20", a rate "4.19%"
        if re.match(r"\d", v) and (re.search(r"\d[ \u00a0.,']$", text[max(0, m.start() - 2):m.start()])
                                   or re.match(r"[.,]\d{2}(?!\d)", text[m.end():])):
            continue  # a group of an amount ("1 450,00", "1,0000"), not a code of its own
        if _labelled_otherwise(text[max(0, m.start() - 30): m.start()], question):
            continue
        if (named and named.group(1).lower() in _LONG_ID_KINDS and sum(ch.isdigit() for ch in v) < 3
                and not re.match(r" \d", text[m.end():])):  # (not "PZU-77 4410 2291": its groups follow)
            continue  # "Alka moved the bilforsikring to the ID.3": a car's model name, no policy number
        if named and _PHONE_LABEL.search(text[max(0, m.start() - 24): m.start()]) and not _PHONE_WORD.search(question):
            continue  # "PromptPay: KBank is linked to my mobile 081-555-2417" gives no account number
        out.append(v)
    return out


_SPLIT = re.compile(r"\?\s+(?=\S)|,?\s+and\s+(?=(?:who|what|when|where|which|how|whose)\b)", re.IGNORECASE)


def split_question(question: str, max_parts: int = 3) -> list[str]:
    """"Who feeds the cat and what is the vet's number?" → two questions, each answered from its own note."""
    parts = [p.strip() for p in _SPLIT.split(question.strip()) if p and len(p.split()) >= 2]
    if len(parts) < 2 or len(parts) > max_parts:
        return [question]
    return [p if p.endswith("?") else p + "?" for p in parts]


# -- two hops --------------------------------------------------------------------------------------
# "What is the phone number of the vet who prescribed Momo's pills?" is two questions: who the vet
# is (one note), then that person's phone number (another note).
_RELATIVE = re.compile(
    r"^(?P<pre>.*?)\b(?:the|my|our) (?P<noun>(?:[a-z]+ ){0,2}?[a-z]+) (?P<rel>who|whose|that) (?P<clause>[^?]+?)"
    r"(?P<tail>\s+(?:based|located|from|working)(?: in| at)?)?\s*\?*\s*$",
    re.IGNORECASE,
)


# "the mobile of whoever opens up on weekdays": the person is found by the clause alone.
_WHOEVER = re.compile(r"^(?P<pre>.*?)\bwhoever (?P<clause>[^?]+?)\s*\?*\s*$", re.IGNORECASE)


class Hops(BaseModel):
    inner: str  # what finds the person or thing: "Which vet prescribed Momo's pills?"
    read: str  # what the reader answers there: "Who prescribed Momo's pills?" (the line need not say "vet")
    outer: str  # the question about it, with "{}" where its name goes: "What is the phone number of {}?"
    noun: str = ""  # what kind of thing is sought: "pharmacy" ("Hawthorne Pharmacy" may carry it in its name)
    # Tried only when the question read as asked finds nothing: "my sister's birthday" read
    # directly can see that two sisters fit, which "Who is my sister?" would settle on one.
    fallback: bool = False
    # The name the question gives them ("my neighbour Marko"): the person found is the one the
    # line names with it ("Marko Horvat"), not someone else the line names.
    named: str = ""
    # Found by a role ("my accountant"): the line that says who it is says the role, in some
    # language ("contadora: Silvia Rapetti"); a bank row the search brings up says no one's role.
    said: str = ""
    # Found as the place this person goes to ("Ana's nursery"): its name as the line that says
    # the kind beside the person writes it.
    place: str = ""


# A relative clause without its pronoun: "the frame Marcus Bell ordered", "the new grad I
# preceptored", "the place Dad moved into": a subject (I, we, a name, "my X") and a verb after the noun.
_CONTACT = re.compile(
    r"^(?P<pre>.*?)\b(?:the|my|our) (?P<noun>(?:[a-z]+ ){0,2}?[a-z]+) "
    r"(?P<clause>(?:I|we|you|my [a-z]+|[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?!is\b|are\b|was\b|were\b|and\b|or\b)[a-z]+(?:ed|t|s)\b[^?]*?"
    # ("the person we stay with at Christmas": after I, we or you, a verb in any tense)
    r"|(?:I|we|you) (?!is\b|are\b|am\b|was\b|were\b|and\b|or\b|have\b|had\b|do\b|did\b)[a-z]{3,}\b[^?]*?"
    r"|I'm [a-z]+ing\b[^?]*?|I am [a-z]+ing\b[^?]*?|we're [a-z]+ing\b[^?]*?)\s*\?*\s*$"
)


_NOT_NOUNS = frozenset("time day week month year way one thing things".split())  # "the first time I went"


# Someone named by a role, then asked about: "What's the phone number of the bowls club
# captain?", "What is my brother's wife called?", "my head mechanic's phone number".
_ATTRS = r"phone number|number|mobile(?: number)?|email(?: address)?|e-mail(?: address)?|address|birthday|wife|husband|partner"
_LOWER = r"[^\W\d_A-Z]"  # a letter that is no ASCII capital: "síndico", "pædagog"
_ROLE_OF = re.compile(rf"^\W*(?i:what)(?:'s|’s| is| was)\s+(?:the\s+)?(?P<attr>{_ATTRS})\s+of\s+(?P<det>my|the|our)\s+"
                      rf"(?P<role>(?:[a-z]+s['’]\s+)?{_LOWER}(?:{_LOWER}| |-){{2,40}}?)(?P<now>\s+(?:now|currently|nowadays))?\s*\?*\s*$")
_ROLE_POSS = re.compile(rf"^\W*(?i:what)(?:'s|’s| is| was)\s+(?P<det>my|our|the)\s+(?P<role>{_LOWER}(?:{_LOWER}| |-){{2,40}}?)['’]s\s+(?P<attr>{_ATTRS})"
                        r"(?P<tail>\s+called|\s+name)?\s*\?*\s*$")


# "my *older* son": words before a relation that pick one of several.
RELATION_ADJECTIVES = r"(?:older|oldest|elder|eldest|younger|youngest|big|little|first|second|best|closest)"


# Any other question about someone named by how they stand to the user: "When is my partner's
# birthday?", "Where does my wife work?", "Which book did my manager recommend?".
_PERSON_ROLE = rf"(?:{RELATION_ADJECTIVES}\s+)?(?:{KIN}|{PERSON_ROLES}|GP)"
_MY_PERSON = re.compile(rf"\b(?i:my|our)\s+(?P<role>{_PERSON_ROLE})(?P<poss>['’]s)?(?![\w-])")
# A role in the notes' language ("our kasambahay", "my contadora"): a word glossed as a person.
_MY_WORD = re.compile(rf"\b(?i:my|our)\s+(?P<role>(?:{RELATION_ADJECTIVES}\s+)?[^\W\d_]{{2,}})(?P<poss>['’]s)?(?![\w-])")
# What may follow someone asked about as the object of a verb or preposition ("How much did I
# send to my brother in October?", "What do I pay my accountant each month?"): when, not what.
_OBJECT_REST = re.compile(r"\s*(?:(?:in|on|during|last|this|each|every|per|a|since|so far|altogether|in total|back|"
                          r"for (?:the|each|every|this|last)|before|after|until|till)\b[^?]*)?\?*\s*$", re.IGNORECASE)
# "my boss at the clinic", "my teacher from the yoga studio": which one, said after the role.
_ROLE_QUALIFIER = re.compile(r"\s+(?P<qual>(?:at|from)\s+(?!(?:the\s+)?(?:weekends?|christmas|easter|night|noon|midnight|"
                             r"morning|evening|\d))[^?\d]+?)\s*\?*\s*$", re.IGNORECASE)
# A verb of giving or paying, or a preposition, right before the role: its object.
_GIVEN_TO = re.compile(r"\b(?:to|for|from|with|pay|paid|send|sent|lend|lent|give|gave|owe|owed|transfer(?:red)?|wire[d]?|"
                       r"loan(?:ed)?|reimburse[d]?|tip(?:ped)?)\s+$", re.IGNORECASE)


def _glossed_person(role: str) -> bool:
    """"kasambahay" (a helper), "contadora" (an accountant): a word of the notes' language that the
    glosses give as a person, not an English word (English roles are listed)."""
    word = role.split()[-1].lower()
    if re.fullmatch(rf"(?:{KIN}|{PERSON_ROLES})", word) or word in STOP:
        return False
    glosses = english_for(word)
    return bool(glosses) and word not in glosses and any(re.fullmatch(rf"(?:{KIN}|{PERSON_ROLES}|helper|housekeeper|maid|"
                                                                     r"driver|godparent|godmother|godfather)", g) for g in glosses)

_WH = re.compile(r"^\W*(?i:(?:in|at|on|from|to|for|with) )?(?i:when|where|which|what|how|who|whose)\b")  # "In which city ..."


# "How do I reach my rheumatologist by phone?" asks who that is, then their phone number (by
# e-mail, their e-mail address).
_REACH = re.compile(r"^\W*how\s+(?:do|can|could|should)\s+(?:i|we)\s+(?:reach|call|contact|ring|phone|get hold of|e-?mail|write to)\s+"
                    r"(?P<det>my|our)\s+(?P<role>[a-z][a-z -]{2,40}?)(?P<by>\s+(?:by|on the|via)\s+(?:phone|telephone|mobile|e-?mail|mail))?\s*\?*\s*$",
                    re.IGNORECASE)


def _reach_hop(question: str) -> Hops | None:
    m = _REACH.match(question.strip())
    if m is None or not re.fullmatch(_PERSON_ROLE, m.group("role"), re.IGNORECASE):
        return None
    mail = re.search(r"mail|write", (m.group("by") or "") + question, re.IGNORECASE) is not None
    role = m.group("role").lower()
    inner = f"Who is {m.group('det').lower()} {role}?"
    return Hops(inner=inner, read=inner, outer="What is {}'s " + ("e-mail address?" if mail else "phone number?"),
                noun=role.split()[-1], said=role.split()[-1])


def _person_hop(question: str) -> Hops | None:
    q = question.strip()
    if (reach := _reach_hop(q)) is not None:
        return reach
    m = _MY_PERSON.search(q)
    if m is None:
        m = next((w for w in _MY_WORD.finditer(q) if _glossed_person(w.group("role"))), None)
    if _WH.match(q) is None or m is None or len(_MY_PERSON.findall(q)) > 1:
        return None  # "my brother's wife's birthday" asks two hops
    role, rest = m.group("role").lower(), q[m.end():]
    qual = _ROLE_QUALIFIER.match(rest) if not m.group("poss") else None
    if qual is not None and not _OBJECT_REST.match(rest):
        # "the mobile number of my boss at the clinic": who my boss at the clinic is, then their number.
        rest = rest[:qual.start()] + "?"
        role_asked = f"{role} {qual.group('qual')}"
    else:
        role_asked = role
    before = q[:m.start()]
    # "How much did I send to my brother in October?": the role is what is paid or sent to, and
    # the question read as asked finds no line that says "brother" beside the amount.
    given_to = not m.group("poss") and bool(_GIVEN_TO.search(before)) and bool(_OBJECT_REST.match(rest))
    if re.fullmatch(r"(?:parents|kids|children|in-laws|grand\w+ren)", role.split()[-1]):
        return None  # several people
    if re.fullmatch(r"\W*(?i:who|what)(?:['’]s|\s+is|\s+was)\s+(?:the\s+)?(?:(?:first\s+)?name\s+of\s+)?", q[:m.start()]) and not m.group("poss"):
        return None  # the name itself is asked: "Who is my partner?"
    if re.match(r"\s+(?:\w+\s+)?(?:called|named|name)\b|\s+(?:and|or)\b|\s*,", rest):
        return None  # "What is my son called?", "my brother and his wife"
    if m.group("poss") and re.match(rf"\s+(?:{KIN}|{PERSON_ROLES})(?![\w-])", rest, re.I):
        return None
    named = re.match(r"\s+([A-Z][\w-]+)(['’]s)?(?=\s|\?|$)", rest) if not m.group("poss") else None
    if named is not None and named.group(1) not in SENTENCE_OPENERS:
        # "Where does my neighbour Marko work?": which Marko is the neighbour (the notes may know
        # two), then where that one works.
        outer = before + "{}" + ("'s" if named.group(2) else "") + rest[named.end():]
        return Hops(inner=f"Who is my {role} {named.group(1)}?", read=f"Who is my {role} {named.group(1)}?",
                    outer=outer.rstrip(" ?") + "?", noun=role.split()[-1], named=named.group(1))
    if (not m.group("poss") and rest.strip(" ?") and not re.search(r"\b(?i:do|does|did|has|have|had|will|would|can|could)\s+$", before)
            and not given_to and qual is None):
        return None  # "When is my dentist appointment?": the role word names a thing there
    outer = before + ("{}'s" if m.group("poss") else "{}") + rest
    return Hops(inner=f"Who is my {role_asked}?", read=f"Who is my {role_asked}?", outer=outer.rstrip(" ?") + "?",
                noun=role.split()[-1], fallback=not (given_to or qual is not None), said=role.split()[-1])


# Two relations in a row: "What is my sister's husband's phone number?" asks who my sister's
# husband is first, then his number; "Where does my brother's wife work?" where she works.
_ROLE_CHAIN = re.compile(rf"\b(?P<det>my|our)\s+(?P<role>(?:{RELATION_ADJECTIVES}\s+)?(?:{KIN}|{PERSON_ROLES})['’]s\s+"
                         rf"(?:{KIN}|{PERSON_ROLES}))(?P<poss>['’]s)?(?![\w-])", re.IGNORECASE)


def _chain_hop(question: str) -> Hops | None:
    q = question.strip()
    m = _ROLE_CHAIN.search(q)
    # "the number of my sister's husband" asks about him; "the name of my son's teacher" is who.
    asked_of = m is not None and re.search(r"\b(?:of|for)\s+$", q[:m.start()]) and not re.search(r"\bname\b", q[:m.start()], re.I)
    if m is None or _WH.match(q) is None or not (q[m.end():].strip(" ?") or asked_of) \
            or re.match(r"\s*(?:called|named|name)\b", q[m.end():]):
        return None  # "Who is my brother's wife?", "What is my brother's wife called?": who, asked as such
    role = m.group("role").lower()
    inner = f"Who is {m.group('det').lower()} {role}?"
    outer = (q[:m.start()] + "{}" + ("'s" if m.group("poss") else "") + q[m.end():]).rstrip(" ?") + "?"
    return Hops(inner=inner, read=inner, outer=outer, noun=role.split()[-1], said=role.split()[-1])


# Someone named by their relation to a person the user names: "What's the mobile number of
# Maja's teacher?", "What's Eirik's sister's phone number?": who that is first, then the number.
_NAME = r"(?P<name>[A-Z][\w-]+(?: [A-Z][\w-]+)?)"
_NOW = r"(?P<now>\s+(?:now|currently|nowadays|these days|at the moment))?"
_NAMED_ROLE_OF = re.compile(rf"^\W*(?i:what)(?:'s|’s| is| was)\s+(?:the\s+)?(?P<attr>{_ATTRS})\s+of\s+{_NAME}['’]s\s+"
                            rf"(?P<role>[a-z][a-z -]{{2,40}}?){_NOW}\s*\?*\s*$")
_NAMED_ROLE_POSS = re.compile(rf"^\W*(?i:what)(?:'s|’s| is| was)\s+{_NAME}['’]s\s+(?P<role>(?:{RELATION_ADJECTIVES}\s+)?"
                              rf"(?:{KIN}|{PERSON_ROLES}))['’]s\s+(?P<attr>{_ATTRS}){_NOW}\s*\?*\s*$")


_PERSON_WORD = re.compile(rf"(?:{KIN}|{PERSON_ROLES}|[a-z]+(?:ian|ist|er|or|ant))", re.IGNORECASE)


def _a_person(role: str) -> bool:
    """"teacher", "pediatrician", "pedagogisk leder" (a teacher, in Norwegian) name a person;
    "surgery" and "daycare" name a place, whose number is asked without a hop."""
    return bool(_PERSON_WORD.fullmatch(role.split()[-1]) or any(_PERSON_WORD.fullmatch(w) for w in english_for(role)))


def _named_role_hop(question: str) -> Hops | None:
    m = _NAMED_ROLE_OF.match(question.strip()) or _NAMED_ROLE_POSS.match(question.strip())
    if m is None or m.group("name").split()[0] in SENTENCE_OPENERS or not _a_person(m.group("role")):
        return None
    if re.search(r"\b(?:who|whose|that|which)\b", m.group("role")):
        return None
    inner = f"Who is {m.group('name')}'s {m.group('role')}{m.group('now') or ''}?"
    # Tried first: read as asked, "the mobile number of Lina's teacher" finds Lina's own number
    # (her name is the one the question says). When the hop finds no one, it is read as asked.
    return Hops(inner=inner, read=inner, outer=f"What is {{}}'s {m.group('attr')}?", noun=m.group("role").split()[-1], said=m.group("role"))


def _role_hop(question: str) -> Hops | None:
    if chain := _chain_hop(question) or _named_role_hop(question):
        return chain
    m = _ROLE_OF.match(question.strip()) or _ROLE_POSS.match(question.strip())
    if m is None:
        return _person_hop(question)
    if m.group("role").split()[-1] in _NOT_NOUNS or re.search(r"\b(?:who|whose|that|which|of)\b", m.group("role")):
        return None  # "the guy who serviced the boiler" is found by its clause, not as a role
    role, det, attr = m.group("role").strip(), m.group("det"), m.group("attr")
    inner = f"Who is {det} {role}{m.groupdict().get('now') or ''}?"
    tail = (m.groupdict().get("tail") or "").strip()
    outer = f"What is {{}}'s {attr}{' ' + tail if tail else ''}?"
    kind = re.split(r"\s+(?:at|from)\s+", role)[0]  # "my boss at the clinic" is a boss
    return Hops(inner=inner, read=inner, outer=outer, noun=kind.split()[-1], said=kind if det.lower() != "the" else "")


def _phone_number(outer: str) -> str:
    """"the number of the friend whose rope I borrowed": the number of someone found by a clause
    (a person or a business) is their phone number."""
    return re.sub(r"(?i)\b(?<!phone )(?<!mobile )((?:new |home |work )?)number (of|for) \{\}", r"\1phone number \2 {}", outer)


# A place someone named goes to, then what is asked of it: "How much is Ana's monthly nursery
# fee?" is which nursery Ana goes to (the family list: "jaslice DV Srednjaci"), then that
# nursery's fee (a bank row: "DJEČJI VRTIĆ SREDNJACI; 87,60").
_GONE_TO = r"kindergarten|nursery|daycare|preschool|creche|crèche|school|gym|club|swimming school"
_PLACE_OF = re.compile(rf"^(?P<pre>.*?)(?<!Dr )(?<!Dr\. )\b(?P<name>[A-Z][\w-]+)['’]s\s+(?P<mods>(?:(?:monthly|weekly|yearly|annual)\s+)?)"
                       rf"(?P<kind>{_GONE_TO})(?P<rest>(?:\s+(?:fee|fees|bill|cost|costs|price|payment|tuition))?(?:\s+in\s+[A-Za-z]+)?)"
                       r"\s*\?*\s*$")


def _place_hop(question: str) -> Hops | None:
    m = _PLACE_OF.match(question.strip())
    if m is None or m.group("name") in SENTENCE_OPENERS or not re.search(r"\w", m.group("pre")):
        return None
    kind = m.group("kind")
    inner = f"Which {kind} does {m.group('name')} go to?"
    outer = f"{m.group('pre')}{{}} {m.group('mods')}{kind}{m.group('rest')}?"
    # Tried when the question read as asked finds nothing ("Théo's daycare: Little Acorns, 12 Elm
    # St" answers its address itself).
    return Hops(inner=inner, read=inner, outer=outer, noun=kind, fallback=True, place=m.group("name"))


# Any other question about someone named by their relation to a person the user names: "In which
# city does Mateo's padrino live?", "On which street is Ella's dentist?", "How do I reach Alikhan's
# swimming coach by phone?", "What is Jonas' father's address?".
# (The role may be qualified by a subject written with its capital: "Dion's English teacher".)
_NAMED_PERSON = re.compile(rf"(?<![\w'’])(?P<name>[A-Z][\w-]+(?: [A-Z][\w-]+)?)(?:['’]s|(?<=s)['’])\s+"
                           rf"(?P<role>(?:{RELATION_ADJECTIVES}\s+|[A-Z][a-z]+\s+(?={_LOWER}))?{_LOWER}+(?:\s+{_LOWER}+)?)")
# A question typed all in lower case names its person in lower case too: "what is jahmari's football
# coach's phone number".
_NAMED_PERSON_LOWER = re.compile(rf"(?<![\w'’])(?P<name>{_LOWER}[\w-]+)(?:['’]s|(?<=s)['’])\s+"
                                 rf"(?P<role>(?:{RELATION_ADJECTIVES}\s+)?{_LOWER}+(?:\s+{_LOWER}+)?)")


def _named_person_hop(question: str) -> Hops | None:
    q = question.strip()
    if _WH.match(q) is None:
        return None
    lower = not re.search(r"[A-Z]", q)
    for m in (_NAMED_PERSON_LOWER if lower else _NAMED_PERSON).finditer(q):
        if m.group("name").split()[0] in SENTENCE_OPENERS or re.fullmatch(
                r"(?i:what|who|where|when|which|how|whose|that|it|there|here|let|he|she)", m.group("name").split()[0]):
            continue  # "What's the landlady's ...": "What's" is no one's
        if lower and (m.group("name") in STOP or re.fullmatch(rf"(?:{KIN}|{PERSON_ROLES}|kid|child|baby|family|friend|boss|partner|"
                                                               r"mum|mom|dad|wife|husband|landlady|landlord|neighbou?r|car|dog|cat)s?", m.group("name"))):
            continue  # "my son's teacher" is asked of a relation, not of someone named "son"
        words = m.group("role").split()
        if words[0].lower() in ("the", "a", "an", "my", "our", "your", "his", "her", "their"):
            continue
        # The person is the first word, or the first two ("swimming coach"), that says a person.
        for n in range(1, len(words) + 1):
            role = " ".join(words[:n])
            last = words[n - 1].lower()
            if re.fullmatch(rf"(?:{KIN}|{PERSON_ROLES})", last) or _glossed_person(last):
                break
        else:
            continue
        end = m.start("role") + len(role)
        poss = re.match(r"['’]s\b", q[end:])
        rest = q[end + (poss.end() if poss else 0):]
        if re.match(r"\s*(?:called|named|name)\b", rest) or not poss and re.match(r"\s+(?:and|or)\b|\s*,", rest):
            return None  # "What is Ana's son called?", "Ana's son and daughter"
        if not poss and not rest.strip(" ?") and re.fullmatch(r"\W*(?i:who|what)(?:['’]s|\s+is|\s+was)\s+(?:the\s+)?(?:(?:first\s+)?name\s+of\s+)?",
                                                            q[:m.start()]):
            return None  # "Who is Ana's son?": who, asked as such
        name = m.group("name").capitalize() if lower else m.group("name")
        inner = f"Who is {name}'s {role}?"
        outer = (q[:m.start()] + "{}" + ("'s" if poss else "") + rest).rstrip(" ?") + "?"
        return Hops(inner=inner, read=inner, outer=outer, noun=role.split()[-1], said=role)
    return None


def relative_clause(question: str) -> Hops | None:
    hop = _role_hop(question) or _clause_hop(question) or _place_hop(question) or _named_person_hop(question)
    return hop.model_copy(update={"outer": _phone_number(hop.outer)}) if hop is not None else None


def _clause_hop(question: str) -> Hops | None:
    w = _WHOEVER.match(question.strip())
    if w is not None and re.search(r"\w", w.group("pre")) and len(w.group("clause").split()) >= 2:
        inner = f"Who {w.group('clause')}?"
        return Hops(inner=inner, read=inner, outer=f"{w.group('pre')}{{}}?", noun="person")
    m = _RELATIVE.match(question.strip())
    if m is None:
        c = _CONTACT.match(question.strip())
        # Only as the object of a preposition ("the phone number of the new grad I preceptored"):
        # "When is the appointment Ma booked?" is one question, and "my wife Hanna called" a name.
        if (c is None or not re.search(r"\b(?:of|on|for|at|with|from|to|in|about)\s*$", c.group("pre"))
                or c.group("noun").split()[-1] in _NOT_NOUNS or re.search(r"\b(?:called|named)\b", c.group("clause"))):
            return None
        noun, clause = c.group("noun"), c.group("clause")
        inner = f"Which {noun} {clause}?"
        return Hops(inner=inner, read=inner, outer=f"{c.group('pre')}{{}}?", noun=noun.lower())
    if len(m.group("clause").split()) < 2:
        return None
    rel, clause, noun = m.group("rel").lower(), m.group("clause"), m.group("noun")
    inner = f"Whose {clause}?" if rel == "whose" else f"Which {noun} {clause}?"
    read = {"who": f"Who {clause}?", "whose": inner, "that": f"What {clause}?"}[rel]
    outer = f"{m.group('pre')}{{}}{m.group('tail') or ''}?"
    if not re.search(r"\w", m.group("pre")):
        return None  # "The vet who prescribed it?": nothing is asked about them
    return Hops(inner=inner, read=read, outer=outer, noun=noun.lower())


# Columns that name the person a row is about.
_WHO_COLUMNS = frozenset({"who", "name", "full name", "person", "contact", "wer", "qui", "quién", "quem", "nome", "nombre", "nom", "naam", "imię"})


def entity(text: str, question: str, topic: str = "", fields: dict[str, str] | None = None, noun: str = "",
           common: Callable[[str], bool] | None = None) -> str | None:
    """The name in `text` that the question's clause points to: not one the question already
    uses (the sought kind may be part of it: "Hawthorne Pharmacy" for "the pharmacy that ..."),
    not a heading, a column name or an all-capitals label, not a capitalised word that only starts
    a sentence ("Two days before ..."); in a row, the name in the column the clause speaks of
    ("prescriber: Dr. Harold Marsh" for "who prescribes ..."); else the nearest to the question's words."""
    asked = {w.lower() for w in re.findall(r"\w+", question)}
    kind = {w.lower() for w in re.findall(r"\w+", noun)}
    heading = {w.lower() for w in re.findall(r"\w+", topic)} - kind
    keys = {k.lower() for k in fields or {}}
    if fields:
        # The column the clause speaks of ("prescriber" for "who prescribes"), or the one named
        # by the kind sought ("physio:: [[Amara Ojo]]" for "my physio").
        said = {stem(w) for w in asked - STOP - kind} | {stem(w) for w in kind}
        if "who" in asked:
            # "| Who | Relation | Where |": asked who someone is, the column that names people
            # answers, not the town a nearer column gives.
            for k, v in fields.items():
                if k.strip().lower() in _WHO_COLUMNS and (found_here := [n for n in names(v) if n.lower() not in keys]):
                    return re.sub(r"['’]s$", "", found_here[0])
        for k, v in fields.items():
            # "Veterinario: Dr. Ruiz" is keyed by the vet sought, in the notes' language.
            if said & ({stem(w) for w in re.findall(r"[a-zA-Z]+", k)} | gloss_stems(k)):
                found_here = [n for n in names(v) if n.lower() not in keys]
                if found_here:
                    return re.sub(r"['’]s$", "", found_here[0])
    found = _names_in(text, asked - kind, heading, kind, keys)
    if not found and heading:
        # "Maureen's fish pie: 3 eggs ..." (the heading carried into each line) for "who gave me
        # the fish pie recipe": the heading's name, when the line names no one else.
        found = _names_in(text, asked - kind, set(), kind, keys)
    if not found:
        return None
    return _pick(found, text, asked, kind, common)


def _person_kind(noun: str) -> bool:
    """Whether `noun` is a relation or role a person is sought by ("brother", "contadora"), not a
    thing ("the app")."""
    return bool(noun) and bool(re.fullmatch(rf"(?:{KIN}|{PERSON_ROLES})", noun.lower()) or _glossed_person(noun))


def named_by_kind(text: str, noun: str) -> str | None:
    """The name written right after the word for the kind sought, in English or in the language
    the line is in: "Mein Bruder Lukas lebt in Dresden" names "my brother" Lukas; "Mein Bruder war
    übers Wochenende da" names no one (German writes every noun with a capital)."""
    if not _person_kind(noun):
        return None  # a person sought by their relation or role; not "the app" ("App Store")
    want = stem(noun.lower())
    # "Her Gotta (godmother) is Jill Reuter": the word in brackets glosses the kind, and the name
    # after "is" is the person, not the capitalised word for the kind before the brackets.
    glossed = re.search(rf"\((?:[^\W\d_]+[ \t]+)?(?i:{re.escape(noun)})\)[ \t]*(?:(?i:is|was)|=|:|[—–-])[ \t]+"
                        r"([A-Z](?i:[\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}))", text)
    if glossed:
        return glossed.group(1)
    for m in re.finditer(r"([A-Z\u0400-\u042f\u0490][\w'’ʼ-]+(?:[ \t]+[A-Z\u0400-\u042f\u0490][\w'’ʼ-]+)?)[ \t]*\((?:[^\W\d_]+[ \t]+)?([^\W\d_]+)\)", text):
        # "Тарас (мій брат)": the name before the kind in brackets, in the line's own language.
        word = m.group(2)
        if not word.isascii() and (stem(word.lower()) == want or want in gloss_stems(word)):
            return m.group(1)
    # "contadora: Silvia Rapetti" keys the name by the kind, as "Mein Bruder Lukas" writes it before;
    # in Cyrillic the kind may be keyed by a dash: "Хрещена — Олена Савчук" names the godmother.
    for m in re.finditer(r"([^\W\d_]+):?[ \t]+(?:[—–][ \t]+)?(?=([A-Z\u0400-\u042f\u0490][a-z\u0430-\u045f\u02bc][\w'’ʼ-]*))", text):
        word = m.group(1)
        if stem(word.lower()) == want or want in gloss_stems(word):
            after = text[m.end():]
            name = next((n for n in names(after) if after.startswith(n)), None)
            if name and name.lower() != noun.lower():
                return re.sub(r"['’]s$", "", name)
    return None


def named_as_mine(text: str, noun: str) -> str | None:
    """"Sem: my nephew, Marloes's oldest", "Ruth, my godmother": the name a line gives as "my
    <kind>" (not "Anna: my mother's friend", nor a label: "Update: my brother moved")."""
    if not _person_kind(noun):
        return None
    want = stem(noun.lower())
    for m in re.finditer(r"(?<![\w'’])([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)[ \t]*(?::|,|—|–|\()[ \t]*(?:is[ \t]+)?(?:my|our)[ \t]+"
                         r"(?:[a-z]+[ \t]+)?([a-z-]+)\b(?!['’])", text):
        if stem(m.group(2)) == want and m.group(1).lower() not in STOP_WORDS and m.group(1) in names(text):
            return m.group(1)
    return None


# Words for one relation that a line may use instead of the question's.
_SAME_KIND = [frozenset(g.split()) for g in (
    "mum mom mother mam mama mommy mummy ma", "dad father papa daddy pa", "boss manager supervisor lead",
    "doctor gp physician", "vet veterinarian", "partner spouse wife husband boyfriend girlfriend fiance fiancee",
    "kid child son daughter", "flatmate roommate housemate", "friend mate buddy pal bestie bff", "lawyer solicitor attorney", "nanny babysitter childminder")]


# "Renting the bottom flat from Mr. Dhanraj Seepaul", "we rent from Tavita Soliai": the one rented
# from is the landlord, though no line calls him that.
RENTED_FROM = re.compile(r"\b(?:rent|rents|renting|rented|lease|leasing|leased)\b[^.;:]{0,50}?\bfrom\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?-i:[A-Z])",
                         re.IGNORECASE)
# Where a car is looked after, as notes say it without the word "mechanic": a garage, a workshop,
# "serviced by", a business named "... Auto"/"... Motors", "Avtoservis Kolar".
CAR_CARE = re.compile(r"\b(?i:garage|workshop|serviced|servicing|(?:auto|avto)?servis\w*|autoservicio|taller|bengkel)\b"
                      r"|\b[A-Z][\w'’-]+ (?:Auto|Autos|Motors)\b")


def says_kind(text: str, noun: str) -> bool:
    """Whether the line says the kind sought, in English or in its own language ("Susjed" for a
    neighbour, "contadora" for an accountant), or by another word for it ("Mum" for a mother)."""
    low = noun.lower()
    if low in ("landlord", "landlady") and RENTED_FROM.search(text):
        return True
    if low == "mechanic" and CAR_CARE.search(text):
        return True
    found = re.findall(r"[^\W\d_]+", text)
    if low.endswith("-in-law"):
        # "mother-in-law" stems as "mother" does: the line must say the in-law ("Mother-in-law:",
        # "mother in law", a word glossed so), not "Mama: Mirjana" (my own mother).
        base = re.escape(low[: -len("-in-law")])
        # ("beau-frère" is glossed whole: its words apart are only "beau" and "frère".)
        return bool(re.search(rf"\b{base}s?[- ]in[- ]laws?\b", text, re.IGNORECASE)) or low in english_for(text) or any(
            low in english_for(" ".join(found[i:i + n])) for n in (1, 2, 3) for i in range(len(found) - n + 1))  # "ibu mertua", "Chị dâu"
    wants = {stem(low)} | {stem(w) for g in _SAME_KIND if low in g for w in g}
    # "My mother-in-law is Dona Graciete" says an in-law, not the mother sought.
    found = re.findall(r"[^\W\d_]+", re.sub(r"(?i)\b[^\W\d_]+s?[- ]in[- ]laws?\b", " ", text))
    if any(stem(w.lower()) in wants or wants & gloss_stems(w) for w in found):
        return True
    # ... or in two or three words of it: "Ev sahibi" (landlord), "padrone di casa".
    return any(wants & gloss_stems(" ".join(found[i:i + n])) for n in (2, 3) for i in range(len(found) - n + 1))


def place_name(text: str, kind: str) -> str | None:
    """The name a line gives the place of the kind sought, right after the word for it in some
    language: "Darželis „Saulutė“" -> Saulutė, "jaslice DV Srednjaci, skupina ..." -> Srednjaci
    (a short capital abbreviation of the kind itself, DV, left out)."""
    want = stem(kind.lower())
    for m in re.finditer(r"[^\W\d_][\w-]*", text):
        w = m.group(0)
        glosses = english_for(w)
        if stem(w.lower()) != want and want not in gloss_stems(w):
            continue
        if any(re.fullmatch(rf"(?:{KIN}|{PERSON_ROLES})", g) for g in glosses):
            continue  # "auklėtoja" (a kindergarten teacher) names the teacher after it, not the place
        after = text[m.end(): m.end() + 80]
        quoted = re.match(r"\s*[\"„“«']([^\"“”»']{2,40})[\"“”»']", after)
        if quoted:
            return quoted.group(1).strip()
        caps = re.match(r"\s+((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*){0,2})", after)
        if caps:
            words = [c for c in caps.group(1).split() if not (c.isupper() and len(c) <= 3)]
            if words:
                return " ".join(words)
    return None


def says_role(text: str, role: str) -> bool:
    """Whether the line says the role sought: its kind ("driver", in some language), or every
    other word of it ("school service" for "Migo's school service driver")."""
    words = role.lower().split()
    if not words:
        return True
    if says_kind(text, words[-1]):
        return True
    rest = [w for w in words[:-1] if w not in STOP and not re.fullmatch(RELATION_ADJECTIVES, w)]
    said = {stem(w.lower()) for w in re.findall(r"[^\W\d_]+", text)}
    return bool(rest) and all(stem(w) in said for w in rest)


def kind_only_owning(text: str, noun: str) -> bool:
    """The line says the kind sought in another language only as someone's owner: "형부 = Lee
    Donghyun (언니's husband)" is my sister's husband, not my sister."""
    want = stem(noun.lower())
    said = [m for m in re.finditer(r"[^\W\d_]+", text) if want in gloss_stems(m.group(0))]
    return bool(said) and all(re.match(r"['’]s\b", text[m.end():]) for m in said)


def _names_in(text: str, asked: set[str], heading: set[str], kind: set[str], keys: set[str]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    all_names = names(text)
    for n in all_names:
        words = n.split()
        if n in _PRONOUN_LABELS:
            continue  # a chat export's sender "Me:" names no one
        if (any(w.lower().strip(".'’") in asked | heading for w in words) or all(w.lower() in kind for w in words)
                or n.lower() in keys or (n.isupper() and len(n) > 3) or _initials_of_words(n, text)):
            continue
        at = text.find(n)
        starts = at == 0 or re.search(r"[.!?]\s+$", text[:at])
        if len(words) == 1 and starts and re.match(r"\s+[a-z]", text[at + len(n):]) and (
                not re.match(_SAID_OF_SOMEONE, text[at + len(n):]) or n.lower() in SENTENCE_OPENERS):
            continue  # "Leave the pill pockets": a verb at the start of a sentence ("Both serviced by ...": no one)
        if (len(words) == 1 and re.search(r"^[^:]{1,30}:\s+$", text[:at]) and re.match(r"\s+[a-z]", text[at + len(n):])
                and (n.lower() in SENTENCE_OPENERS or (len(n) > 5 and n.endswith("ed")))):
            continue  # "w/c 15 Sep: Switched café beans to ...": a verb after a dated label
        if (len(words) == 1 and kind and {stem(k) for k in kind} & gloss_stems(n)
                and any(len(m.split()) >= 2 and 0 < text.find(m) - text.find(n) - len(n) <= 20 for m in all_names)):
            # "Хірург у нас Тарас Коваль": the kind's own word in the notes' language, with the
            # name right after it ("Mama will ...", with none, is how the notes call her).
            continue
        n = re.sub(r"['’]s$", "", n)
        if re.fullmatch(r".* [A-Z]", n) and text[at + len(n): at + len(n) + 1] == ".":
            n += "."  # "Chris L." keeps its initial's full stop
        found.append((at, n))
    return found


_PRONOUN_LABELS = frozenset("Me You I We Us Myself".split())


def _seeks_person(kind: set[str]) -> bool:
    """A person sought by their relation or role ("my brother", "the babysitter")."""
    return bool(kind & _PERSON_NOUNS) or any(re.fullmatch(rf"(?:{KIN}|{PERSON_ROLES})", k) or _glossed_person(k) for k in kind)


def _past_glossed_words(found: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """A capitalised word the glossary translates is a common noun of the notes' language, not a
    name: "Chefin: Petra Hahn" names Petra Hahn, "Babysitterin Lena Vogt" Lena Vogt, "Bratr Pavel"
    Pavel (German and Czech write such a word with a capital). The words are cut from the front
    of a name, and a name of only such words is left out, when the line names someone else."""
    out = []
    for at, n in found:
        words = n.split()
        lead = 0
        while lead < len(words) and english_for(words[lead].strip(".,:;'’")):
            lead += 1
        if lead < len(words):
            rest = " ".join(words[lead:])
            out.append((at + n.index(rest), rest))
        elif not any(_keys_name(text, at + len(n), a) for a, _ in found if a > at):
            # ... but only as the key or title of the name right after it: "Mama will im Frühjahr
            # nach Usedom" calls the mother Mama.
            out.append((at, n))
    return out or found


def _apposed(after: str, kind: set[str]) -> bool:
    """Whether the words after a name say it is of the sought kind: ", my new manager", " (our landlord)"."""
    m = re.match(r"\s*(?:,|\(|-|–|—)\s*(?:my|our|the|his|her|their)((?:\s+\w+){1,3})", after, re.IGNORECASE)
    return m is not None and any(w.lower() in kind for w in m.group(1).split())


def _keys_name(text: str, end: int, start: int) -> bool:
    """Whether the text between a word and the next name only keys or titles it ("Chefin: Petra",
    "Serwis: pan Zbyszek", "Jefa — Mónica", "Babysitterin (Mia)")."""
    return re.fullmatch(r"\s*[:=—–-]?\s*\(?\s*(?:[a-z]{1,4}\.?\s+)?", text[end:start]) is not None


def _pick(found: list[tuple[int, str]], text: str, asked: set[str], kind: set[str], common: Callable[[str], bool] | None) -> str:
    if common is not None:
        # "Goals: Ruby 3 (hat-trick!!)": a word the notes also write in lower case is a label,
        # when the line names someone else.
        found = [f for f in found if len(f[1].split()) > 1 or not common(f[1])] or found
    # A label that names the asked thing ("VAT return Q3: Harriet has had everything since 6 Oct"
    # for "who has my VAT return") is not the one the clause points to, when the line names
    # someone after it. ("Kelso Garage: booked for the MOT" is keyed by the garage sought.)
    label = re.match(r"[^:]{1,60}?:\s", text)
    label_words = {w.lower() for w in re.findall(r"\w+", label.group(0))} if label else set()
    if label and len(label_words) <= 6 and label_words & (asked - STOP - kind):
        after = [f for f in found if f[0] >= label.end()]
        found = after or found
    person = _seeks_person(kind)
    if person:
        found = _past_glossed_words(found, text)
    # A person is not "Q3" or "EXP-14".
    if kind & _PERSON_NOUNS:
        found = [f for f in found if not any(ch.isdigit() for ch in f[1])] or found
        # "Lee from Ace Heating": the guy is Lee; what follows "from" or "at" is where he works.
        found = [f for f in found if not re.search(r"\b(?:from|at)\s+$", text[:f[0]])] or found
    # A name that says it is of the sought kind ("Kelso Garage" for the garage), or that a line is
    # keyed by ("Addresses: Zia Carla: 3 Chestnut Walk"), is what it is about.
    # ... in the notes' language too: "Autoservisas Ratas" for the garage.
    of_kind = [f for f in found if kind & ({w.lower() for w in f[1].split()} | {g for w in f[1].split() for g in english_for(w)})]
    keyed = [f for f in found if text[f[0] + len(f[1]):].startswith(":")]
    # The name the sought kind's word keys ("Babysitterin (Mia)", "Chefin: Petra") or that it is
    # said of ("Parisa Karimi, my new manager since Erik moved") is the one sought.
    # (The kind's word as the key of its clause, and all of the kind: "Ondřej = můj přítel (Ondra)"
    # gives a nickname, "beau-frère (frère de Malik)" another one's brother.)
    by_kind = [f for f in found if any(
        _keys_name(text, w.end(), f[0]) and kind <= ({w.group(0).lower()} | set(english_for(w.group(0))))
        for w in re.finditer(r"(?:^|(?<=[:;,•–—-]\s))\w+", text[:f[0]])) or _apposed(text[f[0] + len(f[1]):], kind)] if person else []
    found = of_kind or by_kind or keyed or found
    spots = [m.start() for m in re.finditer(r"\w+", text) if m.group(0).lower() in asked and m.group(0).lower() not in STOP]
    if not spots:
        return found[0][1]
    return min(found, key=lambda f: min(abs(f[0] - s) for s in spots))[1]


# What follows a name, never a verb, at the start of a sentence: "Lee from Ace Heating", "Kasia
# opens ...", "Tom said ...".
_SAID_OF_SOMEONE = r"\s+(?:from|and|is|was|has|had|said|says|will|did|does|came|called|rang|texted|opens|closes|fixed|serviced)\b"

_PERSON_NOUNS = frozenset("person people one man woman guy bloke chap lady who someone friend colleague".split())

STOP = frozenset("the a an of to in on at is are was were who whose which that my our your for and with".split())


# -- conversation ----------------------------------------------------------------------------------
_PRONOUN = re.compile(r"\b(she|he|it|they|them|him|her|hers|his|its|their|theirs|there|that one|this one)\b", re.IGNORECASE)
_POSSESSIVE = {"her", "his", "its", "their"}
_ELLIPSIS = re.compile(r"^\W*(?:and|what about|how about|and what about)\s+(.+?)\W*$", re.IGNORECASE)


_NAME_ASKED = re.compile(r"\b(called|named|name)\b", re.IGNORECASE)


def about_one(question: str, person: str) -> str:
    """The question asked about one of the people it may mean: "What's the name of my son's
    teacher?" about Leo → "What's the name of Leo's teacher?"; "What is Chris working on?" about
    "Chris O." → "What is Chris O. working on?"."""
    # (An in-law's word goes whole: "my brother-in-law" about Rory is Rory, not "Rory-in-law".)
    rel = rf"\b(?:my|our) (?:{RELATION_ADJECTIVES} )?[a-z]+?(?:-in-law)?"
    out, n = re.subn(rel + r"(?:'s|’s)", person + "'s", question, count=1, flags=re.IGNORECASE)
    if not n:
        out, n = re.subn(rel + r"\b", person, question, count=1, flags=re.IGNORECASE)
    if not n:
        first = re.escape(person.split()[0])
        out = re.sub(rf"\b{first}\b", person, question, count=1, flags=re.IGNORECASE)
    return out


def asks_name(question: str) -> bool:
    return bool(_NAME_ASKED.search(question))


def _antecedent(history: list[tuple[str, str]]) -> str | None:
    """What the last turn was about: a name its question used, else its "my X", else a name
    from its answer. The question's own words come first: if the note changed since, the
    old answer's value would steer the next search to a line that no longer exists."""
    for q, a in reversed(history):
        found = _question_names(q)
        if found:
            return found[0]
        mine = re.search(r"\b(my|our) ((?:[a-z-]+ ){0,2}?[a-z-]+?)(?:'s|’s)?(?:\s+(?:is|are|was|were|called|named|do|does|did|live|lives|work|works|name|phone|number|birthday)\b|\s*\?|\s*$)", q.lower())
        if mine:
            phrase = f"{mine.group(1)} {mine.group(2)}"
            # "my cat" answered "Biscuit ...": "my cat Biscuit" finds lines that only say "Biscuit".
            named = [n for n in names(a) if not re.match(r"(?i)^(i|your|you|notes)\b", n)]
            return f"{phrase} {named[0]}" if named and _NAME_ASKED.search(q) else phrase
        found = [n for n in names(a) if not re.match(r"(?i)^(i|your|you|notes)\b", n)]
        if found:
            return found[0]
    return None


# Workplace and form abbreviations a question may use where the notes spell the words out.
ABBREVIATIONS = {
    "PM": "product manager", "EM": "engineering manager", "TL": "tech lead", "HR": "human resources",
    "DOB": "date of birth", "QA": "quality assurance", "CTO": "chief technology officer", "CEO": "chief executive",
}


# Shorthand people type in a question for words notes spell out.
SHORTHAND = {"bday": "birthday", "b-day": "birthday", "bdays": "birthdays", "addr": "address", "appt": "appointment",
             "appts": "appointments", "tel": "phone", "ph": "phone", "dob": "date of birth", "pw": "password", "pwd": "password"}


def spell_out(question: str) -> str:
    """"who the PM is" → "who the product manager (PM) is": the words the notes may use, and
    the abbreviation for notes that use it; "noors bday" → "noors birthday"."""
    # (Not a part of a model's name: the Toyota "C-HR".)
    question = re.sub(r"(?<![\w-])(" + "|".join(ABBREVIATIONS) + r")(?![\w-])", lambda m: f"{ABBREVIATIONS[m.group(1)]} ({m.group(1)})", question)
    # "anahits mob number?", "dimas hp number" (a handphone in Indonesia and Malaysia): a phone.
    question = re.sub(r"\b(?:mob|hp)(?=\s+(?:number|no\b|nr\b|#))", "mobile", question, flags=re.IGNORECASE)
    # "zoe kasko polica number??": the policy, in the notes' language, asked by its number in English.
    question = re.sub(r"\b(?:polica|polisa|p[oó]liza|polizza|ap[oó]lice)(?=\s+(?:number|no\b|nr\b|#))", "policy", question, flags=re.IGNORECASE)
    # "home loan acc no??": the account number.
    question = re.sub(r"\b(?:acc|acct|a/c)\.?\s+(?:no|nr|num|#)(?![\w-])\.?", "account number", question, flags=re.IGNORECASE)
    return re.sub(r"(?<![\w-])(" + "|".join(map(re.escape, SHORTHAND)) + r")(?![\w-])",
                  lambda m: SHORTHAND[m.group(1).lower()], question, flags=re.IGNORECASE)


def resolve(question: str, history: list[tuple[str, str]] | None) -> str:
    """The question made self-contained using the conversation so far.

    "What is my cat called?" → "Biscuit" then "What colour is she?" → "What colour is Biscuit?";
    "When is Leo's birthday?" then "And Max?" → "When is Max's birthday?".
    """
    if not history:
        return question
    last_q = history[-1][0]
    m = _ELLIPSIS.match(question.strip())
    if m:
        new = m.group(1).strip()
        old = _question_names(last_q)
        if old:
            return re.sub(re.escape(old[0]), new, last_q, count=1)
        return f"{last_q} ({new})"
    if _PRONOUN.search(question):
        who = _antecedent(history)
        if who and _NAME_ASKED.search(question) and " " in who and who.split()[-1][:1].isupper():
            who = who.rsplit(" ", 1)[0]  # asking for the name again: the old name may have changed
        if who:
            def swap(match: re.Match) -> str:
                word = match.group(0).lower()
                if word in _POSSESSIVE and not re.match(r"\s*[?.!]|\s*$", question[match.end():]):
                    return f"{who}'s"
                if word == "there":
                    return f"at {who}"
                return who

            return _PRONOUN.sub(swap, question, count=1)
        return f"{question} ({last_q})"
    return question
