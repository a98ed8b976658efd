"""Leo outlines (the Leo editor): a `.leo` file read as the outline a person wrote, its settings
file as nothing to read, and the `@file` external files Leo writes without their sentinels."""
from __future__ import annotations

import json
import textwrap

from memory import parsers
from memory.statements import parse_statements


def _got(path, text):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, textwrap.dedent(text).encode())]


def _headings(path, text):
    parsed = parsers.parse(path, textwrap.dedent(text).encode())
    return [(b.lines[0][0], b.level, b.title) for b in parsed.blocks if b.kind == "heading"]


OUTLINE = """\
    <?xml version="1.0" encoding="utf-8"?>
    <!-- Created by Leo: https://leo-editor.github.io/leo-editor/leo_toc.html -->
    <leo_file xmlns:leo="http://leo-editor.github.io/leo-editor/namespaces/leo-python-editor/1.1" >
    <leo_header file_format="2"/>
    <globals/>
    <preferences/>
    <find_panel_settings/>
    <vnodes>
    <v t="quill.20250301090000.1" a="E"><vh>Allotment</vh>
    <v t="quill.20250301090000.2"><vh>Plot 14B</vh></v>
    <v t="quill.20250301090000.3" a="E"><vh>Seeds to buy</vh>
    <v t="quill.20250301090000.4"><vh>Borlotti beans</vh></v>
    <v t="quill.20250301090000.5"><vh>Sweet peas</vh></v>
    </v>
    <v t="quill.20250301090000.6"><vh>Shed</vh></v>
    </v>
    <v t="quill.20250301090000.7"><vh>People</vh>
    <v t="quill.20250301090000.6"></v>
    <v t="quill.20250301090000.8"><vh>Wren Kowalczyk</vh></v>
    </v>
    <v t="quill.20250301090000.9"><vh>@file recipes.md</vh></v>
    <v t="quill.20250301090000.10"><vh>@settings</vh>
    <v t="quill.20250301090000.11"><vh>@bool vim-mode = True</vh></v>
    </v>
    <v t="quill.20250301090000.12"><vh>@button tidy-up</vh></v>
    <v t="quill.20250301090000.13"><vh>Scripts</vh>
    <v t="quill.20250301090000.14"><vh>backup.sh</vh></v>
    </v>
    </vnodes>
    <tnodes>
    <t tx="quill.20250301090000.1">@language md
    @tabwidth -4
    Site: Hollow Lane allotments, gate code 4471.
    Rent: 38 GBP a year, due every October.

    @others
    </t>
    <t tx="quill.20250301090000.2">Half plot, south end.
    - rhubarb crowns by the water butt
    - asparagus bed, second year
    </t>
    <t tx="quill.20250301090000.3"></t>
    <t tx="quill.20250301090000.4"></t>
    <t tx="quill.20250301090000.5"></t>
    <t tx="quill.20250301090000.6">Padlock combination: 0917.
    # Tools
    The strimmer belongs to plot 12.
    </t>
    <t tx="quill.20250301090000.7"></t>
    <t tx="quill.20250301090000.8">Phone: 07700 900461
    Keeps bees on plot 3.
    </t>
    <t tx="quill.20250301090000.9"></t>
    <t tx="quill.20250301090000.10"></t>
    <t tx="quill.20250301090000.11"></t>
    <t tx="quill.20250301090000.12">c.save()
    g.es("tidied")
    </t>
    <t tx="quill.20250301090000.13">@language python
    </t>
    <t tx="quill.20250301090000.14">rsync -a ~/allotment /mnt/usb
    </t>
    </tnodes>
    </leo_file>
    """


def test_a_leo_outline_gives_its_nodes_as_headings_over_their_bodies(tmp_path):
    path = tmp_path / "garden.leo"
    got = _got(path, OUTLINE)
    assert (33, "Allotment", "Site: Hollow Lane allotments, gate code 4471.") in got
    assert (34, "Allotment", "Rent: 38 GBP a year, due every October.") in got
    assert (38, "Allotment > Plot 14B", "Half plot, south end.") in got
    assert (39, "Allotment > Plot 14B", "Plot 14B: rhubarb crowns by the water butt") in got
    assert (40, "Allotment > Plot 14B", "Plot 14B: asparagus bed, second year") in got
    # A node with nothing in it is an item of its parent's list.
    assert (12, "Allotment > Seeds to buy", "Seeds to buy: Borlotti beans") in got
    assert (13, "Allotment > Seeds to buy", "Seeds to buy: Sweet peas") in got
    assert (45, "Allotment > Shed", "Padlock combination: 0917.") in got
    # A body's own heading goes under its node's.
    assert (47, "Allotment > Shed > Tools", "The strimmer belongs to plot 12.") in got
    assert (50, "People > Wren Kowalczyk", "Phone: 07700 900461") in got
    texts = [t for _, _, t in got]
    # The clone of "Shed" under People is read once, where it first is.
    assert sum("0917" in t for t in texts) == 1
    assert not any(topic.startswith("People > Shed") for _, topic, _ in got)
    # Directives, the @file node (its text is in recipes.md), settings and scripts are no notes.
    assert not any("@" in t for t in texts)
    assert not any("recipes" in t or "vim-mode" in t or "tidied" in t or "c.save" in t for t in texts)
    assert not any("<v " in t or "<t " in t or "quill." in t for t in texts)


def test_a_leo_outline_keeps_its_depths_and_a_script_body_as_code(tmp_path):
    path = tmp_path / "garden.leo"
    assert _headings(path, OUTLINE) == [
        (9, 1, "Allotment"), (10, 2, "Plot 14B"), (11, 2, "Seeds to buy"), (15, 2, "Shed"), (46, 3, "Tools"),
        (17, 1, "People"), (19, 2, "Wren Kowalczyk"), (26, 1, "Scripts"), (27, 2, "backup.sh"),
    ]
    parsed = parsers.parse(path, textwrap.dedent(OUTLINE).encode())
    code = [b for b in parsed.blocks if b.kind == "code"]
    assert [line for b in code for _, line in b.lines if "rsync" in line] == ["rsync -a ~/allotment /mnt/usb"]
    assert [n for b in code for n, line in b.lines if "rsync" in line] == [61]


SETTINGS = """\
    <?xml version="1.0" encoding="utf-8"?>
    <leo_file>
    <leo_header file_format="2"/>
    <vnodes>
    <v t="quill.20250110080000.1" a="E"><vh>@settings</vh>
    <v t="quill.20250110080000.2"><vh>@string initial-split-orientation = vertical</vh></v>
    <v t="quill.20250110080000.3"><vh>@int body-text-font-size = 14</vh></v>
    </v>
    <v t="quill.20250110080000.4"><vh>@button save-all</vh></v>
    </vnodes>
    <tnodes>
    <t tx="quill.20250110080000.1"></t>
    <t tx="quill.20250110080000.4">c.saveAll()
    </t>
    </tnodes>
    </leo_file>
    """


def test_leo_settings_are_nothing_to_read_and_say_why(tmp_path):
    parsed = parsers.parse(tmp_path / "myLeoSettings.leo", textwrap.dedent(SETTINGS).encode())
    assert parsed.blocks == [] and "settings" in parsed.nothing
    assert parse_statements(tmp_path / "myLeoSettings.leo", textwrap.dedent(SETTINGS).encode()) == []
    # The same tree in an outline of another name is also only configuration.
    parsed = parsers.parse(tmp_path / "editor.leo", textwrap.dedent(SETTINGS).encode())
    assert parsed.blocks == [] and "settings and scripts" in parsed.nothing


EXTERNAL_MD = """\
    <!--@+leo-ver=5-thin-->
    <!--@+node:quill.20250402070000.1: * @file diary/2025-04.md-->
    <!--@@language md-->
    # April 2025
    <!--@+others-->
    <!--@+node:quill.20250402070000.2: ** 2025-04-02 Wed-->
    Wren gave me six comfrey cuttings.
    <!--@+node:quill.20250402070000.3: *3* Water-->
    Standpipe off until 15 April.
    <!--@+node:quill.20250402070000.4: ** 2025-04-09 Wed-->
    Council: plot fees go up to 42 GBP from October.

    <!--@verbatim-->
    <!--@keep this comment-->
    <!--@-others-->
    <!--@-leo-->
    """


def test_a_leo_external_markdown_file_gives_its_nodes_as_headings_without_sentinels(tmp_path):
    path = tmp_path / "2025-04.md"
    assert _headings(path, EXTERNAL_MD) == [
        (4, 1, "April 2025"), (6, 2, "2025-04-02 Wed"), (8, 3, "Water"), (10, 2, "2025-04-09 Wed"),
    ]
    got = _got(path, EXTERNAL_MD)
    assert (7, "April 2025 > 2025-04-02 Wed", "Wren gave me six comfrey cuttings.") in got
    assert (9, "April 2025 > 2025-04-02 Wed > Water", "Standpipe off until 15 April.") in got
    assert (11, "April 2025 > 2025-04-09 Wed", "Council: plot fees go up to 42 GBP from October.") in got
    texts = " ".join(t for _, _, t in got)
    assert "@+" not in texts and "@-" not in texts and "quill." not in texts and "@@language" not in texts
    # A line of text that looks like a sentinel is written after @verbatim, and kept.
    parsed = parsers.parse(path, textwrap.dedent(EXTERNAL_MD).encode())
    assert (14, "<!--@keep this comment-->") in [line for b in parsed.blocks for line in b.lines]


EXTERNAL_TXT = """\
    #@+leo-ver=5-thin
    #@+node:quill.20250501120000.1: * @file bikes.txt
    #@@language plain
    #@+others
    #@+node:quill.20250501120000.2: ** Commuter
    Frame number: WTU 118 204 7
    Tyres 700x35, pressure 4.5 bar.
    #@+node:quill.20250501120000.3: ** Tandem
    Stored at Wren's garage.
    #@-others
    #@-leo
    """


def test_a_leo_external_text_file_with_hash_sentinels(tmp_path):
    path = tmp_path / "bikes.txt"
    assert _headings(path, EXTERNAL_TXT) == [(5, 1, "Commuter"), (8, 1, "Tandem")]
    got = _got(path, EXTERNAL_TXT)
    assert (6, "Commuter", "Frame number: WTU 118 204 7") in got
    assert (9, "Tandem", "Stored at Wren's garage.") in got
    assert not any("#@" in t or "quill." in t for _, _, t in got)


def test_a_leojs_outline_is_read_as_a_leo_outline(tmp_path):
    outline = {
        "leoHeader": {"fileFormat": 2},
        "vnodes": [
            {"gnx": "quill.20250601.1", "vh": "Boat", "children": [
                {"gnx": "quill.20250601.2", "vh": "Mooring"},
            ]},
            {"gnx": "quill.20250601.2"},
        ],
        "tnodes": {"quill.20250601.1": "@language md\nName: Skylark, 19 ft.\n",
                   "quill.20250601.2": "Berth C7, paid until March.\n"},
    }
    text = json.dumps(outline, indent=2)
    got = [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(tmp_path / "boat.leojs", text.encode())]
    lines = text.split("\n")
    first_body = next(k for k, line in enumerate(lines, 1) if "Skylark" in line)
    second_body = next(k for k, line in enumerate(lines, 1) if "Berth" in line)
    assert (first_body, "Boat", "Name: Skylark, 19 ft.") in got
    assert (second_body, "Boat > Mooring", "Berth C7, paid until March.") in got
    assert len([t for _, _, t in got if "Berth" in t]) == 1  # the clone once


CLEAN = """\
    <?xml version="1.0" encoding="utf-8"?>
    <leo_file>
    <vnodes>
    <v t="quill.20250701.1"><vh>@chapter Kitchen</vh>
    <v t="quill.20250701.2"><vh>@clean lists/pantry.txt</vh>
    <v t="quill.20250701.3"><vh>Staples</vh></v>
    </v>
    </v>
    </vnodes>
    <tnodes>
    <t tx="quill.20250701.2">@others
    </t>
    <t tx="quill.20250701.3">Rice: 2 kg jasmine, the shop on Mill Road.
    </t>
    </tnodes>
    </leo_file>
    """


def test_an_at_clean_tree_is_read_from_the_leo_only_when_its_file_is_not_in_the_notes(tmp_path):
    path = tmp_path / "home.leo"
    got = _got(path, CLEAN)
    assert got == [(13, "Kitchen > lists/pantry.txt > Staples", "Rice: 2 kg jasmine, the shop on Mill Road.")]
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "pantry.txt").write_text("Rice: 2 kg jasmine, the shop on Mill Road.\n")
    assert _got(path, CLEAN) == []  # the file is read on its own: not twice
    parsed = parsers.parse(path, textwrap.dedent(CLEAN).encode())
    assert "@file" in parsed.nothing or "on their own" in parsed.nothing
