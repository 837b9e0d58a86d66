"""The kinds of false alarm round 14's articles showed once spent, each with a new example
(not the calibration set's), and beside it the defect of the same shape that must still be
caught: an English time of day on the twelve-hour clock, a span of years with its second
year shortened, an ordinal word in the lead's first sentence (the fourth day), a figure with its unit named in several parts of an item, a German genitive of a borrowed
noun, a unit named after a person."""

from __future__ import annotations

from briefs import item

from briefer.checks.checks import check_structure
from briefer.checks.coverage import check_coverage
from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source

FERRY_EN = (
    "Ferry service resumes after storm\n"
    "The crossing from Holyhead to Dublin reopened at 4.20pm on Sunday, and the last sailing "
    "left at 9pm with 640 passengers on board."
)


def test_an_english_time_on_the_twelve_hour_clock_is_the_same_time_on_the_twenty_four_hour_clock() -> None:
    facts = read_source(FERRY_EN, "en")
    good = "Die Fähre Holyhead–Dublin fuhr ab 16.20 Uhr wieder, die letzte um 21 Uhr mit 640 Passagieren."
    assert check_numbers(item("de", "Fähre fährt wieder", good), facts).passed
    assert check_numbers(
        item("fr", "Le ferry reprend", "Le dernier départ a eu lieu à 21:00, dès 16:20."), facts
    ).passed
    moved = "Die Fähre Holyhead–Dublin fuhr ab 14.20 Uhr wieder, die letzte um 21 Uhr mit 640 Passagieren."
    assert not check_numbers(item("de", "Fähre fährt wieder", moved), facts).passed


SEASON_EN = (
    "Club posts record turnover\n"
    "Ashbourne Rovers reported turnover of £48m for the 2022/23 season, up from £31m in 2019-20."
)


def test_a_span_of_years_with_its_second_year_shortened_is_both_years() -> None:
    facts = read_source(SEASON_EN, "en")
    good = "Le chiffre d'affaires a atteint 48 millions de livres en 2022-2023, contre 31 millions en 2019-2020."
    assert check_numbers(item("fr", "Record pour Ashbourne Rovers", good), facts).passed
    wrong = "Le chiffre d'affaires a atteint 48 millions de livres en 2022-2024, contre 31 millions en 2019-2020."
    assert not check_numbers(item("fr", "Record pour Ashbourne Rovers", wrong), facts).passed


SEIZURE_DE = (
    "Über 7 Tonnen Kokain im Hamburger Hafen sichergestellt\n"
    "Zum dritten Mal in diesem Jahr haben Zollfahnder im Hamburger Hafen Kokain entdeckt. In einem "
    "Bananencontainer aus Ecuador fanden sie 7,8 Tonnen.\n\n"
    "Drei Hafenarbeiter wurden festgenommen."
)


def test_an_ordinal_word_in_the_lead_does_not_end_the_search_for_its_figure() -> None:
    facts = read_source(SEIZURE_DE, "de")
    good = item("en", "Hamburg customs seize 7.8 tonnes of cocaine", "The drugs were hidden in bananas from Ecuador.")
    assert check_coverage(good, facts).passed
    dropped = item("en", "Three dock workers arrested in Hamburg", "The port's customs made the arrests.")
    assert not check_coverage(dropped, facts).passed


def test_a_figure_named_in_several_parts_of_an_item_is_no_loop() -> None:
    good = item(
        "pl",
        "Inflacja w strefie euro spadła do 2,1 procent",
        "W październiku ceny wzrosły o 2,1 procent rok do roku.",
        "Ekonomiści: „2,1 procent to prawie cel banku”.",
    )
    assert check_structure(good, 4).passed
    looped = item(
        "pl",
        "Inflacja w strefie euro spadła",
        "Ceny wzrosły o 2,1 procent 2,1 procent 2,1 procent rok do roku.",
    )
    assert not check_structure(looped, 4).passed


PREFECT_FR = (
    "Crue de la Garonne\nLe préfet de Lot-et-Garonne a ordonné l'évacuation de 320 habitants d'Agen mardi soir."
)


def test_a_german_genitive_of_a_borrowed_noun_is_no_name() -> None:
    facts = read_source(PREFECT_FR, "fr")
    good = "Der Präfekt des Départements Lot-et-Garonne ließ 320 Bewohner von Agen evakuieren."
    assert check_names(item("de", "Hochwasser der Garonne", good), facts).passed
    invented = "Der Präfekt des Départements Lot-et-Garonne und Minister Dubreuil ließen 320 Bewohner evakuieren."
    assert not check_names(item("de", "Hochwasser der Garonne", invented), facts).passed


HEAT_ES = "Calor\nSevilla registró el lunes 44 grados, un récord para junio."
CHESS_PL = "Szachy\nArcymistrz Jan Kowal zyskał w turnieju w Lublinie 15 punktów rankingowych."


def test_a_unit_named_after_a_person_is_no_name() -> None:
    heat = read_source(HEAT_ES, "es")
    assert check_names(item("en", "Seville's June record", "Seville recorded 44 degrees Celsius."), heat).passed
    chess = read_source(CHESS_PL, "pl")
    assert check_names(item("de", "Kowal gewinnt in Lublin", "Jan Kowal gewann 15 Elo-Punkte."), chess).passed
    assert check_names(item("fr", "Kowal gagne à Lublin", "Jan Kowal a gagné 15 points Elo."), chess).passed
    invented = item("fr", "Kowal gagne à Lublin", "Jan Kowal a gagné 15 points Elo devant Magnus Carlsen.")
    assert not check_names(invented, chess).passed
