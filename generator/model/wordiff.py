"""Model: a short word-level difference of two texts, for change reports.

``word_diff("a b c d", "a b x d")`` yields runs of kept, removed and added words. Long kept
runs are cut to a few words of context around each change, and long removed or added runs
to a few dozen words, so that a rewritten description still reads as one short line.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum

CONTEXT_WORDS = 3
MIN_CUT_WORDS = 3  # an ellipsis stands for at least this many words
MAX_CHANGED_WORDS = 30
ELLIPSIS = "…"


class Kind(StrEnum):
    KEPT = "kept"
    REMOVED = "removed"
    ADDED = "added"
    CUT = "cut"  # words left out of a long run; shown as "…"


@dataclass(frozen=True)
class Run:
    """Consecutive words of one kind, joined by single spaces."""

    kind: Kind
    text: str


def word_diff(
    before: str | None, after: str | None, *, context: int | None = CONTEXT_WORDS
) -> tuple[Run, ...]:
    """The word-level difference of two texts (``None`` counts as empty): kept runs cut to
    ``context`` words around each change, or kept whole with ``context=None``."""
    old, new = (before or "").split(), (after or "").split()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    runs: list[Run] = []
    opcodes = matcher.get_opcodes()
    for position, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal" and context is None:
            runs.append(Run(Kind.KEPT, " ".join(old[i1:i2])))
            continue
        if tag == "equal" and context is not None:
            first, last = position == 0, position == len(opcodes) - 1
            runs.extend(_kept(old[i1:i2], first=first, last=last, context=context))
            continue
        limit = MAX_CHANGED_WORDS if context is not None else None
        if i2 > i1:
            runs.extend(_changed(Kind.REMOVED, old[i1:i2], limit))
        if j2 > j1:
            runs.extend(_changed(Kind.ADDED, new[j1:j2], limit))
    return tuple(runs)


def _kept(words: list[str], *, first: bool, last: bool, context: int) -> list[Run]:
    """Kept words: only the context next to a change, the rest cut."""
    if first and last:  # the texts are equal
        return [Run(Kind.KEPT, " ".join(words))] if words else []
    head = [] if first else words[:context]
    tail = [] if last else words[-context:]
    if len(head) + len(tail) + MIN_CUT_WORDS > len(words):
        return [Run(Kind.KEPT, " ".join(words))]
    runs = [Run(Kind.KEPT, " ".join(head))] if head else []
    runs.append(Run(Kind.CUT, ELLIPSIS))
    if tail:
        runs.append(Run(Kind.KEPT, " ".join(tail)))
    return runs


def _changed(kind: Kind, words: list[str], limit: int | None) -> list[Run]:
    if limit is None or len(words) <= limit:
        return [Run(kind, " ".join(words))]
    return [Run(kind, " ".join(words[:limit]) + f" {ELLIPSIS}")]


def same_words(before: str | None, after: str | None) -> bool:
    """Whether two texts say the same words in the same order: a text wrapped onto other
    lines, or with other spaces, is not another text (``None`` counts as empty)."""
    return (before or "").split() == (after or "").split()


def similarity(before: str, after: str) -> float:
    """How alike two texts are word by word, from 0 (nothing shared) to 1 (equal)."""
    return difflib.SequenceMatcher(None, before.split(), after.split(), autojunk=False).ratio()


def as_text(runs: tuple[Run, ...]) -> str:
    """git's plain word-diff style: ``kept [-removed-]{+added+} kept``."""
    marks = {Kind.REMOVED: "[-{}-]", Kind.ADDED: "{{+{}+}}"}
    return " ".join(marks.get(run.kind, "{}").format(run.text) for run in runs)
