"""An Excel 2003 XML Spreadsheet (SpreadsheetML) workbook, read as its sheets' tables.

Excel (and LibreOffice, and many exporting apps) can save a workbook as one XML file:
`<?mso-application progid="Excel.Sheet"?>`, a `<Workbook>` in the
`urn:schemas-microsoft-com:office:spreadsheet` namespace, its `DocumentProperties` (`LastSaved`),
its `Styles` (a `NumberFormat` such as `"₱"#,##0.00`), and per sheet a
`<Worksheet ss:Name="Contacts">` holding a `<Table>` of `<Row>`s of `<Cell>`s, each value in
`<Data ss:Type="String|Number|DateTime|Boolean">`; a cell may say `ss:Index="4"` to skip empty
columns before it. Read as a data file it was XML markup, nothing a person wrote. Here each
sheet is a heading (its name) over its rows: the first row its column names, each further row a
record of its cells under those names ("Name: ...; Relation: ...; Number: ..."), citing the file
lines from its first value to its last; a number in a currency format written with its currency
(`₱9,874.50`), a date/time cell as its day. The workbook is dated by its `LastSaved` day.
"""
from __future__ import annotations

import re
import xml.parsers.expat
from pathlib import Path

_NS = "urn:schemas-microsoft-com:office:spreadsheet"


def looks_like_spreadsheetml(path: Path, lines: list[str]) -> bool:
    head = "\n".join(lines[:12])
    return path.suffix.lower() == ".xml" and "<Workbook" in head and (
        'progid="Excel.Sheet"' in head or _NS in head)


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _money(value: str, fmt: str) -> str:
    """A number as its cell's format shows it, when the format is a currency's ("₱"#,##0.00)."""
    symbol = re.sub(r'[#0,.\s"\\;_()*?-]|\[[^\]]*\]', "", fmt.split(";")[0])
    if not symbol or len(symbol) > 3 or not re.fullmatch(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?", value):
        return value
    decimals = len(re.match(r"0*", fmt.split(";")[0].split(".", 1)[1]).group(0)) if "." in fmt.split(";")[0] else 0
    number = float(value)
    text = f"{abs(number):,.{decimals}f}" if "," in fmt else f"{abs(number):.{decimals}f}"
    return f"{'-' if number < 0 else ''}{symbol}{text}"


def read(text: str) -> tuple[str, list[tuple[str, int, list[tuple[list[int], list[str]]]]]]:
    """(the LastSaved day, [(sheet name, its line, [(its values' lines, [cells])...])...])."""
    parser = xml.parsers.expat.ParserCreate()
    formats: dict[str, str] = {}
    sheets: list = []
    state = {"style": None, "prop": None, "saved": "", "row": None, "cell": None, "data": None, "col": 0, "comment": 0}

    def start(name: str, attrs: dict) -> None:
        tag = {_local(k): v for k, v in attrs.items()}
        name = _local(name)
        line = parser.CurrentLineNumber
        if name == "Style":
            state["style"] = tag.get("ID")
        elif name == "NumberFormat" and state["style"] is not None:
            formats[state["style"]] = tag.get("Format", "")
        elif name == "LastSaved":
            state["prop"] = []
        elif name == "Worksheet":
            sheets.append((tag.get("Name") or f"Sheet{len(sheets) + 1}", line, []))
        elif name == "Row" and sheets:
            state["row"] = (line, {})
            state["col"] = int(tag["Index"]) - 1 if tag.get("Index", "").isdigit() else 0
            sheets[-1][2].append(state["row"])
        elif name == "Cell" and state["row"] is not None:
            state["col"] = int(tag["Index"]) if tag.get("Index", "").isdigit() else state["col"] + 1
            state["cell"] = (state["col"], tag.get("StyleID", ""))
            span = tag.get("MergeAcross", "")
            if span.isdigit():
                state["col"] += int(span)
        elif name == "Data" and state["cell"] is not None:
            state["data"] = ([], tag.get("Type", "String"), line)
        elif name == "Comment":
            state["comment"] += 1

    def end(name: str) -> None:
        name = _local(name)
        if name == "LastSaved" and state["prop"] is not None:
            state["saved"] = "".join(state["prop"]).strip()[:10]
            state["prop"] = None
        elif name == "Style":
            state["style"] = None
        elif name == "Comment":
            state["comment"] -= 1
        elif name == "Data" and state["data"] is not None and state["cell"] is not None:
            parts, kind, line = state["data"]
            value = re.sub(r"\s+", " ", "".join(parts)).strip()
            if kind == "Number":
                value = _money(value, formats.get(state["cell"][1], ""))
            elif kind == "DateTime":
                value = value[:10] if value.endswith("T00:00:00.000") else value.replace("T", " ")[:16]
            elif kind == "Boolean":
                value = {"1": "yes", "0": "no"}.get(value, value)
            if value:
                state["row"][1][state["cell"][0]] = (line, value)
            state["data"] = None
        elif name == "Cell":
            state["cell"] = None
        elif name == "Row":
            state["row"] = None

    def chars(data: str) -> None:
        if state["prop"] is not None:
            state["prop"].append(data)
        elif state["data"] is not None and not state["comment"]:
            state["data"][0].append(data)

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    parser.Parse(text.encode("utf-8"), True)
    out = []
    for name, line, rows in sheets:
        table = []
        for row_line, cells in rows:
            if cells:
                width = max(cells)
                table.append(([cells[k][0] for k in sorted(cells)], [cells[k][1] if k in cells else "" for k in range(1, width + 1)]))
        out.append((name, line, table))
    return state["saved"], out


def blocks(text: str, title: str, block: type) -> tuple[list, str]:
    """(the workbook's blocks, the day it was last saved): a heading for the workbook and one for
    each sheet; under it each row a record of its cells under the first row's names, citing the
    lines from its first value to its last (a row is written over several lines)."""
    saved, sheets = read(text)
    out = [block("heading", [(1, f"# {title}")], level=1, title=title)]
    for name, line, table in sheets:
        out.append(block("heading", [(line, f"## {name}")], level=2, title=name))
        header = table[0][1] if len(table) > 1 else []
        for lines, values in table[1:] if header else table:
            names = [header[k] if k < len(header) and header[k] else f"column {k + 1}" for k in range(len(values))]
            pairs = [(names[k], v) for k, v in enumerate(values) if v]
            row = " | ".join(values)
            out.append(block("record", [(lines[0], row), (lines[-1], row)] if lines[-1] != lines[0] else [(lines[0], row)],
                             fields=pairs, first_line=lines[0], source=row))
    return out, saved if re.fullmatch(r"\d{4}-\d{2}-\d{2}", saved) else ""
