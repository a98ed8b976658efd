"""Fill notes/ with unrelated documents around the personal notes (run once, on this machine).

    python bench/personas/haystack/make_haystack.py

It copies permissively licensed text that is already on the machine, nothing from the network:
- the long description (README) of each MIT/BSD/Apache/ISC/PSF-licensed package in the shared
  virtual environment's site-packages (`*.dist-info/METADATA`), with its name, version,
  summary and licence as a header -> notes/downloads/python/
- Node.js API documentation (MIT, /usr/share/doc/nodejs/api/*.md) -> notes/downloads/nodejs/
- one release section of the Node.js 18 changelog (MIT) -> notes/downloads/nodejs/
- licence texts from /usr/share/common-licenses (verbatim copying permitted) -> notes/licenses/
Every document but the licence texts is cut to MAX_CHARS at a line end so the folder stays under ~3 MB.
The personal notes (the files that are not written here) are never touched.
"""
from __future__ import annotations

import re
import shutil
from email.parser import HeaderParser
from pathlib import Path

NOTES = Path(__file__).resolve().parent / "notes"
SITE = Path("/work/main/.venv/lib/python3.11/site-packages")
NODE = Path("/usr/share/doc/nodejs")
LICENSES = Path("/usr/share/common-licenses")
MAX_CHARS = 8_000
PERMISSIVE = re.compile(r"\b(MIT|BSD|Apache|ISC|PSF|Python Software Foundation|0BSD|Unlicense)", re.I)
COPYLEFT = re.compile(r"\b(GPL|LGPL|AGPL|MPL|Mozilla|CNRI|EUPL|CDDL)", re.I)
SKIP = {"anima"}  # the project itself
NODE_API = ["url", "dns", "crypto", "readline", "path", "os", "events", "buffer", "timers",
            "querystring", "punycode", "string_decoder", "util", "zlib", "fs", "http", "net",
            "tls", "process", "child_process", "cluster", "console", "module", "stream",
            "worker_threads", "assert", "dgram", "intl", "repl", "tty"]
COMMON_LICENSES = ["Apache-2.0", "BSD", "CC0-1.0", "MPL-2.0", "Artistic", "GPL-3", "LGPL-3"]


def cut(text: str, limit: int = MAX_CHARS) -> str:
    if len(text) <= limit:
        return text
    return text[: text.rfind("\n", 0, limit) + 1] + "\n[... truncated ...]\n"


def licence_of(meta) -> str:
    parts = [meta.get("License-Expression", ""), meta.get("License", "").splitlines()[0]
             if meta.get("License") else ""]
    parts += [c.split("::")[-1].strip() for c in meta.get_all("Classifier", []) if c.startswith("License ::")]
    return "; ".join(p for p in parts if p)


def python_docs(out: Path) -> int:
    n = 0
    for info in sorted(SITE.glob("*.dist-info")):
        path = info / "METADATA"
        if not path.is_file():
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        head, _, body = raw.partition("\n\n")
        meta = HeaderParser().parsestr(head + "\n")
        name, lic = meta.get("Name", info.name), licence_of(meta)
        if name.lower() in SKIP or not PERMISSIVE.search(lic) or COPYLEFT.search(lic):
            continue
        body = body.strip() or (meta.get("Description") or "").strip()
        if len(body) < 400:
            continue
        header = (f"{name} {meta.get('Version', '')}\n\n{meta.get('Summary', '')}\n\n"
                  f"License: {lic}. Source: the package's METADATA (long description).\n\n")
        (out / f"{name.lower()}.md").write_text(cut(header + body) , encoding="utf-8")
        n += 1
    return n


def node_docs(out: Path) -> int:
    n = 0
    for name in NODE_API:
        src = NODE / "api" / f"{name}.md"
        if src.is_file():
            text = src.read_text(encoding="utf-8", errors="replace")
            (out / f"node-{name}.md").write_text(
                cut(f"<!-- Node.js documentation, doc/api/{name}.md (MIT licence) -->\n\n" + text),
                encoding="utf-8")
            n += 1
    changelog = (NODE / "changelogs" / "CHANGELOG_V18.md").read_text(encoding="utf-8")
    at = changelog.find("`npm birthday` has been removed")
    start = changelog.rfind("\n## ", 0, at)
    end = changelog.find("\n<a id=", at)
    (out / "node-18-changelog-excerpt.md").write_text(
        "<!-- Node.js CHANGELOG_V18.md, one release section (MIT licence) -->\n"
        + cut(changelog[start:end]), encoding="utf-8")
    return n + 1


def licence_texts(out: Path) -> int:
    for name in COMMON_LICENSES:
        shutil.copyfile(LICENSES / name, out / f"{name}.txt")
    return len(COMMON_LICENSES)


def main() -> None:
    counts = {}
    for sub, fill in (("downloads/python", python_docs), ("downloads/nodejs", node_docs),
                      ("licenses", licence_texts)):
        out = NOTES / sub
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        counts[sub] = fill(out)
    total = sum(p.stat().st_size for p in NOTES.rglob("*") if p.is_file())
    print(counts, f"{sum(1 for p in NOTES.rglob('*') if p.is_file())} files, {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
