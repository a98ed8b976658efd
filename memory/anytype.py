"""An Anytype export ("Any-Block" JSON: Export > Any-Block, JSON), read as the pages and contacts
a person keeps in it.

The export is a folder (`Anytype.20261129.204512.37/`) of one JSON file per object, each named by
its id: `objects/<id>.pb.json` (pages, notes, contacts, tasks, collections), `relations/` (the
properties: `details.relationKey` "phone" or a made-up key, `details.name` "Phone",
`details.relationFormat`), `relationsOptions/` (the tags and statuses a property offers, each its
`name`), `types/`, `templates/`, `filesObjects/` (what the app knows of an attached file; the file
itself is in `files/`), `index.pb.json` (the space's home) and `profile` (the account, binary).
Each file is `{"sbType": "Page", "snapshot": {"data": {"blocks": [...], "details": {...},
"relationLinks": [...]}}}`: the object's blocks a tree (each its `id`, `childrenIds` and one
content: `text` {text, style, checked, marks}, `layout`, `table`, `link`, `file`, `bookmark`,
`relation`, `dataview`...) and its `details` (its relations: `name`, `description`, the dates in
epoch seconds, `type`, `tag`, `phone`, ...; a tag, a status or a linked object by its id). Read as
data, a page was a screenful of ids, restrictions and empty `marks` around a few lines of text,
with its title nowhere in its blocks and a contact's phone number a bare key of `details`.

Here an object that is a page (a note, a contact, a task, a collection) is read as markdown:

- its `name` as `# Title`, its `description` under it, then its relations that carry the user's
  data as "- Relation name: value" bullets: the relation's name from the export's `relations/`
  (else its key made readable), a date from epoch seconds as 2026-03-14, a tag, a status or an
  object by its name where the export holds it; the app's bookkeeping (ids, creator, icon, layout,
  restrictions, snippet, links and backlinks, the dates of changes and views) is left out;
- then its blocks in the order the page shows them (`childrenIds` from the root): headers as
  headings under the title, bullets, numbered items and checkboxes as list items (the blocks
  nested under one indented under it), a table as a markdown table whose first (header) row names
  its columns, quotes and callouts as quotes, code fenced, marks dropped (the words stay), a link
  to another object as that object's name, an attached file by its name;
- every line cites the file line its words are on (a block's `"text"`, a relation's key), so a
  citation opens the JSON where the words are; the title cites the page's title block (where the
  page shows it: the name itself is written after all the blocks, and cited there the page's first
  line would come after its last, its chunk ending before it starts);
- the page is dated by its `lastModifiedDate` (the day in UTC, as the app stores it).

The export's relations, relation options, types and templates say nothing of their own (the pages
that use them are read); nor does an archived or deleted object, a file object (its file in
`files/` is read as what it is) or the app's own objects (the space, its widgets and members).
Names are looked up in the export the object sits in (read once per folder); a file that is not
JSON is said in a warning and not read; a `.json` that is not an Anytype object is read as the
ordinary JSON it is.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from json.decoder import scanstring
from pathlib import Path

from memory import tables

# The export's folders, by the kind of object each holds.
PARTS = ("objects", "relations", "relationsOptions", "types", "templates", "filesObjects")
_PAGES = {"Page", "ProfilePage", 16, 17}
_NOT_READ = {
    "STRelation": "an Anytype relation (a property's name and format); the objects that use it are read",
    "STRelationOption": "an Anytype relation option (a tag's or a status's name); the objects that carry it are read",
    "STType": "an Anytype object type; the objects of that type are read",
    "Template": "an Anytype template (the starting point of new objects, not a note)",
    "BundledTemplate": "an Anytype template (the starting point of new objects, not a note)",
    "FileObject": "an Anytype file object; the file itself, in the export's files/ folder, is read",
    "File": "an Anytype file object; the file itself, in the export's files/ folder, is read",
}
# The SmartBlockType numbers, for an export that writes its enums as numbers.
_SB_NUMBERS = {0x209: "STRelation", 0x211: "STRelationOption", 0x210: "STType", 0x120: "Template",
               0x121: "BundledTemplate", 0x215: "FileObject", 0x100: "File"}
_APP_OWN = "Anytype's own object (the space, its home, widgets or members), not a note"

# Layouts (details.layout) of a page-like object; a dashboard is the space's home.
_LAYOUT_TODO, _LAYOUT_DASHBOARD = 2, 7
_LAYOUT_NAMES = {"basic": 0, "profile": 1, "todo": 2, "set": 3, "dashboard": 7, "note": 9, "bookmark": 11, "collection": 14}

# Relations that are the app's bookkeeping, not what the user wrote (Anytype's system and hidden
# relations); `name` and `description` are the title and the line under it.
_BOOKKEEPING = frozenset("""
id name description snippet type layout layoutAlign layoutWidth resolvedLayout iconEmoji iconImage iconOption
iconName coverId coverScale coverType coverX coverY createdDate creator lastModifiedDate lastModifiedBy
lastOpenedDate lastUsedDate lastMessageDate addedDate featuredRelations isFavorite isArchived isDeleted isHidden
isHiddenDiscovery isReadonly isUninstalled isHighlighted spaceId workspaceId links backlinks mentions internalFlags
restrictions sourceObject setOf relationFormat relationKey relationReadonlyValue relationDefaultValue
relationMaxCount relationOptionColor relationFormatObjectTypes relationFormatIncludeTime templateIsBundled
smartblockTypes targetObjectType recommendedLayout recommendedRelations recommendedFeaturedRelations
recommendedHiddenRelations recommendedFileRelations defaultTemplateId defaultTypeId defaultViewType uniqueKey
fileExt fileMimeType sizeInBytes widthInPixels heightInPixels fileId fileSyncStatus fileBackupStatus
fileIndexingStatus fileAvailableOffline fileSourceChecksum sourceFilePath oldAnytypeID spaceDashboardId origin
importType revision imageKind syncDate syncStatus syncError lastChangeId timestamp chatId hasChat pluralName
headerRelationsLayout apiObjectKey spaceJoinDate profileOwnerIdentity identity identityProfileLink globalName
participantPermissions participantStatus myParticipantStatus picture toBeDeletedDate orderId spaceOrder
autoWidgetDisabled widgetLayout widgetLimit widgetViewId analyticsChatId analyticsSpaceId isMainChat _score
""".split())
# Anytype's own relations, by the names the app shows, for an export that holds no relation object.
_BUNDLED_NAMES = {"tag": "Tag", "status": "Status", "email": "Email", "phone": "Phone", "url": "URL",
                  "dueDate": "Due date", "done": "Done", "source": "Source", "author": "Author",
                  "assignee": "Assignee", "company": "Company", "releasedYear": "Released year",
                  "linkedProjects": "Linked projects", "tasks": "Tasks", "mood": "Mood", "genre": "Genre"}
# RelationFormat, as the relation objects (a number) and relationLinks (a name) write it.
_FORMATS = {"longtext": 0, "shorttext": 1, "number": 2, "status": 3, "date": 4, "file": 5, "checkbox": 6,
            "url": 7, "email": 8, "phone": 9, "emoji": 10, "tag": 11, "object": 100, "relations": 101}
_DATE, _CHECKBOX = 4, 6
_REFERENCES = {3, 5, 11, 100}  # status, file, tag, object: ids of other objects
_TEXTS = {0, 1, 7, 8, 9, 10}  # long and short text, URL, email, phone, emoji
_BUNDLED_FORMATS = {"tag": 11, "status": 3, "email": 8, "phone": 9, "url": 7, "dueDate": 4, "done": 6,
                    "source": 7, "author": 100, "assignee": 100, "company": 100, "linkedProjects": 100, "tasks": 100}
_TEXT_STYLES = ("Paragraph", "Header1", "Header2", "Header3", "Header4", "Quote", "Code", "Title", "Checkbox",
                "Marked", "Numbered", "Toggle", "Description", "Callout")
_LAYOUT_STYLES = ("Row", "Column", "Div", "Header", "TableRows", "TableColumns")
_LISTS = {"Marked", "Numbered", "Checkbox", "Toggle"}
# An object's id as the export writes it (a CID "bafyrei..."), a made-up key (24 hex digits), a member.
_MACHINE_ID = re.compile(r"bafy[a-z2-7]{20,}|[0-9a-f]{24}|_participant_\S+|_[a-z]{2,}[a-zA-Z]+")
_ATX = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_RULE = re.compile(r"^\s*([-=*_])(\s*\1){2,}\s*$")


def looks_like_anytype(path: Path, text: str) -> bool:
    """A `.json` file that may be an Anytype object: a JSON object naming its `sbType` and its
    `snapshot` (to_markdown checks it is one)."""
    return (path.name.lower().endswith(".json") and text.lstrip("\ufeff \t\r\n").startswith("{")
            and '"sbType"' in text and '"snapshot"' in text)


def is_account_profile(path: Path) -> bool:
    """The export's `profile` file (the account's name and keys, binary protobuf)."""
    return path.name == "profile" and (path.parent / "objects").is_dir() and bool(_export_files(path.parent, 1))


@dataclass
class AnytypeObject:
    md: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # the file line of each markdown line
    written: str = ""  # its last change, ISO day
    nothing: str = ""  # why it says nothing, when it is not read
    warning: str = ""


# ---------------------------------------------------------------------------------------------
# JSON with the line of each key


class _Obj(dict):
    """A JSON object that knows the file line of each of its keys (`at`)."""
    __slots__ = ("at",)


_WS = re.compile(r"[ \t\n\r]*")
_NUM = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}


def _with_lines(text: str) -> object:
    """`text` (JSON already known to be valid) parsed into values whose objects are `_Obj`s."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def value(i: int) -> tuple[object, int]:
        i = _WS.match(text, i).end()
        c = text[i:i + 1]
        if c == "{":
            obj = _Obj()
            obj.at = {}
            i = _WS.match(text, i + 1).end()
            if text[i:i + 1] == "}":
                return obj, i + 1
            while True:
                key, j = scanstring(text, _WS.match(text, i).end() + 1)
                obj.at[key] = bisect_right(starts, j - 1)
                j = _WS.match(text, j).end() + 1  # the ":"
                obj[key], i = value(j)
                i = _WS.match(text, i).end()
                if text[i:i + 1] == "}":
                    return obj, i + 1
                i += 1  # the ","
        if c == "[":
            items: list = []
            i = _WS.match(text, i + 1).end()
            if text[i:i + 1] == "]":
                return items, i + 1
            while True:
                item, i = value(i)
                items.append(item)
                i = _WS.match(text, i).end()
                if text[i:i + 1] == "]":
                    return items, i + 1
                i += 1
        if c == '"':
            return scanstring(text, i + 1)
        for word, v in _LITERALS.items():
            if text.startswith(word, i):
                return v, i + len(word)
        m = _NUM.match(text, i)
        if not m:
            raise ValueError(f"unexpected {c!r} at char {i}")
        number = m.group(0)
        return (float(number) if any(ch in number for ch in ".eE") else int(number)), m.end()

    return value(0)[0]


def _line(obj, key: str, default: int = 1) -> int:
    return obj.at.get(key, default) if isinstance(obj, _Obj) else default


# ---------------------------------------------------------------------------------------------
# What the export around an object says: names of objects, relations and types


@dataclass
class _Export:
    names: dict[str, str] = field(default_factory=dict)  # object id -> its name
    relations: dict[str, tuple[str, int | None, bool]] = field(default_factory=dict)  # key -> (name, format, hidden)
    type_keys: dict[str, str] = field(default_factory=dict)  # type id -> its uniqueKey ("ot-human")
    gone: set[str] = field(default_factory=set)  # archived or deleted objects


_CACHE: dict[Path, tuple[tuple, _Export]] = {}
_MAX_FILES = 50_000


def root_of(path: Path) -> Path:
    """The export folder an object file is in: `objects/<id>.pb.json` is in the folder above."""
    return path.parent.parent if path.parent.name in PARTS else path.parent


def _export_files(root: Path, limit: int = _MAX_FILES) -> list[Path]:
    found: list[Path] = []
    for folder in [root] + [root / p for p in PARTS]:
        try:
            entries = sorted(folder.glob("*.pb.json")) if folder.is_dir() else []
        except OSError:
            continue
        found += entries[: max(0, limit - len(found))]
        if len(found) >= limit:
            break
    return found


def _stamp(root: Path) -> tuple:
    out = []
    for folder in [root] + [root / p for p in PARTS]:
        try:
            out.append((folder.name, folder.stat().st_mtime_ns))
        except OSError:
            out.append((folder.name, 0))
    return tuple(out)


def _format(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    return _FORMATS.get(value) if isinstance(value, str) else None


def export_of(root: Path) -> _Export:
    """The names the export in `root` holds, read once per folder (again when a folder changes)."""
    stamp = _stamp(root)
    cached = _CACHE.get(root)
    if cached and cached[0] == stamp:
        return cached[1]
    export = _Export()
    for f in _export_files(root):
        try:
            data = json.loads(f.read_text(encoding="utf-8-sig"))
            details = data["snapshot"]["data"]["details"]
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            continue
        if not isinstance(details, dict):
            continue
        oid = details.get("id") if isinstance(details.get("id"), str) else f.name[: -len(".pb.json")]
        name = _words(details.get("name"))
        if data.get("sbType") in ("FileObject", "File") and name and _words(details.get("fileExt")):
            ext = _words(details["fileExt"])
            name = name if name.lower().endswith("." + ext.lower()) else f"{name}.{ext}"
        if name:
            export.names[oid] = name
        if details.get("isArchived") is True or details.get("isDeleted") is True:
            export.gone.add(oid)
        if data.get("sbType") == "STRelation" and isinstance(details.get("relationKey"), str):
            export.relations[details["relationKey"]] = (name, _format(details.get("relationFormat")),
                                                        details.get("isHidden") is True)
        if data.get("sbType") == "STType" and isinstance(details.get("uniqueKey"), str):
            export.type_keys[oid] = details["uniqueKey"]
    if len(_CACHE) >= 8:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[root] = (stamp, export)
    return export


# ---------------------------------------------------------------------------------------------
# One object


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _words(value) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _day(value) -> str:
    """Epoch seconds as an ISO day (UTC, as the app stores a day); before 1970 (a birth date) too."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value == 0:
        return ""
    seconds = value / 1000 if abs(value) > 1e11 else value  # milliseconds, from other tools
    try:
        return (_EPOCH + timedelta(seconds=seconds)).strftime("%Y-%m-%d")
    except (OverflowError, ValueError):
        return ""


def _readable(key: str) -> str:
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", key).replace("_", " ").replace("-", " ").split()
    text = " ".join(words).lower()
    return text[:1].upper() + text[1:]


def _number(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _is_object(data) -> bool:
    snapshot = data.get("snapshot") if isinstance(data, dict) else None
    return (isinstance(data, dict) and isinstance(data.get("sbType"), (str, int)) and not isinstance(data["sbType"], bool)
            and isinstance(snapshot, dict) and isinstance(snapshot.get("data"), dict))


_HEAD = re.compile(r'\A\ufeff?\s*\{\s*"sbType"\s*:')


def _in_export(path: Path, text: str) -> bool:
    """A file named and placed as the export writes its objects, or opening as they do."""
    return path.name.lower().endswith(".pb.json") or path.parent.name in PARTS or bool(_HEAD.match(text))


def to_markdown(path: Path, text: str) -> AnytypeObject | None:
    """The object `text` is, as markdown; None when it is not an Anytype object after all (it is
    then read as the JSON it is)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        if not _in_export(path, text):  # some other broken JSON: read as the JSON it is
            return None
        return AnytypeObject(nothing="a malformed Anytype object",
                             warning=f"malformed Anytype object ({exc}): not read")
    if not _is_object(data):
        return None
    sb_type = _SB_NUMBERS.get(data["sbType"], data["sbType"])
    details = data["snapshot"]["data"].get("details")
    details = details if isinstance(details, dict) else {}
    layout = details.get("layout")
    layout = _LAYOUT_NAMES.get(layout, layout) if isinstance(layout, str) else layout
    if sb_type in _NOT_READ:
        return AnytypeObject(nothing=_NOT_READ[sb_type])
    if sb_type not in _PAGES or layout == _LAYOUT_DASHBOARD:
        return AnytypeObject(nothing=_APP_OWN)
    if path.parent.name == "templates":
        return AnytypeObject(nothing=_NOT_READ["Template"])
    if details.get("isDeleted") is True:
        return AnytypeObject(nothing="a deleted Anytype object")
    if details.get("isArchived") is True:
        return AnytypeObject(nothing="an archived Anytype object (in the bin)")
    try:
        data = _with_lines(text.replace("\r\n", "\n").replace("\r", "\n"))
    except (ValueError, RecursionError) as exc:  # valid JSON the line reader does not follow: read, cited at line 1
        data = json.loads(text)
        warning = f"Anytype object read without its line numbers ({exc})"
    else:
        warning = ""
    page = _Page(data, export_of(root_of(path)))
    page.render()
    written = _day(page.details.get("lastModifiedDate")) or _day(page.details.get("createdDate"))
    return AnytypeObject(page.md, page.numbers, written, "" if page.md else "an empty Anytype object", warning)


class _Page:
    def __init__(self, data: dict, export: _Export):
        snap = data["snapshot"]["data"]
        self.snap = snap
        self.details = snap.get("details") if isinstance(snap.get("details"), dict) else {}
        self.export = export
        self.blocks = [b for b in _list(snap.get("blocks")) if isinstance(b, dict) and isinstance(b.get("id"), str)]
        self.by_id = {b["id"]: b for b in self.blocks}
        # The formats this object gives its relations (relationLinks: [{"key", "format"}]), in its order.
        self.links: dict[str, int | None] = {}
        for link in _list(snap.get("relationLinks")):
            if isinstance(link, dict) and isinstance(link.get("key"), str):
                self.links[link["key"]] = _format(link.get("format"))
        used = [int(st[-1]) for b in self.blocks if (st := self.text_style(b)).startswith("Header") and st[-1:].isdigit()]
        self.top_header = min(used, default=1)  # the page's biggest header is a "##" under its "# Title"
        self.md: list[str] = []
        self.numbers: list[int] = []
        self.last = ""  # the kind of what was written last: "item" (a list's line) or "block"
        self.seen: set[str] = set()

    # -- writing

    def put(self, rows: list[str], at: int, kind: str = "block") -> None:
        if not rows:
            return
        if self.md and self.md[-1] != "" and not (kind == "item" and self.last == "item"):
            self.md.append("")
            self.numbers.append(at)
        self.md += rows
        self.numbers += [at] * len(rows)
        self.last = kind

    def render(self) -> None:
        d = self.details
        title = _words(d.get("name"))
        # The title cites the page's title block (where the page shows its name; the name itself is
        # a detail, written after all the blocks): so the page's lines stay in file order and a
        # chunk's first and last lines span what it holds.
        shown = next((b for b in self.blocks if self.text_style(b) == "Title"), None)
        at = _line(shown["text"], "text", _line(shown, "text")) if shown else _line(d, "name")
        if not title:  # a note (it has no title): its first line, as the app shows it in lists
            first = next((b for b in self.blocks if self.text_style(b) not in ("", "Title", "Description")
                          and _words(b["text"].get("text"))), None)
            if first is not None:
                title, at = _words(first["text"]["text"].split("\n")[0])[:80], _line(first["text"], "text")
        if title:
            self.put([f"# {title}"], at)
        description = str(d.get("description") or "").strip() if isinstance(d.get("description"), str) else ""
        if description:
            self.put(self.paragraph(description), _line(d, "description"))
        self.relation_bullets()
        root = self.root()
        if root is not None:
            self.seen.add(root["id"])
            self.children(root, 0)
        self.collection()
        while self.md and self.md[-1] == "":
            self.md.pop()
            self.numbers.pop()

    def relation_bullets(self) -> None:
        d = self.details
        layout = d.get("layout")
        keys = list(dict.fromkeys([k for k in self.links if k in d] + list(d)))
        for key in keys:
            if key == "done" and layout != _LAYOUT_TODO:  # a task's box; on any other page the app's default
                continue
            if key in _BOOKKEEPING and key != "type":
                continue
            known = self.export.relations.get(key)
            if known and known[2]:  # a relation the app hides
                continue
            value = self.type_name() if key == "type" else self.value(key, d[key], known)
            if not value:
                continue
            label = "Type" if key == "type" else (known[0] if known and known[0] else "") or _BUNDLED_NAMES.get(key) \
                or ("Relation" if _MACHINE_ID.fullmatch(key) else _readable(key))
            self.put([f"- {label}: {value}"], _line(d, key), "item")

    def type_name(self) -> str:
        tid = self.details.get("type")
        if not isinstance(tid, str):
            return ""
        key = self.export.type_keys.get(tid, "")
        name = self.export.names.get(tid, "")
        if key in ("ot-page", "ot-note", "ot-human") or name in ("Page", "Note", "Human"):
            # Every page is one; a contact's "Human" says less than its name and phone, and read as a
            # line of its own it answers "Who is Nilda?" with nothing.
            return ""
        return name

    def value(self, key: str, raw, known) -> str:
        fmt = known[1] if known and known[1] is not None else self.links.get(key)
        if fmt is None:
            fmt = _BUNDLED_FORMATS.get(key)
        if fmt is None and isinstance(raw, (int, float)) and not isinstance(raw, bool) \
                and re.search(r"(?i)date|birth|day|deadline|due", key) and abs(raw) > 1e7:
            fmt = _DATE
        if isinstance(raw, bool):
            return "yes" if raw else "no" if fmt == _CHECKBOX else ""
        if isinstance(raw, (int, float)):
            if fmt == _DATE:
                return _day(raw)
            return _number(raw)
        items = raw if isinstance(raw, list) else [raw]
        out = []
        for item in items:
            if isinstance(item, str):
                word = " ".join(item.split())
                if not word:
                    continue
                if fmt in _TEXTS:  # what the user typed, whatever it looks like
                    out.append(word)
                elif word in self.export.names:
                    if word not in self.export.gone:
                        out.append(self.export.names[word])
                elif fmt == _DATE:
                    out.append(m.group(0) if (m := re.match(r"\d{4}-\d{2}-\d{2}", word)) else word)
                elif not (_MACHINE_ID.fullmatch(word) or fmt in _REFERENCES and re.fullmatch(r"\S{20,}", word)):
                    out.append(word)  # (an id the export does not hold, of a tag, a status, an object, says nothing)
            elif isinstance(item, (int, float)) and not isinstance(item, bool):
                out.append(_day(item) if fmt == _DATE else _number(item))
        return ", ".join(out)

    # -- blocks

    def root(self) -> dict | None:
        oid = self.details.get("id")
        if isinstance(oid, str) and oid in self.by_id:
            return self.by_id[oid]
        return next((b for b in self.blocks if "smartblock" in b), self.blocks[0] if self.blocks else None)

    def kids(self, block: dict) -> list[dict]:
        out = []
        for cid in _list(block.get("childrenIds")):
            child = self.by_id.get(cid) if isinstance(cid, str) else None
            if child is not None and cid not in self.seen:
                self.seen.add(cid)
                out.append(child)
        return out

    def children(self, block: dict, depth: int) -> None:
        number = 0
        for child in self.kids(block):
            style = self.text_style(child)
            number = number + 1 if style == "Numbered" else 0
            self.block(child, depth, number)

    @staticmethod
    def text_style(block: dict) -> str:
        text = block.get("text")
        if not isinstance(text, dict):
            return ""
        style = text.get("style")
        if isinstance(style, int) and 0 <= style < len(_TEXT_STYLES):
            return _TEXT_STYLES[style]
        return style if isinstance(style, str) and style else "Paragraph"

    @staticmethod
    def layout_style(block: dict) -> str:
        layout = block.get("layout")
        style = layout.get("style") if isinstance(layout, dict) else None
        if isinstance(style, int) and 0 <= style < len(_LAYOUT_STYLES):
            return _LAYOUT_STYLES[style]
        return style if isinstance(style, str) else ("Row" if isinstance(layout, dict) else "")

    def block(self, block: dict, depth: int, number: int) -> None:
        at = _line(block, "id")
        if isinstance(block.get("text"), dict):
            self.text(block, depth, number)
            return
        style = self.layout_style(block)
        if style == "Header":  # the title, description and featured relations: said from details
            self.kids(block)
            return
        if style:  # rows, columns, divs: what is in them, in order
            self.children(block, depth)
            return
        if isinstance(block.get("table"), dict):
            self.table(block)
            return
        rows: list[str] = []
        if isinstance(block.get("link"), dict):
            target = block["link"].get("targetBlockId")
            if isinstance(target, str) and target in self.export.names and target not in self.export.gone:
                rows = [self.export.names[target]]
        elif isinstance(block.get("file"), dict):
            f = block["file"]
            name = _words(f.get("name")) or self.export.names.get(str(f.get("targetObjectId") or ""), "")
            rows = [f"(attached: {name})"] if name else []
        elif isinstance(block.get("bookmark"), dict):
            b = block["bookmark"]
            url, title = _words(b.get("url")), _words(b.get("title"))
            title = title or self.export.names.get(str(b.get("targetObjectId") or ""), "")
            rows = [f"{title} ({url})" if title and url else title or url] if title or url else []
        elif isinstance(block.get("latex"), dict):
            rows = [ln for ln in str(block["latex"].get("text") or "").split("\n") if ln.strip()]
        # relation blocks (said among the relations), dataviews (a query), dividers, widgets: nothing
        if rows and "link" in block:  # a link is an item of what the page points to
            self.put([f"{'  ' * depth}- {rows[0]}"], at, "item")
        elif rows:
            self.put(["  " * depth + r for r in rows] if depth else self.paragraph("\n".join(rows)), at,
                     "item" if depth else "block")
        self.children(block, depth)

    def paragraph(self, text: str) -> list[str]:
        """Words as paragraph lines that stay words: a line that would be a heading or a rule is not."""
        rows = []
        for raw in text.split("\n"):
            row = raw.rstrip()
            if not row.strip() or _RULE.match(row) and "|" not in row:
                continue
            rows.append(_ATX.sub("", row) if _ATX.match(row) else row)
        return rows

    def text(self, block: dict, depth: int, number: int) -> None:
        content = block["text"]
        style = self.text_style(block)
        at = _line(content, "text", _line(block, "id"))
        words = content.get("text") if isinstance(content.get("text"), str) else ""
        if style in ("Title", "Description"):  # the name and description, said from details
            self.children(block, depth)
            return
        lines = [ln.rstrip() for ln in words.split("\n") if ln.strip()]
        pad = "  " * depth
        if style in _LISTS:
            if style == "Numbered":
                mark = f"{max(number, 1)}."
            elif style == "Checkbox":
                mark = "- [x]" if content.get("checked") is True else "- [ ]"
            else:
                mark = "-"
            if lines:
                rows = [f"{pad}{mark} {lines[0].strip()}"] + [f"{pad}  {ln.strip()}" for ln in lines[1:]]
                self.put(rows, at, "item")
            self.children(block, depth + 1 if lines else depth)
            return
        if lines:
            if depth:  # under a list item: its lines, indented under it
                self.put([f"{pad}{ln.strip()}" for ln in self.paragraph("\n".join(lines))], at, "item")
            elif style.startswith("Header"):
                level = min(6, 2 + int(style[-1]) - self.top_header) if style[-1:].isdigit() else 2
                self.put(["#" * level + " " + " ".join(" ".join(lines).split())], at)
            elif style in ("Quote", "Callout"):
                self.put([f"> {ln.strip()}" for ln in lines], at)
            elif style == "Code":
                self.put(["```"] + [ln.replace("```", "'''") for ln in words.strip("\n").split("\n")] + ["```"], at)
            else:
                self.put(self.paragraph("\n".join(lines)), at)
        self.children(block, depth)

    def cell(self, block: dict | None) -> tuple[str, int]:
        if block is None:
            return "", 0
        content = block.get("text")
        if not isinstance(content, dict) or not isinstance(content.get("text"), str):
            return "", 0
        return tables.cell(content["text"]), _line(content, "text", _line(block, "id"))

    def table(self, block: dict) -> None:
        """A table block: its columns' and rows' layout blocks; a cell is the block "<row>-<column>"
        (a cell never written in is no block at all)."""
        columns: list[str] = []
        row_ids: list[str] = []
        for part in self.kids(block):
            style = self.layout_style(part)
            ids = [c for c in _list(part.get("childrenIds")) if isinstance(c, str)]
            if style == "TableColumns":
                columns = ids
            elif style == "TableRows":
                row_ids = ids
            self.seen.update(ids)
        rows: list[tuple[list[str], int, bool]] = []
        for rid in row_ids:
            row = self.by_id.get(rid)
            if row is None:
                continue
            listed = [c for c in _list(row.get("childrenIds")) if isinstance(c, str)]
            self.seen.update(listed)
            cells, at = [], 0
            for k, col in enumerate(columns or listed):
                cell = self.by_id.get(f"{rid}-{col}") or (self.by_id.get(listed[k]) if not columns and k < len(listed) else None)
                words, line = self.cell(cell)
                cells.append(words)
                at = at or (line if words else 0)
            header = isinstance(row.get("tableRow"), dict) and row["tableRow"].get("isHeader") is True
            if any(cells) or header:
                rows.append((cells, at or _line(row, "id"), header))
        if not rows:
            return
        head = next((k for k, r in enumerate(rows) if r[2]), 0)
        names, head_at, _ = rows[head]
        names = [c or f"Column {k + 1}" for k, c in enumerate(names)]
        out = [tables.table_row(names), "|" + "---|" * len(names)]
        numbers = [head_at, head_at]
        for k, (cells, at, _) in enumerate(rows):
            if k != head and any(cells):
                out.append(tables.table_row(cells))
                numbers.append(at)
        self.put(out[:1], numbers[0])
        self.md += out[1:]
        self.numbers += numbers[1:]
        self.last = "block"

    def collection(self) -> None:
        """A collection's objects, by name, under what the page says."""
        store = self.snap.get("collections")
        objects = store.get("objects") if isinstance(store, dict) else None
        names = [self.export.names[o] for o in _list(objects) if isinstance(o, str) and o in self.export.names
                 and o not in self.export.gone]
        if names:
            self.put([f"- {n}" for n in names], _line(self.snap, "collections"), "item")
