"""Bytes -> text, refusing binaries and decoding legacy encodings without mojibake.

Why not just ``errors="replace"``: a Latin-1 or CP1251 file read as UTF-8 loses every accented
or Cyrillic letter, and names are what extraction needs. UTF-8 is tried first, then what the
file declares (HTML ``<meta charset>``, XML declaration, HTTP header), then a guess between
Cyrillic (CP1251) and Western (CP1252/Latin-1) by how the high bytes cluster: Cyrillic words
are runs of high bytes, Western text has isolated accented letters among ASCII ones.
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from ..errors import InputError

log = logging.getLogger(__name__)

#: Magic numbers of binary formats people pass by mistake, with a name for the message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x7fELF", "executable"), (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"), (b"\xfd7zXZ", "xz archive"),
    (b"RIFF", "media file"), (b"ID3", "MP3 audio"), (b"\x00\x00\x00", "binary data"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE)
_CYRILLIC_RUN_SHARE = 0.6  # share of high bytes next to another high byte in Cyrillic text
_CYRILLIC_LETTER_SHARE = 0.8  # share of high bytes that decode to Cyrillic letters in CP1251


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of ``data`` (None if it may be text)."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if b"\x00" in data[:65536]:
        return "binary data (NUL bytes)"
    return None


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML/XML document declares in its first few kilobytes, if any."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_cyrillic(data: bytes) -> bool:
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if not high:
        return False
    adjacent = sum(1 for i in high if (i > 0 and data[i - 1] >= 0x80)
                   or (i + 1 < len(data) and data[i + 1] >= 0x80))
    decoded = data.decode("cp1251", errors="replace")
    letters = sum(1 for ch in decoded if "\u0400" <= ch <= "\u04ff")
    return adjacent / len(high) >= _CYRILLIC_RUN_SHARE and letters / len(high) >= _CYRILLIC_LETTER_SHARE


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return bad / len(sample)


def decode_bytes(data: bytes, origin: str, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode a document; returns (text, warnings) or raises InputError naming ``origin``."""
    if not data.strip():
        raise InputError(origin, "empty file (nothing to read)")
    kind = binary_kind(data)
    if kind:
        raise InputError(origin, f"looks like a binary file ({kind}), not text; convert it to "
                                 "text, HTML or JSON Lines first")
    warnings: list[str] = []
    text: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(origin, f"undecodable {codec} text ({exc.reason})") from exc
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        candidates: list[str] = []
        declared = declared or declared_charset(data)
        if declared and declared not in ("utf-8", "ascii"):
            candidates.append(declared)
        candidates.append("cp1251" if _looks_cyrillic(data) else "cp1252")
        candidates.append("latin-1")  # decodes any byte string
        for codec in candidates:
            try:
                text = data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
            label = {"cp1251": "windows-1251 (Cyrillic)", "cp1252": "windows-1252 (Western)",
                     "latin-1": "ISO-8859-1 (Latin-1)"}.get(codec, codec)
            how = "as declared" if codec == declared else "by guess"
            warnings.append(f"{origin}: not UTF-8; decoded as {label} {how}")
            break
    assert text is not None
    if _control_share(text) > 0.01:
        raise InputError(origin, "looks like a binary file (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


__all__ = ["decode_bytes", "binary_kind", "declared_charset"]
