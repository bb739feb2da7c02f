"""Many concurrent HTTP clients with almost no client-side cost: raw asyncio keep-alive GETs.

Why not httpx or threads: on a two-core machine the load generator competes with the server
for CPU, and a heavy client would measure itself. Each client keeps one connection open and
sends its requests one after another, as a browser tab would.
"""
from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    """Latencies (seconds) per request kind, and every error seen."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    def summary(self) -> list[tuple[str, int, float, float, float, float]]:
        """(kind, n, p50, p90, p99, max) in milliseconds, kinds sorted, 'all' last."""
        def pct(xs: list[float], q: float) -> float:
            s = sorted(xs)
            return 1000 * s[min(len(s) - 1, int(q * len(s)))]
        groups = dict(sorted(self.latencies.items()))
        groups["all"] = [x for v in self.latencies.values() for x in v]
        return [(k, len(v), pct(v, .5), pct(v, .9), pct(v, .99), 1000 * max(v))
                for k, v in groups.items() if v]


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
               path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                 "\r\n".encode("ascii"))
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def _client(port: int, work: list[tuple[str, str]], result: LoadResult,
                  deadline: float) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for kind, path in work:
            if time.monotonic() > deadline:
                return
            start = time.perf_counter()
            try:
                status = await _get(reader, writer, path)
            except (OSError, ValueError, IndexError, asyncio.IncompleteReadError) as exc:
                result.errors.append(f"{path}: {type(exc).__name__}: {exc}")
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            result.latencies.setdefault(kind, []).append(time.perf_counter() - start)
            if status != 200:
                result.errors.append(f"{path}: HTTP {status}")
    finally:
        writer.close()


def run_load(port: int, plans: list[list[tuple[str, str]]], seconds: float = 120.0
             ) -> LoadResult:
    """Run one client per plan (a list of (kind, path)) concurrently, for at most
    ``seconds``; every client starts at once."""
    result = LoadResult()

    async def main() -> None:
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(_client(port, plan, result, deadline) for plan in plans))

    start = time.perf_counter()
    # a thread of its own: the caller's thread may hold another event loop (Playwright's)
    runner = threading.Thread(target=asyncio.run, args=(main(),))
    runner.start()
    runner.join()
    result.seconds = time.perf_counter() - start
    return result


__all__ = ["LoadResult", "run_load"]
