"""The malformed-catalogue corpus: each defect exits 1 with its location, fast, no traceback.

Cases live in tests/corpus/<name>/ (made by tests/corpus/make_corpus.py, which documents them);
the cases that cannot be committed (huge, binary, links, unreadable) are made here.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.txt").is_file())
BASE_CASE = CORPUS / "unknown-key"


def _validate(root: Path) -> tuple[int, str, float]:
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["validate", str(root)])
    return result.exit_code, result.output, time.perf_counter() - started


def _assert_clean_failure(root: Path, expected: str) -> None:
    """Exit 1 printing every line of ``expected`` (one per defect), quickly, no traceback."""
    code, output, seconds = _validate(root)
    assert code == 1, output
    for line in expected.splitlines():
        assert f"{root}/{line}" in output, output
    assert "Traceback" not in output
    assert seconds < 2, f"took {seconds:.2f}s"


def test_corpus_is_large_enough() -> None:
    """Assert that the corpus holds at least 40 malformed catalogues."""
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", CASES)
def test_malformed_catalogue_is_reported_at_its_location(name: str) -> None:
    """Assert that each malformed catalogue exits 1 naming each defect's file, line and column."""
    expected = (CORPUS / name / "expected.txt").read_text(encoding="utf-8").strip()
    _assert_clean_failure(CORPUS / name, expected)


@pytest.mark.parametrize("name", CASES)
def test_failed_generation_leaves_earlier_output_untouched(name: str, tmp_path: Path) -> None:
    """Assert that generating from a malformed catalogue keeps the previous output byte for byte."""
    out = tmp_path / "out"
    good = CliRunner().invoke(main, ["generate", "tests/fixtures/small-de", "--out", str(out)])
    assert good.exit_code == 0, good.output
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, ["generate", str(CORPUS / name), "--out", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def _copy_base(tmp_path: Path) -> Path:
    root = tmp_path / "cat"
    for path in BASE_CASE.rglob("*"):
        if path.is_file() and path.name != "expected.txt":
            target = root / path.relative_to(BASE_CASE)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes().replace(b"titel: x\n", b""))
    return root


def test_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    """Assert that a 50 MB role file is refused by size, within two seconds."""
    root = _copy_base(tmp_path)
    with open(root / "roles" / "junior.yaml", "ab") as handle:
        handle.write(b"# " + b"x" * (50 * 1024 * 1024) + b"\n")
    _assert_clean_failure(root, "roles/junior.yaml:1:1: file is larger than")


def test_binary_file_is_refused(tmp_path: Path) -> None:
    """Assert that a binary file in place of a role is an error with its position."""
    root = _copy_base(tmp_path)
    (root / "roles" / "junior.yaml").write_bytes(b"title: a\nab\x00\x01\x02")
    _assert_clean_failure(root, "roles/junior.yaml:2:3: file contains binary data")
    (root / "roles" / "junior.yaml").write_bytes(b"title: a\n\x01\x02\xff\xfe")
    _assert_clean_failure(root, "roles/junior.yaml:2:3: file is not valid UTF-8")


def test_symlink_out_of_root_is_refused(tmp_path: Path) -> None:
    """Assert that a role file linking outside the catalogue is not followed."""
    root = _copy_base(tmp_path)
    secret = tmp_path / "secret.yaml"
    secret.write_text("title: geheim\n", encoding="utf-8")
    (root / "roles" / "junior.yaml").unlink()
    (root / "roles" / "junior.yaml").symlink_to(secret)
    _assert_clean_failure(root, "roles/junior.yaml:1:1: refusing a link that points outside")


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Assert that a file that cannot be read is reported with its path."""
    root = _copy_base(tmp_path)
    target = root / "roles" / "junior.yaml"
    target.chmod(0)
    if os.geteuid() == 0:  # root reads anything: simulate the permission error
        original = Path.read_bytes

        def refuse(self: Path) -> bytes:
            if self.name == "junior.yaml":
                raise PermissionError(13, "Permission denied")
            return original(self)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    _assert_clean_failure(root, "roles/junior.yaml:1:1: cannot read file: Permission denied")
