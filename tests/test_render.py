from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefer.models import Article, BriefedItem, CheckResult, Item, PromptRef, RunReport, Usage, Verdict
from briefer.models import ArticleOutcome
from briefer.files import write_atomic
from briefer.render import write_outputs

PROMPT = PromptRef(id="brief", version=1, sha256="0" * 64)


def _report(headline: str, bullets: tuple[str, ...], url: str | None = None, title: str = "Title") -> RunReport:
    article = Article(id="a" * 64, title=title, source="x.txt", url=url, lang="en", text="text")
    item = Item(article_id=article.id, lang="en", headline=headline, bullets=bullets)
    briefed = BriefedItem(verdict=Verdict(item=item, results=(CheckResult(check="numbers", passed=True),)),
                          prompt=PROMPT, model="m", usage=Usage(), attempts=1)
    return RunReport(date=date(2026, 11, 27), languages=("en",), model="m",
                     outcomes=(ArticleOutcome(article=article, items=(briefed,)),))


def test_model_markup_never_reaches_the_html(tmp_path: Path) -> None:
    report = _report("<script>alert(1)</script> headline",
                     ("<img src=x onerror=alert(1)>", "[click](javascript:alert(1))",
                      "![tracker](https://evil.example/pixel.png)"), url="javascript:alert(2)")
    write_outputs(report, tmp_path)
    page = (tmp_path / "2026-11-27" / "briefing.en.html").read_text()
    assert "<script" not in page and "<img" not in page
    assert 'href="javascript' not in page and "evil.example/pixel.png\"" not in page
    assert "&lt;script&gt;" in page  # shown as text, not run
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page


def test_source_links_are_kept_when_safe(tmp_path: Path) -> None:
    write_outputs(_report("Headline", ("One.",), url="https://example.org/story"), tmp_path)
    page = (tmp_path / "2026-11-27" / "briefing.en.html").read_text()
    assert 'href="https://example.org/story"' in page


def test_a_hostile_title_is_text_in_every_output_never_a_path_or_markup(tmp_path: Path) -> None:
    hostile = "../../etc/cron.d/x <script>alert(1)</script> [link](javascript:alert(1))"
    written = write_outputs(_report("Headline", ("One.",), title=hostile), tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(["briefing.json", *(f"briefing.en.{ext}" for ext in ("md", "html"))])
    page = next(p for p in written if p.suffix == ".html").read_text(encoding="utf-8")
    assert "<script>" not in page and 'href="javascript:' not in page and "&lt;script&gt;" in page


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "briefing.en.md"
    target.write_text("yesterday's briefing")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):  # the failure reaches the caller, not swallowed
        write_atomic(target, "new text")
    assert target.read_text() == "yesterday's briefing"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.en.md"]


def test_written_files_follow_the_umask_so_a_web_server_can_read_them(tmp_path: Path) -> None:
    import os
    import stat
    import subprocess
    import sys

    for umask, mode in ((0o022, 0o644), (0o077, 0o600)):
        target = tmp_path / f"page-{umask:o}.html"
        code = (f"import os; os.umask({umask}); from briefer.files import write_atomic; "
                f"write_atomic(__import__('pathlib').Path({str(target)!r}), 'x')")
        subprocess.run([sys.executable, "-c", code], check=True)
        assert stat.S_IMODE(os.stat(target).st_mode) == mode, (oct(umask), oct(os.stat(target).st_mode))
