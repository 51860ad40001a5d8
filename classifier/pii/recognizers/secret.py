"""SECRET: cloud access keys, service tokens, private key blocks, passwords in config.

Each pattern has a named group `secret` so that the span is the secret
itself, not the `password=` before it; normal forms are then comparable
across files. Password assignments require a value that does not look like a
placeholder or a variable reference, to keep ordinary config quiet.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

SECRET_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("aws_access_key_id", re.compile(r"\b(?P<secret>(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16})\b")),
    ("aws_secret_access_key", re.compile(
        r"(?i)aws_?secret_?(?:access_?)?key\s*[:=]\s*[\"']?(?P<secret>[A-Za-z0-9/+=]{40})\b")),
    ("github_token", re.compile(r"\b(?P<secret>gh[pousr]_[A-Za-z0-9]{36,255})\b")),
    ("slack_token", re.compile(r"\b(?P<secret>xox[abposr]-[A-Za-z0-9-]{10,})\b")),
    ("stripe_key", re.compile(r"\b(?P<secret>(?:sk|rk)_live_[A-Za-z0-9]{16,})\b")),
    ("google_api_key", re.compile(r"\b(?P<secret>AIza[0-9A-Za-z_-]{35})")),
    ("jwt", re.compile(r"\b(?P<secret>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})")),
    ("private_key_block", re.compile(
        r"(?P<secret>-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"
        r"[\s\S]{16,}?-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)")),
    ("connection_string_password", re.compile(
        r"\b[a-z][a-z0-9+.-]{1,20}://[^\s:/@]{1,64}:(?P<secret>[^\s@/]{3,128})@[\w.-]+")),
    ("password_assignment", re.compile(
        r"(?i)(?:^|[\s,;{(\"'])[\w.-]*(?:password|passwd|pwd|secret|api_?key|apikey|access_?token|auth_?token|token)"
        r"[\"']?\s*(?::|=|:=|=>)\s*[\"']?(?P<secret>[^\s\"',;]{4,128})")),
)

# Values that are config plumbing, not secrets.
PLACEHOLDER = re.compile(
    r"(?i)^(?:\$\{?[\w.]+\}?|%\(?\w+\)?s?|<[^>]*>|\{\{.*\}\}|x{3,}|\*{3,}|changeme|password|secret|none|null|true|false"
    r"|example|your[_-]?\w*|redacted|todo|tbd|\.\.\.)$"
)


class SecretRecognizer(EntityRecognizer):
    SCORE = 0.9

    def __init__(self) -> None:
        super().__init__(supported_entities=["SECRET"], name="SecretRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        taken: set[tuple[int, int]] = set()
        for kind, pattern in SECRET_PATTERNS:
            for match in pattern.finditer(text):
                start, end = match.span("secret")
                value = match.group("secret")
                if (start, end) in taken or PLACEHOLDER.match(value):
                    continue
                if kind == "password_assignment" and value.startswith(("http://", "https://")):
                    continue
                taken.add((start, end))
                results.append(
                    RecognizerResult(
                        entity_type="SECRET",
                        start=start,
                        end=end,
                        score=self.SCORE,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: "SecretRecognizer",
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                            "secret_kind": kind,
                        },
                    )
                )
        return results
