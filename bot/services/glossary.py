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
    "stämma|stämman|stämmor|stämmorna": ("general meeting", "general meetings"),
    "utbildning|utbildningen|utbildningar|utbildningarna|kurs|kursen|kurser|kurserna": ("course", "courses"),
    "grundkurs|grundkursen|grundkurser|grundkurserna": ("introductory course", "introductory courses"),
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
    "pressmeddelande|pressmeddelandet|pressmeddelanden|pressmeddelandena": (
        "press release",
        "press releases",
    ),
    "debattartikel|debattartikeln|debattartiklar|debattartiklarna": ("opinion piece", "opinion pieces"),
    "insändare|insändaren|insändarna": ("letter to the editor", "letters to the editor"),
    "artikel|artikeln|artiklar|artiklarna": ("article", "articles"),
    "flygblad|flygbladet|flygbladen": ("leaflet", "leaflets"),
    "utdelning|utdelningen|utdelningar|utdelningarna": ("leafleting round", "leafleting rounds"),
    "bokbord|bokbordet|bokborden": ("stall", "stalls"),
    "öppet hus|öppna hus|öppet huset": ("open house", "open houses"),
    "middag|middagen|middagar|middagarna": ("dinner", "dinners"),
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
    "hemsida|hemsidan|hemsidor|hemsidorna": ("website", "websites"),
    "besök|besöket|besöken": ("visit", "visits"),
    "styrelse|styrelsen|styrelser|styrelserna": ("board", "boards"),
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


# An English plan's unit -> the Swedish the glossary gives it ("meetings" -> "möte"): the first form.
_SWEDISH_OF = {
    fold(english): forms.split("|")[0]
    for forms, englishes in reversed(list(_UNITS.items()))
    if isinstance(englishes, tuple)
    for english in englishes
}


def swedish_for(english: str) -> str | None:
    """The Swedish unit for an English plan's unit, where the glossary has it ("members' meetings" ->
    "medlemsmöte"), else None: then the plan's English word is shown to every reader."""
    return _SWEDISH_OF.get(fold(english))


def english_unit(unit: str | None, *, plural: bool = True) -> str | None:
    """The English for a plan's unit ("studiecirklar", "utbildning, föreläsning eller webbinarium",
    "% av medlemmarna"), singular or plural, or None when a word of it has none."""
    whole = _UNIT_WORDS.get(fold(unit)) if unit and " " in unit.strip() else None  # "öppet hus"
    return whole[plural] if whole else _translated(unit or "", lambda word: _unit_word(word, plural))


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


# --- number agreement: "1 medlemsmöte", "2 medlemsmöten"; "1 meeting", "2 meetings" ------------------------

# Swedish nouns plans count, singular|plural (indefinite), read as the last part of a compound too
# ("ordförandemöte": "möte"). Words with one form for both ("inlägg", "följare") are listed so that they
# are known. Plural alone, or a definite form, is never guessed: an unknown word keeps the plan's form.
_SWEDISH_FORMS = (
    "möte|möten",
    "träff|träffar",
    "cirkel|cirklar",
    "kurs|kurser",
    "kväll|kvällar",
    "dag|dagar",
    "kampanj|kampanjer",
    "stämma|stämmor",
    "medlem|medlemmar",
    "person|personer",
    "inlägg|inlägg",
    "dörr|dörrar",
    "samtal|samtal",
    "organisatör|organisatörer",
    "prenumerant|prenumeranter",
    "nyhetsbrev|nyhetsbrev",
    "meddelande|meddelanden",
    "artikel|artiklar",
    "flygblad|flygblad",
    "bokbord|bokbord",
    "kommun|kommuner",
    "område|områden",
    "krona|kronor",
    "besök|besök",
    "ansvarig|ansvariga",
    "ledamot|ledamöter",
    "timme|timmar",
    "vecka|veckor",
    "debatt|debatter",
    "evenemang|evenemang",
    "frukost|frukostar",
    "middag|middagar",
    "utskick|utskick",
    "annons|annonser",
    "affisch|affischer",
    "film|filmer",
    "avsnitt|avsnitt",
    "konferens|konferenser",
    "lunch|luncher",
    "tillfälle|tillfällen",
    "insats|insatser",
    "kontakt|kontakter",
    "webbinarium|webbinarier",
    "webinarium|webinarier",
    "seminarium|seminarier",
    "stormöte|stormöten",
    "grupp|grupper",
    "lokal|lokaler",
    "bok|böcker",
    "plats|platser",
    "resa|resor",
    "sida|sidor",
    "styrelse|styrelser",
    "procent|procent",
)
# Endings that decide a noun's plural ("-ning": "utbildningar", "-tion": "manifestationer").
_SWEDISH_ENDINGS = (
    "ning|ningar",
    "ling|lingar",
    "tion|tioner",
    "sion|sioner",
    "itet|iteter",
    "are|are",
    "ör|örer",
)
# Known only as whole words: as a last part they inflect otherwise ("gång": "gånger", "ingång": "ingångar").
_SWEDISH_WHOLE = ("gång|gånger", "följare|följare", "aktiva|aktiva", "kr|kr", "sek|sek")


def _pairs(forms: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(pair.split("|")[0], pair.split("|")[1]) for pair in forms]


def swedish_unit(unit: str, *, plural: bool) -> str:
    """A plan's unit in the form that agrees with its number ("ordförandemöte" beside 2: "ordförandemöten";
    "studiecirklar" beside 1: "studiecirkel"), each word of a list ("utbildning, föreläsning eller
    webbinarium") on its own. The plan's own words where a word of it is not known."""
    inflected = _each_word(unit, lambda word: _swedish_word(word, plural))
    return inflected if inflected is not None else unit


def _swedish_word(word: str, plural: bool) -> str | None:
    lower = word.lower()
    for one, many in _pairs(_SWEDISH_WHOLE):
        if lower in (one, many):
            return _cased(word, many if plural else one)
    # The longest known last part, the part before it at least three letters ("valmöten", "utbildningsdagar").
    best: tuple[int, str, str] | None = None
    for one, many in _pairs(_SWEDISH_FORMS):
        for form in (one, many):
            whole = lower == form
            if (whole or (lower.endswith(form) and len(lower) - len(form) >= 3)) and (
                best is None or len(form) > best[0]
            ):
                best = (len(form), word[: len(word) - len(form)], many if plural else one)
    if best is None:
        for one, many in _pairs(_SWEDISH_ENDINGS):
            for form in (one, many):
                if lower.endswith(form) and len(lower) > len(form) + 2:
                    head = word[: len(word) - len(form)]
                    return head + (many if plural else one)
        return None
    return best[1] + _cased(word[len(best[1]) :], best[2])


def _cased(word: str, form: str) -> str:
    return (
        form.upper()
        if word.isupper() and len(word) > 1
        else (form[:1].upper() + form[1:] if word[:1].isupper() else form)
    )


def english_in_number(unit: str, *, plural: bool) -> str:
    """English a board or plan gave for a unit, in the form that agrees with its number ("chairs' meeting"
    beside 2: "chairs' meetings"): each listed word by the glossary's English; unknown words as given."""
    inflected = _each_word(unit, lambda word: _english_word(word, plural), phrases=True)
    return inflected if inflected is not None else unit


def _english_word(phrase: str, plural: bool) -> str:
    head, _, last = phrase.rpartition(" ")
    forms = _ENGLISH_FORMS.get(last.lower())
    if forms is None:
        # a noun before the word that follows it ("person responsible": "people responsible"); other
        # words stay as they are
        first, _, rest = phrase.partition(" ")
        nouns = _ENGLISH_FORMS.get(first.lower()) if rest.lower() in _AFTER_NOUN else None
        return f"{nouns[plural]} {rest}" if nouns else phrase
    return f"{head} {forms[plural]}".strip()


# English a board gives for what its plan counts that no Swedish word of the glossary gives ("calls" for
# "samtal", which the glossary reads "conversations"), so that "1 call" agrees too.
_ENGLISH_ONLY = (("call", "calls"), ("knock", "knocks"), ("visit", "visits"), ("flyer", "flyers"))
_ENGLISH_FORMS = {
    form.rsplit(" ", 1)[-1].lower(): (one.rsplit(" ", 1)[-1], many.rsplit(" ", 1)[-1])
    for one, many in (*_UNITS.values(), *_ENGLISH_ONLY)
    if one != many
    for form in (one, many)
}
# Words after the noun in a phrase ("person responsible"): the noun before them takes the number.
_AFTER_NOUN = frozenset({"responsible", "named", "elected", "present"})
_LIST = re.compile(r"(\s*,\s*|\s+(?:och|eller|samt|and|or)\s+)", re.IGNORECASE)


def _each_word(text: str, inflect: Callable[[str], str | None], *, phrases: bool = False) -> str | None:
    """`text` with each listed item inflected (the separators kept); None when an item is not known, when
    the unit has a "%" ("% av medlemmarna") or, unless `phrases`, an item of more than one word ("nya
    medlemmar": its adjective would need inflecting too)."""
    if not text.strip() or "%" in text:
        return None
    pieces = _LIST.split(text.strip())
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            out.append(piece)
            continue
        if " " in piece and not phrases:
            return None
        found = inflect(piece)
        if found is None:
            return None
        out.append(found)
    return "".join(out)


# --- what a typed word counts: "möten" after a value of a goal that counts "medlemsmöte" -------------------

# Swedish form -> every form of its glossary entry, Swedish and English ("möten": "möte", "mötet", "meeting").
_FORMS_OF = {
    fold(form): frozenset(fold(other) for other in forms.split("|"))
    | frozenset(fold(english) for english in englishes)
    for forms, englishes in _UNITS.items()
    for form in forms.split("|")
}


def unit_forms(unit: str | None, unit_en: str | None = None) -> frozenset[str]:
    """Every form (folded) a chair may write for what a unit counts: for each listed word ("utbildning,
    föreläsning eller webbinarium") its glossary entry's forms in both languages, and those of its
    compound's last part ("medlemsmöte": "möte", "möten", "mötet", "meetings"); for the English a board
    gave ("members' meeting") the last word in both numbers ("meeting", "meetings")."""
    found: set[str] = set()
    for item in _LIST.split((unit or "").strip())[::2]:
        last = fold(item.split()[-1]) if item.split() else ""
        found |= _FORMS_OF.get(last, frozenset())
        tails = [last[start:] for start in range(1, len(last) - 3) if last[start:] in _FORMS_OF]
        if tails:  # the longest known last part of at least four letters, as _unit_word reads it
            found |= _FORMS_OF[tails[0]]
    for item in _LIST.split((unit_en or "").strip())[::2]:
        last = item.split()[-1].lower() if item.split() else ""
        found |= {fold(form) for form in _ENGLISH_FORMS.get(last, ())} | ({fold(last)} if last else set())
    return frozenset(found)
