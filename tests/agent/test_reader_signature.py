"""A person asked about whose only line is their name signing an e-mail: the line under it says
who they are (`agent.reader.signed_role`)."""
from __future__ import annotations

from agent.reader import signed_role
from agent.reader_types import Reading
from agent.reader_statements import StatementHit

THREAD = """\
From: Nour Khoury <nour@example.org>
Subject: AW: flat offer

Thanks, we accept.

> From: Markus Brenner <brenner@example.org>
> the owner agrees to a lower rent.
>
> Markus Brenner
> Immobilien Brenner e.U., Burggasse 24, 1070 Wien
>
>> Ilse Varga
>> Date: Fri, 20 Nov 2026 11:03
"""


def _reading(path, line: int, text: str, question: str) -> Reading:
    st = StatementHit(id=f"{path}:{line}", path=str(path), line=line, end_line=line, text=text, source=text)
    return Reading(kind="answered", answer=f"flat offer: {text}.", question=question, statement=st)


def test_a_signature_line_is_answered_with_the_line_under_it(tmp_path):
    note = tmp_path / "flat.md"
    note.write_text(THREAD, encoding="utf-8")
    read = signed_role(_reading(note, 9, "> Markus Brenner", "Who is Markus Brenner?"))
    assert read.answer == "Markus Brenner: Immobilien Brenner e.U., Burggasse 24, 1070 Wien"
    # Cited with the line it came from.
    assert (read.statement.line, read.statement.end_line) == (9, 10)
    # Asked with a typographic apostrophe, as phones and Macs type it.
    curly = signed_role(_reading(note, 9, "> Markus Brenner", "Who’s Markus Brenner?"))
    assert curly.answer == read.answer


def test_a_header_under_the_name_or_a_line_that_says_more_is_left_alone(tmp_path):
    note = tmp_path / "flat.md"
    note.write_text(THREAD, encoding="utf-8")
    header = _reading(note, 12, ">> Ilse Varga", "Who is Ilse Varga?")
    assert signed_role(header) == header  # "Date: ..." under the name says nothing of her
    sentence = _reading(note, 7, "> the owner agrees to a lower rent.", "Who is Markus Brenner?")
    assert signed_role(sentence) == sentence
    other = _reading(note, 9, "> Markus Brenner", "What is Markus Brenner's e-mail?")
    assert signed_role(other) == other
