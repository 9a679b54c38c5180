"""A board imports its district's plan as it was published, in shapes the bot was not first written for:
goals in Word tables (goal | ansvarig | target | when), the same printed to PDF, goals labelled "Mål 1:" with
"Ansvarig:" under them, an English plan, and a goal whose figure the reader cannot take for a target.

What the board means: "these are our goals, with the numbers, targets and people our plan gives them; show
me what you read, and say plainly what you could not". What a member then means by `mål 3`: the plan's
third goal, its target, and whoever the plan makes responsible until the board names someone.

The real server over HTTP: Megan (board) sends the file in her personal chat as Teams does (a download URL
served from a loopback file server), reviews, corrects and imports; Noa (a member) asks about goals, in
Swedish and in English.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.fakes import activities
from tests.fakes.chat import reply_text
from tests.services.test_plan_files import as_docx
from tests.stories.conftest import MEGAN, NOA, District
from tests.test_plan_upload import files  # noqa: F401 (the loopback file server fixture)

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"


async def send_plan(
    district: District, server: dict[str, Any], name: str, data: bytes, *, locale: str = "sv-SE"
) -> str:
    """What Megan reads after sending the plan's file to the bot."""
    server["served"][name] = data
    before = len(district.connector.posted)
    url = server["url"](name)
    activity = activities.personal_file(name, url, service_url=district.connector.url, locale=locale)
    response = await district.client.post("/api/messages", json=activity)
    assert response.status in (200, 201)
    posted = await district.connector.wait_for(before + 1)
    return reply_text(posted[before].body)


async def test_goals_in_word_tables_keep_their_targets_and_the_people_the_plan_names(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """Each table row is a goal: its target from the target column, when from the when column, who from the
    Ansvarig column. The budget table is no goal, nor is the vision."""
    review = await send_plan(district, files, "plan.docx", (PLANS / "tabell_kronoberg.docx").read_bytes())
    assert (
        "1. Genomföra medlemsmöten i distriktet – minst fyra medlemsmöten per år (Hela året) — minst 4 "
        "medlemsmöten per år · ansvarig: Ordföranden"
    ) in review
    assert (
        "5. Dörrknackning i utsatta områden – 500 samtal (Augusti–september) — minst 500 samtal per år"
        in review
    )
    assert (
        "7. Kvinnor på valbar plats på listorna – 50 % (Före valet) — minst 50 % · ansvarig: Valberedningen"
        in (review)
    )
    assert "Medlemsavgifter" not in review and "Ett Kronoberg där alla" not in review
    assert "8 mål i 2 avsnitt" in review
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 8 mål")

    goal = await district.say(NOA, "mål 1")
    assert "Klart när: minst 4 medlemsmöten per år" in goal and "Ansvarig: Ordföranden" in goal
    goal = await district.say(NOA, "mål 8")
    assert "Skriva debattartiklar i lokalpressen" in goal and "minst 2 debattartiklar per månad" in goal
    english = await district.say(NOA, "goal 6", locale="en-US")
    assert "Done when: at least 1 newsletter per quarter" in english
    assert "Responsible: Kommunikatören" in english


async def test_the_same_tables_printed_to_pdf_read_the_same(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """LibreOffice's PDF of the Word file: the ruled tables are read row by row, not as running text."""
    from_word = await send_plan(district, files, "plan.docx", (PLANS / "tabell_kronoberg.docx").read_bytes())
    from_pdf = await send_plan(district, files, "plan.pdf", (PLANS / "tabell_kronoberg.pdf").read_bytes())
    assert from_pdf.replace("plan.pdf", "plan.docx") == from_word


async def test_goals_labelled_mal_n_keep_their_numbers_and_responsible_in_both_languages(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """ "Mål 1:" ... "Mål 8:" in a PDF, "Ansvarig:" on the line under some: the bot's goal 8 is the plan's
    Mål 8, and the role it names is shown until the board names a person."""
    review = await send_plan(district, files, "plan.pdf", (PLANS / "malnummer_jonkoping.pdf").read_bytes())
    assert (
        "1. Minst fyra medlemsmöten per år i varje lokalavdelning. — minst 4 medlemsmöten per år (varje "
        "partiförening) · ansvarig: Distriktsstyrelsen"
    ) in review
    assert "7. Skicka ut ett pressmeddelande varannan vecka. — minst 26 pressmeddelanden per år" in review
    assert "Ansvarig:" not in review.split("Rätta ett mål")[0].replace("ansvarig:", "")  # not a heading
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 8 mål")

    goal = await district.say(NOA, "mål 8")
    assert goal.startswith("Mål 8: Samla in 40 000 kronor till valfonden.")
    assert "Ansvarig: Kassören" in goal
    english = await district.say(NOA, "goal 7", locale="en-US")
    assert "Done when: at least 26 press releases per year" in english
    assert "Responsible: Nobody named yet" in english


async def test_an_english_plan_is_read_with_its_targets_for_english_and_swedish_readers(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """A plan written in English: its goals' targets in English words ("at least four ... per year", "from
    1500 to 2500", "by 10 percent"), whom it names responsible, and units a Swedish reader reads in
    Swedish where the glossary knows them."""
    text = (PLANS / "english_stockholm.md").read_text(encoding="utf-8")
    review = await send_plan(district, files, "plan.docx", as_docx(text), locale="en-US")
    assert (
        "1. Hold at least four members' meetings per year. — at least 4 members' meetings per year" in review
    )
    assert (
        "4. Visit all branches at least once per half-year. — at least 1 time per half-year (every branch)"
        in (review)
    )
    assert "responsible: the board" in review
    assert (
        "6. Increase the number of followers on Instagram from 1500 to 2500. — from 1,500 to 2,500" in review
    )
    assert "Goal 8 is a change in percent: how many members are there today? Write: goal 8 from NUMBER" in (
        review
    )
    # Neither is read for goals; the review names them as sections without goals.
    goals, named = review.split("Sections in which I read no goals: ")
    assert "Introduction" not in goals and "Budget" not in goals
    assert named.startswith("“Introduction”; “Vision”; “Budget”.")
    assert (await district.say(MEGAN, "plan import", locale="en-US")).startswith("Imported 9 goals")

    goal = await district.say(NOA, "goal 4", locale="en-US")
    assert "Responsible: the board" in goal and "Applies to: every branch" in goal
    swedish = await district.say(NOA, "mål 1")
    assert "Klart när: minst 4 medlemsmöten per år" in swedish


async def test_a_figure_read_as_no_target_is_named_in_the_review_and_corrected_in_one_message(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """ "Affischera på 40 platser inför valet" has a figure the reader does not take for a target: the review
    says so plainly, with the message that makes it one; after the correction the member sees that target."""
    plan = "Verksamhetsplan 2027\n\nValrörelse\n\n• Affischering på 40 platser inför valet\n• Valmöten.\n"
    review = await send_plan(district, files, "plan.txt", plan.encode())
    assert (
        "En siffra som jag inte läste som ett mål (målet läses som klart eller inte klart): mål 1 "
        "”40 platser”. Om den är målet, skriv: mål 1 mål ANTAL per år (eller per månad, per kvartal)"
    ) in review
    english = await send_plan(district, files, "plan.txt", plan.encode(), locale="en-US")
    assert (
        "A figure I did not read as a target (the goal is read as done or not done): goal 1 “40 platser”"
        in (english)
    )
    corrected = await district.say(MEGAN, "mål 1 mål 40 per år")
    assert "minst 40" in corrected and "per år" in corrected
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 2 mål")
    assert "minst 40" in await district.say(NOA, "mål 1")


async def test_a_scanned_page_in_a_pdf_is_named_in_the_review_in_both_languages(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """The goals on an image of a page cannot be read: the review says which page, and how to add them."""
    from tests.services.test_plan_shapes import _pdf_with_a_scanned_page

    data = _pdf_with_a_scanned_page()
    review = await send_plan(district, files, "plan.pdf", data)
    assert (
        "Sidan 2 i filen är en bild, utan text som jag kan läsa: mål på den finns inte med i listan. "
        "Lägg till vart och ett med: mål ny AVSNITT: TEXT"
    ) in review
    assert "2 mål i 2 avsnitt" in review
    english = await send_plan(district, files, "plan.pdf", data, locale="en-US")
    assert "Page 2 of the file is an image, without text I can read: goals on it are not in this" in english
    added = await district.say(MEGAN, "mål ny Kampanj: Knacka dörr i tre bostadsområden")
    assert "Knacka dörr i tre bostadsområden" in added
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 3 mål")
    assert "Knacka dörr i tre bostadsområden" in await district.say(NOA, "mål 3")


async def test_a_goal_the_plan_numbers_but_the_bot_did_not_read_is_named_and_added(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """The plan numbers Mål 1, 2 and 4 (Mål 3 is missing from what was read): the review names Mål 3 and
    that the plan's Mål 4 is the bot's goal 3, in both languages; after the import `mål 3` is that goal, as
    the review said."""
    plan = (
        "Verksamhetsplan 2027\n\nOrganisation\n\nMål 1: Minst fyra medlemsmöten per år.\n"
        "Mål 2: Utse en studieansvarig.\n\nMål 4: Skriva minst en insändare i månaden.\n"
    )
    english = await send_plan(district, files, "plan.txt", plan.encode(), locale="en-US")
    assert "The plan's goal 3 is not among those I read" in english
    assert "the plan's goal 4 is my goal 3" in english
    review = await send_plan(district, files, "plan.txt", plan.encode())
    assert "Planens mål 3 finns inte bland dem jag läste" in review
    assert "planens mål 4 är mitt mål 3" in review
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 3 mål")
    assert "Skriva minst en insändare i månaden" in await district.say(NOA, "mål 3")


async def test_a_plan_pasted_into_the_chat_is_read_as_its_file_would_be(district: District) -> None:
    """A board member copies the plan out of an e-mail and pastes it into the personal chat, headings and
    items with no blank lines between (as Teams keeps them): the review shows its goals, targets and the
    role it names, as for the same plan sent as a file, and a figure it cannot read is named; in English
    too. A member who pastes it is told who may import a plan; a text that names a plan but holds no goals
    is told what to write or send instead."""
    plan = (PLANS / "klistrad_gavleborg.txt").read_text(encoding="utf-8")
    # (About ten active members in a branch is a level to reach: test_targets.test_levels_people_and_counts.)
    plan += "Val\n- Ett tiotal valaffischer i varje partiförening.\n"
    english = await district.say(MEGAN, plan, locale="en-US")
    assert english.startswith("The plan as I read it: the text you pasted")
    assert "1. Hålla fyra medlemsmöten under året — at least 4 members' meetings per year" in english
    assert "responsible: styrelsen" in english and "7 goals in 4 sections" in english
    assert "goal 7 \u201cEtt tiotal valaffischer\u201d" in english
    review = await district.say(MEGAN, plan)
    assert review.startswith("Planen som jag läste den: texten du klistrade in")
    assert "4. Skicka nyhetsbrev varje månad — minst 1 nyhetsbrev per månad" in review
    read, named = review.split("Avsnitt där jag inte läste några mål: ")
    assert "Bakgrund" not in read and "300 dörrknackningar" not in review
    assert named.startswith("”Bakgrund”.")  # named, so that a goal in it would not be missed unseen
    assert "mål 7 \u201dEtt tiotal valaffischer\u201d" in review
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 7 mål")
    goal = await district.say(NOA, "mål 1")
    assert "Klart när: minst 4 medlemsmöten per år" in goal and "Ansvarig: styrelsen" in goal

    # As Teams sends a list pasted from an e-mail: HTML, a heading of goals over its items.
    html = (
        "<p>Mål för 2027</p><ul><li>Hålla fyra medlemsmöten.</li><li>Värva 20 nya medlemmar.</li>"
        "<li>Skicka nyhetsbrev varje månad.</li></ul>"
    )
    listed = await district.say(MEGAN, html, locale="en-US")
    assert "3. Skicka nyhetsbrev varje månad. — at least 1 newsletter per month" in listed
    assert "3 goals in 1 section" in listed

    assert "styrelsen" in (await district.say(NOA, plan)).lower()  # only the board imports a plan
    # A command whose text names the plan over several lines is that command, not a pasted plan.
    command = "hjälp\nVerksamhetsplan 2027\n- Hålla fyra möten\n- Värva 20 medlemmar\n"
    assert "Planen som jag läste den" not in await district.say(MEGAN, command)
    nothing = await district.say(MEGAN, "Verksamhetsplan 2027\nVi ses i vår.\nHälsningar\nStyrelsen\n")
    assert nothing.startswith("Jag hittade inga mål i texten du klistrade in")


async def test_goals_given_field_by_field_and_tables_by_area_in_word_and_libreoffice(
    district: District,
    files: dict[str, Any],  # noqa: F811
) -> None:
    """ "Mål: … / Aktivitet: … / Ansvar: … / Tidplan: … / Uppföljning: …" in a Word file: one goal each, the
    role the plan names as responsible, "Uppföljning: … varje kvartal" no target. A table of goals by area
    saved in LibreOffice (.odt): the areas are the sections, each goal with its activity and whom it names,
    the budget no goal; in English too."""
    review = await send_plan(district, files, "plan.docx", (PLANS / "falt_orebro.docx").read_bytes())
    # The district's figure, not each branch's: the activity in every branch is how it is reached.
    assert (
        "1. Öka antalet medlemmar från 700 till 800 (Under våren) – Aktivitet: Värvningskampanj i varje "
        "lokalavdelning. — från 700 till 800 medlemmar · ansvarig: Medlemsansvarig"
    ) in review
    read, named = review.split("Avsnitt där jag inte läste några mål: ")
    assert "kvartal" not in read and "Uppföljning" not in read and "Bakgrund" not in read
    assert named.startswith("”Bakgrund”.")
    assert "6 mål i 3 avsnitt" in review

    review = await send_plan(district, files, "plan.odt", (PLANS / "omraden_gavleborg.odt").read_bytes())
    assert review.startswith("Planen som jag läste den: plan.odt")
    assert (
        "3. Synas mer i lokalmedia (Löpande) – Aktivitet: Skriva en insändare varannan månad — minst 6 "
        "insändare per år · ansvarig: Pressansvarig"
    ) in review
    assert "5 mål i 3 avsnitt" in review and "Partistöd" not in review
    english = await send_plan(
        district, files, "plan.odt", (PLANS / "omraden_gavleborg.odt").read_bytes(), locale="en-US"
    )
    assert "5 goals in 3 sections" in english and "responsible: Studieorganisatören" in english
    assert (await district.say(MEGAN, "plan importera")).startswith("Importerade 5 mål")
    goal = await district.say(NOA, "mål 4")
    assert "Nå 3 000 följare på Instagram" in goal and "Ansvarig: Kommunikatören" in goal
    assert "Kommunikation" in goal
