"""Branches are a list the board keeps, roles are exact, and chairs see their own branch (issue 19).

Sundsvall, Härnösand and Timrå are the district's branches; Kim, Lee and Sam chair them. Megan is an admin
and on the board.
"""

from __future__ import annotations

import pytest

from tests.stories.conftest import ANNA, JOHANNES, KIM, LEE, MEGAN, NOA, District


async def test_a_branch_is_found_whatever_the_case_accents_or_a_small_slip(district: District) -> None:
    answer = await district.say(MEGAN, "roll ordförande @Noa Holm sundsvall", mentions=((NOA, "Noa Holm"),))
    assert answer.startswith("Noa Holm är nu ordförande i Sundsvall. Kim Berg är också")
    assert (await district.say(NOA, "status harnosand")).startswith("Så går det för Härnösand")
    assert (await district.say(NOA, "status Sundsval")).startswith("Så går det för Sundsvall")
    listing = await district.say(NOA, "partiföreningar")
    assert listing.splitlines()[1:] == [
        "• Härnösand: Lee Gu",
        "• Sundsvall: Kim Berg, Noa Holm",
        "• Timrå: Sam Ek",
    ]


async def test_a_new_branch_is_confirmed_before_it_is_made(district: District) -> None:
    asked = await district.say(MEGAN, "roll ordförande @Noa Holm Kramfors", mentions=((NOA, "Noa Holm"),))
    assert asked == (
        "Ny partiförening ”Kramfors”? Det finns Härnösand, Sundsvall, Timrå. "
        "Skriv så här för att lägga till den: roll ordförande @Noa Holm Kramfors ja"
    )
    assert "Kramfors" not in await district.say(NOA, "partiföreningar")
    made = await district.say(MEGAN, "roll ordförande @Noa Holm Kramfors ja", mentions=((NOA, "Noa Holm"),))
    assert made == "Noa Holm är nu ordförande i Kramfors."
    english = await district.say(
        MEGAN, "role chair @Noa Holm Ånge", locale="en-US", mentions=((NOA, "Noa Holm"),)
    )
    assert english.startswith("New branch “Ånge”? Branches: Härnösand, Kramfors, Sundsvall, Timrå.")


async def test_an_unknown_branch_in_a_report_is_refused_with_the_list(district: District) -> None:
    answer = await district.say(MEGAN, "rapportera 3 1 för Umeå")
    assert answer == (
        "Det finns ingen partiförening som heter ”Umeå”. Partiföreningar: Härnösand, Sundsvall, Timrå. "
        "Inget sparades; styrelsen lägger till en partiförening med: partiföreningar lägg till NAMN"
    )
    english = await district.say(MEGAN, "report 3 1 for Umeå", locale="en-US")
    assert english.startswith("There is no branch called “Umeå”. Branches: Härnösand, Sundsvall, Timrå.")
    assert district.reports() == []
    assert "mål 3, 1 person för Sundsvall" in await district.say(MEGAN, "rapportera 3 1 för sundsvall")


async def test_the_board_adds_renames_merges_and_removes_branches_keeping_history(district: District) -> None:
    assert "bara styrelsen" in (await district.say(KIM, "partiföreningar lägg till Ånge")).lower()
    assert (await district.say(ANNA, "partiföreningar lägg till Ånge")).startswith("Lade till Ånge.")
    close = await district.say(ANNA, "partiföreningar lägg till Sundvall")
    assert close == (
        "”Sundvall” liknar Sundsvall. Skriv så här för att ändå lägga till den: "
        "partiföreningar lägg till Sundvall ja"
    )
    assert (await district.say(ANNA, "partiföreningar byt namn Ånge till Ånge-Torpshammar")) == (
        "Ånge heter nu Ånge-Torpshammar; rapporterna och ordförandena följer med."
    )
    assert "mål 3, 1 person för Timrå" in await district.say(MEGAN, "rapportera 3 1 för Timrå")
    merged = await district.say(ANNA, "partiföreningar slå ihop Timrå med Sundsvall")
    assert merged == "Slog ihop Timrå med Sundsvall: 1 rapport och 1 ordförande flyttades till Sundsvall."
    assert [r.branch for r in district.reports()] == ["Sundsvall"]  # the report is kept, now Sundsvall's
    assert "• Sundsvall: Kim Berg, Sam Ek" in await district.say(NOA, "partiföreningar")
    kept = await district.say(ANNA, "branches remove Sundsvall", locale="en-US")
    assert kept.startswith("Sundsvall has 1 report, kept as history: merge it into another branch instead")
    assert (await district.say(ANNA, "branches remove Ånge-Torpshammar", locale="en-US")) == (
        "Removed Ånge-Torpshammar; its chairs no longer chair it."
    )


async def test_a_shortened_mention_is_removed_as_teams_wrote_it(district: District) -> None:
    answer = await district.say(
        MEGAN, "roll ordförande @Johannes Härnösand", mentions=((JOHANNES, "Johannes"),)
    )
    assert answer.startswith("Johannes Ström är nu ordförande i Härnösand. Lee Gu är också")
    assert "Johannes Härnösand" not in await district.say(NOA, "partiföreningar")


async def test_giving_and_taking_roles_says_exactly_what_changed(district: District) -> None:
    assert await district.say(MEGAN, "roll bort styrelse @Noa Holm", mentions=((NOA, "Noa Holm"),)) == (
        "Noa Holm satt inte i styrelsen."
    )
    await district.say(MEGAN, "roll ordförande @Kim Berg Timrå", mentions=((KIM, "Kim Berg"),))
    taken = await district.say(MEGAN, "roll bort ordförande @Kim Berg", mentions=((KIM, "Kim Berg"),))
    assert taken == (  # Sam still chairs Timrå; Sundsvall has nobody now
        "Kim Berg är inte längre ordförande i Sundsvall och Timrå. Sundsvall har ingen ordförande nu. "
        "En administratör utser en ny ordförande med: roll ordförande @namn Sundsvall"
    )
    again = await district.say(
        MEGAN, "role remove chair @Kim Berg", locale="en-US", mentions=((KIM, "Kim Berg"),)
    )
    assert again == "Kim Berg did not chair any branch."
    unknown = await district.say(MEGAN, "roll kassör @Noa Holm", mentions=((NOA, "Noa Holm"),))
    assert unknown.startswith("”kassör” är ingen roll. Roller: styrelse, ordförande")


async def test_responsible_people_are_named_in_the_singular_or_plural_and_goal_99_is_unknown(
    district: District,
) -> None:
    noa, lee = (NOA, "Noa Holm"), (LEE, "Lee Gu")
    assert await district.say(MEGAN, "ansvarig 99 @Noa Holm", mentions=(noa,)) == (
        "Det finns inget mål 99; planen har mål 1–24."
    )
    assert await district.say(MEGAN, "ansvarig 12 @Noa Holm", mentions=(noa,)) == (
        "Noa Holm är nu ansvarig för mål 12."
    )
    assert await district.say(MEGAN, "ansvarig 10 @Noa Holm @Lee Gu", mentions=(noa, lee)) == (
        "Noa Holm och Lee Gu är nu ansvariga för mål 10."
    )
    assert await district.say(MEGAN, "responsible 12 @Noa Holm", locale="en-US", mentions=(noa,)) == (
        "Noa Holm was already responsible for goal 12."
    )


async def test_a_chair_sees_their_own_branch_and_names_a_deputy_who_reports_for_it(
    district: District,
) -> None:
    await district.say(KIM, "rapportera 3 1 Zetkin-grupp")
    own = await district.say(KIM, "status")
    assert own.startswith("Så går det för Sundsvall")
    assert "3. ▰▰▰▰▰▰▰▰▰▰ 1 av 1 person utsedd · klart" in own
    assert (await district.say(KIM, "status distriktet")).startswith("Så går planen")
    named = await district.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    assert named == "Noa Holm är nu ersättare för ordföranden i Sundsvall och rapporterar för föreningen."
    stored = await district.say(NOA, "report 3 2 two more", locale="en-US")
    assert "goal 3, 2 people for Sundsvall" in stored
    assert (await district.say(NOA, "status")).startswith("Så går det för Sundsvall")
    assert "Ersättare: Noa Holm (Sundsvall)" in await district.say(LEE, "roller")
    assert "Noa Holm är inte längre ersättare i Sundsvall." == await district.say(
        KIM, "ersättare bort @Noa Holm", mentions=((NOA, "Noa Holm"),)
    )


async def test_a_chair_sees_and_exports_their_branchs_reports(district: District) -> None:
    await district.say(KIM, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))
    await district.say(NOA, "rapportera 3 1 Zetkin-grupp")
    await district.say(LEE, "rapportera 3 1 Zetkin-grupp")
    mine = await district.say(KIM, "mina rapporter")
    assert mine.startswith("De senaste rapporterna från dig och Sundsvall")
    assert "Sundsvall" in mine and "Härnösand" not in mine
    link = await district.say(KIM, "exportera")
    assert "Sundsvall" in link and "1 rapport" in link
    assert (await district.say(KIM, "export Härnösand", locale="en-US")) == (
        "You can export only your own branch's reports: write export Sundsvall"
    )
    assert "Alla rapporter: 2 rapporter." in await district.say(MEGAN, "exportera")


@pytest.mark.parametrize(
    ("merge", "locale", "expected"),
    [
        (
            "partiföreningar slå ihop Ånge med Timrå",
            "sv-SE",
            "Slog ihop Ånge med Timrå. Ånge hade inga rapporter och ingen ordförande.",
        ),
        (
            "branches merge Ånge into Timrå",
            "en-US",
            "Merged Ånge into Timrå. Ånge had no reports and no chair.",
        ),
    ],
)
async def test_a_merge_says_only_what_it_moved(
    district: District, merge: str, locale: str, expected: str
) -> None:
    """What a board member means: "0 rapporter och ordförandena flyttades" claims chairs moved that Ånge
    never had; the answer says what moved, or that there was nothing to move."""
    assert (await district.say(ANNA, "partiföreningar lägg till Ånge")).startswith("Lade till Ånge.")
    assert await district.say(ANNA, merge, locale=locale) == expected


async def test_a_merge_of_a_branch_with_a_chair_but_no_reports(district: District) -> None:
    merged = await district.say(ANNA, "branches merge Timrå into Sundsvall", locale="en-US")
    assert merged == "Merged Timrå into Sundsvall: 1 chair moved to Sundsvall."
