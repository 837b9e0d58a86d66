"""A wall-clock limit on one request. httpx's timeouts are per read, so a server that
trickles a byte every few seconds would never time out."""

from __future__ import annotations

import threading
from typing import Any, Callable

from briefer.core.errors import TemporaryError


def within(seconds: float, where: str, call: Callable[[], Any]) -> Any:
    """Run `call` with a wall-clock limit. httpx's timeouts are per read, so a server that
    trickles a byte every few seconds would never time out; this bounds the whole request,
    the SDK's own retries included. An abandoned call finishes in a daemon thread."""
    outcome: list = []

    def worker() -> None:
        try:
            outcome.append((True, call()))
        except BaseException as exc:  # handed to the caller's thread below
            outcome.append((False, exc))

    thread = threading.Thread(target=worker, name="briefer-request", daemon=True)
    thread.start()
    thread.join(seconds)
    if not outcome:
        raise TemporaryError(
            f"the endpoint {where} did not finish answering within {seconds:.0f} s "
            f"(request_timeout, article_deadline); try later"
        )
    ok, value = outcome[0]
    if not ok:
        raise value
    return value
