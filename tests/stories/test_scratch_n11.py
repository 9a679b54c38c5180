from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import ANNA, MEGAN, District


def d(m, day, y=2026):
    return datetime(y, m, day, 10, 0, tzinfo=UTC)


def rows(answer, *numbers):
    return [r for r in answer.splitlines() if any(r.lstrip().startswith(f"{n}. ") for n in numbers)]


async def test_look(district: District) -> None:
    for when in (d(1, 1), d(1, 5), d(3, 31), d(4, 1), d(10, 1), d(12, 31), d(2, 1, 2027), d(12, 1, 2025)):
        district.clock.now = when
        s = await district.say(MEGAN, "status")
        print(when.date(), rows(s, 2, 3, 6, 7, 12, 19, 20))
    district.clock.now = d(1, 5)
    print(await district.say(MEGAN, "mål 12"))
    print(await district.say(MEGAN, "goal 12", locale="en-US"))
    print(await district.say(ANNA, "rapportera 12 1500"))
    print(rows(await district.say(MEGAN, "status"), 12))
    district.clock.now = d(5, 10)
    print(await district.say(ANNA, "rapportera 6 1"))
    print(rows(await district.say(MEGAN, "status"), 6, 12))
    print(rows(await district.say(MEGAN, "status", locale="en-US"), 6, 12))
    print(await district.say(MEGAN, "mål 6"))
    print(await district.say(MEGAN, "uppföljning"))
    district.clock.now = d(6, 30)
    print(await district.say(ANNA, "rapportera 6 1 i dag"))
    print(rows(await district.say(MEGAN, "status"), 6))
    print(await district.say(MEGAN, "uppföljning"))
    print(await district.say(MEGAN, "status efter"))
