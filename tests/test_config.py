"""Settings: defaults < briefer.toml < BRIEFER_* env < flags; a bad file names line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.config import load_settings
from briefer.errors import ConfigError, UsageError
from conftest import ROOT


def test_precedence_defaults_file_env_flags(tmp_path: Path) -> None:
    config = tmp_path / "briefer.toml"
    config.write_text('[settings]\nwords_per_item = 40\nmax_reasks = 1\nconcurrency = 3\n')
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
    config.write_text('[settings\nwords = 1\n')
    with pytest.raises(ConfigError, match=r"line 1"):
        load_settings({}, config, {})


def test_the_example_config_loads_with_its_desks() -> None:
    example = ROOT / "briefer.example.toml"
    europe = load_settings({}, example, {}, desk="europe")
    assert europe.title == "Europe desk" and europe.words_per_item == 70 and europe.max_items == 12
    assert europe.glossary["de"]["Kiew"] == "Kyjiw" and len(europe.sources) == 3
    with pytest.raises(ConfigError, match="no \\[desks.asia\\]"):
        load_settings({}, example, {}, desk="asia")


def test_the_api_key_never_appears_in_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:  # a bad flag: a usage error naming the flag
        load_settings({"words_per_item": 1}, None, {"OPENAI_API_KEY": "sk-canary-777"})
    assert "sk-canary-777" not in str(raised.value) and "--words" in str(raised.value)
    with pytest.raises(ConfigError) as raised:  # the same value from the environment: a setting to fix
        load_settings(None, None, {"OPENAI_API_KEY": "sk-canary-777", "BRIEFER_WORDS_PER_ITEM": "1"})
    assert "sk-canary-777" not in str(raised.value) and "words_per_item" in str(raised.value)
