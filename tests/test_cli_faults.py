"""The CLI as a user runs it (a subprocess, `python -m briefer`), against faults: endpoint
down, bad key, unreadable sources, a missing path. Exit codes per docs/architecture.md, one clear
line on stderr, no traceback, never a secret, nothing half-written."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from briefs import asked, is_brief
from fake_openai import FakeOpenAI, Step

CANARY_KEY = "sk-canary-123456"
DAY = "2025-01-06"
ARTICLE = """Minister opens new bridge in Oslo

Minister Anna Berg opened the new bridge in Oslo on Monday. The bridge links the harbour
district with the city centre. It cost 120 million kroner and took three years to build.

Berg said the crossing would cut travel times for thousands of commuters and cyclists.
"""
GOOD_ITEM = (
    "Minister Anna Berg opens the new bridge",
    ["Anna Berg opened the bridge in Oslo on Monday.", "It cost 120 million kroner."],
)


def free_port() -> int:
    """A loopback port that nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_cli(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`python -m briefer ARGS` with the test's scrubbed environment (see conftest) plus `env`."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "briefer", *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout
    )


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("briefer: error:")]


def briefing_files(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.is_file() and p.name.startswith("briefing")) if out.exists() else []


def good_responder(body: dict[str, Any]) -> Step:
    """Answer the brief prompt with an item under the keys the request asks for."""
    if not is_brief(body):  # a digest request
        return Step(content=json.dumps({"facts": [GOOD_ITEM[1][0], GOOD_ITEM[1][1]]}))
    _, headline_key, bullets_key = asked(body)
    return Step(content=json.dumps({headline_key: GOOD_ITEM[0], bullets_key: GOOD_ITEM[1]}))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_endpoint_down_exits_75_with_one_clear_line_and_writes_nothing(tmp_path: Path, article: Path) -> None:
    base_url = f"http://127.0.0.1:{free_port()}/v1"
    out = tmp_path / "out"
    result = run_cli(
        ["run", str(article), "--lang", "en", "--out", str(out), "--date", DAY, "--model", "fake-model"],
        tmp_path,
        {"OPENAI_BASE_URL": base_url, "BRIEFER_HTTP_RETRIES": "0"},
    )
    assert result.returncode == 75, result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    assert base_url in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert briefing_files(out) == []


def test_a_refused_key_exits_78_after_one_request_and_never_prints_the_key(tmp_path: Path, article: Path) -> None:
    out = tmp_path / "out"
    with FakeOpenAI([Step(status=401)]) as fake:
        result = run_cli(
            ["run", str(article), "--lang", "en,de", "--out", str(out), "--date", DAY, "--model", "fake-model"],
            tmp_path,
            {"OPENAI_BASE_URL": fake.base_url, "OPENAI_API_KEY": CANARY_KEY},
        )
    assert result.returncode == 78, result.stderr
    assert len(fake.requests) == 1  # not retried, and the run stopped instead of trying every language
    lines = error_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    assert "OPENAI_API_KEY" in lines[0]
    assert CANARY_KEY not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert briefing_files(out) == []


def test_help_names_the_exit_codes(tmp_path: Path) -> None:
    result = run_cli(["--help"], tmp_path)
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "Exit codes" in text
    for code in ("0 all written", "3 partial", "1 nothing written", "2 usage", "75", "78"):
        assert code in text


def test_run_help_names_sources_and_lang(tmp_path: Path) -> None:
    result = run_cli(["run", "--help"], tmp_path)
    assert result.returncode == 0
    assert "SOURCES" in result.stdout
    assert "--lang" in result.stdout
    assert "OPENAI_BASE_URL" in " ".join(result.stdout.split())


def test_the_derived_tables_are_kept_in_the_settings_cache_dir(tmp_path: Path, article: Path) -> None:
    """A desk that sets cache_dir finds everything briefer caches there: the word lists and
    CLDR tables its checks are made from too, none in the user's cache (XDG_CACHE_HOME)."""
    cache_dir, user_cache = tmp_path / "desk-cache", tmp_path / "user-cache"
    out = tmp_path / "out"
    with FakeOpenAI(responder=good_responder) as fake:
        result = run_cli(
            ["run", str(article), "--lang", "en", "--out", str(out), "--date", DAY, "--model", "fake-model"],
            tmp_path,
            {"OPENAI_BASE_URL": fake.base_url, "BRIEFER_CACHE_DIR": str(cache_dir), "XDG_CACHE_HOME": str(user_cache)},
            timeout=180,
        )
    assert result.returncode == 0, result.stderr
    tables = cache_dir / "tables"
    assert list((tables / "vocabulary").glob("en-wordfreq*.txt")), sorted(cache_dir.rglob("*"))
    assert list(tables.glob("cldr-*.json")), sorted(cache_dir.rglob("*"))
    assert not user_cache.exists(), sorted(user_cache.rglob("*"))


def test_empty_and_binary_sources_are_named_and_the_good_article_is_still_written(
    tmp_path: Path, article: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    out = tmp_path / "out"
    with FakeOpenAI(responder=good_responder) as fake:
        result = run_cli(
            [
                "run",
                str(empty),
                str(article),
                str(binary),
                "--lang",
                "en",
                "--out",
                str(out),
                "--date",
                DAY,
                "--model",
                "fake-model",
            ],
            tmp_path,
            {"OPENAI_BASE_URL": fake.base_url},
        )
    assert result.returncode == 3, result.stderr  # partial: the good article, but not every source
    skipped = [line for line in result.stderr.splitlines() if line.startswith("briefer: skipped")]
    assert any(str(empty) in line and "empty" in line for line in skipped), result.stderr
    assert any(str(binary) in line and "binary" in line for line in skipped), result.stderr
    assert "Traceback" not in result.stderr
    assert len(fake.requests) == 1  # one article x one language, passed at the first attempt
    assert "1 of 1 items published" in result.stdout
    markdown = (out / DAY / "briefing.en.md").read_text(encoding="utf-8")
    assert "Minister Anna Berg opens the new bridge" in markdown
    assert "120 million kroner" in markdown
    report = json.loads((out / DAY / "briefing.json").read_text(encoding="utf-8"))
    assert report["written"] == 1
    assert len(report["rejected_sources"]) == 2


def test_a_missing_source_beside_good_ones_is_skipped_and_named_exit_3(tmp_path: Path, article: Path) -> None:
    missing = tmp_path / "no-such-article.txt"
    out = tmp_path / "out"
    with FakeOpenAI(responder=good_responder) as fake:
        result = run_cli(
            [
                "run",
                str(article),
                str(missing),
                "--lang",
                "en",
                "--out",
                str(out),
                "--date",
                DAY,
                "--model",
                "fake-model",
            ],
            tmp_path,
            {"OPENAI_BASE_URL": fake.base_url},
        )
    assert result.returncode == 3, result.stderr
    assert f"skipped {missing}: no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert (out / DAY / "briefing.en.md").is_file()


def test_only_missing_sources_is_a_usage_error_naming_them(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-article.txt"
    result = run_cli(["run", str(missing), "--lang", "en", "--out", str(tmp_path / "out"), "--date", DAY], tmp_path, {})
    assert result.returncode == 2, result.stderr
    assert str(missing) in result.stderr and "Traceback" not in result.stderr


def test_a_base_url_without_a_model_is_a_setting_to_fix_naming_model(tmp_path: Path, article: Path) -> None:
    with FakeOpenAI(responder=good_responder) as fake:
        result = run_cli(
            ["run", str(article), "--lang", "en", "--out", str(tmp_path / "out"), "--date", DAY],
            tmp_path,
            {"OPENAI_BASE_URL": fake.base_url},
        )
        assert fake.requests == []  # the embedded model's name never reaches another endpoint
    assert result.returncode == 78, result.stderr
    assert "--model" in error_lines(result.stderr)[0]


def test_a_200_that_is_not_json_gives_no_traceback(tmp_path: Path, article: Path) -> None:
    out = tmp_path / "out"
    with FakeOpenAI([Step(body=b"<html><body>502 Bad Gateway</body></html>")]) as fake:
        result = run_cli(
            ["run", str(article), "--lang", "en", "--out", str(out), "--date", DAY, "--model", "fake-model"],
            tmp_path,
            {"OPENAI_BASE_URL": fake.base_url},
        )
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr  # nothing published: every attempt was unusable
    assert str(article) in result.stderr  # the report names the article that failed
    page = (out / DAY / "index.html").read_text(encoding="utf-8")  # the desk page shows what failed
    assert "Not published" in page and "not JSON" in page


def test_each_unreadable_source_is_reported_once(tmp_path: Path, article: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    base_url = f"http://127.0.0.1:{free_port()}/v1"
    result = run_cli(
        [
            "run",
            str(article),
            str(empty),
            "--lang",
            "en",
            "--out",
            str(tmp_path / "out"),
            "--date",
            DAY,
            "--model",
            "fake-model",
        ],
        tmp_path,
        {"OPENAI_BASE_URL": base_url, "BRIEFER_HTTP_RETRIES": "0"},
    )
    assert result.returncode == 75, result.stderr
    assert sum(str(empty) in line for line in result.stderr.splitlines()) == 1, result.stderr
