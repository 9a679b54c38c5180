"""Properties of what users type: the router answers anything, and the one-line check-in form is read exactly.

The router: whatever anyone writes (any unicode, control characters, text far too long, or real command
words in Swedish and English with random arguments), as a member, a chair, the board or an admin, in any
kind of conversation, with or without a district, the answer is a Reply that every channel can show, and
never an exception (which in Teams is a 500 and silence).

The form (bot/services/checkins.py): for any text it reads a check-in or says what is wrong with a
CheckInError, never anything else; a line built from valid parts reads back as those parts; and whatever
it reads meets the rules every check-in meets.

Every example runs on its own copy of the database (the `fresh` fixture), so a check-in, a role given or
taken, or `glöm mig bekräfta` in one example is not there in the next, nor when hypothesis shrinks.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from bot.commands import Router, build_router
from bot.commands.checkins import problem
from bot.commands.router import MAX_TEXT_LENGTH
from bot.i18n import fold, translator
from bot.services import dates
from bot.services.checkins import (
    MAX_COUNT,
    MAX_METRIC,
    CheckInDraft,
    CheckInError,
    CheckInProblem,
    check,
    find_date,
    parse_check_in,
    parse_goal_number,
    read_value,
)
from bot.services.goals import Period, Plan, Target, TargetKind
from bot.services.people import PersonInfo, Role
from tests.commands.conftest import (
    DISTRICT,
    OTHER_BOARD,
    OTHER_CHAIR,
    SENDERS,
    SOMEONE,
    District,
    Fresh,
    ask,
    readable,
)

# A few seconds for the whole file. The router's property costs a database copy per example: 50 for each of
# the four roles.
ROUTER = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PARSER = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

TODAY = date(2026, 11, 22)  # NOW in the district's zone; the sample plan is for 2026
YEAR = TODAY.year
AREAS = ("Facklig politik", "Feminism", "Antirasism", "Miljö och klimat")
AREA_NAMES = {area: area for area in AREAS}  # each name an area goes by -> the area

# --- what people write ---------------------------------------------------------------------------------

COMMAND_WORDS = sorted({word for route in build_router().routes for word in route.words})

# Arguments the commands read, in both languages, and what they must survive.
ARGUMENTS = [
    *"0 1 2 3 6 12 22 24 25 99 -1 +3 007 1,5 1.5 #6 6. 6: nr nummer no. 1e5 inf nan".split(),
    "1 650",
    "1\u00a0650",
    "9" * 400,  # a float too large for int(), and an id too large for the database
    "²",  # a digit to str.isdigit(), not to int()
    "١٢",  # Arabic-Indic twelve
    *"12/3 31/2 29/2 0/0 15/6 15/8 2026-03-12 2027-01-10 2025-12-31 0000-01-01 2026-13-40".split(),
    *"idag igår today yesterday".split(),
    "12 mars",
    "12 march",
    "32 maj",
    "3 jan.",
    *"klart klar ja nej done yes no gjort genomfört ej inte not".split(),
    "inte klart",
    "not done",
    *"bort ta remove revoke styrelse styrelsen board ordförande chair".split(),
    "för Sundsvall",
    "for Härnösand",
    "för",
    *"Sundsvall Timrå Härnösand".split(),
    *"på av on off stopp stop avsluta".split(),
    *"lägg till add ny new retire miljö: feministisk: facklig: klimat".split(),
    *"mig me bekräfta confirm data mål goals goal".split(),
    *"återkallade withdrawn 2027-Q2 2026 2026-05 2026-Q5".split(),
    "1 och 15 kl 18",
    "första och tredje tisdagen kl 19.30",
    "1st and 15th at 6pm",
    "sista fredagen i månaden kl 12",
    "kl 25",
    "kl 2.30",
    *"nu now över over".split(),
    *"Västernorrland Skåne Vänsterpartiet".split(),
    *AREAS,
    "Anti",
    "@Diego Siciliani",
    "Diego Siciliani",
    "<at>Lee Gu</at>",
    "**fet** [länk](https://example.org) `kod` # rubrik",
    "\x00",
    "\u200b",
    "\u202e",
    "\ufeff",
    "😀",
    "{}",
    "{id}",
    "%s",
]
SEPARATORS = [" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2028", "\x1c"]


@st.composite
def command_lines(draw: st.DrawFn) -> str:
    """A real command word (dressed as people type it) and random arguments."""
    word = draw(st.sampled_from(COMMAND_WORDS))
    word = draw(st.sampled_from([word, word.upper(), word.title(), fold(word) or word]))
    word = draw(st.sampled_from(["", "/", "!", "@"])) + word + draw(st.sampled_from(["", ".", ":", "?", ","]))
    arguments = draw(st.lists(st.one_of(st.sampled_from(ARGUMENTS), st.text(max_size=12)), max_size=6))
    separator = draw(st.sampled_from(SEPARATORS))
    return separator.join([word, *arguments])


@st.composite
def long_lines(draw: st.DrawFn) -> str:
    """Text around and far beyond the longest the bot reads."""
    head = draw(command_lines())
    filler = draw(st.sampled_from(["x", "ö", "9", "6 1 ", "\n", " ", "😀", "\x00"]))
    length = draw(st.one_of(st.integers(MAX_TEXT_LENGTH - 40, MAX_TEXT_LENGTH + 40), st.just(100_000)))
    return (head + " " + filler * length)[: max(length, 1)]


texts = st.one_of(st.text(), st.text(st.characters(codec="utf-8"), min_size=1, max_size=300))


anything = st.one_of(texts, command_lines(), long_lines())

# --- the router ----------------------------------------------------------------------------------------


@pytest.fixture
def runner() -> Iterator[asyncio.Runner]:
    with asyncio.Runner() as runner:
        yield runner


@pytest.mark.parametrize("role", list(Role))
@ROUTER
@given(
    text=anything,
    language=st.sampled_from(["sv", "en"]),
    kind=st.sampled_from(["personal", "channel", "groupChat"]),
    mentions=st.sampled_from([(), (SOMEONE,), (OTHER_CHAIR,), (SOMEONE, OTHER_BOARD)]),
    found=st.booleans(),
)
def test_the_router_answers_anything_anyone_writes(
    fresh: Fresh,
    router: Router,
    runner: asyncio.Runner,
    role: Role,
    text: str,
    language: str,
    kind: str,
    mentions: tuple[PersonInfo, ...],
    found: bool,
) -> None:
    route = router.route_for(text.split()[0].strip("!/?.,:;")) if text.split() else None
    event(f"command: {route.words[0] if route else '-'}")
    with fresh() as services:
        reply = runner.run(
            ask(
                router,
                services,
                text,
                SENDERS[role],
                language=language,
                kind=kind,
                mentions=mentions,
                found=found,
            )
        )
    assert readable(reply), (text, reply)


# --- the one-line check-in form ------------------------------------------------------------------------

TARGETS = [
    Target(TargetKind.DONE),
    Target(TargetKind.PEOPLE, count=3, unit="personer"),
    Target(TargetKind.COUNT, count=1, period=Period.QUARTER, unit="ordförandemöte"),
    Target(TargetKind.COUNT, count=1, period=Period.YEAR, unit="debattartikel", per_area=True),
    Target(TargetKind.METRIC, unit="följare", baseline=1500.0, goal_value=2000.0),
]
targets = st.sampled_from(TARGETS)
# Numbers as anyone might type them: other scripts' digits, superscripts, signs, marks, groups.
numberish = st.text(
    st.one_of(st.characters(categories=["Nd", "No", "Nl"]), st.sampled_from("0123456789#.,:+- \u00a0")),
    min_size=1,
    max_size=12,
)
form_texts = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(ARGUMENTS), numberish, st.text(max_size=8)), max_size=8).map(" ".join),
)
todays = st.one_of(st.just(TODAY), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))


@pytest.fixture
def plan(district: District) -> Plan:
    """The sample plan (goals 1–24), for the error messages; read only, so examples may share it."""
    plan = district.services.repository.plan(DISTRICT)
    assert plan is not None
    return plan


def _explained(error: CheckInError, plan: Plan) -> None:
    """A CheckInError is one of the catalogue's problems, and reads as a sentence in both languages."""
    assert isinstance(error.code, CheckInProblem)
    assert isinstance(error.detail, str)
    for language in ("sv", "en"):
        assert problem(translator(language), error, plan).strip()


@PARSER
@given(text=form_texts)
def test_the_goal_number_is_read_or_missing(text: str) -> None:
    try:
        number, rest = parse_goal_number(text)
    except CheckInError as error:
        assert error.code is CheckInProblem.NO_GOAL
    else:
        assert 0 <= number < 10**6
        assert rest == rest.strip()


@PARSER
@given(text=form_texts, target=targets, today=todays, year=st.one_of(st.none(), st.just(YEAR)))
def test_any_text_is_a_check_in_or_a_clear_error(
    plan: Plan, text: str, target: Target, today: date, year: int | None
) -> None:
    try:
        draft = parse_check_in(text, target, goal_number=6, today=today, year=year, areas=AREA_NAMES)
    except CheckInError as error:
        _explained(error, plan)
    else:
        # What the form reads meets the rules of every check-in.
        check(value=draft.value, happened_on=draft.happened_on, comment=draft.comment, today=today, year=year)
        assert draft.value >= 0
        if target.kind in (TargetKind.COUNT, TargetKind.PEOPLE):
            assert draft.value == int(draft.value) <= MAX_COUNT
        if target.kind is TargetKind.DONE:
            assert draft.value in (0.0, 1.0)
        if target.kind is TargetKind.METRIC:
            assert draft.value <= MAX_METRIC
        assert (draft.area is not None) == (target.kind is TargetKind.COUNT and target.per_area)
        assert draft.comment is None or draft.comment == " ".join(draft.comment.split())


@PARSER
@given(text=form_texts, target=targets)
def test_a_value_alone_is_a_number_or_a_clear_error(plan: Plan, text: str, target: Target) -> None:
    try:
        value = read_value(text, target)
    except CheckInError as error:
        _explained(error, plan)
    else:
        assert 0 <= value <= MAX_METRIC


@PARSER
@given(
    words=st.lists(st.one_of(st.sampled_from(ARGUMENTS), st.text(min_size=1, max_size=8)), min_size=1),
    today=todays,
)
def test_a_date_is_read_or_left_alone_or_a_clear_error(plan: Plan, words: list[str], today: date) -> None:
    words = " ".join(words).split()
    assume(words)
    try:
        found = find_date(words, today)
    except CheckInError as error:
        assert error.code is CheckInProblem.BAD_DATE
        _explained(error, plan)
    else:
        if found is not None:
            day, at, taken = found
            assert 1 <= taken <= 6 and at + taken <= len(words)
            if not re.search(r"\d{4}", " ".join(words[at : at + taken])):
                # "igår", "i måndags", "12/3", "12 mars": the latest such day up to today, or, when there
                # is none this year or last (29/2), this year's, refused as not yet happened.
                assert day <= today or day.year == today.year


# Round trips: a line built from valid parts reads back as those parts.

# A comment's words: anything but whitespace (which str.split() takes as Z* and a few C* characters).
comment_words = st.one_of(
    st.sampled_from(["ordförandemöte", "hölls", "i", "Sundsvall", "för", "möte", "#6", "OK!", "—", "m²"]),
    st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S"]), min_size=1, max_size=12),
)


def _dated(words: list[str]) -> bool:
    """Whether the words hold a day as a report reads it (or a day that cannot be)."""
    try:
        return dates.find(words, TODAY, YEAR) is not None
    except dates.DateError:
        return True


def _plain(words: list[str]) -> list[str]:
    """A comment whose first word the form would rightly read as more -- a date ("igår", "12 mars"), a group
    of a number ("1 650") or the rest of "inte klart" -- starts with "om" (about) instead. A day anywhere is
    the report's day ("2 möte igår", a month ending the line: "AUGUST"), so a comment has none."""
    words = [word for word in words if not _dated([word])]
    if words and (
        fold(words[0]) in ("klart", "klar", "done", "gjort") or any(ch.isdigit() for ch in words[0])
    ):
        return ["om", *words]
    return words


comments = (
    st.lists(comment_words, max_size=6).map(_plain).filter(lambda words: not _dated(words)).map(" ".join)
)
# How people name the months, in both languages.
MONTHS = [
    ("januari", "jan", "january"),
    ("februari", "feb", "february"),
    ("mars", "mar", "march"),
    ("april", "apr"),
    ("maj", "may"),
    ("juni", "jun", "june"),
    ("juli", "jul", "july"),
    ("augusti", "aug", "august"),
    ("september", "sep", "sept"),
    ("oktober", "okt", "oct", "october"),
    ("november", "nov"),
    ("december", "dec"),
]
days_this_year = st.dates(min_value=date(YEAR, 1, 1), max_value=TODAY)


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[str, date]:
    """A day of the plan year up to today, as people write it (or nothing, meaning today)."""
    day = draw(days_this_year)
    months = MONTHS[day.month - 1]
    forms = [
        "",
        day.isoformat(),
        f"{day.year}-{day.month}-{day.day}",
        f"{day.day}/{day.month}",
        f"{day.day} {draw(st.sampled_from(months))}",
        f"{day.day} {draw(st.sampled_from(months)).upper()}.",
    ]
    if day == TODAY:
        forms += ["idag", "today", "Idag"]
    if day == TODAY - timedelta(days=1):
        forms += ["igår", "yesterday", "IGÅR"]
    written = draw(st.sampled_from(forms))
    return written, (day if written else TODAY)


def _line(*parts: str) -> str:
    return " ".join(part for part in parts if part)


@PARSER
@given(
    number=st.integers(0, 999_999),
    prefix=st.sampled_from(["", "#"]),
    suffix=st.sampled_from(["", ".", ":"]),
    rest=comments,
)
def test_a_goal_number_reads_back(number: int, prefix: str, suffix: str, rest: str) -> None:
    assert parse_goal_number(_line(f"{prefix}{number}{suffix}", rest)) == (number, rest)


@PARSER
@given(
    value=st.integers(0, MAX_COUNT),
    when=written_dates(),
    comment=comments,
    kind=st.sampled_from([TargetKind.COUNT, TargetKind.PEOPLE]),
)
def test_a_count_reads_back(value: int, when: tuple[str, date], comment: str, kind: TargetKind) -> None:
    written, day = when
    target = Target(kind, count=1, period=Period.MONTH if kind is TargetKind.COUNT else None)
    draft = parse_check_in(_line(str(value), written, comment), target, goal_number=6, today=TODAY, year=YEAR)
    assert draft == CheckInDraft(6, float(value), day, None, comment or None)
    # A count is never written in groups: "1 100 deltagare" is 1, and "100 deltagare" is the comment.
    grouped = parse_check_in("1 100 deltagare", target, goal_number=6, today=TODAY, year=YEAR)
    assert (grouped.value, grouped.comment) == (1, "100 deltagare")


@PARSER
@given(
    whole=st.integers(0, MAX_METRIC),
    decimals=st.one_of(st.just(""), st.from_regex(r"[0-9]{1,3}", fullmatch=True)),
    mark=st.sampled_from([",", "."]),
    grouping=st.sampled_from(["", " ", "\u00a0", "\u202f"]),  # "1650", "1 650", as Excel copies it
    when=written_dates(),
    comment=comments,
)
def test_a_metric_reads_back(
    whole: int, decimals: str, mark: str, grouping: str, when: tuple[str, date], comment: str
) -> None:
    assume(not decimals or whole < MAX_METRIC)
    # "1,650" is English thousands, as the bot writes numbers to English readers: not 1.65.
    assume(not (mark == "," and len(decimals) == 3 and whole < 1000))
    written, day = when
    value_text = f"{whole:,}".replace(",", grouping) + (f"{mark}{decimals}" if decimals else "")
    line = _line(value_text, written, comment)
    draft = parse_check_in(line, TARGETS[4], goal_number=12, today=TODAY, year=YEAR)
    assert draft == CheckInDraft(12, float(f"{whole}.{decimals or 0}"), day, None, comment or None)


YES = ["klart", "Klart", "klar", "ja", "gjort", "genomfört", "done", "yes", "1", "KLART"]
NO = ["nej", "no", "0", "ej", "inte", "inte klart", "ej klar", "not done", "Inte Klart"]


@PARSER
@given(done=st.booleans(), data=st.data(), when=written_dates(), comment=comments)
def test_done_or_not_reads_back(
    done: bool, data: st.DataObject, when: tuple[str, date], comment: str
) -> None:
    written, day = when
    word = data.draw(st.sampled_from(YES if done else NO))
    draft = parse_check_in(
        _line(word, written, comment), Target(TargetKind.DONE), goal_number=1, today=TODAY, year=YEAR
    )
    assert draft == CheckInDraft(1, 1.0 if done else 0.0, day, None, comment or None)


@PARSER
@given(
    value=st.integers(0, MAX_COUNT),
    area=st.sampled_from(AREAS),
    spelling=st.sampled_from(["as is", "upper", "folded", "first four"]),
    when=written_dates(),
    comment=comments,
)
def test_a_count_per_area_reads_back(
    value: int, area: str, spelling: str, when: tuple[str, date], comment: str
) -> None:
    written, day = when
    typed = {
        "as is": area,
        "upper": area.upper(),
        "folded": fold(area),
        "first four": area.split()[0][:4],
    }[spelling]
    line = _line(str(value), written, typed, comment)
    draft = parse_check_in(line, TARGETS[3], goal_number=22, today=TODAY, year=YEAR, areas=AREA_NAMES)
    assert draft == CheckInDraft(22, float(value), day, area, comment or None)


# --- found by the properties ---------------------------------------------------------------------------

NINES = "9" * 400  # a float too large for int(): infinity
HUGE = "9" * 20  # too large for SQLite's INTEGER


@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        ("rapportera ²", Role.CHAIR, "Börja med målets nummer."),
        (f"rapportera 6 {NINES}", Role.CHAIR, "är alldeles för stort"),
        (f"ändra {{check_in}} {NINES}", Role.BOARD, "är alldeles för stort"),
        (
            "rapportera 12 1 650,5 för Sundsvall",
            Role.BOARD,
            "mål 12, 1\u00a0650,5 följare för distriktet (i Sundsvall)",
        ),
    ],
)
async def test_what_used_to_crash_or_be_misread_is_answered(
    district: District, router: Router, text: str, role: Role, expected: str
) -> None:
    text = text.format(check_in=district.furnished.check_in)
    reply = await ask(router, district.services, text, SENDERS[role])
    assert expected in reply.text


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("ändra ² 1", Role.CHAIR),
        ("ångra ²", Role.CHAIR),
        (f"ändra {HUGE} 1", Role.CHAIR),
        (f"ångra {HUGE}", Role.CHAIR),
        ("ansvarig ² Diego Siciliani", Role.BOARD),
        ("bank ta bort ²", Role.BOARD),
        (f"bank ta bort {HUGE}", Role.BOARD),
        ("exportera mål ²", Role.BOARD),
        ("exportera ²", Role.BOARD),
    ],
)
async def test_numbers_no_one_means_get_a_hint(
    district: District, router: Router, text: str, role: Role
) -> None:
    """Once crashes (a 500): digits int() cannot read ("²"), and ids too large for the database."""
    reply = await ask(router, district.services, text, SENDERS[role], mentions=(SOMEONE,))
    assert readable(reply)


@pytest.mark.parametrize("text", ["***", "!!!", "..."])
async def test_punctuation_alone_is_no_command(district: District, router: Router, text: str) -> None:
    reply = await ask(router, district.services, text, SENDERS[Role.MEMBER])
    assert "I don't know the command" in reply.text or "känner inte till kommandot" in reply.text


@pytest.mark.parametrize("text", ["😀", "👍", "🎉🎉 !", "❤️"])
async def test_emoji_alone_get_no_answer(district: District, router: Router, text: str) -> None:
    """An emoji written as a message is a reaction: answering it with "I don't know" would be noise."""
    reply = await ask(router, district.services, text, SENDERS[Role.MEMBER])
    assert reply.quiet and not reply.text


async def test_a_question_mark_alone_asks_for_help(district: District, router: Router) -> None:
    reply = await ask(router, district.services, "?", SENDERS[Role.MEMBER])
    help_reply = await ask(router, district.services, "hjälp", SENDERS[Role.MEMBER])
    assert reply.text == help_reply.text
