"""A table made once per process and argument, by one thread however many ask at once.

functools.cache lets every thread that asks before the first answer is in make its own
copy: the sixteen articles a run starts together each built the place tables (CLDR and
ISO regions, ~20 MB apiece) at the same moment, and the copies, freed but kept by the
allocator, were some 100 MB of a run's peak memory. Here the first caller builds, the others
wait for its answer. A table built by a caller of another `once` table is fine; two tables
that build each other would wait for ever (none does).
"""

from __future__ import annotations

import functools
import threading
from typing import Callable, Hashable, TypeVar

F = TypeVar("F", bound=Callable[..., object])


def once(function: F) -> F:
    """`functools.cache` for tables: positional arguments only, each key built by one thread."""
    made: dict[tuple[Hashable, ...], object] = {}
    building: dict[tuple[Hashable, ...], threading.Lock] = {}
    guard = threading.Lock()

    @functools.wraps(function)
    def table(*args: Hashable) -> object:
        try:
            return made[args]
        except KeyError:
            pass
        with guard:
            lock = building.setdefault(args, threading.Lock())
        with lock:
            if args not in made:
                made[args] = function(*args)
            return made[args]

    table.cache_clear = made.clear  # type: ignore[attr-defined]  # as functools.cache's, for tests
    return table  # type: ignore[return-value]  # the same signature as `function`
