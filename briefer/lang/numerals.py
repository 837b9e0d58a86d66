"""Numbers written as words, in every supported language: a table of each language's
cardinals (1 to 100 and the hundreds) and ordinals (1st to 100th) built once from
num2words, with their declined forms (Polish cases and collectives by rule, Ukrainian
through the morphological dictionary, the ordinals' adjective endings everywhere)."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from briefer.core.once import once
from briefer.lang import figure_words
from briefer.lang.vocabulary import ukrainian_numeral, ukrainian_numeral_forms

_VALUES = (*range(1, 101), *range(200, 1000, 100))
_ORDINALS = range(1, 101)
_NUM2WORDS_LANG = {"en": "en", "de": "de", "fr": "fr", "pl": "pl", "uk": "uk", "es": "es", "it": "it"}

# The endings an ordinal takes as an adjective (its base form's ending taken off first).
_ORDINAL_ENDINGS = {
    "de": ("e", "er", "es", "en", "em"),
    "fr": ("", "s"),
    "es": ("o", "a", "os", "as", ""),  # "", for the apocope: tercer trimestre, primer año
    "it": ("o", "a", "i", "e"),
    "pl": ("y", "a", "e", "ą", "ego", "ej", "emu", "ym", "ych", "ymi", "i", "iego", "iej", "iemu", "im", "ich", "imi"),
    "uk": (
        "ий",
        "ій",
        "а",
        "я",
        "е",
        "є",
        "ого",
        "ього",
        "ому",
        "ьому",
        "им",
        "ім",
        "их",
        "іх",
        "ими",
        "іми",
        "у",
        "ю",
        "і",
        "ої",  # the feminine's oblique cases: "стала восьмою", "до восьмої"
        "ою",
    ),
}
# Polish cardinals decline by their ending (pięć: pięciu, pięcioma, pięcioro; jedenaście:
# jedenastu; dwadzieścia: dwudziestu; pięćdziesiąt: pięćdziesięciu; sto: stu).
_PL_OBLIQUE = (
    (r"dwadzieścia$", ("dwudziest",), ("u", "oma")),
    (r"(dzieści|dzieścia)$", ("dziest",), ("u", "oma")),
    (r"dziesiąt$", ("dziesięci",), ("u", "oma")),
    (r"naście$", ("nast",), ("u", "oma", "oro", "orga")),
    (r"ć$", ("ci",), ("u", "oma", "oro", "orga", "orgiem")),
    (r"sto$", ("st",), ("u",)),
    (r"set$", ("set",), ("",)),
    (r"siedem$", ("siedm",), ("iu", "ioma", "ioro", "iorga")),
    (r"osiem$", ("ośm",), ("iu", "ioma", "ioro", "iorga")),
)
# The small Polish numerals are irregular: their case forms are the language's grammar,
# the masculine personal ones too (dwaj, trzej, czterej pracownicy).
_PL_SMALL = {
    2: "dwie dwóch dwu dwom dwóm dwoma dwiema dwaj dwoje dwojga dwojgu dwojgiem",
    3: "trzech trzem trzema trzej troje trojga trojgu trojgiem",
    4: "czterech czterem czterema czterej czworo czworga czworgu czworgiem",
}
# Ukrainian collectives of 2 to 4 are irregular; from 5 up they are the cardinal's stem and
# -еро (п'ятеро, семеро), and their other cases are the cardinal's (п'ятьох, сімох).
_UK_SMALL = {2: "двоє", 3: "троє", 4: "четверо"}
# Homographs of a number's form that are more often another word: Italian "secondo" is
# also "according to", German "achten" also "to heed". (An ordinal's endings are never
# empty where the language always writes one, so "non" is no ninth.)
_NOT_NUMBERS = {
    "it": frozenset({"secondo", "seconda", "secondi", "seconde"}),
    "de": frozenset({"achten"}),
}


def _num2words(value: int, lang: str, to: str = "cardinal") -> str:
    from num2words import num2words

    return num2words(value, lang=_NUM2WORDS_LANG[lang], to=to).lower().replace("’", "'")


def _ordinal_forms(word: str, lang: str) -> set[str]:
    endings = _ORDINAL_ENDINGS.get(lang)
    if lang == "en" or endings is None:
        return {word}
    base = next((word[: -len(e)] for e in sorted(endings, key=len, reverse=True) if e and word.endswith(e)), word)
    return {base + ending for ending in endings} | {word}


def _polish_forms(word: str, value: int) -> set[str]:
    forms = set(_PL_SMALL.get(value, "").split())
    for pattern, (replacement,), endings in _PL_OBLIQUE:
        if re.search(pattern, word):
            stem = re.sub(pattern, replacement, word)
            forms |= {stem + ending for ending in endings}
            break
    return forms


def _ukrainian_forms(word: str, value: int) -> set[str]:
    forms = set(ukrainian_numeral_forms(word)) | {_UK_SMALL.get(value, "")}
    collectives = {form[:-1] + "еро" for form in forms if form.endswith("и") and value >= 5}
    return forms | {c for c in collectives if ukrainian_numeral(c)}


_FORMAT = 3  # bump when the table's rules change


@once
def table(lang: str) -> dict[str, int]:
    """Every written form of a number in the language -> its value (one word or a phrase of
    words joined by single spaces). A form two numbers share keeps the smaller. Built once
    into the cache (num2words loads every language it has, a few MB in every run)."""
    if lang not in _NUM2WORDS_LANG:
        return {}
    from importlib.metadata import version

    from briefer.core.files import cached_json

    return cached_json(f"numerals-num2words{version('num2words')}-v{_FORMAT}-{lang}.json", lambda: _build(lang))


def _build(lang: str) -> dict[str, int]:
    found: dict[str, int] = {}

    def add(form: str, value: int) -> None:
        if form and form not in _NOT_NUMBERS.get(lang, ()):
            found.setdefault(form, value)

    for value in _VALUES:
        word = _num2words(value, lang)
        add(word, value)
        if lang == "pl":
            for form in _polish_forms(word, value):
                add(form, value)
        if lang == "uk" and " " not in word:
            for form in _ukrainian_forms(word, value):
                add(form, value)
    for value in _ORDINALS:
        try:
            word = _num2words(value, lang, "ordinal")
        except NotImplementedError:
            continue
        for form in _ordinal_forms(word, lang):
            add(form, value)
    for word, value in zip(figure_words.NUMBER_WORDS.get(lang, "").split(), range(1, 13)):
        add(word, value)
    return found


@once
def ordinals(lang: str) -> frozenset[str]:
    """The forms that are only ordinals (zweite, seventh, ventunesima, siódme): a rank or an
    order, not a count of anything ("the Greens stay the second force"). A form a cardinal
    shares is left out."""
    if lang not in _NUM2WORDS_LANG:
        return frozenset()
    from importlib.metadata import version

    from briefer.core.files import cached_json

    return frozenset(
        cached_json(
            f"numerals-ordinals-num2words{version('num2words')}-v{_FORMAT}-{lang}.json", lambda: _ordinal_build(lang)
        )
    )


def _ordinal_build(lang: str) -> list[str]:
    cardinals = set()
    for value in _VALUES:
        word = _num2words(value, lang)
        cardinals.add(word)
        if lang == "pl":
            cardinals |= _polish_forms(word, value)
        if lang == "uk" and " " not in word:
            cardinals |= _ukrainian_forms(word, value)
    found = set()
    for value in _ORDINALS:
        try:
            word = _num2words(value, lang, "ordinal")
        except NotImplementedError:
            continue
        found |= _ordinal_forms(word, lang) - cardinals
    return sorted(found)


def is_ordinal(word: str, lang: str) -> bool:
    return word.lower().replace("’", "'") in ordinals(lang)


@functools.cache
def _longest(lang: str) -> int:
    return max((form.count(" ") + 1 for form in table(lang)), default=1)


def value_of(word: str, lang: str) -> int | None:
    """The value of one word (any case of it), or None."""
    return table(lang).get(word.lower().replace("’", "'"))


def spelled(tokens: list[str], lang: str) -> list[tuple[str, Decimal]]:
    """The numbers written as words in a run of words, longest phrase first ("vingt et un" is
    21, not 20 and 1); a hyphenated word is read whole, else by its parts ("ten-man": 10)."""
    found = []
    forms, longest = table(lang), _longest(lang)
    lowered = [t.lower().replace("’", "'") for t in tokens]
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 1, -1):
            phrase = " ".join(lowered[i : i + size])
            if phrase in forms:
                found.append((" ".join(tokens[i : i + size]), Decimal(forms[phrase])))
                i += size
                break
        else:
            found += _one_word(tokens[i], lang)
            i += 1
    return found


# German writes a number into a compound ("elfstündig", "Zehntelgrad", "Dreijahresplan"): the
# number words that open one, and the shortest word that may follow (Zweifel, Achtung are words).
_GERMAN_COMPOUND_NUMBERS = {
    **{
        word: value
        for value, word in enumerate("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split(), start=2)
    },
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "hundert": 100,
    "tausend": 1000,
    "zehntel": 10,
    "hundertstel": 100,
    "tausendstel": 1000,
}
# Polish joins a number to a word by its combining form ("pięcioletni": five-year,
# "dwukrotnie": twice); trzy- is left out (trzymają is no three).
_POLISH_COMPOUND_NUMBERS = {
    "dwu": 2,
    "cztero": 4,
    "pięcio": 5,
    "sześcio": 6,
    "siedmio": 7,
    "ośmio": 8,
    "dziewięcio": 9,
    "dziesięcio": 10,
}
_COMPOUND_NUMBERS = {"de": _GERMAN_COMPOUND_NUMBERS, "pl": _POLISH_COMPOUND_NUMBERS}
_COMPOUND_REST = 4


def compound_numbers(tokens: list[str], lang: str) -> list[tuple[str, Decimal]]:
    """The numbers German and Polish compounds open with ("elfstündigen": 11, "Zehntelgrad": a
    tenth, read 10 as "tenth" is; "pięcioletni": 5): what a source states, or a lead's figure
    an item gives, in one word. Not for judging an item's own figures: a compound's number
    may be no count (Elfmeter)."""
    openings = _COMPOUND_NUMBERS.get(lang, {})
    found = []
    for token in tokens:
        lowered = token.lower()
        if not openings or value_of(lowered, lang) is not None:  # a number word itself (dwudziesty)
            continue
        opening = max((w for w in openings if lowered.startswith(w)), key=len, default="")
        if opening and len(lowered) - len(opening) >= _COMPOUND_REST:
            found.append((token, Decimal(openings[opening])))
    return found


def _one_word(token: str, lang: str) -> list[tuple[str, Decimal]]:
    value = value_of(token, lang)
    if value is not None:
        return [(token, Decimal(value))]
    if "-" not in token:
        return []
    parts = [(part, value_of(part, lang)) for part in token.split("-") if part]
    return [(part, Decimal(value)) for part, value in parts if value is not None]
