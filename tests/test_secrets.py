"""Secrets never leave: with credentials in every URL setting (the endpoint, the webhooks, the
sources) and an endpoint that fails one article with 503 before it recovers, no file of the
day, no line on stdout or stderr and no message or post received holds a user, a password or
a query string."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from briefs import ARTICLE, reply_for
from conftest import FIXTURES
from fake_openai import FakeOpenAI, Step
from receivers import PASSWORD, Receiver, smtp_server
from site_server import Site
from test_cli_faults import run_cli
from test_days import _references, _responder

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # loopback only
DAY = "2026-11-26"
STORM = "Tempête Bettina"
CANARIES = (
    "apiuser",
    "api-canary-tok",
    "hookuser",
    "hook-canary-pw",
    "hookq-canary",
    "jsonq-canary",
    "srcuser",
    "src-canary-pw",
    "srcq-canary",
    PASSWORD,
)
STORY_QUERY = "/story.html?key=srcq-canary"
MISSING_QUERY = "/missing.html?key=srcq-canary"
JSON_HOOK = "/json/T1?token=jsonq-canary"


def _story_page() -> bytes:
    title, _, text = ARTICLE.partition("\n")
    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n") if line)
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>".encode()


def _config(tmp_path: Path, smtp_port: int) -> Path:
    config = tmp_path / "briefer.toml"
    config.write_text(
        f"""
[settings]
model = "strong-model"
cache_dir = "{tmp_path / "cache"}"
http_retries = 0
fetch_allow = ["127.0.0.1"]

[desks.morning]
title = "Morning desk"
languages = ["en", "de"]

[desks.morning.deliver]
retries = 0
[desks.morning.deliver.email]
host = "127.0.0.1"
port = {smtp_port}
security = "none"
from = "briefer@example.org"
to = ["desk@example.org"]
user_env = "TEST_SMTP_USER"
password_env = "TEST_SMTP_PASSWORD"
[[desks.morning.deliver.webhooks]]
kind = "slack"
url_env = "TEST_SLACK_HOOK"
[[desks.morning.deliver.webhooks]]
kind = "json"
url_env = "TEST_JSON_HOOK"
""",
        encoding="utf-8",
    )
    return config


def test_no_user_password_or_query_of_any_url_setting_leaves_briefer(tmp_path: Path) -> None:
    down = {"on": True}
    days = _responder(_references())

    def reply(body: dict) -> Step:
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        if down["on"] and STORM in user:
            return Step(status=503)
        return days(body) if "Minister Anna Berg" not in user else Step(content=reply_for(body))

    out, said = tmp_path / "out", []
    pages = {STORY_QUERY: (200, {"Content-Type": "text/html; charset=utf-8"}, _story_page())}
    with (
        smtp_server(auth=True) as (port, inbox),
        Receiver({JSON_HOOK: 500}) as chat,
        Site(pages) as site,
        FakeOpenAI(responder=reply) as fake,
    ):
        login = f"http://srcuser:src-canary-pw@127.0.0.1:{site.port}"
        sources = [str(p) for p in sorted((FIXTURES / "days" / DAY).glob("*.txt"))]
        sources += [login + STORY_QUERY, login + MISSING_QUERY]
        env = {
            "OPENAI_BASE_URL": f"http://apiuser:api-canary-tok@127.0.0.1:{fake.port}/v1",
            "TEST_SLACK_HOOK": f"http://hookuser:hook-canary-pw@127.0.0.1:{chat.port}/slack/T0?token=hookq-canary",
            "TEST_JSON_HOOK": f"http://127.0.0.1:{chat.port}{JSON_HOOK}",
            "TEST_SMTP_USER": "briefer",
            "TEST_SMTP_PASSWORD": PASSWORD,
        }
        args = ["run", *sources, "--desk", "morning", "--config", str(_config(tmp_path, port)), "--out", str(out)]
        args += ["--date", DAY]
        for recovered in (False, True):
            down["on"] = not recovered
            result = run_cli(args, tmp_path, env, timeout=120)
            said.append((result.returncode, result.stdout + result.stderr))
            if not recovered:
                waiting = json.loads((out / "morning" / DAY / "report.json").read_text(encoding="utf-8"))["waiting"]
    assert [code for code, _ in said] == [75, 75], said  # waiting, then written; the json webhook failed for now
    assert len(waiting) == 1 and "503" in waiting[0]["reason"] and f"127.0.0.1:{fake.port}/v1" in waiting[0]["reason"]
    assert len(inbox.messages) == 2 and len(chat.to("/slack/T0?token=hookq-canary")) == 2
    assert len(chat.to(JSON_HOOK)) == 2 and inbox.logins  # everything was tried: there was a secret to leak
    report = (out / "morning" / DAY / "report.json").read_text(encoding="utf-8")
    assert "missing.html" in report and "story.html" in report  # the sources are named, without their secrets
    leaks = []
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        content = path.read_bytes()
        leaks += [(path.name, canary) for canary in CANARIES if canary.encode() in content]
    for code, text in said:
        leaks += [(f"output of the run ({code})", canary) for canary in CANARIES if canary in text]
    for _, message in inbox.messages:
        leaks += [(message["Subject"], canary) for canary in CANARIES if canary.encode() in message.as_bytes()]
    for path, body in chat.posts:
        text = json.dumps(body, ensure_ascii=False)
        leaks += [(path.split("?")[0], canary) for canary in CANARIES if canary in text]
    assert leaks == []


def test_a_url_is_shown_without_user_password_and_query() -> None:
    from briefer.core.redact import redact

    assert (
        redact("cannot reach http://u:tok@h.example:8080/v1; check") == "cannot reach http://h.example:8080/v1; check"
    )
    assert (
        redact("see https://a.example/x?key=s#top and ftp://u@b.example/c")
        == "see https://a.example/x and ftp://b.example/c"
    )
    assert redact("https://a.example/page#part") == "https://a.example/page#part"
    assert redact("no URL here: user@example.org?") == "no URL here: user@example.org?"


def test_a_url_in_brackets_or_ending_a_sentence_keeps_the_prose_around_it() -> None:
    from briefer.core.redact import redact

    assert redact("(see https://a.example/x?key=s)") == "(see https://a.example/x)"
    assert redact("read https://a.example/x?key=s, then https://b.example/y?t=1.") == (
        "read https://a.example/x, then https://b.example/y."
    )
    assert redact("https://en.example/wiki/Foo_(bar)?k=1") == "https://en.example/wiki/Foo_(bar)"


WEBHOOKS = [
    "https://hooks.chat.example/services/T0A1B2C3D/B0E4F5G6H/xoxQwErTy0815CanaryToken",
    "https://mm.example/hooks/xq7fgkzb1jrtdm3ku9wpa4oc8e",
    "https://org.webhook.example/webhookb2/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0@9a8b7c6d-5e4f-3a2b-1c0d-e9f8a7b6c5d4"
    "/IncomingWebhook/4c3b2a1908f7e6d5c4b3a29180f7e6d5/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
    "https://api.example/hook?token=s3cr3t-Canary-77&channel=news",
]


@pytest.mark.parametrize("url", WEBHOOKS)
def test_a_secret_url_echoed_in_parts_is_scrubbed_part_by_part(url: str) -> None:
    from urllib.parse import urlsplit

    from briefer.core.redact import scrub

    parts = urlsplit(url)
    token = parts.query.partition("=")[2].partition("&")[0] or parts.path.rsplit("/", 1)[-1]  # the secret part
    for echo in (
        f"HTTP 403: invalid token {token}",
        f'{{"error": "no such hook", "hook": "{token.split("@")[0]}"}}',
        f"refused {parts.path}?{parts.query}",
        f"(hook https://other.example/{token})",
    ):
        shown = scrub(echo, [url])
        assert "***" in shown and token.split("@")[0] not in shown, shown
    assert scrub("HTTP 403: services hooks webhookb2 IncomingWebhook channel=news forbidden", WEBHOOKS) == (
        "HTTP 403: services hooks webhookb2 IncomingWebhook channel=news forbidden"  # a URL's words are no secret
    )


def test_a_login_a_server_echoes_in_base64_is_scrubbed() -> None:
    """An SMTP server answering 535 with the AUTH PLAIN line it got, or a proxy echoing the
    Basic header: the password is in base64 there, never as written."""
    import base64

    from briefer.core.redact import login_secrets, scrub

    password = "Sm7p-canary-pw"
    plain = base64.b64encode(f"\0briefer\0{password}".encode()).decode()
    basic = base64.b64encode(f"briefer:{password}".encode()).decode().rstrip("=")
    echo = f"535 5.7.8 AUTH PLAIN {plain} rejected; Authorization: Basic {basic}"
    assert scrub(echo, [password, *login_secrets("briefer", password)]) == (
        "535 5.7.8 AUTH PLAIN *** rejected; Authorization: Basic ***"
    )
