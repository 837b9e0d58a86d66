"""The delivery settings of a desk ([desks.<name>.deliver]): what config.Settings.deliver holds.

Secrets are never in the file: user_env, password_env and url_env (a webhook URL carries a
token) name the environment variables that hold them."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from briefer.lang import languages


def _env_name(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"[A-Za-z_]\w*", value, re.ASCII):  # not echoed: it may be the secret
        raise ValueError("must name an environment variable (like BRIEFER_SMTP_PASSWORD), not hold the secret")
    return value


class _Table(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
    _env = field_validator("user_env", "password_env", "url_env", check_fields=False)(_env_name)
    _langs = field_validator("languages", mode="before", check_fields=False)(
        lambda value: languages.supported_list(value) if value else ()
    )


class MailList(_Table):
    """[[...email.lists]]: these recipients get these languages (none: every one)."""

    to: tuple[str, ...] = Field(min_length=1)
    languages: tuple[str, ...] = ()


class Email(_Table):
    """[...deliver.email]: a message (text + HTML) per language to `to` (per = "language") or to each
    of `lists` (per = "recipients"); security "tls" is implicit (465), "none" a loopback relay."""

    host: str
    port: int = Field(587, ge=1, le=65535)
    security: Literal["starttls", "tls", "none"] = "starttls"
    from_: str = Field(alias="from")
    to: tuple[str, ...] = ()
    per: Literal["language", "recipients"] = "language"
    lists: tuple[MailList, ...] = ()
    user_env: str | None = None  # login only when set
    password_env: str | None = None
    unsubscribe: str | None = None  # an address readers write to to stop: the List-Unsubscribe header

    @model_validator(mode="after")
    def _consistent(self) -> Email:
        if (self.per == "language") != bool(self.to) or (self.per == "language") == bool(self.lists):
            raise ValueError('per = "language" mails `to`; per = "recipients" mails each of [[...email.lists]]')
        if bool(self.user_env) != bool(self.password_env):
            raise ValueError("user_env and password_env go together")
        if self.security == "none" and self.user_env and self.host not in ("localhost", "127.0.0.1", "::1"):
            raise ValueError('security = "none" would send the password in clear: only to a loopback host')
        return self


class Webhook(_Table):
    """[[...deliver.webhooks]]: "slack", "mattermost", "teams" (Adaptive Card) or "json" (the items)."""

    kind: Literal["slack", "mattermost", "teams", "json"]
    url_env: str
    languages: tuple[str, ...] = ()  # none: every language of the desk


class Deliver(_Table):
    """[desks.<name>.deliver]. A message failing for a passing reason is tried `retries` more
    times, `backoff` seconds before the first retry, doubling."""

    retries: int = Field(3, ge=0, le=10)
    backoff: float = Field(2.0, ge=0, le=600)
    timeout: float = Field(30.0, gt=0)  # seconds per SMTP connection or HTTP request
    email: Email | None = None
    webhooks: tuple[Webhook, ...] = ()
    # A day already sent that changes on a rerun (items added or changed): a short correction
    # naming them, or nothing; the delivery log records either.
    on_change: Literal["correction", "silent"] = "correction"
