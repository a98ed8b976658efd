"""Which bank account "my bank account number" means when the notes keep accounts at two banks,
and which lines are no account of the user's. All examples made up; driven by the word-overlap
scorer of test_reader.py."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_accounts import asks_my_account, listed_accounts
from tests.agent.test_reader import hit, overlap_model


def _money_page() -> list:
    return [hit("Bank: Larch Bank; Type: savings (salary); Account no.: 100204455667; Use: salary in, rent, bills", line=7, rank=0,
                path="/notes/money.md", topic="Accounts"),
            hit("Bank: Harbour Co-op; Type: savings; Account no.: 3030 0551 8890; Use: the kids' savings", line=8, rank=1,
                path="/notes/money.md", topic="Accounts"),
            hit("Electricity: Northgrid, account 4471 0938, about 40 a month.", line=12, rank=2, path="/notes/money.md", topic="Bills")]


def test_my_bank_account_with_accounts_at_two_banks_is_asked_about():
    reading = Reader(overlap_model()).read("What is my bank account number?", _money_page())
    assert reading.kind == "ambiguous"
    assert reading.options == ["Larch Bank (100204455667)", "Harbour Co-op (3030 0551 8890)"]
    # The bank named, one account answers.
    reading = Reader(overlap_model()).read("What is my Larch Bank account number?", _money_page())
    assert reading.kind == "answered" and "100204455667" in reading.answer


def test_accounts_are_named_by_their_bank_in_prose_and_lists():
    # Two accounts in one line, each after its bank; a bank named by its own word ("Ecobank").
    assert listed_accounts(["Fi record: Larch Bank checking 111-44719-2 (joint, salary here). Harbour Bank savings 2030-118845."]) == [
        "Larch Bank checking (111-44719-2)", "Harbour Bank savings (2030-118845)"]
    assert listed_accounts(["Orabank, agence Godomey : compte courant n° 0471205833.",
                            "Ecobank, agence Cadjehoun : compte épargne n° 219033847001."]) == [
        "Orabank (0471205833)", "Ecobank (219033847001)"]


def test_utility_accounts_someone_elses_and_closed_ones_are_not_the_users_bank_accounts():
    salary = "Larch Bank savings 0012 0145 8873 (salary account)"
    assert listed_accounts([salary, "Electricity: Northgrid, account number 4471 0938."]) == []
    assert listed_accounts([salary, "Rent goes to her Harbour Bank account 0300-114-92657."]) == []
    assert listed_accounts([salary, "Closed the Harbour Bank account 0300 114 926 last spring."]) == []
    # An amount with thousands and a date are no account numbers.
    assert listed_accounts([salary, "Home loan: Harbour Bank, 1 480 000 over 20 years from 2020-06-01."]) == []


def test_only_an_unnamed_bank_account_is_asked_back():
    for question in ("What is my bank account number?", "What's my IBAN?", "What is my RIB?", "What's my account number?",
                     "What is the IBAN of my bank account?", "What's the number of my bank account?"):
        assert asks_my_account(question), question
    for question in ("What's the gas account number?", "What is our Northgrid account number?", "Which bank is account 2030-118845 with?",
                     "What is our account number with the new internet provider?", "What's my account number at the gym?"):
        assert not asks_my_account(question), question


def _bank_table() -> list:
    # A table with a bare "number" column: the groups of three look like a phone's.
    return [hit("bank: Larch Bank; what: current account, my salary comes in here; number: 000 447 219 836", line=9, rank=0,
                path="/notes/money/README.md", topic="Accounts"),
            hit("bank: Harbour Co-op; what: savings (house deposit); number: 0801 0022 5514", line=10, rank=1,
                path="/notes/money/README.md", topic="Accounts")]


def test_a_bank_tables_number_column_gives_the_account_number():
    reading = Reader(overlap_model()).read("What is my Larch Bank account number?", _bank_table())
    assert reading.kind == "answered" and "000 447 219 836" in reading.answer
    reading = Reader(overlap_model()).read("What is my Harbour Co-op account number?", _bank_table())
    assert reading.kind == "answered" and "0801 0022 5514" in reading.answer
    # Leading zeros are no amount's thousands: both accounts count, and the plain question asks which.
    reading = Reader(overlap_model()).read("What is my bank account number?", _bank_table())
    assert reading.kind == "ambiguous"
    assert reading.options == ["Larch Bank (000 447 219 836)", "Harbour Co-op (0801 0022 5514)"]


def test_a_bare_number_on_a_phone_line_is_no_account_number():
    lines = [hit("name: Larch Bank helpline; phone number: 000 447 219 836; account manager: Ruth", line=3, rank=0,
                 path="/notes/contacts.md", topic="Contacts")]
    assert Reader(overlap_model()).read("What is my Larch Bank account number?", lines).kind == "abstained"


def test_a_providers_bare_number_column_is_its_account_number():
    """A bills table, "| Water | Nam Papa Vientiane | NP-318204 |": the number the named provider
    keeps is what "our Nam Papa account number" and "the customer number" ask. A provider the
    table does not name is not answered from another's row."""
    fields = {"What": "Water", "Who": "Nam Papa Vientiane", "Number": "NP-318204", "Notes": "monthly, about 90,000 kip"}
    water = hit("Water: Who: Nam Papa Vientiane; Number: NP-318204; Notes: monthly, about 90,000 kip", line=16,
                path="/notes/HouseAndBills.md", topic="Bills", fields=fields)
    net_fields = {"What": "Internet", "Who": "Lao Telecom fibre 100 Mbps", "Number": "LTC-FTTH-559013", "Notes": "399,000 kip a month"}
    net = hit("Internet: Who: Lao Telecom fibre 100 Mbps; Number: LTC-FTTH-559013; Notes: 399,000 kip a month", line=17, rank=1,
              path="/notes/HouseAndBills.md", topic="Bills", fields=net_fields)
    reading = Reader(overlap_model()).read("What's our Nam Papa account number?", [water, net])
    assert reading.kind == "answered" and "NP-318204" in reading.answer and "LTC" not in reading.answer
    reading = Reader(overlap_model()).read("What is our Lao Telecom customer number?", [water, net])
    assert reading.kind == "answered" and "LTC-FTTH-559013" in reading.answer
    reading = Reader(overlap_model()).read("What's our Unitel account number?", [water, net])
    assert reading.kind == "abstained"


def test_the_bank_is_read_from_the_sentence_before_the_numbers_own():
    """"Money: SBI (the old one from college). A/c 30112278451": the bank is in the sentence
    before; the heading over both ("Money") names none; a utility's account ID is no bank's."""
    lines = ["Money: HDFC Bank (salary account), Koramangala branch. A/c 50100447122290, IFSC HDFC0000523.",
             "Money: SBI (the old one from college, Mylapore branch). A/c 30112278451, IFSC SBIN0001234.",
             "Subject: BESCOM bill for August 2026 - Account ID 9120558813"]
    assert listed_accounts(lines) == ["HDFC Bank (50100447122290)", "SBI (30112278451)"]
    # A ledger's account line says "account" before the part that holds the bank's name.
    assert listed_accounts(["account assets:kiwibank:everyday: ; Kiwibank 38-9012-0345678-00, pay goes in here",
                            "account assets:anz:savings: ; ANZ Serious Saver 01-0505-0412233-25, Chennai fund"]) == [
        "Kiwibank (38-9012-0345678-00)", "ANZ Serious Saver (01-0505-0412233-25)"]


def test_an_iban_is_an_account_by_its_shape_and_a_payees_is_someone_elses():
    # One field keeping an account a line; Finnish "käyttötili" has no word the check knew.
    field = "Pankkitilit: Osuuspankki käyttötili FI41 5730 0820 4471 93 (yhteinen)\nNordea säästötili FI22 1745 3000 1187 56"
    assert listed_accounts([field]) == ["Osuuspankki (FI41 5730 0820 4471 93)", "Nordea (FI22 1745 3000 1187 56)"]
    # A statement row's payee ("Saajan tilinumero": the payee's account number) is not the user's.
    row = "Kirjauspäivä: 10.07.2026; Määrä EUROA: -295,00; Saaja/Maksaja: Tampereen kaupunki; Saajan tilinumero: FI83 8000 1700 0456 12"
    assert listed_accounts([field, row]) == listed_accounts([field])


def test_a_sort_code_is_no_account_and_one_account_told_twice_is_one():
    lines = ["Bancos: Wise - GBP balance. GBP: sort code 23-14-70, account 41889026.",
             "Payment within 30 days to Wise (GBP): account name Fernanda Lobo, sort code 23-14-70, account number 41889026.",
             "Millennium BCP - conta principal (EUR): IBAN PT50 0033 0000 4521 7788 0190 5."]
    assert listed_accounts(lines) == ["Wise (41889026)", "Millennium BCP (PT50 0033 0000 4521 7788 0190 5)"]
    # The kind of account after the bank's name is what the user calls it.
    assert listed_accounts(["ACCOUNTS: TD chequing (pension goes in): 00412-5583917",
                            "ACCOUNTS: Scotiabank savings (Teresa and me): 41772 0098 12"]) == [
        "TD chequing (00412-5583917)", "Scotiabank savings (41772 0098 12)"]


def test_a_standing_order_is_a_banks_and_a_sewerage_board_no_bank():
    rows = ["bank: Bank of Cyprus; what: joint current account; IBAN: CY17 0020 0128 0000 0012 0052 7600; notes: salaries in",
            "bank: Hellenic Bank; what: my savings account; IBAN: CY67 0050 0231 0002 3101 4459 0101; notes: €500 a month by standing order",
            "sewerage: provider: Limassol Sewerage Board; account / number: 0925/114; how we pay: once a year, June"]
    assert listed_accounts(rows) == ["Bank of Cyprus (CY17 0020 0128 0000 0012 0052 7600)", "Hellenic Bank (CY67 0050 0231 0002 3101 4459 0101)"]
