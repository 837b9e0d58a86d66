"""The same story from several sources becomes one item listing all its sources."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES

from briefer.sources.dedupe import merge_duplicates
from briefer.sources.ingest import read_sources

REWRITE = """Hegseth rejects claims of betrayal over Ukraine talks

Pete Hegseth, the US defence secretary, denied on Thursday that Donald Trump was betraying Kyiv by
opening talks with Vladimir Putin. Speaking before NATO defence ministers met, Hegseth said both
sides would have to accept things they did not want. Germany's Boris Pistorius called the early
concessions to Russia regrettable. NATO's Mark Rutte said Kyiv had to be closely involved, and
Britain's John Healey agreed. Estonia's Hanno Pevkur said Europe must be part of the negotiations.
"""

OTHER = """Tram line opens in Lyon

The new T10 tram line opened in Lyon on Monday after four years of work. Mayor Grégory Doucet said
42 trams would run every day and carry 30,000 passengers. The line cost 270 million euros.
"""


def test_exact_and_near_copies_become_one_article_with_every_source(tmp_path: Path) -> None:
    seed = (FIXTURES / "articles" / "hegseth-ukraine-peace-talks.txt").read_text()
    (tmp_path / "wire-a.txt").write_text(seed)
    (tmp_path / "wire-b.txt").write_text(seed)  # an exact copy from another wire
    (tmp_path / "wire-c.txt").write_text(REWRITE)  # the same event in other words
    (tmp_path / "lyon.txt").write_text(OTHER)
    articles, rejected = read_sources([str(tmp_path)])
    kept, merged = merge_duplicates(articles)
    assert not rejected and len(kept) == 2
    hegseth = next(a for a in kept if "Hegseth" in a.text)
    assert Path(hegseth.source).name in ("wire-a.txt", "wire-c.txt")
    sources = {Path(hegseth.source).name, *(Path(s).name for s in hegseth.also_from)}
    assert sources == {"wire-a.txt", "wire-b.txt", "wire-c.txt"}
    assert len(merged) == 1 and "duplicate of" in merged[0]


def test_different_stories_are_never_merged() -> None:
    articles, _ = read_sources([str(FIXTURES / "articles")])
    kept, merged = merge_duplicates(articles)
    assert len(kept) == len(articles) == 5 and merged == []


def test_a_long_article_lightly_edited_is_merged_among_many_distinct_ones(tmp_path: Path) -> None:
    """Long articles are compared by a sketch of their word sequences (a bounded number of
    hashes each, so memory stays flat): a second wire's copy with a changed paragraph is still
    found among hundreds of distinct stories, and none of those is merged."""
    seed = (FIXTURES / "articles" / "hegseth-ukraine-peace-talks.txt").read_text()
    edited = seed.replace("Hegseth", "Mr Hegseth", 3) + "\nThe ministers meet again in June.\n"
    for n in range(300):
        (tmp_path / f"other-{n:03d}.txt").write_text(
            f"Story {n}\n\n" + " ".join(f"word{n}x{i} item{(n * 7 + i) % 997}" for i in range(200))
        )
    (tmp_path / "wire-a.txt").write_text(seed)
    (tmp_path / "wire-z.txt").write_text(edited)
    articles, _ = read_sources([str(tmp_path)])
    kept, merged = merge_duplicates(articles)
    assert len(kept) == 301
    assert merged == [f"{tmp_path / 'wire-z.txt'}: merged as a duplicate of {tmp_path / 'wire-a.txt'}"]


def test_a_short_story_whose_names_all_appear_in_a_long_report_stays_its_own() -> None:
    from conftest import FIXTURES

    from briefer.sources.ingest import parse_article

    def article(path):
        return parse_article(path.read_text(encoding="utf-8"), path.name, path.suffix)

    short = article(FIXTURES / "articles" / "hegseth-ukraine-peace-talks.txt")
    long = article(FIXTURES / "calibration" / "articles" / "en-eu-summit-defence-fund.txt")
    kept, merged = merge_duplicates([long, short])
    assert len(kept) == 2 and not merged


def test_stories_written_from_one_template_stay_apart() -> None:
    """300 councils approving 300 projects in the same sentences: alike wording, but each its
    own town, people and figures, so 300 stories, none listed as another's duplicate."""
    from stories import article, templated

    kept, merged = merge_duplicates([article(templated(n), f"wire-{n:03d}") for n in range(300)])
    assert len(kept) == 300 and merged == []


def test_one_event_in_other_words_and_other_languages_is_one_story_among_templated_ones() -> None:
    from stories import EVENT_DE, EVENT_EN, EVENT_EN_REWORDED, EVENT_UK, article, templated

    others = [article(templated(n), f"wire-{n:03d}") for n in range(300)]
    event = [
        article(EVENT_EN, "tartu-en"),
        article(EVENT_EN_REWORDED, "tartu-en-2"),
        article(EVENT_DE, "tartu-de", "de"),
        article(EVENT_UK, "tartu-uk", "uk"),
    ]
    kept, merged = merge_duplicates(others[:150] + event + others[150:])
    assert len(kept) == 301 and len(merged) == 3
    tartu = next(a for a in kept if a.source == "tartu-en")
    assert tartu.also_from == ("tartu-en-2", "tartu-de", "tartu-uk")
