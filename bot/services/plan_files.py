"""A plan's file as text the plan reader understands: PDF, Word (.docx), LibreOffice (.odt), a web page
(.html), plain text and Markdown.

Every format is turned into the same markdown-ish text (`# ` headings by level, `• ` list items, blank
lines between paragraphs), so one reader (`plan.parse_plan`) finds the same goals in each. PDF pages are read
from their text layer with pdfplumber: two-column pages in reading order, larger fonts as headings. Word
files are read with python-docx: heading styles as headings, list paragraphs as items.

Whatever is wrong with a file is a `PlanFileError` whose `problem` says what, so the caller can say it in
the user's language.
"""

from __future__ import annotations

import io
import re
import statistics
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from bot.services.goals import TargetKind
from bot.services.plan import PlanParseError, parse_plan, parse_target
from bot.services.plan_text import CELL_ITEM

MAX_PLAN_BYTES = 10 * 1024 * 1024
PLAN_SUFFIXES = (".pdf", ".docx", ".odt", ".html", ".htm", ".txt", ".md")
# Files a board may send that are no plan's text the reader knows: the answer says what to send instead.
UNREAD_SUFFIXES = (
    *(".doc", ".rtf", ".pages"),
    *(".xls", ".xlsx", ".ods", ".pptx", ".ppt", ".odp"),
)
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".heic", ".gif", ".webp", ".tif", ".tiff", ".bmp")


class PlanFileError(PlanParseError):
    """A file the importer cannot read. `problem`: too_large, unsupported, encrypted, no_text, unreadable."""

    def __init__(self, problem: str, message: str, kind: str = "") -> None:
        super().__init__(message, problem)
        self.kind = kind  # an unsupported file's suffix (".doc"), so the answer can say what to send


@dataclass(frozen=True)
class PlanText:
    """A plan's file as plan text, and the pages of a PDF that hold no text to read (images of pages)."""

    text: str
    unread_pages: tuple[int, ...] = ()


def plan_text(name: str, data: bytes) -> str:
    """The plan in `data` (a file called `name`) as plan text; PlanFileError says what is wrong."""
    return read_plan_text(name, data).text


def read_plan_text(name: str, data: bytes) -> PlanText:
    """The plan in `data` as plan text, with what could not be read of it; PlanFileError says what is
    wrong with a file that cannot be read at all."""
    if len(data) > MAX_PLAN_BYTES:
        raise PlanFileError("too_large", f"the file is larger than {MAX_PLAN_BYTES // (1024 * 1024)} MB")
    suffix = PurePath(name).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return pdf_text(data)
    if suffix == ".odt" or (
        data.startswith(b"PK") and b"application/vnd.oasis.opendocument.text" in data[:100]
    ):
        return PlanText(odt_text(data))
    if suffix == ".docx" or (data.startswith(b"PK") and suffix not in (".txt", ".md")):
        return PlanText(docx_text(data))
    if suffix in UNREAD_SUFFIXES or data.startswith((b"{\\rtf", b"\xd0\xcf\x11\xe0")):
        raise PlanFileError("unsupported", f"{suffix} files cannot be read: save as PDF or .docx", suffix)
    if b"\x00" in data[:4096]:
        raise PlanFileError("unsupported", "this is not a text, PDF or .docx file", suffix)
    if suffix in (".html", ".htm") or re.match(rb"\s*(?:<!doctype html|<html)", data[:200], re.IGNORECASE):
        return PlanText(html_text(_decoded(data)))
    return PlanText(_unquoted(_decoded(data)))


_QUOTE = re.compile(r"^[ \t]*>[ \t]?")
# Where Outlook puts the earlier message under a reply (no ">"): a separator, or its header block.
_EARLIER = re.compile(
    r"^\s*-{2,}\s*(?:ursprungligt meddelande|original message|vidarebefordrat meddelande|forwarded message)"
    r"\s*-{2,}\s*$",
    re.IGNORECASE,
)
_SENDER = re.compile(r"^\s*(?:från|from)\s*:\s*\S", re.IGNORECASE)
_SENT = re.compile(r"^\s*(?:skickat|sent|datum|date)\s*:", re.IGNORECASE)
_SUBJECT = re.compile(r"^\s*(?:ämne|subject)\s*:", re.IGNORECASE)
_HEADER = re.compile(
    r"^\s*(?:från|from|skickat|sent|datum|date|till|to|kopia|cc|ämne|subject)\s*:", re.IGNORECASE
)


def _unquoted(text: str) -> str:
    """An e-mail's text without the earlier messages it quotes ("> …" lines, ">> …" older ones, or what
    Outlook sets under "-----Ursprungligt meddelande-----" or a "Från: … / Skickat: …" block): the plan is
    what the sender wrote, and a quoted draft's goals are the ones it replaced. Where the sender wrote no
    goals of their own ("Se nedan!" over the quoted plan), the earlier message is read, one level in."""
    lines = text.splitlines()
    earlier = _earlier_message(lines)
    if earlier is None and not any(_QUOTE.match(line) for line in lines):
        return text
    start, body = earlier if earlier is not None else (len(lines), len(lines))
    own = "\n".join(line for line in lines[:start] if not _QUOTE.match(line))
    try:
        if parse_plan(own).goals:
            return own
    except PlanParseError:
        pass
    inner = [_QUOTE.sub("", line, count=1) for line in lines[:start]] + lines[body:]
    return _unquoted("\n".join(inner))


def _earlier_message(lines: list[str]) -> tuple[int, int] | None:
    """Where an earlier message Outlook quotes under the reply starts, and where its text starts (after its
    header block); None when there is none (a message's own header at the top is no earlier message)."""
    for index, line in enumerate(lines):
        separator = _EARLIER.match(line) is not None
        block = lines[index + 1 : index + 6]
        # "Från: 1 januari / Till: 31 december" in a plan is no message: a message's block says when and what.
        sent, subject = any(map(_SENT.match, block)), any(map(_SUBJECT.match, block))
        header = bool(_SENDER.match(line)) and sent and subject
        if not (separator or header):
            continue
        if not any(x.strip() and not _QUOTE.match(x) and not _HEADER.match(x) for x in lines[:index]):
            continue
        body = index + 1
        while body < len(lines) and (_HEADER.match(lines[body]) or (separator and not lines[body].strip())):
            body += 1
        return index, body
    return None


def _decoded(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):  # plans exported from older Windows tools
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PlanFileError("unreadable", "the text is in an encoding the importer does not know")


# --- PDF -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class _Row:
    words: list[_Word]
    table: tuple[str, ...] = ()  # a ruled table's rows as plan lines (_table_lines); its one word marks where

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in sorted(self.words, key=lambda w: w.x0))

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


def pdf_text(data: bytes) -> PlanText:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    read: list[tuple[list[_Word], list[_Table], float, bool]] = []
    unread: list[int] = []  # pages that are only an image (a scanned page in a PDF of text)
    header: _Header | None = None
    last: tuple[list[float], list[list[str | None]]] | None = None  # the table that ended the page before
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                words = [_word(w) for w in page.extract_words(extra_attrs=["size", "fontname"])]
                if not any(re.search(r"[^\W\d_]{2}", w.text) for w in words) and (page.images or page.rects):
                    unread.append(page.page_number)
                tables: list[_Table] = []
                for table in page.find_tables():
                    edges = _column_edges(table)
                    cells, header = _continued(table.extract(), edges, header)
                    if not tables and last is not None:
                        _mend_broken_row(last, edges, cells)
                    tables.append((table.bbox, cells))
                    last = (edges, cells)
                last = last if tables else None
                slide = page.width > page.height  # a slide's PDF (PowerPoint, Canva): wider than tall
                read.append((words, tables, float(page.width), slide))
        # The pages' rows once all are read: a table row broken over a page is whole again (_mend_broken_row).
        pages = [
            _with_tables(words, tables or _unruled_tables(words), width, slide)
            for words, tables, width, slide in read
        ]
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise PlanFileError("encrypted", "the PDF is protected by a password") from error
    except PdfminerException as error:
        if isinstance(error.args[0] if error.args else None, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise PlanFileError("encrypted", "the PDF is protected by a password") from error
        raise PlanFileError("unreadable", "the PDF is damaged or not a PDF") from error
    except Exception as error:  # pdfminer raises many kinds of errors on damaged files
        raise PlanFileError("unreadable", "the PDF is damaged or not a PDF") from error
    rows = [row for page in pages for row in page]
    if not any(re.search(r"[^\W\d_]{2}", row.text) or row.table for row in rows):
        raise PlanFileError("no_text", "the PDF has no text layer (a scanned image?)")
    return PlanText("\n".join(_pdf_lines(pages)), tuple(unread))


# A table of goals' header row and where its columns start: a table that goes on over the next page.
_Header = tuple[list[float], list[str | None]]


def _column_edges(table: Any) -> list[float]:
    return [cell[0] for cell in table.rows[0].cells if cell is not None] if table.rows else []


def _continued(
    cells: list[list[str | None]], edges: list[float], header: _Header | None
) -> tuple[list[list[str | None]], _Header | None]:
    """A table with its header row: a table whose first row names its columns is one of goals, and a table
    with the same columns on the next page, without a header of its own (Word repeats it only when told
    to), goes on with it. Returns the cells and the header for the tables after."""
    from bot.services.plan_text import columns

    if cells and columns([cell or "" for cell in cells[0]]) is not None:
        return cells, (edges, cells[0])
    if header is not None and len(edges) == len(header[0]) and cells:
        if all(abs(mine - theirs) <= 2 for mine, theirs in zip(edges, header[0], strict=True)):
            return [header[1], *cells], header
    return cells, None


# A table found on a page: where it stands (x0, top, x1, bottom), and its cells row by row.
_Table = tuple[tuple[float, float, float, float], list[list[str | None]]]


def _mend_broken_row(
    before: tuple[list[float], list[list[str | None]]], edges: list[float], cells: list[list[str | None]]
) -> None:
    """A table row that Word or LibreOffice broke over a page ("Värva 25 nya" at a page's foot, "medlemmar"
    under the header repeated on the next): the first row on the next page, in the same columns, whose every
    cell with words goes on in lower case or after a word that needs more ("på"), is the rest of the row
    before the break, and is moved there."""
    from bot.services.plan_text import GOES_ON

    last_edges, last_cells = before
    if len(edges) != len(last_edges) or any(abs(a - b) > 2 for a, b in zip(edges, last_edges, strict=True)):
        return
    first = 1 if cells and last_cells and cells[0] == last_cells[0] else 0  # the header repeated, or not
    if len(cells) <= first or len(last_cells) <= first:
        return
    rest = [(cell or "").strip() for cell in cells[first]]
    row = last_cells[-1]
    ends = [((cell or "").split() or [""])[-1].lower() for cell in row]

    def goes_on(column: int, words: str) -> bool:
        # "på" / "Instagram från 450 till 700": after a word that needs more, a capital goes on too.
        return words[:1].islower() or (column < len(ends) and ends[column] in GOES_ON)

    if not any(rest) or not all(goes_on(column, words) for column, words in enumerate(rest) if words):
        return
    for column, words in enumerate(rest):
        if words and column < len(row):
            row[column] = f"{row[column] or ''}\n{words}".strip()
    del cells[first]


def _unruled_tables(words: list[_Word]) -> list[_Table]:
    """Tables of goals printed without rules (a Word table without borders): a row whose cells, set apart
    by wide gaps, name a goal table's columns ("Mål  Ansvarig  När  Mått"), and the rows under it whose
    words keep to those columns. A table's row starts where its first column starts a new text (a capital);
    a cell's wrapped lines go on in lower case. The table ends at a wide gap, a larger type or a line that
    runs across a column's start."""
    from bot.services.plan_text import GOES_ON, column_name, columns, listing_columns

    rows = _rows([w for w in words if w.text.strip()])
    found: list[_Table] = []
    index = 0
    while index < len(rows):
        header = rows[index]
        index += 1
        size = max(w.size for w in header.words)
        names = [" ".join(w.text for w in cell) for cell in _gapped(header.words, size)]
        found_columns = columns(names) if len(names) >= 2 and all(map(column_name, names)) else None
        if found_columns is None and not listing_columns(names):
            continue
        goal = found_columns.goal if found_columns else 0  # a list of branches: their names first
        starts = [cell[0].x0 for cell in _gapped(header.words, size)]
        table: list[list[list[str]]] = []
        bottom = header.bottom
        while index < len(rows):
            line = rows[index]
            if (
                line.top - bottom > size * 2.2
                or max(w.size for w in line.words) > size + 0.5
                or any(w.x0 < start - 1 < w.x1 for w in line.words for start in starts[1:])
            ):
                break
            placed: list[list[str]] = [[] for _ in starts]
            for word in line.words:
                column = max([0, *(i for i, start in enumerate(starts) if start <= word.x0 + 1)])
                placed[column].append(word.text)
            # "Dörrknackning i" / "Teleborg": a first cell that ended on a word that needs more goes on.
            goes_on = bool(table and table[-1][0]) and table[-1][0][-1].rsplit(" ", 1)[-1].lower() in GOES_ON
            alone = not any(placed[1:])
            new_text = placed[0] and (placed[0][0][:1].isupper() or placed[0][0][:1].isdigit())
            # "Styrelsen" merged down over two rows (Ansvarig | Aktivitet | …): the next row's first cell is
            # empty, its goal starts anew and other cells go with it; whom it names is the row's above.
            merged = (
                found_columns is not None
                and not placed[0]
                and goal not in (0, found_columns.area)
                and placed[goal]
                and placed[goal][0][:1].isupper()
                and any(put for i, put in enumerate(placed) if i != goal)
            )
            if not table or (new_text and not (alone and goes_on)) or merged:
                table.append([[] for _ in starts])
                if merged and found_columns is not None and found_columns.who == 0:
                    # A leading column left empty is a cell merged down, not a goal without anyone.
                    table[-1][0] = list(table[-2][0])
            for cell, put in zip(table[-1], placed, strict=True):
                cell.extend([" ".join(put)] if put else [])
            bottom = line.bottom
            index += 1
        if table:
            box = (min(w.x0 for w in header.words) - 1, header.top - 1, max(w.x1 for w in words), bottom + 1)
            cells: list[list[str | None]] = [list(names)]
            cells += [["\n".join(cell) for cell in row] for row in table]
            found.append((box, cells))
    return found


def _gapped(words: list[_Word], size: float) -> list[list[_Word]]:
    """A row's words in groups set apart by gaps wider than a few spaces: a table's cells."""
    groups: list[list[_Word]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if groups and word.x0 - groups[-1][-1].x1 < size * 0.8:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _with_tables(
    words: list[_Word],
    tables: list[_Table],
    width: float,
    slide: bool = False,
) -> list[_Row]:
    """A page's rows with its ruled tables (Word's tables printed to PDF) read row by row, as a Word file's
    tables are, each where it stands on the page. A two-column page is read by its columns alone (the
    strips between a wide table's columns are no gutter: the text around the table decides)."""

    def inside(word: _Word, box: tuple[float, float, float, float]) -> bool:
        x0, top, x1, bottom = box
        return x0 <= (word.x0 + word.x1) / 2 <= x1 and top <= (word.top + word.bottom) / 2 <= bottom

    outside = [w for w in words if not any(inside(w, box) for box, _ in tables)]
    if not tables or _gutter(outside, width, slide) is not None:
        return _page_rows(words, width, slide)
    blocks = [
        _Row([_Word("", box[0], box[2], box[1], box[3], 0.0, False)], tuple(_table_lines(_cells(cells))))
        for box, cells in tables
    ]
    return sorted(_page_rows(outside, width, slide) + blocks, key=lambda row: row.top)


def _cells(rows: list[list[str | None]]) -> list[list[str]]:
    """A PDF table's cells as text: the cell's lines joined, words hyphenated or broken across lines
    ("Medlemsansvari" / "g", "Studieorganisatö" / "ren" in a narrow column) mended. A row of one cell
    spanning the table (the others None, not empty) is a row merged across it: its text in every cell."""
    from bot.services.plan_text import GOES_ON

    result = []
    for row in rows:
        if len(row) > 1 and row[0] and all(cell is None for cell in row[1:]):
            result.append([" ".join(row[0].split())] * len(row))
            continue
        cells = []
        for cell in row:
            lines = (cell or "").splitlines()
            mended: list[str] = []
            for line in lines:
                word = line.strip()
                broken = (
                    mended
                    and (
                        mended[-1].endswith("\u2013")  # "Augusti–" / "september"
                        or (re.fullmatch(r"[a-zåäö]{1,2}[.,]?", word) and mended[-1][-1:].isalpha())
                        # One word broken in two: a short lower-case rest that is no word of its own.
                        or (
                            re.fullmatch(r"[a-zåäö]{3,4}[.,]?", word) is not None
                            and word.rstrip(".,") not in GOES_ON
                            and re.fullmatch(r"[^\W\d_]{6,}", mended[-1].strip()) is not None
                        )
                    )
                )
                if broken:
                    mended[-1] += line.strip()
                else:
                    mended.append(line)
            cells.append(_listed(mended))
        result.append(cells)
    return result


_CELL_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·■➢►\ue000-\uf8ff–-]|[0-9]{1,2}[.)])\s+")


def _listed(lines: list[str]) -> str:
    """A PDF cell's lines as text: a list's items in it (bullets) each marked (CELL_ITEM), with the lines
    they wrap onto."""
    from bot.services.plan_text import join_lines

    parts: list[list[str]] = [[]]
    for line in lines:
        bullet = _CELL_BULLET.match(line)
        if bullet is not None:
            parts.append([CELL_ITEM, line[bullet.end() :]])
        else:
            parts[-1].append(line)
    return "".join(
        (CELL_ITEM + join_lines(part[1:]) if part and part[0] == CELL_ITEM else join_lines(part))
        for part in parts
    )


def _word(raw: dict[str, Any]) -> _Word:
    font = str(raw.get("fontname", ""))
    return _Word(
        str(raw["text"]),
        float(raw["x0"]),
        float(raw["x1"]),
        float(raw["top"]),
        float(raw["bottom"]),
        round(float(raw.get("size", 0.0)), 1),
        bool(re.search(r"bold|black|heavy|semibold", font, re.IGNORECASE)),
    )


def _rows(words: list[_Word]) -> list[_Row]:
    """Words on the same baseline as one row, top to bottom. Words of one line may differ in size; a slide's
    big "03" beside a bullet in body type only happens to stand as high: its baseline is far lower."""
    rows: list[_Row] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if (
            rows
            and abs(rows[-1].top - word.top) <= max(2.0, word.size * 0.3)
            and any(
                abs(_baseline(w) - _baseline(word)) <= max(2.0, min(w.size, word.size) * 0.3)
                for w in rows[-1].words
            )
        ):
            rows[-1].words.append(word)
        else:
            rows.append(_Row([word]))
    return rows


def _baseline(word: _Word) -> float:
    """About where the letters stand: a word's box reaches a fifth of its size below the baseline."""
    return word.bottom - word.size * 0.2


def _gutter(words: list[_Word], width: float, slide: bool = False) -> float | None:
    """The x of the empty strip between two columns, if the page has two: hardly a row crosses it (a
    title, a running header or footer may) and both sides hold a fair share of the page's text (the last
    page's right column may be short). A slide holds few words: its title on the left, its points on the
    right."""
    fewest = 4 if slide else 8
    if len(words) < fewest * 2.5:
        return None
    rows = _rows(words)
    best: tuple[int, float] | None = None
    x = width * 0.35
    while x <= width * 0.65:
        crossing = sum(1 for row in rows if any(w.x0 < x < w.x1 for w in row.words))
        left = sum(1 for w in words if w.x1 <= x)
        right = sum(1 for w in words if w.x0 >= x)
        if crossing <= max(3, len(rows) * 0.1) and min(left, right) >= max(fewest, len(words) * 0.1):
            # The middle of the widest free strip is the gutter.
            if best is None or crossing < best[0]:
                best = (crossing, x)
        x += 2.0
    if best is None:
        return None
    x = best[1]
    # The strip's edges, from the running text that keeps to its column (a title in larger type, a centred
    # page number, a running header or footer in smaller type may stand in the strip).
    body = Counter(w.size for w in words).most_common(1)[0][0]
    kept = [
        w
        for row in rows
        if len(row.words) >= 3
        and not _PAGE_NUMBER.match(row.text.strip())
        and not any(w.x0 < x < w.x1 for w in row.words)
        for w in row.words
        if abs(w.size - body) < 0.5
    ]
    lo, hi = x, x
    while lo > width * 0.3 and not any(w.x0 < lo - 1 < w.x1 for w in kept):
        lo -= 1
    while hi < width * 0.7 and not any(w.x0 < hi + 1 < w.x1 for w in kept):
        hi += 1
    return (lo + hi) / 2 if hi - lo >= 8 else None


def _page_rows(words: list[_Word], width: float, slide: bool = False) -> list[_Row]:
    """A page's rows in reading order: on a two-column page each run of rows that stays within its column
    is read left column first, then right; rows that span the page (a title) stay where they are."""
    words = [w for w in words if w.text.strip()]
    gutter = _gutter(words, width, slide)
    if gutter is None:
        return _rows(words)
    rows = _rows(words)
    result: list[_Row] = []
    run: list[_Row] = []

    def flush() -> None:
        lefts = [w for row in run for w in row.words if w.x1 <= gutter]
        rights = [w for row in run for w in row.words if w.x1 > gutter]
        result.extend(_rows(lefts))
        result.extend(_rows(rights))
        run.clear()

    for row in rows:
        if any(w.x0 < gutter < w.x1 for w in row.words) or _PAGE_NUMBER.match(row.text.strip()):
            flush()
            result.append(row)
        else:
            run.append(row)
    flush()
    return result


_PAGE_NUMBER = re.compile(
    r"^(?:(?:sida|page|s\.)\s*)?[0-9]{1,3}(?:\s*(?:av|/|of)\s*[0-9]{1,3})?$", re.IGNORECASE
)


def _running_lines(pages: list[list[_Row]]) -> set[str]:
    """A running header or footer: the same top or bottom line on several pages, its page number aside
    ("Verksamhetsplan 2027 | Vänsterpartiet Norrköping 5", as a slide's foot has it)."""
    ends: Counter[str] = Counter(text for page in pages for text in {_unpaged(row) for row in _ends(page)})
    return {text for text, count in ends.items() if count >= 2 and len(pages) >= 2}


def _unpaged(row: _Row) -> str:
    """The row's text without a page number set well apart from it at its end ("Mål 2" keeps its 2)."""
    words = sorted(row.words, key=lambda w: w.x0)
    if (
        len(words) > 1
        and re.fullmatch(r"[0-9]{1,3}", words[-1].text)
        and (words[-1].x0 - words[-2].x1 > words[-1].size * 2)
    ):
        words = words[:-1]
    return " ".join(w.text for w in words).strip()


def _ends(page: list[_Row]) -> list[_Row]:
    """A page's top and bottom rows by where they stand (on a two-column page a short footer is read with
    the left column, not last), page numbers aside."""
    rows = sorted(
        (row for row in page if row.text.strip() and not _PAGE_NUMBER.match(row.text.strip())),
        key=lambda row: row.top,
    )
    return rows[:1] + rows[-1:]


def _pdf_lines(pages: list[list[_Row]]) -> Iterator[str]:
    """Plan text from the rows: larger or bold short rows as headings, gaps as blank lines, a bullet set
    further in than the page's text indented (a sub-item, as Word's second list level prints)."""
    from bot.services.plan_text import starts_with_bullet

    sizes: Counter[float] = Counter()
    for page in pages:
        for row in page:
            for word in row.words:
                sizes[word.size] += len(word.text)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    larger = sorted({s for s in sizes if s >= body + 1.0}, reverse=True)
    running = _running_lines(pages)
    last = ""  # the text row before, across columns and pages
    for page in pages:
        # Only where it stands as a header or footer: a title may wrap onto a line of the same words.
        ends = [row for row in _ends(page) if _unpaged(row) in running]
        page = [row for row in page if all(row is not end for end in ends)]
        gaps = [b.top - a.bottom for a, b in zip(page, page[1:], strict=False) if b.top > a.bottom]
        usual = statistics.median(gaps) if gaps else 0.0
        previous: _Row | None = None
        left = min((min(w.x0 for w in row.words) for row in page if not row.table), default=0.0)
        heading: list[str] = []  # a heading's rows: one heading may wrap over several
        level = 0  # its level: 1, 2, ... by size; BOLD for a heading in bold body type
        for row in page:
            if row.table:
                if heading:
                    yield from _heading(heading, level)
                    heading = []
                yield ""
                yield from row.table
                previous, last = row, ""
                continue
            text = row.text.strip()
            if _PAGE_NUMBER.match(text):
                continue
            gap = row.top - previous.bottom if previous is not None else 0.0
            new_block = previous is not None and (gap > max(usual * 1.6, usual + 3) or row.top < previous.top)
            short = len(text.split()) <= 14 and not text.endswith((".", ",", ";"))
            row_level = 0
            if row.size in larger and short:
                row_level = larger.index(row.size) + 1
            elif row.bold and short and row.size >= body and re.search(r"[^\W\d_]{3}", text):
                row_level = _BOLD
            if heading and (row_level != level or new_block):
                yield from _heading(heading, level)
                heading = []
            if row_level:
                heading.append(text)
                level = row_level
            else:
                # A new paragraph, or the top of the next column or page; but a sentence that goes on
                # in lower case there is the same item or paragraph ("… besökas av" / "distriktsstyrelsen").
                if (new_block or previous is None) and not _goes_on(last, text):
                    yield ""
                if starts_with_bullet(text):
                    x0 = min(w.x0 for w in row.words)
                    text = " " * int((x0 - left) / max(row.size * 0.5, 1.0)) + text
                yield text
                last = text
            previous = row
        if heading:
            yield from _heading(heading, level)
            last = ""


_BOLD = -1


def _goes_on(before: str, text: str) -> bool:
    """Whether `text` carries on the sentence of the row `before` it: that row ended without a full stop,
    and `text` begins in lower case or the row ended with a word that needs more ("i samarbete med")."""
    from bot.services.plan_text import GOES_ON

    if not before or before.endswith((".", "!", "?", ":", ";")):
        return False
    return text[:1].islower() or before.rsplit(" ", 1)[-1].lower() in GOES_ON


def _heading(rows: list[str], level: int) -> Iterator[str]:
    text = " ".join(rows)
    yield f"**{text}**" if level == _BOLD else "#" * min(level, 6) + " " + text
    yield ""


# --- Word ------------------------------------------------------------------------------------------------


_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(?:title|rubrik|titel)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list|liststycke|punkt|numrer", re.IGNORECASE)


def docx_text(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE file: an encrypted .docx or an old .doc
            raise PlanFileError(
                "encrypted", "the Word file is protected by a password, or an old .doc"
            ) from error
        raise PlanFileError("unreadable", "the Word file is damaged or not a .docx file") from error
    except Exception as error:  # lxml and zipfile raise their own errors on damaged files
        raise PlanFileError("unreadable", "the Word file is damaged or not a .docx file") from error
    return "\n".join(_docx_lines(document))


def _docx_lines(document: Any) -> Iterator[str]:
    numbering = _Numbering(document)
    yield from _block_lines(document.element.body, document, numbering)


def _block_lines(parent: Any, document: Any, numbering: _Numbering) -> Iterator[str]:
    """The paragraphs and tables of the body, also those in a content control (a cover page, a template's
    title)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in parent.iterchildren():
        if child.tag == f"{_W}p":
            yield from _paragraph_lines(Paragraph(child, document), numbering)
        elif child.tag == f"{_W}tbl":
            table = Table(child, document)
            rows = [[_cell_text(cell, document, numbering) for cell in row.cells] for row in table.rows]
            yield from _table_lines(rows)
        elif child.tag == f"{_W}sdt":
            for content in child.iterchildren(f"{_W}sdtContent"):
                yield from _block_lines(content, document, numbering)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(p: Any) -> str:
    """A paragraph's text as Word shows it: its runs also where they sit in a tracked insertion, a content
    control, a field or a hyperlink; deleted text and text boxes left out."""
    parts = []
    for element in p.xpath(
        ".//w:r[not(ancestor::w:txbxContent) and not(ancestor::w:moveFrom)]"
        "/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen]"
    ):
        if element.tag == f"{_W}t":
            parts.append(element.text or "")
        else:
            parts.append("-" if element.tag == f"{_W}noBreakHyphen" else " ")
    return "".join(parts)


def _cell_text(cell: Any, document: Any, numbering: _Numbering) -> str:
    """A table cell's paragraphs, those of a list each marked as an item (a cell listing several goals)."""
    from docx.text.paragraph import Paragraph

    parts = []
    for p in cell._tc.iter(f"{_W}p"):
        style = Paragraph(p, document).style
        text = _paragraph_text(p)
        typed = _TYPED_ITEM.match(text)  # "- Värva …", "1. Skicka …" typed as a list
        listed = numbering.label(p) is not None or _LIST_STYLE.search(style.name if style else "") or typed
        parts.append((CELL_ITEM if listed else "\n") + (text[typed.end() :] if typed else text))
    return "".join(parts)


_TYPED_ITEM = re.compile(r"^\s*(?:[-–•*]|[0-9]{1,2}[.)])\s+(?=\S)")


class _Numbering:
    """Word's list numbers, which Word draws and a paragraph's text does not hold: each numbered paragraph's
    label ("1.", "1.2", "a)", "Mål 3:") from the document's numbering definitions (numbering.xml), given by
    the paragraph's numPr or its style's, counted as Word counts them (a list's levels restart under a
    higher one; lists of one definition go on counting unless one says where to start)."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[
            str, dict[int, tuple[str, str, int]]
        ] = {}  # abstractNumId -> ilvl -> fmt, text, start
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> abstractNumId, restarts by level
        self.styles: dict[
            str, tuple[str | None, int | None, str | None]
        ] = {}  # styleId -> numId, ilvl, basedOn
        self.counts: dict[str, dict[int, int]] = {}
        self.begun: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            root = None
        for abstract in root.iterchildren(f"{_W}abstractNum") if root is not None else ():
            self.levels[abstract.get(f"{_W}abstractNumId")] = {
                _int(level.get(f"{_W}ilvl"), 0): (
                    _val(level, "numFmt") or "decimal",
                    _val(level, "lvlText") or "",
                    _int(_val(level, "start"), 1),
                )
                for level in abstract.iterchildren(f"{_W}lvl")
            }
        for num in root.iterchildren(f"{_W}num") if root is not None else ():
            restarts = {
                _int(override.get(f"{_W}ilvl"), 0): _int(_val(override, "startOverride"), 1)
                for override in num.iterchildren(f"{_W}lvlOverride")
                if _val(override, "startOverride") is not None
            }
            self.nums[num.get(f"{_W}numId")] = (_val(num, "abstractNumId") or "", restarts)
        for style in document.styles.element.iterchildren(f"{_W}style"):
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            self.styles[style.get(f"{_W}styleId")] = (
                _val(num_pr, "numId") if num_pr is not None else None,
                _int(_val(num_pr, "ilvl"), 0) if num_pr is not None else None,
                _val(style, "basedOn"),
            )

    def _of_style(self, style: str | None) -> tuple[str | None, int]:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            num, level, based_on = self.styles.get(style, (None, None, None))
            if num is not None:
                return num, level or 0
            style = based_on
        return None, 0

    def depth(self, p: Any) -> int:
        """How deep in its list the paragraph is: 0 for a list's own items, 1 for their sub-items."""
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        _, level = self._of_style(_val(p.find(f"{_W}pPr"), "pStyle"))
        return _int(_val(num_pr, "ilvl"), level) if num_pr is not None else level

    def label(self, p: Any) -> str | None:
        """The paragraph's list label: None when it is in no list, "" for a bullet, else its number."""
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        num, level = self._of_style(_val(p.find(f"{_W}pPr"), "pStyle"))
        if num_pr is not None:
            num = _val(num_pr, "numId") or num
            level = _int(_val(num_pr, "ilvl"), level)
        if num is None or num == "0" or num not in self.nums:
            return None
        abstract, restarts = self.nums[num]
        levels = self.levels.get(abstract, {})
        counts = self.counts.setdefault(abstract, {})
        if num not in self.begun:
            self.begun.add(num)
            for restarted, start in restarts.items():
                counts[restarted] = start - 1
        fmt, text, start = levels.get(level, ("bullet", "", 1))
        counts[level] = counts.get(level, start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        if fmt == "bullet":
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            at_fmt, _, at_start = levels.get(at, ("decimal", "", 1))
            return _formatted(counts.get(at, at_start), at_fmt)

        return " ".join(re.sub(r"%([1-9])", number, text).split())


def _val(element: Any, child: str) -> str | None:
    """The w:val of `element`'s child `child`, if both are there."""
    if element is None:
        return None
    found = element.find(f"{_W}{child}")
    return found.get(f"{_W}val") if found is not None else None


def _int(value: str | None, default: int) -> int:
    """A number in the document's XML; a damaged one is the default (the text is still read)."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _formatted(count: int, fmt: str) -> str:
    """A list's counter as Word draws it in the level's number format."""
    if count < 1 or fmt == "none":
        return "" if fmt == "none" else str(count)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (count - 1) % 26) * ((count - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        for value, numeral in zip(
            (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
            "m cm d cd c xc l xl x ix v iv i".split(),
            strict=True,
        ):
            while count >= value:
                roman, count = roman + numeral, count - value
        return roman.upper() if fmt == "upperRoman" else roman
    return f"{count:02}" if fmt == "decimalZero" else str(count)


_FIGURE = re.compile(r"^[-−–]?\s*[0-9][0-9 .,]*\s*(?:kr|kronor|sek|tkr|%|:-)?$", re.IGNORECASE)


def _table_lines(rows: list[list[str]]) -> Iterator[str]:
    """A table of goals as list items. With a header row that names its columns (goal | ansvarig | mål |
    tidsplan, see plan_text.columns) each row is one goal: its text, then its target and when, and who is
    responsible on the line after ("Ansvarig: ..."), as a plan written in prose says them; an area column
    heads its rows. Without one, the first cell of each row is the goal (a first row of short cells is
    taken for a header)."""
    from bot.services.plan_text import table_goals

    rows = [[_one_line(cell) for cell in row] for row in rows]
    rows = [row for row in rows if any(row)]
    if not rows or all(_FIGURE.match(cell) for row in rows[1:] for cell in row[1:] if cell):
        return  # a budget or other table of figures: no goals in it
    # A caption merged across the table's first row ("Mål och aktiviteter 2027") heads it, over the header.
    captions = 0
    while captions < len(rows) - 1 and len(rows[captions]) > 1 and len(set(rows[captions]) - {""}) == 1:
        captions += 1
    goals = table_goals(rows[captions:])
    if goals is not None:
        for caption in rows[:captions]:
            yield from ("", f"**{next(cell for cell in caption if cell)}**", "")
        yield from goals
        return
    if all(len(cell.split()) <= 2 for cell in rows[0]):
        rows = rows[1:]
    for row in rows:
        cells = [cell for cell in row if cell]
        if cells:
            # Without a header, a later cell that reads as a target ("4 per år") is the goal's target.
            targets = [c for c in cells[1:] if parse_target(c).kind is not TargetKind.DONE]
            yield "• " + " \u2013 ".join([cells[0], *targets])
    yield ""


def _one_line(cell: str) -> str:
    """A table cell's text on one line, but for the items of a list in it (CELL_ITEM before each)."""
    items = cell.replace("\u00ad", "").split(CELL_ITEM)
    return CELL_ITEM.join(" ".join(item.split()) for item in items)


def _paragraph_lines(paragraph: Any, numbering: _Numbering) -> Iterator[str]:
    runs = [run for run in paragraph.runs if run.text.strip()]
    label = numbering.label(paragraph._p)
    yield from _styled_lines(
        _paragraph_text(paragraph._p),
        paragraph.style.name if paragraph.style is not None else "",
        listed=label is not None,
        bold=bool(runs) and all(run.bold for run in runs),
        label=label or "",
        depth=numbering.depth(paragraph._p) if label is not None else 0,
    )


def _styled_lines(
    text: str, style: str, *, listed: bool, bold: bool, label: str = "", depth: int = 0
) -> Iterator[str]:
    """A word processor's paragraph as plan lines: by its style a heading ("# ", by level) or a list item
    (with the number the word processor draws for it, so that its numbers tell chapters from goals as a
    text's do), a short paragraph all in bold a heading, any other a paragraph of its own."""
    text = " ".join(text.replace("\u00ad", "").split())
    if not text:
        yield ""
        return
    heading = _HEADING_STYLE.match(style)
    if heading or _TITLE_STYLE.match(style):
        level = int(heading.group(1)) if heading else 1
        # A title is level 1 and headings move one down, so "Heading 1" under a title is a section.
        yield ""
        yield "#" * min(level + (1 if heading else 0), 6) + " " + text
        yield ""
        return
    # A sub-item ("List Bullet 2", "List Number 2", a list's second level) is indented under its item, as in
    # Word, whose list it may not share: Word numbers "List Number 2" on its own ("1." under "1.").
    styled = re.search(r"\s([2-9])$", style)
    indent = "  " * max(depth, int(styled.group(1)) - 1 if styled else 0)
    if listed and label:
        yield f"{indent}{label} {text}"
        return
    if listed or _LIST_STYLE.search(style):
        yield f"{indent}• {text}"
        return
    if bold and len(text.split()) <= 14 and not text.endswith("."):
        yield ""
        yield f"**{text}**"
        yield ""
        return
    yield ""
    yield text


# --- OpenDocument (LibreOffice) ----------------------------------------------------------------------------

_ODF = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}


def _odf(name: str) -> str:
    prefix, _, local = name.partition(":")
    return f"{{{_ODF[prefix]}}}{local}"


def odt_text(data: bytes) -> str:
    """A LibreOffice Writer file (.odt) as plan text, read as a Word file is: its headings (by outline
    level, or the Title and Heading styles), lists, tables and paragraphs in bold."""
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if "encryption" in package.read("META-INF/manifest.xml").decode("utf-8", "replace"):
                raise PlanFileError("encrypted", "the OpenDocument file is protected by a password")
            content = ElementTree.fromstring(package.read("content.xml"))
            styles = (
                ElementTree.fromstring(package.read("styles.xml"))
                if "styles.xml" in package.namelist()
                else None
            )
    except PlanFileError:
        raise
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as error:
        raise PlanFileError("unreadable", "the OpenDocument file is damaged or not an .odt file") from error
    known: dict[str, tuple[str, bool]] = {}  # style name -> (the named style it is, bold)
    for root in (styles, content):
        for style in root.iter(_odf("style:style")) if root is not None else ():
            properties = style.find(_odf("style:text-properties"))
            bold = properties is not None and properties.get(_odf("fo:font-weight")) == "bold"
            name = style.get(_odf("style:name")) or ""
            known[name] = (style.get(_odf("style:parent-style-name")) or name, bold)
    body = content.find(f"{_odf('office:body')}/{_odf('office:text')}")
    return "\n".join(_odt_lines(body, known)) if body is not None else ""


def _odt_style(name: str, known: dict[str, tuple[str, bool]]) -> tuple[str, bool]:
    """The named style a paragraph's style comes from ("Heading 1", "List Bullet"), and whether it is bold."""
    parent, bold = known.get(name, (name, False))
    return parent.replace("_20_", " "), bold


def _odt_text(element: Any) -> str:
    """An element's words: spaces (text:s), tabs and line breaks as spaces, notes left out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in (_odf("text:note"), _odf("office:annotation")):
            parts.append(
                " " if child.tag in (_odf("text:s"), _odf("text:tab"), _odf("text:line-break")) else ""
            )
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_cell(cell: Any) -> str:
    """A table cell's text, the items of a list in it each marked (CELL_ITEM): a cell listing goals."""
    parts = []
    for child in cell:
        if child.tag == _odf("text:list"):
            for item in child.iter(_odf("text:list-item")):
                words = " ".join(_odt_text(p) for p in item if p.tag in (_odf("text:p"), _odf("text:h")))
                parts.append(CELL_ITEM + words)
        else:
            parts.append("\n" + _odt_text(child))
    return "".join(parts)


def _odt_lines(element: Any, known: dict[str, tuple[str, bool]], depth: int = 0) -> Iterator[str]:
    """The lines of LibreOffice's text; `depth` is how many lists deep the element stands."""
    for child in element:
        if child.tag == _odf("text:h"):
            level = child.get(_odf("text:outline-level")) or "1"
            yield from _styled_lines(_odt_text(child), f"Heading {level}", listed=False, bold=False)
        elif child.tag == _odf("text:p"):
            style, bold = _odt_style(child.get(_odf("text:style-name")) or "", known)
            spans = [span for span in child.iter(_odf("text:span")) if _odt_text(span).strip()]
            bold = bold or (
                bool(spans)
                and all(_odt_style(s.get(_odf("text:style-name")) or "", known)[1] for s in spans)
                and "".join(_odt_text(s) for s in spans).strip() == _odt_text(child).strip()
            )
            yield from _styled_lines(
                _odt_text(child), style, listed=depth > 0, bold=bold, depth=max(depth - 1, 0)
            )
        elif child.tag == _odf("table:table"):
            rows = [
                [_odt_cell(cell) for cell in row.iter(_odf("table:table-cell"))]
                for row in child.iter(_odf("table:table-row"))
            ]
            yield from _table_lines(rows)
        elif child.tag == _odf("text:list"):
            yield from _odt_lines(child, known, depth + 1)
        elif child.tag in (_odf("text:list-item"), _odf("text:list-header")):
            yield from _odt_lines(child, known, depth)
        elif child.tag in (_odf("text:section"), _odf("text:index-body")):
            yield from _odt_lines(child, known, depth)


# --- a web page (.html) ------------------------------------------------------------------------------------

_HTML_SKIPPED = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg"}
_HTML_BLOCKS = {"p", "div", "section", "article", "main", "br", "blockquote", "dd", "dt"}


def _span(value: str | None) -> int:
    """A cell's rowspan or colspan: 1 unless a small number is given."""
    return min(int(value), 50) if value and value.strip().isdigit() and int(value) > 0 else 1


def html_text(page: str) -> str:
    """A web page saved as a file (or a document exported as HTML) as plan text: h1-h6 as headings, list
    items, tables row by row (see _table_lines), paragraphs; navigation, header, footer and scripts left
    out."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.lines: list[str] = []
            self.words: list[str] = []
            self.prefix = ""
            self.skipping = 0
            self.rows: list[list[str]] | None = None
            self.cell: list[str] | None = None
            self.span = (1, 1)  # the open cell's rowspan and colspan
            self.held: dict[int, tuple[int, str]] = {}  # column -> (rows still to fill, text): a rowspan
            self.anchor: int | None = None  # where an in-page link's text starts
            self.note = False  # the block is a footnote or a comment (Google Docs, Word), not the plan
            self.lists: list[int] = []  # the open lists' levels

        def flush(self) -> None:
            text = " ".join("".join(self.words).split())
            self.words = []
            if self.note:
                text, self.note = "", False
            if text:  # an item goes on the list; a heading or paragraph after a blank line
                self.lines += [] if self.prefix.endswith("\u2022 ") else [""]
                self.lines.append(self.prefix + text)
            self.prefix = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in _HTML_SKIPPED:
                self.skipping += 1
            elif self.skipping:
                return
            elif tag == "a" and (dict(attrs).get("href") or "").startswith("#"):
                self.anchor = len(self.cell if self.cell is not None else self.words)
            elif tag == "table":
                self.flush()
                self.rows = []
            elif tag == "tr" and self.rows is not None:
                self.end_row()
                self.rows.append([])
            elif tag in ("td", "th") and self.rows is not None:
                self.cell = []
                given = dict(attrs)
                self.span = (_span(given.get("rowspan")), _span(given.get("colspan")))
            elif self.cell is not None:
                # A line break or paragraph within a cell parts its words; a list's item is marked.
                self.cell.append(CELL_ITEM if tag == "li" else " ")
            elif re.fullmatch(r"h[1-6]", tag):
                self.flush()
                self.prefix = "#" * int(tag[1]) + " "
            elif tag in ("ul", "ol"):
                # Google Docs writes a sub-list as a list of its own, its level in its class ("lst-kix_…-1").
                level = re.search(r"\blst-kix_\w+-([0-9])\b", dict(attrs).get("class") or "")
                self.lists.append(int(level.group(1)) if level else len(self.lists))
            elif tag == "li":
                self.flush()
                self.prefix = "  " * (self.lists[-1] if self.lists else 0) + "\u2022 "
            elif tag in _HTML_BLOCKS:
                self.flush()

        def handle_endtag(self, tag: str) -> None:
            if tag in _HTML_SKIPPED:
                self.skipping = max(0, self.skipping - 1)
            elif self.skipping:
                return
            elif tag == "a" and self.anchor is not None:
                # "[1]", "[a]": a mark that links to a note (left out), or back from the note it opens.
                words = self.cell if self.cell is not None else self.words
                if re.fullmatch(r"\s*\[?[0-9a-z]{1,3}\]?\s*", "".join(words[self.anchor :])):
                    self.note = self.note or not "".join(words[: self.anchor]).strip()
                    del words[self.anchor :]
                self.anchor = None
            elif tag in ("td", "th") and self.rows and self.cell is not None:
                self.fill_held()
                text = _one_line("".join(self.cell))
                rows, cols = self.span
                for _ in range(cols):  # a merged cell's text stands in every row and column it covers
                    if rows > 1:
                        self.held[len(self.rows[-1])] = (rows - 1, text)
                    self.rows[-1].append(text)
                self.cell = None
            elif tag == "tr" and self.rows:
                self.end_row()
            elif tag == "table" and self.rows is not None:
                self.end_row()
                self.lines += ["", *_table_lines([row for row in self.rows if row])]
                self.rows, self.cell, self.held = None, None, {}
            elif self.cell is None and tag in ("ul", "ol"):
                self.flush()
                if self.lists:
                    self.lists.pop()
            elif self.cell is None and (re.fullmatch(r"h[1-6]", tag) or tag == "li" or tag in _HTML_BLOCKS):
                self.flush()

        def fill_held(self) -> None:
            """The cells of earlier rows' rowspans that stand where this row has come to."""
            row = self.rows[-1] if self.rows else None
            while row is not None and len(row) in self.held:
                left, text = self.held.pop(len(row))
                if left > 1:
                    self.held[len(row)] = (left - 1, text)
                row.append(text)

        def end_row(self) -> None:
            if self.rows and self.rows[-1]:
                self.fill_held()

        def handle_data(self, data: str) -> None:
            if self.skipping:
                return
            (self.cell if self.cell is not None else self.words).append(data)

    reader = Reader()
    reader.feed(page)
    reader.close()
    reader.flush()
    return "\n".join(reader.lines)
