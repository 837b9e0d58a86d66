"""The one way tests run an HTTP server: a thread on 127.0.0.1, a free port, stopped on exit."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # a class attribute: listen() runs in the constructor (default backlog 5)


class Loopback:
    def _listen(self, handler: type[BaseHTTPRequestHandler]) -> None:
        handler.disable_nagle_algorithm = True  # headers and body as one send: no delayed-ACK stall
        self._server = _Server(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
