"""Near-duplicates: the same story met again (another site, another headline) is stored once.

Between cleaning and parsing, each article's MinHash signature (``minhash``) is compared with
those of the articles met earlier in the run and of those in the store. A copy is not coded:
its URL is added to the stored article (``article_urls``). See ``NearDuplicates``.
"""
from .index import Duplicate, NearDuplicates
from .minhash import THRESHOLD, band_keys, signature, similarity

__all__ = ["NearDuplicates", "Duplicate", "signature", "band_keys", "similarity", "THRESHOLD"]
