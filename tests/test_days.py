"""Two mornings in a row on the bundled fixtures (fixtures/days/): the story memory marks what
is new, an update or a repeat in every output; the feed stays at one address and keeps both
days; the archive page links both days; each day is delivered once, by mail and to chat."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterator

import pytest
from briefs import asked, is_brief
from conftest import FIXTURES
from fake_openai import FakeOpenAI, Step
from receivers import Receiver, smtp_server

from briefer.cli import main
from briefer.core.errors import BrieferError
from briefer.settings.config import load_yaml
from briefer.sources.ingest import parse_article

pytestmark = pytest.mark.e2e

DAYS = FIXTURES / "days"
LANGUAGES = ("en", "de", "fr", "pl", "uk")
ATOM = "{http://www.w3.org/2005/Atom}"


def _references() -> dict[str, dict[str, Any]]:
    """The hand-written briefs of fixtures/days/briefs, by article title: the model's replies."""
    found = {}
    for path in sorted((DAYS / "briefs").glob("*.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8"), str(path))
        source = FIXTURES / data["article"]
        found[parse_article(source.read_text(encoding="utf-8"), source.name, source.suffix).title] = data["references"]
    return found


def _responder(references: dict[str, dict[str, Any]]):
    def reply(body: dict[str, Any]) -> Step:
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        title = next(t for t in references if f"Title: {t}\n" in user)
        assert is_brief(body), "these articles are short: no digest"
        lang, headline_key, bullets_key = asked(body)
        reference = references[title][lang]
        return Step(
            content=json.dumps(
                {headline_key: reference["headline"], bullets_key: reference["bullets"]}, ensure_ascii=False
            )
        )

    return reply


def _config(tmp_path: Path, smtp_port: int, languages: tuple[str, ...] = LANGUAGES, deliver: str = "") -> Path:
    config = tmp_path / "briefer.toml"
    config.write_text(
        f"""
[settings]
model = "strong-model"
cache_dir = "{tmp_path / "cache"}"
http_retries = 0

[desks.morning]
title = "Morning desk"
languages = {json.dumps(list(languages))}

[desks.morning.deliver]
retries = 0
{deliver}
[desks.morning.deliver.email]
host = "127.0.0.1"
port = {smtp_port}
security = "none"
from = "briefer@example.org"
to = ["desk@example.org"]
[[desks.morning.deliver.webhooks]]
kind = "slack"
url_env = "TEST_SLACK_HOOK"
languages = ["en"]
""",
        encoding="utf-8",
    )
    return config


def _run(config: Path, out: Path, day: str, *extra: str, sources: list[str] | None = None) -> int:
    sources = sources or [str(path) for path in sorted((DAYS / day).glob("*.txt"))]
    with pytest.raises(SystemExit) as exited:
        try:
            main(
                ["run", *sources, "--desk", "morning", "--config", str(config), "--out", str(out), "--date", day]
                + list(extra),
                standalone_mode=False,
            )
        except BrieferError as error:  # as the console entry point says it: one line, its exit code
            raise SystemExit(error.exit_code) from None
    return exited.value.code


@pytest.fixture(scope="module")
def two_days(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp_path = tmp_path_factory.mktemp("days")
    out = tmp_path / "out"
    monkeypatch = pytest.MonkeyPatch()
    with smtp_server() as (port, inbox), Receiver() as chat, FakeOpenAI(responder=_responder(_references())) as fake:
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{chat.origin}/slack/T0/B0/secret")
        config = _config(tmp_path, port)
        codes = [_run(config, out, "2026-11-26")]
        first_feed = (out / "morning" / "feed.en.atom").read_text(encoding="utf-8")
        codes.append(_run(config, out, "2026-11-27"))
        mails, posts = len(inbox.messages), len(chat.posts)
        codes.append(_run(config, out, "2026-11-27"))  # cron runs the day again
        rerun_sent = (len(inbox.messages) - mails, len(chat.posts) - posts)
        yield {
            "out": out,
            "codes": codes,
            "first_feed": first_feed,
            "inbox": inbox,
            "chat": chat,
            "mails": mails,
            "rerun_sent": rerun_sent,
            "config": config,
        }
    monkeypatch.undo()


def _stories(out: Path, day: str) -> dict[str, dict[str, Any]]:
    document = json.loads((out / "morning" / day / "briefing.json").read_text(encoding="utf-8"))
    return {Path(article["source"]).name.split("-")[0]: article for article in document["articles"]}


def test_both_mornings_publish_every_item(two_days) -> None:
    assert two_days["codes"] == [0, 0, 0]
    for day in ("2026-11-26", "2026-11-27"):
        statuses = {item["status"] for article in _stories(two_days["out"], day).values() for item in article["items"]}
        assert statuses <= {"passed", "flagged"}, (day, statuses)


def test_the_second_morning_marks_the_update_the_repeat_and_the_new_story(two_days) -> None:
    first = _stories(two_days["out"], "2026-11-26")
    assert {key: a["standing"]["novelty"] for key, a in first.items()} == {"a": "new", "b": "new", "d": "new"}
    second = _stories(two_days["out"], "2026-11-27")
    assert {key: a["standing"]["novelty"] for key, a in second.items()} == {"a": "update", "b": "repeat", "c": "new"}
    update = second["a"]["standing"]
    assert update["first_seen"] == "2026-11-26"
    assert any("135" in fact for fact in update["new_facts"]) and "Piret Saar" in update["new_facts"]
    assert not any("120" in fact or "Kadri" in fact for fact in update["new_facts"])  # day one's facts are not new
    assert second["b"]["standing"]["first_seen"] == "2026-11-26"
    assert all(a["standing"]["because"] for a in second.values())  # the rank is explained


def test_markdown_and_html_show_the_marks_and_list_the_repeat_under_still_developing(two_days) -> None:
    day = two_days["out"] / "morning" / "2026-11-27"
    markdown = (day / "briefing.en.md").read_text(encoding="utf-8").replace("\\", "")  # as rendered: no escapes
    news, developing = markdown.split("## Still developing")
    assert re.search(r"\*Update \(since 2026-11-26\): [^*]*135[^*]*Piret Saar", news)
    assert "*New*" in news and "Kabelwerk" not in news and "Reinsdorf" in developing
    assert "Repeat (since 2026-11-26)" in developing
    german = (day / "briefing.de.md").read_text(encoding="utf-8").replace("\\", "")
    assert "## Weiterhin aktuell" in german and "Aktualisiert (seit 2026-11-26)" in german
    html = (day / "briefing.uk.html").read_text(encoding="utf-8")
    assert "Тема триває" in html and "Оновлення (з 2026-11-26)" in html


def test_the_desk_page_and_the_feeds_carry_the_marks(two_days) -> None:
    out = two_days["out"] / "morning"
    page = (out / "2026-11-27" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<article class="update', page) and '<section class="developing">' in page
    feed = ET.fromstring((out / "2026-11-27" / "feed.en.atom").read_text(encoding="utf-8"))
    terms = sorted(c.get("term") for c in feed.iter(f"{ATOM}category"))
    assert terms == ["new", "repeat", "update"]


def test_the_feed_keeps_its_address_and_both_days_with_their_ids(two_days) -> None:
    out = two_days["out"] / "morning"
    before = ET.fromstring(two_days["first_feed"])
    after = ET.fromstring((out / "feed.en.atom").read_text(encoding="utf-8"))
    ids_before = {e.find(f"{ATOM}id").text: e.find(f"{ATOM}updated").text for e in before.iter(f"{ATOM}entry")}
    ids_after = {e.find(f"{ATOM}id").text: e.find(f"{ATOM}updated").text for e in after.iter(f"{ATOM}entry")}
    assert len(ids_before) == 3 and len(ids_after) == 5  # day 2 adds the update and the new story, not the repeat
    assert ids_before.items() <= ids_after.items()  # entries keep their ids and dates
    assert {updated[:10] for updated in ids_after.values()} == {"2026-11-26", "2026-11-27"}


@pytest.mark.parametrize("edition_kept", [True, False])
def test_a_day_feed_broken_on_disk_is_made_again_from_its_edition_or_named(
    two_days, tmp_path: Path, edition_kept: bool
) -> None:
    """A day written before control characters were filtered holds one in its feed: the desk's
    feed of the last days must not lose that day in silence."""
    from briefer.outputs.archive import update

    out = tmp_path / "out"
    shutil.copytree(two_days["out"], out)
    day = out / "morning" / "2026-11-26"
    feed = day / "feed.en.atom"
    feed.write_text(feed.read_text(encoding="utf-8").replace("<title>", "<title>\b", 2), encoding="utf-8")
    if not edition_kept:
        (day / "edition.en.json").unlink()
    renewed = update(out, out / "morning", "morning", ("en",), 7, "Morning desk")
    stable = ET.fromstring((out / "morning" / "feed.en.atom").read_text(encoding="utf-8"))
    days = sorted(e.find(f"{ATOM}updated").text[:10] for e in stable.iter(f"{ATOM}entry"))
    [problem] = renewed.problems
    if edition_kept:
        assert days == ["2026-11-26"] * 3 + ["2026-11-27"] * 2  # the day's three items are still there
        assert problem.startswith("the 2026-11-26 feed (en) was broken (ParseError: not well-formed")
        assert problem.endswith("made again from the day's edition")
        assert len(list(ET.parse(feed).getroot().iter(f"{ATOM}entry"))) == 3  # mended on disk, for readers too
    else:
        assert days == ["2026-11-27"] * 2
        assert "2026-11-26 feed (en) is broken" in problem and "left out of morning/feed.en.atom" in problem


def test_latest_holds_the_newest_edition_only_and_the_archive_links_both(two_days) -> None:
    """latest/ is what readers are pointed at: the newest day's edition (its pages, JSON and
    feed per language), never the desk report with refused items and their reasons."""
    out = two_days["out"]
    latest = out / "morning" / "latest"
    edition = json.loads((latest / "edition.en.json").read_text(encoding="utf-8"))
    assert edition["day"] == "2026-11-27"
    names = sorted(path.name for path in latest.iterdir())
    assert not [name for name in names if name.startswith(("briefing", "report"))], names
    assert "feed.de.atom" in names and "edition.uk.html" in names
    assert (latest / "index.html").read_text(encoding="utf-8") == (latest / "edition.en.html").read_text(
        encoding="utf-8"
    )
    archive = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="morning/2026-11-27/index.html"' in archive and 'href="morning/2026-11-26/index.html"' in archive
    assert 'href="morning/feed.en.atom"' in archive


def _valid_atom(path: Path) -> list[ET.Element]:
    """The feed's entries, once the feed is well-formed Atom with the elements RFC 4287 requires:
    the feed's id, title, updated and author; each entry's id, title, updated and, having no
    content, a link rel="alternate"."""
    feed = ET.parse(path).getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{name}") or "").strip(), name
    assert feed.findtext(f"{ATOM}author/{ATOM}name")
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        links = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert len(links) == 1 and links[0].get("href"), ET.tostring(entry)
    return entries


def test_the_feeds_are_valid_atom_titled_by_the_desk_and_every_entry_links(two_days) -> None:
    desk = two_days["out"] / "morning"
    for path in (desk / "feed.en.atom", desk / "2026-11-27" / "feed.de.atom"):
        assert ET.parse(path).getroot().findtext(f"{ATOM}title") == "Morning desk", path
        entries = _valid_atom(path)
        assert entries, path
        for entry in entries:
            href = entry.find(f"{ATOM}link").get("href")
            if not href.startswith("https://"):  # an article without a URL: its item on the day's page
                page, _, anchor = href.partition("#")
                target = path.parent / page
                assert target.is_file() and f'id="{anchor}"' in target.read_text(encoding="utf-8"), href


def test_the_archive_names_desks_by_title_and_the_day_pages_link_back_and_to_the_day_before(two_days) -> None:
    out = two_days["out"]
    archive = (out / "index.html").read_text(encoding="utf-8")
    assert "<td>Morning desk</td>" in archive and "<td>morning</td>" not in archive
    assert 'href="morning/2026-11-27/index.html"' in archive
    for page in ("index.html", "edition.en.html"):
        second = (out / "morning" / "2026-11-27" / page).read_text(encoding="utf-8")
        first = (out / "morning" / "2026-11-26" / page).read_text(encoding="utf-8")
        assert 'href="../../index.html"' in second and f'href="../2026-11-26/{page}"' in second, page
        assert 'href="../../index.html"' in first and "2026-11-25" not in first and 'rel="prev"' not in first


@pytest.mark.browser
def test_the_archive_page_leads_to_each_day_in_a_real_browser(two_days, chromium: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
        )
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto((two_days["out"] / "index.html").as_uri())
        assert page.locator("#days tr").count() == 3  # a heading and two days
        for day in ("2026-11-27", "2026-11-26"):
            page.click(f"text={day}")
            assert page.locator("h1").inner_text() == f"Morning desk — {day}"
            assert page.locator("section#en article").first.is_visible()
            page.go_back()
        browser.close()
    assert errors == []


def test_each_day_is_mailed_per_language_with_both_parts_and_posted_once(two_days) -> None:
    inbox, chat = two_days["inbox"], two_days["chat"]
    assert two_days["mails"] == 2 * len(LANGUAGES)
    languages = [message["Content-Language"] for _, message in inbox.messages[: two_days["mails"]]]
    assert sorted(languages) == sorted(LANGUAGES * 2)
    message = next(m for _, m in inbox.messages if m["Content-Language"] == "pl" and "2026-11-27" in m["Subject"])
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Wciąż aktualne" in text and "Aktualizacja" in text
    assert '<html lang="pl">' in html and "<script" not in html
    assert [len(chat.to(path)) for path in ("/slack/T0/B0/secret",)] == [2]  # en only, one per day
    assert two_days["rerun_sent"] == (0, 0)  # the cron rerun sent nothing twice


def test_briefer_send_delivers_a_day_again_on_purpose(two_days, monkeypatch, capsys) -> None:
    with smtp_server() as (port, inbox), Receiver() as chat:
        (two_days["out"].parent / "send").mkdir(exist_ok=True)
        config = _config(two_days["out"].parent / "send", port)
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{chat.origin}/slack/T0/B0/secret")
        with pytest.raises(SystemExit) as exited:
            main(
                [
                    "send",
                    "--date",
                    "2026-11-26",
                    "--desk",
                    "morning",
                    "--config",
                    str(config),
                    "--out",
                    str(two_days["out"]),
                ],
                standalone_mode=False,
            )
    assert exited.value.code == 0
    assert len(inbox.messages) == len(LANGUAGES) and len(chat.posts) == 1
    assert "delivered 6 messages" in capsys.readouterr().out


def test_a_failing_webhook_is_retried_reported_the_briefing_kept_and_the_run_exits_75(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    with (
        smtp_server() as (port, inbox),
        Receiver({"/slack/down": 500}) as chat,
        FakeOpenAI(responder=_responder(_references())) as fake,
    ):
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{chat.origin}/slack/down")
        config = _config(tmp_path, port)
        config.write_text(config.read_text().replace("\nretries = 0", "\nretries = 1\nbackoff = 0"), encoding="utf-8")
        code = _run(config, tmp_path / "out", "2026-11-26")
    assert code == 75  # try again later: the rerun sends what did not go
    assert len(chat.to("/slack/down")) == 2  # the first try and one retry
    assert len(inbox.messages) == len(LANGUAGES)  # the mail still went out
    report = json.loads((tmp_path / "out" / "morning" / "2026-11-26" / "report.json").read_text())
    assert report["exit_code"] == 75 and len(report["delivery"]["failed"]) == 1
    assert (
        "slack webhook (TEST_SLACK_HOOK)" in report["delivery"]["failed"][0]
        and "500" in report["delivery"]["failed"][0]
    )
    assert (tmp_path / "out" / "morning" / "2026-11-26" / "briefing.en.md").is_file()
    assert "not delivered" in capsys.readouterr().err


def test_a_delivery_log_failing_after_a_send_exits_75_with_report_json_naming_the_unrecorded_message(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    out = tmp_path / "out"

    def damage_the_log(path: str) -> None:  # a disk fault just as the chat post goes out
        (out / "deliveries.sqlite").write_bytes(b"not a database " * 512)

    with (
        smtp_server() as (port, inbox),
        Receiver(on_post=damage_the_log) as chat,
        FakeOpenAI(responder=_responder(_references())) as fake,
    ):
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{chat.origin}/slack/hook")
        code = _run(_config(tmp_path, port), out, "2026-11-26")  # no traceback: an exit code
    assert code == 75
    report = json.loads((out / "morning" / "2026-11-26" / "report.json").read_text())
    assert report["exit_code"] == 75 and len(inbox.messages) == len(LANGUAGES) and len(chat.posts) == 1
    [unrecorded] = report["delivery"]["unrecorded"]
    assert unrecorded.startswith("morning 2026-11-26 en: slack webhook (TEST_SLACK_HOOK): sent, but not marked sent")
    assert "not marked sent in the delivery log" in capsys.readouterr().err


def test_a_lost_memory_is_rebuilt_from_the_briefings_and_the_run_says_so(
    two_days, tmp_path: Path, monkeypatch, capsys
) -> None:
    out = tmp_path / "out"
    shutil.copytree(two_days["out"] / "morning" / "2026-11-26", out / "morning" / "2026-11-26")
    (out / "memory.sqlite").write_bytes(b"not a database")
    with FakeOpenAI(responder=_responder(_references())) as fake:
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        plain = tmp_path / "plain.toml"  # the desk without delivery: only the memory matters here
        plain.write_text(
            f'[settings]\nmodel = "strong-model"\ncache_dir = "{tmp_path / "cache"}"\n'
            f'[desks.morning]\nlanguages = ["en"]\n',
            encoding="utf-8",
        )
        code = _run(plain, out, "2026-11-27")
    assert code == 0
    assert "memory rebuilt from 1 day of briefing.json (was unreadable" in capsys.readouterr().out
    assert {k: a["standing"]["novelty"] for k, a in _stories(out, "2026-11-27").items()} == {
        "a": "update",
        "b": "repeat",
        "c": "new",
    }


STORM = "Tempête Bettina"  # the article of 2026-11-26 the endpoint fails on, while it is down


def _failing_on_the_storm(down: dict[str, bool]):
    answer = _responder(_references())

    def reply(body: dict[str, Any]) -> Step:
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        return Step(status=503) if down["on"] and STORM in user else answer(body)

    return reply


def _plain(message: Any) -> str:
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def test_a_day_goes_out_only_when_final_and_then_once(tmp_path: Path, monkeypatch) -> None:
    down = {"on": True}
    out = tmp_path / "out"
    with (
        smtp_server() as (port, inbox),
        Receiver() as chat,
        FakeOpenAI(responder=_failing_on_the_storm(down)) as fake,
    ):
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{chat.origin}/slack/T0/B0/secret")
        config = _config(tmp_path, port, ("en", "de"))
        waiting = _run(config, out, "2026-11-26")
        sent_while_waiting = (len(inbox.messages), len(chat.posts))
        editions_while_waiting = sorted(path.name for path in (out / "morning").rglob("edition.*"))
        stable_feed = ET.parse(out / "morning" / "feed.en.atom").getroot()
        down["on"] = False
        final = _run(config, out, "2026-11-26")
        sent_when_final = (len(inbox.messages), len(chat.posts))
        again = _run(config, out, "2026-11-26")
    assert (waiting, sent_while_waiting) == (75, (0, 0))  # nothing goes out while an article waits
    assert editions_while_waiting == [] and stable_feed.findall(f"{ATOM}entry") == []  # not in the feeds either
    assert (out / "morning" / "2026-11-26" / "briefing.en.md").is_file()  # the desk report is written
    assert final == 0 and sent_when_final == (2, 1) and again == 0
    assert (len(inbox.messages), len(chat.posts)) == (2, 1)  # the complete day, once
    english = next(m for _, m in inbox.messages if m["Content-Language"] == "en")
    references = _references()
    for title in references:
        if title.startswith(("Tartu council", "Kabelwerk bei", STORM)):
            assert references[title]["en"]["headline"] in _plain(english), title
    assert _plain(english).count("\n- ") >= 3  # every story, not only the ones of the first run
    report = json.loads((out / "morning" / "2026-11-26" / "report.json").read_text(encoding="utf-8"))
    assert report["delivery"]["already_sent"] and not report["delivery"]["sent"]


# How the morning after the killed run goes: it briefs its own day ("list"), has nothing new
# (every story a repeat the desk skips), finds no readable source, or waits for a Batch job.
NEXT_MORNINGS = {"list": 0, "skip": 0, "no source": 2, "batch pending": 75, "over budget": 3}


@pytest.mark.parametrize("next_morning", list(NEXT_MORNINGS))
def test_a_day_written_but_killed_before_delivery_goes_out_with_the_next_run_first(
    tmp_path: Path, monkeypatch, next_morning: str
) -> None:
    from fake_batch import FakeBatch

    import briefer.app.run

    def killed(*args: Any, **kwargs: Any) -> Any:  # kill -9 after the day's files, before delivery
        raise SystemExit(137)

    out, sources = tmp_path / "out", [str(path) for path in sorted((DAYS / "2026-11-27").glob("*.txt"))]
    sources = [str(tmp_path / "not-there.txt")] if next_morning == "no source" else sources
    if next_morning == "batch pending":  # an article the reply cache has not seen: the Batch job is needed
        fresh = tmp_path / "a-tartu-tram-cost.txt"
        fresh.write_text(Path(sources[0]).read_text(encoding="utf-8") + "\nThe council meets again on Friday.\n")
        sources = [str(fresh)]
    repeats = "skip" if next_morning == "skip" else "list"
    with (
        smtp_server() as (port, inbox),
        Receiver() as chat,
        FakeOpenAI(responder=_responder(_references())) as fake,
        FakeBatch(responder=_responder(_references()), polls_before_done=10) as batch,
    ):
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{chat.origin}/slack/hook")
        config = _config(tmp_path, port, ("en", "de"))
        config.write_text(config.read_text().replace("[desks.morning]\n", f'[desks.morning]\nrepeats = "{repeats}"\n'))
        assert _run(config, out, "2026-11-26") == 0
        with monkeypatch.context() as kill:
            kill.setattr(briefer.app.run, "deliver", killed)
            assert _run(config, out, "2026-11-27") == 137
        written_not_sent = (out / "morning" / "2026-11-27" / "edition.en.json").is_file(), len(chat.posts)
        extra = {"batch pending": ("--batch",), "over budget": ("--budget", "10")}.get(next_morning, ())
        if next_morning == "batch pending":
            monkeypatch.setenv("OPENAI_BASE_URL", batch.base_url)
        code = _run(config, out, "2026-11-28", *extra, sources=sources)
        report_file = out / "morning" / "2026-11-28" / "report.json"
        report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.exists() else None
        again = _run(config, out, "2026-11-28", *extra, sources=sources)
    assert written_not_sent == (True, 1) and code == again == NEXT_MORNINGS[next_morning]
    today = ["2026-11-28"] if next_morning == "list" else []
    days = [post["text"].split(" · ")[1][:10] for _, post in chat.posts]
    assert days == ["2026-11-26", "2026-11-27", *today]  # the missed day first, each once
    mailed = [message["Subject"].split(" · ")[1] for _, message in inbox.messages]
    assert mailed == ["2026-11-26"] * 2 + ["2026-11-27"] * 2 + today * 2
    if report is not None:
        assert sum("2026-11-27" in line for line in report["delivery"]["sent"]) == 3  # said in the report


def test_a_post_that_failed_on_an_earlier_day_goes_with_the_next_morning_and_nothing_twice(
    tmp_path: Path, monkeypatch
) -> None:
    """The chat service is down for the morning of the 26th (the mail goes, the post fails: exit
    75) and nobody reruns that day. The 27th's run sends the 26th's post first, then its own
    day; no mail of the 26th goes twice, and a rerun of the 27th sends nothing more."""
    out, statuses = tmp_path / "out", {"/slack/hook": 503}
    with (
        smtp_server() as (port, inbox),
        Receiver(statuses) as chat,
        FakeOpenAI(responder=_responder(_references())) as fake,
    ):
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{chat.origin}/slack/hook")
        config = _config(tmp_path, port, ("en", "de"))
        codes = [_run(config, out, "2026-11-26")]
        statuses.clear()  # the chat service is back
        codes += [_run(config, out, "2026-11-27"), _run(config, out, "2026-11-27")]
        report = json.loads((out / "morning" / "2026-11-27" / "report.json").read_text(encoding="utf-8"))
        first = json.loads((out / "morning" / "2026-11-26" / "report.json").read_text(encoding="utf-8"))
    assert codes == [75, 0, 0] and len(first["delivery"]["failed"]) == 1
    posted = [post["text"].split(" · ")[1][:10] for _, post in chat.posts]
    assert posted == ["2026-11-26", "2026-11-26", "2026-11-27"]  # the failed try, its retry, the day's own
    mailed = [message["Subject"].split(" · ")[1] for _, message in inbox.messages]
    assert mailed == ["2026-11-26"] * 2 + ["2026-11-27"] * 2
    assert report["delivery"]["sent"] == [] and len(report["delivery"]["already_sent"]) == 3  # the rerun's report


@pytest.mark.parametrize("on_change", ["correction", "silent"])
def test_a_day_that_changes_after_it_went_out_brings_a_short_correction(
    tmp_path: Path, monkeypatch, on_change: str
) -> None:
    import sqlite3

    out, day = tmp_path / "out", DAYS / "2026-11-26"
    first_sources = [str(day / "a-tartu-tram.txt"), str(day / "b-kabelwerk-zwickau.txt")]
    with smtp_server() as (port, inbox), Receiver() as chat, FakeOpenAI(responder=_responder(_references())) as fake:
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{chat.origin}/slack/T0/B0/secret")
        config = _config(tmp_path, port, ("en",), f'on_change = "{on_change}"')
        codes = [_run(config, out, "2026-11-26", sources=first_sources)]
        all_sources = [*first_sources, str(day / "d-tempete-finistere.txt")]
        codes.append(_run(config, out, "2026-11-26", sources=all_sources))
        changed = json.loads((out / "morning" / "2026-11-26" / "report.json").read_text(encoding="utf-8"))["delivery"]
        codes.append(_run(config, out, "2026-11-26", sources=all_sources))
        again = json.loads((out / "morning" / "2026-11-26" / "report.json").read_text(encoding="utf-8"))["delivery"]
    assert codes == [0, 0, 0]
    log = sqlite3.connect(out / "deliveries.sqlite")
    kinds = [row[0] for row in log.execute("SELECT kind FROM deliveries WHERE target LIKE 'email:%' ORDER BY rowid")]
    hashes = [row[0] for row in log.execute("SELECT content_hash FROM deliveries WHERE target LIKE 'email:%'")]
    assert len(set(hashes)) == 2 and all(len(h) == 64 for h in hashes)  # what was sent, and what it became
    storm = _references()[next(t for t in _references() if t.startswith(STORM))]["en"]["headline"]
    assert len(changed["corrected"]) == 2 and all(storm in line for line in changed["corrected"])  # mail, chat
    assert (again["sent"], again["corrected"], len(again["already_sent"])) == ([], [], 2)  # and only once
    if on_change == "silent":
        assert kinds == ["edition", "silent"] and len(inbox.messages) == 1 and len(chat.posts) == 1
        return
    assert kinds == ["edition", "correction"] and len(inbox.messages) == 2 and len(chat.posts) == 2
    correction = inbox.messages[1][1]
    assert correction["Subject"] == "Correction: Morning desk · 2026-11-26 · English"
    text = _plain(correction)
    assert storm in text and "Added · New" in text and "Tartu" not in text  # only what was added
    assert chat.posts[1][1]["text"].startswith("*Correction: Morning desk · 2026-11-26*")
