"""Which doctors the notes list, each with what kind of doctor they are.

"What's my doctor's phone number?" over a health note that keeps a GP, a cardiologist and a
dentist has three answers: the reader asks which one is meant, naming each by the role the note
gives ("Dr. Marcia Lue (GP)"), instead of guessing one or giving up. Versions of one role (the GP
who retired and the new one) are one doctor asked about, not two, so the roles must differ.
"""
from __future__ import annotations

import re
from typing import Iterable

# "Dr. Renate Tjong-Ayong", "Dr.ª Ana Paula Delgado", "dr Petar Vujošević", "MUDr. Horáková",
# "Dott. Luca Sarti": a title, then the name in capitals (up to four words).
_NAME = r"[A-ZÀ-ÖØ-ÞŠŽČĆĐŁ][\w'’-]+"
_TITLED = re.compile(rf"\b(?:[Dd]r|Dra|MUDr|Dott|Doctor)(?:\.ª|ª|\.)?\s+({_NAME}(?:\s+{_NAME}){{0,3}})")
# What kind of doctor a line says: its key ("Cardiologist: Dr. ...") or the words after the name
# ("Dr Nasra Al-Busaidi – cardiologist at ...", "my doctor there is Dr. Oyunchimeg").
_ROLE = re.compile(
    r"\b(?:GP|general practitioner|family (?:doctor|physician)|family clinic|huisarts|house doctor|doctor|doktor|physician|"
    r"médico(?: de família)?|doc|dentist\w*|dental|internist|optician|optometrist|orthodontist|surgeon|midwife|"
    r"\w+(?:ologist|iatrist|iatrician)|p(?:a)?ediatr\w*)\b",
    re.IGNORECASE,
)
# A role said after the name: within a few words, after a dash or comma.
_AFTER = 40


def _role_before(text: str, at: int) -> str | None:
    """The key the name stands under ("Huisarts (GP): Dr. ..." gives "Huisarts"), when it says a
    kind of doctor; the label a statement carries ("Doctors: GP: ...") is not the key."""
    clause = re.split(r"[.;]\s", text[:at])[-1]
    # "Dentist: Dr ...", and "GP - Dr Nadia Haddad" in notes typed in a hurry.
    keys = [k.strip(" *_-–—•") for k in re.split(r":|\s[-–—]\s", clause)[:-1]]
    for key in reversed(keys):
        bare = re.sub(r"\s*\([^()]*\)", "", key).strip(" *_")
        if _ROLE.search(key) and not re.fullmatch(r"(?i)doctors?|health|medical", bare):
            aside = re.findall(r"\(([^()]{1,20})\)", key)  # "Huisarts (GP)": the note's word, then the gloss
            return ", ".join([bare, *aside]) if bare else key
    m = list(_ROLE.finditer(clause))
    return m[-1].group(0) if m and len(clause) - m[-1].end() < _AFTER else None


def _role_after(text: str, end: int) -> str | None:
    m = re.match(rf"\s*\**\s*[–—,-]\s*(?:my\s+|the\s+|our\s+)?([^.;:]{{0,{_AFTER}}})", text[end:])
    if not m:
        return None
    role = _ROLE.search(m.group(1))
    return role.group(0) if role and role.start() < 20 else None


def listed_doctors(texts: Iterable[str]) -> list[str]:
    """Each doctor the lines name with the kind of doctor they are, as options to ask between
    ("Dr. Marcia Lue (GP)"); the first role a doctor is given wins, and a role given twice (a
    new GP after the old one) is kept once. [] when fewer than two roles are found."""
    found: dict[str, tuple[str, str]] = {}  # surname -> (titled name, role)
    roles: set[str] = set()
    for text in texts:
        for m in _TITLED.finditer(text):
            name = m.group(1)
            surname = name.split()[-1].lower()
            if surname in found:
                continue
            role = _role_before(text, m.start()) or _role_after(text, m.end())
            if role is None or role.lower() in roles:
                continue
            roles.add(role.lower())
            found[surname] = (m.group(0).strip(), role)
    if len(found) < 2:
        return []
    return [f"{name} ({role})" for name, role in found.values()]
