"""The map's land mask: a grid of cells holding populated places, gaps closed."""
from __future__ import annotations

from eventwire.serve.land import close, grid_of, land_mask, runs


def test_points_fall_in_their_cells_and_longitudes_wrap():
    grid = grid_of([(89.0, -179.0), (-89.0, 179.0), (0.5, 0.5)], step=90.0)
    assert grid == [[True, False, True, False], [False, False, False, True]]
    wide = grid_of([(10.0, -179.0), (10.0, 179.0)], step=10.0)
    # a gap of one cell between two towns fills; the date line is no edge
    assert close(wide)[8][0] and close(wide)[8][35]


def test_closing_fills_gaps_between_towns_but_not_open_sea():
    towns = [(50.0, lon) for lon in (0.0, 4.0, 8.0)]  # every other 2-degree cell
    closed = close(grid_of(towns, step=2.0))
    row = closed[20]
    assert row[90:95] == [True] * 5  # 0E..10E: the towns and the cells between them
    assert not any(row[:88]) and not any(row[96:])
    assert runs([[False, True, True, False, True]]) == [[0, 1, 2], [0, 4, 1]]


def test_the_world_mask_has_continents_and_oceans():
    mask = land_mask()
    cells = {(r, c + k) for r, c, n in mask["runs"] for k in range(n)}
    at = lambda lat, lon: (int((90 - lat) / mask["step"]),  # noqa: E731
                           int((lon + 180) / mask["step"])) in cells
    assert all(at(*p) for p in [(55.75, 37.62), (-23.55, -46.63), (-33.87, 151.21),
                                (6.52, 3.38), (40.71, -74.0), (28.61, 77.21)])
    assert not any(at(*p) for p in [(0.0, -150.0), (-50.0, 0.0), (20.0, -45.0),
                                    (-30.0, 75.0), (80.0, 0.0)])
    share = len(cells) / (180 / mask["step"] * 360 / mask["step"])
    assert 0.1 < share < 0.35  # land is about 29% of the globe
    assert "GeoNames" in mask["attribution"]
