// Tests of prose.js: a role's `expects` (Markdown) as the plain words a reader sees.
import assert from "node:assert/strict";
import { test } from "node:test";

import { plainInline, proseBlocks } from "../../site_config/docs/assets/sheet/prose.js";

test("links show their text, emphasis and code marks go, escapes are undone", () => {
  assert.equal(
    plainInline("gets sign-off from [Staff Engineers](role:staff-engineer), **always**"),
    "gets sign-off from Staff Engineers, always",
  );
  assert.equal(plainInline("*one* _two_ `three` ![logo](images/x.png)"), "one two three logo");
  assert.equal(plainInline("snake_case_name and 2 * 3 * 4"), "snake_case_name and 2 * 3 * 4");
  assert.equal(
    plainInline("\\*not emphasis\\* <https://example.org>"),
    "*not emphasis* https://example.org",
  );
});

test("paragraphs and list items are blocks; lines of one paragraph are joined", () => {
  const text = [
    "Leads a team of up to eight:",
    "",
    "- holds weekly one-to-ones",
    "- writes growth plans",
    "  with each report",
  ].join("\n");
  assert.deepEqual(proseBlocks(text), [
    { kind: "paragraph", text: "Leads a team of up to eight:" },
    { kind: "item", text: "holds weekly one-to-ones" },
    { kind: "item", text: "writes growth plans with each report" },
  ]);
  assert.deepEqual(proseBlocks("Writes the design doc, and\ngets sign-off.\n"), [
    { kind: "paragraph", text: "Writes the design doc, and gets sign-off." },
  ]);
});

test("an admonition shows by its title and its body; headings and quotes by their words", () => {
  const text = [
    "Designs services.",
    "",
    '??? note "Example design docs"',
    "    The ledger design.",
    "",
    "## Later",
    "> quoted",
  ].join("\r\n");
  assert.deepEqual(proseBlocks(text), [
    { kind: "paragraph", text: "Designs services." },
    { kind: "paragraph", text: "Example design docs" },
    { kind: "paragraph", text: "The ledger design." },
    { kind: "paragraph", text: "Later" },
    { kind: "paragraph", text: "quoted" },
  ]);
});

test("raw HTML stays text, and nothing is left of an empty field", () => {
  assert.deepEqual(proseBlocks("<script>alert(1)</script>"), [
    { kind: "paragraph", text: "<script>alert(1)</script>" },
  ]);
  assert.deepEqual(proseBlocks(""), []);
  assert.deepEqual(proseBlocks(null), []);
  assert.deepEqual(proseBlocks("```\n\n```"), []);
});
