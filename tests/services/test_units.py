"""A count and its unit agree, as a Swede (and an English reader) expects them to.

What a board member means: the unit is a word of the sentence, so it takes the form the number beside it
asks for. "1 medlemsmöte", "2 medlemsmöten", "0 medlemsmöten", "1,5 timmar"; in "X av Y" the unit follows
Y ("1 av 4 medlemsmöten", "0 av 1 medlemsmöte"). The same in English: "1 meeting", "2 meetings",
"0 meetings". A plan writes its unit in one form ("minst ett ordförandemöte per kvartal"); when the board
corrects the number ("mål 6 mål 2 per termin") the word must follow: "minst 2 ordförandemöten per halvår",
never "2 ordförandemöte" or "1 studiecirklar".

The bot knows the Swedish forms of the words plans count in, and of a compound by its last part
("ordförandemöte": "möte", "möten"; "utbildningsdagar": "dag", "dagar"). A word it does not know, a definite
form ("grundkursen") or a phrase ("% av medlemmarna") keeps the plan's own words: no guessing that makes
wrong Swedish; a person's adjective agrees as its noun does ("1 ny medlem", "2 nya medlemmar"). English the
board gave ("chairs' meeting") follows the number the same way, by the glossary's English nouns.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.i18n import _UNITS, english_in_number, swedish_unit
from bot.services.goals import Period, Target, TargetKind
from bot.services.plan_import import read_plan

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "tests" / "fixtures" / "plans"

# Every unit the fixture plans, the sample plan and the two seed plans (/work/shared/seeds) are read with,
# as written -> (beside 1, beside any other number). Definite forms and phrases keep the plan's words.
FORMS = {
    "ordförandemöte": ("ordförandemöte", "ordförandemöten"),
    "medlemsmöte": ("medlemsmöte", "medlemsmöten"),
    "medlemsmöten": ("medlemsmöte", "medlemsmöten"),
    "medlemsträffar": ("medlemsträff", "medlemsträffar"),
    "möte": ("möte", "möten"),
    "träffar": ("träff", "träffar"),
    "grundkurs": ("grundkurs", "grundkurser"),
    "debatter": ("debatt", "debatter"),
    "medlemsvärvningskampanj": ("medlemsvärvningskampanj", "medlemsvärvningskampanjer"),
    "presskontakt": ("presskontakt", "presskontakter"),
    "insändare": ("insändare", "insändare"),
    "torgmöten": ("torgmöte", "torgmöten"),
    "studiecirkel": ("studiecirkel", "studiecirklar"),
    "studiecirklar": ("studiecirkel", "studiecirklar"),
    "grundutbildning": ("grundutbildning", "grundutbildningar"),
    "organisatörsutbildning": ("organisatörsutbildning", "organisatörsutbildningar"),
    "utbildningsdagar": ("utbildningsdag", "utbildningsdagar"),
    "introduktionskväll": ("introduktionskväll", "introduktionskvällar"),
    "värvningsaktiviteter": ("värvningsaktivitet", "värvningsaktiviteter"),
    "dörrknackningar": ("dörrknackning", "dörrknackningar"),
    "dörr": ("dörr", "dörrar"),
    "dörrknackning": ("dörrknackning", "dörrknackningar"),
    "debattartikel": ("debattartikel", "debattartiklar"),
    "debattartiklar": ("debattartikel", "debattartiklar"),
    "inlägg": ("inlägg", "inlägg"),
    "nyhetsbrev": ("nyhetsbrev", "nyhetsbrev"),
    "bostadsområden": ("bostadsområde", "bostadsområden"),
    "kommuner": ("kommun", "kommuner"),
    "medlemmar": ("medlem", "medlemmar"),
    "person": ("person", "personer"),
    "personer": ("person", "personer"),
    "kontaktpersoner": ("kontaktperson", "kontaktpersoner"),
    "organisatörer": ("organisatör", "organisatörer"),
    "ansvarig": ("ansvarig", "ansvariga"),
    "ansvariga": ("ansvarig", "ansvariga"),
    "medlemsansvarig": ("medlemsansvarig", "medlemsansvariga"),
    "valledare": ("valledare", "valledare"),
    "följare": ("följare", "följare"),
    "prenumeranter": ("prenumerant", "prenumeranter"),
    "aktiva": ("aktiva", "aktiva"),
    "gång": ("gång", "gånger"),
    "kronor": ("krona", "kronor"),
    "utbildning, föreläsning eller webinarium": (
        "utbildning, föreläsning eller webinarium",
        "utbildningar, föreläsningar eller webinarier",
    ),
    "utbildning, föreläsning eller webbinarium": (
        "utbildning, föreläsning eller webbinarium",
        "utbildningar, föreläsningar eller webbinarier",
    ),
    # The plan's own words: a definite form, a name, a phrase.
    "grundkursen": ("grundkursen", "grundkursen"),
    "hemsidan": ("hemsidan", "hemsidan"),
    "styrelsen": ("styrelsen", "styrelsen"),
    "ABF-cirkeln": ("ABF-cirkeln", "ABF-cirkeln"),
    "% av medlemmarna": ("% av medlemmarna", "% av medlemmarna"),
    "% av distriktsstyrelsens ledamöter": (
        "% av distriktsstyrelsens ledamöter",
        "% av distriktsstyrelsens ledamöter",
    ),
    "% av styrelsens ledamöter": ("% av styrelsens ledamöter", "% av styrelsens ledamöter"),
    "nya medlemmar": ("ny medlem", "nya medlemmar"),
    "nya kontaktpersoner": ("ny kontaktperson", "nya kontaktpersoner"),
    "aktiva medlemmar": ("aktiv medlem", "aktiva medlemmar"),
    "volontärer": ("volontär", "volontärer"),
    "nya möten": ("nya möten", "nya möten"),  # "nytt möte": only people's adjectives are inflected
    "% av kandidaterna": ("% av kandidaterna", "% av kandidaterna"),
    "%": ("%", "%"),
    "nyhetsbrevet": ("nyhetsbrevet", "nyhetsbrevet"),
    "pressmeddelande": ("pressmeddelande", "pressmeddelanden"),
    "samtal": ("samtal", "samtal"),
    "utbildningar": ("utbildning", "utbildningar"),
    "kontaktperson": ("kontaktperson", "kontaktpersoner"),
    "studieansvarig": ("studieansvarig", "studieansvariga"),
    "% av lokalavdelningarna": ("% av lokalavdelningarna", "% av lokalavdelningarna"),
    "% av kommunföreningarna": ("% av kommunföreningarna", "% av kommunföreningarna"),
    "kretsstämmor": ("kretsstämma", "kretsstämmor"),
    "styrelsemöte": ("styrelsemöte", "styrelsemöten"),
    "möten": ("möte", "möten"),
    "grundkurser": ("grundkurs", "grundkurser"),
    # An English plan's units: the glossary's Swedish where it has it, else the plan's own words.
    "medlem": ("medlem", "medlemmar"),
    "canvassers": ("canvassers", "canvassers"),
    "op-eds": ("op-eds", "op-eds"),
}


def _plan_units() -> set[str]:
    units = set()
    for path in sorted(PLANS.iterdir()):
        if path.suffix in (".txt", ".md", ".docx", ".pdf"):
            draft = read_plan(path.name, path.read_bytes())
            units |= {goal.target.unit for section in draft.sections for goal in section.goals}
    sample = tomllib.loads((ROOT / "bot" / "data" / "sample_plan.toml").read_text())
    units |= {goal.get("target", {}).get("unit") for s in sample["sections"] for goal in s["goals"]}
    return {unit for unit in units if unit}


def test_every_unit_the_plans_are_read_with_has_its_forms_written_down() -> None:
    """A plan that brings a new unit must say here how it reads beside 1 and beside 2."""
    assert _plan_units() - FORMS.keys() == set()


@pytest.mark.parametrize(("written", "forms"), sorted(FORMS.items()))
def test_a_unit_agrees_with_the_number_beside_it(written: str, forms: tuple[str, str]) -> None:
    one, many = forms
    assert swedish_unit(written, plural=False) == one
    assert swedish_unit(written, plural=True) == many
    # Whichever form the plan wrote, both forms read back to themselves.
    assert swedish_unit(one, plural=False) == one and swedish_unit(many, plural=True) == many


@pytest.mark.parametrize(
    ("written", "one", "many"),
    [
        ("Medlemsmöte", "Medlemsmöte", "Medlemsmöten"),
        ("valmöten", "valmöte", "valmöten"),
        ("medlemsträff", "medlemsträff", "medlemsträffar"),
        ("kampanj", "kampanj", "kampanjer"),
        ("temakvällar", "temakväll", "temakvällar"),
        ("namninsamling", "namninsamling", "namninsamlingar"),
        ("manifestationer", "manifestation", "manifestationer"),
        ("seminarium", "seminarium", "seminarier"),
        ("ingång", "ingång", "ingång"),  # not "ingånger": "gång" is known only whole
        ("blomma", "blomma", "blomma"),  # unknown: the plan's word
    ],
)
def test_compounds_by_their_last_part_and_unknown_words_as_written(written: str, one: str, many: str) -> None:
    assert (swedish_unit(written, plural=False), swedish_unit(written, plural=True)) == (one, many)


@pytest.mark.parametrize(
    ("english", "one", "many"),
    [
        ("chairs' meeting", "chairs' meeting", "chairs' meetings"),
        ("members' meetings", "members' meeting", "members' meetings"),
        ("course, talk or webinar", "course, talk or webinar", "courses, talks or webinars"),
        ("opinion pieces", "opinion piece", "opinion pieces"),
        ("people", "person", "people"),
        ("posts", "post", "posts"),
        ("gizmos", "gizmos", "gizmos"),  # unknown: as given
    ],
)
def test_english_the_board_gave_follows_the_number(english: str, one: str, many: str) -> None:
    assert (english_in_number(english, plural=False), english_in_number(english, plural=True)) == (one, many)


@pytest.mark.parametrize(
    ("count", "swedish", "english"),
    [
        (0, "ordförandemöten", "chairs' meetings"),
        (1, "ordförandemöte", "chairs' meeting"),
        (2, "ordförandemöten", "chairs' meetings"),
        (1.5, "ordförandemöten", "chairs' meetings"),
    ],
)
def test_a_targets_unit_in_each_language_beside_any_number(count: float, swedish: str, english: str) -> None:
    target = Target(
        TargetKind.COUNT, count=2, period=Period.QUARTER, unit="ordförandemöte", unit_en="chairs' meeting"
    )
    assert target.unit_in("sv", count) == swedish and target.unit_in("en", count) == english
    glossary_only = Target(TargetKind.COUNT, count=1, period=Period.YEAR, unit="studiecirklar")
    assert (glossary_only.unit_in("sv"), glossary_only.unit_in("en")) == ("studiecirkel", "study circle")
    assert glossary_only.unit_in("sv", count) == ("studiecirkel" if count == 1 else "studiecirklar")


def test_the_glossarys_words_inflect_within_their_own_forms() -> None:
    """The words the glossary gives English for are known in Swedish too: each inflects to a form the
    glossary lists with it (so "1 styrelse", "2 styrelser" read the same in English as in Swedish)."""
    for forms in (key.split("|") for key in _UNITS):
        for form in forms:
            for plural in (False, True):
                assert swedish_unit(form, plural=plural) in forms, (form, plural)
        if " " not in forms[0] and forms[0] != "%":
            assert swedish_unit(forms[0], plural=False) == forms[0]
