"""`briefer run --desk europe` against feeds on loopback: three feeds (one broken, two sharing
a story) in, the desk page, Atom feeds and manifest out; the page driven in a real browser."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from briefs import ITEMS, asked
from fake_openai import FakeOpenAI, Step
from site_server import Site

HTML = {"Content-Type": "text/html; charset=utf-8"}
BRIDGE_A = (
    "Minister Anna Berg opens new bridge in Oslo",
    "Norway's transport minister Anna Berg opened the new Bjørvika bridge in Oslo on Monday. "
    "The bridge cost 120 million kroner and took 3 years to build.",
)
BRIDGE_B = (
    "Oslo gets its Bjørvika bridge",
    "On Monday Anna Berg, Norway's transport minister, cut the ribbon on the Bjørvika bridge in Oslo, "
    "which took 3 years and 120 million kroner to build.",
)
TRAM = (
    "Lyon opens tram line T10",
    "The T10 tram line opened in Lyon on Tuesday. Mayor Grégory Doucet said 42 trams will run every day.",
)
TRAM_ITEMS = {
    "en": ("Lyon opens tram line T10", ["The T10 tram line opened in Lyon on Tuesday.", "42 trams will run daily."]),
    "de": (
        "Lyon eröffnet die Straßenbahnlinie T10",
        ["Die Linie T10 wurde am Dienstag in Lyon eröffnet.", "Täglich sollen 42 Bahnen fahren."],
    ),
}
WEATHER = ("Storm warning for the coast", "Forecasters warned of a storm with winds of 90 km/h along the coast.")


def _page(title: str, text: str) -> tuple[int, dict[str, str], bytes]:
    body = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        + "".join(f"<p>{text}</p>" for _ in range(3))
        + "</article></body></html>"
    )
    return 200, HTML, body.encode()


def _rss(*entries: tuple[str, str]) -> bytes:
    items = "".join(f"<item><title>{t}</title><link>{{base}}{p}</link></item>" for t, p in entries)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>wire</title>{items}</channel></rss>'.encode()


def _atom(*entries: tuple[str, str]) -> bytes:
    items = "".join(
        f'<entry><title>{t}</title><id>{p}</id><link href="{{base}}{p}"/><updated>2026-11-27T05:00:00Z</updated></entry>'
        for t, p in entries
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>wire 2</title>'
        f"<id>urn:x</id><updated>2026-11-27T05:00:00Z</updated>{items}</feed>"
    ).encode()


def _reply(body: dict) -> Step:
    lang, headline_key, bullets_key = asked(body)
    source = body["messages"][1]["content"]
    if "Bjørvika" in source:
        headline, bullets = ITEMS[lang]
    elif "T10" in source and lang in TRAM_ITEMS:
        headline, bullets = TRAM_ITEMS[lang]
    else:  # English whatever was asked: fails its language check outside English
        headline, bullets = WEATHER[0], ["Forecasters warned of winds of 90 km/h along the coast."]
    return Step(content=json.dumps({headline_key: headline, bullets_key: bullets}, ensure_ascii=False))


@pytest.fixture
def desk_run(tmp_path: Path):
    pages = {
        "/bridge-a.html": _page(*BRIDGE_A),
        "/bridge-b.html": _page(*BRIDGE_B),
        "/tram.html": _page(*TRAM),
        "/storm.html": _page(*WEATHER),
        "/wire1.xml": (
            200,
            {"Content-Type": "application/rss+xml"},
            _rss(("Bridge opens", "/bridge-a.html"), ("Tram T10", "/tram.html")),
        ),
        "/wire2.atom": (
            200,
            {"Content-Type": "application/atom+xml"},
            _atom(("Bjørvika bridge", "/bridge-b.html"), ("Storm", "/storm.html")),
        ),
        "/broken.xml": (200, {"Content-Type": "application/rss+xml"}, b"<rss><channel><item>unclosed"),
    }
    with Site(pages) as site, FakeOpenAI(responder=_reply) as fake:
        config = tmp_path / "briefer.toml"
        config.write_text(f"""
[settings]
base_url = "{fake.base_url}"
model = "fake-model"
fetch_allow = ["127.0.0.1"]
cache_dir = "{tmp_path / "cache"}"

[desks.europe]
title = "Europe desk"
languages = ["en", "de"]
sources = ["{site.base}/wire1.xml", "{site.base}/wire2.atom", "{site.base}/broken.xml"]
""")
        from briefer.cli import main

        with pytest.raises(SystemExit) as exited:
            main(
                [
                    "run",
                    "--desk",
                    "europe",
                    "--config",
                    str(config),
                    "--out",
                    str(tmp_path / "out"),
                    "--date",
                    "2026-11-27",
                ],
                standalone_mode=False,
            )
        yield exited.value.code, tmp_path / "out" / "europe" / "2026-11-27", site


def test_the_desk_run_merges_the_shared_story_and_survives_the_broken_feed(desk_run) -> None:
    code, day, site = desk_run
    assert code == 3  # the storm item fails in German, the broken feed is reported
    report = json.loads((day / "report.json").read_text())
    assert any("broken.xml" in line for line in report["problems"])
    assert len(report["articles"]) == 3 and len(report["merged"]) == 1
    page = (day / "index.html").read_text()
    assert "Europe desk" in page and "Degraded run" in page
    assert f"{site.base}/bridge-a.html" in page and f"{site.base}/bridge-b.html" in page
    assert "merged as duplicate" in page and "extraction failed" in page and "check failed in de" in page
    assert "<script" not in page and "http" not in page.split("<style>")[1].split("</style>")[0]


def test_atom_feeds_are_valid_with_stable_ids_and_only_passed_items(desk_run) -> None:
    code, day, site = desk_run
    atom = "{http://www.w3.org/2005/Atom}"
    feeds = {lang: ET.parse(day / f"feed.{lang}.atom").getroot() for lang in ("en", "de")}
    for lang, feed in feeds.items():
        assert feed.tag == f"{atom}feed" and feed.find(f"{atom}id").text == f"urn:briefer:europe:{lang}"
        assert feed.find(f"{atom}updated") is not None and feed.find(f"{atom}title").text
        for entry in feed.findall(f"{atom}entry"):
            assert entry.find(f"{atom}id").text.startswith("urn:briefer:item:")
            assert entry.find(f"{atom}title").text and entry.find(f"{atom}updated") is not None
    titles_de = [e.find(f"{atom}title").text for e in feeds["de"].findall(f"{atom}entry")]
    assert "Storm warning for the coast" not in titles_de and len(titles_de) == 2
    assert len(feeds["en"].findall(f"{atom}entry")) == 3


@pytest.mark.browser
def test_the_desk_page_in_a_real_browser(desk_run, tmp_path: Path, chromium: str) -> None:
    from playwright.sync_api import sync_playwright

    code, day, site = desk_run
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
        page.goto((day / "index.html").as_uri())
        assert page.locator("#en").is_visible() and not page.locator("#de").is_visible()
        page.get_by_role("link", name="Deutsch").click()
        assert page.locator("#de").is_visible() and not page.locator("#en").is_visible()
        assert page.locator("#de article.failed").count() == 1  # failed items are shown, as failed
        page.screenshot(path=str(tmp_path / "desk.png"), full_page=True)
        page.locator("#de a[href$='/tram.html']").first.click()
        page.wait_for_url(f"{site.base}/tram.html")
        assert "Lyon opens tram line T10" in page.content()
        browser.close()
    assert (tmp_path / "desk.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
