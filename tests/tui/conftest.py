"""A temp anima home with a tiny notes folder indexed, and one Anima context shared by the TUI tests."""
from __future__ import annotations

import pytest

NOTES = {
    "bike.md": "# Bike\n\nMy bike is a blue Trek FX3.\nI bought it in March 2021 at Pedal Works.\nThe tyre pressure should be 60 psi.\n",
    "packing.md": (
        "# Packing list for camping\n\nWhen I go camping I pack: tent, sleeping bag, sleeping mat, stove, gas\n"
        "canister, lighter, pot, spoon, mug, headlamp, spare batteries, water filter, two water bottles,\n"
        "rain jacket, fleece, wool socks, hiking boots, sunscreen, hat, map, compass, first aid kit.\n"
    ),
}


@pytest.fixture(scope="session")
def tui_env(tmp_path_factory):
    """(home, anima): notes indexed into a real chromadb, the real bundled GGUF model."""
    from agent.config import Home
    from agent.context import Anima

    root = tmp_path_factory.mktemp("tui")
    notes = root / "notes"
    notes.mkdir()
    for name, text in NOTES.items():
        (notes / name).write_text(text, encoding="utf-8")
    home = Home(root / "home").ensure()
    # Short answers keep the suite fast; the cancel test raises it for its own question.
    home.config_file.write_text(f'notes_dirs = ["{notes}"]\n\n[model]\nmax_tokens = 24\n', encoding="utf-8")
    settings = home.load_settings()
    anima = Anima(home, settings)
    report = anima.memory.index([notes])
    assert report.chunks_total >= 2
    yield home, anima
    anima.close()
