// Words of every script for search: Chinese and Japanese, emoji, punctuation of other scripts.
//
// Material's index (lunr) cuts text into words at the separator of mkdocs.yml and nowhere else,
// which suits scripts that put spaces between words (Latin, Greek, Cyrillic, Arabic, Hebrew).
// Three kinds of text need more:
//
// - Chinese and Japanese put no space between words: a run like "团队负责人" was one word, so
//   "负责人" found nothing, and Material's own guess at Chinese words ("segment": it cuts a
//   query into words the index holds) could turn "团队负责人" into "团队" alone and find
//   other pages. Such runs are indexed as pairs of characters (bigrams: "团队", "队负", "负责",
//   "责人", and the last character alone), and a query run asks for all its pairs: any part
//   of a run of two characters or more is found, and a single character wherever it stands.
// - An emoji written against a word ("🚀Start") made one word with it: emoji are words of their
//   own ("🚀", "start").
// - Punctuation of other scripts ("、", "。", "،", "¿", "‐") stuck to the word beside it.
//
// Words are also compared in Unicode's composed form (NFC), so text written with combining
// accents finds the same word typed with precomposed letters, and the other way round.
//
// Each index word keeps its place in the text (Material's position table), so results still
// mark what was found. The search worker (javascripts/workers/handbook-search.js) hands lunr's
// index builder the tokenizer below, and rewrites queries and results with the other functions.

/* Material's position table: an entry per word, `start << 12 | length << 2 | type`. */
const TEXT = 1; // Material's Extract.TEXT: a word of the text (the others are tags)
const entry = (start, length) => (start << 12) | (length << 2) | TEXT;

const ASCII = /^\p{ASCII}*$/u;
// A letter or digit of Chinese or Japanese (Han, Hiragana, Katakana; "ー" and "々" included).
const CJK_CHAR = String.raw`(?=[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}])[\p{L}\p{N}]`;
// Punctuation outside ASCII ends a word, except marks written inside words: the middle dot
// of "l·l", Greek ano teleia, Hebrew geresh and gershayim.
const PUNCTUATION = String.raw`[^\P{P}\p{ASCII}\u00b7\u0387\u05f3\u05f4]`;
const PICTOGRAPH = String.raw`[\p{Extended_Pictographic}\p{Regional_Indicator}]`;
const CJK = new RegExp(CJK_CHAR, "u");
const GAP = new RegExp(PUNCTUATION, "u");
const EMOJI = new RegExp(PICTOGRAPH, "u");
const REGIONAL = /\p{Regional_Indicator}/u;
// Marks, joiners and modifiers belong to the character before them.
const ATTACHED = /[\p{M}\p{Emoji_Modifier}\u200c\u{e0020}-\u{e007f}]|\u200d/u;
// What makes a word need more than Material's own splitting.
const SPECIAL = new RegExp(`${CJK_CHAR}|${PICTOGRAPH}|${PUNCTUATION}`, "u");
// A mark the index put around Chinese or Japanese characters.
const CJK_MARKED = new RegExp(
  String.raw`<mark>((?:${CJK_CHAR}|\p{M}|\u200c|\u200d)+)</mark>`,
  "gu",
);

/* The kind of one character: "gap" (punctuation), "emoji", "cjk" or "word". */
function kindOf(char) {
  if (GAP.test(char)) return "gap";
  if (EMOJI.test(char)) return "emoji";
  if (CJK.test(char)) return "cjk";
  return "word";
}

/* A text's characters as units: one character with the marks, joiners and modifiers after it
 * (an emoji sequence joined by U+200D, a flag's two letters, "é" written as e and an accent).
 * Each unit: { kind, start, end } (offsets in UTF-16 code units). */
export function units(text) {
  const found = [];
  let offset = 0;
  let joined = false; // the last character was a zero-width joiner
  for (const char of text) {
    const last = found[found.length - 1];
    const start = offset;
    offset += char.length;
    const single = last && last.end - last.start === 2 && text.slice(last.start, last.end);
    const flag = single && REGIONAL.test(single) && REGIONAL.test(char); // a flag's second letter
    if (last && (ATTACHED.test(char) || (joined && EMOJI.test(char)) || flag)) {
      last.end = offset;
    } else {
      found.push({ kind: kindOf(char), start, end: offset });
    }
    joined = char === "\u200d";
  }
  return found;
}

/* A text cut into pieces of one kind each: words, runs of Chinese or Japanese characters (with
 * their units), single emoji, punctuation. Each piece: { kind, start, end, units }. */
export function pieces(text) {
  const found = [];
  for (const unit of units(text)) {
    const last = found[found.length - 1];
    if (last && last.kind === unit.kind && unit.kind !== "emoji") {
      last.end = unit.end;
      last.units.push(unit);
    } else {
      found.push({ kind: unit.kind, start: unit.start, end: unit.end, units: [unit] });
    }
  }
  return found;
}

/* A word as the index and queries compare it: composed (NFC), lower case. */
export function normal(text) {
  return text.normalize("NFC").toLowerCase();
}

/* Whether a word (one of Material's, or a word of a query) needs cutting into pieces. */
export function isSpecial(text) {
  return !ASCII.test(text) && SPECIAL.test(text);
}

/* The index words of one of Material's words, `text` as written, or null when the word stays as
 * Material made it. Parts cover the text in order: { start, length, term } with term null for
 * punctuation; a run of Chinese or Japanese characters gives each character the pair it starts
 * (the last character alone: `open` marks it, a run that may go on in the next word). */
export function indexParts(text) {
  if (ASCII.test(text)) return null;
  if (!SPECIAL.test(text)) {
    const term = normal(text);
    return term === text.toLowerCase() ? null : [{ start: 0, length: text.length, term }];
  }
  const parts = [];
  for (const piece of pieces(text)) {
    if (piece.kind === "cjk") {
      piece.units.forEach((unit, index) => {
        const next = piece.units[index + 1];
        const term = normal(text.slice(unit.start, next ? next.end : unit.end));
        parts.push({ start: unit.start, length: unit.end - unit.start, term, open: !next });
      });
    } else {
      const term = piece.kind === "gap" ? null : normal(text.slice(piece.start, piece.end));
      parts.push({ start: piece.start, length: piece.end - piece.start, term });
    }
  }
  return parts;
}

/* The text of one part of a word cut into parts. */
const partOf = (text, change, part) =>
  text.slice(change.start + part.start, change.start + part.start + part.length);

/* Material's tokens of one text, with Chinese, Japanese, emoji and punctuation cut as above, and
 * `table` (Material's position table of the field) rewritten to match: the entries of a word
 * cut into parts become one entry per part, in the order of the text, so that results mark
 * each part found. A run of Chinese or Japanese characters interrupted by markup only
 * ("团队<b>负责</b>人") goes on across it. `token(term, metadata)` makes a lunr token. */
export function retokenize(tokens, table, text, token) {
  const changes = new Map(); // position -> { start, end, parts }
  for (const found of tokens) {
    const word = String(found);
    const position = found.metadata && found.metadata.position;
    if (ASCII.test(word) || typeof position !== "number") continue;
    const row = table[position >>> 20];
    const value = row && row[position & 0xfffff];
    if (typeof value !== "number") continue;
    const start = value >>> 12;
    const original = text.slice(start, start + ((value >>> 2) & 0x3ff));
    if (original.toLowerCase() !== word) continue; // not the word it should be: leave it
    const parts = indexParts(original);
    if (parts) changes.set(position, { start, end: start + original.length, parts });
  }
  if (changes.size === 0) return tokens;

  // A run ending in one word and starting the next, with nothing but tags between, goes on.
  let previous = null;
  for (const found of tokens) {
    const change = changes.get(found.metadata.position);
    if (change && previous) {
      const last = previous.parts[previous.parts.length - 1];
      const first = change.parts[0];
      const between = text.slice(previous.end, change.start);
      if (last.open && first.open !== undefined && /^(?:<[^<>]*>)+$/.test(between)) {
        last.term = normal(partOf(text, previous, last) + partOf(text, change, first));
      }
    }
    previous = change || null;
  }

  // One entry per part in the rows of the words cut, every other entry moved along.
  const moved = new Map(); // old position -> new position, or [[term, position], ...]
  for (const block of new Set([...changes.keys()].map((position) => position >>> 20))) {
    const row = [];
    table[block].forEach((value, index) => {
      const position = (block << 20) | index;
      const change = changes.get(position);
      if (!change) {
        moved.set(position, (block << 20) | row.length);
        row.push(value);
        return;
      }
      const terms = [];
      for (const part of change.parts) {
        if (part.term) terms.push([part.term, (block << 20) | row.length]);
        row.push(entry(change.start + part.start, part.length));
      }
      moved.set(position, terms);
    });
    table[block] = row;
  }
  const result = [];
  for (const found of tokens) {
    const now = moved.get(found.metadata.position);
    if (Array.isArray(now)) {
      for (const [term, position] of now) result.push(token(term, { ...found.metadata, position }));
    } else {
      if (now !== undefined) found.metadata.position = now;
      result.push(found);
    }
  }
  return result;
}

/* Material's tokenizer (as lunr's builder holds it) wrapped so that its words are cut as
 * above. Material reads a field into `lunr.tokenizer.table`; a field of several texts (a
 * page's tags) is tokenized text by text, as Material does, so each word's text is known. */
export function wrapTokenizer(tokenize, lunr) {
  const token = (term, metadata) => new lunr.Token(term, metadata);
  return function wrapped(input, ...rest) {
    const table = lunr.tokenizer.table;
    if (!Array.isArray(table) || input === undefined || input === null) {
      return tokenize(input, ...rest);
    }
    const one = (text) => {
      const found = tokenize(text, ...rest);
      const special = typeof text === "string" && !ASCII.test(text);
      return special ? retokenize(found, table, text, token) : found;
    };
    return Array.isArray(input) ? input.flatMap(one) : one(input);
  };
}

/* Install the tokenizer in every index lunr builds from here on (Material sets its own
 * tokenizer on the builder first, then adds the pages). Returns false if lunr is missing. */
export function patchLunr(lunr) {
  if (!lunr || !lunr.Builder || !lunr.Token) return false;
  if (lunr.Builder.prototype.add.handbookScripts) return true;
  const add = lunr.Builder.prototype.add;
  const wrappers = new WeakSet();
  const patched = function (doc, attributes) {
    if (typeof this.tokenizer === "function" && !wrappers.has(this.tokenizer)) {
      this.tokenizer = wrapTokenizer(this.tokenizer, lunr);
      wrappers.add(this.tokenizer);
    }
    return add.call(this, doc, attributes);
  };
  patched.handbookScripts = true;
  lunr.Builder.prototype.add = patched;
  return true;
}

/* The query terms for one word typed: each piece a term of its own; a run of Chinese or
 * Japanese characters all its pairs, required ("+"), each written with a backslash between
 * its two characters: lunr reads "\x" as "x", and Material's guess at Chinese words (which
 * would cut the pair short) sees single characters only. A single character stays a prefix
 * (Material adds the wildcard to terms without "+"): where it is required, `runsFound`
 * requires it. `presence` is "", "+" or "-". */
function termsOf(word, presence, words, runs) {
  const terms = [];
  const typed = normal(word);
  for (const piece of pieces(word)) {
    if (piece.kind === "gap") continue;
    const text = word.slice(piece.start, piece.end);
    if (piece.kind === "cjk" && piece.units.length === 1) {
      terms.push(presence === "-" ? `-${text}` : text);
      words[normal(text)] = words[normal(text)] || typed;
      if (presence !== "-") runs.push({ run: text, required: presence === "+" });
      continue;
    }
    if (piece.kind !== "cjk") {
      terms.push(presence + text);
      words[normal(text)] = words[normal(text)] || typed;
      continue;
    }
    const chars = piece.units.map((unit) => word.slice(unit.start, unit.end));
    for (let index = 0; index + 1 < chars.length; index++) {
      terms.push(`${presence === "-" ? "-" : "+"}${chars[index]}\\${chars[index + 1]}`);
      const pair = normal(chars[index] + chars[index + 1]);
      words[pair] = words[pair] || typed;
    }
    if (presence !== "-") runs.push({ run: text, required: true });
  }
  return terms;
}

/* The query with words of Chinese, Japanese, emoji or other scripts' punctuation cut as the
 * index cuts them: { query, words: { term: word typed }, runs: [{ run, required }] }, runs
 * being the Chinese and Japanese runs asked for. Words with lunr's syntax inside (field:,
 * wildcard*, fuzzy~, boost^, \) stay as typed. A quoted part holding such words is given as
 * Material would give it, every word required, without the quotes. */
export function expandQuery(query) {
  const words = Object.create(null);
  const runs = [];
  const expand = (word, presence) => {
    const [, sign, core] = /^([+-]?)(.*)$/su.exec(word);
    if (!core || /[:*~^\\]/.test(core) || !isSpecial(core)) return null;
    return termsOf(core, presence || sign, words, runs).join(" ");
  };
  const parts = String(query)
    .normalize("NFC")
    .split(/("[^"]*")/)
    .map((part, index) => {
      if (index % 2 === 0) {
        return part
          .split(/(\s+)/)
          .map((word) => expand(word, "") ?? word)
          .join("");
      }
      const inner = part.slice(1, -1).split(/\s+/).filter(Boolean);
      if (!inner.some(isSpecial)) return part;
      const required = (word) => (/^[+-]/.test(word) ? word : `+${word}`);
      return inner.map((word) => expand(word, "+") ?? required(word)).join(" ");
    });
  return { query: parts.join(""), words, runs };
}

/* Two maps of query terms to words typed, one applied after the other: `later` maps terms to
 * words of the query `earlier` made, `earlier` those to the words typed. */
export function composeWords(earlier, later) {
  const result = Object.create(null);
  for (const [term, word] of Object.entries(earlier)) result[term] = word;
  for (const [term, word] of Object.entries(later)) result[term] = earlier[word] || word;
  return result;
}

/* A result's title, text or tag with Chinese and Japanese runs marked as typed: the index
 * marks single characters (the first of each pair found); these marks give way to one mark
 * around each occurrence of a run asked for. Tags and entities are left alone. */
export function markRuns(html, runs) {
  const wanted = [...new Set(runs.map(({ run }) => run))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0 || typeof html !== "string") return html;
  const escaped = wanted.map((run) => run.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(escaped.join("|"), "gu");
  return html
    .replace(CJK_MARKED, "$1")
    .split(/(<[^>]*>)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(pattern, "<mark>$&</mark>")))
    .join("");
}

/* Text of a page or section of Material's index (title, text, tags), as the index reads it for
 * runs: tags left out, composed. */
export function plainText(doc) {
  const tags = Array.isArray(doc.tags) ? doc.tags : [];
  return [doc.title || "", doc.text || "", ...tags]
    .join("\n")
    .replace(/<[^>]*>/g, "")
    .normalize("NFC");
}

/* Material's result groups (one per page: the page, then its sections) without the results
 * that hold a required run's pairs but not the run (pairs apart: "负责" here, "责人" there),
 * and with the runs marked. `textOf(location)` is the plain text of a result. A page stays at
 * the head of its group if one of its sections holds the runs. */
export function runsFound(groups, runs, textOf) {
  if (runs.length === 0) return groups;
  const required = runs.filter(({ required: must }) => must).map(({ run }) => run);
  const holds = (item) => required.every((run) => textOf(item.location).includes(run));
  const isPage = (item) => !String(item.location).includes("#");
  const kept = [];
  for (const group of groups) {
    const items = required.length ? group.filter((item) => isPage(item) || holds(item)) : group;
    if (required.length && !items.some(holds)) continue;
    for (const item of items) {
      item.title = markRuns(item.title, runs);
      item.text = markRuns(item.text, runs);
      if (Array.isArray(item.tags)) item.tags = item.tags.map((tag) => markRuns(tag, runs));
    }
    kept.push(items);
  }
  return kept;
}
