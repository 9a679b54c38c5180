"""`hjälp rapportera`, `hjälp ändra` and `hjälp ångra` give examples the reader can use, or none.

Goal 4 is every branch's own here (a members' meeting a quarter); the rest are the district's. The clock is
set to Sunday 22 November 2026, 10:00 UTC. Kim chairs Sundsvall, Lee Härnösand; Kim names Noa deputy; Megan
is on the board; Johannes is a member.

What the reader expects: an example is a line they can copy and that then works for them. A member may
report nothing, so `hjälp rapportera` shows them no report that would be refused, but why and who reports.
A chair's `ändra` and `ångra` examples name their own latest report, not "#12" (someone else's, or none);
before they have one, the examples say NUMBER. Who may report: chairs, their deputies, the people
responsible for a goal, the board.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import JOHANNES, KIM, LEE, MEGAN, NOA, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def _lines(text: str) -> list[str]:
    return text.splitlines()


async def test_a_member_is_shown_no_report_they_cannot_make(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    swedish = _lines(await meetings.say(JOHANNES, "hjälp rapportera"))
    assert not any(line.startswith("Till exempel") for line in swedish)
    assert "Obs: Du kan inte rapportera något av planens mål:" in "\n".join(swedish)
    assert swedish[-1] == (
        "Vem: Föreningsordförande och deras ersättare, de som är ansvariga för ett mål, styrelsen och "
        "administratörer"
    )
    english = await meetings.say(JOHANNES, "help withdraw", locale="en-US")
    assert "For example" not in english
    assert "Note: You cannot report on any goal of the plan:" in english


@pytest.mark.parametrize("who", [KIM, NOA, LEE])
async def test_chairs_and_deputies_see_their_own_reports_numbers(meetings: District, who: object) -> None:
    meetings.clock.now = SUNDAY
    await meetings.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    before = await meetings.say(LEE, "hjälp ändra")
    assert "Till exempel: ändra NUMMER VÄRDE" in before
    await meetings.say(KIM, "rapportera 4 1 i går")  # #1, Sundsvall's
    await meetings.say(LEE, "rapportera 4 1 i går")  # #2, Härnösand's
    own = {KIM: 1, NOA: 1, LEE: 2}[who]  # type: ignore[index]
    swedish = await meetings.say(who, "hjälp ändra")  # type: ignore[arg-type]
    assert f"Till exempel: ändra {own} 1" in swedish
    english = await meetings.say(who, "help withdraw", locale="en-US")  # type: ignore[arg-type]
    assert f"For example: withdraw {own}" in english
    listed = await meetings.say(who, "hjälp")  # type: ignore[arg-type]
    assert f"ångra {own} – " in listed and "ångra 12" not in listed


async def test_the_board_is_shown_a_report_it_may_make(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    answer = await meetings.say(MEGAN, "hjälp rapportera")
    [example] = [line for line in _lines(answer) if line.startswith("Till exempel")]
    assert (await meetings.say(MEGAN, example.removeprefix("Till exempel: "))).startswith("Sparat #1")
