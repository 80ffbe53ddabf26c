// The sheets' entry point (<script type="module">): starts each .ch-sheet of the page once.
//
// The page works without this script: the boxes are real radio inputs and the sheet prints
// blank. The script adds what needs a program: choices kept in localStorage (keyed by handbook,
// role and competency id; nothing leaves the browser), a summary against the role's or another
// role's targets, reset, JSON export/import and CSV export. The page's data comes from the
// generator in the root's `script.ch-sheet-data` element (JSON, never run; generator/render/
// sheets.py, _script_data); the
// other roles come from the site's catalogue.json, fetched once when the summary comes into view.
// Catalogue text is only ever set as textContent or a property, never parsed as HTML.

import { Sheet } from "./sheet.js";
import { createStore } from "./storage.js";

const store = createStore(() => window.localStorage);

function init(root) {
  if (root.getAttribute("data-ch-ready")) return;
  root.setAttribute("data-ch-ready", "1");
  for (const el of root.querySelectorAll(".ch-sheet-js")) el.hidden = false;
  const print = root.querySelector('[data-action="print"]');
  if (print) print.addEventListener("click", () => window.print());
  const data = root.querySelector(":scope > script.ch-sheet-data");
  if (data) new Sheet(root, JSON.parse(data.textContent), store).start();
}

function run() {
  document.querySelectorAll(".ch-sheet").forEach(init);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
else run();
// Material's document$ tells of each page it shows (again); roots already started are skipped.
if (window.document$ && typeof window.document$.subscribe === "function")
  window.document$.subscribe(run);
