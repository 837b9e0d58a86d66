"""Canned, correct briefs for the small test article, per language, keyed the way the
brief prompt asks (its localised JSON field names)."""

from __future__ import annotations

import json
import re
from typing import Any

ARTICLE = """Minister Anna Berg opens new bridge in Oslo

Norway's transport minister Anna Berg opened the new Bjørvika bridge in Oslo on Monday.
The bridge cost 120 million kroner and took 3 years to build.
"It connects two halves of the city," Berg said.
"""

ITEMS = {
    "en": ("Anna Berg opens the Bjørvika bridge in Oslo",
           ["Transport minister Anna Berg opened the new bridge in Oslo on Monday.",
            "It cost 120 million kroner and took 3 years to build."]),
    "de": ("Anna Berg eröffnet die Bjørvika-Brücke in Oslo",
           ["Verkehrsministerin Anna Berg hat am Montag die neue Brücke in Oslo eröffnet.",
            "Sie kostete 120 Millionen Kronen und wurde in 3 Jahren gebaut."]),
    "fr": ("Anna Berg inaugure le pont de Bjørvika à Oslo",
           ["La ministre des transports Anna Berg a inauguré lundi le nouveau pont à Oslo.",
            "Il a coûté 120 millions de couronnes et sa construction a duré 3 ans."]),
    "pl": ("Anna Berg otwiera most Bjørvika w Oslo",
           ["Minister transportu Anna Berg otworzyła w poniedziałek nowy most w Oslo.",
            "Budowa kosztowała 120 milionów koron i trwała 3 lata."]),
    "uk": ("Анна Берг відкрила міст Бйорвіка в Осло",
           ["Міністерка транспорту Анна Берг у понеділок відкрила новий міст в Осло.",
            "Він коштував 120 мільйонів крон і будувався 3 роки."]),
}
KEYS = {"headline": "en", "ueberschrift": "de", "titre": "fr", "naglowek": "pl", "заголовок": "uk"}
_JSON_LINE_RE = re.compile(r'JSON: \{"([^"]+)": "\.\.\.", "([^"]+)"')


def asked(body: dict[str, Any]) -> tuple[str, str, str]:
    """(lang, headline key, bullets key) that the request's last user message asks for."""
    last = [m for m in body["messages"] if m["role"] == "user"][-1]["content"]
    headline_key, bullets_key = _JSON_LINE_RE.findall(last)[-1]
    return KEYS[headline_key], headline_key, bullets_key


def reply_for(body: dict[str, Any], **override: Any) -> str:
    lang, headline_key, bullets_key = asked(body)
    headline, bullets = ITEMS[lang]
    value = {headline_key: override.get("headline", headline), bullets_key: override.get("bullets", bullets)}
    return json.dumps(value, ensure_ascii=False)
