"""Days as chairs write them in a hurry, read as meant or asked about; never stored as today. Through the
real server, in Swedish and English; the clock set to Wednesday 18 November 2026, 10:00 UTC; the sample plan
for 2026, goal 4 every branch's (a members' meeting a quarter).

What a chair means (written before the bot's answer was read):
- "20261103" is 3 November 2026, as dates are written in file names; "3-11-2026" the same day.
- "i natt" ("inatt") is the night just gone: stored on yesterday, 17 November, as "last night" is.
  "natten till söndag" is Saturday night: 14 November.
- "den tredje", "on the third": the 3rd of this month, 3 November, as "den 3:e" ("den tredje träffen" is
  the third meeting, no day). "tre november": 3 November (it was read as all of November).
- "nyår", "på nyår", "at New Year": New Year's Eve and Day, stored on 1 January of the plan's year (it
  was read as the whole year).
- "3 till 5 november", "between 3 and 5 November", "Nov 3-5", "3rd-5th Nov": the three days, stored on
  the first (the first two were read as 5 November, the others as all of November or no day).
- "the Tuesday before last", "two Tuesdays ago": 10 November (the first was read as 17 November);
  "a fortnight ago": 4 November.
- "tisdag v46", "v46 tisdag", "Tuesday of week 46": Tuesday of week 46, 10 November (read as last
  Tuesday and week 46: two days). "4/11 onsdag": 4 November once.
- "3.11-5.11" is 3-5 November ("1-2.5 timmar" is a length); "tisdag till torsdag", "from Tuesday to
  Thursday": the latest such days that have ended, 10-12 November (read as 17 and 12 November); "fre-sön
  förra veckan", "Monday to Wednesday last week": those days of last week (read as this week's and last
  week, two periods). "onsdag kväll förra veckan", "Wednesday evening last week": 11 November (read as
  today and last week). "sista helgen i oktober": 31 October, the month's last Saturday ("första helgen
  i november" 7-8 November; both were read as the whole month). "3 weeks back": 28 October. "helgen
  innan" names no day: asked about (it was stored as today).
- "första veckan i november": the first week with most of its days in November, 2-8 November; "the last
  week of October": its days in October, 26-31 October. "senaste tisdagen" is "i tisdags".
- "i påskas", "at Easter": Good Friday to Easter Monday 2026, stored on 3 April. "på fars dag": Sweden's
  Father's Day, the second Sunday of November, 8 November.
- "3-11" in a sentence may be 3 November or a time ("möte 9-11"), so it is asked about (not when it
  counts what follows: "3-4 nya medlemmar"); beside another
  day ("9-11 i går") or before "kl" ("3-11 kl 18") it says which, and in the dialog's or the form's date
  field it is the day. A time with the day in a date field ("3-11 kl 18", "i går kl 18") is the day.
- "jul" alone is Christmas: in November the one to come, not yet happened. What a meeting was for or a
  greeting is no day: "god jul", "planering inför jul", "för i sommar", "before Easter", "inför nyår".
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import KIM, District, shown

WEDNESDAY = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)


def _stored(district: District) -> list[tuple[str, str | None]]:
    return [(c.happened_on.isoformat(), c.comment) for c in district.reports()]


async def _report(district: District, text: str, locale: str) -> str:
    verb = "rapportera" if locale == "sv-SE" else "report"
    return await district.say(KIM, f"{verb} 4 1 {text}", locale=locale)


@pytest.mark.parametrize(
    ("written", "locale", "day", "comment"),
    [
        ("möte 20261103", "sv-SE", "2026-11-03", None),
        ("möte 3-11-2026", "sv-SE", "2026-11-03", None),
        ("affischering i natt", "sv-SE", "2026-11-17", "affischering"),
        ("flyers inatt", "en-US", "2026-11-17", "flyers"),
        ("fest natten till söndag", "sv-SE", "2026-11-14", "fest"),
        ("möte den tredje", "sv-SE", "2026-11-03", None),
        ("meeting on the third", "en-US", "2026-11-03", None),
        ("möte tre november", "sv-SE", "2026-11-03", None),
        ("möte på nyår", "sv-SE", "2026-01-01", None),
        ("meeting at New Year", "en-US", "2026-01-01", None),
        ("möte 3 till 5 november", "sv-SE", "2026-11-03", None),
        ("meeting between 3 and 5 November", "en-US", "2026-11-03", None),
        ("meeting Nov 3-5", "en-US", "2026-11-03", None),
        ("meeting 3rd-5th Nov", "en-US", "2026-11-03", None),
        ("meeting the Tuesday before last", "en-US", "2026-11-10", None),
        ("meeting two Tuesdays ago", "en-US", "2026-11-10", None),
        ("meeting a fortnight ago", "en-US", "2026-11-04", None),
        ("möte tisdag v46", "sv-SE", "2026-11-10", None),
        ("möte v46 tisdag", "sv-SE", "2026-11-10", None),
        ("meeting Tuesday of week 46", "en-US", "2026-11-10", None),
        ("möte 4/11 onsdag", "sv-SE", "2026-11-04", None),
        ("möte första veckan i november", "sv-SE", "2026-11-02", None),
        ("meeting the last week of October", "en-US", "2026-10-26", None),
        ("möte senaste tisdagen", "sv-SE", "2026-11-17", None),
        ("möte i påskas", "sv-SE", "2026-04-03", None),
        ("meeting at Easter", "en-US", "2026-04-03", None),
        ("möte på fars dag", "sv-SE", "2026-11-08", None),
        ("möte 9-11 i går", "sv-SE", "2026-11-17", "9-11"),
        ("möte, 3-4 nya medlemmar", "sv-SE", "2026-11-18", "3-4 nya medlemmar"),
        ("möte 3-11 kl 18", "sv-SE", "2026-11-03", "kl 18"),
        ("den tredje träffen på biblioteket", "sv-SE", "2026-11-18", "den tredje träffen på biblioteket"),
        ("möte 3.11-5.11", "sv-SE", "2026-11-03", None),
        ("kurs tisdag till torsdag", "sv-SE", "2026-11-10", "kurs"),
        ("course from Tuesday to Thursday", "en-US", "2026-11-10", "course"),
        ("läger fre-sön förra veckan", "sv-SE", "2026-11-13", "läger"),
        ("training Monday to Wednesday last week", "en-US", "2026-11-09", "training"),
        ("möte onsdag kväll förra veckan", "sv-SE", "2026-11-11", None),
        ("meeting Wednesday evening last week", "en-US", "2026-11-11", None),
        ("möte sista helgen i oktober", "sv-SE", "2026-10-31", None),
        ("meeting the first weekend in November", "en-US", "2026-11-07", None),
        ("meeting 3 weeks back", "en-US", "2026-10-28", None),
        ("möte 1-2.5 timmar", "sv-SE", "2026-11-18", "1-2.5 timmar"),
        ("meeting 6-8 pm", "en-US", "2026-11-18", "6-8 pm"),
        ("möte, god jul!", "sv-SE", "2026-11-18", "god jul!"),
        ("planering inför jul", "sv-SE", "2026-11-18", "planering inför jul"),
        ("planering för i sommar", "sv-SE", "2026-11-18", "planering för i sommar"),
        ("planning before Easter", "en-US", "2026-11-18", "planning before Easter"),
        ("möte inför nyår", "sv-SE", "2026-11-18", "inför nyår"),
    ],
)
async def test_a_day_written_in_a_hurry_is_the_day_meant(
    meetings: District, written: str, locale: str, day: str, comment: str | None
) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await _report(meetings, written, locale)
    assert _stored(meetings) == [(day, comment)], answer


async def test_a_day_or_a_time_with_a_hyphen_is_asked_about(meetings: District) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await _report(meetings, "möte 3-11", "sv-SE")
    assert answer.startswith(
        "Är ”3-11” ett datum? Skriv 3/11 för 3 november, eller kl 3-11 om det är en tid. Mål 4 räknar:"
    ), answer
    answer = await _report(meetings, "meeting 10-12 in the library", "en-US")
    assert answer.startswith(
        "Is “10-12” a day? Write 10/12 for 10 December, or at 10-12 for a time. Goal 4 counts:"
    ), answer
    assert meetings.reports() == []
    # Written as the answer says, each is what it says
    answer = await _report(meetings, "möte kl 3-11", "sv-SE")
    assert answer.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 18 nov."), answer
    answer = await _report(meetings, "meeting 3/11", "en-US")
    assert answer.startswith("Stored #2: goal 4, 1 members' meeting for Sundsvall, 3 Nov"), answer
    assert _stored(meetings) == [("2026-11-18", "kl 3-11"), ("2026-11-03", None)]


async def test_christmas_alone_is_the_one_to_come_in_november(meetings: District) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await _report(meetings, "möte jul", "sv-SE")
    assert answer.startswith("24 dec. 2026 har inte hänt än; rapportera det efteråt."), answer
    assert meetings.reports() == []


async def test_a_day_field_reads_a_hyphen_and_a_time_beside_the_day(meetings: District) -> None:
    meetings.clock.now = WEDNESDAY
    for said in ("rapportera", "4", "1", "3-11 kl 18", "nej"):
        answer = await meetings.say(KIM, said, channel="test")
    assert answer.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 3 nov. 2026."), answer
    for said in ("report", "4", "1", "yesterday at 6pm", "no"):
        answer = await meetings.say(KIM, said, locale="en-US", channel="test")
    assert answer.startswith("Stored #2: goal 4, 1 members' meeting for Sundsvall, 17 Nov 2026."), answer
    form = {"form": "checkin", "goal": "4", "value": "1", "comment": "", "submission": "f1", "date": "i natt"}
    tapped = shown(await meetings.tap(KIM, form))
    assert tapped.startswith("#2 säger redan det: mål 4, 1 medlemsmöte för Sundsvall, 17 nov."), tapped
    assert _stored(meetings) == [("2026-11-03", None), ("2026-11-17", None)]


async def test_a_correction_reads_the_day_as_a_report_does(meetings: District) -> None:
    meetings.clock.now = WEDNESDAY
    await _report(meetings, "möte i går", "sv-SE")
    moved = await meetings.say(KIM, "ändra 1 den tredje")
    assert moved.startswith("Flyttade #1 till 3 nov. 2026 (det stod 17 nov. 2026)"), moved
    moved = await meetings.say(KIM, "correct 1 date to the Tuesday before last", locale="en-US")
    assert moved.startswith("Moved #1 to 10 Nov 2026 (it said 3 Nov 2026)"), moved
    moved = await meetings.say(KIM, "ändra 1 3-11")
    assert moved.startswith("Flyttade #1 till 3 nov. 2026 (det stod 10 nov. 2026)"), moved


async def test_a_snooze_until_christmas_is_christmas_not_july(meetings: District) -> None:
    """ "påminn mig inte före jul" means before Christmas Eve (it was read as 1 July 2027); a snooze reads
    a named day, a week and a day written with dots or a hyphen as check-ins do, the next such from today;
    the middle of a month is its 15th ("mitten av december", "mid-December"), its start the 1st, and its
    end says no day and is asked about."""
    meetings.clock.now = WEDNESDAY
    answer = await meetings.say(KIM, "påminn mig inte före jul")
    assert "24 dec. 2026" in answer and "2027" not in answer, answer
    answer = await meetings.say(KIM, "snooze until Christmas Eve", locale="en-US")
    assert "24 Dec 2026" in answer, answer
    assert "6 jan. 2027" in await meetings.say(KIM, "påminn mig inte före trettondagen")
    assert "7 dec. 2026" in await meetings.say(KIM, "påminn mig inte före v. 50")
    assert "15 dec. 2026" in await meetings.say(KIM, "påminn mig inte före 15.12")
    assert "15 Dec 2026" in await meetings.say(KIM, "snooze until 15-12", locale="en-US")
    answer = await meetings.say(KIM, "påminn mig inte före mitten av december")
    assert "före 15 dec. 2026" in answer, answer
    answer = await meetings.say(KIM, "snooze until mid-December", locale="en-US")
    assert "before 15 Dec 2026" in answer, answer
    unread = await meetings.say(KIM, "påminn mig inte före slutet av december")
    assert "dec. 2026" not in unread, unread


async def test_the_weekend_before_names_no_day_and_is_asked_about(meetings: District) -> None:
    meetings.clock.now = WEDNESDAY
    answer = await _report(meetings, "möte helgen innan", "sv-SE")
    assert answer.startswith("”helgen innan” är inte ett datum. Skriv dagen som 12/3 eller 12 mars."), answer
    answer = await _report(meetings, "meeting the weekend before", "en-US")
    assert answer.startswith("“the weekend before” is not a date. Write the day as 12/3 or 12 March."), answer
    assert meetings.reports() == []
