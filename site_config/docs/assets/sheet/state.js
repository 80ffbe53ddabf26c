// What a sheet remembers: entries per competency (levels, note, target), head and goals, keys.

import { has, isObject } from "./data.js";

/* Under this key, after the sheet's prefix, the head's fields and the goals are kept. */
export const FORM_KEY = "_form";

/* Every storage key of one sheet starts with this: handbook and role, kept apart by U+001F. */
export function storagePrefix(handbook, role) {
  return ["competency-handbook", handbook, role].join("\u001f") + "\u001f";
}

export function emptyEntry(target) {
  return { self: null, manager: null, note: "", target };
}

export function isEmpty(entry) {
  return entry.self === null && entry.manager === null && entry.note === "";
}

/* An entry from storage or a file, reduced to what this competency's boxes can show.
 * `item`: { target, levels } with the levels its boxes offer. null when `raw` is no entry;
 * the target it was made against is kept (whole numbers only), else today's. */
export function cleanEntry(raw, item) {
  if (!isObject(raw)) return null;
  const level = (value) => (Number.isInteger(value) && item.levels.includes(value) ? value : null);
  return {
    self: level(raw.self),
    manager: level(raw.manager),
    note: typeof raw.note === "string" ? raw.note : "",
    target: Number.isInteger(raw.target) ? raw.target : item.target,
  };
}

/* The target an entry was made against when it differs from today's (an earlier edition's
 * choice: the sheet says so and keeps it until a new choice is made); null otherwise. */
export function changedTarget(entry, target) {
  return !isEmpty(entry) && entry.target !== target ? entry.target : null;
}

/* What to keep for an entry: its JSON, or null to remove it (an empty entry is not kept). */
export function storedEntry(entry) {
  return isEmpty(entry) ? null : JSON.stringify(entry);
}

/* The head's fields and the goals from storage or a file: text only, one value per field
 * and goal the sheet has (`names` of the fields, `goalCount` goals), "" where none is given. */
export function cleanForm(raw, names, goalCount) {
  const fields = raw && isObject(raw.fields) ? raw.fields : {};
  const goals = raw && Array.isArray(raw.goals) ? raw.goals : [];
  const text = (value) => (typeof value === "string" ? value : "");
  return {
    fields: Object.fromEntries(
      names.map((name) => [name, has(fields, name) ? text(fields[name]) : ""]),
    ),
    goals: Array.from({ length: goalCount }, (_, index) => text(goals[index])),
  };
}

/* What to keep for the head and goals: their JSON, or null to remove it when all are empty. */
export function storedForm(form) {
  const empty =
    Object.values(form.fields).every((value) => value === "") &&
    form.goals.every((goal) => goal === "");
  return empty ? null : JSON.stringify(form);
}
