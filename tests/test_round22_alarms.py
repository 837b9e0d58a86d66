"""The kinds of false alarm round 22's articles showed once spent, each with a new example
(not the calibration set's), and beside it the defect of the same shape that must still be
caught: a title's age beside its figure in words, a make Polish writes in lower case, a
sentence opening with Spanish "A", an acronym of a compound's parts, an exonym of several
words, a title in single quotes, a Spanish silent h, a headline telling what the title
quotes, and a German verb's noun in -ung."""

from __future__ import annotations

from briefs import item

from briefer.checks.coverage import check_coverage
from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.quotes import check_quotes
from briefer.checks.source import read_source
from briefer.checks.words import check_vocabulary

CRASH_PL = (
    "Pięć lat więzienia dla kierowcy, który potrącił 45-latkę w Tarnowie\n"
    "Sąd Rejonowy w Tarnowie skazał 29-letniego Adama W. na pięć lat więzienia. Kierowca toyoty "
    "jechał audi A6 z prędkością 90 km/h w terenie zabudowanym i potrącił kobietę na przejściu.\n"
    "Mężczyzna zderzył się potem z toyotą, która stała na światłach."
)


def test_a_title_s_age_is_not_its_figure_beside_one_in_words() -> None:
    """ "Pięć lat więzienia dla kierowcy, który potrącił 45-latkę": the story is the five
    years, 45 tells who was hit."""
    facts = read_source(CRASH_PL, "pl")
    good = item("en", "Driver jailed for five years over Tarnów crash", "He hit a woman on a crossing at 90 km/h.")
    assert check_coverage(good, facts).passed, check_coverage(good, facts).message
    dropped = item("en", "Tarnów crash: driver was going at 90 km/h", "He hit a woman on a crossing.")
    assert not check_coverage(dropped, facts).passed


def test_a_make_polish_writes_in_lower_case() -> None:
    """ "z toyotą" is a Toyota, which other languages capitalise; a make the source does not
    name is still flagged."""
    facts = read_source(CRASH_PL, "pl")
    good = item("en", "Driver jailed for five years", "He then crashed into a Toyota waiting at the lights.")
    assert check_names(good, facts).passed, check_names(good, facts).message
    wrong = item("en", "Driver jailed for five years", "He then crashed into a Volvo waiting at the lights.")
    assert not check_names(wrong, facts).passed


def test_a_spanish_sentence_opening_with_a_is_no_road() -> None:
    """ "A 90 km/h en zona urbana" is "at 90 km/h", no A90 beside the source's A6; its 90 is a
    figure the numbers check holds."""
    facts = read_source(CRASH_PL, "pl")
    good = item("es", "Cinco años de cárcel", "A 90 km/h en zona urbana, atropelló a una mujer.")
    assert check_numbers(good, facts).passed, check_numbers(good, facts).message
    wrong = item("es", "Cinco años de cárcel", "A 95 km/h en zona urbana, atropelló a una mujer.")
    assert not check_numbers(wrong, facts).passed


FLOOD_DE = (
    "Hochwasser in Nordrhein-Westfalen\n"
    "Nach tagelangem Regen stehen in Nordrhein-Westfalen zahlreiche Keller unter Wasser. In Duisburg "
    "wurden 200 Menschen in Sicherheit gebracht."
)


def test_an_acronym_of_a_compound_s_parts() -> None:
    """NRW spells Nord-rhein-Westfalen; BW, a Land the source does not name, is flagged."""
    facts = read_source(FLOOD_DE, "de")
    good = item("de", "Hochwasser in NRW", "In Duisburg wurden 200 Menschen in Sicherheit gebracht.")
    assert check_names(good, facts).passed, check_names(good, facts).message
    wrong = item("de", "Hochwasser in BW", "In Duisburg wurden 200 Menschen in Sicherheit gebracht.")
    assert not check_names(wrong, facts).passed


def test_an_exonym_of_several_words_for_a_one_word_name() -> None:
    """North Rhine-Westphalia is Nordrhein-Westfalen, though no word of it alone is."""
    facts = read_source(FLOOD_DE, "de")
    good = item("en", "Floods in North Rhine-Westphalia", "In Duisburg 200 people were taken to safety.")
    assert check_names(good, facts).passed, check_names(good, facts).message
    wrong = item("en", "Floods in Rhineland-Palatinate", "In Duisburg 200 people were taken to safety.")
    assert not check_names(wrong, facts).passed


FILM_ES = (
    "'El último verano' lidera la taquilla\n"
    "La película 'El último verano', de la directora Marta Olmedo, suma 900.000 espectadores. "
    "Se rodó en Haro durante el verano de 2024."
)


def test_a_title_in_single_quotes_keeps_its_language() -> None:
    """The British press writes a film's title in single quotes; a Spanish word outside them
    is still Spanish left in an English item."""
    facts = read_source(FILM_ES, "es")
    good = item("en", "'El último verano' tops the box office", "Marta Olmedo's film has drawn 900,000 viewers.")
    assert check_vocabulary(good, facts).passed, check_vocabulary(good, facts).message
    left = item("en", "The último film tops the box office", "Marta Olmedo's film has drawn 900,000 viewers.")
    assert not check_vocabulary(left, facts).passed


def test_a_spanish_name_s_first_h_is_silent() -> None:
    """Haro is Аро in Ukrainian; Cádiz, which the source does not name, is flagged."""
    facts = read_source(FILM_ES, "es")
    good = item("uk", "Фільм Марти Ольмедо лідирує в прокаті", "Його знімали в Аро; 900 тисяч глядачів.")
    assert check_names(good, facts).passed, check_names(good, facts).message
    wrong = item("uk", "Фільм Марти Ольмедо лідирує в прокаті", "Його знімали в Кадісі; 900 тисяч глядачів.")
    assert not check_names(wrong, facts).passed


BRIDGE_IT = (
    "Il sindaco Rossi: «Il nuovo ponte da 12 milioni sarà pronto a giugno del prossimo anno»\n"
    "Il sindaco Paolo Rossi ha confermato i tempi: «Il nuovo ponte da 12 milioni sarà pronto a giugno "
    "del prossimo anno». Poi ha aggiunto: «Chi dice che i lavori sono fermi da mesi non è mai venuto in cantiere»."
)


def test_a_headline_may_tell_what_the_title_quotes() -> None:
    """The title has the mayor say it, so the headline may tell it as news; the body's other
    quotation, unmarked in a bullet, is still someone's words passed off as the brief's."""
    facts = read_source(BRIDGE_IT, "it")
    good = item(
        "it", "Il nuovo ponte da 12 milioni sarà pronto a giugno del prossimo anno", "Lo conferma il sindaco Rossi."
    )
    assert check_quotes(good, facts).passed, check_quotes(good, facts).message
    unmarked = item(
        "it", "Ponte, il sindaco Rossi conferma i tempi", "Chi dice che i lavori sono fermi da mesi non è mai venuto."
    )
    assert not check_quotes(unmarked, facts).passed


OLIVES_IT = "Ulivi, batteri contro la Xylella\nI batteri riducono del 40% i sintomi di disseccamento negli ulivi."


def test_a_german_verb_s_noun_in_ung_inside_a_compound() -> None:
    """Vertrocknungs-schäden: Vertrocknung (of vertrocknen) is rare in the word list but a
    word of the dictionary; Krisentreffung, a garble of -treffen, is still no word."""
    facts = read_source(OLIVES_IT, "it")
    good = item("de", "Bakterien gegen Xylella", "Die Vertrocknungsschäden an Olivenbäumen sanken um 40 Prozent.")
    assert check_vocabulary(good, facts).passed, check_vocabulary(good, facts).message
    garbled = item("de", "Bakterien gegen Xylella", "Nach einem Krisentreffung sanken die Schäden um 40 Prozent.")
    assert not check_vocabulary(garbled, facts).passed
