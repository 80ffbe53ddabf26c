"""Write files into a folder others own too (write/files.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.write.files import update


def test_only_changed_files_are_written(tmp_path: Path) -> None:
    """Assert that a file with the same bytes is left alone (not even touched), a changed
    one replaced, a new one made with its folder, and other files kept."""
    (tmp_path / "roles").mkdir()
    same, changed, other = tmp_path / "same.yaml", tmp_path / "roles/a.yaml", tmp_path / "README"
    for path in (same, changed, other):
        path.write_bytes(b"old\n")
    os.utime(same, (1, 1))
    report = update(
        tmp_path, {"same.yaml": b"old\n", "roles/a.yaml": b"new\n", "paths/p.yaml": b"p\n"}
    )
    assert report.written == ("paths/p.yaml", "roles/a.yaml") and report.unchanged == 1
    assert same.stat().st_mtime == 1
    assert changed.read_bytes() == b"new\n" and other.read_bytes() == b"old\n"
    assert (tmp_path / "paths/p.yaml").read_bytes() == b"p\n"
    assert not [p for p in tmp_path.rglob(".*")]  # no temporary file left behind


def test_files_that_are_gone_are_removed(tmp_path: Path) -> None:
    """Assert that the files named to remove go, and only those."""
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles/gone.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "roles/kept.yaml").write_text("x", encoding="utf-8")
    report = update(tmp_path, {}, ["roles/gone.yaml", "roles/never-there.yaml"])
    assert report.removed == ("roles/gone.yaml",)
    assert [p.name for p in (tmp_path / "roles").iterdir()] == ["kept.yaml"]


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    """Assert that rewriting a file keeps its mode (a shared catalogue stays shared)."""
    path = tmp_path / "handbook.yaml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    update(tmp_path, {"handbook.yaml": b"new"})
    assert path.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("name", ["../outside.yaml", "/etc/passwd", "a\\b.yaml"])
def test_nothing_is_written_outside_the_folder(tmp_path: Path, name: str) -> None:
    """Assert that a name leading out of the folder is refused before anything is written."""
    with pytest.raises(OutputError, match="outside the output folder"):
        update(tmp_path / "out", {"fine.yaml": b"x", name: b"x"})
    assert not (tmp_path / "out").exists()
