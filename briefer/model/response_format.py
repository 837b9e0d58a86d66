"""Which structured-output mode the endpoint is asked with. The strongest first; an endpoint
that refuses one gets the next, once for the whole run (a locked, logged step that the run
report records), however many requests in flight were refused at the same time."""

from __future__ import annotations

import logging
import threading

log = logging.getLogger("briefer")
MODES = ("json_schema", "json_object", "none")


class ResponseFormat:
    def __init__(self) -> None:
        self.mode = 0  # index into MODES
        self.fallback = ""  # what happened, for the run report; empty while the first mode works
        self._lock = threading.Lock()

    def args(self, schema: dict, mode: int | None = None) -> dict:
        """The request arguments for `mode` (default: the current one)."""
        name = MODES[self.mode if mode is None else mode]
        if name == "json_schema":
            return {
                "response_format": {
                    "type": "json_schema",
                    "json_schema": {"name": "reply", "schema": schema, "strict": True},
                }
            }
        if name == "json_object":
            return {"response_format": {"type": "json_object"}}
        return {}

    def can_fall_back(self, mode: int) -> bool:
        return mode < len(MODES) - 1

    def fall_back(self, refused: int) -> None:
        with self._lock:
            if self.mode == refused:
                self.mode += 1
                self.fallback = f"the endpoint refused response_format {MODES[refused]}; using {MODES[self.mode]}"
                log.warning("%s", self.fallback)


def is_refusal(error_text: str) -> bool:
    """A 400 that is about the response format, not the request."""
    text = error_text.lower()
    return "response_format" in text or "json_schema" in text or "json schema" in text
