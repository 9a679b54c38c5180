"""Members ask about the plan's goals as they write in a Teams chat, in Swedish or English whatever their
Teams speaks: with a greeting and a spaced number sign ("hej # 6"), with the goal's words in other orders
("vad står det i mål 6?", "what does goal 6 say"), about the goal on a subject ("berätta om målet om
facebook"), and about the goals one word of `status` marks ("vilka mål ligger vi efter med?", "what goals
are we behind on", "vilka mål nåddes inte?"). Each expects the answer the command for it gives, in the
language they wrote, never "I don't know the command" nor a hint to a command that is not what they asked.

Noa is a member, Kim chairs Sundsvall, Megan is on the board. The sample plan (for 2026): goal 3 is every
branch's own, goal 6 the district's (a chairs' meeting each quarter), goal 12 Facebook's followers.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from tests.fakes.activities import channel_message
from tests.fakes.chat import reply_text
from tests.stories.conftest import KIM, MEGAN, NOA, District, Someone

MIDYEAR = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)
AFTER_THE_YEAR = datetime(2027, 2, 10, 10, 0, tzinfo=UTC)
ASKERS = [NOA, KIM, MEGAN]


def other(locale: str) -> str:
    return "sv-SE" if locale == "en-US" else "en-US"


@pytest.mark.parametrize(
    ("asked", "locale", "command"),
    [
        # a greeting (or "please") before a number sign with a space after it
        ("hej # 6", "en-US", "mål 6"),
        ("Hej! # 6?", "en-US", "mål 6"),
        ("hi # 6", "sv-SE", "goal 6"),
        ("snälla # 6 tack", "en-US", "mål 6"),
        ("mål # 6", "en-US", "mål 6"),
        ("goal # 6", "sv-SE", "goal 6"),
        ("mål:6", "en-US", "mål 6"),
        ("goal#6?", "sv-SE", "goal 6"),
        # a question about one goal in other words
        ("vad står det i mål 6?", "en-US", "mål 6"),
        ("what does goal 6 say?", "sv-SE", "goal 6"),
        ("förklara mål 6", "en-US", "mål 6"),
        ("explain goal 6 please", "sv-SE", "goal 6"),
        ("varför ligger mål 6 efter?", "en-US", "mål 6"),
        ("why is goal 6 behind?", "sv-SE", "goal 6"),
        ("VAD SÄGER MÅL 6???", "en-US", "mål 6"),
        # its number as a word or an ordinal, in a question of yes or no too
        ("är mål sex klart?", "en-US", "mål 6"),
        ("is goal six done?", "sv-SE", "goal 6"),
        ("mål nummer sex", "en-US", "mål 6"),
        ("goal number six", "sv-SE", "goal 6"),
        ("vad står det i mål sex?", "en-US", "mål 6"),
        ("sjätte målet", "en-US", "mål 6"),
        ("det 6:e målet?", "en-US", "mål 6"),
        ("the sixth goal please", "sv-SE", "goal 6"),
        ("the 6th goal", "sv-SE", "goal 6"),
        # the goal about something
        ("berätta om målet om facebook", "en-US", "sök facebook"),
        ("målet om facebook?", "en-US", "sök facebook"),
        ("vilket mål handlar om Zetkin?", "en-US", "sök Zetkin"),
        ("tell me about the goal about Facebook", "sv-SE", "search Facebook"),
        ("the goals about social media", "sv-SE", "search social media"),
        # whom to turn to about something: who is responsible for the goals about it
        ("vem kontaktar jag om facebook?", "en-US", "mål ansvarig facebook"),
        ("who do I talk to about social media?", "sv-SE", "goals responsible social media"),
        ("who's in charge of the facebook page?", "sv-SE", "goals responsible facebook page"),
        ("vem ansvarar för vår hemsida?", "en-US", "mål ansvarig hemsida"),
        ("vem ska jag prata med om mål 12?", "en-US", "mål 12"),
    ],
)
@pytest.mark.parametrize("who", ASKERS, ids=lambda p: p.name.split()[0])
async def test_a_question_about_a_goal_in_other_words_gets_that_goals_answer(
    district: District, who: Someone, asked: str, locale: str, command: str
) -> None:
    """Whoever asks, in whichever Teams language: the answer the command gives, in the question's language
    (a goal, or the goals found: each of these asks about something the plan has)."""
    district.clock.now = MIDYEAR
    answer = await district.say(who, asked, locale=locale)
    assert answer == await district.say(who, command, locale=other(locale)), answer
    assert re.match(r"(Mål \d+:|Goal \d+:|\d+ mål nämner|\d+ goals? mentions?)", answer), answer


@pytest.mark.parametrize(
    ("asked", "locale", "command"),
    [
        ("vilka mål ligger vi efter med?", "en-US", "status efter"),
        ("what goals are we behind on", "sv-SE", "status behind"),
        ("mål som ligger efter", "en-US", "status efter"),
        ("goals behind?", "sv-SE", "status behind"),
        ("VILKA MÅL LIGGER EFTER???", "en-US", "status efter"),
        ("vilka mål är klara i år?", "en-US", "status klart"),
        ("vilka mål är inte klara än?", "en-US", "status inte klart"),
        ("which goals are on track?", "sv-SE", "status on pace"),
        ("goals on track", "sv-SE", "status on pace"),
        ("hur många mål har vi nått hittills?", "en-US", "status klart"),
        ("vilka mål ligger vi efter med i Sundsvall?", "en-US", "status efter Sundsvall"),
        ("vilka mål ligger efter i sundsvall", "en-US", "status efter Sundsvall"),
        ("which goals are we behind on in timrå?", "sv-SE", "status behind Timrå"),
        # behind the plan's time is the plan's status, not the board's `schema` for prompts
        ("are we behind schedule?", "sv-SE", "status"),
        ("ligger vi efter schemat?", "en-US", "status"),
        ("är vi på rätt spår?", "en-US", "status"),
        ("are we on schedule?", "sv-SE", "status"),
    ],
)
async def test_which_goals_one_status_word_marks_in_other_words(
    district: District, asked: str, locale: str, command: str
) -> None:
    """ "vilka mål ligger vi efter med?" was answered "Menade du mål?" and "what goals are we behind on"
    "Did you mean goals?"; "vilka mål är klara i år?" looked for a branch called "år". Each is the list of
    the goals `status` marks with that word, as `status WORD` gives it."""
    district.clock.now = MIDYEAR
    await district.say(MEGAN, "rapportera 1 klart")
    await district.say(KIM, "rapportera 3 1")
    answer = await district.say(NOA, asked, locale=locale)
    assert answer == await district.say(NOA, command, locale=other(locale)), answer
    marks = (
        r"(Mål markerade|Goals marked) " if command.split()[1:] else r"(Så går planen|How the plan stands)"
    )
    assert re.match(marks, answer), answer


@pytest.mark.parametrize(
    ("asked", "locale", "title"),
    [
        ("vilka mål ligger vi efter med i min förening?", "en-US", "Mål markerade ”efter” för Sundsvall, "),
        ("which goals are behind in my branch?", "sv-SE", "Goals marked “behind” for Sundsvall, "),
    ],
)
async def test_a_chair_asking_which_goals_of_their_branch_are_behind_gets_their_branchs(
    district: District, asked: str, locale: str, title: str
) -> None:
    """Kim asked "which goals are behind in my branch?" and was told there is no branch called "my branch".
    His branch is Sundsvall: the answer is Sundsvall's goals marked behind, as `status efter Sundsvall`
    lists them. Noa, who chairs no branch, is shown the district's."""
    district.clock.now = MIDYEAR
    answer = await district.say(KIM, asked, locale=locale)
    assert answer.startswith(title), answer
    written = "sv-SE" if title.startswith("Mål") else "en-US"
    word = "efter" if written == "sv-SE" else "behind"
    assert answer == await district.say(KIM, f"status {word} Sundsvall", locale=written)
    assert await district.say(NOA, asked, locale=locale) == await district.say(
        NOA, f"status {word}", locale=written
    )


@pytest.mark.parametrize(
    ("asked", "locale", "title", "word"),
    [
        ("vilka mål ligger efter?", "en-US", "Mål markerade ”inte nått” i planen för 2026", "inte nått"),
        ("vilka mål nåddes inte?", "en-US", "Mål markerade ”inte nått” i planen för 2026", "inte nått"),
        ("which goals are behind?", "sv-SE", "Goals marked “not reached” in 2026", "not reached"),
        ("which goals were not reached?", "sv-SE", "Goals marked “not reached” in 2026", "not reached"),
        ("which goals didn't we reach", "sv-SE", "Goals marked “not reached” in 2026", "not reached"),
        ("status efter Timrå", "sv-SE", "Mål markerade ”inte nått” för Timrå i planen för 2026", "inte nått"),
    ],
)
async def test_once_the_year_is_over_the_goals_behind_are_those_not_reached(
    district: District, asked: str, locale: str, title: str, word: str
) -> None:
    """In February 2027 "vilka mål ligger efter?" answered "Inget mål är markerat ”efter”" under the title
    "Så gick planen 2026", as though the plan had gone well: after the year no goal is behind, those short
    of their target are "inte nått". The member means those: the answer lists the goals `status` marks
    "inte nått", each with the line `status` gives it; asked during the year, "inte nått" is "efter"."""
    district.clock.now = MIDYEAR
    await district.say(MEGAN, "rapportera 1 klart")
    await district.say(KIM, "rapportera 3 1")
    district.clock.now = AFTER_THE_YEAR
    written = "sv-SE" if title.startswith("Mål") else "en-US"
    shown = await district.say(NOA, asked, locale=locale)
    assert shown.splitlines()[0] == title, shown
    status = await district.say(NOA, "status Timrå" if "Timrå" in asked else "status", locale=written)
    marked = [line for line in status.splitlines() if line.endswith(f" {word}")]
    listed = [line for line in shown.splitlines() if line[:4].strip().rstrip(".").isdigit()]
    assert listed == marked and listed, (listed, marked)
    district.clock.now = MIDYEAR
    during = await district.say(NOA, "vilka mål nåddes inte?", locale="sv-SE")
    assert during == await district.say(NOA, "status efter", locale="sv-SE")


GENERAL = "19:team@thread.tacv2"  # in Teams the General channel's id is the team's


async def in_channel(district: District, who: Someone, text: str, *, locale: str) -> str:
    """What `who` reads after @mentioning the bot before `text` in the General channel."""
    before = len(district.connector.posted)
    body = channel_message(
        text,
        service_url=district.connector.url,
        thread=f"{GENERAL};messageid=1",
        who=(who.teams_id, who.name, who.aad),
        locale=locale,
    )
    response = await district.client.post("/api/messages", json=body)
    assert response.status in (200, 201)
    posted = await district.connector.wait_for(before + 1)
    return reply_text(posted[before].body)


@pytest.mark.parametrize(
    ("asked", "locale", "command"),
    [
        ("hej # 6", "en-US", "mål 6"),
        ("vad står det i mål 6?", "en-US", "mål 6"),
        ("which goals are we behind on?", "sv-SE", "status behind"),
        ("tack, vilka mål ligger efter i sundsvall", "en-US", "status efter Sundsvall"),
    ],
)
async def test_in_a_channel_after_the_mention_the_same_question_gets_the_same_answer(
    district: District, asked: str, locale: str, command: str
) -> None:
    """In a channel Noa @mentions the bot first; what follows is read as in a personal chat."""
    district.clock.now = MIDYEAR
    answer = await in_channel(district, NOA, asked, locale=locale)
    assert answer == await district.say(NOA, command, locale=other(locale)), answer


ERIK = Someone("29:erik", "aad-erik", "Erik Svensson")


@pytest.mark.parametrize(
    ("written", "as_written"),
    [
        ("ta bort erik", "ta bort Erik"),
        ("ta bort erik svensson tack", "ta bort Erik Svensson"),
        ("remove erik", "remove Erik"),
        ("ta bort timrå", "ta bort Timrå"),
        ("ta bort kim", "ta bort Kim"),
    ],
)
@pytest.mark.parametrize("who", [MEGAN, KIM, NOA], ids=lambda p: p.name.split()[0])
async def test_a_name_written_in_lower_case_is_the_same_name(
    district: District, who: Someone, written: str, as_written: str
) -> None:
    """People write names in lower case in a chat. "ta bort Erik" gave the administrator the lines that take
    away Erik's roles (and anyone else who may do it), but "ta bort erik" was "I don't know the command
    “ta”". A name someone with a role has, or a branch's, is that name in any case; a word that is nobody's
    name ("ta bort påminnelsen") is no name, and nothing is taken on a name typed."""
    district.clock.now = MIDYEAR
    erik = ((ERIK, "Erik Svensson"),)
    await district.say(MEGAN, "roll ordförande @Erik Svensson Timrå", mentions=erik)
    for locale in ("sv-SE", "en-US"):
        answer = await district.say(who, written, locale=locale)
        assert answer == await district.say(who, as_written, locale=locale), answer
        assert "ta" not in re.findall("[”“]([^”“]*)[”“]", answer), answer
    assert "Erik Svensson (Timrå)" in await district.say(NOA, "roller")  # nothing was taken
    assert (await district.say(who, "ta bort påminnelsen")).startswith("Jag känner inte till kommandot")


@pytest.mark.parametrize("who", [MEGAN, NOA], ids=lambda p: p.name.split()[0])
@pytest.mark.parametrize(
    "text", ["ta bort erik", "remove erik", "vilka mål ligger vi efter med?", "vad står det i mål sex?"]
)
async def test_these_questions_make_one_call_for_who_and_one_for_what(
    district: District, who: Someone, text: str
) -> None:
    """Issue 16: one off-loop call for who wrote, one for what they asked (the lower-case name is looked up
    with the roles, and the administrators' names with them)."""
    district.clock.now = MIDYEAR
    await district.say(MEGAN, "roll ordförande @Erik Svensson Timrå", mentions=((ERIK, "Erik Svensson"),))
    reply, calls = await district.off_loop(who, text)
    assert reply and len(calls) <= 2, calls
