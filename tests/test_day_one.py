"""What a desk reaches for on day one: the version, a dry run that asks no model, and a
check run outside the checkout that says what is really missing."""

from __future__ import annotations

from pathlib import Path

from briefs import ARTICLE
from fake_openai import FakeOpenAI, Step
from test_cli_faults import run_cli

DAY = "2026-11-27"


def test_version(tmp_path: Path) -> None:
    result = run_cli(["--version"], tmp_path, {})
    assert result.returncode == 0 and result.stdout.startswith("briefer, version ")


def test_a_dry_run_prints_the_plan_and_the_estimate_and_asks_no_model(tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    with FakeOpenAI([Step(content="{}")]) as fake:
        result = run_cli(["run", str(tmp_path / "bridge.txt"), str(tmp_path / "missing.txt"), "--lang", "en,de",
                          "--out", str(tmp_path / "out"), "--date", DAY, "--model", "fake-model", "--dry-run"],
                         tmp_path, {"OPENAI_BASE_URL": fake.base_url})
        assert fake.requests == []
    assert result.returncode == 0, result.stderr
    assert "would brief 1 articles into en, de with fake-model" in result.stdout
    assert "bridge.txt [en]" in result.stdout and "estimate:" in result.stdout
    assert "missing.txt: no such file or folder" in result.stderr
    assert not (tmp_path / "out").exists()


def test_briefer_check_outside_a_checkout_says_what_is_missing_not_to_spend_money(tmp_path: Path) -> None:
    result = run_cli(["check"], tmp_path, {})
    assert result.returncode == 78
    assert "no calibration set in fixtures/calibration" in result.stderr and "--live" not in result.stderr
