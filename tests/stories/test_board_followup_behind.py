"""How far behind a goal is, in the board's follow-up, through the real server (the sample district of
tests/stories/conftest.py on Sunday 22 November 2026).

What a board member means: "1 debattartikel kvar för att komma ikapp" (one of two this year, in the plan's
own unit, in idiomatic Swedish; in English "1 opinion piece short of where it should be by now") tells
what the district owes, not "1 under vad det borde vara vid det här laget", 1 of nothing named. A goal
counted per quarter cannot catch up: a quarter gone without its meeting stays unmet (a period never lends
to another), so two quarters missed are "2 ordförandemöten saknas hittills" ("2 chairs' meetings missing
so far"), not "kvar för att komma ikapp", which promises that two meetings now would put it right. People
are named, not caught up with: "3 personer kvar att utse" ("3 people still to be named"). The Word
document says what the card says.
"""

from __future__ import annotations

import re

from tests.stories.conftest import ANNA, MEGAN, District
from tests.test_followup import read_docx


async def _document_lines(district: District, answer: str) -> list[str]:
    [link] = re.findall(r"http://127\.0\.0\.1:3978(/exports/\S+)", answer)
    response = await district.client.get(link)
    assert response.status == 200
    return [p.text for p in read_docx(await response.read()).paragraphs]


async def test_how_far_behind_in_the_plans_unit_in_swedish(district: District) -> None:
    await district.say(MEGAN, "rapportera 6 1 10/9 ordförandemöte")  # only the third quarter's
    await district.say(MEGAN, "rapportera 20 1 debattartikel i ST")  # one of two this year
    answer = await district.say(ANNA, "uppföljning")
    [six] = [row for row in answer.splitlines() if row.startswith("Mål 6: ▰")]  # behind, not moved
    # the year's bar and pace (one quarter of four met), then this quarter, then what is missing
    assert six.startswith(
        "Mål 6: ▰▰▱▱▱▱▱▱▱▱ 1 av 4 kvartal klara i år · efter · 0 av 1 ordförandemöte det här"
    )
    assert "kvartalet · 2 ordförandemöten saknas hittills · ansvarig: Distriktet" in six, six
    assert (
        "Mål 2: ▱▱▱▱▱▱▱▱▱▱ 0 av 3 personer utsedda · efter · 3 personer kvar att utse · ansvarig: "
    ) in answer
    assert (
        "Mål 7: ▱▱▱▱▱▱▱▱▱▱ 0 av 1 ansvarig utsedd · efter · 1 ansvarig kvar att utse · ansvarig: "
    ) in answer
    lines = await _document_lines(district, answer)
    assert any(line.startswith("Mål 6: ") and "2 ordförandemöten saknas hittills" in line for line in lines)
    [twenty] = [line for line in lines if line.startswith("Mål 20: ▰")]  # behind, not moved
    assert twenty.startswith(
        "Mål 20: ▰▰▰▰▰▱▱▱▱▱ 1 av 2 debattartiklar i år · efter · 1 debattartikel kvar för att komma ikapp"
    ), twenty
    assert not any("under vad det borde" in line or " · 0 kvar" in line for line in lines)


async def test_how_far_behind_in_english(district: District) -> None:
    await district.say(MEGAN, "rapportera 6 1 10/9 ordförandemöte")
    await district.say(MEGAN, "rapportera 20 1 debattartikel i ST")
    answer = await district.say(ANNA, "follow-up", locale="en-US")
    [six] = [row for row in answer.splitlines() if row.startswith("Goal 6: ▰")]
    assert re.search(
        r"· behind · 0 of 1 [a-z' ]*meeting this quarter · 2 [a-z' ]*meetings missing so far", six
    ), six
    assert (
        "Goal 2: ▱▱▱▱▱▱▱▱▱▱ 0 of 3 people named · behind · 3 people still to be named · responsible: "
    ) in answer
    lines = await _document_lines(district, answer)
    [twenty] = [line for line in lines if line.startswith("Goal 20: ▰")]
    assert re.match(
        r"Goal 20: ▰▰▰▰▰▱▱▱▱▱ 1 of 2 opinion pieces this year · behind · 1 [a-z ]+ short of where", twenty
    ), twenty
