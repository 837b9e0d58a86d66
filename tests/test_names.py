"""The names check asks what a name in a brief renders, not whether it looks foreign: the
source's name in another spelling, a translation or acronym of a body it names, a place or
people it names, or a common word of the brief's language that happens to be capitalised.
Only what is none of these is "not in the source". One test per kind of name, each with an
example of its own, and the defects that must still be caught."""

from __future__ import annotations

from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source
from briefer.core.models import Item

RAIN_IT = (
    "Maltempo nel Veneto\nPiogge forti a Mantova e Padova, dice la Protezione civile. Il sindaco Luca Bianchi "
    "chiede prudenza ai cittadini."
)
RATES_PL = (
    "Stopy bez zmian\nNarodowy Bank Polski utrzymał stopy procentowe. Rada Polityki Pieniężnej zdecydowała "
    "jednogłośnie, powiedział prezes Adam Glapiński."
)
SPACE_IT = "Spazio\nL'Agenzia Spaziale Europea lancerà un satellite, dice il direttore Marco Rossi."
AUDIT_DE = (
    "Rechnungshof\nDer Bundesrechnungshof kritisiert das Sondervermögen. Auch die Sozialdemokraten im Bundestag "
    "sind skeptisch."
)
ELECTION_DE = "Wahl\nIn Finnland haben die Wähler am Sonntag ein neues Parlament gewählt."
BUDGET_FR = "Budget\nLe gouvernement français présente un budget de rigueur, annonce le Premier ministre."
FIRE_UK = "Пожежа\nРятувальники ДСНС гасили пожежу у Львові всю ніч, повідомили в Державній службі."
STRIKE_DE = (
    "Abstimmung\nIm britischen Unterhaus stimmten die Abgeordneten gegen den Plan. "
    "Nichtregierungsorganisationen protestierten vor dem Parlament."
)


def item(lang: str, *bullets: str) -> Item:
    return Item(article_id="a", lang=lang, headline="x", bullets=tuple(bullets))


def passes(source: str, source_lang: str, lang: str, text: str) -> None:
    result = check_names(item(lang, text), read_source(source, source_lang))
    assert result.passed, (lang, text, result.message)


def fails(source: str, source_lang: str, lang: str, text: str, name: str) -> None:
    result = check_names(item(lang, text), read_source(source, source_lang))
    assert not result.passed and name in result.message, (lang, text, result.message)


def test_an_exonym_of_a_city_the_source_names_passes() -> None:
    passes(RAIN_IT, "it", "en", "Heavy rain hit Mantua and Padua, says mayor Luca Bianchi.")
    passes(RAIN_IT, "it", "fr", "De fortes pluies à Mantoue et Padoue, selon le maire Luca Bianchi.")
    passes(RAIN_IT, "it", "uk", "Сильні дощі в Мантуї та Падуї, каже мер Лука Б'янкі.")


def test_an_acronym_of_a_name_the_source_spells_out_passes() -> None:
    passes(RATES_PL, "pl", "pl", "Jak podał NBP, stopy są bez zmian; RPP zdecydowała jednogłośnie.")
    passes(RATES_PL, "pl", "en", "The NBP kept rates on hold, said governor Adam Glapiński.")
    # the initials of the translated name (European Space Agency), and in another script
    passes(SPACE_IT, "it", "en", "A satellite of the ESA will launch, says director Marco Rossi.")
    passes(RATES_PL, "pl", "uk", "Як повідомив НБП, ставки без змін, сказав Адам Ґлапінський.")


def test_a_descriptive_translation_of_a_body_the_source_names_passes() -> None:
    passes(AUDIT_DE, "de", "en", "Germany's audit office criticised the fund, and the Social Democrats doubt it.")
    passes(AUDIT_DE, "de", "pl", "Fundusz krytykuje izba obrachunkowa, sceptyczni są też Socjaldemokraci.")


def test_a_people_of_a_country_the_source_names_passes() -> None:
    passes(ELECTION_DE, "de", "en", "On Sunday the Finns elected a new parliament.")
    passes(ELECTION_DE, "de", "pl", "W niedzielę Finowie wybrali nowy parlament.")


def test_a_capital_city_for_the_government_of_a_country_the_source_names_passes() -> None:
    passes(BUDGET_FR, "fr", "en", "On Tuesday Paris presented an austerity budget.")
    passes(BUDGET_FR, "fr", "pl", "We wtorek Paryż przedstawił oszczędny budżet.")
    passes(BUDGET_FR, "fr", "uk", "У вівторок Париж представив ощадний бюджет.")


def test_a_common_word_of_the_brief_language_capitalised_passes() -> None:
    passes(STRIKE_DE, "de", "en", "In the Commons MPs voted against the plan and NGOs protested outside.")
    passes(FIRE_UK, "uk", "pl", "Ratownicy Służby ds. Sytuacji Nadzwyczajnych gasili pożar we Lwowie.")


def test_a_name_the_source_never_mentions_is_still_caught() -> None:
    fails(RAIN_IT, "it", "en", "Heavy rain hit Mantua and Verona, says mayor Luca Bianchi.", "Verona")
    fails(RAIN_IT, "it", "en", "Heavy rain hit Mantua, says mayor Luca Ferrari.", "Ferrari")
    fails(RATES_PL, "pl", "en", "The NBP kept rates on hold, the IMF said.", "IMF")
    fails(RATES_PL, "pl", "pl", "Stopy są bez zmian, co według Nowaka było do przewidzenia.", "Nowaka")  # declined
    fails(SPACE_IT, "it", "en", "A satellite of NASA will launch, says director Marco Rossi.", "NASA")
    fails(BUDGET_FR, "fr", "en", "On Tuesday Madrid presented an austerity budget.", "Madrid")
    fails(ELECTION_DE, "de", "en", "On Sunday the Swedes elected a new parliament, said Greenpeace.", "Greenpeace")
    fails(FIRE_UK, "uk", "pl", "Ratownicy Czerwonego Krzyża gasili pożar we Lwowie, mówi Caritas.", "Caritas")


NEWS_EN = (
    "Storm warning\nThe national weather service warned of floods in Warwick on Friday, and the US Coast Guard "
    "stood by."
)
HILLS_PL = "Powódź\nNa Podkarpaciu woda zalała 300 domów, podał wojewoda."


def test_a_country_name_written_with_a_hyphen_passes() -> None:
    ferry = "Fähren\nDie Fähren ins Vereinigte Königreich fallen am Freitag aus, teilte die Reederei mit."
    passes(ferry, "de", "fr", "Vendredi, les ferries vers le Royaume-Uni sont annulés, selon l'armateur.")


def test_a_declined_exonym_in_another_script_passes() -> None:
    passes(NEWS_EN, "en", "uk", "У п'ятницю в Уоріку очікують повеней, попередив Гідрометцентр.")


def test_a_region_with_its_prefix_translated_passes() -> None:
    passes(HILLS_PL, "pl", "en", "Floods in Subcarpathia hit 300 homes, the governor said.")
    passes(HILLS_PL, "pl", "es", "Las inundaciones en Subcarpacia afectan a 300 casas.")
    fails(HILLS_PL, "pl", "en", "Floods in Transylvania hit 300 homes, the governor said.", "Transylvania")


def test_an_acronym_of_a_german_compound_spelling_its_parts_passes() -> None:
    police = "Ermittlungen\nDas Bundeskriminalamt ermittelt wegen Sabotage, sagte ein Sprecher in Wiesbaden."
    passes(police, "de", "de", "Wegen Sabotage ermittelt das BKA, sagte ein Sprecher.")
    passes(police, "de", "en", "Germany's BKA is investigating sabotage, a spokesman said in Wiesbaden.")
    fails(police, "de", "en", "Germany's BSI is investigating sabotage, a spokesman said in Wiesbaden.", "BSI")


def test_a_declined_loanword_the_dictionary_knows_passes() -> None:
    vote = "Vote\nIsrael's parliament voted on Monday to dissolve itself, the speaker said."
    passes(vote, "en", "uk", "У понеділок депутати Кнесету проголосували за саморозпуск.")


# ---- kinds of name found passing wrongly refused on writing never tuned on (issue 18) ----


def test_a_spanish_j_spelt_as_kh_across_scripts_passes() -> None:
    """Spanish j sounds as х (Badajoz ~ Бадахос), and х is written j (Херсон ~ Jersón)."""
    border = "Frontera\nEl alcalde de Badajoz, Ignacio Gragera, pide más trenes a Lisboa."
    passes(border, "es", "uk", "Мер Бадахоса Ігнасіо Грагера просить більше поїздів до Лісабона.")
    front = "Обстріл\nУ Херсоні вночі пошкоджено дві школи, повідомила обласна адміністрація."
    passes(front, "uk", "es", "Dos escuelas resultaron dañadas por la noche en Jersón, según la administración.")
    fails(
        front, "uk", "es", "Dos escuelas resultaron dañadas por la noche en Járkov, según la administración.", "Járkov"
    )


def test_a_polish_nasal_vowel_spelt_with_n_across_scripts_passes() -> None:
    """Polish ą and ę sound as on and en (Wąsik ~ Вонсік), as other scripts spell them."""
    vote = "Sejm\nPoseł Maciej Wąsik nie zagłosował nad ustawą, podał marszałek."
    passes(vote, "pl", "uk", "Депутат Мацей Вонсік не голосував за закон.")
    passes(vote, "pl", "uk", "Закон пройшов без голосу Вонсіка.")
    fails(vote, "pl", "uk", "Депутат Мацей Василь не голосував за закон.", "Василь")


def test_a_place_name_with_its_abbreviation_spelt_out_passes() -> None:
    """St, Mt in the source; Saint, Сент in a brief: one place, its abbreviation written in full."""
    gale = "Gales\nWaves flooded the harbour at St Ives, the coastguard said."
    passes(gale, "en", "uk", "Хвилі затопили гавань у Сент-Айвсі, повідомила берегова охорона.")
    fails(gale, "en", "uk", "Хвилі затопили гавань у Сент-Остеллі, повідомила берегова охорона.", "Сент-Остеллі")


def test_a_common_acronym_of_the_brief_language_passes() -> None:
    """An acronym the dictionary declines in the plural is a class of things (ДТП: a road
    accident), not one body; a body's acronym the source never names is still caught."""
    crash = "Crash\nA crash on the M1 motorway near Leicester killed two people, police said."
    passes(crash, "en", "uk", "Двоє людей загинули в ДТП на трасі M1 біля Лестера, повідомила поліція.")
    fails(crash, "en", "uk", "Двоє людей загинули на трасі M1 біля Лестера, повідомила СБУ.", "СБУ")


def test_words_of_a_body_scattered_in_a_sentence_name_no_body() -> None:
    """ "world" and "bank" apart are no World Bank: a body is named by its words together."""
    loans = "Loans\nThe central bank kept rates on hold; growth in the world economy slows, it said."
    passes(loans, "en", "en", "The bank expects the world economy to slow and kept rates on hold.")
    fails(loans, "en", "en", "The World Bank expects the economy to slow.", "IBRD")


def test_a_hyphenated_rendering_of_one_source_word_passes() -> None:
    """Anti-Monopoly for антимонопольний: one word of the source, hyphenated in a brief."""
    fine = "Штраф\nУ вівторок антимонопольний комітет оштрафував мережу АЗС на 5 млн грн, повідомило відомство."
    passes(fine, "uk", "en", "The Anti-Monopoly Committee fined a chain of filling stations 5m hryvnias.")
    fails(fine, "uk", "en", "The Anti-Fraud Office fined a chain of filling stations 5m hryvnias.", "Anti-Fraud")


def test_a_german_noun_the_dictionary_declines_in_the_plural_passes() -> None:
    """A German noun also common in other languages (Album: Alben) is a word, not a name
    standing before a name; a name has no plural (Trumpe)."""
    record = "Disco\nRosalía pubblica venerdì il nuovo disco, Motomami, annuncia la casa discografica."
    passes(record, "it", "de", "Rosalía veröffentlicht am Freitag das neue Album Motomami.")
    fails(record, "it", "de", "Rosalía veröffentlicht am Freitag mit Christine Motomami.", "Christine")


FLOOD_IT = "Alluvione\nA Firenze l'Arno è esondato nella notte, dice il sindaco Paolo Neri."
TRAINS_DE = "Bahn\nIn Berlin fielen am Montag viele Züge aus, teilte die Deutsche Bahn mit."
LEAGUE_EN = "League\nArsenal beat Chelsea 2-0 at the Emirates to go top of the Premier League."


def test_a_region_or_city_in_another_language_the_source_never_names_is_caught() -> None:
    # ISO 3166-2's regions, provinces and metropolitan cities, named in every language
    passes(FLOOD_IT, "it", "pl", "We Florencji Arno wylało w nocy, mówi burmistrz Paolo Neri.")
    fails(FLOOD_IT, "it", "es", "El Arno se desbordó en Sicilia, dice el alcalde Paolo Neri.", "Sicilia")
    fails(FLOOD_IT, "it", "pl", "W Neapolu Arno wylało w nocy, mówi burmistrz Paolo Neri.", "Neapolu")
    # a region is not its country: the source names Germany's capital, not Saxony
    fails(TRAINS_DE, "de", "pl", "W Saksonii w poniedziałek odwołano wiele pociągów.", "Saksonii")


def test_a_short_city_name_declined_is_that_city() -> None:
    # Rzym, Roma: four letters, declined past their own stem (Rzymie), are still Rome
    fails(TRAINS_DE, "de", "pl", "W Rzymie w poniedziałek odwołano wiele pociągów.", "Rzymie")
    passes(FLOOD_IT.replace("Firenze", "Roma"), "it", "pl", "W Rzymie Arno wylało w nocy, mówi Paolo Neri.")


def test_a_nation_of_the_country_the_source_writes_from_passes() -> None:
    # England, Scotland, Wales stand for the country of a British source, as its capital does
    passes(LEAGUE_EN, "en", "pl", "Arsenal pokonał Chelsea 2:0 i prowadzi w lidze Anglii.")


def test_a_declined_common_word_is_no_region_it_begins() -> None:
    # золоту (gold) begins Золотурн (Solothurn), a Swiss canton
    passes(FLOOD_IT, "it", "uk", "Мер Паоло Нері отримав золоту медаль.")


def test_a_known_place_the_source_never_names_is_no_sound_alike_of_another() -> None:
    # Werona sounds near enough to Firenze to pass as its spelling; the place data knows both
    fails(FLOOD_IT, "it", "pl", "W Weronie Arno wylało w nocy, mówi burmistrz Paolo Neri.", "Weronie")
    fails(FLOOD_IT, "it", "fr", "À Vérone, l'Arno a débordé, dit le maire Paolo Neri.", "Vérone")


BRIDGE_UK = "Міст\nУ Вінниці міська рада ухвалила бюджет на ремонт мосту, повідомив мер."


def test_a_common_word_capitalised_only_by_its_place_in_the_sentence_is_no_name() -> None:
    """A rare word of the brief's language opening a sentence is capitalised only by position."""
    passes(BRIDGE_UK, "uk", "uk", "Ухвалюваний бюджет передбачає ремонт мосту у Вінниці.")
    passes(BRIDGE_UK, "uk", "uk", "Бюджет ухвалено. Ремонтований міст відкриють у травні.")
    fails(BRIDGE_UK, "uk", "uk", "Дорошкевич заявив, що міст відремонтують.", "Дорошкевич")


# ---- a name alike in its consonants is another name when it begins otherwise ----

FUND_ES = "Inversión\nEl fondo Atria Capital invierte 20 millones, dice la consejera Elena Robles."
MAYOR_UK = "Виставка\nМер Ігор Поляков відкрив виставку в музеї."
FLOODS_IT = "Alluvione\nPiogge forti in Danimarca, dice la Protezione civile."


def test_a_name_with_another_first_vowel_or_sound_is_another_name() -> None:
    fails(FUND_ES, "es", "en", "The fund Otero Capital invests €20m, says Elena Robles.", "Otero")
    fails(FUND_ES, "es", "fr", "Le fonds Atria Capital investit 20 millions, dit Elena Rubles.", "Rubles")
    fails(MAYOR_UK, "uk", "de", "Bürgermeister Igor Kuljakow eröffnete die Ausstellung.", "Kuljakow")
    passes(MAYOR_UK, "uk", "de", "Bürgermeister Ihor Poljakow eröffnete die Ausstellung.")


def test_a_first_name_is_no_people_of_a_country_the_source_names() -> None:
    fails(FLOODS_IT, "it", "en", "Heavy rain in Denmark, Daniel says.", "Daniel")
    passes(FLOODS_IT, "it", "en", "Heavy rain fell on the Danes, says the Civil Protection.")


# ---- transliteration across scripts: Polish c, a silent h ----

GOAL_PL = "Sport\nGola strzelił Kacper Kozłowski z Wiślicy."
RAIN_ES = "Lluvias\nLa lluvia cayó sobre Hervás, dice el alcalde."


def test_a_name_transliterated_as_it_sounds_passes() -> None:
    passes(GOAL_PL, "pl", "uk", "Гол забив Кацпер Козловський з Віслиці.")  # Polish c is ts
    passes(RAIN_ES, "es", "uk", "Дощ випав на Ервас, каже мер.")  # a silent h


# ---- capitals that name nothing, and names that only look like common words ----

STORAGE_EN = "Storage\nProfits rose in the second quarter; the firm stores 12 terabytes of data."
STRIKE_IT = "Sciopero\nSciopero dei treni a Verona e Padova, dice il sindacato."


def test_a_roman_numeral_or_a_unit_after_a_figure_is_no_name() -> None:
    passes(STORAGE_EN, "en", "pl", "Zysk wzrósł w II kwartale; firma przechowuje 12 TB danych.")


def test_a_word_the_dictionary_knows_only_capitalised_is_a_name() -> None:
    fails(STRIKE_IT, "it", "fr", "Grève des trains à Vérone et à Nantes, selon le syndicat.", "Nantes")


# ---- German: names told by the dictionaries, not by the word lists ----

COURT_DE = (
    "Urteil\nDas Amtsgericht Kiel verurteilte am Montag einen Makler. Der Schaden liegt bei 40.000 Euro, "
    "sagte Richterin Anna Brandt."
)
PORT_PL = "Port\nSpółka Baltic Hub zainwestuje 500 mln złotych w terminal w Gdańsku, powiedział prezes Jan Nowak."


def test_a_german_item_naming_a_city_or_bank_the_source_never_names_is_caught() -> None:
    # a city every German word list knows, and a bank named by two French words
    fails(COURT_DE, "de", "de", "Das Amtsgericht Hamburg verurteilte einen Makler.", "Hamburg")
    fails(COURT_DE, "de", "de", "Der Makler arbeitete für die Bank Crédit Agricole.", "Crédit")


def test_a_german_loanword_or_a_currency_is_no_name() -> None:
    # nouns German borrowed from English and French, and a currency's name
    passes(PORT_PL, "pl", "de", "Baltic Hub investiert 500 Mio. Zloty in ein Terminal in Danzig, sagte Jan Nowak.")
    passes(PORT_PL, "pl", "de", "Der Terminal-Chef Jan Nowak nennt das Projekt ein Offshore-Vorhaben.")


def test_a_calque_with_an_ending_of_its_language_passes() -> None:
    flood = "Повінь\nНа Прикарпатті через зливи евакуювали 300 людей, повідомили рятувальники."
    passes(flood, "uk", "de", "Im Vorkarpatien wurden wegen Starkregens 300 Menschen evakuiert.")


def test_a_common_word_in_the_surname_slot_of_a_source_person_is_caught() -> None:
    council = "Pleno\nEl alcalde de Baena, Jesús Ordóñez, anunció el cierre de la piscina municipal."
    # blanco is Spanish for white: after the source's first name it is a surname it never gives
    fails(council, "es", "es", "El alcalde Jesús Blanco anunció el cierre de la piscina.", "Blanco")
    passes(council, "es", "en", "Baena's mayor Jesús Ordóñez announced the pool's closure.")


# ---- places the source never names, and names spelt by ear ----

TRAFFIC_DE = (
    "Verkehr\nIn Ulm stimmten die Stadträten am Dienstag für eine Umweltzone, sagte Oberbürgermeister Ansbacher."
)
HARVEST_PL = "Żniwa\nRolnicy spod Torunia zebrali o 20 proc. mniej pszenicy, mówi Jan Malinowski."
DERBY_IT = "Calcio\nIl Genoa ha battuto la Sampdoria 2-1 a Genova. Gilardino festeggia."
SALES_ES = "Vivienda\nEl precio de la vivienda en Madrid subió un 12 %, según el Gobierno regional."


def test_a_city_no_german_noun_of_the_source_sounds_like_is_caught() -> None:
    # Stuttgart sounds like Stadträten: a German noun the dictionary declines, no name
    fails(TRAFFIC_DE, "de", "uk", "У Штутгарті міські радники проголосували за екозону.", "Штутгарті")
    passes(TRAFFIC_DE, "de", "uk", "В Ульмі міські радники проголосували за екозону.")


def test_a_rare_city_in_cyrillic_the_source_never_names_is_caught() -> None:
    fails(HARVEST_PL, "pl", "uk", "Фермери з-під Ольштина зібрали на 20% менше пшениці.", "Ольштина")
    passes(HARVEST_PL, "pl", "uk", "Фермери з-під Торуня зібрали на 20% менше пшениці, каже Ян Маліновський.")


def test_an_italian_g_spelt_dzh_and_a_place_adjective_pass() -> None:
    passes(DERBY_IT, "it", "uk", "Дженоа обіграла Сампдорію 2:1 у Генуї, радіє Джилардіно.")
    passes(SALES_ES, "es", "uk", "Ціни на житло в Мадридському регіоні зросли на 12%, повідомив уряд.")


def test_a_feminine_title_opening_a_sentence_is_no_name() -> None:
    bank = "Banco\nLa vicepresidenta del Banco de España, Ana Roldán, prevé más crédito."
    passes(bank, "es", "uk", "Держаудиторка не коментувала. Профспілчанка теж. Ана Рольдан прогнозує більше кредитів.")


def test_a_party_acronym_translated_with_its_country_passes() -> None:
    ban = "Verbot\nDas Bundesverfassungsgericht prüft ein Verbot der NPD, sagte ein Sprecher in Karlsruhe."
    # Національно-демократична партія Німеччини: the country's initial is the brief's own
    passes(ban, "de", "uk", "Конституційний суд Німеччини розглядає заборону НДПН, повідомили в Карлсруе.")
    fails(ban, "de", "uk", "Конституційний суд Німеччини розглядає заборону ЛДПН, повідомили в Карлсруе.", "ЛДПН")


def test_a_place_sharing_only_saint_with_the_source_place_is_caught() -> None:
    fire = "Incendie\nUn incendie a détruit une grange à Saint-Martin-de-Ré dans la nuit, selon les pompiers."
    fails(fire, "fr", "fr", "Un incendie a détruit une grange à Saint-Pierre-d'Oléron.", "Saint-Pierre")
    passes(fire, "fr", "en", "A fire destroyed a barn in Saint-Martin-de-Ré overnight, firefighters said.")


def test_a_region_named_in_two_words_of_the_brief_language_passes() -> None:
    wolves = "Wölfe\nIn Niedersachsen leben inzwischen 55 Wolfsrudel, teilte das Umweltministerium mit."
    passes(wolves, "de", "pl", "W Dolnej Saksonii żyje już 55 watah wilków, podało ministerstwo środowiska.")
    passes(wolves, "de", "it", "In Bassa Sassonia vivono ormai 55 branchi di lupi, secondo il ministero.")


def test_a_first_name_in_a_german_item_is_no_german_noun() -> None:
    # Koch is a cook, and the German dictionary declines Julia in the plural; two other languages know it only as a name
    plant = "Werk\nDer Autozulieferer schließt sein Werk in Gotha, sagte Betriebsrat Uwe Krämer."
    fails(plant, "de", "de", "Landrätin Julia Koch kündigte Hilfe an, sagte Uwe Krämer.", "Julia")


FAIR_PL = "Targi\nWe Wrocławiu otwarto targi książki, a w Ratyzbonie festiwal, mówi dyrektor Jan Nowak."


def test_a_city_exonym_that_sounds_nothing_like_the_source_name_passes() -> None:
    # Breslau, Breslavia share no sound rule with Wrocław, nor Regensburg with Ratyzbona:
    # only a table of each city's names across languages knows them
    passes(FAIR_PL, "pl", "de", "In Breslau öffnete die Buchmesse, in Regensburg ein Festival, sagt Jan Nowak.")
    passes(FAIR_PL, "pl", "it", "A Breslavia apre la fiera del libro, dice il direttore Jan Nowak.")
    passes(FAIR_PL, "pl", "uk", "У Регенсбурзі відкрили фестиваль, каже директор Ян Новак.")


def test_another_city_than_the_source_names_is_still_caught() -> None:
    fails(FAIR_PL, "pl", "it", "A Cracovia apre la fiera del libro, dice il direttore Jan Nowak.", "Cracovia")
    fails(FAIR_PL, "pl", "fr", "À Cracovie s'ouvre le salon du livre, dit le directeur Jan Nowak.", "Cracovie")
    fails(FAIR_PL, "pl", "en", "A festival opened in Leipzig, says director Jan Nowak.", "Leipzig")


def test_a_city_named_in_a_hyphenated_airport_name_is_named() -> None:
    source = "Lotnisko\nPort lotniczy Kraków-Balice odwołał loty, podał rzecznik Piotr Zieliński."
    passes(source, "pl", "it", "L'aeroporto di Cracovia ha cancellato i voli, dice Piotr Zieliński.")


RACE_ES = "Carrera\nEl brasileño Paulo Souza ganó en Valencia por delante de la noruega Ingrid Dahl y de la danesa Mette Holm."


def test_a_rare_people_word_of_a_country_the_source_names_passes() -> None:
    # Brazylijczyka and Dunki are rare, declined and written by Polish alone (a first name is
    # written by every language); Dunka's vowel is not Dania's
    passes(RACE_ES, "es", "pl", "W Walencji wygrał Brazylijczyk Paulo Souza przed Norweżką Ingrid Dahl.")
    passes(RACE_ES, "es", "pl", "Zwycięstwo Brazylijczyka w Walencji, trzecie miejsce Dunki Mette Holm.")


def test_a_people_word_of_a_country_the_source_never_names_is_caught() -> None:
    fails(RACE_ES, "es", "pl", "W Walencji wygrał Argentyńczyk Paulo Souza.", "Argentyńczyk")


REGIONS_ES = "Financiación\nEl Gobierno repartirá 500 millones entre las CC AA, anunció la ministra Ana Ruiz."


def test_an_abbreviation_the_source_writes_spaced_passes_written_as_one() -> None:
    # Spanish doubles a plural's letters and may space them (CC AA, CC OO); a brief joins them
    passes(REGIONS_ES, "es", "es", "El Gobierno reparte 500 millones entre las CCAA, dijo Ana Ruiz.")
    passes(REGIONS_ES, "es", "en", "Spain will share 500 million among its regions (CCAA), said minister Ana Ruiz.")
    fails(REGIONS_ES, "es", "en", "Spain will share 500 million among regions, the CCOO said.", "CCOO")


MAYOR_FR = "Conseil\nLe maire Pierre Desmarais a présenté le budget de la commune mardi."


def test_a_french_name_spelt_by_ear_without_its_silent_s_passes() -> None:
    # Desmarais is said Démarais: a language that spells by ear drops the s, and declines it
    passes(MAYOR_FR, "fr", "uk", "Мер П'єр Демаре представив бюджет громади.")
    passes(MAYOR_FR, "fr", "uk", "Бюджет громади представив мер, сказав П'єр Демаре, за словами Демаре.")
    fails(MAYOR_FR, "fr", "uk", "Мер П'єр Дюпон представив бюджет громади.", "Дюпон")
