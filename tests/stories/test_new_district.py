"""A new district's first week: the app is installed, the first administrator gives roles, the board adds
its branches, and people with no role yet write to the bot. Every hint the bot gives must work when the
user copies it, every refusal says who can, and a list is read as people write one.

The deployment's district has the sample plan and nobody in it has a role yet; Megan is the administrator.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.__main__ import import_plan
from bot.app import create_app
from bot.config import Settings
from bot.db.engine import Database
from tests.conftest import NOW, SEEDS, SKANE, Clock, seed
from tests.fakes.activities import BOT_ID, BOT_NAME, TENANT
from tests.fakes.chat import reply_text
from tests.fakes.connector import FakeConnector
from tests.stories.conftest import ANNA, KIM, MEGAN, NOA, District, Someone

_ids = itertools.count(1)
TEAM = {"id": "19:team-new@thread.tacv2", "name": "Distriktet"}
CHANNEL = "19:general-new@thread.tacv2"


@pytest.fixture
async def new(settings: Settings, connector: FakeConnector) -> AsyncIterator[District]:
    """A district on its first day: the sample plan, no roles, no branches; Megan administers the bot."""
    clock = Clock(NOW)
    with clock.whole_process():
        app = create_app(settings.model_copy(update={"admins": ["aad-megan"]}), clock=clock)
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        db = Database(settings.database_url)
        try:
            yield District(client, connector, clock, db)
        finally:
            db.dispose()
            await client.close()


async def in_channel(
    district: District, who: Someone, text: str, *, locale: str = "sv-SE", team: dict[str, str] = TEAM
) -> str:
    """What `who` reads after @mentioning the bot with `text` in the General channel of `team`."""
    mention = f"<at>{BOT_NAME}</at>"
    body: dict[str, Any] = {
        "id": f"new-district-{next(_ids)}",
        "channelId": "msteams",
        "serviceUrl": district.connector.url,
        "locale": locale,
        "from": {"id": who.teams_id, "name": who.name, "aadObjectId": who.aad},
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "conversation": {
            "id": f"{CHANNEL};messageid={next(_ids)}",
            "conversationType": "channel",
            "isGroup": True,
            "tenantId": TENANT,
        },
        "type": "message",
        "text": f"{mention} {text}",
        "entities": [{"type": "mention", "text": mention, "mentioned": {"id": BOT_ID, "name": BOT_NAME}}],
        "channelData": {"team": team, "channel": {"id": CHANNEL}, "tenant": {"id": TENANT}},
    }
    before = len(district.connector.posted)
    response = await district.client.post("/api/messages", json=body)
    assert response.status in (200, 201)
    posted = await district.connector.wait_for(before + 1)
    return reply_text(posted[before].body)


async def test_the_board_adds_its_branches_as_a_list_as_people_write_one(new: District) -> None:
    """A board member who writes "partiföreningar lägg till Krokom, Åre och Strömsund" means three
    branches, not one called "Krokom, Åre och Strömsund"; one already on the list is said to be so."""
    await new.say(MEGAN, "roll styrelse @Anna Lind", mentions=((ANNA, "Anna Lind"),))
    added = await new.say(ANNA, "partiföreningar lägg till Krokom, Åre och Strömsund")
    assert added == "Lade till Krokom, Åre och Strömsund. Partiföreningar: Krokom, Strömsund, Åre"
    again = await new.say(ANNA, "partiföreningar lägg till krokom och Berg")
    assert again == (
        "Lade till Berg (Krokom fanns redan på listan). Partiföreningar: Berg, Krokom, Strömsund, Åre"
    )
    assert await new.say(ANNA, "partiföreningar lägg till Åre, Berg") == "Åre och Berg finns redan på listan."
    english = await new.say(ANNA, "branches add Bräcke and Ragunda", locale="en-US")
    assert english == "Added Bräcke and Ragunda. Branches: Berg, Bräcke, Krokom, Ragunda, Strömsund, Åre"
    assert await new.say(ANNA, "branches add Berg", locale="en-US") == "Berg is already on the list."
    listing = await new.say(NOA, "partiföreningar")  # in Swedish alphabetical order, as every list
    assert [line.split(":")[0] for line in listing.splitlines()[1:]] == [
        "• Berg",
        "• Bräcke",
        "• Krokom",
        "• Ragunda",
        "• Strömsund",
        "• Åre",
    ]


async def test_a_name_close_to_a_branch_stops_the_whole_list_until_confirmed(new: District) -> None:
    await new.say(MEGAN, "roll styrelse @Anna Lind", mentions=((ANNA, "Anna Lind"),))
    await new.say(ANNA, "partiföreningar lägg till Östersund")
    asked = await new.say(ANNA, "partiföreningar lägg till Krokom, Östersun")
    assert asked == (
        "”Östersun” liknar Östersund. Skriv så här för att ändå lägga till den: "
        "partiföreningar lägg till Krokom, Östersun ja"
    )
    assert "Krokom" not in await new.say(ANNA, "partiföreningar")
    assert (await new.say(ANNA, "partiföreningar lägg till Krokom, Östersun ja")).startswith(
        "Lade till Krokom och Östersun."
    )


async def test_before_the_district_has_branches_each_hint_says_how_to_add_one(new: District) -> None:
    """With no branches yet, "Partiföreningar: –" tells nobody anything and an example naming Sundsvall
    fails when copied: say that the district has none, and the command that adds one."""
    asked = await new.say(MEGAN, "roll ordförande @Kim Berg Östersund", mentions=((KIM, "Kim Berg"),))
    assert asked == (
        "Ny partiförening ”Östersund”? Distriktet har inga partiföreningar än. "
        "Skriv så här för att lägga till den: roll ordförande @Kim Berg Östersund ja"
    )
    english = await new.say(
        MEGAN, "role chair @Kim Berg Östersund", locale="en-US", mentions=((KIM, "Kim Berg"),)
    )
    assert english == (
        "New branch “Östersund”? The district has no branches yet. "
        "To add it, write: role chair @Kim Berg Östersund yes"
    )
    await new.say(MEGAN, "roll styrelse @Anna Lind", mentions=((ANNA, "Anna Lind"),))
    assert await new.say(ANNA, "rapportera 3 1") == (
        "Mål 3 gäller varje partiförening, men distriktet har inga partiföreningar än. "
        "Styrelsen lägger till dem med: partiföreningar lägg till NAMN. Inget sparades."
    )
    assert await new.say(ANNA, "report 3 1 for Umeå", locale="en-US") == (
        "There is no branch called “Umeå”: the district has no branches yet. "
        "The board adds them with: branches add NAME Nothing was stored."
    )
    assert await new.say(NOA, "status Umeå") == (
        "Det finns ingen partiförening som heter ”Umeå”: distriktet har inga partiföreningar än. "
        "Styrelsen lägger till dem med: partiföreningar lägg till NAMN"
    )
    assert new.reports() == []
    made = await new.say(MEGAN, "roll ordförande @Kim Berg Östersund ja", mentions=((KIM, "Kim Berg"),))
    assert made == "Kim Berg är nu ordförande i Östersund."


async def test_someone_without_the_role_is_told_who_has_it(new: District) -> None:
    """A refusal names who can: before there is a board, that an administrator names one, and how."""
    assert await new.say(NOA, "roller") == (
        "Ingen har någon roll i Vänsterpartiet Västernorrland än. "
        "En administratör delar ut dem, till exempel: roll styrelse @namn"
    )
    assert await new.say(NOA, "roles", locale="en-US") == (
        "Nobody has a role in Vänsterpartiet Västernorrland yet. "
        "An administrator gives them, e.g.: role board @name"
    )
    assert await new.say(KIM, "partiföreningar lägg till Krokom") == (
        "Det kan bara styrelsen och administratörer göra, och ingen i Vänsterpartiet Västernorrland sitter i "
        "styrelsen än. En administratör lägger till ledamöter med: roll styrelse @namn"
    )
    await new.say(MEGAN, "roll styrelse @Anna Lind", mentions=((ANNA, "Anna Lind"),))
    assert await new.say(KIM, "branches add Krokom", locale="en-US") == (
        "Only the board and administrators can do that. Ask one of the board: Anna Lind."
    )
    assert "Krokom" not in await new.say(KIM, "partiföreningar")


async def test_an_administrator_linking_a_team_to_a_district_not_yet_made_is_told_how_to_make_it(
    new: District,
) -> None:
    """The second district in the tenant: `koppla Skåne` before Skåne's plan is imported says how to
    import it, with a command that works when copied into a shell (straight quotes)."""
    answer = await in_channel(new, MEGAN, "koppla Vänsterpartiet Skåne")
    assert answer == (
        "Jag känner inte till något distrikt som heter ”Vänsterpartiet Skåne”. "
        "Distrikt: Vänsterpartiet Västernorrland. Välj med: koppla DISTRIKT "
        "Ett nytt distrikt läggs till med sin verksamhetsplan, på servern: "
        'python -m bot plan import FIL --district "Vänsterpartiet Skåne". Koppla sedan teamet igen.'
    )
    english = await in_channel(new, MEGAN, "link Skåne", locale="en-US")
    assert english.endswith(
        "A new district is added with its plan, on the server: "
        'python -m bot plan import FILE --district "Skåne"; then link this team again.'
    )
    assert "Skåne" not in await in_channel(new, MEGAN, "roller")


async def test_a_role_given_without_a_mention_says_how_to_mention(new: District) -> None:
    """A name typed as text ("roll styrelse Anna Lind", or the example's "@Megan" copied) is no mention:
    say how Teams makes one, in both languages, for roles and deputies alike."""
    assert await new.say(MEGAN, "roll styrelse Anna Lind") == (
        "Nämn personen: skriv @ och välj hen i listan som Teams visar. Skriv till exempel: roll styrelse "
        "@Megan, roll ordförande @Adele Sundsvall eller roll bort styrelse @Megan."
    )
    assert (await new.say(MEGAN, "role board Anna Lind", locale="en-US")).startswith(
        "Mention the person: type @ and pick them from the list Teams shows. Write for example: role board"
    )
    await new.say(MEGAN, "roll ordförande @Kim Berg Östersund ja", mentions=((KIM, "Kim Berg"),))
    assert await new.say(KIM, "ersättare Noa Holm") == (
        "Nämn personen: skriv @ och välj hen i listan som Teams visar. "
        "Till exempel: ersättare @Adele (eller ersättare bort @Adele)."
    )
    assert await new.say(KIM, "deputy Noa", locale="en-US") == (
        "Mention the person: type @ and pick them from the list Teams shows. "
        "For example: deputy @Adele (or deputy remove @Adele)."
    )


async def test_someone_asking_for_an_administrators_command_is_told_whom_to_ask(new: District) -> None:
    """ "Administrators are named in the bot's settings" helps nobody who cannot read them: name the
    administrators the bot has met."""
    assert await new.say(NOA, "roll styrelse @Noa Holm", mentions=((NOA, "Noa Holm"),)) == (
        "Det kan bara en administratör göra. Administratörerna anges i botens inställningar."
    )
    await new.say(MEGAN, "hej")
    assert await new.say(NOA, "roll styrelse @Noa Holm", mentions=((NOA, "Noa Holm"),)) == (
        "Det kan bara en administratör göra. Fråga någon av dem: Megan Bowen."
    )
    assert await new.say(NOA, "role board @Noa Holm", locale="en-US", mentions=((NOA, "Noa Holm"),)) == (
        "Only an administrator can do that. Ask one of them: Megan Bowen."
    )
    assert "Noa Holm" not in await new.say(NOA, "roller")


async def test_a_second_districts_plan_does_not_take_over_a_district_waiting_for_its_own(
    new: District, settings: Settings
) -> None:
    """The first district has a board and branches but still shows the sample plan when Skåne's plan is
    imported for the second district: Skåne gets a district of its own; the first keeps its people,
    branches and sample plan, and nothing of either shows in the other."""
    await new.say(MEGAN, "roll styrelse @Anna Lind", mentions=((ANNA, "Anna Lind"),))
    await new.say(ANNA, "partiföreningar lägg till Sundsvall")
    seed(SKANE)  # skips where ../shared/seeds is absent
    assert import_plan(settings, SEEDS / SKANE, "Vänsterpartiet Skåne", dry_run=False) == 0
    assert await new.say(ANNA, "roller") == "Styrelsen: Anna Lind\nOrdförande i partiföreningarna: –"
    assert (await new.say(ANNA, "goals", locale="en-US")).startswith("Vänsterpartiet Västernorrland’s plan")
    assert "• Sundsvall" in await new.say(ANNA, "partiföreningar")
    assert await in_channel(new, MEGAN, "koppla Skåne") == (
        "Det här teamet hör nu till Vänsterpartiet Skåne: i kanalerna och i medlemmarnas personliga chattar "
        "gäller Vänsterpartiet Skånes plan, roller och rapporter."
    )
    assert await in_channel(new, MEGAN, "roles", locale="en-US") == (
        "Nobody has a role in Vänsterpartiet Skåne yet. An administrator gives them, e.g.: role board @name"
    )
    assert "Sundsvall" not in await in_channel(new, MEGAN, "partiföreningar")
    # A third team, with two districts in the deployment: linked by an @mention, as the bot says.
    other = {"id": "19:team-third@thread.tacv2", "name": "Tredje"}
    for text, locale, expected in (
        (
            "mål",
            "sv-SE",
            "En administratör kopplar det genom att nämna mig med @ här och skriva: koppla DISTRIKT",
        ),
        ("goals", "en-US", "An administrator links it by @mentioning me here and writing: link DISTRICT"),
    ):
        assert (await in_channel(new, NOA, text, locale=locale, team=other)).endswith(expected)
    assert (await in_channel(new, MEGAN, "koppla Skåne", team=other)).startswith("Det här teamet hör nu till")


async def test_when_the_last_board_member_leaves_their_prompts_are_said_to_have_nobody(new: District) -> None:
    """ "Their coming prompts go to: #1 nobody yet" reads as if someone had them; say that nobody on the
    board is left to take them, and how an administrator names a board member."""
    await new.say(MEGAN, "roll styrelse @Anna Lind", mentions=((ANNA, "Anna Lind"),))
    await in_channel(new, ANNA, "schema 1 och 15 kl 18")
    left = await new.say(MEGAN, "roll bort styrelse @Anna Lind", mentions=((ANNA, "Anna Lind"),))
    assert left == (
        "Anna Lind sitter inte längre i styrelsen. Ingen i styrelsen finns kvar som kan ta över Anna Linds "
        "kommande inlägg (#1, #2, #3). En administratör utser styrelseledamöter med: roll styrelse @namn"
    )
    await new.say(MEGAN, "role board @Kim Berg", locale="en-US", mentions=((KIM, "Kim Berg"),))
    await new.say(MEGAN, "role remove board @Kim Berg", locale="en-US", mentions=((KIM, "Kim Berg"),))
    await new.say(MEGAN, "role board @Anna Lind", locale="en-US", mentions=((ANNA, "Anna Lind"),))
    english = await new.say(
        MEGAN, "role remove board @Anna Lind", locale="en-US", mentions=((ANNA, "Anna Lind"),)
    )
    assert english == (
        "Anna Lind is no longer on the board. Nobody on the board is left to take Anna Lind’s coming prompts "
        "(#1, #2, #3): an administrator names board members with: role board @name"
    )


async def installed_by(district: District, who: Someone, *, locale: str) -> str:
    """What `who` reads when they add the bot to their personal chat."""
    body = {
        "id": f"new-district-{next(_ids)}",
        "channelId": "msteams",
        "serviceUrl": district.connector.url,
        "locale": locale,
        "from": {"id": who.teams_id, "name": who.name, "aadObjectId": who.aad},
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "conversation": {
            "id": f"a:personal-{who.teams_id}",
            "conversationType": "personal",
            "tenantId": TENANT,
        },
        "type": "conversationUpdate",
        "membersAdded": [{"id": BOT_ID}],
        "channelData": {"tenant": {"id": TENANT}},
    }
    before = len(district.connector.posted)
    assert (await district.client.post("/api/messages", json=body)).status in (200, 201)
    return reply_text((await district.connector.wait_for(before + 1))[before].body)


async def test_the_administrators_guide_works_step_by_step(new: District) -> None:
    """The guide's third step is written in a channel, where the bot hears only what @mentions it: the
    guide says so, and each step, copied, is answered."""
    guide = await installed_by(new, MEGAN, locale="sv-SE")
    assert "nämn mig med @ i medlemmarnas kanal och skriv schema 1 och 15 kl 18." in guide
    english = await installed_by(new, MEGAN, locale="en-US")
    assert "in the members' channel, @mention me and write schedule 1 and 15 at 18." in english
    step2 = await new.say(MEGAN, "roll styrelse @namn")  # the placeholder copied: how to mention instead
    assert step2.startswith("Nämn personen: skriv @ och välj hen i listan som Teams visar.")
    await new.say(MEGAN, "roll styrelse @Anna Lind", mentions=((ANNA, "Anna Lind"),))
    assert (await in_channel(new, ANNA, "schema 1 och 15 kl 18")).startswith(
        "Inlägg publiceras i den här kanalen den 1 och den 15 varje månad kl. 18.00"
    )
    assert (await in_channel(new, ANNA, "schedule 1 and 15 at 18", locale="en-US")).startswith(
        "Prompts will be posted in this channel on the 1st and the 15th of each month at 18:00"
    )


async def test_a_chairs_command_before_anyone_chairs_a_branch_says_who_names_chairs(new: District) -> None:
    """ "Ask your branch's chair" helps nobody while no branch has one: say how chairs are named."""
    assert await new.say(NOA, "exportera") == (
        "Det kan bara partiföreningarnas ordförande, styrelsen och administratörer göra, och ingen i "
        "Vänsterpartiet Västernorrland är ordförande i en partiförening än. En administratör utser "
        "ordförande med: roll ordförande @namn PARTIFÖRENING"
    )
    assert (await new.say(NOA, "dashboard", locale="en-US")).endswith(
        "nobody in Vänsterpartiet Västernorrland chairs a branch yet. "
        "An administrator names chairs with: role chair @name BRANCH"
    )
    await new.say(MEGAN, "roll ordförande @Kim Berg Östersund ja", mentions=((KIM, "Kim Berg"),))
    assert await new.say(NOA, "deputy @Noa Holm", locale="en-US", mentions=((NOA, "Noa Holm"),)) == (
        "Only branch chairs, the board and administrators can do that. Ask your branch's chair."
    )


async def test_someone_who_may_not_report_a_branchs_goal_is_told_the_way_that_works(new: District) -> None:
    """Every branch's goal is reported by its chair or the chair's deputy: being named responsible for it
    (the hint for the district's goals) would not let a member report it; a chair naming another branch
    is told which is theirs."""
    await new.say(MEGAN, "roll styrelse @Anna Lind", mentions=((ANNA, "Anna Lind"),))
    await new.say(ANNA, "partiföreningar lägg till Östersund och Krokom")
    await new.say(MEGAN, "roll ordförande @Kim Berg Östersund", mentions=((KIM, "Kim Berg"),))
    assert await new.say(NOA, "rapportera 3 1") == (
        "Mål 3 gäller varje partiförening: ordföranden rapporterar det, eller en ersättare som ordföranden "
        "utser. Be din förenings ordförande att utse dig (ersättare @namn)."
    )
    assert await new.say(NOA, "report 3 1", locale="en-US") == (
        "Goal 3 is every branch's own: its chair reports it, or a deputy the chair names. "
        "Ask your branch's chair to name you (deputy @name)."
    )
    district_goal = await new.say(NOA, "rapportera 6 1")
    assert district_goal.endswith("Be styrelsen att utse dig (ansvarig 6 @ditt namn).")
    assert await new.say(KIM, "report 3 1 for Krokom", locale="en-US") == (
        "You can only report for your own branch (Östersund); that branch's chair reports for it."
    )
    await new.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    assert (await new.say(NOA, "rapportera 3 1")).startswith("Sparat #1: mål 3, 1 person för Östersund")
