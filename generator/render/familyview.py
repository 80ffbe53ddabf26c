"""Render: the family page: its career map, its paths step by step, its roles grouped by path.

The map (laid out by ``careermap.py``) is raw HTML that MkDocs does not rewrite, so its links
are final site URLs (``urls.url_href``); the paths below it say the same in linked text and
describe it for screen readers. A family without paths lists its roles by rank, as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..model.handbook import CareerPath, Family, Handbook, Role
from . import urls
from .careermap import FONT_SIZE, TARGET_WIDTH, Arrow, Box, Station, layout
from .urls import Link, PageLinks
from .views import Views


@dataclass(frozen=True)
class RoleEntry:
    role: Link
    summary: str | None
    step: int | None = None  # its step on the group's path, which the list numbers it by


@dataclass(frozen=True)
class RoleGroup:
    """A family's roles under a heading: a path's title, "Other roles", or none (by rank)."""

    title: str | None
    anchor: Markup | None
    roles: tuple[RoleEntry, ...]


@dataclass(frozen=True)
class StepEntry:
    role: Link
    other_family: str | None  # "(Management)" for a role of another family


@dataclass(frozen=True)
class PathEntry:
    """A path in words: its link, then a link to each step's role."""

    path: Link
    steps: tuple[StepEntry, ...]


@dataclass(frozen=True)
class MapRole:
    """A box of the map as a link: where it goes and what a screen reader calls it."""

    box: Box
    href: Markup  # a final URL (raw HTML)
    label: str  # the title, with another family's name
    other_family: bool


@dataclass(frozen=True)
class CareerMap:
    title: str  # the map's accessible name, "Career map: Engineering"
    hint: str  # how to read it (dashed boxes explained only where there are some)
    width: int
    height: int
    wide: bool  # too wide to shrink into a phone's column: it scrolls there, at full size
    font_size: int
    roles: tuple[MapRole, ...]
    arrows: tuple[Arrow, ...]


@dataclass(frozen=True)
class FamilyView:
    family: Family
    map: CareerMap | None  # None: the family has no path
    paths: tuple[PathEntry, ...]
    roles_title: str
    groups: tuple[RoleGroup, ...]
    matrix: Link | None  # the family's matrix page, when it has roles


def family_view(views: Views, family: Family) -> FamilyView:
    """The career map and its paths, then the roles grouped by path (by rank without)."""
    handbook, t = views.handbook, views.t
    links = PageLinks(urls.family_page(family.id))
    roles = views.relations.roles_by_family[family.id]
    paths = views.relations.paths_by_family[family.id]
    return FamilyView(
        family=family,
        map=career_map(handbook, paths, family, t) if paths else None,
        paths=tuple(
            PathEntry(
                links.path(path),
                tuple(
                    StepEntry(links.role(role), other_family(handbook, role, family, t))
                    for role in (handbook.role(s.role_id) for s in path.steps)
                ),
            )
            for path in paths
        ),
        roles_title=t["roles_by_path" if paths else "family_roles"],
        groups=_role_groups(roles, paths, links, t),
        matrix=links.to(urls.family_matrix_page(family.id), t["family_matrix"]) if roles else None,
    )


def career_map(
    handbook: Handbook, paths: Sequence[CareerPath], family: Family, t: Mapping[str, str]
) -> CareerMap:
    """The map of ``paths``, each role a link from the family page to its own."""
    page = urls.family_page(family.id)
    stations: dict[str, Station] = {}
    for role in (handbook.role(s.role_id) for path in paths for s in path.steps):
        stations[role.id] = Station(role.id, role.title, other_family(handbook, role, family, t))
    drawn = layout([[s.role_id for s in path.steps] for path in paths], stations)
    others = any(station.note for station in stations.values())
    return CareerMap(
        title=t["map_title"].format(family=family.name),
        hint=f"{t['map_hint']} {t['map_hint_other']}" if others else t["map_hint"],
        width=drawn.width,
        height=drawn.height,
        wide=drawn.width > TARGET_WIDTH,
        font_size=FONT_SIZE,
        roles=tuple(
            MapRole(
                box,
                urls.url_href(page, urls.role_page(box.id)),
                " ".join(filter(None, (stations[box.id].title, stations[box.id].note))),
                other_family=stations[box.id].note is not None,
            )
            for box in drawn.boxes
        ),
        arrows=drawn.arrows,
    )


def other_family(
    handbook: Handbook, role: Role, family: Family, t: Mapping[str, str]
) -> str | None:
    """ "(Management)" for a role of another family than ``family``; None for its own."""
    if role.family_id == family.id:
        return None
    return t["map_other_family"].format(family=handbook.family(role.family_id).name)


def _role_groups(
    roles: Sequence[Role], paths: Sequence[CareerPath], links: PageLinks, t: Mapping[str, str]
) -> tuple[RoleGroup, ...]:
    """Under each path the roles first listed there, then "Other roles"; without paths one
    group without a heading."""
    groups = []
    for path, members in roles_by_path(roles, paths):
        steps = [s.role_id for s in path.steps] if path else []
        entries = tuple(
            RoleEntry(links.role(r), r.summary, steps.index(r.id) + 1 if path else None)
            for r in members
        )
        if not paths:
            groups.append(RoleGroup(None, None, entries))
        elif path is None:
            groups.append(RoleGroup(t["other_roles"], urls.OTHER_ROLES, entries))
        else:
            groups.append(RoleGroup(path.title, urls.roles_on_path_anchor(path.id), entries))
    return tuple(groups)


def roles_by_path(
    roles: Sequence[Role], paths: Sequence[CareerPath]
) -> list[tuple[CareerPath | None, tuple[Role, ...]]]:
    """A family's ``roles`` grouped by the ``paths`` they are on, in path order: a role on
    several paths under the first, the roles on no path last (under None). A path whose
    roles are all listed before has no group; without paths, one group of all roles."""
    ours = {role.id: role for role in roles}
    listed: set[str] = set()
    groups: list[tuple[CareerPath | None, tuple[Role, ...]]] = []
    for path in paths:
        new = [s.role_id for s in path.steps if s.role_id in ours and s.role_id not in listed]
        members = tuple(ours[role_id] for role_id in dict.fromkeys(new))
        listed.update(new)
        if members:
            groups.append((path, members))
    rest = tuple(role for role in roles if role.id not in listed)
    if rest:
        groups.append((None, rest))
    return groups
