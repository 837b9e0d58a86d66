"""The numbers check: every figure of an item is one of its source's (exactly, rounded,
converted between units, at another scale); a percentage is one of the source's percentages;
a figure the source gives only as someone's age is no count; a range's two ends stand in one
sentence of the source."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from briefer.checks.source import Source, as_age, is_year, passed, positions
from briefer.core.models import CheckResult, Item
from briefer.lang import figure_words, text


def known_figure(figure: text.Figure, source: Source) -> bool:
    if figure.power == 0:
        return (
            figure.value in source.raw_values
            or _rounded(figure, source)
            or _known_clock(figure, source)
            or _known_score(figure, source)
        )
    value, tolerance = figure.scaled, figure.tolerance
    return (
        any(abs(known.scaled - value) <= tolerance for known in source.figures)
        or value in source.raw_values
        or any(abs(known - value) <= tolerance for known in source.derived)
    )


def _known_clock(figure: text.Figure, source: Source) -> bool:
    """A figure "1:07" that is one of the source's times as minutes and seconds or hours and
    minutes, however the source writes it (1'07", "1min 07sec", "1 h 07")."""
    return figure.raw.count(":") == 1 and any(_known_duration(s, source) for s in text.clock_seconds(figure.raw))


def _known_duration(seconds: int, source: Source) -> bool:
    """One of the source's times, or one to the minute where the source gives seconds too
    (2 h 37 min for 2 h 37 min 51 s: a brief drops the seconds, or rounds them)."""
    if seconds in source.durations:
        return True
    return seconds % 60 == 0 and any(
        seconds in (known // 60 * 60, round(known / 60) * 60) for known in source.durations
    )


def _known_score(figure: text.Figure, source: Source) -> bool:
    """A score written with a colon ("34:20", as German, Polish and Ukrainian write it) whose
    two sides stand in one sentence of the source, however it joins them (34-20, 34 à 20)."""
    if figure.raw.count(":") != 1:
        return False
    sides = {Decimal(side) for side in figure.raw.split(":") if side.isdigit()}
    return len(sides) >= 1 and any(sides <= values for values in source.together)


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
    unknown = [f for f in figures if not known_figure(f, source)]
    if unknown and source.measures:
        measures = text.measures(item.text())
        unknown = [f for f in unknown if not (f.power == 0 and _conversion(f, measures, source))]
    invented = [f.raw for f in unknown]
    invented += [f"{p}%" for p in text.percentages(item.text(), item.lang) if not _known_percent(p, source)]
    invented += [d.raw for d in text.durations(item.text()) if d.parts > 1 and not _known_duration(d.seconds, source)]
    invented += [f"{f.raw} (the source: {other})" for f in figures if (other := _other_currency(f, source))]
    invented += [
        word
        for word, value in text.number_words(item.text(), item.lang)
        if value not in source.raw_values and value not in source.derived  # "zehn Sommer" of 2015-2024
    ]
    invented += [f"{f.raw} (an age in the source)" for f in figures if _age_as_count(f, item, source)]
    invented += [
        f"{a.raw}–{b.raw} (no range of the source)" for a, b in _ranges(item, source) if not _one_range(a, b, source)
    ]
    invented += _other_roads(item, source)
    if invented:
        return CheckResult(
            check="numbers", passed=False, message=f"numbers not in the source: {', '.join(dict.fromkeys(invented))}"
        )
    return passed("numbers")


def _other_roads(item: Item, source: Source) -> list[str]:
    """A road of a class the source names, by another number (the A7 where the source has the
    A 8): its number is no figure, so no other rule sees it."""
    classes = {road[0] for road in source.roads}
    return sorted(road for road in text.roads(item.text(), item.lang) - source.roads if road[0] in classes)


def _age_as_count(figure: text.Figure, item: Item, source: Source) -> bool:
    """A figure the source gives only as an age, written in the item as a count of something
    (43 injured becoming 34, where the source's 34 is a driver's age)."""
    if figure.power or figure.value not in source.ages:
        return False
    body = item.text()
    return any(_as_count(body, at, item.lang) for at in positions(body, figure.raw))


_WORD_AFTER = re.compile(r"[ \t\u00a0]+[^\W\d_]")  # on its line: a headline ends at its line


def _as_count(value: str, at: int, lang: str) -> bool:
    """The figure ending at `at` counts something: a word follows, not the word for years
    (an age stands in brackets, between commas or at the end too: "Ralf M. (57)", "dies at 87"),
    nor the words before an age ("aged 34", "w wieku 57")."""
    if not _WORD_AFTER.match(value, at) or as_age(value, at, lang):
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
            if not (is_year(a) or is_year(b)) and known_figure(a, source) and known_figure(b, source):
                found.append((a, b))
    return found


def _spans(value: str, raw: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"(?<![\d.,]){re.escape(raw)}(?![.,]?\d)", value)]


def _one_range(a: text.Figure, b: text.Figure, source: Source) -> bool:
    """Both ends of a range stand in one sentence of the source: 21 and 6 are no range where
    the source cuts water from 23 to 6 and allows watering from 8 to 21."""
    ends = ({a.value, a.scaled}, {b.value, b.scaled})
    return not source.together or any(all(not values.isdisjoint(end) for end in ends) for values in source.together)
