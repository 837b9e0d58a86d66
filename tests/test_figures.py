"""Figures read as an editor reads them: number words in any case and language, figures
glued to their units, the figures an editor may derive or round, the lead's figure inside
a compound or beside a URL, units that recur in an item of figures, and an item that has
nothing to do with its article. Each example is new (not the issue's, not the calibration
set's)."""

from __future__ import annotations

import pytest

from briefer.checks import checks, faithfulness
from briefer.core.models import Item


def item(lang: str, headline: str, *bullets: str) -> Item:
    return Item(article_id="a", lang=lang, headline=headline, bullets=tuple(bullets))


def source(value: str, lang: str) -> faithfulness.Source:
    return faithfulness.read_source(value, lang)


# ---- number words: declined, collective, inside a compound, in another language ----

FIRE_PL = (
    "Pożar kamienicy w Lublinie\nStrażacy ewakuowali w nocy siedmiu lokatorów kamienicy przy ulicy Lipowej. "
    "Ogień gasiło czternastu strażaków z trzech jednostek."
)
MINE_UK = (
    "Аварія на шахті у Павлограді\nПід землею заблоковано шістьох гірників, ще семеро вибралися самостійно. "
    "Рятувальники працюють на глибині понад пів кілометра."
)
ROWING_EN = (
    "Oxford's eight-woman crew wins the Boat Race\nOxford won the women's Boat Race on Sunday. The "
    "twelve-strong coaching staff celebrated on the bank at Mortlake."
)


@pytest.mark.parametrize(
    "lang, headline, bullet",
    [
        ("en", "Fire in Lublin", "Firefighters evacuated seven tenants; fourteen firefighters fought the blaze."),
        ("de", "Brand in Lublin", "Sieben Mieter wurden in Sicherheit gebracht, vierzehn Feuerwehrleute löschten."),
        ("fr", "Incendie à Lublin", "Sept locataires évacués ; quatorze pompiers ont combattu le feu."),
        ("es", "Incendio en Lublin", "Siete inquilinos fueron evacuados y catorce bomberos apagaron el fuego."),
        ("it", "Incendio a Lublino", "Sette inquilini evacuati, quattordici vigili del fuoco al lavoro."),
        ("uk", "Пожежа в Любліні", "Евакуйовано сімох мешканців, вогонь гасили чотирнадцять рятувальників."),
        ("pl", "Pożar w Lublinie", "Ewakuowano 7 lokatorów, ogień gasiło 14 strażaków."),
    ],
)
def test_a_declined_polish_number_word_is_the_figure_of_every_language(lang: str, headline: str, bullet: str) -> None:
    assert faithfulness.check_numbers(item(lang, headline, bullet), source(FIRE_PL, "pl")).passed


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("en", "Six miners are trapped underground; seven got out on their own."),
        ("de", "Sechs Bergleute sind eingeschlossen, sieben kamen selbst heraus."),
        ("pl", "Sześciu górników jest uwięzionych, siedmiu wydostało się samodzielnie."),
        ("fr", "Six mineurs sont bloqués sous terre, 7 sont sortis seuls."),
    ],
)
def test_ukrainian_collective_and_declined_numerals_are_figures(lang: str, bullet: str) -> None:
    assert faithfulness.check_numbers(item(lang, "Pavlohrad", bullet), source(MINE_UK, "uk")).passed


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("fr", "Le personnel d'encadrement, douze personnes, a fêté la victoire."),
        ("es", "Los doce miembros del equipo técnico celebraron en la orilla."),
        ("it", "I dodici membri dello staff hanno festeggiato sulla riva."),
        ("de", "Die acht Ruderinnen aus Oxford siegten."),
        ("pl", "Ośmioosobowa osada Oksfordu wygrała; dwunastu trenerów świętowało."),
    ],
)
def test_a_number_word_inside_a_hyphenated_compound_of_the_source_counts(lang: str, bullet: str) -> None:
    assert faithfulness.check_numbers(item(lang, "Oxford", bullet), source(ROWING_EN, "en")).passed


def test_a_number_word_the_source_does_not_have_is_still_caught() -> None:
    bad = item("fr", "Incendie à Lublin", "Neuf locataires évacués ; quatorze pompiers mobilisés.")
    result = faithfulness.check_numbers(bad, source(FIRE_PL, "pl"))
    assert not result.passed and "Neuf" in result.message
    bad = item("en", "Pavlohrad", "Nine miners are trapped underground.")
    assert not faithfulness.check_numbers(bad, source(MINE_UK, "uk")).passed


# ---- figures glued to a unit; both units when the source gives both ----

GALE_EN = (
    "Gale warning for the Hebrides\nForecasters expect gusts of 85mph (137km/h) on the Western Isles, and "
    "up to 60mm of rain on Lewis by Saturday."
)


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("en", "Gusts of 85mph and up to 60mm of rain are expected."),
        ("de", "Erwartet werden Böen bis 137 km/h und bis zu 60 Millimeter Regen."),
        ("uk", "Очікуються пориви до 137 км/год і до 60 мм опадів."),
        ("it", "Attese raffiche fino a 137 km/h."),
    ],
)
def test_a_figure_the_source_glues_to_its_unit_is_a_figure_of_the_source(lang: str, bullet: str) -> None:
    assert faithfulness.check_numbers(item(lang, "Hebrides", bullet), source(GALE_EN, "en")).passed


def test_a_changed_figure_glued_to_its_unit_is_caught() -> None:
    bad = item("en", "Gale warning for the Hebrides", "Gusts of 105mph are expected on the Western Isles.")
    result = faithfulness.check_numbers(bad, source(GALE_EN, "en"))
    assert not result.passed and "105" in result.message


# ---- a figure the editor derives from the source's own (last year's from this year's and the change) ----

RESULTS_ES = (
    "Beneficio récord para Naviera Cantábrica\nLa naviera ganó 84,5 millones de euros en el primer semestre, "
    "un 30% más que un año antes, y su facturación creció un 12,4% hasta 690 millones."
)


def test_last_years_figure_derived_from_the_change_passes() -> None:
    good = item(
        "en", "Naviera Cantábrica profit up 30%", "It earned €84.5m in the first half, up from €65m a year earlier."
    )
    assert faithfulness.check_numbers(good, source(RESULTS_ES, "es")).passed


def test_a_base_figure_that_no_change_of_the_source_gives_is_caught() -> None:
    bad = item("en", "Naviera Cantábrica profit up 30%", "It earned €84.5m, up from €71m a year earlier.")
    assert not faithfulness.check_numbers(bad, source(RESULTS_ES, "es")).passed


def test_a_figure_rounded_to_fewer_digits_passes() -> None:
    good = item("de", "Naviera Cantábrica", "Der Gewinn stieg um 30 Prozent, der Umsatz um gut 12 Prozent.")
    assert faithfulness.check_numbers(good, source(RESULTS_ES, "es")).passed
    bad = item("de", "Naviera Cantábrica", "Der Umsatz stieg um 14 Prozent.")
    assert not faithfulness.check_numbers(bad, source(RESULTS_ES, "es")).passed


def test_checks_module_still_runs_numbers() -> None:
    assert callable(checks.run_checks)
