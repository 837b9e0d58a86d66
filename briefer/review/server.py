"""`briefer review`: the pages an editor reviews a day's held items on, before readers get them.

Starlette, served by uvicorn: a maintained, small ASGI framework whose pieces (routing,
requests, responses, cookies) are all a few server-rendered pages need, under a production
server; no template or form layer of its own, so the pages come from briefer's own Jinja
templates (`core.templating`) and forms are read with the standard library. No page has a
script: every action is a plain form post, answered by a redirect or by the page again.

Safety: it binds 127.0.0.1 by default and then answers only requests addressed to a loopback
name (a web page elsewhere cannot reach it by a rebound host name). Bound anywhere else it asks
for the token in BRIEFER_REVIEW_TOKEN (a login form sets a cookie; `Authorization: Bearer`
works too). Behind a proxy that signs editors in (`review_user_header`), a request must carry
the header the proxy names the editor in, and that name is who decides. Every form carries a CSRF token tied to the browser's session cookie. Every
response carries the Content-Security-Policy: nothing loads but the page's own style, forms
post only to this server. Model and editor text is escaped by the templates."""

from __future__ import annotations

import getpass
import hashlib
import hmac
import os
import secrets
import signal
from dataclasses import dataclass, field, replace
from datetime import date as Date
from datetime import datetime
from typing import Any, Awaitable, Callable, Mapping, MutableMapping
from urllib.parse import parse_qs, quote, unquote

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from briefer.briefing.pipeline import source_sentences
from briefer.core import briefing_file
from briefer.core.errors import BrieferError, ConfigError
from briefer.core.files import keep_tables_in
from briefer.core.models import Article, Item
from briefer.core.templating import render_page
from briefer.lang.langid import LanguageIdentifier
from briefer.lang.languages import NATIVE_NAMES
from briefer.outputs import edition
from briefer.review import edits, release
from briefer.review.store import HeldItem, ReviewDay, ReviewStore, Stale, Wording
from briefer.settings.config import Settings

TOKEN_ENV = "BRIEFER_REVIEW_TOKEN"
LOOPBACK = ("127.0.0.1", "::1", "localhost")
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
MAX_FORM = 256_000  # bytes: a form of one item's text, with room to spare
_SESSION, _ACCESS, _EDITOR = "briefer_session", "briefer_access", "briefer_editor"

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


def loopback(host: str) -> bool:
    return host.strip("[]") in LOOPBACK


@dataclass(frozen=True)
class Access:
    """Who may use the pages: anyone on this machine (loopback), or the holder of the token."""

    host: str
    token: str = ""  # "" on loopback: no token asked
    user_header: str = ""  # the signing-in proxy's header naming the editor; "": none
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    @classmethod
    def for_host(cls, host: str, environ: Mapping[str, str] = os.environ, user_header: str = "") -> Access:
        if loopback(host):
            return cls(host, user_header=user_header)
        token = environ.get(TOKEN_ENV, "")
        if len(token) < 16:
            raise ConfigError(
                f"briefer review on {host} (beyond this machine) needs a token of 16 or more characters in the "
                f"environment variable {TOKEN_ENV}; or bind 127.0.0.1 (the default)"
            )
        return cls(host, token, user_header)

    def sign(self, value: str) -> str:
        return hmac.new(self.secret, value.encode("utf-8"), hashlib.sha256).hexdigest()

    def editor(self, request: Request) -> str:
        """The editor the proxy signed in; "" without a proxy."""
        return " ".join(request.headers.get(self.user_header, "").split())[:80] if self.user_header else ""

    def admitted(self, request: Request) -> bool:
        if not self.token:
            return True
        bearer = request.headers.get("authorization", "")
        if bearer.startswith("Bearer ") and hmac.compare_digest(bearer[7:].encode(), self.token.encode()):
            return True
        cookie = request.cookies.get(_ACCESS, "")
        return bool(cookie) and hmac.compare_digest(cookie.encode(), self.sign("access:" + self.token).encode())

    def csrf(self, session: str) -> str:
        return self.sign("csrf:" + session)


class _Headers:
    """ASGI middleware: the security headers on every response (404s and errors too), and on
    loopback only requests addressed to a loopback name."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], access: Access):
        self.app, self.access = app, access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"cache-control", b"no-store"),
                    (b"x-frame-options", b"DENY"),
                ]
            await send(message)

        if self.access.user_header:  # behind the proxy: it alone reaches us, and names the editor
            if not dict(scope.get("headers") or ()).get(self.access.user_header.lower().encode(), b"").strip():
                refused = _plain(401, f"sign in through the desk's proxy (no {self.access.user_header} header)")
                await refused(scope, receive, with_headers)
                return
        elif not self.access.token and not self._addressed_to_loopback(scope):
            refused = _plain(403, "this review server answers only on this machine's loopback address")
            await refused(scope, receive, with_headers)
            return
        await self.app(scope, receive, with_headers)

    @staticmethod
    def _addressed_to_loopback(scope: Scope) -> bool:
        host = dict(scope.get("headers") or ()).get(b"host", b"").decode("latin-1")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return loopback(name)


def _plain(status: int, text: str) -> Response:
    return Response(text + "\n", status_code=status, media_type="text/plain; charset=utf-8")


# ---- what the page shows ----


@dataclass(frozen=True)
class Side:
    """One language of a story, as the page shows it beside the others."""

    lang: str
    language: str
    held: HeldItem | None  # None: this language was not held
    headline: str = ""
    bullets: tuple[str, ...] = ()
    status: str = ""  # pending, approved, edited, dropped; or published / not published
    findings: tuple[str, ...] = ()  # in plain words
    notice: str = ""  # why the last save was not made
    draft: Wording | None = None  # the editor's unsaved text, kept
    reason: str = ""
    override: bool = False  # the edit was refused: saving again with a reason publishes it
    evidence: tuple[tuple[str, ...], ...] = ()  # per bullet, the source sentences it cites (as written)


@dataclass(frozen=True)
class Story:
    article: Article
    paragraphs: list[list[tuple[str, bool]]]  # each paragraph's sentences, and whether a bullet cites it
    sides: list[Side]

    @property
    def anchor(self) -> str:
        return f"story-{self.article.id[:12]}"

    @property
    def pending(self) -> list[HeldItem]:
        return [side.held for side in self.sides if side.held is not None and not side.held.decided]


@dataclass(frozen=True)
class Unsaved:
    """An edit the server did not save, shown again with why."""

    article_id: str
    lang: str
    notice: str
    draft: Wording
    reason: str = ""
    override: bool = False


def _stories(
    day: ReviewDay, languages: tuple[str, ...], unsaved: Unsaved | None, cited: Mapping[tuple[str, str], Any] = {}
) -> list[Story]:
    published = {(e.lang, item.id): item for e in day.candidates for item in e.items}
    stories = []
    for found in day.articles:
        article, sides = found.article, []
        for lang in languages:
            held = day.item(article.id, lang)
            draft = unsaved if unsaved and (unsaved.article_id, unsaved.lang) == (article.id, lang) else None
            if held is not None:
                side = Side(
                    lang,
                    NATIVE_NAMES.get(lang, lang),
                    held,
                    held.now.headline,
                    held.now.bullets,
                    held.state,
                    tuple(edits.plain(result) for result in held.findings),
                    evidence=cited.get((article.id, lang), ()) if held.now == held.written else (),
                )
            else:
                item = published.get((lang, edition.item_id(article.id)))
                side = Side(
                    lang,
                    NATIVE_NAMES.get(lang, lang),
                    None,
                    item.headline if item else "",
                    item.bullets if item else (),
                    "published, not held" if item else "not published (see the desk report)",
                )
            if draft is not None:
                side = replace(side, **_draft_fields(draft))
            sides.append(side)
        marked = {sentence for side in sides for bullet in side.evidence for sentence in bullet}
        paragraphs = [
            [(sentence, sentence in marked) for sentence in source_sentences(part)]
            for part in article.text.split("\n\n")
            if part.strip()
        ]
        stories.append(Story(article, paragraphs, sides))
    return stories


def _draft_fields(unsaved: Unsaved) -> dict[str, Any]:
    return {"notice": unsaved.notice, "draft": unsaved.draft, "reason": unsaved.reason, "override": unsaved.override}


# ---- the application ----


@dataclass
class Review:
    settings: Settings
    day: Date
    access: Access
    identifier: LanguageIdentifier  # the server's, for the language check of an edit
    now: Callable[[], datetime] = datetime.now  # local time: the deadline is the desk's clock

    def app(self) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
        routes = [
            Route("/", self.page, methods=["GET"]),
            Route("/login", self.login, methods=["POST"]),
            Route("/item", self.item, methods=["POST"]),
            Route("/story", self.story, methods=["POST"]),
            Route("/send", self.send, methods=["POST"]),
        ]
        return _Headers(Starlette(routes=routes), self.access)

    # ---- pieces every handler uses ----

    def _day(self) -> ReviewDay:
        with ReviewStore.open(self.settings.out_dir) as store:
            return store.day(self.settings.desk, self.day)

    def _render(
        self,
        request: Request,
        status: int = 200,
        unsaved: Unsaved | None = None,
        notice: str = "",
    ) -> Response:
        session = request.cookies.get(_SESSION, "") or secrets.token_urlsafe(24)
        day = self._day()
        deadline = self.settings.review_deadline
        html = "".join(
            render_page(
                "review.html",
                lang="en",
                title=f"Review: {self.settings.title} — {self.day.isoformat()}",
                desk=self.settings.desk,
                day=day,
                stories=_stories(day, self.settings.languages, unsaved, self._evidence()),
                deadline=deadline.strftime("%H:%M") if deadline else "",
                due=release.due(self.settings, day, self.now()),
                csrf=self.access.csrf(session),
                editor=self.access.editor(request) or unquote(request.cookies.get(_EDITOR, "")) or _user(),
                signed_in=bool(self.access.user_header),
                notice=notice,
                decisions=self._decisions(),
            )
        )
        response = HTMLResponse(html, status_code=status)
        if request.cookies.get(_SESSION) != session:
            response.set_cookie(_SESSION, session, httponly=True, samesite="strict")
        return response

    def _evidence(self) -> dict[tuple[str, str], tuple[tuple[str, ...], ...]]:
        """Each written item's cited sentences, per bullet, from the day's briefing.json (brief@3)."""
        path = self.settings.desk_dir / self.day.isoformat() / briefing_file.NAME
        try:
            document = briefing_file.read_day(path)
        except (OSError, ValueError):
            return {}
        return {
            (article["id"], item["lang"]): tuple(tuple(cited) for cited in item.get("evidence") or ())
            for article in document.get("articles", [])
            for item in article.get("items", [])
        }

    def _decisions(self) -> list[Any]:
        with ReviewStore.open(self.settings.out_dir) as store:
            return store.decisions(self.settings.desk, self.day)

    def _login_page(self, status: int, notice: str) -> Response:
        html = "".join(render_page("review.html", lang="en", title="Review: sign in", login=True, notice=notice))
        return HTMLResponse(html, status_code=status)

    async def _form(self, request: Request) -> dict[str, str] | Response:
        """The posted form, once the token and the CSRF token are good; else the refusal."""
        if not self.access.admitted(request):
            return self._login_page(401, f"give the review token ({TOKEN_ENV} on the server)")
        form = await _read_form(request)
        if isinstance(form, Response):
            return form
        session = request.cookies.get(_SESSION, "")
        if not session or not hmac.compare_digest(form.get("csrf", "").encode(), self.access.csrf(session).encode()):
            return _plain(403, "the form's CSRF token is missing or wrong: open the review page again and resend")
        return form

    def _done(self, anchor: str = "", editor: str = "") -> Response:
        response = RedirectResponse(f"/#{anchor}" if anchor else "/", status_code=303)
        if editor:
            response.set_cookie(_EDITOR, quote(editor), httponly=True, samesite="strict")
        return response

    # ---- handlers ----

    async def page(self, request: Request) -> Response:
        if not self.access.admitted(request):
            return self._login_page(401, "")
        return await run_in_threadpool(self._render, request)

    async def login(self, request: Request) -> Response:
        form = await _read_form(request)
        if isinstance(form, Response):
            return form
        token = form.get("token", "")
        if not self.access.token or not hmac.compare_digest(token.encode(), self.access.token.encode()):
            return self._login_page(401, "that is not the review token")
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(_ACCESS, self.access.sign("access:" + self.access.token), httponly=True, samesite="strict")
        return response

    async def item(self, request: Request) -> Response:
        form = await self._form(request)
        if isinstance(form, Response):
            return form
        return await run_in_threadpool(self._item, request, form)

    def _item(self, request: Request, form: dict[str, str]) -> Response:
        article_id, lang, action = form.get("article", ""), form.get("lang", ""), form.get("action", "")
        editor = self.access.editor(request) or " ".join(form.get("editor", "").split())[:80]
        if action not in ("approve", "edit", "drop") or not editor:
            return _plain(400, "an action (approve, edit, drop) and the editor's name are needed")
        try:
            version = int(form.get("version", ""))
        except ValueError:
            return _plain(400, "the form has no version of the item: open the review page again")
        day = self._day()
        held, found = day.item(article_id, lang), day.article(article_id)
        if held is None or found is None:
            return _plain(404, "no such held item on this day")
        reason = form.get("reason", "").strip()
        anchor = f"{found.article.id[:12]}-{lang}"
        draft = Wording(
            headline=" ".join(form.get("headline", "").split()),
            bullets=tuple(" ".join(line.split()) for line in form.get("bullets", "").splitlines() if line.strip()),
        )
        findings: tuple = ()
        if action == "edit":
            item = Item(article_id=article_id, lang=lang, headline=draft.headline, bullets=draft.bullets)
            others = _others(day, article_id, lang)
            judged = edits.judge_edit(self.settings, found.article, item, held.prompt, others, self.identifier)
            findings = judged.findings
            if judged.refused and not (form.get("override") and reason):
                notice = (
                    f"Not saved: the checks refuse this edit. {judged.why()}. "
                    "To publish it as it is, tick the box, give a reason and save again."
                )
                return self._render(request, 422, Unsaved(article_id, lang, notice, draft, reason, True))
        try:
            with ReviewStore.open(self.settings.out_dir) as store:
                store.decide(
                    self.settings.desk,
                    self.day,
                    article_id,
                    lang,
                    editor=editor,
                    action=action,  # type: ignore[arg-type]  # checked above
                    version=version,
                    after=draft if action == "edit" else None,
                    reason=reason,
                    findings=findings,
                )
        except Stale as stale:
            kept = draft if action == "edit" else stale.current.now
            return self._render(request, 409, Unsaved(article_id, lang, str(stale), kept, reason))
        except BrieferError as error:
            return self._render(request, 409, notice=str(error))
        return self._done(anchor, editor)

    async def story(self, request: Request) -> Response:
        form = await self._form(request)
        if isinstance(form, Response):
            return form
        return await run_in_threadpool(self._story, request, form)

    def _story(self, request: Request, form: dict[str, str]) -> Response:
        """Approve every language of a story still pending, each at the version the page showed."""
        article_id = form.get("article", "")
        editor = self.access.editor(request) or " ".join(form.get("editor", "").split())[:80]
        if not editor:
            return _plain(400, "the editor's name is needed")
        versions = dict(part.split(":", 1) for part in form.get("versions", "").split() if ":" in part)
        day = self._day()
        try:
            with ReviewStore.open(self.settings.out_dir) as store:
                for held in day.items_of(article_id):
                    if held.lang in versions and not held.decided:
                        store.decide(
                            self.settings.desk,
                            self.day,
                            article_id,
                            held.lang,
                            editor=editor,
                            action="approve",
                            version=int(versions[held.lang]),
                        )
        except (Stale, ValueError):
            return self._render(
                request, 409, notice="A language of this story changed since you opened it: look again."
            )
        except BrieferError as error:
            return self._render(request, 409, notice=str(error))
        return self._done(f"story-{article_id[:12]}", editor)

    async def send(self, request: Request) -> Response:
        form = await self._form(request)
        if isinstance(form, Response):
            return form
        return await run_in_threadpool(self._send, request)

    def _send(self, request: Request) -> Response:
        try:
            sent = release.send(self.settings, self.day, self.now(), force=True)
        except BrieferError as error:
            return self._render(request, 409, notice=f"Not sent: {error}")
        lines = [sent.line, *(f"left out: {line}" for line in sent.left_out)]
        if sent.delivery is not None:
            lines += [f"not delivered: {line}" for line in sent.delivery.failed]
        return self._render(request, notice=" · ".join(lines))


async def _read_form(request: Request) -> dict[str, str] | Response:
    """A urlencoded form of at most MAX_FORM bytes, read no further than that."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        return _plain(415, "a form post (application/x-www-form-urlencoded) is expected")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM:
            return _plain(413, "the form is too large")
    return {key: values[-1] for key, values in parse_qs(body.decode("utf-8", "replace"), True).items()}


def _others(day: ReviewDay, article_id: str, lang: str) -> list[Item]:
    """The article's items in its other languages as readers would now get them: for the
    consistency of figures across languages."""
    items = []
    for candidate in day.candidates:
        if candidate.lang == lang:
            continue
        held = day.item(article_id, candidate.lang)
        if held is not None:
            if held.state != "dropped":
                items.append(Item(article_id=article_id, lang=held.lang, **held.now.model_dump()))
            continue
        found = next((i for i in candidate.items if i.id == edition.item_id(article_id)), None)
        if found is not None:
            items.append(
                Item(article_id=article_id, lang=candidate.lang, headline=found.headline, bullets=found.bullets)
            )
    return items


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def serve(settings: Settings, day: Date, host: str, port: int) -> None:
    """Serve the review pages until Ctrl-C or SIGTERM, which uvicorn takes as its cue to stop
    gracefully (and hands on once stopped: ignored then, a stopped server is no failed run)."""
    access = Access.for_host(host, user_header=settings.review_user_header or "")
    stops = (signal.SIGINT, signal.SIGTERM)
    before = {stop: signal.signal(stop, signal.SIG_IGN) for stop in stops}
    keep_tables_in(settings.cache_dir)
    try:
        with LanguageIdentifier(settings.languages) as identifier:
            review = Review(settings, day, access, identifier)
            uvicorn.run(review.app(), host=host, port=port, log_level="warning", server_header=False)
    finally:
        for stop, handler in before.items():
            signal.signal(stop, handler)
