"""Figures 2 and 5, on the embedded model: the token economy of the shared article prefix
against a naive pipeline, and briefer's own overhead on top of the model server's time."""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path

from briefer import pipeline, prompts
from briefer.config import PROJECT_ROOT, load_settings
from briefer.ingest import read_sources
from briefer.llm import LLM
from briefer.models import Usage

SEED = PROJECT_ROOT / "fixtures" / "articles" / "hegseth-ukraine-peace-talks.txt"
SETS = {1: ("en",), 3: ("en", "de", "fr"), 5: ("en", "de", "fr", "pl", "uk")}


def _server_tokens(llm: LLM, text: str) -> int:
    """The article's length in the served model's own tokens (llama.cpp's /tokenize)."""
    request = urllib.request.Request(llm.base_url.removesuffix("/v1") + "/tokenize",
                                     data=json.dumps({"content": text}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return len(json.load(response)["tokens"])


def _naive(briefer: pipeline.Briefer, article, lang: str) -> Usage:
    """The baseline: the language's instruction first, then the article (no shared prefix)."""
    messages = briefer._brief_messages(article, article.text, "article", lang)
    instruction = briefer.brief_prompt.locale(lang)["instruction"]
    naive = [{"role": "system", "content": instruction + "\n\n" + messages[0]["content"]}, messages[1]]
    schema = pipeline.item_schema(briefer.brief_prompt, lang, briefer.settings.max_bullets)
    return briefer.llm.complete(naive, schema, briefer._params(briefer.brief_prompt)).usage


def _shared(briefer: pipeline.Briefer, article, lang: str) -> Usage:
    return briefer.brief(article, article.text, "article", lang, time.monotonic() + 600).usage


def figures_2_and_5(work: Path) -> None:
    settings = load_settings({"max_reasks": 0, "cache_dir": work / "cache", "reply_cache": False}, environ={})
    settings = settings.model_copy(update={"local_model_file": pipeline_model_file()})
    brief = prompts.load_prompt(settings.prompts_dir, "brief")
    digest = prompts.load_prompt(settings.prompts_dir, "digest")
    article = read_sources([str(SEED)])[0][0]
    with pipeline.model_endpoint(settings) as llm:
        briefer = pipeline.Briefer(settings, llm, brief, digest)
        article_tokens = _server_tokens(llm, article.title + "\n" + article.text)
        walls = {}
        for name, call in (("shared prefix", _shared), ("naive", _naive)):
            ratios = []
            for count, langs in SETS.items():
                # A title of its own makes this article new to the server's caches (its slot and
                # its host-memory prompt cache); the system prompt before it stays cached, as it
                # does from one article to the next in a real run.
                fresh = article.model_copy(update={"title": f"{article.title} ({name}, {count})"})
                started = time.perf_counter()
                usages = [call(briefer, fresh, lang) for lang in langs]
                walls[(name, count)] = time.perf_counter() - started
                uncached = sum(u.prompt_tokens - u.cached_tokens for u in usages)
                ratios.append(f"{count} lang: {uncached / article_tokens:.2f}")
            print(f"2. uncached input tokens / article tokens, {name}: " + ", ".join(ratios) +
                  f"  (article {article_tokens} tokens; 7 languages: not measured, briefer has 5 locales)")
        print(f"2. wall time at 5 languages, naive / shared prefix = "
              f"{walls[('naive', 5)] / walls[('shared prefix', 5)]:.2f} "
              f"({walls[('naive', 5)]:.1f} s vs {walls[('shared prefix', 5)]:.1f} s)")
        llm.server_seconds = 0.0
        full = settings.model_copy(update={"max_reasks": 2})
        started = time.perf_counter()
        pipeline.Briefer(full, llm, brief, digest).run_article(article)
        wall = time.perf_counter() - started
        print(f"5. briefer wall time / model server's own time = {wall / llm.server_seconds:.3f} "
              f"({wall:.1f} s vs {llm.server_seconds:.1f} s; seed article, 5 languages; target <= 1.10)")


def pipeline_model_file() -> Path:
    from briefer.config import _default_cache_dir
    from briefer.local_model import assemble_model

    return assemble_model(_default_cache_dir())
