"""A wall-clock limit on one network call. HTTP clients' timeouts are per read, so a server
that trickles a byte every few seconds would never time out; this bounds the whole call."""

from __future__ import annotations

import threading
from typing import Callable, TypeVar

T = TypeVar("T")


def within(seconds: float, call: Callable[[], T], late: Callable[[], Exception]) -> T:
    """Run `call` with a wall-clock limit; past it, raise `late()`. An abandoned call finishes
    in a daemon thread (when its server gives up), holding nothing of the caller's."""
    outcome: list[tuple[bool, object]] = []

    def worker() -> None:
        try:
            outcome.append((True, call()))
        except BaseException as exc:  # handed to the caller's thread below
            outcome.append((False, exc))

    thread = threading.Thread(target=worker, name="briefer-call", daemon=True)
    thread.start()
    thread.join(seconds)
    if not outcome:
        raise late()
    ok, value = outcome[0]
    if not ok:
        raise value  # type: ignore[misc]
    return value  # type: ignore[return-value]
