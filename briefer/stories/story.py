"""What the memory keeps of an article's story: its key names and its figures.

A name is the words that are names, joined while only a space parts them (Kadri Saar,
European Central Bank), kept as its words' sound keys so one name in any script or
inflection has one key (Kadri Saar and Кадрі Саар are "KTR SR"). A surname alone stands for
the full name it belongs to. Dates and times are left out: tomorrow's article has
tomorrow's, which is nothing new.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from briefer.core.models import Article
from briefer.lang import languages
from briefer.lang.names import names_in, sound_key
from briefer.lang.text import figures, without_addresses, without_dates

KEY_LETTERS = 5  # sound-key classes kept per word: inflected endings (Pistoriusowi) mostly fall past them
MAX_NAMES = 40  # the most mentioned names are the story's key names; the rest would only grow the memory
MAX_NUMBERS = 60


@dataclass(frozen=True)
class StoryFacts:
    key: str  # stable for the same names and figures; a new story is remembered under it
    names: frozenset[str]  # name keys ("KTR SR")
    numbers: frozenset[str]  # figures by value, scale applied: "126 million" -> "126000000"
    title: str
    written: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # (name key or value, as written)

    def shown(self, keys: set[str]) -> tuple[str, ...]:
        """These names or figures as the article writes them, in its order."""
        return tuple(text for key, text in self.written if key in keys)


def story_facts(article: Article) -> StoryFacts:
    text = without_dates(without_addresses(f"{article.title}\n{article.text}"), article.lang)
    names = _key_names(text, article.lang)
    numbers: dict[str, str] = {}
    for figure in figures(text, article.lang):
        numbers.setdefault(format(figure.scaled.normalize(), "f"), figure.raw)
    numbers = dict(list(numbers.items())[:MAX_NUMBERS])
    basis = " ".join(sorted(names)) + "|" + " ".join(sorted(numbers)) if names or numbers else article.title
    return StoryFacts(
        key=hashlib.sha256(basis.encode()).hexdigest()[:16],
        names=frozenset(names),
        numbers=frozenset(numbers),
        title=article.title,
        written=(*names.items(), *numbers.items()),
    )


def same_name(a: str, b: str) -> bool:
    """Two name keys for one name, written in full or in part: Lindqvist ~ Henrik Lindqvist ~
    Генрік Ліндквіст; Nora Petrova and Bruno Petrova are two people."""
    shorter, longer = sorted((a.split(), b.split()), key=len)
    return shorter[-1] == longer[-1] and set(shorter) <= set(longer)


def facts_json(facts: StoryFacts) -> dict:
    """An article's `story` in briefing.json, from which a lost memory is rebuilt."""
    return {"key": facts.key, "title": facts.title, "names": sorted(facts.names), "numbers": sorted(facts.numbers)}


def facts_from_json(document: dict) -> StoryFacts:
    return StoryFacts(
        key=str(document["key"]),
        title=str(document.get("title", "")),
        names=frozenset(map(str, document.get("names", ()))),
        numbers=frozenset(map(str, document.get("numbers", ()))),
    )


def _key_names(text: str, lang: str) -> dict[str, str]:
    """{name key: the name as first written in full}, the most mentioned first."""
    mentions = _mentions(text, lang)
    full: dict[str, str] = {}
    for key, _ in sorted(mentions, key=lambda mention: -len(mention[0].split())):
        full.setdefault(key, next((longer for longer in full if same_name(key, longer)), key))
    written: dict[str, str] = {}
    for key, name in mentions:
        if full[key] == key:
            written.setdefault(key, name)
    counts = Counter(full[key] for key, _ in mentions)
    return {key: written[key] for key, _ in counts.most_common(MAX_NAMES)}  # ties keep the order written


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")  # a word as text.words reads it
_POSSESSIVE = re.compile(r"['’]s$")
_SPACES = (" ", "\u00a0")


def _mentions(text: str, lang: str) -> list[tuple[str, str]]:
    """Every mention of a name, as (its key, as written). A possessive ends a name (Tartu's)."""
    calendar = languages.calendar_words(lang)
    is_name = {word for word in names_in(text, lang, proper=True) if word.lower() not in calendar}
    mentions: list[tuple[str, str]] = []
    keys: list[str] = []
    start = end = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if keys and (word not in is_name or text[end : match.start()] not in _SPACES):
            mentions.append((" ".join(keys), text[start:end]))
            keys = []
        plain = _POSSESSIVE.sub("", word)
        key = sound_key(plain)[:KEY_LETTERS] if word in is_name else ""
        if not key:
            continue
        start = start if keys else match.start()
        keys.append(key)
        end = match.start() + len(plain)
        if plain != word:
            mentions.append((" ".join(keys), text[start:end]))
            keys = []
    if keys:
        mentions.append((" ".join(keys), text[start:end]))
    return [(key, name) for key, name in mentions if len(key.replace(" ", "")) >= 2]
