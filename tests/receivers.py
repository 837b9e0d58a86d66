"""What delivery talks to, on loopback: a real SMTP server (aiosmtpd) keeping every message,
and a webhook receiver keeping every POST."""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler
from typing import Any, Callable, Iterator

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from loopback import Loopback

PASSWORD = "pw-canary-4711"


class _Controller(Controller):
    def _trigger_server(self) -> None:  # listen on a free port (0), then learn which
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []
        self.logins: list[tuple[bytes, bytes]] = []
        self.login_connections: set[Any] = set()  # smtplib tries each mechanism on one connection
        self.login_refusal: str | None = None  # the reply to a wrong password; None: aiosmtpd's 535
        self.data_refusal: str | None = None  # the reply to a message refused; None: accepted

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.data_refusal is not None:
            return self.data_refusal
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"

    def check_login(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        self.logins.append((data.login, data.password))
        self.login_connections.add(session.peer)
        success = data.password == PASSWORD.encode()
        return AuthResult(success=success, handled=False, message=None if success else self.login_refusal)


@contextmanager
def smtp_server(auth: bool = False) -> Iterator[tuple[int, Inbox]]:
    inbox = Inbox()
    options: dict[str, Any] = {"authenticator": inbox.check_login, "auth_required": True} if auth else {}
    controller = _Controller(inbox, hostname="127.0.0.1", port=0, auth_require_tls=False, **options)
    controller.start()
    try:
        yield controller.port, inbox
    finally:
        controller.stop()


class Receiver(Loopback):
    """Webhook endpoints: path -> status; every POST kept as (path, JSON body)."""

    def __init__(
        self,
        statuses: dict[str, int] | None = None,
        on_post: Callable[[str], None] | None = None,
        echo: Callable[[str, Any], str] | None = None,  # (path, request headers) -> a refusal's body
    ):
        self.posts: list[tuple[str, Any]] = []
        self.lock = threading.Lock()
        receiver, statuses = self, statuses or {}

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with receiver.lock:
                    receiver.posts.append((self.path, body))
                if on_post is not None:  # before the answer: what happens while the sender waits for it
                    on_post(self.path)
                status = statuses.get(self.path, 200)
                refusal = echo(self.path, self.headers) if echo else f"no such hook {self.path}"  # echoes the token
                answer = b"ok" if status == 200 else refusal.encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(answer)))
                    self.end_headers()
                    self.wfile.write(answer)
                except (BrokenPipeError, ConnectionResetError):  # the sender stopped waiting (SIGTERM)
                    pass

        self._listen(Handler)

    def to(self, path: str) -> list[Any]:
        return [body for where, body in self.posts if where == path]
