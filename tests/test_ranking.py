"""The day's stories in order of importance, each with the reasons for its place."""

from __future__ import annotations

from datetime import date

from briefer.core.models import Article, Standing
from briefer.stories import ranking

DAY = date(2026, 11, 27)


def _article(
    name: str, text: str = "A council met.", also_from: tuple[str, ...] = (), published: str | None = None
) -> Article:
    return Article(
        id=name, title=name, source=f"{name}.txt", lang="en", text=text, also_from=also_from, published=published
    )


def test_a_priority_term_a_story_mentions_puts_it_first_and_says_so() -> None:
    articles = [_article("bridge"), _article("grid", "Ukraine's grid was repaired.")]
    ranked = ranking.rank(articles, {}, ("Ukrain",), DAY)
    assert [a.id for a, _ in ranked] == ["grid", "bridge"]
    assert ranked[0][1].rank == 1 and "priority: Ukrain" in ranked[0][1].reasons


def test_more_sources_rank_higher_and_new_before_update_before_repeat() -> None:
    articles = [_article("repeat"), _article("update"), _article("new"), _article("wire", also_from=("b", "c"))]
    standing = {"repeat": Standing(novelty="repeat"), "update": Standing(novelty="update")}
    ranked = ranking.rank(articles, standing, (), DAY)
    assert [a.id for a, _ in ranked] == ["wire", "new", "update", "repeat"]
    assert "3 sources" in ranked[0][1].reasons


def test_a_story_published_the_day_before_outranks_an_older_one() -> None:
    articles = [
        _article("old", published="2026-11-20T08:00:00Z"),
        _article("fresh", published="Thu, 26 Nov 2026 18:00:00 GMT"),
    ]
    ranked = ranking.rank(articles, {}, (), DAY)
    assert [a.id for a, _ in ranked] == ["fresh", "old"]
    assert "published 2026-11-26" in ranked[0][1].reasons


def test_max_items_keeps_the_top_stories_and_names_the_rest_as_ranked_out() -> None:
    articles = [_article("a"), _article("b", also_from=("x",)), _article("c")]
    kept, out = ranking.top(ranking.rank(articles, {}, (), DAY), 2)
    assert [a.id for a, _ in kept] == ["b", "a"]
    assert len(out) == 1 and out[0].startswith("c.txt: ranked out (#3") and "max_items is 2" in out[0]
