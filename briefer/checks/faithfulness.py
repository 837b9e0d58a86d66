"""The checks that hold an item to its source: numbers, names, quotes, coverage of the
lead, relevance (the item is about its article at all). Each source is read once (Source,
cached) and judged in every language."""

from __future__ import annotations

import functools
import re
import statistics
from dataclasses import dataclass
from decimal import Decimal

from briefer.core.models import CheckResult, Item
from briefer.lang import figure_words, gazetteer, institutions, languages, names, numerals, text
from briefer.lang.names import common_prefix
from briefer.lang.vocabulary import (
    adjective,
    common_lowercase,
    german_compound,
    german_parts,
    has_plural,
    in_dictionary,
    known_form,
    noun,
    place_name,
    proper_noun,
    zipf,
)

_YEAR = range(1900, 2101)
_STEM = 5  # letters of a word that stand for its stem across inflections and cognates
_LATIN = tuple(lang for lang in languages.SUPPORTED if lang not in languages.CYRILLIC)


@dataclass(frozen=True)
class Source:
    """What the checks need of one article: its figures, words, names and lead."""

    lang: str
    figures: tuple[text.Figure, ...]
    raw_values: frozenset[Decimal]
    words: frozenset[str]  # lowercase
    capitalised: tuple[str, ...]
    places: frozenset[str]  # place concepts the source mentions (its language's home country too)
    cities: frozenset[str]  # the cities its capitals name, in any language's name of them (GeoNames ids)
    institutions: frozenset[int]  # institutions.INSTITUTIONS rows the source names
    flat: str  # lowercase words joined by single spaces, for quotes
    narrative: frozenset[str]  # lowercase words outside quotation marks
    lead_figures: tuple[text.Figure, ...]  # the title's first (`titled` of them), then the lead sentence's
    lead_names: tuple[str, ...]
    lone: tuple[str, ...]  # capitalised words beside no other: places more than persons (Genova, not Marco Rossi)
    initials: frozenset[str]  # the acronyms its names spell, letters in any order (names.initials_key)
    skeletons: dict[str, tuple[str, ...]]  # its words' skeletons by their first five letters (names.skeleton)
    derived: tuple[Decimal, ...] = ()  # a year earlier's amounts: an amount and its change, of one sentence
    stems: frozenset[str] = frozenset()  # its longer words' first letters, romanised (relevance)
    measures: tuple[text.Measure, ...] = ()  # figures with a unit an editor converts (70mph)
    quoted: tuple[str, ...] = ()  # its quotations of at least `_QUOTE_RUN` words, lowercase words joined by spaces
    percents: frozenset[Decimal] = frozenset()  # the figures it gives as percentages
    titles: tuple[int, ...] = ()  # the word counts of the titles it quotes (a foundation's, a show's)
    body: str = ""  # the text past its title, as written (how a German source uses a capital)
    titled: int = 0  # how many of `lead_figures` are the title's
    # Without a title figure: the first paragraph's figures in words ("nine seconds", "six
    # votes to four"), which tell the story as well as the digits further down
    lead_words: tuple[text.Figure, ...] = ()
    lead_shares: tuple[Decimal, ...] = ()  # the shares its title writes in words ("un terzo dei fondi": 1/3)
    ages: frozenset[Decimal] = frozenset()  # figures it gives only as someone's age ("un automobiliste de 34 ans")
    together: tuple[frozenset[Decimal], ...] = ()  # the figures of each of its sentences, for ranges
    durations: frozenset[int] = frozenset()  # its times in seconds, however written ("2hr 21min 09sec", 3'12")


@functools.lru_cache(maxsize=64)  # one article is checked in every language
def read_source(source: str, lang: str) -> Source:
    figures = (*text.figures(source, lang), *text.implied_scales(source, lang))
    sentences = [[_bare(t) for t in text.words(sentence)] for sentence in names.sentences(source)]
    tokens = text.words(source)
    lowered = frozenset(t.lower() for t in tokens)
    title, _, body = source.partition("\n")
    paragraphs = [p for p in body.split("\n") if p.strip()]
    # number words inside its quotations are its figures too ("prawie siedem", a farmer says),
    # and the counts its words carry ("una doppietta": two goals)
    spelled = {value for _, value in numerals.spelled(tokens, lang)} | text.roman_numerals(source)
    spelled |= text.counted(source, lang)
    spelled |= {Decimal(part) for f in figures if ":" in f.raw for part in f.raw.split(":")}  # 23:25 is 23 and 25 too
    acronyms = frozenset(
        b.upper()
        for b in map(_bare, tokens)
        if len(b) <= 5 and b[:1].isupper() and b.upper() in institutions.ACRONYM_CONCEPTS
    )
    return Source(
        lang=lang,
        figures=figures,
        raw_values=frozenset({f.value for f in figures} | {f.scaled for f in figures} | spelled),
        words=lowered | {_bare(t).lower() for t in tokens} | _joined_abbreviations(source),
        capitalised=(capitalised := _capitalised(tokens, lang)),
        places=_with_cities(
            {c for t in tokens for c in names.place_concepts(t)}
            | names.places_named_in(lowered)
            | {f"T:{code}" for code in gazetteer.HOME_COUNTRY.get(lang, ())}
        ),
        cities=frozenset(city for known in capitalised for city in names.cities_named(known)),
        institutions=names.institutions_in([t.lower() for t in tokens], acronyms),
        flat=" ".join(t.lower() for t in tokens),
        narrative=frozenset(w.lower() for w in text.words(text.unquoted(source))),
        lead_figures=(lead := _lead_figures(title, paragraphs, lang))[0],
        titled=lead[1],
        lead_words=_lead_words(paragraphs[0] if paragraphs else "", lang),
        lead_shares=tuple(text.fractions(title, lang)),
        ages=_ages_only(source, lang, figures, spelled),
        together=tuple(
            frozenset(v for f in text.figures(sentence, lang) for v in (f.value, f.scaled))
            for sentence in text.sentences(source)
        ),
        percents=frozenset(text.percentages(source, lang)),
        durations=frozenset(d.seconds for d in text.durations(source))
        | {seconds for f in figures if f.raw.count(":") == 1 for seconds in text.clock_seconds(f.raw)},
        titles=tuple(
            len(text.words(quote)) for quote, before in text.quotations_after(source) if _title(quote, before)
        ),
        lead_names=_proper_names(
            names.names_in(title, lang) + names.names_in(paragraphs[0] if paragraphs else "", lang), lang
        ),
        derived=_derived(source, lang),
        stems=frozenset(stem for w in lowered if len(w) > _STEM for stem in _stems(w, lang)),
        measures=tuple(text.measures(source)),
        quoted=tuple(
            " ".join(words)
            for quote in text.quotations(source)
            if len(words := text.words(quote.lower())) >= _QUOTE_RUN
        ),
        lone=_lone(sentences),
        initials=_initials(sentences, tokens, lang),
        skeletons=_skeletons(lowered),
        body=body,
    )


# An abbreviation written in spaced or dotted capitals (CC OO, CC. AA., C.G.T.): Spanish
# doubles a plural's letters and may space the pairs; a brief writes it as one word.
_SPACED_ABBREVIATION = re.compile(r"\b[A-Z]{1,3}\.?(?: ?[A-Z]{1,3}\.?)+(?![\w])")


def _joined_abbreviations(source: str) -> frozenset[str]:
    """The source's spaced or dotted abbreviations as one word, lowercase (CC OO -> ccoo)."""
    return frozenset(
        joined.lower()
        for match in _SPACED_ABBREVIATION.finditer(source)
        if (" " in match.group() or "." in match.group()) and len(joined := re.sub(r"[ .]", "", match.group())) >= 3
    )


def _ages_only(source: str, lang: str, figures: tuple[text.Figure, ...], spelled: set[Decimal]) -> frozenset[Decimal]:
    """The whole figures a source writes only as ages, each time it writes them ("34 ans"):
    an item's 34 injured is then no figure of the source, whatever its digits."""
    found = set()
    for figure in figures:
        if figure.power or figure.currency or not 0 < figure.value < 120 or figure.value != figure.value.to_integral():
            continue
        if figure.value not in spelled and all(_as_age(source, at, lang) for at in _places(source, figure.raw)):
            found.add(figure.value)
    return frozenset(found)


def _places(value: str, raw: str) -> list[int]:
    """Where a whole figure stands in a text, not as part of a longer one (34 in 34,5 or 1934)."""
    return [m.end() for m in re.finditer(rf"(?<![\d.,]){re.escape(raw)}(?![.,]?\d)", value)]


@functools.cache
def _age_re(lang: str) -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, languages.year_words(lang)), key=len, reverse=True))
    adjectives = figure_words.AGE_ADJECTIVES.get(lang, "")
    return re.compile(rf"[\s\u00a0-]*(?:{'|'.join(filter(None, (words, adjectives)))})", re.IGNORECASE)


def _as_age(value: str, at: int, lang: str) -> bool:
    """The figure ending at `at` is someone's age: the word for years or the adjective of age follows."""
    return bool(_age_re(lang).match(value, at))


def _derived(source: str, lang: str) -> tuple[Decimal, ...]:
    """What an editor works out from an amount and its change in one sentence ("84.5m, 30%
    more than a year earlier": 65m a year earlier): the amount before a rise or a fall."""
    found = set()
    for sentence in text.sentences(source):
        changes = [p for p in text.percentages(sentence, lang) if 0 < p < 1000]
        if not changes:
            continue
        amounts = [f.scaled for f in text.figures(sentence, lang) if f.power or f.currency]
        for amount in amounts:
            for change in changes:
                found.add(amount / (1 + change / 100))
                if change < 100:
                    found.add(amount / (1 - change / 100))
    return tuple(sorted(found))


def _lone(sentences: list[list[str]]) -> tuple[str, ...]:
    """Capitalised words that never stand beside another (a short one aside: Na, La, The):
    places and bodies (Genova, Lucca), not persons (Marco Rossi, then Rossi alone), whose
    names no language renders otherwise."""
    lone, paired = [], set()
    for tokens in sentences:
        for index, token in enumerate(tokens):
            if not token[:1].isupper() or len(token) < 3:
                continue
            beside = tokens[max(0, index - 1) : index] + tokens[index + 1 : index + 2]
            if any(t[:1].isupper() and len(t) > 3 for t in beside):
                paired.add(token)
            else:
                lone.append(token)
    return tuple(dict.fromkeys(token for token in lone if token not in paired))


def _initials(sentences: list[list[str]], tokens: list[str], lang: str) -> frozenset[str]:
    """The acronyms of the names a source spells out (German ones of its compounds' parts
    too: BND), and its own acronyms in any script."""
    found = {names.initials_key(t) for t in map(_bare, tokens) if t[:1].isupper() and names.is_acronym(t)}
    parts = german_parts if lang == "de" else (lambda token: (token,))
    for sentence in sentences:
        found |= names.initials_of(sentence, parts)
    return frozenset(found)


def _skeletons(lowered: frozenset[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in lowered:
        if len(word) >= 5 and word.isalpha():
            stem = names.skeleton(word)
            index.setdefault(stem[:5], []).append(word)
    return {key: tuple(value) for key, value in index.items()}


def _with_cities(places: set[str]) -> frozenset[str]:
    """The places a source names, and the cities of the countries among them: a brief may
    write a capital for its country's government (Paris for the French government)."""
    return frozenset(places.union(*(gazetteer.cities_of(place) for place in places if place.startswith("T:"))))


def _lead_figures(title: str, paragraphs: list[str], lang: str) -> tuple[tuple[text.Figure, ...], int]:
    """The central fact's figures, and how many of them are the title's: first the title's
    (in digits or words: "sieben Tote"), with the same figure as the body gives it exactly
    where the title rounds it (87 % in the title, 87,3 % below; "more than 1,100" for 1,140);
    then those of the first sentence of the first two paragraphs that has any (a title may
    round or sum what the lead states: "4 mln ton" lost, where the lead gives 29.5 after
    33.6); and any of them in other units, where the first paragraph gives it in brackets
    ("95mph (153km/h)"). Never dates, years, ages or ranks ("zweite Kraft" is no count)."""
    body = "\n".join(paragraphs[:2])
    first = paragraphs[0] if paragraphs else ""
    found = [f for f in _stated(title, lang) if not _rank(f, lang)]
    if found:
        found += _exactly(found, body, lang)
        found += _converted(found, first, lang)
    titled = len(found)
    # dates out before the sentences are cut: "dem 11. März" is no sentence's end
    for sentence in text.sentences(text.without_dates(_without_references(body), lang)):
        stated = _stated(_without_ages(sentence, lang), lang)
        if stated and titled:  # beside the title's, only the lead's first figures ("vier Tote", then 60 helpers)
            found += [f for f in stated if f.raw[:1].isdigit()]
            break
        stated = [f for f in stated if f.raw[:1].isdigit()]
        if stated:
            found += stated + list(_converted(stated, first, lang))
            break
    return tuple(found), titled


def _lead_words(first: str, lang: str) -> tuple[text.Figure, ...]:
    """The first paragraph's figures in words, ranks, dates and ages aside."""
    part = _without_ages(text.without_dates(_without_references(first), lang), lang)
    spelled = (text.Figure(word, value, 0) for word, value in text.number_words(part, lang))
    return tuple(f for f in spelled if not _rank(f, lang))


def _rank(figure: text.Figure, lang: str) -> bool:
    """An ordinal word (zweite, seventh, ventunesima): a place in an order, not the fact's figure."""
    return numerals.is_ordinal(figure.raw, lang)


@functools.cache
def _years_re(lang: str) -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, languages.year_words(lang)), key=len, reverse=True))
    return re.compile(rf"\b\d+[\s\u00a0-]*(?:{words})\w*", re.IGNORECASE)


def _without_ages(sentence: str, lang: str) -> str:
    """A lead sentence without ages and spans of years ("Chiara Bellandi ha 44 anni"): a
    person's age opens a portrait, it is not the story's figure (a title's still is)."""
    return _years_re(lang).sub(" ", sentence) if languages.year_words(lang) else sentence


def _stated(part: str, lang: str) -> list[text.Figure]:
    """The figures of a passage in digits, less dates, years and references; in words only
    where it has none (a word may also be something else: French "neuf" is also "new")."""
    part = text.without_dates(_without_references(part), lang)
    found = [f for f in text.figures(part, lang) if not _year(f)]
    return found or [text.Figure(word, value, 0) for word, value in text.number_words(part, lang)]


def _exactly(rounded: list[text.Figure], body: str, lang: str) -> tuple[text.Figure, ...]:
    """The body's figures that a whole figure of the title rounds: 87 % for 87,3 %, and a
    round figure to its last digit but zeros ("more than 1,100" for 1,140, "rund 300" for 312)."""
    wholes = [f for f in rounded if f.value == f.value.to_integral()]
    return tuple(
        f
        for f in text.figures(body, lang)
        if any(w.power == f.power and 0 < abs(w.value - f.value) < _round_step(w.value) for w in wholes)
    )


def _round_step(value: Decimal) -> Decimal:
    """How far a whole figure may stand from what it rounds: half a unit (87 for 87,3), or
    a unit of its last digit but zeros when it has two or more (1,100 for 1,140)."""
    digits = str(int(value))
    zeros = len(digits) - len(digits.rstrip("0"))
    return Decimal(10) ** zeros if zeros >= 2 and len(digits) > zeros else Decimal("0.5")


def _converted(lead: list[text.Figure], paragraph: str, lang: str) -> tuple[text.Figure, ...]:
    """The figures in brackets right after one of the lead's figures in the paragraph."""
    found: list[text.Figure] = []
    for figure in lead:
        for match in re.finditer(rf"(?<![\d.,]){re.escape(figure.raw)}[^\W\d_]*(?:/\w+)?\s*\(([^)]*)\)", paragraph):
            found += text.figures(match.group(1), lang)
    return tuple(found)


def _proper_names(found: list[str], lang: str) -> tuple[str, ...]:
    """Persons and organisations: not months, days, places, or the language's common words."""
    return tuple(
        dict.fromkeys(
            n
            for n in map(_bare, found)
            if len(n) >= 3
            and not names.place_concepts(n)
            and n.lower() not in languages.calendar_words(lang)
            and not common_word(n.lower(), lang)
            and not (lang == "de" and _a_german_word(n.lower()))
        )
    )


def _capitalised(tokens: list[str], lang: str) -> tuple[str, ...]:
    """The source's capitalised words, their hyphenated parts, and how French ones sound."""
    found = [part for token in map(_bare, tokens) if token[:1].isupper() for part in (token, *token.split("-")) if part]
    found += [sound for sound in (names.spoken(word, lang) for word in found) if sound]
    return tuple(dict.fromkeys(found))


def _year(figure: text.Figure) -> bool:
    return figure.power == 0 and figure.value == figure.value.to_integral() and int(figure.value) in _YEAR


_DATES_IN_FIGURES = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b")


def _without_references(value: str) -> str:
    """The text without what only locates or counts it: addresses and ids, counts in
    brackets, dates and times in figures."""
    return _DATES_IN_FIGURES.sub(" ", text.without_addresses(value))


# ---- numbers ----


def _known_figure(figure: text.Figure, source: Source) -> bool:
    if figure.power == 0:
        return figure.value in source.raw_values or _rounded(figure, source) or _known_clock(figure, source)
    value, tolerance = figure.scaled, figure.tolerance
    return (
        any(abs(known.scaled - value) <= tolerance for known in source.figures)
        or value in source.raw_values
        or any(abs(known - value) <= tolerance for known in source.derived)
    )


def _known_clock(figure: text.Figure, source: Source) -> bool:
    """A figure "1:07" that is one of the source's times as minutes and seconds or hours and
    minutes, however the source writes it (1'07", "1min 07sec", "1 h 07")."""
    return figure.raw.count(":") == 1 and any(s in source.durations for s in text.clock_seconds(figure.raw))


def _known_percent(value: Decimal, source: Source) -> bool:
    """A percentage of the item is one of the source's percentages (or rounds one: "knapp
    50 Prozent" for 49.7%), not another figure with its digits ("3 basis points" is no 3%)."""
    if not source.percents or value in source.percents:
        return True
    return (
        value >= 10 and value == value.to_integral() and any(abs(p - value) < Decimal("0.5") for p in source.percents)
    )


def _rounded(figure: text.Figure, source: Source) -> bool:
    """A whole figure of two digits or more that rounds one of the source's ("knapp 50
    Prozent" for 49.7%, "12%" for 12.4%), or an amount worked out from the source's own."""
    if figure.value < 10 or figure.value != figure.value.to_integral():
        return False
    half = Decimal("0.5")
    return any(
        known.power == 0 and known.value != known.value.to_integral() and abs(known.value - figure.value) < half
        for known in source.figures
    ) or any(abs(known - figure.value) < half for known in source.derived)


def _other_currency(figure: text.Figure, source: Source) -> str:
    """The currency the source gives this figure in, when the item names another one."""
    if not figure.currency:
        return ""
    same = [
        known
        for known in source.figures
        if abs(known.scaled - figure.scaled) <= figure.tolerance
        or known.value == figure.value
        and known.power == figure.power
    ]
    currencies = {known.currency for known in same if known.currency}
    return "" if not currencies or figure.currency in currencies else sorted(currencies)[0]


def _conversion(figure: text.Figure, measures: list[text.Measure], source: Source) -> bool:
    """The figure written with a unit is a figure of the source converted to it (70mph:
    113 or 110 km/h, to within 2% or the step it is rounded to), never the same unit's
    figure changed."""
    return any(
        m.value == figure.value
        and any(
            k.dimension == m.dimension
            and figure_words.MEASURE_UNITS[k.unit][1] != figure_words.MEASURE_UNITS[m.unit][1]
            and abs(k.base - m.base)
            <= max(0.02 * abs(k.base), _rounding(m.value) * figure_words.MEASURE_UNITS[m.unit][1])
            for k in source.measures
        )
        for m in measures
    )


def _rounding(value: Decimal) -> float:
    """Half the step a converted figure is rounded to: 110 (to tens) stands for 105 to 115."""
    if value != value.to_integral() or value == 0:
        return 0.5
    return 5.0 if value % 10 == 0 else 2.5 if value % 5 == 0 else 1.0


def check_numbers(item: Item, source: Source) -> CheckResult:
    figures = text.figures(item.text(), item.lang)
    unknown = [f for f in figures if not _known_figure(f, source)]
    if unknown and source.measures:
        measures = text.measures(item.text())
        unknown = [f for f in unknown if not (f.power == 0 and _conversion(f, measures, source))]
    invented = [f.raw for f in unknown]
    invented += [f"{p}%" for p in text.percentages(item.text(), item.lang) if not _known_percent(p, source)]
    invented += [d.raw for d in text.durations(item.text()) if d.parts > 1 and d.seconds not in source.durations]
    invented += [f"{f.raw} (the source: {other})" for f in figures if (other := _other_currency(f, source))]
    invented += [word for word, value in text.number_words(item.text(), item.lang) if value not in source.raw_values]
    invented += [f"{f.raw} (an age in the source)" for f in figures if _age_as_count(f, item, source)]
    invented += [
        f"{a.raw}–{b.raw} (no range of the source)" for a, b in _ranges(item, source) if not _one_range(a, b, source)
    ]
    if invented:
        return CheckResult(
            check="numbers", passed=False, message=f"numbers not in the source: {', '.join(dict.fromkeys(invented))}"
        )
    return passed("numbers")


def _age_as_count(figure: text.Figure, item: Item, source: Source) -> bool:
    """A figure the source gives only as an age, written in the item as a count of something
    (43 injured becoming 34, where the source's 34 is a driver's age)."""
    if figure.power or figure.value not in source.ages:
        return False
    body = item.text()
    return any(_as_count(body, at, item.lang) for at in _places(body, figure.raw))


_WORD_AFTER = re.compile(r"[ \t\u00a0]+[^\W\d_]")  # on its line: a headline ends at its line


def _as_count(value: str, at: int, lang: str) -> bool:
    """The figure ending at `at` counts something: a word follows, not the word for years
    (an age stands in brackets, between commas or at the end too: "Ralf M. (57)", "dies at 87"),
    nor the words before an age ("aged 34", "w wieku 57")."""
    if not _WORD_AFTER.match(value, at) or _as_age(value, at, lang):
        return False
    before = figure_words.AGE_BEFORE.get(lang)
    return not (before and re.search(rf"(?<!\w)(?:{before})[ \u00a0]+\S*$", value[:at], re.IGNORECASE))


@functools.cache
def _range_re(lang: str) -> re.Pattern[str]:
    # the unit may stand after each end: "de 11 heures à 22 heures", "von 8 Uhr bis 21 Uhr"
    return re.compile(
        rf"^[ \u00a0]*(?:([^\W\d_]{{1,8}})[ \u00a0]+)?(?:{figure_words.RANGE_JOINERS})[ \u00a0]*$", re.IGNORECASE
    )


@functools.cache
def _range_hint(lang: str) -> re.Pattern[str]:
    return re.compile(
        rf"\d[ \u00a0]*(?:[^\W\d_]{{1,8}}[ \u00a0]+)?(?:{figure_words.RANGE_JOINERS})[ \u00a0]+\d", re.IGNORECASE
    )


def _ranges(item: Item, source: Source) -> list[tuple[text.Figure, text.Figure]]:
    """The ranges an item writes between two figures of the source ("dalle 21 alle 6"),
    sentence by sentence; a word between the first end and the joiner only as the unit
    both ends give ("11 heures à 22 heures", not "180 euros au 1er avril")."""
    found: list[tuple[text.Figure, text.Figure]] = []
    if not _range_hint(item.lang).search(item.text()):  # most items write no range: no sentence is read
        return found
    for sentence in text.sentences(item.text()):
        figures = [(f, m) for f in text.figures(sentence, item.lang) for m in _spans(sentence, f.raw)]
        figures.sort(key=lambda pair: pair[1][0])
        for (a, (_, end)), (b, (start, after)) in zip(figures, figures[1:]):
            joined = _range_re(item.lang).match(sentence[end:start])
            if not joined or (a.currency and b.currency and a.currency != b.currency):
                continue
            unit = joined.group(1)
            if unit and not sentence[after:].lstrip().lower().startswith(unit[:3].lower()):
                continue
            if not (_year(a) or _year(b)) and _known_figure(a, source) and _known_figure(b, source):
                found.append((a, b))
    return found


def _spans(value: str, raw: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"(?<![\d.,]){re.escape(raw)}(?![.,]?\d)", value)]


def _one_range(a: text.Figure, b: text.Figure, source: Source) -> bool:
    """Both ends of a range stand in one sentence of the source: 21 and 6 are no range where
    the source cuts water from 23 to 6 and allows watering from 8 to 21."""
    ends = ({a.value, a.scaled}, {b.value, b.scaled})
    return not source.together or any(all(not values.isdisjoint(end) for end in ends) for values in source.together)


@functools.cache
def passed(check: str) -> CheckResult:
    """One shared result per check that passed: ten thousand items need not hold their own."""
    return CheckResult(check=check, passed=True)


# ---- names ----


@functools.lru_cache(maxsize=4096)
def common_word(word: str, lang: str) -> bool:
    """A word of the language that an item may capitalise (Minister, Court, Pologne): common
    in this language, and more common here than in the others (names are common everywhere)."""
    here = zipf(word, lang)
    if lang in languages.CYRILLIC:  # the dictionary knows it, and not only as a name (Кличко is a surname)
        if here < 1.0 or not known_form(word, lang):
            return False
        if here < 2.5 and place_name(word, lang):
            return False  # a rare place the place data lacks (Бидгоща); a frequent one passes (Уельсу)
        return not proper_noun(word, lang) or (here >= 3.0 and adjective(word, lang))
    if here < 3.0 or (lang != "de" and noun(word, lang)):
        return False  # the dictionary knows it only capitalised: a name (Cologne, Lampedusa), however frequent
    others = [zipf(word, other) for other in _LATIN if other != lang]
    if max(others) < 1.0 and not _travels(word, lang):  # a form of this language alone (Nadzwyczajnych)
        return True
    if here < 3.5:
        return False
    elsewhere = statistics.median(others)
    # English words are everywhere (City, Vice, Green stand in every language's lists): a
    # smaller lead over the others makes an English common word.
    return here - elsewhere > (0.6 if lang == "en" else 1.0)


_ELIDED = re.compile(r"^(?:[ldsnjcmt]|qu|dell|all|dall|nell|sull)['’]", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")


def _travels(word: str, lang: str) -> bool:
    """A declined name (Tuska, Kaczyńskiego, Nowaka): the word less an ending of up to four
    letters is common in two other languages, as names are everywhere."""
    for cut in range(1, min(4, len(word) - 4) + 1):
        for base in {word[:-cut], names.transliterate(word[:-cut])}:
            if sum(zipf(base, other) >= 2.0 for other in _LATIN if other != lang) >= 2:
                return True
    return False


@functools.lru_cache(maxsize=16384)  # a source's words, read once per article
def _bare(name: str) -> str:
    """Without an elided article or a possessive: l'UE -> UE, Denmark's -> Denmark."""
    return _POSSESSIVE.sub("", _ELIDED.sub("", name))


def _known_name(name: str, lang: str, source: Source, alone: bool = True) -> bool:
    """alone: the name stands beside no other capital foreign to its language (Société
    Générale is one name, a loanword beside another)."""
    name = _bare(name)
    lowered = name.lower()
    fuzzy = lang != source.lang  # an exonym or a transliteration may stray by a sound (Danzica ~ Gdańsk)
    if "-" in name and not any(
        _whole(name, known) and names.same_name(name, known, fuzzy) for known in source.capitalised
    ):
        return (
            any(names.same_compound(name, known) for known in source.capitalised if "-" in known)
            or bool(names.place_concepts(name) & source.places)  # Royaume-Uni
            or _known_parts(name, lang, fuzzy, source)
            or _translates(name.replace("-", ""), lang, source)  # Anti-Monopoly for антимонопольний
        )
    concept = institutions.ACRONYM_CONCEPTS.get(name.upper()) if len(name) <= 5 else None
    concept = institutions.INSTITUTION_WORDS.get(lowered, concept)
    if concept is not None:
        return concept in source.institutions or _spelt_out(name, source)
    if lowered in source.words or lowered in figure_words.UNITS or lowered in languages.currency_codes():
        return True
    if lowered in _currency_words():
        return True  # a currency's name is a common noun (Zloty, Hrywnja); the numbers check holds its amounts
    if lang == "de" and alone and _loanword(lowered):
        return True  # Offshore, Département, Chef: a common word of English or French that German writes
    if lowered.rstrip(".") in languages.calendar_words(lang) or lowered in languages.language_words(lang):
        return True
    if names.cities_named(name) & source.cities:
        return True  # a city the source names, by its name in the brief's language (Breslavia for Wrocław)
    places = names.place_concepts(name)
    if places and _declined_common_word(lowered, lang, places):
        places = frozenset()  # Islands (Canary Islands) is no form of Island (Iceland): a word of English
    if places and not places & source.places and not any(names.same_name(name, k) for k in source.capitalised):
        return False  # a place the source names in none of its names: no sound-alike or cognate stands for it
    if any(
        names.same_name(name, known, fuzzy) and _a_name_abroad(known, fuzzy, source) for known in source.capitalised
    ):
        return True
    if (stem := _adjective_stem(name, lang)) and _known_name(stem, lang, source):
        return True  # Мадридському of the source's Madrid
    if fuzzy and any(names.exonym(name, known) or names.calque(name, known) for known in source.lone):
        return True
    if places:
        return bool(places & source.places)
    if names.is_acronym(name):
        return _spelt_out(name, source) or _class_noun(name, lang) or _translated_acronym(name, lang, source)
    if _demonym(lowered, lang) and names.people_of(name) & source.places:
        return True  # a people or its adjective (Finns, Holendrzy) of a country the source names
    if (
        lang == "de"
        and _a_german_word(lowered)
        and (not names.international(lowered) or has_plural(name, lang))
        and not names.named_abroad(name)
    ):
        return True  # a German noun: rare in the other languages, or one with a plural (Album: Alben); no name (Mario)
    return _translates(name, lang, source) or common_word(lowered, lang)


@functools.cache
def _currency_words() -> frozenset[str]:
    return frozenset().union(*(languages.currency_words(lang) for lang in languages.SUPPORTED))


def _loanword(lowered: str) -> bool:
    """A German capital borrowed as a common noun: German writes it (its word lists have
    it), and English or French knows it in lower case (Offshore, Département, Chef). A
    name is written capitalised everywhere (Bremen, Caritas)."""
    return zipf(lowered, "de") >= 2.5 and common_lowercase(lowered, ("en", "fr"))


# A Ukrainian adjective of a place (Мадридському, Люблінської): its suffix and ending.
_PLACE_ADJECTIVE = re.compile(r"(?<=.{4})(?:ськ|зьк|цьк)(?:ий|а|е|ого|ої|ому|им|их|ими|ій|у|ою|і|ім)$")


def _adjective_stem(name: str, lang: str) -> str:
    """The place a Ukrainian adjective of a place is made of (Мадридському -> Мадрид)."""
    return _PLACE_ADJECTIVE.sub("", name) if lang == "uk" and _PLACE_ADJECTIVE.search(name) else ""


def _a_name_abroad(known: str, fuzzy: bool, source: Source) -> bool:
    """A German source's capital that another language may render by its sound: a name
    (Ludwigsburg, Bundestag), not a German noun, one the dictionary declines in the plural
    (Stadträte is no Штутгарта)."""
    return not fuzzy or source.lang != "de" or names.named_abroad(known) or not has_plural(known, "de")


def _declined_common_word(lowered: str, lang: str, places: frozenset[str]) -> bool:
    """A common word of the brief's language that only looks like a place's name declined:
    no place has it as a form, and the language's dictionary knows it in lower case."""
    if lang in languages.CYRILLIC:  # its dictionary knows Франції in lower case too
        return False
    table = gazetteer.place_concepts()
    return not any(lowered in table.get(place, ()) for place in places) and common_lowercase(lowered, (lang,))


def _not_a_name(token: str, part: str) -> bool:
    """Capitals that name nothing: a Roman numeral that counts (II kwartał, XIII secolo), or
    a unit's symbol right after a figure (420 GB, 12 MW)."""
    if _ROMAN.match(token) and text.roman_numerals(token):
        return True
    return any(match.group(1) == token for match in _UNIT_AFTER_FIGURE.finditer(part))


def _demonym(word: str, lang: str) -> bool:
    """A word for a people or its adjective is a word of its language (Finns, Holendrzy,
    Danois), not of every language as a first name is (Daniel, Mario: a person the source
    may never name)."""
    here = zipf(word, lang)
    plain = names.transliterate(word)
    others = [zipf(plain if lang in languages.CYRILLIC else word, other) for other in _LATIN if other != lang]
    if here < 2.5:  # rare (Brazylijczyka, Kenijczyk): its dictionary knows it, and no other language does
        return here > 0 and not any(others) and in_dictionary(word, lang)
    return here - statistics.median(others) >= 1.0


def _spelt_out(acronym: str, source: Source) -> bool:
    """An acronym whose letters are the initials of a name the source spells out, in the
    source's words or translated word by word (NBP for Narodowy Bank Polski, ESA for Agenzia
    Spaziale Europea), or the source's own acronym in another script (ЄІБ for EIB)."""
    return names.is_acronym(acronym) and names.initials_key(acronym) in source.initials


def _translated_acronym(acronym: str, lang: str, source: Source) -> bool:
    """A national body's acronym translated with its country (СДПН for SPD, АдН for AfD:
    Соціал-демократична партія Німеччини, Альтернатива для Німеччини): its capitals'
    initials are those of a source acronym once the country's initial, in the brief's
    language and in the source's, is set aside on either side."""
    mine = _capital_initials(acronym)
    countries = [place for place in source.places if place.startswith("T:")]
    for known in source.capitalised:
        if not (2 <= len(known) <= 6 and names.is_acronym(known)):
            continue
        theirs = _capital_initials(known)
        if abs(len(theirs) - len(mine)) > 1:
            continue
        for country in countries:
            here, there = _country_initial(country, lang), _country_initial(country, source.lang)
            if {mine, mine.replace(here, "", 1)} & {theirs, theirs.replace(there, "", 1)} - {""}:
                return True
    return False


def _capital_initials(acronym: str) -> str:
    """An acronym's capitals in Latin, sorted: the initials of its main words (АдН -> an)."""
    return "".join(sorted(names.initial(letter) for letter in acronym if letter.isupper()))


@functools.lru_cache(maxsize=1024)
def _country_initial(country: str, lang: str) -> str:
    """The initial of a country's name in a language: its most frequent one-word name there
    written in the language's script (T:DE: de d, uk н -> n)."""
    cyrillic = lang in languages.CYRILLIC
    forms = [
        form
        for form in gazetteer.place_concepts().get(country, ())
        if " " not in form and any("\u0400" <= ch <= "\u04ff" for ch in form) == cyrillic
    ]
    return names.initial(max(forms, key=lambda form: zipf(form, lang))) if forms else ""


def _class_noun(name: str, lang: str) -> bool:
    """A common noun written as an acronym, no one body: a plural (MPs, NGOs), or one the
    dictionary declines in the plural (ДТП, ККД; not СБУ)."""
    return (name.endswith("s") and names.is_acronym(name[:-1]) and zipf(name.lower(), lang) >= 3.0) or has_plural(
        name, lang
    )


def _translates(name: str, lang: str, source: Source) -> bool:
    """A word of a descriptive translation: a cognate of a word of the source (Social for
    Sozialdemokraten, Socjaldemokraci for Sozialdemokraten). A short shared stem counts only
    for a word of the brief's language (Social), not for a name (Reggio is no regione)."""
    if len(name) < 5:
        return False
    # a word of the language, not a name its dictionary knows only capitalised (Milano)
    stem = names.skeleton(name)
    word_of_lang = zipf(name.lower(), lang) >= 3.0 and (lang == "de" or not noun(name, lang))
    return any(
        names.cognate(name, word) and (word_of_lang or common_prefix(stem, names.skeleton(word)) >= 7)
        for word in source.skeletons.get(stem[:5], ())
    )


def _known_parts(name: str, lang: str, fuzzy: bool, source: Source) -> bool:
    """Each part of a hyphenated name known; in a place name with particles (Пуент-дю-Ра for
    la pointe du Raz) a part may sound like a lowercase word of the source, beside one that
    is a name of it."""
    parts = [part for part in name.split("-") if part]
    spelt = [part for part in parts if _spells_abbreviation(part, source)]
    if len(spelt) < len(parts) and all(part in spelt or _known_name(part, lang, source) for part in parts):
        return True
    named = [part for part in parts if not _particle(part)]
    return (
        len(named) < len(parts)
        and any(_in_source(part, fuzzy, source) for part in named)
        and all(_known_name(part, lang, source) or _source_word(part, source) for part in named)
    )


def _whole(name: str, known: str) -> bool:
    """A source name that is not only the first part of a hyphenated one (Saint of
    Saint-Jean-du-Gard is no declension of Saint-Hippolyte-du-Fort)."""
    return not names.transliterate(name).startswith(names.transliterate(known) + "-")


def _spells_abbreviation(part: str, source: Source) -> bool:
    """A part of a place's name that writes out an abbreviation of the source (St Ives ->
    Сент-Айвсі, Saint-Ives; Mt, Ft): its first and last letters, and the others in order."""
    plain = names.transliterate(part)
    return any(
        plain[:1] == short[0].lower() and plain.endswith(short[-1].lower()) and _in_order(short.lower(), plain)
        for short in source.capitalised
        if 2 <= len(short) <= 3 and short.isalpha() and short[1:].islower()
    )


def _in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)


def _in_source(name: str, fuzzy: bool, source: Source) -> bool:
    """Written in the source, or a name of it in another script or inflection."""
    return name.lower() in source.words or any(names.same_name(name, known, fuzzy) for known in source.capitalised)


def _source_word(part: str, source: Source) -> bool:
    """A part of a place's name that the source writes in lower case (la pointe du Raz ->
    Пуент-дю-Ра): sounding like one of its words will do, beside a part that is a name."""
    return any(names.same_name(part, word, True) for word in source.words if len(word) >= 4 and word[:1].isalpha())


def _particle(part: str) -> bool:
    """The small lowercase word inside a hyphenated place name (Пуент-дю-Ра, Saint-Jean-de-Luz)."""
    return part.islower() and len(part) <= 3


def _a_german_word(word: str) -> bool:
    """German capitalises its nouns: a known noun or compound of nouns is not a name."""
    return zipf(word, "de") >= 3.3 or german_compound(word)


_UNIT_AFTER_FIGURE = re.compile(r"\d\s?([^\W\d_]{1,3})\b")
_ROMAN = re.compile(r"^[IVXLC]+$")


def check_names(item: Item, source: Source) -> CheckResult:
    # German capitalises every noun: its names are told by the dictionaries (names_in's
    # `proper`: Bremen, Habeck), and a noun it borrowed passes as a loanword (`_loanword`).
    proper = item.lang == "de"
    unknown = sorted(
        {
            name
            for part in (item.headline, *item.bullets)
            for name in names.names_in(part, item.lang, proper=proper)
            if not _not_a_name(name, part)
            and not _known_name(name, item.lang, source, _alone(name, part, item.lang, source))
            and not _in_place_named(name, part, source)
        }
    )
    unknown += [surname for part in (item.headline, *item.bullets) for surname in _surnames_unknown(part, source)]
    unknown += [names.institution_name(index) for index in names.institutions_named(item.text()) - source.institutions]
    if unknown:
        return CheckResult(check="names", passed=False, message=f"names not in the source: {', '.join(unknown)}")
    return passed("names")


# ---- quotes ----


def _in_place_named(name: str, part: str, source: Source) -> bool:
    """A word of a several-word name of a place the source names, all its words standing in
    the item in some case (Wenecji Euganejskiej: Wenecja Euganejska, the source's Veneto;
    Saksonii of Dolnej Saksonii is Niedersachsen, not Sachsen)."""
    # four letters: a declined adjective keeps fewer than five (Dolnej of Dolna Saksonia)
    stems = {names.place_stem(word)[:4] for word in text.words(part.lower())}
    stem = names.place_stem(_bare(name).lower())[:4]
    return any(
        stem in {p[:4] for p in parts} and all(p[:4] in stems for p in parts)
        for concept, parts in names.several_word_places()
        if concept in source.places
    )


def _surnames_unknown(part: str, source: Source) -> list[str]:
    """The capital right after a first name the source gives a person is a surname, whatever
    else the word means (Rafael Moreno for the source's Rafael Cañete: moreno is Spanish for
    dark): it must be a name of the source, in any spelling, not a common word."""
    pieces = part.split()
    pairs = [(before, token.rstrip('.,;:!?)»”"')) for before, token in zip(pieces, pieces[1:]) if before.isalpha()]
    return [
        token
        for before, token in pairs
        if _first_name(before)
        and token[:1].isupper()
        and token.isalpha()
        and any(names.same_name(before, given, True) for given in _given_names(source.body, source.lang))
        and len(token) >= 3
        and not names.is_acronym(token)
        and not names.place_concepts(token)
        and not _in_source(token, True, source)
    ]


@functools.lru_cache(maxsize=64)  # one source, judged in every language
def _given_names(body: str, lang: str) -> frozenset[str]:
    """The source's first names: a given name right before a capital that is no common word
    of the source's language (Rafael Cañete; not Europejski Bank, whose bank is a word)."""
    pieces = body.split()
    return frozenset(
        before
        for before, after in zip(pieces, pieces[1:])
        if before.isalpha()
        and _first_name(before)
        and after[:1].isupper()
        and not common_lowercase(after.rstrip('.,;:!?)»”"').lower(), (lang,))
    )


@functools.lru_cache(maxsize=4096)
def _first_name(word: str) -> bool:
    """A given name: as common in every language (Rafael, Mario, Paola), and no common
    word of any in lower case (the, new, premier, santa)."""
    lowered = word.lower()
    return (
        word[:1].isupper()
        and len(word) >= 3
        and names.international(lowered)
        and not common_lowercase(lowered, languages.SUPPORTED)
    )


def _alone(name: str, part: str, lang: str, source: Source) -> bool:
    """No capital foreign to German and to the source stands beside the name (Société
    Générale, Crédit Agricole: one name of two loanwords; Département Finistère is a
    loanword before the source's name). Other languages need not ask."""
    if lang != "de":
        return True
    tokens = text.words(part)
    for index, token in enumerate(tokens):
        if token != name:
            continue
        beside = tokens[max(0, index - 1) : index] + tokens[index + 1 : index + 2]
        if any(t[:1].isupper() and not names.in_german(t) and not _in_source(t, True, source) for t in beside):
            return False
    return True


def check_quotes(item: Item, source: Source) -> CheckResult:
    """Words in quotation marks (three or more; two in another language than the source's)
    must be the source's own words: a quote is verbatim or it is not a quote. A translation is reported without quotation marks; but a
    title the source quotes (a foundation's, an exhibition's) is translated in its marks."""
    for part in (item.headline, *item.bullets):
        for quote, before in text.quotations_after(part):
            tokens = [t.lower() for t in text.words(quote)]
            # two words are a quotation too where the source's own words cannot be, in another
            # language; unless they are a name (capitalised: «Астон Вілла», «12 Жовтня»)
            shortest = 2 if item.lang != source.lang and quote[:1].islower() else 3
            if (
                len(tokens) < shortest
                or " ".join(tokens) in source.flat
                or _translated_title(quote, before, item, source)
            ):
                continue
            return CheckResult(check="quotes", passed=False, message=f'quote not in the source: "{text.clip(quote)}"')
        copied = _unmarked_quote(part, source)
        if copied:
            return CheckResult(
                check="quotes", passed=False, message=f'the source\'s quotation without quotation marks: "{copied}"'
            )
    return passed("quotes")


_QUOTE_RUN = 8  # words of a source quotation in a row, outside quotation marks: someone's words made the item's


def _unmarked_quote(part: str, source: Source) -> str:
    """A run of a source quotation's words in the item's own voice: a person's words passed
    off as the brief's (a quote is in quotation marks and attributed, or reported)."""
    tokens = text.words(text.unquoted(part).lower())
    for start in range(len(tokens) - _QUOTE_RUN + 1):
        run = " ".join(tokens[start : start + _QUOTE_RUN])
        if any(run in quote for quote in source.quoted):
            return text.clip(" ".join(tokens[start:]))
    return ""


_SENTENCE_MARKS = re.compile(r"[.!?,;…]")


def _title(quote: str, before: str) -> bool:
    """Quotation marks around a name, not a person's words: a few words, the first capitalised,
    no sentence in them, right after the noun that names what it is ("the foundation «…»")."""
    return (
        len(text.words(quote)) <= 8
        and quote[:1].isupper()
        and not _SENTENCE_MARKS.search(quote)
        and before.rstrip()[-1:].isalpha()
    )


def _translated_title(quote: str, before: str, item: Item, source: Source) -> bool:
    """In another language, a title of the source translated: a title of about as many words."""
    if item.lang == source.lang or not _title(quote, before):
        return False
    count = len(text.words(quote))
    return any(abs(count - known) <= 2 for known in source.titles)


# ---- coverage of the lead ----


def check_coverage(item: Item, source: Source) -> CheckResult:
    """The item keeps the story's central fact. Where the title gives it (a figure in digits
    or words, or a share: "a third", or "31.4m of 96m"), where an editor puts it: the title's
    figure or share, or one of the lead's first sentence with figures (dates and ages aside),
    in its headline or first bullet; a figure of the title further down is a detail kept, not
    the story. Where the title gives no figure, the lead sentence's figures anywhere in it, or
    the first paragraph's figures in words ("won by nine seconds"). For a story without
    figures, a proper name of its lead."""
    if source.lead_figures or source.lead_shares:
        titled = bool(source.titled or source.lead_shares)
        top = " \n".join((item.headline, *item.bullets[:1])) if titled else item.text()
        if not (
            _gives(top, item.lang, source.lead_figures)
            or _gives_share(top, item.lang, source.lead_shares)
            or (not titled and _untitled_lead(item, source))
        ):
            shown = ", ".join(dict.fromkeys(f.raw for f in source.lead_figures[:4]))
            return CheckResult(
                check="coverage", passed=False, message=f"the central fact is missing: no figure of the lead ({shown})"
            )
    elif source.lead_names:
        if not _gives_lead_name(item, source):
            return CheckResult(
                check="coverage",
                passed=False,
                message=f"the central fact is missing: no name of the lead ({', '.join(source.lead_names[:4])})",
            )
    return passed("coverage")


def _untitled_lead(item: Item, source: Source) -> bool:
    """Where the title gives no figure, the lead paragraph may tell the story's figures in
    words ("nine seconds", "six votes to four") while its digits come further down."""
    return _gives(item.text(), item.lang, source.lead_words)


def _gives_lead_name(item: Item, source: Source) -> bool:
    capitalised = [_bare(w) for w in text.words(item.text()) if w[0].isupper()]
    fuzzy = item.lang != source.lang
    return any(names.same_name(lead, n, fuzzy) for lead in source.lead_names for n in capitalised)


_SHARE_SLACK = Decimal("0.04")  # "a third" for 31.4 of 96 (0.327): a share in words is rounded


def _gives_share(part: str, lang: str, shares: tuple[Decimal, ...]) -> bool:
    """The part gives one of the title's shares: in words, or as two of its amounts (31.4m of
    96m is a third; 64.6m of 96m missing is the other two)."""
    if not shares:
        return False
    amounts = [f.scaled for f in text.figures(part, lang) if f.scaled > 0 and not _year(f)]
    found = [*text.fractions(part, lang), *(a / b for a in amounts for b in amounts if a < b)]
    return any(min(abs(x - share), abs(x - (1 - share))) <= _SHARE_SLACK for share in shares for x in found)


def _gives(part: str, lang: str, lead: tuple[text.Figure, ...]) -> bool:
    if not lead:
        return False
    figures = text.figures(part, lang) + [text.Figure(word, value, 0) for word, value in text.number_words(part, lang)]
    return any(f.matches(g) for f in figures for g in lead)


# ---- relevance: the item is about its article ----

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
            if not _year(f) and (f.power or f.value >= 13 or f.value != f.value.to_integral()) and _given(f, source)
        }
    )


def _tied_names(item: Item, source: Source, enough: int) -> set[str]:
    """The source's names, places and institutions the item gives (in its language's words),
    each word once (Córdoba is a city and a province: one tie); all of them, or as soon as
    there are `enough` (the cheapest looked at first)."""
    lang, body = item.lang, item.text()
    calendar = languages.calendar_words(lang) | languages.calendar_words(source.lang)
    named = set()
    for name in dict.fromkeys(map(_bare, names.names_in(body, lang))):
        if name.lower() not in calendar and (
            name in source.capitalised or any(_same_name_strictly(name, known) for known in source.capitalised)
        ):
            named.add(name)
            if len(named) >= enough:
                return named
    capitalised = {_bare(w) for w in text.words(body) if w[:1].isupper()}  # "Polish", "Polens": places too
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
        if w.isalpha() and len(w) > _STEM and _bare(w) not in named and not (same and zipf(w, item.lang) >= _FREQUENT)
    ]
    if not words:
        return 0.0
    return sum(not source.stems.isdisjoint(_stems(w, item.lang)) for w in words) / len(words)


def _stem(word: str) -> str:
    return names.transliterate(word)[:_STEM]


def _stems(word: str, lang: str) -> frozenset[str]:
    """A word's stem, and for a German compound its tails' (Schulreform: reform, as Polish
    reforma; Bildungsministerin: minister), as long as a stem."""
    if lang != "de":
        return frozenset((_stem(word),))
    parts = german_parts(word)
    tails = ("".join(parts[index:]) for index in range(len(parts)))
    return frozenset(_stem(tail) for tail in tails if len(tail) > _STEM)


# ---- evidence: a bullet's figures in the sentences it cites ----


def check_evidence(item: Item, source: Source) -> CheckResult:
    """With the sentences each bullet cites (brief@3), a figure or name of the source that none
    of its bullet's sentences holds: right parts in a wrong relation, as often as not ("6.2%
    more working hours" for a 6.2% pay rise, a minister's words given to another). Figures and
    names the source lacks altogether are the numbers and names checks' business; an item
    without evidence is judged as before."""
    findings = []
    for number, (bullet, cited) in enumerate(zip(item.bullets, item.evidence), start=1):
        if not cited:
            continue
        there = read_source(" ".join(cited), source.lang)
        figures = text.figures(bullet, item.lang)
        elsewhere = [f.raw for f in figures if _known_figure(f, source) and not _known_figure(f, there)]
        elsewhere += [
            name
            for name in names.names_in(bullet, item.lang)
            if _known_name(name, item.lang, source) and not _known_name(name, item.lang, there)
        ]
        if elsewhere:
            findings.append(f"bullet {number}: {', '.join(dict.fromkeys(elsewhere))}")
    if findings:
        return CheckResult(
            check="evidence",
            passed=False,
            message="figures or names not in the sentences the bullet cites: " + "; ".join(findings),
        )
    return passed("evidence")
