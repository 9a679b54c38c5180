"""The board's follow-up (`uppföljning` / `follow-up`) and the year's report (`verksamhetsberättelse` /
`annual report`), through the real server as Teams sends messages, and from the command line.

What a board member means, as these stories hold it:
- Before a board meeting, `uppföljning` tells what happened since the board last looked (or since the day
  given): the reports that came in, per goal and branch; the goals that moved; the goals behind, by how much
  and who answers for them; the branches that have said nothing; the prompts posted and coming. The numbers
  are those `status` shows, never computed apart. The same comes as a Word document for the meeting's papers,
  behind a link that expires and only the board can use.
- At the year's end, `verksamhetsberättelse 2026` gives a Word draft laid out like the plan: a heading per
  section and goal, what the plan said, the result in numbers, the reporters' comments as material (named
  only while the reporter is still in the district and has not asked to be forgotten) and a marked place
  for the board's own words; then a table of every goal and the year's prompts.
"""

from __future__ import annotations

import asyncio
import io
import re
import shutil
import subprocess
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import docx
import pytest
from aiohttp.test_utils import TestClient, TestServer
from yarl import URL

from bot.__main__ import main
from bot.app import COMPONENTS, create_app
from bot.config import Settings
from bot.db.checkins import CheckInRepository
from bot.db.engine import Database
from bot.db.people import PeopleRepository
from bot.db.privacy import PrivacyRepository
from bot.db.repository import Repository
from bot.services.goals import Period, Target, TargetKind
from bot.services.people import PersonInfo, Role
from bot.services.plan import load_sample_plan
from tests.conftest import NOW, Clock
from tests.fakes.chat import ask, card_of, reply_text
from tests.fakes.connector import FakeConnector

DISTRICT = "Vänsterpartiet Västernorrland"
MEGAN = PersonInfo("29:user-megan", "aad-megan", "Megan Bowen")  # the sender in tests/fakes/activities
ANNA = PersonInfo("29:user-anna", "aad-anna", "Anna Andersson")  # chair of Sundsvall
BO = PersonInfo("29:user-bo", "aad-bo", "Bo Ek")  # chair of Härnösand, later forgotten
CECILIA = PersonInfo("29:user-cecilia", "aad-cecilia", "Cecilia Ny")  # chaired Kramfors, then stepped down
LAST_FOLLOW_UP = datetime(2026, 9, 10, 16, 0, tzinfo=UTC)


def plan_with_branch_goal(repository: Repository) -> None:
    """The sample plan, with goal 4 (phoning members) something every branch does once a quarter."""
    sample = load_sample_plan()
    first = sample.sections[0]
    goals = list(first.goals)
    goals[3] = replace(
        goals[3], applies_to_branches=True, target=Target(TargetKind.COUNT, 1, Period.QUARTER, "ringkväll")
    )
    sections = (replace(first, goals=tuple(goals)), *sample.sections[1:])
    title = "Vänsterpartiet Västernorrlands verksamhetsplan 2026"
    repository.save_plan(DISTRICT, replace(sample, title=title, year=2026, sections=sections), now=NOW)


def store_year(database: Database, clock: Clock) -> None:
    """Three branches with chairs; reports before the last follow-up (10 September) and after it."""
    repository = Repository(database)
    plan_with_branch_goal(repository)
    people, checkins = PeopleRepository(database), CheckInRepository(database)
    start = datetime(2026, 1, 5, tzinfo=UTC)
    people.grant(ANNA, DISTRICT, Role.CHAIR, branch="Sundsvall", now=start)
    people.grant(BO, DISTRICT, Role.CHAIR, branch="Härnösand", now=start)
    people.grant(CECILIA, DISTRICT, Role.CHAIR, branch="Kramfors", now=start)
    people.grant(MEGAN, DISTRICT, Role.BOARD, now=start)
    plan = repository.plan(DISTRICT)
    assert plan is not None
    branch = {b.name: b.id for b in checkins.branches(DISTRICT)}

    def add(
        who: PersonInfo, goal: int, where: str | None, value: float, on: date, comment: str | None
    ) -> None:
        found = plan.goal(goal)
        assert found is not None
        checkins.add(
            district=DISTRICT,
            goal_id=found.id,
            branch_id=branch[where] if where else None,
            reporter=who,
            value=value,
            happened_on=on,
            area=None,
            comment=comment,
            now=datetime.combine(on, datetime.min.time(), tzinfo=UTC) + timedelta(hours=18),
        )

    add(ANNA, 4, "Sundsvall", 1, date(2026, 3, 20), "Ringkväll med tolv aktiva")
    add(CECILIA, 4, "Kramfors", 1, date(2026, 5, 12), "Vi ringde 30 medlemmar")
    add(MEGAN, 6, None, 1, date(2026, 2, 2), "Ordförandemöte i Sundsvall")
    add(ANNA, 4, "Sundsvall", 1, date(2026, 8, 20), None)
    # after the last follow-up
    add(BO, 4, "Härnösand", 1, date(2026, 10, 10), "Ringde 40 medlemmar")
    add(MEGAN, 12, None, 1700, date(2026, 10, 14), "Facebooksidan växer")
    add(MEGAN, 6, None, 1, date(2026, 10, 20), None)
    clock.now = NOW


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def client(settings: Settings, clock: Clock) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(create_app(settings, clock=clock), host="127.0.0.1"))
    await client.start_server()
    store_year(client.app[COMPONENTS].database, clock)
    client.app[COMPONENTS].bot.services.reports.store.record(DISTRICT, now=LAST_FOLLOW_UP)  # type: ignore[union-attr]
    yield client
    await client.close()


def status_lines(text: str) -> dict[int, str]:
    """Goal number -> the line `status` shows for it."""
    return {int(m[1]): m[2] for m in re.finditer(r"^\s*(\d+)\. (.*)$", text, re.MULTILINE)}


def section(text: str, heading: str, following: list[str]) -> list[str]:
    """The lines under `heading` in a card's text, up to the next of `following`."""
    lines = text.split("\n")
    start = lines.index(heading) + 1
    end = min((lines.index(h) for h in following if h in lines[start:]), default=len(lines))
    return [line for line in lines[start:end] if line]


def read_docx(data: bytes) -> docx.document.Document:
    assert data[:2] == b"PK"  # a zip, as every .docx is
    return docx.Document(io.BytesIO(data))


NOT_REPORTED = "Branches that have not reported for the quarter ending 31 Dec 2026"
ENGLISH_SECTIONS = [
    "New reports",
    "Goals that moved",
    "Goals behind",
    NOT_REPORTED,
    "1 prompt posted",
    "Prompts posted",
    "Upcoming prompts",
]


async def test_only_the_board_may_ask_for_a_follow_up(client: TestClient, connector: FakeConnector) -> None:
    assert client.app[COMPONENTS].people.revoke(MEGAN, DISTRICT, Role.BOARD) == 1
    text = reply_text(await ask(client, connector, "follow-up"))
    assert text.startswith("Only the board and administrators can do that")
    text = reply_text(await ask(client, connector, "verksamhetsberättelse 2026", locale="sv-SE"))
    assert text.startswith("Det kan bara styrelsen och administratörer göra")


async def test_a_follow_up_tells_the_board_what_happened_since_the_last_one(
    client: TestClient, connector: FakeConnector, clock: Clock
) -> None:
    status = reply_text(await ask(client, connector, "status"))
    body = await ask(client, connector, "follow-up")
    text = reply_text(body)
    assert text.startswith("Follow-up since 10 Sep 2026\n")
    # Stored after 10 September: Härnösand's goal 4, the district's goals 6 and 12. Nothing else.
    assert section(text, "New reports", ENGLISH_SECTIONS) == [
        "Goal 4 · Härnösand: 1 report, 1 phone-bank evening in all",
        "Goal 6 · the district: 1 report, 1 chairs' meeting in all",
        "Goal 12 · the district: 1 report, latest 1,700 followers",
    ]
    moved = section(text, "Goals that moved", ENGLISH_SECTIONS)
    assert [line.split(":")[0] for line in moved] == ["Goal 4", "Goal 6", "Goal 12"]
    assert moved[2] == (
        "Goal 12: 1,500 followers, no reading this year, target 2,000 → 1,700 of 2,000 followers · behind"
    )
    # Behind: with status's own words for each.
    standing = status_lines(status)
    behind = section(text, "Goals behind", ENGLISH_SECTIONS)
    assert behind[-1].startswith("… and ")  # the card shows 8; the document has them all
    for line in behind[:-1]:
        number = int(line.split(":")[0].removeprefix("Goal "))
        assert line.startswith(f"Goal {number}: {standing[number]}")
    # As the quarter's reminders count it (goals 3 and 4 are every branch's): Härnösand's October report.
    assert section(text, NOT_REPORTED, ENGLISH_SECTIONS) == [
        "Härnösand: reported on goal 4 · not reported on goal 3",
        "Kramfors: not reported on goals 3, 4",
        "Sundsvall: not reported on goals 3, 4",
    ]
    assert section(text, "Prompts posted", ENGLISH_SECTIONS) == ["No prompts posted."]  # said once

    # The same, as a Word document for the meeting's papers.
    [action] = card_of(body)["actions"]
    assert action["title"] == "Download as Word"
    response = await client.get(URL(action["url"]).path)
    assert response.status == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="uppfoljning-2026-11-22.docx"'
    assert response.headers["Cache-Control"] == "no-store"
    document = read_docx(await response.read())
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Title", "Heading"))
    ]
    assert headings == [
        ("Title", "Follow-up since 10 Sep 2026"),
        ("Heading 1", "New reports"),
        ("Heading 1", "Goals that moved"),
        ("Heading 1", "Goals behind"),
        ("Heading 1", NOT_REPORTED),
        ("Heading 1", "Prompts posted"),
        ("Heading 1", "Upcoming prompts"),
        ("Heading 1", "Every goal today"),
    ]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    texts = [p.text for p in document.paragraphs]
    behind_in_full = texts[texts.index("Goals behind") + 1 : texts.index(NOT_REPORTED)]
    assert behind_in_full[: len(behind) - 1] == behind[:-1]
    # Behind: exactly the goals status calls behind.
    shown_behind = {int(line.split(":")[0].removeprefix("Goal ")) for line in behind_in_full}
    # status's pace follows the year's figure (a goal per period has this period's figure after it)
    assert shown_behind == {
        n for n, line in standing.items() if "behind" in line.split(" │ ")[0].split(" · ")
    }
    goal12 = next(line for line in behind_in_full if line.startswith("Goal 12:"))
    # 1,500 -> 2,000 over the year, due a twelfth at a time; on 22 November (day 326 of 365) ten twelfths
    # are due: it should be at 1,916.7; it is at 1,700.
    assert goal12.startswith(f"Goal 12: {standing[12]} · 217 followers short of where it should be by now")
    assert "Goal 12 · the district: 1 report, latest 1,700 followers" in bullets
    # Every goal's row says what status says of it.
    [table] = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Goal", "Section", "Progress", "Pace"]
    assert len(rows) == 25
    for number, _, progress, _ in rows[1:]:
        assert standing[int(number)].startswith(progress), (number, progress)

    # Asked again the same day, it covers the same span; the next day, it starts from today's.
    again = reply_text(await ask(client, connector, "follow-up"))
    assert again.startswith("Follow-up since 10 Sep 2026\n")
    clock.now = NOW + timedelta(days=1)
    later = reply_text(await ask(client, connector, "follow-up"))
    assert later.startswith("Follow-up since 22 Nov 2026\n")
    assert section(later, "New reports", ENGLISH_SECTIONS) == ["No new reports."]
    assert section(later, "Goals that moved", ENGLISH_SECTIONS) == ["No goal has moved."]


async def test_uppfoljning_sedan_ett_datum_pa_svenska(client: TestClient, connector: FakeConnector) -> None:
    body = await ask(client, connector, "uppföljning sedan 1/5", locale="sv-SE")
    text = reply_text(body)
    assert text.startswith("Uppföljning sedan 1 maj 2026\n")
    assert "Mål 4 · Kramfors: 1 rapport, 1 ringkväll sammanlagt" in text
    assert "Mål 4 · Sundsvall: 1 rapport, 1 ringkväll sammanlagt" in text  # 20 August; March's is before
    # Every branch has reported since 1 May, but only Härnösand this quarter, as the reminders count it.
    assert (
        "Partiföreningar som inte har rapporterat för kvartalet som slutar 31 dec. 2026\n"
        "Härnösand: rapporterat på mål 4 · inte rapporterat på mål 3\n"
        "Kramfors: inte rapporterat på mål 3, 4\n"
        "Sundsvall: inte rapporterat på mål 3, 4\n"
    ) in text
    document = read_docx(await (await client.get(URL(card_of(body)["actions"][0]["url"]).path)).read())
    assert document.paragraphs[0].text == "Uppföljning sedan 1 maj 2026"
    assert "Mål som ligger efter" in [p.text for p in document.paragraphs]
    assert document.core_properties.language == "sv-SE"
    # A date given is not the board's follow-up: the next plain one still starts from 10 September.
    assert reply_text(await ask(client, connector, "uppföljning", locale="sv-SE")).startswith(
        "Uppföljning sedan 10 sep. 2026"
    )


@pytest.mark.parametrize(
    ("text", "locale", "answer"),
    [
        ("follow-up since March 12", "en-US", "Follow-up since 12 Mar 2026"),
        ("follow-up since 2026-03-12", "en-US", "Follow-up since 12 Mar 2026"),
        ("uppföljning sedan 12 mars", "sv-SE", "Uppföljning sedan 12 mars 2026"),
        ("follow-up since someday", "en-US", "“someday” is not a date. Write e.g. follow-up since 12/3"),
        (
            "uppföljning sedan 2026-12-24",
            "sv-SE",
            "2026-12-24 har inte varit än; ange en dag som har passerat.",
        ),
    ],
)
async def test_since_a_day_as_people_write_it(
    client: TestClient, connector: FakeConnector, text: str, locale: str, answer: str
) -> None:
    assert reply_text(await ask(client, connector, text, locale=locale)).startswith(answer)


async def test_the_document_link_expires_and_dies_with_its_makers_board_seat(
    client: TestClient, connector: FakeConnector, clock: Clock
) -> None:
    url = URL(card_of(await ask(client, connector, "follow-up"))["actions"][0]["url"])
    assert url.path.startswith("/exports/")
    assert client.app[COMPONENTS].people.revoke(MEGAN, DISTRICT, Role.BOARD) == 1
    assert (await client.get(url.path)).status == 403
    client.app[COMPONENTS].people.grant(MEGAN, DISTRICT, Role.BOARD, now=NOW)
    assert (await client.get(url.path)).status == 200
    clock.now = NOW + timedelta(minutes=15)
    refused = await client.get(url.path)
    assert refused.status == 403 and await refused.json() == {"error": "forbidden"}
    token = url.path.rsplit("/", 1)[1]
    assert (await client.get(f"/exports/{token[:-2]}xx")).status == 403


async def test_in_a_channel_the_card_comes_without_the_document(
    client: TestClient, connector: FakeConnector
) -> None:
    body = await ask(client, connector, "follow-up", channel=True)
    assert "/exports/" not in str(body)
    assert reply_text(body).endswith("Ask me in our personal chat for the same as a Word document.")
    text = reply_text(await ask(client, connector, "annual report 2026", channel=True))
    assert "personal chat" in text and "/exports/" not in text


# --- the year's report ---------------------------------------------------------------------------------


async def test_the_annual_report_is_a_draft_laid_out_like_the_plan(
    client: TestClient, connector: FakeConnector, clock: Clock
) -> None:
    database = client.app[COMPONENTS].database
    # Bo asks to be forgotten; Cecilia steps down as chair and has left the district.
    assert PrivacyRepository(database).forget(BO) is not None
    assert client.app[COMPONENTS].people.revoke(CECILIA, DISTRICT, Role.CHAIR) == 1
    clock.now = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)  # the year is over: its final result
    status = status_lines(reply_text(await ask(client, connector, "status")))
    body = await ask(client, connector, "annual report 2026")
    card = card_of(body)
    assert "The 2026 report: a draft" in str(card["body"])
    response = await client.get(URL(card["actions"][0]["url"]).path)
    assert response.headers["Content-Disposition"] == 'attachment; filename="verksamhetsberattelse-2026.docx"'
    document = read_docx(await response.read())
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    heading1 = [text for style, text in paragraphs if style == "Heading 1"]
    plan = client.app[COMPONENTS].repository.plan(DISTRICT)
    assert plan is not None
    assert heading1 == [name for name, _ in plan.by_section("en")] + ["Every goal", "Discussion prompts"]
    heading2 = [text for style, text in paragraphs if style == "Heading 2"]
    assert heading2 == [f"Goal {goal.number}" for goal in plan.goals]
    texts = [text for _, text in paragraphs]

    def under(goal: int) -> list[str]:
        start = texts.index(f"Goal {goal}")
        end = texts.index(f"Goal {goal + 1}") if goal < len(plan.goals) else texts.index("Every goal")
        return texts[start + 1 : end]

    goal4 = under(4)
    assert goal4[0].startswith("The plan: The district and the branches phone members together")
    assert "Done when: at least 1 phone-bank evening per quarter" in goal4  # "ringkväll", in English
    # A branch reaches its target only by phoning every quarter: none did (Sundsvall Q1 and Q3, Kramfors
    # Q2, Härnösand Q4), so 0 of 3, as status says; and each quarter one branch of three met it.
    assert "Result: 0 of 3 branches have reached their target · not reached" in goal4
    assert status[4].startswith("▱▱▱▱▱▱▱▱▱▱ 0 of 3 branches have reached their target ·")
    by_quarter = "Q1: 1 of 3, Q2: 1 of 3, Q3: 1 of 3, Q4: 1 of 3"
    assert f"Period by period, the branches that met it: {by_quarter}" in goal4
    goal6 = under(6)  # once a quarter: Q1 and Q4 met, the periods met as status counts them
    assert "Result: 2 of 4 quarters met · not reached" in goal6
    assert status[6].endswith("2 of 4 quarters met · not reached")  # the year is over: no "this quarter"
    assert "Period by period: Q1: 1 of 1, Q2: 0 of 1, Q3: 0 of 1, Q4: 1 of 1" in goal6
    # Comments as material: named only while the reporter is in the district and not forgotten.
    assert "20 Mar 2026 (Sundsvall, Anna Andersson): Ringkväll med tolv aktiva" in goal4
    assert "12 May 2026 (a chair in Kramfors): Vi ringde 30 medlemmar" in goal4
    assert "10 Oct 2026 (a chair in Härnösand): Ringde 40 medlemmar" in goal4
    assert not any("Bo Ek" in text or "Cecilia" in text for text in texts)
    assert goal4[-1] == "[The board's words about goal 4]"
    highlighted = [run for p in document.paragraphs for run in p.runs if run.font.highlight_color is not None]
    assert len(highlighted) == len(plan.goals) + 2  # each goal, the introduction and the discussions
    assert "Result: 1,700 followers (from 1,500, target 2,000) · not reached" in under(12)
    # The branch table under goal 4 and the overview table hold status's numbers.
    tables = [[[c.text for c in row.cells] for row in table.rows] for table in document.tables]
    branch_tables = [table for table in tables if table[0] == ["Branch", "Result", "Pace"]]
    assert len(branch_tables) == 2  # goals 3 and 4 are every branch's
    assert branch_tables[1] == [
        ["Branch", "Result", "Pace"],
        ["Härnösand", "1 of 4 quarters met", "not reached"],
        ["Kramfors", "1 of 4 quarters met", "not reached"],
        ["Sundsvall", "2 of 4 quarters met", "not reached"],
    ]
    rows = tables[-1]
    assert rows[0] == ["Goal", "Section", "Result", "Pace"] and len(rows) == 25
    for number, _, result, pace in rows[1:]:
        line = status[int(number)]
        assert pace in line.split(" · "), (number, pace, line)  # one pace per goal
        for figure in re.findall(r"\d[\d,]*", result):  # "2 of 4 quarters met", "1,700 of 2,000" as status
            assert figure in line, (number, result, line)
    assert "The bot posted 0 discussion prompts in 2026." in texts


async def test_verksamhetsberattelse_pa_svenska_och_fel_ar(
    client: TestClient, connector: FakeConnector
) -> None:
    assert reply_text(await ask(client, connector, "verksamhetsberättelse 2025", locale="sv-SE")) == (
        "Planen gäller 2026; skriv verksamhetsberättelse 2026."
    )
    assert reply_text(await ask(client, connector, "verksamhetsberättelse förra året", locale="sv-SE")) == (
        "Skriv året, till exempel verksamhetsberättelse 2026."
    )
    body = await ask(client, connector, "verksamhetsberättelse 2026", locale="sv-SE")
    document = read_docx(await (await client.get(URL(card_of(body)["actions"][0]["url"]).path)).read())
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Verksamhetsberättelse 2026: utkast"
    assert "Mål 4" in texts and "[Styrelsens ord om mål 4]" in texts
    assert "Resultat: 0 av 3 partiföreningar har nått sitt mål · efter" in texts
    assert "Resultat: 2 av 4 kvartal klara i år · efter" in texts  # goal 6, as status says it in the year


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
async def test_libreoffice_opens_both_documents(
    client: TestClient, connector: FakeConnector, tmp_path: Path
) -> None:
    """LibreOffice (headless) reads each document and writes it out again as PDF."""
    for command in ("follow-up", "annual report 2026"):
        url = URL(card_of(await ask(client, connector, command))["actions"][0]["url"])
        (tmp_path / f"{command.split()[0]}.docx").write_bytes(await (await client.get(url.path)).read())
    profile = (tmp_path / "profile").as_uri()
    result = await asyncio.to_thread(
        subprocess.run,
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(tmp_path / "follow-up.docx"), str(tmp_path / "annual.docx")],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for name in ("follow-up.pdf", "annual.pdf"):
        assert (tmp_path / name).read_bytes().startswith(b"%PDF"), name


# --- the command line ------------------------------------------------------------------------------------


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database: Database) -> Settings:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("LANGUAGE", "en")
    return settings


def test_the_cli_writes_both_documents(
    env: Settings, database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.db import migrate

    migrate.upgrade(database)
    clock = Clock()
    store_year(database, clock)
    with clock.whole_process():
        target = tmp_path / "x.docx"
        assert main(["followup", "--since", "2026-10-01", "--out", str(target)]) == 0
        assert capsys.readouterr().err.strip().endswith(f"Wrote {target}.")
        document = read_docx(target.read_bytes())
        assert document.paragraphs[0].text == "Follow-up since 1 Oct 2026"
        assert "Goal 12 · the district: 1 report, latest 1,700 followers" in [
            p.text for p in document.paragraphs
        ]
        assert main(["annual-report", "2026"]) == 0
        assert "Goal 4" in [
            p.text for p in read_docx((tmp_path / "verksamhetsberattelse-2026.docx").read_bytes()).paragraphs
        ]
        assert main(["annual-report", "2025"]) == 2
        assert "plan is for 2026, not 2025" in capsys.readouterr().err
        assert main(["followup", "--since", "someday"]) == 2


@pytest.mark.parametrize(
    ("locale", "asked", "told"),
    [
        ("sv-SE", "årsrapport för förra året", "Skriv året, till exempel verksamhetsberättelse 2026."),
        ("en-US", "annual report for last year", "Write the year, e.g. annual report 2026."),
    ],
)
async def test_the_year_to_write_is_the_plans_after_it_is_over(
    client: TestClient, connector: FakeConnector, clock: Clock, locale: str, asked: str, told: str
) -> None:
    """In February 2027 the example year was today's (2027), and writing it was then refused: "the plan
    is for 2026". The example is the plan's year, which the command takes."""
    clock.now = datetime(2027, 2, 10, 10, 0, tzinfo=UTC)
    assert reply_text(await ask(client, connector, asked, locale=locale)) == told
