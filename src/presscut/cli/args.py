"""Argument types shared by the command groups, and how they open a corpus.

The command modules import the library only inside their handlers (through
:func:`open_corpus` or a local import), so ``presscut --help`` and a mistyped
command answer without loading the extractor, numpy and the store.
"""

from __future__ import annotations

import argparse
import os
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presscut.config import IngestConfig
    from presscut.corpus import Corpus

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def duration(value: str) -> float:
    """``90``, ``30s``, ``15m``, ``2h``, ``1d`` as seconds."""
    m = _DURATION.match(value.lower())
    if not m or float(m[1]) <= 0:
        raise argparse.ArgumentTypeError(f"not a duration: {value!r} (use e.g. 30s, 15m, 2h)")
    return float(m[1]) * _UNITS[m[2]]


def worker_counts(value: str) -> list[int]:
    try:
        counts = [int(v) for v in value.split(",") if v.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {value!r}") from exc
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("worker counts must be 1 or more")
    return counts


def open_corpus(path: str | os.PathLike[str], config: IngestConfig | None = None, *, create: bool = True) -> Corpus:
    """A :class:`~presscut.corpus.Corpus` at ``path``, the library imported only now."""
    from presscut.corpus import Corpus

    return Corpus(path, config, create=create)
