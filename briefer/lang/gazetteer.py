"""The gazetteer: the places a source may name, each a concept with its names in every
supported language: countries and cities (CLDR, through `languages`), regions (`regions`),
each city's names in many languages (GeoNames, `cities`), the cities of each country, and the countries a source's language stands for."""

from __future__ import annotations

import functools

from briefer.core.once import once
from briefer.lang import cities, regions
from briefer.lang.languages import SUPPORTED, cldr_tables

# The country a source's language stands for: a Spanish article need not say it is in Spain.
HOME_COUNTRY = {
    "en": ("GB", "US", "IE"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH"),
    "pl": ("PL",),
    "uk": ("UA",),
    "es": ("ES",),
    "it": ("IT",),
}


@once
def place_concepts() -> dict[str, frozenset[str]]:
    """Country, city and region concepts, each with its names in every supported language,
    lowercase: 'T:DE' -> {'germany', 'deutschland', 'allemagne', 'niemcy', 'german',
    'niemiecki', ...}: a country's main language's name is its adjective in pl and uk;
    'R:IT-NA' -> {'napoli', 'naples', 'neapel', 'neapol', 'неаполь'}. A region or city is
    not its country: naming Italy names neither Naples nor Campania."""
    tables: dict[str, set[str]] = {}
    for table in (cldr_tables()["places"], regions.tables(SUPPORTED)):
        for key, forms in table.items():
            tables.setdefault(key, set()).update(forms)
    return {key: frozenset(forms) for key, forms in tables.items()}


@functools.cache
def city_names() -> dict[str, list[str]]:
    """Each city's names in many languages, lowercase, by its GeoNames id (Wrocław, Breslau,
    Breslavia, Вроцлав): one city's names, whatever sound rule parts them."""
    return cities.tables()


def regions_around(place: str) -> frozenset[str]:
    """The regions a region lies in, up to the largest ('R:FR-29' -> {'R:FR-BRE'})."""
    around: set[str] = set()
    table = regions.parents()
    while (place := table.get(place, "")) and place not in around:
        around.add(place)
    return frozenset(around)


@functools.cache
def cities_of(country: str) -> frozenset[str]:
    """The city concepts of a country concept, by CLDR's time zones ('T:FR' -> {'C:Europe/Paris'}):
    its capital among them, which a brief may write for the country's government (Paris, Berlin)."""
    return frozenset(cldr_tables()["cities"].get(country, ()))
