"""A chair's "which goals are behind?" is about their own branch, as their plain `status` is, through the
real server (the sample district of tests/stories/conftest.py; Kim chairs Sundsvall, goal 3 every branch's).

What a chair means: Kim writes `status` and sees how Sundsvall stands; he then asks "vilka mål ligger
efter?" and means the goals of that same answer marked "efter", not the district's (whose figures are
other numbers: "1 av 3 partiföreningar"). The goals listed are exactly those his `status` marks behind,
with the same lines; the district's are there when he asks for them ("… i distriktet"), and the answer says
how. A board member asking is shown the district's, as their `status` is.
"""

from __future__ import annotations

import pytest

from tests.conftest import NOW
from tests.stories.conftest import KIM, LEE, MEGAN, District


def marked(answer: str, word: str) -> list[str]:
    """The goal lines of an answer marked with the status `word`."""
    return [line for line in answer.replace("\xa0", " ").splitlines() if line.endswith(f"· {word}")]


@pytest.mark.parametrize(
    ("asked", "locale", "word", "title", "district_asked", "hint"),
    [
        (
            "vilka mål ligger efter?",
            "sv-SE",
            "efter",
            "Mål markerade ”efter” för Sundsvall, ",
            "vilka mål ligger efter i distriktet?",
            "Skriv status efter distriktet för att se distriktets mål markerade ”efter”.",
        ),
        (
            "which goals are behind?",
            "en-US",
            "behind",
            "Goals marked “behind” for Sundsvall, ",
            "which goals are behind in the district?",
            "For the district's goals marked “behind”, write: status behind district",
        ),
    ],
)
async def test_a_chairs_goals_behind_are_their_branchs_as_status_is(
    district: District, asked: str, locale: str, word: str, title: str, district_asked: str, hint: str
) -> None:
    district.clock.now = NOW  # 22 November 2026
    await district.say(LEE, "rapportera 3 1")  # Härnösand has done goal 3; Sundsvall has not
    status = await district.say(KIM, "status", locale=locale)
    assert status.startswith("Så går det för Sundsvall" if locale == "sv-SE" else "How Sundsvall stands")
    answer = await district.say(KIM, asked, locale=locale)
    assert answer.startswith(title), answer
    assert marked(answer, word) and marked(answer, word) == marked(status, word)
    assert hint in answer
    theirs = await district.say(KIM, district_asked, locale=locale)
    assert not theirs.startswith(title) and "Sundsvall" not in theirs.splitlines()[0]
    assert marked(theirs, word) == marked(await district.say(MEGAN, asked, locale=locale), word)
    written = hint.split("status ", 1)[1].rstrip(".").split(" för ")[0]
    assert marked(await district.say(KIM, f"status {written}", locale=locale), word) == marked(theirs, word)
