"""analyze stage: series and summaries read from a Store, computed in SQL."""
from __future__ import annotations

from .dyads import DyadPeriod, FREQUENCIES, dyad_series

__all__ = ["dyad_series", "DyadPeriod", "FREQUENCIES"]
