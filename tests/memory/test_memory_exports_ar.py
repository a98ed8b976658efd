"""Argentine exports: a Workflowy plain-text outline and a Mercado Pago account statement (made-up data)."""
from __future__ import annotations

from pathlib import Path

from memory.statements import parse_statements


def _got(path, text: str):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), text.encode())]


OUTLINE = """- Casa — todo
  - Hogar #casa
    - Calle Falsa 123, piso 2 — Almagro
    - Alquiler $ 400.000 por mes
      - próximo ajuste 01/03/2027
    - Expensas ~ $ 90.000
  - Autos #auto
    - Renault Clio (mío) — patente AA 000 ZZ
      - VTV vence 05/2027
      - seguro Ejemplo, póliza 1.234.567
    - Ford Ka (de Juan) — patente AB 111 YY
      - VTV vence 08/2027
    - Matrícula MN 99.999
      "la otra la di de baja"
  - Pendientes
    - [COMPLETE] pagar la patente
    - comprar yerba
"""


def test_a_workflowy_outline_hangs_each_item_under_its_own_item():
    got = _got("workflowy-export.txt", OUTLINE)
    by_line = {n: (topic, t) for n, topic, t in got}
    # the car's VTV hangs under the car, not under the page's section
    assert "Renault Clio (mío) — patente AA 000 ZZ" in by_line[9][0] and "VTV vence 05/2027" in by_line[9][1]
    assert "Ford Ka (de Juan) — patente AB 111 YY" in by_line[12][0]
    # an item with items that says something is still said, at its own line
    assert "Renault Clio (mío) — patente AA 000 ZZ" in by_line[8][1]
    assert "Alquiler $ 400.000 por mes" in by_line[4][1]
    # a leaf after a sibling's items hangs under the parent again, not under the sibling
    assert "Alquiler" not in by_line[6][0] and "Expensas" in by_line[6][1]
    assert "Alquiler" not in by_line[13][0] and "Ford Ka" not in by_line[13][0]
    # a leaf stays whole (no sentence cut at "Av.") and its quoted note joins it
    assert "Calle Falsa 123, piso 2 — Almagro" in by_line[3][1]
    assert "la otra la di de baja" in by_line[13][1] and '"' not in by_line[13][1]
    # a done item is a checked box
    assert by_line[16][1].endswith("pagar la patente (done)") and "[COMPLETE]" not in by_line[16][1]


def test_a_plain_text_list_that_is_no_outline_stays_text():
    got = _got("list.txt", "- one\n- two\nsome prose here.\n- three\n- four\n")
    assert got and not any("#" in topic for _, topic, _ in got)


STATEMENT = """INITIAL_BALANCE;CREDITS;DEBITS;FINAL_BALANCE
100.000,00;50.000,00;-30.500,25;119.499,75

RELEASE_DATE;TRANSACTION_TYPE;REFERENCE_ID;TRANSACTION_NET_AMOUNT;PARTIAL_BALANCE
02-03-2027;Transferencia enviada Juan Ejemplo;99000000001;-30.500,25;69.499,75
15-03-2027;Transferencia recibida Cliente SA;99000000002;50.000,00;119.499,75
"""


def test_a_mercado_pago_statement_is_the_month_over_dated_movements():
    name = "mercadopago/account_statement_2027-03.csv"
    got = _got(name, STATEMENT)
    title = "Mercado Pago account statement, March 2027"
    assert any(n == 2 and topic == title and t.endswith("Initial balance: $ 100.000,00") for n, topic, t in got)
    assert any(n == 5 and "Juan Ejemplo" in t and "amount: $ -30.500,25" in t and "balance: $ 69.499,75" in t for n, _, t in got)
    assert any(n == 6 and "amount: $ 50.000,00" in t for n, _, t in got)
    assert not any("99000000001" in t for _, _, t in got)  # Mercado Pago's reference is no number of the user's
    written = {s.line: s.written for s in parse_statements(Path(name), STATEMENT.encode())}
    assert written[5] == "2027-03-02" and written[6] == "2027-03-15"


def test_rioplatense_household_words_are_glossed_and_english_lines_gain_none():
    from memory.gloss import english_for, foreign_for
    assert {"birthday"} <= english_for("Pedro (hermano) — cumple 01/01")
    assert {"born"} <= english_for("Lucía (hija) — nació el 02/02/2020")
    assert {"apartment"} <= english_for("Depto: Calle Falsa 123")
    assert {"work"} <= english_for("Laburo: lun a vie")
    assert {"teacher"} <= english_for("la seño Ana")
    assert {"younger", "brother"} <= english_for("Pedro (hermano menor)")
    assert {"expire", "expiry"} <= english_for("Pasaporte — vence 01/01/2030")
    assert {"landlady"} <= english_for("dueña: Marta, tel. 4000-0000")
    assert {"accountant"} <= english_for("contadora: Ana")
    assert {"kindergarten"} <= english_for("Pago Jardin de Infantes Arcoiris")
    assert "cumple" in foreign_for(["birthday"]) and "depto" in foreign_for(["apartment"])
    for english in ("The mayor said the depot was closed", "I paid my accountant", "a trip to the viaduct",
                    "Senor Lopez", "cumbersome work"):
        assert not english_for(english) & {"birthday", "apartment", "teacher", "accountant", "older", "younger"}, english


THREAD = """{
  "participants": [
    {
      "name": "Jos\\u00c3\\u00a9 P\\u00c3\\u00a9rez"
    },
    {
      "name": "Ana Ejemplo"
    }
  ],
  "messages": [
    {
      "sender_name": "Jos\\u00c3\\u00a9 P\\u00c3\\u00a9rez",
      "timestamp_ms": 1800014400000,
      "content": "el nuevo n\\u00c3\\u00bamero es 11 15-0000-1111",
      "is_geoblocked_for_viewer": false
    },
    {
      "sender_name": "Ana Ejemplo",
      "timestamp_ms": 1799000000000,
      "share": {"link": "https://example.org"},
      "is_geoblocked_for_viewer": false
    },
    {
      "sender_name": "Ana Ejemplo",
      "timestamp_ms": 1798027200000,
      "content": "hola",
      "is_geoblocked_for_viewer": false
    }
  ],
  "title": "Jos\\u00c3\\u00a9 P\\u00c3\\u00a9rez",
  "is_still_participant": true,
  "thread_path": "inbox/joseperez_1"
}"""


def test_an_instagram_thread_is_its_messages_repaired_dated_and_cited_at_their_content():
    name = "instagram-ana/your_instagram_activity/messages/inbox/joseperez_1/message_1.json"
    sts = parse_statements(Path(name), THREAD.encode())
    got = {s.line: (" > ".join(s.topic), s.text, s.written) for s in sts}
    assert set(got) == {14, 26}  # one statement a message, at its "content"; the share without text left out
    assert "José Pérez: el nuevo número es 11 15-0000-1111" in got[14][1] and got[14][0].startswith("Instagram messages: José Pérez")
    assert got[14][2] == "2027-01-15" and got[26][2] == "2026-12-23"
    assert not any("geoblocked" in t or "sender name" in t for _, t, _ in got.values())


def test_portugals_renda_is_the_rent_and_words_that_hold_it_are_not():
    """Portugal writes the rent "renda" (Brazil "aluguel"): "Renda €780/mês" is the rent; the
    Spanish "prendas" (clothes) and the Portuguese "rendimento" (income) hold the letters only."""
    from memory.gloss import english_for, foreign_for
    assert "rent" in english_for("Senhorio: Sr. Queirós. Renda €780/mês, transferência até dia 8.")
    assert "rent" in english_for("As rendas de 2026 estão pagas")
    assert "renda" in foreign_for(["rent"])
    for other in ("Prendas para o Natal", "Rendimento anual: 31 000 €", "Rendall Street"):
        assert "rent" not in english_for(other), other
