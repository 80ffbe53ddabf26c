// Tests of exchange.js: the JSON snapshot, checks on imported files, CSV by the generator's rules.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  FORMAT,
  csvCell,
  csvLines,
  csvText,
  readImport,
  snapshot,
  snapshotText,
} from "../../site_config/docs/assets/sheet/exchange.js";
import { CSV_DE, CSV_EN, TEXTS } from "./fixtures.js";

const SHEET = { handbook: "Kompetenzhandbuch", role: "key-account-manager", edition: "2026.1" };

test("the snapshot has format, version 1, the sheet, the form and the filled entries only", () => {
  const filled = { self: 3, manager: null, note: "x", target: 4 };
  const empty = { self: null, manager: null, note: "", target: 2 };
  const form = { fields: { name: "Erika" }, goals: ["Training"] };
  const data = snapshot(
    SHEET,
    [
      ["a", filled],
      ["b", empty],
      ["__proto__", filled],
    ],
    form,
  );
  assert.deepEqual(Object.keys(data), [
    "format",
    "version",
    "handbook",
    "role",
    "edition",
    "fields",
    "goals",
    "competencies",
  ]);
  assert.equal(data.format, "competency-handbook-sheet");
  assert.equal(data.version, 1);
  assert.equal(data.role, "key-account-manager");
  assert.deepEqual(Object.keys(data.competencies), ["a", "__proto__"]);
  assert.deepEqual(JSON.parse(snapshotText(data)).competencies.a, filled);
  assert.ok(snapshotText(data).endsWith("}\n"));
});

test("an exported snapshot imports again for the same role", () => {
  const text = snapshotText(
    snapshot(SHEET, [["a", { self: 1, manager: 2, note: "", target: 3 }]], {
      fields: {},
      goals: [],
    }),
  );
  const checked = readImport(text, "key-account-manager");
  assert.equal(checked.ok, true);
  assert.deepEqual(checked.data.competencies.a, { self: 1, manager: 2, note: "", target: 3 });
});

test("import refuses a file of another role and names that role", () => {
  const text = JSON.stringify({
    format: FORMAT,
    version: 1,
    role: "account-manager",
    competencies: {},
  });
  assert.deepEqual(readImport(text, "key-account-manager"), {
    ok: false,
    reason: "other_role",
    role: "account-manager",
  });
});

test("import refuses junk: broken JSON, another format, no competencies", () => {
  const junk = [
    "",
    "{not json",
    "null",
    "[1,2]",
    JSON.stringify({ format: "other", role: "kam", competencies: {} }),
    JSON.stringify({ format: FORMAT, role: "kam" }),
    JSON.stringify({ format: FORMAT, role: "kam", competencies: "x" }),
    JSON.stringify({ format: FORMAT, role: "kam", competencies: [] }),
  ];
  for (const text of junk)
    assert.deepEqual(readImport(text, "kam"), { ok: false, reason: "unreadable" }, text);
});

test("csv cells holding the separator, quotes or line breaks are quoted, quotes doubled", () => {
  assert.equal(csvCell("a;b", CSV_DE), '"a;b"');
  assert.equal(csvCell("a,b", CSV_DE), "a,b");
  assert.equal(csvCell("a,b", CSV_EN), '"a,b"');
  assert.equal(csvCell('sagt "ja"', CSV_DE), '"sagt ""ja"""');
  assert.equal(csvCell("zwei\nZeilen", CSV_DE), '"zwei\nZeilen"');
  assert.equal(csvCell("cr\rlf", CSV_DE), '"cr\rlf"');
});

test("csv text cells starting like a formula get the generator's prefix", () => {
  for (const text of ["=SUMME(A1)", "+49 30", "-2", "@x", "\tx"])
    assert.equal(csvCell(text, CSV_DE), `'${text}`, text);
  assert.equal(csvCell("\rx", CSV_DE), '"\'\rx"', "neutralised, then quoted for its line break");
  assert.equal(csvCell("Kunde = König", CSV_DE), "Kunde = König");
  const custom = { separator: ";", formula_start: "!", prefix: "^" };
  assert.equal(csvCell("!x", custom), "^!x", "the rules come from the data, not the code");
  assert.equal(csvCell("=x", custom), "=x");
});

test("csv numbers stay numbers: negative gaps keep their sign, zero is written", () => {
  assert.equal(csvCell(-2, CSV_DE), "-2");
  assert.equal(csvCell(0, CSV_DE), "0");
  assert.equal(csvCell(null, CSV_DE), "");
  assert.equal(csvCell("-2", CSV_DE), "'-2", "the same characters as text are neutralised");
});

test("csv text starts with a byte order mark and ends every line with CRLF", () => {
  const text = csvText(
    [
      ["a", 1],
      ["b;c", null],
    ],
    CSV_DE,
  );
  assert.equal(text, '\ufeffa;1\r\n"b;c";\r\n');
});

test("csv lines: header from the page's texts, then name, target, levels, gap, note", () => {
  const lines = csvLines(TEXTS, [
    { name: "Zuhören", target: 4, entry: { self: 2, manager: 5, note: "=1+1", target: 3 } },
    { name: "Planen", target: 3, entry: { self: null, manager: null, note: "", target: 3 } },
  ]);
  assert.deepEqual(lines, [
    ["Kompetenz", "Soll", "Selbst", "Führungskraft", "Abweichung", "Notizen"],
    ["Zuhören", 4, 2, 5, -2, "=1+1"],
    ["Planen", 3, null, null, null, ""],
  ]);
  assert.equal(csvText(lines, CSV_DE).split("\r\n")[1], "Zuhören;4;2;5;-2;'=1+1");
});
