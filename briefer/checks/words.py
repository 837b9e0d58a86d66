"""The vocabulary check: every word of an item is a word of its language (a known word,
one the language makes, a name of the source), and none is a word of the source's language
left untranslated."""

from __future__ import annotations

import functools
import re

from briefer.checks.source import Source, another_form, passed
from briefer.core.models import CheckResult, Item
from briefer.lang import institutions, languages, names, text
from briefer.lang.vocabulary import (
    cyrillic,
    german_compound,
    german_lowercase_compound,
    german_parts,
    known_form,
    near_miss,
    prefixed,
    unseen_form,
    zipf,
)

# ---- vocabulary: every word a word of the language, or the source's ----


def check_vocabulary(item: Item, source: Source) -> CheckResult:
    strange: list[str] = []
    untranslated: list[str] = []
    parts = [text.words(text.unquoted(part, single=True)) for part in (item.headline, *item.bullets)]
    for tokens in parts:
        strange.extend(word for index, word in enumerate(tokens) if not _a_word(word, index, item.lang, source))
        if source.lang != item.lang:
            untranslated.extend(_untranslated(tokens, item.lang, source, fine=False))
    if source.lang != item.lang and not untranslated:  # the one word a good translation left
        untranslated = [found for tokens in parts for found in _untranslated(tokens, item.lang, source, fine=True)]
    findings = []
    if strange:
        findings.append(f"not words of {languages.name(item.lang)}: {', '.join(dict.fromkeys(strange))}")
    if untranslated:
        phrases = list(dict.fromkeys(untranslated))
        more = f" and {len(phrases) - 5} more" if len(phrases) > 5 else ""
        findings.append(f"untranslated {languages.name(source.lang)} words: {', '.join(phrases[:5])}{more}")
    if findings:
        return CheckResult(check="vocabulary", passed=False, message="; ".join(findings))
    return passed("vocabulary")


def _a_word(word: str, index: int, lang: str, source: Source) -> bool:
    lowered = word.lower()
    if len(word) < 3 or not re.sub(r"[-'’ʼ]", "", word).isalpha():
        return True  # figures, codes, short words: other checks' business
    if lowered in source.words or lowered in languages.currency_words(lang):
        return True
    if zipf(lowered, lang) > 0:  # the list's rarest words hold garbles: marquié is marqué
        return not ((word[0].islower() or index == 0) and near_miss(lowered, lang))
    if (word[0].islower() or index == 0) and unseen_form(lowered, lang):
        return False
    if _currency_name(lowered, source):
        return True
    if lang != "de" and re.search(r"['’ʼ]", word) and known_form(lowered, lang):
        return True  # the apostrophe inside a word (Ukrainian п'ять), before the word is cut at it
    parts = [part for part in re.split(r"[-'’ʼ]", word) if part]
    if len(parts) > 1:
        return all(_a_word(part, index + (n > 0), lang, source) for n, part in enumerate(parts))
    if lang != source.lang and _hybrid(lowered, lang, source):
        return False  # Bahn+workers: neither language's word, capitalised or not
    if word[0].isupper() and any(names.same_name(word, n) for n in source.capitalised):
        return True  # a name of the source, declined or transliterated
    if word[0].isupper() and index > 0 and lang != "de":
        return True  # a capitalised word inside a sentence is a name: the names check's business
    if lang == "de" and word[0].isupper():  # a noun: Hunspell's own compounding takes Zins+über+Schluss
        return (
            german_compound(lowered)
            or prefixed(lowered, lang)
            or _loan(lowered, lang, source)
            or _source_term(lowered, lang, source)
            or (index > 0 and _name_abroad(lowered))
        )
    if lang == "de" and german_lowercase_compound(lowered):
        return True  # sonnen+synchronen; verbliebten is no compound
    return (
        known_form(lowered, lang)
        or _loan(lowered, lang, source)
        or _declined_source_word(lowered, lang, source)
        or _source_term(lowered, lang, source)
    )


def _name_abroad(word: str) -> bool:
    """A name German writes as the other languages do (Nouadhibou, a town in Mauritania): a
    German capital may be a noun, so being capitalised tells nothing, but the word lists of
    other languages have it, and none of their dictionaries knows it as a common word."""
    listed = [lang for lang in languages.SUPPORTED if lang != "de" and zipf(word, lang) >= _LISTED_ABROAD]
    return bool(listed) and not any(known_form(word, lang) for lang in listed)


_LISTED_ABROAD = 1.5  # Zipf: some ten times in a billion words of the language's text


def _hybrid(word: str, lang: str, source: Source) -> bool:
    """A word of the source glued to a word of the item's language, in either order
    (Hafen+workers): no word of either language, and no word or name of the source. The
    source's part is no word of the item's language (euro+zone is a word: `_theirs`), the
    item's part a common one."""
    if known_form(word, lang):
        return False
    for cut in range(3, len(word) - 2):
        for theirs, ours in ((word[:cut], word[cut:]), (word[cut:], word[:cut])):
            if theirs == word[:cut] and _NAME_CASE_ENDING.get(lang, _NO_ENDING).fullmatch(ours):
                continue
            if theirs in source.words and zipf(ours, lang) >= 3.0 and _theirs(theirs, lang, source.lang):
                return True
    return False


# The endings Polish and Ukrainian give a foreign surname declined as an adjective
# (Bonfanti: Bonfantiego, Bonfantiemu): no word glued to the name, though "ego" is one.
_NAME_CASE_ENDING = {"pl": re.compile(r"ego|emu|m|ch|mi"), "uk": re.compile(r"ого|ому|м|х|ми")}
_NO_ENDING = re.compile(r"(?!)")


def _theirs(word: str, lang: str, source_lang: str) -> bool:
    """A word of the source's language, not of the item's: the item's dictionary does not
    know it, and its word lists have it less (Bahn is in English news, as Deutsche Bahn)."""
    return zipf(word, source_lang) > zipf(word, lang) and not known_form(word, lang)


def _currency_name(word: str, source: Source) -> bool:
    """The name of a currency the source gives (as грн, zł or in words), in one of its
    spellings and numbers (grivna, grivne, zlotis): its stem is the stem of a name CLDR
    gives that currency in some language."""
    stems = _currency_stems(source.words, source.lang)
    return bool(stems) and _name_stem(word) in stems


@functools.lru_cache(maxsize=64)
def _currency_stems(words: frozenset[str], lang: str) -> frozenset[str]:
    codes = {code for word in words if (code := languages.currency_of(word, lang))}
    return frozenset(
        stem for code in codes for name in languages.currency_names(code) if len(stem := _name_stem(name)) >= 4
    )


def _name_stem(word: str) -> str:
    """A word without its ending, in Latin letters: grivnie, zlotys, złoty -> grivn, zlot."""
    return re.sub(r"(?:[aeiouy]+s?|s)$", "", names.transliterate(word))


# The endings a word of the source takes in the brief's language when it has no word of its
# own for the thing (трембіти: le trembite, гривень: grivne) or makes an adjective of it
# (слобідського: slobodienne).
_LOAN_ENDINGS = {
    "en": r"(?:ian|ians|s)?$",
    "de": r"(?:isch|ische|ischen|e|en|n|s)?$",
    "fr": r"(?:ienne|iennes|ien|iens|e|es|s)?$",
    "es": r"(?:iana|ianas|iano|ianos|a|as|o|os|es|s)?$",
    "it": r"(?:iana|iane|iano|iani|a|e|i|o)?$",
    "pl": r"(?:owy|owa|owe|owych|a|y|ie|ę|ą|om|ami|ach|ów)?$",
    "uk": r"(?:ський|ська|ські|ських|а|и|і|у|ою|ом|ові|ам|ами|ах|ів)?$",
}
# A Polish brief declines a foreign word it keeps (pembrolizumabem of an Italian source's
# pembrolizumab): the source's word whole, of seven letters or more, with a case ending.
_POLISH_CASE_ENDING = re.compile(rf"(?:{'|'.join(languages.POLISH_MASCULINE_CASE_ENDINGS)})$")


def _declined_source_word(word: str, lang: str, source: Source) -> bool:
    if lang != "pl" or source.lang == lang:
        return False
    stem = _POLISH_CASE_ENDING.sub("", word)
    return stem != word and len(stem) >= 7 and stem in source.words and not known_form(stem, lang)


def _source_term(word: str, lang: str, source: Source) -> bool:
    """A learned term of the source in the item's language's spelling (ornithopod, Ornithopode,
    ornitopode of ornitópodo): a long word of the source that its own language's text hardly
    writes, a cognate of the item's word; no garble of a word of the item's language."""
    if lang == source.lang or len(word) < 8 or near_miss(word, lang):
        return False  # in the source's own language, a cognate of its word is a garble of it
    return any(
        len(other) >= 8
        and abs(len(word) - len(other)) <= 2  # an ending of its own, no syllable slipped in (niwolumabiemem)
        and zipf(other, source.lang) < _RARE_TERM
        and names.cognate(word, other)
        for other in source.skeletons.get(names.skeleton(word)[:5], ())
    )


# Zipf: a word its language's text writes less than about once in ten million words.
_RARE_TERM = 2.0


def _loan(word: str, lang: str, source: Source) -> bool:
    """A word of a source in the other script, written in the brief's letters with its
    ending: the stem (five letters at least) sounds like the start of a source word, by
    three consonants or more. Only across scripts, where no garble of a cognate can pass."""
    if cyrillic(word) == cyrillic(source.flat[:200]):
        return False
    stem = re.sub(_LOAN_ENDINGS.get(lang, "$"), "", word, count=1)
    key = names.sound_key(stem)
    if len(stem) < 5 or len(key) < 3:
        return False
    if any(names.sound_key(other).startswith(key) for other in source.words if len(other) >= len(stem) - 1):
        return True
    # a term of the source spelt by ear (реблошон of reblochon): a rare word there, which has no
    # word of its own elsewhere (an everyday one does: публічного is no publicnego), and no word
    # of the item's language with a letter slipped in (платникків, like the source's płatników)
    return not near_miss(word, lang) and any(
        names.same_name(word, singular)
        for other in _rare_words(source.words, source.lang)
        if abs(len(other) - len(word)) <= 3
        for singular in {other, other.removesuffix("s")}  # reblochons: one реблошон
    )


@functools.lru_cache(maxsize=64)
def _rare_words(words: frozenset[str], lang: str) -> tuple[str, ...]:
    """A source's words its language's text writes less than every day: its terms."""
    return tuple(word for word in words if len(word) >= 5 and word.isalpha() and zipf(word, lang) < _EVERYDAY)


def _untranslated(tokens: list[str], lang: str, source: Source, fine: bool) -> list[str]:
    """Words of the source left in another language's item ("une betrayal", "на початку
    peace talks"): lower case in the item (so no name, no acronym), the source's words, and
    not words of the item's language by its dictionary (a loanword such as manager, Internet
    is). Each run of such words is named as one phrase, with a capitalised source word next
    to it when the source has the two together ("European powers"). `fine` looks for the one
    word a good translation left (sobota, les ménages), only when nothing plainer is found,
    so an item left in the source's language is named as before (a re-ask names it so)."""
    foreign = [
        _foreign(token, lang, source, fine)
        or _german_noun(tokens, index, lang, source)
        or (
            _capitalised_in_german(token, lang, source)
            and not _title_of_a_name(tokens, index, source)
            and not _in_a_declined_name(tokens, index, source)
        )
        for index, token in enumerate(tokens)
    ]
    for index in range(len(tokens) - 1):
        if fine and _source_phrase(tokens, index, lang, source):
            foreign[index] = foreign[index + 1] = True
    if not any(foreign):
        return []
    for index, token in enumerate(tokens[:-1]):
        if not foreign[index] and foreign[index + 1] and token[:1].isupper():
            pair = f"{token} {tokens[index + 1]}".lower()
            foreign[index] = pair in source.flat and not _word_of(token.lower(), lang)  # "European" before "powers"
    for start, end in _names_with_small_words(tokens, source):
        foreign[start:end] = [False] * (end - start)
    found, run = [], []
    for token, alien in zip([*tokens, ""], [*foreign, False]):
        if alien:
            run.append(token)
        elif run:
            found.append(" ".join(run))
            run = []
    return found


def _names_with_small_words(tokens: list[str], source: Source) -> list[tuple[int, int]]:
    """Spans of the item that are a name of the source holding small words (Maison des
    marées, Cité de la voile, Alpage des Aravis): a capitalised word the source writes so,
    a small word of the source's language (de, des, della), and more words, all as the
    source has them together. A name is kept, not translated; "European powers" has no
    small word and is no name. Or a name that closes with a capital (Union agricole du
    Berry)."""
    spans = []
    for start, token in enumerate(tokens):
        if not token[:1].isupper() or token not in source.capitalised:
            continue
        closed = _closed_name(tokens, start, source)
        if closed:
            spans.append((start, closed))
            continue
        end = start + 1
        while end < len(tokens) and end - start <= 3 and _small_word(tokens[end], source.lang):
            end += 1
        if end == start + 1:
            continue
        while end < len(tokens) and tokens[end].lower() in source.words:
            if " ".join(tokens[start : end + 1]).lower() not in source.flat:
                break
            end += 1
        if end > start + 2 and not _small_word(tokens[end - 1], source.lang):
            spans.append((start, end))
    return spans


def _closed_name(tokens: list[str], start: int, source: Source) -> int:
    """The end of a name of the source that opens and closes with a capital and holds a
    small word and one other lowercase word at most between (Union agricole du Berry), all
    as the source writes them together, inside the item's sentence; 0 if none starts here.
    Not for a German source, whose nouns are capitals too (Bahn streikt ab Montag), nor small
    words alone (GDL und der Deutschen Bahn: German left untranslated)."""
    if source.lang == "de" or start == 0:
        return 0
    for end in range(min(len(tokens), start + 5), start + 2, -1):
        lower = [word for word in tokens[start + 1 : end - 1] if word[:1].islower()]
        small = [word for word in lower if _small_word(word, source.lang)]
        if (
            tokens[end - 1][:1].isupper()
            and small
            and len(lower) - len(small) == 1
            and " ".join(tokens[start:end]).lower() in source.flat
        ):
            return end
    return 0


def _small_word(word: str, lang: str) -> bool:
    """An article, preposition or the like: short and among the language's most frequent."""
    return len(word) <= 5 and word[:1].islower() and zipf(word, lang) >= 5.0


def _foreign(word: str, lang: str, source: Source, fine: bool) -> bool:
    """A word of the source's language, left as it is or in another of its forms: not a
    word of the item's language, or one its word lists have only from the source's
    language's names and quotes (sobota in German text: a surname, a place), which its
    dictionary does not know. A word the
    source's own language rarely writes and its dictionary lacks is a term translators
    keep (a Canary boat, cayuco; a bacterium's Latin name, cepacia), not an untranslated
    word of that language."""
    if len(word) < 3 or not word[0].islower() or not word.isalpha():
        return False  # source.words are lowercase: a name or an acronym is not looked at
    if not fine and word not in source.words:
        return False
    if _word_of(word, lang) and (
        not fine or zipf(word, source.lang) - zipf(word, lang) < _FAR_MORE_THEIRS or known_form(word, lang)
    ):
        return False
    if not _word_of(word, source.lang):
        return False
    if zipf(word, lang) >= _WRITTEN_AS_IT_IS and zipf(word, source.lang) < _EVERYDAY:
        return False  # a term the item's language writes as it is (reblochon, tomme in English)
    return word in source.words or another_form(word, source)


# Zipf units: a word the item's language's text holds as it is (about once in a hundred
# million words), and one of the source's language's everyday words.
_WRITTEN_AS_IT_IS = 1.0
_EVERYDAY = 3.0


# Zipf units: a word some thirty times as frequent in the source's language as in the item's.
_FAR_MORE_THEIRS = 1.5


def _source_phrase(tokens: list[str], index: int, lang: str, source: Source) -> bool:
    """An article or preposition of the source's language opening a phrase copied from the
    source ("les ménages" in English): the pair stands so in the source, the small word is
    among its language's most frequent and a hundred times rarer in the item's (whose
    dictionary may list it for a borrowed phrase: les, der), the next word is the source
    language's more than the item's."""
    if index + 1 >= len(tokens):
        return False
    word, following = tokens[index], tokens[index + 1]
    if not (word.isalpha() and following.isalpha() and word.islower() and following.islower()):
        return False
    if f"{word} {following}" not in source.flat or len(following) < 3:
        return False
    small = zipf(word, source.lang) >= 5.5 and zipf(word, source.lang) - zipf(word, lang) >= 2.0
    return small and zipf(following, source.lang) > zipf(following, lang)


def _capitalised_in_german(token: str, lang: str, source: Source) -> bool:
    """A common word of a foreign source left in a German item, capitalised there as German
    writes nouns ("Verlangen einer Peace Deal"): the source writes it in lower case only, the
    German dictionary does not know it, and it is far more frequent in the source's language
    (word lists of German text hold English words: peace, secretary)."""
    if lang != "de" or source.lang == "de" or not token[:1].isupper() or len(token) < 4 or not token.isalpha():
        return False
    lowered = token.lower()
    if token.isupper():
        return False  # an acronym (AIFA, INPS): a body's name, the names check's
    if lowered not in source.words or token in source.capitalised or known_form(lowered, "de"):
        return False
    return zipf(lowered, source.lang) - zipf(lowered, "de") >= _MORE_FOREIGN


def _title_of_a_name(tokens: list[str], index: int, source: Source) -> bool:
    """The source's word for a kind of place standing as the title of a place it names
    (Massif des Maures, Département Var): German keeps it so as part of the name. The name
    follows, perhaps after a small word of the source's language (des, de la), and the
    source writes it capitalised after a lower-case word, so not only opening a sentence."""
    following = index + 1
    while following < len(tokens) and following - index <= 2 and _small_word(tokens[following], source.lang):
        following += 1
    if following >= len(tokens) or not tokens[following][:1].isupper():
        return False
    name = tokens[following]
    if name not in source.capitalised:
        return False
    return any(before[:1].islower() for before in re.findall(rf"(\w+)[,;]?\s+{re.escape(name)}\b", source.body))


def _in_a_declined_name(tokens: list[str], index: int, source: Source) -> bool:
    """A word of a several-word name the source gives declined (Wielka Krokiew for na
    Wielkiej Krokwi, Nowa Huta for w Nowej Hucie): with the capital beside it, another form
    of two capitals the source writes side by side in that order."""
    pairs = [(tokens[index - 1], tokens[index])] if index > 0 else []
    pairs += [(tokens[index], tokens[index + 1])] if index + 1 < len(tokens) else []
    written = text.words(source.body)
    named = [(a, b) for a, b in zip(written, written[1:]) if a[:1].isupper() and b[:1].isupper()]
    return any(
        first[:1].isupper() and second[:1].isupper() and _form_of(first, a) and _form_of(second, b)
        for first, second in pairs
        for a, b in named
    )


def _form_of(word: str, other: str) -> bool:
    """Two forms of one word: all but their last three letters alike, three at least."""
    a, b = word.lower(), other.lower()
    return names.common_prefix(a, b) >= max(3, min(len(a), len(b)) - 3)


_MORE_FOREIGN = 1.0  # Zipf units: ten times as frequent in the source's language as in German


def _german_noun(tokens: list[str], index: int, lang: str, source: Source) -> bool:
    """A common noun of a German source left in another language's item ("Hochwasser en
    Passau"): German capitalises every noun and a headline's first word is capitalised
    anyway, so its capital makes it no name. It is a name when two languages that write
    nouns in lower case know it only capitalised or the German dictionary does not know it
    (the story key's rule, names.german_name), when it names a place, when the item's
    language writes it often enough to know it (Passau, Donau), when the source uses it
    as a name (`_german_common_noun`), or when it stands in a run of capitals the source
    writes as a run (Deutsche Bahn, Technische Hilfswerk)."""
    token = tokens[index]
    if source.lang != "de" or not token[:1].isupper() or not token.isalpha() or len(token) < 4:
        return False
    if token not in source.capitalised or names.is_acronym(token) or names.german_name(token):
        return False
    if _german_body(token) or _always_before_a_place(token, source):
        return False
    if names.place_concepts(token) or zipf(token.lower(), lang) >= _KNOWN_ABROAD or _word_of(token.lower(), lang):
        return False
    if not _german_common_noun(token, source):
        return False
    return not any(
        0 <= other < len(tokens)
        and tokens[other][:1].isupper()
        and tokens[other] in source.capitalised
        and " ".join(tokens[min(index, other) : max(index, other) + 1]).lower() in source.flat
        for other in (index - 1, index + 1)
    )


def _german_body(token: str) -> bool:
    """A federal or state body's German name (Bundeskartellamt, Landesamt): kept as a name."""
    parts = german_parts(token)
    return len(parts) >= 2 and parts[0] in ("bundes", "landes") and parts[-1] in institutions.GERMAN_BODY_HEADS


def _always_before_a_place(token: str, source: Source) -> bool:
    """A German word the source writes only as the first word of a place's name (Kunsthaus
    Zürich, Kunsthalle Bremen): a name, which other presses keep."""
    following = re.findall(rf"\b{re.escape(token)}\b(?:\s+(\w+))?", source.body)
    return bool(following) and all(word[:1].isupper() and names.cities_named(word) for word in following)


def _german_common_noun(token: str, source: Source) -> bool:
    """How the source uses a capital the dictionary knows: a common noun takes an article
    or a determiner (das Hochwasser, die neue Feuerwehr), or stands only in the title,
    which drops them (Bahnstreik beendet); a town's name, a compound of words as well
    (Reinsdorf, Ludwigsburg), stands bare after a preposition (in Reinsdorf)."""
    # no preposition right before: "den in Garching ausgesandten" has a town after its "in"
    between = rf"(?:(?:\s+[a-zäöüß]+)?\s+(?!(?:{_GERMAN_PREPOSITIONS})\s)[a-zäöüß]+)?"
    determined = rf"\b(?i:{_GERMAN_DETERMINERS}){between}\s+{re.escape(token)}\b"
    return re.search(determined, source.body) is not None or token not in text.words(source.body)


_GERMAN_DETERMINERS = "|".join(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines "
    "dieser diese dieses diesen diesem jeder jede jedes jeden jedem sein seine seinen seinem seiner "
    "ihr ihre ihren ihrem ihrer unser unsere unseren unserem".split()
)


_GERMAN_PREPOSITIONS = "|".join(
    "in im aus nach von vom bei beim zu zum zur an am auf für mit über unter vor hinter neben "
    "zwischen durch gegen ohne um bis seit ab".split()
)


# How often the item's language must write a German capital for it to count as a name it
# knows (Passau 1.6 in Spanish, Donau 1.3-1.8): German nouns left in text run lower
# (Feuerwehr 1.0 in French, Hochwasser 0).
_KNOWN_ABROAD = 1.5


@functools.lru_cache(maxsize=4096)
def _word_of(word: str, lang: str) -> bool:
    """A word of the language: its dictionary knows it, or the language's own text uses it
    often (ebitda in Spanish business news)."""
    if cyrillic(word) != (lang in languages.CYRILLIC):
        return False
    return zipf(word, lang) >= 2.0 or known_form(word, lang) or (lang == "de" and german_compound(word))
