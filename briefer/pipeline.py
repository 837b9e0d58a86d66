"""Runs the stages for every article: budget -> (digest) -> brief per language -> check.

The brief prompt puts the fixed instructions and the article (or its digest) first and
the language's own instruction last, so every language's call shares one byte-identical
prefix and the server's prompt cache reads the article once.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Callable

from . import checks
from .breaker import Breaker
from .chunking import chunk_text, count_tokens
from .config import Settings
from .errors import BrieferError, BudgetSpentError, ConfigError, ContextTooLongError, TemporaryError
from .llm import LLM, Answer, Message
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

    def digest(self, article: Article, deadline: float, shrink: float = 1.0) -> tuple[Digest, Answer]:
        overhead = count_tokens(self.digest_prompt.render("system", max_facts=12)) + 200
        budget = int((self._usable_context - overhead - self.settings.max_output_tokens * 2) * shrink)
        chunks = chunk_text(article.id, article.text, budget)
        facts: list[str] = []
        spent = Answer(None, [], Usage(), 0, self.llm.model)
        for chunk in chunks:
            answer = self._facts("map", article, chunk.text, chunk.index + 1, len(chunks), deadline)
            facts.extend(answer.value or [])
            spent = _add(spent, answer)
        if len(chunks) > 1:
            answer = self._facts("reduce", article, "\n".join(f"- {f}" for f in facts), 1, len(chunks), deadline)
            facts, spent = answer.value or facts, _add(spent, answer)
        return Digest(article_id=article.id, facts=tuple(facts)), spent

    def _facts(self, section: str, article: Article, text: str, part: int, parts: int,
               deadline: float) -> Answer:
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

        return self.llm.ask(messages, FACTS_SCHEMA, self._params(self.digest_prompt), judge,
                            lambda failures: self.digest_prompt.render("reask", failures=failures),
                            self.settings.max_reasks, deadline)

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
                           attempts=answer.attempts, calls=answer.calls, from_digest=kind == "digest")

    def first_requests(self, article: Article) -> list[tuple[list[Message], dict, dict]]:
        """(messages, schema, params) of the first ask in every language, for a Batch job
        (articles that need a digest are briefed directly: their prompt depends on its reply)."""
        if not self._fits(article, article.text):
            return []
        return [(self._brief_messages(article, article.text, "article", lang),
                 item_schema(self.brief_prompt, lang, self.settings.max_bullets), self._params(self.brief_prompt))
                for lang in self.settings.languages]

    def _brief_languages(self, article: Article, text: str, kind: str, deadline: float) -> list[BriefedItem]:
        """The first language alone (its call puts the shared prefix in the server's cache),
        then the others side by side, each reusing that prefix."""
        first, *others = self.settings.languages
        items = [self.brief(article, text, kind, first, deadline)]
        if others:
            with ThreadPoolExecutor(max_workers=len(others), thread_name_prefix="briefer-lang") as pool:
                items += pool.map(lambda lang: self.brief(article, text, kind, lang, deadline), others)
        return items

    def _verdict(self, article: Article, lang: str, parsed: dict | None, problem: str, locale: dict,
                 instructions: list[str]) -> Verdict:
        item = _item_from(parsed, article.id, lang, locale)
        if item is None:
            empty = Item(article_id=article.id, lang=lang, headline="", bullets=())
            reason = problem or f"the reply needs \"{locale['headline_key']}\" and \"{locale['bullets_key']}\""
            return Verdict(item=empty, results=(CheckResult(check="reply", passed=False, message=reason),))
        return Verdict(item=item, results=judge_item(self.settings, article, item, instructions))

    # ---- one article, all languages ----

    def run_article(self, article: Article) -> ArticleOutcome:
        deadline = time.monotonic() + self.settings.article_deadline
        text, kind, digest, spent = article.text, "article", None, None
        for shrink in (1.0, 0.5):  # a refused context is re-chunked smaller once
            try:
                if kind == "digest" or not self._fits(article, text) or shrink < 1:
                    digest, spent = self.digest(article, deadline, shrink)
                    text, kind = digest.as_text(), "digest"
                items = _with_consistency(self._brief_languages(article, text, kind, deadline), self.settings.severity)
                return ArticleOutcome(article=article, items=items, digest=digest,
                                      digest_usage=spent.usage if spent else Usage(), digest_calls=spent.calls if spent else 0)
            except ContextTooLongError as exc:
                error = str(exc)
        return ArticleOutcome(article=article, errors=(f"{article.source}: {error}; the article was skipped",))


def judge_item(settings: Settings, article: Article, item: Item, instructions: list[str],
               others: list[Item] | None = None) -> tuple[CheckResult, ...]:
    """Every check on one item, as a run judges it; with `others` (the article's items in its
    other languages), the consistency of figures across them too."""
    results = checks.run_checks(
        item, source=f"{article.title}\n{article.text}", source_lang=article.lang, lang=item.lang,
        words_per_item=settings.words_per_item, max_bullets=settings.max_bullets,
        glossary=settings.glossary.get(item.lang, {}), instructions=instructions, severity=settings.severity)
    if others is None:
        return results
    return results + (checks.check_consistency([*others, item], settings.severity)[item.lang],)


def _with_consistency(items: list[BriefedItem], severity: dict[str, str]) -> tuple[BriefedItem, ...]:
    """Judge the passed items of one article together: each figure at one scale in every language."""
    passed = [item for item in items if item.passed]
    results = checks.check_consistency([item.verdict.item for item in passed], severity)
    updated = []
    for item in items:
        result = results.get(item.verdict.item.lang) if item.passed else None
        if result is not None:
            verdict = Verdict(item=item.verdict.item, results=item.verdict.results + (result,))
            item = item.model_copy(update={"verdict": verdict})
        updated.append(item)
    return tuple(updated)


def _add(total: Answer, answer: Answer) -> Answer:
    return Answer(None, [], total.usage + answer.usage, total.attempts + answer.attempts, answer.model,
                  total.calls + answer.calls)


def _item_from(parsed: dict | None, article_id: str, lang: str, locale: dict) -> Item | None:
    if not parsed:
        return None
    headline = parsed.get(locale["headline_key"], parsed.get("headline"))
    bullets = parsed.get(locale["bullets_key"], parsed.get("bullets"))
    if not isinstance(headline, str) or not isinstance(bullets, list) or not all(isinstance(b, str) for b in bullets):
        return None
    return Item(article_id=article_id, lang=lang, headline=" ".join(headline.split()),
                bullets=tuple(" ".join(b.split()) for b in bullets))


Progress = Callable[[ArticleOutcome], None]


@dataclass
class _Guard:
    """What stops a run from starting more articles: the breaker, or an error every article would hit."""

    breaker: Breaker
    stop: threading.Event = field(default_factory=threading.Event)
    abort: list[BrieferError] = field(default_factory=list)

    def first_error(self, outcomes: list[ArticleOutcome]) -> BrieferError | None:
        first = self.abort[0] if self.abort else (TemporaryError(self.breaker.reason) if self.breaker.open else None)
        if first is None and outcomes and all(outcome.waiting for outcome in outcomes):
            first = TemporaryError(outcomes[0].waiting)  # nothing got through: say why, once
        return first


def _brief_guarded(briefer: Briefer, article: Article, guard: _Guard) -> ArticleOutcome:
    if guard.stop.is_set():
        return ArticleOutcome(article=article, waiting=f"the run stopped early: {guard.breaker.reason or guard.abort[0]}")
    try:
        outcome = briefer.run_article(article)
        guard.breaker.record(False)
    except TemporaryError as exc:
        guard.breaker.record(True, str(exc))
        if guard.breaker.open:
            guard.stop.set()
        outcome = ArticleOutcome(article=article, waiting=str(exc))
    except BudgetSpentError as exc:  # not started, or stopped before a request that could pass it
        outcome = ArticleOutcome(article=article, errors=(f"{article.source}: skipped: {exc}",))
    except ConfigError as exc:
        guard.stop.set()
        guard.abort.append(exc)
        outcome = ArticleOutcome(article=article, errors=(f"{article.source}: not briefed: {exc}",))
    return outcome


def run(settings: Settings, briefer: Briefer, articles: list[Article], day: Date,
        progress: Progress = lambda outcome: None) -> RunReport:
    """Brief every article, `concurrency` at a time. An article whose request failed after
    its retries is set aside and the run goes on; set-aside articles get one more try at the
    end. The run stops starting articles only when the endpoint looks down (the breaker
    opens) or refuses us (bad key, unknown model: every article would fail alike)."""
    guard = _Guard(Breaker(settings.breaker_failures, settings.breaker_window, settings.breaker_rate))

    def one(article: Article) -> ArticleOutcome:
        outcome = _brief_guarded(briefer, article, guard)
        progress(outcome)
        return outcome

    pool = ThreadPoolExecutor(max_workers=briefer.llm.concurrency, thread_name_prefix="briefer-article")
    try:
        outcomes = list(pool.map(one, articles))
        if not guard.stop.is_set():  # one more try for what bad luck set aside
            again = [i for i, outcome in enumerate(outcomes) if outcome.waiting]
            for index, outcome in zip(again, pool.map(one, [outcomes[i].article for i in again])):
                outcomes[index] = outcome
    except BaseException:  # SIGTERM, Ctrl-C: start nothing more, wait for nothing
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    first = guard.first_error(outcomes)
    return RunReport(date=day, languages=settings.languages, model=briefer.llm.model, outcomes=tuple(outcomes),
                     aborted=str(first) if first else "",
                     abort_exit_code=first.exit_code if first else 0, http_retries=briefer.llm.retries,
                     format_fallback=briefer.llm.format.fallback)
