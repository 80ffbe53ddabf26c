// Two roles compared: which targets rise, fall, come or go, and which two roles to compare.

import { has, isObject, objects } from "./data.js";

export const KINDS = ["raised", "lowered", "added", "dropped"];

/* The differences of two roles' targets (competency id -> level), in `order` (every
 * competency id, catalogue order): { raised, lowered, added, dropped: [{ id, from, to }],
 * same: how many targets are equal }; `from`/`to` null where a role has no target. */
export function compareTargets(from, to, order) {
  const result = { raised: [], lowered: [], added: [], dropped: [], same: 0 };
  for (const id of order) {
    const before = has(from, id) ? from[id] : null;
    const after = has(to, id) ? to[id] : null;
    if (before === null && after === null) continue;
    if (before === after) {
      result.same += 1;
      continue;
    }
    const kind =
      before === null ? "added" : after === null ? "dropped" : after > before ? "raised" : "lowered";
    result[kind].push({ id, from: before, to: after });
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
