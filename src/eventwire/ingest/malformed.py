"""A folder of malformed inputs with good articles among them, for tests and benchmarks.

Issue 8 asks that no input ends a batch: every bad item gets an ``errors`` row with a reason,
every good item among them is stored, nothing crashes or hangs. This writes such a folder,
one kind of damage per file, cycling through the kinds, and says which files are good.

    python -m eventwire.ingest.malformed OUT_DIR 1000 [--big-line-mb 50]
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
from pathlib import Path
from typing import Callable, Sequence

from .generate import short_article

def _good_text(i: int) -> bytes:
    """A good article as a text file with header lines: what every damaged file sits beside.
    The closing sentence makes each text (and so each article id) its own."""
    a = short_article(i)
    return (f"Title: {a['title']}\nPublished: {a['published']}\n\n{a['text']} "
            f"Observers counted {i + 2} delegates at the session.\n").encode()


def _truncated_gzip(i: int) -> bytes:
    whole = gzip.compress(json.dumps(short_article(i)).encode() * 20)
    return whole[: len(whole) // 2]


def _truncated_warc(i: int) -> bytes:
    body = f"<html><body><p>{short_article(i)['text']}</p></body></html>".encode()
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/"
              + str(i).encode() + b"\r\nContent-Type: application/http; msgtype=response\r\n"
              + f"Content-Length: {len(body) + 200}\r\n\r\n".encode()
              + b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body)
    whole = gzip.compress(record)
    return whole[: len(whole) * 2 // 3]


def _binary(i: int) -> bytes:
    return random.Random(i).randbytes(4096)


def _empty(i: int) -> bytes:
    return b""


def _html_without_body(i: int) -> bytes:
    return b"<html><head><title>Nothing here</title></head></html>"


def _nested_tags(i: int) -> bytes:
    depth = 10_000
    return (b"<html><body>" + b"<div>" * depth + _good_text(i).split(b"\n\n", 1)[1]
            + b"</div>" * depth + b"</body></html>")


def _invalid_json_lines(i: int) -> bytes:
    return b'{"id": "x", "text": \n{not json at all\n[1, 2,\n'


def _wrong_encoding(i: int) -> bytes:
    return ("Überschrift " * 3 + "\x00").encode("utf-16-le") * 200


#: (file suffix, writer, whether the file holds a good article) per kind of damage.
KINDS: tuple[tuple[str, Callable[[int], bytes], bool], ...] = (
    (".txt", _truncated_gzip, False),  # gzip cut short, under a text name
    (".warc.gz", _truncated_warc, False),
    (".txt", _binary, False),
    (".txt", _empty, False),
    (".html", _html_without_body, False),
    (".html", _nested_tags, True),
    (".jsonl", _invalid_json_lines, False),
    (".txt", _wrong_encoding, False),
    (".txt", _good_text, True),
)


def write_malformed(folder: str | os.PathLike[str], n: int, big_line_bytes: int = 0
                    ) -> dict[str, bool]:
    """Write ``n`` inputs into ``folder`` (plus a symlink loop, and one file of a single
    ``big_line_bytes`` line when that is > 0); returns {file name: holds a good article}."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    expect: dict[str, bool] = {}
    for i in range(n):
        suffix, write, good = KINDS[i % len(KINDS)]
        name = f"item-{i:05d}{suffix}"
        (out / name).write_bytes(write(i))
        expect[name] = good
    loop_a, loop_b = out / "loop-a.txt", out / "loop-b.txt"
    if not loop_a.is_symlink():
        os.symlink(loop_b.name, loop_a)
        os.symlink(loop_a.name, loop_b)
    expect[loop_a.name] = expect[loop_b.name] = False
    if big_line_bytes > 0:
        buf = io.BytesIO()
        word = b"filler "
        buf.write(word * (big_line_bytes // len(word)))
        (out / "one-line.txt").write_bytes(buf.getvalue())
        expect["one-line.txt"] = True  # cut to the size limit with a warning, then coded
    return expect


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("n", type=int)
    parser.add_argument("--big-line-mb", type=float, default=50.0)
    args = parser.parse_args(argv)
    got = write_malformed(args.folder, args.n, int(args.big_line_mb * 1_000_000))
    print(f"wrote {len(got)} inputs ({sum(got.values())} good) to {args.folder}")


if __name__ == "__main__":  # pragma: no cover
    main()


__all__ = ["KINDS", "write_malformed"]
