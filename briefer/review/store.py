"""The review store: the held items of a desk's days and every editor's decision on them, in
the output folder's SQLite (`review.sqlite`, shared by the desks like the delivery log). The
one module that reads or writes it.

A run records what it held (`hold_day`): each held item as the model wrote it with the checks'
findings, its article and the day's candidate editions (every held item in). An editor's
approve, edit or drop (`decide`) changes an item only at the version the editor opened: a
second editor saving over a change they have not seen is told so (`Stale`), and nothing is
lost. Every decision is kept as a row: who, when, what, the text before and after, why."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import date as Date
from pathlib import Path
from typing import Iterator, Literal, Sequence

from briefer.core.errors import BrieferError, ConfigError, TemporaryError
from briefer.core.models import Article, CheckResult, Frozen
from briefer.outputs.edition import Edition

FILE = "review.sqlite"
State = Literal["pending", "approved", "edited", "dropped"]
Action = Literal["approve", "edit", "drop"]
LOCK_WAIT = 10.0  # seconds a save waits for another editor's

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    desk TEXT NOT NULL, day TEXT NOT NULL, article_id TEXT NOT NULL, position INTEGER NOT NULL,
    article TEXT NOT NULL, story TEXT NOT NULL, PRIMARY KEY (desk, day, article_id));
CREATE TABLE IF NOT EXISTS items (
    desk TEXT NOT NULL, day TEXT NOT NULL, article_id TEXT NOT NULL, lang TEXT NOT NULL,
    prompt TEXT NOT NULL, headline TEXT NOT NULL, bullets TEXT NOT NULL, findings TEXT NOT NULL,
    state TEXT NOT NULL, now_headline TEXT NOT NULL, now_bullets TEXT NOT NULL, version INTEGER NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '', decided_at TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (desk, day, article_id, lang));
CREATE TABLE IF NOT EXISTS candidates (
    desk TEXT NOT NULL, day TEXT NOT NULL, lang TEXT NOT NULL, edition TEXT NOT NULL,
    PRIMARY KEY (desk, day, lang));
CREATE TABLE IF NOT EXISTS decisions (
    desk TEXT NOT NULL, day TEXT NOT NULL, article_id TEXT NOT NULL, lang TEXT NOT NULL,
    editor TEXT NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL, before TEXT NOT NULL,
    after TEXT NOT NULL, reason TEXT NOT NULL, findings TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS released (desk TEXT NOT NULL, day TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (desk, day));
"""


class Stale(BrieferError):
    """The item changed since the editor opened it: their save is not made."""

    def __init__(self, message: str, current: HeldItem):
        super().__init__(message)
        self.current = current


class Closed(BrieferError):
    """The day was sent: its held items are decided for good."""


class Wording(Frozen):
    """An item's words: its headline and bullets."""

    headline: str
    bullets: tuple[str, ...]

    def lines(self) -> str:
        return "\n".join((self.headline, *self.bullets))


class HeldItem(Frozen):
    """One held item: as the model wrote it, its findings, and where the review stands."""

    article_id: str
    lang: str
    prompt: str  # the brief prompt's id@version: its instructions judge an edit
    written: Wording  # as the model wrote it
    findings: tuple[CheckResult, ...]  # the checks that flagged (or, overridden, refused) it
    state: State = "pending"
    now: Wording  # what readers get once approved: the written text, or the editor's
    version: int = 1
    decided_by: str = ""
    decided_at: str = ""

    @property
    def decided(self) -> bool:
        return self.state != "pending"

    @property
    def published(self) -> bool:
        return self.state in ("approved", "edited")


class HeldArticle(Frozen):
    article: Article
    story: str  # the story memory's facts (Standing.story): what is remembered once it is published
    position: int  # its rank among the day's stories


class Decision(Frozen):
    article_id: str
    lang: str
    editor: str
    at: str
    action: Action
    before: Wording
    after: Wording
    reason: str = ""
    findings: tuple[CheckResult, ...] = ()  # what the checks said of the edit as saved


@dataclass(frozen=True)
class ReviewDay:
    """One desk's day as the review sees it."""

    desk: str
    day: Date
    articles: tuple[HeldArticle, ...]  # those with a held item, by rank
    items: tuple[HeldItem, ...]
    candidates: tuple[Edition, ...]  # the editions with every held item in
    released: str = ""  # when the reviewed day was sent; "" while it is open

    @property
    def pending(self) -> tuple[HeldItem, ...]:
        return tuple(item for item in self.items if not item.decided)

    def item(self, article_id: str, lang: str) -> HeldItem | None:
        return next((i for i in self.items if i.article_id == article_id and i.lang == lang), None)

    def items_of(self, article_id: str) -> list[HeldItem]:
        return [item for item in self.items if item.article_id == article_id]

    def article(self, article_id: str) -> HeldArticle | None:
        return next((a for a in self.articles if a.article.id == article_id), None)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _text(headline: str, bullets: str) -> Wording:
    return Wording(headline=headline, bullets=tuple(json.loads(bullets)))


def _findings(value: str) -> tuple[CheckResult, ...]:
    return tuple(CheckResult.model_validate(result) for result in json.loads(value))


def _dump(results: Sequence[CheckResult]) -> str:
    return json.dumps([result.model_dump() for result in results], ensure_ascii=False)


class ReviewStore:
    """The open store; `ReviewStore.open(out_dir)` is a context manager."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db

    @classmethod
    @contextmanager
    def open(cls, out_dir: Path) -> Iterator[ReviewStore]:
        path = out_dir / FILE
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=LOCK_WAIT, isolation_level=None, check_same_thread=False)
            db.executescript(_SCHEMA)
        except sqlite3.OperationalError as error:
            if "locked" in str(error):
                raise TemporaryError(f"{path} is locked by another save; try again") from None
            raise ConfigError(f"review store {path} cannot be used ({error}): move it aside") from None
        except (sqlite3.Error, OSError) as error:
            raise ConfigError(f"review store {path} cannot be used ({error}): move it aside") from None
        try:
            yield cls(db)
        finally:
            db.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One short transaction that takes the write lock first: two saves never interleave."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # ---- what a run held ----

    def hold_day(
        self,
        desk: str,
        day: Date,
        articles: Sequence[HeldArticle],
        items: Sequence[HeldItem],
        candidates: Sequence[Edition],
    ) -> None:
        """The day's held items as this run wrote them. An item held before with the same
        text keeps its decision (a rerun of the day changes nothing an editor did); one whose
        text changed is pending again; one no longer held leaves the store (its decisions stay)."""
        when = day.isoformat()
        with self._writing() as db:
            db.execute("DELETE FROM articles WHERE desk = ? AND day = ?", (desk, when))
            db.executemany(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)",
                [(desk, when, a.article.id, a.position, a.article.model_dump_json(), a.story) for a in articles],
            )
            db.execute("DELETE FROM candidates WHERE desk = ? AND day = ?", (desk, when))
            db.executemany(
                "INSERT INTO candidates VALUES (?, ?, ?, ?)",
                [(desk, when, edition.lang, edition.model_dump_json()) for edition in candidates],
            )
            before = {(item.article_id, item.lang): item for item in self._items(desk, day)}
            db.execute("DELETE FROM items WHERE desk = ? AND day = ?", (desk, when))
            for item in items:
                kept = before.get((item.article_id, item.lang))
                if kept is not None and kept.written == item.written:
                    item = kept.model_copy(update={"findings": item.findings, "prompt": item.prompt})
                elif kept is not None:
                    item = item.model_copy(update={"version": kept.version + 1})
                db.execute(
                    "INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        desk,
                        when,
                        item.article_id,
                        item.lang,
                        item.prompt,
                        item.written.headline,
                        json.dumps(item.written.bullets, ensure_ascii=False),
                        _dump(item.findings),
                        item.state,
                        item.now.headline,
                        json.dumps(item.now.bullets, ensure_ascii=False),
                        item.version,
                        item.decided_by,
                        item.decided_at,
                    ),
                )

    # ---- reading ----

    def _items(self, desk: str, day: Date) -> list[HeldItem]:
        rows = self._db.execute(
            "SELECT i.article_id, lang, prompt, headline, bullets, findings, state, now_headline, now_bullets, "
            "version, decided_by, decided_at FROM items i LEFT JOIN articles a USING (desk, day, article_id) "
            "WHERE desk = ? AND day = ? ORDER BY a.position, lang",
            (desk, day.isoformat()),
        )
        return [
            HeldItem(
                article_id=row[0],
                lang=row[1],
                prompt=row[2],
                written=_text(row[3], row[4]),
                findings=_findings(row[5]),
                state=row[6],
                now=_text(row[7], row[8]),
                version=row[9],
                decided_by=row[10],
                decided_at=row[11],
            )
            for row in rows
        ]

    def day(self, desk: str, day: Date) -> ReviewDay:
        when = day.isoformat()
        articles = tuple(
            HeldArticle(article=Article.model_validate_json(row[0]), story=row[1], position=row[2])
            for row in self._db.execute(
                "SELECT article, story, position FROM articles WHERE desk = ? AND day = ? ORDER BY position",
                (desk, when),
            )
        )
        candidates = tuple(
            Edition.model_validate_json(row[0])
            for row in self._db.execute(
                "SELECT edition FROM candidates WHERE desk = ? AND day = ? ORDER BY lang", (desk, when)
            )
        )
        released = self._db.execute("SELECT at FROM released WHERE desk = ? AND day = ?", (desk, when)).fetchone()
        return ReviewDay(
            desk, day, articles, tuple(self._items(desk, day)), candidates, released[0] if released else ""
        )

    def decisions(self, desk: str, day: Date) -> list[Decision]:
        rows = self._db.execute(
            "SELECT article_id, lang, editor, at, action, before, after, reason, findings FROM decisions "
            "WHERE desk = ? AND day = ? ORDER BY rowid",
            (desk, day.isoformat()),
        )
        return [
            Decision(
                article_id=row[0],
                lang=row[1],
                editor=row[2],
                at=row[3],
                action=row[4],
                before=Wording.model_validate_json(row[5]),
                after=Wording.model_validate_json(row[6]),
                reason=row[7],
                findings=_findings(row[8]),
            )
            for row in rows
        ]

    # ---- an editor's decision ----

    def decide(
        self,
        desk: str,
        day: Date,
        article_id: str,
        lang: str,
        *,
        editor: str,
        action: Action,
        version: int,
        after: Wording | None = None,
        reason: str = "",
        findings: Sequence[CheckResult] = (),
    ) -> HeldItem:
        """Approve (the text as it stands), edit (to `after`) or drop one held item, if it is
        still at `version`; the decision is recorded in the same transaction."""
        when = day.isoformat()
        with self._writing() as db:
            if db.execute("SELECT 1 FROM released WHERE desk = ? AND day = ?", (desk, when)).fetchone():
                raise Closed(f"the {when} edition of {desk} was sent: its review is closed")
            current = next((i for i in self._items(desk, day) if (i.article_id, i.lang) == (article_id, lang)), None)
            if current is None:
                raise Closed(f"no held item {article_id[:12]} [{lang}] on {when}: a later run no longer holds it")
            if current.version != version:
                by = f" by {current.decided_by} at {current.decided_at}" if current.decided_by else " by a new run"
                raise Stale(
                    f"this item changed since you opened it ({current.state}{by}); "
                    f"your text is kept below: look at the change, then save again",
                    current,
                )
            now = current.now if action != "edit" or after is None else after
            state: State = "dropped" if action == "drop" else ("approved" if now == current.written else "edited")
            at = _now()
            db.execute(
                "UPDATE items SET state = ?, now_headline = ?, now_bullets = ?, version = version + 1, "
                "decided_by = ?, decided_at = ? WHERE desk = ? AND day = ? AND article_id = ? AND lang = ?",
                (
                    state,
                    now.headline,
                    json.dumps(now.bullets, ensure_ascii=False),
                    editor,
                    at,
                    desk,
                    when,
                    article_id,
                    lang,
                ),
            )
            db.execute(
                "INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    desk,
                    when,
                    article_id,
                    lang,
                    editor,
                    at,
                    action,
                    current.now.model_dump_json(),
                    now.model_dump_json(),
                    reason,
                    _dump(findings),
                ),
            )
        return current.model_copy(
            update={"state": state, "now": now, "version": version + 1, "decided_by": editor, "decided_at": at}
        )

    def release(self, desk: str, day: Date) -> str:
        """The reviewed day is sent: no decision changes it any more. When, as recorded."""
        at = _now()
        with self._writing() as db:
            db.execute("INSERT OR IGNORE INTO released VALUES (?, ?, ?)", (desk, day.isoformat(), at))
            row = db.execute("SELECT at FROM released WHERE desk = ? AND day = ?", (desk, day.isoformat())).fetchone()
        return str(row[0])
