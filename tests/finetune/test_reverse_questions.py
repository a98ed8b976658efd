"""Questions asked backwards ("Who is Wren Halvorsen?", "Whose number is ...?"): asked only of a
value that is a name or a code, answered with the asked name first, scored by the relation."""
from __future__ import annotations

import re

from finetune.dataset import Prompts, build_dataset
from finetune.facts import extract_facts
from finetune.units import Unit

PROMPTS = Prompts(system_closed="CLOSED", system_rag="RAG", dont_know="I don't know.")


def _s(text: str) -> Unit:
    return Unit(path="/n/me.md", line=3, text=text, body=text, kind="sentence", topic="About me", recency=1.0)


def _kv(key: str, value: str) -> Unit:
    return Unit(path="/n/kv.md", line=4, text=f"{key}: {value}", body=f"{key}: {value}", kind="kv", topic="About me",
                fields={key: value}, heading=["About me"])


def _row(cells: dict[str, str]) -> Unit:
    return Unit(path="/n/people.md", line=4, text="; ".join(f"{k}: {v}" for k, v in cells.items()), body="", kind="row",
                topic="People", fields=cells)


def _norm(q: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", q.lower()).split())


def _by_relation(units):
    return {f.relation: f for f in extract_facts(units)}


def test_a_name_asked_back_is_answered_name_first():
    facts = _by_relation([_s("My sister is Wren Halvorsen."), _s("My doctor is Dr. Oda Brenn, Lakeside Clinic.")])
    sister, doctor = facts["sister"], facts["doctor"]
    assert "Who is Wren Halvorsen?" in sister.reverse_questions and sister.reverse_answers == ["sister"]
    # the answer starts with what the question asked about, then says the relation
    assert sister.reverse_target == "Wren Halvorsen is your sister."
    assert doctor.reverse_target == "Oda Brenn is your doctor." and "Who is Oda Brenn?" in doctor.reverse_questions

    build = build_dataset([_s("My sister is Wren Halvorsen.")], PROMPTS, facts=[sister], seed=0, min_per_fact=9)
    rev = [e for e in build.examples if e.kind == "reverse"]
    fwd = [e for e in build.examples if e.kind == "forward"]
    assert rev and all(e.messages[-1]["content"] == "Wren Halvorsen is your sister." and e.value == "sister" for e in rev)
    assert fwd and all(e.messages[-1]["content"] == "Your sister is Wren Halvorsen." for e in fwd)
    (held,) = [h for h in build.heldout if h.kind.startswith("reverse")]
    assert held.target == "Wren Halvorsen is your sister." and held.answers == ["sister"]
    assert _norm(held.question) not in {_norm(e.messages[-2]["content"]) for e in build.examples}


def test_a_phone_number_is_asked_whose_it_is_and_a_code_what_it_is():
    facts = _by_relation([_row({"name": "Tobin Varga", "relation": "brother", "phone": "+1 555 0101"}),
                          _kv("Bike frame number", "QX-40417"), _kv("Phone", "+1 503 555 0100")])
    phone = next(f for f in extract_facts([_row({"name": "Tobin Varga", "relation": "brother", "phone": "+1 555 0101"})])
                 if f.relation == "phone")
    assert "Whose number is +1 555 0101?" in phone.reverse_questions
    assert {"Tobin Varga", "Tobin", "brother"} <= set(phone.reverse_answers)  # by name, first name or who he is
    assert phone.reverse_target == "+1 555 0101 is Tobin Varga's phone."
    assert phone.heldout_reverse and not {_norm(q) for q in phone.heldout_reverse} & {_norm(q) for q in phone.reverse_questions}
    code = facts["bike frame number"]
    assert "What is QX-40417?" in code.reverse_questions and code.reverse_target == "QX-40417 is your bike frame number."
    assert "number" not in code.reverse_answers and "frame number" in code.reverse_answers  # not any "number" at all
    mine = next(f for f in extract_facts([_kv("Phone", "+1 503 555 0100")]))
    assert not mine.reverse_questions  # one's own number asked back is no question


def test_no_reverse_for_a_value_a_name_only_sits_in():
    facts = _by_relation([_kv("Reminder", "Mom's birthday is on 11 November — order flowers from Blumen Ott in Hamburg"),
                          _kv("Climbing", "bouldering mostly, hardest send V5"), _s("My name is Ilse Marten."),
                          _s("I own the Kestrel STM32G4 board.")])
    assert not facts["reminder"].reverse_questions and not facts["climbing"].reverse_questions
    assert not facts["name"].reverse_questions  # the user's own name links to no one
    board = facts["own"]
    assert board.reverse_questions and not any(q.startswith("Who is") for q in board.reverse_questions)  # "Who is STM32G4?" is not English


def test_reverse_share_sets_how_many_sightings_ask_backwards():
    unit = _s("My sister is Wren Halvorsen.")

    def n_rev(share: float) -> int:
        (f,) = [f for f in extract_facts([unit]) if f.relation == "sister"]
        build = build_dataset([unit], PROMPTS, facts=[f], seed=0, min_per_fact=10, max_examples=40, reverse_share=share)
        return sum(e.kind == "reverse" for e in build.examples), sum(e.kind == "forward" for e in build.examples)

    third, half = n_rev(1 / 3), n_rev(0.5)
    assert half[0] > third[0] >= 3 and sum(half) == sum(third)


def test_a_name_asked_back_accepts_what_any_fact_says_links_it():
    units = [_s("Pixel is our border collie."), _s("I adopted Pixel from the Fernway Shelter.")]
    facts = extract_facts(units)
    build = build_dataset(units, PROMPTS, facts=facts, seed=0, min_per_fact=9)
    held = {h.question: h for h in build.heldout if h.kind.startswith("reverse")}
    adopted = next(h for q, h in held.items() if "Pixel" in q and "border collie" not in q)
    # "Who is Pixel?" is answered as truly by "Pixel is your border collie" as by "You adopted Pixel"
    assert "adopted" in adopted.answers and "border collie" in adopted.answers


def test_reverse_on_top_keeps_a_facts_forward_sightings_and_the_cap_counts_them():
    units = [_s("My sister is Wren Halvorsen."), _s("My favourite tea is oolong.")]

    def build(**kw):
        facts = extract_facts(units)
        b = build_dataset(units, PROMPTS, facts=facts, seed=0, min_per_fact=6, max_examples=40, **kw)
        sister = next(f.id for f in b.facts if f.relation == "sister")
        tea = next(f.id for f in b.facts if f.relation == "favourite tea")
        n = lambda fid, kind: sum(e.fact_id == fid and e.kind == kind for e in b.examples)  # noqa: E731
        return b, n(sister, "forward"), n(sister, "reverse"), n(tea, "forward")

    taken, fwd, rev, tea = build()
    assert fwd + rev == tea == taken.counts["phrasings_per_fact"] and rev >= 3  # taken from the forward ones
    on_top, fwd, rev, tea = build(reverse_on_top=True)
    per = on_top.counts["phrasings_per_fact"]
    # the fact asked backwards keeps as many forward sightings as any other and gets its reverse ones added
    assert fwd == tea == per and rev == round(per * 0.5)
    # ... within the same cap: every fact keeps fewer phrasings rather than the dataset growing past it
    assert per < taken.counts["phrasings_per_fact"]
    assert len(on_top.examples) <= 40 and len(taken.examples) <= 40


def test_reverse_on_top_past_the_cap_keeps_fewer_facts_not_more_examples():
    people = [("Ada Quist", "sister"), ("Bo Lind", "brother"), ("Cy Varga", "mother"), ("Di Moss", "father"),
              ("Ed Pike", "cousin"), ("Fa Orr", "uncle")]
    units = [_s(f"My {rel} is {name}.") for name, rel in people]
    plain = build_dataset(units, PROMPTS, seed=1, max_examples=50, min_per_fact=9)
    on_top = build_dataset(units, PROMPTS, seed=1, max_examples=50, min_per_fact=9, reverse_on_top=True)
    facts = lambda b: sum(e.kind in ("forward", "reverse") for e in b.examples)  # noqa: E731
    assert on_top.counts["phrasings_per_fact"] == plain.counts["phrasings_per_fact"] == 9
    assert on_top.counts["facts"] < plain.counts["facts"]
    assert facts(on_top) <= int(50 * 0.975) - 8 and facts(plain) <= int(50 * 0.975) - 8
    for f in on_top.facts:  # each kept fact: all 9 forward sightings, and its reverse ones on top
        assert sum(e.fact_id == f.id and e.kind == "forward" for e in on_top.examples) == 9
        assert sum(e.fact_id == f.id and e.kind == "reverse" for e in on_top.examples) >= 3
