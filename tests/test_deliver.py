"""Delivery on loopback: a real SMTP server (aiosmtpd) and a webhook receiver, started here."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from receivers import PASSWORD, Receiver, smtp_server

from briefer.core.errors import ConfigError
from briefer.delivery.deliver import Edition, EditionItem, check_environment, deliver
from briefer.settings.delivery_settings import Deliver

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # loopback only
DAY = date(2025, 6, 2)
TOKEN = "T000/B000/hook-canary-0815"
PAGE = (
    '<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><style>body {{ color: #222; }}</style>'
    '</head><body><h1>{title}</h1><p>{body} <a href="https://news.example/rates">source</a></p></body></html>'
)
TEXTS = {
    "en": ("Morning briefing", "Rates rise to 4.1%", "The central bank raised rates to 4.1%."),
    "de": ("Morgenüberblick", "Zinsen steigen auf 4,1 %", "Die Zentralbank hob die Zinsen auf 4,1 % an."),
}


def edition(lang: str, html: str | None = None) -> Edition:
    title, headline, body = TEXTS[lang]
    items = (
        EditionItem(
            headline=headline,
            bullets=(body,),
            status="update",
            note="new: 4.1%",
            sources=("fixtures/rates.txt", "https://news.example/rates"),
        ),
        EditionItem(headline="Ferry <!channel> @channel strike", status="new", sources=("https://news.example/ferry",)),
    )
    return Edition(
        desk="morning",
        day=DAY,
        lang=lang,
        title=title,
        text=f"# {title}\n\n## {headline}\n\n- {body}\n",
        html=html or PAGE.format(lang=lang, title=title, body=body),
        items=items,
    )


EDITIONS = [edition("en"), edition("de")]


def settings(port: int | None = None, hooks: tuple[str, ...] = (), **email: Any) -> Deliver:
    mail = (
        {
            "host": "127.0.0.1",
            "port": port,
            "security": "none",
            "from": "briefer@example.org",
            "to": ["desk@example.org"],
            **email,
        }
        if port
        else None
    )
    return Deliver.model_validate(
        {
            "retries": 2,
            "timeout": 10,
            "email": mail,
            "webhooks": [{"kind": kind, "url_env": f"HOOK_{kind.upper()}"} for kind in hooks],
        }
    )


def hook_env(receiver: Receiver, *kinds: str) -> dict[str, str]:
    return {f"HOOK_{kind.upper()}": f"{receiver.origin}/{kind}/{TOKEN}" for kind in kinds}


def no_wait(seconds: float) -> None:
    pass


def test_one_message_per_language_with_both_parts(tmp_path: Path) -> None:
    with smtp_server() as (port, inbox):
        report = deliver(EDITIONS, settings(port), tmp_path / "log.sqlite", environ={}, sleep=no_wait)
    assert report.exit_code == 0 and len(report.sent) == 2 and not report.failed
    by_lang = {mail["Content-Language"]: (to, mail) for to, mail in inbox.messages}
    assert set(by_lang) == {"en", "de"}
    for lang, (to, mail) in by_lang.items():
        title, headline, _ = TEXTS[lang]
        assert to == ["desk@example.org"] and mail.get_content_type() == "multipart/alternative"
        assert title in mail["Subject"] and "2025-06-02" in mail["Subject"] and lang in mail["Subject"]
        assert headline in mail.get_body(("plain",)).get_content()
        assert f'<html lang="{lang}">' in mail.get_body(("html",)).get_content()


def test_login_with_credentials_from_the_environment_and_mail_per_recipient_list(tmp_path: Path) -> None:
    lists = [{"to": ["de-desk@example.org"], "languages": ["de"]}, {"to": ["chief@example.org"]}]
    env = {"SMTP_USER": "briefer", "SMTP_PASSWORD": PASSWORD}
    with smtp_server(auth=True) as (port, inbox):
        config = settings(
            port, to=[], per="recipients", lists=lists, user_env="SMTP_USER", password_env="SMTP_PASSWORD"
        )
        report = deliver(EDITIONS, config, tmp_path / "log.sqlite", environ=env, sleep=no_wait)
    assert report.exit_code == 0 and inbox.logins[0] == (b"briefer", PASSWORD.encode())
    got = sorted((to[0], mail["Content-Language"]) for to, mail in inbox.messages)
    assert got == [("chief@example.org", "de"), ("chief@example.org", "en"), ("de-desk@example.org", "de")]


def test_each_chat_format_gets_the_shape_its_product_expects(tmp_path: Path) -> None:
    kinds = ("slack", "mattermost", "teams", "json")
    with Receiver() as receiver:
        report = deliver(
            [EDITIONS[0]],
            settings(hooks=kinds),
            tmp_path / "log.sqlite",
            environ=hook_env(receiver, *kinds),
            sleep=no_wait,
        )
    assert report.exit_code == 0 and len(report.sent) == 4
    [slack] = receiver.to(f"/slack/{TOKEN}")
    assert slack["text"].startswith("*Morning briefing · 2025-06-02*")
    assert "[Update] Rates rise to 4.1% (new: 4.1%) <https://news.example/rates|Source>" in slack["text"]
    assert "<!channel>" not in slack["text"] and "&lt;!channel&gt;" in slack["text"]  # a headline cannot ping
    [mattermost] = receiver.to(f"/mattermost/{TOKEN}")
    assert "[Source](https://news.example/ferry)" in mattermost["text"] and "@channel" not in mattermost["text"]
    [teams] = receiver.to(f"/teams/{TOKEN}")
    [attachment] = teams["attachments"]
    assert teams["type"] == "message" and attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard" and card["body"][0]["text"] == "Morning briefing · 2025-06-02"
    assert all(block["type"] == "TextBlock" for block in card["body"]) and len(card["body"]) == 3
    [data] = receiver.to(f"/json/{TOKEN}")
    assert (data["desk"], data["date"], data["lang"], data["title"]) == (
        "morning",
        "2025-06-02",
        "en",
        "Morning briefing",
    )
    assert [(item["status"], item["note"]) for item in data["items"]] == [("update", "new: 4.1%"), ("new", "")]


def test_a_webhook_takes_only_its_languages_and_chat_speaks_the_edition_language(tmp_path: Path) -> None:
    config = Deliver.model_validate({"webhooks": [{"kind": "slack", "url_env": "HOOK_SLACK", "languages": ["de"]}]})
    with Receiver() as receiver:
        deliver(EDITIONS, config, tmp_path / "log.sqlite", environ=hook_env(receiver, "slack"), sleep=no_wait)
    [slack] = receiver.to(f"/slack/{TOKEN}")
    assert "Zinsen steigen" in slack["text"] and "|Quelle>" in slack["text"]


def test_a_rerun_sends_nothing_twice_and_resend_sends_again(tmp_path: Path) -> None:
    log = tmp_path / "out" / "deliveries.sqlite"
    with smtp_server() as (port, inbox), Receiver() as receiver:
        config, env = settings(port, hooks=("slack",)), hook_env(receiver, "slack")
        first = deliver(EDITIONS, config, log, environ=env, sleep=no_wait)
        again = deliver(EDITIONS, config, log, environ=env, sleep=no_wait)
        counts = (len(inbox.messages), len(receiver.posts))
        resent = deliver(EDITIONS, config, log, environ=env, sleep=no_wait, resend=True)
        after_resend = deliver(EDITIONS, config, log, environ=env, sleep=no_wait)
    assert len(first.sent) == 4 and counts == (2, 2)
    assert again.sent == () and sorted(again.already_sent) == sorted(first.sent) and again.exit_code == 0
    assert len(resent.sent) == 4 and (len(inbox.messages), len(receiver.posts)) == (4, 4)
    assert after_resend.sent == () and len(after_resend.already_sent) == 4


def test_a_refused_login_and_a_500_are_retried_named_and_the_rest_still_goes(tmp_path: Path) -> None:
    waits: list[float] = []
    env = {"SMTP_USER": "briefer", "SMTP_PASSWORD": "wrong-" + PASSWORD}
    with smtp_server(auth=True) as (port, inbox), Receiver({f"/slack/{TOKEN}": 500}) as receiver:
        env |= hook_env(receiver, "slack", "json")
        config = settings(port, hooks=("slack", "json"), user_env="SMTP_USER", password_env="SMTP_PASSWORD")
        report = deliver([EDITIONS[0]], config, tmp_path / "log.sqlite", environ=env, sleep=waits.append)
        rerun = deliver([EDITIONS[0]], config, tmp_path / "log.sqlite", environ=env, sleep=no_wait)
    assert report.exit_code == 3 and len(inbox.login_connections) == 3 + 3 and inbox.messages == []
    assert len(receiver.to(f"/slack/{TOKEN}")) == 3 + 3 and len(receiver.to(f"/json/{TOKEN}")) == 1
    assert sorted(report.failed) == [
        "morning 2025-06-02 en: email to desk@example.org: SMTP login refused (535) (after 3 attempts)",
        "morning 2025-06-02 en: slack webhook (HOOK_SLACK): HTTP 500: no such hook *** (after 3 attempts)",
    ]
    assert report.sent == ("morning 2025-06-02 en: json webhook (HOOK_JSON)",)
    assert sorted(waits) == [2.0, 2.0, 4.0, 4.0]  # backoff doubles
    assert len(rerun.failed) == 2 and rerun.already_sent == report.sent  # what failed is tried again


def test_a_refusal_that_will_not_change_is_not_retried(tmp_path: Path) -> None:
    with Receiver({f"/slack/{TOKEN}": 404}) as receiver:
        report = deliver(
            EDITIONS[:1],
            settings(hooks=("slack",)),
            tmp_path / "log.sqlite",
            environ=hook_env(receiver, "slack"),
            sleep=no_wait,
        )
    assert len(receiver.posts) == 1 and report.failed[0].endswith("HTTP 404: no such hook *** (not retried)")


def test_starttls_never_falls_back_to_clear_text(tmp_path: Path) -> None:
    with smtp_server() as (port, inbox):
        report = deliver(
            EDITIONS[:1], settings(port, security="starttls"), tmp_path / "log.sqlite", environ={}, sleep=no_wait
        )
    assert inbox.messages == [] and "STARTTLS" in report.failed[0] and report.exit_code == 3


def test_a_page_with_a_script_or_a_remote_asset_is_not_mailed(tmp_path: Path) -> None:
    unsafe = [
        edition("en", '<html><body><img src="https://tracker.example/p.gif"></body></html>'),
        edition("de", "<html><body><SCRIPT>alert(1)</SCRIPT></body></html>"),
    ]
    with smtp_server() as (port, inbox), Receiver() as receiver:
        report = deliver(
            unsafe,
            settings(port, hooks=("json",)),
            tmp_path / "log.sqlite",
            environ=hook_env(receiver, "json"),
            sleep=no_wait,
        )
    assert inbox.messages == [] and len(receiver.posts) == 2 and report.exit_code == 3
    assert sorted(line.split(": ", 2)[2] for line in report.failed) == [
        "the HTML part holds a <script>: not sent (the page must be self-contained) (not retried)",
        "the HTML part holds a remote asset: not sent (the page must be self-contained) (not retried)",
    ]


def test_no_secret_in_any_report_line_or_error(tmp_path: Path) -> None:
    config = settings(1, hooks=("slack",), user_env="SMTP_USER", password_env="SMTP_PASSWORD")
    with pytest.raises(ConfigError) as missing:
        check_environment(config, {"SMTP_USER": "briefer", "SMTP_PASSWORD": PASSWORD})
    assert "HOOK_SLACK" in str(missing.value) and missing.value.exit_code == 78
    with pytest.raises(ConfigError) as not_a_url:
        deliver(
            EDITIONS,
            config,
            tmp_path / "log.sqlite",
            environ={"SMTP_USER": "u", "SMTP_PASSWORD": PASSWORD, "HOOK_SLACK": TOKEN},
            sleep=no_wait,
        )
    assert "HOOK_SLACK" in str(not_a_url.value) and TOKEN not in str(not_a_url.value)
    env = {"SMTP_USER": "u", "SMTP_PASSWORD": PASSWORD, "HOOK_SLACK": f"http://127.0.0.1:1/{TOKEN}"}
    report = deliver(EDITIONS, config, tmp_path / "log.sqlite", environ=env, sleep=no_wait)  # nothing listens
    assert len(report.failed) == 4 and "HOOK_SLACK" in report.failed[-1]
    lines = " ".join(report.failed + report.sent + report.already_sent)
    assert PASSWORD not in lines and TOKEN not in lines and "hook-canary" not in lines
