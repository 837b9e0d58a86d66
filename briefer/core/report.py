"""RunReport: what one run did, article by article and language by language; its exit code."""

from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Iterator, Mapping, Sequence

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
    memory: str = ""  # what the story memory did, when it is worth saying (rebuilt, unavailable)
    archive: tuple[str, ...] = ()  # a day's feed found broken: made again from its edition, or left out
    delivery: dict = Field(default_factory=dict)  # sent / already sent / failed lines, per channel
    review: dict = Field(default_factory=dict)  # {"held": lines}: items held for an editor, not yet sent
    held: tuple[tuple[str, str], ...] = ()  # (article id, lang) held for an editor: the desk page says so
    timing: Timing = Field(default_factory=Timing)

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
        """75 while any article waits for a temporary reason (a rerun briefs it, paying only for
        what is missing) or a message did not go out for now (78 when a channel refuses for
        good); 3 for items that failed their checks or sources that could not be read."""
        if self.aborted and self.written == 0:
            return self.abort_exit_code
        if self.waiting:
            return EXIT_TEMPORARY
        if self.written == 0:
            return EXIT_NOTHING_WRITTEN
        if self.delivery.get("refused"):  # written, but a channel refuses until a setting is fixed
            return EXIT_CONFIG
        if self.delivery.get("failed") or self.delivery.get("unrecorded"):  # for now: the rerun sends it
            return EXIT_TEMPORARY
        if self.written < self.expected or self.rejected_sources or self.skipped or self.aborted:
            return EXIT_PARTIAL
        if self.delivery.get("unconfirmed"):  # may not have arrived: an editor's call, nothing to retry
            return EXIT_PARTIAL
        return EXIT_OK

    def problems(self) -> list[str]:
        lines = list(self.rejected_sources)
        lines.extend(f"not delivered: {line}" for line in self.delivery.get("failed", ()))
        lines.extend(f"not delivered, refused: {line}" for line in self.delivery.get("refused", ()))
        lines.extend(f"delivery log: {line}" for line in self.delivery.get("unrecorded", ()))
        lines.extend(f"delivery log: {line}" for line in self.delivery.get("unconfirmed", ()))
        lines.extend(self.skipped)
        lines.extend(self.archive)
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
        total = Usage()
        for outcome in self.outcomes:
            total = total + outcome.digest_usage
            for item in outcome.items:
                total = total + item.usage
        return total
