"""Which bank account, when the question says only "my bank account".

"What's my bank account number?" over notes that keep "BIBD savings 0012 0145 8873 (salary
account)" and "Baiduri 0300-114-92657 (joint with Amalina)" has two answers: the reader asks which
one is meant, naming each account by its bank. Only a question that leaves the bank unnamed ("my
BIBD account" is one account) and asks for the account's number, IBAN or RIB; only lines that give
an account number beside a bank's name, not a utility's account, someone else's account, or a
closed one.
"""
from __future__ import annotations

import re
from typing import Iterable

from agent.reader_text import names
from memory.gloss import english_for

# "my bank account number", "our IBAN", "the IBAN of my bank account", "What is my RIB?",
# "the number of my bank account", "my account number" (no other kind of account before it).
_ASKED = re.compile(
    r"\b(?:my|our|the)\s+(?:bank\s+account(?:'s)?(?:\s+(?:number|no\.?|#))?|account\s+(?:number|no\.?|#)|iban|rib)\b"
    r"|\b(?:iban|number)\s+of\s+(?:my|our|the)\s+(?:bank\s+)?account\b", re.IGNORECASE)
# The words the lines that keep the accounts say, for the full-text look-up.
LOOKUP_WORDS = ("bank", "account", "IBAN", "savings", "RIB")

_IBAN = r"[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?"
_DIGITS = r"\d[\d .\-/]{4,}\d"
_NUMBER = re.compile(rf"(?<![\w+$€£¥₹%.,/-])(?:{_IBAN}|{_DIGITS})(?![\w%])")
_DATE = re.compile(r"^\s*(?:(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d)\s*$")
# What says the number is a bank account's: the bank or the account, in the languages notes use.
_ACCOUNT_WORDS = re.compile(
    r"(?i)(?:bank|banco|banque|banca|bankas|banka|caixa|sparkasse|spuerkeess|\baccount|\bacct\b|\ba/c\b|compte|cuenta|\bconta\b|"
    r"konto|rekening|\btili\b|számla|sąskaita|savings|checking|chequing|épargne|ahorros|\biban\b|\brib\b|\bclabe\b|n[°º])")
# A name that is a bank's by its own word: "Bank of Bhutan", "Ecobank", "BGFIBank", "Banco Ganadero".
_BANKISH = re.compile(r"(?i)bank|banco|banque|banca|pankki|caixa|sparkasse|spuerkeess|credit|crédit|kasse|cooperativ|bancolombia")
# Words that start a line's label but name no bank.
_NOT_BANK = re.compile(
    r"(?i)^(?:account|accounts|acct|a/c|bank|banks|banking|iban|rib|bic|swift|number|no|savings|saving|checking|chequing|current|"
    r"salary|joint|my|our|the|your|money|compte|cuenta|conta|konto|épargne|ahorros|n°|type|use|what|note|notes|fi|"
    r"date|mortgage|loan|card|visa|mastercard|debit|credit|usd|eur|gbp|chf|id|"
    # ... a number's key or a heading over several accounts, in the notes' languages
    r"pay|payment|paid|zahlbar|pagamento|pago|paiement|número|numero|nr|nummer|numer|číslo|bancos|banken|bankok|konta|kontot|konti|tilit|pankkitilit|cuentas|contas|comptes)$")
# Not the user's bank account: a utility's or a shop's account, a card, someone else's, or a closed one.
_NOT_A_BANK_ACCOUNT = re.compile(
    r"(?i)\b(?:electricity|water|gas|internet|fibre|fiber|broadband|power|light|phone|mobile|municipal|council|insurance|"
    r"policy|tax|meter|customer|member(?:ship)?|invoice|bill|billing|subscriber|consumer|(?<!standing )order|sewerage|sewage|waste|garbage|refuse|heating|receipt|ref(?:erence)?|transaction|utr|card ends|ends in|city of|"
    r"transfer|overføring|blood|donor|"
    # a statement row's other side: the payee's or payer's account, not the user's
    r"payee|payer|beneficiary|recipient|saaja\w*|maksaja\w*|empfänger|destinatario|beneficiário|bénéficiaire|odbiorca|příjemce|gavėjas)\b")
# A record's "Bank:" field ("Bank: Bank of Bhutan; Type: savings; Account no.: ..."), not "Optima Bank:".
_BANK_KEY = re.compile(r"(?i)(?:^|[;|]\s*)(?:bank|banco|banque|banka|bankas)\s*:\s*([^;|]+?)\s*(?:;|\||$)")
_SOMEONE_ELSES = re.compile(r"(?i)\b(?:to|into|on)\s+(?:her|his|their)\b|\blandlord|\blandlady|\bclosed\b|\bno longer\b")


# "our account number with the new internet provider": an account with someone else than a bank.
_ELSEWHERE = re.compile(r"(?i)\baccount\s+(?:number|no\.?|#)\s+(?:with|at|for|from)\b|\b(?:internet|electricity|water|gas|power|"
                        r"phone|mobile|council|utility|provider|supplier|shop|store|gym|club|school)\b")


# The kind of account a bank's name is followed by.
_KINDS = r"(?i:chequing|checking|savings|saving|current|salary|joint|everyday|ahorros|corriente|épargne|poupança|sparkonto|lönekonto)"


def asks_my_account(question: str) -> bool:
    question = question.replace("’", "'")
    return bool(_ASKED.search(question)) and not _ELSEWHERE.search(question)


def _label(before: str, record: str) -> str | None:
    """The bank an account number belongs to: the record's "Bank:" field, else the nearest bank by
    its own word before the number, else the first name of the part that holds it."""
    keyed = _BANK_KEY.search(record)
    if keyed and not _NOT_BANK.match(keyed.group(1).strip()):
        return keyed.group(1).strip()
    found = [n for n in names(before) if not all(_NOT_BANK.match(w) for w in n.split())]
    bankish = [n for n in found if _BANKISH.search(n)]
    if bankish:
        return bankish[-1]
    return found[0] if found else None


def _part_before(text: str, start: int) -> str:
    """The part of the line an account number sits in, up to the number: from the last sentence
    end, semicolon or bullet before it ("... salary goes in here). Heritage Bank savings 2030-...")."""
    head = text[:start]
    cut = max((m.end() for m in re.finditer(r"(?:[.!?)]\s+(?=[A-Z])|;\s|\s[•·|]\s|\s[-–—]\s(?=[A-Z]))", head)), default=0)
    return head[cut:]


def listed_accounts(texts: Iterable[str]) -> list[str]:
    """The user's bank accounts the lines give a number for, "Bank (number)", each bank once;
    [] when fewer than two banks."""
    found: dict[str, str] = {}
    numbers: set[str] = set()
    # A note's field may keep one account a line ("Osuuspankki käyttötili FI41 ...\nNordea ...").
    for text in (line for t in texts for line in t.split("\n")):
        if not (_ACCOUNT_WORDS.search(text) or re.search(_IBAN, text)):
            continue
        record_bank = _BANK_KEY.search(text)
        for m in _NUMBER.finditer(text):
            number = m.group(0).strip(" .-/")
            digits = re.sub(r"\D", "", number)
            if len(digits) < 6 or _DATE.match(number) or re.fullmatch(r"[1-9]\d{0,2}(?:[ .,]\d{3})+", number):
                continue  # a date, or an amount written with thousands ("1 480 000"; no amount starts "000 447")
            if re.search(r"(?i)\b(?:sort\s*code|ifsc|routing(?:\s+number)?|bic|swift)\s*:?\s*$", text[:m.start()]):
                continue  # "sort code 23-14-70, account 41889026": the branch's code, not the account
            part = text if record_bank else _part_before(text, m.start())
            # An IBAN is a bank account's by its shape; a ledger's "account assets:anz:savings ;
            # ANZ Serious Saver 01-0505-..." says "account" before the part that holds it.
            if not (_ACCOUNT_WORDS.search(part) or _ACCOUNT_WORDS.search(text[m.end():m.end() + 30])
                    or re.fullmatch(_IBAN, number) or _ACCOUNT_WORDS.match(text)):
                continue
            gloss = " ".join(sorted(english_for(part)))
            if _NOT_A_BANK_ACCOUNT.search(part) or _NOT_A_BANK_ACCOUNT.search(gloss) or _SOMEONE_ELSES.search(part):
                continue
            # "Money: SBI (the old one from college). A/c 30112278451": the bank is named in the
            # sentence before the number's own.
            label = _label(part if not record_bank else text[:m.start()], text) or (
                None if record_bank or _NOT_A_BANK_ACCOUNT.search(text[:m.start()]) else _label(text[:m.start()], text))
            if label is None:
                continue
            kind = re.match(rf"\s+({_KINDS})\b", text[text.find(label) + len(label):]) if label in text else None
            if kind:
                label = f"{label} {kind.group(1)}"  # "TD chequing", "Scotiabank savings": what the user calls them
            key = re.sub(r"(?i)\bbank\b|[^\w]", "", label).lower() or label.lower()
            if key in found or digits in numbers:
                numbers.add(digits)  # the same account told again under another word ("Payment ... to Wise")
                continue
            found[key] = f"{label} ({number})"
            numbers.add(digits)
    return list(found.values()) if len(found) >= 2 else []
