"""Our own Presidio recognizers, one per file (as Presidio keeps its own)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult


def own_result(recognizer_name: str, recognizer_id: str, entity_type: str, start: int, end: int, score: float,
               **metadata: str) -> RecognizerResult:
    """A result of one of our recognizers, named in its metadata as Presidio names its own."""
    return RecognizerResult(
        entity_type=entity_type,
        start=start,
        end=end,
        score=score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer_name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer_id,
            **metadata,
        },
    )
