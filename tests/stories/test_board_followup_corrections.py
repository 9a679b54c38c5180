"""A follow-up starts from what the board was shown last time, through the real server (the sample district
of tests/stories/conftest.py; goal 3 is every branch's own, goal 12 followers from 1 500 to 2 000).

What a board member means: at the meeting on 8 November the follow-up said goal 3 had 1 of 3 branches
(Sundsvall) and goal 12 had 1 600 followers. Since then Sundsvall's chair withdrew that report, Härnösand
reported, and the 1 600 was corrected to 1 550. The next follow-up must not say goal 3 went "0 of 3 → 1 of
3" (the board saw 1 of 3, and it is still 1 of 3), nor keep silent about 1 600 becoming 1 550: "what moved"
is measured from what the board saw, and the corrections and withdrawals made since are listed, so a
figure that went down or a branch that dropped out has its reason beside it.
"""

from __future__ import annotations

import re
from datetime import timedelta

from tests.stories.conftest import ANNA, KIM, LEE, MEGAN, District
from tests.test_followup import read_docx


def moved(answer: str, heading: str, end: str) -> list[str]:
    """The lines under `heading` up to `end` (numbers' non-breaking spaces read as spaces)."""
    lines = answer.replace("\xa0", " ").splitlines()
    start = lines.index(heading) + 1
    return [line for line in lines[start : lines.index(end, start)] if line]


async def _a_month_with_a_withdrawal_and_a_correction(district: District) -> None:
    district.clock.now -= timedelta(days=14, hours=1)
    await district.say(KIM, "rapportera 3 1 Per har hand om Zetkin")
    await district.say(MEGAN, "rapportera 12 1600")
    district.clock.now += timedelta(hours=1)
    meeting = await district.say(MEGAN, "uppföljning")  # 8 November
    assert moved(meeting, "Mål som har rört sig", "Mål som ligger efter") == [
        "Mål 3: 0 av 3 partiföreningar har nått sitt mål → 1 av 3 partiföreningar har nått sitt mål · efter",
        "Mål 12: 1 500 följare, ingen mätning i år, mål 2 000 → 1 600 av 2 000 följare · efter",
    ]
    district.clock.now += timedelta(hours=2)
    await district.say(LEE, "rapportera 3 1 Lisa har hand om Zetkin")
    district.clock.now += timedelta(days=14)
    kims, megans, _ = district.reports()
    withdrawn = await district.say(KIM, f"ångra {kims.id}")
    assert withdrawn.startswith(f"Rapport #{kims.id} ") and "är tillbakadragen" in withdrawn
    assert (await district.say(MEGAN, f"ändra {megans.id} 1550")).startswith(f"Rättat #{megans.id}")


async def test_what_moved_is_measured_from_what_the_board_saw_in_swedish(district: District) -> None:
    await _a_month_with_a_withdrawal_and_a_correction(district)
    answer = await district.say(ANNA, "uppföljning")
    assert answer.startswith("Uppföljning sedan 8 nov. 2026\n")
    assert moved(answer, "Mål som har rört sig", "Mål som ligger efter") == [
        "Mål 12: 1 600 av 2 000 följare → 1 550 av 2 000 följare · efter"
    ]
    assert moved(answer, "Nya rapporter", "Rättade eller tillbakadragna rapporter") == [
        "Mål 3 · Härnösand: 1 rapport, 1 person sammanlagt"
    ]
    assert moved(answer, "Rättade eller tillbakadragna rapporter", "Mål som har rört sig") == [
        "Mål 3 · Sundsvall: rapport #1 (1 person den 8 nov. 2026) är tillbakadragen",
        "Mål 12 · distriktet: rapport #2 rättad från 1 600 följare den 8 nov. 2026 "
        "till 1 550 följare den 8 nov. 2026",
    ]
    [link] = re.findall(r"http://127\.0\.0\.1:3978(/exports/\S+)", answer)
    document = read_docx(await (await district.client.get(link)).read())
    paragraphs = [p.text.replace("\xa0", " ") for p in document.paragraphs]
    assert "Rättade eller tillbakadragna rapporter" in paragraphs
    assert "Mål 3 · Sundsvall: rapport #1 (1 person den 8 nov. 2026) är tillbakadragen" in paragraphs


async def test_what_moved_is_measured_from_what_the_board_saw_in_english(district: District) -> None:
    await _a_month_with_a_withdrawal_and_a_correction(district)
    answer = await district.say(ANNA, "follow-up", locale="en-US")
    assert answer.startswith("Follow-up since 8 Nov 2026\n")
    assert moved(answer, "Goals that moved", "Goals behind") == [
        "Goal 12: 1,600 of 2,000 followers → 1,550 of 2,000 followers · behind"
    ]
    assert moved(answer, "Reports corrected or withdrawn", "Goals that moved") == [
        "Goal 3 · Sundsvall: report #1 (1 person on 8 Nov 2026) withdrawn",
        "Goal 12 · the district: report #2 corrected from 1,600 followers on 8 Nov 2026 "
        "to 1,550 followers on 8 Nov 2026",
    ]
