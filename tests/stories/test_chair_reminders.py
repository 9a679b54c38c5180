"""The quarter's reminder to branch chairs who have not reported, through the real server, in Swedish and
English. Goal 4 is every branch's meetings (one a quarter), goal 3 every branch's one person for Zetkin
(appointed once); Kim chairs Sundsvall, Lee Härnösand, Sam Timrå; Megan and Anna are the board. The daily
job runs at ten in Swedish time; the tests set the clock and run it.

What a chair expects:
- "Has my branch reported?" is about the quarter the reminder names and the goals every branch does: a
  report by me or by the deputy I named counts; a report I withdrew (`ångra`) does not; a meeting I report
  now for a day of last quarter counts for last quarter. A report on a district goal does not report my
  branch's goals. A goal my branch has reached for the year (its one person appointed) is not asked again.
- After a merge the branch merged into has the merged branch's reports; a renamed branch is reminded by its
  new name; a new branch is reminded like any other; a chair who moved to another branch is reminded of
  that branch's goals, not of the one they left.
- Never reminded when my branch has reported; reminded, once, when it has not (also with two servers, or
  the job run again): a refused message is not counted as a reminder and comes the next day; a 429 or 503
  is retried and arrives once. At ten in Swedish time, also the week the clocks change.
- The reminder names the quarter's end, the goals still unreported (with a report of an earlier quarter
  named, lest I think it was lost), a report line that works for me (and my deputy) as written, and how to
  be left alone (`påminn mig inte före …`). "Påminn mig om en vecka" brings it back then.

What the board expects: the digest and the follow-up name the same branches as not reported this quarter,
for the same goals, as the chairs were reminded of; the digest names who snoozed, and a late branch is
named to each board member in their own language.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aiohttp.test_utils import TestClient, TestServer

from bot.app import SCHEDULER, create_app
from bot.config import Settings
from tests.fakes.chat import reply_text
from tests.fakes.connector import DROP
from tests.stories.conftest import ANNA, JOHANNES, KIM, LEE, MEGAN, NOA, SAM, District, Someone

REMINDER_DAY = datetime(2026, 12, 17, 9, 0, tzinfo=UTC)  # Thursday 17 December, 10:00 in Stockholm


async def reminders(district: District, when: datetime = REMINDER_DAY) -> dict[str, list[str]]:
    """What the daily job sends at `when`, as plain text, by the Teams id of whom it went to."""
    district.clock.now = when
    before = len(district.connector.posted)
    await district.client.app[SCHEDULER].reporting.run()  # type: ignore[union-attr]
    sent: dict[str, list[str]] = {}
    for posted in district.connector.posted[before:]:
        sent.setdefault(posted.conversation_id.removeprefix("a:personal-"), []).append(
            reply_text(posted.body)
        )
    return sent


async def chats(district: District, *people: Someone, locale: str = "sv-SE") -> None:
    """Each writes to the bot once: the bot can reach them, in the language of their Teams."""
    for who in people:
        await district.say(who, "hej" if locale.startswith("sv") else "hello", locale=locale)


def missing(reminder: str, branch: str) -> list[int]:
    """The goal numbers a reminder lists under the branch."""
    lines = reminder.split("\n")
    start = lines.index(next(line for line in lines if line.endswith(branch)))
    numbers = []
    for line in lines[start + 1 :]:
        head = line.strip().split(".")[0]
        if not head.isdigit():
            break
        numbers.append(int(head))
    return numbers


async def test_who_has_reported_this_quarter_is_not_reminded_and_who_has_not_is(meetings: District) -> None:
    """Sundsvall's deputy Noa reported both goals; Lee reported the meetings for 30 September (last quarter)
    and the Zetkin person for August (reached for the year); Sam reported both and withdrew the meeting.
    Kim and Noa are not reminded; Lee and Sam are, of goal 4 only. The digest says the same."""
    await chats(meetings, KIM, LEE, SAM, NOA, MEGAN, ANNA)
    assert "ersättare" in await meetings.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    for text in ("rapportera 4 1 medlemsmöte", "rapportera 3 1 Eva sköter Zetkin"):
        assert (await meetings.say(NOA, text)).startswith("Sparat #")
    assert "30 sep. 2026" in await meetings.say(LEE, "rapportera 4 1 möte 30/9")
    assert "15 aug. 2026" in await meetings.say(LEE, "rapportera 3 1 15/8 Eva utsedd")
    assert (await meetings.say(SAM, "rapportera 3 1")).startswith("Sparat #")
    stored = await meetings.say(SAM, "rapportera 4 1 möte")
    number = stored.removeprefix("Sparat #").split(":")[0]
    assert "räknas inte" in await meetings.say(SAM, f"ångra {number}")
    assert "Sparat #" in await meetings.say(MEGAN, "rapportera 6 1 ordförandemöte för Timrå")

    sent = await reminders(meetings)
    assert sorted(sent) == sorted([LEE.teams_id, SAM.teams_id, MEGAN.teams_id, ANNA.teams_id])
    [lee] = sent[LEE.teams_id]
    assert missing(lee, "För Härnösand") == [4]
    # Lee's meeting of 30 September is named, lest Lee think the report was lost.
    assert "(senaste rapporten: 30 sep. 2026, före det här kvartalet)" in lee
    assert missing(sent[SAM.teams_id][0], "För Timrå") == [4]
    [digest] = sent[ANNA.teams_id]
    assert "Härnösand: mål 3 klart för året · inte rapporterat på mål 4" in digest  # done in August
    assert "Sundsvall: rapporterat på mål 3, 4" in digest
    assert "Timrå: rapporterat på mål 3 · inte rapporterat på mål 4" in digest
    # Once a quarter, also when the job runs again (a restart, the next day).
    assert await reminders(meetings, REMINDER_DAY.replace(hour=12)) == {}
    assert await reminders(meetings, datetime(2026, 12, 18, 9, 0, tzinfo=UTC)) == {}


async def test_merged_renamed_new_branches_and_a_chair_who_moved_in_english(meetings: District) -> None:
    """Timrå reported and merged into Härnösand; Sundsvall is now Sundsvall-Njurunda; Kramfors is new with
    Johannes as its chair; Kim reported for Sundsvall, then moved to chair Kramfors instead. Lee and Sam
    (Härnösand now has Timrå's reports) are not reminded; Kim is reminded of Kramfors, with Johannes;
    Sundsvall-Njurunda has no chair left to remind, and the board reads so."""
    await chats(meetings, KIM, LEE, SAM, JOHANNES, MEGAN, ANNA, locale="en-US")
    for text in ("report 4 1 meeting", "report 3 1"):
        assert (await meetings.say(SAM, text, locale="en-US")).startswith("Stored #")
        assert (await meetings.say(KIM, text, locale="en-US")).startswith("Stored #")
    english = {"locale": "en-US"}
    merged = await meetings.say(MEGAN, "branches merge Timrå into Härnösand", **english)
    assert merged.startswith("Merged Timrå into Härnösand"), merged
    assert "Sundsvall-Njurunda" in await meetings.say(
        MEGAN, "branches rename Sundsvall to Sundsvall-Njurunda", **english
    )
    assert "Kramfors" in await meetings.say(MEGAN, "branches add Kramfors", **english)
    for who in (JOHANNES, KIM):
        answer = await meetings.say(
            MEGAN, f"role chair @{who.name} Kramfors", mentions=((who, who.name),), **english
        )
        assert answer.startswith(f"{who.name} is now chair of Kramfors."), answer
    assert "no longer" in await meetings.say(
        MEGAN, "role remove chair @Kim Berg Sundsvall-Njurunda", mentions=((KIM, "Kim Berg"),), **english
    )

    sent = await reminders(meetings)
    assert sorted(sent) == sorted([KIM.teams_id, JOHANNES.teams_id, MEGAN.teams_id, ANNA.teams_id])
    [kim] = sent[KIM.teams_id]
    assert kim.startswith("Time to report: the quarter ends 31 Dec 2026") and "Sundsvall" not in kim
    assert missing(kim, "For Kramfors") == [3, 4]
    assert sent[JOHANNES.teams_id] == [kim]
    [digest] = sent[MEGAN.teams_id]
    assert "Härnösand: reported on goals 3, 4" in digest
    assert "Kramfors: not reported on goals 3, 4" in digest
    assert "Sundsvall-Njurunda: reported on goals 3, 4\n" in digest  # no "no chair to remind": it reported


async def test_a_refused_reminder_comes_the_next_day_and_a_busy_connector_is_retried(
    meetings: District,
) -> None:
    """Teams refuses Kim's reminder (400): that is no reminder, so the board reads Kim as not reached, and the
    next day Kim gets it; that day Teams answers 429, then 503: it is sent again and arrives once. Lee's,
    whose answer was lost (it may have arrived), is not sent twice."""
    await chats(meetings, KIM, LEE, SAM, MEGAN, ANNA)
    meetings.connector.failures.extend([(400, {}), (DROP, {})])  # Kim's, then Lee's
    sent = await reminders(meetings)
    assert sorted(sent) == sorted([SAM.teams_id, MEGAN.teams_id, ANNA.teams_id])
    note = "eller så tog Teams inte emot meddelandet): Kim Berg, Lee Gu"
    assert note in sent[MEGAN.teams_id][0]
    meetings.connector.failures.extend([(429, {"Retry-After": "1"}), (503, {})])
    again = await reminders(meetings, datetime(2026, 12, 18, 9, 0, tzinfo=UTC))
    assert list(again) == [KIM.teams_id] and len(again[KIM.teams_id]) == 1
    assert missing(again[KIM.teams_id][0], "För Sundsvall") == [3, 4]
    assert await reminders(meetings, datetime(2026, 12, 19, 9, 0, tzinfo=UTC)) == {}


async def test_the_board_is_told_of_late_branches_each_in_their_own_language(meetings: District) -> None:
    """With escalation on, a branch still not reported a week after its chair's reminder is named to each
    board member, in the language they read: Anna's Teams is in English."""
    await chats(meetings, KIM, LEE, SAM, MEGAN)
    await chats(meetings, ANNA, locale="en-US")
    assert (await meetings.say(MEGAN, "eskalera på")).startswith("Eskaleringen är på")
    for text in ("rapportera 4 1", "rapportera 3 1"):
        await meetings.say(KIM, text)
        await meetings.say(LEE, text)
    await reminders(meetings)
    told = await reminders(meetings, datetime(2026, 12, 28, 9, 0, tzinfo=UTC))
    assert sorted(told) == sorted([MEGAN.teams_id, ANNA.teams_id])
    assert told[MEGAN.teams_id][0].startswith("Inte rapporterat 7 dagar efter påminnelsen")
    assert told[ANNA.teams_id][0].startswith("Not reported 7 days after the reminder")
    assert "Timrå: goals 3, 4" in told[ANNA.teams_id][0]


async def test_the_follow_up_names_as_not_reported_what_the_chairs_were_reminded_of(
    meetings: District,
) -> None:
    """Since the last follow-up every branch has reported something: Kim a meeting of September, Lee a
    district goal "för Härnösand" (the board's), Sam both goals. The follow-up used to say every branch had
    reported; the chairs were reminded of this quarter's goals. Now both say the same, in both languages."""
    await chats(meetings, KIM, LEE, SAM, MEGAN)
    await chats(meetings, ANNA, locale="en-US")
    assert "30 sep. 2026" in await meetings.say(KIM, "rapportera 4 1 möte 30/9")
    assert "distriktet" in await meetings.say(MEGAN, "rapportera 6 1 ordförandemöte för Härnösand")
    for text in ("rapportera 4 1", "rapportera 3 1"):
        assert (await meetings.say(SAM, text)).startswith("Sparat #")
    sent = await reminders(meetings)
    assert sorted(sent) == sorted([KIM.teams_id, LEE.teams_id, MEGAN.teams_id, ANNA.teams_id])
    assert missing(sent[KIM.teams_id][0], "För Sundsvall") == [3, 4]
    assert missing(sent[LEE.teams_id][0], "För Härnösand") == [3, 4]

    follow_up = await meetings.say(MEGAN, "uppföljning")
    assert (
        "Partiföreningar som inte har rapporterat för kvartalet som slutar 31 dec. 2026\n"
        "Härnösand: inte rapporterat på mål 3, 4\n"
        "Sundsvall: inte rapporterat på mål 3, 4\n\n"
    ) in follow_up
    english = await meetings.say(ANNA, "follow-up", locale="en-US")
    assert (
        "Branches that have not reported for the quarter ending 31 Dec 2026\n"
        "Härnösand: not reported on goals 3, 4\n"
        "Sundsvall: not reported on goals 3, 4\n\n"
    ) in english
    # The digest's lines for those branches are the same.
    for line in ("Härnösand: inte rapporterat på mål 3, 4", "Sundsvall: inte rapporterat på mål 3, 4"):
        assert line in sent[MEGAN.teams_id][0]
    assert "Timrå: rapporterat på mål 3, 4" in sent[MEGAN.teams_id][0]
    # In January, the plan's year over, the follow-up speaks of its last quarter, not of the new one.
    meetings.clock.now = datetime(2027, 1, 12, 17, 0, tzinfo=UTC)
    assert "Partiföreningar som inte har rapporterat för kvartalet som slutar 31 dec. 2026\nHärnösand: " in (
        await meetings.say(MEGAN, "uppföljning")
    )


async def test_the_reminders_own_lines_work_for_the_chair_as_written(meetings: District) -> None:
    """Lee (Swedish), Sam (English) and Sundsvall's deputy Noa copy the report line their reminder shows:
    it is stored for their branch, dated today, in the quarter reminded of. Copying the snooze line (a day
    that skips the next quarter's reminder) works too, and the answer says until when."""
    await chats(meetings, LEE, KIM, NOA)
    await chats(meetings, SAM, locale="en-US")
    assert "ersättare" in await meetings.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    sent = await reminders(meetings)
    [lee] = sent[LEE.teams_id]
    [sam] = sent[SAM.teams_id]
    [noa] = sent[NOA.teams_id]  # Sundsvall's deputy reports for it, and is reminded with its chair
    assert lee.startswith("Dags att rapportera: kvartalet slutar 31 dec. 2026")
    assert sam.startswith("Time to report: the quarter ends 31 Dec 2026")
    for who, reminder, locale, marker, stored in (
        (LEE, lee, "sv-SE", "Rapportera med: ", "Sparat #"),
        (SAM, sam, "en-US", "Report with: ", "Stored #"),
        (NOA, noa, "sv-SE", "Rapportera med: ", "Sparat #"),
    ):
        line = next(x for x in reminder.split("\n") if x.startswith(marker)).removeprefix(marker)
        answer = await meetings.say(who, line, locale=locale)
        assert answer.startswith(stored) and ("17 dec. 2026" in answer or "17 Dec 2026" in answer), answer
    # The line's placeholder for a comment, copied as it stands, is no comment for the year's report.
    assert [
        (c.goal_number, c.branch, str(c.happened_on), c.reporter, c.comment) for c in meetings.reports()
    ] == [
        (3, "Härnösand", "2026-12-17", "Lee Gu", None),
        (3, "Timrå", "2026-12-17", "Sam Ek", None),
        (3, "Sundsvall", "2026-12-17", "Noa Holm", None),
    ]
    [kim] = sent[KIM.teams_id]
    snooze = kim.split("\n")[-1]
    assert snooze == (
        "Jag påminner en gång per kvartal. Vill du slippa påminnelser fram till en viss dag skriver du: "
        "påminn mig inte före 1 apr. 2027"
    )
    answer = await meetings.say(KIM, snooze.split("skriver du: ")[1])
    assert answer.startswith("Okej: inga påminnelser till dig före 1 apr. 2027."), answer
    english = sam.split("\n")[-1]
    assert english.endswith("To have no reminders before a day: snooze until 1 Apr 2027")
    answer = await meetings.say(SAM, english.split(": ")[1], locale="en-US")
    assert answer.startswith("Fine: no reminders to you before 1 Apr 2027."), answer
    assert await meetings.say(SAM, "snooze", locale="en-US") == "No reminders to you before 1 Apr 2027."


async def test_two_server_processes_remind_each_chair_once(meetings: District, settings: Settings) -> None:
    """Two servers on one database run the daily job at the same moment (a restart's overlap, or two
    replicas): each chair gets one reminder and each board member one digest, since a reminder is claimed
    in the database before it is sent."""
    await chats(meetings, KIM, LEE, SAM, MEGAN, ANNA)
    meetings.clock.now = REMINDER_DAY
    other = TestClient(TestServer(create_app(settings, clock=meetings.clock), host="127.0.0.1"))
    await other.start_server()
    try:
        before = len(meetings.connector.posted)
        await asyncio.gather(
            meetings.client.app[SCHEDULER].reporting.run(),  # type: ignore[union-attr]
            other.app[SCHEDULER].reporting.run(),  # type: ignore[union-attr]
        )
    finally:
        await other.close()
    posted = sorted(p.conversation_id for p in meetings.connector.posted[before:])
    assert posted == sorted(f"a:personal-{who.teams_id}" for who in (KIM, LEE, SAM, MEGAN, ANNA))


async def test_the_daily_job_runs_at_ten_swedish_time_across_the_spring_night(meetings: District) -> None:
    """The first quarter's reminders fall around the night Sweden's clocks go forward (28 March 2027): the
    job still comes at ten in the morning, Swedish time, before and after it."""
    job = meetings.client.app[SCHEDULER].scheduler.get_job("report-reminders")
    assert job is not None
    stockholm = ZoneInfo("Europe/Stockholm")
    fire = datetime(2027, 3, 26, 12, 0, tzinfo=UTC)
    times = []
    for _ in range(3):
        fire = job.trigger.get_next_fire_time(None, fire + timedelta(minutes=1))
        times.append(fire.astimezone(stockholm).strftime("%d %H:%M %Z"))
    assert times == ["27 10:00 CET", "28 10:00 CEST", "29 10:00 CEST"]


async def test_the_board_reads_who_snoozed_their_reminder(meetings: District) -> None:
    """Kim asked for no reminders before 10 January: Kim is not reminded, and the digest says so rather than
    letting the board believe every chair not reported was reminded; in Swedish and in English."""
    await chats(meetings, KIM, LEE, SAM, MEGAN)
    await chats(meetings, ANNA, locale="en-US")
    assert "10 jan. 2027" in await meetings.say(KIM, "påminn mig inte före 10/1")
    sent = await reminders(meetings)
    assert KIM.teams_id not in sent and LEE.teams_id in sent and SAM.teams_id in sent
    assert sent[MEGAN.teams_id][0].endswith("\n\nInte påminda, på egen begäran: Kim Berg")
    assert sent[ANNA.teams_id][0].endswith("\n\nNot reminded, at their own wish (snoozed): Kim Berg")


async def test_a_chair_who_answers_remind_me_later_is_reminded_again_then(meetings: District) -> None:
    """Answering the reminder with `påminn mig om en vecka` (`remind me in 3 days`) means "remind me again
    then": the quarter's reminder comes again from that day (after Christmas, whose holidays have none),
    with what is still not reported. A snooze past the quarter's end says only that nothing comes before."""
    await chats(meetings, KIM, LEE)
    await chats(meetings, SAM, locale="en-US")
    assert sorted(await reminders(meetings)) == sorted([KIM.teams_id, LEE.teams_id, SAM.teams_id])
    answer = await meetings.say(KIM, "påminn mig om en vecka")
    assert answer.startswith(
        "Okej: från och med 24 dec. 2026 påminner jag dig igen om det som fortfarande inte är rapporterat "
        "det här kvartalet"
    ), answer
    answer = await meetings.say(SAM, "remind me in 3 days", locale="en-US")
    assert answer.startswith("Fine: from 20 Dec 2026 I remind you again"), answer
    answer = await meetings.say(LEE, "påminn mig inte före 15/1")
    assert answer.startswith("Okej: inga påminnelser till dig före 15 jan. 2027."), answer
    assert (await meetings.say(SAM, "report 4 1 meeting", locale="en-US")).startswith("Stored #")

    assert await reminders(meetings, datetime(2026, 12, 18, 9, 0, tzinfo=UTC)) == {}
    again = await reminders(meetings, datetime(2026, 12, 20, 9, 0, tzinfo=UTC))
    assert list(again) == [SAM.teams_id] and missing(again[SAM.teams_id][0], "For Timrå") == [3]
    for day in (21, 22, 23, 24, 25, 26):
        assert await reminders(meetings, datetime(2026, 12, day, 9, 0, tzinfo=UTC)) == {}, day
    again = await reminders(meetings, datetime(2026, 12, 27, 9, 0, tzinfo=UTC))
    assert list(again) == [KIM.teams_id] and missing(again[KIM.teams_id][0], "För Sundsvall") == [3, 4]
    for day in (28, 29, 30):
        assert await reminders(meetings, datetime(2026, 12, day, 9, 0, tzinfo=UTC)) == {}, day
