"""The kinds of false alarm round 5's sealed part showed at first sight, each with a new
example (not the calibration set's), and beside it the defect of the same shape that must
still be caught: a brand name with a small word between two capitals, a source word spelt
by ear in Cyrillic, an age group without the word for years, an acronym of a compound's
parts' parts, an Italian acronym written as a word, a Polish adjective of a German
compound's part, a federal body's German name, a German capital for a source's lowercase
noun, a prefixed word no slip, a Spanish b for a v, German ei for an English i."""

from __future__ import annotations

from briefs import item

from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source
from briefer.checks.words import check_vocabulary

# ---- vocabulary ----

CHEESE_FR = (
    "Rappel de fromages en Auvergne\nDes saint-nectaires vendus sous la marque Ferme des Volcans sont "
    "rappelés. Les fromages ont été vendus dans les supermarchés de la région."
)


def test_a_brand_of_two_capitals_and_a_small_word_is_kept_as_a_name() -> None:
    facts = read_source(CHEESE_FR, "fr")
    assert check_vocabulary(item("uk", "x", "Сири марки Ferme des Volcans відкликали."), facts).passed
    left = check_vocabulary(item("uk", "x", "Сири марки Ferme des Volcans продавали в les supermarchés."), facts)
    assert not left.passed and "les supermarchés" in left.message and "Ferme" not in left.message


def test_a_source_word_spelt_by_ear_in_cyrillic_is_a_loan_and_a_garble_is_not() -> None:
    brochettes = read_source("Rappel\nUn lot de brochettes est rappelé.", "fr")
    assert check_vocabulary(item("uk", "x", "Відкликали партію брошетів."), brochettes).passed
    workers = read_source("Podwyżki w fabryce\nZarząd fabryki podniesie płace 800 pracowników.", "pl")
    garbled = item("uk", "x", "Правління заводу підвищить зарплати 800 працівникків.")
    assert not check_vocabulary(garbled, workers).passed


def test_a_federal_bodys_german_name_is_kept_and_a_federal_budget_is_not() -> None:
    facts = read_source(
        "Netzentgelte steigen\nDie Bundesnetzagentur genehmigte höhere Netzentgelte. "
        "Der Bundeshaushalt trägt einen Teil der Kosten.",
        "de",
    )
    assert check_vocabulary(item("en", "x", "The Bundesnetzagentur approved higher grid fees."), facts).passed
    assert not check_vocabulary(item("en", "x", "The Bundeshaushalt bears part of the costs."), facts).passed


# ---- numbers ----

FLU_ES = "Vacunación de la gripe\nEn la primera fase se vacunará a los mayores de 65 años y al personal sanitario."


def test_an_age_group_without_the_word_for_years_is_an_age() -> None:
    facts = read_source(FLU_ES, "es")
    assert check_numbers(item("es", "x", "Primero se vacuna a mayores de 65 y sanitarios."), facts).passed
    assert check_numbers(item("it", "x", "Si parte dagli over 65 e dal personale sanitario."), facts).passed
    assert not check_numbers(item("it", "x", "Si parte da 65 anziani e dal personale sanitario."), facts).passed


# ---- names ----


def test_an_acronym_of_a_compounds_parts_parts_is_spelt_out() -> None:
    facts = read_source("Urteil\nDas Oberlandesgericht Celle wies die Klage ab.", "de")
    assert check_names(item("de", "x", "Das OLG Celle wies die Klage ab."), facts).passed
    assert not check_names(item("de", "x", "Der BGH wies die Klage ab."), facts).passed


def test_an_acronym_italian_writes_as_a_word_is_spelt_out_in_the_source() -> None:
    facts = read_source("Sindacati\nLa Unione italiana del lavoro ha aderito allo sciopero.", "it")
    assert check_names(item("it", "x", "La Uil ha aderito allo sciopero."), facts).passed
    assert not check_names(item("it", "x", "La Ugl ha aderito allo sciopero."), facts).passed


def test_a_polish_adjective_renders_a_part_of_a_german_compound() -> None:
    facts = read_source("Fusion\nDas Kartellamt prüft die Fusion der Ketten.", "de")
    assert check_names(item("pl", "x", "Urząd Kartelowy bada fuzję sieci."), facts).passed
    assert not check_names(item("pl", "x", "Urząd Kartelowy w Monachium bada fuzję sieci."), facts).passed


def test_a_german_item_capitalises_a_noun_the_source_writes_in_lower_case() -> None:
    facts = read_source("Rappel de crozets\nDes crozets de Savoie sont rappelés par le fabricant.", "fr")
    assert check_names(item("de", "x", "Rückruf von Crozet aus Savoyen."), facts).passed
    assert not check_names(item("de", "x", "Rückruf von Crottin aus Savoyen."), facts).passed


def test_spanish_writes_b_for_a_v_in_an_exonym() -> None:
    facts = read_source("Ski\nLes stations de Savoie ouvrent samedi.", "fr")
    found = check_names(item("es", "x", "Las estaciones de Saboya y Tirol abren el sábado."), facts)
    assert not found.passed and "Tirol" in found.message and "Saboya" not in found.message


def test_german_ei_is_an_english_i_in_an_exonym() -> None:
    facts = read_source("Niedrigwasser\nDer Rhein führt so wenig Wasser wie seit Jahren nicht.", "de")
    assert check_names(item("en", "x", "The Rhine carries less water than in years."), facts).passed
    assert not check_names(item("en", "x", "The Rhone carries less water than in years."), facts).passed


def test_a_prefixed_word_is_no_frequent_word_with_letters_slipped_in() -> None:
    facts = read_source("Grippe\nLa campagne de vaccination commence lundi dans les pharmacies.", "fr")
    assert check_vocabulary(item("fr", "x", "La campagne de vaccination antigrippe commence lundi."), facts).passed
    assert not check_vocabulary(
        item("fr", "x", "La campagne de vaccination commence lundi dans les pharmacciies."), facts
    ).passed
