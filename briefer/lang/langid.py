"""Language identification with lingua (imported here only).

The checks' texts (headlines, bullets) go to a worker process: lingua holds the GIL while
it works, and on its first text under 120 characters it loads ~250 MB of n-gram models,
which takes seconds. In-process, both would stall every thread waiting on a model reply;
in the worker they run on another core, and the models load while briefer reads its
sources. Whole articles are identified in-process: for texts of 120 characters and more
lingua needs only its small trigram models.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import threading
from typing import Callable, Sequence

from briefer.core.errors import TemporaryError
from briefer.core.once import once

# Articles may come in any of these (long texts: lingua uses only its small trigram models).
_ARTICLE_LANGUAGES = (
    "ENGLISH",
    "GERMAN",
    "FRENCH",
    "POLISH",
    "UKRAINIAN",
    "RUSSIAN",
    "SPANISH",
    "ITALIAN",
    "DUTCH",
    "PORTUGUESE",
    "CZECH",
    "SLOVAK",
    "BELARUSIAN",
    "BULGARIAN",
)
# Items are checked against the languages briefer writes and those a small model slips into
# (Russian for Ukrainian, a Belarusian-like mix). For short texts every language costs ~17-25
# MB of models, so Portuguese, which a Spanish item slips into (and passed as Spanish without
# it), is checked for only in runs that write Spanish.
_CHECK_LANGUAGES = (
    "ENGLISH",
    "GERMAN",
    "FRENCH",
    "POLISH",
    "UKRAINIAN",
    "SPANISH",
    "ITALIAN",
    "RUSSIAN",
    "BELARUSIAN",
    "BULGARIAN",
)
_NEIGHBOURS = {"es": ("PORTUGUESE",)}
# A short text in a script loads the models of every checked language written in it.
_WARM_UP = {"latin": "The council met on Monday.", "cyrillic": "Рада зібралася в понеділок."}
_CYRILLIC = {"uk", "ru", "be", "bg"}

Confidences = dict[str, float]  # ISO 639-1 code -> confidence in [0, 1], highest first


@once
def _detector(languages: tuple[str, ...]):
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*[getattr(Language, name) for name in languages]).build()


def _confidences_here(texts: Sequence[str], languages: tuple[str, ...] = _CHECK_LANGUAGES) -> list[Confidences]:
    detector = _detector(languages)
    return [
        {
            value.language.iso_code_639_1.name.lower(): value.value
            for value in detector.compute_language_confidence_values(text)
        }
        for text in texts
    ]


def detect_language(text: str) -> str:
    """The language of an article, identified in-process (see above)."""
    return next(iter(_confidences_here((text,), _ARTICLE_LANGUAGES)[0]), "und")


# ---- the worker: one JSON line in (a list of texts), one out (their confidences) ----


class _Worker:
    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._neighbours = tuple(name for names in _NEIGHBOURS.values() for name in names)  # all, unless warmed up
        self._lock = threading.Lock()

    def start(self, scripts: Sequence[str], neighbours: Sequence[str]) -> None:
        with self._lock:
            if self._process is not None and tuple(neighbours) != self._neighbours:
                self._process.kill()  # started for other languages (an earlier run in this process)
                self._process.wait()
            self._start(scripts, neighbours)

    def _start(self, scripts: Sequence[str] = (), neighbours: Sequence[str] | None = None) -> subprocess.Popen[str]:
        """A warm-up decides which neighbours are checked for; without one, all."""
        if neighbours is not None:
            self._neighbours = tuple(neighbours)
        if self._process is None or self._process.poll() is not None:
            # It ends when its stdin does: when briefer exits or is killed, even by kill -9.
            # (Not PR_SET_PDEATHSIG: that fires when the starting *thread* ends.)
            self._process = subprocess.Popen(
                [sys.executable, "-m", "briefer.lang.langid", *scripts, *(f"+{name}" for name in self._neighbours)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
        return self._process

    def ask(self, texts: Sequence[str]) -> list[Confidences]:
        with self._lock:  # one request at a time: the worker answers in order
            for _ in range(2):  # a worker that died (killed, out of memory) is started once more
                process = self._start()
                try:
                    assert process.stdin is not None and process.stdout is not None  # both PIPE
                    process.stdin.write(json.dumps(list(texts)) + "\n")
                    process.stdin.flush()
                    line = process.stdout.readline()
                except (BrokenPipeError, OSError):
                    line = ""
                if line:
                    return [dict(pairs) for pairs in json.loads(line)]
                process.kill()
                process.wait()
        raise TemporaryError(
            "the language identification worker (python -m briefer.lang.langid) stopped twice; out of memory? try again"
        )


_worker = _Worker()


def warm_up(languages: Sequence[str]) -> None:
    """Start the worker now: it loads the models for these languages' scripts while briefer
    reads its sources (any other script's models load when a text in it first comes)."""
    _worker.start(
        sorted({"cyrillic" if lang in _CYRILLIC else "latin" for lang in languages}),
        [name for lang in languages for name in _NEIGHBOURS.get(lang, ())],
    )


def confidences(texts: Sequence[str]) -> list[Confidences]:
    """The language confidences of each text, from the worker."""
    return _worker.ask(texts)


def _memory_giver() -> Callable[[], object]:
    """lingua reads its models through buffers it frees once they are loaded (~50 MB of the
    worker's ~200), but the C allocator keeps freed memory for the process: glibc's
    malloc_trim gives it back to the system (~0.1 ms when there is nothing to give back).
    Elsewhere (no glibc) nothing is given back."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return lambda: None
    return lambda: trim(0)  # 0: keep no free memory at the heap's top either


def _serve(arguments: Sequence[str]) -> None:
    """arguments: the scripts to warm up ("latin", "cyrillic") and +LANGUAGE neighbours."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is briefer's to handle
    checked = _CHECK_LANGUAGES + tuple(a[1:] for a in arguments if a.startswith("+"))
    warm = [_WARM_UP[a] for a in arguments if a in _WARM_UP]
    _confidences_here(warm, checked)  # not lingua's preloading: ~100 MB more
    give_back = _memory_giver()
    give_back()
    try:
        for line in sys.stdin:
            replies = _confidences_here(json.loads(line), checked)
            sys.stdout.write(json.dumps([list(reply.items()) for reply in replies]) + "\n")
            sys.stdout.flush()
            give_back()  # a text in a script not warmed up has just loaded its models
    except BrokenPipeError:
        pass  # briefer is gone (killed mid-request): nothing to answer, nothing to say
    os._exit(0)  # no flush at exit: stdout may be a broken pipe


if __name__ == "__main__":
    _serve(sys.argv[1:])
