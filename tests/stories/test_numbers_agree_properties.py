"""Random small histories written to the real server as people write them (`rapportera`, `ändra`,
`ångra`), read back as people read them: `status`, `status Sundsvall`, `mål N`, a chair's `status` and their
`mål N` say the same of every goal, and the district's quarters met are those the model counts.

What each number means is written down in tests/services/test_numbers_agree_properties.py (which checks
the same on many more histories through the services). Here: goal 6 is the district's chairs' meeting,
one a quarter ("2 av 4 kvartal klara i år" counts the quarters that had one, however many told of it);
goal 20 two opinion pieces in the year; goal 19 is made every branch's own (two a month each), so
"1 av 3 partiföreningar det här månaden" counts the branches that had two this month, and Sundsvall's
own line (Kim's `status`, `status Sundsvall`, the Sundsvall row of Kim's `mål 19`) is one branch's count.

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
