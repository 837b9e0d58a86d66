"""A fake OpenAI-compatible server on loopback for tests: it plays a script of replies,
records every request with the time it arrived, and never leaves the machine."""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any, Callable

from loopback import Loopback


@dataclass
class Step:
    """One scripted answer. `content` becomes a chat completion; otherwise status/body are sent raw."""

    content: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None  # raw body, sent as is (for HTML bodies, broken JSON, ...)
    delay: float = 0.0  # seconds before answering
    finish_reason: str = "stop"
    usage: dict[str, Any] | None = None
    drop: bool = False  # close the connection without answering
    token_delay: float = 0.0  # a streamed reply: seconds between its pieces (as a slow local model)
    stall_after: int | None = None  # a streamed reply stops sending after this many pieces


@dataclass
class Recorded:
    at: float
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


def completion(
    content: str, model: str = "fake-model", finish_reason: str = "stop", usage: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "finish_reason": finish_reason, "message": {"role": "assistant", "content": content}}],
        "usage": usage
        or {
            "prompt_tokens": 100,
            "completion_tokens": 20,
            "total_tokens": 120,
            "prompt_tokens_details": {"cached_tokens": 0},
        },
    }


class FakeOpenAI(Loopback):
    """Serve `script` in order (the last step repeats), or answer with `responder(body)`."""

    def __init__(self, script: list[Step] | None = None, responder: Callable[[dict[str, Any]], Step] | None = None):
        self.script = list(script or [])
        self.responder = responder
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        self._listen(self._handler())

    @property
    def base_url(self) -> str:
        return self.origin + "/v1"

    def _next(self, body: dict[str, Any]) -> Step:
        with self._lock:
            if self.responder is not None:
                return self.responder(body)
            if len(self.script) > 1:
                return self.script.pop(0)
            return self.script[0]

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                self._send(200, {"Content-Type": "application/json"}, b'{"status": "ok"}')

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length)
                body = json.loads(raw or b"{}")
                fake.requests.append(Recorded(time.monotonic(), self.path, dict(self.headers), body))
                step = fake._next(body)
                if step.delay:
                    time.sleep(step.delay)
                if step.drop:
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if body.get("stream") and step.status == 200 and step.body is None:
                    self._stream(step, body)
                    return
                if step.body is not None:
                    payload = step.body
                elif step.status == 200:
                    payload = json.dumps(
                        completion(step.content or "", body.get("model", "fake-model"), step.finish_reason, step.usage)
                    ).encode()
                else:
                    payload = json.dumps(
                        {"error": {"message": f"fake error {step.status}", "type": "fake", "code": step.status}}
                    ).encode()
                headers = {"Content-Type": "application/json", **step.headers}
                self._send(step.status, headers, payload)

            def _stream(self, step: Step, body: dict[str, Any]) -> None:
                """Server-sent events, a few characters a piece, as llama.cpp streams tokens."""
                content, model = step.content or "", body.get("model", "fake-model")
                pieces = [content[i : i + 8] for i in range(0, len(content), 8)] or [""]
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    for index, piece in enumerate(pieces):
                        if step.stall_after is not None and index >= step.stall_after:
                            time.sleep(3600)  # a server that stopped producing tokens
                        delta = {"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                        self._event({"id": "c", "object": "chat.completion.chunk", "model": model, **delta})
                        time.sleep(step.token_delay)
                    last = {"index": 0, "delta": {}, "finish_reason": step.finish_reason}
                    self._event({"id": "c", "object": "chat.completion.chunk", "model": model, "choices": [last]})
                    if (body.get("stream_options") or {}).get("include_usage"):
                        usage = completion("")["usage"]
                        self._event(
                            {
                                "id": "c",
                                "object": "chat.completion.chunk",
                                "model": model,
                                "choices": [],
                                "usage": step.usage or usage,
                            }
                        )
                    self.wfile.write(b"data: [DONE]\n\n")
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _event(self, data: dict[str, Any]) -> None:
                self.wfile.write(b"data: " + json.dumps(data).encode() + b"\n\n")
                self.wfile.flush()

            def _send(self, status: int, headers: dict[str, str], payload: bytes) -> None:
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler
