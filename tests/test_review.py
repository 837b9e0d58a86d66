"""An editor between the run and the readers: a desk that holds its items (hold_all) writes the
day without them and sends nothing; `briefer send --due` after the review deadline sends what
was approved or edited and names what was left out; the review pages refuse a request without
the token beyond loopback, a form post without its CSRF token, a save over a change the editor
has not seen, and an edit the numbers check refuses (then take it corrected)."""

from __future__ import annotations

import html
import http.cookiejar
import json
import re
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

import pytest
import uvicorn
from fake_openai import FakeOpenAI
from receivers import Receiver, smtp_server
from test_days import DAYS, _references, _responder

from briefer.cli import main
from briefer.core.errors import ConfigError
from briefer.lang.langid import LanguageIdentifier
from briefer.review.server import Access, Review
from briefer.review.store import ReviewStore, Wording
from briefer.settings.config import load_settings

pytestmark = pytest.mark.e2e

DAY = "2026-11-26"
TRAM_EN = "Tartu approves €120m tram line"


def _config(folder: Path, smtp_port: int) -> Path:
    config = folder / "briefer.toml"
    config.write_text(
        f"""
[settings]
model = "strong-model"
cache_dir = "{folder / "cache"}"
http_retries = 0

[desks.morning]
title = "Morning desk"
languages = ["en", "de"]
hold_all = true
review_deadline = "06:30"

[desks.morning.deliver]
retries = 0
[desks.morning.deliver.email]
host = "127.0.0.1"
port = {smtp_port}
security = "none"
from = "briefer@example.org"
to = ["desk@example.org"]
[[desks.morning.deliver.webhooks]]
kind = "json"
url_env = "TEST_REVIEW_HOOK"
""",
        encoding="utf-8",
    )
    return config


def _cli(*args: str) -> int:
    with pytest.raises(SystemExit) as exited:
        main(list(args), standalone_mode=False)
    return int(exited.value.code or 0)


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One morning of three stories in English and German, every item held; nothing sent."""
    folder = tmp_path_factory.mktemp("review")
    monkeypatch = pytest.MonkeyPatch()
    with smtp_server() as (port, inbox), Receiver() as chat, FakeOpenAI(responder=_responder(_references())) as fake:
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("TEST_REVIEW_HOOK", f"{chat.origin}/hook")
        config = _config(folder, port)
        sources = [str(path) for path in sorted((DAYS / DAY).glob("*.txt"))]
        code = _cli(
            "run", *sources, "--desk", "morning", "--config", str(config), "--out", str(folder / "out"), "--date", DAY
        )
        code_args = ("--desk", "morning", "--config", str(config))
        yield {
            "folder": folder,
            "code": code,
            "mails": len(inbox.messages),
            "posts": len(chat.posts),
            "args": code_args,
        }
    monkeypatch.undo()


@pytest.fixture
def day(ran: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """A copy of the held day for one test to decide on."""
    out = tmp_path / "out"
    shutil.copytree(ran["folder"] / "out", out, symlinks=True)
    settings = load_settings({"out_dir": out, "date": date.fromisoformat(DAY)}, Path(ran["args"][3]), desk="morning")
    with ReviewStore.open(out) as store:
        held = store.day("morning", date.fromisoformat(DAY))
    return {"out": out, "settings": settings, "held": held, "args": (*ran["args"], "--out", str(out))}


def _edition(out: Path, lang: str) -> list[str]:
    document = json.loads((out / "morning" / DAY / f"edition.{lang}.json").read_text(encoding="utf-8"))
    return [item["headline"] for item in document["items"]]


def test_a_desk_that_holds_writes_the_day_without_the_held_items_and_sends_nothing(ran, day, capsys) -> None:
    assert ran["code"] == 0 and (ran["mails"], ran["posts"]) == (0, 0)
    assert len(day["held"].items) == 6 and len(day["held"].pending) == 6
    assert _edition(day["out"], "en") == []
    report = json.loads((day["out"] / "morning" / DAY / "report.json").read_text(encoding="utf-8"))
    assert len(report["review"]["held"]) == 6 and all("held for review" in line for line in report["review"]["held"])
    desk_page = (day["out"] / "morning" / DAY / "index.html").read_text(encoding="utf-8")
    assert TRAM_EN in desk_page and desk_page.count("Held for review") == 6  # the desk report keeps every item
    assert _cli("review", *day["args"], "--date", "2026-11-20") == 0
    assert "nothing is held for review on 2026-11-20" in capsys.readouterr().out


def test_send_due_after_the_deadline_sends_what_was_approved_and_names_what_was_left_out(
    day, monkeypatch, capsys
) -> None:
    """The tram story approved in both languages, the factory story edited in English and
    dropped in German, the storm story never decided: at the deadline only the first two go out."""
    held, when = day["held"], date.fromisoformat(DAY)
    tram, factory, storm = _by_title(held)
    with ReviewStore.open(day["out"]) as store:
        for item in held.items_of(tram.id):
            store.decide("morning", when, tram.id, item.lang, editor="ana", action="approve", version=item.version)
        english = held.item(factory.id, "en")
        edited = Wording(headline="Cable maker cuts jobs in Zwickau", bullets=english.now.bullets)
        store.decide(
            "morning", when, factory.id, "en", editor="ben", action="edit", version=english.version, after=edited
        )
        german = held.item(factory.id, "de")
        store.decide(
            "morning", when, factory.id, "de", editor="ben", action="drop", version=german.version, reason="dup"
        )
    assert _remembered(day["out"]) == set()  # nothing was published yet
    with smtp_server() as (port, inbox), Receiver() as chat:
        config = _config(day["out"].parent, port)
        monkeypatch.setenv("TEST_REVIEW_HOOK", f"{chat.origin}/hook")
        args = ("--desk", "morning", "--config", str(config), "--out", str(day["out"]), "--date", DAY)
        code = _cli("send", "--due", *args)
        said = capsys.readouterr()
        again = _cli("send", "--due", *args)
        twice = (len(inbox.messages), len(chat.posts))
    assert code == 0
    assert twice == (2, 2) and again == 0  # one mail and one post per language, and not again
    english_mail = (
        next(m for _, m in inbox.messages if m["Content-Language"] == "en").get_body(("plain",)).get_content()
    )
    assert TRAM_EN in english_mail and "Cable maker cuts jobs in Zwickau" in english_mail
    assert storm.title not in english_mail and "Details unconfirmed" not in english_mail
    german_mail = next(m for _, m in inbox.messages if m["Content-Language"] == "de").get_body(("plain",)).get_content()
    assert "Tartu" in german_mail and "Zwickau" not in german_mail  # dropped in German
    assert _edition(day["out"], "en")[:2] == [TRAM_EN, "Cable maker cuts jobs in Zwickau"]
    latest = json.loads((day["out"] / "morning" / "latest" / "edition.en.json").read_text(encoding="utf-8"))
    assert [item["headline"] for item in latest["items"]][:2] == [TRAM_EN, "Cable maker cuts jobs in Zwickau"]
    report = json.loads((day["out"] / "morning" / DAY / "report.json").read_text(encoding="utf-8"))
    left_out = report["review"]["left_out"]
    assert len(left_out) == 2 and all(Path(storm.source).name in line for line in left_out)
    assert [d["action"] for d in report["review"]["decisions"]] == ["approve", "approve", "edit", "drop"]
    assert report["review"]["decisions"][2]["after"]["headline"] == "Cable maker cuts jobs in Zwickau"
    assert "left out" in said.err and Path(storm.source).name in said.err
    assert _remembered(day["out"]) == {(tram.title, "de,en"), (factory.title, "en")}  # what was published


def _remembered(out: Path) -> set[tuple[str, str]]:
    """(story title, languages) the story memory holds for the day."""
    import sqlite3

    db = sqlite3.connect(out / "memory.sqlite")
    try:
        return set(db.execute("SELECT title, languages FROM stories WHERE day = ?", (DAY,)).fetchall())
    finally:
        db.close()


def _by_title(held) -> tuple:
    by = {Path(found.article.source).name[0]: found.article for found in held.articles}
    return by["a"], by["b"], by["d"]


# ---- the review pages, served on loopback ----


@contextmanager
def _serving(settings, access: Access, identifier: LanguageIdentifier) -> Iterator[str]:
    app = Review(settings, date.fromisoformat(DAY), access, identifier, now=lambda: datetime(2026, 11, 26, 6, 0)).app()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the review server did not start")
            threading.Event().wait(0.02)
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join()


class _Browser:
    """A cookie-keeping client that reads the status of any answer (a 4xx is an answer)."""

    def __init__(self, origin: str, headers: dict[str, str] | None = None):
        self.origin, self.headers = origin, headers or {}
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )

    def get(self, path: str = "/") -> tuple[int, str, Any]:
        return self._send(urllib.request.Request(self.origin + path, headers=self.headers))

    def post(self, path: str, form: dict[str, str]) -> tuple[int, str, Any]:
        body = urllib.parse.urlencode(form).encode()
        request = urllib.request.Request(
            self.origin + path,
            data=body,
            headers={**self.headers, "Content-Type": "application/x-www-form-urlencoded"},
        )
        return self._send(request)

    def _send(self, request: urllib.request.Request) -> tuple[int, str, Any]:
        try:
            with self.opener.open(request, timeout=120) as answer:
                return answer.status, answer.read().decode("utf-8"), answer.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8"), error.headers


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any) -> None:
        return None


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "the page has a form with a CSRF token"
    return found.group(1)


def test_beyond_loopback_a_request_without_the_token_is_refused(
    day, monkeypatch, identifier: LanguageIdentifier
) -> None:
    with pytest.raises(ConfigError, match="BRIEFER_REVIEW_TOKEN"):
        Access.for_host("0.0.0.0", environ={})
    with pytest.raises(ConfigError) as refused:  # before anything listens
        main(["review", *day["args"], "--date", DAY, "--host", "0.0.0.0"], standalone_mode=False)
    assert refused.value.exit_code == 78
    token = "a-long-review-token-of-the-desk"
    access = Access.for_host("0.0.0.0", environ={"BRIEFER_REVIEW_TOKEN": token})
    with _serving(day["settings"], access, identifier) as origin:
        status, page, _ = _Browser(origin).get()
        assert status == 401 and TRAM_EN not in page
        assert _Browser(origin).post("/send", {"csrf": "x"})[0] == 401
        assert _Browser(origin, {"Authorization": "Bearer wrong-token-wrong-token"}).get()[0] == 401
        browser = _Browser(origin)
        assert browser.post("/login", {"token": token})[0] == 303
        status, page, headers = browser.get()
        assert status == 200 and TRAM_EN in page
        assert "form-action 'self'" in headers["Content-Security-Policy"]


def test_a_form_post_without_the_csrf_token_is_refused(day, identifier: LanguageIdentifier) -> None:
    tram = _by_title(day["held"])[0]
    item = day["held"].item(tram.id, "en")
    with _serving(day["settings"], Access("127.0.0.1"), identifier) as origin:
        browser = _Browser(origin)
        status, page, headers = browser.get()
        assert status == 200 and "default-src 'none'" in headers["Content-Security-Policy"]
        assert "<script" not in page
        form = {"article": tram.id, "lang": "en", "action": "approve", "version": str(item.version), "editor": "ana"}
        assert browser.post("/item", form)[0] == 403
        assert browser.post("/item", {**form, "csrf": "0" * 64})[0] == 403
        assert browser.post("/item", {**form, "csrf": "é"})[0] == 403  # refused, not a server error
        assert browser.post("/item", {**form, "csrf": _csrf(page), "bullets": "x" * 260_000})[0] == 413
        assert _Browser(origin).post("/item", {**form, "csrf": _csrf(page)})[0] == 403  # another browser's token
        assert browser.post("/item", {**form, "csrf": _csrf(page)})[0] == 303
    with ReviewStore.open(day["out"]) as store:
        assert store.day("morning", date.fromisoformat(DAY)).item(tram.id, "en").state == "approved"


def test_a_save_over_a_change_not_seen_is_refused_and_the_text_kept(day, identifier: LanguageIdentifier) -> None:
    tram = _by_title(day["held"])[0]
    version = str(day["held"].item(tram.id, "en").version)
    with _serving(day["settings"], Access("127.0.0.1"), identifier) as origin:
        first, second = _Browser(origin), _Browser(origin)
        first_page, second_page = first.get()[1], second.get()[1]  # both open the page
        base = {"article": tram.id, "lang": "en", "version": version}
        assert first.post("/item", {**base, "action": "drop", "editor": "ana", "csrf": _csrf(first_page)})[0] == 303
        mine = {"headline": "Tartu votes for a €120m tram", "bullets": "The council voted 31 to 18 on Wednesday."}
        status, page, _ = second.post(
            "/item", {**base, **mine, "action": "edit", "editor": "ben", "csrf": _csrf(second_page)}
        )
    assert status == 409
    assert "changed since you opened it" in page and "dropped by ana" in page
    assert "Tartu votes for a €120m tram" in page  # the second editor's text is still in the form
    with ReviewStore.open(day["out"]) as store:
        assert store.day("morning", date.fromisoformat(DAY)).item(tram.id, "en").state == "dropped"


def test_an_edit_refused_by_the_numbers_check_then_accepted(day, identifier: LanguageIdentifier) -> None:
    tram = _by_title(day["held"])[0]
    held = day["held"].item(tram.id, "en")
    bullets = "\n".join(held.now.bullets)
    with _serving(day["settings"], Access("127.0.0.1"), identifier) as origin:
        browser = _Browser(origin)
        page = browser.get()[1]
        form = {"article": tram.id, "lang": "en", "version": str(held.version), "action": "edit", "editor": "ana"}
        wrong = {**form, "csrf": _csrf(page), "headline": "Tartu approves €150m tram line", "bullets": bullets}
        status, refused, _ = browser.post("/item", wrong)
        assert status == 422
        assert "Not saved" in refused and "A figure the source does not give" in refused
        assert "Tartu approves €150m tram line" in refused  # kept in the form to correct
        assert browser.post("/item", {**wrong, "override": "1"})[0] == 422  # overriding needs a reason
        right = {**wrong, "headline": "Tartu approves a €120m tram line"}
        assert browser.post("/item", right)[0] == 303
    with ReviewStore.open(day["out"]) as store:
        item = store.day("morning", date.fromisoformat(DAY)).item(tram.id, "en")
        [decision] = store.decisions("morning", date.fromisoformat(DAY))
    assert (item.state, item.now.headline, item.decided_by) == ("edited", "Tartu approves a €120m tram line", "ana")
    assert (decision.before.headline, decision.after.headline) == (TRAM_EN, "Tartu approves a €120m tram line")


# ---- in a real browser ----

INVENTED = {"Margus Ilves": "Peeter Saar", "Nathalie Quéméner": "Marie Dupont"}  # names the sources lack


def _with_invented_names(reply):
    def flagged(body: dict[str, Any]) -> Any:
        step = reply(body)
        for real, invented in INVENTED.items():
            step.content = step.content.replace(real, invented)
        return step

    return flagged


@pytest.mark.browser
def test_an_editor_reviews_two_flagged_items_in_a_browser_and_sends_the_day(
    tmp_path: Path, chromium: str, identifier: LanguageIdentifier
) -> None:
    """Two flagged items held (flagged = "hold"): one approved, the other edited (first refused
    by the numbers check, then accepted), the day sent from the page: the mail and the webhook
    carry those two items and nothing else."""
    from playwright.sync_api import sync_playwright

    storm_wrong = "Storm Bettina leaves 94,000 Finistère homes without power"
    storm_right = "Storm Bettina cuts power to 84,000 Finistère homes"
    monkeypatch = pytest.MonkeyPatch()
    sources = [str(DAYS / DAY / name) for name in ("a-tartu-tram.txt", "d-tempete-finistere.txt")]
    with smtp_server() as (port, inbox), Receiver() as chat:
        config = _config(tmp_path, port)
        config.write_text(
            config.read_text(encoding="utf-8").replace('["en", "de"]\nhold_all = true', '["en"]\nflagged = "hold"'),
            encoding="utf-8",
        )
        monkeypatch.setenv("TEST_REVIEW_HOOK", f"{chat.origin}/hook")
        with FakeOpenAI(responder=_with_invented_names(_responder(_references()))) as fake:
            monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
            out = tmp_path / "out"
            assert (
                _cli("run", *sources, "--desk", "morning", "--config", str(config), "--out", str(out), "--date", DAY)
                == 0
            )
        assert (inbox.messages, chat.posts) == ([], [])  # held: nothing sent yet
        settings = load_settings({"out_dir": out}, config, desk="morning")
        with _serving(settings, Access("127.0.0.1"), identifier) as origin, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
            )
            page = browser.new_page()
            errors: list[str] = []
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.goto(origin)
            assert "2 of 2 held items wait" in page.inner_text("header")
            tram = page.locator("section.story", has_text="Tartu")
            assert "Peeter Saar" in tram.inner_text() and "A name the source does not mention" in tram.inner_text()
            assert "Margus Ilves" in tram.locator("details.source").inner_text()  # the source beside the item
            tram.get_by_role("button", name="Approve", exact=True).click()
            storm = page.locator("section.story", has_text="Bettina")
            storm.locator("summary", has_text="Edit").click()
            storm.get_by_label("Headline").fill(storm_wrong)
            storm.get_by_label("Bullets, one a line").fill(
                "Gusts reached 148km/h at Pointe du Raz and 126km/h in Brest overnight."
            )
            storm.get_by_role("button", name="Save the edit").click()
            storm = page.locator("section.story", has_text="Bettina")
            assert "A figure the source does not give" in storm.locator(".refused").inner_text()
            assert storm.get_by_label("Headline").input_value() == storm_wrong  # kept to correct
            storm.get_by_label("Headline").fill(storm_right)
            storm.get_by_role("button", name="Save the edit").click()
            assert "0 of 2 held items wait" in page.inner_text("header")
            page.get_by_role("button", name="Send the day now").click()
            assert "is out" in page.inner_text("#notice")
            browser.close()
    monkeypatch.undo()
    refused = "Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"
    assert [error for error in errors if error != refused] == []  # no blocked style, asset or script
    [(_, mail)] = inbox.messages
    text = mail.get_body(("plain",)).get_content()
    assert TRAM_EN in text and storm_right in text and "Peeter Saar" in text
    assert storm_wrong not in text and "Marie Dupont" not in text and "Details unconfirmed" not in text
    [post] = chat.to("/hook")
    assert [item["headline"] for item in post["items"]] == [TRAM_EN, storm_right]


def test_without_a_deadline_the_run_sends_the_rest_and_the_approved_items_follow_as_a_correction(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    """flagged = "hold" with no review_deadline: the passed story goes out at once, as it always
    did; send --due waits until every held item is decided, then sends the approved one as a
    correction, and the dropped one never."""
    when = date.fromisoformat(DAY)
    with smtp_server() as (port, inbox), Receiver() as chat:
        config = _config(tmp_path, port)
        config.write_text(
            config.read_text(encoding="utf-8").replace(
                '["en", "de"]\nhold_all = true\nreview_deadline = "06:30"', '["en"]\nflagged = "hold"'
            ),
            encoding="utf-8",
        )
        monkeypatch.setenv("TEST_REVIEW_HOOK", f"{chat.origin}/hook")
        out, sources = tmp_path / "out", [str(path) for path in sorted((DAYS / DAY).glob("*.txt"))]
        args = ("--desk", "morning", "--config", str(config), "--out", str(out), "--date", DAY)
        with FakeOpenAI(responder=_with_invented_names(_responder(_references()))) as fake:
            monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
            assert _cli("run", *sources, *args) == 0
        [first] = chat.to("/hook")
        assert [item["headline"] for item in first["items"]] == [
            "Cable plant near Zwickau to close with loss of 640 jobs"
        ]
        with ReviewStore.open(out) as store:
            held = store.day("morning", when)
            by = {Path(found.article.source).name[0]: found.article for found in held.articles}
            tram, storm = by["a"], by["d"]  # the cable story passed: not held
            item = held.item(tram.id, "en")
            store.decide("morning", when, tram.id, "en", editor="ana", action="approve", version=item.version)
            assert _cli("send", "--due", *args) == 75  # the storm item is not decided yet
            item = held.item(storm.id, "en")
            store.decide("morning", when, storm.id, "en", editor="ana", action="drop", version=item.version)
        assert _cli("send", "--due", *args) == 0
        [_, correction] = chat.to("/hook")
    assert len(inbox.messages) == 2
    assert correction["correction"] is True
    assert [item["headline"] for item in correction["items"]] == [TRAM_EN]


def test_behind_a_signing_in_proxy_the_header_names_the_editor_and_is_required(
    day, identifier: LanguageIdentifier
) -> None:
    tram = _by_title(day["held"])[0]
    item = day["held"].item(tram.id, "en")
    access = Access("127.0.0.1", user_header="X-Forwarded-User")
    with _serving(day["settings"], access, identifier) as origin:
        assert _Browser(origin).get()[0] == 401  # not through the proxy
        browser = _Browser(origin, {"X-Forwarded-User": "Ana Proxy"})
        status, page, _ = browser.get()
        assert status == 200 and "Ana Proxy" in page
        form = {"article": tram.id, "lang": "en", "action": "approve", "version": str(item.version)}
        assert browser.post("/item", {**form, "editor": "someone else", "csrf": _csrf(page)})[0] == 303
    with ReviewStore.open(day["out"]) as store:
        [decision] = store.decisions("morning", date.fromisoformat(DAY))
    assert decision.editor == "Ana Proxy"


def test_send_due_names_a_day_feed_it_found_broken_as_a_run_does(day, monkeypatch, capsys) -> None:
    """Sending the reviewed day renews the desk's feeds; an earlier day's feed broken on disk
    (a control character written before they were filtered) is made again from its edition,
    and said on stderr and in report.json's problems, as the run says it: not mended in silence."""
    earlier = day["out"] / "morning" / "2026-11-25"
    shutil.copytree(day["out"] / "morning" / DAY, earlier)
    feed = earlier / "feed.en.atom"
    feed.write_text(feed.read_text(encoding="utf-8").replace("<title>", "<title>\b", 1), encoding="utf-8")
    with smtp_server() as (port, _), Receiver() as chat:
        config = _config(day["out"].parent, port)
        monkeypatch.setenv("TEST_REVIEW_HOOK", f"{chat.origin}/hook")
        args = ("--desk", "morning", "--config", str(config), "--out", str(day["out"]), "--date", DAY)
        code = _cli("send", "--due", *args)
    said = capsys.readouterr().err
    report = json.loads((day["out"] / "morning" / DAY / "report.json").read_text(encoding="utf-8"))
    [problem] = [line for line in report["problems"] if "feed" in line]
    assert code == 0 and problem.startswith("the 2026-11-25 feed (en) was broken (ParseError")
    assert problem.endswith("made again from the day's edition") and f"briefer: {problem}" in said
    assert "\b" not in feed.read_text(encoding="utf-8")  # mended on disk


def test_a_day_is_due_at_its_deadline_or_once_every_held_item_is_decided(day) -> None:
    from briefer.review.release import due

    held, settings = day["held"], day["settings"]
    assert not due(settings, held, datetime(2026, 11, 26, 6, 29))
    assert due(settings, held, datetime(2026, 11, 26, 6, 30))
    assert not due(settings.model_copy(update={"review_deadline": None}), held, datetime(2026, 11, 27, 12, 0))
    decided = replace(held, items=tuple(item.model_copy(update={"state": "dropped"}) for item in held.items))
    assert due(settings, decided, datetime(2026, 11, 26, 5, 0))


def test_a_day_waiting_for_review_is_not_caught_up_by_the_next_morning(day) -> None:
    """The next morning's catch-up sends written days the delivery log has not seen; a day
    whose held items still wait under a review_deadline is `briefer send --due`'s, not its."""
    import sqlite3

    from briefer.app.run import DELIVERY_LOG, _undelivered

    with sqlite3.connect(day["out"] / DELIVERY_LOG) as log:  # the desk delivered the day before
        log.execute("CREATE TABLE deliveries (desk, day, lang, target, sent_at, resend, content_hash, items, kind)")
        log.execute("INSERT INTO deliveries VALUES ('morning', '2026-11-25', 'en', 'json:x', '', 0, '', '{}', '')")
    settings, next_morning = day["settings"], date(2026, 11, 27)
    assert _undelivered(settings, next_morning) == []
    decided = settings.model_copy(update={"review_deadline": None})  # without a deadline the rest goes at once
    assert _undelivered(decided, next_morning) == [date(2026, 11, 26)]


def test_the_page_shows_the_source_sentences_each_bullet_cites(day, identifier: LanguageIdentifier) -> None:
    """With brief@3 a bullet cites its source sentences (briefing.json keeps them): the review
    page marks them in the source article and shows them under the bullet, no script needed."""
    from briefer.briefing.pipeline import source_sentences

    path = day["out"] / "morning" / DAY / "briefing.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    tram = _by_title(day["held"])[0]
    article = next(a for a in document["articles"] if a["id"] == tram.id)
    held = day["held"].article(tram.id)
    assert held is not None
    cited = source_sentences(held.article.text)[1]
    for item in article["items"]:
        if item["lang"] == "en":
            item["evidence"] = [[cited] for _ in item["bullets"]]
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    with _serving(day["settings"], Access("127.0.0.1"), identifier) as origin:
        status, page, _ = _Browser(origin).get()
    escaped = html.escape(cited, quote=False)
    assert status == 200 and f"<mark>{escaped}</mark>" in page
    assert f'<blockquote class="evidence"><p>{escaped}</p></blockquote>' in page
