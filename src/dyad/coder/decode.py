"""Decode the bytes of an input file or line to text, guessing the encoding where it must.

UTF-8 (BOM stripped), UTF-16/32 when a byte-order mark says so or, without one, when NULs
fall as in UTF-16/32 text (with a warning); UTF-8 with stray bytes of another encoding has
those bytes read in the first of `encoding_fallbacks`, and other bytes that look like text
are read in the first fallback that fits. Anything else is refused as binary, with the reason.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")
SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    warnings: tuple[str, ...] = ()


def jsonl_encoding(head: bytes, size: int) -> str:
    """Return the encoding a JSON-lines file of `size` bytes starting with `head` is read in.

    A byte-order mark says UTF-16 or UTF-32; without one, NULs in the pattern of Latin
    text in UTF-16/32 say so (`wide_encoding`); anything else is read line by line as UTF-8.
    """
    marked = next((enc for mark, enc in _BOMS if head.startswith(mark)), None)
    if marked is not None:
        return marked
    wide = wide_encoding(head)
    if wide is not None and size % (2 if wide.startswith("utf-16") else 4) == 0:
        return wide
    return "utf-8"


def decode_bytes(data: bytes, fallbacks: Iterable[str]) -> Decoded | str:
    """Return the decoded text and warnings, or the reason the bytes are not text."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            if encoding == "utf-8-sig":
                data = data[len(mark) :]
                break
            try:
                return Decoded(data.decode(encoding))
            except UnicodeDecodeError as exc:
                where = f"{exc.reason} at offset {exc.start:,}"
                return f"binary or undecodable content (marked {encoding.upper()} but {where})"
    wide = wide_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            pass
        else:
            if not _mostly_control(text):
                return Decoded(text, (f"no byte-order mark; read as {wide.upper()}",))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _decode_legacy(data, exc, fallbacks)
    nuls = text.count("\x00")
    if nuls and (nuls * 10 > len(data) or _looks_utf16(data)):
        return _binary_reason(data, f"{nuls:,} NUL bytes")
    if _mostly_control(text.replace("\x00", "")):
        return _binary_reason(data, "control characters")
    if nuls:
        first = data.index(0)
        return Decoded(text, (f"removed {nuls:,} NUL bytes (first at offset {first:,})",))
    return Decoded(text)


def _decode_legacy(data: bytes, exc: UnicodeDecodeError, fallbacks: Iterable[str]) -> Decoded | str:
    where = f"{exc.reason} at offset {exc.start:,}"
    if 0 in data:
        return _binary_reason(data, f"NUL bytes, and not valid UTF-8: {where}")
    escaped = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(escaped))
    good = sum(1 for char in escaped if char > "\x7f") - bad
    looks_text = good >= bad or from_bytes(data).best() is not None
    if good and looks_text:  # UTF-8 with stray bytes of another encoding: each read as its own
        fallback = next(iter(fallbacks), None)
        count = f"{bad:,} byte is" if bad == 1 else f"{bad:,} bytes are"
        if fallback is None:
            warning = f"mostly UTF-8, but {count} not (first: {where}); replaced with U+FFFD"
            return Decoded(data.decode("utf-8", "replace"), (warning,))
        text = data.decode("utf-8", _fallback_handler(fallback))
        if not _mostly_control(text):
            warning = f"mixed encodings: UTF-8, but {count} {fallback} (first: {where})"
            return Decoded(text, (warning,))
    if looks_text:
        for encoding in fallbacks:
            try:
                text = data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
            if not _mostly_control(text):
                return Decoded(text, (f"not valid UTF-8 ({where}); decoded as {encoding}",))
    return _binary_reason(data, f"not valid UTF-8 ({where}) nor {', '.join(fallbacks) or 'text'}")


def _fallback_handler(encoding: str) -> str:
    """Return the name of a decoding error handler reading each bad byte as `encoding`."""
    name = f"dyad-{encoding}"
    try:
        codecs.lookup_error(name)
    except LookupError:

        def handler(exc: UnicodeError) -> tuple[str, int]:
            assert isinstance(exc, UnicodeDecodeError)
            chunk = exc.object[exc.start : exc.end]
            try:
                return chunk.decode(encoding), exc.end
            except UnicodeDecodeError:  # a byte cp1252 leaves undefined
                return chunk.decode("latin-1"), exc.end

        codecs.register_error(name, handler)
    return name


def wide_encoding(data: bytes) -> str | None:
    """Return "utf-16-le" etc. when NULs fill the bytes as UTF-16/32 text without a BOM does.

    Latin text in UTF-32 has three NULs in every four bytes, in UTF-16 one in two.
    """
    sample = data[:4096]
    if len(sample) < 4 or any(sample.startswith(mark) for mark, _encoding in _BOMS):
        return None
    share = [sample[i::4].count(0) / len(sample[i::4]) for i in range(4)]
    if len(data) % 4 == 0 and min(share[1:]) > 0.9 and share[0] < 0.5:
        return "utf-32-le"
    if len(data) % 4 == 0 and min(share[:3]) > 0.9 and share[3] < 0.5:
        return "utf-32-be"
    even, odd = (share[0] + share[2]) / 2, (share[1] + share[3]) / 2
    if len(data) % 2 == 0 and odd > 0.6 and even < 0.2:
        return "utf-16-le"
    if len(data) % 2 == 0 and even > 0.6 and odd < 0.2:
        return "utf-16-be"
    return None


def _mostly_control(text: str) -> bool:
    """Return whether over 5% of `text` are control characters other than whitespace."""
    return len(_CONTROL.findall(text)) * 20 > len(text)


def _binary_reason(data: bytes, why: str) -> str:
    if _looks_utf16(data):
        why = "looks like UTF-16 without a byte-order mark"
    return f"binary or undecodable content ({why})"


def _looks_utf16(data: bytes) -> bool:
    """Return whether NULs fill most even or most odd bytes, as in UTF-16 Latin text."""
    sample = data[:4096]
    half = len(sample) // 2
    return half >= 2 and max(sample[0::2].count(0), sample[1::2].count(0)) > 0.6 * half


def normalise_text(text: str) -> str:
    """Return `text` with "\\n" line ends, no NUL, and U+FFFD for each lone surrogate."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return SURROGATE.sub("\ufffd", text)  # lone surrogates from JSON escapes break UTF-8
