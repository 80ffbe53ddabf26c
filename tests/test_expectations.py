"""What a changed or collapsed expectation says: the words a reader sees, never Markdown
syntax, and never fewer characters than the author wrote."""

from __future__ import annotations

import re
from html import unescape

import pytest

from generator.model.handbook import Competency, LevelAnchor
from generator.render.expectations import expectation, reworded_html


def _competency(levels: dict[int, str]) -> Competency:
    anchors = tuple(LevelAnchor(level, text) for level, text in levels.items())
    return Competency("design", "Design", None, (), "craft", anchors)


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        (
            "Keeps latency < 200 ms and throughput > 1k/s",
            "Keeps latency < 200 ms and throughput > 1k/s",
        ),
        (
            "Writes C# and F# & reviews snake_case names",
            "Writes C# and F# & reviews snake_case names",
        ),
        ("- **Plans** the [roadmap](role:lead) with `git`", "Plans the roadmap with git"),
        ('??? note "Design docs"\n    The ledger rewrite.', "Design docs"),
        (
            "Shows <img src=x onerror=alert(1)> as text",
            "Shows <img src=x onerror=alert(1)> as text",
        ),
    ],
)
def test_collapsed_line_shows_the_words_not_the_markup(source: str, shown: str) -> None:
    """Assert that the summary line of a long expectation keeps every character of the
    text and loses only Markdown's syntax."""
    long_source = source + "\n\n" + "More words follow here. " * 10
    summary = expectation(_competency({3: long_source}), 3, None, "roles/a.md", "In this role")
    assert summary.long
    assert summary.preview == shown


def test_reworded_expectation_shows_changed_words_literally() -> None:
    """Assert that a reworded expectation strikes and marks words as written: ``>`` and
    ``#`` stay, HTML stays text, an admonition's syntax does not show."""
    before = 'Keeps p95 > 200 ms in C#.\n\n??? note "Example"\n    The payments ledger.'
    after = "Keeps p95 > 150 ms in C# <b>always</b>."
    html = str(reworded_html(before, after))
    struck = [unescape(words) for words in re.findall(r"<del>(.*?)</del>", html)]
    marked = [unescape(words) for words in re.findall(r"<ins>(.*?)</ins>", html)]
    assert struck == ["200", "C#. Example The payments ledger."]
    assert marked == ["150", "C# <b>always</b>."]
    assert unescape(re.sub(r"<[^>]*>", "", html)).startswith("Keeps p95 > 200 150 ms in")
