"""Resource limits for extraction, in the spirit of ClamAV's scan limits."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    # A file larger than this is recorded as too_large without being read.
    max_file_bytes: int = 512 * 1024 * 1024
    # A single container member larger than this, once decompressed, is too_large.
    max_member_bytes: int = 256 * 1024 * 1024
    # Sum of decompressed member bytes from one container.
    max_container_bytes: int = 1024 * 1024 * 1024
    max_members: int = 10_000
    max_depth: int = 10
    # Text beyond this many characters per document is not analysed.
    max_text_chars: int = 5_000_000
