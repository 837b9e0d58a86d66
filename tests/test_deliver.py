"""Delivery on loopback: a real SMTP server (aiosmtpd) and a webhook receiver, started here."""

from __future__ import annotations

import re
import signal
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from receivers import PASSWORD, Receiver, smtp_server

from briefer.cli import _terminated
from briefer.core.errors import ConfigError, DeliveryError, Interrupted
from briefer.delivery.deliver import Edition, EditionItem, check_environment, deliver
from briefer.delivery.mail import safe_html
from briefer.settings.delivery_settings import Deliver

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # loopback only
DAY = date(2025, 6, 2)
TOKEN = "T000/B000/hook-canary-0815"
TEXTS = {
    "en": ("Morning briefing", "Rates rise to 4.1%", "The central bank raised rates to 4.1%."),
    "de": ("Morgenüberblick", "Zinsen steigen auf 4,1 %", "Die Zentralbank hob die Zinsen auf 4,1 % an."),
}


def edition(lang: str, title: str | None = None) -> Edition:
    default_title, headline, body = TEXTS[lang]
    items = (
        EditionItem(
            id="a" * 32,
            headline=headline,
            bullets=(body,),
            novelty="update",
            mark="Update (since 2025-06-01): 4.1%",
            link="https://news.example/rates",
            source="Rates",
        ),
        EditionItem(
            id="b" * 32, headline="Ferry <!channel> @channel strike", mark="New", link="https://news.example/ferry"
        ),
    )
    return Edition(desk="morning", day=DAY, lang=lang, title=title or default_title, items=items)


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
        language = {"en": "English", "de": "Deutsch"}[lang]
        assert mail["Subject"] == f"{title} · 2025-06-02 · {language}"
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
    assert "• [Update (since 2025-06-01): 4.1%] Rates rise to 4.1% <https://news.example/rates|Source>" in slack["text"]
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
    assert [(item["novelty"], item["mark"]) for item in data["items"]] == [
        ("update", "Update (since 2025-06-01): 4.1%"),
        ("new", "New"),
    ]


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


def test_a_wrong_password_is_tried_once_a_500_is_retried_and_the_rest_still_goes(tmp_path: Path) -> None:
    waits: list[float] = []
    env = {"SMTP_USER": "briefer", "SMTP_PASSWORD": "wrong-" + PASSWORD}
    with smtp_server(auth=True) as (port, inbox), Receiver({f"/slack/{TOKEN}": 500}) as receiver:
        env |= hook_env(receiver, "slack", "json")
        config = settings(port, hooks=("slack", "json"), user_env="SMTP_USER", password_env="SMTP_PASSWORD")
        report = deliver([EDITIONS[0]], config, tmp_path / "log.sqlite", environ=env, sleep=waits.append)
        rerun = deliver([EDITIONS[0]], config, tmp_path / "log.sqlite", environ=env, sleep=no_wait)
    # A refused login is not tried again: every try is a failed login, and enough lock the account.
    assert len(inbox.login_connections) == 1 + 1 and inbox.messages == []
    assert len(receiver.to(f"/slack/{TOKEN}")) == 3 + 3 and len(receiver.to(f"/json/{TOKEN}")) == 1
    assert report.refused == (
        "morning 2025-06-02 en: email to desk@example.org: SMTP login refused (535: the user or password is wrong)"
        " (not retried)",
    )
    assert report.failed == (
        "morning 2025-06-02 en: slack webhook (HOOK_SLACK): HTTP 500: no such hook *** (after 3 attempts)",
    )
    assert report.sent == ("morning 2025-06-02 en: json webhook (HOOK_JSON)",)
    assert sorted(waits) == [2.0, 4.0]  # backoff doubles
    assert report.exit_code == 78  # a setting to fix before the rerun: the password
    assert (len(rerun.failed), len(rerun.refused)) == (1, 1) and rerun.already_sent == report.sent  # tried again


def test_an_smtp_server_echoing_the_login_in_a_refusal_never_shows_the_password(tmp_path: Path) -> None:
    """A server that refuses the message with the AUTH lines it got in its reply (the password
    in base64, as AUTH PLAIN and AUTH LOGIN send it, and as written): the desk report shows
    the refusal, never the secret in any of its forms."""
    import base64

    plain = base64.b64encode(f"\0briefer\0{PASSWORD}".encode()).decode()
    login = base64.b64encode(PASSWORD.encode()).decode()
    env = {"SMTP_USER": "briefer", "SMTP_PASSWORD": PASSWORD}
    with smtp_server(auth=True) as (port, inbox):
        inbox.data_refusal = f"554 5.7.1 policy: AUTH PLAIN {plain} / LOGIN {login} ({PASSWORD}) may not send"
        config = settings(port, user_env="SMTP_USER", password_env="SMTP_PASSWORD")
        report = deliver([EDITIONS[0]], config, tmp_path / "log.sqlite", environ=env, sleep=no_wait)
    assert inbox.logins and inbox.messages == []  # logged in, then refused with the echo
    shown = " ".join([*report.refused, *report.failed, *report.sent])
    assert "SMTP 554 5.7.1 policy: AUTH PLAIN *** / LOGIN *** (***) may not send" in shown, shown
    for leak in (PASSWORD, plain, login, plain.rstrip("="), login.rstrip("=")):
        assert leak not in shown, (leak, shown)


def test_a_login_refused_for_now_is_retried(tmp_path: Path) -> None:
    env = {"SMTP_USER": "briefer", "SMTP_PASSWORD": "wrong-" + PASSWORD}
    with smtp_server(auth=True) as (port, inbox):
        inbox.login_refusal = "454 4.7.0 Temporary authentication failure"
        config = settings(port, user_env="SMTP_USER", password_env="SMTP_PASSWORD")
        report = deliver([EDITIONS[0]], config, tmp_path / "log.sqlite", environ=env, sleep=no_wait)
    assert len(inbox.login_connections) == 3 and report.exit_code == 75  # try again later
    assert report.failed == (
        "morning 2025-06-02 en: email to desk@example.org: SMTP login refused (454: try again later) (after 3 attempts)",
    )


def test_a_webhook_refusal_other_than_429_is_not_retried(tmp_path: Path) -> None:
    statuses = {f"/slack/{TOKEN}": 403, f"/json/{TOKEN}": 429}
    with Receiver(statuses) as receiver:
        report = deliver(
            EDITIONS[:1],
            settings(hooks=("slack", "json")),
            tmp_path / "log.sqlite",
            environ=hook_env(receiver, "slack", "json"),
            sleep=no_wait,
        )
    assert len(receiver.to(f"/slack/{TOKEN}")) == 1 and len(receiver.to(f"/json/{TOKEN}")) == 3
    assert report.refused[0].endswith("HTTP 403: no such hook *** (not retried)")
    assert report.failed[0].endswith("HTTP 429: no such hook *** (after 3 attempts)")


def test_a_delivery_that_failed_for_now_exits_75_and_the_next_run_sends_it(tmp_path: Path) -> None:
    statuses = {f"/slack/{TOKEN}": 503}
    with Receiver(statuses) as receiver:
        config, env = settings(hooks=("slack",)), hook_env(receiver, "slack")
        failed = deliver(EDITIONS[:1], config, tmp_path / "log.sqlite", environ=env, sleep=no_wait)
        statuses.clear()  # the chat service is back
        rerun = deliver(EDITIONS[:1], config, tmp_path / "log.sqlite", environ=env, sleep=no_wait)
    assert failed.exit_code == 75 and failed.sent == ()  # try again later: nothing lost
    assert rerun.exit_code == 0 and len(rerun.sent) == 1


def test_a_later_mornings_catch_up_sends_again_only_what_failed_for_now(tmp_path: Path) -> None:
    """An earlier day sent in part: the chat service down for now (503), a webhook refused for
    good (404), the mail sent, one mail left unconfirmed (its row pending: it may have gone).
    The next morning's catch-up sends the failed posts, and nothing else: no mail twice, no
    refused hook knocked on again (a setting to fix; `briefer send` then), nothing named again."""
    import sqlite3

    log, statuses = tmp_path / "log.sqlite", {f"/slack/{TOKEN}": 503, f"/json/{TOKEN}": 404}
    with smtp_server() as (port, inbox), Receiver(statuses) as receiver:
        config, env = settings(port, hooks=("slack", "json")), hook_env(receiver, "slack", "json")
        first = deliver(EDITIONS, config, log, environ=env, sleep=no_wait)
        with sqlite3.connect(log) as db:  # the German mail's run was killed as the server answered
            db.execute("UPDATE deliveries SET kind = 'pending' WHERE lang = 'de' AND target LIKE 'email:%'")
        db.close()
        statuses.clear()  # every service back
        caught_up = deliver(EDITIONS, config, log, environ=env, sleep=no_wait, catch_up=True)
        again = deliver(EDITIONS, config, log, environ=env, sleep=no_wait, catch_up=True)
        posts = [(path.split("/")[1], post.get("text", "")[:3]) for path, post in receiver.posts]
    assert (len(first.sent), len(first.failed), len(first.refused)) == (2, 2, 2)
    assert caught_up.sent == (
        "morning 2025-06-02 en: slack webhook (HOOK_SLACK)",
        "morning 2025-06-02 de: slack webhook (HOOK_SLACK)",
    )
    assert (caught_up.already_sent, caught_up.unconfirmed, caught_up.refused, caught_up.failed) == ((), (), (), ())
    assert again == type(again)() and len(inbox.messages) == 2  # each mail once
    assert posts.count(("json", "")) == 2 and posts[-2:] == [("slack", "*Mo"), ("slack", "*Mo")]


def test_a_refusal_that_will_not_change_is_not_retried(tmp_path: Path) -> None:
    with Receiver({f"/slack/{TOKEN}": 404}) as receiver:
        report = deliver(
            EDITIONS[:1],
            settings(hooks=("slack",)),
            tmp_path / "log.sqlite",
            environ=hook_env(receiver, "slack"),
            sleep=no_wait,
        )
    assert len(receiver.posts) == 1 and report.refused[0].endswith("HTTP 404: no such hook *** (not retried)")
    assert report.exit_code == 78 and report.failed == ()  # the webhook URL is a setting to fix


def test_sigterm_while_a_post_waits_stops_delivery_and_the_next_run_sends_the_rest(tmp_path: Path) -> None:
    """SIGTERM reaches the main thread while it waits for the webhook's answer, as under systemd."""
    main, answer = threading.main_thread().ident, threading.Event()
    interrupted: list[str] = []

    def terminate_first(path: str) -> None:
        if not interrupted:
            interrupted.append(path)
            signal.pthread_kill(main, signal.SIGTERM)
            answer.wait(30)  # the sender is gone by then; the answer goes nowhere

    log, kinds = tmp_path / "log.sqlite", ("slack", "json")
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        with Receiver(on_post=terminate_first) as receiver:
            env = hook_env(receiver, *kinds)
            with pytest.raises(Interrupted):
                deliver(EDITIONS, settings(hooks=kinds), log, environ=env, sleep=no_wait)
            answer.set()
            stopped_after = len(receiver.posts)
            rerun = deliver(EDITIONS, settings(hooks=kinds), log, environ=env, sleep=no_wait)
    finally:
        answer.set()
        signal.signal(signal.SIGTERM, previous)
    assert stopped_after == 1  # nothing more went out after the interruption
    # The interrupted post reached the server: it is named, not sent twice; the rest go.
    assert len(rerun.sent) == 3 and rerun.already_sent == () and not rerun.failed
    [unconfirmed] = rerun.unconfirmed
    assert unconfirmed.startswith("morning 2025-06-02 en: slack webhook (HOOK_SLACK): an earlier run may have sent it")
    assert len(receiver.to(f"/slack/{TOKEN}")) == 2 and rerun.exit_code == 3  # an editor's call, nothing to retry


def test_a_delivery_log_that_fails_after_a_send_stops_delivery_and_names_what_was_not_recorded(
    tmp_path: Path,
) -> None:
    log, kinds = tmp_path / "log.sqlite", ("slack",)

    def damage_the_log(path: str) -> None:  # a disk fault while the first post is answered
        if len(receiver.posts) == 1:
            log.write_bytes(b"not a database " * 512)

    with Receiver(on_post=damage_the_log) as receiver:
        report = deliver(EDITIONS, settings(hooks=kinds), log, environ=hook_env(receiver, *kinds), sleep=no_wait)
    assert len(receiver.posts) == 1  # nothing more is sent once nothing can be recorded
    assert report.exit_code == 75 and report.sent == ()
    [unrecorded] = report.unrecorded
    assert unrecorded.startswith("morning 2025-06-02 en: slack webhook (HOOK_SLACK): sent, but not marked sent")
    assert unrecorded.endswith("no run sends it again")
    assert report.failed == (
        "morning 2025-06-02 de: slack webhook (HOOK_SLACK): not sent: the delivery log cannot be written "
        "(file is not a database); try again later",
    )


def test_a_message_sent_but_not_recorded_is_not_sent_again_by_the_rerun(tmp_path: Path) -> None:
    """The log fails just after a post went out (a disk fault, the file locked), then mends:
    the rerun sends what did not go and names the one that may have gone, never twice."""
    import sqlite3

    log, kinds = tmp_path / "log.sqlite", ("slack",)

    def fail_the_log(path: str) -> None:
        if len(receiver.posts) == 1:
            with sqlite3.connect(log) as db:
                for event in ("INSERT", "UPDATE", "DELETE"):
                    db.execute(
                        f"CREATE TRIGGER fault_{event} BEFORE {event} ON deliveries "
                        "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
                    )

    with Receiver(on_post=fail_the_log) as receiver:
        env = hook_env(receiver, *kinds)
        first = deliver(EDITIONS, settings(hooks=kinds), log, environ=env, sleep=no_wait)
        with sqlite3.connect(log) as db:  # the disk mended
            for event in ("INSERT", "UPDATE", "DELETE"):
                db.execute(f"DROP TRIGGER fault_{event}")
        rerun = deliver(EDITIONS, settings(hooks=kinds), log, environ=env, sleep=no_wait)
        third = deliver(EDITIONS, settings(hooks=kinds), log, environ=env, sleep=no_wait)
    assert first.exit_code == 75 and len(first.unrecorded) == 1 and len(first.failed) == 1
    assert [post["text"].split(" · ")[0] for _, post in receiver.posts] == ["*Morning briefing", "*Morgenüberblick"]
    assert rerun.sent == ("morning 2025-06-02 de: slack webhook (HOOK_SLACK)",)
    [unconfirmed] = rerun.unconfirmed
    assert unconfirmed.startswith("morning 2025-06-02 en: slack webhook (HOOK_SLACK): an earlier run may have sent it")
    assert "briefer send --date 2025-06-02" in unconfirmed and rerun.exit_code == 3
    assert third.sent == () and len(receiver.posts) == 2  # never twice, however often cron runs it


def test_no_control_character_reaches_a_reader_by_mail_or_chat(tmp_path: Path) -> None:
    """A model's stray backspace or terminal escape passes the pages' XML filter as plain text:
    the mail's text part, its subject and every chat post lose it too."""
    item = EditionItem(id="c" * 32, headline="Rates\u0008 rise\u001b[31m", bullets=("Up\u0000 to\u009b 4.1%.",))
    broken = Edition(desk="morning", day=DAY, lang="en", title="Morning\u000b briefing", items=(item,))
    kinds = ("slack", "mattermost", "teams", "json")
    with smtp_server() as (port, inbox), Receiver() as receiver:
        sent = deliver([broken], settings(port, kinds), tmp_path / "log.sqlite", environ=hook_env(receiver, *kinds))
    assert len(sent.sent) == 5 and len(receiver.posts) == 4
    [(_, message)] = inbox.messages
    text = message.get_body(("plain",)).get_content()
    assert "Rates rise[31m" in text and "Up to 4.1%." in text and "Morning briefing" in message["Subject"]
    controls = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
    assert not controls.search(text + message["Subject"])
    for _, post in receiver.posts:
        words = "".join(_strings(post))
        assert "rise" in words and not controls.search(words), post


def _strings(value: Any) -> list[str]:
    """Every string in a JSON value, as the receiver decoded it (json.dumps would escape controls)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def test_a_secret_a_server_echoes_re_encoded_is_scrubbed_too(tmp_path: Path) -> None:
    """A refusal echoing the request as servers do: the URL percent-encoded (lower-case hex),
    JSON-escaped, the Authorization header (base64 of user:password), the token in base64."""
    import base64
    from urllib.parse import quote

    password, token = "pw-Canary-0815", "xoxQwErTy0815CanaryToken"
    b64 = base64.b64encode(token.encode()).decode()

    def echo(path: str, headers: Any) -> str:
        url = f"{receiver.origin}{path}"
        return (
            f'{{"error": "forbidden", "url": "{url.replace("/", chr(92) + "/")}", "seen": "{quote(url, safe="").lower()}",'
            f' "auth": "{headers["Authorization"]}", "id": "{b64}"}}'
        )

    with Receiver({f"/slack/T0/{token}": 403}, echo=echo) as receiver:
        hook = f"http://desk:{password}@127.0.0.1:{receiver.port}/slack/T0/{token}"
        sent = deliver(EDITIONS[:1], settings(hooks=("slack",)), tmp_path / "log", environ={"HOOK_SLACK": hook})
    [refused] = sent.refused
    login = base64.b64encode(f"desk:{password}".encode()).decode()
    assert "forbidden" in refused and "Basic ***" in refused and refused.count("***") >= 4, refused
    for leak in (password, token, login, b64, quote(token), "0815canary"):
        assert leak.lower() not in refused.lower(), (leak, refused)


def test_starttls_never_falls_back_to_clear_text(tmp_path: Path) -> None:
    with smtp_server() as (port, inbox):
        report = deliver(
            EDITIONS[:1], settings(port, security="starttls"), tmp_path / "log.sqlite", environ={}, sleep=no_wait
        )
    assert inbox.messages == [] and "STARTTLS" in report.refused[0] and report.exit_code == 78


@pytest.mark.parametrize(
    ("page", "found"),
    [
        ('<html><body><img src="https://tracker.example/p.gif"></body></html>', "a remote asset"),
        ("<html><body><SCRIPT>alert(1)</SCRIPT></body></html>", "a <script>"),
        ("<html><head><style>@import url(//evil.example/x.css);</style></head></html>", "a remote stylesheet"),
        ('<html><body><p style="background: url(//evil.example/p.gif)">x</p></body></html>', "a remote stylesheet"),
    ],
)
def test_a_page_with_a_script_or_a_remote_asset_is_not_mailed(page: str, found: str) -> None:
    with pytest.raises(DeliveryError) as refused:
        safe_html(page)
    assert str(refused.value) == f"the HTML part holds {found}: not sent (the page must be self-contained)"


def test_a_title_that_speaks_of_import_or_url_is_only_words_and_is_mailed(tmp_path: Path) -> None:
    title = "CSS @import and url(//cdn.example) explained"
    with smtp_server() as (port, inbox):
        report = deliver([edition("en", title)], settings(port), tmp_path / "log.sqlite", environ={}, sleep=no_wait)
    assert report.exit_code == 0 and len(inbox.messages) == 1
    assert title in inbox.messages[0][1]["Subject"]


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
