"""The story memory of an output folder: which story each desk published on which day, so
a run marks an item new, an update (the same story with figures or names not published before
by this desk, named) or a repeat (nothing new).

One SQLite file, <out>/memory.sqlite, shared by the desks that write there. It holds no
article text: per story and day, the story's name keys and figures (story.StoryFacts), its
title and its languages. A continuing story is found by its names: an earlier day's story
that shares at least MIN_SHARED of them, and MOST of the fewer names of the two, is the same
story, which keeps the key it was first seen with. Figures only corroborate (a continuing
story changes them, and that is what makes it an update): a story sharing just three names
must share a figure too, or stories written from one template would join on a town, a firm
and a surname. A memory that is missing or
unreadable never stops a briefing: it is rebuilt from the days' briefing.json, whose articles
carry their `story` (story.facts_json), and the run says so. A file of an earlier schema
version, which lacks this one's indexes and pairs, is moved on in place (_MIGRATIONS), keeping
its days and making the pairs from its names.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from briefer.core.briefing_file import PUBLISHED, day_files, day_of, read_day
from briefer.core.errors import TemporaryError
from briefer.core.files import TEMP_SUFFIX
from briefer.core.models import Novelty
from briefer.core.spill import SpillMap
from briefer.stories.story import StoryFacts, facts_from_json, same_name

FILE = "memory.sqlite"
SCHEMA_VERSION = 3  # 2: the indexes of _INDEXES; 3: the pairs table (earlier files are migrated in place)
MIN_SHARED = 3  # names shared with an earlier day's story, at least: a country and a minister are not a story
MOST = 0.6  # ... and this share of the fewer names of the two
UNCORROBORATED = 4  # names shared that need no figure in common: fewer could be a town, a firm and a surname
LOCK_WAIT = 30.0  # seconds to wait for another desk writing the same file
CANDIDATES = 20  # earlier stories weighed per article, those sharing the most names first
_T = TypeVar("_T")
KEEP_DAYS = 90  # a story unseen for longer is new again; what bounds the file and a day's work


@dataclass(frozen=True)
class StoryMatch:
    """What the memory found for today's story: its novelty, and what is new in it."""

    kind: Novelty
    first_seen: date | None  # the story's first day in this desk's memory; None when new
    new_numbers: tuple[str, ...]  # as today's article writes them
    new_names: tuple[str, ...]
    story: str  # the story's key in the memory: the key it was first seen with


# ---- the file ----

# The indexes by day let the days past keep_days go without reading the rest. Version 1 had
# names_by_head on (desk, head) only, and nothing by day; version 2 had names_by_head on (desk,
# head, day, story) for the morning's candidates, which then read every kept name sharing a
# surname with today's: a morning grew with the memory (2.4x from day 1 to day 100).
_INDEXES = """
CREATE INDEX names_by_day ON names (desk, day);
CREATE INDEX stories_by_day ON stories (desk, day);
"""
# A story's pairs of names' last words, "head head" in order: a story it continues shares
# MIN_SHARED names and so at least three pairs, and few kept stories share a pair of surnames
# however many share one, so a morning reads about as many rows on day 365 as on day 1.
# pairs_by_key is all a morning's candidates query reads.
_PAIRS = """
CREATE TABLE pairs (desk TEXT NOT NULL, day TEXT NOT NULL, story TEXT NOT NULL, pair TEXT NOT NULL,
                    PRIMARY KEY (desk, day, story, pair)) WITHOUT ROWID;
CREATE INDEX pairs_by_key ON pairs (desk, pair, day, story);
"""
_FILL_PAIRS = """
INSERT INTO pairs SELECT DISTINCT a.desk, a.day, a.story, a.head || ' ' || b.head FROM names a JOIN names b
    ON a.desk = b.desk AND a.story = b.story AND a.day = b.day AND a.head < b.head;
"""
# How a file of an earlier version becomes this one, in place and in one transaction (SQLite's
# schema changes and user_version are transactional: a failure leaves the old version whole).
# Its rows are kept and the pairs made from its names, so nothing is rebuilt from briefing.json.
_MIGRATIONS = {
    1: f"DROP INDEX names_by_head;\n{_INDEXES}{_PAIRS}{_FILL_PAIRS}",
    2: f"DROP INDEX names_by_head;\n{_PAIRS}{_FILL_PAIRS}",
}


_SCHEMA = f"""
CREATE TABLE stories (desk TEXT NOT NULL, story TEXT NOT NULL, day TEXT NOT NULL, title TEXT NOT NULL,
                      numbers TEXT NOT NULL, languages TEXT NOT NULL, PRIMARY KEY (desk, story, day));
CREATE TABLE names (desk TEXT NOT NULL, story TEXT NOT NULL, day TEXT NOT NULL, head TEXT NOT NULL,
                    name TEXT NOT NULL);
CREATE INDEX names_of_story ON names (desk, story, day);
{_INDEXES}{_PAIRS}
PRAGMA user_version = {SCHEMA_VERSION};
"""


class MemoryUnreadable(Exception):
    """Not a memory this version can read; the reason says why, and the memory is rebuilt."""


def _locked(error: sqlite3.Error) -> bool:
    return isinstance(error, sqlite3.OperationalError) and any(
        word in str(error) for word in ("database is locked", "database table is locked", "busy")
    )


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, timeout=LOCK_WAIT)
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION and version not in _MIGRATIONS:
            raise MemoryUnreadable(f"schema version {version}, this briefer reads {SCHEMA_VERSION}")
        # No PRAGMA quick_check here: it read every page of the file each morning, every desk's
        # (at 90 kept days about a quarter of a morning's CPU, growing with each desk sharing the
        # file). A file that is no database fails on the version above; a damaged page fails the
        # query that reads it, and StoryMemory rebuilds the memory then (_recover).
        if version != SCHEMA_VERSION:
            _migrate(connection)
    except (sqlite3.Error, MemoryUnreadable):
        connection.close()
        raise
    return connection


def _migrate(connection: sqlite3.Connection) -> None:
    """An earlier version's file brought to this one in place. Under the write lock, the version
    read again: another desk sharing the file may have migrated it meanwhile."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version in _MIGRATIONS:  # statement by statement: executescript would commit first
            for statement in [*_MIGRATIONS[version].split(";"), f"PRAGMA user_version = {SCHEMA_VERSION}"]:
                if statement.strip():
                    connection.execute(statement)
        connection.execute("COMMIT")
    except sqlite3.Error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def _match(db: sqlite3.Connection, desk: str, facts: StoryFacts, day: date) -> str | None:
    """The earlier story this one continues: an earlier day's story sharing most of its names.
    Candidates share names' last words (a surname, a town), MIN_SHARED of them and so as many
    pairs as those make; same_name then judges each name."""
    if len(facts.names) < MIN_SHARED:
        return None
    pairs = json.dumps(_pairs(facts))
    # a story sharing k heads shares k(k-1)/2 pairs: the same candidates, in the same order, as
    # counting the heads shared. INDEXED BY: left to itself SQLite reads every kept pair through
    # pairs_by_day (day < today), so a morning would grow with the memory again
    candidates = db.execute(
        "SELECT story, day FROM pairs INDEXED BY pairs_by_key WHERE desk = ? AND pair IN (SELECT value FROM json_each(?)) AND day < ?"
        " GROUP BY story, day HAVING COUNT(*) >= ? ORDER BY COUNT(*) DESC, day DESC LIMIT ?",
        (desk, pairs, day.isoformat(), MIN_SHARED * (MIN_SHARED - 1) // 2, CANDIDATES),
    ).fetchall()
    best: tuple[float, int, str, str] | None = None
    for story, earlier in candidates:
        names, numbers = _facts_of(db, desk, story, "=", earlier)
        fewer = min(len(facts.names), len(names))
        shared = min(fewer, len(_known(facts.names, names)))
        if shared >= MIN_SHARED and shared >= MOST * fewer and (shared >= UNCORROBORATED or facts.numbers & numbers):
            best = max(best or (0.0, 0, "", ""), (shared / fewer, shared, earlier, story))
    return best[3] if best else None


_FACTS_QUERIES = {  # the names and the figures of a story on one day, or on every day before one
    "=": (
        "SELECT DISTINCT name FROM names WHERE desk = ? AND story = ? AND day = ?",
        "SELECT numbers FROM stories WHERE desk = ? AND story = ? AND day = ?",
    ),
    "<": (
        "SELECT DISTINCT name FROM names WHERE desk = ? AND story = ? AND day < ?",
        "SELECT numbers FROM stories WHERE desk = ? AND story = ? AND day < ?",
    ),
}


def _pairs(facts: StoryFacts) -> list[str]:
    heads = sorted({name.split()[-1] for name in facts.names})
    return [f"{first} {second}" for first, second in itertools.combinations(heads, 2)]


def _facts_of(db: sqlite3.Connection, desk: str, story: str, days: str, day: str) -> tuple[set[str], set[str]]:
    names_query, numbers_query = _FACTS_QUERIES[days]
    names = {row[0] for row in db.execute(names_query, (desk, story, day))}
    return names, {number for row in db.execute(numbers_query, (desk, story, day)) for number in row[0].split()}


def _known(names: Iterable[str], others: set[str]) -> set[str]:
    """Those of `names` that are one of `others`, in full or in part."""
    by_head: dict[str, list[str]] = {}
    for other in others:
        by_head.setdefault(other.split()[-1], []).append(other)
    return {
        name
        for name in names
        if name in others or any(same_name(name, other) for other in by_head.get(name.split()[-1], ()))
    }


def _write(db: sqlite3.Connection, desk: str, day: date, story: str, facts: StoryFacts, langs: Sequence[str]) -> None:
    when = day.isoformat()
    db.execute("DELETE FROM names WHERE desk = ? AND story = ? AND day = ?", (desk, story, when))
    db.execute("DELETE FROM pairs WHERE desk = ? AND day = ? AND story = ?", (desk, when, story))
    db.execute(
        "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?)",
        (desk, story, when, facts.title, " ".join(sorted(facts.numbers)), ",".join(sorted(set(langs)))),
    )
    db.executemany(
        "INSERT INTO names VALUES (?, ?, ?, ?, ?)",
        [(desk, story, when, name.split()[-1], name) for name in sorted(facts.names)],
    )
    db.executemany("INSERT INTO pairs VALUES (?, ?, ?, ?)", [(desk, when, story, pair) for pair in _pairs(facts)])


def _remember(db: sqlite3.Connection, desk: str, day: date, facts: StoryFacts, langs: Sequence[str]) -> None:
    _write(db, desk, day, _match(db, desk, facts, day) or facts.key, facts, langs)


def _published_days(out_dir: Path, keep_days: int) -> tuple[list[tuple[date, dict]], list[str]]:
    """(every briefing.json of the last `keep_days` days, the default desk's (out/<day>/) and
    each named desk's (out/<desk>/<day>/), oldest day first; those unreadable)."""
    found = day_files(out_dir)
    newest = max((path.parent.name for path in found), default="")
    since = _cutoff(date.fromisoformat(newest), keep_days) if newest else ""
    days, unreadable = [], []
    for path in sorted(p for p in found if p.parent.name >= since):
        try:
            days.append((day_of(path), read_day(path)))
        except (OSError, ValueError) as error:
            unreadable.append(f"{path.relative_to(out_dir)} ({type(error).__name__})")
    return sorted(days, key=lambda pair: pair[0]), unreadable


def _fill(db: sqlite3.Connection, days: list[tuple[date, dict]]) -> None:
    db.executescript(_SCHEMA)
    db.execute("BEGIN")
    for day, document in days:
        for desk, facts, langs in _published_stories(document):
            _remember(db, desk, day, facts, langs)
    db.execute("COMMIT")


def _published_stories(document: dict) -> Iterator[tuple[str, StoryFacts, list[str]]]:
    """(desk, story, languages) of each article a briefing.json published in some language;
    articles written before stories were kept, or hand-edited out of shape, are passed over."""
    if not isinstance(document.get("articles"), list):
        return
    desk = str(document["desk"])
    for article in document["articles"]:
        try:
            facts = facts_from_json(article["story"])
            langs = [str(item["lang"]) for item in article.get("items", ()) if item.get("status") in PUBLISHED]
        except (KeyError, TypeError, AttributeError):
            continue
        if langs:
            yield desk, facts, langs


def _cutoff(newest: date, keep_days: int) -> str:
    return (newest - timedelta(days=keep_days)).isoformat()


def _rebuild(out_dir: Path, reason: str, keep_days: int) -> tuple[sqlite3.Connection, str, bool]:
    """(a new memory from the days' briefing.json, a note saying so, whether it is saved).
    Written beside the old file and renamed over it; if it cannot be saved, it is kept in
    memory for this run."""
    days, unreadable = _published_days(out_dir, keep_days)
    count = len({day for day, _ in days})
    note = f"memory rebuilt from {count} day{'' if count == 1 else 's'} of briefing.json ({reason})"
    note += f"; unreadable, left out: {', '.join(unreadable)}" if unreadable else ""
    if not days and not unreadable and reason == "was missing":
        note = ""  # the first run in this folder: nothing was lost
    path = out_dir / FILE
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=out_dir, prefix=f".{FILE}.", suffix=TEMP_SUFFIX)
        os.close(fd)
        try:
            _fill_file(Path(temp), days)
            for leftover in ("-journal", "-wal", "-shm"):  # the old file's: never to be replayed on the new one
                Path(f"{path}{leftover}").unlink(missing_ok=True)
            os.replace(temp, path)
        finally:
            Path(temp).unlink(missing_ok=True)
        return _connect(path), note, True
    except (OSError, sqlite3.Error, MemoryUnreadable) as error:
        db = sqlite3.connect(":memory:", isolation_level=None)
        _fill(db, days)
        return db, f"{note or 'memory rebuilt'}; not saved ({error}): the next run rebuilds it again", False


def _read_only(out_dir: Path, keep_days: int) -> sqlite3.Connection:
    """The memory read from the days' briefing.json into RAM, for a peek: nothing written."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    _fill(db, _published_days(out_dir, keep_days)[0])
    return db


def _fill_file(path: Path, days: list[tuple[date, dict]]) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    try:
        _fill(db, days)
    finally:
        db.close()


_STORIES_KEPT = 10_000  # matches remembered between classify() and record(): memory stays flat at any size


class StoryMemory:
    """One desk's view of the memory. classify() looks only at days before the one asked,
    so a rerun of a day marks its items as the first run did; record() keeps the day's
    stories until close() writes them in one short transaction (other desks may share the
    file)."""

    def __init__(
        self, db: sqlite3.Connection, desk: str, path: Path | None, keep_days: int = KEEP_DAYS, *, out_dir: Path
    ) -> None:
        self._db, self.desk, self._path, self.keep_days = db, desk, path, keep_days
        self._out_dir, self._writable, self._notes = out_dir, path is not None, list[str]()
        # the day's published stories until close(), on disk: 100,000 stories' facts are not held in memory
        self._pending: SpillMap[tuple[date, str], tuple[StoryFacts, tuple[str, ...]]] = SpillMap()
        self._stories: dict[tuple[date, str], str | None] = {}  # by the facts' key: the facts themselves may go

    @classmethod
    def open(cls, out_dir: Path, desk: str, keep_days: int = KEEP_DAYS) -> tuple[StoryMemory, str]:
        """(the memory, "" or a note that it was rebuilt and why)."""
        path = out_dir / FILE
        if not path.exists():
            db, note, saved = _rebuild(out_dir, "was missing", keep_days)
        else:
            try:
                db, note, saved = _connect(path), "", True
            except sqlite3.Error as error:
                if _locked(error):  # another desk writing: its file and journal are live, not broken
                    raise TemporaryError(
                        f"{path} is locked by another run (waited {LOCK_WAIT:g} s); try again later"
                    ) from None
                db, note, saved = _rebuild(out_dir, f"was unreadable: {error}", keep_days)
            except MemoryUnreadable as error:
                db, note, saved = _rebuild(out_dir, f"was unreadable: {error}", keep_days)
        return cls(db, desk, path if saved else None, keep_days, out_dir=out_dir), note

    @classmethod
    def peek(cls, out_dir: Path, desk: str, keep_days: int = KEEP_DAYS) -> StoryMemory:
        """The memory read-only, for a dry run: nothing is written, rebuilt on disk or waited for
        long; a missing or unreadable file is read from the days' briefing.json in memory."""
        path = out_dir / FILE
        try:
            if path.is_file():
                db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=1)
                db.execute("SELECT COUNT(*) FROM stories").fetchone()
                return cls(db, desk, None, keep_days, out_dir=out_dir)
        except sqlite3.Error:
            pass
        return cls(_read_only(out_dir, keep_days), desk, None, keep_days, out_dir=out_dir)

    def _recover(self, error: sqlite3.DatabaseError) -> None:
        """A page of the file found damaged mid-run: the memory rebuilt from briefing.json as
        open() would have (read-only for a peek), said by close()."""
        self._db.close()
        self._stories.clear()
        if not self._writable:
            self._db = _read_only(self._out_dir, self.keep_days)
            return
        self._db, note, saved = _rebuild(self._out_dir, f"was unreadable: {error}", self.keep_days)
        self._path = self._out_dir / FILE if saved else None
        self._notes.append(note)

    def _guarded(self, read: Callable[[], _T]) -> _T:
        """`read`, once more on a rebuilt memory if the file turns out damaged (not locked)."""
        try:
            return read()
        except sqlite3.DatabaseError as error:
            if _locked(error) or self._notes:
                raise
            self._recover(error)
            return read()

    def _story(self, facts: StoryFacts, day: date) -> str | None:
        if (day, facts.key) not in self._stories:
            if (
                len(self._stories) >= _STORIES_KEPT
            ):  # the file does not change before close(): asked again, it answers alike
                self._stories.clear()
            self._stories[day, facts.key] = self._guarded(lambda: _match(self._db, self.desk, facts, day))
        return self._stories[day, facts.key]

    def classify(self, facts: StoryFacts, day: date) -> StoryMatch:
        return self._guarded(lambda: self._classify(facts, day))

    def _classify(self, facts: StoryFacts, day: date) -> StoryMatch:
        story = self._story(facts, day)
        if story is None:
            return StoryMatch("new", None, (), (), facts.key)
        names, numbers = _facts_of(self._db, self.desk, story, "<", day.isoformat())
        first_seen = self._db.execute(
            "SELECT MIN(day) FROM stories WHERE desk = ? AND story = ?", (self.desk, story)
        ).fetchone()[0]
        new_numbers = facts.shown(set(facts.numbers - numbers))
        new_names = facts.shown(set(facts.names - _known(facts.names, names)))
        return StoryMatch(
            "update" if new_numbers or new_names else "repeat",
            date.fromisoformat(first_seen),
            new_numbers,
            new_names,
            story,
        )

    def record(self, day: date, facts: StoryFacts, languages: Sequence[str]) -> None:
        """A published story, kept until close(); recording a day again replaces its rows."""
        story = self._story(facts, day) or facts.key
        self._pending[day, story] = (facts, tuple(languages))

    def _forget_before(self, cutoff: str) -> None:
        """Stories older than the kept days: the file, and so a day's work, stop growing."""
        for table in ("names", "stories", "pairs"):
            self._db.execute(f"DELETE FROM {table} WHERE desk = ? AND day < ?", (self.desk, cutoff))

    def close(self) -> str:
        """Writes what was recorded. "" or why it could not be (then the file is removed, and
        the next run rebuilds it from briefing.json, today's included), and that the memory
        was rebuilt during the run, and why."""
        notes, self._notes = self._notes, []
        return "; ".join(filter(None, [*notes, self._close()]))

    def _close(self) -> str:
        try:
            if self._pending:
                self._db.execute("BEGIN IMMEDIATE")
                for (day, story), (facts, langs) in self._pending.items():
                    _write(self._db, self.desk, day, story, facts, langs)
                self._forget_before(_cutoff(max(day for day, _ in self._pending), self.keep_days))
                self._db.execute("COMMIT")
            return ""
        except sqlite3.Error as error:
            if self._path is not None:
                self._path.unlink(missing_ok=True)
            return f"memory not saved ({error}): the next run rebuilds it from briefing.json"
        finally:
            self._pending = SpillMap()
            self._db.close()
