"""A new district's first month, as its board, three chairs and a member use the bot (half on English Teams
clients, half on Swedish): every reply's numbers, names and words are checked against what was reported.
"""

from __future__ import annotations

from tests.stories.conftest import ANNA, JOHANNES, KIM, LEE, MEGAN, NOA, District


async def test_my_reports_tells_how_to_correct_the_report_shown_not_another(district: District) -> None:
    """Kim (Swedish) and Lee (English) each have one report; `mina rapporter` ends with how to correct
    one. A chair copies that line: it must name a report listed above it (the latest), not a made-up #15
    that is someone else's or nobody's."""
    await district.say(KIM, "rapportera 3 1 12/11 Zetkin-gruppen startad")
    await district.say(LEE, "report 3 1 yesterday group started", locale="en-US")
    kim, lee = district.reports()
    swedish = await district.say(KIM, "mina rapporter")
    assert f"#{kim.id} mål 3 · 12 nov. 2026 · Sundsvall · 1 person · Zetkin-gruppen startad" in swedish
    assert swedish.endswith(f"Ändra med: ändra {kim.id} VÄRDE [KOMMENTAR] · dra tillbaka med: ångra {kim.id}")
    english = await district.say(LEE, "my reports", locale="en-US")
    assert f"#{lee.id} goal 3 · 21 Nov 2026 · Härnösand · 1 person · group started" in english
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


async def test_a_figure_written_as_the_bot_writes_it_is_read_as_the_same_figure(district: District) -> None:
    """Goal 12 counts followers, 1 500 to 2 000. A wrong date gets an example ("report 12 2,000" in English,
    "rapportera 12 2 000" in Swedish); a board member who copies it reports 2 000 followers, not 2. The
    English client's thousands comma ("1,650", as the bot itself writes it) is a thousands separator."""
    english = await district.say(ANNA, "report 12 1650 31/2", locale="en-US")
    example = english.split("For example: ")[1]
    assert example == "report 12 2,000"
    stored = await district.say(ANNA, example, locale="en-US")
    assert stored.startswith("Stored #1: goal 12, 2,000 followers for the district, 22 Nov 2026.")
    swedish = await district.say(MEGAN, "rapportera 12 1650 31/2")
    example = swedish.split("Till exempel: ")[1]
    assert example == "rapportera 12 2\u00a0000"  # the bot groups digits with a no-break space
    assert (await district.say(MEGAN, f"{example} i går")).startswith(
        "Sparat #2: mål 12, 2\u00a0000 följare för distriktet, 21 nov. 2026."
    )
    assert (await district.say(ANNA, "report 12 1,650.5 yesterday", locale="en-US")).startswith(
        "Stored #3: goal 12, 1,650.5 followers for the district, 21 Nov 2026."
    )
    assert "Rapporterat: 21 nov. 2026 · distriktet · 1\u00a0650,5 följare" in await district.say(
        MEGAN, "mål 12"
    )
    assert (await district.say(MEGAN, "rapportera 12 1650,5 i förrgår")).startswith(
        "Sparat #4: mål 12, 1\u00a0650,5 följare för distriktet, 20 nov. 2026."
    )


async def test_a_day_not_yet_come_is_written_as_every_other_reply_writes_days(district: District) -> None:
    """Anna writes 3 December (her "3/12" is asked about: 12 March?), Megan 3/12, on 22 November: the bot
    says that day has not come, writing it as its other replies write days ("3 Dec 2026", "3 dec. 2026"),
    not as a database's "2026-12-03"."""
    english = await district.say(ANNA, "report 12 1650 3 December", locale="en-US")
    assert english.startswith("3 Dec 2026 has not happened yet; report it afterwards.")
    swedish = await district.say(MEGAN, "rapportera 12 1650 3/12")
    assert swedish.startswith("3 dec. 2026 har inte hänt än; rapportera det efteråt.")
    assert district.reports() == []


async def test_a_new_chair_is_told_apart_from_the_chair_who_stays(district: District) -> None:
    """Timrå elects Noa instead of Sam. Megan (Swedish) writes `roll ordförande @Noa Holm Timrå`: the bot
    adds Noa and keeps Sam, so its answer must say Sam still chairs Timrå and how to take that away;
    otherwise the board believes Sam was replaced, and `roller` later shows two chairs. Anna (English)
    names a second one for Härnösand and reads the same in English."""
    swedish = await district.say(MEGAN, "roll ordförande @Noa Holm Timrå", mentions=((NOA, "Noa Holm"),))
    assert swedish == (
        "Noa Holm är nu ordförande i Timrå. Sam Ek är också ordförande i Timrå. "
        "Har det ändrats, skriv: roll bort ordförande @Sam Ek"
    )
    english = await district.say(
        MEGAN,
        "role chair @Johannes Ström Härnösand",
        locale="en-US",
        mentions=((JOHANNES, "Johannes Ström"),),
    )
    assert english == (
        "Johannes Ström is now chair of Härnösand. Lee Gu also chairs Härnösand. "
        "If that has changed, write: role remove chair @Lee Gu"
    )
    assert (await district.say(MEGAN, "roller")).endswith(
        "Johannes Ström (Härnösand), Kim Berg (Sundsvall), Lee Gu (Härnösand), "
        "Noa Holm (Timrå), Sam Ek (Timrå)"
    )
    assert await district.say(
        MEGAN, "roll ordförande @Kim Berg Sundsvall", mentions=((KIM, "Kim Berg"),)
    ) == ("Kim Berg var redan ordförande i Sundsvall.")


async def test_a_priority_area_is_read_by_the_name_the_bot_lists_it_by(district: District) -> None:
    """Goal 22 is per priority area. Asked for the area, Anna (English) is given "Anti-racism" among the
    names; written just so, with a hyphen, it is read, and "talk" after it is the comment. Megan (Swedish)
    writes a two-word area after the date."""
    asked = await district.say(ANNA, "report 22 1 talk", locale="en-US")
    assert "Trade union politics, Feminism, Anti-racism, Environment and climate" in asked
    stored = await district.say(ANNA, "report 22 1 Anti-racism talk", locale="en-US")
    assert stored.startswith(
        "Stored #1: goal 22, 1 course, talk or webinar (Anti-racism) for the district, 22 Nov 2026."
    )
    swedish = await district.say(MEGAN, "rapportera 22 1 i går facklig politik studiecirkel")
    assert swedish.startswith(
        "Sparat #2: mål 22, 1 utbildning, föreläsning eller webbinarium (Facklig politik) för distriktet, "
        "21 nov. 2026."
    )
    assert [(c.area, c.comment) for c in district.reports()] == [
        ("Antirasism", "talk"),
        ("Facklig politik", "studiecirkel"),
    ]


async def test_a_chair_and_their_deputy_correct_each_others_reports(district: District) -> None:
    """Kim names Noa deputy; Noa reports after Kim. A branch's reports are the branch's: whoever reports for
    it may correct or withdraw any of them (a chair away, the deputy fixes the chair's typo; a deputy's
    mistake, the chair fixes it), and the answer names who made the report. So Kim's `mina rapporter`
    lists both, newest first, Noa's named as Noa's, and offers to correct the latest, Noa's (#2); Noa
    (English client) is offered the same one."""
    await district.say(KIM, "rapportera 3 1 i förrgår")
    await district.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    await district.say(NOA, "report 3 1 yesterday", locale="en-US")
    kim = await district.say(KIM, "mina rapporter")
    assert kim.splitlines()[1:3] == [
        "#2 mål 3 · 21 nov. 2026 · Sundsvall · 1 person · av Noa Holm",
        "#1 mål 3 · 20 nov. 2026 · Sundsvall · 1 person",
    ]
    assert kim.endswith("Ändra med: ändra 2 VÄRDE [KOMMENTAR] · dra tillbaka med: ångra 2")
    noa = await district.say(NOA, "my reports", locale="en-US")
    assert noa.endswith("Correct with: correct 2 VALUE [COMMENT] · withdraw with: withdraw 2")
    assert await district.say(KIM, "ändra 2 1 rättad") == (
        "Rättat #2: mål 3, nu 1 person för Sundsvall, 21 nov. 2026. Den rapporterades av Noa Holm."
    )
    assert await district.say(NOA, "withdraw 1", locale="en-US") == (
        "Withdrew #1 (goal 3, 1 person for Sundsvall, 20 Nov 2026); it no longer counts. It was reported by "
        "Kim "
        "Berg."
    )
    assert await district.say(KIM, "ångra 2") == (
        "Rapport #2 (mål 3, 1 person för Sundsvall, 21 nov. 2026) är tillbakadragen; den räknas inte längre. "
        "Den rapporterades av Noa Holm."
    )


async def test_a_correction_without_a_value_speaks_of_the_reports_number(district: District) -> None:
    """`ändra 1` names report #1, not goal 1: the answer asks for the new value after the report's number
    (not "after the goal's number", which would send Kim to write goal 3's number)."""
    await district.say(KIM, "rapportera 3 1 i går")
    swedish = await district.say(KIM, "ändra 1")
    assert swedish.startswith("Skriv det nya värdet efter rapportens nummer. Mål 3 räknar:")
    assert swedish.endswith("Till exempel: ändra 1 1")
    await district.say(LEE, "report 3 1 12/11", locale="en-US")
    english = await district.say(LEE, "correct 2", locale="en-US")
    assert english.startswith("Write the new value after the report's number. Goal 3 counts:")
    assert english.endswith("For example: correct 2 1")


async def test_a_withdrawn_report_is_not_silently_corrected(district: District) -> None:
    """Kim withdraws #1, then thinks better of it and writes `ändra 1 1`. Answering "Rättat #1: nu 1"
    while #1 still does not count would mislead: Kim is told it is withdrawn and how to report anew, and
    `mina rapporter` no longer offers to correct a withdrawn report. Lee (English) reads the same."""
    await district.say(KIM, "rapportera 3 1 i går")
    await district.say(KIM, "ångra 1")
    assert await district.say(KIM, "ändra 1 1 igen") == (
        "Rapport #1 är tillbakadragen och räknas inte. Vill du att den räknas igen, rapportera på nytt, "
        "till exempel: rapportera 3 1 2026-11-21"
    )
    assert "0 av 3 partiföreningar har nått sitt mål" in await district.say(KIM, "mål 3")
    assert not (await district.say(KIM, "mina rapporter")).endswith("ångra 1")
    await district.say(LEE, "report 3 1 yesterday", locale="en-US")
    await district.say(LEE, "withdraw 2", locale="en-US")
    assert await district.say(LEE, "correct 2 1", locale="en-US") == (
        "#2 is withdrawn and does not count. To count it again, report it anew, e.g.: report 3 1 2026-11-21"
    )


async def test_snoozing_reads_relative_days_as_reports_do(district: District) -> None:
    """Reports take "i går"; a board member who writes `påminn mig inte före i morgon` (or `snooze until
    tomorrow`) means 23 November, and is told so."""
    swedish = await district.say(MEGAN, "påminn mig inte före i morgon")
    assert swedish.startswith("Okej: inga påminnelser till dig före 23 nov. 2026.")
    english = await district.say(ANNA, "snooze until tomorrow", locale="en-US")
    assert english.startswith("Fine: no reminders to you before 23 Nov 2026.")
