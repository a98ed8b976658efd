"""A French-speaking household's Evernote export read as what it says: a struck-out value reads
as the change it is, and everyday French words are glossed so an English question finds them.
The examples are made up."""
from __future__ import annotations

from pathlib import Path

from memory.gloss import english_for
from memory.statements import parse_statements

ENEX = """<?xml version="1.0" encoding="UTF-8"?>
<en-export export-date="20261001T100000Z" application="Evernote" version="10.90.1">
  <note>
    <title>Factures</title>
    <created>20250110T080000Z</created>
    <updated>20260902T090000Z</updated>
    <content><![CDATA[<?xml version="1.0" encoding="UTF-8"?><en-note><div><b>Chaque mois</b></div><ul><li><div>Box : <s>Orange 4G, 12 000 FCFA</s> Moov fibre, 20 000 FCFA par mois</div></li><li><div>Eau : <del>facture papier</del> par MoMo</div></li></ul></en-note>]]></content>
  </note>
</en-export>
"""


def _texts(text: str) -> list[str]:
    return [s.text for s in parse_statements(Path("/notes/Maison.enex"), text.encode())]


def test_struck_value_followed_by_a_new_one_reads_as_the_change():
    texts = _texts(ENEX)
    assert "Chaque mois: Box : Orange 4G, 12 000 FCFA → Moov fibre, 20 000 FCFA par mois" in texts


def test_struck_words_before_lower_case_stay_words_without_marks():
    # Only a struck value followed by a new value is a change; otherwise the words stay as written.
    assert "Chaque mois: Eau : facture papier par MoMo" in _texts(ENEX)
    assert not any("~~" in t for t in _texts(ENEX))


def test_french_household_words_are_glossed():
    assert {"parish"} <= english_for("Baptême : Paroisse Saint-Luc, 2019")
    assert {"baptism"} <= english_for("Baptême : Paroisse Saint-Luc, 2019")
    assert {"members"} <= english_for("Association des parents : 35 membres")
    assert {"term", "fee"} <= english_for("Frais par trimestre : 30 000 FCFA")
    assert {"posted"} <= english_for("Il est affecté à Parakou depuis mars")
    assert {"best", "friend"} <= english_for("Awa, ma meilleure amie")
    assert {"husband"} <= english_for("mon mari conduit la Peugeot")
    assert {"savings"} <= english_for("compte épargne n° 1234")
    assert {"insurance"} <= english_for("Assurance : Sunu Assurances")


def test_english_words_and_names_gain_no_french_gloss():
    assert not english_for("a portable charger and a plaque") & {"phone", "mobile", "plate"}
    assert not english_for("Marie le Pen") & {"married", "wedding"}
    assert not english_for("She sells at the market") & {"posted"}


CARS = """<?xml version="1.0" encoding="UTF-8"?>
<en-export export-date="20261001T100000Z" application="Evernote" version="10.90.1">
  <note>
    <title>Voitures</title>
    <created>20250110T080000Z</created>
    <content><![CDATA[<en-note><div><b>Peugeot 308 2015</b> (bleue, la mienne)</div><ul><li><div>Immatriculation : BK 1234 RB</div></li></ul><div><b>Kia Rio 2012</b> (pour le village)</div><ul><li><div>Immatriculation : AZ 5678 RB</div></li></ul><div><b>12 mars 2026</b></div></en-note>]]></content>
  </note>
</en-export>
"""


def test_evernote_list_items_stay_bullets_under_the_bold_title_above_them():
    # Evernote writes every list item as <li><div>text</div></li>, and a car as its bold model
    # and year with an aside: each plate is said of its own car.
    got = {(s.kind, tuple(s.topic), s.text) for s in parse_statements(Path("/notes/Voitures.enex"), CARS.encode())}
    assert ("bullet", ("Voitures", "Peugeot 308 2015 (bleue, la mienne)"),
            "Peugeot 308 2015 (bleue, la mienne): Immatriculation : BK 1234 RB") in got
    assert ("bullet", ("Voitures", "Kia Rio 2012 (pour le village)"),
            "Kia Rio 2012 (pour le village): Immatriculation : AZ 5678 RB") in got
