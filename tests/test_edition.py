"""The edition readers get: built once from the run, then mailed and posted as it is. Only
published items; a flagged one marked in the reader's words or held back; no check names,
paths or model; a plain text part; the language named; one message per recipient."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from receivers import Receiver, smtp_server

from briefer.core.models import (
    Article,
    ArticleOutcome,
    BriefedItem,
    CheckResult,
    Item,
    PromptRef,
    Standing,
    Usage,
    Verdict,
)
from briefer.core.report import RunReport
from briefer.delivery.deliver import deliver
from briefer.outputs import edition
from briefer.settings.config import Settings
from briefer.settings.delivery_settings import Deliver

DAY = date(2026, 11, 27)
PROMPT = PromptRef(id="brief", version=1, sha256="0" * 64)
PASSED = CheckResult(check="numbers", passed=True)
FLAGGED = CheckResult(check="names", passed=False, flag=True, message="names not in the source: Lars")
REFUSED = CheckResult(check="numbers", passed=False, message="999 is not in the source")
HEADLINES = {
    "en": ("Agency (KTF) cuts *rates* to 4.1%", "Lars opens the [new] bridge", "Refused story about 999"),
    "de": ("Behörde (KTF) senkt *Zinsen* auf 4,1 %", "Lars eröffnet die [neue] Brücke", "Abgelehnte Meldung zu 999"),
}
TOKEN = "T0/B0/edition-hook"


def _report() -> RunReport:
    """Three stories in English and German: one passed, one flagged, one refused (and the
    second a repeat of an earlier day, listed last)."""
    articles = [
        Article(id=str(n) * 64, title=f"Story {n}", source=f"/srv/desk/story{n}.txt", url=url, lang="en", text="t")
        for n, url in ((1, "https://news.example/rates"), (2, None), (3, "https://news.example/999"))
    ]

    def briefed(article: Article, lang: str, headline: str, result: CheckResult) -> BriefedItem:
        item = Item(article_id=article.id, lang=lang, headline=headline, bullets=(f"{headline}: more (details).",))
        return BriefedItem(
            verdict=Verdict(item=item, results=(result,)),
            prompt=PROMPT,
            model="secret-model",
            usage=Usage(),
            attempts=1,
        )

    outcomes = tuple(
        ArticleOutcome(
            article=article,
            items=tuple(briefed(article, lang, HEADLINES[lang][n], result) for lang in ("en", "de")),
        )
        for n, (article, result) in enumerate(zip(articles, (PASSED, FLAGGED, REFUSED)))
    )
    standing = {articles[1].id: Standing(novelty="repeat", first_seen=date(2026, 11, 26), rank=2)}
    return RunReport(
        desk="morning", date=DAY, languages=("en", "de"), model="secret-model", outcomes=outcomes, standing=standing
    )


def _desk(**values: Any) -> Settings:
    return Settings(desk="morning", title="Morning desk", languages=("en", "de"), **values)


def _channels(port: int) -> Deliver:
    return Deliver.model_validate(
        {
            "retries": 0,
            "email": {
                "host": "127.0.0.1",
                "port": port,
                "security": "none",
                "from": "briefer@example.org",
                "to": ["a@example.org", "b@example.org"],
                "unsubscribe": "leave@example.org",
            },
            "webhooks": [{"kind": "slack", "url_env": "HOOK"}],
        }
    )


def _delivered(settings: Settings, tmp_path: Path) -> tuple[list[Any], list[Any]]:
    with smtp_server() as (port, inbox), Receiver() as chat:
        config = _channels(port)
        environ = {"HOOK": f"{chat.origin}/slack/{TOKEN}"}
        report = deliver(edition.build(_report(), settings), config, tmp_path / "log.sqlite", environ=environ)
    assert report.exit_code == 0, report.failed
    return inbox.messages, chat.to(f"/slack/{TOKEN}")


def test_mail_and_chat_carry_only_published_items_flagged_ones_marked_for_readers(tmp_path: Path) -> None:
    messages, posts = _delivered(_desk(), tmp_path)
    assert sorted((to, m["To"], m["Content-Language"]) for to, m in messages) == [
        (["a@example.org"], "a@example.org", "de"),
        (["a@example.org"], "a@example.org", "en"),
        (["b@example.org"], "b@example.org", "de"),
        (["b@example.org"], "b@example.org", "en"),
    ]  # each recipient their own message
    german = next(m for _, m in messages if m["Content-Language"] == "de")
    assert german["Subject"] == "Morning desk · 2026-11-27 · Deutsch"
    assert german["List-Unsubscribe"] == "<mailto:leave@example.org?subject=unsubscribe>"
    text = german.get_body(("plain",)).get_content().replace("\r\n", "\n")  # lines end in CRLF on the wire
    assert text.startswith("Morning desk — 2026-11-27\n\nBehörde (KTF) senkt *Zinsen* auf 4,1 %\nNeu\n")
    assert "\\" not in text  # plain text: no Markdown escapes
    assert "Lars eröffnet die [neue] Brücke — Unverändert (seit 2026-11-26) · ⚑ Angaben unbestätigt" in text
    assert "Quelle: Story 1 https://news.example/rates" in text
    assert text.rstrip().endswith("Mit Hilfe von KI aus den genannten Quellen verfasst; automatisch geprüft.")
    for _, message in messages:
        for part in (message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content()):
            assert "999" not in part  # the refused item, in every language and part
            for jargon in ("names not in the source", "numbers", "secret-model", "/srv/desk", "story2.txt"):
                assert jargon not in part, jargon
    [english, german_post] = sorted(posts, key=lambda post: "Behörde" in post["text"])
    assert english["text"].splitlines()[1:] == [
        "• [New] Agency (KTF) cuts *rates* to 4.1% <https://news.example/rates|Source>",
        "• [Repeat (since 2026-11-26) · ⚑ Details unconfirmed] Lars opens the [new] bridge",
        "Written with the help of AI from the sources named; checked automatically.",
    ]  # the Markdown's order: the day's news, then what is still developing; each mark once
    assert "999" not in german_post["text"] and "names" not in german_post["text"]


def test_a_desk_that_holds_flagged_items_leaves_them_out_and_can_reword_the_ai_line(tmp_path: Path) -> None:
    messages, posts = _delivered(_desk(flagged="hold", disclosure={"de": "KI-gestützt."}), tmp_path)
    for _, message in messages:
        text = message.get_body(("plain",)).get_content()
        assert "Lars" not in text and "999" not in text and ("KTF" in text)
    german = (
        next(m for _, m in messages if m["Content-Language"] == "de")
        .get_body(("plain",))
        .get_content()
        .replace("\r", "")
    )
    english = next(m for _, m in messages if m["Content-Language"] == "en").get_body(("plain",)).get_content()
    assert german.rstrip().endswith("--\nKI-gestützt.") and "Written with the help of AI" in english
    assert all("Lars" not in post["text"] for post in posts)
    silent = edition.build(_report(), _desk(disclosure=False))
    assert all(not e.disclosure and "AI" not in edition.text(e) and "KI" not in edition.text(e) for e in silent)


def test_the_desk_report_keeps_every_item_with_its_reasons(tmp_path: Path) -> None:
    """What the edition leaves out stays in the editors' files."""
    from briefer.outputs.render import write_outputs

    report = _report()
    written = write_outputs(
        report, tmp_path, edition.day_files(edition.build(report, _desk(flagged="hold")), tmp_path, tmp_path)
    )
    day = tmp_path / "2026-11-27"
    markdown = (day / "briefing.en.md").read_text(encoding="utf-8")
    assert "999 is not in the source" in markdown and "names not in the source: Lars" in markdown
    reader = (day / "edition.en.html").read_text(encoding="utf-8")
    assert "Lars" not in reader and "999" not in reader and "KTF" in reader
    assert {path.name for path in written} >= {"edition.en.json", "edition.de.json", "feed.en.atom", "edition.de.html"}


@pytest.mark.parametrize("lang", ["en", "de", "fr", "pl", "uk", "es", "it"])
def test_every_language_has_its_reader_words(lang: str) -> None:
    assert set(edition.EDITION_WORDS[lang]) == set(edition.EDITION_WORDS["en"])
    assert all(edition.EDITION_WORDS[lang].values())


def test_a_day_with_nothing_published_sends_nothing(tmp_path: Path) -> None:
    report = _report()
    refused_only = report.model_copy(update={"outcomes": report.outcomes[2:]})  # only the refused story
    editions = edition.build(refused_only, _desk())
    assert [e.items for e in editions] == [(), ()]
    with smtp_server() as (port, inbox), Receiver() as chat:
        sent = deliver(editions, _channels(port), tmp_path / "log.sqlite", environ={"HOOK": f"{chat.origin}/x"})
    assert (sent.sent, sent.failed, inbox.messages, chat.posts) == ((), (), [], [])


def test_a_control_character_can_never_break_the_day_feed_or_drop_the_day_from_the_stable_feed(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    from briefer.outputs.archive import stable_feed

    item = edition.EditionItem(id="c" * 32, headline="Rates\u0008 rise\u0000", bullets=("Up\u001b to 4.1%\ufffe.",))
    day = edition.Edition(desk="morning", day=date(2025, 6, 2), lang="en", title="Morning\u000b", items=(item,))
    folder = tmp_path / "morning" / "2025-06-02"
    folder.mkdir(parents=True)
    (folder / "feed.en.atom").write_text("".join(edition.day_feed(day)), encoding="utf-8")
    root = ET.parse(folder / "feed.en.atom").getroot()  # well-formed XML 1.0
    [title] = [element.text for element in root.iter("{http://www.w3.org/2005/Atom}title")][1:]
    assert title == "Rates rise"
    stable = ET.fromstring("".join(stable_feed(tmp_path / "morning", "morning", "en", 7)))
    assert len(stable.findall("{http://www.w3.org/2005/Atom}entry")) == 1  # the day is still in it
