"""Command ``handbook sheets --pdf``: the blank self-assessment sheets of many roles in one PDF.

The site is built into a temporary folder and served on 127.0.0.1; a print document (a cover
list of roles, then each role's sheet, rendered from the same templates as the site's sheets
and styled by the site's ``assets/sheet.css``) is printed by headless Chromium through
Playwright. Each role starts on a new page with its own footer, "Seite n von m" counting
that role's pages (CSS named pages with a page counter per role); the PDF gets bookmarks
from the headings (Chromium's document outline). Page counts per role come from a first
pass that prints each role alone, so the cover can list where each role starts.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import BrowserNotFoundError, HandbookError
from ..model.handbook import Family, Handbook, Role
from ..model.relations import Relations
from ..pipeline import build_site, plan, write_tree
from ..render.environment import environment
from ..render.sheets import RoleSheet, css_string, has_sheet, header_words, role_sheet
from ..render.words import Words

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]
PRINT_TEMPLATE = "sheet_print.html.j2"
DOCUMENT = "handbook-sheets-print.html"
DOCUMENT_STYLE = "handbook-sheets-print.css"
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


class PrintError(HandbookError):
    """Printing the sheets failed (Playwright missing, Chromium would not start)."""


class UnknownRoleError(HandbookError):
    """A role asked for with ``--role`` is not in the catalogue."""


@dataclass(frozen=True)
class PrintedRole:
    role: Role
    family: Family
    number: int  # 1-based position in the document, names its CSS page
    sheet: RoleSheet
    pages: int = 0
    first_page: int = 0


@dataclass(frozen=True)
class PrintReport:
    roles: tuple[PrintedRole, ...]
    pages: int


INSTALL_CHROMIUM = (
    "install one (Debian/Ubuntu: `apt-get install chromium`) or set HANDBOOK_CHROMIUM "
    "to the path of a Chromium or Chrome executable"
)


def find_chromium() -> str:
    """$HANDBOOK_CHROMIUM, else a system Chromium; ``BrowserNotFoundError`` says how to get one."""
    configured = os.environ.get("HANDBOOK_CHROMIUM")
    if configured:
        if not Path(configured).is_file():
            raise BrowserNotFoundError(
                f"HANDBOOK_CHROMIUM={configured} does not exist: {INSTALL_CHROMIUM}"
            )
        return configured
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise BrowserNotFoundError(
            f"no Chromium found to print the sheets with: {INSTALL_CHROMIUM}"
        )
    return found


def _playwright() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PrintError(
            "printing sheets needs Playwright: `pip install playwright` (it drives the "
            "system Chromium; no browser download needed)"
        ) from None
    return sync_playwright


def select_roles(handbook: Handbook, relations: Relations, ids: Sequence[str]) -> tuple[Role, ...]:
    """The roles to print, in handbook order: all with a sheet, or those named in ``ids``."""
    known = {role.id for role in handbook.roles if has_sheet(role)}
    unknown = sorted(set(ids) - known)
    if unknown:
        raise UnknownRoleError(
            f"unknown role(s): {', '.join(unknown)} (known: {', '.join(sorted(known))})"
        )
    wanted = set(ids) or known
    return tuple(role for role in relations.roles_in_order if role.id in wanted)


def page_count(pdf: bytes) -> int:
    """Pages of a PDF as Chromium writes it (one uncompressed ``/Type /Page`` per page)."""
    return len(_PAGE_OBJECT.findall(pdf))


def page_styles(handbook: Handbook, roles: Sequence[PrintedRole]) -> str:
    """CSS named pages: each role its own footer and page counter; the cover its title."""
    words = Words(handbook)
    t = words.t
    rules = [
        f":root {{ {header_words(handbook)} }}",
        ".ch-sheet-cover { page: ch-cover; }",
        "@page ch-cover {",
        f"  @bottom-left {{ content: {css_string(words.footer(handbook.title))}; }}",
        "  @bottom-right { content: none; }",
        "  @top-left { content: none; }",
        "  @top-right { content: none; }",
        "}",
    ]
    for entry in roles:
        name = f"ch-role-{entry.number}"
        total = str(entry.pages) if entry.pages else "?"
        of = f" {t['sheet_of']} {total}"
        rules += [
            f".ch-sheet-print-role-{entry.number} {{ page: {name}; }}",
            f"@page {name} {{",
            f"  counter-increment: {name};",
            f"  @bottom-left {{ content: {css_string(words.footer(entry.role.title))}; }}",
            f"  @bottom-right {{ content: {css_string(t['sheet_page'] + ' ')} counter({name})"
            f" {css_string(of)}; }}",
            "}",
        ]
    return "\n".join(rules) + "\n"


class _Printer:
    """Writes print documents into a served site folder and prints them with one browser."""

    def __init__(self, handbook: Handbook, site: Path, page: Any, base_url: str) -> None:
        self.handbook = handbook
        self.site = site
        self.page = page
        self.base_url = base_url
        self.template = environment(handbook).get_template(PRINT_TEMPLATE)

    def pdf(self, roles: Sequence[PrintedRole], cover: Sequence[PrintedRole] | None) -> bytes:
        html = self.template.render(
            handbook=self.handbook,
            edition=Words(self.handbook).edition,
            cover=cover,
            sheets=roles,
            stylesheet="assets/sheet.css",
            page_stylesheet=DOCUMENT_STYLE,
        )
        (self.site / DOCUMENT).write_text(html, encoding="utf-8")
        (self.site / DOCUMENT_STYLE).write_text(page_styles(self.handbook, roles), encoding="utf-8")
        self.page.goto(self.base_url + DOCUMENT, wait_until="load")
        result: bytes = self.page.pdf(
            prefer_css_page_size=True, print_background=True, outline=True, tagged=True
        )
        return result


@contextmanager
def _served(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def _browser_page(base_url: str) -> Iterator[Any]:
    """A headless Chromium page that may load nothing but the local site."""
    executable = find_chromium()
    sync_playwright = _playwright()
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as error:  # Playwright raises its own Error for any launch failure
            raise PrintError(f"Chromium ({executable}) did not start: {error}") from error
        try:
            page = browser.new_page()
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith(base_url) else route.abort()
                ),
            )
            yield page
        finally:
            browser.close()


def _layout(printer: _Printer, roles: Sequence[PrintedRole]) -> tuple[PrintedRole, ...]:
    """First pass: print the cover and each role alone to learn where each role starts."""
    first = page_count(printer.pdf((), roles)) + 1
    placed = []
    for entry in roles:
        pages = page_count(printer.pdf((entry,), None))
        placed.append(replace(entry, pages=pages, first_page=first))
        first += pages
    return tuple(placed)


def print_sheets(
    root: Path, out: Path, role_ids: Sequence[str] = (), *, display_root: str | None = None
) -> PrintReport:
    """Write one PDF with a cover list and the blank sheet of each selected role."""
    render_plan = plan(root, display_root=display_root)
    handbook, relations = render_plan.handbook, render_plan.relations
    roles = tuple(
        PrintedRole(
            role, handbook.family(role.family_id), number, role_sheet(handbook, relations, role)
        )
        for number, role in enumerate(select_roles(handbook, relations, role_ids), start=1)
    )
    find_chromium()  # fail before the build when there is nothing to print with
    _playwright()
    with tempfile.TemporaryDirectory(prefix="handbook-sheets-") as temporary:
        tree, site = Path(temporary) / "tree", Path(temporary) / "site"
        write_tree(render_plan, tree)
        build_site(tree, site)
        with _served(site) as base_url, _browser_page(base_url) as page:
            printer = _Printer(handbook, site, page, base_url)
            placed = _layout(printer, roles)
            pdf = printer.pdf(placed, placed)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.write_bytes(pdf)
    partial.replace(out)
    return PrintReport(placed, page_count(pdf))
