"""Write: make a folder hold exactly the generated files, swapped in atomically.

The new tree is assembled beside the output folder (unchanged files hard-linked, changed
files written) and then swapped in with one atomic exchange, so a generation that is killed
midway leaves the previous output or the new one, complete, never a mix. A manifest records
which files are ours: files someone else put there are carried over untouched, our stale
files disappear, and a run that changes nothing writes nothing.

Files are not fsync'ed: a killed process loses nothing the kernel has accepted, and the tree
can always be generated again; syncing every file made a full rewrite many times slower.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from ..errors import OutputError
from .folders import clear_leftovers, remove_tree, staging_for, swap_in
from .forked import Forked
from .names import is_inside

MANIFEST = ".handbook-manifest.json"


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


Files = Mapping[str, bytes] | Iterable[tuple[str, bytes]]
Staged = tuple[dict[str, str], tuple[str, ...]]  # name -> digest of every file, names written


def write(files: Files, out: Path, *, alongside: Sequence[Files] = ()) -> WriteReport:
    """Make ``out`` hold exactly ``files`` (plus any files that are not ours).

    ``files`` may be a generator of (name, data) pairs: each file is compared and, if it
    changed, written into the staging tree as it comes, so only one is held in memory. Each
    source in ``alongside`` (more such generators) is staged at the same time by a forked
    process where that is safe, else here after ``files``. Any error, in the files or while
    producing them, leaves ``out`` as it was.
    """
    out = Path(os.path.realpath(out))  # a link to the output folder: work on its target
    old = _manifest(out)
    staging = staging_for(out)
    clear_leftovers(out)  # of a run that was killed
    workers: list[Forked[Staged]] = []
    try:
        workers = [Forked(partial(_stage_changes, s, out, old, staging)) for s in alongside]
        staged = [_stage_changes(files, out, old, staging)]
        staged += [worker.result() for worker in workers]
        digests, written = _merge(staged)
        removed = tuple(sorted(n for n in old if n not in digests))
        if out.exists() and not written and not removed and set(old) == set(digests):
            return WriteReport((), (), len(digests))
        staging.mkdir(parents=True, exist_ok=True)
        _carry_over(out, staging, skip={MANIFEST, *written, *removed})
        _remove_emptied_folders(staging, removed)
        manifest = json.dumps(digests, indent=1, sort_keys=True).encode()
        _write_file(staging / MANIFEST, manifest)
    except BaseException:
        for worker in workers:
            worker.cancel()
        remove_tree(staging)
        raise
    swap_in(staging, out)
    return WriteReport(written, removed, len(digests) - len(written))


def _merge(parts: list[Staged]) -> Staged:
    digests: dict[str, str] = {}
    written: list[str] = []
    for part_digests, part_written in parts:
        twice = part_digests.keys() & digests.keys()
        if twice:
            raise OutputError(f"{min(twice)!r} was generated twice")
        digests.update(part_digests)
        written += part_written
    return digests, tuple(sorted(written))


def _stage_changes(files: Files, out: Path, old: dict[str, str], staging: Path) -> Staged:
    """Write each file that differs from ``out`` into ``staging``; name -> digest, written.

    Called for thousands of files: paths are plain strings and each file costs one
    ``lstat`` of its old copy (``pathlib`` objects and three checks per file took about
    0.2 s of a first generation at 1,000 roles).
    """
    digests: dict[str, str] = {}
    written: list[str] = []
    present, staged = f"{out}{os.sep}", f"{staging}{os.sep}"
    for name, data in files.items() if isinstance(files, Mapping) else files:
        _check_path(name)
        digests[name] = hashlib.sha256(data).hexdigest()
        existing = _kind_of(present + name)
        if existing == "file" and _holds(present + name, data):
            continue
        if existing is not None and name not in old:
            raise OutputError(
                f"refusing to overwrite {out / name}: 'handbook generate' did not write it"
            )
        _write_file(staged + name, data)
        written.append(name)
    return digests, tuple(sorted(written))


def _kind_of(path: str) -> str | None:
    """None if nothing is at ``path`` (or it cannot be looked at), "file" for a regular
    file, else "other"."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    return "file" if stat.S_ISREG(mode) else "other"


def _holds(path: str, data: bytes) -> bool:
    """Whether the regular file ``path`` holds exactly ``data``."""
    try:
        with open(path, "rb") as stream:
            return os.fstat(stream.fileno()).st_size == len(data) and stream.read() == data
    except OSError:
        return False


def _check_path(name: str) -> None:
    if not is_inside(name):
        raise OutputError(f"refusing to write outside the output folder: {name!r}")
    if name.split("/", 1)[0] == MANIFEST:
        raise OutputError(f"{name!r} is the name of the output folder's manifest")


def _manifest(out: Path) -> dict[str, str]:
    if not out.exists():
        return {}
    if not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder")
    manifest = out / MANIFEST
    if not manifest.is_file():
        if any(out.iterdir()):
            raise OutputError(
                f"{out} is not empty and was not made by 'handbook generate': "
                "choose an empty or new folder"
            )
        return {}
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise OutputError(f"cannot read {manifest}: {error}") from error
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if is_inside(str(k))}


def _carry_over(out: Path, staging: Path, skip: set[str]) -> None:
    """Hard-link every existing file into the new tree, except the ones named in ``skip``."""
    if not out.exists():
        return
    for folder, dirs, names in os.walk(out):
        relative = Path(folder).relative_to(out)
        (staging / relative).mkdir(parents=True, exist_ok=True)
        linked_dirs = [d for d in dirs if (Path(folder) / d).is_symlink()]  # not walked into
        for name in [*names, *linked_dirs]:
            if (relative / name).as_posix() not in skip:
                _link(Path(folder) / name, staging / relative / name)


def _link(source: Path, target: Path) -> None:
    """Hard-link ``source`` (a link stays a link); copy where hard links are not supported."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def _remove_emptied_folders(staging: Path, removed: tuple[str, ...]) -> None:
    """Remove folders that only held files of ours that are gone now."""
    folders = {parent for name in removed for parent in PurePosixPath(name).parents}
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        path = staging / folder
        if folder.parts and path.is_dir() and not path.is_symlink() and not any(path.iterdir()):
            path.rmdir()


def _write_file(path: str | Path, data: bytes) -> None:
    try:
        stream = open(path, "wb")  # noqa: SIM115 - closed below, after the folder is made
    except FileNotFoundError:  # the first file of its folder: make the folder, once
        os.makedirs(os.path.dirname(path), exist_ok=True)
        stream = open(path, "wb")  # noqa: SIM115
    with stream:
        stream.write(data)
