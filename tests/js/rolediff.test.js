// Tests of rolediff.js: what changes between two roles, and which two the page shows.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  KINDS,
  chosenRoles,
  compareTargets,
  competencyOrder,
  nextRole,
} from "../../site_config/docs/assets/sheet/rolediff.js";

const ORDER = ["a", "b", "c", "d", "e", "f"];

test("targets that differ are raised or lowered, new or dropped, in catalogue order", () => {
  const from = { a: 2, b: 3, c: 4, d: 1 };
  const to = { f: 2, a: 3, b: 3, c: 2, e: 4 };
  assert.deepEqual(compareTargets(from, to, ORDER), {
    raised: [{ id: "a", from: 2, to: 3 }],
    lowered: [{ id: "c", from: 4, to: 2 }],
    added: [
      { id: "e", from: null, to: 4 },
      { id: "f", from: null, to: 2 },
    ],
    dropped: [{ id: "d", from: 1, to: null }],
    reworded: [],
    same: 1,
  });
  assert.equal(compareTargets({ constructor: 1 }, {}, ["constructor"]).dropped.length, 1);
});

test("the same level with other words is a change of its own, never unchanged", () => {
  const from = { a: 4, b: 3, c: 2, d: 2, e: 5 };
  const to = { a: 4, b: 3, c: 2, d: 3, e: 5 };
  const words = {
    from: { a: "Writes the design doc for every new service.", c: "Same words.", d: "Old." },
    to: { b: "Leads the reviews.", c: "Same words.", e: "Coaches others." },
  };
  const result = compareTargets(from, to, ORDER, words);
  assert.deepEqual(result.reworded, [
    {
      id: "a",
      from: 4,
      to: 4,
      words: { from: "Writes the design doc for every new service.", to: null },
    },
    { id: "b", from: 3, to: 3, words: { from: null, to: "Leads the reviews." } },
    { id: "e", from: 5, to: 5, words: { from: null, to: "Coaches others." } },
  ]);
  assert.equal(result.same, 1); // c: the same level and the same words
  // a level change stays one, and carries the roles' words where one has any
  assert.deepEqual(result.raised, [{ id: "d", from: 2, to: 3, words: { from: "Old.", to: null } }]);
  assert.equal(KINDS.includes("reworded"), true);
});

test("a level change without words of either role carries none", () => {
  const result = compareTargets({ a: 1 }, { a: 2, b: 1 }, ["a", "b"], { from: {}, to: { c: "x" } });
  assert.deepEqual(result.raised, [{ id: "a", from: 1, to: 2 }]);
  assert.deepEqual(result.added, [{ id: "b", from: null, to: 1 }]);
});

test("without words, or with the same words, equal levels are unchanged", () => {
  const targets = { a: 2, b: 3 };
  assert.equal(compareTargets(targets, targets, ORDER).same, 2);
  const words = { from: { a: "x" }, to: { a: "x" } };
  assert.deepEqual(compareTargets(targets, targets, ORDER, words).reworded, []);
  const proto = compareTargets({ constructor: 1 }, { constructor: 1 }, ["constructor"], {
    from: {},
    to: {},
  });
  assert.equal(proto.same, 1); // "constructor" is an id, never an inherited word
});

test("the same words wrapped onto other lines are the same expectation", () => {
  const targets = { a: 2 };
  const words = { from: { a: "Mentors one engineer\nat a time.\n" }, to: { a: "Mentors one engineer at a time." } };
  const result = compareTargets(targets, targets, ["a"], words);
  assert.deepEqual(result.reworded, []);
  assert.equal(result.same, 1);
});

const ROLES = ["junior", "senior", "lead", "other"];
const PATHS = [{ id: "p", steps: [{ role: "junior" }, { role: "lead" }] }];

test("the next role is the next step on a path, else the next in order", () => {
  assert.equal(nextRole("junior", ROLES, PATHS), "lead");
  assert.equal(nextRole("senior", ROLES, PATHS), "lead");
  assert.equal(nextRole("other", ROLES, PATHS), "lead"); // the last: the one before
  assert.equal(nextRole("lead", ROLES, []), "other");
});

test("the address chooses both roles; only known ones; `to` follows `from`", () => {
  const defaults = { from: "junior", to: "senior" };
  const choose = (query) => chosenRoles(new URLSearchParams(query), ROLES, PATHS, defaults);
  assert.deepEqual(choose("from=senior&to=other"), { from: "senior", to: "other" });
  assert.deepEqual(choose("from=junior"), { from: "junior", to: "lead" });
  assert.deepEqual(choose("from=nobody&to=<x>"), defaults);
  assert.deepEqual(choose(""), defaults);
});

test("competency ids come in catalogue order, whatever else the file holds", () => {
  const data = {
    competency_groups: [
      { competencies: [{ id: "b" }, { id: 3 }, "x"] },
      { competencies: [{ id: "a" }] },
      null,
    ],
  };
  assert.deepEqual(competencyOrder(data), ["b", "a"]);
  assert.deepEqual(competencyOrder(null), []);
});
