"""Write <name>/questions.jsonl from _src/<name>.py (id prefix = first letter)."""
import importlib, json, sys
from pathlib import Path
here = Path(__file__).resolve().parent
sys.path.insert(0, str(here))
for name in sys.argv[1:]:
    mod = importlib.import_module(name)
    prefix = getattr(mod, "PREFIX", name[0])
    out = here.parent / name / "questions.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for i, (kind, q, answers) in enumerate(mod.Q, 1):
            f.write(json.dumps({"id": f"{prefix}{i:02d}", "kind": kind, "question": q, "answers": answers}, ensure_ascii=False) + "\n")
    print(out, len(mod.Q))
