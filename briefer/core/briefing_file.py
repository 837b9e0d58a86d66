"""A day's briefing.json, written and read here only: every article and item of the day with
its checks, the story it tells (from which a lost memory is rebuilt) and a head that lists
the day (desk, items written and expected). Its `schema` says which shape a reader meets;
days written before it had one are schema 1."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Iterator

from briefer.core.models import ArticleOutcome, BriefedItem, Standing
from briefer.core.report import RunReport

NAME = "briefing.json"
SCHEMA = 2  # 2: the head carries "schema"; 1: days written before it
DEFAULT_DESK = "briefer"  # the desk of a run that names none, and of days written before desks were named
PUBLISHED = ("passed", "flagged")  # an item's statuses that readers got
DAY_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"  # a day's folder: out/<day>/, out/<desk>/<day>/
_ARTICLES_LINE = '  "articles": ['  # the head ends before this line: what `read_head` reads up to


def day_files(out_dir: Path) -> list[Path]:
    """Every day's briefing.json in an output folder: the default desk's and each named desk's."""
    return [*out_dir.glob(f"{DAY_GLOB}/{NAME}"), *out_dir.glob(f"*/{DAY_GLOB}/{NAME}")]


def day_of(path: Path) -> date:
    return date.fromisoformat(path.parent.name)


def briefing_json(report: RunReport) -> Iterator[str]:
    """briefing.json in pieces, one article at a time: for ten thousand articles the whole
    document as one dict and one string took ~150 MB."""
    head = {
        "schema": SCHEMA,
        "date": report.date.isoformat(),
        "desk": report.desk,
        "languages": list(report.languages),
        "model": report.model,
        "written": report.written,
        "expected": report.expected,
        "usage": report.usage().model_dump(),
        "problems": report.problems(),
        "rejected_sources": list(report.rejected_sources),
    }
    yield json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ",\n" + _ARTICLES_LINE
    for index, outcome in enumerate(report.outcomes):
        article = json.dumps(
            _article_json(outcome, report.standing_of(outcome.article.id)), ensure_ascii=False, indent=2
        ).replace("\n", "\n    ")
        yield ("," if index else "") + "\n    " + article
    yield ("\n  ]" if report.outcomes else "]") + "\n}\n"


def _article_json(outcome: ArticleOutcome, standing: Standing) -> dict:
    article = outcome.article
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "also_from": list(article.also_from),
        "published": article.published,
        "lang": article.lang,
        "standing": standing.explained(),
        "story": json.loads(standing.story) if standing.story else None,
        "digest": list(outcome.digest.facts) if outcome.digest else None,
        "digest_usage": outcome.digest_usage.model_dump(),
        "items": [_item_json(item, outcome) for item in outcome.items],
        "errors": list(outcome.errors),
    }


def _item_json(item: BriefedItem, outcome: ArticleOutcome) -> dict:
    verdict = item.verdict
    return {
        "lang": verdict.item.lang,
        "status": outcome.fate(verdict.item.lang).status,  # "passed", "flagged" or "failed"
        "headline": verdict.item.headline,
        "bullets": list(verdict.item.bullets),
        "evidence": [list(cited) for cited in verdict.item.evidence],  # per bullet, its source sentences
        "checks": [result.model_dump() for result in verdict.results],
        "prompt": str(item.prompt),
        "prompt_sha256": item.prompt.sha256,
        "model": item.model,
        "usage": item.usage.model_dump(),
        "attempts": item.attempts,
        "from_digest": item.from_digest,
    }


def read_head(path: Path) -> dict | None:
    """The head of a briefing.json (schema, desk, written, expected, ...), read line by line up
    to its articles: a day of ten thousand items is not parsed whole to list it. None when the
    file is unreadable or not one this module wrote."""
    lines = []
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(_ARTICLES_LINE):
                    break
                lines.append(line)
            else:
                return None
        head = json.loads("".join(lines).rstrip().rstrip(",") + "\n}")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(head, dict) or "written" not in head:
        return None
    return {"schema": 1, "desk": DEFAULT_DESK, **{k: v for k, v in head.items() if v is not None}}


def read_day(path: Path) -> dict:
    """The whole document (raises OSError or ValueError when it cannot be read)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict):
        raise ValueError(f"{path}: not a briefing.json")
    document.setdefault("schema", 1)
    document["desk"] = document.get("desk") or DEFAULT_DESK
    return document
