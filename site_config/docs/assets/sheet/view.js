// The summary drawn into the page: table rows, counts chart, extra competencies (as textContent).

import { COLORS, countSegments, countsLabel, gapSegment } from "./chart.js";
import { KINDS } from "./compare.js";
import { orDash, signed } from "./format.js";

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

/* A row of the summary table: the competency (a link to its block), target, levels, gap. */
export function summaryRow(row, name, href, scaleSize) {
  const tr = element("tr");
  const nameCell = element("td");
  const link = element("a", null, name);
  link.href = href;
  nameCell.append(link);
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
export function countsChart(counts, texts) {
  const label = countsLabel(counts, texts);
  const svg = svgElement("svg", {
    viewBox: "0 0 240 16",
    width: 240,
    height: 16,
    class: "ch-sheet-chart",
    role: "img",
  });
  svg.setAttribute("aria-label", `${texts.chart_label}: ${label}`);
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
