"""The relevance check: the item is about its article, by two ties at least (names,
figures, its words), since one tie alone is chance."""

from __future__ import annotations

from briefer.checks.source import STEM, Source, bare, is_year, passed, stems_of
from briefer.core.models import CheckResult, Item
from briefer.lang import languages, names, text
from briefer.lang.vocabulary import (
    zipf,
)

_SOME_WORDS = 0.2  # of an item's content words, the source's: with one other tie, the story's
_ABOUT_WORDS = 0.4  # alone: an item that says what happened in the story's words
_FREQUENT = 4.0  # Zipf: a word this frequent in the source's own language is any story's (worden, Prozent)


def check_relevance(item: Item, source: Source) -> CheckResult:
    """An item about something else (a model's placeholder, another article's item, a recipe)
    gives no name, place, institution or telling figure of its source, and few of its words.
    One tie alone may be chance (a recipe's 180 °C beside the article's 180 euros, a football
    club of the article's province, any story of the article's country): an item of the
    article has two names, or three figures, or a name and a figure, or a name or two figures
    with some of the story's words, or many of its words (the cheapest looked at first)."""
    figures = _tied_figures(item, source)
    if figures >= 3:
        return passed("relevance")
    named = _tied_names(item, source, enough=1 if figures else 2)
    if len(named) >= 2 or (named and figures):
        return passed("relevance")
    share = _shared_words(item, source, named)
    if share >= _ABOUT_WORDS or (share >= _SOME_WORDS and (named or figures >= 2)):
        return passed("relevance")
    return CheckResult(
        check="relevance",
        passed=False,
        message="not about its article: no name, no figure and few words of the source",
    )


def _tied_figures(item: Item, source: Source) -> int:
    """The source's telling figures (not years, not small whole numbers) as the source writes them."""
    return len(
        {
            f.raw
            for f in text.figures(item.text(), item.lang)
            if not is_year(f) and (f.power or f.value >= 13 or f.value != f.value.to_integral()) and _given(f, source)
        }
    )


def _tied_names(item: Item, source: Source, enough: int) -> set[str]:
    """The source's names, places and institutions the item gives (in its language's words),
    each word once (Córdoba is a city and a province: one tie); all of them, or as soon as
    there are `enough` (the cheapest looked at first)."""
    lang, body = item.lang, item.text()
    calendar = languages.calendar_words(lang) | languages.calendar_words(source.lang)
    named = set()
    for name in dict.fromkeys(map(bare, names.names_in(body, lang, proper=lang == "de"))):  # German capitalises nouns
        if name.lower() not in calendar and (
            name in source.capitalised or any(_same_name_strictly(name, known) for known in source.capitalised)
        ):
            named.add(name)
            if len(named) >= enough:
                return named
    capitalised = {bare(w) for w in text.words(body) if w[:1].isupper()}  # "Polish", "Polens": places too
    named |= {w for w in capitalised if not source.places.isdisjoint(names.place_concepts(w))}
    return named | {f"institution:{row}" for row in names.institutions_named(body) & source.institutions}


def _same_name_strictly(a: str, b: str) -> bool:
    """One name in two scripts or cases, its sounds in one order (Шольц ~ Scholz, Kowalska ~
    Kowalskiej): not the edit of a sound that the names check forgives (Alsace ~ Łodzią)."""
    if not names.same_name(a, b):
        return False
    ta, tb = names.transliterate(a), names.transliterate(b)
    if ta == tb or names.common_prefix(ta, tb) >= 4:
        return True
    ka, kb = names.sound_key(a), names.sound_key(b)
    shorter, longer = sorted((ka, kb), key=len)
    return len(shorter) >= 3 and longer.startswith(shorter)  # two sounds are too few (Alsace ~ Łodzią)


def _given(figure: text.Figure, source: Source) -> bool:
    """The figure as the source writes it (not rounded, not worked out)."""
    if figure.power == 0:
        return figure.value in source.raw_values
    return any(abs(known.scaled - figure.scaled) <= figure.tolerance for known in source.figures)


def _shared_words(item: Item, source: Source, named: set[str]) -> float:
    """The share of the item's longer content words whose stem (five letters, romanised) the
    source has: not the names it shares with the source (a tie of their own), nor, in the source's own language, words
    any story has (worden, Prozent, Millionen): across languages a shared stem is a cognate."""
    same = item.lang == source.lang
    words = [
        w.lower()
        for w in text.words(item.text())
        if w.isalpha() and len(w) > STEM and bare(w) not in named and not (same and zipf(w, item.lang) >= _FREQUENT)
    ]
    if not words:
        return 0.0
    return sum(not source.stems.isdisjoint(stems_of(w, item.lang)) for w in words) / len(words)
