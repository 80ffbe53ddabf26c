// Every page: small fixes to the theme that need no copy of its templates.

// The search dialog has no accessible name in Material (axe rule aria-dialog-name): name it
// after the search field's label, which the theme translates.
const dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
const field = document.querySelector(".md-search__input");
if (dialog && field) {
  dialog.setAttribute("aria-label", field.getAttribute("aria-label") || field.placeholder);
}

// Material reads the search field when a key goes up: text put in without a key (an emoji
// picker, dictation, an input method's word chosen with the mouse, paste from a menu) would
// wait for the next key. Each change of the field outside a composition counts as one.
if (field) {
  field.addEventListener("input", (event) => {
    if (!event.isComposing) field.dispatchEvent(new KeyboardEvent("keyup"));
  });
}
