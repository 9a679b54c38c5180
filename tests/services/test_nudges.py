"""The day a snooze ends, read as people write it (bot/services/nudges.py): dates, and days counted forward
from today the way check-ins count back from it."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.nudges import SnoozeError, SnoozeProblem, parse_until

TODAY = date(2026, 11, 22)  # a Sunday


@pytest.mark.parametrize(
    ("written", "until"),
    [
        ("mig inte före 15/8 2027", date(2027, 8, 15)),
        ("until Aug 15 2027", date(2027, 8, 15)),
        ("mig inte före i morgon", date(2026, 11, 23)),
        ("until tomorrow", date(2026, 11, 23)),
        ("mig inte före i övermorgon", date(2026, 11, 24)),
        ("mig inte före måndag", date(2026, 11, 23)),
        ("until Sunday", date(2026, 11, 29)),  # said on a Sunday: the next one
        ("mig inte före nästa vecka", date(2026, 11, 23)),
        ("until next week", date(2026, 11, 23)),
        ("mig inte på om 2 veckor", date(2026, 12, 6)),
        ("me in 10 days", date(2026, 12, 2)),
        ("mig inte på om en vecka", date(2026, 11, 29)),
        # as long a snooze as written: "snooze for a week", "snooze 1 week", "påminn mig inte på två veckor"
        ("for a week", date(2026, 11, 29)),
        ("1 week", date(2026, 11, 29)),
        ("mig inte på en vecka", date(2026, 11, 29)),
        ("3 dagar", date(2026, 11, 25)),
        # a named day or the start or middle of a month, the next such
        ("mig inte före Lucia", date(2026, 12, 13)),
        ("until Lucia", date(2026, 12, 13)),
        ("mig inte före mitten av december", date(2026, 12, 15)),
        ("mig inte före i mitten av januari", date(2027, 1, 15)),
        ("until mid-December", date(2026, 12, 15)),
        ("until the middle of December", date(2026, 12, 15)),
        ("mig inte före början av januari", date(2027, 1, 1)),
        ("until early January", date(2027, 1, 1)),
        ("mig inte före mitten av nästa månad", date(2026, 12, 15)),
        # a month to go by, and the day after a holiday (bot/services/dates.py, read_ahead)
        ("mig inte före januari", date(2027, 1, 1)),
        ("mig inte i december", date(2027, 1, 1)),
        ("hela december", date(2027, 1, 1)),
        ("mig efter nyår", date(2027, 1, 2)),
        ("until after New Year", date(2027, 1, 2)),
        ("mig inte förrän efter trettondagen", date(2027, 1, 7)),
        ("efter jul", date(2026, 12, 27)),  # after julafton, juldagen and annandag jul
        ("until after Christmas", date(2026, 12, 27)),
        ("efter påsk", date(2027, 3, 30)),
        ("after Easter", date(2027, 3, 30)),
        ("efter v. 50", date(2026, 12, 14)),
        ("efter sommaren", date(2027, 9, 1)),
    ],
)
def test_a_snooze_ends_on_the_day_written(written: str, until: date) -> None:
    assert parse_until(written, TODAY) == until


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("mig inte före i går", SnoozeProblem.NO_DATE),
        ("me in 400 days", SnoozeProblem.TOO_FAR),
        ("mig inte före slutet av januari", SnoozeProblem.NO_DATE),  # no one day: asked
        ("mig inte före mitten av veckan", SnoozeProblem.NO_DATE),
    ],
)
def test_a_snooze_that_cannot_be_kept_says_why(written: str, problem: SnoozeProblem) -> None:
    with pytest.raises(SnoozeError) as raised:
        parse_until(written, TODAY)
    assert raised.value.problem is problem
