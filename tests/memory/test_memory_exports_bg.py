"""An Enpass JSON export, a HomeBank budget and a Банка ДСК statement CSV read as what they hold,
and the household words and names of Bulgarian notes. Every statement cites the file line it came
from. (Made-up examples; no evaluation set's notes.)"""
from __future__ import annotations

import json
from pathlib import Path

from memory import gloss
from memory.parsers import parse
from memory.statements import parse_statements


def _got(path, text: str):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), text.encode())]


def _written(path, text: str):
    return {s.text: s.written for s in parse_statements(Path(path), text.encode())}


ENPASS = json.dumps({
    "folders": [{"icon": "1008", "parent_uuid": "", "title": "Лични", "updated_at": 1760000000, "uuid": "f-1"}],
    "items": [
        {"archived": 0, "category": "computer", "createdAt": 1750000000, "favorite": 0,
         "fields": [
             {"deleted": 0, "label": "Network name (SSID)", "order": 1, "sensitive": 0, "type": "text", "uid": 1,
              "value": "Kashta_Net"},
             {"deleted": 0, "label": "Password", "order": 2, "sensitive": 1, "type": "password", "uid": 2,
              "value": "Tainata-999"},
         ],
         "note": "рутерът е в коридора", "subtitle": "Kashta_Net", "template_type": "computer.wireless",
         "title": "Wi-Fi апартамента", "trashed": 0, "updated_at": 1761955200, "uuid": "i-1"},
        {"archived": 0, "category": "creditcard", "createdAt": 1750000000,
         "fields": [
             {"deleted": 0, "label": "Cardholder", "sensitive": 0, "type": "text", "value": "IVAN IVANOV"},
             {"deleted": 0, "label": "Number", "sensitive": 1, "type": "ccNumber", "value": "4000 0000 0000 0002"},
             {"deleted": 0, "label": "PIN", "sensitive": 1, "type": "pin", "value": "1234"},
         ],
         "note": "", "template_type": "creditcard.default", "title": "Карта Visa", "trashed": 0,
         "updated_at": 1700000000, "uuid": "i-2"},
        {"archived": 0, "category": "note", "createdAt": 1750000000, "fields": [],
         "note": "Аларма на гаража: код 9090, охрана 02 000 00 00", "template_type": "note.default",
         "title": "Аларма гараж", "trashed": 0, "updated_at": 1750000000, "uuid": "i-3"},
        {"archived": 0, "category": "note", "createdAt": 1750000000, "fields": [],
         "note": "стара бележка", "template_type": "note.default", "title": "Изтрита", "trashed": 1,
         "updated_at": 1750000000, "uuid": "i-4"},
    ],
}, ensure_ascii=False, indent=2) + "\n"


def test_an_enpass_export_is_each_item_over_its_fields_and_note_never_a_hidden_field():
    path = "Enpass/enpass_export_2026-01-01.json"
    got = _got(path, ENPASS)
    texts = [t for _, _, t in got]
    lines = ENPASS.split("\n")
    ssid = next(s for s in got if "Kashta_Net" in s[2])
    assert "Wi-Fi апартамента" in ssid[1] and "Network name (SSID)" in ssid[2]
    assert "Kashta_Net" in lines[ssid[0] - 1]  # cites the line its value is on
    assert any("код 9090" in t for t in texts) and any("рутерът е в коридора" in t for t in texts)
    assert any("IVAN IVANOV" in t for t in texts)
    joined = " ".join(texts)
    assert "Tainata-999" not in joined and "4000 0000" not in joined and "1234" not in joined  # never a secret
    assert "стара бележка" not in joined  # trashed
    assert _written(path, ENPASS)[ssid[2]] == "2025-11-01"


def test_a_json_list_of_items_without_enpass_fields_is_not_read_as_enpass():
    text = json.dumps({"items": [{"title": "a", "value": 1}]}, indent=2)
    assert not any(b.kind == "heading" and "Enpass" in b.title for b in parse(Path("data.json"), text.encode()).blocks)


HOMEBANK = """<?xml version="1.0"?>
<homebank v="1.4" d="050406">
<properties title="Семейство Иванови" curr="1"/>
<cur key="1" flags="0" iso="EUR" name="Euro" symb="€" syprf="0" dchar="," gchar=" " frac="2"/>
<account key="1" pos="1" type="1" curr="1" name="Разплащателна" number="BG00TEST00000000000000" bankname="Тест банка"/>
<pay key="1" name="Автосервиз Тест"/>
<pay key="2" name="Фирма Работа ООД"/>
<cat key="1" flags="0" name="Коли"/>
<cat key="2" parent="1" flags="1" name="Ремонти"/>
<cat key="3" flags="2" name="Заплата"/>
<ope date="739617" amount="-415" account="1" paymode="4" payee="1" category="2" wording="смяна накладки (Пешо)"/>
<ope date="739650" amount="2034.5" account="1" paymode="5" payee="2" category="3" wording="Заплата януари"/>
</homebank>
"""


def test_a_homebank_budget_is_a_table_of_its_transactions_each_dated_in_its_currency():
    path = "HomeBank/ivanovi.xhb"
    got = _got(path, HOMEBANK)
    repair = next(s for s in got if "накладки" in s[2])
    assert repair[0] == 11  # the <ope> line
    assert "-415,00 €" in repair[2] and "Автосервиз Тест" in repair[2] and "Коли: Ремонти" in repair[2]
    assert "2026-01-01" in repair[2]  # Julian day 739617 is 1 January 2026
    pay = next(s for s in got if "Заплата януари" in s[2])
    assert "2 034,50 €" in pay[2]
    assert _written(path, HOMEBANK)[pay[2]] == "2026-02-03"
    assert not any("<ope" in t for _, _, t in got)


DSK = ("\ufeffБанка ДСК АД;;;;;;;\r\nИзвлечение по сметка;BG00 STSA 0000 0000 0000 00;;;;;;\r\nТитуляр;ИВАН ИВАНОВ;;;;;;\r\n"
       "Период;01.03.2026 - 31.03.2026;;;;;;\r\nВалута;EUR;;;;;;\r\n;;;;;;;\r\n"
       "Дата;Вальор;Референция;Основание;Наредител/Получател;Дебит;Кредит;Салдо\r\n"
       "04.03.2026;04.03.2026;FT0000001;ТАКСА МАРТ;КЛУБ ТЕСТ;45,00;;1 955,00\r\n"
       "10.03.2026;10.03.2026;FT0000002;ЗАПЛАТА 02.2026;ФИРМА РАБОТА ООД;;2 100,50;4 055,50\r\n")


def test_a_dsk_statement_is_the_account_and_a_table_of_its_postings_each_dated():
    path = "ДСК/izvlechenie_BG00.csv"
    got = _got(path, DSK)
    fee = next(s for s in got if "КЛУБ ТЕСТ" in s[2])
    assert fee[0] == 8 and "-45,00 EUR" in fee[2] and "ТАКСА МАРТ" in fee[2]
    assert "FT0000001" not in fee[2]  # the bank's reference is no number of the user's
    pay = next(s for s in got if "ЗАПЛАТА" in s[2])
    assert "+2 100,50 EUR" in pay[2]
    assert _written(path, DSK)[pay[2]] == "2026-03-10"
    assert any("ИВАН ИВАНОВ" in t for _, _, t in got)


def test_bulgarian_household_words_are_glossed():
    assert {"identity", "card"} <= gloss.english_for("Лична карта № 000000000, валидна до 01.01.2030")
    assert "allergy" in gloss.english_for("алергия към пеницилин")
    assert "mother-in-law" in gloss.english_for("Свекърва ми живее в Бургас")
    assert {"building", "manager"} <= gloss.english_for("касиер и домоуправител: Иван")
    assert "mortgage" in gloss.english_for("Ипотека: вноска 500 €")
    assert "godmother" in gloss.english_for("кума Петя, 0888 000 000")
    assert {"birth", "certificate", "folder"} <= gloss.english_for("акта за раждане е в червената папка")
    assert "moved" in gloss.english_for("Петя се мести в Русе")
    # Ukrainian "коли" is "when", not cars; "входить" is no entrance
    assert "car" not in gloss.english_for("Коли прийде лікар?")
    assert "entrance" not in gloss.english_for("Це входить у ціну")


def test_bulgarian_names_are_romanized_as_bulgaria_writes_them():
    assert {"georgi", "iliev"} <= set(gloss.romanized("Георги Илиев"))
    assert {"yavor", "bojan", "boyan", "egn"} <= set(gloss.romanized("Явор, Боян, ЕГН"))
    assert "maria" in gloss.romanized("Мария")
    assert "slanchitse" in gloss.romanized("ДГ Слънчице")
    assert "halyna" in gloss.romanized("Галина")  # the Ukrainian spelling stays
    assert not any(r.startswith("gal") for r in gloss.romanized("Галіна"))  # a Ukrainian letter: no Bulgarian spelling


def test_cyrillic_address_abbreviations_do_not_end_a_sentence():
    from memory.statements import sentence_spans
    text = 'Адрес: гр. Варна 9000, ж.к. "Младост", бл. 12, вх. В, ап. 3. Вилата: с. Орешак, ул. "Липа" 5.'
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == ['Адрес: гр. Варна 9000, ж.к. "Младост", бл. 12, вх. В, ап. 3.', 'Вилата: с. Орешак, ул. "Липа" 5.']
    assert len(sentence_spans("Платено до 2043 г. Остава още малко.")) == 2  # "г." (year) ends a sentence


def test_a_broken_homebank_file_is_read_as_text_with_a_warning():
    pf = parse(Path("budget.xhb"), b'<?xml version="1.0"?>\n<homebank v="1.4">\n<ope date="739617" amount="-5"\n')
    assert pf.kind == "text" and "malformed HomeBank budget" in pf.warnings[0]
