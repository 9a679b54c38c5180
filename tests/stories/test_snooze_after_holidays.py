"""Snoozes written as people write them, read by the one date reader (bot/services/dates.py, `read_ahead`),
through the real server in Swedish and English, the clock set to each day.

What a board member or chair means:
- "påminn mig inte före måndag", "snooze until Sunday": the coming one (on a Sunday, a week ahead); "om 2
  veckor", "for a week", "3 dagar": counted from today; "januari": from its first day; "i december", "hela
  december": the month goes by quietly, reminders again on 1 January.
- "påminn mig efter nyår", "snooze until after New Year": the first day after New Year's Day, 2 January;
  "efter trettondagen", "after Epiphany": 7 January; "efter påsk", "after Easter": the Tuesday after
  Easter Monday; "efter sommaren", "after the summer": 1 September; "efter jul", "after Christmas": 27
  December. A Swede's "jul" as days off is julafton, juldagen and annandag jul (24-26 December);
  "mellandagarna", the days "mellan jul och nyår", come after it, so the reminders may come again from
  the 27th (whoever means the whole holiday writes "efter nyår" or "efter trettondagen").
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
IN_JANUARY = datetime(2027, 1, 4, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "locale", "until"),
    [
        ("påminn mig inte före måndag", "sv-SE", "före 23 nov. 2026"),
        ("snooze until Sunday", "en-US", "before 29 Nov 2026"),
        ("påminn mig om 2 veckor", "sv-SE", "före 6 dec. 2026"),
        ("snooze for a week", "en-US", "before 29 Nov 2026"),
        ("påminn mig inte på 3 dagar", "sv-SE", "före 25 nov. 2026"),
        ("påminn mig inte före januari", "sv-SE", "före 1 jan. 2027"),
        ("påminn mig inte i december", "sv-SE", "före 1 jan. 2027"),
        ("snooze during December", "en-US", "before 1 Jan 2027"),
        ("påminn mig efter nyår", "sv-SE", "före 2 jan. 2027"),
        ("påminn mig inte förrän efter nyår", "sv-SE", "före 2 jan. 2027"),
        ("snooze until after New Year", "en-US", "before 2 Jan 2027"),
        ("påminn mig efter trettondagen", "sv-SE", "före 7 jan. 2027"),
        ("snooze until after Epiphany", "en-US", "before 7 Jan 2027"),
        ("påminn mig efter jul", "sv-SE", "före 27 dec. 2026"),
        ("påminn mig inte före efter julen", "sv-SE", "före 27 dec. 2026"),
        ("snooze until after Christmas", "en-US", "before 27 Dec 2026"),
        ("påminn mig efter påsk", "sv-SE", "före 30 mars 2027"),
        ("snooze until after Easter", "en-US", "before 30 Mar 2027"),
        ("påminn mig efter sommaren", "sv-SE", "före 1 sep. 2027"),
        ("snooze until after the summer", "en-US", "before 1 Sep 2027"),
    ],
)
async def test_a_snooze_ends_on_the_day_meant(
    meetings: District, written: str, locale: str, until: str
) -> None:
    meetings.clock.now = SUNDAY
    answer = await meetings.say(KIM, written, locale=locale)
    assert until in answer, answer


async def test_after_new_year_written_in_january_is_next_new_year(meetings: District) -> None:
    meetings.clock.now = IN_JANUARY  # 4 January: this New Year has passed, the next one is asked for
    answer = await meetings.say(KIM, "påminn mig efter trettondagen")
    assert "före 7 jan. 2027" in answer, answer
    answer = await meetings.say(KIM, "snooze until after New Year", locale="en-US")
    assert "before 2 Jan 2028" in answer, answer
