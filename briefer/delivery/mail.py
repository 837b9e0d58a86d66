"""E-mail: one edition as a multipart message (text and HTML), sent over SMTP with STARTTLS or
TLS. A failure is a DeliveryError saying whether trying again may help."""

from __future__ import annotations

import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from html.parser import HTMLParser

from briefer.core.errors import DeliveryError
from briefer.outputs.edition import Edition, readable
from briefer.outputs.edition import page as edition_page
from briefer.outputs.edition import text as edition_text
from briefer.settings.delivery_settings import Email

# A mail client fetches what a page links as an asset: a remote image is a tracking pixel.
_ASSET_TAGS = frozenset(
    {"img", "link", "style", "script", "source", "video", "audio", "iframe", "object", "embed", "input"}
)
_ASSET_ATTRIBUTES = frozenset({"src", "srcset", "href", "data", "poster"})
_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.I)
_REMOTE_STYLE = re.compile(r"url\(\s*[\"']?\s*(?:https?:)?//|@import", re.I)


class _Scan(HTMLParser):
    """What in the page's markup a mail client would run or fetch. It reads tags, attributes
    and style sheets, never the text: a headline about "@import" or "url(//" is only words."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.found.append("a <script>")
        for name, value in attrs:
            value = value or ""
            if tag in _ASSET_TAGS and name in _ASSET_ATTRIBUTES and _REMOTE.search(value):
                self.found.append("a remote asset")
            if name == "style" and _REMOTE_STYLE.search(value):
                self.found.append("a remote stylesheet")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style and _REMOTE_STYLE.search(data):
            self.found.append("a remote stylesheet")


def safe_html(html: str) -> str:
    """The page as the edition makes it; one holding a script or a remote asset is not sent."""
    scan = _Scan()
    scan.feed(html)
    scan.close()
    if scan.found:
        raise DeliveryError(f"the HTML part holds {scan.found[0]}: not sent (the page must be self-contained)")
    return html


def message(edition: Edition, settings: Email, recipient: str) -> EmailMessage:
    """One reader's message: the edition as plain text and as a page, the language named."""
    mail = EmailMessage()
    head = f"{edition.words['correction']}: " if edition.correction else ""
    mail["Subject"] = readable(f"{head}{edition.title} · {edition.day.isoformat()} · {edition.language}")
    mail["From"] = settings.from_
    mail["To"] = recipient
    mail["Date"] = formatdate(localtime=True)
    mail["Message-ID"] = make_msgid(domain=settings.from_.rpartition("@")[2] or None)
    mail["Auto-Submitted"] = "auto-generated"  # no out-of-office replies to the sender
    if settings.unsubscribe:
        mail["List-Unsubscribe"] = f"<mailto:{settings.unsubscribe}?subject=unsubscribe>"
    mail.set_content(edition_text(edition))
    mail.add_alternative(safe_html("".join(edition_page(edition))), subtype="html")
    mail["Content-Language"] = edition.lang  # after the parts: setting content clears Content-* headers
    return mail


def send(mail: EmailMessage, settings: Email, login: tuple[str, str] | None, timeout: float) -> None:
    try:
        with _connect(settings, timeout) as smtp:
            if login:
                smtp.login(*login)
            smtp.send_message(mail)
    except smtplib.SMTPAuthenticationError as error:  # 535: the user or password is wrong; 454: a passing fault
        # Never retried when permanent: every try is a failed login, and enough of them lock the account.
        temporary = 400 <= error.smtp_code < 500
        why = "try again later" if temporary else "the user or password is wrong"
        raise DeliveryError(f"SMTP login refused ({error.smtp_code}: {why})", retry=temporary) from None
    except smtplib.SMTPRecipientsRefused as error:  # 4xx (a full mailbox, greylisting) may pass; 5xx will not
        codes = [code for code, _ in error.recipients.values()]
        temporary = bool(codes) and all(400 <= code < 500 for code in codes)
        raise DeliveryError(f"recipients refused: {', '.join(error.recipients)}", retry=temporary) from None
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
