"""Render: a family's career map, laid out at build time as boxes and arrows for an inline SVG.

Every step of every path is an arrow from one role to the next; paths that share a role meet
there, so forks and joins show. The layout is a small layered drawing (after Sugiyama et
al.): back edges of cycles are turned round, each role's layer is its longest distance from
a path start, edges that span layers pass through invisible points, a barycentre pass
reduces crossings, and each layer is centred under its parents. Sizes come from the titles,
wrapped by an estimate of their width, so no text leaves its box. Pure functions over ids
and texts: the family page (``familyview.py``) makes the boxes links.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from statistics import fmean

from markupsafe import Markup

# Geometry in SVG user units, which are CSS pixels when the map is shown at full size. On a
# narrower screen the map scales down; TARGET_WIDTH keeps text of FONT_SIZE at 11 px or more
# on a 390 px phone (about 358 px of content) for maps of up to three roles side by side.
FONT_SIZE = 14
LINE_HEIGHT = 18
BASELINE = 13  # from the top of a line to its baseline
PAD_X, PAD_Y = 8, 7  # inside a box
GAP_X, GAP_Y = 14, 40  # between boxes of a layer; between layers (room for the arrows)
MARGIN = 4  # around the drawing: room for outlines and the focus ring
TARGET_WIDTH = 440
MIN_BOX, MAX_BOX = 104, 190
MAX_LINES = 4  # a longer title ends in "…" (the link's name says it in full)
PORT_GAP = 14  # between arrows leaving or entering one box
SWEEPS = 4  # barycentre passes down and up
ELLIPSIS = "…"


@dataclass(frozen=True)
class Station:
    """A role as the map shows it: its id, its title, and a note (another family's name)."""

    id: str
    title: str
    note: str | None = None


@dataclass(frozen=True)
class TextLine:
    x: int  # the line's centre
    y: int  # its baseline
    text: str
    note: bool  # part of the note, not of the title


@dataclass(frozen=True)
class Box:
    id: str
    layer: int
    x: int  # top left
    y: int
    width: int
    height: int
    lines: tuple[TextLine, ...]


@dataclass(frozen=True)
class Arrow:
    """One step from ``source`` to ``target``: SVG path data ending at the target's box."""

    source: str
    target: str
    d: Markup


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    boxes: tuple[Box, ...]  # in order of first appearance on the paths
    arrows: tuple[Arrow, ...]  # in order of first appearance on the paths


Edge = tuple[str, str]


def layout(paths: Sequence[Sequence[str]], stations: Mapping[str, Station]) -> Layout:
    """The map of ``paths`` (each a sequence of station ids, lowest first)."""
    nodes, steps = graph(paths)
    turned = acyclic(nodes, steps, [path[0] for path in paths if path])
    edges = list(dict.fromkeys(turned.values()))
    layer = layers(nodes, edges)
    chains, rows = split_long_edges(nodes, edges, layer)
    rows = order(rows, chains)
    width, centres = fit(rows, chains, box_width(stations, rows))
    texts = {n: wrap_station(stations[n], width - 2 * PAD_X) for n in nodes}
    tops, bands = place_y(rows, {n: box_height(texts[n]) for n in nodes})
    boxes = {n: _box(n, layer[n], centres[n], tops, bands, width, texts[n]) for n in nodes}
    routes = route(chains, centres, tops, bands, boxes)
    arrows = tuple(_arrow(step, turned[step], routes) for step in steps)
    right = max(
        _right(centres, {n: width for n in nodes}), *(b.x + b.width for b in boxes.values())
    )
    height = sum(bands) + GAP_Y * (len(bands) - 1) + 2 * MARGIN
    return Layout(math.ceil(right) + MARGIN, height, tuple(boxes[n] for n in nodes), arrows)


# -- the graph -----------------------------------------------------------------------------


def graph(paths: Sequence[Sequence[str]]) -> tuple[list[str], list[Edge]]:
    """Stations and steps in order of first appearance; a step shared by paths once."""
    nodes = list(dict.fromkeys(station for path in paths for station in path))
    steps = [(a, b) for path in paths for a, b in zip(path, path[1:], strict=False) if a != b]
    return nodes, list(dict.fromkeys(steps))


def acyclic(nodes: Sequence[str], steps: Sequence[Edge], starts: Sequence[str]) -> dict[Edge, Edge]:
    """Each step -> the edge the layout uses: the step itself, or turned round where it
    closes a cycle (a back edge of a depth-first search from the path starts, in order)."""
    successors: dict[str, list[str]] = defaultdict(list)
    for a, b in steps:
        successors[a].append(b)
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    back: set[Edge] = set()
    for root in [*starts, *nodes]:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(successors[root]))]
        while stack:
            node, following = stack[-1]
            child = next(following, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(successors[child])))
    return {step: (step[1], step[0]) if step in back else step for step in steps}


def layers(nodes: Sequence[str], edges: Sequence[Edge]) -> dict[str, int]:
    """Node -> its longest distance from a node without predecessors (edges are acyclic)."""
    predecessors: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        predecessors[b].append(a)
    layer: dict[str, int] = {}

    def depth(node: str) -> int:  # iterative: a long ladder must not exhaust the stack
        stack = [node]
        while stack:
            top = stack[-1]
            waiting = [p for p in predecessors[top] if p not in layer]
            if waiting:
                stack.extend(waiting)
                continue
            stack.pop()
            layer[top] = max((layer[p] + 1 for p in predecessors[top]), default=0)
        return layer[node]

    for node in nodes:
        depth(node)
    return layer


def split_long_edges(
    nodes: Sequence[str], edges: Sequence[Edge], layer: Mapping[str, int]
) -> tuple[dict[Edge, list[str]], list[list[str]]]:
    """Each edge -> its chain of vertices, with a point in every layer it passes; and the
    vertices of each layer (stations in order of appearance, each point after its source)."""
    # a point's name starts with "~", which no id does (``fit`` tells boxes from points so)
    rows: list[list[str]] = [[] for _ in range(max(layer.values(), default=-1) + 1)]
    for node in nodes:
        rows[layer[node]].append(node)
    chains = {}
    for a, b in edges:
        points = [f"~{a}~{b}~{i}" for i in range(layer[a] + 1, layer[b])]
        for i, point in enumerate(points):
            rows[layer[a] + 1 + i].append(point)
        chains[(a, b)] = [a, *points, b]
    return chains, rows


# -- order within layers ---------------------------------------------------------------------


def order(rows: list[list[str]], chains: Mapping[Edge, list[str]]) -> list[list[str]]:
    """The layers reordered by barycentre sweeps; the order with the fewest crossings wins
    (the first such, so a map without crossings keeps the order of appearance)."""
    links = [(c[i], c[i + 1]) for c in chains.values() for i in range(len(c) - 1)]
    above: dict[str, list[str]] = defaultdict(list)
    below: dict[str, list[str]] = defaultdict(list)
    for a, b in links:
        below[a].append(b)
        above[b].append(a)
    best, fewest = [list(r) for r in rows], crossings(rows, links)
    current = [list(r) for r in rows]
    for _ in range(SWEEPS):
        for i in range(1, len(current)):
            current[i] = _by_barycentre(current[i], current[i - 1], above)
        for i in range(len(current) - 2, -1, -1):
            current[i] = _by_barycentre(current[i], current[i + 1], below)
        count = crossings(current, links)
        if count < fewest:
            best, fewest = [list(r) for r in current], count
    return best


def _by_barycentre(
    row: list[str], other: list[str], neighbours: Mapping[str, list[str]]
) -> list[str]:
    position = {v: i for i, v in enumerate(other)}

    def key(index: int) -> float:
        near = [position[n] for n in neighbours.get(row[index], ()) if n in position]
        return fmean(near) if near else index * len(other) / max(len(row), 1)

    return [row[i] for i in sorted(range(len(row)), key=key)]


def crossings(rows: Sequence[Sequence[str]], links: Sequence[Edge]) -> int:
    """How many pairs of links between neighbouring layers cross."""
    position = {v: (i, p) for i, row in enumerate(rows) for p, v in enumerate(row)}
    by_layer: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for upper, lower in links:
        by_layer[position[upper][0]].append((position[upper][1], position[lower][1]))
    count = 0
    for pairs in by_layer.values():
        for i, (a, b) in enumerate(pairs):
            count += sum(1 for c, d in pairs[i + 1 :] if (a - c) * (b - d) < 0)
    return count


# -- sizes -------------------------------------------------------------------------------------


def text_width(text: str) -> float:
    """An estimate of a text's width in user units at FONT_SIZE, on the wide side (measured
    against DejaVu Sans, wider than most system fonts), so a wrapped line fits its box."""
    return FONT_SIZE * sum(map(_char_width, text))


@lru_cache(maxsize=4096)  # called for every character of every title on every map
def _char_width(char: str) -> float:
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    base = unicodedata.normalize("NFD", char)[:1] or char
    if base in "ijl.,:;'|!I`":
        return 0.32
    if base in ' frt()[]-"/':
        return 0.43
    if base in "mwMW%@":
        return 1.0
    if base.isupper() or base in "&#<>=+~_?":
        return 0.8
    return 0.64


def wrap(text: str, width: float) -> list[str]:
    """``text`` in lines no wider than ``width``: at spaces, long words broken with "-"."""
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined) <= width:
            lines[-1] = joined
        else:
            lines.extend(_pieces(word, width))
    return lines


def _pieces(word: str, width: float) -> list[str]:
    """A word in pieces that fit ``width``, each but the last ending in a hyphen."""
    pieces, piece = [], ""
    for char in word:
        if piece and text_width(f"{piece}{char}-") > width:
            pieces.append(f"{piece}-")
            piece = ""
        piece += char
    return [*pieces, piece]


def shorten(lines: list[str], width: float) -> list[str]:
    """At most MAX_LINES lines; a cut ends in "…"."""
    if len(lines) <= MAX_LINES:
        return lines
    last = lines[MAX_LINES - 1]
    while last and text_width(f"{last}{ELLIPSIS}") > width:
        last = last[:-1]
    return [*lines[: MAX_LINES - 1], f"{last.rstrip(' -')}{ELLIPSIS}"]


def wrap_station(station: Station, width: float) -> tuple[tuple[str, bool], ...]:
    """The lines of a box: the title's, then the note's (True), each shortened."""
    title = shorten(wrap(station.title, width), width)
    note = shorten(wrap(station.note, width), width) if station.note else []
    return (*((line, False) for line in title), *((line, True) for line in note))


def box_width(stations: Mapping[str, Station], rows: Sequence[Sequence[str]]) -> int:
    """One width for every box: the longest title on one line, but no wider than the widest
    layer allows within TARGET_WIDTH (then titles wrap), and within MIN_BOX and MAX_BOX."""
    widest = max((sum(1 for v in row if v in stations) for row in rows), default=1)
    room = (TARGET_WIDTH - 2 * MARGIN - (widest - 1) * GAP_X) / max(widest, 1)
    texts = [t for s in stations.values() for t in (s.title, s.note) if t]
    wanted = max((text_width(t) for t in texts), default=0) + 2 * PAD_X
    return max(MIN_BOX, min(math.floor(room), MAX_BOX, math.ceil(wanted)))


def box_height(lines: Sequence[object]) -> int:
    return 2 * PAD_Y + LINE_HEIGHT * max(len(lines), 1)


# -- coordinates ---------------------------------------------------------------------------------


def place_x(
    rows: Sequence[Sequence[str]], chains: Mapping[Edge, list[str]], widths: Mapping[str, int]
) -> dict[str, float]:
    """Vertex -> the x of its centre: the first layer centred on 0, every later vertex as
    near the mean of its parents as the order and the gaps allow."""
    parents: dict[str, list[str]] = defaultdict(list)
    for chain in chains.values():
        for a, b in zip(chain, chain[1:], strict=False):
            parents[b].append(a)
    centre: dict[str, float] = {}
    for row in rows:
        wanted = [fmean(centre[p] for p in parents[v]) if parents[v] else 0.0 for v in row]
        gaps = [
            (widths.get(a, 0) + widths.get(b, 0)) / 2 + GAP_X
            for a, b in zip(row, row[1:], strict=False)
        ]
        centre.update(zip(row, _spread(wanted, gaps), strict=True))
    left = min((centre[v] - widths.get(v, 0) / 2 for v in centre), default=0)
    return {v: x - left + MARGIN for v, x in centre.items()}


def fit(
    rows: Sequence[Sequence[str]], chains: Mapping[Edge, list[str]], width: int
) -> tuple[int, dict[str, float]]:
    """The box width and the centres: narrower boxes (down to MIN_BOX) while the drawing,
    arrows passing beside boxes included, is wider than TARGET_WIDTH."""
    stations = {v for row in rows for v in row if not v.startswith("~")}
    while True:
        centres = place_x(rows, chains, dict.fromkeys(stations, width))
        span = _right(centres, dict.fromkeys(stations, width)) + MARGIN
        if span <= TARGET_WIDTH or width <= MIN_BOX:
            return width, centres
        width = max(MIN_BOX, math.floor(width * TARGET_WIDTH / span))


def _right(centres: Mapping[str, float], widths: Mapping[str, int]) -> float:
    """The right end of the drawing's widest vertex (box or passing arrow)."""
    return max((x + widths.get(v, 0) / 2 for v, x in centres.items()), default=0)


def _spread(wanted: list[float], gaps: list[float]) -> list[float]:
    """Positions in order, at least ``gaps`` apart, as near ``wanted`` as a push from the
    left and one from the right, averaged, place them (an average keeps the gaps)."""
    pushed_right = list(wanted)
    for i in range(1, len(wanted)):
        pushed_right[i] = max(wanted[i], pushed_right[i - 1] + gaps[i - 1])
    pushed_left = list(wanted)
    for i in range(len(wanted) - 2, -1, -1):
        pushed_left[i] = min(wanted[i], pushed_left[i + 1] - gaps[i])
    return [(a + b) / 2 for a, b in zip(pushed_right, pushed_left, strict=True)]


def place_y(
    rows: Sequence[Sequence[str]], heights: Mapping[str, int]
) -> tuple[list[int], list[int]]:
    """The top and the height of each layer's band (its highest box)."""
    bands = [max((heights[v] for v in row if v in heights), default=0) for row in rows]
    tops = [MARGIN + GAP_Y * i + above for i, above in enumerate(accumulate(bands, initial=0))]
    return tops[: len(rows)], bands


def _box(
    node: str,
    layer: int,
    centre: float,
    tops: Sequence[int],
    bands: Sequence[int],
    width: int,
    lines: Sequence[tuple[str, bool]],
) -> Box:
    """A box as high as its layer's band, its lines in the middle."""
    x, y, height = round(centre - width / 2), tops[layer], bands[layer]
    first = y + (height - LINE_HEIGHT * len(lines)) // 2 + BASELINE
    texts = tuple(
        TextLine(x + width // 2, first + i * LINE_HEIGHT, text, note)
        for i, (text, note) in enumerate(lines)
    )
    return Box(node, layer, x, y, width, height, texts)


# -- arrows --------------------------------------------------------------------------------------

Point = tuple[float, float]


def route(
    chains: Mapping[Edge, list[str]],
    centres: Mapping[str, float],
    tops: Sequence[int],
    bands: Sequence[int],
    boxes: Mapping[str, Box],
) -> dict[Edge, list[Point]]:
    """Each edge -> its points, top to bottom: out of the source's bottom, through the band
    of every layer it passes, into the target's top. Arrows at one box side spread out."""
    leaving = _ports(chains, centres, boxes, end=0)
    entering = _ports(chains, centres, boxes, end=-1)
    routes = {}
    for edge, chain in chains.items():
        source, target = boxes[chain[0]], boxes[chain[-1]]
        points: list[Point] = [(leaving[edge], source.y + source.height)]
        for layer, point in enumerate(chain[1:-1], start=source.layer + 1):
            points += [(centres[point], tops[layer]), (centres[point], tops[layer] + bands[layer])]
        routes[edge] = [*points, (entering[edge], target.y)]
    return routes


def _ports(
    chains: Mapping[Edge, list[str]],
    centres: Mapping[str, float],
    boxes: Mapping[str, Box],
    end: int,
) -> dict[Edge, float]:
    """Edge -> the x where it leaves its source (``end=0``) or enters its target (-1): the
    edges at one box in the order of the vertex they come from or go to, side by side."""
    at: dict[str, list[Edge]] = defaultdict(list)
    for edge, chain in chains.items():
        at[chain[end]].append(edge)
    ports = {}
    for node, edges in at.items():
        other = 1 if end == 0 else -2
        edges.sort(key=lambda e: centres[chains[e][other]])
        box = boxes[node]
        gap = min(PORT_GAP, (box.width - 2 * PAD_X) / max(len(edges) - 1, 1))
        middle = box.x + box.width / 2
        for i, edge in enumerate(edges):
            ports[edge] = middle + (i - (len(edges) - 1) / 2) * gap
    return ports


def _arrow(step: Edge, edge: Edge, routes: Mapping[Edge, list[Point]]) -> Arrow:
    """The step's arrow along its edge's route, backwards where the layout turned it round."""
    points = routes[edge] if edge == step else routes[edge][::-1]
    return Arrow(step[0], step[1], path_data(points))


def path_data(points: Sequence[Point]) -> Markup:
    """SVG path data through ``points``: curves that leave and arrive vertically."""
    (x, y), parts = points[0], [f"M{_n(points[0][0])} {_n(points[0][1])}"]
    for nx, ny in points[1:]:
        middle = (y + ny) / 2
        if nx == x:
            parts.append(f"L{_n(nx)} {_n(ny)}")
        else:
            parts.append(f"C{_n(x)} {_n(middle)} {_n(nx)} {_n(middle)} {_n(nx)} {_n(ny)}")
        x, y = nx, ny
    return Markup(" ".join(parts))


def _n(value: float) -> str:
    """A coordinate, to a tenth, without a needless ".0"."""
    return f"{round(value, 1):g}"
