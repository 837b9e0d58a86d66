"""A figure of the source is only the source's figure for what the source counts with it:
a figure it gives only as someone's age is no count of injured, arrests or homes. New
examples, not the calibration set's."""

from __future__ import annotations

import pytest
from briefs import item

from briefer.checks.numbers import check_numbers
from briefer.checks.source import read_source
from briefer.core.models import Item

FERRY_IT = (
    "Traghetto in avaria al largo di Piombino, 61 passeggeri soccorsi\n"
    "Sono 61 i passeggeri soccorsi ieri sera dopo l'avaria del traghetto Isola d'Elba, al largo di Piombino. "
    "Il comandante, un uomo di 52 anni, ha lanciato l'allarme alle 19.40. Nove persone sono state portate in "
    "ospedale per accertamenti."
)


def numbers(value: Item) -> bool:
    return check_numbers(value, read_source(FERRY_IT, "it")).passed


@pytest.mark.parametrize(
    "value",
    [
        item("en", "52 passengers rescued from a stricken ferry off Piombino"),
        item("de", "Fähre vor Piombino in Seenot: 52 Passagiere gerettet"),
        item("fr", "Ferry en avarie au large de Piombino : 52 passagers secourus"),
        item("pl", "Awaria promu koło Piombino, uratowano 52 pasażerów"),
        item("uk", "Біля Пьомбіно врятували 52 пасажирів порома"),
        item("es", "Rescatados 52 pasajeros de un ferri averiado frente a Piombino"),
        item("it", "Traghetto in avaria a Piombino, soccorsi 52 passeggeri"),
    ],
    ids=lambda v: v.lang,
)
def test_the_sources_age_written_as_a_count_is_a_wrong_number(value: Item) -> None:
    assert not numbers(value)


@pytest.mark.parametrize(
    "value",
    [
        item("en", "61 rescued off Piombino", "The captain, 52, raised the alarm at 7.40pm."),
        item("en", "61 rescued off Piombino", "The captain, aged 52 and at sea for decades, raised the alarm."),
        item("de", "61 Menschen vor Piombino gerettet", "Der 52-jährige Kapitän schlug um 19.40 Uhr Alarm."),
        item("fr", "61 passagers secourus", "Le commandant, âgé de 52 ans, a donné l'alerte."),
        item("pl", "Uratowano 61 pasażerów", "Alarm podniósł 52-letni kapitan."),
        item("uk", "Врятували 61 пасажира", "Тривогу підняв 52-річний капітан."),
        item("es", "Rescatados 61 pasajeros", "El capitán, de 52 años, dio la alarma."),
        item("it", "Soccorsi 61 passeggeri", "Il comandante (52) ha dato l'allarme."),
    ],
    ids=lambda v: v.lang,
)
def test_the_sources_age_written_as_an_age_passes(value: Item) -> None:
    assert numbers(value)


# Both ends of a range are the source's only when one of its sentences holds them together.
MUSEUM_FR = (
    "Le musée des Beaux-Arts de Nantes ouvre en nocturne cet été\n"
    "Du 1er juillet au 31 août, le musée sera ouvert de 10 heures à 22 heures le jeudi. Les autres jours, "
    "les horaires restent inchangés, de 11 heures à 19 heures. L'entrée coûte 8 euros."
)


def museum(value: Item) -> bool:
    return check_numbers(value, read_source(MUSEUM_FR, "fr")).passed


@pytest.mark.parametrize(
    "value",
    [
        item("en", "Nantes fine arts museum opens late on Thursdays", "Open from 11.00 to 22.00; entry €8."),
        item("de", "Nantes: Museum donnerstags länger offen", "Geöffnet von 11 bis 22 Uhr."),
        item("fr", "Nocturnes au musée des Beaux-Arts de Nantes", "Ouvert le jeudi de 11 heures à 22 heures."),
        item("pl", "Muzeum w Nantes otwarte dłużej w czwartki", "Czynne od 10 do 19."),
        item("uk", "Музей у Нанті працюватиме довше", "Відчинено з 10 до 19 години."),
        item("es", "El museo de Nantes abre de noche", "Abrirá los jueves de 11 a 22 horas."),
        item("it", "Il museo di Nantes apre la sera", "Il giovedì sarà aperto dalle 11 alle 22."),
    ],
    ids=lambda v: v.lang,
)
def test_a_range_whose_ends_no_sentence_of_the_source_holds_together_is_a_wrong_number(value: Item) -> None:
    assert not museum(value)


@pytest.mark.parametrize(
    "value",
    [
        item("de", "Nantes: Museum donnerstags länger offen", "Geöffnet von 10 bis 22 Uhr, sonst von 11 bis 19 Uhr."),
        item(
            "it", "Il museo di Nantes apre la sera", "Il giovedì dalle 10 alle 22, gli altri giorni dalle 11 alle 19."
        ),
        item("pl", "Muzeum w Nantes otwarte dłużej w czwartki", "W czwartki od 10 do 22."),
        item("fr", "Nocturnes au musée de Nantes", "Le jeudi de 10 heures à 22 heures, l'entrée à 8 euros."),
        # a unit, then a date: no range ("8 euros au 1er juillet")
        item("fr", "Nocturnes au musée de Nantes", "L'entrée restera à 8 euros au 1er juillet."),
    ],
    ids=lambda v: v.lang,
)
def test_the_sources_own_ranges_pass(value: Item) -> None:
    assert museum(value)
