"""The one door to the model: the openai client, its errors in briefer's words, the reply
store, and the re-ask loop (`reask`).

Who retries what (never both on the same failure):
- HTTP faults (connection errors, timeouts, 408/409/429/5xx) belong to the openai SDK's
  own retry loop (`max_retries`), which honours retry-after-ms / retry-after.
- A reply that arrives but is unusable (bad JSON, wrong shape, failed checks) belongs
  to the re-ask loop, which asks again naming what was wrong.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, cast

import openai
from openai.types.chat import ChatCompletionMessageParam

from briefer.core.errors import ConfigError, ContextTooLongError, ModelReplyError, TemporaryError
from briefer.core.models import Usage
from briefer.core.redact import redact
from briefer.core.timelimit import within
from briefer.model import reask
from briefer.model.cache import request_key
from briefer.model.ratelimit import RateLimiter
from briefer.model.reask import Answer, Message, Reply
from briefer.model.response_format import ResponseFormat, is_refusal

__all__ = ["LLM", "Answer", "Message", "Reply"]
_CONTEXT_MARKERS = (
    "context length",
    "context_length",
    "maximum context",
    "exceeds the available context",
    "too many tokens",
    "n_ctx",
)


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
    # Our own embedded server is judged by progress: its reply streams, and only a stall with
    # no token for this long is a fault (a busy machine is slow, not dead). None: a hosted
    # endpoint, one reply within `timeout`.
    stall_timeout: float | None = None
    retries: int = field(default=0, init=False)  # HTTP retries the SDK made, for the run report
    server_seconds: float = field(default=0.0, init=False)
    in_flight: int = field(
        default=0, init=False
    )  # for the progress display  # the server's own prompt+generation time, if it says
    _client: openai.OpenAI = field(init=False, repr=False)
    format: ResponseFormat = field(default_factory=ResponseFormat, init=False)
    _slots: threading.BoundedSemaphore = field(init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self) -> None:
        self._client = openai.OpenAI(
            base_url=self.base_url,
            api_key=self.api_key or "not-needed",
            max_retries=self.http_retries,
            timeout=openai.Timeout(self.timeout, connect=10.0),
            http_client=openai.DefaultHttpxClient(
                event_hooks={"request": [self._count_retry], "response": [self._observe_limits]}
            ),
        )
        self._slots = threading.BoundedSemaphore(self.concurrency)

    @property
    def shown_url(self) -> str:
        """The endpoint as messages name it: without user, password and query string."""
        return redact(self.base_url)

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
        key = request_key(self.model, messages, params, self.format.args(schema)) if self.store else ""
        entry = self.store.get(key) if self.store else None
        if entry is not None:
            return Reply(
                content=entry["content"],
                usage=Usage(**entry["usage"]),
                model=entry["model"],
                finish_reason=entry["finish_reason"],
                stored=True,
            )
        if self.replay_only:
            raise ConfigError(
                f"no recorded reply for a request to model '{self.model}': prompts, checks or "
                f"fixtures changed since recording; run 'briefer check --live --record'"
            )
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

        limit = timeout or self.timeout
        reply, mode = within(limit, request, lambda: _late(self.shown_url, limit))
        if self.store:  # filed under the format it was really asked with (after a fallback)
            key = request_key(self.model, messages, params, self.format.args(schema, mode))
            self.store.put(key, _stored(reply))
        return reply

    # ---- the Batch API (batch.py): requests prepared here, replies land in the store ----

    def request_body(self, messages: list[Message], schema: dict, params: dict) -> tuple[str, dict]:
        """(store key, request body) of the request `complete` would send now."""
        key = request_key(self.model, messages, params, self.format.args(schema))
        return key, {"model": self.model, "messages": messages, **self.format.args(schema), **params}

    def store_reply(self, key: str, body: dict) -> None:
        """Keep a Batch result as if the endpoint had answered the request that made `key`."""
        response = openai.types.chat.ChatCompletion.model_validate(body)
        reply = self._reply(response)
        self.store.put(key, _stored(reply))

    def api(self, call: Callable[[openai.OpenAI], Any]) -> Any:
        """Any other endpoint call (files, batches), with the same typed errors."""
        try:
            return call(self._client)
        except openai.APIError as exc:
            raise _mapped(exc, self.shown_url, self.model) from None

    def _request(self, messages: list[Message], schema: dict, params: dict, timeout: float | None) -> tuple[Reply, int]:
        """One request, and the response format it was made with. HTTP faults are retried by
        the SDK, then mapped to typed errors."""
        while True:
            mode = self.format.mode
            try:
                if self.stall_timeout is not None:
                    return self._streamed(messages, schema, params, mode), mode
                response = self._client.chat.completions.create(
                    model=self.model,
                    messages=cast("list[ChatCompletionMessageParam]", messages),
                    timeout=timeout or self.timeout,
                    **self.format.args(schema, mode),
                    **params,
                )
                return self._reply(response), mode
            except openai.BadRequestError as exc:
                if is_refusal(str(exc)) and self.format.can_fall_back(mode):
                    self.format.fall_back(mode)
                    continue
                raise _bad_request(exc, self.shown_url) from None
            except openai.APIError as exc:
                raise _mapped(exc, self.shown_url, self.model) from None
            except json.JSONDecodeError:  # a 200 labelled JSON that is not (an HTML error page, a cut body)
                raise ModelReplyError(f"the endpoint {self.shown_url} sent a reply that is not JSON") from None

    def _streamed(self, messages: list[Message], schema: dict, params: dict, mode: int) -> Reply:
        """One streamed reply, put together; the read timeout is the stall limit, since every
        token resets it."""
        try:
            stream = self._client.chat.completions.create(
                model=self.model,
                messages=cast("list[ChatCompletionMessageParam]", messages),
                timeout=openai.Timeout(self.stall_timeout, connect=10.0),
                stream=True,
                stream_options={"include_usage": True},
                **self.format.args(schema, mode),
                **params,
            )
            pieces, finish, model, usage = [], None, "", None
            for chunk in stream:
                model = chunk.model or model
                usage = chunk.usage or usage
                for choice in chunk.choices:
                    pieces.append(choice.delta.content or "")
                    finish = choice.finish_reason or finish
                self._count_server_time(chunk)
        except openai.APITimeoutError:
            raise TemporaryError(
                f"the embedded model at {self.shown_url} produced no token for {self.stall_timeout:g} s "
                f"(stall_timeout); try later"
            ) from None
        served = model if model and model.strip("-") else self.model
        return Reply(content="".join(pieces), usage=_usage(_Usage(usage)), model=served, finish_reason=finish)

    def _count_server_time(self, response: Any) -> None:
        timings = (getattr(response, "model_extra", None) or {}).get("timings") or {}
        with self._lock:  # llama.cpp reports its own time: what briefer adds on top is overhead
            self.server_seconds += (timings.get("prompt_ms", 0) + timings.get("predicted_ms", 0)) / 1000

    def _reply(self, response: Any) -> Reply:
        choices = getattr(response, "choices", None)
        choice = choices[0] if isinstance(choices, list) and choices else None
        if choice is None or not hasattr(choice, "message"):
            raise ModelReplyError("the endpoint sent a reply with no choices")
        content = getattr(choice.message, "content", None) if choice.message else None
        self._count_server_time(response)
        # Hosted providers name the exact model version; llama.cpp may send a placeholder ("-").
        served = response.model if response.model and response.model.strip("-") else self.model
        return Reply(content=content or "", usage=_usage(response), model=served, finish_reason=choice.finish_reason)

    def ask(
        self,
        messages: list[Message],
        schema: dict,
        params: dict,
        judge: reask.Judge,
        reask_text: Callable[[list[str]], str | None],
        max_reasks: int,
        deadline: float,
    ) -> Answer:
        """Call, judge the reply, and re-ask naming the failures, at most `max_reasks` times (reask.ask)."""
        return reask.ask(self, messages, schema, params, judge, reask_text, max_reasks, deadline)


def _stored(reply: Reply) -> dict[str, Any]:
    """A reply as the store keeps it (the run's cache, the fixtures' recordings, Batch results)."""
    return {
        "content": reply.content,
        "usage": reply.usage.model_dump(),
        "model": reply.model,
        "finish_reason": reply.finish_reason,
    }


def _late(where: str, seconds: float) -> TemporaryError:
    return TemporaryError(
        f"the endpoint {where} did not finish answering within {seconds:.0f} s "
        f"(request_timeout, article_deadline); try later"
    )


def _bad_request(exc: openai.BadRequestError, where: str) -> Exception:
    text = str(exc).lower()
    if any(marker in text for marker in _CONTEXT_MARKERS):
        return ContextTooLongError(f"prompt longer than the model's context at {where}")
    return ConfigError(
        f"the endpoint {where} refused the request (400): {_short(exc)}; check --model and the endpoint's settings"
    )


def _mapped(exc: openai.APIError, where: str, model: str) -> Exception:
    if isinstance(exc, openai.AuthenticationError):
        return ConfigError(f"the endpoint {where} refused the API key (401): set OPENAI_API_KEY")
    if isinstance(exc, openai.PermissionDeniedError):
        return ConfigError(f"the endpoint {where} denied access (403): check OPENAI_API_KEY and --model")
    if isinstance(exc, openai.NotFoundError):
        return ConfigError(f"model '{model}' not found at {where} (404): set --model or OPENAI_BASE_URL")
    if isinstance(exc, openai.RateLimitError):
        return TemporaryError(
            f"the endpoint {where} is rate limiting (429) after {_retries_taken(exc)} retries; try later"
        )
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


@dataclass(frozen=True)
class _Usage:
    """A streamed reply's usage (its last chunk's), where _usage looks for a response's."""

    usage: Any


def _usage(response: Any) -> Usage:
    usage = getattr(response, "usage", None)
    if usage is None:
        return Usage()
    details = getattr(usage, "prompt_tokens_details", None)
    cached = getattr(details, "cached_tokens", None) or 0
    return Usage(
        prompt_tokens=usage.prompt_tokens or 0, completion_tokens=usage.completion_tokens or 0, cached_tokens=cached
    )


def _short(exc: Exception) -> str:
    message = getattr(exc, "message", None) or str(exc)
    return redact(" ".join(str(message).split()))[:200]


def _retries_taken(exc: openai.APIError) -> int:
    """How many retries the SDK really made (it stamps each attempt's request)."""
    request = getattr(exc, "request", None)
    try:
        return int(request.headers.get("x-stainless-retry-count", 0)) if request is not None else 0
    except (TypeError, ValueError):
        return 0
