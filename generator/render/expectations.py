"""Render: what a target expects, in words: the competency's text for the level, then the
role's own ``expects``; and how that text changes from one step to the next.

Role pages, competency pages, path pages and sheets all show expectations the same way:
short ones in full, long ones (several lines, lists) collapsed behind their first line so
that a role with 30 competencies stays scannable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from ..model.handbook import Competency
from ..model.wordiff import Kind, word_diff
from . import prose
from .prose import markdown_html
from .text import escape

LONG = 160  # characters: longer expectations are collapsed
PREVIEW = 110  # characters of the collapsed line


@dataclass(frozen=True)
class Expectation:
    """The words for one target; ``level_text`` and ``role_text`` are rendered Markdown."""

    level_text: Markup  # what the competency looks like at this level
    role_text: Markup  # what this role expects
    label: str  # what introduces the role's words ("In this role", "As Staff Engineer")
    preview: str  # the first line, as plain text, for the collapsed summary
    long: bool  # collapsed by default

    def __bool__(self) -> bool:
        return bool(self.level_text or self.role_text)


def expectation(competency: Competency, level: int, expects: str | None, label: str) -> Expectation:
    """The expectation of a target, the same on every page; ``label`` introduces the role's
    own words."""
    return _expectation(competency.level_text(level), expects, label)


@lru_cache(maxsize=1 << 14)  # a level text recurs on every page of a role that targets it
def _expectation(level_source: str | None, expects: str | None, label: str) -> Expectation:
    sources = [text for text in (level_source, expects) if text]
    joined = "\n\n".join(sources)
    return Expectation(
        level_text=markdown_html(level_source, demote=3),
        role_text=markdown_html(expects, demote=3),
        label=label,
        preview=preview(f"{label}: {preview(expects)}" if expects else joined),
        long=len(joined) > LONG or "\n" in joined.strip(),
    )


def preview(text: str) -> str:
    """The beginning of a Markdown text as plain words, cut at a word: its first
    paragraph, or the list it introduces ("You can: plan work; estimate tasks")."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    first = paragraphs[0] if paragraphs else ""
    if first.rstrip().endswith(":") and len(paragraphs) > 1:
        first += "\n\n" + paragraphs[1]
    plain = prose.plain_text(first, item_end=";").rstrip(";")
    if len(plain) <= PREVIEW:
        return plain
    return plain[:PREVIEW].rsplit(" ", 1)[0] + " …"


def reworded_expectation(
    competency: Competency, level: int, before: str | None, after: str | None, label: str
) -> Expectation:
    """A target at the same level with other words: the level's text as it stands (the same
    on both sides), then what the roles themselves say, removed words struck and added ones
    marked. Never collapsed: the change is the point."""
    diff = reworded_html(before, after)
    level_source = competency.level_text(level)
    return Expectation(
        level_text=markdown_html(level_source, demote=3),
        role_text=Markup(f'<p class="ch-reworded">{diff}</p>') if diff else Markup(""),
        label=label,
        preview="",
        long=False,
    )


def reworded_html(before: str | None, after: str | None) -> Markup:
    """The words that changed between two expectations: removed struck, added marked."""
    tags = {Kind.REMOVED: ("<del>", "</del>"), Kind.ADDED: ("<ins>", "</ins>")}
    parts = []
    for run in word_diff(_plain(before), _plain(after), context=None):
        opening, closing = tags.get(run.kind, ("", ""))
        parts.append(f"{opening}{escape(run.text)}{closing}")
    return Markup(" ".join(parts))


def _plain(text: str | None) -> str:
    return prose.plain_text(text) if text else ""
