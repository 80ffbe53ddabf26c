// Texts for people: placeholders filled in, levels and gaps written as the sheet shows them.

import { has } from "./data.js";

const DASH = "–";

/* `text` with each {name} replaced by values[name]; unknown names stay as they are. */
export function format(text, values) {
  return String(text).replace(/\{(\w+)\}/g, (whole, key) =>
    has(values, key) ? String(values[key]) : whole,
  );
}

/* `text` split at its {name} placeholders: strings and the values put in their place, in
 * order, for a sentence with an element in it (a link for "{role}"); unknown names stay. */
export function formatParts(text, values) {
  const parts = [];
  String(text)
    .split(/\{(\w+)\}/) // text, name, text, name, …, text
    .forEach((piece, index) => {
      const value = index % 2 === 0 ? piece : has(values, piece) ? values[piece] : `{${piece}}`;
      const last = parts.length - 1;
      if (typeof value === "string" && typeof parts[last] === "string") parts[last] += value;
      else if (value !== "") parts.push(value);
    });
  return parts;
}

/* A level or target for a table cell: a dash when there is none. */
export function orDash(value) {
  return value === null || value === undefined ? DASH : String(value);
}

/* A gap with its sign: "+1", "−2" (a real minus sign), "0"; a dash when there is none. */
export function signed(number) {
  if (number === null || number === undefined) return DASH;
  if (number > 0) return `+${number}`;
  return number < 0 ? `\u2212${-number}` : "0";
}

/* `value` as a CSS string literal, as the generator writes them (sheets.py, css_string):
 * every character but ASCII letters and digits a six-digit escape, so nothing gets out. */
export function cssString(value) {
  let body = "";
  for (const char of String(value)) {
    body += /[A-Za-z0-9]/.test(char)
      ? char
      : `\\${char.codePointAt(0).toString(16).toUpperCase().padStart(6, "0")}`;
  }
  return `"${body}"`;
}
