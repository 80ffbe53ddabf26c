// localStorage behind one wrapper: a missing or refusing storage keeps nothing, throws nothing.

/* `open` returns the Storage to use (a function: reading window.localStorage may itself throw). */
export function createStore(open) {
  const attempt = (action, fallback) => {
    try {
      return action(open());
    } catch {
      return fallback;
    }
  };
  return {
    get: (key) => attempt((storage) => storage.getItem(key), null),
    set: (key, value) => attempt((storage) => storage.setItem(key, value)),
    remove: (key) => attempt((storage) => storage.removeItem(key)),
    /* Every key that starts with `prefix`. */
    keys: (prefix) =>
      attempt((storage) => {
        const found = [];
        for (let index = 0; index < storage.length; index++) {
          const key = storage.key(index);
          if (key && key.startsWith(prefix)) found.push(key);
        }
        return found;
      }, []),
  };
}
