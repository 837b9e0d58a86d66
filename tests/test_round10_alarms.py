"""The kinds of false alarm round 10's sealed part showed at first sight, each with a new
example (not the calibration set's), and beside it the defect of the same shape that must
still be caught: a title's rounded figure given as the article states it further down, a
change given by its before and after, an era after a year, a number a Polish compound opens
with."""

from __future__ import annotations

from briefs import item

from briefer.checks.coverage import check_coverage
from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source

TURNOUT_EN = (
    "Turnout falls to 38 per cent in Ashby mayoral vote\n"
    "Voters in Ashby chose a new mayor on Thursday in a contest held after the last one resigned.\n\n"
    "Sarah Okoye of Labour won with 12,400 votes.\n\n"
    "The returning officer said turnout was 38.4 per cent, down from 51 per cent in 2022."
)


def test_a_titles_rounded_figure_may_be_given_as_the_article_states_it_further_down() -> None:
    facts = read_source(TURNOUT_EN, "en")
    exact = item("de", "Bürgermeisterwahl in Ashby", "Die Wahlbeteiligung lag bei 38,4 Prozent, nach 51 Prozent 2022.")
    assert check_coverage(exact, facts).passed
    dropped = item("de", "Bürgermeisterwahl in Ashby", "Gewählt wurde am Donnerstag; 2022 waren es 51 Prozent.")
    assert not check_coverage(dropped, facts).passed


FERRY_DE = (
    "Neue Fähre: Überfahrt nach Helgoland neun Minuten kürzer\n"
    "Die neue Fähre der Reederei Helgoline fährt seit Montag.\n\n"
    "Sie bietet Platz für 480 Fahrgäste.\n\n"
    "Von Cuxhaven nach Helgoland braucht sie 66 statt bisher 75 Minuten."
)


def test_a_change_the_title_counts_may_be_given_by_its_before_and_after() -> None:
    facts = read_source(FERRY_DE, "de")
    faster = item("en", "New ferry to Heligoland", "The crossing from Cuxhaven takes 66 minutes instead of 75.")
    assert check_coverage(faster, facts).passed
    dropped = item("en", "New ferry to Heligoland", "The ferry has been running since Monday.")
    assert not check_coverage(dropped, facts).passed


def test_an_era_after_a_year_names_nothing() -> None:
    facts = read_source("Scavi\nLa villa fu distrutta nell'eruzione del 79 d.C. insieme a Ercolano.", "it")
    assert check_names(item("en", "x", "The villa was destroyed in the eruption of AD 79."), facts).passed
    assert not check_names(item("en", "x", "The villa was destroyed with Herculaneum and Stabiae."), facts).passed


def test_a_number_a_polish_compound_opens_with_is_the_sources() -> None:
    facts = read_source("Transfer\nNapastnik podpisał czteroletni kontrakt z klubem z Lizbony.", "pl")
    assert check_numbers(item("en", "x", "The striker signed a four-year contract."), facts).passed
    assert not check_numbers(item("en", "x", "The striker signed a five-year contract."), facts).passed
