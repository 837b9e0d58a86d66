"""Which of the day's stories matter most, and why: the order of every briefing.

A story's score adds up what a desk editor weighs, each part said in words in briefing.json:
the desk's `priority` terms it mentions, how many sources carried it (merged duplicates),
whether it is new, an update or a repeat of an earlier day's story, and how recent it is.
Equal scores keep the order the sources were read in.
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Callable, Mapping, Sequence, overload

from briefer.core.models import Article, Standing
from briefer.core.spill import Spill

PRIORITY_WEIGHT = 3.0  # per priority term the story mentions
SOURCE_WEIGHT = 1.0  # per source beyond the first
NOVELTY_WEIGHT = {"new": 2.0, "update": 1.0, "repeat": 0.0}
RECENT_WEIGHT = 1.0  # published the day of the briefing or the day before


def rank(articles: Sequence[Article], standing: Mapping[str, Standing], priority: tuple[str, ...], day: Date) -> Ranked:
    """The articles, most important first, each with its standing (novelty kept, rank,
    score and reasons filled in). Only the scores are sorted in memory: the standings go to
    disk (a Spill) as they are made, and an article is read only when its pair is."""
    scored: Spill[Standing] = Spill()
    scores = []
    for article in articles:
        made = _scored(article, standing.get(article.id) or Standing(), priority, day)
        scored.append(made)
        scores.append(made.score)
    order = sorted(range(len(scores)), key=lambda index: -scores[index])  # stable: ties keep the reading order
    standings = Spill(scored[index].model_copy(update={"rank": n}) for n, index in enumerate(order, 1))
    return Ranked(articles, standings, [(index, n) for n, index in enumerate(order)])


class Ranked(Sequence[tuple[Article, Standing]]):
    """(article, standing) pairs in rank order, each read from disk only when its pair is:
    the day's texts and standings are never all in memory for the sort."""

    def __init__(
        self, articles: Sequence[Article], standings: Sequence[Standing], pairs: list[tuple[int, int]]
    ) -> None:
        self._articles, self._standings, self._pairs = articles, standings, pairs  # (article, standing) places

    def __len__(self) -> int:
        return len(self._pairs)

    @overload
    def __getitem__(self, index: int) -> tuple[Article, Standing]: ...

    @overload
    def __getitem__(self, index: slice) -> Ranked: ...

    def __getitem__(self, index: int | slice) -> tuple[Article, Standing] | Ranked:
        if isinstance(index, slice):
            return Ranked(self._articles, self._standings, self._pairs[index])
        article, standing = self._pairs[index]
        return self._articles[article], self._standings[standing]

    def split(self, keep: Callable[[Standing], bool]) -> tuple[Ranked, Ranked]:
        """(the pairs whose standing `keep` accepts, the others), each in rank order."""
        kept = [pair for pair in self._pairs if keep(self._standings[pair[1]])]
        left = [pair for pair in self._pairs if not keep(self._standings[pair[1]])]
        return Ranked(self._articles, self._standings, kept), Ranked(self._articles, self._standings, left)


def top(ranked: Ranked, max_items: int | None) -> tuple[Ranked, list[str]]:
    """The first `max_items` stories, and one line per story ranked out."""
    if max_items is None or len(ranked) <= max_items:
        return ranked, []
    out = [
        f"{article.source}: ranked out (#{s.rank}, score {s.score:g}: {', '.join(s.reasons) or 'nothing stood out'}); "
        f"max_items is {max_items}"
        for article, s in ranked[max_items:]
    ]
    return ranked[:max_items], out


def _scored(article: Article, standing: Standing, priority: tuple[str, ...], day: Date) -> Standing:
    parts: list[tuple[float, str]] = []
    terms = _mentioned(article, priority)
    if terms:
        parts.append((PRIORITY_WEIGHT * len(terms), "priority: " + ", ".join(terms)))
    sources = 1 + len(article.also_from)
    if sources > 1:
        parts.append((SOURCE_WEIGHT * (sources - 1), f"{sources} sources"))
    parts.append((NOVELTY_WEIGHT[standing.novelty], standing.novelty))
    published = _published_day(article.published)
    if published is not None and 0 <= (day - published).days <= 1:
        parts.append((RECENT_WEIGHT, f"published {published.isoformat()}"))
    return standing.model_copy(
        update={"score": round(sum(weight for weight, _ in parts), 2), "reasons": tuple(reason for _, reason in parts)}
    )


def _mentioned(article: Article, terms: tuple[str, ...]) -> list[str]:
    text = f"{article.title}\n{article.text}"
    return [term for term in terms if re.search(rf"(?<!\w){re.escape(term)}", text, re.IGNORECASE)]


def _published_day(published: str | None) -> Date | None:
    """The day of an ISO 8601 or RFC 822 (feeds) date; None when there is none or it is unreadable."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.strip().replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(published).date()
    except (TypeError, ValueError, IndexError):
        return None
