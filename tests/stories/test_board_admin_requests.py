"""The board's and the chairs' administration as they write it: roles given in their own words, exports
asked for in a sentence, and who may do what said plainly.

Megan is an administrator and on the board, Anna on the board, Kim chairs Sundsvall, Lee Härnösand, Sam
Timrå; Noa is a member. The clock is 22 November 2026 (tests/conftest.py NOW), set on the district.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.stories.conftest import ANNA, DISTRICT, JOHANNES, KIM, LEE, MEGAN, NOA, SAM, District, Someone

NOVEMBER = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
ERIK = Someone("29:erik", "aad-erik", "Erik Svensson")
OTHER_ERIK = Someone("29:erik-2", "aad-erik-2", "Erik Svensson")
ODD_NAMES = ("*Anna*", "<b>Erik</b>", "Anna_Lisa", "O'Brien", "Åsa-Märta", "=cmd|' /C calc'!A0")


async def test_an_export_asked_for_in_a_sentence_exports_what_the_writer_may(district: District) -> None:
    """A chair who writes "exportera rapporterna" means their branch's reports, and a board member who
    writes "export as excel" means all of them: the words name what is exported and how, not a branch.
    A chair asking for another branch is told which command gives theirs."""
    district.clock.now = NOVEMBER
    assert "mål 3" in await district.say(KIM, "rapportera 3 1 möte")
    kims = await district.say(KIM, "exportera rapporterna")
    assert kims.startswith("Rapporter som kalkylblad\nSundsvall: 1 rapport.\nhttp"), kims
    assert "/exports/" in await district.say(KIM, "exportera alla rapporter som excel")
    boards = await district.say(ANNA, "export as excel", locale="en-US")
    assert boards.startswith("Reports as a spreadsheet\nAll reports: 1 report.\nhttp"), boards
    sundsvall = await district.say(ANNA, "export the reports for Sundsvall", locale="en-US")
    assert "Sundsvall: 1 report." in sundsvall
    assert (await district.say(KIM, "exportera rapporterna för Timrå")) == (
        "Du kan bara exportera rapporterna för din egen partiförening: skriv exportera Sundsvall"
    )
    assert (await district.say(KIM, "export Timrå", locale="en-US")) == (
        "You can export only your own branch's reports: write export Sundsvall"
    )
    withdrawn = await district.say(ANNA, "exportera tillbakadragna")
    assert withdrawn.startswith(
        "Rapporter som kalkylblad\nAlla rapporter, tillbakadragna medräknade: 1 rapport."
    )
    withdrawn = await district.say(ANNA, "export withdrawn", locale="en-US")
    assert withdrawn.startswith("Reports as a spreadsheet\nAll reports, withdrawn ones included: 1 report.")
    refused = await district.say(NOA, "exportera rapporterna")
    assert refused.startswith("Det kan bara partiföreningarnas ordförande, styrelsen och administratörer")


async def test_a_role_given_or_taken_in_a_sentence_is_the_role_command(district: District) -> None:
    """An administrator writes as they speak: "gör @Noa till ordförande i Sundsvall", "lägg till @Erik i
    styrelsen", "@Noa är inte längre ordförande i Sundsvall", "make @Erik chair of Timrå". Each does what
    `roll` does, says so in the writer's language, and a person mentioned first is not taken for the bot."""
    district.clock.now = NOVEMBER
    noa = ((NOA, "Noa Holm"),)
    erik = ((ERIK, "Erik Svensson"),)
    given = await district.say(MEGAN, "gör @Noa Holm till ordförande i Sundsvall tack", mentions=noa)
    assert given.startswith(
        "Noa Holm är nu ordförande i Sundsvall. Kim Berg är också ordförande i Sundsvall."
    )
    assert (await district.say(MEGAN, "lägg till @Erik Svensson i styrelsen", mentions=erik)) == (
        "Erik Svensson sitter nu i styrelsen."
    )
    assert "Styrelsen: Anna Lind, Erik Svensson, Megan Bowen" in await district.say(NOA, "roller")
    assert (await district.say(MEGAN, "ta bort @Erik Svensson ur styrelsen", mentions=erik)) == (
        "Erik Svensson sitter inte längre i styrelsen."
    )
    assert (await district.say(MEGAN, "@Noa Holm är inte längre ordförande i Sundsvall", mentions=noa)) == (
        "Noa Holm är inte längre ordförande i Sundsvall."
    )
    made = await district.say(MEGAN, "make @Erik Svensson chair of Timrå", locale="en-US", mentions=erik)
    assert made.startswith("Erik Svensson is now chair of Timrå. Sam Ek also chairs Timrå.")
    assert (
        await district.say(MEGAN, "remove @Erik Svensson as chair of Timrå", locale="en-US", mentions=erik)
    ) == ("Erik Svensson no longer chairs Timrå.")
    assert (await district.say(MEGAN, "add @Erik Svensson to the board", locale="en-US", mentions=erik)) == (
        "Erik Svensson is now on the board."
    )
    assert (
        await district.say(MEGAN, "@Erik Svensson is no longer on the board", locale="en-US", mentions=erik)
    ) == ("Erik Svensson is no longer on the board.")
    assert (await district.say(MEGAN, "gör mig till ordförande i Timrå")).startswith(
        "Megan Bowen är nu ordförande i Timrå."
    )


async def test_a_name_typed_not_picked_is_answered_with_the_line_to_write(district: District) -> None:
    """A name typed after "@" (or without one) is no Teams mention: nobody can be given a role by it, and the
    answer says how to pick them, then the very line to send."""
    assert (await district.say(MEGAN, "gör Anna till ordförande i Sundsvall")) == (
        "Nämn personen: skriv @ och välj hen i listan som Teams visar. "
        "Skriv sedan: roll ordförande @Anna Sundsvall"
    )
    assert (await district.say(MEGAN, "add Erik to the board", locale="en-US")) == (
        "Mention the person: type @ and pick them from the list Teams shows. Then write: role board @Erik"
    )
    assert (await district.say(MEGAN, "roll styrelse @Erik")).endswith("Skriv sedan: roll styrelse @Erik")


async def test_someone_asking_for_a_role_they_may_not_give_is_told_who_gives_it(district: District) -> None:
    """A chair who asks to be made a board member, or a member to be put on the board, is told that only an
    administrator gives roles, and who they are; nothing changes."""
    for who in (KIM, NOA, ANNA):
        assert (await district.say(who, "gör mig till styrelseledamot")) == (
            "Det kan bara en administratör göra. Fråga någon av dem: Megan Bowen."
        )
    assert (await district.say(KIM, "make me a board member", locale="en-US")) == (
        "Only an administrator can do that. Ask one of them: Megan Bowen."
    )
    assert "Styrelsen: Anna Lind, Megan Bowen\n" in await district.say(NOA, "roller")


async def test_a_swedish_word_is_never_taken_for_a_mistyped_english_command(district: District) -> None:
    """ "lägg till Sundsvall" is Swedish: the answer is Swedish, and does not suggest `language`."""
    answer = await district.say(MEGAN, "lägg till Sundsvall")
    assert answer == "Jag känner inte till kommandot ”lägg”. Skriv hjälp för att se vad jag kan göra."


async def test_my_data_names_each_role_as_it_is(district: District) -> None:
    """A deputy who asks what the bot knows about them is told they are deputy for their branch's chair,
    not a board member; a chair of two branches sees both, each once, in plain words."""
    district.clock.now = NOVEMBER
    await district.say(KIM, "ersättare @Johannes Ström", mentions=((JOHANNES, "Johannes Ström"),))
    theirs = await district.say(JOHANNES, "vad vet du om mig?")
    assert f"\nRoller: ersättare för ordföranden i Sundsvall ({DISTRICT})\n" in theirs
    assert f"\nRoles: deputy for the chair of Sundsvall ({DISTRICT})\n" in await district.say(
        JOHANNES, "my data", locale="en-US"
    )
    await district.say(MEGAN, "roll ordförande @Kim Berg Härnösand", mentions=((KIM, "Kim Berg"),))
    kims = await district.say(KIM, "mina uppgifter")
    assert "\nDistrikt vars team du har skrivit i: –\n" in kims  # he has not written in the team
    assert f"\nRoller: ordförande i Sundsvall ({DISTRICT}); ordförande i Härnösand ({DISTRICT})\n" in kims


async def test_asked_who_chairs_a_branch_the_answer_is_that_branchs(district: District) -> None:
    """ "Vem är ordförande i Sundsvall?" asks about Sundsvall: its chairs and deputy, not every role in the
    district. A question naming no branch still gets the whole list."""
    await district.say(KIM, "ersättare @Johannes Ström", mentions=((JOHANNES, "Johannes Ström"),))
    assert (await district.say(NOA, "vem är ordförande i Sundsvall?")) == (
        "Ordförande i Sundsvall: Kim Berg\nErsättare: Johannes Ström"
    )
    await district.say(MEGAN, "roll ordförande @Noa Holm Timrå", mentions=((NOA, "Noa Holm"),))
    assert (await district.say(NOA, "who chairs timra?", locale="en-US")) == (
        "Chairs of Timrå: Noa Holm and Sam Ek"
    )
    assert (await district.say(NOA, "roller Härnösand")) == "Ordförande i Härnösand: Lee Gu"
    everyone = await district.say(NOA, "vem sitter i styrelsen?")
    assert everyone.startswith("Styrelsen: Anna Lind, Megan Bowen\nOrdförande i partiföreningarna: Kim Berg")


async def test_a_member_naming_an_unknown_district_is_told_which_one_they_are_answered_about(
    district: District,
) -> None:
    """A member of the one district who writes "distrikt Skåne" is told there is no such district and which
    one the bot answers them about, not to import a plan from the command line."""
    assert (await district.say(NOA, "distrikt Skåne")) == (
        f"Jag känner inte till något distrikt som heter ”Skåne”. Jag svarar dig om {DISTRICT}."
    )
    assert (await district.say(NOA, "district Skåne", locale="en-US")) == (
        f"I know no district called “Skåne”. I answer you about {DISTRICT}."
    )


async def test_two_people_with_one_name_are_both_kept_and_the_administrator_is_warned(
    district: District,
) -> None:
    """Two members are called Erik Svensson. The roles list can only show their names, so whoever gives the
    second a role is told, with the line that undoes it if they picked the wrong Erik. A chair of the same
    name is still named as the other chair of the branch."""
    erik, namesake = ((ERIK, "Erik Svensson"),), ((OTHER_ERIK, "Erik Svensson"),)
    assert (await district.say(MEGAN, "roll styrelse @Erik Svensson", mentions=erik)) == (
        "Erik Svensson sitter nu i styrelsen."
    )
    assert (await district.say(MEGAN, "roll styrelse @Erik Svensson", mentions=namesake)) == (
        "Erik Svensson sitter nu i styrelsen. "
        "Obs: någon annan som heter Erik Svensson har också en roll här. "
        "Om du valde fel person: skriv roll bort styrelse @Erik Svensson (välj hen i listan som Teams visar) "
        "och ge sedan rollen till rätt person."
    )
    assert "Styrelsen: Anna Lind, Erik Svensson 1, Erik Svensson 2, Megan Bowen" in await district.say(
        NOA, "roller"
    )
    await district.say(MEGAN, "roll ordförande @Erik Svensson Timrå", mentions=erik)
    chair = await district.say(MEGAN, "role chair @Erik Svensson Timrå", locale="en-US", mentions=namesake)
    assert chair == (
        "Erik Svensson is now chair of Timrå. Note: someone else called Erik Svensson has a role here too. "
        "If you picked the wrong person, write role remove chair @Erik Svensson Timrå (picking them from the "
        "list Teams shows), then give the role to the right one. Erik Svensson and Sam Ek also chair Timrå. "
        "If that has changed, write: role remove chair @Erik Svensson"
    )
    deputy = await district.say(SAM, "ersättare @Erik Svensson", mentions=namesake)
    assert deputy.endswith(
        "Om du valde fel person: skriv ersättare bort @Erik Svensson (välj hen i listan som "
        "Teams visar) och ge sedan rollen till rätt person."
    )


async def test_a_role_command_missing_a_part_asks_for_it_with_the_persons_own_line(
    district: District,
) -> None:
    """ "roll bort @Johannes" names no role, "role chair @Johannes" no branch: the answer asks for what is
    missing with lines for Johannes himself, not for an example person."""
    johannes = ((JOHANNES, "Johannes Ström"),)
    assert (await district.say(MEGAN, "roll bort @Johannes Ström", mentions=johannes)) == (
        "Vilken roll ska Johannes Ström inte längre ha? "
        "Skriv till exempel: roll bort styrelse @Johannes Ström, roll bort ordförande @Johannes Ström "
        "eller roll bort ersättare @Johannes Ström."
    )
    assert (await district.say(MEGAN, "roll @Johannes Ström", mentions=johannes)) == (
        "Vilken roll? Skriv till exempel: roll styrelse @Johannes Ström, roll ordförande @Johannes Ström "
        "FÖRENING eller roll ersättare @Johannes Ström FÖRENING."
    )
    assert (await district.say(MEGAN, "role chair @Johannes Ström", locale="en-US", mentions=johannes)) == (
        "Name the branch after the person: role chair @Johannes Ström BRANCH"
    )
    assert (await district.say(MEGAN, "make @Johannes Ström deputy", locale="en-US", mentions=johannes)) == (
        "Name the branch after the person: role deputy @Johannes Ström BRANCH"
    )
    assert "Johannes" not in await district.say(NOA, "roller")  # nothing was given


async def test_a_chair_of_two_branches_is_asked_which_one_with_the_lines_to_write(district: District) -> None:
    """Kim chairs Sundsvall and Härnösand. "exportera" asks which of them (it is no refusal: he may export
    either), naming his deputy asks for which branch, and taking the deputy away needs no branch when the
    deputy is one for only one of his."""
    district.clock.now = NOVEMBER
    await district.say(MEGAN, "roll ordförande @Kim Berg Härnösand", mentions=((KIM, "Kim Berg"),))
    assert "mål 3" in await district.say(KIM, "rapportera 3 2 möte för Sundsvall")
    assert (await district.say(KIM, "exportera")) == (
        "Vilken av dina partiföreningar? Skriv exportera Härnösand eller exportera Sundsvall"
    )
    assert (await district.say(KIM, "export", locale="en-US")) == (
        "Which of your branches? Write export Härnösand or export Sundsvall"
    )
    noa = ((NOA, "Noa Holm"),)
    assert (await district.say(KIM, "ersättare @Noa Holm", mentions=noa)) == (
        "Vilken av dina partiföreningar? "
        "Skriv ersättare @Noa Holm Härnösand eller ersättare @Noa Holm Sundsvall"
    )
    assert (await district.say(KIM, "ersättare @Noa Holm Sundsvall", mentions=noa)).startswith(
        "Noa Holm är nu ersättare för ordföranden i Sundsvall"
    )
    assert (await district.say(KIM, "deputy remove @Noa Holm", locale="en-US", mentions=noa)) == (
        "Noa Holm is no longer deputy for Sundsvall."
    )


async def test_a_chair_stepping_down_is_told_who_takes_the_role_away(district: District) -> None:
    """ "Jag slutar som ordförande" is a chair leaving: only an administrator changes roles, so the chair is
    told who; an administrator who writes it about themselves is no longer chair."""
    assert (await district.say(SAM, "jag slutar som ordförande")) == (
        "Det kan bara en administratör göra. Fråga någon av dem: Megan Bowen."
    )
    assert (await district.say(SAM, "I'm stepping down as chair of Timrå", locale="en-US")) == (
        "Only an administrator can do that. Ask one of them: Megan Bowen."
    )
    await district.say(MEGAN, "roll ordförande @Megan Bowen Timrå", mentions=((MEGAN, "Megan Bowen"),))
    assert (await district.say(MEGAN, "jag avgår som ordförande i Timrå")) == (
        "Megan Bowen är inte längre ordförande i Timrå."
    )


async def test_who_gives_the_roles_and_which_language_are_answered(district: District) -> None:
    """A member asks who the administrators are (whom to ask for a role), and "byt språk" is the language
    command: what it is now and how to change it."""
    assert (await district.say(NOA, "vem är administratör?")) == (
        "Administratörer: Megan Bowen. De ger rollerna, t.ex.: roll styrelse @namn"
    )
    assert (await district.say(NOA, "who are the admins?", locale="en-US")) == (
        "Administrators: Megan Bowen. They give the roles, e.g.: role board @name"
    )
    assert (await district.say(NOA, "byt språk")) == (
        "Jag skriver till dig på svenska. Vill du byta skriver du: språk engelska"
    )
    assert (await district.say(NOA, "change language", locale="en-US")) == (
        "I write to you in English. To change it, write: language swedish"
    )


async def test_reminders_paused_for_a_month_or_some_weeks_in_words(district: District) -> None:
    """A chair going away writes how long in words: "pausa påminnelserna till januari" is none before 1
    January, "inte i december" none during December (so again from 1 January), "two weeks" fourteen days.
    On 22 November 2026."""
    district.clock.now = NOVEMBER
    assert (await district.say(KIM, "pausa påminnelserna till januari")) == (
        "Okej: inga påminnelser till dig före 1 jan. 2027. Vill du ha dem igen: påminn mig igen"
    )
    assert (await district.say(KIM, "påminn mig inte i december")).startswith(
        "Okej: inga påminnelser till dig före 1 jan. 2027."
    )
    assert (await district.say(KIM, "påminn mig inte före december")).startswith(
        "Okej: inga påminnelser till dig före 1 dec. 2026."
    )
    assert (await district.say(LEE, "pause my reminders for two weeks", locale="en-US")) == (
        "Fine: no reminders to you before 6 Dec 2026. To have them again: snooze off"
    )
    assert (await district.say(LEE, "påminn mig inte på tre veckor")).startswith(
        "Okej: inga påminnelser till dig före 13 dec. 2026."
    )


async def test_help_says_who_names_deputies_as_the_command_does(district: District) -> None:
    """Only a branch's chair names its deputies (a board member is refused), so help must not say the board
    can."""
    helped = await district.say(KIM, "hjälp ersättare")
    assert helped.endswith(
        "\nVem: Partiföreningens ordförande, för sin egen förening "
        "(en administratör med: roll ersättare @namn FÖRENING)"
    )
    english = await district.say(KIM, "help deputy", locale="en-US")
    assert english.endswith(
        "\nWho: A branch's chairs, for their own branch (an administrator with: role deputy @name BRANCH)"
    )
    assert (await district.say(ANNA, "ersättare @Noa Holm", mentions=((NOA, "Noa Holm"),))).startswith(
        "Bara en partiförenings ordförande utser dess ersättare"
    )


async def test_a_chair_who_leaves_leaves_a_branch_someone_must_be_named_for(district: District) -> None:
    """Kim leaves as Sundsvall's chair. The administrator is told that Sundsvall has no chair now, that
    Johannes (Kim's deputy) still reports for it, and the line that names a new chair; asked who chairs
    Sundsvall, anyone is told it has none, and Johannes's report still counts for Sundsvall."""
    district.clock.now = NOVEMBER
    await district.say(KIM, "ersättare @Johannes Ström", mentions=((JOHANNES, "Johannes Ström"),))
    assert (await district.say(MEGAN, "roll bort ordförande @Kim Berg", mentions=((KIM, "Kim Berg"),))) == (
        "Kim Berg är inte längre ordförande i Sundsvall. "
        "Sundsvall har ingen ordförande nu; "
        "Johannes Ström är fortfarande ersättare och rapporterar för föreningen. "
        "En administratör utser en ny ordförande med: "
        "roll ordförande @namn Sundsvall"
    )
    assert (await district.say(NOA, "vem är ordförande i Sundsvall?")) == (
        "Sundsvall har ingen ordförande nu.\nErsättare: Johannes Ström"
    )
    assert "mål 3, 1 person för Sundsvall" in await district.say(JOHANNES, "rapportera 3 1 möte")
    left = await district.say(MEGAN, "remove @Sam Ek as chair", locale="en-US", mentions=((SAM, "Sam Ek"),))
    assert left == (
        "Sam Ek no longer chairs Timrå. Timrå has no chair now. "
        "An administrator names a new chair with: role chair @name Timrå"
    )
    assert (await district.say(NOA, "who chairs Timrå?", locale="en-US")) == "Timrå has no chair now."


async def test_personal_data_asked_for_in_other_words(district: District) -> None:
    """ "Vad sparar ni om mig?", "GDPR", "jag vill bli glömd", "delete everything about me": the member's own
    data, or the question before erasing it; "glöm mig ja" asks as "glöm mig" does, and erases nothing yet."""
    assert (await district.say(NOA, "vad sparar ni om mig?")).startswith("Det här har jag sparat om dig\n")
    assert (await district.say(NOA, "GDPR")).startswith("Det här har jag sparat om dig\n")
    assert (await district.say(NOA, "what do you have on me?", locale="en-US")).startswith(
        "What I store about you\n"
    )
    assert (await district.say(NOA, "jag vill bli glömd")).startswith("Ska jag glömma dig?\n")
    assert (await district.say(NOA, "glöm mig ja")).startswith("Ska jag glömma dig?\n")
    asked = await district.say(NOA, "delete everything about me", locale="en-US")
    assert asked.startswith("Forget you?\n") and asked.endswith("To go ahead, write: forget me confirm")
    assert (await district.say(NOA, "forget me please", locale="en-US")).startswith("Forget you?\n")
    assert "Namn: Noa Holm" in await district.say(NOA, "mina data")  # nothing was erased


async def test_an_export_asked_for_as_a_download(district: District) -> None:
    """ "Ladda ner rapporterna", "kan jag få rapporterna som excel?", "download the reports": the export."""
    district.clock.now = NOVEMBER
    assert "mål 3" in await district.say(KIM, "rapportera 3 1 möte")
    assert (await district.say(KIM, "ladda ner rapporterna")).startswith(
        "Rapporter som kalkylblad\nSundsvall: 1"
    )
    assert (await district.say(KIM, "kan jag få rapporterna som excel?")).startswith(
        "Rapporter som kalkylblad\n"
    )
    boards = await district.say(ANNA, "download the reports", locale="en-US")
    assert boards.startswith("Reports as a spreadsheet\nAll reports: 1 report.")


async def test_asked_for_their_own_role_each_is_told_theirs(district: District) -> None:
    """ "Vilken roll har jag?" is the asker's own roles, in a sentence each, whoever asks."""
    await district.say(MEGAN, "roll ordförande @Kim Berg Härnösand", mentions=((KIM, "Kim Berg"),))
    assert (await district.say(KIM, "vilken roll har jag?")) == "Du är ordförande i Härnösand och Sundsvall."
    assert (await district.say(MEGAN, "what is my role?", locale="en-US")) == (
        "You are an administrator. You are on the board."
    )
    await district.say(LEE, "ersättare @Johannes Ström", mentions=((JOHANNES, "Johannes Ström"),))
    assert (
        await district.say(JOHANNES, "vad är min roll?")
    ) == "Du är ersättare för ordföranden i Härnösand."
    assert (await district.say(NOA, "vilken roll har jag")) == (
        f"Du har ingen roll i {DISTRICT}: du kan fråga om verksamhetsplanen och dess mål. "
        "Roller ges av en administratör."
    )


async def test_two_people_given_a_role_in_one_sentence(district: District) -> None:
    """ "Gör @Noa och @Johannes till ordförande i Timrå": both chair Timrå; the "och" between them is no part
    of the branch's name."""
    both = ((NOA, "Noa Holm"), (JOHANNES, "Johannes Ström"))
    given = await district.say(
        MEGAN, "gör @Noa Holm och @Johannes Ström till ordförande i Timrå", mentions=both
    )
    assert given.startswith("Noa Holm är nu ordförande i Timrå. Johannes Ström är nu ordförande i Timrå.")
    english = await district.say(
        MEGAN, "role deputy @Noa Holm and @Johannes Ström Sundsvall", locale="en-US", mentions=both
    )
    assert english.startswith("Noa Holm is now deputy for the chair of Sundsvall")
    assert "Timrå: Johannes Ström, Noa Holm, Sam Ek" in await district.say(NOA, "partiföreningar")


def _kinds(node: object) -> set[str]:
    """Every element type in a card."""
    if isinstance(node, dict):
        return {str(node.get("type", ""))} | {k for v in node.values() for k in _kinds(v)}
    if isinstance(node, list):
        return {k for v in node for k in _kinds(v)}
    return set()


async def test_names_and_branches_that_look_like_markup_or_formulas_are_shown_as_written(
    district: District,
) -> None:
    """People called "*Anna*", "<b>Erik</b>", "Anna_Lisa", "O'Brien", "Åsa-Märta" and a branch the board
    named "=HYPERLINK(…)": each is shown exactly as written (plain text, cards without markdown blocks), and
    in the spreadsheet a formula-like cell is text, never a formula."""
    district.clock.now = NOVEMBER
    odd = [Someone(f"29:odd-{i}", f"aad-odd-{i}", name) for i, name in enumerate(ODD_NAMES)]
    for person in odd:
        await district.say(MEGAN, f"roll ordförande @{person.name} Timrå", mentions=((person, person.name),))
    before = len(district.connector.posted)
    listing = await district.say(NOA, "vem är ordförande i Timrå?")
    names = sorted([*(p.name for p in odd), "Sam Ek"], key=str.casefold)
    assert listing.startswith("Ordförande i Timrå: ")
    for name in names:
        assert name in listing
    reply = district.connector.posted[before].body
    assert reply.get("textFormat") == "plain"
    assert "TextBlock" not in _kinds(reply.get("attachments", [])) and "FactSet" not in _kinds(reply)
    formula = '=HYPERLINK("http://example.org")'
    assert (await district.say(ANNA, f"partiföreningar lägg till {formula}")).startswith(
        f"Lade till {formula}."
    )
    await district.say(MEGAN, f"roll ordförande @Kim Berg {formula}", mentions=((KIM, "Kim Berg"),))
    assert "mål 3" in await district.say(KIM, f"rapportera 3 1 för {formula} =cmd|' /C calc'!A0")
    link = (await district.say(ANNA, "exportera")).split("\n")[2]
    csv = await (await district.client.get(link[link.index("/exports/") :])).text()
    assert f"'{formula}" in csv.replace('""', '"') and "'=cmd|' /C calc'!A0" in csv


async def test_a_name_is_never_corrected_into_a_command(district: District) -> None:
    """Someone who writes only a name ("Erik", "Anna", "Sundsvall") means that person or branch, never the
    command it happens to look like ("Erik" read as "Menade du översikt?", "Anna" as `annual`). A branch's
    name is answered with what the bot tells about a branch; a person's with the plain help. A word that is
    nobody's name keeps its typo hint."""
    district.clock.now = NOVEMBER
    await district.say(MEGAN, "roll styrelse @Erik Svensson", mentions=((ERIK, "Erik Svensson"),))
    for who in (MEGAN, ANNA, NOA):
        assert (await district.say(who, "Erik")) == (
            "Jag känner inte till kommandot ”Erik”. Skriv hjälp för att se vad jag kan göra."
        )
        assert (await district.say(who, "Anna", locale="en-US")) == (
            "I don't know the command “Anna”. Write help to see what I can do."
        )
    assert (await district.say(NOA, "Sundsvall?")) == (
        "Skriv status Sundsvall för att se hur det går för Sundsvall, "
        "och roller Sundsvall för att se vem som är ordförande där."
    )
    assert (await district.say(NOA, "timrå", locale="en-US")) == (
        "To see how Timrå is doing, write status Timrå; to see who chairs it, write roles Timrå."
    )
    assert "Menade du" in await district.say(NOA, "statsu")  # no name: still a typo


async def test_a_person_taken_away_without_a_role_gets_the_lines_for_their_roles(district: District) -> None:
    """An administrator who writes "ta bort Erik" or "remove Erik" means Erik's roles: the answer is the line
    that takes away each role Erik has, to send with Erik picked from Teams' list. Nothing is taken on a
    name typed. Anyone else is told who may; a branch's name or a name nobody with a role has is said to
    be so."""
    district.clock.now = NOVEMBER
    erik = ((ERIK, "Erik Svensson"),)
    await district.say(MEGAN, "roll styrelse @Erik Svensson", mentions=erik)
    await district.say(MEGAN, "roll ordförande @Erik Svensson Timrå", mentions=erik)
    assert (await district.say(MEGAN, "ta bort Erik")) == (
        "Skriv roll bort ordförande @Erik Svensson Timrå eller roll bort styrelse @Erik Svensson för att ta "
        "en roll från Erik, och välj personen i listan som Teams visar efter @."
    )
    assert (await district.say(MEGAN, "remove Erik Svensson please", locale="sv-SE")) == (
        "To take a role away from Erik Svensson, write role remove board @Erik Svensson or role remove chair "
        "@Erik Svensson Timrå, picking the person from the list Teams shows after @."
    )
    assert (await district.say(ANNA, "ta bort Erik")) == (
        "Det kan bara en administratör göra. Fråga någon av dem: Megan Bowen."
    )
    assert (await district.say(NOA, "remove Erik", locale="en-US")) == (
        "Only an administrator can do that. Ask one of them: Megan Bowen."
    )
    assert (await district.say(MEGAN, "ta bort Sundsvall")) == (
        "Sundsvall är en partiförening, inte en person. Styrelsen tar bort en partiförening med: "
        "partiföreningar ta bort Sundsvall"
    )
    assert (await district.say(MEGAN, "remove Olle", locale="en-US")) == (
        f"Nobody called Olle has a role in {DISTRICT}. Write roles to see who has which."
    )
    assert (await district.say(MEGAN, "ta bort 5")).startswith("Menade du ångra 5?")
    assert "Erik Svensson (Timrå)" in await district.say(NOA, "roller")  # nothing was taken


async def test_two_people_with_one_name_are_told_apart_in_the_roles(district: District) -> None:
    """Two people called Erik Svensson: one is on the board and chairs Timrå, the other chairs Sundsvall.
    The roles list showed "Erik Svensson" twice, so nobody could tell which Erik chairs which branch, or
    whether the board's Erik is one of them. Each is numbered the same on every line, and the list says
    they are two people; nothing more about them is shown."""
    district.clock.now = NOVEMBER
    erik, namesake = ((ERIK, "Erik Svensson"),), ((OTHER_ERIK, "Erik Svensson"),)
    await district.say(MEGAN, "roll styrelse @Erik Svensson", mentions=erik)
    await district.say(MEGAN, "roll ordförande @Erik Svensson Timrå", mentions=erik)
    await district.say(MEGAN, "roll ordförande @Erik Svensson Sundsvall", mentions=namesake)
    assert (await district.say(NOA, "roller")) == (
        "Styrelsen: Anna Lind, Erik Svensson 1, Megan Bowen\n"
        "Ordförande i partiföreningarna: Erik Svensson 1 (Timrå), Erik Svensson 2 (Sundsvall), "
        "Kim Berg (Sundsvall), Lee Gu (Härnösand), Sam Ek (Timrå)\n"
        "Erik Svensson 1 och Erik Svensson 2 är olika personer med samma namn."
    )
    english = await district.say(KIM, "roles", locale="en-US")
    assert english.endswith("Erik Svensson 1 and Erik Svensson 2: different people with the same name."), (
        english
    )
    assert "Branch chairs: Erik Svensson 1 (Timrå), Erik Svensson 2 (Sundsvall)," in english
    alone = await district.say(NOA, "roller")  # one Erik left with a role: his name alone again
    await district.say(MEGAN, "roll bort ordförande @Erik Svensson", mentions=namesake)
    assert "Erik Svensson 2" in alone and "Erik Svensson 1" not in await district.say(NOA, "roller")
