"""An editor's edit, judged by the checks a run judges an item by (`pipeline.judge_item`: form,
language, faithfulness to the source, the glossary, leakage, and the figures against the
item's other languages), and every finding said in plain words for the review page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefer.briefing import pipeline, prompts
from briefer.core.errors import ConfigError
from briefer.core.models import Article, CheckResult, Item
from briefer.lang.langid import LanguageIdentifier
from briefer.settings.config import Settings

# What each check found, in an editor's words; the check's own message follows it.
PLAIN = {
    "reply": "The model's reply could not be read as a brief",
    "structure": "The headline or the bullets are not in shape",
    "length": "Longer than the desk allows",
    "language": "Not written in this language",
    "vocabulary": "Words that are not words of this language (untranslated or garbled)",
    "numbers": "A figure the source does not give",
    "names": "A name the source does not mention",
    "quotes": "A quotation the source does not contain",
    "coverage": "Leaves out what the article is mainly about",
    "relevance": "Not about this article",
    "glossary": "A word the desk's glossary says to avoid",
    "leakage": "Words of the model's instructions, or an instruction planted in the source",
    "consistency": "A figure differs from the same item in another language",
}


def plain(result: CheckResult) -> str:
    """One finding for an editor: what is wrong in words, then the check's particulars."""
    said = PLAIN.get(result.check, result.check)
    return f"{said}: {result.message}" if result.message else said


@dataclass(frozen=True)
class Judged:
    """What the checks said of an edit."""

    results: tuple[CheckResult, ...]

    @property
    def refusals(self) -> tuple[CheckResult, ...]:
        """The findings that would keep a run from publishing it (severity "refuse")."""
        return tuple(result for result in self.results if not result.passed and not result.flag)

    @property
    def findings(self) -> tuple[CheckResult, ...]:
        """Every failed check, refusing or only flagging."""
        return tuple(result for result in self.results if not result.passed)

    @property
    def refused(self) -> bool:
        return bool(self.refusals)

    def why(self) -> str:
        return "; ".join(plain(result) for result in self.refusals)


def judge_edit(
    settings: Settings, article: Article, item: Item, prompt: str, others: list[Item], identifier: LanguageIdentifier
) -> Judged:
    """The checks on an edited item, as the run that wrote it would judge it: the same desk
    settings, the same prompt's instructions (for leakage), the article's items in its other
    languages as they now stand (for consistency)."""
    instructions = pipeline.brief_instructions(settings, _prompt(settings.prompts_dir, prompt), article, item.lang)
    return Judged(pipeline.judge_item(settings, article, item, instructions, identifier, others or None))


def _prompt(folder: Path, spec: str) -> prompts.Prompt:
    try:
        return prompts.load_prompt(folder, spec)
    except ConfigError:  # a prompt version since removed: the newest brief prompt's instructions
        return prompts.load_prompt(folder, "brief")
