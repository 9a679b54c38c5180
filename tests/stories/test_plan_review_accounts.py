"""A board imports a plan in a shape the reader takes apart: numbered goals with bullets under them saying
how each is reached, a vision and priorities beside the activities, annexes, and a plan written in two
languages.

What the board means by "show me what you read": every goal, and plainly what was not taken for one and
where it stood, so that nothing the plan asks for is lost unseen. The bullets under "1.1 …" are how goal 1
is reached (not goals of their own, named under goal 1); a vision, a budget or last year's report are
sections without goals, named by their headings. A member who reads the bot in English gets the plan's own
English wording of a goal where the plan gives one.

The real server over HTTP: Megan (board) sends the file in her personal chat as Teams does, reviews in
Swedish or English and imports; Noa (a member) asks about a goal in English.
"""

from __future__ import annotations

from typing import Any

from tests.services.plan_corpus import FILES, lund_vision_docx
from tests.stories.conftest import MEGAN, NOA, District
from tests.stories.test_plan_shapes import send_plan
from tests.test_plan_upload import files  # noqa: F401 (the loopback file server fixture)


async def test_how_a_goal_is_reached_is_named_under_it_not_lost_in_swedish_and_english(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    plan = (FILES / "gotaland_bokstaver.txt").read_bytes()
    review = await send_plan(district, files, "plan.txt", plan)
    assert "1. Alla lokalavdelningar ska hålla minst två medlemsmöten per termin." in review
    assert "4. Öka antalet följare på Instagram från 1 200 till 2 000." in review
    assert (
        "Under mål 1 står hur målet ska nås; det läste jag inte som egna mål: Distriktet tar fram en mall "
        "för kallelser; Lokalavdelningarna rapporterar sina möten till kansliet. Om något av det är ett mål, "
        "lägg till det med: mål ny Organisation: TEXT"
    ) in review
    assert "Under mål 4 står hur målet ska nås" in review and "Publicera två inlägg i veckan" in review
    assert "4 mål i 2 avsnitt" in review

    english = await send_plan(district, files, "plan.txt", plan, locale="en-US")
    assert (
        "Under goal 2 the plan says how it is to be reached; I did not read that as goals of their own: "
        "Ringkampanj i februari; Värvningsbord på kulturkalaset i Göteborg. If one of them is a goal, add it "
        "with: goal new Organisation: TEXT"
    ) in english

    # The board adds one of them after all: the review's hint is a command that works.
    added = await district.say(MEGAN, "mål ny Kommunikation: Publicera två inlägg i veckan")
    assert "5. Publicera två inlägg i veckan — minst 2 inlägg per vecka" in added
    assert (
        "Under mål 4 står hur målet ska nås; det läste jag inte som egna mål: Låta lokalavdelningarna ta "
        "över kontot en vecka var."
    ) in added  # what the board has made a goal is no longer named as how
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 5 mål")


async def test_sections_without_goals_are_named_so_a_missed_goal_is_seen(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """Only the activities are goals; the vision, the priorities and how the plan is followed up are
    named as sections in which no goal was read (the priorities are also the plan's areas)."""
    review = await send_plan(district, files, "plan.docx", lund_vision_docx())
    assert "1. Hålla fyra öppna möten om klimatet under året" in review
    assert "2. Dela ut flygblad på Mårtenstorget varje lördag — minst 1 per vecka" in review
    assert (
        "Avsnitt där jag inte läste några mål: ”Vision”; ”Prioriteringar”; ”Uppföljning”. Om något av dem "
        "har mål, lägg till vart och ett med: mål ny AVSNITT: TEXT"
    ) in review
    english = await send_plan(district, files, "plan.docx", lund_vision_docx(), locale="en-US")
    assert "Sections in which I read no goals: “Vision”; “Prioriteringar”; “Uppföljning”." in english


async def test_a_plan_in_two_languages_gives_english_readers_its_own_english(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """Each goal in Swedish with its English under it: one goal each, not two; the heading "Medlemmar /
    Members" is a heading (not a web page's breadcrumbs)."""
    review = await send_plan(district, files, "plan.md", (FILES / "stockholm_tvasprakig.md").read_bytes())
    assert "Medlemmar / Members" in review and "4 mål i 2 avsnitt" in review
    assert "Hold a members' meeting" not in review  # the review shows the plan's Swedish
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 4 mål")

    assert (await district.say(NOA, "mål 3")).startswith("Mål 3: Knacka dörr i Husby och Rinkeby")
    english = await district.say(NOA, "goal 3", locale="en-US")
    assert english.startswith("Goal 3: Knock on doors in Husby and Rinkeby twice a term.")
    assert "Responsible: Kampanjgruppen" in english
