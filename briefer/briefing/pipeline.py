"""Runs the stages for every article: budget -> (digest) -> brief per language -> check.

The brief prompt puts the fixed instructions and the article (or its digest) first and
the language's own instruction last, so every language's call shares one byte-identical
prefix and the server's prompt cache reads the article once.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable

from briefer.briefing.prompts import Prompt
from briefer.checks import checks
from briefer.core.errors import ContextTooLongError
from briefer.core.models import (
    CHECKS,
    Article,
    ArticleOutcome,
    BriefedItem,
    CheckResult,
    Digest,
    Item,
    Usage,
    Verdict,
)
from briefer.lang.langid import LanguageIdentifier
from briefer.lang.text import sentences
from briefer.model.chunking import chunk_text, count_tokens
from briefer.model.llm import LLM, Answer, Message
from briefer.settings.config import Settings

log = logging.getLogger("briefer")
# cl100k counts differ from the served model's tokenizer (most for Cyrillic): keep a margin.
_TOKENIZER_MARGIN = 0.8
_REASK_OVERHEAD = 120  # tokens a re-ask message adds besides the previous reply


def item_schema(prompt: Prompt, lang: str, max_bullets: int) -> dict:
    locale = prompt.locale(lang)
    properties: dict = {
        locale["headline_key"]: {"type": "string", "minLength": 3, "maxLength": 200},
        locale["bullets_key"]: {
            "type": "array",
            "minItems": 1,
            "maxItems": max_bullets,
            "items": {"type": "string", "minLength": 3, "maxLength": 400},
        },
    }
    if prompt.output == EVIDENCE_OUTPUT:  # per bullet, the numbers of its source sentences
        cited = {"type": "array", "maxItems": 6, "items": {"type": "integer", "minimum": 1}}
        properties["evidence"] = {"type": "array", "maxItems": max_bullets, "items": cited}
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


EVIDENCE_OUTPUT = "item_with_evidence"  # a prompt whose reply cites, per bullet, its source sentences


def source_sentences(text: str) -> list[str]:
    """The source as the evidence prompt numbers it, one sentence per number: the same list for
    every language, so the prompt's article part stays byte-identical."""
    return sentences(text)


FACTS_SCHEMA = {
    "type": "object",
    "properties": {
        "facts": {
            "type": "array",
            "minItems": 1,
            "maxItems": 20,
            "items": {"type": "string", "minLength": 3, "maxLength": 300},
        }
    },
    "required": ["facts"],
    "additionalProperties": False,
}


OnItem = Callable[[Article, BriefedItem], None]  # told of each item as its checks end


def ignore_item(article: Article, item: BriefedItem) -> None:
    pass


@dataclass
class Briefer:
    settings: Settings
    llm: LLM
    brief_prompt: Prompt
    digest_prompt: Prompt
    identifier: LanguageIdentifier  # the run's, for the language check
    on_item: OnItem = ignore_item

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
        values = {
            "title": article.title,
            "text": text,
            "source_kind": kind,
            "words": self.settings.words_per_item,
            "max_bullets": self.settings.max_bullets,
            "locale": self.brief_prompt.locale(lang),
        }
        if "sentences" in self.brief_prompt.inputs:
            values["sentences"] = source_sentences(text)
        return values

    def _brief_messages(self, article: Article, text: str, kind: str, lang: str) -> list[Message]:
        values = self._brief_values(article, text, kind, lang)
        return [
            {"role": "system", "content": self.brief_prompt.render("system", **values)},
            {"role": "user", "content": self.brief_prompt.render("user", **values)},
        ]

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

    def _facts(self, section: str, article: Article, text: str, part: int, parts: int, deadline: float) -> Answer:
        values = {"title": article.title, "text": text, "part": part, "parts": parts, "max_facts": 12}
        if section == "reduce":
            values = {k: v for k, v in values.items() if k != "part"}
        messages = [
            {"role": "system", "content": self.digest_prompt.render("system", max_facts=12)},
            {"role": "user", "content": self.digest_prompt.render(section, **values)},
        ]

        def judge(parsed: dict | None, problem: str) -> tuple[list[str], list[str]]:
            facts = parsed.get("facts") if parsed else None
            if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
                return [], [problem or 'the reply needs {"facts": [...]}, a list of strings']
            return [f.strip() for f in facts if f.strip()], []

        return self.llm.ask(
            messages,
            FACTS_SCHEMA,
            self._params(self.digest_prompt),
            judge,
            lambda failures: self.digest_prompt.render("reask", failures=failures),
            self.settings.max_reasks,
            deadline,
        )

    # ---- brief: one call per language on the shared prefix ----

    def _params(self, prompt: Prompt) -> dict:
        return {"max_tokens": self.settings.max_output_tokens, **prompt.params}

    def brief(self, article: Article, text: str, kind: str, lang: str, deadline: float) -> BriefedItem:
        messages = self._brief_messages(article, text, kind, lang)
        locale = self.brief_prompt.locale(lang)
        instructions = brief_instructions(self.settings, self.brief_prompt, article, lang)

        cited = source_sentences(text) if "sentences" in self.brief_prompt.inputs else []

        def judge(parsed: dict | None, problem: str) -> tuple[Verdict, list[str]]:
            verdict = self._verdict(article, lang, parsed, problem, locale, instructions, cited)
            return verdict, [f"{r.check}: {r.message}" for r in verdict.failures]

        def reask(failures: list[str]) -> str | None:
            if not any(_check_of(failure) in self.settings.reask_checks for failure in failures):
                return None  # a re-ask almost never fixes these (reask_checks): spend no call on it
            wrong_language = any(failure.startswith("language:") for failure in failures)
            return self.brief_prompt.render(
                "reask",
                **self._brief_values(article, text, kind, lang),
                failures=failures,
                wrong_language=wrong_language,
            )

        answer: Answer = self.llm.ask(
            messages,
            item_schema(self.brief_prompt, lang, self.settings.max_bullets),
            self._params(self.brief_prompt),
            judge,
            reask,
            self.settings.max_reasks,
            deadline,
        )
        verdict = answer.value or self._verdict(article, lang, None, "; ".join(answer.failures), locale, instructions)
        briefed = BriefedItem(
            verdict=verdict,
            prompt=self.brief_prompt.ref,
            model=answer.model,
            usage=answer.usage,
            attempts=answer.attempts,
            calls=answer.calls,
            refused=tuple(tuple(dict.fromkeys(_check_of(f) for f in failures)) for failures in answer.tries),
            from_digest=kind == "digest",
        )
        self.on_item(article, briefed)
        return briefed

    def first_requests(self, article: Article) -> list[tuple[list[Message], dict, dict]]:
        """(messages, schema, params) of the first ask in every language, for a Batch job
        (articles that need a digest are briefed directly: their prompt depends on its reply)."""
        if not self._fits(article, article.text):
            return []
        return [
            (
                self._brief_messages(article, article.text, "article", lang),
                item_schema(self.brief_prompt, lang, self.settings.max_bullets),
                self._params(self.brief_prompt),
            )
            for lang in self.settings.languages
        ]

    def _brief_languages(self, article: Article, text: str, kind: str, deadline: float) -> list[BriefedItem]:
        """The first language alone (its call puts the shared prefix in the server's cache),
        then the others side by side, each reusing that prefix."""
        first, *others = self.settings.languages
        items = [self.brief(article, text, kind, first, deadline)]
        if others:
            with ThreadPoolExecutor(max_workers=len(others), thread_name_prefix="briefer-lang") as pool:
                items += pool.map(lambda lang: self.brief(article, text, kind, lang, deadline), others)
        return items

    def _verdict(
        self,
        article: Article,
        lang: str,
        parsed: dict | None,
        problem: str,
        locale: dict,
        instructions: list[str],
        cited: list[str] = [],  # noqa: B006 - read, never changed
    ) -> Verdict:
        item = _item_from(parsed, article.id, lang, locale, cited)
        if item is None:
            empty = Item(article_id=article.id, lang=lang, headline="", bullets=())
            reason = problem or f'the reply needs "{locale["headline_key"]}" and "{locale["bullets_key"]}"'
            return Verdict(item=empty, results=(CheckResult(check="reply", passed=False, message=reason),))
        return Verdict(item=item, results=judge_item(self.settings, article, item, instructions, self.identifier))

    # ---- one article, all languages ----

    def brief_article(self, article: Article) -> ArticleOutcome:
        deadline = time.monotonic() + self.settings.article_deadline
        text, kind, digest, spent = article.text, "article", None, None
        for shrink in (1.0, 0.5):  # a refused context is re-chunked smaller once
            try:
                if kind == "digest" or not self._fits(article, text) or shrink < 1:
                    digest, spent = self.digest(article, deadline, shrink)
                    text, kind = digest.as_text(), "digest"
                items = _with_consistency(self._brief_languages(article, text, kind, deadline), self.settings.severity)
                return ArticleOutcome(
                    article=article,
                    items=items,
                    digest=digest,
                    digest_usage=spent.usage if spent else Usage(),
                    digest_calls=spent.calls if spent else 0,
                )
            except ContextTooLongError as exc:
                error = str(exc)
        return ArticleOutcome(article=article, errors=(f"{article.source}: {error}; the article was skipped",))


def brief_instructions(settings: Settings, prompt: Prompt, article: Article, lang: str) -> list[str]:
    """What the model was told for `lang` (the system part and the language's instruction): the
    leakage check looks for it in an item, a run's and an editor's alike."""
    values = {
        "title": article.title,
        "text": "",  # the system part holds no article: the same for every language and article
        "source_kind": "article",
        "words": settings.words_per_item,
        "max_bullets": settings.max_bullets,
        "locale": prompt.locale(lang),
    }
    return [prompt.render("system", **values), prompt.locale(lang)["instruction"]]


def judge_item(
    settings: Settings,
    article: Article,
    item: Item,
    instructions: list[str],
    identifier: LanguageIdentifier,
    others: list[Item] | None = None,
) -> tuple[CheckResult, ...]:
    """Every check on one item, as a run judges it; with `others` (the article's items in its
    other languages), the consistency of figures across them too."""
    results = checks.run_checks(
        item,
        source=f"{article.title}\n{article.text}",
        source_lang=article.lang,
        lang=item.lang,
        words_per_item=settings.words_per_item,
        max_bullets=settings.max_bullets,
        glossary=settings.glossary.get(item.lang, {}),
        instructions=instructions,
        identifier=identifier,
        severity=settings.severity,
    )
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


def _check_of(failure: str) -> str:
    """The check a failure line names ("numbers: ..."); a reply that never became an item is "reply"."""
    check = failure.split(":", 1)[0]
    return check if check in CHECKS else "reply"


def _add(total: Answer, answer: Answer) -> Answer:
    return Answer(
        None, [], total.usage + answer.usage, total.attempts + answer.attempts, answer.model, total.calls + answer.calls
    )


def _item_from(parsed: dict | None, article_id: str, lang: str, locale: dict, cited: list[str]) -> Item | None:
    if not parsed:
        return None
    headline = parsed.get(locale["headline_key"], parsed.get("headline"))
    bullets = parsed.get(locale["bullets_key"], parsed.get("bullets"))
    if not isinstance(headline, str) or not isinstance(bullets, list) or not all(isinstance(b, str) for b in bullets):
        return None
    return Item(
        article_id=article_id,
        lang=lang,
        headline=" ".join(headline.split()),
        bullets=tuple(" ".join(b.split()) for b in bullets),
        evidence=_evidence(parsed.get("evidence"), len(bullets), cited),
    )


def _evidence(numbers: object, bullets: int, cited: list[str]) -> tuple[tuple[str, ...], ...]:
    """Each bullet's cited sentences, by the numbers the reply gave; none at all when the reply
    gave none or a list that does not match its bullets (the item is then judged as before)."""
    if not cited or not isinstance(numbers, list) or len(numbers) != bullets:
        return ()
    found = []
    for bullet in numbers:
        if not isinstance(bullet, list):
            return ()
        found.append(tuple(cited[n - 1] for n in bullet if isinstance(n, int) and 1 <= n <= len(cited)))
    return tuple(found)
