"""Registered domains from tldextract's bundled public suffix list, offline.

tldextract's module-level `extract` downloads the suffix list on first use; with no network that
means long tracebacks and a delay per process. The bundled snapshot is enough to tell a real TLD.
Kept apart from the e-mail recognizer so that `lookup` can split a domain without loading Presidio.
"""

from __future__ import annotations

import tldextract


def offline_domain_extractor() -> tldextract.TLDExtract:
    # suffix_list_urls=() and cache_dir=None: never fetch, never write a cache.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
