"""Shared fixtures. No test reaches beyond this machine: the model endpoints are fakes on
loopback, and the environment is scrubbed of any real endpoint or key."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(autouse=True)
def _no_real_endpoint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "OPENAI_MODEL"):
        monkeypatch.delenv(name, raising=False)
    for name in list(__import__("os").environ):
        if name.startswith("BRIEFER_"):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BRIEFER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def seed_article_path() -> Path:
    return FIXTURES / "articles" / "hegseth-ukraine-peace-talks.txt"
