// Shared test data: the page's texts and CSV rules as generator/sheets.py writes them (German).

export const TEXTS = {
  above: "über Soll",
  at: "im Soll",
  below: "unter Soll",
  unrated: "nicht bewertet",
  competency: "Kompetenz",
  target_short: "Soll",
  self: "Selbst",
  manager_row: "Führungskraft",
  gap: "Abweichung",
  notes: "Notizen",
};

// From generator/exports.py (FORMULA_START, FORMULA_PREFIX) and sheets.py (CSV_SEPARATOR).
export const CSV_DE = { separator: ";", formula_start: "=+-@\t\r", prefix: "'" };
export const CSV_EN = { ...CSV_DE, separator: "," };
