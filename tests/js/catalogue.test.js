// Tests of catalogue.js: catalogue.json read into targets, names, roles by family in file order.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  loadCatalogue,
  readCatalogue,
  rolesToOffer,
  setsTargets,
  siteUrl,
} from "../../site_config/docs/assets/sheet/catalogue.js";

const CATALOGUE = {
  families: [
    { id: "sales", name: "Vertrieb & Marketing" },
    { id: "lead", name: "Führung" },
    { id: "empty", name: "Ohne Rollen" },
  ],
  competency_groups: [
    {
      id: "g",
      competencies: [
        { id: "talk", name: "Zuhören" },
        { id: "constructor", name: "Aufbau" },
        { name: "ohne id" },
      ],
    },
    "junk",
  ],
  roles: [
    // the generator's order (family, rank, title, id): not alphabetical, and kept so
    {
      id: "zeta",
      title: "Zeta",
      family: "sales",
      competencies: { talk: { level: 2, expects: "Hört zu." } },
    },
    { id: "alpha", title: "Alpha", family: "sales", competencies: { talk: 3, constructor: 1 } },
    { id: "constructor", title: "Bauleitung", family: "lead", competencies: { constructor: 4 } },
    { id: "__proto__", title: "Proto", family: "lead", competencies: { talk: 1 } },
    { id: "lost", title: "Ohne Familie", family: "nowhere", competencies: {} },
    { id: "words", title: "In Worten", family: "lead", competencies: {} },
    { id: "broken", title: "Ohne Soll", family: "sales" },
    { id: 7, title: "Keine Id", family: "sales", competencies: {} },
  ],
};

function read() {
  return readCatalogue(JSON.parse(JSON.stringify(CATALOGUE)));
}

test("roles keep the catalogue's order within their family, grouped in family order", () => {
  const { families } = read();
  assert.deepEqual(
    families.map((family) => [family.id, family.name, family.roles.map((role) => role.id)]),
    [
      ["sales", "Vertrieb & Marketing", ["zeta", "alpha"]],
      ["lead", "Führung", ["constructor", "__proto__", "words"]],
    ],
  );
});

test("ids like constructor and __proto__ are plain ids of roles and competencies", () => {
  const { targets, names } = read();
  assert.deepEqual(Object.keys(targets), [
    "zeta",
    "alpha",
    "constructor",
    "__proto__",
    "lost",
    "words",
  ]);
  assert.equal(targets.constructor.constructor, 4);
  assert.equal(targets["__proto__"].talk, 1);
  assert.equal(Object.getPrototypeOf(targets), null);
  assert.equal(names.constructor, "Aufbau");
  assert.equal(names.talk, "Zuhören");
  assert.equal("toString" in names, false);
});

test("roles without id or targets are left out, roles of an unlisted family not offered", () => {
  const { targets, families } = read();
  assert.equal("broken" in targets, false);
  assert.equal("7" in targets, false);
  assert.equal(
    families.some((family) => family.roles.some((role) => role.id === "lost")),
    false,
  );
});

test("anything but an object is no catalogue; missing lists are empty", () => {
  for (const junk of [null, "text", [1], 5]) assert.equal(readCatalogue(junk), null);
  assert.deepEqual(readCatalogue({ roles: "x" }).families, []);
});

test("titles and names stay text, whatever they hold", () => {
  const data = {
    families: [{ id: "f", name: "<b>F</b>" }],
    roles: [{ id: "r", title: "<img src=x>", family: "f", competencies: {} }],
  };
  const [family] = readCatalogue(data).families;
  assert.equal(family.name, "<b>F</b>");
  assert.deepEqual(family.roles, [{ id: "r", title: "<img src=x>" }]);
});

test("a target with words counts by its level; the role's words are kept as written", () => {
  const { targets, expects } = read();
  assert.equal(targets.zeta.talk, 2);
  assert.deepEqual({ ...expects.zeta }, { talk: "Hört zu." });
  assert.deepEqual({ ...expects.alpha }, {});
  assert.equal(Object.getPrototypeOf(expects.zeta), null);
});

test("rolesToOffer leaves out roles already listed and families left empty", () => {
  const { families, targets } = read();
  const offered = rolesToOffer(families, new Set(["zeta", "alpha", "__proto__"]), targets);
  assert.deepEqual(offered, [
    { id: "lead", name: "Führung", roles: [{ id: "constructor", title: "Bauleitung" }] },
  ]);
});

test("a role described in words only sets no targets and is never offered to compare with", () => {
  const { families, targets } = read();
  assert.equal(setsTargets(targets, "words"), false);
  assert.equal(setsTargets(targets, "nobody"), false);
  assert.equal(setsTargets(targets, "constructor"), true);
  const offered = rolesToOffer(families, new Set(), targets).flatMap((family) => family.roles);
  assert.deepEqual(
    offered.map((role) => role.id),
    ["zeta", "alpha", "constructor", "__proto__"],
  );
});

test("siteUrl finds the site root from Material's config, or beside the page without it", () => {
  const page = "http://127.0.0.1:8000/sheets/key-account-manager/";
  assert.equal(
    siteUrl('{"base": "../.."}', "catalogue.json", page),
    "http://127.0.0.1:8000/catalogue.json",
  );
  assert.equal(
    siteUrl('{"base": "../../"}', "catalogue.json", page),
    "http://127.0.0.1:8000/catalogue.json",
  );
  assert.equal(siteUrl(null, "catalogue.json", page), page + "catalogue.json");
  assert.equal(siteUrl("{broken", "catalogue.json", page), page + "catalogue.json");
});

test("loadCatalogue fetches an address once, and again after a failure", async () => {
  const calls = [];
  let ok = false;
  const fetch = async (url, options) => {
    calls.push([url, options.credentials]);
    return { ok, status: ok ? 200 : 404, json: async () => ({ roles: [] }) };
  };
  const url = "http://127.0.0.1/test-once/catalogue.json";
  await assert.rejects(loadCatalogue(url, fetch), /404/);
  ok = true;
  const [first, second] = await Promise.all([loadCatalogue(url, fetch), loadCatalogue(url, fetch)]);
  assert.deepEqual(first, { roles: [] });
  assert.equal(first, second);
  assert.deepEqual(calls, [
    [url, "same-origin"],
    [url, "same-origin"],
  ]);
});
