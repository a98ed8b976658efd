"""A Neorg workspace (memory/neorg.py); all examples made up."""
from __future__ import annotations

from memory import parsers
from memory.statements import parse_statements

_META = """@document.meta
title: garden
description: the allotment
authors: ines
categories: [
  garden
]
created: 2025-04-02T08:10:00+0100
updated: 2025-06-19T21:45:12+0100
version: 1.1.1
@end
"""


def _statements(path):
    return [(s.line, s.topic, s.text) for s in parse_statements(path, path.read_bytes())]


def _texts(path):
    return [(line, text) for line, _, text in _statements(path)]


def test_a_page_is_markdown_under_its_headings_and_dated_by_its_meta_block(tmp_path):
    page = tmp_path / "notes" / "garden.norg"
    page.parent.mkdir()
    page.write_text(_META + """
* Allotment
  Plot 14 at the Lindenweg gardens, key in the blue tin.
** Neighbours
   - Herr Odalric grows the pumpkins, {:contacts:}[his number] is on the contacts page.
   - See {* Allotment} and {:people/odalric:}.
   - Hose bought at [Gartenwelt]{https://example.org/shop}, second one from {https://example.org}[the market].
""")
    parsed = parsers.parse(page, page.read_bytes())
    assert parsed.written == "2025-06-19" and parsed.nothing == ""
    got = _statements(page)
    assert not any("@document" in t or "authors" in t or "version" in t for _, _, t in got)
    assert (14, ["Allotment"], "Plot 14 at the Lindenweg gardens, key in the blue tin.") in got
    assert (16, ["Allotment", "Neighbours"], "Neighbours: Herr Odalric grows the pumpkins, his number is on the contacts page.") in got
    assert (17, ["Allotment", "Neighbours"], "Neighbours: See Allotment and odalric.") in got
    assert (18, ["Allotment", "Neighbours"], "Neighbours: Hose bought at Gartenwelt, second one from the market.") in got
    # Without `updated:` the page is dated by `created:`.
    older = tmp_path / "notes" / "old.norg"
    older.write_text("@document.meta\ntitle: old\ncreated: 2024-12-30T10:00:00+0100\n@end\n\n* Old\n  Nothing here.\n")
    assert parsers.parse(older, older.read_bytes()).written == "2024-12-30"


def test_a_journal_page_is_dated_by_its_path(tmp_path):
    day = tmp_path / "ws" / "journal" / "2025" / "07" / "03.norg"
    day.parent.mkdir(parents=True)
    day.write_text(_META + "\n* Day\n  - Picked the first beans, about a kilo.\n")
    assert parsers.parse(day, day.read_bytes()).written == "2025-07-03"
    assert (14, "Day: Picked the first beans, about a kilo.") in _texts(day)


def test_tasks_ordered_items_definitions_and_tables(tmp_path):
    page = tmp_path / "chores.norg"
    page.write_text(_META + """
* To do
  - (x) Oil the gate
  - ( ) Order compost
  - (=) Paint the shed
  - ( ) 
* Jam
  ~ Weigh 1 kg of plums.
  ~ Cook with 500 g sugar for 25 minutes.
* Numbers
  $ Water meter
  77 104 552
  $ Plot fee
  48 euros a year
* Seeds
  | crop    | sown     | rows |
  | carrots | 12 April | 3    |
  | leeks   | 20 May   | 2    |
""")
    got = _texts(page)
    assert (14, "To do: Oil the gate (done)") in got
    assert (15, "To do: Order compost") in got
    assert (16, "To do: Paint the shed (on hold)") in got
    assert not any(line == 17 for line, _ in got)  # an empty task says nothing
    assert (19, "Jam: Weigh 1 kg of plums.") in got and (20, "Jam: Cook with 500 g sugar for 25 minutes.") in got
    assert (22, "Numbers: Water meter: 77 104 552") in got and (24, "Numbers: Plot fee: 48 euros a year") in got
    assert (28, "crop: carrots; sown: 12 April; rows: 3") in got and (29, "crop: leeks; sown: 20 May; rows: 2") in got
    assert not any("crop: crop" in t for _, t in got)


def test_indented_text_is_not_code_and_continuation_lines_stay_with_their_item(tmp_path):
    page = tmp_path / "house.norg"
    page.write_text(_META + """
* House
** Heating
   - Boiler serviced by Firma Kessler:
     next visit in October, 140 euros.
   The thermostat code is 4471.
   @code sh
   systemctl restart heating
   @end
""")
    blocks = parsers.parse(page, page.read_bytes()).blocks
    code = [b for b in blocks if b.kind == "code"]
    assert len(code) == 1 and [n for n, _ in code[0].lines] == [18, 19, 20]
    got = _texts(page)
    assert (15, "Heating: Boiler serviced by Firma Kessler: next visit in October, 140 euros.") in got
    assert any(line == 17 and "thermostat code is 4471" in text for line, text in got)
    assert not any("systemctl" in t for _, t in got)


def test_the_editor_configuration_is_not_notes(tmp_path):
    config = tmp_path / "ws" / ".config" / "neorg.lua"
    config.parent.mkdir(parents=True)
    config.write_text('-- my neorg setup\nreturn {\n  "nvim-neorg/neorg",\n  config = function()\n'
                      '    require("neorg").setup({ load = { ["core.defaults"] = {} } })\n  end,\n}\n')
    parsed = parsers.parse(config, config.read_bytes())
    assert parsed.blocks == [] and "Neovim" in parsed.nothing
    assert parse_statements(config, config.read_bytes()) == []
    # A Lua script of one's own is still read as code.
    script = tmp_path / "ws" / "sum.lua"
    script.write_text("-- adds the receipts\nlocal total = 0\n")
    assert parsers.parse(script, script.read_bytes()).nothing == ""
