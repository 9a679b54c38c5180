"""Random small histories written to the real server as people write them (`rapportera`, `ändra`,
`ångra`), read back as people read them: `status`, `status Sundsvall`, `mål N`, a chair's `status` and their
`mål N` say the same of every goal, and the district's quarters met are those the model counts.

What each number means is written down in tests/services/test_numbers_agree_properties.py (which checks
the same on many more histories through the services). Here: goal 6 is the district's chairs' meeting,
one a quarter ("2 av 4 kvartal klara i år" counts the quarters that had one, however many told of it);
goal 20 two opinion pieces in the year; goal 19 is made every branch's own (two a month each), so
"1 av 3 partiföreningar det här månaden" counts the branches that had two this month, and Sundsvall's
own line (Kim's `status`, `status Sundsvall`, the Sundsvall row of Kim's `mål 19`) is one branch's count.

Then two new branches are merged between their reports (`partiföreningar slå ihop`): the merged branch and
the district count each event once, as tests/services/test_numbers_agree_properties.py's model does.

Each example starts from nothing standing: what the last one stored is withdrawn first (kept, as the bot
keeps withdrawn reports, and counted nowhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.db.checkins import CheckInRepository
from bot.db.repository import Repository
from tests.conftest import every_branch
from tests.stories.conftest import DISTRICT, KIM, LEE, MEGAN, NOA, District, Someone
from tests.stories.test_goal_progress import line

# The district (a fixture) is one for all examples; its repr is long and says nothing of the history.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)  # the district fixture's day
DAYS = ("2026-03-31", "2026-04-01", "2026-06-30", "2026-10-01", "2026-11-02", "2026-11-22")
GOALS = (6, 19, 20)


@dataclass(frozen=True)
class Report:
    who: str  # "board", "board för Sundsvall", "Kim" (Sundsvall), "Lee" (Härnösand)
    goal: int
    value: int
    day: str


@dataclass(frozen=True)
class Change:
    which: int  # an earlier report, by its order (modulo)
    withdraw: bool
    value: int
    day: str


WRITERS: dict[str, tuple[Someone, str]] = {
    "board": (MEGAN, ""),
    "board för Sundsvall": (MEGAN, " för Sundsvall"),
    "Kim": (KIM, ""),
    "Lee": (LEE, ""),
}

reports = st.builds(
    Report,
    who=st.sampled_from(list(WRITERS)),
    goal=st.sampled_from(GOALS),
    value=st.integers(1, 2),
    day=st.sampled_from(DAYS),
)
changes = st.builds(
    Change,
    which=st.integers(0, 9),
    withdraw=st.booleans(),
    value=st.integers(0, 2),
    day=st.sampled_from(DAYS),
)
histories = st.lists(st.one_of(reports, reports, changes), min_size=1, max_size=6)


def quarter(day: date) -> int:
    return (day.month - 1) // 3


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=histories)
async def test_status_and_goal_n_agree_through_the_server(district: District, history: list[object]) -> None:
    checkins = CheckInRepository(district.db)
    every_branch(Repository(district.db), DISTRICT, 19)
    for old in district.reports():  # the last example's reports count no more
        checkins.withdraw(old.id, by=MEGAN.info, now=NOW)
    stored: list[tuple[int, Someone, Report]] = []
    standing: dict[int, tuple[str, int, str, bool]] = {}  # id -> (who, goal, day, counts)
    for step in history:
        if isinstance(step, Report):
            who, where = WRITERS[step.who]
            answer = await district.say(who, f"rapportera {step.goal} {step.value} {step.day}{where} möte ja")
            if not answer.startswith("Sparat #"):
                # A chair may not report the district's goals, nor the board an every-branch goal without
                # naming the branch: told so, and nothing is stored.
                assert (who in (KIM, LEE)) == (step.goal != 19) and step.who != "board för Sundsvall", answer
                continue
            checkin_id = int(answer.removeprefix("Sparat #").split(":")[0])
            stored.append((checkin_id, who, step))
            standing[checkin_id] = (step.who, step.goal, step.day, step.value >= 1)
        elif isinstance(step, Change) and stored:
            checkin_id, who, report = stored[step.which % len(stored)]
            if checkin_id not in standing:
                continue
            if step.withdraw:
                assert "räknas inte" in await district.say(who, f"ångra {checkin_id}")
                del standing[checkin_id]
            else:
                answer = await district.say(who, f"ändra {checkin_id} {step.value} {step.day}")
                assert answer.startswith(f"Rättat #{checkin_id}"), answer
                standing[checkin_id] = (report.who, report.goal, step.day, step.value >= 1)

    status = await district.say(NOA, "status")
    kims = await district.say(KIM, "status")
    sundsvall = await district.say(NOA, "status Sundsvall")
    for number in GOALS:
        said = line(status, number).split(". ", 1)[1]
        assert f"Framsteg: {said}\n" in await district.say(NOA, f"mål {number}")
        if number == 19:  # every branch's: Kim's own, as each view of Sundsvall shows it
            own = line(kims, number).split(". ", 1)[1]
            assert line(sundsvall, number).endswith(own)
            assert f"Sundsvall: {own}\n" in await district.say(KIM, f"mål {number}")
    # The district's quarters met: those with a standing report of a meeting, whoever told of it.
    quarters = {
        quarter(date.fromisoformat(day)) for _, goal, day, counts in standing.values() if goal == 6 and counts
    }
    assert f"{len(quarters)} av 4 kvartal klara i år" in line(status, 6)


# --- two branches merged between the reports ----------------------------------------------------------

_examples = iter(range(1, 10_000))


@dataclass(frozen=True)
class Told:
    teller: str  # "A" or "B": the branch's chair reports goal 19; the board reports goal 20 "för" it
    goal: int
    value: int
    day: str


MERGE_DAYS = ("2026-10-01", "2026-11-02", "2026-11-02", "2026-11-10")
told = st.builds(
    Told,
    teller=st.sampled_from("AB"),
    goal=st.sampled_from((19, 20)),
    value=st.integers(1, 2),
    day=st.sampled_from(MERGE_DAYS),
)


def events(reports: list[tuple[str, Told]], *, month: str = "") -> int:
    """What reports tell of, each event once: a day counts the largest any one teller told of it (a
    teller's own reports of a day add up), days add up; only `month`'s days if given."""
    by_day: dict[str, dict[str, int]] = {}
    for teller, report in reports:
        if report.day.startswith(month):
            by_day.setdefault(report.day, {}).setdefault(teller, 0)
            by_day[report.day][teller] += report.value
    return sum(max(tellers.values()) for tellers in by_day.values())


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=st.lists(told, min_size=1, max_size=6), merge_at=st.integers(0, 6))
async def test_a_merged_branch_counts_each_event_once_through_the_server(
    district: District, history: list[Told], merge_at: int
) -> None:
    """Two new branches, A and B, each with a chair; their chairs report goal 19 (every branch's, two a
    month) and the board reports the district's goal 20 (two opinion pieces a year) "för" them; the board
    merges A into B somewhere in between. Afterwards B has what the two told, each event once: reports of
    one day from A and from B (made before the merge, as two branches) are one event; a branch's own
    reports of one day add up. Goal 20's year is the district's: "för A" and "för B" of one day are one."""
    from bot.db.people import PeopleRepository
    from bot.services.people import Role

    n = next(_examples)
    checkins = CheckInRepository(district.db)
    every_branch(Repository(district.db), DISTRICT, 19)
    for old in district.reports():  # the board's reports of the last example count no more
        checkins.withdraw(old.id, by=MEGAN.info, now=NOW)
    names = {"A": f"Alby {n}", "B": f"Bergsjö {n}"}
    people = PeopleRepository(district.db)
    people.add_branches(DISTRICT, list(names.values()), now=NOW)
    chairs = {
        key: Someone(f"29:chair-{key}{n}", f"aad-chair-{key}{n}", f"Ordf {name}")
        for key, name in names.items()
    }
    for key, chair in chairs.items():
        people.grant(chair.info, DISTRICT, Role.CHAIR, branch=names[key], now=NOW)
    stored: list[tuple[str, Told]] = []  # (the branch told for, the report)
    merge = f"partiföreningar slå ihop {names['A']} med {names['B']}"
    merge_at = min(merge_at, len(history))
    for at, report in enumerate(history):
        if at == merge_at:
            assert (await district.say(MEGAN, merge)).startswith(f"Slog ihop {names['A']} med {names['B']}")
        teller = "B" if at >= merge_at else report.teller  # A is B's once merged
        if report.goal == 19:
            who, where = chairs[report.teller], ""
        else:
            who, where = MEGAN, f" för {names[teller]}"
        answer = await district.say(who, f"rapportera {report.goal} {report.value} {report.day}{where} ja")
        assert answer.startswith("Sparat #"), answer
        stored.append((teller, report))
    if merge_at == len(history):
        assert (await district.say(MEGAN, merge)).startswith(f"Slog ihop {names['A']} med {names['B']}")

    nineteen = [(teller, r) for teller, r in stored if r.goal == 19]
    twenty = [(teller, r) for teller, r in stored if r.goal == 20]
    own = line(await district.say(NOA, f"status {names['B']}"), 19)
    assert f" {min(2, events(nineteen, month='2026-11'))} av 2 inlägg den här månaden" in own, (own, stored)
    status = line(await district.say(NOA, "status"), 20)
    assert f" {min(2, events(twenty))} av 2 debattartiklar i år" in status, (status, stored)
    english = line(await district.say(NOA, "status", locale="en-US"), 20)
    assert f" {min(2, events(twenty))} of 2 opinion pieces this year" in english, (english, stored)
