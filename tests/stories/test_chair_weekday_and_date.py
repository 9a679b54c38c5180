"""A chair writes a weekday beside the date, and one of them is wrong.

Goal 4 is every branch's own here (a members' meeting a quarter). The clock is set to Sunday 22 November
2026, 10:00 UTC. Kim chairs Sundsvall. 4 November 2026 is a Wednesday.

What a chair means: "tisdag 4/11", "4/11 tisdag", "Tuesday 4 November" names one day twice, and one of
the two is a slip. Which one the bot cannot know: storing it on the date (or on the Tuesday, 17 November,
as "tisdag" alone reads) moves the meeting without the chair noticing. So nothing is stored or changed: the
answer says which weekday the date is and which day the weekday is that week, both written as a line takes
them. A weekday that agrees with its date ("onsdag 4/11") is that day, once.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import KIM, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_a_weekday_the_date_does_not_fall_on_is_asked_about(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    assert (await meetings.say(KIM, "rapportera 4 1 tisdag 4/11")).startswith(
        "Du skrev ”tisdag 4/11”, men 4 nov. 2026 är en onsdag (den veckans tisdag är 3 nov. 2026). "
        "Vilken dag var det? Skriv dagen som 2026-11-04 eller 2026-11-03."
    )
    assert (await meetings.say(KIM, "report 4 1 meeting on Tuesday, November 4", locale="en-US")).startswith(
        "You wrote “Tuesday, November 4”, but 4 Nov 2026 is a Wednesday (that week's Tuesday is 3 Nov 2026). "
        "Which day was it? Write it as 2026-11-04 or 2026-11-03."
    )
    assert (await meetings.say(KIM, "report 4 1 fri 4 Nov", locale="en-US")).startswith(
        "You wrote “fri 4 Nov”, but 4 Nov 2026 is a Wednesday (that week's Friday is 6 Nov 2026)."
    )
    assert (await meetings.say(KIM, "rapportera 4 1 möte 4/11 tisdag")).startswith(
        "Du skrev ”4/11 tisdag”, men 4 nov. 2026 är en onsdag (den veckans tisdag är 3 nov. 2026)."
    )
    assert meetings.reports() == []
    assert (await meetings.say(KIM, "rapportera 4 1 onsdag 4/11 i Folkets hus")).startswith(
        "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 4 nov. 2026."
    )
    assert [(r.happened_on.isoformat(), r.comment) for r in meetings.reports()] == [
        ("2026-11-04", "i Folkets hus")
    ]


async def test_a_correction_to_a_weekday_the_date_does_not_fall_on_changes_nothing(
    meetings: District,
) -> None:
    meetings.clock.now = SUNDAY
    await meetings.say(KIM, "rapportera 4 1 4/11")
    assert (await meetings.say(KIM, "ändra 1 tisdag 5/11")).startswith(
        "Du skrev ”tisdag 5/11”, men 5 nov. 2026 är en torsdag (den veckans tisdag är 3 nov. 2026)."
    )
    assert (await meetings.say(KIM, "correct 1 2 Monday 4/11", locale="en-US")).startswith(
        "You wrote “Monday 4/11”, but 4 Nov 2026 is a Wednesday (that week's Monday is 2 Nov 2026)."
    )
    assert [(r.value, r.happened_on.isoformat()) for r in meetings.reports()] == [(1, "2026-11-04")]
