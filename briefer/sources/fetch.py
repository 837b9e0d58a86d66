"""Fetching articles and feeds over HTTP, with caps and an SSRF guard.

By default no fetch reaches loopback, private, link-local (cloud metadata), multicast or
reserved addresses: every host is resolved and checked before connecting, again on every
redirect, and only http(s) URLs are fetched. The connection then goes to exactly the address
that was checked, the Host header and TLS (SNI and the certificate check) still naming the
host, so a second DNS answer cannot send it inside (DNS rebinding). `fetch_allow` (hosts or
CIDRs) opens exact exceptions, which is how tests reach their own loopback server. The bytes
read are capped, and so are the time and the redirects; feeds are parsed by feedparser from
bytes we fetched.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser
import httpx2

from briefer.core.errors import InputError, SourceUnavailable
from briefer.core.redact import redact
from briefer.core.timelimit import within

USER_AGENT = "briefer/0.1 (+news briefing summariser)"


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int = 5_000_000
    timeout: float = 20.0
    max_redirects: int = 5
    max_entries: int = 20  # per feed
    allow: tuple[str, ...] = ()  # hosts or CIDRs exempt from the address guard


@dataclass(frozen=True)
class Fetched:
    url: str  # where it finally came from, after redirects
    content_type: str
    text: str


@dataclass(frozen=True)
class FeedLink:
    """An entry of a fetched feed: the article it links to (not an entry of our own feeds)."""

    link: str
    title: str
    published: str | None


def _allowed(host: str, addresses: list[str], allow: tuple[str, ...]) -> bool:
    if host in allow:
        return True
    networks = []
    for item in allow:
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            continue
    return bool(addresses) and all(any(ipaddress.ip_address(a) in n for n in networks) for a in addresses)


def _target(url: str) -> httpx2.URL:
    """The URL as the HTTP client reads it: one parser for the check and the connection."""
    try:
        target = httpx2.URL(url)
    except httpx2.InvalidURL:
        raise InputError(f"{redact(url)}: not a valid URL") from None
    if target.scheme not in ("http", "https") or not target.host:
        raise InputError(f"{redact(url)}: only http(s) URLs are fetched")
    return target


def _resolve(target: httpx2.URL, url: str) -> list[str]:
    """The host's addresses in the resolver's order of preference."""
    try:
        infos = socket.getaddrinfo(
            target.raw_host.decode("ascii"), target.port or (443 if target.scheme == "https" else 80)
        )
    except socket.gaierror:
        raise SourceUnavailable(f"{redact(url)}: host {target.host} not found") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def check_url(url: str, policy: FetchPolicy) -> list[str]:
    """Refuse what must not be fetched: other schemes, and hosts resolving to internal addresses.

    Returns the addresses that passed, the only ones to connect to: looking the name up again
    could answer differently."""
    target = _target(url)
    addresses = _resolve(target, url)
    if not _allowed(target.host, addresses, policy.allow):
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if not ip.is_global or ip.is_multicast:
                raise InputError(
                    f"{redact(url)}: refused, {target.host} is an internal address ({ip}); "
                    f"add it to fetch_allow if this is meant"
                )
    return addresses


@contextmanager
def _get_pinned(client: httpx2.Client, url: str, addresses: list[str]) -> Iterator[httpx2.Response]:
    """GET from the checked addresses only, in turn until one connects, the server still seeing
    the URL's host (Host header, TLS SNI) and its certificate still checked against that host."""
    target = _target(url)
    tls = {"sni_hostname": target.raw_host.decode("ascii")} if target.scheme == "https" else {}
    for address in addresses:
        request = client.build_request(
            "GET", target.copy_with(host=address), headers={"Host": target.netloc.decode("ascii")}, extensions=tls
        )
        try:
            response = client.send(request, stream=True)
            break
        except (httpx2.ConnectError, httpx2.ConnectTimeout):  # as socket.create_connection, try the next
            if address == addresses[-1]:
                raise
    try:
        yield response
    finally:
        response.close()


def fetch(url: str, policy: FetchPolicy) -> Fetched:
    """GET with the guard on every hop, a byte cap while reading, and a wall-clock limit on the
    whole fetch. The HTTP client's timeouts are per read, so a server that trickles its headers
    a byte at a time never trips them: the fetch runs in a thread of its own, and the caller
    stops waiting at the limit (the thread, a daemon, ends when the server gives up)."""
    deadline = time.monotonic() + policy.timeout
    return within(
        policy.timeout,
        lambda: _follow(url, policy, deadline),
        lambda: SourceUnavailable(
            f"{redact(url)}: took longer than the fetch time limit ({policy.timeout:g} s, fetch_timeout)"
        ),
    )


def _follow(url: str, policy: FetchPolicy, deadline: float) -> Fetched:
    # No connection is kept for a later hop: one verified for a host must not carry another's request.
    with httpx2.Client(
        timeout=policy.timeout,
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
        limits=httpx2.Limits(max_keepalive_connections=0),
    ) as client:
        for _hop in range(policy.max_redirects + 1):
            addresses = check_url(url, policy)
            try:
                with _get_pinned(client, url, addresses) as response:
                    if response.is_redirect and response.headers.get("location"):
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code != 200:
                        transient = response.status_code == 429 or response.status_code >= 500
                        error = SourceUnavailable if transient else InputError
                        raise error(f"{redact(url)}: HTTP {response.status_code}")
                    body = _read_capped(response, policy.max_bytes, deadline, url)
                    charset = response.charset_encoding or "utf-8"
                    return Fetched(
                        url=url,
                        content_type=response.headers.get("content-type", ""),
                        text=body.decode(charset, errors="replace"),
                    )
            except httpx2.HTTPError as exc:
                raise SourceUnavailable(f"{redact(url)}: fetch failed ({type(exc).__name__})") from None
    raise InputError(f"{redact(url)}: more than {policy.max_redirects} redirects")


def _read_capped(response: httpx2.Response, max_bytes: int, deadline: float, url: str) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{redact(url)}: larger than {max_bytes} bytes (fetch_max_bytes)")
        if time.monotonic() > deadline:
            raise SourceUnavailable(f"{redact(url)}: took longer than the fetch time limit")
        chunks.append(chunk)
    return b"".join(chunks)


def feed_entries(fetched: Fetched, policy: FetchPolicy) -> list[FeedLink]:
    """The newest entries of a fetched RSS or Atom feed (at most policy.max_entries)."""
    url = fetched.url
    parsed = feedparser.parse(fetched.text.encode("utf-8"), resolve_relative_uris=False, sanitize_html=True)
    if parsed.bozo and not parsed.entries:
        raise InputError(f"{redact(url)}: not a readable RSS or Atom feed ({type(parsed.bozo_exception).__name__})")
    entries = []
    for entry in parsed.entries[: policy.max_entries]:
        link = entry.get("link")
        if link:
            entries.append(
                FeedLink(
                    link=urljoin(fetched.url, link),
                    title=entry.get("title", ""),
                    published=entry.get("published") or entry.get("updated"),
                )
            )
    return entries


def looks_like_feed(fetched: Fetched) -> bool:
    head = fetched.text[:500].lstrip().lower()
    return (
        any(t in fetched.content_type for t in ("rss", "atom"))
        or head.startswith("<?xml")
        and ("<rss" in head or "<feed" in head or "<rdf" in head)
    )
