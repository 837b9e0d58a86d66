"""For the desk: one page with every language (index.html, templates/desk.html) and the
run manifest, every value escaped by the templates. What readers get is the edition (edition.py)."""

from __future__ import annotations

from typing import Collection, Iterator, NamedTuple

from briefer.core.files import Text
from briefer.core.models import ArticleOutcome, BriefingEntry, Fate
from briefer.core.report import RunReport
from briefer.core.spill import Stream
from briefer.core.templating import render_page
from briefer.lang.languages import NATIVE_NAMES
from briefer.lang.wording import LABELS
from briefer.outputs.edition import DayLinks
from briefer.outputs.render import briefing_for, refused_lines, source_links


class Card(NamedTuple):
    """One article in one language as the desk page shows it."""

    fate: Fate
    headline: str
    bullets: tuple[str, ...]
    evidence: tuple[tuple[str, ...], ...]  # per bullet, the source sentences it cites (empty: none given)
    refused: list[str]  # a refused item's lines, for the editor to judge the refusal
    links: list[tuple[str | None, str]]
    novelty: str  # "new", "update", "repeat"
    mark: str  # the novelty in the language's words, with since when and what is new
    developing: bool  # a published repeat: one line under "still developing"
    held: bool = False  # held for an editor: out of the edition until approved (briefer review)


def _card(entry: BriefingEntry, lang: str, held: bool = False) -> Card:
    item = entry.item.verdict.item if entry.item else None
    return Card(
        fate=entry.fate,
        headline=item.headline if item else "",
        bullets=item.bullets if item else (),
        evidence=item.evidence if item else (),
        refused=refused_lines(entry.item),
        links=source_links(entry.article),
        novelty=entry.standing.novelty,
        mark=entry.standing.mark(LABELS[lang]),
        developing=entry.developing,
        held=held,
    )


def _cards(report: RunReport, lang: str, held: frozenset[tuple[str, str]]) -> Stream[Card]:
    """Made as the page reads them (twice: the news, then what is still developing)."""
    entries = briefing_for(report, lang).entries
    return Stream(lambda: (_card(entry, lang, (entry.article.id, lang) in held) for entry in entries))


def manifest_lines(report: RunReport) -> Iterator[tuple[str, str]]:
    """(source, what became of it) for every source the run saw."""
    for outcome in report.outcomes:
        yield outcome.article.source, _article_line(outcome, report.languages)
        for other in outcome.article.also_from:
            yield other, f"merged as duplicate of {outcome.article.source}"
    for line in report.rejected_sources:
        yield line.split(": ", 1)[0], "extraction failed: " + line.split(": ", 1)[-1]
    for line in (*report.ranked_out, *report.skipped):
        yield line.split(": ", 1)[0], line.split(": ", 1)[-1]


def _article_line(outcome: ArticleOutcome, languages: tuple[str, ...]) -> str:
    """One line for an article over all its languages, from each language's fate."""
    fates = {lang: outcome.fate(lang) for lang in languages}
    if not outcome.items:  # waiting, or not briefed: the same in every language
        return fates[languages[0]].line
    line = "used"
    if outcome.digest:
        line += f", digested first ({len(outcome.digest.facts)} facts; too long for the context)"
    for status, said in (("failed", "check failed in"), ("flagged", "flagged in"), ("not briefed", "not briefed in")):
        langs = [lang for lang, fate in fates.items() if fate.status == status]
        line += f", {said} {', '.join(langs)}" if langs else ""
    return line


def degraded(report: RunReport) -> bool:
    return bool(report.aborted or report.rejected_sources or report.written < report.expected)


def desk_page(
    report: RunReport, title: str, days: DayLinks | None = None, held: Collection[tuple[str, str]] = ()
) -> Iterator[str]:
    """The desk's page: every item with its fate; `held` (article id, language) are held for
    an editor, and the page says so."""
    return render_page(
        "desk.html",
        lang=report.languages[0],
        title=f"{title} — {report.date.isoformat()}",
        report=report,
        degraded=degraded(report),
        usage=report.usage(),
        labels=LABELS,
        languages=[(lang, NATIVE_NAMES[lang]) for lang in report.languages],
        cards=lambda lang: _cards(report, lang, frozenset(held)),
        manifest=manifest_lines(report),
        days=days or DayLinks(),
    )


def desk_files(
    report: RunReport,
    held: Collection[tuple[str, str]],
    desk: str,
    title: str,
    days: DayLinks | None = None,
) -> Iterator[tuple[str, Text]]:
    """index.html as (file name, text), made as it is written (the feeds are the edition's)."""
    yield "index.html", desk_page(report, title, (days or DayLinks()).to("index.html"), held)
