"""The bot's two languages, both ways: what it writes and how it reads what people write. Framework-free.

Writing: gettext catalogues in bot/locales (msgids in English, Swedish translations), and the language to
write to each person in. Translate first, format after: `t._("Goal {number}").format(number=6)`.

Reading: one fold of case and diacritics for every comparison of typed words with known ones ("Härnösand",
"harnosand" and "HÄRNÖSAND" are one branch, "sök" and "SOK" one command); HTML from Teams flattened to
text; and what people write instead of a bare command read as the command they mean ("vad är mål 6?" and
`mål6` mean `mål 6`, "hur går det för Sundsvall" means `status Sundsvall`; "hej" and "tack" deserve a
friendly word; a message of emoji alone is a reaction and gets no answer).
"""

from __future__ import annotations

import difflib
import gettext
import io
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).parent / "locales"
LANGUAGES = ("sv", "en")
# English command words that are Swedish words as well ("export" is a Swedish noun, as "post" is): written
# alone, they do not tell which language someone writes in, so the reply follows the person (the router).
SHARED_WORDS = frozenset({"export", "post"})
DOMAIN = "messages"


class Translator:
    """The messages of one language."""

    def __init__(self, language: str, translations: gettext.NullTranslations) -> None:
        self.language = language
        self._translations = translations

    def _(self, message: str) -> str:
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._translations.ngettext(singular, plural, n)


@cache
def translator(language: str) -> Translator:
    """The catalogue for `language` ("sv" or "en"), compiled from its .po file once per process."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translator(language, gettext.GNUTranslations(compiled))


def pick_language(locale: str | None, default: str) -> str:
    """The language for a Teams locale such as "sv-SE" or "en-US"; the district's default otherwise."""
    return language_of_locale(locale) or default


def language_of_locale(locale: str | None) -> str | None:
    """ "sv" for "sv-SE", "en" for "en_GB"; None for a locale the bot does not speak."""
    if locale:
        primary = locale.replace("_", "-").split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return None


def person_language(chosen: str | None, locale: str | None, default: str) -> str:
    """The language to write to someone in: the one they chose (`språk svenska`), else their Teams
    client's, else the district's. A command word in one language decides a reply before this does
    (bot/commands/router.py)."""
    if chosen in LANGUAGES:
        return chosen
    return language_of_locale(locale) or default


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark for translation, translate later"
    """Marks a message for extraction where it is defined; it is translated where it is shown."""
    return message


def genitive(t: Translator, name: str) -> str:
    """A name's possessive as the language writes it: "Megan Bowens", "Jonas" (sv); "Jonas's" (en)."""
    if t.language == "sv":
        return name if name[-1:].lower() in ("s", "x", "z") else f"{name}s"
    return f"{name}\u2019s"


# --- reading what people write ---

_NOT_WORD = re.compile(r"[^\w]+")
# Characters that change how text around them looks without being seen (issue 17): C0/C1 controls but
# tab, newline and carriage return; the bidi embeddings, overrides and isolates (U+202A-U+202E,
# U+2066-U+2069) and marks (U+200E, U+200F, U+061C), which can make "gpj.exe" read as "exe.jpg";
# zero-width space, word joiner and invisible operators, BOM; interlinear annotation; and lone UTF-16
# surrogates, which no UTF-8 store or log can hold. Zero-width (non-)joiners stay: emoji and some scripts
# need them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def strip_invisible(text: str) -> str:
    """`text` without invisible control characters (see _INVISIBLE); line breaks and tabs kept."""
    return _INVISIBLE.sub("", text)


def fold_letters(text: str) -> str:
    """Lower case without diacritics, nothing else changed: "Sön" -> "son", "Café" -> "cafe", "@" -> "@".

    Case folded (`str.casefold`: "ß" -> "ss"), then decomposed (NFKD: "ä" is "a" and a combining
    diaeresis, "ﬁ" is "fi") and stripped of combining marks.
    """
    folded = text.casefold()
    if folded.isascii():  # ASCII has nothing to decompose
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_AFTER_Z = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"})


def alphabetical(text: str) -> str:
    """A key that sorts names as a Swedish list does: case and other accents aside, å, ä and ö after z
    ("Krokom, Strömsund, Åre, Östersund")."""
    return fold_letters(text.casefold().translate(_AFTER_Z))


def fold(text: str) -> str:
    """`fold_letters`, with punctuation become space, so "Sök", "sok" and "SÖK:" all match."""
    return _NOT_WORD.sub(" ", fold_letters(text)).strip()


# Tags after which Teams' HTML starts a new line (paragraphs, line breaks, list items, headings, ...).
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "hr"}
)


class _Flattener(HTMLParser):
    """Collects the text of Teams' message HTML: blocks as lines, list items as "- ", links as their text
    (their address when they have none), entities decoded; every other tag (formatting, <at>, <span>)
    leaves its text alone."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._link: str | None = None
        self._link_text = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")
        elif tag == "a":
            self._link = dict(attrs).get("href") or ""
            self._link_text = False
        elif tag == "img":
            self.parts.append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "a" and self._link is not None:
            if not self._link_text:
                self.parts.append(self._link)
            self._link = None

    def handle_data(self, data: str) -> None:
        if data.strip():
            self._link_text = True
        self.parts.append(data)


_TAG_OR_ENTITY = re.compile(r"<[a-zA-Z/!]|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def flatten_html(text: str) -> str:
    """The text of a message Teams sent as HTML (pasted or formatted): `<p>mål 6</p>` is "mål 6".

    Lines are kept (one per paragraph, break or list item), spaces within a line collapsed, and the
    non-breaking spaces Teams puts around mentions made plain. Text with neither tags nor entities is
    returned as it is ("1 < 2" stays).
    """
    if not _TAG_OR_ENTITY.search(text):
        return text
    parser = _Flattener()
    parser.feed(text)
    parser.close()
    lines = ("".join(parser.parts).replace("\xa0", " ")).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


class Social(Enum):
    GREETING = "greeting"
    THANKS = "thanks"
    ACK = "ack"  # "ok", "toppen": nothing to answer, as an emoji


# Folded greetings and thanks, and the language each is in.
_SOCIAL: dict[str, tuple[Social, str]] = {
    fold(words): (kind, language)
    for kind, language, phrases in (
        (
            Social.GREETING,
            "sv",
            (
                *("hej", "hejsan", "hallå", "tjena", "tja", "god morgon", "god kväll", "god eftermiddag"),
                *("hej hej", "hejhej", "hallå där", "tjenare", "halloj"),
            ),
        ),
        (
            Social.GREETING,
            "en",
            (
                "hi",
                "hello",
                "hey",
                "good morning",
                "good evening",
                "good afternoon",
                "hi there",
                "hello there",
            ),
        ),
        (
            Social.THANKS,
            "sv",
            (
                *("tack", "tackar", "tack så mycket", "stort tack", "tusen tack", "tack tack"),
                *("tack för hjälpen", "tack ska du ha", "tackar så mycket"),
            ),
        ),
        (
            Social.THANKS,
            "en",
            (
                *("thanks", "thank you", "thx", "thank you very much", "many thanks", "thank you so much"),
                *("thanks so much", "thanks for the help", "thank you for the help", "cheers"),
            ),
        ),
        (Social.ACK, "sv", ("ok", "okej", "okey", "oki", "bra", "toppen", "perfekt", "kanon", "uppfattat")),
        (Social.ACK, "en", ("okay", "great", "perfect", "cool", "nice", "got it")),
    )
    for words in phrases
}
# Words beside a greeting that change nothing: "hej boten", "tack så mycket!", "thanks a lot".
_SOCIAL_EXTRA = frozenset(("boten", "bot", "distriktsboten", "igen", "again", "a", "lot", "och", "and"))
# Which a message of several answers: "ok tack" thanks, "hej och tack" thanks too.
_SOCIAL_RANK = (Social.THANKS, Social.GREETING, Social.ACK)
# Small numbers written as words, Swedish and English, folded: the one list that a goal's number ("mål tre",
# "goal three"), a reported value ("två möten", bot/services/checkins.py) and a count of days or weeks ("om
# fem dagar", bot/services/nudges.py) are all read with.
NUMBER_WORDS = {
    fold(word): value
    for value, words in enumerate(
        (
            ("noll", "zero"),
            ("ett", "one"),
            ("två", "two"),
            ("tre", "three"),
            ("fyra", "four"),
            ("fem", "five"),
            ("sex", "six"),
            ("sju", "seven"),
            ("åtta", "eight"),
            ("nio", "nine"),
            ("tio", "ten"),
            ("elva", "eleven"),
            ("tolv", "twelve"),
            ("tretton", "thirteen"),
            ("fjorton", "fourteen"),
            ("femton", "fifteen"),
            ("sexton", "sixteen"),
            ("sjutton", "seventeen"),
            ("arton", "eighteen"),
            ("nitton", "nineteen"),
            ("tjugo", "twenty"),
        )
    )
    for word in words
}
# And as an ordinal ("sjätte målet", "the sixth goal"), folded.
_ORDINALS = {
    fold(word): value
    for value, words in enumerate(
        (
            *(("första", "first"), ("andra", "second"), ("tredje", "third"), ("fjärde", "fourth")),
            *(("femte", "fifth"), ("sjätte", "sixth"), ("sjunde", "seventh"), ("åttonde", "eighth")),
            *(("nionde", "ninth"), ("tionde", "tenth"), ("elfte", "eleventh"), ("tolfte", "twelfth")),
            *(("trettonde", "thirteenth"), ("fjortonde", "fourteenth"), ("femtonde", "fifteenth")),
            *(("sextonde", "sixteenth"), ("sjuttonde", "seventeenth"), ("artonde", "eighteenth")),
            *(("nittonde", "nineteenth"), ("tjugonde", "twentieth")),
        ),
        start=1,
    )
    for word in words
}
# A goal's number in a sentence: digits, or a word ("är mål sex klart?"); not "ett" or "one", which are
# as often the article ("är målet ett bra mål?").
_NUMBER = r"(?P<number>\d+|" + "|".join(w for w in NUMBER_WORDS if w not in ("ett", "one")) + ")"
# "sjätte målet", "det sjätte målet", "the 6th goal", "6:e målet" (folded: "6:e" is "6 e").
_ORDINAL_GOAL = re.compile(
    r"^(?:det |the |vart |our )?(?:(?P<digits>\d{1,2}) ?(?:e|a|th|st|nd|rd)|(?P<word>[a-z]+)) (?:malet|goal)$"
)

# The asker's own branch where a branch could be named ("vilka mål ligger efter i min förening?"), folded.
OWN_BRANCH_WORDS = frozenset(
    ("min forening", "min partiforening", "var forening", "var partiforening", "my branch", "our branch")
)
# "hur går det för oss": the district itself, or for a chair their own branch (as `status` alone is).
_US = frozenset(
    (
        *("vi", "oss", "we", "us", "it", "things", "distriktet", "the district"),
        *("malen", "planen", "vara mal", "alla mal", "the goals", "our goals", "the plan", "our plan"),
        *OWN_BRANCH_WORDS,
        # the plan's time, not the board's `schema`: "are we behind schedule?", "ligger vi efter schemat?"
        *("schedule", "the schedule", "our schedule", "schemat", "tidsplanen", "tidplanen", "tidsschemat"),
    )
)

# Who is responsible for something: for a goal, the goal in full; for anything else, the goals about it.
_WHO_LEADS: tuple[tuple[str, str], ...] = (
    *(("vem ansvarar för", "sv"), ("vem är ansvarig för", "sv"), ("vem har ansvar för", "sv")),
    *(("vem har ansvaret för", "sv"), ("vilka ansvarar för", "sv"), ("vilka är ansvariga för", "sv")),
    *(("vem har hand om", "sv"), ("vem sköter", "sv"), ("vem håller i", "sv")),
    *(("who is responsible for", "en"), ("who s responsible for", "en"), ("whos responsible for", "en")),
    *(("who is in charge of", "en"), ("who s in charge of", "en"), ("whos in charge of", "en")),
    *(("who looks after", "en"), ("who handles", "en"), ("who takes care of", "en")),
    # whom to turn to about something is who is responsible for it
    *(("vem kontaktar jag om", "sv"), ("vem ska jag prata med om", "sv"), ("vem pratar jag med om", "sv")),
    *(("vem ska jag kontakta om", "sv"), ("vem kan jag fråga om", "sv"), ("vem frågar jag om", "sv")),
    *(("who do i talk to about", "en"), ("who do i contact about", "en"), ("who should i ask about", "en")),
    *(("who can i ask about", "en"), ("who should i talk to about", "en"), ("who do i ask about", "en")),
)
# A board member's own next open turn, written instead of its number ("ge min tur till @Anna", "skip my
# turn"), folded.
OWN_TURN = frozenset(("min tur", "min nasta tur", "mitt inlagg", "my turn", "my next turn", "my prompt"))
# "min text", "my text": the next open prompt whose text the writer wrote (on any turn), folded.
OWN_TEXT = frozenset(("min text", "mina text", "min inlaggstext", "my text", "my prompt text"))
# The next prompt to go out, written instead of its number ("visa nästa inlägg", "show the next prompt"),
# folded.
NEXT_PROMPT = frozenset(
    (
        *("nasta", "nasta inlagg", "nasta inlagget", "det nasta", "det nasta inlagget", "nasta tur"),
        *("next", "the next", "next prompt", "the next prompt", "next one", "the next one", "next post"),
        "the next post",
    )
)
# Leads that ask to see something: before one's own turn ("show my turn") or the next prompt ("show me the
# next prompt") they are `visa`, not `mina` or a goal.
_SHOW_LEADS = frozenset(
    ("kan du visa", "visa mig", "visa", "can you show me", "can you show", "show me", "show")
)
# Asking whether someone can take one's turn ("kan Adele ta min tur?", "could Jonas take my turn?"), folded.
_SOMEONE_TAKES = re.compile(
    r"^(?:(?P<sv>kan|kunde) \w+(?: \w+)? (?:ta|skriva) (?:min tur|mitt inlagg|min nasta tur)"
    r"|(?:can|could) \w+(?: \w+)? (?:take|do|write) (?:my turn|my prompt|my next turn))$"
)
# Changing or deleting one's own prompt text ("ändra min text: …", "ta bort min text", "change my text",
# "delete my text"), folded: the board's `skriv min text` and `radera min text`.
_MY_TEXT = re.compile(
    r"^(?:(?P<sv_change>andra|byt ut|skriv om|uppdatera|redigera)|(?P<sv_delete>ta bort|radera|stryk)"
    r"|(?P<en_change>change|edit|update|rewrite|replace)|(?P<en_delete>delete|remove|erase|drop))"
    r" (?:min text|mitt inlaggs text|texten jag skrev|my text|my prompt text|the text i wrote)(?P<rest>\b.*)$"
)
_TEXT_NAMED = re.compile(
    r"\b(?:min\s+text|mitt\s+inläggs\s+text|texten\s+jag\s+skrev|my\s+(?:prompt\s+)?text|the\s+text\s+i\s+wrote)\b",
    re.IGNORECASE,
)
# Taking a turn ("jag tar Adeles tur", "jag tar Adeles tur den 15 december", "jag tar tur 3", "kan jag ta
# den 15:e?", "I'll take Adele's turn on 15 December", "can I take the 1st?"): the board's `ge … till mig`,
# which gives that turn (the number's, the day's, or the colleague's next) to the writer. As written: the
# lead, then what is taken, a name in the genitive and all.
_I_TAKE = re.compile(
    r"^(?:(?P<sv>jag\s+(?:kan\s+)?(?:tar|ta|skriver)|kan\s+jag\s+(?:få\s+)?(?:ta|skriva)|får\s+jag\s+(?:ta|skriva))"
    r"|(?P<en>(?:i['’]?ll(?:\s+happily)?|i\s+will|i\s+can|let\s+me|i['’]?d\s+like\s+to|i\s+would\s+like\s+to"
    r"|can\s+i|could\s+i|may\s+i)\s+(?:take|do|write)))\s+(?:över\s+|over\s+)?(?P<what>.+)$",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?"
_TAKEN_DAY = (  # "den 15:e", "the 1st", "15/12", "15 december", "December 15"
    rf"(?:(?:den|the|on)\s+(?:the\s+)?(?:\d|{_MONTH}\s+\d).*|\d{{1,2}}(?:[:/.]\S*|st|nd|rd|th|e)(?:\s.*)?|\d{{1,2}}\s+{_MONTH}(?:\s.*)?"
    rf"|{_MONTH}\s+\d.*)"
)
# What is taken: a prompt's number ("tur 3", "#3"), a day ("the prompt on 15 December"), or a colleague's
# turn (on a day).
_TAKEN = re.compile(
    r"^(?:(?:(?:tur|turen|turn|inlägg|inlägget|prompt|nummer|number|nr)\.?\s*)?#?\d{1,9}"
    rf"|(?:(?:the\s+)?(?:tur|turen|turn|inlägg|inlägget|prompt|post)\s+)?{_TAKEN_DAY}"
    rf"|(?P<who>[^\W\d_][\w'’:.-]*(?:\s+[^\W\d_][\w'’:.-]*)?)\s+(?:tur|turn|inlägg|prompt)(?:\s+{_TAKEN_DAY})?)$",
    re.IGNORECASE,
)
# Whose turn is no one's name: "jag tar min tur", "I'll take your turn".
_NOT_TAKEN = frozenset(("min", "mitt", "din", "ditt", "my", "your", "en", "a", "nasta", "next", "the", "den"))
# What one person answers for, the reverse of _WHO_LEADS: "vad ansvarar Kim för?" -> `mål ansvarig Kim`, which
# for a person's name lists the goals they answer for (bot/services/progress.py, who_answers).
_WHO_NAMED = r"(?P<who>@?[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2})"
_WHAT_SV = r"(?:vad|vilka\s+mål|vilket\s+mål|vilka\s+av\s+målen)"
_WHAT_EN = r"(?:what|which\s+goals?|what\s+goals?)"


def _unaccented(pattern: str) -> str:
    """A Swedish pattern that also reads the words written without å, ä and ö ("vilka mal har Kim")."""
    plain = pattern.replace("[öo]", "ö")
    return plain.replace("å", "[åa]").replace("ä", "[äa]").replace("ö", "[öo]")


_WHOSE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_unaccented(pattern), re.IGNORECASE), language)
    for pattern, language in (
        # "ansvarar", and as it is mistyped: "ansvrar", "ansvarr", "anvarar"
        (rf"^{_WHAT_SV}\s+(?:an?sva?ra?r|svarar)\s+{_WHO_NAMED}\s+f[öo]r$", "sv"),
        (rf"^{_WHAT_SV}\s+(?:är|e)\s+{_WHO_NAMED}\s+ansvariga?\s+för$", "sv"),
        (rf"^{_WHAT_SV}\s+har\s+{_WHO_NAMED}\s+(?:ansvar(?:et)?\s+för|hand\s+om)$", "sv"),
        (rf"^{_WHAT_SV}\s+sköter\s+{_WHO_NAMED}$", "sv"),
        (rf"^{_WHAT_SV}\s+håller\s+{_WHO_NAMED}\s+i$", "sv"),
        (rf"^vilka\s+mål\s+ligger\s+på\s+{_WHO_NAMED}$", "sv"),
        (rf"^har\s+{_WHO_NAMED}\s+ansvar(?:et)?\s+för\s+(?:något|några)(?:\s+mål)?$", "sv"),
        (rf"^är\s+{_WHO_NAMED}\s+ansvarig\s+för\s+(?:något|några)(?:\s+mål)?$", "sv"),
        (
            rf"^{_WHAT_EN}(?:\s+is|\s+are|'s|’s|s)\s+{_WHO_NAMED}\s+(?:responsible\s+for|in\s+charge\s+of)$",
            "en",
        ),
        (
            rf"^{_WHAT_EN}\s+does\s+{_WHO_NAMED}\s+(?:handle|look\s+after|take\s+care\s+of|answer\s+for|own)$",
            "en",
        ),
        (r"^(?:which|what)\s+goals?\s+does\s+" + _WHO_NAMED + r"\s+have$", "en"),
        (rf"^is\s+{_WHO_NAMED}\s+(?:responsible\s+for|in\s+charge\s+of)\s+(?:any\s+goals?|anything)$", "en"),
        (rf"^does\s+{_WHO_NAMED}\s+have\s+any\s+goals?$", "en"),
        # the goals someone is to do: "vad gör styrelsen?", "vilka mål ska Kim jobba med?", "what does Kim do"
        (rf"^vad\s+gör\s+{_WHO_NAMED}$", "sv"),
        (
            rf"^(?:vad|vilka\s+mål)\s+ska\s+{_WHO_NAMED}\s+(?:göra|genomföra|nå|jobba\s+med|arbeta\s+med)$",
            "sv",
        ),
        (
            rf"^(?:what|which\s+goals?)\s+(?:does|do|should|must|will)\s+{_WHO_NAMED}\s+(?:do|work\s+on)$",
            "en",
        ),
        # "målen Kim ansvarar för", "goals Kim is responsible for"
        (rf"^(?:de\s+)?mål(?:en)?\s+(?:som\s+)?{_WHO_NAMED}\s+(?:ansvarar\s+för|är\s+ansvarig\s+för)$", "sv"),
        (
            rf"^(?:the\s+)?goals?\s+(?:that\s+)?{_WHO_NAMED}\s+is\s+(?:responsible\s+for|in\s+charge\s+of)$",
            "en",
        ),
        # whose goals: "vilka mål har Kim?", "vad har Sundsvall för mål?", "which goals has Kim got?"
        (rf"^vilka\s+mål\s+har\s+{_WHO_NAMED}$", "sv"),
        (rf"^vad\s+har\s+{_WHO_NAMED}\s+för\s+mål$", "sv"),
        (rf"^{_WHAT_EN}\s+(?:has|have)\s+{_WHO_NAMED}\s+got$", "en"),
        (rf"^{_WHAT_EN}\s+(?:has|have)\s+{_WHO_NAMED}$", "en"),
    )
)
# The genitive: "Kims mål", "Anna Berg:s mål", "vilka är Sundsvalls mål?", "Kim's goals"; a Swedish name
# ending in x or z takes none ("Max mål"), nor does one ending in s ("Lars mål": see S_NAMES).
_GENITIVE = r"(?P<genitive>:s|'s|’s|s'|s|(?<=[xzXZ]))"
# Swedish first names that end in s, folded: their genitive is the name itself ("Lars mål", "Agnes mål"), so
# the "s" is theirs, not the genitive's. A name not listed is looked up both ways (progress.who_answers).
S_NAMES = frozenset(
    (
        *(
            "agnes",
            "alexis",
            "alfons",
            "andreas",
            "anders",
            "ines",
            "iris",
            "doris",
            "elias",
            "elis",
            "frans",
        ),
        *("hans", "isis", "janis", "jens", "johannes", "jonas", "julius", "klas", "claes", "lars", "linus"),
        *("loris", "lovis", "lucas", "lukas", "magnus", "marcus", "markus", "marius", "mats", "matias"),
        *("mattias", "nils", "niklas", "nicklas", "mons", "rasmus", "tobias", "tomas", "thomas", "vilis"),
        *("cornelius", "denis", "dennis", "gillis", "tias", "mathias", "boris", "louis", "yannis", "pontus"),
    )
)


def owns_its_s(name: str) -> bool:
    """Whether a name's last s is its own, not a genitive's: "Lars" (S_NAMES), and place names in -fors and
    -näs ("Kramfors", "Bollnäs"); not "Annas", "Sollefteås" or "partiföreningarnas"."""
    last = (name.split() or [""])[-1]
    return fold(last) in S_NAMES or fold(last).endswith("fors") or last.lower().endswith("näs")


# The board where a person's name could stand ("styrelsens mål", "vad ansvarar styrelsen för?", "the
# board's goals"), folded: the goals the plan makes the board's (progress.who_answers).
BOARD_NAMES = frozenset(
    (
        *("styrelsen", "distriktsstyrelsen", "styrelse", "distriktsstyrelse", "dstyrelsen"),
        *("board", "the board", "district board", "the district board"),
    )
)
# The branches together where a name could stand ("vad gör partiföreningarna?", "the branches' goals"),
# folded: the goals the plan gives every branch (progress.who_answers).
BRANCHES_NAMES = frozenset(
    (
        *("partiforeningarna", "foreningarna", "partiforeningar", "alla partiforeningar", "kretsarna"),
        *("branches", "the branches", "all branches", "all the branches", "the local branches"),
    )
)
# Nobody responsible where a name could stand ("vilka mål har ingen ansvarig?"), folded: `mål ansvarig
# ingen`, the goals the board has named nobody for.
NOBODY_NAMES = frozenset(
    ("ingen", "ingen ansvarig", "nobody", "none", "no one", "noone", "nobody responsible")
)


def without_genitive(name: str) -> str:
    """A name written in the genitive, as it is named: "Adeles" Adele, "SSU:s" SSU, "Lars's" Lars, "Jonas'"
    Jonas, "Lars" Lars (S_NAMES; the one genitive of bot.i18n's readers)."""
    name = name.strip()
    if name.endswith(("s'", "s’")):
        return name[:-1]
    if owns_its_s(name):
        return name
    return re.sub(rf"{_GENITIVE}$", "", name)


# A full name, first and last, where a genitive could stand but does not ("Kim Berg mål").
_FULL_NAME = r"(?P<who>@?[^\W\d_][\w'’.-]*\s+[^\W\d_][\w'’.-]*)(?P<bare>)"
# Words before "mål" that are no name, folded: "hur många mål", "inga nya mål", "visa alla mål".
_NOT_A_NAME = frozenset(
    (
        *("hur", "manga", "alla", "vilka", "vilket", "vad", "nya", "mina", "vara", "era", "inga", "klara"),
        *("dina", "fler", "flera", "nagra", "andra", "vissa", "samma", "kommande", "nasta", "viktiga"),
        *("how", "many", "all", "which", "what", "new", "my", "our", "your", "show", "list", "more", "other"),
        *("the", "some", "any", "no", "next", "open", "done", "late", "behind", "ovriga", "sista", "forsta"),
        # a report on the wrong goal ("oops fel mål", "oj, fel mål", "sorry wrong goal": a correction)
        *("fel", "felaktigt", "misstag", "wrong", "mistake", "incorrect", "another", "different", "annat"),
        *("oj", "ojda", "hoppsan", "oops", "sorry", "forlat", "hej", "hi", "hello", "det", "it", "was"),
    )
)
_WHOSE_OWN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_unaccented(pattern), re.IGNORECASE), language)
    for pattern, language in (
        (rf"^(?:(?:vad|vilka)\s+är\s+|visa\s+(?:mig\s+)?)?{_WHO_NAMED}{_GENITIVE}\s+mål(?:en)?$", "sv"),
        (rf"^(?:(?:what|which)\s+are\s+|show\s+(?:me\s+)?)?{_WHO_NAMED}{_GENITIVE}\s+goals?$", "en"),
        (rf"^vilka\s+mål\s+är\s+{_WHO_NAMED}{_GENITIVE}$", "sv"),  # "vilka mål är Kims?"
        (rf"^(?:which|what)\s+goals?\s+(?:are|is)\s+{_WHO_NAMED}{_GENITIVE}$", "en"),
        # a full name without the genitive's s: "Kim Larsson mål", "anna lind mål" (see _NOT_A_NAME)
        (rf"^{_FULL_NAME}\s+mål(?:en)?$", "sv"),
        (rf"^{_FULL_NAME}\s+goals?$", "en"),
    )
)
# Who is no one the board names: the asker ("vad ansvarar jag för?" is `mina mål`), the bot, a group.
_NOT_SOMEONE = frozenset(
    (
        *("jag", "mig", "du", "vi", "ni", "man", "de", "dom", "i", "me", "you", "we", "they", "it", "det"),
        *("den", "han", "hon", "hen", "dera", "he", "she", "this", "that", "our", "your", "their"),
        # what a genitive or "vilka mål har …" names that is no one: "årets mål", "vilka mål har klarats"
        *("aret", "dagen", "veckan", "manaden", "distriktet", "partiet", "planen", "alla", "var", "vart"),
        *("year", "month", "week", "today", "district", "party", "plan", "everyone", "everybody", "all"),
        *("inte", "not", "been", "blivit", "klarats", "natts", "uppnatts", "rapporterats", "kvar"),
        # the party is no one's name (the board is BOARD_NAMES)
        *("ar", "vansterpartiet"),
        # the branches together and the bot: "vad gör partiföreningarna?" asks no one's goals
        *("partiforeningarna", "foreningarna", "branches", "bot", "boten"),
        # what comes before a topic, not a name: "which goals are about Teams?" searches the goals
        *("about", "on", "for", "with", "regarding", "om", "med", "kring", "angaende", "rorande"),
    )
)
# Words that say a branch is meant, around its name: "Sundsvalls krets", "föreningen i Sundsvall", folded.
BRANCH_WORDS = frozenset(
    (
        *("krets", "kretsen", "forening", "foreningen", "partiforening", "partiforeningen", "i"),
        *("lokalgrupp", "lokalgruppen", "branch", "the", "in", "local", "group"),
    )
)


# Goals nobody answers for, asked as a question: "vilka mål saknar ansvarig?", "goals without an owner".
_UNOWNED: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_unaccented(pattern), re.IGNORECASE), language)
    for pattern, language in (
        (r"^(?:vilka\s+)?mål(?:en)?\s+(?:som\s+)?(?:är\s+)?utan\s+(?:någon\s+)?ansvariga?$", "sv"),
        (r"^vilka\s+mål\s+(?:saknar|har\s+inte)\s+(?:en\s+|någon\s+)?ansvariga?(?:\s+än|\s+ännu)?$", "sv"),
        (r"^vilka\s+mål\s+har\s+(?:ingen|inte\s+någon)\s+ansvarig(?:\s+än|\s+ännu)?$", "sv"),
        (r"^vilka\s+mål\s+är\s+det\s+ingen\s+som\s+ansvarar\s+för$", "sv"),
        (
            r"^(?:which\s+|what\s+)?goals?\s+(?:have|has|are|with)\s+(?:no\s*one|nobody|no)\s+"
            r"(?:one\s+)?(?:responsible|in\s+charge|owner)(?:\s+yet)?$",
            "en",
        ),
        (
            r"^(?:which\s+|what\s+)?goals?\s+(?:are\s+|have\s+)?(?:without|lack(?:ing)?)\s+(?:an?\s+)?"
            r"(?:anyone\s+|anybody\s+|one\s+|person\s+)?(?:responsible|owner|in\s+charge)$",
            "en",
        ),
    )
)


def someone_named(words: str) -> bool:
    """Whether words could be a person's or a branch's name ("Kim", "Anna Lind", "Sundsvall", "styrelsen"),
    not a pronoun, a time or a number ("jag", "året", "2026", "sex")."""
    folded = fold(words.lstrip("@"))
    if not folded or not folded[0].isalpha() or folded in NUMBER_WORDS:
        return False
    return not {folded, *folded.split()[:1], *folded.split()[-1:]} & _NOT_SOMEONE


def _whose_goals(trimmed: str, is_command: Callable[[str], bool]) -> Reading | None:
    """`mål ansvarig NAME` for a question about what someone answers for ("vad ansvarar Kim för?", "what is
    Anna responsible for"), `mål ansvarig ingen` for the goals nobody does, or None."""
    said = " ".join(_without_courtesy(trimmed).rstrip("?!.,:; ").split())  # "… för? tack"
    for pattern, language in _UNOWNED:
        if pattern.match(said):
            command = "mål ansvarig ingen" if language == "sv" else "goals responsible nobody"
            return Reading(command, language, asked=True)
    for pattern, language in (*_WHOSE, *_WHOSE_OWN):
        found = pattern.match(said)
        if found is None:
            continue
        # "Kim's": the name without its genitive's apostrophe; "Lars mål": the name's own s kept
        who = found["who"].rstrip("'’")
        genitive = found.groupdict().get("genitive")
        if genitive in ("s", "s'") and owns_its_s(who + "s"):
            who += "s"
        command = "mål ansvarig" if language == "sv" else "goals responsible"
        folded = fold(who).removeprefix("the ") if language == "en" else fold(who)
        if folded in BOARD_NAMES or fold(who) in BOARD_NAMES:  # "styrelsens mål", "the board's goals"
            return Reading(f"{command} @{who.lstrip('@')}", language, asked=True)
        if difflib.get_close_matches(folded, ("styrelsen", "distriktsstyrelsen"), n=1, cutoff=0.85):
            return Reading(f"{command} @styrelsen", language, asked=True)  # "styrelsns mål": mistyped
        if fold(who) in BRANCHES_NAMES:  # "vad gör partiföreningarna?": the goals every branch does
            return Reading(f"{command} @{who.lstrip('@')}", language, asked=True)
        if fold(who) in NOBODY_NAMES:  # "vilka mål har ingen ansvarig?"
            return Reading(f"{command} {'ingen' if language == 'sv' else 'nobody'}", language, asked=True)
        if not someone_named(who):
            continue
        if found.groupdict().get("bare") is not None and (
            set(fold(who).split()) & _NOT_A_NAME or is_command(who.split()[0].lstrip("@"))
        ):
            continue  # "hur många mål", "visa alla mål": no one's name
        if genitive is not None and (
            is_command(who.split()[0]) or is_command(said.split()[-2])
        ):  # "paus mål"
            continue
        # "@": a person or a branch is meant, never a word in the goals (bot/commands/goals.py)
        return Reading(f"{command} @{who.lstrip('@')}", language, asked=True)
    return None


def whose_name(text: str) -> str | None:
    """The name a genitive before "mål"/"goals" names, as written: "Kims mål" -> "Kim", "Lars mål" -> "Lars",
    "Kim's goals" -> "Kim", "styrelsens mål" -> "styrelsen"; None for other words."""
    reading = _whose_goals(text, lambda _: False)
    name = reading.text.partition("@")[2] if reading is not None else ""
    return name or None


# Leading words of a question whose rest is a command: "visa mål 6", "vad är mål 6", "what is goal 6".
# Each is folded; the language is the phrase's.
_LEADS: tuple[tuple[str, str], ...] = (
    ("kan du visa", "sv"),
    ("visa mig", "sv"),
    ("visa", "sv"),
    ("vad är", "sv"),
    ("vad ar", "sv"),
    ("vad handlar", "sv"),
    ("berätta om", "sv"),
    ("berätta", "sv"),
    ("vilka är", "sv"),
    ("can you show me", "en"),
    ("can you show", "en"),
    ("show me", "en"),
    ("show", "en"),
    ("what is", "en"),
    ("what s", "en"),
    ("whats", "en"),
    ("what are", "en"),
    ("tell me about", "en"),
    # who is responsible: the goal in full names them ("vem ansvarar för mål 3" -> "mål 3")
    *_WHO_LEADS,
    # last, after the longer leads: "kan du ändra rapport 2 till 4" is the command that follows
    ("kan du", "sv"),
    ("kunde du", "sv"),
    ("could you", "en"),
    ("can you", "en"),
)
# Questions that mean a command whatever follows them: "vad gör vi om klimat?" -> "sök klimat" (the rest
# is what to search for; nothing after them: the command alone).
_ASKS: tuple[tuple[str, str, str], ...] = (
    # a skip taken back: "ångra hoppa 12", "don't skip 12" (the skip command reads "inte"/"not" first)
    *(("ångra hoppa", "hoppa inte", "sv"), ("ångra överhoppningen av", "hoppa inte", "sv")),
    *(("unskip", "skip not", "en"), ("undo skip", "skip not", "en"), ("undo the skip of", "skip not", "en")),
    *(("don t skip", "skip not", "en"), ("dont skip", "skip not", "en"), ("do not skip", "skip not", "en")),
    ("vad gör vi om", "sök", "sv"),
    ("vad gör vi för", "sök", "sv"),
    ("vad gör vi med", "sök", "sv"),
    ("vad gör vi åt", "sök", "sv"),
    ("vad gör vi kring", "sök", "sv"),
    ("finns det något mål om", "sök", "sv"),
    ("finns det mål om", "sök", "sv"),
    ("har vi något mål om", "sök", "sv"),
    ("har vi mål om", "sök", "sv"),
    ("kan du söka efter", "sök", "sv"),
    ("kan du söka på", "sök", "sv"),
    ("kan du söka", "sök", "sv"),
    ("can you search for", "search", "en"),
    ("can you search", "search", "en"),
    ("can you find", "search", "en"),
    ("what are we doing about", "search", "en"),
    ("what do we do about", "search", "en"),
    ("is there a goal about", "search", "en"),
    ("are there goals about", "search", "en"),
    ("are there any goals about", "search", "en"),
    ("do we have a goal about", "search", "en"),
    ("do we have goals about", "search", "en"),
    ("any goals about", "search", "en"),
    ("which goals are about", "search", "en"),
    ("what goals are about", "search", "en"),
    ("which goals mention", "search", "en"),
    ("vilka mål handlar om", "sök", "sv"),
    ("vilka mål gäller", "sök", "sv"),
    # the goal about something, as people name it: "berätta om målet om facebook", "the goal about Zetkin"
    *(
        (f"{lead}{goal} {about}", "sök", "sv")
        for lead in ("", "berätta om ", "vad säger ", "visa ")
        for goal in ("målet", "målen")
        for about in ("om", "kring")
    ),
    ("vilket mål handlar om", "sök", "sv"),
    ("vilket mål gäller", "sök", "sv"),
    ("finns det ett mål om", "sök", "sv"),
    *(
        (f"{lead}{goal} about", "search", "en")
        for lead in ("", "tell me about ", "show me ", "what does ")
        for goal in ("the goal", "the goals", "our goal", "our goals")
    ),
    ("which goal is about", "search", "en"),
    ("what goal is about", "search", "en"),
    ("is there any goal about", "search", "en"),
    ("är vi i fas", "status", "sv"),
    ("ligger vi i fas", "status", "sv"),
    ("är vi efter", "status", "sv"),
    ("ligger vi efter", "status", "sv"),
    ("hur ligger vi till", "status", "sv"),
    *((ask, "status", "sv") for ask in ("är vi på rätt spår", "ligger vi i tid", "är vi i tid")),
    *((ask, "status", "sv") for ask in ("ligger vi bra till", "ligger vi efter schemat")),
    *((ask, "status", "en") for ask in ("are we on schedule", "are we on time", "are we on target")),
    *((ask, "status", "en") for ask in ("are we behind schedule", "is the plan on track")),
    ("are we on track", "status", "en"),
    ("are we on pace", "status", "en"),
    ("are we behind", "status", "en"),
    ("what s the status", "status", "en"),
    ("whats the status", "status", "en"),
    ("what is the status", "status", "en"),
    ("how are we doing", "status", "en"),
    ("how is the plan going", "status", "en"),
    ("hur går det med planen", "status", "sv"),
    # what a command means or how it works: its help ("vad betyder status?" -> "hjälp status")
    ("vad betyder", "hjälp", "sv"),
    ("vad menas med", "hjälp", "sv"),
    ("vad menar du med", "hjälp", "sv"),
    ("vad innebär", "hjälp", "sv"),
    ("vad gör kommandot", "hjälp", "sv"),
    ("vad gör", "hjälp", "sv"),
    ("hur funkar", "hjälp", "sv"),
    ("hur fungerar", "hjälp", "sv"),
    ("hur använder jag", "hjälp", "sv"),
    ("hur använder man", "hjälp", "sv"),
    ("what does", "help", "en"),
    ("what is meant by", "help", "en"),
    ("what do you mean by", "help", "en"),
    ("what is the command", "help", "en"),
    ("how does", "help", "en"),
    ("how do i use", "help", "en"),
    ("how do you use", "help", "en"),
    # the language to write in: what follows is the language ("skriv på engelska" -> "språk engelska")
    ("byt språk till", "språk", "sv"),
    ("ändra språk till", "språk", "sv"),
    ("byt till", "språk", "sv"),
    ("skriv på", "språk", "sv"),
    ("svara på", "språk", "sv"),
    ("change language to", "language", "en"),
    ("change the language to", "language", "en"),
    ("switch to", "language", "en"),
    ("speak", "language", "en"),
    ("write in", "language", "en"),
    ("answer in", "language", "en"),
    ("reply in", "language", "en"),
    # a snooze: what follows is the day ("remind me next week" -> "snooze next week")
    ("remind me", "snooze", "en"),
    # an export in other words: what follows names the period or branch, or only what is exported
    *(
        (fetch, "exportera", "sv")
        for fetch in ("ladda ner", "ladda hem", "kan jag ladda ner", "kan jag få rapporterna")
    ),
    *((fetch, "export", "en") for fetch in ("download", "can i download", "can i get the reports")),
    *(
        (pause, "påminn", "sv")
        for pause in ("pausa påminnelserna", "pausa påminnelser", "pausa mina påminnelser")
    ),
    *((pause, "snooze", "en") for pause in ("pause reminders", "pause the reminders", "pause my reminders")),
)
# The words `status` and `mål N` use for where a goal stands (bot/cards/goals.py): a question about one is
# answered with what it means ("vad betyder efter?" -> "hjälp efter").
STATUS_WORDS = (
    *(N_("done"), N_("not done"), N_("ahead"), N_("on pace"), N_("behind")),
    *(N_("not begun"), N_("not reached"), N_("no reading yet"), N_("not measured")),
)


# The district as a whole, where a branch's name could stand ("status efter i distriktet"), folded.
DISTRICT_WORDS = frozenset(
    ("distriktet", "district", "hela distriktet", "the district", "the whole district", "whole district")
)


def status_word(text: str) -> str | None:
    """The status word (its msgid) `text` is, in either language ("efter", "i fas", "Behind"), or None."""
    folded = " ".join(fold(text).split())
    return next(
        (
            word
            for word in STATUS_WORDS
            for language in LANGUAGES
            if folded == " ".join(fold(translator(language)._(word)).split())
        ),
        None,
    )


# A question about the goals one word of `status` marks, in any word order: "vilka mål ligger vi efter
# med?", "what goals are we behind on", "vilka mål nåddes inte?" (folded). Its opening tells the language;
# the words after it, which status word (its msgid); a "not" among them turns "klara" to "inte klart".
_WHICH_GOALS = {
    **dict.fromkeys(
        ("vilka mal", "vilket mal", "vilka av malen", "vilka av vara mal", "hur manga mal"), "sv"
    ),
    **dict.fromkeys(
        ("which goals", "what goals", "which goal", "which of the goals", "which of our goals"), "en"
    ),
    **dict.fromkeys(("how many goals", "how many of the goals", "how many of our goals"), "en"),
    # or only the goals and the word: "mål efter", "mål som ligger efter", "goals behind"
    **dict.fromkeys(("mal", "malen", "mal som", "malen som", "de mal som"), "sv"),
    **dict.fromkeys(("goals", "the goals", "goals that", "the goals that", "goals which"), "en"),
}
_NOT = frozenset(
    ("inte", "ej", "icke", "not", "didn", "didnt", "weren", "werent", "haven", "havent", "never")
)
_MARKED_BY = {
    **dict.fromkeys(("efter", "behind", "lagging", "late"), "behind"),
    **dict.fromkeys(("i fas", "on pace", "on track"), "on pace"),
    **dict.fromkeys(("fore", "ahead"), "ahead"),
    **dict.fromkeys(("klart", "klara", "klar", "klarat", "klarade", "klarats", "fardiga", "fardigt"), "done"),
    **dict.fromkeys(("avklarade", "done", "finished", "completed", "complete"), "done"),
    **dict.fromkeys(("natt", "nadde", "naddes", "natts", "reached", "reach", "met", "achieved"), "reached"),
    **dict.fromkeys(("missade", "missat", "missades", "missed"), "not reached"),
    **dict.fromkeys(
        ("paborjat", "paborjade", "paborjats", "startat", "startade", "begun", "started"), "begun"
    ),
}
# With a "not": "inte klara" is `status inte klart`, "nåddes inte" `status inte nått`.
_NOT_MARKED = {"done": "not done", "reached": "not reached", "begun": "not begun"}
# Words such a question may have besides its status word and a branch: "vi", "med", "just nu" (folded).
_MARKED_FILLER = frozenset(
    (
        *("ligger", "ar", "har", "vi", "med", "pa", "nu", "just", "an", "annu", "hittills", "blivit", "blev"),
        *("som", "ska", "vara", "i", "aret", "redan", "sa", "langt", "totalt"),
        *("are", "is", "we", "were", "have", "been", "on", "with", "now", "right", "so", "far", "yet"),
        *("still", "already", "did", "do", "this", "year", "t", "s", "in", "currently", "the", "that"),
    )
)
# Before a branch's name: "vilka mål ligger efter i Sundsvall?".
_IN_BRANCH = frozenset(("i", "in", "for", "hos", "at"))


def _goals_marked(trimmed: str, folded: str) -> Reading | None:
    """`status WORD [BRANCH]` for a question about the goals one status word marks (see _WHICH_GOALS), or
    None when it names no status word, or two ("vilka mål ska vara klara före sommaren")."""
    opening = next(
        (o for o in sorted(_WHICH_GOALS, key=len, reverse=True) if folded.startswith(o + " ")), None
    )
    if opening is None:
        return None
    language = _WHICH_GOALS[opening]
    words = folded.split()[len(opening.split()) :]
    if any(word.isdigit() for word in words):  # "mål 6 efter?" asks about goal 6
        return None
    found: list[tuple[int, int, str]] = []  # (where, how many words, which)
    for at in range(len(words)):
        for length in (2, 1):
            said = " ".join(words[at : at + length])
            if len(said.split()) == length and said in _MARKED_BY:
                found.append((at, length, _MARKED_BY[said]))
                break
    if len({which for _, _, which in found}) != 1:
        return None
    at, length, which = found[0]
    if _NOT & set(words):  # "inte klara": not done; "not behind" names no status word
        if which not in _NOT_MARKED:
            return None
        which = _NOT_MARKED[which]
    word = {"reached": "done", "begun": ""}.get(which, which)  # "vilka mål har vi nått": done
    if not word:
        return None
    rest = [w for w in words[at + length :] if w not in _NOT]
    others = [w for w in words[:at] if w not in _MARKED_FILLER and w not in _NOT]
    where = next((i for i, w in enumerate(rest) if w in _IN_BRANCH), None)
    between = rest[: where if where is not None else len(rest)]
    if others or any(w not in _MARKED_FILLER for w in between):
        return None  # other words: not only this question ("vilka mål handlar om att vara klara")
    branch = ""
    if where is not None:
        named = rest[where + 1 :]
        if named and not all(w in _MARKED_FILLER for w in named):
            original = trimmed.split()  # the branch as written, its capitals kept
            count = 0
            while original and count < len(named):
                count += len(fold(original.pop()).split())
            branch = " ".join(trimmed.split()[len(original) :]).rstrip("?!.,")
    shown = translator(language)._(word)
    return Reading(f"status {shown} {branch}".strip(), language, asked=True)


# Questions one command answers whatever they go on to name: "vem är ordförande i Timrå?" is every chair
# (`roller`), "när är nästa inlägg i Allmänt?" every coming prompt, "hur rapporterar jag mål 3?" the report's
# help (which shows the asker's own example). Folded when read.
_QUESTIONS: tuple[tuple[str, str, str], ...] = (
    # a turn one cannot take, said with when: "jag kan inte nästa vecka", "I can't do next Tuesday"
    *(
        (ask, "kommande", "sv")
        for ask in (
            *("jag kan inte nästa", "jag kan inte på", "jag kan inte den", "jag kan inte då"),
            *("jag hinner inte skriva", "jag hinner inte nästa", "jag hinner inte min tur"),
            # "jag kan inte ta min tur, kan någon ta den?": the turns, with the line that gives one away
            *(
                "jag kan inte ta min tur",
                "jag kan inte min tur",
                "kan någon ta min tur",
                "kan nån ta min tur",
            ),
            *("jag kan inte skriva min tur", "kan någon byta med mig", "vill någon byta tur"),
        )
    ),
    *(
        (ask, "upcoming", "en")
        for ask in (
            *("i can t do next", "i cant do next", "i can t next", "i cant next", "i can t do it next"),
            *("i can t make it next", "i cant make it next", "i can t on", "i cant on", "i can t do the"),
            *("i can t take my turn", "i cant take my turn", "i can t do my turn", "i cant do my turn"),
            *("can someone take my turn", "could someone take my turn", "can anyone take my turn"),
            *("does anyone want to swap", "can someone swap with me", "i can t write my turn"),
        )
    ),
    *(
        (ask, "roller", "sv")
        for ask in (
            *("vem är ordförande i", "vem är ordförande för", "vem är ordförande", "vilka är ordförande"),
            *("vem sitter i styrelsen", "vilka sitter i styrelsen", "vem är med i styrelsen"),
            *("vilka är med i styrelsen",),
        )
    ),
    *(
        (ask, "roles", "en")
        for ask in (
            *("who chairs", "who is the chair of", "who s the chair of", "who is chair of"),
            *("who are the chairs", "who is on the board", "who s on the board", "whos on the board"),
        )
    ),
    *(
        (ask, "hjälp rapportera", "sv")
        for ask in (
            *("hur rapporterar jag", "hur rapporterar man", "hur rapporterar vi", "hur gör jag en rapport"),
            *("hur gör man en rapport", "hur lämnar jag en rapport", "hur skickar jag in en rapport"),
            *("hur gör jag för att rapportera", "hur kan jag rapportera"),
        )
    ),
    *(
        (ask, "help report", "en")
        for ask in (
            *("how do i report", "how can i report", "how to report", "how do we report"),
            *("how do i make a report", "how do i send a report"),
        )
    ),
    # what was posted, whatever follows ("vad postades i december?", "what was posted last week?")
    *(
        (ask, "historik", "sv")
        for ask in (
            *("vad har postats", "vad har publicerats", "vad postades", "vad publicerades"),
            *("vad har vi postat", "vad har vi publicerat", "vad har du postat", "vad har du publicerat"),
            *("vilka inlägg har publicerats", "vilka inlägg har postats", "vilka inlägg publicerades"),
            *("vilka inlägg har vi publicerat", "vilka inlägg har gått ut", "vad har gått ut"),
            *("vad var senaste inlägget", "vilket var senaste inlägget", "vad var det senaste inlägget"),
            *("vem skrev det senaste inlägget", "vem skrev senaste inlägget", "vem skrev förra inlägget"),
            *("hur många inlägg har vi", "hur många inlägg har publicerats", "hur många inlägg har postats"),
            *("hur många inlägg har du", "hur många inlägg har gått ut"),
            # whose words went out: each post names its writer
            *("vem skrev vad", "vem har skrivit vad", "vilka har skrivit inlägg", "vem har skrivit inläggen"),
            *("vem skrev inläggen", "vilka skrev inläggen"),
        )
    ),
    *(
        (ask, "history", "en")
        for ask in (
            *("what was posted", "what has been posted", "what s been posted", "whats been posted"),
            *("what did we post", "what have we posted", "what did you post", "what have you posted"),
            *("which prompts were posted", "which prompts have been posted", "what went out"),
            *("what was the last prompt", "what was the last post", "what has gone out"),
            *("who wrote the last prompt", "who wrote the last post", "who wrote the latest prompt"),
            *("how many prompts have", "how many prompts were", "how many prompts did"),
            *("how many posts have", "how many posts were", "how many posts did"),
            *("who wrote what", "who has written what", "who s written what", "who wrote the prompts"),
            *("who wrote which prompt", "who wrote which prompts"),
        )
    ),
    *(
        (ask, "kommande", "sv")
        for ask in (
            *("när är nästa inlägg", "när kommer nästa inlägg", "när postas nästa inlägg"),
            *("när publiceras nästa inlägg", "när skickar ni nästa inlägg", "när är nästa diskussionsfråga"),
            *("vilka inlägg kommer", "vilka inlägg är på gång", "när är det min tur", "när är min tur"),
            *("när har jag nästa inlägg", "när är min nästa tur", "när är jag på tur", "när ska jag skriva"),
            *("när postas mitt inlägg", "när publiceras mitt inlägg", "när kommer mitt inlägg"),
            *("när går mitt inlägg ut",),
        )
    ),
    *(
        (ask, "upcoming", "en")
        for ask in (
            *("when is the next prompt", "when is the next post", "when is the next discussion prompt"),
            *("what s coming up", "whats coming up", "what is coming up", "which prompts are coming"),
            *("what prompts are coming", "when is my turn", "when is my next turn"),
            *("when s my turn", "whens my turn", "when s my next turn", "whens my next turn"),
            *("when am i next", "when am i up", "when do i write next", "when do i write the next"),
            *("when is my prompt", "when does my prompt", "when will my prompt", "when is my post"),
        )
    ),
)
# The languages by name, folded: what a question about the language to write in must name.
_LANGUAGE_NAMES = frozenset(("engelska", "english", "engelsk", "svenska", "swedish", "svensk"))
# Asking to download, as written: "ladda ner", "ladda ned", "hur laddar jag ned …".
_DOWNLOAD = [
    (verb, down)
    for verb in ("ladda", "hur laddar jag", "hur laddar man", "kan jag ladda", "hur kan jag ladda")
    for down in ("ner", "ned")
]
_DOWNLOAD_EN = ("download", "how do i download", "can i download", "how can i download")
# Whole questions that mean one command (folded; "tack" or "please" after them changes nothing).
_SAYINGS: dict[str, tuple[str, str]] = {
    fold(words): (command, language)
    for command, language, phrases in (
        (
            "mål",
            "sv",
            ("vilka mål har vi", "vilka är målen", "vad är målen", "vilka mål finns", "visa alla mål"),
        ),
        ("mål", "sv", ("lista mål", "lista alla mål", "alla mål")),
        # what the district is to do this year is its plan's goals
        (
            "mål",
            "sv",
            tuple(
                f"vad {does.format(who)}{when}"
                for does in (
                    "ska {} göra",
                    "gör {}",
                    "ska {} jobba med",
                    "jobbar {} med",
                    "kommer {} att göra",
                )
                for who in ("vi", "distriktet")
                for when in ("", " i år", " under året", " det här året")
            ),
        ),
        (
            "goals",
            "en",
            tuple(
                f"what {does}{when}"
                for does in ("are we doing", "are we going to do", "should we do", "will we do")
                for when in ("", " this year")
            ),
        ),
        (
            "goals",
            "en",
            ("what are our goals", "what are the goals", "which goals do we have", "show all goals"),
        ),
        ("goals", "en", ("list goals", "list all goals", "all goals", "list the goals")),
        (
            "hjälp",
            "sv",
            ("vad kan du göra", "vad kan du", "vad kan jag fråga om", "hur funkar du", "hur fungerar du"),
        ),
        ("help", "en", ("what can you do", "what can i ask", "how do you work", "what do you do")),
        (
            "mina mål",
            "sv",
            (
                *("vilka mål är jag ansvarig för", "vilka mål ansvarar jag för", "vad ansvarar jag för"),
                *(
                    "vad har jag för mål",
                    "vilka mål har jag",
                    "vilka är mina mål",
                    "vilka mål har jag ansvar för",
                ),
            ),
        ),
        (
            "my goals",
            "en",
            (
                *("which goals am i responsible for", "what am i responsible for", "what are my goals"),
                *("which goals do i have", "what goals do i have", "show my goals"),
            ),
        ),
        (
            "mina rapporter",
            "sv",
            (
                *("vad har jag rapporterat", "vilka rapporter har jag gjort", "mina rapporter"),
                *("vad har vi rapporterat", "vilka rapporter har vi gjort", "alla mina rapporter"),
                *("visa alla mina rapporter",),
            ),
        ),
        (
            "my reports",
            "en",
            (
                *("what have i reported", "which reports have i made", "show my reports"),
                *("what have we reported", "which reports have we made", "all my reports"),
                *("show all my reports",),
            ),
        ),
        ("mina data", "sv", ("vad vet du om mig", "vad har du sparat om mig", "vad sparar du om mig")),
        # "ladda ner" and "ladda ned" are both written (the bot writes "ner")
        *(
            (command, "sv", tuple(f"{verb} {down} {what}" for verb, down in _DOWNLOAD for what in things))
            for command, things in (
                ("mina data", ("mina data", "mina uppgifter", "allt om mig")),
                ("exportera", ("rapporterna", "alla rapporter", "rapporter", "rapporterna som kalkylblad")),
            )
        ),
        *(
            (command, "en", tuple(f"{verb} {what}" for verb in _DOWNLOAD_EN for what in things))
            for command, things in (
                ("my data", ("my data", "everything about me")),
                ("export", ("the reports", "all reports", "reports", "all the reports")),
            )
        ),
        (
            "mina data",
            "sv",
            (
                *("vad vet ni om mig", "vad har ni sparat om mig", "vad sparar ni om mig", "gdpr"),
                *("vilka uppgifter har du om mig", "vilka uppgifter har ni om mig", "mina personuppgifter"),
            ),
        ),
        (
            "my data",
            "en",
            (
                "what do you have on me",
                "what data do you have about me",
                "my personal data",
                "what s stored about me",
            ),
        ),
        (
            "my data",
            "en",
            ("what do you know about me", "what do you store about me", "what have you stored about me"),
        ),
        (
            "glöm mig",
            "sv",
            ("radera mina uppgifter", "radera mina data", "ta bort mina uppgifter", "radera mig"),
        ),
        ("forget me", "en", ("delete my data", "erase my data", "delete me", "remove my data")),
        (
            "glöm mig",
            "sv",
            (
                "jag vill bli glömd",
                "ta bort allt om mig",
                "radera allt om mig",
                "glöm bort mig",
                "glöm allt om mig",
            ),
        ),
        (
            "forget me",
            "en",
            (
                "delete everything about me",
                "erase everything about me",
                "i want to be forgotten",
                "forget about me",
            ),
        ),
        # no "stop for good": the answer says how to snooze, at most a year at a time
        ("påminn", "sv", ("sluta påminna mig", "inga fler påminnelser", "inga påminnelser", "sluta påminna")),
        ("snooze", "en", ("stop reminders", "stop reminding me", "no more reminders", "no reminders")),
        ("hjälp", "sv", ("hur använder jag dig", "hur funkar det här", "hur fungerar det här", "vad gör du")),
        ("help", "en", ("how do i use you", "how does this work", "how do i use this")),
        ("hjälp", "sv", ("hjälp mig", "jag behöver hjälp", "kan du hjälpa mig", "hjälp oss")),
        ("help", "en", ("help me", "i need help", "can you help me", "help us")),
        (
            "kommande",
            "sv",
            (
                "vems tur är det",
                "vems tur är det nu",
                "vems tur är det att skriva",
                "vems tur",
                "vems tur är nästa",
                "vem står på tur",
                "vem är näst på tur",
                "vem är nästa",
                "vem är nästa på tur",
                "vem är på tur",
                "vem är på tur nu",
                "vilka texter väntar på godkännande",
                "vilka inlägg väntar på godkännande",
                "vad väntar på godkännande",
                "vilka texter ska godkännas",
                "vad ska godkännas",
                "vem har nästa tur",
                "vem skriver nästa",
                "vem skriver nästa inlägg",
                "när är min tur",
                "när är det min tur",
                "när har jag nästa tur",
                "när har jag min tur",
                "jag kan inte ta min tur",
                "jag kan inte skriva min tur",
                "jag kan inte skriva mitt inlägg",
                "kan någon ta min tur",
                "kan någon byta med mig",
                "vem har nästa inlägg",
                "vem skriver nästa gång",
                "när skriver jag nästa gång",
            ),
        ),
        (
            "upcoming",
            "en",
            (
                "whose turn is it",
                "whose turn is it now",
                "whose turn is next",
                "whose turn",
                "who is next",
                "who s next",
                "whos next",
                "who writes next",
                "who writes the next prompt",
                "when is my turn",
                "when is my next turn",
                "i can t take my turn",
                "i cant take my turn",
                "i cannot take my turn",
                "i can t do my turn",
                "i cant do my turn",
                "can someone take my turn",
                "can anyone take my turn",
                "can someone swap with me",
                "who has the next prompt",
                "who writes the next one",
                "who s writing next",
                "whos writing next",
                "who is writing next",
                "who s writing the next",
                "who is writing the next",
                "who s turn is it",
                "whos turn is it",
                "who s up next",
                "who is up next",
                "whos up next",
                "which texts are waiting for approval",
                "which prompts are waiting for approval",
                "what is waiting for approval",
                "what s waiting for approval",
                "whats waiting for approval",
                "what needs approving",
                "which texts need approval",
            ),
        ),
        (
            "roller mig",
            "sv",
            ("vilken roll har jag", "vilka roller har jag", "vad är min roll", "vad har jag för roll"),
        ),
        (
            "roles me",
            "en",
            ("what is my role", "what are my roles", "which role do i have", "what role do i have"),
        ),
        ("språk", "sv", ("byt språk", "byta språk", "ändra språk", "vilket språk")),
        ("language", "en", ("change language", "change the language", "switch language", "which language")),
        (
            "roller administratörer",
            "sv",
            ("vem är administratör", "vilka är administratörer", "vilka är admin"),
        ),
        ("roller administratörer", "sv", ("vem är admin", "vilka är admins", "vem är administratören")),
        (
            "roles administrators",
            "en",
            ("who are the admins", "who is admin", "who is the admin", "who are admins"),
        ),
        ("roles administrators", "en", ("who are the administrators", "who is the administrator")),
        ("språk engelska", "sv", ("på engelska", "engelska", "skriv engelska")),
        ("språk svenska", "sv", ("på svenska", "svenska", "skriv svenska")),
        ("language english", "en", ("in english", "english")),
        ("language swedish", "en", ("in swedish", "swedish")),
    )
    for words in phrases
}
# A question about the plan as a whole is its goals: "vad har vi för mål i år?", "show me the goals please",
# "what's in the plan?". It names the plan or its goals (the noun tells the language) and otherwise only
# words any such question is made of; one other word ("vi har inga mål", "the goals of the party") and it
# is ordinary chat, not this question. Folded.
_PLAN_NOUNS = {
    **dict.fromkeys(
        ("mal", "malen", "planen", "verksamhetsplan", "verksamhetsplanen", "malsattningar"), "sv"
    ),
    **dict.fromkeys(("goals", "plan", "objectives", "targets"), "en"),
}
_PLAN_QUESTION_WORDS = frozenset(
    (
        *("vad", "vilka", "vilket", "ar", "har", "vi", "oss", "vara", "ni", "era", "mig", "jag", "du", "kan"),
        *("fa", "se", "visa", "lista", "alla", "de", "det", "for", "finns", "i", "aret", "arets", "om"),
        *("star", "beratta", "innehaller", "nagra", "vill", "veta", "hela", "nu", "gaeller", "galler"),
        *("what", "which", "are", "is", "s", "our", "the", "we", "us", "do", "have", "got", "show", "me"),
        *("list", "all", "can", "could", "you", "i", "see", "tell", "about", "this", "year", "in", "there"),
        *("any", "whats", "would", "d", "to", "know", "give", "let", "look", "at", "again", "current"),
        *("hur", "manga", "ser", "ut", "how", "many", "does", "look", "looks"),
    )
)
# Words after a question that ask nothing more: "mål 3 tack", "goal 3 please" (folded).
COURTESY = frozenset(("tack", "tacksam", "please", "pls", "thanks", "thx"))
# The last word of a command that says yes to what the bot asked before storing ("byt 12 13 ja", "rapportera
# 4 13 2026-11-22 ja tack"), folded, and its language. Every command that asks reads it with `said_yes`.
YES_WORDS = {"ja": "sv", "bekrafta": "sv", "yes": "en", "confirm": "en"}
# What people write to leave a question the bot asked (folded): the check-in dialog, the question "1 or
# 1 100?" and the plan under review (`plan avbryt`) all stop; with no question waiting, there is nothing to
# stop. Each word and the language it is in. The one list of them: every question reads these.
CANCEL_WORDS = {
    **dict.fromkeys(("avbryt", "avsluta", "sluta", "stopp", "glom det", "strunt i det", "angra"), "sv"),
    **dict.fromkeys(("cancel", "quit", "exit", "abort", "stop", "never mind", "nevermind"), "en"),
    **dict.fromkeys(("forget it", "undo", "no cancel", "cancel it", "cancel that"), "en"),
    **dict.fromkeys(("stoppa", "nej avbryt", "avbryt det"), "sv"),
}
# "No" to a question the bot asked (folded). To one that asks for a goal, a day or which of two readings
# was meant, it is a no to going on: nothing is stored; to a comment it is none (dialogs/checkin_dialog.py).
# With no question waiting, it is told there is nothing to cancel, as CANCEL_WORDS are. Each and its language.
NO_WORDS = {
    **dict.fromkeys(("nej", "na", "naa", "nix", "nej tack"), "sv"),
    **dict.fromkeys(("no", "nope", "no thanks", "no thank you"), "en"),
}


def says_yes(text: str) -> bool:
    """Whether a message is a yes alone ("ja", "ja tack", "yes"), an answer to a question the bot asked."""
    words, yes = said_yes(text.split())
    return yes and not words


def leaves_question(text: str) -> bool:
    """Whether a message leaves a question the bot asked ("avbryt", "never mind") or says no to it ("nej")."""
    folded = fold(text)
    return folded in CANCEL_WORDS or folded in NO_WORDS


# Words before a question that ask nothing: "snälla visa mål 6", "hej boten, …" (folded).
_OPENERS = frozenset(("snalla", "please", "pls", "boten", "bot", "distriktsboten", "kara", "dear"))
# A greeting or thanks before a question changes nothing: "hej! kan du visa mål 3?", "thanks, report 3 1".
_GREETINGS = tuple(
    sorted((words for words, (kind, _) in _SOCIAL.items() if kind is not Social.ACK), key=len, reverse=True)
)
# "hur går det för Sundsvall?" -> status Sundsvall; "how is Sundsvall doing?" -> status Sundsvall.
# "hur ligger Kim till?" asks the same as "hur går det för Kim?".
_HOW_SV = re.compile(
    r"^(?:hur (?:går|gar) det(?: för| for| i| med)?(?P<rest>.*)"
    r"|hur ligger (?P<lies>.+?) till(?P<on> (?:med|i) .+)?)$"
)
_HOW_EN = re.compile(
    r"^(?:how (?:is|are|s) (?P<who>.+?) (?:doing|going)(?P<on> (?:on|with) .+)?"
    r"|how (?:is|s) it going(?: (?:in|for) (?P<rest>.+))?)$"
)
# A yes-or-no question about one goal ("är mål 6 klart?", "is goal 6 done?"), folded.
_YES_OR_NO = re.compile(rf"^(?:ar|is) (?P<word>mal|malet|goal) #?{_NUMBER}(?: |$)")
_HASHED = re.compile(r"#\s*(?P<number>\d{1,9})")
# Goals' numbers in a list after a number sign ("#6, 7", "#6 och #7"): as `mål 6 och 7` asks, one at a time.
_HASHED_LIST = re.compile(
    r"#\s*(?P<number>\d{1,9})(?:(?:\s*(?:,|&|/|\+|och|and|eller|or)\s*|\s+)#?\s*(?P<other>\d{1,9}))+",
    re.IGNORECASE,
)
# A list of goals' numbers in a question (folded: "vad står det i mål 6 och 7", "what do goals 6 and 7 say").
_GOAL_LIST = re.compile(
    rf"(?:^| )(?P<word>mal|malen|goal|goals) ?#?(?P<numbers>{_NUMBER}(?: (?:och|and|eller|or|samt)? ?"
    rf"(?:{_NUMBER.replace('?P<number>', '')}))+)(?: |$)"
)
_GLUED = re.compile(r"^(?P<word>[^\W\d_]{2,})[:#]?(?P<number>\d+)$")
# One goal named in a question of status ("status mål 4", "hur går det för Sundsvall med mål 4"), folded.
_ONE_GOAL = re.compile(rf"(?:^| )(?P<word>mal|malet|goal) ?#?{_NUMBER}(?: |$)")


@dataclass(frozen=True)
class Reading:
    """The command a message means (`text`), and the language its own words were in, if they tell."""

    text: str
    language: str | None = None
    asked: bool = False  # a question in other words, not a command written with words around it


def social(text: str) -> tuple[Social, str] | None:
    """A greeting or thanks (and its language) when that is all the message says."""
    folded = fold(text)
    if folded in _SOCIAL:
        return _SOCIAL[folded]
    words, found = folded.split(), []
    while words:  # "ok tack", "hej och tack", "great, thanks": each part a greeting, thanks or nod
        length = next((n for n in (3, 2, 1) if " ".join(words[:n]) in _SOCIAL), 0)
        if length:
            found.append(_SOCIAL[" ".join(words[:length])])
        elif words[0] not in _SOCIAL_EXTRA:
            return None
        words = words[max(length, 1) :]
    ranked = sorted(found, key=lambda said: _SOCIAL_RANK.index(said[0]))  # thanks first, a nod last
    return ranked[0] if ranked else None


def said_yes(words: list[str]) -> tuple[list[str], bool]:
    """The words without a last yes (YES_WORDS, thanks after it aside), and whether it was there: "byt 12 13
    ja tack" -> ("byt 12 13", True); without one the words as written."""
    kept = list(words)
    while kept and fold(kept[-1]) in COURTESY:
        kept.pop()
    if kept and fold(kept[-1]) in YES_WORDS:
        return kept[:-1], True
    return list(words), False


def _symbol(word: str) -> bool:
    """A word of emoji alone (📊, 👋🏽, ❓): no letter or digit."""
    categories = [unicodedata.category(ch) for ch in word]
    return "So" in categories and all(category[0] not in "LN" for category in categories)


def without_symbols(text: str) -> str:
    """`text` without its words of emoji alone: "📊 status" -> "status", "sök 🌍 klimat" -> "sök klimat"."""
    return " ".join(word for word in text.split() if not _symbol(word))


def only_symbols(text: str) -> bool:
    """Emoji alone, perhaps with punctuation (👍, 🎉!): a reaction written as a message, nothing to answer.
    Punctuation alone ("...", "???") is not: that gets the usual hint."""
    return _symbol("".join(text.split()))


# Words a question begins with, and their language (folded): a sentence no command reads is then a question
# the bot cannot answer, not a command it does not know, and its answer is in the question's language.
_QUESTION_WORDS = {
    **dict.fromkeys(
        ("vem", "vad", "nar", "varfor", "hur", "vilka", "vilken", "vilket", "kan", "finns"), "sv"
    ),
    **dict.fromkeys(("who", "what", "whats", "when", "where", "why", "how", "which", "can", "could"), "en"),
    **dict.fromkeys(("is", "are", "do", "does", "will"), "en"),
}


def question_language(text: str) -> str | None:
    """The language of a question of several words, by its first word ("när …?" Swedish, "when …?"
    English); None for anything else."""
    words = fold(text).split()
    return _QUESTION_WORDS.get(words[0]) if len(words) > 1 else None


def unglue(word: str) -> tuple[str, str] | None:
    """`mål6` (`mål:6`, `goal#6`) -> ("mål", "6"): a command word with its number written without a space."""
    match = _GLUED.match(word)
    return (match["word"], match["number"]) if match else None


# A role given or taken in a sentence: "gör @Anna till ordförande i Sundsvall", "lägg till @Erik i styrelsen",
# "remove @Erik from the board". Read as `roll`/`role` with the person marked "@" (the role command's answer
# names the line that picks them from Teams' list when they were typed, not picked).
_ROLE_NAMES = {
    **dict.fromkeys(("ordforande", "ordf", "chair", "chairperson", "chairman", "chairwoman"), "chair"),
    **dict.fromkeys(("ersattare", "deputy", "deputy chair"), "deputy"),
    **dict.fromkeys(("styrelseledamot", "ledamot i styrelsen", "ledamot", "styrelsen"), "board"),
    **dict.fromkeys(("board member", "member of the board", "board", "on the board"), "board"),
}
_ROLE_WORDS = {"sv": {"chair": "ordförande", "deputy": "ersättare", "board": "styrelse"}}
_SPEAKER = {"jag": "mig", "i": "me"}  # the role command reads "mig" / "me" as the writer
_ROLE = r"(?P<role>ordförande|ordf|ersättare|styrelseledamot|ledamot i styrelsen|ledamot|styrelsen)"
_ROLE_EN = (
    r"(?P<role>chair(?:person|man|woman)?|deputy(?: chair)?|board member|member of the board"
    r"|on the board|board)"
)
_BRANCH = (
    r"(?:\s+(?:i|för|in|of|for|at)\s+(?:partiföreningen\s+|föreningen\s+|the\s+branch\s+|branch\s+)?"
    r"(?P<branch>.+?))?"
)
_ROLE_SENTENCES: tuple[tuple[re.Pattern[str], bool, str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), remove, language)
    for pattern, remove, language in (
        (rf"^(?:gör|utse|välj)\s+(?P<who>.+?)\s+till\s+(?:ny\s+|nya\s+)?{_ROLE}{_BRANCH}$", False, "sv"),
        (rf"^(?P<who>.+?)\s+(?:ska bli|blir|är ny|är nya)\s+{_ROLE}{_BRANCH}$", False, "sv"),
        (
            r"^(?:lägg till|lägg in|sätt in|ta in|ta med)\s+(?P<who>.+?)\s+i\s+(?P<role>styrelsen)$",
            False,
            "sv",
        ),
        (r"^(?:ta bort|plocka bort|stryk)\s+(?P<who>.+?)\s+(?:från|ur)\s+(?P<role>styrelsen)$", True, "sv"),
        (rf"^(?:ta bort|plocka bort)\s+(?P<who>.+?)\s+som\s+{_ROLE}{_BRANCH}$", True, "sv"),
        (rf"^(?P<who>.+?)\s+är\s+inte\s+(?:längre\s+)?{_ROLE}{_BRANCH}(?:\s+längre)?$", True, "sv"),
        (
            rf"^(?:make|appoint)\s+(?P<who>.+?)\s+(?:as\s+)?(?:the\s+|a\s+)?(?:new\s+)?{_ROLE_EN}{_BRANCH}$",
            False,
            "en",
        ),
        (r"^(?:add|put)\s+(?P<who>.+?)\s+(?:to|on)\s+the\s+(?P<role>board)$", False, "en"),
        (r"^(?:remove|take)\s+(?P<who>.+?)\s+(?:from|off)\s+the\s+(?P<role>board)$", True, "en"),
        (rf"^remove\s+(?P<who>.+?)\s+as\s+(?:the\s+|a\s+)?{_ROLE_EN}{_BRANCH}$", True, "en"),
        (rf"^(?P<who>jag)\s+(?:slutar|avgår|lämnar)\s+som\s+{_ROLE}{_BRANCH}$", True, "sv"),
        (rf"^(?P<who>jag)\s+vill\s+(?:sluta|avgå)\s+som\s+{_ROLE}{_BRANCH}$", True, "sv"),
        (
            rf"^(?P<who>i)(?:'m|’m|\s+am|\s+will|\s+want\s+to)?\s+(?:stepping\s+down|resigning|quitting"
            rf"|leaving|step\s+down|resign|quit)\s+as\s+(?:the\s+|a\s+)?{_ROLE_EN}{_BRANCH}$",
            True,
            "en",
        ),
        (rf"^(?P<who>.+?)(?:\s+is|'s|’s)\s+no\s+longer\s+(?:the\s+|a\s+)?{_ROLE_EN}{_BRANCH}$", True, "en"),
    )
)


# A person's name to take away with no role said: "ta bort Erik", "remove @Erik Svensson". A name is
# written capitalised or after "@" ("ta bort påminnelsen", "ta bort 5" name nobody).
_TAKE_AWAY = re.compile(
    r"^(?P<verb>ta bort|plocka bort|stryk|remove)\s+(?P<who>@?[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})$",
    re.IGNORECASE,
)


def role_sentence(text: str) -> Reading | None:
    """`roll ordförande @Anna Sundsvall` for "gör Anna till ordförande i Sundsvall", and the like (see
    _ROLE_SENTENCES); None when the sentence gives or takes no role. A question ("vem blir ordförande?")
    gives none."""
    words = text.split()
    while words and fold(words[-1]) in COURTESY:  # "… i Sundsvall tack"
        words.pop()
    for pattern, remove, language in _ROLE_SENTENCES:
        found = pattern.match(" ".join(words))
        if found is None:
            continue
        who = fold(found["who"]).split()
        if not who or who[0] in _QUESTION_WORDS:  # "vem blir ordförande?" asks; "@" alone names no one
            continue
        role = _ROLE_NAMES[fold(found["role"])]
        command = "roll" if language == "sv" else "role"
        if remove:
            command += " bort" if language == "sv" else " remove"
        role_word = _ROLE_WORDS.get(language, {}).get(role, role)
        branch = found.groupdict().get("branch") or ""
        person = _SPEAKER.get(" ".join(who), found["who"].lstrip("@"))  # "jag slutar som …": the writer
        return Reading(f"{command} {role_word} @{person} {branch}".strip(), language)
    taken = taken_away(" ".join(words))
    if taken is None:
        return None
    name, language = taken
    if not all(word[0].isupper() for word in name.split()):  # "ta bort påminnelsen"
        return None
    return Reading(take_away(name, language), language)


def taken_away(text: str) -> tuple[str, str] | None:
    """The name someone asks to take away with no role said, as written without "@", and the language:
    ("Erik", "sv") for "ta bort @Erik"; ("erik", "sv") for "ta bort erik", a name only if someone has it
    (the router asks)."""
    taken = _TAKE_AWAY.match(_without_courtesy(text))
    if taken is None:
        return None
    return taken["who"].lstrip("@"), "sv" if fold(taken["verb"]) != "remove" else "en"


def take_away(name: str, language: str) -> str:
    """The role command that asks which of `name`'s roles to take away."""
    return f"{'roll bort' if language == 'sv' else 'role remove'} @{name}"


# The phrases folded as the text they are matched against is, once.
_FOLDED_QUESTIONS = tuple((fold(ask), command, language) for ask, command, language in _QUESTIONS)
_FOLDED_ASKS = tuple((fold(ask), command, language) for ask, command, language in _ASKS)
_FOLDED_LEADS = tuple((fold(lead), language) for lead, language in _LEADS)
_FOLDED_WHO_LEADS = tuple((fold(lead), language) for lead, language in _WHO_LEADS)


def rephrase(text: str, is_command: Callable[[str], bool]) -> Reading | None:
    """The command a natural question means, or None. `is_command` tells whether a word is a command."""
    trimmed = text.strip().rstrip("?!. ")
    folded = " ".join(fold(trimmed).split())
    written, greeted, opened = text.strip(), None, False
    while True:  # "hej!", "hej boten,", "snälla", "please" before the question change nothing
        greeting = next((g for g in _GREETINGS if folded.startswith(g + " ")), None)
        first_word = folded.split(" ", 1)[0]
        count = len(greeting.split()) if greeting else int(first_word in _OPENERS and " " in folded)
        if not count:
            break
        greeted = _SOCIAL[greeting][1] if greeting else greeted
        trimmed, written, opened = _after_words(trimmed, count), _after_words(written, count), True
        folded = " ".join(fold(trimmed).split())
    words = folded.split()
    while len(words) > 1 and words[-1] in COURTESY:
        said = _SOCIAL.get(words.pop())  # "#6 tack": the thanks tells the language the number does not
        greeted = greeted or (said[1] if said is not None else None)
    if len(words) == 1 and len(folded.split()) > 1 and is_command(words[0]):  # "status tack", "goals please"
        return Reading(written.split()[0].strip("!?.,:;"))
    yes_or_no = _YES_OR_NO.match(folded)
    if yes_or_no is not None:  # "är mål 6 klart?": the goal in full answers it
        swedish = yes_or_no["word"] != "goal"
        command = f"{'mål' if swedish else 'goal'} {yes_or_no['number']}"
        return Reading(command, "sv" if swedish else "en", asked=True)
    hashed = _HASHED.fullmatch(_without_courtesy(trimmed).rstrip("!?.,:; "))
    if hashed is not None and is_command("#"):  # "#6": the goal numbered so, in the reader's language
        return Reading(f"# {hashed['number']}", greeted)
    hashed = _HASHED_LIST.fullmatch(_without_courtesy(trimmed).rstrip("!?.,:; "))
    if hashed is not None and is_command("#"):  # "#6, 7": goals 6 and 7, which `mål` asks one at a time
        return Reading(f"# {hashed['number']}, {hashed['other']}", greeted)
    ordinal = _ORDINAL_GOAL.match(" ".join(words))
    number = (ordinal["digits"] or _ORDINALS.get(ordinal["word"] or "")) if ordinal is not None else None
    if ordinal is not None and number:  # "sjätte målet", "the 6th goal": that goal
        english = words[-1] == "goal"
        return Reading(f"{'goal' if english else 'mål'} {number}", "en" if english else "sv", asked=True)
    saying = _SAYINGS.get(" ".join(words))
    if saying is not None:
        return Reading(*saying, asked=True)
    own = _MY_TEXT.match(" ".join(words))
    if own is not None:  # "ändra min text: …": the text as written, after "min text"
        swedish = bool(own["sv_change"] or own["sv_delete"])
        verb = ("skriv" if swedish else "write") if own["sv_change"] or own["en_change"] else None
        verb = verb or ("radera" if swedish else "erase")
        phrase = _TEXT_NAMED.search(written)  # the new text as written, its "?" kept
        text = written[phrase.end() :].strip(" :-\u2013\u2014") if phrase is not None and own["rest"] else ""
        text = re.sub(r"^(?:to|till)\b\W*", "", text, flags=re.IGNORECASE)  # "change my text to: …"
        mine = "min text" if swedish else "my text"
        return Reading(f"{verb} {mine}: {text}".rstrip(": "), "sv" if swedish else "en", True)
    taking = _I_TAKE.match(_without_courtesy(written).strip().rstrip("?!.,:; "))
    taken = _TAKEN.match(taking["what"]) if taking is not None else None
    if (
        taking is not None
        and taken is not None
        and not _NOT_TAKEN & set(fold(taken["who"] or "").split()[:1])
    ):
        swedish = bool(taking["sv"])  # "jag tar Adeles tur": that turn given to the writer
        what = taking["what"]
        command = f"ge {what} till mig" if swedish else f"assign {what} to me"
        return Reading(command, "sv" if swedish else "en", True)
    someone = _SOMEONE_TAKES.match(" ".join(words))
    if someone is not None:  # "kan Adele ta min tur?": the turns, with the line that gives one away
        return Reading("kommande" if someone["sv"] else "upcoming", "sv" if someone["sv"] else "en", True)
    goal = _one_goal(" ".join(words[1:])) if words[:1] == ["status"] else None
    if goal is not None:  # "status mål 4", "status Sundsvall goal 4"
        return Reading(goal, "en" if goal.startswith("goal") else "sv", asked=True)
    for ask_folded, command, language in _FOLDED_QUESTIONS:
        if folded == ask_folded or folded.startswith(ask_folded + " "):
            if command in ("roller", "roles"):  # "vem är ordförande i Timrå": that branch's, if it is one
                rest = _without_courtesy(_after_words(trimmed, len(ask_folded.split())))
                return Reading(f"{command} {rest}".strip(), language, asked=True)
            return Reading(command, language, asked=True)
    whose = _whose_goals(trimmed, is_command)
    if whose is not None:
        return whose
    role = role_sentence(" ".join(trimmed.split()))
    if role is not None:
        return role
    marked = _goals_marked(_without_courtesy(trimmed), " ".join(words))
    if marked is not None:
        return marked
    for ask_folded, command, language in _FOLDED_ASKS:
        if folded == ask_folded or folded.startswith(ask_folded + " "):
            rest = _without_courtesy(_after_words(trimmed, len(ask_folded.split())))
            if command in ("språk", "language") and not _LANGUAGE_NAMES & set(fold(rest).split()):
                continue  # "svara på mål 3" asks for no language
            if command == "status":  # "… med mål 3": that goal; "… i Sundsvall": that branch; "… med målen"
                if fold(rest).split()[:1] in (["i"], ["for"], ["med"], ["in"], ["with"], ["on"], ["of"]):
                    rest = _after_words(rest, 1)
                return Reading(_status(rest, " ".join(fold(rest).split()), is_command), language, asked=True)
            if command in ("hjälp", "help"):
                topic = _help_topic(ask_folded, rest, is_command)
                if topic is None:
                    continue  # "vad gör vi i helgen" asks about no command
                return Reading(f"{command} {topic}".strip(), language, asked=True)
            return Reading(f"{command} {rest}".strip(), language, asked=True)
    how = _HOW_SV.match(folded)
    if how is not None and _about_prompts(how["rest"] or how["lies"] or ""):  # "hur går det med inläggen?"
        return Reading("kommande", "sv", asked=True)
    if how is not None and how["lies"] is not None:  # "hur ligger det till?": the plan's
        lies = "" if how["lies"] == "det" else how["lies"]
        return Reading(_one_goal(how["on"] or "") or _status(trimmed, lies, is_command), "sv", asked=True)
    if how is not None:
        return Reading(_status(trimmed, how["rest"], is_command), "sv", asked=True)
    how = _HOW_EN.match(folded)
    if how is not None and _about_prompts(how["who"] or how["rest"] or ""):  # "how are the prompts going?"
        return Reading("upcoming", "en", asked=True)
    if how is not None:
        named = _one_goal(how["on"] or "") or _status(trimmed, how["who"] or how["rest"] or "", is_command)
        return Reading(named, "en", asked=True)
    about_plan = _about_the_plan(words, is_command)
    if about_plan is not None:
        return Reading("mål" if about_plan == "sv" else "goals", about_plan, asked=True)
    for lead_folded, language in _FOLDED_LEADS:
        if folded.startswith(lead_folded + " "):
            rest = _without_courtesy(_after_words(written, len(lead_folded.split())))
            if lead_folded in _SHOW_LEADS and " ".join(fold(rest).split()) in OWN_TURN | NEXT_PROMPT:
                return Reading(f"{'visa' if language == 'sv' else 'preview'} {rest}", language, asked=True)
            first, second = [*rest.split(" ", 2), ""][:2]
            glued = unglue(first)
            if is_command(first) or is_command(f"{first}-{second}") or (glued and is_command(glued[0])):
                return Reading(rest, language, asked=True)
    for lead_folded, language in _FOLDED_WHO_LEADS:  # "vem ansvarar för facebook?": who answers for its goals
        if folded.startswith(lead_folded + " "):
            rest = _without_courtesy(_after_words(written, len(lead_folded.split())))
            article, _, after = rest.partition(" ")
            rest = after if after and fold(article) in _ARTICLES else rest  # "the facebook page"
            return Reading(
                f"{'mål ansvarig' if language == 'sv' else 'goals responsible'} {rest}", language, True
            )
    one = _about_one_goal(folded, is_command)
    if one is not None:
        return one
    if opened:  # "Hej! kommande": the command after the greeting, as written (a prompt's text ends in "?")
        first, second = [*written.split(" ", 2), ""][:2]
        glued = unglue(first.strip("!/?.,:;"))
        if (
            is_command(first)
            or is_command(f"{first}-{second}")
            or (glued is not None and is_command(glued[0]))
        ):
            return Reading(written, greeted)
    return None


# Words before what a question is about that the goals need not say: "who's in charge of the facebook page".
_ARTICLES = frozenset(("the", "our", "a", "an", "var", "vart", "vara"))
# Words that ask to hear about what follows, as a question word does: "förklara mål 6", "mer om mål 6".
_TELL = frozenset(
    ("forklara", "beskriv", "info", "mer", "detaljer", "explain", "describe", "more", "details")
)
# Question words that ask for something rather than about it ("kan jag få se mål 6" is answered with the
# line to write, as a request in other words is).
_ASKING = frozenset(("kan", "can", "could"))
# The goal's own word in such a question, and the words that may name it: never another command.
_GOAL_WORDS = frozenset(("mal", "malet", "goal", "status"))


def _about_one_goal(folded: str, is_command: Callable[[str], bool]) -> Reading | None:
    """`mål N` for a question about one goal, in whatever words: "vad står det i mål 6?", "what does goal 6
    say", "förklara mål 6". Not a question that names a number besides the goal's ("… 3 möten för mål 4",
    a report) or another command ("kan jag rapportera mål 3?": that command's words are no question about
    the goal)."""
    words = folded.split()
    if not words or (words[0] not in _QUESTION_WORDS and words[0] not in _TELL) or words[0] in _ASKING:
        return None
    listed = _GOAL_LIST.search(folded)  # "vad står det i mål 6 och 7": asked one at a time, as `mål 6 och 7`
    if (
        listed is not None
        and sum(ch.isdigit() for ch in folded) == sum(ch.isdigit() for ch in listed[0])
        and not any(is_command(w) for w in folded[: listed.start()].split() + folded[listed.end() :].split())
    ):
        english = listed["word"].startswith("goal")
        numbers = [n for n in listed["numbers"].split() if n not in ("och", "and", "eller", "or", "samt")]
        joined = (" and " if english else " och ").join(numbers)  # punctuation folded away: "6, 7" is "6 7"
        return Reading(f"{'goals' if english else 'mål'} {joined}", "en" if english else "sv", True)
    named = list(_ONE_GOAL.finditer(folded))
    if len(named) != 1 or sum(ch.isdigit() for ch in folded) != sum(ch.isdigit() for ch in named[0][0]):
        return None
    if any(is_command(word) for word in words if word not in _GOAL_WORDS and not word.isdigit()):
        return None
    english = named[0]["word"] == "goal"
    return Reading(f"{'goal' if english else 'mål'} {named[0]['number']}", "en" if english else "sv", True)


def _about_the_plan(words: list[str], is_command: Callable[[str], bool]) -> str | None:
    """The language of a question about the plan's goals as a whole (see _PLAN_NOUNS), or None. A command
    written alone (the board's `plan`) is that command."""
    if len(words) == 1 and is_command(words[0]):
        return None
    nouns = [_PLAN_NOUNS[word] for word in words if word in _PLAN_NOUNS]
    # "I'd like to see the plan" asks; "I like the plan" does not
    others = [
        w
        for i, w in enumerate(words)
        if w not in _PLAN_NOUNS and not (w == "like" and words[i - 1 : i] in (["would"], ["d"]))
    ]
    if not nouns or not all(word in _PLAN_QUESTION_WORDS for word in others):
        return None
    return nouns[0]


# Words around a command's name in a question about it: "what does the status command mean" (folded).
_ABOUT_A_COMMAND = frozenset(
    ("kommandot", "ordet", "command", "the", "word", "mean", "do", "work", "for", "nagot", "nat", "betyder")
)
# The bot itself, in such a question: "hur funkar du", "how do I use it".
# Of those, the words that ask what a command means or does.
_MEANING = frozenset(
    ("kommandot", "command", "mean", "do", "work", "betyder", "menas", "menar", "innebar", "meant")
)
_THE_BOT = frozenset(("du", "dig", "det", "den", "boten", "you", "it", "this", "the bot"))


def _help_topic(ask: str, rest: str, is_command: Callable[[str], bool]) -> str | None:
    """The command a question about a command names ("" for the bot itself), or None when it names none:
    "vad betyder status" -> "status", "how does it work" -> "", "vad gör vi i helgen" -> None."""
    words = [w for w in rest.split() if fold(w) not in _ABOUT_A_COMMAND]
    named = " ".join(fold(w) for w in words)
    if not named or named in _THE_BOT:
        return ""
    first = words[0].strip("!?.,:;\"'”“`")
    # "how does the plan look" names the board's `plan` and asks nothing about it: more than the command's
    # word needs a word about its meaning ("what does my data mean")
    meaning = bool(_MEANING & set(f"{ask} {fold(rest)}".split()))
    said = " ".join(words).strip("!?.,:;\"'”“`’‘")
    if meaning and status_word(said) is not None:  # "vad betyder efter?": the word on the cards
        return said
    about = len(words) == 1 or meaning
    return " ".join([first, *words[1:]]) if about and is_command(first) else None


# The discussion prompts and their schedule, as a "how is it going" question names them (folded): the
# board's `kommande` answers it, not a branch's status.
_PROMPTS = frozenset(
    (
        *("inlagg", "inlaggen", "inlagget", "vara inlagg", "diskussionsinlagg", "diskussionsinlaggen"),
        *("diskussionsfragor", "diskussionsfragorna", "inlaggsschemat", "schemat for inlaggen"),
        *("veckans inlagg", "prompts", "the prompts", "our prompts", "the discussion prompts"),
        *("discussion prompts", "the prompt schedule", "prompt schedule", "the posts", "posts"),
        *("the discussion posts", "the weekly prompts", "diskussionerna", "the discussions"),
        *("inlaggen i kanalen", "the prompts in the channel"),
    )
)


def _about_prompts(folded_rest: str) -> bool:
    words = folded_rest.split()
    if words[:1] in (["med"], ["for"], ["with"], ["on"]):
        words = words[1:]
    return " ".join(words) in _PROMPTS


def _status(original: str, folded_name: str, is_command: Callable[[str], bool]) -> str:
    """`status` with the branch named as written (its capitals and letters kept); the district's for
    "we", "vi", "oss", "distriktet"; a command for one goal ("hur går det med mål 6") is that command."""
    wanted = folded_name.split()
    if not wanted or " ".join(wanted) in _US:
        return "status"
    goal = _one_goal(folded_name)
    if goal is not None:
        return goal
    words = original.split()
    at = next((i for i, word in enumerate(words) if fold(word) == wanted[0]), None)
    if at is not None and is_command(wanted[0]):
        return " ".join(words[at : at + len(wanted)])
    for start in range(len(words)):  # as written; "Kim's" folds to two words
        for end in range(start + 1, len(words) + 1):
            if fold(" ".join(words[start:end])).split() == wanted:
                return "status " + " ".join(words[start:end])
    return "status " + folded_name.strip()


def _one_goal(folded: str) -> str | None:
    """The command for one goal a status question names ("… med mål 4": `mål 4`): that goal's progress,
    every branch's line in it, is the answer; a branch named beside it is no branch called "… mål 4"."""
    goal = _ONE_GOAL.search(folded)
    if goal is None:
        return None
    return f"{'goal' if goal['word'] == 'goal' else 'mål'} {goal['number']}"


def _without_courtesy(text: str) -> str:
    """`text` without the courtesy words after it: "status för Sundsvall tack" -> "status för Sundsvall"."""
    words = text.split()
    while len(words) > 1 and fold(words[-1]) in COURTESY:
        words.pop()
    return " ".join(words).rstrip(",")


def _after_words(text: str, count: int) -> str:
    """`text` without its first `count` words (as folding counts them)."""
    words = list(re.finditer(r"\w+", text))
    if len(words) <= count:
        return ""
    start = words[count].start()
    sign = len(text[:start].rstrip())  # "hej # 6" too: the number sign is the goal's, spaced or not
    while sign > 0 and text[sign - 1] in "#@":
        sign -= 1
    if count and sign < start and text[sign] in "#@" and sign >= words[count - 1].end():
        start = sign
    return text[start:].strip()


# --- the plan's words in English: the glossary ---------------------------------------------------------
# A plan is written in Swedish; English readers see its units ("medlemsmöten") and areas ("Miljö och klimat")
# in English. The glossary holds the words Swedish district plans use; a compound word unknown as a whole is
# read by its last part ("valmöten": "meetings"). Where no English is known the caller says something
# neutral, never the Swedish word. The board can give its own English (see plan_corrections.py).

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
    "volontär|volontären|volontärer|volontärerna": ("volunteer", "volunteers"),
    "funktionär|funktionären|funktionärer|funktionärerna": ("official", "officials"),
    "ombud|ombudet|ombuden": ("delegate", "delegates"),
    "aktivist|aktivisten|aktivister|aktivisterna": ("activist", "activists"),
    "kandidat|kandidaten|kandidater|kandidaterna": ("candidate", "candidates"),
    "ledare|ledaren|ledarna": ("leader", "leaders"),
    "valarbetare|valarbetaren|valarbetarna": ("election worker", "election workers"),
    "förtroendevald|förtroendevalda": ("elected representative", "elected representatives"),
    "ny medlem|nya medlemmar": ("new member", "new members"),
    "aktiva|aktiv medlem|aktiva medlemmar": ("active member", "active members"),
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


# An adjective before a unit's noun ("nya kontaktpersoner", "aktiva medlemmar"): (singular, plural) and its
# English, which has one form.
_NEW, _ACTIVE = ("ny", "nya", "new"), ("aktiv", "aktiva", "active")
_ADJECTIVES = {"ny": _NEW, "nya": _NEW, "aktiv": _ACTIVE, "aktiva": _ACTIVE}
_EN_PEOPLE = ("person", "medlem", "volontar", "funktionar", "aktivist", "kandidat", "organisator", "ledare")


def _adjective(unit: str) -> tuple[tuple[str, str, str], str] | None:
    """The adjective a unit of two or more words begins with, and the rest ("nya kontaktpersoner")."""
    first, _, rest = unit.strip().partition(" ")
    known = _ADJECTIVES.get(fold(first))
    return (known, rest) if known and rest.strip() else None


def english_unit(unit: str | None, *, plural: bool = True) -> str | None:
    """The English for a plan's unit ("studiecirklar", "utbildning, föreläsning eller webbinarium",
    "% av medlemmarna", "nya kontaktpersoner"), singular or plural, or None when a word of it has none."""
    whole = _UNIT_WORDS.get(fold(unit)) if unit and " " in unit.strip() else None  # "öppet hus"
    if whole:
        return whole[plural]
    adjective = _adjective(unit or "")
    if adjective is not None:
        (_, _, english), rest = adjective
        noun = english_unit(rest, plural=plural)
        return f"{english} {noun}" if noun else None
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
    "volontär|volontärer",
    "funktionär|funktionärer",
    "aktivist|aktivister",
    "kandidat|kandidater",
    "förtroendevald|förtroendevalda",
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


def _pairs(forms: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((pair.split("|")[0], pair.split("|")[1]) for pair in forms)


_WHOLE_PAIRS, _FORM_PAIRS, _ENDING_PAIRS = (
    _pairs(_SWEDISH_WHOLE),
    _pairs(_SWEDISH_FORMS),
    _pairs(_SWEDISH_ENDINGS),
)


def swedish_unit(unit: str, *, plural: bool) -> str:
    """A plan's unit in the form that agrees with its number ("ordförandemöte" beside 2: "ordförandemöten";
    "studiecirklar" beside 1: "studiecirkel"), each word of a list ("utbildning, föreläsning eller
    webbinarium") on its own. The plan's own words where a word of it is not known."""
    adjective = _adjective(unit)
    if adjective is not None:  # "1 ny kontaktperson", "2 nya kontaktpersoner"
        (one, many, _), rest = adjective
        noun = _each_word(rest, lambda word: _swedish_word(word, plural))
        # people are en-words ("ny", "aktiv"); another noun might want the neuter ("nytt möte")
        if noun is not None and (plural or fold(noun).endswith(_EN_PEOPLE)):
            return f"{many if plural else one} {noun}"
    inflected = _each_word(unit, lambda word: _swedish_word(word, plural))
    return inflected if inflected is not None else unit


def _swedish_word(word: str, plural: bool) -> str | None:
    lower = word.lower()
    for one, many in _WHOLE_PAIRS:
        if lower in (one, many):
            return _cased(word, many if plural else one)
    # The longest known last part, the part before it at least three letters ("valmöten", "utbildningsdagar").
    best: tuple[int, str, str] | None = None
    for one, many in _FORM_PAIRS:
        for form in (one, many):
            whole = lower == form
            if (whole or (lower.endswith(form) and len(lower) - len(form) >= 3)) and (
                best is None or len(form) > best[0]
            ):
                best = (len(form), word[: len(word) - len(form)], many if plural else one)
    if best is None:
        for one, many in _ENDING_PAIRS:
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
