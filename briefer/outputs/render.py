"""Briefings out: Markdown, safe standalone HTML (templates/briefing.html), briefing.json and
report.json; the day's files renamed into place together (report.json apart, by the CLI)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlparse

from markdown_it import MarkdownIt

from briefer.core.briefing_file import NAME as BRIEFING_JSON
from briefer.core.briefing_file import briefing_json
from briefer.core.files import Text, remove_stale_temps, write_all
from briefer.core.models import Article, ArticleOutcome, BriefedItem, Briefing, BriefingEntry, Usage
from briefer.core.report import RunEnd, RunReport
from briefer.core.spill import Stream
from briefer.core.templating import render_page
from briefer.lang.wording import LABELS

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape_markdown(text: str) -> str:
    """Model text is data: escaped, it can form no link, image, HTML or heading."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def safe_url(url: str | None) -> str | None:
    if url and urlparse(url).scheme in ("http", "https") and not re.search(r"[\s<>()\"']", url):
        return url
    return None


def source_links(article: Article) -> list[tuple[str | None, str]]:
    """(safe url or None, text) for the article's source and each merged duplicate: the
    first by its title, the others by number; a file is named where there is no link."""
    links = []
    for number, where in enumerate((article.url or article.source, *article.also_from), 1):
        url = safe_url(where)
        text = article.title if number == 1 else str(number)
        links.append((url, text if url else f"{text} ({Path(where).name})"))
    return links


def _source_line(article: Article, label: str) -> str:
    links = [
        f"[{escape_markdown(text)}]({url})" if url else escape_markdown(text) for url, text in source_links(article)
    ]
    return f"*{label}: {' · '.join(links)}*"


def _entry_markdown(entry: BriefingEntry, labels: dict[str, str]) -> list[str]:
    fate, source = entry.fate, _source_line(entry.article, labels["source"])
    if not fate.published:
        label = labels["failed"] if fate.status == "failed" else labels["missing"]
        refused = [f"> {escape_markdown(line)}" for line in refused_lines(entry.item)]
        reasons = [f"- {escape_markdown(reason)}" for reason in fate.reasons] if fate.checks else []
        return [
            f"## ⚠ {label} ({escape_markdown(', '.join(fate.checks) or fate.line)})",
            "",
            *refused,
            "",
            *reasons,
            "",
            source,
            "",
        ]
    lines = [
        f"## {escape_markdown(entry.published_item.headline)}",
        "",
        f"*{escape_markdown(entry.standing.mark(labels))}*",
        "",
    ]
    lines += [f"- {escape_markdown(bullet)}" for bullet in entry.published_item.bullets]
    if fate.status == "flagged":
        lines += ["", f"> ⚑ {labels['flagged']}: {escape_markdown(fate.why)}"]
    return lines + ["", source, ""]


def refused_lines(item: BriefedItem | None) -> list[str]:
    """A refused item's text, for the editor to judge the refusal; not when it was refused
    for leakage (it is prompt, injection or markup material, not a brief)."""
    if item is None or any(f.check == "leakage" for f in item.verdict.failures):
        return []
    return [line for line in item.verdict.item.text().splitlines() if line]


def _markdown_parts(briefing: Briefing) -> Iterator[str]:
    """The briefing's markdown in blocks: its head, then one block per entry."""
    labels = LABELS[briefing.lang]
    prompts = sorted({str(e.item.prompt) for e in briefing.entries if e.item})
    yield "\n".join(
        [
            f"# {escape_markdown(briefing.title) or labels['title']} — {briefing.date.isoformat()}",
            "",
            f"*{labels['made']}: {escape_markdown(briefing.model)}, {', '.join(prompts) or '-'}*",
            "",
        ]
    )
    for entry in briefing.entries:
        if not entry.developing:
            yield "\n".join(_entry_markdown(entry, labels))
    developing = [_developing_line(entry, labels) for entry in briefing.entries if entry.developing]
    if developing:
        yield "\n".join([f"## {labels['developing']}", "", *developing, ""])


def _developing_line(entry: BriefingEntry, labels: dict[str, str]) -> str:
    """A repeat in one line: its headline, since when, its source."""
    flag = f" ⚑ {labels['flagged']}: {escape_markdown(entry.fate.why)}." if entry.fate.status == "flagged" else ""
    return (
        f"- {escape_markdown(entry.published_item.headline)} — {escape_markdown(entry.standing.mark(labels))}."
        f"{flag} {_source_line(entry.article, labels['source'])}"
    )


def briefing_markdown(briefing: Briefing) -> str:
    return "\n".join(_markdown_parts(briefing)).rstrip() + "\n"


def _markdown_renderer() -> MarkdownIt:
    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    renderer.disable("image")  # no remote images, whatever the text says
    return renderer


def briefing_html(briefing: Briefing) -> Iterator[str]:
    """Block by block: markdown-it's tokens for a whole day of items would take hundreds of MB.
    Every block starts a new paragraph or heading, so the result is the same."""
    renderer = _markdown_renderer()
    title = f"{briefing.title or LABELS[briefing.lang]['title']} — {briefing.date.isoformat()}"
    blocks = (renderer.render(part) for part in _markdown_parts(briefing))
    return render_page("briefing.html", lang=briefing.lang, title=title, blocks=blocks)


def run_report_json(report: RunReport, end: RunEnd | None = None) -> Iterator[str]:
    """report.json: what happened to every article and language in this run, for cron and
    whoever reads its mail; in pieces, one article at a time (as `json.dumps(..., indent=2)`
    would write it whole: a day of 100,000 articles is never one dict and one string)."""
    end = end or RunEnd()
    document = {
        "date": report.date.isoformat(),
        "exit_code": end.exit_code(report),
        "model": report.model,
        "written": report.written,
        "flagged": report.flagged,
        "expected": report.expected,
        "model_calls": report.model_calls,
        "http_retries": report.http_retries,
        "usage": report.usage().model_dump(),
        "usage_by_stage": _usage_by_stage(report),
        "estimate": report.estimate,
        "cost": report.cost,
        "skipped": list(report.skipped),
        "format_fallback": report.format_fallback or None,
        "aborted": report.aborted or None,
        "problems": report.problems(end),
        "merged": list(report.merged),
        "waiting": [{"source": o.article.source, "reason": o.waiting} for o in report.waiting],
        "ranked_out": list(report.ranked_out),
        "memory": end.memory or None,
        "delivery": end.delivery or None,
        "review": end.review or None,
        "seconds": end.timing.model_dump(),
    }
    yield json.dumps(document, ensure_ascii=False, indent=2)[:-2] + ',\n  "articles": ['
    for index, outcome in enumerate(report.outcomes):
        article = json.dumps(_report_article(report, outcome), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield ("," if index else "") + "\n    " + article
    yield ("\n  ]" if report.outcomes else "]") + "\n}\n"


def _report_article(report: RunReport, outcome: ArticleOutcome) -> dict:
    standing = report.standing_of(outcome.article.id)
    return {
        "source": outcome.article.source,
        "novelty": standing.novelty,
        "rank": standing.rank,
        "languages": {lang: outcome.fate(lang).line for lang in report.languages},
        "attempts": sum(item.attempts for item in outcome.items),
        # the checks that refused each attempt, per language: what re-asks fixed (bench/reasks.py)
        "refused": {
            item.verdict.item.lang: [list(checks) for checks in item.refused]
            for item in outcome.items
            if any(item.refused)
        },
    }


def _usage_by_stage(report: RunReport) -> dict:
    by_language = {lang: Usage() for lang in report.languages}
    digest = Usage()
    for outcome in report.outcomes:
        digest = digest + outcome.digest_usage
        for item in outcome.items:
            by_language[item.verdict.item.lang] = by_language[item.verdict.item.lang] + item.usage
    return {"digest": digest.model_dump(), "brief": {lang: usage.model_dump() for lang, usage in by_language.items()}}


def briefing_for(report: RunReport, lang: str, title: str = "") -> Briefing:
    """The day in one language; its entries made as they are read, from the run's outcomes."""

    def entries() -> Iterator[BriefingEntry]:
        for outcome in report.outcomes:
            yield BriefingEntry(
                article=outcome.article,
                item=outcome.item_in(lang),
                fate=outcome.fate(lang),
                standing=report.standing_of(outcome.article.id),
            )

    return Briefing(lang=lang, date=report.date, model=report.model, entries=Stream(entries), title=title)


def write_outputs(
    report: RunReport, out_dir: Path, more: Iterable[tuple[str, Text]] = (), title: str = ""
) -> list[Path]:
    """briefing.<lang>.md and .html per language, briefing.json, and `more` ((name, text)
    pairs), in out_dir/<date>/, all renamed into place only once all are written."""
    day_dir = out_dir / report.date.isoformat()
    remove_stale_temps(day_dir)

    def files() -> Iterator[tuple[Path, Text]]:  # one at a time: a day of 10,000 items is never all in memory
        for name, text in more:
            yield day_dir / name, text
        for lang in report.languages:
            briefing = briefing_for(report, lang, title)
            yield day_dir / f"briefing.{lang}.md", briefing_markdown(briefing)
            yield day_dir / f"briefing.{lang}.html", briefing_html(briefing)
        yield day_dir / BRIEFING_JSON, briefing_json(report)

    return write_all(files())
