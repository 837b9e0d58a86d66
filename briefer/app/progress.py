"""What a run shows while it works: a live display on a terminal (items done, calls in
flight, retries, tokens; rich enters here only), one plain line per finished item under
cron or in a pipe, and a heartbeat while nothing finishes."""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from briefer.app.schedule import Watch
from briefer.core.models import Article, ArticleOutcome, BriefedItem

HEARTBEAT = 30.0  # seconds without a finished item before a plain "still working" line


@dataclass
class _Tally:
    """Items finished so far, counted once each (an article set aside and tried again is
    briefed again), and when the last one finished."""

    total: int
    started: float = field(default_factory=time.monotonic)
    last: float = field(default_factory=time.monotonic)
    done: set[tuple[str, str]] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def finish(self, key: tuple[str, str]) -> int:
        with self.lock:
            self.done.add(key)
            self.last = time.monotonic()
            return len(self.done)

    def still_working(self) -> str:
        done, elapsed = len(self.done), time.monotonic() - self.started
        left = f", about {elapsed / done * (self.total - done) / 60:.0f} min left" if done else ""
        return (
            f"still working: {done} of {self.total} items done, {self.total - done} left, "
            f"after {elapsed / 60:.0f} min{left}"
        )


def item_line(article: Article, item: BriefedItem) -> str:
    """One finished item, as a person watching the run needs it: which, and its fate."""
    verdict = item.verdict
    if verdict.failures:
        fate = "refused: " + ", ".join(f"{r.check} ({r.message})" for r in verdict.failures)
    elif verdict.flags:
        fate = "published, flagged: " + ", ".join(r.check for r in verdict.flags)
    else:
        fate = "published"
    return f"{article.source} [{verdict.item.lang}] {fate}"


def _article_line(outcome: ArticleOutcome) -> str | None:
    """An article that ended without items (skipped, or waiting for the next run) says so."""
    if outcome.items:
        return None
    waiting = f"waiting for the next run: {outcome.waiting}" if outcome.waiting else ""
    return f"{outcome.article.source}: {'; '.join(outcome.errors) or waiting}"


@contextmanager
def progress_display(articles: int, languages: int, llm, heartbeat: float = HEARTBEAT) -> Iterator[Watch]:
    """A live display on a terminal; plain lines when not a terminal, as under cron, with a
    heartbeat line while nothing finishes, so a slow run on a busy machine is seen alive."""
    tally = _Tally(total=articles * languages)
    if sys.stderr.isatty():
        with _live(tally, llm) as watch:
            yield watch
        return
    finished = threading.Event()

    def say(line: str) -> None:
        print(f"briefer: {line}", file=sys.stderr, flush=True)

    def item(article: Article, briefed: BriefedItem) -> None:
        count = tally.finish((article.id, briefed.verdict.item.lang))
        say(f"[{count}/{tally.total}] {item_line(article, briefed)}")

    def article(outcome: ArticleOutcome) -> None:
        line = _article_line(outcome)
        if line:
            say(line)

    def beat() -> None:
        while not finished.wait(heartbeat / 4):
            if time.monotonic() - tally.last >= heartbeat:
                tally.last = time.monotonic()
                say(tally.still_working())

    threading.Thread(target=beat, name="briefer-heartbeat", daemon=True).start()
    try:
        yield Watch(item=item, article=article)
    finally:
        finished.set()


@contextmanager
def _live(tally: _Tally, llm) -> Iterator[Watch]:
    from rich.progress import Progress

    tokens = [0]
    with Progress(transient=True) as progress:
        task = progress.add_task("briefing", total=tally.total)

        def item(article: Article, briefed: BriefedItem) -> None:
            tally.finish((article.id, briefed.verdict.item.lang))
            tokens[0] += briefed.usage.prompt_tokens + briefed.usage.completion_tokens
            progress.update(
                task,
                completed=len(tally.done),
                description=f"briefing: {llm.in_flight} calls in flight, {llm.retries} retries, {tokens[0]} tokens",
            )
            progress.console.print(item_line(article, briefed))

        def article(outcome: ArticleOutcome) -> None:
            line = _article_line(outcome)
            if line:
                progress.console.print(line)

        yield Watch(item=item, article=article)
