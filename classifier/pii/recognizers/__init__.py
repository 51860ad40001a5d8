"""Our own Presidio recognizers, one per file (as Presidio keeps its own)."""
