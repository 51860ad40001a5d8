"""leakcensus: what kind of data leaked, and how much of it — without keeping any of it."""

__version__ = "0.1.0"
