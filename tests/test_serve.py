"""`handbook serve`: a live preview that regenerates when a catalogue file changes."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import FIXTURES

# Each test runs a live preview: part of `make test`, not of `make test-fast`.
pytestmark = pytest.mark.slow

HANDBOOK = [sys.executable, "-m", "generator.cli"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _fetch(url)
        if body is not None and needle in body:
            return True
        time.sleep(0.3)
    return False


@contextmanager
def _serving_small_de(tmp_path: Path) -> Iterator[tuple[Path, int, Path]]:
    """A preview of a copy of small-de: the catalogue's root, the port, the server's log."""
    root = tmp_path / "cat"
    shutil.copytree(FIXTURES / "small-de", root)
    port, log = _free_port(), tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [*HANDBOOK, "serve", str(root), "--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield root, port, log
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("options", [[], ["--dirty"]], ids=["full", "dirty"])
def test_serve_regenerates_after_a_catalogue_edit(tmp_path: Path, options: list[str]) -> None:
    """Assert that editing a role file changes the served role page without a restart."""
    root = tmp_path / "cat"
    shutil.copytree(FIXTURES / "small-de", root)
    port = _free_port()
    server = subprocess.Popen(
        [*HANDBOOK, "serve", str(root), "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/roles/service-agent/"
        assert _wait_for(url, "Service Agent", 60), "serve did not come up"
        role = root / "roles" / "service-agent.yaml"
        text = role.read_text(encoding="utf-8").replace(
            "title: Service Agent", "title: Kundenlotse"
        )
        role.write_text(text, encoding="utf-8")
        assert _wait_for(url, "Kundenlotse", 60), "the page did not change after the edit"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_keeps_the_last_good_page_while_an_edit_is_broken(tmp_path: Path) -> None:
    """Assert that a broken edit is reported with its location, in the console and on top of
    the old page, which stays served; the fix removes the errors from the page."""
    with _serving_small_de(tmp_path) as (root, port, log):
        url = f"http://127.0.0.1:{port}/roles/service-agent/"
        assert _wait_for(url, "Service Agent", 60), "serve did not come up"
        role = root / "roles" / "service-agent.yaml"
        good = role.read_text(encoding="utf-8")
        role.write_text("title: [\n", encoding="utf-8")
        deadline = time.monotonic() + 60
        while "invalid YAML" not in log.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the broken edit was not reported"
            time.sleep(0.3)
        messages = log.read_text(encoding="utf-8")
        assert "service-agent.yaml:2:1: invalid YAML" in messages
        assert "Traceback" not in messages
        page = _fetch(url) or ""
        assert "Service Agent" in page
        # the browser says it too: the errors on top of the last good page
        banner = page[page.index('<div class="ch-preview-errors"') :]
        banner = banner[: banner.index("</div>")]
        assert "The catalogue has errors" in banner
        assert "service-agent.yaml:2:1: invalid YAML" in banner
        role.write_text(good.replace("title: Service Agent", "title: Kundenlotse"), "utf-8")
        assert _wait_for(url, "Kundenlotse", 60), "the fixed edit did not show"
        assert "ch-preview-errors" not in (_fetch(url) or "")


def test_serve_shows_new_warnings_after_an_edit(tmp_path: Path) -> None:
    """Assert that a warning an edit brings (which `validate --strict` in CI would reject)
    is logged with its location and code once, and the edit is served."""
    with _serving_small_de(tmp_path) as (root, port, log):
        assert _wait_for(f"http://127.0.0.1:{port}/", "</html>", 60), "serve did not come up"
        assert "warning:" not in log.read_text(encoding="utf-8")
        lone = (root / "roles" / "service-agent.yaml").read_text(encoding="utf-8")
        (root / "roles" / "aushilfe.yaml").write_text(
            lone.replace("title: Service Agent", "title: Aushilfe"), encoding="utf-8"
        )
        url = f"http://127.0.0.1:{port}/roles/aushilfe/"
        assert _wait_for(url, "Aushilfe", 60), "the new role was not served"
        messages = log.read_text(encoding="utf-8")
        warning = "aushilfe.yaml:1:1: warning: role 'aushilfe' is on no career path"
        assert warning in messages and "[role-not-on-path]" in messages
        assert "0 errors, 1 warning (warnings fail only with --strict)" in messages
        assert messages.count(warning) == 1


def test_serve_of_a_broken_catalogue_shows_its_errors_until_they_are_fixed(
    tmp_path: Path,
) -> None:
    """Assert that serve starts on a catalogue with errors (it refused to), shows them with
    their location in the console and on the page at the site's address, and shows the
    handbook as soon as the file is fixed."""
    root = tmp_path / "cat"
    shutil.copytree(FIXTURES / "small-de", root)
    role = root / "roles" / "service-agent.yaml"
    good = role.read_text(encoding="utf-8")
    role.write_text("title: [\n", encoding="utf-8")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [*HANDBOOK, "serve", str(root), "--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            home = f"http://127.0.0.1:{port}/"
            assert _wait_for(home, "ch-preview-errors", 60), "serve did not come up"
            page = _fetch(home) or ""
            assert "roles/service-agent.yaml:2:1: invalid YAML" in page
            assert "roles/service-agent.yaml:2:1: invalid YAML" in log.read_text("utf-8")
            role.write_text(good, encoding="utf-8")
            assert _wait_for(home, "Kompetenzen im Kundenservice", 60), "the fix did not show"
            assert "ch-preview-errors" not in (_fetch(home) or "")
            assert "Traceback" not in log.read_text(encoding="utf-8")
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_stopped_serve_removes_its_temporary_folder(tmp_path: Path, stop: signal.Signals) -> None:
    """Assert that serve stopped by SIGTERM or SIGINT exits cleanly and leaves no
    handbook-serve-* folder behind."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    port = _free_port()
    server = subprocess.Popen(
        [*HANDBOOK, "serve", str(FIXTURES / "small-de"), "--port", str(port)],
        env={**os.environ, "TMPDIR": str(temporary)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/roles/service-agent/"
        assert _wait_for(url, "Service Agent", 60), "serve did not come up"
        assert [p.name[:14] for p in temporary.iterdir()] == ["handbook-serve"]
        server.send_signal(stop)
        _, errors = server.communicate(timeout=20)
    finally:
        server.kill()
    assert server.returncode == 0, errors
    assert "Traceback" not in errors
    assert list(temporary.iterdir()) == []


def test_busy_port_says_which_and_how_to_choose_another(tmp_path: Path) -> None:
    """Assert that a port in use gives a clear message with a --port hint, exit 1, no traceback,
    before anything is built."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [*HANDBOOK, "serve", str(FIXTURES / "small-de"), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"error: port {port} is already in use (another preview?): "
        f"choose another one with --port {port + 1}"
    )


def test_error_banner_escapes_the_messages_and_sits_first_in_the_body() -> None:
    """Assert that the preview's error banner shows messages as text (they quote catalogue
    text) right after the page's <body> tag, and that without errors the page is unchanged."""
    from generator.commands.serve import ErrorBanner

    page = b'<html><head></head><body class="x"><p>page</p></body></html>'
    assert ErrorBanner().put_on(page) == page
    shown = ErrorBanner(("x.yaml:1:1: unknown field '<b>x</b>'",)).put_on(page).decode()
    assert shown.startswith('<html><head></head><body class="x"><div class="ch-preview-errors"')
    assert "unknown field &#x27;&lt;b&gt;x&lt;/b&gt;&#x27;" in shown
    assert "<b>x</b>" not in shown and shown.endswith("<p>page</p></body></html>")
