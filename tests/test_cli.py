"""The ``handbook`` command: exit codes 0/1/2, output formats, help, no tracebacks."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from generator.check.schema import SCHEMA_FILES, SPECS, json_schema_text
from generator.cli import main

PROJECT = Path(__file__).resolve().parents[1]
HANDBOOK_BIN = PROJECT / ".venv" / "bin" / "handbook"
SMALL = PROJECT / "tests" / "fixtures" / "small-de"
COMMANDS = ["validate", "generate", "build", "serve", "schema"]

Catalogue = Callable[[dict[str, Any]], Path]

GOOD = {
    "handbook.yaml": "title: H\nlanguage: en\nscale:\n  1: a\n  2: b\nfamilies:\n"
    "  - id: team\n    name: Team\n",
    "competencies/talk.yaml": "name: Talk\ncompetencies:\n  - id: speak\n    name: Speak\n"
    "    summary: s\n    indicators: [sums up]\n",
    "roles/junior.yaml": "title: Junior\nfamily: team\nsummary: s\ncompetencies:\n  speak: 1\n",
    "roles/senior.yaml": "title: Senior\nfamily: team\nsummary: s\ncompetencies:\n  speak: 2\n",
    "paths/career.yaml": "title: Career\nsteps:\n  - junior\n  - senior\n",
}
BAD_ROLE = "title: Junior\nfamily: teams\nsummary: s\ncompetencies:\n  speak: 7\n"
BAD_LINES = [
    "cat/roles/junior.yaml:2:9: unknown family 'teams': did you mean 'team'?",
    "cat/roles/junior.yaml:5:10: target level 7 is outside the scale: expected a level from 1 to 2",
]


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in tmp_path, so a catalogue at tmp_path/cat is given as the relative path 'cat'."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def bad(catalogue: Catalogue, in_tmp: Path) -> Path:
    """A catalogue with two errors in one role, at tmp_path/cat."""
    return catalogue({**GOOD, "roles/junior.yaml": BAD_ROLE})


# --- validate --------------------------------------------------------------------------------


def test_validate_errors_exit_1_with_path_as_given(bad: Path) -> None:
    """Assert that errors exit 1 and print PATH:LINE:COLUMN lines with the path as typed."""
    result = invoke("validate", "cat")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        *BAD_LINES,
        "2 errors (warnings are checked once there are no errors)",
    ]
    dotted = invoke("validate", "./cat/")
    assert dotted.output.splitlines()[0] == "./" + BAD_LINES[0]


def test_validate_github_annotations(bad: Path) -> None:
    """Assert that --format github prints ::error annotations with file, line and col."""
    result = invoke("validate", "cat", "--format", "github")
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        "::error file=cat/roles/junior.yaml,line=2,col=9::unknown family 'teams': did you mean "
        "'team'?",
        "::error file=cat/roles/junior.yaml,line=5,col=10::target level 7 is outside the scale: "
        "expected a level from 1 to 2",
    ]


def test_validate_json_and_gitlab_parse(bad: Path) -> None:
    """Assert that --format json and --format gitlab print parseable JSON and exit 1."""
    as_json = invoke("validate", "cat", "--format", "json")
    assert as_json.exit_code == 1
    data = json.loads(as_json.stdout)
    assert [(p["path"], p["line"], p["column"]) for p in data["problems"]] == [
        ("cat/roles/junior.yaml", 2, 9),
        ("cat/roles/junior.yaml", 5, 10),
    ]
    gitlab = invoke("validate", "cat", "--format", "gitlab")
    assert gitlab.exit_code == 1
    report = json.loads(gitlab.stdout)
    assert [entry["location"]["positions"]["begin"]["line"] for entry in report] == [2, 5]


def test_validate_defaults_to_catalogues_folder(catalogue: Catalogue, in_tmp: Path) -> None:
    """Assert that ROOT defaults to ./catalogues."""
    catalogue(GOOD).rename(in_tmp / "catalogues")
    assert invoke("validate").exit_code == 0


def test_validate_in_the_catalogue_itself_checks_it(
    catalogue: Catalogue, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Assert that in a folder holding handbook.yaml ROOT defaults to it (HR standing in
    catalogues/ got "Directory 'catalogues' does not exist"), and that its messages name
    files from there."""
    monkeypatch.chdir(catalogue({**GOOD, "roles/junior.yaml": BAD_ROLE}))
    result = invoke("validate")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [line.removeprefix("cat/") for line in BAD_LINES]


def test_without_root_or_catalogue_here_says_what_to_do(in_tmp: Path) -> None:
    """Assert that with neither ./catalogues nor ./handbook.yaml the usage error says where
    to run the command or what to name."""
    result = invoke("validate")
    assert result.exit_code == 2
    assert "no folder 'catalogues' and no handbook.yaml here" in result.stderr
    assert "'handbook validate path/to/catalogues'" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--format", "xml"],
        ["validate", "no-such-folder"],
        ["validate", "file.txt"],
        ["generate"],
        ["frobnicate"],
        ["schema", "nope"],
        ["validate", "--strictly"],
    ],
)
def test_usage_errors_exit_2(in_tmp: Path, args: list[str]) -> None:
    """Assert that wrong options, commands or arguments are usage errors with exit code 2."""
    (in_tmp / "catalogues").mkdir()
    (in_tmp / "file.txt").write_text("x", encoding="utf-8")
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "Usage:" in result.output


HOSTILE = {
    "python tag": {"roles/junior.yaml": "title: !!python/object/apply:os.system ['true']\n"},
    "latin-1": {"roles/junior.yaml": "title: Gr\xfc\xdfe\n".encode("latin-1")},
    "binary": {"roles/junior.yaml": b"\x00\x01\x02"},
    "list document": {"roles/junior.yaml": "- a\n- b\n"},
    "empty handbook": {"handbook.yaml": ""},
    "alias": {"handbook.yaml": "a: &x 1\nb: *x\n"},
    "folder as role": {"roles/junior.yaml/x.yaml": "title: x\n"},
    "deep": {"roles/junior.yaml": "title: " + "[" * 5000 + "]" * 5000 + "\n"},
    "bad scale": {"handbook.yaml": "title: H\nlanguage: en\nscale: 3\nfamilies: []\n"},
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_bad_input_never_shows_a_traceback(catalogue: Catalogue, in_tmp: Path, case: str) -> None:
    """Assert that validate and generate exit 1 with located messages, never a traceback."""
    files = {**GOOD, **HOSTILE[case]}
    if case == "folder as role":
        del files["roles/junior.yaml"]
    catalogue(files)
    for args in (["validate", "cat"], ["generate", "cat", "--out", "out"]):
        result = invoke(*args)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.output.startswith("cat/"), result.output
    assert not (in_tmp / "out").exists()


# --- generate ------------------------------------------------------------------------------


def test_generate_writes_tree_then_nothing(in_tmp: Path) -> None:
    """Assert that generate writes the tree, and a second run writes nothing."""
    first = invoke("generate", str(SMALL), "--out", "out")
    assert first.exit_code == 0, first.output
    assert (in_tmp / "out/mkdocs.yml").is_file()
    assert (in_tmp / "out/docs/roles/service-agent.md").is_file()
    second = invoke("generate", str(SMALL), "--out", "out")
    assert second.exit_code == 0
    assert second.output.startswith("out: 0 written, ")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Content and mtime of every file, and every folder, below ``folder``."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        if p.is_file()
        else (b"<folder>", 0)
        for p in folder.rglob("*")
    }


def test_failed_generate_leaves_output_byte_for_byte(bad: Path, in_tmp: Path) -> None:
    """Assert that generate on a bad catalogue exits 1 and leaves the old output untouched."""
    assert invoke("generate", str(SMALL), "--out", "out").exit_code == 0
    (in_tmp / "out/notes.txt").write_text("mine", encoding="utf-8")
    before = snapshot(in_tmp / "out")
    result = invoke("generate", "cat", "--out", "out")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        *BAD_LINES,
        "2 errors (warnings are checked once there are no errors)",
    ]
    assert snapshot(in_tmp / "out") == before
    assert sorted(p.name for p in in_tmp.iterdir()) == ["cat", "out"]


def test_generate_refuses_foreign_folder(in_tmp: Path) -> None:
    """Assert that generate into a non-empty folder it did not make exits 1, cleanly."""
    (in_tmp / "out").mkdir()
    (in_tmp / "out/thesis.tex").write_text("x", encoding="utf-8")
    result = invoke("generate", str(SMALL), "--out", "out")
    assert result.exit_code == 1
    assert "is not empty and was not made by 'handbook generate'" in result.output
    assert "Traceback" not in result.output


def test_generate_strict_fails_on_warnings(catalogue: Catalogue, in_tmp: Path) -> None:
    """Assert that generate --strict refuses a catalogue with warnings, writing nothing."""
    lone = "title: Lone\nfamily: team\nsummary: s\ncompetencies:\n  speak: 1\n"
    catalogue({**GOOD, "roles/lone.yaml": lone})
    assert invoke("generate", "cat", "--out", "relaxed").exit_code == 0
    result = invoke("generate", "cat", "--out", "strict", "--strict")
    assert result.exit_code == 1
    assert "cat/roles/lone.yaml:1:1: warning: role 'lone' is on no career path" in result.output
    assert not (in_tmp / "strict").exists()


def test_generate_and_build_print_the_warnings(catalogue: Catalogue, in_tmp: Path) -> None:
    """Assert that generate and build say which warnings the catalogue has, and go on."""
    lone = "title: Lone\nfamily: team\nsummary: s\ncompetencies:\n  speak: 1\n"
    catalogue({**GOOD, "roles/lone.yaml": lone})
    for command in (("generate", "cat", "--out", "tree"), ("build", "cat", "--site", "site")):
        result = invoke(*command)
        assert result.exit_code == 0, result.output
        assert (
            "cat/roles/lone.yaml:1:1: warning: role 'lone' is on no career path "
            "[role-not-on-path]\n0 errors, 1 warning (warnings fail only with --strict)\n"
        ) in result.output


def test_build_never_empties_a_folder_that_holds_no_site(
    catalogue: Catalogue, in_tmp: Path
) -> None:
    """Assert that build --site refuses the catalogue, a folder holding it and a folder of
    other files, exit 1, each left as it was."""
    catalogue(GOOD)
    (in_tmp / "notes").mkdir()
    (in_tmp / "notes" / "minutes.txt").write_text("keep me", encoding="utf-8")
    before = {p: p.read_bytes() for p in in_tmp.rglob("*") if p.is_file()}
    refusals = {
        "cat": "cannot build the site into cat: that would delete cat; choose another folder",
        ".": "cannot build the site into .: that would delete cat; choose another folder",
        "notes": "cannot build the site into notes: it is not empty and holds no site built "
        "before; choose an empty or new folder",
    }
    for site, message in refusals.items():
        result = invoke("build", "cat", "--site", site)
        assert result.exit_code == 1, result.output
        assert message in result.output
        assert "Traceback" not in result.output
    result = invoke("build", "cat", "--site", "site", "--out", "site/tree")
    assert "that would delete site/tree" in result.output
    inside = invoke("build", "cat", "--site", "cat/roles/site")
    assert inside.exit_code == 1
    assert "it is inside cat/roles, whose files the catalogue is read from" in inside.output
    assert {p: p.read_bytes() for p in in_tmp.rglob("*") if p.is_file()} == before


def test_build_replaces_a_site_built_before(catalogue: Catalogue, in_tmp: Path) -> None:
    """Assert that a second build replaces the first site: a page of a removed role goes,
    nothing is left beside the site folder."""
    catalogue({**GOOD, "roles/lone.yaml": GOOD["roles/junior.yaml"].replace("Junior", "Lone")})
    assert invoke("build", "cat", "--site", "site").exit_code == 0
    assert (in_tmp / "site/roles/lone/index.html").is_file()
    (in_tmp / "cat/roles/lone.yaml").unlink()
    result = invoke("build", "cat", "--site", "site")
    assert result.exit_code == 0, result.output
    assert (in_tmp / "site/roles/junior/index.html").is_file()
    assert not (in_tmp / "site/roles/lone").exists()
    assert sorted(p.name for p in in_tmp.iterdir()) == ["cat", "site"]


def test_exclusive_options_say_which_is_wrong(in_tmp: Path) -> None:
    """Assert that export and import say "not both" when given a workbook and a CSV folder,
    and init says a file is a file."""
    both = invoke("export", str(SMALL), "--xlsx", "a.xlsx", "--csv", "b")
    assert both.exit_code == 2
    assert "give --xlsx FILE.xlsx or --csv DIR, not both" in both.output
    assert "not both" not in invoke("export", str(SMALL)).output
    (in_tmp / "a.xlsx").write_bytes(b"")
    (in_tmp / "b").mkdir()
    imported = invoke("import", "a.xlsx", "--csv", "b", "--out", "cat")
    assert "give a workbook FILE.xlsx or --csv DIR, not both" in imported.output
    (in_tmp / "afile").write_text("", encoding="utf-8")
    init = invoke("init", "afile")
    assert init.exit_code == 1
    assert "afile is a file: give a new or empty folder (nothing written)" in init.output


def test_build_for_an_address_below_a_path(
    catalogue: Catalogue, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Assert that --site-url (or $HANDBOOK_SITE_URL) makes the 404 page load its styles
    from the published path and the sitemap list full addresses; without it they are root
    based, as MkDocs makes them."""
    catalogue(GOOD)
    url = "https://example.org/handbook/"
    assert invoke("build", "cat", "--site", "site", "--site-url", url).exit_code == 0
    missing = (in_tmp / "site/404.html").read_text(encoding="utf-8")
    assert 'href="/handbook/assets/stylesheets/' in missing
    assert f"<loc>{url}roles/junior/</loc>" in (in_tmp / "site/sitemap.xml").read_text("utf-8")
    monkeypatch.setenv("HANDBOOK_SITE_URL", "https://example.org/other/")
    assert invoke("build", "cat", "--site", "site").exit_code == 0
    assert 'href="/other/assets/' in (in_tmp / "site/404.html").read_text(encoding="utf-8")
    monkeypatch.setenv("HANDBOOK_SITE_URL", "")  # a pipeline's empty variable: no address
    assert invoke("build", "cat", "--site", "site").exit_code == 0
    assert 'href="/assets/' in (in_tmp / "site/404.html").read_text(encoding="utf-8")


# --- help and schema -----------------------------------------------------------------------


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_shows_an_example(command: str | None) -> None:
    """Assert that `handbook --help` and each command's --help show an example."""
    result = invoke(*([command] if command else []), "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "handbook " in result.output.split("Example:")[1]


def test_schema_prints_every_schema() -> None:
    """Assert that `handbook schema` prints the JSON Schema of every file kind."""
    result = invoke("schema")
    assert result.exit_code == 0
    schemas = json.loads(result.output)
    assert sorted(schemas) == sorted(SCHEMA_FILES.values())
    role = schemas["role.schema.json"]
    assert role["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert role["required"] == ["title", "family", "competencies"]
    single = json.loads(invoke("schema", "path").output)
    assert single["title"] == "paths/<path>.yaml"


def test_schema_out_writes_files(in_tmp: Path) -> None:
    """Assert that `handbook schema --out DIR` writes one file per kind."""
    result = invoke("schema", "--out", "schemas")
    assert result.exit_code == 0
    for kind in SPECS:
        written = (in_tmp / "schemas" / SCHEMA_FILES[kind]).read_text(encoding="utf-8")
        assert written == json_schema_text(kind)


# --- the installed command -----------------------------------------------------------------


def run(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(HANDBOOK_BIN), *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


def test_installed_command_validates() -> None:
    """Assert that the installed `handbook` validates the default catalogue from the repo root."""
    result = run("validate")
    assert (result.returncode, result.stdout, result.stderr) == (0, "no problems found\n", "")


def test_installed_command_reports_errors(bad: Path, in_tmp: Path) -> None:
    """Assert that the installed command exits 1 with annotations and exit 2 on usage errors."""
    result = run("validate", "cat", "--format", "github", cwd=in_tmp)
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=cat/roles/junior.yaml,line=2,col=9::")
    assert "Traceback" not in result.stdout + result.stderr
    usage = run("validate", "--format", "xml", cwd=in_tmp)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_generation_in_one_process_writes_the_same_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Assert that generating without the forked second process (serve) misses no file."""
    from conftest import FIXTURES

    from generator.pipeline import generate
    from generator.write import forked

    one, two = tmp_path / "one", tmp_path / "two"
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    generate(FIXTURES / "small-de", one)
    monkeypatch.setattr(forked, "can_fork", lambda: forked.CAN_FORK)
    generate(FIXTURES / "small-de", two)

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.*")}

    assert files(one) == files(two)
    assert "docs/sheets/service-agent.md" in files(one)
    assert "docs/sheets/service/step-2.md" in files(one)
