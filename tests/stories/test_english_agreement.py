"""Every English sentence with a number agrees with it: "1 of 3 branches has reached its target", "2 of 3
branches have reached their target". Many Swedes run Teams in English; a board that reads "1 of 3 branches
have" reads a bot that was not written for them. Swedish says the same thing for both ("har nått sitt mål").

Goal 3 is every branch's (one person named in each); Kim chairs Sundsvall, Lee Härnösand.
"""

from __future__ import annotations

from tests.stories.conftest import KIM, LEE, MEGAN, District


async def test_the_verb_agrees_with_the_branches_that_reached_it(district: District) -> None:
    """One branch that has reached its target "has"; two "have"; the noun follows how many there are."""
    await district.say(KIM, "report 3 1", locale="en-US")
    for asked in ("status", "goal 3", "follow-up"):
        answer = await district.say(MEGAN, asked, locale="en-US")
        assert "1 of 3 branches has reached its target" in answer, (asked, answer)
        assert "branches have reached" not in answer.split("→")[-1], (asked, answer)
    swedish = await district.say(MEGAN, "status", locale="sv-SE")
    assert "1 av 3 partiföreningar har nått sitt mål" in swedish
    await district.say(LEE, "report 3 1", locale="en-US")
    answer = await district.say(MEGAN, "goal 3", locale="en-US")
    assert "2 of 3 branches have reached their target" in answer, answer
    assert "2 av 3 partiföreningar har nått sitt mål" in await district.say(MEGAN, "mål 3", locale="en-US")


async def test_the_banks_english_examples_are_english_and_work(district: District) -> None:
    """An English hint names the priority area in English ("feminism", "climate"), not Swedish
    ("feministisk", "miljö"), and the example it gives is one the bot takes."""
    empty = await district.say(MEGAN, "bank", locale="en-US")
    assert "bank add feminism: YOUR QUESTION" in empty, empty
    hint = await district.say(MEGAN, "bank add", locale="en-US")
    assert "bank add climate: What should our municipality do?" in hint, hint
    added = await district.say(MEGAN, "bank add climate: What should our municipality do?", locale="en-US")
    assert added == "Added to the bank as number 1.", added
    bank = await district.say(MEGAN, "bank", locale="en-US")
    assert "What should our municipality do?" in bank and "miljö" not in bank, bank
