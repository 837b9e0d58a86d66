"""`briefer run --batch`: the first ask of every article and language goes out as one
OpenAI Batch job (about half the price; results within 24 h). Its state is a file in the
output folder, so the next cron run picks the results up. Results land in the reply store
under the key of the request that made them; the run then proceeds as usual and finds
them there. Re-asks after failed checks, and digests, are asked directly.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from briefer.core.errors import ConfigError, ModelReplyError
from briefer.core.files import write_atomic
from briefer.model.llm import LLM

PENDING = ("validating", "in_progress", "finalizing", "cancelling")
Request = tuple[list[dict[str, str]], dict, dict]  # messages, response schema, params


@dataclass(frozen=True)
class BatchState:
    batch_id: str
    requests: int


def state_path(out_dir: Path, day: str) -> Path:
    return out_dir / f".batch-{day}.json"


def advance(llm: LLM, requests: list[Request], path: Path) -> tuple[bool, str]:
    """Submit the requests as a Batch job, or collect its results: (still pending, what
    happened, in one line). While pending, the run ends with 75: run again later."""
    state = read_state(path)
    if state is None:
        lines = [
            line
            for line in (llm.request_body(*request) for request in requests)
            if llm.store is None or llm.store.get(line[0]) is None
        ]
        if not lines:
            return False, ""  # every first ask is already answered
        state = submit(llm, lines, path)
        return True, f"submitted batch {state.batch_id} with {state.requests} requests; run again to collect"
    status, stored = collect(llm, state, path)
    if status in PENDING:
        return True, f"batch {state.batch_id} is {status} ({state.requests} requests); run again later"
    return False, f"batch {state.batch_id} {status}: {stored} of {state.requests} replies collected"


def read_state(path: Path) -> BatchState | None:
    try:
        return BatchState(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def submit(llm: LLM, lines: list[tuple[str, dict]], path: Path) -> BatchState:
    if llm.store is None:
        raise ConfigError("--batch needs the reply cache (reply_cache = true): results are kept there")
    jsonl = (
        "\n".join(
            json.dumps(
                {"custom_id": key, "method": "POST", "url": "/v1/chat/completions", "body": body}, ensure_ascii=False
            )
            for key, body in lines
        )
        + "\n"
    )
    uploaded = llm.api(
        lambda client: client.files.create(file=("briefer-batch.jsonl", jsonl.encode("utf-8")), purpose="batch")
    )
    batch = llm.api(
        lambda client: client.batches.create(
            input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
        )
    )
    state = BatchState(batch_id=batch.id, requests=len(lines))
    write_atomic(path, json.dumps(asdict(state)) + "\n")
    return state


def collect(llm: LLM, state: BatchState, path: Path) -> tuple[str, int]:
    """(status, replies stored). Pending: nothing changes. Ended: results stored, state removed."""
    batch = llm.api(lambda client: client.batches.retrieve(state.batch_id))
    if batch.status in PENDING:
        return batch.status, 0
    stored = 0
    if batch.output_file_id:
        text = llm.api(lambda client: client.files.content(batch.output_file_id).text)
        for line in filter(None, text.splitlines()):
            result = json.loads(line)
            response = result.get("response") or {}
            if response.get("status_code") == 200:
                try:
                    llm.store_reply(result["custom_id"], response["body"])
                    stored += 1
                except (KeyError, ValueError, ModelReplyError):
                    continue  # an unusable result: that request is asked directly later
    path.unlink(missing_ok=True)
    return batch.status, stored
