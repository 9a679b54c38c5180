"""The board's quarter digest says only what happened (the world of tests/schedules/test_reporting.py: the
daily job run at a clock set by hand, its messages read from the fake Bot Connector).

What a board member means: "Jag har påmint dem som inte har rapporterat än" promises that reminders went
out; when everyone had reported, nobody was reminded and the digest says so. "ingen ordförande att
påminna" explains why a branch that has not reported was not reminded: beside a branch that reported it is
noise.
"""

from __future__ import annotations

from tests.schedules import test_reporting as reporting
from tests.schedules.test_reporting import ADELE, ADMIN, DIEGO, LEE, MEGAN, World, local

world = reporting.world


async def _board_and_two_branches(world: World) -> None:
    """Megan and Adele on the board; Lee chairs Sundsvall; Timrå's chair stepped down; nobody responsible."""
    await world.say(ADMIN, "roll styrelse @Megan Bowen @Adele Vance", mentions=(MEGAN, ADELE))
    for person, branch in ((LEE, "Sundsvall"), (DIEGO, "Timrå")):
        await world.say(ADMIN, f"roll ordförande @{person['name']} {branch} ja", mentions=(person,))
    await world.say(ADMIN, "roll bort ordförande @Diego Siciliani", mentions=(DIEGO,))
    world.clock.now = local(6, 10)
    for goal in ("1 1", "2 2", "3 klart"):
        assert (await world.say(LEE, f"rapportera {goal}")).startswith("Sparat #")
    for text in ("5 klart", "6 1200", "4 1"):
        assert (await world.say(MEGAN, f"rapportera {text}")).startswith("Sparat #")


async def test_when_everyone_has_reported_nobody_was_reminded(world: World) -> None:
    await _board_and_two_branches(world)
    for goal in ("1 1", "2 2", "3 klart"):
        assert (await world.say(MEGAN, f"rapportera {goal} för Timrå")).startswith("Sparat #")
    assert (await world.say(MEGAN, "språk svenska")).startswith("Från och med nu")
    sent = await world.run_at(local(6, 16))
    [english] = sent["adele"]
    assert "The quarter ends 30 Jun 2027. Everyone has reported, so I have reminded nobody.\n" in english
    assert "Timrå: reported on goals 1, 2, 3\n" in english, english
    [swedish] = sent["megan"]
    assert "Kvartalet slutar 30 juni 2027. Alla har rapporterat, så jag har inte påmint någon.\n" in swedish
    assert "Timrå: rapporterat på mål 1, 2, 3\n" in swedish, swedish
    assert "påmint dem" not in swedish and "no chair" not in english


async def test_a_branch_without_a_chair_not_reported_is_why_nobody_was_reminded(world: World) -> None:
    await _board_and_two_branches(world)
    assert (await world.say(MEGAN, "språk svenska")).startswith("Från och med nu")
    sent = await world.run_at(local(6, 16))
    [english] = sent["adele"]
    assert "The quarter ends 30 Jun 2027. I have reminded nobody this time (see below why).\n" in english
    assert "Timrå: not reported on goals 1, 2, 3 · no chair to remind\n" in english, english
    assert "Sundsvall: reported on goals 1, 2, 3\n" in english
    [swedish] = sent["megan"]
    assert "Jag har inte påmint någon den här gången (se nedan varför)." in swedish
    assert "Timrå: inte rapporterat på mål 1, 2, 3 · ingen ordförande att påminna\n" in swedish, swedish
