"""What a desk reaches for on day one: the version, a dry run that asks no model, and a
check run outside the checkout that says what is really missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefs import ARTICLE
from fake_openai import FakeOpenAI, Step
from test_cli_faults import run_cli

pytestmark = pytest.mark.e2e

DAY = "2026-11-27"


def test_version(tmp_path: Path) -> None:
    result = run_cli(["--version"], tmp_path, {})
    assert result.returncode == 0 and result.stdout.startswith("briefer, version ")


def test_a_dry_run_prints_the_plan_and_the_estimate_and_asks_no_model(tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    with FakeOpenAI([Step(content="{}")]) as fake:
        result = run_cli(
            [
                "run",
                str(tmp_path / "bridge.txt"),
                str(tmp_path / "missing.txt"),
                "--lang",
                "en,de",
                "--out",
                str(tmp_path / "out"),
                "--date",
                DAY,
                "--model",
                "fake-model",
                "--dry-run",
            ],
            tmp_path,
            {"OPENAI_BASE_URL": fake.base_url},
        )
        assert fake.requests == []
    assert result.returncode == 0, result.stderr
    assert "would brief 1 articles into en, de with fake-model" in result.stdout
    assert "bridge.txt [en]" in result.stdout and "estimate:" in result.stdout
    assert "missing.txt: no such file or folder" in result.stderr
    assert not (tmp_path / "out").exists()


def test_briefer_check_outside_a_checkout_says_what_is_missing_not_to_spend_money(tmp_path: Path) -> None:
    result = run_cli(["check"], tmp_path, {})  # the fixture run comes first: its folder is named
    assert result.returncode == 78
    assert "no expectations in fixtures/expectations" in result.stderr and "--live" not in result.stderr
    result = run_cli(["check", "--calibration-only"], tmp_path, {})
    assert result.returncode == 78
    assert "no calibration set in fixtures/calibration" in result.stderr and "--live" not in result.stderr


def test_settings_errors_are_in_briefers_words_and_name_the_file_line_and_key(tmp_path: Path) -> None:
    import pytest

    from briefer.core.errors import ConfigError
    from briefer.settings.config import load_settings

    config = tmp_path / "briefer.toml"
    cases = [
        ('[settings]\nwords_per_item = "many"\n', "setting 'words_per_item'", "must be a whole number"),
        ("[settings]\nwords_per_item = 5\n", "line 2", "must be at least 10"),
        ("[settings]\nconcurency = 4\n", "setting 'concurency'", "is not a setting briefer knows"),
        (
            "[settings]\nwords_per_item = 5\n[desks.europe]\nwords_per_item = 60\n",
            "words_per_item",
            "must be at least 10",
        ),
    ]  # the desk's override does not hide a bad [settings] value
    for text, names, says in cases:
        config.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError) as raised:
            load_settings(config_file=config, environ={}, desk="europe" if "desks" in text else None)
        message = str(raised.value)
        assert names in message and says in message, message
        assert "Input should" not in message and "Value error" not in message and "pydantic" not in message


def test_a_desks_title_heads_its_briefings_and_the_page_shows_it_once(tmp_path: Path) -> None:
    from briefs import reply_for

    from briefer.cli import run_briefing
    from briefer.settings.config import load_settings

    config = tmp_path / "briefer.toml"
    config.write_text('[desks.europe]\ntitle = "Europa-Desk"\nlanguages = ["en", "de"]\n', encoding="utf-8")
    (tmp_path / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        settings = load_settings(
            {
                "base_url": fake.base_url,
                "model": "fake-model",
                "out_dir": tmp_path / "out",
                "date": DAY,
                "cache_dir": tmp_path / "cache",
            },
            config,
            {},
            desk="europe",
        )
        assert run_briefing(settings, [str(tmp_path / "bridge.txt")]) == 0
    day = tmp_path / "out" / "europe" / DAY  # a named desk has its own folder: desks share an out folder
    assert (day / "briefing.de.md").read_text(encoding="utf-8").startswith("# Europa-Desk — 2026-11-27")
    page = (day / "index.html").read_text(encoding="utf-8")
    assert page.count("Europa-Desk — 2026-11-27") == 2  # <title> and the one heading, not once per language


def test_report_json_has_the_estimate_and_the_actual_cost_as_numbers_with_a_currency(tmp_path: Path) -> None:
    import json

    from briefs import reply_for

    from briefer.cli import run_briefing
    from briefer.settings.config import load_settings

    (tmp_path / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    usage = {
        "prompt_tokens": 1000,
        "completion_tokens": 100,
        "total_tokens": 1100,
        "prompt_tokens_details": {"cached_tokens": 0},
    }
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body), usage=usage)) as fake:
        settings = load_settings(
            {
                "base_url": fake.base_url,
                "model": "fake-model",
                "out_dir": tmp_path / "out",
                "date": DAY,
                "cache_dir": tmp_path / "cache",
                "languages": "en,de",
                "prices": {"fake-model": {"input": 2.0, "output": 10.0}},
            },
            environ={},
        )
        assert run_briefing(settings, [str(tmp_path / "bridge.txt")]) == 0
    cost = json.loads((tmp_path / "out" / DAY / "report.json").read_text())["cost"]
    assert cost["currency"] == "USD" and cost["estimate"]["amount"] > 0
    assert cost["actual"] == {
        "input_tokens": 2000,
        "output_tokens": 200,
        "cached_tokens": 0,
        "amount": round((2000 * 2.0 + 200 * 10.0) / 1_000_000, 6),
    }


def test_budget_and_price_mistakes_are_named_with_what_to_write(tmp_path: Path) -> None:
    import pytest

    from briefer.core.errors import ConfigError, UsageError
    from briefer.model.budget import within_budget
    from briefer.settings.config import load_settings

    with pytest.raises(UsageError, match="would be 0.02 tokens; for money write '0.02 USD'"):
        load_settings({"budget": "0.02"}, environ={})
    config = tmp_path / "briefer.toml"
    config.write_text("[settings]\nprices = { m = { input = 1.0 } }\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="prices for 'm' lack output"):
        load_settings(config_file=config, environ={})
    euro = load_settings(
        {"budget": "0.02 EUR", "model": "m", "base_url": "http://x/v1", "prices": {"m": {"input": 1, "output": 2}}},
        environ={},
    )
    with pytest.raises(ConfigError, match="is in EUR but 'prices' are in USD"):
        within_budget([], euro)


def test_an_unknown_prompt_or_language_is_a_usage_error_listing_what_there_is(tmp_path: Path) -> None:
    shown = run_cli(["prompts", "show", "nope"], tmp_path, {})
    assert shown.returncode == 2 and "brief@2" in shown.stderr and "Traceback" not in shown.stderr
    lang = run_cli(["run", str(tmp_path), "--lang", "EN,xx", "--dry-run"], tmp_path, {})
    assert lang.returncode == 2 and "--lang: unsupported language xx; choose from en, de" in lang.stderr


def test_the_budget_is_a_ceiling_with_re_asks_counted(tmp_path: Path) -> None:
    import json

    from briefs import reply_for

    from briefer.cli import run_briefing
    from briefer.settings.config import load_settings

    sources = []
    for n in range(3):
        path = tmp_path / f"bridge{n}.txt"
        path.write_text(ARTICLE + f"\nThe {n + 5} lanes were painted by crew {n * 97 + 1000}.\n", encoding="utf-8")
        sources.append(str(path))
    usage = {
        "prompt_tokens": 900,
        "completion_tokens": 100,
        "total_tokens": 1000,
        "prompt_tokens_details": {"cached_tokens": 0},
    }
    wrong = lambda body: Step(content=reply_for(body, bullets=["It cost 999 million kroner."]), usage=usage)  # noqa: E731
    with FakeOpenAI(responder=wrong) as fake:  # every reply is re-asked: the estimate alone would not hold
        settings = load_settings(
            {
                "base_url": fake.base_url,
                "model": "fake-model",
                "out_dir": tmp_path / "out",
                "date": DAY,
                "cache_dir": tmp_path / "cache",
                "languages": "en,de",
                "budget": "6000",
                "concurrency": 1,
            },
            environ={},
        )
        code = run_briefing(settings, sources)
        requests = len(fake.requests)
    report = json.loads((tmp_path / "out" / DAY / "report.json").read_text())
    actual = report["cost"]["actual"]
    assert actual["input_tokens"] + actual["output_tokens"] <= 6000, actual
    assert requests <= 6 and code in (1, 3)
    assert any("budget 6000 is spent" in line for line in report["problems"]), report["problems"]


def test_every_bad_input_is_one_line_in_briefers_words(tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.toml").write_text("[settings\nwords = 1\n", encoding="utf-8")
    (tmp_path / "desks.toml").write_text(
        '[desks.europe]\nlanguages = ["en"]\n[settings]\nmax_items = 0\n', encoding="utf-8"
    )
    article = str(tmp_path / "bridge.txt")
    bad_inputs = [
        ["run", article, "--words", "3"],
        ["run", article, "--lang", "en,klingon"],
        ["run", article, "--budget", "lots"],
        ["run", article, "--budget", "0.5"],
        ["run", article, "--date", "yesterday"],
        ["run", str(tmp_path / "nope")],
        ["run", article, "--config", str(tmp_path / "bad.toml")],
        ["run", article, "--config", str(tmp_path / "x.toml")],
        ["run", "--desk", "asia", "--config", str(tmp_path / "desks.toml")],
        ["run", article, "--desk", "europe", "--config", str(tmp_path / "desks.toml")],
        ["run"],
        ["prompts", "show", "brief@9"],
        ["check", str(tmp_path)],
    ]
    for args in bad_inputs:
        result = run_cli([*args, "--dry-run"] if args[0] == "run" and len(args) > 1 else args, tmp_path, {})
        said = [line for line in result.stderr.splitlines() if line.strip()]
        assert result.returncode in (2, 78), (args, result.returncode, result.stderr)
        assert len([line for line in said if line.startswith("briefer: error:")]) == 1, (args, said)
        assert all(line.startswith("briefer: ") for line in said), (args, said)  # nothing but briefer's lines
        for leak in ("Traceback", "Input should", "Value error", "validation error", "pydantic"):
            assert leak not in result.stderr, (args, result.stderr)
