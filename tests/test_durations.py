"""Race and stage times are one quantity, in seconds, however a language writes them
("1hr 02min 15sec", "1:02:15", "1h02'15\"", "1 h 02 min 15 s", "48 s"), and a figure glued to
its degrees ("6C") is a temperature. New examples, not the calibration set's."""

from __future__ import annotations

import pytest
from briefs import item

from briefer.checks import checks
from briefer.checks.numbers import check_numbers
from briefer.checks.quotes import check_quotes
from briefer.checks.source import read_source
from briefer.core.models import CheckResult, Item

TRIAL_EN = (
    "Varga wins the Lakeside time trial by 48 seconds\n"
    "Hungary's Petra Varga won the Lakeside time trial on Saturday in 1hr 02min 15sec, taking 2min 04sec off "
    "her own best, while Norway's Ole Lund was second, 48 seconds back. The temperature was 6C at the start "
    "and 11C at the finish.\n"
    '"The wind was kind to me," Varga said.'
)

CRONO_IT = (
    "Cronometro di Lecco, vince Ferri. Le Sette Sorelle del lago restano a guardare\n"
    "Luca Ferri ha vinto la cronometro di Lecco in 52'40\", davanti a Paolo Neri, staccato di 1'05\". "
    "Terzo Marco Villa a 2'30\"."
)


def numbers(value: Item, source: str = TRIAL_EN, lang: str = "en") -> CheckResult:
    return check_numbers(value, read_source(source, lang))


@pytest.mark.parametrize(
    "value",
    [
        item("en", "Varga wins Lakeside time trial", "Petra Varga won in 1:02:15, 2min 04sec inside her best."),
        item("de", "Varga gewinnt Zeitfahren", "Petra Varga siegte in 1:02:15 Stunden und war 2:04 Minuten schneller."),
        item("fr", "Varga gagne le contre-la-montre", "Petra Varga s'est imposée en 1 h 02 min 15 s, par 6 à 11 °C."),
        item(
            "pl", "Varga wygrywa jazdę na czas", "Petra Varga wygrała z czasem 1:02:15, poprawiając wynik o 2 min 4 s."
        ),
        item("uk", "Варга виграла гонку", "Петра Варга виграла з часом 1:02:15, покращивши результат на 2 хв 04 с."),
        item(
            "es", "Varga gana la contrarreloj", "Petra Varga ganó con 1:02:15, 2 minutos y 4 segundos menos que antes."
        ),
        item("it", "Varga vince la cronometro", "Petra Varga ha vinto in 1h02'15\", migliorandosi di 2'04\"."),
        item("de", "Varga gewinnt Zeitfahren", "Es war 6 bis 11 Grad warm."),
    ],
    ids=lambda v: v.lang,
)
def test_a_time_written_in_another_form_is_the_sources_time(value: Item) -> None:
    assert numbers(value).passed, numbers(value).message


@pytest.mark.parametrize(
    "value",
    [
        item("en", "Varga wins Lakeside time trial", "Petra Varga won in 1:03:15."),
        item("de", "Varga gewinnt Zeitfahren", "Petra Varga war 3:04 Minuten schneller als zuvor."),
        item("pl", "Varga wygrywa jazdę na czas", "Petra Varga poprawiła wynik o 2 min 14 s."),
        item("it", "Varga vince la cronometro", "Petra Varga ha vinto in 1h02'51\"."),
    ],
    ids=lambda v: v.lang,
)
def test_a_changed_time_is_a_wrong_number(value: Item) -> None:
    assert not numbers(value).passed


@pytest.mark.parametrize(
    "value",
    [
        item("es", "Ferri gana la crono de Lecco", "Luca Ferri ganó en 52:40, con 1:05 sobre Paolo Neri."),
        item("en", "Ferri wins Lecco time trial", "Luca Ferri won in 52min 40sec, 1min 05sec ahead of Paolo Neri."),
    ],
    ids=lambda v: v.lang,
)
def test_minutes_and_seconds_marks_of_the_source_are_its_times(value: Item) -> None:
    assert numbers(value, CRONO_IT, "it").passed, numbers(value, CRONO_IT, "it").message


def test_a_seconds_mark_is_no_quotation_mark() -> None:
    value = item("it", "Ferri vince a Lecco", "Ferri ha vinto in 52'40\", Neri è a 1'05\", Villa a 2'30\".")
    result = check_quotes(value, read_source(CRONO_IT, "it"))
    assert result.passed, result.message


def test_a_capitalised_number_word_inside_a_name_is_no_figure() -> None:
    value = item("it", "Ferri vince a Lecco, dove salì alle Nove Torri", "Ferri ha vinto in 52'40\".")
    assert numbers(value, CRONO_IT, "it").passed


def test_a_place_named_three_times_is_no_loop() -> None:
    value = item(
        "it",
        "Ferri vince sotto le Sette Sorelle",
        "Luca Ferri ha vinto sotto le Sette Sorelle in 52'40\".",
        "Il pubblico sotto le Sette Sorelle ha applaudito Paolo Neri.",
    )
    assert checks.check_structure(value, 3).passed
