"""How problems are printed: text lines with a summary, JSON, GitHub and GitLab annotations."""

from __future__ import annotations

import json

from generator.check.report import format_problems, summary
from generator.errors import Location, Problem, Severity

ERROR = Problem(Location("cat/roles/a.yaml", 3, 9), "unknown family 'x'")
WARNING = Problem(
    Location("cat/roles/b.yaml", 1, 1), "role 'b' is on no career path", Severity.WARNING
)


def test_text_lines_then_one_summary() -> None:
    """Assert that text output is one PATH:LINE:COLUMN line per problem, then one summary."""
    text = format_problems([ERROR, WARNING], "text", strict=False)
    assert text.splitlines() == [
        "cat/roles/a.yaml:3:9: unknown family 'x'",
        "cat/roles/b.yaml:1:1: warning: role 'b' is on no career path",
        "1 error, 1 warning (warnings fail only with --strict)",
    ]


def test_summary_wording() -> None:
    """Assert that the summary counts in singular and plural and explains --strict."""
    assert summary([], strict=False) == "no problems found"
    assert (
        summary([ERROR, ERROR], strict=False)
        == "2 errors (warnings are checked once there are no errors)"
    )
    assert summary([WARNING, WARNING], strict=True) == (
        "0 errors, 2 warnings (--strict: warnings fail the run)"
    )


def test_github_annotations_escape_properties_and_message() -> None:
    """Assert that GitHub annotations carry file, line and col, special characters escaped."""
    odd = Problem(Location("cat/a,b:c.yaml", 2, 4), "50% done\nnext line")
    lines = format_problems([ERROR, WARNING, odd], "github", strict=False).splitlines()
    assert lines[:3] == [
        "::error file=cat/roles/a.yaml,line=3,col=9::unknown family 'x'",
        "::warning file=cat/roles/b.yaml,line=1,col=1::role 'b' is on no career path",
        "::error file=cat/a%2Cb%3Ac.yaml,line=2,col=4::50%25 done%0Anext line",
    ]
    assert lines[3] == "2 errors, 1 warning (warnings fail only with --strict)"


def test_json_is_parseable_with_positions() -> None:
    """Assert that --format json is one JSON document with path, line, column and severity."""
    data = json.loads(format_problems([ERROR, WARNING], "json", strict=False))
    assert data["problems"][0] == {
        "path": "cat/roles/a.yaml",
        "line": 3,
        "column": 9,
        "severity": "error",
        "code": None,
        "message": "unknown family 'x'",
    }
    assert data["problems"][1]["severity"] == "warning"
    assert data["summary"].startswith("1 error, 1 warning")


def test_gitlab_code_quality_report() -> None:
    """Assert that --format gitlab is a Code Quality report: description, fingerprint, location."""
    report = json.loads(format_problems([ERROR, WARNING], "gitlab", strict=False))
    assert isinstance(report, list) and len(report) == 2
    first = report[0]
    assert first["description"] == "unknown family 'x'"
    assert first["check_name"] == "handbook-validate"
    assert first["severity"] == "major" and report[1]["severity"] == "minor"
    assert first["location"] == {
        "path": "cat/roles/a.yaml",
        "positions": {"begin": {"line": 3, "column": 9}},
    }
    fingerprints = {entry["fingerprint"] for entry in report}
    assert len(fingerprints) == 2 and all(len(f) == 64 for f in fingerprints)


def test_empty_reports_parse() -> None:
    """Assert that a clean run still prints valid JSON in both machine formats."""
    assert json.loads(format_problems([], "gitlab", strict=False)) == []
    assert json.loads(format_problems([], "json", strict=False)) == {
        "problems": [],
        "accepted": [],
        "summary": "no problems found",
    }


def test_codes_and_accepted_warnings_are_reported() -> None:
    """Assert that a warning's code shows in every format and accepted ones are counted."""
    coded = Problem(Location("cat/paths/p.yaml", 4, 5), "falls", Severity.WARNING, "falling-target")
    text = format_problems([coded], "text", strict=False, accepted=[coded, coded])
    assert text.splitlines() == [
        "cat/paths/p.yaml:4:5: warning: falls [falling-target]",
        "0 errors, 1 warning, 2 accepted (warnings fail only with --strict)",
    ]
    assert "title=falling-target" in format_problems([coded], "github", strict=False)
    data = json.loads(format_problems([], "json", strict=True, accepted=[coded]))
    assert data["accepted"][0]["code"] == "falling-target"
    assert data["summary"] == "no problems found (1 accepted)"
