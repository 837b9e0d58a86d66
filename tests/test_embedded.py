"""The real embedded model, end to end, on the seed article in all five languages.

Slow (a few minutes on 2 cores); it checks what a desk editor would: the files are
there, each item written as passed is in its language with grounded numbers, failed
items are shown as failed, and the JSON says which prompt version and model made them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from briefer.checks import checks
from briefer.checks.numbers import check_numbers
from briefer.checks.source import read_source
from briefer.core.models import Item
from briefer.lang.langid import LanguageIdentifier

pytestmark = pytest.mark.embedded
LANGS = ("en", "de", "fr", "pl", "uk")


def _server_processes() -> list[str]:
    listing = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    return [line for line in listing.splitlines() if "briefer.model.local_model" in line and "ps -eo" not in line]


def test_seed_article_in_five_languages_on_the_embedded_model(
    tmp_path: Path, seed_article_path: Path, embedded_model_file: Path, identifier: LanguageIdentifier
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "BRIEFER_"))}
    # The model assembled by `make setup`, and a reply cache of this test's own, so the model really runs.
    env["BRIEFER_LOCAL_MODEL_FILE"] = str(embedded_model_file)
    env["BRIEFER_CACHE_DIR"] = str(tmp_path / "cache")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefer",
            "run",
            str(seed_article_path),
            "--lang",
            ",".join(LANGS),
            "--out",
            str(tmp_path),
            "--date",
            "2026-11-27",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    # 1: nothing published (every item refused: this model's writing varies from run to run)
    assert result.returncode in (0, 1, 3), result.stderr
    day = tmp_path / "2026-11-27"
    report = json.loads((day / "briefing.json").read_text())
    items = {item["lang"]: item for item in report["articles"][0]["items"]}
    assert set(items) == set(LANGS)
    source = read_source(seed_article_path.read_text(), "en")
    for lang, item in items.items():
        assert (day / f"briefing.{lang}.md").is_file() and (day / f"briefing.{lang}.html").is_file()
        assert item["prompt"] == "brief@2" and item["model"] == report["model"] != ""
        assert item["usage"]["prompt_tokens"] > 0
        markdown = (day / f"briefing.{lang}.md").read_text()
        if item["status"] in ("passed", "flagged"):  # published (a flag is shown, not hidden)
            # Judged again here, independently of the run's own verdict.
            written = Item(article_id="x", lang=lang, headline=item["headline"], bullets=tuple(item["bullets"]))
            assert checks.check_language(written, lang, identifier, source).passed, (
                lang,
                item["headline"],
            )  # as the run judged it
            assert check_numbers(written, source).passed, (lang, item["bullets"])
            assert item["bullets"][0][:30] in markdown.replace("\\", "")
        else:
            assert "⚠" in markdown
            # a refused item is shown for the editor to judge, quoted under its failure, never as a brief
            assert item["headline"] == "" or f"## {item['headline']}" not in markdown.replace("\\", "")
    # The model's English is good: the English item is written, in English (whether it is
    # published is the checks' verdict on what it wrote: a quotation copied without its marks
    # is refused, as a reader would refuse it).
    english = Item(article_id="x", lang="en", headline=items["en"]["headline"], bullets=tuple(items["en"]["bullets"]))
    assert english.headline and checks.check_language(english, "en", identifier, source).passed, items["en"]["checks"]
    # The shared prefix is read once: later languages hit the server's prompt cache.
    assert sum(items[lang]["usage"]["cached_tokens"] for lang in LANGS[1:]) > 0
    published = [i for i in items.values() if i["status"] != "failed"]
    assert result.returncode == (0 if len(published) == len(items) else 3 if published else 1)
    assert not _server_processes(), "the embedded model server outlived the run"
