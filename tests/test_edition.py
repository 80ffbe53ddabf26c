"""Reading an earlier edition of a catalogue: from a folder or from git."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import git

from generator.load.edition import EditionError, edition_at
from generator.pipeline import earlier_edition

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "diff"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose first commit holds the old edition in catalogues/."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    shutil.copytree(FIXTURES / "old", repo / "catalogues")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "old")
    shutil.rmtree(repo / "catalogues")
    shutil.copytree(FIXTURES / "new", repo / "catalogues")
    return repo


def test_load_edition_from_a_folder(tmp_path: Path) -> None:
    """Assert that a folder name is read as that folder, relative to base."""
    handbook = earlier_edition("old", tmp_path, base=FIXTURES)
    assert handbook.version == "2025.2"


def test_load_edition_from_a_git_revision(repo: Path) -> None:
    """Assert that a revision reads the catalogue as committed, not as in the work tree."""
    handbook = earlier_edition("HEAD", repo / "catalogues", base=repo)
    assert handbook.version == "2025.2"
    assert (repo / "catalogues" / "roles" / "trainee.yaml").exists()


def test_edition_at_removes_its_temporary_folder(repo: Path) -> None:
    """Assert that the checked-out edition is gone after use and shows as REV:path."""
    with edition_at("HEAD", repo / "catalogues") as (folder, shown):
        assert (folder / "handbook.yaml").is_file()
        assert shown == "HEAD:catalogues"
    assert not folder.exists()


def test_edition_at_the_top_of_the_repository(repo: Path) -> None:
    """Assert that a root at the top of the work tree is read whole and shown as REV:."""
    with edition_at("HEAD", repo) as (folder, shown):
        assert (folder / "catalogues" / "handbook.yaml").is_file()
        assert shown == "HEAD:."


def test_edition_at_rejects_a_path_that_was_a_file(repo: Path) -> None:
    """Assert that a folder that was a file in the revision is refused with its name."""
    now_a_folder = repo / "catalogues" / "handbook.yaml"
    now_a_folder.unlink()
    now_a_folder.mkdir()
    expected = "no folder catalogues/handbook.yaml in git revision"
    with pytest.raises(EditionError, match=expected), edition_at("HEAD", now_a_folder):
        pass
