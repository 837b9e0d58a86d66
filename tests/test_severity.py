"""Severity per check: a check set to "flag" publishes the item with a visible mark in every
output; set to "refuse" (a desk's choice in briefer.toml), the same item is not published."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from briefs import ARTICLE, reply_for
from fake_openai import FakeOpenAI, Step

from briefer.cli import run_briefing
from briefer.core.errors import ConfigError
from briefer.settings.config import load_settings

DAY = "2026-11-27"
# An invented person: the names check fails; by default it only flags.
INVENTED = [
    "Transport minister Anna Berg opened the new bridge in Oslo on Monday with Lars Kristoffersen.",
    "It cost 120 million kroner and took 3 years to build.",
]


def _run(tmp_path: Path, **extra) -> int:
    (tmp_path / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body, bullets=INVENTED))) as fake:
        settings = load_settings(
            {
                "base_url": fake.base_url,
                "out_dir": tmp_path / "out",
                "date": DAY,
                "languages": "en",
                "model": "fake-model",
                "cache_dir": tmp_path / "cache",
                **extra,
            },
            environ={},
        )
        return run_briefing(settings, [str(tmp_path / "bridge.txt")])


def test_a_flagged_item_is_published_with_its_mark_everywhere(tmp_path: Path) -> None:
    assert _run(tmp_path) == 0
    day = tmp_path / "out" / DAY
    markdown = (day / "briefing.en.md").read_text(encoding="utf-8")
    assert "Lars Kristoffersen" in markdown and "⚑ Flagged" in markdown and "names not in the source" in markdown
    page = (day / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<article class="[^"]*\bflagged\b', page) and "Kristoffersen" in page
    assert "⚑" in (day / "briefing.en.html").read_text(encoding="utf-8")
    item = json.loads((day / "briefing.json").read_text())["articles"][0]["items"][0]
    assert item["status"] == "flagged"
    assert any(c["check"] == "names" and not c["passed"] and c["flag"] for c in item["checks"])
    report = json.loads((day / "report.json").read_text())
    assert report["flagged"] == 1 and report["articles"][0]["languages"]["en"].startswith("flagged: names")
    assert "⚑" in (day / "feed.en.atom").read_text(encoding="utf-8")


def test_a_desk_that_refuses_names_does_not_publish_the_item(tmp_path: Path) -> None:
    assert _run(tmp_path, severity={"names": "refuse"}) == 1
    report = json.loads((tmp_path / "out" / DAY / "report.json").read_text())
    assert report["articles"][0]["languages"]["en"].startswith("failed: names")


def test_severity_in_briefer_toml_names_what_is_wrong(tmp_path: Path) -> None:
    config = tmp_path / "briefer.toml"
    config.write_text('[desks.europe.severity]\nnames = "refuse"\n', encoding="utf-8")
    assert load_settings(config_file=config, desk="europe", environ={}).severity["names"] == "refuse"
    config.write_text('[settings.severity]\nnaems = "flag"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown checks naems; choose from structure"):
        load_settings(config_file=config, environ={})
    config.write_text('[settings.severity]\nnames = "warn"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match='severity of names must be "refuse" or "flag"'):
        load_settings(config_file=config, environ={})
