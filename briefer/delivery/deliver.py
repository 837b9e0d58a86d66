"""Delivery: a day's editions of a desk to mail and chat, each once. A delivery log (SQLite) holds
what went where and a hash of what it held; a rerun of the day sends only what is not in it,
and `resend` sends again. When a day already sent has changed (items added or changed), the
desk's `on_change` decides: a short correction naming them ("correction") or nothing ("silent");
either is logged. A message that fails for a passing reason is retried with backoff; one that
still fails is named in the report (exit 75: the next run tries it again) and the other channels
go out all the same; a refusal that will not change (a wrong password, HTTP 404) is tried once
and named as refused (exit 78: a setting to fix). SIGTERM
stops delivery where it is: the message it interrupted is not logged, so the next run sends it
and the ones after it."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import date as Date
from functools import partial
from pathlib import Path
from typing import Callable, Mapping, Sequence
from urllib.parse import urlsplit

from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from briefer.core.errors import EXIT_CONFIG, EXIT_OK, ConfigError, DeliveryError, DeliveryLogError, Interrupted
from briefer.core.redact import redact, scrub
from briefer.delivery import chat, mail
from briefer.outputs.edition import Edition, EditionItem
from briefer.settings.delivery_settings import Deliver, MailList

__all__ = ["DeliveryReport", "Edition", "EditionItem", "check_environment", "deliver", "undelivered_days"]


@dataclass(frozen=True)
class DeliveryReport:
    """One line per message or post: "<desk> <day> <lang>: <channel>", a failed one with why."""

    sent: tuple[str, ...] = ()
    already_sent: tuple[str, ...] = ()  # in the log from an earlier run: not sent again
    failed: tuple[str, ...] = ()  # for a passing reason, after the retries: the next run tries again
    corrected: tuple[str, ...] = ()  # sent before and changed since: a correction went out, or none (silent)
    refused: tuple[str, ...] = ()  # for good (a wrong password, HTTP 404): it goes once a setting is fixed
    unrecorded: tuple[str, ...] = ()  # sent, but the delivery log could not record it: the next run sends it again

    @property
    def exit_code(self) -> int:
        """78 while a channel refuses for good (a rerun would only be refused again, and a
        refused login retried locks the account); 75 while one failed for now or the log
        failed (DeliveryLogError); else 0."""
        if self.refused:
            return EXIT_CONFIG
        return DeliveryLogError.exit_code if self.unrecorded or self.failed else EXIT_OK

    @classmethod
    def joined(cls, reports: Sequence[DeliveryReport]) -> DeliveryReport:
        """Several days' deliveries as one report, in the order they went."""
        return cls(*(tuple(line for report in reports for line in getattr(report, name)) for name in _FIELDS))


_FIELDS = ("sent", "already_sent", "failed", "corrected", "refused", "unrecorded")


def undelivered_days(log_path: Path, desk: str, days: Sequence[Date]) -> list[Date]:
    """Of these days, those the log holds no delivery of, once the desk has delivered before:
    a run killed between writing a day and delivering it left them. A desk that never
    delivered (delivery just set up) is not sent its old days."""
    if not log_path.exists():
        return []
    log = _Log(log_path)
    try:
        seen = log.days(desk)
    finally:
        log.close()
    return [day for day in days if seen and day.isoformat() not in seen]


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
    readable = [edition for edition in editions if edition.items]  # a language with nothing published: no message
    jobs = [*_mail_jobs(readable, settings, secrets), *_webhook_jobs(readable, settings, secrets)]
    kinds = ("sent", "already", "failed", "corrected", "refused", "unrecorded")
    lines: dict[str, list[str]] = {kind: [] for kind in kinds}
    log = _Log(log_path)
    broken: DeliveryLogError | None = None
    try:
        for job in jobs:
            if broken is not None:  # what it sent now could not be recorded: it would go twice
                outcome, line = "failed", f"{job.line}: not sent: {broken}"
            else:
                try:
                    outcome, line = _deliver_one(job, log, settings, resend, sleep)
                except DeliveryLogError as error:  # before anything was sent
                    broken, outcome, line = error, "failed", f"{job.line}: not sent: {error}"
                broken = broken or log.broken
            lines[outcome].append(secrets.scrub(redact(line)))
    finally:
        log.close()
    return DeliveryReport(*(tuple(lines[kind]) for kind in kinds))


def _deliver_one(
    job: _Job, log: _Log, settings: Deliver, resend: bool, sleep: Callable[[float], None]
) -> tuple[str, str]:
    """(what happened: sent, already, failed, refused or corrected; its report line) for one job."""
    edition = job.edition
    before = None if resend else log.last(job)
    if before is not None and before.content_hash in ("", edition.content_hash()):
        return "already", job.line  # "": logged before hashes were kept, nothing to compare
    if before is not None:
        correction = edition.corrected(before.items)
        if correction is None:
            return log.record(
                job, resend, "silent", "corrected", f"{job.line}: items removed since it was sent; no correction"
            )
        if settings.on_change == "silent":
            changes = _changes(correction.items)
            line = f'{job.line}: changed since it was sent ({changes}); not sent (on_change = "silent")'
            return log.record(job, resend, "silent", "corrected", line)
        why, refused = _attempt(partial(job.send, correction), settings, sleep)
        if why:
            return "refused" if refused else "failed", f"{job.line}: correction: {why}"
        return log.record(
            job, resend, "correction", "corrected", f"{job.line}: correction sent ({_changes(correction.items)})"
        )
    why, refused = _attempt(partial(job.send, edition), settings, sleep)
    if why:
        return "refused" if refused else "failed", f"{job.line}: {why}"
    return log.record(job, resend, "resend" if resend else "edition", "sent", job.line)


def _changes(items: Sequence[EditionItem]) -> str:
    return "; ".join(f"{item.change}: {item.headline}" for item in items)


def check_environment(settings: Deliver, environ: Mapping[str, str] = os.environ) -> None:
    """Raise the ConfigError deliver() would, before a run spends anything."""
    _Secrets(settings, environ)


class _Secrets:
    """The values of the variables the settings name; scrub() keeps the secret ones (password,
    webhook URLs: they carry a token) out of any report line."""

    def __init__(self, settings: Deliver, environ: Mapping[str, str]):
        needed = [(hook.url_env, f"the URL of the {hook.kind} webhook", True) for hook in settings.webhooks]
        email = settings.email
        if email and email.user_env and email.password_env:  # set together (delivery_settings); the user is no secret
            needed += [
                (email.user_env, "the SMTP user", False),
                (email.password_env, "the SMTP password", True),
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
        return scrub(text, self._secret)


@dataclass(frozen=True)
class _Job:
    edition: Edition
    channel: str  # said in reports: "email to desk@example.org", "slack webhook (BRIEFER_SLACK_WEBHOOK)"
    target: str  # the channel in the log: no secret in it
    send: Callable[[Edition], None] = field(repr=False)  # the edition or its correction; holds the secrets

    @property
    def line(self) -> str:
        return f"{self.edition.desk} {self.edition.day.isoformat()} {self.edition.lang}: {self.channel}"


def _wanted(edition: Edition, languages: tuple[str, ...]) -> bool:
    return not languages or edition.lang in languages


def _mail_jobs(editions: Sequence[Edition], settings: Deliver, secrets: _Secrets) -> list[_Job]:
    email = settings.email
    if email is None:
        return []
    login = (secrets[email.user_env], secrets[email.password_env]) if email.user_env and email.password_env else None

    def send(to: str, edition: Edition) -> None:
        mail.send(mail.message(edition, email, to), email, login, settings.timeout)

    # One message per recipient: no reader sees the others' addresses, and a refused one holds back no other.
    wanted = {
        (edition.lang, to): edition
        for group in email.lists or (MailList(to=email.to),)
        for edition in editions
        if _wanted(edition, group.languages)
        for to in group.to
    }
    return [
        _Job(edition, f"email to {to}", f"email:{email.host}:{to}", partial(send, to))
        for (_, to), edition in wanted.items()
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
                partial(_post, url, hook.kind, settings.timeout),
            )
            for edition in editions
            if _wanted(edition, hook.languages)
        ]
    return jobs


def _post(url: str, kind: str, timeout: float, edition: Edition) -> None:
    chat.post(url, chat.payload(kind, edition), timeout)


def _attempt(send: Callable[[], None], settings: Deliver, sleep: Callable[[float], None]) -> tuple[str, bool]:
    """('', False) once sent; else (why not, refused for good), after the retries a passing
    failure earns (tenacity: exponential backoff, only for DeliveryError marked retry)."""
    retrying = Retrying(
        stop=stop_after_attempt(settings.retries + 1),
        sleep=sleep,
        reraise=True,
        wait=wait_exponential(multiplier=settings.backoff, exp_base=2, min=0, max=3600),
        retry=retry_if_exception(lambda error: isinstance(error, DeliveryError) and error.retry),
    )
    try:
        retrying(send)
        return "", False
    except DeliveryError as error:
        attempts = retrying.statistics.get("attempt_number", 1)
        return (f"{error} (after {attempts} attempts)", False) if error.retry else (f"{error} (not retried)", True)
    except Interrupted:  # SIGTERM: the run stops here; this message is not logged, so the next run sends it
        raise
    except Exception as error:  # a fault in one channel does not keep the others back
        return f"{type(error).__name__}: {error}", False


@dataclass(frozen=True)
class _Sent:
    """The last row of a job in the log: the hash of what the reader has, item by item."""

    content_hash: str
    items: dict[str, str]  # item id -> fingerprint


class _Log:
    """A row per delivery (resends, corrections and silent changes too): desk, day, language,
    target, when, and the content hash and item fingerprints of the edition the reader now has."""

    def __init__(self, path: Path):
        self.broken: DeliveryLogError | None = None  # set once a row could not be written
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS deliveries (desk TEXT NOT NULL, day TEXT NOT NULL, "
                "lang TEXT NOT NULL, target TEXT NOT NULL, sent_at TEXT NOT NULL, resend INTEGER NOT NULL)"
            )
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(deliveries)")}
            for column in ("content_hash", "items", "kind"):  # a log from before hashes were kept
                if column not in columns:
                    self._db.execute(f"ALTER TABLE deliveries ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
        except (sqlite3.Error, OSError) as error:
            raise ConfigError(
                f"delivery log {path} cannot be used ({error}): move it aside, and the day's messages go out again"
            ) from None

    @staticmethod
    def _key(job: _Job) -> tuple[str, str, str, str]:
        return job.edition.desk, job.edition.day.isoformat(), job.edition.lang, job.target

    def days(self, desk: str) -> set[str]:
        try:
            return {row[0] for row in self._db.execute("SELECT DISTINCT day FROM deliveries WHERE desk = ?", (desk,))}
        except sqlite3.Error as error:
            raise DeliveryLogError(f"the delivery log cannot be read ({error}); try again later") from None

    def last(self, job: _Job) -> _Sent | None:
        query = (
            "SELECT content_hash, items FROM deliveries WHERE desk = ? AND day = ? AND lang = ? AND target = ? "
            "ORDER BY rowid DESC LIMIT 1"
        )
        try:
            row = self._db.execute(query, self._key(job)).fetchone()
        except sqlite3.Error as error:
            raise DeliveryLogError(f"the delivery log cannot be read ({error}); try again later") from None
        return _Sent(row[0], json.loads(row[1] or "{}")) if row else None

    def record(self, job: _Job, resend: bool, kind: str, outcome: str, line: str) -> tuple[str, str]:
        """kind: "edition", "resend", "correction" or "silent" (changed, nothing sent); returns
        (outcome, line), or ("unrecorded", why) when the row could not be written: then the
        log is broken and delivery stops."""
        try:
            self._write(job, resend, kind)
        except sqlite3.Error as error:
            self.broken = DeliveryLogError(f"the delivery log cannot be written ({error}); try again later")
            if kind == "silent":  # nothing went out: the next run decides the same again
                return "unrecorded", f"{line}; not recorded in the delivery log ({error})"
            return (
                "unrecorded",
                f"{line}: sent, but not recorded in the delivery log ({error}): the next run sends it again",
            )
        return outcome, line

    def _write(self, job: _Job, resend: bool, kind: str) -> None:
        with self._db:  # committed at once: a crash later does not send this again
            self._db.execute(
                "INSERT INTO deliveries (desk, day, lang, target, sent_at, resend, content_hash, items, kind) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    *self._key(job),
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    int(resend),
                    job.edition.content_hash(),
                    json.dumps(job.edition.fingerprints()),
                    kind,
                ),
            )

    def close(self) -> None:
        self._db.close()
