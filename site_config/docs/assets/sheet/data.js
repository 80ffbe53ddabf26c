// Plain data as read from JSON: objects, lists and maps checked without trusting their shape.

export function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/* A map without inherited keys, so that an id such as "constructor" is only ever an id. */
export function plainMap() {
  return Object.create(null);
}

/* Whether `map` has `key` of its own (not inherited: "constructor" is no entry of {}). */
export function has(map, key) {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/* The objects of a list; anything else as an empty list. */
export function objects(value) {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/* Competency id -> level, keeping whole numbers only. */
export function levels(value) {
  const found = plainMap();
  if (isObject(value)) {
    for (const id of Object.keys(value)) {
      // a target is a level, or { level, expects } as catalogue.json writes it with words
      const level = isObject(value[id]) ? value[id].level : value[id];
      if (Number.isInteger(level)) found[id] = level;
    }
  }
  return found;
}

/* Competency id -> what the role expects in words (`expects`, Markdown as written), for the
 * targets that say so: catalogue.json writes such a target as { level, expects }. */
export function expectations(value) {
  const found = plainMap();
  if (isObject(value)) {
    for (const id of Object.keys(value)) {
      const target = value[id];
      if (isObject(target) && typeof target.expects === "string") found[id] = target.expects;
    }
  }
  return found;
}

/* JSON text as data; null when there is none or it does not parse. */
export function parseJson(text) {
  if (typeof text !== "string") return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
