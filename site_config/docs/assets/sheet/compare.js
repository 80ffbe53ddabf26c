// The summary: each competency's gap to the compared role's target, counts above/at/below/unrated.

import { has, plainMap } from "./data.js";

/* The kinds of result, in the order the chart and its legend show them. */
export const KINDS = ["above", "at", "below", "unrated"];

/* A level minus its target; null when either is missing. */
export function gapOf(level, target) {
  return level === null || target === null ? null : level - target;
}

/* Where a level stands against a target (only asked where there is a target). */
export function kindOf(level, target) {
  if (level === null) return "unrated";
  return level > target ? "above" : level < target ? "below" : "at";
}

/* The targets of the compared role: this role's from the page, another's from catalogue.json
 * (`others`: role id -> targets), none for a role that is not known (yet). */
export function targetsOf(roleId, own, others) {
  if (roleId === own.role) return own.targets;
  return others && has(others, roleId) ? others[roleId] : plainMap();
}

/* The summary of a sheet. `ratings`: [{ id, self, manager }] in sheet order; `targets`: the
 * compared role's (competency id -> level); `basis`: "self" or "manager", whose levels count.
 * Competencies the compared role does not need have no target and are not counted. */
export function summarise(ratings, targets, basis) {
  const counts = { above: 0, at: 0, below: 0, unrated: 0 };
  const rows = ratings.map(({ id, self, manager }) => {
    const target = has(targets, id) ? targets[id] : null;
    const level = basis === "manager" ? manager : self;
    if (target !== null) counts[kindOf(level, target)] += 1;
    return { id, target, self, manager, gap: gapOf(level, target) };
  });
  return { rows, counts };
}

/* Competencies the compared role needs that are not on this sheet, with a known name, by name:
 * [{ id, name, target }]. `onSheet`: id -> anything, for the sheet's competencies. */
export function extraCompetencies(targets, onSheet, names) {
  return Object.keys(targets)
    .filter((id) => !has(onSheet, id) && has(names, id))
    .map((id) => ({ id, name: names[id], target: targets[id] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
