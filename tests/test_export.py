"""The board's CSV export: the command line, the chat's download link, and `GET /exports/{token}`.

Headings are read in English (LANGUAGE=en, an en-US Teams client) so the tests hold whatever the Swedish
catalogue says.
"""

from __future__ import annotations

import csv
import io
import re
import string
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import given
from hypothesis import strategies as st
from yarl import URL

from bot.__main__ import main
from bot.app import COMPONENTS, create_app, export_links
from bot.config import ConfigError, Settings, load_settings
from bot.db.checkins import CheckInRepository
from bot.db.engine import Database
from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.i18n import translator
from bot.services.export import (
    BOM,
    ExportFilterError,
    ExportLinks,
    ExportProblem,
    ExportQuery,
    ExportRow,
    filename,
    neutralise,
    parse_period,
    parse_words,
    render_csv,
)
from bot.services.people import PersonInfo, Role
from tests.conftest import NOW, Clock
from tests.fakes.chat import ask, card_of, reply_text
from tests.fakes.connector import FakeConnector

STOCKHOLM = ZoneInfo("Europe/Stockholm")
DISTRICT = "Vänsterpartiet Västernorrland"
ANNA = PersonInfo("29:user-anna", "aad-anna", "Anna Andersson")  # chair of Sundsvall
MEGAN = PersonInfo("29:user-megan", "aad-megan", "Megan Bowen")  # the sender in tests/fakes/activities
ENGLISH_HEADINGS = [
    "ID",
    "Goal",
    "Goal text",
    "Section",
    "Branch",
    "Value",
    "Date",
    "Area",
    "Comment",
    "Reported at",
    "Corrected",
]


@pytest.fixture(autouse=True)
def no_export_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PUBLIC_URL", "EXPORT_SECRET", "EXPORT_LINK_MINUTES"):
        monkeypatch.delenv(name, raising=False)


@dataclass(frozen=True)
class Stored:
    """The ids of the check-ins `store_checkins` made, by what they are."""

    q1_sundsvall: int  # goal 6, Sundsvall, 10 Feb, corrected
    q2_harnosand: int  # goal 6, Härnösand, 3 May, a formula for a comment
    may_district: int  # goal 10, the district, 20 May, 2.5
    q3_withdrawn: int  # goal 6, Sundsvall, 3 Aug, withdrawn
    q3_quirky: int  # goal 10, the district, 4 Aug, a comment with ; " and a line break


def store_checkins(database: Database) -> Stored:
    """Sample plan (this year's: 2026), two branches with chairs, five check-ins."""
    people = PeopleRepository(database)
    checkins = CheckInRepository(database)
    plan = Repository(database).plan(DISTRICT)
    assert plan is not None and plan.year == 2026
    people.grant(ANNA, DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW)
    people.grant(PersonInfo("29:user-bo", "aad-bo", "Bo"), DISTRICT, Role.CHAIR, branch="Härnösand", now=NOW)
    branch = {b.name: b.id for b in checkins.branches(DISTRICT)}
    goal6, goal10 = plan.goal(6), plan.goal(10)
    assert goal6 is not None and goal10 is not None

    def add(goal_id: int, branch_id: int | None, value: float, day: date, comment: str | None) -> int:
        return checkins.add(
            district=DISTRICT,
            goal_id=goal_id,
            branch_id=branch_id,
            reporter=ANNA,
            value=value,
            happened_on=day,
            area=None,
            comment=comment,
            now=NOW,
        ).id

    q1 = add(goal6.id, branch["Sundsvall"], 1, date(2026, 2, 10), "+46 70 123 45 67 ringde")
    checkins.correct(q1, by=ANNA, value=2, happened_on=date(2026, 2, 10), comment=None, now=NOW)
    q2 = add(goal6.id, branch["Härnösand"], 1, date(2026, 5, 3), '=HYPERLINK("http://evil.example","x")')
    may = add(goal10.id, None, 2.5, date(2026, 5, 20), "@SUM(1+1)")
    gone = add(goal6.id, branch["Sundsvall"], 1, date(2026, 8, 3), "-dubbel")
    assert checkins.withdraw(gone, by=ANNA, now=NOW)
    quirky = add(goal10.id, None, 1, date(2026, 8, 4), 'Möte; "Årsmöte"\nrad två')
    return Stored(q1, q2, may, gone, quirky)


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM.encode("utf-8")), data[:10]
    text = data.decode("utf-8")[1:]
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def ids(table: list[list[str]]) -> list[int]:
    return [int(row[0]) for row in table[1:]]


# --- the CSV itself ------------------------------------------------------------------------------------


def row(**changes: Any) -> ExportRow:
    base: dict[str, Any] = {
        "id": 1,
        "goal_number": 6,
        "goal_text": "Distriktet samlar ordförandena",
        "goal_text_en": "The district brings the chairs together",
        "section": "Drivkraften",
        "section_en": "The driving force",
        "branch": "Sundsvall",
        "value": 1.0,
        "happened_on": date(2026, 5, 3),
        "area": None,
        "comment": None,
        "reported_at": datetime(2026, 5, 3, 18, 30, 15, 123456, tzinfo=UTC),
        "corrected": False,
        "withdrawn": False,
    }
    return ExportRow(**{**base, **changes})


@pytest.mark.parametrize(
    ("comment", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+46 70 123", "'+46 70 123"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ('=HYPERLINK("http://x";"y")', '\'=HYPERLINK("http://x";"y")'),
        ("möte i Sundsvall", "möte i Sundsvall"),
        (" =1+2", " =1+2"),
        ("a=b", "a=b"),
    ],
)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_gets_a_quote(comment: str, cell: str) -> None:
    table = read_csv(render_csv([row(comment=comment)], translator("en"), zone=STOCKHOLM))
    assert table[1][8] == cell


def test_every_cell_is_neutralised_not_only_comments() -> None:
    table = read_csv(
        render_csv(
            [row(branch="=Sundsvall", area="+Miljö", goal_text_en="-x", section_en="@y")],
            translator("en"),
            zone=STOCKHOLM,
        )
    )
    assert table[1][2:5] == ["'-x", "'@y", "'=Sundsvall"] and table[1][7] == "'+Miljö"
    assert neutralise("") == "" and neutralise("'=") == "'="


def test_a_done_or_not_goal_is_exported_in_words() -> None:
    rows = [row(value=1, done_or_not=True), row(id=2, value=0, done_or_not=True)]
    for language, words in (("sv", ["klart", "inte klart"]), ("en", ["done", "not done"])):
        assert [r[5] for r in read_csv(render_csv(rows, translator(language), zone=STOCKHOLM))[1:]] == words


def test_the_csv_is_utf8_with_bom_semicolons_crlf_and_decimal_commas() -> None:
    data = render_csv(
        [row(), row(id=2, value=2.5, branch=None, comment='Möte; "Årsmöte"\nrad två', corrected=True)],
        translator("en"),
        zone=STOCKHOLM,
    )
    assert data.startswith(b"\xef\xbb\xbfID;Goal;Goal text;")
    assert data.count(b"\r\n") == 3  # header and two rows; the line break inside the comment is quoted
    table = read_csv(data)
    assert table[0] == ENGLISH_HEADINGS
    first, second = table[1], table[2]
    assert first == [
        "1",
        "6",
        "The district brings the chairs together",
        "The driving force",
        "Sundsvall",
        "1",
        "2026-05-03",
        "",
        "",
        "2026-05-03 20:30:15",  # Stockholm's summer time, as Swedish Excel reads a date and time
        "no",
    ]
    assert second[4] == "" and second[5] == "2,5" and second[8] == 'Möte; "Årsmöte"\nrad två'
    assert second[10] == "yes"
    assert '"Möte; ""Årsmöte""\nrad två"'.encode() in data  # quoted, quotes doubled


def test_swedish_takes_the_plans_own_words_and_english_falls_back_to_them() -> None:
    table = read_csv(render_csv([row(goal_text_en=None, section_en=None)], translator("en"), zone=STOCKHOLM))
    assert table[1][2:4] == ["Distriktet samlar ordförandena", "Drivkraften"]
    table = read_csv(render_csv([row()], translator("sv"), zone=STOCKHOLM))
    assert table[1][2:4] == ["Distriktet samlar ordförandena", "Drivkraften"]


def test_a_retired_goal_has_no_number_and_withdrawn_ones_get_a_column() -> None:
    table = read_csv(
        render_csv(
            [row(goal_number=None, withdrawn=True)], translator("en"), zone=STOCKHOLM, include_withdrawn=True
        )
    )
    assert table[0] == [*ENGLISH_HEADINGS, "Withdrawn"]
    assert table[1][1] == "" and table[1][-1] == "yes"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        (ExportQuery(DISTRICT), "rapporter.csv"),
        (ExportQuery(DISTRICT, period=parse_period("2027-q2")), "rapporter-2027-Q2.csv"),
        (
            ExportQuery(DISTRICT, period=parse_period("2027-5"), branch="Härnösand/Timrå", goal=6),
            "rapporter-2027-05-harnosand-timra-mal6.csv",
        ),
        (ExportQuery(DISTRICT, branch='"; rm -rf'), "rapporter-rm-rf.csv"),
    ],
)
def test_the_file_name_says_what_is_in_it_in_ascii(query: ExportQuery, name: str) -> None:
    assert filename(query) == name


# --- filters as written --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("2027", "2027", date(2027, 1, 1), date(2027, 12, 31)),
        ("2027-Q1", "2027-Q1", date(2027, 1, 1), date(2027, 3, 31)),
        ("2027q2", "2027-Q2", date(2027, 4, 1), date(2027, 6, 30)),
        ("2027-Q4", "2027-Q4", date(2027, 10, 1), date(2027, 12, 31)),
        ("2028-02", "2028-02", date(2028, 2, 1), date(2028, 2, 29)),
        ("2027-2", "2027-02", date(2027, 2, 1), date(2027, 2, 28)),
    ],
)
def test_periods(text: str, label: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.label, period.start, period.end) == (label, start, end)


@pytest.mark.parametrize(
    "text", ["", "27", "2027-Q5", "2027-Q0", "2027-13", "2027-00", "1999", "2027-05-01", "Q2"]
)
def test_bad_periods(text: str) -> None:
    with pytest.raises(ExportFilterError) as raised:
        parse_period(text)
    assert raised.value.code is ExportProblem.BAD_PERIOD


def test_chat_words_in_any_order() -> None:
    words = parse_words("2027-Q2 Härnösand Timrå mål 6 återkallade")
    assert words.period is not None and words.period.label == "2027-Q2"
    assert (words.branch, words.goal, words.include_withdrawn) == ("Härnösand Timrå", 6, True)
    assert parse_words("#12 sundsvall").goal == 12 and parse_words("12").goal == 12
    assert parse_words("goal 3 withdrawn") == parse_words("withdrawn goal 3")
    assert parse_words("") == parse_words("   ")
    for text, code in [
        ("2027 2028", ExportProblem.TWO_PERIODS),
        ("mål sex", ExportProblem.BAD_GOAL),
        ("mål", ExportProblem.BAD_GOAL),
        ("2027-Q7", ExportProblem.BAD_PERIOD),
    ]:
        with pytest.raises(ExportFilterError) as raised:
            parse_words(text)
        assert raised.value.code is code, text


# --- signed links --------------------------------------------------------------------------------------

SECRET = b"s" * 32


def links(secret: bytes = SECRET) -> ExportLinks:
    return ExportLinks(secret, base_url="https://bot.example.org/", lifetime=timedelta(minutes=15))


def test_a_token_carries_the_query_until_it_expires() -> None:
    query = ExportQuery(
        DISTRICT,
        period=parse_period("2027-Q2"),
        branch="Härnösand",
        goal=6,
        include_withdrawn=True,
        language="en",
    )
    url, expires = links().link(query, now=NOW)
    assert expires == NOW + timedelta(minutes=15)
    assert url.startswith("https://bot.example.org/exports/")
    token = url.rsplit("/", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9_.-]+", token)  # URL-safe as it is
    assert links().read(token, now=NOW) == query
    assert links().read(token, now=expires - timedelta(seconds=1)) == query
    assert links().read(token, now=expires) is None
    assert links(b"t" * 32).read(token, now=NOW) is None  # another secret: another process


def test_the_links_live_on_the_clock_they_are_given_not_the_real_one() -> None:
    later = NOW + timedelta(days=3650)  # far from any real date the tests run on
    url, expires = links().link(ExportQuery(DISTRICT), now=later)
    token = url.rsplit("/", 1)[1]
    assert links().read(token, now=later) == ExportQuery(DISTRICT)
    assert links().read(token, now=expires - timedelta(seconds=1)) == ExportQuery(DISTRICT)
    assert links().read(token, now=expires) is None
    assert links().read(token, now=NOW) is None  # stamped later than now: refused too


def test_a_changed_token_is_refused() -> None:
    token = links().token(ExportQuery(DISTRICT, branch="Sundsvall"), expires=NOW + timedelta(minutes=15))
    payload, stamp, signature = token.rsplit(".", 2)
    other = links().token(ExportQuery(DISTRICT, branch="Härnösand"), expires=NOW + timedelta(minutes=15))
    longer = links().token(ExportQuery(DISTRICT, branch="Sundsvall"), expires=NOW + timedelta(hours=1))
    flipped = payload[:-2] + ("A" if payload[-2] != "A" else "B") + payload[-1]
    alphabet = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
    assert len(signature) == 43  # 32 bytes: the last character carries 2 bits that decoding ignores
    same_bytes = alphabet[alphabet.index(signature[-1]) ^ 1]
    for changed in [
        f"{flipped}.{stamp}.{signature}",
        f"{other.rsplit('.', 2)[0]}.{stamp}.{signature}",  # another query under this signature
        f"{payload}.{stamp}.{signature[:-1]}",
        f"{payload}.{stamp}.{signature}=",
        f"{payload}.{stamp}.{signature[:9]}!{signature[9:]}",  # base64 decoding would skip the "!"
        f"{payload}.{stamp}.{signature[:-1]}{same_bytes}",  # the last character's unused bits changed
        f"{payload}.{stamp}",
        f"{payload}.{signature}",
        token + ".",
    ]:
        assert links().read(changed, now=NOW) is None, changed
    # The stamp is signed too: a later one (for a longer life) under this signature is refused.
    restamped = f"{payload}.{longer.rsplit('.', 2)[1]}.{signature}"
    assert links().read(longer, now=NOW + timedelta(minutes=50)) is not None
    assert links().read(restamped, now=NOW + timedelta(minutes=50)) is None


@given(st.text(max_size=300))
def test_reading_any_text_as_a_token_never_raises(text: str) -> None:
    assert links().read(text, now=NOW) is None


def test_a_too_short_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="too short"):
        ExportLinks(b"short", base_url="http://x", lifetime=timedelta(minutes=1))


def test_export_settings(settings: Settings) -> None:
    assert settings.public_base_url == "http://127.0.0.1:3978"
    assert settings.model_copy(update={"host": "::1"}).public_base_url == "http://[::1]:3978"
    assert settings.export_link_lifetime == timedelta(minutes=15)
    with pytest.raises(ConfigError, match="export_secret: use at least 32 characters"):
        load_settings(_env_file=None, export_secret="too-short")
    with pytest.raises(ConfigError, match="public_url"):
        load_settings(_env_file=None, public_url="bot.example.org")
    configured = load_settings(
        _env_file=None, public_url="https://bot.example.org/v/", export_secret="x" * 32, export_link_minutes=5
    )
    assert configured.public_base_url == "https://bot.example.org/v"
    # With EXPORT_SECRET every process (a restart, another replica) reads the others' links ...
    token = export_links(configured).token(ExportQuery(DISTRICT), expires=NOW + timedelta(minutes=5))
    assert export_links(configured).read(token, now=NOW) == ExportQuery(DISTRICT)
    # ... without it, each process makes up its own secret.
    token = export_links(settings).token(ExportQuery(DISTRICT), expires=NOW + timedelta(minutes=5))
    assert export_links(settings).read(token, now=NOW) is None


# --- the command line ----------------------------------------------------------------------------------


@pytest.fixture
def stored(database: Database, sample_repository: Repository) -> Stored:
    return store_checkins(database)


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("LANGUAGE", "en")
    return settings


def export(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, bytes, str]:
    code = main(["export", "checkins", *args])
    out, err = capsysbinary.readouterr()
    return code, out, err.decode("utf-8")


def test_the_cli_exports_every_standing_checkin_without_who_reported_it(
    env: Settings, stored: Stored, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, out, err = export(capsysbinary)
    assert code == 0 and err == ""
    table = read_csv(out)
    assert table[0] == ENGLISH_HEADINGS
    assert ids(table) == [stored.q1_sundsvall, stored.q2_harnosand, stored.may_district, stored.q3_quirky]
    by_id = {int(r[0]): r for r in table[1:]}
    first = by_id[stored.q1_sundsvall]
    assert first[1] == "6" and first[2].startswith("The district brings the branch chairs together")
    assert first[3] == "The driving force in the district" and first[4] == "Sundsvall"
    assert first[5:7] == ["2", "2026-02-10"] and first[8] == "'+46 70 123 45 67 ringde"
    assert first[9] == "2026-11-22 11:00:00" and first[10] == "yes"
    assert by_id[stored.q2_harnosand][8].startswith("'=HYPERLINK(") and by_id[stored.q2_harnosand][10] == "no"
    district = by_id[stored.may_district]
    # Goal 10 is done or not done: its value is in words, never 1 or 0 (or 2,5).
    assert district[4] == "" and district[5] == "done" and district[8] == "'@SUM(1+1)"
    assert by_id[stored.q3_quirky][8] == 'Möte; "Årsmöte"\nrad två'
    text = out.decode("utf-8")
    for personal in ("Anna", "aad-anna", "29:user-anna", "Bo", "aad-bo"):
        assert personal not in text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--year", "2026"], ["q1_sundsvall", "q2_harnosand", "may_district", "q3_quirky"]),
        (["--year", "2025"], []),
        (["--period", "2026"], ["q1_sundsvall", "q2_harnosand", "may_district", "q3_quirky"]),
        (["--period", "2026-Q1"], ["q1_sundsvall"]),
        (["--period", "2026-q2"], ["q2_harnosand", "may_district"]),
        (["--period", "2026-05"], ["q2_harnosand", "may_district"]),
        (["--period", "2026-08"], ["q3_quirky"]),
        (["--branch", "sundsvall"], ["q1_sundsvall"]),
        (["--branch", "HARNOSAND"], ["q2_harnosand"]),
        (["--goal", "10"], ["may_district", "q3_quirky"]),
        (["--goal", "6", "--period", "2026-Q3"], []),
        (["--goal", "6", "--period", "2026-Q3", "--include-withdrawn"], ["q3_withdrawn"]),
        (["--branch", "Sundsvall", "--include-withdrawn"], ["q1_sundsvall", "q3_withdrawn"]),
        (["--district", DISTRICT, "--goal", "#6", "--year", "2026"], ["q1_sundsvall", "q2_harnosand"]),
    ],
)
def test_the_cli_filters(
    env: Settings,
    stored: Stored,
    capsysbinary: pytest.CaptureFixture[bytes],
    args: list[str],
    expected: list[str],
) -> None:
    code, out, err = export(capsysbinary, *args)
    assert code == 0 and err == ""
    table = read_csv(out)
    assert ids(table) == [getattr(stored, name) for name in expected]
    withdrawn = "--include-withdrawn" in args
    assert table[0] == ENGLISH_HEADINGS + (["Withdrawn"] if withdrawn else [])
    if withdrawn:
        assert {r[-1] for r in table[1:] if int(r[0]) == stored.q3_withdrawn} == {"yes"}


def test_the_cli_writes_a_file(
    env: Settings, stored: Stored, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    target = tmp_path / "rapporter.csv"
    code, out, err = export(capsysbinary, "--period", "2026-Q2", "--out", str(target))
    assert code == 0 and out == b""
    assert err.strip() == f"Wrote 2 check-ins to {target}."
    assert ids(read_csv(target.read_bytes())) == [stored.q2_harnosand, stored.may_district]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2026-Q5"], "'2026-Q5' is not a period: write a year (2027), a quarter (2027-Q2)"),
        (["--period", "last-year"], "'last-year' is not a period"),
        (["--period", "2026-13"], "'2026-13' is not a period"),
        (["--year", "26"], "'26' is not a period"),
        (["--year", "2026-Q1"], "'2026-Q1' is not a period"),
        (
            ["--branch", "Gotland"],
            f"There is no branch 'Gotland' in {DISTRICT} (branches: Härnösand, Sundsvall).",
        ),
        (["--goal", "99"], f"There is no goal 99 in {DISTRICT}'s plan (it has goals 1-24)."),
        (["--goal", "0"], "There is no goal 0"),
        (["--goal", "six"], "--goal wants a goal's number, not 'six'."),
        (["--district", "Gotland"], "There is no district 'Gotland'"),
    ],
)
def test_bad_filters_are_one_line_and_exit_2(
    env: Settings, stored: Stored, capsysbinary: pytest.CaptureFixture[bytes], args: list[str], message: str
) -> None:
    code, out, err = export(capsysbinary, *args)
    assert code == 2 and out == b""
    assert err.count("\n") == 1 and message in err, err


def test_a_year_and_a_period_together_are_refused(env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "checkins", "--year", "2026", "--period", "2026-Q1"])
    assert exited.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_the_help_says_how_the_file_is_made(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "checkins", "--help"])
    help_text = capsys.readouterr().out
    for phrase in (
        "byte order mark",
        'separated by ";"',
        "decimal commas",
        "not exported",
        "--include-withdrawn",
    ):
        assert phrase in help_text


# --- in chat, and the download ------------------------------------------------------------------------


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def client(settings: Settings, clock: Clock) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(create_app(settings, clock=clock), host="127.0.0.1"))
    await client.start_server()  # loads the sample plan
    yield client
    await client.close()


@pytest.fixture
def app_stored(client: TestClient) -> Stored:
    return store_checkins(client.app[COMPONENTS].database)


def make_board(client: TestClient, person: PersonInfo = MEGAN) -> None:
    assert client.app[COMPONENTS].people.grant(person, DISTRICT, Role.BOARD, now=NOW)


async def test_members_are_refused_the_export_and_chairs_get_their_own_branchs(
    client: TestClient, connector: FakeConnector, app_stored: Stored
) -> None:
    make_board(client, ANNA)  # someone else is on the board
    text = reply_text(await ask(client, connector, "export 2026-Q2"))
    assert "Only branch chairs, the board and administrators can do that." in text
    assert "/exports/" not in text
    client.app[COMPONENTS].people.grant(MEGAN, DISTRICT, Role.CHAIR, branch="Sundsvall", now=NOW)
    text = reply_text(await ask(client, connector, "export Härnösand"))
    assert text == "You can export only your own branch's reports: write export Sundsvall"
    card = card_of(await ask(client, connector, "export"))
    assert "Sundsvall: 1 report." in str(card["body"])  # Sundsvall's standing one, not Härnösand's


async def test_the_board_gets_a_link_that_downloads_the_csv(
    client: TestClient, connector: FakeConnector, app_stored: Stored, clock: Clock
) -> None:
    make_board(client)
    card = card_of(await ask(client, connector, "export 2026-Q2"))
    [action] = card["actions"]
    assert action["type"] == "Action.OpenUrl" and action["title"] == "Download CSV"
    url = URL(action["url"])
    assert str(url).startswith("http://127.0.0.1:3978/exports/")
    said = str(card["body"])
    assert "2026-Q2: 2 reports." in said and "15 minutes, until 11:15" in said  # Stockholm time

    clock.now = NOW + timedelta(minutes=14)
    response = await client.get(url.path)
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="rapporter-2026-Q2.csv"'
    assert response.headers["Cache-Control"] == "no-store"
    table = read_csv(await response.read())
    assert table[0] == ENGLISH_HEADINGS  # the language of who asked
    assert ids(table) == [app_stored.q2_harnosand, app_stored.may_district]

    clock.now = NOW + timedelta(minutes=15)
    expired = await client.get(url.path)
    assert expired.status == 403 and await expired.json() == {"error": "forbidden"}


async def test_a_link_stops_working_when_its_maker_leaves_the_board(
    client: TestClient, connector: FakeConnector, app_stored: Stored
) -> None:
    make_board(client)
    url = URL(card_of(await ask(client, connector, "exportera 2026-Q2"))["actions"][0]["url"])
    assert (await client.get(url.path)).status == 200
    assert client.app[COMPONENTS].people.revoke(MEGAN, DISTRICT, Role.BOARD) == 1
    refused = await client.get(url.path)
    assert refused.status == 403 and await refused.json() == {"error": "forbidden"}
    make_board(client)  # back on the board: the link (still young) works again
    assert (await client.get(url.path)).status == 200


def test_a_link_carries_who_made_it_and_one_that_names_no_one_reads_without_them() -> None:
    links = ExportLinks(b"s" * 32, base_url="https://bot.example.org", lifetime=timedelta(minutes=15))
    query = ExportQuery(district=DISTRICT, made_by=MEGAN)
    read = links.read(links.token(query, expires=NOW + timedelta(minutes=15)), now=NOW)
    assert read is not None and read.made_by == PersonInfo(MEGAN.teams_user_id, MEGAN.aad_object_id, "")
    anonymous = links.read(
        links.token(ExportQuery(district=DISTRICT), expires=NOW + timedelta(minutes=1)), now=NOW
    )
    assert anonymous is not None and anonymous.made_by is None  # bot/app.py refuses to serve it


async def test_chat_filters_are_words_and_checked_against_the_plan(
    client: TestClient, connector: FakeConnector, app_stored: Stored
) -> None:
    make_board(client)
    card = card_of(await ask(client, connector, "export sundsvall återkallade mål 6"))
    assert "Sundsvall, goal 6, withdrawn ones included: 2 reports." in str(card["body"])
    response = await client.get(URL(card["actions"][0]["url"]).path)
    assert 'filename="rapporter-sundsvall-mal6.csv"' in response.headers["Content-Disposition"]
    table = read_csv(await response.read())
    assert ids(table) == [app_stored.q1_sundsvall, app_stored.q3_withdrawn] and table[0][-1] == "Withdrawn"

    assert "There is no branch called “Gotland”. Branches: Härnösand, Sundsvall" in reply_text(
        await ask(client, connector, "export Gotland")
    )
    assert "There is no goal 99; the plan has goals 1–24." in reply_text(
        await ask(client, connector, "export 99")
    )
    assert "“2026-Q9” is not a period" in reply_text(await ask(client, connector, "export 2026-Q9"))
    assert reply_text(await ask(client, connector, "export 2025")) == (
        "There are no reports for 2025, so there is nothing to export."
    )
    card = card_of(await ask(client, connector, "export"))
    assert "All reports: 4 reports." in str(card["body"])


async def test_a_period_in_words_is_the_latest_such_quarter_month_or_year(
    client: TestClient, connector: FakeConnector, app_stored: Stored
) -> None:
    """A board member writes "export Q1", "export last quarter", "exportera maj": the latest such period up
    to today (22 November 2026), as check-ins' dates are read (bot/services/dates.py); a day or a week is
    no period an export is cut by, and says so."""
    make_board(client)

    async def shown(text: str, locale: str = "en-US") -> str:
        body = await ask(client, connector, text, locale=locale)
        return str(card_of(body)["body"]) if body.get("attachments") else reply_text(body)

    for spoken, written in (
        ("export Q1", "export 2026-Q1"),
        ("export last quarter", "export 2026-Q3"),
        ("export last year", "export 2025"),
        ("export May Sundsvall", "export 2026-05 Sundsvall"),
    ):
        assert await shown(spoken) == await shown(written), spoken
    assert await shown("exportera förra kvartalet", "sv-SE") == await shown("exportera 2026-Q3", "sv-SE")
    assert (await shown("export yesterday")).startswith("“yesterday” is not a period")


async def test_no_link_is_posted_where_others_could_open_it(
    client: TestClient, connector: FakeConnector, app_stored: Stored
) -> None:
    make_board(client)
    text = reply_text(await ask(client, connector, "export", channel=True))
    assert "personal chat" in text and "/exports/" not in text


async def test_public_url_makes_the_links(settings: Settings, connector: FakeConnector, clock: Clock) -> None:
    public = settings.model_copy(update={"public_url": "https://bot.example.org/district"})
    client = TestClient(TestServer(create_app(public, clock=clock), host="127.0.0.1"))
    await client.start_server()
    try:
        store_checkins(client.app[COMPONENTS].database)
        make_board(client)
        card = card_of(await ask(client, connector, "export"))
        assert card["actions"][0]["url"].startswith("https://bot.example.org/district/exports/")
    finally:
        await client.close()


async def test_a_tampered_or_garbage_token_gets_403_and_no_details(
    client: TestClient, connector: FakeConnector, app_stored: Stored
) -> None:
    make_board(client)
    url = URL(card_of(await ask(client, connector, "export 2026-Q2"))["actions"][0]["url"])
    token = url.path.rsplit("/", 1)[1]
    payload, stamp, signature = token.rsplit(".", 2)
    # The same signature over a query for all of the year: refused.
    other = client.app[COMPONENTS].exports.token(
        ExportQuery(DISTRICT, language="en"), expires=NOW + timedelta(hours=1)
    )
    tampered = [
        f"{other.rsplit('.', 2)[0]}.{stamp}.{signature}",
        f"{payload}.{other.rsplit('.', 2)[1]}.{signature}",
        f"{payload}.{stamp}.{signature[::-1]}",
        f"{payload[1:]}.{stamp}.{signature}",
    ]
    garbage = [
        "x",
        "1",
        "1..",
        "1.e30.",
        "...",
        "%00",
        "%FF%FE",
        "a%2Fb",
        "1.x.y?e=9999999999",
        "1.x.y%0D%0ASet-Cookie:%20a=b",
        "1.%C3%A5.x",
        "A" * 5000,
        "1." + "A" * 3000 + ".B",
    ]
    for bad in tampered + garbage:
        response = await client.get(f"/exports/{bad}")
        assert response.status == 403, bad
        assert await response.json() == {"error": "forbidden"}, bad
    assert (await client.get("/exports/")).status == 404
    assert (await client.post(url.path)).status == 405
