"""The board and the people responsible for a goal report a goal every branch has, with the form or one
question at a time, for the branch they choose.

Goal 4 is every branch's own here (a members' meeting a quarter); goal 3 every branch's too (a person for
Zetkin). The clock is set to Sunday 22 November 2026, 10:00 UTC. Megan is on the board; Johannes, a member,
is named responsible for goal 3; Kim chairs Sundsvall.

What they expect: the plan says the board and a goal's responsible people report it, so `rapportera` alone
must let them. A report on a goal every branch has counts for a branch, and a board member chairs none, so
the dialog asks which one right after the goal (read as the branch is written anywhere: any case, a small
misspelling), and the form has a choice of branch; before, the dialog asked four questions and then refused
for want of a branch. A chair of one branch is asked nothing of the kind: the report is their branch's.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import JOHANNES, KIM, MEGAN, District, shown

SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


async def test_the_board_is_asked_which_branch_and_the_report_counts_for_it(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    asked = [
        ("rapportera", "Vilket mål rapporterar du om?"),
        (
            "4",
            "Mål 4 gäller varje partiförening för sig: vilken förening gäller det? Härnösand, Sundsvall "
            "eller Timrå",
        ),
        (
            "Umeå",
            "Det är ingen av de föreningar du kan välja. Mål 4 gäller varje partiförening för sig: "
            "vilken förening gäller det? Härnösand, Sundsvall eller Timrå",
        ),
        ("sundsval", "Mål 4: Distriktet och partiföreningarna ringer"),
        ("1", "När hände det?"),
        ("i går", "Någon kommentar?"),
        ("nej", "Sparat #1: mål 4, 1 medlemsmöte för Sundsvall, 21 nov. 2026."),
    ]
    for written, answer in asked:
        assert (await meetings.say(MEGAN, written, channel="test")).startswith(answer), written
    assert [(c.goal_number, c.branch) for c in meetings.reports()] == [(4, "Sundsvall")]


async def test_the_responsible_answers_ahead_in_english_and_a_chair_is_not_asked(meetings: District) -> None:
    meetings.clock.now = SUNDAY
    await meetings.say(MEGAN, "ansvarig 3 @Johannes Ström", mentions=((JOHANNES, "Johannes Ström"),))
    asked = [
        ("report", "Which goal are you reporting on?"),
        (
            "3 1 yesterday",
            "Goal 3 is every branch's own: which branch is it for? Härnösand, Sundsvall, or Timrå",
        ),
        ("Timrå", "Any comment?"),
        ("no", "Stored #1: goal 3, 1 person for Timrå, 21 Nov 2026."),
    ]
    for written, answer in asked:
        assert (await meetings.say(JOHANNES, written, locale="en-US", channel="test")).startswith(answer), (
            written
        )
    assert (await meetings.say(KIM, "rapportera", channel="test")).startswith("Vilket mål")
    assert (await meetings.say(KIM, "4", channel="test")).startswith("Mål 4: Distriktet")
    assert [(c.goal_number, c.branch) for c in meetings.reports()] == [(3, "Timrå")]


async def test_the_form_offers_the_branches_to_those_who_must_choose(meetings: District) -> None:
    meetings.clock.now = SUNDAY

    async def form_inputs(who: object) -> dict[str, dict[str, object]]:
        before = len(meetings.connector.posted)
        await meetings.say(who, "rapportera")  # type: ignore[arg-type]
        [card] = [
            a["content"] for p in meetings.connector.posted[before:] for a in p.body.get("attachments", [])
        ]
        return {b["id"]: b for b in card["body"] if b["type"].startswith("Input.")}

    branch = (await form_inputs(MEGAN))["branch"]
    assert [c["value"] for c in branch["choices"]] == ["Härnösand", "Sundsvall", "Timrå"]  # type: ignore[union-attr]
    assert "branch" not in await form_inputs(KIM)
    form = {"form": "checkin", "goal": "4", "value": "1", "date": "2026-11-21", "comment": ""}
    answer = shown(await meetings.tap(MEGAN, {**form, "submission": "formone", "branch": "Härnösand"}))
    assert answer.startswith("Sparat #1: mål 4, 1 medlemsmöte för Härnösand, 21 nov. 2026."), answer
    tapped = await meetings.tap(
        MEGAN, {**form, "submission": "formtwo", "branch": "Timrå", "value": "x"}, locale="en-US"
    )
    assert shown(tapped).startswith("“x” is not a number."), shown(tapped)
    again = {b["id"]: b for b in tapped["value"]["body"] if b["type"].startswith("Input.")}
    assert again["branch"]["value"] == "Timrå"  # filled in again as it was sent
    assert [(c.goal_number, c.branch) for c in meetings.reports()] == [(4, "Härnösand")]
