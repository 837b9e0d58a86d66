"""The kinds of false alarm round 17's articles showed once spent, each with a new example
(not the calibration set's), and beside it the defect of the same shape that must still be
caught: a time to the minute where the source gives seconds too, an interview whose
standfirst's first figure describes the one who speaks."""

from __future__ import annotations

from briefs import item

from briefer.checks.coverage import check_coverage
from briefer.checks.numbers import check_numbers
from briefer.checks.source import read_source

MARATHON_DE = (
    "Marathon\n"
    "Die Kenianerin Ruth Wanjiru gewann den Berlin-Marathon in 2:16:38 Stunden, "
    "1 min 12 s vor der Äthiopierin Hiwot Bekele."
)


def test_a_time_to_the_minute_where_the_source_gives_seconds_is_that_time() -> None:
    facts = read_source(MARATHON_DE, "de")
    good = item("en", "Wanjiru wins in Berlin", "Ruth Wanjiru won in 2hr 16min, a minute ahead of Hiwot Bekele.")
    assert check_numbers(good, facts).passed
    wrong = item("en", "Wanjiru wins in Berlin", "Ruth Wanjiru won in 2hr 26min, a minute ahead of Hiwot Bekele.")
    assert not check_numbers(wrong, facts).passed


INTERVIEW_PL = """Dyrektorka schroniska: „Nie mamy już gdzie przyjmować psów”
Schronisko dla zwierząt w Olsztynie, które prowadzi od 2019 roku Marta Lisiecka, ma 160 boksów. W tym roku trafiło do niego 540 psów, o 35 proc. więcej niż rok wcześniej.
Ile psów ma dziś schronisko?
Ponad 210, choć boksów jest 160. Psy śpią na korytarzach.
Skąd ten wzrost?
Ludzie oddają psy, bo nie stać ich na weterynarza.
Czego potrzebujecie?
Pieniędzy na nowy pawilon. Miasto obiecało 1,2 mln zł.
"""


def test_an_interview_is_covered_by_the_one_who_speaks() -> None:
    facts = read_source(INTERVIEW_PL, "pl")
    good = item(
        "en",
        "Olsztyn shelter is out of room, its director says",
        "Marta Lisiecka says 540 dogs arrived this year, 35% more than last year, and many sleep in corridors.",
    )
    assert check_coverage(good, facts).passed
    other = item(
        "en", "A dog shelter wants a new pavilion", "The city has promised 1.2m zlotys for it, a shelter says."
    )
    assert not check_coverage(other, facts).passed
