"""The ``handbook`` command: argument parsing only; the work happens in ``pipeline.py`` and
``commands/``.

Exit codes: 0 fine, 1 catalogue or output errors, 2 usage errors. No traceback for bad input.
"""

from __future__ import annotations

import json
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import pipeline
from .check import schema
from .check.report import FORMATS, format_problems
from .check.validate import Validation
from .errors import CatalogueError, HandbookError

if TYPE_CHECKING:
    from .commands.spreadsheet import FilesReport

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_ROOT = "catalogues"


def default_root() -> str:
    """./catalogues, or the folder itself where it holds handbook.yaml (a shell standing in
    the catalogue); a usage error naming both where neither is found."""
    if Path(DEFAULT_ROOT).is_dir():
        return DEFAULT_ROOT
    if any(Path(f"handbook{suffix}").is_file() for suffix in (".yaml", ".yml")):
        return "."
    raise click.UsageError(
        f"no folder '{DEFAULT_ROOT}' and no handbook.yaml here: run this in the folder that "
        f"holds {DEFAULT_ROOT}/ (or in the catalogue), or name the catalogue folder, e.g. "
        f"'handbook validate path/to/{DEFAULT_ROOT}'"
    )


def _root_or_default(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    return default_root() if value is None else value


root_argument = click.argument(
    "root",
    required=False,
    callback=_root_or_default,
    type=click.Path(exists=True, file_okay=False, path_type=str),
)


changes_since_option = click.option(
    "--changes-since",
    "changes_since",
    metavar="DIR|GIT_REV",
    default=None,
    help="Add a 'what changed' page against this earlier edition (a catalogue folder or a "
    "git revision of ROOT).",
)


def _fail_cleanly(command: F) -> F:
    """Turn the project's errors into a message on stderr and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except CatalogueError as error:
            click.echo(format_problems(error.problems, "text", strict=True), err=True)
            sys.exit(1)
        except (HandbookError, OSError) as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _one_of(first: object, second: object, first_name: str, second_name: str) -> None:
    """A usage error unless exactly one of two exclusive arguments is given."""
    if first is None and second is None:
        raise click.UsageError(f"give {first_name} or {second_name}")
    if first is not None and second is not None:
        raise click.UsageError(f"give {first_name} or {second_name}, not both")


def _warn(validation: Validation) -> None:
    """The catalogue's warnings on stderr, as ``validate`` shows them (nothing when none)."""
    if validation.problems or validation.accepted:
        text = format_problems(
            validation.problems, "text", strict=False, accepted=validation.accepted
        )
        click.echo(text, err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="competency-handbook")
def main() -> None:
    """Build a competency handbook from a folder of YAML catalogue files.

    ROOT is a catalogue folder (handbook.yaml, competencies/, roles/, paths/);
    it defaults to ./catalogues, or to . where handbook.yaml is.

    \b
    Example:
      handbook validate catalogues
      handbook build catalogues --site site
    """
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)


def _stop(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (a cancelled CI job, `kill`) stops a command as Ctrl-C does, so that what it
    cleans up on the way out (a half-built site, a temporary tree) is cleaned up: by
    default SIGTERM ends the process on the spot."""
    raise KeyboardInterrupt


@main.command()
@root_argument
@click.option("--strict", is_flag=True, help="Treat quality warnings as errors.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people, json for tools, github/gitlab for CI annotations.",
)
def validate(root: str, strict: bool, fmt: str) -> None:
    """Check a catalogue and report every problem with file, line and column.

    \b
    Example:
      handbook validate catalogues --strict
      handbook validate --format github   # annotations in a GitHub pull request
    """
    result = pipeline.check(Path(root), root)
    click.echo(format_problems(result.problems, fmt, strict=strict, accepted=result.accepted))
    failing = result.errors or (strict and result.warnings)
    sys.exit(1 if failing else 0)


@main.command()
@root_argument
@click.option(
    "--out", "out", required=True, type=click.Path(path_type=Path), help="Folder to write."
)
@click.option("--strict", is_flag=True, help="Refuse to generate while there are warnings.")
@changes_since_option
@_fail_cleanly
def generate(root: str, out: Path, strict: bool, changes_since: str | None) -> None:
    """Write the handbook's Markdown tree (with its own mkdocs.yml) into OUT.

    Only changed files are rewritten; the tree is swapped in whole, so a failed or
    interrupted run leaves the previous output as it was.

    \b
    Example:
      handbook generate catalogues --out build/handbook
      mkdocs build -f build/handbook/mkdocs.yml
    """
    generated = pipeline.generate(
        Path(root), out, display_root=root, strict=strict, changes_since=changes_since
    )
    _warn(generated.validation)
    report = generated.report
    click.echo(
        f"{out}: {len(report.written)} written, {report.unchanged} unchanged, "
        f"{len(report.removed)} removed"
    )


@main.command("build")
@root_argument
@click.option(
    "--site",
    "site",
    default="site",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Where the HTML site goes: a new or empty folder, or a site built before "
    "(replaced only once the new one is complete).",
)
@click.option(
    "--out",
    "out",
    default=None,
    type=click.Path(path_type=Path),
    help="Where the Markdown tree goes (default: a temporary folder).",
)
@click.option(
    "--site-url",
    "site_url",
    default=None,
    envvar="HANDBOOK_SITE_URL",
    metavar="URL",
    help="The address the site is published at, e.g. https://example.github.io/handbook/ "
    "(or $HANDBOOK_SITE_URL): the page for an unknown address and the sitemap need it "
    "when the site is served below a path.",
)
@changes_since_option
@_fail_cleanly
def build_command(
    root: str, site: Path, out: Path | None, site_url: str | None, changes_since: str | None
) -> None:
    """Generate the handbook, then build the HTML site strictly into SITE.

    \b
    Example:
      handbook build catalogues --site site
    """
    pipeline.check_site(site, Path(root), tree=out)
    with tempfile.TemporaryDirectory(prefix="handbook-") as temporary:
        tree = out or Path(temporary) / "tree"
        generated = pipeline.generate(
            Path(root), tree, display_root=root, changes_since=changes_since
        )
        _warn(generated.validation)
        pipeline.publish_site(tree, site, Path(root), site_url=site_url or None)
    click.echo(f"site written to {site}")


@main.command()
@root_argument
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--dirty",
    is_flag=True,
    help="After an edit rebuild only the changed pages: much faster for large catalogues, "
    "but other pages' navigation and the search index stay as they were.",
)
@changes_since_option
@_fail_cleanly
def serve(root: str, port: int, dirty: bool, changes_since: str | None) -> None:
    """Preview the handbook on http://127.0.0.1:PORT/; edits to ROOT reload the page.

    \b
    Example:
      handbook serve catalogues --port 8000
      handbook serve catalogues --dirty
    """
    from .commands.serve import serve as serve_preview

    serve_preview(Path(root), port=port, dirty=dirty, changes_since=changes_since)


@main.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--language",
    type=click.Choice(("de", "en")),
    default="de",
    show_default=True,
    help="Language of the example catalogue and the README.",
)
@_fail_cleanly
def init_command(folder: Path, language: str) -> None:
    """Create a content repository for a handbook in FOLDER (new or empty).

    It holds an example catalogue in catalogues/, a README for HR, GitHub and GitLab
    pipelines and a pre-commit hook that install this version of the tool, editor settings
    and the JSON Schemas. In FOLDER, `handbook validate` and `handbook build` need no
    arguments.

    \b
    Example:
      handbook init hr-handbook --language en
      cd hr-handbook && handbook serve
    """
    from .commands.init import init

    written = init(folder, language=language)
    called = Path(sys.argv[0])  # the handbook script, unless run as python -m generator.cli
    on_path = shutil.which("handbook") is not None or called.name != "handbook"
    handbook = "handbook" if on_path else str(called.absolute())
    click.echo(f"{folder}: {len(written)} files written; next: cd {folder} && {handbook} serve")


@main.command("schema")
@click.argument("kind", required=False, type=click.Choice(sorted(schema.SPECS)))
@click.option(
    "--out",
    "out",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Write each kind's schema into this folder: "
    + ", ".join(
        name if name.startswith(f"{kind}.") else f"{name} (KIND {kind})"
        for kind, name in schema.SCHEMA_FILES.items()
    )
    + ".",
)
@_fail_cleanly
def schema_command(kind: str | None, out: Path | None) -> None:
    """Print the JSON Schema of each catalogue file kind (for editors such as VS Code).

    \b
    Example:
      handbook schema role
      handbook schema --out schemas
    """
    kinds = [kind] if kind else list(schema.SPECS)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for name in kinds:
            (out / schema.SCHEMA_FILES[name]).write_text(
                schema.json_schema_text(name), encoding="utf-8"
            )
        click.echo(f"wrote {len(kinds)} schema file(s) to {out}")
        return
    documents = {schema.SCHEMA_FILES[name]: schema.json_schema(name) for name in kinds}
    click.echo(
        json.dumps(
            documents if len(kinds) > 1 else documents[schema.SCHEMA_FILES[kinds[0]]],
            indent=2,
            ensure_ascii=False,
        )
    )


@main.command("diff")
@click.argument(
    "roots",
    nargs=-1,
    metavar="[OLD_ROOT NEW_ROOT | ROOT]",
    type=click.Path(file_okay=False, path_type=str),
)
@click.option(
    "--since",
    "since",
    metavar="GIT_REV",
    default=None,
    help="Compare ROOT (default ./catalogues) with ROOT as of this git revision.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "md")),
    default="text",
    show_default=True,
    help="text for a terminal, md for merge requests and pages.",
)
@_fail_cleanly
def diff_command(roots: tuple[str, ...], since: str | None, fmt: str) -> None:
    """Report what changed between two editions: roles, targets, competencies, paths.

    Exits 0 whether or not anything changed; 1 if an edition has catalogue errors.

    \b
    Example:
      handbook diff old-edition catalogues
      handbook diff --since origin/main catalogues --format md
    """
    from .commands import editions
    from .load.edition import EditionError

    if since is None and len(roots) != 2:
        raise click.UsageError("give OLD_ROOT and NEW_ROOT, or --since GIT_REV [ROOT]")
    if since is not None and len(roots) > 1:
        raise click.UsageError("--since compares one ROOT with its own history")
    if since is None:
        click.echo(editions.between(roots[0], roots[1], fmt), nl=False)
        return
    try:
        click.echo(editions.since(since, roots[0] if roots else default_root(), fmt), nl=False)
    except EditionError as error:
        raise click.BadParameter(str(error), param_hint="--since") from error


@main.command("export")
@root_argument
@click.option(
    "--xlsx",
    "workbook",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The workbook to write (.xlsx).",
)
@click.option(
    "--csv",
    "csv_folder",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one CSV file per sheet into this folder instead.",
)
@_fail_cleanly
def export_command(root: str, workbook: Path | None, csv_folder: Path | None) -> None:
    """Write the whole catalogue as a workbook to edit in Excel or LibreOffice.

    One sheet per kind (settings, scale, families, competencies, roles, the targets as a
    role x competency matrix, expectations, paths, steps, accepted warnings, terms), with
    drop-downs for ids and levels, and a "Read me" sheet first. `handbook import` turns it
    back into the catalogue's files.

    \b
    Example:
      handbook export catalogues --xlsx katalog.xlsx
      handbook export catalogues --csv katalog-csv
    """
    from .commands.spreadsheet import export

    _one_of(workbook, csv_folder, "--xlsx FILE.xlsx", "--csv DIR")
    done = export(Path(root), workbook=workbook, csv_folder=csv_folder, display_root=root)
    _report(workbook or csv_folder, done.report)


@main.command("import")
@click.argument(
    "source", required=False, type=click.Path(exists=True, dir_okay=False, path_type=str)
)
@click.option(
    "--csv",
    "csv_folder",
    default=None,
    type=click.Path(exists=True, file_okay=False, path_type=str),
    help="Read a folder of CSV files (one per sheet) instead of a workbook.",
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=str),
    help="The catalogue folder to write (new, or an existing catalogue to update).",
)
@_fail_cleanly
def import_command(source: str | None, csv_folder: str | None, out: str) -> None:
    """Turn a workbook (from `handbook export`, edited) into a catalogue folder.

    Every mistake is reported with its sheet and cell, and nothing is written while there
    is one. Into an existing catalogue only files whose content changed are rewritten; its
    own pages and other files stay.

    \b
    Example:
      handbook import katalog.xlsx --out catalogues
      handbook import --csv katalog-csv --out catalogues
    """
    from .commands.spreadsheet import import_catalogue

    _one_of(source, csv_folder, "a workbook FILE.xlsx", "--csv DIR")
    given = source or csv_folder
    assert given is not None
    done = import_catalogue(
        Path(given), Path(out), csv=csv_folder is not None, shown=given, out_shown=out
    )
    _warn(done.validation)
    _report(Path(out), done.report)


def _report(where: Path | None, report: FilesReport) -> None:
    """``DIR: 3 written, 12 unchanged, 1 removed``."""
    removed = f", {len(report.removed)} removed" if report.removed else ""
    click.echo(f"{where}: {len(report.written)} written, {report.unchanged} unchanged{removed}")


@main.command("sheets")
@root_argument
@click.option(
    "--pdf",
    "pdf",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The PDF file to write.",
)
@click.option(
    "--role",
    "roles",
    multiple=True,
    metavar="ID",
    help="Print only this role (repeatable); default: every role.",
)
@_fail_cleanly
def sheets_command(root: str, pdf: Path, roles: tuple[str, ...]) -> None:
    """Print the blank self-assessment sheets of every role (or some) into one PDF.

    A cover lists the roles with their first page; each role starts on a new page with its
    own footer (role, edition, page n of m) and a bookmark. Needs a Chromium (Debian:
    `apt-get install chromium`, or HANDBOOK_CHROMIUM=/path) and `pip install playwright`.

    \b
    Example:
      handbook sheets catalogues --pdf sheets.pdf
      handbook sheets --pdf kam.pdf --role key-account-manager
    """
    from .commands.pdf import UnknownRoleError, print_sheets

    try:
        report = print_sheets(Path(root), pdf, roles, display_root=root)
    except UnknownRoleError as error:
        raise click.BadParameter(str(error), param_hint="--role") from None
    click.echo(f"{pdf}: {len(report.roles)} role(s), {report.pages} pages")


if __name__ == "__main__":
    main()
