"""MinHash signatures over word shingles, and LSH band keys: pure functions.

Why MinHash: the same wire story reaches many sites with other headlines, bylines, promo
lines and a word changed here and there; exact hashes miss those copies, while the share of
word 3-grams two texts have in common (Jaccard similarity) stays high for copies (typically
above 0.7) and low for two stories on one topic (below 0.2). A signature of ``NUM_PERM``
minimum hashes estimates that share from 128 numbers; cutting it into ``BANDS`` bands of
``ROWS`` and indexing each band finds the candidates without comparing every pair.
With 32 bands of 4 rows, a pair at similarity 0.6 becomes a candidate with probability
0.9985 and one at 0.2 with 0.05; candidates are then checked on the whole signature.
"""
from __future__ import annotations

import hashlib
import re
import struct
import zlib

import numpy as np

#: Words per shingle.
SHINGLE = 3
NUM_PERM = 128
BANDS, ROWS = 32, 4
#: Estimated Jaccard similarity from which two texts are one story.
THRESHOLD = 0.5
#: Texts with fewer shingles (about 40 words) are too short to call copies: short templated
#: items (a score, a market close, a weather line) share most of their words while reporting
#: different facts.
MIN_SHINGLES = 40
#: Copies of one story appear within days of each other; the same wording further apart
#: (a weekly report, a recurring notice) is another event. Applies when both dates are known.
MAX_DAYS_APART = 3
#: Names the parameters above: a stored signature of another scheme is recomputed.
SCHEME = f"w{SHINGLE}-p{NUM_PERM}-b{BANDS}x{ROWS}-crc32-v1"

_MERSENNE = np.uint64((1 << 61) - 1)
_MASK = np.uint64(0xFFFFFFFF)
_rng = np.random.RandomState(20261207)  # fixed: signatures must agree across runs
_A = _rng.randint(1, 1 << 31, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_B = _rng.randint(0, 1 << 31, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The word 3-grams of a text, lower-cased; punctuation and spacing do not count."""
    words = _WORD.findall(text.lower())
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8")
            for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (``NUM_PERM`` uint32) of a text, None when it is too short."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    hv = np.fromiter((zlib.crc32(g) for g in grams), dtype=np.uint64, count=len(grams))
    perm = (np.outer(hv, _A) + _B) % _MERSENNE & _MASK
    return perm.min(axis=0).astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band: equal keys = equal rows in that band."""
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS:(band + 1) * ROWS]
        digest = hashlib.blake2b(struct.pack("<H", band) + rows.tobytes(), digest_size=8)
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts behind two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


__all__ = ["shingles", "signature", "band_keys", "similarity", "SCHEME", "THRESHOLD",
           "NUM_PERM", "BANDS", "ROWS", "SHINGLE", "MIN_SHINGLES", "MAX_DAYS_APART"]
