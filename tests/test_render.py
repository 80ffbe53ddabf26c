"""Golden tests: the generated Markdown and downloads of the small fixture catalogues.

The files in tests/golden/<fixture>/ are the spec of the handbook pages (home, families,
roles, competencies, paths, matrix, catalogue.json, matrix.csv): review their diff like code.
After an intended change, refresh them with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render.py

Each page is shown with its body, as the theme shows it (``shown.py``: a role page's
competency tables). Sheets (``sheets/…``) are left out here; the sheet tests cover them.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from shown import shown

from generator.pipeline import check, load_handbook
from generator.render.plan import render

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
# two small ones, and three of the shapes real frameworks have (edition 2 of the format):
# statements per role and level with a forked ladder, skills with four described levels
# per job, and a fork across two families
CATALOGUES = ("small-de", "small-en", "ladder-en", "jobs-en", "fork-en")


def generated(fixture: str) -> dict[str, str]:
    """Every rendered text file of a fixture catalogue except the sheets, each page with its
    body (``shown.py``; images are copied as they are: tests/test_markdown.py)."""
    files = shown(render(load_handbook(FIXTURES / fixture)))
    return {
        name: text
        for name, text in files.items()
        if isinstance(text, str) and not name.startswith("sheets/")
    }


def read_golden(folder: Path) -> dict[str, str]:
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            with open(path, encoding="utf-8", newline="") as handle:  # keep CRLF of the CSV
                files[path.relative_to(folder).as_posix()] = handle.read()
    return files


def write_golden(folder: Path, files: dict[str, str]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)


@pytest.mark.parametrize("fixture", CATALOGUES)
def test_pages_match_golden_files(fixture: str) -> None:
    """Assert that every generated page of the fixture equals its reviewed golden file."""
    files = generated(fixture)
    folder = GOLDEN / fixture
    if os.environ.get("UPDATE_GOLDEN") == "1":
        write_golden(folder, files)
    golden = read_golden(folder)
    assert sorted(files) == sorted(golden), "pages added or removed: refresh the golden files"
    for name in sorted(files):
        if files[name] != golden[name]:
            diff = difflib.unified_diff(
                golden[name].splitlines(),
                files[name].splitlines(),
                "golden",
                "generated",
                lineterm="",
            )
            pytest.fail(f"{fixture}/{name} differs from its golden file:\n" + "\n".join(diff))


RENDER_IN_CHILD = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from shown import shown

from generator.pipeline import check, load_handbook
from generator.render.plan import render
from shown import shown
files = shown(render(load_handbook(Path(sys.argv[1]))))
texts = {k: v for k, v in files.items() if isinstance(v, str) and not k.startswith("sheets/")}
json.dump(texts, sys.stdout)
"""


@pytest.mark.parametrize("fixture", CATALOGUES)
@pytest.mark.parametrize("seed", ["1", "4242"])
def test_rendering_does_not_depend_on_the_process(fixture: str, seed: str) -> None:
    """Assert that another process, with other string hashing (so other set and dict orders
    of strings), renders byte-identical files."""
    child = subprocess.run(
        [sys.executable, "-c", RENDER_IN_CHILD, str(FIXTURES / fixture), str(TESTS)],
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    )
    assert json.loads(child.stdout) == generated(fixture)


@pytest.mark.parametrize("fixture", ["ladder-en", "jobs-en", "fork-en"])
def test_fixture_passes_strict_validation(fixture: str) -> None:
    """Assert that every golden catalogue validates with --strict (warnings accepted)."""
    result = check(FIXTURES / fixture)
    assert result.problems == (), [str(p) for p in result.problems]


def test_default_catalogue_renders_every_page_type() -> None:
    """Assert that the default catalogue yields each page type at its contract path."""
    files = render(load_handbook(Path(__file__).resolve().parent / "fixtures" / "default"))
    for name in (
        "index.md",
        "families/vertrieb-marketing/index.md",
        "roles/account-supervisor.md",
        "competencies/kundenbeziehungen.md",
        "paths/key-account-management.md",
        "competencies/index.md",
        "matrix/index.md",
        "matrix/vertrieb-marketing.md",
        "matrix.csv",
        "catalogue.json",
    ):
        assert name in files, name
    assert "matrix.md" not in files
    assert sum(name.startswith("roles/") for name in files) == 6
    assert sum(name.startswith("competencies/") for name in files) == 35 + 1  # and the index
