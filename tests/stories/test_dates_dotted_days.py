"""Days glued by a dot or a slash before a month's name in a chair's check-in, through the real server
(bot/services/dates.py), in Swedish and English, the clock set explicitly. The sample plan for 2026, goal 4
every branch's: a members' meeting a quarter.

What a chair means, written down before reading the replies: "2 möten 3.10 mars", "2 möten 3/10 mars",
"2 meetings 3/10 March" are two meetings, on 3 and 10 March, as "3,10 mars" (test_dates_parts_said.py);
they were read as 3 October and March. "3.10.17 mars" three, on the 3rd, 10th and 17th; "3.10. mars" with
the dot Finns and Germans end a day with, the same. "möte 3.10" with no month after it is 3 October still.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, LEE, District

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # Monday 7 December 2026


@pytest.mark.parametrize(
    ("who", "line", "locale", "days"),
    [
        (KIM, "rapportera 4 2 möten 3.10 mars", "sv-SE", "(3 mars 2026 och 10 mars 2026)"),
        (KIM, "rapportera 4 2 möten 3/10 mars", "sv-SE", "(3 mars 2026 och 10 mars 2026)"),
        (KIM, "rapportera 4 2 möten 3.10. mars", "sv-SE", "(3 mars 2026 och 10 mars 2026)"),
        (KIM, "rapportera 4 3 möten 3.10.17 mars", "sv-SE", "(3 mars 2026, 10 mars 2026 och 17 mars 2026)"),
        (KIM, "rapportera 4 2 möten den 3/10 Mars 2026", "sv-SE", "(3 mars 2026 och 10 mars 2026)"),
        (LEE, "report 4 2 meetings 3/10 March", "en-US", "(3 Mar 2026 and 10 Mar 2026)"),
        (LEE, "report 4 2 meetings 3.10 March", "en-US", "(3 Mar 2026 and 10 Mar 2026)"),
    ],
)
async def test_days_glued_by_a_dot_before_a_month(
    meetings: District, who: object, line: str, locale: str, days: str
) -> None:
    meetings.clock.now = MONDAY
    answer = await meetings.say(who, line, locale=locale)  # type: ignore[arg-type]
    stored = [(c.happened_on.isoformat(), c.comment) for c in meetings.reports()]
    assert stored == [("2026-03-03", None)], answer
    assert days in answer, answer


async def test_a_dotted_day_without_a_month_after_is_day_and_month(meetings: District) -> None:
    meetings.clock.now = MONDAY
    answer = await meetings.say(KIM, "rapportera 4 1 möte 3.10")
    assert [c.happened_on.isoformat() for c in meetings.reports()] == ["2026-10-03"], answer
