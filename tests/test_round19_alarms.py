"""The kinds of false alarm round 19's articles showed once spent, each with a new example
(not the calibration set's), and beside it the defect of the same shape that must still be
caught: Polish masculine-personal numerals, the sum of two counts joined by "and", a lead's
round figure for the body's exact one, a score written with a colon, French ill and au as
they sound, and a German compound opening with a verb's stem."""

from __future__ import annotations

from briefs import item

from briefer.checks.coverage import check_coverage
from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source
from briefer.checks.words import check_vocabulary

RESCUE_PL = (
    "Akcja ratunkowa w Tatrach\n"
    "Dwaj ratownicy i trzej turyści zostali ranni podczas akcji w Tatrach. "
    "Starostwo przyznało dwóm ratownikom nagrody."
)


def test_polish_masculine_personal_numerals_are_numbers() -> None:
    """dwaj, trzej (men), dwóm (to two): the cases of 2 and 3 a word list of numbers lacked."""
    facts = read_source(RESCUE_PL, "pl")
    good = item("en", "Rescuers hurt in the Tatras", "Two rescuers and three tourists were injured.")
    assert check_numbers(good, facts).passed, check_numbers(good, facts).message
    wrong = item("en", "Rescuers hurt in the Tatras", "Four rescuers and three tourists were injured.")
    assert not check_numbers(wrong, facts).passed


TRAIN_DE = (
    "Zug entgleist bei Fulda\n"
    "Im Zug saßen 120 Fahrgäste und vier Zugbegleiter. Die Bergung dauerte 2 Stunden und 40 Minuten."
)


def test_the_sum_of_two_counts_joined_by_and_is_the_source_s() -> None:
    """120 passengers and four crew: 124 people on board, as an editor writes it; two parts of
    one time ("2 Stunden und 40 Minuten") sum to nothing."""
    facts = read_source(TRAIN_DE, "de")
    good = item("en", "Train derails near Fulda", "The train was carrying 124 people.")
    assert check_numbers(good, facts).passed, check_numbers(good, facts).message
    for wrong in ("The train was carrying 126 people.", "The train was carrying 42 people."):
        assert not check_numbers(item("en", "Train derails near Fulda", wrong), facts).passed, wrong


PETITION_EN = (
    "Council votes to close Eastfield pool\n"
    "Councillors voted to close Eastfield pool despite a petition signed by more than 5,000 residents.\n"
    "The petition, with 5,347 signatures, was handed in last month. The pool lost £410,000 last year, "
    "when 4,870 swimmers held season tickets."
)


def test_a_lead_s_round_figure_stands_for_the_body_s_exact_one() -> None:
    """ "more than 5,000" for 5,347, not for 4,870, which is another thing's figure."""
    facts = read_source(PETITION_EN, "en")
    good = item(
        "de", "Eastfield: Bad wird geschlossen", "Trotz einer Petition mit 5347 Unterschriften stimmte der Rat zu."
    )
    assert check_coverage(good, facts).passed, check_coverage(good, facts).message
    for detail in ("Das Bad hatte im vergangenen Jahr 410.000 Pfund Verlust.", "4870 Schwimmer hatten Dauerkarten."):
        dropped = item("de", "Eastfield: Bad wird geschlossen", detail)
        assert not check_coverage(dropped, facts).passed, detail


GAME_ES = (
    "El Baskonia gana en Badalona\n"
    "El Baskonia ganó 88-79 al Joventut en el Olímpic de Badalona, con 22 puntos de Marcos Ibarra."
)


def test_a_score_written_with_a_colon_gives_both_sides() -> None:
    facts = read_source(GAME_ES, "es")
    good = item("pl", "Baskonia wygrywa w Badalonie", "Baskonia pokonała Joventut 88:79 na wyjeździe.")
    assert check_coverage(good, facts).passed, check_coverage(good, facts).message
    dropped = item("pl", "Mecz w Badalonie", "Marcos Ibarra był najlepszym graczem w Badalonie.")
    assert not check_coverage(dropped, facts).passed


MAYOR_FR = "Sète : la maire présente le budget\nLa maire, Mireille Sauvage, a présenté le budget de la ville."


def test_french_ill_and_au_as_they_sound_in_cyrillic() -> None:
    """Mireille is Мірей (ill as iy, a final e silent), Sauvage Соваж (au as o)."""
    facts = read_source(MAYOR_FR, "fr")
    good = item("uk", "Мерка Сета представила бюджет", "Мерка Мірей Соваж представила бюджет міста.")
    assert check_names(good, facts).passed, check_names(good, facts).message
    swapped = item("uk", "Мерка Сета представила бюджет", "Мерка Мішель Соваж представила бюджет міста.")
    assert not check_names(swapped, facts).passed


SCHOOL_EN = "School platform\nThe school moved its lessons and its test records to an online learning platform."


def test_a_german_compound_may_open_with_a_verb_s_stem() -> None:
    """Lern-plattform (lernen), Mess-protokollen (messen): a verb's stem heads many compounds."""
    facts = read_source(SCHOOL_EN, "en")
    good = item("de", "Schule zieht um", "Die Schule legt Unterricht und Messprotokollen auf eine Lernplattform.")
    assert check_vocabulary(good, facts).passed, check_vocabulary(good, facts).message
    garbled = item("de", "Schule zieht um", "Die Schule legt Unterricht und Messprotokolllen auf eine Lernplattform.")
    assert not check_vocabulary(garbled, facts).passed
