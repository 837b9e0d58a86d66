"""Which languages briefer briefs and what each language is: its code, its English and
native names, its script (Cyrillic), its letters in Latin, its short words that open a
sentence without being names, and what CLDR says of it (read from babel by cldr.py): months,
days, the word for years, language and currency names. The words around a figure are in
figure_words, an assistant's words in assistant_words, institutions in institutions, places
in gazetteer.

The brief prompt's locales are checked against SUPPORTED at load (prompts.py)."""

from __future__ import annotations

import functools
from pathlib import Path

from briefer.core.files import keep_tables_in
from briefer.core.once import once
from briefer.lang import cldr, regions, vocabulary

SUPPORTED = ("en", "de", "fr", "pl", "uk", "es", "it")

# English names, for messages: "written in Russian, not Ukrainian".
NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "pl": "Polish",
    "uk": "Ukrainian",
    "es": "Spanish",
    "it": "Italian",
    "ru": "Russian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "cs": "Czech",
    "sk": "Slovak",
    "be": "Belarusian",
    "bg": "Bulgarian",
}
CYRILLIC = frozenset({"uk", "ru", "be", "bg"})

# The case endings Polish gives a noun it borrows, declined like its own: a masculine one
# (pembrolizumabem, fiatowi) and a feminine one in -a (ze skodą, skodę).
POLISH_MASCULINE_CASE_ENDINGS = ("em", "u", "owi", "ie", "a", "y", "ach", "ami", "om", "ów")
POLISH_FEMININE_CASE_ENDINGS = ("ą", "ę", "y", "i", "ie", "e", "om", "ami", "ach")
# Each language's name in itself, for the desk page's language switcher.
NATIVE_NAMES = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "pl": "Polski",
    "uk": "Українська",
    "es": "Español",
    "it": "Italiano",
}
# Short capitalised words that open a sentence or a title without being names.
NAME_STOPWORDS = {
    "the",
    "a",
    "an",
    "and",
    "in",
    "on",
    "der",
    "die",
    "das",
    "le",
    "la",
    "les",
    "un",
    "une",
    "w",
    "na",
    "i",
    "z",
    "у",
    "в",
    "на",
    "і",
    "та",
    "el",
    "los",
    "las",
    "il",
    "lo",
    "gli",
}
# Ukrainian and Russian letters in Latin (a simple romanisation, for comparing names).
ROMANISATION = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэё",
        [
            "a",
            "b",
            "v",
            "h",
            "g",
            "d",
            "e",
            "ie",
            "zh",
            "z",
            "y",
            "i",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "iu",
            "ia",
            "y",
            "e",
            "io",
        ],
    )
)


def supported_list(value: object) -> tuple[str, ...]:
    """Language codes from "en, DE" or a list, each supported, in order, once; else ValueError."""
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"languages must be codes like en,de, not {value!r}")
    codes = [str(lang).lower() for lang in value]  # EN is en
    unknown = [lang for lang in codes if lang not in SUPPORTED]
    if unknown:
        raise ValueError(f"unsupported language {', '.join(unknown)}; choose from {', '.join(SUPPORTED)}")
    if not codes:
        raise ValueError("no language given")
    return tuple(dict.fromkeys(codes))


def name(lang: str) -> str:
    return NAMES.get(lang, lang)


# ---- CLDR: months, days, language and currency names (cldr.py); places in gazetteer.py ----


@once
def cldr_tables() -> dict:
    return cldr.tables(SUPPORTED)


@functools.cache
def calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names, every form and case CLDR has, lowercase."""
    return frozenset(cldr_tables()["calendar"].get(lang, ()))


@functools.cache
def year_words(lang: str) -> frozenset[str]:
    """The language's word for years in every plural form CLDR has (anni, років, lata)."""
    return frozenset(cldr_tables()["years"].get(lang, ()))


def month_words(lang: str) -> frozenset[str]:
    """The language's word for months in every plural form CLDR has (mesi, місяців, miesięcy)."""
    return frozenset(cldr_tables()["months"].get(lang, ()))


@functools.cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes (USD, PLN, UAH): units after a figure, not names."""
    return frozenset(cldr_tables()["codes"])


@functools.cache
def currency_words(lang: str) -> frozenset[str]:
    """Currency names in every plural form CLDR has (eslotis, złotych, гривень), lowercase."""
    return frozenset(cldr_tables()["currencies"].get(lang, ()))


_CURRENCY_SIGNS = {
    "€": "EUR",
    "$": "USD",
    "£": "GBP",
    "₴": "UAH",
    "zł": "PLN",
    "zl": "PLN",
    "грн": "UAH",
    "eur": "EUR",
    "usd": "USD",
    "gbp": "GBP",
    "pln": "PLN",
    "uah": "UAH",
    "chf": "CHF",
}


def currency_of(word: str, lang: str) -> str | None:
    """The currency a word or sign after (or before) a figure names: євро, Euro, zł, € -> EUR."""
    lowered = word.lower().rstrip(".")
    return _CURRENCY_SIGNS.get(lowered) or cldr_tables()["currency_names"].get(lang, {}).get(lowered)


@functools.cache
def currency_names(code: str) -> frozenset[str]:
    """A currency's names in every supported language, lowercase, in CLDR's plural forms
    (UAH: hryvnia, grivnie, hrywien, гривень), words that name no other currency."""
    return frozenset(
        word
        for lang in SUPPORTED
        for word, named in cldr_tables()["currency_names"].get(lang, {}).items()
        if named == code
    )


@functools.cache
def language_words(lang: str) -> frozenset[str]:
    """Names of languages in `lang`, which in Polish and Ukrainian are also the adjectives
    (niemiecki, німецька) and in English the demonyms (German, Polish)."""
    return frozenset(cldr_tables()["languages"].get(lang, ()))


def prepare(cache_dir: Path) -> Path:
    """Every supported language's word list, and the CLDR and region tables, in `cache_dir` now
    (setup), not at a run's first check."""
    keep_tables_in(cache_dir)
    for lang in SUPPORTED:
        vocabulary.vocabulary(lang)
    cldr_tables()
    regions.tables(SUPPORTED)  # the region tables that gazetteer.place_concepts reads
    return vocabulary.prepared_folder()
