"""The installable tool: a wheel built from the repository, installed in a fresh virtual
environment, makes a content repository and builds it far from the checkout.

Slow (it installs the tool's dependencies from the package index): ``-m slow``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
# Repository folder -> where the wheel carries it.
SHIPPED = {
    "docs_templates": "generator/share/docs_templates",
    "site_config/docs": "generator/share/site_config/docs",
    "site_config/overrides": "generator/share/site_config/overrides",
    "generator/starter": "generator/starter",
}

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path) -> str:
    """Run a command; fail the test with its output if it fails."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=env, timeout=600
    )
    assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


# Left out of the copy the wheel is built from: a stale build/ of an earlier in-place build
# would otherwise bring deleted files back into the wheel.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "site", "node_modules", "*.egg-info", "__pycache__", ".*_cache"
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The wheel built from a clean copy of the checkout, and what the build printed."""
    out = tmp_path_factory.mktemp("wheel")
    source = out / "source"
    shutil.copytree(PROJECT, source, ignore=NOT_SOURCE)
    log = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", out, source, cwd=out)
    (built,) = out.glob("competency_handbook-*.whl")
    return built, log


def test_wheel_builds_without_warnings(wheel: tuple[Path, str]) -> None:
    """Assert that setuptools warns about nothing (license form, unlisted data folders)."""
    _, log = wheel
    warnings = [line for line in log.splitlines() if "Warning" in line]
    assert not warnings, "\n".join(warnings)


def test_wheel_carries_every_template_override_asset_and_starter_file(
    wheel: tuple[Path, str],
) -> None:
    """Assert that every file of the shipped folders is in the wheel, where resources.py looks."""
    built, _ = wheel
    names = set(zipfile.ZipFile(built).namelist())
    assert "generator/share/site_config/base.yml" in names
    for folder, inside in SHIPPED.items():
        wanted = {
            f"{inside}/{path.relative_to(PROJECT / folder).as_posix()}"
            for path in (PROJECT / folder).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.name[0] != "."
        }
        carried = {name for name in names if name.startswith(f"{inside}/")}
        assert wanted <= carried, f"{folder}: not in the wheel: {sorted(wanted - carried)}"
        assert carried <= wanted, f"{folder}: in the wheel, not in the repo: {carried - wanted}"


def test_installed_wheel_inits_validates_and_builds_outside_the_checkout(
    wheel: tuple[Path, str], tmp_path: Path
) -> None:
    """Assert that `pip install` of the wheel into a fresh venv, then `handbook init`,
    `validate --strict` and `build` in the new folder work, with no file of the checkout."""
    built, _ = wheel
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", built, cwd=tmp_path)
    handbook = venv / "bin" / "handbook"
    print(run(handbook, "init", "hr", "--language", "en", cwd=tmp_path))
    repo = tmp_path / "hr"
    assert "no problems found" in run(handbook, "validate", "--strict", cwd=repo)
    run(handbook, "build", "--site", "site", cwd=repo)
    home = (repo / "site" / "index.html").read_text(encoding="utf-8")
    assert "Customer Service Competency Handbook" in home
    assert (repo / "site" / "sheets" / "team-lead" / "index.html").is_file()
    located = run(
        venv / "bin" / "python",
        "-c",
        "import generator.resources as r; print(r.TEMPLATES)",
        cwd=repo,
    )
    assert str(PROJECT) not in located and "site-packages" in located
