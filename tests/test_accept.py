"""Warnings accepted on purpose (``accept:``): what an entry takes back, and what it cannot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from generator.check.validate import Validation, validate
from generator.cli import main
from generator.load.catalogue import load

Catalogue = Callable[[dict[str, Any]], Path]

HANDBOOK = """\
title: Handbook
language: en
scale: {1: a, 2: b, 3: c, 4: d}
families:
  - id: team
    name: Team
"""
GROUP = """\
name: Craft
competencies:
  - id: code
    name: Code
    indicators: [writes code]
  - id: review
    name: Review
    indicators: [reviews code]
"""
ROLE = "title: {title}\nfamily: team\ncompetencies:\n  code: {code}\n  review: {review}\n"
BASE = {
    "handbook.yaml": HANDBOOK,
    "competencies/craft.yaml": GROUP,
    "roles/engineer.yaml": ROLE.format(title="Engineer", code=3, review=2),
    "roles/manager.yaml": ROLE.format(title="Manager", code=1, review=2),
    "paths/track.yaml": "title: Track\nsteps: [engineer, manager]\n",
}
ACCEPT_FALL = """\
accept:
  - warning: falling-target
    competency: code
    reason: Managers write less code.
"""


def check(catalogue: Catalogue, changes: dict[str, str]) -> Validation:
    return validate(load(catalogue({**BASE, **changes}), "cat"))


def lines(result: Validation) -> list[str]:
    return [str(p) for p in result.problems]


def test_a_warning_is_named_by_its_code(catalogue: Catalogue) -> None:
    """Assert that the falling target warns with its code, in the path file."""
    assert lines(check(catalogue, {})) == [
        "cat/paths/track.yaml:2:19: warning: target of 'code' falls from 3 to 1 along path "
        "'track' (engineer -> manager) [falling-target]"
    ]


def test_an_entry_takes_the_warning_back_and_is_counted(catalogue: Catalogue) -> None:
    """Assert that an accept entry removes the warning and the summary counts it."""
    path = "title: Track\nsteps: [engineer, manager]\n" + ACCEPT_FALL
    result = check(catalogue, {"paths/track.yaml": path})
    assert result.problems == ()
    assert [p.code for p in result.accepted] == ["falling-target"]
    assert result.handbook is not None
    [entry] = next(p for p in result.handbook.paths if p.id == "track").accepted
    assert (entry.warning, entry.competencies, entry.reason) == (
        "falling-target",
        ("code",),
        "Managers write less code.",
    )


def test_narrowing_that_fits_no_warning_is_stale(catalogue: Catalogue) -> None:
    """Assert that an entry for another competency accepts nothing and warns stale-accept,
    while the warning it did not match still counts."""
    path = "title: Track\nsteps: [engineer, manager]\n" + ACCEPT_FALL.replace("code\n", "review\n")
    assert lines(check(catalogue, {"paths/track.yaml": path})) == [
        "cat/paths/track.yaml:2:19: warning: target of 'code' falls from 3 to 1 along path "
        "'track' (engineer -> manager) [falling-target]",
        "cat/paths/track.yaml:4:5: warning: this accept entry for 'falling-target' matches no "
        "warning: remove it, or correct its competency or role [stale-accept]",
    ]


def test_narrowing_by_the_steps_new_role(catalogue: Catalogue) -> None:
    """Assert that ``role`` narrows a path warning to the step's new role."""
    entry = ACCEPT_FALL.replace("    competency: code\n", "    role: [manager]\n")
    path = "title: Track\nsteps: [engineer, manager]\n" + entry
    assert check(catalogue, {"paths/track.yaml": path}).problems == ()


def test_entries_that_can_never_match_are_errors(catalogue: Catalogue) -> None:
    """Assert that stale-accept, unknown codes and another file's codes are refused."""
    entries = """\
accept:
  - warning: stale-accept
    reason: x
  - warning: falling-targets
    reason: x
  - warning: falling-target
    reason: x
"""
    role = ROLE.format(title="Engineer", code=3, review=2) + entries
    assert lines(check(catalogue, {"roles/engineer.yaml": role})) == [
        "cat/roles/engineer.yaml:7:14: 'stale-accept' cannot be accepted: remove the entry that "
        "matches nothing",
        "cat/roles/engineer.yaml:9:14: unknown warning code 'falling-targets': expected one of "
        "falling-target, target-jump, role-not-on-path, no-targets, unused-competency, "
        "undescribed-competency, similar-indicators, list-needs-blank-line",
        "cat/roles/engineer.yaml:11:14: 'falling-target' is a warning of path files: accept it "
        "there, in the file the warning names",
    ]


def test_a_reason_is_required(catalogue: Catalogue) -> None:
    """Assert that an entry without a reason is an error."""
    path = "title: Track\nsteps: [engineer, manager]\naccept:\n  - warning: falling-target\n"
    assert lines(check(catalogue, {"paths/track.yaml": path})) == [
        "cat/paths/track.yaml:4:5: missing required field 'reason'"
    ]


def test_strict_passes_with_accepted_warnings_and_says_how_many(catalogue: Catalogue) -> None:
    """Assert that `validate --strict` passes once every warning is accepted, and says so."""
    path = "title: Track\nsteps: [engineer, manager]\n" + ACCEPT_FALL
    root = catalogue({**BASE, "paths/track.yaml": path})
    result = CliRunner().invoke(main, ["validate", str(root), "--strict"])
    assert result.exit_code == 0, result.output
    assert result.output == "no problems found (1 accepted)\n"


def test_a_role_without_targets_is_accepted_in_its_own_file(catalogue: Catalogue) -> None:
    """Assert that no-targets is carried by the role file and accepted there."""
    lead = "title: Head\nfamily: team\ncompetencies: {}\n"
    found = check(catalogue, {"roles/head.yaml": lead})
    codes = [p.code for p in found.problems if p.location.path == "cat/roles/head.yaml"]
    assert codes == ["role-not-on-path", "no-targets"]
    lead += "accept:\n  - warning: no-targets\n    reason: described in words\n"
    lead += "  - warning: role-not-on-path\n    role: head\n    reason: the top of the ladder\n"
    left = check(catalogue, {"roles/head.yaml": lead}).problems
    assert [p.code for p in left] == ["falling-target"]  # in the path file, not accepted
