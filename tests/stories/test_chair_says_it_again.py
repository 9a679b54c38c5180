"""A chair corrects a report right after making it, in the words people use for that.

Goal 4 is every branch's own here (a members' meeting a quarter). The clock is set to Sunday 22 November
2026, 10:00 UTC. Kim chairs Sundsvall.

What a chair means by "nej, det var 2", "nej, 2", "fel, ska vara 2", "jag menade 2", "oops 3 not 2", "I meant
3", "sorry, it should be 3" right after a report: the report they just made said the wrong number. The bot
does not change a report on a guess, so it names their latest report and the one line that corrects it to the
number they said (for "3 not 2", 3). "Det var 2 möten i går" without a "nej" may be a new report, and is
not read as a correction.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("said", "locale", "answer"),
    [
        (
            "nej, det var 2",
            "sv-SE",
            "Din senaste rapport är #1: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026. Ändra den med: "
            "ändra 1 2",
        ),
        (
            "Fel, ska vara 2!",
            "sv-SE",
            "Din senaste rapport är #1: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026. Ändra den med: "
            "ändra 1 2",
        ),
        (
            "oj, jag menade två",
            "sv-SE",
            "Din senaste rapport är #1: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026. Ändra den med: "
            "ändra 1 två",
        ),
        (
            "nej, 2",
            "sv-SE",
            "Din senaste rapport är #1: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026. Ändra den med: "
            "ändra 1 2",
        ),
        (
            "No 3",
            "en-US",
            "Your latest report is #1: goal 4, 1 members' meeting for Sundsvall, 21 Nov 2026. To correct it, "
            "write: correct "
            "1 3",
        ),
        (
            "oops 3 not 1",
            "en-US",
            "Your latest report is #1: goal 4, 1 members' meeting for Sundsvall, 21 Nov 2026. To correct it, "
            "write: correct "
            "1 3",
        ),
        (
            "I meant 3",
            "en-US",
            "Your latest report is #1: goal 4, 1 members' meeting for Sundsvall, 21 Nov 2026. To correct it, "
            "write: correct "
            "1 3",
        ),
        (
            "sorry, it should be 3",
            "en-US",
            "Your latest report is #1: goal 4, 1 members' meeting for Sundsvall, 21 Nov 2026. To correct it, "
            "write: correct "
            "1 3",
        ),
    ],
)
async def test_a_number_said_again_names_the_latest_report_and_the_line(
    meetings: District, said: str, locale: str, answer: str
) -> None:
    meetings.clock.now = SUNDAY
    assert (await meetings.say(KIM, "rapportera 4 1 i går")).startswith("Sparat #1")
    assert await meetings.say(KIM, said, locale=locale) == answer
    line = answer.rsplit(": ", 1)[1]
    assert (await meetings.say(KIM, line, locale=locale)).startswith(("Rättat #1", "Corrected #1"))


async def test_it_was_with_more_after_it_is_no_correction(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    await meetings.say(KIM, "rapportera 4 1 i går")
    answer = await meetings.say(KIM, "det var 2 möten i förrgår")
    assert "Din senaste rapport" not in answer
    assert [r.value for r in meetings.reports()] == [1]
