"""The data passed from stage to stage (see docs/architecture.md, The data flow)."""

from __future__ import annotations

import hashlib
from datetime import date as Date
from typing import Annotated, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, SkipValidation


class CheckSpec(BaseModel):
    """A check as the rest of briefer knows it: its name (in results, settings and reports),
    what it does to an item it fails by default, and the calibration set's defect kinds it
    must catch. The function that judges lives in checks/ (`checks.JUDGES`, one per name)."""

    model_config = ConfigDict(frozen=True)
    name: str
    severity: Literal["refuse", "flag"]
    catches: tuple[str, ...] = ()


# Every check, in the order an item goes through them: adding one is a row here and its judge in
# checks.JUDGES (a test holds the two together). Severity from the measured precision (README,
# "What the checks catch"): names raised most false alarms on writing the checks had not seen,
# coverage judges what is central and evidence a relation: they flag for an editor to look at.
# Names measured both ways on the tuned set (373 references, 113 wrong names): refusing holds
# back 106 wrong names for 1 more good item refused; but at first sight names failed 9 of 77
# and 15 of 91 good items (rounds 1, 2), so refusing would cost new writing 12-16% of its good
# items against the 99% published goal. It stays a flag until a sealed part says otherwise.
CHECK_TABLE = (
    CheckSpec(name="structure", severity="refuse", catches=("non_sentence",)),
    CheckSpec(name="length", severity="refuse", catches=("too_long",)),
    CheckSpec(name="language", severity="refuse", catches=("foreign_bullet", "foreign_item")),
    CheckSpec(name="vocabulary", severity="refuse", catches=("non_word", "untranslated_word")),
    CheckSpec(name="numbers", severity="refuse", catches=("wrong_number", "invented_number")),
    CheckSpec(name="names", severity="flag", catches=("wrong_name", "invented_name")),
    CheckSpec(name="quotes", severity="refuse", catches=("invented_quote",)),
    CheckSpec(name="coverage", severity="flag", catches=("central_fact_dropped",)),
    CheckSpec(name="relevance", severity="refuse", catches=("unrelated_item",)),
    CheckSpec(name="evidence", severity="flag"),
    CheckSpec(name="glossary", severity="refuse"),
    CheckSpec(name="leakage", severity="refuse", catches=("injection_obeyed", "prompt_revealed", "markup")),
    CheckSpec(name="consistency", severity="refuse"),  # across one article's languages, after the others
)
CHECKS = tuple(spec.name for spec in CHECK_TABLE)
DEFAULT_SEVERITY = {spec.name: spec.severity for spec in CHECK_TABLE}
KIND_CHECK = {kind: spec.name for spec in CHECK_TABLE for kind in spec.catches}  # defect kind -> its check


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Article(Frozen):
    id: str
    title: str
    source: str  # where it came from: a path, a URL, or "stdin"
    url: str | None = None
    published: str | None = None
    lang: str  # ISO 639-1 of the article itself, as detected
    text: str
    also_from: tuple[str, ...] = ()  # other sources of the same story (merged duplicates)

    @staticmethod
    def id_for(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Chunk(Frozen):
    article_id: str
    index: int
    text: str
    n_tokens: int


class Digest(Frozen):
    article_id: str
    facts: tuple[str, ...]

    def as_text(self) -> str:
        return "\n".join(f"- {fact}" for fact in self.facts)


class Usage(Frozen):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cached_tokens=self.cached_tokens + other.cached_tokens,
        )


class PromptRef(Frozen):
    id: str
    version: int
    sha256: str

    def __str__(self) -> str:
        return f"{self.id}@{self.version}"


class Item(Frozen):
    article_id: str
    lang: str
    headline: str
    bullets: tuple[str, ...]
    # Per bullet, the source sentences it rests on, as the model cited them (brief@3); empty
    # when the prompt asks for none or the model gave none: then it is judged as before.
    evidence: tuple[tuple[str, ...], ...] = ()

    def text(self) -> str:
        return "\n".join((self.headline, *self.bullets))


class CheckResult(Frozen):
    check: str
    passed: bool
    message: str = ""
    flag: bool = False  # failed, but the desk's severity for this check is "flag": published, marked


class Verdict(Frozen):
    item: Item
    results: tuple[CheckResult, ...]

    @property
    def passed(self) -> bool:
        """Published: no check refused it (flagged ones may have failed)."""
        return all(result.passed or result.flag for result in self.results)

    @property
    def failures(self) -> tuple[CheckResult, ...]:
        """The checks that refused the item."""
        return tuple(result for result in self.results if not result.passed and not result.flag)

    @property
    def flags(self) -> tuple[CheckResult, ...]:
        """The checks that failed but only flag: the item is published with a mark."""
        return tuple(result for result in self.results if not result.passed and result.flag)


class BriefedItem(Frozen):
    """An item as written: the last verdict, plus what made it."""

    verdict: Verdict
    prompt: PromptRef
    model: str
    usage: Usage
    attempts: int
    calls: int = 0  # requests that reached the endpoint
    refused: tuple[tuple[str, ...], ...] = ()  # the checks that refused each attempt in turn
    from_digest: bool = False

    @property
    def passed(self) -> bool:
        return self.verdict.passed


class ArticleOutcome(Frozen):
    article: Article
    items: tuple[BriefedItem, ...] = ()
    errors: tuple[str, ...] = ()  # per-language errors that left no item (one line each)
    digest: Digest | None = None
    digest_usage: Usage = Field(default_factory=Usage)
    digest_calls: int = 0
    waiting: str = ""  # set aside for a temporary reason (endpoint fault, stopped run): the next run briefs it

    def item_in(self, lang: str) -> BriefedItem | None:
        return next((item for item in self.items if item.verdict.item.lang == lang), None)

    def fate(self, lang: str) -> Fate:
        """What became of this article in `lang`, worded once for every output: the pages, the
        feeds, briefing.json, report.json, the manifest and the problems printed after a run."""
        item = self.item_in(lang)
        if item is None and self.waiting:
            return Fate(status="waiting", line=f"waiting for the next run: {self.waiting}", reasons=(self.waiting,))
        if item is None:
            reasons = self.errors or ("no reply",)
            return Fate(status="not briefed", line="not briefed: " + "; ".join(reasons), reasons=reasons)
        findings = item.verdict.flags if item.passed else item.verdict.failures
        status: Literal["passed", "flagged", "failed"] = (
            ("flagged" if findings else "passed") if item.passed else "failed"
        )
        reasons = tuple(f"{finding.check}: {finding.message}" for finding in findings)
        return Fate(
            status=status,
            line=f"{status}: {'; '.join(reasons)}" if reasons else status,
            checks=tuple(sorted({finding.check for finding in findings})),
            reasons=reasons,
        )


FateStatus = Literal["passed", "flagged", "failed", "waiting", "not briefed"]


class Fate(Frozen):
    """One article in one language: published ("passed", "flagged") or not ("failed": a check
    refused it; "waiting": a temporary fault, the next run briefs it; "not briefed")."""

    status: FateStatus
    line: str  # the one sentence: "flagged: names: names not in the source: X", "waiting for the next run: ..."
    checks: tuple[str, ...] = ()  # the checks that refused or flagged the item, sorted
    reasons: tuple[str, ...] = ()  # "check: message" per finding, or why no item was made

    @property
    def published(self) -> bool:
        return self.status in ("passed", "flagged")

    @property
    def why(self) -> str:
        """The line without its status, for where a label says the status already."""
        return "; ".join(self.reasons)


Novelty = Literal["new", "update", "repeat"]


class Standing(Frozen):
    """Where a story stands among the day's: new, an update or a repeat of an earlier day's
    story (from the story memory), and its rank with the reasons for it."""

    novelty: Novelty = "new"
    first_seen: Date | None = None  # the first day the story was published, for updates and repeats
    new_facts: tuple[str, ...] = ()  # for an update: the figures and names earlier days did not have
    rank: int = 0  # 1 is the most important story of the day
    score: float = 0.0
    reasons: tuple[str, ...] = ()  # what the score is made of, in words
    story: str = ""  # the story memory's facts (story.facts_json) as compact JSON: ten thousand stay small

    def mark(self, labels: dict[str, str]) -> str:
        """The novelty as readers see it, in a language's words: "New", "Update (since
        2026-11-26): €135 million, Piret Saar", "Repeat (since 2026-11-26)"."""
        since = f" ({labels['since']} {self.first_seen.isoformat()})" if self.first_seen else ""
        if self.novelty == "new":
            return labels["new"]
        facts = ": " + ", ".join(self.new_facts) if self.novelty == "update" and self.new_facts else ""
        return f"{labels[self.novelty]}{since}{facts}"

    @classmethod
    def from_json(cls, document: dict) -> Standing:
        """The novelty part of `json()`, read back from a day's briefing.json."""
        return cls(
            novelty=document.get("novelty", "new"),
            first_seen=document.get("first_seen"),
            new_facts=tuple(document.get("new_facts", ())),
        )

    def explained(self) -> dict:
        """How briefing.json explains the story's place: its novelty and its rank."""
        return {
            "novelty": self.novelty,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "new_facts": list(self.new_facts),
            "rank": self.rank,
            "score": self.score,
            "because": list(self.reasons),
        }


class BriefingEntry(Frozen):
    article: Article
    item: BriefedItem | None  # None when no reply survived (the fate says why)
    fate: Fate
    standing: Standing = Field(default_factory=lambda: Standing())

    @property
    def published_item(self) -> Item:
        """The item of a published entry (passed or flagged): it always has one."""
        if self.item is None:
            raise ValueError(f"{self.article.source}: no item, {self.fate.line}")
        return self.item.verdict.item

    @property
    def developing(self) -> bool:
        """A published repeat: listed compactly under "still developing", after the day's news."""
        return self.fate.published and self.standing.novelty == "repeat"


class Briefing(Frozen):
    lang: str
    date: Date
    model: str
    entries: Annotated[Iterable[BriefingEntry], SkipValidation]  # re-iterable, made as read (spill.Stream)
    title: str = ""  # the desk's title; empty: the language's own word for a daily briefing
