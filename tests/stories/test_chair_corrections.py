"""Chairs and their deputies see what their branch reported, and correct or withdraw it, as they write.

Goal 4 is every branch's own here (a members' meeting a quarter); goal 6 is the district's. The clock is set
to Sunday 22 November 2026, 10:00 UTC. Kim chairs Sundsvall, Lee Härnösand; Kim names Noa deputy.

What a chair means:
- `mina rapporter` is the branch's record as far as they answer for it: the reports they made and those
  made for their branch by anyone. Ten are shown at a time; a list that is cut says how many there are in
  all and the line that shows the rest (`mina rapporter sida 2`), or a part (`mina rapporter mål 4`,
  `mina rapporter 2026`), and each of those lines works.
- A branch's reports belong to the branch: whoever reports for it now (its chair, a deputy) may correct or
  withdraw any of them, whoever made it, and the answer names who made it. The board may change any report
  (it may report for any branch, and answers for the district's figures); the people responsible for a goal
  may change that goal's reports (they may report it). Someone from another branch, or a member without a
  role, is refused with the reason and what to do; a chair who stepped down no longer changes the branch's.
- "ändra senaste", "ångra min förra", "fel siffra på mål 4, ska vara 3", "ta bort rapporten från i går",
  "I reported wrong for goal 4": the chair means a report they do not name by number. The bot names the one
  that fits and the line that acts on it; nothing is changed on a guess.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.db.people import PeopleRepository
from bot.services.people import Role
from tests.stories.conftest import DISTRICT, JOHANNES, KIM, LEE, MEGAN, NOA, District

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


@pytest.fixture
async def sundsvall(meetings: District) -> District:
    """Kim has reported 12 meetings, 1-12 November (#1-#12); Noa, named deputy, one yesterday (#13); Lee
    one for Härnösand (#14)."""
    meetings.clock.now = SUNDAY
    await meetings.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    for day in range(1, 13):
        assert (await meetings.say(KIM, f"rapportera 4 1 {day}/11 möte {day}")).startswith("Sparat")
    assert (await meetings.say(NOA, "report 4 1 yesterday deputy's", locale="en-US")).startswith("Stored #13")
    assert (await meetings.say(LEE, "rapportera 4 1 i går")).startswith("Sparat #14")
    return meetings


async def test_a_cut_list_of_reports_says_how_many_and_how_to_see_the_rest(sundsvall: District) -> None:
    """13 reports for Kim: the first page says 1-10 of 13 and names page 2, which shows the other three;
    by goal and by year narrow it; a page past the end, or a number alone, is answered with what to write."""
    first = (await sundsvall.say(KIM, "mina rapporter")).splitlines()
    assert first[1] == "#13 mål 4 · 21 nov. 2026 · Sundsvall · 1 medlemsmöte · deputy's · av Noa Holm"
    assert len([line for line in first if line.startswith("#")]) == 10
    assert first[-3:] == [
        "Visar 1–10 av 13. Nästa sida: mina rapporter sida 2",
        "Per mål: mina rapporter mål 4 · per år: mina rapporter 2026",
        "Ändra med: ändra 13 VÄRDE [KOMMENTAR] · dra tillbaka med: ångra 13",
    ]
    second = (await sundsvall.say(KIM, "mina rapporter sida 2")).splitlines()
    assert [line.split()[0] for line in second if line.startswith("#")] == ["#3", "#2", "#1"]
    assert "Visar 11–13 av 13." in second
    assert not any("Nästa sida" in line for line in second)
    english = (await sundsvall.say(KIM, "my reports page 2", locale="en-US")).splitlines()
    assert "Showing 11–13 of 13." in english
    goal = (await sundsvall.say(KIM, "mina rapporter mål 4")).splitlines()
    assert goal[0] == "De senaste rapporterna från dig och Sundsvall på mål 4"
    assert "Visar 1–10 av 13. Nästa sida: mina rapporter mål 4 sida 2" in goal
    year = await sundsvall.say(KIM, "my reports 2026 page 2", locale="en-US")
    assert "Showing 11–13 of 13." in year
    assert await sundsvall.say(KIM, "mina rapporter 2025") == (
        "Du har inga rapporter under 2025. Alla dina: mina rapporter"
    )
    assert await sundsvall.say(KIM, "mina rapporter sida 3") == (
        "Sidan 3 finns inte: det finns 13 rapporter, på 2 sidor. Skriv: mina rapporter sida 2"
    )
    assert await sundsvall.say(KIM, "my reports goal 99", locale="en-US") == (
        "There is no goal 99; the plan has goals 1–24."
    )
    assert (await sundsvall.say(KIM, "mina rapporter 6")).startswith(
        "Skriv mina rapporter för dina senaste rapporter, mina rapporter mål 6 för dem på ett mål,"
    )
    # Lee's one report fits: nothing is said about more.
    lee = await sundsvall.say(LEE, "my reports", locale="en-US")
    assert "Showing" not in lee and "Next" not in lee


async def test_the_chair_and_the_deputy_correct_the_branchs_reports_and_others_are_refused(
    sundsvall: District,
) -> None:
    """Noa corrects Kim's report and Kim withdraws Noa's: each answer names who made it. Lee (another
    branch's chair) and Johannes (no role) are refused with what to do; the board may change any; Kim, once
    no longer chair, is refused. Nothing refused is changed."""
    assert await sundsvall.say(NOA, "correct 1 2", locale="en-US") == (
        "Corrected #1: goal 4, now 2 members' meetings for Sundsvall, 1 Nov 2026. It was reported by Kim "
        "Berg."
    )
    assert await sundsvall.say(KIM, "ångra 13") == (
        "Rapport #13 (mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026) är tillbakadragen; den räknas inte "
        "längre. "
        "Den rapporterades av Noa Holm."
    )
    assert (
        await sundsvall.say(KIM, "ändra 2 2")
        == "Rättat #2: mål 4, nu 2 medlemsmöten för Sundsvall, 2 nov. 2026."
    )
    assert await sundsvall.say(LEE, "ändra 3 5") == (
        "Rapport #3 gäller Sundsvall: bara ordföranden eller en ersättare i Sundsvall och styrelsen kan "
        "ändra den. Din förenings rapporter: mina rapporter"
    )
    assert await sundsvall.say(JOHANNES, "withdraw 3", locale="en-US") == (
        "#3 is a report for Sundsvall: only the chair or a deputy of Sundsvall and the board can change it. "
        "If you report for Sundsvall, ask its chair to name you deputy (deputy @name)."
    )
    assert await sundsvall.say(MEGAN, "ändra 14 2") == (
        "Rättat #14: mål 4, nu 2 medlemsmöten för Härnösand, 21 nov. 2026. Den rapporterades av Lee Gu."
    )
    PeopleRepository(sundsvall.db).revoke(KIM.info, DISTRICT, Role.CHAIR)
    assert (await sundsvall.say(KIM, "ångra 4")).startswith("Rapport #4 gäller Sundsvall: bara ordföranden")
    changed = {c.id: (c.value, c.withdrawn) for c in sundsvall.reports()}
    assert changed[1] == (2, False) and changed[2] == (2, False) and changed[13] == (1, True)
    assert changed[3] == (1, False) and changed[4] == (1, False) and changed[14] == (2, False)


async def test_the_district_goals_reports_are_the_boards_and_the_responsibles(district: District) -> None:
    """Megan (board) reports goal 6, the district's; Noa, named responsible for goal 6, corrects it; Kim, a
    chair, is told who may."""
    district.clock.now = SUNDAY
    assert (await district.say(MEGAN, "rapportera 6 1 ordförandemöte")).startswith("Sparat #1")
    await district.say(MEGAN, "ansvarig 6 @Noa Holm", mentions=((NOA, "Noa Holm"),))
    assert await district.say(NOA, "edit 1 2", locale="en-US") == (
        "Corrected #1: goal 6, now 2 chairs' meetings for the district, 22 Nov 2026. It was reported by "
        "Megan Bowen."
    )
    assert await district.say(KIM, "ångra 1") == (
        "Rapport #1 är distriktets rapport på mål 6: bara styrelsen och de som är ansvariga för mål 6 kan "
        "ändra den. Berätta för någon i styrelsen vad som ska ändras."
    )
    assert [(c.value, c.withdrawn) for c in district.reports()] == [(2, False)]


@pytest.mark.parametrize(
    ("who", "written", "locale", "answer"),
    [
        (
            KIM,
            "ändra senaste",
            "sv-SE",
            "Den senaste rapporten är #13: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026. Den "
            "rapporterades av Noa Holm. Ändra den med: ändra 13 VÄRDE",
        ),
        (
            KIM,
            "Ändra senaste 2",
            "sv-SE",
            "Den senaste rapporten är #13: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026. Den "
            "rapporterades av Noa Holm. Ändra den med: ändra 13 2",
        ),
        (
            LEE,
            "ångra min förra",
            "sv-SE",
            "Din senaste rapport är #14: mål 4, 1 medlemsmöte för Härnösand, 21 nov. 2026. Dra tillbaka den "
            "med: ångra "
            "14",
        ),
        (
            LEE,
            "undo my last report",
            "en-US",
            "Your latest report is #14: goal 4, 1 members' meeting for Härnösand, 21 Nov 2026. To withdraw "
            "it, write: "
            "withdraw 14",
        ),
        (
            LEE,
            "edit last",
            "en-US",
            "Your latest report is #14: goal 4, 1 members' meeting for Härnösand, 21 Nov 2026. To correct "
            "it, write: correct "
            "14 VALUE",
        ),
        (
            KIM,
            "fel siffra på mål 4, ska vara 3",
            "sv-SE",
            "Den senaste rapporten på mål 4 är #13: mål 4, 1 medlemsmöte för Sundsvall, "
            "21 nov. 2026. Den rapporterades av Noa Holm. Ytterligare 12 passar; se mina rapporter mål 4. "
            "Ändra den med: ändra 13 3",
        ),
        (
            KIM,
            "ändra mål 4 till 2 🙂",
            "sv-SE",
            "Den senaste rapporten på mål 4 är #13: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. "
            "2026. Den rapporterades av Noa Holm. Ytterligare 12 passar; se mina rapporter mål 4. Ändra den "
            "med: ändra 13 2",
        ),
        (
            KIM,
            "ta bort rapporten från den 3/11",
            "sv-SE",
            "Den senaste rapporten från 3 nov. 2026 är #3: mål "
            "4, 1 medlemsmöte för Sundsvall, 3 nov. 2026. Dra tillbaka den med: ångra 3",
        ),
        (
            LEE,
            "ta bort rapporten från igår",
            "sv-SE",
            "Den senaste rapporten från 21 nov. 2026 är #14: mål 4, "
            "1 medlemsmöte för Härnösand, 21 nov. 2026. Dra tillbaka den med: ångra 14",
        ),
        (
            KIM,
            "I reported wrong for goal 4 on November 5, should be 2",
            "en-US",
            "The latest report on goal 4 "
            "of 5 Nov 2026 is #5: goal 4, 1 members' meeting for Sundsvall, 5 Nov 2026. To correct it, "
            "write: correct 5 2",
        ),
        (
            LEE,
            "rapporterade fel på mål 4",
            "sv-SE",
            "Den senaste rapporten på mål 4 är #14: mål 4, 1 medlemsmöte för Härnösand, 21 nov. 2026. Ändra "
            "den med: "
            "ändra 14 VÄRDE",
        ),
        (
            LEE,
            "delete the report from yesterday",
            "en-US",
            "The latest report of 21 Nov 2026 is #14: goal 4, "
            "1 members' meeting for Härnösand, 21 Nov 2026. To withdraw it, write: withdraw 14",
        ),
        (
            LEE,
            "ångra rapporten från 3/11",
            "sv-SE",
            "Jag hittar ingen rapport från 3 nov. 2026 som du kan ändra; se mina rapporter.",
        ),
        (
            JOHANNES,
            "ångra senaste",
            "sv-SE",
            "Jag hittar ingen rapport som du kan ändra; se mina rapporter.",  # none: no made-up number
        ),
        (
            JOHANNES,
            "withdraw my latest",
            "en-US",
            "I find no report that you can change; see my reports.",
        ),
        (
            KIM,
            "ångra 6 och 7",
            "sv-SE",
            "En rapport i taget: skriv ångra 6 och sedan ångra 7. Ingen rapport drogs tillbaka.",
        ),
        (KIM, "ta bort 6", "sv-SE", "Menade du ångra 6? Skriv hjälp för att se allt jag kan göra."),
        (
            LEE,
            "oj, jag skrev fel",
            "sv-SE",
            "Din senaste rapport är #14: mål 4, 1 medlemsmöte för Härnösand, 21 nov. 2026. Ändra den med: "
            "ändra 14 VÄRDE",
        ),
        (
            LEE,
            "hoppsan, ta bort senaste",
            "sv-SE",
            "Din senaste rapport är #14: mål 4, 1 medlemsmöte för Härnösand, 21 nov. 2026. Dra tillbaka den "
            "med: ångra "
            "14",
        ),
    ],
)
async def test_a_report_named_in_other_words_is_shown_with_the_line_that_acts_on_it(
    sundsvall: District, who: object, written: str, locale: str, answer: str
) -> None:
    assert await sundsvall.say(who, written, locale=locale) == answer  # type: ignore[arg-type]
    assert not any(c.withdrawn for c in sundsvall.reports())
    assert all(c.value == 1 for c in sundsvall.reports())


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("ÄNDRA 2 3", "sv-SE", "Rättat #2: mål 4, nu 3 medlemsmöten för Sundsvall, 2 nov. 2026."),
        ("Ändra 2 till 3 👍", "sv-SE", "Rättat #2: mål 4, nu 3 medlemsmöten för Sundsvall, 2 nov. 2026."),
        (
            "andra rapport 2 till 3",
            "sv-SE",
            "Rättat #2: mål 4, nu 3 medlemsmöten för Sundsvall, 2 nov. 2026.",
        ),
        (
            "hej, kan du ändra rapport 2 till 3?",
            "sv-SE",
            "Rättat #2: mål 4, nu 3 medlemsmöten för Sundsvall, 2 nov. 2026.",
        ),
        (
            "could you correct 2 to 3 meetings",
            "en-US",
            "Corrected #2: goal 4, now 3 members' meetings for Sundsvall, 2 Nov 2026.",
        ),
        ("ändra 2 tre", "sv-SE", "Rättat #2: mål 4, nu 3 medlemsmöten för Sundsvall, 2 nov. 2026."),
        ("ändra nr 2 → 3", "sv-SE", "Rättat #2: mål 4, nu 3 medlemsmöten för Sundsvall, 2 nov. 2026."),
        ("rätta 2 3", "sv-SE", "Rättat #2: mål 4, nu 3 medlemsmöten för Sundsvall, 2 nov. 2026."),
        (
            "korrigera rapport 2 till 3",
            "sv-SE",
            "Rättat #2: mål 4, nu 3 medlemsmöten för Sundsvall, 2 nov. 2026.",
        ),
        (
            "fix report number 2: 3",
            "en-US",
            "Corrected #2: goal 4, now 3 members' meetings for Sundsvall, 2 Nov 2026.",
        ),
    ],
)
async def test_a_correction_written_as_chairs_write_it_is_made(
    sundsvall: District, written: str, locale: str, answer: str
) -> None:
    assert await sundsvall.say(KIM, written, locale=locale) == answer
    assert [c.value for c in sundsvall.reports() if c.id == 2] == [3]


async def test_a_goal_in_full_says_how_many_reports_it_has_and_where_to_see_them(sundsvall: District) -> None:
    """`mål 4` shows the three latest of the 14 reports; it says so, and where the reader may see them all:
    the board exports them, a chair lists the branch's, a member has the figures (which count them all)."""
    kim = (await sundsvall.say(KIM, "mål 4")).splitlines()
    assert (
        kim[-1] == "Rapporterat: de 3 senaste av 14 rapporter under 2026; din förenings: mina rapporter mål 4"
    )
    megan = (await sundsvall.say(MEGAN, "goal 4", locale="en-US")).splitlines()
    assert megan[-1] == "Reported: the 3 latest of 14 reports in 2026; all of them: export 2026 goal 4"
    johannes = (await sundsvall.say(JOHANNES, "mål 4")).splitlines()
    assert johannes[-1] == "Rapporterat: de 3 senaste av 14 rapporter under 2026"
    assert "2026, mål 4: 14 rapporter." in await sundsvall.say(MEGAN, "exportera 2026 mål 4")
    assert "Visar 1–10 av 13." in await sundsvall.say(KIM, "mina rapporter mål 4")


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        (
            "Ångra 3!",
            "sv-SE",
            "Rapport #3 (mål 4, 1 medlemsmöte för Sundsvall, 3 nov. 2026) är tillbakadragen; den räknas inte "
            "längre.",
        ),
        (
            "can you undo 3?",
            "en-US",
            "Withdrew #3 (goal 4, 1 members' meeting for Sundsvall, 3 Nov 2026); it no longer counts.",
        ),
        (
            "withdraw report number 3",
            "en-US",
            "Withdrew #3 (goal 4, 1 members' meeting for Sundsvall, 3 Nov 2026); it no longer counts.",
        ),
    ],
)
async def test_a_withdrawal_written_as_chairs_write_it_is_made(
    sundsvall: District, written: str, locale: str, answer: str
) -> None:
    """ "Ångra 3!" and "undo 3?" were read as no number, and "report number 3" as none: the answer named
    the latest report instead of withdrawing #3."""
    assert await sundsvall.say(KIM, written, locale=locale) == answer
    assert [c.id for c in sundsvall.reports() if c.withdrawn] == [3]


@pytest.mark.parametrize(
    ("written", "locale", "title"),
    [
        ("mina senaste rapporter", "sv-SE", "De senaste rapporterna från dig och Sundsvall"),
        ("vad har vi rapporterat?", "sv-SE", "De senaste rapporterna från dig och Sundsvall"),
        ("visa alla mina rapporter", "sv-SE", "De senaste rapporterna från dig och Sundsvall"),
        ("mina rapporter i år", "sv-SE", "De senaste rapporterna från dig och Sundsvall under 2026"),
        ("my reports for goal 4", "en-US", "The latest reports from you and Sundsvall on goal 4"),
        ("show all my reports", "en-US", "The latest reports from you and Sundsvall"),
    ],
)
async def test_my_reports_asked_for_in_other_words(
    sundsvall: District, written: str, locale: str, title: str
) -> None:
    assert (await sundsvall.say(KIM, written, locale=locale)).splitlines()[0] == title


async def test_only_a_chair_names_deputies_and_others_are_told_who_does(meetings: District) -> None:
    """Noa, Kim's deputy, tries to name Johannes deputy too; Megan (board, no chair) tries for Sundsvall.
    They were answered "Skriv en av dina partiföreningar efter personen: –.", a hint with an empty list.
    Nobody is named."""
    meetings.clock.now = SUNDAY
    await meetings.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    expected = (
        "Bara en partiförenings ordförande utser dess ersättare: fråga ordföranden. En administratör kan "
        "också göra det: roll ersättare @namn PARTIFÖRENING"
    )
    johannes = ((JOHANNES, "Johannes Ström"),)
    assert await meetings.say(NOA, "ersättare @Johannes Ström", mentions=johannes) == expected
    assert await meetings.say(
        MEGAN, "deputy @Johannes Ström Sundsvall", mentions=johannes, locale="en-US"
    ) == (
        "Only a branch's chair names its deputies: ask the chair. An administrator can too: "
        "role deputy @name BRANCH"
    )
    assert "Johannes" not in await meetings.say(KIM, "roller")


async def test_a_goal_said_to_be_wrong_is_no_report_to_correct_for_a_member_or_the_goals_text(
    sundsvall: District,
) -> None:
    """Kim writes "siffran på mål 4 är fel": a report of the branch's, named with the line to correct it.
    Johannes (a member) writes the same: he reported nothing, so he is not pointed to reports to correct.
    Megan (board) writes "I want to change goal 4": the goal, not a report."""
    assert await sundsvall.say(KIM, "siffran på mål 4 är fel") == (
        "Den senaste rapporten på mål 4 är #13: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026. Den "
        "rapporterades av "
        "Noa Holm. "
        "Ytterligare 12 passar; se mina rapporter mål 4. Ändra den med: ändra 13 VÄRDE"
    )
    member = await sundsvall.say(JOHANNES, "siffran på mål 4 är fel")
    assert "ändra" not in member, member
    board = await sundsvall.say(MEGAN, "I want to change goal 4", locale="en-US")
    assert "report" not in board, board


async def test_a_done_goals_report_named_without_its_number_keeps_the_words(district: District) -> None:
    """Megan reported goal 1 done; "ändra senaste inte klart" is answered with the line that says so, and
    the report's value in words ("klart", not "1")."""
    district.clock.now = SUNDAY
    assert (await district.say(MEGAN, "rapportera 1 klart")).startswith("Sparat #1")
    assert await district.say(MEGAN, "ändra senaste inte klart") == (
        "Din senaste rapport är #1: mål 1, klart för distriktet, 22 nov. 2026. Ändra den med: ändra 1 inte "
        "klart"
    )
    assert await district.say(MEGAN, "edit last not done", locale="en-US") == (
        "Your latest report is #1: goal 1, done for the district, 22 Nov 2026. To correct it, write: "
        "correct 1 not done"
    )


async def test_withdrawn_reports_in_the_list_are_counted_apart(sundsvall: District) -> None:
    """`mina rapporter` lists withdrawn reports (marked), so its "of 13" is more than `mål 4` counts for the
    branch: the list says how many of them are withdrawn, so the two numbers can be told apart."""
    assert "är tillbakadragen" in await sundsvall.say(KIM, "ångra 3")
    listed = await sundsvall.say(KIM, "mina rapporter")
    assert "Visar 1–10 av 13. Nästa sida: mina rapporter sida 2" in listed
    assert "1 av dem är tillbakadragen och räknas inte längre." in listed
    await sundsvall.say(KIM, "ångra 4")
    english = await sundsvall.say(KIM, "my reports page 2", locale="en-US")
    assert "Showing 11–13 of 13.\n2 of them are withdrawn and no longer count." in english, english
