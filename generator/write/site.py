"""Write: a built site put in place of the previous one, never over anything else.

MkDocs empties its ``site_dir`` before it builds, whatever the folder holds. ``handbook
build --site`` must not be a way to lose a catalogue, a repository or a folder of notes,
and a build that fails must leave the previous site as it was: the site is built beside
its folder and swapped in when complete, and only a new folder, an empty one or a site
built before is replaced.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import OutputError
from .folders import clear_leftovers, remove_tree, staging_for, swap_in

# What every MkDocs build writes at the top of its site (Material's and MkDocs' themes).
_SITE_MARKS = ("index.html", "sitemap.xml")


def replace_site(
    site: Path,
    build: Callable[[Path], None],
    *,
    keep: Iterable[Path] = (),
    not_inside: Iterable[Path] = (),
) -> None:
    """Run ``build`` into a folder beside ``site``, then put that folder in its place.

    ``keep`` are folders the site must neither be nor hold (the catalogue, the tree);
    ``not_inside`` folders it must not be in (a catalogue's folders of files it reads).
    Raises ``OutputError`` before building when ``site`` may not be replaced.
    """
    site = Path(os.path.realpath(site))  # a link to the site folder: work on its target
    check_site_folder(site, keep, not_inside)
    staging = staging_for(site)
    clear_leftovers(site)  # of a run that was killed
    try:
        build(staging)
    except BaseException:
        remove_tree(staging)
        raise
    swap_in(staging, site)


def check_site_folder(
    site: Path, keep: Iterable[Path] = (), not_inside: Iterable[Path] = ()
) -> None:
    """Raise ``OutputError`` unless ``site`` is new, empty or a site built before, neither
    is nor holds any of ``keep``, and lies in none of ``not_inside``."""
    real = Path(os.path.realpath(site))
    for folder in not_inside:
        if Path(os.path.realpath(folder)) in real.parents:
            raise OutputError(
                f"cannot build the site into {site}: it is inside {folder}, whose files "
                "the catalogue is read from; choose a folder outside it"
            )
    for folder in keep:
        kept = Path(os.path.realpath(folder))
        if real == kept or real in kept.parents:
            raise OutputError(
                f"cannot build the site into {site}: that would delete {folder}; "
                "choose another folder"
            )
    if not real.exists():
        return
    if not real.is_dir():
        raise OutputError(f"{site} exists and is not a folder")
    if any(real.iterdir()) and not all((real / mark).is_file() for mark in _SITE_MARKS):
        raise OutputError(
            f"cannot build the site into {site}: it is not empty and holds no site built "
            "before; choose an empty or new folder"
        )
