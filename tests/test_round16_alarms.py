"""The kinds of false alarm round 16's articles showed once spent, each with a new example
(not the calibration set's), and beside it the defect of the same shape that must still be
caught: a name or title the source writes in its language and a brief keeps as it is (the
Cinémathèque française, a film's title), a place a Ukrainian source names by an adjective
with a short stem (Сумській: Sumy)."""

from __future__ import annotations

from briefs import item

from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source
from briefer.checks.words import check_vocabulary

LIBRARY_FR = (
    "Manuscrits\n"
    "Selon son rapport annuel, la Bibliothèque nationale a numérisé 3 000 manuscrits médiévaux, "
    "dont le recueil « Les Heures dorées » prêté par la ville de Tours."
)


def test_a_name_or_title_the_source_writes_in_its_language_is_kept_not_untranslated() -> None:
    facts = read_source(LIBRARY_FR, "fr")
    good = item(
        "en",
        "3,000 manuscripts digitised",
        "The Bibliothèque nationale has digitised 3,000 medieval manuscripts, Les Heures dorées among them.",
    )
    assert check_vocabulary(good, facts).passed
    left = item(
        "en", "3,000 manuscripts digitised", "The Bibliothèque nationale has numérisé 3,000 medieval manuscripts."
    )
    assert not check_vocabulary(left, facts).passed


FROST_UK = "Морози\nУ Сумській і Житомирській областях уночі очікують до 18 градусів морозу."


def test_a_place_a_ukrainian_source_names_by_a_short_adjective_is_that_place() -> None:
    facts = read_source(FROST_UK, "uk")
    good = item("en", "Frost", "Frosts of up to minus 18 degrees are expected in the Sumy and Zhytomyr regions.")
    assert check_names(good, facts).passed
    wrong = item("en", "Frost", "Frosts of up to minus 18 degrees are expected in the Rivne and Zhytomyr regions.")
    assert not check_names(wrong, facts).passed
