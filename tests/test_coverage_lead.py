"""The central fact sits where an editor puts it, in the headline or the first bullet: a
title's figure kept only further down is a detail, and a title's share may be written as a
share ("a quarter", "ein Viertel") or as two amounts. New examples, not the calibration set's."""

from __future__ import annotations

import pytest
from briefs import item

from briefer.checks.coverage import check_coverage
from briefer.checks.source import read_source
from briefer.core.models import Item
from briefer.lang import text

STORM_FR = (
    "Tempête à Saint-Malo : un quart des aides versées, 300 familles toujours relogées\n"
    "SAINT-MALO – Six mois après la tempête, la ville n'a reçu que 12 millions d'euros sur les 48 millions "
    "promis par l'État, a indiqué mercredi le maire, Paul Lemarchand.\n"
    "La digue du Sillon a été réparée et la promenade a rouvert samedi. Trois cents familles vivent toujours dans "
    "des logements provisoires, et 40 commerces n'ont pas rouvert."
)


def covered(value: Item) -> bool:
    return check_coverage(value, read_source(STORM_FR, "fr")).passed


@pytest.mark.parametrize(
    "value",
    [
        item(
            "en",
            "Six months after the storm, Saint-Malo has had only a quarter of the promised aid",
            "Mayor Paul Lemarchand says the state has yet to pay most of what it pledged.",
        ),
        item(
            "de",
            "Saint-Malo hat erst ein Viertel der zugesagten Sturmhilfe erhalten",
            "Der Staat habe den Großteil noch nicht gezahlt, sagt Bürgermeister Paul Lemarchand.",
        ),
        item(
            "fr",
            "Saint-Malo n'a touché qu'un quart des aides promises après la tempête",
            "L'État n'a pas encore versé l'essentiel, selon le maire Paul Lemarchand.",
        ),
        item(
            "pl",
            "Saint-Malo dostało dopiero ćwierć obiecanej pomocy po burzy",
            "Państwo nie wypłaciło jeszcze większości, mówi mer Paul Lemarchand.",
        ),
        item(
            "uk",
            "Сен-Мало отримало лише чверть обіцяної допомоги після шторму",
            "Держава досі не виплатила більшу частину, каже мер Поль Лемаршан.",
        ),
        item(
            "es",
            "Saint-Malo solo ha recibido un cuarto de las ayudas prometidas",
            "El Estado aún no ha pagado la mayor parte, según el alcalde Paul Lemarchand.",
        ),
        item(
            "it",
            "Saint-Malo ha ricevuto solo un quarto degli aiuti promessi",
            "Lo Stato non ha ancora pagato la maggior parte, dice il sindaco Paul Lemarchand.",
        ),
        # the share as two amounts: 12m of 48m is the title's quarter
        item("de", "Saint-Malo fehlen nach dem Sturm noch 36 Mio. Euro", "Von 48 Mio. Euro kamen 12 Mio. Euro an."),
    ],
    ids=lambda v: f"{v.lang}-{v.headline[:16]}",
)
def test_a_headline_that_gives_the_titles_share_keeps_the_central_fact(value: Item) -> None:
    assert covered(value)


def test_a_title_figure_kept_only_in_a_later_bullet_is_a_dropped_central_fact() -> None:
    promenade = item(
        "en",
        "Saint-Malo reopens its seafront promenade",
        "The Sillon sea wall has been repaired and the promenade reopened on Saturday.",
        "Some 300 families still live in temporary housing.",
    )
    assert not covered(promenade)


def test_a_rank_is_no_share() -> None:
    assert text.fractions("il terzo giorno di pioggia", "it") == []
    assert text.fractions("trzecia runda rozmów", "pl") == []
    assert text.fractions("un terzo dei fondi", "it") == text.fractions("ein Drittel der Mittel", "de")


# Without a title figure, the lead paragraph may tell the story's figure in words (a regatta
# won by "four minutes") while its digits come further down (the fleet, the prize money).
REGATTA_IT = (
    "Barcolana, vince Elena Rossetti con Maestrale\n"
    "TRIESTE – Elena Rossetti e il suo equipaggio di Maestrale hanno vinto domenica la Barcolana, "
    "con quattro minuti di vantaggio sul francese Luc Marchand.\n"
    "Al via c'erano 1.800 barche. Il premio per il vincitore è di 25.000 euro."
)


@pytest.mark.parametrize(
    "good",
    [
        item("en", "Rossetti wins the Barcolana", "Maestrale finished four minutes ahead of Luc Marchand."),
        item("de", "Rossetti gewinnt die Barcolana", "Ihr Boot lag vier Minuten vor Luc Marchand."),
        item("pl", "Rossetti wygrywa Barcolanę", "Maestrale miała cztery minuty przewagi."),
    ],
)
def test_without_a_title_figure_the_leads_figure_in_words_covers_it(good: Item) -> None:
    result = check_coverage(good, read_source(REGATTA_IT, "it"))
    assert result.passed, result.message


def test_a_lead_told_in_words_still_needs_its_figure() -> None:
    src = read_source(REGATTA_IT, "it")
    dropped = item("en", "Barcolana draws a big fleet", "Prize money reaches 25,000 euros for the winner of Trieste.")
    assert not check_coverage(dropped, src).passed
