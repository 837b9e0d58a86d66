"""Every check an item must pass before it is written. Deterministic; each has a name
that appears in failures, so a re-ask, the report and the JSON all say which one failed.
The checks that hold an item to its source live one family a module beside it (numbers,
proper_names, quotes, coverage, relevance, evidence, over the Source of source.py) and the
vocabulary check in words.py; the form and the language of the item here, and JUDGES, every
check's judge."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from briefer.checks import coverage, evidence, numbers, proper_names, quotes, relevance, words
from briefer.checks.source import Source, passed, read_source
from briefer.core.models import DEFAULT_SEVERITY, CheckResult, Item
from briefer.lang import assistant_words, figure_words, grammar, languages, text
from briefer.lang.langid import LanguageIdentifier
from briefer.lang.vocabulary import (
    zipf,
)

# ---- language ----


def check_language(item: Item, lang: str, identifier: LanguageIdentifier, source: Source | None = None) -> CheckResult:
    """Headline and bullets judged together (short texts are unreliable alone), then each
    longer bullet on its own, so English leaking into one bullet is caught too. Names the
    source spells its own way (Bałtyk Północ, Deutsche Bahn) are left out of what is judged."""
    names = set(source.capitalised) if source is not None and source.lang != lang else set()

    def judged(part: str) -> str:
        return (
            " ".join(w for w in part.split() if not (found := text.words(w)) or found[0] not in names)
            if names
            else part
        )

    parts = [part for part in (item.headline, *item.bullets) if len(text.words(judged(part))) >= 6]
    whole, *each = identifier.confidences([judged(item.text()), *map(judged, parts)])  # one round trip to the worker
    top = next(iter(whole), "und")
    if top != lang:
        return CheckResult(
            check="language", passed=False, message=f"written in {languages.name(top)}, not {languages.name(lang)}"
        )
    for part, scores in zip(parts, each):
        best = next(iter(scores), lang)
        if best != lang and (scores[best] > 0.6 or scores.get(lang, 0.0) < _RULED_OUT):
            return CheckResult(
                check="language",
                passed=False,
                message=f'not in {languages.name(lang)} ({languages.name(best)}): "{text.clip(part)}"',
            )
    for part in (item.headline, *item.bullets):
        other = _mostly_foreign(judged(part), lang)
        if other:
            return CheckResult(
                check="language",
                passed=False,
                message=f'not in {languages.name(lang)} ({languages.name(other)}): "{text.clip(part)}"',
            )
    return passed("language")


# lingua shares its confidence among related languages (Spanish with Portuguese and
# Italian, English with French): a bullet whose winner has under half of it is still
# foreign when the item's own language is all but ruled out.
_RULED_OUT = 0.02


def _mostly_foreign(part: str, lang: str) -> str | None:
    """The language most of a sentence's words belong to instead, if they are not words of
    `lang` at all: a bullet left in the source's language, which lingua may not call
    confidently when it is short or full of names."""
    tokens = [w for w in text.words(text.unquoted(part)) if len(w) >= 3 and w.isalpha() and not w[0].isupper()]
    if len(tokens) < 3:
        return None
    foreign: dict[str, int] = {}
    for word in tokens:
        if zipf(word, lang) >= 2.0:
            continue
        best = max(languages.SUPPORTED, key=lambda other: zipf(word, other))
        if best != lang and zipf(word, best) >= 3.0:
            foreign[best] = foreign.get(best, 0) + 1
    other = max(foreign, key=lambda lang: foreign[lang], default=None)
    return other if other and foreign[other] * 2 >= len(tokens) else None


# ---- length and shape ----


def word_limit(words_per_item: int) -> int:
    """'About N words': half as much again is the hard limit."""
    return words_per_item * 3 // 2


def check_length(item: Item, words_per_item: int) -> CheckResult:
    count = len(text.words(" ".join(item.bullets))) + len(text.words(item.headline))
    limit = word_limit(words_per_item)
    if count > limit:
        return CheckResult(
            check="length", passed=False, message=f"{count} words; at most {limit} (about {words_per_item} asked)"
        )
    return passed("length")


def check_structure(item: Item, max_bullets: int) -> CheckResult:
    problems = []
    if not item.headline.strip():
        problems.append("no headline")
    elif len(text.words(item.headline)) > 25 or "\n" in item.headline:
        problems.append("the headline must be one short line")
    if not 1 <= len(item.bullets) <= max_bullets:
        problems.append(f"{len(item.bullets)} bullets; 1 to {max_bullets} wanted")
    if any(not bullet.strip() for bullet in item.bullets):
        problems.append("an empty bullet")
    controls = [(where, character) for where, value in _parts(item) for character in _control_characters(value)]
    if controls:
        where, character = controls[0]
        problems.append(f"a control character (U+{ord(character):04X}) in {where}")
    verbless = [
        n
        for n, bullet in enumerate(item.bullets, 1)
        if bullet.strip() and not grammar.has_finite_verb(bullet, item.lang)
    ]
    if verbless:
        which = ", ".join(str(n) for n in verbless)
        problems.append(f"no finite verb in bullet {which}: each bullet must be a sentence")
    normalised = [" ".join(text.words(b.lower())) for b in item.bullets]
    if len(set(normalised)) < len(normalised):
        problems.append("the same bullet twice")
    if " ".join(text.words(item.headline.lower())) in normalised:
        problems.append("a bullet repeats the headline")
    written = text.words(item.text())
    tokens = [t.lower() for t in written]
    runs = _trigrams(tokens)
    capital = [w[:1].isupper() for w in written]
    in_name = [c and any(capital[j] for j in (i - 1, i + 1) if 0 <= j < len(capital)) for i, c in enumerate(capital)]
    named = {  # runs that touch a name of capitalised words ("alle Tre Cime"): a place named again is no loop
        " ".join(tokens[i : i + 3]) for i in range(len(tokens) - 2) if any(in_name[i : i + 3])
    }
    # a figure with its unit, named in the headline, a bullet and a quote, is the story's figure
    # stated thrice; a loop repeats it inside one part
    per_part = [_trigrams([t.lower() for t in text.words(value)]) for _, value in _parts(item)]
    times = {
        run: max(part[run] for part in per_part) if any(c.isdigit() for c in run) else count
        for run, count in runs.items()
    }
    repeated = next(
        (
            run
            for run, count in runs.most_common()
            if times[run] >= 3 and not _unit_words(run.split(), item.lang) and run not in named
        ),
        None,
    )
    if repeated:
        problems.append(f'"{repeated}" {times[repeated]} times: the item repeats itself')
    if problems:
        return CheckResult(check="structure", passed=False, message="; ".join(problems))
    return passed("structure")


def _trigrams(tokens: list[str]) -> Counter[str]:
    return Counter(" ".join(tokens[i : i + 3]) for i in range(len(tokens) - 2))


def _parts(item: Item) -> list[tuple[str, str]]:
    return [("the headline", item.headline), *((f"bullet {n}", bullet) for n, bullet in enumerate(item.bullets, 1))]


def _control_characters(value: str) -> list[str]:
    """Characters no reader should get and a feed cannot hold (a backspace, an escape, NUL,
    U+FFFE): control characters but tab and line ends, surrogates, noncharacters."""
    return [
        character
        for character in value
        if character not in "\t\n\r"
        and (
            unicodedata.category(character) in ("Cc", "Cs")
            or 0xFDD0 <= ord(character) <= 0xFDEF
            or ord(character) & 0xFFFE == 0xFFFE
        )
    ]


def _unit_words(run: list[str], lang: str) -> bool:
    """A unit that recurs after different figures ("millones de euros", "mln złotych"): scale,
    currency, percent and unit words with the short words between them, no figure."""
    units = [w for w in run if _a_unit(w, lang)]
    return bool(units) and all(w in units or (w.isalpha() and len(w) <= 3) for w in run)


def _a_unit(word: str, lang: str) -> bool:
    return bool(
        figure_words.scale_pattern(lang).fullmatch(word)
        or word in languages.currency_words(lang)
        or word in figure_words.UNITS
        or re.fullmatch(figure_words.PERCENT_WORDS.get(lang, ""), word)
    )


# ---- house style and leakage ----


def check_glossary(item: Item, glossary: dict[str, str]) -> CheckResult:
    """glossary: {word to avoid: word to use} for this item's language."""
    body = item.text()
    wrong = [
        f"'{avoid}' -> '{use}'"
        for avoid, use in glossary.items()
        if re.search(rf"(?<!\w){re.escape(avoid)}(?!\w)", body, flags=re.IGNORECASE)
    ]
    if wrong:
        return CheckResult(check="glossary", passed=False, message="house style: " + ", ".join(wrong))
    return passed("glossary")


_MARKUP_RE = re.compile(
    r"<\s*/?\s*[a-zA-Z][^>]*>|\[[^\]]*\]\([^)]*\)|https?://|www\.|`|\*\*|__|^\s*#|[{}]|&[a-z]+;", re.MULTILINE
)


@functools.lru_cache(maxsize=64)
def _eight_word_runs(instruction: str) -> tuple[str, ...]:
    """Every 8-word run of an instruction: the same few instructions judge every item."""
    tokens = text.words(instruction.lower())
    return tuple(" ".join(tokens[start : start + 8]) for start in range(0, max(0, len(tokens) - 7)))


@functools.cache
def _injection_phrases(lang: str) -> tuple[str, ...]:
    """The language's own phrases and English's: models slip into English when they obey."""
    return tuple(
        sorted(set(assistant_words.INJECTION_PHRASES.get(lang, ())) | set(assistant_words.INJECTION_PHRASES["en"]))
    )


@functools.cache
def _assistant_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    patterns = {*assistant_words.ASSISTANT_PATTERNS.get(lang, ()), *assistant_words.ASSISTANT_PATTERNS["en"]}
    return tuple(re.compile(pattern, re.MULTILINE) for pattern in sorted(patterns))


def _assistant_wording(item: Item, source: Source) -> list[str]:
    """An assistant's kinds of wording (assistant_words.ASSISTANT_PATTERNS) outside quotes, each
    part on its own so a reply opening a bullet is seen; what the source says too is news."""
    hits = []
    for part in (item.headline, *item.bullets):
        lowered = text.unquoted(part).lower().strip()
        for pattern in _assistant_patterns(item.lang):
            found = pattern.search(lowered)
            if found and " ".join(text.words(found.group())) not in source.flat:
                hits.append(found.group().strip(" .!?,:"))
        reader = assistant_words.READER_WORDS.search(lowered)
        if reader and not assistant_words.READER_WORDS.search(source.flat):
            hits.append(reader.group())
    return hits


def check_leakage(item: Item, instructions: Iterable[str], source: Source) -> CheckResult:
    """Nothing of the prompt or of an assistant: markers and markup, an obeyed instruction or
    a revealed prompt in the item's language or English, the first or second person outside
    a quote, or any 8-word run of the instructions."""
    lowered = item.text().lower()
    flat = " ".join(text.words(lowered))
    hits = [marker for marker in assistant_words.PROMPT_MARKERS if marker in lowered]
    hits += [m.group().strip() for m in _MARKUP_RE.finditer(item.text())][:1]
    hits += [phrase for phrase in _injection_phrases(item.lang) if phrase in lowered]
    hits += [phrase for phrase in _topic_phrases(source) if phrase in lowered]
    hits += _assistant_wording(item, source)
    speaker = assistant_words.SPEAKER_WORDS.get(item.lang, set())
    hits += [w for w in text.words(text.unquoted(item.text()).lower()) if w in speaker and w not in source.narrative][
        :1
    ]
    for instruction in instructions:
        run = next((run for run in _eight_word_runs(instruction) if run in flat), None)
        if run:
            hits.append(f'"{run}"')
    if hits:
        return CheckResult(
            check="leakage",
            passed=False,
            message="not a news item (prompt, markup or an assistant's words): " + ", ".join(hits[:3]),
        )
    return passed("leakage")


def _topic_phrases(source: Source) -> list[str]:
    """The assistant's topic phrases whose topic the source does not name in any form."""
    return [
        phrase
        for phrases, others in assistant_words.TOPICS
        if not any(_names_topic(form, source) for form in (*phrases, *others))
        for phrase in phrases
    ]


def _names_topic(form: str, source: Source) -> bool:
    if form.isupper():  # an abbreviation, as written: Italian "ai" is no AI
        return form in source.capitalised
    return form in source.flat


@dataclass(frozen=True)
class Judged:
    """What the checks of one item look at: the item, its source read once, the run's language
    identifier, and the settings some of them hold it to."""

    item: Item
    lang: str
    source: Source
    identifier: LanguageIdentifier
    words_per_item: int
    max_bullets: int
    glossary: dict[str, str]
    instructions: tuple[str, ...]


# Each check of models.CHECK_TABLE judged on one item, in the table's order (consistency, which
# judges an article's languages together, is `check_consistency`).
JUDGES: dict[str, Callable[[Judged], CheckResult]] = {
    "structure": lambda j: check_structure(j.item, j.max_bullets),
    "length": lambda j: check_length(j.item, j.words_per_item),
    "language": lambda j: check_language(j.item, j.lang, j.identifier, j.source),
    "vocabulary": lambda j: words.check_vocabulary(j.item, j.source),
    "numbers": lambda j: numbers.check_numbers(j.item, j.source),
    "names": lambda j: proper_names.check_names(j.item, j.source),
    "quotes": lambda j: quotes.check_quotes(j.item, j.source),
    "coverage": lambda j: coverage.check_coverage(j.item, j.source),
    "relevance": lambda j: relevance.check_relevance(j.item, j.source),
    "evidence": lambda j: evidence.check_evidence(j.item, j.source),
    "glossary": lambda j: check_glossary(j.item, j.glossary),
    "leakage": lambda j: check_leakage(j.item, j.instructions, j.source),
}


def run_checks(
    item: Item,
    *,
    source: str,
    source_lang: str,
    lang: str,
    words_per_item: int,
    max_bullets: int,
    glossary: dict[str, str],
    instructions: Iterable[str],
    identifier: LanguageIdentifier,
    severity: Mapping[str, str] | None = None,
) -> tuple[CheckResult, ...]:
    judged = Judged(
        item,
        lang,
        read_source(source, source_lang),
        identifier,
        words_per_item,
        max_bullets,
        glossary,
        tuple(instructions),
    )
    results = (judge(judged) for judge in JUDGES.values())
    return tuple(with_severity(result, severity) for result in results)


def with_severity(result: CheckResult, severity: Mapping[str, str] | None) -> CheckResult:
    """A failed check whose severity is 'flag' lets the item through, marked."""
    level = (severity or DEFAULT_SEVERITY).get(result.check, DEFAULT_SEVERITY.get(result.check, "refuse"))
    if result.passed or level != "flag":
        return result
    return result.model_copy(update={"flag": True})


# ---- consistency across languages ----


def check_consistency(items: list[Item], severity: Mapping[str, str] | None = None) -> dict[str, CheckResult]:
    """One article's items give each figure at the same scale in every language, judged
    against the majority: "100 Mrd." where most say "100 млн" or "€100m" fails that one
    item. (A figure the source lacks is the numbers check's; a detail one language leaves
    out is no inconsistency.)"""
    values = {item.lang: text.figures(item.text(), item.lang) for item in items}
    implied = {item.lang: {f.raw: f for f in text.implied_scales(item.text(), item.lang)} for item in items}
    results = {}
    for lang, own in values.items():
        others = [figures for other, figures in values.items() if other != lang]
        # a bare figure among amounts at one scale may stand at that scale ("perso 84 milioni,
        # conta di risparmiarne circa 31 all'anno": 31 million, as the other languages write);
        # the same digits at the others' scale too are two things ("£412m" profit, "412p" a share)
        odd = [
            f.raw
            for f in own
            if _rescaled_by_most(f, others)
            and (f.raw not in implied[lang] or _rescaled_by_most(implied[lang][f.raw], others))
            and not any(g.value == f.value and not _rescaled_by_most(g, others) for g in own)
        ]
        result = CheckResult(
            check="consistency",
            passed=not odd,
            message=f"figures at another scale than in most languages: {', '.join(odd)}",
        )
        results[lang] = with_severity(result, severity) if odd else passed("consistency")
    return results


def _rescaled_by_most(figure: text.Figure, others: list[list[text.Figure]]) -> bool:
    """Most other items give the same digits at another scale, and none at this one."""
    same_scale = sum(any(f.matches(figure) for f in figures) for figures in others)
    rescaled = sum(
        any(f.value == figure.value and f.power != figure.power and not f.matches(figure) for f in figures)
        for figures in others
    )
    return same_scale == 0 and rescaled * 2 > len(others)
