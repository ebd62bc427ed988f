"""Near-duplicate articles: signatures made a batch at a time equal datasketch's MinHash."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from petrel.store.near_duplicates import (
    _SEED, PERMUTATIONS, Signature, _minhash_template, normalised_words, shingle_hash, shingles, signatures,
)

WIRE_REPORT = (
    "CAIRO (Reuters) - Egyptian President Abdel Fattah al-Sisi told U.S. Secretary of State Antony "
    "Blinken on Thursday that an Israeli assault on Rafah would have grave consequences, the Egyptian "
    "presidency said in a statement."
)
SYNDICATED_COPY = WIRE_REPORT.replace("CAIRO (Reuters) - ", "") + " Blinken later flew to Israel."
OTHER_REPORT = "Kenyan police fired tear gas at protesters in Nairobi on Tuesday as anger over new taxes grew."


def _datasketch_signature(text: str) -> np.ndarray:
    _, template = _minhash_template()
    minhash = MinHash(
        num_perm=PERMUTATIONS, seed=_SEED, hashfunc=shingle_hash, permutations=template.permutations, scheme=template.scheme
    )
    minhash.update_batch(list(shingles(normalised_words(text))))
    return minhash.hashvalues.astype(np.uint64)


def test_a_batch_of_signatures_has_the_values_datasketch_gives_each_text():
    texts = [WIRE_REPORT, SYNDICATED_COPY, OTHER_REPORT, "Two words", ""]
    made = signatures([normalised_words(text) for text in texts])
    for text, signature in zip(texts, made, strict=True):
        assert np.array_equal(signature.values, _datasketch_signature(text)), text


def test_a_syndicated_copy_is_similar_and_another_report_is_not():
    original, copy, other = signatures([normalised_words(text) for text in (WIRE_REPORT, SYNDICATED_COPY, OTHER_REPORT)])
    assert copy.similarity(original) >= 0.5
    assert other.similarity(original) < 0.2
    assert Signature.of_text(SYNDICATED_COPY).buckets == copy.buckets


def test_words_are_folded_alike_whether_or_not_the_text_is_plain_ascii():
    plain = "CAIRO (Reuters) - Sisi's office said: 'No_one' left at 10:30\tGMT; U.S.-backed talks... resume"
    assert normalised_words(plain) == ["cairo", "reuters", "sisi", "s", "office", "said", "no_one", "left", "at", "10", "30", "gmt", "u", "s", "backed", "talks", "resume"]
    accented = "Ｃａｉｒｏ — Sisi’s office: ÉLYSÉE talks"
    assert normalised_words(accented) == ["cairo", "sisi", "s", "office", "élysée", "talks"]
