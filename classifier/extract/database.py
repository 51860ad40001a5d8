"""Databases: SQLite files (read in memory) and SQL dumps (parsed, never executed).

Every table becomes a table of cells under its column names, so the PII stage
types whole columns (an `email` column, a `phone` column) at once.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from classifier.extract.errors import CorruptDocument, reason_from
from classifier.extract.spreadsheet import add_table
from classifier.extract.text import decode_text
from classifier.limits import Limits
from classifier.records import Extracted

# A census needs a table's column types and a fair count of its values, not
# every row of a log table with tens of millions of them.
MAX_ROWS_PER_TABLE = 100_000
STRUCTURE = frozenset({"table", "database"})
SCAN_CHARS_PER_TEXT_CHAR = 8


class _Budget:
    """Characters of cell text still to be taken from one document, across all its tables."""

    def __init__(self, limit: int) -> None:
        self.left = limit

    def rows(self, rows: Iterable[Sequence[object]]) -> Iterator[Sequence[object]]:
        for row in rows:
            if self.left <= 0:
                return
            self.left -= sum(len(value) for value in row if isinstance(value, str))
            yield row


# --- SQLite ------------------------------------------------------------------------------------

SQLITE_MAGIC = b"SQLite format 3\x00"


def extract_sqlite(data: bytes, name: str, limits: Limits) -> Extracted:
    if not data.startswith(SQLITE_MAGIC):
        raise CorruptDocument("sqlite: not an SQLite database")
    out = Extracted(structure=STRUCTURE)
    budget = _Budget(limits.max_text_chars)
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(_without_wal(data))
        # Text that is not UTF-8 is read with replacement characters, not refused.
        connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
        # The schema is the file's author's: no functions from views or triggers run on its say-so.
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("PRAGMA query_only = ON")
        tables = connection.execute(
            "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table' ORDER BY rowid"
        ).fetchall()
        table_index = 0
        for table_name, create_sql in tables:
            if str(table_name).startswith("sqlite_") or str(create_sql).upper().startswith("CREATE VIRTUAL"):
                continue  # internal tables; virtual tables keep their text in ordinary shadow tables
            if budget.left <= 0:
                out.truncated = True
                break
            cursor = connection.execute(f"SELECT * FROM {_quote_identifier(str(table_name))} LIMIT ?",
                                        (MAX_ROWS_PER_TABLE,))
            header = [str(column[0]) for column in cursor.description]
            rows = (tuple(_sqlite_value(value) for value in row) for row in cursor)
            add_table(out, table_index, [header, *budget.rows(rows)], limits)
            table_index += 1
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        # UnicodeDecodeError: the sqlite3 module decodes SQLite's error messages and column names
        # as strict UTF-8, and a damaged schema puts its own bytes in them (found by fuzzing).
        raise CorruptDocument(f"sqlite: {reason_from(exc)}") from None
    finally:
        connection.close()
    return out


def _without_wal(data: bytes) -> bytes:
    """A WAL-mode file as a rollback-journal one: a deserialized database has no -wal file
    beside it, and SQLite refuses to read one that says it should."""
    if data[18:20] == b"\x02\x02":
        return data[:18] + b"\x01\x01" + data[20:]
    return data


def _quote_identifier(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _sqlite_value(value: object) -> object:
    """BLOBs are binary (pictures, serialized objects), not text for the census."""
    return None if isinstance(value, bytes) else value


# --- SQL dumps ---------------------------------------------------------------------------------

# One token at a time. An unterminated quote runs to the end of the text (a cut
# dump), so no quote is ever scanned for twice; possessive quantifiers never backtrack.
SQL_TOKEN = re.compile(
    r"""
      (?P<space>\s++)
    | (?P<comment>--[^\n]*+|\#[^\n]*+|/\*(?:[^*]++|\*(?!/))*+(?:\*/|\Z))
    | (?P<string>[NnEeXxBb]?'(?:[^'\\]++|\\.?|'')*+(?:'|\Z))
    | (?P<quoted>"(?:[^"]++|"")*+(?:"|\Z)|`(?:[^`]++|``)*+(?:`|\Z)|\[[^\]\n]*+\])
    | (?P<word>[A-Za-z_@][\w$@]*+)
    | (?P<number>[-+]?(?:\d++\.?\d*+|\.\d++)(?:[eE][-+]?\d++)?)
    | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)
# Fast path for the common row of plain literals, `1,'Ann O\'Brien',NULL,3.5)`:
# one match instead of a token at a time. Anything else takes the token path.
LITERAL = r"""'(?:[^'\\]++|\\.|'')*+'|[-+]?(?:\d++\.?\d*+|\.\d++)(?:[eE][-+]?\d++)?|NULL\b|null\b"""
SIMPLE_ROW_REST = re.compile(rf"\s*+((?:{LITERAL})(?:\s*+,\s*+(?:{LITERAL}))*+)\s*+\)")
ROW_LITERAL = re.compile(LITERAL)
# PostgreSQL's dollar quoting ($$ ... $$, $body$ ... $body$) around function bodies.
DOLLAR_TAG = re.compile(r"\$(?:[A-Za-z_]\w{0,62})?\$")
SKIPPED_KINDS = frozenset({"space", "comment"})
COLUMN_CONSTRAINTS = frozenset({
    "CONSTRAINT", "PRIMARY", "UNIQUE", "KEY", "INDEX", "FOREIGN", "CHECK", "FULLTEXT", "SPATIAL", "LIKE", "EXCLUDE",
    "PERIOD",
})
INSERT_MODIFIERS = frozenset({
    "INTO", "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "OR", "REPLACE", "ABORT", "FAIL", "ROLLBACK",
})
STRING_ESCAPES = {"0": "", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": ""}
STRING_ESCAPE = re.compile(r"\\(.)|''", re.DOTALL)
COPY_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
COPY_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", "v": "\v"}

Token = tuple[str, str]  # (kind, text)
TableKey = tuple[str, tuple[str, ...] | None]  # table name and the INSERT's own column list


class _Lexer:
    """Tokens of SQL text, skipping spaces and comments, with one token of look-ahead."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self._peeked: Token | None = None
        self._unclosed_tags: set[str] = set()
        self._failed_search_chars = 0

    def peek(self) -> Token | None:
        if self._peeked is None:
            self._peeked = self._scan()
        return self._peeked

    def next(self) -> Token | None:
        token = self.peek()
        self._peeked = None
        return token

    def _scan(self) -> Token | None:
        while self.position < len(self.text):
            if self.text.startswith("$", self.position) and (dollar := self._dollar_quoted()) is not None:
                return dollar
            match = SQL_TOKEN.match(self.text, self.position)
            assert match is not None and match.lastgroup is not None  # `punct` matches any character
            self.position = match.end()
            if match.lastgroup not in SKIPPED_KINDS:
                return match.lastgroup, match.group(0)
        return None

    def _dollar_quoted(self) -> Token | None:
        tag = DOLLAR_TAG.match(self.text, self.position)
        if tag is None or tag.group(0) in self._unclosed_tags or self._failed_search_chars > 2 * len(self.text):
            return None
        end = self.text.find(tag.group(0), tag.end())
        if end < 0:
            # A tag never closed is looked for once, and failed searches have a budget
            # in all: text full of unclosed `$x$` tags stays linear.
            self._unclosed_tags.add(tag.group(0))
            self._failed_search_chars += len(self.text) - tag.end()
            return None
        start, self.position = self.position, end + len(tag.group(0))
        return "dollar", self.text[start : self.position]

    def match(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """Match `pattern` at the current position (with no token peeked) and move past it."""
        if self._peeked is not None:
            return None
        found = pattern.match(self.text, self.position)
        if found is not None:
            self.position = found.end()
        return found

    def push_back(self, token: Token) -> None:
        assert self._peeked is None
        self._peeked = token

    def rest_of_line(self) -> None:
        """Move past the end of the current line (COPY data starts on the next one)."""
        assert self._peeked is None
        newline = self.text.find("\n", self.position)
        self.position = len(self.text) if newline < 0 else newline + 1


class _DumpReader:
    def __init__(self, text: str, limits: Limits) -> None:
        self.lexer = _Lexer(text)
        self.budget = limits.max_text_chars
        self.columns_by_table: dict[str, list[str]] = {}
        self.rows_by_table: dict[TableKey, list[list[str | None]]] = {}
        self.list_closed = False

    def read(self) -> None:
        while self.budget > 0 and (token := self.lexer.next()) is not None:
            keyword = token[1].upper() if token[0] == "word" else ""
            if keyword == "CREATE":
                self._create()
            elif keyword in ("INSERT", "REPLACE"):
                self._insert()
            elif keyword == "COPY":
                self._copy()
            elif token != ("punct", ";"):
                self._skip_statement()

    def tables(self) -> Iterator[tuple[list[str], list[list[str | None]]]]:
        for (table, listed), rows in self.rows_by_table.items():
            columns = list(listed) if listed is not None else self.columns_by_table.get(table, [])
            width = max(len(row) for row in rows)
            if len(columns) < width:
                columns = columns + [f"column_{i + 1}" for i in range(len(columns), width)]
            yield columns, rows

    # statements

    def _create(self) -> None:
        while (token := self.lexer.peek()) is not None and token[0] == "word":
            self.lexer.next()
            if token[1].upper() == "TABLE":
                break
        else:
            self._skip_statement()
            return
        self._skip_words("IF", "NOT", "EXISTS")
        table = self._name()
        if table is None or self.lexer.peek() != ("punct", "("):
            self._skip_statement()
            return
        self.lexer.next()
        columns: list[str] = []
        for definition in self._comma_separated():
            if definition and (definition[0][0] in ("word", "quoted")):
                if definition[0][0] == "word" and definition[0][1].upper() in COLUMN_CONSTRAINTS:
                    continue
                columns.append(_unquote_identifier(definition[0][1]))
        if columns:
            self.columns_by_table[table] = columns
        self._skip_statement()

    def _insert(self) -> None:
        while (token := self.lexer.peek()) is not None and token[0] == "word" and token[1].upper() in INSERT_MODIFIERS:
            self.lexer.next()
        table = self._name()
        if table is None:
            self._skip_statement()
            return
        listed: tuple[str, ...] | None = None
        if self.lexer.peek() == ("punct", "("):
            self.lexer.next()
            listed = tuple(_unquote_identifier(part[0][1]) for part in self._comma_separated() if part)
        token = self.lexer.next()
        if token is None or token[0] != "word" or token[1].upper() not in ("VALUES", "VALUE"):
            self._skip_statement()  # INSERT ... SELECT, DEFAULT VALUES: no literal rows
            return
        rows = self.rows_by_table.setdefault((table, listed), [])
        while self.budget > 0 and self.lexer.next() == ("punct", "("):
            simple = self.lexer.match(SIMPLE_ROW_REST)
            if simple is not None:
                row = [_literal(found.group(0)) for found in ROW_LITERAL.finditer(simple.group(1))]
            else:
                row = [_value(part) for part in self._comma_separated()]
                if not self.list_closed:
                    break  # a row cut off by the end of the dump (or a stray `;`) is incomplete
            self.budget -= sum(len(value) for value in row if value)
            rows.append(row)
            if self.lexer.peek() != ("punct", ","):
                break
            self.lexer.next()
        if not rows:
            del self.rows_by_table[(table, listed)]
        if self.budget > 0:  # else reading stops here: the rest of the statement is not scanned
            self._skip_statement()

    def _copy(self) -> None:
        """PostgreSQL's `COPY name (columns) FROM stdin;` followed by tab-separated lines up to `\\.`."""
        table = self._name()
        listed: tuple[str, ...] | None = None
        if self.lexer.peek() == ("punct", "("):
            self.lexer.next()
            listed = tuple(_unquote_identifier(part[0][1]) for part in self._comma_separated() if part)
        words = []
        while (token := self.lexer.next()) is not None and token != ("punct", ";"):
            words.append(token[1].upper())
        if table is None or words[:2] != ["FROM", "STDIN"]:
            return
        self.lexer.rest_of_line()
        text, start = self.lexer.text, self.lexer.position
        end = text.find("\n\\.", start - 1)
        stop = len(text) if end < 0 else end + 1
        self.lexer.position = len(text) if end < 0 else end + 3
        if "CSV" in words or "BINARY" in words:
            return  # pg_dump writes the text format; other formats are not read
        rows = self.rows_by_table.setdefault((table, listed), [])
        for line in text[start:stop].splitlines():
            if self.budget <= 0:
                break
            row = [None if field == "\\N" else COPY_ESCAPE.sub(_copy_escape, field) for field in line.split("\t")]
            self.budget -= sum(len(value) for value in row if value)
            rows.append(row)
        if not rows:
            del self.rows_by_table[(table, listed)]

    # pieces

    def _name(self) -> str | None:
        """A possibly qualified name (`db`.`table`, public.users): its last part, unquoted."""
        token = self.lexer.peek()
        if token is None or token[0] not in ("word", "quoted"):
            return None
        self.lexer.next()
        name = _unquote_identifier(token[1])
        while self.lexer.peek() == ("punct", "."):
            self.lexer.next()
            token = self.lexer.peek()
            if token is None or token[0] not in ("word", "quoted"):
                break
            self.lexer.next()
            name = _unquote_identifier(token[1])
        return name

    def _comma_separated(self) -> Iterator[list[Token]]:
        """The parts of a parenthesised list whose `(` was just read, up to its `)`.

        Afterwards `list_closed` tells whether the `)` was there.
        """
        self.list_closed = False
        part: list[Token] = []
        depth = 0
        while (token := self.lexer.next()) is not None:
            if token == ("punct", "("):
                depth += 1
            elif token == ("punct", ")"):
                if depth == 0:
                    self.list_closed = True
                    yield part
                    return
                depth -= 1
            elif token == ("punct", ",") and depth == 0:
                yield part
                part = []
                continue
            elif token == ("punct", ";") and depth == 0:
                # A statement end inside a list: the dump is cut or malformed; stop the list here.
                self.lexer.push_back(token)
                yield part
                return
            part.append(token)
        if part:
            yield part

    def _skip_words(self, *words: str) -> None:
        while (token := self.lexer.peek()) is not None and token[0] == "word" and token[1].upper() in words:
            self.lexer.next()

    def _skip_statement(self) -> None:
        while (token := self.lexer.next()) is not None and token != ("punct", ";"):
            pass


def extract_sql_dump(data: bytes, name: str, limits: Limits) -> Extracted:
    # Statements around the rows (quotes, commas, DDL, comments) take space too, but a
    # dump whose first 8x max_text_chars characters hold too few rows is not scanned on.
    reader = _DumpReader(decode_text(data)[: SCAN_CHARS_PER_TEXT_CHAR * limits.max_text_chars], limits)
    reader.read()
    out = Extracted(structure=STRUCTURE, truncated=reader.budget <= 0)
    for table_index, (columns, rows) in enumerate(reader.tables()):
        add_table(out, table_index, [columns, *rows], limits)
    return out


def _value(tokens: list[Token]) -> str | None:
    """One literal of a VALUES row as text: strings unquoted, NULL and binary literals as None."""
    strings = [text for kind, text in tokens if kind == "string"]
    if len(strings) == 1 and strings[0][0] in "XxBb":
        return None  # X'89504E47': binary
    if len(strings) == 1:  # 'text', N'text', _utf8mb4'text', _binary'...'
        return _unquote_string(strings[0])
    if len(tokens) == 1 and tokens[0][0] == "word" and tokens[0][1].upper() == "NULL":
        return None
    text = " ".join(text for _, text in tokens).strip()
    return text or None


def _literal(text: str) -> str | None:
    if text.startswith("'"):
        return _unquote_string(text)
    return None if text.upper() == "NULL" else text


def _unquote_string(token: str) -> str:
    start = token.index("'") + 1
    closed = len(token) > start and token.endswith("'")
    body = token[start : -1 if closed else len(token)]
    return STRING_ESCAPE.sub(_string_escape, body)


def _string_escape(match: re.Match[str]) -> str:
    escaped = match.group(1)
    if escaped is None:  # ''
        return "'"
    return STRING_ESCAPES.get(escaped, escaped)


def _copy_escape(match: re.Match[str]) -> str:
    return COPY_ESCAPES.get(match.group(1), match.group(1))


def _unquote_identifier(text: str) -> str:
    if len(text) >= 2 and text[0] in "\"`[":
        closing = "]" if text[0] == "[" else text[0]
        inner = text[1:-1]
        return inner if closing == "]" else inner.replace(closing * 2, closing)
    return text
