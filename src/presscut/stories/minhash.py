"""Word shingles and one-permutation MinHash signatures, vectorised with numpy.

A text becomes the set of its overlapping ``k``-word shingles (casefolded
``\\w+`` words, NFKC), each hashed to 32 bits.  A signature cuts the hash range
into ``permutations`` equal bins and keeps, per bin, the smallest hash that
falls in it (one-permutation hashing: the shingle hashes are already sorted
for their distinct values, so each bin's smallest is the first of its run, at
no extra cost); a bin no shingle falls in takes the value of the next bin
that has one, offset by the distance (rotation densification).  Two signatures
agree in a position with probability about the Jaccard similarity of the two
shingle sets; with both set sizes known, that also estimates how much of the
shorter text the longer one contains.  (Up to schema 10 a signature took the
minimum under each of ``permutations`` hash functions, an outer product over
the shingles that cost more than all the rest of the signature; the bench
groups the same either way.)
"""

from __future__ import annotations

import functools
import itertools
import re
import sys
import unicodedata
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from presscut.stories.config import StoryConfig

_U64 = np.uint64
#: Base of the polynomial word hash (odd, so invertible modulo 2**64).
_BASE = 0x100000001B3
#: What a borrowed signature value is offset by, per bin of distance (odd: distances stay apart).
_OFFSET = 0x9E3779B1
#: Characters of text whose hash powers a hasher keeps between calls (16 bytes each: 16 MB).
KEPT_POWERS = 1 << 20


@functools.cache
def _word_chars() -> npt.NDArray[np.bool_]:
    """For every code point, whether ``re``'s ``\\w`` matches it (built once per process).

    ``re`` scans one string of all code points (surrogates excepted), so the
    table agrees with ``\\w`` exactly and costs a few tens of milliseconds.
    """
    table = np.zeros(sys.maxunicode + 1, dtype=np.bool_)
    for lo, hi in ((0, 0xD800), (0xE000, sys.maxunicode + 1)):
        chars = np.arange(lo, hi, dtype="<u4").tobytes().decode("utf-32-le")
        for m in re.finditer(r"\w+", chars):
            table[lo + m.start() : lo + m.end()] = True
    return table


def _codes(text: str) -> npt.NDArray[np.uint8] | npt.NDArray[np.uint16] | npt.NDArray[np.uint32]:
    """The code points of ``text``: 8 bits each for ASCII, 16 when all lie in the Basic Multilingual
    Plane (a third of the cost of encoding 32 bits each), else 32."""
    if text.isascii():
        return np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    codes = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    if ((codes & 0xF800) == 0xD800).any():  # a surrogate pair: a character beyond the plane
        return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return codes


def _term(codes: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """``g(c)``, what a (folded) character contributes to the running sum of :meth:`MinHasher.word_hashes`."""
    with np.errstate(over="ignore"):
        return codes * _U64(0xD6E8FEB86659FD93) + _U64(0x9E3779B1)


@functools.cache
def _plane_tables() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """For every code point of the Basic Multilingual Plane: the term ``g`` of its case fold, whether its case
    fold is a word character, and whether it folds to more than one character ("ß" to "ss"; such a text is
    folded with ``str.casefold``).  Built once per process, in a few milliseconds."""
    folded = np.arange(0x10000, dtype=np.uint64)
    expands = np.zeros(0x10000, dtype=np.bool_)
    for c in itertools.chain(range(0xD800), range(0xE000, 0x10000)):
        char = chr(c)
        fold = char.casefold()
        if fold != char:
            if len(fold) == 1:
                folded[c] = ord(fold)
            else:
                expands[c] = True
    return _term(folded), _word_chars()[folded.astype(np.intp)], expands


def _distinct(values: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """The distinct values, ascending: what ``np.unique`` gives, at an eighth of its cost on a text's
    few hundred shingles (numpy 2's ``unique`` has a large fixed cost)."""
    values = np.sort(values)
    keep = np.empty(values.size, dtype=np.bool_)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _power_series(base: int, n: int) -> npt.NDArray[np.uint64]:
    """``base**0 .. base**(n-1)`` modulo 2**64, by doubling: each step multiplies the powers so far by
    ``base**filled`` (a few numpy operations, where a loop over ``n`` took seconds for a 10 MB text)."""
    out = np.empty(n, dtype=np.uint64)
    out[:1] = 1
    filled = 1
    with np.errstate(over="ignore"):
        while filled < n:
            take = min(filled, n - filled)
            np.multiply(out[:take], np.uint64(pow(base, filled, 2**64)), out=out[filled : filled + take])
            filled += take
    return out


@dataclass(frozen=True, slots=True)
class Signature:
    """A text's MinHash signature and the number of distinct shingles it summarises."""

    values: npt.NDArray[np.uint32]
    shingles: int

    @property
    def empty(self) -> bool:
        return self.shingles == 0

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, shingles: int) -> Signature:
        return cls(np.frombuffer(data, dtype="<u4").astype(np.uint32), shingles)


@dataclass(frozen=True, slots=True)
class Overlap:
    """How two texts overlap, estimated from their signatures."""

    #: |A ∩ B| / |A ∪ B|
    jaccard: float
    #: |A ∩ B| / min(|A|, |B|): how much of the shorter text the longer one contains.
    containment: float
    #: Estimated number of shared shingles.
    shared: float


class MinHasher:
    """Computes signatures for one :class:`StoryConfig` (same config, same signatures, any process)."""

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        rng = np.random.default_rng(self.config.seed)
        bins = self.config.permutations
        # Bins of a power-of-two count are a hash's top bits.
        self._bin_shift = np.uint32(32 - bins.bit_length() + 1) if bins & (bins - 1) == 0 else None
        # Mixing weights for combining k word hashes into one shingle hash.
        self._mix = rng.integers(1, 2**63, size=self.config.shingle, dtype=np.uint64) * _U64(2) + _U64(1)
        self._band_salt = rng.integers(0, 2**63, size=self.config.bands, dtype=np.uint64)
        self._powers = np.ones(1, dtype=np.uint64)
        self._inverse_powers = np.ones(1, dtype=np.uint64)

    # -- shingles -----------------------------------------------------------------

    def word_hashes(self, text: str) -> npt.NDArray[np.uint64]:
        """A 64-bit hash per word (casefolded, NFKC, ``\\w+``), in text order, computed without a Python loop.

        Each character ``c_i`` contributes ``g(c_i) * M**i`` to a running sum ``S``; a
        word spanning ``[s, e)`` hashes to ``(S[e] - S[s]) * M**-s`` (``M`` odd, so
        invertible modulo 2**64).  Case folding is a table lookup per character
        (:func:`_plane_tables`) where every character of the text lies in the Basic
        Multilingual Plane and folds to one character, so the text is never copied
        folded; otherwise, and for texts too long for one piece, ``str.casefold``
        gives the same hashes.
        """
        if text.isascii():  # NFKC already, and no character folds to more than one
            if len(text) <= KEPT_POWERS:
                return self._hash_codes(np.frombuffer(text.encode("ascii"), dtype=np.uint8))
            folded = text.lower()  # casefold() is lower() here, at a tenth of its cost
        else:
            if not unicodedata.is_normalized("NFKC", text):
                text = unicodedata.normalize("NFKC", text)
            if len(text) <= KEPT_POWERS:
                codes = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
                if not ((codes & 0xF800) == 0xD800).any() and not np.take(_plane_tables()[2], codes).any():
                    return self._hash_codes(codes)
            folded = text.casefold()
        if len(folded) <= KEPT_POWERS:
            return self._hash_words(folded)
        # A long text in pieces cut at white space: a word's hash does not depend on where it starts, so the
        # hashes are the same, and the memory is that of one piece (about 50 MB), not of the whole text.
        pieces, start = [], 0
        while start < len(folded):
            end = start + KEPT_POWERS
            if end < len(folded):
                end = max(folded.rfind(" ", start, end), folded.rfind("\n", start, end), start) + 1
                if end == start + 1:  # no white space in a whole piece: cut inside the word
                    end = start + KEPT_POWERS
            pieces.append(self._hash_words(folded[start:end]))
            start = end
        return np.concatenate(pieces)

    def _hash_codes(self, codes: npt.NDArray[np.uint8] | npt.NDArray[np.uint16]) -> npt.NDArray[np.uint64]:
        """:meth:`word_hashes` of a normalised text given as its code points, none of which folds to more than one
        character: each is folded, read as a word character or not, and given its term by one table lookup."""
        terms, word, _ = _plane_tables()
        inword = np.zeros(codes.size + 2, dtype=np.bool_)
        np.take(word, codes, out=inword[1:-1])
        return self._hash_runs(np.take(terms, codes), inword)

    def _hash_words(self, folded: str) -> npt.NDArray[np.uint64]:
        """:meth:`word_hashes` of a text already normalised and casefolded."""
        codes = _codes(folded)
        inword = np.zeros(codes.size + 2, dtype=np.bool_)
        np.take(_word_chars(), codes, out=inword[1:-1])
        return self._hash_runs(_term(codes.astype(np.uint64)), inword)

    def _hash_runs(self, terms: npt.NDArray[np.uint64], inword: npt.NDArray[np.bool_]) -> npt.NDArray[np.uint64]:
        """The hash of each run of word characters: ``terms`` are the characters' ``g(c)``, ``inword[1:-1]``
        whether each is a word character (``inword`` padded with False at both ends)."""
        # Where a run of word characters starts or ends: starts and ends alternate.
        edges = np.flatnonzero(inword[1:] != inword[:-1])
        if edges.size == 0:
            return np.empty(0, dtype=np.uint64)
        starts, ends = edges[0::2], edges[1::2]
        powers, inverse = self._power_tables(terms.size)
        with np.errstate(over="ignore"):
            values = terms * powers[: terms.size]
            sums = np.concatenate((np.zeros(1, dtype=np.uint64), np.cumsum(values, dtype=np.uint64)))
            h = (sums[ends] - sums[starts]) * inverse[starts]
            h ^= h >> _U64(32)
            h *= _U64(0xD6E8FEB86659FD93)
            h ^= h >> _U64(32)
        return h

    def _power_tables(self, n: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
        """Powers of the hash base and of its inverse for a text of ``n`` characters: kept for texts up to
        :data:`KEPT_POWERS` characters, made for the call beyond (one long text must not hold memory)."""
        if self._powers.size >= n + 1:
            return self._powers, self._inverse_powers
        size = max(n + 1, min(2 * self._powers.size, KEPT_POWERS + 1), 4096)
        powers, inverse = _power_series(_BASE, size), _power_series(pow(_BASE, -1, 2**64), size)
        if size <= KEPT_POWERS + 1:
            self._powers, self._inverse_powers = powers, inverse
        return powers, inverse

    def shingles(self, text: str) -> npt.NDArray[np.uint32]:
        """The distinct 32-bit shingle hashes of ``text`` (fewer than ``k`` words make one shingle)."""
        ids = self.word_hashes(text)
        if ids.size == 0:
            return np.empty(0, dtype=np.uint32)
        k = min(self.config.shingle, len(ids))
        n = len(ids) - k + 1
        with np.errstate(over="ignore"):
            acc = ids[:n] * self._mix[0]
            for j in range(1, k):
                acc = (acc ^ (acc >> _U64(29))) + ids[j : j + n] * self._mix[j]
            acc ^= acc >> _U64(32)
        return _distinct(acc.astype(np.uint32))

    def signature(self, text: str) -> Signature:
        """The signature of ``text``; an empty text gives an empty signature."""
        sh = self.shingles(text)  # distinct, ascending
        bins = self.config.permutations
        values = np.full(bins, 0xFFFFFFFF, dtype=np.uint32)
        if sh.size == 0:
            return Signature(values, 0)
        # A hash's bin is its place in the 32-bit range cut into equal parts, ascending with the hash: each
        # bin's smallest hash is the first of its run.
        if self._bin_shift is not None:
            at = (sh >> self._bin_shift).astype(np.intp)
        else:
            at = ((sh.astype(np.uint64) * np.uint64(bins)) >> _U64(32)).astype(np.intp)
        first = np.empty(sh.size, dtype=np.bool_)
        first[0] = True
        np.not_equal(at[1:], at[:-1], out=first[1:])
        filled = at[first]
        values[filled] = sh[first]
        if filled.size < bins:  # an empty bin takes the next filled bin's value (wrapping), offset by the distance
            unfilled = np.ones(bins, dtype=np.bool_)
            unfilled[filled] = False
            empty = np.flatnonzero(unfilled)
            source = filled[np.searchsorted(filled, empty) % filled.size]
            values[empty] = values[source] + ((source - empty) % bins).astype(np.uint32) * np.uint32(_OFFSET)
        return Signature(values, int(sh.size))

    # -- LSH ----------------------------------------------------------------------

    def band_keys(self, sig: Signature) -> list[int]:
        """One signed 64-bit bucket key per band (``rows`` signature values each)."""
        bands, rows = self.config.bands, self.config.rows
        v = sig.values[: bands * rows].astype(np.uint64).reshape(bands, rows)
        with np.errstate(over="ignore"):
            key = self._band_salt
            for r in range(rows):
                key = (key ^ v[:, r]) * _U64(0x9E3779B97F4A7C15)
                key ^= key >> _U64(31)
        return key.view(np.int64).tolist()  # type: ignore[no-any-return]

    def band_key_array(self, values: npt.NDArray[np.uint32]) -> npt.NDArray[np.int64]:
        """Band keys for many signatures at once: ``(n, permutations)`` values to ``(n, bands)`` keys."""
        bands, rows = self.config.bands, self.config.rows
        v = values[:, : bands * rows].astype(np.uint64).reshape(len(values), bands, rows)
        with np.errstate(over="ignore"):
            key = np.broadcast_to(self._band_salt, (len(values), bands)).copy()
            for r in range(rows):
                key = (key ^ v[:, :, r]) * _U64(0x9E3779B97F4A7C15)
                key ^= key >> _U64(31)
        return key.view(np.int64)


def overlap(a: Signature, b: Signature) -> Overlap:
    """Jaccard, containment of the shorter in the longer, and shared shingles, estimated."""
    if a.empty or b.empty:
        return Overlap(0.0, 0.0, 0.0)
    j = float(np.count_nonzero(a.values == b.values)) / a.values.size
    shared = j * (a.shingles + b.shingles) / (1.0 + j)
    containment = min(1.0, shared / min(a.shingles, b.shingles))
    return Overlap(j, containment, shared)
