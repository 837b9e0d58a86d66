"""One run, every stage in data-flow order: the function both `briefer run` and `briefer check` call.

    sources -> ingest -> dedupe -> memory (new / update / repeat) -> ranking -> budget
            -> (digest, brief, check: pipeline) -> render, publish, archive -> memory
            -> deliver -> report.json

The command line parses flags, calls `brief_sources`, prints what it returns and exits with
its code; the gate calls `brief_articles` on each fixture.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from itertools import chain
from pathlib import Path
from typing import Callable, ContextManager, Sequence

from briefer.app import schedule
from briefer.briefing import pipeline, prompts
from briefer.core.errors import (
    EXIT_OK,
    EXIT_TEMPORARY,
    BrieferError,
    BudgetSpentError,
    ConfigError,
    InputError,
    Interrupted,
    MissingSource,
    NothingToBrief,
    SourceUnavailable,
)
from briefer.core.files import desk_lock, keep_tables_in, write_atomic
from briefer.core.models import Article, Standing
from briefer.core.report import RunEnd, RunReport, Timing
from briefer.core.spill import SpillMap
from briefer.delivery.deliver import DeliveryReport, check_environment, deliver, undelivered_days
from briefer.lang.langid import LanguageIdentifier
from briefer.model import batch, budget, endpoint
from briefer.model.llm import LLM
from briefer.outputs import archive, edition
from briefer.outputs.publish import desk_files
from briefer.outputs.render import run_report_json, write_outputs
from briefer.review import release
from briefer.settings.config import Settings
from briefer.sources.dedupe import merge_duplicates
from briefer.sources.fetch import FetchPolicy
from briefer.sources.ingest import read_sources
from briefer.stories import ranking
from briefer.stories.memory import StoryMatch, StoryMemory
from briefer.stories.story import facts_from_json as story_facts_from
from briefer.stories.story import facts_json, story_facts

DELIVERY_LOG = release.DELIVERY_LOG  # in out_dir, shared by the desks
CATCH_UP_DAYS = 3  # a day written but never delivered goes out with a later run within this many days
# (articles, languages, model door) -> what the run tells its display
Display = Callable[[int, int, LLM], ContextManager[schedule.Watch]]


Plan = schedule.Plan


@dataclass
class RunResult:
    exit_code: int
    report: RunReport | None = None  # None while a Batch job is pending
    end: RunEnd = field(default_factory=RunEnd)  # what happened after the files were written
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one line each, for the person running it


def plan_run(settings: Settings, sources: list[str], memory: StoryMemory | None = None) -> Plan:
    """Ingest, dedupe, the story memory's verdicts, ranking and budget: no model is asked."""
    keep_tables_in(settings.cache_dir)
    policy = FetchPolicy(
        max_bytes=settings.fetch_max_bytes,
        timeout=settings.fetch_timeout,
        max_entries=settings.feed_max_entries,
        allow=settings.fetch_allow,
    )
    articles, rejections = read_sources(sources, policy, settings.max_source_bytes)
    rejected = [rejection.message for rejection in rejections]
    if not articles:
        raise _nothing_readable(sources, rejections)
    articles, merged = merge_duplicates(articles)
    day = run_day(settings)
    ranked = ranking.rank(articles, _novelties(articles, memory, day), settings.priority, day)
    ranked, ranked_out = ranking.top(ranked, settings.max_items)
    if settings.repeats == "skip":
        ranked, repeats = _without_repeats(ranked)
        ranked_out += repeats
    if not ranked and ranked_out:
        raise NothingToBrief(f"nothing new to brief: {len(ranked_out)} stories are repeats the desk skips (repeats)")
    articles, skipped, estimate = budget.within_budget((article for article, _ in ranked), settings)
    if not articles:
        raise BudgetSpentError(f"every article is over the budget ({estimate.line})")
    # the articles are on disk (Spills) from the sources on: every stage reads them one at a time
    standing = SpillMap((article.id, s) for article, s in ranked)
    return Plan(articles, rejected, merged, skipped, estimate, standing, ranked_out)


def _nothing_readable(sources: list[str], rejections: list[InputError]) -> BrieferError:
    """Why no article could be read, with the exit code cron acts on: 75 when a source may be
    readable later, 2 when the command line named only paths that are not there, else 1."""
    line = "no readable article in " + ", ".join(sources)
    line += (": " + "; ".join(r.message for r in rejections)) if rejections else ""
    if any(isinstance(r, SourceUnavailable) for r in rejections):
        return SourceUnavailable(line + "; try again later")
    if rejections and all(isinstance(r, MissingSource) for r in rejections):
        return MissingSource(line)
    return BrieferError(line)


def run_day(settings: Settings) -> Date:
    return settings.date or Date.today()


def _novelties(articles: Sequence[Article], memory: StoryMemory | None, day: Date) -> SpillMap[str, Standing]:
    """Each article against the desk's earlier days (all new without a memory: the dry run)."""
    standing: SpillMap[str, Standing] = SpillMap()
    for article in articles:
        facts = story_facts(article)
        novelty = memory.classify(facts, day) if memory else StoryMatch("new", None, (), (), facts.key)
        # Kept as the compact JSON briefing.json stores, not as StoryFacts: ~0.5 KB against ~6 KB
        # an article, which 100,000 articles would hold until the memory records them.
        compact = json.dumps(facts_json(facts), ensure_ascii=False, separators=(",", ":"))
        standing[article.id] = Standing(
            novelty=novelty.kind,
            first_seen=novelty.first_seen,
            new_facts=(*novelty.new_numbers, *novelty.new_names),
            story=compact,
        )
    return standing


def _without_repeats(ranked: ranking.Ranked) -> tuple[ranking.Ranked, list[str]]:
    kept, repeats = ranked.split(lambda s: s.novelty != "repeat")
    left = [
        f"{article.source}: a repeat of a story published since {s.first_seen}, with nothing new; "
        f'left out (repeats = "skip")'
        for article, s in repeats
    ]
    return kept, left


def brief_articles(
    settings: Settings,
    llm: LLM,
    identifier: LanguageIdentifier,
    articles: Sequence[Article] | Plan,
    day: Date,
    watch: schedule.Watch = schedule.UNWATCHED,
) -> RunReport:
    """Digest, brief and check every article (of the plan) in every language."""
    keep_tables_in(settings.cache_dir)
    plan = articles if isinstance(articles, Plan) else Plan(articles)
    return schedule.brief_all(settings, _briefer(settings, llm, identifier, watch.item), plan, day, watch)


def brief_sources(
    settings: Settings,
    sources: list[str],
    use_batch: bool = False,
    progress: Display = lambda articles, languages, llm: nullcontext(schedule.UNWATCHED),
) -> RunResult:
    """The whole run, under the desk folder's lock: plan, brief, write every output, remember
    what was published, renew the feeds and the archive, deliver, and report."""
    if use_batch and settings.uses_embedded_model:
        raise ConfigError("--batch needs an endpoint with the Batch API: set OPENAI_BASE_URL")
    if settings.deliver:
        check_environment(settings.deliver)  # a missing secret stops the run before it spends anything
    day, notes, started = run_day(settings), list[str](), time.monotonic()
    # the identifier's worker loads the checks' language models while the sources are read
    with desk_lock(settings.desk_dir), LanguageIdentifier(settings.languages) as identifier:
        memory, memory_note = StoryMemory.open(settings.out_dir, settings.desk, settings.memory_days)
        try:
            try:
                plan = plan_run(settings, sources, memory)
            except Interrupted:
                raise
            except BrieferError as stopped:  # nothing to brief today; an earlier day may still be owed
                raise _caught_up(stopped, settings, day) from None
            planned = time.monotonic() - started
            report, briefing, batch_notes = _brief_plan(settings, identifier, plan, day, use_batch, progress)
            notes += batch_notes
            if report is None:  # a Batch job pending: today waits, an earlier day need not
                sent = _deliver_days(settings, _undelivered(settings, day))
                notes += [_earlier_days(sent)] if sent else []
                return RunResult(EXIT_TEMPORARY, notes=notes)
            written, held = _write(report, settings)
            _remember(memory, report, held.withheld)
        finally:
            memory_note = "; ".join(filter(None, (memory_note, memory.close())))
        if held.lines:
            notes.append(_held_note(settings, held))
        renewed = archive.renew(settings) if report.items() else None
        written += renewed.written if renewed else []
        sent = None if held.waiting else _delivered(report, settings, day)
        end = RunEnd(
            memory=memory_note,
            review={"held": list(held.lines)} if held.lines else {},
            archive=tuple(renewed.problems) if renewed else (),
            delivery=delivery_json(sent) if sent else {},
            timing=Timing(
                run=round(time.monotonic() - started, 2),
                plan=round(planned, 2),
                briefing=briefing.briefing,
                model_server=briefing.model_server,
                load=round(os.getloadavg()[0], 2),
            ),
        )
        _write_report(report, end, settings)
    return RunResult(end.exit_code(report), report, end, written, notes + ([memory_note] if memory_note else []))


def _brief_plan(
    settings: Settings, identifier: LanguageIdentifier, plan: Plan, day: Date, use_batch: bool, progress: Display
) -> tuple[RunReport | None, Timing, list[str]]:
    """The model's part (None while a Batch job is pending), its time and what the Batch job said."""
    started = time.monotonic()
    with endpoint.model_endpoint(settings) as llm:
        pending, note = _advance_batch(settings, llm, identifier, plan.articles, day) if use_batch else (False, "")
        notes = [note] if note else []
        if pending:
            return None, Timing(), notes
        with progress(len(plan.articles), len(settings.languages), llm) as watch:
            report = brief_articles(settings, llm, identifier, plan, day, watch)
        timing = Timing(briefing=round(time.monotonic() - started, 2), model_server=round(llm.server_seconds, 2))
    return report, timing, notes


def _briefer(
    settings: Settings, llm: LLM, identifier: LanguageIdentifier, on_item: pipeline.OnItem = pipeline.ignore_item
) -> pipeline.Briefer:
    return pipeline.Briefer(
        settings,
        llm,
        prompts.load_prompt(settings.prompts_dir, settings.brief_prompt),
        prompts.load_prompt(settings.prompts_dir, "digest"),
        identifier,
        on_item,
    )


def _advance_batch(
    settings: Settings, llm: LLM, identifier: LanguageIdentifier, articles: Sequence[Article], day: Date
) -> tuple[bool, str]:
    briefer = _briefer(settings, llm, identifier)
    requests = [request for article in articles for request in briefer.first_requests(article)]
    return batch.advance(llm, requests, batch.state_path(settings.desk_dir, day.isoformat()))


def _held_note(settings: Settings, held: release.Held) -> str:
    desk = f" --desk {settings.desk}" if settings.desk != "briefer" else ""
    return (
        f"{len(held.lines)} items held for review{', the day not sent yet' if held.waiting else ''}: "
        f"`briefer review{desk}`, then `briefer send{desk} --due` sends what was approved"
    )


def _write(report: RunReport, settings: Settings) -> tuple[list[Path], release.Held]:
    """The day's files. Failed items stay on the page with their reasons, even when none was
    published. The edition (readers' page, feed, what delivery sends) only once the day is
    final: while an article waits, readers keep the day's last final edition, if any. Held
    items are recorded for review and stay out of the edition until an editor approves them."""
    if not report.items():
        return [], release.Held([])
    held = release.Held([]) if report.waiting else release.hold(report, settings)
    editions = held.editions
    days = edition.DayLinks.of(settings.desk_dir, settings.out_dir, report.date)
    more = chain(
        desk_files(report, held.withheld, settings.desk, settings.title, days),
        edition.day_files(editions, settings.desk_dir, settings.out_dir),
    )
    return write_outputs(report, settings.desk_dir, more, edition.desk_title(settings)), held


def _remember(memory: StoryMemory, report: RunReport, withheld: frozenset[tuple[str, str]]) -> None:
    """Published stories, for tomorrow's new / update / repeat; an item held and not approved
    was not published (`briefer send --due` records those approved later)."""
    for outcome in report.outcomes:
        published = [
            item.verdict.item.lang
            for item in outcome.items
            if item.passed and (outcome.article.id, item.verdict.item.lang) not in withheld
        ]
        story = report.standing_of(outcome.article.id).story
        if published and story:
            memory.record(report.date, story_facts_from(json.loads(story)), published)


def _delivered(report: RunReport, settings: Settings, day: Date) -> DeliveryReport | None:
    """A day goes out only when it is final: while an article waits (exit 75) nothing is sent,
    and the run that completes the day sends it whole, once. Written, final days of the last
    CATCH_UP_DAYS that the delivery log has not seen, or whose messages failed for now, go out
    first, oldest first (only what did not go)."""
    today = [day] if report.items() and not report.waiting else []
    return _deliver_days(settings, _undelivered(settings, day), today)


def _caught_up(stopped: BrieferError, settings: Settings, day: Date) -> BrieferError:
    """A run that stops before its own delivery (nothing new, no readable source, every article
    over the budget) still sends the days a killed run left undelivered: said in one line. Its
    exit code stays the stop's, unless that is 0 (nothing new): then delivery's. (A run that
    finds the lock held sends nothing: the run holding it delivers those days itself, and two
    runs reading the delivery log at once could both send.)"""
    sent = _deliver_days(settings, _undelivered(settings, day))
    if sent is None:
        return stopped
    code = sent.exit_code if stopped.exit_code == EXIT_OK else stopped.exit_code
    return type(stopped).with_code(f"{stopped}; {_earlier_days(sent)}", code)


def _earlier_days(sent: DeliveryReport) -> str:
    not_sent = [*sent.failed, *sent.refused, *sent.unrecorded]
    return f"earlier days delivered: {len(sent.sent)} sent" + (
        f", not delivered: {'; '.join(not_sent)}" if not_sent else ""
    )


def _deliver_days(settings: Settings, earlier: list[Date], today: Sequence[Date] = ()) -> DeliveryReport | None:
    """The earlier days' catch-up (what did not go), then today's day."""
    if not settings.deliver or not [*earlier, *today]:
        return None
    log, deliver_to = settings.out_dir / DELIVERY_LOG, settings.deliver
    return DeliveryReport.joined(
        [
            deliver(edition.read(settings.desk_dir / day.isoformat()), deliver_to, log, catch_up=day not in today)
            for day in [*earlier, *today]
        ]
    )


def _undelivered(settings: Settings, day: Date) -> list[Date]:
    """Days before `day`, oldest first, whose editions were written (so they were final) but
    that the delivery log has not seen (the run was killed between writing and delivering), or
    that hold a message that failed for now."""
    if not settings.deliver:
        return []
    before = [day - timedelta(days=back) for back in range(CATCH_UP_DAYS, 0, -1)]
    final = [earlier for earlier in before if any((settings.desk_dir / earlier.isoformat()).glob("edition.*.json"))]
    waiting = release.awaiting(settings, final)  # `briefer send --due` sends those
    final = [earlier for earlier in final if earlier not in waiting]
    return undelivered_days(settings.out_dir / DELIVERY_LOG, settings.desk, final) if final else []


def send_day(settings: Settings, day: Date) -> DeliveryReport:
    """`briefer send`: deliver a written day again, on purpose (the log records the resend)."""
    if not settings.deliver:
        raise ConfigError(f"desk '{settings.desk}' has no [deliver] table: nothing to send to")
    check_environment(settings.deliver)
    with desk_lock(settings.desk_dir):
        editions = edition.read(settings.desk_dir / day.isoformat())
        return deliver(editions, settings.deliver, settings.out_dir / DELIVERY_LOG, resend=True)


delivery_json = release.delivery_json


def _write_report(report: RunReport, end: RunEnd, settings: Settings) -> None:
    """report.json, last and still inside the lock: a second run never finds the briefing
    without its report."""
    write_atomic(settings.desk_dir / report.date.isoformat() / "report.json", run_report_json(report, end))
