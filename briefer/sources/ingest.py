"""Sources (files, folders, stdin) -> Articles: reading, cleaning, extraction and language id."""

from __future__ import annotations

import json
import logging
import re
import sys
import unicodedata
from pathlib import Path
from typing import Iterable, Iterator

from briefer.core.errors import ConfigError, InputError, MissingSource, SourceUnavailable
from briefer.core.models import Article
from briefer.core.redact import redact
from briefer.core.spill import Spill
from briefer.lang.langid import detect_language
from briefer.settings.config import load_yaml
from briefer.sources.fetch import FetchPolicy, feed_entries, fetch, looks_like_feed

log = logging.getLogger("briefer")

SUFFIXES = (".txt", ".md", ".html", ".htm", ".json")
# Characters a reader cannot see but a model reads: zero-width, bidi controls, Unicode tags.
_INVISIBLE_RE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]")
_MAX_TITLE_CHARS = 300


def clean_text(text: str) -> str:
    """Normalise and strip what is invisible on screen, so hidden text never reaches a prompt."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE_RE.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


# ---- readers, one per format ----


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: binary content (NUL bytes), not the text of an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None


def _split_title(text: str) -> tuple[str, str]:
    lines = text.split("\n")
    title = lines[0].lstrip("# ").strip()
    rest = "\n".join(lines[1:]).strip()
    if len(title) > _MAX_TITLE_CHARS or not rest:
        return title[:_MAX_TITLE_CHARS], text
    return title, rest


def _from_json(raw: str, source: str) -> dict:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError(f"{source}: JSON article needs a 'text' string (and title, url, published)")
    return {k: data.get(k) for k in ("title", "text", "url", "published")}


_HTML_FIELDS = (("title", "title"), ("text", "text"), ("url", "url"), ("published", "date"))  # ours, trafilatura's


def _from_html(raw: str, source: str) -> dict:
    import trafilatura

    extracted = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    if not extracted or not getattr(extracted, "text", None):
        raise InputError(f"{source}: no article text found in the HTML")
    return {key: getattr(extracted, field, None) for key, field in _HTML_FIELDS}


def parse_article(raw: str, source: str, suffix: str) -> Article:
    """Turn the text of one source into an Article, or raise InputError naming the source."""
    if suffix == ".json":
        fields = _from_json(raw, source)
    elif suffix in (".html", ".htm"):
        fields = _from_html(raw, source)
    elif suffix in (".md", ".markdown") and raw.startswith("---"):
        fields = _from_front_matter(raw, source)
    else:
        fields = {"title": None, "text": raw, "url": None, "published": None}
    text = clean_text(fields["text"] or "")
    if not text:
        raise InputError(f"{source}: empty article (no text after cleaning)")
    title = clean_text(fields["title"] or "")
    if not title:
        title, text = _split_title(text)
    return Article(
        id=Article.id_for(text),
        title=title,
        source=source,
        url=fields["url"] or None,
        published=str(fields["published"]) if fields["published"] else None,
        lang=detect_language(f"{title}\n{text}"),
        text=text,
    )


def _from_front_matter(raw: str, source: str) -> dict:
    """A Markdown article with YAML front matter: title, url and published from it, the text
    after it (not a title of "---")."""
    match = re.match(r"---[ \t]*\n(.*?)\n---[ \t]*\n(.*)", raw, flags=re.DOTALL)
    if not match:
        return {"title": None, "text": raw, "url": None, "published": None}
    try:
        meta = load_yaml(match.group(1), source)
    except ConfigError as exc:  # a bad source is skipped and named, not a bad setting
        raise InputError(f"{exc.message} in its front matter") from None
    meta = meta if isinstance(meta, dict) else {}
    return {
        "title": meta.get("title"),
        "text": match.group(2),
        "url": meta.get("url") or meta.get("link"),
        "published": meta.get("published") or meta.get("date"),
    }


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _from_url(url: str, policy: FetchPolicy) -> tuple[list[Article], list[InputError]]:
    """A URL is an article page or a feed; a feed's entries are followed to their articles.
    Returns the articles and one line per entry that could not be read."""
    fetched = fetch(url, policy)
    if not looks_like_feed(fetched):
        return [_article_from_page(fetched.text, fetched.url, None, None)], []
    articles: list[Article] = []
    problems: list[InputError] = []
    for entry in feed_entries(fetched, policy):
        try:
            page = fetch(entry.link, policy)
            articles.append(_article_from_page(page.text, page.url, entry.title, entry.published))
        except InputError as exc:
            problems.append(type(exc)(f"{exc.message} (entry of {redact(url)})"))
    if not articles:
        unavailable = any(isinstance(p, SourceUnavailable) for p in problems)
        error = SourceUnavailable if unavailable else InputError
        raise error(f"{redact(url)}: feed has no entry that could be read")
    return articles, problems


def _article_from_page(html: str, url: str, title: str | None, published: str | None) -> Article:
    """An article fetched from `url`; its source and link as shown: without credentials or query."""
    shown = redact(url)
    article = parse_article(html, shown, ".html")
    return article.model_copy(
        update={
            "url": redact(article.url or url),
            "title": article.title or title or shown,
            "published": article.published or published,
        }
    )


def _expand(sources: Iterable[str]) -> Iterator[Path | str | InputError]:
    """Files in each folder, in name order; a missing source or an empty folder comes out as
    its error, so that the run goes on with the rest and names it."""
    for source in sources:
        if source == "-" or _is_url(source):
            yield source
            continue
        path = Path(source)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                yield InputError(f"{source}: folder has no .txt, .md, .html or .json files")
            yield from found
        elif path.is_file():
            yield path
        else:
            yield MissingSource(f"{source}: no such file or folder")


def read_sources(
    sources: Iterable[str], policy: FetchPolicy | None = None, max_source_bytes: int = 5_000_000
) -> tuple[Spill[Article], list[InputError]]:
    """Read every source, into a Spill (on disk: 100,000 articles' texts are never all in
    memory). Unreadable ones, and files too large to be an article, are reported (one line
    each), not fatal."""
    policy = policy or FetchPolicy()
    articles: Spill[Article] = Spill()
    slots: dict[str, int] = {}  # article id -> its place, to join the same text read twice
    rejected: list[InputError] = []
    for item in _expand(sources):
        try:
            if isinstance(item, InputError):
                raise item
            if isinstance(item, str) and _is_url(item):
                found, problems = _from_url(item, policy)
                for article in found:
                    _add(articles, slots, article)
                rejected.extend(problems)
                continue
            if isinstance(item, str):  # "-": a URL was handled above
                raw = sys.stdin.buffer.read(max_source_bytes + 1)
                if len(raw) > max_source_bytes:
                    raise _too_large("stdin", max_source_bytes)
                article = parse_article(_decode(raw, "stdin"), "stdin", ".txt")
            else:
                suffix = item.suffix.lower()
                if suffix not in SUFFIXES:
                    raise InputError(f"{item}: unsupported file type '{suffix}' (use {', '.join(SUFFIXES)})")
                if item.stat().st_size > max_source_bytes:  # refused before a byte of it is read
                    raise _too_large(str(item), max_source_bytes)
                article = parse_article(_decode(item.read_bytes(), str(item)), str(item), suffix)
        except InputError as exc:
            rejected.append(exc)
            continue
        _add(articles, slots, article)
    return articles, rejected


def _too_large(source: str, max_source_bytes: int) -> InputError:
    return InputError(f"{source}: larger than {max_source_bytes} bytes (max_source_bytes); not read")


def _add(articles: Spill[Article], slots: dict[str, int], article: Article) -> None:
    """The same text twice is one article that lists both sources."""
    slot = slots.get(article.id)
    if slot is None:
        slots[article.id] = len(articles)
        articles.append(article)
        return
    earlier = articles[slot]
    if article.source != earlier.source:
        articles.put(
            slot, earlier.model_copy(update={"also_from": (*earlier.also_from, article.url or article.source)})
        )
