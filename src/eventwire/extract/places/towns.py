"""Small towns (GeoNames cities5000) for place names the main gazetteer does not know.

Why a module and a disk cache: the town index holds about 280k names (every town's primary and
Latin alternate names) and took 5 s to build on a free machine, 21 s under load, in the middle
of the first article that named an unknown place. It depends only on the GeoNames file, the
main index's names and the rules below, so it is built once, written to the user's cache
directory (``$EVENTWIRE_CACHE``, else ``$XDG_CACHE_HOME/eventwire``, else
``~/.cache/eventwire``) in ``marshal`` format (plain strings, numbers and tuples: fast to
read, and loading it runs no code), and read back in a fraction of a second by every later
process. The file name carries a fingerprint of everything the index is built from, so a
new GeoNames file, other gazetteer data or another Python finds no stale cache: it is
rebuilt. An unwritable cache directory only costs the rebuild.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import logging
import marshal
import os
import sys
import tempfile
from array import array
from pathlib import Path
from typing import Callable, Iterable, Sequence

log = logging.getLogger(__name__)

#: Bump when the layout of the cache or the rules of ``build_rows`` change.
TOWNS_FORMAT = 2

#: One town: (name, iso3, lat, lon, geonameid, admin1, prior).
Row = tuple[str, str, float, float, int, "str | None", float]


def cache_dir() -> Path:
    """Where the town index is kept between processes."""
    explicit = os.environ.get("EVENTWIRE_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def fingerprint(source: Path, known: Iterable[str], iso2to3: dict[str, str],
                rules: str) -> str:
    """A hash of everything the index is built from: the GeoNames file (size and time), the
    main index's names (a town never shadows them), the country codes, the rules and Python's
    marshal format."""
    h = hashlib.sha1()
    st = source.stat()
    h.update(f"{TOWNS_FORMAT}|{marshal.version}|{sys.version_info[:2]}|{rules}|"
             f"{source.name}|{st.st_size}|{st.st_mtime_ns}".encode())
    h.update("\n".join(sorted(known)).encode())
    h.update(json.dumps(sorted(iso2to3.items())).encode())
    return h.hexdigest()[:16]


class Towns:
    """Name key -> town rows, held column by column in a few strings and arrays.

    Why columns: as a dict of 280k keys and 50k row tuples the index took 1.5-2.5 s to
    unmarshal; as sorted keys (one string, split) and flat arrays it reads in a tenth of
    that, and a lookup is a binary search."""

    _SEP = "\x1f"

    def __init__(self, keys: list[str], starts: array, flat: array, rows: list[Row]) -> None:
        self.keys, self.starts, self.flat, self.rows = keys, starts, flat, rows

    @classmethod
    def from_index(cls, index: dict[str, list[int]], rows: list[Row]) -> "Towns":
        keys = sorted(index)
        starts, flat = array("i", [0]), array("i")
        for k in keys:
            flat.extend(index[k])
            starts.append(len(flat))
        return cls(keys, starts, flat, rows)

    def __len__(self) -> int:
        return len(self.keys)

    def get(self, key: str) -> list[Row]:
        """The rows of the towns a name key may mean."""
        i = bisect.bisect_left(self.keys, key)
        if i == len(self.keys) or self.keys[i] != key:
            return []
        return [self.rows[j] for j in self.flat[self.starts[i]:self.starts[i + 1]]]

    def dump(self) -> tuple:
        """Plain values for ``marshal`` (strings and bytes: no object per town)."""
        sep = self._SEP
        cols = list(zip(*self.rows)) if self.rows else [()] * 7
        return (sep.join(self.keys), self.starts.tobytes(), self.flat.tobytes(),
                sep.join(cols[0]), sep.join(cols[1]),
                array("d", cols[2]).tobytes(), array("d", cols[3]).tobytes(),
                array("q", cols[4]).tobytes(), sep.join(a or "" for a in cols[5]),
                array("d", cols[6]).tobytes())

    @classmethod
    def load(cls, data: tuple) -> "Towns":
        keys, starts, flat, names, countries, lat, lon, gid, admin1, prior = data
        sep = cls._SEP

        def arr(code: str, raw: bytes) -> array:
            out = array(code)
            out.frombytes(raw)
            return out

        rows = list(zip(names.split(sep), countries.split(sep), arr("d", lat),
                        arr("d", lon), arr("q", gid),
                        (a or None for a in admin1.split(sep)), arr("d", prior)))
        return cls(keys.split(sep) if keys else [], arr("i", starts), arr("i", flat),
                   rows if names else [])


def build_rows(cities: Iterable[dict], make_row: Callable[[dict], Row | None],
               names: Callable[[dict], Sequence[str]], key: Callable[[str], str],
               known: set[str]) -> Towns:
    """The towns of ``cities`` under every name key the main index lacks."""
    rows: list[Row] = []
    index: dict[str, list[int]] = {}
    for city in cities:
        row = make_row(city)
        if row is None:
            continue
        i = len(rows)
        rows.append(row)
        for name in names(city):
            k = key(name)
            if k in known:
                continue
            found = index.setdefault(k, [])
            if not found or found[-1] != i:  # a city's names often share one key
                found.append(i)
    return Towns.from_index(index, rows)


def load_or_build(fp: str, build: Callable[[], Towns]) -> Towns:
    """The cached index of fingerprint ``fp``, else ``build()`` it and cache it."""
    folder = cache_dir()
    path = folder / f"towns-{fp}.marshal"
    try:
        with open(path, "rb") as fh:
            towns = Towns.load(marshal.load(fh))
        log.debug("town index read from %s", path)
        return towns
    except (OSError, EOFError, ValueError, TypeError) as exc:
        if not isinstance(exc, FileNotFoundError):
            log.warning("town cache %s unreadable (%s); rebuilding it", path, exc)
    towns = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # another process may write the same file at once: each writes its own temp file
        # and renames it, so a reader sees a whole file or none
        fd, tmp = tempfile.mkstemp(prefix=".towns-", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(towns.dump(), fh)
        os.replace(tmp, path)
        for old in folder.glob("towns-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
        log.debug("town index cached in %s", path)
    except OSError as exc:
        log.warning("cannot cache the town index in %s (%s); it is rebuilt by every "
                    "process", folder, exc)
    return towns


__all__ = ["Towns", "cache_dir", "fingerprint", "build_rows", "load_or_build",
           "TOWNS_FORMAT"]
