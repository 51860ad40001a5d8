"""SECRET: cloud access keys, service tokens, private key blocks, passwords in config.

Each pattern has a named group `secret` so that the span is the secret
itself, not the `password=` before it; normal forms are then comparable
across files. Password assignments require a value that does not look like a
placeholder or a variable reference, to keep ordinary config quiet.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import ClassVar, NamedTuple

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from classifier.pii.recognizers import own_result

# The end of a key or constant name that says its value is a secret (DB_PASSWORD, mail.smtp.password, API_KEY).
SECRET_NAME = r"(?:password|passwd|pwd|secret|api_?key|apikey|access_?token|auth_?token|token)"

# Key ids of AWS principals: access keys (AKIA), temporary ones (ASIA), groups, users, roles, managed policies.
AWS_KEY_ID_PREFIXES = ("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA")
ASSIGNMENT = r"(?::|=|:=|=>)"


# What a responder does about a secret depends on its kind: rotate cloud keys, revoke tokens, reissue
# certificates, reset passwords. The headline counts secrets by these groups of the patterns below.
SECRET_KINDS: dict[str, str] = {
    "aws_access_key_id": "cloud keys", "aws_secret_access_key": "cloud keys", "google_api_key": "cloud keys",
    "private_key_block": "private keys",
    "connection_string_password": "passwords", "password_assignment": "passwords", "password_argument": "passwords",
    "github_token": "tokens", "slack_token": "tokens", "stripe_key": "tokens", "jwt": "tokens",
    "high_entropy_assignment": "tokens",
}
OTHER_SECRETS = "other"  # a value in a column of secrets, which no pattern named


class SecretPattern(NamedTuple):
    kind: str
    regex: re.Pattern[str]
    # A regex that any match of `regex` contains: the pattern-only prefilter is built from these,
    # so that it passes every text this pattern can match (written beside the pattern to stay true to it).
    shape: str


SECRET_PATTERNS: tuple[SecretPattern, ...] = (
    SecretPattern("aws_access_key_id", re.compile(
        rf"\b(?P<secret>(?:{'|'.join(AWS_KEY_ID_PREFIXES)})[0-9A-Z]{{16}})\b"), "|".join(AWS_KEY_ID_PREFIXES)),
    SecretPattern("aws_secret_access_key", re.compile(
        r"(?i)aws_?secret_?(?:access_?)?key\s*[:=]\s*[\"']?(?P<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"),
        r"(?i:aws_?secret)"),
    SecretPattern("github_token", re.compile(r"\b(?P<secret>gh[pousr]_[A-Za-z0-9]{36,255})\b"), r"gh[pousr]_"),
    SecretPattern("slack_token", re.compile(r"\b(?P<secret>xox[abposr]-[A-Za-z0-9-]{10,})\b"), r"xox[abposr]-"),
    SecretPattern("stripe_key", re.compile(r"\b(?P<secret>(?:sk|rk)_live_[A-Za-z0-9]{16,})\b"), r"[sr]k_live_"),
    SecretPattern("google_api_key", re.compile(r"\b(?P<secret>AIza[0-9A-Za-z_-]{35})"), r"AIza"),
    SecretPattern("jwt", re.compile(r"\b(?P<secret>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})"), r"eyJ"),
    SecretPattern("private_key_block", re.compile(
        r"(?P<secret>-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"
        r"[\s\S]{16,}?-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)"), r"-----BEGIN "),
    SecretPattern("connection_string_password", re.compile(
        r"\b[a-z][a-z0-9+.-]{1,20}://[^\s:/@]{1,64}:(?P<secret>[^\s@/]{3,128})@[\w.-]+"), r"://"),
    # Any assignment of a long random-looking value (checked for entropy below), as
    # detect-secrets' high-entropy plugins do: `mimi=gX69YO4C...`, `key="ToCynx5S..."`.
    SecretPattern("high_entropy_assignment", re.compile(
        rf"(?m)(?:^|[\s,;{{(])[\"']?[\w.-]+[\"']?\s*{ASSIGNMENT}\s*[\"']?(?P<secret>[A-Za-z0-9+/=_-]{{20,256}})[\"']?(?=[\s,;}})]|$)"),
        r"[:=>]\s*[\"']?[A-Za-z0-9+/=_-]{20}"),  # every assignment operator ends in one of :=>
    SecretPattern("password_assignment", re.compile(
        rf"(?i)(?:^|[\s,;{{(\"'])[\w.-]*{SECRET_NAME}"
        rf"[\"']?\s*{ASSIGNMENT}\s*[\"']?(?P<secret>[^\s\"',;]{{4,128}})"), rf"(?i:{SECRET_NAME})"),
    # A secret handed over as a call's second string argument, named by its first: PHP's
    # define('DB_PASSWORD', '...') in wp-config.php, setProperty("db.password", "..."), putenv-style helpers.
    SecretPattern("password_argument", re.compile(
        rf"(?i)\(\s*[\"'][\w.-]*{SECRET_NAME}[\"']"
        r"\s*,\s*[\"'](?P<secret>[^\s\"']{4,128})[\"']\s*\)"), rf"(?i:{SECRET_NAME})"),
)

# Values that are config plumbing, not secrets.
PLACEHOLDER = re.compile(
    r"(?i)^(?:\$\{?[\w.]+\}?|%\(?\w+\)?s?|<[^>]*>|\{\{.*\}\}|x{3,}|\*{3,}|changeme|password|secret|none|null|true|false"
    r"|example|your[_-]?\w*|redacted|todo|tbd|\.\.\.)$"
)


# Code that reads a secret rather than holding one: password = os.environ.get(...),
# password=password), token=self.token, key: settings.KEY.
CODE_REFERENCE = re.compile(r"[()\[\]]|^(?:os|self|this|settings|config|env|process)\.|^[a-z_]+\.[a-z_]+$")
VARIABLE_NAMES = frozenset({"password", "passwd", "pwd", "secret", "token", "api_key", "apikey", "key", "pass"})


HEX = frozenset("0123456789abcdefABCDEF")
# Bits per character above which a string is random rather than words or
# identifiers (the thresholds detect-secrets uses for base64 and hex strings).
BASE64_ENTROPY = 4.5
HEX_ENTROPY = 3.0


def shannon_entropy(value: str) -> float:
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def random_looking(value: str) -> bool:
    if set(value) <= HEX:
        return len(value) >= 32 and shannon_entropy(value) >= HEX_ENTROPY
    has_digit = any(ch.isdigit() for ch in value)
    mixed_case = any(ch.isupper() for ch in value) and any(ch.islower() for ch in value)
    # Long values of 20-30 characters cannot reach 4.5 bits; scale the bar by what is possible.
    threshold = min(BASE64_ENTROPY, math.log2(len(value)) - 0.3)
    return has_digit and mixed_case and shannon_entropy(value) >= threshold


def plausible_password(value: str) -> bool:
    if value.startswith(("http://", "https://")) or CODE_REFERENCE.search(value):
        return False
    return value.strip("\"'`,;").casefold() not in VARIABLE_NAMES


class SecretRecognizer(EntityRecognizer):
    SCORE = 0.9
    PREFILTER_SHAPES: ClassVar[tuple[str, ...]] = tuple(dict.fromkeys(p.shape for p in SECRET_PATTERNS))

    def __init__(self) -> None:
        super().__init__(supported_entities=["SECRET"], name="SecretRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        taken: set[tuple[int, int]] = set()
        for kind, pattern, _ in SECRET_PATTERNS:
            for match in pattern.finditer(text):
                start, end = match.span("secret")
                value = match.group("secret")
                if (start, end) in taken or PLACEHOLDER.match(value):
                    continue
                if kind in ("password_assignment", "password_argument") and not plausible_password(value):
                    continue
                if kind == "high_entropy_assignment" and not random_looking(value):
                    continue
                taken.add((start, end))
                results.append(own_result("SecretRecognizer", self.id, "SECRET", start, end, self.SCORE, secret_kind=kind))
        return results
