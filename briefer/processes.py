"""Child processes that never outlive briefer (the model server, the language-id worker)."""

from __future__ import annotations

import ctypes
import signal


def die_with_parent(sig: int = signal.SIGTERM) -> None:
    """In the child: ask Linux to send `sig` when briefer dies, even by kill -9."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, sig)  # PR_SET_PDEATHSIG
    except OSError:
        pass
