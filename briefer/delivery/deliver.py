"""Delivery: a day's editions of a desk to mail and chat, each once. A delivery log (SQLite) holds
what went where; a rerun of the day sends only what is not in it, and `resend` sends again.
A message that fails for a passing reason is retried with backoff; one that still fails is
named in the report (exit 3) and the other channels go out all the same."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Callable, Mapping, Sequence
from urllib.parse import urlsplit

from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from briefer.core.errors import EXIT_OK, EXIT_PARTIAL, ConfigError, DeliveryError
from briefer.core.models import Edition, EditionItem
from briefer.delivery import chat, mail
from briefer.settings.delivery_settings import Deliver, MailList

__all__ = ["DeliveryReport", "Edition", "EditionItem", "check_environment", "deliver"]


@dataclass(frozen=True)
class DeliveryReport:
    """One line per message or post: "<desk> <day> <lang>: <channel>", a failed one with why."""

    sent: tuple[str, ...] = ()
    already_sent: tuple[str, ...] = ()  # in the log from an earlier run: not sent again
    failed: tuple[str, ...] = ()

    @property
    def exit_code(self) -> int:
        return EXIT_PARTIAL if self.failed else EXIT_OK


def deliver(
    editions: Sequence[Edition],
    settings: Deliver,
    log_path: Path,
    *,
    resend: bool = False,
    environ: Mapping[str, str] = os.environ,
    sleep: Callable[[float], None] = time.sleep,
) -> DeliveryReport:
    """Send each edition to every channel that takes its language, unless the log at log_path
    says it went already (resend: send anyway). A missing secret stops it before anything is sent."""
    secrets = _Secrets(settings, environ)
    jobs = [*_mail_jobs(editions, settings, secrets), *_webhook_jobs(editions, settings, secrets)]
    sent: list[str] = []
    already: list[str] = []
    failed: list[str] = []
    log = _Log(log_path)
    try:
        for job in jobs:
            if not resend and log.has(job):
                already.append(job.line)
                continue
            why = _attempt(job.send, settings, sleep)
            if why:
                failed.append(f"{job.line}: {secrets.scrub(why)}")
            else:
                log.record(job, resend)
                sent.append(job.line)
    finally:
        log.close()
    return DeliveryReport(tuple(sent), tuple(already), tuple(failed))


def check_environment(settings: Deliver, environ: Mapping[str, str] = os.environ) -> None:
    """Raise the ConfigError deliver() would, before a run spends anything."""
    _Secrets(settings, environ)


class _Secrets:
    """The values of the variables the settings name; scrub() keeps the secret ones (password,
    webhook URLs: they carry a token) out of any report line."""

    def __init__(self, settings: Deliver, environ: Mapping[str, str]):
        needed = [(hook.url_env, f"the URL of the {hook.kind} webhook", True) for hook in settings.webhooks]
        if settings.email and settings.email.user_env:  # the user is no secret: it may be an address in a line
            needed += [
                (settings.email.user_env, "the SMTP user", False),
                (settings.email.password_env, "the SMTP password", True),
            ]
        self.values: dict[str, str] = {}
        for name, what, _ in needed:
            if not environ.get(name):
                raise ConfigError(f"delivery needs the environment variable {name} ({what}); it is not set")
            self.values[name] = environ[name]
        self._secret = [self.values[name] for name, _, secret in needed if secret]
        for hook in settings.webhooks:
            url = urlsplit(self.values[hook.url_env])
            if url.scheme not in ("http", "https") or not url.netloc:
                raise ConfigError(
                    f"the environment variable {hook.url_env} ({hook.kind} webhook) does not hold an http(s) URL"
                )

    def __getitem__(self, name: str) -> str:
        return self.values[name]

    def scrub(self, text: str) -> str:
        for value in self._secret:
            url = urlsplit(value)
            token = url.path + (f"?{url.query}" if url.query else "") if url.netloc else ""
            for secret in (value, token if len(token) > 1 else ""):
                text = text.replace(secret, "***") if secret else text
        return text


@dataclass(frozen=True)
class _Job:
    edition: Edition
    channel: str  # said in reports: "email to desk@example.org", "slack webhook (BRIEFER_SLACK_WEBHOOK)"
    target: str  # the channel in the log: no secret in it
    send: Callable[[], None] = field(repr=False)  # holds the secrets

    @property
    def line(self) -> str:
        return f"{self.edition.desk} {self.edition.day.isoformat()} {self.edition.lang}: {self.channel}"


def _wanted(edition: Edition, languages: tuple[str, ...]) -> bool:
    return not languages or edition.lang in languages


def _mail_jobs(editions: Sequence[Edition], settings: Deliver, secrets: _Secrets) -> list[_Job]:
    email = settings.email
    if email is None:
        return []
    login = (secrets[email.user_env], secrets[email.password_env]) if email.user_env else None

    def send(edition: Edition, to: tuple[str, ...]) -> None:
        mail.send(mail.message(edition, email.from_, to), email, login, settings.timeout)

    return [
        _Job(
            edition,
            f"email to {', '.join(group.to)}",
            f"email:{email.host}:{','.join(sorted(group.to))}",
            partial(send, edition, group.to),
        )
        for group in email.lists or (MailList(to=email.to),)
        for edition in editions
        if _wanted(edition, group.languages)
    ]


def _webhook_jobs(editions: Sequence[Edition], settings: Deliver, secrets: _Secrets) -> list[_Job]:
    jobs = []
    for hook in settings.webhooks:
        url = secrets[hook.url_env]
        target = f"{hook.kind}:{hashlib.sha256(url.encode('utf-8')).hexdigest()[:16]}"  # the URL holds a token
        jobs += [
            _Job(
                edition,
                f"{hook.kind} webhook ({hook.url_env})",
                target,
                partial(chat.post, url, chat.payload(hook.kind, edition), settings.timeout),
            )
            for edition in editions
            if _wanted(edition, hook.languages)
        ]
    return jobs


def _attempt(send: Callable[[], None], settings: Deliver, sleep: Callable[[float], None]) -> str:
    """'' once sent; else why not, after the retries a passing failure earns (tenacity:
    exponential backoff, only for DeliveryError marked retry)."""
    retrying = Retrying(
        stop=stop_after_attempt(settings.retries + 1),
        sleep=sleep,
        reraise=True,
        wait=wait_exponential(multiplier=settings.backoff, exp_base=2, min=0, max=3600),
        retry=retry_if_exception(lambda error: isinstance(error, DeliveryError) and error.retry),
    )
    try:
        retrying(send)
        return ""
    except DeliveryError as error:
        attempts = retrying.statistics.get("attempt_number", 1)
        return f"{error} (after {attempts} attempts)" if error.retry else f"{error} (not retried)"
    except Exception as error:  # a fault in one channel does not keep the others back
        return f"{type(error).__name__}: {error}"


class _Log:
    """A row per delivery (resends too): desk, day, language, target and when."""

    def __init__(self, path: Path):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS deliveries (desk TEXT NOT NULL, day TEXT NOT NULL, "
                "lang TEXT NOT NULL, target TEXT NOT NULL, sent_at TEXT NOT NULL, resend INTEGER NOT NULL)"
            )
        except (sqlite3.Error, OSError) as error:
            raise ConfigError(
                f"delivery log {path} cannot be used ({error}): move it aside, and the day's messages go out again"
            ) from None

    @staticmethod
    def _key(job: _Job) -> tuple[str, str, str, str]:
        return job.edition.desk, job.edition.day.isoformat(), job.edition.lang, job.target

    def has(self, job: _Job) -> bool:
        query = "SELECT 1 FROM deliveries WHERE desk = ? AND day = ? AND lang = ? AND target = ? LIMIT 1"
        return self._db.execute(query, self._key(job)).fetchone() is not None

    def record(self, job: _Job, resend: bool) -> None:
        with self._db:  # committed at once: a crash later does not send this again
            self._db.execute(
                "INSERT INTO deliveries VALUES (?, ?, ?, ?, ?, ?)",
                (*self._key(job), datetime.now(UTC).isoformat(timespec="seconds"), int(resend)),
            )

    def close(self) -> None:
        self._db.close()
