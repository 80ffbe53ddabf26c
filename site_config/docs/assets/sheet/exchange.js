// A sheet in and out of the browser: the JSON snapshot, checks on an imported file, the CSV text.

import { isObject, parseJson } from "./data.js";
import { isEmpty } from "./state.js";

export const FORMAT = "competency-handbook-sheet";
export const VERSION = 1;

/* The JSON export. `sheet`: { handbook, role, edition }; `entries`: [[competency id, entry]]
 * (empty entries are left out); `form`: { fields, goals }. */
export function snapshot(sheet, entries, form) {
  const competencies = Object.fromEntries(entries.filter(([, entry]) => !isEmpty(entry)));
  return {
    format: FORMAT,
    version: VERSION,
    handbook: sheet.handbook,
    role: sheet.role,
    edition: sheet.edition,
    fields: form.fields,
    goals: form.goals,
    competencies,
  };
}

/* The text of the JSON file to download. */
export function snapshotText(data) {
  return JSON.stringify(data, null, 2) + "\n";
}

/* An imported file's text checked for this `role`: { ok: true, data } to use, or
 * { ok: false, reason: "unreadable" } (not JSON, not a sheet, no competencies), or
 * { ok: false, reason: "other_role", role } (a sheet of another role). */
export function readImport(text, role) {
  const data = parseJson(text);
  if (!isObject(data) || data.format !== FORMAT || !isObject(data.competencies)) {
    return { ok: false, reason: "unreadable" };
  }
  if (data.role !== role) return { ok: false, reason: "other_role", role: String(data.role) };
  return { ok: true, data };
}

/* One CSV cell. `rules`: the generator's { separator, formula_start, prefix } (the same as
 * matrix.csv's). Text that a spreadsheet would run as a formula gets the prefix; numbers are
 * numbers and stay as they are. Cells holding the separator, quotes or line breaks are quoted. */
export function csvCell(value, rules) {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && text !== "" && rules.formula_start.includes(text[0])) {
    text = rules.prefix + text;
  }
  if (text.includes(rules.separator) || /["\r\n]/.test(text))
    text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/* CSV as spreadsheets read it: a byte order mark (Excel then reads UTF-8), CRLF line ends. */
export function csvText(lines, rules) {
  return (
    "\ufeff" +
    lines
      .map((line) => line.map((value) => csvCell(value, rules)).join(rules.separator) + "\r\n")
      .join("")
  );
}

/* The CSV's lines: a header from the page's texts, then per competency its name, target,
 * levels, the self-assessment's gap to the target, the note. `rows`: [{ name, target, entry }]. */
export function csvLines(texts, rows) {
  const header = [
    texts.competency,
    texts.target_short,
    texts.self,
    texts.manager_row,
    texts.gap,
    texts.notes,
  ];
  return [
    header,
    ...rows.map(({ name, target, entry }) => [
      name,
      target,
      entry.self,
      entry.manager,
      entry.self === null ? null : entry.self - target,
      entry.note,
    ]),
  ];
}
