"""The re-ask loop: call, judge the reply, and ask again naming what was wrong, a bounded
number of times. HTTP faults are not retried here (the openai SDK retries those); only
replies that arrived but are unusable: bad JSON, the wrong shape, failed checks."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from typing import Any, Callable, Protocol

from briefer.core.errors import ModelReplyError, TemporaryError
from briefer.core.models import Usage

Message = dict[str, str]
Judge = Callable[[dict | None, str], tuple[Any, list[str]]]  # (parsed JSON or None, problem) -> (value, failures)
_FENCE_RE = re.compile(r"^```(?:json)?\s*|\s*```$", re.MULTILINE)


@dataclass(frozen=True)
class Reply:
    content: str
    usage: Usage
    model: str
    finish_reason: str | None
    stored: bool = False  # served from the reply store, not the endpoint


@dataclass
class Answer:
    """The outcome of the re-ask loop: the last parsed value and what was still wrong with it."""

    value: Any
    failures: list[str]
    usage: Usage
    attempts: int
    model: str
    calls: int = 0  # requests that reached the endpoint (the rest came from the reply store)
    # What was wrong with each attempt in turn (empty for the one that passed): what a re-ask
    # fixed is measured from this (bench/reasks.py), in a replay and in a real run's report.json.
    tries: tuple[tuple[str, ...], ...] = ()


class Door(Protocol):  # the model door (llm.LLM), as the loop sees it
    model: str
    timeout: float

    def complete(self, messages: list[Message], schema: dict, params: dict, timeout: float | None = None) -> Reply: ...


class _Unusable(Exception):
    """No reply to judge this time (a garbled response, the article's deadline)."""


def ask(
    door: Door,
    messages: list[Message],
    schema: dict,
    params: dict,
    judge: Judge,
    reask: Callable[[list[str]], str | None],
    max_reasks: int,
    deadline: float,
) -> Answer:
    """At most 1 + `max_reasks` attempts; an empty failure list from `judge` ends the loop, and
    so does `reask` returning None (no re-ask is worth a call for these failures); after the
    last attempt the last value is returned with its failures."""
    conversation, total, model, calls = list(messages), Usage(), door.model, 0
    value: Any = None
    failures: list[str] = []
    tries: list[tuple[str, ...]] = []
    attempt = 0
    for attempt in range(1, max_reasks + 2):  # noqa: B007 (the count is returned after the loop)
        try:
            reply = _reply_in_time(door, conversation, schema, params, deadline)
        except _Unusable as exc:
            value, failures = None, [str(exc)]
            tries.append(tuple(failures))
            continue
        total, model, calls = total + reply.usage, reply.model, calls + (not reply.stored)
        value, failures = judge(*parse_json_reply(reply))
        tries.append(tuple(failures))
        if not failures:
            break
        follow_up = reask(failures) if attempt <= max_reasks else None
        if follow_up is None:
            break
        conversation += [
            {"role": "assistant", "content": reply.content[:4000]},
            {"role": "user", "content": follow_up},
        ]
    return Answer(value, failures, total, attempt, model, calls, tuple(tries))


def _reply_in_time(door: Door, conversation: list[Message], schema: dict, params: dict, deadline: float) -> Reply:
    remaining = deadline - time.monotonic()
    if remaining <= 1:  # this article is out of time; the run goes on
        raise _Unusable("the article's deadline passed (article_deadline)")
    limit = min(door.timeout, remaining)
    try:
        return door.complete(conversation, schema, params, timeout=limit)
    except ModelReplyError as exc:
        raise _Unusable(str(exc)) from None
    except TemporaryError:
        if limit < door.timeout:  # the article's deadline, not the endpoint, cut it short
            raise _Unusable("the article's deadline passed mid-request (article_deadline)") from None
        raise


def parse_json_reply(reply: Reply) -> tuple[dict | None, str]:
    """The JSON object in a reply, or None and why not. Tolerates code fences and prose around it."""
    if reply.finish_reason == "length":
        return None, "the reply was cut off at the token limit: write less"
    text = reply.content.strip()
    if not text:
        return None, "the reply was empty"
    text = _FENCE_RE.sub("", text).strip()
    start = text.find("{")
    if start < 0:
        return None, "the reply held no JSON object"
    try:
        value, _ = json.JSONDecoder().raw_decode(text[start:])
    except json.JSONDecodeError as exc:
        return None, f"the reply was not valid JSON ({exc.msg} at char {exc.pos})"
    if not isinstance(value, dict):
        return None, "the reply was JSON but not an object"
    return value, ""
