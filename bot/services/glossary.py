"""English for the Swedish words plans use for what they count and for their priority areas. Pure.

A plan is written in Swedish; English readers see its units ("medlemsmöten") and areas ("Miljö och klimat")
in English. The glossary holds the words Swedish district plans use; a compound word unknown as a whole is
read by its last part ("valmöten": "meetings"). Where no English is known the caller says something
neutral, never the Swedish word. The board can give its own English (see plan_corrections.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from bot.i18n import fold

# Swedish forms (singular and plural, indefinite and definite, "|"-separated) -> English singular, plural.
_UNITS = {
    "möte|mötet|möten|mötena|träff|träffen|träffar|träffarna": ("meeting", "meetings"),
    (
        "medlemsmöte|medlemsmötet|medlemsmöten|medlemsmötena|"
        "medlemsträff|medlemsträffen|medlemsträffar|medlemsträffarna"
    ): ("members' meeting", "members' meetings"),
    ("ordförandemöte|ordförandemötet|ordförandemöten|ordförandemötena"): (
        "chairs' meeting",
        "chairs' meetings",
    ),
    "styrelsemöte|styrelsemötet|styrelsemöten|styrelsemötena": ("board meeting", "board meetings"),
    "torgmöte|torgmötet|torgmöten|torgmötena": ("street meeting", "street meetings"),
    "årsmöte|årsmötet|årsmöten|årsmötena": ("annual meeting", "annual meetings"),
    "utbildning|utbildningen|utbildningar|utbildningarna|kurs|kursen|kurser|kurserna": ("course", "courses"),
    "grundkurs|grundkursen": ("introductory course", "introductory courses"),
    ("studiecirkel|studiecirkeln|cirkel|cirkeln|studiecirklar|studiecirklarna|cirklar|cirklarna"): (
        "study circle",
        "study circles",
    ),
    "föreläsning|föreläsningen|föreläsningar|föreläsningarna": ("talk", "talks"),
    ("webbinarium|webinarium|webbinariet|webinariet|webbinarier|webinarier|webbinarierna"): (
        "webinar",
        "webinars",
    ),
    "seminarium|seminariet|seminarier|seminarierna": ("seminar", "seminars"),
    "aktivitet|aktiviteten|aktiviteter|aktiviteterna": ("activity", "activities"),
    "kampanj|kampanjen|kampanjer|kampanjerna": ("campaign", "campaigns"),
    ("dörrknackning|dörrknackningen|dörrknackningar|dörrknackningarna"): (
        "door-knocking round",
        "door-knocking rounds",
    ),
    "dörr|dörren|dörrar|dörrarna": ("door", "doors"),
    "samtal|samtalet|samtalen": ("conversation", "conversations"),
    "ringkväll|ringkvällen|ringkvällar|ringkvällarna|telefonkväll|telefonkvällar": (
        "phone-bank evening",
        "phone-bank evenings",
    ),
    "kontaktperson|kontaktpersonen|kontaktpersoner|kontaktpersonerna": ("contact person", "contact people"),
    "person|personen|personer|personerna": ("person", "people"),
    "organisatör|organisatören|organisatörer|organisatörerna": ("organiser", "organisers"),
    "valledare|valledaren|valledarna": ("campaign leader", "campaign leaders"),
    "medlem|medlemmen|medlemmar|medlemmarna": ("member", "members"),
    "nya medlemmar": ("new member", "new members"),
    "aktiva|aktiva medlemmar": ("active member", "active members"),
    "följare|följarna": ("follower", "followers"),
    "prenumerant|prenumeranten|prenumeranter|prenumeranterna": ("subscriber", "subscribers"),
    "inlägg|inlägget|inläggen": ("post", "posts"),
    "nyhetsbrev|nyhetsbrevet|nyhetsbreven": ("newsletter", "newsletters"),
    "debattartikel|debattartikeln|debattartiklar|debattartiklarna": ("opinion piece", "opinion pieces"),
    "insändare|insändaren|insändarna": ("letter to the editor", "letters to the editor"),
    "artikel|artikeln|artiklar|artiklarna": ("article", "articles"),
    "flygblad|flygbladet|flygbladen": ("leaflet", "leaflets"),
    "utdelning|utdelningen|utdelningar|utdelningarna": ("leafleting round", "leafleting rounds"),
    "bokbord|bokbordet|bokborden": ("stall", "stalls"),
    "manifestation|manifestationen|manifestationer|manifestationerna": ("demonstration", "demonstrations"),
    "gång|gången|gånger|gångerna": ("time", "times"),
    "kommun|kommunen|kommuner|kommunerna": ("municipality", "municipalities"),
    "bostadsområde|bostadsområdet|bostadsområden|bostadsområdena": ("housing area", "housing areas"),
    (
        "förening|föreningen|partiförening|partiföreningen|"
        "föreningar|föreningarna|partiföreningar|partiföreningarna"
    ): ("branch", "branches"),
    "krona|kronor|kr|sek": ("krona", "kronor"),
    "procent|%": ("%", "%"),
    "hemsida|hemsidan": ("website", "websites"),
    "besök|besöket|besöken": ("visit", "visits"),
    "styrelse|styrelsen": ("board", "boards"),
}
# Area words: Swedish forms -> English.
_AREAS = {
    "facklig|fackliga|facket": "trade union",
    "politik|politiken|politisk|politiska": "politics",
    "facklig politik|facklig politisk|fackligt arbete": "trade union politics",
    "feminism|feminismen|feministisk|feministiska": "feminism",
    "antirasism|antirasismen|antirasistisk|antirasistiska": "anti-racism",
    "miljö|miljön": "environment",
    "klimat|klimatet": "climate",
    "vård|vården|sjukvård|sjukvården|hälso- och sjukvård": "healthcare",
    "hälsa|hälsan": "health",
    "bostad|bostäder|bostäderna|boende|bostadspolitik": "housing",
    "arbete|arbetet|jobb|jobben": "jobs",
    "arbetsmarknad|arbetsmarknaden": "labour market",
    "skola|skolan|utbildning|utbildningen": "education",
    "välfärd|välfärden": "welfare",
    "äldreomsorg|äldreomsorgen": "elderly care",
    "omsorg|omsorgen": "care",
    "jämställdhet|jämställdheten": "gender equality",
    "jämlikhet|jämlikheten": "equality",
    "landsbygd|landsbygden": "rural areas",
    "kollektivtrafik|kollektivtrafiken": "public transport",
    "trafik|trafiken|infrastruktur|infrastrukturen": "transport",
    "ekonomi|ekonomin": "economy",
    "ekonomisk|ekonomiska": "economic",
    "rättvisa|rättvisan": "justice",
    "demokrati|demokratin": "democracy",
    "kultur|kulturen": "culture",
    "fred|freden": "peace",
    "internationell|internationella|internationellt": "international",
    "solidaritet|solidariteten": "solidarity",
    "integration|integrationen": "integration",
    "migration|migrationen": "migration",
    "ungdom|ungdomar|unga": "young people",
    "barn|barnen": "children",
    "organisering|organiseringen": "organising",
    "skatt|skatter|skatterna": "taxes",
    "hbtqi|hbtq": "LGBTQI",
    "djurrätt|djurrätten": "animal rights",
    "digitalisering|digitaliseringen": "digitalisation",
}
_UNIT_WORDS = {fold(form): english for forms, english in _UNITS.items() for form in forms.split("|")}
_AREA_WORDS = {fold(form): english for forms, english in _AREAS.items() for form in forms.split("|")}
# Words between the listed ones ("studiecirklar eller kurser", "Miljö och klimat").
_JOINS = {"och": "and", "eller": "or", "samt": "and", "av": "of", "i": "in", "per": "per", "for": "for"}
_PIECES = re.compile(r"(\s*,\s*|\s+)")
_AREA_NAME = re.compile(r"[^\W\d_][\w\s,-]*")


def english_unit(unit: str | None, *, plural: bool = True) -> str | None:
    """The English for a plan's unit ("studiecirklar", "utbildning, föreläsning eller webbinarium",
    "% av medlemmarna"), singular or plural, or None when a word of it has none."""
    return _translated(unit or "", lambda word: _unit_word(word, plural))


def _unit_word(word: str, plural: bool) -> str | None:
    folded = fold(word)
    if folded in _UNIT_WORDS:
        return _UNIT_WORDS[folded][plural]
    if "-" in word:  # "ABF-cirkeln": the name before the hyphen, the word after it
        head, _, tail = word.rpartition("-")
        english = _unit_word(tail, plural)
        return f"{head} {english}" if english and head else None
    # A compound: its longest known last part of at least four letters ("valmöten": "möten").
    for start in range(1, len(folded) - 3):
        if folded[start:] in _UNIT_WORDS:
            return _UNIT_WORDS[folded[start:]][plural]
    return None


def english_area(area: str) -> str | None:
    """The English name of a priority area ("Miljö och klimat": "Environment and climate"), or None; None
    also for a name with other marks than words, commas and hyphens (it is no word of the glossary's)."""
    if not _AREA_NAME.fullmatch(area.strip()):
        return None
    whole = _AREA_WORDS.get(fold(area)) or _translated(area, lambda word: _AREA_WORDS.get(fold(word)))
    return whole[:1].upper() + whole[1:] if whole else None


def _translated(text: str, english: Callable[[str], str | None]) -> str | None:
    """`text` word by word, its commas and joining words kept; None when a word has no English."""
    if not text.strip():
        return None
    words = []
    for piece in _PIECES.split(text.strip()):
        if piece.strip() in ("", ","):
            words.append(piece.strip() + " ")
            continue
        found = _JOINS.get(fold(piece)) or english(piece)
        if found is None:
            return None
        words.append(found)
    return "".join(words).replace(" ,", ",")


def area_name(area: str, language: str, board: Mapping[str, str] | None = None) -> str:
    """A priority area's name in `language`: in English the board's (`board`, by folded name), else the
    glossary's, else the plan's own name (a name, like the district's)."""
    if language != "en":
        return area
    return (board or {}).get(fold(area)) or english_area(area) or area
