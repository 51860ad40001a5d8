"""Structure cues read from the layout of text and tables, not from its vocabulary.

Each function returns a count or a share; nothing here keeps any text. The
shapes are the ones a person uses to tell document kinds apart at a glance:
line items whose quantity times unit price gives the line total, `key = value`
lines, a secret assigned to a key, code lines, numbered clauses and signature
lines of a contract, the salutation and signature block of a letter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from classifier.categories.lexicon import PhraseMatcher, words

# A quantity times a unit price is a line total when it matches to the cent or to 0.5 %.
LINE_ITEM_TOLERANCE = 0.005
LINE_ITEM_WINDOW = 6  # numbers in reading order: qty, price and total sit close together in flattened tables
MAX_QUANTITY = 100_000

_NOT_AMOUNTS = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"  # dates
    r"|\d{1,2}:\d{2}(?::\d{2})?"  # times
    r"|\+\d[\d ()./-]{6,}\d|\(0?\d{2,4}\)\s?\d[\d -]{4,}\d|(?<!\d )\b0\d{1,4}[ /-]\d{3,}(?:[ -]\d{2,})*"  # phone numbers
    r"|\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}"  # IBANs
    r"|[A-Za-z]+[-_]?\d+(?:[-_/]\d+)*"  # codes and identifiers: INV-2021-0042, Q3, v2
)
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:(?:[,.' \u202f])\d{3})+(?:[.,]\d{1,2})?(?![\w])|(?<![\w.,])\d+(?:[.,]\d{1,2})?(?![\w])")


def parse_number(raw: str) -> float | None:
    """'1.234,56', '1,234.56', '1 234,56', '42.00', '7' -> float; thousands separators by position."""
    text = raw.replace(" ", "").replace("'", "").replace("\u202f", "")
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(decimal, ".")
    elif "," in text:
        head, _, tail = text.rpartition(",")
        text = text.replace(",", "") if len(tail) == 3 else head.replace(",", "") + "." + tail
    elif text.count(".") > 1 or (text.count(".") == 1 and len(text.rpartition(".")[2]) == 3):
        text = text.replace(".", "")
    try:
        return float(text)
    except ValueError:
        return None


def numbers_in(text: str) -> list[float]:
    cleaned = _NOT_AMOUNTS.sub(" ", text)
    found = (parse_number(m.group(0)) for m in _NUMBER.finditer(cleaned))
    return [n for n in found if n is not None]


def _is_line_total(quantity: float, price: float, total: float) -> bool:
    # The total must exceed both factors: 380 x 1 = 380 is a price repeated, not a line item.
    if not (2 <= quantity <= MAX_QUANTITY and quantity.is_integer() and price > 0 and total > max(price, quantity)):
        return False
    return abs(quantity * price - total) <= max(0.011, LINE_ITEM_TOLERANCE * total)


def line_items(numbers: Sequence[float], window: int = LINE_ITEM_WINDOW) -> int:
    """How many numbers are the product of two numbers shortly before them (qty x unit price = total)."""
    found = 0
    for end, total in enumerate(numbers):
        start = max(0, end - window)
        before = numbers[start:end]
        if any(_is_line_total(a, b, total) or _is_line_total(b, a, total)
               for i, a in enumerate(before) for b in before[i + 1:]):
            found += 1
    return found


_ASSIGNMENT = re.compile(r"^\s*(?:export\s+)?[\"']?[\w.\-\[\]]+[\"']?\s*(?:=|:)(?:\s|$)|^\s*[\w.\-]+=\S")
_SECTION_OR_COMMENT = re.compile(r"^\s*(?:\[[^\]]+\]\s*$|[#;]|//|---\s*$)")
_SECRET_KEY = re.compile(
    r"(?i)(?<![a-z])(?:password|passwort|passwd|pwd|kennwort|mot[_ ]de[_ ]passe|contrase[ñn]a|clave|secret|token|"
    r"api[_ -]?key|apikey|access[_ -]?key|client[_ -]?secret|private[_ -]?key)[\w\-]*[\"']?\s*(?:=|:|=>)\s*[\"']?"
    r"(?P<value>[^\s\"',;]{3,})")
_PLACEHOLDER = re.compile(r"(?i)^(?:\$|<|\{|%|\*{3,}|x{3,}|changeme|none|null|true|false|os\.|getenv|process\.env|env\[)")
_CONNECTION = re.compile(r"(?i)\b[a-z][a-z0-9+.\-]{1,20}://[^\s:/@]{1,64}:[^\s@/]{3,128}@|\b(?:password|pwd)=[^;\s]{3,};")


def key_value_share(lines: Sequence[str]) -> tuple[int, float]:
    """(assignment lines, their share of the lines that are not sections, comments or blank)."""
    body = [line for line in lines if line.strip() and not _SECTION_OR_COMMENT.match(line)]
    count = sum(1 for line in body if _ASSIGNMENT.match(line))
    return count, count / len(body) if body else 0.0


def secret_assignments(lines: Sequence[str]) -> int:
    count = 0
    for line in lines:
        match = _SECRET_KEY.search(line)
        if match and not _PLACEHOLDER.match(match.group("value")):
            count += 1
    return count


def connection_strings(text: str) -> int:
    return len(_CONNECTION.findall(text))


_CODE_LINE = re.compile(
    r"^\s*(?:"
    r"(?:def|class|import|return|elif|raise|yield|async def)\b|from\s+[\w.]+\s+import\b|(?:try|else|finally):\s*$|except\b|@\w+"
    r"|(?:function|const|let|var|export|module\.exports|console\.)\b|require\("
    r"|(?:public|private|protected|static|final|package|namespace|#include|using\s+[\w.]+;)"
    r"|(?:func|fn|impl|struct|defer)\s"
    r"|\$\w+\s*=|echo\s|(?:fi|done|then|esac|do)\s*$|#!/|<\?php"
    r"|(?:SELECT|INSERT\s+INTO|UPDATE|CREATE\s+(?:TABLE|INDEX|VIEW)|ALTER\s+TABLE|DROP\s+TABLE)\s"
    r"|[}\])]+[;,]?\s*$"
    r")|.*(?:\{|\)\s*;|=>|\)\s*:)\s*$")


def code_share(lines: Sequence[str]) -> tuple[int, float]:
    body = [line for line in lines if line.strip()]
    count = sum(1 for line in body if _CODE_LINE.match(line))
    return count, count / len(body) if body else 0.0


_CLAUSE = re.compile(
    r"^\s*(?:§\s*\d+|(?i:article|artikel|artículo|art\.|clause|cláusula|section|sección|chapitre|ziffer)\s+(?:\d+|[IVXLC]+)\b"
    r"|\d{1,2}(?:\.\d{1,2})+\.?\s+\S|\d{1,2}\.\s+[A-ZÄÖÜÉÈÁÍÓÚ])")


def numbered_clauses(lines: Sequence[str]) -> int:
    return sum(1 for line in lines if _CLAUSE.match(line))


_RULE_LINE = re.compile(r"_{5,}|\.{8,}")
SIGNING_ZONE = 40


def signing_lines(lines: Sequence[str], shapes: PhraseMatcher) -> int:
    """Signature lines at the end: rules to sign on, or 'By:', 'Name:', 'Unterschrift:' labels."""
    count = 0
    for line in [line for line in lines if line.strip()][-SIGNING_ZONE:]:
        if _RULE_LINE.search(line):
            count += 1
            continue
        if ":" not in line or len(line) > 80:
            continue
        label = words(line.split(":", 1)[0])
        if label and _starts_with(label, shapes, "signing") == len(label):
            count += 1
    return count


def _starts_with(tokens: Sequence[str], shapes: PhraseMatcher, tier: str) -> int:
    """The number of words the shape phrase covers when the line starts with one, else 0."""
    for match in shapes.find(tokens):
        if match.start == 0 and any(cue.tier == tier for cue in match.cues):
            return match.end
        break
    return 0


SALUTATION_ZONE = 15


def salutation(lines: Sequence[str], shapes: PhraseMatcher) -> bool:
    """A letter's opening: 'Dear Ms Keller,' 'Sehr geehrte Damen und Herren,' 'Madame, Monsieur,' near the top."""
    for line in [line for line in lines if line.strip()][:SALUTATION_ZONE]:
        stripped = line.strip()
        if len(stripped) > 80:
            continue
        tokens = words(stripped)
        if tokens and _starts_with(tokens, shapes, "salutation") and (stripped[-1] in ",!:" or len(tokens) <= 6):
            return True
    return False


SIGNATURE_LINE_CHARS = 60


def signature_block(lines: Sequence[str], shapes: PhraseMatcher) -> bool:
    """A closing line ('Kind regards', 'Cordialement') followed by short lines (name, role, phone)."""
    body = [line.strip() for line in lines]
    for index, line in enumerate(body):
        if not line or len(line) > SIGNATURE_LINE_CHARS:
            continue
        tokens = words(line)
        covered = _starts_with(tokens, shapes, "closing") if tokens else 0
        if not covered or len(tokens) > covered + 3:
            continue
        following = [f for f in body[index + 1: index + 4] if f]
        if following and len(following[0]) <= SIGNATURE_LINE_CHARS:
            return True
    return False


_AMOUNT = re.compile(r"[$€£]\s?\d[\d.,' ]*\d|\d[\d.,']*\s?(?:€|EUR|USD|GBP|CHF)(?![A-Za-z])|(?:EUR|USD|GBP|CHF)\s?\d")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s?%")
_LOG_LINE = re.compile(
    r"^\s*\[?(?:\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\d{2}/\d{2}/\d{4}[ T:]\d{2}:\d{2}|[A-Z][a-z]{2}\s+\d{1,2}\s\d{2}:\d{2}:\d{2}"
    r"|\d{2}:\d{2}:\d{2}[.,]\d+)")
_BULLET = re.compile(r"^\s*(?:[-*•–]\s+\S|\[[ xX]?\]\s)")


def amounts(text: str) -> int:
    return len(_AMOUNT.findall(text))


def percentages(text: str) -> int:
    return len(_PERCENT.findall(text))


def log_share(lines: Sequence[str]) -> tuple[int, float]:
    body = [line for line in lines if line.strip()]
    count = sum(1 for line in body if _LOG_LINE.match(line))
    return count, count / len(body) if body else 0.0


# A chat export or transcript: "[09:14] Anna: text", "12/03/2023, 09:14 - Anna: text", "Anna: text". The speaker is
# one to three words; what they said is a sentence, not a value.
_CHAT_LINE = re.compile(
    r"^\s*(?P<stamp>[\[(]?(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?[\])]?"
    r"\s*[-–]?\s*)?(?P<who>[^\W\d_][\w.'-]*(?: [^\W\d_][\w.'-]*){0,2})\s?:\s+(?P<said>\S.*)$")
CHAT_WORDS = 3


def chat_share(lines: Sequence[str]) -> tuple[int, float]:
    """Lines in which a speaker says something: a chat export when the speakers recur or the lines carry times.
    Key: value lines name each key once; log lines (a date and time first) are not chat."""
    body = [line for line in lines if line.strip()]
    speakers: dict[str, int] = {}
    stamped = 0
    for line in body:
        match = _CHAT_LINE.match(line)
        if match is None or _LOG_LINE.match(line) or len(match.group("said").split()) < CHAT_WORDS:
            continue
        who = match.group("who").lower()
        speakers[who] = speakers.get(who, 0) + 1
        stamped += match.group("stamp") is not None
    count = sum(speakers.values())
    recurring = sum(n for n in speakers.values() if n >= 2)
    if count < 3 or (2 * stamped < count and recurring < 0.6 * count):
        return 0, 0.0
    return count, count / len(body)


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def bullets(lines: Sequence[str]) -> int:
    return sum(1 for line in lines if is_bullet(line))
