// Two roles compared: which targets rise, fall, come or go, or keep their level but expect
// something else in words; and which two roles to compare.

import { has, isObject, objects } from "./data.js";

/* The kinds of change, in the order the compare page lists them: a target at the same level
 * with other words ("reworded", as on the path page: generator/render/pathview.py) is a
 * change of its own, never "unchanged". */
export const KINDS = ["raised", "lowered", "added", "dropped", "reworded"];

/* The differences of two roles' targets (competency id -> level), in `order` (every
 * competency id, catalogue order): { raised, lowered, added, dropped, reworded:
 * [{ id, from, to }], same: how many targets are equal in level and words }; `from`/`to`
 * null where a role has no target. `words`: { from, to }, each role's `expects` (competency
 * id -> Markdown), where it has any. What a target expects is the competency's text for the
 * level, then the role's `expects`; at the same level the first is the same, so two targets
 * at one level differ exactly where the roles' own words do (as relations.py decides for a
 * path's steps). A reworded change carries those words, `words: { from, to }`, each the
 * text or null; so does any other change where a role has words of its own (as the path
 * page shows them for a raised target). */
export function compareTargets(from, to, order, words = {}) {
  const said = (map, id) => (map && has(map, id) ? map[id] : null);
  // The same words wrapped onto other lines are the same text (relations.py: same_words).
  const wordsOf = (text) => (text === null ? "" : String(text).split(/\s+/).filter(Boolean).join(" "));
  const result = { raised: [], lowered: [], added: [], dropped: [], reworded: [], same: 0 };
  for (const id of order) {
    const before = has(from, id) ? from[id] : null;
    const after = has(to, id) ? to[id] : null;
    if (before === null && after === null) continue;
    if (before === after) {
      const text = { from: said(words.from, id), to: said(words.to, id) };
      if (wordsOf(text.from) === wordsOf(text.to)) result.same += 1;
      else result.reworded.push({ id, from: before, to: after, words: text });
      continue;
    }
    const kind =
      before === null ? "added" : after === null ? "dropped" : after > before ? "raised" : "lowered";
    const text = { from: said(words.from, id), to: said(words.to, id) };
    const change = { id, from: before, to: after };
    result[kind].push(text.from === null && text.to === null ? change : { ...change, words: text });
  }
  return result;
}

/* The role after `id` on the first career path that has one (catalogue.json's `paths`);
 * else the next role in `roleIds` (the handbook's role order), else the one before. */
export function nextRole(id, roleIds, paths) {
  for (const path of objects(paths)) {
    const steps = objects(path.steps).map((step) => step.role);
    const index = steps.indexOf(id);
    if (index >= 0 && index + 1 < steps.length && roleIds.includes(steps[index + 1])) {
      return steps[index + 1];
    }
  }
  const index = roleIds.indexOf(id);
  if (index + 1 < roleIds.length) return roleIds[index + 1];
  return index > 0 ? roleIds[index - 1] : id;
}

/* The two roles to show: the address's `from` and `to` where they name known roles; a
 * missing `to` is the next step of `from`; `defaults`: the form's choice otherwise. */
export function chosenRoles(params, roleIds, paths, defaults) {
  const known = (value) => (typeof value === "string" && roleIds.includes(value) ? value : null);
  const from = known(params.get("from")) || defaults.from;
  const to = known(params.get("to")) || (known(params.get("from")) ? nextRole(from, roleIds, paths) : defaults.to);
  return { from, to };
}

/* catalogue.json's competency ids in catalogue order. */
export function competencyOrder(data) {
  if (!isObject(data)) return [];
  return objects(data.competency_groups).flatMap((group) =>
    objects(group.competencies)
      .map((competency) => competency.id)
      .filter((id) => typeof id === "string"),
  );
}
