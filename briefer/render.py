"""Briefings out: Markdown, safe standalone HTML, and the run's JSON; every file written atomically."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlparse

from markdown_it import MarkdownIt

from .files import Text, remove_stale_temps, write_all
from .languages import LABELS
from .models import Article, ArticleOutcome, BriefedItem, Briefing, BriefingEntry, RunReport, Usage

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape_markdown(text: str) -> str:
    """Model text is data: escaped, it can form no link, image, HTML or heading."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def safe_url(url: str | None) -> str | None:
    if url and urlparse(url).scheme in ("http", "https") and not re.search(r"[\s<>()\"']", url):
        return url
    return None


def _source_line(article: Article, label: str) -> str:
    url = safe_url(article.url)
    title = escape_markdown(article.title)
    where = f"[{title}]({url})" if url else f"{title} ({escape_markdown(Path(article.source).name)})"
    others = []
    for number, other in enumerate(article.also_from, 2):
        link = safe_url(other)
        others.append(f"[{number}]({link})" if link else escape_markdown(Path(other).name))
    return f"*{label}: {where}{' · ' + ' · '.join(others) if others else ''}*"


def _entry_markdown(entry: BriefingEntry, labels: dict[str, str]) -> list[str]:
    item = entry.item
    if item is None or not item.passed:
        checks = ", ".join(sorted({f.check for f in item.verdict.failures})) if item else escape_markdown(entry.error)
        heading = labels["failed"] if item else labels["missing"]
        refused = [f"> {escape_markdown(line)}" for line in refused_text(item).splitlines() if line] if item else []
        reasons = [f"- {f.check}: {escape_markdown(f.message)}" for f in item.verdict.failures] if item else []
        return [f"## ⚠ {heading} ({checks})", "", *refused, "", *reasons, "",
                _source_line(entry.article, labels["source"]), ""]
    lines = [f"## {escape_markdown(item.verdict.item.headline)}", ""]
    lines += [f"- {escape_markdown(bullet)}" for bullet in item.verdict.item.bullets]
    if item.verdict.flags:
        lines += ["", f"> ⚑ {labels['flagged']}: {escape_markdown(flag_text(item))}"]
    return lines + ["", _source_line(entry.article, labels["source"]), ""]


def refused_text(item: BriefedItem) -> str:
    """A refused item's text, for the editor to judge the refusal; not when it was refused
    for leakage (it is prompt, injection or markup material, not a brief)."""
    return "" if any(f.check == "leakage" for f in item.verdict.failures) else item.verdict.item.text()


def flag_text(item: BriefedItem) -> str:
    """What the checks that only flag found: "names: names not in the source: X"."""
    return "; ".join(f"{f.check}: {f.message}" for f in item.verdict.flags)


def _markdown_parts(briefing: Briefing) -> Iterator[str]:
    """The briefing's markdown in blocks: its head, then one block per entry."""
    labels = LABELS[briefing.lang]
    prompts = sorted({str(e.item.prompt) for e in briefing.entries if e.item})
    yield "\n".join([f"# {escape_markdown(briefing.title) or labels['title']} — {briefing.date.isoformat()}", "",
                     f"*{labels['made']}: {escape_markdown(briefing.model)}, {', '.join(prompts) or '-'}*", ""])
    for entry in briefing.entries:
        yield "\n".join(_entry_markdown(entry, labels))


def briefing_markdown(briefing: Briefing) -> str:
    return "\n".join(_markdown_parts(briefing)).rstrip() + "\n"


def _markdown_renderer() -> MarkdownIt:
    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    renderer.disable("image")  # no remote images, whatever the text says
    return renderer


_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }}
h1 {{ font-size: 1.6rem; }} h2 {{ font-size: 1.2rem; margin-top: 2rem; }}
em {{ color: #555; }}
</style>
</head>
<body>
{body}</body>
</html>
"""


def briefing_html(briefing: Briefing) -> str:
    """Block by block: markdown-it's tokens for a whole day of items would take hundreds of MB.
    Every block starts a new paragraph or heading, so the result is the same."""
    renderer = _markdown_renderer()
    body = "".join(renderer.render(part) for part in _markdown_parts(briefing))
    title = f"{briefing.title or LABELS[briefing.lang]['title']} — {briefing.date.isoformat()}"
    return _PAGE.format(lang=briefing.lang, title=html.escape(title), body=body)


def _item_json(item: BriefedItem) -> dict:
    verdict = item.verdict
    return {
        "lang": verdict.item.lang,
        "status": ("flagged" if item.verdict.flags else "passed") if item.passed else "failed",
        "headline": verdict.item.headline,
        "bullets": list(verdict.item.bullets),
        "checks": [result.model_dump() for result in verdict.results],
        "prompt": str(item.prompt),
        "prompt_sha256": item.prompt.sha256,
        "model": item.model,
        "usage": item.usage.model_dump(),
        "attempts": item.attempts,
        "from_digest": item.from_digest,
    }


def report_json(report: RunReport) -> Iterator[str]:
    """briefing.json in pieces, one article at a time: for ten thousand articles the whole
    document as one dict and one string took ~150 MB."""
    head = {
        "date": report.date.isoformat(), "languages": list(report.languages), "model": report.model,
        "written": report.written, "expected": report.expected, "usage": report.usage().model_dump(),
        "problems": report.problems(), "rejected_sources": list(report.rejected_sources),
    }
    yield json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "articles": ['
    for index, outcome in enumerate(report.outcomes):
        article = json.dumps(_article_json(outcome), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield ("," if index else "") + "\n    " + article
    yield ("\n  ]" if report.outcomes else "]") + "\n}\n"


def _article_json(outcome: ArticleOutcome) -> dict:
    article = outcome.article
    return {
        "id": article.id, "title": article.title, "source": article.source, "url": article.url,
        "also_from": list(article.also_from),
        "published": article.published, "lang": article.lang,
        "digest": list(outcome.digest.facts) if outcome.digest else None,
        "digest_usage": outcome.digest_usage.model_dump(),
        "items": [_item_json(item) for item in outcome.items],
        "errors": list(outcome.errors),
    }


def run_report_json(report: RunReport, exit_code: int) -> str:
    """What happened to every article and language in this run: for cron and whoever reads its mail."""
    articles = []
    for outcome in report.outcomes:
        fates = {item.verdict.item.lang: _fate(item) for item in outcome.items}
        for lang in report.languages:
            fates.setdefault(lang, f"waiting for the next run: {outcome.waiting}" if outcome.waiting
                             else "not briefed: " + ("; ".join(outcome.errors) or "no reply"))
        articles.append({"source": outcome.article.source, "languages": fates,
                         "attempts": sum(item.attempts for item in outcome.items)})
    by_language = {lang: Usage() for lang in report.languages}
    digest = Usage()
    for outcome in report.outcomes:
        digest = digest + outcome.digest_usage
        for item in outcome.items:
            by_language[item.verdict.item.lang] = by_language[item.verdict.item.lang] + item.usage
    document = {"date": report.date.isoformat(), "exit_code": exit_code, "model": report.model,
                "written": report.written, "flagged": report.flagged, "expected": report.expected, "model_calls": report.model_calls,
                "http_retries": report.http_retries, "usage": report.usage().model_dump(),
                "usage_by_stage": {"digest": digest.model_dump(), "brief": {l: u.model_dump() for l, u in by_language.items()}},
                "estimate": report.estimate, "cost": report.cost, "skipped": list(report.skipped),
                "format_fallback": report.format_fallback or None,
                "aborted": report.aborted or None, "problems": report.problems(), "merged": list(report.merged),
                "waiting": [{"source": o.article.source, "reason": o.waiting} for o in report.waiting],
                "articles": articles}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _fate(item: BriefedItem) -> str:
    if not item.passed:
        return "failed: " + ", ".join(f"{f.check} ({f.message})" for f in item.verdict.failures)
    return "flagged: " + flag_text(item) if item.verdict.flags else "passed"


def briefing_for(report: RunReport, lang: str, title: str = "") -> Briefing:
    entries = []
    for outcome in report.outcomes:
        item = next((i for i in outcome.items if i.verdict.item.lang == lang), None)
        error = f"waiting for the next run: {outcome.waiting}" if outcome.waiting else "; ".join(outcome.errors)
        entries.append(BriefingEntry(article=outcome.article, item=item, error=error))
    return Briefing(lang=lang, date=report.date, model=report.model, entries=tuple(entries), title=title)


def write_outputs(report: RunReport, out_dir: Path, more: Iterable[tuple[str, str]] = (), title: str = "") -> list[Path]:
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
        yield day_dir / "briefing.json", report_json(report)

    return write_all(files())
