"""What a run shows while it works: a live display on a terminal (articles done, calls in
flight, retries, tokens; rich enters here only), one plain line per article under cron."""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from briefer.core.models import ArticleOutcome

HEARTBEAT = 30.0  # seconds without a finished article before a plain "still working" line


@contextmanager
def progress_display(total: int, llm, heartbeat: float = HEARTBEAT) -> Iterator:
    """A live display on a terminal (articles done, calls in flight, retries, tokens); plain
    lines when not a terminal, as under cron, and a heartbeat line while nothing finishes, so
    a slow run on a busy machine is seen to be alive."""
    done: dict[str, ArticleOutcome] = {}  # by article: a set-aside article tried again counts once

    def line(outcome: ArticleOutcome) -> str:
        fates = ", ".join(f"{i.verdict.item.lang} {'ok' if i.passed else 'FAILED'}" for i in outcome.items)
        waiting = f"waiting for the next run: {outcome.waiting}" if outcome.waiting else ""
        return f"[{len(done)}/{total}] {outcome.article.source}: {fates or '; '.join(outcome.errors) or waiting}"

    if not sys.stderr.isatty():
        finished = threading.Event()
        last = [time.monotonic()]
        started = last[0]

        def plain(outcome: ArticleOutcome) -> None:
            done[outcome.article.id] = outcome
            last[0] = time.monotonic()
            print(f"briefer: {line(outcome)}", file=sys.stderr, flush=True)

        def beat() -> None:
            while not finished.wait(heartbeat / 4):
                if time.monotonic() - last[0] >= heartbeat:
                    last[0] = time.monotonic()
                    print(
                        f"briefer: {_still_working(len(done), total, time.monotonic() - started)}",
                        file=sys.stderr,
                        flush=True,
                    )

        threading.Thread(target=beat, name="briefer-heartbeat", daemon=True).start()
        try:
            yield plain
        finally:
            finished.set()
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("briefing", total=total)

        def live(outcome: ArticleOutcome) -> None:
            done[outcome.article.id] = outcome
            tokens = sum(i.usage.prompt_tokens + i.usage.completion_tokens for o in done.values() for i in o.items)
            progress.update(
                task,
                advance=1,
                description=f"briefing: {llm.in_flight} calls in flight, {llm.retries} retries, {tokens} tokens",
            )
            progress.console.print(line(outcome))

        yield live


def _still_working(done: int, total: int, elapsed: float) -> str:
    left = f", about {elapsed / done * (total - done) / 60:.0f} min left" if done else ""
    return f"still working: {done} of {total} articles done after {elapsed / 60:.0f} min{left}"
