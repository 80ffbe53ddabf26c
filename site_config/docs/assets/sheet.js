/* Self-assessment sheets: remember choices in this browser, summarise, export and import.
 *
 * The page works without this script: the boxes are real radio inputs and the sheet prints
 * blank. The script adds what needs a program: choices kept in localStorage (keyed by
 * handbook, role and competency id; nothing leaves the browser), a summary against the
 * role's or another role's targets, reset, JSON export/import and CSV export.
 *
 * The page's data comes from the generator in the root's `data-ch-sheet` attribute: this
 * role's targets and the texts only. "Compare with" lists the role and its next steps; the
 * other roles, their targets and the names of competencies not on this sheet come from the
 * site's catalogue.json, fetched (once, from the same site) when the summary comes into view.
 *
 * Catalogue text (competency names, role titles, family names) is only ever set with
 * textContent (or an optgroup's label property), never parsed as HTML.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var FORMAT = "competency-handbook-sheet";
  var COLORS = { above: "#2e7d32", at: "#3f51b5", below: "#c62828", unrated: "#bdbdbd" };

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svgElement(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, String(attributes[name]));
    });
    return node;
  }

  function signed(number) {
    if (number === null) return "–";
    return number > 0 ? "+" + number : number < 0 ? "\u2212" + -number : "0";
  }

  /* The site's catalogue.json, fetched once per page load and shared by every sheet on it. */
  var catalogues = Object.create(null);

  /* Where the site root is: Material's page config names it relative to the page ("../.."). */
  function siteUrl(name) {
    var base = ".";
    var config = document.getElementById("__config");
    try {
      base = (config && JSON.parse(config.textContent).base) || ".";
    } catch (error) {
      base = ".";
    }
    return new URL(base.replace(/\/*$/, "/") + name, window.location.href).href;
  }

  function loadCatalogue(name) {
    var url;
    try {
      url = siteUrl(name);
    } catch (error) {
      return Promise.reject(error);
    }
    if (!catalogues[url]) {
      catalogues[url] = window
        .fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + url);
          return response.json();
        });
      catalogues[url].catch(function () {
        delete catalogues[url]; // a later page may try again
      });
    }
    return catalogues[url];
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function list(value) {
    return Array.isArray(value) ? value.filter(isObject) : [];
  }

  /* A map without inherited keys, so that an id such as "constructor" is only ever an id. */
  function map() {
    return Object.create(null);
  }

  /* Competency id -> level, keeping whole numbers only. */
  function levels(value) {
    var found = map();
    if (isObject(value)) {
      Object.keys(value).forEach(function (id) {
        if (Number.isInteger(value[id])) found[id] = value[id];
      });
    }
    return found;
  }

  /* Roles of a family as the handbook orders them: rank, then title, then id. */
  function roleOrder(a, b) {
    var rank = function (role) {
      return typeof role.rank === "number" ? role.rank : Infinity;
    };
    var title = function (role) {
      return String(role.title).toLowerCase();
    };
    if (rank(a) !== rank(b)) return rank(a) < rank(b) ? -1 : 1;
    if (title(a) !== title(b)) return title(a) < title(b) ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }

  /* localStorage may be missing or refuse writes (private modes, quotas): then nothing is kept. */
  var store = {
    get: function (key) {
      try {
        return window.localStorage.getItem(key);
      } catch (error) {
        return null;
      }
    },
    set: function (key, value) {
      try {
        window.localStorage.setItem(key, value);
      } catch (error) {
        /* not kept */
      }
    },
    remove: function (key) {
      try {
        window.localStorage.removeItem(key);
      } catch (error) {
        /* nothing to remove */
      }
    },
    keys: function (prefix) {
      var found = [];
      try {
        for (var index = 0; index < window.localStorage.length; index++) {
          var key = window.localStorage.key(index);
          if (key && key.indexOf(prefix) === 0) found.push(key);
        }
      } catch (error) {
        /* no storage */
      }
      return found;
    },
  };

  function Sheet(root, data) {
    this.root = root;
    this.data = data;
    this.t = data.texts;
    this.prefix = ["competency-handbook", data.handbook, data.role].join("\u001f") + "\u001f";
    this.items = Array.prototype.map.call(root.querySelectorAll(".ch-sheet-item"), function (el) {
      return {
        el: el,
        id: el.getAttribute("data-competency"),
        target: Number(el.getAttribute("data-target")),
        seen: null, // the target shown when the current choice was made, if not this one
        name: el.querySelector(".ch-sheet-name").textContent,
      };
    });
    this.byId = map();
    this.items.forEach(function (item) {
      this.byId[item.id] = item;
    }, this);
    this.status = root.querySelector(".ch-sheet-status");
    this.compare = root.querySelector('select[name="compare"]');
    this.own = levels(data.targets);
    this.others = map(); // role id -> targets of the other roles, once catalogue.json is loaded
    this.names = map(); // competency id -> name, from catalogue.json
  }

  Sheet.prototype.key = function (id) {
    return this.prefix + id;
  };

  /* ---- Reading and writing the form ---- */

  Sheet.prototype.level = function (item, rater) {
    var checked = item.el.querySelector('input[name="' + rater + "-" + CSS.escape(item.id) + '"]:checked');
    return checked ? Number(checked.value) : null;
  };

  Sheet.prototype.setLevel = function (item, rater, level) {
    var inputs = item.el.querySelectorAll('input[name="' + rater + "-" + CSS.escape(item.id) + '"]');
    Array.prototype.forEach.call(inputs, function (input) {
      input.checked = level !== null && Number(input.value) === level;
    });
  };

  Sheet.prototype.isLevel = function (item, level) {
    return (
      Number.isInteger(level) &&
      item.el.querySelector('input[value="' + level + '"]') !== null
    );
  };

  Sheet.prototype.read = function (item) {
    return {
      self: this.level(item, "self"),
      manager: this.level(item, "manager"),
      note: item.el.querySelector("textarea").value,
      target: item.seen === null ? item.target : item.seen,
    };
  };

  Sheet.prototype.write = function (item, entry) {
    this.setLevel(item, "self", entry.self);
    this.setLevel(item, "manager", entry.manager);
    item.el.querySelector("textarea").value = entry.note;
  };

  /* An entry from storage or a file, reduced to what this sheet can show; null if unusable. */
  Sheet.prototype.clean = function (item, raw) {
    if (!raw || typeof raw !== "object") return null;
    var level = function (value) {
      return this.isLevel(item, value) ? value : null;
    }.bind(this);
    return {
      self: level(raw.self),
      manager: level(raw.manager),
      note: typeof raw.note === "string" ? raw.note : "",
      target: Number.isInteger(raw.target) ? raw.target : item.target,
    };
  };

  Sheet.prototype.isEmpty = function (entry) {
    return entry.self === null && entry.manager === null && entry.note === "";
  };

  Sheet.prototype.keep = function (item, entry) {
    if (this.isEmpty(entry)) store.remove(this.key(item.id));
    else store.set(this.key(item.id), JSON.stringify(entry));
  };

  Sheet.prototype.formFields = function () {
    return this.root.querySelectorAll('.ch-sheet-head input[name^="field-"]');
  };

  Sheet.prototype.goalFields = function () {
    return this.root.querySelectorAll('.ch-sheet-end textarea[name^="goal-"]');
  };

  Sheet.prototype.readForm = function () {
    var fields = {};
    Array.prototype.forEach.call(this.formFields(), function (input) {
      fields[input.name.slice("field-".length)] = input.value;
    });
    var goals = Array.prototype.map.call(this.goalFields(), function (area) {
      return area.value;
    });
    return { fields: fields, goals: goals };
  };

  Sheet.prototype.writeForm = function (form) {
    var fields = (form && typeof form.fields === "object" && form.fields) || {};
    var goals = (form && Array.isArray(form.goals) && form.goals) || [];
    Array.prototype.forEach.call(this.formFields(), function (input) {
      var value = fields[input.name.slice("field-".length)];
      input.value = typeof value === "string" ? value : "";
    });
    Array.prototype.forEach.call(this.goalFields(), function (area, index) {
      area.value = typeof goals[index] === "string" ? goals[index] : "";
    });
  };

  Sheet.prototype.keepForm = function () {
    var form = this.readForm();
    var empty =
      Object.keys(form.fields).every(function (key) {
        return form.fields[key] === "";
      }) &&
      form.goals.every(function (goal) {
        return goal === "";
      });
    if (empty) store.remove(this.key("_form"));
    else store.set(this.key("_form"), JSON.stringify(form));
  };

  /* A choice stored under an earlier edition whose target has changed since: say so. */
  Sheet.prototype.markChanged = function (item, entry) {
    var note = item.el.querySelector(".ch-sheet-changed");
    var changed = !this.isEmpty(entry) && entry.target !== item.target;
    item.seen = changed ? entry.target : null;
    item.el.classList.toggle("is-changed", changed);
    note.hidden = !changed;
    note.textContent = changed ? format(this.t.target_changed, { old: entry.target, new: item.target }) : "";
  };

  Sheet.prototype.restore = function () {
    this.items.forEach(function (item) {
      var raw = null;
      try {
        raw = JSON.parse(store.get(this.key(item.id)) || "null");
      } catch (error) {
        raw = null;
      }
      var entry = this.clean(item, raw);
      if (!entry) return;
      this.write(item, entry);
      this.markChanged(item, entry);
    }, this);
    try {
      this.writeForm(JSON.parse(store.get(this.key("_form")) || "null"));
    } catch (error) {
      /* an unreadable form entry is ignored */
    }
  };

  /* ---- Summary ---- */

  /* The targets of a role: this role's from the page, the others' from catalogue.json. */
  Sheet.prototype.targetsOf = function (roleId) {
    if (roleId === this.data.role) return this.own;
    return this.others[roleId] || map();
  };

  Sheet.prototype.summary = function () {
    var compareId = this.compare ? this.compare.value : this.data.role;
    var targets = this.targetsOf(compareId);
    var basisInput = this.root.querySelector('input[name="basis"]:checked');
    var basis = basisInput ? basisInput.value : "self";
    var counts = { above: 0, at: 0, below: 0, unrated: 0 };
    var rows = this.items.map(function (item) {
      var target = item.id in targets ? targets[item.id] : null;
      var self = this.level(item, "self");
      var manager = this.level(item, "manager");
      var value = basis === "manager" ? manager : self;
      var gap = value !== null && target !== null ? value - target : null;
      if (target !== null) {
        var kind = value === null ? "unrated" : gap > 0 ? "above" : gap < 0 ? "below" : "at";
        counts[kind] += 1;
      }
      return this.summaryRow(item, target, self, manager, gap);
    }, this);
    this.root.querySelector(".ch-sheet-table tbody").replaceChildren.apply(
      this.root.querySelector(".ch-sheet-table tbody"),
      rows
    );
    this.renderCounts(counts);
    this.renderExtra(targets);
  };

  Sheet.prototype.summaryRow = function (item, target, self, manager, gap) {
    var row = element("tr");
    var name = element("td");
    var link = element("a", null, item.name);
    link.href = "#" + item.el.id;
    name.append(link);
    var gapCell = element("td", gap === null ? "" : gap < 0 ? "is-below" : gap > 0 ? "is-above" : "");
    gapCell.append(document.createTextNode(signed(gap)));
    if (gap !== null) gapCell.append(this.gapBar(gap));
    row.append(
      name,
      element("td", null, target === null ? "–" : String(target)),
      element("td", null, self === null ? "–" : String(self)),
      element("td", null, manager === null ? "–" : String(manager)),
      gapCell
    );
    return row;
  };

  /* A small bar around a centre line: to the right above target, to the left below it. */
  Sheet.prototype.gapBar = function (gap) {
    var span = Math.max(1, this.scaleSize() - 1);
    var half = 30;
    var width = (Math.abs(gap) / span) * half;
    var svg = svgElement("svg", { width: 64, height: 12, viewBox: "0 0 64 12", class: "ch-sheet-gapbar" });
    svg.setAttribute("aria-hidden", "true");
    svg.append(
      svgElement("rect", {
        x: gap < 0 ? 32 - width : 32,
        y: 2,
        width: width,
        height: 8,
        fill: gap < 0 ? COLORS.below : COLORS.above,
      }),
      svgElement("line", { x1: 32, x2: 32, y1: 0, y2: 12, stroke: "#616161", "stroke-width": 1 })
    );
    return svg;
  };

  Sheet.prototype.scaleSize = function () {
    return this.items.length ? this.items[0].el.querySelectorAll('fieldset[data-rater="self"] input').length : 1;
  };

  Sheet.prototype.renderCounts = function (counts) {
    var box = this.root.querySelector(".ch-sheet-counts");
    var kinds = ["above", "at", "below", "unrated"];
    var total = kinds.reduce(function (sum, kind) {
      return sum + counts[kind];
    }, 0);
    var label = kinds
      .map(function (kind) {
        return counts[kind] + " " + this.t[kind];
      }, this)
      .join(", ");
    var svg = svgElement("svg", {
      viewBox: "0 0 240 16",
      width: 240,
      height: 16,
      class: "ch-sheet-chart",
      role: "img",
    });
    svg.setAttribute("aria-label", this.t.chart_label + ": " + label);
    var title = svgElement("title", {});
    title.textContent = label;
    svg.append(title);
    var x = 0;
    kinds.forEach(function (kind) {
      if (!counts[kind] || !total) return;
      var width = (counts[kind] / total) * 240;
      svg.append(svgElement("rect", { x: x, y: 0, width: width, height: 16, fill: COLORS[kind], "data-kind": kind }));
      x += width;
    });
    var legend = kinds.map(function (kind) {
      var item = element("span", "ch-sheet-count");
      item.setAttribute("data-kind", kind);
      var swatch = element("span", "ch-sheet-swatch");
      swatch.style.background = COLORS[kind];
      item.append(swatch, element("strong", null, String(counts[kind])), document.createTextNode(" " + this.t[kind]));
      return item;
    }, this);
    box.replaceChildren.apply(box, [svg].concat(legend));
  };

  /* Competencies the compared role needs that are not on this sheet. */
  Sheet.prototype.renderExtra = function (targets) {
    var box = this.root.querySelector(".ch-sheet-extra");
    var list = box.querySelector("ul");
    var names = this.names;
    var extra = Object.keys(targets).filter(function (id) {
      return !(id in this.byId) && id in names;
    }, this);
    extra.sort(function (a, b) {
      return names[a].localeCompare(names[b]);
    });
    list.replaceChildren.apply(
      list,
      extra.map(function (id) {
        return element("li", null, names[id] + " – " + this.t.target_short + " " + targets[id]);
      }, this)
    );
    box.hidden = extra.length === 0;
  };

  /* ---- Other roles to compare with (catalogue.json) ---- */

  /* Fetch the other roles when the summary comes into view (or its list is used), once. */
  Sheet.prototype.watchSummary = function () {
    var self = this;
    var section = this.compare && this.compare.closest(".ch-sheet-evaluation");
    if (!section) return;
    var started = false;
    var observer = null;
    var load = function () {
      if (started) return;
      started = true;
      if (observer) observer.disconnect();
      self.loadOthers();
    };
    if (!("IntersectionObserver" in window)) {
      load();
      return;
    }
    observer = new IntersectionObserver(
      function (entries) {
        var seen = entries.some(function (entry) {
          return entry.isIntersecting;
        });
        if (seen) load();
      },
      { rootMargin: "400px 0px" }
    );
    observer.observe(section);
    this.compare.addEventListener("focus", load);
    this.compare.addEventListener("pointerdown", load);
  };

  Sheet.prototype.loadOthers = function () {
    var self = this;
    this.root.setAttribute("data-ch-others", "loading");
    loadCatalogue(this.data.catalogue).then(
      function (catalogue) {
        self.useCatalogue(catalogue);
      },
      function () {
        self.othersFailed();
      }
    );
  };

  Sheet.prototype.useCatalogue = function (catalogue) {
    if (!isObject(catalogue)) {
      this.othersFailed();
      return;
    }
    var roles = list(catalogue.roles).filter(function (role) {
      return typeof role.id === "string" && isObject(role.competencies);
    });
    var others = map();
    roles.forEach(function (role) {
      others[role.id] = levels(role.competencies);
    });
    var names = map();
    list(catalogue.competency_groups).forEach(function (group) {
      list(group.competencies).forEach(function (competency) {
        if (typeof competency.id === "string") names[competency.id] = String(competency.name);
      });
    });
    this.others = others;
    this.names = names;
    this.addRoleOptions(list(catalogue.families), roles);
    this.root.setAttribute("data-ch-others", "loaded");
    this.summary();
  };

  /* Every role not yet listed, in an optgroup per family, after the generator's options. */
  Sheet.prototype.addRoleOptions = function (families, roles) {
    var listed = map();
    Array.prototype.forEach.call(this.compare.options, function (option) {
      listed[option.value] = true;
    });
    var byFamily = map();
    roles.forEach(function (role) {
      if (listed[role.id]) return;
      var family = String(role.family);
      (byFamily[family] = byFamily[family] || []).push(role);
    });
    var groups = families
      .filter(function (family) {
        return byFamily[String(family.id)];
      })
      .map(function (family) {
        var group = element("optgroup");
        group.label = String(family.name);
        byFamily[String(family.id)].sort(roleOrder).forEach(function (role) {
          var option = element("option", null, String(role.title));
          option.value = role.id;
          group.append(option);
        });
        return group;
      });
    this.compare.append.apply(this.compare, groups);
  };

  /* Without catalogue.json (opened from disk, offline): compare with this role only. */
  Sheet.prototype.othersFailed = function () {
    var own = this.data.role;
    Array.prototype.forEach.call(this.compare.options, function (option) {
      option.disabled = option.value !== own;
    });
    this.compare.value = own;
    this.root.setAttribute("data-ch-others", "failed");
    this.say(this.t.compare_failed);
    var note = this.root.querySelector(".ch-sheet-compare-note");
    if (note) {
      note.textContent = this.t.compare_failed; // also where the reader is: by the select
      note.hidden = false;
    }
    this.summary();
  };

  /* ---- Export, import, reset ---- */

  Sheet.prototype.snapshot = function () {
    var competencies = {};
    this.items.forEach(function (item) {
      var entry = this.read(item);
      if (!this.isEmpty(entry)) competencies[item.id] = entry;
    }, this);
    var form = this.readForm();
    return {
      format: FORMAT,
      version: 1,
      handbook: this.data.handbook,
      role: this.data.role,
      edition: this.data.edition,
      fields: form.fields,
      goals: form.goals,
      competencies: competencies,
    };
  };

  Sheet.prototype.csv = function () {
    var rules = this.data.csv; // the generator's rules, the same as matrix.csv's
    var separator = rules.separator;
    var cell = function (value) {
      var text = value === null || value === undefined ? "" : String(value);
      if (typeof value === "string" && text && rules.formula_start.indexOf(text[0]) >= 0) {
        text = rules.prefix + text; // text only: numbers stay numbers
      }
      if (text.indexOf(separator) >= 0 || /["\r\n]/.test(text)) text = '"' + text.replace(/"/g, '""') + '"';
      return text;
    };
    var t = this.t;
    var lines = [[t.competency, t.target_short, t.self, t.manager_row, t.gap, t.notes]];
    this.items.forEach(function (item) {
      var entry = this.read(item);
      var gap = entry.self === null ? null : entry.self - item.target;
      lines.push([item.name, item.target, entry.self, entry.manager, gap, entry.note]);
    }, this);
    return (
      "\ufeff" +
      lines
        .map(function (line) {
          return line.map(cell).join(separator);
        })
        .join("\r\n") +
      "\r\n"
    );
  };

  Sheet.prototype.download = function (name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = element("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  };

  Sheet.prototype.say = function (text) {
    if (this.status) this.status.textContent = text;
  };

  Sheet.prototype.clear = function () {
    this.items.forEach(function (item) {
      this.write(item, { self: null, manager: null, note: "" });
      this.markChanged(item, { self: null, manager: null, note: "", target: item.target });
    }, this);
    this.writeForm(null);
    store.keys(this.prefix).forEach(store.remove);
  };

  Sheet.prototype.reset = function () {
    if (!window.confirm(this.t.reset_confirm)) return;
    this.clear();
    this.summary();
    this.say(this.t.reset_done);
  };

  Sheet.prototype.importText = function (text) {
    var data = null;
    try {
      data = JSON.parse(text);
    } catch (error) {
      data = null;
    }
    if (!data || data.format !== FORMAT || !data.competencies || typeof data.competencies !== "object") {
      this.say(this.t.import_failed);
      return;
    }
    if (data.role !== this.data.role) {
      this.say(format(this.t.import_other_role, { role: String(data.role) }));
      return;
    }
    this.clear();
    var count = 0;
    this.items.forEach(function (item) {
      var entry = this.clean(item, data.competencies[item.id]);
      if (!entry || this.isEmpty(entry)) return;
      this.write(item, entry);
      this.keep(item, entry);
      this.markChanged(item, entry);
      count += 1;
    }, this);
    this.writeForm(data);
    this.keepForm();
    this.summary();
    this.say(format(this.t.imported, { count: count }));
  };

  /* ---- Wiring ---- */

  Sheet.prototype.onEdit = function (event) {
    var target = event.target;
    if (target.closest(".ch-sheet-evaluation")) {
      this.summary();
      return;
    }
    var itemEl = target.closest(".ch-sheet-item");
    if (itemEl) {
      var item = this.byId[itemEl.getAttribute("data-competency")];
      item.seen = null; // a new choice is made against today's target
      var entry = this.read(item);
      this.keep(item, entry);
      this.markChanged(item, entry);
      this.summary();
    } else if (target.closest(".ch-sheet-head, .ch-sheet-end")) {
      this.keepForm();
    }
  };

  Sheet.prototype.start = function () {
    var self = this;
    this.restore();
    this.summary();
    this.watchSummary();
    this.root.addEventListener("change", this.onEdit.bind(this));
    this.root.addEventListener("input", function (event) {
      if (event.target.matches("textarea, input[type=text]")) self.onEdit(event);
    });
    var file = this.root.querySelector(".ch-sheet-file");
    var actions = {
      "export-json": function () {
        self.download(self.data.role + ".json", "application/json", JSON.stringify(self.snapshot(), null, 2) + "\n");
      },
      "export-csv": function () {
        self.download(self.data.role + ".csv", "text/csv;charset=utf-8", self.csv());
      },
      "import-json": function () {
        file.value = "";
        file.click();
      },
      reset: function () {
        self.reset();
      },
    };
    this.root.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (button && actions[button.getAttribute("data-action")]) actions[button.getAttribute("data-action")]();
    });
    file.addEventListener("change", function () {
      if (!file.files || !file.files[0]) return;
      file.files[0].text().then(
        function (text) {
          self.importText(text);
        },
        function () {
          self.say(self.t.import_failed);
        }
      );
    });
    /* the file input sits inside the sheet; its own change must not count as an edit */
    file.addEventListener("change", function (event) {
      event.stopPropagation();
    });
  };

  function init(root) {
    if (root.getAttribute("data-ch-ready")) return;
    root.setAttribute("data-ch-ready", "1");
    Array.prototype.forEach.call(root.querySelectorAll(".ch-sheet-js"), function (el) {
      el.hidden = false;
    });
    var print = root.querySelector('[data-action="print"]');
    if (print) {
      print.addEventListener("click", function () {
        window.print();
      });
    }
    var raw = root.getAttribute("data-ch-sheet");
    if (raw) new Sheet(root, JSON.parse(raw)).start();
  }

  function run() {
    Array.prototype.forEach.call(document.querySelectorAll(".ch-sheet"), init);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(run);
})();
