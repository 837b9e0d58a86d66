"""Before any model call: what will this cost? The estimate per article (the shared prefix
counted once), and the articles kept within the budget, in rank order (the lowest ranked are
left out first)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Iterable, Mapping

from briefer.core.errors import BudgetSpentError, ConfigError
from briefer.core.models import Article, Usage
from briefer.core.spill import Spill, SpillMap
from briefer.model.chunking import count_tokens
from briefer.settings.config import Settings


def estimate_tokens(article: Article, settings: Settings) -> tuple[int, int]:
    """(input, output) tokens one article should cost: the shared prefix is read once, then
    each language adds its instruction and its reply (re-asks not counted)."""
    languages = len(settings.languages)
    article_tokens = count_tokens(article.title) + count_tokens(article.text) + 250
    return article_tokens + languages * 60, languages * settings.max_output_tokens // 2


def priced_cost(tokens_in: int, tokens_out: int, settings: Settings) -> float:
    """The cost where a money budget needs it: its model must have prices (checked at start)."""
    amount = cost(tokens_in, tokens_out, settings)
    if amount is None:
        raise ConfigError(f"a money budget needs 'prices' for model '{settings.model_name}'")
    return amount


def cost(tokens_in: int, tokens_out: int, settings: Settings) -> float | None:
    price = settings.prices.get(settings.model_name)
    if price is None:
        return None
    return (tokens_in * price.get("input", 0) + tokens_out * price.get("output", 0)) / 1_000_000


@dataclass(frozen=True)
class Estimate:
    """What the kept articles should cost, made before any call (re-asks not counted)."""

    input_tokens: int
    output_tokens: int
    per_article: Mapping[str, tuple[int, int]]  # article id -> (input, output), on disk (for --dry-run)
    line: str  # for the log, the dry run and report.json

    @staticmethod
    def none() -> Estimate:
        """For articles briefed without a plan (the gate's fixtures): nothing was estimated."""
        return Estimate(0, 0, {}, "")


def within_budget(articles: Iterable[Article], settings: Settings) -> tuple[Spill[Article], list[str], Estimate]:
    """Keep articles, in order, while the estimate stays within the budget.
    Returns (kept, on disk: a Spill; one line per skipped article; the estimate): each
    article is counted once."""
    limit = settings.budget_limit
    if limit and limit[0] == "money" and settings.model_name not in settings.prices:
        raise ConfigError(
            f"budget '{settings.budget}' is money but 'prices' has no entry for model "
            f"'{settings.model_name}'; add it or give the budget in tokens"
        )
    currency = (settings.budget or "").split()[-1].upper() if limit and limit[0] == "money" else settings.price_currency
    if currency != settings.price_currency.upper():
        raise ConfigError(
            f"budget '{settings.budget}' is in {currency} but 'prices' are in {settings.price_currency} "
            f"(price_currency); give the budget in {settings.price_currency}"
        )
    kept: Spill[Article] = Spill()
    per_article: SpillMap[str, tuple[int, int]] = SpillMap()
    skipped, spent_in, spent_out = [], 0, 0
    for article in articles:
        tokens_in, tokens_out = estimate_tokens(article, settings)
        total_in, total_out = spent_in + tokens_in, spent_out + tokens_out
        over_budget = limit is not None and (
            total_in + total_out > limit[1]
            if limit[0] == "tokens"
            else priced_cost(total_in, total_out, settings) > limit[1]
        )
        if over_budget:
            skipped.append(f"{article.source}: skipped, over budget {settings.budget}")
            continue
        kept.append(article)
        per_article[article.id] = (tokens_in, tokens_out)
        spent_in, spent_out = total_in, total_out
    money = cost(spent_in, spent_out, settings)
    line = f"estimate: {spent_in} input + {spent_out} output tokens" + (
        f", {money:.4f} {settings.price_currency}" if money is not None else ""
    )
    return kept, skipped, Estimate(spent_in, spent_out, per_article, line)


def cost_report(estimate: Estimate, usage: Usage, settings: Settings) -> dict:
    """The estimate made before any call and what the run really used, as numbers with a
    currency (amounts only where `prices` knows the model), for report.json."""

    def part(tokens_in: int, tokens_out: int) -> dict:
        amount = cost(tokens_in, tokens_out, settings)
        return {
            "input_tokens": tokens_in,
            "output_tokens": tokens_out,
            "amount": round(amount, 6) if amount is not None else None,
        }

    return {
        "currency": settings.price_currency if settings.model_name in settings.prices else None,
        "model": settings.model_name,
        "estimate": part(estimate.input_tokens, estimate.output_tokens),
        "actual": {**part(usage.prompt_tokens, usage.completion_tokens), "cached_tokens": usage.cached_tokens},
    }


class Spending:
    """The budget as a ceiling, re-asks included: before a request is sent, its most it can
    cost (its input, and max_tokens of output) must fit in what is left; after it, what it
    really cost is counted. A request that would not fit is not sent."""

    def __init__(self, settings: Settings) -> None:
        self.settings, self.limit = settings, settings.budget_limit
        self.spent = 0.0  # tokens or money, as the budget is given
        self._reserved = 0.0
        self._lock = threading.Lock()

    def _amount(self, tokens_in: int, tokens_out: int) -> float:
        if self.limit is None:
            return 0.0
        return (
            float(tokens_in + tokens_out)
            if self.limit[0] == "tokens"
            else priced_cost(tokens_in, tokens_out, self.settings)
        )

    def reserve(self, tokens_in: int, tokens_out: int) -> float:
        most = self._amount(tokens_in, tokens_out)
        with self._lock:
            if self.limit is not None and self.spent + self._reserved + most > self.limit[1]:
                raise BudgetSpentError(
                    f"the budget {self.settings.budget} is spent ({self.spent:.6g} used); "
                    f"the rest waits for a larger --budget"
                )
            self._reserved += most
        return most

    def settle(self, reserved: float, tokens_in: int, tokens_out: int) -> None:
        with self._lock:
            self._reserved -= reserved
            self.spent += self._amount(tokens_in, tokens_out)
