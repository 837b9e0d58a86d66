"""Every check an item must pass before it is written. Deterministic; each has a name
that appears in failures, so a re-ask, the report and the JSON all say which one failed."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Iterable

from .ingest import language_confidences
from .models import CheckResult, Item

# A number as written in en/de/fr/pl/uk text: 3200, 3,200, 3.200, 3 200, 5,5, 5.5, 2%.
_NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f.,']\d{3})+(?:[.,]\d+)?(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
_LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", "pl": "Polish", "uk": "Ukrainian"}


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


# ---- numbers ----

def normalise_number(raw: str) -> str:
    """One canonical spelling per value: '3 200' = '3,200' = '3.200' = '3200'; '5,5' = '5.5'."""
    text = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("'", " ")
    grouped = re.fullmatch(r"(\d{1,3})((?:[ .,]\d{3})+)([.,]\d+)?", text)
    if grouped:
        separators = set(grouped.group(2)[::4])  # the character before each 3-digit group
        fraction = grouped.group(3)
        if len(separators) == 1 and not (fraction and fraction[0] in separators):
            digits = grouped.group(1) + re.sub(r"\D", "", grouped.group(2))
            text = digits + ("." + fraction[1:] if fraction else "")
    text = text.replace(" ", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return raw
    return format(value.normalize(), "f")


def numbers_in(text: str) -> set[str]:
    return {normalise_number(match) for match in _NUMBER_RE.findall(text)}


# Spelled-out numbers a source may use where a briefing writes digits.
_NUMBER_WORDS = {
    "en": "one two three four five six seven eight nine ten eleven twelve",
    "de": "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    "fr": "un deux trois quatre cinq six sept huit neuf dix onze douze",
    "pl": "jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście dwanaście",
    "uk": "один два три чотири п'ять шість сім вісім дев'ять десять одинадцять дванадцять",
}
_WORD_VALUES = {word: str(index + 1) for spelled in _NUMBER_WORDS.values()
                for index, word in enumerate(spelled.split())}


def source_numbers(source: str) -> set[str]:
    found = numbers_in(source)
    found.update(_WORD_VALUES[w] for w in (w.lower() for w in words(source)) if w in _WORD_VALUES)
    return found


def check_numbers(item: Item, source: str) -> CheckResult:
    known = source_numbers(source)
    invented = sorted({raw for raw in _NUMBER_RE.findall(item.text()) if normalise_number(raw) not in known})
    if invented:
        return CheckResult(check="numbers", passed=False,
                           message=f"numbers not in the source: {', '.join(invented)}")
    return CheckResult(check="numbers", passed=True)


# ---- language ----

def check_language(item: Item, lang: str) -> CheckResult:
    """Headline and bullets judged together (short texts are unreliable alone), then each
    longer bullet on its own, so English leaking into one bullet is caught too."""
    name = _LANGUAGE_NAMES.get(lang, lang)
    whole = language_confidences(item.text())
    top = next(iter(whole), "und")
    if top != lang:
        return CheckResult(check="language", passed=False,
                           message=f"written in {_LANGUAGE_NAMES.get(top, top)}, not {name}")
    for part in (item.headline, *item.bullets):
        if len(words(part)) >= 6:
            scores = language_confidences(part)
            best = next(iter(scores), lang)
            if best != lang and scores[best] > 0.6:
                return CheckResult(check="language", passed=False,
                                   message=f"not in {name} ({_LANGUAGE_NAMES.get(best, best)}): \"{_clip(part)}\"")
    return CheckResult(check="language", passed=True)


# ---- length and shape ----

def word_limit(words_per_item: int) -> int:
    """'About N words': half as much again is the hard limit."""
    return words_per_item * 3 // 2


def check_length(item: Item, words_per_item: int) -> CheckResult:
    count = len(words(" ".join(item.bullets))) + len(words(item.headline))
    limit = word_limit(words_per_item)
    if count > limit:
        return CheckResult(check="length", passed=False,
                           message=f"{count} words; at most {limit} (about {words_per_item} asked)")
    return CheckResult(check="length", passed=True)


def check_structure(item: Item, max_bullets: int) -> CheckResult:
    problems = []
    if not item.headline.strip():
        problems.append("no headline")
    elif len(words(item.headline)) > 25 or "\n" in item.headline:
        problems.append("the headline must be one short line")
    if not 1 <= len(item.bullets) <= max_bullets:
        problems.append(f"{len(item.bullets)} bullets; 1 to {max_bullets} wanted")
    if any(not bullet.strip() for bullet in item.bullets):
        problems.append("an empty bullet")
    normalised = [" ".join(words(b.lower())) for b in item.bullets]
    if len(set(normalised)) < len(normalised):
        problems.append("the same bullet twice")
    if problems:
        return CheckResult(check="structure", passed=False, message="; ".join(problems))
    return CheckResult(check="structure", passed=True)


# ---- house style and leakage ----

def check_glossary(item: Item, glossary: dict[str, str]) -> CheckResult:
    """glossary: {word to avoid: word to use} for this item's language."""
    text = item.text()
    wrong = [f"'{avoid}' -> '{use}'" for avoid, use in glossary.items()
             if re.search(rf"(?<!\w){re.escape(avoid)}(?!\w)", text, flags=re.IGNORECASE)]
    if wrong:
        return CheckResult(check="glossary", passed=False, message="house style: " + ", ".join(wrong))
    return CheckResult(check="glossary", passed=True)


_LEAK_MARKERS = ("<source", "</source", "json:", "system prompt", "ignore all previous", "ignore previous instructions",
                 "as an ai", "```")


def check_leakage(item: Item, instructions: Iterable[str]) -> CheckResult:
    """Nothing of the prompt's own wording: markers, or any 8-word run of the instructions."""
    text = " ".join(words(item.text().lower()))
    lowered = item.text().lower()
    hits = [marker for marker in _LEAK_MARKERS if marker in lowered]
    for instruction in instructions:
        tokens = words(instruction.lower())
        for start in range(0, max(0, len(tokens) - 7)):
            run = " ".join(tokens[start:start + 8])
            if run in text:
                hits.append(f"\"{run}\"")
                break
    if hits:
        return CheckResult(check="leakage", passed=False, message="prompt text in the item: " + ", ".join(hits[:3]))
    return CheckResult(check="leakage", passed=True)


def run_checks(item: Item, *, source: str, lang: str, words_per_item: int, max_bullets: int,
               glossary: dict[str, str], instructions: Iterable[str]) -> tuple[CheckResult, ...]:
    return (
        check_structure(item, max_bullets),
        check_length(item, words_per_item),
        check_language(item, lang),
        check_numbers(item, source),
        check_glossary(item, glossary),
        check_leakage(item, instructions),
    )


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
