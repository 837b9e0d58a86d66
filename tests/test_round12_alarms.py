"""The kinds of false alarm round 12's sealed part showed at first sight, each with a new
example (not the calibration set's), and beside it the defect of the same shape that must
still be caught: a Turkish dotted capital inside a name, South Africa by its acronym, the j
and qu of Romance names in Cyrillic, a Spanish ex- written together, a region that holds the
source's region."""

from __future__ import annotations

from briefs import item

from briefer.checks.checks import check_leakage
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source
from briefer.checks.words import check_vocabulary

BRIDGE_EN = "New bridge\nThe Turkish contractor İçtaş will build the new Bosphorus link, the ministry said."


def test_a_turkish_dotted_capital_stays_inside_its_word() -> None:
    facts = read_source(BRIDGE_EN, "en")
    assert check_leakage(item("en", "x", "The Turkish contractor İçtaş will build the link."), [], facts).passed
    assert not check_leakage(item("en", "x", "I can tell you that İçtaş will build the link."), [], facts).passed


TELESCOPE_EN = "Telescope\nThe new telescope near Cape Town, South Africa, saw its first light on Friday."


def test_south_africa_by_its_acronym_stands_for_the_country_the_source_names() -> None:
    facts = read_source(TELESCOPE_EN, "en")
    assert check_names(item("pl", "x", "Nowy teleskop w RPA rozpoczął pracę w piątek."), facts).passed
    assert check_names(item("uk", "x", "Новий телескоп у ПАР запрацював у пʼятницю."), facts).passed
    elsewhere = read_source("Telescope\nThe new telescope in Chile saw its first light on Friday.", "en")
    assert not check_names(item("pl", "x", "Nowy teleskop w RPA rozpoczął pracę w piątek."), elsewhere).passed


RACE_ES = "Ciclismo\nEl catalán Jordi Quesada ganó la etapa en Andorra. Quesada aventajó en 12 segundos al francés."


def test_the_j_and_qu_of_romance_names_are_zh_and_k_in_cyrillic() -> None:
    facts = read_source(RACE_ES, "es")
    assert check_names(item("uk", "x", "Каталонець Жорді Кесада виграв етап в Андоррі."), facts).passed
    assert not check_names(item("uk", "x", "Каталонець Жорді Гарсія виграв етап в Андоррі."), facts).passed


COACH_DE = "Fußball\nDie frühere Trainerin des SC Freiburg übernimmt die Frauen-Nationalmannschaft Österreichs."


def test_a_spanish_ex_written_together_is_a_word() -> None:
    facts = read_source(COACH_DE, "de")
    assert check_vocabulary(item("es", "x", "La exentrenadora del Friburgo dirigirá a Austria."), facts).passed
    assert not check_vocabulary(item("es", "x", "La exentrenadorra del Friburgo dirigirá a Austria."), facts).passed


OLIVES_IT = "Xylella\nIn provincia di Lecce la Xylella ha colpito altri 3.000 ulivi, secondo i tecnici regionali."


def test_a_region_that_holds_the_sources_region_is_known() -> None:
    facts = read_source(OLIVES_IT, "it")
    assert check_names(item("en", "x", "Xylella has hit another 3,000 olive trees in Apulia."), facts).passed
    assert not check_names(item("en", "x", "Xylella has hit another 3,000 olive trees in Sicily."), facts).passed
