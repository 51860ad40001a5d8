"""Keyed hashes (HMAC-SHA-256) of normalised entity values, and the key's life cycle.

A keyed hash lets the inventory count distinct values and `lookup` confirm a
value without storing it. Without the key nobody can test guesses against the
hashes; with it, short value spaces (phone numbers) can be enumerated, so the
key is kept apart from the shareable outputs.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from classifier.errors import RunError
from classifier.pii.normalise import hash_form

KEY_BYTES = 32
DEFAULT_KEY_NAME = "scan.key"


class KeyFileError(RunError):
    """The key file is unusable (operator error)."""


def load_or_create_key(key_file: Path | None, out_dir: Path) -> bytes:
    path = key_file if key_file is not None else out_dir / DEFAULT_KEY_NAME
    if path.exists():
        key = path.read_bytes().strip()
        if len(key) < 16:
            raise KeyFileError(f"key file too short (need at least 16 bytes): {path}")
        return key
    if key_file is not None:
        raise KeyFileError(f"key file not found: {path}")
    key = secrets.token_hex(KEY_BYTES).encode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key + b"\n")
    return key


def key_fingerprint(key: bytes) -> str:
    """Identifies the key (to tell whether two inventories can be merged) without revealing it."""
    return "sha256:" + hashlib.sha256(b"leakcensus-key-fingerprint\x00" + key).hexdigest()[:16]


class KeyedHasher:
    def __init__(self, key: bytes) -> None:
        self.key = key

    def __call__(self, entity_type: str, normal_form: str) -> str:
        """The keyed hash of a normal form (see normalise.hash_form for what is compared)."""
        compared = hash_form(entity_type, normal_form)
        message = entity_type.encode() + b"\x00" + compared.encode("utf-8", errors="surrogatepass")
        return hmac.new(self.key, message, hashlib.sha256).hexdigest()
