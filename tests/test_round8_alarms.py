"""The kinds of false alarm round 8's sealed part showed at first sight, each with a new
example (not the calibration set's), and beside it the defect of the same shape that must
still be caught: a time of day and the first of two days are no lead figures, an age as an
adjective neither; pence written against their figure; a number a German compound opens
with; a decade by its tens; a place whose name one language writes with a doubled letter."""

from __future__ import annotations

from briefs import item

from briefer.checks.coverage import check_coverage
from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source

FROST_DE = (
    "Glatteis: Wetterdienst warnt vor bis zu minus 12 Grad\n"
    "Die Warnung gilt von Montag, 20 Uhr, bis Mittwoch, 9 Uhr.\n\n"
    "In den Tälern erwartet der Wetterdienst Frost bis minus 8 Grad, in Hochlagen bis minus 12 Grad."
)


def test_a_time_of_day_is_no_lead_figure() -> None:
    facts = read_source(FROST_DE, "de")
    warned = item(
        "en", "Weather service warns of black ice", "Frost down to minus 8 degrees is expected in the valleys."
    )
    assert check_coverage(warned, facts).passed
    dropped = item("en", "Weather warning issued", "The warning runs from Monday evening to Wednesday morning.")
    assert not check_coverage(dropped, facts).passed


EXHIBITION_UK = (
    "У Полтаві відкрили виставку Мирослава Ткача\n"
    "Виставку 52-річного художника Мирослава Ткача відкрили в Полтаві, "
    "наступні покази відбудуться 21 і 22 травня.\n\n"
    "За перший день її відвідали 640 людей."
)


def test_the_first_of_two_days_and_an_age_as_an_adjective_are_no_lead_figures() -> None:
    facts = read_source(EXHIBITION_UK, "uk")
    opened = item("en", "Myroslav Tkach exhibition opens in Poltava", "640 people came on the first day.")
    assert check_coverage(opened, facts).passed
    dropped = item("en", "Myroslav Tkach exhibition opens in Poltava", "The painter's works are on show in the city.")
    assert not check_coverage(dropped, facts).passed


def test_pence_written_against_their_figure_are_the_figure() -> None:
    facts = read_source("Results\nThe board raised the dividend to 4.2p a share.", "en")
    assert check_numbers(item("de", "x", "Die Dividende steigt auf 4,2 Pence je Aktie."), facts).passed
    assert not check_numbers(item("de", "x", "Die Dividende steigt auf 5,2 Pence je Aktie."), facts).passed


def test_a_number_a_german_compound_opens_with_is_the_sources() -> None:
    facts = read_source("Stromausfall\nNach einem dreistündigen Stromausfall lief der Betrieb wieder.", "de")
    assert check_numbers(item("en", "x", "Work resumed after a three-hour power cut."), facts).passed
    assert not check_numbers(item("en", "x", "Work resumed after a five-hour power cut."), facts).passed


def test_a_decade_written_by_its_year_may_be_written_by_its_tens() -> None:
    facts = read_source("Prognose\nIn den 2040er-Jahren wird der Meeresspiegel schneller steigen.", "de")
    assert check_numbers(item("pl", "x", "W latach 40. poziom mórz będzie rósł szybciej."), facts).passed
    assert not check_numbers(item("pl", "x", "W latach 50. poziom mórz będzie rósł szybciej."), facts).passed


def test_a_place_one_language_writes_with_a_doubled_letter_is_named() -> None:
    facts = read_source("Neve nell'Appennino ligure\nNevicate abbondanti nella notte, strade chiuse.", "it")
    assert check_names(item("en", "Heavy snow in Italy's Apennines", "Roads were closed."), facts).passed
    # a short name is not taken for a longer word that merely begins like it (Reggio ~ regione)
    region = read_source("Maltempo\nLa regione ha chiuso le scuole di Cosenza.", "it")
    assert not check_names(item("en", "x", "The region closed the schools of Reggio."), region).passed
