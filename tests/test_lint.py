"""Quality warnings: shown with their position, never an error; they fail only with --strict."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from generator.check.validate import validate
from generator.cli import main
from generator.errors import Severity
from generator.load.catalogue import load

Catalogue = Callable[[dict[str, Any]], Path]

HANDBOOK = """\
title: Handbook
language: en
scale:
  1: a
  2: b
  3: c
  4: d
  5: e
families:
  - id: team
    name: Team
"""
GROUP = """\
name: Talking
competencies:
  - id: speak
    name: Speaking
    summary: speaks clearly
    indicators:
      - sums up what was said
      - asks open questions
  - id: listen
    name: Listening
    summary: listens well
    indicators:
      - lets others finish
"""
ROLE = "title: R\nfamily: team\nsummary: s\ncompetencies:\n"
BASE = {
    "handbook.yaml": HANDBOOK,
    "competencies/talk.yaml": GROUP,
    "roles/junior.yaml": f"{ROLE}  speak: 1\n  listen: 2\n",
    "roles/senior.yaml": f"{ROLE}  speak: 3\n  listen: 2\n",
    "paths/career.yaml": "title: Career\nsteps:\n  - junior\n  - senior\n",
}


def warnings(catalogue: Catalogue, changes: dict[str, str]) -> list[str]:
    """Warning lines of the base catalogue with ``changes``; asserts there is no error."""
    result = validate(load(catalogue({**BASE, **changes}), "cat"))
    assert result.errors == ()
    assert result.handbook is not None  # warnings never withhold the model
    return [str(p) for p in result.warnings]


def test_clean_catalogue_has_no_warnings(catalogue: Catalogue) -> None:
    """Assert that the base catalogue (a rise of two levels, nothing unused) has no warning."""
    assert warnings(catalogue, {}) == []


def test_unused_competency(catalogue: Catalogue) -> None:
    """Assert that a competency no role targets is a warning at its id."""
    group = GROUP + "  - id: write\n    name: Writing\n    summary: s\n    indicators: [x]\n"
    assert warnings(catalogue, {"competencies/talk.yaml": group}) == [
        "cat/competencies/talk.yaml:14:9: warning: competency 'write' is not needed by any role "
        "[unused-competency]"
    ]


def test_role_on_no_path(catalogue: Catalogue) -> None:
    """Assert that a role on no career path is a warning at its file."""
    lone = "title: L\nfamily: team\nsummary: s\ncompetencies:\n  speak: 1\n"
    assert warnings(catalogue, {"roles/lone.yaml": lone}) == [
        "cat/roles/lone.yaml:1:1: warning: role 'lone' is on no career path [role-not-on-path]"
    ]


def test_target_falls_along_a_path(catalogue: Catalogue) -> None:
    """Assert that a target lower in the next step is a warning at that step."""
    senior = "title: S\nfamily: team\nsummary: s\ncompetencies:\n  speak: 2\n  listen: 1\n"
    assert warnings(catalogue, {"roles/senior.yaml": senior}) == [
        "cat/paths/career.yaml:4:5: warning: target of 'listen' falls from 2 to 1 along path "
        "'career' (junior -> senior) [falling-target]"
    ]


def test_target_jumps_more_than_two_levels(catalogue: Catalogue) -> None:
    """Assert that a rise of three levels in one step is a warning; two levels are fine."""
    senior = "title: S\nfamily: team\nsummary: s\ncompetencies:\n  speak: 4\n  listen: 4\n"
    career = "title: Career\nsteps:\n  - junior\n  - role: senior\n    typical_years: 2\n"
    assert warnings(catalogue, {"roles/senior.yaml": senior, "paths/career.yaml": career}) == [
        "cat/paths/career.yaml:4:5: warning: target of 'speak' jumps from 1 to 4 in one step of "
        "path 'career' (junior -> senior): at most 2 levels [target-jump]"
    ]


def test_near_duplicate_indicators(catalogue: Catalogue) -> None:
    """Assert that an indicator nearly equal to an earlier one is a warning at the later one."""
    group = GROUP.replace(
        "      - lets others finish\n",
        "      - lets others finish\n      - Lets the others finish!\n",
    )
    assert warnings(catalogue, {"competencies/talk.yaml": group}) == [
        "cat/competencies/talk.yaml:14:9: warning: indicators 1 and 2 of 'listen' are nearly "
        "the same: 'Lets the others finish!' [similar-indicators]"
    ]


def test_different_indicators_are_not_duplicates(catalogue: Catalogue) -> None:
    """Assert that indicators sharing a few words are not flagged."""
    group = GROUP.replace(
        "      - lets others finish\n",
        "      - lets others finish\n      - lets others decide first\n",
    )
    assert warnings(catalogue, {"competencies/talk.yaml": group}) == []


def test_no_warnings_while_there_are_errors(catalogue: Catalogue) -> None:
    """Assert that the linter waits until the catalogue has no error (no noise on top)."""
    lone = "title: L\nfamily: team\nsummary: s\ncompetencies:\n  speak: 9\n"
    result = validate(load(catalogue({**BASE, "roles/lone.yaml": lone}), "cat"))
    assert [str(p) for p in result.problems] == [
        "cat/roles/lone.yaml:5:10: target level 9 is outside the scale: expected a level from "
        "1 to 5"
    ]
    assert all(p.severity is Severity.ERROR for p in result.problems)


def test_warnings_fail_only_with_strict(catalogue: Catalogue) -> None:
    """Assert that warnings are printed and exit 0, but exit 1 with --strict."""
    lone = "title: L\nfamily: team\nsummary: s\ncompetencies:\n  speak: 1\n"
    root = catalogue({**BASE, "roles/lone.yaml": lone})
    line = (
        f"{root}/roles/lone.yaml:1:1: warning: role 'lone' is on no career path [role-not-on-path]"
    )
    relaxed = CliRunner().invoke(main, ["validate", str(root)])
    assert (relaxed.exit_code, relaxed.output.splitlines()) == (
        0,
        [line, "0 errors, 1 warning (warnings fail only with --strict)"],
    )
    strict = CliRunner().invoke(main, ["validate", str(root), "--strict"])
    assert (strict.exit_code, strict.output.splitlines()) == (
        1,
        [line, "0 errors, 1 warning (--strict: warnings fail the run)"],
    )
