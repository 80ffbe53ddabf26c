// A sheet in and out of the browser: the JSON snapshot, checks on an imported file, the CSV text.

import { isObject, parseJson } from "./data.js";
import { isEmpty } from "./state.js";

export const FORMAT = "competency-handbook-sheet";
/* Version 2 adds the sheet's id (a role's id, or "<path>/step-<n>" for a readiness sheet),
 * its title and the day of the export; version 1 files (role sheets) import as before. */
export const VERSION = 2;

/* The JSON export. `sheet`: { handbook, role, sheet, subject, edition }; `entries`:
 * [[competency id, entry]] (empty entries are left out); `form`: { fields, goals };
 * `exported`: the day, "YYYY-MM-DD". */
export function snapshot(sheet, entries, form, exported) {
  const competencies = Object.fromEntries(entries.filter(([, entry]) => !isEmpty(entry)));
  return {
    format: FORMAT,
    version: VERSION,
    handbook: sheet.handbook,
    role: sheet.role,
    sheet: sheet.sheet,
    title: sheet.subject,
    edition: sheet.edition,
    exported,
    fields: form.fields,
    goals: form.goals,
    competencies,
  };
}

/* The text of the JSON file to download. */
export function snapshotText(data) {
  return JSON.stringify(data, null, 2) + "\n";
}

/* The sheet a file was exported from: version 1 knew role sheets only, named by `role`. */
function sheetOf(data) {
  return data.version === 1 || data.sheet === undefined ? data.role : data.sheet;
}

/* An imported file's text checked for the sheet `sheetId`: { ok: true, data } to use, or
 * { ok: false, reason: "unreadable" } (not JSON, not a sheet, no competencies, a newer
 * version), or { ok: false, reason: "other_role", role } (a file of another sheet). */
export function readImport(text, sheetId) {
  const data = parseJson(text);
  if (!isObject(data) || data.format !== FORMAT || !isObject(data.competencies)) {
    return { ok: false, reason: "unreadable" };
  }
  if (!(data.version === 1 || data.version === VERSION)) return { ok: false, reason: "unreadable" };
  const from = sheetOf(data);
  if (from !== sheetId) {
    const name = typeof data.title === "string" && data.title ? data.title : String(from);
    return { ok: false, reason: "other_role", role: name };
  }
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

/* The CSV's lines: who and what (sheet, edition, the head's fields), a blank line, a header
 * from the page's texts, then per competency its name, target, levels, the self-assessment's
 * gap to the target, the note; last the goals. `sheet`: { subject, edition }; `form`:
 * { fields: { name, date, manager, meeting }, goals }; `rows`: [{ name, target, entry }]. */
export function csvLines(texts, sheet, form, rows) {
  const field = (key) => form.fields[key] || "";
  const head = [
    [texts.role, sheet.subject],
    [texts.edition, sheet.edition],
    [texts.name, field("name")],
    [texts.date, field("date")],
    [texts.manager, field("manager")],
    [texts.meeting, field("meeting")],
  ];
  const header = [
    texts.competency,
    texts.target_short,
    texts.self,
    texts.manager_row,
    texts.gap,
    texts.notes,
  ];
  const table = rows.map(({ name, target, entry }) => [
    name,
    target,
    entry.self,
    entry.manager,
    entry.self === null ? null : entry.self - target,
    entry.note,
  ]);
  const goals = form.goals.map((goal, index) => [`${texts.goal} ${index + 1}`, goal]);
  return [...head, [], header, ...table, [], [texts.goals], ...goals];
}

/* Text made safe as part of a file name: letters and digits of any script (umlauts spelled
 * out, accents dropped), words joined by "-", at most `most` characters; "" when nothing is
 * left. */
export function fileSafe(text, most = 40) {
  const spelled = String(text)
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/Ä/g, "Ae")
    .replace(/Ö/g, "Oe")
    .replace(/Ü/g, "Ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC");
  // letters and digits of any script: "Ольга Петрова" and "王芳" keep their names
  const words = spelled.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  return Array.from(words.join("-")).slice(0, most).join("").replace(/-+$/, "");
}

/* The day of a date as written on the sheet ("3.2.2026", "2026-02-03"), as "YYYY-MM-DD";
 * null when it is no such date. */
export function isoDay(text) {
  const value = String(text).trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  let [year, month, day] = match ? [match[1], match[2], match[3]] : [];
  if (!match) {
    match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
    if (!match) return null;
    [day, month, year] = [match[1], match[2], match[3]];
  }
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/* The name of an exported file: the sheet, the person, the day (the sheet's date when it is
 * one, else `today`), e.g. "key-account-manager_erika-mustermann_2026-02-03.csv". */
export function exportName(sheetId, form, today, extension) {
  const day = isoDay(form.fields.date || "") || today;
  const parts = [fileSafe(sheetId, 60) || "sheet", fileSafe(form.fields.name || ""), day];
  return `${parts.filter(Boolean).join("_")}.${extension}`;
}

/* Today in local time as "YYYY-MM-DD". */
export function localDay(date) {
  const pad = (number) => String(number).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
