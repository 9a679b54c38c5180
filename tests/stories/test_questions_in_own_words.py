"""Members ask the bot in their own words, and read help in theirs.

A member who asks "vem är ordförande i Sundsvall?" or "how do I report" means a question one of the bot's
commands answers: they expect that answer (or, where only the board may use that command, which command
answers it and whom to ask), in the language of the question, whatever language their Teams is in. A
question no command answers is said to be one, in its language, not taken for an unknown command ("I don't
know the command “when”"). Help names each command as the reader writes it ("verksamhetsberättelse",
"annual report"), never by the bot's internal word ("annual"), and a topic that is no command is said to
be none, with the likely one.

Noa is a member, Kim chairs Sundsvall, Megan is on the board (and an administrator).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.commands import build_router
from bot.commands.help import title_of
from bot.db.repository import Repository
from bot.i18n import translator
from bot.services.plan import load_sample_plan
from tests.conftest import NOW
from tests.stories.conftest import DISTRICT, KIM, MEGAN, NOA, District


# (question, the command it means, the locale of the asker's Teams): the question's language decides.
@pytest.mark.parametrize(
    ("question", "command", "locale"),
    [
        ("vem är ordförande i Sundsvall?", "roller Sundsvall", "en-US"),
        ("who chairs Sundsvall?", "roles Sundsvall", "sv-SE"),
        ("Hur går det för Sundsvall?", "status Sundsvall", "en-US"),
        ("what's the status", "status", "sv-SE"),
        ("what's the status of Sundsvall?", "status Sundsvall", "sv-SE"),
        ("vem ansvarar för mål 6?", "mål 6", "en-US"),
        ("who is responsible for goal 4", "goal 4", "sv-SE"),
        ("vad betyder status?", "hjälp status", "en-US"),
        ("what does upcoming mean?", "help upcoming", "sv-SE"),
        ("hur använder jag dig?", "hjälp", "en-US"),
        ("kan du visa mål 6 tack", "mål 6", "en-US"),
        ("kan du visa status för Sundsvall tack", "status Sundsvall", "en-US"),
        ("sök medlemmar?", "sök medlemmar", "en-US"),
        ("hur många mål har vi?", "mål", "en-US"),
        ("hur ser planen ut?", "mål", "en-US"),
        ("how does the plan look?", "goals", "sv-SE"),  # the board's `plan` named, not asked about
        ("what does my data mean?", "help my data", "sv-SE"),
        ("jag behöver hjälp", "hjälp", "en-US"),
        ("help me", "help", "sv-SE"),
        ("ok tack", "tack", "en-US"),
        ("great, thanks!", "thanks", "sv-SE"),
        ("Hej och tack!", "tack", "en-US"),
        # one goal named in a question of status is that goal's answer, not a branch called "… mål 4"
        ("hur går det för Sundsvall med mål 4?", "mål 4", "en-US"),
        ("how is Sundsvall doing on goal 4?", "goal 4", "sv-SE"),
        ("status mål 4", "mål 4", "en-US"),
        ("status Sundsvall goal 4", "goal 4", "sv-SE"),
    ],
)
async def test_a_question_gets_the_answer_of_the_command_it_means(
    district: District, question: str, command: str, locale: str
) -> None:
    """Noa asks as people ask; the answer is the one the command gives, in the question's language."""
    asked = await district.say(NOA, question, locale=locale)
    other = "sv-SE" if locale == "en-US" else "en-US"  # the question's language: not her Teams'
    assert asked == await district.say(NOA, command, locale=other), asked


@pytest.mark.parametrize(
    ("question", "command", "locale"),
    [
        ("hur går det för min förening?", "status", "en-US"),
        ("how is my branch doing?", "status", "sv-SE"),
        ("tack! mina rapporter", "mina rapporter", "en-US"),
        ("thanks, my reports", "my reports", "sv-SE"),
    ],
)
async def test_a_chair_asking_about_their_own_branch_gets_its_status(
    district: District, question: str, command: str, locale: str
) -> None:
    """Kim chairs Sundsvall: "my branch" is Sundsvall, as `status` alone says (it was "Did you mean my
    reports, my goals or my data?" and "Det finns ingen partiförening som heter ”min förening”"); a thanks
    before a command is a greeting, not a command unknown."""
    asked = await district.say(KIM, question, locale=locale)
    other = "sv-SE" if locale == "en-US" else "en-US"
    assert asked == await district.say(KIM, command, locale=other), asked


@pytest.mark.parametrize(
    ("question", "command", "locale", "example"),
    [
        ("hur rapporterar jag?", "hjälp rapportera", "en-US", "Till exempel: rapportera 3 1"),
        ("how do I report", "help report", "sv-SE", "For example: report 3 1"),
        ("hur rapporterar jag mål 3?", "hjälp rapportera", "en-US", "Till exempel: rapportera 3 1"),
        ("How can I report goal 3?", "help report", "sv-SE", "For example: report 3 1"),
    ],
)
async def test_how_to_report_is_the_reports_help_with_the_chairs_own_example(
    district: District, question: str, command: str, locale: str, example: str
) -> None:
    """Kim asks how to report: the report's help, its example one he may write for his branch's goal."""
    asked = await district.say(KIM, question, locale=locale)
    assert asked == await district.say(KIM, command, locale=locale)
    assert example in asked, asked


@pytest.mark.parametrize(
    ("question", "locale", "expected"),
    [
        (
            "när är nästa inlägg?",
            "en-US",
            "Det svarar kommandot kommande på. Det kan bara styrelsen och administratörer göra. "
            "Fråga någon i styrelsen: Anna Lind eller Megan Bowen.",
        ),
        (
            "when is the next prompt?",
            "sv-SE",
            "The command upcoming answers that. Only the board and administrators can do that. "
            "Ask one of the board: Anna Lind or Megan Bowen.",
        ),
    ],
)
async def test_a_question_for_the_boards_command_names_it_and_whom_to_ask(
    district: District, question: str, locale: str, expected: str
) -> None:
    """The coming prompts are the board's `kommande`: Noa is told that command answers it and who may use
    it; Megan, on the board, gets its answer."""
    assert await district.say(NOA, question, locale=locale) == expected
    command = "kommande" if question.startswith("när") else "upcoming"
    assert await district.say(MEGAN, question, locale=locale) == await district.say(MEGAN, command)
    # whatever the question goes on to name, and with a question mark on the command itself
    assert await district.say(NOA, question.replace("?", " i Allmänt?"), locale=locale) == expected
    what = "vad är" if command == "kommande" else "what is"
    assert await district.say(NOA, f"{what} {command}?", locale=locale) == expected


@pytest.mark.parametrize(
    ("question", "locale", "expected"),
    [
        (
            "vad betyder demokrati?",  # "efter", a word on the cards, is explained (test_members_goal_words)
            "en-US",
            "Den frågan kan jag inte svara på. Skriv hjälp så ser du vad jag kan göra.",
        ),
        (
            "when is the next meeting?",
            "sv-SE",
            "I can't answer that question. Write help to see what I can do.",
        ),
    ],
)
async def test_a_question_no_command_answers_is_said_to_be_one_in_its_language(
    district: District, question: str, locale: str, expected: str
) -> None:
    """Not "I don't know the command “when”", and not in the language of Noa's Teams."""
    assert await district.say(NOA, question, locale=locale) == expected


@pytest.mark.parametrize("language", ["sv", "en"])
async def test_every_help_topic_is_titled_as_its_reader_writes_the_command(
    district: District, language: str
) -> None:
    """Megan (the board, an administrator) asks help about every command by its name in her language: each
    topic's title is that name ("verksamhetsberättelse", "annual report", "mina data"), which the
    "Skriv:" line then shows how to write, never the bot's internal word ("annual")."""
    t = translator(language)
    help_word, write = ("hjälp", "Skriv: ") if language == "sv" else ("help", "Write: ")
    for route in build_router().routes:
        title = title_of(t, route)
        shown = await district.say(MEGAN, f"{help_word} {title.split(' · ')[0]}")
        first, *rest = shown.split("\n")
        assert first == title, (route.usage, shown)
        [usage] = [line.removeprefix(write) for line in rest if line.startswith(write)]
        assert all(usage.startswith(name) or f"| {name}" in usage for name in title.split(" · ")), shown


@pytest.mark.parametrize(
    ("asked", "title"),
    [
        ("hjälp årsrapport", "verksamhetsberättelse"),
        ("help annual report", "annual report"),
        ("hjälp mina data", "mina data"),
        ("help my data", "my data"),
        ("hjälp påminn", "påminn mig inte"),
        ("Hjälp Status?", "status"),
    ],
)
async def test_help_finds_a_command_by_any_of_its_names(district: District, asked: str, title: str) -> None:
    assert (await district.say(MEGAN, asked, locale="en-US")).split("\n")[0] == title


@pytest.mark.parametrize(
    ("asked", "locale", "note", "then"),
    [
        (
            "hjälp raportera",
            "en-US",
            "Jag har inget kommando som heter ”raportera”. Menade du hjälp rapportera?",
            "hjälp rapportera",
        ),
        ("help reprot", "sv-SE", "I have no command “reprot”. Did you mean help report?", "help report"),
        (
            "hjälp blabla",
            "sv-SE",
            "Jag har inget kommando som heter ”blabla”. Det här är de du kan använda:",
            "",
        ),
    ],
)
async def test_a_help_topic_that_is_no_command_is_said_to_be_none(
    district: District, asked: str, locale: str, note: str, then: str
) -> None:
    """Help about a word that is no command used to show the whole list as if it were the answer."""
    shown = await district.say(NOA, asked, locale=locale)
    first, second = shown.split("\n")[:2]
    assert first == note, shown
    assert second in ("Det här kan jag", "This is what I can do")
    if then:
        assert (await district.say(NOA, then, locale=locale)).split("\n")[0] in ("rapportera", "report")


@pytest.mark.parametrize(
    ("question", "locale", "found"),
    [
        ("vilka mål handlar om studiecirklar?", "en-US", "20."),
        ("which goals mention studiecirklar", "sv-SE", "20."),
    ],
)
async def test_a_question_about_a_plural_finds_the_goal_that_says_it_in_the_singular(
    district: District, question: str, locale: str, found: str
) -> None:
    """The plan says "en studiecirkel"; Noa asks about "studiecirklar" and is told of that goal, as the
    search tells it (it used to say no goal mentions them)."""
    sample = load_sample_plan()
    sections = list(sample.sections)
    last = sections[-1]
    first, *others = last.goals  # goal 20, the first of "Politisk utveckling"
    goals = [replace(first, text="Distriktet ordnar en studiecirkel om feminism.", text_en=None), *others]
    sections[-1] = replace(last, goals=tuple(goals))
    Repository(district.db).save_plan(DISTRICT, replace(sample, year=2026, sections=tuple(sections)), now=NOW)
    answer = await district.say(NOA, question, locale=locale)
    assert answer == await district.say(
        NOA, "sök studiecirklar" if locale == "en-US" else "search studiecirklar"
    )
    assert f"\n {found} " in answer, answer


# (what Noa writes, the command it is, the locale of her Teams): a greeting or thanks before or after it
# hides nothing, whether the command is a word or "#6"; the greeting's language is the answer's.
@pytest.mark.parametrize(
    ("written", "command", "locale"),
    [
        ("hej #6", "mål 6", "en-US"),
        ("hello #6", "goal 6", "sv-SE"),
        ("hej, #6!", "mål 6", "en-US"),
        ("hej! mål 6", "mål 6", "en-US"),
        ("hi, goal 6 please", "goal 6", "sv-SE"),
        ("tack, status", "status", "en-US"),
        ("thanks! status", "status", "sv-SE"),
        ("mål 6, tack!", "mål 6", "en-US"),
        ("#6 tack", "mål 6", "en-US"),
        ("#6 thanks", "goal 6", "sv-SE"),
    ],
)
async def test_a_greeting_never_hides_the_command(
    district: District, written: str, command: str, locale: str
) -> None:
    """ "hej #6" read as an unknown command "hej", "hello #6" as "Did you mean help #6?": the greeting hid
    the goal asked for. Noa means goal 6, and is answered as if she had written only the command."""
    district.clock.now = NOW
    other = "sv-SE" if locale == "en-US" else "en-US"
    asked = await district.say(NOA, written, locale=locale)
    assert asked == await district.say(NOA, command, locale=other), asked
