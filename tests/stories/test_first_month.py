"""A new district's first month, as its board, three chairs and a member use the bot (half on English Teams
clients, half on Swedish): every reply's numbers, names and words are checked against what was reported.
"""

from __future__ import annotations

from tests.stories.conftest import ANNA, KIM, LEE, MEGAN, District


async def test_my_reports_tells_how_to_correct_the_report_shown_not_another(district: District) -> None:
    """Kim (Swedish) and Lee (English) each have one report; `mina rapporter` ends with how to correct
    one. A chair copies that line: it must name a report listed above it (the latest), not a made-up #15
    that is someone else's or nobody's."""
    await district.say(KIM, "rapportera 3 1 12/11 Zetkin-gruppen startad")
    await district.say(LEE, "report 3 1 yesterday group started", locale="en-US")
    kim, lee = district.reports()
    swedish = await district.say(KIM, "mina rapporter")
    assert f"#{kim.id} mål 3 · 12 nov. 2026 · Sundsvall · 1 · Zetkin-gruppen startad" in swedish
    assert swedish.endswith(f"Ändra med: ändra {kim.id} VÄRDE [KOMMENTAR] · dra tillbaka med: ångra {kim.id}")
    english = await district.say(LEE, "my reports", locale="en-US")
    assert f"#{lee.id} goal 3 · 21 Nov 2026 · Härnösand · 1 · group started" in english
    hint = f"Correct with: correct {lee.id} VALUE [COMMENT] · withdraw with: withdraw {lee.id}"
    assert english.endswith(hint)


async def test_follow_up_names_whom_the_plan_makes_responsible_in_the_readers_language(
    district: District,
) -> None:
    """Goal 1 says the district board does it and nobody has been named: `mål 1` says so in the reader's
    language ("The district board"), and the follow-up for the board meeting must say the same, not the
    plan's Swedish word inside an English reply."""
    assert "Responsible: The district board" in await district.say(ANNA, "goal 1", locale="en-US")
    english = await district.say(ANNA, "follow-up", locale="en-US")
    [goal_1] = [row for row in english.splitlines() if row.startswith("Goal 1:")]
    assert goal_1.endswith("· responsible: The district board")
    assert "Distrikt" not in english.split("Goals behind")[1].split("Branches that")[0]
    assert "Ansvarig: Distriktsstyrelsen" in await district.say(MEGAN, "mål 1")
    swedish = await district.say(MEGAN, "uppföljning")
    [mål_1] = [row for row in swedish.splitlines() if row.startswith("Mål 1:")]
    assert mål_1.endswith("· ansvarig: Distriktsstyrelsen")
