// Tests of format.js: placeholders and signed gaps as the sheet shows them.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  cssString,
  format,
  formatParts,
  orDash,
  signed,
} from "../../site_config/docs/assets/sheet/format.js";

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

test("formatParts puts values, such as an element, between the text's pieces", () => {
  const link = { tag: "a" };
  assert.deepEqual(formatParts("{role} is described in words: {n}.", { role: link, n: 2 }), [
    link,
    " is described in words: ",
    2,
    ".",
  ]);
  assert.deepEqual(formatParts("{missing} and {constructor}", {}), ["{missing} and {constructor}"]);
  assert.deepEqual(formatParts("A {x}{y} B", { x: "1", y: link }), ["A 1", link, " B"]);
  assert.deepEqual(formatParts("", {}), []);
});

test("signed writes a real minus sign, a plus above zero, a dash for none", () => {
  assert.deepEqual([2, -3, 0, null].map(signed), ["+2", "\u22123", "0", "–"]);
});

test("orDash writes zero as a number and missing values as a dash", () => {
  assert.deepEqual([0, 4, null, undefined].map(orDash), ["0", "4", "–", "–"]);
});

test("cssString escapes all but letters and digits, as the generator's css_string", () => {
  assert.equal(cssString("Name: Zoë"), '"Name\\00003A\\000020Zo\\0000EB"');
  assert.equal(cssString('";}</style>'), '"\\000022\\00003B\\00007D\\00003C\\00002Fstyle\\00003E"');
  assert.equal(cssString("😀"), '"\\01F600"');
});
