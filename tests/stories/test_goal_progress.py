"""What a goal is for, periods and pace, and every kind of target counting what is reported (issue 19).

Goal 6 of the sample plan is the district's own: "at least one chairs' meeting each quarter". Goal 8 (the
autumn conference) is the district's, done or not. Goal 2 is three people the board appoints; goal 3 is
every branch's own (a sub-organisation with at least one person); goal 20 is two debate articles a year.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import ANNA, KIM, LEE, MEGAN, NOA, SAM, District


def line(status: str, number: int) -> str:
    """A goal's line in `status` (the plain-text fallback shows "  6. ...")."""
    return next(row for row in status.splitlines() if row.startswith(f"{number:>3}. "))


async def test_a_chair_is_told_who_reports_the_districts_own_goal(district: District) -> None:
    """Three chairs mention the district's chairs' meeting: none of them may report it, each is told who
    does, and the board's one report counts once."""
    for chair in (KIM, LEE, SAM):
        answer = await district.say(chair, "rapportera 6 1 ordförandemöte i Sundsvall")
        assert answer == (
            "Mål 6 är distriktets eget, inte en partiförenings: det rapporteras av styrelsen. "
            "Berätta för någon i styrelsen vad som har gjorts."
        )
    assert district.reports() == []
    await district.say(MEGAN, "ansvarig 6 @Noa Holm", mentions=((NOA, "Noa Holm"),))
    answer = await district.say(KIM, "report 6 1 chairs' meeting", locale="en-US")
    assert answer == (
        "Goal 6 is the district's own, not a branch's: the board and Noa Holm, who is responsible for it, "
        "report it."
    )
    assert (await district.say(MEGAN, "rapportera 6 1 ordförandemöte")).startswith("Sparat #")
    # Anna reports the same meeting: asked before it is stored twice.
    asked = await district.say(ANNA, "rapportera 6 1 ordförandemöte")
    assert asked.startswith(
        "#1 säger redan det: mål 6, 1 ordförandemöte för distriktet, 22 nov. 2026. Inget sparades."
    )
    # "ordförandemöte" is the goal's unit, so no comment in the line that stores it anyway
    assert asked.endswith("Om det hände två gånger, skriv: rapportera 6 1 2026-11-22 ja")
    assert len(district.reports()) == 1
    status = await district.say(NOA, "status")
    assert "1 av 1 ordförandemöte det här kvartalet" in line(status, 6)
    english = await district.say(NOA, "status", locale="en-US")
    assert "1 of 1 chairs' meeting this quarter" in line(english, 6)


async def test_the_district_conference_is_not_done_by_a_chairs_report(district: District) -> None:
    assert "distriktets eget" in await district.say(KIM, "rapportera 8 klart höstkonferens")
    assert line(await district.say(NOA, "status"), 8).endswith("inte klart · efter")
    stored = await district.say(MEGAN, "rapportera 8 klart höstkonferens")
    assert stored.startswith("Sparat #") and "mål 8, klart för distriktet" in stored
    assert line(await district.say(NOA, "status"), 8).endswith("klart")
    assert line(await district.say(NOA, "status", locale="en-US"), 8).endswith("done")


async def test_four_meetings_in_march_are_one_quarter_met_and_december_is_behind(district: District) -> None:
    """A goal per quarter is met for the year only when each quarter is; the year counts each quarter up
    to its one meeting. In December, with nothing this quarter, one pace says it: behind."""
    for day in (2, 9, 16, 23):
        assert (await district.say(MEGAN, f"rapportera 6 1 2026-03-{day:02} möte")).startswith("Sparat")
    district.clock.now = datetime(2026, 12, 21, 10, 0, tzinfo=UTC)
    goal = await district.say(NOA, "mål 6")
    assert "1 av 4 kvartal klara i år · efter · 0 av 1 ordförandemöte det här kvartalet" in goal
    assert "i fas" not in goal and "4 av 4" not in goal
    english = await district.say(NOA, "goal 6", locale="en-US")
    assert "1 of 4 quarters met this year · behind · 0 of 1 chairs' meeting this quarter" in english
    status = await district.say(NOA, "status")
    assert line(status, 6).endswith(
        "1 av 4 kvartal klara i år · efter · 0 av 1 ordförandemöte det här kvartalet"
    )
    # Nothing done all year with ten days left is behind, whatever the goal.
    assert line(status, 20).endswith("0 av 2 debattartiklar i år · efter")
    assert "i fas" not in status


async def test_not_done_is_said_in_words_and_never_counts_as_done(district: District) -> None:
    answer = await district.say(MEGAN, "rapportera 8 inte klart konferensen flyttad")
    assert "mål 8, inte klart för distriktet" in answer and " 0 " not in answer
    assert line(await district.say(NOA, "status"), 8).endswith("inte klart · efter")
    english = await district.say(MEGAN, "report 8 not done", locale="en-US")
    assert english.startswith("#") and "not done for the district" in english  # the same report: asked
    assert "mål 8, klart för distriktet" in await district.say(MEGAN, "rapportera 8 klart 2026-11-20")
    assert line(await district.say(NOA, "status"), 8).endswith("klart")
    mine = await district.say(MEGAN, "mina rapporter")
    assert "inte klart" in mine and "· 0 ·" not in mine and "· 1 ·" not in mine


async def test_people_to_appoint_count_what_is_reported(district: District) -> None:
    assert "0 av 3 personer utsedda · efter" in line(await district.say(NOA, "status"), 2)
    stored = await district.say(MEGAN, "rapportera 2 3 personer utsedda")
    assert "mål 2, 3 personer för distriktet" in stored
    assert line(await district.say(NOA, "status"), 2).endswith("3 av 3 personer utsedda · klart")
    # Goal 3 is every branch's: Kim's report counts for Sundsvall, one of three branches.
    assert "mål 3, 1 person för Sundsvall" in await district.say(KIM, "rapportera 3 1 Zetkin-gruppen startad")
    assert "1 av 3 partiföreningar har nått sitt mål" in line(await district.say(NOA, "status"), 3)
    assert "1 of 3 branches has reached its target" in line(
        await district.say(NOA, "status", locale="en-US"), 3
    )


async def test_a_plan_not_begun_says_so_and_one_over_shows_its_final_result(district: District) -> None:
    district.clock.now = datetime(2025, 11, 3, 10, 0, tzinfo=UTC)
    goal = await district.say(NOA, "mål 6")
    assert "Planen gäller 2026 och börjar 1 januari" in goal and "inte påbörjat" in goal
    assert "efter" not in goal and "i fas" not in goal
    status = await district.say(NOA, "status", locale="en-US")
    assert status.startswith("The plan is for 2026 and begins on 1 January")
    assert line(status, 20).endswith(
        "0 of 2 opinion pieces in 2026 · not begun"
    )  # 2025 is not the plan's year
    district.clock.now = datetime(2027, 2, 1, 10, 0, tzinfo=UTC)
    over = await district.say(NOA, "mål 20")
    assert (
        "Planen gällde 2026; det här är slutresultatet"
    ) in over and "0 av 2 debattartiklar under 2026 · inte nått" in over
