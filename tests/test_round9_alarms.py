"""The kinds of false alarm round 9's sealed part showed at first sight, each with a new
example (not the calibration set's), and beside it the defect of the same shape that must
still be caught: a road written apart by the source and together by the item, a score with a
colon, a place declined where its last g or k softens, a figure after an elided preposition."""

from __future__ import annotations

from briefs import item

from briefer.checks.coverage import check_coverage
from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source

ROADWORKS_DE = (
    "B 10: Ortsumfahrung Geislingen wird ab Montag gesperrt\n"
    "Das Regierungspräsidium sperrt die Ortsumfahrung auf der B 10 bei Geislingen ab Montag.\n\n"
    "Die Sanierung kostet 4,2 Millionen Euro und dauert sechs Wochen. Umgeleitet wird über die A 8."
)


def test_a_road_the_source_writes_apart_is_a_name_not_a_figure() -> None:
    facts = read_source(ROADWORKS_DE, "de")
    closed = item(
        "en", "B10 bypass at Geislingen closes on Monday", "The €4.2m repairs take six weeks; traffic uses the A8."
    )
    assert check_names(closed, facts).passed
    assert check_coverage(closed, facts).passed  # 10 is the road's name, not the story's figure
    assert not check_numbers(item("en", "B10 bypass closes", "Traffic is diverted via the A7."), facts).passed
    assert not check_numbers(item("en", "B10 bypass closes", "The repairs cost €5.2m."), facts).passed


def test_a_score_written_with_a_colon_is_the_sources_score() -> None:
    facts = read_source("Handball\nKiel besiegte Flensburg am Sonntag mit 31-27 vor 10.285 Zuschauern.", "de")
    assert check_numbers(item("pl", "x", "Kilonia pokonała Flensburg 31:27."), facts).passed
    assert not check_numbers(item("pl", "x", "Kilonia pokonała Flensburg 31:25."), facts).passed


def test_a_place_declined_where_its_last_g_or_k_softens_is_named() -> None:
    facts = read_source("Congreso\nEl congreso se celebra esta semana en Braga con 900 delegados.", "es")
    assert check_names(item("pl", "x", "Kongres odbywa się w tym tygodniu w Bradze."), facts).passed
    assert check_names(item("uk", "x", "Конгрес цього тижня відбувається в Бразі."), facts).passed
    assert not check_names(item("pl", "x", "Kongres odbywa się w tym tygodniu w Pradze."), facts).passed


def test_a_figure_after_an_elided_preposition_names_nothing() -> None:
    facts = read_source("Festiwal\nJedenasta edycja festiwalu trwała od 3 do 12 października.", "pl")
    assert check_names(item("it", "x", "All'11ª edizione, dal 3 al 12 ottobre, 38 concerti."), facts).passed
