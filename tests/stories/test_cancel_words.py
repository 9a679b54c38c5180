"""The words people write to leave a question the bot asked mean the same in every question, through the real
server: the question-at-a-time check-in (a chat without cards), the question "1 or 1 100?", and the plan
under review. One list of them (bot.i18n.CANCEL_WORDS, NO_WORDS) is read by all three.

What a chair or board member means:
- "avbryt", "stopp", "glöm det", "ångra", "cancel", "never mind": leave the question. Nothing is stored (or
  imported), and they are told so, in the language the question was asked in.
- "nej" / "no" to a question that wants a goal, a day or which of two readings was meant ("1 or 1 100?"):
  neither, so leave it too; to "Any comment?" it is no comment, and the report is stored.
- "plan avbryt", "plan stopp", "plan glöm det", "plan never mind": the plan under review is cancelled, as
  the card's Cancel button does; so does the word alone ("avbryt", "never mind") while the review waits
  for its Import or Cancel. "plan nej" names nothing to do: the review is shown as it waits, and nothing is
  cancelled or imported on a guess.
- With no question waiting, any of them, and "nej", is told there is nothing to cancel, in the word's
  language; but a command's own word alone is that command ("ångra" asks which report).
Before, "stopp" to "1 or 1 100?" dropped the question and then said "jag väntar inte på något svar från
dig"; "nej" to it was "Jag känner inte till kommandot ”nej”"; "plan stopp" showed the review again instead
of cancelling it; "avbryt" while the review waited said nothing waited; and "glöm det" with nothing waiting
told how to have all one's data erased.

Megan is on the board, Kim chairs Sundsvall.
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import KIM, MEGAN, District
from tests.stories.test_pasted_plan import ENGLISH, SWEDISH
from tests.stories.test_repeats_and_readings import CALLS, _with_goals

LEAVE = ["avbryt", "stopp", "glöm det", "Ångra", "cancel", "never mind", "Glöm det!"]
STOPPED = {"sv-SE": "Avbrutet. Inget sparades.", "en-US": "Cancelled; nothing was stored."}
NOTHING = {
    "sv-SE": "Det finns inget att avbryta: jag väntar inte på något svar från dig.",
    "en-US": "There is nothing to cancel: I am not waiting for an answer from you.",
}


@pytest.mark.parametrize("locale", ["sv-SE", "en-US"])
@pytest.mark.parametrize("word", [*LEAVE, "nej", "no"])
async def test_each_word_leaves_the_check_in_asked_a_question_at_a_time(
    meetings: District, word: str, locale: str
) -> None:
    await meetings.say(KIM, "rapportera" if locale == "sv-SE" else "report", locale=locale, channel="test")
    answer = await meetings.say(KIM, word, locale=locale, channel="test")
    assert answer == STOPPED[locale], answer  # the question's language, as it was asked
    assert meetings.reports() == []
    again = await meetings.say(KIM, "avbryt", locale=locale, channel="test")
    assert again == NOTHING["sv-SE"], again  # the dialog has ended


@pytest.mark.parametrize(("locale", "no"), [("sv-SE", "nej"), ("en-US", "no")])
async def test_no_to_any_comment_stores_the_report_without_one(
    meetings: District, locale: str, no: str
) -> None:
    for text in ("rapportera" if locale == "sv-SE" else "report", "4", "2", "2026-11-21", no):
        answer = await meetings.say(KIM, text, locale=locale, channel="test")
    assert answer.startswith(("Sparat #1: mål 4, 2", "Stored #1: goal 4, 2")), answer
    [report] = meetings.reports()
    assert (report.value, report.comment) == (2, None)


@pytest.mark.parametrize("locale", ["sv-SE", "en-US"])
@pytest.mark.parametrize("word", [*LEAVE, "nej", "no"])
async def test_each_word_leaves_the_question_which_reading(
    district: District, word: str, locale: str
) -> None:
    calls, *_ = _with_goals(district, CALLS)
    command = "rapportera" if locale == "sv-SE" else "report"
    asked = await district.say(MEGAN, f"{command} {calls} 1 100 samtal", locale=locale, channel="test")
    assert "1100" in asked, asked
    answer = await district.say(MEGAN, word, locale=locale, channel="test")
    assert answer == STOPPED[locale], answer
    assert district.reports() == []
    assert await district.say(MEGAN, "avbryt", locale=locale, channel="test") == NOTHING["sv-SE"]


PLANS = {"sv-SE": SWEDISH, "en-US": ENGLISH}
CANCELLED = {"sv-SE": "Avbrutet: ingenting importerades.", "en-US": "Cancelled: nothing was imported."}
NO_REVIEW = {
    "sv-SE": "Du har ingen plan som väntar på granskning.",
    "en-US": "You have no plan waiting for review.",
}


@pytest.mark.parametrize("locale", ["sv-SE", "en-US"])
@pytest.mark.parametrize("word", LEAVE)
async def test_each_word_after_plan_cancels_the_review(district: District, word: str, locale: str) -> None:
    before = await district.say(MEGAN, "mål", locale=locale)
    reviewed = await district.say(MEGAN, PLANS[locale].replace("\n", "<br>"), locale=locale)
    assert reviewed.startswith(("Planen som jag läste den", "The plan as I read it")), reviewed
    # in the language of the words written ("plan glöm det" is Swedish), as every command answers
    assert await district.say(MEGAN, f"plan {word}", locale=locale) in CANCELLED.values()
    assert (await district.say(MEGAN, "plan", locale=locale)).startswith(NO_REVIEW[locale])
    assert await district.say(MEGAN, "mål", locale=locale) == before  # nothing imported


@pytest.mark.parametrize("locale", ["sv-SE", "en-US"])
@pytest.mark.parametrize("word", [word for word in LEAVE if word != "Ångra"])  # alone, `ångra` is a command
async def test_each_word_alone_cancels_the_review_waiting(district: District, word: str, locale: str) -> None:
    before = await district.say(MEGAN, "mål", locale=locale)
    await district.say(MEGAN, PLANS[locale].replace("\n", "<br>"), locale=locale)
    assert await district.say(MEGAN, word, locale=locale) in CANCELLED.values()
    assert (await district.say(MEGAN, "plan", locale=locale)).startswith(NO_REVIEW[locale])
    assert await district.say(MEGAN, "mål", locale=locale) == before  # nothing imported
    # with the review gone, nothing waits: said so in the word's language, as to anyone
    assert await district.say(MEGAN, "avbryt", locale=locale) == NOTHING["sv-SE"]
    assert await district.say(MEGAN, "never mind", locale=locale) == NOTHING["en-US"]


@pytest.mark.parametrize(("locale", "no"), [("sv-SE", "nej"), ("en-US", "no")])
async def test_plan_no_shows_the_review_and_cancels_nothing(district: District, locale: str, no: str) -> None:
    reviewed = await district.say(MEGAN, PLANS[locale].replace("\n", "<br>"), locale=locale)
    assert await district.say(MEGAN, f"plan {no}", locale=locale) == reviewed
    assert await district.say(MEGAN, "plan cancel", locale=locale) == CANCELLED[locale]


@pytest.mark.parametrize(
    ("word", "language"),
    [
        ("avbryt", "sv-SE"),
        ("Glöm det!", "sv-SE"),
        ("strunt i det", "sv-SE"),
        ("nej", "sv-SE"),
        ("Nej tack", "sv-SE"),
        ("stopp", "sv-SE"),
        ("cancel", "en-US"),
        ("never mind", "en-US"),
        ("forget it", "en-US"),
        ("no", "en-US"),
        ("no thanks", "en-US"),
    ],
)
@pytest.mark.parametrize("locale", ["sv-SE", "en-US"])
async def test_with_no_question_waiting_each_word_is_told_there_is_nothing_to_cancel(
    district: District, word: str, language: str, locale: str
) -> None:
    assert await district.say(KIM, word, locale=locale) == NOTHING[language]


async def test_a_command_word_alone_is_that_command_not_a_cancel(district: District) -> None:
    """ "ångra" alone is the withdraw command, with no question waiting: Kim has reported nothing."""
    assert await district.say(KIM, "ångra") == "Jag hittar ingen rapport som du kan ändra; se mina rapporter."
