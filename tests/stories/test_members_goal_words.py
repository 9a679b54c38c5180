"""Members ask about the plan's goals in their own words: who answers for a goal, what the words on the
cards mean, what a search finds. A member expects the answer a board member would give them.

Noa is a member, Kim chairs Sundsvall. The sample plan (for 2026): goal 3 is every branch's own (each names
one person for its Zetkin group), goal 6 the district's (a chairs' meeting each quarter).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from babel.messages.pofile import read_po

from bot.__main__ import import_plan
from bot.cards.goals import pace_word
from bot.config import Settings
from bot.i18n import LOCALES, question_language, translator
from bot.services.progress import Pace
from tests.conftest import SEEDS, SKANE, VASTERNORRLAND, seed
from tests.stories.conftest import DISTRICT, KIM, LEE, MEGAN, NOA, District

MIDYEAR = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)


# --- who is responsible ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "locale", "answer"),
    [
        ("mål 3", "sv-SE", "Ansvarig: Varje partiförenings ordförande"),
        ("vem ansvarar för mål 3?", "en-US", "Ansvarig: Varje partiförenings ordförande"),
        ("goal 3", "en-US", "Responsible: Each branch's chair"),
        ("who is responsible for goal 3", "sv-SE", "Responsible: Each branch's chair"),
    ],
)
async def test_a_goal_every_branch_does_is_each_chairs(
    district: District, question: str, locale: str, answer: str
) -> None:
    """Goal 3 is every branch's: each branch's chair answers for their own branch's part. It read
    "Ansvarig: Ingen utsedd än" (nobody named yet), as if the goal had nobody to do it."""
    district.clock.now = MIDYEAR
    for who in (NOA, KIM):
        shown = await district.say(who, question, locale=locale)
        assert answer in shown.splitlines(), shown
    # the district's own goal still names whom the plan names
    district_goal = await district.say(NOA, "mål 6" if answer.startswith("Ansvarig") else "goal 6")
    assert ("Ansvarig: Distriktet" if answer.startswith("Ansvarig") else "Responsible: The district") in (
        district_goal.splitlines()
    ), district_goal


# --- search finds words, not runs of letters -------------------------------------------------------------

# (plan, word searched for, the goals a member expects): every form of the word and every compound it is a
# part of, none where its letters only happen to stand in another word.
SEARCHES = [
    ("sample", "möte", {6, 9}),  # "möte", "möten"; not "ledamöter" (19, 20)
    ("sample", "mötet", {6, 9}),  # the definite form: "möte", "möten"
    ("sample", "mötena", {6, 9}),
    ("sample", "medlem", {1, 4, 5, 8, 22}),  # "medlemmar", "medlemmarna", "medlemsaktivering"
    ("sample", "utbildning", {1, 15, 22}),  # "Teams-utbildning"
    ("sample", "meeting", {6, 9}),  # the English text: "meetings"
    ("sample", "facebooksidan", {12}),  # "Facebooksida"
    ("sample", "webbinarier", {22}),  # "webbinarium"
    ("sample", "ordförandemöten", {6, 9}),  # "ordförande till minst ett möte": the compound in its parts
    (VASTERNORRLAND, "möte", {6}),  # "ordförandemöte", not "ledamöter" (20)
    (VASTERNORRLAND, "möten", {6}),
    (VASTERNORRLAND, "medlem", {1, 4, 8, 22}),
    (VASTERNORRLAND, "utbildning", {1, 15, 22}),  # "Teamsutbildning"
    (VASTERNORRLAND, "kanal", {10, 17, 18, 19}),  # "kanaler", "kommunikationskanalen"
    (VASTERNORRLAND, "artikel", {20, 23, 24}),  # "debattartiklar", "artiklar"
    (VASTERNORRLAND, "ring", {4}),  # "ringkampanj", not "medlemsaktivering"
    (VASTERNORRLAND, "förening", {1, 3, 4, 7, 9, 15}),
    (SKANE, "möte", {11}),  # "samarbetsmöten"
    (SKANE, "medlem", {5, 6, 7, 13}),  # "Medlemsvård" (the section), "medlemsansvariga", "medlemmar"
    (SKANE, "träff", {1, 7, 11, 16, 17}),  # "mansträffarna"
    (SKANE, "studie", {12, 13, 14}),  # "studier"
    (SKANE, "förening", {1, 3, 4, 7, 8, 14, 15}),  # "partiföreningsnivå", "branschföreningar"
]


@pytest.mark.parametrize(("plan", "word", "expected"), SEARCHES)
async def test_search_finds_the_word_in_its_forms_and_compounds_only(
    district: District, settings: Settings, plan: str, word: str, expected: set[int]
) -> None:
    """`sök möte` listed goals about "ledamöter" (board members): "möte" is a run of its letters, not the
    word. A member searching for a word wants the goals that use it, in any form and in compounds
    ("ordförandemöte", "medlemsmöte"), and no others; the same in English (`search`)."""
    district.clock.now = MIDYEAR
    if plan != "sample":
        seed(plan)  # skips where ../shared/seeds is absent
        assert import_plan(settings, SEEDS / plan, DISTRICT, dry_run=False) == 0
    for command, locale in (("sök", "sv-SE"), ("search", "en-US")):
        shown = await district.say(NOA, f"{command} {word}", locale=locale)
        assert set(map(int, re.findall(r"^ *(\d+)\. ", shown, re.MULTILINE))) == expected, shown


# --- what the words on the cards mean --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "locale", "starts"),
    [
        ("vad betyder efter?", "en-US", "I status och mål N betyder ”efter” att målet har kommit kortare"),
        ("what does behind mean?", "sv-SE", "In status and goal N, “behind” means that the goal has come"),
        ("vad betyder i fas", "en-US", "I status och mål N betyder ”i fas” att målet har kommit så långt"),
        ("what does 'on pace' mean", "sv-SE", "In status and goal N, “on pace” means that the goal has"),
        ("vad menas med ”inte nått”?", "en-US", "I status och mål N betyder ”inte nått” att planens år är"),
        ("what is meant by not reached", "sv-SE", "In status and goal N, “not reached” means that the"),
    ],
)
async def test_a_word_on_the_cards_is_explained_when_asked(
    district: District, question: str, locale: str, starts: str
) -> None:
    """Noa reads "efter" beside every goal in `status` and asks what it means: the answer was "Den frågan
    kan jag inte svara på". It is what the word means (when something falls due, for the words that
    compare with today), and the other words there are; `hjälp efter` says the same."""
    district.clock.now = MIDYEAR
    shown = await district.say(NOA, question, locale=locale)
    assert shown.startswith(starts), shown
    compares_with_today = "nått" not in starts and "reached" not in starts
    assert ("tre fjärdedelar" in shown or "three quarters" in shown) == compares_with_today, shown
    assert shown.endswith(
        (
            "klart, inte klart, före, i fas, efter, inte påbörjat, inte nått, ingen mätning än, mäts inte.",
            "not measured.",
        )
    ), shown
    word = re.search(r"[”“](.+?)[”]", shown)
    assert word is not None
    help_word = "hjälp" if shown.startswith("I ") else "help"
    assert await district.say(NOA, f"{help_word} {word[1]}") == shown


@pytest.mark.parametrize("locale", ["sv-SE", "en-US"])
async def test_every_word_status_shows_has_a_meaning(district: District, locale: str) -> None:
    """Whatever `status` writes for where a goal stands, a member can ask what it means: in the year, before
    it and after it (each pace word the cards can write)."""
    language = locale[:2]
    t = translator(language)
    help_word = "hjälp" if language == "sv" else "help"
    for pace in Pace:
        word = pace_word(t, pace)
        shown = await district.say(NOA, f"{help_word} {word}", locale=locale)
        assert f"“{word}”" in shown or f"”{word}”" in shown, shown
    for now in (MIDYEAR, datetime(2025, 12, 1, 10, tzinfo=UTC), datetime(2027, 2, 1, 10, tzinfo=UTC)):
        district.clock.now = now
        status = await district.say(NOA, "status", locale=locale)
        # the pace follows the year's figure (a goal per period has this period's figure after it)
        words = {pace_word(t, pace) for pace in Pace}
        for line in (line for line in status.splitlines() if " · " in line):
            assert any(part in words for part in line.split(" · ")), line


# --- the latest reports, and downloading -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "locale", "title"),
    [
        ("mina rapporter", "sv-SE", "De senaste rapporterna från dig och Sundsvall"),
        ("my reports", "en-US", "The latest reports from you and Sundsvall"),
    ],
)
async def test_a_chairs_reports_are_titled_as_a_sentence(
    district: District, command: str, locale: str, title: str
) -> None:
    """Kim's reports and those made for Sundsvall read "De senaste rapporterna: dina och de för Sundsvall",
    which no Swedish writer would put as a heading."""
    district.clock.now = MIDYEAR
    await district.say(KIM, "rapportera 3 1 Zetkin-gruppen startad")
    assert (await district.say(KIM, command, locale=locale)).splitlines()[0] == title


@pytest.mark.parametrize(
    ("asked", "command"),
    [
        ("ladda ner rapporterna", "exportera"),
        ("ladda ned rapporterna", "exportera"),
        ("hur laddar jag ned alla rapporter?", "exportera"),
        ("download the reports", "export"),
        ("ladda ned mina data", "mina data"),
        ("download my data", "my data"),
    ],
)
async def test_downloading_is_asked_with_ner_or_ned(district: District, asked: str, command: str) -> None:
    """The bot writes "ladda ner" (it wrote "ladda ned" in two places); people write both, and ask to
    download as the command that does it: "ladda ner rapporterna" answered "Menade du ändra ner
    rapporterna?". Noa, a member, is told which command answers it and who may use it."""
    district.clock.now = MIDYEAR
    locale = "sv-SE" if asked.startswith(("ladda", "hur")) else "en-US"
    for who in (MEGAN, NOA):
        if command in ("mina data", "my data"):  # a fresh link each time: compare the lines before it
            assert (await district.say(who, asked, locale=locale)).split("http")[0] == (
                await district.say(who, command, locale=locale)
            ).split("http")[0]
        else:  # Noa is also told which command answers it
            shown = await district.say(who, asked, locale=locale)
            assert shown.endswith(await district.say(who, command, locale=locale)), shown
    with (LOCALES / "sv" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        swedish = [m.string for m in read_po(po) if m.id]
    assert not [text for text in swedish if "ladda ned" in str(text).lower()]


# --- the plan asked for in other words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("asked", "locale", "command"),
    [
        ("vad ska vi göra i år?", "en-US", "mål"),
        ("Vad gör distriktet i år", "en-US", "mål"),
        ("vad ska vi jobba med?", "en-US", "mål"),
        ("what are we doing this year?", "sv-SE", "goals"),
        ("what should we do", "sv-SE", "goals"),
        ("#6", "sv-SE", "mål 6"),
        ("#6?", "en-US", "goal 6"),  # a number names no language: the reader's Teams does
        ("# 12", "en-US", "goal 12"),
        ("är mål 6 klart?", "en-US", "mål 6"),  # a yes or no about a goal: the goal in full answers it
        ("is goal 6 done?", "sv-SE", "goal 6"),
        ("hur många mål är klara?", "en-US", "status klart"),
        ("how many goals are done?", "sv-SE", "status done"),
    ],
)
async def test_the_plan_asked_for_without_its_name(
    district: District, asked: str, locale: str, command: str
) -> None:
    """ "vad ska vi göra i år?" is what the plan's goals answer, but it was "Den frågan kan jag inte svara
    på"; "#6", as the lists number the goals, was "Jag känner inte till kommandot ”#6”"; "är mål 6 klart?"
    was "Jag känner inte till kommandot ”är”". The answer is in the question's language (a number alone
    names none: then the reader's Teams')."""
    district.clock.now = MIDYEAR
    written = {"sv": "sv-SE", "en": "en-US"}.get(question_language(asked) or "", locale)
    assert await district.say(NOA, asked, locale=locale) == await district.say(NOA, command, locale=written)


@pytest.mark.parametrize(
    ("asked", "locale", "expected"),
    [
        (
            "vem är ansvarig för sociala medier?",
            "en-US",
            "1 mål nämner ”sociala medier”\n 10. Ta fram en plan för distriktets sociala medier som anger "
            "vilka kanaler vi använder, på vilket sätt och när.\n     Ansvarig: Megan Bowen",
        ),
        (
            "who is responsible for social media",
            "sv-SE",
            "1 goal mentions “social media”\n 10. Draw up a plan for the district's social media that sets "
            "out which channels we use, in what way and when.\n     Responsible: Megan Bowen",
        ),
    ],
)
async def test_who_is_responsible_for_a_subject(
    district: District, asked: str, locale: str, expected: str
) -> None:
    """Noa asks who is responsible for social media, not for a goal's number: it was "Den frågan kan jag
    inte svara på". The goals about it are listed, each with who answers for it, as `mål N` names them:
    the people the board named, whom the plan names, or each branch's chair."""
    district.clock.now = MIDYEAR
    await district.say(MEGAN, "ansvarig 10 @Megan Bowen", mentions=((MEGAN, "Megan Bowen"),))
    assert await district.say(NOA, asked, locale=locale) == expected
    zetkin = await district.say(NOA, "vem har hand om Zetkin?", locale=locale)
    assert zetkin.splitlines()[1:] == [
        "  1. Distriktsstyrelsen går Zetkins utbildning i att organisera medlemmar och för sedan kunskapen "
        "vidare till partiföreningarna.",
        "     Ansvarig: Distriktsstyrelsen",
        "  2. Distriktsstyrelsen utser tre personer som tillsammans ansvarar för distriktets arbete i "
        "Zetkin.",
        "     Ansvarig: Distriktsstyrelsen",
        "  3. Varje partiförening rekommenderas att starta en egen underorganisation i Zetkin, med minst en "
        "person som har hand om den.",
        "     Ansvarig: Varje partiförenings ordförande",
    ], zetkin
    # a goal's number is still that goal in full
    assert await district.say(NOA, "vem ansvarar för mål 10?") == await district.say(NOA, "mål 10")


# --- how a subject is going, and goals named in words ----------------------------------------------------


@pytest.mark.parametrize(
    ("asked", "locale", "title", "line"),
    [
        (
            "hur går det med facebook?",
            "en-US",
            "Så går målen som nämner ”facebook”, 10 juni 2026",
            " 12. ▰▰▰▱▱▱▱▱▱▱ 1\xa0650 följare (från 1\xa0500, mål 2\xa0000) · efter",
        ),
        (
            "how is facebook going?",
            "sv-SE",
            "How the goals that mention “facebook” stand, 10 Jun 2026",
            " 12. ▰▰▰▱▱▱▱▱▱▱ 1,650 followers (from 1,500, target 2,000) · behind",
        ),
    ],
)
async def test_how_a_subject_is_going_is_the_status_of_its_goals(
    district: District, asked: str, locale: str, title: str, line: str
) -> None:
    """ "hur går det med facebook?" answered "Det finns ingen partiförening som heter ”facebook”": a word that
    names no branch but is what goals are about is asked about those goals, with the figures `status` and
    `mål 12` give them (the same line)."""
    district.clock.now = MIDYEAR
    await district.say(MEGAN, "rapportera 12 1650")
    shown = await district.say(NOA, asked, locale=locale)
    assert shown.splitlines()[0] == title, shown
    assert line in shown.splitlines(), shown
    written = "sv-SE" if "från" in line else "en-US"  # the question's language, not Noa's Teams'
    status = await district.say(NOA, "status", locale=written)
    assert line in status.splitlines()
    detail = await district.say(NOA, "mål 12" if written == "sv-SE" else "goal 12")
    assert line.split(". ", 1)[1] in detail, detail
    # a branch is still a branch, and a word neither branch nor goal is said to be neither
    assert (await district.say(NOA, "hur går det för Timrå?")).startswith("Så går det för Timrå")
    assert (await district.say(NOA, "hur går det med xyzzy?")).startswith(
        "Det finns ingen partiförening som heter ”xyzzy”"
    )


@pytest.mark.parametrize(
    ("asked", "locale", "command"),
    [
        ("goal six progress", "sv-SE", "goal 6"),
        ("mål sex framsteg", "en-US", "mål 6"),
        ("mål tre ansvarig", "en-US", "mål 3"),
        ("mål sex på engelska", "sv-SE", "goal 6"),
    ],
)
async def test_a_goal_named_by_its_number_in_words_with_more_after_it(
    district: District, asked: str, locale: str, command: str
) -> None:
    """ "goal 6 progress" showed goal 6, but "goal six progress" searched for "six progress"; "mål ett möte"
    stays a search (the words after the number are no question about a goal)."""
    district.clock.now = MIDYEAR
    assert await district.say(NOA, asked, locale=locale) == await district.say(NOA, command, locale=locale)
    assert (await district.say(NOA, "mål ett möte")).startswith("1 mål nämner ”ett möte”")


@pytest.mark.parametrize(
    ("asked", "locale", "command", "title"),
    [
        ("vilka mål ligger efter?", "en-US", "status efter", "Mål markerade ”efter”, 10 juni 2026"),
        ("which goals are behind?", "sv-SE", "status behind", "Goals marked “behind”, 10 Jun 2026"),
        ("vilka mål är i fas?", "en-US", "status i fas", "Mål markerade ”i fas”, 10 juni 2026"),
        ("which goals are done", "sv-SE", "status done", "Goals marked “done”, 10 Jun 2026"),
    ],
)
async def test_which_goals_are_behind_lists_those_goals(
    district: District, asked: str, locale: str, command: str, title: str
) -> None:
    """ "vilka mål ligger efter?" showed every goal of the plan, most of them not behind: the answer is the
    goals `status` marks with that word, each with the line `status` gives it."""
    district.clock.now = MIDYEAR
    await district.say(MEGAN, "rapportera 6 1 ordförandemöte 2026-04-20")
    await district.say(MEGAN, "rapportera 1 klart")
    written = "sv-SE" if title.startswith("Mål") else "en-US"  # the question's language
    shown = await district.say(NOA, asked, locale=locale)
    assert shown == await district.say(NOA, command, locale=written)
    assert shown.splitlines()[0] == title, shown
    word = re.split("[”“]", title)[1]
    status = await district.say(NOA, "status", locale=written)
    # the word after the year's figure (a goal per period has this period's figure after it)
    marked = [
        line
        for line in status.splitlines()
        if line[:4].strip().rstrip(".").isdigit() and word in line.split(". ", 1)[1].split(" · ")
    ]
    listed = [line for line in shown.splitlines() if line[:4].strip().rstrip(".").isdigit()]
    assert listed == marked and listed, (listed, marked)


@pytest.mark.parametrize(
    ("asked", "locale", "answer", "command"),
    [
        (
            "vem ansvarar för Sundsvall?",
            "en-US",
            "Inget mål nämner ”Sundsvall”. Vilka som sitter i styrelsen och vem som är ordförande i varje "
            "partiförening: skriv roller.",
            "roller",
        ),
        (
            "who is responsible for Timrå",
            "sv-SE",
            "No goal mentions “Timrå”. Who is on the board and who chairs each branch: write roles.",
            "roles",
        ),
    ],
)
async def test_who_is_responsible_for_what_no_goal_mentions_points_to_the_roles(
    district: District, asked: str, locale: str, answer: str, command: str
) -> None:
    """A responsibility no goal is about (a branch, say) is likely someone's role: the answer says where
    the roles are, and that command answers Noa."""
    district.clock.now = MIDYEAR
    assert await district.say(NOA, asked, locale=locale) == answer
    assert "Kim Berg" in await district.say(NOA, command)


@pytest.mark.parametrize(
    ("command", "locale", "line"),
    [
        ("mina mål", "sv-SE", "  3. ▰▰▰▰▰▰▰▰▰▰ 1 av 1 person utsedd · klart"),
        ("my goals", "en-US", "  3. ▰▰▰▰▰▰▰▰▰▰ 1 of 1 person named · done"),
    ],
)
async def test_a_chairs_goals_are_those_every_branch_does(
    district: District, command: str, locale: str, line: str
) -> None:
    """`mål 3` says each branch's chair answers for goal 3, but Kim's `mina mål` said "Du är inte ansvarig
    för något mål. Styrelsen utser ansvariga med: ansvarig 6 @namn" (a command Kim may not use). His goals
    are the goals every branch does, as Sundsvall has done them (the line his `status` gives), and those
    the board names him for, as the district stands."""
    district.clock.now = MIDYEAR
    await district.say(KIM, "rapportera 3 1 Zetkin-gruppen startad")
    shown = await district.say(KIM, command, locale=locale)
    assert line in shown.splitlines(), shown
    assert line in (await district.say(KIM, "status", locale=locale)).splitlines()
    await district.say(MEGAN, "ansvarig 12 @Kim Berg", mentions=((KIM, "Kim Berg"),))
    shown = await district.say(KIM, command, locale=locale)
    district_line = next(
        row
        for row in (await district.say(NOA, "status", locale=locale)).splitlines()
        if row.startswith(" 12.")
    )
    assert [row for row in shown.splitlines() if row[:4].strip().rstrip(".").isdigit()] == [
        line,
        district_line,
    ]
    # a member is responsible for none, as before
    assert (await district.say(NOA, command, locale=locale)).startswith(("Du är inte", "You are not"))


@pytest.mark.parametrize(
    ("asked", "locale", "title", "line"),
    [
        (
            "vilka mål ligger efter i Sundsvall?",
            "en-US",
            "Mål markerade ”efter” för Sundsvall, 10 juni 2026",
            "  3. ▱▱▱▱▱▱▱▱▱▱ 0 av 1 person utsedd · efter",
        ),
        (
            "which goals are behind in Timrå?",
            "sv-SE",
            "Goals marked “behind” for Timrå, 10 Jun 2026",
            "  3. ▱▱▱▱▱▱▱▱▱▱ 0 of 1 person named · behind",
        ),
    ],
)
async def test_which_goals_are_behind_in_a_branch(
    district: District, asked: str, locale: str, title: str, line: str
) -> None:
    """ "vilka mål ligger efter i Sundsvall?" said there is no branch called "efter i Sundsvall": it is the
    branch's own goals `status Sundsvall` marks behind, with the same line. Härnösand, which has named its
    person, has none."""
    district.clock.now = MIDYEAR
    await district.say(LEE, "rapportera 3 1")
    shown = await district.say(NOA, asked, locale=locale)
    assert shown.splitlines()[0] == title and line in shown.splitlines(), shown
    branch = "Sundsvall" if "Sundsvall" in asked else "Timrå"
    written = "sv-SE" if title.startswith("Mål") else "en-US"
    assert line in (await district.say(NOA, f"status {branch}", locale=written)).splitlines()
    none = await district.say(NOA, asked.replace(branch, "Härnösand"), locale=locale)
    assert ("Inget mål är markerat ”efter”." in none) or ("No goal is marked “behind”." in none), none


# --- the goals of one status word, for the district ------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "locale", "command"),
    [
        ("vilka mål ligger efter i distriktet?", "en-US", "status efter"),
        ("vilka mål ligger efter i hela distriktet", "en-US", "status efter"),
        ("status efter i distriktet", "sv-SE", "status efter"),
        ("which goals are behind in the district", "sv-SE", "status behind"),
        ("status behind for the whole district", "en-US", "status behind"),
    ],
)
async def test_the_goals_behind_in_the_district_are_the_districts(
    district: District, question: str, locale: str, command: str
) -> None:
    """ "vilka mål ligger efter i distriktet?" was answered "Det finns ingen partiförening som heter
    ”distriktet”": the district is no branch. Noa, and Kim who chairs Sundsvall, mean the district's goals
    marked "efter", as `status efter distriktet` shows them (for Noa `status efter` too; Kim's is his
    branch's, as his `status` is), in the question's language."""
    district.clock.now = MIDYEAR
    language = "sv-SE" if command.endswith("efter") else "en-US"
    whole = f"{command} {'distriktet' if language == 'sv-SE' else 'district'}"
    for who in (NOA, KIM):
        shown = await district.say(who, question, locale=locale)
        assert shown.startswith(("Mål markerade ”efter”", "Goals marked “behind”")), shown
        assert shown == await district.say(who, whole, locale=language), shown
        if who is NOA:
            assert shown == await district.say(who, command, locale=language), shown
