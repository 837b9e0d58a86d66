"""The same story from several sources becomes one article that lists all its sources.

Exact copies share an id (the text's sha256) and are joined when read. Near copies are the
same event in other words, perhaps another language: they share most of their names and
numbers, or most of their word sequences with no name or figure of their own on both sides
(an edit adds a sentence; two stories written from one template each have their own town,
people and figures). The first source read is kept; the others are listed on it. An inverted index finds the candidates, so a run of thousands of articles
compares only those that share something, not every pair; it is kept on disk (SQLite), so a
run of 100,000 articles does not hold it in memory.

Memory stays small at any size: an article is kept as a bottom-k sketch of its shingle
hashes (the SKETCH smallest), from which Jaccard similarity is estimated (exact for articles
shorter than SKETCH shingles), and only its PROBES smallest hashes enter the index.
"""

from __future__ import annotations

import sqlite3
import zlib
from array import array
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from typing import Iterable

from briefer.core.models import Article
from briefer.core.spill import Spill
from briefer.lang.names import names_in, sound_key
from briefer.lang.text import numbers_in, words

SHINGLE = 4
SHINGLE_SIMILARITY = 0.5
ENTITY_OVERLAP = 0.6
MIN_SHARED_ENTITIES = 4
COMMON = 50  # index keys in more articles than this find no candidates
SKETCH = 128  # shingle hashes kept per article
PROBES = 16  # of those, how many (the smallest) go into the index


def _hash(text: str) -> int:
    return zlib.crc32(text.encode())  # stable across runs, unlike hash(): the same merges every day


@dataclass(frozen=True)
class _Signature:
    sketch: array  # the SKETCH smallest shingle hashes, sorted
    entities: array  # hashes of name skeletons (script- and inflection-blind) and numbers, sorted

    def keys(self) -> list[int]:
        """Index keys: every entity, the smallest shingles (a clash between the two only adds a
        candidate, which _same then judges)."""
        return [*self.entities, *self.sketch[:PROBES]]


def _signature(article: Article) -> _Signature:
    text = f"{article.title}\n{article.text}"
    tokens = [w.lower() for w in words(article.text)]
    shingles = {_hash(" ".join(tokens[i : i + SHINGLE])) for i in range(max(0, len(tokens) - SHINGLE + 1))}
    names = {"n:" + sound_key(name)[:4] for name in names_in(text, article.lang) if len(sound_key(name)) >= 2}
    numbers = {"#" + n for n in numbers_in(text, article.lang) if len(n.replace(".", "")) >= 2}
    return _Signature(array("I", sorted(shingles)[:SKETCH]), array("I", sorted({_hash(e) for e in names | numbers})))


def _resemble(a: array, b: array) -> bool:
    """Jaccard similarity, estimated from two bottom-k sketches, at least SHINGLE_SIMILARITY."""
    if not a or not b:
        return False
    both = set(a).intersection(b)
    if len(both) < SHINGLE_SIMILARITY * max(len(a), len(b)):
        return False  # an upper bound on the estimate is already too low: skip the sort
    union = sorted(set(a).union(b))[:SKETCH]
    return sum(1 for h in union if h in both) >= SHINGLE_SIMILARITY * len(union)


def _same(a: _Signature, b: _Signature) -> bool:
    """Most names and figures shared, counted against the larger article too: a short story
    whose few names all appear in a long report (Hegseth's remarks in a summit write-up) is
    another story, not the same one. Alike wording alone is not enough: it is the same event
    only when the names and figures agree too."""
    shared = len(set(a.entities).intersection(b.entities))
    smaller, larger = sorted((len(a.entities), len(b.entities)))
    if shared >= MIN_SHARED_ENTITIES and shared / smaller >= ENTITY_OVERLAP and shared / larger >= ENTITY_OVERLAP / 2:
        return True
    return _agree(a.entities, b.entities) and _resemble(a.sketch, b.sketch)


def _agree(a: array, b: array) -> bool:
    """No name or figure on both sides that the other lacks: one may add to the other (a later
    edit, a closing sentence), but a town, person or figure replaced by another is another event."""
    return set(a).issubset(b) or set(b).issubset(a)


def merge_duplicates(articles: Iterable[Article]) -> tuple[Spill[Article], list[str]]:
    """(articles with their duplicates' sources listed, one line per merged source); the
    articles on disk (a Spill), read back one at a time."""
    kept: Spill[Article] = Spill()
    merged: list[str] = []
    with closing(_Index()) as index:
        for article in articles:
            signature = _signature(article)
            match = next((i for i in index.candidates(signature) if _same(index.signature(i), signature)), None)
            if match is not None:
                earlier = kept[match]
                also_from = (*earlier.also_from, article.url or article.source)
                kept.put(match, earlier.model_copy(update={"also_from": also_from}))
                merged.append(f"{article.source}: merged as a duplicate of {earlier.source}")
                continue
            index.add(len(kept), signature)
            kept.append(article)
    return kept, merged


class _Index:
    """The kept articles' signatures and the inverted index from their keys, in a private
    temporary SQLite database: on disk (SQLite's page cache is bounded), where as dicts they
    took ~4 KB per article, 400 MB for 100,000. Most keys belong to one article; a key more
    than COMMON articles share tells no story apart and finds no candidates."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("", isolation_level=None)  # "": a temporary file, gone on close
        self._db.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -8000;"
            "CREATE TABLE postings (key INTEGER NOT NULL, article INTEGER NOT NULL);"
            "CREATE INDEX postings_key ON postings (key);"
            "CREATE TABLE signatures (article INTEGER PRIMARY KEY, sketch BLOB NOT NULL, entities BLOB NOT NULL);"
            "BEGIN"
        )
        self._common: set[int] = set()  # keys too common to tell stories apart
        self._counts: Counter[int] = Counter()  # articles per key, of the keys the last lookup asked for

    def candidates(self, signature: _Signature) -> list[int]:
        """The kept articles sharing a key with `signature`, in the order they were read."""
        keys = sorted({key for key in signature.keys() if key not in self._common})
        self._counts = Counter()
        found: set[int] = set()
        for start in range(0, len(keys), 500):  # SQLite's limit on parameters
            part = keys[start : start + 500]
            rows = self._db.execute(
                f"SELECT key, article FROM postings WHERE key IN ({','.join('?' * len(part))})", part
            )
            for key, article in rows:
                self._counts[key] += 1
                found.add(article)
        return sorted(found)

    def signature(self, article: int) -> _Signature:
        sketch, entities = self._db.execute(
            "SELECT sketch, entities FROM signatures WHERE article = ?", (article,)
        ).fetchone()
        return _Signature(_array(sketch), _array(entities))

    def add(self, article: int, signature: _Signature) -> None:
        """Index a kept article under its keys (after `candidates` for its signature)."""
        rows = []
        for key in signature.keys():
            if key in self._common:
                continue
            rows.append((key, article))
            self._counts[key] += 1
            if self._counts[key] > COMMON:  # a key most articles share tells no story apart
                self._common.add(key)
        self._db.executemany("INSERT INTO postings VALUES (?, ?)", rows)
        self._db.execute(
            "INSERT INTO signatures VALUES (?, ?, ?)",
            (article, signature.sketch.tobytes(), signature.entities.tobytes()),
        )

    def close(self) -> None:
        self._db.close()


def _array(blob: bytes) -> array:
    values = array("I")
    values.frombytes(blob)
    return values
