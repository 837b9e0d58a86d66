"""The checks measured: reference briefs an editor would publish, and labelled defect
variants of them (fixtures/calibration/, format in its README). Every reference and every
defect goes through every check, no model needed; the figures are false alarms on the
references and defects caught by the check that names their kind, per language."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from briefer.briefing import prompts
from briefer.briefing.pipeline import judge_item
from briefer.core.errors import ConfigError, UsageError
from briefer.core.files import keep_tables_in, write_atomic
from briefer.core.models import CHECKS, KIND_CHECK, Article, CheckResult, Item
from briefer.lang.langid import LanguageIdentifier
from briefer.measure.gate import Row
from briefer.settings.config import Settings, load_yaml
from briefer.sources.ingest import parse_article

FOLDER = "calibration"


@dataclass(frozen=True)
class Defect:
    lang: str
    kind: str
    note: str
    item: Item

    @property
    def check(self) -> str:
        return KIND_CHECK[self.kind]


@dataclass(frozen=True)
class Case:
    name: str  # the calibration file's stem
    path: Path  # the article's file
    article: Article
    references: dict[str, Item]
    defects: tuple[Defect, ...]


@dataclass(frozen=True)
class Outcome:
    """One reference or defect, judged."""

    article: str
    lang: str
    kind: str  # "reference" or the defect's kind
    note: str
    results: tuple[CheckResult, ...]

    @property
    def failed(self) -> tuple[str, ...]:
        return tuple(r.check for r in self.results if not r.passed)

    @property
    def refused(self) -> tuple[str, ...]:
        return tuple(r.check for r in self.results if not r.passed and not r.flag)

    @property
    def caught(self) -> bool:
        return KIND_CHECK[self.kind] in self.failed

    @property
    def held_back(self) -> bool:
        """Refused by its named check, not only flagged: a reader never gets it."""
        return KIND_CHECK[self.kind] in self.refused

    @property
    def flagged_only(self) -> bool:
        """Published with a mark: some check failed, none refused."""
        return bool(self.failed) and not self.refused


def _item(data: Mapping, article_id: str, lang: str, where: str) -> Item:
    headline, bullets = data.get("headline"), data.get("bullets")
    if not isinstance(headline, str) or not isinstance(bullets, list) or not all(isinstance(b, str) for b in bullets):
        raise ConfigError(f"{where}: needs a headline and a list of bullets")
    return Item(article_id=article_id, lang=lang, headline=headline.strip(), bullets=tuple(b.strip() for b in bullets))


def _defect(data: Mapping, references: dict[str, Item], where: str) -> Defect:
    lang, kind = data.get("lang"), data.get("kind")
    if kind not in KIND_CHECK:
        raise ConfigError(f"{where}: kind '{kind}' is not one of {', '.join(KIND_CHECK)}")
    if lang not in references:
        raise ConfigError(f"{where}: no reference in '{lang}' to vary")
    reference = references[lang]
    if "replace" in data:
        headline, bullets = reference.headline, list(reference.bullets)
        for old, new in data["replace"]:
            count = sum(part.count(old) for part in (headline, *bullets))
            if count != 1:
                raise ConfigError(f"{where}: '{old}' stands {count} times in the {lang} reference, not once")
            headline = headline.replace(old, new)
            bullets = [bullet.replace(old, new) for bullet in bullets]
        item = reference.model_copy(update={"headline": headline, "bullets": tuple(bullets)})
    elif "add_bullets" in data:
        item = reference.model_copy(update={"bullets": reference.bullets + tuple(data["add_bullets"])})
    else:
        item = _item(data, reference.article_id, lang, where)
    return Defect(lang=lang, kind=kind, note=str(data.get("note", "")), item=item)


# The two-day fixtures' briefs (references only, no defects): more good writing that must pass.
MORE_REFERENCES = "days/briefs"
# Articles kept out of every tuning step; their first measurement is recorded once, never redone.
SEALED = "calibration/sealed"
FIRST_SIGHT = "first-sight.json"
# Earlier sealed parts, spent once their round of fixes began: they joined the tuned set, and
# their first sight is kept here as history (round-<n>-first-sight.json), never rewritten.
ROUNDS = "calibration/rounds"
# Kinds of defect a reader must never get: their check refuses, a flag is not enough.
REFUSED_KINDS_CHECKS = ("numbers", "language", "quotes", "leakage", "length", "vocabulary")


def load_cases(fixtures: Path) -> list[Case]:
    """The part of the set the checks may be tuned on (the sealed part is `load_sealed`)."""
    if not (fixtures / FOLDER).is_dir():
        raise ConfigError(f"no calibration set in {fixtures / FOLDER}: is {fixtures} a fixtures folder?")
    return _cases(
        fixtures, [*sorted((fixtures / FOLDER).glob("*.yaml")), *sorted((fixtures / MORE_REFERENCES).glob("*.yaml"))]
    )


def load_sealed(fixtures: Path) -> list[Case]:
    """The sealed part: articles no tuning step has seen, measured once at first sight."""
    return _cases(fixtures, sorted((fixtures / SEALED).glob("*.yaml")))


def _cases(fixtures: Path, paths: list[Path]) -> list[Case]:
    cases = []
    for path in paths:
        data = load_yaml(path.read_text(encoding="utf-8"), str(path))
        if not isinstance(data, dict) or "article" not in data:
            raise ConfigError(f"{path}: a calibration file names its article and its references")
        source = fixtures / data["article"]
        if not source.is_file():
            raise ConfigError(f"{path}: article {source} not found")
        article = parse_article(source.read_text(encoding="utf-8"), source.name, source.suffix)
        references = {
            lang: _item(ref, article.id, lang, f"{path}: reference {lang}")
            for lang, ref in (data.get("references") or {}).items()
        }
        defects = tuple(
            _defect(d, references, f"{path}: defect {i + 1}") for i, d in enumerate(data.get("defects") or [])
        )
        cases.append(Case(name=path.stem, path=source, article=article, references=references, defects=defects))
    return cases


def judge(cases: list[Case], settings: Settings) -> list[Outcome]:
    keep_tables_in(settings.cache_dir)
    with LanguageIdentifier(sorted({lang for case in cases for lang in case.references})) as identifier:
        return _judge(cases, settings, identifier)


def _judge(cases: list[Case], settings: Settings, identifier: LanguageIdentifier) -> list[Outcome]:
    brief = prompts.load_prompt(settings.prompts_dir, settings.brief_prompt)
    system = brief.render("system", words=settings.words_per_item, max_bullets=settings.max_bullets)

    def results(case: Case, item: Item) -> tuple[CheckResult, ...]:
        others = [i for lang, i in case.references.items() if lang != item.lang]
        instructions = [system, brief.locale(item.lang)["instruction"]]
        return judge_item(settings, case.article, item, instructions, identifier, others)

    outcomes = []
    for case in cases:
        for lang, reference in case.references.items():
            outcomes.append(Outcome(case.name, lang, "reference", "", results(case, reference)))
        for defect in case.defects:
            outcomes.append(Outcome(case.name, defect.lang, defect.kind, defect.note, results(case, defect.item)))
    return outcomes


# ---- the figures and the table ----


def _share(flags: list[bool]) -> float:
    return round(sum(flags) / len(flags), 3) if flags else 1.0


def figures(outcomes: list[Outcome]) -> dict[str, float]:
    """Higher is better for every figure, so the gate's ratchet pins them as it pins scores."""
    references = [o for o in outcomes if o.kind == "reference"]
    defects = [o for o in outcomes if o.kind != "reference"]
    flagged = [o for o in outcomes if o.flagged_only]
    found = {
        "calibration.references_clean": _share([not o.failed for o in references]),
        "calibration.references_published": _share([not o.refused for o in references]),
        "calibration.defects_caught": _share([o.caught for o in defects]),
        "calibration.defects_refused": _share(
            [o.held_back for o in defects if KIND_CHECK[o.kind] in REFUSED_KINDS_CHECKS]
        ),
        "calibration.flag_precision": _share([o.kind != "reference" for o in flagged]),
        "calibration.central_facts_caught": _share([o.caught for o in defects if o.kind == "central_fact_dropped"]),
    }
    for lang in sorted({o.lang for o in outcomes}):
        found[f"calibration.references_clean.{lang}"] = _share([not o.failed for o in references if o.lang == lang])
        found[f"calibration.defects_caught.{lang}"] = _share([o.caught for o in defects if o.lang == lang])
    for check in CHECKS:
        found[f"calibration.{check}.references_passed"] = _share([check not in o.failed for o in references])
        named = [o.caught for o in defects if KIND_CHECK[o.kind] == check]
        if named:
            found[f"calibration.{check}.defects_caught"] = _share(named)
    return found


def table(outcomes: list[Outcome]) -> str:
    """Per check and language: false alarms on references, defects caught by that check; then
    references published clean and with flags, how many flags were real, defects caught."""
    langs = sorted({o.lang for o in outcomes})
    references = [o for o in outcomes if o.kind == "reference"]
    defects = [o for o in outcomes if o.kind != "reference"]

    def row(label: str, what: str, group: list[Outcome], hit: Callable[[Outcome], bool]) -> str:
        cells = [_cell([hit(o) for o in group if o.lang == lang]) for lang in langs]
        return f"{label:<12} {what:<8}" + "".join(f"{c:>8}" for c in cells) + f"{_cell([hit(o) for o in group]):>9}"

    lines = [
        "false alarms on references (failed / references) and defects caught by the check that names them",
        f"{'check':<12} {'':<8}" + "".join(f"{lang:>8}" for lang in langs) + f"{'all':>9}",
    ]
    for check in CHECKS:
        lines.append(row(check, "alarms", references, _fails(check)))
        named = [o for o in defects if KIND_CHECK[o.kind] == check]
        if named:
            lines.append(row("", "caught", named, lambda o: o.caught))
    lines.append(row("published", "clean", references, lambda o: not o.failed))
    lines.append(row("published", "w/ flags", references, lambda o: not o.refused))
    lines.append(row("flags", "real", [o for o in outcomes if o.flagged_only], lambda o: o.kind != "reference"))
    lines.append(row("defects", "caught", defects, lambda o: o.caught))
    return "\n".join(lines)


def _fails(check: str) -> Callable[[Outcome], bool]:
    return lambda outcome: check in outcome.failed


def _cell(hits: list[bool]) -> str:
    return f"{sum(hits)}/{len(hits)}" if hits else "-"


def misses(outcomes: list[Outcome]) -> list[str]:
    """One line per false alarm and per defect its check did not catch."""
    lines = []
    for o in outcomes:
        if o.kind == "reference" and o.failed:
            reasons = "; ".join(f"{r.check}: {r.message}" for r in o.results if not r.passed)
            lines.append(f"false alarm {o.article} [{o.lang}] {reasons}")
        elif o.kind != "reference" and not o.caught:
            lines.append(
                f"missed {o.article} [{o.lang}] {o.kind} ({o.note}); failed: {', '.join(o.failed) or 'nothing'}"
            )
    return lines


def as_rows(outcomes: list[Outcome]) -> list[Row]:
    """One row per reference (passed: no check failed) and per defect (passed: its check
    caught it), for the JSON and JUnit reports."""
    rows = []
    for o in outcomes:
        if o.kind == "reference":
            message = "; ".join(f"{r.check}: {r.message}" for r in o.results if not r.passed)
            rows.append(Row(f"calibration.{o.article}", o.lang, "reference", not o.failed, message))
        else:
            rows.append(
                Row(
                    f"calibration.{o.article}",
                    o.lang,
                    o.kind,
                    o.caught,
                    "" if o.caught else f"not caught by {KIND_CHECK[o.kind]}: {o.note}",
                )
            )
    return rows


# ---- what a desk is promised, and the sealed part's first sight ----

GOALS = (  # (figure, at least, what it promises)
    ("references_clean", 0.95, "good items published with no check failing"),
    ("references_clean_worst_language", 0.90, "the same, in the worst language"),
    ("references_published", 0.99, "good items published (flags allowed)"),
    ("defects_caught", 0.95, "defects caught by the check that names them"),
    ("defects_refused", 0.95, "numbers, language, quotes, leakage, length, vocabulary defects refused"),
    ("flag_precision", 0.50, "flags that are real defects"),
    ("references_unflagged", 0.95, "good items not flagged"),
)


def promises(outcomes: list[Outcome]) -> dict[str, float]:
    """The figures the goals speak of, for one part of the set."""
    found = figures(outcomes)
    references = [o for o in outcomes if o.kind == "reference"]
    worst = min((v for k, v in found.items() if k.startswith("calibration.references_clean.")), default=1.0)
    return {
        "references_clean": found["calibration.references_clean"],
        "references_clean_worst_language": worst,
        "references_published": found["calibration.references_published"],
        "defects_caught": found["calibration.defects_caught"],
        "defects_refused": found["calibration.defects_refused"],
        "flag_precision": found["calibration.flag_precision"],
        "references_unflagged": _share([not o.flagged_only for o in references]),
    }


def goals_table(columns: dict[str, dict[str, float]]) -> str:
    """One row per goal, one column per measured part (tuned, sealed at first sight, sealed now)."""
    lines = [f"{'goal':<74}{'at least':>9}" + "".join(f"{name:>18}" for name in columns)]
    for key, least, words in GOALS:
        cells = "".join(f"{_mark(figures.get(key), least):>18}" for figures in columns.values())
        lines.append(f"{words:<74}{least:>9.0%}" + cells)
    return "\n".join(lines)


def _mark(value: float | None, least: float) -> str:
    if value is None:
        return "-"
    return f"{value:.1%}" + ("" if value >= least else " (below)")


def sealed_files(fixtures: Path) -> dict[str, str]:
    """Every file of the sealed part and its sha256: what its first sight measured."""
    folder = fixtures / SEALED
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != FIRST_SIGHT
    }


def read_first_sight(fixtures: Path) -> dict | None:
    path = fixtures / SEALED / FIRST_SIGHT
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def earlier_rounds(fixtures: Path) -> dict[str, dict[str, float]]:
    """Each earlier sealed part's first-sight figures, by round ("round 1, 1st sight")."""
    found = {}
    paths = (fixtures / ROUNDS).glob("round-*-first-sight.json")
    for path in sorted(paths, key=lambda path: int(path.name.split("-")[1])):  # round 10 after round 9
        number = path.name.split("-")[1]
        found[f"round {number}, 1st"] = json.loads(path.read_text(encoding="utf-8"))["figures"]
    return found


def record_first_sight(fixtures: Path, outcomes: list[Outcome], checks_at: str) -> dict:
    """Written once, by the first measurement of the sealed part; a second one is refused, so
    the figure the README reports is the one taken before anything was tuned on those articles."""
    if read_first_sight(fixtures) is not None:
        raise UsageError(f"{fixtures / SEALED / FIRST_SIGHT} exists: the sealed set's first sight is taken once")
    record = {
        "checks_at": checks_at,
        "articles": sorted({o.article for o in outcomes}),
        "figures": promises(outcomes),
        "table": table(outcomes).splitlines(),
        "files": sealed_files(fixtures),
    }
    write_atomic(fixtures / SEALED / FIRST_SIGHT, json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    return record
