"""File bytes → blocks of numbered lines (markdown, plain text, code, CSV, PDF).

Parsers only understand file formats; deciding where chunks begin and end is chunking's job.
Every block keeps the 1-based line numbers of its lines so a source can be cited exactly.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import xml.etree.ElementTree as ET
import xml.parsers.expat
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from memory import anki, antora, anytype, asciidoc, bancatransilvania, bbdb, bibtex, camt, canvas, cards, cherrytree, danskebank, datafiles, daylio, dayone, diaro, discord, dokuwiki, dsk, emacs_diary, enpass, erste, fodt, freeplane, gcash, gdocs, gemtext, google_chat, google_tasks, homebank, html, instagram, jira, joplin, journey, jupyter, keep, keepass, klikbca, latex, ldif, leo, leumi, line_chat, linkedin, mail, mastodon, mattermost, maybank, mediawiki, mercadopago, ofx, onepassword, opml, org, qif, recutils, rednotebook, roam, rst, rtf, saved_places, sqldump, simplenote, sitepage, skype, sms, spendee, splitwise, spreadsheetml, standardnotes, swedbank, taskpaper, telegram, textbundle, textile, ticktick, tiddlywiki, todoist, tomboy, trello, twitter_dm, typst, vimwiki, whatsapp, wordpress, workflowy, zim
from memory import howm, jrnl, nb, neorg, silverbullet
from memory import docusaurus, eleventy, homeassistant, lektor, mdbook, mkdocs, moinmoin, pelican, pmwiki, quarto, roff, slack, texinfo, zola, zulip
from memory.updated import last_updated, property_day

MARKDOWN_EXT = {".md", ".markdown", ".mdown", ".mkd"}
CSV_EXT = {".csv", ".tsv"}
PDF_EXT = {".pdf"}
HTML_EXT = {".html", ".htm", ".xhtml"}
CODE_EXT = {
    ".py", ".js", ".ts", ".tsx", ".jsx", ".java", ".kt", ".c", ".h", ".cc", ".cpp", ".hpp", ".cs",
    ".go", ".rs", ".rb", ".php", ".swift", ".scala", ".sh", ".bash", ".zsh", ".fish", ".ps1", ".sql",
    ".lua", ".pl", ".r", ".m", ".hs", ".ex", ".exs", ".clj", ".dart", ".vue", ".svelte", ".html",
    ".css", ".scss", ".toml", ".yaml", ".yml", ".json", ".ini", ".cfg", ".xml", ".gradle", ".cmake",
    ".mjs", ".cjs", ".astro",  # an Astro site's config and components
}
# Formats that are never notes; they are ignored silently (a photo folder should not produce
# one warning per picture). Anything else is sniffed: text is indexed, binary is reported.
IGNORED_EXT = {
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".heic", ".tif", ".tiff", ".svgz",
    ".mp3", ".wav", ".flac", ".ogg", ".m4a", ".aac", ".mp4", ".mov", ".mkv", ".avi", ".webm",
    ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".zst", ".jar", ".whl",
    ".exe", ".dll", ".so", ".dylib", ".o", ".a", ".pyc", ".class", ".bin", ".dat", ".db",
    ".sqlite", ".sqlite3", ".gguf", ".safetensors", ".pt", ".onnx", ".iso", ".dmg",
    ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".key", ".pages", ".numbers",
    ".ttf", ".otf", ".woff", ".woff2", ".lock", ".swp", ".swx",
}

_BINARY_RATIO = 0.30  # above this share of undecodable bytes a file is binary, not "broken text"


class NotText(Exception):
    """The file is not something memory can index (binary, unreadable PDF); str() says why."""


@dataclass
class Block:
    kind: str  # heading | text | code | table | record
    lines: list[tuple[int, str]]  # (1-based line number, text)
    level: int = 0  # heading level (1 = "#")
    title: str = ""  # heading text without the "#"s
    synthetic: bool = False  # a heading made up by the parser (PDF page); not part of the text
    header: list[tuple[int, str]] = field(default_factory=list)  # table header + separator rows
    # CSV records only: (column, value) pairs, the row's first physical line (a quoted cell can
    # span lines; `lines` holds the last one) and the row as written.
    fields: list[tuple[str, str]] = field(default_factory=list)
    first_line: int = 0
    source: str = ""
    state: str = ""  # an Org headline's task state ("TODO", "DONE"); see memory/org.py

    @property
    def start(self) -> int:
        return self.lines[0][0] if self.lines else 0

    @property
    def end(self) -> int:
        return self.lines[-1][0] if self.lines else 0


@dataclass
class ParsedFile:
    kind: str  # markdown | text | code | csv | pdf
    blocks: list[Block]
    warnings: list[str] = field(default_factory=list)
    outline: bool = False  # an Org outline: its headlines are things said, not only titles
    title: str = ""  # a vault page's name (its file name), the subject of what it says before any heading
    # Why a file that parsed says nothing, where the format tells ("a Joplin notebook record").
    nothing: str = ""
    written: str = ""  # the day the page says it was last changed, ISO ("2026-03-15"); "" if it does not say
    # Several notes in one file, each changed on its own day (an Evernote export): (first line,
    # day) in line order; a line takes the day of the note it is in, `written` elsewhere.
    written_from: list[tuple[int, str]] = field(default_factory=list)


def kind_for(path: Path) -> str | None:
    """The parser for a path by extension; None for formats that are ignored."""
    ext = path.suffix.lower()
    if ext in MARKDOWN_EXT:
        return "markdown"
    if ext in CSV_EXT:
        return "csv"
    if ext in PDF_EXT:
        return "pdf"
    if ext in CODE_EXT:
        return "code"
    if ext in IGNORED_EXT:
        return None
    return "text"  # .txt, .org, .rst, README, Makefile… (sniffed for binary content)


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Bytes → text and an optional warning. Raises NotText for binary data.

    UTF-8 (with or without BOM) and BOM-marked UTF-16 are accepted; other bytes that do not
    decode are replaced (U+FFFD) so one bad byte does not cost the whole note.
    """
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise NotText(f"invalid UTF-16 ({exc.reason})") from exc
    if b"\0" in data[:8192]:
        raise NotText("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    if bad > _BINARY_RATIO * max(1, len(text)):
        raise NotText(f"binary file ({bad} of {len(text)} characters are not valid UTF-8)")
    return text, f"invalid UTF-8: {bad} undecodable byte sequence(s) replaced with U+FFFD"


def split_lines(text: str) -> list[str]:
    # Not str.splitlines(): it also splits on form feeds and U+2028, which editors do not count
    # as lines, and the line numbers must match what the user sees.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def parse(path: Path, data: bytes, kind: str | None = None) -> ParsedFile:
    kind = kind or kind_for(path) or "text"
    if kind == "pdf":
        return _parse_pdf(data)
    text, warning = decode_text(data)
    lines = split_lines(text)
    if textbundle.is_metadata(path):
        return ParsedFile(kind="markdown", blocks=[], warnings=[warning] if warning else [],
                          nothing="a TextBundle's metadata; the note's text beside it is read")
    if textbundle.is_note_text(path):
        # A TextBundle's note (Bear, Ulysses, iA Writer): markdown under its title, the bundle's name
        # when it opens with none (the file is "text" in every bundle), dated by info.json's last change.
        note = textbundle.note_of(path)
        if note.trashed:
            return ParsedFile(kind="markdown", blocks=[], warnings=[warning] if warning else [],
                              nothing="a note in the trash (its TextBundle's info.json says so)")
        md, numbers = textbundle.with_title(vault_lines(lines), note.title)
        return _converted(md, numbers, warning, written=note.written or front_matter_date(lines))
    if neorg.looks_like_neorg(path):
        # A Neorg page: its @document.meta block left out (its updated: dates the page, a journal page its path),
        # `*` headings, indented `-`/`~` lists and `( )` tasks, {:links:}[text], `$ term` definitions, | tables.
        md, header_rows = neorg.to_markdown(lines)
        return ParsedFile(kind="markdown", blocks=_parse_markdown(md, header_rows), warnings=[warning] if warning else [],
                          written=neorg.written(path, lines))
    if neorg.is_editor_config(path, lines):
        return _nothing("code", warning, "Neovim's Lua configuration (the Neorg plugin's settings), not notes")
    if (kind == "markdown" or path.name.startswith(".silverbullet") or "_plug" in path.parts) and silverbullet.space_of(path):
        # A SilverBullet space: its settings, plug list, installed plugs and libraries and its page templates are
        # not notes; a page's created/lastModified keys, #tags and ${...} expressions left out, lastModified its day.
        if why := silverbullet.is_settings(path):
            return _nothing(kind, warning, why)
        if kind == "markdown":
            if silverbullet.is_template(lines):
                return _nothing(kind, warning, "a SilverBullet page template (a form new pages are made from), not notes")
            md = silverbullet.to_markdown(lines)
            day = silverbullet.written(lines) or front_matter_date(lines)
            page = vault_lines(md)
            if page[:3] != md[:3]:
                title = re.sub(r"^.*(?:___|%2F)", "", path.stem).replace("_", " ").strip()
                return ParsedFile(kind="markdown", blocks=_parse_markdown(page), warnings=[warning] if warning else [],
                                  title=title, written=day)
            return _page(md, warning, day or last_updated(md))
    if why := howm.is_tool_file(path, lines):
        return _nothing("text", warning, why)
    if kind == "text" and howm.looks_like_howm(path, lines):
        # A howm memo file: each memo's `= title` a heading over its lines, dated by its `[YYYY-MM-DD HH:MM]`
        # stamp (else the file's name), reminders `[2026-04-20]+ ...` in words, `>>>`/`<<<` links left out.
        md, days = howm.to_markdown(lines)
        return ParsedFile(kind="markdown", blocks=_parse_markdown(md), warnings=[warning] if warning else [],
                          written=howm.written(path), written_from=days)
    if kind == "text" and jrnl.looks_like_jrnl(path, lines):
        # A jrnl journal: each `[YYYY-MM-DD HH:MM] Title.` entry a heading over its body lines, dated by its stamp's
        # day; its star and @tag lines left out, a title that says something a statement too.
        return _dated_notes(*jrnl.to_markdown(lines), warning)
    if why := nb.is_tool_file(path):
        return _nothing("text", warning, why)
    if kind == "markdown" and nb.notebook_of(path):
        # An nb notebook's note: a todo (`*.todo.md`) one statement of its title, state and due date over its
        # description and tasks; a note named by its creation time (`20260412193022.md`) dated by that name.
        day = nb.name_day(path)
        if nb.is_todo(path) and (todo := nb.todo_to_markdown(lines)) is not None:
            return _converted(*todo, warning, written=day)
        if day:
            return _page(vault_lines(lines), warning, front_matter_date(lines) or last_updated(lines) or day)
    if anytype.looks_like_anytype(path, text) and (obj := anytype.to_markdown(path, text)) is not None:
        # An Anytype export's object (Any-Block JSON): a page's name over its relations and blocks, dated.
        warning = "; ".join(w for w in (warning, obj.warning) if w) or None
        if obj.nothing:
            return ParsedFile(kind="markdown", blocks=[], warnings=[warning] if warning else [], nothing=obj.nothing)
        return _converted(obj.md, obj.numbers, warning, written=obj.written)
    if anytype.is_account_profile(path):
        return ParsedFile(kind="text", blocks=[], warnings=[warning] if warning else [],
                          nothing="an Anytype export's account profile (binary); its objects are read")
    if mattermost.looks_like_mattermost(path, lines):
        # A Mattermost bulk export (import.jsonl): each channel's posts by day, replies under them, dated.
        md, numbers, days, bad = mattermost.to_markdown(lines)
        if bad:
            shown = ", ".join(map(str, bad[:5])) + (", ..." if len(bad) > 5 else "")
            warning = f"{warning + '; ' if warning else ''}{len(bad)} line(s) of the Mattermost export are not JSON (line {shown}): left out"
        return _dated_notes(md, numbers, days, warning, "a Mattermost export with no posts")
    if zulip.looks_like_zulip(path, text):
        # A Zulip organization export's messages-NNNNNN.json: each stream's topics, their messages in time
        # order "HH:MM Full name: text" (whose export it is without a name), direct messages, each line at
        # its message's content line and dated by its day; realm.json and the server's files say nothing.
        return _from_document(zulip.to_markdown(path, text), warning)
    if slack.looks_like_slack(path, text):
        # A Slack workspace export: a channel's day file (YYYY-MM-DD.json) its messages "HH:MM Full name: text"
        # in time order (whose export it is without a name), replies under their thread, each at its `text`
        # line and dated by its ts; users.json contact cards, channels.json their purposes, the rest nothing.
        return _from_document(slack.to_markdown(path, text), warning)
    if docusaurus.is_site_page(path):
        # A Docusaurus site's page (.md or .mdx): front matter's title a heading, a blog post dated by its
        # file's name, admonitions' titles and tabs' labels heading their own lines, MDX imports, tags
        # and the excerpt mark left out.
        md, numbers, written = docusaurus.to_markdown(lines, path)
        return _converted(md, numbers, warning, written=written)
    if docusaurus.is_settings(path):
        return _nothing("code", warning, "a Docusaurus site's settings (config, sidebars, categories, authors), not notes")
    if kind == "markdown" and mkdocs.is_site_page(path):
        # An MkDocs site's page: front matter's title a heading and its nested blog dates read, admonitions'
        # titles heading their own lines only, the blog's excerpt mark left out.
        md, numbers, written = mkdocs.to_markdown(lines, path)
        return _converted(md, numbers, warning, written=written)
    if mkdocs.is_settings(path):
        return _nothing("code", warning, "an MkDocs site's settings (theme, navigation, plugins, authors), not notes")
    if quarto.is_quarto(path):
        # A Quarto or R Markdown page: front matter's title a heading, callouts titled, cell options and
        # shortcodes left out; dated by its date/date-modified or its post folder's day.
        md, written = quarto.to_markdown(lines, path)
        return _page(md, warning, written)
    if quarto.is_project_settings(path):
        return _nothing("code", warning, "a Quarto project's settings (site navigation and render options), not notes")
    if kind == "markdown" and pelican.is_site_page(path, lines):
        # A Pelican page: its Title a heading, the rest of its metadata (Summary, Category, Tags, Slug)
        # left out; dated by its Date/Modified (else its file's name).
        md, written = pelican.to_markdown(lines, path)
        return _page(md, warning, written)
    if lektor.is_content(path):
        # A Lektor page (contents.lr): its title a heading, one-line fields "Key: value", body fields as
        # markdown, each flow block one "Name: ...; Phone: ..." line; dated by its pub_date.
        md, written = lektor.to_markdown(lines)
        return _page(md, warning, written)
    if lektor.is_settings(path):
        return _nothing("code", warning, "a Lektor project's settings (project file, models, flow blocks, databags), not notes")
    if kind == "markdown" and zola.is_page(path, lines):
        # A Zola or Hugo page (TOML front matter between `+++`): its title a heading, the site's keys and
        # shortcodes left out, [extra] values "Key: value"; dated by date/updated (else its file's name).
        md, written = zola.to_markdown(lines, path)
        return _page(md, warning, written)
    if zola.is_settings(path, lines):
        return _nothing("code", warning, "a Zola site's settings (config.toml: base URL, build switches, menus), not notes")
    if eleventy.is_docsify_navigation(path):
        return _nothing("markdown", warning, "a Docsify site's navigation (sidebar, navbar or cover page), not notes")
    if mdbook.is_settings(path) or mdbook.is_contents(path):
        return _nothing("code", warning, "an mdBook's settings (book.toml) or table of contents (SUMMARY.md), not notes")
    if texinfo.looks_like_texinfo(path, lines):
        # A GNU Texinfo manual or a chapter file it @includes: sections as headings, @table "term: body",
        # @multitable rows under their @headitem names, markup unwrapped; dated by its @set UPDATED.
        text, warning = texinfo.redecoded(path, data, text, warning)
        return _from_document(texinfo.to_markdown(split_lines(text), path), warning)
    if pmwiki.looks_like_pmwiki(path, lines):
        # A PmWiki page file (wiki.d/Group.PageName): its one text= line decoded and its markup read, headings,
        # lists, || tables under their column names, links as their text; history and bookkeeping left out;
        # dated by time= (a journal page by the day in its name); PmWiki's own pages say nothing.
        return _from_document(pmwiki.to_markdown(lines, path), warning)
    if moinmoin.looks_like_moin(path, lines):
        # A MoinMoin data folder's file: the revision its page's `current` names read (headings, lists,
        # || tables under their column names, links as their text), older revisions, edit logs, caches and
        # wikiconfig.py say nothing; dated by a journal page's name or the edit log's day of the revision.
        return _from_document(moinmoin.to_markdown(lines, path), warning)
    if roff.looks_like_roff(path, lines):
        # A man page (groff man(7) macros, tbl tables): .SH/.SS as headings, .TP "tag: body", tables
        # under their column names, escapes written out; dated by its .TH day or a "Last reviewed" comment.
        return _from_document(roff.to_markdown(lines), warning)
    if opml.looks_like_opml(path, lines):
        # An outline (Dynalist, Workflowy): items with items under them are headings over them.
        try:
            return _converted(*opml.to_markdown(text), warning)
        except xml.parsers.expat.ExpatError as exc:
            warning = _read_as_text(warning, "OPML", exc)
    if leo.looks_like_leo(path, lines):
        # A Leo outline: each node's headline a heading at its depth over its body, directives,
        # settings and scripts left out, a clone read once, @file nodes read from their own files.
        try:
            md, numbers, nothing = leo.to_markdown(text, path)
            return _converted(md, numbers, warning, nothing=nothing)
        except xml.parsers.expat.ExpatError as exc:
            warning = _read_as_text(warning, "Leo outline", exc)
    if leo.is_leojs(path, text):  # a LeoJS outline (JSON): read as a .leo is
        try:
            md, numbers, nothing = leo.leojs_to_markdown(text, lines, path)
            return _converted(md, numbers, warning, nothing=nothing)
        except (ValueError, AttributeError) as exc:
            warning = _read_as_text(warning, "LeoJS outline", exc)
    if leo.is_external_file(lines):
        # A file Leo wrote from an @file node: its sentinels left out, each node's headline a heading.
        return _converted(*leo.external_to_markdown(lines, path), warning)
    if rtf.looks_like_rtf(path, lines):  # a WordPad/TextEdit document: its paragraphs, bold ones headings
        return _converted(*rtf.to_markdown(text, path.stem), warning, written=rtf.written(text))
    if freeplane.looks_like_mind_map(path, lines):  # a Freeplane/FreeMind map: its nodes as an outline, dated
        try:
            return _dated_notes(*freeplane.to_markdown(text), warning)
        except xml.parsers.expat.ExpatError as exc:
            warning = _read_as_text(warning, "mind map", exc)
    if discord.looks_like_messages(path, lines):  # a Discord package's channel: the user's messages by day
        return _dated_notes(*discord.to_markdown(text, path), warning)
    if discord.is_package_index(path, lines):
        return ParsedFile(kind="markdown", blocks=[], warnings=[warning] if warning else [],
                          nothing="a Discord package's channel ids; the messages.csv files are read")
    if bancatransilvania.looks_like_bt(path, lines):  # a BT statement: the account's lines, a table of transactions
        return _converted(*bancatransilvania.to_markdown(lines, path.stem), warning)
    if kind == "text" and recutils.looks_like_rec(path, lines):
        # A GNU recutils database: each record its name over its fields, a log's entry dated by its Date.
        return _dated_notes(*recutils.to_markdown(lines), warning)
    if kind in ("markdown", "text") and (path.suffix.lower() == ".org" or org.looks_like_org(lines)):
        md, states = org.to_markdown(lines)
        blocks = _parse_markdown(md)
        for b in blocks:
            if b.kind == "heading":
                b.state = states.get(b.start - 1, "")
        return ParsedFile(kind="markdown", blocks=blocks, warnings=[warning] if warning else [], outline=True)
    if kind == "text" and rednotebook.is_month(path, lines):
        # A RedNotebook month: each day under its date, citing its own lines.
        return _dated_notes(*rednotebook.to_markdown(path, lines), warning)
    if kind == "text" and bbdb.looks_like_bbdb(lines):
        # An Emacs BBDB address book: each record its name over its numbers, on its own line.
        return _converted(*bbdb.to_markdown(lines), warning)
    if kind == "text" and emacs_diary.looks_like_diary(path, lines):
        # An Emacs diary: each entry on its own line, its date in words in the file's date style.
        return _converted(*emacs_diary.to_markdown(lines), warning)
    if kind == "text" and tomboy.looks_like_note(lines):
        # A Tomboy/Gnote note: its title over its text, the app's bookkeeping left out.
        return _converted(*tomboy.to_markdown(lines), warning, written=tomboy.written(lines))
    if path.suffix.lower() in cards.CARD_EXT or (kind == "text" and cards.looks_like_cards(lines)):
        # A contacts or calendar export: each card or event a heading over its properties.
        blocks = _parse_markdown(cards.to_markdown(lines))
        return ParsedFile(kind="markdown", blocks=blocks, warnings=[warning] if warning else [])
    if ldif.is_ldif(path, lines):
        # An LDIF address book (Thunderbird, LDAP): each entry its name over its attributes.
        return ParsedFile(kind="markdown", blocks=_parse_markdown(ldif.to_markdown(lines)), warnings=[warning] if warning else [])
    if kind == "text" and (backup := standardnotes.backup_of(text)) is not None:
        # A Standard Notes backup (JSON in a .txt): its notes, each dated by its last change.
        return _dated_notes(*standardnotes.to_markdown(backup, lines), warning, "a Standard Notes backup with no notes")
    if wordpress.looks_like_wordpress(path, lines):
        # A WordPress export (WXR): each post and page its title and day over its content, dated.
        try:
            return _dated_notes(*wordpress.to_markdown(text), warning, "a WordPress export with no posts or pages")
        except xml.parsers.expat.ExpatError as exc:
            warning = _read_as_text(warning, "WordPress export", exc)
    if jira.looks_like_jira(path, lines):
        # A Jira "Export > XML": each issue's title, fields, HTML description and dated comments.
        return _dated_notes(*jira.to_markdown(text), warning, "a Jira export with no issues")
    if path.suffix.lower() == ".xml" and sms.looks_like_sms_backup(lines):
        # A phone's text messages: one record per message (who, when, what it says).
        blocks = []
        for n, pairs in sms.records(lines):
            text = "; ".join(f"{k}: {v}" for k, v in pairs)
            # Quoted as the record, not as the XML line (`<sms protocol="0" address=...`).
            blocks.append(Block("record", [(n, text)], fields=pairs, first_line=n, source=text))
        return ParsedFile(kind="csv", blocks=blocks, warnings=[warning] if warning else [])
    if (chat := google_chat.messages_of(path, text)) is not None:
        # Google Chat from Takeout: the conversation's messages under their days, each at its text's line, dated.
        return _dated_notes(*google_chat.to_markdown(chat, lines, path), warning, "a Google Chat conversation with no messages")
    if google_chat.is_group_info(path, text):
        return ParsedFile(kind="markdown", blocks=[], warnings=[warning] if warning else [],
                          nothing="a Google Chat conversation's members; messages.json beside it is read")
    if (vaults := onepassword.export_of(path, text)) is not None:
        # A 1Password export's export.data (one line of JSON): each item its title over its fields and notes.
        md, day = onepassword.to_markdown(vaults)
        return ParsedFile(kind="markdown", blocks=_on_line(_parse_markdown(md), 1), warnings=[warning] if warning else [],
                          written=day, nothing="" if md else "a 1Password export with no active items")
    if (vault := enpass.export_of(path, text)) is not None:
        # An Enpass export: each item its title over its fields and note, dated; never a hidden field.
        return _dated_notes(*enpass.to_markdown(vault, lines), warning, "an Enpass export with no items")
    if path.suffix.lower() == ".json" and (data_ := keep.note(lines)) is not None:
        # A Google Keep note from Takeout: one line of JSON; every statement cites that line.
        blocks = _on_line(_parse_markdown(keep.to_markdown(data_, path.stem)), 1)
        return ParsedFile(kind="markdown", blocks=blocks, warnings=[warning] if warning else [],
                          nothing="a Google Keep note in the trash" if keep.is_trashed(data_) else "",
                          written=keep.written(data_))
    if path.suffix.lower() == ".json" and (export := simplenote.export_of(lines)) is not None:
        if simplenote.notes_folder_beside(path):
            return ParsedFile(kind="markdown", blocks=[], warnings=[warning] if warning else [],
                              nothing="Simplenote's index of its notes; the notes/ folder beside it is read")
        # The export's JSON alone: each active note cites the line its content is on.
        at = [n for n, line in enumerate(lines, 1) if line.lstrip().startswith('"content"')]
        blocks = []
        for k, md in enumerate(simplenote.notes(export)):
            blocks += _on_line(_parse_markdown(md), at[k] if k < len(at) else 1) if md else []
        return ParsedFile(kind="markdown", blocks=blocks, warnings=[warning] if warning else [], written=simplenote.latest(export))
    if (board := canvas.board_of(path, text)) is not None:
        # An Obsidian canvas: the markdown on its text cards, under the board's name.
        return _converted(*canvas.to_markdown(board, lines, path.stem), warning)
    if bibtex.looks_like_bibtex(path, lines):
        # A BibTeX library: each entry its title over its fields (author, year, the user's note).
        return _converted(*bibtex.to_markdown(text), warning)
    if kind == "text" and anki.looks_like_anki(lines):
        # An Anki plain-text export: each deck a heading, each card "front: back" on its line.
        return _converted(*anki.to_markdown(lines, path.stem), warning)
    if cherrytree.looks_like_cherrytree(path, lines):
        # A CherryTree document: each node a heading at its depth over its text and tables.
        try:
            return _dated_notes(*cherrytree.to_markdown(text), warning)
        except xml.parsers.expat.ExpatError as exc:
            warning = _read_as_text(warning, "CherryTree document", exc)
    if fodt.looks_like_fodt(path, lines):
        # A LibreOffice flat ODF text document: its headings, paragraphs, lists and tables, dated by its last save.
        try:
            md, numbers, day = fodt.to_markdown(text)
            return _converted(md, numbers, warning, written=day)
        except xml.parsers.expat.ExpatError as exc:
            warning = _read_as_text(warning, "flat ODF document", exc)
    if camt.looks_like_camt(path, lines):
        # An ISO 20022 bank statement: the account, its balances, each booking a row.
        try:
            return _converted(*camt.to_markdown(text, path.stem), warning)
        except xml.parsers.expat.ExpatError as exc:
            warning = _read_as_text(warning, "camt.053 statement", exc)
    if mediawiki.looks_like_export(path, lines):
        # A MediaWiki export: each page's latest revision only (the older ones are no longer so).
        try:
            md, numbers, day = mediawiki.to_markdown(text)
            return _converted(md, numbers, warning, written=day)
        except xml.parsers.expat.ExpatError as exc:
            warning = _read_as_text(warning, "MediaWiki export", exc)
    if diaro.looks_like_diaro(path, lines):
        # A Diaro backup: each entry under its local day (its date only as epoch milliseconds), dated.
        try:
            return _dated_notes(*diaro.to_markdown(text), warning, "a Diaro backup with no entries")
        except xml.parsers.expat.ExpatError as exc:
            warning = _read_as_text(warning, "Diaro backup", exc)
    if keepass.looks_like_keepass(path, lines):
        # A KeePass export: each entry its title over its user name, URL and notes; never a password.
        try:
            return _converted(*keepass.to_markdown(text), warning)
        except xml.parsers.expat.ExpatError as exc:
            return ParsedFile(kind="text", blocks=[], warnings=[f"malformed KeePass export ({exc}): not read"])
    if line_chat.looks_like_line_chat(path, lines):
        # A LINE chat export: each message one bullet "who: what" under its day.
        return _converted(*line_chat.to_markdown(lines, path.stem), warning)
    if whatsapp.looks_like(path, lines):
        # A WhatsApp chat export: each message one bullet "who: what" under its day, dated.
        return _dated_notes(*whatsapp.to_markdown(lines, path.stem), warning, "a WhatsApp chat with no messages")
    if homebank.looks_like(path, lines):
        # A HomeBank budget: its accounts and a table of its transactions, each row dated.
        try:
            return _dated_notes(*homebank.to_markdown(text, lines, path.stem), warning)
        except ET.ParseError as exc:
            warning = _read_as_text(warning, "HomeBank budget", exc)
    if qif.looks_like_qif(path, lines):
        # A QIF bank export: each transaction a row (date, amount, payee, memo, category).
        return _converted(*qif.to_markdown(lines, path.stem), warning)
    if ofx.looks_like_ofx(path, lines):
        # An OFX bank statement: the account and balance, each transaction a row.
        return _converted(*ofx.to_markdown(lines, path.stem), warning)
    if (notebook := jupyter.notebook_of(path, text)) is not None:
        # A Jupyter notebook: its markdown cells and what its code printed (a table as a table).
        return _converted(*jupyter.to_markdown(notebook, lines, path.stem), warning)
    if (tasks := google_tasks.export_of(path, text)) is not None:
        # Google Tasks from Takeout: each list a heading, each task a bullet dated by its last change.
        return _dated_notes(*google_tasks.to_markdown(tasks, lines), warning, "a Google Tasks export with no tasks")
    if (graph := roam.graph_of(path, text)) is not None:
        # A Roam Research graph: each page a heading over its blocks, attributes "Key: value".
        return _dated_notes(*roam.to_markdown(graph, lines), warning)
    if (board := trello.board_of(path, lines)) is not None:
        # A Trello board: lists over cards, each card's description, checklists and dated comments.
        return _dated_notes(*trello.to_markdown(board, lines), warning)
    if (thread := instagram.thread_of(path, text)) is not None:  # an Instagram DM thread: its days, oldest first, dated
        return _dated_notes(*instagram.to_markdown(thread, lines), warning)
    if (entry := journey.entry_of(path, text)) is not None:
        # A Journey diary entry (one JSON file each): its text under its local day.
        md, numbers, day = journey.to_markdown(entry, lines)
        return _converted(md, numbers, warning, written=day)
    if ticktick.looks_like_ticktick(path, lines):
        # A TickTick backup: its preamble left out, each list a table of its tasks, dated.
        return _dated_notes(*ticktick.to_markdown(text, path.stem), warning)
    for bank in (danskebank, splitwise, swedbank, erste, linkedin):
        if bank.looks_like(path, lines):
            # A Danske Bank or Swedbank CSV, a Splitwise group: a heading naming the account or group over its rows.
            return _converted(*bank.to_markdown(lines, path.stem), warning)
    if daylio.looks_like(path, lines):  # a Daylio diary: each entry its day (and title) over its text, dated
        return _dated_notes(*daylio.to_markdown(lines, path.stem), warning, "a Daylio export with no entries")
    if spendee.looks_like(path, lines):  # a Spendee export: its wallet, each row dated
        return _dated_notes(*spendee.to_markdown(lines, path.stem), warning)
    for wallet in (gcash, mercadopago, leumi, dsk):  # a GCash history, a Mercado Pago or Leumi statement: its rows, dated
        if wallet.looks_like(path, lines):
            return _dated_notes(*wallet.to_markdown(lines, path.stem), warning)
    if workflowy.looks_like(path, lines):  # a Workflowy plain-text export: the outline, as its OPML is read
        return _converted(*workflowy.to_markdown(lines), warning)
    if spreadsheetml.looks_like_spreadsheetml(path, lines):  # an Excel 2003 XML workbook: each sheet a table
        try:
            blocks, day = spreadsheetml.blocks(text, path.stem, Block)
            return ParsedFile(kind="markdown", blocks=blocks, warnings=[warning] if warning else [], written=day)
        except xml.parsers.expat.ExpatError as exc:
            warning = _read_as_text(warning, "Excel XML workbook", exc)
    if maybank.looks_like(path, lines):
        # A Maybank2u account statement: the account's lines, its transactions as a table, each row dated.
        return _dated_notes(*maybank.to_markdown(lines, path.stem), warning)
    if klikbca.looks_like_klikbca(path, lines):
        # A KlikBCA account statement: the account's lines, its transactions as a table.
        return _converted(*klikbca.to_markdown(lines, path.stem), warning)
    if (outbox := mastodon.outbox_of(path, lines)) is not None:
        # A Mastodon archive's outbox: the user's posts under the day each was published.
        return _dated_notes(*mastodon.to_markdown(outbox, lines, mastodon.actor_name(path)), warning, "a Mastodon outbox with no posts")
    if mastodon.is_archive_part(path, lines):
        return ParsedFile(kind="markdown", blocks=[], warnings=[warning] if warning else [],
                          nothing="a Mastodon archive's profile or an empty collection; outbox.json holds the posts")
    if (places := saved_places.places_of(path, lines)) is not None:
        # Google Takeout's Maps saved places: each place its name over its address and the user's comment.
        return _dated_notes(*saved_places.to_markdown(places, lines, path.stem), warning)
    if path.suffix.lower() == ".json" and (journal := dayone.export_of(lines)) is not None:
        # A Day One journal: each entry under the day it was written, citing its text's line.
        return _dated_notes(*dayone.to_markdown(journal, lines), warning)
    if path.suffix.lower() == ".json" and (chat := skype.export_of(lines)) is not None:
        # A Skype export: each conversation's messages under their days, citing their content's line.
        return _dated_notes(*skype.to_markdown(chat, lines), warning)
    if path.suffix.lower() == ".json" and (chat := telegram.export_of(lines)) is not None:
        # A Telegram chat export: each message under its day, citing its text's line.
        return _dated_notes(*telegram.to_markdown(chat, lines), warning)
    if (dms := twitter_dm.export_of(path, text)) is not None:  # an X archive's DMs: each conversation by day, dated
        return _dated_notes(*twitter_dm.to_markdown(dms, lines, path), warning)
    if keep.is_keep_html(path, lines):
        if keep.json_beside(path):
            return ParsedFile(kind="markdown", blocks=[], warnings=[warning] if warning else [],
                              nothing="the HTML copy of a Google Keep note; its .json beside it is read")
        md, day = keep.html_to_markdown(lines, path.stem)
        start = next((i for i, line in enumerate(lines, 1) if 'class="content"' in line), 1)
        return ParsedFile(kind="markdown", blocks=_on_line(_parse_markdown(md), start),
                          warnings=[warning] if warning else [], written=day)
    if gdocs.looks_like_gdoc(path, lines):  # a Google Docs web-page download: each paragraph its own
        md, numbers = gdocs.to_markdown(text)
        return _converted(md, numbers, warning, written=last_updated(md))  # "zadnje ažurirano: 28. 10. 2026."
    if path.name.lower() in _JS_MANIFESTS:
        # A site generator's package.json, tsconfig.json: the project's build settings.
        return _nothing("code", warning, "a JavaScript project's manifest or compiler settings, not notes")
    if antora.is_settings(path, lines):
        return _nothing("code", warning, "an Antora site's component descriptor or playbook: settings, not notes")
    if antora.is_nav(path):
        return _nothing("text", warning, "an Antora module's navigation: links to the pages, not notes")
    if eleventy.is_directory_data(path):
        return _nothing("code", warning, "an Eleventy folder's data file (the layout, tags and links of the pages beside it), not notes")
    if eleventy.is_template_file(path):
        # A Nunjucks/Liquid/Handlebars template: a layout, or a page that lists the site's data, is its
        # tags (nothing); one with words of its own is read as the HTML it is.
        md, numbers, title = html.to_markdown("\n".join(eleventy.without_front_matter(lines)))
        if html.is_template(md, least=1) or not any(line.strip() for line in md):
            return _nothing("code", warning, _TEMPLATE)
        return _converted(md, numbers, warning)
    if path.suffix.lower() in HTML_EXT or kind == "text" and html.looks_like_html(lines):
        # An HTML note (Evernote, Apple Notes, Notion exports; a saved page): its text, by line.
        md, numbers, title = html.to_markdown(text)
        if html.is_template(md):
            return _nothing("code", warning, _TEMPLATE)
        if title and not any(line.startswith("# ") for line in md):
            md, numbers = [f"# {title}", ""] + md, [1, 1] + numbers
        return _converted(md, numbers, warning)
    if kind == "text" and html.looks_like_enex(lines):
        # An Evernote export: each note's title over its HTML content.
        blocks, days = [], []
        for md, numbers, day in html.enex_notes(text):
            blocks += _renumber(_parse_markdown(md), numbers)
            days.append((min(numbers, default=1), day))
        return ParsedFile(kind="markdown", blocks=blocks, warnings=[warning] if warning else [],
                          written=max((d for _, d in days), default=""), written_from=sorted(days))
    if homeassistant.looks_like_homeassistant(path, lines):
        # A Home Assistant /config folder's YAML: comments as notes (a line over indented ones heads them),
        # helpers "Name: value", automations' descriptions, messages and birthdays, YAML dashboards' markdown
        # cards under their titles (a card titled with a day dates its lines); never secrets.yaml.
        return _from_document(homeassistant.to_markdown(lines, path), warning)
    if kind == "code" and sqldump.looks_like_dump(path, lines):
        # A SQL dump or migration: rows under their column names, a change as a change of its record.
        return _converted(*sqldump.to_markdown(lines, path), warning, written=sqldump.written(path, lines))
    if kind == "code" and path.suffix.lower() in datafiles.DATA_EXT and not (
            path.suffix.lower() == ".json" and (len(lines) > datafiles.JSON_MAX_LINES or len(lines) < 2)):
        # Data a person keeps ("people.yaml", "car.toml"): its keys and values are what it says.
        kept = [(n, md) for n, md in enumerate(datafiles.to_markdown(lines, path.suffix.lower()), 1) if md is not None]
        blocks = _renumber(_parse_markdown([md for _, md in kept]), [n for n, _ in kept])
        return ParsedFile(kind="markdown", blocks=blocks, warnings=[warning] if warning else [], title=_list_name(path, lines))
    if path.suffix.lower() in mail.MAIL_EXT or (kind == "text" and mail.looks_like_mbox(lines)):
        # A mailbox: each message a heading (its subject and day) over what it says.
        blocks = _parse_markdown(mail.mbox_to_markdown(lines))
        return ParsedFile(kind="markdown", blocks=blocks, warnings=[warning] if warning else [])
    if kind == "text" and (day := simplenote.written_for(path, lines)):
        # A note of a Simplenote export: plain text, its date kept in the export's notes.json.
        return ParsedFile(kind="text", blocks=_plain_titles(_paragraphs(list(enumerate(lines, 1)), "text")),
                          warnings=[warning] if warning else [], written=day)
    if kind in ("markdown", "text") and joplin.looks_like_joplin(lines):
        # A Joplin RAW export: the title line, the body, Joplin's metadata block.
        blocks = _parse_markdown(joplin.to_markdown(lines))
        return ParsedFile(kind="markdown", blocks=blocks, warnings=[warning] if warning else [],
                          nothing="" if joplin.is_note(lines) else "a Joplin notebook, tag or tag link: nothing to read",
                          written=joplin.written(lines))
    if path.suffix.lower() in tiddlywiki.TID_EXT and tiddlywiki.looks_like_tiddler(lines):
        # A TiddlyWiki tiddler: its fields, then wikitext.
        md, header_rows = tiddlywiki.to_markdown(lines)
        blocks = _parse_markdown(md, header_rows)
        return ParsedFile(kind="markdown", blocks=blocks, warnings=[warning] if warning else [],
                          nothing="a TiddlyWiki system tiddler: the wiki's settings" if tiddlywiki.is_system(lines) else "",
                          written=tiddlywiki.written(lines))
    if kind == "text" and vimwiki.is_vimwiki(path):
        # A VimWiki page: `= Title =` headings, indented `*` lists, [[links]]; a diary page's day.
        return ParsedFile(kind="markdown", blocks=_parse_markdown(vimwiki.to_markdown(lines)),
                          warnings=[warning] if warning else [], written=vimwiki.diary_day(path))
    if kind == "text" and latex.looks_like_latex(path):
        # A LaTeX document (a moderncv CV, a letter): what its commands say, typesetting left out.
        return _converted(*latex.to_markdown(lines), warning, written=latex.written(lines))
    if kind == "text" and asciidoc.looks_like_asciidoc(path):
        # An AsciiDoc page: `== Section`, `Term:: value` lists, `|===` tables, attributes left out.
        return _converted(*asciidoc.to_markdown(lines), warning, written=antora.revised(lines))
    if path.suffix.lower() in gemtext.GEMTEXT_EXT:
        # A Gemini capsule page: markdown-like headings and `*` items, `=> url label` link lines.
        return _converted(*gemtext.to_markdown(lines), warning)
    if kind == "text" and taskpaper.looks_like_taskpaper(path, lines):
        # A TaskPaper list: "Project:" headings over tab-nested items, each line an item of its own.
        return _converted(*taskpaper.to_markdown(lines), warning)
    if kind == "text" and textile.looks_like_textile(path, lines):
        # A Textile page (a Redmine wiki or issue): `h2.` headings, `*`/`#` lists, `|_.` tables, attribute rows.
        return _converted(*textile.to_markdown(lines), warning)
    if kind == "text" and typst.looks_like_typst(path):
        # A Typst document: `= Heading`, `- `/`+ `/`/ Term:` lists, `#table(...)` rows, set-up calls left out.
        return _converted(*typst.to_markdown(lines), warning)
    if kind == "text" and rst.looks_like_rst(path, lines):
        # A reStructuredText page (a Sphinx wiki): field lists, definition lists, tables, directives.
        return _converted(*rst.to_markdown(lines), warning)
    if kind == "text" and dokuwiki.looks_like_dokuwiki(path, lines):
        # A DokuWiki page: `====== Title ======`, `^` header rows over `|` rows, two-space lists.
        return _converted(*dokuwiki.to_markdown(lines), warning)
    if kind == "text" and zim.looks_like_zim(lines):
        # A Zim wiki page: its header block, `====== Title ======` headings, [[links]].
        return ParsedFile(kind="markdown", blocks=_parse_markdown(zim.to_markdown(lines)),
                          warnings=[warning] if warning else [], written=zim.journal_day(path))
    if zim.is_settings(path, lines):
        return ParsedFile(kind="text", blocks=[], warnings=[warning] if warning else [],
                          nothing="a Zim notebook's settings (its name and options)")
    if kind == "text" and datafiles.looks_like_ini(lines):
        blocks = _parse_markdown(datafiles.ini_to_markdown(lines))
        return ParsedFile(kind="markdown", blocks=blocks, warnings=[warning] if warning else [])
    if kind == "markdown" and eleventy.is_gollum_part(path):
        return _nothing("markdown", warning, "a Gollum wiki's sidebar, header, footer or new-page template, not notes")
    if kind == "markdown" and (eleventy.is_page(path, lines) or eleventy.is_vuepress_page(path, lines) or eleventy.is_astro_page(path, lines)):
        # An Eleventy, VuePress or Astro site's page: its title a heading, the generator's keys left out; dated by its
        # front matter's date/updated, else the day its file is named by.
        # (... or by the day a box near its top says it was last checked: "::: info Last checked".)
        day = front_matter_date(lines) or last_updated(eleventy.without_front_matter(lines), top=12)
        return _page(sitepage.to_markdown(lines), warning, quarto.page_day([day] if day else [], path))
    if kind == "markdown" and sitepage.is_site_page(path, lines):
        # A static site's page (Jekyll, Hugo): its title a heading, the generator's keys left out.
        return _page(sitepage.to_markdown(lines), warning, front_matter_date(lines))
    written = ""  # a markdown page's own word on when it was last updated, below
    if kind == "markdown":
        page = vault_lines(lines)
        if page[:3] != lines[:3]:
            # A page that opens with its properties (Obsidian front matter, Logseq "key:: value")
            # is about what its file is called: "people___Theo Marchetti.md" is Theo Marchetti.
            title = re.sub(r"^.*(?:___|%2F)", "", path.stem).replace("_", " ").strip()
            return ParsedFile(kind="markdown", blocks=_parse_markdown(page), warnings=[warning] if warning else [], title=title,
                              written=front_matter_date(lines))
        blocks = _parse_markdown(lines)
        # A page kept by hand says when it was last updated near its top ("_Last updated: 14/02/2026_").
        written = last_updated(lines) or property_day(lines)
    elif kind == "csv":
        blocks = _parse_csv(text, "\t" if path.suffix.lower() == ".tsv" else None)
        if todoist.is_todoist(path, lines):
            blocks = todoist.convert(path, blocks, Block)
    elif kind == "code":
        blocks = _paragraphs(list(enumerate(lines, 1)), "code")
    else:
        blocks = _plain_titles(_paragraphs(list(enumerate(lines, 1)), "text"))
    return ParsedFile(kind=kind, blocks=blocks, warnings=[warning] if warning else [], written=written)


# File names that say nothing of what a list holds ("message_1.json", "export-2026.json").
_GENERIC_STEM = re.compile(r"(?i).*\b(?:messages?|results?|data|exports?|backups?|items|entries|list|untitled|tasks?|todos?|notes)\b.*"
                           r"|.*\d{3,}.*")


def _list_name(path: Path, lines: list[str]) -> str:
    """What a JSON file holding a list of records is about, as its name says: a Signal chat
    exported as "Calcetto del martedì.json" is that group's messages."""
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    stem = path.stem.replace("_", " ").strip()
    if path.suffix.lower() != ".json" or not first.startswith("[") or _GENERIC_STEM.fullmatch(stem):
        return ""
    return stem if re.fullmatch(r"[^\W\d_][\w' .&-]*", stem) else ""


def _read_as_text(warning: str | None, what: str, exc: Exception) -> str:
    """The warning for an export that is not well-formed XML: it is read as plain text instead."""
    return f"{warning + '; ' if warning else ''}malformed {what} ({exc}): read as plain text"


_JS_MANIFESTS = {"package.json", "package-lock.json", "tsconfig.json", "jsconfig.json", "pnpm-lock.yaml", "yarn.lock"}


def _nothing(kind: str, warning: str | None, why: str) -> ParsedFile:
    """A file that holds no notes, with the reason ("an mdBook's settings ...")."""
    return ParsedFile(kind=kind, blocks=[], warnings=[warning] if warning else [], nothing=why)


def _page(md: list[str], warning: str | None, written: str = "") -> ParsedFile:
    """A page converted to markdown line for line (each line keeps its file line), dated `written`."""
    return ParsedFile(kind="markdown", blocks=_parse_markdown(md), warnings=[warning] if warning else [], written=written)


_TEMPLATE = "a site generator's template (its {{ }} and {% %} tags are filled in from the pages)"


def _converted(md: list[str], numbers: list[int], warning: str | None, **extra) -> ParsedFile:
    """A file converted to markdown, each line cited at the file line it came from."""
    return ParsedFile(kind="markdown", blocks=_renumber(_parse_markdown(md), numbers), warnings=[warning] if warning else [],
                      **extra)


def _from_document(doc: texinfo.Converted, warning: str | None) -> ParsedFile:
    """A document a reader turned into markdown (Texinfo, man pages, Home Assistant YAML): its blocks cited at
    their source lines, its problems as warnings, dated as the reader found."""
    return ParsedFile(kind="markdown", blocks=_renumber(_parse_markdown(doc.md), doc.numbers),
                      warnings=[w for w in [warning, *doc.problems] if w], written=doc.written,
                      written_from=doc.days, nothing=doc.nothing)


def _dated_notes(md: list[str], numbers: list[int], days: list[tuple[int, str]], warning: str | None,
                 empty: str = "") -> ParsedFile:
    """An export of several notes converted to markdown: each line at its file line, each note
    dated by its own day (ParsedFile.written_from); `empty` says why when it holds none."""
    return ParsedFile(kind="markdown", blocks=_renumber(_parse_markdown(md), numbers), warnings=[warning] if warning else [],
                      written_from=days, nothing="" if md else empty)


def _renumber(blocks: list[Block], numbers: list[int]) -> list[Block]:
    """Blocks parsed from converted text: each line gets the file line it came from
    (`numbers[i]` for converted line i + 1)."""
    def at(n: int) -> int:
        return numbers[min(n, len(numbers)) - 1] if numbers and n >= 1 else n
    for b in blocks:
        b.lines = [(at(n), text) for n, text in b.lines]
        b.header = [(at(n), text) for n, text in b.header]
        if b.first_line:
            b.first_line = at(b.first_line)
    return blocks


def _on_line(blocks: list[Block], n: int) -> list[Block]:
    """Blocks read from text that is all on one line of the file (a one-line JSON export): each
    cites that line, the only one the user can open."""
    return _renumber(blocks, [n])


def _paragraphs(numbered: list[tuple[int, str]], kind: str) -> list[Block]:
    """Split numbered lines into blocks at blank lines (paragraphs, or functions in code)."""
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []
    for n, line in numbered:
        if line.strip():
            current.append((n, line))
        elif current:
            blocks.append(Block(kind, current))
            current = []
    if current:
        blocks.append(Block(kind, current))
    return blocks


_UNDERLINE = re.compile(r"^\s*([=\-~*_])\1{2,}\s*$")
_TITLED_RULE = re.compile(r"^\s*([=\-~*#_])\1{2,}\s*([^\W_][^=\-~*#_]*?)\s*\1{3,}\s*$")


def _plain_titles(blocks: list[Block]) -> list[Block]:
    """Titles of plain text, which has no markup for them: a short line underlined with "====" or
    "----" at the start of a paragraph (level 1 / 2; a rule under a row of an invoice is not a
    title), and a title inside a rule, "--- changes -------" (level 2). The text
    around a title stays its own block."""
    out: list[Block] = []
    for block in blocks:
        rest: list[tuple[int, str]] = []
        lines = block.lines
        k = 0
        while k < len(lines):
            num, line = lines[k]
            under = k + 1 < len(lines) and _UNDERLINE.match(lines[k + 1][1])
            titled = _TITLED_RULE.match(line)
            if under and k == 0 and not _UNDERLINE.match(line) and len(line.split()) <= 10:
                title, level, span = line.strip(), 1 if under.group(1) == "=" else 2, [(num, line), lines[k + 1]]
            elif titled:
                title, level, span = titled.group(2).strip(), 2, [(num, line)]
            else:
                rest.append((num, line))
                k += 1
                continue
            if rest:
                out.append(Block("text", rest))
                rest = []
            out.append(Block("heading", span, level=level, title=title))
            k += len(span)
        if rest:
            out.append(Block("text", rest))
    return out


_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# "|---|:--:|", and the "|----+----|" rule Emacs tables (orgtbl-mode) write in markdown files too.
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*([|+]\s*:?-{1,}:?\s*)*\|?\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")


_FRONT_KEY = re.compile(r"^([A-Za-z][\w -]{0,39}?)\s*:\s*(\S.*)$")
_LIST_KEY = re.compile(r"^([A-Za-z][\w -]{0,39}?)\s*:\s*$")
_LOGSEQ_PROPERTY = re.compile(r"^(\s*)(?:[-*]\s+)?([A-Za-z][\w-]{0,39}):: ?(.*)$")
# The app's own bookkeeping ("tags:: people, health", "collapsed:: true") says nothing about the page.
_VAULT_BOOKKEEPING = frozenset({"tags", "tag", "cssclass", "cssclasses", "collapsed", "id", "publish", "template",
                                "template-including-parent", "icon", "traitids",
                                # Notesnook's export: when the app saved the note and how it shows it
                                "created_at", "updated_at", "pinned", "favorite", "archived", "color", "readonly",
                                "localonly", "conflicted"})


# "updated: 1769000000000" (Dendron's epoch milliseconds): when the app saved the page, not a
# fact of the user's; left in, it answers "what's my policy number?".
_SAVED_AT = re.compile(r"(?i)(?:created|updated|modified|date[ _-]?(?:created|modified))")
_EPOCH = re.compile(r"\d{10}(?:\d{3})?")


# Front matter keys that say when a page was written or last changed (Hugo's `lastmod`, Jekyll's
# `date`, Dendron's `updated`, Obsidian templates' `modified`).
_PAGE_DATE_KEYS = {"lastmod", "last_modified", "last-modified", "modified", "updated", "date", "date_modified", "updated_at",
                   "edited_at", "modified_at", "pubdate", "updateddate", "publishdate"}  # (Astro's pubDate, updatedDate)


def front_matter_date(lines: list[str]) -> str:
    """The latest day a page's YAML front matter says it was written or changed; "" if none."""
    if not lines or lines[0].strip() != "---":
        return ""
    found = []
    for line in lines[1:60]:
        if line.strip() in ("---", "..."):
            break
        m = _FRONT_KEY.match(line)
        if not m or m.group(1).strip().lower() not in _PAGE_DATE_KEYS:
            continue
        value = m.group(2).strip().strip("'\"")
        iso = re.match(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", value)
        if iso:
            found.append(iso.group(0))
        elif _EPOCH.fullmatch(value):  # Dendron's milliseconds
            found.append(datetime.fromtimestamp(int(value[:10]), tz=timezone.utc).strftime("%Y-%m-%d"))
    return max(found, default="")


def vault_lines(lines: list[str]) -> list[str]:
    """Obsidian's YAML front matter and Logseq's `key:: value` properties as the "Key: value"
    bullets they mean, line for line (so line numbers stay): without this, "aliases: [Jess]",
    "tags: [people]" and "birthday: 9 January" run together into one sentence."""
    out = list(lines)
    if out and out[0].strip() == "---":
        end = next((i for i in range(1, min(len(out), 60)) if out[i].strip() in ("---", "...")), None)
        if end is not None and all(_FRONT_KEY.match(l) or _LIST_KEY.match(l) or not l.strip() or l.lstrip().startswith("- ")
                                   for l in out[1:end]):
            out[0] = out[end] = ""
            for i in range(1, end):
                if (k := _LIST_KEY.match(out[i])) is not None:
                    # A property whose value is a YAML list on the lines below ("aliases:\n  - Jess",
                    # Dendron's "traitIds:\n  - journalNote"): one "Key: a, b" bullet, or nothing for
                    # the app's bookkeeping.
                    items = []
                    j = i + 1
                    while j < end and out[j].lstrip().startswith("- "):
                        items.append(out[j].lstrip()[2:].strip().strip("'\""))
                        out[j] = ""
                        j += 1
                    key = k.group(1).strip()
                    out[i] = f"- {key}: {', '.join(items)}" if items and key.lower() not in _VAULT_BOOKKEEPING else ""
                    continue
                m = _FRONT_KEY.match(out[i])
                if m and (m.group(1).strip().lower() in _VAULT_BOOKKEEPING
                          or _SAVED_AT.fullmatch(m.group(1).strip()) and _EPOCH.fullmatch(m.group(2).strip())):
                    out[i] = ""
                elif m and m.group(1).strip().lower() == "title" and f"# {m.group(2).strip().strip(chr(34) + chr(39))}" in out[end + 1:end + 4]:
                    out[i] = ""  # Notesnook writes the title twice: in the front matter and as the page's heading
                elif m and m.group(2).strip() in ("[]", "''", '""'):
                    out[i] = ""  # an empty property ("desc: ''") would run into the line above
                elif m:
                    out[i] = f"- {m.group(1).strip()}: {m.group(2).strip().strip('[]')}"
    for i, line in enumerate(out):
        m = _LOGSEQ_PROPERTY.match(line)
        if m and m.group(2).lower() in _VAULT_BOOKKEEPING:
            out[i] = ""
        elif m and m.group(3).strip():
            out[i] = f"{m.group(1)}- {m.group(2)}: {m.group(3).strip()}"
    return out


def _parse_markdown(lines: list[str], header_rows: set[int] = frozenset()) -> list[Block]:
    """`header_rows`: 0-based indexes of table header rows written without a separator row under
    them (wikitext's `|!Name |!Phone |`)."""
    blocks: list[Block] = []
    para: list[tuple[int, str]] = []

    def flush() -> None:
        nonlocal para
        if para:
            blocks.append(Block("text", para))
            para = []

    i = 0
    n = len(lines)
    # YAML front matter is kept as an ordinary block: it often holds facts (tags, dates).
    while i < n:
        line = lines[i]
        num = i + 1
        fence = _FENCE.match(line)
        if fence:  # fenced code: nothing inside is a heading or a table
            flush()
            marker = fence.group(1)
            body = [(num, line)]
            i += 1
            while i < n:
                body.append((i + 1, lines[i]))
                if lines[i].strip().startswith(marker[0] * len(marker)):
                    i += 1
                    break
                i += 1
            blocks.append(Block("code", body))
            continue
        atx = _ATX.match(line)
        if atx:
            flush()
            blocks.append(Block("heading", [(num, line)], level=len(atx.group(1)), title=(atx.group(2) or "").strip()))
            i += 1
            continue
        setext = _SETEXT.match(line)
        if setext and len(para) == 1 and not _LIST_ITEM.match(para[0][1]) and not para[0][1].lstrip().startswith("|"):
            title_line = para.pop()
            blocks.append(
                Block("heading", [title_line, (num, line)], level=1 if setext.group(1)[0] == "=" else 2, title=title_line[1].strip())
            )
            i += 1
            continue
        if i in header_rows or ("|" in line and i + 1 < n and _TABLE_SEP.match(lines[i + 1]) and "-" in lines[i + 1]):
            flush()
            header = [(num, line)] if i in header_rows else [(num, line), (num + 1, lines[i + 1])]
            rows: list[tuple[int, str]] = []
            i += len(header)
            while i < n and lines[i].strip() and "|" in lines[i]:
                rows.append((i + 1, lines[i]))
                i += 1
            blocks.append(Block("table", header + rows, header=header))
            continue
        if line.strip():
            para.append((num, line))
        else:
            flush()
        i += 1
    flush()
    return blocks


def _parse_csv(text: str, delimiter: str | None) -> list[Block]:
    """Each row becomes a record block of "header: value" lines, so a fact in a table is
    retrievable by its column name (a bare "42" means nothing to an embedder)."""
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=delimiter or ",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if delimiter == "\t" else csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    physical = split_lines(text)
    rows: list[tuple[list[str], int, int]] = []  # (cells, first physical line, last physical line)
    previous_end = 0
    try:
        for row in reader:
            line_no = reader.line_num  # the physical line where this row ends
            if any(cell.strip() for cell in row):
                rows.append((row, previous_end + 1, line_no))
            previous_end = line_no
    except csv.Error as exc:
        raise NotText(f"malformed CSV ({exc})") from exc
    blocks: list[Block] = []
    start = _table_start(rows)
    # A bank's preamble ("mBank S.A. ...;", "#Klient;", "AGNIESZKA WRÓBEL;", the period): its
    # first line titles the table, the rest is one run of lines of text.
    preamble = [(line_no, " ".join(cell.strip().lstrip("#").strip() for cell in row if cell.strip()))
                for row, _, line_no in rows[:start]]
    if preamble:
        blocks.append(Block("heading", preamble[:1], level=1, title=preamble[0][1]))
    for line_no, words in preamble[1:]:
        if blocks[-1].kind == "text" and blocks[-1].lines[-1][0] == line_no - 1:
            blocks[-1].lines.append((line_no, words))  # (a blank line parts the preamble's runs)
        else:
            blocks.append(Block("text", [(line_no, words)]))
    headers: list[str] | None = None
    rest_from: int | None = None
    headerless = False
    for row, first, line_no in rows[start:]:
        if (headers is None and re.match(r"\s*#+\s", physical[first - 1])
                and sum(1 for cell in row if cell.strip()) == 1):
            # "# trabalhos 2026 - atualizado 31/08/2026" over the header row: a title, not the
            # header (which would leave every column of the table unnamed). A header whose
            # first column is "#" ("#,item,price") is still the header.
            title = " ".join(physical[first - 1 : line_no]).lstrip("# ").strip()
            blocks.append(Block("heading", [(first, physical[first - 1])], level=1, title=title))
            continue
        if headers is None:
            # (mBank marks its column names: "#Data operacji;#Opis operacji;...")
            headers = [re.sub(r"^#(?=\w)", "", h.strip()) or f"column {k + 1}" for k, h in enumerate(row)]
            if not _headerless(row):
                continue
            headerless = True
            # An export with no header row: its first row is data. Its last column is the
            # message, whose own commas the exporter did not quote (Viber): one cell again.
            last_typed = max(k for k, c in enumerate(row) if _cell_kind(c))
            rest_from = last_typed + 1 if last_typed + 1 < len(row) else None
            headers = _column_names(row[:last_typed + 1] + ([",".join(row[rest_from:])] if rest_from else []))
        if rest_from is not None and len(row) > rest_from + 1:
            row = row[:rest_from] + [",".join(row[rest_from:])]
        pairs = []
        for k, cell in enumerate(row):
            if cell.strip():
                name = headers[k] if k < len(headers) else f"column {k + 1}"
                pairs.append((name, cell.strip()))
        if pairs:
            blocks.append(
                Block(
                    "record",
                    [(line_no, "; ".join(f"{name}: {value}" for name, value in pairs))],
                    fields=pairs,
                    first_line=min(first, line_no),
                    source="\n".join(physical[first - 1 : line_no]),
                )
            )
    if headerless and "date" in (headers or []):
        blocks = _iso_dates(blocks)  # only the dates this parser named: a user's own column stays as written
    return _without_machine_ids(blocks)


def _table_start(rows: list[tuple[list[str], int, int]]) -> int:
    """The row that heads the table, where a bank export opens with lines of its own (mBank: its
    address, "#Klient;", the period, then "#Data operacji;#Opis operacji;..." over the
    operations): the row of three or more names that the longest run of rows as wide follows.
    0 where the first row is already as wide as a table's."""
    if not rows or sum(1 for c in rows[0][0] if c.strip()) > 2:
        return 0
    best, best_run = 0, 1
    for i in range(1, min(len(rows), 60)):
        cells = [c.strip() for c in rows[i][0] if c.strip()]
        if len(cells) < 3 or not all(re.search(r"[^\W\d_]", c) for c in cells) or _headerless(rows[i][0]):
            continue
        run = 0
        for row, _, _ in rows[i + 1:]:
            if len(row) != len(rows[i][0]) or sum(1 for c in row if c.strip()) < len(cells) - 1:
                break
            run += 1
        if run > best_run:
            best, best_run = i, run
    return best


def _iso_dates(blocks: list[Block]) -> list[Block]:
    """A headerless export's "date" column written ISO, when its days tell day from month (a
    Viber chat's "28/11/2026" is day-first): later lines then know which message is newer."""
    values = [v for b in blocks for k, v in b.fields if k == "date"]
    first = qif.day_first(values)
    if first is None:
        return blocks
    for b in blocks:
        b.fields = [(k, qif.iso_date(v, first) if k == "date" else v) for k, v in b.fields]
        b.lines = [(b.lines[0][0], "; ".join(f"{k}: {v}" for k, v in b.fields))]
    return blocks


_CELL_KINDS = (
    ("date", re.compile(r"\d{1,4}([/.-])\d{1,2}\1\d{2,4}\.?")),
    ("time", re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?")),
    ("phone", re.compile(r"\+\d[\d ()-]{7,}")),
)


def _cell_kind(cell: str) -> str | None:
    return next((name for name, pattern in _CELL_KINDS if pattern.fullmatch(cell.strip())), None)


def _headerless(row: list[str]) -> bool:
    """A first row that is data, not column names: it holds two or more dates, times or phone
    numbers (a Viber chat export: "02/10/2026,09:14:08,Μαμά,+306975550142,Καλημέρα...")."""
    return sum(_cell_kind(c) is not None for c in row) >= 2


def _column_names(row: list[str]) -> list[str]:
    """Names for the columns of a headerless export, from what its first row holds: a date, a
    time, a phone; the longest other cell is the text; the first short one a name."""
    names: list[str | None] = [_cell_kind(c) for c in row]
    free = [k for k, n in enumerate(names) if n is None and row[k].strip()]
    if free:
        text = max(free, key=lambda k: len(row[k]))
        names[text] = "text"
        short = [k for k in free if k != text and len(row[k].split()) <= 3]
        if short:
            names[short[0]] = "name"
    seen: set[str] = set()
    out = []
    for k, n in enumerate(names):
        out.append(n if n and n not in seen else f"column {k + 1}")
        seen.add(n or "")
    return out


# A program's own keys ("Transaction ID: cf06cd918c9ca0cd9b94a9d881a521c0", a uuid): nothing a
# person asks for, and a 32-character "code" beside every amount of a bank or ledger export.
_MACHINE_ID = re.compile(r"[0-9a-fA-F]{20,}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _without_machine_ids(blocks: list[Block]) -> list[Block]:
    """Rows without the columns whose every value is a machine id (two rows at least)."""
    if len(blocks) < 2:
        return blocks
    columns: dict[str, list[str]] = {}
    for b in blocks:
        for name, value in b.fields:
            columns.setdefault(name, []).append(value)
    drop = {name for name, values in columns.items() if all(_MACHINE_ID.fullmatch(v) for v in values)}
    if not drop:
        return blocks
    out = []
    for b in blocks:
        pairs = [(k, v) for k, v in b.fields if k not in drop]
        if not pairs:
            continue
        (line, _), = b.lines
        out.append(Block("record", [(line, "; ".join(f"{k}: {v}" for k, v in pairs))], fields=pairs,
                         first_line=b.first_line, source=b.source))
    return out


def _parse_pdf(data: bytes) -> ParsedFile:
    """PDF pages → lines; each page is a synthetic heading ("page N") so a hit can be found
    again in the document. Line numbers count extracted text lines through the whole file."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise NotText("encrypted PDF (decrypt it to index it)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except NotText:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise NotText(f"unreadable PDF ({exc.__class__.__name__}: {exc})") from exc
    blocks: list[Block] = []
    line_no = 0
    for page_no, page_text in enumerate(pages, 1):
        numbered = []
        for line in split_lines(page_text):
            line_no += 1
            numbered.append((line_no, line))
        if any(t.strip() for _, t in numbered):
            first = numbered[0][0]
            blocks.append(Block("heading", [(first, f"page {page_no}")], level=1, title=f"page {page_no}", synthetic=True))
            blocks.extend(_paragraphs(numbered, "text"))
    if not blocks:
        return ParsedFile(kind="pdf", blocks=[], warnings=["PDF has no extractable text (scanned images need OCR)"])
    return ParsedFile(kind="pdf", blocks=blocks)
