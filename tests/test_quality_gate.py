"""Quality gate: presscut's extraction scores on the development benchmarks hold their floors.

The floors live in ``tests/quality_floors.json``, set just below what the
extractor reaches; raise them when extraction improves, and never lower one
without saying why in the commit.  Needs ``../shared/bench`` (the data is not
part of the repository): skipped with a message when it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from presscut.bench.extract import run_extract_bench

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
FLOORS = json.loads((Path(__file__).resolve().parent / "quality_floors.json").read_text(encoding="utf-8"))

pytestmark = [
    pytest.mark.bench,
    pytest.mark.slow,
    pytest.mark.skipif(
        not BENCH.is_dir(),
        reason=f"benchmark data not found at {BENCH}: the development benchmarks live in ../shared/bench",
    ),
]


def _scores(dataset: str) -> dict[str, Any]:
    result = run_extract_bench(BENCH / dataset)
    scores: dict[str, Any] = dict(result["results"][0])
    for key, value in (result.get("metadata") or {}).items():
        if isinstance(value, dict) and value.get("accuracy") is not None:
            scores[f"{key}_accuracy"] = value["accuracy"]
    return scores


@pytest.mark.parametrize("dataset", sorted(k for k in FLOORS if not k.startswith("_")))
def test_scores_hold_their_floors(dataset: str) -> None:
    if not (BENCH / dataset).is_dir():
        pytest.skip(f"{BENCH / dataset} is absent")
    scores = _scores(dataset)
    below = {
        key: (round(scores.get(key, 0.0), 4), floor)
        for key, floor in FLOORS[dataset].items()
        if scores.get(key, 0.0) < floor
    }
    assert not below, f"{dataset}: scores below their floors (score, floor): {below}"
