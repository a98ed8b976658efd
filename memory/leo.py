"""Leo outlines (the Leo editor, leo-editor.github.io): `.leo` files and the `@file` files Leo writes.

A `.leo` file is XML: a `<vnodes>` tree of `<v t="gnx"><vh>headline</vh> ...children... </v>` and,
after it, `<tnodes>` holding each node's body as `<t tx="gnx">body text</t>`. Read as text, each
headline was a `<v t="narek.2026...">` line and each body ran on from its `<t tx=...>` tag. Here
each node is what it is in the outline, on the file line it is written on:

    <v t="x.1"><vh>Car</vh>                      ->  # Car
    <v t="x.2"><vh>Insurance</vh></v>             ->  ## Insurance
    <t tx="x.2">@language md                      ->  (a directive: left out)
    Policy: 55-1234                               ->  Policy: 55-1234
    <v t="x.3"><vh>winter tyres</vh></v>          ->  - winter tyres   (a node with no body and
                                                      no children is a bullet, not a heading)

A node's body is read as the markdown or plain text it is (its own `#` headings go under the
node's), unless its `@language` (its own or an ancestor's) is a programming language: then it is a
code block. Leo's directives (`@language`, `@tabwidth`, `@others`, ...) and section references
(`<< name >>`) are left out. A clone (a node in two places, the same `t` twice) is read once,
where it first is. Headlines that are Leo's own:

- `@settings`, `@button`, `@command`, ... trees are the editor's configuration and scripts: left
  out; a `myLeoSettings.leo`/`leoSettings.leo`, or an outline with nothing else, has nothing to read.
- `@file`, `@clean`, `@auto`, `@edit`, ... nodes: their text lives in the file they name, which is
  read on its own. The `.leo` holds nothing of an `@file` node's; the tree it keeps of an `@clean`
  node (or an orphan's copy) is read only when that file is not in the notes beside it.
- `@chapter Work` is the heading "Work"; `@path` nodes stand for their children.

LeoJS's JSON outlines (`.leojs`) are read the same way, every body line cited at the JSON line its
body string is on. Leo's SQLite outlines (`.db`) are not read (memory ignores `.db` files).

An external file Leo writes for an `@file` node (a `.md`, `.txt`, `.py`, ...) carries sentinel
comments in the file's own comment style: `<!--@+leo-ver=5-thin-->`, `<!--@+node:gnx: ** Headline-->`,
`<!--@+others-->`, `<!--@-leo-->` in markdown, `#@+node:...` in Python and text. Such a file is
known by its `@+leo-ver` line; its sentinels are left out, each `@+node` headline is a heading at
its level (`*` is the file's node, `**` its children, `*3*` theirs) and its body lines keep their
line numbers.
"""
from __future__ import annotations

import json
import re
import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

LEO_EXT = {".leo"}
LEOJS_EXT = {".leojs"}
SETTINGS_FILES = {"myleosettings.leo", "leosettings.leo", "myleosettings.leojs", "leosettings.leojs"}

# Headlines naming the editor's configuration and scripts: their trees are no notes.
_CONFIG = {"@settings", "@button", "@command", "@rclick", "@script", "@test", "@suite", "@enabled-plugins",
           "@mode", "@menus", "@menu", "@popup", "@keys", "@shortcuts", "@commands", "@buttons", "@data",
           "@outline-data", "@bool", "@int", "@float", "@string", "@color", "@font", "@ratio"}
# Headlines naming a file whose text Leo keeps outside the .leo.
_EXTERNAL = re.compile(r"(?i)^@(?:file|thin|clean|auto(?:-[\w]+)?|edit|asis|nosent|shadow|nosentinelsfile|"
                       r"silentfile|rawfile|root)\b")
# Body lines that are Leo directives, not text ("@language md", "@others", "@" opening a doc part).
_DIRECTIVE = re.compile(r"^\s*@(?:language|tabwidth|pagewidth|encoding|lineending|comment|delims|path|first|last|markup|"
                        r"section-delims|persistence|tab_width)(?:\s.*)?$"
                        r"|^\s*@(?:others|all|nocolor(?:-node)?|color|killcolor|wrap|nowrap|killwrap|raw|end_raw|beautify|"
                        r"nobeautify|killbeautify|nopyflakes|nosearch|c|code|doc|ignore|unit|root)?\s*$")
_LANGUAGE = re.compile(r"^\s*@language\s+([\w+#-]+)")
_SECTION_REF = re.compile(r"^\s*<<\s*.+?\s*>>\s*$")
_SECTION_NAME = re.compile(r"^<<\s*(.+?)\s*>>(.*)$")
# Languages whose text is prose (read as markdown); any other @language makes a body code.
_PROSE = {"md", "markdown", "rest", "rst", "restructuredtext", "plain", "text", "txt", "org", "none", "asciidoc",
          "adoc", "unknown", "unknown_language"}
_PROSE_EXT = {".md", ".markdown", ".mdown", ".mkd", ".txt", ".text", ".rst", ".org", ".adoc", ".asciidoc", ""}
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")

_LEO_VER = re.compile(r"^(\s*)(\S*?)@\+leo-ver=\d+(?:-thin)?(?:-encoding=[^,]*,\.?)?(.*)$")
# "@+node:gnx: ** Headline" (Leo 5) or "@+node:gnx:Headline" (Leo 4, nested by @-node).
_NODE5 = re.compile(r"^\+node:([^:]+): \*(\d+)?(\*?) (.*)$")
_NODE4 = re.compile(r"^\+node:([^:]+):(.*)$")


@dataclass
class _Node:
    gnx: str
    headline: str
    line: int
    children: list["_Node"] = field(default_factory=list)
    clone: bool = False  # the same node again: read where it first is


def looks_like_leo(path: Path, lines: list[str]) -> bool:
    """A `.leo` outline (or any XML file whose root is `<leo_file>`)."""
    if path.suffix.lower() in LEO_EXT:
        return True
    head = " ".join(lines[:6])
    return head.lstrip("\ufeff ").startswith("<?xml") and "<leo_file" in head


def is_leojs(path: Path, text: str) -> bool:
    return path.suffix.lower() in LEOJS_EXT and '"vnodes"' in text[:4000]


def is_settings(path: Path) -> bool:
    return path.name.lower() in SETTINGS_FILES


# ---------------------------------------------------------------------------------------------
# .leo (XML) and .leojs (JSON)


def _read_xml(text: str) -> tuple[list[_Node], dict[str, tuple[int, str]]]:
    """The outline's top nodes, and each gnx's body: (file line its text starts on, text)."""
    parser = xml.parsers.expat.ParserCreate()
    root = _Node("", "", 0)
    stack = [root]
    seen: set[str] = set()
    bodies: dict[str, tuple[int, str]] = {}
    state: dict = {"vh": None, "t": None}

    def start(name, attrs):
        if name == "v":
            gnx = attrs.get("t", "")
            node = _Node(gnx, "", parser.CurrentLineNumber, clone=bool(gnx) and gnx in seen)
            seen.add(gnx)
            stack[-1].children.append(node)
            stack.append(node)
        elif name == "vh" and len(stack) > 1:
            state["vh"] = []
            stack[-1].line = parser.CurrentLineNumber
        elif name == "t":
            state["t"] = [attrs.get("tx", ""), 0, []]

    def end(name):
        if name == "v" and len(stack) > 1:
            stack.pop()
        elif name == "vh" and state["vh"] is not None:
            stack[-1].headline = "".join(state["vh"])
            state["vh"] = None
        elif name == "t" and state["t"] is not None:
            gnx, at, parts = state["t"]
            if gnx and gnx not in bodies:
                bodies[gnx] = (at, "".join(parts))
            state["t"] = None

    def chars(data):
        if state["vh"] is not None:
            state["vh"].append(data)
        elif state["t"] is not None:
            if not state["t"][2]:
                state["t"][1] = parser.CurrentLineNumber  # the body's first line
            state["t"][2].append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.Parse(text, True)
    return root.children, bodies


def _line_of(lines: list[str], needle: str, start: int = 0) -> int:
    """The 1-based line holding `needle` (at or after line `start`); 0 if none."""
    for k in range(max(0, start), len(lines)):
        if needle in lines[k]:
            return k + 1
    return 0


def _read_json(text: str, lines: list[str]) -> tuple[list[_Node], dict[str, tuple[int, str]]]:
    """A LeoJS outline: {"vnodes": [{"gnx"/"t", "vh", "children"}], "tnodes": {gnx: body}} (or a list
    of {"tx", "body"}). A body is one JSON string: every line of it is cited at that string's line."""
    data = json.loads(text)
    seen: set[str] = set()

    def node(d: dict) -> _Node:
        gnx = str(d.get("gnx", d.get("t", "")))
        at = _line_of(lines, json.dumps(gnx)) or 1
        n = _Node(gnx, str(d.get("vh", "")), at, clone=bool(gnx) and gnx in seen)
        seen.add(gnx)
        n.children = [node(c) for c in d.get("children") or [] if isinstance(c, dict)]
        return n

    top = [node(d) for d in data.get("vnodes") or [] if isinstance(d, dict)]
    tnodes = data.get("tnodes") or {}
    if isinstance(tnodes, list):
        tnodes = {str(t.get("tx", t.get("gnx", ""))): t.get("body", "") for t in tnodes if isinstance(t, dict)}
    where = _line_of(lines, '"tnodes"')
    bodies = {}
    for gnx, body in tnodes.items():
        if isinstance(body, str):
            at = _line_of(lines, json.dumps(gnx) + ":", where - 1) or _line_of(lines, json.dumps(gnx), where - 1) or 1
            bodies[gnx] = (-at, body)  # negative: all of it on that one line
    return top, bodies


def _kind(headline: str) -> str:
    """"config" (settings, scripts), "external" (@file ...), "path" (@path) or "" (a node of notes)."""
    h = headline.strip()
    word = h.split(maxsplit=1)[0].lower() if h.startswith("@") else ""
    if word in _CONFIG:
        return "config"
    if _EXTERNAL.match(h):
        return "external"
    if word in ("@path", "@chapters"):
        return "path"
    return ""


def _title(headline: str) -> str:
    h = re.sub(r"\s+", " ", headline).strip()
    if h.lower().startswith("@chapter "):
        h = h[len("@chapter "):].strip()
    elif (section := _SECTION_NAME.match(h)):  # "<< imports >>": the section's name
        h = (section.group(1) + section.group(2)).strip()
    elif _EXTERNAL.match(h):  # an orphan @file node read from the .leo: the file it names
        h = h.split(maxsplit=1)[1].strip() if len(h.split()) > 1 else h
    return h or "(untitled)"


def _language(body_lines: list[str], inherited: str) -> str:
    for line in body_lines:
        if (m := _LANGUAGE.match(line)):
            return m.group(1).lower()
    return inherited


def _body_markdown(numbered: list[tuple[int, str]], shift: int, code: bool) -> list[tuple[int, str]]:
    """A node's body lines as markdown, directives and section references left out: code fenced;
    prose with its own `#` headings moved under the node's heading (`shift` levels down)."""
    kept = [(n, line.rstrip()) for n, line in numbered if not _DIRECTIVE.match(line) and not _SECTION_REF.match(line)]
    while kept and not kept[0][1].strip():
        kept.pop(0)
    while kept and not kept[-1][1].strip():
        kept.pop()
    if not kept:
        return []
    if code:
        fence = "~~~~" if any(line.lstrip().startswith("```") for _, line in kept) else "```"
        return [(kept[0][0], ""), (kept[0][0], fence)] + kept + [(kept[-1][0], fence), (kept[-1][0], "")]
    out = [(kept[0][0], "")]
    fenced = ""
    for n, line in kept:
        fm = _FENCE.match(line)
        if fenced:
            if fm and fm.group(1)[0] == fenced[0] and len(fm.group(1)) >= len(fenced):
                fenced = ""
        elif fm:
            fenced = fm.group(1)
        elif shift and (h := _ATX.match(line)):
            line = h.group(1) + "#" * min(6, len(h.group(2)) + shift) + line[h.end():]
        out.append((n, line))
    out.append((kept[-1][0], ""))
    return out


def _outline(top: list[_Node], bodies: dict[str, tuple[int, str]], folder: Path | None = None
             ) -> tuple[list[tuple[int, str]], set[str]]:
    out: list[tuple[int, str]] = []
    skipped: set[str] = set()  # the kinds of Leo's own trees left out

    def body_of(node: _Node) -> list[tuple[int, str]]:
        at, text = bodies.get(node.gnx, (0, ""))
        if not text:
            return []
        body = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if at < 0:  # a JSON string: all of it on one line
            return [(-at, line) for line in body]
        return [(at + k, line) for k, line in enumerate(body)]

    def said(numbered: list[tuple[int, str]]) -> bool:
        return any(line.strip() and not _DIRECTIVE.match(line) and not _SECTION_REF.match(line) for _, line in numbered)

    def beside(headline: str, where: str) -> bool:
        """The file an @file/@clean node names is in the notes too: it is read on its own."""
        name = headline.split(maxsplit=1)[1].strip() if len(headline.split()) > 1 else ""
        try:
            return bool(folder and name and (folder / where / name).is_file())
        except OSError:
            return False

    def walk(node: _Node, depth: int, language: str, where: str = "") -> None:
        if node.clone:
            return
        kind = _kind(node.headline)
        body = body_of(node)
        if kind == "config":
            skipped.add("config")
            return
        if kind == "external" and (not said(body) and not node.children or beside(node.headline, where)):
            # Its text is in the file it names, read on its own (Leo keeps no copy of an @file
            # node's; an @clean tree it does keep is left out when the file is in the notes too).
            skipped.add("external")
            return
        language = _language([line for _, line in body], language)
        if kind == "path":  # stands for its children
            if node.headline.split()[0].lower() == "@path" and len(node.headline.split()) > 1:
                where = str(Path(where) / node.headline.split(maxsplit=1)[1].strip())
            out.extend(_body_markdown(body, depth - 1, language not in _PROSE))
            for child in node.children:
                walk(child, depth, language, where)
            return
        title = _title(node.headline)
        live = [c for c in node.children if not c.clone]
        if not said(body) and not live:
            out.append((node.line, f"- {title}"))  # a leaf with nothing in it: an item of a list
            return
        level = min(depth, 6)
        mark = len(out)
        out.extend([(node.line, ""), (node.line, "#" * level + " " + title), (node.line, "")])
        out.extend(_body_markdown(body, level, language not in _PROSE))
        for child in node.children:
            walk(child, depth + 1, language, where)
        if not any(line.strip() for _, line in out[mark + 2:]):
            del out[mark:]  # only clones and Leo's own nodes under it: a title over nothing
            return
        out.append((node.line, ""))

    for node in top:
        walk(node, 1, "md")
    return out, skipped


def _finish(out: list[tuple[int, str]], skipped: set[str], path: Path) -> tuple[list[str], list[int], str]:
    if is_settings(path):
        return [], [], "Leo's settings file (the editor's options, buttons and scripts): no notes"
    # No runs of blank lines; no blank line first.
    tidy: list[tuple[int, str]] = []
    for n, line in out:
        if not line.strip() and (not tidy or not tidy[-1][1].strip()):
            continue
        tidy.append((n, line))
    while tidy and not tidy[-1][1].strip():
        tidy.pop()
    nothing = ""
    if not tidy:
        if "config" in skipped:
            nothing = "a Leo outline of settings and scripts only: no notes"
        elif "external" in skipped:
            nothing = "a Leo outline of @file nodes only; the files they name are read on their own"
        else:
            nothing = "an empty Leo outline"
    return [t for _, t in tidy], [n for n, _ in tidy], nothing


def to_markdown(text: str, path: Path) -> tuple[list[str], list[int], str]:
    """A `.leo` outline as markdown, each line's file line, and why it says nothing ("" if it says
    something). Raises xml.parsers.expat.ExpatError for a file that is not well-formed XML."""
    if is_settings(path):
        return _finish([], set(), path)
    top, bodies = _read_xml(text)
    return _finish(*_outline(top, bodies, path.parent), path)


def leojs_to_markdown(text: str, lines: list[str], path: Path) -> tuple[list[str], list[int], str]:
    """A LeoJS `.leojs` outline, as to_markdown. Raises ValueError for JSON that does not parse."""
    if is_settings(path):
        return _finish([], set(), path)
    top, bodies = _read_json(text, lines)
    return _finish(*_outline(top, bodies, path.parent), path)


# ---------------------------------------------------------------------------------------------
# External files written by Leo (@file), with sentinel comments


def _leo_ver(lines: list[str]) -> tuple[int, str, str] | None:
    """(0-based index of the `@+leo-ver` line, comment opener, comment closer), or None."""
    for k, line in enumerate(lines[:12]):  # @first lines (a shebang, an encoding) may come before it
        m = _LEO_VER.match(line)
        if m and m.group(2):
            return k, m.group(2), m.group(3).strip()
    return None


def is_external_file(lines: list[str]) -> bool:
    """A file Leo wrote from an `@file` node: its sentinel `@+leo-ver=5-thin` on one of its first lines."""
    return _leo_ver(lines) is not None


def external_to_markdown(lines: list[str], path: Path) -> tuple[list[str], list[int]]:
    """A Leo `@file` external file as markdown: sentinels out, each node's headline a heading at
    its level over its body, every body line on its own line number."""
    found = _leo_ver(lines)
    assert found is not None
    start, opener, closer = found
    file_language = "md" if path.suffix.lower() in _PROSE_EXT else path.suffix.lower().lstrip(".")

    # Split the file into nodes: (level, headline, line, body lines).
    nodes: list[list] = [[1, "", start + 1, [(k + 1, lines[k]) for k in range(start)]]]  # @first lines
    depth4 = 0  # Leo 4's nesting: +node opens, -node closes
    verbatim = False
    for k in range(start + 1, len(lines)):
        n, line = k + 1, lines[k]
        s = line.strip()
        if verbatim:
            nodes[-1][3].append((n, line))
            verbatim = False
            continue
        if not (s.startswith(opener + "@") and (not closer or s.endswith(closer))):
            nodes[-1][3].append((n, line))
            continue
        inner = s[len(opener) + 1: len(s) - len(closer) if closer else len(s)].strip()
        if inner == "verbatim":  # the next line is text that looks like a sentinel
            verbatim = True
        elif (m := _NODE5.match(inner)):
            level = int(m.group(2)) if m.group(2) else (2 if m.group(3) else 1)
            nodes.append([level, m.group(4), n, []])
        elif (m := _NODE4.match(inner)):
            depth4 += 1
            nodes.append([depth4, m.group(2), n, []])
        elif inner.startswith("-node"):
            depth4 = max(0, depth4 - 1)
        elif inner.startswith("@language"):
            nodes[-1][3].append((n, "@" + inner[1:]))  # read by _language, then left out
        # any other sentinel (@+others, @-others, @+<< >>, @-leo, @@directives, @+at ...): left out

    out: list[tuple[int, str]] = []
    # The file's own node (and any @first lines) is the page; the top heading of its text
    # ("# September 2026") heads the nodes under it.
    root_language = _language([line for level, _, _, body in nodes if level <= 1 for _, line in body], file_language)
    base = 0
    languages: dict[int, str] = {1: root_language}
    for level, headline, n, body in nodes:
        if level <= 1:
            out.extend(_body_markdown(body, 0, root_language not in _PROSE))
            fenced = False
            for _, line in body if root_language in _PROSE else []:
                fenced ^= bool(_FENCE.match(line))
                if not fenced and (h := _ATX.match(line)):
                    base = min(base or 6, len(h.group(2)))
            continue
        language = _language([line for _, line in body], languages.get(level - 1, root_language))
        languages[level] = language
        heading = min(6, base + level - 1)
        out.extend([(n, ""), (n, "#" * heading + " " + _title(headline)), (n, "")])
        out.extend(_body_markdown(body, heading, language not in _PROSE))
    md, numbers, _ = _finish(out, set(), Path("x"))
    return md, numbers


__all__ = ["LEO_EXT", "LEOJS_EXT", "external_to_markdown", "is_external_file", "is_leojs", "is_settings",
           "leojs_to_markdown", "looks_like_leo", "to_markdown"]
