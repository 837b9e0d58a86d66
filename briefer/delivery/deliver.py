"""Delivery: a day's editions of a desk to mail and chat, each once. A delivery log (SQLite) holds
what went where and a hash of what it held; a rerun of the day sends only what is not in it,
and `resend` sends again. When a day already sent has changed (items added or changed), the
desk's `on_change` decides: a short correction naming them ("correction") or nothing ("silent");
either is logged. A message that fails for a passing reason is retried with backoff; one that
still fails is named in the report (exit 75: the next run tries it again) and the other channels
go out all the same; a refusal that will not change (a wrong password, HTTP 404) is tried once
and named as refused (exit 78: a setting to fix).

At most once: a message is claimed in the log (a pending row) before it is sent and marked sent
after. A pending row the run could not settle (the log failed after the send, kill -9 or SIGTERM
while the server answered) means the message may have gone: no run sends it again on its own,
and the report names it as unconfirmed (`briefer send` sends it on purpose). A desk's readers
take a duplicate worse than a missing message: a second copy of the morning's mail in every
inbox (and every chat channel) cannot be taken back and reads as a fault, while a message
that did not arrive is still on the feed, latest/ and the archive page, and the editor is told
which one to send again. SIGTERM stops delivery where it is: the ones after it go with the
next run.

A message that did not go is logged as such ("failed" for a passing reason, "refused" for good):
a later morning's catch-up (`catch_up`) sends an earlier day's failed messages again, and only
those; a refused one waits for the setting to be fixed and `briefer send` (every morning's
retry of a refused login is one more towards an account lockout)."""

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

from briefer.core.errors import (
    EXIT_CONFIG,
    EXIT_OK,
    EXIT_PARTIAL,
    ConfigError,
    DeliveryError,
    DeliveryLogError,
    Interrupted,
)
from briefer.core.redact import login_secrets, redact, scrub
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
    unrecorded: tuple[str, ...] = ()  # sent, but the delivery log could not mark it sent: no run sends it again
    unconfirmed: tuple[str, ...] = ()  # an earlier run may have sent it (its row was left pending): not sent again

    @property
    def exit_code(self) -> int:
        """78 while a channel refuses for good (a rerun would only be refused again, and a
        refused login retried locks the account); 75 while one failed for now or the log
        failed (DeliveryLogError); 3 for a message that may not have arrived (unconfirmed:
        an editor's call, nothing a rerun does); else 0."""
        if self.refused:
            return EXIT_CONFIG
        if self.unrecorded or self.failed:
            return DeliveryLogError.exit_code
        return EXIT_PARTIAL if self.unconfirmed else EXIT_OK

    @classmethod
    def joined(cls, reports: Sequence[DeliveryReport]) -> DeliveryReport:
        """Several days' deliveries as one report, in the order they went."""
        return cls(*(tuple(line for report in reports for line in getattr(report, name)) for name in _FIELDS))


_FIELDS = ("sent", "already_sent", "failed", "corrected", "refused", "unrecorded", "unconfirmed")


def undelivered_days(log_path: Path, desk: str, days: Sequence[Date]) -> list[Date]:
    """Of these days, those with something to catch up on, once the desk has delivered before:
    a day the log holds nothing of (a run killed between writing the day and delivering it),
    or one with a message whose last attempt failed for a passing reason. A desk that never
    delivered (delivery just set up) is not sent its old days."""
    if not log_path.exists():
        return []
    log = _Log(log_path)
    try:
        seen, failed = log.days(desk), log.failed_days(desk)
    finally:
        log.close()
    return [day for day in days if seen and (day.isoformat() not in seen or day.isoformat() in failed)]


def deliver(
    editions: Sequence[Edition],
    settings: Deliver,
    log_path: Path,
    *,
    resend: bool = False,
    catch_up: bool = False,
    environ: Mapping[str, str] = os.environ,
    sleep: Callable[[float], None] = time.sleep,
) -> DeliveryReport:
    """Send each edition to every channel that takes its language, unless the log at log_path
    says it went already (resend: send anyway). catch_up, for an earlier day: only what the log
    holds nothing of that day (every message) or a message whose last attempt failed for now;
    the rest (sent, maybe sent, refused, a channel added since) is left as it is and not named
    again. A missing secret stops it before anything is sent."""
    secrets = _Secrets(settings, environ)
    readable = [edition for edition in editions if edition.items]  # a language with nothing published: no message
    jobs = [*_mail_jobs(readable, settings, secrets), *_webhook_jobs(readable, settings, secrets)]
    kinds = ("sent", "already", "failed", "corrected", "refused", "unrecorded", "unconfirmed")
    lines: dict[str, list[str]] = {kind: [] for kind in kinds}
    log = _Log(log_path)
    broken: DeliveryLogError | None = None
    try:
        if catch_up:
            jobs = log.due(jobs)
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
    """(what happened: sent, already, failed, refused, corrected, unrecorded or unconfirmed;
    its report line) for one job."""
    edition = job.edition
    before = None if resend else log.last(job)
    if before is not None and before.content_hash in ("", edition.content_hash()):
        if before.pending:  # claimed by a run that never marked it sent: it may have gone
            return "unconfirmed", (
                f"{job.line}: an earlier run may have sent it (its delivery was never confirmed); "
                f"not sent again: `briefer send --date {edition.day.isoformat()}` sends it if it did not arrive"
            )
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
        return _send(
            job,
            log,
            partial(job.send, correction),
            (resend, "correction", "corrected", f"{job.line}: correction sent ({_changes(correction.items)})"),
            settings,
            sleep,
            "correction: ",
        )
    return _send(
        job,
        log,
        partial(job.send, edition),
        (resend, "resend" if resend else "edition", "sent", job.line),
        settings,
        sleep,
    )


def _send(
    job: _Job,
    log: _Log,
    send: Callable[[], None],
    done: tuple[bool, str, str, str],
    settings: Deliver,
    sleep: Callable[[float], None],
    what: str = "",
) -> tuple[str, str]:
    """Claim the message in the log, send it, mark it sent; done: (resend, the row's kind, the
    outcome and line once sent). A claim that cannot be written sends nothing (DeliveryLogError)."""
    resend, kind, outcome, line = done
    claim = log.claim(job, resend)
    why, refused = _attempt(send, settings, sleep)  # SIGTERM leaves the claim: it may have gone
    if why:
        log.unsent(claim, REFUSED if refused else FAILED)  # the next run of the day sends it, a catch-up a failed one
        return "refused" if refused else "failed", f"{job.line}: {what}{why}"
    return log.confirm(claim, kind, outcome, line)


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
        if email and email.user_env and email.password_env:  # a login as the server may echo it, base64 and all
            self._secret += login_secrets(self.values[email.user_env], self.values[email.password_env])
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


PENDING = "pending"  # a row's kind from its claim until the send is marked
FAILED, REFUSED = "failed", "refused"  # a claim's kind once its message did not go: for now, for good
_UNSENT = (FAILED, REFUSED)  # rows of messages that did not go: no reader has what they hold


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _cannot_write(error: sqlite3.Error) -> DeliveryLogError:
    return DeliveryLogError(f"the delivery log cannot be written ({error}); try again later")


@dataclass(frozen=True)
class _Sent:
    """The last row of a job in the log: the hash of what the reader has, item by item."""

    content_hash: str
    items: dict[str, str]  # item id -> fingerprint
    pending: bool = False  # claimed, never marked sent: it may have gone


class _Log:
    """A row per delivery (resends, corrections and silent changes too): desk, day, language,
    target, when, and the content hash and item fingerprints of the edition the reader now has.
    Its kind is "pending" from the claim before a send until the send is marked."""

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

    def _read(self, query: str, values: tuple[str, ...]) -> list[tuple]:
        try:
            return self._db.execute(query, values).fetchall()
        except sqlite3.Error as error:
            raise DeliveryLogError(f"the delivery log cannot be read ({error}); try again later") from None

    def days(self, desk: str) -> set[str]:
        return {row[0] for row in self._read("SELECT DISTINCT day FROM deliveries WHERE desk = ?", (desk,))}

    _LAST = (
        "SELECT kind FROM deliveries WHERE desk = ? AND day = ? AND lang = ? AND target = ? ORDER BY rowid DESC LIMIT 1"
    )

    def failed_days(self, desk: str) -> set[str]:
        """Days with a message whose last attempt failed for a passing reason."""
        query = (
            "SELECT DISTINCT day FROM deliveries AS tried WHERE desk = ? AND kind = ? AND NOT EXISTS (SELECT 1"
            " FROM deliveries AS later WHERE later.desk = tried.desk AND later.day = tried.day"
            " AND later.lang = tried.lang AND later.target = tried.target AND later.rowid > tried.rowid)"
        )
        return {row[0] for row in self._read(query, (desk, FAILED))}

    def due(self, jobs: Sequence[_Job]) -> list[_Job]:
        """Of an earlier day's jobs, those a catch-up sends: all of a day the log holds nothing
        of, else those whose last attempt failed for now."""
        days = {(job.edition.desk, job.edition.day.isoformat()) for job in jobs}
        seen = {day for day in days if self._read("SELECT 1 FROM deliveries WHERE desk = ? AND day = ? LIMIT 1", day)}
        return [
            job
            for job in jobs
            if self._key(job)[:2] not in seen or self._read(self._LAST, self._key(job)) == [(FAILED,)]
        ]

    def last(self, job: _Job) -> _Sent | None:
        """The job's last row that a reader may have: a message that did not go is passed over."""
        query = (
            "SELECT content_hash, items, kind FROM deliveries WHERE desk = ? AND day = ? AND lang = ? AND target = ? "
            "AND kind NOT IN (?, ?) ORDER BY rowid DESC LIMIT 1"
        )
        rows = self._read(query, (*self._key(job), *_UNSENT))
        return _Sent(rows[0][0], json.loads(rows[0][1] or "{}"), rows[0][2] == PENDING) if rows else None

    def record(self, job: _Job, resend: bool, kind: str, outcome: str, line: str) -> tuple[str, str]:
        """A change that sends nothing (kind "silent"): returns (outcome, line), or ("unrecorded",
        why) when the row could not be written: then the log is broken and delivery stops."""
        try:
            with self._db:
                self._insert(job, resend, kind)
        except sqlite3.Error as error:
            self.broken = _cannot_write(error)
            return "unrecorded", f"{line}; not recorded in the delivery log ({error})"  # the next run decides again
        return outcome, line

    def claim(self, job: _Job, resend: bool) -> int:
        """A pending row for a message about to be sent, committed before it is sent (its rowid);
        DeliveryLogError when it cannot be written: then nothing is sent."""
        try:
            with self._db:  # committed at once: a crash during the send leaves it pending
                return self._insert(job, resend, PENDING)
        except sqlite3.Error as error:
            raise _cannot_write(error) from None

    def confirm(self, claim: int, kind: str, outcome: str, line: str) -> tuple[str, str]:
        """The claimed message went out: its row marked with its kind ("edition", "resend" or
        "correction"). Returns (outcome, line), or ("unrecorded", why) when the row could not be
        marked: it stays pending, so no run sends it again, and delivery stops."""
        try:
            with self._db:
                self._db.execute("UPDATE deliveries SET kind = ?, sent_at = ? WHERE rowid = ?", (kind, _now(), claim))
        except sqlite3.Error as error:
            self.broken = _cannot_write(error)
            return "unrecorded", (
                f"{line}: sent, but not marked sent in the delivery log ({error}): no run sends it again"
            )
        return outcome, line

    def unsent(self, claim: int, kind: str) -> None:
        """The claimed message did not go: its row marked so (FAILED or REFUSED), so the next run
        of the day sends it and a later morning's catch-up a failed one. A log that cannot mark
        it keeps it pending (the message is then named as unconfirmed, not sent twice)."""
        try:
            with self._db:
                self._db.execute("UPDATE deliveries SET kind = ?, sent_at = ? WHERE rowid = ?", (kind, _now(), claim))
        except sqlite3.Error as error:
            self.broken = _cannot_write(error)

    def _insert(self, job: _Job, resend: bool, kind: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO deliveries (desk, day, lang, target, sent_at, resend, content_hash, items, kind) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                *self._key(job),
                _now(),
                int(resend),
                job.edition.content_hash(),
                json.dumps(job.edition.fingerprints()),
                kind,
            ),
        )
        return cursor.lastrowid or 0

    def close(self) -> None:
        self._db.close()
