"""The names check: every proper name of an item renders a name, body, place or people of
its source, or is a common word of the item's language capitalised; a capital after a first
name the source gives a person is the source's surname."""

from __future__ import annotations

import functools
import re
import statistics

from briefer.checks.source import LATIN, Source, a_german_word, another_form, bare, common_word, passed
from briefer.core.models import CheckResult, Item
from briefer.lang import figure_words, gazetteer, institutions, languages, names, regions, text
from briefer.lang.names import common_prefix
from briefer.lang.vocabulary import (
    common_lowercase,
    has_plural,
    in_dictionary,
    noun,
    zipf,
)


def known_name(name: str, lang: str, source: Source, alone: bool = True) -> bool:
    """alone: the name stands beside no other capital foreign to its language (Société
    Générale is one name, a loanword beside another)."""
    name = bare(name)
    lowered = name.lower()
    fuzzy = lang != source.lang  # an exonym or a transliteration may stray by a sound (Danzica ~ Gdańsk)
    if "-" in name and not any(
        _whole(name, known) and names.same_name(name, known, fuzzy) for known in source.capitalised
    ):
        return (
            any(names.same_compound(name, known) for known in source.capitalised if "-" in known)
            or bool(names.place_concepts(name) & source.places)  # Royaume-Uni
            or _known_parts(name, lang, fuzzy, source)
            or _translates(name.replace("-", ""), lang, source)  # Anti-Monopoly for антимонопольний
            or _a_region_named(name, source)  # Saxony-Anhalt for Sachsen-Anhalt
        )
    concept = institutions.ACRONYM_CONCEPTS.get(name.upper()) if len(name) <= 5 else None
    concept = institutions.INSTITUTION_WORDS.get(lowered, concept)
    if concept is not None:
        return concept in source.institutions or _a_country_named(concept, source) or _spelt_out(name, source)
    if lowered in source.words or lowered in figure_words.UNITS or lowered in languages.currency_codes():
        return True
    if lowered in figure_words.NAMED_UNITS:
        return True  # Celsius, Elo: a unit the brief names, not a person
    if lang == "de" and another_form(lowered, source):
        return True  # German capitalises a noun it keeps from the source (Tomme of tommes de Savoie)
    if source.lang == "pl" and _make_in_lower_case(lowered, source):
        return True  # a make Polish writes in lower case and declines (skodą fabią), other languages capitalise
    if lowered in _currency_words():
        return True  # a currency's name is a common noun (Zloty, Hrywnja); the numbers check holds its amounts
    if lang == "de" and alone and _loanword(lowered):
        return True  # Offshore, Département, Chef: a common word of English or French that German writes
    if lowered.rstrip(".") in languages.calendar_words(lang) or lowered in languages.language_words(lang):
        return True
    if len(lowered) > 5 and lowered.endswith("s") and lowered[:-1] in languages.calendar_words(lang):
        return True  # a weekday in the plural ("late on Fridays")
    if names.cities_named(name) & source.cities:
        return True  # a city the source names, by its name in the brief's language (Breslavia for Wrocław)
    places = names.place_concepts(name)
    if places and _declined_common_word(lowered, lang, places):
        places = frozenset()  # Islands (Canary Islands) is no form of Island (Iceland): a word of English
    if places and not places & source.places and not any(names.same_name(name, k) for k in source.capitalised):
        # a place the source names in none of its names: no sound-alike or cognate stands for
        # it; its people the source may name (бразильський: Brazylijczyk)
        return _demonym(lowered, lang) and bool(names.people_of(name) & _peoples_named(name, source))
    if any(
        names.same_name(name, known, fuzzy) and _a_name_abroad(known, fuzzy, source) for known in source.capitalised
    ):
        return True
    if any(known_name(place, lang, source) for place in _adjective_places(name, lang)):
        return True  # Мадридському of the source's Madrid, Bolońskiego of its Bologna
    if fuzzy and any(names.exonym(name, known) or names.calque(name, known) for known in source.lone):
        return True
    if fuzzy and _a_region_named(name, source):
        return True
    if fuzzy and any(names.same_name(name, place, True) for place in _adjective_places_of(source)):
        return True  # Sumy for the source's Сумській: a stem too short to sound like the adjective
    if places:
        return bool(places & source.places)
    if _italian_acronym(name, lang) and _spelt_out(name.upper(), source):
        return True  # Avs for Alleanza Verdi e Sinistra: Italian writes an acronym as a word
    if names.is_acronym(name):
        return (
            _spelt_out(name, source)
            or _class_noun(name, lang)
            or _translated_acronym(name, lang, source)
            or _compound_initials(name, source)
        )
    if _demonym(lowered, lang) and names.people_of(name) & (source.places | _peoples_named(name, source)):
        return True  # a people or its adjective (Finns, Holendrzy) of a country the source names or its people
    if (
        lang == "de"
        and a_german_word(lowered)
        and (not names.international(lowered) or has_plural(name, lang))
        and not names.named_abroad(name)
    ):
        return True  # a German noun: rare in the other languages, or one with a plural (Album: Alben); no name (Mario)
    return _translates(name, lang, source) or common_word(lowered, lang)


_POLISH_CASE_ENDINGS = frozenset(languages.POLISH_MASCULINE_CASE_ENDINGS + languages.POLISH_FEMININE_CASE_ENDINGS)


def _make_in_lower_case(lowered: str, source: Source) -> bool:
    """A name the Polish source writes only in lower case and declined, as Polish writes a
    make of car (zderzył się ze skodą: Skoda): the source's word is the name's stem and a
    case ending. A person or a place the source capitalises never passes this way."""
    for cut in (len(lowered), len(lowered) - 1):
        stem = lowered[:cut]
        if len(stem) < 4:
            continue
        for word in source.words:
            if word != lowered and word.startswith(stem) and word[cut:] in _POLISH_CASE_ENDINGS:
                if not re.search(rf"(?<!\w){re.escape(word[:1].upper() + word[1:])}(?!\w)", source.body):
                    return True
    return False


def _a_region_named(name: str, source: Source) -> bool:
    """A region the source names, by a name that sounds like one it has in another language
    (Saxony and Sajonia sound like the Polish Saksonia of the source's Sachsen): the data names
    regions in their own language and a few others, not in every one."""
    places = gazetteer.place_concepts()
    return any(
        names.same_name(name, form, True)
        for concept in source.places
        if concept.startswith("R:")
        for form in places.get(concept, ())
    )


@functools.cache
def _currency_words() -> frozenset[str]:
    return frozenset().union(*(languages.currency_words(lang) for lang in languages.SUPPORTED))


def _loanword(lowered: str) -> bool:
    """A German capital borrowed as a common noun: German writes it (its word lists have
    it), and English or French knows it in lower case (Offshore, Département, Chef). A
    name is written capitalised everywhere (Bremen, Caritas)."""
    if lowered.endswith("s") and _loanword(lowered[:-1]):
        return True  # its genitive (des Départements), rarer than the noun itself
    return zipf(lowered, "de") >= 2.5 and common_lowercase(lowered, ("en", "fr"))


# A Ukrainian or Polish adjective of a place (Мадридському, Люблінської, Bolońskiego,
# Warszawskiej): its suffix and ending.
_PLACE_ADJECTIVE = {
    "uk": re.compile(r"(?<=.{3})(?:ськ|зьк|цьк)(?:ий|а|е|ого|ої|ому|им|их|ими|ій|у|ою|і|ім)$"),  # Сумській: Суми
    "pl": re.compile(rf"(?<=.{{3}})(ń|)(?:sk|ck)(?:{regions.POLISH_ADJECTIVE_ENDINGS})$"),
}
# The endings a Polish place's name may have lost to its adjective (Bolonia: Boloński,
# Warszawa: warszawski, Gdańsk: gdański).
_POLISH_PLACE_ENDINGS = ("", "a", "o", "y", "e")


def _adjective_places_of(source: Source) -> tuple[str, ...]:
    return _adjective_stems(source.capitalised, source.lang)


@functools.lru_cache(maxsize=64)  # one article is checked in every language
def _adjective_stems(capitalised: tuple[str, ...], lang: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(place for word in capitalised for place in _adjective_places(word, lang)))


def _adjective_places(name: str, lang: str) -> tuple[str, ...]:
    """The places an adjective may be made of (Мадридському -> Мадрид; Bolońskiego ->
    Bolonia, Bolońsk)."""
    pattern = _PLACE_ADJECTIVE.get(lang)
    match = pattern.search(name) if pattern else None
    if match is None:
        return ()
    stem = name[: match.start()]
    if lang == "uk":
        return (stem,)
    if match.group(1):  # ń: Bolo-ń-ski of Bolo-ni-a, Gda-ń-ski of Gda-ń-sk
        return (stem + "nia", stem + "ń", stem + "ńsk")
    return tuple(stem + ending for ending in _POLISH_PLACE_ENDINGS)


def _a_name_abroad(known: str, fuzzy: bool, source: Source) -> bool:
    """A German source's capital that another language may render by its sound: a name
    (Ludwigsburg, Bundestag), not a German noun, one the dictionary declines in the plural
    (Stadträte is no Штутгарта)."""
    return not fuzzy or source.lang != "de" or names.named_abroad(known) or not has_plural(known, "de")


def _declined_common_word(lowered: str, lang: str, places: frozenset[str]) -> bool:
    """A common word of the brief's language that only looks like a place's name declined:
    no place has it as a form, and the language's dictionary knows it in lower case."""
    if lang in languages.CYRILLIC:  # its dictionary knows Франції in lower case too
        return False
    table = gazetteer.place_concepts()
    return not any(lowered in table.get(place, ()) for place in places) and common_lowercase(lowered, (lang,))


_ERAS = frozenset({"AD", "BC", "BCE", "CE"})  # an era after a year (AD 62) names nothing


def _not_a_name(token: str, part: str) -> bool:
    """Capitals that name nothing: a Roman numeral that counts (II kwartał, XIII secolo), a
    figure after an elided preposition (All'11ª edizione), an era (AD), or a unit's symbol
    right after a figure (420 GB, 12 MW)."""
    if (_ROMAN.match(token) and text.roman_numerals(token)) or bare(token)[:1].isdigit() or token in _ERAS:
        return True
    return any(match.group(1) == token for match in _UNIT_AFTER_FIGURE.finditer(part))


def _peoples_named(name: str, source: Source) -> frozenset[str]:
    """The countries whose people the source names by a lowercase word of its own language
    (an adjective: бразильський) that opens as the item's word does, five letters alike
    (Brazylijczyk): no place's name, which the source would write capitalised."""
    opening = names.transliterate(name)[:5]
    return frozenset().union(
        *(
            names.people_of(word)
            for word in source.words
            if names.transliterate(word)[:5] == opening
            and word.capitalize() not in source.capitalised
            and _demonym(word, source.lang)
        )
    )


def _demonym(word: str, lang: str) -> bool:
    """A word for a people or its adjective is a word of its language (Finns, Holendrzy,
    Danois), not of every language as a first name is (Daniel, Mario: a person the source
    may never name)."""
    here = zipf(word, lang)
    plain = names.transliterate(word)
    others = [zipf(plain if lang in languages.CYRILLIC else word, other) for other in LATIN if other != lang]
    if here < 2.5:  # rare (Brazylijczyka, Kenijczyk): its dictionary knows it, and no other language does
        return here > 0 and not any(others) and in_dictionary(word, lang)
    return here - statistics.median(others) >= 1.0


def _spelt_out(acronym: str, source: Source) -> bool:
    """An acronym whose letters are the initials of a name the source spells out, in the
    source's words or translated word by word (NBP for Narodowy Bank Polski, ESA for Agenzia
    Spaziale Europea), or the source's own acronym in another script (ЄІБ for EIB)."""
    return names.is_acronym(acronym) and names.initials_key(acronym) in source.initials


def _italian_acronym(name: str, lang: str) -> bool:
    """An acronym the Italian press writes as a word (Pd, Avs, Inps): short, one capital, no
    Italian word."""
    return lang == "it" and 2 <= len(name) <= 5 and name[1:].islower() and not in_dictionary(name.lower(), lang)


def _translated_acronym(acronym: str, lang: str, source: Source) -> bool:
    """A national body's acronym translated with its country (СДПН for SPD, АдН for AfD:
    Соціал-демократична партія Німеччини, Альтернатива для Німеччини): its capitals'
    initials are those of a source acronym once the country's initial, in the brief's
    language and in the source's, is set aside on either side."""
    mine = _capital_initials(acronym)
    countries = [place for place in source.places if place.startswith("T:")]
    for known in source.capitalised:
        if not (2 <= len(known) <= 6 and names.is_acronym(known)):
            continue
        theirs = _capital_initials(known)
        if abs(len(theirs) - len(mine)) > 1:
            continue
        for country in countries:
            here, there = _country_initial(country, lang), _country_initial(country, source.lang)
            if {mine, mine.replace(here, "", 1)} & {theirs, theirs.replace(there, "", 1)} - {""}:
                return True
    return False


def _compound_initials(acronym: str, source: Source) -> bool:
    """An acronym of a name of the source written as one word or hyphenated, by the initials
    of the words it is made of, as a brand or a region writes it (IC for Intercity:
    Inter+city; NRW for Nordrhein-Westfalen: Nord+rhein+Westfalen): each part of the name
    opens with its letter, and each later part of one word is a word of some language."""
    if not 2 <= len(acronym) <= 5 or not acronym.isupper():
        return False
    letters = acronym.lower()
    return any(
        _spells(letters, [part.lower() for part in known.split("-") if part])
        for known in source.capitalised
        if len(known) >= 7 and all(part[1:].islower() for part in known.split("-") if part)
    )


def _spells(letters: str, parts: list[str]) -> bool:
    """The letters are the initials of the parts, each part cut into one or more words."""
    if not parts:
        return not letters
    if not letters or parts[0][:1] != letters[0]:
        return False
    word, rest = parts[0], parts[1:]
    if _spells(letters[1:], rest):
        return True
    return any(
        _spells(letters[1:], [word[cut:], *rest]) for cut in range(3, len(word) - 2) if _a_word_anywhere(word[cut:])
    )


def _a_word_anywhere(word: str) -> bool:
    return any(zipf(word, lang) >= 3.0 for lang in LATIN)


def _capital_initials(acronym: str) -> str:
    """An acronym's capitals in Latin, sorted: the initials of its main words (АдН -> an)."""
    return "".join(sorted(names.initial(letter) for letter in acronym if letter.isupper()))


@functools.lru_cache(maxsize=1024)
def _country_initial(country: str, lang: str) -> str:
    """The initial of a country's name in a language: its most frequent one-word name there
    written in the language's script (T:DE: de d, uk н -> n)."""
    cyrillic = lang in languages.CYRILLIC
    forms = [
        form
        for form in gazetteer.place_concepts().get(country, ())
        if " " not in form and any("\u0400" <= ch <= "\u04ff" for ch in form) == cyrillic
    ]
    return names.initial(max(forms, key=lambda form: zipf(form, lang))) if forms else ""


def _class_noun(name: str, lang: str) -> bool:
    """A common noun written as an acronym, no one body: a plural (MPs, NGOs), or one the
    dictionary declines in the plural (ДТП, ККД; not СБУ)."""
    return (name.endswith("s") and names.is_acronym(name[:-1]) and zipf(name.lower(), lang) >= 3.0) or has_plural(
        name, lang
    )


def _translates(name: str, lang: str, source: Source) -> bool:
    """A word of a descriptive translation: a cognate of a word of the source (Social for
    Sozialdemokraten, Socjaldemokraci for Sozialdemokraten). A short shared stem counts only
    for a word of the brief's language (Social), not for a name (Reggio is no regione)."""
    if len(name) < 5:
        return False
    # a word of the language, not a name its dictionary knows only capitalised (Milano)
    stem = names.skeleton(name)
    # (or, but for German which capitalises its nouns, one its dictionary knows in lower case)
    known_lower = zipf(name.lower(), lang) >= 3.0 or (lang != "de" and in_dictionary(name.lower(), lang))
    word_of_lang = known_lower and (lang == "de" or not noun(name, lang))
    return any(
        names.cognate(name, word) and (word_of_lang or common_prefix(stem, names.skeleton(word)) >= 7)
        for word in source.skeletons.get(stem[:5], ())
    )


def _known_parts(name: str, lang: str, fuzzy: bool, source: Source) -> bool:
    """Each part of a hyphenated name known; in a place name with particles (Пуент-дю-Ра for
    la pointe du Raz) a part may sound like a lowercase word of the source, beside one that
    is a name of it."""
    parts = [part for part in name.split("-") if part]
    spelt = [part for part in parts if _spells_abbreviation(part, source)]
    if len(spelt) < len(parts) and all(part in spelt or known_name(part, lang, source) for part in parts):
        return True
    named = [part for part in parts if not _particle(part)]
    return (
        len(named) < len(parts)
        and any(_in_source(part, fuzzy, source) for part in named)
        and all(known_name(part, lang, source) or _source_word(part, source) for part in named)
    )


def _whole(name: str, known: str) -> bool:
    """A source name that is not only the first part of a hyphenated one (Saint of
    Saint-Jean-du-Gard is no declension of Saint-Hippolyte-du-Fort)."""
    return not names.transliterate(name).startswith(names.transliterate(known) + "-")


def _spells_abbreviation(part: str, source: Source) -> bool:
    """A part of a place's name that writes out an abbreviation of the source (St Ives ->
    Сент-Айвсі, Saint-Ives; Mt, Ft): its first and last letters, and the others in order."""
    plain = names.transliterate(part)
    return any(
        plain[:1] == short[0].lower() and plain.endswith(short[-1].lower()) and _in_order(short.lower(), plain)
        for short in source.capitalised
        if 2 <= len(short) <= 3 and short.isalpha() and short[1:].islower()
    )


def _in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)


def _in_source(name: str, fuzzy: bool, source: Source) -> bool:
    """Written in the source, or a name of it in another script or inflection."""
    return name.lower() in source.words or any(names.same_name(name, known, fuzzy) for known in source.capitalised)


def _source_word(part: str, source: Source) -> bool:
    """A part of a place's name that the source writes in lower case (la pointe du Raz ->
    Пуент-дю-Ра): sounding like one of its words will do, beside a part that is a name."""
    return any(names.same_name(part, word, True) for word in source.words if len(word) >= 4 and word[:1].isalpha())


def _particle(part: str) -> bool:
    """The small lowercase word inside a hyphenated place name (Пуент-дю-Ра, Saint-Jean-de-Luz)."""
    return part.islower() and len(part) <= 3


_UNIT_AFTER_FIGURE = re.compile(r"\d\s?([^\W\d_]{1,3})\b")
_ROMAN = re.compile(r"^[IVXLC]+$")


def check_names(item: Item, source: Source) -> CheckResult:
    # German capitalises every noun: its names are told by the dictionaries (names_in's
    # `proper`: Bremen, Habeck), and a noun it borrowed passes as a loanword (`_loanword`).
    proper = item.lang == "de"
    unknown = sorted(
        {
            name
            for part in (item.headline, *item.bullets)
            for name in names.names_in(part, item.lang, proper=proper)
            if not _not_a_name(name, part)
            and not known_name(name, item.lang, source, _alone(name, part, item.lang, source))
            and not _in_place_named(name, part, source)
            and not _in_institution_named(name, part, source)
            and not _in_declined_name(name, part, source)
            and not _in_joined_name(name, part, item.lang, source)
        }
    )
    unknown += [surname for part in (item.headline, *item.bullets) for surname in _surnames_unknown(part, source)]
    unknown += [
        names.institution_name(index)
        for index in names.institutions_named(item.text()) - source.institutions
        if not _a_country_named(index, source)
    ]
    if unknown:
        return CheckResult(check="names", passed=False, message=f"names not in the source: {', '.join(unknown)}")
    return passed("names")


def _a_country_named(index: int, source: Source) -> bool:
    """A country written as a body (US, estadounidense) that the source names as a place
    (a Californian company's source names the United States by its state)."""
    return any(names.place_concepts(form) & source.places for form in institutions.INSTITUTIONS[index])


def _in_declined_name(name: str, part: str, source: Source) -> bool:
    """A word of a two-word name the source gives declined (Nowy Targ for w Nowym Targu): it
    and its neighbour in the item each open a word of a pair of capitals that stand together
    in the source, all but their last letter alike."""
    tokens = [bare(t) for t in text.words(part)]
    pairs = _capital_pairs(source.body)
    for at in (i for i, token in enumerate(tokens) if token == name):
        for first, second in ((at - 1, at), (at, at + 1)):
            if (
                first < 0
                or second >= len(tokens)
                or not tokens[first][:1].isupper()
                or not tokens[second][:1].isupper()
            ):
                continue
            a, b = tokens[first][:-1], tokens[second][:-1]
            if len(a) >= 3 and len(b) >= 3 and any(x.startswith(a) and y.startswith(b) for x, y in pairs):
                return True
    return False


def _in_joined_name(name: str, part: str, lang: str, source: Source) -> bool:
    """A word of an exonym of several words for a name the source writes as one (North
    Rhine-Westphalia for Nordrhein-Westfalen): the capitalised words around it, together,
    are the source's name in this language's spelling."""
    tokens = [bare(t) for t in text.words(part)]
    fuzzy = lang != source.lang
    for at in (i for i, token in enumerate(tokens) if token == name):
        for first in range(max(0, at - 2), at + 1):
            for last in range(max(at, first + 1), min(len(tokens), first + 3)):
                span = tokens[first : last + 1]
                joined = " ".join(span)
                if (
                    all(token[:1].isupper() for token in span)
                    and joined in part
                    and _one_name(joined, span, fuzzy, source)
                ):
                    return True
    return False


def _one_name(joined: str, span: list[str], fuzzy: bool, source: Source) -> bool:
    """The words together, and none alone, are a name of the source in parts, of about their
    length (Giulia Loiacono is no Giulia of the source's Giulia Lorusso)."""
    return any(
        ("-" in known or " " in known)
        and abs(len(known) - len(joined)) <= 4
        and names.same_name(joined, known, fuzzy)
        and not any(names.same_name(token, known, fuzzy) for token in span)
        for known in source.capitalised
    )


@functools.lru_cache(maxsize=64)
def _capital_pairs(body: str) -> frozenset[tuple[str, str]]:
    tokens = text.words(body)
    return frozenset((x, y) for x, y in zip(tokens, tokens[1:]) if x[:1].isupper() and y[:1].isupper())


def _in_institution_named(name: str, part: str, source: Source) -> bool:
    """A word of a body's several-word name that the source names in its own language
    (European of a European Investment Bank loan, for the source's Європейського
    інвестиційного банку)."""
    lowered = bare(name).lower()
    return any(
        any(lowered[:5] == word[:5] for form in institutions.INSTITUTION_FORMS[index] for word in text.words(form))
        for index in names.institutions_named(part) & source.institutions
    )


def _in_place_named(name: str, part: str, source: Source) -> bool:
    """A word of a several-word name of a place the source names, all its words standing in
    the item in some case (Wenecji Euganejskiej: Wenecja Euganejska, the source's Veneto;
    Saksonii of Dolnej Saksonii is Niedersachsen, not Sachsen)."""
    # four letters: a declined adjective keeps fewer than five (Dolnej of Dolna Saksonia)
    stems = {names.place_stem(word)[:4] for word in text.words(part.lower())}
    stem = names.place_stem(bare(name).lower())[:4]
    return any(
        stem in {p[:4] for p in parts} and all(p[:4] in stems for p in parts)
        for concept, parts in names.several_word_places()
        if concept in source.places
    )


def _surnames_unknown(part: str, source: Source) -> list[str]:
    """The capital right after a first name the source gives a person is a surname, whatever
    else the word means (Rafael Moreno for the source's Rafael Cañete: moreno is Spanish for
    dark): it must be a name of the source, in any spelling, not a common word."""
    pieces = part.split()
    pairs = [(before, token.rstrip('.,;:!?)»”"')) for before, token in zip(pieces, pieces[1:]) if before.isalpha()]
    return [
        token
        for before, token in pairs
        if _first_name(before)
        and token[:1].isupper()
        and token.isalpha()
        and any(names.same_name(before, given, True) for given in _given_names(source.body, source.lang))
        and len(token) >= 3
        and not names.is_acronym(token)
        and not names.place_concepts(token)
        and not _in_source(token, True, source)
    ]


@functools.lru_cache(maxsize=64)  # one source, judged in every language
def _given_names(body: str, lang: str) -> frozenset[str]:
    """The source's first names: a given name right before a capital that is no common word
    of the source's language (Rafael Cañete; not Europejski Bank, whose bank is a word)."""
    pieces = body.split()
    return frozenset(
        before
        for before, after in zip(pieces, pieces[1:])
        if before.isalpha()
        and _first_name(before)
        and after[:1].isupper()
        and not common_lowercase(after.rstrip('.,;:!?)»”"').lower(), (lang,))
    )


@functools.lru_cache(maxsize=4096)
def _first_name(word: str) -> bool:
    """A given name: as common in every language (Rafael, Mario, Paola), and no common
    word of any in lower case (the, new, premier, santa)."""
    lowered = word.lower()
    return (
        word[:1].isupper()
        and len(word) >= 3
        and names.international(lowered)
        and not common_lowercase(lowered, languages.SUPPORTED)
    )


def _alone(name: str, part: str, lang: str, source: Source) -> bool:
    """No capital foreign to German and to the source stands beside the name (Société
    Générale, Crédit Agricole: one name of two loanwords; Département Finistère is a
    loanword before the source's name). Other languages need not ask."""
    if lang != "de":
        return True
    tokens = text.words(part)
    for index, token in enumerate(tokens):
        if token != name:
            continue
        beside = tokens[max(0, index - 1) : index] + tokens[index + 1 : index + 2]
        if any(t[:1].isupper() and not names.in_german(t) and not _in_source(t, True, source) for t in beside):
            return False
    return True
