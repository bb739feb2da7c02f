"""The dashboard's files: a fixed list, read once from the package, served by name only.

Why a list and not a static-files mount: no part of a request ever becomes a file path, so
``/static/../../etc/passwd`` and its encoded variants have nothing to traverse: a name that is
not one of ours is a 404 before any file is touched.
"""
from __future__ import annotations

from importlib import resources

#: URL name -> media type; the files live in eventwire/serve/static/.
ASSETS: dict[str, str] = {
    "index.html": "text/html; charset=utf-8",
    "docs.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "docs.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
}

#: Sent with every answer: scripts, styles and data from this server only, never framed.
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


def load_assets() -> dict[str, tuple[bytes, str]]:
    """name -> (bytes, media type) for every file of ``ASSETS``."""
    folder = resources.files("eventwire.serve").joinpath("static")
    return {name: (folder.joinpath(name).read_bytes(), media)
            for name, media in ASSETS.items()}


__all__ = ["ASSETS", "SECURITY_HEADERS", "load_assets"]
