"""Figures 2 and 5, on the embedded model: the token economy of the shared article prefix
against a naive pipeline, and briefer's own overhead on top of the model server's time."""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path

from briefer.briefing import pipeline, prompts
from briefer.core.models import Usage
from briefer.lang.langid import LanguageIdentifier
from briefer.model import endpoint
from briefer.model.llm import LLM
from briefer.settings.config import PROJECT_ROOT, load_settings
from briefer.sources.ingest import read_sources

SEED = PROJECT_ROOT / "fixtures" / "articles" / "hegseth-ukraine-peace-talks.txt"
SETS = {
    1: ("en",),
    3: ("en", "de", "fr"),
    5: ("en", "de", "fr", "pl", "uk"),
    7: ("en", "de", "fr", "pl", "uk", "es", "it"),
}


def _server_tokens(llm: LLM, text: str) -> int:
    """The article's length in the served model's own tokens (llama.cpp's /tokenize)."""
    request = urllib.request.Request(
        llm.base_url.removesuffix("/v1") + "/tokenize",
        data=json.dumps({"content": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        return len(json.load(response)["tokens"])


def _messages(briefer: pipeline.Briefer, article, lang: str, naive: bool) -> list:
    """briefer's messages, or the naive baseline's: the language's instruction first, then the
    article (no prefix shared between languages)."""
    messages = briefer._brief_messages(article, article.text, "article", lang)
    if not naive:
        return messages
    instruction = briefer.brief_prompt.locale(lang)["instruction"]
    return [{"role": "system", "content": instruction + "\n\n" + messages[0]["content"]}, messages[1]]


def _call(briefer: pipeline.Briefer, article, lang: str, naive: bool, max_tokens: int | None = None) -> Usage:
    params = briefer._params(briefer.brief_prompt)
    if max_tokens:
        params = {**params, "max_tokens": max_tokens}
    schema = pipeline.item_schema(briefer.brief_prompt, lang, briefer.settings.max_bullets)
    return briefer.llm.complete(_messages(briefer, article, lang, naive), schema, params).usage


def _fresh(article, tag: str):
    """A title of its own makes the article new to the server's caches (its slot and its
    host-memory prompt cache); the system prompt before it stays cached, as it does from one
    article to the next in a real run."""
    return article.model_copy(update={"title": f"{article.title} ({tag})"})


def figures_2_and_5(work: Path) -> None:
    settings = load_settings({"max_reasks": 0, "cache_dir": work / "cache", "reply_cache": False}, environ={})
    settings = settings.model_copy(update={"local_model_file": pipeline_model_file()})
    brief = prompts.load_prompt(settings.prompts_dir, "brief")
    digest = prompts.load_prompt(settings.prompts_dir, "digest")
    article = read_sources([str(SEED)])[0][0]
    with endpoint.model_endpoint(settings) as llm, LanguageIdentifier(settings.languages) as identifier:
        briefer = pipeline.Briefer(settings, llm, brief, digest, identifier)
        article_tokens = _server_tokens(llm, article.title + "\n" + article.text)
        stub = article.model_copy(update={"title": "warm-up", "text": "-"})
        for naive in (False, True):  # the system prompt into the cache, as after any earlier article
            _call(briefer, stub, "en", naive, max_tokens=1)
        # Input tokens do not depend on the reply: each call generates one token here. A run in
        # the first N languages makes exactly the first N calls of a run in all seven, so one
        # seven-language run per pipeline gives every N.
        for naive, name in ((False, "shared prefix"), (True, "naive")):
            fresh = _fresh(article, name)
            uncached = [
                (u.prompt_tokens - u.cached_tokens)
                for u in (_call(briefer, fresh, lang, naive, max_tokens=1) for lang in SETS[7])
            ]
            ratios = [f"{count} lang: {sum(uncached[:count]) / article_tokens:.2f}" for count in SETS]
            print(
                f"2. uncached input tokens / article tokens, {name}: "
                + ", ".join(ratios)
                + f"  (seed article, {article_tokens} tokens; target <= 1.3 at 5)",
                flush=True,
            )
        # Wall time at 5 languages with full replies. briefer's own run of the article (no
        # re-asks) is also figure 5: its wall time against the server's own time for its calls.
        fresh = _fresh(article, "naive, wall")
        started = time.perf_counter()
        for lang in SETS[5]:
            _call(briefer, fresh, lang, naive=True)
        naive_wall = time.perf_counter() - started
        llm.server_seconds = 0.0
        started = time.perf_counter()
        briefer.brief_article(_fresh(article, "briefer, wall"))
        wall = time.perf_counter() - started
        print(
            f"2. wall time at 5 languages, full replies, naive / briefer = {naive_wall / wall:.2f} "
            f"({naive_wall:.1f} s vs {wall:.1f} s)"
        )
        print(
            f"5. briefer wall time / model server's own time = {wall / llm.server_seconds:.3f} "
            f"({wall:.1f} s vs {llm.server_seconds:.1f} s; seed article, 5 languages, no re-asks; target <= 1.10)"
        )


def pipeline_model_file() -> Path:
    from briefer.core.files import default_cache_dir
    from briefer.model.local_model import assemble_model

    return assemble_model(default_cache_dir())
