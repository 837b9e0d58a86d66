"""briefer.model.llm.LLM against the loopback fake: HTTP faults (owned by the SDK's retry loop),
their mapping to typed errors and exit codes, the response_format fallback, and the
re-ask loop (owned by briefer). Every request is recorded with its arrival time."""

from __future__ import annotations

import datetime
import json
import os
import socket
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from fake_openai import FakeOpenAI, Step

from briefer.core.errors import EXIT_CONFIG, EXIT_TEMPORARY, ConfigError, ContextTooLongError, TemporaryError
from briefer.core.models import Usage
from briefer.lang.langid import LanguageIdentifier
from briefer.model.cache import ReplyStore, request_key
from briefer.model.llm import LLM, Reply
from briefer.model.reask import parse_json_reply

CANARY_KEY = "sk-canary-123456"
MESSAGES = [{"role": "system", "content": "You write briefs."}, {"role": "user", "content": "Brief this."}]
SCHEMA = {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"]}
GOOD = '{"a": 1}'


@contextmanager
def serve(*steps: Step) -> Iterator[FakeOpenAI]:
    with FakeOpenAI(list(steps)) as fake:
        yield fake


def make_llm(base_url: str, **kwargs) -> LLM:
    kwargs.setdefault("timeout", 10.0)
    kwargs.setdefault("http_retries", 0)
    return LLM(base_url=base_url, api_key=CANARY_KEY, model="fake-model", **kwargs)


def complete(llm: LLM) -> Reply:
    try:
        return llm.complete(MESSAGES, SCHEMA, {"max_tokens": 50})
    finally:
        llm.close()


def gaps(fake: FakeOpenAI) -> list[float]:
    times = [r.at for r in fake.requests]
    return [b - a for a, b in zip(times, times[1:])]


def free_port() -> int:
    """A loopback port that nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def error_body(message: str) -> bytes:
    return json.dumps({"error": {"message": message, "type": "invalid_request_error", "code": None}}).encode()


# ---- HTTP faults: the SDK retries, briefer maps ----


def test_429_with_retry_after_is_waited_out_then_the_reply_is_returned() -> None:
    limited = Step(status=429, headers={"retry-after": "1"})
    with serve(limited, limited, Step(content=GOOD)) as fake:
        reply = complete(make_llm(fake.base_url, http_retries=3))
    assert reply.content == GOOD
    assert len(fake.requests) == 3
    assert all(gap >= 0.95 for gap in gaps(fake)), gaps(fake)
    # the SDK's own loop did the retrying (briefer's re-ask loop never saw the 429s)
    assert [r.headers.get("x-stainless-retry-count") for r in fake.requests] == ["0", "1", "2"]


def test_retry_after_ms_is_preferred_over_retry_after() -> None:
    limited = Step(status=429, headers={"retry-after-ms": "100", "retry-after": "5"})
    with serve(limited, Step(content=GOOD)) as fake:
        reply = complete(make_llm(fake.base_url, http_retries=2))
    assert reply.content == GOOD
    assert len(fake.requests) == 2
    assert 0.09 <= gaps(fake)[0] < 4.0, gaps(fake)  # 100 ms, not the 5 s of retry-after


def test_503_every_time_gives_a_temporary_error_naming_the_endpoint() -> None:
    with serve(Step(status=503)) as fake:
        llm = make_llm(fake.base_url, http_retries=2)
        with pytest.raises(TemporaryError) as caught:
            complete(llm)
    assert len(fake.requests) == 2 + 1
    assert caught.value.exit_code == EXIT_TEMPORARY == 75
    assert fake.base_url in str(caught.value)
    assert "503" in str(caught.value)


def test_429_with_a_retry_after_too_long_to_wait_does_not_claim_retries() -> None:
    with serve(Step(status=429, headers={"retry-after": "300"}), Step(content=GOOD)) as fake:
        with pytest.raises(TemporaryError) as caught:
            complete(make_llm(fake.base_url, http_retries=2))
    assert len(fake.requests) == 1  # the SDK does not sleep 5 minutes for a second try: it gives up
    assert "after 2 retries" not in str(caught.value)


def test_401_is_one_request_and_a_config_error_that_never_shows_the_key() -> None:
    with serve(Step(status=401)) as fake:
        with pytest.raises(ConfigError) as caught:
            complete(make_llm(fake.base_url, http_retries=3))
    assert len(fake.requests) == 1  # a bad key is not retried
    sent = {name.lower(): value for name, value in fake.requests[0].headers.items()}
    assert sent["authorization"] == f"Bearer {CANARY_KEY}"  # the canary really was the key in use
    error = caught.value
    assert error.exit_code == EXIT_CONFIG == 78
    assert "OPENAI_API_KEY" in str(error)
    for shown in (str(error), repr(error), error.message, *map(str, error.args)):
        assert CANARY_KEY not in shown
        assert "canary" not in shown


def test_404_is_a_config_error_naming_the_model_flag() -> None:
    with serve(Step(status=404)) as fake:
        with pytest.raises(ConfigError) as caught:
            complete(make_llm(fake.base_url, http_retries=2))
    assert len(fake.requests) == 1
    assert caught.value.exit_code == EXIT_CONFIG
    assert "--model" in str(caught.value)
    assert "fake-model" in str(caught.value)


def test_a_hanging_server_times_out_quickly_as_a_temporary_error() -> None:
    with serve(Step(content=GOOD, delay=6.0)) as fake:
        fake._server.block_on_close = False  # don't wait for the sleeping handler at teardown
        with pytest.raises(TemporaryError) as caught:  # the reply would come, after 6 s: the 1 s timeout cut it
            complete(make_llm(fake.base_url, timeout=1, http_retries=0))
    assert len(fake.requests) == 1
    assert caught.value.exit_code == EXIT_TEMPORARY
    assert fake.base_url in str(caught.value)


def test_connection_refused_is_a_temporary_error_naming_the_endpoint() -> None:
    base_url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(TemporaryError) as caught:
        complete(make_llm(base_url, http_retries=1))
    assert caught.value.exit_code == EXIT_TEMPORARY
    assert base_url in str(caught.value)
    assert "OPENAI_BASE_URL" in str(caught.value)


# ---- 400s: format fallback and context length ----


def test_an_endpoint_refusing_json_schema_gets_the_next_response_format() -> None:
    refusal = Step(status=400, body=error_body("response_format type json_schema is not supported by this server"))
    with serve(refusal, Step(content=GOOD)) as fake:
        llm = make_llm(fake.base_url)
        first = llm.complete(MESSAGES, SCHEMA, {})
        second = llm.complete(MESSAGES, SCHEMA, {})
        llm.close()
    assert first.content == second.content == GOOD
    formats = [r.body.get("response_format", {}).get("type") for r in fake.requests]
    assert formats[0] == "json_schema"
    assert formats[1] != "json_schema"
    assert formats[2] == formats[1]  # the fallback sticks: no second refused request per call
    assert len(fake.requests) == 3


def test_requests_refused_a_format_at_once_fall_back_one_step_and_file_replies_under_it(tmp_path) -> None:
    import threading

    from briefer.model.cache import ReplyStore

    refusal = error_body("response_format type json_schema is not supported by this server")

    def responder(body: dict) -> Step:
        if body.get("response_format", {}).get("type") == "json_schema":  # both in flight, then both refused
            return Step(status=400, body=refusal, delay=1.0)
        return Step(content=GOOD)

    with FakeOpenAI(responder=responder) as fake:
        llm = make_llm(fake.base_url, concurrency=2, store=ReplyStore(tmp_path / "replies"))
        threads = [
            threading.Thread(target=llm.complete, args=([{"role": "user", "content": f"q{n}"}], SCHEMA, {}))
            for n in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        again = llm.complete([{"role": "user", "content": "q0"}], SCHEMA, {})
        llm.close()
    formats = [r.body.get("response_format", {}).get("type") for r in fake.requests]
    assert formats.count("json_schema") == 2 and formats[2:] == ["json_object", "json_object"], formats
    assert "json_object" in llm.format.fallback
    assert again.stored  # filed under the format it was made with, and found there


def test_a_context_length_400_is_context_too_long() -> None:
    refusal = Step(
        status=400,
        body=error_body(
            "This model's maximum context length is 4096 tokens. However, your messages resulted in 9000 tokens."
        ),
    )
    with serve(refusal) as fake:
        with pytest.raises(ContextTooLongError) as caught:
            complete(make_llm(fake.base_url, http_retries=2))
    assert len(fake.requests) == 1  # neither retried nor sent again with another format
    assert fake.base_url in str(caught.value)


# ---- the re-ask loop ----


def _completion_body(choices: list) -> bytes:
    return json.dumps(
        {"id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": "fake-model", "choices": choices}
    ).encode()


NO_CHOICES = Step(body=_completion_body([]))
NULL_CONTENT = Step(
    body=_completion_body([{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": None}}])
)
HTML_PAGE = Step(
    body=b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>",
    headers={"Content-Type": "text/html; charset=utf-8"},
)
BAD_REPLIES = {"no-choices": NO_CHOICES, "null-content": NULL_CONTENT, "html-page": HTML_PAGE}


def json_judge(parsed: dict | None, problem: str) -> tuple[dict | None, list[str]]:
    if parsed is None:
        return None, [problem]
    return parsed, []


def ask(llm: LLM, max_reasks: int = 2):
    try:
        return llm.ask(
            MESSAGES,
            SCHEMA,
            {},
            json_judge,
            lambda failures: "Fix: " + "; ".join(failures),
            max_reasks,
            time.monotonic() + 60,
        )
    finally:
        llm.close()


@pytest.mark.parametrize("bad", BAD_REPLIES.values(), ids=BAD_REPLIES.keys())
def test_an_unusable_reply_is_asked_again_and_reported_when_it_never_improves(bad: Step) -> None:
    with serve(bad) as fake:
        answer = ask(make_llm(fake.base_url), max_reasks=2)
    assert len(fake.requests) == 3  # the first ask and max_reasks re-asks, no more
    assert answer.attempts == 3
    assert answer.value is None
    assert answer.failures and all(failure.strip() for failure in answer.failures)


@pytest.mark.parametrize("bad", BAD_REPLIES.values(), ids=BAD_REPLIES.keys())
def test_an_unusable_reply_then_a_good_one_gives_the_good_one(bad: Step) -> None:
    with serve(bad, Step(content=GOOD)) as fake:
        answer = ask(make_llm(fake.base_url), max_reasks=2)
    assert len(fake.requests) == 2
    assert answer.attempts == 2
    assert answer.value == {"a": 1}
    assert answer.failures == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"<html><body>502 Bad Gateway</body></html>", id="html-labelled-json"),
        pytest.param(b'{"id": "chatcmpl-cut", "choi', id="truncated-json"),
        pytest.param(b'{"choices": [null]}', id="null-choice"),
        pytest.param(b'{"choices": "none"}', id="choices-not-a-list"),
    ],
)
def test_a_malformed_200_body_is_a_failed_reply_not_a_crash(body: bytes) -> None:
    with serve(Step(body=body), Step(content=GOOD)) as fake:
        answer = ask(make_llm(fake.base_url), max_reasks=2)
    assert answer.value == {"a": 1}
    assert answer.attempts == 2


def test_a_rejected_reply_is_re_asked_with_the_reply_and_the_failures() -> None:
    first, second = '{"a": 7}', '{"a": 1}'
    with serve(
        Step(
            content=first,
            usage={
                "prompt_tokens": 100,
                "completion_tokens": 20,
                "total_tokens": 120,
                "prompt_tokens_details": {"cached_tokens": 0},
            },
        ),
        Step(
            content=second,
            usage={
                "prompt_tokens": 150,
                "completion_tokens": 10,
                "total_tokens": 160,
                "prompt_tokens_details": {"cached_tokens": 90},
            },
        ),
    ) as fake:
        seen: list[tuple[dict | None, str]] = []

        def judge(parsed: dict | None, problem: str) -> tuple[dict | None, list[str]]:
            seen.append((parsed, problem))
            return parsed, ([] if parsed == {"a": 1} else ["numbers: numbers not in the source: 7"])

        def reask(failures: list[str]) -> str:
            return "Your reply failed these checks:\n" + "".join(f"- {f}\n" for f in failures) + "Write it again."

        llm = make_llm(fake.base_url)
        answer = llm.ask(MESSAGES, SCHEMA, {}, judge, reask, 2, time.monotonic() + 60)
        llm.close()

    assert len(fake.requests) == 2
    assert seen == [({"a": 7}, ""), ({"a": 1}, "")]
    assert fake.requests[0].body["messages"] == MESSAGES
    sent = fake.requests[1].body["messages"]
    assert sent[: len(MESSAGES)] == MESSAGES
    assert sent[len(MESSAGES) :] == [
        {"role": "assistant", "content": first},
        {"role": "user", "content": reask(["numbers: numbers not in the source: 7"])},
    ]
    assert "numbers not in the source: 7" in sent[-1]["content"]
    assert answer.attempts == 2
    assert answer.value == {"a": 1}
    assert answer.failures == []
    assert answer.usage == Usage(prompt_tokens=250, completion_tokens=30, cached_tokens=90)


# ---- parse_json_reply ----


def _reply(content: str, finish_reason: str | None = "stop") -> Reply:
    return Reply(content=content, usage=Usage(), model="fake-model", finish_reason=finish_reason)


@pytest.mark.parametrize(
    "content, expected",
    [
        ('```json\n{"headline": "A", "bullets": ["b"]}\n```', {"headline": "A", "bullets": ["b"]}),
        ('```\n{"a": 1}\n```', {"a": 1}),
        ('Here is the brief you asked for:\n{"a": [1, 2]}', {"a": [1, 2]}),
        ('Sure! ```json\n{"a": "x"}\n``` Hope that helps.', {"a": "x"}),
        ('{"a": 1} and some trailing words', {"a": 1}),
    ],
    ids=["json-fence", "bare-fence", "after-prose", "fence-inside-prose", "trailing-prose"],
)
def test_parse_json_reply_finds_the_object(content: str, expected: dict) -> None:
    assert parse_json_reply(_reply(content)) == (expected, "")


@pytest.mark.parametrize(
    "content, finish_reason, says",
    [
        ('{"a": 1,,}', "stop", "not valid JSON"),
        ('{"a": "unterminated', "stop", "not valid JSON"),
        ('{"a": 1}', "length", "cut off at the token limit"),
        ('{"a": ', "length", "cut off at the token limit"),
        ("", "stop", "empty"),
        ("I cannot help with that.", "stop", "no JSON object"),
    ],
    ids=["invalid", "unterminated", "length-even-if-valid", "length-cut", "empty", "prose-only"],
)
def test_parse_json_reply_says_why_there_is_no_object(content: str, finish_reason: str, says: str) -> None:
    value, problem = parse_json_reply(_reply(content, finish_reason))
    assert value is None
    assert says in problem


def test_the_reply_cache_is_pruned_by_age_then_by_size(tmp_path: Path) -> None:
    store = ReplyStore(tmp_path / "replies")
    day = 86400.0
    for index, age_days in enumerate([40, 10, 5, 1]):
        key = request_key("m", [{"role": "user", "content": str(index)}], {}, None)
        store.put(key, {"content": "x" * 1000})
        os.utime(store._path(key), (1e9 - age_days * day, 1e9 - age_days * day))
    kept = lambda: sorted(p.stem for p in (tmp_path / "replies").glob("*/*.json"))  # noqa: E731
    assert len(kept()) == 4
    assert store.expire(max_age_days=30, max_bytes=10**9, now=1e9) == 1  # the 40-day-old one
    assert store.expire(max_age_days=30, max_bytes=2500, now=1e9) == 1  # then the least recently used
    newest = request_key("m", [{"role": "user", "content": "3"}], {}, None)
    assert newest in kept() and len(kept()) == 2


def test_a_slow_local_model_that_keeps_producing_tokens_is_not_cut_off() -> None:
    """The embedded model on a busy machine: a token every second, the whole reply after 8 s.
    Judged by progress (no token for stall_timeout), not by a fixed time for the whole reply."""
    with FakeOpenAI([Step(content='{"headline": "Bridge opens", "bullets": ["Oslo"]}', token_delay=1.0)]) as fake:
        llm = LLM(base_url=fake.base_url, api_key=None, model="local", timeout=600, http_retries=0, stall_timeout=3)
        reply = llm.complete([{"role": "user", "content": "brief"}], {"type": "object"}, {})
    assert json.loads(reply.content) == {"headline": "Bridge opens", "bullets": ["Oslo"]}
    assert reply.usage.completion_tokens == 20 and reply.finish_reason == "stop"
    assert fake.requests[0].body["stream"] is True


def test_a_local_model_that_stops_producing_tokens_is_a_fault() -> None:
    with FakeOpenAI([Step(content='{"headline": "Bridge opens"}', token_delay=0.1, stall_after=2)]) as fake:
        llm = LLM(base_url=fake.base_url, api_key=None, model="local", timeout=600, http_retries=0, stall_timeout=2)
        with pytest.raises(TemporaryError, match="produced no token for 2 s"):
            llm.complete([{"role": "user", "content": "brief"}], {"type": "object"}, {})


def test_a_hosted_endpoint_is_not_streamed() -> None:
    with FakeOpenAI([Step(content='{"headline": "Bridge opens"}')]) as fake:
        llm = LLM(base_url=fake.base_url, api_key=None, model="hosted", http_retries=0)
        llm.complete([{"role": "user", "content": "brief"}], {"type": "object"}, {})
    assert "stream" not in fake.requests[0].body


def test_a_run_under_cron_says_it_is_alive_while_nothing_finishes(capsys) -> None:
    from briefer.app.progress import progress_display

    with progress_display(3, 2, llm=None, heartbeat=0.2):
        time.sleep(0.7)
    lines = [line for line in capsys.readouterr().err.splitlines() if "still working" in line]
    assert lines and lines[0] == "briefer: still working: 0 of 6 items done, 6 left, after 0 min", lines


def test_a_slow_embedded_model_shows_each_item_and_a_heartbeat_and_sets_nothing_aside(
    tmp_path, capsys, identifier: LanguageIdentifier
) -> None:
    """The first run on a busy machine: the embedded model sends a few tokens a second. The
    run is judged by progress, so no item is set aside for a timeout; a line per finished
    item and a heartbeat while none finishes show that it is alive."""
    from briefs import ARTICLE, reply_for

    from briefer.app import run
    from briefer.app.progress import progress_display
    from briefer.settings.config import load_settings
    from briefer.sources.ingest import parse_article

    settings = load_settings(
        {"out_dir": tmp_path / "out", "languages": "en,de", "cache_dir": tmp_path / "cache", "request_timeout": 1},
        environ={},
    )
    article = parse_article(ARTICLE, "bridge.txt", ".txt")
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body), token_delay=0.1)) as fake:
        llm = LLM(base_url=fake.base_url, api_key=None, model="local", timeout=600, stall_timeout=2, http_retries=0)
        with progress_display(1, 2, llm, heartbeat=0.5) as watch:
            report = run.brief_articles(settings, llm, identifier, [article], datetime.date(2026, 12, 3), watch)
    err = capsys.readouterr().err.splitlines()
    assert [o.waiting for o in report.outcomes] == [""] and len(report.items()) == 2
    assert any(line.startswith("briefer: still working: ") for line in err), err
    finished = sorted(line for line in err if line.startswith("briefer: [") and "bridge.txt [" in line)
    assert len(finished) == 2 and all(line.endswith("published") for line in finished), err


def test_a_failure_no_re_ask_would_fix_ends_the_loop_and_each_try_is_kept() -> None:
    with serve(Step(content='{"a": 7}'), Step(content=GOOD)) as fake:
        llm = make_llm(fake.base_url)
        try:
            answer = llm.ask(
                MESSAGES,
                SCHEMA,
                {},
                lambda parsed, problem: (parsed, [] if parsed == {"a": 1} else ["vocabulary: not words"]),
                lambda failures: None,  # nothing worth a call
                2,
                time.monotonic() + 60,
            )
        finally:
            llm.close()
    assert len(fake.requests) == 1
    assert answer.value == {"a": 7} and answer.failures == ["vocabulary: not words"]
    assert answer.tries == (("vocabulary: not words",),)
