"""Command ``handbook serve``: a live preview, regenerated whenever a catalogue file changes.

The catalogue is generated into a temporary tree (``write`` rewrites only changed files and
keeps the others' timestamps) and MkDocs builds that tree into a temporary site, served by
MkDocs' own live-reload server. With ``dirty`` MkDocs rebuilds only the pages whose Markdown
changed: much faster on a large catalogue, but the navigation of other pages and the search
index are those of the last full build (MkDocs' ``serve --dirty`` has the same limits).
While an edit leaves the catalogue with errors, the last good pages stay served with the
errors on top of each (``ErrorBanner``), so the browser says what the console says; a
catalogue with errors from the start gets a page of its own that shows them until the first
good build replaces it.
"""

from __future__ import annotations

import errno
import html
import logging
import re
import socket
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..check.report import summary
from ..errors import CatalogueError, HandbookError
from ..pipeline import build_site, generate

log = logging.getLogger("mkdocs.handbook")


class PortInUseError(HandbookError):
    """Another program (often another preview) listens on the port."""

    def __init__(self, *, port: int) -> None:
        super().__init__(
            f"port {port} is already in use (another preview?): "
            f"choose another one with --port {port + 1}"
        )
        self.port = port


@dataclass
class ErrorBanner:
    """The catalogue's errors while an edit is broken, shown on top of every served page."""

    problems: tuple[str, ...] = ()

    def put_on(self, page: bytes) -> bytes:
        """``page`` with the errors right after its ``<body>`` tag (none: as it is)."""
        if not self.problems:
            return page
        lines = "".join(f"<li>{html.escape(line)}</li>" for line in self.problems)
        banner = (
            '<div class="ch-preview-errors" role="alert"><p><strong>'
            f"{html.escape(BROKEN)}</strong></p><ul>{lines}</ul></div>"
        ).encode()
        body = re.search(rb"<body\b[^>]*>", page)
        at = body.end() if body else 0
        return page[:at] + banner + page[at:]


BROKEN = "The catalogue has errors: the preview shows the last good version."
# Served until the first good build: MkDocs' server adds its reload script and the banner.
WAITING = """<!doctype html>
<html><head><meta charset="utf-8"><title>handbook serve</title><style>
.ch-preview-errors { padding: 0.6rem 1rem; color: #fff; background: #b00020;
  font: 0.8rem/1.45 ui-monospace, monospace; }
</style></head><body><p>The handbook appears here once its catalogue has no errors.</p>
</body></html>
"""


def rebuilder(
    root: Path,
    tree: Path,
    site: Path,
    *,
    url: str,
    dirty: bool,
    changes_since: str | None = None,
    banner: ErrorBanner | None = None,
) -> Callable[[], None]:
    """A function that regenerates ``tree`` from ``root`` and builds it into ``site``.

    Catalogue errors are logged with their locations and the last good site stays served.
    Warnings are logged when they differ from the last build's, so that what ``validate
    --strict`` in CI would reject shows while editing, without repeating on every save.
    """
    shown: list[tuple[str, ...]] = [()]
    banner = banner or ErrorBanner()

    def rebuild() -> None:
        try:  # the writer forks no second process here: the server runs threads
            generated = generate(root, tree, display_root=str(root), changes_since=changes_since)
        except CatalogueError as error:
            for problem in error.problems:
                log.error(str(problem))
            log.error(BROKEN)
            banner.problems = tuple(map(str, error.problems))
            _wait_for_first_build(site)
            return
        except HandbookError as error:
            log.error(str(error))
            banner.problems = (str(error),)
            return
        banner.problems = ()
        warnings = generated.validation.warnings
        if tuple(map(str, warnings)) != shown[0]:
            shown[0] = tuple(map(str, warnings))
            for line in shown[0]:
                log.warning(line)
            log.info(summary(warnings, strict=False, accepted=len(generated.validation.accepted)))
        build_site(tree, site, serve_url=url, dirty=dirty)

    return rebuild


def serve(root: Path, *, port: int, dirty: bool, changes_since: str | None = None) -> None:
    """Build once, then serve on http://127.0.0.1:PORT/ and rebuild on every catalogue edit."""
    from mkdocs.livereload import LiveReloadServer

    _check_port(port)
    _show_mkdocs_log()
    url = f"http://127.0.0.1:{port}/"
    # SIGTERM stops it like Ctrl-C (cli.py), so the temporary folder is removed
    with tempfile.TemporaryDirectory(prefix="handbook-serve-") as temporary:
        tree, site = Path(temporary) / "tree", Path(temporary) / "site"
        banner = ErrorBanner()
        first = rebuilder(
            root, tree, site, url=url, dirty=False, changes_since=changes_since, banner=banner
        )
        first()
        rebuild = rebuilder(
            root, tree, site, url=url, dirty=dirty, changes_since=changes_since, banner=banner
        )

        class PreviewServer(LiveReloadServer):
            # MkDocs adds its reload script to every HTML page it serves: the banner too
            def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
                page = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
                return banner.put_on(page)

        server = PreviewServer(builder=rebuild, host="127.0.0.1", port=port, root=str(site))
        server.error_handler = lambda code: _error_page(site, code)
        server.watch(str(root))
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            log.info("Shutting down...")
        except OSError as error:  # taken between _check_port and now
            if error.errno != errno.EADDRINUSE:
                raise
            raise PortInUseError(port=port) from None
        finally:
            server.shutdown()


def _check_port(port: int) -> None:
    """Fail before the first build if the port is taken (the server binds only later)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            raise PortInUseError(port=port) from None


def _show_mkdocs_log() -> None:
    """MkDocs' progress lines (building, serving on, reloading) as ``mkdocs serve`` shows them."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs = logging.getLogger("mkdocs")
    mkdocs.addHandler(handler)
    mkdocs.setLevel(logging.INFO)


def _wait_for_first_build(site: Path) -> None:
    """Before any good build, a page at the site's address that the banner goes on."""
    if not (site / "index.html").exists():
        site.mkdir(parents=True, exist_ok=True)
        (site / "index.html").write_text(WAITING, encoding="utf-8")


def _error_page(site: Path, code: int) -> bytes | None:
    page = site / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
