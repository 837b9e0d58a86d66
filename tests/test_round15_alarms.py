"""The kinds of false alarm round 15's articles showed once spent, each with a new example
(not the calibration set's), and beside it the defect of the same shape that must still be
caught: a term of years and months as a decimal of years, an age told as the year of life
someone was in, a hyphenated region by its name in the brief's language where the source's
sounds otherwise."""

from __future__ import annotations

from briefs import item

from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source

FINE_PL = "Wyrok\nSkazany musi zapłacić 30 tys. zł grzywny i zwrócić klientom 1 150 400 zł."


def test_an_amount_written_out_in_full_is_not_read_at_another_figures_scale() -> None:
    """A defect the 4,5 false alarm had caught: the full amount read as thousands of zlotys
    because the sentence's other amount is in thousands, so 1.15 billion passed."""
    facts = read_source(FINE_PL, "pl")
    assert check_numbers(item("en", "Verdict", "He must repay clients 1.15 million zlotys."), facts).passed
    assert not check_numbers(item("en", "Verdict", "He must repay clients 1.15 billion zlotys."), facts).passed


SENTENCE_DE = (
    "Urteil im Pflegeheim-Prozess\n"
    "Das Landgericht Bremen verurteilte den Heimleiter zu drei Jahren und sechs Monaten Haft."
)


def test_a_term_of_years_and_months_is_a_decimal_of_years() -> None:
    facts = read_source(SENTENCE_DE, "de")
    good = item("en", "Care home manager jailed", "A Bremen court sentenced him to 3.5 years in prison.")
    assert check_numbers(good, facts).passed
    wrong = item("en", "Care home manager jailed", "A Bremen court sentenced him to 4.5 years in prison.")
    assert not check_numbers(wrong, facts).passed


OBITUARY_PL = "Nie żyje Anna Wrzos\nAktorka Anna Wrzos zmarła w Krakowie w 91. roku życia."


def test_the_year_of_life_someone_was_in_gives_their_age() -> None:
    facts = read_source(OBITUARY_PL, "pl")
    assert check_numbers(item("de", "Anna Wrzos ist tot", "Die Schauspielerin starb mit 90 Jahren."), facts).passed
    assert not check_numbers(item("de", "Anna Wrzos ist tot", "Die Schauspielerin starb mit 93 Jahren."), facts).passed


CHIPS_DE = "Chipfabrik\nIn Magdeburg (Sachsen-Anhalt) entsteht eine Chipfabrik mit 3000 Arbeitsplätzen."


def test_a_hyphenated_region_by_its_name_in_another_language_is_the_sources_region() -> None:
    facts = read_source(CHIPS_DE, "de")
    good = item("en", "Chip plant", "A chip plant with 3,000 jobs is being built in Magdeburg, Saxony-Anhalt.")
    assert check_names(good, facts).passed
    assert check_names(item("es", "Chips", "Magdeburgo (Sajonia-Anhalt) tendrá una fábrica de chips."), facts).passed
    wrong = item("en", "Chip plant", "A chip plant with 3,000 jobs is being built in Magdeburg, Hesse.")
    assert not check_names(wrong, facts).passed
