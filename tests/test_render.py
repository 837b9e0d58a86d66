from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterator

import pytest

from briefer.core.files import Text, write_atomic
from briefer.core.models import Article, ArticleOutcome, BriefedItem, CheckResult, Item, PromptRef, Usage, Verdict
from briefer.core.report import RunReport
from briefer.outputs import edition
from briefer.outputs.publish import desk_files
from briefer.outputs.render import write_outputs
from briefer.settings.config import Settings

PROMPT = PromptRef(id="brief", version=1, sha256="0" * 64)


def day_files(report: RunReport, out: Path, title: str = "Desk", **settings: object) -> Iterator[tuple[str, Text]]:
    """What a run writes beside the briefings: the desk page, and the edition in every language."""
    desk = Settings(desk="europe", title=title, languages=report.languages, **settings)
    yield from desk_files(report, (), "europe", title)
    yield from edition.day_files(edition.build(report, desk), out, out)


def _report(headline: str, bullets: tuple[str, ...], url: str | None = None, title: str = "Title") -> RunReport:
    article = Article(id="a" * 64, title=title, source="x.txt", url=url, lang="en", text="text")
    item = Item(article_id=article.id, lang="en", headline=headline, bullets=bullets)
    briefed = BriefedItem(
        verdict=Verdict(item=item, results=(CheckResult(check="numbers", passed=True),)),
        prompt=PROMPT,
        model="m",
        usage=Usage(),
        attempts=1,
    )
    return RunReport(
        date=date(2026, 11, 27),
        languages=("en",),
        model="m",
        outcomes=(ArticleOutcome(article=article, items=(briefed,)),),
    )


def test_model_markup_never_reaches_the_html(tmp_path: Path) -> None:
    report = _report(
        "<script>alert(1)</script> headline",
        ("<img src=x onerror=alert(1)>", "[click](javascript:alert(1))", "![tracker](https://evil.example/pixel.png)"),
        url="javascript:alert(2)",
    )
    write_outputs(report, tmp_path)
    page = (tmp_path / "2026-11-27" / "briefing.en.html").read_text()
    assert "<script" not in page and "<img" not in page
    assert 'href="javascript' not in page and 'evil.example/pixel.png"' not in page
    assert "&lt;script&gt;" in page  # shown as text, not run
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page


def test_source_links_are_kept_when_safe(tmp_path: Path) -> None:
    write_outputs(_report("Headline", ("One.",), url="https://example.org/story"), tmp_path)
    page = (tmp_path / "2026-11-27" / "briefing.en.html").read_text()
    assert 'href="https://example.org/story"' in page


def test_a_hostile_title_is_text_in_every_output_never_a_path_or_markup(tmp_path: Path) -> None:
    hostile = "../../etc/cron.d/x <script>alert(1)</script> [link](javascript:alert(1))"
    written = write_outputs(_report("Headline", ("One.",), title=hostile), tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(
        ["briefing.json", *(f"briefing.en.{ext}" for ext in ("md", "html"))]
    )
    page = next(p for p in written if p.suffix == ".html").read_text(encoding="utf-8")
    assert "<script>" not in page and 'href="javascript:' not in page and "&lt;script&gt;" in page


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "out"  # the output folder alone (tmp_path holds the test's cache too)
    folder.mkdir()
    target = folder / "briefing.en.md"
    target.write_text("yesterday's briefing")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):  # the failure reaches the caller, not swallowed
        write_atomic(target, "new text")
    assert target.read_text() == "yesterday's briefing"
    assert [p.name for p in folder.iterdir()] == ["briefing.en.md"]


def test_written_files_follow_the_umask_so_a_web_server_can_read_them(tmp_path: Path) -> None:
    import os
    import stat
    import subprocess
    import sys

    for umask, mode in ((0o022, 0o644), (0o077, 0o600)):
        target = tmp_path / f"page-{umask:o}.html"
        code = (
            f"import os; os.umask({umask}); from briefer.core.files import write_atomic; "
            f"write_atomic(__import__('pathlib').Path({str(target)!r}), 'x')"
        )
        subprocess.run([sys.executable, "-c", code], check=True)
        assert stat.S_IMODE(os.stat(target).st_mode) == mode, (oct(umask), oct(os.stat(target).st_mode))


def _fates_report() -> RunReport:
    """One article per fate, in English: passed, flagged, refused, waiting, not briefed."""

    def article(n: int) -> Article:
        return Article(id=str(n) * 64, title=f"Story {n}", source=f"story{n}.txt", lang="en", text="text")

    def briefed(n: int, *results: CheckResult) -> ArticleOutcome:
        item = Item(article_id=article(n).id, lang="en", headline=f"Headline {n}", bullets=(f"Bullet {n}.",))
        return ArticleOutcome(
            article=article(n),
            items=(
                BriefedItem(
                    verdict=Verdict(item=item, results=results), prompt=PROMPT, model="m", usage=Usage(), attempts=2
                ),
            ),
        )

    return RunReport(
        date=date(2026, 11, 27),
        languages=("en",),
        model="m",
        outcomes=(
            briefed(1, CheckResult(check="numbers", passed=True)),
            briefed(2, CheckResult(check="names", passed=False, flag=True, message="names not in the source: Lars")),
            briefed(3, CheckResult(check="numbers", passed=False, message="999 is not in the source")),
            ArticleOutcome(article=article(4), waiting="the endpoint is down"),
            ArticleOutcome(article=article(5), errors=("story5.txt: skipped: over the budget",)),
        ),
    )


def test_an_items_fate_reads_the_same_in_every_output(tmp_path: Path) -> None:
    import json

    from briefer.outputs.render import run_report_json

    report = _fates_report()
    write_outputs(report, tmp_path, day_files(report, tmp_path))
    day = tmp_path / "2026-11-27"
    lines = [a["languages"]["en"] for a in json.loads("".join(run_report_json(report)))["articles"]]
    assert lines == [
        "passed",
        "flagged: names: names not in the source: Lars",
        "failed: numbers: 999 is not in the source",
        "waiting for the next run: the endpoint is down",
        "not briefed: story5.txt: skipped: over the budget",
    ]
    page = (day / "index.html").read_text(encoding="utf-8")
    for line in lines[2:]:
        assert f"<p>{line}</p>" in page, line  # under the item's ⚠ heading
    assert "⚑ Flagged, check before use: names: names not in the source: Lars" in page
    markdown = (day / "briefing.en.md").read_text(encoding="utf-8")
    assert "> ⚑ Flagged, check before use: names: names not in the source: Lars" in markdown
    assert "## ⚠ Not published: failed checks (numbers)" in markdown
    assert "- numbers: 999 is not in the source" in markdown
    assert "## ⚠ Not briefed (waiting for the next run: the endpoint is down)" in markdown
    assert "story3.txt [en] after 2 attempts: failed: numbers: 999 is not in the source" in report.problems()
    statuses = [i["status"] for a in json.loads((day / "briefing.json").read_text())["articles"] for i in a["items"]]
    assert statuses == ["passed", "flagged", "failed"]
    feed = (day / "feed.en.atom").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 2 and "[⚑ Details unconfirmed]" in feed and "names" not in feed


HOSTILE = (
    "<script>alert(1)</script> \"><svg onload=alert(1)> & ]]> 'x'",
    ("<img src=x onerror=alert(1)>", "[click](javascript:alert(1)) <link rel=stylesheet href=//evil.example>"),
)


def test_every_page_is_the_one_base_page_no_script_no_remote_asset_model_text_as_text(tmp_path: Path) -> None:
    import re

    report = _report(*HOSTILE, url="javascript:alert(2)", title=HOSTILE[0])
    written = write_outputs(report, tmp_path, day_files(report, tmp_path, HOSTILE[0]))
    pages = [path for path in written if path.suffix == ".html"]
    assert sorted(p.name for p in pages) == ["briefing.en.html", "edition.en.html", "index.html"]
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'), path.name
        policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
        assert len(policies) == 1 and "default-src 'none'" in policies[0], path.name
        tags = re.findall(r"<[a-zA-Z][^>]*>", page)
        assert not [t for t in tags if re.match(r"<(script|img|svg|link|iframe|object)\b", t, re.IGNORECASE)], path.name
        assert not [t for t in tags if re.search(r"\s(on\w+|src)\s*=", t, re.IGNORECASE)], path.name
        assert 'href="javascript' not in page and "&lt;script&gt;" in page, path.name


def test_the_atom_feed_carries_hostile_model_text_exactly_as_text(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    report = _report(*HOSTILE, url="javascript:alert(2)")
    write_outputs(report, tmp_path, day_files(report, tmp_path))
    atom = "{http://www.w3.org/2005/Atom}"
    entry = ET.parse(tmp_path / "2026-11-27" / "feed.en.atom").getroot().find(f"{atom}entry")
    assert entry.find(f"{atom}title").text == HOSTILE[0]
    assert entry.find(f"{atom}summary").text == " ".join(HOSTILE[1])
    assert entry.find(f"{atom}link").get("href") == f"edition.en.html#item-{'a' * 32}"  # javascript: is no link


def test_briefing_json_says_its_schema_and_its_head_is_read_back_without_the_day(tmp_path: Path) -> None:
    """The archive lists days from the head alone, however long the head; a day written before
    the head had a schema is still listed, as schema 1 of the default desk; a file of another
    shape is not guessed at."""
    from briefer.core import briefing_file

    report = _report("Bridge opens", ("It cost 120 million kroner.",)).model_copy(
        update={"desk": "europe", "rejected_sources": tuple(f"feed{i}.xml: gone" for i in range(500))}
    )
    write_outputs(report, tmp_path)
    written = tmp_path / "2026-11-27" / "briefing.json"
    head = briefing_file.read_head(written)
    assert head is not None and head["schema"] == briefing_file.SCHEMA == 2
    assert head["desk"] == "europe" and head["written"] == 1 and len(head["rejected_sources"]) == 500
    assert briefing_file.read_day(written)["articles"][0]["items"][0]["headline"] == "Bridge opens"
    older = tmp_path / "2025-01-06" / "briefing.json"
    older.parent.mkdir()
    older.write_text('{\n    "date": "2025-01-06",\n    "written": 3,\n    "expected": 3,\n    "articles": []\n}\n')
    assert briefing_file.read_head(older) is None  # not a shape this module wrote: not guessed at
    older.write_text('{\n  "date": "2025-01-06",\n  "written": 3,\n  "expected": 3,\n  "articles": [\n  ]\n}\n')
    assert briefing_file.read_head(older) == {
        "schema": 1,
        "desk": "briefer",
        "date": "2025-01-06",
        "written": 3,
        "expected": 3,
    }
    assert sorted(briefing_file.day_files(tmp_path)) == [older, written]


def _written(report: RunReport, out: Path) -> dict[str, bytes]:
    from briefer.outputs.render import run_report_json

    write_outputs(report, out, day_files(report, out))
    write_atomic(out / "2026-11-27" / "report.json", run_report_json(report))
    return {path.name: path.read_bytes() for path in sorted((out / "2026-11-27").iterdir())}


def test_a_run_kept_on_disk_writes_the_same_files_as_one_held_in_memory(tmp_path: Path) -> None:
    """A run's outcomes are spilled to disk so that memory stays flat at 100,000 articles:
    every file of the day (pages, briefing.json, report.json, the editions and feeds) comes
    out byte for byte as from outcomes held in memory."""
    from briefer.core.spill import Spill

    held = _fates_report().model_copy(update={"languages": ("en", "de")})
    spilled = held.model_copy(update={"outcomes": Spill(held.outcomes)})
    in_memory, on_disk = _written(held, tmp_path / "memory"), _written(spilled, tmp_path / "disk")
    assert len(in_memory) >= 10 and on_disk == in_memory


@pytest.mark.parametrize("outcomes", ["five", "none"])
def test_report_and_briefing_json_read_as_one_indented_document(tmp_path: Path, outcomes: str) -> None:
    """Written one article at a time, briefing.json and report.json are exactly what
    json.dumps(indent=2) writes of the whole document: a reader sees the documented format."""
    import json

    report = _fates_report()
    if outcomes == "none":
        report = report.model_copy(update={"outcomes": ()})
    files = _written(report, tmp_path)
    for name in ("briefing.json", "report.json"):
        text = files[name].decode("utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n", name


@pytest.mark.parametrize("outcomes", ["five", "none"])
def test_the_edition_file_is_the_edition_as_pydantic_writes_it(outcomes: str) -> None:
    """edition.<lang>.json is written one item at a time (a run's items are on disk), and reads
    exactly as the whole Edition dumped at once: what delivery reads back is unchanged."""
    report = _fates_report()
    if outcomes == "none":
        report = report.model_copy(update={"outcomes": ()})
    for built in edition.build(report, Settings(desk="europe", languages=report.languages)):
        whole = built.model_copy(update={"items": tuple(built.items)}).model_dump_json(indent=2) + "\n"
        assert "".join(edition.edition_json(built)) == whole
        assert edition.Edition.model_validate_json(whole).items == tuple(built.items)
