"""Words of a language are what its dictionary (with its affix rules) says, not only what a
list of frequent forms holds: rare but real words pass, garbles still fail, and a word of
the source left untranslated in another language's item is refused by name."""

from __future__ import annotations

from briefer.checks import checks, faithfulness
from briefer.core.models import Item

NOTHING = faithfulness.read_source("Port news\nThe harbour reopened on Monday.", "en")


def item(lang: str, headline: str, *bullets: str) -> Item:
    return Item(article_id="a", lang=lang, headline=headline, bullets=bullets or (headline,))


def test_rare_words_the_dictionary_knows_are_words() -> None:
    for lang, sentence in [
        ("pl", "Brygada strzelała haubicoarmatami, a port pracował z suwnicowymi operatorami."),
        ("it", "Sciopero dei gruisti nel porto di Livorno."),
        ("de", "Die Reederei erhält eine Brückenfazilität."),
        ("fr", "Les dragueuses reprennent le travail dans l'estuaire."),
        ("uk", "Віцепрем'єрові доповіли про ремонт."),
        ("uk", "Обʼєднання громад отримало кошти."),  # the modifier-letter apostrophe
    ]:
        result = checks.check_vocabulary(item(lang, sentence), NOTHING)
        assert result.passed, (lang, result.message)


def test_garbles_of_rare_words_still_fail() -> None:
    for lang, sentence in [
        ("pl", "Brygada strzelała haubicoarmatamy."),
        ("it", "Sciopero dei gruistri nel porto di Livorno."),
        ("de", "Die Reederei erhält eine Brückenfazilitöt."),
        ("fr", "Les draggueuses reprennent le travail."),
        ("uk", "Віцепрем'єровві доповіли про ремонт."),
    ]:
        assert not checks.check_vocabulary(item(lang, sentence), NOTHING).passed, sentence


SOURCE = faithfulness.read_source(
    "Ceasefire talks resume in Geneva\n"
    "Delegations agreed to open ceasefire talks in Geneva next week. The port manager of Odesa, "
    "Bluewater Logistics, said the deal was no surrender. Critics called it a betrayal.",
    "en",
)


def test_untranslated_source_words_are_refused_by_name() -> None:
    french = item("fr", "Reprise des pourparlers à Genève", "Les critiques y voient une betrayal.")
    result = checks.check_vocabulary(french, SOURCE)
    assert not result.passed and "untranslated English words: betrayal" in result.message
    ukrainian = item(
        "uk", "Делегації погодили початок ceasefire talks у Женеві", "Переговори почнуться наступного тижня."
    )
    result = checks.check_vocabulary(ukrainian, SOURCE)
    assert not result.passed and "ceasefire talks" in result.message


def test_loanwords_and_names_of_the_source_pass() -> None:
    italian = item("it", "Il manager del porto di Odessa parla di accordo", "Bluewater Logistics conferma.")
    assert checks.check_vocabulary(italian, SOURCE).passed
    german = item("de", "Gespräche in Genf", "Laut Bluewater Logistics ist das keine Kapitulation.")
    assert checks.check_vocabulary(german, SOURCE).passed


def test_words_derived_or_compounded_from_known_words_pass() -> None:
    """A dictionary lists stems, not every word the language makes of them: an adjective or
    an agent noun of a known noun, a compound of three known nouns."""
    for lang, sentence in [
        ("pl", "Firma buduje linię magnesów ferrytowych pod Łodzią."),
        ("uk", "Збори мідійників відбулися в Одесі."),
        ("es", "Los acuicultores de Galicia piden ayudas."),
        ("de", "Der Hummerzüchterverband tagt in Kiel."),
    ]:
        result = checks.check_vocabulary(item(lang, sentence), NOTHING)
        assert result.passed, (lang, result.message)


def test_garbled_derivations_and_compounds_still_fail() -> None:
    for lang, sentence in [
        ("pl", "Firma buduje linię magnesów ferrytowwych pod Łodzią."),
        ("uk", "Збори мідійнекков відбулися в Одесі."),
        ("es", "Los acuicultoreos de Galicia piden ayudas."),
        ("de", "Der Hummerzüchtervebrand tagt in Kiel."),
    ]:
        assert not checks.check_vocabulary(item(lang, sentence), NOTHING).passed, sentence


UKRAINIAN = faithfulness.read_source(
    "Фестиваль у Ворохті\nНа фестивалі в Ворохті звучали трембіти. Гуцульські майстри показали нові трембіти.",
    "uk",
)


def test_a_source_word_in_the_briefs_letters_and_endings_passes() -> None:
    """A thing the source names that the brief's language has no word for is written in its
    letters with the language's ending (трембіти: le trembite), not left untranslated."""
    italian = item("it", "Festival a Vorochta", "Al festival hanno suonato le trembite dei maestri.")
    result = checks.check_vocabulary(italian, UKRAINIAN)
    assert result.passed, result.message
    garbled = item("it", "Festival a Vorochta", "Al festival hanno suonnatto le trembite dei maestri.")
    assert not checks.check_vocabulary(garbled, UKRAINIAN).passed


FRENCH = faithfulness.read_source(
    "Lorient fête la mer\nLa Cité de la voile accueille cette année un record de visiteurs. "
    "Les bateaux à voile sont exposés sur le quai.",
    "fr",
)


def test_a_source_name_holding_lower_case_words_is_no_untranslated_word() -> None:
    for lang, sentence in [
        ("en", "The Cité de la voile in Lorient had a record year."),
        ("de", "Die Cité de la voile in Lorient meldet einen Besucherrekord."),
        ("uk", "Cité de la voile у Лор'яні прийняла рекордну кількість відвідувачів."),
    ]:
        result = checks.check_vocabulary(item(lang, "Lorient", sentence), FRENCH)
        assert result.passed, (lang, result.message)
    left = item("en", "Lorient", "The museum accueille more visitors.")
    assert not checks.check_vocabulary(left, FRENCH).passed
