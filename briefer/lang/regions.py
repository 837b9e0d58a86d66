"""Regions, provinces, départements and metropolitan cities (the ISO 3166-2 subdivisions)
with their names in every supported language, read from pycountry (its one home) once into a
JSON cache. CLDR names countries and a capital or two per country; a brief's wrong place is
as often Naples, Andalucía or Bouches-du-Rhône, which only these tables know in every
language (Neapel, Naples, Neapol, Неаполь)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from briefer.lang.vocabulary import common_lowercase

_FORMAT = 3  # bump when the table changes
# A name in brackets, parentheses or after a slash is another name of it (Catalunya [Cataluña]); after a
# comma comes its kind (Madrid, Comunidad de); a code (GB-CYM) is no name.
_ALTERNATIVES = re.compile(r"[\[\]()/]")
_CODE = re.compile(r"\b[A-Z]{2}-[A-Z0-9]+\b")


def tables(languages: tuple[str, ...]) -> dict[str, list[str]]:
    """Each subdivision's names, lowercase, by its concept ('R:IT-NA' -> napoli, naples,
    neapel, neapol, неаполь), from the cache, else built from pycountry and cached."""
    from importlib.metadata import version

    from briefer.core.files import cached_json

    name = f"regions-pycountry{version('pycountry')}-v{_FORMAT}-{'-'.join(languages)}.json"
    return cached_json(name, lambda: _from_pycountry(languages))


def _from_pycountry(languages: tuple[str, ...]) -> dict[str, list[str]]:
    import gettext

    import pycountry

    translations = [
        gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True) for lang in languages
    ]
    table: dict[str, list[str]] = {}
    for subdivision in pycountry.subdivisions:
        labels = {subdivision.name, *(t.gettext(subdivision.name) for t in translations)}
        forms = {form for label in labels for form in _forms(label) if not _common(form, languages)}
        # A country within a country (England, Scotland, Wales) stands for it as its capital
        # does: "Puchar Anglii" renders the FA Cup of a British source.
        key = f"T:{subdivision.country_code}" if subdivision.type == "Country" else f"R:{subdivision.code}"
        if forms:
            table[key] = sorted(forms.union(table.get(key, ())))
    return table


def parents() -> dict[str, str]:
    """The region each subdivision lies in ('R:FR-29' Finistère -> 'R:FR-BRE' Bretagne), from
    the cache, else built from pycountry and cached: a brief may name the larger region."""
    from importlib.metadata import version

    from briefer.core.files import cached_json

    return cached_json(f"region-parents-pycountry{version('pycountry')}.json", _parents_from_pycountry)


def _parents_from_pycountry() -> dict[str, str]:
    import pycountry

    return {
        f"R:{subdivision.code}": f"R:{subdivision.parent_code}"
        for subdivision in pycountry.subdivisions
        if getattr(subdivision, "parent_code", None)
        and subdivision.type != "Country"
        and pycountry.subdivisions.get(code=subdivision.parent_code).type != "Country"
    }


def _forms(label: str) -> Iterator[str]:
    """'Catalunya [Cataluña]' -> catalunya, cataluña; 'Madrid, Comunidad de' -> madrid;
    'Wales [Cymru GB-CYM]' -> wales, cymru. A name written lowercase is a kind, no name."""
    for piece in _ALTERNATIVES.split(_CODE.sub("", label)):
        name = piece.split(",")[0].strip()
        if name[:1].isupper():
            yield name.lower()


def _common(form: str, languages: tuple[str, ...]) -> bool:
    """A region named by a common word of a language (Centre, Central, Nord, Lakes): the word
    in a brief is that word far more often than the region."""
    return " " not in form and common_lowercase(form, languages)


# A Polish adjective's endings, declined: a voivodeship is named by one, in lower case ("w
# województwach dolnośląskim, opolskim i śląskim"), and a place's adjective too (Bolońskiego).
POLISH_ADJECTIVE_ENDINGS = r"iego|iemu|iej|ich|imi|ie|im|ą|i|a"
_POLISH_ADJECTIVE_ENDING = re.compile(rf"(?:{POLISH_ADJECTIVE_ENDINGS})$")


def voivodeship(word: str) -> str:
    """The Polish voivodeship a Polish adjective names ('dolnośląskim' -> 'R:PL-02'), or ''."""
    stem = _POLISH_ADJECTIVE_ENDING.sub("", word.lower())
    return _voivodeship_stems().get(stem, "") if stem != word.lower() else ""


@functools.cache
def _voivodeship_stems() -> dict[str, str]:
    import pycountry

    return {
        _POLISH_ADJECTIVE_ENDING.sub("", subdivision.name.split()[0].lower()): f"R:{subdivision.code}"
        for subdivision in pycountry.subdivisions.get(country_code="PL")
    }
