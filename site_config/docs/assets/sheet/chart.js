// The summary's two small charts as numbers: the bar of counts by kind, and each row's gap bar.

import { KINDS } from "./compare.js";

export const COLORS = { above: "#2e7d32", at: "#3f51b5", below: "#c62828", unrated: "#bdbdbd" };

/* The counts as one bar `width` wide: a segment { kind, x, width } per kind with any. */
export function countSegments(counts, width) {
  const total = KINDS.reduce((sum, kind) => sum + counts[kind], 0);
  const segments = [];
  let x = 0;
  for (const kind of KINDS) {
    if (!counts[kind] || !total) continue;
    const share = (counts[kind] / total) * width;
    segments.push({ kind, x, width: share });
    x += share;
  }
  return segments;
}

/* The counts in words, in chart order: "3 above target, 30 at target, …" (the page's texts). */
export function countsLabel(counts, texts) {
  return KINDS.map((kind) => `${counts[kind]} ${texts[kind]}`).join(", ");
}

/* A gap as a bar from the centre `middle` of a `2 * middle` wide box: to the right above the
 * target, to the left below it; the largest gap on a scale of `scaleSize` levels fills a half. */
export function gapSegment(gap, scaleSize, middle = 32, half = 30) {
  const width = (Math.abs(gap) / Math.max(1, scaleSize - 1)) * half;
  return gap < 0
    ? { kind: "below", x: middle - width, width }
    : { kind: "above", x: middle, width };
}
