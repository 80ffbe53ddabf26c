"""Validation: every rule of the catalogue contract, reported as ``PATH:LINE:COLUMN: message``.

Each test writes a small valid catalogue with one defect (raw YAML, so positions are known)
and asserts the exact list of problem lines: the right place, a message saying what was
expected, and no follow-up errors.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.check.report import format_problems
from generator.check.validate import Validation, validate
from generator.errors import Severity
from generator.load.catalogue import load
from generator.render.plan import render

Catalogue = Callable[[dict[str, Any]], Path]

HANDBOOK = """\
title: Handbook
language: en
scale:
  1: rarely
  2: ~
  3: always
families:
  - id: team
    name: Team
"""
TALK = """\
name: Talking
competencies:
  - id: speak
    name: Speaking
    summary: speaks clearly
    indicators:
      - sums up what was said
  - id: listen
    name: Listening
    summary: listens well
    indicators:
      - asks back
"""
JUNIOR = """\
title: Junior
family: team
summary: learns
competencies:
  speak: 1
  listen: 1
"""
SENIOR = """\
title: Senior
family: team
summary: knows
competencies:
  speak: 2
  listen: 2
"""
CAREER = """\
title: Career
steps:
  - junior
  - senior
"""
BASE = {
    "handbook.yaml": HANDBOOK,
    "competencies/talk.yaml": TALK,
    "roles/junior.yaml": JUNIOR,
    "roles/senior.yaml": SENIOR,
    "paths/career.yaml": CAREER,
}


def id_hint(example: str) -> str:
    return f"expected lowercase letters, digits and single hyphens (e.g. {example!r})"


def run(catalogue: Catalogue, changes: dict[str, str | None]) -> Validation:
    """Validate the base catalogue with ``changes`` applied (None removes a file)."""
    files = {name: text for name, text in {**BASE, **changes}.items() if text is not None}
    root = catalogue(files)
    return validate(load(root, "cat"))


def problems(catalogue: Catalogue, changes: dict[str, str | None]) -> list[str]:
    return [str(problem) for problem in run(catalogue, changes).problems]


def role(extra: str = "", *, targets: str = "  speak: 1\n  listen: 1\n") -> str:
    """A junior role file: title, family, summary (lines 1-3), ``extra``, then targets."""
    return f"title: Junior\nfamily: team\nsummary: learns\n{extra}competencies:\n{targets}"


def test_base_catalogue_is_valid(catalogue: Catalogue) -> None:
    """Assert that the base catalogue of these tests has no problem and yields a model."""
    result = run(catalogue, {})
    assert result.problems == ()
    assert result.handbook is not None
    assert [r.id for r in result.handbook.roles] == ["junior", "senior"]


# --- shapes: unknown, missing, wrong types, duplicate keys ------------------------------------


def test_unknown_key_gets_did_you_mean(catalogue: Catalogue) -> None:
    """Assert that a misspelt key is reported at the key with a "did you mean" hint."""
    assert problems(catalogue, {"roles/junior.yaml": role("sumary: typo\n")}) == [
        "cat/roles/junior.yaml:4:1: unknown field 'sumary': did you mean 'summary'?"
    ]


def test_unknown_key_without_close_match_lists_fields(catalogue: Catalogue) -> None:
    """Assert that an unknown key with no close match lists the fields that are expected."""
    text = HANDBOOK + "colour: blue\n"
    assert problems(catalogue, {"handbook.yaml": text}) == [
        "cat/handbook.yaml:10:1: unknown field 'colour': expected one of title, organisation, "
        "language, version, scale, families, terms, accept"
    ]


def test_unknown_key_in_nested_mapping(catalogue: Catalogue) -> None:
    """Assert that unknown keys in nested mappings (a family, a path step) are found too."""
    handbook = HANDBOOK + "    descripton: x\n"
    career = "title: Career\nsteps:\n  - junior\n  - role: senior\n    years: 2\n"
    assert problems(catalogue, {"handbook.yaml": handbook, "paths/career.yaml": career}) == [
        "cat/handbook.yaml:10:5: unknown field 'descripton': did you mean 'description'?",
        "cat/paths/career.yaml:5:5: unknown field 'years': expected one of role, "
        "typical_years, note",
    ]


def test_missing_required_fields(catalogue: Catalogue) -> None:
    """Assert that each missing required field is named at its mapping's position."""
    talk = TALK.replace("    name: Listening\n", "")
    assert problems(
        catalogue,
        {
            "roles/junior.yaml": "family: team\nsummary: s\ncompetencies:\n  speak: 1\n",
            "competencies/talk.yaml": talk,
        },
    ) == [
        "cat/competencies/talk.yaml:8:5: missing required field 'name'",
        "cat/roles/junior.yaml:1:1: missing required field 'title'",
    ]


def test_empty_required_field(catalogue: Catalogue) -> None:
    """Assert that a required key without a value says what value is expected."""
    assert problems(catalogue, {"roles/junior.yaml": role().replace("Junior", "")}) == [
        "cat/roles/junior.yaml:1:7: 'title' needs a value: expected text"
    ]


def test_summaries_may_be_left_out(catalogue: Catalogue) -> None:
    """Assert that roles and competencies need no summary (edition 2 of the format)."""
    talk = TALK.replace("    summary: listens well\n", "")
    result = run(
        catalogue,
        {"roles/junior.yaml": role().replace("learns", ""), "competencies/talk.yaml": talk},
    )
    assert result.problems == ()
    assert result.handbook is not None
    assert result.handbook.role("junior").summary is None
    assert result.handbook.competency("listen").summary is None


def test_role_without_targets(catalogue: Catalogue) -> None:
    """Assert that `competencies: {}` is a role without targets (a warning), while a missing
    mapping is still an error."""
    empty = "title: Junior\nfamily: team\nsummary: learns\ncompetencies: {}\n"
    assert problems(catalogue, {"roles/junior.yaml": empty}) == [
        "cat/roles/junior.yaml:4:15: warning: role 'junior' has no targets: its page describes "
        "it, but it gets no self-assessment sheet [no-targets]"
    ]
    assert problems(catalogue, {"roles/junior.yaml": role(targets="")}) == [
        "cat/roles/junior.yaml:4:14: 'competencies' needs a value: expected a mapping (key: value)"
    ]


def test_empty_optional_field_counts_as_absent(catalogue: Catalogue) -> None:
    """Assert that an optional key left empty is accepted as if it were not there."""
    result = run(catalogue, {"roles/junior.yaml": role("description:\nrank:\n")})
    assert result.problems == ()
    assert result.handbook is not None
    assert result.handbook.role("junior").description is None


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("rank: high\n", "4:7: expected a whole number, found 'high'"),
        ("rank: 1.5\n", "4:7: expected a whole number, found '1.5'"),
        ("synonyms: Lead\n", "4:11: expected a list of text, found 'Lead'"),
        ("synonyms: {a: b}\n", "4:11: expected a list of text, found a mapping (key: value)"),
        ("responsibilities:\n  - [a, b]\n", "5:5: expected text, found a list"),
        ("description: {a: b}\n", "4:14: expected text, found a mapping (key: value)"),
        ("requirements: [a]\n", "4:15: expected a mapping (key: value), found a list"),
        (
            "requirements:\n  experience_years: many\n",
            "5:21: expected a whole number, found 'many'",
        ),
        ("requirements:\n  experience_years: -1\n", "5:21: expected a whole number >= 0, found -1"),
        (
            "reports_to: [senior]\n",
            "4:13: expected an id (lowercase letters, digits and single "
            "hyphens, e.g. 'account-manager'), found a list",
        ),
        ("salary: 5000\n", "4:9: expected a mapping (key: value), found '5000'"),
    ],
)
def test_wrong_types(catalogue: Catalogue, extra: str, expected: str) -> None:
    """Assert that a value of the wrong type is reported at the value, saying what was expected."""
    assert problems(catalogue, {"roles/junior.yaml": role(extra)}) == [
        f"cat/roles/junior.yaml:{expected}"
    ]


def test_wrong_language_lists_choices(catalogue: Catalogue) -> None:
    """Assert that a value outside a fixed choice lists the allowed values."""
    text = HANDBOOK.replace("language: en", "language: fr")
    assert problems(catalogue, {"handbook.yaml": text}) == [
        "cat/handbook.yaml:2:11: expected one of 'de', 'en', found 'fr'"
    ]


def test_list_where_mapping_belongs(catalogue: Catalogue) -> None:
    """Assert that a list in place of the targets mapping is reported at the list."""
    text = role(targets="  - speak\n  - listen\n")
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:5:3: expected a mapping (key: value), found a list"
    ]


def test_duplicate_keys_in_one_mapping(catalogue: Catalogue) -> None:
    """Assert that a key written twice in one mapping points at the second, naming the first."""
    text = role("title: Again\n", targets="  speak: 1\n  listen: 1\n  speak: 2\n")
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:4:1: duplicate key 'title' (first at line 1)",
        "cat/roles/junior.yaml:8:3: duplicate key 'speak' (first at line 6)",
    ]


def test_same_key_in_different_mappings_is_fine(catalogue: Catalogue) -> None:
    """Assert that equal keys in sibling mappings (two competencies' ids) are no duplicates."""
    assert problems(catalogue, {}) == []


# --- numbers and text ----------------------------------------------------------------------


def test_quoted_number_as_target_is_an_error(catalogue: Catalogue) -> None:
    """Assert that a quoted "2" where a level is expected is an error, not silently a number."""
    text = role(targets='  speak: "2"\n  listen: 1\n')
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:5:10: expected a whole number, found text '2'"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "expected a whole number >= 1, found 0"),
        ("11", "expected a whole number <= 10, found 11"),
        ("yes", "expected a whole number, found 'yes'"),
        ("~", "expected a whole number, found nothing"),
    ],
)
def test_bad_target_values(catalogue: Catalogue, value: str, message: str) -> None:
    """Assert that targets that are no level at all are reported at the value."""
    text = role(targets=f"  speak: {value}\n  listen: 1\n")
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        f"cat/roles/junior.yaml:5:10: {message}"
    ]


def test_yaml_1_1_values_stay_text(catalogue: Catalogue) -> None:
    """Assert that no, off, yes, 2026.10, 1e3 and 2026-01-01 are kept as the text written."""
    handbook = HANDBOOK.replace("title: Handbook", "title: 2026-01-01")
    handbook += "version: 2026.10\norganisation: off\n"
    talk = TALK.replace("      - asks back\n", "      - asks back\n      - no\n      - 1e3\n")
    talk = talk.replace("name: Listening", "name: yes").replace("listens well", "0o17")
    result = run(catalogue, {"handbook.yaml": handbook, "competencies/talk.yaml": talk})
    assert result.problems == ()
    book = result.handbook
    assert book is not None
    assert (book.title, book.version, book.organisation) == ("2026-01-01", "2026.10", "off")
    listen = book.competency("listen")
    assert (listen.name, listen.summary) == ("yes", "0o17")
    assert listen.indicators == ("asks back", "no", "1e3")


def test_numbers_are_read_as_numbers(catalogue: Catalogue) -> None:
    """Assert that salary amounts and years are numbers, with 1e3 meaning 1000."""
    text = role("salary:\n  amount: 1e3\n  currency: EUR\n  period: month\n")
    result = run(catalogue, {"roles/junior.yaml": text})
    assert result.problems == ()
    assert result.handbook is not None
    salary = result.handbook.role("junior").salary
    assert salary is not None and salary.amount == 1000


def test_an_amount_with_thousands_separators_is_refused(catalogue: Catalogue) -> None:
    """Assert that `amount: 30.000` (German for thirty thousand, which YAML reads as 30) and
    `max: 45,000` are errors that say what to write, while 30.5 and 30000 are amounts."""
    text = role("salary:\n  min: 30.000\n  max: 45,000\n  currency: EUR\n  period: year\n")
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:5:8: expected an amount without thousands separators, found "
        "30.000: write 30000",
        "cat/roles/junior.yaml:6:8: expected an amount without thousands separators, found "
        "45,000: write 45000",
    ]
    text = role("salary:\n  min: 30.5\n  max: 30000\n  currency: EUR\n  period: year\n")
    assert problems(catalogue, {"roles/junior.yaml": text}) == []


# --- ids ------------------------------------------------------------------------------------


def test_bad_file_stem(catalogue: Catalogue) -> None:
    """Assert that a file whose name is no valid id is reported (its content, valid here,
    is still checked)."""
    assert problems(catalogue, {"roles/Senior_Lead.yaml": SENIOR}) == [
        "cat/roles/Senior_Lead.yaml:1:1: file name 'Senior_Lead' is not a valid id: use "
        "lowercase letters, digits and single hyphens (e.g. 'account-manager')"
    ]


@pytest.mark.parametrize(
    ("bad", "example"),
    [
        ("Speak", "speak"),
        ("speak--up", "speak-up"),
        ("-speak", "speak"),
        ("speak_up", "speak-up"),
        ("sprechen-ü", "sprechen-ue"),
    ],
)
def test_bad_id_fields(catalogue: Catalogue, bad: str, example: str) -> None:
    """Assert that an ``id:`` field that breaks the id pattern is reported at its value, with
    the text written as an id for an example."""
    talk = TALK.replace("id: speak", f"id: {bad}")
    junior = role(targets=f"  {bad}: 1\n  listen: 1\n")
    senior = SENIOR.replace("speak:", f"{bad}:")
    assert problems(
        catalogue,
        {"competencies/talk.yaml": talk, "roles/junior.yaml": junior, "roles/senior.yaml": senior},
    ) == [
        f"cat/competencies/talk.yaml:3:9: {bad!r} is not a valid id: {id_hint(example)}",
        f"cat/roles/junior.yaml:5:3: {bad!r} is not a valid id: {id_hint(example)}",
        f"cat/roles/senior.yaml:5:3: {bad!r} is not a valid id: {id_hint(example)}",
    ]


@pytest.mark.parametrize(
    ("bad", "example"),
    [("../senior", "senior"), ("/etc/passwd", "etc-passwd"), ("Quality Coach", "quality-coach")],
)
def test_bad_id_references(catalogue: Catalogue, bad: str, example: str) -> None:
    """Assert that references that are no ids (paths, a title) are refused as ids, with the
    text written as an id for an example."""
    assert problems(catalogue, {"roles/junior.yaml": role(f"reports_to: {bad}\n")}) == [
        f"cat/roles/junior.yaml:4:13: {bad!r} is not a valid id: {id_hint(example)}"
    ]


def test_duplicate_competency_ids_across_groups(catalogue: Catalogue) -> None:
    """Assert that a competency id used in two groups is reported at the second one."""
    other = "name: Other\ncompetencies:\n  - id: listen\n    name: L\n    summary: s\n"
    other += "    indicators: [x]\n"
    assert problems(catalogue, {"competencies/zother.yaml": other}) == [
        "cat/competencies/zother.yaml:3:9: duplicate competency id 'listen': already defined "
        "at cat/competencies/talk.yaml:8:9"
    ]


def test_index_is_an_id_like_any_other(catalogue: Catalogue) -> None:
    """Assert that ``index`` (a folder's own page to the site engines) is a valid id of every
    kind, as the contract's pattern allows, and that its pages take no overview's place."""
    handbook = HANDBOOK + "  - id: index\n    name: Index family\n"
    group = "name: Index group\ncompetencies:\n  - id: index\n    name: Index competency\n"
    group += "    summary: s\n    indicators: [x]\n"
    index_role = "title: Index role\nfamily: index\nsummary: s\ncompetencies:\n  index: 2\n"
    index_role += "  speak: 2\n"
    path = "title: Index path\nsteps:\n  - junior\n  - index\n"
    page = "---\ntitle: Index page\n---\nText.\n"
    changes = {
        "handbook.yaml": handbook,
        "competencies/index.yaml": group,
        "roles/index.yaml": index_role,
        "paths/index.yaml": path,
        "pages/index.md": page,
    }
    result = run(catalogue, changes)
    assert [str(problem) for problem in result.errors] == []
    assert result.handbook is not None
    files = render(result.handbook)
    overviews = ("index.md", "competencies/index.md", "matrix/index.md")
    assert all(overview in files for overview in overviews)
    own = ("families/index-/index.md", "competencies/index-.md", "roles/index-.md")
    own += ("paths/index-.md", "pages/index-.md", "sheets/index-.md", "matrix/index-.md")
    own += ("sheets/index-/step-2.md",)
    assert all(name in files for name in own), sorted(set(own) - set(files))
    for folder in ("roles", "paths", "pages", "sheets", "families"):
        assert f"{folder}/index.md" not in files  # no page stands in for a folder's own


def test_role_named_like_a_readiness_sheet_keeps_both_sheets(catalogue: Catalogue) -> None:
    """Assert that a role may be called like a path step (career-step-2): sheets never clash."""
    result = run(catalogue, {"roles/career-step-2.yaml": role()})
    assert result.handbook is not None and not result.errors
    files = render(result.handbook)
    assert "sheets/career-step-2.md" in files and "sheets/career/step-2.md" in files


def test_duplicate_family_ids(catalogue: Catalogue) -> None:
    """Assert that a family id given twice is reported at the second one."""
    text = HANDBOOK + "  - id: team\n    name: Team again\n"
    assert problems(catalogue, {"handbook.yaml": text}) == [
        "cat/handbook.yaml:10:9: duplicate family id 'team': first at line 8"
    ]


def test_yaml_and_yml_of_the_same_id(catalogue: Catalogue) -> None:
    """Assert that x.yaml and x.yml side by side are a duplicate id."""
    assert problems(catalogue, {"roles/senior.yml": SENIOR}) == [
        "cat/roles/senior.yml:1:1: duplicate id 'senior': senior.yaml has the same id; "
        "keep one of the two files"
    ]


def test_yml_files_are_read(catalogue: Catalogue) -> None:
    """Assert that files ending in .yml count like .yaml files."""
    result = run(catalogue, {"roles/senior.yaml": None, "roles/senior.yml": SENIOR})
    assert result.problems == ()
    assert result.handbook is not None
    assert result.handbook.role("senior").title == "Senior"


# --- references ----------------------------------------------------------------------------


def test_not_checked_note_counts_as_neither_error_nor_warning(catalogue: Catalogue) -> None:
    """Assert that the note on references not checked is no error or warning in the summary,
    and a notice (not an error) in GitHub annotations."""
    result = run(catalogue, {"competencies/talk.yaml": "name: [Talking\n"})
    assert len(result.errors) == 1 and not result.warnings
    text = format_problems(result.problems, "text", strict=True)
    assert text.splitlines()[-1] == "1 error (warnings are checked once there are no errors)"
    github = format_problems(result.problems, "github", strict=False)
    assert "::notice file=cat/competencies/talk.yaml,line=1,col=1::4 reference(s)" in github


def test_unknown_references(catalogue: Catalogue) -> None:
    """Assert that unknown family, competency, reports_to, previous_roles and steps are found."""
    junior = (
        "title: Junior\nfamily: teams\nsummary: s\nreports_to: boss\n"
        "requirements:\n  previous_roles: [seniorr]\ncompetencies:\n  speek: 1\n"
    )
    career = "title: Career\nsteps:\n  - junior\n  - role: senor\n"
    assert problems(catalogue, {"roles/junior.yaml": junior, "paths/career.yaml": career}) == [
        "cat/paths/career.yaml:4:11: unknown role 'senor' in steps: did you mean 'senior'?",
        "cat/roles/junior.yaml:2:9: unknown family 'teams': did you mean 'team'?",
        "cat/roles/junior.yaml:4:13: unknown role 'boss' in reports_to: expected one of "
        "junior, senior",
        "cat/roles/junior.yaml:6:20: unknown role 'seniorr' in previous_roles: did you mean "
        "'senior'?",
        "cat/roles/junior.yaml:8:3: unknown competency 'speek': did you mean 'speak'?",
    ]


def test_reference_to_role_with_errors_is_not_unknown(catalogue: Catalogue) -> None:
    """Assert that a defect in a role file causes one error, not follow-ups where it is used."""
    senior = SENIOR.replace("title: Senior\n", "")
    broken = "title: [Junior\n"
    assert problems(catalogue, {"roles/senior.yaml": senior}) == [
        "cat/roles/senior.yaml:1:1: missing required field 'title'"
    ]
    assert problems(catalogue, {"roles/junior.yaml": broken}) == [
        "cat/roles/junior.yaml:2:1: invalid YAML: did not find expected ',' or ']'"
    ]


def test_reference_to_unreadable_group_is_not_unknown(catalogue: Catalogue) -> None:
    """Assert that targets are not called unknown when their group file cannot be parsed,
    and that a note says they were not checked."""
    assert problems(catalogue, {"competencies/talk.yaml": "name: [Talking\n"}) == [
        "cat/competencies/talk.yaml:1:1: note: 4 reference(s) to a competency were not checked "
        "because this file has errors (first: 'speak' at cat/roles/junior.yaml:5:3); "
        "fix them first",
        "cat/competencies/talk.yaml:2:1: invalid YAML: did not find expected ',' or ']'",
    ]


def test_broken_lists_cause_no_follow_up_errors(catalogue: Catalogue) -> None:
    """Assert that families, competencies or steps that are no list give one error each."""
    handbook = HANDBOOK.replace("  - id: team\n    name: Team\n", "").replace(
        "families:", "families: team"
    )
    changes = {
        "handbook.yaml": handbook,
        "competencies/talk.yaml": "name: Talking\ncompetencies: speak\n",
        "paths/career.yaml": "title: Career\nsteps: junior\n",
    }
    result = run(catalogue, changes)
    notes = [p for p in result.problems if p.severity is Severity.NOTE]
    assert [note.location.path for note in notes] == [
        "cat/competencies/talk.yaml",
        "cat/handbook.yaml",
    ]
    assert [str(p) for p in result.errors] == [
        "cat/competencies/talk.yaml:2:15: expected a list of mappings (key: value), found 'speak'",
        "cat/handbook.yaml:7:11: expected a list of mappings (key: value), found 'team'",
        "cat/paths/career.yaml:2:8: expected a list of ids or mappings (key: value), found "
        "'junior'",
    ]


def test_roles_are_checked_when_handbook_has_errors(catalogue: Catalogue) -> None:
    """Assert that an error in handbook.yaml does not hide the errors in role files."""
    handbook = HANDBOOK.replace("title: Handbook\n", "")
    junior = role(targets="  speek: 1\n  listen: 1\n").replace("family: team", "family: teem")
    assert problems(catalogue, {"handbook.yaml": handbook, "roles/junior.yaml": junior}) == [
        "cat/handbook.yaml:1:1: missing required field 'title'",
        "cat/roles/junior.yaml:2:9: unknown family 'teem': did you mean 'team'?",
        "cat/roles/junior.yaml:5:3: unknown competency 'speek': did you mean 'speak'?",
    ]


# --- levels and scale ----------------------------------------------------------------------


def test_target_and_anchor_levels_outside_scale(catalogue: Catalogue) -> None:
    """Assert that target and anchor levels above the scale are errors naming the scale."""
    talk = TALK + "    levels:\n      1: hardly\n      4: brilliantly\n"
    junior = role(targets="  speak: 4\n  listen: 1\n")
    assert problems(catalogue, {"competencies/talk.yaml": talk, "roles/junior.yaml": junior}) == [
        "cat/competencies/talk.yaml:15:7: level 4 is outside the scale: expected a level from "
        "1 to 3",
        "cat/roles/junior.yaml:5:10: target level 4 is outside the scale: expected a level from "
        "1 to 3",
    ]


def scale(levels: str) -> str:
    return HANDBOOK.replace("  1: rarely\n  2: ~\n  3: always\n", levels)


CONSECUTIVE = "scale levels must be consecutive whole numbers from 1 (up to 10)"


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ("  1: a\n  2: b\n  4: c\n", f"6:3: {CONSECUTIVE}: expected 3, found 4"),
        ("  2: a\n  3: b\n", f"4:3: {CONSECUTIVE}: expected 1, found 2"),
        ("  0: a\n  1: b\n", "4:3: expected a whole number >= 1, found 0"),
        ("  1: a\n", "4:3: expected at least 2 entries, found 1"),
        (
            "".join(f"  {n}: x\n" for n in range(1, 12)),
            "14:3: expected a whole number <= 10, found 11",
        ),
        ("  - a\n  - b\n", "4:3: expected a mapping (key: value), found a list"),
        ('  "1": a\n  2: b\n', "4:3: expected a whole number, found text '1'"),
    ],
)
def test_bad_scales(catalogue: Catalogue, levels: str, expected: str) -> None:
    """Assert that gaps, a wrong start, too many or too few levels are reported at the level."""
    assert problems(catalogue, {"handbook.yaml": scale(levels)}) == [
        f"cat/handbook.yaml:{expected}"
    ]


def test_ten_level_scale_with_empty_labels(catalogue: Catalogue) -> None:
    """Assert that a scale of 10 levels, some without a label, is accepted in order."""
    levels = "".join(f"  {n}: {'~' if n % 2 else f'level {n}'}\n" for n in range(1, 11))
    result = run(catalogue, {"handbook.yaml": scale(levels)})
    assert result.problems == ()
    assert result.handbook is not None
    labels = [(level.value, level.label) for level in result.handbook.scale.levels]
    assert labels[:3] == [(1, None), (2, "level 2"), (3, None)]
    assert result.handbook.scale.maximum == 10


# --- reports_to, paths, salary -------------------------------------------------------------


def test_reports_to_self(catalogue: Catalogue) -> None:
    """Assert that a role reporting to itself is a cycle."""
    assert problems(catalogue, {"roles/junior.yaml": role("reports_to: junior\n")}) == [
        "cat/roles/junior.yaml:4:13: reports_to forms a cycle: junior -> junior"
    ]


def test_reports_to_cycle_reported_once(catalogue: Catalogue) -> None:
    """Assert that a three-role cycle is one error, at the first role of the cycle."""
    lead = "title: Lead\nfamily: team\nsummary: s\nreports_to: junior\ncompetencies:\n  speak: 3\n"
    senior = SENIOR.replace("competencies:", "reports_to: lead\ncompetencies:")
    assert problems(
        catalogue,
        {
            "roles/junior.yaml": role("reports_to: senior\n"),
            "roles/senior.yaml": senior,
            "roles/lead.yaml": lead,
        },
    ) == [
        "cat/roles/junior.yaml:4:13: reports_to forms a cycle: junior -> senior -> lead -> junior"
    ]


def test_reports_to_chain_without_cycle_is_fine(catalogue: Catalogue) -> None:
    """Assert that a chain junior -> senior is accepted and recorded in the model."""
    result = run(catalogue, {"roles/junior.yaml": role("reports_to: senior\n")})
    assert result.problems == ()
    assert result.handbook is not None
    assert result.handbook.role("junior").reports_to == "senior"


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        (
            "  - junior\n  - role: junior\n",
            "3:3: a career path needs at least two distinct roles, found only 'junior'",
        ),
        ("  - junior\n", "3:3: expected at least 2 item(s), found 1"),
        ("  []\n", "3:3: expected at least 2 item(s), found none"),
        (
            "  - [junior]\n  - senior\n",
            "3:5: expected an id (lowercase letters, digits and "
            "single hyphens, e.g. 'account-manager') or a mapping (key: value), found a list",
        ),
    ],
)
def test_short_paths(catalogue: Catalogue, steps: str, expected: str) -> None:
    """Assert that a path with fewer than two distinct roles is an error at its steps."""
    text = f"title: Career\nsteps:\n{steps}"
    assert problems(catalogue, {"paths/career.yaml": text}) == [f"cat/paths/career.yaml:{expected}"]


SALARY = "salary:\n{}  currency: EUR\n  period: year\n"


@pytest.mark.parametrize(
    ("amounts", "expected"),
    [
        (
            "  amount: 5\n  min: 1\n  max: 9\n",
            "5:3: salary needs either 'amount', or both 'min' and 'max'",
        ),
        ("", "5:3: salary needs either 'amount', or both 'min' and 'max'"),
        ("  min: 1\n", "5:3: salary needs either 'amount', or both 'min' and 'max'"),
        ("  min: 10\n  max: 9\n", "5:8: salary 'min' is larger than 'max'"),
        ("  amount: 0\n", "5:11: expected a number > 0, found 0"),
        ("  amount: -5\n", "5:11: expected a number > 0, found -5"),
        ("  amount: '5'\n", "5:11: expected a number, found text '5'"),
        ("  amount: 1_000\n", "5:11: expected a number, found '1_000'"),
        ("  amount: .inf\n", "5:11: expected a number, found '.inf'"),
        ("  amount: 1e400\n", "5:11: expected a number, found 1e400 (too large)"),
    ],
)
def test_salary_amount_or_range(catalogue: Catalogue, amounts: str, expected: str) -> None:
    """Assert that a salary has an amount or a min/max range, with positive numbers."""
    text = role(SALARY.format(amounts))
    assert problems(catalogue, {"roles/junior.yaml": text}) == [f"cat/roles/junior.yaml:{expected}"]


def test_salary_range_is_accepted(catalogue: Catalogue) -> None:
    """Assert that a min/max salary range reaches the model."""
    result = run(
        catalogue, {"roles/junior.yaml": role(SALARY.format("  min: 2800\n  max: 3200.5\n"))}
    )
    assert result.problems == ()
    assert result.handbook is not None
    salary = result.handbook.role("junior").salary
    assert salary is not None and (salary.minimum, salary.maximum) == (2800, 3200.5)


# --- an error in one part of a file hides nothing else -----------------------------------------


def test_wrong_type_hides_no_unknown_reference(catalogue: Catalogue) -> None:
    """Assert that a rank that is no number leaves the unknown family and competency of the
    same file reported in the same run."""
    junior = (
        "title: Junior\nfamily: teem\nsummary: learns\nrank: x\n"
        "competencies:\n  speak: 1\n  lisen: 1\n"
    )
    assert problems(catalogue, {"roles/junior.yaml": junior}) == [
        "cat/roles/junior.yaml:2:9: unknown family 'teem': did you mean 'team'?",
        "cat/roles/junior.yaml:4:7: expected a whole number, found 'x'",
        "cat/roles/junior.yaml:7:3: unknown competency 'lisen': did you mean 'listen'?",
    ]


def test_bad_id_hides_no_level_outside_the_scale(catalogue: Catalogue) -> None:
    """Assert that a family that is no id leaves a target outside the scale reported, in the
    short and the long form."""
    junior = role(targets="  speak: 7\n  listen:\n    level: 4\n").replace(
        "family: team", "family: Customer_Service"
    )
    assert problems(catalogue, {"roles/junior.yaml": junior}) == [
        "cat/roles/junior.yaml:2:9: 'Customer_Service' is not a valid id: "
        + id_hint("customer-service"),
        "cat/roles/junior.yaml:5:10: target level 7 is outside the scale: expected a level "
        "from 1 to 3",
        "cat/roles/junior.yaml:7:12: target level 4 is outside the scale: expected a level "
        "from 1 to 3",
    ]


def test_bad_step_hides_no_unknown_role(catalogue: Catalogue) -> None:
    """Assert that typical_years that are no number leave an unknown role on another step
    reported."""
    career = "title: Career\nsteps:\n  - juniorr\n  - role: senior\n    typical_years: x\n"
    assert problems(catalogue, {"paths/career.yaml": career}) == [
        "cat/paths/career.yaml:3:5: unknown role 'juniorr' in steps: did you mean 'junior'?",
        "cat/paths/career.yaml:5:20: expected a number, found 'x'",
    ]


def test_bad_indicators_hide_no_anchor_outside_the_scale(catalogue: Catalogue) -> None:
    """Assert that indicators that are no list leave a level text outside the scale reported."""
    talk = TALK.replace(
        "    indicators:\n      - asks back\n", "    indicators: x\n    levels: {7: a}\n"
    )
    assert problems(catalogue, {"competencies/talk.yaml": talk}) == [
        "cat/competencies/talk.yaml:11:17: expected a list of text, found 'x'",
        "cat/competencies/talk.yaml:12:14: level 7 is outside the scale: expected a level "
        "from 1 to 3",
    ]


def test_bad_file_name_hides_no_duplicate_competency(catalogue: Catalogue) -> None:
    """Assert that a group file whose name is no id is still checked against the others, and
    that the duplicate is reported in it, not in the file with the valid name."""
    other = "name: Other\ncompetencies:\n  - id: listen\n    name: L\n"
    assert problems(catalogue, {"competencies/Bad_Group.yaml": other}) == [
        "cat/competencies/Bad_Group.yaml:1:1: file name 'Bad_Group' is not a valid id: use "
        "lowercase letters, digits and single hyphens (e.g. 'account-manager')",
        "cat/competencies/Bad_Group.yaml:3:9: duplicate competency id 'listen': already "
        "defined at cat/competencies/talk.yaml:8:9",
    ]


def test_bad_level_hides_no_unknown_competency(catalogue: Catalogue) -> None:
    """Assert that a target whose level is no number still has its competency checked, and
    that a target whose key is no id gets no second error as a reference."""
    text = role(targets="  Speak: 1\n  lisen: x\n  listen:\n    level: [2]\n")
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        f"cat/roles/junior.yaml:5:3: 'Speak' is not a valid id: {id_hint('speak')}",
        "cat/roles/junior.yaml:6:3: unknown competency 'lisen': did you mean 'listen'?",
        "cat/roles/junior.yaml:6:10: expected a whole number, found 'x'",
        "cat/roles/junior.yaml:8:12: expected a whole number, found a list",
    ]


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ("  - junior\n  - Senior\n", f"4:5: 'Senior' is not a valid id: {id_hint('senior')}"),
        ("  - junior\n  - typical_years: 2\n", "4:5: missing required field 'role'"),
        (
            "  - junior\n  - role: [senior]\n",
            "4:11: expected an id (lowercase letters, digits and single hyphens, e.g. "
            "'account-manager'), found a list",
        ),
    ],
)
def test_bad_step_gives_no_two_distinct_roles_error(
    catalogue: Catalogue, steps: str, expected: str
) -> None:
    """Assert that a step without a well-formed role does not count as missing: the path is
    not said to need two distinct roles."""
    text = f"title: Career\nsteps:\n{steps}"
    assert problems(catalogue, {"paths/career.yaml": text}) == [f"cat/paths/career.yaml:{expected}"]


def test_bad_field_beside_a_role_leaves_two_distinct_roles_checked(
    catalogue: Catalogue,
) -> None:
    """Assert that a bad field beside a step's role leaves the two-distinct-roles rule on."""
    text = "title: Career\nsteps:\n  - junior\n  - role: junior\n    typical_years: x\n"
    assert problems(catalogue, {"paths/career.yaml": text}) == [
        "cat/paths/career.yaml:3:3: a career path needs at least two distinct roles, found "
        "only 'junior'",
        "cat/paths/career.yaml:5:20: expected a number, found 'x'",
    ]


def test_bad_salary_field_gives_no_missing_amount_error(catalogue: Catalogue) -> None:
    """Assert that a malformed min is no missing min: only its own error, while a larger min
    than max is still found beside a malformed note."""
    bad_min = role(SALARY.format("  min: x\n  max: 9\n"))
    assert problems(catalogue, {"roles/junior.yaml": bad_min}) == [
        "cat/roles/junior.yaml:5:8: expected a number, found 'x'"
    ]
    note = role(SALARY.format("  min: 10\n  max: 9\n  note: [x]\n"))
    assert problems(catalogue, {"roles/junior.yaml": note}) == [
        "cat/roles/junior.yaml:5:8: salary 'min' is larger than 'max'",
        "cat/roles/junior.yaml:7:9: expected text, found a list",
    ]


def test_type_error_hides_no_markdown_link_or_accept_code(catalogue: Catalogue) -> None:
    """Assert that Markdown links and accept codes of a file with a type error are checked."""
    junior = role(
        "rank: x\ndescription: See [boss](role:boss).\n"
        "accept:\n  - warning: no-such\n    reason: r\n  - reason: no code\n"
    )
    assert problems(catalogue, {"roles/junior.yaml": junior}) == [
        "cat/roles/junior.yaml:4:7: expected a whole number, found 'x'",
        "cat/roles/junior.yaml:5:25: link to unknown role 'boss': no role has this id",
        "cat/roles/junior.yaml:7:14: unknown warning code 'no-such': expected one of "
        "falling-target, target-jump, role-not-on-path, no-targets, unused-competency, "
        "undescribed-competency, similar-indicators, list-needs-blank-line",
        "cat/roles/junior.yaml:9:5: missing required field 'warning'",
    ]


def test_broken_scale_leaves_a_note_on_levels_not_checked(catalogue: Catalogue) -> None:
    """Assert that levels above 2 are not judged against a scale with errors, and that a
    note says so at the scale; a bad label alone leaves the levels checked."""
    gap = scale("  1: a\n  2: b\n  4: c\n")
    junior = role(targets="  speak: 3\n  listen: 9\n")
    assert problems(catalogue, {"handbook.yaml": gap, "roles/junior.yaml": junior}) == [
        "cat/handbook.yaml:4:3: note: 2 level(s) above 2 were not checked against the scale "
        "because this file has errors (first: 3 at cat/roles/junior.yaml:5:10); fix them first",
        f"cat/handbook.yaml:6:3: {CONSECUTIVE}: expected 3, found 4",
    ]
    label = scale("  1: a\n  2: [b]\n  3: c\n")
    assert problems(catalogue, {"handbook.yaml": label, "roles/junior.yaml": junior}) == [
        "cat/handbook.yaml:5:6: expected text or a mapping (key: value), found a list",
        "cat/roles/junior.yaml:6:11: target level 9 is outside the scale: expected a level "
        "from 1 to 3",
    ]


def test_model_is_withheld_when_an_optional_field_is_malformed(catalogue: Catalogue) -> None:
    """Assert that a file with a malformed optional field yields no model, though the rest of
    it is checked."""
    result = run(catalogue, {"roles/junior.yaml": role("rank: x\n")})
    assert result.handbook is None
    assert [str(p) for p in result.problems] == [
        "cat/roles/junior.yaml:4:7: expected a whole number, found 'x'"
    ]


# --- messages that say what to do -------------------------------------------------------------


def test_colon_in_unquoted_text_says_to_quote_it(catalogue: Catalogue) -> None:
    """Assert that a ': ' inside unquoted text is explained, with the line quoted."""
    text = role().replace("summary: learns", 'summary: Goal: "customers" delighted')
    assert problems(catalogue, {"roles/junior.yaml": text}) == [
        "cat/roles/junior.yaml:3:14: invalid YAML: mapping values are not allowed in this "
        "context: a colon followed by a space inside unquoted text starts a new key; put the "
        """text in quotes (summary: 'Goal: "customers" delighted')"""
    ]
    item = TALK.replace("      - asks back", "      - Goal: asks: back")
    assert problems(catalogue, {"competencies/talk.yaml": item}) == [
        "cat/competencies/talk.yaml:1:1: note: 4 reference(s) to a competency were not checked "
        "because this file has errors (first: 'speak' at cat/roles/junior.yaml:5:3); fix them "
        "first",
        "cat/competencies/talk.yaml:12:19: invalid YAML: mapping values are not allowed in "
        "this context: a colon followed by a space inside unquoted text starts a new key; "
        "put the text in quotes",
    ]


def test_term_needs_singular_and_plural(catalogue: Catalogue) -> None:
    """Assert that a term with one word, three words or no list says it needs both forms."""
    terms = "terms:\n  role: [Post]\n  path: [Track, Tracks, Trackses]\n  level: Grade\n"
    expected = "a term needs its singular and its plural: expected [singular, plural], found"
    assert problems(catalogue, {"handbook.yaml": HANDBOOK + terms}) == [
        f"cat/handbook.yaml:11:9: {expected} 1 item",
        f"cat/handbook.yaml:12:9: {expected} 3 items",
        f"cat/handbook.yaml:13:10: {expected} 'Grade'",
    ]


def test_images_of_pages_say_what_is_wrong(catalogue: Catalogue) -> None:
    """Assert that an image of an unsupported type, a missing one and one outside
    pages/images/ are each named for what they are."""
    page = (
        "---\ntitle: Help\n---\n![Picture](images/picture.gif)\n"
        "![Missing](images/missing.png)\n![Up](images/../help.md)\n![Bare](chart.png)\n"
        "![Typo](images/chrat.png)\n![Chart](images/chart.png)\n"
    )
    png = b"\x89PNG\r\n\x1a\n"
    found = problems(catalogue, {"pages/help.md": page, "pages/images/chart.png": png})
    outside = "is not a file of pages/images/: expected images/<file> for a file in pages/images/"
    assert found == [
        "cat/pages/help.md:4:12: image 'images/picture.gif' has an unsupported type: expected "
        "a png, jpg or svg file",
        "cat/pages/help.md:5:12: image 'images/missing.png' not found: expected a file "
        "'missing.png' in pages/images/",
        f"cat/pages/help.md:6:7: image 'images/../help.md' {outside}",
        f"cat/pages/help.md:7:9: image 'chart.png' {outside}: did you mean 'images/chart.png'?",
        "cat/pages/help.md:8:9: image 'images/chrat.png' not found: expected a file "
        "'chrat.png' in pages/images/: did you mean 'images/chart.png'?",
    ]


# --- a run as a whole ----------------------------------------------------------------------


def test_every_problem_reported_at_once_and_sorted(catalogue: Catalogue) -> None:
    """Assert that problems of several files come together, sorted by file, line and column."""
    lines = problems(
        catalogue,
        {
            "roles/senior.yaml": SENIOR.replace("speak: 2", "speak: 9"),
            "roles/junior.yaml": role("colour: red\n", targets="  speak: x\n  listen: 1\n"),
            "handbook.yaml": HANDBOOK.replace("language: en", "language: fr"),
            "paths/career.yaml": CAREER + "  - nobody\n",
        },
    )
    assert lines == [
        "cat/handbook.yaml:2:11: expected one of 'de', 'en', found 'fr'",
        "cat/paths/career.yaml:5:5: unknown role 'nobody' in steps: expected one of junior, senior",
        "cat/roles/junior.yaml:4:1: unknown field 'colour': expected one of title, family, rank, "
        "synonyms, summary, description, responsibilities, requirements, salary, reports_to, "
        "competencies, accept",
        "cat/roles/junior.yaml:6:10: expected a whole number, found 'x'",
        "cat/roles/senior.yaml:5:10: target level 9 is outside the scale: expected a level "
        "from 1 to 3",
    ]


def test_sorting_is_by_line_number_not_text(catalogue: Catalogue) -> None:
    """Assert that a problem on line 10 comes after one on line 2 (numeric, not text order)."""
    text = HANDBOOK.replace("language: en", "language: fr") + "colour: x\n"
    assert problems(catalogue, {"handbook.yaml": text}) == [
        "cat/handbook.yaml:2:11: expected one of 'de', 'en', found 'fr'",
        "cat/handbook.yaml:10:1: unknown field 'colour': expected one of title, organisation, "
        "language, version, scale, families, terms, accept",
    ]


def test_problems_are_errors_and_model_is_withheld(catalogue: Catalogue) -> None:
    """Assert that a catalogue with an error yields no model and only error-severity problems."""
    result = run(catalogue, {"roles/junior.yaml": role("reports_to: junior\n")})
    assert result.handbook is None
    assert result.errors and not result.warnings
    assert all(p.severity is Severity.ERROR for p in result.problems)


def test_model_of_valid_catalogue(catalogue: Catalogue) -> None:
    """Assert that a valid catalogue's model resolves groups, targets and path steps in order."""
    career = CAREER.replace("- senior", "- role: senior\n    typical_years: 2\n    note: soon")
    result = run(catalogue, {"paths/career.yaml": career})
    book = result.handbook
    assert book is not None
    assert [c.id for c in book.groups[0].competencies] == ["speak", "listen"]
    assert [(t.competency_id, t.level) for t in book.role("senior").targets] == [
        ("speak", 2),
        ("listen", 2),
    ]
    steps = book.paths[0].steps
    assert [(s.role_id, s.typical_years, s.note) for s in steps] == [
        ("junior", None, None),
        ("senior", 2, "soon"),
    ]


def test_competency_groups_follow_rank_then_file_name(catalogue: Catalogue) -> None:
    """Assert that ranked groups come first by rank, unranked ones after them by file name."""
    group = (
        "name: {name}\n{rank}competencies:\n"
        "  - id: {id}\n    name: N\n    summary: s\n    indicators: [i]\n"
    )
    result = run(
        catalogue,
        {
            "competencies/a.yaml": group.format(name="A", rank="", id="c-a"),
            "competencies/b.yaml": group.format(name="B", rank="rank: 2\n", id="c-b"),
            "competencies/z.yaml": group.format(name="Z", rank="rank: 1\n", id="c-z"),
        },
    )
    assert result.handbook is not None
    assert [g.id for g in result.handbook.groups] == ["z", "b", "a", "talk"]


def test_links_into_a_file_too_broken_to_read_are_noted_not_called_unknown(
    catalogue: Catalogue,
) -> None:
    """Assert that when a group file's errors hide which competencies exist, a Markdown link
    to a competency is not reported as unknown (it may well exist) but counted in that
    file's note, like the targets."""
    broken = "name: Craft\ncompetencies:\n  code: x\n"
    junior = role("description: See [Speak](competency:speak) and [Code](competency:code).\n")
    found = problems(catalogue, {"competencies/craft.yaml": broken, "roles/junior.yaml": junior})
    assert not [p for p in found if "unknown competency" in p], found
    note = next(p for p in found if "were not checked" in p)
    assert note.startswith("cat/competencies/craft.yaml:1:1: note: ")
    assert "reference(s) to a competency were not checked" in note
    assert "first: 'speak' at cat/roles/junior.yaml:4:" in note
