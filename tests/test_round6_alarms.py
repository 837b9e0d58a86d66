"""The kinds of false alarm round 6's sealed part showed at first sight, each with a new
example (not the calibration set's), and beside it the defect of the same shape that must
still be caught: a first name transliterated by its glides, a Polish adjective of a city, an
ordinal's dot inside a sentence, a German word that only opens a place's name, a voivodeship
a Polish source names by its adjective."""

from __future__ import annotations

from briefs import item

from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source
from briefer.checks.words import check_vocabulary


def test_a_first_name_passes_in_every_spelling_of_its_glides() -> None:
    facts = read_source("Помер диригент\nПомер диригент Юрій Гнатенко, засновник оркестру.", "uk")
    for lang, bullet in [
        ("en", "Conductor Yuriy Hnatenko, the orchestra's founder, has died."),
        ("fr", "Le chef d'orchestre Iouri Hnatenko, fondateur de l'orchestre, est mort."),
        ("es", "Ha muerto el director Yuri Hnatenko, fundador de la orquesta."),
    ]:
        assert check_names(item(lang, "x", bullet), facts).passed, bullet
    assert not check_names(item("en", "x", "Conductor Yaroslav Hnatenko has died."), facts).passed


def test_a_polish_adjective_of_a_city_the_source_names() -> None:
    facts = read_source("Studio\nUno studio guidato dall'Università di Bologna conferma la scoperta.", "it")
    assert check_names(item("pl", "x", "Badanie Uniwersytetu Bolońskiego potwierdza odkrycie."), facts).passed
    assert not check_names(item("pl", "x", "Badanie Uniwersytetu Padewskiego potwierdza odkrycie."), facts).passed


def test_an_ordinals_dot_does_not_end_the_sentence_of_a_range() -> None:
    facts = read_source(
        "Aufstieg in der Rangliste\nNach dem Turniersieg verbessert sie sich vom 44. auf den 19. Platz der Weltrangliste.",
        "de",
    )
    assert check_numbers(item("es", "x", "Subirá del puesto 44 al 19 de la clasificación mundial."), facts).passed
    assert not check_numbers(item("es", "x", "Subirá del puesto 44 al 12 de la clasificación mundial."), facts).passed


def test_a_german_word_that_only_opens_a_places_name_is_a_name() -> None:
    facts = read_source(
        "Neue Ausstellung\nDie Leihgaben kommen aus der Kunsthalle Hamburg. Die Kunsthalle Hamburg zeigt sie im Herbst. "
        "Das Hochwasser hatte die Eröffnung verzögert.",
        "de",
    )
    assert check_vocabulary(item("es", "x", "Las obras llegan de la Kunsthalle de Hamburgo."), facts).passed
    assert not check_vocabulary(item("es", "x", "El Hochwasser retrasó la apertura."), facts).passed


def test_a_voivodeship_named_by_its_adjective_in_a_polish_source() -> None:
    facts = read_source(
        "Ostrzeżenia przed upałem\nIMGW wydał ostrzeżenia dla województw małopolskiego i podkarpackiego.", "pl"
    )
    assert check_names(item("fr", "x", "L'IMGW a placé les Basses-Carpates en vigilance."), facts).passed
    assert not check_names(item("fr", "x", "L'IMGW a placé la Poméranie en vigilance."), facts).passed
