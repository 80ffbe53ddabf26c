// The summary drawn into the page: table rows, counts chart, extra competencies (as textContent).

import { COLORS, countSegments, countsLabel, gapSegment } from "./chart.js";
import { KINDS } from "./compare.js";
import { format, orDash, signed } from "./format.js";
import { SERIES, layout, linePath, points, stepPath, ticks } from "./profile.js";
import { proseBlocks } from "./prose.js";

const SVG = "http://www.w3.org/2000/svg";

/* An element with a class and text, both optional; text is only ever set as textContent. */
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function svgElement(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

function gapBar(gap, scaleSize) {
  const segment = gapSegment(gap, scaleSize);
  const svg = svgElement("svg", {
    width: 64,
    height: 12,
    viewBox: "0 0 64 12",
    class: "ch-sheet-gapbar",
  });
  svg.setAttribute("aria-hidden", "true");
  svg.append(
    svgElement("rect", {
      x: segment.x,
      y: 2,
      width: segment.width,
      height: 8,
      fill: COLORS[segment.kind],
    }),
    svgElement("line", { x1: 32, x2: 32, y1: 0, y2: 12, stroke: "#616161", "stroke-width": 1 }),
  );
  return svg;
}

/* Each series' stroke on screen; on paper sheet.css prints them black (told apart by line
 * and mark). */
export const SERIES_COLORS = {
  target: "#212121",
  compared: "#757575",
  self: "#3f51b5",
  manager: "#b71c1c",
};

function mark(shape, x, y, color) {
  if (shape === "circle") return svgElement("circle", { cx: x, cy: y, r: 3.2, fill: color });
  if (shape === "square") {
    return svgElement("rect", { x: x - 3, y: y - 3, width: 6, height: 6, fill: "#fff", stroke: color, "stroke-width": 1.5 });
  }
  return null;
}

/* One series: its line and its marks, each mark with a tooltip ("Name: 4"). */
function seriesGroup(spec, values, geometry, names) {
  const color = SERIES_COLORS[spec.key];
  const group = svgElement("g", { class: `ch-profile-${spec.key}`, "data-series": spec.key });
  const found = points(values, geometry);
  const d = spec.mark === "bar" ? stepPath(found, geometry.step) : linePath(found);
  const line = svgElement("path", { d, fill: "none", stroke: color, "stroke-width": spec.key === "target" ? 2.5 : 1.6 });
  if (spec.dash) line.setAttribute("stroke-dasharray", spec.dash);
  group.append(line);
  for (const point of found) {
    const shape = mark(spec.mark, point.x, point.y, color);
    if (!shape) continue;
    const title = svgElement("title", {});
    title.textContent = `${names[point.index]}: ${point.level}`;
    shape.append(title);
    group.append(shape);
  }
  return group;
}

/* The profile chart: every competency of the sheet from left to right (numbered as the
 * summary's rows), the levels upwards; a line per series. `profile`: { names, series:
 * { key: [level or null per competency] }, labels: { key: text } }, only the series to show. */
export function profileChart(profile, texts, scaleSize, width) {
  const geometry = layout(profile.names.length, scaleSize, width, 190);
  const svg = svgElement("svg", {
    viewBox: `0 0 ${width} ${geometry.height}`,
    width,
    height: geometry.height,
    class: "ch-sheet-profile-chart",
    role: "img",
  });
  const shown = SERIES.filter((spec) => profile.series[spec.key]);
  const label = format(texts.profile_label, {
    count: profile.names.length,
    series: shown.map((spec) => profile.labels[spec.key]).join(", "),
  });
  svg.setAttribute("aria-label", label);
  const { plot } = geometry;
  geometry.ys.forEach((y, index) => {
    svg.append(svgElement("line", { x1: plot.left, x2: plot.right, y1: y, y2: y, stroke: "#bdbdbd", "stroke-width": 0.75 }));
    const text = svgElement("text", { x: plot.left - 6, y: y + 3.5, "text-anchor": "end", class: "ch-profile-axis" });
    text.textContent = String(index + 1);
    svg.append(text);
  });
  for (const tick of ticks(geometry)) {
    const text = svgElement("text", { x: tick.x, y: plot.bottom + 14, "text-anchor": "middle", class: "ch-profile-axis" });
    text.textContent = tick.label;
    svg.append(text);
  }
  for (const spec of shown) svg.append(seriesGroup(spec, profile.series[spec.key], geometry, profile.names));
  const legend = element("ul", "ch-sheet-profile-legend");
  for (const spec of shown) {
    const sample = svgElement("svg", { width: 28, height: 10, viewBox: "0 0 28 10", class: "ch-profile-sample" });
    sample.setAttribute("aria-hidden", "true");
    const line = svgElement("path", { d: "M1 5L27 5", stroke: SERIES_COLORS[spec.key], "stroke-width": 2, fill: "none" });
    if (spec.dash) line.setAttribute("stroke-dasharray", spec.dash);
    sample.append(line);
    const shape = mark(spec.mark, 14, 5, SERIES_COLORS[spec.key]);
    if (shape) sample.append(shape);
    const item = element("li", null);
    item.setAttribute("data-series", spec.key);
    item.append(sample, document.createTextNode(` ${profile.labels[spec.key]}`));
    legend.append(item);
  }
  return [svg, legend, profileKey(profile.names)];
}

/* The key to the chart's numbers: each competency's number and name, as the summary's rows
 * and the sheet's blocks are numbered (sheet.css). Printed only: on screen the summary's
 * table below is the key, and on paper it is not printed. */
function profileKey(names) {
  const key = element("ol", "ch-sheet-profile-key");
  names.forEach((name, index) => {
    const item = element("li");
    const number = element("span", "ch-sheet-row-number", `${index + 1}.`);
    item.append(number, document.createTextNode(` ${name}`)); // read as "3. Testing"
    key.append(item);
  });
  return key;
}

/* A row of the summary table: the competency (a link to its block, numbered as in the
 * profile chart), target, levels, gap. */
export function summaryRow(row, name, href, scaleSize, number) {
  const tr = element("tr");
  const nameCell = element("td");
  const link = element("a", null, name);
  link.href = href;
  nameCell.append(element("span", "ch-sheet-row-number", `${number}.`), link);
  const gap = row.gap;
  const gapCell = element(
    "td",
    gap === null ? "" : gap < 0 ? "is-below" : gap > 0 ? "is-above" : "",
  );
  gapCell.append(document.createTextNode(signed(gap)));
  if (gap !== null) gapCell.append(gapBar(gap, scaleSize));
  tr.append(
    nameCell,
    element("td", null, orDash(row.target)),
    element("td", null, orDash(row.self)),
    element("td", null, orDash(row.manager)),
    gapCell,
  );
  return tr;
}

/* The counts as a bar chart (labelled for screen readers) and a legend with each number. */
export function countsChart(counts, texts, caption) {
  const label = countsLabel(counts, texts);
  const svg = svgElement("svg", {
    viewBox: "0 0 240 16",
    width: 240,
    height: 16,
    class: "ch-sheet-chart",
    role: "img",
  });
  svg.setAttribute("aria-label", `${texts.chart_label} – ${caption} ${label}`);
  const title = svgElement("title", {});
  title.textContent = label;
  svg.append(title);
  for (const segment of countSegments(counts, 240)) {
    const { kind, x, width } = segment;
    svg.append(
      svgElement("rect", { x, y: 0, width, height: 16, fill: COLORS[kind], "data-kind": kind }),
    );
  }
  const legend = KINDS.map((kind) => {
    const item = element("span", "ch-sheet-count");
    item.setAttribute("data-kind", kind);
    const swatch = element("span", "ch-sheet-swatch");
    swatch.style.background = COLORS[kind];
    item.append(
      swatch,
      element("strong", null, String(counts[kind])),
      document.createTextNode(` ${texts[kind]}`),
    );
    return item;
  });
  return [svg, ...legend];
}

/* The list items of the competencies the compared role adds: "Name – Soll 3". */
export function extraItems(extra, texts) {
  return extra.map(({ name, target }) =>
    element("li", null, `${name} – ${texts.target_short} ${target}`),
  );
}

/* A Markdown text (a role's `expects`) as elements of plain text: its paragraphs, and its
 * list items in a list (prose.js); nothing is parsed as HTML. */
export function proseElements(markdown) {
  const nodes = [];
  let list = null;
  for (const block of proseBlocks(markdown)) {
    if (block.kind === "item") {
      if (!list) nodes.push((list = element("ul")));
      list.append(element("li", null, block.text));
    } else {
      list = null;
      nodes.push(element("p", null, block.text));
    }
  }
  return nodes;
}

/* What a role expects of a target in its own words, in a box of class `className`: its
 * `expects` (`text`), or `none` where it says nothing beyond the level's own text. */
export function expectsBox(text, none, className) {
  const box = element("div", className);
  if (text === null) box.append(element("p", "ch-muted", none));
  else box.append(...proseElements(text));
  return box;
}

/* The list items of the competencies the compared role needs at the sheet's own target but
 * with other words: the name (a link to its block), the target, and what the compared role
 * expects. `changes`: compareTargets' `reworded`; `items`: competency id -> { name, href }. */
export function rewordedItems(changes, items, texts, role) {
  return changes.map((change) => {
    const item = element("li");
    item.setAttribute("data-competency", change.id);
    const link = element("a", null, items[change.id].name);
    link.href = items[change.id].href;
    const label = element("span", "ch-sheet-samelevel-as", format(texts.as, { role }));
    item.append(
      link,
      document.createTextNode(` – ${texts.target_short} ${change.to}`),
      label,
      expectsBox(change.words.to, texts.none, "ch-sheet-samelevel-words"),
    );
    return item;
  });
}

/* Roles to add to "compare with": an optgroup per family (label set as a property). */
export function roleGroups(families) {
  return families.map((family) => {
    const group = element("optgroup");
    group.label = family.name;
    for (const role of family.roles) {
      const option = element("option", null, role.title);
      option.value = role.id;
      group.append(option);
    }
    return group;
  });
}
