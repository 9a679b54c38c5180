"""The goal's own unit written after the value says what the value counts; it is no comment.

Goal 12 is the Facebook page's followers (a reading, "följare"), goal 19 the board's posts (2 "inlägg" a
month), goal 6 the chairs' meetings (one "ordförandemöte" a quarter). The clock is set to Sunday 22 November
2026, 10:00 UTC; Megan is on the board.

What a board member means: `rapportera 12 1 700 följare`, `rapportera 19 2 inlägg i december`,
`report 6 1 chairs' meeting 15/5` repeat the goal's unit after the number, as one writes a number in a
sentence. It says nothing beyond the goal, so it is not stored as a comment (which the year's report would
quote as material, and `mina rapporter` show). The unit is known in either language, singular or plural,
as the glossary inflects it; what follows it is the comment; a word that is not the goal's unit ("2 möten")
stays the comment. The card's value field takes the unit after the number too.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import MEGAN, District, shown

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_the_goals_unit_after_the_value_is_no_comment(district: District) -> None:
    district.clock.now = SUNDAY
    assert (await district.say(MEGAN, "rapportera 12 1 700 följare")).startswith(
        "Sparat #1: mål 12, 1\xa0700"
    )
    assert (await district.say(MEGAN, "rapportera 19 2 inlägg i november")).startswith("Sparat #2: mål 19, 2")
    assert (await district.say(MEGAN, "rapportera 6 1 ordförandemöte 15/5")).startswith("Sparat #3: mål 6, 1")
    assert (
        await district.say(MEGAN, "report 6 2 chairs' meetings 3/3 in Sundsvall", locale="en-US")
    ).startswith("Stored #4: goal 6, 2")
    assert (await district.say(MEGAN, "report 19 1 post yesterday", locale="en-US")).startswith("Stored #5")
    assert (await district.say(MEGAN, "rapportera 19 2 möten")).startswith("Sparat #6")
    stored = [(r.value, r.happened_on.isoformat(), r.comment) for r in district.reports()]
    assert stored == [
        (1700.0, "2026-11-22", None),
        (2.0, "2026-11-01", None),
        (1.0, "2026-05-15", None),
        (2.0, "2026-03-03", "in Sundsvall"),
        (1.0, "2026-11-21", None),
        (2.0, "2026-11-22", "möten"),
    ]


async def test_the_cards_value_field_takes_the_unit_too(district: District) -> None:
    district.clock.now = SUNDAY
    sent = {"form": "checkin", "submission": "formone", "date": "2026-11-21", "comment": ""}
    answer = await district.tap(MEGAN, {**sent, "goal": "12", "value": "1 700 följare"})
    assert shown(answer).startswith("Sparat #1: mål 12, 1\xa0700")
    [stored] = district.reports()
    assert (stored.value, stored.comment) == (1700.0, None)
