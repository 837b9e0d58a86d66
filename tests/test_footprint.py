"""What a run holds in memory: a table the checks share is made once however many articles
start together, and a language's text loads no other language's dictionaries it does not
need (figure 4: briefer and its language worker under 400 MB)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefer.lang import gazetteer, names, regions


def test_the_place_tables_are_read_once_when_sixteen_articles_start_together(monkeypatch: pytest.MonkeyPatch) -> None:
    reads = []
    read = regions.tables

    def slow_read(langs: tuple[str, ...]) -> dict[str, list[str]]:
        reads.append(langs)
        time.sleep(0.2)  # a big table takes a while to parse: the other articles ask meanwhile
        return read(langs)

    monkeypatch.setattr(regions, "tables", slow_read)
    gazetteer.place_concepts.cache_clear()
    start = threading.Barrier(16)
    found = []

    def article() -> None:
        start.wait()
        found.append(gazetteer.place_concepts())

    threads = [threading.Thread(target=article) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    gazetteer.place_concepts.cache_clear()  # the next test reads the real tables
    assert len(reads) == 1
    assert all(table is found[0] for table in found) and "R:IT-NA" in found[0]


def test_english_names_ask_no_foreign_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    """The German rule (a capital two other languages know only as a name) is for German:
    an English story key asks no French or Polish dictionary (~40 MB loaded for nothing)."""
    asked = []
    monkeypatch.setattr(names, "noun", lambda word, lang: asked.append(lang) or False)
    names.named_abroad.cache_clear()
    found = names.names_in("The mayor, Anna Kowalski, opened a bridge in Gdansk on Monday.", "en", proper=True)
    names.named_abroad.cache_clear()
    assert "Kowalski" in found and "Gdansk" in found
    assert asked == []


def test_checking_an_english_item_loads_no_ukrainian_morphology() -> None:
    """A Latin-script word is no Ukrainian word: the names check asks whether a first name is a
    common word in every language, and that loaded pymorphy3's Ukrainian and Russian
    dictionaries (~70 MB) in a run that writes no Ukrainian. A fresh interpreter, so what an
    earlier test loaded does not count."""
    script = """
import sys
from briefer.checks.proper_names import check_names
from briefer.checks.source import read_source
from briefer.core.models import Item
source = read_source("Bridge opens\\nMinister Anna Berg opened the bridge in Oslo on Monday.", "en")
item = Item(article_id="a", lang="en", headline="Bridge opens in Oslo", bullets=("Anna Berg opened it on Monday.",))
assert check_names(item, source).passed
print("pymorphy3" in sys.modules)
"""
    # the first run may make the cache's number-word tables (Ukrainian's from pymorphy3): once a machine
    loaded = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.strip()
        for _ in range(2)
    ]
    assert loaded[1] == "False"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the worker's resident memory in /proc")
def test_the_language_worker_gives_back_what_loading_its_models_took() -> None:
    """lingua loads its models through buffers it frees; the worker hands that memory back
    to the system (Latin models: ~200 MB resident before, ~155 MB after)."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "briefer.lang.langid", "latin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert worker.stdin is not None and worker.stdout is not None
    try:
        for _ in range(2):  # the second answer comes after the first one's memory was given back
            worker.stdin.write(json.dumps(["The council met on Monday to vote on the harbour budget."]) + "\n")
            worker.stdin.flush()
            assert json.loads(worker.stdout.readline())[0][0][0] == "en"
        status = Path(f"/proc/{worker.pid}/status").read_text()
        resident_mb = int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1]) / 1024
    finally:
        worker.stdin.close()
        worker.wait()
    assert resident_mb < 175
