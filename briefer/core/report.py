"""RunReport: what one run did, article by article and language by language (what the day's
files show), and RunEnd: what it did after writing them (memory, review, archive, delivery,
its seconds). Each is built once; the run's exit code is read from both."""

from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Iterable, Iterator, Mapping, Sequence

from pydantic import Field, SkipValidation

from briefer.core.errors import EXIT_CONFIG, EXIT_NOTHING_WRITTEN, EXIT_OK, EXIT_PARTIAL, EXIT_TEMPORARY
from briefer.core.models import ArticleOutcome, BriefedItem, Frozen, Standing, Usage


class Timing(Frozen):
    """Where a run's time went, in wall seconds (the `make brief` figure of `make bench`)."""

    run: float = 0.0  # the whole run: plan, model, files, memory, archive, delivery
    plan: float = 0.0  # reading the sources, dedupe, the memory's verdicts, ranking, the estimate
    briefing: float = 0.0  # the model's part: the endpoint (the embedded server's start) to its last reply
    model_server: float = 0.0  # the embedded server's own prompt + generation time (0: a hosted endpoint)
    load: float = 0.0  # the machine's 1-minute load average as the run ended: a busy machine is slower


class Items:
    """Every item of a run, read as it is iterated: a list of them all would hold the day in memory."""

    def __init__(self, outcomes: Sequence[ArticleOutcome]) -> None:
        self._outcomes = outcomes

    def __iter__(self) -> Iterator[BriefedItem]:
        return (item for outcome in self._outcomes for item in outcome.items)

    def __len__(self) -> int:
        return sum(len(outcome.items) for outcome in self._outcomes)

    def __bool__(self) -> bool:
        return any(outcome.items for outcome in self._outcomes)


class RunReport(Frozen):
    desk: str = "briefer"  # the desk the run briefed for (settings.desk)
    date: Date
    languages: tuple[str, ...]
    model: str
    # a run's are a Spill (on disk, read back one at a time: memory stays flat at any size)
    outcomes: Annotated[Sequence[ArticleOutcome], SkipValidation]
    rejected_sources: tuple[str, ...] = ()  # one line per source that could not be read
    aborted: str = ""  # why the run stopped early (endpoint down, bad key), if it did
    abort_exit_code: int = 0
    http_retries: int = 0  # retries the HTTP layer made (429, 5xx, timeouts), for the run report
    merged: tuple[str, ...] = ()  # one line per source merged into another as the same story
    skipped: tuple[str, ...] = ()  # one line per article left out (max_items, budget)
    estimate: str = ""  # the cost estimate made before any model call
    cost: dict = Field(
        default_factory=dict
    )  # estimate and actual, tokens and amount with currency (budget.cost_report)
    format_fallback: str = ""  # the endpoint refused a response format and another was used
    standing: Annotated[Mapping[str, Standing], SkipValidation] = Field(
        default_factory=dict
    )  # article id -> novelty and rank
    ranked_out: tuple[str, ...] = ()  # one line per story below the desk's max_items

    def standing_of(self, article_id: str) -> Standing:
        return self.standing.get(article_id) or Standing()

    def items(self) -> Items:
        return Items(self.outcomes)

    @property
    def written(self) -> int:
        return sum(1 for item in self.items() if item.passed)

    @property
    def flagged(self) -> int:
        """Items published with a mark: a check whose severity is "flag" failed."""
        return sum(1 for item in self.items() if item.passed and item.verdict.flags)

    @property
    def expected(self) -> int:
        return len(self.outcomes) * len(self.languages)

    @property
    def waiting(self) -> list[ArticleOutcome]:
        """Articles left unbriefed for a temporary reason: a rerun (exit 75) briefs them."""
        return [outcome for outcome in self.outcomes if outcome.waiting]

    @property
    def exit_code(self) -> int:
        """The briefing's code, before anything is sent (`RunEnd.exit_code` adds delivery's):
        75 while any article waits for a temporary reason (a rerun briefs it, paying only for
        what is missing); 3 for items that failed their checks or sources that could not be read."""
        if self.aborted and self.written == 0:
            return self.abort_exit_code
        if self.waiting:
            return EXIT_TEMPORARY
        if self.written == 0:
            return EXIT_NOTHING_WRITTEN
        if self.written < self.expected or self.rejected_sources or self.skipped or self.aborted:
            return EXIT_PARTIAL
        return EXIT_OK

    def problems(self, end: RunEnd | None = None) -> list[str]:
        """One line per thing that went wrong, for the person running it and report.json."""
        lines = list(self.rejected_sources)
        lines.extend(end.delivery_problems() if end else ())
        lines.extend(self.skipped)
        lines.extend(end.archive if end else ())
        if self.aborted:
            lines.append(f"run stopped early: {self.aborted}")
        for outcome in self.outcomes:
            lines.extend(outcome.errors)  # each names its source already
            if outcome.waiting:
                lines.append(f"{outcome.article.source}: {outcome.fate(self.languages[0]).line}")
            for item in outcome.items:
                lang = item.verdict.item.lang
                if not item.passed:
                    lines.append(
                        f"{outcome.article.source} [{lang}] after {item.attempts} attempts: {outcome.fate(lang).line}"
                    )
        return lines

    @property
    def model_calls(self) -> int:
        return sum(o.digest_calls + sum(i.calls for i in o.items) for o in self.outcomes)

    def usage(self) -> Usage:
        return usage_of(self.outcomes)


def usage_of(outcomes: Iterable[ArticleOutcome]) -> Usage:
    """The tokens these articles spent, digests and every attempt of every item."""
    total = Usage()
    for outcome in outcomes:
        total = total + outcome.digest_usage
        for item in outcome.items:
            total = total + item.usage
    return total


class RunEnd(Frozen):
    """What a run did after the day's files were written, said in report.json beside them:
    built once, when the run ends (the files themselves are the RunReport's)."""

    memory: str = ""  # what the story memory did, when it is worth saying (rebuilt, unavailable)
    archive: tuple[str, ...] = ()  # a day's feed found broken: made again from its edition, or left out
    delivery: dict = Field(default_factory=dict)  # sent / already sent / failed lines, per channel
    review: dict = Field(default_factory=dict)  # {"held": lines}: items held for an editor, not yet sent
    timing: Timing = Field(default_factory=Timing)

    def delivery_problems(self) -> list[str]:
        return [
            *(f"not delivered: {line}" for line in self.delivery.get("failed", ())),
            *(f"not delivered, refused: {line}" for line in self.delivery.get("refused", ())),
            *(f"delivery log: {line}" for line in self.delivery.get("unrecorded", ())),
            *(f"delivery log: {line}" for line in self.delivery.get("unconfirmed", ())),
        ]

    def exit_code(self, report: RunReport) -> int:
        """The run's code: the briefing's, unless a day written and final was not delivered:
        78 when a channel refuses for good (a setting to fix), 75 when a message did not go out
        for now (the rerun sends it), 3 when one may not have arrived (an editor's call)."""
        briefed = report.exit_code
        if briefed not in (EXIT_OK, EXIT_PARTIAL):
            return briefed
        if self.delivery.get("refused"):
            return EXIT_CONFIG
        if self.delivery.get("failed") or self.delivery.get("unrecorded"):
            return EXIT_TEMPORARY
        if self.delivery.get("unconfirmed"):
            return EXIT_PARTIAL
        return briefed
