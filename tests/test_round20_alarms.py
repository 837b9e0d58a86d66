"""The kinds of false alarm round 20's articles showed once spent, each with a new example
(not the calibration set's), and beside it the defect of the same shape that must still be
caught: a cardinal after the word for a place in an order, an age group after "over", the
years a span holds, a people the source names by its adjective, a German adjective's rarer
ending, an Italian participle of a listed verb."""

from __future__ import annotations

from briefs import item

from briefer.checks.coverage import check_coverage
from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source
from briefer.checks.words import check_vocabulary

RACE_DE = (
    "Müller gewinnt in Kitzbühel – Berger fährt auf Platz drei\n"
    "Lukas Müller hat die Abfahrt in Kitzbühel gewonnen. Der Österreicher lag 0,42 Sekunden vor "
    "dem Schweizer Marco Feller."
)


def test_a_cardinal_after_the_word_for_a_place_is_a_rank() -> None:
    """ "auf Platz drei" is third place, no count the brief must give."""
    facts = read_source(RACE_DE, "de")
    good = item(
        "en",
        "Müller wins the Kitzbühel downhill",
        "The Austrian took the classic on the Streif.",
        "He beat Marco Feller by 0.42 seconds.",
    )
    assert check_coverage(good, facts).passed, check_coverage(good, facts).message
    dropped = item("en", "Downhill in Kitzbühel", "Marco Feller of Switzerland raced in Kitzbühel.")
    assert not check_coverage(dropped, facts).passed


FLU_ES = (
    "La gripe llena los hospitales\n"
    "Los hospitales atendieron 12.400 casos de gripe entre 2016 y 2025. El 64 % de los "
    "ingresados tenía más de 75 años."
)


def test_an_age_group_after_over_and_the_years_a_span_holds() -> None:
    """ "61% were over 75 and 57% women": 75 is an age, not a percentage; 2016 to 2025 is ten
    years, as an editor counts them."""
    facts = read_source(FLU_ES, "es")
    good = item("en", "Flu fills hospitals", "Hospitals saw 12,400 flu cases in ten years; 64% were over 75 and frail.")
    assert check_numbers(good, facts).passed, check_numbers(good, facts).message
    for wrong in ("Hospitals saw 12,400 flu cases in twelve years.", "Of them 64% were over 75 and 57% were men."):
        assert not check_numbers(item("en", "Flu fills hospitals", wrong), facts).passed, wrong


MATCH_UK = "«Шахтар» переміг «Зорю»\n«Шахтар» обіграв «Зорю» 2:0. Обидва м'ячі забив бразильський нападник Матео Ріос."


def test_a_people_the_source_names_by_its_adjective() -> None:
    """бразильський (Brazilian) names the people the item's Brazylijczyk is one of."""
    facts = read_source(MATCH_UK, "uk")
    good = item("pl", "Szachtar pokonał Zorię", "Oba gole strzelił Brazylijczyk Mateo Rios.")
    assert check_names(good, facts).passed, check_names(good, facts).message
    other = item("pl", "Szachtar pokonał Zorię", "Oba gole strzelił Argentyńczyk Mateo Rios.")
    assert not check_names(other, facts).passed


PERMIT_EN = "Building permit\nThe council approved the extension once the owners had shown the proof it demanded."


def test_a_german_adjective_s_rarer_ending_is_a_declension() -> None:
    """gefordert-em is a participle declined (geforderte, geforderter are in the lists), not a
    garble; letters added that no adjective takes (gefordertet) still are."""
    facts = read_source(PERMIT_EN, "en")
    good = item("de", "Baugenehmigung", "Der Rat stimmte dem Anbau mit gefordertem Nachweis zu.")
    assert check_vocabulary(good, facts).passed, check_vocabulary(good, facts).message
    garbled = item("de", "Baugenehmigung", "Der Rat stimmte dem Anbau mit gefordertet Nachweis zu.")
    assert not check_vocabulary(garbled, facts).passed


TRIAL_EN = "Trial\nThe drug helped patients whose lymphoma had relapsed after two treatments."


def test_an_italian_participle_of_a_listed_verb_is_a_word() -> None:
    facts = read_source(TRIAL_EN, "en")
    good = item("it", "Studio clinico", "Il farmaco ha aiutato pazienti con linfoma recidivato dopo due terapie.")
    assert check_vocabulary(good, facts).passed, check_vocabulary(good, facts).message
    garbled = item("it", "Studio clinico", "Il farmaco ha aiutato pazienti con linfoma recidivatto dopo due terapie.")
    assert not check_vocabulary(garbled, facts).passed
