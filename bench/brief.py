"""Figure 8, `make brief`: calls per item on the embedded model's recordings (replayed: no
model runs), and, from a real run's report.json, its wall time against the embedded
server's own time for its calls."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from bench.reasks import replay
from briefer.settings.config import EMBEDDED_MODEL_NAME, REASKABLE, load_settings

GOAL_CALLS, GOAL_TIME = 1.5, 1.3


def newest_embedded_report(out: Path) -> Path | None:
    """The newest report.json of a run on the embedded model (with the server's own time)."""
    found = []
    for path in out.glob("**/report.json"):
        try:
            document = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        if document.get("model") == EMBEDDED_MODEL_NAME and (document.get("seconds") or {}).get("model_server"):
            found.append((path.stat().st_mtime, path))
    return max(found)[1] if found else None


def figure_8(out: Path, load: str) -> None:
    now = replay(load_settings({"reply_cache": False}, environ={}))
    try:
        every = replay(load_settings({"reask_checks": REASKABLE, "max_reasks": 2, "reply_cache": False}, environ={}))
        twice = f"{every.calls / len(every.items):.2f}"
    except SystemExit:  # recorded with the default policy: its extra re-asks were never asked
        twice = "not in these recordings"
    print(
        f"8. make brief, calls per item = {now.calls / len(now.items):.2f} ({now.calls} calls for {len(now.items)} "
        f"items; every refusal re-asked twice: {twice}); the embedded model's recordings "
        f"replayed (fixtures/recordings: the articles make brief briefs, in its languages); target <= {GOAL_CALLS}; {load}",
        flush=True,
    )
    path = newest_embedded_report(out)
    if path is None:
        print(
            f"8. make brief, wall / the embedded server's own time: not measured (no report.json of an embedded-model "
            f"run under {out}: run `make brief`, then `python -m bench 8`); target <= {GOAL_TIME}"
        )
        return
    document = json.loads(path.read_text())
    seconds, items = document["seconds"], document["expected"]
    completion = document["usage"]["completion_tokens"]
    when = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    print(
        f"8. make brief, wall / the embedded server's own time = {seconds['run'] / seconds['model_server']:.2f} "
        f"({seconds['run']:.0f} s vs {seconds['model_server']:.0f} s; the model's part {seconds['briefing']:.0f} s), "
        f"{document['model_calls']} calls for {items} items ({document['model_calls'] / max(items, 1):.2f} per item), "
        f"{document['written']} published; {completion} completion tokens, "
        f"{completion / seconds['model_server']:.1f} per server second; target <= {GOAL_TIME}; "
        f"from {os.path.relpath(path)} ({when}, load {seconds.get('load', '?')} as it ended)"
    )
