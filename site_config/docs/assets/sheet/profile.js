// The profile chart's geometry: competencies from left to right, levels from bottom to top.
//
// Pure numbers and path strings; view.js turns them into SVG elements. Each series is told
// apart by its line and mark, not by colour alone, so that it reads on black-and-white paper.

/* The series a profile can show, in drawing order (the compared role's target only when it
 * is another role's). `dash`: the line's stroke-dasharray; `mark`: the shape at each point. */
export const SERIES = [
  { key: "target", dash: "", mark: "bar" },
  { key: "compared", dash: "6 3", mark: "bar" },
  { key: "manager", dash: "2 2", mark: "square" },
  { key: "self", dash: "", mark: "circle" },
];

/* Where things go in a chart `width` × `height` for `count` competencies on a scale of
 * `scaleSize` levels: the plot area, the x of each competency, the y of each level. */
export function layout(count, scaleSize, width, height, margin = { left: 22, right: 8, top: 8, bottom: 20 }) {
  const plot = {
    left: margin.left,
    right: width - margin.right,
    top: margin.top,
    bottom: height - margin.bottom,
  };
  const step = count > 0 ? (plot.right - plot.left) / count : 0;
  const xs = Array.from({ length: count }, (_, index) => plot.left + step * (index + 0.5));
  const rows = Math.max(1, scaleSize - 1);
  const levelY = (level) => plot.bottom - ((level - 1) / rows) * (plot.bottom - plot.top);
  const ys = Array.from({ length: scaleSize }, (_, index) => levelY(index + 1));
  return { width, height, plot, step, xs, ys };
}

/* The points of one series: a { x, y, index, level } per competency with a level. */
export function points(values, geometry) {
  const found = [];
  values.forEach((level, index) => {
    if (Number.isInteger(level) && level >= 1 && level <= geometry.ys.length) {
      found.push({ x: geometry.xs[index], y: geometry.ys[level - 1], index, level });
    }
  });
  return found;
}

/* An SVG path through the points, broken where a competency has no value. */
export function linePath(found) {
  let path = "";
  let previous = null;
  for (const point of found) {
    const joined = previous !== null && point.index === previous.index + 1;
    path += `${joined ? "L" : "M"}${round(point.x)} ${round(point.y)}`;
    previous = point;
  }
  return path;
}

/* A target drawn as steps: a flat line across each competency's column, joined upright. */
export function stepPath(found, step) {
  let path = "";
  let previous = null;
  for (const point of found) {
    const left = round(point.x - step / 2);
    const right = round(point.x + step / 2);
    const y = round(point.y);
    const joined = previous !== null && point.index === previous.index + 1;
    path += `${joined ? `L${left} ${y}` : `M${left} ${y}`}L${right} ${y}`;
    previous = point;
  }
  return path;
}

/* Ticks below the plot: every competency's number where there is room, else every fifth. */
export function ticks(geometry, minimumGap = 18) {
  const every = geometry.step >= minimumGap ? 1 : geometry.step * 5 >= minimumGap ? 5 : 10;
  return geometry.xs
    .map((x, index) => ({ x, label: String(index + 1), index }))
    .filter(({ index }) => index === 0 || (index + 1) % every === 0);
}

function round(value) {
  return Math.round(value * 10) / 10;
}
