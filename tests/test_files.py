"""latest/ is swapped whole: a reader finds the old day or the new one, never a gap and never
half of each, and a copy that fails (a full disk) leaves nothing behind."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from briefer.core import files
from briefer.core.files import replace_folder


def _day(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    for name in ("briefing.en.md", "briefing.de.md", "index.html"):
        (folder / name).write_text(f"{text} {name}", encoding="utf-8")
    return folder


def test_latest_is_always_there_while_it_is_replaced(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"  # the output folder alone (tmp_path holds the test's cache too)
    replace_folder(_day(out / "2026-03-13", "monday"), out / "latest")
    seen: list[bool] = []
    real_replace, real_rename = os.replace, os.rename

    def watching(real):
        def call(src, dst, *args, **kwargs):
            seen.append((out / "latest" / "index.html").exists())
            return real(src, dst, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "replace", watching(real_replace))
    monkeypatch.setattr(os, "rename", watching(real_rename))
    replace_folder(_day(out / "2026-03-14", "tuesday"), out / "latest")
    monkeypatch.undo()
    seen.append((out / "latest" / "index.html").exists())
    assert seen and all(seen), seen
    assert (out / "latest" / "index.html").read_text(encoding="utf-8") == "tuesday index.html"
    assert _listing(out) == ["2026-03-13", "2026-03-14", "latest"]


def _listing(folder: Path) -> list[str]:
    """What a reader sees, and one hidden copy behind latest/ (never a leftover)."""
    hidden = [p for p in folder.iterdir() if p.name.startswith(".")]
    assert len(hidden) == 1 and (folder / "latest").resolve() == hidden[0].resolve(), hidden
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_a_copy_that_fails_leaves_the_old_latest_and_no_leftover(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"  # the output folder alone (tmp_path holds the test's cache too)
    replace_folder(_day(out / "2026-03-13", "monday"), out / "latest")
    copied: list[str] = []

    def full_disk(source, target, *args, **kwargs):
        if copied:
            raise OSError(errno.ENOSPC, "No space left on device")
        copied.append(str(source))
        return shutil.copyfile(source, target)

    monkeypatch.setattr(files.shutil, "copy2", full_disk)
    with pytest.raises(OSError, match="No space left"):
        replace_folder(_day(out / "2026-03-14", "tuesday"), out / "latest")
    assert (out / "latest" / "index.html").read_text(encoding="utf-8") == "monday index.html"
    assert _listing(out) == ["2026-03-13", "2026-03-14", "latest"]


def test_a_latest_folder_of_an_older_briefer_is_taken_over(tmp_path: Path) -> None:
    out = tmp_path / "out"  # the output folder alone (tmp_path holds the test's cache too)
    _day(out / "latest", "old layout")
    replace_folder(_day(out / "2026-03-14", "tuesday"), out / "latest")
    assert (out / "latest" / "briefing.de.md").read_text(encoding="utf-8") == "tuesday briefing.de.md"
    assert _listing(out) == ["2026-03-14", "latest"]
