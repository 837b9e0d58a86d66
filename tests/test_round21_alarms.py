"""The kinds of false alarm round 21's articles showed once spent, each with a new example
(not the calibration set's), and beside it the defect of the same shape that must still be
caught: a German item's names in the relevance check, a list counted, a name that closes
with a capital around lowercase words, a two-word name the source declines, and an r and z
that are two sounds."""

from __future__ import annotations

from briefs import item

from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.relevance import check_relevance
from briefer.checks.source import read_source
from briefer.checks.words import check_vocabulary

FLOOD_EN = (
    "Flooding closes Tewkesbury roads\n"
    "Floodwater closed six roads in Tewkesbury on Monday after the Severn burst its banks. "
    "Gloucestershire County Council said 14 homes were evacuated."
)


def test_a_german_item_s_names_tie_it_to_its_article() -> None:
    """German capitalises every noun, so its names are told by the dictionaries, as the names
    check tells them: Tewkesbury and the Severn are two ties."""
    facts = read_source(FLOOD_EN, "en")
    good = item("de", "Hochwasser in Tewkesbury", "Der Severn trat über die Ufer; sechs Straßen wurden gesperrt.")
    assert check_relevance(good, facts).passed, check_relevance(good, facts).message
    other = item("de", "Rezept für Apfelkuchen", "Den Teig bei 180 Grad backen und mit Zimt bestreuen.")
    assert not check_relevance(other, facts).passed


WARNING_IT = (
    "Allerta arancione in Piemonte\n"
    "La protezione civile ha diramato l'allerta arancione per Torino, Cuneo, Asti e Alessandria. "
    "Sono attesi fino a 150 millimetri di pioggia."
)


def test_the_names_of_a_list_are_counted() -> None:
    """ "Torino, Cuneo, Asti e Alessandria" are four provinces, as an editor writes it."""
    facts = read_source(WARNING_IT, "it")
    good = item("en", "Orange alert in Piedmont", "Four provinces are on alert, with up to 150mm of rain.")
    assert check_numbers(good, facts).passed, check_numbers(good, facts).message
    wrong = item("en", "Orange alert in Piedmont", "Five provinces are on alert, with up to 150mm of rain.")
    assert not check_numbers(wrong, facts).passed


UNION_FR = (
    "Les éleveurs manifestent à Limoges\n"
    "À l'appel de la Fédération laitière du Limousin, 300 éleveurs ont manifesté devant la préfecture."
)


def test_a_name_that_closes_with_a_capital_keeps_its_lowercase_words() -> None:
    """ "Fédération laitière du Limousin" is a name, kept as the source writes it; the
    source's common words alone are still French left in an English item."""
    facts = read_source(UNION_FR, "fr")
    good = item(
        "en", "Dairy farmers protest in Limoges", "The Fédération laitière du Limousin brought out 300 farmers."
    )
    assert check_vocabulary(good, facts).passed, check_vocabulary(good, facts).message
    left = item("en", "Dairy farmers protest in Limoges", "The laitière farmers, 300 of them, protested.")
    assert not check_vocabulary(left, facts).passed


CLIMBER_PL = (
    "Zmarł ratownik Józef Gąsienica\n"
    "W Nowym Sączu zmarł w wieku 88 lat ratownik górski Józef Gąsienica. Urodził się w Białym Dunajcu."
)


def test_a_two_word_name_the_source_declines() -> None:
    """Nowy Sącz and Biały Dunajec, for the source's "w Nowym Sączu", "w Białym Dunajcu"."""
    facts = read_source(CLIMBER_PL, "pl")
    good = item("en", "Mountain rescuer dies at 88", "Józef Gąsienica, born in Biały Dunajec, died in Nowy Sącz at 88.")
    assert check_names(good, facts).passed, check_names(good, facts).message
    wrong = item(
        "en", "Mountain rescuer dies at 88", "Józef Gąsienica, born in Biały Dunajec, died in Nowy Targ at 88."
    )
    assert not check_names(wrong, facts).passed


CURATOR_IT = "Mostra a Bologna\nLa curatrice Giulia Terzoni ha presentato la mostra con il restauratore Luca Berzotti."


def test_an_r_and_z_that_are_two_sounds() -> None:
    """Terzoni is Терцоні: Polish writes rz as one sound, Italian as two."""
    facts = read_source(CURATOR_IT, "it")
    good = item("uk", "Виставка в Болоньї", "Кураторка Джулія Терцоні представила виставку разом з Лукою Берцотті.")
    assert check_names(good, facts).passed, check_names(good, facts).message
    wrong = item("uk", "Виставка в Болоньї", "Кураторка Джулія Терцоні представила виставку разом з Лукою Вертолі.")
    assert not check_names(wrong, facts).passed
