"""ORGANIZATION by legal form: capitalised words followed by Ltd, GmbH, Inc, S.A., ...

Language-independent, so organisations are found in German, French or Spanish
text where the English NER model is not run, and in table cells and code.
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer

NAME_WORD = r"[A-ZÀ-Þ][\w&'’-]*"
LEGAL_FORM = (r"(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|Ltd\.?|Limited|Inc\.?|LLC|LLP|PLC|plc|Corp\.?|Corporation|"
              r"S\.\s?A\.|SA|SAS|SARL|S\.?r\.?l\.?|S\.?p\.?A\.?|B\.?V\.?|N\.?V\.?|Pty\.?(?:\s+Ltd\.?)?|Oy|AB)")
PATTERN = rf"\b{NAME_WORD}(?:[ \t]+(?:&[ \t]+)?{NAME_WORD}){{0,3}}[ \t]*,?[ \t]+{LEGAL_FORM}(?![\w])"


class LegalFormOrganizationRecognizer(PatternRecognizer):
    PREFILTER_SHAPES: ClassVar[tuple[str, ...]] = (rf"[ \t]{LEGAL_FORM}(?!\w)",)  # the end of every PATTERN match

    def __init__(self) -> None:
        super().__init__(
            supported_entity="ORGANIZATION",
            name="LegalFormOrganizationRecognizer",
            patterns=[Pattern("name with legal form", PATTERN, 0.7)],
            supported_language="en",
            # Presidio matches case-insensitively by default; capitals are the whole signal here.
            global_regex_flags=re.MULTILINE,
        )
