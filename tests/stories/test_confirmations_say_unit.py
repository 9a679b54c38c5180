"""What a chair is told back about a report says what the number counts, in the form the number asks for.

What a chair means: "rapportera 4 2 12/3" on a goal of one members' meeting a quarter is "we held two
members' meetings on 12 March"; the answer says so in those words ("2 medlemsmöten för Sundsvall", "2
members' meetings"), as do the correction ("nu 1 medlemsmöte"), the withdrawal, `mina rapporter`, `mål 4`'s
latest reports, the form's answer and the last answer of the question-at-a-time dialog. A Swede agrees the
noun with the number beside it, the last one in "X av Y": "1 medlemsmöte", "2 medlemsmöten", "0 av 1 månad
klar i år"; English "1 month", "2 months". A goal done or not done is confirmed "klart" / "inte klart"; a
share in per cent "45 %" (never "45 procent procent"); a reading "1 700 följare".

Kim chairs Sundsvall; goal 4 is every branch's own, one members' meeting a quarter (the `meetings`
fixture). The clock is set on each story.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.db.repository import Repository
from bot.services.goals import Period, Target, TargetKind
from bot.services.plan import load_sample_plan
from tests.stories.conftest import ANNA, DISTRICT, KIM, MEGAN, District, branch_meetings, shown

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
JANUARY = datetime(2026, 1, 20, 10, 0, tzinfo=UTC)
DECEMBER = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def line(text: str, start: str) -> str:
    return next(row for row in text.splitlines() if row.startswith(start))


async def test_kim_reports_two_members_meetings_and_every_answer_says_so_in_swedish(
    meetings: District,
) -> None:
    meetings.clock.now = SUNDAY
    assert await meetings.say(KIM, "rapportera 4 2 12/3") == (
        "Sparat #1: mål 4, 2 medlemsmöten för Sundsvall, 12 mars 2026. Ändra med: ändra 1 VÄRDE"
    )
    assert await meetings.say(KIM, "rapportera 4 1 möte i går") == (
        "Sparat #2: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026. Ändra med: ändra 2 VÄRDE"
    )
    assert (
        await meetings.say(KIM, "ändra 1 1")
        == "Rättat #1: mål 4, nu 1 medlemsmöte för Sundsvall, 12 mars 2026."
    )
    assert (
        await meetings.say(KIM, "ändra 2 3")
        == "Rättat #2: mål 4, nu 3 medlemsmöten för Sundsvall, 21 nov. 2026."
    )
    assert (await meetings.say(KIM, "nej, det var 2")).startswith(
        "Din senaste rapport är #2: mål 4, 3 medlemsmöten för Sundsvall, 21 nov. 2026."
    )
    mine = await meetings.say(KIM, "mina rapporter")
    assert "#2 mål 4 · 21 nov. 2026 · Sundsvall · 3 medlemsmöten\n" in mine
    assert "#1 mål 4 · 12 mars 2026 · Sundsvall · 1 medlemsmöte\n" in mine
    assert line(await meetings.say(KIM, "mål 4"), "Rapporterat") == (
        "Rapporterat: 21 nov. 2026 · Sundsvall · 3 medlemsmöten"
    )
    assert await meetings.say(KIM, "ångra 2") == (
        "Rapport #2 (mål 4, 3 medlemsmöten för Sundsvall, 21 nov. 2026) är tillbakadragen; den räknas inte "
        "längre."
    )
    # status keeps its figures without the unit: a quarter's 1 av 1, the quarters met agreeing with 4
    assert line(await meetings.say(KIM, "status"), "  4. ").endswith(
        "1 av 4 kvartal klara i år · efter · 0 av 1 medlemsmöte det här kvartalet"
    )


async def test_kim_reports_two_members_meetings_and_every_answer_says_so_in_english(
    meetings: District,
) -> None:
    meetings.clock.now = SUNDAY
    en = "en-US"
    assert await meetings.say(KIM, "report 4 2 12 March", locale=en) == (
        "Stored #1: goal 4, 2 members' meetings for Sundsvall, 12 Mar 2026. Correct it with: correct 1 VALUE"
    )
    assert await meetings.say(KIM, "report 4 1 meeting yesterday", locale=en) == (
        "Stored #2: goal 4, 1 members' meeting for Sundsvall, 21 Nov 2026. Correct it with: correct 2 VALUE"
    )
    assert await meetings.say(KIM, "correct 1 1", locale=en) == (
        "Corrected #1: goal 4, now 1 members' meeting for Sundsvall, 12 Mar 2026."
    )
    mine = await meetings.say(KIM, "my reports", locale=en)
    assert "#2 goal 4 · 21 Nov 2026 · Sundsvall · 1 members' meeting\n" in mine
    assert "#1 goal 4 · 12 Mar 2026 · Sundsvall · 1 members' meeting\n" in mine
    assert await meetings.say(KIM, "undo 1", locale=en) == (
        "Withdrew #1 (goal 4, 1 members' meeting for Sundsvall, 12 Mar 2026); it no longer counts."
    )
    assert line(await meetings.say(KIM, "status", locale=en), "  4. ").endswith(
        "1 of 4 quarters met this year · behind · 1 of 1 members' meeting this quarter"
    )


async def test_the_form_and_the_dialog_confirm_with_the_unit(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    form = {"form": "checkin", "goal": "4", "value": "2", "comment": "", "date": "12/3"}
    answer = shown(await meetings.tap(KIM, {**form, "submission": "one"}))
    assert answer.startswith("Sparat #1: mål 4, 2 medlemsmöten för Sundsvall, 12 mars 2026."), answer
    answer = shown(await meetings.tap(KIM, {**form, "value": "1", "submission": "two"}, locale="en-US"))
    assert answer.startswith("Stored #2: goal 4, 1 members' meeting for Sundsvall, 12 Mar 2026."), answer
    await meetings.say(KIM, "rapportera", channel="test")
    asked = await meetings.say(KIM, "4", channel="test")
    assert asked.endswith("Vad vill du rapportera? Hur många medlemsmöten, t.ex. 1"), asked
    for answer in ("1", "i går"):
        await meetings.say(KIM, answer, channel="test")
    answer = await meetings.say(KIM, "nej", channel="test")
    assert answer.startswith("Sparat #3: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026."), answer


async def test_done_readings_and_people_are_confirmed_as_they_are_counted(district: District) -> None:
    district.clock.now = SUNDAY
    assert (await district.say(ANNA, "rapportera 1 klart")).startswith(
        "Sparat #1: mål 1, klart för distriktet,"
    )
    assert (await district.say(ANNA, "report 5 not done", locale="en-US")).startswith(
        "Stored #2: goal 5, not done for the district,"
    )
    assert (await district.say(ANNA, "rapportera 12 1700")).startswith(
        "Sparat #3: mål 12, 1\u00a0700 följare för distriktet,"
    )
    assert (await district.say(ANNA, "ändra 3 1800", locale="en-US")).startswith(
        "Rättat #3: mål 12, nu 1\u00a0800 följare för distriktet,"
    )
    assert (await district.say(ANNA, "correct 3 1900", locale="en-US")).startswith(
        "Corrected #3: goal 12, now 1,900 followers for the district,"
    )
    assert (await district.say(MEGAN, "rapportera 2 1")).startswith(
        "Sparat #4: mål 2, 1 person för distriktet,"
    )
    assert (await district.say(MEGAN, "report 7 2", locale="en-US")).startswith(
        "Stored #5: goal 7, 2 people responsible for the district,"
    )


async def test_a_share_in_per_cent_is_confirmed_once_as_per_cent(district: District) -> None:
    """Goal 5 here: "45 procent av medlemmarna" (the plan reader's unit "% av medlemmarna")."""
    district.clock.now = SUNDAY
    sample = load_sample_plan()
    first = sample.sections[0]
    goals = list(first.goals)
    share = Target(TargetKind.METRIC, unit="% av medlemmarna", goal_value=45)
    goals[4] = replace(goals[4], target=share)
    plan = replace(sample, year=2026, sections=(replace(first, goals=tuple(goals)), *sample.sections[1:]))
    Repository(district.db).save_plan(DISTRICT, plan, now=SUNDAY)
    swedish = await district.say(ANNA, "rapportera 5 45 procent")
    assert swedish.startswith("Sparat #1: mål 5, 45 % för distriktet, 22 nov. 2026."), swedish
    english = await district.say(ANNA, "correct 1 40", locale="en-US")
    assert english.startswith("Corrected #1: goal 5, now 40 % for the district, 22 Nov 2026."), english
    assert "procent" not in swedish


async def test_a_branch_added_in_december_has_had_one_month(district: District) -> None:
    """Kramfors, added on 1 December once Sundsvall has reported, is measured from then (README): one
    month so far, "0 av 1 månad klar i år", "0 of 1 month met this year"; its first report makes it "1 av 1
    månad"."""
    target = Target(TargetKind.COUNT, 1, Period.MONTH, "medlemsmöte", unit_en="members' meeting")
    meetings = branch_meetings(district, target, now=JANUARY)
    meetings.clock.now = SUNDAY
    await meetings.say(KIM, "rapportera 4 1 i går")  # the district has begun reporting
    meetings.clock.now = DECEMBER
    await meetings.say(MEGAN, "partiföreningar lägg till Kramfors")
    meetings.clock.now = DECEMBER.replace(day=10)
    assert line(await meetings.say(MEGAN, "status Kramfors"), "  4. ").endswith(
        "0 av 1 månad klar i år · i fas · 0 av 1 medlemsmöte den här månaden"
    )
    assert line(await meetings.say(MEGAN, "status Kramfors", locale="en-US"), "  4. ").endswith(
        "0 of 1 month met this year · on pace · 0 of 1 members' meeting this month"
    )
    assert (await meetings.say(MEGAN, "rapportera 4 1 i går för Kramfors")).startswith(
        "Sparat #2: mål 4, 1 medlemsmöte för Kramfors, 9 dec. 2026."
    )
    assert line(await meetings.say(MEGAN, "status Kramfors"), "  4. ").endswith(
        "1 av 1 månad klar i år · klart · 1 av 1 medlemsmöte den här månaden"
    )
