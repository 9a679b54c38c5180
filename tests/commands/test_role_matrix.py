"""Who may do what: every command, the lowest role that may use it, tried by a member, a chair, the board
and an admin.

MINIMUM is written by hand from what the product is for, not read from the routes: members read the plan
and their own data; chairs (and the board, and people responsible for a goal) report; the board runs the
prompts, names who is responsible, exports and may change anyone's report; only administrators give
roles and link teams. Each sender holds exactly one role in the district, stored through PeopleRepository
as in production (the admin only by Services.admins). Below the minimum the answer is the refusal (the
router's, or for a few commands the handler's own, which knows more); at or above it, anything but.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from bot.cards import day
from bot.commands import Context, Router, build_router
from bot.commands.router import refusal
from bot.i18n import Translator, genitive, translator
from bot.services.people import PersonInfo, Role
from tests.commands.conftest import (
    CHAIR,
    DISTRICT,
    SENDERS,
    SOMEONE,
    District,
    Furnished,
    Services,
    ask,
    readable,
    request,
)
from tests.conftest import NOW

RANK = [Role.MEMBER, Role.CHAIR, Role.BOARD, Role.ADMIN]


def _the_districts_report(t: Translator, furnished: Furnished, role: Role) -> str:
    """The check-in is the district's (goal 6, a chairs' meeting, held in Härnösand): only the board and
    the goal's responsible people change it, not Härnösand's chair, who may not report it either."""
    return t._(
        "#{id} is the district's report on goal {number}: only the board and the people responsible "
        "for goal {number} can change it. Tell a board member what should change."
    ).format(id=furnished.check_in, number=6)


def _only_chairs_report(t: Translator, furnished: Furnished, role: Role) -> str:
    return t._(
        "Only branch chairs, the board and people responsible for goal {number} can report on it. "
        "Ask the board to name you (responsible {number} @you)."
    ).format(number=6)


@dataclass(frozen=True)
class Row:
    minimum: Role
    args: str = ""  # plausible arguments; {check_in}, {slot} and {empty_slot} name what furnish() stored
    kind: str = "personal"  # the conversation it is written in
    mention: bool = False  # @mentions SOMEONE
    # Where the handler decides (it knows whose report it is, who chairs what), its own refusal.
    refused: Callable[[Translator, Furnished, Role], str] | None = None


# The route's first word -> who may use it, as the product should have it.
MINIMUM: dict[str, Row] = {
    # Reading the plan and how it goes: everyone.
    "mål": Row(Role.MEMBER, "6"),
    "sök": Row(Role.MEMBER, "zetkin"),
    "status": Row(Role.MEMBER, "Sundsvall"),
    "roller": Row(Role.MEMBER),
    "partiföreningar": Row(Role.MEMBER),  # the list; changing it is the board's (tests/stories)
    "hjälp": Row(Role.MEMBER),
    # One's own: reports, goals, personal data, which district one works in.
    "mina": Row(Role.MEMBER, "rapporter"),
    "data": Row(Role.MEMBER),
    "glöm": Row(Role.MEMBER, "mig"),
    "distrikt": Row(Role.MEMBER),
    "språk": Row(Role.MEMBER, "engelska"),
    "påminn": Row(Role.MEMBER, "mig inte före 2027-02-01"),
    "eskalera": Row(Role.BOARD, "på"),
    # Reporting: a branch's chair (for the branch), the board, or whoever the board named responsible for
    # the goal (tests below) -- not any member. The router lets members through for the last; the handler
    # refuses the rest.
    "rapportera": Row(Role.CHAIR, "6 1 ordförandemöte i Sundsvall", refused=_only_chairs_report),
    # A chair names who reports for their branch in their stead.
    "ersättare": Row(Role.CHAIR, "Diego Siciliani", mention=True),
    # Someone else's report (OTHER_CHAIR's): only the board changes it (one's own: tests below).
    "ändra": Row(Role.BOARD, "{check_in} 2 två möten", refused=_the_districts_report),
    "ångra": Row(Role.BOARD, "{check_in}", refused=_the_districts_report),
    # The board's: who answers for a goal, the check-ins as a spreadsheet, and the discussion prompts.
    "ansvarig": Row(Role.BOARD, "12 Diego Siciliani", mention=True),
    "exportera": Row(Role.CHAIR, "2026"),  # a chair: their own branch's (tests/stories)
    # The board's follow-up and year's report; the dashboard for the board and the chairs.
    "uppföljning": Row(Role.BOARD, "sedan 1/3"),
    "verksamhetsberättelse": Row(Role.BOARD, "2026"),
    "översikt": Row(Role.CHAIR),
    "schema": Row(Role.BOARD, "1 och 15 kl 18", kind="channel"),
    "kommande": Row(Role.BOARD),
    "byt": Row(Role.BOARD, "{slot} {empty_slot}"),
    "ge": Row(Role.BOARD, "{empty_slot} Diego Siciliani", mention=True),
    "hoppa": Row(Role.BOARD, "{empty_slot}"),
    "flytta": Row(Role.BOARD, "{empty_slot} till torsdag"),
    "paus": Row(Role.BOARD, "2027-06-15 2027-08-15", kind="channel"),
    "återuppta": Row(Role.BOARD, kind="channel"),
    "skriv": Row(Role.BOARD, "{empty_slot} Vad vill vi att regionen gör för kollektivtrafiken?"),
    "godkänn": Row(Role.BOARD, "{slot}"),  # written by another board member
    "godkännande": Row(Role.BOARD, "av"),
    "historik": Row(Role.BOARD),
    "visa": Row(Role.BOARD, "{slot}"),
    "posta": Row(Role.BOARD, "{slot}"),
    "bank": Row(Role.BOARD, "lägg till miljö: Hur når vi fler unga?"),
    # The plan a board member sent as a file: its review, and the priority areas named in it.
    "plan": Row(Role.BOARD),
    "områden": Row(Role.BOARD, "Vården, Bostäder"),
    # Administrators: who holds which role, and which district a team is.
    "roll": Row(Role.ADMIN, "styrelse Diego Siciliani", mention=True),
    "koppla": Row(Role.ADMIN, "Västernorrland", kind="channel"),
}


def test_the_table_names_every_command_exactly_once() -> None:
    routes = [route.words[0] for route in build_router().routes]
    assert len(routes) == len(set(routes))
    assert sorted(MINIMUM) == sorted(routes), "a command was added or removed: give it its row in MINIMUM"


async def _refusals(services: Services, text: str, kind: str, role: Role) -> dict[Role, str]:
    """The router's refusal for each role a command may need, as this sender would read it."""
    asked = request(text, SENDERS[role], kind=kind)
    context = Context(services, NOW)
    return {needed: (await refusal(asked, context, needed)).text for needed in RANK[1:]}


@pytest.mark.parametrize("role", RANK)
@pytest.mark.parametrize("word", list(MINIMUM))
async def test_who_may_use_each_command(district: District, router: Router, word: str, role: Role) -> None:
    services, furnished = district.services, district.furnished
    row = MINIMUM[word]
    text = f"{word} {row.args.format(**vars(furnished))}".strip()
    mentions = (SOMEONE,) if row.mention else ()
    routers_no = await _refusals(services, text, row.kind, role)  # before the command changes who is who
    handlers_no = row.refused(translator("sv"), furnished, role) if row.refused else None
    reply = await ask(router, services, text, SENDERS[role], kind=row.kind, mentions=mentions)
    assert readable(reply)
    if RANK.index(role) < RANK.index(row.minimum):
        assert reply.text == (handlers_no or routers_no[row.minimum])
    else:
        assert reply.text not in (*routers_no.values(), handlers_no), reply.text


# What the matrix cannot show: the handler's finer rules, which are why members pass the router at all.


async def test_a_member_responsible_for_a_goal_reports_on_it_and_on_no_other(
    district: District, router: Router
) -> None:
    services, t = district.services, translator("sv")
    # SOMEONE holds no role, but the board named them responsible for goal 12 (furnish).
    stored = await ask(router, services, "rapportera 12 1700 följare på Facebook", SOMEONE)
    [mine] = services.checkins.mine(SOMEONE, DISTRICT)
    assert stored.text.startswith(f"Sparat #{mine.id}: mål 12")
    assert (mine.value, mine.branch) == (1700, None)  # for the district: they chair no branch
    refused = await ask(router, services, "rapportera 6 1 ordförandemöte", SOMEONE)
    assert refused.text == _only_chairs_report(t, district.furnished, Role.MEMBER)


@pytest.mark.parametrize(
    ("reporter", "line", "value", "shown"),
    [
        (CHAIR, "3 1 Zetkin-grupp i Sundsvall", "2", "2 personer"),
        (SOMEONE, "12 1700", "1800", "1\xa0800 följare"),
    ],
)
async def test_whoever_reported_may_correct_and_withdraw_it(
    district: District, router: Router, reporter: PersonInfo, line: str, value: str, shown: str
) -> None:
    services, t = district.services, translator("sv")
    await ask(router, services, f"rapportera {line}", reporter)
    [mine] = services.checkins.mine(reporter, DISTRICT)
    corrected = await ask(router, services, f"ändra {mine.id} {value}", reporter)
    when = day(t, mine.happened_on)
    goal = int(line.split()[0])
    who = "Sundsvall" if mine.branch else t._("the district")
    assert corrected.text == t._("Corrected #{id}: goal {number}, now {value} for {who}, {day}.").format(
        id=mine.id, number=goal, value=shown, who=who, day=when
    )
    withdrawn = await ask(router, services, f"ångra {mine.id}", reporter)
    assert withdrawn.text == t._(
        "Withdrew #{id} (goal {number}, {value} for {who}, {day}); it no longer counts."
    ).format(id=mine.id, number=goal, value=shown, who=who, day=when)


@pytest.mark.parametrize("role", RANK)
async def test_only_an_admin_links_a_team_nobody_linked_yet(
    district: District, router: Router, role: Role
) -> None:
    """No district yet, so no stored role counts: the admin, by configuration, is the only one who may."""
    services, t = district.services, translator("sv")
    reply = await ask(router, services, "koppla Västernorrland", SENDERS[role], kind="channel", found=False)
    if role is Role.ADMIN:
        linked = t._(
            "This team now belongs to {district}: its channels and its members' personal chats "
            "get {whose} plan, roles and reports."
        )
        assert reply.text == linked.format(district=DISTRICT, whose=genitive(t, DISTRICT))
    else:
        only = t._("Only an administrator can do that. Administrators are named in the bot's settings.")
        assert reply.text == only
