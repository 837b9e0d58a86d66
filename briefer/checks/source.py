"""What the checks of an item against its source need of one article, read once (`Source`,
cached) and judged in every language: its figures, words, names, places, institutions,
quotations and lead; `passed`, the one shared result of a check that passed."""

from __future__ import annotations

import functools
import re
import statistics
from dataclasses import dataclass
from decimal import Decimal

from briefer.core.models import CheckResult
from briefer.lang import figure_words, gazetteer, institutions, languages, names, numerals, regions, text
from briefer.lang.vocabulary import (
    adjective,
    german_compound,
    german_parts,
    known_form,
    noun,
    place_name,
    proper_noun,
    zipf,
)

_YEAR = range(1900, 2101)
STEM = 5  # letters of a word that stand for its stem across inflections and cognates
LATIN = tuple(lang for lang in languages.SUPPORTED if lang not in languages.CYRILLIC)


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
    # what an editor works out: a year earlier's amount, sums, the years of a span, a list's count
    derived: tuple[Decimal, ...] = ()
    stems: frozenset[str] = frozenset()  # its longer words' first letters, romanised (relevance)
    measures: tuple[text.Measure, ...] = ()  # figures with a unit an editor converts (70mph)
    quoted: tuple[str, ...] = ()  # its quotations of at least `QUOTE_RUN` words, lowercase words joined by spaces
    title_quoted: tuple[str, ...] = ()  # those of them its title quotes (who says them, the title says)
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
    roads: frozenset[str] = frozenset()  # the roads it names, written together (A61)
    durations: frozenset[int] = frozenset()  # its times in seconds, however written ("2hr 21min 09sec", 3'12")
    interview: bool = False  # questions and answers: the story is who speaks, not a figure of the standfirst


@functools.lru_cache(maxsize=64)  # one article is checked in every language
def read_source(source: str, lang: str) -> Source:
    figures = (*text.figures(source, lang), *text.implied_scales(source, lang))
    sentences = [[bare(t) for t in text.words(sentence)] for sentence in names.sentences(source)]
    tokens = text.words(source)
    lowered = frozenset(t.lower() for t in tokens)
    title, _, body = source.partition("\n")
    paragraphs = [p for p in body.split("\n") if p.strip()]
    # number words inside its quotations are its figures too ("prawie siedem", a farmer says),
    # and the counts its words carry ("una doppietta": two goals)
    spelled = {value for _, value in [*numerals.spelled(tokens, lang), *numerals.compound_numbers(tokens, lang)]}
    spelled |= text.roman_numerals(source)
    spelled |= text.counted(source, lang) | text.implied_figures(source, lang)
    spelled |= {Decimal(part) for f in figures if ":" in f.raw for part in f.raw.split(":")}  # 23:25 is 23 and 25 too
    spelled |= {Decimal(a or b) for a, b in _DECADE.findall(source)}  # the 2030s are "the thirties" too
    spelled |= _second_years(source) | text.day_times(source)  # 2004-05 is 2005 too; 4.20pm is 16.20
    acronyms = frozenset(
        b.upper()
        for b in map(bare, tokens)
        if len(b) <= 5 and b[:1].isupper() and b.upper() in institutions.ACRONYM_CONCEPTS
    )
    return Source(
        lang=lang,
        figures=figures,
        raw_values=frozenset({f.value for f in figures} | {f.scaled for f in figures} | spelled),
        words=lowered | {bare(t).lower() for t in tokens} | _joined_abbreviations(source),
        capitalised=(capitalised := _capitalised(tokens, lang, source)),
        places=_with_cities(
            {c for t in tokens for c in names.place_concepts(bare(t))}  # l'ucraina: Ukraine
            | names.places_named_in(lowered)
            | ({region for word in lowered if (region := regions.voivodeship(word))} if lang == "pl" else set())
            | {f"T:{code}" for code in gazetteer.HOME_COUNTRY.get(lang, ())}
        ),
        cities=frozenset(city for known in (*capitalised, *_demonyms(tokens)) for city in names.cities_named(known)),
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
            | text.implied_figures(sentence, lang)
            | {value for _, value in text.number_words(sentence, lang)}  # "acht bis zehn Stunden"
            for sentence in text.sentences(source)
        ),
        roads=frozenset(text.roads(source, lang)),
        percents=frozenset(text.percentages(source, lang)),
        durations=frozenset(d.seconds for d in text.durations(source))
        | {seconds for f in figures if f.raw.count(":") == 1 for seconds in text.clock_seconds(f.raw)},
        titles=tuple(
            len(text.words(quote)) for quote, before in text.quotations_after(source) if is_title(quote, before)
        ),
        lead_names=_proper_names(
            names.names_in(title, lang) + names.names_in(paragraphs[0] if paragraphs else "", lang), lang
        ),
        derived=_derived(source, lang),
        stems=frozenset(stem for w in lowered if len(w) > STEM for stem in stems_of(w, lang)),
        measures=tuple(text.measures(source)),
        quoted=tuple(
            " ".join(words) for quote in text.quotations(source) if len(words := text.words(quote.lower())) >= QUOTE_RUN
        ),
        title_quoted=tuple(" ".join(text.words(quote.lower())) for quote in text.quotations(title)),
        lone=_lone(sentences),
        initials=_initials(sentences, tokens, lang),
        skeletons=_skeletons(lowered, lang),
        body=body,
        interview=sum(paragraph.rstrip().endswith("?") for paragraph in paragraphs) >= _QUESTIONS,
    )


_QUESTIONS = 3  # paragraphs that are questions, at least, in an interview


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
        if figure.value not in spelled and all(as_age(source, at, lang) for at in positions(source, figure.raw)):
            found.add(figure.value)
    return frozenset(found)


def positions(value: str, raw: str) -> list[int]:
    """Where a whole figure stands in a text, not as part of a longer one (34 in 34,5 or 1934)."""
    return [m.end() for m in re.finditer(rf"(?<![\d.,]){re.escape(raw)}(?![.,]?\d)", value)]


@functools.cache
def _age_re(lang: str) -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, languages.year_words(lang)), key=len, reverse=True))
    adjectives = figure_words.AGE_ADJECTIVES.get(lang, "")
    return re.compile(rf"[\s\u00a0-]*(?:{'|'.join(filter(None, (words, adjectives)))})", re.IGNORECASE)


def as_age(value: str, at: int, lang: str) -> bool:
    """The figure ending at `at` is someone's age: the word for years or the adjective of age follows."""
    return bool(_age_re(lang).match(value, at))


def _derived(source: str, lang: str) -> tuple[Decimal, ...]:
    """What an editor works out from an amount and its change in one sentence ("84.5m, 30%
    more than a year earlier": 65m a year earlier): the amount before a rise or a fall; and
    the sum of two counts joined by "and"; the number of years a span holds; how many names a
    list gives."""
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
    return tuple(sorted(found | _sums(source, lang) | _years_spanned(source) | _listed(source, lang)))


_CAPITAL_WORD = r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻА-ЯЄІЇҐ][\w'’-]*"


@functools.cache
def _list_re(lang: str) -> re.Pattern[str]:
    name = rf"{_CAPITAL_WORD}(?: {_CAPITAL_WORD})?"
    joiners = "|".join(_AND.get(lang, ("and",)))
    return re.compile(rf"(?<!\w)(?:{name}, )+{name} (?:{joiners}) {name}(?!\w)")


def _listed(source: str, lang: str) -> set[Decimal]:
    """How many names a list gives ("Asturias, Cantabria, Burgos, Lugo y Ourense"): an editor
    writes "five provinces"."""
    found = set()
    for match in _list_re(lang).finditer(source):
        count = match.group().count(", ") + 2
        if count >= 3:
            found.add(Decimal(count))
    return found


# Two years a span joins ("2015-2024", "entre 2015 y 2024", "von 2015 bis 2024").
_YEAR_SPAN = re.compile(r"(?<![\d.,])((?:19|20)\d\d)\s*(?:[-–/]|[^\W\d_]{1,5})\s*((?:19|20)\d\d)(?![\d.,]\d)")


def _years_spanned(source: str) -> set[Decimal]:
    """How many years a span of years holds, both ends counted: "entre 2015 y 2024" is ten
    summers, as an editor counts them."""
    spans = ((int(first), int(last)) for first, last in _YEAR_SPAN.findall(source))
    return {Decimal(last - first + 1) for first, last in spans if 0 < last - first <= 50}


# "and" in each language, joining two counts of one sentence.
_AND = {
    "en": ("and",),
    "de": ("und",),
    "fr": ("et",),
    "pl": ("i",),
    "uk": ("і", "й", "та"),
    "es": ("y", "e"),
    "it": ("e", "ed"),
}


def _sums(source: str, lang: str) -> set[Decimal]:
    """Two counts of two things a sentence joins by "and" ("50 Fahrgäste und zwei Fahrer"):
    an editor gives their sum (52 people on board)."""
    found = set()
    joiners = _AND.get(lang, ())
    for sentence in text.sentences(source):
        tokens = text.words(sentence)
        for start in range(len(tokens) - 4):
            first, thing, joiner, second, other_thing = tokens[start : start + 5]
            if joiner.lower() not in joiners or not _things(thing, other_thing, lang):
                continue
            if text.durations(" ".join(tokens[start : start + 5])):
                continue  # a time: "2 Stunden und 40 Minuten", "4 Uhr und 40 Minuten"
            counts = _count(first, lang), _count(second, lang)
            if counts[0] and counts[1]:
                found.add(counts[0] + counts[1])
    return found


def _things(thing: str, other_thing: str, lang: str) -> bool:
    """Two words for two kinds of things, not years, months or money ("3 Jahre und 4 Monate")."""
    units = (
        languages.calendar_words(lang)
        | languages.year_words(lang)
        | languages.month_words(lang)
        | languages.currency_words(lang)
    )
    return (
        thing.isalpha()
        and other_thing.isalpha()
        and thing.lower() != other_thing.lower()
        and not {thing.lower(), other_thing.lower()} & units
    )


def _count(token: str, lang: str) -> Decimal | None:
    """A token that counts: up to three digits, or a number word."""
    if token.isdigit():
        return Decimal(token) if len(token) <= 3 else None
    spelled = text.number_words(token, lang, smallest=1)
    return spelled[0][1] if spelled else None


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
    too, and of their parts' parts: BND, OLG of Oberlandesgericht), and its own acronyms in
    any script."""
    found = {names.initials_key(t) for t in map(bare, tokens) if t[:1].isupper() and names.is_acronym(t)}
    splits = (german_parts, _german_parts_deep) if lang == "de" else ((lambda token: (token,)),)
    for sentence in sentences:
        for parts in splits:
            found |= names.initials_of(sentence, parts)
    return frozenset(found)


def _german_parts_deep(word: str) -> tuple[str, ...]:
    """A compound's parts with its head cut again (oberlandes|gericht -> ober|landes|gericht)."""
    head, *rest = german_parts(word)
    return (*german_parts(head), *rest) if rest else (head,)


def _skeletons(lowered: frozenset[str], lang: str) -> dict[str, tuple[str, ...]]:
    """Its words by their skeletons' first five letters, and a German source's compounds'
    parts too: a translation renders the parts (Kartelowego of Bundeskartellamt)."""
    index: dict[str, list[str]] = {}
    words = {word for word in lowered if word.isalpha()}
    if lang == "de":
        words |= {part for word in words for part in german_parts(word)}
    for word in words:
        if len(word) >= 5:
            index.setdefault(names.skeleton(word)[:5], []).append(word)
    return {key: tuple(value) for key, value in index.items()}


# A decade written by its year ("2030er-Jahre", "the 2030s", "les années 2030"): an item may
# write it by its tens ("lat 30.", "los años treinta", "gli anni Trenta").
_DECADE = re.compile(r"(?<![\d.,])(?:1[89]|20)([1-9]0)(?=er|s\b|’s|'s)|(?<=années )(?:1[89]|20)([1-9]0)\b")


# A span of years whose second year keeps only its last two digits ("2004-05", "the 2022/23
# season"): a brief may write the second year whole.
_SHORT_SPAN = re.compile(r"(?<![\d.,])((?:1[89]|20)\d\d)\s?[-–/]\s?(\d\d)(?![\d%]|[.,]\d)")


def _second_years(source: str) -> set[Decimal]:
    spans = ((int(first), int(first[:2] + second)) for first, second in _SHORT_SPAN.findall(source))
    return {Decimal(second) for first, second in spans if first < second <= first + 10}


def _span_away(span: re.Match[str]) -> str:
    """A span of seasons (1975-76) blanked out of a lead sentence, another match kept."""
    first, second = int(span.group(1)), int(span.group(1)[:2] + span.group(2))
    return " " if first < second <= first + 10 else span.group()


def _with_cities(places: set[str]) -> frozenset[str]:
    """The places a source names, the cities of the countries among them (a brief may write a
    capital for its country's government: Paris for the French government), and the regions
    its regions lie in (Bretagne, for a source that names Finistère)."""
    cities = (gazetteer.cities_of(place) for place in places if place.startswith("T:"))
    regions_around = (gazetteer.regions_around(place) for place in places if place.startswith("R:"))
    return frozenset(places.union(*cities, *regions_around))


def _lead_figures(title: str, paragraphs: list[str], lang: str) -> tuple[tuple[text.Figure, ...], int]:
    """The central fact's figures, and how many of them are the title's: first the title's
    (in digits or words: "sieben Tote"), with the same figure as the body gives it exactly
    where the title rounds it (87 % in the title, 87,3 % below; "more than 1,100" for 1,140);
    then those of the first sentence of the first two paragraphs that has any (a title may
    round or sum what the lead states: "4 mln ton" lost, where the lead gives 29.5 after
    33.6), with the body's exact figure where the lead rounds too ("more than 3,000", 3,212
    below); and any of them in other units, where the first paragraph gives it in brackets
    ("95mph (153km/h)"). Never dates, years, ages or ranks ("zweite Kraft" is no count)."""
    body = "\n".join(paragraphs[:2])
    whole = "\n".join(paragraphs)
    first = paragraphs[0] if paragraphs else ""
    found = [f for f in _title_stated(title, lang) if not _rank(f, lang) and not _place_in_order(f, title, lang)]
    if found:  # the title rounds what the article states exactly, in its lead or further down
        found += _exactly(found, whole, lang)
        found += _converted(found, first, lang)
    titled = len(found)
    # dates out before the sentences are cut: "dem 11. März" is no sentence's end
    for sentence in text.sentences(text.without_dates(_without_references(body), lang)):
        stated = _stated(_without_ages(sentence, lang), lang)
        if not stated and any(d.parts > 1 for d in text.durations(sentence)):
            break  # the lead's quantity is a time ("23 години 47 хвилин"), which the numbers check holds
        if stated and titled:  # beside the title's, only the lead's first figures ("vier Tote", then 60 helpers)
            found += [f for f in stated if f.raw[:1].isdigit()]
            break
        stated = [f for f in stated if f.raw[:1].isdigit()]
        if stated:  # a lead rounds as a title does ("more than 3,000" for the 3,212 below)
            found += stated + list(_converted(stated, first, lang)) + list(_rounded_by_lead(stated, whole, lang))
            break
    return tuple(found), titled


def _title_stated(title: str, lang: str) -> list[text.Figure]:
    """The title's figures, less a person's age where it states another, in digits or words
    ("Siedem lat więzienia dla kierowcy, który zabił 61-latka": the story is the seven years,
    61 tells who died); an age alone is the title's fact ("dies at 87 years")."""
    return _stated(_without_ages(title, lang), lang) or _stated(title, lang)


def _lead_words(first: str, lang: str) -> tuple[text.Figure, ...]:
    """The first paragraph's figures in words, ranks, dates and ages aside."""
    part = _without_ages(text.without_dates(_without_references(first), lang), lang)
    spelled = (text.Figure(word, value, 0) for word, value in text.number_words(part, lang))
    return tuple(f for f in spelled if not _rank(f, lang))


def _place_in_order(figure: text.Figure, part: str, lang: str) -> bool:
    """A cardinal after the word for a place in an order ("rast auf Platz vier"): a rank."""
    before = figure_words.RANK_BEFORE.get(lang)
    return bool(before) and re.search(rf"(?<!\w)(?:{before})\s+{re.escape(figure.raw)}(?!\w)", part, re.I) is not None


def _rank(figure: text.Figure, lang: str) -> bool:
    """An ordinal word (zweite, seventh, ventunesima): a place in an order, not the fact's figure."""
    return numerals.is_ordinal(figure.raw, lang)


# An age as an adjective, where its stem is not the word for year: 38-річний, 38-letni,
# 38-jährige, trentottenne (glued: 38enne).
_AGE_ADJECTIVES = {"uk": ("річн",), "pl": ("letni", "letn"), "de": ("jährig",), "it": ("enne",)}


@functools.cache
def _years_re(lang: str) -> re.Pattern[str]:
    stems = [*languages.year_words(lang), *_AGE_ADJECTIVES.get(lang, ())]
    words = "|".join(sorted(map(re.escape, stems), key=len, reverse=True))
    return re.compile(rf"\b\d+[\s\u00a0-]*(?:{words})\w*", re.IGNORECASE)


def _without_ages(sentence: str, lang: str) -> str:
    """A lead sentence without ages and spans of years ("Chiara Bellandi ha 44 anni"): a
    person's age opens a portrait, it is not the story's figure (a title's still is)."""
    return _years_re(lang).sub(" ", sentence) if languages.year_words(lang) else sentence


def _stated(part: str, lang: str) -> list[text.Figure]:
    """The figures of a passage in digits, less dates, years, references and ordinals ("la
    23ª edizione", "23rd", "23e" count no thing); in words only where it has none (a word may
    also be something else: French "neuf" is also "new")."""
    part = text.without_ordinals(text.without_dates(_without_references(part), lang))
    part = _SHORT_SPAN.sub(_span_away, part)  # "nella stagione 1975-76": no 76 of anything
    found = [f for f in text.figures(part, lang) if not is_year(f)]
    # an ordinal word counts no thing either: "вже четвертий день" opens a lead whose figure follows
    return found or [
        text.Figure(word, value, 0)
        for word, value in text.number_words(part, lang)
        if not numerals.is_ordinal(word, lang)
    ]


def _exactly(rounded: list[text.Figure], body: str, lang: str) -> tuple[text.Figure, ...]:
    """The body's figures that a whole figure of the title rounds: 87 % for 87,3 %, and a
    round figure to its last digit but zeros ("more than 1,100" for 1,140, "rund 300" for 312)."""
    wholes = [f for f in rounded if f.value == f.value.to_integral()]
    return tuple(
        f
        for f in text.figures(body, lang)
        if any(w.power == f.power and 0 < abs(w.value - f.value) < _round_step(w.value) for w in wholes)
    )


def _rounded_by_lead(lead: list[text.Figure], whole: str, lang: str) -> tuple[text.Figure, ...]:
    """The body's figures a round figure of the lead stands for ("more than 3,000" for 3,212):
    as a title's, and closer, for a lead's round figure may be a figure of its own (100
    points, where 97.4 is another's): within a tenth, its leading digits the round one's."""
    return tuple(
        f
        for f in _exactly(lead, whole, lang)
        if any(_rounds_to(w.value, f.value) for w in lead if w.power == f.power and w.value != f.value)
    )


def _rounds_to(round_figure: Decimal, exact: Decimal) -> bool:
    digits, exact_digits = str(int(round_figure)), str(int(exact))
    return (
        round_figure == round_figure.to_integral()
        and len(digits) == len(exact_digits)
        and exact_digits.startswith(digits.rstrip("0"))
        and abs(exact - round_figure) <= round_figure / 10
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
            for n in map(bare, found)
            if len(n) >= 3
            and not names.place_concepts(n)
            and n.lower() not in languages.calendar_words(lang)
            and not common_word(n.lower(), lang)
            and not (lang == "de" and a_german_word(n.lower()))
        )
    )


def _capitalised(tokens: list[str], lang: str, source: str) -> tuple[str, ...]:
    """The source's capitalised words, their hyphenated parts, how French ones sound, its
    roads written together (A 61 is the A61 an item writes), and the later words of a name it
    quotes, which Slavic and Romance languages write in lower case («Рятівне коло»: Riativne
    Kolo)."""
    found = [part for token in map(bare, tokens) if token[:1].isupper() for part in (token, *token.split("-")) if part]
    found += sorted(text.roads(source, lang))
    found += [word for name in text.quotations(source) if _quoted_name(name) for word in text.words(name)[1:]]
    found += [sound for word in found for sound in names.spoken(word, lang)]
    return tuple(dict.fromkeys(found))


def _quoted_name(quoted: str) -> bool:
    """Quotation marks around a name, not words said: two to four words, the first a capital,
    no sentence's end inside."""
    words = text.words(quoted)
    return 2 <= len(words) <= 4 and words[0][:1].isupper() and not re.search(r"[.!?,:;]", quoted)


def is_year(figure: text.Figure) -> bool:
    return figure.power == 0 and figure.value == figure.value.to_integral() and int(figure.value) in _YEAR


_DATES_IN_FIGURES = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b")


def _without_references(value: str) -> str:
    """The text without what only locates or counts it: addresses and ids, counts in
    brackets, dates and times in figures."""
    return _DATES_IN_FIGURES.sub(" ", text.without_addresses(value))


@functools.cache
def passed(check: str) -> CheckResult:
    """One shared result per check that passed: ten thousand items need not hold their own."""
    return CheckResult(check=check, passed=True)


def another_form(word: str, source: Source) -> bool:
    """The source's word in another of its forms (sobotę in the source, sobota in the
    item): a word of the source of about its length, differing only in its last two
    letters, four letters alike at least."""
    if len(word) < 5:
        return False
    stem = word[: max(4, len(word) - 2)]
    return any(other.startswith(stem) and abs(len(other) - len(word)) <= 2 for other in source.words)


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
    others = [zipf(word, other) for other in LATIN if other != lang]
    if max(others) < 1.0 and not _travels(word, lang):  # a form of this language alone (Nadzwyczajnych)
        return True
    if here < 3.5:
        return False
    elsewhere = statistics.median(others)
    # English words are everywhere (City, Vice, Green stand in every language's lists): a
    # smaller lead over the others makes an English common word.
    return here - elsewhere > (0.6 if lang == "en" else 1.0)


_POSSESSIVE = re.compile(r"['’]s$")


def _travels(word: str, lang: str) -> bool:
    """A declined name (Tuska, Kaczyńskiego, Nowaka): the word less an ending of up to four
    letters is common in two other languages, as names are everywhere."""
    for cut in range(1, min(4, len(word) - 4) + 1):
        for base in {word[:-cut], names.transliterate(word[:-cut])}:
            if sum(zipf(base, other) >= 2.0 for other in LATIN if other != lang) >= 2:
                return True
    return False


def _demonyms(tokens: list[str]) -> list[str]:
    """The lower-case words of a source that may be a city's adjective (la regista torinese:
    of Turin), by the endings Romance languages give one."""
    return [token for token in tokens if token[:1].islower() and _DEMONYM_ENDING.search(token)]


_DEMONYM_ENDING = re.compile(r"(?<=\w{3})(?:ese|esi|ano|ana|ani|ane|ino|ina|ini|ine|ais|aise|ois|oise|eño|eña|ense)$")


@functools.lru_cache(maxsize=16384)  # a source's words, read once per article
def bare(name: str) -> str:
    """Without an elided article or a possessive: l'UE -> UE, Denmark's -> Denmark."""
    return _POSSESSIVE.sub("", text.ELIDED.sub("", name))


def a_german_word(word: str) -> bool:
    """German capitalises its nouns: a known noun or compound of nouns is not a name."""
    return zipf(word, "de") >= 3.3 or german_compound(word)


QUOTE_RUN = 8  # words of a source quotation in a row, outside quotation marks: someone's words made the item's
_SENTENCE_MARKS = re.compile(r"[.!?,;…]")


def is_title(quote: str, before: str) -> bool:
    """Quotation marks around a name, not a person's words: a few words, the first capitalised,
    no sentence in them, right after the noun that names what it is ("the foundation «…»")."""
    return (
        len(text.words(quote)) <= 8
        and quote[:1].isupper()
        and not _SENTENCE_MARKS.search(quote)
        and before.rstrip()[-1:].isalpha()
    )


def _stem(word: str) -> str:
    return names.transliterate(word)[:STEM]


def stems_of(word: str, lang: str) -> frozenset[str]:
    """A word's stem, and for a German compound its tails' (Schulreform: reform, as Polish
    reforma; Bildungsministerin: minister), as long as a stem."""
    if lang != "de":
        return frozenset((_stem(word),))
    parts = german_parts(word)
    tails = ("".join(parts[index:]) for index in range(len(parts)))
    return frozenset(_stem(tail) for tail in tails if len(tail) > STEM)
