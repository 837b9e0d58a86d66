"""URLs and feeds in: a loopback site plays the web; the SSRF guard keeps everything else out."""

from __future__ import annotations

import time

import pytest

from briefer.errors import InputError
from briefer.fetch import FetchPolicy, check_url, fetch
from briefer.ingest import read_sources
from site_server import Site

HTML = "text/html; charset=utf-8"
LOCAL = FetchPolicy(allow=("127.0.0.1",))


def page(title: str, text: str) -> tuple[int, dict[str, str], bytes]:
    body = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{text} Paragraph {i} adds that 42 trams run daily.</p>" for i in range(4))
            + "</article></body></html>")
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
    articles, rejected = read_sources([f"{site.base}/feed.xml"], LOCAL)
    assert sorted(a.title for a in articles) == ["Bridge closes", "Tram line opens"]
    assert len(rejected) == 1 and "missing.html" in rejected[0] and "404" in rejected[0]
    assert any(a.published and "2026" in a.published for a in articles)


def test_a_broken_feed_is_skipped_with_a_message_and_the_rest_goes_on(site: Site) -> None:
    articles, rejected = read_sources([f"{site.base}/broken.xml", f"{site.base}/story.html"], LOCAL)
    assert [a.title for a in articles] == ["Council approves tram line"]
    assert len(rejected) == 1 and "broken.xml" in rejected[0]


def test_an_entity_bomb_fails_fast(site: Site) -> None:
    started = time.monotonic()
    articles, rejected = read_sources([f"{site.base}/bomb.xml"], LOCAL)
    assert time.monotonic() - started < 10
    assert not articles and "bomb.xml" in rejected[0]


def test_loopback_private_and_metadata_addresses_are_refused_by_default(site: Site) -> None:
    for url in (f"{site.base}/story.html", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/", "http://192.168.0.1/admin"):
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
