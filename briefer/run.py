"""One run, every stage in data-flow order: the function both `briefer run` and `briefer check` call.

    sources -> ingest -> dedupe -> budget -> (digest, brief, check: pipeline) -> render, publish
            -> report.json

The command line parses flags, calls `brief_sources`, prints what it returns and exits with
its code; the gate calls `brief_articles` on each fixture.
"""

from __future__ import annotations

import fcntl
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Callable, ContextManager, Iterator

from . import batch, budget, endpoint, langid, pipeline, prompts, schedule
from .config import Settings
from .dedupe import merge_duplicates
from .errors import EXIT_TEMPORARY, ConfigError, InputError, TemporaryError
from .fetch import FetchPolicy
from .files import write_atomic
from .ingest import read_sources
from .llm import LLM
from .models import Article
from .report import RunReport
from .publish import desk_files
from .render import run_report_json, write_outputs

Progress = Callable[[int, LLM], ContextManager[schedule.Progress]]  # (articles, model door) -> per-article callback


@dataclass(frozen=True)
class Plan:
    """What a run will brief, decided before any model call."""

    articles: list[Article]
    rejected: list[str]  # sources that could not be read, one line each
    merged: list[str]  # sources merged into another as the same story
    skipped: list[str]  # articles left out by max_items or the budget
    estimate: budget.Estimate


@dataclass
class RunResult:
    exit_code: int
    report: RunReport | None = None  # None while a Batch job is pending
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one line each, for the person running it


def plan_run(settings: Settings, sources: list[str]) -> Plan:
    """Ingest, dedupe and budget: no model is asked."""
    langid.warm_up(settings.languages)  # the checks' language models load while the sources are read
    policy = FetchPolicy(max_bytes=settings.fetch_max_bytes, timeout=settings.fetch_timeout,
                         max_entries=settings.feed_max_entries, allow=settings.fetch_allow)
    articles, rejected = read_sources(sources, policy)
    if not articles:
        raise InputError("no readable article in " + ", ".join(sources) + (": " + "; ".join(rejected) if rejected else ""))
    articles, merged = merge_duplicates(articles)
    articles, skipped, estimate = budget.within_budget(articles, settings)
    if not articles:
        raise InputError(f"every article is over the budget or max_items ({estimate.line}); raise --budget")
    return Plan(articles, rejected, merged, skipped, estimate)


def brief_articles(settings: Settings, llm: LLM, articles: list[Article], day: Date,
                   progress: schedule.Progress = lambda outcome: None) -> RunReport:
    """Digest, brief and check every article in every language."""
    briefer = _briefer(settings, llm)
    return schedule.run(settings, briefer, articles, day, progress)


def brief_sources(settings: Settings, sources: list[str], use_batch: bool = False,
                  progress: Progress = lambda total, llm: nullcontext(lambda outcome: None)) -> RunResult:
    """The whole run: plan, brief, write every output and report.json, under the output
    folder's lock."""
    plan = plan_run(settings, sources)
    day = settings.date or Date.today()
    if use_batch and settings.uses_embedded_model:
        raise ConfigError("--batch needs an endpoint with the Batch API: set OPENAI_BASE_URL")
    with _run_lock(settings.out_dir), endpoint.model_endpoint(settings) as llm:
        notes: list[str] = []
        if use_batch:
            pending, note = _advance_batch(settings, llm, plan.articles, day)
            notes += [note] if note else []
            if pending:
                return RunResult(EXIT_TEMPORARY, notes=notes)
        with progress(len(plan.articles), llm) as show:
            report = brief_articles(settings, llm, plan.articles, day, show)
        report = _with_plan(report, plan, settings)
        written = _write(report, settings, day)
    return RunResult(report.exit_code, report, written, notes)


def _briefer(settings: Settings, llm: LLM) -> pipeline.Briefer:
    return pipeline.Briefer(settings, llm, prompts.load_prompt(settings.prompts_dir, "brief"),
                            prompts.load_prompt(settings.prompts_dir, "digest"))


def _advance_batch(settings: Settings, llm: LLM, articles: list[Article], day: Date) -> tuple[bool, str]:
    briefer = _briefer(settings, llm)
    requests = [request for article in articles for request in briefer.first_requests(article)]
    return batch.advance(llm, requests, batch.state_path(settings.out_dir, day.isoformat()))


def _with_plan(report: RunReport, plan: Plan, settings: Settings) -> RunReport:
    return report.model_copy(update={
        "rejected_sources": tuple(plan.rejected), "merged": tuple(plan.merged), "skipped": tuple(plan.skipped),
        "estimate": plan.estimate.line, "cost": budget.cost_report(plan.estimate, report.usage(), settings)})


def _write(report: RunReport, settings: Settings, day: Date) -> list[Path]:
    """Every output, then report.json: still inside the lock, so a second run never finds the
    briefing without its report. Failed items stay on the page with their reasons, even when
    none was published."""
    written: list[Path] = []
    if report.items():
        title = settings.title if "title" in settings.model_fields_set else ""  # a desk's own title
        written = write_outputs(report, settings.out_dir, desk_files(report, settings.desk, settings.title), title)
    write_atomic(settings.out_dir / day.isoformat() / "report.json", run_report_json(report, report.exit_code))
    return written


@contextmanager
def _run_lock(out_dir: Path) -> Iterator[None]:
    """One run per output folder at a time; a second one exits 75 at once and touches nothing."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / ".briefer.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise TemporaryError(f"another briefer run holds the lock on {out_dir}; try again later") from None
        yield
