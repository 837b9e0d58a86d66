"""Typed errors. Each carries the exit code the CLI returns (see docs/architecture.md, Exit codes)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOTHING_WRITTEN = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_TEMPORARY = 75
EXIT_CONFIG = 78


class BrieferError(Exception):
    """Base error: one clear line for the user, and the exit code that goes with it."""

    exit_code = EXIT_NOTHING_WRITTEN

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    @classmethod
    def with_code(cls, message: str, exit_code: int) -> BrieferError:
        """An error whose exit code was decided elsewhere (why a run stopped, from its report)."""
        error = cls(message)
        error.exit_code = exit_code
        return error


class UsageError(BrieferError):
    """The command line asks for something that cannot work (bad flag, missing path)."""

    exit_code = EXIT_USAGE


class InputError(BrieferError):
    """One source cannot be read as an article (empty, binary, malformed)."""

    exit_code = EXIT_USAGE


class SourceUnavailable(InputError):
    """A source that may be readable later: its host not found or not answering, HTTP 429 or 5xx."""

    exit_code = EXIT_TEMPORARY


class MissingSource(InputError):
    """A path given on the command line that is not there."""


class NothingToBrief(BrieferError):
    """Every story today is a repeat the desk skips: done, nothing to retry."""

    exit_code = EXIT_OK


class ConfigError(BrieferError):
    """A setting is wrong: no model, bad key, unknown model, bad prompt file."""

    exit_code = EXIT_CONFIG


class BudgetSpentError(BrieferError):
    """The next request could pass the run's budget: it is not sent (the article is skipped)."""

    exit_code = EXIT_PARTIAL


class TemporaryError(BrieferError):
    """Worth retrying later: endpoint down, rate limited, another run holds the lock."""

    exit_code = EXIT_TEMPORARY


class DeliveryLogError(TemporaryError):
    """The delivery log could not be read or written mid-delivery (disk full, a damaged file):
    delivery stops there, since what it sends now could not be recorded, and the next run
    tries again (75). A message sent but not marked sent is named, and never sent again by a
    later run (the delivery log's claim stays pending: at most once)."""


class Interrupted(BrieferError):
    """SIGTERM or Ctrl-C: stop now, write nothing more; the previous briefing stays as it was."""

    exit_code = EXIT_TEMPORARY


class ModelReplyError(BrieferError):
    """The model answered, but not with something usable (bad JSON, empty, cut off)."""


class ContextTooLongError(BrieferError):
    """The endpoint refused the prompt as longer than the model's context."""


class DeliveryError(BrieferError):
    """One message or post was not delivered; `retry` says whether trying again may help
    (a dropped connection, an SMTP 4xx, HTTP 429 or 5xx) or not (a wrong password, SMTP 5xx,
    another HTTP 4xx, an unsafe page): those are never retried, a refused login least of all.
    Its exit code: 75 for a passing failure (the next run sends what did not go; nothing is
    lost), 78 for a refusal (a setting to fix: the password, the webhook URL, the address)."""

    exit_code = EXIT_TEMPORARY

    def __init__(self, message: str, retry: bool = False):
        super().__init__(message)
        self.retry = retry
        self.exit_code = EXIT_TEMPORARY if retry else EXIT_CONFIG
