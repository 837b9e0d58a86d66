"""The coverage check: the item keeps the story's central fact, the lead's figure or share
(where the title gives one, in the headline or first bullet) or, without figures, a name of
its lead."""

from __future__ import annotations

from decimal import Decimal

from briefer.checks.source import Source, bare, is_year, passed
from briefer.core.models import CheckResult, Item
from briefer.lang import names, numerals, text


def check_coverage(item: Item, source: Source) -> CheckResult:
    """The item keeps the story's central fact. Where the title gives it (a figure in digits
    or words, or a share: "a third", or "31.4m of 96m"), where an editor puts it: the title's
    figure or share, or one of the lead's first sentence with figures (dates and ages aside),
    in its headline or first bullet; a figure of the title further down is a detail kept, not
    the story. Where the title gives no figure, the lead sentence's figures anywhere in it, or
    the first paragraph's figures in words ("won by nine seconds"); in an interview, whose
    standfirst's figures describe the one who speaks, a name of the lead too. For a story
    without figures, a proper name of its lead."""
    if source.lead_figures or source.lead_shares:
        titled = bool(source.titled or source.lead_shares)
        top = " \n".join((item.headline, *item.bullets[:1])) if titled else item.text()
        if not (
            _gives(top, item.lang, source.lead_figures, source.titled)
            or _gives_share(top, item.lang, source.lead_shares)
            or (not titled and _untitled_lead(item, source))
            or (not titled and source.interview and _gives_lead_name(item, source))
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
    capitalised = [bare(w) for w in text.words(item.text()) if w[0].isupper()]
    fuzzy = item.lang != source.lang
    return any(names.same_name(lead, n, fuzzy) for lead in source.lead_names for n in capitalised)


_SHARE_SLACK = Decimal("0.04")  # "a third" for 31.4 of 96 (0.327): a share in words is rounded


def _gives_share(part: str, lang: str, shares: tuple[Decimal, ...]) -> bool:
    """The part gives one of the title's shares: in words, or as two of its amounts (31.4m of
    96m is a third; 64.6m of 96m missing is the other two)."""
    if not shares:
        return False
    amounts = [f.scaled for f in text.figures(part, lang) if f.scaled > 0 and not is_year(f)]
    found = [*text.fractions(part, lang), *(a / b for a in amounts for b in amounts if a < b)]
    return any(min(abs(x - share), abs(x - (1 - share))) <= _SHARE_SLACK for share in shares for x in found)


def _gives(part: str, lang: str, lead: tuple[text.Figure, ...], titled: int = 0) -> bool:
    if not lead:
        return False
    spelled = [*text.number_words(part, lang), *numerals.compound_numbers(text.words(part), lang)]
    figures = text.figures(part, lang) + [text.Figure(word, value, 0) for word, value in spelled]
    figures += _score_sides(figures)
    return any(f.matches(g) for f in figures for g in lead) or _gives_difference(figures, lead[:titled])


def _score_sides(figures: list[text.Figure]) -> list[text.Figure]:
    """A score written with a colon (94:87, as Polish and Ukrainian write it) gives its two
    sides, which a source writing 94-87 states as two figures."""
    return [
        text.Figure(side, Decimal(side), 0)
        for f in figures
        if f.raw.count(":") == 1
        for side in f.raw.split(":")
        if side.strip().isdigit()
    ]


def _gives_difference(figures: list[text.Figure], lead: tuple[text.Figure, ...]) -> bool:
    """A change the title counts ("elf Minuten schneller") given as its before and after ("27
    statt 38 Minuten"): two of the part's figures, at one scale, apart by the title's figure."""
    bare_counts = {g.value for g in lead if g.power == 0 and g.value > 1}
    return any(
        abs(a.value - b.value) in bare_counts for a in figures for b in figures if a is not b and a.power == b.power
    )
