"""The one way tests run an HTTP server: a thread on 127.0.0.1 (or another loopback address), a
free port (or a given one), optionally TLS, stopped on exit."""

from __future__ import annotations

import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # a class attribute: listen() runs in the constructor (default backlog 5)


class Loopback:
    def _listen(
        self,
        handler: type[BaseHTTPRequestHandler],
        address: str = "127.0.0.1",
        port: int = 0,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        handler.disable_nagle_algorithm = True  # headers and body as one send: no delayed-ACK stall
        self._server = _Server((address, port), handler)
        if tls is not None:  # the handshake runs on accept; a client refusing it only drops that connection
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def origin(self) -> str:
        return f"http://{self._server.server_address[0]}:{self.port}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
