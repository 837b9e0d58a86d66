"""`make bench`: the figures of issues "Fast and cheap at any size" and 23, each a ratio from
one run, each with the machine's load as it started (the machine may be shared).

Figures 1, 3, 4 and 4b run against a fake OpenAI-compatible server on loopback (its own
process) with a fixed latency per call; figures 2 and 5 run on the embedded model; figure 6
is the checks' own time per item on the calibration set; figure 8 is `make brief`, from the
embedded model's recordings replayed and a real run's report.json (bench/brief.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from briefs import ARTICLE  # noqa: E402

LANGS = "en,de,fr,pl,uk"
QUIET = 0.5  # a 1-minute load average above this (per machine) marks a figure as taken under load


def machine_load() -> str:
    """The machine's load as a figure starts (the machine may be shared): said beside every figure."""
    load = os.getloadavg()[0]
    state = "quiet" if load <= QUIET else "UNDER LOAD: slower than on a quiet machine"
    return f"[load {load:.2f} on {os.cpu_count()} cores as it started: {state}]"


@contextmanager
def fake_server(latency: float) -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.fake_server", "--latency", str(latency)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        port = int(process.stdout.readline())
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        process.wait()


def server_stats(base_url: str) -> dict:
    """{"calls": requests answered, "busy_seconds": first request in to last reply out}."""
    with urllib.request.urlopen(base_url.removesuffix("/v1") + "/") as response:
        return json.load(response)


def calls(base_url: str) -> int:
    return server_stats(base_url)["calls"]


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (briefer and its language-id worker)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            own = next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0) / 1024
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            return own + sum(_rss_mb(int(child)) for child in children.read().split())
    except (FileNotFoundError, ProcessLookupError):
        return 0.0


class PeakMemory:
    """Samples a process tree's resident memory every 20 ms; `.peak` is the largest sum seen."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._done = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.wait(0.02):
            self.peak = max(self.peak, _rss_mb(self.pid))

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self.peak


_WORDS = (
    "council harbour budget ferry school station river market tunnel museum vote tender union "
    "hospital airport tram library port permit strike grant energy water housing"
).split()
_NAMES = (
    "Aalto Brandt Costa Dvorak Eriksen Fabre Gallo Horvat Ivanova Jensen Kowalski Laine Moreau Novak "
    "Olsen Petrov Quist Rossi Schmidt Tanaka Ulrich Varga Weber Xenakis Young Zielinski"
).split()


def write_articles(folder: Path, count: int) -> None:
    """Distinct stories, each with names, numbers and sentences of its own (so none is merged
    as a duplicate of another), plus the facts the canned replies cite."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        own = [
            f"{_NAMES[(n + i) % 26]} {_NAMES[(n * 7 + i * 3) % 26]}-{n} said the {_WORDS[(n + i) % 24]} "
            f"{_WORDS[(n * 5 + i) % 24]} plan number {n * 31 + i * 977 + 1000} moves to stage {n * 13 + i + 10}."
            for i in range(8)
        ]
        (folder / f"a{n:05d}.txt").write_text(ARTICLE + "\n" + "\n".join(own) + "\n")


def _with_tables(cache: Path) -> None:
    """A run's own cache (its replies) holding the machine's tables as `make setup` made them:
    the figures time briefing, not the one-off making of word lists."""
    from briefer.lang.languages import prepare
    from briefer.settings.config import load_settings

    cache.mkdir(parents=True, exist_ok=True)
    if not (cache / "tables").exists():
        (cache / "tables").symlink_to(prepare(load_settings().cache_dir).parent, target_is_directory=True)


def briefer_run(folder: Path, out: Path, cache: Path, env_extra: dict[str, str], langs: str) -> tuple[float, float]:
    """(wall seconds, peak resident MB of briefer and its worker together) of one `briefer run`."""
    _with_tables(cache)
    env = {**os.environ, "BRIEFER_CACHE_DIR": str(cache), **env_extra}
    env.pop("OPENAI_API_KEY", None)
    command = [
        sys.executable,
        "-m",
        "briefer",
        "run",
        str(folder),
        "--lang",
        langs,
        "--out",
        str(out),
        "--date",
        "2026-11-27",
        "--model",
        "fake-model",
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid)
    _, stderr = process.communicate()
    elapsed = time.perf_counter() - started
    peak = memory.stop()
    if process.returncode not in (0, 3):
        raise SystemExit(f"briefer run failed ({process.returncode}): {stderr[-2000:]}")
    return elapsed, peak


def figure_1_and_3(work: Path) -> None:
    articles, latency, concurrency = 200, 0.3, 16
    write_articles(work / "a200", articles)
    with fake_server(latency) as url:
        env = {"OPENAI_BASE_URL": url, "BRIEFER_CONCURRENCY": str(concurrency)}
        load = machine_load()
        wall, _ = briefer_run(work / "a200", work / "out1", work / "cache1", env, LANGS)
        stats = server_stats(url)
        made, busy = stats["calls"], stats["busy_seconds"]
        ideal = made * latency / concurrency
        seconds = json.loads(next((work / "out1").glob("**/report.json")).read_text())["seconds"]
        print(
            f"1. wall/ideal = {wall / ideal:.3f}  ({articles} articles x 5 languages, {made} calls, "
            f"{latency * 1000:.0f} ms each, concurrency {concurrency}: {wall:.1f} s vs ideal {ideal:.1f} s; target <= 1.05); "
            f"the model phase alone (first request to last reply) = {busy / ideal:.3f}; where the rest went: "
            f"start-up (interpreter, imports) {wall - seconds['run']:.1f} s, plan (read, dedupe, memory, rank, "
            f"estimate) {seconds['plan']:.1f} s, the model's part {seconds['briefing']:.1f} s, "
            f"files, memory, archive {seconds['run'] - seconds['plan'] - seconds['briefing']:.1f} s {load}"
        )
        load = machine_load()
        wall2, _ = briefer_run(work / "a200", work / "out1", work / "cache1", env, LANGS)
        print(
            f"3. second identical run: {calls(url) - made} model calls (target 0), "
            f"{wall2 / articles * 100:.2f} s per 100 articles {load}"
        )


def figure_4(work: Path, counts: tuple[int, ...] = (1000, 10000)) -> dict[int, tuple[float, float]]:
    results, loads = {}, []
    with fake_server(0.0) as url:
        for count in counts:
            write_articles(work / f"m{count}", count)
            env = {"OPENAI_BASE_URL": url, "BRIEFER_CONCURRENCY": "16", "BRIEFER_REPLY_CACHE": "false"}
            loads.append(machine_load())
            results[count] = briefer_run(work / f"m{count}", work / f"outm{count}", work / f"cachem{count}", env, "en")
            shutil.rmtree(work / f"m{count}")  # 100,000 article files are not kept for the next run
            shutil.rmtree(work / f"outm{count}")
    if counts == (1000, 10000):
        (t1, m1), (t10, m10) = results[1000], results[10000]
        print(
            f"4. peak memory of briefer and its language-id worker: {m1:.0f} MB at 1,000 articles, {m10:.0f} MB at 10,000 (target < 400 MB); "
            f"time ratio 10k/1k = {t10 / t1:.2f} (target <= 10.5); one language, 0 ms fake latency {' '.join(loads)}"
        )
    return results


def figure_4b(work: Path, ten_thousand: tuple[float, float] | None) -> None:
    """Peak memory at 100,000 articles against 10,000: flat is within 1.2x."""
    if ten_thousand is None:
        ten_thousand = figure_4(work, (10000,))[10000]
    load = machine_load()
    (t100, m100) = figure_4(work, (100000,))[100000]
    t10, m10 = ten_thousand
    print(
        f"4b. peak memory at 100,000 articles / at 10,000 = {m100 / m10:.2f} ({m100:.0f} MB vs {m10:.0f} MB; "
        f"target <= 1.2: flat); time 100k/10k = {t100 / t10:.2f} ({t100:.0f} s); one language, 0 ms fake latency {load}"
    )


def figure_6() -> None:
    """The checks' own cost per item: every calibration reference and defect, checked twice
    (the first pass also loads the language data: word lists, CLDR, the language worker)."""
    from briefer.measure import calibration
    from briefer.settings.config import load_settings

    cases = calibration.load_cases(ROOT / "fixtures")
    load = machine_load()
    settings = load_settings(environ={})
    started = time.perf_counter()
    outcomes = calibration.judge(cases, settings)
    first = time.perf_counter() - started
    started = time.perf_counter()
    calibration.judge(cases, settings)
    again = time.perf_counter() - started
    print(
        f"6. checks: {again / len(outcomes) * 1000:.1f} ms per item, every check incl. the language worker's "
        f"round trip ({len(outcomes)} items; the first pass, which loads the language data, "
        f"{first / len(outcomes) * 1000:.1f} ms per item) {load}"
    )


def main() -> None:
    """`python -m bench [figure ...]`: every figure, or the ones named (1 3 4 4b 6 7 8 2 5)."""
    which = set(sys.argv[1:]) or {"1", "3", "4", "4b", "2", "5", "6", "7", "8"}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="briefer-bench-") as tmp:
        work = Path(tmp)
        if "8" in which:
            from bench.brief import figure_8

            figure_8(ROOT / "out", machine_load())
        if which & {"1", "3"}:
            figure_1_and_3(work)
        memory = figure_4(work) if "4" in which else {}
        if "4b" in which:
            figure_4b(work, memory.get(10000))
        if "6" in which:
            figure_6()
        if "7" in which:
            from bench.year import figure_7

            figure_7(work, machine_load())
        if which & {"2", "5"}:
            from bench.embedded import figures_2_and_5

            figures_2_and_5(work)
    print(f"(make bench took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
