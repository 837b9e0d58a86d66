"""The story memory in every source language: the same article on a second morning is a
repeat, and on a third with a new paragraph (a new person, a new figure) an update naming
them. A story's key names are its real names, whichever way the language capitalises: German
writes every noun with a capital, and the Bundestag article was "New" three mornings running."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from stories import article

from briefer.stories.memory import StoryMemory
from briefer.stories.story import story_facts

MORNINGS = (date(2026, 3, 16), date(2026, 3, 17), date(2026, 3, 18))

# (first morning's article, the paragraph the third morning adds, names it must key on, nouns it must not)
STORIES = {
    "de": (
        """Bundestag beschließt Heizungsgesetz nach langer Debatte

Der Bundestag hat am Freitag das umstrittene Gebäudeenergiegesetz beschlossen. Nach einer mehrstündigen
Debatte stimmten 399 Abgeordnete für den Entwurf, 275 dagegen. Bundeswirtschaftsminister Robert Habeck
sprach von einem wichtigen Schritt für den Klimaschutz. Die Opposition aus Union und AfD kritisierte die
Eile des Verfahrens. Friedrich Merz kündigte an, das Gesetz nach einem Regierungswechsel zu ändern. Der
Bundesrat soll sich im Oktober mit dem Gesetz befassen. Die Förderung für neue Heizungen soll bis zu
70 Prozent der Kosten betragen.
""",
        """Am Samstag äußerte sich auch Bundeskanzler Olaf Scholz. Nach Angaben des Ministeriums sollen
dafür 16 Milliarden Euro bereitstehen.
""",
        {"Bundestag", "Bundesrat", "Robert Habeck", "Friedrich Merz", "AfD"},
        {"Debatte", "Gesetz", "Opposition", "Entwurf", "Abgeordnete", "Kosten", "Förderung", "Eile"},
    ),
    "fr": (
        """L'Assemblée nationale adopte la réforme des retraites

L'Assemblée nationale a adopté vendredi la réforme des retraites après un long débat. Le texte a
recueilli 287 voix contre 252. La Première ministre Élisabeth Borne a salué un vote responsable, tandis
que Marine Le Pen a dénoncé un passage en force. Le Rassemblement national et La France insoumise ont
annoncé une motion de censure. Le Sénat examinera le texte en octobre. L'âge légal de départ passera de
62 à 64 ans.
""",
        """Samedi, Emmanuel Macron a défendu la réforme depuis l'Élysée. Selon Bercy, elle doit rapporter
18 milliards d'euros.
""",
        {"Élisabeth Borne", "Sénat"},
        {"réforme", "texte", "débat"},
    ),
    "pl": (
        """Sejm uchwalił nową ustawę o obronie cywilnej

Sejm uchwalił w piątek ustawę o ochronie ludności i obronie cywilnej. Za głosowało 412 posłów, przeciw
było 17. Minister spraw wewnętrznych Tomasz Siemoniak mówił o ważnym kroku dla bezpieczeństwa kraju.
Opozycja z Prawa i Sprawiedliwości krytykowała tempo prac. Mariusz Błaszczak zapowiedział poprawki w
Senacie. Na schrony rząd chce przeznaczyć 5 miliardów złotych.
""",
        """W sobotę ustawę pochwalił premier Donald Tusk. Według MSWiA program obejmie 2 tysiące gmin.
""",
        {"Tomasz Siemoniak", "Błaszczak"},
        {"ustawę", "Opozycja"},
    ),
    "uk": (
        """Верховна Рада ухвалила закон про мобілізацію

Верховна Рада у четвер ухвалила закон про мобілізацію. За проголосували 283 народні депутати. Міністр
оборони Рустем Умєров назвав закон необхідним для ротації військових. Опозиційна фракція
«Європейська солідарність» критикувала поспіх. Голова Верховної Ради Руслан Стефанчук підписав документ
того ж дня. Закон набуде чинності через місяць, а на виплати уряд виділяє 40 мільярдів гривень.
""",
        """У суботу закон підписав президент Володимир Зеленський. За даними Міноборони, повістки
отримають 500 тисяч осіб.
""",
        {"Рустем Умєров", "Руслан Стефанчук"},  # within "Верховної Ради Руслан Стефанчук": one run of capitals
        {"закон", "Опозиційна"},
    ),
    "es": (
        """El Congreso aprueba la reforma laboral tras un largo debate

El Congreso de los Diputados aprobó el jueves la reforma laboral por 175 votos a favor y 174 en contra.
La vicepresidenta Yolanda Díaz habló de un día histórico para los trabajadores. El Partido Popular y
Vox criticaron el texto y Alberto Núñez Feijóo anunció un recurso ante el Tribunal Constitucional. El
Senado debatirá la ley en marzo. La reforma afectará a 3 millones de contratos temporales.
""",
        """El viernes, el presidente Pedro Sánchez defendió la reforma en Bruselas. Según el Ministerio de
Trabajo, costará 2.000 millones de euros.
""",
        {"Yolanda Díaz", "Alberto Núñez Feijóo"},
        {"reforma", "texto", "votos"},
    ),
    "it": (
        """Il Senato approva la legge di bilancio dopo un lungo dibattito

Il Senato ha approvato giovedì la legge di bilancio con 108 voti favorevoli e 65 contrari. Il ministro
dell'Economia Giancarlo Giorgetti ha parlato di una manovra prudente. Il Partito Democratico e il
Movimento 5 Stelle hanno criticato i tagli, ed Elly Schlein ha annunciato una mobilitazione. La Camera
voterà il testo a dicembre. La manovra vale 24 miliardi di euro.
""",
        """Venerdì la presidente del Consiglio Giorgia Meloni ha difeso la manovra a Bruxelles. Secondo
l'Istat, il deficit scenderà al 3,7 per cento.
""",
        {"Giancarlo Giorgetti", "Elly Schlein"},
        {"legge", "manovra", "voti"},
    ),
}


def _mornings(out: Path, lang: str, first: str, third: str) -> list:
    marks = []
    for day, text in zip(MORNINGS, (first, first, third)):
        memory, _ = StoryMemory.open(out, "desk")
        facts = story_facts(article(text, "wire", lang))
        marks.append(memory.classify(facts, day))
        memory.record(day, facts, [lang, "en"])
        assert memory.close() == ""
    return marks


@pytest.mark.parametrize("lang", list(STORIES))
def test_new_then_repeat_then_update_over_three_mornings_in_every_source_language(tmp_path: Path, lang: str) -> None:
    text, added, _, _ = STORIES[lang]
    first, second, third = _mornings(tmp_path, lang, text, text + "\n" + added)
    assert first.kind == "new"
    assert (second.kind, second.first_seen, second.story) == ("repeat", MORNINGS[0], first.story)
    assert (third.kind, third.first_seen, third.story) == ("update", MORNINGS[0], first.story)
    assert third.new_numbers and third.new_names  # named: the person and the figure the paragraph adds


@pytest.mark.parametrize("lang", list(STORIES))
def test_a_story_keys_on_its_names_not_on_its_capitalised_nouns(lang: str) -> None:
    text, _, names, nouns = STORIES[lang]
    facts = story_facts(article(text, "wire", lang))
    shown = facts.shown(set(facts.names))
    missing = {name for name in names if not any(name in key_name for key_name in shown)}
    assert not missing, f"missing {missing} in {shown}"
    assert not nouns & set(shown), f"common words taken for names: {nouns & set(shown)}"
