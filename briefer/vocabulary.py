"""How common a word is in a language (wordfreq enters here only).

wordfreq's word lists as Python dicts cost ~50 MB per language. Each language's list is
written once to the cache as sorted `word<TAB>zipf×10` lines and then read through mmap
with a binary search: a lookup touches a few pages, and a run holds next to nothing.
"""

from __future__ import annotations

import functools
import mmap
import os
import re
import threading
from pathlib import Path

from .config import default_cache_dir

_FORMAT = 1  # bump when the file layout changes
_lock = threading.Lock()


class Vocabulary:
    def __init__(self, path: Path) -> None:
        with open(path, "rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)

    def zipf(self, word: str) -> float:
        """wordfreq's Zipf frequency (0 for a word it has never seen; 3 is once per million words)."""
        target = normal(word).encode("utf-8")
        key, value = self._first_from(target)
        return int(value) / 10 if key == target else 0.0

    def has_prefix(self, prefix: str, min_zipf: float = 0.0) -> bool:
        """Some word of the language starts with this (a declined form's stem), the first such
        word in sort order at least this common."""
        target = normal(prefix).encode("utf-8")
        key, value = self._first_from(target)
        return key.startswith(target) and int(value or 0) / 10 >= min_zipf

    def _first_from(self, target: bytes) -> tuple[bytes, bytes]:
        """The first line whose word sorts at or after target: (word, zipf×10)."""
        data, lo, hi = self._map, 0, len(self._map)
        found = (b"", b"0")
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", lo, mid)
            start = lo if start < 0 else start + 1
            end = data.find(b"\n", start)
            end = hi if end < 0 else end
            key, _, value = data[start:end].partition(b"\t")
            if key == target:
                return key, value
            if key < target:
                lo = end + 1
            else:
                found, hi = (key, value), start
        return found


def normal(word: str) -> str:
    """As wordfreq writes its words: case-folded (ß is ss), one apostrophe."""
    return word.casefold().replace("’", "'")


def _path(lang: str) -> Path:
    from importlib.metadata import version

    return default_cache_dir() / "vocabulary" / f"{lang}-wordfreq{version('wordfreq')}-v{_FORMAT}.txt"


def _build(lang: str, path: Path) -> None:
    from wordfreq import get_frequency_list

    lines = []
    for centibels, bucket in enumerate(get_frequency_list(lang, "large")):
        zipf = round((9 - centibels / 100) * 10)
        lines.extend(f"{word}\t{zipf}".encode("utf-8") for word in bucket if "\n" not in word and "\t" not in word)
    lines.sort(key=lambda line: line.split(b"\t", 1)[0])
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(b"\n".join(lines))
    os.replace(temporary, path)


@functools.cache
def vocabulary(lang: str) -> Vocabulary:
    """The language's vocabulary, built into the cache on first use (a second, once)."""
    with _lock:
        path = _path(lang)
        if not path.is_file():
            _build(lang, path)
        return Vocabulary(path)


def prepare() -> Path:
    """Every supported language's word list in the cache now (setup), not at a run's first check."""
    from .languages import SUPPORTED

    for lang in SUPPORTED:
        vocabulary(lang)
    return _path("en").parent


def zipf(word: str, lang: str) -> float:
    return vocabulary(lang).zipf(word)


@functools.cache
def _ukrainian_morphology():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


def known_form(word: str, lang: str) -> bool:
    """A form the language's dictionary knows, beyond the word lists: Ukrainian inflects
    so richly (розміщуватимуть) that wordfreq lacks many correct forms; pymorphy3's
    dictionary (~25 MB) has them, though not every feminine title (мерка, from мер)."""
    if lang != "uk":
        return False
    word = normal(word)
    if _ukrainian_morphology().word_is_known(word):
        return True
    feminine = re.match(r"(.{3,}?)(?:е?рк|к)(?:а|и|у|ою|ці|ам|ами|ах)$", word)
    return bool(feminine) and any(_ukrainian_morphology().word_is_known(base)
                                  for base in (feminine.group(1), feminine.group(1) + "р"))


_PROPER = {"Surn", "Name", "Patr", "Geox", "Orgn", "Trad"}


def proper_noun(word: str, lang: str) -> bool:
    """The dictionary knows the word as a name (Кличко: a surname), not a common word."""
    if lang != "uk":
        return False
    return any(_PROPER & set(parse.tag.grammemes) for parse in _ukrainian_morphology().parse(normal(word)))


@functools.lru_cache(maxsize=4096)
def german_compound(word: str, whole: bool = True) -> bool:
    """A German compound of known words (Inflationsausgleichsprämie, Friedensgespräche):
    two or more parts of four letters or more, joined bare or by s/es/n/en."""
    if not whole and zipf(word, "de") >= 2.0:
        return True
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        for link in ("", "s", "es", "n", "en"):
            stem = head[: len(head) - len(link)] if link else head
            if head.endswith(link) and _compound_part(stem) and german_compound(tail, False) and _compound_part(tail):
                return True
    return False


# Three-letter words that start or end so many compounds (Neu-, Not-, -rat) count as parts;
# articles and prepositions do not, or any garble would split.
_SHORT_PARTS = frozenset("neu alt not rat bau tag amt see weg zug bus rad fuß öko bio ost süd hof".split())


def _compound_part(part: str) -> bool:
    return (len(part) >= 4 and zipf(part, "de") >= 2.0) or part in _SHORT_PARTS
