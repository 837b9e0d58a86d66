"""Client-side rate limits: requests and tokens per minute, and the provider's own
x-ratelimit-* headers. The model door (llm.py) waits here before each request."""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from typing import Any


class RateLimiter:
    """Client-side limits on requests and tokens per minute (from settings), tightened by
    the provider's x-ratelimit-* headers: when they say nothing is left, wait for the reset."""

    def __init__(self, requests_per_minute: int = 0, tokens_per_minute: int = 0):
        self.rpm, self.tpm = requests_per_minute, tokens_per_minute
        self._sent: deque[tuple[float, int]] = deque()  # (time, tokens) of the last minute, oldest first
        self._sent_tokens = 0
        self._blocked_until = 0.0
        self._lock = threading.Lock()

    def wait(self, tokens: int) -> None:
        while True:
            with self._lock:
                now = time.monotonic()
                while self._sent and now - self._sent[0][0] >= 60:
                    self._sent_tokens -= self._sent.popleft()[1]
                delay = max(0.0, self._blocked_until - now)
                if self.rpm and len(self._sent) >= self.rpm:
                    delay = max(delay, 60 - (now - self._sent[0][0]))
                if self.tpm and self._sent_tokens + tokens > self.tpm and self._sent:
                    delay = max(delay, 60 - (now - self._sent[0][0]))
                if delay <= 0:
                    self._sent.append((now, tokens))
                    self._sent_tokens += tokens
                    return
            time.sleep(min(delay, 5.0))

    def observe(self, headers: Any) -> None:
        for kind in ("requests", "tokens"):
            remaining, reset = headers.get(f"x-ratelimit-remaining-{kind}"), headers.get(f"x-ratelimit-reset-{kind}")
            if remaining is not None and remaining.strip() == "0" and reset:
                with self._lock:
                    self._blocked_until = max(self._blocked_until, time.monotonic() + _seconds(reset))


def _seconds(reset: str) -> float:
    """'1s', '6m0s', '250ms' or a plain number of seconds."""
    total = 0.0
    for amount, unit in re.findall(r"([\d.]+)(ms|s|m|h)?", reset):
        total += float(amount) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "": 1}[unit]
    return min(total, 120.0)
