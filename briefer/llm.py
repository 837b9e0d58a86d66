"""The one door to the model: the openai client, calls, usage, and the re-ask loop.

Who retries what (never both on the same failure):
- HTTP faults (connection errors, timeouts, 408/409/429/5xx) belong to the openai SDK's
  own retry loop (`max_retries`), which honours retry-after-ms / retry-after.
- A reply that arrives but is unusable (bad JSON, wrong shape, failed checks) belongs
  to the re-ask loop below (tenacity), which asks again naming what was wrong.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import openai
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_none

from .cache import request_key
from .errors import ConfigError, ContextTooLongError, ModelReplyError, TemporaryError
from .ratelimit import RateLimiter
from .timelimit import within as _within
from .models import Usage

Message = dict[str, str]
_FENCE_RE = re.compile(r"^```(?:json)?\s*|\s*```$", re.MULTILINE)
_CONTEXT_MARKERS = ("context length", "context_length", "maximum context", "exceeds the available context",
                    "too many tokens", "n_ctx")
# Structured-output modes, strongest first; an endpoint that refuses one gets the next.
log = logging.getLogger("briefer")
_MODES = ("json_schema", "json_object", "none")


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


@dataclass
class _Rejected(Exception):
    value: Any
    failures: list[str]


@dataclass
class LLM:
    base_url: str
    api_key: str | None
    model: str
    timeout: float = 180.0
    http_retries: int = 2
    concurrency: int = 1  # requests in flight at once, across all threads
    limiter: RateLimiter = field(default_factory=RateLimiter)
    store: Any = None  # a cache.ReplyStore, or None
    spending: Any = None  # a budget.Spending: the run's budget as a ceiling, or None
    replay_only: bool = False  # a store miss is an error, the endpoint is never asked
    retries: int = field(default=0, init=False)  # HTTP retries the SDK made, for the run report
    server_seconds: float = field(default=0.0, init=False)
    in_flight: int = field(default=0, init=False)  # for the progress display  # the server's own prompt+generation time, if it says
    _client: openai.OpenAI = field(init=False, repr=False)
    _mode: int = field(default=0, init=False)
    fallback: str = field(default="", init=False)  # the response-format fallback, for the run report
    _slots: threading.BoundedSemaphore = field(init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self) -> None:
        self._client = openai.OpenAI(
            base_url=self.base_url,
            api_key=self.api_key or "not-needed",
            max_retries=self.http_retries,
            timeout=openai.Timeout(self.timeout, connect=10.0),
            http_client=openai.DefaultHttpxClient(event_hooks={"request": [self._count_retry],
                                                               "response": [self._observe_limits]}),
        )
        self._slots = threading.BoundedSemaphore(self.concurrency)

    def _observe_limits(self, response: Any) -> None:
        self.limiter.observe(response.headers)

    def _count_retry(self, request: Any) -> None:
        """The SDK stamps every attempt with its retry number; a non-zero one is a retry."""
        if request.headers.get("x-stainless-retry-count", "0") not in ("0", ""):
            with self._lock:
                self.retries += 1

    def close(self) -> None:
        self._client.close()

    # ---- one call ----

    def complete(self, messages: list[Message], schema: dict, params: dict, timeout: float | None = None) -> Reply:
        """One chat completion, from the reply store when it has it, else from the endpoint."""
        key = request_key(self.model, messages, params, self._format_args(schema)) if self.store else ""
        entry = self.store.get(key) if self.store else None
        if entry is not None:
            return Reply(content=entry["content"], usage=Usage(**entry["usage"]), model=entry["model"],
                         finish_reason=entry["finish_reason"], stored=True)
        if self.replay_only:
            raise ConfigError(f"no recorded reply for a request to model '{self.model}': prompts, checks or "
                              f"fixtures changed since recording; run 'briefer check --live --record'")
        chars = sum(len(m["content"]) for m in messages)
        self.limiter.wait(chars // 4 + int(params.get("max_tokens", 0)))
        most_in = chars // 3  # the most it can cost must fit the budget: chars / 3 is generous for Cyrillic
        reserved = self.spending.reserve(most_in, int(params.get("max_tokens", 0))) if self.spending else 0.0
        try:
            reply = self._send(messages, schema, params, timeout)
        except BaseException:
            if self.spending:  # it may have been billed: count its input
                self.spending.settle(reserved, most_in, 0)
            raise
        if self.spending:
            self.spending.settle(reserved, reply.usage.prompt_tokens, reply.usage.completion_tokens)
        return reply

    def _send(self, messages: list[Message], schema: dict, params: dict, timeout: float | None) -> Reply:
        """The request itself, one concurrency slot held until it really ends."""
        self._slots.acquire()
        self.in_flight += 1

        def request() -> tuple[Reply, int]:
            try:
                return self._request(messages, schema, params, timeout)
            finally:  # when the request really ends, not when the caller stops waiting for it
                self.in_flight -= 1
                self._slots.release()

        reply, mode = _within(timeout or self.timeout, self.base_url, request)
        if self.store:  # filed under the format it was really asked with (after a fallback)
            key = request_key(self.model, messages, params, self._format_args(schema, mode))
            self.store.put(key, {"content": reply.content, "usage": reply.usage.model_dump(), "model": reply.model,
                                 "finish_reason": reply.finish_reason})
        return reply

    # ---- the Batch API: requests prepared here, replies land in the store ----

    def batch_line(self, messages: list[Message], schema: dict, params: dict) -> tuple[str, dict] | None:
        """(store key, request body) for a Batch job; None when the store already has the reply."""
        key = request_key(self.model, messages, params, self._format_args(schema))
        if self.store is None or self.store.get(key) is not None:
            return None
        return key, {"model": self.model, "messages": messages, **self._format_args(schema), **params}

    def store_reply(self, key: str, body: dict) -> None:
        """Keep a Batch result as if the endpoint had answered the request that made `key`."""
        response = openai.types.chat.ChatCompletion.model_validate(body)
        reply = self._reply(response)
        self.store.put(key, {"content": reply.content, "usage": reply.usage.model_dump(), "model": reply.model,
                             "finish_reason": reply.finish_reason})

    def api(self, call: Callable[[openai.OpenAI], Any]) -> Any:
        """Any other endpoint call (files, batches), with the same typed errors."""
        try:
            return call(self._client)
        except openai.APIError as exc:
            raise self._mapped(exc) from None

    def _request(self, messages: list[Message], schema: dict, params: dict, timeout: float | None
                 ) -> tuple[Reply, int]:
        """One request, and the response format it was made with. HTTP faults are retried by
        the SDK, then mapped to typed errors."""
        while True:
            mode = self._mode
            try:
                response = self._client.chat.completions.create(
                    model=self.model, messages=messages, timeout=timeout or self.timeout,
                    **self._format_args(schema, mode), **params,
                )
                return self._reply(response), mode
            except openai.BadRequestError as exc:
                if self._is_format_refusal(exc) and mode < len(_MODES) - 1:
                    self._fall_back(mode)
                    continue
                raise self._bad_request(exc) from None
            except openai.APIError as exc:
                raise self._mapped(exc) from None
            except json.JSONDecodeError:  # a 200 labelled JSON that is not (an HTML error page, a cut body)
                raise ModelReplyError(f"the endpoint {self.base_url} sent a reply that is not JSON") from None

    def _fall_back(self, refused: int) -> None:
        """The endpoint lacks a response format: the next one, once, however many requests
        in flight were refused it at the same time."""
        with self._lock:
            if self._mode == refused:
                self._mode += 1
                self.fallback = f"the endpoint refused response_format {_MODES[refused]}; using {_MODES[self._mode]}"
                log.warning("%s", self.fallback)

    def _format_args(self, schema: dict, mode_index: int | None = None) -> dict:
        mode = _MODES[self._mode if mode_index is None else mode_index]
        if mode == "json_schema":
            return {"response_format": {"type": "json_schema",
                                        "json_schema": {"name": "reply", "schema": schema, "strict": True}}}
        if mode == "json_object":
            return {"response_format": {"type": "json_object"}}
        return {}

    def _reply(self, response: Any) -> Reply:
        choices = getattr(response, "choices", None)
        choice = choices[0] if isinstance(choices, list) and choices else None
        if choice is None or not hasattr(choice, "message"):
            raise ModelReplyError("the endpoint sent a reply with no choices")
        content = getattr(choice.message, "content", None) if choice.message else None
        timings = (getattr(response, "model_extra", None) or {}).get("timings") or {}
        with self._lock:  # llama.cpp reports its own time: what briefer adds on top is overhead
            self.server_seconds += (timings.get("prompt_ms", 0) + timings.get("predicted_ms", 0)) / 1000
        # Hosted providers name the exact model version; llama.cpp may send a placeholder ("-").
        served = response.model if response.model and response.model.strip("-") else self.model
        return Reply(content=content or "", usage=_usage(response), model=served, finish_reason=choice.finish_reason)

    @staticmethod
    def _is_format_refusal(exc: openai.BadRequestError) -> bool:
        text = str(exc).lower()
        return "response_format" in text or "json_schema" in text or "json schema" in text

    def _bad_request(self, exc: openai.BadRequestError) -> Exception:
        text = str(exc).lower()
        if any(marker in text for marker in _CONTEXT_MARKERS):
            return ContextTooLongError(f"prompt longer than the model's context at {self.base_url}")
        return ConfigError(f"the endpoint {self.base_url} refused the request (400): {_short(exc)}; "
                           f"check --model and the endpoint's settings")

    def _mapped(self, exc: openai.APIError) -> Exception:
        where = self.base_url
        if isinstance(exc, openai.AuthenticationError):
            return ConfigError(f"the endpoint {where} refused the API key (401): set OPENAI_API_KEY")
        if isinstance(exc, openai.PermissionDeniedError):
            return ConfigError(f"the endpoint {where} denied access (403): check OPENAI_API_KEY and --model")
        if isinstance(exc, openai.NotFoundError):
            return ConfigError(f"model '{self.model}' not found at {where} (404): set --model or OPENAI_BASE_URL")
        if isinstance(exc, openai.RateLimitError):
            return TemporaryError(f"the endpoint {where} is rate limiting (429) after {_retries_taken(exc)} retries; try later")
        if isinstance(exc, openai.APITimeoutError):
            return TemporaryError(f"the endpoint {where} did not answer in time; try later or raise request_timeout")
        if isinstance(exc, openai.APIConnectionError):
            return TemporaryError(f"cannot reach the model endpoint {where}; check OPENAI_BASE_URL or try later")
        if isinstance(exc, openai.InternalServerError):
            return TemporaryError(f"the endpoint {where} failed ({exc.status_code}) after {_retries_taken(exc)} retries")
        if isinstance(exc, openai.APIResponseValidationError):
            return ModelReplyError(f"the endpoint {where} sent a reply that is not a chat completion")
        status = getattr(exc, "status_code", None)
        return ModelReplyError(f"the endpoint {where} answered {status or 'with an error'}: {_short(exc)}")

    # ---- the re-ask loop ----

    def ask(
        self,
        messages: list[Message],
        schema: dict,
        params: dict,
        judge: Callable[[dict | None, str], tuple[Any, list[str]]],
        reask: Callable[[list[str]], str],
        max_reasks: int,
        deadline: float,
    ) -> Answer:
        """Call, judge the reply, and re-ask naming the failures, at most `max_reasks` times.

        `judge(parsed_json_or_None, problem)` returns (value, failures). An empty failure list
        ends the loop. After the last re-ask the last value is returned with its failures.
        """
        conversation = list(messages)
        total = Usage()
        model = self.model
        attempts = calls = 0
        retrying = Retrying(stop=stop_after_attempt(max_reasks + 1), wait=wait_none(),
                            retry=retry_if_exception_type(_Rejected), reraise=True)
        try:
            for attempt in retrying:
                with attempt:
                    attempts += 1
                    remaining = deadline - time.monotonic()
                    if remaining <= 1:  # this article is out of time; the run goes on
                        raise _Rejected(None, ["the article's deadline passed (article_deadline)"])
                    limit = min(self.timeout, remaining)
                    try:
                        reply = self.complete(conversation, schema, params, timeout=limit)
                    except ModelReplyError as exc:
                        raise _Rejected(None, [str(exc)]) from None
                    except TemporaryError:
                        if limit < self.timeout:  # the article's deadline, not the endpoint, cut it short
                            raise _Rejected(None, ["the article's deadline passed mid-request (article_deadline)"]) from None
                        raise
                    total, model, calls = total + reply.usage, reply.model, calls + (not reply.stored)
                    parsed, problem = parse_json_reply(reply)
                    value, failures = judge(parsed, problem)
                    if failures:
                        conversation += [{"role": "assistant", "content": reply.content[:4000]},
                                         {"role": "user", "content": reask(failures)}]
                        raise _Rejected(value, failures)
                    return Answer(value, [], total, attempts, model, calls)
        except _Rejected as rejected:
            return Answer(rejected.value, rejected.failures, total, attempts, model, calls)
        raise AssertionError("unreachable")  # pragma: no cover


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


def _usage(response: Any) -> Usage:
    usage = getattr(response, "usage", None)
    if usage is None:
        return Usage()
    details = getattr(usage, "prompt_tokens_details", None)
    cached = getattr(details, "cached_tokens", None) or 0
    return Usage(prompt_tokens=usage.prompt_tokens or 0, completion_tokens=usage.completion_tokens or 0,
                 cached_tokens=cached)


def _short(exc: Exception) -> str:
    message = getattr(exc, "message", None) or str(exc)
    return " ".join(str(message).split())[:200]


def _retries_taken(exc: openai.APIError) -> int:
    """How many retries the SDK really made (it stamps each attempt's request)."""
    request = getattr(exc, "request", None)
    try:
        return int(request.headers.get("x-stainless-retry-count", 0)) if request is not None else 0
    except (TypeError, ValueError):
        return 0
