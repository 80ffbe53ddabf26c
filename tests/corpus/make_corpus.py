"""Writes the malformed-catalogue corpus: one folder per defect, each with `expected.txt`.

Run `python tests/corpus/make_corpus.py` after changing a case; review the diff. Every case is a
small valid base catalogue with one defect. `expected.txt` holds the problem line that
`handbook validate ROOT` must print (PATH relative to the case folder, as `ROOT/...`). The
cases at the end have several defects in one file, which must all be printed in one run: their
`expected.txt` holds one line per defect.
"""

from __future__ import annotations

import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent

BASE = {
    "handbook.yaml": """title: Handbuch
language: de
scale:
  1: selten
  2: ~
  3: immer
families:
  - id: team
    name: Team
""",
    "competencies/basis.yaml": """name: Basis
competencies:
  - id: reden
    name: Reden
    summary: spricht klar
    indicators:
      - fasst zusammen
  - id: hoeren
    name: Hören
    summary: hört zu
    indicators:
      - fragt nach
""",
    "roles/junior.yaml": """title: Junior
family: team
summary: lernt
competencies:
  reden: 1
  hoeren: 1
""",
    "roles/senior.yaml": """title: Senior
family: team
summary: kann
reports_to: junior
competencies:
  reden: 2
  hoeren: 3
""",
    "paths/laufbahn.yaml": """title: Laufbahn
steps:
  - junior
  - senior
""",
}

# name -> (files to replace or add; None deletes a file), expected problem line(s)
CASES: dict[str, tuple[dict[str, str | None], str]] = {
    "unknown-key": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"] + "titel: x\n"},
        "roles/junior.yaml:7:1: unknown field 'titel': did you mean 'title'?",
    ),
    "missing-title": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"].replace("title: Junior\n", "")},
        "roles/junior.yaml:1:1: missing required field 'title'",
    ),
    "missing-handbook": ({"handbook.yaml": None}, "handbook.yaml:1:1: missing file"),
    "empty-required": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"].replace("title: Junior", "title:")},
        "roles/junior.yaml:1:7: 'title' needs a value",
    ),
    "text-as-target": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"].replace("reden: 1", 'reden: "1"')},
        "roles/junior.yaml:5:10: expected a whole number, found text '1'",
    ),
    "float-target": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"].replace("reden: 1", "reden: 1.5")},
        "roles/junior.yaml:5:10: expected a whole number, found '1.5'",
    ),
    "list-for-mapping": (
        {
            "roles/junior.yaml": BASE["roles/junior.yaml"].replace(
                "competencies:\n  reden: 1\n  hoeren: 1\n", "competencies:\n  - reden\n"
            )
        },
        "roles/junior.yaml:5:3: expected a mapping (key: value), found a list",
    ),
    "mapping-for-text": (
        {
            "roles/junior.yaml": BASE["roles/junior.yaml"].replace(
                "summary: lernt", "summary: {a: b}"
            )
        },
        "roles/junior.yaml:3:10: expected text, found a mapping (key: value)",
    ),
    "list-for-text": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"].replace("summary: lernt", "summary: [a]")},
        "roles/junior.yaml:3:10: expected text, found a list",
    ),
    "text-for-list": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"] + "synonyms: Azubi\n"},
        "roles/junior.yaml:7:11: expected a list of text, found 'Azubi'",
    ),
    "duplicate-key": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"] + "title: Nochmal\n"},
        "roles/junior.yaml:7:1: duplicate key 'title' (first at line 1)",
    ),
    "duplicate-target-key": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"] + "  reden: 2\n"},
        "roles/junior.yaml:7:3: duplicate key 'reden' (first at line 5)",
    ),
    "bad-file-id": (
        {"roles/Junior_X.yaml": BASE["roles/junior.yaml"]},
        "roles/Junior_X.yaml:1:1: file name 'Junior_X' is not a valid id",
    ),
    "uppercase-id-case-twin": (
        {"roles/JUNIOR.yaml": BASE["roles/junior.yaml"]},
        "roles/JUNIOR.yaml:1:1: file name 'JUNIOR' is not a valid id",
    ),
    "bad-competency-id": (
        {
            "competencies/basis.yaml": BASE["competencies/basis.yaml"].replace(
                "id: reden", "id: Reden!"
            )
        },
        "competencies/basis.yaml:3:9: 'Reden!' is not a valid id",
    ),
    "traversal-in-reference": (
        {
            "roles/senior.yaml": BASE["roles/senior.yaml"].replace(
                "reports_to: junior", "reports_to: ../junior"
            )
        },
        "roles/senior.yaml:4:13: '../junior' is not a valid id",
    ),
    "absolute-path-in-step": (
        {"paths/laufbahn.yaml": BASE["paths/laufbahn.yaml"].replace("- senior", "- /etc/passwd")},
        "paths/laufbahn.yaml:4:5: '/etc/passwd' is not a valid id",
    ),
    "backslash-in-id": (
        {"paths/laufbahn.yaml": BASE["paths/laufbahn.yaml"].replace("- senior", "- 'a\\\\b'")},
        "paths/laufbahn.yaml:4:5: 'a\\\\\\\\b' is not a valid id",
    ),
    "duplicate-competency-id": (
        {
            "competencies/extra.yaml": "name: Extra\ncompetencies:\n  - id: reden\n    name: R\n    summary: s\n    indicators: [x]\n"
        },
        "competencies/extra.yaml:3:9: duplicate competency id 'reden'",
    ),
    "duplicate-family-id": (
        {"handbook.yaml": BASE["handbook.yaml"] + "  - id: team\n    name: Zwei\n"},
        "handbook.yaml:10:9: duplicate family id 'team'",
    ),
    "duplicate-file-stem": (
        {"roles/junior.yml": BASE["roles/junior.yaml"]},
        "roles/junior.yml:1:1: duplicate id 'junior'",
    ),
    "unknown-family": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"].replace("family: team", "family: teams")},
        "roles/junior.yaml:2:9: unknown family 'teams': did you mean 'team'?",
    ),
    "unknown-competency": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"].replace("reden: 1", "redenn: 1")},
        "roles/junior.yaml:5:3: unknown competency 'redenn': did you mean 'reden'?",
    ),
    "unknown-reports-to": (
        {
            "roles/senior.yaml": BASE["roles/senior.yaml"].replace(
                "reports_to: junior", "reports_to: chef"
            )
        },
        "roles/senior.yaml:4:13: unknown role 'chef' in reports_to",
    ),
    "unknown-previous-role": (
        {
            "roles/senior.yaml": BASE["roles/senior.yaml"]
            + "requirements:\n  previous_roles: [juniorr]\n"
        },
        "roles/senior.yaml:9:20: unknown role 'juniorr' in previous_roles: did you mean 'junior'?",
    ),
    "unknown-step-role": (
        {"paths/laufbahn.yaml": BASE["paths/laufbahn.yaml"].replace("- senior", "- role: seniorr")},
        "paths/laufbahn.yaml:4:11: unknown role 'seniorr' in steps: did you mean 'senior'?",
    ),
    "target-above-scale": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"].replace("reden: 1", "reden: 4")},
        "roles/junior.yaml:5:10: target level 4 is outside the scale: expected a level from 1 to 3",
    ),
    "target-zero": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"].replace("reden: 1", "reden: 0")},
        "roles/junior.yaml:5:10: expected a whole number >= 1, found 0",
    ),
    "anchor-outside-scale": (
        {
            "competencies/basis.yaml": BASE["competencies/basis.yaml"].replace(
                "      - fasst zusammen\n", "      - fasst zusammen\n    levels:\n      7: toll\n"
            )
        },
        "competencies/basis.yaml:9:7: level 7 is outside the scale: expected a level from 1 to 3",
    ),
    "scale-gap": (
        {"handbook.yaml": BASE["handbook.yaml"].replace("  2: ~\n", "")},
        "handbook.yaml:5:3: scale levels must be consecutive whole numbers from 1",
    ),
    "scale-too-long": (
        {
            "handbook.yaml": BASE["handbook.yaml"].replace(
                "  3: immer\n", "".join(f"  {n}: ~\n" for n in range(3, 12))
            )
        },
        "handbook.yaml:14:3: expected a whole number <= 10, found 11",
    ),
    "scale-one-level": (
        {"handbook.yaml": BASE["handbook.yaml"].replace("  2: ~\n  3: immer\n", "")},
        "handbook.yaml:4:3: expected at least 2 entries, found 1",
    ),
    "bad-language": (
        {"handbook.yaml": BASE["handbook.yaml"].replace("language: de", "language: fr")},
        "handbook.yaml:2:11: expected one of 'de', 'en', found 'fr'",
    ),
    "no-families": (
        {"handbook.yaml": BASE["handbook.yaml"].split("families:")[0] + "families: []\n"},
        "handbook.yaml:7:11: expected at least 1 item(s), found none",
    ),
    "reports-to-cycle": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"] + "reports_to: senior\n"},
        "roles/junior.yaml:7:13: reports_to forms a cycle: junior -> senior -> junior",
    ),
    "reports-to-self": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"] + "reports_to: junior\n"},
        "roles/junior.yaml:7:13: reports_to forms a cycle: junior -> junior",
    ),
    "short-path": (
        {"paths/laufbahn.yaml": "title: Laufbahn\nsteps:\n  - junior\n  - role: junior\n"},
        "paths/laufbahn.yaml:3:3: a career path needs at least two distinct roles",
    ),
    "salary-both": (
        {
            "roles/junior.yaml": BASE["roles/junior.yaml"]
            + "salary:\n  amount: 1\n  min: 1\n  max: 2\n  currency: EUR\n  period: year\n"
        },
        "roles/junior.yaml:8:3: salary needs either 'amount', or both 'min' and 'max'",
    ),
    "salary-negative": (
        {
            "roles/junior.yaml": BASE["roles/junior.yaml"]
            + "salary:\n  amount: -5\n  currency: EUR\n  period: year\n"
        },
        "roles/junior.yaml:8:11: expected a number > 0, found -5",
    ),
    "salary-period": (
        {
            "roles/junior.yaml": BASE["roles/junior.yaml"]
            + "salary:\n  amount: 5\n  currency: EUR\n  period: week\n"
        },
        "roles/junior.yaml:10:11: expected one of 'year', 'month', found 'week'",
    ),
    "experience-text": (
        {
            "roles/junior.yaml": BASE["roles/junior.yaml"]
            + "requirements:\n  experience_years: viele\n"
        },
        "roles/junior.yaml:8:21: expected a whole number, found 'viele'",
    ),
    "alias": (
        {
            "roles/junior.yaml": "title: &t Junior\nfamily: team\nsummary: *t\ncompetencies:\n  reden: 1\n"
        },
        "roles/junior.yaml:1:8: YAML anchors (&name) are not allowed",
    ),
    "alias-bomb": (
        {
            "roles/junior.yaml": "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        },
        "roles/junior.yaml:1:4: YAML anchors (&name) are not allowed",
    ),
    "python-tag": (
        {
            "roles/junior.yaml": BASE["roles/junior.yaml"].replace(
                "summary: lernt", "summary: !!python/object/apply:os.system ['touch /tmp/pwned']"
            )
        },
        "roles/junior.yaml:3:10: YAML tags (!!python/object/apply:os.system) are not allowed",
    ),
    "custom-tag": (
        {
            "roles/junior.yaml": BASE["roles/junior.yaml"].replace(
                "summary: lernt", "summary: !secret lernt"
            )
        },
        "roles/junior.yaml:3:10: YAML tags (!secret) are not allowed",
    ),
    "syntax-error": (
        {
            "roles/junior.yaml": BASE["roles/junior.yaml"].replace(
                "summary: lernt", "summary: [lernt"
            )
        },
        "roles/junior.yaml:4:13: invalid YAML",
    ),
    "tab-indent": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"].replace("  reden: 1", "\treden: 1")},
        "roles/junior.yaml:5:1: invalid YAML",
    ),
    "two-documents": (
        {"roles/junior.yaml": BASE["roles/junior.yaml"] + "---\ntitle: zwei\n"},
        "roles/junior.yaml:7:1: expected one YAML document, found several",
    ),
    "empty-file": ({"roles/junior.yaml": ""}, "roles/junior.yaml:1:1: the file is empty"),
    "list-document": (
        {"roles/junior.yaml": "- a\n- b\n"},
        "roles/junior.yaml:1:1: expected a mapping (key: value), found a list",
    ),
    "deep-nesting": (
        {
            "roles/junior.yaml": BASE["roles/junior.yaml"]
            + "description: "
            + "[" * 40
            + "]" * 40
            + "\n"
        },
        "roles/junior.yaml:7:46: nesting is deeper than 32 levels",
    ),
    "folder-for-file": (
        {"roles/junior.yaml": None, "roles/junior.yaml/keep.txt": "x"},
        "roles/junior.yaml:1:1: expected a YAML file, found a folder",
    ),
    "file-for-folder": (
        {"roles/junior.yaml": None, "roles/senior.yaml": None, "roles": "not a folder"},
        "roles:1:1: expected a folder",
    ),
    "colon-in-text": (
        {
            "roles/junior.yaml": BASE["roles/junior.yaml"].replace(
                "summary: lernt", 'summary: Ziel: "Kunden" begeistern'
            )
        },
        "roles/junior.yaml:3:14: invalid YAML: mapping values are not allowed in this context: "
        "a colon followed by a space inside unquoted text starts a new key; put the text in "
        """quotes (summary: 'Ziel: "Kunden" begeistern')""",
    ),
    "term-without-plural": (
        {"handbook.yaml": BASE["handbook.yaml"] + "terms:\n  role: [Stelle]\n"},
        "handbook.yaml:11:9: a term needs its singular and its plural: expected "
        "[singular, plural], found 1 item",
    ),
    "image-unsupported-type": (
        {"pages/hilfe.md": "---\ntitle: Hilfe\n---\n![Bild](images/bild.gif)\n"},
        "pages/hilfe.md:4:9: image 'images/bild.gif' has an unsupported type: expected a png, "
        "jpg or svg file",
    ),
    "image-not-found": (
        {"pages/hilfe.md": "---\ntitle: Hilfe\n---\n![Bild](images/fehlt.png)\n"},
        "pages/hilfe.md:4:9: image 'images/fehlt.png' not found: expected a file 'fehlt.png' "
        "in pages/images/",
    ),
    "image-outside-folder": (
        {"pages/hilfe.md": "---\ntitle: Hilfe\n---\n![Bild](images/../hilfe.md)\n"},
        "pages/hilfe.md:4:9: image 'images/../hilfe.md' is not a file of pages/images/: "
        "expected images/<file> for a file in pages/images/",
    ),
    # several defects in one file: an error of type or shape hides none of the others
    "several-wrong-type-and-references": (
        {
            "roles/junior.yaml": "title: Junior\nfamily: teem\nsummary: lernt\nrank: x\n"
            "competencies:\n  reden: 1\n  hoerenn: 1\n"
        },
        "roles/junior.yaml:2:9: unknown family 'teem': did you mean 'team'?\n"
        "roles/junior.yaml:4:7: expected a whole number, found 'x'\n"
        "roles/junior.yaml:7:3: unknown competency 'hoerenn': did you mean 'hoeren'?",
    ),
    "several-bad-id-and-level": (
        {
            "roles/junior.yaml": BASE["roles/junior.yaml"]
            .replace("family: team", "family: Customer_Service")
            .replace("reden: 1", "reden: 7")
        },
        "roles/junior.yaml:2:9: 'Customer_Service' is not a valid id: expected lowercase "
        "letters, digits and single hyphens (e.g. 'customer-service')\n"
        "roles/junior.yaml:5:10: target level 7 is outside the scale: expected a level from 1 "
        "to 3",
    ),
    "several-bad-steps": (
        {
            "paths/laufbahn.yaml": "title: Laufbahn\nsteps:\n  - juniorr\n  - role: senior\n"
            "    typical_years: x\n"
        },
        "paths/laufbahn.yaml:3:5: unknown role 'juniorr' in steps: did you mean 'junior'?\n"
        "paths/laufbahn.yaml:5:20: expected a number, found 'x'",
    ),
    "several-bad-indicators-and-level": (
        {
            "competencies/basis.yaml": BASE["competencies/basis.yaml"].replace(
                "    indicators:\n      - fragt nach\n", "    indicators: x\n    levels: {7: a}\n"
            )
        },
        "competencies/basis.yaml:11:17: expected a list of text, found 'x'\n"
        "competencies/basis.yaml:12:14: level 7 is outside the scale: expected a level from 1 "
        "to 3",
    ),
    "several-bad-name-and-duplicate": (
        {"competencies/Bad_Group.yaml": "name: Extra\ncompetencies:\n  - id: reden\n    name: R\n"},
        "competencies/Bad_Group.yaml:1:1: file name 'Bad_Group' is not a valid id\n"
        "competencies/Bad_Group.yaml:3:9: duplicate competency id 'reden': already defined at ",
    ),
}


def write_case(name: str, target: Path) -> None:
    changes, expected = CASES[name]
    files: dict[str, str | None] = {**BASE, **changes}
    if target.exists():
        shutil.rmtree(target)
    for relative, text in files.items():
        if text is None:
            continue
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (target / "expected.txt").write_text(expected + "\n", encoding="utf-8")


def main() -> None:
    for old in HERE.iterdir():
        if old.is_dir() and not old.name.startswith(("_", ".")):
            shutil.rmtree(old)
    for name in CASES:
        write_case(name, HERE / name)


if __name__ == "__main__":
    main()
