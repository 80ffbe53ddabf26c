// A Markdown field (a role's `expects`) as the words a reader sees: paragraphs and list items
// with the markup gone, links by their text. The result is plain text, set as textContent by
// the caller: nothing here is ever parsed as HTML, so raw HTML in a field stays text.

const FENCE = /^(```|~~~)/;
// Material's admonitions: `!!! note "Title"`, `??? note`, `???+ note "Title"`.
const ADMONITION = /^(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+"([^"]*)")?\s*$/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])\s+/;
const HEADING = /^#{1,6}\s+/;
const QUOTE = /^(?:>\s?)+/;

/* One line of Markdown as plain words: links and images by their text, emphasis and code
 * marks gone, backslash escapes undone, spaces collapsed. */
export function plainInline(text) {
  return String(text)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/!?\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<((?:https?:|mailto:)[^>\s]+)>/g, "$1")
    .replace(/(`+)(.+?)\1/g, "$2")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[^\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s\\])\*(?!\*)/g, "$1$2")
    .replace(/(^|[^\w\\])_(?=[^\s_])(.+?)(?<=\S)_(?!\w)/g, "$1$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/* The blocks of a Markdown text, in order: [{ kind: "paragraph" | "item", text }]. Lines of a
 * paragraph or list item are joined; an admonition shows by its title; indentation (an
 * admonition's body, a list item's second line) is left out. */
export function proseBlocks(markdown) {
  const blocks = [];
  let current = null; // { kind, lines } being gathered
  const finish = () => {
    const text = current ? plainInline(current.lines.join(" ")) : "";
    if (text) blocks.push({ kind: current.kind, text });
    current = null;
  };
  for (const raw of String(markdown ?? "").split(/\r\n?|\n/)) {
    const line = raw.trim().replace(QUOTE, "");
    if (!line || FENCE.test(line)) {
      finish();
      continue;
    }
    const admonition = ADMONITION.exec(line);
    if (admonition || HEADING.test(line)) {
      // a block of one line: an admonition's title, or a heading's words
      finish();
      const words = admonition ? admonition[1] || "" : line.replace(HEADING, "");
      current = { kind: "paragraph", lines: [words] };
      finish();
    } else if (LIST_ITEM.test(line)) {
      finish();
      current = { kind: "item", lines: [line.replace(LIST_ITEM, "")] };
    } else {
      current = current || { kind: "paragraph", lines: [] };
      current.lines.push(line);
    }
  }
  finish();
  return blocks;
}
