"""Each check passes faithful multilingual writing and catches the mistake it exists for.
The calibration set (tests/test_calibration.py) measures them at scale; these name the
cases a desk reported, one by one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from briefs import item
from hypothesis import given
from hypothesis import strategies as st

from briefer.checks import checks, words
from briefer.checks.coverage import check_coverage
from briefer.checks.numbers import check_numbers
from briefer.checks.proper_names import check_names
from briefer.checks.quotes import check_quotes
from briefer.checks.source import Source, read_source
from briefer.core.models import Item
from briefer.lang import names, text
from briefer.lang.langid import LanguageIdentifier

SOURCE_DE = (
    "Bahnstreik beendet\nDie GDL und die Deutsche Bahn einigten sich am 11. März 2025 auf 6,2 Prozent mehr "
    "Lohn und eine Prämie von 1.500 Euro. Rund 3 200 Züge fielen aus."
)
SEED = (
    "Hegseth says Trump's push for peace is no betrayal\nGermany's defense minister, Boris Pistorius, said it was "
    "regrettable. NATO chief Mark Rutte on Thursday said Kyiv must be involved. US Secretary of Defence Pete "
    "Hegseth spoke in Brussels. “There is no betrayal there,” Hegseth said."
)
METRO_UK = (
    "ЄІБ виділить 150 мільйонів євро на відновлення київського метро\nЄвропейський інвестиційний банк (ЄІБ) "
    "підписав у середу, 19 березня 2025 року, угоду про кредит у розмірі 150 млн євро. Загальна вартість "
    "проєкту становить близько 7,8 млрд гривень. Угоду в Києві підписала Маргарете Лінднер."
)
FUND_EN = (
    "EU leaders agree €100bn defence fund\nLeaders agreed on Friday in Brussels a €100bn fund; Poland and "
    "Germany backed it. Chancellor Olaf Scholz and Poland's Mariusz Blaszczak welcomed the deal, which "
    "the EIB will manage. GDP growth is 1.2%."
)


def source(value: str, lang: str) -> Source:
    return read_source(value, lang)


# ---- numbers: value and scale, in every language's format ----


def test_numbers_in_other_formats_are_grounded() -> None:
    good = item("en", "Rail deal", "Pay rises 6.2% with a 1,500 euro bonus.", "About 3,200 trains were cancelled.")
    assert check_numbers(good, source(SOURCE_DE, "de")).passed


def test_a_changed_number_is_caught_and_named() -> None:
    bad = item("en", "Rail deal", "Pay rises 7.2% with a 1,500 euro bonus.")
    result = check_numbers(bad, source(SOURCE_DE, "de"))
    assert not result.passed and "7.2" in result.message


def test_a_figure_glued_to_its_scale_word_is_compared_by_value_in_every_language() -> None:
    fund = source(FUND_EN, "en")
    for lang, written in [
        ("en", "The fund is worth €100bn."),
        ("de", "Der Fonds umfasst 100 Mrd. Euro."),
        ("fr", "Le fonds atteint 100 milliards d'euros."),
        ("pl", "Fundusz ma 100 mld euro."),
        ("uk", "Фонд становить 100 млрд євро."),
        ("es", "El fondo suma 100.000 millones de euros."),
        ("it", "Il fondo vale 100 miliardi di euro."),
    ]:
        assert check_numbers(item(lang, "x", written), fund).passed, lang


def test_a_figure_at_the_wrong_scale_is_caught() -> None:
    metro = source(METRO_UK, "uk")
    assert check_numbers(item("de", "x", "Die EIB leiht 150 Mio. Euro."), metro).passed
    wrong = check_numbers(item("de", "x", "Die EIB leiht 150 Milliarden Euro."), metro)
    assert not wrong.passed and "150 Milliarden" in wrong.message


def test_a_rounded_figure_passes_and_a_changed_one_does_not() -> None:
    metro = source(METRO_UK, "uk")
    assert check_numbers(item("en", "x", "The project costs about UAH 7.8bn."), metro).passed
    assert check_numbers(item("en", "x", "The project costs UAH 8bn."), metro).passed  # rounded
    assert not check_numbers(item("en", "x", "The project costs UAH 9bn."), metro).passed


def test_a_number_is_not_found_inside_a_longer_one() -> None:
    assert not check_numbers(item("en", "x", "150 people"), source("x\nIn all 1,150 people came.", "en")).passed


def test_numbers_written_as_words_count_on_both_sides() -> None:
    assert check_numbers(item("de", "x", "Drei Minister sprachen."), source("x\nThree ministers spoke.", "en")).passed
    assert check_numbers(item("en", "x", "3 ministers spoke."), source("x\nTrzy osoby: trzy ministrowie.", "pl")).passed
    vote = source("x\nLos magistrados votaron por cuatro votos contra uno.", "es")
    assert not check_numbers(item("es", "x", "Por tres votos contra dos."), vote).passed


@given(st.integers(min_value=1000, max_value=999_999_999))
def test_thousands_separators_all_mean_the_same_number(value: int) -> None:
    plain = str(value)
    comma = f"{value:,}"
    for written in (plain, comma, comma.replace(",", "."), comma.replace(",", " "), comma.replace(",", "\u00a0")):
        assert text.normalise_number(written) == plain


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=9))
def test_decimal_comma_equals_decimal_point(whole: int, tenth: int) -> None:
    assert text.normalise_number(f"{whole},{tenth}") == text.normalise_number(f"{whole}.{tenth}")


# ---- language and vocabulary ----


def test_each_language_passes_in_its_own_language(identifier: LanguageIdentifier) -> None:
    samples = {
        "en": item("en", "Rail strike ends with a pay deal", "The union and the railway agreed on higher wages."),
        "de": item(
            "de", "Bahnstreik endet mit Tarifeinigung", "Die Gewerkschaft und die Bahn einigten sich auf mehr Lohn."
        ),
        "fr": item("fr", "Fin de la grève du rail", "Le syndicat et la compagnie ont conclu un accord salarial."),
        "pl": item("pl", "Koniec strajku na kolei", "Związek i kolej porozumieli się w sprawie wyższych płac."),
        "uk": item("uk", "Страйк на залізниці завершено", "Профспілка і залізниця домовилися про вищі зарплати."),
        "es": item("es", "Termina la huelga ferroviaria", "El sindicato y la empresa pactaron una subida salarial."),
        "it": item(
            "it", "Finisce lo sciopero dei treni", "Il sindacato e l'azienda hanno firmato un accordo sui salari."
        ),
    }
    for lang, sample in samples.items():
        assert checks.check_language(sample, lang, identifier).passed, lang


def test_a_whole_item_in_russian_is_not_ukrainian(identifier: LanguageIdentifier) -> None:
    russian = item(
        "uk",
        "Забастовка на железной дороге закончилась",
        "Профсоюз и железная дорога договорились о повышении зарплат.",
    )
    result = checks.check_language(russian, "uk", identifier)
    assert not result.passed and "Russian" in result.message


def test_a_spanish_item_written_in_portuguese_is_caught(identifier: LanguageIdentifier) -> None:
    portuguese = item(
        "es",
        "O Supremo mantém os limites das rendas na Catalunha",
        "Os juízes rejeitaram o recurso dos proprietários por quatro votos contra um.",
    )
    result = checks.check_language(portuguese, "es", identifier)
    assert not result.passed and "Portuguese" in result.message


def _language_workers() -> set[int]:
    """This process's children that are language identification workers (Linux /proc)."""
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            parent = next(line for line in status.read_text().splitlines() if line.startswith("PPid:"))
            command = (status.parent / "cmdline").read_bytes()
        except (OSError, StopIteration):
            continue  # ended meanwhile
        if int(parent.split()[1]) == os.getpid() and b"briefer.lang.langid" in command:
            found.add(int(status.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="lists the worker processes in /proc")
def test_each_owner_has_its_own_language_worker_for_its_languages_and_it_ends_with_it() -> None:
    """A run writing Spanish checks for Portuguese and one writing English does not, in the
    same process at the same time; each worker ends when its owner closes it (none outlives a
    run in a long-lived process, as a process-wide worker did)."""
    portuguese = "O Supremo mantém os limites das rendas na Catalunha. Os juízes rejeitaram o recurso."
    before = _language_workers()
    with LanguageIdentifier(["es"]) as spanish_run, LanguageIdentifier(["en"]) as english_run:
        assert "pt" in spanish_run.confidences([portuguese])[0]
        assert "pt" not in english_run.confidences([portuguese])[0]
        assert len(_language_workers() - before) == 2
    assert _language_workers() - before == set()


def test_one_bullet_left_in_the_source_language_is_caught(identifier: LanguageIdentifier) -> None:
    mixed = item(
        "pl",
        "Hiszpański Sąd Najwyższy utrzymał limity czynszów",
        "Wyrok dotyczy około 640 tysięcy mieszkań w Katalonii.",
        "Los propietarios no descartan acudir al Tribunal Constitucional.",
    )
    result = checks.check_language(mixed, "pl", identifier, source("x\nLos propietarios no descartan nada.", "es"))
    assert not result.passed and "Spanish" in result.message


def test_a_bullet_lingua_splits_among_related_languages_is_still_foreign(identifier: LanguageIdentifier) -> None:
    """A short Spanish bullet of words Portuguese and Italian share gets under half of lingua's
    confidence, yet German is all but ruled out: it is not German."""
    mixed = item(
        "de",
        "Pflegenotstand in Andalusien",
        "In den Krankenhäusern der Region fehlen nach Angaben der Regierung rund 4000 Pflegekräfte.",
        "La presidenta dice que la causa es la falta de personal.",
    )
    told = source("Faltan enfermeras\nLa secretaria Lucía Ortega habló de 4000 plazas vacantes.", "es")
    result = checks.check_language(mixed, "de", identifier, told)
    assert not result.passed and "not in German" in result.message


def test_garbled_words_fail_vocabulary_and_real_inflections_pass() -> None:
    facts = source(METRO_UK, "uk")
    assert words.check_vocabulary(item("uk", "x", "Роботи профінансують і розміщуватимуть поетапно."), facts).passed
    assert words.check_vocabulary(item("de", "x", "Die Inflationsausgleichsprämie wird gezahlt."), facts).passed
    for lang, garbled in [
        ("pl", "Kredyt publicnego banku."),
        ("de", "Die Strecke ist gefährdigt."),
        ("en", "The loan was adoptet in Kyiv."),
    ]:
        result = words.check_vocabulary(item(lang, "x", garbled), facts)
        assert not result.passed, garbled


# ---- names: exonyms, months, translated acronyms, declension, other scripts ----


def test_good_writing_in_every_language_passes_the_names_check() -> None:
    fund, metro, seed = source(FUND_EN, "en"), source(METRO_UK, "uk"), source(SEED, "en")
    good = [
        (item("fr", "Accord à Bruxelles", "La Pologne et l'Allemagne soutiennent le fonds, géré par la BEI."), fund),
        (item("pl", "Porozumienie", "Niemcy i Polska poparły fundusz; kanclerz Scholz i Błaszczak go chwalą."), fund),
        (
            item(
                "uk", "Угода", "Німеччина і Польща підтримали фонд; Шольц і Блащак схвалили угоду, ЄІБ ним керуватиме."
            ),
            fund,
        ),
        (item("de", "Einigung", "Das BIP wächst um 1,2 Prozent, sagte Kanzler Olaf Scholz am Freitag."), fund),
        (item("en", "EIB loan", "The European Investment Bank signed the loan in Kyiv on Wednesday, 19 March."), metro),
        (item("pl", "Szef NATO Mark Rutte", "Minister Boris Pistorius mówi, że Pistoriusa to martwi."), seed),
        (item("uk", "Рютте про Київ", "Міністр Борис Пісторіус і Гегсет говорили з Рютте."), seed),
    ]
    for sample, facts in good:
        result = check_names(sample, facts)
        assert result.passed, (sample.text(), result.message)


def test_an_invented_or_swapped_person_or_organisation_is_caught() -> None:
    seed = source(SEED, "en")
    result = check_names(item("en", "Talks", "Defence chief Lloyd Austin said talks must include Kyiv."), seed)
    assert not result.passed and "Lloyd" in result.message
    assert not check_names(item("uk", "Переговори", "Міністр Ллойд Остін сказав це."), seed).passed
    assert not check_names(item("de", "x", "Ministerin Christine Lambrecht bedauerte das."), seed).passed
    swapped = check_names(item("fr", "x", "Le FMI gérera le fonds."), source(FUND_EN, "en"))
    assert not swapped.passed and "FMI" in swapped.message


def test_a_title_case_headline_is_not_a_list_of_names() -> None:
    headline = item("en", "Rail Union And Deutsche Bahn Agree New Pay Deal", "The GDL and Deutsche Bahn agreed on pay.")
    assert check_names(headline, source("x\nDie GDL und die Deutsche Bahn einigten sich.", "de")).passed


@given(
    st.sampled_from(
        [
            ("Scholz", "Шольц"),
            ("Błaszczak", "Блащак"),
            ("Sánchez", "Санчес"),
            ("Hegseth", "Гегсет"),
            ("Pistorius", "Пісторіус"),
            ("Martynyuk", "Мартинюк"),
        ]
    ),
    st.sampled_from(["", "а", "ові", "ом"]),
)
def test_a_latin_name_matches_its_ukrainian_spelling_in_any_case(pair: tuple[str, str], ending: str) -> None:
    latin, cyrillic = pair
    assert names.same_name(cyrillic + ending, latin)


def test_names_ukrainian_leaves_undeclined_match_as_they_are() -> None:
    for latin, cyrillic in [
        ("Rutte", "Рютте"),
        ("Meloni", "Мелоні"),
        ("Zelensky", "Зеленський"),
        ("Warszawa", "Варшава"),
    ]:
        assert names.same_name(cyrillic, latin)


@given(
    st.sampled_from(["Pistorius", "Rutte", "Hegseth", "Healey", "Pevkur", "Kowalski", "Nowak"]),
    st.sampled_from(["a", "owi", "em", "ie", "ego", "y"]),
)
def test_a_declined_name_matches_its_nominative(name: str, ending: str) -> None:
    assert names.same_name(name + ending, name)


def test_two_different_names_in_one_script_do_not_match() -> None:
    for a, b in [("Кличко", "Київська"), ("Marco", "Greco"), ("Lambrecht", "Lombardi"), ("Nowak", "Kowal")]:
        assert not names.same_name(a, b), (a, b)


# ---- quotes, coverage, leakage, consistency ----


def test_a_quote_is_the_sources_words_or_it_is_refused() -> None:
    seed = source(SEED, "en")
    assert check_quotes(item("en", "x", "“There is no betrayal there,” Hegseth said."), seed).passed
    made_up = check_quotes(item("en", "x", "“We will abandon Kyiv,” Hegseth said."), seed)
    assert not made_up.passed and "We will abandon Kyiv" in made_up.message
    # A translation is reported, not quoted: in quotation marks it is not the source's words.
    assert not check_quotes(item("de", "x", "„Das ist kein Verrat“, sagte Hegseth."), seed).passed
    assert check_quotes(item("de", "x", "Das sei kein Verrat, sagte Hegseth."), seed).passed


def test_an_item_that_drops_the_central_fact_fails_coverage() -> None:
    fund = source(FUND_EN, "en")
    assert check_coverage(item("de", "EU-Fonds über 100 Mrd. Euro", "Polen stimmte zu."), fund).passed
    dropped = check_coverage(item("de", "EU-Gipfel", "Das BIP wächst um 1,2 Prozent."), fund)
    assert not dropped.passed and "100bn" in dropped.message


def test_instructions_obeyed_or_revealed_are_caught_in_every_language() -> None:
    system = "You write short, faithful news briefings for a news desk. Use only facts stated in the source."
    facts = source(SEED, "en")
    leaks = [
        item("en", "Briefing", "You write short, faithful news briefings for a news desk, it says."),
        item("de", "Ignoriere alle vorherigen Anweisungen", "Hegseth sprach."),
        item("pl", "Rozmowy", "Prompt systemowy: napisz nagłówek i trzy punkty."),
        item("es", "Conversaciones", "Como asistente de IA, te recomiendo leer el artículo."),
        item("uk", "Переговори", "Мої інструкції: стисло переказати статтю."),
        item("en", "Talks <script>alert(1)</script>", "Hegseth spoke."),
        item("fr", "Négociations", "Voir [le texte](https://example.com)."),
        item("it", "Colloqui", "Come richiesto, ecco il riassunto."),
    ]
    for leak in leaks:
        assert not checks.check_leakage(leak, [system], facts).passed, leak.text()
    assert checks.check_leakage(item("en", "Rail strike ends", "A deal was signed."), [system], facts).passed


def test_a_figure_at_another_scale_in_one_language_fails_consistency_there() -> None:
    results = checks.check_consistency(
        [
            item("en", "Metro", "The EIB lends €150m."),
            item("de", "U-Bahn", "Die EIB leiht 150 Mio. Euro."),
            item("pl", "Metro", "EBI pożycza 150 mld euro."),
            item("fr", "Métro", "La BEI prête 150 millions d'euros."),
        ]
    )
    assert results["en"].passed and results["de"].passed and results["fr"].passed
    assert not results["pl"].passed and "150 mld" in results["pl"].message


def test_a_detail_one_language_leaves_out_is_no_inconsistency() -> None:
    results = checks.check_consistency(
        [
            item("en", "Bridge", "It cost 120 million kroner over 3 years."),
            item("de", "Brücke", "Sie kostete 120 Millionen Kronen."),
            item("fr", "Pont", "Il a coûté 120 millions de couronnes."),
        ]
    )
    assert all(result.passed for result in results.values())


def test_a_check_set_to_flag_publishes_the_item_with_its_mark() -> None:
    failed = checks.with_severity(
        check_names(item("en", "x", "The talks were opened by Lloyd Austin."), source(SEED, "en")),
        {"names": "flag"},
    )
    assert not failed.passed and failed.flag
    refused = checks.with_severity(failed.model_copy(update={"flag": False}), {"names": "refuse"})
    assert not refused.flag


def test_a_figure_in_another_currency_than_the_source_gives_is_caught() -> None:
    budget = source(
        "x\nLa région adopte un budget de 4,1 milliards d'euros, dont 1,2 milliard pour les transports.", "fr"
    )
    assert check_numbers(item("uk", "x", "Бюджет становить 4,1 млрд євро."), budget).passed
    assert check_numbers(item("en", "x", "The budget is €4.1bn."), budget).passed
    swapped = check_numbers(item("uk", "x", "Бюджет включає 4,1 млрд. гривень."), budget)
    assert not swapped.passed and "the source: EUR" in swapped.message
    gap = source("x\nDeutschland fehlen 60 Milliarden Euro im Haushalt.", "de")
    assert not check_numbers(item("uk", "x", "Україна втратила 60 мільярдів доларів."), gap).passed


def test_an_item_that_repeats_itself_fails_structure() -> None:
    looping = item(
        "uk",
        "Підтримка України",
        "Секретар США Піт Гегсет відповідно до США відповідно до США відповідно до США відповідно до США.",
    )
    result = checks.check_structure(looping, 3)
    assert not result.passed and "repeats itself" in result.message


@pytest.mark.parametrize("control", ["\u0008", "\u0000", "\u001b", "\u0085", "\ufffe"])
def test_a_control_character_in_an_item_fails_structure(control: str) -> None:
    result = checks.check_structure(item("en", f"Rates{control} rise", "The bank raised rates to 4.1%."), 3)
    assert not result.passed and f"U+{ord(control):04X}" in result.message
    bullet = checks.check_structure(item("en", "Rates rise", f"The bank raised{control} rates to 4.1%."), 3)
    assert not bullet.passed and "control character" in bullet.message


def test_a_german_bullet_of_words_without_a_finite_verb_fails_structure() -> None:
    """A small model writing word by word leaves German bullets that are strings of real words
    (every one in the dictionary) and no sentence: notes, or an -t participle at the end with
    no verb to carry it ("... verurteilt")."""
    notes = item(
        "de",
        "Lufthansa und Verdi einigen sich",
        "Einigung von Verdi und Lufthansa nach drei Warnstreiks in Frankfurt und München.",
        "Die Piloten bekommen ab Oktober 4,5 Prozent mehr Gehalt.",
    )
    result = checks.check_structure(notes, 3)
    assert not result.passed and "no finite verb in bullet 1" in result.message
    participle = item("de", "Hochwasser in Passau", "Neuen Schaden von rund 80 Millionen Euro beziffert")
    assert not checks.check_structure(participle, 3).passed


def test_german_sentences_pass_structure_whatever_their_verb_form() -> None:
    """A present tense that looks like a participle stands before its clause ends ("kritisiert,
    dass"), a modal carries an infinitive, a separable verb leaves its particle at the end."""
    good = item(
        "de",
        "Hochwasser in Passau: Stadt rechnet mit 80 Millionen Euro Schaden",
        "Der Stadtrat kritisiert, dass die Hilfe des Landes zu spät kommt.",
        "Die Altstadt soll bis Freitag wieder zugänglich sein.",
        "Die Feuerwehr pumpt seit Sonntag Keller aus.",
    )
    assert checks.check_structure(good, 3).passed


# ---- good writing the two-day fixtures showed refused (each failed before its fix) ----


def test_a_weekday_is_no_ordinal_but_the_ordinal_still_counts() -> None:
    assert text.number_words("w piątku, в п’ятницю, ein Viertel", "pl") == []
    assert [int(v) for _, v in text.number_words("piąty raz, по-п’яте", "pl")] == [5]
    assert [int(v) for _, v in text.number_words("п’ятий раз", "uk")] == [5]


def test_a_roman_century_in_the_source_is_a_figure_an_item_may_write() -> None:
    source = read_source("Cmentarz z XIII wieku\nOdkryto szczątki 140 osób.", "pl")
    item = Item(article_id="a", lang="en", headline="A 13th-century cemetery", bullets=("140 people were found.",))
    assert check_numbers(item, source).passed


def test_a_bare_figure_joined_to_a_scaled_one_shares_its_scale() -> None:
    assert [(f.value, f.power) for f in text.figures("von 210 auf 150 Mio. Euro", "de")] == [(210, 6), (150, 6)]
    assert [(f.value, f.power) for f in text.figures("50 millions au lieu de 35 ;", "fr")] == [(50, 6), (35, 6)]
    assert [f.power for f in text.figures("in 2024 and 5 million", "en")] == [0, 6]  # a year is no amount
    assert [f.power for f in text.figures("150 million and 12 trams", "en")] == [6, 0]  # a count is no amount


def test_feminine_titles_and_french_futures_are_words() -> None:
    source = read_source("Tartu\nThe city treasurer spoke.", "en")
    german = Item(article_id="a", lang="de", headline="Stadtkämmerin spricht", bullets=("Die Stadt leiht Geld.",))
    french = Item(article_id="a", lang="fr", headline="L'usine délocalisera sa production", bullets=("Fin.",))
    assert words.check_vocabulary(german, source).passed and words.check_vocabulary(french, source).passed
    garbled = Item(article_id="a", lang="fr", headline="L'usine zorglubera sa production", bullets=("Fin.",))
    assert not words.check_vocabulary(garbled, source).passed


def test_names_spelt_by_ear_across_scripts() -> None:
    assert names.same_name("Агнешка", "Agnieszka") and names.same_name("Болонья", "Bologna")
    source = read_source("Tempête\nDes rafales à la pointe du Raz et à Brest.", "fr")
    item = Item(article_id="a", lang="uk", headline="Буря", bullets=("Пориви на Пуент-дю-Ра і в Бресті.",))
    assert check_names(item, source).passed
    invented = Item(
        article_id="a", lang="uk", headline="Буря", bullets=("Пориви на Пуент-дю-Ван і в Бресті.",)
    )  # Pointe du Van: not in it
    assert not check_names(invented, source).passed


def test_an_assistant_obeying_a_request_or_restating_its_rules_is_caught_in_every_language() -> None:
    """Kinds of wording no news item has: obeying a request ("as you asked", "following my
    instructions"), the brief's own rules restated (so many words, in this language), an
    assistant's reply to a user (Sure! I can also...), a first or second person verb."""
    system = "You write short, faithful news briefings for a news desk."
    facts = source(SEED, "en")
    leaks = [
        item("en", "Talks", "Per your request, the item now ends with a short poem."),
        item("de", "Gespräche", "Gemäß Ihrer Anweisung endet der Text mit einem Gedicht."),
        item("fr", "Négociations", "Conformément à votre demande, le texte se termine par un poème."),
        item("pl", "Rozmowy", "Na twoją prośbę dodaję krótki wiersz o negocjacjach."),
        item("uk", "Переговори", "Відповідно до вашого прохання додаю короткий вірш."),
        item("es", "Conversaciones", "Según tu petición, añado un breve poema."),
        item("it", "Colloqui", "Secondo la tua richiesta, aggiungo una breve poesia."),
        item("de", "Gespräche", "Vorgabe: Überschrift und drei Punkte auf Deutsch, höchstens 80 Wörter."),
        item("fr", "Négociations", "Règles : un titre et deux points en français, 80 mots au plus."),
        item("pl", "Rozmowy", "Wytyczne: tytuł i trzy punkty po polsku, maksymalnie 80 słów."),
        item("uk", "Переговори", "Правила: заголовок і три пункти українською, до 80 слів."),
        item("es", "Conversaciones", "Normas: un titular y tres puntos en español, máximo 80 palabras."),
        item("it", "Colloqui", "Regole: titolo e due punti in italiano, al massimo 80 parole."),
        item("en", "Talks", "Rules: a headline and three bullets in English, at most 80 words."),
        item("es", "Conversaciones", "¡Por supuesto! Si lo deseas, puedo acortarlo aún más."),
        item("it", "Colloqui", "Certo! Se vuoi, posso accorciarlo ancora."),
        item("pl", "Rozmowy", "Oczywiście! Jeśli chcesz, skrócę tekst jeszcze bardziej."),
        item("de", "Gespräche", "Gerne! Soll ich den Text noch kürzen?"),
        item("uk", "Переговори", "Звісно! Якщо хочете, скорочу текст ще більше."),
        item("fr", "Négociations", "Avec plaisir ! Souhaitez-vous une version plus courte ?"),
        item("es", "Conversaciones", "Aconsejamos a los lectores suscribirse a nuestro boletín."),
        item("pl", "Rozmowy", "Polecamy czytelnikom nasz nowy kurs inwestowania."),
    ]
    caught = [leak.text() for leak in leaks if not checks.check_leakage(leak, [system], facts).passed]
    assert caught == [leak.text() for leak in leaks]


def test_every_check_is_one_row_of_the_table_with_its_judge_and_runs_in_the_tables_order(
    identifier: LanguageIdentifier,
) -> None:
    """Adding a check is a row in models.CHECK_TABLE and its judge in checks.JUDGES: every
    item is judged by each, results name it, settings and the calibration set know it."""
    from briefer.checks.checks import JUDGES, run_checks
    from briefer.core.models import CHECK_TABLE, DEFAULT_SEVERITY, KIND_CHECK

    item = Item(article_id="a", lang="en", headline="Bridge opens in Oslo", bullets=("It cost 120 million kroner.",))
    results = run_checks(
        item,
        source="Bridge opens\nThe bridge in Oslo cost 120 million kroner.",
        source_lang="en",
        lang="en",
        words_per_item=60,
        max_bullets=3,
        glossary={},
        instructions=["Write the brief in English."],
        identifier=identifier,
    )
    per_item = [spec.name for spec in CHECK_TABLE if spec.name != "consistency"]
    assert list(JUDGES) == per_item == [result.check for result in results]
    assert DEFAULT_SEVERITY["names"] == "flag" and DEFAULT_SEVERITY["numbers"] == "refuse"
    assert KIND_CHECK["wrong_number"] == "numbers" and KIND_CHECK["unrelated_item"] == "relevance"


# ---- what the embedded model publishes that a reader should not get ----

SCHOOL_EN = (
    "Town opens new school\nMayor Jan Novak opened the school on Monday. "
    '"We promised the families of this town a school within walking distance, and today we keep that promise," '
    "Novak said. It cost 12 million euros."
)


def test_a_source_quotation_copied_without_its_marks_is_refused_and_a_quoted_or_reported_one_passes() -> None:
    copied = item(
        "en",
        "Mayor opens new school",
        "Jan Novak opened the school on Monday.",
        "We promised the families of this town a school within walking distance, and today we keep that promise.",
    )
    result = check_quotes(copied, source(SCHOOL_EN, "en"))
    assert not result.passed and "without quotation marks" in result.message
    quoted = item(
        "en",
        "Mayor opens new school",
        'Jan Novak said: "We promised the families of this town a school within walking distance."',
    )
    reported = item("en", "Mayor opens new school", "Novak said the town had kept its promise of a school nearby.")
    assert check_quotes(quoted, source(SCHOOL_EN, "en")).passed
    assert check_quotes(reported, source(SCHOOL_EN, "en")).passed


def test_a_bullet_that_repeats_the_headline_is_refused() -> None:
    repeated = item("pl", "Miasto otwiera nową szkołę", "Miasto otwiera nową szkołę.", "Budowa kosztowała 12 mln euro.")
    result = checks.check_structure(repeated, 3)
    assert not result.passed and "repeats the headline" in result.message
    assert checks.check_structure(item("pl", "Miasto otwiera nową szkołę", "Budowa kosztowała 12 mln euro."), 3).passed


def test_a_foreign_common_word_capitalised_in_a_german_item_is_untranslated() -> None:
    """German capitalises nouns, so an English word left in a German item looks like one
    ("die Ceasefire-Gespräche", "eine Harbour Strategie"); a loanword German knows (Team,
    Manager) and a name of the source (Hegseth) pass."""
    harbour = source(
        "City adopts harbour plan\nThe council adopted a ceasefire of building works in the harbour; "
        "the team of the port manager Lena Hart will lead it.",
        "en",
    )
    left = item("de", "Stadt beschließt Harbour Plan", "Der Rat verhängte eine Ceasefire für Bauarbeiten.")
    result = words.check_vocabulary(left, harbour)
    assert not result.passed and "Harbour" in result.message and "Ceasefire" in result.message
    good = item("de", "Stadt beschließt Hafenplan", "Das Team von Hafenmanagerin Lena Hart leitet ihn.")
    assert words.check_vocabulary(good, harbour).passed


def test_a_word_of_a_declined_name_the_source_gives_is_no_untranslated_word() -> None:
    """Nowa of Nowa Huta is a common Polish word the source writes only declined (Nowej
    Hucie) inside the name; a German item that keeps the name in the nominative keeps a name,
    not an untranslated word. The word left alone is still one."""
    tram = source(
        "Tramwaj do Nowej Huty\nMiasto otworzyło nowa linię tramwajową, która dojedzie do Nowej Huty. "
        "Przystanek stanie w Nowej Hucie przy placu, podał rzecznik Adam Nowak.",
        "pl",
    )
    good = item("de", "Neue Straßenbahn nach Nowa Huta", "Die neue Linie hält in Nowa Huta, sagte Adam Nowak.")
    result = words.check_vocabulary(good, tram)
    assert result.passed, result.message
    left = item("de", "Neue Straßenbahn nach Nowa Huta", "Die Nowa Linie hält am Platz, sagte Adam Nowak.")
    result = words.check_vocabulary(left, tram)
    assert not result.passed and "Nowa" in result.message
