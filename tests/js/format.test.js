// Tests of format.js: placeholders and signed gaps as the sheet shows them.
import assert from "node:assert/strict";
import { test } from "node:test";

import { format, orDash, signed } from "../../site_config/docs/assets/sheet/format.js";

test("format fills known placeholders and keeps unknown ones", () => {
  assert.equal(format("{count} Kompetenzen, {missing}", { count: 4 }), "4 Kompetenzen, {missing}");
  assert.equal(format("bisher {old}, jetzt {new}", { old: 3, new: 5 }), "bisher 3, jetzt 5");
});

test("format does not take inherited names as values", () => {
  assert.equal(format("{constructor} {toString}", {}), "{constructor} {toString}");
});

test("format inserts values as they are, once", () => {
  assert.equal(format("Rolle {role}", { role: "{role} <b>x</b>" }), "Rolle {role} <b>x</b>");
});

test("signed writes a real minus sign, a plus above zero, a dash for none", () => {
  assert.deepEqual([2, -3, 0, null].map(signed), ["+2", "\u22123", "0", "–"]);
});

test("orDash writes zero as a number and missing values as a dash", () => {
  assert.deepEqual([0, 4, null, undefined].map(orDash), ["0", "4", "–", "–"]);
});
