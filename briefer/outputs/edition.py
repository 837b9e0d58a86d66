"""The edition: what readers get of a day, built in this one place from the run's report and
taken from here by every channel (mail, chat, the day's and the stable Atom feed, the reader
page). It holds only published items: refused, failed and waiting ones never; a flagged one
with a short mark for readers (flagged = "publish"), or held for an editor (flagged = "hold",
or every item with hold_all = true): out of the edition until approved (briefer.review). No file
path, check name, finding, endpoint or model is in it; a short line says that AI wrote it.
The desk report (index.html, briefing.*, report.json) keeps everything, with reasons."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time
from datetime import date as Date
from pathlib import Path
from typing import Annotated, Iterator, Literal, Sequence

from pydantic import PlainSerializer, ValidatorFunctionWrapHandler, WrapValidator

from briefer.core.errors import InputError
from briefer.core.files import Text
from briefer.core.models import BriefingEntry, Frozen
from briefer.core.report import RunReport
from briefer.core.spill import Spill, Stream
from briefer.core.templating import render_page
from briefer.lang.languages import NATIVE_NAMES
from briefer.lang.wording import EDITION_WORDS, LABELS
from briefer.outputs.render import briefing_for, safe_url
from briefer.settings.config import Settings

Change = Literal["", "added", "changed"]


class EditionItem(Frozen):
    """One published item as readers get it."""

    id: str  # the article's, stable across runs: a feed reader shows no item twice
    headline: str
    bullets: tuple[str, ...] = ()
    novelty: Literal["new", "update", "repeat"] = "new"
    mark: str = ""  # the novelty in the edition's words: "New", "Update (since 2026-11-26): €135 million"
    flag: str = ""  # flagged and published: the reader's mark ("Details unconfirmed"); else empty
    link: str | None = None  # the source's http(s) address, when it has one
    source: str = ""  # the source's title
    change: Change = ""  # in a correction: what became of the item since it was sent

    @property
    def developing(self) -> bool:
        """A repeat: one line under "still developing", after the day's news."""
        return self.novelty == "repeat"

    def fingerprint(self) -> str:
        """What a reader would see change: the words, the mark and the link."""
        text = json.dumps([self.headline, self.bullets, self.flag, self.link], ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _spilled_or_validated(value: object, validate: ValidatorFunctionWrapHandler) -> object:
    """A run's items stay on disk (a Spill: 100,000 are never all in memory); read back from
    edition.<lang>.json, they are validated as ever."""
    return value if isinstance(value, Spill) else tuple(validate(value))


# a tuple, or in a run a Spill; serialised as the list it is (edition_json writes a run's in pieces)
EditionItems = Annotated[
    Sequence[EditionItem],
    WrapValidator(_spilled_or_validated),
    PlainSerializer(lambda items: [item.model_dump(mode="json") for item in items]),
]


class Edition(Frozen):
    """One desk's day in one language, as readers get it."""

    desk: str
    day: Date
    lang: str
    title: str  # the desk's title, or the language's word for a daily briefing
    disclosure: str = ""  # the AI line; empty when the desk turned it off
    items: EditionItems = ()
    correction: bool = False  # a correction of a day already sent: items are what was added or changed

    @property
    def language(self) -> str:
        return NATIVE_NAMES.get(self.lang, self.lang)

    @property
    def words(self) -> dict[str, str]:
        return {**LABELS.get(self.lang, LABELS["en"]), **EDITION_WORDS.get(self.lang, EDITION_WORDS["en"])}

    def fingerprints(self) -> dict[str, str]:
        return {item.id: item.fingerprint() for item in self.items}

    def content_hash(self) -> str:
        """The hash of what a reader gets: the delivery log compares it to notice a changed day."""
        text = json.dumps([self.title, self.disclosure, sorted(self.fingerprints().items())], ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def corrected(self, sent: dict[str, str]) -> Edition | None:
        """The correction to send after `sent` (item id -> fingerprint) went out: the items
        added or changed since, each named so; None when nothing was added or changed."""
        items = tuple(
            item.model_copy(update={"change": "added" if item.id not in sent else "changed"})
            for item in self.items
            if sent.get(item.id) != item.fingerprint()
        )
        return self.model_copy(update={"items": items, "correction": True}) if items else None


# ---- built from the run ----


def desk_title(settings: Settings) -> str:
    """The desk's own title; empty: each language's word for a daily briefing."""
    return settings.title if "title" in settings.model_fields_set else ""


def build(report: RunReport, settings: Settings, with_held: bool = False) -> list[Edition]:
    """The day's edition in every language of the desk; with_held: as it would be were every
    held item approved (the review's candidate, which an editor's decisions cut down)."""
    return [build_one(report, settings, lang, with_held) for lang in report.languages]


def build_one(report: RunReport, settings: Settings, lang: str, with_held: bool = False) -> Edition:
    words = {**LABELS[lang], **EDITION_WORDS[lang]}
    entries = briefing_for(report, lang).entries
    items: Spill[EditionItem] = Spill()  # on disk: a day of 100,000 items is read back one at a time
    for developing in (False, True):  # the day's news first, repeats under "still developing"
        for entry in entries:
            if entry.fate.published and entry.developing == developing and (with_held or not held(entry, settings)):
                items.append(_item(entry, words))
    disclosure = _disclosure(settings.disclosure, lang, words["disclosure"])
    return Edition(
        desk=settings.desk,
        day=report.date,
        lang=lang,
        title=desk_title(settings) or words["title"],
        disclosure=disclosure,
        items=items,
    )


def _disclosure(setting: bool | dict[str, str], lang: str, default: str) -> str:
    if isinstance(setting, dict):
        return setting.get(lang, default)
    return default if setting else ""


def held(entry: BriefingEntry, settings: Settings) -> bool:
    """A published item an editor sees before readers do: every one under hold_all, a flagged
    one under flagged = "hold"."""
    if not entry.fate.published:
        return False
    return settings.hold_all or (entry.fate.status == "flagged" and settings.flagged == "hold")


def held_entries(report: RunReport, settings: Settings, lang: str) -> list[BriefingEntry]:
    return [entry for entry in briefing_for(report, lang).entries if held(entry, settings)]


def item_id(article_id: str) -> str:
    """An edition item's id: the article's, shortened; stable across runs."""
    return article_id[:32]


def _item(entry: BriefingEntry, words: dict[str, str]) -> EditionItem:
    item, link = entry.published_item, safe_url(entry.article.url)
    return EditionItem(
        id=item_id(entry.article.id),
        headline=item.headline,
        bullets=item.bullets,
        novelty=entry.standing.novelty,
        mark=entry.standing.mark(words),
        flag=f"⚑ {words['flag']}" if entry.fate.status == "flagged" else "",
        link=link,
        source=entry.article.title if link else "",  # named only beside its link: a file means nothing to readers
    )


# ---- the day's files and reading them back ----


@dataclass(frozen=True)
class DayLinks:
    """Where a day's page leads, relative to the day's folder: the archive page and the day before."""

    archive: str | None = None
    previous: str | None = None  # the day before's folder, "../2026-11-26/"

    @classmethod
    def of(cls, desk_dir: Path, out_dir: Path, day: Date, page: str = "index.html") -> DayLinks:
        """The links of `day`; the day before is the desk's newest earlier day that has `page`."""
        day_dir = desk_dir / day.isoformat()
        archive = Path(os.path.relpath(out_dir / "index.html", day_dir)).as_posix()
        earlier = sorted(
            p.parent.name
            for p in desk_dir.glob(f"*/{page}")
            if re.fullmatch(r"\d{4}-\d\d-\d\d", p.parent.name) and p.parent.name < day.isoformat()
        )
        return cls(archive, f"../{earlier[-1]}/" if earlier else None)

    def to(self, page: str) -> DayLinks:
        """The links with the day before's page named."""
        return DayLinks(self.archive, self.previous + page if self.previous else None)


def day_files(editions: list[Edition], desk_dir: Path, out_dir: Path) -> Iterator[tuple[str, Text]]:
    """Per language: the edition as data (edition.<lang>.json, what delivery reads back), the
    reader's page (edition.<lang>.html, linking the archive page of out_dir and the desk's day
    before) and the day's Atom feed (feed.<lang>.atom)."""
    for edition in editions:
        name = page_name(edition.lang)
        links = DayLinks.of(desk_dir, out_dir, edition.day, name).to(name)
        yield f"edition.{edition.lang}.json", edition_json(edition)
        yield name, page(edition, links)
        yield f"feed.{edition.lang}.atom", day_feed(edition)


def edition_json(edition: Edition) -> Iterator[str]:
    """edition.<lang>.json as `model_dump_json(indent=2)` writes it, in pieces: one item at a
    time, not the day's items as one string."""
    head, tail = edition.model_copy(update={"items": ()}).model_dump_json(indent=2).split('"items": []', 1)
    yield head + '"items": ['
    for index, item in enumerate(edition.items):
        yield ("," if index else "") + "\n    " + item.model_dump_json(indent=2).replace("\n", "\n    ")
    yield ("\n  ]" if edition.items else "]") + tail + "\n"


def read(day_dir: Path) -> list[Edition]:
    """A written day's editions, as the run built them."""
    found = sorted(day_dir.glob("edition.*.json"))
    if not found:
        raise InputError(f"no edition to send in {day_dir}: run 'briefer run' for that day")
    try:
        return [Edition.model_validate_json(path.read_text(encoding="utf-8")) for path in found]
    except (OSError, ValueError) as error:
        raise InputError(
            f"the edition in {day_dir} cannot be read ({type(error).__name__}): run the day again"
        ) from None


def page_name(lang: str) -> str:
    return f"edition.{lang}.html"


def anchor(item: EditionItem) -> str:
    return f"item-{item.id}"


# ---- as text, page and feed ----


# What no reader's plain text should hold: C0 controls but tab and line feed (a backspace, a
# terminal escape), DEL, C1 controls, lone surrogates and non-characters. The pages and feeds
# lose what XML forbids in templating; mail's text part and chat posts lose these here.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def readable(text: str) -> str:
    """`text` without control characters: a model's stray \u0008 never reaches a reader's mail or chat."""
    return _CONTROL.sub("", text)


def text(edition: Edition) -> str:
    """Plain text, as a mail's text part: no Markdown, no escapes, no control characters."""
    words = edition.words
    head = f"{words['correction']}: " if edition.correction else ""
    lines = [f"{head}{edition.title} — {edition.day.isoformat()}", ""]
    news = [item for item in edition.items if not item.developing]
    developing = [item for item in edition.items if item.developing]
    for item in news:
        lines += [item.headline, marks(item, words), *(f"- {bullet}" for bullet in item.bullets)]
        lines += [_source(item, words), ""] if _source(item, words) else [""]
    if developing:
        lines += [words["developing"], ""]
        lines += [f"- {item.headline} — {marks(item, words)}" for item in developing] + [""]
    if edition.disclosure:
        lines += ["--", edition.disclosure]
    return readable("\n".join(lines)).rstrip() + "\n"


def marks(item: EditionItem, words: dict[str, str]) -> str:
    """The item's marks in one line: its change (in a correction), its novelty, its flag."""
    change = words[item.change] if item.change else ""
    return " · ".join(filter(None, (change, item.mark, item.flag)))


def _source(item: EditionItem, words: dict[str, str]) -> str:
    if not item.link:
        return ""
    return f"{words['source']}: {item.source} {item.link}" if item.source else f"{words['source']}: {item.link}"


def page(edition: Edition, days: DayLinks | None = None) -> Iterator[str]:
    """The reader's page of the edition; links to the archive and, when given, the day before."""
    return render_page(
        "edition.html",
        lang=edition.lang,
        title=f"{edition.title} — {edition.day.isoformat()}",
        edition=edition,
        words=edition.words,
        news=Stream(lambda: (item for item in edition.items if not item.developing)),
        developing=[item for item in edition.items if item.developing],
        marks=lambda item: marks(item, edition.words),
        anchor=anchor,
        archive=days.archive if days else None,
        previous=days.previous if days else None,
    )


def feed_updated(day: Date) -> str:
    return datetime.combine(day, time(6, 0), tzinfo=UTC).isoformat()


def day_feed(edition: Edition) -> Iterator[str]:
    """The day's Atom feed: every entry links its source, else the item on the day's page
    (relative to the day's folder)."""
    return render_page(
        "feed.atom.xml",
        lang=edition.lang,
        desk=edition.desk,
        title=edition.title,
        updated=feed_updated(edition.day),
        entries=(feed_entry(item, edition.words, page_name(edition.lang)) for item in edition.items),
    )


class FeedEntry(Frozen):
    id: str
    headline: str
    url: str  # the source, or the item's anchor on the day's page
    summary: str
    novelty: str  # the entry's Atom category
    mark: str  # the novelty in the feed's language, before the summary
    updated: str = ""  # the entry's day; empty: the feed's


def feed_entry(item: EditionItem, words: dict[str, str], day_page: str) -> FeedEntry:
    flag = f" [{item.flag}]" if item.flag else ""
    return FeedEntry(
        id=item.id,
        headline=item.headline,
        url=item.link or f"{day_page}#{anchor(item)}",
        summary=" ".join(item.bullets) + flag,
        novelty=item.novelty,
        mark=item.mark,
    )
