"""`handbook sheets --pdf`: one PDF of blank sheets for HR, printed by headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEFAULT_CATALOGUE, find_chromium, missing

from generator.commands.pdf import PrintedRole, page_count, page_styles
from generator.model.relations import Relations
from generator.pipeline import load_handbook
from generator.render.sheets import role_sheet

HANDBOOK = [sys.executable, "-m", "generator.cli"]
PROJECT = Path(__file__).resolve().parents[1]


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*HANDBOOK, *args],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def _require_printing() -> None:
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing("playwright")
    if find_chromium() is None:
        missing("Chromium")
    if shutil.which("pdftotext") is None:
        missing("pdftotext (poppler-utils)")


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [re.sub(r"\s+", " ", page) for page in out.split("\f")[:-1]]


def _outline_titles(pdf: bytes) -> list[str]:
    """Bookmark titles: literal strings and UTF-16 hex strings after /Title."""
    titles = []
    for literal, hexa in re.findall(rb"/Title (?:\(([^)]*)\)|<([0-9A-Fa-f]+)>)", pdf):
        if hexa:
            titles.append(bytes.fromhex(hexa.decode()).decode("utf-16"))
        else:
            titles.append(literal.decode("latin-1"))
    return titles


@pytest.mark.pdf
def test_sheets_pdf_has_cover_and_each_role_on_its_own_pages(tmp_path: Path) -> None:
    """Assert that the PDF has a cover list, then each role from a new page with its footer."""
    _require_printing()
    out = tmp_path / "hr" / "sheets.pdf"
    result = _run(
        "sheets", str(DEFAULT_CATALOGUE), "--pdf", str(out),
        "--role", "key-account-manager", "--role", "account-manager",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    pages = _pages(out)
    assert result.stdout.strip() == f"{out}: 2 role(s), {len(pages)} pages"
    cover = pages[0]
    assert "Selbsteinschätzungsbögen" in cover
    match = re.search(
        r"Account Manager Vertrieb & Marketing (\d+) "
        r"Key Account Manager Vertrieb & Marketing (\d+)",
        cover,
    )
    assert match is not None, cover
    manager_first, kam_first = int(match.group(1)), int(match.group(2))
    assert manager_first == 2
    manager_pages = pages[manager_first - 1 : kam_first - 1]
    kam_pages = pages[kam_first - 1 :]
    assert "Skala" not in cover and "Name: ___" not in cover
    for first, title in (
        (manager_pages[0], "Account Manager"),
        (kam_pages[0], "Key Account Manager"),
    ):
        body = re.sub(r"^.*?Name: _+\s*", "", first, count=1)  # after the legend and name line
        assert body.startswith(f"Selbsteinschätzungsbogen: {title}"), first[:300]
    assert 2 <= len(kam_pages) <= 12
    for title, role_pages in (
        ("Account Manager", manager_pages),
        ("Key Account Manager", kam_pages),
    ):
        for number, text in enumerate(role_pages, start=1):
            assert f"{title} · Ausgabe 2026.1" in text
            assert f"Seite {number} von {len(role_pages)}" in text
            assert "Skala: 1 bringt dies kaum ein" in text and "Name: ___" in text
    pdf = out.read_bytes()
    assert page_count(pdf) == len(pages)
    assert set(re.findall(rb"/MediaBox \[0 0 ([\d.]+ [\d.]+)\]", pdf)) == {b"594.95996 841.91998"}
    titles = _outline_titles(pdf)
    assert "Selbsteinschätzungsbogen: Key Account Manager" in titles
    assert "Selbsteinschätzungsbogen: Account Manager" in titles
    assert not list(tmp_path.glob("hr/.*partial"))


def test_unknown_role_is_a_usage_error(tmp_path: Path) -> None:
    """Assert that --role with an unknown id exits 2 and names the role, without a traceback."""
    result = _run(
        "sheets", str(DEFAULT_CATALOGUE), "--pdf", str(tmp_path / "x.pdf"), "--role", "ceo"
    )
    assert result.returncode == 2
    assert "ceo" in result.stderr and "--role" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_missing_chromium_says_how_to_install_it(tmp_path: Path) -> None:
    """Assert that without a Chromium the command exits 1 and says how to install one."""
    result = _run(
        "sheets", str(DEFAULT_CATALOGUE), "--pdf", str(tmp_path / "x.pdf"),
        env={"HANDBOOK_CHROMIUM": str(tmp_path / "no-such-chromium")},
    )  # fmt: skip
    assert result.returncode == 1
    assert "apt-get install chromium" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_missing_playwright_says_how_to_install_it(tmp_path: Path) -> None:
    """Assert that without Playwright the command exits 1 and says `pip install playwright`."""
    code = "import sys; sys.modules['playwright'] = None; from generator.cli import main; main()"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "sheets",
            str(DEFAULT_CATALOGUE),
            "--pdf",
            str(tmp_path / "x.pdf"),
        ],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env={**os.environ, "HANDBOOK_CHROMIUM": sys.executable},  # any existing file will do
        timeout=120,
    )
    assert result.returncode == 1
    assert "pip install playwright" in result.stderr
    assert "Traceback" not in result.stderr


def test_page_styles_give_each_role_its_footer_and_counter() -> None:
    """Assert that each role gets a named page with its own counter, total and escaped title."""
    handbook = load_handbook(DEFAULT_CATALOGUE)
    relations = Relations(handbook)
    role = handbook.role("key-account-manager")
    entry = PrintedRole(
        role, handbook.family(role.family_id), 2, role_sheet(handbook, relations, role), 9, 14
    )
    css = page_styles(handbook, [entry])
    assert ".ch-sheet-print-role-2 { page: ch-role-2; }" in css
    assert "counter-increment: ch-role-2;" in css
    assert "counter(ch-role-2)" in css
    assert "Key\\000020Account\\000020Manager" in css
    assert "\\000020von\\0000209" in css  # " von 9"
    assert "@page ch-cover" in css


def test_page_count_counts_page_objects_not_the_page_tree() -> None:
    """Assert that page_count counts /Type /Page objects and skips /Type /Pages."""
    pdf = (
        b"1 0 obj << /Type /Pages /Count 2 >> 2 0 obj << /Type /Page >> 3 0 obj <</Type/Page/X 1>>"
    )
    assert page_count(pdf) == 2
