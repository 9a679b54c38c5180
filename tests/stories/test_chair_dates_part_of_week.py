"""A part of a week in a chair's check-in, through the real server (bot/services/dates.py), in Swedish and
English, the clock set to Wednesday 9 December 2026. The sample plan for 2026, goal 4 every branch's.

What a chair means, written down before reading the replies: "möte i slutet av förra veckan", "meeting at
the end of last week", "late last week" is about Friday of last week (4 December), where a board's week of
work ends; it was stored on that week's Monday (30 November). "i mitten av förra veckan", "mid last week"
is its Wednesday (2 December), "i början av förra veckan", "early last week" its Monday. "i slutet av vecka
48", "at the end of week 48" is Friday 27 November ("end of week 48" was this week). As for "mitten av
november", the answer says how the words were read and how to correct it. "i slutet av veckan" said on
Wednesday is this Friday, still to come: refused, never stored as today.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, LEE, District

WEDNESDAY = datetime(2026, 12, 9, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("who", "line", "locale", "day", "note"),
    [
        (
            KIM,
            "rapportera 4 1 möte i slutet av förra veckan",
            "sv-SE",
            "2026-12-04",
            "”i slutet av förra veckan” läses som 4 dec. 2026. Var det en annan dag skriver du: ändra 1 1",
        ),
        (KIM, "rapportera 4 1 möte slutet av förra veckan", "sv-SE", "2026-12-04", "läses som 4 dec. 2026"),
        (KIM, "rapportera 4 1 möte i mitten av förra veckan", "sv-SE", "2026-12-02", "läses som 2 dec."),
        (KIM, "rapportera 4 1 möte i början av förra veckan", "sv-SE", "2026-11-30", "läses som 30 nov."),
        (KIM, "rapportera 4 1 möte i slutet av vecka 48", "sv-SE", "2026-11-27", "läses som 27 nov. 2026"),
        (
            LEE,
            "report 4 1 meeting at the end of last week",
            "en-US",
            "2026-12-04",
            "“at the end of last week” is read as 4 Dec 2026. If it was another day, write: correct 1 1 DAY",
        ),
        (LEE, "report 4 1 meeting late last week", "en-US", "2026-12-04", "is read as 4 Dec 2026"),
        (LEE, "report 4 1 meeting mid last week", "en-US", "2026-12-02", "is read as 2 Dec 2026"),
        (LEE, "report 4 1 meeting end of week 48", "en-US", "2026-11-27", "is read as 27 Nov 2026"),
    ],
)
async def test_a_part_of_a_week_is_a_working_day_of_it_and_said(
    meetings: District, who: object, line: str, locale: str, day: str, note: str
) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await meetings.say(who, line, locale=locale)  # type: ignore[arg-type]
    assert [(c.happened_on.isoformat(), c.comment) for c in meetings.reports()] == [(day, None)], answer
    assert note in answer, answer


async def test_the_end_of_this_week_still_to_come_is_refused(meetings: District) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await meetings.say(KIM, "rapportera 4 1 möte i slutet av veckan")
    assert "11 dec. 2026 har inte hänt än" in answer, answer
    assert meetings.reports() == []
