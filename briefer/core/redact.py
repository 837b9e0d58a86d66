"""Secrets out of everything briefer shows: a URL loses its user, password and query string
wherever a message, a file, a log line or an error names it. Applied where such text is made
(the model door's errors, fetching, delivery, the articles a URL became), so that no later
copy of the text can carry them."""

from __future__ import annotations

import re

# scheme://[userinfo@]rest, up to whitespace or a character that ends a URL in prose or markup
_URL = re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<userinfo>[^\s/?#@<>\"']*@)?(?P<rest>[^\s<>\"']*)")


def redact(text: str) -> str:
    """`text` with every URL in it shown without user, password and query string."""
    return _URL.sub(_shown, text)


def _shown(match: re.Match[str]) -> str:
    rest = match["rest"]
    before_query, _, _ = rest.partition("?")
    fragment = rest.partition("#")[2] if "#" in rest and "?" not in rest.partition("#")[0] else ""
    kept = before_query.partition("#")[0]
    return match["scheme"] + kept + (f"#{fragment}" if fragment else "")
