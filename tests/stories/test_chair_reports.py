"""Branch chairs report as they talk about their meetings, in Swedish and English.

Goal 4 here is every branch's own: at least one members' meeting a quarter (the sample plan's phoning goal,
made a branch goal as an imported plan may have it). Today is Sunday 22 November 2026; Kim chairs
Sundsvall, Lee Härnösand.

What a chair means:
- "v. 11", "vecka 11", "week 11": the meeting was that week, so it counts for that week's quarter (its
  Monday, as "förra veckan" is read). "i maj", "in May", "förra månaden": that month (its first day).
  Before this, these words were left in the comment and the report counted for today: a March meeting
  filled this quarter and left the first quarter empty, with the confirmation's date the only clue.
- In January, a chair catching up on December ("12/12", "vecka 50", "i december") means the December just
  gone, which is the plan's year; reading it as next December refused it as "not happened yet".
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.stories.conftest import ANNA, JOHANNES, KIM, LEE, MEGAN, NOA, SAM, District, shown
from tests.stories.test_goal_progress import line


@pytest.mark.parametrize(
    ("written", "day", "comment", "locale"),
    [
        ("v. 11", "2026-03-09", None, "sv-SE"),
        ("möte i vecka 11", "2026-03-09", None, "sv-SE"),
        ("v11 medlemsmöte", "2026-03-09", None, "sv-SE"),
        ("meeting in week 11", "2026-03-09", None, "en-US"),
        ("möten i maj", "2026-05-01", None, "sv-SE"),
        ("meeting in May", "2026-05-01", None, "en-US"),
        ("möte förra månaden", "2026-10-01", None, "sv-SE"),
        ("meeting last month", "2026-10-01", None, "en-US"),
        ("möte den 3 juni", "2026-06-03", None, "sv-SE"),
        ("meeting on June 3", "2026-06-03", None, "en-US"),
        ("meeting on Tuesday", "2026-11-17", None, "en-US"),
        ("meeting on Sunday", "2026-11-22", None, "en-US"),
    ],
)
async def test_a_week_or_a_month_is_when_the_meeting_was(
    meetings: District, written: str, day: str, comment: str | None, locale: str
) -> None:
    answer = await meetings.say(KIM, f"rapportera 4 1 {written}", locale=locale)
    assert answer.startswith(("Sparat #1", "Stored #1")), answer
    [stored] = meetings.reports()
    assert (stored.happened_on.isoformat(), stored.comment) == (day, comment)


async def test_last_quarters_meetings_count_for_their_quarters_everywhere(meetings: District) -> None:
    """A meeting in week 11 and one in May: the first and second quarters are met, this quarter is not, in
    the chair's status and the board's `mål 4`, in both languages."""
    assert "9 mars 2026" in await meetings.say(KIM, "rapportera 4 1 medlemsmöte v. 11")
    assert "1 May 2026" in await meetings.say(KIM, "report 4 1 members' meeting in May", locale="en-US")
    assert line(await meetings.say(KIM, "status"), 4).endswith(
        "2 av 4 kvartal klara i år · efter · 0 av 1 medlemsmöte det här kvartalet"
    )
    assert line(await meetings.say(KIM, "status", locale="en-US"), 4).endswith(
        "2 of 4 quarters met this year · behind · 0 of 1 members' meeting this quarter"
    )
    # "in march" in lower case is a demonstration, not a month: it stays in the comment.
    answer = await meetings.say(KIM, "report 4 1 we joined the march", locale="en-US")
    assert "22 Nov 2026" in answer
    assert meetings.reports()[-1].comment == "we joined the march"


async def test_in_january_a_day_without_a_year_is_the_plans_december(meetings: District) -> None:
    meetings.clock.now = datetime(2027, 1, 8, 10, 0, tzinfo=UTC)
    assert "12 dec. 2026" in await meetings.say(KIM, "rapportera 4 1 12/12 julmöte")
    assert "7 Dec 2026" in await meetings.say(KIM, "report 4 2 week 50", locale="en-US")
    assert "1 dec. 2026" in await meetings.say(KIM, "rapportera 4 3 möten i december")
    # A day of this January is this year's, and outside the plan's year: refused, nothing stored.
    refused = await meetings.say(KIM, "rapportera 4 1 5/1")
    assert refused.startswith("5 jan. 2027 ligger utanför planens år: planen gäller 2026; rapportera det som")
    english = await meetings.say(KIM, "report 4 1 January 5", locale="en-US")
    assert english.startswith("5 Jan 2027 is outside the plan's year: the plan is for 2026;")
    days = [c.happened_on.isoformat() for c in meetings.reports()]
    assert days == ["2026-12-12", "2026-12-07", "2026-12-01"]


@pytest.mark.parametrize(
    ("written", "value", "locale"),
    [
        ("rapportera mål 4 2 möten", 2, "sv-SE"),
        ("rapportera 4 ett par möten", 2, "sv-SE"),
        ("rapportera 4 ett möte", 1, "sv-SE"),
        ("report goal 4 a meeting", 1, "en-US"),
        ("report 4 a couple of meetings", 2, "en-US"),
        ("Report Goal 4: 2", 2, "en-US"),
    ],
)
async def test_the_goal_word_and_a_count_in_words_are_read(
    meetings: District, written: str, value: int, locale: str
) -> None:
    """`rapportera mål 4 …` names the goal as `mål 4` does; "a couple of meetings" is two, "a meeting"
    one."""
    answer = await meetings.say(KIM, written, locale=locale)
    assert answer.startswith(("Sparat #1: mål 4, ", "Stored #1: goal 4, ")), answer
    assert f", {value} " in answer
    [stored] = meetings.reports()
    assert stored.value == value


@pytest.mark.parametrize(
    ("written", "hint", "locale"),
    [
        ("4: 2 möten", "Menade du rapportera 4 2 möten?", "sv-SE"),
        ("4: 2 meetings", "Did you mean report 4 2 meetings?", "en-US"),
        ("vi hade 3 möten i går för mål 4", "Menade du rapportera 4 3 möten 2026-11-21?", "sv-SE"),
        (
            "we held two meetings last week for goal 4",
            "Did you mean report 4 two meetings 9/11-15/11 2026?",
            "en-US",
        ),
        ("12/3 hade vi ett möte för mål 4", "Menade du rapportera 4 ett möte 2026-03-12?", "sv-SE"),
        ("rapport mål 4 två", "Menade du rapportera 4 två?", "sv-SE"),
        ("mål 4: 2 möten", "Menade du rapportera 4 2 möten? Inget sparades.", "sv-SE"),
        ("goal 4: 2 meetings", "Did you mean report 4 2 meetings? Nothing was stored.", "en-US"),
    ],
)
async def test_a_chair_reporting_in_a_sentence_is_shown_the_report_and_nothing_is_stored(
    meetings: District, written: str, hint: str, locale: str
) -> None:
    """What a chair writes about a meeting is not stored on a guess: the answer shows the one line that
    reports it, and that line stores it as the chair meant."""
    answer = await meetings.say(KIM, written, locale=locale)
    assert hint in answer, answer
    assert meetings.reports() == []
    suggested = hint.split("mean ")[-1].split("du ")[-1].split("?")[0]
    assert (await meetings.say(KIM, suggested, locale=locale)).startswith(("Sparat #1", "Stored #1"))


async def test_a_member_is_not_pointed_to_a_report_they_may_not_make(meetings: District) -> None:
    """Noa chairs nothing: "4: 2 möten" gets no report hint, and a sentence naming goal 4 points to it."""
    assert "rapportera" not in await meetings.say(NOA, "4: 2 möten")
    answer = await meetings.say(NOA, "we held two meetings for goal 4", locale="en-US")
    assert "Did you mean goal 4" in answer and "report" not in answer


def example_in(answer: str) -> str:
    """The report a hint shows, as the reader would copy it (without the COMMENT placeholder)."""
    for lead in (
        "rapportera med: ",
        "report progress with: ",
        "Rapportera med: ",
        "Till exempel: ",
        "For example: ",
    ):
        if lead in answer:
            line = answer.split(lead, 1)[1].split("\n")[0]
            return line.removesuffix(" KOMMENTAR").removesuffix(" COMMENT")
    raise AssertionError(f"no example in: {answer}")


@pytest.mark.parametrize("locale", ["sv-SE", "en-US"])
async def test_every_report_hint_is_one_the_reader_may_write_and_copying_it_stores_it(
    meetings: District, locale: str
) -> None:
    """A hint to report is copied as it stands. Noa, named responsible for goal 4 (every branch's own),
    was shown "rapportera 4 1 KOMMENTAR" under `mina mål`, which is refused ("skriv vilken partiförening");
    the board reading Sundsvall's status, or mistyping a value on goal 4, likewise. A member who may report
    nothing was shown a report to copy. Now each example names the branch where the reader must, and a
    member is shown none."""
    english = locale == "en-US"
    word, to = ("report", "for") if english else ("rapportera", "för")
    await meetings.say(MEGAN, "ansvarig 4 @Noa Holm", mentions=((NOA, "Noa Holm"),))
    asked = [
        (NOA, "my goals" if english else "mina mål", f"{word} 4 1 {to} Härnösand", "Sparat #1"),
        (MEGAN, "status Sundsvall", f"{word} 3 1 {to} Sundsvall", "Sparat #2"),
        (MEGAN, f"{word} 4 x", f"{word} 4 1 {to} Härnösand", "#1 säger redan det"),  # Noa's report
    ]
    for who, command, hint, outcome in asked:
        example = example_in(await meetings.say(who, command, locale=locale))
        assert example == hint
        stored = await meetings.say(who, example, locale=locale)
        if english:
            outcome = outcome.replace("Sparat", "Stored").replace("säger redan det", "already says that")
        assert stored.startswith(outcome), stored
    assert [c.branch for c in meetings.reports()] == ["Härnösand", "Sundsvall"]
    member = await meetings.say(JOHANNES, "status", locale=locale)
    assert (
        "Write goal 1 to see one goal in full." if english else "Skriv mål 1 för att se ett mål i sin helhet."
    ) in member
    assert "report" not in member.lower().split("goal 1 for")[-1] and "rapportera" not in member


async def test_a_district_goal_reported_in_a_branch_is_said_to_count_for_the_district(
    meetings: District,
) -> None:
    """The board reports the chairs' meeting (goal 6, the district's own) "för Sundsvall", where it was
    held. It was confirmed as "1 för Sundsvall" and listed under Sundsvall in `mål 6`, `mina` and the
    follow-up, though it counts once for the district and Sundsvall's status does not show goal 6. The
    follow-up said "3 kvar för att vara i fas" beside "efter": three quarters have passed without a
    meeting, and three more meetings this quarter would not make up for them."""
    stored = await meetings.say(MEGAN, "rapportera 6 1 ordförandemöte för Sundsvall")
    assert stored.startswith("Sparat #1: mål 6, 1 ordförandemöte för distriktet (i Sundsvall), 22 nov. 2026.")
    english = await meetings.say(ANNA, "report 6 1 chairs' meeting for Härnösand", locale="en-US")
    assert english.startswith(
        "Stored #2: goal 6, 1 chairs' meeting for the district (in Härnösand), 22 Nov 2026."
    )
    goal = await meetings.say(MEGAN, "mål 6")
    assert (
        "Framsteg: ▰▰▱▱▱▱▱▱▱▱ 1 av 4 kvartal klara i år · efter · 1 av 1 ordförandemöte det här kvartalet"
    ) in goal
    assert (
        "Rapporterat: 22 nov. 2026 · distriktet (i Sundsvall) · 1 ordförandemöte" in goal.splitlines()
    )  # unit, no comment
    assert "Reported: 22 Nov 2026 · the district (in Härnösand) · 1" in await meetings.say(
        MEGAN, "goal 6", locale="en-US"
    )
    assert "#1 mål 6 · 22 nov. 2026 · distriktet (i Sundsvall) · 1 ordförandemöte" in await meetings.say(
        MEGAN, "mina"
    )
    follow_up = await meetings.say(MEGAN, "uppföljning")
    assert "Mål 6 · distriktet (i Sundsvall): 1 rapport, 1 ordförandemöte sammanlagt" in follow_up
    [behind] = [row for row in follow_up.splitlines() if row.startswith("Mål 6: ▰")]  # behind, not moved
    assert "· efter · 1 av 1 ordförandemöte det här kvartalet · 3 ordförandemöten saknas hittills" in behind
    assert "i fas" not in behind
    english = await meetings.say(MEGAN, "follow-up", locale="en-US")
    assert "Goal 6 · the district (in Härnösand): 1 report, 1 chairs' meeting in all" in english


async def test_the_branch_may_be_named_after_the_comment(meetings: District) -> None:
    """ "rapportera 4 1 medlemsmöte för Sundsvall": the board names the branch where a sentence puts it, at
    the end. It was read only right after the value, so the board was refused ("skriv vilken")."""
    answer = await meetings.say(MEGAN, "rapportera 4 1 medlemsmöte för Sundsvall i går")
    assert answer.startswith("Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026.")
    english = await meetings.say(MEGAN, "report 4 1 members' meeting for Härnösand", locale="en-US")
    assert english.startswith("Stored #2: goal 4, 1 members' meeting for Härnösand, 22 Nov 2026.")
    assert [(c.branch, c.comment) for c in meetings.reports()] == [
        ("Sundsvall", None),  # the goal's unit, no comment
        ("Härnösand", None),
    ]
    # "för medlemmarna" is the comment's; a chair naming another branch there is still refused.
    assert (await meetings.say(KIM, "rapportera 4 1 möte för medlemmarna")).startswith("Sparat #3")
    refused = await meetings.say(KIM, "rapportera 4 1 möte för Timrå")
    assert refused == (
        "Du kan bara rapportera för din egen partiförening (Sundsvall); "
        "varje förening rapporteras av sin egen ordförande."
    )


async def test_correct_and_withdraw_act_on_the_report_named_however_it_is_written(meetings: District) -> None:
    """ "ändra 1 till 3", "edit report 2 to 3", "ändra 2: 3", "ångra rapport 2": the chair names a report
    and a value. "till" was read as the value ("”till” är inte ett tal"), and "rapport 2" or "2:" as no
    number at all, answered with the latest report, #3, as if that were the one meant."""
    for written in ("rapportera 4 1 i går", "rapportera 4 2 12/3", "rapportera 4 1 v. 20"):
        await meetings.say(KIM, written)
    assert (
        await meetings.say(KIM, "ändra 1 till 3")
        == "Rättat #1: mål 4, nu 3 medlemsmöten för Sundsvall, 21 nov. 2026."
    )
    assert (
        await meetings.say(KIM, "edit report 2 to 3", locale="en-US")
        == "Corrected #2: goal 4, now 3 members' meetings for Sundsvall, 12 Mar 2026."
    )
    assert (
        await meetings.say(KIM, "ändra 2: 4")
        == "Rättat #2: mål 4, nu 4 medlemsmöten för Sundsvall, 12 mars 2026."
    )
    assert (
        await meetings.say(KIM, "ångra rapport 2")
        == "Rapport #2 (mål 4, 4 medlemsmöten för Sundsvall, 12 mars 2026) är tillbakadragen; "
        "den räknas inte längre."
    )
    assert (
        await meetings.say(KIM, "undo #1", locale="en-US")
        == "Withdrew #1 (goal 4, 3 members' meetings for Sundsvall, 21 Nov 2026); it no longer counts."
    )
    assert [(c.id, c.value, c.withdrawn) for c in meetings.reports()] == [
        (1, 3, True),
        (2, 4, True),
        (3, 1, False),
    ]


@pytest.mark.parametrize(
    ("written", "hint", "locale"),
    [
        ("ta bort 3", "Menade du ångra 3?", "sv-SE"),
        ("radera rapport 3", "Menade du ångra 3?", "sv-SE"),
        ("radera 3", "Menade du ångra 3?", "sv-SE"),  # the board's `radera` erases a prompt's text
        ("delete 3", "Did you mean withdraw 3?", "en-US"),
        ("erase report 3", "Did you mean withdraw 3?", "en-US"),
        ("remove report 3", "Did you mean withdraw 3?", "en-US"),
    ],
)
async def test_delete_in_other_words_is_pointed_to_withdraw(
    meetings: District, written: str, hint: str, locale: str
) -> None:
    """ "ta bort 3" was answered "Menade du data bort 3?", "radera 3" "Menade du rapportera 3?" and "delete
    3" not at all: the chair means to withdraw report #3. Nothing is withdrawn on a guess."""
    for each in ("rapportera 4 1 i går", "rapportera 4 2 12/3", "rapportera 4 1 v. 20"):
        await meetings.say(KIM, each)
    answer = await meetings.say(KIM, written, locale=locale)
    assert hint in answer, answer
    assert not any(c.withdrawn for c in meetings.reports())


async def test_a_withdrawn_report_is_reported_anew_for_its_own_day_and_branch(meetings: District) -> None:
    """Kim withdraws the May meeting, then writes `ändra 1 1`: the answer's example reported it for today,
    in this quarter, not in May's. Now it keeps the day (and, for the board, the branch)."""
    await meetings.say(KIM, "rapportera 4 1 i maj")
    await meetings.say(KIM, "ångra 1")
    answer = await meetings.say(KIM, "ändra 1 1")
    assert answer.endswith("till exempel: rapportera 4 1 2026-05-01")
    assert (await meetings.say(KIM, "rapportera 4 1 2026-05-01")).startswith(
        "Sparat #2: mål 4, 1 medlemsmöte för Sundsvall, 1 maj"
    )
    await meetings.say(MEGAN, "withdraw 2", locale="en-US")
    english = await meetings.say(MEGAN, "correct 2 1", locale="en-US")
    assert english.endswith("e.g.: report 4 1 for Sundsvall 2026-05-01")
    again = await meetings.say(MEGAN, "report 4 1 for Sundsvall 2026-05-01", locale="en-US")
    assert again.startswith("Stored #3: goal 4, 1 members' meeting for Sundsvall, 1 May 2026.")


@pytest.mark.parametrize(
    ("written", "value", "comment", "locale"),
    [
        ("Hej! Rapportera 4 1 möte", 1, None, "sv-SE"),
        ("hi, report 4 1 meeting", 1, None, "en-US"),
        ("rapportera 4 1.", 1, None, "sv-SE"),
        ("rapportera 4 2, möten", 2, None, "sv-SE"),
        ("rapportera 4 två gånger", 2, None, "sv-SE"),
        ("rapportera 4 2 st. medlemsmöten", 2, None, "sv-SE"),  # the goal's unit, no comment
        ("report 4 twice", 2, None, "en-US"),
        ("report 4 three times, members' meetings", 3, None, "en-US"),
    ],
)
async def test_a_greeting_punctuation_and_times_words_are_not_in_the_way(
    meetings: District, written: str, value: int, comment: str | None, locale: str
) -> None:
    """A chair greets the bot first, ends the line with a full stop or puts a comma after the number, or
    writes "två gånger"/"twice": each was refused ("”1.” är inte ett tal", "I don't know the command
    hej!") or kept "gånger" as the comment."""
    answer = await meetings.say(KIM, written, locale=locale)
    assert answer.startswith(("Sparat #1: mål 4, ", "Stored #1: goal 4, ")), answer
    [stored] = meetings.reports()
    assert (stored.value, stored.comment) == (value, comment)


async def test_a_date_that_cannot_be_is_refused_where_a_date_is_announced(meetings: District) -> None:
    """ "den 31/11" is meant as a date: refused as no date, not stored as today with "den 31/11" as the
    comment."""
    assert (await meetings.say(KIM, "rapportera 4 1 möte den 31/11")).startswith("”31/11” är inte ett datum.")
    english = await meetings.say(KIM, "report 4 1 meeting on 31/11", locale="en-US")
    assert english.startswith("“31/11” is not a date.")
    assert meetings.reports() == []


@pytest.mark.parametrize(
    ("day", "stored", "locale"),
    [("v. 11", "2026-03-09", "sv-SE"), ("i maj", "2026-05-01", "sv-SE"), ("in May", "2026-05-01", "en-US")],
)
async def test_the_forms_date_field_reads_what_the_line_reads(
    meetings: District, day: str, stored: str, locale: str
) -> None:
    """The check-in form's date field takes the words a one-line report takes: "i maj" was refused as no
    date on the card while `rapportera 4 1 i maj` stored it."""
    form = {
        "form": "checkin",
        "submission": f"form-{stored}-{locale}",
        "goal": "4",
        "value": "1",
        "date": day,
    }
    answer = shown(await meetings.tap(KIM, {**form, "comment": ""}, locale=locale))
    assert answer.startswith(("Sparat #1", "Stored #1")), answer
    assert [c.happened_on.isoformat() for c in meetings.reports()] == [stored]


async def test_the_reminder_asks_the_responsible_only_for_what_is_theirs_to_report(
    meetings: District,
) -> None:
    """Noa is named responsible for goal 4 (every branch's meetings) and goal 6 (the district's chairs'
    meeting). Every branch reported its meetings this quarter, so status says "3 av 3 partiföreningar det
    här kvartalet". Noa was still reminded of goal 4 "för distriktet", with "rapportera 4 1", which is
    refused without a branch, and the board's digest said "Noa Holm: inte rapporterat på mål 4". Now Noa is
    reminded of goal 6 only; the digest names goal 4's branches as reported."""
    for number in (4, 6):
        await meetings.say(MEGAN, f"ansvarig {number} @Noa Holm", mentions=((NOA, "Noa Holm"),))
    await meetings.say(NOA, "help", locale="en-US")  # Noa reads English
    for chair in (KIM, LEE, SAM):
        assert (await meetings.say(chair, "rapportera 4 1 möte i går")).startswith("Sparat #")
    meetings.clock.now = datetime(2026, 12, 20, 8, 0, tzinfo=UTC)
    sent = await reminders_sent(meetings)
    assert sent[NOA.teams_id] == "\n".join(
        [
            "Time to report: the quarter ends 31 Dec 2026",
            "These goals have no report yet this quarter. Please report on them before it ends.",
            "",
            "Your goals, for the district",
            "  6. The district brings the branch chairs together for at least one meeting every quarter "
            "to coordinate the work.",
            "Report with: report 6 1 COMMENT",
            "",
            "I remind you once a quarter. To have no reminders before a day: snooze until 1 Apr 2027",
        ]
    )
    digest = sent[MEGAN.teams_id]
    assert (
        "Noa Holm: inte rapporterat på mål 6" in digest
        and "mål 4" not in digest.split("Ansvariga")[1].split("\n\n")[0]
    )
    assert "Sundsvall: rapporterat på mål 4" in digest
    assert line(await meetings.say(MEGAN, "status"), 4).endswith(
        "efter · 3 av 3 partiföreningar det här kvartalet"
    )


async def reminders_sent(district: District) -> dict[str, str]:
    """What the daily reminder job sent now, by the Teams id of whom it went to."""
    from bot.app import SCHEDULER
    from tests.fakes.chat import reply_text

    before = len(district.connector.posted)
    await district.client.app[SCHEDULER].reporting.run()  # type: ignore[union-attr]
    return {
        p.conversation_id.removeprefix("a:personal-"): reply_text(p.body)
        for p in district.connector.posted[before:]
    }


async def annual_report_text(district: District, command: str, locale: str) -> list[str]:
    """The paragraphs of the Word draft `command` links to."""
    import io
    import re

    import docx

    answer = await district.say(MEGAN, command, locale=locale)
    [link] = re.findall(r"http://127\.0\.0\.1:3978(/exports/\S+)", answer)
    response = await district.client.get(link)
    return [p.text for p in docx.Document(io.BytesIO(await response.read())).paragraphs]


async def test_the_annual_report_says_a_metric_had_no_reading_in_words(meetings: District) -> None:
    """Goal 12 (Facebook followers, from 1 500) has no reading this year: the board's draft said "från
    1 500 till ingen mätning", which reads as if the followers went to nothing. A reading, and a branch
    goal's quarters, read as status reads them."""
    text = await annual_report_text(meetings, "verksamhetsberättelse 2026", "sv-SE")
    assert "Resultat: 1\xa0500 följare, ingen mätning i år, mål 2\xa0000 · ingen mätning än" in text
    english = await annual_report_text(meetings, "annual report 2026", "en-US")
    assert "Result: 1,500 followers, no reading this year, target 2,000 · no reading yet" in english
    await meetings.say(MEGAN, "rapportera 12 1 700 följare")
    await meetings.say(KIM, "rapportera 4 1 v. 11")
    text = await annual_report_text(meetings, "verksamhetsberättelse 2026", "sv-SE")
    assert "Resultat: 1\xa0700 följare (från 1\xa0500, mål 2\xa0000) · efter" in text
    assert (
        "Period för period, partiföreningar som klarade den: "
        "kv. 1: 1 av 3, kv. 2: 0 av 3, kv. 3: 0 av 3, kv. 4: 0 av 3" in text
    )
    assert line(await meetings.say(MEGAN, "status"), 12).endswith(
        "1\xa0700 följare (från 1\xa0500, mål 2\xa0000) · efter"
    )


async def test_help_shows_a_report_the_reader_may_write(meetings: District) -> None:
    """`hjälp` showed every chair "rapportera 6 1 öppet möte i Sundsvall": goal 6 is the district's, so a
    chair copying it was refused. Now the example is a goal the reader reports: a branch goal for a chair,
    the goal someone is named responsible for; a member, who may report nothing, is told so instead."""
    own = await meetings.say(KIM, "hjälp")
    assert "rapportera 3 1 – rapportera hur ett mål går" in own and "rapportera 6 1" not in own
    assert (await meetings.say(KIM, "rapportera 3 1")).startswith("Sparat #1: mål 3, 1 person för Sundsvall")
    assert "For example: report 3 1\n" in await meetings.say(KIM, "help report", locale="en-US")
    await meetings.say(MEGAN, "ansvarig 6 @Noa Holm", mentions=((NOA, "Noa Holm"),))
    assert "Till exempel: rapportera 6 1\n" in await meetings.say(NOA, "hjälp rapportera")
    member = await meetings.say(JOHANNES, "help report", locale="en-US")
    assert "For example" not in member and "Note: You cannot report on any goal of the plan" in member


async def test_a_chairs_goal_shows_their_branchs_figure_as_status_does(meetings: District) -> None:
    """Kim reads `mål 4` after reporting: it showed only the district's figure ("0 av 3 partiföreningar har
    nått sitt mål · 1 av 3 partiföreningar det här kvartalet"), while Kim's `status` said "1 av 1 det här
    kvartalet · 2 av 4 kvartal klara". Both are right; the chair's own line is now in `mål 4` too, the
    same as in `status`. The board reads the district's figure alone."""
    await meetings.say(KIM, "rapportera 4 1 i går")
    await meetings.say(KIM, "rapportera 4 1 v. 11")
    own = line(await meetings.say(KIM, "status"), 4).split(". ", 1)[1]
    assert own.endswith("2 av 4 kvartal klara i år · efter · 1 av 1 medlemsmöte det här kvartalet")
    goal = await meetings.say(KIM, "mål 4")
    assert f"\nSundsvall: {own}\n" in goal
    assert "Framsteg: ▱▱▱▱▱▱▱▱▱▱ 0 av 3 partiföreningar har nått sitt mål · efter · 1 av 3" in goal
    english = line(await meetings.say(KIM, "status", locale="en-US"), 4).split(". ", 1)[1]
    assert f"\nSundsvall: {english}\n" in await meetings.say(KIM, "goal 4", locale="en-US")
    assert "Sundsvall: " not in await meetings.say(MEGAN, "mål 4")


async def test_a_correction_or_withdrawal_names_the_goal_of_the_report_it_changed(meetings: District) -> None:
    """Kim means goal 4 and writes `ändra 4 2`; #4 is Kim's report on goal 3. The answer was "Rättat #4:
    nu 2, 22 nov. 2026", with nothing to show that goal 3's report was changed. It names the goal now, and
    so does a withdrawal."""
    for written in ("rapportera 4 1 i går", "rapportera 4 1 v. 11", "rapportera 4 1 i maj", "rapportera 3 1"):
        await meetings.say(KIM, written)
    assert (
        await meetings.say(KIM, "ändra 4 2") == "Rättat #4: mål 3, nu 2 personer för Sundsvall, 22 nov. 2026."
    )
    english = await meetings.say(KIM, "undo 4", locale="en-US")
    assert english == "Withdrew #4 (goal 3, 2 people for Sundsvall, 22 Nov 2026); it no longer counts."
