// Material's search worker, with words of every script (assets/search/scripts.js) and, for a
// German handbook, German word forms (assets/search/forms.js).
//
// main.html points Material's config at this script, naming Material's own worker in the
// query string (?material=search.<hash>.min.js). This worker sits in Material's worker
// folder, so the language files Material loads ("../lunr/…") are found as before. It hands
// lunr's index builder a tokenizer that cuts Chinese and Japanese text into pairs of
// characters and emoji and other scripts' punctuation off words (Material splits at the
// separator only). It reads each query before Material does, asks for those pieces and, in
// German, for the forms of its words; in the results it turns pieces and forms back into the
// words typed, drops results that hold a Chinese or Japanese run's pairs but not the run, and
// in German puts pages whose title or synonym is the query first. Everything else passes
// unchanged.

const SETUP = 0; // Material's SearchMessageType.SETUP
const QUERY = 2; // Material's SearchMessageType.QUERY
const RESULT = 3; // and .RESULT
// This script's own address: a worker's; under Material's iframe shim for file:// pages, the
// script element's (the search then works without the modules where modules cannot load).
const own =
  typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : self.location.href;
const material = new URL(own).searchParams.get("material") || "";
const modules = Promise.all([import("../../search/forms.js"), import("../../search/scripts.js")]);
const passed = new WeakSet(); // the messages this worker handed on to Material
let words = Object.create(null); // query term -> word typed, for the last query
let runs = []; // the Chinese and Japanese runs of the last query
let typed = ""; // the last query as typed
let german = false; // the forms are German ones: other languages get no forms
let cut = false; // the index cuts words as scripts.js does (lunr could be patched)
let docs = new Map(); // location -> Material's document (page or section)
let texts = new Map(); // location -> its plain text, as far as asked for

const textOf = (scripts) => (location) => {
  if (!texts.has(location)) {
    const doc = docs.get(location);
    texts.set(location, doc ? scripts.plainText(doc) : "");
  }
  return texts.get(location);
};

self.addEventListener("message", (event) => {
  if (passed.has(event)) return;
  event.stopImmediatePropagation();
  modules
    .then(([forms, scripts]) => {
      const data = event.data || {};
      if (data.type === SETUP) {
        german = (data.data.config.lang || []).includes("de");
        docs = new Map((data.data.docs || []).map((doc) => [doc.location, doc]));
        texts = new Map();
        cut = scripts.patchLunr(self.lunr);
      }
      if (data.type === QUERY && typeof data.data === "string") {
        typed = data.data;
        const pieces = cut ? scripts.expandQuery(typed) : { query: typed, words: {}, runs: [] };
        runs = pieces.runs;
        words = pieces.words;
        let query = pieces.query;
        if (german) {
          const expanded = forms.expandQuery(query);
          words = scripts.composeWords(pieces.words, expanded.words);
          query = expanded.query;
        }
        return { ...data, data: query };
      }
      return event.data;
    })
    .catch(() => event.data)
    .then((data) => {
      const next = new MessageEvent("message", { data });
      passed.add(next);
      self.dispatchEvent(next);
    });
});

const post = self.postMessage.bind(self);
self.postMessage = (message, ...rest) => {
  const items = message && message.type === RESULT && message.data && message.data.items;
  if (!Array.isArray(items)) {
    post(message, ...rest);
    return;
  }
  modules
    .then(([forms, scripts]) => {
      let groups = scripts.runsFound(items, runs, textOf(scripts));
      for (const group of groups) {
        for (const item of group) item.terms = forms.wordsFound(item.terms || {}, words);
      }
      if (german) groups = forms.titlesFirst(groups, typed);
      message.data.items = groups;
    })
    .catch(() => {})
    .then(() => post(message, ...rest));
};

if (/^search\.[0-9a-f]+\.min\.js$/.test(material)) self.importScripts(material);
