"""What a changed or collapsed expectation says: the words a reader sees, never Markdown
syntax, and never fewer characters than the author wrote."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import write_catalogue

from generator.model.handbook import Competency, LevelAnchor
from generator.model.relations import Relations
from generator.pipeline import check
from generator.render import urls
from generator.render.expectations import expectation, reworded_html
from generator.render.plan import render
from generator.render.sheets import readiness_sheet


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
        ('??? note "Design docs"\n    The ledger rewrite.', "Design docs The ledger rewrite."),
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
    summary = expectation(_competency({3: long_source}), 3, None, "In this role")
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


def test_collapsed_line_leads_with_the_roles_own_words() -> None:
    """Assert that where a role says what it expects, the collapsed line shows that (after
    its label), not the competency's general text for the level."""
    general = "Reviews designs of the team. " * 8
    summary = expectation(
        _competency({3: general}), 3, "Mentors one engineer at a time.", "As Lead"
    )
    assert summary.long
    assert summary.preview == "As Lead: Mentors one engineer at a time."


def test_collapsed_line_carries_on_into_the_list_a_colon_introduces() -> None:
    """Assert that a first line ending in a colon is followed by the list it introduces."""
    source = "You can:\n\n- plan **work**\n- estimate tasks\n\n" + "More. " * 40
    summary = expectation(_competency({2: source}), 2, None, "In this role")
    assert summary.preview == "You can: plan work; estimate tasks"


def test_path_and_readiness_sheet_diff_only_the_roles_words_at_the_same_level(
    tmp_path: Path,
) -> None:
    """Assert that a target at the same level with other words shows the level's text as it
    stands (the same on both sides; it was flattened into the diff, an admonition's title
    among the words) and, labelled with both roles, only their own words diffed; the
    readiness sheet diffs only the roles' words too."""
    level_text = '??? note "Examples"\n    Chooses between a queue and a cron job.'
    group = (
        "name: Craft\ncompetencies:\n  - id: judgement\n    name: Judgement\n"
        "    indicators: [weighs options]\n    levels:\n      4: |\n"
        + "".join(f"        {line}\n" for line in level_text.splitlines())
    )
    files = {
        "handbook.yaml": "title: H\nlanguage: en\nscale:\n  1: a\n  2: b\n  3: c\n  4: d\n"
        "families:\n  - id: eng\n    name: Eng\n",
        "competencies/craft.yaml": group,
        "roles/senior.yaml": "title: Senior\nfamily: eng\ncompetencies:\n  judgement:\n"
        "    level: 4\n    expects: Reviews designs across the team.\n",
        "roles/manager.yaml": "title: Manager\nfamily: eng\ncompetencies:\n  judgement:\n"
        "    level: 4\n    expects: Asks the right questions in design reviews.\n",
        "paths/track.yaml": "title: Track\nsteps: [senior, manager]\n",
    }
    root = write_catalogue(tmp_path / "cat", files)
    book = check(root).handbook
    assert book is not None
    pages = render(book)
    path = pages[urls.path_page("track")]
    words = path[path.index('<tr class="ch-changes__words">') :]
    words = unescape(words[: words.index("</tr>")])
    assert '<span class="ch-expect__label">As Senior → as Manager</span>' in words
    assert "Examples" in words and "Chooses between a queue and a cron job." in words
    diff = words[words.index('<p class="ch-reworded">') :]
    assert "Chooses" not in diff and "Examples" not in diff  # the level's text is no change
    assert "<del>Reviews designs across</del> <ins>Asks</ins>" in diff
    change = Relations(book).step_changes["track"][0]
    items = [item for group in readiness_sheet(book, change).groups for item in group.items]
    reworded = str(next(item.reworded for item in items if item.competency.id == "judgement"))
    assert "Chooses" not in reworded and "<del>Reviews designs across</del>" in reworded
