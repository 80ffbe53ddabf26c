// The compare page (compare/): two roles from catalogue.json side by side, the choice in the
// address (?from=<role>&to=<role>) so that a link can be shared. The page's form works without
// this script (it only reloads the page with the choice); the script works out the result.
// Catalogue text is only ever set as textContent, never parsed as HTML.

import { siteJson } from "./browser.js";
import { readCatalogue, setsTargets } from "./catalogue.js";
import { has } from "./data.js";
import { format, formatParts } from "./format.js";
import { KINDS, chosenRoles, compareTargets, competencyOrder } from "./rolediff.js";
import { expectsBox } from "./view.js";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/* A level bar as the role pages draw it (docs_templates/partials/level_bar.j2): one element,
   its cells drawn by handbook.css. */
function levelBar(level, maximum, texts) {
  if (level === null) return element("span", "ch-muted", texts.no_level);
  const bar = element("span", `ch-level ch-level--${level} ch-level--of-${maximum}`, String(level));
  bar.setAttribute("role", "img");
  bar.setAttribute("aria-label", format(texts.level_alt, { level, maximum }));
  return bar;
}

function link(text, href) {
  const anchor = element("a", null, text);
  anchor.href = href;
  return anchor;
}

class ComparePage {
  constructor(form, data) {
    this.form = form;
    this.data = data;
    this.from = form.querySelector('select[name="from"]');
    this.to = form.querySelector('select[name="to"]');
    this.result = document.querySelector(".ch-compare-result");
    this.t = data.texts;
  }

  start() {
    const note = document.querySelector(".ch-compare-nojs");
    if (note) note.hidden = true;
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.show(true);
    });
    for (const select of [this.from, this.to]) {
      select.addEventListener("change", () => this.show(true));
    }
    siteJson(this.data.catalogue).then(
      (raw) => this.use(raw),
      () => this.failed(),
    );
  }

  use(raw) {
    const catalogue = readCatalogue(raw);
    if (!catalogue) {
      this.failed();
      return;
    }
    this.catalogue = catalogue;
    this.order = competencyOrder(raw);
    const ids = [...this.from.options].map((option) => option.value);
    const params = new URLSearchParams(window.location.search);
    const chosen = chosenRoles(params, ids, raw.paths, { from: this.from.value, to: this.to.value });
    this.from.value = chosen.from;
    this.to.value = chosen.to;
    this.show(false);
  }

  failed() {
    this.result.replaceChildren(element("p", "ch-compare-status", this.t.failed));
  }

  title(select) {
    return select.selectedOptions[0] ? select.selectedOptions[0].textContent : select.value;
  }

  /* The result for the chosen roles; `remember`: write the choice into the address. */
  show(remember) {
    if (!this.catalogue) return;
    const from = this.from.value;
    const to = this.to.value;
    if (remember) {
      const url = new URL(window.location.href);
      url.searchParams.set("from", from);
      url.searchParams.set("to", to);
      window.history.replaceState(null, "", url.href);
    }
    if (from === to) {
      this.result.replaceChildren(element("p", "ch-compare-status", this.t.same_role));
      return;
    }
    const targets = this.catalogue.targets;
    const chosen = [
      [from, this.from],
      [to, this.to],
    ];
    const inWords = chosen.filter(([id]) => !setsTargets(targets, id));
    if (inWords.length) {
      this.result.replaceChildren(...inWords.map(([id, select]) => this.inWords(id, select)));
      this.mark(from, to);
      return;
    }
    const expects = this.catalogue.expects;
    const words = { from: expects[from], to: expects[to] };
    const diff = compareTargets(targets[from], targets[to], this.order, words);
    const names = { from_role: this.title(this.from), to_role: this.title(this.to) };
    const counts = [...KINDS.map((kind) => [kind, diff[kind].length]), ["same", diff.same]]
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => format(this.t[`count_${kind}`], { n }))
      .join(", ");
    const parts = [element("p", "ch-summary", format(this.t.summary, { ...names, counts }))];
    if (KINDS.every((kind) => diff[kind].length === 0)) {
      parts.push(element("p", null, this.t.nothing));
    } else {
      parts.push(this.table(diff, from, to));
    }
    this.result.replaceChildren(...parts);
    this.mark(from, to);
  }

  /* Say which roles the result shows (the tests wait for it). */
  mark(from, to) {
    this.result.setAttribute("data-from", from);
    this.result.setAttribute("data-to", to);
  }

  /* A role described in words only (`competencies: {}`): it sets no targets, so there is
   * nothing to compare; say so, with a link to its page, which says what it expects. */
  inWords(id, select) {
    const title = this.title(select);
    const roles = this.data.roles;
    const role = has(roles, id) ? link(title, roles[id]) : element("strong", null, title);
    const note = element("p", "ch-compare-status ch-compare-words-only");
    note.setAttribute("data-role", id);
    note.append(...formatParts(this.t.no_targets, { role }));
    return note;
  }

  table(diff, from, to) {
    const table = element("table", "ch-changes ch-compare-table");
    const head = element("thead");
    const row = element("tr");
    const roles = this.data.roles;
    const heading = (select, id) => {
      const th = element("th");
      th.scope = "col";
      th.append(has(roles, id) ? link(this.title(select), roles[id]) : this.title(select));
      return th;
    };
    const first = element("th", null, this.t.competency);
    first.scope = "col";
    row.append(first, heading(this.from, from), heading(this.to, to));
    head.append(row);
    table.append(head);
    for (const kind of KINDS) {
      if (!diff[kind].length) continue;
      const body = element("tbody", `ch-changes__${kind}`);
      body.setAttribute("data-kind", kind);
      const title = element("th", "ch-changes__title", this.heading(kind, diff[kind].length));
      title.colSpan = 3;
      title.scope = "rowgroup";
      const titleRow = element("tr");
      titleRow.append(title);
      body.append(titleRow);
      for (const change of diff[kind]) body.append(this.row(change));
      table.append(body);
    }
    const scroll = element("div", "ch-scroll");
    scroll.append(table);
    return scroll;
  }

  /* "Higher target (4)"; a target with other words as the path page says it. */
  heading(kind, count) {
    return kind === "reworded"
      ? format(this.t.reworded, { n: count })
      : `${this.t[kind]} (${count})`;
  }

  row(change) {
    const tr = element("tr");
    tr.setAttribute("data-competency", change.id);
    const name = has(this.catalogue.names, change.id) ? this.catalogue.names[change.id] : change.id;
    const th = element("th");
    th.scope = "row";
    const competencies = this.data.competencies;
    th.append(has(competencies, change.id) ? link(name, competencies[change.id]) : name);
    // What each role expects in words, in its own column: at the same level both (one may
    // say it has none); where the level changes, a role's words where it has any.
    const reworded = change.from === change.to;
    const cell = (level, words) => {
      const td = element("td");
      td.append(levelBar(level, this.data.maximum, this.t));
      if (words !== undefined && (reworded || words !== null)) {
        td.append(expectsBox(words, this.t.no_expects, "ch-compare-expects"));
      }
      return td;
    };
    const words = change.words || {};
    tr.append(th, cell(change.from, words.from), cell(change.to, words.to));
    return tr;
  }
}

/* The texts the template gives the result's element (compare.md.j2), by the script's names. */
function run() {
  const form = document.querySelector("form.ch-compare-form[data-ch-compare]");
  if (!form || form.getAttribute("data-ch-ready")) return;
  form.setAttribute("data-ch-ready", "1");
  new ComparePage(form, JSON.parse(form.getAttribute("data-ch-compare"))).start();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
else run();
