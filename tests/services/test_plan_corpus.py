"""The reader measured on plans in shapes it was not written for (tests/services/plan_corpus.py): recall and
precision of goals, of whom the plan names responsible and of targets, per document, printed as a table
(pytest -s). What a board member means by "the bot read our plan": every goal it lists, nothing else, each
under its heading, with the target and the person or role the plan gives it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.i18n import fold
from bot.services.goals import Period, TargetKind
from bot.services.plan import PlanDraft, other_figure, read_goal
from bot.services.plan_import import read_plan
from tests.services.plan_corpus import CORPUS as EARLIER
from tests.services.plan_corpus import Document
from tests.services.plan_corpus_nine import FIELDS_UNITS, ROUND_NINE
from tests.services.plan_corpus_ten import ROUND_TEN
from tests.services.test_plan_files import _target_matches

CORPUS = EARLIER + ROUND_NINE + ROUND_TEN
FIELDS_DOCUMENTS = ("ange_faltrader.pdf", "boras_english_fields.txt")


@dataclass
class Score:
    expected: int = 0
    stored: int = 0
    found: int = 0
    heading: int = 0
    who_expected: int = 0  # goals the plan names someone responsible for
    who_read: int = 0  # rows read with someone responsible
    who_right: int = 0
    target_expected: int = 0  # goals with a measurable target (not done / not done)
    target_read: int = 0  # rows read with a measurable target
    target_right: int = 0  # measurable targets read right
    right: int = 0  # goals read right in every respect

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def measure(document: Document, plan: PlanDraft) -> tuple[Score, list[str]]:
    rows = [(section.title, goal) for section in plan.sections for goal in section.goals]
    score = Score(expected=len(document.goals), stored=len(rows))
    score.who_read = sum(1 for _, goal in rows if goal.responsible)
    score.target_read = sum(1 for _, goal in rows if goal.target.kind is not TargetKind.DONE)
    problems = []
    matched: set[int] = set()
    for section, start, spec, who in document.goals:
        score.who_expected += who is not None
        score.target_expected += spec != "done"
        hit = next(
            (
                i
                for i, (_, goal) in enumerate(rows)
                if i not in matched and fold(goal.text).startswith(fold(start))
            ),
            None,
        )
        if hit is None:
            problems.append(f"missed {start!r}")
            continue
        matched.add(hit)
        title, goal = rows[hit]
        score.found += 1
        ok = True
        if title == section:
            score.heading += 1
        else:
            ok = False
            problems.append(f"{start!r} under {title!r}, expected {section!r}")
        if who is not None and goal.responsible == who:
            score.who_right += 1
        if goal.responsible != who:
            ok = False
            problems.append(f"{start!r} responsible {goal.responsible!r}, expected {who!r}")
        if _target_matches(spec, goal.target):
            score.target_right += spec != "done"
        else:
            ok = False
            problems.append(f"{start!r} read as {goal.target}, expected {spec}")
        score.right += ok
    problems += [f"not a goal: {rows[i][1].text!r}" for i in range(len(rows)) if i not in matched]
    return score, problems


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:4.0%}" if whole else "   –"


def _line(name: str, score: Score) -> str:
    return (
        f"{name:26} {score.found:2}/{score.expected:2}  {_ratio(score.found, score.expected)} "
        f"{_ratio(score.found, score.stored)}  {_ratio(score.who_right, score.who_expected)} "
        f"{_ratio(score.who_right, score.who_read)}  {_ratio(score.target_right, score.target_expected)} "
        f"{_ratio(score.target_right, score.target_read)}  {_ratio(score.heading, score.found)}"
    )


def test_the_corpus_table(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints recall and precision per document (pytest -s shows it); every document's goals are read."""
    total = Score()
    lines = [
        f"{'document':26} goals  rec  prec  who rec prec  target rec prec  heading",
    ]
    report = []
    for document in CORPUS:
        try:
            score, problems = measure(document, read_plan(document.name, document.build()))
        except Exception as error:  # a document the reader fails on counts as nothing read
            score, problems = Score(expected=len(document.goals)), [f"failed: {error!r}"]
            score.who_expected = sum(1 for g in document.goals if g[3])
            score.target_expected = sum(1 for g in document.goals if g[2] != "done")
        total.add(score)
        lines.append(_line(document.name, score))
        report += [f"  {document.name}: {problem}" for problem in problems]
    lines.append(_line("all", total))
    with capsys.disabled():
        print("\n" + "\n".join(lines + report))
    assert total.right == total.expected == total.stored, report


@pytest.mark.parametrize("document", CORPUS, ids=lambda document: document.name)
def test_every_goal_of_the_document_is_read_right(document: Document) -> None:
    """All the goals a board member lists, and nothing else; under their headings, with their targets and
    whom the plan names responsible."""
    score, problems = measure(document, read_plan(document.name, document.build()))
    assert problems == []
    assert score.right == score.expected == score.stored


@pytest.mark.parametrize(
    ("text", "count", "unit"),
    [
        # What is counted is the noun, not the adjective before it, nor the when in brackets after the figure.
        ("Hålla öppna medlemsmöten – minst 1 per månad (Varje månad)", 1, "medlemsmöten"),
        ("Debattartiklar i UNT – minst 10 (Hela året)", 10, "debattartiklar"),
        ("Genomföra digitala utbildningar varje termin", 1, "utbildningar"),
        # "ett nyhetsbrev två gånger per termin" is twice, not once.
        ("Skicka ut ett nyhetsbrev två gånger per termin.", 2, "nyhetsbrev"),
        # Who does it is not what is counted: a board that meets eight times, not "8 styrelsen".
        ("Distriktsstyrelsen ska sammanträda minst 8 ggr/år.", 8, "gånger"),
        ("Styrelsen ska sammanträda en gång i månaden, utom i juli.", 1, "gång"),
        # Calling every member twice is two rounds of calls, not two members.
        ("Ringa alla medlemmar två gånger per år", 2, "gånger"),
        ("Call every member at least once during the year", 1, "gång"),
        # The noun, not the adjective or the first noun of a compound before it.
        ("Skicka ut ett digitalt nyhetsbrev till alla medlemmar en gång i månaden", 1, "nyhetsbrev"),
        ("Run street stalls at least 4 times a year", 4, "bokbord"),
        ("Hold open meetings at least 4 times a year", 4, "möte"),
        # The number opening the goal counts who does it; new members are counted whatever the verb.
        ("Två medlemmar går förtroendemannautbildningen", 2, "medlemmar"),
        ("Welcome 50 new members", 50, "medlem"),
        ("Få 50 nya medlemmar", 50, "medlemmar"),
        # A compound the glossary knows whole: study circles, not "2 study".
        ("Hold study circles – 2 per term", 2, "studiecirkel"),
        # An adjective in any of its forms is not what is counted; "öppet hus" is one thing, counted whole.
        ("Hålla öppet hus två gånger per år", 2, "öppet hus"),
        ("Hold an open house twice a year", 2, "öppet hus"),
        ("Ordna en gemensam middag en gång per termin", 1, "middag"),
        ("Genomföra lokala kampanjer fyra gånger per år", 4, "kampanjer"),
        ("Hålla ett öppet möte i månaden", 1, "möte"),
        ("Hold public meetings 4 times a year", 4, "möte"),
    ],
)
def test_what_a_count_counts(text: str, count: int, unit: str) -> None:
    target = read_goal(text).target
    assert (target.count, target.unit) == (count, unit)


def test_how_soon_is_no_target_and_a_second_figure_is_named() -> None:
    """ "within a week" says how soon (as "inom en vecka" does); of two figures the one not read is named,
    but not an age limit ("under 35") or the figure read ("5,000 followers" is 5000)."""
    assert read_goal("Call every new member within a week.").target.kind is TargetKind.DONE
    assert other_figure(read_goal("Skriva en debattartikel i månaden och 20 insändare.")) == "20 insändare"
    assert other_figure(read_goal("At least 50 % of our candidates shall be under 35.")) is None
    assert other_figure(read_goal("Reach 5,000 followers on Instagram.")) is None


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # Thousands grouped by a space, as Swedish writes them: "5 000 st" is five thousand, not five.
        ("Dela ut 5 000 flygblad", 5000),
        ("Dela ut flygblad – 5 000 st", 5000),
        # A number like a year right after the verb that counts it is a count, not a year.
        ("Skicka 2 000 sms inför valet", 2000),
    ],
)
def test_thousands_are_counted_whole(text: str, count: int) -> None:
    assert read_goal(text).target.count == count


def test_a_pdf_tables_cell_of_bullets_is_one_goal_a_bullet() -> None:
    """A PDF's table cell as pdfplumber gives it, lines wrapped: each bullet (with the line it wraps onto)
    is a goal of the row, with the row's responsible."""
    from bot.services.plan_files import _cells, _table_lines

    cell = "• Värva 20 nya\nmedlemmar\n• Hålla ett möte i\nmånaden"
    rows = _cells([["Mål", "Ansvarig"], [cell, "Styrelsen"]])
    assert list(_table_lines(rows)) == [
        "\u2022 Värva 20 nya medlemmar",
        "Ansvarig: Styrelsen",
        "\u2022 Hålla ett möte i månaden",
        "Ansvarig: Styrelsen",
        "",
    ]


def test_a_duration_word_right_after_the_number_says_how_long_not_how_many() -> None:
    """ "inom två veckor" is how soon; "two training days per term" are two days to hold each term."""
    assert read_goal("Ringa nya medlemmar inom två veckor.").target.kind is TargetKind.DONE
    target = read_goal("Organise two training days per term.").target
    assert (target.count, target.period) == (2, Period.HALF_YEAR)


def test_a_header_row_is_only_column_names() -> None:
    """A PDF table without rules is found by a row of column names; "Mål" beside "Ansvarig: Styrelsen" (a
    heading and a field of the next column of text) is no header."""
    from bot.services.plan_text import column_name

    assert all(map(column_name, ["Mål", "Ansvarig", "När?", "Mätbart mål", "Goal", "Owner", "KPI"]))
    assert not column_name("Ansvarig: Styrelsen") and not column_name("Hålla fyra möten")


def _listed_docx(level_text: str, fmt: str = "decimal", ilvl: str = "0") -> bytes:
    """A Word file whose goals are a list numbered by Word with `level_text` ("Mål %1:")."""
    import io

    import docx
    from docx.oxml import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum xmlns:w="{w}" w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{level_text}"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num xmlns:w="{w}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    document.add_heading("Verksamhetsplan 2027", level=0)
    document.add_heading("Medlemmar", level=1)
    for goal in ("Hålla fyra medlemsmöten.", "Värva 30 nya medlemmar."):
        document.element.body.sectPr.addprevious(
            parse_xml(
                f'<w:p xmlns:w="{w}"><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="77"/></w:numPr>'
                f"</w:pPr><w:r><w:t>{goal}</w:t></w:r></w:p>"
            )
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_words_own_numbers_are_the_plans_numbers() -> None:
    """Word's list drawing "Mål 1:", "Mål 2:" before each goal (the words are not in the text): the plan
    numbers its goals, as a text plan "Mål 1: …" does; a damaged level number is read as the first level,
    and a list in letters ("a)") is a list as well."""
    plan = read_plan("plan.docx", _listed_docx("Mål %1:"))
    assert [(g.text, g.plan_number) for g in plan.goals] == [
        ("Hålla fyra medlemsmöten.", 1),
        ("Värva 30 nya medlemmar.", 2),
    ]
    assert len(read_plan("plan.docx", _listed_docx("%1)", "lowerLetter", ilvl="x")).goals) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Knacka dörr i tre bostadsområden – 1 000 samtal",
        "Knock on doors in three neighbourhoods – 1,000 conversations",
    ],
)
def test_the_target_set_apart_is_read_before_a_number_in_the_goals_words(text: str) -> None:
    """A table's or a field's target written after the goal ("– 1 000 samtal") is what the plan measures;
    "tre bostadsområden" is where. The review names the other figure (other_figure) for the board."""
    goal = read_goal(text)
    assert goal.target.count == 1000


def test_an_english_list_without_bullets_and_its_weekends() -> None:
    """English goals on bare lines are a list as Swedish ones are (their verbs read in the reader's
    words); "every weekend" is once a week, "knock on doors" a round of door-knocking."""
    text = (
        "Action plan 2027\n\nCampaigns\nKnock on doors every weekend in September\n"
        "Publish a newsletter every month\n"
    )
    plan = read_plan("plan.txt", text.encode())
    assert [g.text for g in plan.goals] == [
        "Knock on doors every weekend in September",
        "Publish a newsletter every month",
    ]
    first = plan.goals[0].target
    assert (first.count, first.period, first.unit_in("en")) == (1, Period.WEEK, "door-knocking round")


@pytest.mark.parametrize(
    ("text", "count", "period"),
    [
        # A weekday after "varje" (or "every", "on Saturdays") is once a week; "varannan lördag" every other.
        ("Dela ut flygblad på torget varje lördag", 1, Period.WEEK),
        ("We will hand out leaflets at the market every Saturday", 1, Period.WEEK),
        ("Hand out leaflets to the members on Saturdays", 1, Period.WEEK),
        ("Stå med bokbord varannan lördag", 26, Period.YEAR),
    ],
)
def test_a_weekday_is_a_week(text: str, count: int, period: Period) -> None:
    target = read_goal(text).target
    assert (target.count, target.period) == (count, period)


@pytest.mark.parametrize(
    "text",
    [
        "Hold a members' meeting on 3 March",
        "Hold the annual meeting by 31 March",
        "Hålla årsmöte senast 30 juni",
    ],
)
def test_a_date_is_when_not_how_many(text: str) -> None:
    """ "31 March" is a day, as "30 juni" is: the goal is done or not done, not 31 of something."""
    assert read_goal(text).target.kind is TargetKind.DONE


def test_what_the_review_names_survives_being_kept() -> None:
    """A plan under review is kept as data (across a restart): the sub-items under its goals and the
    sections without goals come back with it."""
    from bot.services.plan import plan_from_mapping, plan_to_mapping
    from tests.services.plan_corpus import FILES

    plan = read_plan("plan.txt", (FILES / "gotaland_bokstaver.txt").read_bytes())
    assert plan.activities[0] == (
        "Alla lokalavdelningar ska hålla minst två medlemsmöten per termin.",
        (
            "Distriktet tar fram en mall för kallelser",
            "Lokalavdelningarna rapporterar sina möten till kansliet",
        ),
    )
    assert plan_from_mapping(plan_to_mapping(plan)) == plan
    annexes = read_plan(
        "plan.pdf", next(d for d in CORPUS if d.name == "vastra_gotaland_bilagor.pdf").build()
    )
    assert annexes.unread_sections == (
        "Verksamhetsberättelse 2026",
        "Bilaga 1: Budget 2027",
        "Bilaga 2: Kalendarium 2027",
    )
    assert plan_from_mapping(plan_to_mapping(annexes)) == annexes


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        # A name's hyphen within a sentence is the word's ("Teams-kanalen"); a word broken at the start of a
        # sentence is mended ("Distrikts-" / "styrelsen").
        (["Inlägg i Teams-", "kanalen för ordförande"], "Inlägg i Teams-kanalen för ordförande"),
        (["Distrikts-", "styrelsen ska mötas"], "Distriktsstyrelsen ska mötas"),
        (["Vi ses. Distrikts-", "styrelsen ska mötas"], "Vi ses. Distriktsstyrelsen ska mötas"),
    ],
)
def test_a_hyphen_at_a_lines_end(parts: list[str], joined: str) -> None:
    from bot.services.plan_text import join_lines

    assert join_lines(parts) == joined


def test_a_column_may_be_named_by_a_question() -> None:
    """ "Vad ska vi göra?" and "Vem ansvarar?" name a table's columns, as "Aktivitet" and "Ansvarig" do; a
    long question is no column's name."""
    from bot.services.plan_text import column_name

    assert column_name("Vad ska vi göra?") and column_name("Hur många?") and column_name("Vem ansvarar?")
    assert not column_name("Vad ska vi göra i Teleborg i höst?")


def test_bullets_under_a_numbered_goal_say_how_but_not_under_an_intro() -> None:
    """ "1.1 Alla … ska hålla …" over bullets: the bullets say how goal 1.1 is reached (named in the review,
    not goals); "1.1 Under året ska vi:" over bullets introduces them: they are the goals."""
    how = "Plan 2027\n\nMedlemmar\n1.1 Vi ska värva 20 nya medlemmar.\n- Ringkampanj i mars\n1.2 Hålla möten."
    plan = read_plan("plan.txt", how.encode())
    assert [g.text for g in plan.goals] == ["Vi ska värva 20 nya medlemmar.", "Hålla möten."]
    assert plan.activities == (("Vi ska värva 20 nya medlemmar.", ("Ringkampanj i mars",)),)
    intro = "Plan 2027\n\nMedlemmar\n1.1 Under året ska vi:\n- Värva 20 nya medlemmar\n1.2 Hålla möten.\n"
    assert [g.text for g in read_plan("plan.txt", intro.encode()).goals] == [
        "Värva 20 nya medlemmar",
        "Hålla möten.",
    ]


@pytest.mark.parametrize(
    ("text", "unit", "words"),
    [
        # A change of a figure named before it or after the verb, without "antalet": that figure changes.
        (
            "Följare på Instagram – öka med 10 %",
            "följare",
            "followers up 10 %, from the year's first reading",
        ),
        (
            "Followers on Instagram – increase by 10 %",
            "följare",
            "followers up 10 %, from the year's first reading",
        ),
        ("Medlemmar: öka med 5 procent", "medlemmar", "members up 5 %, from the year's first reading"),
        ("Öka våra följare med 20 %", "följare", "followers up 20 %, from the year's first reading"),
        # Not what is not counted: turnout, attendance at meetings.
        ("Öka närvaron på möten med 10 %", None, "the figure up 10 %, from the year's first reading"),
        (
            "Raise turnout at the annual meeting by 10 %",
            None,
            "the figure up 10 %, from the year's first reading",
        ),
    ],
)
def test_a_change_without_antalet_names_what_changes(text: str, unit: str | None, words: str) -> None:
    from bot.cards.goals import target_in_words
    from bot.i18n import translator

    target = read_goal(text).target
    assert (target.change_percent is not None, target.unit) == (True, unit)
    assert target_in_words(translator("en"), target, ()) == words


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "Skicka nyhetsbrev varje kvartal. Klart senast: löpande",
            "Skicka nyhetsbrev varje kvartal (löpande)",
        ),
        ("Send a newsletter every quarter. Deadline: ongoing", "Send a newsletter every quarter (ongoing)"),
        ("Hålla fyra medlemsmöten. Klart: december", "Hålla fyra medlemsmöten (december)"),
        ("Ordna en studiecirkel; Tidpunkt: hösten", "Ordna en studiecirkel (hösten)"),
        ("Värva 50 medlemmar. Ansvarig: styrelsen. Klart senast: 31/12", "Värva 50 medlemmar (31/12)"),
        ("Skicka nyhetsbrev varje kvartal – Klart: löpande", "Skicka nyhetsbrev varje kvartal (löpande)"),
        # A field alone, or a colon in the goal's own words, is left as it is.
        ("Klart senast: 30 juni", "Klart senast: 30 juni"),
        ("Nyhetsbrev: ett i månaden", "Nyhetsbrev: ett i månaden"),
    ],
)
def test_a_when_field_on_the_goals_line_is_its_when(text: str, read: str) -> None:
    """As a table's "Klart senast" column is read: the goal's when, in brackets after its words."""
    assert read_goal(text).text == read


def test_a_share_of_a_group_named_after_the_per_cent_and_a_change_said_as_more() -> None:
    """ "Minst 50 % kvinnor bland talarna" is a share to reach (as "50 % av …" is); "10 % fler medlemmar"
    is a change from today's figure (as "öka med 10 %" is)."""
    share = read_goal("Minst 50 % kvinnor bland talarna").target
    assert (share.kind, share.goal_value, share.unit) == (TargetKind.METRIC, 50.0, "% kvinnor")
    more = read_goal("Värva 10 procent fler medlemmar än i fjol").target
    assert (more.kind, more.change_percent, more.unit) == (TargetKind.METRIC, 10.0, "medlemmar")


def test_branches_listed_under_an_english_heading_are_offered_but_not_a_tables_header() -> None:
    """ "Local groups" over a list of names is the plan's branches, as "Partiföreningar" is; "Our groups"
    over a table whose header is "Group | Contact" offers no branch named "Group Contact"."""
    from tests.services.plan_corpus_nine import FILES as CORPUS_FILES
    from tests.services.plan_corpus_nine import ange_fields_pdf, lund_english_table_docx, umea_objectives_docx

    assert read_plan("plan.docx", umea_objectives_docx()).branches == ("Ersboda", "Haga", "Ålidhem")
    printed = read_plan("plan.pdf", (CORPUS_FILES / "lund_english_libreoffice.pdf").read_bytes())
    word = read_plan("plan.docx", lund_english_table_docx())
    assert printed.branches == word.branches == ("Lund Central", "Students")
    assert printed.unread_sections == word.unread_sections == ("Introduction",)
    ange = read_plan("plan.pdf", ange_fields_pdf())
    assert ange.branches == ("Ånge centrum", "Ljungaverk", "Torpshammar")
    assert ange.unread_sections == ()


@pytest.mark.parametrize("document", [d for d in CORPUS if d.name in FIELDS_DOCUMENTS], ids=lambda d: d.name)
def test_a_goals_when_is_no_part_of_its_words_and_what_it_counts(document: Document) -> None:
    """ "… varje kvartal. Klart senast: löpande": the goal is sending a newsletter each quarter, ongoing;
    the field's name is none of the goal's words. What each goal counts is the thing done ("öppet hus",
    "middag"), not the adjective before it, and the figure a change is of ("Följare på Instagram – öka med
    10 %") even without "antalet"."""
    plan = read_plan(document.name, document.build())
    read = {goal.text: goal.target.unit_en or goal.target.unit for goal in plan.goals}
    assert read == {text: FIELDS_UNITS[text] for _, text, _, _ in document.goals}


@pytest.mark.parametrize(
    ("text", "count", "period"),
    [
        # "50+" is at least 50; a range is at least its lower end; "fyra (4)" is four, said twice.
        ("50+ nya medlemmar", 50, Period.YEAR),
        ("Recruit 50+ new members", 50, Period.YEAR),
        ("10–15 debattartiklar under året", 10, Period.YEAR),
        ("Minst fyra (4) medlemsmöten", 4, Period.YEAR),
        # Years, days and hours in a range are when, not how many.
        ("Under 2026-2027 ska vi värva 40 medlemmar", 40, Period.YEAR),
        ("Möte kl 18-20 varje månad", 1, Period.MONTH),
    ],
)
def test_shorthand_figures(text: str, count: int, period: Period) -> None:
    target = read_goal(text).target
    assert (target.count, target.period) == (count, period)
    assert read_goal("Kampanj 1–15 mars").target.kind is TargetKind.DONE


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A short English goal (a table's cell) is read in English: its period, and a figure to reach.
        ("Monthly members meeting", "at least 1 per month"),
        ("Quarterly newsletter to all members", "at least 1 per quarter"),
        ("Reach 2000 followers", "reach 2,000 followers"),
        ("Have 400 members by December", "reach 400 members"),
    ],
)
def test_a_short_english_goal(text: str, words: str) -> None:
    from bot.cards.goals import target_in_words
    from bot.i18n import translator

    assert target_in_words(translator("en"), read_goal(text).target, ()) == words
