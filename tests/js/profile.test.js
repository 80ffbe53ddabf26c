// Tests of profile.js: where the profile chart puts competencies, levels and lines.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  SERIES,
  layout,
  linePath,
  points,
  stepPath,
  ticks,
} from "../../site_config/docs/assets/sheet/profile.js";

const MARGIN = { left: 20, right: 0, top: 0, bottom: 20 };

test("competencies share the plot's width, levels its height from the bottom", () => {
  const geometry = layout(4, 5, 420, 120, MARGIN);
  assert.deepEqual(geometry.plot, { left: 20, right: 420, top: 0, bottom: 100 });
  assert.equal(geometry.step, 100);
  assert.deepEqual(geometry.xs, [70, 170, 270, 370]);
  assert.deepEqual(geometry.ys, [100, 75, 50, 25, 0]);
});

test("points leave out competencies without a level and levels off the scale", () => {
  const geometry = layout(4, 5, 420, 120, MARGIN);
  const found = points([1, null, 5, 9], geometry);
  assert.deepEqual(found, [
    { x: 70, y: 100, index: 0, level: 1 },
    { x: 270, y: 0, index: 2, level: 5 },
  ]);
});

test("a line is broken where a competency has no level", () => {
  const geometry = layout(4, 5, 420, 120, MARGIN);
  assert.equal(linePath(points([1, 2, null, 5], geometry)), "M70 100L170 75M370 0");
  assert.equal(linePath([]), "");
});

test("a target is drawn as steps across each competency's column", () => {
  const geometry = layout(2, 3, 220, 120, MARGIN);
  assert.equal(stepPath(points([1, 3], geometry), geometry.step), "M20 100L120 100L120 0L220 0");
  assert.equal(stepPath(points([1, null], geometry), geometry.step), "M20 100L120 100");
});

test("ticks number every competency where there is room, else every fifth or tenth", () => {
  const labels = (count, width) =>
    ticks(layout(count, 5, width, 100, MARGIN)).map((tick) => tick.label);
  assert.deepEqual(labels(5, 520), ["1", "2", "3", "4", "5"]);
  assert.deepEqual(labels(35, 320), ["1", "5", "10", "15", "20", "25", "30", "35"]);
  assert.deepEqual(labels(100, 320), ["1", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100"]);
});

test("on paper the series differ by line or mark, not by colour alone", () => {
  const looks = SERIES.map((spec) => `${spec.dash}|${spec.mark}`);
  assert.equal(new Set(looks).size, SERIES.length);
});
