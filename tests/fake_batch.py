"""A fake OpenAI Batch endpoint on loopback: files upload, batches create/retrieve, output
file download. A job stays in_progress for `polls_before_done` retrievals, then completes
with a reply per request from `responder(body)`."""

from __future__ import annotations

import json
import re
from http.server import BaseHTTPRequestHandler
from typing import Any, Callable

from fake_openai import completion
from loopback import Loopback


class FakeBatch(Loopback):
    def __init__(self, responder: Callable[[dict[str, Any]], str], polls_before_done: int = 1):
        self.responder = responder
        self.polls_before_done = polls_before_done
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.chat_calls = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path.endswith("/files"):
                    content = re.search(rb"\r\n\r\n(.*?)\r\n--", raw.split(b'filename="')[1], re.S).group(1)
                    file_id = f"file-{len(fake.files)}"
                    fake.files[file_id] = content
                    return self._json(
                        {
                            "id": file_id,
                            "object": "file",
                            "bytes": len(content),
                            "created_at": 0,
                            "filename": "in.jsonl",
                            "purpose": "batch",
                            "status": "processed",
                        }
                    )
                if self.path.endswith("/batches"):
                    body = json.loads(raw)
                    batch_id = f"batch-{len(fake.batches)}"
                    fake.batches[batch_id] = {"input": body["input_file_id"], "polls": 0}
                    return self._json(fake._batch(batch_id, "validating"))
                if self.path.endswith("/chat/completions"):
                    fake.chat_calls += 1
                    return self._json(completion(fake.responder(json.loads(raw))))
                self._json({"error": {"message": "no such route"}}, 404)

            def do_GET(self) -> None:
                match = re.search(r"/batches/([\w-]+)$", self.path)
                if match:
                    return self._json(fake._retrieve(match.group(1)))
                match = re.search(r"/files/([\w-]+)/content$", self.path)
                if match:
                    return self._raw(fake.files[match.group(1)])
                self._json({"error": {"message": "no such route"}}, 404)

            def _json(self, payload: dict, status: int = 200) -> None:
                self._raw(json.dumps(payload).encode(), status, "application/json")

            def _raw(self, data: bytes, status: int = 200, kind: str = "application/octet-stream") -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._listen(Handler)
        self.base_url = self.origin + "/v1"

    def _batch(self, batch_id: str, status: str, output: str | None = None) -> dict[str, Any]:
        return {
            "id": batch_id,
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
            "created_at": 0,
            "input_file_id": self.batches[batch_id]["input"],
            "status": status,
            "output_file_id": output,
        }

    def _retrieve(self, batch_id: str) -> dict[str, Any]:
        batch = self.batches[batch_id]
        batch["polls"] += 1
        if batch["polls"] <= self.polls_before_done:
            return self._batch(batch_id, "in_progress")
        if "output" not in batch:
            lines = []
            for line in self.files[batch["input"]].decode().splitlines():
                request = json.loads(line)
                body = completion(self.responder(request["body"]), request["body"]["model"])
                lines.append(
                    json.dumps(
                        {"id": "r", "custom_id": request["custom_id"], "response": {"status_code": 200, "body": body}}
                    )
                )
            batch["output"] = f"file-{len(self.files)}"
            self.files[batch["output"]] = ("\n".join(lines) + "\n").encode()
        return self._batch(batch_id, "completed", batch["output"])
