"""A Home Assistant configuration folder (`/config`: `configuration.yaml`, `packages/*.yaml`,
`automations.yaml`, YAML-mode dashboards), read as the notes a household keeps in it.

People write prose in their HA config: a block of `#` comments atop each package ("Penda -- born
21/05/2018" over indented lines about him), helpers with `initial:` values (a meter number in an
`input_text`, a loan rate in an `input_number`), automations whose alias and description say what
they remind of ("Birthday: Penda" with the day in a template), and dashboards in YAML mode whose
`type: markdown` cards hold text, a journal of one card per day among them. Read as generic YAML
all of it was key paths ("automation: conditions: entity id: input_boolean.x") and a journal card's
day did not date what it says. Here, every line cited at the file line it came from:

    # Penda -- born 21/05/2018       ->  ## Penda             (a comment line with lines indented
    #   School fees N$ 1 850 a month ->  - Penda -- born 21/05/2018    under it heads them; each
    #   Soccer: Tuesdays at 15:00    ->  - School fees N$ 1 850 ...    line under it a list item
                                     ->  - Soccer: Tuesdays at 15:00   that names its subject)
    # ===========  /  # - platform: x    left out (a rule; commented-out YAML is switched-off
                                         configuration, not a note)
    input_number: {loan_rate: {name: Home loan rate, initial: 11.25, unit_of_measurement: "%"}}
                                     ->  - Home loan rate: 11.25 %   (under the package's heading)
    - alias: "Kids: soccer kit"      ->  ## Kids: soccer kit
      description: Tuesdays at 15:00 ->  - Tuesdays at 15:00
      ... message: "Boots and water" ->  - Boots and water            (notification text only)
    - alias: "Birthday: Nela Berg"   ->  ## Birthday: Nela Berg
      ... strftime('%d/%m') == '03/12'   Nela Berg's birthday: 3 December
    views: - title: March 2027       ->  ## March 2027
        cards: - type: markdown      ->  ### Tue 02/03/2027   (a title that is a day dates the
                 title: Tue 02/03/2027       card's lines: ParsedFile.written_from, so a later
                 content: | ...      ->  (the content, as markdown)  card is a newer version)
    homeassistant: {name: .., time_zone: ..}  ->  - Name: ..., - Time zone: ... (the core settings)

Left out: entity ids, triggers, conditions and service calls (only the human text of a
notification: its `title` and `message`), templates (a line that is mostly one shows a live
state, not a note), `!include` / `!secret` values (the YAML loader accepts any tag), scenes'
entity states, themes' colours, `customize.yaml`'s names. `secrets.yaml` is never read: its values
are passwords and keys, and its comments are mostly old ones. Blueprints and a custom
integration's files are not the user's notes. (`.storage/` and `.HA_VERSION` are hidden: the
indexer never reads them.)

A file is Home Assistant's when it lies in a config folder (one of its parents up to four levels
has `.HA_VERSION` or a `configuration.yaml` that says `homeassistant:` or `default_config:`) and
looks like HA's (its top-level keys HA integrations, a dashboard, a list of automations, scripts,
scenes...), is one HA names (`groups.yaml`, `known_devices.yaml`...) or configuration.yaml
`!include`s it (of another shape, only its comments are read), or when, anywhere, its shape is unmistakable (a dashboard of `views:` with `cards:`,
a list of automations with `alias` and triggers, a package of helpers). Other YAML keeps the
generic reading (memory/datafiles.py). Dates: a comment saying when the file was last tidied,
updated or reviewed dates it (ParsedFile.written); a dashboard card or view titled with a day
dates its own lines. Slash dates are day first unless the file's own dates or the config's
`country: US` say otherwise.

Broken YAML keeps its comments (they are the notes) with a warning naming the line; HA itself
refuses such a file, so the user will fix it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from memory.texinfo import Converted

YAML_EXT = {".yaml", ".yml"}
_MAX_READ = 400_000  # bytes of a configuration.yaml read to tell whether it is Home Assistant's

# ---------------------------------------------------------------------------------------------
# Which files


def _read(path: Path) -> str | None:
    """The start of a config folder's file; configuration.yaml is asked for by every YAML file of the
    folder (is it a config folder, does it include the file, which way round are its dates), so it is
    read once per version of it."""
    try:
        st = path.stat()
    except OSError:
        return None
    return _read_version(str(path), st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=32)
def _read_version(path: str, mtime_ns: int, size: int) -> str | None:
    try:
        with open(path, "rb") as f:
            return f.read(_MAX_READ).decode("utf-8", errors="replace")
    except OSError:
        return None


_CORE = re.compile(r"^(?:homeassistant|default_config)\s*:|^\w+:\s*!include(?:_dir_\w+)?\s+automations\.yaml", re.M)


def config_root(path: Path) -> Path | None:
    """The Home Assistant config folder `path` lies in (up to four levels up), else None."""
    for folder in list(path.parents)[:4]:
        try:
            if (folder / ".HA_VERSION").is_file():
                return folder
            conf = folder / "configuration.yaml"
            if conf.is_file() and (text := _read(conf)) is not None and _CORE.search(text):
                return folder
        except OSError:
            continue
    return None


# Integrations a configuration.yaml or a package names at its top level (not all of HA's: the common ones).
_HELPERS = {"input_text", "input_number", "input_datetime", "input_select", "input_boolean", "input_button",
            "counter", "timer", "schedule"}
_DOMAINS = _HELPERS | {
    "homeassistant", "default_config", "frontend", "lovelace", "http", "recorder", "logger", "history", "logbook",
    "zone", "person", "automation", "script", "scene", "group", "sensor", "binary_sensor", "template", "notify",
    "switch", "light", "cover", "climate", "fan", "lock", "camera", "media_player", "device_tracker", "mqtt", "rest",
    "rest_command", "shell_command", "command_line", "utility_meter", "tts", "api", "config", "mobile_app", "cloud",
    "alert", "plant", "weather", "calendar", "conversation", "intent_script", "panel_iframe", "panel_custom",
    "homekit", "google_assistant", "alexa", "influxdb", "prometheus", "energy", "stream", "wake_on_lan", "ios",
    "system_health", "sun", "backup", "python_script", "shopping_list", "todo", "zha", "zwave_js", "tag", "image",
    "select", "number", "button", "text", "map", "media_source", "my", "ssdp", "zeroconf", "dhcp", "usb",
    "bluetooth", "network", "system_log", "updater", "discovery", "customize", "browser_mod", "hacs", "telegram_bot",
    "smtp", "pushover", "http_api", "proximity", "min_max", "statistics", "trend", "threshold", "derivative",
    "integration", "filter", "generic_thermostat", "generic_hygrostat", "universal", "light_group", "ping",
    "wol", "downloader", "folder_watcher", "panel_custom", "webhook", "websocket_api", "cover_group", "vacuum",
    "water_heater", "humidifier", "siren", "alarm_control_panel", "remote", "valve", "lawn_mower", "event", "date",
    "time", "datetime", "device_trigger", "input", "spotify", "octoprint", "knx", "modbus", "esphome",
}
_TOP_KEY = re.compile(r"^([^\s#:\-][^:#]*?)\s*:(?:\s|$)")
_DOMAIN_KEY = re.compile(r"^([a-z_][a-z0-9_]*)(?:\s+[\w -]+)?$")  # "automation", "automation kids"
_ENTITY_ID = re.compile(r"^[a-z_][a-z0-9_]*\.[a-z0-9_]+$")
_BLOCK_START = re.compile(r"^(\s*)(?:-\s+)?(?:[^#]*?:\s*|-\s*)[|>][-+0-9]*\s*(?:#.*)?$")


def _top_keys(lines: list[str]) -> list[str]:
    return [m.group(1).strip().strip("'\"") for ln in lines if (m := _TOP_KEY.match(ln))]


def _domain(key: str) -> str | None:
    m = _DOMAIN_KEY.match(key)
    return m.group(1) if m and m.group(1) in _DOMAINS else None


def _has(lines: list[str], pattern: str) -> bool:
    rx = re.compile(pattern)
    return any(rx.match(ln) for ln in lines)


def _shape(lines: list[str]) -> str | None:
    """What an HA file looks like, from its lines (so broken YAML tells too): "dashboard",
    "automations", "package" (top-level keys that are integrations: a package or configuration.yaml),
    "scripts", "scenes", "customize", "blueprint"; None for YAML of another shape."""
    keys = _top_keys(lines)
    items = [ln for ln in lines if ln.startswith("- ")]
    if "views" in keys and _has(lines, r"^\s+(?:-\s+)?(?:cards|type|sections|path|title)\s*:"):
        return "dashboard"
    if "blueprint" in keys:
        return "blueprint"
    if items and _has(lines, r"^\s*(?:-\s+)?alias\s*:") and _has(lines, r"^\s*(?:-\s+)?(?:triggers?|platform)\s*:"):
        return "automations"
    if items and _has(lines, r"^-?\s*(?:name|id)\s*:") and _has(lines, r"^\s*(?:-\s+)?entities\s*:") and not keys:
        return "scenes"
    if [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")] == ["[]"]:
        return "scenes"  # the empty scenes.yaml HA writes
    if keys and all(_domain(k) for k in keys):
        return "package"
    if keys and all(_ENTITY_ID.match(k) for k in keys):
        return "customize"
    if keys and _has(lines, r"^\s+sequence\s*:") and all(re.fullmatch(r"[a-z0-9_]+", k) for k in keys):
        return "scripts"
    return None


def _strong_package(lines: list[str]) -> bool:
    """A package (or a configuration.yaml) that can be nothing else: every top-level key an HA
    integration, one of them a helper with a name or initial value, or automations with an alias."""
    keys = [d for k in _top_keys(lines) if (d := _domain(k))]
    if any(k in _HELPERS for k in keys) and _has(lines, r"^\s+(?:name|initial)\s*:"):
        return True
    return ("automation" in keys and _has(lines, r"^\s+(?:-\s+)?alias\s*:")) or "homeassistant" in keys


def _parses(lines: list[str]) -> bool:
    try:
        list(yaml.compose_all("\n".join(lines), Loader=_Loader))
        return True
    except yaml.YAMLError:
        return False


def _place(path: Path, root: Path | None) -> str:
    """Where in a config folder the file is: its first folder ("packages", "dashboards"), "" at the top."""
    if root is None:
        return ""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return ""
    return parts[0].lower() if len(parts) > 1 else ""


# Files HA itself writes or reads by name in a config folder.
_HA_FILES = {"secrets.yaml", "secrets.yml", "known_devices.yaml", "ip_bans.yaml", "ui-lovelace.yaml", "groups.yaml",
             "customize.yaml", "scenes.yaml", "scripts.yaml", "automations.yaml", "configuration.yaml"}
_INCLUDE = re.compile(r"!include(_dir_(?:named|list|merge_named|merge_list))?\s+['\"]?([^\s'\"#]+)")


def _included(path: Path, root: Path) -> bool:
    """Whether the config folder's configuration.yaml `!include`s the file or a folder above it."""
    text = _read(root / "configuration.yaml") or ""
    for m in _INCLUDE.finditer(text):
        target = root / m.group(2)
        if path == target or m.group(1) and target in path.parents:
            return True
    return False


def looks_like_homeassistant(path: Path, lines: list[str]) -> bool:
    ext = path.suffix.lower()
    if ext not in YAML_EXT:
        # Home Assistant's own log beside its config (home-assistant.log, .log.1, .log.fault).
        return path.name.startswith("home-assistant.log") and config_root(path) is not None
    root = config_root(path)
    shape = _shape(lines)
    if root is None:
        return shape in ("dashboard", "automations") or (shape == "package" and _strong_package(lines))
    place = _place(path, root)
    if path.name.lower() in _HA_FILES or place in ("blueprints", "custom_components", "themes", "esphome"):
        return True
    if _included(path, root):
        return True  # configuration.yaml pulls it in: HA's, whatever its shape (only its comments are notes then)
    # In a config folder: HA's files, and a file HA could not load (its comments are read); a
    # user's own data file of another shape keeps the generic reading.
    return shape is not None or place == "packages" or not _parses(lines)


# ---------------------------------------------------------------------------------------------
# YAML with line numbers, any tag accepted


class _Loader(yaml.SafeLoader):
    """Composes nodes only (with their lines): `!include`, `!secret`, `!input` tags are kept as
    tags, never resolved, so no tag makes the file unreadable."""


_STD = "tag:yaml.org,2002:"


def _scalar(node) -> str | None:
    """A scalar's text as written; None for anything else, a null, or a tagged value (`!secret`)."""
    if not isinstance(node, yaml.ScalarNode) or not node.tag.startswith(_STD) or node.tag == _STD + "null":
        return None
    return node.value


def _text(node) -> str:
    value = _scalar(node)
    return " ".join(value.split()) if value else ""


def _get(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if _scalar(k) == key:
                return v
    return None


def _items(node) -> list:
    return node.value if isinstance(node, yaml.SequenceNode) else [node] if isinstance(node, yaml.MappingNode) else []


def _line(node) -> int:
    return node.start_mark.line + 1


# ---------------------------------------------------------------------------------------------
# Dates

_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATE = re.compile(
    r"(?P<iso>(?:19|20)\d{2})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>(?:19|20)\d{2})"
    rf"|(?P<td>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<tm>{_MONTH_RE})\s+(?P<ty>(?:19|20)\d{{2}})"
    rf"|(?P<um>{_MONTH_RE})\s+(?P<ud>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<uy>(?:19|20)\d{{2}})",
    re.I)
_DAY_TITLE = re.compile(rf"^{_WEEKDAY}(?:{_DATE.pattern})(?=$|[\s:,;(–—-])", re.I)
_CHANGED = re.compile(r"(?i)\b(?:last[\s-]+)?(?:tidied|reviewed|updated|changed|modified|edited|revised|checked)\b"
                      r"\s*(?:on\s+)?:?\s*")
_SLASH = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](?:19|20)\d{2}\b")


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return next((k for k, m in enumerate(_MONTHS, 1) if m.startswith(word[:3])), 0)


def _iso(m: re.Match, day_first: bool) -> str:
    g = m.groupdict()
    if g["iso"]:
        y, mo, d = int(g["iso"]), int(g["im"]), int(g["id"])
    elif g["y"]:
        a, b = int(g["a"]), int(g["b"])
        y, (d, mo) = int(g["y"]), ((a, b) if day_first else (b, a))
    elif g["ty"]:
        y, mo, d = int(g["ty"]), _month(g["tm"]), int(g["td"])
    else:
        y, mo, d = int(g["uy"]), _month(g["um"]), int(g["ud"])
    try:
        return datetime(y, mo, d).strftime("%Y-%m-%d")
    except ValueError:
        return ""


def _day_first(lines: list[str], root: Path | None) -> bool:
    """Whether "01/09/2026" is the 1st of September: the file's own dates tell (a part over 12),
    else the config's country (the US writes the month first), else it is."""
    parts = [(int(a), int(b)) for ln in lines for a, b in _SLASH.findall(ln)]
    if any(a > 12 for a, _ in parts):
        return True
    if any(b > 12 for _, b in parts):
        return False
    if root is not None and (text := _read(root / "configuration.yaml")):
        if re.search(r"^\s+country\s*:\s*['\"]?US['\"]?\s*$", text, re.M):
            return False
    return True


def title_day(title: str, day_first: bool = True) -> str:
    """The ISO day a title is ("Tue 01/09/2026", "2026-09-01", "1 September 2026: rain"), else ""."""
    m = _DAY_TITLE.match(title.strip())
    if not m:
        return ""
    rest = re.sub(rf"^{_WEEKDAY}", "", title.strip(), flags=re.I)
    d = _DATE.match(rest)
    return _iso(d, day_first) if d else ""


def _changed_day(comment: str, day_first: bool) -> str:
    """The day a comment says the file was last changed ("Last tidied 28/08/2026."), else ""."""
    days = []
    for m in _CHANGED.finditer(comment):
        d = _DATE.match(comment[m.end():])
        if d:
            days.append(_iso(d, day_first))
    return max(days, default="")


# ---------------------------------------------------------------------------------------------
# Comments


@dataclass
class _Comment:
    line: int
    indent: int  # after the "#"
    text: str


@dataclass
class _CommentBlock:
    first: int
    last: int
    lines: list[_Comment]


_RULE = re.compile(r"^[=\-#*~_+<>|.]{3,}$")
_TITLED_RULE = re.compile(r"^([=\-#*~_+])\1{2,}\s*([^=\-#*~_+].*?)\s*\1{3,}$")
# Keys that only configuration has: a comment "key: value" with one of them is switched-off YAML.
_HA_KEYS = {"platform", "service", "action", "actions", "entity_id", "trigger", "triggers", "condition", "conditions",
            "sequence", "target", "data", "alias", "mode", "icon", "initial", "unit_of_measurement", "device_class",
            "value_template", "state", "entity", "entities", "type", "cards", "views", "id", "at", "to", "from", "for",
            "event", "min", "max", "step", "friendly_name", "has_date", "has_time", "options", "content", "name",
            "unique_id", "show_name", "tap_action", "path", "title", "filename", "include", "packages", "above",
            "below", "weekday", "after", "before", "offset", "variables", "repeat", "choose", "default", "delay"}
_CODE_LINE = re.compile(r"""^(?:-\s+)?([a-z_][a-z0-9_]*|"[^"]*"|'[^']*')\s*:(?:\s+(.*?))?\s*$""")
# Boilerplate HA writes into a new configuration.yaml.
_BOILERPLATE = {"loads default set of integrations. do not remove", "load frontend themes from the themes folder",
                "text to speech", "configure a default setup of home assistant (frontend, api, etc)",
                "example configuration.yaml entry", "uncomment this if you are using ssl/tls, running in docker container, etc"}


def _is_code(text: str) -> bool:
    """A comment line that is switched-off YAML ("- platform: time", "entity_id: light.porch",
    "sensor:"), not a note ("Wifi: Hoffnet24", "PIN: 4471")."""
    t = text.strip()
    if re.fullmatch(r"-\s+[a-z_][a-z0-9_]*\.[a-z0-9_]+", t) or t.startswith(("!include", "{{", "{%")):
        return True
    m = _CODE_LINE.match(t)
    if not m:
        return False
    key, value = m.group(1).strip("'\""), (m.group(2) or "").strip()
    if not value or "_" in key or key in _HA_KEYS:
        return True
    return bool(_ENTITY_ID.match(value) or value.startswith(("{{", "!", "mdi:", "[", "{", "|", ">", "'", '"'))
                or value.lower() in ("true", "false", "on", "off", "yes", "no"))


def _comments(lines: list[str]) -> list[_CommentBlock]:
    """The file's blocks of whole-line comments (not `#` lines inside a `content: |` block, which
    are markdown), split at blank lines and at YAML lines."""
    blocks: list[_CommentBlock] = []
    in_block: int | None = None  # indent of the key that opened a block scalar
    prev_comment = False
    for n, raw in enumerate(lines, 1):
        stripped = raw.strip()
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
        if in_block is not None:
            if not stripped or indent > in_block:
                prev_comment = False
                continue
            in_block = None
        if stripped.startswith("#"):
            body = re.sub(r"^#+", "", stripped).expandtabs(4)
            c = _Comment(n, len(body) - len(body.lstrip()), body.strip())
            if prev_comment:
                blocks[-1].lines.append(c)
                blocks[-1].last = n
            else:
                blocks.append(_CommentBlock(n, n, [c]))
            prev_comment = True
            continue
        prev_comment = False
        if _BLOCK_START.match(raw):
            in_block = indent
    return blocks


_CONTINUES = tuple(",;-–—(/&")
_OPEN_END = re.compile(r"(?:^|\s)(?:from|on|until|since|to|by|at|in|of|and|or|the|a|an|with|for|but|is|are|was|"
                       r"were|before|after|between|than|per|via|no\.)$", re.I)
_TERMINAL = tuple(".!?:")


@dataclass
class _Item:
    indent: int
    lines: list[_Comment]  # the line and the lines that continue it
    children: list["_Item"] = field(default_factory=list)


_ALIGNED = re.compile(r"[^\s.!?:] {2,}\S")  # "packages/*.yaml     helpers per topic": a row of columns


def _continues(prev: _Comment, cur: _Comment, head_indent: int, width: int) -> bool:
    """Whether a comment line goes on with the line above (wrapped prose) rather than starting an
    item: the line above is unfinished, or it was cut at the wrap width (the next word would not
    have fitted there)."""
    p = prev.text
    if not p or not cur.text or p.endswith(_TERMINAL) and not p.endswith("...") or _ALIGNED.search(p + " " + cur.text):
        return False
    wants_more = p.endswith(_CONTINUES) or bool(_OPEN_END.search(p)) or p.count("(") > p.count(")")
    if cur.indent > prev.indent and cur.indent > head_indent:
        return wants_more  # deeper: a hanging indent only when the line above is unfinished
    if cur.indent < head_indent:
        return False
    cut = prev.indent + len(p) + 1 + len(cur.text.split()[0]) > width
    # Nested lines are a list's items, often written without full stops: one of them goes on only in lower case.
    return wants_more or (cut and (cur.text[0].islower() or prev.indent == 0))


def _tree(comments: list[_Comment]) -> list[_Item]:
    """One paragraph of comment lines as items, each with its wrapped lines and the items indented under it."""
    width = max(c.indent + len(c.text) for c in comments)
    top: list[_Item] = []
    stack: list[_Item] = []
    for c in comments:
        if stack and _continues(stack[-1].lines[-1], c, stack[-1].indent, width):
            stack[-1].lines.append(c)
            continue
        while stack and stack[-1].indent >= c.indent:
            stack.pop()
        item = _Item(c.indent, [c])
        (stack[-1].children if stack else top).append(item)
        stack.append(item)
    return top


_NAME_SPLIT = re.compile(r"\s+(?:--|–|—|-)\s+")


def _subject(text: str) -> str | None:
    """What a line with lines under it is about: "Penda" in "Penda -- born 21/05/2018", "Home
    loan" in "Home loan: Bank ...", "Doctors" in "Doctors"; None for a sentence."""
    if _ALIGNED.search(text):
        return None
    head = _NAME_SPLIT.split(text, maxsplit=1)[0].strip()
    if head != text.strip() and 0 < len(head.split()) <= 8:
        return head
    m = re.match(r"^([^:]{1,60}?):(?:\s|$)", text)
    if m and len(m.group(1).split()) <= 5 and not re.search(r"https?$", m.group(1)):
        return m.group(1).strip()
    if len(text.split()) <= 8 and not text.endswith((".", "!", "?", ",", ";")):
        return text.strip().rstrip(":")
    return None


# ---------------------------------------------------------------------------------------------
# The converter


_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_HA_TAG = re.compile(r"</?ha-[\w-]+[^>]*>")
_ATX = re.compile(r"^(\s{0,3})(#{1,6})(\s+.*|)$")
_CURRENCY_UNIT = re.compile(r"^(?:[A-Z]{0,3}[$€£¥₹₦₽₩₪₱]|R)$")
_BIRTHDAY = re.compile(r"(?i)\b(?:birthday|bday|b-day|geburtstag|anniversaire|verjaardag|cumpleaños|compleanno|"
                       r"aniversário|födelsedag|fødselsdag|syntymäpäivä|urodziny)\b")


def _humane(key: str) -> str:
    words = key.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def _live(text: str) -> str | None:
    """Text with its templates: a line that is mostly one shows a live state (None: left out);
    otherwise the templates are "…"."""
    if not _TEMPLATE.search(text):
        return text
    outside = _TEMPLATE.sub(" ", text)
    if len(re.findall(r"[^\W\d_]{2,}", outside)) < 6:
        return None
    return re.sub(r"\s+([.,;:%])", r" \1", " ".join(_TEMPLATE.sub("…", text).split()))


class _Writer:
    def __init__(self, lines: list[str], path: Path, root: Path | None):
        self.lines = lines
        self.path = path
        self.root = root
        self.md: list[str] = []
        self.numbers: list[int] = []
        self.days: list[tuple[int, str]] = []
        self.problems: list[str] = []
        self.trail: list[tuple[int, str, bool]] = []  # open headings: (level, title, made from a comment)
        self.comments = _comments(lines)
        self.day_first = _day_first(lines, root)
        self.written = max((_changed_day(c.text, self.day_first) for b in self.comments for c in b.lines), default="")
        self.helpers: dict[str, str] = {}  # "input_datetime.x" -> its initial value (a birthday automation's day)

    # -- output --------------------------------------------------------------------------------
    def put(self, text: str, line: int) -> None:
        self.md.append(text)
        self.numbers.append(line)

    def blank(self, line: int) -> None:
        if self.md and self.md[-1] != "":
            self.put("", line)

    def heading(self, level: int, title: str, line: int, from_comment: bool = False) -> None:
        level = max(1, min(level, 6))
        self.blank(line)
        self.put(f"{'#' * level} {title}", line)
        self.put("", line)
        while self.trail and self.trail[-1][0] >= level:
            self.trail.pop()
        self.trail.append((level, title, from_comment))

    def under(self, level: int, line: int) -> None:
        """What follows belongs to the heading at `level`: when deeper headings a comment made
        are open, that heading is said again, so the lines are not taken for theirs."""
        if any(lv > level for lv, _, _ in self.trail):
            own = next(((lv, t) for lv, t, _ in reversed(self.trail) if lv <= level), None)
            if own is not None:
                self.heading(own[0], own[1], line)

    def level(self) -> int:
        """The level of the innermost heading the file's structure made (not a comment)."""
        return next((lv for lv, _, made in reversed(self.trail) if not made), 0)

    # -- comments ------------------------------------------------------------------------------
    def comments_before(self, line: int, ctx: int, keep_adjacent: bool = False) -> None:
        """The comment blocks that end before `line`, written in the context of heading level `ctx`;
        with `keep_adjacent`, a block right above `line` waits (it is about what starts there)."""
        while self.comments and self.comments[0].last < line:
            if keep_adjacent and self.comments[0].last == line - 1:
                return
            self.comment_block(self.comments.pop(0), ctx)

    def comment_block(self, block: _CommentBlock, ctx: int) -> None:
        base = ctx
        paragraph: list[_Comment] = []
        for c in block.lines + [_Comment(block.last, 0, "")]:
            text = c.text
            # "==== Kids ====" and "## Kids" (markdown in a comment) title what follows in the block.
            titled = _TITLED_RULE.match(text) or re.match(r"^()#{1,6}\s+(\S.*?)\s*#*$", text)
            if titled or not text or _RULE.match(text) or _is_code(text) or text.lower().rstrip(".") in _BOILERPLATE:
                self.paragraph(paragraph, ctx)
                paragraph = []
                if titled:
                    self.heading(base + 1, titled.group(2), c.line, from_comment=True)
                    ctx = min(base + 1, 5)
                continue
            paragraph.append(c)

    def paragraph(self, comments: list[_Comment], ctx: int) -> None:
        if not comments:
            return
        base = min(c.indent for c in comments)
        comments = [_Comment(c.line, c.indent - base, c.text) for c in comments]
        for item in _tree(comments):
            self.comment_item(item, ctx, 0)
        self.blank(comments[-1].line)

    def comment_item(self, item: _Item, ctx: int, depth: int) -> None:
        """One comment item: at the top a prose line (its wrapped lines each at its own line); under
        a subject a list item; with items under it, a heading naming its subject over them."""
        first = item.lines[0]
        head = " ".join(c.text for c in item.lines)
        subject = _subject(head) if item.children else None
        if not (item.children and subject and ctx + 1 <= 6):
            self.under(ctx, first.line)  # a heading of its own pops what a comment opened; lines do not
        if item.children and (subject is None or ctx + 1 > 6):
            self.bullets(item, max(depth, 1))  # a sentence with lines under it: a list over them
            return
        if not item.children:
            if depth == 0:
                for c in item.lines:  # prose, a paragraph of its own; sentences are found later
                    self.put(c.text, c.line)
                self.blank(item.lines[-1].line)
            else:
                self.bullets(item, depth)
            return
        self.heading(ctx + 1, subject, first.line, from_comment=True)
        if head.rstrip(":").strip() != subject:
            # The line itself says more than its subject ("Penda -- born 21/05/2018"): its first item.
            self.bullets(_Item(item.indent, item.lines), 1)
        for child in item.children:
            self.comment_item(child, ctx + 1, 1)
        self.blank(item.lines[-1].line)

    def bullets(self, item: _Item, depth: int) -> None:
        """An item and all under it as list items nested as written."""
        pad = "  " * (depth - 1)
        self.put(f"{pad}- {item.lines[0].text}", item.lines[0].line)
        for c in item.lines[1:]:
            self.put(f"{pad}  {c.text}", c.line)
        for child in item.children:
            self.bullets(child, depth + 1)

    # -- structure -----------------------------------------------------------------------------
    def helper(self, domain: str, object_id: str, node, ctx: int) -> None:
        """A helper as "Name: value": its initial value (with its unit; a select's options, a
        number's range when it has none); a switch or a button with no value says nothing."""
        name = _text(_get(node, "name")) or _humane(object_id)
        initial = _text(_get(node, "initial"))
        unit = _text(_get(node, "unit_of_measurement"))
        if initial:
            self.helpers[f"{domain}.{object_id}"] = initial
        value = ""
        if domain == "input_select":
            options = [o for o in (_text(x) for x in _items(_get(node, "options"))) if o]
            if options:
                value = f"{initial} (options: {', '.join(options)})" if initial else f"one of {', '.join(options)}"
        elif domain == "input_number" or domain == "counter":
            if initial:
                value = initial
            elif domain == "input_number" and _text(_get(node, "min")) and _text(_get(node, "max")):
                value = f"between {_text(_get(node, 'min'))} and {_text(_get(node, 'max'))}"
            if value and unit:
                value = f"{unit} {value}" if _CURRENCY_UNIT.match(unit) else f"{value} {unit}"
        elif domain == "input_boolean":
            value = {"true": "on", "false": "off", "yes": "on", "no": "off"}.get(initial.lower(), initial.lower())
        elif domain == "timer":
            value = _text(_get(node, "duration"))
        else:
            value = initial
        if not value:
            return
        line = _line(_get(node, "initial") or node)
        self.comments_before(line, self.level())
        self.under(ctx, _line(node))
        self.put(f"- {name}: {value}", line)

    def messages(self, node, out: list[tuple[int, str, str]]) -> None:
        """The notification text in an automation's or a script's actions: each `message` (line, title, text)."""
        for sub in _walk(node):
            message = _get(sub, "message")
            if message is not None and _scalar(message) and (text := _live(" ".join(_scalar(message).split()))):
                title = _text(_get(sub, "title"))
                out.append((_line(message), (_live(title) or "") if title else "", text))

    def birthday(self, alias: str, node) -> tuple[int, str] | None:
        """"Birthday: Nela Berg" with the day in a template (`strftime('%d/%m') == '03/12'`,
        `now().month == 12 and now().day == 3`), a date helper or its description: the line saying so."""
        name = re.sub(r"(?i)\b(?:reminder|today|notification|alert)\b|['’]s\b", " ", _BIRTHDAY.sub(" ", alias))
        name = " ".join(name.split()).strip(" :-–—,'’")
        if not name:
            return None
        found: tuple[int, str] | None = None
        for sub in _walk(node):
            value = _scalar(sub)
            if not value:
                continue
            m = _STRFTIME.search(value)
            fmt, lit = (m.group(1), m.group(2)) if m else (None, None)
            if not m and (m := _STRFTIME_AFTER.search(value)):
                fmt, lit = m.group(2), m.group(1)
            if fmt and (day := _day_text(fmt, lit)):
                found = (_line(sub), day)
                break
            month = re.search(r"\.month\s*==\s*(\d{1,2})\b", value)
            mday = re.search(r"\.day\s*==\s*(\d{1,2})\b", value)
            if month and mday and 1 <= int(month.group(1)) <= 12:
                found = (_line(sub), f"{int(mday.group(1))} {_MONTHS[int(month.group(1)) - 1].capitalize()}")
                break
            if value.startswith("input_datetime.") and value in self.helpers:
                found = (_line(sub), self.helpers[value])
                break
        description = _get(node, "description")
        if found is None and _scalar(description):
            m = _DATE.search(_scalar(description)) or re.search(r"\b\d{1,2}[/.]\d{1,2}\b", _scalar(description))
            if m:
                found = (_line(description), m.group(0))
        if found is None:
            return None
        owner = f"{name}'" if name.endswith("s") else f"{name}'s"
        return found[0], f"{owner} birthday: {found[1]}"

    def automation(self, node, level: int, name: str = "") -> None:
        """An automation: its alias a heading over its description, its notification text and (a
        birthday's) the day; triggers, conditions and service calls left out."""
        if not isinstance(node, yaml.MappingNode):
            return
        alias = _text(_get(node, "alias")) or name
        description = _get(node, "description")
        start = _line(node)
        if alias:
            self.comments_before(start, self.level(), keep_adjacent=True)
            self.heading(level, alias, _line(_get(node, "alias") or node))
            self.comments_before(start + 1, level)
        else:
            self.comments_before(start, self.level())
            self.under(level - 1, start)
        rows: list[tuple[int, str]] = []
        if _scalar(description) and (text := _live(" ".join(_scalar(description).split()))):
            rows.append((_line(description), f"- {text}" if alias else text))
        if alias and _BIRTHDAY.search(alias) and (said := self.birthday(alias, node)):
            rows.append((said[0], said[1]))  # prose, a paragraph: a sentence naming whose birthday and when
        found: list[tuple[int, str, str]] = []
        for key in ("actions", "action", "sequence"):
            if isinstance(sub := _get(node, key), (yaml.SequenceNode, yaml.MappingNode)):
                self.messages(sub, found)
        for line, title, message in found:
            # A notification titled as the automation is named ("Eltroxin" in "Health: Eltroxin"): its message.
            text = message if not title or alias and title.lower() in alias.lower() else f"{title}: {message}"
            rows.append((line, f"- {text}" if alias else text))
        for line, text in sorted(rows, key=lambda r: r[0]):
            self.comments_before(line, self.level())
            if not text.startswith("- "):
                self.blank(line)
            self.put(text, line)
            if not text.startswith("- "):
                self.put("", line)
        self.blank(max((r[0] for r in rows), default=start))

    def card(self, node, level: int) -> None:
        """A dashboard card: a markdown card's title a heading over its content; an entities
        card's named rows under its title; stacks and sections read card by card."""
        if not isinstance(node, yaml.MappingNode):
            return
        kind = _text(_get(node, "type"))
        if isinstance(stack := _get(node, "cards"), yaml.SequenceNode):  # a stack or grid of cards
            title = _text(_get(node, "title"))
            if title:
                self.titled(level, title, node)
            for sub in stack.value:
                self.card(sub, level + 1 if title else level)
            return
        if isinstance(_get(node, "card"), yaml.MappingNode):  # conditional, a card inside
            self.card(_get(node, "card"), level)
            return
        if kind == "heading" and (title := _text(_get(node, "heading"))):
            self.titled(level, title, node)
            return
        if kind == "markdown":
            content = _get(node, "content")
            # The content's own headings go under the card's title (or the view's, for a card with none).
            rows = self.content(content, level if _text(_get(node, "title")) else level - 1) if content is not None else []
            if not rows:
                return
            self.open_card(node, level)
            for line, text in rows:
                self.comments_before(line, self.level())
                self.put(text, line)
            self.blank(rows[-1][0])
            return
        rows = []
        for row in [node] + _items(_get(node, "entities")):
            name = _text(_get(row, "name")) if isinstance(row, yaml.MappingNode) else ""
            url = ""
            if isinstance(row, yaml.MappingNode):
                url = _text(_get(row, "url")) or _text(_get(_get(row, "tap_action"), "url_path"))
            url = re.sub(r"^(?:tel|mailto|sms):", "", url)
            if name and url:
                rows.append((_line(_get(row, "name")), f"{name}: {url}"))
            elif name and row is not node and kind in ("entities", "glance"):
                rows.append((_line(_get(row, "name")), name))
        if not rows:
            return
        self.open_card(node, level)
        for line, text in rows:
            self.put(f"- {text}", line)
        self.blank(rows[-1][0])

    def open_card(self, node, level: int) -> None:
        """A card's title as a heading (dating its lines when it is a day); an untitled card's lines go
        under the view's heading, undated."""
        if title := _text(_get(node, "title")):
            self.titled(level, title, node)
            return
        start = _line(node)
        self.comments_before(start, self.level())
        self.under(level - 1, start)
        self.days.append((start, ""))

    def titled(self, level: int, title: str, node) -> None:
        start = _line(node)
        self.comments_before(start, self.level(), keep_adjacent=True)
        self.heading(level, title, _line(_get(node, "title") or _get(node, "heading") or node))
        self.days.append((start, title_day(title, self.day_first)))
        self.comments_before(start + 1, level)

    def content(self, node, level: int) -> list[tuple[int, str]]:
        """A markdown card's text, each line at its file line; its headings under the card's."""
        value = _scalar(node)
        if not value:
            return []
        if node.style in ("|", ">"):
            first = node.start_mark.line + 1  # 0-based: the line after "content: |"
            raw = self.lines[first:node.end_mark.line + (1 if node.end_mark.column else 0)]
            while raw and not raw[-1].strip():
                raw.pop()
            width = min((len(r) - len(r.lstrip()) for r in raw if r.strip()), default=0)
            pairs = [(first + 1 + k, r[width:].rstrip()) for k, r in enumerate(raw)]
        else:
            pairs = [(_line(node), t) for t in value.split("\n")]
        out = []
        for line, text in pairs:
            text = _HA_TAG.sub("", text)
            if not text.strip():
                out.append((line, ""))
                continue
            if (shown := _live(text)) is None:
                continue
            if m := _ATX.match(shown):
                shown = f"{m.group(1)}{'#' * min(6, len(m.group(2)) + level)}{m.group(3)}"
            out.append((line, shown))
        return out if any(t.strip() for _, t in out) else []

    def dashboard(self, root) -> None:
        for k, view in enumerate(_items(_get(root, "views")), 1):
            if not isinstance(view, yaml.MappingNode):
                continue
            name = _text(_get(view, "title")) or _humane(_text(_get(view, "path"))) or f"View {k}"
            self.titled(2, name, view)
            cards = _items(_get(view, "cards"))
            for section in _items(_get(view, "sections")):
                cards = cards + [section]
            for card in cards:
                self.card(card, 3)

    def core(self, node) -> None:
        """configuration.yaml's `homeassistant:` settings, as "Name: value" items."""
        rows = []
        lat, lon = _text(_get(node, "latitude")), _text(_get(node, "longitude"))
        for key in ("name", "location", "latitude", "elevation", "unit_system", "currency", "country", "time_zone",
                    "language", "radius"):
            if key == "latitude":
                if lat and lon:
                    rows.append((_line(_get(node, "latitude")), f"Location: {lat}, {lon}"))
                continue
            if value := _text(_get(node, key)):
                rows.append((_line(_get(node, key)), f"{_humane(key)}: {value}"))
        if rows:
            self.comments_before(rows[0][0], self.level())
            self.under(1, rows[0][0])
            for line, text in rows:
                self.put(f"- {text}", line)
            self.blank(rows[-1][0])

    def named_list(self, title: str, node) -> None:
        rows = [(_line(x), _text(_get(x, "name"))) for x in _items(node) if _text(_get(x, "name"))]
        if rows:
            self.comments_before(rows[0][0], self.level(), keep_adjacent=True)
            self.heading(2, title, _line(node))
            for line, text in rows:
                self.put(f"- {text}", line)
            self.blank(rows[-1][0])

    def package(self, root) -> None:
        """A package or configuration.yaml: its core settings, helpers, automations and scripts."""
        for k, v in root.value:
            key = _scalar(k) or ""
            domain = _domain(key) or key
            if domain == "homeassistant" and isinstance(v, yaml.MappingNode):
                self.core(v)
            elif domain in _HELPERS and isinstance(v, yaml.MappingNode):
                for object_id, entry in v.value:
                    if isinstance(entry, yaml.MappingNode) and _scalar(object_id):
                        self.helper(domain, _scalar(object_id), entry, 1)
            elif domain == "automation":
                for auto in _items(v):
                    self.automation(auto, 2)
            elif domain == "script" and isinstance(v, yaml.MappingNode):
                self.scripts(v, 2)
            elif domain == "zone":
                self.named_list("Zones", v)
            elif domain == "person":
                self.named_list("People", v)

    def scripts(self, node, level: int) -> None:
        """Scripts (`id: {alias, description, sequence}`): each read as an automation is, named by its
        alias or, without one, by its id."""
        for script_id, body in node.value:
            if isinstance(body, yaml.MappingNode) and _scalar(script_id):
                self.automation(body, level, _humane(_scalar(script_id)))


_STRFTIME = re.compile(r"strftime\(\s*['\"]([^'\"]+)['\"]\s*\)\s*==\s*['\"]([^'\"]+)['\"]")
_STRFTIME_AFTER = re.compile(r"['\"]([^'\"]+)['\"]\s*==\s*[\w().]*?strftime\(\s*['\"]([^'\"]+)['\"]\s*\)")


def _walk(node, seen: set[int] | None = None):
    """Every node under `node`, each once (an alias shares its anchor's node: no billion laughs)."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    yield node
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield from _walk(v, seen)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            yield from _walk(v, seen)


def _day_text(fmt: str, literal: str) -> str:
    """`strftime('%d/%m') == '03/12'` as the day it means: "3 December" (with its year when given)."""
    try:
        at = datetime.strptime(literal, fmt.replace("%-", "%"))
    except ValueError:
        return ""
    has_year = "%Y" in fmt or "%y" in fmt
    if not ({"%d", "%-d", "%e"} & set(re.findall(r"%-?\w", fmt)) and re.search(r"%-?[mbB]", fmt)):
        return ""
    return f"{at.day} {_MONTHS[at.month - 1].capitalize()}" + (f" {at.year}" if has_year else "")


def _title(path: Path) -> str:
    return _humane(path.stem)


def to_markdown(lines: list[str], path: Path) -> Converted:
    """A Home Assistant YAML file's lines as markdown, the file line of each, the days its
    day-titled cards give, the day it says it was last changed and what was wrong with it."""
    root_dir = config_root(path)
    place = _place(path, root_dir)
    name = path.name.lower()
    if path.suffix.lower() not in YAML_EXT:
        return Converted([], [], [], "", [], nothing="Home Assistant's log (what the server did, not notes)")
    if name in ("secrets.yaml", "secrets.yml"):
        return Converted([], [], [], "", [], nothing="Home Assistant's secrets.yaml: passwords and keys are never indexed")
    if place == "custom_components":
        return Converted([], [], [], "", [], nothing="a custom integration's own file, not notes")
    writer = _Writer(lines, path, root_dir)
    shape = _shape(lines)
    if shape == "blueprint" or place == "blueprints":
        return Converted([], [], [], "", [], nothing="a Home Assistant blueprint (an automation template, not notes)")
    try:
        docs = [d for d in yaml.compose_all("\n".join(lines), Loader=_Loader) if d is not None]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        writer.problems.append(f"broken YAML{where} ({problem}): only its comments are read")
        docs = []
    except RecursionError:
        writer.problems.append("YAML nested too deep: only its comments are read")
        docs = []
    title = "Home Assistant" if name in ("configuration.yaml", "configuration.yml") else _title(path)
    board = next((d for d in docs if isinstance(d, yaml.MappingNode) and _get(d, "views") is not None), None)
    if board is not None and _text(_get(board, "title")):
        title = _text(_get(board, "title"))
    writer.heading(1, title, 1)  # at the top: the file's opening comments are under it
    for doc in docs:
        if doc is board:
            writer.dashboard(doc)
        elif place in ("themes", "esphome"):
            continue  # colours, a device's pins: only their comments are notes
        elif isinstance(doc, yaml.SequenceNode) and shape == "automations":
            for auto in doc.value:
                writer.automation(auto, 2)
        elif isinstance(doc, yaml.MappingNode) and shape == "scripts":
            writer.scripts(doc, 2)
        elif isinstance(doc, yaml.MappingNode) and shape == "package":
            writer.package(doc)
    writer.comments_before(len(lines) + 2, writer.level())
    md, numbers = _tidy(writer.md, writer.numbers)
    days = sorted(writer.days) if any(d for _, d in writer.days) else []
    nothing = "" if md else "Home Assistant configuration with no notes (no comments, helper values, automation descriptions or dashboard text)"
    return Converted(md, numbers, days, writer.written, writer.problems, nothing)


def _tidy(md: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """Headings with nothing under them left out (the file's title when it says nothing at all),
    runs of blank lines made one."""
    while True:
        before = len(md)
        md, numbers = _tidy_once(md, numbers)
        if len(md) == before:
            return md, numbers


def _tidy_once(md: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    keep = [True] * len(md)
    for i, line in enumerate(md):
        if m := re.match(r"^(#{1,6}) ", line):
            level = len(m.group(1))
            j = i + 1
            while j < len(md) and not md[j].strip():
                j += 1
            nxt = re.match(r"^(#{1,6}) ", md[j]) if j < len(md) else None
            if j >= len(md) or nxt and len(nxt.group(1)) <= level:
                keep[i] = False
    out_md, out_num = [], []
    for i, line in enumerate(md):
        if not keep[i] or (not line.strip() and (not out_md or not out_md[-1].strip())):
            continue
        out_md.append(line)
        out_num.append(numbers[i])
    while out_md and not out_md[-1].strip():
        out_md.pop()
        out_num.pop()
    return out_md, out_num
