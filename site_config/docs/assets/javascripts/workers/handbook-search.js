// Material's search worker, asked for German word forms too (assets/search/forms.js).
//
// main.html points Material's config at this script, naming Material's own worker in the
// query string (?material=search.<hash>.min.js). This worker sits in Material's worker
// folder, so the language files Material loads ("../lunr/…") are found as before. It reads
// each query before Material does and adds the forms of its words; in the results it turns the
// forms back into the words typed and puts pages whose title or synonym is the query first.
// Everything else passes unchanged.

const SETUP = 0; // Material's SearchMessageType.SETUP
const QUERY = 2; // Material's SearchMessageType.QUERY
const RESULT = 3; // and .RESULT
// This script's own address: a worker's; under Material's iframe shim for file:// pages, the
// script element's (the search then works without the forms where modules cannot load).
const own =
  typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : self.location.href;
const material = new URL(own).searchParams.get("material") || "";
const forms = import("../../search/forms.js");
const passed = new WeakSet(); // the messages this worker handed on to Material
let words = Object.create(null); // form -> word typed, for the last query
let typed = ""; // the last query as typed
let german = false; // the forms are German ones: other languages search as Material does

self.addEventListener("message", (event) => {
  if (passed.has(event)) return;
  event.stopImmediatePropagation();
  forms
    .then((module) => {
      const data = event.data || {};
      if (data.type === SETUP) german = (data.data.config.lang || []).includes("de");
      if (german && data.type === QUERY && typeof data.data === "string") {
        typed = data.data;
        const expanded = module.expandQuery(data.data);
        words = expanded.words;
        return { ...data, data: expanded.query };
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
  if (german && Array.isArray(items)) {
    forms.then(
      (module) => {
        for (const group of items) {
          for (const item of group) item.terms = module.wordsFound(item.terms || {}, words);
        }
        message.data.items = module.titlesFirst(items, typed);
        post(message, ...rest);
      },
      () => post(message, ...rest),
    );
    return;
  }
  post(message, ...rest);
};

if (/^search\.[0-9a-f]+\.min\.js$/.test(material)) self.importScripts(material);
