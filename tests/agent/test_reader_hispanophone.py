"""Notes kept in Spanish (and in English with Eswatini's lilangeni), asked in English or in
Spanish: the balboa and the lilangeni are money, an amount is no policy number, a Spanish question
reads with its question word in English, "cel" asks for a phone, a contacts row and another
person's page give their number and not the user's, and "Mi número nuevo" on a later day is the
user's new number. All examples made up; driven by the word-overlap scorer of test_reader.py."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_question import analyse, typed_values
from agent.reader_text import money
from memory.gloss import english_for
from memory.statements import split_sentences
from tests.agent.test_reader import hit, overlap_model


def test_the_balboa_and_the_lilangeni_are_money_however_they_are_written():
    assert money("Alquiler: B/. 780 al mes") == ["B/. 780"]
    assert money("Gimnasio B/.35.00 mensual") == ["B/.35.00"]
    assert money("Rent: E 4,500 a month") == ["E 4,500"] and money("Stokvel: E 750 a month") == ["E 750"]
    assert money("paid 350 emalangeni") == ["350 emalangeni"]
    # Not a European road nor a vitamin.
    assert money("Took the E 45 north") == [] and money("Vitamin E 400 IU daily") == []


def test_an_amount_is_no_policy_number_and_its_sign_ends_no_sentence():
    line = "Renovación de la póliza del Kia con Aseguradora Delta: B/. 465 al año (subió). Pagué con tarjeta."
    assert split_sentences(line)[0].endswith("(subió).")
    assert typed_values(line, "code", exclude="What is the policy number of the Kia's insurance?") == []
    # A frame number that starts like rupees is still a code.
    assert typed_values("frame number RS-5520913, kept in the shed", "code", exclude="What is the frame number?") == ["RS-5520913"]


def test_a_spanish_question_reads_with_its_question_word_in_english():
    assert analyse("¿Dónde vivo?").want == "place"
    assert analyse("cuándo es el cumpleaños de mi tía?").want == "date"
    assert analyse("lucho cumple cuando").want == "date"
    assert analyse("mami's cel?").want == "phone"


def test_everyday_spanish_of_the_americas_is_glossed():
    assert {"married"} <= english_for("Nos casamos el 6 de diciembre") and "dog" in english_for("el perro")
    assert "truck" in english_for("la camioneta del trabajo") and "loan" in english_for("préstamo")
    assert english_for("celda") == frozenset()  # "cel" is a word of its own, no prefix


def test_my_phone_number_is_neither_a_contacts_row_nor_another_persons_page():
    contacts = hit("Nombre: Carlos Pitti; Teléfono: +507 6544-7120", line=10, path="/notes/Contactos.md", rank=0,
                   fields={"Nombre": "Carlos Pitti", "Teléfono": "+507 6544-7120"})
    his = hit("Lucho: phone: +507 6750-3391", line=5, path="/notes/Personas/Lucho.md", topic="Lucho", rank=1,
              fields={"phone": "+507 6750-3391"})
    mine = hit("Yo - Marisol: phone: +507 6441-2087", line=7, path="/notes/Personas/Yo - Marisol.md", topic="Yo - Marisol", rank=2,
               fields={"phone": "+507 6441-2087"})
    reading = Reader(overlap_model()).read("What is my phone number?", [contacts, his, mine])
    assert reading.kind == "answered" and "6441-2087" in reading.answer
    # A later day's "Mi número nuevo" is the user's new number.
    new = hit("Mi número nuevo: +507 6983-5520. Ya se lo pasé a mami.", line=4, path="/notes/Daily/2026-02-16.md", rank=3)
    reading = Reader(overlap_model()).read("What is my phone number?", [contacts, his, mine, new])
    assert reading.kind == "answered" and "6983-5520" in reading.answer and "6441" not in reading.answer


def test_my_own_new_number_is_no_one_elses_number():
    vet = hit("Nombre: Veterinaria Patitas; Teléfono: +507 6230-8815; Nota: Dra. Massiel", line=12, path="/notes/Contactos.md", rank=1,
              fields={"Nombre": "Veterinaria Patitas", "Teléfono": "+507 6230-8815", "Nota": "Dra. Massiel"})
    mine = hit("Mi número nuevo: +507 6983-5520. Ya se lo pasé a mami.", line=4, path="/notes/Daily/2026-02-16.md", rank=0)
    reading = Reader(overlap_model()).read("wats the vet number", [mine, vet])
    assert reading.kind == "answered" and "6230-8815" in reading.answer and "6983" not in reading.answer
