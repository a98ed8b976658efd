"""Exports of a Malaysian household read as what they hold: a WhatsApp chat export, a Maybank2u
statement CSV, a Spendee wallet CSV, a plain-text note's cards; Malay household words glossed,
Malay words of change and Malay month names. Every statement cites the file line it came from.
The examples are made up."""
from __future__ import annotations

from pathlib import Path

from agent.reader_statements import StatementHit
from memory.gloss import english_for
from memory.statements import parse_statements


def _got(path, text: str):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), text.encode())]


def _written(path, text: str):
    return {s.line: s.written for s in parse_statements(Path(path), text.encode())}


def hit(text: str) -> StatementHit:
    return StatementHit(id="n:1", path="/notes/n.md", line=1, end_line=1, text=text, source=text, rank=0)


WHATSAPP = (
    "03/02/2026, 7:15 pm - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
    "can read or listen to them. Tap to learn more.\n"
    "03/02/2026, 7:15 pm - Kak Long created group \"Family Rahman\"\n"
    "03/02/2026, 7:16 pm - Kak Long: Nombor baru Kak Long 012-000 1111.\n"
    "Yang lama dah tak guna\n"
    "03/02/2026, 7:20 pm - Mak: <Media omitted>\n"
    "21/02/2026, 9:05 am - Mak: Klinik gigi tukar hari Rabu\n"
)


def test_a_whatsapp_chat_gives_each_message_under_its_day_with_who_wrote_it():
    got = _got("WhatsApp/WhatsApp Chat with Family Rahman.txt", WHATSAPP)
    assert got == [
        # the chat's own notice, the group's creation and a photo are no messages; a message
        # written over two lines is one statement at its first line; 21/02 tells day from month
        (3, "WhatsApp chat: Family Rahman > 2026-02-03", "2026-02-03: Kak Long: Nombor baru Kak Long 012-000 1111. Yang lama dah tak guna"),
        (6, "WhatsApp chat: Family Rahman > 2026-02-21", "2026-02-21: Mak: Klinik gigi tukar hari Rabu"),
    ]
    assert _written("WhatsApp/WhatsApp Chat with Family Rahman.txt", WHATSAPP) == {3: "2026-02-03", 6: "2026-02-21"}


def test_an_iphone_whatsapp_chat_whose_days_tell_no_order_is_read_by_its_order():
    chat = ("\u200e[01/02/2026, 20:01:15] Ana: first\n[01/03/2026, 08:00:00] Ana: later\n"
            "[02/03/2026, 08:00:00] Ben: Wifi password tukar ke abc123\n")
    # 01/02 -> 01/03 -> 02/03 goes forward read month-first (Jan 2, Jan 3, Feb 3) and day-first
    # (1 Feb, 1 Mar, 2 Mar) alike: not told, the days stay as written and nothing is dated.
    got = _got("chats/WhatsApp Chat - Ana.txt", chat)
    assert [t for _, _, t in got] == ["01/02/2026: Ana: first", "01/03/2026: Ana: later", "02/03/2026: Ben: Wifi password tukar ke abc123"]
    # 05/01, 12/01, 03/02 go forward only day-first (5 Jan, 12 Jan, 3 Feb; not May 1, Dec 1, Mar 2)
    chat = "[05/01/2026, 10:00:00] Ana: a\n[12/01/2026, 10:00:00] Ana: b\n[03/02/2026, 10:00:00] Ana: c\n"
    assert [t for _, _, t in _got("WhatsApp Chat with Ana.txt", chat)] == ["2026-01-05: Ana: a", "2026-01-12: Ana: b", "2026-02-03: Ana: c"]
    # ... and 01/05, 01/12, 02/03 only month-first (US Android: "1/5/26, 8:02 PM - ")
    chat = "1/5/26, 8:02 PM - Ana: a\n1/12/26, 8:02 PM - Ana: b\n2/3/26, 9:15 AM - Ana: c\n"
    assert [t for _, _, t in _got("WhatsApp Chat with Ana.txt", chat)] == ["2026-01-05: Ana: a", "2026-01-12: Ana: b", "2026-02-03: Ana: c"]


def test_a_text_note_with_one_stamped_line_is_no_chat():
    note = "Groceries\n12/01/2026, 8:02 pm - bought rice\nmilk\neggs\nbread\n"
    assert all(not topic.startswith("WhatsApp chat") for _, topic, _ in _got("notes/list.txt", note))


MAYBANK = (
    "Account Type :,Savings Account-i\r\n"
    "Account Number :,111122223333\r\n"
    "Account Holder :,SITI BINTI ALI\r\n"
    "Statement Period :,01/09/2026 - 30/09/2026\r\n"
    "Opening Balance :,\"2,000.00\"\r\n"
    "\r\n"
    "Transaction Date,Transaction Description,Transaction Amount,Statement Balance\r\n"
    "03/09/2026,\"DUITNOW TRANSFER AMINAH BINTI OMAR Sept\",\"-150.00\",\"1,850.00\"\r\n"
    "25/09/2026,\"IBG CREDIT SYARIKAT CONTOH GAJI\",\"3,100.50\",\"4,950.50\"\r\n"
    "Closing Balance :,\"4,950.50\"\r\n"
)


def test_a_maybank_statement_gives_the_account_and_each_transaction_dated():
    path = "Maybank/Maybank2u_111122223333_Sep2026.csv"
    got = _got(path, MAYBANK)
    head = "Maybank statement, Savings Account-i"
    assert (2, head, f"{head}: Account Number: 111122223333") in got
    assert (4, head, f"{head}: Statement Period: 2026-09-01 - 2026-09-30") in got
    assert (8, head, "date: 2026-09-03; description: DUITNOW TRANSFER AMINAH BINTI OMAR Sept; paid out: RM150.00; "
                     "balance: RM1,850.00") in got
    assert (9, head, "date: 2026-09-25; description: IBG CREDIT SYARIKAT CONTOH GAJI; received: RM3,100.50; "
                     "balance: RM4,950.50") in got
    assert (10, head, f"{head}: Closing Balance: RM4,950.50") in got
    assert not any("Account Type ::" in t for _, _, t in got)  # the first account line is no CSV header
    assert not any("111122223333" in topic for _, topic, _ in got)  # no row carries the account's number
    assert _written(path, MAYBANK)[8] == "2026-09-03"


SPENDEE = (
    '"Date","Wallet","Type","Category name","Amount","Currency","Note","Labels","Author"\n'
    '"2026-04-02T09:15:00+00:00","Rumah","Expense","Bills","-89.90","MYR","Internet April","Rumah","Ali"\n'
    '"2026-04-25T01:00:00+00:00","Rumah","Income","Salary","4200.00","MYR","Gaji April","","Siti"\n'
)


def test_a_spendee_export_gives_its_wallet_and_short_dated_rows():
    got = _got("Spendee/spendee_Rumah.csv", SPENDEE)
    assert got == [
        (2, "Spendee wallet Rumah", "date: 2026-04-02; type: Expense; category: Bills; amount: -89.90 MYR; note: Internet April; "
                                    "labels: Rumah; by: Ali"),
        (3, "Spendee wallet Rumah", "date: 2026-04-25; type: Income; category: Salary; amount: 4200.00 MYR; note: Gaji April; by: Siti"),
    ]
    assert _written("Spendee/spendee_Rumah.csv", SPENDEE) == {2: "2026-04-02", 3: "2026-04-25"}


def test_a_card_lead_over_bare_lines_then_key_values_heads_them():
    note = ("Kenderaan\n\nSAGA (Ali punya)\nWXY 1234\nProton Saga 2019, putih\nInsurans: Contoh Takaful, tamat 01/02/2027\n"
            "Servis: bengkel Ahmad\n\nNo. IC: 800101-01-1234\n")
    got = _got("notes/Kenderaan.txt", note)
    assert (6, "Kenderaan > SAGA (Ali punya)", "Insurans: Contoh Takaful, tamat 01/02/2027") in got
    assert (4, "Kenderaan > SAGA (Ali punya)", "Kenderaan: WXY 1234") in got
    # "No." is an abbreviation: "No. IC: ..." is a key and its value
    assert (9, "Kenderaan", "No. IC: 800101-01-1234") in got
    # a list of "name - value" lines over two "key: value" ones is no card under its first line
    pills = "Ubat Atuk\n\nPanadol 500 mg - pagi\nLipitor 20 mg - malam\nDoktor: Dr Tan\nFarmasi: Alpro\n"
    assert all(topic == "Ubat Atuk" for _, topic, _ in _got("notes/ubat.txt", pills))
    # a paragraph of sentences is no card
    prose = "Cuti sekolah\n\nKami pergi Langkawi.\nHotel bagus.\nHarga: RM300\n"
    assert all(" > Kami" not in topic for _, topic, _ in _got("notes/cuti.txt", prose))


def test_malay_household_words_are_glossed_and_english_lines_gain_none():
    assert {"driving", "licence", "expiry"} <= english_for("Lesen memandu tamat 01/01/2030")
    assert {"chassis"} <= english_for("No. casis: ABC123")
    assert {"tyres"} <= english_for("Tayar: 185/60 R15")
    assert {"kindergarten", "fees", "monthly"} <= english_for("Yuran tadika: RM300 sebulan")
    assert {"teacher"} <= english_for("Cikgu Rahim") and {"class", "teacher"} <= english_for("Guru kelas: Puan Lim")
    assert {"allergy"} <= english_for("Alahan: kacang") and {"prawn"} <= english_for("tak boleh makan udang")
    assert {"mother-in-law"} <= english_for("Mak Som = mak mertua") and {"mother"} <= english_for("Mak - 012-000 0000")
    assert {"car", "insurance"} <= english_for("Kereta: Takaful")
    assert {"property", "tax"} <= english_for("Cukai pintu RM200 setahun") and {"year"} <= english_for("RM200 setahun")
    assert {"account", "water"} <= english_for("Lembaga Air - no. akaun 123")
    assert {"card"} <= english_for("Touch n Go kad: 1234") and {"identity"} <= english_for("Kad pengenalan hilang")
    assert {"gardener"} <= english_for("Tukang kebun: Pak Ali") and {"grade"} <= english_for("Gred: DG41")
    assert {"thursday"} <= english_for("Khamis 3pm") and {"sunday"} <= english_for("Sabtu & Ahad") and {"monday"} <= english_for("Isnin")
    assert {"maths", "tuition"} <= english_for("Tuisyen Matematik: Sabtu")
    assert {"class", "year"} <= english_for("Tahun 3 Melur") and "grade" not in english_for("Tahun 3 Melur")
    assert {"lives"} <= english_for("Kak Long tinggal kat Kuantan") and {"moved"} <= english_for("Kami dah pindah Melaka")
    for english in ("Makes 16 rolls.", "The bill is due.", "Kadir's address", "A guru of yoga", "Udon for dinner",
                    "Air filter changed", "Kebab shop", "Ahead of time", "The Ustinov prize", "Minyan at six", "Petanque club"):
        assert not english_for(english), english
    # Croatian "kad" (when) and a kernel's "gred" stay unglossed
    assert not english_for("kad ides po lanu") and not english_for('"gred" in the config')


def test_malay_lines_that_state_a_change_revise():
    from agent.reader_versions import revises
    assert revises(hit("Ni nombor baru Kak Long 012-000 1111"))
    assert revises(hit("Mak, dah tukar. Password baru abc123"))
    assert revises(hit("Kelas renang tukar hari Jumaat mulai minggu depan"))
    assert revises(hit("Yuran naik RM350 mulai bulan ni"))
    assert revises(hit("Cikgu Ani ambil alih kelas tu"))
    assert not revises(hit("Yuran RM300 sebulan, bayar hujung bulan"))
    assert not revises(hit("Naik kereta ke sekolah pukul 7"))
    assert not revises(hit("Along dapat kerja baru kat Melaka"))


def test_malay_month_names_beside_a_year_or_a_day_are_dates():
    from agent.reader_text import latest_date
    assert latest_date("Loan habis Mac 2031") == (2031, 3, 0)
    assert latest_date("bayar 17 Ogos 2026") == (2026, 8, 17)
    assert latest_date("tamat 3 Disember 2027") == (2027, 12, 3)


def test_a_malaysian_street_address_is_an_address():
    from agent.reader_text import addresses
    assert addresses("Alamat: No. 8, Jalan Mawar 3, Taman Mawar, 30000 Ipoh") == ["No. 8, Jalan Mawar 3, Taman Mawar, 30000 Ipoh"]
    assert addresses("Rumah kat Lorong Cempaka 2, Seremban") == ["Lorong Cempaka 2, Seremban"]
    assert not addresses("Jalan kaki ke sekolah") and not addresses("Tahun 2 Melur")


def test_an_amount_in_ringgit_written_on_its_digits_is_no_code():
    from agent.reader_question import _codes
    row = "date: 2026-09-03; description: FPX PAYMENT SYARIKAT AIR; paid out: RM38.20; balance: RM1,850.00"
    assert _codes(row, "water account number?") == []
    assert _codes("Air - no. akaun 40012345678, RM38.20 sebulan", "water account number?") == ["40012345678"]
    assert _codes("Wifi: RMX2020", "wifi password?") == ["RMX2020"]


def test_malay_days_of_the_week_are_dates_and_no_names():
    from agent.reader_text import dates
    assert dates("Tuisyen tukar hari Selasa 4 petang") == ["Selasa"]
    assert "Khamis" in dates("Kelas: Khamis 3pm") and "Ahad" in dates("Sabtu & Ahad pukul 9 pagi")
    assert not dates("mulai minggu ni")
