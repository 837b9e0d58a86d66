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


class LanguageIdentifier:
    """The item checks' language identification: a worker process of its own, owned by whoever
    made it (a run, the calibration, an editor's review) and ended by close(). Made for the
    languages a run writes: it loads those scripts' models at once, while briefer reads its
    sources, and checks a written language's neighbours (Portuguese for Spanish) only when the
    run writes that language."""

    def __init__(self, languages: Sequence[str]) -> None:
        self._arguments = [
            *sorted({"cyrillic" if lang in _CYRILLIC else "latin" for lang in languages}),
            *(f"+{name}" for lang in sorted(set(languages)) for name in _NEIGHBOURS.get(lang, ())),
        ]
        self._process: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        with self._lock:
            self._started()

    def __enter__(self) -> LanguageIdentifier:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _started(self) -> subprocess.Popen[str]:
        if self._process is None or self._process.poll() is not None:
            # It ends when its stdin does: at close(), or when briefer exits or is killed, even
            # by kill -9. (Not PR_SET_PDEATHSIG: that fires when the starting *thread* ends.)
            self._process = subprocess.Popen(
                [sys.executable, "-m", "briefer.lang.langid", *self._arguments],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
        return self._process

    def confidences(self, texts: Sequence[str]) -> list[Confidences]:
        """The language confidences of each text."""
        with self._lock:  # one request at a time: the worker answers in order
            for _ in range(2):  # a worker that died (killed, out of memory) is started once more
                process = self._started()
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

    def close(self) -> None:
        """The worker ends: its stdin closed, it reads no more and exits."""
        with self._lock:
            process, self._process = self._process, None
        if process is None:
            return
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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
