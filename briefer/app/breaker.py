"""When to stop asking: a circuit breaker over the articles' fates.

One request that failed after its HTTP retries is bad luck on a flaky endpoint; the article
is set aside and the run goes on. The endpoint is down when failures come in a row across
different articles, or make up most of the recent ones: then the breaker opens and the run
stops starting articles.
"""

from __future__ import annotations

import threading
from collections import deque


class Breaker:
    def __init__(self, consecutive: int, window: int, rate: float) -> None:
        self.consecutive, self.window, self.rate = consecutive, window, rate
        self._recent: deque[bool] = deque(maxlen=window)  # True: the article's requests failed
        self._streak = 0
        self._lock = threading.Lock()
        self.reason = ""  # why it opened, for the message and the report

    def record(self, failed: bool, error: str = "") -> None:
        with self._lock:
            self._recent.append(failed)
            self._streak = self._streak + 1 if failed else 0
            if self.reason or not failed:
                return
            failures = sum(self._recent)
            if self._streak >= self.consecutive:
                self.reason = (
                    f"{self._streak} articles in a row failed on the endpoint "
                    f"(breaker_failures = {self.consecutive}): {error}"
                )
            elif len(self._recent) >= self.window // 2 and failures / len(self._recent) >= self.rate:
                self.reason = (
                    f"{failures} of the last {len(self._recent)} articles failed on the endpoint "
                    f"(breaker_rate = {self.rate} over breaker_window = {self.window}): {error}"
                )

    @property
    def open(self) -> bool:
        return bool(self.reason)
