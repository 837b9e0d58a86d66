"""Writing files so that a crash, a kill or a full disk never leaves half of one: every
file goes to a temp beside it, is synced, and is renamed into place."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from briefer.core.errors import TemporaryError

TEMP_SUFFIX = ".tmp"


Text = str | Iterable[str]  # a whole text, or its pieces in order


def _file_mode() -> int:
    """What a plain open() would give under this process's umask (mkstemp gives 0600: a web
    server running as another user could not serve the desk page)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()  # read once: umask() is process-wide, not to be toggled while threads write
_DIR_MODE = _FILE_MODE | (0o111 & (_FILE_MODE >> 2))  # x wherever r: 0755 under 022


def replace_folder(
    source: Path, target: Path, keep: Callable[[str], bool] = lambda name: True, also: Mapping[str, Path] | None = None
) -> Path:
    """`target` becomes a copy of the files in `source`. `target` is a link to a hidden folder,
    and the link is swapped by one rename: readers find the old day or the new one, never a
    gap between two renames and never half of each. A copy that fails (a full disk) leaves
    nothing behind, and the old folder stays."""
    fresh = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-"))
    link = target.parent / f"{fresh.name}.link"
    try:
        for path in source.iterdir():
            if path.is_file() and not path.name.startswith(".") and keep(path.name):
                shutil.copy2(path, fresh / path.name)
        for name, path in (also or {}).items():  # files under other names, in place before the swap
            shutil.copy2(path, fresh / name)
        fresh.chmod(_DIR_MODE)
        os.symlink(fresh.name, link)  # relative: the output folder may be moved or served elsewhere
        if target.is_dir() and not target.is_symlink():  # an older briefer's real folder, once
            shutil.rmtree(target)
        os.replace(link, target)
    except BaseException:
        link.unlink(missing_ok=True)
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    for stale in target.parent.glob(f".{target.name}-*"):  # the previous copy, and any a killed run left
        if stale != fresh and stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
    return target


def _write_temp(path: Path, text: Text) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        os.fchmod(fd, _FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.writelines([text] if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Path(temp)


def write_all(files: Iterable[tuple[Path, Text]]) -> list[Path]:
    """Write every file to a temp beside it, then rename them all. A full disk or an error
    while writing leaves every old file as it was; renames need no space. `files` may be a
    generator, and a text a generator of pieces: each is made, written and dropped in turn."""
    temps: dict[Path, Path] = {}
    try:
        for path, text in files:
            temps[path] = _write_temp(path, text)
    except BaseException:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
        raise
    for path, temp in temps.items():
        os.replace(temp, path)
    return list(temps)


def write_atomic(path: Path, text: Text) -> None:
    write_all([(path, text)])


def remove_stale_temps(folder: Path, pattern: str = f".*{TEMP_SUFFIX}") -> int:
    """Temp files of a run killed mid-write (kill -9 leaves them; they are never read)."""
    stale = list(folder.glob(pattern)) if folder.is_dir() else []
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)


def default_cache_dir() -> Path:
    """Where briefer keeps what it can make again (word lists, CLDR tables, the embedded model)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefer"


# The tables briefer derives from its libraries' data (word lists, CLDR, regions, cities, number
# words) are the installed packages' data in another form: their file names carry the packages'
# versions, so every run in a process reads the same tables, memoised in memory where they are
# read. Only where they are kept on disk is a setting: the settings' cache_dir, which each entry
# (a run's plan and briefing, the calibration, the review server, setup) hands to keep_tables_in.
_tables_home: list[Path] = []


def keep_tables_in(cache_dir: Path) -> None:
    """The derived tables are read from and made into `cache_dir` from now on."""
    _tables_home[:] = [cache_dir]


def tables_dir() -> Path:
    """Where the derived tables are kept: in the cache_dir an entry handed over, else the default."""
    return (_tables_home[0] if _tables_home else default_cache_dir()) / "tables"


def cached_json(name: str, build: Callable[[], Any]) -> Any:
    """A table made once from a library's data (CLDR, number words) and kept in the tables'
    folder as `name`: read back while it is readable, made again when it is not."""
    path = tables_dir() / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        table = build()
        write_atomic(path, json.dumps(table, ensure_ascii=False))
        return table


@contextmanager
def desk_lock(folder: Path) -> Iterator[None]:
    """One writer per desk folder at a time (a run, or a reviewed day being sent); a second
    one exits 75 at once and touches nothing."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".briefer.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise TemporaryError(f"another briefer run holds the lock on {folder}; try again later") from None
        yield
