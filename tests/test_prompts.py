from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefer.briefing import prompts
from briefer.core.errors import ConfigError
from briefer.model.chunking import count_tokens
from briefer.settings.config import PROJECT_ROOT, SUPPORTED_LANGUAGES

PROMPTS = PROJECT_ROOT / "prompts"


def test_every_released_prompt_matches_its_pinned_hash() -> None:
    lock = prompts.read_lock(PROMPTS)
    found = {str(p.ref): p.sha256 for p in prompts.all_prompts(PROMPTS)}
    assert found, "no prompts found"
    assert found == lock, "a prompt file changed after release, or a new one is not locked"


def test_an_edited_released_prompt_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "prompts"
    shutil.copytree(PROMPTS, copy)
    path = copy / "brief" / "v1.md"
    path.write_text(path.read_text() + "\nOne more rule.\n")
    with pytest.raises(ConfigError, match="changed after release"):
        prompts.load_prompt(copy, "brief@1")


def test_brief_prompt_has_every_language_written_in_that_language() -> None:
    brief = prompts.load_prompt(PROMPTS, "brief")
    assert "Deutsch" in brief.locale("de")["instruction"]
    assert "polsku" in brief.locale("pl")["instruction"]
    assert "українськ" in brief.locale("uk")["instruction"]
    assert "français" in brief.locale("fr")["instruction"]
    assert "español" in brief.locale("es")["instruction"]
    assert "italiano" in brief.locale("it")["instruction"]


@pytest.mark.parametrize("version", ["brief@2", "brief@3"])
def test_the_article_is_a_byte_identical_prefix_across_languages(version: str) -> None:
    brief = prompts.load_prompt(PROMPTS, version)
    rendered = {}
    for lang in SUPPORTED_LANGUAGES:
        values = dict(
            title="T",
            text="Body of the article. It has two sentences.",
            source_kind="article",
            words=60,
            max_bullets=3,
            locale=brief.locale(lang),
        )
        if "sentences" in brief.inputs:
            values["sentences"] = ["Body of the article.", "It has two sentences."]
        rendered[lang] = brief.render("system", **values) + "\n" + brief.render("user", **values)
    article_end = rendered["en"].index("</source>") + len("</source>")
    prefix = rendered["en"][:article_end]
    assert all(text.startswith(prefix) for text in rendered.values())
    tails = {text[article_end:] for text in rendered.values()}
    assert len(tails) == len(SUPPORTED_LANGUAGES)
    # What each further language costs uncached: a sentence, not a paragraph (brief@1's were 31-95).
    assert max(count_tokens(tail) for tail in tails) <= 25


def test_a_missing_input_is_an_error_not_blank_text() -> None:
    brief = prompts.load_prompt(PROMPTS, "brief")
    with pytest.raises(ConfigError):
        brief.render("user", title="T")


def test_cli_lists_and_shows_prompts(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer.cli import main

    main(["prompts", "list"], standalone_mode=False)
    listed = capsys.readouterr().out
    assert "brief@1" in listed and "brief@2" in listed and "released" in listed
    main(["prompts", "show", "brief@1"], standalone_mode=False)
    shown = capsys.readouterr().out
    assert "### system" in shown and "sha256" in shown


def test_a_prompt_locale_for_a_language_briefer_does_not_know_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "prompts"
    shutil.copytree(PROMPTS, copy)
    source = (copy / "brief" / "v2.md").read_text(encoding="utf-8")
    new = source.replace("version: 2", "version: 3").replace("locales:\n", "locales:\n  nl:\n    name: Nederlands\n", 1)
    (copy / "brief" / "v3.md").write_text(new, encoding="utf-8")
    with pytest.raises(ConfigError, match="locales nl are not languages briefer knows"):
        prompts.load_prompt(copy, "brief@3")


def test_a_prompt_file_reaching_past_its_values_into_python_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "prompts"
    shutil.copytree(PROMPTS, copy)
    source = (copy / "brief" / "v2.md").read_text(encoding="utf-8")
    (copy / "brief" / "v9.md").write_text(
        source.replace("version: 2", "version: 9").replace(
            "Title: {{ title }}", "Title: {{ title.__class__.__mro__ }}"
        ),
        encoding="utf-8",
    )
    prompts.lock_prompts(copy)
    brief = prompts.load_prompt(copy, "brief@9")
    values = dict(title="T", text="Body.", source_kind="article", words=60, max_bullets=3, locale=brief.locale("en"))
    with pytest.raises(ConfigError, match=r"prompt brief@9: access to attribute '__class__' .* is unsafe"):
        brief.render("user", **values)
