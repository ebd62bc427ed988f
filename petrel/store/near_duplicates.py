"""Exact and near-duplicate articles: content hashes, MinHash signatures, LSH buckets.

Syndicated copies of a wire story differ in headline, a sentence added or cut, a dateline or
a credit line. Two articles are near-duplicates when the Jaccard similarity of their sets of
word 5-shingles is at least NEAR_DUPLICATE_SIMILARITY; MinHash (datasketch) estimates it from
128-value signatures, and LSH buckets (32 bands of 4 values) find candidates without
comparing every pair: a pair at Jaccard 0.5 shares a bucket with probability 0.87, at 0.7
with probability 1.0 (to three decimals), at 0.2 with probability 0.05.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass

from functools import cache, cached_property
from itertools import chain

import numpy as np

PERMUTATIONS = 128
BANDS = 32
CANDIDATES_PER_ARTICLE = 20
ROWS_PER_BAND = PERMUTATIONS // BANDS
SHINGLE_WORDS = 5
NEAR_DUPLICATE_SIMILARITY = 0.5
_SEED = 20240321  # fixed: signatures stored by one run are compared with those of the next
_WORD = re.compile(r"\w+")
_SPACE = re.compile(rb" ")


@cache
def _minhash_template():
    """The permutations, drawn once (drawing them costs as much as hashing an article).

    datasketch is imported here, on first use: it pulls in SciPy (a second of start-up) that
    the commands only reading a store never need."""
    from datasketch import MinHash

    return MinHash, MinHash(num_perm=PERMUTATIONS, seed=_SEED)


def normalised_words(text: str) -> list[str]:
    """The words of a text with case, accents' composition, spacing and punctuation folded."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def content_hash(text: str) -> str:
    """Equal for texts that differ only in case, spacing or punctuation."""
    return words_hash(normalised_words(text))


def words_hash(words: list[str]) -> str:
    """content_hash() of the text these normalised words come from."""
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


def shingles(words: list[str]) -> set[bytes]:
    """The text's word 5-shingles (the whole text when it is shorter)."""
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def shingle_hashes(words: list[str]) -> list[int]:
    """CRC-32 of each of the text's shingles (as `shingles` gives them, repeats included):
    slices of the text's bytes, cut once, instead of a string joined and encoded per shingle."""
    text = " ".join(words).encode("utf-8")
    if len(words) < SHINGLE_WORDS:
        return [zlib.crc32(text)]
    spaces = [space.start() for space in _SPACE.finditer(text)]
    starts = [0] + [space + 1 for space in spaces]
    ends = spaces + [len(text)]
    return [zlib.crc32(text[start:end]) for start, end in zip(starts, ends[SHINGLE_WORDS - 1 :])]


@dataclass(frozen=True)
class Signature:
    """A MinHash signature and its LSH buckets (one per band)."""

    values: np.ndarray  # uint64, PERMUTATIONS long

    @classmethod
    def of_text(cls, text: str) -> "Signature":
        return cls.of_words(normalised_words(text))

    @classmethod
    def of_words(cls, words: list[str]) -> "Signature":
        """The signature of the text these normalised words come from."""
        return signatures([words])[0]

    @cached_property
    def buckets(self) -> list[int]:
        rows = self.values.reshape(BANDS, ROWS_PER_BAND)
        return [int.from_bytes(hashlib.blake2b(band.tobytes(), digest_size=8).digest(), "little") for band in rows]

    def similarity(self, other: "Signature") -> float:
        """Estimated Jaccard similarity of the two texts' shingle sets."""
        return float(np.count_nonzero(self.values == other.values)) / PERMUTATIONS


def signatures(texts_words: list[list[str]]) -> list[Signature]:
    """The MinHash signatures of many texts (each given as its normalised words) at once.

    The values are those of datasketch's MinHash (its affine32 scheme, with our seed's
    permutations, shingles hashed with CRC-32 — twice as fast as its SHA-1 default, and MinHash
    needs only a well-spread 32-bit hash): every shingle is mixed by the MurmurHash3 finalizer
    and put through the 128 permutations h -> a*h + b (mod 2^32), and a signature keeps the
    least value of each. Doing that for a whole batch in a few array operations, instead of a
    MinHash object per text, halves the cost of a signature (a test checks the values against
    datasketch's own).
    """
    if not texts_words:
        return []
    hashed = [shingle_hashes(words) for words in texts_words]
    starts = np.cumsum([0] + [len(values) for values in hashed[:-1]])
    mixed = _murmur_finalized(np.fromiter(chain.from_iterable(hashed), np.uint32))
    multipliers, offsets = _permutations()
    # a row per permutation, a column per shingle (reduced along rows: 20x faster than columns)
    permuted = np.multiply(multipliers[:, None], mixed[None, :])  # uint32: wraps around, i.e. mod 2^32
    np.add(permuted, offsets[:, None], out=permuted)
    least = np.ascontiguousarray(np.minimum.reduceat(permuted, starts, axis=1).T, dtype=np.uint64)
    return [Signature(row) for row in least]


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    _, template = _minhash_template()
    multipliers, offsets = template.permutations
    return multipliers.astype(np.uint32), offsets.astype(np.uint32)


def _murmur_finalized(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer: a bijection that spreads weak hashes over all bits."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def most_shared(candidates: dict[str, int], limit: int) -> list[str]:
    """The `limit` candidates sharing the most buckets (a text copied many times would
    otherwise make every new copy compare itself with every earlier one)."""
    return sorted(candidates, key=lambda article_id: -candidates[article_id])[:limit]


def best_original(signature: Signature, candidates: dict[str, Signature]) -> tuple[str, float] | None:
    """The most similar candidate at or above NEAR_DUPLICATE_SIMILARITY, or None.

    Ties go to the candidate listed first (the earliest stored), so copies of copies link to
    the first text of the story.
    """
    best: tuple[str, float] | None = None
    for article_id, other in candidates.items():
        similarity = signature.similarity(other)
        if similarity >= NEAR_DUPLICATE_SIMILARITY and (best is None or similarity > best[1]):
            best = (article_id, similarity)
    return best
