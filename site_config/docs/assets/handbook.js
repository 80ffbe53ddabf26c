// Every page: small fixes to the theme that need no copy of its templates.

// The search dialog has no accessible name in Material (axe rule aria-dialog-name): name it
// after the search field's label, which the theme translates.
const dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
const field = document.querySelector(".md-search__input");
if (dialog && field) {
  dialog.setAttribute("aria-label", field.getAttribute("aria-label") || field.placeholder);
}
