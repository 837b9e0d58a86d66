"""The kinds of false alarm round 4's sealed part showed at first sight, each with a new
example (not the calibration set's), and beside it the defect of the same shape that must
still be caught: a school's number is no amount, a night named by the day it runs into
holds the day before, "last year" holds the year before, a single Roman numeral counts
beside the word for century, an article about AI may be briefed in AI's words, a country
named by its state, a brand's two-letter initials, a Polish nasal vowel before b, a foreign
word a Polish brief declines."""

from __future__ import annotations

import pytest
from briefs import item

from briefer.checks import checks
from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source
from briefer.checks.words import check_vocabulary

# ---- numbers ----

SCHOOLS_PL = (
    "Radni Tarnobrzega przyjęli plan remontów szkół\n"
    "Szkoła Podstawowa nr 8 dostanie nowy dach. Na salę gimnastyczną przy Szkole Podstawowej nr 3 "
    "miasto przeznaczy 6,1 mln zł."
)


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("de", "Ein neues Dach für die Grundschule Nr. 8 und 6,1 Mio. Złoty für eine Sporthalle."),
        ("en", "A new roof for Primary School No. 8 and 6.1 million zlotys for a sports hall."),
        ("fr", "Un nouveau toit pour l'école primaire n° 8 et 6,1 millions de zlotys pour un gymnase."),
    ],
)
def test_a_number_after_a_number_sign_is_an_id_not_an_amount(lang: str, bullet: str) -> None:
    assert check_numbers(item(lang, "x", bullet), read_source(SCHOOLS_PL, "pl")).passed


def test_a_changed_school_number_is_still_caught() -> None:
    bullet = "Ein neues Dach für die Grundschule Nr. 9 und 6,1 Mio. Złoty für eine Sporthalle."
    assert not check_numbers(item("de", "x", bullet), read_source(SCHOOLS_PL, "pl")).passed


DRONES_UK = (
    "Дрони атакували Суми\nУ ніч на 22 вересня російські дрони атакували Суми, пошкоджено 12 будинків. "
    "Торік за цей місяць у 2024 році місто зазнало 9 атак, повідомила міська рада."
)


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("fr", "Dans la nuit du 21 au 22 septembre, des drones russes ont frappé Soumy et endommagé 12 maisons."),
        ("pl", "W nocy z 21 na 22 września rosyjskie drony zaatakowały Sumy, uszkadzając 12 domów."),
    ],
)
def test_a_night_named_by_the_day_it_runs_into_holds_the_day_before(lang: str, bullet: str) -> None:
    assert check_numbers(item(lang, "x", bullet), read_source(DRONES_UK, "uk")).passed


def test_a_night_two_days_off_is_still_caught() -> None:
    bullet = "Dans la nuit du 20 au 21 septembre, des drones russes ont frappé Soumy."
    assert not check_numbers(item("fr", "x", bullet), read_source(DRONES_UK, "uk")).passed


HARVEST_ES = (
    "La cosecha de aceite de Jaén sube un 18 %\nLa campaña 2025 cerró con 610.000 toneladas de aceite, "
    "un 18 % más que el año pasado, según la Junta de Andalucía."
)


def test_last_year_holds_the_year_before_the_years_the_source_names() -> None:
    bullet = "Jaén produced 610,000 tonnes of olive oil in 2025, 18% more than in 2024."
    assert check_numbers(item("en", "x", bullet), read_source(HARVEST_ES, "es")).passed
    wrong = "Jaén produced 610,000 tonnes of olive oil in 2025, 18% more than in 2023."
    assert not check_numbers(item("en", "x", wrong), read_source(HARVEST_ES, "es")).passed


CHURCH_PL = "Odkrycie w Wiślicy\nArcheolodzy odsłonili fundamenty kościoła z V w. oraz 40 grobów."


def test_a_single_roman_numeral_beside_the_word_for_century_is_a_figure() -> None:
    facts = read_source(CHURCH_PL, "pl")
    assert check_numbers(item("en", "x", "Archaeologists uncovered a 5th-century church and 40 graves."), facts).passed
    assert not check_numbers(
        item("en", "x", "Archaeologists uncovered a 6th-century church and 40 graves."), facts
    ).passed


# ---- leakage: an article about AI ----

CHIPS_EN = (
    "Chipmaker Norvale to hire 900 for AI unit\nNorvale said on Monday it would hire 900 engineers "
    "for its AI chips division in Dresden, its chief executive Lena Ortmann said."
)


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("it", "Norvale assumerà 900 ingegneri per la divisione di chip per l'intelligenza artificiale a Dresda."),
        ("es", "Norvale contratará a 900 ingenieros para su división de chips de inteligencia artificial en Dresde."),
    ],
)
def test_an_article_about_ai_may_be_briefed_in_the_words_for_ai(lang: str, bullet: str) -> None:
    result = checks.check_leakage(item(lang, "x", bullet), (), read_source(CHIPS_EN, "en"))
    assert result.passed, result.message


def test_the_words_for_ai_in_an_item_of_an_article_without_ai_are_still_leakage() -> None:
    source = "Bakery chain Brotzeit opens 12 shops\nThe chain will open 12 shops in Vienna next year."
    bullet = "Als künstliche Intelligenz kann ich keine Meinung zu Bäckereien abgeben."
    assert not checks.check_leakage(item("de", "x", bullet), (), read_source(source, "en")).passed


# ---- names ----


def test_a_country_written_as_a_body_passes_where_the_source_names_its_state() -> None:
    source = "Redwood Labs cuts 400 jobs\nAUSTIN, Texas — Redwood Labs said it would cut 400 jobs, its chief said."
    bullet = "La empresa estadounidense Redwood Labs recortará 400 empleos."
    assert check_names(item("es", "x", bullet), read_source(source, "en")).passed


TRAMS_DE = (
    "Neue Linien im Nahverkehr\nDie Verkehrsbetriebe setzen ab Mai mehr Metrobus-Wagen ein; "
    "die Stadtbahn fährt zudem alle zehn Minuten."
)


def test_a_brands_two_letter_initials_pass_and_other_initials_do_not() -> None:
    facts = read_source(TRAMS_DE, "de")
    assert check_names(item("en", "x", "More MB buses from May; light rail every ten minutes."), facts).passed
    assert not check_names(item("en", "x", "More MX buses from May; light rail every ten minutes."), facts).passed


def test_a_polish_nasal_vowel_before_b_is_written_em_in_ukrainian() -> None:
    source = "Pożar w Nowej Dębie\nStrażacy gasili pożar w Nowej Dębie przez 5 godzin."
    facts = read_source(source, "pl")
    assert check_names(item("uk", "x", "Пожежники гасили пожежу в Новій Дембі 5 годин."), facts).passed
    assert not check_names(item("uk", "x", "Пожежники гасили пожежу в Новій Дубні 5 годин."), facts).passed


# ---- vocabulary ----


def test_a_polish_brief_declines_a_foreign_word_the_source_keeps() -> None:
    source = "Nuovo farmaco per il melanoma\nI pazienti trattati con nivolumab hanno vissuto più a lungo."
    facts = read_source(source, "it")
    result = check_vocabulary(item("pl", "x", "Pacjenci leczeni nivolumabem żyli dłużej."), facts)
    assert result.passed, result.message
    assert not check_vocabulary(item("pl", "x", "Pacjenci leczeni niwolumabiemem żyli dłużej."), facts).passed
