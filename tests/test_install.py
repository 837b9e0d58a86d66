"""briefer installs as a package: the wheel carries the prompt files and the page templates,
and an installed briefer, run from a folder outside the checkout, lists them and writes a briefing.

Offline: the wheel is built without build isolation, installed without its dependencies
into a fresh virtual environment, which sees the project environment's dependencies
(not its editable briefer) through a .pth line."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from pathlib import Path

import pytest
from briefs import reply_for
from conftest import ROOT
from fake_openai import FakeOpenAI, Step

pytestmark = pytest.mark.e2e


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_the_wheel_installs_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        tmp_path,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("briefer-*.whl"))
    venv = tmp_path / "venv"
    assert _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path).returncode == 0
    python = venv / "bin" / "python"
    target = Path(
        _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], tmp_path).stdout.strip()
    )
    (target / "project-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    installed = _run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        tmp_path,
    )
    assert installed.returncode == 0, installed.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # PYTHONPATH out too: a checkout on it (as when testing a worktree) would shadow the wheel
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "BRIEFER_")) and k != "PYTHONPATH"}
    where = _run([str(python), "-c", "import briefer; print(briefer.__file__)"], elsewhere, env)
    assert str(target) in where.stdout, where.stdout + where.stderr  # the installed copy, not the checkout

    env["BRIEFER_CACHE_DIR"] = str(tmp_path / "cache")
    listed = _run([str(python), "-m", "briefer", "prompts", "list"], elsewhere, env)
    assert listed.returncode == 0 and "brief@2" in listed.stdout and "released" in listed.stdout, listed.stderr

    article = elsewhere / "bridge.txt"
    from briefs import ARTICLE

    article.write_text(ARTICLE, encoding="utf-8")
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        ran = _run(
            [
                str(python),
                "-m",
                "briefer",
                "run",
                str(article),
                "--lang",
                "en,de",
                "--out",
                "out",
                "--date",
                "2026-11-27",
                "--model",
                "fake-model",
            ],
            elsewhere,
            {**env, "OPENAI_BASE_URL": fake.base_url, "NO_PROXY": "127.0.0.1"},
        )
    assert ran.returncode == 0, ran.stderr
    day = elsewhere / "out" / "2026-11-27"
    briefing = json.loads((day / "briefing.json").read_text())
    assert {item["prompt"] for a in briefing["articles"] for item in a["items"]} == {"brief@2"}
    page = (day / "briefing.de.html").read_text(encoding="utf-8")  # from the templates the wheel carries
    assert "Content-Security-Policy" in page and "Anna Berg" in page
