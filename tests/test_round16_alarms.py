"""The kinds of false alarm round 16's articles showed once spent, each with a new example
(not the calibration set's), and beside it the defect of the same shape that must still be
caught: a place a Ukrainian source names by an adjective with a short stem (Сумській: Sumy).
A name or title kept in the source's language (la Cinémathèque française) is left: the rule
tried for it also let the embedded model's Polish left in other languages pass."""

from __future__ import annotations

from briefs import item

from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source

FROST_UK = "Морози\nУ Сумській і Житомирській областях уночі очікують до 18 градусів морозу."


def test_a_place_a_ukrainian_source_names_by_a_short_adjective_is_that_place() -> None:
    facts = read_source(FROST_UK, "uk")
    good = item("en", "Frost", "Frosts of up to minus 18 degrees are expected in the Sumy and Zhytomyr regions.")
    assert check_names(good, facts).passed
    wrong = item("en", "Frost", "Frosts of up to minus 18 degrees are expected in the Rivne and Zhytomyr regions.")
    assert not check_names(wrong, facts).passed
