"""Render: the workbook's "Read me" sheet in the catalogue's language: how to edit the
workbook, and what each sheet and column holds.

Documentation prose per language, like the HR guide (not UI strings of the site); the sheet
and column names themselves are the catalogue's field names and stay as they are.
"""

from __future__ import annotations

INTRO = {
    "en": (
        "{title}: the catalogue as a workbook",
        "Each sheet holds one kind of thing, one per row. Row 1 names the columns: keep those "
        "names (the order of columns does not matter). Empty rows are skipped.",
        "Turn the workbook back into the catalogue's files with: handbook import {file} --out "
        "<catalogue folder>. Every mistake is reported with its sheet and cell (such as "
        "Targets!D14), and nothing is written until there is none. Only files whose content "
        "changed are rewritten.",
        "A list (behaviours, responsibilities, …) is one item per line of its cell: Alt+Enter "
        "starts a new line in Excel, Ctrl+Enter in LibreOffice. Columns marked Markdown may use "
        "Markdown; a list there needs an empty line before it.",
        "Formulas are not computed: a cell with a formula is an error. Ids are lowercase "
        "letters, digits and single hyphens (account-manager); the drop-downs offer the ids "
        "of the other sheets.",
        "The organisation's own pages (pages/) are not in the workbook: importing into the "
        "catalogue folder keeps them, and every other file there.",
    ),
    "de": (
        "{title}: der Katalog als Arbeitsmappe",
        "Jedes Blatt enthält eine Art von Einträgen, einen je Zeile. Zeile 1 nennt die Spalten: "
        "Behalten Sie diese Namen bei (die Reihenfolge der Spalten ist egal). Leere Zeilen "
        "werden übersprungen.",
        "Aus der Arbeitsmappe werden wieder Katalogdateien mit: handbook import {file} --out "
        "<Katalogordner>. Jeder Fehler wird mit Blatt und Zelle gemeldet (etwa Targets!D14), "
        "und geschrieben wird erst, wenn es keinen mehr gibt. Nur Dateien, deren Inhalt sich "
        "geändert hat, werden neu geschrieben.",
        "Eine Liste (Verhaltensweisen, Aufgaben, …) steht mit einem Eintrag je Zeile in ihrer "
        "Zelle: Alt+Eingabe beginnt in Excel eine neue Zeile, Strg+Eingabe in LibreOffice. "
        "Spalten mit dem Hinweis Markdown dürfen Markdown enthalten; eine Liste braucht dort "
        "eine Leerzeile davor.",
        "Formeln werden nicht berechnet: Eine Zelle mit einer Formel ist ein Fehler. Kennungen "
        "(ids) bestehen aus Kleinbuchstaben, Ziffern und einzelnen Bindestrichen "
        "(account-manager); die Auswahllisten bieten die Kennungen der anderen Blätter an.",
        "Die eigenen Seiten der Organisation (pages/) stehen nicht in der Arbeitsmappe: Der "
        "Import in den Katalogordner lässt sie und alle anderen Dateien dort unverändert.",
    ),
}

HEADER = {"en": ("Sheet", "Column", "What it holds"), "de": ("Blatt", "Spalte", "Inhalt")}

_MD = {"en": " (Markdown)", "de": " (Markdown)"}
_LIST = {"en": " (a list: one per line)", "de": " (Liste: einer je Zeile)"}

# sheet -> (what the sheet holds, ((column, meaning), ...)), in English and German
SHEETS_EN: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "Handbook": (
        "The handbook's settings: a row per field.",
        (
            ("title", "the handbook's title (required)"),
            ("organisation", "shown in the footer and on every sheet"),
            ("language", "de or en: the language of the site and of search (required)"),
            ("version", "the edition, e.g. 2026.1, printed on every sheet"),
        ),
    ),
    "Scale": (
        "The rating scale: a row per level, from 1, 2 to 10 levels.",
        (
            ("level", "1, 2, 3, … without gaps"),
            ("label", "the level's name (may be empty)"),
            ("description", "what the level means" + _MD["en"]),
        ),
    ),
    "Terms": (
        "The organisation's words for the site's nouns (optional): leave a row empty for the "
        "site's own word.",
        (
            ("noun", "role, competency, family, path or level"),
            ("singular", "e.g. Skill"),
            ("plural", "e.g. Skills"),
        ),
    ),
    "Families": (
        "Job families: at least one.",
        (("id", "the family's id"), ("name", "its name"), ("description", "optional" + _MD["en"])),
    ),
    "Groups": (
        "Competency groups: a row per group (a file competencies/<id>.yaml).",
        (
            ("id", "the group's id"),
            ("name", "its name"),
            ("rank", "optional whole number: order among groups"),
            ("description", "optional" + _MD["en"]),
        ),
    ),
    "Competencies": (
        "Competencies, a row each, in the order they are shown.",
        (
            ("group", "the id of its group (Groups)"),
            ("id", "the competency's id, unique in the whole catalogue"),
            ("name", "its name"),
            ("summary", "optional: one line"),
            ("indicators", "observable behaviours" + _LIST["en"]),
            ("level 1, level 2, …", "what the competency looks like at that level" + _MD["en"]),
        ),
    ),
    "Roles": (
        "Roles: a row per role (a file roles/<id>.yaml).",
        (
            ("id", "the role's id"),
            ("title", "its title (required)"),
            ("family", "the id of its job family"),
            ("rank", "optional whole number: seniority within the family"),
            ("synonyms", "other titles, searchable" + _LIST["en"]),
            ("summary", "optional: one paragraph"),
            ("description", "optional" + _MD["en"]),
            ("responsibilities", "optional" + _LIST["en"]),
            ("requirements.education", "optional" + _LIST["en"]),
            ("requirements.experience_years", "optional whole number of years"),
            ("requirements.previous_roles", "role ids" + _LIST["en"]),
            ("requirements.skills", "optional" + _LIST["en"]),
            ("requirements.tools", "optional" + _LIST["en"]),
            ("salary.amount", "a salary: the amount, or min and max"),
            ("salary.min, salary.max", "a salary range"),
            ("salary.currency", "e.g. EUR (needed with a salary)"),
            ("salary.period", "year or month (needed with a salary)"),
            ("salary.note", "optional, e.g. gross, average"),
            ("reports_to", "optional: the id of the role this one reports to"),
        ),
    ),
    "Targets": (
        "The target profile of every role, as the matrix: a row per competency, a column per "
        "role (row 1 the role's id, row 2 its title, for reading). A cell holds the role's "
        "target level; empty means the role does not need the competency.",
        (
            ("competency", "the competency's id"),
            ("name", "its name, for reading (change it on Competencies)"),
            ("<role id>", "the target level of that role"),
        ),
    ),
    "Expectations": (
        "What a role is expected to do at its target, in its own words (optional).",
        (
            ("role", "the role's id"),
            ("competency", "the competency's id (the role needs a level for it in Targets)"),
            ("expects", "what this role is expected to do" + _MD["en"]),
        ),
    ),
    "Paths": (
        "Career paths: a row per path (a file paths/<id>.yaml).",
        (("id", "the path's id"), ("title", "its name"), ("description", "optional" + _MD["en"])),
    ),
    "Steps": (
        "The steps of every path, lowest first: a row per step, at least two roles a path.",
        (
            ("path", "the path's id"),
            ("role", "the role of this step"),
            ("typical_years", "optional: usual years in the step before"),
            ("note", "optional"),
        ),
    ),
    "Accepted warnings": (
        "Warnings accepted on purpose, with the file that carries them (optional).",
        (
            (
                "file",
                "handbook.yaml, competencies/<group>.yaml, roles/<role>.yaml or paths/<path>.yaml",
            ),  # fmt: skip
            ("warning", "the warning's code, e.g. falling-target"),
            ("competency", "optional: the competency ids it is about" + _LIST["en"]),
            ("role", "optional: the role ids it is about" + _LIST["en"]),
            ("reason", "why this is right on purpose (required)"),
        ),
    ),
}

SHEETS_DE: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "Handbook": (
        "Die Einstellungen des Handbuchs: eine Zeile je Feld.",
        (
            ("title", "Titel des Handbuchs (Pflicht)"),
            ("organisation", "steht in der Fußzeile und auf jedem Bogen"),
            ("language", "de oder en: Sprache der Website und der Suche (Pflicht)"),
            ("version", "die Ausgabe, z. B. 2026.1, auf jedem Bogen gedruckt"),
        ),
    ),
    "Scale": (
        "Die Bewertungsskala: eine Zeile je Niveau, 2 bis 10 Niveaus ab 1.",
        (
            ("level", "1, 2, 3, … ohne Lücke"),
            ("label", "Bezeichnung des Niveaus (darf leer sein)"),
            ("description", "was das Niveau bedeutet" + _MD["de"]),
        ),
    ),
    "Terms": (
        "Die eigenen Wörter der Organisation für die Begriffe der Website (optional): eine "
        "leere Zeile behält das Wort der Website.",
        (
            ("noun", "role, competency, family, path oder level"),
            ("singular", "z. B. Fähigkeit"),
            ("plural", "z. B. Fähigkeiten"),
        ),
    ),
    "Families": (
        "Jobfamilien: mindestens eine.",
        (
            ("id", "Kennung der Jobfamilie"),
            ("name", "ihr Name"),
            ("description", "optional" + _MD["de"]),
        ),
    ),
    "Groups": (
        "Kompetenzgruppen: eine Zeile je Gruppe (eine Datei competencies/<id>.yaml).",
        (
            ("id", "Kennung der Gruppe"),
            ("name", "ihr Name"),
            ("rank", "optional, ganze Zahl: Reihenfolge der Gruppen"),
            ("description", "optional" + _MD["de"]),
        ),
    ),
    "Competencies": (
        "Kompetenzen, eine je Zeile, in der Reihenfolge, in der sie erscheinen.",
        (
            ("group", "Kennung ihrer Gruppe (Groups)"),
            ("id", "Kennung der Kompetenz, im ganzen Katalog eindeutig"),
            ("name", "ihr Name"),
            ("summary", "optional: eine Zeile"),
            ("indicators", "beobachtbares Verhalten" + _LIST["de"]),
            ("level 1, level 2, …", "wie die Kompetenz auf diesem Niveau aussieht" + _MD["de"]),
        ),
    ),
    "Roles": (
        "Rollen: eine Zeile je Rolle (eine Datei roles/<id>.yaml).",
        (
            ("id", "Kennung der Rolle"),
            ("title", "ihr Titel (Pflicht)"),
            ("family", "Kennung ihrer Jobfamilie"),
            ("rank", "optional, ganze Zahl: Stufe innerhalb der Jobfamilie"),
            ("synonyms", "andere Titel, durchsuchbar" + _LIST["de"]),
            ("summary", "optional: ein Absatz"),
            ("description", "optional" + _MD["de"]),
            ("responsibilities", "optional" + _LIST["de"]),
            ("requirements.education", "optional" + _LIST["de"]),
            ("requirements.experience_years", "optional: Jahre Berufserfahrung, ganze Zahl"),
            ("requirements.previous_roles", "Kennungen von Rollen" + _LIST["de"]),
            ("requirements.skills", "optional" + _LIST["de"]),
            ("requirements.tools", "optional" + _LIST["de"]),
            ("salary.amount", "ein Gehalt: der Betrag, oder min und max"),
            ("salary.min, salary.max", "eine Gehaltsspanne"),
            ("salary.currency", "z. B. EUR (Pflicht bei einem Gehalt)"),
            ("salary.period", "year oder month (Pflicht bei einem Gehalt)"),
            ("salary.note", "optional, z. B. brutto, Durchschnitt"),
            ("reports_to", "optional: Kennung der Rolle, an die diese berichtet"),
        ),
    ),
    "Targets": (
        "Das Soll-Profil jeder Rolle als Matrix: eine Zeile je Kompetenz, eine Spalte je Rolle "
        "(Zeile 1 die Kennung der Rolle, Zeile 2 ihr Titel, zum Lesen). Eine Zelle enthält das "
        "Soll-Niveau der Rolle; leer heißt: Die Rolle braucht die Kompetenz nicht.",
        (
            ("competency", "Kennung der Kompetenz"),
            ("name", "ihr Name, zum Lesen (ändern unter Competencies)"),
            ("<Kennung der Rolle>", "Soll-Niveau dieser Rolle"),
        ),
    ),
    "Expectations": (
        "Was eine Rolle auf ihrem Soll-Niveau erwartet, in eigenen Worten (optional).",
        (
            ("role", "Kennung der Rolle"),
            ("competency", "Kennung der Kompetenz (die Rolle braucht dafür ein Niveau in Targets)"),
            ("expects", "was genau diese Rolle tun soll" + _MD["de"]),
        ),
    ),
    "Paths": (
        "Karrierepfade: eine Zeile je Pfad (eine Datei paths/<id>.yaml).",
        (
            ("id", "Kennung des Pfads"),
            ("title", "sein Name"),
            ("description", "optional" + _MD["de"]),
        ),
    ),
    "Steps": (
        "Die Stufen jedes Pfads, die niedrigste zuerst: eine Zeile je Stufe, mindestens zwei "
        "Rollen je Pfad.",
        (
            ("path", "Kennung des Pfads"),
            ("role", "Rolle dieser Stufe"),
            ("typical_years", "optional: übliche Jahre auf der Stufe davor"),
            ("note", "optional: Anmerkung"),
        ),
    ),
    "Accepted warnings": (
        "Bewusst angenommene Warnungen, mit der Datei, die sie trägt (optional).",
        (
            (
                "file",
                "handbook.yaml, competencies/<Gruppe>.yaml, roles/<Rolle>.yaml oder "
                "paths/<Pfad>.yaml",
            ),  # fmt: skip
            ("warning", "Code der Warnung, z. B. falling-target"),
            ("competency", "optional: Kennungen der Kompetenzen" + _LIST["de"]),
            ("role", "optional: Kennungen der Rollen" + _LIST["de"]),
            ("reason", "warum das so gewollt ist (Pflicht)"),
        ),
    ),
}

SHEETS = {"en": SHEETS_EN, "de": SHEETS_DE}


def readme_rows(language: str, title: str, file: str) -> list[tuple[str, str, str]]:
    """The Read me sheet's rows: the introduction (in the first column), an empty row, then
    a header and a row for each sheet and each of its columns."""
    intro = [(line.format(title=title, file=file), "", "") for line in INTRO[language]]
    table: list[tuple[str, str, str]] = [HEADER[language]]
    for sheet, (what, columns) in SHEETS[language].items():
        table.append((sheet, "", what))
        table.extend((sheet, column, meaning) for column, meaning in columns)
    return [*intro, ("", "", ""), *table]
