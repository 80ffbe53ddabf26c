"""The catalogue shipped in ``catalogues/`` (what ``make serve`` shows): it validates strictly
and builds. Nothing else about its contents is tested, so HR can edit it freely; tests that
need a realistic catalogue use the frozen copy in ``tests/fixtures/default``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHIPPED_CATALOGUE

from generator.cli import main


def test_shipped_catalogue_validates_strictly() -> None:
    """Assert that `handbook validate catalogues --strict` exits 0."""
    result = CliRunner().invoke(main, ["validate", str(SHIPPED_CATALOGUE), "--strict"])
    assert result.exit_code == 0, result.output


def test_shipped_catalogue_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Assert that `handbook build` with no ROOT builds ./catalogues into a site."""
    monkeypatch.chdir(SHIPPED_CATALOGUE.parent)
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--site", str(site)])
    assert result.exit_code == 0, result.output
    assert (site / "index.html").is_file() and (site / "sheets").is_dir()
