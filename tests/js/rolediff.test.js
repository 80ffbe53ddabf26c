// Tests of rolediff.js: what changes between two roles, and which two the page shows.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
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
    same: 1,
  });
  assert.equal(compareTargets({ constructor: 1 }, {}, ["constructor"]).dropped.length, 1);
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
