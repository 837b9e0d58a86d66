"""Exit codes cron can act on: 75 when the sources may be readable later (a DNS hiccup, a
feed host answering 503), 0 with a line when there is nothing new to brief, 2 only for the
command line itself."""

from __future__ import annotations

import socket
from datetime import date
from pathlib import Path

import pytest
from briefs import ARTICLE, reply_for
from fake_openai import FakeOpenAI, Step
from site_server import Site

from briefer.cli import run_briefing
from briefer.core.errors import EXIT_OK, EXIT_TEMPORARY, EXIT_USAGE, BrieferError, NothingToBrief
from briefer.settings.config import load_settings


def _settings(tmp_path: Path, **extra):
    return load_settings(
        {
            "out_dir": tmp_path / "out",
            "date": "2026-03-14",
            "languages": "en",
            "base_url": "http://127.0.0.1:9/v1",
            "model": "m",
            "cache_dir": tmp_path / "cache",
            "fetch_allow": ("127.0.0.1",),
            **extra,
        },
        environ={},
    )


def _exit_code(settings, sources: list[str]) -> int:
    try:
        return run_briefing(settings, sources)
    except BrieferError as exc:  # the CLI turns these into its exit code, with one line
        return exc.exit_code


def test_a_desk_whose_only_feed_host_does_not_resolve_may_try_again(tmp_path: Path, monkeypatch) -> None:
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    assert _exit_code(_settings(tmp_path), ["https://news.example.org/feed.xml"]) == EXIT_TEMPORARY


def test_a_feed_host_answering_503_may_try_again(tmp_path: Path) -> None:
    with Site({"/feed.xml": (503, {"Content-Type": "text/plain"}, b"down for maintenance")}) as site:
        assert _exit_code(_settings(tmp_path), [f"{site.base}/feed.xml"]) == EXIT_TEMPORARY


def test_a_missing_path_on_the_command_line_is_usage(tmp_path: Path) -> None:
    assert _exit_code(_settings(tmp_path), [str(tmp_path / "no-such-folder")]) == EXIT_USAGE


def test_an_http_404_is_not_worth_a_retry(tmp_path: Path) -> None:
    with Site({}) as site:
        code = _exit_code(_settings(tmp_path), [f"{site.base}/gone.html"])
    assert code not in (EXIT_TEMPORARY, EXIT_OK, EXIT_USAGE)


@pytest.mark.parametrize("text", ["", "\x00\x01binary"])
def test_sources_that_can_never_be_read_are_no_usage_error(tmp_path: Path, text: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text(text, encoding="utf-8")
    code = _exit_code(_settings(tmp_path), [str(tmp_path / "in")])
    assert code not in (EXIT_TEMPORARY, EXIT_OK, EXIT_USAGE)


def _first_morning(tmp_path: Path, base_url: str):
    """A desk that skips repeats briefs the bridge story on 13 March; its settings, for the next morning."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    settings = _settings(tmp_path, base_url=base_url, repeats="skip", date="2026-03-13", fetch_allow=())
    assert _exit_code(settings, [str(tmp_path / "in")]) == EXIT_OK
    return settings


def test_a_day_of_repeats_the_desk_skips_is_done_with_a_line_saying_so(tmp_path: Path, capsys) -> None:
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        first = _first_morning(tmp_path, fake.base_url)
        asked = len(fake.requests)
        with pytest.raises(NothingToBrief, match="nothing new to brief: 1 stories are repeats") as stopped:
            run_briefing(first.model_copy(update={"date": date(2026, 3, 14)}), [str(tmp_path / "in")])
    assert stopped.value.exit_code == EXIT_OK
    assert len(fake.requests) == asked  # no model call for a repeat


def test_a_dry_run_reads_the_memory_and_says_what_the_real_run_will_do(tmp_path: Path, capsys) -> None:
    """After a day that published the story, the dry run sees it as the repeat it is (and the
    desk skips repeats), instead of promising to brief it as new; it writes no memory."""
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        settings = _first_morning(tmp_path, fake.base_url)
        memory_file = (tmp_path / "out" / "memory.sqlite").read_bytes()
        capsys.readouterr()
        with pytest.raises(NothingToBrief):
            run_briefing(settings.model_copy(update={"date": date(2026, 3, 14)}), [str(tmp_path / "in")], dry_run=True)
    assert (tmp_path / "out" / "memory.sqlite").read_bytes() == memory_file
