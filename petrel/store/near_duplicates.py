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
from dataclasses import dataclass

from functools import cache

import numpy as np

PERMUTATIONS = 128
BANDS = 32
CANDIDATES_PER_ARTICLE = 20
ROWS_PER_BAND = PERMUTATIONS // BANDS
SHINGLE_WORDS = 5
NEAR_DUPLICATE_SIMILARITY = 0.5
_SEED = 20240321  # fixed: signatures stored by one run are compared with those of the next
_WORD = re.compile(r"\w+")
_ASCII_NON_WORD_TO_SPACE = bytes(byte if chr(byte).isalnum() or byte == ord("_") else ord(" ") for byte in range(128)) + bytes(128)
_BASE = 0x9E3779B97F4A7C15  # odd, so it has an inverse modulo 2^64
_2_64 = 1 << 64


@cache
def _minhash_template():
    """The permutations, drawn once (drawing them costs as much as hashing an article).

    datasketch is imported here, on first use: it pulls in SciPy (a second of start-up) that
    the commands only reading a store never need."""
    from datasketch import MinHash

    return MinHash, MinHash(num_perm=PERMUTATIONS, seed=_SEED)


def normalised_words(text: str) -> list[str]:
    """The words of a text with case, accents' composition, spacing and punctuation folded."""
    if text.isascii():  # the words regular expression's own result, four times faster
        return text.lower().encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE).decode("ascii").split()
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


def shingle_hash(shingle: bytes) -> int:
    """The 32-bit hash of one shingle (its UTF-8 bytes): the top half of the polynomial
    sum(byte_j * BASE^j) modulo 2^64. `shingle_hashes` computes it for every shingle of a batch
    at once; MinHash needs only a well-spread 32-bit hash, and the signatures mix it further."""
    return sum(byte * pow(_BASE, j, _2_64) for j, byte in enumerate(shingle)) % _2_64 >> 32


def shingle_hashes(texts_words: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """`shingle_hash` of every shingle of every text (as `shingles` gives them, repeats
    included), in one uint32 array, and where each text's shingles begin in it.

    The texts are joined into one buffer of bytes, words and texts alike separated by a space
    (an empty text is one empty word), and every shingle is a slice of it from the start of a
    word to the end of the fifth: with the prefix sums of byte_j * BASE^j, a slice's hash is
    (prefix[end] - prefix[start]) * BASE^-start, for all slices in a few array operations
    instead of a Python call per shingle."""
    words = [text_words or [""] for text_words in texts_words]
    data = np.frombuffer(" ".join(" ".join(text_words) for text_words in words).encode("utf-8"), np.uint8)
    spaces = np.flatnonzero(data == ord(" "))
    word_starts = np.concatenate(([0], spaces + 1))
    word_ends = np.concatenate((spaces, [len(data)]))
    counts = np.array([len(text_words) for text_words in words])
    per_text = np.maximum(counts - SHINGLE_WORDS + 1, 1)
    text_starts = np.cumsum(per_text) - per_text
    first_words = np.repeat(np.cumsum(counts) - counts - text_starts, per_text) + np.arange(per_text.sum())
    last_words = first_words + np.repeat(np.minimum(counts, SHINGLE_WORDS) - 1, per_text)
    starts, ends = word_starts[first_words], word_ends[last_words]
    powers, inverse_powers = _powers(len(data) + 1)
    prefix = np.zeros(len(data) + 1, dtype=np.uint64)
    np.cumsum(data * powers[: len(data)], dtype=np.uint64, out=prefix[1:])
    hashes = (prefix[ends] - prefix[starts]) * inverse_powers[starts]  # uint64: wraps around, i.e. mod 2^64
    return (hashes >> np.uint64(32)).astype(np.uint32), text_starts


def _powers(count: int) -> tuple[np.ndarray, np.ndarray]:
    """BASE^j and BASE^-j modulo 2^64 for j below count (at least), kept between batches:
    computing them costs more than hashing with them."""
    powers, inverse = _POWERS
    if len(powers) < count:
        size = max(count, 2 * len(powers))
        powers = np.full(size, _BASE, dtype=np.uint64)
        inverse = np.full(size, pow(_BASE, -1, _2_64), dtype=np.uint64)
        powers[0] = inverse[0] = 1
        np.cumprod(powers, dtype=np.uint64, out=powers)
        np.cumprod(inverse, dtype=np.uint64, out=inverse)
        if size <= _POWERS_KEPT:
            _POWERS[:] = powers, inverse
    return powers, inverse


_POWERS = [np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64)]
_POWERS_KEPT = 1 << 24  # bytes of text a batch (two arrays of 128 MB); larger batches compute their own


@dataclass(frozen=True)
class Signature:
    """A MinHash signature and its LSH buckets (one per band)."""

    values: np.ndarray  # uint64, PERMUTATIONS long
    buckets: tuple[int, ...]  # BANDS long

    @classmethod
    def of_text(cls, text: str) -> "Signature":
        return cls.of_words(normalised_words(text))

    @classmethod
    def of_words(cls, words: list[str]) -> "Signature":
        """The signature of the text these normalised words come from."""
        return signatures([words])[0]

    def similarity(self, other: "Signature") -> float:
        """Estimated Jaccard similarity of the two texts' shingle sets."""
        return estimated_similarity(self.values, other.values)


def estimated_similarity(values: np.ndarray, other: np.ndarray) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets, from their signatures' values."""
    return float(np.count_nonzero(values == other)) / PERMUTATIONS


def band_buckets(values: np.ndarray) -> np.ndarray:
    """The LSH bucket of each band of each signature (a row per signature, a column per band):
    the band's values folded by multiply-xor and mixed by the SplitMix64 finalizer, so that
    equal bands share a bucket and others almost never do."""
    rows = values.reshape(len(values), BANDS, ROWS_PER_BAND)
    folded = np.full(rows.shape[:2], _BASE, dtype=np.uint64)
    for row in range(ROWS_PER_BAND):
        folded = (folded ^ rows[:, :, row]) * np.uint64(0xFF51AFD7ED558CCD)  # uint64: wraps around
    folded ^= folded >> np.uint64(30)
    folded *= np.uint64(0xBF58476D1CE4E5B9)
    folded ^= folded >> np.uint64(27)
    folded *= np.uint64(0x94D049BB133111EB)
    return folded ^ (folded >> np.uint64(31))


def signatures(texts_words: list[list[str]]) -> list[Signature]:
    """The MinHash signatures of many texts (each given as its normalised words) at once.

    The values are those of datasketch's MinHash (its affine32 scheme, with our seed's
    permutations, shingles hashed by `shingle_hash` instead of its SHA-1 default — MinHash
    needs only a well-spread 32-bit hash): every shingle is mixed by the MurmurHash3 finalizer
    and put through the 128 permutations h -> a*h + b (mod 2^32), and a signature keeps the
    least value of each. Doing that for a whole batch in a few array operations, instead of a
    MinHash object per text, halves the cost of a signature (a test checks the values against
    datasketch's own).
    """
    if not texts_words:
        return []
    hashed, starts = shingle_hashes(texts_words)
    mixed = _murmur_finalized(hashed)
    multipliers, offsets = _permutations()
    # a row per permutation, a column per shingle (reduced along rows: 20x faster than columns)
    permuted = np.multiply(multipliers[:, None], mixed[None, :])  # uint32: wraps around, i.e. mod 2^32
    np.add(permuted, offsets[:, None], out=permuted)
    least = np.ascontiguousarray(np.minimum.reduceat(permuted, starts, axis=1).T, dtype=np.uint64)
    buckets = band_buckets(least).tolist()
    return [Signature(values, tuple(row_buckets)) for values, row_buckets in zip(least, buckets)]


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


def best_original(signature: Signature, candidates: dict[str, np.ndarray]) -> tuple[str, float] | None:
    """The most similar candidate (by its signature's values) at or above
    NEAR_DUPLICATE_SIMILARITY, or None.

    Ties go to the candidate listed first (the earliest stored), so copies of copies link to
    the first text of the story.
    """
    best: tuple[str, float] | None = None
    for article_id, other in candidates.items():
        similarity = estimated_similarity(signature.values, other)
        if similarity >= NEAR_DUPLICATE_SIMILARITY and (best is None or similarity > best[1]):
            best = (article_id, similarity)
    return best
