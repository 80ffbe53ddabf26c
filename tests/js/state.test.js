// Tests of state.js and data.js: entries cleaned, migrated across editions, kept; ids stay plain.
import assert from "node:assert/strict";
import { test } from "node:test";

import { has, levels, parseJson, plainMap } from "../../site_config/docs/assets/sheet/data.js";
import * as state from "../../site_config/docs/assets/sheet/state.js";

const ITEM = { target: 3, levels: [1, 2, 3, 4, 5] };

test("cleanEntry keeps levels the boxes offer and a text note", () => {
  const raw = { self: 4, manager: 2, note: "gut", target: 3, extra: "ignored" };
  assert.deepEqual(state.cleanEntry(raw, ITEM), { self: 4, manager: 2, note: "gut", target: 3 });
});

test("cleanEntry drops levels the scale has not, fractions, strings and a non-text note", () => {
  const raw = { self: 7, manager: "3", note: 5, target: 2.5 };
  assert.deepEqual(state.cleanEntry(raw, ITEM), { self: null, manager: null, note: "", target: 3 });
  const odd = state.cleanEntry({ self: 2.5, manager: 0 }, ITEM);
  assert.deepEqual([odd.self, odd.manager], [null, null]);
});

test("cleanEntry refuses what is no entry", () => {
  for (const raw of [null, undefined, "x", 3, [1, 2], true])
    assert.equal(state.cleanEntry(raw, ITEM), null, String(raw));
});

test("an entry is empty without levels and note, whatever its target", () => {
  assert.equal(state.isEmpty(state.emptyEntry(4)), true);
  assert.equal(state.isEmpty({ self: null, manager: null, note: " ", target: 3 }), false);
  assert.equal(state.isEmpty({ self: null, manager: 1, note: "", target: 3 }), false);
});

test("changedTarget tells the earlier target of a choice made under another edition", () => {
  const old = state.cleanEntry(
    { self: 3, manager: null, note: "aus 2025", target: 3 },
    { ...ITEM, target: 5 },
  );
  assert.equal(state.changedTarget(old, 5), 3);
  assert.equal(state.changedTarget({ ...old, target: 5 }, 5), null);
  assert.equal(
    state.changedTarget(state.emptyEntry(3), 5),
    null,
    "an empty entry is no choice to point out",
  );
});

test("an entry saved without a target counts as made against today's target", () => {
  const entry = state.cleanEntry({ self: 2 }, ITEM);
  assert.equal(entry.target, 3);
  assert.equal(state.changedTarget(entry, 3), null);
});

test("storedEntry keeps a filled entry as JSON and removes an empty one", () => {
  const entry = { self: 2, manager: null, note: "", target: 4 };
  assert.deepEqual(JSON.parse(state.storedEntry(entry)), entry);
  assert.equal(state.storedEntry(state.emptyEntry(4)), null);
});

test("storage keys separate handbook, role and competency with U+001F", () => {
  const prefix = state.storagePrefix("Handbuch & Co", "key-account-manager");
  assert.equal(prefix, "competency-handbook\u001fHandbuch & Co\u001fkey-account-manager\u001f");
  const other = state.storagePrefix("Handbuch & Co", "key-account-manager-2");
  assert.equal(other.startsWith(prefix), false, "a role's reset must not reach a longer role id");
});

test("cleanForm gives every field and goal of the sheet a text, and nothing else", () => {
  const raw = {
    fields: { name: "Erika", date: 5, other: "x", constructor: "c" },
    goals: ["eins", 2],
  };
  const form = state.cleanForm(raw, ["name", "date", "constructor"], 3);
  assert.deepEqual(form, {
    fields: { name: "Erika", date: "", constructor: "c" },
    goals: ["eins", "", ""],
  });
  assert.deepEqual(state.cleanForm(null, ["name"], 1), { fields: { name: "" }, goals: [""] });
  assert.deepEqual(state.cleanForm({ fields: [], goals: "x" }, ["toString"], 0), {
    fields: { toString: "" },
    goals: [],
  });
});

test("storedForm removes an empty head and goals, keeps any text", () => {
  assert.equal(state.storedForm({ fields: { name: "" }, goals: ["", ""] }), null);
  const form = { fields: { name: "" }, goals: ["", "Training"] };
  assert.deepEqual(JSON.parse(state.storedForm(form)), form);
});

test("levels keeps whole numbers under any id, constructor and __proto__ included", () => {
  const found = levels(
    JSON.parse('{"constructor": 2, "__proto__": 3, "a": 1.5, "b": "4", "c": 4}'),
  );
  assert.deepEqual(Object.keys(found).sort(), ["__proto__", "c", "constructor"]);
  assert.equal(found.constructor, 2);
  assert.equal(found["__proto__"], 3);
  assert.equal(Object.getPrototypeOf(found), null);
  assert.deepEqual(Object.keys(levels([1, 2])), []);
});

test("plain maps and has() know only their own keys", () => {
  assert.equal("toString" in plainMap(), false);
  assert.equal(has({}, "constructor"), false);
  assert.equal(has({ constructor: 1 }, "constructor"), true);
});

test("parseJson returns null for missing or broken text", () => {
  assert.equal(parseJson(null), null);
  assert.equal(parseJson("{broken"), null);
  assert.deepEqual(parseJson('{"a":1}'), { a: 1 });
});
