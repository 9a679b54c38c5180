"""The plan importer against the two real plans, two plans it has never seen, and the bundled sample plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.services.goals import Period, Target, TargetKind
from bot.services.plan import (
    GoalDraft,
    PlanDraft,
    PlanParseError,
    load_sample_plan,
    parse_plan,
    plan_from_mapping,
)
from bot.services.plan_text import join_lines, present_heading, sentences

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
VASTERNORRLAND = SEEDS / "000_0851f27eaf082ef9.txt"
SKANE = SEEDS / "004_5fc3239f6e1f9f03.txt"


def _seed(path: Path) -> PlanDraft:
    if not path.is_file():
        pytest.skip(
            f"seed plan {path.name} not found: the real plans live in {SEEDS} (shared/ beside the checkout)"
        )
    return parse_plan(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def vasternorrland() -> PlanDraft:
    return _seed(VASTERNORRLAND)


@pytest.fixture(scope="module")
def skane() -> PlanDraft:
    return _seed(SKANE)


def _texts(plan: PlanDraft) -> list[str]:
    return [goal.text for goal in plan.goals]


def _goal(plan: PlanDraft, start: str) -> GoalDraft:
    matches = [goal for goal in plan.goals if goal.text.startswith(start)]
    assert len(matches) == 1, f"expected one goal starting {start!r}, got {[g.text for g in matches]}"
    return matches[0]


# --- Västernorrland: markdown-ish ------------------------------------------------------------------------


def test_vasternorrland_sections_and_counts(vasternorrland: PlanDraft) -> None:
    assert [(s.title, len(s.goals)) for s in vasternorrland.sections] == [
        ("Organisering och mobilisering", 5),
        ("Drivkraften i distriktet", 4),
        ("Det starkaste oppositionspartiet i regionen", 5),
        ("Internkommunikation", 5),
        ("Allmänpolitisk utveckling", 5),
    ]
    assert len(vasternorrland.goals) == 24


def test_vasternorrland_title_year_and_priority_areas(vasternorrland: PlanDraft) -> None:
    assert vasternorrland.title == "Verksamhetsplan för Vänsterpartiet Västernorrland 2023"
    assert vasternorrland.year == 2023
    assert vasternorrland.priority_areas == (
        "Facklig politisk",
        "Feministisk",
        "Antirasistisk",
        "Miljö och klimat",
    )


def test_vasternorrland_goal_texts(vasternorrland: PlanDraft) -> None:
    texts = _texts(vasternorrland)
    assert texts[0] == (
        "Distriktsstyrelsen ska genomgå en utbildning från Zetkin om hur man bäst organiserar medlemmar "
        "och föra den informationen vidare till partiföreningarna"
    )
    # A bullet whose wrapped lines carry "- NN" without a bullet sign.
    assert texts[6] == (
        "I enlighet med partiets centrala verksamhetsplan vara länken mellan partistyrelsen och partiets "
        "föreningar, samt utse en ansvarig som leder arbetet och redovisar informationen från partistyrelsen"
    )
    assert texts[9] == (
        "Vi skapar en kommunikationsplan för sociala medier som även redovisar vilka kanaler vi ska använda "
        "oss av, hur och när"
    )
    assert texts[18] == (
        "Representanter från distriktsstyrelsen ska fördela ansvar och schemalägga inlägg i "
        "kommunikationskanalen minst två gånger i månaden i syfte att skapa diskussion"
    )
    assert texts[23] == "Använda hemsidan mer för publicering av viktiga artiklar och händelser"


def test_vasternorrland_intro_lines_and_vision_sections_are_not_goals(vasternorrland: PlanDraft) -> None:
    texts = _texts(vasternorrland)
    assert not any(text.endswith(":") for text in texts)
    assert not any("Rekord kan man slå" in text or "Vi ger aldrig upp" in text for text in texts)
    assert not any("2023 ska utgöra inledningen" in text for text in texts)


def test_vasternorrland_targets(vasternorrland: PlanDraft) -> None:
    goals = vasternorrland.goals
    assert goals[1].target == Target(TargetKind.PEOPLE, count=3, unit="ansvariga")
    assert goals[2].target == Target(TargetKind.PEOPLE, count=1, unit="person")
    assert goals[3].target == Target(TargetKind.DONE)  # the ringkampanj
    assert goals[5].target == Target(TargetKind.COUNT, count=1, period=Period.QUARTER, unit="ordförandemöte")
    assert goals[6].target == Target(TargetKind.PEOPLE, count=1, unit="ansvarig")
    assert goals[11].target == Target(TargetKind.METRIC, unit="följare", baseline=1500, goal_value=2000)
    assert goals[18].target == Target(TargetKind.COUNT, count=2, period=Period.MONTH, unit="inlägg")
    assert goals[19].target == Target(TargetKind.COUNT, count=2, period=Period.YEAR, unit="debattartiklar")
    assert goals[20].target == Target(TargetKind.DONE)  # "de fyra prioriterade områden" is not a count
    assert goals[21].target == Target(
        TargetKind.COUNT,
        count=1,
        period=Period.YEAR,
        unit="utbildning, föreläsning eller webinarium",
        per_area=True,
    )
    assert goals[22].target == Target(
        TargetKind.COUNT, count=1, period=Period.YEAR, unit="debattartikel", per_area=True
    )
    measurable = {1, 2, 5, 6, 11, 18, 19, 21, 22}
    assert all(goal.target.kind is TargetKind.DONE for i, goal in enumerate(goals) if i not in measurable)


def test_vasternorrland_goals_for_each_branch(vasternorrland: PlanDraft) -> None:
    assert [i for i, goal in enumerate(vasternorrland.goals) if goal.applies_to_branches] == [2]


# --- Skåne: raw PDF extraction -----------------------------------------------------------------------------


def test_skane_sections_and_counts(skane: PlanDraft) -> None:
    assert [(s.title, len(s.goals)) for s in skane.sections] == [
        ("Oppositionsrollen", 2),
        ("Partiföreningstödet", 2),
        ("Medlemsvård", 3),
        ("Öka direktkontakten med människor", 2),
        ("Regionen", 2),
        ("Studier", 3),
        ("Fackligt politiskt arbete i distriktet", 1),
        ("Internfeminism", 3),
    ]
    assert len(skane.goals) == 18


def test_skane_title_year_and_no_priority_areas(skane: PlanDraft) -> None:
    assert skane.title == "Verksamhetsplan 2023 för Vänsterpartiet Skåne"
    assert skane.year == 2023
    assert skane.priority_areas == ()


def test_skane_mends_hyphenated_words(skane: PlanDraft) -> None:
    texts = _texts(skane)
    assert texts[0] == "Arrangera träffar med fokus på oppositionsarbete med partiföreningar"
    assert "Arrangera träffar för kvinnor och ickebinära" in texts
    assert (
        texts[-1]
        == "Sträva efter att komma igång med ett internfeministiskt separatistiskt nätverk i distriktet."
    )


def test_skane_side_by_side_columns(skane: PlanDraft) -> None:
    regionen = next(s for s in skane.sections if s.title == "Regionen")
    assert [goal.text for goal in regionen.goals] == [
        "Genomföra en gemensam utbildning med distriktets ledning och regiongruppens ledning där vi "
        "tillsammans tar fram gemensamma långsiktiga mål att arbeta för",
        "Ha återkommande träffar och samarbetsmöten mellan regiongruppens ledning och distriktets ledning",
    ]
    medlemsvard = next(s for s in skane.sections if s.title == "Medlemsvård")
    assert medlemsvard.goals[2].text == (
        "Genomföra återkommande träffar med medlemsansvariga i distriktets partiföreningar"
    )


def test_skane_prose_goals(skane: PlanDraft) -> None:
    studier = next(s for s in skane.sections if s.title == "Studier")
    assert [goal.text for goal in studier.goals] == [
        "Kommande verksamhetsår kommer vi att genomföra återkommande studier på distriktsnivå.",
        "Vi kommer att arrangera kurser för nya medlemmar, för parlamentariker och ideologiska studier.",
        "Under verksamhetsåret kommer vi att satsa lite extra på att ta fram studier som genomförs på "
        "partiföreningsnivå utifrån behov.",
    ]
    fackligt = next(s for s in skane.sections if s.title == "Fackligt politiskt arbete i distriktet")
    assert [goal.text for goal in fackligt.goals] == [
        "Kommande verksamhetsår ska distriktet undersöka möjligheten att bilda fackligt nätverk eller "
        "eventuellt branschföreningar i distriktet."
    ]


def test_skane_intro_and_closing_yield_no_goals(skane: PlanDraft) -> None:
    titles = [s.title for s in skane.sections]
    assert "Inledning" not in titles and "Avslutning" not in titles
    assert not any("Vänsterpartiet Skåne går framåt" in text for text in _texts(skane))


def test_skane_targets(skane: PlanDraft) -> None:
    assert all(goal.target == Target(TargetKind.DONE) for goal in skane.goals)
    assert not any(goal.applies_to_branches for goal in skane.goals)


@pytest.mark.parametrize("plan_name", ["vasternorrland", "skane"])
def test_seed_goal_texts_are_clean(plan_name: str, request: pytest.FixtureRequest) -> None:
    plan: PlanDraft = request.getfixturevalue(plan_name)
    for text in _texts(plan):
        assert text == text.strip()
        assert "  " not in text and "\t" not in text
        assert not text[0].isdigit()
        assert "•" not in text


# --- plans the importer has never seen ---------------------------------------------------------------------

MARKDOWN_PLAN = """\
# 1 Verksamhetsplan för Vänsterpartiet Norrbotten 2024

## 2 Inledning

3 Kommande verksamhetsår ska vi bygga ett starkare parti i hela länet. Vi ska␣␣
4 synas mer än någonsin.

## 5 Medlemmar

6 Vi växer och det ska märkas. Våra prioriterade områden är ”Bostad” och ”Arbete”.␣␣
7 Vi ska:

- 8 • Genomföra minst tre medlemsmöten under året
- 9 • Alla partiföreningar ska utse en kontaktperson för
- 10 nya medlemmar
- 11 • Ringa alla nya medlemmar inom en månad
- 12 • Ordna en studiecirkel i veckan för nya medlemmar

## 13 Synlighet

14 Vi kommer att:

- 15 • Öka antalet prenumeranter på nyhetsbrevet från 1 200 till 1 800
- 16 • Skriva två insändare i månaden om
- 17 kollektivtrafiken i länet

## 18 Avslutning

19 Kommande verksamhetsår ska vi göra skillnad tillsammans!
""".replace("␣", " ")  # markdown line breaks: two trailing spaces, as in the real plan


def test_unseen_markdown_plan() -> None:
    plan = parse_plan(MARKDOWN_PLAN)
    assert plan.title == "Verksamhetsplan för Vänsterpartiet Norrbotten 2024"
    assert plan.year == 2024
    assert plan.priority_areas == ("Bostad", "Arbete")
    assert [(s.title, len(s.goals)) for s in plan.sections] == [("Medlemmar", 4), ("Synlighet", 2)]
    assert plan.goals == [
        GoalDraft(
            "Genomföra minst tre medlemsmöten under året",
            Target(TargetKind.COUNT, count=3, period=Period.YEAR, unit="medlemsmöten"),
        ),
        GoalDraft(
            "Alla partiföreningar ska utse en kontaktperson för nya medlemmar",
            Target(TargetKind.PEOPLE, count=1, unit="kontaktperson"),
            applies_to_branches=True,
        ),
        GoalDraft("Ringa alla nya medlemmar inom en månad"),
        GoalDraft(
            "Ordna en studiecirkel i veckan för nya medlemmar",
            Target(TargetKind.COUNT, count=1, period=Period.WEEK, unit="studiecirkel"),
        ),
        GoalDraft(
            "Öka antalet prenumeranter på nyhetsbrevet från 1 200 till 1 800",
            Target(TargetKind.METRIC, unit="prenumeranter", baseline=1200, goal_value=1800),
        ),
        GoalDraft(
            "Skriva två insändare i månaden om kollektivtrafiken i länet",
            Target(TargetKind.COUNT, count=2, period=Period.MONTH, unit="insändare"),
        ),
    ]


_ROWS = [
    ("16", "ORGANISATION", "28", "• Genomföra en dörrknackningskampanj i"),
    ("17", "Distriktet ska ha en tydlig organisa-", "29", "Halmstad och Varberg"),
    ("18", "tion med ansvar fördelat.", "30", ""),
    ("19", "", "31", "STUDIER"),
    (
        "20",
        "Vi ska:",
        "32",
        "Kommande verksamhetsår ska distriktet ordna en grundkurs för nya medlemmar. Vi kommer även att "
        "starta en bokcirkel. Det har varit uppskattat.",
    ),
    ("21", "• Utse två ansvariga för distriktets SD-", "33", ""),
    ("22", "bevakning", "34", ""),
    ("23", "", "35", ""),
    ("24", "• Skapa minst en debattartikel för var-", "36", ""),
    ("25", "je prioriterat område", "37", ""),
    ("26", "KAMPANJER", "38", "SOCIALA MEDIER"),
    (
        "27",
        "Vi vill synas i hela Halland. Vi kommer att:",
        "39",
        "Vi ska synas mer i sociala medier. Vi ska:",
    ),
]

PDF_PLAN = (
    "\n\nDISTRIKTSSTYRELSENS FÖRSLAG\n\n"
    "Verksamhetsplan 2025 för Vänsterpartiet Halland\n\n"
    "1 INLEDNING\n\n"
    "2 Halland behöver en stark vänster. Under\n"
    "3 2024 växte vi i hela länet och kommande verk-\n"
    "4 samhetsår ska vi fortsätta växa.\n\n"
    "6 MEDLEMSVÅRD\n\n"
    "7 Medlemmarna är vår viktigaste resurs. Därför\n"
    "8ska vi ta hand om dem bättre än tidigare.\n\n"
    "10 Vi kommer att:\n\n"
    "- 11\n"
    "- 12 • Ringa alla nya medlemmar och bjuda in dem\n"
    "13 till ett introduktionsmöte\n"
    "- 14 • Hålla minst två medlemsmöten i kvarta-\n"
    "15let\n\n" + "".join("\t".join(row) + "\n" for row in _ROWS) + "\n"
    "- 40\n"
    "- 41 • Öka antalet följare på Instagram från 800 till\n"
    "42 1 200\n"
    "- 43 • Fira\n"
    "441 maj i alla kommuner tillsammans med partiföreningarna\n\n"
    "45 **AVSLUTNING**\n\n"
    "46 Kommande verksamhetsår ska vi göra skillnad. Vi ska vinna!\n"
)


def test_unseen_pdf_plan() -> None:
    plan = parse_plan(PDF_PLAN)
    assert plan.title == "Verksamhetsplan 2025 för Vänsterpartiet Halland"
    assert plan.year == 2025
    assert plan.priority_areas == ()
    assert [(s.title, len(s.goals)) for s in plan.sections] == [
        ("Medlemsvård", 2),
        ("Organisation", 2),
        ("Kampanjer", 1),
        ("Studier", 2),
        ("Sociala medier", 2),
    ]
    assert plan.goals == [
        GoalDraft("Ringa alla nya medlemmar och bjuda in dem till ett introduktionsmöte"),
        # a glued line number ("15let") inside a hyphenated word
        GoalDraft(
            "Hålla minst två medlemsmöten i kvartalet",
            Target(TargetKind.COUNT, count=2, period=Period.QUARTER, unit="medlemsmöten"),
        ),
        # the hyphen after a capital stays
        GoalDraft(
            "Utse två ansvariga för distriktets SD-bevakning",
            Target(TargetKind.PEOPLE, count=2, unit="ansvariga"),
        ),
        GoalDraft(
            "Skapa minst en debattartikel för varje prioriterat område",
            Target(TargetKind.COUNT, count=1, period=Period.YEAR, unit="debattartikel", per_area=True),
        ),
        # a section begun at the foot of the left column, its goal at the top of the right one
        GoalDraft("Genomföra en dörrknackningskampanj i Halmstad och Varberg"),
        GoalDraft("Kommande verksamhetsår ska distriktet ordna en grundkurs för nya medlemmar."),
        GoalDraft("Vi kommer även att starta en bokcirkel."),
        GoalDraft(
            "Öka antalet följare på Instagram från 800 till 1 200",
            Target(TargetKind.METRIC, unit="följare", baseline=800, goal_value=1200),
        ),
        # "441 maj" after line 43 is line 44 saying "1 maj"
        GoalDraft("Fira 1 maj i alla kommuner tillsammans med partiföreningarna"),
    ]


def test_plan_without_line_numbers() -> None:
    plan = parse_plan("# Verksamhetsplan 2026\n\n## Studier\n\n- Ordna 2 kurser per kvartal\n- Läsa mer\n")
    assert plan.title == "Verksamhetsplan 2026"
    assert plan.year == 2026
    assert [goal.text for goal in plan.goals] == ["Ordna 2 kurser per kvartal", "Läsa mer"]
    assert plan.goals[0].target == Target(TargetKind.COUNT, count=2, period=Period.QUARTER, unit="kurser")


def test_a_sentence_naming_the_plan_is_not_its_title() -> None:
    plan = parse_plan(
        "## 1 Mål\n\n2 Denna verksamhetsplan bygger på\n3 årsmötets beslut.\n\n- 4 • Ordna en fest\n"
    )
    assert plan.title is None and plan.year is None
    assert [s.title for s in plan.sections] == ["Mål"]


def test_two_line_bold_heading_is_one_section() -> None:
    text = (
        "1 **VÅRA ÅRLIGA**\n\n2 **ARRANGEMANG**\n\n3 Vi kommer att:\n- 4 • Fira 8 mars\n\n"
        "5 **Minnesdag över den**\n6 **transatlantiska slavhandeln**\n- 7 • Ordna ett möte\n"
    )
    plan = parse_plan(text)
    assert [s.title for s in plan.sections] == [
        "Våra årliga arrangemang",
        "Minnesdag över den transatlantiska slavhandeln",
    ]


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "Bara lite prosa utan mål.\nOch en rad till.", "## 1 Inledning\n\n2 Vi ska göra saker."],
)
def test_no_goals_is_a_parse_error(text: str) -> None:
    with pytest.raises(PlanParseError):
        parse_plan(text)


# --- text helpers ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["opposi-", "tionsarbete"], "oppositionsarbete"),
        (["nät-", "verk i distriktet."], "nätverk i distriktet."),
        (["icke-", "binära"], "ickebinära"),
        (["Kommande verk-", "Samhetsår"], "Kommande verksamhetsår"),
        (["mot SD-", "politiken"], "mot SD-politiken"),
        (["under 2023-", "2024"], "under 2023-2024"),
        (["via e-", "post"], "via e-post"),
        (["kvinno-", "och hbtq-frågor"], "kvinno- och hbtq-frågor"),
        (["ett ord", "till  nästa "], "ett ord till nästa"),
    ],
)
def test_join_lines(parts: list[str], joined: str) -> None:
    assert join_lines(parts) == joined


@pytest.mark.parametrize(
    ("heading", "shown"),
    [
        ("OPPOSITIONSROLLEN", "Oppositionsrollen"),
        ("ÖKA DIREKTKONTAKTEN MED MÄNNISKOR", "Öka direktkontakten med människor"),
        ("KAMPEN MOT SD", "Kampen mot SD"),
        ("**Internationella kvinnodagen**", "Internationella kvinnodagen"),
        ("1 maj", "1 maj"),
    ],
)
def test_present_heading(heading: str, shown: str) -> None:
    assert present_heading(heading) == shown


def test_sentences_keep_abbreviations() -> None:
    assert sentences("Vi ska bl.a. Ordna kurser. Det är bra! Sedan vila.") == [
        "Vi ska bl.a. Ordna kurser.",
        "Det är bra!",
        "Sedan vila.",
    ]


# --- the bundled sample plan -------------------------------------------------------------------------------


def test_sample_plan_shape() -> None:
    plan = load_sample_plan()
    assert plan.year == 2023
    assert plan.title
    assert len(plan.sections) == 5
    assert [len(s.goals) for s in plan.sections] == [5, 4, 5, 5, 5]
    assert len(plan.goals) == 24
    assert len(plan.priority_areas) == 4
    assert all(section.title and section.title_en for section in plan.sections)


def test_sample_plan_goal_6_is_the_quarterly_chairs_meeting() -> None:
    goal = load_sample_plan().goals[5]
    assert goal.target.kind is TargetKind.COUNT
    assert (goal.target.count, goal.target.period) == (1, Period.QUARTER)


def test_sample_plan_goals_have_both_languages() -> None:
    for goal in load_sample_plan().goals:
        assert goal.text.strip() and goal.text_en and goal.text_en.strip()


def test_sample_plan_names_zetkin_and_facebook() -> None:
    texts = " ".join(goal.text for goal in load_sample_plan().goals)
    assert "Zetkin" in texts
    assert "Facebook" in texts


def test_sample_plan_targets_match_the_plan_it_restates() -> None:
    kinds = [goal.target.kind for goal in load_sample_plan().goals]
    measurable = {1: TargetKind.PEOPLE, 2: TargetKind.PEOPLE, 5: TargetKind.COUNT, 6: TargetKind.PEOPLE}
    measurable |= {11: TargetKind.METRIC, 18: TargetKind.COUNT, 19: TargetKind.COUNT}
    measurable |= {21: TargetKind.COUNT, 22: TargetKind.COUNT}
    assert kinds == [measurable.get(i, TargetKind.DONE) for i in range(24)]
    goals = load_sample_plan().goals
    assert goals[11].target == Target(
        TargetKind.METRIC, unit="följare", unit_en="followers", baseline=1500, goal_value=2000
    )
    assert goals[21].target.per_area and goals[22].target.per_area
    assert [i for i, goal in enumerate(goals) if goal.applies_to_branches] == [2]


def test_sample_plan_does_not_copy_the_plan(vasternorrland: PlanDraft) -> None:
    sample = {goal.text.rstrip(".") for goal in load_sample_plan().goals}
    assert not sample & {goal.text.rstrip(".") for goal in vasternorrland.goals}


@pytest.mark.parametrize(
    "target",
    [
        {"kind": "count", "count": 2},  # no period
        {"kind": "people"},  # no count
        {"kind": "metric", "baseline": 3},  # no goal value
        {"kind": "done", "period": "year"},
        {"kind": "sometimes"},
        {"kind": "count", "count": 1, "period": "fortnight"},
        {"kind": "done", "colour": "red"},
    ],
)
def test_plan_data_with_a_bad_target_is_rejected(target: dict[str, object]) -> None:
    data = {
        "title": "T",
        "year": 2023,
        "sections": [{"title": "S", "goals": [{"text": "Mål", "target": target}]}],
    }
    with pytest.raises(PlanParseError):
        plan_from_mapping(data)


def test_text_after_a_list_without_a_blank_line_is_not_merged_into_the_last_goal() -> None:
    """Copied from a web page, a paragraph may follow a list on the next line: it is no part of the goal.
    A wrapped item's second line (lower case, or after a long line) still is."""
    plan = parse_plan(
        "Verksamhetsplan 2026\n\nMedlemmar\n\n"
        "• Ringa alla nya medlemmar\n"
        "Det här gör vi för att fler ska stanna kvar.\n"
        "• Genomföra en utbildning för alla nya medlemmar och för dem som vill\n"
        "Lära sig mer om partiets historia\n"
        "• Starta en studiecirkel\n"
        "om feminism\n"
    )
    assert [goal.text for goal in plan.goals] == [
        "Ringa alla nya medlemmar",
        "Genomföra en utbildning för alla nya medlemmar och för dem som vill "
        "Lära sig mer om partiets historia",
        "Starta en studiecirkel om feminism",
    ]
