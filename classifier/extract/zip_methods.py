"""Zip compression methods the standard library cannot inflate: Deflate64 (9) and PPMd (98).

zipfile refuses both (NotImplementedError); 7-Zip writes them (`-mm=Deflate64`, `-mm=PPMd`) and so
do WinZip and Windows Explorer (Deflate64 for large files). Each is decoded here from the member's
stored bytes, one bounded step at a time, into the same Inflation meter as every other member:
PPMd is asked for at most READ_CHUNK bytes a step, and Deflate64 (whose decoder has no output
bound) is fed DEFLATE64_FEED compressed bytes a step, so a bomb stops at the limits without one
step ever producing more than a few MB. A member never inflates past its declared size (as
zipfile's own members do not), the meter bounds that size, and the CRC-32 is checked at the end.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator

import inflate64
import pyppmd

from classifier.extract.bounded import READ_CHUNK

DEFLATE64 = 9
PPMD = 98
METHODS = frozenset({DEFLATE64, PPMD})
# Deflate64's longest match is 65,538 bytes (length code 285 with 16 extra bits), so at its worst
# ~18 bits inflate to 64 KiB: 1 KiB of input is at most ~30 MB of output in one call.
DEFLATE64_FEED = 1024
# PPMd input fed a step; its output is bounded by the decoder's length argument instead.
PPMD_FEED = 1 << 14
# APPNOTE 5.10.3: order 2..16, memory 1..256 MB; restoration 0 (restart) or 1 (cut off). 7-Zip's
# PpmdZip refuses the others too; a third method (freeze) was never finished in PPMd var. I.
PPMD_MIN_ORDER, PPMD_MAX_ORDER = 2, 16
PPMD_RESTORE_METHODS = (pyppmd.PPMD8_RESTORE_METHOD_RESTART, pyppmd.PPMD8_RESTORE_METHOD_CUT_OFF)


class DamagedStream(ValueError):
    """The compressed data does not decode, or decodes to other bytes than the CRC-32 says."""


class MethodStream:
    """A member's decompressed bytes, read in chunks (a ByteStream for Inflation.read)."""

    def __init__(self, info: zipfile.ZipInfo, compressed: bytes) -> None:
        self.info = info
        self.produced = 0
        self.crc = 0
        self.chunks = _deflate64(compressed) if info.compress_type == DEFLATE64 else _ppmd(compressed, info.file_size)

    def read(self, size: int = -1, /) -> bytes:
        for chunk in self.chunks:
            if not chunk:
                continue
            self.produced += len(chunk)
            if self.produced > self.info.file_size:
                raise DamagedStream("member longer than its declared size")
            self.crc = zlib.crc32(chunk, self.crc)
            return chunk
        if self.produced != self.info.file_size:
            raise EOFError("member shorter than its declared size")
        if self.crc != self.info.CRC:
            raise DamagedStream("bad CRC-32")
        return b""


def _deflate64(compressed: bytes) -> Iterator[bytes]:
    inflater = inflate64.Inflater()
    position = 0
    while not inflater.eof:
        if position >= len(compressed):
            raise EOFError("deflate64 stream cut off")
        feed = compressed[position:position + DEFLATE64_FEED]
        position += len(feed)
        try:
            out: bytes = inflater.inflate(feed)
        except ValueError:
            raise DamagedStream("deflate64 stream damaged") from None
        yield out


def _ppmd(compressed: bytes, declared: int) -> Iterator[bytes]:
    """PPMd var. I rev. 1 after its 2-byte parameter word (APPNOTE 5.10.3, 7-Zip's PpmdZip):
    bits 0-3 order - 1, bits 4-11 memory in MB - 1, bits 12-15 the restoration method."""
    if len(compressed) < 2:
        raise EOFError("ppmd parameters cut off")
    (word,) = struct.unpack_from("<H", compressed)
    order, memory_mb, restore = (word & 0xF) + 1, ((word >> 4) & 0xFF) + 1, word >> 12
    if not PPMD_MIN_ORDER <= order <= PPMD_MAX_ORDER:
        raise DamagedStream("ppmd order out of range")
    if restore not in PPMD_RESTORE_METHODS:
        raise NotImplementedError("ppmd restoration method")
    decoder = pyppmd.Ppmd8Decoder(order, memory_mb << 20, restore_method=restore)
    body, position, produced = compressed[2:], 0, 0
    # The stream has no length of its own that zip trusts: it ends at the declared size (or at the
    # end mark 7-Zip writes), and the meter bounds the declared size.
    while produced < declared and not decoder.eof:
        feed = b""
        if decoder.needs_input:
            if position >= len(body):
                raise EOFError("ppmd stream cut off")
            feed = body[position:position + PPMD_FEED]
            position += len(feed)
        try:
            out: bytes = decoder.decode(feed, min(READ_CHUNK, declared - produced))
        # pyppmd raises ValueError on damaged input, and SystemError (NULL without an exception) on some.
        except (ValueError, SystemError):
            raise DamagedStream("ppmd stream damaged") from None
        if not out and not feed:  # no input taken and nothing made: it would never end
            raise DamagedStream("ppmd stream stalled")
        produced += len(out)
        yield out
