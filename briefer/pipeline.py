"""Runs the stages for every article: budget -> (digest) -> brief per language -> check.

The brief prompt puts the fixed instructions and the article (or its digest) first and
the language's own instruction last, so every language's call shares one byte-identical
prefix and the server's prompt cache reads the article once.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date as Date
from typing import Iterator

from . import checks
from .chunking import chunk_text, count_tokens
from .config import Settings
from .errors import ConfigError, ContextTooLongError, TemporaryError
from .llm import LLM, Answer, Message
from .local_model import embedded_server
from .models import (Article, ArticleOutcome, BriefedItem, CheckResult, Digest, Item, RunReport, Usage,
                     Verdict)
from .prompts import Prompt

log = logging.getLogger("briefer")
# cl100k counts differ from the served model's tokenizer (most for Cyrillic): keep a margin.
_TOKENIZER_MARGIN = 0.8
_REASK_OVERHEAD = 120  # tokens a re-ask message adds besides the previous reply


def item_schema(prompt: Prompt, lang: str, max_bullets: int) -> dict:
    locale = prompt.locale(lang)
    return {
        "type": "object",
        "properties": {
            locale["headline_key"]: {"type": "string", "minLength": 3, "maxLength": 200},
            locale["bullets_key"]: {"type": "array", "minItems": 1, "maxItems": max_bullets,
                                    "items": {"type": "string", "minLength": 3, "maxLength": 400}},
        },
        "required": [locale["headline_key"], locale["bullets_key"]],
        "additionalProperties": False,
    }


FACTS_SCHEMA = {
    "type": "object",
    "properties": {"facts": {"type": "array", "minItems": 1, "maxItems": 20,
                             "items": {"type": "string", "minLength": 3, "maxLength": 300}}},
    "required": ["facts"],
    "additionalProperties": False,
}


@dataclass
class Briefer:
    settings: Settings
    llm: LLM
    brief_prompt: Prompt
    digest_prompt: Prompt

    # ---- budgets ----

    @property
    def _usable_context(self) -> int:
        return int(self.settings.context_tokens * _TOKENIZER_MARGIN)

    def _conversation_reserve(self) -> int:
        """Room for every reply and re-ask a language's conversation may grow by."""
        attempts = self.settings.max_reasks + 1
        return attempts * self.settings.max_output_tokens + self.settings.max_reasks * _REASK_OVERHEAD

    def _fits(self, article: Article, text: str) -> bool:
        messages = self._brief_messages(article, text, "article", self.settings.languages[0])
        return sum(count_tokens(m["content"]) for m in messages) + self._conversation_reserve() <= self._usable_context

    # ---- prompts ----

    def _brief_values(self, article: Article, text: str, kind: str, lang: str) -> dict:
        return {"title": article.title, "text": text, "source_kind": kind, "words": self.settings.words_per_item,
                "max_bullets": self.settings.max_bullets, "locale": self.brief_prompt.locale(lang)}

    def _brief_messages(self, article: Article, text: str, kind: str, lang: str) -> list[Message]:
        values = self._brief_values(article, text, kind, lang)
        return [{"role": "system", "content": self.brief_prompt.render("system", **values)},
                {"role": "user", "content": self.brief_prompt.render("user", **values)}]

    # ---- digest: map over chunks, reduce once ----

    def digest(self, article: Article, deadline: float, shrink: float = 1.0) -> tuple[Digest, Usage]:
        overhead = count_tokens(self.digest_prompt.render("system", max_facts=12)) + 200
        budget = int((self._usable_context - overhead - self.settings.max_output_tokens * 2) * shrink)
        chunks = chunk_text(article.id, article.text, budget)
        facts: list[str] = []
        usage = Usage()
        for chunk in chunks:
            found, spent = self._facts("map", article, chunk.text, chunk.index + 1, len(chunks), deadline)
            facts.extend(found)
            usage = usage + spent
        if len(chunks) > 1:
            merged, spent = self._facts("reduce", article, "\n".join(f"- {f}" for f in facts), 1, len(chunks), deadline)
            facts, usage = merged or facts, usage + spent
        return Digest(article_id=article.id, facts=tuple(facts)), usage

    def _facts(self, section: str, article: Article, text: str, part: int, parts: int,
               deadline: float) -> tuple[list[str], Usage]:
        values = {"title": article.title, "text": text, "part": part, "parts": parts, "max_facts": 12}
        if section == "reduce":
            values = {k: v for k, v in values.items() if k != "part"}
        messages = [{"role": "system", "content": self.digest_prompt.render("system", max_facts=12)},
                    {"role": "user", "content": self.digest_prompt.render(section, **values)}]

        def judge(parsed: dict | None, problem: str) -> tuple[list[str], list[str]]:
            facts = parsed.get("facts") if parsed else None
            if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
                return [], [problem or "the reply needs {\"facts\": [...]}, a list of strings"]
            return [f.strip() for f in facts if f.strip()], []

        answer = self.llm.ask(messages, FACTS_SCHEMA, self._params(self.digest_prompt), judge,
                              lambda failures: "Fix: " + "; ".join(failures), self.settings.max_reasks, deadline)
        return answer.value or [], answer.usage

    # ---- brief: one call per language on the shared prefix ----

    def _params(self, prompt: Prompt) -> dict:
        return {"max_tokens": self.settings.max_output_tokens, **prompt.params}

    def brief(self, article: Article, text: str, kind: str, lang: str, deadline: float) -> BriefedItem:
        messages = self._brief_messages(article, text, kind, lang)
        locale = self.brief_prompt.locale(lang)
        instructions = [messages[0]["content"], locale["instruction"]]

        def judge(parsed: dict | None, problem: str) -> tuple[Verdict, list[str]]:
            verdict = self._verdict(article, lang, parsed, problem, locale, instructions)
            return verdict, [f"{r.check}: {r.message}" for r in verdict.failures]

        def reask(failures: list[str]) -> str:
            wrong_language = any(failure.startswith("language:") for failure in failures)
            return self.brief_prompt.render("reask", **self._brief_values(article, text, kind, lang),
                                            failures=failures, wrong_language=wrong_language)

        answer: Answer = self.llm.ask(messages, item_schema(self.brief_prompt, lang, self.settings.max_bullets),
                                      self._params(self.brief_prompt), judge, reask, self.settings.max_reasks, deadline)
        verdict = answer.value or self._verdict(article, lang, None, "; ".join(answer.failures), locale, instructions)
        return BriefedItem(verdict=verdict, prompt=self.brief_prompt.ref, model=answer.model, usage=answer.usage,
                           attempts=answer.attempts, from_digest=kind == "digest")

    def _verdict(self, article: Article, lang: str, parsed: dict | None, problem: str, locale: dict,
                 instructions: list[str]) -> Verdict:
        item = _item_from(parsed, article.id, lang, locale)
        if item is None:
            empty = Item(article_id=article.id, lang=lang, headline="", bullets=())
            reason = problem or f"the reply needs \"{locale['headline_key']}\" and \"{locale['bullets_key']}\""
            return Verdict(item=empty, results=(CheckResult(check="reply", passed=False, message=reason),))
        results = checks.run_checks(
            item, source=f"{article.title}\n{article.text}", lang=lang, words_per_item=self.settings.words_per_item,
            max_bullets=self.settings.max_bullets, glossary=self.settings.glossary.get(lang, {}),
            instructions=instructions)
        return Verdict(item=item, results=results)

    # ---- one article, all languages ----

    def run_article(self, article: Article) -> ArticleOutcome:
        deadline = time.monotonic() + self.settings.article_deadline
        text, kind, digest, digest_usage = article.text, "article", None, Usage()
        for shrink in (1.0, 0.5):  # a refused context is re-chunked smaller once
            try:
                if kind == "digest" or not self._fits(article, text) or shrink < 1:
                    digest, digest_usage = self.digest(article, deadline, shrink)
                    text, kind = digest.as_text(), "digest"
                items = tuple(self.brief(article, text, kind, lang, deadline) for lang in self.settings.languages)
                return ArticleOutcome(article=article, items=items, digest=digest, digest_usage=digest_usage)
            except ContextTooLongError as exc:
                error = str(exc)
        return ArticleOutcome(article=article, errors=(f"{article.source}: {error}; the article was skipped",))


def _item_from(parsed: dict | None, article_id: str, lang: str, locale: dict) -> Item | None:
    if not parsed:
        return None
    headline = parsed.get(locale["headline_key"], parsed.get("headline"))
    bullets = parsed.get(locale["bullets_key"], parsed.get("bullets"))
    if not isinstance(headline, str) or not isinstance(bullets, list) or not all(isinstance(b, str) for b in bullets):
        return None
    return Item(article_id=article_id, lang=lang, headline=" ".join(headline.split()),
                bullets=tuple(" ".join(b.split()) for b in bullets))


@contextmanager
def model_endpoint(settings: Settings) -> Iterator[LLM]:
    """The configured endpoint, or the embedded local model started for this run only."""
    if settings.uses_embedded_model:
        with embedded_server(settings) as server:
            llm = LLM(base_url=server.base_url, api_key=None, model=server.model,
                      timeout=settings.request_timeout, http_retries=settings.http_retries)
            try:
                yield llm
            finally:
                llm.close()
        return
    api_key = settings.api_key.get_secret_value() if settings.api_key else None
    llm = LLM(base_url=settings.base_url, api_key=api_key, model=settings.model_name,
              timeout=settings.request_timeout, http_retries=settings.http_retries)
    try:
        yield llm
    finally:
        llm.close()


def run(settings: Settings, briefer: Briefer, articles: list[Article], rejected: list[str], day: Date) -> RunReport:
    """Brief every article. A fault that will hit every article (endpoint down, bad key)
    stops the run at once instead of failing N articles x M languages one by one."""
    outcomes: list[ArticleOutcome] = []
    aborted, exit_code = "", 0
    for number, article in enumerate(articles, 1):
        log.info("article %d/%d: %s", number, len(articles), article.source)
        try:
            outcomes.append(briefer.run_article(article))
        except (TemporaryError, ConfigError) as exc:
            aborted, exit_code = str(exc), exc.exit_code
            skipped = articles[number - 1:]
            outcomes += [ArticleOutcome(article=a, errors=(f"{a.source}: not briefed, the run stopped early",))
                         for a in skipped]
            break
    return RunReport(date=day, languages=settings.languages, model=briefer.llm.model, outcomes=tuple(outcomes),
                     rejected_sources=tuple(rejected), aborted=aborted, abort_exit_code=exit_code)
