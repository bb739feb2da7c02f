"""analyze stage: threads, series, alerts and the Python API, read from a Store in SQL."""
from __future__ import annotations

from .api import EventStore, open_store
from .dyads import DyadPeriod, FREQUENCIES, dyad_series
from .series import alerts, series
from .threads import ThreadUpdate, update_threads

__all__ = ["dyad_series", "DyadPeriod", "FREQUENCIES", "EventStore", "open_store", "series",
           "alerts", "update_threads", "ThreadUpdate"]
