"""`briefer check`: the bundled fixtures replayed offline as a prompt regression gate."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES

from briefer.checks import checks
from briefer.cli import main
from briefer.core.models import Item
from briefer.lang.langid import LanguageIdentifier
from briefer.measure import gate


def _check(args: list[str]) -> int:
    with pytest.raises(SystemExit) as exited:
        main(["check", *args], standalone_mode=False)
    return exited.value.code


def test_the_recorded_fixture_run_replays_offline_and_holds_its_pins(tmp_path: Path, capsys) -> None:
    code = _check([str(FIXTURES), "--report", str(tmp_path / "r.json"), "--junit", str(tmp_path / "r.xml")])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "score" in out.out and "hegseth-ukraine-peace-talks" in out.out
    report = json.loads((tmp_path / "r.json").read_text())
    expectations = gate.load_expectations(FIXTURES)
    assert {row["article"] for row in report["rows"]} == {e.name for e in expectations}
    assert {"language", "numbers", "names", "must_keep", "must_not"} <= set(report["scores"])
    suite = ET.parse(tmp_path / "r.xml").getroot()
    assert suite.tag == "testsuite" and int(suite.get("tests")) == len(report["pins"])
    assert suite.get("failures") == "0"  # JUnit fails only what fails the gate
    assert "gate passed" in out.out and "consistency" in out.out  # full column names, pins beside scores


def test_two_prompt_versions_side_by_side_from_their_own_recordings(capsys) -> None:
    """brief@3 is compared with the default before it becomes one: each version's recorded
    replies, per check and language, what gets published, and what each costs."""
    main(["check", str(FIXTURES), "--compare", "brief@3"], standalone_mode=False)
    out = capsys.readouterr().out
    assert "(brief@2 → brief@3)" in out and (FIXTURES / "recordings-brief-v3" / "manifest.json").is_file()
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert {"numbers", "evidence", "must_keep", "published"} <= set(rows)
    assert re.search(r"^brief@2: 25 items, [0-9.]+ calls per item", out, flags=re.MULTILINE)
    assert re.search(r"^brief@3: 25 items, [0-9.]+ calls per item", out, flags=re.MULTILINE)


def test_a_score_below_its_pin_fails_the_gate_and_a_pin_never_falls_silently(tmp_path: Path, capsys) -> None:
    fixtures = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, fixtures)
    pins = json.loads((fixtures / "scores.json").read_text())
    pins["language"] = 1.01  # nothing can reach it
    (fixtures / "scores.json").write_text(json.dumps(pins))
    # the fixture run alone (a prompt's change): the calibration set is neither measured nor its pins touched
    assert _check([str(fixtures), "--fixtures-only", "--junit", str(tmp_path / "r.xml")]) == 1
    captured = capsys.readouterr()
    assert "worse: language" in captured.err and "false alarms on references" not in captured.out
    suite = ET.parse(tmp_path / "r.xml").getroot()
    assert suite.get("failures") == "1"
    assert [case.get("name") for case in suite if case.find("failure") is not None] == ["language"]
    assert _check([str(fixtures), "--fixtures-only", "--update-pins"]) == 1  # raising only: the impossible pin stays
    assert json.loads((fixtures / "scores.json").read_text())["language"] == 1.01
    assert _check([str(fixtures), "--fixtures-only", "--update-pins", "--allow-lower"]) == 0
    after = json.loads((fixtures / "scores.json").read_text())
    assert {k: v for k, v in after.items() if k.startswith("calibration.")} == {
        k: v for k, v in pins.items() if k.startswith("calibration.")
    }


def test_a_changed_prompt_without_a_recording_says_what_to_run(tmp_path: Path, capsys) -> None:
    fixtures = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, fixtures)
    shutil.rmtree(fixtures / "recordings")
    fixtures.joinpath("recordings").mkdir()
    (fixtures / "recordings" / "manifest.json").write_text('{"model": "some-model"}')
    import sys

    from briefer.cli import entry

    sys_argv = sys.argv
    try:
        sys.argv = ["briefer", "check", str(fixtures)]
        with pytest.raises(SystemExit) as exited:
            entry()
    finally:
        sys.argv = sys_argv
    assert exited.value.code == 78
    assert "briefer check --live --record" in capsys.readouterr().err


# ---- deliberately wrong items, each caught by the right check, naming what is wrong ----

SEED = (FIXTURES / "articles" / "hegseth-ukraine-peace-talks.txt").read_text()
SEED_EXPECTATION = next(e for e in gate.load_expectations(FIXTURES) if e.name == "hegseth-ukraine-peace-talks")


def _verdict_lines(identifier: LanguageIdentifier, item: Item) -> list[str]:
    results = list(
        checks.run_checks(
            item,
            source=SEED,
            source_lang="en",
            lang=item.lang,
            words_per_item=60,
            max_bullets=3,
            glossary={},
            instructions=[],
            identifier=identifier,
        )
    )
    results += gate.expectation_results(SEED_EXPECTATION, item)
    rows = [gate.Row(SEED_EXPECTATION.name, item.lang, r.check, r.passed, r.message) for r in results]
    return gate.failures(rows)


def test_a_changed_number_is_caught_by_numbers(identifier: LanguageIdentifier) -> None:
    lines = _verdict_lines(
        identifier,
        Item(
            article_id="x",
            lang="en",
            headline="Hegseth: no betrayal of Kyiv",
            bullets=("Hegseth said Trump's talks with Putin involve 40 NATO ministers.",),
        ),
    )
    assert lines == ["hegseth-ukraine-peace-talks [en] numbers: numbers not in the source: 40"]


def test_english_in_the_polish_briefing_is_caught_by_language(identifier: LanguageIdentifier) -> None:
    lines = _verdict_lines(
        identifier,
        Item(
            article_id="x",
            lang="pl",
            headline="Hegseth says talks are no betrayal",
            bullets=("Hegseth said Trump's peace talks with Putin are not a betrayal of Kyiv.",),
        ),
    )
    assert lines[0].startswith("hegseth-ukraine-peace-talks [pl] language: written in English")
    # the English words the source has and Polish has not are named too (tests/test_dictionary.py)
    assert all(" vocabulary: untranslated English words: " in line for line in lines[1:])


def test_a_name_not_in_the_source_is_caught_by_names(identifier: LanguageIdentifier) -> None:
    lines = _verdict_lines(
        identifier,
        Item(
            article_id="x",
            lang="en",
            headline="Hegseth: no betrayal of Kyiv",
            bullets=("Hegseth and Trump spoke with Antony Blinken.",),
        ),
    )
    assert lines == ["hegseth-ukraine-peace-talks [en] names: names not in the source: Antony, Blinken"]


def test_a_must_not_claim_is_caught_by_must_not(identifier: LanguageIdentifier) -> None:
    lines = _verdict_lines(
        identifier,
        Item(
            article_id="x",
            lang="en",
            headline="Hegseth: no betrayal of Kyiv",
            bullets=("Hegseth said US troops will be deployed to Ukraine by Trump.",),
        ),
    )
    assert len(lines) == 1 and lines[0].startswith("hegseth-ukraine-peace-talks [en] must_not: claims:")
