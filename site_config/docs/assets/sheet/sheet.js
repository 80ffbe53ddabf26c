// DOM glue of one sheet: reads and writes the form, keeps it, draws the summary, wires the buttons.

import { download, onceNear, pageConfig } from "./browser.js";
import { loadCatalogue, readCatalogue, rolesToOffer, siteUrl } from "./catalogue.js";
import { extraCompetencies, summarise, targetsOf } from "./compare.js";
import { has, levels, parseJson, plainMap } from "./data.js";
import { csvLines, csvText, readImport, snapshot, snapshotText } from "./exchange.js";
import { format } from "./format.js";
import {
  FORM_KEY,
  changedTarget,
  cleanEntry,
  cleanForm,
  emptyEntry,
  isEmpty,
  storagePrefix,
  storedEntry,
  storedForm,
} from "./state.js";
import { countsChart, extraItems, roleGroups, summaryRow } from "./view.js";

const FIELD = "field-";

/* A competency block of the page, with what the sheet needs of it. */
function readItem(el) {
  const inputs = (rater) => [...el.querySelectorAll(`fieldset[data-rater="${rater}"] input`)];
  const self = inputs("self");
  return {
    el,
    id: el.getAttribute("data-competency"),
    target: Number(el.getAttribute("data-target")),
    name: el.querySelector(".ch-sheet-name").textContent,
    inputs: { self, manager: inputs("manager") },
    levels: self.map((input) => Number(input.value)),
    seen: null, // the target shown when the current choice was made, if not today's
  };
}

export class Sheet {
  /* `store`: storage.js's wrapper; `data`: the generator's data-ch-sheet. */
  constructor(root, data, store) {
    this.root = root;
    this.data = data;
    this.t = data.texts;
    this.store = store;
    this.prefix = storagePrefix(data.handbook, data.role);
    this.items = [...root.querySelectorAll(".ch-sheet-item")].map(readItem);
    this.byId = plainMap();
    for (const item of this.items) this.byId[item.id] = item;
    this.own = { role: data.role, targets: levels(data.targets) };
    this.others = plainMap(); // role id -> targets, once catalogue.json is read
    this.names = plainMap(); // competency id -> name, from catalogue.json
    this.compare = root.querySelector('select[name="compare"]');
    this.fields = [...root.querySelectorAll(`.ch-sheet-head input[name^="${FIELD}"]`)];
    this.goals = [...root.querySelectorAll('.ch-sheet-end textarea[name^="goal-"]')];
  }

  /* ---- The form ---- */

  level(item, rater) {
    const checked = item.inputs[rater].find((input) => input.checked);
    return checked ? Number(checked.value) : null;
  }

  read(item) {
    return {
      self: this.level(item, "self"),
      manager: this.level(item, "manager"),
      note: item.el.querySelector("textarea").value,
      target: item.seen === null ? item.target : item.seen,
    };
  }

  /* Show an entry in its block. */
  show(item, entry) {
    for (const rater of ["self", "manager"]) {
      for (const input of item.inputs[rater]) input.checked = Number(input.value) === entry[rater];
    }
    item.el.querySelector("textarea").value = entry.note;
    this.mark(item, entry);
  }

  /* Say in the block when its entry was made against another target than today's. */
  mark(item, entry) {
    item.seen = changedTarget(entry, item.target);
    const changed = item.seen !== null;
    const note = item.el.querySelector(".ch-sheet-changed");
    item.el.classList.toggle("is-changed", changed);
    note.hidden = !changed;
    note.textContent = changed
      ? format(this.t.target_changed, { old: item.seen, new: item.target })
      : "";
  }

  keep(key, text) {
    if (text === null) this.store.remove(this.prefix + key);
    else this.store.set(this.prefix + key, text);
  }

  readForm() {
    const fields = Object.fromEntries(
      this.fields.map((input) => [input.name.slice(FIELD.length), input.value]),
    );
    return { fields, goals: this.goals.map((area) => area.value) };
  }

  showForm(raw) {
    const names = this.fields.map((input) => input.name.slice(FIELD.length));
    const form = cleanForm(raw, names, this.goals.length);
    this.fields.forEach((input, index) => (input.value = form.fields[names[index]]));
    this.goals.forEach((area, index) => (area.value = form.goals[index]));
  }

  restore() {
    for (const item of this.items) {
      const entry = cleanEntry(parseJson(this.store.get(this.prefix + item.id)), item);
      if (entry) this.show(item, entry);
    }
    this.showForm(parseJson(this.store.get(this.prefix + FORM_KEY)));
  }

  clear() {
    for (const item of this.items) this.show(item, emptyEntry(item.target));
    this.showForm(null);
    for (const key of this.store.keys(this.prefix)) this.store.remove(key);
  }

  /* ---- The summary ---- */

  summary() {
    const compareId = this.compare ? this.compare.value : this.data.role;
    const targets = targetsOf(compareId, this.own, this.others);
    const basis = this.root.querySelector('input[name="basis"]:checked');
    const ratings = this.items.map((item) => ({
      id: item.id,
      self: this.level(item, "self"),
      manager: this.level(item, "manager"),
    }));
    const { rows, counts } = summarise(ratings, targets, basis ? basis.value : "self");
    const scaleSize = this.items.length ? this.items[0].inputs.self.length : 1;
    this.root.querySelector(".ch-sheet-table tbody").replaceChildren(
      ...rows.map((row) => {
        const item = this.byId[row.id];
        return summaryRow(row, item.name, `#${item.el.id}`, scaleSize);
      }),
    );
    this.root.querySelector(".ch-sheet-counts").replaceChildren(...countsChart(counts, this.t));
    const box = this.root.querySelector(".ch-sheet-extra");
    const extra = extraCompetencies(targets, this.byId, this.names);
    box.querySelector("ul").replaceChildren(...extraItems(extra, this.t));
    box.hidden = extra.length === 0;
  }

  /* ---- Other roles to compare with (catalogue.json) ---- */

  /* Fetch the other roles when the summary comes into view (or its list is used), once. */
  watchSummary() {
    const section = this.compare && this.compare.closest(".ch-sheet-evaluation");
    if (section) onceNear(section, this.compare, () => this.loadOthers());
  }

  loadOthers() {
    this.root.setAttribute("data-ch-others", "loading");
    let url;
    try {
      url = siteUrl(pageConfig(), this.data.catalogue, window.location.href);
    } catch {
      this.othersFailed();
      return;
    }
    loadCatalogue(url, window.fetch.bind(window)).then(
      (data) => this.useCatalogue(readCatalogue(data)),
      () => this.othersFailed(),
    );
  }

  useCatalogue(catalogue) {
    if (!catalogue) {
      this.othersFailed();
      return;
    }
    this.others = catalogue.targets;
    this.names = catalogue.names;
    const listed = new Set([...this.compare.options].map((option) => option.value));
    this.compare.append(...roleGroups(rolesToOffer(catalogue.families, listed)));
    this.root.setAttribute("data-ch-others", "loaded");
    this.summary();
  }

  /* Without catalogue.json (opened from disk, offline): compare with this role only. */
  othersFailed() {
    const own = this.data.role;
    for (const option of this.compare.options) option.disabled = option.value !== own;
    this.compare.value = own;
    this.root.setAttribute("data-ch-others", "failed");
    this.say(this.t.compare_failed);
    const note = this.root.querySelector(".ch-sheet-compare-note");
    if (note) {
      note.textContent = this.t.compare_failed; // also where the reader is: by the select
      note.hidden = false;
    }
    this.summary();
  }

  /* ---- Export, import, reset ---- */

  exportJson() {
    const entries = this.items.map((item) => [item.id, this.read(item)]);
    const data = snapshot(this.data, entries, this.readForm());
    download(`${this.data.role}.json`, "application/json", snapshotText(data));
  }

  exportCsv() {
    const rows = this.items.map((item) => ({
      name: item.name,
      target: item.target,
      entry: this.read(item),
    }));
    download(
      `${this.data.role}.csv`,
      "text/csv;charset=utf-8",
      csvText(csvLines(this.t, rows), this.data.csv),
    );
  }

  say(text) {
    const status = this.root.querySelector(".ch-sheet-status");
    if (status) status.textContent = text;
  }

  reset() {
    if (!window.confirm(this.t.reset_confirm)) return;
    this.clear();
    this.summary();
    this.say(this.t.reset_done);
  }

  importText(text) {
    const checked = readImport(text, this.data.role);
    if (!checked.ok) {
      const other = checked.reason === "other_role";
      this.say(
        other ? format(this.t.import_other_role, { role: checked.role }) : this.t.import_failed,
      );
      return;
    }
    this.clear();
    let count = 0;
    for (const item of this.items) {
      const entry = cleanEntry(checked.data.competencies[item.id], item);
      if (!entry || isEmpty(entry)) continue;
      this.show(item, entry);
      this.keep(item.id, storedEntry(entry));
      count += 1;
    }
    this.showForm(checked.data);
    this.keep(FORM_KEY, storedForm(this.readForm()));
    this.summary();
    this.say(format(this.t.imported, { count }));
  }

  /* ---- Wiring ---- */

  onEdit(target) {
    if (target.closest(".ch-sheet-evaluation")) {
      this.summary();
      return;
    }
    const itemEl = target.closest(".ch-sheet-item");
    if (itemEl) {
      const item = this.byId[itemEl.getAttribute("data-competency")];
      item.seen = null; // a new choice is made against today's target
      const entry = this.read(item);
      this.keep(item.id, storedEntry(entry));
      this.mark(item, entry);
      this.summary();
    } else if (target.closest(".ch-sheet-head, .ch-sheet-end")) {
      this.keep(FORM_KEY, storedForm(this.readForm()));
    }
  }

  start() {
    this.restore();
    this.summary();
    this.watchSummary();
    this.root.addEventListener("change", (event) => this.onEdit(event.target));
    this.root.addEventListener("input", (event) => {
      if (event.target.matches("textarea, input[type=text]")) this.onEdit(event.target);
    });
    const file = this.root.querySelector(".ch-sheet-file");
    const actions = {
      "export-json": () => this.exportJson(),
      "export-csv": () => this.exportCsv(),
      "import-json": () => {
        file.value = "";
        file.click();
      },
      reset: () => this.reset(),
    };
    this.root.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-action]");
      const name = button && button.getAttribute("data-action");
      if (name && has(actions, name)) actions[name]();
    });
    file.addEventListener("change", (event) => {
      event.stopPropagation(); // the file input sits inside the sheet: its change is no edit
      if (!file.files || !file.files[0]) return;
      file.files[0].text().then(
        (text) => this.importText(text),
        () => this.say(this.t.import_failed),
      );
    });
  }
}
