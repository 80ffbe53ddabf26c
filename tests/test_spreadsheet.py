"""``handbook export`` and ``handbook import`` (commands/spreadsheet.py, cli.py): the
catalogue as a workbook and back, with nothing lost and nothing else touched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from spreadsheets import append, cell, change, exported

from generator.cli import main
from generator.commands.spreadsheet import export, import_catalogue
from generator.model.relations import Relations
from generator.pipeline import check, load_handbook
from generator.render.exports import catalogue_json

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT = PROJECT / "catalogues"
FIXTURES = PROJECT / "tests" / "fixtures"
EVERY_FIELD = FIXTURES / "every-field-en"


def catalogue(root: Path, *, pages: bool = True) -> dict[str, object]:
    """Everything a catalogue holds, as catalogue.json has it (same field names)."""
    handbook = load_handbook(root)
    data: dict[str, object] = json.loads(catalogue_json(handbook, Relations(handbook)))
    if not pages:
        data.pop("pages", None)
    return data


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def snapshot(root: Path) -> dict[str, tuple[bytes, float]]:
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime)
        for p in root.rglob("*")
        if p.is_file()
    }


def test_the_default_catalogue_round_trips(tmp_path: Path) -> None:
    """Assert that export then import gives the same catalogue: handbook diff finds
    nothing, and every field is the same."""
    workbook = tmp_path / "katalog.xlsx"
    assert run("export", str(DEFAULT), "--xlsx", str(workbook))[:2] == (
        0,
        f"{workbook}: 1 written, 0 unchanged\n",
    )
    code, out, _ = run("import", str(workbook), "--out", str(tmp_path / "new"))
    assert (code, out) == (0, f"{tmp_path / 'new'}: 16 written, 0 unchanged\n")
    code, out, _ = run("diff", str(DEFAULT), str(tmp_path / "new"))
    assert code == 0 and "Keine Änderungen." in out
    assert catalogue(tmp_path / "new") == catalogue(DEFAULT)


@pytest.mark.parametrize("csv", [False, True], ids=["xlsx", "csv"])
def test_every_field_of_edition_2_round_trips(tmp_path: Path, csv: bool) -> None:
    """Assert that a catalogue with every field (ranges, requirements, synonyms, level
    texts, expectations, accept lists, terms, text YAML would change) comes back the same,
    from a workbook and from CSV files, with the same warnings accepted."""
    source = tmp_path / ("csv" if csv else "every.xlsx")
    if csv:
        export(EVERY_FIELD, csv_folder=source)
    else:
        export(EVERY_FIELD, workbook=source)
    done = import_catalogue(source, tmp_path / "new", csv=csv)
    assert catalogue(tmp_path / "new") == catalogue(EVERY_FIELD)
    assert len(done.validation.accepted) == len(check(EVERY_FIELD).accepted) == 8
    assert not done.validation.problems


@pytest.mark.parametrize("name", ["ladder-en", "jobs-en", "hostile"])
def test_importing_into_the_catalogue_changes_nothing(tmp_path: Path, name: str) -> None:
    """Assert that importing a catalogue's own workbook into it writes no file: its pages,
    images and hand-written files stay exactly as they are."""
    root = Path(shutil.copytree(FIXTURES / name, tmp_path / name))
    before = snapshot(root)
    workbook = exported(root, tmp_path / "k.xlsx")
    done = import_catalogue(workbook, root)
    assert done.report.written == () and done.report.removed == ()
    assert snapshot(root) == before
    assert catalogue(root) == catalogue(FIXTURES / name)


def test_only_the_changed_file_is_rewritten(tmp_path: Path) -> None:
    """Assert that after one target changed in the workbook only that role's file is
    written (keeping its schema line), other files and the organisation's own stay, and a
    role the workbook no longer has is removed."""
    root = Path(shutil.copytree(DEFAULT, tmp_path / "cat"))
    workbook = exported(root, tmp_path / "k.xlsx")
    (root / "README.md").write_text("ours\n", encoding="utf-8")
    shutil.copy(root / "roles/account-manager.yaml", root / "roles/trainee.yaml")
    level = cell(workbook, "Targets", "verbale-kommunikation", "account-manager")
    change(workbook, "Targets", level, 5)
    before = snapshot(root)
    code, out, _ = run("import", str(workbook), "--out", str(root))
    assert (code, out) == (0, f"{root}: 1 written, 15 unchanged, 1 removed\n")
    after = snapshot(root)
    assert sorted(n for n in after if after[n] != before.get(n)) == ["roles/account-manager.yaml"]
    assert "roles/trainee.yaml" not in after and after["README.md"] == before["README.md"]
    text = (root / "roles/account-manager.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/role.schema.json\n")
    assert "  verbale-kommunikation: 5\n" in text
    code, out, _ = run("diff", str(DEFAULT), str(root))
    assert "Verbale Kommunikationsfähigkeiten (verbale-kommunikation): 4 → 5" in out


def test_a_file_keeps_its_yml_name(tmp_path: Path) -> None:
    """Assert that a catalogue file named .yml is updated under its name, not doubled."""
    root = Path(shutil.copytree(EVERY_FIELD, tmp_path / "cat"))
    (root / "roles/senior.yaml").rename(root / "roles/senior.yml")
    workbook = exported(root, tmp_path / "k.xlsx")
    change(workbook, "Roles", cell(workbook, "Roles", "senior", "title"), "Senior")
    done = import_catalogue(workbook, root)
    assert done.report.written == ("roles/senior.yml",)
    assert not (root / "roles/senior.yaml").exists()


def test_an_error_writes_nothing_and_names_the_cell(tmp_path: Path) -> None:
    """Assert that a workbook with mistakes exits 1 with every mistake at its sheet and
    cell, and leaves the catalogue folder as it was (or does not make it)."""
    root = Path(shutil.copytree(DEFAULT, tmp_path / "cat"))
    workbook = exported(root, tmp_path / "roles.xlsx")
    where = cell(workbook, "Targets", "verbale-kommunikation", "competency")
    change(workbook, "Targets", where, "verbale-komunikation")
    row = append(workbook, "Steps", ["account-management", "account-managr"])
    before = snapshot(root)
    for out in (root, tmp_path / "new"):
        code, _, err = run("import", str(workbook), "--out", str(out))
        assert code == 1
        assert err.splitlines() == [
            f"{workbook} › Steps!B{row}: unknown role 'account-managr' in steps: did you mean "
            "'account-manager'?",
            f"{workbook} › Targets!{where}: unknown competency 'verbale-komunikation': "
            "did you mean 'verbale-kommunikation'?",
            "2 errors (warnings are checked once there are no errors)",
        ]
    assert snapshot(root) == before and not (tmp_path / "new").exists()


def test_pages_of_the_catalogue_count_when_importing_into_it(tmp_path: Path) -> None:
    """Assert that Markdown of the workbook may link to the organisation's pages of the
    catalogue it is imported into (and a new folder has none)."""
    root = Path(shutil.copytree(FIXTURES / "ladder-en", tmp_path / "cat"))
    workbook = exported(root, tmp_path / "k.xlsx")
    summary = cell(workbook, "Paths", "management", "description")
    change(workbook, "Paths", summary, "Read [how to read it](page:how-to-read) first.")
    assert import_catalogue(workbook, root).report.written == ("paths/management.yaml",)
    code, _, err = run("import", str(workbook), "--out", str(tmp_path / "new"))
    assert code == 1 and "link to unknown page 'how-to-read'" in err


@pytest.mark.parametrize(
    "args",
    [["export", str(DEFAULT)], ["import", "--out", "x"]],
    ids=["export", "import"],
)
def test_a_format_must_be_given(args: list[str]) -> None:
    """Assert that export and import say what they need (a workbook or --csv)."""
    code, _, err = run(*args)
    assert code == 2 and "give" in err


def _soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and os.environ.get("HANDBOOK_REQUIRE_SOFFICE") == "1":
        pytest.fail("LibreOffice (soffice) is required here: apt-get install libreoffice-calc")
    return found


def test_a_workbook_saved_by_libreoffice_still_imports(tmp_path: Path) -> None:
    """Assert that a workbook saved again by LibreOffice Calc imports to the same catalogue
    (LibreOffice writes cells, styles and drop-downs its own way)."""
    soffice = _soffice()
    if soffice is None:
        pytest.skip("no LibreOffice (soffice); set HANDBOOK_REQUIRE_SOFFICE=1 to require it")
    workbook = exported(EVERY_FIELD, tmp_path / "every.xlsx")
    profile = (tmp_path / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
               "xlsx", "--outdir", str(tmp_path / "saved"), str(workbook)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    saved = tmp_path / "saved" / "every.xlsx"
    assert saved.read_bytes() != workbook.read_bytes()
    import_catalogue(saved, tmp_path / "new")
    assert catalogue(tmp_path / "new") == catalogue(EVERY_FIELD)


def test_list_items_written_over_several_lines_export_as_one_line(tmp_path: Path) -> None:
    """Assert that a catalogue `validate` accepts can be exported when an indicator is a
    YAML block over several lines (export refused it, without file or line): the item
    becomes one line of its cell, and after importing, `diff` finds no change."""
    root = Path(shutil.copytree(FIXTURES / "small-en", tmp_path / "source"))
    group = next((root / "competencies").glob("*.yaml"))
    text = group.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("      - "))
    words = first.removeprefix("      - ").split(" ", 1)
    assert len(words) == 2, first
    wrapped = f"      - |\n        {words[0]}\n        {words[1]}"
    group.write_text(text.replace(first, wrapped, 1), encoding="utf-8")
    assert not check(root).errors
    workbook = tmp_path / "k.xlsx"
    assert run("export", str(root), "--xlsx", str(workbook))[0] == 0
    sheet = openpyxl.load_workbook(workbook)["Competencies"]
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any(f"{words[0]} {words[1]}" in value.splitlines() for value in cells)
    assert run("import", str(workbook), "--out", str(tmp_path / "new"))[0] == 0
    code, out, _ = run("diff", str(root), str(tmp_path / "new"))
    assert code == 0 and "No changes." in out
