// Tests of storage.js: a working storage is used; a refusing or missing one keeps nothing.
import assert from "node:assert/strict";
import { test } from "node:test";

import { createStore } from "../../site_config/docs/assets/sheet/storage.js";

function memory() {
  const values = new Map();
  return {
    get length() {
      return values.size;
    },
    key: (index) => [...values.keys()][index] ?? null,
    getItem: (key) => (values.has(key) ? values.get(key) : null),
    setItem: (key, value) => values.set(key, String(value)),
    removeItem: (key) => values.delete(key),
  };
}

test("a store keeps, finds by prefix and removes values", () => {
  const storage = memory();
  const store = createStore(() => storage);
  store.set("a\u001fx", "1");
  store.set("a\u001fy", "2");
  store.set("b\u001fx", "3");
  assert.equal(store.get("a\u001fx"), "1");
  assert.deepEqual(store.keys("a\u001f"), ["a\u001fx", "a\u001fy"]);
  store.remove("a\u001fx");
  assert.equal(store.get("a\u001fx"), null);
  assert.equal(storage.length, 2);
});

test("a store whose storage cannot be opened or refuses writes keeps nothing", () => {
  const missing = createStore(() => {
    throw new Error("SecurityError");
  });
  assert.equal(missing.get("k"), null);
  assert.doesNotThrow(() => missing.set("k", "v"));
  assert.doesNotThrow(() => missing.remove("k"));
  assert.deepEqual(missing.keys(""), []);
  const full = {
    ...memory(),
    setItem: () => {
      throw new Error("QuotaExceededError");
    },
  };
  assert.doesNotThrow(() => createStore(() => full).set("k", "v"));
});
