"""Figures read as an editor reads them: number words in any case and language, figures
glued to their units, the figures an editor may derive or round, the lead's figure inside
a compound or beside a URL, units that recur in an item of figures, and an item that has
nothing to do with its article. Each example is new (not the issue's, not the calibration
set's)."""

from __future__ import annotations

import pytest
from briefs import item

from briefer.checks import checks
from briefer.checks.coverage import check_coverage
from briefer.checks.numbers import check_numbers
from briefer.checks.quotes import check_quotes
from briefer.checks.source import Source, read_source


def source(value: str, lang: str) -> Source:
    return read_source(value, lang)


# ---- number words: declined, collective, inside a compound, in another language ----

FIRE_PL = (
    "Pożar kamienicy w Lublinie\nStrażacy ewakuowali w nocy siedmiu lokatorów kamienicy przy ulicy Lipowej. "
    "Ogień gasiło czternastu strażaków z trzech jednostek."
)
MINE_UK = (
    "Аварія на шахті у Павлограді\nПід землею заблоковано шістьох гірників, ще семеро вибралися самостійно. "
    "Рятувальники працюють на глибині понад пів кілометра."
)
ROWING_EN = (
    "Oxford's eight-woman crew wins the Boat Race\nOxford won the women's Boat Race on Sunday. The "
    "twelve-strong coaching staff celebrated on the bank at Mortlake."
)


@pytest.mark.parametrize(
    "lang, headline, bullet",
    [
        ("en", "Fire in Lublin", "Firefighters evacuated seven tenants; fourteen firefighters fought the blaze."),
        ("de", "Brand in Lublin", "Sieben Mieter wurden in Sicherheit gebracht, vierzehn Feuerwehrleute löschten."),
        ("fr", "Incendie à Lublin", "Sept locataires évacués ; quatorze pompiers ont combattu le feu."),
        ("es", "Incendio en Lublin", "Siete inquilinos fueron evacuados y catorce bomberos apagaron el fuego."),
        ("it", "Incendio a Lublino", "Sette inquilini evacuati, quattordici vigili del fuoco al lavoro."),
        ("uk", "Пожежа в Любліні", "Евакуйовано сімох мешканців, вогонь гасили чотирнадцять рятувальників."),
        ("pl", "Pożar w Lublinie", "Ewakuowano 7 lokatorów, ogień gasiło 14 strażaków."),
    ],
)
def test_a_declined_polish_number_word_is_the_figure_of_every_language(lang: str, headline: str, bullet: str) -> None:
    assert check_numbers(item(lang, headline, bullet), source(FIRE_PL, "pl")).passed


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("en", "Six miners are trapped underground; seven got out on their own."),
        ("de", "Sechs Bergleute sind eingeschlossen, sieben kamen selbst heraus."),
        ("pl", "Sześciu górników jest uwięzionych, siedmiu wydostało się samodzielnie."),
        ("fr", "Six mineurs sont bloqués sous terre, 7 sont sortis seuls."),
    ],
)
def test_ukrainian_collective_and_declined_numerals_are_figures(lang: str, bullet: str) -> None:
    assert check_numbers(item(lang, "Pavlohrad", bullet), source(MINE_UK, "uk")).passed


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("fr", "Le personnel d'encadrement, douze personnes, a fêté la victoire."),
        ("es", "Los doce miembros del equipo técnico celebraron en la orilla."),
        ("it", "I dodici membri dello staff hanno festeggiato sulla riva."),
        ("de", "Die acht Ruderinnen aus Oxford siegten."),
        ("pl", "Ośmioosobowa osada Oksfordu wygrała; dwunastu trenerów świętowało."),
    ],
)
def test_a_number_word_inside_a_hyphenated_compound_of_the_source_counts(lang: str, bullet: str) -> None:
    assert check_numbers(item(lang, "Oxford", bullet), source(ROWING_EN, "en")).passed


def test_a_number_word_the_source_does_not_have_is_still_caught() -> None:
    bad = item("fr", "Incendie à Lublin", "Neuf locataires évacués ; quatorze pompiers mobilisés.")
    result = check_numbers(bad, source(FIRE_PL, "pl"))
    assert not result.passed and "Neuf" in result.message
    bad = item("en", "Pavlohrad", "Nine miners are trapped underground.")
    assert not check_numbers(bad, source(MINE_UK, "uk")).passed


# ---- figures glued to a unit; both units when the source gives both ----

GALE_EN = (
    "Gale warning for the Hebrides\nForecasters expect gusts of 85mph (137km/h) on the Western Isles, and "
    "up to 60mm of rain on Lewis by Saturday."
)


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("en", "Gusts of 85mph and up to 60mm of rain are expected."),
        ("de", "Erwartet werden Böen bis 137 km/h und bis zu 60 Millimeter Regen."),
        ("uk", "Очікуються пориви до 137 км/год і до 60 мм опадів."),
        ("it", "Attese raffiche fino a 137 km/h."),
    ],
)
def test_a_figure_the_source_glues_to_its_unit_is_a_figure_of_the_source(lang: str, bullet: str) -> None:
    assert check_numbers(item(lang, "Hebrides", bullet), source(GALE_EN, "en")).passed


def test_a_changed_figure_glued_to_its_unit_is_caught() -> None:
    bad = item("en", "Gale warning for the Hebrides", "Gusts of 105mph are expected on the Western Isles.")
    result = check_numbers(bad, source(GALE_EN, "en"))
    assert not result.passed and "105" in result.message


# ---- a figure the editor derives from the source's own (last year's from this year's and the change) ----

RESULTS_ES = (
    "Beneficio récord para Naviera Cantábrica\nLa naviera ganó 84,5 millones de euros en el primer semestre, "
    "un 30% más que un año antes, y su facturación creció un 12,4% hasta 690 millones."
)


def test_last_years_figure_derived_from_the_change_passes() -> None:
    good = item(
        "en", "Naviera Cantábrica profit up 30%", "It earned €84.5m in the first half, up from €65m a year earlier."
    )
    assert check_numbers(good, source(RESULTS_ES, "es")).passed


def test_a_base_figure_that_no_change_of_the_source_gives_is_caught() -> None:
    bad = item("en", "Naviera Cantábrica profit up 30%", "It earned €84.5m, up from €71m a year earlier.")
    assert not check_numbers(bad, source(RESULTS_ES, "es")).passed


def test_a_figure_rounded_to_fewer_digits_passes() -> None:
    good = item("de", "Naviera Cantábrica", "Der Gewinn stieg um 30 Prozent, der Umsatz um gut 12 Prozent.")
    assert check_numbers(good, source(RESULTS_ES, "es")).passed
    bad = item("de", "Naviera Cantábrica", "Der Umsatz stieg um 14 Prozent.")
    assert not check_numbers(bad, source(RESULTS_ES, "es")).passed


def test_checks_module_still_runs_numbers() -> None:
    assert callable(checks.run_checks)


# ---- coverage: the lead read robustly ----

HOLE_DE = (
    "Kreis Ostholstein: 45-Millionen-Euro-Lücke im Klinikhaushalt\n"
    "Der Kreistag in Eutin muss ein Defizit der Sana-Kliniken ausgleichen. Landrat Timo Gaarz sprach von "
    "der schwersten Haushaltslage seit Jahren."
)


@pytest.mark.parametrize(
    "lang, headline",
    [
        ("en", "Ostholstein faces a €45m hole in its hospital budget"),
        ("de", "Ostholstein muss 45 Millionen Euro für Kliniken aufbringen"),
        ("fr", "Un trou de 45 millions d'euros dans le budget des cliniques d'Ostholstein"),
        ("pl", "Dziura 45 mln euro w budżecie szpitali Ostholstein"),
    ],
)
def test_a_figure_inside_a_compound_of_the_title_is_the_lead(lang: str, headline: str) -> None:
    good = item(lang, headline, "Timo Gaarz.")
    assert check_coverage(good, source(HOLE_DE, "de")).passed


def test_a_compound_lead_figure_still_needs_covering() -> None:
    bad = item("en", "Ostholstein county council meets in Eutin", "Timo Gaarz spoke of a difficult budget.")
    result = check_coverage(bad, source(HOLE_DE, "de"))
    assert not result.passed and "45" in result.message


FERRY_FR = (
    "Le ferry de Belle-Île ne partira plus de Quiberon le dimanche\n"
    "Source : https://www.example-journal.fr/bretagne/48213-ferry-belle-ile (3 photos), mise à jour le 14.10.2025\n"
    "La compagnie Océane supprime la liaison dominicale entre Quiberon et Le Palais à partir de janvier, faute "
    "de passagers. Le maire de Belle-Île, Anne Le Gall, dénonce une décision prise sans concertation."
)


def test_digits_of_a_url_a_photo_count_or_a_date_are_never_the_lead() -> None:
    good = item("en", "Belle-Île loses its Sunday ferry from Quiberon", "Océane ends the Sunday crossing in January.")
    result = check_coverage(good, source(FERRY_FR, "fr"))
    assert result.passed, result.message
    assert not read_source(FERRY_FR, "fr").lead_figures


def test_any_figure_of_a_lead_with_several_covers_it() -> None:
    lead = "Stadium vote: 120 jobs and a £40m stand for Ashford\nThe council approved the plan on Tuesday."
    good = item("en", "Ashford approves new stand", "The stand will create 120 jobs.")
    assert check_coverage(good, source(lead, "en")).passed


# ---- structure: a unit that recurs in an item of figures is no loop ----


@pytest.mark.parametrize(
    "lang, bullet",
    [
        (
            "pl",
            "Przychody wzrosły do 812 mln złotych, EBITDA do 118 mln złotych, a dług netto spadł do 372 mln złotych.",
        ),
        (
            "fr",
            "Le chiffre d'affaires atteint 90 millions de francs, le bénéfice 12 millions de francs "
            "et la trésorerie 30 millions de francs.",
        ),
        ("en", "Sales rose 4 per cent, costs 3 per cent and wages 6 per cent."),
    ],
)
def test_a_unit_that_recurs_among_figures_is_not_a_loop(lang: str, bullet: str) -> None:
    assert checks.check_structure(item(lang, "Wyniki", bullet), max_bullets=3).passed


def test_a_phrase_that_loops_is_still_refused() -> None:
    looping = item(
        "es",
        "El puerto reabre",
        "El puerto reabre el lunes el puerto reabre el lunes el puerto reabre el lunes tras la tormenta.",
    )
    assert not checks.check_structure(looping, max_bullets=3).passed
    units = item("es", "Cifras", "Costó 5 millones de euros, 5 millones de euros y 5 millones de euros.")
    assert not checks.check_structure(units, max_bullets=3).passed


# ---- consistency: a scaled figure inside a compound is the same figure ----


def test_a_scaled_figure_inside_a_german_compound_agrees_with_the_other_languages() -> None:
    items = [
        item("de", "Land beschließt 250-Millionen-Programm für Schulen", "Der Landtag stimmte zu."),
        item("en", "State approves €250m schools programme", "The parliament agreed."),
        item("fr", "Un programme de 250 millions d'euros pour les écoles", "Le parlement a approuvé."),
        item("pl", "Program za 250 mln euro dla szkół", "Parlament się zgodził."),
    ]
    results = checks.check_consistency(items)
    assert all(r.passed for r in results.values()), {k: r.message for k, r in results.items()}


def test_a_web_address_and_a_count_in_brackets_are_no_figures_of_the_story() -> None:
    from briefer.core.models import Article
    from briefer.stories.story import story_facts

    ferry = Article(
        id="ferry",
        title="Le ferry de Belle-Île ne partira plus de Quiberon le dimanche",
        source="ferry.txt",
        lang="fr",
        text=FERRY_FR.partition("\n")[2],
    )
    assert not {"48213", "3"} & story_facts(ferry).numbers


def test_a_word_that_only_looks_like_an_ordinal_is_no_figure() -> None:
    # "achten" (to heed) is also the eighth's dative; "non" is not the ninth's stem
    good = item("de", "Brand in Lublin", "Die Behörden achten auf die Sicherheit der 14 Feuerwehrleute.")
    assert check_numbers(good, source(FIRE_PL, "pl")).passed
    good = item("it", "Incendio a Lublino", "I 14 vigili del fuoco non hanno avuto feriti.")
    assert check_numbers(good, source(FIRE_PL, "pl")).passed


# ---- a figure in another unit: the editor's conversion of a figure the source states ----

SQUALL_EN = "Squalls hit the Channel coast\nGusts reached 70mph at Dover, and 2 inches of rain fell in Folkestone."


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("de", "In Dover erreichten Böen 113 km/h, in Folkestone fielen 51 mm Regen."),
        ("fr", "Des rafales de 110 km/h à Douvres."),
        ("uk", "Пориви вітру в Дуврі сягали 113 км/год."),
    ],
)
def test_a_converted_figure_of_the_source_passes(lang: str, bullet: str) -> None:
    assert check_numbers(item(lang, "Dover", bullet), source(SQUALL_EN, "en")).passed


def test_a_conversion_that_does_not_match_is_caught() -> None:
    bad = item("de", "Dover", "In Dover erreichten Böen 130 km/h.")
    assert not check_numbers(bad, source(SQUALL_EN, "en")).passed
    near = item("en", "Dover", "Gusts reached 72mph at Dover.")  # the same unit: no conversion to round
    assert not check_numbers(near, source(SQUALL_EN, "en")).passed


# ---- coverage: the central fact as the title and the lead's first sentence give it ----

VACCINE_IT = (
    "Un vaccino nasale protegge il 92% dei bambini dall'influenza\n"
    "Il vaccino sviluppato dall'Università di Padova ha protetto il 91,8 % dei bambini vaccinati in uno studio "
    "su 3.200 bambini, pubblicato giovedì. Costerà 14 euro a dose."
)


@pytest.mark.parametrize(
    "lang, headline",
    [
        ("en", "Nasal flu vaccine protects 91.8% of children in Padua trial"),
        ("de", "Nasenimpfstoff schützt 91,8 Prozent der Kinder vor Grippe"),
        ("pl", "Szczepionka donosowa chroni 91,8 proc. dzieci"),
    ],
)
def test_the_bodys_exact_figure_for_the_titles_rounded_one_is_the_lead(lang: str, headline: str) -> None:
    good = item(lang, headline, "Padova.")
    result = check_coverage(good, source(VACCINE_IT, "it"))
    assert result.passed, result.message


SEAWALL_EN = (
    "Whitby approves new sea wall\n"
    "Scarborough council approved a £28m sea wall for Whitby on Monday to protect 1,400 homes from flooding. "
    "The vote was 31 to 9.\n"
    "Work on the wall will start in spring; 40 parking spaces on the promenade will go."
)


def test_the_central_fact_is_the_first_sentence_with_figures() -> None:
    good = item("de", "Whitby bekommt eine Schutzmauer für 28 Mio. Pfund", "Der Rat stimmte mit 31 zu 9 Stimmen.")
    assert check_coverage(good, source(SEAWALL_EN, "en")).passed
    # the vote of the second sentence is not the central fact
    bad = item(
        "de",
        "Whitby verliert 40 Parkplätze an der Promenade",
        "Der Rat stimmte mit 31 zu 9 Stimmen.",
        "Die Arbeiten beginnen im Frühjahr.",
    )
    assert not check_coverage(bad, source(SEAWALL_EN, "en")).passed


AVALANCHE_DE = (
    "Lawine in Tirol: vier Tote am Pitztaler Gletscher\n"
    "Eine Lawine hat am Samstag im Pitztal vier Skitourengeher verschüttet. Die Bergrettung suchte mit 60 Helfern."
)


def test_a_number_word_of_the_title_is_the_lead() -> None:
    for lang, headline in (("en", "Avalanche kills four in Tyrol"), ("it", "Valanga in Tirolo: 4 morti")):
        result = check_coverage(item(lang, headline, "Pitztal."), source(AVALANCHE_DE, "de"))
        assert result.passed, result.message
    bad = item("en", "60 rescuers search the Pitztal glacier", "The mountain rescue service was called on Saturday.")
    assert not check_coverage(bad, source(AVALANCHE_DE, "de")).passed


# ---- numbers: a scale the source leaves out, a range, a time of day ----

GRANT_DE = (
    "Neues Hallenbad für Wetzlar\nDas Bad kostet 36 Millionen Euro: 22 Millionen zahlt die Stadt, die übrigen 14 "
    "kommen vom Land Hessen. Geöffnet wird es von 6.30 bis 22.00 Uhr; Verstöße gegen die Badeordnung kosten "
    "zwischen 200 und 2.000 Euro."
)


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("en", "Hesse pays the remaining €14m."),
        ("fr", "Le Land de Hesse apporte les 14 millions d'euros restants."),
        ("uk", "Решту, 14 млн євро, дає земля Гессен."),
    ],
)
def test_a_bare_figure_among_the_sources_amounts_shares_their_scale(lang: str, bullet: str) -> None:
    result = check_numbers(item(lang, "Wetzlar", bullet), source(GRANT_DE, "de"))
    assert result.passed, result.message


def test_an_amount_the_enumeration_does_not_give_is_still_caught() -> None:
    bad = item("en", "Wetzlar", "Hesse pays the remaining €16m.")
    assert not check_numbers(bad, source(GRANT_DE, "de")).passed


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("pl", "Kary wyniosą od 200 do 2 tys. euro."),
        ("uk", "Басейн працюватиме з 6:30 до 22:00, штрафи – від 200 до 2 тис. євро."),
        ("en", "Open from 6.30am to 10pm; fines range from €200 to €2,000."),
    ],
)
def test_a_range_to_a_scaled_figure_and_a_time_with_a_colon_are_the_sources(lang: str, bullet: str) -> None:
    result = check_numbers(item(lang, "Wetzlar", bullet), source(GRANT_DE, "de"))
    assert result.passed, result.message


def test_a_range_keeps_each_figure_at_its_own_scale_across_languages() -> None:
    items = [
        item("de", "Wetzlar", "Strafen von 200 bis 2000 Euro."),
        item("en", "Wetzlar", "Fines of €200 to €2,000."),
        item("pl", "Wetzlar", "Kary od 200 do 2 tys. euro."),
        item("fr", "Wetzlar", "Des amendes de 200 à 2 000 euros."),
    ]
    results = checks.check_consistency(items)
    assert all(r.passed for r in results.values()), {k: r.message for k, r in results.items()}


# ---- quotes: a title translated in quotation marks is no quotation ----

PROGRAMME_PL = (
    "Program „Ciepło w Domu” wymienił 120 tys. pieców\n"
    "Rządowy program „Ciepło w Domu” dofinansował w tym roku wymianę 120 tys. pieców. „Nie zwolnimy tempa” – "
    "zapowiedziała wiceminister klimatu Ewa Lis."
)


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("de", "Das Regierungsprogramm „Wärme zu Hause“ förderte den Austausch von 120.000 Öfen."),
        ("en", 'The government\'s "Warmth at Home" programme paid for 120,000 new stoves.'),
        ("fr", "Le programme « Chaleur à la maison » a financé 120 000 poêles."),
    ],
)
def test_a_translated_title_in_quotation_marks_is_no_quotation(lang: str, bullet: str) -> None:
    result = check_quotes(item(lang, "x", bullet), source(PROGRAMME_PL, "pl"))
    assert result.passed, result.message


@pytest.mark.parametrize(
    "bullet",
    [
        "„Wir werden alle Öfen ersetzen“, sagte Vizeministerin Ewa Lis.",
        "Vizeministerin Ewa Lis nannte das Programm „einen Erfolg für ganz Polen“.",
        "Ewa Lis: „Das Tempo bleibt hoch.“",
    ],
)
def test_a_persons_words_in_quotation_marks_are_still_refused_in_another_language(bullet: str) -> None:
    assert not check_quotes(item("de", "x", bullet), source(PROGRAMME_PL, "pl")).passed


PORTRAIT_FR = (
    "Portrait : la nouvelle présidente de la SNCF\n"
    "Marie Dubois a 52 ans et dirige depuis lundi la SNCF. Elle hérite d'une dette de 25 milliards d'euros."
)


def test_an_age_that_opens_a_portrait_is_not_the_central_fact() -> None:
    good = item("en", "Marie Dubois takes over SNCF and its €25bn of debt", "She took office on Monday.")
    result = check_coverage(good, source(PORTRAIT_FR, "fr"))
    assert result.passed, result.message
    bad = item("en", "SNCF's new head Marie Dubois is 52", "She took office on Monday.")
    assert not check_coverage(bad, source(PORTRAIT_FR, "fr")).passed


def test_a_date_with_an_ordinal_point_does_not_cut_the_lead_sentence() -> None:
    deal = (
        "Einigung im Tarifstreit der Müllabfuhr\n"
        "Nach drei Warnstreiks haben sich Verdi und die Stadt Kiel am Montag, dem 3. Februar, geeinigt. "
        "Die Löhne steigen um 4,5 Prozent."
    )
    good = item("en", "Kiel refuse collectors win a 4.5% pay rise", "Verdi and the city agreed on Monday.")
    result = check_coverage(good, source(deal, "de"))
    assert result.passed, result.message


# ---- numbers: a percentage is a percentage of the source, not any figure with its digits ----

RENTS_EN = (
    "Dublin rents rise again\nRents in Dublin rose 4.2% in the year to June, the agency said. Its index "
    "covers 12 districts and 6 types of home; vacancies fell to 1,240, about 15 per cent fewer."
)


@pytest.mark.parametrize(
    "lang, bullet",
    [
        ("de", "Die Mieten in Dublin stiegen binnen eines Jahres um 4,2 Prozent."),
        ("pl", "Czynsze w Dublinie wzrosły o 4,2 proc., a wolnych mieszkań było o ok. 15 proc. mniej."),
    ],
)
def test_a_percentage_of_the_source_passes(lang: str, bullet: str) -> None:
    result = check_numbers(item(lang, "Dublin", bullet), source(RENTS_EN, "en"))
    assert result.passed, result.message


def test_a_percentage_made_of_another_figure_of_the_source_is_caught() -> None:
    bad = item("de", "Dublin", "Die Mieten in Dublin stiegen um 4,2 Prozent, die Löhne um 6 Prozent.")
    result = check_numbers(bad, source(RENTS_EN, "en"))
    assert not result.passed and "6" in result.message


def test_a_range_that_writes_the_percent_sign_once_gives_two_percentages() -> None:
    margin = "Brauerei mit weniger Marge\nDie Marge der Brauerei fiel 2025 von 9,0 auf 7,5 Prozent."
    for lang, bullet in (
        ("fr", "La marge passe de 9 % à 7,5 %."),
        ("en", "The margin fell from 9% to 7.5%."),
        ("en", "The margin fell in 2025 and 7.5% is its new level, after 9%."),  # a year is no percentage
    ):
        result = check_numbers(item(lang, "x", bullet), source(margin, "de"))
        assert result.passed, result.message


def test_two_words_put_in_quotation_marks_in_another_language_are_a_quotation_too() -> None:
    bad = item("en", "x", 'The deputy minister called the programme "a triumph" and promised more money.')
    assert not check_quotes(bad, source(PROGRAMME_PL, "pl")).passed
    title = item("en", "x", 'The "Home Warmth" programme paid for 120,000 stoves.')
    assert check_quotes(title, source(PROGRAMME_PL, "pl")).passed
    name = item("uk", "x", "Програму веде фонд «Тепла Хата» з Любліна.")  # a name in quotation marks
    assert check_quotes(name, source(PROGRAMME_PL, "pl")).passed
    own = item("pl", "x", "Wiceminister zapowiedziała: „Nie zwolnimy tempa”.")  # the source's words, verbatim
    assert check_quotes(own, source(PROGRAMME_PL, "pl")).passed


def test_one_reading_of_dates_for_the_story_key_and_the_lead() -> None:
    """Dates and times are no facts of a story, for the story memory and for the lead alike:
    a day before or after its month, with or without "de", an ordinal suffix, a time of day."""
    from briefer.lang.text import without_dates

    assert "14" not in without_dates("El pleno votó el 14 de marzo a las 18:30.", "es")
    assert "19" not in without_dates("Talks resume on March 19th.", "en")
    assert "11" not in without_dates("Am 11. März 2025 einigten sie sich.", "de")
    assert "120" in without_dates("Der Bau kostet 120 Millionen Euro.", "de")  # a figure stays


# ---- round 2: the lead an editor leads with, number words in quotations, counts in words ----

BREST_FR = (
    "Municipales à Brest : la liste écologiste arrive troisième\n"
    "Le maire sortant a été réélu dimanche avec 41,7 % des voix, devant la liste de droite (24,9 %). "
    "La liste écologiste de Maëlle Kerlo obtient 19,3 %."
)


def test_a_rank_of_the_title_is_not_the_lead_figure() -> None:
    good = item("en", "Brest mayor re-elected with 41.7% of the vote", "The Greens' list won 19.3%.")
    result = check_coverage(good, source(BREST_FR, "fr"))
    assert result.passed, result.message
    bad = item("en", "Brest: the Greens' list led by Maëlle Kerlo", "The right came second.")
    assert not check_coverage(bad, source(BREST_FR, "fr")).passed


STORM_EN = (
    "Storm Aldo leaves more than 3,000 homes without power\n"
    "Storm Aldo brought gusts of 80mph to Cornwall on Sunday. By the evening 3,240 homes had no electricity, "
    "the network operator said."
)


@pytest.mark.parametrize(
    "lang, headline",
    [("de", "Sturm Aldo: 3240 Haushalte ohne Strom"), ("pl", "Orkan Aldo: 3240 domów bez prądu")],
)
def test_a_round_title_figure_stands_for_the_bodys_exact_one(lang: str, headline: str) -> None:
    result = check_coverage(item(lang, headline, "Cornwall."), source(STORM_EN, "en"))
    assert result.passed, result.message


BAKERY_DE = (
    "Bäckereikette Kornfeld streicht 90 Stellen\n"
    "Kornfeld schließt bis März 12 seiner 40 Filialen in Sachsen, teilte das Unternehmen am Dienstag mit. "
    "In jeder Filiale arbeiten sieben oder acht Beschäftigte."
)


def test_the_lead_sentences_figure_in_the_headline_covers_a_title_that_sums_it() -> None:
    good = item("en", "Kornfeld to close 12 of its 40 bakeries in Saxony", "The shops close by March.")
    result = check_coverage(good, source(BAKERY_DE, "de"))
    assert result.passed, result.message
    # the lead sentence's figure only further down is a detail kept, not the story
    late = item("en", "Saxon bakery chain Kornfeld restructures", "It bakes bread.", "It closes 12 of 40 shops.")
    assert not check_coverage(late, source(BAKERY_DE, "de")).passed


SAILORS_STRIKE_FR = (
    "Les ferries de Bretagne reprennent la mer\n"
    "Après neuf jours de grève, les marins de la compagnie Armor Ferries ont repris le travail "
    "jeudi matin. L'accord prévoit une hausse des salaires de 4,5 % et le recrutement de 60 marins. "
    "Les liaisons vers Roscoff reprennent dès vendredi."
)


def test_without_a_title_figure_the_lead_figures_cover_anywhere_in_the_item() -> None:
    """Editors often tell the event first and give its figures in the next bullet: when the
    title has no figure, the lead sentence's figures are the story wherever they stand."""
    second = item(
        "en",
        "Brittany ferries sail again after strike",
        "Armor Ferries sailors went back to work on Thursday after nine days.",
        "The deal gives a 4.5% pay rise and 60 new sailors.",
    )
    result = check_coverage(second, source(SAILORS_STRIKE_FR, "fr"))
    assert result.passed, result.message
    without = item("en", "Brittany ferries sail again", "Sailors went back to work.", "Roscoff sailings resume.")
    assert not check_coverage(without, source(SAILORS_STRIKE_FR, "fr")).passed


FLOOD_PL = (
    "Powódź w Kłodzku: woda opada\n"
    "Mieszkańcy wracają do domów. „Woda stała u nas przez pięć dni, straciliśmy wszystko” – mówi Anna Wrona. "
    "Strażacy wypompowali wodę z 230 piwnic."
)


@pytest.mark.parametrize(
    "lang, bullet",
    [("en", "Anna Wrona says the water stood for five days."), ("de", "Das Wasser stand fünf Tage im Haus.")],
)
def test_a_number_word_inside_the_sources_quotation_is_its_figure(lang: str, bullet: str) -> None:
    result = check_numbers(item(lang, "Kłodzko", bullet), source(FLOOD_PL, "pl"))
    assert result.passed, result.message


DERBY_ES = (
    "El Betis gana el derbi\n"
    "Rodri Sánchez firmó un doblete y el Betis venció 3-1 al Sevilla. Ayoze falló un penalti en el minuto 77."
)


@pytest.mark.parametrize(
    "lang, bullet",
    [("pl", "Dwa gole strzelił Rodri Sánchez."), ("de", "Rodri Sánchez traf zweimal."), ("en", "Two goals for Rodri.")],
)
def test_a_count_the_source_gives_in_a_word_is_its_figure(lang: str, bullet: str) -> None:
    result = check_numbers(item(lang, "Betis", bullet), source(DERBY_ES, "es"))
    assert result.passed, result.message


def test_a_count_the_source_does_not_give_is_still_caught() -> None:
    bad = item("en", "Betis", "Rodri Sánchez scored four goals.")
    assert not check_numbers(bad, source(DERBY_ES, "es")).passed


TRANSFER_DE = (
    "Hertha holt Verteidiger Lindqvist\nDer 27 Jahre alte Schwede kommt für 4 Millionen Euro aus Malmö, "
    "dazu können 2 an Boni kommen."
)


def test_an_age_among_the_sources_amounts_is_no_amount() -> None:
    good = item("en", "Hertha sign Lindqvist", "The Swede costs €4m, plus up to €2m in bonuses.")
    assert check_numbers(good, source(TRANSFER_DE, "de")).passed
    bad = item("en", "Hertha sign Lindqvist", "The Swede costs €27m.")
    assert not check_numbers(bad, source(TRANSFER_DE, "de")).passed


def test_a_bare_figure_among_an_items_amounts_is_at_their_scale_across_languages() -> None:
    items = [
        item("en", "Mill closes", "It lost €52m and expects to save €17m a year."),
        item("de", "Werk schließt", "Verlust 52 Mio. Euro, jährlich sollen 17 Mio. Euro gespart werden."),
        item("pl", "Zakład zamknięty", "Strata 52 mln euro, oszczędności 17 mln euro rocznie."),
        item("it", "Chiude lo stabilimento", "Ha perso 52 milioni e conta di risparmiarne 17 all'anno."),
    ]
    results = checks.check_consistency(items)
    assert all(r.passed for r in results.values()), {k: r.message for k, r in results.items()}
