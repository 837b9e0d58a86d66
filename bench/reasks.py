"""Which re-asks pay: the embedded model's recorded fixture run replayed, per check how often a
re-ask fixed that check's refusal. `python -m bench.reasks` prints the table; the default of
the `reask_checks` setting is read from it (README, "Re-asks"). No model runs: the replies are
the recordings (fixtures/recordings), made with every check re-asked, as `briefer check
--live --record` asks.

A refusal counts as fixed when the very next attempt is not refused by that check (it may be
refused by another); an item counts as saved when a re-ask ends in a published item.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from briefer.app import run
from briefer.core.models import BriefedItem
from briefer.lang.langid import LanguageIdentifier
from briefer.lang.languages import SUPPORTED
from briefer.measure import gate
from briefer.model.cache import ReplyStore
from briefer.settings.config import PROJECT_ROOT, REASKABLE, Settings, load_settings

FIXTURES = PROJECT_ROOT / "fixtures"
ALMOST_NEVER = 0.10  # a check whose refusals a re-ask fixed less often than this is not re-asked


@dataclass(frozen=True)
class Replayed:
    items: tuple[BriefedItem, ...]
    calls: int  # model calls the run made (digests included), all served by the recordings


def replay(settings: Settings, fixtures: Path = FIXTURES) -> Replayed:
    """The fixture run (the articles `make brief` briefs, in its languages) on the recordings."""
    store = ReplyStore(fixtures / gate.RECORDINGS)
    items: list[BriefedItem] = []
    calls = 0
    manifest = fixtures / gate.RECORDINGS / "manifest.json"
    with (
        gate._model(settings, store, live=False, manifest=manifest) as llm,
        LanguageIdentifier(SUPPORTED) as identifier,
    ):
        for expectation in gate.load_expectations(fixtures):
            path = fixtures / "articles" / expectation.article
            article = gate.parse_article(path.read_text(encoding="utf-8"), path.name, path.suffix)
            local = settings.model_copy(update={"languages": expectation.languages})
            report = run.brief_articles(local, llm, identifier, [article], Date.today())
            if report.aborted:
                raise SystemExit(f"{path.name}: {report.aborted} (are the recordings of the current prompts?)")
            items += [briefed for outcome in report.outcomes for briefed in outcome.items]
            calls += sum(len(i.refused) for o in report.outcomes for i in o.items)  # attempts: each one a call
    return Replayed(tuple(items), calls)


@dataclass(frozen=True)
class Yield:
    check: str
    refused: int  # refusals by this check that were re-asked
    fixed: int  # ... after which the next attempt passed this check

    @property
    def share(self) -> float:
        return self.fixed / self.refused if self.refused else 0.0


def reask_yield(items: tuple[BriefedItem, ...]) -> tuple[list[Yield], list[tuple[int, int, int]]]:
    """(per check; per re-ask in turn: (re-asks made, re-asks that fixed some refusal, re-asks
    that ended in a published item))."""
    refused, fixed = Counter[str](), Counter[str]()
    turns: list[list[int]] = []
    for item in items:
        for turn, (before, after) in enumerate(zip(item.refused, item.refused[1:])):
            if len(turns) <= turn:
                turns.append([0, 0, 0])
            turns[turn][0] += 1
            turns[turn][1] += any(check not in after for check in before)
            turns[turn][2] += not after
            for check in before:
                refused[check] += 1
                fixed[check] += check not in after
    rows = [Yield(check, refused[check], fixed[check]) for check in REASKABLE if refused[check]]
    return sorted(rows, key=lambda row: (-row.share, -row.refused)), [(a, b, c) for a, b, c in turns]


def worth_reasking(rows: list[Yield]) -> tuple[str, ...]:
    """Every check but those whose refusals a re-ask almost never fixed (checks never refused
    in the recordings stay: nothing says a re-ask is wasted on them)."""
    wasted = {row.check for row in rows if row.share < ALMOST_NEVER}
    return tuple(check for check in REASKABLE if check not in wasted)


def table(rows: list[Yield]) -> str:
    lines = ["| check | refusals re-asked | fixed by the re-ask | share |", "|---|---:|---:|---:|"]
    lines += [f"| {row.check} | {row.refused} | {row.fixed} | {row.share:.0%} |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    every = load_settings({"reask_checks": REASKABLE, "max_reasks": 2, "reply_cache": False}, environ={})
    try:
        replayed = replay(every)
    except SystemExit:
        raise SystemExit(
            "the recordings hold the default re-ask policy's requests only: record every refusal re-asked twice "
            "first (briefer.toml: reask_checks = every check, max_reasks = 2; briefer check --live --record), "
            "then record the default again"
        ) from None
    rows, turns = reask_yield(replayed.items)
    print(
        f"The recorded fixture run, every refusal re-asked up to {every.max_reasks} times (as recorded): "
        f"{len(replayed.items)} items, {replayed.calls} calls ({replayed.calls / len(replayed.items):.2f} per item), "
        f"{sum(item.passed for item in replayed.items)} items published"
    )
    print(table(rows))
    for turn, (made, fixed_some, saved) in enumerate(turns, 1):
        print(f"re-ask {turn}: {made} made, {fixed_some} fixed some refusal, {saved} ended in a published item")
    print(
        f"checks worth a re-ask (fixed at least {ALMOST_NEVER:.0%} of the time, or never refused): "
        + ", ".join(worth_reasking(rows))
    )
    default = load_settings({"reply_cache": False}, environ={})
    now = replay(default)
    print(
        f"\nWith the defaults (max_reasks {default.max_reasks}; reask_checks {', '.join(default.reask_checks)}): "
        f"{now.calls} calls ({now.calls / len(now.items):.2f} per item); "
        f"{sum(item.passed for item in now.items)} items published"
    )


if __name__ == "__main__":
    main()
