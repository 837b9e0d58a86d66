"""Every check an item must pass before it is written. Deterministic; each has a name
that appears in failures, so a re-ask, the report and the JSON all say which one failed."""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import Iterable

from .langid import confidences
from .models import CheckResult, Item

# A number as written in en/de/fr/pl/uk text: 3200, 3,200, 3.200, 3 200, 5,5, 5.5, 2%.
_NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f.,']\d{3})+(?:[.,]\d+)?(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
_LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", "pl": "Polish", "uk": "Ukrainian",
                   "ru": "Russian", "es": "Spanish", "it": "Italian", "nl": "Dutch", "pt": "Portuguese",
                   "cs": "Czech", "sk": "Slovak", "be": "Belarusian", "bg": "Bulgarian"}


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


@functools.lru_cache(maxsize=64)  # one article is checked in every language
def source_numbers(source: str) -> frozenset[str]:
    found = numbers_in(source)
    found.update(_WORD_VALUES[w] for w in (w.lower() for w in words(source)) if w in _WORD_VALUES)
    return frozenset(found)


def check_numbers(item: Item, source: str) -> CheckResult:
    known = source_numbers(source)
    invented = sorted({raw for raw in _NUMBER_RE.findall(item.text()) if normalise_number(raw) not in known})
    if invented:
        return CheckResult(check="numbers", passed=False,
                           message=f"numbers not in the source: {', '.join(invented)}")
    return passed("numbers")


@functools.cache
def passed(check: str) -> CheckResult:
    """One shared result per check that passed: ten thousand items need not hold their own."""
    return CheckResult(check=check, passed=True)


# ---- language ----

def check_language(item: Item, lang: str) -> CheckResult:
    """Headline and bullets judged together (short texts are unreliable alone), then each
    longer bullet on its own, so English leaking into one bullet is caught too."""
    name = _LANGUAGE_NAMES.get(lang, lang)
    parts = [part for part in (item.headline, *item.bullets) if len(words(part)) >= 6]
    whole, *each = confidences([item.text(), *parts])  # one round trip to the worker
    top = next(iter(whole), "und")
    if top != lang:
        return CheckResult(check="language", passed=False,
                           message=f"written in {_LANGUAGE_NAMES.get(top, top)}, not {name}")
    for part, scores in zip(parts, each):
        best = next(iter(scores), lang)
        if best != lang and scores[best] > 0.6:
            return CheckResult(check="language", passed=False,
                               message=f"not in {name} ({_LANGUAGE_NAMES.get(best, best)}): \"{_clip(part)}\"")
    return passed("language")


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
    return passed("length")


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
    return passed("structure")


# ---- house style and leakage ----

def check_glossary(item: Item, glossary: dict[str, str]) -> CheckResult:
    """glossary: {word to avoid: word to use} for this item's language."""
    text = item.text()
    wrong = [f"'{avoid}' -> '{use}'" for avoid, use in glossary.items()
             if re.search(rf"(?<!\w){re.escape(avoid)}(?!\w)", text, flags=re.IGNORECASE)]
    if wrong:
        return CheckResult(check="glossary", passed=False, message="house style: " + ", ".join(wrong))
    return passed("glossary")


_LEAK_MARKERS = ("<source", "</source", "json:", "system prompt", "ignore all previous", "ignore previous instructions",
                 "as an ai", "```")


@functools.lru_cache(maxsize=64)
def _eight_word_runs(instruction: str) -> tuple[str, ...]:
    """Every 8-word run of an instruction: the same few instructions judge every item."""
    tokens = words(instruction.lower())
    return tuple(" ".join(tokens[start:start + 8]) for start in range(0, max(0, len(tokens) - 7)))


def check_leakage(item: Item, instructions: Iterable[str]) -> CheckResult:
    """Nothing of the prompt's own wording: markers, or any 8-word run of the instructions."""
    text = " ".join(words(item.text().lower()))
    lowered = item.text().lower()
    hits = [marker for marker in _LEAK_MARKERS if marker in lowered]
    for instruction in instructions:
        run = next((run for run in _eight_word_runs(instruction) if run in text), None)
        if run:
            hits.append(f"\"{run}\"")
    if hits:
        return CheckResult(check="leakage", passed=False, message="prompt text in the item: " + ", ".join(hits[:3]))
    return passed("leakage")


def run_checks(item: Item, *, source: str, source_lang: str, lang: str, words_per_item: int, max_bullets: int,
               glossary: dict[str, str], instructions: Iterable[str]) -> tuple[CheckResult, ...]:
    return (
        check_structure(item, max_bullets),
        check_length(item, words_per_item),
        check_language(item, lang),
        check_numbers(item, source),
        check_names(item, source),
        check_quotes(item, source, source_lang),
        check_glossary(item, glossary),
        check_leakage(item, instructions),
    )


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---- names, quotes, consistency across languages ----

_CYRILLIC = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэё",
                     ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o",
                      "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "y", "e", "io"]))
_NAME_STOPWORDS = {"the", "a", "an", "and", "in", "on", "der", "die", "das", "le", "la", "les", "un", "une", "w", "na",
                   "i", "z", "у", "в", "на", "і", "та"}


# Bounded: a run's names repeat within an article's languages, and 10,000 articles' worth of
# cached names cost more memory than recomputing them.
@functools.lru_cache(maxsize=4096)
def transliterate(word: str) -> str:
    return "".join(_CYRILLIC.get(ch, ch) for ch in word.lower())


@functools.lru_cache(maxsize=4096)
def name_skeleton(word: str) -> str:
    """Consonants only, g/h/ch merged, doubles collapsed: Hegseth ~ Гегсет, Rutte ~ Рютте."""
    latin = transliterate(word)
    latin = re.sub(r"th", "t", latin)
    latin = re.sub(r"ch|kh|g|h", "h", latin)
    latin = re.sub(r"[aeiouyjąęóäöüéèêàâîïôûøæåłw]", lambda m: "v" if m.group() in "w" else "", latin)
    latin = latin.replace("ł", "l")
    return re.sub(r"(.)\1+", r"\1", latin)


def same_name(a: str, b: str) -> bool:
    """The same name across scripts and inflections (Pistorius ~ Pistoriusa ~ Пісторіуса)."""
    ta, tb = transliterate(a), transliterate(b)
    if ta == tb or (ta[:5] == tb[:5] and min(len(ta), len(tb)) >= 3):
        return True
    sa, sb = name_skeleton(a)[:4], name_skeleton(b)[:4]
    return len(sa) >= 2 and sa == sb


def names_in(text: str, lang: str) -> list[str]:
    """Words that are names: capitalised but not opening a sentence (German capitalises every
    noun, so there only runs of two capitalised words and acronyms count)."""
    found = []
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n", text):
        tokens = words(sentence)
        if _title_case(tokens):
            continue  # "Council Approves New Budget": capitals of style, not of names
        for index, token in enumerate(tokens):
            if not token[0].isupper() or token.lower() in _NAME_STOPWORDS or len(token) < 3:
                continue
            acronym = token.isupper() and len(token) >= 2
            if index == 0 and not acronym:
                continue
            if lang == "de" and not acronym and not _german_name_run(tokens, index):
                continue
            found.append(token)
    return found


def _title_case(tokens: list[str]) -> bool:
    long_words = [t for t in tokens if len(t) >= 4 and t.isalpha()]
    return len(long_words) >= 3 and sum(t[0].isupper() for t in long_words) / len(long_words) >= 0.7


def _german_name_run(tokens: list[str], index: int) -> bool:
    """Two capitalised words in a row (Boris Pistorius), not a number and its nouns (120 Millionen Kronen)."""
    def capitalised_word(token: str) -> bool:
        return token[0].isupper() and token.isalpha()  # not "T10": a code, not a name

    start = index
    while start > 0 and capitalised_word(tokens[start - 1]):
        start -= 1
    end = index
    while end + 1 < len(tokens) and capitalised_word(tokens[end + 1]):
        end += 1
    after_number = start > 0 and tokens[start - 1][0].isdigit()
    return end > start and start > 0 and not after_number


@functools.lru_cache(maxsize=64)
def _capitalised_words(source: str) -> frozenset[str]:
    return frozenset(w for w in words(source) if w[0].isupper())


def check_names(item: Item, source: str) -> CheckResult:
    source_words = _capitalised_words(source)
    unknown = sorted({name for part in (item.headline, *item.bullets) for name in names_in(part, item.lang)
                      if not any(same_name(name, known) for known in source_words)})
    if unknown:
        return CheckResult(check="names", passed=False, message=f"names not in the source: {', '.join(unknown)}")
    return passed("names")


_QUOTE_RE = re.compile(r"[\"“”„«»‚‘’]\s*([^\"“”„«»]{12,}?)\s*[\"“”«»]")


def check_quotes(item: Item, source: str, source_lang: str) -> CheckResult:
    """Quoted text in an item in the source's own language must be the source's words."""
    if item.lang != source_lang:
        return passed("quotes")
    flat = " ".join(words(source.lower()))
    invented = [q for q in _QUOTE_RE.findall(item.text()) if " ".join(words(q.lower())) not in flat]
    if invented:
        return CheckResult(check="quotes", passed=False, message=f"quote not in the source: \"{_clip(invented[0])}\"")
    return passed("quotes")


def check_consistency(items: list[Item]) -> dict[str, CheckResult]:
    """One article's items carry the same numbers in every language. The first item (the
    desk's first language) is the reference: the others are judged against it, so one
    language that drops or changes a number fails, not every language with it."""
    if not items:
        return {}
    numbers = {item.lang: {normalise_number(n) for n in _NUMBER_RE.findall(item.text())} for item in items}
    reference = items[0].lang
    results = {reference: passed("consistency")}
    for lang, own in list(numbers.items())[1:]:
        missing, extra = sorted(numbers[reference] - own), sorted(own - numbers[reference])
        problems = ([f"missing {', '.join(missing)}"] if missing else []) + ([f"extra {', '.join(extra)}"] if extra else [])
        results[lang] = CheckResult(check="consistency", passed=not problems,
                                    message=f"numbers differ from the {reference} item: {'; '.join(problems)}")
    return results
