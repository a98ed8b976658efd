"""Memory.index/search/remove/reconcile on a real chromadb + the real MiniLM embedder."""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from memory.types import MemoryFailure


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def notes(tmp_path) -> Path:
    root = tmp_path / "notes"
    _write(root / "car.md", "# Car\n\nThe car is a 2014 Golf. Oil change every 15000 km at Meyer garage.\n")
    _write(
        root / "boiler.md",
        "# Boiler\n\nThe boiler is a Vaillant ecoTEC.\n\n## Spare parts\n\nReplacement pump: part QX-7731-B, ordered from Heizung24.\n",
    )
    _write(root / "plants.md", "# Plants\n\nThe fern wants shade and water twice a week.\n")
    _write(root / "storm.md", "# Storms\n\nPixel hides under the bed and trembles when thunder rolls in.\n")
    _write(root / ".git" / "config.md", "# hidden\n\nnever indexed\n")
    return root


def test_reindex_embeds_only_changed_files(make_memory, notes, embed_counter):
    mem = make_memory()
    first = mem.index([notes])
    assert (first.files_seen, first.files_changed) == (4, 4)
    assert first.chunks_embedded == first.chunks_total and first.statements_embedded == first.statements_total
    assert len(embed_counter) == first.chunks_embedded + first.statements_embedded
    assert not any(".git" in c.path for c in mem.iter_chunks())

    embed_counter.clear()
    again = mem.index([notes])
    assert (again.files_changed, again.files_unchanged, again.chunks_embedded, again.statements_embedded) == (0, 4, 0, 0)
    assert embed_counter == []

    os.utime(notes / "car.md", None)  # touched, same content: hashed, not embedded
    (notes / "plants.md").write_text("# Plants\n\nThe fern wants shade and water every Sunday.\n")
    third = mem.index([notes])
    assert (third.files_changed, third.files_unchanged) == (1, 3)
    assert third.chunks_embedded == third.statements_embedded == 1  # the changed chunk and its one sentence
    assert len(embed_counter) == 2 and all("every Sunday" in t for t in embed_counter)
    assert mem.audit([notes]).ok


def test_deleted_file_chunks_vanish_from_ledger_store_and_search(make_memory, notes):
    mem = make_memory()
    mem.index([notes])
    before = mem.stats().chunks
    (notes / "car.md").unlink()
    report = mem.index([notes])
    assert report.files_removed == 1 and report.chunks_deleted >= 1
    assert mem.stats().chunks == before - report.chunks_deleted
    assert all(h.path != str(notes / "car.md") for h in mem.search("Golf oil change garage", k=4))
    assert mem.audit([notes]).ok

    # remove() is what the watcher calls for deletes and moves.
    assert mem.remove([notes / "plants.md"]) == 1
    assert str(notes / "plants.md") not in {c.path for c in mem.iter_chunks()}
    assert mem.audit([notes]).missing_files == []


def test_embedder_mismatch_is_refused_until_rebuild(make_memory, notes, tmp_path, embedder_path):
    mem = make_memory()
    mem.index([notes])
    mem.close()
    # Another model directory (same weights, linked, but a different identity).
    other = tmp_path / "other-embedder"
    shutil.copytree(embedder_path, other, copy_function=os.symlink)
    cfg = other / "config.json"
    text = cfg.read_text()
    cfg.unlink()
    cfg.write_text(text.replace("{", '{"anima_test_variant": 1,', 1))
    mem2 = make_memory(embedder_path=other)
    assert mem2.embedder.name != mem.embedder.name
    with pytest.raises(MemoryFailure, match=r"index was built with .*config says .*anima index --rebuild"):
        mem2.index([notes])
    with pytest.raises(MemoryFailure, match="--rebuild"):
        mem2.search("boiler")
    assert mem2.stats().embedder == mem.embedder.name  # the index says what built it
    report = mem2.index([notes], rebuild=True)
    assert report.files_changed == 4 and report.chunks_embedded == report.chunks_total
    assert mem2.stats().embedder == mem2.embedder.name
    assert mem2.search("pump part number", k=1)[0].path == str(notes / "boiler.md")


def test_hybrid_search_finds_a_keyword_only_term_and_a_paraphrase(make_memory, notes):
    mem = make_memory()
    mem.index([notes])
    part = mem.search("QX-7731-B", k=2)
    assert part[0].path == str(notes / "boiler.md") and part[0].keyword_score and part[0].keyword_score > 0
    assert part[0].heading == ["Boiler", "Spare parts"] or part[0].heading == ["Boiler"]
    # No shared words with the note: only the vector side can find it.
    para = mem.search("my dog is frightened by lightning", k=1)[0]
    assert para.path == str(notes / "storm.md")
    assert para.keyword_score is None and para.vector_score is not None and para.vector_score > 0.3
    assert mem.search("   ") == []


def test_hits_cite_exact_line_ranges(make_memory, tmp_path):
    text = "# Home\n\nWelcome.\n\n## Wifi\n\nThe guest network is Gulliver.\n\n# Garage\n\nThe ladder hangs on the left wall.\n"
    note = _write(tmp_path / "notes" / "home.md", text)
    mem = make_memory()
    mem.index([note.parent])
    hit = mem.search("where is the ladder", k=1)[0]
    assert (hit.start_line, hit.end_line, hit.heading) == (9, 11, ["Garage"])
    assert hit.text == "\n".join(text.split("\n")[8:11])

    # Lines inserted above move the range but keep the chunk (no re-embedding needed).
    note.write_text("Top line.\n\n" + text)
    mem.index([note.parent])
    moved = mem.search("where is the ladder", k=1)[0]
    assert moved.id == hit.id and (moved.start_line, moved.end_line) == (11, 13)


def test_csv_and_pdf_files_are_indexed_and_searchable(make_memory, tmp_path):
    from test_memory_parsing import _tiny_pdf

    root = tmp_path / "notes"
    _write(root / "wines.csv", "wine,year,shelf\nRioja Reserva,2015,top left\nBarolo,2012,cellar bottom\n")
    root.joinpath("manual.pdf").write_bytes(_tiny_pdf(["Dishwasher error E24 means a blocked drain hose"]))
    mem = make_memory()
    report = mem.index([root])
    assert report.files_changed == 2 and not report.skipped
    wine = mem.search("which shelf is the Barolo on", k=1)[0]
    assert wine.path == str(root / "wines.csv") and "wine: Barolo; year: 2012; shelf: cellar bottom" in wine.text
    assert (wine.start_line, wine.end_line) == (2, 3)  # rows 2-3 of the file (1 is the header)
    pdf = mem.search("dishwasher E24", k=1)[0]
    assert pdf.path == str(root / "manual.pdf") and pdf.heading == ["page 1"]


def test_symlinked_file_is_indexed_once_and_hidden_dirs_are_skipped(make_memory, notes):
    (notes / "alias.md").symlink_to(notes / "car.md")
    mem = make_memory()
    mem.index([notes])
    paths = [c.path for c in mem.iter_chunks()]
    assert sum(p.endswith(("car.md", "alias.md")) for p in paths) == 1


def test_changed_chunk_size_rechunks_every_file(make_memory, notes, tmp_path):
    mem = make_memory()
    before = mem.index([notes]).chunks_total
    mem.close()
    small = make_memory(chunk_words=8, chunk_overlap_words=2)
    report = small.index([notes])
    assert report.files_changed == 4
    assert report.chunks_total > before
    assert small.audit([notes]).ok


def test_search_while_indexing_from_another_thread(make_memory, tmp_path):
    root = tmp_path / "many"
    for i in range(30):
        _write(root / f"n{i:02d}.md", f"# Note {i}\n\nItem {i}: the locker number {1000 + i} is in hall {i % 5}.\n")
    mem = make_memory()
    mem.index([root / "n00.md"])
    errors: list[BaseException] = []

    def writer():
        try:
            mem.index([root])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    t = threading.Thread(target=writer)
    t.start()
    results = 0
    while t.is_alive():
        results += len(mem.search("locker number", k=3))
    t.join()
    assert not errors
    assert results > 0 and mem.stats().files == 30
    assert mem.audit([root]).ok


def test_lena_dog_question_retrieves_the_pet_note(make_memory, lena_dir):
    """Retrieval only: the note about the pet must be among the top 3 for the question."""
    import json

    questions = [json.loads(line) for line in (lena_dir / "questions.jsonl").read_text().splitlines() if line.strip()]
    question = next(q["question"] for q in questions if q["question"] == "What is my dog's name?")
    mem = make_memory()
    mem.index([lena_dir / "notes"])
    hits = mem.search(question, k=3)
    assert str(lena_dir / "notes" / "pets" / "pixel.md") in [h.path for h in hits]


def test_missing_root_folder_keeps_its_files_but_a_missing_file_is_forgotten(make_memory, tmp_path, notes):
    """A given folder that is gone (an unmounted drive?) loses nothing; a given file that is
    gone was deleted and is forgotten; remove() forgets a folder on purpose."""
    mem = make_memory()
    mem.index([notes])
    files = mem.stats().files
    moved = tmp_path / "elsewhere"
    notes.rename(moved)
    report = mem.index([notes])
    assert [s.reason for s in report.skipped] == [f"folder not found; its {files} indexed files are kept"]
    assert mem.stats().files == files
    report = mem.index([notes / "car.md"])
    assert report.files_removed == 1 and mem.stats().files == files - 1
    assert mem.remove([notes]) > 0 and mem.stats().files == 0


def test_forget_outside_keeps_only_the_given_folders(make_memory, tmp_path, notes):
    """A kept index whose notes were copied elsewhere holds both copies until the old one is
    forgotten; forget_outside keeps the folders given and nothing else."""
    import shutil

    mem = make_memory()
    copy = tmp_path / "copy"
    shutil.copytree(notes, copy)
    mem.index([notes])
    files = mem.stats().files
    mem.index([copy])
    assert mem.stats().files == 2 * files
    assert mem.forget_outside([copy]) > 0
    assert mem.stats().files == files
    assert {c.path for c in mem.iter_chunks()} and all(c.path.startswith(str(copy)) for c in mem.iter_chunks())
    assert all(s.path.startswith(str(copy)) for s in mem.iter_statements())
    assert mem.forget_outside([copy]) == 0
    assert mem.audit([copy]).ok


def test_the_vector_search_is_wide_enough_to_find_the_nearest_statement(tmp_path):
    """HNSW is approximate: a statement that was the nearest of all went missing from a top-36
    query of a 3,000-statement index at chromadb's default width (set 12, thandi). The store
    searches wider and asks for at least QUERY_FLOOR neighbours, then keeps n."""
    import random

    from memory.store import EF_SEARCH, VectorStore

    store = VectorStore(tmp_path / "chroma")
    assert store._collection.configuration["hnsw"]["ef_search"] >= EF_SEARCH
    rng = random.Random(7)
    vectors = [[rng.gauss(0, 1) for _ in range(16)] for _ in range(300)]
    store.upsert([f"s{i}" for i in range(300)], vectors, ["/n.md"] * 300)
    got = store.query(vectors[42], 5)
    assert len(got) == 5 and got[0][0] == "s42"
