"""Content-addressed store of model replies: one JSON file per request key.

The key covers everything that shapes a reply: the model, the messages (which carry the
prompt id@version's text and the input), the parameters and the response format. The same
store serves as the reply cache of a run and as the recorded replies of the fixtures
(fixtures/recordings/), which is why it is files, not a database: recordings are read in
a diff. A file that cannot be read or parsed is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from briefer.core.files import remove_stale_temps, write_atomic


def request_key(model: str, messages: list[dict[str, str]], params: dict[str, Any], response_format: Any) -> str:
    canonical = json.dumps(
        {"model": model, "messages": messages, "params": params, "response_format": response_format},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ReplyStore:
    def __init__(self, root: Path):
        self.root = root
        self.touched: set[str] = set()  # keys read or written through this store

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        self.touched.add(key)
        try:
            os.utime(self._path(key))  # a reply still asked for is kept longest (expire)
        except OSError:
            pass  # a read-only store (the recordings of an installed copy) is fine as it is
        return entry

    def put(self, key: str, entry: dict[str, Any]) -> None:
        write_atomic(self._path(key), json.dumps({"key": key, **entry}, ensure_ascii=False, indent=1, sort_keys=True))
        self.touched.add(key)

    def prune(self) -> int:
        """Delete every entry this store did not touch (recordings no request asks for anymore)."""
        removed = 0
        for path in self.root.glob("*/*.json"):
            if path.stem not in self.touched:
                path.unlink()
                removed += 1
        return removed

    def expire(self, max_age_days: float, max_bytes: int, now: float | None = None) -> int:
        """The reply cache kept bounded: replies not used for `max_age_days` go, then the least
        recently used until the rest fits `max_bytes`. Returns how many were deleted."""
        now = time.time() if now is None else now
        entries = []
        for path in self.root.glob("*/*.json"):
            try:
                info = path.stat()
            except OSError:
                continue
            entries.append((info.st_mtime, info.st_size, path))
        entries.sort()  # least recently used first
        total, removed = sum(size for _, size, _ in entries), 0
        for used, size, path in entries:
            if used >= now - max_age_days * 86400 and total <= max_bytes:
                break
            path.unlink(missing_ok=True)
            total, removed = total - size, removed + 1
        return removed

    def clean_stale_temp_files(self) -> int:
        """Temp files left by a run that was killed mid-write."""
        return sum(remove_stale_temps(folder) for folder in self.root.glob("*/"))
