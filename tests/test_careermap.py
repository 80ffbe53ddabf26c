"""careermap.py: the layered layout of a family's career map, its SVG and the family page."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES
from site_html import parse_fragment

from generator.model.handbook import Handbook, Terms
from generator.model.relations import Relations
from generator.pipeline import load_handbook
from generator.render import careermap
from generator.render.careermap import (
    ELLIPSIS,
    MAX_BOX,
    MAX_LINES,
    MIN_BOX,
    PAD_X,
    TARGET_WIDTH,
    Box,
    Layout,
    Station,
    crossings,
    layout,
    text_width,
    wrap,
)
from generator.render.familyview import career_map, roles_by_path
from generator.render.plan import render
from generator.render.words import strings

FORK = FIXTURES / "fork-en"
SHARED = ["engineer-1", "engineer-2", "senior-engineer"]
IC = [*SHARED, "staff-engineer", "principal-engineer"]
MANAGER = [*SHARED, "engineering-manager", "senior-engineering-manager"]
PHONE_COLUMN = 358  # CSS pixels of content on a 390 px wide phone
SVG_PAGE = re.compile(r"<svg.*?</svg>", re.DOTALL)


def stations(*ids: str) -> dict[str, Station]:
    return {i: Station(i, i.replace("-", " ").title()) for i in ids}


def draw(*paths: Sequence[str]) -> Layout:
    ids = dict.fromkeys(i for path in paths for i in path)
    return layout([list(p) for p in paths], stations(*ids))


def boxes(drawn: Layout) -> dict[str, Box]:
    return {box.id: box for box in drawn.boxes}


def centre(box: Box) -> float:
    return box.x + box.width / 2


def overlap(a: Box, b: Box) -> bool:
    return (
        a.x < b.x + b.width
        and b.x < a.x + a.width
        and a.y < b.y + b.height
        and b.y < a.y + a.height
    )


# -- layout --------------------------------------------------------------------------------------


def test_a_fork_puts_both_next_steps_in_one_layer() -> None:
    """Assert that two paths sharing a start fork into two boxes side by side in one layer."""
    placed = boxes(draw(IC, MANAGER))
    assert [placed[i].layer for i in SHARED] == [0, 1, 2]
    staff, manager = placed["staff-engineer"], placed["engineering-manager"]
    assert staff.layer == manager.layer == 3 and staff.y == manager.y
    assert not overlap(staff, manager)
    assert staff.x + staff.width <= manager.x or manager.x + manager.width <= staff.x
    left, right = sorted((centre(staff), centre(manager)))
    assert left < centre(placed["senior-engineer"]) < right  # the shared role sits above both


def test_shared_steps_are_one_arrow_each() -> None:
    """Assert that a step on several paths is drawn once and every other step once too."""
    drawn = draw(IC, MANAGER, IC)
    pairs = [(a.source, a.target) for a in drawn.arrows]
    assert len(pairs) == len(set(pairs)) == 6
    assert ("senior-engineer", "staff-engineer") in pairs
    assert ("senior-engineer", "engineering-manager") in pairs


def test_a_join_meets_below_both_paths() -> None:
    """Assert that paths of different lengths that end in one role meet below the longer."""
    placed = boxes(draw(["a", "b", "top"], ["x", "y", "z", "top"]))
    assert placed["top"].layer == 3  # the longest distance from a path start
    assert placed["a"].layer == placed["x"].layer == 0
    assert min(centre(placed["b"]), centre(placed["z"])) <= centre(placed["top"])
    assert centre(placed["top"]) <= max(centre(placed["b"]), centre(placed["z"]))


def test_an_arrow_over_several_layers_passes_beside_the_boxes() -> None:
    """Assert that an arrow spanning layers runs through a point clear of the boxes between."""
    drawn = draw(["a", "b", "c", "d"], ["a", "d"])
    placed = boxes(drawn)
    arrow = next(a for a in drawn.arrows if (a.source, a.target) == ("a", "d"))
    vertical = [float(x) for x in re.findall(r"L(-?[\d.]+) ", arrow.d)]
    assert vertical, arrow.d  # straight down through the layers of b and c
    for x in vertical:
        for middle in (placed["b"], placed["c"]):
            assert not middle.x <= x <= middle.x + middle.width, (x, middle)


def test_every_arrow_ends_at_its_target_box() -> None:
    """Assert that each arrow starts at its source's bottom and ends at its target's top."""
    drawn = draw(IC, MANAGER)
    placed = boxes(drawn)
    for arrow in drawn.arrows:
        numbers = [float(n) for n in re.findall(r"-?[\d.]+", arrow.d)]
        source, target = placed[arrow.source], placed[arrow.target]
        assert numbers[1] == source.y + source.height
        assert numbers[-1] == target.y
        assert source.x <= numbers[0] <= source.x + source.width
        assert target.x <= numbers[-2] <= target.x + target.width


def test_barycentre_order_removes_a_crossing() -> None:
    """Assert that the order within layers is changed where that removes a crossing."""
    # in order of appearance a, b, c above x, y: c -> x crosses b -> y
    assert crossings([["a", "b", "c"], ["x", "y"]], [("a", "x"), ("b", "y"), ("c", "x")]) == 1
    placed = boxes(draw(["a", "x"], ["b", "y"], ["c", "x"]))
    assert centre(placed["c"]) < centre(placed["b"])  # c moved next to a, above x


def test_a_cycle_between_paths_is_drawn_and_ends() -> None:
    """Assert that paths that lead back to an earlier role are laid out, every step drawn."""
    drawn = draw(["a", "b", "c"], ["c", "a"], ["b", "b", "a"])
    placed = boxes(drawn)
    assert [placed[i].layer for i in "abc"] == [0, 1, 2]
    pairs = {(a.source, a.target) for a in drawn.arrows}
    assert pairs == {("a", "b"), ("b", "c"), ("c", "a"), ("b", "a")}  # no arrow b -> b
    back = next(a for a in drawn.arrows if (a.source, a.target) == ("c", "a"))
    numbers = [float(n) for n in re.findall(r"-?[\d.]+", back.d)]
    assert numbers[1] == placed["c"].y and numbers[-1] == placed["a"].y + placed["a"].height


def test_layout_is_deterministic() -> None:
    """Assert that the same paths give the same drawing, whatever order the titles come in."""
    first = layout([IC, MANAGER], stations(*IC, *MANAGER))
    again = layout([IC, MANAGER], dict(reversed(stations(*IC, *MANAGER).items())))
    assert first == again


def test_a_long_ladder_does_not_exhaust_the_stack() -> None:
    """Assert that a path of thousands of steps is laid out (no recursion per step)."""
    steps = [f"r{i}" for i in range(3000)]
    assert boxes(draw(steps))["r2999"].layer == 2999


# -- boxes and their text ------------------------------------------------------------------------


def test_titles_wrap_inside_their_box() -> None:
    """Assert that every line of every box is narrower than the box, by the width estimate."""
    titles = {
        "a": "Senior Engineering Manager",
        "b": "Kundenbetreuungsleiterin für Schlüsselkunden",
        "c": "W" * 40,
        "d": "Short",
    }
    drawn = layout(
        [["a", "b"], ["a", "c"], ["a", "d"]], {k: Station(k, v) for k, v in titles.items()}
    )
    for box in drawn.boxes:
        assert box.lines, box
        for line in box.lines:
            assert text_width(line.text) <= box.width - 2 * PAD_X, (line.text, box.width)
            assert box.y < line.y < box.y + box.height


def test_a_long_word_breaks_with_a_hyphen_and_a_long_title_ends_in_an_ellipsis() -> None:
    """Assert that a word wider than a box is broken with "-" and a long title shortened."""
    lines = wrap("Kundenbetreuungsleiterin", 100)
    assert len(lines) > 1 and all(line.endswith("-") for line in lines[:-1])
    assert "".join(line.removesuffix("-") for line in lines) == "Kundenbetreuungsleiterin"
    box = boxes(layout([["a", "b"]], {"a": Station("a", "word " * 60), "b": Station("b", "B")}))
    assert len(box["a"].lines) == MAX_LINES and box["a"].lines[-1].text.endswith(ELLIPSIS)


def test_three_roles_side_by_side_stay_readable_on_a_phone() -> None:
    """Assert that a map with three roles in a layer is at most TARGET_WIDTH wide, so its
    text shows at 11 px or more in a phone's 358 px column."""
    drawn = draw(["a", "x"], ["a", "y"], ["a", "senior-principal-engineering-manager"])
    assert drawn.width <= TARGET_WIDTH
    assert careermap.FONT_SIZE * PHONE_COLUMN / drawn.width >= 11


def test_boxes_narrow_before_a_map_grows_wider_than_a_phone_allows() -> None:
    """Assert that a wide layer narrows the boxes down to MIN_BOX before the map grows."""
    three = draw(*(["a", f"senior-principal-engineering-manager-{i}"] for i in range(3)))
    assert three.width <= TARGET_WIDTH and MIN_BOX < three.boxes[0].width < MAX_BOX
    six = draw(*(["a", f"senior-principal-engineering-manager-{i}"] for i in range(6)))
    assert six.width > TARGET_WIDTH and {b.width for b in six.boxes} == {MIN_BOX}


def test_arrows_passing_beside_boxes_stay_inside_the_drawing() -> None:
    """Assert that a map with arrows over several layers fits TARGET_WIDTH, arrows inside."""
    drawn = draw(
        IC,
        MANAGER,
        ["senior-engineer", "solutions-architect", "principal-engineer", "distinguished"],
        ["engineering-manager", "staff-engineer"],
        ["engineer-2", "staff-engineer"],
    )
    assert drawn.width <= TARGET_WIDTH
    for arrow in drawn.arrows:
        numbers = [float(n) for n in re.findall(r"-?[\d.]+", arrow.d)]
        assert all(0 <= x <= drawn.width for x in numbers[::2]), arrow
        assert all(0 <= y <= drawn.height for y in numbers[1::2]), arrow


def test_a_note_follows_the_title_in_italics() -> None:
    """Assert that a station's note (another family) is its box's last lines, marked."""
    drawn = layout([["a", "b"]], {"a": Station("a", "Alpha", "(Other)"), "b": Station("b", "B")})
    lines = boxes(drawn)["a"].lines
    assert [(line.text, line.note) for line in lines] == [("Alpha", False), ("(Other)", True)]


# -- the family page ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fork() -> Handbook:
    return load_handbook(FORK)


def test_the_map_links_every_role_of_the_familys_paths(fork: Handbook) -> None:
    """Assert that the map has a box per role on the family's paths, each linked to its page
    by its final URL, with roles of another family marked and named with that family."""
    family = fork.family("engineering")
    paths = Relations(fork).paths_by_family["engineering"]
    drawn = career_map(fork, paths, family, strings("en", Terms()))
    assert drawn.title == "Career map: Engineering" and not drawn.wide
    by_id = {role.box.id: role for role in drawn.roles}
    assert list(by_id) == list(dict.fromkeys(MANAGER + IC))
    for role_id, role in by_id.items():
        assert role.href == f"../../roles/{role_id}/"
    manager = by_id["engineering-manager"]
    assert manager.other_family and manager.label == "Engineering Manager (Engineering Management)"
    assert not by_id["staff-engineer"].other_family
    assert by_id["staff-engineer"].label == "Staff Engineer"


def test_dashed_boxes_are_explained_only_where_the_map_has_some(
    catalogue: Callable[[dict[str, Any]], Path], fork: Handbook
) -> None:
    """Assert that the map's hint explains dashed boxes only on a map that has them."""
    dashed = strings("en", Terms())["map_hint_other"].replace(".", "&#46;")
    page = render(load_handbook(catalogue(_catalogue())))["families/eng/index.md"]
    assert "<svg" in page and dashed not in page
    assert dashed in render(fork)["families/engineering/index.md"]


def test_a_family_without_paths_has_no_map(catalogue: Callable[[dict[str, Any]], Path]) -> None:
    """Assert that a family without paths has no map and its roles by rank, as before."""
    files = render(load_handbook(catalogue(_catalogue(paths={}))))
    page = files["families/eng/index.md"]
    assert "<svg" not in page and "## Roles by seniority { #roles }" in page
    assert page.index("[B Role]") < page.index("[A Role]")  # rank 1 before rank 2
    assert page.rstrip().endswith(strings("en", Terms())["no_paths"].replace(".", "&#46;"))


def test_roles_are_grouped_under_the_first_path_they_are_on(fork: Handbook) -> None:
    """Assert that a role on several paths is listed under the first, the rest after."""
    relations = Relations(fork)
    roles = relations.roles_by_family["engineering"]
    paths = relations.paths_by_family["engineering"]
    groups = [(p.id if p else None, [r.id for r in rs]) for p, rs in roles_by_path(roles, paths)]
    assert groups == [
        ("engineering-management", SHARED),  # the first path in catalogue order
        ("individual-contributor", ["staff-engineer", "principal-engineer"]),
    ]
    manager_only = roles_by_path(roles, paths[:1])
    assert [[r.id for r in rs] for _, rs in manager_only] == [SHARED, IC[3:]]
    assert manager_only[-1][0] is None  # on no path given: last
    assert roles_by_path(roles, ()) == [(None, roles)]


def test_roles_of_a_later_track_keep_their_step_numbers(fork: Handbook) -> None:
    """Assert that the roles listed under the second track are numbered by their step on
    it (4 and 5 after three shared steps), not from 1 again."""
    page = render(fork)["families/engineering/index.md"]
    track = page[page.index("### Individual") :]
    numbered = re.findall(r'<li value="(\d+)" markdown="span">\*\*\[([^\]]+)\]', track)
    assert numbered == [("4", "Staff Engineer"), ("5", "Principal Engineer")]


def test_roles_on_no_path_come_last_under_other_roles(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that the family page lists path roles by path, then "Other roles"."""
    page = render(load_handbook(catalogue(_catalogue())))["families/eng/index.md"]
    headings = re.findall(r"^#+ .*$", page, re.MULTILINE)
    assert headings[1:] == [
        "## Career map { #map }",
        "## Career paths { #paths }",
        "## Roles by career path { #roles }",
        "### Ladder { #roles-ladder }",
        "### Other roles { #other-roles }",
    ]
    assert page.index("[A Role]") < page.index("[B Role]") < page.index("[C Role]")


def test_hostile_titles_in_the_map_stay_text(catalogue: Callable[[dict[str, Any]], Path]) -> None:
    """Assert that titles with markup, quotes and entities show in the SVG as written."""
    hostile = '<script>alert("x")</script> & "q" \'s\' &amp; {{ 7*7 }}'
    files = _catalogue()
    files["roles/a.yaml"]["title"] = hostile
    files["handbook.yaml"]["families"][0]["name"] = "Fam </title><svg onload=alert(1)>"
    page = render(load_handbook(catalogue(files)))["families/eng/index.md"]
    svg = SVG_PAGE.search(page)
    assert svg is not None
    parsed = parse_fragment(svg.group(0))
    tags = {e.tag for e in parsed.elements}
    assert tags <= {"svg", "title", "defs", "marker", "path", "a", "rect", "text"}, tags
    for element in parsed.elements:
        assert not any(name.startswith("on") for name in element.attrs), element
    shown = " ".join(e.text for e in parsed.find("text"))
    assert "<script>alert(" in shown and "&amp;" in shown
    labels = [e.attrs["aria-label"] for e in parsed.find("a")]
    assert hostile in labels
    assert parsed.find("title")[0].text == "Career map: Fam </title><svg onload=alert(1)>"


def _catalogue(paths: dict[str, Any] | None = None) -> dict[str, Any]:
    """A family "eng" with roles A, B (on a path) and C (on none)."""
    role = {"family": "eng", "summary": "Does things.", "competencies": {"skill": 2}}
    files: dict[str, Any] = {
        "handbook.yaml": {
            "title": "T",
            "language": "en",
            "scale": {1: "low", 2: "mid", 3: "high"},
            "families": [{"id": "eng", "name": "Engineering"}],
        },
        "competencies/craft.yaml": {
            "name": "Craft",
            "competencies": [
                {"id": "skill", "name": "Skill", "summary": "s", "indicators": ["does it"]}
            ],
        },
        "roles/a.yaml": {**role, "title": "A Role", "rank": 2},
        "roles/b.yaml": {**role, "title": "B Role", "rank": 1},
        "roles/c.yaml": {**role, "title": "C Role", "rank": 3},
    }
    if paths is None:
        paths = {"paths/ladder.yaml": {"title": "Ladder", "steps": ["a", "b"]}}
    return {**files, **paths}
