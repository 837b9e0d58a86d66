"""For the desk: one page with every language (index.html) and an Atom feed per language.

The page needs no script and no external asset: the language switcher is anchors and
CSS (:target), failed items are shown as failed, and the run manifest sits at its foot.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from datetime import datetime, time, timezone
from pathlib import Path
from typing import Iterator

from .models import Article, BriefedItem, RunReport
from .languages import LABELS, NATIVE_NAMES
from .render import briefing_for, flag_text, refused_text, safe_url
ATOM = "http://www.w3.org/2005/Atom"

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; line-height: 1.5; }
header, main, footer { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
nav { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
nav a { padding: .3rem .7rem; border: 1px solid #888; border-radius: 1rem; text-decoration: none; color: inherit; }
.banner { background: #b00020; color: #fff; padding: .7rem 1rem; font-weight: bold; }
.lang { display: none; }
.lang:first-of-type { display: block; }
main:has(.lang:target) .lang { display: none; }
main:has(.lang:target) .lang:target { display: block; }
article { background: #fff; border-radius: .5rem; padding: .5rem 1rem; margin: 1rem 0; box-shadow: 0 1px 3px #0002; }
article.failed { border-left: .4rem solid #b00020; }
article.flagged { border-left: .4rem solid #c77700; }
p.flag { color: #8a5300; }
.sources, footer { font-size: .9rem; color: #555; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
td, th { border-bottom: 1px solid #ddd; padding: .2rem .4rem; text-align: left; vertical-align: top; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _sources_html(article: Article, label: str) -> str:
    links = []
    for number, where in enumerate((article.url or article.source, *article.also_from), 1):
        url = safe_url(where)
        name = article.title if number == 1 else f"{number}"
        links.append(f'<a href="{_e(url)}">{_e(name)}</a>' if url else _e(f"{name} ({Path(where).name})"))
    return f'<p class="sources">{_e(label)}: {" · ".join(links)}</p>'


def _item_html(article: Article, item: BriefedItem | None, error: str, labels: dict[str, str]) -> str:
    if item is None or not item.passed:
        reasons = "; ".join(f"{f.check}: {f.message}" for f in item.verdict.failures) if item else error
        refused = "".join(f"<p>{_e(line)}</p>" for line in refused_text(item).splitlines() if line) if item else ""
        return (f'<article class="failed"><h3>⚠ {_e(labels["failed"] if item else labels["missing"])}</h3>'
                f'<blockquote>{refused}</blockquote><p>{_e(reasons)}</p>{_sources_html(article, labels["source"])}'
                f'</article>')
    bullets = "".join(f"<li>{_e(b)}</li>" for b in item.verdict.item.bullets)
    flagged = (f'<p class="flag">⚑ {_e(labels["flagged"])}: {_e(flag_text(item))}</p>'
               if item.verdict.flags else "")
    opening = '<article class="flagged">' if flagged else "<article>"
    return (f'{opening}<h3>{_e(item.verdict.item.headline)}</h3>'
            f'<ul>{bullets}</ul>{flagged}{_sources_html(article, labels["source"])}</article>')


def _language_section(report: RunReport, lang: str) -> str:
    briefing = briefing_for(report, lang)
    labels = LABELS[lang]
    items = "".join(_item_html(e.article, e.item, e.error, labels) for e in briefing.entries)
    return (f'<section class="lang" id="{lang}" lang="{lang}"><h2>{_e(NATIVE_NAMES[lang])}</h2>{items}'
            f'</section>')


def manifest_lines(report: RunReport) -> list[tuple[str, str]]:
    """(source, fate) for every source the run saw."""
    rows = []
    for outcome in report.outcomes:
        failed = [i.verdict.item.lang for i in outcome.items if not i.passed]
        flagged = [i.verdict.item.lang for i in outcome.items if i.passed and i.verdict.flags]
        fate = "used"
        if outcome.digest:
            fate += f", digested first ({len(outcome.digest.facts)} facts; too long for the context)"
        if failed:
            fate += f", check failed in {', '.join(failed)}"
        if flagged:
            fate += f", flagged in {', '.join(flagged)}"
        if outcome.errors:
            fate = "; ".join(outcome.errors)
        if outcome.waiting:
            fate = f"waiting for the next run (temporary): {outcome.waiting}"
        rows.append((outcome.article.source, fate))
        rows += [(other, f"merged as duplicate of {outcome.article.source}") for other in outcome.article.also_from]
    rows += [(line.split(": ", 1)[0], "extraction failed: " + line.split(": ", 1)[-1]) for line in report.rejected_sources]
    return rows


def degraded(report: RunReport) -> bool:
    return bool(report.aborted or report.rejected_sources or report.written < report.expected)


def desk_page(report: RunReport, title: str) -> str:
    nav = "".join(f'<a href="#{lang}">{_e(NATIVE_NAMES[lang])}</a>' for lang in report.languages)
    banner = ""
    if degraded(report):
        banner = (f'<div class="banner" role="alert">Degraded run: {report.written} of {report.expected} items '
                  f'passed their checks{"; " + _e(report.aborted) if report.aborted else ""}. See the manifest below.</div>')
    sections = "".join(_language_section(report, lang) for lang in report.languages)
    usage = report.usage()
    manifest = "".join(f"<tr><td>{_e(source)}</td><td>{_e(fate)}</td></tr>" for source, fate in manifest_lines(report))
    return f"""<!DOCTYPE html>
<html lang="{report.languages[0]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{_e(title)} — {report.date.isoformat()}</title>
<style>{_STYLE}</style>
</head>
<body>
{banner}
<header><h1>{_e(title)} — {report.date.isoformat()}</h1><nav aria-label="Language">{nav}</nav></header>
<main>{sections}</main>
<footer><h2>Run manifest</h2>
<p>Model {_e(report.model)}; {usage.prompt_tokens} prompt tokens ({usage.cached_tokens} cached),
{usage.completion_tokens} completion tokens.</p>
<table><tr><th>Source</th><th>Fate</th></tr>{manifest}</table></footer>
</body>
</html>
"""


def atom_feed(report: RunReport, lang: str, desk: str) -> str:
    """Only passed items; ids stable across runs (article and language), so readers see no repeats."""
    ET.register_namespace("", ATOM)
    updated = datetime.combine(report.date, time(6, 0), tzinfo=timezone.utc).isoformat()
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    _text(feed, "id", f"urn:briefer:{desk}:{lang}")
    _text(feed, "title", f"{LABELS[lang]['title']} ({desk})")
    _text(feed, "updated", updated)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "briefer")
    for entry_data in briefing_for(report, lang).entries:
        item = entry_data.item
        if item is None or not item.passed:
            continue
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"urn:briefer:item:{entry_data.article.id[:32]}:{lang}")
        _text(entry, "title", item.verdict.item.headline)
        _text(entry, "updated", updated)
        url = safe_url(entry_data.article.url)
        if url:
            ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": url})
        flag = f" [⚑ {flag_text(item)}]" if item.verdict.flags else ""
        _text(entry, "summary", " ".join(item.verdict.item.bullets) + flag)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def desk_files(report: RunReport, desk: str, title: str) -> Iterator[tuple[str, str]]:
    """index.html and feed.<lang>.atom as (file name, text), made one at a time."""
    yield "index.html", desk_page(report, title)
    for lang in report.languages:
        yield f"feed.{lang}.atom", atom_feed(report, lang, desk)
