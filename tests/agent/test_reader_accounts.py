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
        "Larch Bank (111-44719-2)", "Harbour Bank (2030-118845)"]
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
