"""Goals written in English, read for their targets: a plan's English wording restated in the Swedish words
the target reader knows ("at least four meetings per year" -> "minst 4 meetings per år").

Only the words that carry a target or a commitment are restated (numbers, periods, "at least", "from ... to",
"increase by", the verbs that count, "we will", "every branch"); the goal's own text is never changed, and
what is counted stays the plan's English word (plan.parse_target gives Swedish readers the glossary's
Swedish for it). Standard library only.
"""

from __future__ import annotations

import re

_ENGLISH = frozenset(
    "the and of to a an at least per every each will shall we our with for in by on all year month week "
    "quarter hold organise organize publish send increase reach members meetings times twice once branch "
    "branches board district before after new train visit is are be this that from have has into "
    "who which their people monthly quarterly weekly annually yearly newsletter newsletters meeting "
    "followers reach recruit grow raise run stall stalls campaign membership double".split()
)
_SWEDISH = frozenset(
    "och att ska skall vi för med en ett minst i på alla år månad vecka kvartal hålla varje per av till "
    "under som är medlemmar möten distriktet styrelsen".split()
)

_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100,
}  # fmt: skip

_NTH = {"third": "tredje", "fourth": "fjärde", "sixth": "sjätte"}
_PERIODS = {
    "week": "vecka", "weekend": "helg", "month": "månad", "quarter": "kvartal", "term": "termin",
    "year": "år",
}  # fmt: skip
_DAYS = {
    "monday": "måndag", "tuesday": "tisdag", "wednesday": "onsdag", "thursday": "torsdag", "friday": "fredag",
    "saturday": "lördag", "sunday": "söndag",
}  # fmt: skip
_DAY = "|".join(_DAYS)
_PERIOD = r"(?P<period>weekend|week|month|quarter|half[- ]year|six\s+months|term|semester|year)"

# (pattern, replacement): applied in order; each restates one kind of wording.
_RESTATED: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:at\s+least|no\s+fewer\s+than|a\s+minimum\s+of|minimum)\b", re.I), "minst"),
    (re.compile(r"\btwice\b", re.I), "två gånger"),
    (re.compile(r"\bonce\b", re.I), "en gång"),
    (re.compile(r"\btimes\b", re.I), "gånger"),
    (re.compile(r"\bevery\s+other\s+(?P<p>week|month)\b", re.I), "varannan {p}"),
    (re.compile(r"\bevery\s+(?P<n>third|fourth|sixth)\s+(?P<p>week|month)\b", re.I), "var {n} {p}"),
    (re.compile(r"\bdouble\s+the\s+number\s+of\b", re.I), "fördubbla antalet"),
    (
        re.compile(r"\bdouble\b(?=\s+(?:our|the|its)?\s*(?:followers|members|membership)\b)", re.I),
        "fördubbla",
    ),
    # "members' meeting" is one thing, the Swedish "medlemsmöte", not the members
    (re.compile(r"\bmembers['\u2019]?\s+meetings?\b", re.I), "medlemsmöte"),
    (re.compile(r"\b(?:our\s+|the\s+)?membership\b", re.I), "medlemsantalet"),
    (re.compile(r"\b(?:shall|will|must|should)\b", re.I), "ska"),
    # An aim said as one: "we aim to", "our goal is to" (plan._AIMED reads the Swedish).
    (re.compile(r"\bour\s+(?:goal|aim|target|objective)\s+is\s+to\b", re.I), "vårt mål är att"),
    (re.compile(r"\b(?:the\s+)?(?:goal|aim|target|objective)\s+is\s+to\b", re.I), "målet är att"),
    (re.compile(r"\bwe\s+(?:aim|plan|intend)\s+to\b", re.I), "vi siktar på att"),
    (re.compile(r"\bwe\s+want\s+to\b", re.I), "vi vill"),
    # Who commits: "we", "the district", "the board" (a sentence in prose is a goal when they do).
    (re.compile(r"\bwe\b", re.I), "vi"),
    (re.compile(r"\b(?:the\s+)?district\b(?!\s+board)", re.I), "distriktet"),
    (re.compile(r"\b(?:the\s+)?(?:district\s+)?board\b(?!\s+members?)", re.I), "styrelsen"),
    (re.compile(r"\balso\b", re.I), "också"),
    (re.compile(r"\brecruit\b", re.I), "rekrytera"),
    # "within a week" says how soon, not how often.
    (re.compile(r"\bwithin\b", re.I), "inom"),
    (
        re.compile(rf"(?<!inom )\b(?:per|a|an|each|every|in\s+each|in\s+every)\s+{_PERIOD}\b", re.I),
        "per {period}",
    ),
    (re.compile(r"\bweekly\b", re.I), "per vecka"),
    # "every Saturday", "on Saturdays": once a week.
    (re.compile(rf"\b(?:(?:every|each)\s+(?P<day>{_DAY})|on\s+(?P<days>{_DAY})s)\b", re.I), "varje {day}"),
    (re.compile(r"\bmonthly\b", re.I), "per månad"),
    (re.compile(r"\bquarterly\b", re.I), "per kvartal"),
    (re.compile(r"\b(?:yearly|annually)\b", re.I), "per år"),
    (re.compile(r"\b(?:during|over|in|throughout)\s+(?:the|this)\s+year\b", re.I), "under året"),
    (re.compile(r"\bfrom\s+(?=[0-9])", re.I), "från "),
    (re.compile(r"(?<=[0-9])\s+to\s+(?=[0-9])", re.I), " till "),
    (re.compile(r"\b(?:increase|raise|grow|boost)\b(?=[^.;]*\b(?:by|to|from)\s+[0-9])", re.I), "öka"),
    (re.compile(r"\b(?:decrease|reduce|cut)\b(?=[^.;]*\b(?:by|to|from)\s+[0-9])", re.I), "minska"),
    (re.compile(r"\bby\s+(?=[0-9]+\s*(?:%|(?:percent|per\s+cent)\b))", re.I), "med "),
    # "grow membership by 15": a change by a number ("by 2027", "by 15 June" say when)
    (
        re.compile(
            r"(?:(?<=öka )|(?<=minska ))(?P<what>[^.;]*?)\bby\s+(?=(?!(?:19|20)[0-9]{2}\b)[0-9]+\b"
            r"(?![ ]*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))",
            re.I,
        ),
        "{what}med ",
    ),
    # "raise membership to 400": the figure to reach
    (
        re.compile(
            r"(?:(?<=öka )|(?<=minska ))(?P<what>[^.;]*?)\bto\s+(?=(?!(?:19|20)[0-9]{2}\b)[0-9])", re.I
        ),
        "{what}till ",
    ),
    (re.compile(r"\b(?:percent|per\s+cent)\b", re.I), "procent"),
    (re.compile(r"\bthe\s+number\s+of\b", re.I), "antalet"),
    (re.compile(r"\b(?:raise|collect)\s+(?=[0-9][0-9 ]*\s*(?:sek|kronor|kr)\b)", re.I), "samla in "),
    (re.compile(r"\bSEK\b"), "kronor"),
    (re.compile(r"\b(?:appoint|elect)\b", re.I), "utse"),
    (re.compile(r"\bname\s+(?=minst\s|[0-9])", re.I), "utse "),
    (re.compile(r"\bcontact\s+persons\b", re.I), "kontaktpersoner"),
    (re.compile(r"\bcontact\s+person\b", re.I), "kontaktperson"),
    (re.compile(r"\b(?:reach|have|get)\s+(?=minst\s|[0-9])", re.I), "nå "),
    (re.compile(r"\bhalf\s+of\b", re.I), "hälften av"),
    (re.compile(r"(?<=[0-9%])\s+of\b", re.I), " av"),
    # What every branch does, so the goal is each branch's: "every local branch", "all branches".
    (re.compile(r"\b(?:every|each|all)\s+(?:local\s+)?(?:branch|branches)\b", re.I), "varje förening"),
    # The verbs a count follows: "hold four meetings" counts meetings.
    (re.compile(r"\b(?:hold|run|carry\s+out|conduct)\b", re.I), "genomföra"),
    (re.compile(r"\b(?:organi[sz]e|arrange|host)\b", re.I), "arrangera"),
    (re.compile(r"\bpublish\b", re.I), "publicera"),
    (re.compile(r"\bsend(?:\s+out)?\b", re.I), "skicka"),
    (re.compile(r"\bwrite\b", re.I), "skriva"),
    (re.compile(r"\btrain\b", re.I), "utbilda"),
    (re.compile(r"\bvisit\b", re.I), "besöka"),
    (re.compile(r"\bmeet\b", re.I), "träffa"),
    (re.compile(r"(?<!\ba )(?<!\ban )(?<!the )\bcall\b", re.I), "ringa"),  # not "hold a call"
    (re.compile(r"\bcontact\b(?!\s+person)", re.I), "kontakta"),
    (re.compile(r"\bknock\s+on\b", re.I), "knacka"),
    # Words that end what is counted, and the articles before it: "publish a newsletter every month".
    (re.compile(r"\b(?:a|an)\b(?=\s+[^\W\d_])", re.I), "en"),
    (re.compile(r"\bnew\b", re.I), "nya"),
    (re.compile(r"\bthe\s+", re.I), ""),
    (re.compile(r"\b(?:before|by)\b", re.I), "före"),
    (re.compile(r"\b(?:during|throughout)\b", re.I), "under"),
    (re.compile(r"(?<!samla )\b(?:in|at)\b", re.I), "i"),
    (re.compile(r"\bfor\b", re.I), "för"),
    (re.compile(r"\bwith\b", re.I), "med"),
]  # fmt: skip
_THOUSANDS = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3})+(?![0-9]|[.,][0-9])")
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBERS) + r")\b", re.IGNORECASE)


def is_english(text: str) -> bool:
    """More English words than Swedish ones: the goal is written in English."""
    words = re.findall(r"[a-zåäö]+", text.lower())
    english = sum(word in _ENGLISH for word in words)
    return english >= 2 and english > sum(word in _SWEDISH for word in words)


def in_swedish_terms(text: str) -> str:
    """An English goal's target wording in the Swedish words the target reader knows; other text as is."""
    if not is_english(text):
        return text
    text = _THOUSANDS.sub(lambda m: m.group(0).replace(",", " "), text)  # "3,000 followers": 3 000
    text = _NUMBER_WORD.sub(lambda m: str(_NUMBERS[m.group(0).lower()]), text)
    for pattern, replacement in _RESTATED:
        text = pattern.sub(lambda m, r=replacement: _filled(r, m), text)  # type: ignore[misc]
    return text


def _filled(replacement: str, match: re.Match[str]) -> str:
    groups = match.groupdict()
    if "period" in groups and groups["period"]:
        period = groups["period"].lower()
        word = "halvår" if period.startswith(("half", "six", "semester")) else _PERIODS[period]
        return replacement.format(period=word)
    if groups.get("day") or groups.get("days"):
        return replacement.format(day=_DAYS[(groups["day"] or groups["days"]).lower()])
    if "p" in groups and groups["p"]:
        nth = _NTH.get((groups.get("n") or "").lower(), "")
        return replacement.format(p=_PERIODS[groups["p"].lower()], n=nth)
    if "what" in groups:
        return replacement.format(what=groups["what"] or "")
    return replacement
