"""The version of leakcensus, in one place (pyproject reads it; outputs record it)."""

__version__ = "0.1.0"
