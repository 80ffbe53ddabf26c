// Tests of search/scripts.js: words of every script for the index and the query.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  composeWords,
  expandQuery,
  indexParts,
  markRuns,
  patchLunr,
  pieces,
  plainText,
  retokenize,
  runsFound,
  units,
  wrapTokenizer,
} from "../../site_config/docs/assets/search/scripts.js";

const kinds = (text) =>
  pieces(text).map((piece) => [piece.kind, text.slice(piece.start, piece.end)]);
const terms = (text) => (indexParts(text) || []).map((part) => part.term);

test("words of scripts with spaces stay as Material made them", () => {
  const words = ["Руководитель", "وكيل", "Συντονίζει", "מנהל", "Führungskräfte", "C++", "2026.10"];
  for (const word of words) assert.equal(indexParts(word), null, word);
});

test("a Chinese or Japanese run: each character gets the pair it starts, the last its own", () => {
  assert.deepEqual(terms("团队负责人"), ["团队", "队负", "负责", "责人", "人"]);
  assert.deepEqual(
    indexParts("团队").map(({ start, length }) => [start, length]),
    [
      [0, 1],
      [1, 1],
    ],
  );
  assert.deepEqual(terms("担当"), ["担当", "当"]);
  assert.deepEqual(terms("サービス"), ["サー", "ービ", "ビス", "ス"]); // ー belongs to the run
  assert.deepEqual(terms("𠀀𠀁"), ["𠀀𠀁", "𠀁"]); // characters beyond the BMP
});

test("emoji, punctuation of other scripts and runs are pieces of their own", () => {
  assert.deepEqual(kinds("🚀Raketenstart"), [
    ["emoji", "🚀"],
    ["word", "Raketenstart"],
  ]);
  assert.deepEqual(kinds("¿Hablas"), [
    ["gap", "¿"],
    ["word", "Hablas"],
  ]);
  assert.deepEqual(kinds("サービス・マネージャー"), [
    ["cjk", "サービス"],
    ["gap", "・"],
    ["cjk", "マネージャー"],
  ]);
  assert.deepEqual(kinds("3年"), [
    ["word", "3"],
    ["cjk", "年"],
  ]);
  assert.deepEqual(terms("团队。"), ["团队", "队", null]);
  assert.deepEqual(terms("مدير،"), ["مدير", null]);
});

test("emoji sequences, flags and accents are one unit each", () => {
  const text = "👩‍💻👍🏽🇩🇪🇫🇷e\u0301";
  assert.deepEqual(
    units(text).map((unit) => text.slice(unit.start, unit.end)),
    ["👩‍💻", "👍🏽", "🇩🇪", "🇫🇷", "e\u0301"],
  );
  assert.deepEqual(terms("👩‍💻Dev"), ["👩‍💻", "dev"]);
});

test("marks written inside words stay in them", () => {
  assert.equal(indexParts("col·laborador"), null);
  assert.equal(indexParts("צה״ל"), null);
});

test("a word written with combining accents is indexed composed", () => {
  assert.deepEqual(indexParts("Inge\u0301nieure"), [{ start: 0, length: 11, term: "ingénieure" }]);
  assert.deepEqual(terms("🚀Inge\u0301nieure"), ["🚀", "ingénieure"]);
});

/* Material's position table and tokens for one text, as its tokenizer makes them: words at
 * spaces, one block (no markup). */
function material(text) {
  const row = [];
  const tokens = [];
  for (const match of text.matchAll(/\S+/g)) {
    tokens.push({
      str: match[0].toLowerCase(),
      metadata: { position: row.length },
      toString() {
        return this.str;
      },
    });
    row.push((match.index << 12) | (match[0].length << 2) | 1);
  }
  return { table: [row], tokens };
}
const token = (str, metadata) => ({ str, metadata, toString: () => str });
const spans = (text, table, tokens) =>
  tokens.map((found) => {
    const value = table[found.metadata.position >>> 20][found.metadata.position & 0xfffff];
    return [String(found), text.slice(value >>> 12, (value >>> 12) + ((value >>> 2) & 0x3ff))];
  });

test("the position table gets an entry per part, in the order of the text", () => {
  const text = "Team 团队负责人 🚀Start Ende";
  const { table, tokens } = material(text);
  const result = retokenize(tokens, table, text, token);
  assert.deepEqual(spans(text, table, result), [
    ["team", "Team"],
    ["团队", "团"],
    ["队负", "队"],
    ["负责", "负"],
    ["责人", "责"],
    ["人", "人"],
    ["🚀", "🚀"],
    ["start", "Start"],
    ["ende", "Ende"],
  ]);
  const starts = table[0].map((value) => value >>> 12);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
});

test("punctuation keeps its entry but makes no word", () => {
  const text = "¿Qué tal";
  const { table, tokens } = material(text);
  const result = retokenize(tokens, table, text, token);
  assert.deepEqual(result.map(String), ["qué", "tal"]);
  assert.equal(table[0].length, 3);
});

test("a run goes on across markup between two of Material's words", () => {
  const text = "项目<b>经理</b>助理";
  const row = [];
  const tokens = [];
  for (const match of text.matchAll(/<[^>]*>|[^<]+/g)) {
    const isTag = match[0].startsWith("<");
    row.push((match.index << 12) | (match[0].length << 2) | (isTag ? 0 : 1));
    if (!isTag) tokens.push(token(match[0], { position: row.length - 1 }));
  }
  const table = [row];
  const result = retokenize(tokens, table, text, token);
  assert.deepEqual(result.map(String), ["项目", "目经", "经理", "理助", "助理", "理"]);
  assert.deepEqual(spans(text, table, result).map(([, span]) => span).join(""), "项目经理助理");
});

test("the tokenizer is wrapped for every text of a field, and lunr's builder gets it", () => {
  const lunr = {
    tokenizer: { table: null },
    Token: function Token(str, metadata) {
      this.str = str;
      this.metadata = metadata;
      this.toString = () => this.str;
    },
    Builder: function Builder() {},
  };
  const added = [];
  lunr.Builder.prototype.add = function (doc) {
    added.push(this.tokenizer(doc.tags).map(String));
  };
  const tokenize = (text) => {
    const { table, tokens } = material(text);
    lunr.tokenizer.table.push(...table.map((row) => row));
    const block = lunr.tokenizer.table.length - 1;
    for (const found of tokens) found.metadata.position |= block << 20;
    return tokens;
  };
  assert.equal(patchLunr(lunr), true);
  assert.equal(patchLunr(lunr), true); // once only
  const builder = new lunr.Builder();
  builder.tokenizer = tokenize;
  lunr.tokenizer.table = [];
  builder.add({ tags: ["Kundenberater", "客户服务"] });
  assert.deepEqual(added, [["kundenberater", "客户", "户服", "服务", "务"]]);
  assert.equal(wrapTokenizer(tokenize, { tokenizer: {} })("x y").length, 2); // no table: as is
  assert.equal(patchLunr(undefined), false);
});

test("a query asks for all pairs of a run, escaped against Material's guess at words", () => {
  const { query, words, runs } = expandQuery("负责人 Führung");
  assert.equal(query, "+负\\责 +责\\人 Führung");
  assert.deepEqual({ ...words }, { 负责: "负责人", 责人: "负责人" });
  assert.deepEqual(runs, [{ run: "负责人", required: true }]);
  assert.deepEqual(expandQuery("人").runs, [{ run: "人", required: false }]);
  assert.equal(expandQuery("人").query, "人");
  assert.equal(expandQuery("-团队").query, "-团\\队");
  assert.deepEqual(expandQuery("-团队").runs, []);
});

test("a query cuts emoji and punctuation off words, and composes accents", () => {
  assert.equal(expandQuery("🚀Raketenstart ¿Qué").query, "🚀 Raketenstart Qué");
  assert.equal(expandQuery("Inge\u0301nieure").query, "Ingénieure");
  assert.equal(expandQuery("Руководитель группы").query, "Руководитель группы");
  assert.equal(expandQuery('title:团队 "Head of" C++').query, 'title:团队 "Head of" C++');
  assert.equal(expandQuery('"团队 Leitung"').query, "+团\\队 +Leitung");
  const quoted = expandQuery('"人 Leitung"');
  assert.equal(quoted.query, "人 +Leitung"); // a prefix; the results must hold it (runsFound)
  assert.deepEqual(quoted.runs, [{ run: "人", required: true }]);
});

test("forms of pieces map to the words typed", () => {
  const earlier = { "🚀": "🚀raketenstarts", raketenstarts: "🚀raketenstarts" };
  const later = { raketenstarts: "raketenstarts", raketenstart: "raketenstarts" };
  assert.deepEqual(
    { ...composeWords(earlier, later) },
    { "🚀": "🚀raketenstarts", raketenstarts: "🚀raketenstarts", raketenstart: "🚀raketenstarts" },
  );
});

test("a result marks the runs typed, not the single characters the index found", () => {
  const runs = [{ run: "负责人", required: true }];
  assert.equal(
    markRuns("<p>团队<mark>负</mark><mark>责</mark>人, <mark>负</mark>债</p>", runs),
    "<p>团队<mark>负责人</mark>, 负债</p>",
  );
  assert.equal(markRuns("<mark>Team</mark> 负责人", runs), "<mark>Team</mark> <mark>负责人</mark>");
  assert.equal(markRuns("<a title=\"负责人\">x</a>", runs), "<a title=\"负责人\">x</a>");
  assert.equal(markRuns("<mark>Team</mark>", []), "<mark>Team</mark>");
});

test("results holding a run's pairs apart are dropped, a page stays before its sections", () => {
  const texts = {
    "a/": "团队负责人",
    "b/": "负责 and 责人", // the pairs, apart
    "c/": "Leitung",
    "c/#s": "<p>团队<b>负责</b>人</p>",
  };
  const doc = (location) => ({ location, title: "", text: texts[location] });
  const groups = [[doc("a/")], [doc("b/")], [doc("c/"), doc("c/#s")]];
  const runs = [{ run: "负责人", required: true }];
  const kept = runsFound(groups, runs, (location) => plainText(doc(location)));
  assert.deepEqual(
    kept.map((group) => group.map((item) => item.location)),
    [["a/"], ["c/", "c/#s"]],
  );
  assert.equal(runsFound(groups, [], () => ""), groups);
  assert.equal(plainText({ title: "T", text: "<p>团队<b>负责</b>人</p>", tags: ["x"] }), "T\n团队负责人\nx");
});
