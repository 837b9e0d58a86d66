"""The CLDR tables the language facts need (months, days, countries, cities and the country
each stands in, language and currency names, the words for years and months), read from babel (its one home) once into a JSON cache."""

from __future__ import annotations

import re

# Built from babel once into the cache: babel's full locale data for seven languages costs
# ~14 MB in every run that loads it; the few tables the checks use cost ~1 MB.

_CLDR_FORMAT = 7  # bump when the tables change
_CURRENCIES = ("EUR", "USD", "GBP", "PLN", "UAH", "CHF", "CZK", "HUF", "SEK", "DKK", "NOK", "RON", "JPY", "CNY")


def tables(languages: tuple[str, ...]) -> dict:
    """The tables for `languages`, from the cache, else built from babel and cached."""
    from importlib.metadata import version

    from briefer.core.files import cached_json

    name = f"cldr-babel{version('babel')}-v{_CLDR_FORMAT}-{'-'.join(languages)}.json"
    return cached_json(name, lambda: _from_babel(languages))


def _from_babel(languages: tuple[str, ...]) -> dict:
    from babel import Locale
    from babel.core import get_global
    from babel.numbers import get_currency_name
    from babel.units import format_unit

    likely = get_global("likely_subtags")
    spoken = get_global("territory_languages")

    def _national(language: str, territory: str) -> bool:
        """The country's language (official, or spoken by most), not a city's or a region's
        dialect: Colognian is Cologne's, Sicilian Sicily's, not Germany or Italy."""
        facts = spoken.get(territory, {}).get(language, {})
        return bool(facts.get("official_status")) or facts.get("population_percent", 0) >= 50

    places: dict[str, set[str]] = {}
    tables: dict = {"calendar": {}, "languages": {}, "currencies": {}, "currency_names": {}, "years": {}, "months": {}}
    for lang in languages:
        locale = Locale.parse(lang)
        for code, label in locale.territories.items():
            if code.isalpha():  # countries, not numeric regions
                places.setdefault(f"T:{code}", set()).add(str(label).lower())
        for language, label in locale.languages.items():  # niemiecki, німецька: the country's adjective
            territory = str(likely.get(language, "")).rsplit("_", 1)[-1]
            if territory.isalpha() and territory.isupper() and "_" not in language and _national(language, territory):
                places.setdefault(f"T:{territory}", set()).add(str(label).lower())
        for zone, data in locale.time_zones.items():
            places.setdefault(f"C:{zone}", set()).add(zone.rsplit("/", 1)[-1].replace("_", " ").lower())
            if hasattr(data, "get") and data.get("city"):
                places[f"C:{zone}"].add(str(data["city"]).lower())
        tables["calendar"][lang] = sorted(
            {
                str(v).lower().rstrip(".")
                for table in (locale.months, locale.days)
                for context in table.values()
                for width in ("wide", "abbreviated")
                for v in context.get(width, {}).values()
            }
        )
        tables["years"][lang] = sorted(  # "44 anni", "5 років": an age or a span, in every plural form
            {
                word.lower()
                for count in (1, 2, 5, 1.5, 22)
                for word in re.findall(r"[^\W\d_]{2,}", format_unit(count, "duration-year", locale=lang))
            }
        )
        tables["months"][lang] = sorted(  # "sechs Monate", "sześć miesięcy": a term's months
            {
                word.lower()
                for count in (1, 2, 5, 1.5, 22)
                for word in re.findall(r"[^\W\d_]{2,}", format_unit(count, "duration-month", locale=lang))
            }
        )
        tables["languages"][lang] = sorted({str(v).lower() for v in locale.languages.values()})
        tables["currencies"][lang] = sorted(
            {
                w.lower()
                for code in _CURRENCIES
                for count in (1, 2, 3, 5, 1.5)
                for w in re.findall(r"\w+", get_currency_name(code, count=count, locale=lang))
            }
        )
        named: dict[str, set[str]] = {}
        for code in _CURRENCIES:
            for count in (1, 2, 3, 5, 1.5):
                for word in re.findall(r"\w+", get_currency_name(code, count=count, locale=lang).lower()):
                    named.setdefault(word, set()).add(code)
        # a word of one currency's names only (not "dollar" of several, not "swiss")
        tables["currency_names"][lang] = {word: codes.pop() for word, codes in named.items() if len(codes) == 1}
    tables["places"] = {key: sorted(forms) for key, forms in places.items()}
    # a country's cities by its time zones: its capital among them (Europe/Paris, Europe/Warsaw)
    tables["cities"] = {
        f"T:{code}": sorted(f"C:{zone}" for zone in zones if f"C:{zone}" in places)
        for code, zones in get_global("territory_zones").items()
        if f"T:{code}" in places and any(f"C:{zone}" in places for zone in zones)
    }
    tables["codes"] = sorted(
        str(code).lower() for code in Locale.parse("en").currencies if len(str(code)) == 3 and str(code).isalpha()
    )
    return tables
