"""Public holidays in the schedule's answer, through the real server (the world of
tests/schedules/test_prompt_stories.py: Megan, Adele, Lars and Jonas on the board).

What a board member means: after "schema 24 och 31 kl 18" in November, a list with only 24 November looks
broken unless it says why: julafton and nyårsafton are skipped as holidays (the `holidays` library). The
answer names the days the rule skips among those it lists, in the reader's language. And a time the bot
cannot keep is refused with the hours to avoid, as a clock shows them.
"""

from __future__ import annotations

from tests.schedules import test_prompt_stories as stories
from tests.schedules.test_prompt_stories import ADELE, GENERAL, MEGAN, World

world = stories.world


async def test_the_holidays_a_rule_skips_are_named_in_swedish(world: World) -> None:
    answer = await world.say(MEGAN, "schema 24 och 31 kl 18", channel=GENERAL)
    assert (
        "\nInga inlägg på helgdagar (vanliga söndagar räknas inte), midsommarafton, julafton eller "
        "nyårsafton, så inget på julafton 24 december och nyårsafton 31 december. " in answer
    ), answer
    assert [(s.due_at.day, s.due_at.month) for s in world.slots()] == [(24, 11)]
    night = await world.say(MEGAN, "schema 24 och 31 kl 0.30", channel=GENERAL)
    assert night.startswith(
        "”0.30” är mitt i natten, en tid jag inte kan hålla de nätter då klockan ställs om; "
        "välj en tid utanför 00.00–00.59 och 02.00–02.59."
    ), night
    moved = await world.say(MEGAN, "schema 24 och 31 kl 18 helgdagar flyttas", channel=GENERAL)
    assert "så inget på" not in moved
    assert "publiceras i stället nästa arbetsdag, måndag–fredag" in moved, moved


async def test_the_holidays_a_rule_skips_are_named_in_english(world: World) -> None:
    answer = await world.say(ADELE, "schedule 1 and 6 at 18", channel=GENERAL, locale="en-US")
    assert (
        "\nNo prompts on public holidays, Midsummer Eve, Christmas Eve or New Year's Eve, so none on New "
        "Year's Day 1 January and Epiphany 6 January. " in (answer)
    ), answer
    plain = await world.say(ADELE, "schedule 2 and 16 at 18", channel=GENERAL, locale="en-US")
    assert (
        "\nNo prompts on public holidays, Midsummer Eve, Christmas Eve or New Year's Eve. "
        "To post on the next weekday instead" in plain
    ), plain
    night = await world.say(ADELE, "schedule 2 and 16 at 2am", channel=GENERAL, locale="en-US")
    assert night.startswith("“2am” is in the night, at an hour I cannot keep on the nights the clocks change")


async def test_the_months_holidays_leave_short_are_named_when_the_schedule_is_set(world: World) -> None:
    """ "1 och 15 kl 18" skips New Year's Day and 1 May: January and May get one prompt, fewer than the
    plan's two a month, and the board is told so when it sets the schedule, as a pause's answer does.
    Moving holidays to the next weekday keeps two."""
    answer = await world.say(MEGAN, "schema 1 och 15 kl 18", channel=GENERAL)
    assert (
        "\nObs! Planen kräver inlägg minst två gånger i månaden, och när helgdagarna hoppas över får kanalen "
        "1 inlägg i januari 2027 och 1 inlägg i maj 2027.\n" in answer
    ), answer
    moved = await world.say(ADELE, "schedule 1 and 15 at 18 move holidays", channel=GENERAL, locale="en-US")
    assert "twice a month" not in moved, moved


async def test_the_words_for_holidays_say_what_is_skipped_and_sundays_are_not(world: World) -> None:
    """A Swede reads "helgdagar" as every Sunday too (the law's "allmänna helgdagar" counts them), and
    "vardag" as Saturday too; the rule skips the public holidays and three eves (schedule_rules.is_holiday)
    and moves to Monday to Friday. So a Sunday rule posts on ordinary Sundays, skips only the holidays
    among them, and the words say exactly that; a holiday moved goes to the next Monday to Friday."""
    sundays = await world.say(MEGAN, "schema varje söndag kl 18", channel=GENERAL)
    assert "Inga inlägg på helgdagar (vanliga söndagar räknas inte), midsommarafton," in sundays, sundays
    assert "söndag 29 november kl. 18.00" in sundays and "söndag 6 december kl. 18.00" in sundays, sundays
    moved = await world.say(ADELE, "schedule 24 and 31 at 18 move holidays", channel=GENERAL, locale="en-US")
    assert (
        "A prompt due on a public holiday, Midsummer Eve, Christmas Eve or New Year's Eve is posted on the "
        "next weekday (Monday to Friday) instead." in moved
    ), moved
    # julafton (Thursday) and juldagen and annandag jul after it: the Monday after, not the Saturday
    assert "Monday 28 December at 18:00" in moved, moved
