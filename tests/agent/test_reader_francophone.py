"""Notes of a French-speaking household and a jrnl journal, asked in English: the CFA franc is
money, a question typed with its wh-word last reads as asked, "earn" is said by a salary line, a
line that shares only "night" with "Which night ...?" is no newer version of the answer, and a
journal heading's day is left out where the heading says whose a number is. All examples made
up; driven by the word-overlap scorer of test_reader.py."""
from __future__ import annotations

from agent.reader import Reader, _terms_of
from agent.reader_compose import compose
from agent.reader_question import analyse
from agent.reader_text import money, stem
from tests.agent.test_reader import hit, overlap_model


def test_the_cfa_franc_is_money_however_it_is_written():
    assert money("Loyer : 70 000 FCFA par mois") == ["70 000 FCFA"]
    assert money("Cotisation : 5 000 F CFA chaque samedi") == ["5 000 F CFA"]
    assert money("12 000 francs CFA pour la cantine") == ["12 000 francs CFA"]
    assert money("CFA rules apply") == []


def test_a_question_typed_with_its_wh_word_last_asks_as_if_it_came_first():
    assert analyse("nagbo dossi stays where").want == "place"
    assert analyse("the recital is when??").want == "date"
    assert analyse("who is he").want == "name"


def test_what_someone_sells_is_a_thing_and_what_it_sold_for_a_price():
    assert analyse("wat does mama sell at the market").want is None
    assert analyse("What did I sell the bike for?").want == "money"
    assert analyse("How much do I earn a month?").want == "money"


def test_a_salary_line_says_what_the_user_earns():
    assert stem("earn") in _terms_of(hit("Salary: B$3,850 a month (net), paid on the 25th"))
    assert stem("earn") not in _terms_of(hit("Rent: B$850 a month"))


def test_a_line_sharing_only_the_kind_of_day_asked_is_no_newer_version():
    badminton = hit("Every Tuesday night 8pm at the Berakas hall with the gang.", line=25, rank=0,
                    path="/notes/jrnl/journal.txt", topic="2026-01-06 Tuesday badminton again")
    visit = hit("Kakak came from Temburong, crossed the bridge instead of the old boat ride.", line=28, rank=1,
                path="/notes/jrnl/journal.txt", topic="2026-02-21 Ambuyat night at Ibu's")
    reading = Reader(overlap_model()).read("Which night do I play badminton?", [badminton, visit])
    assert reading.kind == "answered" and "Tuesday" in reading.answer


def test_whose_number_names_the_journal_entry_without_its_day():
    st = hit("New number is 716 3358, the old one is dead.", path="/notes/jrnl/journal.txt",
             topic="2026-09-30 Ibu changed her number")
    assert compose(st, None, "Whose number is 716 3358?").startswith("Ibu changed her number: New number is 716 3358")


def _reader_over(lines: list[str]) -> Reader:
    return Reader(overlap_model(), mentions=lambda word: [t for t in lines if word.lower() in t.lower()])


def test_who_is_a_full_name_is_told_by_a_line_that_calls_her_by_her_given_name_alone():
    contact = hit("Contacts: Pélagie Dansou - 01 69 74 12 08", line=3, rank=0, path="/notes/Famille.enex")
    friend = hit("Ouvert en avril avec Pélagie, ma meilleure amie, qui travaille au guichet.", line=9, rank=1,
                 path="/notes/Maison.enex")
    texts = [contact.text, friend.text]
    reading = _reader_over(texts).read("Who's Pélagie Dansou?", [contact, friend])
    assert reading.kind == "answered" and "meilleure amie" in reading.answer
    # Two Pélagies in the notes: the given name alone may be the other one.
    other = "Pélagie Hounsa - 01 55 00 11 22"
    reading = _reader_over([*texts, other]).read("Who's Pélagie Dansou?", [contact, friend])
    assert "meilleure amie" not in reading.answer


def test_a_newer_line_that_cancels_the_old_insurer_is_its_version_not_a_second_record():
    card = hit("Voitures: Toyota Corolla (la mienne): Assurance : NSIA Assurances, police n° 4402-AU-117", line=7, rank=0,
               path="/notes/Maison.enex", topic="Toyota Corolla (la mienne)")
    card.written = "2025-06-22"
    todo = hit("À faire septembre: Assurance de la Corolla : résilier NSIA, nouvelle police chez Saham Assurance (done)",
               line=12, rank=1, path="/notes/Maison.enex", topic="À faire septembre")
    todo.written = "2026-09-03"
    reading = Reader(overlap_model()).read("Who insures the Corolla?", [card, todo])
    assert reading.kind == "answered" and "Saham" in reading.answer


def test_a_new_number_keyed_after_the_sentence_that_says_whose_follows_it():
    from memory.types import Statement
    from agent.reader_statements import StatementHit, pronoun_followers

    lost = StatementHit(id="m:3", path="/notes/2026-11-08 Mama.md", line=3, end_line=3, kind="sentence", topic="Mama",
                        text="Mama a perdu son téléphone au marché.", source="Mama a perdu son téléphone au marché.", score=1.0)
    new = Statement(id="m:3b", path=lost.path, line=3, end_line=3, kind="kv", topic=["Mama"], text="Nouveau numéro : 01 66 53 47 90 (Moov).",
                    source="Nouveau numéro : 01 66 53 47 90 (Moov).")
    other = Statement(id="m:5", path=lost.path, line=5, end_line=5, kind="sentence", topic=["Mama"],
                      text="Elle dit que Nagbo demande quand on vient.", source="Elle dit que Nagbo demande quand on vient.")

    class _Memory:
        def statements_after(self, statement_id, n):
            return [new, other][:n]

    got = pronoun_followers(_Memory(), lost)
    assert [f.text for f in got] == [new.text] and got[0].continues and got[0].context == lost.text


def test_a_raise_to_an_amount_in_a_lettered_dollar_is_a_change_beside_its_value():
    from agent.reader_versions import changed_value

    text = "Since my increment we can do more: raised the TAIB standing instruction to B$175 a month from this month."
    assert changed_value(text, ["$175"], before=30, after=30)
    assert not changed_value("Paid B$175 for the tyres at the garage on Monday.", ["$175"], before=30, after=30)


def test_a_given_name_alone_tells_who_only_where_the_line_says_what_they_are_to_the_user():
    full = hit("You are the engineering manager; you report to Seun Adeyemi, Director of Engineering.", line=2, rank=0,
               path="/notes/me.md")
    present = hit("Present: Seun joined for the first 15 min.", line=4, rank=1, path="/notes/meetings/2026-10-02.md")
    reading = _reader_over([full.text, present.text]).read("Who is Seun Adeyemi?", [full, present])
    assert reading.kind == "answered" and "Director of Engineering" in reading.answer


def test_a_family_title_asked_as_a_name_over_a_line_with_two_of_them_asks_which():
    both = hit("Mamie Fatma (la mere de baba) : Sakiet Eddaier, vit avec aammi Hedi. "
               "Mamie Habiba (la mere de mama) : Mahdia, chez khalti Samia.", path="/notes/famille.md")
    reading = Reader(overlap_model()).read("Where does mamie live?", [both])
    assert reading.kind == "ambiguous"
    assert "Mamie Fatma" in reading.answer and "Mamie Habiba" in reading.answer


def test_one_line_giving_each_child_a_birthday_right_after_the_name_asks_which_child():
    kids = hit("Anniversaires enfants : Yassine 21/02/2018, Lina 14/06/2023.", path="/notes/import.md")
    reading = Reader(overlap_model()).read("When is my kid's birthday?", [kids])
    assert reading.kind == "ambiguous"
    assert "Yassine (21/02/2018)" in reading.answer and "Lina (14/06/2023)" in reading.answer
    # One person's two dates are no choice between people.
    passport = hit("Passport: Yassine, issued 21/02/2018, expires 14/06/2028.", path="/notes/docs.md")
    assert Reader(overlap_model()).read("When does my kid's passport expire?", [passport]).kind != "ambiguous"


def test_french_son_is_his_or_her_and_no_son_of_the_user():
    assert stem("son") not in _terms_of(hit("Mama a perdu son téléphone au marché Houndjro."))
    assert stem("son") not in _terms_of(hit("Dada Victoire : couturière. Son mari Gérard tient un maquis, chez Gérard."))
    assert stem("son") in _terms_of(hit("My son loves the market on Saturdays."))
    assert stem("son") in _terms_of(hit("Notre fils : Fiacre. My son Fiacre plays football."))


def test_what_someone_cannot_eat_is_asked_as_an_allergy():
    info = analyse("gildas cant eat what??")
    assert stem("allergic") in info.terms and stem("eat") not in info.terms
    allergy = hit("Cantine : Gildas est allergique aux arachides : PAS de sauce d'arachide.", path="/notes/Famille.enex")
    school = hit("Photos d'identité pour la carte scolaire de Gildas.", path="/notes/Famille.enex", rank=1)
    reading = Reader(overlap_model()).read("gildas cant eat what??", [school, allergy])
    assert reading.kind == "answered" and "arachides" in reading.answer
    assert stem("allergic") not in analyse("What did we eat at Chez Gérard?").terms


def test_an_address_is_labelled_by_the_last_sentence_before_its_colon_and_may_have_no_number():
    from agent.reader_question import labelled_addresses
    assert labelled_addresses("Déménagement fini !! Nouvelle adresse : cité des Filaos, villa 12, Akanda") == [
        "cité des Filaos, villa 12, Akanda"]
    assert labelled_addresses("Maison: adresse: Nzeng-Ayong, derrière la pharmacie des Trois Quartiers, Libreville") == [
        "Nzeng-Ayong, derrière la pharmacie des Trois Quartiers, Libreville"]
    assert labelled_addresses("Address: see the lease") == []


def test_a_new_address_in_the_notes_language_is_the_newer_version_of_the_page_s_address():
    page = hit("Maison: adresse: Nzeng-Ayong, derrière la pharmacie des Trois Quartiers, Libreville", line=2, rank=0,
               path="/notes/pages/Maison.md")
    moved = hit("Déménagement fini !! Nouvelle adresse : cité des Filaos, villa 12, Angondjé, Akanda", line=1, rank=1,
                path="/notes/journals/2026_06_28.md")
    reading = Reader(overlap_model()).read("What is my address?", [page, moved])
    assert reading.kind == "answered" and "Filaos" in reading.answer


def test_a_key_written_with_a_hyphen_is_glossed_as_its_words():
    from memory.gloss import english_for
    assert {"blood", "group"} <= english_for("groupe-sanguin: A positif")
    assert "midwife" in english_for("sage-femme à l'hôpital de Franceville")
    assert english_for("Port-Gentil") == frozenset()


def test_a_town_key_says_where_someone_lives_and_a_glossed_job_is_a_job():
    assert stem("live") in _terms_of(hit("Wilfried: ville: Port-Gentil", fields={"ville": "Port-Gentil"}))
    assert stem("live") in _terms_of(hit("Marta: City: Lyon"))
    assert stem("live") not in _terms_of(hit("Wilfried: sa femme : Scholastique, leur fille Ornella"))
    job = hit("Nadège: sage-femme à l'hôpital de Franceville", line=7, rank=1, path="/notes/pages/Nadège.md")
    phone = hit("Nadège: téléphone: 066 90 27 41", line=5, rank=0, path="/notes/pages/Nadège.md")
    reading = Reader(overlap_model()).read("What job does Nadège do?", [phone, job])
    assert reading.kind == "answered" and "sage-femme" in reading.answer


def test_a_question_asked_in_french_is_read_with_its_question_words_in_english():
    assert analyse("Quel jour est la tontine ?").want == "date"
    assert analyse("Quel jour est la tontine ?").terms == {stem("day"), stem("tontine")}
    assert analyse("Où habite Wilfried ?").text == "where does Wilfried live?"
    assert analyse("Combien coûte le loyer ?").want == "money"
    assert analyse("Qui est Mme Obone ?").text == "who is Mme Obone?"
    # English questions are left as they are.
    assert analyse("Where do the mugs go?").text == "Where do the mugs go?"
    tontine = hit("Tontine: jour: premier dimanche du mois", line=3, path="/notes/pages/Tontine.md", fields={"jour": "premier dimanche du mois"})
    fee = hit("Tontine: cotisation 20 000 FCFA par mois", line=5, rank=1, path="/notes/pages/Tontine.md")
    reading = Reader(overlap_model()).read("Quel jour est la tontine ?", [fee, tontine])
    assert reading.kind == "answered" and "dimanche" in reading.answer


def test_a_name_and_the_word_num_asks_for_the_phone():
    assert analyse("landry num?").want == "phone"
    assert analyse("kids num?").want == "phone"
    assert analyse("How many kids?").want != "phone"


def test_a_french_promotion_tells_the_job_title():
    promoted = hit("PROMOTION : je deviens Responsable des opérations à Ogooué Fret à partir d'aujourd'hui !", line=1,
                   path="/notes/journals/2026_08_01.md")
    contact = hit("Nom: Paulin B.; Téléphone: 074 02 11 58; Groupe: Travail", line=12, rank=0, path="/notes/contacts.csv")
    reading = Reader(overlap_model()).read("What is my job title?", [contact, promoted])
    assert reading.kind == "answered" and "Responsable des opérations" in reading.answer


def test_a_french_line_that_moves_a_day_is_the_newer_version():
    page = hit("Maëlys: piscine le mercredi à 15h", line=6, rank=0, path="/notes/pages/Maëlys.md")
    moved = hit("Piscine de Maëlys déplacée au samedi 10h (plus le mercredi) à cause du nouvel horaire", line=1, rank=1,
                path="/notes/journals/2026_09_12.md")
    reading = Reader(overlap_model()).read("What day is Maëlys's swimming?", [page, moved])
    assert reading.kind == "answered" and "samedi" in reading.answer
    from agent.reader_versions import REVISES
    assert not REVISES.search("Passé à la pharmacie avec Maëlys")


def test_a_french_contacts_row_says_how_to_reach_someone_not_who_they_are():
    row_ = hit("Nom: Mme Obone; Téléphone: 065 31 77 02", line=5, rank=0, path="/notes/contacts_export.csv",
               fields={"Nom": "Mme Obone", "Téléphone": "065 31 77 02"})
    said = hit("Ulysse: 2026-2027 : 4e, prof principale Mme Obone", line=6, rank=1, path="/notes/pages/Ulysse.md")
    reading = Reader(overlap_model()).read("Who is Mme Obone?", [row_, said])
    assert reading.kind == "answered" and "prof principale" in reading.answer
