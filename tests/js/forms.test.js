// Tests of search/forms.js: the German forms of query words and the words found per result.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  expandQuery,
  forms,
  titleMatch,
  titlesFirst,
  withUmlauts,
  withoutEnding,
  withoutUmlaut,
  wordsFound,
} from "../../site_config/docs/assets/search/forms.js";

test("a plural finds its singular: ending off, the last syllable's umlaut undone", () => {
  assert.deepEqual(forms("Führungskräfte"), ["führungskräfte", "führungskräft", "führungskraft"]);
  assert.deepEqual(forms("Kundenbeziehungen"), ["kundenbeziehungen", "kundenbeziehung"]);
  assert.deepEqual(forms("Verträge"), ["verträge", "verträg", "vertrag"]);
});

test("ae, oe and ue typed for umlauts find the words written with umlauts", () => {
  assert.equal(withUmlauts("fuehrungskraefte"), "führungskräfte");
  assert.equal(withUmlauts("quelle"), null); // qu is no umlaut
  assert.ok(forms("fuehrungskraefte").includes("führungskraft"));
});

test("short words and words without an ending stay as they are", () => {
  assert.deepEqual(forms("Ideen"), ["ideen", "idee"]); // not "ide": too short a stem
  assert.deepEqual(forms("Tore"), ["tore"]);
  assert.deepEqual(forms("Verhandl"), ["verhandl"]);
  assert.equal(withoutEnding("team"), null);
  assert.equal(withoutUmlaut("überzeugung"), null); // the umlaut is not in the last syllable
});

test("the query gets the forms beside each word; lunr syntax and quotes stay", () => {
  const { query, words } = expandQuery('Führungskräfte +Team "Kunden Pflege" -alt');
  assert.equal(
    query,
    'führungskräfte führungskräft führungskraft +Team "Kunden Pflege" -alt',
  );
  assert.equal(words["führungskraft"], "führungskräfte");
  assert.equal(words["führungskräfte"], "führungskräfte");
  assert.equal(words["team"], undefined);
});

test("a result counts a word typed as found when any of its forms was found", () => {
  const { words } = expandQuery("Führungskräfte Budget");
  const terms = { führungskräfte: false, führungskräft: false, führungskraft: true, budget: false };
  assert.deepEqual(wordsFound(terms, words), { führungskräfte: true, budget: false });
  assert.deepEqual(wordsFound({ other: true }, words), { other: true });
});

test("pages titled as the query come first, then titles starting with it, else as found", () => {
  const page = (location, title, tags) => [{ location, title, tags }];
  const groups = [
    page("roles/senior-account-executive/", "Senior <mark>Account</mark> <mark>Executive</mark>"),
    page("guide/", "Leitfaden"),
    page("roles/account-executive/", "<mark>Account</mark> <mark>Executive</mark>"),
    page("roles/x/", "X", ["Account Executive &amp; more"]),
  ];
  const order = (query) => titlesFirst(groups, query).map((group) => group[0].location);
  assert.deepEqual(order("account executive"), [
    "roles/account-executive/",
    "roles/x/",
    "roles/senior-account-executive/",
    "guide/",
  ]);
  assert.equal(titleMatch({ title: "X", tags: ["Head of Sales"] }, " head  of sales "), 2);
  assert.equal(titleMatch({ title: "Account Manager" }, ""), 0);
});
