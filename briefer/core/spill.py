"""What a run of any size keeps on disk instead of in memory: an append-only sequence of
values in an anonymous temporary file, read back one at a time.

A day of 100,000 articles held as objects took ~16 KB each (their outcomes, the items' checks);
kept here, each costs memory only while it is read (8 bytes of offset otherwise), so the
run's memory stays flat however many articles it briefs. Values are pickled: the file is
the process's own (created unreadable to others and unlinked at once: nobody else can
write it), so nothing foreign is ever unpickled.
"""

from __future__ import annotations

import pickle
import tempfile
import threading
from array import array
from typing import Callable, Generic, Hashable, Iterable, Iterator, MutableMapping, Sequence, TypeVar, overload

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
_EMPTY = -1  # a slot not written yet


class Spill(Sequence[T], Generic[T]):
    """A sequence on disk: `append` or `put` (at a slot, replacing what was there: a retried
    article's new outcome), then iterate or index as often as needed. Safe across threads."""

    def __init__(self, values: Iterable[T] = (), slots: int = 0) -> None:
        self._file = tempfile.TemporaryFile(prefix="briefer-spill-")  # noqa: SIM115 - lives with the object
        self._offsets = array("q", [_EMPTY]) * slots
        self._sizes = array("q", [0]) * slots
        self._end = 0
        self._lock = threading.Lock()
        for value in values:
            self.append(value)

    def _write(self, value: T) -> tuple[int, int]:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with self._lock:
            offset = self._end
            self._file.seek(offset)
            self._file.write(data)
            self._end += len(data)
        return offset, len(data)

    def append(self, value: T) -> None:
        offset, size = self._write(value)
        with self._lock:
            self._offsets.append(offset)
            self._sizes.append(size)

    def put(self, index: int, value: T) -> None:
        offset, size = self._write(value)
        with self._lock:
            self._offsets[index], self._sizes[index] = offset, size

    def _read(self, index: int) -> T:
        with self._lock:
            offset, size = self._offsets[index], self._sizes[index]
            if offset == _EMPTY:
                raise IndexError(f"slot {index} of the spill was never written")
            self._file.seek(offset)
            data = self._file.read(size)
        return pickle.loads(data)  # noqa: S301 - our own file, see the module's docstring

    def __len__(self) -> int:
        return len(self._offsets)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self._read(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._read(index)

    def __iter__(self) -> Iterator[T]:
        for index in range(len(self)):
            yield self._read(index)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same values, like a tuple read back from a file."""
        if not isinstance(other, Sequence) or isinstance(other, str) or len(self) != len(other):
            return NotImplemented if not isinstance(other, Sequence) else False
        return all(mine == theirs for mine, theirs in zip(self, other))

    __hash__ = None  # type: ignore[assignment]  # it changes as values are added

    def __repr__(self) -> str:
        return f"Spill({len(self)} values, {self._end} bytes on disk)"


class Stream(Generic[T]):
    """Values made afresh each time they are iterated (from a Spill, say): what a page or a
    file goes through twice without holding the day in a list."""

    def __init__(self, make: Callable[[], Iterator[T]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[T]:
        return self._make()


class SpillMap(MutableMapping[K, T], Generic[K, T]):
    """A mapping whose values are on disk (a Spill); only the keys and a slot each stay in
    memory. A value set again is written anew (the old one stays on disk, unread)."""

    def __init__(self, pairs: Iterable[tuple[K, T]] = ()) -> None:
        self._slots: dict[K, int] = {}
        self._values: Spill[T] = Spill()
        for key, value in pairs:
            self[key] = value

    def __getitem__(self, key: K) -> T:
        return self._values[self._slots[key]]

    def __setitem__(self, key: K, value: T) -> None:
        self._slots[key] = len(self._values)
        self._values.append(value)

    def __delitem__(self, key: K) -> None:
        del self._slots[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._slots)

    def __len__(self) -> int:
        return len(self._slots)
