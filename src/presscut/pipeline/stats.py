"""Counts of what each step forwarded and dropped, by reason; mergeable across workers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

#: Examples kept per drop reason, so a summary can say *which* inputs were skipped.
MAX_EXAMPLES = 3


@dataclass(slots=True)
class StepStats:
    forwarded: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def total_dropped(self) -> int:
        return sum(self.dropped.values())


@dataclass(slots=True)
class Stats:
    """Per-step counters, in the order the steps first reported."""

    steps: dict[str, StepStats] = field(default_factory=dict)

    def _step(self, name: str) -> StepStats:
        if name not in self.steps:
            self.steps[name] = StepStats()
        return self.steps[name]

    def forward(self, step: str, n: int = 1) -> None:
        self._step(step).forwarded += n

    def drop(self, step: str, reason: str, detail: str | None = None) -> None:
        s = self._step(step)
        s.dropped[reason] += 1
        if detail:
            examples = s.examples.setdefault(reason, [])
            if len(examples) < MAX_EXAMPLES:
                examples.append(detail)

    def merge(self, other: Stats) -> Stats:
        for name, theirs in other.steps.items():
            mine = self._step(name)
            mine.forwarded += theirs.forwarded
            mine.dropped.update(theirs.dropped)
            for reason, examples in theirs.examples.items():
                kept = mine.examples.setdefault(reason, [])
                kept.extend(examples[: MAX_EXAMPLES - len(kept)])
        return self

    def forwarded(self, step: str) -> int:
        return self.steps[step].forwarded if step in self.steps else 0

    def dropped(self, step: str | None = None) -> Counter[str]:
        """Drops by reason, for one step or summed over all."""
        total: Counter[str] = Counter()
        for name, s in self.steps.items():
            if step is None or name == step:
                total.update(s.dropped)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            name: {"forwarded": s.forwarded, "dropped": dict(s.dropped), "examples": s.examples}
            for name, s in self.steps.items()
        }

    def render(self) -> str:
        """A small table for the end of a run."""
        lines = [f"{'step':<10} {'forwarded':>9} {'dropped':>8}  reasons"]
        for name, s in self.steps.items():
            reasons = ", ".join(f"{r}={n}" for r, n in sorted(s.dropped.items()))
            lines.append(f"{name:<10} {s.forwarded:>9} {s.total_dropped:>8}  {reasons}")
            for reason, examples in sorted(s.examples.items()):
                for ex in examples:
                    lines.append(f"{'':<30}{reason}: {ex}")
        return "\n".join(lines)
