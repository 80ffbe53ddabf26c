// Browser helpers without sheet rules: a file to download, a call once a section comes near,
// the site's catalogue.json, children replaced without losing the keyboard focus.

import { loadCatalogue, siteUrl } from "./catalogue.js";

/* Offer `text` as a file called `name` of MIME `type`, as a download from this page. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/* Call `callback` once: when `section` comes within 400px of the viewport, or when `control`
 * is focused or pressed first; at once where IntersectionObserver is missing. */
export function onceNear(section, control, callback) {
  let done = false;
  let observer = null;
  const run = () => {
    if (done) return;
    done = true;
    if (observer) observer.disconnect();
    callback();
  };
  if (!("IntersectionObserver" in window)) {
    run();
    return;
  }
  const seen = (entries) => entries.some((entry) => entry.isIntersecting);
  observer = new IntersectionObserver((entries) => seen(entries) && run(), {
    rootMargin: "400px 0px",
  });
  observer.observe(section);
  control.addEventListener("focus", run);
  control.addEventListener("pointerdown", run);
}

/* The text of Material's page config (its `base` leads to the site root), or null. */
export function pageConfig() {
  const config = document.getElementById("__config");
  return config && config.textContent;
}

/* The site's file `name` (catalogue.json) as JSON, fetched once per page: a promise that
 * fails where the site root cannot be found or the file not be read. */
export function siteJson(name) {
  let url;
  try {
    url = siteUrl(pageConfig(), name, window.location.href);
  } catch (error) {
    return Promise.reject(error);
  }
  return loadCatalogue(url, window.fetch.bind(window));
}

/* Replace the children of `container` with `nodes`. A link in it that had the focus hands it
 * to the new link with the same target: a keyboard user tabbing through the summary stays
 * where they were when it is drawn again (when catalogue.json arrives, say). */
export function replaceKeepingFocus(container, nodes) {
  const focused = document.activeElement;
  const href = container.contains(focused) ? focused.getAttribute("href") : null;
  container.replaceChildren(...nodes);
  if (href === null) return;
  const again = [...container.querySelectorAll("a[href]")].find(
    (link) => link.getAttribute("href") === href,
  );
  if (again) again.focus({ preventScroll: true });
}
