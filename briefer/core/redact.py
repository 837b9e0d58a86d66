"""Secrets out of everything briefer shows: a URL loses its user, password and query string
wherever a message, a file, a log line or an error names it. Applied where such text is made
(the model door's errors, fetching, delivery, the articles a URL became), so that no later
copy of the text can carry them. `scrub` takes known secrets (a password, a webhook URL) out
of text a server wrote, in whole and in the parts a server echoes alone, as written and as a
server re-encodes them (percent-encoded, JSON- or HTML-escaped, base64 as in an echoed
`Authorization: Basic` header or SMTP AUTH)."""

from __future__ import annotations

import base64
import html
import re
from typing import Iterable
from urllib.parse import parse_qsl, quote, quote_plus, unquote, urlsplit

# scheme://[userinfo@]rest, up to whitespace or a character that ends a URL in prose or markup
_URL = re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<userinfo>[^\s/?#@<>\"']*@)?(?P<rest>[^\s<>\"']*)")
_PROSE_END = ".,;:!?"  # after a URL, these end the sentence, not the URL


def redact(text: str) -> str:
    """`text` with every URL in it shown without user, password and query string."""
    return _URL.sub(_shown, text)


def _shown(match: re.Match[str]) -> str:
    rest, tail = _without_prose_end(match["rest"])
    before_query, _, _ = rest.partition("?")
    fragment = rest.partition("#")[2] if "#" in rest and "?" not in rest.partition("#")[0] else ""
    kept = before_query.partition("#")[0]
    return match["scheme"] + kept + (f"#{fragment}" if fragment else "") + tail


def _without_prose_end(rest: str) -> tuple[str, str]:
    """(the URL's part, the prose after it): "(see https://a/x?k=s)" keeps its ")", and
    "…/Foo_(bar)" its own brackets, which are balanced."""
    end = len(rest)
    while end and (
        rest[end - 1] in _PROSE_END or (rest[end - 1] == ")" and rest.count(")", 0, end) > rest.count("(", 0, end))
    ):
        end -= 1
    return rest[:end], rest[end:]


def secret_parts(secret: str) -> list[str]:
    """The secret, and the parts of it a server echoes alone (a 403 naming the token of the
    webhook URL): a URL's user, password, path and query, and each of their pieces that is
    distinctive, each as written and as a server re-encodes it (`_encodings`); a URL's
    "user:password" in base64 too (the Basic login a webhook with credentials sends). Words of
    a URL (hooks, services, IncomingWebhook) are no secret and stay readable. Longest first."""
    parts = {secret}
    url = urlsplit(secret)
    if url.scheme and url.netloc:
        pieces = [url.username or "", url.password or "", url.path + (f"?{url.query}" if url.query else "")]
        pieces += url.path.split("/") + [value for _, value in parse_qsl(url.query)]
        pieces += [half for piece in url.path.split("/") for half in piece.split("@")]
        parts |= {piece for piece in pieces if _distinctive(piece)}
        parts |= {unquote(piece) for piece in list(parts)}
    parts |= {encoded for part in list(parts) for encoded in _encodings(part)}
    if url.scheme and url.netloc and url.username is not None:
        parts |= set(_base64(f"{unquote(url.username)}:{unquote(url.password or '')}"))
    return sorted(filter(None, parts), key=len, reverse=True)


def login_secrets(user: str, password: str) -> list[str]:
    """What a login puts on the wire besides the password: "user:password" (HTTP Basic) and
    NUL user NUL password (SMTP AUTH PLAIN), both scrubbed in base64 too (`secret_parts`)."""
    return [f"{user}:{password}", f"\0{user}\0{password}"]


def _encodings(part: str) -> set[str]:
    """`part` as a server may write it back: percent-encoded (reserved characters or all, upper
    or lower case hex, twice), form-encoded, with JSON's escaped slashes, HTML-escaped, and in
    base64 (standard or URL-safe, with or without padding)."""
    encoded = {quote(part, safe=""), quote(part), quote_plus(part), quote(quote(part, safe=""), safe="")}
    encoded |= {re.sub(r"%[0-9A-F]{2}", lambda hexed: hexed[0].lower(), text) for text in list(encoded)}
    encoded |= {part.replace("/", "\\/"), html.escape(part), *_base64(part)}
    return encoded - {part}


def _base64(text: str) -> list[str]:
    raw = text.encode("utf-8")
    both = [base64.b64encode(raw).decode("ascii"), base64.urlsafe_b64encode(raw).decode("ascii")]
    return [*both, *(encoded.rstrip("=") for encoded in both)]


def _distinctive(piece: str) -> bool:
    """Long enough and not a word: a token, a key, an id (a path of several pieces counts)."""
    return len(piece) >= 20 or (len(piece) >= 12 and any(character.isdigit() for character in piece))


def scrub(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret, and every distinctive part of one, shown as ***, in any case:
    a server that lower-cases a token (or its percent-encoding's hex) still echoes it."""
    parts = sorted({part for secret in secrets for part in secret_parts(secret)}, key=len, reverse=True)
    if not parts:
        return text
    return re.sub("|".join(map(re.escape, parts)), "***", text, flags=re.IGNORECASE)  # longest first wins
