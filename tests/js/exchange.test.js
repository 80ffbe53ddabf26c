// Tests of exchange.js: the JSON snapshot, checks on imported files, CSV by the generator's rules.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  FORMAT,
  csvCell,
  csvLines,
  csvText,
  exportName,
  fileSafe,
  isoDay,
  localDay,
  readImport,
  snapshot,
  snapshotText,
} from "../../site_config/docs/assets/sheet/exchange.js";
import { CSV_DE, CSV_EN, TEXTS } from "./fixtures.js";

const SHEET = {
  handbook: "Kompetenzhandbuch",
  role: "key-account-manager",
  sheet: "key-account-manager",
  subject: "Key Account Manager",
  edition: "2026.1",
};

test("the snapshot has format, version 2, the sheet, the form and the filled entries only", () => {
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
    "2026-02-03",
  );
  assert.deepEqual(Object.keys(data), [
    "format",
    "version",
    "handbook",
    "role",
    "sheet",
    "title",
    "edition",
    "exported",
    "fields",
    "goals",
    "competencies",
  ]);
  assert.equal(data.format, "competency-handbook-sheet");
  assert.equal(data.version, 2);
  assert.equal(data.role, "key-account-manager");
  assert.equal(data.title, "Key Account Manager");
  assert.equal(data.exported, "2026-02-03");
  assert.deepEqual(data.fields, { name: "Erika" });
  assert.deepEqual(data.goals, ["Training"]);
  assert.deepEqual(Object.keys(data.competencies), ["a", "__proto__"]);
  assert.deepEqual(JSON.parse(snapshotText(data)).competencies.a, filled);
  assert.ok(snapshotText(data).endsWith("}\n"));
});

test("a version 1 file of a role sheet still imports", () => {
  const old = { format: FORMAT, version: 1, role: "key-account-manager", competencies: {} };
  assert.equal(readImport(JSON.stringify(old), "key-account-manager").ok, true);
  assert.equal(readImport(JSON.stringify(old), "account-manager").reason, "other_role");
});

test("a readiness sheet's file imports there only, and names its sheet when refused", () => {
  const readiness = {
    ...snapshot(
      { ...SHEET, role: "account-manager", sheet: "am/step-2", subject: "A → B" },
      [],
      { fields: {}, goals: [] },
      "2026-02-03",
    ),
  };
  const text = JSON.stringify(readiness);
  assert.equal(readImport(text, "am/step-2").ok, true);
  assert.deepEqual(readImport(text, "account-manager"), {
    ok: false,
    reason: "other_role",
    role: "A → B",
  });
  assert.equal(readImport(JSON.stringify({ ...readiness, version: 3 }), "am/step-2").ok, false);
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

test("csv lines: who and what, the header, each competency, then the goals", () => {
  const texts = {
    ...TEXTS,
    role: "Rolle",
    edition: "Ausgabe",
    name: "Name",
    date: "Datum",
    manager: "Führungskraft",
    meeting: "Gespräch am",
    goals: "Entwicklungsziele",
    goal: "Ziel",
  };
  const form = {
    fields: { name: "Erika", date: "3.2.2026", manager: "Max", meeting: "10.2.2026" },
    goals: ["Präsentieren", ""],
  };
  const lines = csvLines(texts, SHEET, form, [
    { name: "Zuhören", target: 4, entry: { self: 2, manager: 5, note: "=1+1", target: 3 } },
    { name: "Planen", target: 3, entry: { self: null, manager: null, note: "", target: 3 } },
  ]);
  assert.deepEqual(lines, [
    ["Rolle", "Key Account Manager"],
    ["Ausgabe", "2026.1"],
    ["Name", "Erika"],
    ["Datum", "3.2.2026"],
    ["Führungskraft", "Max"],
    ["Gespräch am", "10.2.2026"],
    [],
    ["Kompetenz", "Soll", "Selbst", "Führungskraft", "Abweichung", "Notizen"],
    ["Zuhören", 4, 2, 5, -2, "=1+1"],
    ["Planen", 3, null, null, null, ""],
    [],
    ["Entwicklungsziele"],
    ["Ziel 1", "Präsentieren"],
    ["Ziel 2", ""],
  ]);
  assert.equal(csvText(lines, CSV_DE).split("\r\n")[8], "Zuhören;4;2;5;-2;'=1+1");
});

test("file names: sheet, person in safe characters, the sheet's date or today", () => {
  const form = (name, date) => ({ fields: { name, date }, goals: [] });
  assert.equal(
    exportName("key-account-manager", form("Erika Müller", "3.2.2026"), "2026-12-01", "csv"),
    "key-account-manager_erika-mueller_2026-02-03.csv",
  );
  assert.equal(
    exportName("am/step-2", form("", "nächste Woche"), "2026-12-01", "json"),
    "am-step-2_2026-12-01.json",
  );
  assert.equal(fileSafe("../../etc/passwd <x>"), "etc-passwd-x");
  assert.equal(fileSafe("Zoë Łukasz-Straße"), "zoe-łukasz-strasse");
  // names in other scripts stay names: two people never share a file name for it
  assert.equal(fileSafe("Ольга Петрова"), "ольга-петрова");
  assert.equal(fileSafe("王芳"), "王芳");
  assert.equal(fileSafe("محمد علي"), "محمد-علي");
  assert.equal(fileSafe("𠮷野 家", 2), "𠮷野");
  assert.equal(isoDay("2026-2-30"), null);
  assert.equal(isoDay("29.02.2028"), "2028-02-29");
  assert.equal(localDay(new Date(2026, 0, 5)), "2026-01-05");
});