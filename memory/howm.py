"""howm (Emacs's "Hitori Otegaru Wiki Modoki") memo files, read as the markdown they mean.

A howm folder keeps one file per new memo, `2026/02/2026-02-08-193012.txt`, each holding one or
more memos that open with a `= title` line over a `[2026-02-08 19:30]` stamp, and howm's own
files beside them: the menu `0000-00-00-000000.txt` (`%menu%` markup, `%"e"[Remember]` buttons,
`>>> family` links) and the keyword list `.howm-keys`. Read as plain text, the menu's buttons and
the keyword list were statements, a title ran into its stamp and first line, the stamp was a fact
and never the memo's day, and a reminder's date and mark were an unreadable "[2026-04-20]+".
Each line is rewritten on the same line number:

    = <<< family                   ->  # family   (a memo's title, its `<<<` come-from mark left out)
    [2026-02-08 19:30]             ->  (blank: the stamp dates the memo's lines)
    [2026-04-20]+ buy pads         ->  - 2026-04-20: reminder: buy pads
    [2026-03-10]- dentist          ->  - 2026-03-10: todo: dentist   (! deadline, ~ deferred todo, @ scheduled)
    [2026-02-26]. [2026-02-20]:+ pick up tablets
                                   ->  - 2026-02-20: reminder: pick up tablets (done 2026-02-26)
    the car is X >>> car           ->  the car is X.   (a goto link runs to the line's end: where to look, not a
                                       fact; it ended the line's sentence)
    >>> car / <<< car alone        ->  (blank)

A memo is dated by its stamp (ParsedFile.written_from, as an export of several notes is), one
without a stamp by the day its file is named by. The menu file and `.howm-keys` are howm's own.
"""
from __future__ import annotations

import re
from pathlib import Path

_DAY = r"\d{4}-\d{2}-\d{2}"
# howm-file-name-format's default ("%Y/%m/%Y-%m-%d-%H%M%S.txt"; `.howm` in older versions).
_FILE_NAME = re.compile(rf"({_DAY})-\d{{6}}\.(?:txt|howm)", re.IGNORECASE)
_TITLE = re.compile(r"^=(?:\s+(.*?))?\s*$")
_STAMP = re.compile(rf"^\s*\[({_DAY}) \d{{1,2}}:\d{{2}}\]\s*$")
# "[2026-04-20]+ text", "[2026-04-20 10:00]@2 text": date, optional time, mark, optional number.
_REMINDER = re.compile(rf"^(\s*)(?:[-*]\s+)?\[({_DAY})(?: (\d{{1,2}}:\d{{2}}))?\]([-+!~@])\d*\s+(.*)$")
# Done: "[2026-02-26]. [2026-02-20]:+ text" (howm writes the colon; hand-written ones may not).
_DONE = re.compile(rf"^(\s*)(?:[-*]\s+)?\[({_DAY})(?: \d{{1,2}}:\d{{2}})?\]\.\s+(cancel\s+)?"
                   rf"\[({_DAY})(?: (\d{{1,2}}:\d{{2}}))?\]:?([-+!~@.])\d*\s*(.*)$")
_DONE_PLAIN = re.compile(rf"^(\s*)(?:[-*]\s+)?\[({_DAY})(?: (\d{{1,2}}:\d{{2}}))?\]\.\d*\s+(.*)$")
_GOTO = re.compile(r"\s*>>>\s.*$")  # a goto link: the rest of the line is its target
_COME_FROM = re.compile(r"<<<\s+")
_MENU = re.compile(r"^=\s+<<<\s+%menu%")  # the menu's own title, whatever its file is called
_WORDS = {"+": "reminder", "-": "todo", "!": "deadline", "~": "deferred todo", "@": "scheduled", ".": "done"}
_TOOL_FILES = {".howm-keys": "howm's list of its link keywords, not notes",
               ".howm-history": "howm's search history, not notes"}


def is_tool_file(path: Path, lines: list[str]) -> str:
    """Why a file is howm's own (its menu, its keyword list), else ""."""
    if path.name in _TOOL_FILES:
        return _TOOL_FILES[path.name]
    if path.suffix.lower() in (".txt", ".howm") and (
            path.stem == "0000-00-00-000000" or any(_MENU.match(line) for line in lines[:5])):
        return "howm's menu (its buttons, reminder list and links), not notes"
    return ""


def looks_like_howm(path: Path, lines: list[str]) -> bool:
    """A memo file: named as howm names them with a `= title` line in it, or any text with a
    `= title` line directly over a `[YYYY-MM-DD HH:MM]` stamp."""
    titled = [i for i, line in enumerate(lines[:400]) if _TITLE.match(line)]
    if titled and _FILE_NAME.fullmatch(path.name):
        return True
    return any(i + 1 < len(lines) and _STAMP.match(lines[i + 1]) for i in titled)


def written(path: Path) -> str:
    """The day a memo file is named by ("2026-02-08-193012.txt"), else ""."""
    m = _FILE_NAME.fullmatch(path.name)
    return m.group(1) if m else ""


def _when(day: str, time: str | None) -> str:
    return f"{day} {time}" if time else day


def _line(line: str) -> str:
    """A body line: a reminder in words, links left out."""
    if m := _DONE.match(line):
        lead, done, cancel, day, time, mark, text = m.groups()
        text = _GOTO.sub("", text).strip()
        return f"{lead}- {_when(day, time)}: {_WORDS[mark]}: {text} ({'cancelled' if cancel else 'done'} {done})"
    if m := _DONE_PLAIN.match(line):
        lead, day, time, text = m.groups()
        return f"{lead}- {_when(day, time)}: done: {_GOTO.sub('', text).strip()}"
    if m := _REMINDER.match(line):
        lead, day, time, mark, text = m.groups()
        return f"{lead}- {_when(day, time)}: {_WORDS[mark]}: {_GOTO.sub('', text).strip()}"
    if line.lstrip().startswith(("<<< ", ">>> ")):
        return ""  # a link or keyword alone on its line
    return _COME_FROM.sub("", _without_link(line))


def _without_link(line: str) -> str:
    """A line without its goto link; the link ended the line's sentence ("the car is the Fielder >>> car"
    over "Mum = ..." would otherwise run into the next line as one sentence)."""
    m = _GOTO.search(line)
    if not m:
        return line
    rest = line[:m.start()].rstrip()
    return rest + "." if rest and (rest[-1].isalnum() or rest[-1] in ")\"'") else rest


def to_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """The file as markdown line for line, and each memo's (title line, day of its stamp); a memo
    with no stamp has "" (the file's day then dates it)."""
    out: list[str] = []
    days: list[tuple[int, str]] = []
    stamped = True  # whether the memo the line is in has its stamp yet
    for n, line in enumerate(lines, 1):
        title = _TITLE.match(line)
        if title:
            text = _GOTO.sub("", _COME_FROM.sub("", title.group(1) or "")).strip()
            out.append(f"# {text}" if text else "#")  # an empty title still ends the memo above
            days.append((n, ""))
            stamped = False
            continue
        stamp = _STAMP.match(line)
        if stamp:
            out.append("")
            if not stamped and days:
                days[-1] = (days[-1][0], stamp.group(1))
            elif not days:
                days.append((1, stamp.group(1)))  # a stamp over text with no title
            stamped = True
            continue
        out.append(_line(line))
    return out, days


__all__ = ["is_tool_file", "looks_like_howm", "to_markdown", "written"]
