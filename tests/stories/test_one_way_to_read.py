"""What a message says is read one way wherever it is read, through the real server.

What a member, chair or board member means:
- A hint at a command found further into a sentence ("jag skulle vilja se mina rapporter för mål 4") keeps
  what they wrote after the command's word, as the hint for a mistyped command does ("pasua 15 juni - 15
  augusti"): "Menade du mina rapporter för mål 4?", a line that does what they asked. It kept three words,
  "mina rapporter för mål", which drops the goal. A command that reads one number keeps the number alone
  ("jag vill gärna läsa mål 6 nu": `mål 6`). A chair's sentence that names `rapportera`, `ändra` or `ångra`
  with its numbers ("could you please correct 1 2 meetings yesterday") gets that line, not "Which goal was
  that for? … report GOAL 1 2 meetings", which offered a new report for a correction.
- A number written as a word is the same number wherever it is written: "om fem dagar" to `påminn` as
  "fem möten" in a report, and "tretton" in a report as in `mål tretton`. `påminn om fem dagar` was "I
  cannot read a day" (its words stopped at four), a report's "tretton möten" no number (they stopped at
  twelve), and "för tio dagar sedan" no day (they stopped at seven).
- "ja tack" / "yes please" after a command the bot asked to be confirmed is yes, as the board's commands
  (`byt 12 13 ja tack`) always read it: a report confirmed so was asked about again, with "tack" taken
  for the last word.
- A list in an English sentence is written one way: "on the 1st, the 10th, and the 20th", as every other
  list of names, days and numbers the bot writes in English.

Noa is a member, Kim chairs Sundsvall, Megan is on the board. Goal 4 is every branch's: a members' meeting
a quarter. The day is Sunday 22 November 2026.
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import KIM, MEGAN, NOA, District
from tests.stories.test_after_restructure import in_channel


@pytest.mark.parametrize(
    ("written", "locale", "hint", "line"),
    [
        (
            "jag skulle vilja se mina rapporter för mål 4",
            "sv-SE",
            "Menade du mina rapporter för mål 4?",
            "Du har inga rapporter på mål 4.",
        ),
        (
            "could I switch the language to swedish please",
            "en-US",
            "Did you mean language to swedish please?",
            "Från och med nu skriver jag till dig på svenska",
        ),
    ],
)
async def test_a_command_further_in_is_suggested_with_what_was_written_after_it(
    district: District, written: str, locale: str, hint: str, line: str
) -> None:
    answer = await district.say(NOA, written, locale=locale)
    assert hint in answer, answer
    suggested = hint.removeprefix("Menade du ").removeprefix("Did you mean ").rstrip("?")
    assert (await district.say(NOA, suggested, locale=locale)).startswith(line)


async def test_a_command_that_reads_one_number_keeps_the_number_alone(district: District) -> None:
    assert "Menade du mål 6?" in await district.say(NOA, "jag vill gärna läsa mål 6 nu")
    assert "Did you mean goal 6?" in await district.say(
        NOA, "I would like to read goal 6 now", locale="en-US"
    )


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("påminn om fem dagar", "sv-SE", "Okej: inga påminnelser till dig före 27 nov. 2026."),
        ("snooze for five days", "en-US", "Fine: no reminders to you before 27 Nov 2026."),
        ("påminn om tre veckor", "sv-SE", "Okej: inga påminnelser till dig före 13 dec. 2026."),
    ],
)
async def test_a_count_of_days_written_as_a_word_is_read_as_a_report_reads_it(
    meetings: District, written: str, locale: str, answer: str
) -> None:
    assert (await meetings.say(KIM, written, locale=locale)).startswith(answer)


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        (
            "rapportera 4 tretton möten",
            "sv-SE",
            "Mål 4 kräver minst 1 medlemsmöte per kvartal; 13 medlemsmöten är långt mer",
        ),
        (
            "report 4 thirteen meetings",
            "en-US",
            "Goal 4 asks for at least 1 members' meeting per quarter; 13 members' meetings is",
        ),
    ],
)
async def test_thirteen_in_a_report_is_thirteen_as_in_goal_thirteen(
    meetings: District, written: str, locale: str, answer: str
) -> None:
    """Thirteen meetings in a quarter is asked about (it is far more than the goal), as 13 is: the number
    is read, not refused as no number."""
    assert (await meetings.say(KIM, written, locale=locale)).startswith(answer)
    assert meetings.reports() == []


async def test_a_list_of_days_is_written_as_every_english_list_is(district: District) -> None:
    english = await in_channel(district, MEGAN, "schedule 1, 10 and 20 at 18", locale="en-US")
    assert english.startswith("Prompts will be posted in this channel on the 1st, the 10th, and the 20th"), (
        english
    )
    swedish = await in_channel(district, MEGAN, "schema 1, 10 och 20 kl 18")
    assert swedish.startswith("Inlägg publiceras i den här kanalen den 1, den 10 och den 20 varje månad"), (
        swedish
    )


@pytest.mark.parametrize(
    ("confirmed", "locale", "stored"),
    [
        ("rapportera 4 13 2026-11-22 ja tack", "sv-SE", "Sparat #1: mål 4, 13 medlemsmöten för Sundsvall"),
        (
            "report 4 13 2026-11-22 yes please",
            "en-US",
            "Stored #1: goal 4, 13 members' meetings for Sundsvall",
        ),
    ],
)
async def test_yes_with_thanks_confirms_a_report_as_it_confirms_a_board_command(
    meetings: District, confirmed: str, locale: str, stored: str
) -> None:
    asked = await meetings.say(KIM, confirmed.rsplit(" ", 2)[0], locale=locale)
    assert confirmed.rsplit(" ", 1)[0] in asked, (
        asked
    )  # "Om 13 medlemsmöten stämmer, skriv: rapportera 4 13 2026-11-22 ja"
    assert (await meetings.say(KIM, confirmed, locale=locale)).startswith(stored)
    [report] = meetings.reports()
    assert (report.value, report.comment) == (13, None)


@pytest.mark.parametrize(
    ("written", "locale", "stored"),
    [
        (
            "rapportera 4 1 för tio dagar sedan",
            "sv-SE",
            "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 12 nov. 2026.",
        ),
        (
            "report 4 1 eight days ago",
            "en-US",
            "Stored #1: goal 4, 1 members' meeting for Sundsvall, 14 Nov 2026.",
        ),
    ],
)
async def test_days_counted_back_in_words_are_read_as_every_count_is(
    meetings: District, written: str, locale: str, stored: str
) -> None:
    assert (await meetings.say(KIM, written, locale=locale)).startswith(stored)
    [report] = meetings.reports()
    assert report.comment is None


@pytest.mark.parametrize(
    ("written", "locale", "hint", "done"),
    [
        (
            "could you please correct 1 2 meetings yesterday",
            "en-US",
            "Did you mean correct 1 2 meetings yesterday?",
            "Corrected #1: goal 4, now 2 members' meetings for Sundsvall, 21 Nov 2026.",
        ),
        (
            "kan jag få rapportera 4 2 möten i går med styrelsen",
            "sv-SE",
            "Menade du rapportera 4 2 möten i går med styrelsen?",
            "Sparat #2: mål 4, 2 medlemsmöten för Sundsvall, 21 nov. 2026.",
        ),
    ],
)
async def test_a_report_command_written_out_further_in_is_the_hint(
    meetings: District, written: str, locale: str, hint: str, done: str
) -> None:
    assert (await meetings.say(KIM, "rapportera 4 1 i går")).startswith("Sparat #1")
    assert (await meetings.say(KIM, written, locale=locale)).startswith(hint)
    suggested = hint.removeprefix("Menade du ").removeprefix("Did you mean ").rstrip("?")
    assert (await meetings.say(KIM, suggested, locale=locale)).startswith(done)
