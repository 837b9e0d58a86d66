"""Stories for the dedupe and memory tests: many written from one template (each its own
town, people, builder and figures), and one event written four ways."""

from __future__ import annotations

import random

from briefer.core.models import Article

TOWNS = (
    "Ghent Tartu Brno Kaunas Porto Varna Lublin Graz Malmo Aarhus Utrecht Lyon Bilbao Turin Cluj Split Kosice "
    "Szeged Tampere Bergen Leuven Poznan Dresden Trieste Limerick Nantes Salzburg Plovdiv Riga Ljubljana "
    "Debrecen Olomouc Gdansk Rennes Seville Bologna Coimbra Innsbruck Odense Galway"
).split()
FIRST = (
    "Anna Marek Sofia Jonas Elena Pieter Ines Tomasz Claire Lukas Marta Henrik Giulia Andrei Katrin Pablo "
    "Olena Mikkel Agata Bruno Lieve Dario Hanna Viktor Nora Stefan Irene Radu Maja Felix"
).split()
LAST = (
    "Verhoeven Tamm Novotna Kazlauskas Ferreira Petrova Wisniewski Gruber Lindqvist Madsen Bakker Girard "
    "Etxeberria Rinaldi Popescu Horvat Kovalenko Dubois Schneider Marino Jablonski Nieminen Costa Varga "
    "Lehmann Moreau Ivanova Brennan Vasquez Holm"
).split()
BUILDERS = (
    "Veolia Strabag Skanska Ferrovial Vinci Acciona Budimex Hochtief Salini Colas Eiffage Porr Implenia "
    "Sacyr Webuild Bouygues Heijmans Besix Mota-Engil Alstom"
).split()
PROJECTS = (
    "tram depot",
    "bridge",
    "school campus",
    "ferry terminal",
    "hospital wing",
    "water plant",
    "cycle path",
    "library",
)
MONTHS = "January February March April May June July August September October November December".split()


def templated(n: int) -> str:
    """Story n of many written from one template: long shared sentences, its own slots."""
    pick = random.Random(n)
    town, builder, project = pick.choice(TOWNS), pick.choice(BUILDERS), pick.choice(PROJECTS)
    mayor, boss = f"{pick.choice(FIRST)} {pick.choice(LAST)}", f"{pick.choice(FIRST)} {pick.choice(LAST)}"
    day, month = pick.randint(1, 28), pick.choice(MONTHS)
    cost, jobs, yes, no = pick.randint(12, 480), pick.randint(40, 900), pick.randint(20, 40), pick.randint(2, 19)
    return (
        f"{town} council approves {builder} plan for a new {project}\n\n"
        f"The city council of {town} approved on {day} {month} a plan by the builder {builder} to build a new "
        f"{project}, the mayor, {mayor}, told reporters after a long debate in the council chamber. The project is "
        f"worth {cost} million euros and will create {jobs} jobs in the region, according to the city's own "
        f"estimate. Councillors voted {yes} to {no} in favour of the plan after a debate that lasted most of the "
        f"afternoon. {boss}, who leads {builder}, said that work on the site would begin within a few months and "
        f"that the company would hire local workers where it could. Opponents had argued that the money would be "
        f"better spent on existing roads and schools, and that the city could not afford the running costs in the "
        f"years to come. The mayor said the council would publish the full contract and the costs on its website "
        f"next week.\n"
    )


# One event four ways: from the template, in other words, in German, in Ukrainian.
EVENT_EN = """Tartu council approves Skanska plan for a new ferry terminal

The city council of Tartu approved on 14 March a plan by the builder Skanska to build a new ferry terminal, the mayor, Kadri Saar, told reporters after a long debate in the council chamber. The project is worth 126 million euros and will create 340 jobs in the region, according to the city's own estimate. Councillors voted 27 to 9 in favour of the plan after a debate that lasted most of the afternoon. Henrik Lindqvist, who leads Skanska, said that work on the site would begin within a few months and that the company would hire local workers where it could.
"""
EVENT_EN_REWORDED = """Skanska wins Tartu's vote on a ferry terminal

Tartu's councillors backed Skanska's ferry terminal by 27 votes to 9 on 14 March. Mayor Kadri Saar said the terminal, costing 126 million euros, would bring 340 jobs. Henrik Lindqvist, Skanska's chief executive, promised to hire locally.
"""
EVENT_DE = """Tartu genehmigt Fährterminal von Skanska

Der Stadtrat von Tartu hat am 14. März den Plan des Baukonzerns Skanska für ein neues Fährterminal gebilligt. Bürgermeisterin Kadri Saar sagte, das Projekt koste 126 Millionen Euro und schaffe 340 Arbeitsplätze. Der Rat stimmte mit 27 zu 9 Stimmen dafür. Skanska-Chef Henrik Lindqvist kündigte an, Arbeitskräfte aus der Region einzustellen.
"""
EVENT_UK = """Тарту схвалив план Skanska щодо нового поромного терміналу

Міська рада Тарту 14 березня схвалила план будівельної компанії Skanska звести новий поромний термінал. Мерка Кадрі Саар заявила, що проєкт коштуватиме 126 мільйонів євро і створить 340 робочих місць. Рада проголосувала 27 голосами проти 9. Керівник Skanska Генрік Ліндквіст пообіцяв наймати місцевих працівників.
"""


def article(text: str, source: str, lang: str = "en") -> Article:
    return Article(id=Article.id_for(text), title=text.split("\n")[0], source=source, lang=lang, text=text)
