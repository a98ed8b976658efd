"""Exports of an Indonesian household read as what they hold: a Trello board's JSON (cards,
checklists, dated comments), Journey diary entries, a TickTick backup CSV, a KlikBCA account
statement; and Indonesian household words glossed. Every statement cites the file line it came
from. The examples are made up."""
from __future__ import annotations

import json
from pathlib import Path

from memory import parsers
from memory.gloss import english_for
from memory.statements import parse_statements


def _got(path, text: str):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), text.encode())]


def _written(path, text: str):
    return {s.text: s.written for s in parse_statements(Path(path), text.encode())}


BOARD = {
    "id": "b1", "name": "Rumah", "desc": "",
    "actions": [
        {"id": "a2", "type": "commentCard", "date": "2026-10-05T03:00:00.000Z",
         "data": {"text": "Iuran naik jadi Rp 90.000 mulai Oktober.", "card": {"id": "c1", "name": "Iuran"},
                  "list": {"id": "l1", "name": "Rumah"}}},
        {"id": "a1", "type": "updateCard", "date": "2026-09-01T03:00:00.000Z", "data": {"card": {"id": "c1", "name": "Iuran"}}},
    ],
    "cards": [
        {"id": "c1", "name": "Iuran", "desc": "Iuran sampah: Rp 75.000 / bulan.\nBayar ke Pak Budi.", "idList": "l1",
         "closed": False, "due": None, "dateLastActivity": "2025-02-01T02:00:00.000Z", "pos": 1},
        {"id": "c2", "name": "Kontak", "desc": "", "idList": "l1", "closed": False, "pos": 2,
         "due": "2026-12-24T02:00:00.000Z", "dateLastActivity": "2025-03-01T02:00:00.000Z"},
    ],
    "lists": [{"id": "l1", "name": "Rumah", "closed": False, "pos": 1}],
    "checklists": [{"id": "k1", "name": "Nomor", "idCard": "c2", "pos": 1,
                    "checkItems": [{"id": "i1", "name": "Pak Budi — 0812-0000-1111", "state": "incomplete", "pos": 1}]}],
}


def test_a_trello_board_gives_cards_checklists_and_comments_each_at_its_line_and_day():
    text = json.dumps(BOARD, indent=2, ensure_ascii=False)
    lines = text.split("\n")
    def line_of(fragment: str) -> int:
        return next(n for n, line in enumerate(lines, 1) if fragment in line)
    got = _got("Trello/rumah.json", text)
    assert (line_of('"desc": "Iuran sampah'), "Rumah > Rumah > Iuran > Iuran sampah", "Iuran sampah: Rp 75.000 / bulan.") in got
    assert (line_of('"text": "Iuran naik'), "Rumah > Rumah > Iuran", "Iuran naik jadi Rp 90.000 mulai Oktober.") in got
    assert (line_of('"name": "Pak Budi'), "Rumah > Rumah > Kontak > Nomor", "Nomor: Pak Budi — 0812-0000-1111") in got
    assert any(t == "Due: 2026-12-24 02:00 UTC" for _, _, t in got)
    assert not any("b1" in t or "idList" in t for _, _, t in got)  # no ids, no bookkeeping
    written = _written("Trello/rumah.json", text)
    # the comment is newer than the description it changes
    assert written["Iuran naik jadi Rp 90.000 mulai Oktober."] == "2026-10-05"
    assert written["Iuran sampah: Rp 75.000 / bulan."] == "2025-02-01"


def test_a_minified_trello_board_cites_its_one_line():
    got = _got("board.json", json.dumps(BOARD))
    assert got and {n for n, _, _ in got} == {1}


def test_a_journey_entry_is_its_text_under_its_local_day():
    entry = {"text": "Les piano pindah ke Kamis sore.\n\nGuru baru: Bu Rina.", "date_journal": 1793725200000,
             "timezone": "Asia/Jakarta", "tags": ["les"], "mood": 1, "id": "1793725200000-0a1b2c3d4e5f6a7b"}
    got = _got("Journey/1793725200000-0a1b2c3d4e5f6a7b.json", json.dumps(entry))
    # 1793725200000 ms is 2026-11-03 17:00 UTC: already the 4th in Jakarta
    assert got == [(1, "2026-11-04", "Les piano pindah ke Kamis sore."), (1, "2026-11-04", "Guru baru: Bu Rina."),
                   (1, "2026-11-04", "Tags: les")]
    parsed = parsers.parse(Path("Journey/1793725200000-0a1b2c3d4e5f6a7b.json"), json.dumps(entry).encode())
    assert parsed.written == "2026-11-04"


TICKTICK = '''"Date: 2026-11-01+0700"
"Version: 7.1"
"Status: 
0 Normal
1 Completed
2 Archived"
"Folder Name","List Name","Title","Kind","Tags","Content","Is Check list","Start Date","Due Date","Reminder","Repeat","Priority","Status","Created Time","Completed Time","Order","Timezone","Is All Day","Is Floating","Column Name","Column Order","View Mode","taskId","parentId"
"Rumah","Anak","Les piano","TEXT","anak","Bu Rina, bawa buku.","N","2026-05-02T09:00:00+0000","2026-05-02T10:00:00+0000","","RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA","1","0","2026-04-20T12:00:00+0000","","-1","Asia/Jakarta","false","false","","","list","t1",""
"Rumah","Anak","Beli sepatu","TEXT","","","N","","2026-06-01T00:00:00+0000","","","0","2","2026-05-20T12:00:00+0000","2026-05-30T06:00:00+0000","-2","Asia/Jakarta","true","false","","","list","t2",""
'''


def test_a_ticktick_backup_skips_its_preamble_and_gives_each_task_a_row():
    got = _got("TickTick/TickTick-backup-2026-11-01.csv", TICKTICK)
    assert got == [
        # local time (UTC+7), the RRULE in words
        (8, "TickTick-backup-2026-11-01 > Rumah / Anak",
         "task: Les piano; notes: Bu Rina, bawa buku.; due: 2026-05-02 17:00; repeat: every 2 weeks on Saturday; tags: anak"),
        (9, "TickTick-backup-2026-11-01 > Rumah / Anak", "task: Beli sepatu; due: 2026-06-01; status: archived 2026-05-30"),
    ]  # the status word is the file's own ("2 Archived")
    written = _written("TickTick/TickTick-backup-2026-11-01.csv", TICKTICK)
    assert sorted(written.values()) == ["2026-04-20", "2026-05-30"]


KLIKBCA = '''No. rekening : 1234567890
Nama : SITI AMINAH
Periode : 01/03/2026 - 31/03/2026
Kode Mata Uang : IDR

Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo
'03/03,KARTU DEBIT ALFAMART,'0000,"55,000.00",DB,"945,000.00"
'25/03,TRSF E-BANKING CR 2503/GAJI PT CONTOH,'0000,"9,000,000.00",CR,"9,945,000.00"

Saldo Awal,"1,000,000.00"
Mutasi Kredit,"9,000,000.00",1
Mutasi Debet,"55,000.00",1
Saldo Akhir,"9,945,000.00"
'''


def test_a_klikbca_statement_gives_the_account_and_each_transaction_with_its_year():
    got = _got("BCA/mutasi_1234567890_202603.csv", KLIKBCA)
    assert (1, "BCA account 1234567890 statement",
            "BCA account 1234567890 statement: Account number (No. rekening): 1234567890") in got
    assert (8, "BCA account 1234567890 statement",
            "date: 2026-03-25; description: TRSF E-BANKING CR 2503/GAJI PT CONTOH; amount: 9,000,000.00; "
            "debit/credit: credit; balance: 9,945,000.00") in got
    assert (13, "BCA account 1234567890 statement",
            "BCA account 1234567890 statement: Closing balance (Saldo Akhir): 9,945,000.00") in got
    assert not any(t.startswith("No. rekening : 1234567890:") for _, _, t in got)  # not a CSV header any more


def test_indonesian_household_words_are_glossed_and_english_lines_gain_none():
    assert {"mother-in-law"} <= english_for("Ibu mertua: Bu Sari, Jl. Merdeka 5")
    assert {"plate"} <= english_for("Plat: B 1234 XYZ")
    assert {"school", "fees"} <= english_for("SPP: Rp 900.000 / bulan")
    assert {"employee"} <= english_for("ID karyawan AB-123")
    assert {"coach", "swimming"} <= english_for("Les renang, pelatih Kak Dodi")
    assert {"class", "teacher"} <= english_for("Wali kelas: Bu Ani")
    assert {"identity", "card"} <= english_for("NIK (KTP): 3201")
    for english in ("The rent is due on the 5th.", "Mom's plate number", "A motor insurance renewal", "My mobile number",
                    "Anakin and the platypus", "Sim card swapped", "Tukan beak"):
        assert not english_for(english) - {"phone"}, english


def test_an_indonesian_street_abbreviation_ends_no_sentence():
    got = _got("rumah.md", "Alamat: Jl. Melati Raya, Blok C3 No. 12, Depok. Gg. Mawar di belakang.\n")
    assert [t for _, _, t in got] == ["Alamat: Jl. Melati Raya, Blok C3 No. 12, Depok.", "Alamat: Gg. Mawar di belakang."]
    assert {"block"} <= english_for("Blok C3 No. 12") and {"code"} <= english_for("Kode booking: ABC")
    assert {"train"} <= english_for("Naik KA Argo Lawu") and not english_for("Naik kapal ke Bali")
