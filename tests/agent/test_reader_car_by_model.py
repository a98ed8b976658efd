"""A car the question names by the word "car" and the notes by its make or model alone: "Placa:
FQR2B71" under "Onix (meu)", "policy JGI/MV/26/55103" in the Alto's log; and the car insurance
number under the policy's own label ("Vertragsnummer", "apólice")."""
from __future__ import annotations

from agent.reader import Reader
from tests.agent.test_reader import hit, overlap_model


def test_a_plate_under_a_car_named_by_its_model_says_the_car_and_two_cars_are_asked_back(tmp_path):
    note = tmp_path / "Documentos.md"
    note.write_text("# Carros\n\n## Onix (meu)\nChevrolet Onix 1.0 Turbo LT 2022, prata\nPlaca: FQR2B71 — rodízio: segunda-feira (final 1)\n\n"
                    "## Fit (do Rafa)\nHonda Fit EX 2014, preto\nPlaca: EOK4476 — rodízio: quarta-feira (final 6)\n"
                    "Mecânico: Auto Center Pereira (o Zé), Rua Teodoro Sampaio, 2210\n")
    path = str(note)
    lines = [hit("Mecânico: Auto Center Pereira (o Zé), Rua Teodoro Sampaio, 2210", line=10, path=path, topic="Fit (do Rafa)"),
             hit("Placa: FQR2B71 — rodízio: segunda-feira (final 1)", line=5, rank=1, path=path, topic="Onix (meu)"),
             hit("Placa: EOK4476 — rodízio: quarta-feira (final 6)", line=9, rank=2, path=path, topic="Fit (do Rafa)")]
    reading = Reader(overlap_model(auto=1.0)).read("What's the car's plate number?", lines)
    assert reading.kind == "ambiguous" and "FQR2B71" in reading.answer and "EOK4476" in reading.answer


def test_the_car_insurance_number_is_the_policys_in_any_language():
    from agent.reader_question import typed_values

    asked = "What's the car insurance number?"
    assert typed_values("Versicherung: HUK-COBURG, Vertragsnummer 845/221893-K, Teilkasko mit 150 € SB", "code", exclude=asked) == ["845/221893-K"]
    assert typed_values("Seguro: Porto Seguro, apólice 0531.25.4478812", "code", exclude=asked) == ["0531.25.4478812"]
    # ... not an employee's or a passport's number.
    assert typed_values("Employee number MF-20417", "code", exclude=asked) == []
    golf = hit("Golf (meiner): Versicherung: HUK-COBURG, Vertragsnummer 845/221893-K, Teilkasko mit 150 € SB", line=8,
               path="/notes/vimwiki/Auto.wiki", topic="Auto")
    fabia = hit("Fabia (Jonas): Versicherung: Allianz, Versicherungsschein-Nr. AS-7741-0038-2", line=16, rank=1,
                path="/notes/vimwiki/Auto.wiki", topic="Auto")
    pension = hit("Dokumente: Rentenversicherungsnummer: 65 180389 B 512", line=6, rank=2, path="/notes/vimwiki/Dokumente.wiki",
                  topic="Dokumente")
    reading = Reader(overlap_model()).read(asked, [pension, golf, fabia])
    assert reading.kind == "ambiguous" and "845/221893-K" in reading.answer and "AS-7741-0038-2" in reading.answer


def test_a_policy_in_a_log_of_a_car_named_by_its_model_is_the_car_insurance_policy(tmp_path):
    said = "Alto insurance renewal -- EFU wanted Rs 38,000. Moved to Jubilee General, policy JGI/MV/26/55103, Rs 31,400 for the year."
    rec = tmp_path / "log.rec"
    rec.write_text(f"%rec: Entry\n\nDate: 2026-08-14\nAbout: alto\nText: {said}\n")
    log = hit(f"Text: {said}", line=5, path=str(rec), topic="alto")
    car = hit("Vehicle alto: Car: Suzuki Alto VXR (2022), silver", line=17, rank=1, path="/notes/vehicles.rec", topic="Vehicle alto")
    reading = Reader(overlap_model()).read("What is the car insurance policy number?", [log, car])
    assert reading.kind == "answered" and "JGI/MV/26/55103" in reading.answer


def test_which_car_is_answered_by_the_line_that_names_it_and_an_adjective_is_no_car(tmp_path):
    note = tmp_path / "bil.md"
    note.write_text("# Bil\n\n## Toyota Yaris\nReg.nr. VH 41872, årsmodell 2016, farge grå.\n")
    under = hit("Reg.nr. VH 41872, årsmodell 2016, farge grå.", line=4, rank=1, path=str(note), topic="Toyota Yaris")
    listed = hit("Huskeliste: Yaris reg.nr.: VH 41872.", line=9, path=str(tmp_path / "huskeliste.md"), topic="Huskeliste")
    reading = Reader(overlap_model()).read("Which car has the plate VH 41872?", [under, listed])
    assert reading.kind == "answered" and "Yaris" in reading.answer
    # "verificación vehicular" is an inspection, not the car: a service under the car's heading is
    # no answer for its cost.
    service = hit("Servicios: 45,000 km: 10/05/2026, afinación + balatas delanteras, $4,850.", line=5, path=str(tmp_path / "auto.md"),
                  topic="Nissan Versa")
    assert Reader(overlap_model()).read("How much did the verificación vehicular cost?", [service]).kind == "abstained"
