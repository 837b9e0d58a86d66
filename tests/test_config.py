"""Settings: defaults < briefer.toml < BRIEFER_* env < flags; a bad file names line and key."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from briefer.core.errors import ConfigError, UsageError
from briefer.settings.config import load_settings


def test_precedence_defaults_file_env_flags(tmp_path: Path) -> None:
    config = tmp_path / "briefer.toml"
    config.write_text("[settings]\nwords_per_item = 40\nmax_reasks = 1\nconcurrency = 3\n")
    env = {"BRIEFER_WORDS_PER_ITEM": "50", "BRIEFER_MAX_REASKS": "0"}
    settings = load_settings({"words_per_item": 70}, config, env)
    assert settings.words_per_item == 70  # flag over env over file
    assert settings.max_reasks == 0  # env over file
    assert settings.concurrency == 3  # file over default
    assert settings.max_bullets == 3  # default


def test_a_bad_key_names_the_file_line_and_key(tmp_path: Path) -> None:
    config = tmp_path / "briefer.toml"
    config.write_text('[settings]\nwords_per_item = 40\nlanguges = ["en"]\n')
    with pytest.raises(ConfigError, match=r"languges.*line 3"):
        load_settings({}, config, {})


def test_a_bad_value_and_a_broken_file_are_reported_with_where(tmp_path: Path) -> None:
    config = tmp_path / "briefer.toml"
    config.write_text('[settings]\nlanguages = ["en", "xx"]\n')
    with pytest.raises(ConfigError, match=r"'languages'.*line 2.*unsupported language xx"):
        load_settings({}, config, {})
    config.write_text("[settings\nwords = 1\n")
    with pytest.raises(ConfigError, match=r"line 1"):
        load_settings({}, config, {})


def test_the_example_config_loads_with_its_desks() -> None:
    example = ROOT / "briefer.example.toml"
    europe = load_settings({}, example, {}, desk="europe")
    assert europe.title == "Europe desk" and europe.words_per_item == 70 and europe.max_items == 12
    assert europe.glossary["de"]["Kiew"] == "Kyjiw" and len(europe.sources) == 3
    assert (
        europe.deliver.email.to == ("europe-desk@example.org",)
        and [h.kind for h in europe.deliver.webhooks] == ["slack", "teams"]
        and europe.priority == ("Ukrain", "energy")
    )
    with pytest.raises(ConfigError, match="no \\[desks.asia\\]"):
        load_settings({}, example, {}, desk="asia")


def test_the_api_key_never_appears_in_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:  # a bad flag: a usage error naming the flag
        load_settings({"words_per_item": 1}, None, {"OPENAI_API_KEY": "sk-canary-777"})
    assert "sk-canary-777" not in str(raised.value) and "--words" in str(raised.value)
    with pytest.raises(ConfigError) as raised:  # the same value from the environment: a setting to fix
        load_settings(None, None, {"OPENAI_API_KEY": "sk-canary-777", "BRIEFER_WORDS_PER_ITEM": "1"})
    assert "sk-canary-777" not in str(raised.value) and "words_per_item" in str(raised.value)


DESK_THAT_DELIVERS = """
[desks.morning]
title = "Morning"
[desks.morning.deliver]
retries = 1
[desks.morning.deliver.email]
host = "smtp.example.org"
from = "briefer@example.org"
per = "recipients"
user_env = "BRIEFER_SMTP_USER"
password_env = "BRIEFER_SMTP_PASSWORD"
[[desks.morning.deliver.email.lists]]
to = ["redaktion@example.org"]
languages = ["de"]
[[desks.morning.deliver.webhooks]]
kind = "teams"
url_env = "BRIEFER_TEAMS_WEBHOOK"
"""


def test_a_desk_that_mails_and_posts(tmp_path: Path) -> None:
    config = tmp_path / "briefer.toml"
    config.write_text(DESK_THAT_DELIVERS)
    deliver = load_settings({}, config, {}, desk="morning").deliver
    assert deliver.retries == 1 and deliver.email.port == 587 and deliver.email.security == "starttls"
    assert deliver.email.from_ == "briefer@example.org" and deliver.email.lists[0].languages == ("de",)
    assert deliver.webhooks[0].kind == "teams" and load_settings({}, config, {}).deliver is None


WEBHOOK_FOR_FR = """
[[desks.morning.deliver.webhooks]]
kind = "slack"
url_env = "BRIEFER_SLACK_WEBHOOK"
languages = ["de", "fr"]
"""


@pytest.mark.parametrize(
    ("text", "table", "wrong"),
    [
        (DESK_THAT_DELIVERS + WEBHOOK_FOR_FR, "webhooks.1", 'languages = ["de", "fr"]'),
        (DESK_THAT_DELIVERS.replace('languages = ["de"]', 'languages = ["pl"]'), "email.lists.0", 'languages = ["pl"]'),
    ],
)
def test_a_channel_for_a_language_the_desk_does_not_brief_is_refused_by_file_and_line(
    tmp_path: Path, text: str, table: str, wrong: str
) -> None:
    config = tmp_path / "briefer.toml"
    config.write_text(text.replace('title = "Morning"', 'title = "Morning"\nlanguages = ["en", "de"]'))
    line = config.read_text().splitlines().index(wrong) + 1
    with pytest.raises(ConfigError) as refused:
        load_settings({}, config, {}, desk="morning")
    assert str(refused.value).startswith(f"setting 'deliver.{table}.languages' from config file {config} line {line}: ")
    assert "of the desk (en, de)" in str(refused.value) and refused.value.exit_code == 78


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ('url_env = "BRIEFER_TEAMS_WEBHOOK"', 'url_env = "https://hooks.example/T0/canary-99"'),
        ('per = "recipients"', 'per = "language"'),
        ('host = "smtp.example.org"', 'host = "smtp.example.org"\nsecurity = "none"'),
        ('kind = "teams"', 'kind = "discord"'),
    ],
)
def test_a_wrong_delivery_setting_names_its_place_and_no_secret(tmp_path: Path, change: str, expected: str) -> None:
    config = tmp_path / "briefer.toml"
    config.write_text(DESK_THAT_DELIVERS.replace(change, expected))
    with pytest.raises(ConfigError, match=r"'deliver\.(webhooks\.0\.(url_env|kind)|email)'") as raised:
        load_settings({}, config, {}, desk="morning")
    assert "canary" not in str(raised.value)


def test_the_embedded_model_re_asks_once_and_only_where_a_re_ask_was_measured_to_help() -> None:
    embedded = load_settings({}, None, {})
    assert embedded.max_reasks == 1 and "language" in embedded.reask_checks
    assert not {"vocabulary", "numbers", "structure"} & set(embedded.reask_checks)
    endpoint = load_settings({"base_url": "http://127.0.0.1:9/v1"}, None, {})
    assert endpoint.max_reasks == 2 and "numbers" in endpoint.reask_checks
    chosen = load_settings({}, None, {"BRIEFER_REASK_CHECKS": "numbers, language", "BRIEFER_MAX_REASKS": "2"})
    assert chosen.reask_checks == ("numbers", "language") and chosen.max_reasks == 2
    with pytest.raises(ConfigError, match="reask_checks.*langage"):
        load_settings({}, None, {"BRIEFER_REASK_CHECKS": "langage"})
