"""The kinds of false alarm round 7's sealed part showed at first sight, each with a new
example (not the calibration set's), and beside it the defect of the same shape that must
still be caught: a word for a whole day holds its 24 hours, an ordinal is no lead figure, a
country after an elided article, a city named by its adjective, a learned term of the
source in the item's spelling."""

from __future__ import annotations

from briefs import item

from briefer.checks.coverage import check_coverage
from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source
from briefer.checks.words import check_vocabulary


def test_a_word_for_a_whole_day_holds_its_24_hours() -> None:
    facts = read_source("Ulewy na Podhalu\nW ciągu doby spadło tam 80 mm deszczu.", "pl")
    assert check_numbers(item("en", "x", "Up to 80mm of rain fell there in 24 hours."), facts).passed
    assert not check_numbers(item("en", "x", "Up to 80mm of rain fell there in 48 hours."), facts).passed


FESTIVAL_IT = (
    "Premio del festival a «Il mare d'inverno»\n"
    "È «Il mare d'inverno» di Anna Neri il vincitore della 31ª edizione del Festival di Lecce.\n\n"
    "Al film va un premio di 20.000 euro."
)


def test_an_ordinal_is_no_lead_figure() -> None:
    facts = read_source(FESTIVAL_IT, "it")
    won = item("en", "Anna Neri's film wins in Lecce", "'Il mare d'inverno' wins the festival and €20,000.")
    assert check_coverage(won, facts).passed
    dropped = item("en", "Festival in Lecce", "The jury met on Saturday.")
    assert not check_coverage(dropped, facts).passed


def test_a_country_after_an_elided_article_is_named() -> None:
    facts = read_source("Premi\nMiglior attrice l'ucraina Olena Bilyk, protagonista del film.", "it")
    assert check_names(item("pl", "x", "Nagrodę dla aktorki dostała Ukrainka Olena Bilyk."), facts).passed
    assert not check_names(item("pl", "x", "Nagrodę dla aktorki dostała Rosjanka Olena Bilyk."), facts).passed


def test_a_city_named_by_its_adjective() -> None:
    facts = read_source("Premi\nHa vinto la regista torinese Paola Sarti.", "it")
    assert check_names(item("pl", "x", "Nagroda dla reżyserki z Turynu Paoli Sarti."), facts).passed
    assert check_names(item("fr", "x", "Le prix va à la Turinoise Paola Sarti."), facts).passed
    assert not check_names(item("pl", "x", "Nagroda dla reżyserki z Mediolanu Paoli Sarti."), facts).passed


def test_a_learned_term_of_the_source_in_the_items_spelling() -> None:
    facts = read_source("Nuevo dinosaurio\nLos paleontólogos describen un rebaquisáurido de 20 metros.", "es")
    assert check_vocabulary(item("en", "x", "Palaeontologists describe a 20-metre rebbachisaurid."), facts).passed
    assert check_vocabulary(item("it", "x", "I paleontologi descrivono un rebbachisauride di 20 metri."), facts).passed
    assert not check_vocabulary(item("en", "x", "Palaeontologists describe a 20-metre rebaflux."), facts).passed
