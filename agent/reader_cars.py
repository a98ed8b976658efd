"""Which cars the household keeps, for a question about "the car" or "our car".

"What's the plate of our car?" over a car note that keeps "My car: Nissan Tiida, ..., plate AEM
417 MC" and "Isaura's car: Mazda Verisa, ..., plate ADL 208 MP" has two answers: the reader asks
which one is meant, naming each car by its make and model. A car counts when a line gives it a
plate (the cars the household has registered), not one sold, hired or only talked about.
"""
from __future__ import annotations

import re
from typing import Iterable

CAR_MAKES = re.compile(
    r"\b(?:Toyota|Honda|Nissan|Mazda|Subaru|Suzuki|Mitsubishi|Daihatsu|Lexus|Hyundai|Kia|Ford|Chevrolet|Chevy|Dodge|Jeep|Tesla|"
    r"Volkswagen|VW|Audi|BMW|Mercedes|Opel|Vauxhall|Porsche|Skoda|Škoda|Seat|Cupra|Renault|Dacia|Peugeot|Citro[eë]n|Fiat|"
    r"Alfa Romeo|Lancia|Volvo|Saab|Mini|Lada|Proton|Perodua|Geely|BYD|Chery|MG|Tata|Mahindra|Maruti|Isuzu|Smart|Polestar|"
    r"SsangYong|Great Wall|Haval|Datsun|Holden|Infiniti|Acura|Buick|Cadillac|GMC|Chrysler|Jaguar|Land Rover|Range Rover|UAZ|Zastava|Dongfeng)\b")
# The model after the make: "Run X", "NP200", "AD Wagon", "CX-5", "ID.4", "Land Cruiser", "i10".
_MODEL = re.compile(r"\s+((?:[A-Z0-9][\w.!-]*|[a-z]+\d[\w.-]*)(?:\s+(?:[A-Z0-9][\w.!-]*|[a-z]+\d[\w.-]*))?)")  # and Hyundai's "i10", "Grand i10"
_PLATE = re.compile(r"\b(?:plates?|reg(?:istration)?|rego|kenteken|nummerplade|numberplate|matr[ií]cula|immatriculation|rendszám|"
                    r"registracija|SPZ|ECV)\b", re.IGNORECASE)
# A car the household no longer has, or never had: "sold the old Honda Jazz", "a hire car".
_NOT_OURS = re.compile(r"\b(?:sold|old|previous|former|hired?(?! plate)|rental|rented|test[- ]drive|borrowed|loan car|courtesy car)\b", re.IGNORECASE)
# "the car Radu drives", "the car that passed its Pickerl", "the car with plate NEQ 5124": one car.
_ONE_MEANT = re.compile(r"\b(?:the|our) (?:car|vehicle)\b\s+(?:that|which|who|with|[A-Z]\w*|we|i|you|he|she|they)\b")
_ASKED = re.compile(r"\b(?:the|our) (?:car|vehicle)\b", re.IGNORECASE)
# What every registered car has: its plate, colour, make and model. (What only one of them may
# have, an inspection or a loan, is asked back only when two lines give it: reader_parallel.)
_EVERY_CAR_HAS = re.compile(r"\b(?:plates?|registration|reg|rego|colou?r|make|model|year|kind|type)\b", re.IGNORECASE)


def asks_of_the_car(question: str) -> bool:
    """"When is the car's technical inspection due?": what each car has on its own, asked of one
    car the question takes as known (not "my car", not "the car Sam drives", not the hire car).
    Not its insurance: one policy often covers both cars ("Cars: Foyer, policy AU 7734 2190")."""
    return bool(_ASKED.search(question)) and not _ONE_MEANT.search(question) and not re.search(
        r"(?i)\bcar (?:hire|rental|park|wash|seat|loan)\b|\binsur|\bpolic", question)


def asks_the_car(question: str) -> bool:
    """"the car's plate", "what colour is our car": what any of the household's cars has, asked of
    one car the question takes as known (not "my car", not "the car Sam drives")."""
    return bool(_ASKED.search(question)) and not _ONE_MEANT.search(question) and bool(_EVERY_CAR_HAS.search(question))


# A plate written without the word: "Toyota Spacio, silver, PWK 4127", "Mitsubishi Triton, P 8602".
_PLATE_SHAPED = re.compile(r"(?<![\w/-])[A-Z]{1,3}[ -]?\d{3,4}(?:[ -][A-Z]{1,3})?(?![\w/-])")


def _plate_shaped(text: str) -> bool:
    """A code of a plate's shape outside the car's make and model ("BMW 320" is a model)."""
    rest = text
    for m in CAR_MAKES.finditer(text):
        end = model.end() if (model := _MODEL.match(text, m.end())) else m.end()
        rest = rest[:m.start()] + " " * (end - m.start()) + rest[end:]
    return bool(_PLATE_SHAPED.search(rest))


# The plate after its word: "Plate: HY 308", "Reg.nr. VH 41872", "plate AEM 417 MC".
_PLATE_GIVEN = re.compile(_PLATE.pattern + r"\.?(?:\s*nr\.?|\s*no\.?|\s*number)?\s*[:.]?\s*([A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,5}){0,3})\b",
                          re.IGNORECASE)


def car_models(texts: Iterable[str]) -> set[str]:
    """The models the lines name after a make ("Toyota Auris 2017" -> "Auris"): the word a note
    calls the car by elsewhere ("Took the Auris for the przegląd")."""
    out = set()
    for text in texts:
        for m in CAR_MAKES.finditer(text):
            model = _MODEL.match(text, m.end())
            word = model.group(1).split()[0].rstrip(".,;:!") if model else ""
            if re.search(r"[^\W\d_]{3,}", word) and not re.fullmatch(r"(?:19|20)\d\d", word):
                out.add(word)
    return out


def listed_cars(texts: Iterable[str], plates: bool = False) -> list[str]:
    """The cars the lines give a plate, by make and model ("Nissan Tiida"); [] when fewer than two.
    `plates`: each named with its plate too ("Toyota Aqua (JD 172)"), when a line gives every one."""
    found: dict[str, str] = {}
    plate_of: dict[str, str] = {}
    for text in texts:
        # (A car page's "car: Toyota C-HR hybrid, 2021, grey" row, its plate on the next row.)
        keyed_car = bool(re.match(r"\W*(?:car|vehicle)\s*:", text, re.IGNORECASE)) and any(
            _MODEL.match(text, m.end()) for m in CAR_MAKES.finditer(text))
        if not (_PLATE.search(text) or keyed_car or CAR_MAKES.search(text) and _plate_shaped(text)) or _NOT_OURS.search(text):
            continue
        makes = list(CAR_MAKES.finditer(text))
        for m in makes:
            model = _MODEL.match(text, m.end())
            name = f"{m.group(0)} {model.group(1)}" if model else m.group(0)
            name = name.rstrip(".,;:")
            key = (model.group(1).split()[0] if model else m.group(0)).lower().rstrip(".,;:!")  # "Onix," is the Onix
            found.setdefault(key, name)
            given = _PLATE_GIVEN.search(text, m.end())
            if len(makes) == 1 and given and re.search(r"\d", given.group(1)):
                plate_of.setdefault(key, given.group(1))
    # A make said alone ("aliases: Auris, Toyota") is the car named with its model elsewhere.
    found = {k: n for k, n in found.items() if not any(o != k and other.startswith(n + " ") for o, other in found.items())}
    if len(found) < 2:
        return []
    if plates and set(plate_of) >= set(found):
        return [f"{name} ({plate_of[key]})" for key, name in found.items()]
    return list(found.values())
