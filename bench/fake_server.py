"""A fake OpenAI-compatible server for benchmarks, in its own process (its memory is not
briefer's): a fixed latency per call, canned in-language replies, a count of calls."""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from briefs import reply_for  # noqa: E402  the same canned replies the tests use

CALLS = 0
SPAN: list[float] = []  # monotonic time the first request arrived and the last reply was sent
LOCK = threading.Lock()


def make_handler(latency: float):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else headers and body go as two segments and delayed ACK adds ~40 ms

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            self._send({"calls": CALLS, "busy_seconds": SPAN[-1] - SPAN[0] if SPAN else 0.0})

        def do_POST(self) -> None:
            global CALLS
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            with LOCK:
                CALLS += 1
                SPAN[:1] = SPAN[:1] or [time.monotonic()]
            time.sleep(latency)
            words = sum(len(m["content"].split()) for m in body["messages"])
            self._send(
                {
                    "id": "x",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body["model"],
                    "choices": [
                        {
                            "index": 0,
                            "finish_reason": "stop",
                            "message": {"role": "assistant", "content": reply_for(body)},
                        }
                    ],
                    "usage": {"prompt_tokens": words, "completion_tokens": 40, "total_tokens": words + 40},
                }
            )
            with LOCK:
                SPAN[1:] = [time.monotonic()]

        def _send(self, payload: dict) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = (
        256  # a class attribute: listen() runs in the constructor (the default backlog of 5 drops SYNs)
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.3)
    args = parser.parse_args()
    server = _Server(("127.0.0.1", 0), make_handler(args.latency))
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
