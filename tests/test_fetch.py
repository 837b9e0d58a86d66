"""URLs and feeds in: a loopback site plays the web; the SSRF guard keeps everything else out."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
import time
from pathlib import Path

import pytest
from site_server import Site

from briefer.core.errors import InputError
from briefer.sources.fetch import FetchPolicy, check_url, fetch
from briefer.sources.ingest import read_sources

HTML = "text/html; charset=utf-8"
LOCAL = FetchPolicy(allow=("127.0.0.1",))


def page(title: str, text: str) -> tuple[int, dict[str, str], bytes]:
    body = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        + "".join(f"<p>{text} Paragraph {i} adds that 42 trams run daily.</p>" for i in range(4))
        + "</article></body></html>"
    )
    return 200, {"Content-Type": HTML}, body.encode()


RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Desk wire</title>
<item><title>Tram line opens</title><link>{base}/a1.html</link><pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>Bridge closes</title><link>{base}/a2.html</link></item>
<item><title>Gone</title><link>{base}/missing.html</link></item>
</channel></rss>"""

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>http://x/</link></item></channel></rss>"""


@pytest.fixture
def site():
    pages = {
        "/story.html": page("Council approves tram line", "The city council approved a new tram line on Tuesday."),
        "/a1.html": page("Tram line opens", "The new tram line opened on Thursday in Lyon."),
        "/a2.html": page("Bridge closes", "The old bridge closed for repairs in Gdańsk."),
        "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, RSS),
        "/broken.xml": (200, {"Content-Type": "application/rss+xml"}, b"<rss><channel><item><title>oops"),
        "/bomb.xml": (200, {"Content-Type": "application/rss+xml"}, BOMB),
        "/big.html": (200, {"Content-Type": HTML}, b"<p>" + b"x" * 3_000_000 + b"</p>"),
        "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
        "/loop": (302, {"Location": "{base}/loop"}, b""),
    }
    with Site(pages) as running:
        yield running


def test_an_article_url_is_fetched_and_extracted(site: Site) -> None:
    articles, rejected = read_sources([f"{site.base}/story.html"], LOCAL)
    assert not rejected
    assert articles[0].title == "Council approves tram line"
    assert articles[0].url == f"{site.base}/story.html" and "tram line" in articles[0].text


def test_a_feed_is_followed_to_its_articles_and_a_dead_entry_does_not_stop_it(site: Site) -> None:
    articles, rejections = read_sources([f"{site.base}/feed.xml"], LOCAL)
    rejected = [str(rejection) for rejection in rejections]
    assert sorted(a.title for a in articles) == ["Bridge closes", "Tram line opens"]
    assert len(rejected) == 1 and "missing.html" in rejected[0] and "404" in rejected[0]
    assert any(a.published and "2026" in a.published for a in articles)


def test_a_broken_feed_is_skipped_with_a_message_and_the_rest_goes_on(site: Site) -> None:
    articles, rejections = read_sources([f"{site.base}/broken.xml", f"{site.base}/story.html"], LOCAL)
    rejected = [str(rejection) for rejection in rejections]
    assert [a.title for a in articles] == ["Council approves tram line"]
    assert len(rejected) == 1 and "broken.xml" in rejected[0]


def test_an_entity_bomb_fails_fast(site: Site) -> None:
    articles, rejections = read_sources([f"{site.base}/bomb.xml"], LOCAL)
    rejected = [str(rejection) for rejection in rejections]
    assert not articles and "bomb.xml" in rejected[0]


def test_loopback_private_and_metadata_addresses_are_refused_by_default(site: Site) -> None:
    for url in (
        f"{site.base}/story.html",
        "http://10.1.2.3/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://192.168.0.1/admin",
    ):
        with pytest.raises(InputError, match="internal address"):
            check_url(url, FetchPolicy())
    assert site.hits == []


def test_other_schemes_are_refused() -> None:
    for url in ("file:///etc/passwd", "ftp://example.org/x", "gopher://x/"):
        with pytest.raises(InputError, match="only http"):
            check_url(url, LOCAL)


def test_a_redirect_to_an_internal_address_is_refused_on_the_hop(site: Site) -> None:
    with pytest.raises(InputError, match="169.254.169.254"):
        fetch(f"{site.base}/to-metadata", LOCAL)


def test_caps_on_size_and_redirects(site: Site) -> None:
    with pytest.raises(InputError, match="larger than"):
        fetch(f"{site.base}/big.html", FetchPolicy(allow=("127.0.0.1",), max_bytes=1_000_000))
    with pytest.raises(InputError, match="redirects"):
        fetch(f"{site.base}/loop", LOCAL)


class Resolver:
    """DNS as a rebinding attacker runs it: each name answers its list in turn, the last answer
    repeating (an answer may hold several addresses, space-separated); other names as usual."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[str]]):
        self.answers = {name: list(addresses) for name, addresses in answers.items()}
        real = socket.getaddrinfo

        def getaddrinfo(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
            name = host.decode() if isinstance(host, bytes) else host
            if name not in self.answers:
                return real(host, port, *args, **kwargs)
            queue = self.answers[name]
            answer = queue.pop(0) if len(queue) > 1 else queue[0]
            return [
                (socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, int(port or 0)))
                for address in answer.split()
            ]

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def inner(site: Site):
    """What a rebinding answer points at: a server on 127.0.0.2 (outside fetch_allow), same port."""
    with Site({"/story.html": page("Internal admin", "Only for the office.")}, "127.0.0.2", site.port) as running:
        yield running


@pytest.mark.parametrize("start", ["direct", "redirected"])
def test_a_name_that_rebinds_after_the_check_is_fetched_from_the_checked_address(
    site: Site, inner: Site, monkeypatch: pytest.MonkeyPatch, start: str
) -> None:
    story = f"http://news.example:{site.port}/story.html"
    site.pages["/to-news"] = (302, {"Location": story}, b"")
    Resolver(monkeypatch, {"news.example": ["127.0.0.1", "127.0.0.2"]})
    fetched = fetch(story if start == "direct" else f"{site.base}/to-news", LOCAL)
    assert "Council approves tram line" in fetched.text
    assert inner.hits == []
    assert fetched.url == story and site.hosts[-1] == f"news.example:{site.port}"


def test_a_host_whose_first_address_refuses_is_fetched_from_its_next_checked_address(
    site: Site, inner: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    Resolver(monkeypatch, {"news.example": ["127.0.0.3 127.0.0.1", "127.0.0.2"]})  # nothing on 127.0.0.3
    fetched = fetch(f"http://news.example:{site.port}/story.html", FetchPolicy(allow=("127.0.0.1", "127.0.0.3")))
    assert "Council approves tram line" in fetched.text and inner.hits == []


def test_a_redirect_to_a_name_resolving_inside_is_refused(
    site: Site, inner: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.pages["/to-inside"] = (302, {"Location": f"http://intranet.example:{site.port}/story.html"}, b"")
    Resolver(monkeypatch, {"intranet.example": ["127.0.0.2"]})
    with pytest.raises(InputError, match="intranet.example is an internal address"):
        fetch(f"{site.base}/to-inside", LOCAL)
    assert inner.hits == []


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A test CA and a certificate it signed for news.example (made with the openssl command)."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    (folder / "site.ext").write_text(
        "subjectAltName=DNS:news.example\nbasicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
        "authorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n"
    )
    key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    for command in (
        [
            "req",
            "-x509",
            *key,
            "-days",
            "2",
            "-subj",
            "/CN=briefer test CA",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
        ["req", "-new", *key, "-subj", "/CN=news.example", "-keyout", "site.key", "-out", "site.csr"],
        [
            "x509",
            "-req",
            "-in",
            "site.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-set_serial",
            "2",
            "-days",
            "2",
            "-extfile",
            "site.ext",
            "-out",
            "site.pem",
        ],
    ):
        subprocess.run(["openssl", *command], cwd=folder, check=True, capture_output=True)
    return folder / "ca.pem", folder / "site.pem", folder / "site.key"


@pytest.fixture
def tls_site(certificates: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch):
    ca, certificate, key = certificates
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(certificate, key)
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))  # the fetch trusts the test CA, and only for this test
    with Site({"/story.html": page("Council approves tram line", "The council voted.")}, tls=server_side) as running:
        yield running


def test_https_to_the_checked_address_still_verifies_the_certificate_for_the_name(
    tls_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    Resolver(monkeypatch, {"news.example": ["127.0.0.1"], "other.example": ["127.0.0.1"]})
    fetched = fetch(f"https://news.example:{tls_site.port}/story.html", LOCAL)
    assert "Council approves tram line" in fetched.text
    assert tls_site.hosts == [f"news.example:{tls_site.port}"]
    with pytest.raises(InputError, match="other.example.*fetch failed"):
        fetch(f"https://other.example:{tls_site.port}/story.html", LOCAL)  # its certificate names news.example
    assert len(tls_site.hits) == 1


def test_a_redirect_to_another_name_on_the_same_address_gets_its_own_certificate_check(
    tls_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    Resolver(monkeypatch, {"news.example": ["127.0.0.1"], "other.example": ["127.0.0.1"]})
    tls_site.pages["/to-other"] = (302, {"Location": f"https://other.example:{tls_site.port}/story.html"}, b"")
    with pytest.raises(InputError, match="other.example.*fetch failed"):
        fetch(f"https://news.example:{tls_site.port}/to-other", LOCAL)  # not over news.example's connection
    assert tls_site.hits == ["/to-other"]


def test_fetch_timeout_bounds_a_server_that_trickles_its_headers() -> None:
    """A byte of header every 0.2 s resets any per-read timeout; the fetch's own limit still ends
    it, so a slow host cannot hold the run (and the desk's lock) for longer than fetch_timeout."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    stop = threading.Event()

    def trickle() -> None:
        connection, _ = listener.accept()
        connection.recv(4096)
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 300:  # at most a minute, then it gives up
            if stop.is_set():
                break
            try:
                connection.sendall(bytes([byte]))
            except OSError:
                break
            time.sleep(0.2)
        connection.close()

    server = threading.Thread(target=trickle, daemon=True)
    server.start()
    try:
        with pytest.raises(InputError, match=r"took longer than the fetch time limit \(1 s, fetch_timeout\)"):
            fetch(
                f"http://127.0.0.1:{listener.getsockname()[1]}/slow.html", FetchPolicy(allow=("127.0.0.1",), timeout=1)
            )
    finally:
        stop.set()
        listener.close()
