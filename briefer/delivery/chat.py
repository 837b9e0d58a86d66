"""Chat and JSON webhooks: one edition as each product expects it, POSTed with urllib. Chat gets
a compact text: the title and day, then one line per item in the edition's order, with its
marks once and its source link, then the AI line."""

from __future__ import annotations

import base64
import http.client
import json
import re
import urllib.error
import urllib.request
from typing import Any, Callable
from urllib.parse import unquote, urlsplit, urlunsplit

from briefer.core.errors import DeliveryError
from briefer.core.redact import scrub
from briefer.outputs.edition import Edition, EditionItem, marks, readable

Payload = dict[str, Any]


def payload(kind: str, edition: Edition) -> Payload:
    return _FORMATS[kind](edition)


def _slack(edition: Edition) -> Payload:
    # mrkdwn: <, > and & escaped, so a headline cannot ping (<!channel>) or forge a link
    def escape(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def link(url: str, label: str) -> str:
        return f"<{escape(url).replace('|', '%7C')}|{label}>"

    return {"text": _compact(edition, escape, link, "*{}*")}


def _markdown_escape(text: str) -> str:
    # a headline cannot ping (@channel), show a remote image or forge a link
    return re.sub(r"([\\`*_{}\[\]()#+\-!|<>~])", r"\\\1", text).replace("@", "@\u200b")


def _markdown_link(url: str, label: str) -> str:
    return f"[{label}]({url.replace('(', '%28').replace(')', '%29').replace(' ', '%20')})"


def _mattermost(edition: Edition) -> Payload:
    return {"text": _compact(edition, _markdown_escape, _markdown_link, "**{}**")}


def _unlink(text: str) -> str:
    return text.replace("](", "] (")  # Adaptive Card markdown: a headline cannot forge a link


def _teams(edition: Edition) -> Payload:
    """A message with an Adaptive Card: what incoming webhooks and Workflows both take."""
    lines = _compact(edition, _unlink, _markdown_link, "{}").split("\n")
    body = [{"type": "TextBlock", "text": lines[0], "weight": "Bolder", "size": "Medium", "wrap": True}]
    body += [{"type": "TextBlock", "text": line, "wrap": True, "spacing": "Small"} for line in lines[1:]]
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.2",
        "body": body,
    }
    return {
        "type": "message",
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}
        ],
    }


def _json(edition: Edition) -> Payload:
    return {
        "desk": edition.desk,
        "date": edition.day.isoformat(),
        "lang": edition.lang,
        "title": readable(edition.title),
        "correction": edition.correction,
        "disclosure": readable(edition.disclosure),
        "items": [_readable(item.model_dump(mode="json")) for item in edition.items],
    }


def _readable(value: Any) -> Any:
    """Every string of a JSON value without control characters (`edition.readable`)."""
    if isinstance(value, str):
        return readable(value)
    if isinstance(value, dict):
        return {key: _readable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_readable(item) for item in value]
    return value


_FORMATS: dict[str, Callable[[Edition], Payload]] = {
    "slack": _slack,
    "mattermost": _mattermost,
    "teams": _teams,
    "json": _json,
}


def _compact(edition: Edition, escape: Callable[[str], str], link: Callable[[str, str], str], bold: str) -> str:
    words = edition.words
    correction = f"{words['correction']}: " if edition.correction else ""
    head = bold.format(escape(f"{correction}{edition.title} · {edition.day.isoformat()}"))
    items = [_item_line(item, words, escape, link) for item in edition.items]
    return readable("\n".join([head, *items, *([escape(edition.disclosure)] if edition.disclosure else [])]))


def _item_line(
    item: EditionItem, words: dict[str, str], escape: Callable[[str], str], link: Callable[[str, str], str]
) -> str:
    parts = ["•", f"[{escape(marks(item, words))}]", escape(item.headline)]
    if item.link:  # a page anchor means nothing in a chat
        parts.append(link(item.link, escape(words["source"])))
    return " ".join(parts)


def _without_login(url: str) -> tuple[str, str]:
    """(the URL without user and password, "user:password" or "")."""
    parts = urlsplit(url)
    if parts.username is None:
        return url, ""
    netloc = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    login = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
    return urlunsplit(parts._replace(netloc=netloc)), login


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a webhook that redirects is misconfigured: named, not followed (a POST would turn GET)


_OPENER = urllib.request.build_opener(_NoRedirect)


_READ, _SHOWN = 4096, 200  # of a refusal's body: read, and shown once scrubbed


def _said(body: bytes, url: str) -> str:
    """The start of a refusal's body, scrubbed of the URL's secrets before it is cut: cut
    first, half a secret (a token, an echoed base64 login) would be no match and stay."""
    if len(body) == _READ:  # more followed: the last bytes may hold the start of a secret
        body = body[: _READ - 256]
    text = scrub(" ".join(body.decode("utf-8", "replace").split()), [url])
    if len(text) <= _SHOWN:
        return text
    cut = text[:_SHOWN]
    return (cut.rpartition(" ")[0] or cut) + " …"


def post(url: str, body: Payload, timeout: float) -> None:
    address, login = _without_login(url)
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "briefer"}
    if login:  # a user and password in the URL go as Basic auth, never on the request line
        headers["Authorization"] = "Basic " + base64.b64encode(login.encode("utf-8")).decode("ascii")
    request = urllib.request.Request(
        address, data=json.dumps(body, ensure_ascii=False).encode("utf-8"), method="POST", headers=headers
    )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as error:  # 429 and 5xx pass; another 4xx will answer the same
        said = _said(error.read(_READ), url)
        raise DeliveryError(
            f"HTTP {error.code}" + (f": {said}" if said else ""), retry=error.code == 429 or error.code >= 500
        ) from None
    except urllib.error.URLError as error:
        raise DeliveryError(f"no answer ({error.reason})", retry=True) from None
    except (OSError, http.client.HTTPException) as error:  # timed out reading, connection dropped
        raise DeliveryError(f"no answer ({error or type(error).__name__})", retry=True) from None
