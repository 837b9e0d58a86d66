"""What stays put across days, so readers subscribe once: the desk's feed of the last days
(<desk>/feed.<lang>.atom), its newest day (<desk>/latest/), and one archive page of every
desk's days (out/index.html). All are made again from the days' briefing.json after a run."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date as Date
from pathlib import Path
from typing import Iterator, NamedTuple

from briefer.core.briefing_file import DAY_GLOB, DEFAULT_DESK, day_files, read_head
from briefer.core.briefing_file import NAME as BRIEFING_JSON
from briefer.core.files import Text, replace_folder, write_atomic
from briefer.core.templating import render_page
from briefer.lang.languages import NATIVE_NAMES
from briefer.lang.wording import LABELS
from briefer.outputs.edition import Edition, FeedEntry, day_feed, desk_title, feed_updated
from briefer.outputs.render import safe_url
from briefer.settings.config import Settings

ATOM = "{http://www.w3.org/2005/Atom}"


class Renewed(NamedTuple):
    """What renewing the desk's feeds, latest/ and the archive page wrote, and what it had to
    say: a day's feed broken on disk, made again from its edition, or left out (named)."""

    written: list[Path]
    problems: list[str]


class Day(NamedTuple):
    """One desk's day, as the archive page lists it."""

    desk: str
    title: str  # the desk's title that day, as its edition says it
    day: str
    link: str  # the day's desk page, relative to out/
    written: int
    expected: int


def renew(settings: Settings) -> Renewed:
    """`update` for a desk's settings: what a run and a reviewed day's sending both renew."""
    return update(
        settings.out_dir,
        settings.desk_dir,
        settings.desk,
        settings.languages,
        settings.feed_days,
        desk_title(settings),
    )


def update(
    out_dir: Path, desk_dir: Path, desk: str, languages: tuple[str, ...], feed_days: int, title: str = ""
) -> Renewed:
    """Renew the desk's feeds and latest/, and the archive page of out_dir; the paths written,
    and a line for each day's feed found broken (mended from its edition, or left out)."""
    problems: list[str] = []
    written = [
        _write(desk_dir / f"feed.{lang}.atom", stable_feed(desk_dir, desk, lang, feed_days, title, problems))
        for lang in languages
    ]
    latest = _newest_day(desk_dir)
    if latest is not None:
        written.append(_latest(latest, desk_dir / "latest", languages))
    written.append(_write(out_dir / "index.html", archive_page(out_dir)))
    return Renewed(written, problems)


def _latest(day_dir: Path, target: Path, languages: tuple[str, ...]) -> Path:
    """latest/ is what readers are pointed at: the newest day's edition only (its pages, JSON
    and feeds), never the desk report; its index is the desk's first language's page."""
    first = day_dir / f"edition.{languages[0]}.html"
    return replace_folder(
        day_dir,
        target,
        keep=lambda name: name.startswith(("edition.", "feed.")),
        also={"index.html": first} if first.is_file() else {},
    )


def _write(path: Path, text: Text) -> Path:
    write_atomic(path, text)
    return path


# ---- the feed of the last days ----


def stable_feed(
    desk_dir: Path, desk: str, lang: str, days: int, title: str = "", problems: list[str] | None = None
) -> Iterator[str]:
    """Published items of the last `days` days, newest first, taken from each day's own feed
    as it streams (a day of ten thousand items is never held whole). An entry keeps its id and
    date whenever the feed is made again; a repeat is left out (it was posted on its first day).
    A day's feed that cannot be read (a control character written before they were filtered,
    a file cut short) is made again from the day's edition; one that cannot be is left out and
    named in `problems`, never dropped in silence."""
    found = sorted(desk_dir.glob(f"{DAY_GLOB}/feed.{lang}.atom"), reverse=True)[:days]
    newest = found[0].parent.name if found else Date.today().isoformat()
    said = problems if problems is not None else []
    entries = (entry for path in found for entry in _day_entries(path, lang, said))
    return render_page(
        "feed.atom.xml",
        lang=lang,
        desk=desk,
        title=title or LABELS[lang]["title"],
        updated=feed_updated(Date.fromisoformat(newest)),
        entries=entries,
    )


def _day_entries(path: Path, lang: str, problems: list[str]) -> Iterator[FeedEntry]:
    """The day's entries; a feed that breaks off is made again from the day's edition and read
    from there on (what was read already is not repeated)."""
    seen: set[str] = set()
    try:
        for entry in _parsed(path):
            seen.add(entry.id)
            yield entry
        return
    except (OSError, ET.ParseError) as error:
        broken = f"{type(error).__name__}: {error}"
    day = path.parent.name
    try:
        mended = Edition.model_validate_json((path.parent / f"edition.{lang}.json").read_text(encoding="utf-8"))
        write_atomic(path, day_feed(mended))
        entries = list(_parsed(path))
    except (OSError, ValueError, ET.ParseError) as error:
        problems.append(
            f"the {day} feed ({lang}) is broken ({broken}) and cannot be made again from its edition "
            f"({type(error).__name__}); its items are left out of {path.parent.parent.name}/feed.{lang}.atom"
        )
        return
    problems.append(f"the {day} feed ({lang}) was broken ({broken}); made again from the day's edition")
    yield from (entry for entry in entries if entry.id not in seen)


def _parsed(path: Path) -> Iterator[FeedEntry]:
    for _, element in ET.iterparse(path):
        if element.tag == f"{ATOM}entry":
            entry = _entry(element, path.parent.name)
            element.clear()
            if entry is not None:
                yield entry


def _link(element: ET.Element, day: str) -> str:
    """The entry's link as the desk's feed needs it: a day page's anchor is relative to its day."""
    link = element.find(f"{ATOM}link")
    href = link.get("href", "") if link is not None else ""
    return safe_url(href) or f"{day}/{href}"


def _entry(element: ET.Element, day: str) -> FeedEntry | None:
    category = element.find(f"{ATOM}category")
    novelty = category.get("term", "new") if category is not None else "new"
    if novelty == "repeat":
        return None
    mark = category.get("label", "") if category is not None else ""
    summary = element.findtext(f"{ATOM}summary", "")
    return FeedEntry(
        id=element.findtext(f"{ATOM}id", "").split(":")[3],
        headline=element.findtext(f"{ATOM}title", ""),
        url=_link(element, day),
        summary=summary.removeprefix(f"{mark}: ") if novelty != "new" else summary,
        novelty=novelty,
        mark=mark,
        updated=element.findtext(f"{ATOM}updated", ""),
    )


# ---- the newest day ----


def _newest_day(desk_dir: Path) -> Path | None:
    days = sorted(path.parent for path in desk_dir.glob(f"{DAY_GLOB}/{BRIEFING_JSON}"))
    return days[-1] if days else None


# ---- the archive page ----


def archive_page(out_dir: Path) -> Iterator[str]:
    days = sorted(_days(out_dir), key=lambda d: (d.day, d.desk), reverse=True)
    titles = {d.desk: d.title for d in reversed(days)}  # each desk by its newest day's title
    desks = sorted(titles)
    feeds = [
        (titles[desk], lang, NATIVE_NAMES.get(lang, lang), _desk_prefix(desk) + f"feed.{lang}.atom")
        for desk in desks
        for lang in _feed_languages(out_dir, desk)
    ]
    return render_page(
        "archive.html",
        lang="en",
        title="Briefings",
        days=days,
        feeds=feeds,
        latest=[(titles[desk], _desk_prefix(desk) + "latest/index.html") for desk in desks],
    )


def _days(out_dir: Path) -> Iterator[Day]:
    for path in day_files(out_dir):
        head = read_head(path)
        if head is not None:
            desk = str(head["desk"])
            yield Day(
                desk=desk,
                title=_edition_title(path.parent) or desk,
                day=path.parent.name,
                link=path.parent.relative_to(out_dir).as_posix() + "/index.html",
                written=int(head.get("written", 0)),
                expected=int(head.get("expected", 0)),
            )


def _edition_title(day_dir: Path) -> str:
    """The title of the day's edition, read from the head of one edition.<lang>.json."""
    for path in sorted(day_dir.glob("edition.*.json"), key=lambda p: (p.name != "edition.en.json", p.name))[:1]:
        try:
            with path.open(encoding="utf-8") as handle:
                found = re.search(r'^  "title": "((?:[^"\\]|\\.)*)"', handle.read(4096), re.MULTILINE)
        except OSError:
            return ""
        return json.loads(f'"{found.group(1)}"') if found else ""
    return ""


def _desk_prefix(desk: str) -> str:
    """Where a desk's files are, relative to out/ (config.Settings.desk_dir)."""
    return "" if desk == DEFAULT_DESK else f"{desk}/"


def _feed_languages(out_dir: Path, desk: str) -> list[str]:
    return sorted(path.name.split(".")[1] for path in (out_dir / _desk_prefix(desk)).glob("feed.*.atom"))
