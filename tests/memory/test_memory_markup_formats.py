"""Documentation markup and app exports people keep notes in: reStructuredText (a Sphinx wiki),
AsciiDoc, Textile (a Redmine wiki or issue), LaTeX (a CV, a letter), OPML outlines, Obsidian canvas
boards and Google Tasks. Each is read as what it means, every statement cited at the file line it
came from."""
from __future__ import annotations

import json
import textwrap

from memory import parsers
from memory.statements import parse_statements


def _got(path, text):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, textwrap.dedent(text).encode())]


RST = """\
    Otthon
    ======

    :Cím: 1092 Budapest, Ráday utca 9.
    :Kaució: 380 000 Ft
       (két havi)

    .. toctree::

       kert
       pince

    Szomszédok
    ----------

    Anyu
       Kovács Éva, Győrben lakik. Névnap: december 24.

    Tibor
       a kapus, nála van a pótkulcs.

    The bins go out on Tuesday.

    ==========  ============  ============
    Mérő        Gyári szám    Leolvasás
    ==========  ============  ============
    Áram        71 402 118    havonta
    Gáz         5 530 021     évente
    ==========  ============  ============

    .. list-table::
       :header-rows: 1

       * - Név
         - Telefon
       * - Kovács Éva
         - +36 30 555 0101

    .. note::

       Az új bérleti díj ``2027. 01. 01.``-től érvényes.
    """


def test_a_restructuredtext_page_gives_fields_terms_tables_and_notes_without_its_plumbing(tmp_path):
    got = _got(tmp_path / "otthon.rst", RST)
    texts = [t for _, _, t in got]
    assert (4, "Otthon", "Otthon: Cím: 1092 Budapest, Ráday utca 9.") in got
    assert (5, "Otthon", "Otthon: Kaució: 380 000 Ft (két havi)") in got  # the field's indented second line joins it
    assert not any("kert" in t or "pince" in t for t in texts)  # the toctree's page names are no facts
    assert (17, "Otthon > Szomszédok > Anyu", "Kovács Éva, Győrben lakik.") in got
    assert (17, "Otthon > Szomszédok > Anyu", "Névnap: december 24.") in got
    assert (20, "Otthon > Szomszédok > Tibor", "a kapus, nála van a pótkulcs.") in got
    # The text after a definition list is its section's again, not the last term's.
    assert (22, "Otthon > Szomszédok", "The bins go out on Tuesday.") in got
    assert (27, "Otthon > Szomszédok", "Mérő: Áram; Gyári szám: 71 402 118; Leolvasás: havonta") in got
    assert (36, "Otthon > Szomszédok", "Név: Kovács Éva; Telefon: +36 30 555 0101") in got
    # A Hungarian date is one sentence, not three ("2027." "01." "01.").
    assert (41, "Otthon > Szomszédok", "Az új bérleti díj 2027. 01. 01.-től érvényes.") in got


ADOC = """\
    = Papeles
    :lang: es
    :toc: left

    // copiado del fólder azul
    [horizontal]
    Pasaporte:: G12345678, vence 03/05/2030
    Número de empleado:: XK-4410

    == Contactos

    [cols="2,2",options="header"]
    |===
    |Nombre |Teléfono

    |Lucía Robles
    |55 5555 0123

    |Taller Ortiz
    |55 5555 0456
    |===

    . primero el acta
    . luego la CURP
    """


def test_an_asciidoc_page_gives_its_labelled_lists_and_table_rows_without_its_settings(tmp_path):
    got = _got(tmp_path / "papeles.adoc", ADOC)
    assert got == [
        (7, "Papeles", "Papeles: Pasaporte: G12345678, vence 03/05/2030"),
        (8, "Papeles", "Papeles: Número de empleado: XK-4410"),
        (16, "Papeles > Contactos", "Nombre: Lucía Robles; Teléfono: 55 5555 0123"),
        (19, "Papeles > Contactos", "Nombre: Taller Ortiz; Teléfono: 55 5555 0456"),
        (23, "Papeles > Contactos", "Contactos: primero el acta"),
        (24, "Papeles > Contactos", "Contactos: luego la CURP"),
    ]


WIKI = """\
    h1. Casa

    {{>toc}}

    h2(info). Contactos

    |_. Nombre |_. Teléfono |_. Notas |
    | Inés Carvajal | 600 000 101 | *madrina*, ver [[Familia|la familia]] |
    | Taller Ferrer | 600 000 202 | "web":https://example.org/taller |

    * Alquiler: -850 €- 900 € desde marzo
    ** se paga el día _5_
    # primero el contrato
    # luego el @IBAN@

    {{toc}}
    bq. Las llaves las tiene Tomás.
    """


def test_a_textile_wiki_page_gives_headings_table_rows_lists_and_struck_values(tmp_path):
    got = _got(tmp_path / "Casa.textile", WIKI)
    assert got == [
        (8, "Casa > Contactos", "Nombre: Inés Carvajal; Teléfono: 600 000 101; Notas: madrina, ver la familia"),
        (9, "Casa > Contactos", "Nombre: Taller Ferrer; Teléfono: 600 000 202; Notas: web"),
        (11, "Casa > Contactos", "Contactos: Alquiler: 850 € → 900 € desde marzo"),  # -850 €- was replaced
        (12, "Casa > Contactos > Alquiler", "Alquiler: se paga el día 5"),  # nested under its item
        (13, "Casa > Contactos", "Contactos: primero el contrato"),
        (14, "Casa > Contactos", "Contactos: luego el IBAN"),
        (17, "Casa > Contactos", "Las llaves las tiene Tomás."),
    ]
    md = parsers.parse(tmp_path / "Casa.textile", textwrap.dedent(WIKI).encode())
    headings = [(b.lines[0][0], b.title) for b in md.blocks if b.kind == "heading"]
    assert headings == [(1, "Casa"), (5, "Contactos")]
    assert not any("toc" in t or "|_." in t or "https" in t for _, _, t in got)


ISSUE = """\
    h1. Tarea #4127: Renovar el pasaporte de Inés

    |*Estado:*|Cerrada|*Prioridad:*|Normal|
    |*Asignado a:*|Inés Carvajal|*Categoría:*||
    |*Fecha fin:*|-15/07/2026- 31/07/2026|*Tiempo estimado:*|2.00 h|

    h2. Descripción

    Pedir cita en la comisaría de Ronda.

    h2. Historia

    h3. #1 Actualizado por Inés Carvajal el 29/07/2026 21:20

    * *Estado* cambiado de _Nueva_ a _En curso_

    La cita es el -3 de agosto- 5 de agosto a las 10:30.

    h3. #2 Actualizado por Tomás Ferrer el 30/07/2026 09:05

    Pagada la tasa: 30,00 €.
    """


def test_a_redmine_issue_gives_its_attributes_as_fields_and_each_journal_entry_under_its_heading(tmp_path):
    # A `.txt` export is recognised by its `h1.` heading and its attribute table.
    got = _got(tmp_path / "issue-4127.txt", ISSUE)
    issue = "Tarea #4127: Renovar el pasaporte de Inés"
    first = f"{issue} > Historia > #1 Actualizado por Inés Carvajal el 29/07/2026 21:20"
    second = f"{issue} > Historia > #2 Actualizado por Tomás Ferrer el 30/07/2026 09:05"
    assert got == [
        (3, issue, f"{issue}: Estado: Cerrada"),
        (3, issue, f"{issue}: Prioridad: Normal"),
        (4, issue, f"{issue}: Asignado a: Inés Carvajal"),  # an empty Categoría says nothing
        (5, issue, f"{issue}: Fecha fin: 15/07/2026 → 31/07/2026"),
        (5, issue, f"{issue}: Tiempo estimado: 2.00 h"),
        (9, f"{issue} > Descripción", "Pedir cita en la comisaría de Ronda."),
        (15, first, "#1 Actualizado por Inés Carvajal el 29/07/2026 21:20: Estado cambiado de Nueva a En curso"),
        (17, first, "La cita es el 3 de agosto → 5 de agosto a las 10:30."),
        (21, second, "Pagada la tasa: 30,00 €."),
    ]


def test_textile_is_sniffed_only_in_texts_written_in_it_and_a_broken_construct_is_read_as_text(tmp_path):
    from memory import textile
    assert textile.looks_like_textile(tmp_path / "notas.txt", ["h2. Coche", "", "* ITV: marzo"])
    assert not textile.looks_like_textile(tmp_path / "notas.txt", ["Coche", "* ITV: marzo"])  # no h2. heading
    assert not textile.looks_like_textile(tmp_path / "notas.txt", ["## Coche", "h2. is a tag", "* ITV: marzo"])
    assert not textile.looks_like_textile(tmp_path / "notas.md", ["h2. Coche", "* ITV: marzo"])
    broken = "h2. Coche\n<pre>\n| ITV | marzo\n* Seguro: -Lumo- Mapfre\n[[roto|\n"
    got = _got(tmp_path / "coche.textile", broken)
    assert (3, "Coche", "| ITV | marzo") in got  # a row that never closes, and a <pre> that never ends
    assert (4, "Coche", "Coche: Seguro: Lumo → Mapfre") in got

CV = r"""
    % last updated: 2026-03-02
    \documentclass[11pt,a4paper]{moderncv}
    \moderncvstyle{classic}
    \usepackage[utf8]{inputenc}
    \name{Ana}{Quiroga Paz}
    \title{Backend Engineer}
    \phone[mobile]{+54~11~5555~0199}

    \begin{document}
    \makecvtitle
    \section{Experience}
    \cventry{2021--now}{Backend Engineer}{Tambo Labs}{Rosario}{}{%
      Payments API.
      \begin{itemize}
        \item Cut p99 latency by 40\%.
      \end{itemize}}
    \cvitem{Languages}{Spanish, English (C1)}
    \end{document}
    """

LETTER = r"""
    \documentclass{letter}
    \signature{Ana Quiroga}
    \address{Bv. Oroño 1200\\Rosario}
    \begin{document}
    \begin{letter}{Sr. Gómez\\Administración}
    \opening{Estimado Sr. Gómez:}

    Le confirmo que el alquiler de \$350.000 se paga el día 10.

    Quedan pendientes las llaves del depósito.
    \closing{Saludos,}
    \end{letter}
    \end{document}
    """


def test_a_latex_cv_and_letter_give_what_their_commands_say_without_the_typesetting(tmp_path):
    got = [(n, t) for n, _, t in _got(tmp_path / "cv.tex", CV)]
    assert got == [
        (6, "Name: Ana Quiroga Paz"),
        (7, "Title: Backend Engineer"),
        (8, "Phone (mobile): +54 11 5555 0199"),
        (13, "Experience: 2021–now: Backend Engineer, Tambo Labs, Rosario. Payments API."),
        (13, "Experience: Cut p99 latency by 40%."),
        (18, "Experience: Languages: Spanish, English (C1)"),
    ]
    assert parsers.parse(tmp_path / "cv.tex", textwrap.dedent(CV).encode()).written == "2026-03-02"
    letter = [(n, t) for n, _, t in _got(tmp_path / "carta.tex", LETTER)]
    assert (4, "Address: Bv. Oroño 1200, Rosario") in letter
    assert (6, "To: Sr. Gómez, Administración") in letter
    assert (9, "Le confirmo que el alquiler de $350.000 se paga el día 10.") in letter
    assert (11, "Quedan pendientes las llaves del depósito.") in letter  # its own line, not the paragraph's before
    assert not any("documentclass" in t or "utf8" in t for _, t in got + letter)


OPML = """\
    <?xml version="1.0" encoding="utf-8"?>
    <opml version="2.0">
      <head>
        <title>Diario</title>
      </head>
      <body>
        <outline text="2026-05-04 (lun)">
          <outline text="El taller llamó. El cambio de aceite quedó para el jueves." />
        </outline>
        <outline text="Pendientes">
          <outline text="Renovar seguro" complete="true" />
          <outline text="Comprar filtro" _note="el del modelo 2019" />
        </outline>
      </body>
    </opml>
    """


def test_an_opml_outline_gives_headings_over_entries_each_sentence_and_item_its_own_line(tmp_path):
    got = _got(tmp_path / "Diario.opml", OPML)
    assert got == [
        (8, "Diario > 2026-05-04 (lun)", "El taller llamó."),
        (8, "Diario > 2026-05-04 (lun)", "El cambio de aceite quedó para el jueves."),
        (11, "Diario > Pendientes", "Pendientes: Renovar seguro (done)"),
        (12, "Diario > Pendientes", "Pendientes: Comprar filtro el del modelo 2019"),
    ]
    broken = parsers.parse(tmp_path / "broken.opml", b"<opml><body><outline text='a'></body>")
    assert any("malformed OPML" in w for w in broken.warnings)  # read as text, and said so


def test_an_obsidian_canvas_gives_the_markdown_on_its_cards_under_the_boards_name(tmp_path):
    board = {"nodes": [
        {"id": "n1", "type": "text", "text": "# Trip\n\nJune 3-9, with Priya.", "x": 0, "y": 0, "width": 300, "height": 200},
        {"id": "n2", "type": "file", "file": "maps/route.png", "x": 400, "y": 0, "width": 300, "height": 200},
        {"id": "n3", "type": "text", "text": "## Stay\n\n- Host: Ravi, +91 98 5555 0142\n- Code: 7731", "x": 0, "y": 300,
         "width": 300, "height": 200}],
        "edges": [{"id": "e1", "fromNode": "n1", "toNode": "n3", "label": "then"}]}
    text = json.dumps(board, indent=2)
    path = tmp_path / "Goa.canvas"
    got = [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, text.encode())]
    line_of = {i: n for n, line in enumerate(text.splitlines(), 1) for i in ("n1", "n3") if f'"# Trip' in line and i == "n1"
               or '"## Stay' in line and i == "n3"}
    assert got == [
        (line_of["n1"], "Goa > Trip", "June 3-9, with Priya."),
        (line_of["n3"], "Goa > Stay", "Stay: Host: Ravi, +91 98 5555 0142"),
        (line_of["n3"], "Goa > Stay", "Stay: Code: 7731"),
    ]


def test_google_tasks_from_takeout_give_one_dated_task_a_line_without_the_apps_keys(tmp_path):
    export = {"kind": "tasks#taskLists", "items": [{"kind": "tasks#taskList", "id": "L1", "title": "Home",
              "updated": "2026-10-01T08:00:00.000Z", "selfLink": "https://www.googleapis.com/tasks/v1/users/@me/lists/L1",
              "items": [
                  {"kind": "tasks#task", "id": "T1", "title": "Dentist check-up", "updated": "2026-09-20T10:00:00.000Z",
                   "selfLink": "https://x/T1", "position": "00000000000000000001", "status": "needsAction",
                   "notes": "Dr. Lind", "due": "2026-11-03T00:00:00.000Z"},
                  {"kind": "tasks#task", "id": "T2", "title": "Renew parking permit", "updated": "2026-08-02T10:00:00.000Z",
                   "selfLink": "https://x/T2", "position": "00000000000000000002", "status": "completed",
                   "completed": "2026-08-02T10:00:00.000Z"}]}]}
    text = json.dumps(export, indent=2)
    path = tmp_path / "Takeout" / "Tasks" / "Tasks.json"
    got = [(s.line, s.text) for s in parse_statements(path, text.encode())]
    lines = text.splitlines()
    t1 = next(n for n, line in enumerate(lines, 1) if '"Dentist check-up"' in line)
    t2 = next(n for n, line in enumerate(lines, 1) if '"Renew parking permit"' in line)
    assert got == [(t1, "Home: Dentist check-up (due 2026-11-03): Dr. Lind"), (t2, "Home: Renew parking permit (done)")]
    parsed = parsers.parse(path, text.encode())
    assert parsed.written_from == [(t1, "2026-09-20"), (t2, "2026-08-02")]
    assert not any("selfLink" in t or "position" in t for _, t in got)


def test_hungarian_household_words_are_glossed_and_english_lines_gain_none():
    from memory.gloss import english_for, foreign_for
    assert {"deposit"} <= english_for("Kaució: 380 000 Ft")
    assert {"spare", "key"} <= english_for("Pótkulcs: a szomszédnál")
    assert {"mother", "mom"} <= english_for("anyuval beszéltem")  # its ending added to the word
    assert {"password", "network"} <= english_for("hálózat Otthon_5G, jelszó almafa12")
    assert {"goddaughter"} <= english_for("Keresztlányom: Zoé")
    assert "kaucio" in foreign_for(["deposit"])
    for english in ("Having a nap after a hug at the gas station.", "Anyway, the havoc at the apiary made the news."):
        assert not english_for(english), english


def test_a_hungarian_date_is_one_sentence_and_a_date_the_reader_knows():
    from agent.reader_text import dates, latest_date
    got = [s.text for s in parse_statements("napló.md", "Áttették 2026. október 8. 9:00-ra. Új érvényesség 2028. 10. 15. Kész.".encode())]
    assert got == ["Áttették 2026. október 8. 9:00-ra.", "Új érvényesség 2028. 10. 15.", "Kész."]
    assert dates("Névnap: augusztus 18.") == ["augusztus 18"]
    assert latest_date("foglalva: 2026. október 8.") == (2026, 10, 8)


TASKPAPER = (
    "Documents:\n"
    "\tpassport P4471093, valid until 3. 5. 2031\n"
    "\tdriving licence D220918, categories B, BE\n"
    "\t- renew the ID card, book at the office first @due(2027-01-15) @flagged\n"
    "\t\tbring 2 photos 35x45 mm\n"
    "Banks:\n"
    "\tKestrel Bank — main account, salary comes here\n"
    "\t\tIBAN XK05 1212 0123 4567 8906\n"
    "\tMoorland Savings — the second one\n"
    "\t\tIBAN XK51 1701 9876 5432 1002\n"
    "\tCards: @today\n"
    "\t\t- cancel the old store card @done(2026-01-20) @project(Banks)\n"
)


def test_a_taskpaper_list_gives_each_item_its_own_line_under_its_project_and_parent(tmp_path):
    """Plain text ran a project's items together (they end with no full stop); each is now its own
    statement at its line, under its project, an item nested under the one it belongs to, a tag
    with a value in words and a bare tag left out."""
    got = _got(tmp_path / "Admin.taskpaper", TASKPAPER)
    texts = {line: text for line, _, text in got}
    assert texts[2] == "Documents: passport P4471093, valid until 3. 5. 2031"
    assert texts[3] == "Documents: driving licence D220918, categories B, BE"
    assert "(due 2027-01-15)" in texts[4] and "@" not in texts[4] and "flagged" not in texts[4]
    assert "35x45" in texts[5] and "passport" not in texts[5]
    # The two IBANs are each their bank's: the bank's line is the label of the lines under it.
    assert texts[8] == "Kestrel Bank: IBAN XK05 1212 0123 4567 8906"
    assert texts[10] == "Moorland Savings: IBAN XK51 1701 9876 5432 1002"
    assert "(done 2026-01-20; from Banks)" in texts[12]
    assert [topic for line, topic, _ in got if line == 10] == ["Banks > Moorland Savings"]


def test_taskpaper_is_sniffed_by_its_extension_or_its_projects_and_tagged_tasks(tmp_path):
    lines = TASKPAPER.splitlines()
    assert parsers.taskpaper.looks_like_taskpaper(tmp_path / "lists.txt", lines)
    # A plain note with a colon line or two and no tagged tasks stays plain text.
    assert not parsers.taskpaper.looks_like_taskpaper(tmp_path / "notes.txt", ["Shopping:", "milk", "Later:", "- call Ana"])


GEMTEXT = """\
    # Health

    ## Me
    * blood type B(III) Rh-
    * my doctor: Dr. Sarnai at the Khan-Uul clinic

    ## Kids
    * the children's doctor is Dr. Tuya
    => gemini://example.org/vaccines.gmi Vaccination schedule
    => 2026-10-21-thyroid.gmi
    ```
    * not an item, the page shows it as written
    ```
"""


def test_a_gemini_page_gives_its_sections_items_and_link_labels(tmp_path):
    """A `.gmi` page read as plain text had "## Me" as a sentence and every item under the page's
    title; its sections now say whose each item is, a link line says its label (or its address),
    and a preformatted block is a code block, not items."""
    got = _got(tmp_path / "health.gmi", GEMTEXT)
    by_line = {line: (topic, text) for line, topic, text in got}
    assert by_line[4] == ("Health > Me", "Me: blood type B(III) Rh-")
    assert by_line[8] == ("Health > Kids", "Kids: the children's doctor is Dr. Tuya")
    assert by_line[9][1].endswith("Vaccination schedule") and "gemini://" not in by_line[9][1]
    assert "2026-10-21-thyroid.gmi" in by_line[10][1]
    assert 12 not in by_line  # a preformatted block is shown as written, as markdown's code is: no list item
    assert all("## " not in text for _, _, text in got)
