"""What goes into story assignment (:class:`StoryInput`), and what a story looks like from outside:
its copies, its original, its agency."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presscut.stories.minhash import Signature


@dataclass(frozen=True, slots=True)
class StoryInput:
    """A stored article to put into a story (see :meth:`StoryIndex.assign`)."""

    rowid: int
    article_id: str
    text: str
    published: str | None = None
    attribution: str | None = None
    #: Its signature when already computed (else computed from ``text``).
    signature: Signature | None = None
    #: It was never assigned (else it leaves its story first).
    fresh: bool = False
    #: ``published`` is known only to the day.
    day_only: bool = False


@dataclass(slots=True)
class StoryCopy:
    """One article of a story."""

    id: str
    title: str | None
    site_name: str | None
    published: str | None
    url: str | None
    attribution: str | None
    #: Estimated share of the shorter text found in the longer, against the story's representative.
    similarity: float | None
    #: The earliest published copy of the story.
    original: bool = False
    #: The copy the others were compared to (the first one stored).
    representative: bool = False
    #: ``published`` is known only to the day (from the URL, a dateline, the input or a feed).
    day_only: bool = False


@dataclass(slots=True)
class Story:
    """A group of copies and versions of one text across outlets and URLs."""

    id: str
    #: Id of the earliest published copy.
    original: str | None
    first_published: str | None
    #: The wire agency (or other source) that copies credit, when any does.
    attribution: str | None
    copies: list[StoryCopy] = field(default_factory=list)

    @property
    def sites(self) -> int:
        return len({c.site_name for c in self.copies})

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "sites": self.sites}
