"""Reading decompressed bytes under the limits: counted while decompressing, never trusted from headers.

One `Inflation` meter per container counts every byte its members inflate to, the
bytes of members refused part-way included, so a container of many refused members
still stops at max_container_bytes instead of inflating each one up to the member limit.
"""

from __future__ import annotations

import zipfile
from typing import Protocol

from classifier.extract.errors import LimitExceeded
from classifier.limits import RATIO_GRACE_BYTES, Limits

READ_CHUNK = 1 << 16


class ByteStream(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def ratio_exceeded(inflated: int, compressed: int, limits: Limits) -> bool:
    return inflated > RATIO_GRACE_BYTES and inflated > limits.max_ratio * max(compressed, 1)


class Inflation:
    """Decompressed bytes of one container so far, against its limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.total = 0

    def read(self, stream: ByteStream, compressed_size: int | None) -> bytes:
        """One member's bytes. Raises LimitExceeded naming the limit: max_container_bytes
        (the whole container must stop), or max_member_bytes / max_ratio (this member only);
        `compressed_size` None means the ratio is checked by the caller."""
        limits = self.limits
        chunks: list[bytes] = []
        size = 0
        while chunk := stream.read(READ_CHUNK):
            size += len(chunk)
            self.total += len(chunk)
            if self.total > limits.max_container_bytes:
                raise LimitExceeded("max_container_bytes")
            if size > limits.max_member_bytes:
                raise LimitExceeded("max_member_bytes")
            if compressed_size is not None and ratio_exceeded(size, compressed_size, limits):
                raise LimitExceeded("max_ratio")
            chunks.append(chunk)
        return b"".join(chunks)

    def discard(self, stream: ByteStream) -> None:
        """Decompresses the rest of a member without keeping it, counting it against the container:
        in a solid archive the next member can only be reached through this one's bytes, which a
        library would otherwise decompress unmetered while skipping it."""
        while chunk := stream.read(READ_CHUNK):
            self.total += len(chunk)
            if self.total > self.limits.max_container_bytes:
                raise LimitExceeded("max_container_bytes")


def check_declared_sizes(package: zipfile.ZipFile, limits: Limits) -> None:
    """For readers that inflate a whole OOXML package at once (python-docx, python-pptx) or
    whole parts (openpyxl's shared strings): refuse zip bombs before they start.

    zipfile never inflates a member past its declared size, so the headers bound the work.
    """
    total = 0
    for info in package.infolist():
        if info.file_size > limits.max_member_bytes:
            raise LimitExceeded("max_member_bytes")
        if ratio_exceeded(info.file_size, info.compress_size, limits):
            raise LimitExceeded("max_ratio")
        total += info.file_size
    if total > limits.max_container_bytes:
        raise LimitExceeded("max_container_bytes")
