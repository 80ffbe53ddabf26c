"""Load: a YAML syntax error as the line to fix and what to write there.

PyYAML names where its parser gave up, often the line after the mistake (a key without its
colon is noticed on the next line, a quotation mark never closed at the end of the file),
in the parser's own words. The mistakes HR makes most get the line where they are and a
sentence that says what to write; anything else keeps PyYAML's words at PyYAML's position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_KEY = re.compile(r"^ *[A-Za-z0-9_-]+$")  # a plain key, not a list item
_LIST_ITEM = re.compile(r"^(\s*)-(?=\S)")  # "-text": a dash without its space
_SHOWN = 50  # characters of a line quoted in a message, before "…"


@dataclass(frozen=True)
class SyntaxHint:
    """Where a syntax error is (1-based) and what the message says."""

    line: int
    column: int
    message: str


def explain(error: yaml.MarkedYAMLError, text: str) -> SyntaxHint:
    lines = text.split("\n")
    problem = str(error.problem or error.context)
    context = str(error.context or "")
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    start = error.context_mark
    at = (start.line + 1, start.column + 1) if start else (line, column)
    written = _line(lines, line)
    if written[column - 1 : column] == "\t":  # "found character '\t' that cannot start any token"
        return _hint(
            line, column, "a tab character, which YAML does not allow here: indent with spaces"
        )
    if "simple key" in context and "expected ':'" in problem:
        return _missing_colon(lines, *at)
    if "quoted scalar" in context:
        return _unclosed_quote(lines, *at)
    if "an alias" in context:
        return _starts_with(lines, *at, "YAML reads text that starts with '*' as an alias")
    if "cannot start any token" in problem and written[column - 1 : column] in ("@", "`"):
        char = written[column - 1]
        return _starts_with(lines, line, column, f"YAML reserves '{char}' at the start of text")
    if problem.startswith("did not find expected key"):
        return _quote_ends_early(lines, line, column) or _misaligned(lines, line, column, problem)
    if problem.startswith("mapping values are not allowed"):
        return _colon_in_text(lines, line, column, problem) or _unexpected_value(
            lines, line, column, problem
        )
    return _hint(line, column, problem)


def quote_hint(char: str) -> str:
    """For anchors and aliases the author may not have meant: ``&`` or ``*`` starting text."""
    return f"; if the '{char}' is part of the text, put the text in quotes"


def _hint(line: int, column: int, message: str) -> SyntaxHint:
    return SyntaxHint(line, column, f"invalid YAML: {message}")


def _line(lines: list[str], line: int) -> str:
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _shown(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _SHOWN else text[:_SHOWN].rsplit(" ", 1)[0] + " …"


def _missing_colon(lines: list[str], line: int, column: int) -> SyntaxHint:
    """``summary Solves cases`` or ``-records cases``: noticed by PyYAML on the next line."""
    written = _line(lines, line)
    dash = _LIST_ITEM.match(written)
    if dash:
        item = written[dash.end() :]
        message = f"a list item needs a space after '-': write '- {_shown(item)}'"
        return _hint(line, len(dash.group(1)) + 1, message)
    key, _, rest = written.strip().partition(" ")
    fixed = f"{key}: {_shown(rest)}" if rest else f"{key}:"
    return _hint(line, column, f"a colon is missing after the key: write '{fixed}'")


def _unclosed_quote(lines: list[str], line: int, column: int) -> SyntaxHint:
    quote = _line(lines, line)[column - 1 : column] or '"'
    message = f"this quotation mark ({quote}) is never closed: end the text with {quote}"
    if quote == "'":
        message += " (an apostrophe inside '…' is written twice: '')"
    return _hint(line, column, message)


def _starts_with(lines: list[str], line: int, column: int, why: str) -> SyntaxHint:
    return _hint(line, column, f"{why}: put the text in quotes{_quoted_line(_line(lines, line))}")


def _quote_ends_early(lines: list[str], line: int, column: int) -> SyntaxHint | None:
    """``summary: 'the customers' requests'``: the text in quotes ends at the apostrophe."""
    written = _line(lines, line)
    value = _value_of(written)
    if value is None or value[:1] not in ("'", '"'):
        return None
    quote = value[0]
    if value.count(quote) < 3:
        return None
    if quote == "'":
        fix = "inside '…' write an apostrophe twice ('') or put the text in double quotes"
    else:
        fix = 'inside "…" write a quotation mark as \\" or put the text in single quotes'
    message = f"the text in quotes ends at its second {quote}, before the line does: {fix}"
    return _hint(line, written.index(quote) + 1, message)


def _misaligned(lines: list[str], line: int, column: int, problem: str) -> SyntaxHint:
    """An entry indented unlike the one before it (``   writing: 3`` under ``  talk: 2``)."""
    before = _previous(lines, line)
    written = _line(lines, line)
    if before is None or not written.strip():
        return _hint(line, column, problem)
    indent, previous = _indent(written), _indent(_line(lines, before))
    if indent == previous:
        return _hint(line, column, problem)
    message = (
        f"line {before} is indented by {previous} spaces and line {line} by {indent}: "
        "entries of the same list or mapping start in the same column"
    )
    return _hint(line, indent + 1, message)


def _colon_in_text(lines: list[str], line: int, column: int, problem: str) -> SyntaxHint | None:
    """``summary: Ziel: begeistern``: a second ": " in the text would start a mapping."""
    written = _line(lines, line)
    key, colon, rest = written.partition(": ")
    if not colon or len(key) >= column - 1:
        return None
    hint = "a colon followed by a space inside unquoted text starts a new key"
    return _hint(line, column, f"{problem}: {hint}; put the text in quotes{_quoted(key, rest)}")


def _unexpected_value(lines: list[str], line: int, column: int, problem: str) -> SyntaxHint:
    """A key without its colon on the line before (``title Agent`` then ``family: x``), or a
    line indented under a key that already has its value."""
    before = _previous(lines, line)
    if before is None:
        return _hint(line, column, problem)
    previous = _line(lines, before)
    if ":" not in previous and not previous.lstrip().startswith("-"):
        return _missing_colon(lines, before, _indent(previous) + 1)
    indent = _indent(_line(lines, line))
    if indent > _indent(previous) and _value_of(previous):
        message = (
            f"line {line} is indented more than line {before}, which has its value already: "
            f"start it in the same column as line {before}"
        )
        return _hint(line, indent + 1, message)
    return _hint(line, column, problem)


def _previous(lines: list[str], line: int) -> int | None:
    """The number of the last line before ``line`` that holds more than a comment."""
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _indent(written: str) -> int:
    return len(written) - len(written.lstrip(" "))


def _value_of(written: str) -> str | None:
    """The value written on a ``key: value`` or ``- value`` line, or None."""
    stripped = written.strip()
    if stripped.startswith("- "):
        return stripped[2:].strip()
    key, colon, rest = stripped.partition(": ")
    return rest.strip() if colon else None


def _quoted_line(written: str) -> str:
    """`` (key: 'text')`` or `` (- 'text')``: the line with its text in quotes."""
    stripped = written.strip()
    if stripped.startswith("- "):
        value = stripped[2:].strip()
        return "" if " #" in value else f" (- '{_shown(value).replace(chr(39), chr(39) * 2)}')"
    key, colon, rest = written.partition(": ")
    return _quoted(key, rest) if colon else ""


def _quoted(key: str, rest: str) -> str:
    """`` (key: 'rest')``, the line with its text quoted; empty where that may be wrong (a
    list item, a comment after the text)."""
    if " #" in rest or not _KEY.match(key):
        return ""
    value = rest.strip().replace("'", "''")
    return f" ({key.strip()}: '{value}')"
