"""Which people the notes keep as the user's children, so that "my kid" over two children asks
which one: "our son" and "our daughter", a child's own heading, a family table's relation cell, a
"Kids" heading in the notes' language over a line or a sub-heading per child, a listing. All
examples made up; driven by the word-overlap scorer of test_reader.py."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_children import KIDS_QUERY, kids_headed, kids_listed, own_children
from tests.agent.test_reader import hit, overlap_model


def test_children_listed_under_their_heading_or_as_our_two_are_asked_about():
    kids = [hit("Rishi - Grade 5 at Hill Academy, class teacher Ms. Ram.", line=3, topic="kids"),
            hit('Kavita "Kavs" - Sunbeam Nursery, pick-up 12:45.', line=5, topic="kids"),
            hit("Budho - my husband, drives a taxi.", line=3, topic="family")]
    assert kids_listed(kids) == ["Rishi", "Kavita"]
    assert kids_listed([hit('Family: Leilani and Ropati "Roppy" - our two, see kids', topic="Family")]) == ["Leilani", "Ropati"]
    assert kids_listed(kids[2:]) == []
    reading = Reader(overlap_model()).read("When is my kid's birthday?", [
        hit('Family: Leilani and Ropati "Roppy" - our two, see kids', line=4, rank=0, topic="Family"),
        hit("Birthdays: Leilani - 14/03/2017", line=3, rank=1, topic="Birthdays"),
        hit("Birthdays: Ropati - 05/09/2022", line=4, rank=2, topic="Birthdays")])
    assert reading.kind == "ambiguous" and {"Leilani", "Ropati"} <= {o.split(" (")[0] for o in reading.options}


def test_a_child_written_with_a_nickname_in_brackets_is_one_of_our_children():
    """'Reitumetse ("Reitu"), our daughter' beside "Kamohelo, our son": two children to ask about."""
    assert own_children(["Kamohelo, our son, born 2016.", 'Reitumetse ("Reitu"), our daughter, born 2022.']) == ["Kamohelo", "Reitumetse"]




def test_a_child_heading_its_own_lines_or_a_table_row_saying_son_is_ours():
    # "Thoko" over "Our daughter. Standard 4 ...": the sentence opens with "Our".
    assert own_children(["Thoko: Our daughter. Standard 4 at Bwaila Academy.", "Kondwani: Our son. Nursery at Little Stars."]) == [
        "Thoko", "Kondwani"]
    # ... but a heading over "Our son Tajay and our daughter Amoya" is no child: the names after are.
    assert own_children(["Yard: Our son Tajay and our daughter Amoya, see Kids."]) == ["Tajay", "Amoya"]
    # A family table's row: the relation cell says son or daughter, the name cell who.
    rows = ["Name: Mateo Pereyra Ferreira; Relation: son, born 08/03/2017; Barrio: Pocitos",
            'Name: Valentina "Vale" Pereyra Ferreira; Relation: daughter, born 30/11/2021; Barrio: Pocitos',
            "Name: Diego Pereyra; Relation: brother-in-law; Barrio: Salto",
            "Name: Nico Blanco; Relation: son-in-law of the landlady"]
    assert own_children(rows) == ["Mateo", "Valentina"]


def test_a_child_named_on_a_line_of_its_own_heads_its_lines_whose_keys_are_no_children():
    """A phone note "Anak-anak" (children, glossed "kids" by the index) with "AISYAH HUMAIRA" over
    "Lahir: 09/05/2018" and "IC: ...": the children are the two names, not the keys."""
    mentions = ["Anak-anak: AISYAH HUMAIRA", "Lahir: 09/05/2018 (HRPB Ipoh)", "IC: 180509-08-0432",
                "Anak-anak: ADAM RAYYAN", "Lahir: 27/10/2021", "Doktor: Dr. Ravindran, kalau demam panas"]
    assert kids_listed([], mentions) == ["Aisyah Humaira", "Adam Rayyan"]
    # One bare name is not a list of children; the keys are still no children.
    assert "Lahir" not in kids_listed([], mentions[:3])


def test_a_kids_heading_or_key_in_the_notes_language_lists_the_children():
    # "Barnen" (Swedish: the children) over a line per child; "Alfie (Year 7, ...)" opens its line.
    lines = [hit("Alva: Born 2021-03-02 at Östra sjukhuset", line=5, topic="Barnen"),
             hit("Nils: Born 2023-11-19", line=12, topic="Barnen"),
             hit("Alfie (Year 7, Cotham Ridge School): birthday: 4 March", line=41, topic="Kids"),
             hit("Martha (Year 4, Elmgrove Primary): teacher: Mrs Fiona Pascoe", line=46, topic="Kids")]
    assert kids_listed(lines[:2]) == ["Alva", "Nils"]
    assert kids_listed(lines[2:]) == ["Alfie", "Martha"]
    # A school table's column for the child (French "Enfant").
    rows = [hit("Enfant: Fiacre; Classe: CM2; Frais par trimestre: 60 000 FCFA", line=63, topic="École"),
            hit("Enfant: Gildas; Classe: CP; Frais par trimestre: 45 000 FCFA", line=63, topic="École")]
    assert kids_listed(rows) == ["Fiacre", "Gildas"]
    # ... also when the index found those rows by the glossed word: the key is no child.
    assert kids_listed([], [r.text for r in rows]) == ["Fiacre", "Gildas"]
    # Two children told by their school years in one line.
    assert kids_listed([hit("2025-08-29: New school year: Jahmari Form 3, Amaya Std 2 (still Ms. Bodden)")]) == ["Jahmari", "Amaya"]
    assert kids_listed([hit("New school year: Jahmari Form 3 at Belmopan Comprehensive.")]) == []
    # A heading of another word lists no one.
    assert kids_listed([hit("Alva: Born 2021-03-02", topic="Tandläkare"), hit("Nils: Born 2023-11-19", topic="Tandläkare")]) == []


def test_sub_headings_under_a_kids_heading_are_the_children_not_a_role():
    """An Anytype page "Chicos" (Spanish: the kids) with a sub-heading per child and one for the
    paediatrician of both."""
    trails = [(["Chicos", "Santino (9)"], "Maestra de grado: Profe Mirna Acuña."),
              (["Chicos", "Pediatra"], "De los dos: Dr. Hernan Mereles."),
              (["Chicos", "Abigail (Abi, 3)"], "Su maestra es Jazmin Oviedo."),
              (["Chicos", "Santino (9)"], "Padrino: tío Hugo.")]
    assert kids_headed(trails) == ["Santino", "Abigail"]
    assert "chicos" in KIDS_QUERY.split() and "barnen" in KIDS_QUERY.split()
    # Under another heading, sub-headings are not children.
    assert kids_headed([(["Salud", "Santino (9)"], "x"), (["Salud", "Abigail"], "y")]) == []
    # A listing in the notes' language, with wiki links: "hijos [[Gael]] y [[Ariadna]]".
    assert kids_headed([(["Yo"], "Casada con [[Ricky]]; hijos [[Gael]] y [[Ariadna]]")]) == ["Gael", "Ariadna"]


def _school_rows() -> list:
    return [hit("Enfant: Fiacre; Classe: CM2; Frais par trimestre: 60 000 FCFA", line=63, rank=0, path="/notes/ecole.md", topic="École",
                fields={"Enfant": "Fiacre", "Classe": "CM2", "Frais par trimestre": "60 000 FCFA"}),
            hit("Enfant: Gildas; Classe: CP; Frais par trimestre: 45 000 FCFA", line=64, rank=1, path="/notes/ecole.md", topic="École",
                fields={"Enfant": "Gildas", "Classe": "CP", "Frais par trimestre": "45 000 FCFA"}),
            hit("Anniversaires: Fiacre - 14/05/2015", line=3, rank=2, path="/notes/anniv.md", topic="Anniversaires"),
            hit("Anniversaires: Gildas - 22/09/2019", line=4, rank=3, path="/notes/anniv.md", topic="Anniversaires")]


def test_my_childs_fees_are_one_childs_though_the_fees_are_many():
    reading = Reader(overlap_model()).read("How much are my child's school fees?", _school_rows())
    assert reading.kind == "ambiguous" and {"Fiacre", "Gildas"} <= {o.split(" (")[0] for o in reading.options}
    # Asked of both, nothing to ask.
    assert Reader(overlap_model()).read("How much are my kids' school fees?", _school_rows()).kind != "ambiguous"


def test_my_son_where_the_notes_never_say_who_is_a_son_asks_which_child():
    reading = Reader(overlap_model(), mentions=lambda word: []).read("When's my son's birthday?", _school_rows())
    assert reading.kind == "ambiguous" and {"Fiacre", "Gildas"} <= {o.split(" (")[0] for o in reading.options}
    # Where a line says who the son is, that is not asked back.
    said = {"son": ["Gildas is our son, the little one."]}
    reading = Reader(overlap_model(), mentions=lambda word: said.get(word, [])).read("When's my son's birthday?", _school_rows())
    assert reading.kind != "ambiguous" or reading.options != ["Fiacre", "Gildas"]
