"""A Daylio diary CSV export and a Notesnook Markdown export read as what they hold, and the
household words and names of Ukrainian notes. Every statement cites the file line it came from.
(Made-up examples; no evaluation set's notes.)"""
from __future__ import annotations

from pathlib import Path

from memory import gloss
from memory.statements import parse_statements


def _got(path, text: str):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), text.encode())]


def _written(path, text: str):
    return {s.text: s.written for s in parse_statements(Path(path), text.encode())}


DAYLIO = """full_date,date,weekday,time,mood,activities,note_title,note
2025-03-09,9 березня,неділя,20:15,добре,сімʼя | дім,Новий тренер,"Оксана тепер ходить на танці по середах. Абонемент 900 грн."
2025-02-14,14 лютого,пʼятниця,21:00,супер,друзі,,"Вечеря з Іваном.<br>Він переїхав у Київ."
2025-01-05,5 січня,неділя,10:00,так собі,дім,,
"""


def test_a_daylio_export_is_each_entry_under_its_day_oldest_first_dated_at_its_row():
    path = "Daylio/daylio_export_2025_03_10.csv"
    got = _got(path, DAYLIO)
    texts = [t for _, _, t in got]
    assert texts[:2] == ["Вечеря з Іваном.", "Він переїхав у Київ."]  # oldest first, <br> a line break
    assert ("2025-03-09 Новий тренер", "Оксана тепер ходить на танці по середах.") in [(topic, t) for _, topic, t in got]
    assert {line for line, _, t in got if "Оксана" in t} == {2}  # the entry's own row
    assert not any("добре" in t or "mood" in t for t in texts)  # the app's mood and ticks are not the user's words
    written = _written(path, DAYLIO)
    assert written["Абонемент 900 грн."] == "2025-03-09" and written["Він переїхав у Київ."] == "2025-02-14"


def test_a_csv_that_only_begins_like_daylio_without_notes_stays_a_csv():
    text = "full_date,date,weekday,time,mood,activities\n2025-03-09,9 March,Sunday,20:15,good,work\n"
    assert [t for _, _, t in _got("moods.csv", text)] == ["full_date: 2025-03-09; date: 9 March; weekday: Sunday; time: 20:15; mood: good; activities: work"]


NOTESNOOK = """---
title: Машина
created_at: 2023-05-01T10:00:00.000Z
updated_at: 2025-08-20T18:30:00.000Z
pinned: true
favorite: false
tags: машина, документи
---

# Машина

- Номер: AA 0000 XX
"""


def test_a_notesnook_export_leaves_its_bookkeeping_out_and_is_dated_by_its_last_change():
    got = _got("Notesnook/Машина.md", NOTESNOOK)
    texts = [t for _, _, t in got]
    assert not any(k in t for t in texts for k in ("created_at", "updated_at", "pinned", "favorite", "title:"))
    assert any("AA 0000 XX" in t for t in texts)
    assert set(_written("Notesnook/Машина.md", NOTESNOOK).values()) == {"2025-08-20"}


def test_ukrainian_household_words_and_names_are_glossed_and_english_lines_gain_none():
    said = gloss.english_for("Мама: Хрещена — Оксана Лисенко, телефон +380 00 000 0000")
    assert {"mother", "godmother", "phone", "oksana", "lysenko"} <= said
    assert {"rabies", "dog"} <= gloss.english_for("Рекс (пес): Сказ: 01.02.2025")
    assert {"yurii", "yuriy", "lviv"} <= gloss.english_for("Юрій живе у Львові, Львів")  # the national and the popular spelling
    assert {"address", "stay", "homestead"} <= gloss.english_for("Садиба на 2 ночі, вул. Лісова, 3")
    assert "vin" not in gloss.english_for("Він мене підміняє")  # a capitalised pronoun is no name
    assert "rabies" not in gloss.english_for("Вона сказала, що прийде")  # "сказала" (said) is no rabies
    assert gloss.english_for("Mum called about the rabies shot on Tuesday") == frozenset()
    assert "паспорт" in gloss.foreign_for(["passport"])
