"""Shared fixtures. No test reaches beyond this machine: the model endpoints are fakes on
loopback, and the environment is scrubbed of any real endpoint or key."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

from briefer.core.files import default_cache_dir
from briefer.lang.langid import LanguageIdentifier

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# The suite never reads or writes the user's cache (~/.cache/briefer): what a test builds there
# (word lists, CLDR tables) it builds in a cache of this run's own, as a fresh machine would. The
# one thing shared is the embedded model `make setup` assembled, read-only (`embedded_model_file`).
USER_CACHE = default_cache_dir()
_RUN_CACHE_HOME = tempfile.mkdtemp(prefix="briefer-test-cache-")
os.environ["XDG_CACHE_HOME"] = _RUN_CACHE_HOME
# Each test has a cache_dir of its own (replies, logs); the derived tables in it are this run's,
# made once and shared by every test as they would be by every run on one machine.
_RUN_TABLES = Path(_RUN_CACHE_HOME) / "briefer" / "tables"


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_RUN_CACHE_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def embedded_model_file() -> Path:
    from briefer.model.local_model import assemble_model

    return assemble_model(USER_CACHE)


@pytest.fixture(autouse=True)
def _no_real_endpoint(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "OPENAI_MODEL"):
        monkeypatch.delenv(name, raising=False)
    for name in list(os.environ):
        if name.startswith("BRIEFER_"):
            monkeypatch.delenv(name, raising=False)
    (tmp_path / "cache").mkdir()
    _RUN_TABLES.mkdir(parents=True, exist_ok=True)
    (tmp_path / "cache" / "tables").symlink_to(_RUN_TABLES, target_is_directory=True)
    monkeypatch.setenv("BRIEFER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture(scope="session")
def identifier() -> Iterator[LanguageIdentifier]:
    """One language identifier for the tests that call the checks directly, made for every
    language briefer writes (so Spanish items are checked for Portuguese too)."""
    from briefer.lang.languages import SUPPORTED

    with LanguageIdentifier(SUPPORTED) as made:
        yield made


@pytest.fixture
def chromium() -> str:
    """Debian's chromium, for the tests that look at a page as a reader would. `make test`
    installs it, so in CI (CI=true) its absence fails the test instead of skipping it."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and os.environ.get("CI"):
        pytest.fail("Debian's chromium is missing: `make browser` installs it")
    if found is None:
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    return found


@pytest.fixture
def seed_article_path() -> Path:
    return FIXTURES / "articles" / "hegseth-ukraine-peace-talks.txt"
