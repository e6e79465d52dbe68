"""Settings of story grouping: one typed object, passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """How texts are compared and when two are versions of one story.

    The defaults catch copies that keep at least ~30% of a text (Jaccard about
    0.25 between a teaser and the full text): 64 bands of 2 rows make such a
    pair a candidate with probability ~0.99, while pairs below Jaccard 0.05
    rarely are.  Candidates are then checked on containment, so a follow-up
    that quotes a sentence or two of an earlier story stays a story of its own.
    """

    #: Words per shingle.
    shingle: int = 4
    #: MinHash values per signature, one per bin of the shingle hashes (``bands * rows`` of them feed LSH).
    permutations: int = 128
    bands: int = 64
    #: Texts with fewer distinct shingles than this are only grouped when their text is identical.
    min_shingles: int = 8
    #: Estimated share of the shorter text found in the longer one, to be the same story.
    containment: float = 0.5
    #: And at least this many shared shingles (estimated).
    min_shared: float = 6.0
    #: Candidates (those sharing the most bands) checked per new article.
    max_candidates: int = 12
    seed: int = 20240601

    @property
    def rows(self) -> int:
        return self.permutations // self.bands

    def __post_init__(self) -> None:
        if self.shingle < 1 or self.bands < 1 or self.permutations < self.bands:
            raise ValueError("StoryConfig: shingle and bands must be >= 1, permutations >= bands")
        if not 0.0 < self.containment <= 1.0:
            raise ValueError("StoryConfig: containment must be in (0, 1]")


#: Level numbers of one tier of the bucket index: its runs are levels ``(tier - 1) * TIER_RUNS + 1`` and up, so a
#: tier holds at most this many runs (``BucketLayout.fanout`` is at most this).
TIER_RUNS = 64


@dataclass(frozen=True, slots=True)
class BucketLayout:
    """How the LSH bucket index is laid out (:mod:`presscut.stories.buckets`); it never changes any assignment.

    New band keys go into a small level 0; a full level 0 becomes a sorted run
    of tier 1, and ``fanout`` runs of one tier merge into one run of the next
    tier, or into the main table once they hold at least ``1 / main_share`` of
    the main table's keys.  Larger ``main_share`` means smaller levels (less
    memory for their in-memory copies) but more frequent rewrites of the main
    table's pages; larger ``fanout`` means fewer rewrites of the levels but more
    runs for a lookup to search.
    """

    #: Keys level 0 holds before it moves down (16,384 keys: 256 articles of 64 new keys).
    level0: int = 16384
    #: Runs of one tier that merge into one run of the next.
    fanout: int = 16
    #: The runs of a tier move into the main table once they hold 1/main_share of the main table's keys.
    main_share: int = 16
    #: About how many keys of the main table one step of a move into it reads, merges and writes.  A move into
    #: a main table of more keys takes one step at once and one more at each following move out of level 0,
    #: so no single transaction rewrites the whole table.
    main_step: int = 1 << 20

    def __post_init__(self) -> None:
        if self.level0 < 1 or self.fanout < 2 or self.main_share < 1 or self.main_step < 1:
            raise ValueError("BucketLayout: level0, main_share and main_step must be >= 1, fanout >= 2")
        if self.fanout > TIER_RUNS:
            raise ValueError(f"BucketLayout: fanout must be at most {TIER_RUNS}")
