// DOM glue of one sheet: reads and writes the form, keeps it, draws the summary, wires the buttons.

import { download, onceNear, replaceKeepingFocus, siteJson } from "./browser.js";
import { readCatalogue, rolesToOffer, setsTargets } from "./catalogue.js";
import { extraCompetencies, summarise, targetsOf } from "./compare.js";
import { has, levels, parseJson, plainMap } from "./data.js";
import { compareTargets } from "./rolediff.js";
import {
  csvLines,
  csvText,
  exportName,
  localDay,
  readImport,
  snapshot,
  snapshotText,
} from "./exchange.js";
import { cssString, format } from "./format.js";
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
import {
  countsChart,
  extraItems,
  profileChart,
  rewordedItems,
  roleGroups,
  summaryRow,
} from "./view.js";

const FIELD = "field-";
const PRINT_WIDTH = 680; // the profile on paper: A4's text width in CSS pixels, about

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
  /* `store`: storage.js's wrapper; `data`: the JSON of the sheet's script.ch-sheet-data. */
  constructor(root, data, store) {
    this.root = root;
    this.data = data;
    this.t = data.texts;
    this.store = store;
    this.sheetId = data.sheet || data.role; // a role's id, or "<path>/step-<n>"
    this.prefix = storagePrefix(data.handbook, this.sheetId);
    this.items = [...root.querySelectorAll(".ch-sheet-item")].map(readItem);
    this.byId = plainMap();
    for (const item of this.items) this.byId[item.id] = item;
    this.own = { role: data.role, targets: levels(data.targets) };
    this.others = plainMap(); // role id -> targets, once catalogue.json is read
    this.expects = plainMap(); // role id -> (competency id -> its own words), from there too
    this.names = plainMap(); // competency id -> name, from catalogue.json
    this.titles = plainMap(); // role id -> title, from catalogue.json
    this.compare = root.querySelector('select[name="compare"]');
    this.table = root.querySelector(".ch-sheet-table");
    this.pressed = null; // the chosen box a pointer went down on: a click then clears it
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
    this.showPerson();
  }

  clear() {
    for (const item of this.items) this.show(item, emptyEntry(item.target));
    this.showForm(null);
    this.showPerson();
    for (const key of this.store.keys(this.prefix)) this.store.remove(key);
  }

  /* The name typed in, atop every printed page (sheet.css reads --ch-sheet-person; without
   * a name the generator's stylesheet leaves a line to write it on). */
  showPerson() {
    const name = this.readForm().fields.name;
    const style = document.documentElement.style;
    if (name && name.trim()) {
      style.setProperty("--ch-sheet-person", cssString(format(this.t.print_person, { name })));
    } else {
      style.removeProperty("--ch-sheet-person");
    }
  }

  /* ---- Clearing a choice ---- */

  /* Remember whether the box a pointer goes down on is the chosen one. */
  notePress(target) {
    const box = target.closest(".ch-sheet-row > label");
    const input = box && box.querySelector("input");
    this.pressed = input && input.checked ? input : null;
  }

  /* A click on the chosen box clears its row (the browser would keep it chosen). */
  clickBox(input) {
    const pressed = this.pressed;
    this.pressed = null;
    if (pressed !== input) return;
    input.checked = false;
    this.cleared(input);
  }

  /* Delete or Backspace on a box clears its row. */
  keyBox(event) {
    if (event.key !== "Delete" && event.key !== "Backspace") return;
    const input = event.target;
    const row = input.closest(".ch-sheet-row");
    const chosen = row && row.querySelector("input:checked");
    if (!chosen) return;
    event.preventDefault();
    chosen.checked = false;
    this.cleared(input);
  }

  cleared(input) {
    this.onEdit(input);
    const item = this.byId[input.closest(".ch-sheet-item").getAttribute("data-competency")];
    const rater = input.closest(".ch-sheet-row").getAttribute("data-rater");
    const row = rater === "manager" ? this.t.manager_row : this.t.self;
    this.say(format(this.t.cleared, { row, competency: item.name }));
  }

  /* ---- The summary ---- */

  /* The compared role: its id, title, and whether it is this sheet's own role. */
  comparedRole() {
    const id = this.compare ? this.compare.value : this.data.role;
    if (id === this.data.role) return { id, title: this.data.subject, own: true };
    const option = this.compare.selectedOptions[0];
    const title =
      (option && option.getAttribute("data-title")) ||
      (has(this.titles, id) ? this.titles[id] : option ? option.textContent : id);
    return { id, title, own: false };
  }

  summary() {
    if (!this.table) return; // readiness sheets have no summary
    const compared = this.comparedRole();
    const targets = targetsOf(compared.id, this.own, this.others);
    const basis = this.root.querySelector('input[name="basis"]:checked');
    const ratings = this.items.map((item) => ({
      id: item.id,
      self: this.level(item, "self"),
      manager: this.level(item, "manager"),
    }));
    const { rows, counts } = summarise(ratings, targets, basis ? basis.value : "self");
    const scaleSize = this.items.length ? this.items[0].inputs.self.length : 1;
    replaceKeepingFocus(
      this.table.querySelector("tbody"),
      rows.map((row, index) => {
        const item = this.byId[row.id];
        return summaryRow(row, item.name, `#${item.el.id}`, scaleSize, index + 1);
      }),
    );
    const head = this.table.querySelector(".ch-sheet-target-head");
    head.textContent = compared.own
      ? this.t.target_short
      : format(this.t.target_other, { role: compared.title });
    const caption = format(compared.own ? this.t.compared_own : this.t.compared_other, {
      role: compared.title,
    });
    this.root.querySelector(".ch-sheet-compared").textContent = caption;
    this.root.classList.toggle("is-compared-other", !compared.own);
    this.root
      .querySelector(".ch-sheet-counts")
      .replaceChildren(...countsChart(counts, this.t, caption));
    const box = this.root.querySelector(".ch-sheet-extra");
    const extra = extraCompetencies(targets, this.byId, this.names);
    box.querySelector("ul").replaceChildren(...extraItems(extra, this.t));
    box.hidden = extra.length === 0;
    this.showReworded(compared, targets);
    this.drawProfile(rows, compared, scaleSize);
  }

  /* The competencies the compared role targets at the sheet's own level but with other words
   * (a change, as on the path page): each with what that role expects. */
  showReworded(compared, targets) {
    const box = this.root.querySelector(".ch-sheet-samelevel");
    if (!box) return;
    const ids = this.items.map((item) => item.id);
    const words = { from: this.expectsOf(this.data.role), to: this.expectsOf(compared.id) };
    const changes = compared.own
      ? []
      : compareTargets(this.own.targets, targets, ids, words).reworded;
    const items = plainMap();
    for (const item of this.items) items[item.id] = { name: item.name, href: `#${item.el.id}` };
    const texts = {
      as: box.getAttribute("data-as"),
      none: box.getAttribute("data-none"),
      target_short: this.t.target_short,
    };
    box.querySelector(".ch-sheet-extra-title").textContent = format(
      box.getAttribute("data-title"),
      { n: changes.length },
    );
    const list = rewordedItems(changes, items, texts, compared.title);
    replaceKeepingFocus(box.querySelector("ul"), list);
    box.hidden = changes.length === 0;
  }

  expectsOf(roleId) {
    return has(this.expects, roleId) ? this.expects[roleId] : plainMap();
  }

  /* The profile chart: own targets, the compared role's (when another), self, manager. */
  drawProfile(rows, compared, scaleSize) {
    const box = this.root.querySelector(".ch-sheet-profile-box");
    if (!box) return;
    const own = this.items.map((item) => item.target);
    const series = {
      target: own,
      compared: compared.own ? null : rows.map((row) => row.target),
      self: rows.map((row) => row.self),
      manager: rows.map((row) => row.manager),
    };
    const labels = {
      target: format(this.t.profile_target, { role: this.data.subject }),
      compared: format(this.t.profile_compared, { role: compared.title }),
      self: this.t.self,
      manager: this.t.manager_row,
    };
    const names = this.items.map((item) => item.name);
    const printing = window.matchMedia && window.matchMedia("print").matches;
    const width = printing ? PRINT_WIDTH : Math.max(280, Math.min(960, box.clientWidth || 640));
    box.replaceChildren(...profileChart({ names, series, labels }, this.t, scaleSize, width));
  }

  /* ---- Other roles to compare with (catalogue.json) ---- */

  /* Fetch the other roles when the summary comes into view (or its list is used), once. */
  watchSummary() {
    const section = this.compare && this.compare.closest(".ch-sheet-evaluation");
    if (section) onceNear(section, this.compare, () => this.loadOthers());
  }

  loadOthers() {
    this.root.setAttribute("data-ch-others", "loading");
    siteJson(this.data.catalogue).then(
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
    this.expects = catalogue.expects;
    this.names = catalogue.names;
    for (const family of catalogue.families) {
      for (const role of family.roles) this.titles[role.id] = role.title;
    }
    // A role described in words only sets no targets: nothing to compare with, not offered
    // (not even as the next step the page lists).
    for (const option of [...this.compare.options]) {
      const id = option.value;
      if (id !== this.data.role && has(this.others, id) && !setsTargets(this.others, id)) {
        if (option.selected) this.compare.value = this.data.role;
        option.remove();
      }
    }
    const listed = new Set([...this.compare.options].map((option) => option.value));
    this.compare.append(...roleGroups(rolesToOffer(catalogue.families, listed, this.others)));
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
    const form = this.readForm();
    const today = localDay(new Date());
    const data = snapshot({ ...this.data, sheet: this.sheetId }, entries, form, today);
    download(exportName(this.sheetId, form, today, "json"), "application/json", snapshotText(data));
  }

  exportCsv() {
    const rows = this.items.map((item) => ({
      name: item.name,
      target: item.target,
      entry: this.read(item),
    }));
    const form = this.readForm();
    const lines = csvLines(this.t, this.data, form, rows);
    download(
      exportName(this.sheetId, form, localDay(new Date()), "csv"),
      "text/csv;charset=utf-8",
      csvText(lines, this.data.csv),
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
    const checked = readImport(text, this.sheetId);
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
    this.showPerson();
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
      this.showPerson();
    }
  }

  start() {
    this.restore();
    this.summary();
    this.watchSummary();
    let resized = null;
    window.addEventListener("resize", () => {
      window.clearTimeout(resized);
      resized = window.setTimeout(() => this.summary(), 200);
    });
    // The profile is drawn again for paper, and again for the screen after printing.
    window.addEventListener("beforeprint", () => this.summary());
    window.addEventListener("afterprint", () => this.summary());
    if (window.matchMedia) {
      window.matchMedia("print").addEventListener("change", () => this.summary());
    }
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
    this.root.addEventListener("pointerdown", (event) => this.notePress(event.target));
    this.root.addEventListener("keydown", (event) => {
      this.pressed = null;
      if (event.target.matches(".ch-sheet-row > label > input")) this.keyBox(event);
    });
    this.root.addEventListener("click", (event) => {
      if (event.target.matches(".ch-sheet-row > label > input")) this.clickBox(event.target);
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
