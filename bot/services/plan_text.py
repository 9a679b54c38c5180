"""Turning a plan's extracted text back into readable lines: the layout half of the plan importer.

Plans reach us as text pulled out of PDFs, so the words come with line numbers (sometimes glued to the
first word), words hyphenated across lines, markdown-ish or upper-case headings, and now and then two
columns printed side by side on one line; or as text copied from a web page or written by hand, with
numbered headings ("3.2 Kampanjer"), headings without marks, and lists numbered or lettered.
`layout` undoes all of that and hands `plan.py` a flat list of classified lines in reading order;
`join_lines`, `sentences` and `present_heading` tidy the text.
Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum


class LineKind(StrEnum):
    BLANK = "blank"
    HEADING = "heading"
    BULLET = "bullet"  # starts a list item
    EMPTY_BULLET = "empty_bullet"  # a list marker with no words ("- 42"): ends the item before it
    CONTINUATION = "continuation"  # "- NN text" without a bullet sign: more of the item above
    PROSE = "prose"


class HeadingStyle(StrEnum):
    MARKDOWN = "markdown"  # "## 22 Organisering och mobilisering"
    BOLD = "bold"  # "**Internationella kvinnodagen**"
    CAPS = "caps"  # "17 OPPOSITIONSROLLEN"
    NUMBERED = "numbered"  # "3.2 Kampanjer", "1. Organisation"
    PLAIN = "plain"  # a short line set apart by blank lines


@dataclass(frozen=True)
class Line:
    kind: LineKind
    text: str = ""
    style: HeadingStyle | None = None  # headings only
    level: int = 0  # markdown headings: the number of '#'; numbered headings: the number's depth
    number: str | None = None  # a goal the plan numbers with a label ("Mål 3:"): its number
    goal: bool = False  # an item the plan labels a goal field by field ("Mål: … / Ansvar: … / Tidplan: …")
    activity: bool = False  # a sub-item of a numbered goal: how it will be reached, not a goal of its own
    depth: int = 0  # list items: 1 for a sub-item, indented under the item before it


# A printed line number only ever moves forward, by a little: page breaks and blank lines skip a few.
NUMBER_WINDOW = 5
# Longer digit runs than this are content (or noise), never a line number; also keeps int() cheap.
_MAX_NUMBER_DIGITS = 6

_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"),
    " ",
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
# Arrows and boxes mark a slide's or a to-do list's points; the private use area holds the bullets of the
# symbol fonts (Symbol and Wingdings in Word's PDFs, OpenSymbol in LibreOffice's), as their PDFs carry them.
_BULLET_SIGNS = "•●▪◦‣∙·■□➢►▸✓✔❖➤○→➔➜⇒◆♦☐☑☒✅\ue000-\uf8ff"
# "- [ ] Värva 25 nya medlemmar", "- [x] …": a to-do list's box (Markdown, Notion, Obsidian), ticked or not.
_TASK_BOX = re.compile(r"^\[[ xX✓]?\]\s+(?=\S)")
# Word prints its second list level's bullet as the letter "o" (Courier New) before the item's capital.
_BULLET = re.compile(rf"^(?:[{_BULLET_SIGNS}]|o(?=\s+[A-ZÅÄÖ]))\s*")


def _undecorated(text: str) -> str:
    """A line without the emoji it opens with ("📣 Synlighet", "👉 Värva 40 nya medlemmar"), unless it is a
    bullet sign the reader knows."""
    if _BULLET.match(text):
        return text
    end = 0
    while end < len(text) and (unicodedata.category(text[end]) == "So" or text[end] in "\ufe0f\u200d"):
        end += 1
    return text[end:].lstrip() if end and text[end : end + 1] in (" ", "") else text


def starts_with_bullet(text: str) -> bool:
    return _BULLET.match(text) is not None


# "# ", "## ", "- ", "– ", "* " before the (optional) line number.
_LEAD = re.compile(r"^(?P<lead>(?:#{1,6}|[-–*])(?=\s|[0-9])\s*)?(?P<rest>.*)$", re.DOTALL)
_DIGITS = re.compile(r"^[0-9]+")
# "1. ", "2) ", "3.2 ", "3.2. ": a numbered heading or list item (the number is the document's).
_LIST_NUMBER = re.compile(r"^(?:[0-9]{1,2}(?:\.[0-9]{1,2})+\.?\s+|[0-9]{1,2}[.)]\s+)(?=\S)")
_LETTER_ITEM = re.compile(r"^[a-zåäö][.)]\s+(?=\S)")
# "Mål 1: ...", "Delmål 3. ...", "Goal 2: ...", "Mål 1.2 ...": a goal the plan numbers with a label. Always a
# goal. A number under its chapter ("1.2") needs no sign after it.
LABELLED_ITEM = re.compile(
    r"^(?:mål|delmål|målsättning|aktivitet|goal|objective|activity)\s*(?:nr\.?\s*|no\.?\s*)?"
    r"(?P<number>[0-9]{1,2}(?:\.[0-9]{1,2})*)(?![0-9])(?:\s*[:.)–-]|(?<=\.[0-9])(?=\s)|(?<=\.[0-9]{2})(?=\s))"
    r"\s*(?=\S)",
    re.IGNORECASE,
)
# "Ansvarig: Kassören" on the line after a goal: who the plan makes responsible for it (plan.py reads it).
# "Ansv. styrelsen" is the label shortened; "Ansvarig är kassören." says it in a sentence.
RESPONSIBLE_LABEL = (
    r"(?:(?:huvud)?(?:ansvarig[a]?|ansvar|responsible|lead|owner)\s*:|ansv(?:\.|\s*:)\s*:?"
    r"|(?:huvud)?ansvarig[a]?\s+är\s+(?=\S))"  # "Ansvarig är kassören.", as prose says it
)
RESPONSIBLE_LINE = re.compile(rf"^\(?{RESPONSIBLE_LABEL}", re.IGNORECASE)
_GLUED_DASH = re.compile(r"^[-–—](?=[^\W\d_])")
# "Inledning ........ 3": a table of contents' line.
_TOC_LINE = re.compile(r"(?:\.{3,}|…{2,}|(?:\. ){3,}|\t)\s*[0-9]{1,3}$")
# "Hem > Om oss > Verksamhetsplan", "Hem / Om oss / Verksamhetsplan": a web page's breadcrumbs. One "/" or "|"
# parts a heading in two languages ("Medlemmar / Members") or a title from its district.
_BREADCRUMBS = re.compile(r"^[^.!?]{1,80}?(?:(?:\s[>»›]\s[^.!?]{1,60}?)+|(?:\s[/|]\s[^.!?]{1,60}?){2,})$")
_BOLD = re.compile(r"^\*\*(?P<text>[^*]+?)\*\*$")
_EMPHASIS = re.compile(r"(?<!\w)(?P<mark>\*\*|__|\*|_)(?P<text>\S(?:[^*_]*?\S)?)(?P=mark)(?!\w)")
_WORD_BREAK_KEEPERS = {"och", "eller", "samt", "till", "respektive", "resp."}

# A handful of abbreviations that stay upper case when an all-caps heading is put in sentence case.
ACRONYMS = {"EU", "SD", "LO", "FN", "USA", "TCO", "SACO", "NATO", "HBTQ", "HBTQI", "HBTQIA", "IT", "SMS"}
# Names that keep their capital: the party, its youth league and the counties its districts are named by.
PROPER_NAMES = {
    name.casefold(): name
    for name in (
        "Vänsterpartiet Vänsterpartiets Ung Vänster Sverige Sveriges Stockholm Stockholms Uppsala "
        "Södermanland Östergötland Jönköping Jönköpings Kronoberg Kalmar Gotland Blekinge Skåne Halland "
        "Västra Götaland Värmland Örebro Västmanland Dalarna Gävleborg Västernorrland Jämtland Västerbotten "
        "Norrbotten Göteborg Malmö Härjedalen"
    ).split()
}


def normalise(text: str) -> list[str]:
    """The text as lines, with odd spaces made plain and invisible characters dropped. Tabs are kept."""
    text = unicodedata.normalize("NFC", text).translate(_SPACES).translate(_INVISIBLE)
    lines = []
    for raw in text.splitlines():
        # A soft hyphen at the end of a line is a word break; anywhere else it is invisible.
        raw = raw.rstrip(" ")
        raw = raw[:-1] + "-" if raw.endswith("\u00ad") else raw
        raw = "".join(
            ch for ch in raw.replace("\u00ad", "") if ch == "\t" or unicodedata.category(ch) != "Cc"
        )
        lines.append(raw)
    return lines


@dataclass(frozen=True)
class _Raw:
    text: str
    number: int | None = None  # known for certain (a side-by-side cell), else found later
    from_columns: bool = False


def _column_row(raw: str) -> tuple[_Raw, _Raw] | None:
    """`LEFTNUM<TAB>left<TAB>RIGHTNUM<TAB>right`: two columns printed side by side, or None."""
    parts = raw.split("\t")
    if len(parts) < 3:
        return None
    left_number, left, right_number = (part.strip() for part in parts[:3])
    if not re.fullmatch(r"[0-9]{1,6}", right_number) or not re.fullmatch(r"[0-9]{0,6}", left_number):
        return None
    right = " ".join(part.strip() for part in parts[3:])
    return (
        _Raw(left.strip(), int(left_number) if left_number else None, True),
        _Raw(right, int(right_number), True),
    )


def _reading_order(lines: list[str]) -> list[_Raw]:
    """Side-by-side runs unfolded: the whole left column, then the whole right column."""
    result: list[_Raw] = []
    i = 0
    while i < len(lines):
        if _column_row(lines[i]) is None:
            result.append(_Raw(lines[i].replace("\t", " ")))
            i += 1
            continue
        lefts: list[_Raw] = []
        rights: list[_Raw] = []
        while i < len(lines):
            row = _column_row(lines[i])
            if row is None and lines[i].strip():
                break
            if row is not None:
                lefts.append(row[0])
                rights.append(row[1])
            i += 1
        result.extend(lefts)
        result.extend(rights)
    return result


def _leading_run(text: str) -> str:
    match = _LEAD.match(text)
    rest = match.group("rest") if match else text
    digits = _DIGITS.match(rest)
    if digits is None or _LIST_NUMBER.match(rest):
        return ""  # "1. Organisation", "2) Synas mer", "3.2 Kampanjer": numbered items, not line numbers
    return digits.group(0)


def _uses_line_numbers(raws: list[_Raw]) -> bool:
    if any(raw.from_columns for raw in raws):
        return True
    filled = [raw.text for raw in raws if raw.text.strip()]
    numbered = sum(1 for text in filled if _leading_run(text.strip()))
    return bool(filled) and numbered * 2 >= len(filled)


def _strip_number(
    run: str, after: str, last: int, next_number: int | None, marked: bool
) -> tuple[int, str] | None:
    """Split a line's leading digits into its line number and the content digits that follow.

    The line number is the prefix that continues the running sequence: "1201 maj" after 119 is line 120
    with "1 maj", "38ingar" after 37 is line 38 with "ingar". When several prefixes fit, the smallest one
    wins, being the nearest to the expected next number. A whole number that does not fit is still taken
    when the next line continues from it (numbering restarted or jumped, e.g. a page of figures left out).
    A `marked` line ("- 29 • ...", "## 22 ...", "- 46 ...") comes from the spaced markdown-ish layout, where
    numbers are never glued to words: its whole leading number is the line number.
    """
    whole_is_word = not after or after[0].isspace()
    if marked and whole_is_word and len(run) <= _MAX_NUMBER_DIGITS:
        return int(run), after
    head = run[:_MAX_NUMBER_DIGITS]
    fitting = [k for k in range(1, len(head) + 1) if last < int(head[:k]) <= last + NUMBER_WINDOW]
    if fitting:
        k = min(fitting, key=lambda k: int(head[:k]))
        return int(head[:k]), run[k:] + after
    if whole_is_word and len(run) <= _MAX_NUMBER_DIGITS:
        number = int(run)
        if next_number is not None and number < next_number <= number + NUMBER_WINDOW:
            return number, after
    return None


def _next_number(raws: list[_Raw], start: int) -> int | None:
    """The line number the next non-blank line starts with, if it plainly starts with one."""
    for raw in raws[start:]:
        if raw.number is not None:
            return raw.number
        text = raw.text.strip()
        if not text:
            continue
        run = _leading_run(text)
        match = _LEAD.match(text)
        rest = match.group("rest") if match else text
        if run and len(run) <= _MAX_NUMBER_DIGITS and (len(rest) == len(run) or rest[len(run)].isspace()):
            return int(run)
        return None
    return None


def _numbered(raws: list[_Raw]) -> list[tuple[str, bool, str]]:
    """(lead marker, whether the line had a number, content) per line, line numbers removed."""
    numbered_doc = _uses_line_numbers(raws)
    last = 0
    result = []
    for index, raw in enumerate(raws):
        if raw.number is not None:
            last = raw.number
            result.append(("", True, raw.text))
            continue
        match = _LEAD.match(raw.text.strip())
        lead = (match.group("lead") or "").strip() if match else ""
        rest = match.group("rest") if match else raw.text.strip()
        had_number = False
        digits = _DIGITS.match(rest)
        if numbered_doc and digits:
            run = digits.group(0)
            after = rest[len(run) :]
            marked = bool(lead) or _BULLET.match(after.lstrip()) is not None
            split = _strip_number(run, after, last, _next_number(raws, index + 1), marked)
            if split is not None:
                last, rest = split
                had_number = True
        result.append((lead, had_number, rest.strip()))
    return result


# --- goals given field by field: a table's columns, or a block of labelled lines -------------------------

# What a column or a label holds, by its name ("Ansvarig person", "Mål (antal)" too). "Mål" is the goal
# unless another column is the goal ("Aktivitet | Mål") and it holds figures ("500 samtal"): then the target.
_GOAL_FIELD = re.compile(
    r"^(?:mål|målen|aktivitet(?:er)?|åtagande\w*|vad|insats(?:er)?|uppdrag|delmål|goals?|activit(?:y|ies)|"
    r"objectives?|what)(?=$|[\s/(,:?])",
    re.IGNORECASE,
)
_TARGET_FIELD = re.compile(
    r"^(?:mål|målvärde|målnivå|målsättning|mätetal|mått|mätbar[at]?(?:\s+mål)?|hur\s+mäter\s+vi|indikator|"
    r"omfattning|hur\s+mycket|hur\s+många|hur\s+ofta|antal|förväntat\s+resultat|resultatmål|targets?|measures?|indicators?|kpis?)"
    r"(?=$|[\s/(,:?])",
    re.IGNORECASE,
)
_WHO_FIELD = re.compile(
    r"^(?:ansvarig[a]?|ansvar|ansv\.?|vem|huvudansvarig|ansvarar|responsible|responsibility|who|owner|lead)"
    r"(?=$|[\s/(,:?])",
    re.IGNORECASE,
)
_WHEN_FIELD = re.compile(
    r"^(?:när|tidsplan|tidplan|tid|tidpunkt|tidsram|tidsperiod|klart|klart\s+senast|senast|deadline|datum|"
    r"slutdatum|färdig[t]?|period|genomförande|when|timeline|timing|by\s+when|date|due(?:\s+date)?|"
    r"(?:done|complete[d]?|finished|ready)\s+by|target\s+date|end\s+date)(?=$|[\s/(,:?])",
    re.IGNORECASE,
)
# "Nr | Mål | Ansvarig": the plan's own numbers for its goals.
_NUMBER_FIELD = re.compile(r"^(?:nr\.?|nummer|#|no\.?|mål\s*nr\.?|number)$", re.IGNORECASE)
_AREA_FIELD = re.compile(
    r"^(?:område|områden|fokusområde|målområde|verksamhetsområde|insatsområde|areas?|focus\s+areas?)$",
    re.IGNORECASE,
)
# Fields a plan gives a goal that say nothing the bot tracks: how it is followed up, what it costs, why.
_OTHER_FIELD = re.compile(
    r"^(?:uppföljning|uppföljs|utvärdering|kostnad|budget|resurser|kommentar\w*|syfte|status|målgrupp|"
    r"metod|hur|samarbete|follow[- ]up|cost|resources|comments?|purpose|how)$",
    re.IGNORECASE,
)
# A target written as a figure: "500 samtal", "minst två i månaden", "varje kvartal", "50 %".
_FIGURE_CELL = re.compile(
    r"^(?:minst|högst|max\w*|åtminstone|cirka|ca\.?|ungefär|över|varje|var|varannan|vartannat|per|"
    r"[0-9]+|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|trettio|fyrtio|femtio|hundra|"
    r"ett\s+(?:par|tiotal|tjugotal|trettiotal|fyrtiotal|femtiotal|hundratal|dussin)|hälften|halva|"
    r"at\s+least|every|each|one|two|three|four|five|six|ten|twelve|twenty|fifty|twice|once|half)\b",
    re.IGNORECASE,
)


_FIELDS = (_GOAL_FIELD, _TARGET_FIELD, _WHO_FIELD, _WHEN_FIELD, _NUMBER_FIELD, _AREA_FIELD, _OTHER_FIELD)


def column_name(name: str) -> bool:
    """Whether a cell's text is only the name of a goal table's column ("Ansvarig", "Mätbart mål", "När?"),
    not a field with its value ("Ansvarig: Styrelsen"). A column may be named by a question ("Vad ska vi
    göra?", "Vem ansvarar?")."""
    asks = name.strip().endswith("?")
    name = name.strip().rstrip(":?").strip()
    words = len(name.split())
    return ":" not in name and words <= (5 if asks else 3) and any(field.match(name) for field in _FIELDS)


# The columns of a plan's list of its branches or contacts ("Förening | Ordförande | Medlemmar", "Group |
# Contact"): a table, though of no goals (its first column names the branches).
_LISTING_FIELD = re.compile(
    r"^(?:(?:parti)?förening(?:ar)?|lokalavdelning(?:ar)?|lokalgrupp(?:er)?|krets(?:ar)?|arbetarekommun|"
    r"ordförande|kontakt(?:person)?|namn|e-?post|telefon|medlemmar|antal\s+medlemmar|ort|kommun|"
    r"(?:local\s+)?groups?|branch(?:es)?|contacts?|contact\s+person|chair|names?|e-?mail|phone|members)$",
    re.IGNORECASE,
)


def listing_columns(names: list[str]) -> bool:
    """Whether a row is the header of a list of branches or contacts (see _LISTING_FIELD)."""
    return len(names) >= 2 and all(_LISTING_FIELD.match(name.strip().rstrip(":")) for name in names)


@dataclass(frozen=True)
class Columns:
    """Which column (or field) holds the goal, its target, who is responsible, when, how it is done and
    which area it belongs to."""

    goal: int
    target: int | None = None
    who: int | None = None
    when: int | None = None
    how: int | None = None  # "Mål | Aktivitet" where "Mål" holds goals: the activity says how
    area: int | None = None
    how_label: str = ""  # the plan's name for the how column ("Aktivitet")
    number: int | None = None  # the plan's own number for each goal ("Nr")


def columns(header: list[str], rows: Iterable[list[str]] = ()) -> Columns | None:
    """The columns of a table of goals by its header (the rows decide whether a "Mål" column beside an
    activity holds targets or goals); None when the header names no goal column and none of the others."""
    header = [name.rstrip(":").strip() for name in header]

    def find(pattern: re.Pattern[str], *besides: int | None) -> int | None:
        return next((i for i, name in enumerate(header) if i not in besides and pattern.match(name)), None)

    goal = find(_GOAL_FIELD)
    how = None
    if goal is not None and _TARGET_FIELD.match(header[goal]):
        other = find(_GOAL_FIELD, goal)
        if other is not None and not _TARGET_FIELD.match(header[other]):
            cells = [row[goal].strip() for row in rows if goal < len(row) and row[goal].strip()]
            if cells and sum(bool(_FIGURE_CELL.match(cell)) for cell in cells) * 2 < len(cells):
                how = other  # "Mål: Fler aktiva medlemmar / Aktivitet: Hålla fyra medlemsmöten"
            else:
                goal = other  # "Aktivitet: Dörrknackning / Mål: 500 samtal"
    if goal is None:
        goal = find(_TARGET_FIELD)  # "Målsättning | Ansvarig | När": what to reach is the goal
    if goal is None:
        return None
    other = find(_GOAL_FIELD, goal)
    if how is None and other is not None and not _TARGET_FIELD.match(header[other]):
        how = other  # "Goal | Activity", "Delmål | Insats": the second says how
    found = Columns(
        goal,
        target=find(_TARGET_FIELD, goal, how),
        who=find(_WHO_FIELD),
        when=find(_WHEN_FIELD),
        how=how,
        area=find(_AREA_FIELD),
        how_label=header[how] if how is not None else "",
        number=find(_NUMBER_FIELD),
    )
    if found.target is None and found.who is None and found.when is None and found.how is None:
        return None
    return found


def goal_row(found: Columns, row: list[str]) -> tuple[str, str | None] | None:
    """One row of a table of goals (or one labelled block) as a goal's line and whom it names responsible:
    its text, then its target and when, as a plan written in prose says them, and how under the plan's own
    label ("– Aktivitet: …", see ACTIVITY_PART); None for an empty row."""
    cell = dict(enumerate(cell.strip() for cell in row)).get
    text = cell(found.goal) or ""
    if not text:
        return None
    parted = any(cell(i) for i in (found.target, found.when, found.how) if i is not None)
    parts = [text.rstrip(".") if parted else text]
    if found.target is not None and cell(found.target):
        target = cell(found.target) or ""
        # A bare figure under "Antal" or "Hur många?" counts what the goal names: "Medlemsmöten – 4 st".
        parts.append(
            f"\u2013 {target} st" if re.fullmatch(r"[0-9]{1,3}(?: [0-9]{3})*", target) else f"\u2013 {target}"
        )
    if found.when is not None and cell(found.when):
        parts.append(f"({cell(found.when)})")
    if found.how is not None and cell(found.how):
        parts.append(f"\u2013 {found.how_label}: {cell(found.how)}")
    number = re.fullmatch(r"([0-9]{1,2})\.?", cell(found.number) or "") if found.number is not None else None
    if number is not None:
        parts.insert(0, f"Mål {number.group(1)}:")  # read_goal keeps it as the plan's number
    return " ".join(parts), (cell(found.who) or None) if found.who is not None else None


# A goal's activity as goal_row adds it: how the goal is reached, not whom it concerns (plan.read_goal).
ACTIVITY_PART = re.compile(
    r"\s\u2013\s(?:aktivitet(?:er)?|activit(?:y|ies)|insats(?:er)?|åtagande\w*|vad|uppdrag|delmål|what)"
    r"(?:\s+[^:]{0,20})?:\s.*$",
    re.IGNORECASE,
)


def table_goals(rows: list[list[str]]) -> list[str] | None:
    """A table of goals whose header names its columns, as plan lines: each row one goal (goal_row), who
    is responsible on the line after ("Ansvarig: ..."), an area column's name as a heading over its rows.
    None when the header names no columns."""
    listed = rows
    rows = [[_flat(cell) for cell in row] for row in rows]
    found = columns(rows[0], rows[1:]) if rows else None
    if found is None:
        return None
    lines: list[str] = []
    area = ""
    for row, as_listed in zip(rows[1:], listed[1:], strict=True):
        if (len(row) > 1 and len(set(row)) == 1) or (len(row) == 1 < len(rows[0])):
            # A row merged across the table: a sub-heading of the goals under it ("Organisation").
            lines += ["", f"**{row[0]}**", ""] if row[0] and found.area is None else []
            continue
        if found.area is not None and found.area < len(row) and row[found.area] not in ("", area):
            area = row[found.area]  # "Medlemmar" over its rows; an empty cell goes on with the area above
            lines += ["", f"**{area}**", ""]
        for each in _listed_rows(found, as_listed):
            read = goal_row(found, each)
            if read is not None:
                lines.append(f"\u2022 {read[0]}")
                if read[1]:
                    lines.append(f"Ansvarig: {read[1]}")
    return [*lines, ""]


def _listed_rows(found: Columns, row: list[str]) -> list[list[str]]:
    """A row whose goal cell lists several goals ("• Värva 40 nya medlemmar" / "• Ringa alla ..."), as one
    row per goal, each with the row's other cells; other rows as they are. A cell's lines are kept apart
    only by a list's items (CELL_ITEM); the rest of a cell is one text."""
    cells = [_flat(cell) for cell in row]
    goal = row[found.goal] if found.goal < len(row) else ""
    items = [" ".join(item.split()) for item in goal.split(CELL_ITEM)[1:] if item.strip()]
    if len(items) < 2:
        return [cells]
    return [[item if i == found.goal else cell for i, cell in enumerate(cells)] for item in items]


# What a reader puts before each list item inside a table's cell (a Word cell of bullets).
CELL_ITEM = "\n\u2022 "


def _flat(cell: str) -> str:
    return " ".join(cell.replace(CELL_ITEM, " ").split())


# A Markdown table's row ("| Mål | Ansvarig |") and the rule under its header ("|---|:--|").
_PIPE_ROW = re.compile(r"^\s*\|(?P<cells>.*\|.*?)\|?\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _text_row(line: str) -> list[str] | None:
    """A table's row in text: Markdown's cells between pipes, or cells a tab apart (a table copied from
    Word or a web page)."""
    pipe = _PIPE_ROW.match(line)
    if pipe is not None:
        return [cell.strip() for cell in pipe.group("cells").rstrip("|").split("|")]
    cells = [cell.strip() for cell in line.split("\t")]
    return cells if len(cells) >= 2 and sum(bool(cell) for cell in cells) >= 2 else None


def _text_tables(lines: list[str]) -> list[str]:
    """Tables of goals written as text (Markdown's pipes, or tabs) as the plan lines a Word file's table
    gives; other tables and lines as they are."""
    result: list[str] = []
    index = 0
    while index < len(lines):
        rows: list[list[str]] = []
        end = index
        while end < len(lines):
            if _PIPE_RULE.match(lines[end]) and rows:
                end += 1
                continue
            row = _text_row(lines[end])
            if row is None:
                break
            rows.append(row)
            end += 1
        goals = table_goals(rows) if len(rows) >= 2 else None
        if goals is None:
            result.append(lines[index])
            index += 1
        else:
            result += ["", *goals]
            index = end
    return result


# "Mål: …", "Ansvar: …", "Tidplan: …": a field of a goal given line by line; "Mål 3: …" keeps its number.
_FIELD_LINE = re.compile(
    r"^(?P<label>[^\W\d_][^\W\d_ /]*(?:[ /][^\W\d_]+){0,2}?)(?:\s+(?P<number>[0-9]{1,2}))?"
    r"\s*:\s*(?P<value>\S.*)$"
)


def _field(line: Line) -> tuple[str, str, str | None] | None:
    """A line that is a goal's field: (label, value, the plan's number), or None."""
    if line.kind not in (LineKind.PROSE, LineKind.BULLET):
        return None
    match = _FIELD_LINE.match(line.text)
    if match is None:
        return None
    label = match.group("label")
    if not any(p.match(label) for p in (_GOAL_FIELD, _TARGET_FIELD, _WHO_FIELD, _WHEN_FIELD, _OTHER_FIELD)):
        return None
    if match.group("number") and not _GOAL_FIELD.match(label):
        return None
    return label, match.group("value").strip(), match.group("number")


# "Målsättning: Fler medlemmar / Mätetal: 50 nya medlemmar": what to reach opens a goal's block too.
_AIM = re.compile(r"^(?:målsättning(?:en)?|objective)$", re.IGNORECASE)
_AIMS = re.compile(r"^(?:mål|målen|målsättning(?:en)?|delmål|goals?|objectives?)$", re.IGNORECASE)


def _opening_kind(label: str) -> str | None:
    """What a label that opens a block names: what to reach ("Mål", "Målsättning") or what to do
    ("Aktivitet"); a block holds one of each."""
    if _AIMS.match(label):
        return "aim"
    return "act" if _GOAL_FIELD.match(label) else None


def _records(lines: list[Line], numbers: list[str | None]) -> tuple[list[Line], list[str | None]]:
    """Goals given field by field ("Mål: Öka antalet medlemmar … / Aktivitet: … / Ansvar: Styrelsen /
    Tidplan: Under våren"), as a Word plan or a form lays them out, each field on its line (blank lines
    between, a long value wrapped onto the next line): one goal each, read as a table's row is. A block
    opens with a goal's label and ends where a line is no field, or the same label opens the next one; a
    lone "Mål: …" stays a sentence of its section. A list item followed by such fields ("- Hålla fyra
    medlemsmöten" / "- Ansvarig: Styrelsen" / "- När: Hela året", sub-items in Word) is a goal with them.
    `numbers` (a numbered item's number per line) are kept beside their lines."""
    result: list[Line] = []
    kept: list[str | None] = []
    index = 0
    while index < len(lines):
        opening = _field(lines[index])
        item = opening is None and (lines[index].kind is LineKind.BULLET or _heads_fields(lines, index))
        if item:
            # An item: its fields may follow, "Mål: minst 4 per år" its target among them.
            opening = ("Aktivitet", lines[index].text, None)
        elif opening is None or not (_GOAL_FIELD.match(opening[0]) or _AIM.match(opening[0])):
            result.append(lines[index])
            kept.append(numbers[index])
            index += 1
            continue
        fields = [[opening[0], opening[1]]]
        end = after = index + 1
        while after < len(lines):
            line = lines[after]
            if line.kind is LineKind.BLANK:
                after += 1
                continue
            field = _field(line)
            if field is None:
                last = fields[-1][1]
                if (
                    after == end
                    and line.kind is LineKind.PROSE
                    and (line.text[:1].islower() or not last.endswith((".", "!", "?")))
                ):
                    fields[-1][1] = join_lines([last, line.text])  # the value wrapped onto this line
                    end = after = after + 1
                    continue
                break
            labels = [_folded(label) for label, _ in fields]
            kinds = {_opening_kind(label) for label, _ in fields}
            if (
                field[2] is not None
                or _folded(field[0]) in labels
                or (_opening_kind(field[0]) or "none") in kinds  # "Mål" after "Målsättning"
                or (item and _GOAL_FIELD.match(field[0]) and not _figure_field(field))
            ):
                break  # the next goal's block
            fields.append([field[0], field[1]])
            end = after = after + 1
        found = columns([label for label, _ in fields], [[value for _, value in fields]])
        row = goal_row(found, [value for _, value in fields]) if found else None
        if row is None or len(fields) < 2:
            result.append(lines[index])
            kept.append(numbers[index])
            index += 1
            continue
        text, who = row
        if opening[2] is not None:
            text = f"{fields[0][0]} {opening[2]}: {text}"
        result.append(Line(LineKind.BULLET, text, number=opening[2], goal=True))
        kept.append(numbers[index] if item else None)  # "1.2" with its fields is still item 1.2
        if who:
            result.append(Line(LineKind.PROSE, f"Ansvarig: {who}"))
            kept.append(None)
        index = end
    return result, kept


def _labelled_lines(lines: list[Line]) -> list[Line]:
    """A paragraph the plan labels a goal ("**Mål:** Värva 45 nya medlemmar. **Ansvarig:** Kassören"), with
    no fields after it: a goal, as an item is, whatever the paragraphs around it say. Not "Mål: minst 4 per
    år" (a target's figure), nor a "Mål: …" over a list ("Aktiviteter:" / "- …"): that stays a sentence of
    its section, beside the list."""
    result = []
    for index, line in enumerate(lines):
        field = _field(line) if line.kind is LineKind.PROSE else None
        after = next((later for later in lines[index + 1 :] if later.kind is not LineKind.BLANK), None)
        over_list = after is not None and (after.kind is LineKind.BULLET or after.text.endswith(":"))
        if (
            field is not None
            and _AIMS.match(field[0])
            and not field[2]
            and not _FIGURE_CELL.match(field[1])
            and not over_list
        ):
            line = Line(LineKind.BULLET, field[1], goal=True)
        result.append(line)
    return result


def _heads_fields(lines: list[Line], index: int) -> bool:
    """A heading over nothing but a goal's fields ("### Fler medlemmar" / "Mått: 30 nya medlemmar" /
    "Ansvarig: Medlemsansvarig"): the goal itself, its target and whom under it, as an item's are."""
    if lines[index].kind is not LineKind.HEADING or lines[index].style not in (
        HeadingStyle.MARKDOWN,
        HeadingStyle.BOLD,
    ):
        return False
    fields = []
    for line in lines[index + 1 :]:
        if line.kind is LineKind.HEADING:
            break
        if line.kind is LineKind.BLANK:
            continue
        field = _field(line)
        if field is None or _GOAL_FIELD.match(field[0]) and not _figure_field(field):
            return False
        fields.append(field)
    return bool(fields)


def _figure_field(field: tuple[str, str, str | None]) -> bool:
    """ "Mål: minst 4 per år": a target's label with a figure, not the next goal."""
    return bool(_TARGET_FIELD.match(field[0]) and _FIGURE_CELL.match(field[1]))


def _folded(label: str) -> str:
    return " ".join(label.casefold().split())


def _is_caps_heading(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return (
        len(letters) >= 3
        and not any(ch.islower() for ch in text)
        and len(text) <= 100
        and not text.endswith((".", ",", ";", ":", "!", "?"))
        and text[0] not in "-–*"
    )


def layout(text: str, says_what_to_do: Callable[[str], bool] = lambda _: False) -> list[Line]:
    """The plan's lines in reading order, without line numbers, each classified. `says_what_to_do` (the
    plan reader's) tells a goal from a category where a numbered line stands over indented sub-items."""
    raws = _reading_order(_text_tables(normalise(text)))
    line_numbered = _uses_line_numbers(raws)
    rows = _numbered(raws)
    uses_bullet_signs = any(_BULLET.match(content) for _, _, content in rows)
    lines: list[Line] = []
    numbers: list[str | None] = []  # a numbered item's number ("3", "3.2"), decided on below
    item_indent: int | None = None  # how far the list's own items stand in
    for index, (lead, had_number, content) in enumerate(rows):
        content = _undecorated(re.sub(r"\s+", " ", content).strip())
        if signed := _BULLET.match(content):
            content = content[: signed.end()] + _TASK_BOX.sub("", content[signed.end() :])
        elif lead.startswith(("-", "*")):
            content = _TASK_BOX.sub("", content)
        if not _BOLD.match(content):
            content = _EMPHASIS.sub(r"\g<text>", content)  # "Hålla **fyra** möten", "*Lead: Chair*"
        bullet = _BULLET.match(content)
        number: str | None = None
        # "## Mål 1: Fler aktiva medlemmar" (or in bold) over a paragraph saying what will be done: a goal, as
        # the line "Mål 1: …" is; over a list it heads the list's goals.
        bold = _BOLD.match(content)
        marked = bold.group("text").strip() if bold else ""
        if lead.startswith("#"):
            marked = content.strip("# ").strip()
        labelled = LABELLED_ITEM.match(marked) if marked and not _list_follows(rows, index) else None
        if _TOC_LINE.search(content) or (_BREADCRUMBS.match(content) and not lead.startswith("#")):
            lines.append(Line(LineKind.BLANK))  # a table of contents or breadcrumbs: never a goal
        elif labelled is not None:
            lines.append(Line(LineKind.BULLET, marked, number=labelled.group("number")))
        elif lead.startswith("#"):
            title = _unnumbered(content.strip("# ").strip())
            lines.append(
                Line(LineKind.HEADING, title, HeadingStyle.MARKDOWN, len(lead))
                if title
                else Line(LineKind.BLANK)
            )
        elif bullet:
            words = content[bullet.end() :].strip()
            lines.append(Line(LineKind.BULLET, words) if words else Line(LineKind.EMPTY_BULLET))
        elif lead and bold and not bold.group("text").strip().endswith(":"):
            # "- **Organisation**" over its sub-items: a category, as a bold paragraph is a heading.
            lines.append(Line(LineKind.HEADING, _unnumbered(bold.group("text").strip()), HeadingStyle.BOLD))
        elif lead:
            if not content:
                lines.append(Line(LineKind.EMPTY_BULLET))
            elif had_number and uses_bullet_signs:
                # "- 46 partiets föreningar": the dash and number of a wrapped line, the bullet sign missing.
                lines.append(Line(LineKind.CONTINUATION, content))
            else:
                lines.append(Line(LineKind.BULLET, content))
        elif not content:
            lines.append(Line(LineKind.BLANK))
        elif bold and not bold.group("text").strip().endswith(":"):
            lines.append(Line(LineKind.HEADING, _unnumbered(bold.group("text").strip()), HeadingStyle.BOLD))
        elif _is_caps_heading(content):
            lines.append(Line(LineKind.HEADING, _unnumbered(content), HeadingStyle.CAPS))
        elif item := LABELLED_ITEM.match(content):
            # The label stays with the goal: plan.read_goal keeps its number apart from its text.
            lines.append(Line(LineKind.BULLET, content, number=item.group("number")))
        elif item := _LIST_NUMBER.match(content):
            number = item.group(0).strip()  # with its sign: "1." and "1)" are lists of two kinds
            lines.append(Line(LineKind.BULLET, content[item.end() :].strip()))
        elif item := _LETTER_ITEM.match(content) or _GLUED_DASH.match(content):
            lines.append(Line(LineKind.BULLET, content[item.end() :].strip()))
        else:
            # "**Medlemmar:**", a bold label over its list, reads as "Medlemmar:" does (_plain_headings).
            lines.append(Line(LineKind.PROSE, bold.group("text").strip() if bold else content))
        numbers.append(number)
        # An item indented further than the list's items before it is a sub-item ("  - …", Word's level 2).
        indent = len(raws[index].text) - len(raws[index].text.lstrip(" "))
        if lines[-1].kind is LineKind.BULLET:
            # Far further in is another column's list, not a sub-item (a PDF's rows, plan_files).
            if item_indent is not None and item_indent + 2 <= indent <= item_indent + 12:
                lines[-1] = replace(lines[-1], depth=1)
            else:
                item_indent = indent
        elif lines[-1].kind is LineKind.HEADING:
            item_indent = None
    lines, numbers = _records(*_responsible_for_list(lines, numbers))
    lines = _labelled_lines(lines)
    lines, numbers = _chapters_of_subgoals(lines, numbers)
    # "   1. Ringkampanj" indented under "1. Värva …": its number is the sub-list's, not the plan's list's.
    numbers = [None if line.depth else number for line, number in zip(lines, numbers, strict=True)]
    lines = _numbered_headings(_responsible_with_item(lines), numbers, says_what_to_do)
    return lines if line_numbered else _plain_headings(_list_ends(lines))


# "Övergripande mål 1: Fler aktiva medlemmar", "Mål 2 – Synas mer", "Goal 3:": a goal's label and number.
_CHAPTER_LABEL = re.compile(
    r"^(?:[^\W\d_]+\s+){0,2}?(?:mål|målområde|huvudmål|goal|objective|aim)\s+(?P<number>[0-9]{1,2})\s*[:.)–—-]"
    r"\s*(?=[^\W\d_])",
    re.IGNORECASE,
)


def _chapters_of_subgoals(
    lines: list[Line], numbers: list[str | None]
) -> tuple[list[Line], list[str | None]]:
    """An overall goal over its numbered sub-goals ("Övergripande mål 1: Fler aktiva medlemmar" over "1.1
    Värva 20 nya medlemmar", "1.2 …"): the heading of the goals the plan follows up, which are the sub-goals,
    each a goal of its own (not how the overall goal is reached, nor sub-items of it)."""
    lines, numbers = list(lines), list(numbers)
    for index, line in enumerate(lines):
        if line.kind not in (LineKind.PROSE, LineKind.BULLET) or line.depth:
            continue
        label = _CHAPTER_LABEL.match(line.text)
        own = label.group("number") if label else (numbers[index] or "").rstrip(".)")
        if not own.isdigit():
            continue
        subs = []
        after = index + 1
        while after < len(lines) and lines[after].kind in (LineKind.BLANK, LineKind.BULLET, LineKind.PROSE):
            number = numbers[after] or lines[after].number
            if lines[after].kind is LineKind.BULLET and number is not None:
                if not number.startswith(own + "."):
                    break
                subs.append(after)
            elif lines[after].kind is LineKind.PROSE and not RESPONSIBLE_LINE.match(lines[after].text):
                break
            after += 1
        if len(subs) < 2 or any(not numbers[i] and not lines[i].number for i in subs):
            continue
        title = line.text[label.end() :] if label else line.text
        lines[index] = Line(LineKind.HEADING, title.strip().rstrip("."), HeadingStyle.NUMBERED, 1)
        numbers[index] = None
        for sub in subs:
            lines[sub] = replace(lines[sub], depth=0)
    return lines, numbers


def _list_follows(rows: list[tuple[str, bool, str]], index: int) -> bool:
    """Whether the next line with words after `index` is a list's item ("- …", "• …", "1. …")."""
    for lead, _, content in rows[index + 1 :]:
        if content.strip():
            return bool(lead and not lead.startswith("#")) or bool(
                _BULLET.match(content) or _LIST_NUMBER.match(content) or _LETTER_ITEM.match(content)
            )
    return False


def _responsible_with_item(lines: list[Line]) -> list[Line]:
    """ "Ansvarig: Kassören" in a paragraph of its own (Word) after a goal: part of that goal, not a
    heading or a paragraph; the blank lines between go."""
    result: list[Line] = []
    for line in lines:
        if line.kind is LineKind.PROSE and RESPONSIBLE_LINE.match(line.text):
            blanks = 0
            while blanks < len(result) and result[-1 - blanks].kind is LineKind.BLANK:
                blanks += 1
            if blanks and blanks < len(result) and result[-1 - blanks].kind is LineKind.BULLET:
                del result[-blanks:]
        result.append(line)
    return result


def _responsible_for_list(
    lines: list[Line], numbers: list[str | None]
) -> tuple[list[Line], list[str | None]]:
    """ "Ansvarig: Medlemsgruppen" as a paragraph of its own after a list of goals none of which names its
    own (a blank line between, as Markdown and typed text set a paragraph apart): whom the plan names for
    the whole list, so each of its items. Right under an item ("Ansvarig:" on the next line) it is that
    item's (_responsible_with_item)."""
    lines, numbers = list(lines), list(numbers)
    index = len(lines) - 1
    while index > 0:
        line = lines[index]
        after = lines[index + 1] if index + 1 < len(lines) else None
        index -= 1
        if (
            line.kind is not LineKind.PROSE
            or not RESPONSIBLE_LINE.match(line.text)
            or (after is not None and after.kind not in (LineKind.BLANK, LineKind.HEADING))
            or lines[index].kind is not LineKind.BLANK  # right under an item: the item's own
        ):
            continue
        start = index
        while start > 0 and lines[start - 1].kind is LineKind.BLANK:
            start -= 1
        first = start
        while first > 0 and lines[first - 1].kind in (LineKind.BULLET, LineKind.PROSE, LineKind.CONTINUATION):
            first -= 1
        while first < start and lines[first].kind is not LineKind.BULLET:
            first += 1  # an intro such as "Vi ska:" is not the list
        items = [i for i in range(first, start) if lines[i].kind is LineKind.BULLET and not lines[i].depth]
        if len(items) < 2 or any(_NAMES_WHO.search(lines[i].text) for i in range(first, start)):
            continue
        above = first - 1
        while above > 0 and lines[above].kind is LineKind.BLANK:
            above -= 1
        if above > 0 and lines[above].kind is LineKind.PROSE and RESPONSIBLE_LINE.match(lines[above].text):
            continue  # the list's items above name whom one by one, each in a paragraph under it: so this one
        for at in reversed(items[1:]):  # after each item's own lines, before the next item
            lines.insert(at, line)
            numbers.insert(at, None)
        index = first - 1
    return lines, numbers


_NAMES_WHO = re.compile(RESPONSIBLE_LABEL, re.IGNORECASE)


# A list item's line this long may have been wrapped by the page: the next line can carry on with it.
_WRAPPED = 45
# A line that ends with one of these words goes on on the next line, however short it is.
GOES_ON = frozenset(
    "med och i för till av på att om som samt eller en ett de den det vid från inom hos mellan kring mot "
    "genom utan efter inför eftersom där när the of to and for with in on at by from a an".split()
)


def _list_ends(lines: list[Line]) -> list[Line]:
    """Where a list ends without a blank line (text copied from a web page): a line after an item carries
    on with it only when it reads as the rest of it (it starts in lower case, or the item's line was long
    enough to have been wrapped and did not end a sentence); otherwise a new paragraph starts. How long a
    wrapped line is depends on the page: a narrow column wraps short lines."""
    lengths = sorted(len(line.text) for line in lines if line.kind in (LineKind.PROSE, LineKind.BULLET))
    full = lengths[len(lengths) * 4 // 5] if lengths else _WRAPPED
    wrapped = min(_WRAPPED, full * 0.55)
    result: list[Line] = []
    item: list[str] = []  # the lines of the list item read so far
    for index, line in enumerate(lines):
        if line.kind is LineKind.PROSE and item:
            last = result[-1].text  # the item's line so far
            unfinished = not last.endswith((".", "!", "?", ":", ";"))
            # "... i samarbete med" / "Studieförbundet ...": a narrow column wrapped the item.
            wrapped_word = unfinished and last.rsplit(" ", 1)[-1].lower() in GOES_ON
            # "… i månaden i Tidningen" / "Ångermanland om …": an item already wrapped by its column, whose
            # line would not have held the next word, goes on with it, a capital or not.
            column = max(map(len, item))
            no_room = len(item) > 1 and len(last) + 1 + len(line.text.split(" ", 1)[0]) > column
            carries_on = (
                line.text[:1].islower()
                or bool(RESPONSIBLE_LINE.match(line.text))
                or wrapped_word
                or _ends_with_label(last)  # "… i april. Ansvarig:" / "Kampanjgruppen"
                or (unfinished and (len(last) >= wrapped or no_room) and not _heads_next(lines, index))
            )
            if not carries_on:
                result.append(Line(LineKind.BLANK))
                item = []
            else:
                item.append(line.text)
        if line.kind is LineKind.BULLET:
            item = [line.text]
        elif line.kind is not LineKind.PROSE:
            item = []
        result.append(line)
    return result


_HEADING_WORDS = 10
# A heading written without blank lines around it (a plan pasted in chat, a text typed so) is this short.
_TIGHT_HEADING_WORDS = 4


def _ends_with_label(text: str) -> bool:
    """Whether a line ends with a field's label, its value on the next line ("Ansvarig:", "Tidplan:")."""
    label = re.search(r"(?:^|[\s(])(?P<label>[^\W\d_]+)\s*:$", text)
    fields = (_WHO_FIELD, _WHEN_FIELD, _TARGET_FIELD)
    return label is not None and any(field.match(label.group("label")) for field in fields)


def _sentence(text: str) -> bool:
    """A whole sentence on its line: a capital, five words or more, a full stop."""
    return text[:1].isupper() and len(text.split()) >= 5 and text.endswith((".", "!", "?"))


def _heads_next(lines: list[Line], index: int) -> bool:
    """Whether the line at `index` is a heading with no blank line around it: a few words in a heading's
    shape over a list item or a new paragraph ("Kommunikation" / "- Skicka nyhetsbrev ...")."""
    text = lines[index].text
    after = lines[index + 1] if index + 1 < len(lines) else None
    return (
        len(text.split()) <= _TIGHT_HEADING_WORDS
        and looks_like_heading(text)
        and after is not None
        and (after.kind is LineKind.BULLET or (after.kind is LineKind.PROSE and after.text[:1].isupper()))
    )


_MONTHS = re.compile(
    r"^(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b",
    re.IGNORECASE,
)


# "II. Kommunikation", "IV) Ekonomi": a chapter numbered in Roman numerals.
_ROMAN = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})[.)]\s+(?=[^\W\d_])")


# "A) Organisation", "Område 2: Utbildning", "Del 3 – Ekonomi": a chapter's letter or numbered kind before its
# name.
_CHAPTER = re.compile(
    r"^(?:[A-HÅÄÖ][.)]|(?:område|fokusområde|del|kapitel|avsnitt|area|focus\s+area|part|chapter)\s+[0-9]{1,2}"
    r"\s*[:.–-])\s*(?=[^\W\d_]{2})",
    re.IGNORECASE,
)


def _unnumbered(title: str) -> str:
    """A heading without its section number: "3.2 Kampanjer", "II. Kampanjer" -> "Kampanjer" (but "1 maj"
    is a day)."""
    match = (
        _LIST_NUMBER.match(title)
        or re.match(r"^[0-9]{1,2}(?:\.[0-9]{1,2})*\.?\s+(?=[^\W\d_])", title)
        or _ROMAN.match(title)
        or _CHAPTER.match(title)
    )
    if match is None or _MONTHS.match(title[match.end() :]):
        return title
    return title[match.end() :].strip()


def looks_like_heading(text: str) -> bool:
    """Short, without a full stop or a colon, starting with a capital: a heading's shape."""
    words = text.split()
    return (
        0 < len(words) <= _HEADING_WORDS
        and len(text) <= 80
        and not text.endswith((".", ",", ";", ":", "!", "?", "-", "–"))
        and text[:1].isupper()
        and any(ch.isalpha() for ch in text)
        and not re.search(r"\b(?:ska|skall|kommer att)\b", text, re.IGNORECASE)
        and not _AMOUNT_END.search(text)  # "Partistöd 1 200 000 kr": a budget's line
        and not _SIGN_OFF.match(text)  # "Mvh" over a name: a letter's end
    )


_AMOUNT_END = re.compile(r"[0-9]\s*(?:kr|kronor|sek|tkr|mkr|:-)$", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"^(?:mvh|med\s+vänlig(?:a)?\s+hälsning(?:ar)?|vänliga\s+hälsningar|hälsningar|(?:best|kind)\s+regards|"
    r"regards)[,.!]?$",
    re.IGNORECASE,
)


def _numbered_headings(
    lines: list[Line], numbers: list[str | None], says_what_to_do: Callable[[str], bool]
) -> list[Line]:
    """Numbered lines are headings ("1. Organisation", "3.2 Kampanjer") or list items ("1. Ordna ...").

    A multi-level number is a heading. A single number is a heading when the line has a heading's shape and
    its neighbours are not the list it would belong to: the numbered lines around it (blank lines aside) do
    not carry the numbers just before and after its own.
    """

    def neighbour(index: int, step: int) -> str | None:
        """The number of the nearest numbered line that way, past a wrapped line or two, if any. An item of
        another list (a bullet, "a)") in between ends the search: numbers beyond it are not this list's."""
        for _ in range(4):
            index += step
            while 0 <= index < len(lines) and lines[index].kind is LineKind.BLANK:
                index += step
            if not 0 <= index < len(lines) or lines[index].kind is LineKind.HEADING:
                return None
            if numbers[index] is not None:
                return numbers[index]
            if lines[index].kind is LineKind.BULLET:
                return None
        return None

    def paragraph_after(index: int) -> bool:
        """Whether a paragraph of sentences follows: "1. Inledning" over "Året efter valet är ...", as a
        heading stands over its text (a wrapped item's rest goes on in lower case)."""
        index += 1
        while index < len(lines) and lines[index].kind is LineKind.BLANK:
            index += 1
        if index >= len(lines) or lines[index].kind is not LineKind.PROSE:
            return False
        words = lines[index].text
        return words[:1].isupper() and len(words.split()) >= 5 and words.rstrip().endswith((".", "!", ":"))

    def list_of_another_kind_after(index: int) -> bool:
        """Whether a list of another kind follows a line that follows no item of its own list: "2. Våra
        mål" after a paragraph, over "1) Hålla ..." or bullets."""
        sign = (numbers[index] or "")[-1:]
        start = index
        before = index - 1
        while before >= 0 and lines[before].kind is LineKind.BLANK:
            before -= 1
        if before >= 0 and lines[before].kind is LineKind.BULLET:
            return False
        index += 1
        while index < len(lines) and lines[index].kind is LineKind.BLANK:
            index += 1
        if index >= len(lines) or lines[index].kind is not LineKind.BULLET:
            return False
        after = numbers[index]
        if after is not None and _next_chapter(numbers[start] or "", after):
            return False  # "2. Kommunikation" after "1.3 …": the next chapter, not a list under this line
        return after is None or (after[-1:] != sign and not after.rstrip(".)").count("."))

    def introduced(index: int) -> bool:
        """Whether the line before is one that introduces a list ("Vi ska:")."""
        index -= 1
        while index >= 0 and lines[index].kind is LineKind.BLANK:
            index -= 1
        return index >= 0 and lines[index].kind is LineKind.PROSE and lines[index].text.endswith(":")

    def activities(index: int) -> list[int]:
        """The bullets right under a numbered goal written as a sentence ("1.1 Alla lokalavdelningar ska
        …" over "• Ringkampanj i februari"), up to the goal numbered next, a heading or the end: how the goal
        will be reached. None where the line reads as a heading ("1. Medlemmar"; but "1. Värva 20 nya
        medlemmar" over indented sub-items is a goal) or introduces them ("2. Under året ska vi:"), or the
        bullets lead anywhere else."""
        number = numbers[index] or ""
        if lines[index].text.endswith(":"):
            return []
        heading = looks_like_heading(lines[index].text)
        found = []
        start = index
        index += 1
        while index < len(lines) and (
            lines[index].kind is LineKind.BLANK
            or (lines[index].kind is LineKind.BULLET and numbers[index] is None and not lines[index].goal)
        ):
            if lines[index].kind is LineKind.BULLET:
                found.append(index)
            index += 1
        if heading and not (all(lines[i].depth for i in found) and says_what_to_do(lines[start].text)):
            return []
        if (
            index == len(lines)
            or lines[index].kind is LineKind.HEADING
            or (lines[index - 1].kind is LineKind.BLANK and looks_like_heading(lines[index].text))
        ):
            return found  # the end of the chapter: a heading, or a line that will be one
        after = numbers[index]
        return (
            found
            if after is not None and (_follows(after, number, 1) or _next_chapter(number, after))
            else []
        )

    result = list(lines)
    for index, number in enumerate(numbers):
        if number is None:
            continue
        text = lines[index].text
        depth = number.rstrip(".)").count(".")
        if under := activities(index):
            result[index] = Line(LineKind.BULLET, text, number=lines[index].number, goal=lines[index].goal)
            for sub in under:
                result[sub] = replace(lines[sub], activity=True)
            continue
        in_list = _follows(neighbour(index, -1), number, -1) or _follows(neighbour(index, 1), number, 1)
        heads_text = paragraph_after(index) or list_of_another_kind_after(index)
        if depth:
            # "3.2 Kampanjer" over its text is a heading; "1.1 Genomföra ..." beside "1.2 ..." an item, and so
            # is "3.1 Samla in ..." alone under "3. Ekonomi" with nothing under it to head.
            alone = not in_list and not heads_text and _heads_nothing(lines, numbers, index)
            if (not in_list and not alone) or (looks_like_heading(text) and heads_text):
                result[index] = Line(LineKind.HEADING, text, HeadingStyle.NUMBERED, depth + 1)
            continue

        alone = not in_list and not heads_text and _heads_nothing(lines, numbers, index)
        if looks_like_heading(text) and not introduced(index) and (not in_list or heads_text) and not alone:
            result[index] = Line(LineKind.HEADING, text, HeadingStyle.NUMBERED, 1)
    return result


def _next_chapter(number: str, other: str) -> bool:
    """Whether `other` numbers the chapter after the one `number` is in: "2." after "1.3", "2" after
    "1.2.4"."""
    mine, theirs = number.rstrip(".)").split("."), other.rstrip(".)").split(".")
    if len(theirs) >= len(mine) or other.endswith(")") or not all(p.isdigit() for p in mine + theirs):
        return False
    return theirs[:-1] == mine[: len(theirs) - 1] and int(theirs[-1]) == int(mine[len(theirs) - 1]) + 1


def _heads_nothing(lines: list[Line], numbers: list[str | None], index: int) -> bool:
    """Whether the numbered line at `index` is followed by no text of its own: the next line (blank lines
    and whom it names responsible aside) is a heading, the next number of its list or chapter, or the end."""
    number = numbers[index] or ""
    index += 1
    while index < len(lines) and (
        lines[index].kind is LineKind.BLANK or RESPONSIBLE_LINE.match(lines[index].text)
    ):
        index += 1
    if index >= len(lines) or lines[index].kind is LineKind.HEADING:
        return True
    after = numbers[index]
    return after is not None and (_follows(after, number, 1) or _next_chapter(number, after))


def _follows(other: str | None, number: str, step: int) -> bool:
    """`other` is the number `step` from `number` in the same list: "2." after "1.", "1.2" after "1.1", not
    "2)" after "1.", nor "2.1" after "1.3"."""
    if other is None or (other[-1:] != number[-1:] and (other[-1:] in ".)" or number[-1:] in ".)")):
        return False
    mine, theirs = number.rstrip(".)").split("."), other.rstrip(".)").split(".")
    if len(mine) != len(theirs) or mine[:-1] != theirs[:-1] or not theirs[-1].isdigit():
        return False
    return int(theirs[-1]) == int(mine[-1]) + step


def _plain_headings(lines: list[Line]) -> list[Line]:
    """Headings without marks: a short line in a heading's shape, with a blank line (or the start) before
    it and a blank line, a list or a new paragraph after it."""
    result = list(lines)
    for index, line in enumerate(lines):
        before = lines[index - 1].kind if index > 0 else LineKind.BLANK
        after = lines[index + 1] if index + 1 < len(lines) else Line(LineKind.BLANK)
        # Without a blank line before it, after a finished sentence or a title, over a list.
        tight = (
            before is LineKind.PROSE
            and _heads_next(lines, index)
            and (lines[index - 1].text.endswith((".", "!", "?")) or looks_like_heading(lines[index - 1].text))
            and (after.kind is LineKind.BULLET or _sentence(after.text))
        )
        if line.kind is not LineKind.PROSE or (
            before not in (LineKind.BLANK, LineKind.HEADING) and not tight
        ):
            continue
        if RESPONSIBLE_LINE.match(line.text):
            continue  # "Ansvarig: Medlemsutskottet" says who does the goal above; it heads nothing

        # "Organisation:" over a list names the list's subject; "Vi ska:" introduces it (no heading). A word
        # processor's paragraphs have blank lines between.
        label = line.text[:-1].strip()
        listed = next((later for later in lines[index + 1 :] if later.kind is not LineKind.BLANK), after)
        if (
            line.text.endswith(":")
            and listed.kind is LineKind.BULLET
            and len(label.split()) <= 5
            and looks_like_heading(label)
            and not re.search(r"\b(?:vi|jag|vill|att|we|i|will|shall|to)\b", label, re.IGNORECASE)
        ):
            result[index] = Line(LineKind.HEADING, label, HeadingStyle.PLAIN)
            continue
        if not looks_like_heading(line.text):
            continue
        opens_paragraph = after.kind is LineKind.PROSE and after.text[:1].isupper()
        if after.kind in (LineKind.BLANK, LineKind.BULLET, LineKind.HEADING) or (
            opens_paragraph and len(line.text.split()) <= 6
        ):
            result[index] = Line(LineKind.HEADING, _unnumbered(line.text), HeadingStyle.PLAIN)
    return result


def join_lines(parts: Iterable[str]) -> str:
    """Lines joined into running text, mending words hyphenated across lines.

    "opposi-" + "tionsarbete" -> "oppositionsarbete", "verk-" + "Samhetsår" -> "verksamhetsår". The hyphen
    stays where it belongs to the word: after a capital or a digit ("SD-" + "politik", "2023-" + "2024"),
    after a single letter ("e-" + "post"), before a word that is not a letter, before "och"/"eller"
    ("kvinno- och hbtq-frågor"), and after a name within a sentence ("i Teams-" + "kanalen": Swedish writes
    no other word with a capital there).
    """
    text = ""
    for part in parts:
        part = re.sub(r"\s+", " ", part).strip()
        if not part:
            continue
        if not text:
            text = part
            continue
        broken = re.search(r"(?:^|\s)(\S*?)(\w)-$", text)
        if broken is None:
            text = f"{text} {part}"
            continue
        stem, before = broken.group(1) + broken.group(2), broken.group(2)
        first_word = part.split(" ", 1)[0]
        ahead = text[: broken.start(1)].rstrip()
        named = stem[:1].isupper() and bool(ahead) and not ahead.endswith((".", "!", "?", ":", "•"))
        if first_word.lower() in _WORD_BREAK_KEEPERS:
            text = f"{text} {part}"
        elif named or before.isupper() or before.isdigit() or len(stem) == 1 or not part[0].isalpha():
            text = text + part
        else:
            if part[0].isupper() and part[1:2].islower():
                part = part[0].lower() + part[1:]
            text = text[:-1] + part
    return text


_ABBREVIATIONS = (
    "t.ex.",
    "bl.a.",
    "m.m.",
    "s.k.",
    "dvs.",
    "osv.",
    "fr.o.m.",
    "t.o.m.",
    "ca.",
    "resp.",
    "p.g.a.",
)


def sentences(text: str) -> list[str]:
    """Running text split into sentences at . ! ? followed by a capital, minding common abbreviations."""
    result = []
    start = 0
    for match in re.finditer(r"[.!?]+[\"”’)]*\s+(?=[A-ZÅÄÖÉÜ0-9\"“”])", text):
        word = text[: match.start() + 1].rsplit(" ", 1)[-1].lower()
        if word in _ABBREVIATIONS:
            continue
        result.append(text[start : match.end()].strip())
        start = match.end()
    result.append(text[start:].strip())
    return [sentence for sentence in result if sentence]


def present_heading(text: str) -> str:
    """A heading as the bot shows it: markup removed, ALL CAPS put in sentence case (Swedish letters kept)."""
    text = re.sub(r"\s+", " ", text.replace("**", " ")).strip().strip("#").strip()
    if any(ch.islower() for ch in text) or not any(ch.isalpha() for ch in text):
        return text
    words = []
    for word in text.split(" "):
        core = word.strip(".,:;!?()\"'”“")
        if core in ACRONYMS:
            words.append(word)
        else:
            lower = word.lower()
            name = PROPER_NAMES.get(core.casefold())
            words.append(lower.replace(core.lower(), name) if name else lower)
    result = " ".join(words)
    for i, ch in enumerate(result):
        if ch.isalpha():
            return result[:i] + ch.upper() + result[i + 1 :]
        if ch.isdigit():
            break
    return result
