"""Members ask about the plan as people write in a chat, in Swedish and in English, whatever language their
Teams is in: with a greeting first, as a whole question, with a question mark or an emoji after the goal's
number, the number as a word. A member means the goal, the search or the status they ask about, and copies
the examples the bot gives them expecting them to work for them.

Noa is a member (no role). Goal 3 of the sample plan is every branch's own (one person named), goal 6 the
district's (a chairs' meeting each quarter), goal 1 done or not done, goal 12 followers (a metric).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from bot.db.checkins import CheckInRepository
from bot.db.people import PeopleRepository
from bot.db.repository import Repository
from bot.services.plan import load_sample_plan
from tests.conftest import NOW
from tests.stories.conftest import DISTRICT, MEGAN, NOA, District, Someone, message

# A member whose display name has the characters markdown and HTML read as formatting.
ODD = Someone("29:odd", "aad-odd", "Åsa *Fet* _Kursiv_ <b>&amp; | Bar")


async def card_of(district: District, who: Someone, text: str, *, locale: str) -> dict[str, Any]:
    """The card `who` gets for `text` (the reply must carry one)."""
    await district.say(who, text, locale=locale)
    [attachment] = district.connector.posted[-1].body["attachments"]
    return dict(attachment["content"])


# --- hints name a command that works for the one reading them ------------------------------------------


@pytest.mark.parametrize(
    ("locale", "status", "hint", "report"),
    [
        ("sv-SE", "status", "Skriv mål 1 för att se ett mål i sin helhet.", "rapportera"),
        ("en-US", "status", "Write goal 1 to see one goal in full.", "report"),
    ],
)
async def test_a_members_status_does_not_tell_them_to_report(
    district: District, locale: str, status: str, hint: str, report: str
) -> None:
    """Noa reads how the plan stands. The footer used to end "rapportera med: rapportera 1 1 KOMMENTAR",
    and written out that is refused ("Bara partiföreningarnas ordförande, styrelsen och de som är
    ansvariga ..."): a member reports nothing, so the footer only says how to see a goal, and that works."""
    shown = await district.say(NOA, status, locale=locale)
    assert f"\n\n{hint}\n\n" in shown, shown  # the footer ends there
    assert f"{report} 1" not in shown
    detail = await district.say(NOA, "mål 1" if locale == "sv-SE" else "goal 1", locale=locale)
    assert detail.startswith(("Mål 1:", "Goal 1:")), detail


@pytest.mark.parametrize(
    ("locale", "example", "stored"),
    [
        ("sv-SE", "rapportera 1 klart", "Sparat #1: mål 1"),
        ("en-US", "report 1 done", "Stored #1: goal 1"),
    ],
)
async def test_the_boards_status_example_fits_the_goal(
    district: District, locale: str, example: str, stored: str
) -> None:
    """Megan (the board) reads status: goal 1 is done or not done, so the example reports "klart" / "done",
    not the count "1" a meeting goal takes; copied with a comment, it is stored."""
    shown = await district.say(MEGAN, "status", locale=locale)
    assert f"{example} " in shown, shown
    assert (await district.say(MEGAN, f"{example} utbildningen gick", locale=locale)).startswith(stored)


@pytest.mark.parametrize(
    ("locale", "mine", "example", "stored"),
    [
        ("sv-SE", "mina mål", "rapportera 6 1 KOMMENTAR", "Sparat #1: mål 6"),
        ("en-US", "my goals", "report 6 1 COMMENT", "Stored #1: goal 6"),
    ],
)
async def test_a_responsible_member_is_shown_a_report_they_may_make(
    district: District, locale: str, mine: str, example: str, stored: str
) -> None:
    """Megan names Åsa (a member) responsible for goal 6. Åsa's own goals offer a report on goal 6, which she
    may make as the person responsible, and it is stored; her name, markdown and HTML characters and all,
    is shown as she wrote it in the goal's plain text and in its card."""
    await district.say(ODD, "hej")
    named = await district.say(MEGAN, "ansvarig 6 @Åsa", mentions=((ODD, "Åsa"),))
    assert named == f"{ODD.name} är nu ansvarig för mål 6.", named
    goals = await district.say(ODD, mine, locale=locale)
    assert goals.startswith(("Dina mål, 22 nov. 2026", "Your goals, 22 Nov 2026")), goals
    assert example in goals
    assert (
        await district.say(ODD, example.rsplit(" ", 1)[0] + " möte i Härnösand", locale=locale)
    ).startswith(stored)
    card = await card_of(district, NOA, "mål 6", locale=locale)
    assert f"  {ODD.name}" in str(card["body"]) and ODD.name in card["fallbackText"]


# --- the goal's number as people write it ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("mål 3?", "sv-SE", "Mål 3:"),
        ("Mål 3 :)", "sv-SE", "Mål 3:"),
        ("mål 3 👍", "sv-SE", "Mål 3:"),
        ("mål #3!", "sv-SE", "Mål 3:"),
        ("mål 3 tack!", "sv-SE", "Mål 3:"),
        ("mål tre", "sv-SE", "Mål 3:"),
        ("mål tolv", "en-US", "Mål 12:"),
        ("goal 3?", "en-US", "Goal 3:"),
        ("goal 3 please", "sv-SE", "Goal 3:"),
        ("goal three", "en-US", "Goal 3:"),
        ("Goal #12!!", "en-US", "Goal 12:"),
        ("mål -1", "sv-SE", "Det finns inget mål -1. Planen har mål 1–24; skriv mål för att se dem."),
        ("goal -1", "en-US", "There is no goal -1. The plan has goals 1–24; write goals to see them."),
    ],
)
async def test_a_goal_is_found_however_its_number_is_written(
    district: District, written: str, locale: str, answer: str
) -> None:
    """ "mål 3?" used to search the plan for "3?" ("Inget mål nämner ”3?”"), "mål tre" for the word "tre"
    (goal 2's "tre personer"), and "mål -1" found goal 12 (its "1 500"). A member means goal 3, or a goal
    that is not in the plan."""
    assert (await district.say(NOA, written, locale=locale)).startswith(answer)


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [("sök tre", "sv-SE", "1 mål nämner ”tre”"), ("search three", "en-US", "1 goal mentions “three”")],
)
async def test_a_number_word_is_still_searched_for_with_search(
    district: District, written: str, locale: str, answer: str
) -> None:
    """`sök` searches for what it is given, a number word too."""
    assert (await district.say(NOA, written, locale=locale)).startswith(answer)


# --- questions written as sentences --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("hej! kan du visa mål 3?", "sv-SE", "Mål 3:"),
        ("Hello, can you show goal 3?", "sv-SE", "Goal 3:"),
        ("vem ansvarar för mål 6?", "en-US", "Ansvarig: "),
        ("Vem är ansvarig för mål 6", "sv-SE", "Mål 6:"),
        ("who is in charge of goal 6?", "sv-SE", "Responsible: "),
        ("Who's responsible for goal 6", "en-US", "Goal 6:"),
        ("är vi i fas?", "en-US", "Så går planen, 22 nov. 2026"),
        ("Ligger vi efter i Sundsvall?", "sv-SE", "Så går det för Sundsvall, 22 nov. 2026"),
        ("are we on track?", "sv-SE", "How the plan stands, 22 Nov 2026"),
        ("vad gör vi om facebook?", "sv-SE", "1 mål nämner ”facebook”"),
        ("Finns det något mål om Teams?", "en-US", "2 mål nämner ”Teams”"),
        ("what are we doing about Facebook?", "sv-SE", "1 goal mentions “Facebook”"),
        ("vilka mål har vi?", "en-US", "Vänsterpartiet Västernorrlands verksamhetsplan 2026 (24 mål)"),
        ("What are our goals?", "sv-SE", "Vänsterpartiet Västernorrland’s plan 2026 (24 goals)"),
    ],
)
async def test_a_question_gets_the_answer_it_asks_for(
    district: District, written: str, locale: str, answer: str
) -> None:
    """ "vem ansvarar för mål 6" used to be "Jag känner inte till kommandot ”vem”", "är vi i fas" and "vad gör
    vi om klimat" got no suggestion at all, and "vilka mål har vi?" was told "Menade du mål har vi?" (a
    search for "har vi", which finds nothing). Each is a question about the plan, answered in the language
    it is asked in: the goal in full (who is responsible for it), the status, the search, the list."""
    reply = await district.say(NOA, written, locale=locale)
    assert (
        (answer in reply) if answer.startswith(("Ansvarig", "Responsible")) else reply.startswith(answer)
    ), reply


@pytest.mark.parametrize(
    ("written", "locale", "suggested", "works"),
    [
        ("jag undrar vilka mål vi har", "sv-SE", "Menade du mål?", "Vänsterpartiet Västernorrlands"),
        ("I wonder which goals we have", "sv-SE", "Did you mean goals?", "Vänsterpartiet Västernorrland’s"),
        ("jag vill gärna läsa mål 6 nu", "en-US", "Menade du mål 6?", "Mål 6:"),
        ("svara på mål 6", "sv-SE", "Menade du mål 6?", "Mål 6:"),  # not a language asked for
    ],
)
async def test_a_suggestion_carries_only_what_the_command_can_use(
    district: District, written: str, locale: str, suggested: str, works: str
) -> None:
    """When the bot cannot read a sentence but sees a command in it, it suggests that command with the
    goal's number, not with the sentence's other words (which `mål` would search for and not find); the
    suggestion, written as it stands, answers."""
    reply = await district.say(NOA, written, locale=locale)
    assert suggested in reply, reply
    command = suggested.removeprefix("Menade du ").removeprefix("Did you mean ").rstrip("?")
    assert (await district.say(NOA, command, locale=locale)).startswith(works)


# --- English as an English writer writes it, and the language the bot says it writes in ----------------


async def test_the_english_goal_list_says_goal_6_and_its_buttons_work(district: District) -> None:
    """The English list used to say "Write “goals 6” to see one goal in full" and the goal card's "Next
    goal" button sent "goals 4": an English writer says "goal 6". The Swedish stays "mål 6"."""
    english = await district.say(NOA, "goals", locale="en-US")
    assert "Write “goal 6” to see one goal in full" in english and "goals 6" not in english
    card = await card_of(district, NOA, "goal 3", locale="en-US")
    sent = [action["data"]["msteams"]["value"] for action in card["actions"]]
    assert sent == ["goal 4", "goals"], sent
    assert (await district.say(NOA, sent[0], locale="sv-SE")).startswith("Goal 4:")
    assert "Skriv ”mål 6” för att se ett mål i sin helhet" in await district.say(NOA, "mål")
    assert "goal 6 – the plan's goals" in await district.say(NOA, "help", locale="en-US")


@pytest.mark.parametrize(
    ("choose", "ask", "locale", "answer"),
    [
        (
            "language english",
            "språk",
            "sv-SE",
            "Jag skriver till dig på engelska. Vill du byta skriver du: språk svenska",
        ),
        (
            "språk svenska",
            "language",
            "en-US",
            "I write to you in Swedish. To change it, write: language english",
        ),
    ],
)
async def test_language_alone_names_the_language_chosen(
    district: District, choose: str, ask: str, locale: str, answer: str
) -> None:
    """Noa chose a language, then asks which it is in the other language's word. The answer (in the word's
    language, as every command's) used to name the reply's language, not the one chosen ("Jag skriver till
    dig på svenska" to someone who chose English), and offered "språk svenska|engelska" to copy."""
    await district.say(NOA, choose, locale=locale)
    assert await district.say(NOA, ask, locale=locale) == answer
    # what `mina data` says agrees
    data = await district.say(NOA, "mina data" if ask == "språk" else "my data", locale=locale)
    assert (
        "Språk: engelska, som du har valt" if ask == "språk" else "Language: Swedish, as you chose"
    ) in data


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("språk tyska", "en-US", "Jag kan svenska och engelska. Skriv språk svenska eller språk engelska."),
        (
            "language german",
            "sv-SE",
            "I speak Swedish and English. Write language swedish or language english.",
        ),
    ],
)
async def test_an_unknown_language_is_answered_with_commands_to_copy(
    district: District, written: str, locale: str, answer: str
) -> None:
    """The answer used to say "Skriv: språk svenska|engelska": a syntax, not something to write. It names
    the two commands, each of which works as written."""
    assert await district.say(NOA, written, locale=locale) == answer
    english = answer.rsplit(" or ", 1)[-1].rsplit(" eller ", 1)[-1].rstrip(".")
    assert (await district.say(NOA, english, locale=locale)).startswith(
        "From now on I write to you in English"
    )


# --- more ways of asking, and the search's promise ------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("hur går det för mål 6?", "en-US", "Mål 6:"),
        ("Hur går det med mål 12", "sv-SE", "Mål 12:"),
        ("how is goal 6 doing?", "sv-SE", "Goal 6:"),
        ("mål 1000000", "sv-SE", "Det finns inget mål 1000000. Planen har mål 1–24"),
        ("goal 1000000", "en-US", "There is no goal 1000000. The plan has goals 1–24"),
    ],
)
async def test_how_a_goal_is_going_is_that_goal(
    district: District, written: str, locale: str, answer: str
) -> None:
    """ "hur går det för mål 6?" was read as the status of a branch called "mål 6" ("Det finns ingen
    partiförening som heter ”mål 6”"); a member means goal 6, whose answer has its progress and pace. A
    number too long to be a goal was searched for in the plan's text."""
    assert (await district.say(NOA, written, locale=locale)).startswith(answer)


@pytest.mark.parametrize(
    ("written", "locale", "answer", "goals"),
    [
        ("sök utbildningar", "sv-SE", "3 mål nämner ”utbildningar”", ("1.", "15.", "22.")),
        ("sök Kanalerna", "en-US", "4 mål nämner ”Kanalerna”", ("10.", "17.", "18.", "19.")),
        ("search trainings", "en-US", "2 goals mention “trainings”", ("1.", "15.")),
        ("search channels", "sv-SE", "4 goals mention “channels”", ("10.", "17.", "18.", "19.")),
    ],
)
async def test_search_finds_a_word_in_any_form(
    district: District, written: str, locale: str, answer: str, goals: tuple[str, ...]
) -> None:
    """`hjälp sök` promises "Hittar de mål som nämner ordet, i vilken böjningsform som helst", but "sök
    utbildningar" found nothing (the plan says "utbildning", "Teams-utbildning") and "search trainings"
    nothing ("Zetkin's training"). A member searches with the form that comes to mind."""
    reply = await district.say(NOA, written, locale=locale)
    assert reply.startswith(answer), reply
    assert [line.split()[0] for line in reply.splitlines()[1:]] == list(goals)


@pytest.mark.parametrize(
    ("locale", "help_word", "example", "answer"),
    [
        (
            "sv-SE",
            "hjälp",
            "påminn mig inte före nästa vecka",
            "Okej: inga påminnelser till dig före 23 nov.",
        ),
        ("en-US", "help", "snooze until next week", "Fine: no reminders to you before 23 Nov"),
    ],
)
async def test_the_snooze_example_works_on_any_day(
    district: District, locale: str, help_word: str, example: str, answer: str
) -> None:
    """Help showed "påminn mig inte före 15/8", and on 22 November that is refused ("15 aug. 2026 har
    redan varit"). The example a member copies works whatever the day; a day the bot cannot read gets an
    example that is ahead of today (here 22 December)."""
    assert f"{example} – " in await district.say(NOA, help_word, locale=locale)
    assert (await district.say(NOA, example, locale=locale)).startswith(answer)
    unread = await district.say(NOA, example.replace("nästa vecka", "snart").replace("next week", "soon"))
    assert unread.endswith(("påminn mig inte före 22/12.", "snooze until 22/12.")), unread


@pytest.mark.parametrize(
    ("locale", "status", "example", "stored"),
    [
        (
            "sv-SE",
            "status Härnösand",
            "rapportera 3 1 för Härnösand",
            "Sparat #1: mål 3, 1 person för Härnösand",
        ),
        (
            "en-US",
            "status Härnösand",
            "report 3 1 for Härnösand",
            "Stored #1: goal 3, 1 person for Härnösand",
        ),
    ],
)
async def test_on_a_branchs_page_the_board_is_shown_a_report_for_that_branch(
    district: District, locale: str, status: str, example: str, stored: str
) -> None:
    """Megan (the board) reads Härnösand's status. An every-branch goal reported by the board must name the
    branch, so the example does; copied, it counts for Härnösand, and Härnösand's page then shows it."""
    page = await district.say(MEGAN, status, locale=locale)
    assert f"{example} " in page, page
    assert (await district.say(MEGAN, f"{example} gruppen startad", locale=locale)).startswith(stored)
    assert "1 of 1 person named · done" in await district.say(NOA, status, locale="en-US")


# --- the plan's own words, as the plan wrote them ---------------------------------------------------------

ODD_GOAL = "Öka <b>antalet</b> medlemmar & *aktiva* | _unga_ [länk](http://x.example) 50 % & mer"


def runs(card: dict[str, Any]) -> list[str]:
    """Every TextRun's text in a card (Adaptive Cards never read a TextRun as markdown)."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "TextRun":
                found.append(str(node["text"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card["body"])
    return found


@pytest.mark.parametrize(
    ("locale", "words", "done_when"),
    [
        ("sv-SE", ("mål 1", "mål", "sök aktiva"), "Klart när: det är genomfört\n"),
        ("en-US", ("goal 1", "goals", "search aktiva"), "Done when: it has been carried out\n"),
    ],
)
async def test_a_goal_with_markdown_and_html_characters_is_shown_as_written(
    district: District, locale: str, words: tuple[str, ...], done_when: str
) -> None:
    """A board wrote goal 1 with characters markdown and HTML read as formatting. Every answer that shows
    it (the goal, the list, a search) shows the text exactly: in the card as a TextRun, never markdown,
    and in the plain text. A goal done or not done says "Klart när: det är genomfört", not "Klart när:
    klart när det är genomfört"."""
    sample = load_sample_plan()
    first = sample.sections[0]
    goals = (replace(first.goals[0], text=ODD_GOAL, text_en=None), *first.goals[1:])
    plan = replace(sample, year=2026, sections=(replace(first, goals=goals), *sample.sections[1:]))
    Repository(district.db).save_plan(DISTRICT, plan, now=NOW)
    for written in words:
        card = await card_of(district, NOA, written, locale=locale)
        assert ODD_GOAL in card["fallbackText"], card["fallbackText"]
        assert any(ODD_GOAL in run for run in runs(card)), runs(card)
    assert done_when in await district.say(NOA, words[0], locale=locale)


# --- everyday words and whole questions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("tack för hjälpen!", "en-US", "Varsågod!"),
        ("Tusen tack", "sv-SE", "Varsågod!"),
        ("thank you so much", "sv-SE", "You're welcome!"),
        ("thanks for the help", "en-US", "You're welcome!"),
        ("hej hej", "sv-SE", "Hej! Skriv hjälp så ser du vad jag kan göra."),
        ("God eftermiddag", "en-US", "Hej! Skriv hjälp så ser du vad jag kan göra."),
        ("good afternoon", "sv-SE", "Hi! Write help to see what I can do."),
    ],
)
async def test_thanks_and_greetings_as_people_say_them(
    district: District, written: str, locale: str, answer: str
) -> None:
    """ "Tusen tack!" used to be "I don't know the command “Tusen”. Did you mean pause tack?" (a board
    command, in English), "thank you so much" "Did you mean bank you so much?". A member is thanked back,
    in the language they wrote."""
    assert await district.say(NOA, written, locale=locale) == answer


@pytest.mark.parametrize(("written", "locale"), [("ok", "sv-SE"), ("Okej!", "sv-SE"), ("great", "en-US")])
async def test_ok_is_not_answered(district: District, written: str, locale: str) -> None:
    """ "ok" after an answer needs no answer (like 👍); it used to be "Jag känner inte till kommandot ”ok”.
    Menade du sök?"."""
    before = len(district.connector.posted)
    body = message(NOA, written, service_url=district.connector.url, locale=locale)
    assert (await district.client.post("/api/messages", json=body)).status in (200, 201)
    assert (await district.say(NOA, "mål 3", locale=locale)).startswith("Mål 3:")
    assert len(district.connector.posted) == before + 1  # the answer to `mål 3` alone


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("hej, vad kan du göra?", "en-US", "Det här kan jag"),
        ("What can you do?", "sv-SE", "This is what I can do"),
        ("vad vet du om mig?", "sv-SE", "Det här har jag sparat om dig"),
        ("What do you know about me", "sv-SE", "What I store about you"),
        ("radera mina uppgifter", "en-US", "Ska jag glömma dig?"),
        ("delete my data please", "sv-SE", "Forget you?"),
        ("vem sitter i styrelsen?", "en-US", "Styrelsen: Anna Lind, Megan Bowen"),
        ("who is on the board?", "sv-SE", "Board: Anna Lind, Megan Bowen"),
        ("visa alla mål", "en-US", "Vänsterpartiet Västernorrlands verksamhetsplan 2026 (24 mål)"),
        ("show all goals", "sv-SE", "Vänsterpartiet Västernorrland’s plan 2026 (24 goals)"),
        ("lista mål", "sv-SE", "Vänsterpartiet Västernorrlands verksamhetsplan 2026 (24 mål)"),
        ("status för distriktet", "sv-SE", "Så går planen, 22 nov. 2026"),
        ("status for the district", "en-US", "How the plan stands, 22 Nov 2026"),
    ],
)
async def test_a_whole_question_is_the_command_it_asks_for(
    district: District, written: str, locale: str, answer: str
) -> None:
    """Members ask in sentences. "visa alla mål" used to be refused as the board's `visa` ("Det kan bara
    styrelsen och administratörer göra"), "status för distriktet" looked for a branch called "för
    distriktet", and the rest were unknown commands. Erasing still asks first."""
    assert (await district.say(NOA, written, locale=locale)).startswith(answer)


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("skriv på engelska", "sv-SE", "From now on I write to you in English"),
        ("byt språk till engelska tack", "sv-SE", "From now on I write to you in English"),
        ("English please", "sv-SE", "From now on I write to you in English"),
        ("på svenska tack", "en-US", "Från och med nu skriver jag till dig på svenska"),
        ("speak Swedish", "en-US", "Från och med nu skriver jag till dig på svenska"),
    ],
)
async def test_asking_for_a_language_in_a_sentence_chooses_it(
    district: District, written: str, locale: str, answer: str
) -> None:
    """ "skriv på engelska" and "byt språk till engelska" began with the board's `skriv` and `byt`, and a
    member was told "Det kan bara styrelsen och administratörer göra". They ask for a language."""
    assert (await district.say(NOA, written, locale=locale)).startswith(answer)


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("visa allt om mål 6", "sv-SE", "Menade du mål 6? Skriv hjälp för att se allt jag kan göra."),
        ("show everything on goal 6", "sv-SE", "Did you mean goal 6? Write help to see everything I can do."),
        ("paus mål", "sv-SE", "Menade du mål? Skriv hjälp för att se allt jag kan göra."),
    ],
)
async def test_a_board_word_starting_a_members_question_points_to_the_members_command(
    district: District, written: str, locale: str, answer: str
) -> None:
    """A sentence that starts with a word the board's commands use but names a member's command further
    in is pointed to that command, not refused; the pointer does not call the word unknown."""
    assert await district.say(NOA, written, locale=locale) == answer


@pytest.mark.parametrize(
    ("written", "locale", "refused"),
    [("skriv 12 Hej alla", "sv-SE", "Det kan bara styrelsen"), ("preview 12", "en-US", "Only the board")],
)
async def test_a_board_command_is_still_refused_to_a_member(
    district: District, written: str, locale: str, refused: str
) -> None:
    """What only the board may do is refused as before, saying who can."""
    assert (await district.say(NOA, written, locale=locale)).startswith(refused)


@pytest.mark.parametrize(
    ("written", "locale", "not_suggested"),
    [("Godmorgon allihop", "sv-SE", "godkänn"), ("thank u so much", "en-US", "bank")],
)
async def test_a_member_is_never_pointed_to_a_board_command(
    district: District, written: str, locale: str, not_suggested: str
) -> None:
    """A word the bot cannot read used to be matched against every command word, the board's too: "thank
    you so much" got "Did you mean bank you so much?", "god eftermiddag" "Menade du godkänn …?". A member
    is only pointed to commands they may use."""
    reply = await district.say(NOA, written, locale=locale)
    assert not_suggested not in reply.lower(), reply


@pytest.mark.parametrize(
    ("locale", "listing", "hint", "goal"),
    [
        ("sv-SE", "mål", "Skriv ”mål 4” för att se ett mål i sin helhet", "mål 4"),
        ("en-US", "goals", "Write “goal 4” to see one goal in full", "goal 4"),
    ],
)
async def test_the_goal_lists_example_is_a_goal_of_the_plan(
    district: District, locale: str, listing: str, hint: str, goal: str
) -> None:
    """A plan of four goals: the list used to end "Skriv ”mål 6” …", and "mål 6" answered "Det finns inget
    mål 6". The example is one of the plan's goals, and it answers."""
    sample = load_sample_plan()
    first = sample.sections[0]
    plan = replace(sample, year=2026, sections=(replace(first, goals=first.goals[:4]),))
    Repository(district.db).save_plan(DISTRICT, plan, now=NOW)
    assert hint in await district.say(NOA, listing, locale=locale)
    assert (await district.say(NOA, goal, locale=locale)).startswith(("Mål 4:", "Goal 4:"))


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("mål 6 ansvarig", "sv-SE", "Mål 6:"),
        ("Mål 6 status?", "en-US", "Mål 6:"),
        ("goal 6 responsible", "sv-SE", "Goal 6:"),
        ("mål 6 engelska", "sv-SE", "Goal 6: The district brings"),
        ("mål 6 på engelska", "sv-SE", "Goal 6: The district brings"),
        ("goal 6 in Swedish", "en-US", "Mål 6: Distriktet samlar"),
        ("mål 6 och 7", "sv-SE", "Ett mål i taget: skriv mål 6 och sedan mål 7."),
        ("mål ² 6", "sv-SE", "Inget mål nämner ”² 6”."),  # "²" is no digit anyone means
        ("mål 6-8", "en-US", "Ett mål i taget: skriv mål 6 och sedan mål 8."),
        ("goals 6, 7", "sv-SE", "One goal at a time: write goal 6, then goal 7."),
        ("sök ”sociala medier”", "sv-SE", "1 mål nämner ”sociala medier”"),
        ('search "social media"', "en-US", "1 goal mentions “social media”"),
    ],
)
async def test_a_goal_number_with_more_words_is_that_goal(
    district: District, written: str, locale: str, answer: str
) -> None:
    """ "mål 6 ansvarig" was a search for "6 ansvarig" ("Inget mål nämner ”6 ansvarig”"), "mål 6 engelska"
    told a member "Bara styrelsen och administratörer kan rätta planen" (the board's correction of a
    goal's English), "mål 6 och 7" found nothing. A member asks about goal 6 (in English, if they say so),
    and two goals are asked for one at a time. A quoted search shows its words once, without the quotes."""
    assert (await district.say(NOA, written, locale=locale)).startswith(answer)


@pytest.mark.parametrize(
    ("written", "refused"),
    [
        ("mål 6 text Hålla fyra möten", "Bara styrelsen och administratörer kan rätta planen."),
        ("goal 6 english members' meetings", "Only the board and administrators can correct the plan."),
    ],
)
async def test_a_members_change_to_the_plan_is_still_refused(
    district: District, written: str, refused: str
) -> None:
    """A member who writes a correction with its new words is told only the board corrects the plan."""
    assert await district.say(NOA, written) == refused


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("är vi i fas med målen?", "sv-SE", "Så går planen, 22 nov. 2026"),
        ("Hur går det med planen?", "en-US", "Så går planen, 22 nov. 2026"),
        ("ligger vi efter med mål 12?", "sv-SE", "Mål 12:"),
        ("how are our goals doing?", "sv-SE", "How the plan stands, 22 Nov 2026"),
        ("are we on track with the plan?", "sv-SE", "How the plan stands, 22 Nov 2026"),
        ("are we behind in Timrå?", "sv-SE", "How Timrå stands, 22 Nov 2026"),
    ],
)
async def test_how_the_plan_is_going_asked_about_the_plan_itself(
    district: District, written: str, locale: str, answer: str
) -> None:
    """ "är vi i fas med målen?" looked for a branch called "målen" ("Det finns ingen partiförening som
    heter ”målen”"). The goals, the plan and "we" are the district's status; a goal or a branch named is
    that one's."""
    assert (await district.say(NOA, written, locale=locale)).startswith(answer)


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("📊 status", "sv-SE", "Så går planen, 22 nov. 2026"),
        ("❓ help", "sv-SE", "This is what I can do"),
        ("mål 📋", "en-US", "Vänsterpartiet Västernorrlands verksamhetsplan 2026 (24 mål)"),
        ("sök 🌍 Facebook", "sv-SE", "1 mål nämner ”Facebook”"),
        ("Hej Distriktsboten! Visa mål 6.", "en-US", "Mål 6:"),
        ("Hi bot, show goal 6 please", "sv-SE", "Goal 6:"),
        ("snälla visa mål 6", "sv-SE", "Mål 6:"),
        ("kan du söka efter facebook?", "en-US", "1 mål nämner ”facebook”"),
        ("search for Facebook", "sv-SE", "1 goal mentions “Facebook”"),
        ("sök på facebook", "sv-SE", "1 mål nämner ”facebook”"),
    ],
)
async def test_emoji_courtesy_and_little_words_around_a_command(
    district: District, written: str, locale: str, answer: str
) -> None:
    """ "📊 status" was "Jag känner inte till kommandot ”📊”", "mål 📋" a search for 📋, "Hej Distriktsboten!
    Visa mål 6." was refused as the board's `visa`, "sök efter facebook" found nothing ("efter" is in no
    goal) and "sök på facebook" named "på facebook" as what it found. The emoji, the greeting, the bot's
    name, "snälla" and "efter" ask for nothing."""
    assert (await district.say(NOA, written, locale=locale)).startswith(answer)


@pytest.mark.parametrize(
    ("locale", "words", "examples"),
    [
        ("sv-SE", ("hjälp", "hjälp mål", "hjälp status"), ("mål 4 – ", "status Härnösand – ")),
        ("en-US", ("help", "help goals", "help status"), ("goal 4 – ", "status Härnösand – ")),
    ],
)
async def test_help_examples_name_a_goal_and_a_branch_the_district_has(
    district: District, locale: str, words: tuple[str, ...], examples: tuple[str, ...]
) -> None:
    """A district with a plan of four goals and no branch called Sundsvall. Help's examples used to be
    "mål 6" and "status Sundsvall", which answer "Det finns inget mål 6" and "Det finns ingen
    partiförening som heter ”Sundsvall”" there. A member copies an example expecting it to answer: it
    names the district's own goal and branch, and written out, it does."""
    sample = load_sample_plan()
    first = sample.sections[0]
    plan = replace(sample, year=2026, sections=(replace(first, goals=first.goals[:4]),))
    Repository(district.db).save_plan(DISTRICT, plan, now=NOW)
    [sundsvall] = [b for b in CheckInRepository(district.db).branches(DISTRICT) if b.name == "Sundsvall"]
    PeopleRepository(district.db).rename_branch(DISTRICT, sundsvall.id, "Ånge")
    overview, goals, status = [await district.say(NOA, each, locale=locale) for each in words]
    assert all(example in overview for example in examples), overview
    assert "Sundsvall" not in overview and "mål 6" not in overview and "goal 6" not in overview
    assert examples[0].split(" – ")[0] in goals and "Härnösand" in status
    for example in examples:
        answer = await district.say(NOA, example.split(" – ")[0], locale=locale)
        expected = ("Mål 4:", "Goal 4:", "Så går det för Härnösand", "How Härnösand stands")
        assert answer.startswith(expected), answer


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("vilka mål är jag ansvarig för?", "en-US", "Du är inte ansvarig för något mål."),
        ("What am I responsible for?", "sv-SE", "You are not responsible for any goal."),
        ("vad har jag rapporterat?", "sv-SE", "Du har inte rapporterat något än."),
        ("what have I reported", "sv-SE", "You have not reported anything yet."),
    ],
)
async def test_questions_about_ones_own_goals_and_reports(
    district: District, written: str, locale: str, answer: str
) -> None:
    """Asked as questions, a member's own goals and reports are `mina mål` and `mina rapporter`."""
    assert (await district.say(NOA, written, locale=locale)).startswith(answer)


@pytest.mark.parametrize(
    ("written", "locale", "answer", "goals"),
    [
        ("sök ett", "sv-SE", "3 mål nämner ”ett”", ("6.", "11.", "22.")),
        ("search sms", "en-US", "1 goal mentions “sms”", ("5.",)),
        ("sök sidan", "sv-SE", "2 mål nämner ”sidan”", ("12.", "24.")),  # "Facebooksida", "hemsidan"
    ],
)
async def test_a_short_search_word_is_found_where_a_word_begins(
    district: District, written: str, locale: str, answer: str, goals: tuple[str, ...]
) -> None:
    """ "sök ett" also listed goal 8, whose English says "getting": a word of three letters or fewer is
    found where a word begins, a longer one also as part of a compound ("sidan" in "hemsidan" and
    "Facebooksida")."""
    reply = await district.say(NOA, written, locale=locale)
    assert reply.startswith(answer), reply
    assert [line.split()[0] for line in reply.splitlines()[1:]] == list(goals)


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("mina uppgifer", "sv-SE", "Det här har jag sparat om dig"),
        ("my dta", "en-US", "What I store about you"),
        ("mina mååål", "sv-SE", "Du är inte ansvarig för något mål."),
        ("mina grejer", "sv-SE", "Menade du mina rapporter, mina mål eller mina data?"),
        ("my stuff", "en-US", "Did you mean my reports, my goals or my data?"),
        ("mina", "sv-SE", "Du har inte rapporterat något än."),
        ("glöm mej", "sv-SE", "Ska jag glömma dig?"),
        ("mål 3.1", "sv-SE", "Inget mål nämner ”3.1”."),
    ],
)
async def test_a_typo_after_mina_is_read_as_what_it_nearly_says(
    district: District, written: str, locale: str, answer: str
) -> None:
    """ "mina uppgifer" and "my dta" (typos of mina uppgifter, my data) used to list one's reports ("Du har
    inte rapporterat något än"): the answer to a question not asked. A near word is read as the word; one
    like none of them is asked about. "glöm mej" is how many write "glöm mig"; "mål 3.1" is no request
    for goals 3 and 1."""
    assert (await district.say(NOA, written, locale=locale)).startswith(answer)


@pytest.mark.parametrize(
    ("written", "locale", "answer"),
    [
        ("kan du byta 1 och 2?", "sv-SE", "Den frågan kan jag inte svara på. Skriv hjälp så ser du"),
        ("can I swap my turn?", "en-US", "I can't answer that question. Write help to see"),
        ("stauts", "sv-SE", "Jag känner inte till kommandot ”stauts”. Menade du status?"),
    ],
)
async def test_a_short_word_is_no_typo_of_a_long_command(
    district: District, written: str, locale: str, answer: str
) -> None:
    """ "kan du byta 1 och 2?" was "Menade du godkänn du byta 1?": "kan" is half of no command word. Nor
    is it a command the bot does not know: a question it cannot answer (tests/stories/
    test_questions_in_own_words.py)."""
    assert (await district.say(MEGAN, written, locale=locale)).startswith(answer)
