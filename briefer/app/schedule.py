"""The run over all articles: `concurrency` at a time; an article whose request failed after
its retries is set aside and tried once more at the end; the breaker stops the run only
when the endpoint looks down."""

from __future__ import annotations

import threading
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, as_completed, wait
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Callable, Iterator, Mapping, Sequence

from briefer.app.breaker import Breaker
from briefer.briefing.pipeline import Briefer
from briefer.core.errors import BrieferError, BudgetSpentError, ConfigError, TemporaryError
from briefer.core.models import Article, ArticleOutcome, BriefedItem, Standing
from briefer.core.report import RunReport, usage_of
from briefer.core.spill import Spill
from briefer.model import budget
from briefer.settings.config import Settings


@dataclass(frozen=True)
class Plan:
    """What a run will brief, decided before any model call (run.plan_run)."""

    articles: Sequence[Article]  # most important first
    rejected: list[str] = field(default_factory=list)  # sources that could not be read, one line each
    merged: list[str] = field(default_factory=list)  # sources merged into another as the same story
    skipped: list[str] = field(default_factory=list)  # articles left out by the budget
    estimate: budget.Estimate = field(default_factory=budget.Estimate.none)  # none: the gate's fixtures
    standing: Mapping[str, Standing] = field(default_factory=dict)  # article id -> novelty, rank and reasons
    ranked_out: list[str] = field(default_factory=list)  # below max_items, or repeats a desk skips


@dataclass(frozen=True)
class Watch:
    """What a run tells whoever watches it (a terminal, a cron log): each item as its checks
    end, each article as it ends."""

    item: Callable[[Article, BriefedItem], None] = lambda article, item: None
    article: Callable[[ArticleOutcome], None] = lambda outcome: None


UNWATCHED = Watch()


@dataclass
class _Guard:
    """What stops a run from starting more articles: the breaker, or an error every article would hit."""

    breaker: Breaker
    stop: threading.Event = field(default_factory=threading.Event)
    abort: list[BrieferError] = field(default_factory=list)

    def first_error(self, outcomes: Sequence[ArticleOutcome]) -> BrieferError | None:
        first = self.abort[0] if self.abort else (TemporaryError(self.breaker.reason) if self.breaker.open else None)
        if first is None and outcomes and all(outcome.waiting for outcome in outcomes):
            first = TemporaryError(outcomes[0].waiting)  # nothing got through: say why, once
        return first


def _brief_guarded(briefer: Briefer, article: Article, guard: _Guard) -> ArticleOutcome:
    if guard.stop.is_set():
        return ArticleOutcome(
            article=article, waiting=f"the run stopped early: {guard.breaker.reason or guard.abort[0]}"
        )
    try:
        outcome = briefer.brief_article(article)
        guard.breaker.record(False)
    except TemporaryError as exc:
        guard.breaker.record(True, str(exc))
        if guard.breaker.open:
            guard.stop.set()
        outcome = ArticleOutcome(article=article, waiting=str(exc))
    except BudgetSpentError as exc:  # not started, or stopped before a request that could pass it
        outcome = ArticleOutcome(article=article, errors=(f"{article.source}: skipped: {exc}",))
    except ConfigError as exc:
        guard.stop.set()
        guard.abort.append(exc)
        outcome = ArticleOutcome(article=article, errors=(f"{article.source}: not briefed: {exc}",))
    return outcome


def brief_all(settings: Settings, briefer: Briefer, plan: Plan, day: Date, watch: Watch = UNWATCHED) -> RunReport:
    """Brief every article, `concurrency` at a time. An article whose request failed after
    its retries is set aside and the run goes on; set-aside articles get one more try at the
    end. The run stops starting articles only when the endpoint looks down (the breaker
    opens) or refuses us (bad key, unknown model: every article would fail alike)."""
    guard = _Guard(Breaker(settings.breaker_failures, settings.breaker_window, settings.breaker_rate))

    def one(article: Article) -> ArticleOutcome:
        outcome = _brief_guarded(briefer, article, guard)
        watch.article(outcome)
        return outcome

    articles = plan.articles
    outcomes: Spill[ArticleOutcome] = Spill(slots=len(articles))  # on disk: memory stays flat at any size
    pool = ThreadPoolExecutor(max_workers=briefer.llm.concurrency, thread_name_prefix="briefer-article")
    try:
        for index, outcome in _in_turn(pool, one, articles, briefer.llm.concurrency):
            outcomes.put(index, outcome)
        if not guard.stop.is_set():  # one more try for what bad luck set aside
            again = [i for i, outcome in enumerate(outcomes) if outcome.waiting]
            for index, outcome in _in_turn(pool, one, [outcomes[i].article for i in again], briefer.llm.concurrency):
                outcomes.put(again[index], outcome)
    except BaseException:  # SIGTERM, Ctrl-C: start nothing more, wait for nothing
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    first = guard.first_error(outcomes)
    return RunReport(
        desk=settings.desk,
        date=day,
        languages=settings.languages,
        model=briefer.llm.model,
        outcomes=outcomes,
        aborted=str(first) if first else "",
        abort_exit_code=first.exit_code if first else 0,
        http_retries=briefer.llm.retries,
        format_fallback=briefer.llm.format.fallback,
        rejected_sources=tuple(plan.rejected),
        merged=tuple(plan.merged),
        skipped=tuple(plan.skipped),
        estimate=plan.estimate.line,
        cost=budget.cost_report(plan.estimate, usage_of(outcomes), settings),
        standing=plan.standing,
        ranked_out=tuple(plan.ranked_out),
    )


def _in_turn(
    pool: ThreadPoolExecutor, one: Callable[[Article], ArticleOutcome], articles: Sequence[Article], workers: int
) -> Iterator[tuple[int, ArticleOutcome]]:
    """(index, outcome) of every article as each ends, with only a few more started than the
    pool runs: `pool.map` would hold a future (and, until its turn, an outcome) per article."""
    ahead = 2 * workers
    running: dict[Future[ArticleOutcome], int] = {}
    for index, article in enumerate(articles):
        running[pool.submit(one, article)] = index
        if len(running) >= ahead:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield running.pop(future), future.result()
    for future in as_completed(running):
        yield running[future], future.result()
