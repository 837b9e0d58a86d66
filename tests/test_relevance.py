"""An item must be about its article: a model's placeholder, another article's item, a
recipe or a product blurb is refused in every language, and the article's own items pass
(the check `relevance`). New examples, not the calibration set's."""

from __future__ import annotations

import pytest
from briefs import item

from briefer.checks import checks
from briefer.checks.relevance import check_relevance
from briefer.checks.source import read_source
from briefer.core.models import CHECKS, DEFAULT_SEVERITY, Item
from briefer.lang.langid import LanguageIdentifier

LIBRARY_EN = (
    "Leeds Central Library reopens after £18m restoration\n"
    "Leeds Central Library reopened on Monday after a three-year, £18m restoration of its Victorian building on "
    "The Headrow. The city council said 4,200 visitors came on the first day, and that the reading rooms will now "
    "stay open until 9pm on weekdays.\n"
    "Head librarian Amara Okafor said the new children's floor had been packed from the moment the doors opened. "
    "The restoration was paid for by the council and a £6.5m grant from the National Lottery Heritage Fund."
)


def relevance(value: Item) -> bool:
    return check_relevance(value, read_source(LIBRARY_EN, "en")).passed


OWN = [
    item(
        "en",
        "Leeds Central Library reopens after £18m restoration",
        "The Victorian library welcomed 4,200 visitors on its first day; reading rooms stay open until 9pm.",
    ),
    item(
        "de",
        "Zentralbibliothek in Leeds nach Sanierung für 18 Mio. Pfund wiedereröffnet",
        "Am ersten Tag kamen 4200 Besucher, sagte der Stadtrat.",
    ),
    item(
        "fr",
        "La bibliothèque centrale de Leeds rouvre après une restauration de 18 millions de livres",
        "Le conseil municipal a compté 4 200 visiteurs le premier jour.",
    ),
    item(
        "pl",
        "Biblioteka Centralna w Leeds otwarta po remoncie za 18 mln funtów",
        "Pierwszego dnia przyszło 4200 osób – podała rada miasta.",
    ),
    item(
        "uk",
        "Центральну бібліотеку Лідса відкрили після реставрації за 18 млн фунтів",
        "За перший день її відвідали 4200 людей, повідомила міська рада.",
    ),
    item(
        "es",
        "La Biblioteca Central de Leeds reabre tras una restauración de 18 millones de libras",
        "El primer día acudieron 4.200 visitantes, según el ayuntamiento.",
    ),
    item(
        "it",
        "Riapre la biblioteca centrale di Leeds dopo un restauro da 18 milioni di sterline",
        "Il primo giorno sono arrivati 4.200 visitatori, ha detto il comune.",
    ),
]

UNRELATED = [
    # placeholders a model leaves
    item("en", "Headline goes here", "First bullet of the summary.", "Second bullet with a key detail."),
    item("de", "Überschrift der Meldung", "Hier steht der erste Stichpunkt.", "Hier steht der zweite Stichpunkt."),
    item("uk", "Заголовок новини", "Перший пункт короткого огляду.", "Другий пункт з важливою деталлю."),
    item("it", "Lorem ipsum dolor sit amet", "Consectetur adipiscing elit, sed do eiusmod tempor."),
    # another article's item
    item(
        "fr",
        "Grève à la SNCF : trafic très perturbé jeudi en Île-de-France",
        "Seul un RER B sur trois circulera, selon la direction, qui conseille le télétravail.",
    ),
    item(
        "pl",
        "Sejm przyjął ustawę o asystencji osobistej",
        "Za głosowało 412 posłów, ustawa trafi teraz do Senatu.",
    ),
    item(
        "es",
        "El Real Madrid gana al Sevilla por 3-0 en el Bernabéu",
        "Vinícius marcó dos goles y el equipo se coloca líder de la Liga.",
    ),
    # recipes and blurbs
    item(
        "en",
        "A quick weeknight shakshuka",
        "Soften an onion and two peppers in olive oil, add a tin of tomatoes and some cumin.",
        "Crack in four eggs, cover and cook for six minutes; serve with warm bread.",
    ),
    item(
        "de",
        "Omas Apfelstrudel: so gelingt der Teig",
        "Mehl, Wasser, Öl und eine Prise Salz zu einem glatten Teig kneten und ruhen lassen.",
        "Äpfel schälen, mit Zimt und Rosinen mischen und bei 180 Grad 40 Minuten backen.",
    ),
    item(
        "uk",
        "Борщ за рецептом бабусі",
        "Зваріть бульйон, додайте нарізані буряк, картоплю та капусту.",
        "Наприкінці покладіть зелень і подавайте зі сметаною.",
    ),
    item(
        "it",
        "Risotto alla zucca, la ricetta facile",
        "Tostare il riso con lo scalogno, sfumare con il vino bianco e aggiungere la zucca a cubetti.",
    ),
    item(
        "es",
        "Nuevo robot aspirador con mapeo láser",
        "Aspira y friega a la vez, con una batería de hasta tres horas y envío gratis.",
    ),
]


@pytest.mark.parametrize("value", OWN, ids=lambda v: v.lang)
def test_the_articles_own_items_are_relevant(value: Item) -> None:
    assert relevance(value)


@pytest.mark.parametrize("value", UNRELATED, ids=lambda v: f"{v.lang}-{v.headline[:20]}")
def test_an_item_about_something_else_is_refused(value: Item) -> None:
    result = check_relevance(value, read_source(LIBRARY_EN, "en"))
    assert not result.passed and "article" in result.message


def test_relevance_is_a_check_that_refuses_by_default_and_runs_with_the_others(identifier: LanguageIdentifier) -> None:
    assert "relevance" in CHECKS and DEFAULT_SEVERITY["relevance"] == "refuse"
    results = checks.run_checks(
        UNRELATED[7],
        source=LIBRARY_EN,
        source_lang="en",
        lang="en",
        words_per_item=60,
        max_bullets=3,
        glossary={},
        instructions=(),
        identifier=identifier,
    )
    failed = {r.check for r in results if not r.passed and not r.flag}
    assert "relevance" in failed


REFORM_PL = (
    "Minister Anna Kowalska zapowiada reformę szkół\nMinister edukacji Anna Kowalska zapowiedziała we wtorek "
    "w Warszawie reformę programu nauczania w szkołach podstawowych. Zmiany mają wejść w życie od września."
)


@pytest.mark.parametrize(
    "value",
    [
        item("en", "Polish education minister announces school reform", "The primary curriculum changes in September."),
        item("de", "Polens Bildungsministerin kündigt Schulreform an", "Der Lehrplan ändert sich ab September."),
        item("uk", "Міністерка освіти Польщі анонсувала реформу шкіл", "Зміни запрацюють з вересня."),
    ],
    ids=lambda v: v.lang,
)
def test_a_translated_item_that_names_only_a_place_of_the_source_is_relevant(value: Item) -> None:
    assert check_relevance(value, read_source(REFORM_PL, "pl")).passed


def test_a_name_that_only_sounds_a_little_like_one_of_the_source_is_no_anchor() -> None:
    # Alsace and Łódź share two consonant sounds; another article's item about Alsace is still unrelated
    source_pl = "Fabryka w Łodzi zatrudni 220 osób\nZakład pod Łodzią ruszy w 2027 r., podała spółka Arkopak."
    other = item("fr", "Neige en Alsace", "Les routes sont glissantes ce matin, prudence recommandée.")
    assert not check_relevance(other, read_source(source_pl, "pl")).passed


# One tie alone is chance: a recipe with the article's figures, another story of its city or
# country, a placeholder in its own language. New examples, not the calibration set's.
KITAS_DE = (
    "Bremen baut 24 neue Kitas für 180 Millionen Euro\n"
    "Die Stadt Bremen will bis 2028 insgesamt 24 neue Kindertagesstätten bauen und dafür 180 Millionen Euro "
    "ausgeben. Das beschloss die Bürgerschaft am Donnerstag mit 52 Stimmen.\n"
    "Bildungssenatorin Jana Riedel sagte, damit entstünden rund 2.400 neue Betreuungsplätze. Die Opposition "
    "kritisierte, die Planung komme zu spät: In einigen Stadtteilen fehlten schon jetzt 350 Plätze."
)


def about_kitas(value: Item) -> bool:
    return check_relevance(value, read_source(KITAS_DE, "de")).passed


KITAS_OWN = [
    item(
        "de",
        "Bremen baut 24 neue Kitas für 180 Millionen Euro",
        "Die Bürgerschaft stimmte am Donnerstag zu; es entstehen rund 2.400 Betreuungsplätze.",
    ),
    item("en", "Bremen plans new nurseries", "The opposition says the plan comes too late for some districts."),
    item("fr", "Brême va construire 24 crèches pour 180 millions d'euros", "Environ 2 400 places d'accueil."),
    item("pl", "Brema zbuduje 24 nowe żłobki za 180 mln euro", "Powstanie około 2400 miejsc opieki."),
    item("uk", "Бремен збудує 24 нові дитсадки за 180 млн євро", "З'явиться близько 2400 місць."),
    item("es", "Bremen construirá 24 guarderías por 180 millones de euros", "La oposición critica el retraso."),
    item("it", "Brema costruirà 24 nuovi asili per 180 milioni di euro", "Circa 2.400 nuovi posti, dice Riedel."),
]

KITAS_UNRELATED = [
    # recipes that happen to give two of the article's figures (24 hours, 180 degrees)
    item(
        "en",
        "Slow-roast lamb shoulder for Sunday lunch",
        "Marinate the lamb in garlic, rosemary and lemon for 24 hours.",
        "Roast it covered at 180C for four hours, then rest it before carving.",
    ),
    item(
        "de",
        "Sauerbraten wie bei Oma",
        "Das Rindfleisch 24 Stunden in Rotwein, Essig und Lorbeer einlegen.",
        "Anschließend bei 180 Grad im Ofen schmoren und mit Rotkohl servieren.",
    ),
    item(
        "fr",
        "Gigot d'agneau confit, la recette du dimanche",
        "Laissez mariner le gigot 24 heures avec de l'ail et du thym.",
        "Enfournez à 180 degrés pendant quatre heures en arrosant souvent.",
    ),
    item(
        "pl",
        "Pieczeń wieprzowa na niedzielny obiad",
        "Mięso marynuj przez 24 godziny w czosnku, majeranku i piwie.",
        "Piecz w 180 stopniach przez trzy godziny, polewając sosem.",
    ),
    item(
        "uk",
        "Запечена свинина з часником",
        "Замаринуйте м'ясо на 24 години з часником і гірчицею.",
        "Запікайте при 180 градусах три години, поливаючи соком.",
    ),
    item(
        "es",
        "Cordero asado al estilo de la abuela",
        "Deja marinar la pierna 24 horas con ajo, romero y limón.",
        "Hornea a 180 grados durante cuatro horas y sirve con patatas.",
    ),
    item(
        "it",
        "Arrosto di maiale al latte",
        "Lasciate marinare la carne per 24 ore con aglio, salvia e rosmarino.",
        "Cuocete in forno a 180 gradi per due ore, bagnando spesso con il latte.",
    ),
    # other stories of the article's city or country: one tie, the place
    item(
        "en",
        "Werder Bremen beat Mainz 2-1 away",
        "A late header from the captain settled a scrappy game in front of a sold-out crowd.",
    ),
    item(
        "de",
        "Werder Bremen gewinnt in Mainz",
        "Ein spätes Kopfballtor des Kapitäns entschied das zähe Spiel vor ausverkauftem Haus.",
    ),
    item(
        "fr",
        "Le Werder Brême s'impose à Mayence",
        "Une tête tardive du capitaine a décidé d'un match haché, devant un stade comble.",
    ),
    item(
        "pl",
        "Werder Brema wygrywa w Moguncji",
        "Późny gol głową kapitana rozstrzygnął nerwowy mecz przy pełnych trybunach.",
    ),
    item(
        "uk",
        "«Вердер» з Бремена переміг у Майнці",
        "Пізній гол головою від капітана вирішив долю нервового матчу на заповненому стадіоні.",
    ),
    item(
        "es",
        "El Werder Bremen gana en Maguncia",
        "Un cabezazo tardío del capitán decidió un partido trabado ante un estadio lleno.",
    ),
    item(
        "it",
        "Il Werder Brema vince a Magonza",
        "Un colpo di testa del capitano nel finale ha deciso una partita nervosa davanti a uno stadio pieno.",
    ),
    # placeholders a model leaves, in the article's language too
    item("de", "Hier steht die Schlagzeile", "Die wichtigsten Punkte der Meldung folgen, sobald der Text vorliegt."),
    item("en", "[Headline]", "[Key point one: to be written once the article is available.]"),
    item("fr", "Titre à venir", "Le résumé sera ajouté dès que le texte de l'article sera disponible."),
    item("pl", "Tytuł do uzupełnienia", "Tu pojawi się streszczenie, gdy tekst artykułu będzie gotowy."),
    item("uk", "Заголовок буде додано", "Тут з'явиться короткий виклад, щойно текст статті буде готовий."),
    item("es", "Titular pendiente", "Aquí irá el resumen en cuanto el texto del artículo esté listo."),
    item("it", "Titolo da inserire", "Qui comparirà il riassunto non appena il testo dell'articolo sarà pronto."),
]


@pytest.mark.parametrize("value", KITAS_OWN, ids=lambda v: v.lang)
def test_the_articles_own_items_pass_however_few_their_ties(value: Item) -> None:
    assert about_kitas(value)


@pytest.mark.parametrize("value", KITAS_UNRELATED, ids=lambda v: f"{v.lang}-{v.headline[:24]}")
def test_one_tie_by_chance_does_not_make_an_item_about_its_article(value: Item) -> None:
    assert not about_kitas(value)
