"""Canned, correct briefs for the small test article, per language, keyed the way the
brief prompt asks (its localised JSON field names)."""

from __future__ import annotations

import json
import re
from typing import Any

from briefer.briefing.prompts import all_prompts
from briefer.core.models import Item
from briefer.settings.config import PROJECT_ROOT

ARTICLE = """Minister Anna Berg opens new bridge in Oslo

Norway's transport minister Anna Berg opened the new Bjørvika bridge in Oslo on Monday.
The bridge cost 120 million kroner and took 3 years to build.
"It connects two halves of the city," Berg said.
"""

ITEMS = {
    "en": (
        "Anna Berg opens the Bjørvika bridge in Oslo",
        [
            "Transport minister Anna Berg opened the new bridge in Oslo on Monday.",
            "It cost 120 million kroner and took 3 years to build.",
        ],
    ),
    "de": (
        "Anna Berg eröffnet die Bjørvika-Brücke in Oslo",
        [
            "Verkehrsministerin Anna Berg hat am Montag die neue Brücke in Oslo eröffnet.",
            "Sie kostete 120 Millionen Kronen und wurde in 3 Jahren gebaut.",
        ],
    ),
    "fr": (
        "Anna Berg inaugure le pont de Bjørvika à Oslo",
        [
            "La ministre des transports Anna Berg a inauguré lundi le nouveau pont à Oslo.",
            "Il a coûté 120 millions de couronnes et sa construction a duré 3 ans.",
        ],
    ),
    "pl": (
        "Anna Berg otwiera most Bjørvika w Oslo",
        [
            "Minister transportu Anna Berg otworzyła w poniedziałek nowy most w Oslo.",
            "Budowa kosztowała 120 milionów koron i trwała 3 lata.",
        ],
    ),
    "uk": (
        "Анна Берг відкрила міст Бйорвіка в Осло",
        [
            "Міністерка транспорту Анна Берг у понеділок відкрила новий міст в Осло.",
            "Він коштував 120 мільйонів крон і будувався 3 роки.",
        ],
    ),
}
_JSON_LINE_RE = re.compile(r'JSON: \{"([^"]+)": "\.\.\.", "([^"]+)"')


_BRIEFS = [prompt for prompt in all_prompts(PROJECT_ROOT / "prompts") if prompt.id == "brief"]
LOCALES = {lang: locale for prompt in _BRIEFS for lang, locale in prompt.locales.items()}  # every language, any version
KEYS = {locale["headline_key"]: lang for lang, locale in LOCALES.items()}
_INSTRUCTIONS = {locale["instruction"]: lang for prompt in _BRIEFS for lang, locale in prompt.locales.items()}


def is_brief(body: dict[str, Any]) -> bool:
    """A brief request (any version), not a digest."""
    return body["messages"][0]["content"].startswith("You write short, faithful news briefings")


def asked(body: dict[str, Any]) -> tuple[str, str, str]:
    """(lang, headline key, bullets key) that the request's last user message asks for: its
    JSON line (brief@1, re-asks) or its closing instruction (brief@2)."""
    last = [m for m in body["messages"] if m["role"] == "user"][-1]["content"]
    keys = _JSON_LINE_RE.findall(last)
    lang = KEYS[keys[-1][0]] if keys else _INSTRUCTIONS[last.rsplit("\n", 1)[-1].strip()]
    return lang, LOCALES[lang]["headline_key"], LOCALES[lang]["bullets_key"]


def reply_for(body: dict[str, Any], **override: Any) -> str:
    lang, headline_key, bullets_key = asked(body)
    headline, bullets = ITEMS[lang]
    value = {headline_key: override.get("headline", headline), bullets_key: override.get("bullets", bullets)}
    return json.dumps(value, ensure_ascii=False)


def item(lang: str, headline: str, *bullets: str) -> Item:
    """An item as a check sees it, for the check tests' hand-written examples."""
    return Item(article_id="a", lang=lang, headline=headline, bullets=tuple(bullets))
