"""Render: the UI strings of each handbook language (``de``, ``en``).

Templates read texts as ``t.key``; a missing key fails the build (StrictUndefined). Texts
with ``{…}`` are filled in by Python (``words.py``, the views), never by a template.
"""

from __future__ import annotations

# The site's nouns as the language says them, unless the catalogue's ``terms`` say otherwise;
# strings name them as ${role}, ${Roles}, … (render/words.py).
NOUN_DEFAULTS = {
    "de": {
        "role": ("Rolle", "Rollen"),
        "competency": ("Kompetenz", "Kompetenzen"),
        "family": ("Jobfamilie", "Jobfamilien"),
        "path": ("Karrierepfad", "Karrierepfade"),
        "level": ("Niveau", "Niveaus"),
    },
    "en": {
        "role": ("role", "roles"),
        "competency": ("competency", "competencies"),
        "family": ("job family", "job families"),
        "path": ("career path", "career paths"),
        "level": ("level", "levels"),
    },
}
PLURAL_KEYS = {
    "role": "roles",
    "competency": "competencies",
    "family": "families",
    "path": "paths",
    "level": "levels",
}

# Labels that are the catalogue's nouns themselves, the same in every language.
_NOUN_LABELS = {
    "roles": "${Roles}",
    "role": "${Role}",
    "family": "${Family}",
    "families": "${Families}",
    "competencies": "${Competencies}",
    "competency": "${Competency}",
    "paths": "${Paths}",
}

STRINGS: dict[str, dict[str, str]] = {
    "de": {
        # self-assessment and readiness sheets (generator/sheets.py, generator/pdf.py, sheet.js)
        "sheet_edition": "Ausgabe",
        "sheet_page": "Seite",
        "sheet_of": "von",
        "sheet_name": "Name",
        "sheet_date": "Datum",
        "sheet_manager": "Führungskraft",
        "sheet_meeting": "Gespräch am",
        "sheet_instructions": (
            "Schätzen Sie bei allen ${Competencies} ein, wie sehr Sie sie an Ihrem Arbeitsplatz "
            "einbringen (Zeile „Selbst“); Ihre Führungskraft schätzt dasselbe in der Zeile "
            "„Führungskraft“ ein. Kreuzen Sie je Zeile ein Kästchen an. Das dick umrandete, grau "
            "hinterlegte Kästchen zeigt das Soll."
        ),
        "sheet_scale": "Bewertungsskala",
        "sheet_legend_target": "Soll-${Level}",
        "sheet_legend_choice": "Ihre Wahl",
        "sheet_self": "Selbst",
        "sheet_self_long": "Selbsteinschätzung",
        "sheet_manager_row": "Führungskraft",
        "sheet_manager_long": "Einschätzung der Führungskraft",
        "sheet_target_short": "Soll",
        "sheet_target_mark": "Soll-${Level}",
        "sheet_notes": "Notizen",
        "sheet_competency": "${Competency}",
        "sheet_goals": "Entwicklungsziele",
        "sheet_goals_hint": "Was nehmen Sie sich bis zum nächsten Gespräch vor?",
        "sheet_goal": "Ziel",
        "sheet_sign_employee": "Datum, Unterschrift Mitarbeiterin/Mitarbeiter",
        "sheet_sign_manager": "Datum, Unterschrift Führungskraft",
        "sheet_storage_note": (
            "Ihre Eingaben werden nur in diesem Browser auf diesem Gerät gespeichert "
            "(im lokalen Speicher des Browsers) und an niemanden übertragen. Exportieren Sie sie, "
            "um sie auf einem anderen Gerät weiterzuführen."
        ),
        "sheet_tools": "Bogen bearbeiten",
        "sheet_print": "Drucken",
        "sheet_reset": "Zurücksetzen",
        "sheet_export_json": "Als JSON exportieren",
        "sheet_import_json": "JSON importieren",
        "sheet_export_csv": "Als CSV exportieren",
        "sheet_to_summary": "Zur Auswertung",
        "sheet_reset_confirm": "Alle Eingaben auf diesem Bogen löschen?",
        "sheet_reset_done": "Alle Eingaben wurden gelöscht.",
        "sheet_imported": "Import abgeschlossen: {count} ${Competencies} übernommen.",
        "sheet_import_failed": (
            "Die Datei ist keine exportierte Selbsteinschätzung und wurde nicht übernommen."
        ),
        "sheet_import_other_role": (
            "Die Datei gehört zu „{role}“, nicht zu diesem Bogen, und wurde nicht übernommen."
        ),
        "sheet_target_changed": (
            "Das Soll hat sich geändert: bisher {old}, jetzt {new}. Bitte prüfen Sie Ihre "
            "Einschätzung."
        ),
        "sheet_summary": "Auswertung",
        "sheet_compare": "Vergleichen mit",
        "sheet_compare_own": "Ihr eigenes Soll",
        "sheet_compare_next": "nächster Schritt",
        "sheet_compare_failed": (
            "Die anderen ${Roles} konnten nicht geladen werden; verglichen wird mit Ihrem eigenen "
            "Soll."
        ),
        "sheet_basis": "Einschätzung",
        "sheet_above": "über Soll",
        "sheet_at": "auf Soll",
        "sheet_below": "unter Soll",
        "sheet_unrated": "nicht eingeschätzt",
        "sheet_gap": "Abweichung",
        "sheet_chart_label": "Anzahl der ${Competencies} über, auf und unter Soll",
        "sheet_extra_title": "Zusätzlich gefordert (nicht auf diesem Bogen)",
        "readiness": "Bereitschaftsbogen",
        "readiness_intro": (
            "Dieser Bogen enthält nur, was sich beim Schritt von „{before}“ zu „{after}“ ändert: "
            "${Competencies} mit höherem Soll und ${Competencies}, die neu hinzukommen. Kreuzen "
            "Sie je Zeile ein Kästchen an."
        ),
        "readiness_legend_after": "Soll als {role}",
        "readiness_legend_before": "Soll als {role} (heute)",
        "readiness_now": "heute",
        "readiness_new": "neu",
        "readiness_nothing": (
            "Bei diesem Schritt steigt kein Soll und es kommen keine ${Competencies} hinzu."
        ),
        "readiness_requirements": "Außerdem neu",
        "readiness_experience": "Berufserfahrung: {years}",
        "count_readiness_typical_years_one": "Üblicher Zeitpunkt: nach {n} Jahr.",
        "count_readiness_typical_years_other": "Üblicher Zeitpunkt: nach {n} Jahren.",
        "readiness_education": "Ausbildung",
        "readiness_skills": "Fähigkeiten",
        "readiness_tools": "Werkzeuge",
        "sheets_cover": "Selbsteinschätzungsbögen",
        "sheets_cover_intro": (
            "Leere Bögen für das Mitarbeitergespräch; jeder Abschnitt beginnt mit einem neuen "
            "Bogen."
        ),
        "sheets_cover_page": "Seite",
        # change report (generator/diff_render.py); {…} are filled in by the code
        "diff_title": "Änderungen",
        "diff_edition": "Ausgabe {old} → {new}",
        "diff_edition_same": "Ausgabe {new}",
        "guide_title": "Anleitung für HR",
        # the guide's nouns (render/guide.py): in German without an article
        "guide_noun_role": "${Role}",
        "guide_noun_roles": "${Roles}",
        "guide_noun_competency": "${Competency}",
        "guide_noun_competencies": "${Competencies}",
        "guide_noun_family": "${Family}",
        "guide_noun_families": "${Families}",
        "guide_noun_path": "${Path}",
        "guide_noun_paths": "${Paths}",
        "guide_noun_level": "${Level}",
        "guide_noun_levels": "${Levels}",
        "guide_noun_group": "${CompetencyGroup}",
        "guide_noun_groups": "${CompetencyGroup}n",
        "guide_noun_target": "Soll-${Level}",
        "guide_noun_targets": "Soll-${Levels}",
        "diff_nothing": "Keine Änderungen.",
        "diff_roles": "${Roles}",
        "diff_competencies": "${Competencies}",
        "diff_paths": "${Paths}",
        "diff_groups": "${CompetencyGroup}n",
        "diff_families": "${Families}",
        "diff_handbook": "Handbuch",
        "diff_added": "Neu",
        "diff_removed": "Entfernt",
        "diff_level": "Soll-${Level} {level}",
        "diff_was": "bisher {level}",
        "diff_target_raised": "Soll-${Level} erhöht",
        "diff_target_lowered": "Soll-${Level} gesenkt",
        "diff_target_added": "Neu verlangt",
        "diff_target_removed": "Nicht mehr verlangt",
        "diff_step_added": "Neue Stufe",
        "diff_step_removed": "Stufe entfernt",
        "diff_order_before": "Reihenfolge bisher",
        "diff_order_after": "Reihenfolge jetzt",
        "diff_field_title": "Titel",
        "diff_field_name": "Name",
        "diff_field_family": "${Family}",
        "diff_field_rank": "Rang",
        "diff_field_synonyms": "Auch bekannt als",
        "diff_field_summary": "Kurzbeschreibung",
        "diff_field_description": "Beschreibung",
        "diff_field_responsibilities": "Aufgaben",
        "diff_field_education": "Ausbildung",
        "diff_field_experience_years": "Berufserfahrung (Jahre)",
        "diff_field_previous_roles": "Vorherige ${Roles}",
        "diff_field_skills": "Fähigkeiten",
        "diff_field_tools": "Werkzeuge",
        "diff_field_salary": "Gehalt",
        "diff_field_salary_note": "Hinweis zum Gehalt",
        "diff_field_reports_to": "Berichtet an",
        "diff_field_group": "${CompetencyGroup}",
        "diff_field_indicators": "Verhaltensindikatoren",
        "diff_field_anchor": "${Level} {qualifier}",
        "diff_field_typical_years": "Übliche Jahre bis {qualifier}",
        "diff_field_note": "Hinweis zu {qualifier}",
        "diff_field_organisation": "Organisation",
        "diff_field_language": "Sprache",
        "diff_field_scale_levels": "Stufen der Skala",
        "diff_field_scale_label": "Skala, Stufe {qualifier}",
        "home": "Startseite",
        **_NOUN_LABELS,
        "also_known_as": "Auch bekannt als",
        "summary": "Kurzbeschreibung",
        "target_level": "Soll-${Level}",
        "sheet": "Selbsteinschätzungsbogen",
        "per_year": "pro Jahr",
        "per_month": "pro Monat",
        # -- handbook pages (home, role, competency, family, path, matrix) --
        "edition": "Ausgabe {version}",
        "home_lead": (
            "Dieses Handbuch beschreibt unsere ${Roles}, die ${Competencies}, die sie brauchen, "
            "und die ${Paths}, die sie verbinden."
        ),
        "home_lead_no_paths": (
            "Dieses Handbuch beschreibt unsere ${Roles} und die ${Competencies}, die sie brauchen."
        ),
        "ways_in": "Einstiege",
        "way_roles": "Aufgaben, Anforderungen und Soll-${Levels} aller ${Roles}, nach ${Family}.",
        "way_paths": "Was sich bei jedem Schritt ändert und was Ihnen dafür noch fehlt.",
        "way_competencies": "Alle ${Competencies} mit beobachtbarem Verhalten und ${Levels}.",
        "way_matrix": (
            "Die Soll-${Levels} der ${Roles}, je ${Family} eine Tabelle; alle ${Roles} als "
            "Download."
        ),
        "how_to_use": "So nutzen Sie dieses Handbuch",
        "how_role_title": "${Role} nachschlagen.",
        "how_role": (
            "Die Seiten der ${Roles} zeigen Aufgaben, Anforderungen und das Soll in allen "
            "${Competencies}."
        ),
        "how_path_title": "Den nächsten Schritt planen.",
        "how_path": (
            "Die ${Paths} zeigen für jeden Schritt, welche ${Competencies} wachsen, welche neu "
            "hinzukommen und welche Anforderungen dazukommen."
        ),
        "how_sheet_title": "Sich selbst einschätzen.",
        "how_sheet": (
            "Mit dem Selbsteinschätzungsbogen vergleichen Sie, wo Sie heute stehen, mit dem Soll, "
            "allein oder im Gespräch mit Ihrer Führungskraft."
        ),
        "how_search_title": "Suchen.",
        "how_search": (
            "Die Suche findet ${Roles} auch unter anderen Bezeichnungen, dazu ${Competencies} und "
            "beobachtbares Verhalten."
        ),
        "roles_by_family": "${Roles} nach ${Family}",
        "competency_catalogue": "${CompetencyCatalogue}",
        "competency_group": "${CompetencyGroup}",
        "group_jump": "${CompetencyGroup}n",  # the list of a role's groups
        "matrix": "${CompetencyMatrix}",
        "about": "Über dieses Handbuch",
        "changed_in_edition": "Geänderte Erwartungen in dieser Ausgabe",
        "count_roles_one": "{n} ${Role}",
        "count_roles_other": "{n} ${Roles}",
        "count_competencies_one": "{n} ${Competency}",
        "count_competencies_other": "{n} ${Competencies}",
        "count_paths_one": "{n} ${Path}",
        "count_paths_other": "{n} ${Paths}",
        "count_years_one": "{n} Jahr",
        "count_years_other": "{n} Jahre",
        "level_alt": "Soll-${Level} {level} von {maximum}",
        "level_alt_plain": "${Level} {level} von {maximum}",
        "scale_text": "Soll-${Levels} auf der Skala von {low} bis {high}.",
        "at_a_glance": "Auf einen Blick",
        "reports_to": "Berichtet an",
        "leads": "Führt",
        "salary": "Vergütung",
        "responsibilities": "Aufgaben",
        "requirements": "Anforderungen",
        "experience": "Berufserfahrung",
        "no_experience": "keine Vorerfahrung nötig",
        "previous_roles": "Vorherige ${Roles}",
        "requirement_education": "Ausbildung",
        "requirement_skills": "Fähigkeiten",
        "requirement_tools": "Werkzeuge",
        "role_competencies_intro": "Was in den einzelnen ${Competencies} erwartet wird.",
        "step_of": "Stufe {step} von {steps}",
        "previous_step": "Vorherige Stufe",
        "next_step": "Nächste Stufe",
        "top_step": "Höchste Stufe",
        "first_step": "Einstiegsstufe",
        "what_changes_next": "Was ändert sich beim nächsten Schritt?",
        "nearby_roles": "Ähnliche ${Roles}",
        "nearby_intro": (
            "${Roles} mit dem ähnlichsten ${CompetencyProfile}: naheliegende Wechsel zur Seite."
        ),
        "open_sheet": "Selbsteinschätzungsbogen öffnen",
        "sheet_intro": (
            "Schätzen Sie ein, wo Sie heute in den einzelnen ${Competencies} stehen, und "
            "vergleichen Sie es mit dem Soll."
        ),
        "indicators": "Woran man es erkennt",
        "level_anchors": "${Levels}",
        "level": "${Level}",
        "scale_label": "Skala",
        "description": "Beschreibung",
        "no_role_needs": "Derzeit steht dies in keinem Soll.",
        "family_roles": "${Roles} nach Seniorität",
        "family_paths": "${Paths}",
        "no_paths": "Hier sind noch keine ${Paths} beschrieben.",
        "the_steps": "Die Stufen",
        "path_how_to": (
            "Für jeden Schritt nach oben steht unten, was sich ändert: welche ${Competencies} ein "
            "höheres Soll haben, welche neu hinzukommen und welche Anforderungen dazukommen. Das "
            "ist, was Ihnen für den nächsten Schritt noch fehlt, wenn Sie das heutige Soll "
            "erreichen."
        ),
        "step_title": "Stufe {previous} → {step}: {before} → {after}",
        "count_ladder_years_one": "nach ca. {n} Jahr",
        "count_ladder_years_other": "nach ca. {n} Jahren",
        "count_typical_years_one": "Üblich nach etwa {n} Jahr als {role}.",
        "count_typical_years_other": "Üblich nach etwa {n} Jahren als {role}.",
        "what_changes": "Was ändert sich?",
        "count_raised_one": "{n} ${Competency} mit höherem Soll",
        "count_raised_other": "{n} ${Competencies} mit höherem Soll",
        "count_added_one": "{n} ${Competency} neu",
        "count_added_other": "{n} ${Competencies} neu",
        "count_lowered_one": "{n} mit niedrigerem Soll",
        "count_lowered_other": "{n} mit niedrigerem Soll",
        "count_dropped_one": "{n} nicht mehr aufgeführt",
        "count_dropped_other": "{n} nicht mehr aufgeführt",
        "count_kept_one": "{n} unverändert",
        "count_kept_other": "{n} unverändert",
        "change_raised": "Höheres Soll ({n})",
        "change_added": "Neu hinzu ({n})",
        "change_lowered": "Niedrigeres Soll ({n})",
        "change_dropped": "Nicht mehr aufgeführt ({n})",
        "change_kept": "Unverändert ({n})",
        "change": "Änderung",
        "badge_added": "neu",
        "badge_dropped": "entfällt",
        "no_level": "–",
        "new_requirements": "Neue Anforderungen",
        "experience_same": "{years}, wie bisher",
        "matrix_intro": (
            "Die ${Roles} und ihr Soll in allen ${Competencies}, die hier verlangt werden. Eine "
            "leere Zelle heißt: Dort wird nichts verlangt."
        ),
        "legend": "Legende",
        "downloads": "Downloads",
        "download_csv": "Matrix als CSV (für Tabellenkalkulationen)",
        "download_json": "Gesamter Katalog als JSON",
        "open_readiness": "Bereitschaftsbogen für diesen Schritt öffnen",
        # overview pages: home lists, matrix per family, competency catalogue
        "way_paths_by_family": (
            "Die ${Paths} stehen je ${Family}: was sich bei jedem Schritt ändert und was Ihnen "
            "dafür noch fehlt."
        ),
        "home_families": ("Die Seiten der ${Families} zeigen ihre ${Roles} und ${Paths}."),
        "home_families_no_paths": "Die Seiten der ${Families} zeigen ihre ${Roles}.",
        "home_groups": "Die ${Competencies} nach ${CompetencyGroup}n, mit beobachtbarem Verhalten.",
        "matrix_index_intro": (
            "Je ${Family} eine Tabelle: die ${Roles} und ihr Soll in allen ${Competencies}, die "
            "dort verlangt werden. Die Downloads enthalten alle ${Roles} und ${Competencies} in "
            "einer Tabelle."
        ),
        "matrix_by_family": "Matrix nach ${Family}",
        "matrix_family_title": "${CompetencyMatrix}: {family}",
        "matrix_all_families": "Alle ${Families} der Matrix",
        "family_matrix": "Soll-${Levels} dieser ${Roles} in der ${CompetencyMatrix}",
        "competencies_intro": (
            "Alle ${Competencies} nach ${CompetencyGroup}n. Ihre Seiten beschreiben beobachtbares "
            "Verhalten, die ${Levels} und welche ${Roles} sie brauchen."
        ),
        # security page (docs_templates/security.md.j2)
        "security": "Sicherheit & Datenschutz",
        # level texts and expectations (edition 2 of the catalogue format)
        "expects_in_role": "Erwartung",
        "expects_as": "Als {role}",
        "reworded_as": "Als {before} → als {after}",
        "scale_meanings": "Was die ${Levels} bedeuten",
        "roles_at_level": "${Roles} mit diesem Soll",
        "no_targets": (
            "Hier wird in Worten beschrieben, was erwartet wird: Es gibt kein Soll je "
            "${Competency} und daher keinen Selbsteinschätzungsbogen."
        ),
        "step_no_targets": (
            "{role} wird in Worten beschrieben und setzt kein Soll je ${Competency}: "
            "Was in diesem Schritt erwartet wird, beschreibt diese Seite:"
        ),
        "change_reworded": "Andere Erwartung bei gleichem Soll ({n})",
        "count_reworded_one": "{n} mit anderer Erwartung",
        "count_reworded_other": "{n} mit anderer Erwartung",
        "badge_reworded": "anders",
        "sheet_level_text": "Bedeutung",
        "sheet_expected": "Erwartet bei Soll {level}",
        "sheet_changed_expectation": "Erwartung ändert sich",
        "diff_target_reworded": "Erwartung geändert",
        "diff_field_scale_description": "Skala, Bedeutung von Stufe {qualifier}",
        "diff_field_terms": "Begriffe",
        "diff_pages": "Eigene Seiten",
        "diff_field_body": "Text",
        "diff_field_expects": "Erwartung an {qualifier}",
        # career map (issue 12)
        "map_heading": "Karrierekarte",
        "map_title": "Karrierekarte: {family}",
        "map_hint": (
            "Jeder Pfeil ist ein Schritt der ${Paths}; wo sich ${Paths} treffen, teilen sie eine "
            "Station. Die ${Paths} unter der Karte nennen dieselben Schritte."
        ),
        "map_hint_other": ("Gestrichelte Kästen gehören zu anderen ${Families}."),
        "map_other_family": "({family})",
        "roles_by_path": "${Roles} nach ${Path}",
        "other_roles": "Weitere ${Roles}",
        # phones, paper, search, compare (issue 14)
        "sheet_col_manager": "Führungs\u00adkraft",
        "sheet_col_gap": "Abwei\u00adchung",
        "sheet_target_other": "Soll {role}",
        "sheet_compared_own": "Verglichen mit Ihrem eigenen Soll ({role}):",
        "sheet_compared_other": "Verglichen mit dem Soll von {role}, nicht Ihrem eigenen:",
        "sheet_cleared": "Wahl gelöscht: {row}, {competency}",
        "sheet_clear_hint": (
            "Ein zweiter Klick auf das gewählte Kästchen löscht die Wahl wieder, ebenso die "
            "Entf- oder Rücktaste."
        ),
        "sheet_print_legend": "Skala: {scale} · dick umrandet: Soll · angekreuzt: Wahl",
        "sheet_print_person": "Name: {name}",
        "sheet_role": "${Role}",
        "sheet_profile": "Profil auf einen Blick",
        "sheet_profile_label": (
            "Profil von {count} ${Competencies}: {series}. Die Werte stehen in der Tabelle "
            "darunter."
        ),
        "sheet_profile_target": "Soll {role}",
        "sheet_profile_compared": "Soll {role}",
        "compare_title": "${Roles} vergleichen",
        "compare_intro": (
            "Wählen Sie zwei ${Roles}: Die Seite zeigt alle ${Competencies} mit unterschiedlichem "
            "Soll oder anderer Erwartung, was neu hinzukommt und was wegfällt. Der Link in der "
            "Adresszeile hält die Auswahl fest und lässt sich teilen."
        ),
        "compare_from": "${Role}",
        "compare_to": "Vergleichen mit",
        "compare_submit": "Vergleichen",
        "compare_no_script": (
            "Der Vergleich wird im Browser berechnet und braucht JavaScript. Ohne JavaScript zeigt"
            " die ${CompetencyMatrix} das Soll aller ${Roles} nebeneinander:"
        ),
        "compare_failed": "Die ${Roles} konnten nicht geladen werden (catalogue.json).",
        "compare_same_role": "Wählen Sie zwei verschiedene ${Roles}.",
        "compare_summary": "{from_role} → {to_role}: {counts}.",
        "compare_count_raised": "{n} höher",
        "compare_count_lowered": "{n} niedriger",
        "compare_count_added": "{n} neu",
        "compare_count_dropped": "{n} weggefallen",
        "compare_count_reworded": "{n} mit anderer Erwartung",
        "compare_count_same": "{n} unverändert",
        "compare_raised": "Höheres Soll",
        "compare_lowered": "Niedrigeres Soll",
        "compare_added": "Neu hinzu",
        "compare_dropped": "Fällt weg",
        "compare_nothing": "Beide ${Roles} haben dasselbe Soll in allen ${Competencies}.",
        "compare_no_expects": "Keine eigene Erwartung",
        "compare_no_targets": (
            "{role} wird in Worten beschrieben und setzt kein Soll je ${Competency}: Es gibt "
            "nichts zu vergleichen. Was erwartet wird, steht auf der verlinkten Seite."
        ),
        "compare_with": "Mit anderen ${Roles} vergleichen …",
        # installable tool (issue 13)
        "site_name_fallback": "Kompetenzhandbuch",
    },
    "en": {
        # self-assessment and readiness sheets (generator/sheets.py, generator/pdf.py, sheet.js)
        "sheet_edition": "Edition",
        "sheet_page": "Page",
        "sheet_of": "of",
        "sheet_name": "Name",
        "sheet_date": "Date",
        "sheet_manager": "Manager",
        "sheet_meeting": "Meeting on",
        "sheet_instructions": (
            "For each ${competency}, rate how fully you bring it to your work (row “Self”); your "
            "manager rates the same in the row “Manager”. Tick one box per row. The box with the "
            "heavy frame and grey shading is the target."
        ),
        "sheet_scale": "Rating scale",
        "sheet_legend_target": "Target ${level}",
        "sheet_legend_choice": "Your choice",
        "sheet_self": "Self",
        "sheet_self_long": "Self-assessment",
        "sheet_manager_row": "Manager",
        "sheet_manager_long": "Manager's assessment",
        "sheet_target_short": "Target",
        "sheet_target_mark": "target ${level}",
        "sheet_notes": "Notes",
        "sheet_competency": "${Competency}",
        "sheet_goals": "Development goals",
        "sheet_goals_hint": "What will you work on until the next review?",
        "sheet_goal": "Goal",
        "sheet_sign_employee": "Date, employee's signature",
        "sheet_sign_manager": "Date, manager's signature",
        "sheet_storage_note": (
            "Your entries are stored only in this browser on this device (in the browser's local "
            "storage) and are sent to no one. Export them to continue on another device."
        ),
        "sheet_tools": "Work on this sheet",
        "sheet_print": "Print",
        "sheet_reset": "Reset",
        "sheet_export_json": "Export as JSON",
        "sheet_import_json": "Import JSON",
        "sheet_export_csv": "Export as CSV",
        "sheet_to_summary": "Go to summary",
        "sheet_reset_confirm": "Delete all entries on this sheet?",
        "sheet_reset_done": "All entries were deleted.",
        "sheet_imported": "Import complete: {count} ${competencies} taken over.",
        "sheet_import_failed": "The file is not an exported self-assessment and was not imported.",
        "sheet_import_other_role": (
            "The file belongs to “{role}”, not to this sheet, and was not imported."
        ),
        "sheet_target_changed": (
            "The target changed: was {old}, now {new}. Please review your rating."
        ),
        "sheet_summary": "Summary",
        "sheet_compare": "Compare with",
        "sheet_compare_own": "Your own targets",
        "sheet_compare_next": "next step",
        "sheet_compare_failed": (
            "The other ${roles} could not be loaded; comparing with your own targets."
        ),
        "sheet_basis": "Rating",
        "sheet_above": "above target",
        "sheet_at": "at target",
        "sheet_below": "below target",
        "sheet_unrated": "not rated",
        "sheet_gap": "Gap",
        "sheet_chart_label": "Number of ${competencies} above, at and below target",
        "sheet_extra_title": "Also required (not on this sheet)",
        "readiness": "Readiness sheet",
        "readiness_intro": (
            "This sheet lists only what changes with the step from “{before}” to “{after}”: "
            "${competencies} whose target rises and ${competencies} that are new. Tick one box per"
            " row."
        ),
        "readiness_legend_after": "Target as {role}",
        "readiness_legend_before": "Target as {role} (today)",
        "readiness_now": "today",
        "readiness_new": "new",
        "readiness_nothing": "No target rises and no ${competency} is added at this step.",
        "readiness_requirements": "Also new",
        "readiness_experience": "Work experience: {years}",
        "count_readiness_typical_years_one": "Usual timing: after {n} year.",
        "count_readiness_typical_years_other": "Usual timing: after {n} years.",
        "readiness_education": "Education",
        "readiness_skills": "Skills",
        "readiness_tools": "Tools",
        "sheets_cover": "Self-assessment sheets",
        "sheets_cover_intro": (
            "Blank sheets for the review meeting; each section starts with a new sheet."
        ),
        "sheets_cover_page": "Page",
        # change report (generator/diff_render.py); {…} are filled in by the code
        "diff_title": "What changed",
        "diff_edition": "Edition {old} → {new}",
        "diff_edition_same": "Edition {new}",
        "guide_title": "Guide for HR",
        # the guide's nouns (render/guide.py), as they read in a sentence
        "guide_noun_role": "${role}",
        "guide_noun_roles": "${roles}",
        "guide_noun_competency": "${competency}",
        "guide_noun_competencies": "${competencies}",
        "guide_noun_family": "${family}",
        "guide_noun_families": "${families}",
        "guide_noun_path": "${path}",
        "guide_noun_paths": "${paths}",
        "guide_noun_level": "${level}",
        "guide_noun_levels": "${levels}",
        "guide_noun_group": "${competency} group",
        "guide_noun_groups": "${competency} groups",
        "guide_noun_target": "target ${level}",
        "guide_noun_targets": "target ${levels}",
        "diff_nothing": "No changes.",
        "diff_roles": "${Roles}",
        "diff_competencies": "${Competencies}",
        "diff_paths": "${Paths}",
        "diff_groups": "${Competency} groups",
        "diff_families": "${Families}",
        "diff_handbook": "Handbook",
        "diff_added": "Added",
        "diff_removed": "Removed",
        "diff_level": "target {level}",
        "diff_was": "was {level}",
        "diff_target_raised": "Target raised",
        "diff_target_lowered": "Target lowered",
        "diff_target_added": "Newly required",
        "diff_target_removed": "No longer required",
        "diff_step_added": "Step added",
        "diff_step_removed": "Step removed",
        "diff_order_before": "Order before",
        "diff_order_after": "Order now",
        "diff_field_title": "Title",
        "diff_field_name": "Name",
        "diff_field_family": "${Family}",
        "diff_field_rank": "Rank",
        "diff_field_synonyms": "Also known as",
        "diff_field_summary": "Summary",
        "diff_field_description": "Description",
        "diff_field_responsibilities": "Responsibilities",
        "diff_field_education": "Education",
        "diff_field_experience_years": "Experience (years)",
        "diff_field_previous_roles": "Previous ${roles}",
        "diff_field_skills": "Skills",
        "diff_field_tools": "Tools",
        "diff_field_salary": "Salary",
        "diff_field_salary_note": "Salary note",
        "diff_field_reports_to": "Reports to",
        "diff_field_group": "${Competency} group",
        "diff_field_indicators": "Indicators",
        "diff_field_anchor": "${Level} {qualifier}",
        "diff_field_typical_years": "Typical years before {qualifier}",
        "diff_field_note": "Note on {qualifier}",
        "diff_field_organisation": "Organisation",
        "diff_field_language": "Language",
        "diff_field_scale_levels": "${Levels} of the scale",
        "diff_field_scale_label": "Scale, ${level} {qualifier}",
        "home": "Home",
        **_NOUN_LABELS,
        "also_known_as": "Also known as",
        "summary": "Summary",
        "target_level": "Target ${level}",
        "sheet": "Self-assessment sheet",
        "per_year": "per year",
        "per_month": "per month",
        # -- handbook pages (home, role, competency, family, path, matrix) --
        "edition": "Edition {version}",
        "home_lead": (
            "This handbook describes our ${roles}, the ${competencies} they need, and the ${paths}"
            " that join them."
        ),
        "home_lead_no_paths": (
            "This handbook describes our ${roles} and the ${competencies} they need."
        ),
        "ways_in": "Ways in",
        "way_roles": (
            "Responsibilities, requirements and target ${levels} of every ${role}, by ${family}."
        ),
        "way_paths": "What changes at each step, and what you still need for it.",
        "way_competencies": "Every ${competency} with observable behaviours and ${levels}.",
        "way_matrix": (
            "The target ${levels} of the ${roles}, one table per ${family}; all ${roles} as a "
            "download."
        ),
        "how_to_use": "How to use this handbook",
        "how_role_title": "Look up your ${role}.",
        "how_role": (
            "The page of each ${role} shows responsibilities, requirements and the target in every"
            " ${competency}."
        ),
        "how_path_title": "Plan your next step.",
        "how_path": (
            "The ${paths} show for each step which ${competencies} grow, which are new and which "
            "requirements are added."
        ),
        "how_sheet_title": "Assess yourself.",
        "how_sheet": (
            "With the self-assessment sheet you compare where you stand today with the target, on "
            "your own or together with your manager."
        ),
        "how_search_title": "Search.",
        "how_search": (
            "Search finds ${roles} under their other titles too, as well as ${competencies} and "
            "observable behaviours."
        ),
        "roles_by_family": "${Roles} by ${family}",
        "competency_catalogue": "${Competency} catalogue",
        "competency_group": "${Competency} group",
        "group_jump": "${Competency} groups",
        "matrix": "${Competency} matrix",
        "about": "About this handbook",
        "changed_in_edition": "Expectations changed in this edition",
        "count_roles_one": "{n} ${role}",
        "count_roles_other": "{n} ${roles}",
        "count_competencies_one": "{n} ${competency}",
        "count_competencies_other": "{n} ${competencies}",
        "count_paths_one": "{n} ${path}",
        "count_paths_other": "{n} ${paths}",
        "count_years_one": "{n} year",
        "count_years_other": "{n} years",
        "level_alt": "Target ${level} {level} of {maximum}",
        "level_alt_plain": "${Level} {level} of {maximum}",
        "scale_text": "Target ${levels} on the scale from {low} to {high}.",
        "at_a_glance": "At a glance",
        "reports_to": "Reports to",
        "leads": "Leads",
        "salary": "Salary",
        "responsibilities": "Responsibilities",
        "requirements": "Requirements",
        "experience": "Experience",
        "no_experience": "no prior experience needed",
        "previous_roles": "Previous ${roles}",
        "requirement_education": "Education",
        "requirement_skills": "Skills",
        "requirement_tools": "Tools",
        "role_competencies_intro": "What is expected in each ${competency}.",
        "step_of": "Step {step} of {steps}",
        "previous_step": "Previous step",
        "next_step": "Next step",
        "top_step": "Top step",
        "first_step": "Entry step",
        "what_changes_next": "What changes at the next step?",
        "nearby_roles": "Nearby ${roles}",
        "nearby_intro": (
            "${Roles} with the most similar ${competency} profile: natural sideways moves."
        ),
        "open_sheet": "Open the self-assessment sheet",
        "sheet_intro": (
            "Rate where you stand today in each ${competency} and compare it with the target."
        ),
        "indicators": "What it looks like",
        "level_anchors": "${Levels}",
        "level": "${Level}",
        "scale_label": "Scale",
        "description": "Description",
        "no_role_needs": "No target asks for this at present.",
        "family_roles": "${Roles} by seniority",
        "family_paths": "${Paths}",
        "no_paths": "No ${path} is described here yet.",
        "the_steps": "The steps",
        "path_how_to": (
            "For each step up, the sections below show what changes: which ${competencies} have a "
            "higher target, which are new, and which requirements are added. That is what you "
            "still need for the next step once you meet today's targets."
        ),
        "step_title": "Step {previous} → {step}: {before} → {after}",
        "count_ladder_years_one": "after about {n} year",
        "count_ladder_years_other": "after about {n} years",
        "count_typical_years_one": "Usually after about {n} year as {role}.",
        "count_typical_years_other": "Usually after about {n} years as {role}.",
        "what_changes": "What changes?",
        "count_raised_one": "{n} ${competency} with a higher target",
        "count_raised_other": "{n} ${competencies} with a higher target",
        "count_added_one": "{n} new ${competency}",
        "count_added_other": "{n} new ${competencies}",
        "count_lowered_one": "{n} with a lower target",
        "count_lowered_other": "{n} with a lower target",
        "count_dropped_one": "{n} no longer listed",
        "count_dropped_other": "{n} no longer listed",
        "count_kept_one": "{n} unchanged",
        "count_kept_other": "{n} unchanged",
        "change_raised": "Higher target ({n})",
        "change_added": "New ({n})",
        "change_lowered": "Lower target ({n})",
        "change_dropped": "No longer listed ({n})",
        "change_kept": "Unchanged ({n})",
        "change": "Change",
        "badge_added": "new",
        "badge_dropped": "dropped",
        "no_level": "–",
        "new_requirements": "New requirements",
        "experience_same": "{years}, as before",
        "matrix_intro": (
            "The ${roles} with their target in each ${competency} that at least one of them needs."
            " An empty cell means nothing is asked for there."
        ),
        "legend": "Legend",
        "downloads": "Downloads",
        "download_csv": "Matrix as CSV (for spreadsheets)",
        "download_json": "Whole catalogue as JSON",
        "open_readiness": "Open the readiness sheet for this step",
        # overview pages: home lists, matrix per family, competency catalogue
        "way_paths_by_family": (
            "${Paths} are listed with their ${family}: what changes at each step and what you "
            "still need for it."
        ),
        "home_families": "The page of each ${family} shows its ${roles} and ${paths}.",
        "home_families_no_paths": "The page of each ${family} shows its ${roles}.",
        "home_groups": "The ${competencies} by ${competency} group, with observable behaviour.",
        "matrix_index_intro": (
            "One table per ${family}: its ${roles} with their target in each ${competency} that at"
            " least one of them needs. The downloads hold all ${roles} and ${competencies} in one "
            "table."
        ),
        "matrix_by_family": "Matrix by ${family}",
        "matrix_family_title": "${Competency} matrix: {family}",
        "matrix_all_families": "All ${families} of the matrix",
        "family_matrix": "Target ${levels} of these ${roles} in the ${competency} matrix",
        "competencies_intro": (
            "All ${competencies} by ${competency} group. Each page describes observable behaviour,"
            " the ${levels} and which ${roles} need it."
        ),
        # security page (docs_templates/security.md.j2)
        "security": "Security & privacy",
        # level texts and expectations (edition 2 of the catalogue format)
        "expects_in_role": "Expected here",
        "expects_as": "As {role}",
        "reworded_as": "As {before} → as {after}",
        "scale_meanings": "What the ${levels} mean",
        "roles_at_level": "${Roles} with this target",
        "no_targets": (
            "This is described in words: there is no target per ${competency} and so no "
            "self-assessment sheet."
        ),
        "step_no_targets": (
            "{role} is described in words and sets no target per ${competency}. What this "
            "step expects is on its page:"
        ),
        "change_reworded": "Other expectation at the same target ({n})",
        "count_reworded_one": "{n} with another expectation",
        "count_reworded_other": "{n} with another expectation",
        "badge_reworded": "changed",
        "sheet_level_text": "What this means",
        "sheet_expected": "Expected at target {level}",
        "sheet_changed_expectation": "Expectation changes",
        "diff_target_reworded": "Expectation changed",
        "diff_field_scale_description": "Scale, meaning of ${level} {qualifier}",
        "diff_field_terms": "Terms",
        "diff_pages": "Own pages",
        "diff_field_body": "Text",
        "diff_field_expects": "Expectation of {qualifier}",
        # career map (issue 12)
        "map_heading": "Career map",
        "map_title": "Career map: {family}",
        "map_hint": (
            "Each arrow is one step of the ${paths}; where ${paths} meet, they share a station. "
            "The ${paths} below the map name the same steps."
        ),
        "map_hint_other": "Dashed boxes belong to other ${families}.",
        "map_other_family": "({family})",
        "roles_by_path": "${Roles} by ${path}",
        "other_roles": "Other ${roles}",
        # phones, paper, search, compare (issue 14)
        "sheet_col_manager": "Manager",
        "sheet_col_gap": "Gap",
        "sheet_target_other": "Target {role}",
        "sheet_compared_own": "Compared with your own targets ({role}):",
        "sheet_compared_other": "Compared with the targets of {role}, not your own:",
        "sheet_cleared": "Choice cleared: {row}, {competency}",
        "sheet_clear_hint": (
            "Clicking the chosen box again clears the choice, and so do Delete and Backspace."
        ),
        "sheet_print_legend": "Scale: {scale} · heavy frame: target · crossed: choice",
        "sheet_print_person": "Name: {name}",
        "sheet_role": "${Role}",
        "sheet_profile": "Profile at a glance",
        "sheet_profile_label": (
            "Profile of {count} ${competencies}: {series}. The values are in the table below."
        ),
        "sheet_profile_target": "Target {role}",
        "sheet_profile_compared": "Target {role}",
        "compare_title": "Compare ${roles}",
        "compare_intro": (
            "Choose two ${roles}: the page shows every ${competency} whose target or expectation "
            "differs, what is new and what falls away. The address bar keeps the choice, so the "
            "link can be shared."
        ),
        "compare_from": "${Role}",
        "compare_to": "Compare with",
        "compare_submit": "Compare",
        "compare_no_script": (
            "The comparison is worked out in the browser and needs JavaScript. Without it, the "
            "${competency} matrix shows the targets of all ${roles} side by side:"
        ),
        "compare_failed": "The ${roles} could not be loaded (catalogue.json).",
        "compare_same_role": "Choose two different ${roles}.",
        "compare_summary": "{from_role} → {to_role}: {counts}.",
        "compare_count_raised": "{n} higher",
        "compare_count_lowered": "{n} lower",
        "compare_count_added": "{n} new",
        "compare_count_dropped": "{n} no longer listed",
        "compare_count_reworded": "{n} with another expectation",
        "compare_count_same": "{n} unchanged",
        "compare_raised": "Higher target",
        "compare_lowered": "Lower target",
        "compare_added": "New",
        "compare_dropped": "Falls away",
        "compare_nothing": "Both have the same target in every ${competency}.",
        "compare_no_expects": "No expectation of its own",
        "compare_no_targets": (
            "{role} is described in words and sets no target per ${competency}: there is "
            "nothing to compare. The linked page says what is expected."
        ),
        "compare_with": "Compare with other ${roles} …",
        # installable tool (issue 13)
        "site_name_fallback": "Competency handbook",
    },
}
