// Tests of compare.js and chart.js: counts, gaps, the compared role's targets, extra competencies.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  countSegments,
  countsLabel,
  gapSegment,
} from "../../site_config/docs/assets/sheet/chart.js";
import {
  extraCompetencies,
  gapOf,
  summarise,
  targetsOf,
} from "../../site_config/docs/assets/sheet/compare.js";
import { levels, plainMap } from "../../site_config/docs/assets/sheet/data.js";
import { TEXTS } from "./fixtures.js";

const RATINGS = [
  { id: "a", self: 4, manager: null },
  { id: "b", self: 3, manager: 2 },
  { id: "c", self: 1, manager: 5 },
  { id: "d", self: null, manager: 3 },
];
const OWN = { role: "kam", targets: levels({ a: 3, b: 3, c: 2, d: 3 }) };

test("the summary counts above, at, below and unrated against the own targets", () => {
  const { rows, counts } = summarise(RATINGS, OWN.targets, "self");
  assert.deepEqual(counts, { above: 1, at: 1, below: 1, unrated: 1 });
  assert.deepEqual(
    rows.map((row) => row.gap),
    [1, 0, -1, null],
  );
  assert.deepEqual(rows[1], { id: "b", target: 3, self: 3, manager: 2, gap: 0 });
});

test("the manager's levels count when the basis is the manager", () => {
  const { rows, counts } = summarise(RATINGS, OWN.targets, "manager");
  assert.deepEqual(counts, { above: 1, at: 1, below: 1, unrated: 1 });
  assert.deepEqual(
    rows.map((row) => row.gap),
    [null, -1, 3, 0],
  );
});

test("comparing with another role uses its targets; what it does not need is not counted", () => {
  const others = plainMap();
  others.supervisor = levels({ a: 5, b: 3 });
  const targets = targetsOf("supervisor", OWN, others);
  const { rows, counts } = summarise(RATINGS, targets, "self");
  assert.deepEqual(counts, { above: 0, at: 1, below: 1, unrated: 0 });
  assert.deepEqual(
    rows.map((row) => [row.target, row.gap]),
    [
      [5, -1],
      [3, 0],
      [null, null],
      [null, null],
    ],
  );
});

test("targetsOf gives the own targets, and none for an unknown or inherited role id", () => {
  assert.equal(targetsOf("kam", OWN, plainMap()), OWN.targets);
  assert.deepEqual(Object.keys(targetsOf("nobody", OWN, plainMap())), []);
  assert.deepEqual(Object.keys(targetsOf("constructor", OWN, {})), []);
});

test("a competency with the id constructor is counted like any other", () => {
  const targets = levels({ constructor: 2 });
  const { counts } = summarise(
    [
      { id: "constructor", self: 3, manager: null },
      { id: "toString", self: 1, manager: null },
    ],
    targets,
    "self",
  );
  assert.deepEqual(counts, { above: 1, at: 0, below: 0, unrated: 0 });
});

test("the gap is level minus target: negative below, positive above, none without both", () => {
  assert.equal(gapOf(2, 4), -2);
  assert.equal(gapOf(5, 4), 1);
  assert.equal(gapOf(null, 4), null);
  assert.equal(gapOf(3, null), null);
});

test("extra competencies are those the compared role needs beyond the sheet, by name", () => {
  const names = plainMap();
  Object.assign(names, { x: "Verhandeln", y: "Coaching", a: "Zuhören" });
  const targets = levels({ a: 3, x: 4, y: 2, z: 1 });
  const onSheet = plainMap();
  onSheet.a = true;
  assert.deepEqual(extraCompetencies(targets, onSheet, names), [
    { id: "y", name: "Coaching", target: 2 },
    { id: "x", name: "Verhandeln", target: 4 },
  ]);
});

test("the counts bar divides its width by share, leaving out empty kinds", () => {
  const segments = countSegments({ above: 1, at: 2, below: 0, unrated: 1 }, 240);
  assert.deepEqual(segments, [
    { kind: "above", x: 0, width: 60 },
    { kind: "at", x: 60, width: 120 },
    { kind: "unrated", x: 180, width: 60 },
  ]);
  assert.deepEqual(countSegments({ above: 0, at: 0, below: 0, unrated: 0 }, 240), []);
});

test("the counts label names each kind with the page's texts", () => {
  const label = countsLabel({ above: 1, at: 30, below: 4, unrated: 0 }, TEXTS);
  assert.equal(label, "1 über Soll, 30 im Soll, 4 unter Soll, 0 nicht bewertet");
});

test("a gap bar grows left below target, right above it; the whole scale fills half", () => {
  assert.deepEqual(gapSegment(-4, 5), { kind: "below", x: 2, width: 30 });
  assert.deepEqual(gapSegment(2, 5), { kind: "above", x: 32, width: 15 });
  assert.deepEqual(gapSegment(1, 1), { kind: "above", x: 32, width: 30 });
});

test("targets with words (level and expects) count by their level", () => {
  const targets = levels({ a: { level: 3, expects: "Leads reviews" }, b: 2, c: { expects: "x" } });
  assert.deepEqual({ ...targets }, { a: 3, b: 2 });
});
