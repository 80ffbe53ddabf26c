"""Load: a catalogue folder as it was in an earlier git revision, for comparisons.

``handbook diff --since REV`` and the change page compare with such an edition.
``git archive`` writes the catalogue folder as of REV into a temporary folder, so neither the
work tree nor the index is touched.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import HandbookError


class EditionError(HandbookError):
    """An earlier edition cannot be read (not a git repository, unknown revision, no such path)."""


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False)
    except FileNotFoundError as error:
        raise EditionError("git is not installed: --since needs git") from error


def _location(root: Path) -> tuple[Path, str]:
    """The top of the git work tree holding ``root``, and ``root`` relative to it."""
    if not root.is_dir():
        raise EditionError(f"{root} is not a folder")
    found = _git(root, "rev-parse", "--show-toplevel", "--show-prefix")
    lines = found.stdout.decode("utf-8").splitlines()
    if found.returncode != 0 or not lines:
        raise EditionError(f"{root} is not inside a git work tree: --since needs one")
    inside = lines[1].rstrip("/") if len(lines) > 1 else ""
    return Path(lines[0]), inside


def _commit(top: Path, revision: str) -> str:
    found = _git(
        top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
    )
    if found.returncode != 0:
        raise EditionError(f"unknown git revision {revision!r}")
    return found.stdout.decode("ascii").strip()


@contextmanager
def edition_at(revision: str, root: Path) -> Iterator[tuple[Path, str]]:
    """The catalogue ``root`` as of git ``revision``, written to a temporary folder.

    Yields the folder and the name to show in messages (``REV:path/in/repo``). ``root`` must
    be a folder inside a git work tree; the same path, relative to the top of the work tree,
    is read from ``revision``.
    """
    top, inside = _location(root)
    tree = f"{_commit(top, revision)}:{inside}"
    kind = _git(top, "cat-file", "-t", tree)
    if kind.stdout.strip() != b"tree":
        raise EditionError(f"there is no folder {inside or '.'} in git revision {revision!r}")
    archive = _git(top, "archive", "--format=tar", tree)
    if archive.returncode != 0:
        raise EditionError(archive.stderr.decode("utf-8", "replace").strip())
    with tempfile.TemporaryDirectory(prefix="handbook-edition-") as temporary:
        try:
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(temporary, filter="data")
        except tarfile.TarError as error:
            raise EditionError(f"cannot unpack {revision!r}: {error}") from error
        yield Path(temporary), f"{revision}:{inside or '.'}"
