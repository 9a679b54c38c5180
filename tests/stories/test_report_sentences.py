"""A chair tells the bot what was done as they would tell a person: "12/3 hade vi ett möte", "we held two
meetings yesterday". Without the goal's number (or without how much was done) the bot cannot know what to
count, and a guess would put a number on the wrong goal: it stores nothing and asks for what is missing,
showing the one line that reports it with the missing part to fill in. The question is in the language
the sentence is written in (its verb tells), whatever language Teams runs in. A sentence with both the goal
and the value gets the line itself ("Did you mean report 4 2 …?"). Chat that is no report gets no such
question, and a member (who reports nothing) gets none. The line writes the day the sentence names as
2026-11-21, and a period as its days (9/11-15/11 2026), so that it means the same whenever it is sent.

Kim chairs Sundsvall; Noa is a member.
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import KIM, LEE, NOA, District


@pytest.mark.parametrize(
    ("written", "line"),
    [
        ("12/3 hade vi ett möte", "rapportera MÅL ett möte 2026-03-12"),
        ("Igår hade vi ett möte", "rapportera MÅL ett möte 2026-11-21"),
        ("Vi höll tre möten förra veckan", "rapportera MÅL tre möten 9/11-15/11 2026"),
        ("vi genomförde en utbildning i maj", "rapportera MÅL en utbildning 1/5-31/5 2026"),
    ],
)
async def test_a_swedish_report_without_its_goal_is_asked_which_goal(
    district: District, written: str, line: str
) -> None:
    answer = await district.say(KIM, written, locale="en-US")
    assert answer.startswith("Vilket mål gällde det? Inget sparades."), answer
    assert f": {line} (skriv mål för att se numren)." in answer, answer
    assert district.reports() == []


@pytest.mark.parametrize(
    ("written", "line"),
    [
        ("we had a meeting on 12/3", "report GOAL a meeting 2026-03-12"),
        ("We held 2 meetings yesterday!", "report GOAL 2 meetings 2026-11-21"),
        ("yesterday we had 3 meetings", "report GOAL 3 meetings 2026-11-21"),
        ("we ran a study circle on March 12", "report GOAL a study circle 2026-03-12"),
    ],
)
async def test_an_english_report_without_its_goal_is_asked_which_goal(
    district: District, written: str, line: str
) -> None:
    answer = await district.say(KIM, written, locale="sv-SE")
    assert answer.startswith("Which goal was that for? Nothing was stored."), answer
    assert f": {line} (write goals to see the numbers)." in answer, answer
    assert district.reports() == []


async def test_a_report_without_its_value_is_asked_how_much(district: District) -> None:
    swedish = await district.say(KIM, "vi hade möte i går för mål 3", locale="en-US")
    assert swedish == (
        "Hur mycket gjordes för mål 3? Inget sparades. Skriv värdet efter målets nummer för att "
        "rapportera det: rapportera 3 VÄRDE möte 2026-11-21"
    )
    counted = await district.say(KIM, "we held a training for goal 3 yesterday", locale="sv-SE")
    assert "Did you mean report 3 a training 2026-11-21?" in counted, counted  # "a" is one
    english = await district.say(KIM, "we had training for goal 3 yesterday", locale="sv-SE")
    assert english == (
        "How much was done for goal 3? Nothing was stored. To report it, write the value after the goal's "
        "number: report 3 VALUE training 2026-11-21"
    )
    assert district.reports() == []


async def test_a_sentence_with_goal_and_value_gets_the_line_and_a_done_goal_too(district: District) -> None:
    """ "mål 8 är klart" names the goal and its value (done): the line that reports it."""
    answer = await district.say(KIM, "vi hade 2 möten förra veckan för mål 3", locale="sv-SE")
    assert "rapportera 3 2 möten 9/11-15/11 2026" in answer, answer
    answer = await district.say(KIM, "8: klart", locale="sv-SE")
    assert "rapportera 8 klart" in answer, answer
    assert district.reports() == []


@pytest.mark.parametrize(
    "chat", ["vi hade kul", "we had fun at the meeting", "hej hur mår du", "vi har 3 möten kvar"]
)
async def test_chat_is_not_asked_about_a_goal(district: District, chat: str) -> None:
    answer = await district.say(KIM, chat, locale="en-US")
    assert "Which goal" not in answer and "Vilket mål" not in answer, answer


async def test_a_member_who_reports_nothing_is_not_asked(district: District) -> None:
    answer = await district.say(NOA, "12/3 hade vi ett möte", locale="sv-SE")
    assert "Vilket mål" not in answer and "rapportera" not in answer, answer


@pytest.mark.parametrize(
    ("written", "answer"),
    [
        ("rapportera 3 1 i morgon", "23 nov. 2026 har inte hänt än"),
        ("report 3 1 tomorrow", "23 Nov 2026 has not happened yet"),
    ],
)
async def test_tomorrow_is_a_day_that_has_not_come(district: District, written: str, answer: str) -> None:
    """ "tomorrow" was kept as the comment of a report for today; it is a date, one not yet come."""
    reply = await district.say(KIM, written, locale="en-US")
    assert reply.startswith(answer), reply
    assert district.reports() == []


async def test_a_report_without_goal_or_value_asks_for_both(district: District) -> None:
    answer = await district.say(KIM, "we had training yesterday", locale="sv-SE")
    assert answer.startswith("Which goal was that for? Nothing was stored."), answer
    assert ": report GOAL VALUE training 2026-11-21 (write goals" in answer, answer


async def test_a_greeting_before_a_report_sentence_is_no_unknown_command(district: District) -> None:
    """ "Hi! We had …" names no command: the answer is only the line that reports it, as in Swedish."""
    answer = await district.say(LEE, "Hi! We had a members meeting on Wednesday for goal 4", locale="en-US")
    assert answer.startswith("Did you mean report 4 "), answer
    assert "command" not in answer.split("?")[0], answer
    answer = await district.say(KIM, "Hej! Vi hade 2 möten i onsdags för mål 4")
    assert answer.startswith("Menade du rapportera 4 2 möten"), answer
