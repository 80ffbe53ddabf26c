"""Check: reading a file's checked fields, and the message for an unknown reference."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from .spec import V

Fields = dict[str, V[Any]]
MAX_LISTED = 12  # an unknown reference lists the known ids when there are at most this many


def value(fields: Fields, name: str, default: Any = None) -> Any:
    return fields[name].value if name in fields else default


def texts(fields: Fields, name: str) -> tuple[str, ...]:
    return tuple(item.value for item in value(fields, name, []))


def did_you_mean(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f": did you mean {close[0]!r}?" if close else ""


def unknown(what: str, word: str, known: set[str], where: str = "") -> str:
    """``unknown role 'x' in steps``, with a "did you mean" hint or the ids there are."""
    hint = did_you_mean(word, known)
    if not hint and known and len(known) <= MAX_LISTED:
        hint = ": expected one of " + ", ".join(sorted(known))
    elif not hint:
        hint = f": no {what} has this id"
    return f"unknown {what} {word!r}{where}{hint}"
