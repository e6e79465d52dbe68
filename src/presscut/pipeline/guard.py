"""Per-record time limit (cf. resiliparse's process_guard)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class RecordTimeout(TimeoutError):
    """One record took longer than its time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`RecordTimeout` inside the block once ``seconds`` have passed.

    Uses a real-time interval timer, so it works only in the main thread of a
    process on POSIX; elsewhere (or with ``seconds <= 0``) the block runs
    unguarded.  Each worker process of the process executor runs steps in its
    own main thread, so the guard holds there too.
    """
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise RecordTimeout(f"record took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
