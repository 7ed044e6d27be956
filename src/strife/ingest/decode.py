"""Bytes -> text: refuse what is not text, decode what is, repair mojibake.

ftfy repairs mojibake ("â€™" -> "’"); charset_normalizer (a dependency of trafilatura's
stack) guesses the encoding of text that is not UTF-8. Binary formats are named by their
magic numbers, so the user learns what they gave ("looks like PDF"), not only that it
failed.
"""

from __future__ import annotations

import ftfy

MAGIC = [
    (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP or Office document"), (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"), (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"), (b"BZh", "bzip2 archive"), (b"\xd0\xcf\x11\xe0", "old Office document"),
    (b"SQLite format 3", "SQLite database"), (b"\x00\x00\x00", "binary data"),
]
MAX_BYTES = 5 * 1024 * 1024  # a news report is kilobytes; beyond this it is not one report


class NotText(Exception):
    """The input cannot be read as a report; the message says why."""


def sniff_binary(head: bytes) -> str | None:
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    sample = head[:4096]
    if b"\x00" in sample:
        return "binary data (NUL bytes)"
    if sample:
        control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
        if control / len(sample) > 0.1:
            return "binary data (control characters)"
    return None


def decode(data: bytes) -> tuple[str, list[str]]:
    """-> (text, repairs). Raises NotText with a specific reason."""
    kind = sniff_binary(data[:8192])
    if kind is not None:
        raise NotText(f"binary file (looks like {kind}), not a text or HTML report")
    repairs: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _guess(data)
        repairs.append(f"decoded as {encoding} (not UTF-8)")
    # curly quotes are the text as written, not damage: only real breakage is repaired
    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    if fixed != text:
        repairs.append("fixed mojibake and broken characters")
    fixed = fixed.replace("\r\n", "\n").replace("\r", "\n")
    return fixed, repairs


def _guess(data: bytes) -> tuple[str, str]:
    # English news that is not UTF-8 is nearly always Windows-1252/Latin-1; statistical
    # guessers pick Central European code pages for short texts with one "ñ" in them.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding:
            return str(best), best.encoding
    except ImportError:  # charset_normalizer comes with requests; without it, cp1252
        pass
    return data.decode("cp1252", errors="replace"), "cp1252"
