// Word forms for German search: a plural or an inflected word also finds its singular page.
//
// Material's search (lunr) indexes words as written and appends a wildcard to every query
// word, so "Führungskraft*" finds "Führungskräfte" but not the other way round, and a query
// without umlauts ("fuehrungskraefte") finds nothing. The search worker
// (javascripts/workers/handbook-search.js) asks for each word's forms as well: the word with
// ae/oe/ue written as umlauts, without an inflection ending, and with the umlaut of its last
// syllable undone ("Führungskräfte" -> "führungskräft", "führungskraft"). Results then say
// which of the words typed were found, as Material does, not which forms.

/* Endings that German plurals and inflections add, longest first. */
const ENDINGS = ["innen", "nen", "ern", "en", "er", "es", "e", "n", "s"];
const SHORTEST_STEM = 4;
const UMLAUTS = { ä: "a", ö: "o", ü: "u" };

/* ae, oe, ue written as the umlauts they stand for ("fuehrung" -> "führung"); null if none. */
export function withUmlauts(word) {
  const spelled = word.replace(/ae/g, "ä").replace(/oe/g, "ö").replace(/(?<!q)ue/g, "ü");
  return spelled === word ? null : spelled;
}

/* The word without its umlaut in the last syllable ("kräft" -> "kraft"); null if none. */
export function withoutUmlaut(stem) {
  const match = /[äöü](?=[^aeiouäöü]*$)/.exec(stem);
  if (!match) return null;
  return stem.slice(0, match.index) + UMLAUTS[match[0]] + stem.slice(match.index + 1);
}

/* The word without its longest inflection ending, if a stem of 4 letters or more is left. */
export function withoutEnding(word) {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= SHORTEST_STEM) {
      return word.slice(0, -ending.length);
    }
  }
  return null;
}

/* Every form of one query word to search for, the word itself first (lower case). */
export function forms(word) {
  const lower = word.toLowerCase();
  const found = new Set([lower]);
  for (const base of [lower, withUmlauts(lower)]) {
    if (!base) continue;
    found.add(base);
    const stem = withoutEnding(base);
    if (!stem) continue;
    found.add(stem);
    const plain = withoutUmlaut(stem);
    if (plain) found.add(plain);
  }
  return [...found];
}

/* A word that lunr's query syntax gives a meaning (+must, -not, fuzzy~, boost^, field:,
 * wildcard*) is left as typed. */
function isPlain(word) {
  return /^[\p{L}\p{N}]+$/u.test(word);
}

/* The query with each plain word's forms beside it, and which form stands for which word:
 * { query, words: { form: word } }. Quoted parts are left alone (Material makes them "must"). */
export function expandQuery(query) {
  const words = Object.create(null);
  const parts = String(query)
    .split(/("[^"]*")/)
    .map((part, index) => {
      if (index % 2 === 1) return part;
      return part
        .split(/(\s+)/)
        .map((word) => {
          if (!isPlain(word)) return word;
          const all = forms(word);
          for (const form of all) words[form] = words[form] || word.toLowerCase();
          return all.join(" ");
        })
        .join("");
    });
  return { query: parts.join(""), words };
}

/* Material's per-result terms ({ form: found }) as terms of the words typed: a word counts as
 * found when any of its forms was. Terms of no known form stay as they are. */
export function wordsFound(terms, words) {
  const result = Object.create(null);
  for (const [term, found] of Object.entries(terms)) {
    const word = words[term] || term;
    result[word] = Boolean(result[word]) || found;
  }
  return { ...result };
}

/* Text of a highlighted title or tag ("<mark>Account</mark> Manager"), for comparing. */
function plainText(html) {
  const entities = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };
  return String(html)
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name) => entities[name])
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/* How well a page's title or other titles (tags: a role's synonyms) answer the query: 2 when
 * one of them is the query, 1 when one starts with it, else 0. */
export function titleMatch(item, query) {
  const wanted = plainText(query);
  if (!wanted) return 0;
  const names = [item.title, ...(Array.isArray(item.tags) ? item.tags : [])].map(plainText);
  if (names.includes(wanted)) return 2;
  return names.some((name) => name.startsWith(wanted)) ? 1 : 0;
}

/* Material's result groups (one per page, the page itself among its sections), pages whose
 * title or synonym is the query first, then those whose title or synonym starts with it,
 * otherwise in Material's order. */
export function titlesFirst(groups, query) {
  const rank = (group) => {
    const page = group.find((item) => !String(item.location).includes("#")) || group[0];
    return page ? titleMatch(page, query) : 0;
  };
  return groups
    .map((group, index) => ({ group, index, rank: rank(group) }))
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .map(({ group }) => group);
}
