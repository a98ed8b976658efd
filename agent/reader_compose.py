"""The answer's sentence: the chosen statement turned to face the user, led by the value asked
for, or quoted whole where a word of the sentence would not be supported by the statement."""
from __future__ import annotations

import re
from pathlib import Path

from agent.reader_names import _TITLE
from agent.reader_statements import StatementHit
from agent.reader_text import face_user, names, unsupported


MAX_STATEMENT_CHARS = 400


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n].rsplit(" ", 1)[0] + " …"


# Letters and digits in one word ("RN7", "MX62") or hyphenated ("FL-2026-038", "BO-60"); not
# "2nd", "5pm", "10km" nor a date.
_IDENTIFIER = re.compile(r"\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b|\b[A-Za-z]+\d[A-Za-z0-9]*\b")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_DAY_BEFORE_TITLE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2})?\s+(?=\S)")


def compose(st: StatementHit, value: str | None, question: str) -> str:
    """The chosen statement facing the user, led by the short value; quoted if anything would be unsupported."""
    faced = face_user(_clip(st.text, MAX_STATEMENT_CHARS)).strip()
    if faced and faced[-1] not in ".!?…":
        faced += "."
    # A journal entry's heading opens with its day ("2026-09-30 Ibu changed her number"): what it
    # says of a person or a thing is the rest.
    heading = _DAY_BEFORE_TITLE.sub("", st.topic)
    # ("What is FK 318 LZ?": a plate of three parts is asked as one identifier.)
    asked = (re.match(r"^\W*(?:what|who)(?:'s|’s| is| was)\s+([^\s?]+)\s*\?*\s*$", question.strip(), re.IGNORECASE)
             or re.match(r"^\W*(?i:what|who)(?:'s|’s| is| was)\s+((?=[^?]*\d)[A-Z0-9][\w-]*(?:\s+[A-Z0-9][\w-]*){1,3})\s*\?*\s*$", question.strip()))
    if (asked and heading and (len(st.text.split()) <= 4 or _IDENTIFIER.fullmatch(asked.group(1)))
            and asked.group(1) in st.text and heading.lower() not in faced.lower()):
        # "What is CHN-5518?" over "account: CHN-5518" under "NORTHGATE CYCLE DISTRIBUTION": whose
        # account it is, said by the heading, is the answer; so is the heading over a code's line
        # ("Car insurance" over "Policy KEA-MV-448120, $48.20 a month").
        faced = f"{heading}: {faced}"
    who = re.match(r"^\W*[Ww]ho(?:'s|’s| is| was)\s+((?:[A-Z][\w'’-]+\s*){1,3})\?*\s*$", question.strip())
    if (who and heading and len(heading.split()) <= 3 and heading.lower() not in faced.lower()
            and re.match(rf"^(?:{_TITLE}\.?\s+)?{re.escape(who.group(1).strip())}\b", st.text)):
        # "Who is Fionnuala Byrne?" over "Dr Fionnuala Byrne, Stoneybatter Medical Centre" under
        # "## GP": the heading says who she is.
        faced = f"{heading}: {faced}"
    role = re.match(r"^\W*who(?:'s|’s| is| was)\s+(?:my|our)\b", question.strip(), re.IGNORECASE)
    page = set(re.findall(r"[A-Z][\w'’-]+", Path(st.path).stem))
    if (role and heading and heading.lower() not in faced.lower() and not value
            and re.fullmatch(rf"(?:{_TITLE}\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}}", heading)
            and page & set(heading.split()) - {"Dr", "Mr", "Mrs", "Ms"}):
        # "Who is our family doctor?" answered by "My GP (lekarz rodzinny) at Przychodnia
        # Wrzeszcz" on the page "Dr Kowalczyk" titled "Dr Anna Kowalczyk": the page is the person.
        faced = f"{heading}: {faced}"
    whose = re.match(r"^\W*(?:whose\b|who (?:has|owns|uses)\b)", question.strip(), re.IGNORECASE)
    given = re.findall(r"\d[\d\s().-]{4,}\d", question)
    if (whose and given and heading and len(heading.split()) <= 4 and heading.lower() not in faced.lower()
            and any(re.sub(r"\D", "", g) in re.sub(r"\D", "", st.text) for g in given)):
        # "Whose landline is 55 232 41 18?" answered by "Landline phone:: 55 232 41 18." on the
        # page "Babcia Halina": the page's name says whose it is.
        faced = f"{heading}: {faced}"
    if whose and given and st.context and re.search(r"\b(?:she|he|her|his|their)\b", st.text, re.IGNORECASE):
        # "... her new number is 807-555-0163" after "Ma's birthday. I called her before school.":
        # the sentence before that names someone says whose.
        said = [t for t in re.split(r"(?<=[.!?])\s+", st.context) if [n for n in names(t) if n != "I"]]
        if said and said[-1].lower() not in faced.lower():
            faced = f"{said[-1]} {faced}"
    answer = faced
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if (iso and value.lower() not in faced.lower() and re.search(r"\b(?:birthday|bday|b-day|anniversary)\b", question, re.IGNORECASE)
            and 1 <= int(iso.group(2)) <= 12):
        # "whens dimas bday" from a diary page of 2026-08-17 ("... and Dimas's birthday, as always"):
        # a birthday comes back every year, so the page's day and month, not its year.
        value = f"{int(iso.group(3))} {_MONTH_NAMES[int(iso.group(2)) - 1]}"
    absent = bool(value) and value.lower() not in faced.lower()  # a heading's date: "Ma's birthday." under "3 February 2026"
    if value and (len(faced.split()) > 8 or absent) and not faced.lower().startswith(value.lower()):
        answer = f"{value[:1].upper()}{value[1:]}. {faced}"
    if unsupported(answer, f"{st.text} {st.source} {st.topic}" + (f" {st.context}" if whose and st.context else "")):
        return f'Your notes say: "{_clip(st.source, MAX_STATEMENT_CHARS)}"'
    return answer


def join_names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
