"""What a run shows while it works: a live display on a terminal (articles done, calls in
flight, retries, tokens; rich enters here only), one plain line per article under cron."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

from briefer.core.models import ArticleOutcome


@contextmanager
def progress_display(total: int, llm) -> Iterator:
    """A live display on a terminal (articles done, calls in flight, retries, tokens); plain
    lines when not a terminal, as under cron."""
    done: dict[str, ArticleOutcome] = {}  # by article: a set-aside article tried again counts once

    def line(outcome: ArticleOutcome) -> str:
        fates = ", ".join(f"{i.verdict.item.lang} {'ok' if i.passed else 'FAILED'}" for i in outcome.items)
        waiting = f"waiting for the next run: {outcome.waiting}" if outcome.waiting else ""
        return f"[{len(done)}/{total}] {outcome.article.source}: {fates or '; '.join(outcome.errors) or waiting}"

    if not sys.stderr.isatty():

        def plain(outcome: ArticleOutcome) -> None:
            done[outcome.article.id] = outcome
            print(f"briefer: {line(outcome)}", file=sys.stderr, flush=True)

        yield plain
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
