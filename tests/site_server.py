"""A tiny web site on loopback for fetch and feed tests: path -> (status, headers, body)."""

from __future__ import annotations

import ssl
from http.server import BaseHTTPRequestHandler

from loopback import Loopback


class Site(Loopback):
    def __init__(
        self,
        pages: dict[str, tuple[int, dict[str, str], bytes]],
        address: str = "127.0.0.1",
        port: int = 0,
        tls: ssl.SSLContext | None = None,
    ):
        self.pages = pages
        self.hits: list[str] = []
        self.hosts: list[str | None] = []  # the Host header of each request
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keeps connections open, as real sites do

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site.hits.append(self.path)
                site.hosts.append(self.headers.get("Host"))
                status, headers, body = site.pages.get(self.path, (404, {}, b"not found"))
                body = body.replace(b"{base}", site.base.encode())
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value.replace("{base}", site.base))
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self._listen(Handler, address, port, tls)
        self.base = self.origin
