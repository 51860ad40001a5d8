"""Extraction limits live in classifier.limits (importable without loading every extractor)."""

from classifier.limits import Limits

__all__ = ["Limits"]
