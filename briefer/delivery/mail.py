"""E-mail: one edition as a multipart message (text and HTML), sent over SMTP with STARTTLS or
TLS. A failure is a DeliveryError saying whether trying again may help."""

from __future__ import annotations

import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from briefer.core.errors import DeliveryError
from briefer.core.models import Edition
from briefer.settings.delivery_settings import Email

# A mail client fetches what a page links as an asset: a remote image is a tracking pixel.
_UNSAFE = (
    (re.compile(r"<script\b", re.I), "a <script>"),
    (
        re.compile(
            r"<(?:img|link|style|script|source|video|audio|iframe|object|embed|input)\b[^>]*?"
            r"\b(?:src|srcset|href|data|poster)\s*=\s*[\"']?\s*(?:https?:)?//",
            re.I,
        ),
        "a remote asset",
    ),
    (re.compile(r"url\(\s*[\"']?\s*(?:https?:)?//|@import", re.I), "a remote stylesheet"),
)


def safe_html(html: str) -> str:
    """The page as render makes it; one holding a script or a remote asset is not sent."""
    for pattern, what in _UNSAFE:
        if pattern.search(html):
            raise DeliveryError(f"the HTML part holds {what}: not sent (the page must be self-contained)")
    return html


def message(edition: Edition, sender: str, recipients: tuple[str, ...]) -> EmailMessage:
    mail = EmailMessage()
    mail["Subject"] = f"{edition.title} · {edition.day.isoformat()} · {edition.lang}"
    mail["From"] = sender
    mail["To"] = ", ".join(recipients)
    mail["Date"] = formatdate(localtime=True)
    mail["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    mail["Auto-Submitted"] = "auto-generated"  # no out-of-office replies to the sender
    mail.set_content(edition.text)
    mail.add_alternative(safe_html(edition.html), subtype="html")
    mail["Content-Language"] = edition.lang  # after the parts: setting content clears Content-* headers
    return mail


def send(mail: EmailMessage, settings: Email, login: tuple[str, str] | None, timeout: float) -> None:
    try:
        with _connect(settings, timeout) as smtp:
            if login:
                smtp.login(*login)
            smtp.send_message(mail)
    except smtplib.SMTPAuthenticationError as error:
        raise DeliveryError(f"SMTP login refused ({error.smtp_code})", retry=True) from None
    except smtplib.SMTPRecipientsRefused as error:
        raise DeliveryError(f"recipients refused: {', '.join(error.recipients)}") from None
    except smtplib.SMTPResponseException as error:  # 4xx: try again later; 5xx: it will not change
        reply = error.smtp_error.decode("utf-8", "replace") if isinstance(error.smtp_error, bytes) else error.smtp_error
        raise DeliveryError(f"SMTP {error.smtp_code} {reply}", retry=400 <= error.smtp_code < 500) from None
    except smtplib.SMTPNotSupportedError as error:  # never falls back to sending in clear
        raise DeliveryError(f"{settings.host}: {error}") from None
    except ssl.SSLCertVerificationError as error:
        raise DeliveryError(f"{settings.host}: certificate not trusted ({error.verify_message})") from None
    except (OSError, smtplib.SMTPException) as error:  # refused, reset, timed out, dropped
        raise DeliveryError(f"{settings.host}:{settings.port}: {error or type(error).__name__}", retry=True) from None


def _connect(settings: Email, timeout: float) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if settings.security == "tls":
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout, context=context)
    smtp = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
    if settings.security == "starttls":
        try:
            smtp.starttls(context=context)
        except BaseException:
            smtp.close()
            raise
    return smtp
