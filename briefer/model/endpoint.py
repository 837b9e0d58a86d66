"""Which model a run talks to: the configured OpenAI-compatible endpoint, or the embedded
local model started for this run only; either way one LLM, with the reply cache."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from briefer.core.errors import ConfigError
from briefer.core.redact import redact
from briefer.model.budget import Spending
from briefer.model.cache import ReplyStore
from briefer.model.llm import LLM
from briefer.model.local_model import embedded_server
from briefer.model.ratelimit import RateLimiter
from briefer.settings.config import Settings


@contextmanager
def model_endpoint(settings: Settings) -> Iterator[LLM]:
    """The configured endpoint, or the embedded local model started for this run only."""
    store = ReplyStore(settings.cache_dir / "replies") if settings.reply_cache else None
    if store:
        store.clean_stale_temp_files()
        store.expire(settings.reply_cache_days, settings.reply_cache_mb * 1_000_000)
    spending = Spending(settings) if settings.budget else None
    if not settings.base_url:  # settings.uses_embedded_model
        with embedded_server(settings) as server:
            llm = LLM(
                base_url=server.base_url,
                api_key=None,
                model=server.model,
                store=store,
                spending=spending,
                timeout=settings.article_deadline,  # a reply takes what it takes while tokens come
                stall_timeout=settings.stall_timeout,
                http_retries=settings.http_retries,
                concurrency=1,
            )  # one server slot: its KV cache holds one article's prefix at a time
            try:
                yield llm
            finally:
                llm.close()
        return
    if not settings.model:
        raise ConfigError(
            f"OPENAI_BASE_URL is {redact(settings.base_url)} but no model is named: give --model NAME "
            f"(or BRIEFER_MODEL, or model in briefer.toml)"
        )
    api_key = settings.api_key.get_secret_value() if settings.api_key else None
    limiter = RateLimiter(settings.requests_per_minute, settings.tokens_per_minute)
    llm = LLM(
        limiter=limiter,
        base_url=settings.base_url,
        api_key=api_key,
        model=settings.model_name,
        store=store,
        spending=spending,
        timeout=settings.request_timeout,
        http_retries=settings.http_retries,
        concurrency=settings.concurrency,
    )
    try:
        yield llm
    finally:
        llm.close()
