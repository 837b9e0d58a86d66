"""A reviewed day, from the run that held its items to the edition readers get.

The run records what it held (`hold`) and writes the edition as the decisions so far make it:
held items out until approved. A desk with a review_deadline reviews before sending: while any
held item waits for an editor, the run delivers nothing. Without one, the run sends the rest
at once (as a desk that only left flagged items out always had it), and the approved items
follow as a correction when the review is sent. `briefer send --due` (`send`) closes the review once the desk's review_deadline has
passed or every held item is decided: the edition with the approved and edited items is
written again (edition, feeds, latest/; atomically), the memory records what was published,
the delivery sends it once (its log), and report.json names what was left out."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import Literal

from briefer.core.errors import EXIT_OK, EXIT_TEMPORARY
from briefer.core.files import desk_lock, write_all, write_atomic
from briefer.core.report import RunReport
from briefer.delivery.deliver import DeliveryReport, check_environment, deliver
from briefer.outputs import archive, edition
from briefer.outputs.edition import Edition
from briefer.review.store import FILE, HeldArticle, HeldItem, ReviewDay, ReviewStore, Wording
from briefer.settings.config import Settings
from briefer.stories.memory import StoryMemory
from briefer.stories.story import facts_from_json

DELIVERY_LOG = "deliveries.sqlite"  # in out_dir, shared by the desks


@dataclass(frozen=True)
class Held:
    """What a run held, and the day's editions as the review stands."""

    editions: list[Edition]
    lines: tuple[str, ...] = ()  # one per held item still waiting for an editor
    withheld: frozenset[tuple[str, str]] = frozenset()  # (article id, lang) held and not (yet) published
    waiting: bool = False  # items wait for an editor before the day is sent: not delivered yet


def hold(report: RunReport, settings: Settings) -> Held:
    """Record the run's held items in the review store (a rerun keeps the decisions made on
    unchanged items) and make the editions as the decisions so far allow."""
    articles: dict[str, HeldArticle] = {}
    items: list[HeldItem] = []
    rank: dict[str, int] = {}  # the article's place in the run, made once an item is held (most runs hold none)
    for lang in report.languages:
        for entry in edition.held_entries(report, settings, lang):
            briefed, article = entry.item, entry.article
            if briefed is None:  # a published entry always has its item
                continue
            written = Wording(headline=briefed.verdict.item.headline, bullets=briefed.verdict.item.bullets)
            items.append(
                HeldItem(
                    article_id=article.id,
                    lang=lang,
                    prompt=str(briefed.prompt),
                    written=written,
                    findings=briefed.verdict.flags,
                    now=written,
                )
            )
            rank = rank or {outcome.article.id: position for position, outcome in enumerate(report.outcomes)}
            articles[article.id] = HeldArticle(
                article=article, story=report.standing_of(article.id).story, position=rank[article.id]
            )
    if not items and not (settings.out_dir / FILE).exists():
        return Held(edition.build(report, settings))  # a desk that holds nothing needs no store
    with ReviewStore.open(settings.out_dir) as store:
        store.hold_day(
            settings.desk, report.date, list(articles.values()), items, edition.build(report, settings, True)
        )
        day = store.day(settings.desk, report.date)
    lines = tuple(_line(day, item, "held for review") for item in day.pending) if not day.released else ()
    return Held(
        reviewed(day),
        lines,
        frozenset((item.article_id, item.lang) for item in day.items if not item.published),
        waiting=bool(lines) and settings.review_deadline is not None,
    )


def awaiting(settings: Settings, days: list[Date]) -> set[Date]:
    """Of these days, those whose held items still wait for an editor under a review_deadline:
    `briefer send --due` sends them, never a later run's catch-up."""
    if settings.review_deadline is None or not (settings.out_dir / FILE).exists():
        return set()
    with ReviewStore.open(settings.out_dir) as store:
        return {day for day in days if (held := store.day(settings.desk, day)).pending and not held.released}


def reviewed(day: ReviewDay) -> list[Edition]:
    """The day's editions as the decisions make them: a held item in once approved (an edited
    one with the editor's words), out while pending or once dropped. An approved item carries
    no reader's flag: an editor read it against its source."""
    held = {(edition.item_id(item.article_id), item.lang): item for item in day.items}
    editions = []
    for candidate in day.candidates:
        kept = []
        for entry in candidate.items:
            decided = held.get((entry.id, candidate.lang))
            if decided is None:
                kept.append(entry)
            elif decided.published:
                kept.append(
                    entry.model_copy(
                        update={"headline": decided.now.headline, "bullets": decided.now.bullets, "flag": ""}
                    )
                )
        editions.append(candidate.model_copy(update={"items": tuple(kept)}))
    return editions


def _line(day: ReviewDay, item: HeldItem, what: str) -> str:
    found = day.article(item.article_id)
    source = found.article.source if found else item.article_id[:12]
    return f'{source} [{item.lang}] "{item.now.headline}": {what}'


# ---- briefer send --due ----


@dataclass(frozen=True)
class Sent:
    """What `briefer send --due` did with a day."""

    status: Literal["sent", "not due", "nothing held", "already sent"]
    line: str  # the one line for the person or cron that ran it
    published: tuple[str, ...] = ()  # held items that went out (approved or edited)
    dropped: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()  # held and never decided: not sent, named
    held: tuple[str, ...] = ()  # every held item of the day and what became of it
    delivery: DeliveryReport | None = None
    written: list[Path] = field(default_factory=list)
    archive: tuple[str, ...] = ()  # a day's feed found broken as the feeds were renewed: mended, or left out

    @property
    def exit_code(self) -> int:
        if self.status == "not due":
            return EXIT_TEMPORARY
        return self.delivery.exit_code if self.delivery else EXIT_OK


def due(settings: Settings, day: ReviewDay, now: datetime) -> bool:
    """Every held item decided, or the desk's review_deadline passed (local time on the day)."""
    if not day.pending:
        return True
    deadline = settings.review_deadline
    return deadline is not None and now >= datetime.combine(day.day, deadline)


def send(settings: Settings, when: Date, now: datetime, force: bool = False) -> Sent:
    """Close the day's review and send what was approved, once; `force` (send now, from the
    review page) does not wait for the deadline. `now` is local time."""
    if settings.deliver:
        check_environment(settings.deliver)  # a missing secret stops it before anything changes
    with desk_lock(settings.desk_dir):
        with ReviewStore.open(settings.out_dir) as store:
            day = store.day(settings.desk, when)
            if not day.items:
                return Sent("nothing held", f"nothing was held for review on {when.isoformat()}: nothing to send")
            if day.released:
                return _again(settings, day)
            if not force and not due(settings, day, now):
                deadline = settings.review_deadline
                until = f"until {deadline.strftime('%H:%M')}" if deadline else "(no review_deadline is set)"
                return Sent(
                    "not due",
                    f"{len(day.pending)} held items await review {until}; nothing sent, try again later",
                )
            store.release(settings.desk, when)
            day = store.day(settings.desk, when)
            decisions = store.decisions(settings.desk, when)
        editions = reviewed(day)
        written, broken_feeds = _write(settings, editions, when)
        _remember(settings, day, editions)
        sent = _deliver(settings, editions)
        result = Sent(
            "sent",
            f"the reviewed {when.isoformat()} edition of {settings.desk} is out",
            published=tuple(_line(day, item, item.state) for item in day.items if item.published),
            dropped=tuple(_line(day, item, "dropped") for item in day.items if item.state == "dropped"),
            left_out=tuple(_line(day, item, "not approved by the deadline; left out") for item in day.pending),
            held=tuple(_line(day, item, item.state) for item in day.items),
            delivery=sent,
            written=written,
            archive=broken_feeds,
        )
        _report(settings, when, result, [d.model_dump(mode="json") for d in decisions])
    return result


def _again(settings: Settings, day: ReviewDay) -> Sent:
    """A day already sent: the delivery log sends nothing twice, and what failed goes now."""
    sent = _deliver(settings, edition.read(settings.desk_dir / day.day.isoformat())) if settings.deliver else None
    return Sent("already sent", f"the reviewed {day.day.isoformat()} edition went out at {day.released}", delivery=sent)


def _write(settings: Settings, editions: list[Edition], when: Date) -> tuple[list[Path], tuple[str, ...]]:
    """The day's edition files renamed into place together, then the feeds and latest/: (the
    paths written, a line for each day's feed found broken, mended from its edition or left out)."""
    day_dir = settings.desk_dir / when.isoformat()
    files = edition.day_files(editions, settings.desk_dir, settings.out_dir)
    written = write_all((day_dir / name, text) for name, text in files)
    renewed = archive.renew(settings)
    return written + renewed.written, tuple(renewed.problems)


def _remember(settings: Settings, day: ReviewDay, editions: list[Edition]) -> None:
    """The stories of the approved items, in every language they were published in: the
    run remembered the rest already; recording a day again replaces its rows."""
    stories = {held.article_id for held in day.items if held.published}
    if not stories:
        return
    memory, _ = StoryMemory.open(settings.out_dir, settings.desk, settings.memory_days)
    try:
        for found in day.articles:
            if found.article.id in stories and found.story:
                ident = edition.item_id(found.article.id)
                langs = [e.lang for e in editions if any(item.id == ident for item in e.items)]
                memory.record(day.day, facts_from_json(json.loads(found.story)), langs)
    finally:
        memory.close()


def _deliver(settings: Settings, editions: list[Edition]) -> DeliveryReport | None:
    if not settings.deliver:
        return None
    return deliver(editions, settings.deliver, settings.out_dir / DELIVERY_LOG)


def delivery_json(sent: DeliveryReport) -> dict:
    return {
        "sent": list(sent.sent),
        "already_sent": list(sent.already_sent),
        "failed": list(sent.failed),
        "corrected": list(sent.corrected),
        "refused": list(sent.refused),
        "unrecorded": list(sent.unrecorded),
        "unconfirmed": list(sent.unconfirmed),
    }


def _report(settings: Settings, when: Date, sent: Sent, decisions: list[dict]) -> None:
    """report.json of the day, with the review: what went out, what was dropped, what was left
    out unapproved (named), every decision, and the delivery."""
    path = settings.desk_dir / when.isoformat() / "report.json"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        document = {"date": when.isoformat()}
    document["review"] = {
        "held": list(sent.held),
        "published": list(sent.published),
        "dropped": list(sent.dropped),
        "left_out": list(sent.left_out),
        "decisions": decisions,
    }
    if sent.delivery is not None:
        document["delivery"] = delivery_json(sent.delivery)
    if sent.archive:  # as a run names them: among the day's problems
        problems = document.get("problems") if isinstance(document.get("problems"), list) else []
        document["problems"] = [*problems, *(line for line in sent.archive if line not in problems)]
    write_atomic(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
