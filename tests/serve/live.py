"""A real uvicorn server on a free 127.0.0.1 port, in a thread (tests) or a process (bench)."""
from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """``with LiveServer(app) as url:`` serves ``app`` until the block ends."""

    def __init__(self, app: Any) -> None:
        import uvicorn
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self.url

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(30)


def get(port: int, path: str, timeout: float = 30.0) -> tuple[int, Any]:
    """GET ``path`` exactly as written (no client-side normalisation of ``..``); the status
    and the decoded JSON (or text) body."""
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        con.request("GET", path)
        resp = con.getresponse()
        body = resp.read().decode("utf-8", "replace")
    finally:
        con.close()
    try:
        return resp.status, json.loads(body)
    except ValueError:
        return resp.status, body


def wait_for(port: int, path: str = "/api/health", timeout: float = 60.0) -> None:
    """Until the server on ``port`` answers ``path`` (a server started in another process)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if get(port, path, timeout=5)[0] == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"no server answering on port {port}")
        time.sleep(0.2)


__all__ = ["LiveServer", "free_port", "get", "wait_for"]
