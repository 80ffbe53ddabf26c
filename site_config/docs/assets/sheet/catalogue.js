// catalogue.json read for "compare with": each role's targets and what it expects in words,
// competency names, roles by family.

import { expectations, has, isObject, levels, objects, plainMap } from "./data.js";

/* catalogue.json as the sheet uses it, or null when it is not a catalogue:
 * targets: role id -> (competency id -> level), empty for a role described in words only
 * (`competencies: {}`); expects: role id -> (competency id -> the role's `expects`, where it
 * has any); names: competency id -> name;
 * families: [{ id, name, roles: [{ id, title }] }] in the file's order. The generator lists
 * roles in the handbook's role order (family, rank, title, id), so they are grouped, never
 * sorted here. Roles of a family the file does not list are left out of `families`. */
export function readCatalogue(data) {
  if (!isObject(data)) return null;
  const roles = objects(data.roles).filter(
    (role) => typeof role.id === "string" && isObject(role.competencies),
  );
  const targets = plainMap();
  const expects = plainMap();
  const byFamily = plainMap();
  for (const role of roles) {
    targets[role.id] = levels(role.competencies);
    expects[role.id] = expectations(role.competencies);
    const family = String(role.family);
    (byFamily[family] = byFamily[family] || []).push({ id: role.id, title: String(role.title) });
  }
  const names = plainMap();
  for (const group of objects(data.competency_groups)) {
    for (const competency of objects(group.competencies)) {
      if (typeof competency.id === "string") names[competency.id] = String(competency.name);
    }
  }
  const families = objects(data.families)
    .map((family) => ({ id: String(family.id), name: String(family.name) }))
    .filter((family) => family.id in byFamily)
    .map((family) => ({ ...family, roles: byFamily[family.id] }));
  return { targets, expects, names, families };
}

/* Whether role `id` sets any target (`targets`: readCatalogue's). A role described in words
 * only (`competencies: {}`) sets none: it has a page, but nothing to compare a sheet with. */
export function setsTargets(targets, id) {
  return has(targets, id) && Object.keys(targets[id]).length > 0;
}

/* The families with the roles to offer for "compare with": those not yet `listed` (a Set of
 * role ids) that set targets (`targets`: readCatalogue's), empty families left out. */
export function rolesToOffer(families, listed, targets) {
  const offered = (role) => !listed.has(role.id) && setsTargets(targets, role.id);
  return families
    .map((family) => ({ ...family, roles: family.roles.filter(offered) }))
    .filter((family) => family.roles.length > 0);
}

/* The address of a file at the site root. `config`: the text of Material's page config
 * (its `base` names the root relative to the page, "../.."); `page`: the page's address. */
export function siteUrl(config, name, page) {
  let base = ".";
  try {
    base = JSON.parse(config).base || ".";
  } catch {
    base = ".";
  }
  return new URL(String(base).replace(/\/*$/, "/") + name, page).href;
}

const loading = plainMap(); // address -> the promise of its JSON, once per page load

/* catalogue.json, fetched once per address and shared by every sheet on the page; a failed
 * fetch is forgotten, so that a later sheet may try again. `fetch`: the browser's. */
export function loadCatalogue(url, fetch) {
  if (!loading[url]) {
    loading[url] = fetch(url, { credentials: "same-origin" }).then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${url}`);
      return response.json();
    });
    loading[url].catch(() => {
      delete loading[url];
    });
  }
  return loading[url];
}
