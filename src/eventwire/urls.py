"""URL identity: the same article under two spellings of its address is one article."""
from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit


def normalise_url(url: str) -> str:
    """The identity of a URL: lower-case scheme/host, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    query = "&".join(q for q in parts.query.split("&")
                     if q and not re.match(r"(utm_[a-z]+|fbclid|gclid|ref)=", q))
    path = parts.path.rstrip("/") or "/"
    host = parts.netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    return urlunsplit(("https" if parts.scheme in ("http", "https") else parts.scheme.lower(),
                       host, path, query, ""))


__all__ = ["normalise_url"]
