"""The client keeps to the provider's limits: configured ones, and those its headers announce."""

from __future__ import annotations

from fake_openai import FakeOpenAI, Step

from briefer.model.llm import LLM
from briefer.model.ratelimit import RateLimiter

GOOD = '{"a": 1}'


def _complete(llm: LLM) -> None:
    llm.complete([{"role": "user", "content": "hi"}], {"type": "object"}, {"max_tokens": 5})


def test_a_provider_saying_no_requests_are_left_is_waited_for() -> None:
    exhausted = Step(content=GOOD, headers={"x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "1s"})
    with FakeOpenAI([exhausted, Step(content=GOOD)]) as fake:
        llm = LLM(base_url=fake.base_url, api_key=None, model="m", http_retries=0)
        _complete(llm)
        _complete(llm)
    gap = fake.requests[1].at - fake.requests[0].at
    assert gap >= 0.95


def test_requests_per_minute_from_settings_spread_the_calls(monkeypatch) -> None:
    waited: list[float] = []
    monkeypatch.setattr(
        "briefer.model.ratelimit.time.sleep",
        lambda seconds: (waited.append(seconds), clock.append(clock[-1] + seconds)),
    )
    clock = [1000.0]
    monkeypatch.setattr("briefer.model.ratelimit.time.monotonic", lambda: clock[-1])
    limiter = RateLimiter(requests_per_minute=2)
    for _ in range(3):
        limiter.wait(10)
    assert waited and sum(waited) >= 59  # the third call waits for the minute to pass


def test_tokens_per_minute_hold_back_a_call_that_would_pass_them(monkeypatch) -> None:
    clock = [0.0]
    monkeypatch.setattr("briefer.model.ratelimit.time.sleep", lambda seconds: clock.append(clock[-1] + seconds))
    monkeypatch.setattr("briefer.model.ratelimit.time.monotonic", lambda: clock[-1])
    limiter = RateLimiter(tokens_per_minute=1000)
    limiter.wait(800)
    limiter.wait(800)
    assert clock[-1] >= 60
