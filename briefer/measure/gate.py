"""`briefer check`: the fixture articles as a prompt regression gate.

Every fixture article goes through the pipeline (replaying recorded replies by default),
each item is judged by every check and by its fixture's expectations, and the score per
check (the share of items passing it) is compared with the pinned minimum in
fixtures/scores.json. A score may rise and its pin with it; a pin falls only on request.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Iterator, Sequence

from briefer.app import run
from briefer.core.errors import BrieferError, ConfigError
from briefer.core.files import write_atomic
from briefer.core.models import DEFAULT_SEVERITY, CheckResult, Item
from briefer.lang.langid import LanguageIdentifier
from briefer.lang.text import words
from briefer.model import endpoint
from briefer.model.cache import ReplyStore
from briefer.model.llm import LLM
from briefer.settings.config import Settings, load_yaml
from briefer.sources.ingest import parse_article

RECORDINGS = "recordings"  # the default brief prompt's; another version's in recordings-<id>-v<N>


def recordings_dir(fixtures: Path, brief_prompt: str) -> Path:
    """Where a brief prompt version's recorded replies are: recording one never prunes another's."""
    if brief_prompt == Settings.model_fields["brief_prompt"].default:
        return fixtures / RECORDINGS
    return fixtures / f"{RECORDINGS}-{brief_prompt.replace('@', '-v')}"


@dataclass
class Spent:
    """What the model side cost over the fixtures: the requests it made (replayed ones too), tokens."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


PINS = "scores.json"


@dataclass(frozen=True)
class Expectation:
    name: str  # the expectation file's stem
    article: str
    languages: tuple[str, ...]
    max_words: int
    must_keep: tuple[tuple[str, tuple[str, ...]], ...]  # (fact, any of these substrings)
    must_not: tuple[tuple[str, str], ...]  # (claim, regex)


@dataclass(frozen=True)
class Row:
    article: str
    lang: str
    check: str
    passed: bool
    message: str


def load_expectations(fixtures: Path) -> list[Expectation]:
    found = []
    for path in sorted((fixtures / "expectations").glob("*.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8"), str(path))
        try:
            found.append(
                Expectation(
                    name=path.stem,
                    article=data["article"],
                    languages=tuple(data["languages"]),
                    max_words=int(data.get("max_words", 90)),
                    must_keep=tuple((k["fact"], tuple(k["any"])) for k in data.get("must_keep") or []),
                    must_not=tuple((n["claim"], n["pattern"]) for n in data.get("must_not") or []),
                )
            )
        except (KeyError, TypeError) as exc:
            raise ConfigError(f"{path}: expectation lacks {exc}") from None
    if not found:
        raise ConfigError(f"no expectations in {fixtures / 'expectations'}: is {fixtures} a fixtures folder?")
    return found


def expectation_results(expectation: Expectation, item: Item) -> list[CheckResult]:
    text = item.text().lower()
    missing = [fact for fact, options in expectation.must_keep if not any(o.lower() in text for o in options)]
    claims = [claim for claim, pattern in expectation.must_not if re.search(pattern, item.text())]
    count = len(words(item.text()))
    return [
        CheckResult(check="must_keep", passed=not missing, message="; ".join(f"lost: {m}" for m in missing)),
        CheckResult(check="must_not", passed=not claims, message="; ".join(f"claims: {c}" for c in claims)),
        CheckResult(
            check="max_words",
            passed=count <= expectation.max_words,
            message=f"{count} words > {expectation.max_words}" if count > expectation.max_words else "",
        ),
    ]


@contextmanager
def _model(settings: Settings, store: ReplyStore, live: bool, manifest: Path) -> Iterator[LLM]:
    if live:
        with endpoint.model_endpoint(settings) as llm:
            llm.store = store
            yield llm
            write_atomic(manifest, json.dumps({"model": llm.model}, indent=1) + "\n")
        return
    if not manifest.is_file():
        raise ConfigError(f"no recordings in {manifest.parent}: run 'briefer check --live --record'")
    model = json.loads(manifest.read_text())["model"]
    llm = LLM(base_url="http://replay.invalid/v1", api_key=None, model=model, store=store, replay_only=True)
    try:
        yield llm
    finally:
        llm.close()


def run_gate(settings: Settings, fixtures: Path, live: bool, record: bool, spent: Spent | None = None) -> list[Row]:
    recordings = recordings_dir(fixtures, settings.brief_prompt)
    spent = spent if spent is not None else Spent()
    store = ReplyStore(recordings if (record or not live) else settings.cache_dir / "replies")
    rows: list[Row] = []
    languages = sorted({lang for expectation in load_expectations(fixtures) for lang in expectation.languages})
    with (
        _model(settings, store, live, recordings / "manifest.json") as llm,
        LanguageIdentifier(languages) as identifier,
    ):
        for expectation in load_expectations(fixtures):
            path = fixtures / "articles" / expectation.article
            article = parse_article(path.read_text(encoding="utf-8"), path.name, path.suffix)
            local = settings.model_copy(update={"languages": expectation.languages})
            report = run.brief_articles(local, llm, identifier, [article], Date.today())
            if report.aborted:
                raise BrieferError.with_code(f"{path.name}: {report.aborted}", report.abort_exit_code)
            for briefed in report.items():
                spent.calls += briefed.attempts  # requests the version makes, replayed or not
                spent.prompt_tokens += briefed.usage.prompt_tokens
                spent.completion_tokens += briefed.usage.completion_tokens
                item = briefed.verdict.item
                for result in (*briefed.verdict.results, *expectation_results(expectation, item)):
                    rows.append(Row(expectation.name, item.lang, result.check, result.passed, result.message))
    if record:
        store.prune()  # recordings that no request asks for anymore
    return rows


def scores(rows: list[Row]) -> dict[str, float]:
    totals: dict[str, list[int]] = {}
    for row in rows:
        passed, count = totals.setdefault(row.check, [0, 0])
        totals[row.check] = [passed + row.passed, count + 1]
    return {check: round(passed / count, 3) for check, (passed, count) in sorted(totals.items())}


def read_pins(fixtures: Path) -> dict[str, float]:
    path = fixtures / PINS
    return json.loads(path.read_text()) if path.is_file() else {}


def compare(current: dict[str, float], pins: dict[str, float]) -> tuple[list[str], list[str]]:
    """(falls below a pin, rises above one), each a line for the user."""
    fell = [f"{c}: {current.get(c, 0):.3f} < pinned {p:.3f}" for c, p in pins.items() if current.get(c, 0) < p]
    rose = [f"{c}: {s:.3f} > pinned {pins.get(c, 0):.3f}" for c, s in current.items() if s > pins.get(c, 0)]
    return fell, rose


def update_pins(fixtures: Path, current: dict[str, float], allow_lower: bool) -> dict[str, float]:
    pins = read_pins(fixtures)
    for check, score in current.items():
        if score > pins.get(check, 0) or allow_lower:
            pins[check] = score
    write_atomic(fixtures / PINS, json.dumps(pins, indent=2, sort_keys=True) + "\n")
    return pins


def table(rows: list[Row], pins: dict[str, float]) -> str:
    checks = list(dict.fromkeys(row.check for row in rows))
    cells: dict[tuple[str, str], dict[str, bool]] = {}
    for row in rows:
        cells.setdefault((row.article, row.lang), {})[row.check] = row.passed
    width = max(len(a) for a, _ in cells) if cells else 10
    column = max(9, *(len(c) for c in checks))
    lines = [f"{'article':<{width}} lang " + " ".join(f"{c:>{column}}" for c in checks)]
    for (article, lang), results in cells.items():
        marks = " ".join(f"{('pass' if results.get(c) else 'FAIL') if c in results else '-':>{column}}" for c in checks)
        lines.append(f"{article:<{width}} {lang:<4} {marks}")
    current = scores(rows)
    lines.append(f"{'score':<{width}}      " + " ".join(f"{current[c]:>{column}.2f}" for c in checks))
    lines.append(f"{'pinned':<{width}}      " + " ".join(f"{pins.get(c, 0):>{column}.2f}" for c in checks))
    return "\n".join(lines)


def failures(rows: list[Row]) -> list[str]:
    return [f"{r.article} [{r.lang}] {r.check}: {r.message}" for r in rows if not r.passed]


def gate_report_json(
    rows: list[Row], current: dict[str, float], pins: dict[str, float], calibration_rows: Sequence[Row] = ()
) -> str:
    """The gate's report (--report): every row and score, and the pins they were held to."""
    return (
        json.dumps(
            {
                "scores": current,
                "pins": pins,
                "rows": [r.__dict__ for r in rows],
                "calibration": [r.__dict__ for r in calibration_rows],
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n"
    )


def junit_xml(current: dict[str, float], pins: dict[str, float]) -> str:
    """One test case per pinned figure, failing only when it falls below its pin: what fails
    here is what fails the gate (an item a weak model got wrong is a score, not a failure)."""
    fell = {check for check, pin in pins.items() if current.get(check, 0) < pin}
    suite = ET.Element("testsuite", name="briefer-check", tests=str(len(pins)), failures=str(len(fell)))
    for check, pin in sorted(pins.items()):
        case = ET.SubElement(suite, "testcase", classname="briefer.measure.gate", name=check)
        if check in fell:
            message = f"{check}: {current.get(check, 0):.3f} < pinned {pin:.3f}"
            ET.SubElement(case, "failure", message=message).text = message
    return ET.tostring(suite, encoding="unicode") + "\n"


def side_by_side(runs: dict[str, tuple[list[Row], Spent]]) -> str:
    """Prompt versions on the same fixtures: per check and language the share that passed, then
    what each cost (calls and tokens per item), so a desk sees what a new version buys."""
    names = list(runs)
    langs = sorted({row.lang for rows, _ in runs.values() for row in rows})
    checks = list(dict.fromkeys(row.check for rows, _ in runs.values() for row in rows))

    def share(rows: list[Row], check: str, lang: str | None) -> str:
        hits = [r.passed for r in rows if r.check == check and (lang is None or r.lang == lang)]
        return f"{sum(hits) / len(hits):.2f}" if hits else "-"

    cell = max(9, len(" → ".join(names)))
    lines = [
        f"{'passed':<12}" + "".join(f"{lang:>{cell}}" for lang in [*langs, "all"]) + "   (" + " → ".join(names) + ")"
    ]
    for check in checks:
        cells = [" → ".join(share(runs[name][0], check, lang) for name in names) for lang in [*langs, None]]
        lines.append(f"{check:<12}" + "".join(f"{c:>{cell}}" for c in cells))
    published = [" → ".join(_published_share(runs[name][0], lang) for name in names) for lang in [*langs, None]]
    lines.append(f"{'published':<12}" + "".join(f"{c:>{cell}}" for c in published))
    for name, (rows, spent) in runs.items():
        items = len({(r.article, r.lang) for r in rows}) or 1
        lines.append(
            f"{name}: {items} items, {spent.calls / items:.2f} calls per item, "
            f"{spent.prompt_tokens / items:.0f} prompt and {spent.completion_tokens / items:.0f} completion tokens per item"
        )
    return "\n".join(lines)


def _published_share(rows: list[Row], lang: str | None) -> str:
    """The share of items no refusing check failed (the default severities): what readers get."""
    fates: dict[tuple[str, str], bool] = {}
    for row in rows:
        if lang is None or row.lang == lang:
            refused = not row.passed and DEFAULT_SEVERITY.get(row.check) == "refuse"
            fates[(row.article, row.lang)] = fates.get((row.article, row.lang), True) and not refused
    return f"{sum(fates.values()) / len(fates):.2f}" if fates else "-"
