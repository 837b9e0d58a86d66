"""The same story from several sources becomes one article that lists all its sources.

Exact copies share an id (the text's sha256) and are joined when read. Near copies are the
same event in other words, perhaps another language: they share most of their names and
numbers, or most of their word sequences. The first source read is kept; the others are
listed on it. An inverted index finds the candidates, so a run of thousands of articles
compares only those that share something, not every pair.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .checks import name_skeleton, names_in, numbers_in, words
from .models import Article

SHINGLE = 4
SHINGLE_SIMILARITY = 0.5
ENTITY_OVERLAP = 0.6
MIN_SHARED_ENTITIES = 4
COMMON = 50  # index keys in more articles than this find no candidates


@dataclass(frozen=True)
class _Signature:
    shingles: frozenset[tuple[str, ...]]
    entities: frozenset[str]  # name skeletons (script- and inflection-blind) and numbers


def _signature(article: Article) -> _Signature:
    text = f"{article.title}\n{article.text}"
    tokens = [w.lower() for w in words(article.text)]
    shingles = frozenset(tuple(tokens[i:i + SHINGLE]) for i in range(max(0, len(tokens) - SHINGLE + 1)))
    names = {"n:" + name_skeleton(name)[:4] for name in names_in(text, article.lang) if len(name_skeleton(name)) >= 2}
    numbers = {"#" + n for n in numbers_in(text) if len(n.replace(".", "")) >= 2}
    return _Signature(shingles, frozenset(names | numbers))


def _same(a: _Signature, b: _Signature) -> bool:
    if a.shingles and b.shingles and len(a.shingles & b.shingles) / len(a.shingles | b.shingles) >= SHINGLE_SIMILARITY:
        return True
    shared = len(a.entities & b.entities)
    smaller = min(len(a.entities), len(b.entities))
    return shared >= MIN_SHARED_ENTITIES and shared / smaller >= ENTITY_OVERLAP


def same_story(a: Article, b: Article) -> bool:
    return _same(_signature(a), _signature(b))


def merge_duplicates(articles: list[Article]) -> tuple[list[Article], list[str]]:
    """(articles with their duplicates' sources listed, one line per merged source)."""
    kept: list[Article] = []
    signatures: list[_Signature] = []
    by_entity: dict[str, list[int]] = defaultdict(list)
    by_shingle: dict[tuple[str, ...], list[int]] = defaultdict(list)
    merged: list[str] = []
    for article in articles:
        signature = _signature(article)
        votes: Counter[int] = Counter()
        for postings in [by_entity.get(e, ()) for e in signature.entities] + [by_shingle.get(s, ()) for s in signature.shingles]:
            if len(postings) <= COMMON:  # a key most articles share tells no story apart
                votes.update(postings)
        match = next((i for i, _ in sorted(votes.items()) if _same(signatures[i], signature)), None)
        if match is not None:
            earlier = kept[match]
            kept[match] = earlier.model_copy(update={"also_from": (*earlier.also_from, article.url or article.source)})
            merged.append(f"{article.source}: merged as a duplicate of {earlier.source}")
            continue
        index = len(kept)
        kept.append(article)
        signatures.append(signature)
        for entity in signature.entities:
            by_entity[entity].append(index)
        for shingle in signature.shingles:
            by_shingle[shingle].append(index)
    return kept, merged
