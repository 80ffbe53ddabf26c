"""The guide for HR (docs_templates/guide.md.j2, render/guide.py): both languages, examples
taken from the catalogue being built, and every example true: the files it shows are valid
catalogue files, the messages it quotes are what the tools print."""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import write_catalogue

from generator.check.report import format_problems
from generator.errors import Severity
from generator.model.diff import diff_handbooks
from generator.model.handbook import Handbook
from generator.model.relations import relations_of
from generator.pipeline import check, load_handbook
from generator.render import urls
from generator.render.changes import render_text
from generator.render.environment import environment
from generator.render.guide import GuideView, Named, guide_view
from generator.render.page import Page
from generator.render.plan import plan_pages, render

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_CATALOGUE = PROJECT / "tests" / "fixtures" / "default"
SECTIONS = {
    "de": [
        "Mit einer Tabelle beginnen",
        "Rolle anlegen",
        "Soll-Niveau ändern",
        "Die Skala",
        "Kompetenz hinzufügen",
        "Niveaus in Worten beschreiben",
        "Karrierepfade und Abzweigungen",
        "Die eigenen Wörter",
        "Eigene Seiten",
        "Warnungen bewusst annehmen",
        "Lokal ansehen",
        "Einen Merge Request öffnen",
        "Fehlermeldungen lesen",
        "Veröffentlichen",
    ],
    "en": [
        "Start from a spreadsheet",
        "Add a role",
        "Change a target level",
        "The rating scale",
        "Add a competency",
        "Describe what a level expects",
        "Career paths that fork",
        "Your organisation's words",
        "Pages of your own",
        "Accept a warning on purpose",
        "Preview locally",
        "Open a merge request",
        "Read the errors",
        "Publish",
    ],
}
CODE = re.compile(
    r'<div class="ch-example" data-search-exclude=""><pre><code>(.*?)</code></pre>', re.S
)

# An English catalogue unlike the default one: a scale of 1 to 7, other ids, a role that
# writes what it expects, two paths that fork after a shared start.
SEVEN = {
    1: "Not yet",
    2: None,
    3: "Working",
    4: None,
    5: "Practitioner",
    6: None,
    7: "Role model",
}
ENGLISH: dict[str, Any] = {
    "handbook.yaml": {
        "title": "Support Skills Framework",
        "language": "en",
        "version": "4.2",
        "scale": SEVEN,
        "families": [{"id": "customer-support", "name": "Customer Support"}],
    },
    "competencies/service-craft.yaml": {
        "name": "Service craft",
        "competencies": [
            {
                "id": "incident-handling",
                "name": "Incident handling",
                "indicators": ["restores service first, then looks for causes"],
            },
            {
                "id": "customer-empathy",
                "name": "Customer empathy",
                "levels": {1: "Listens.", 7: "Shapes how everyone listens."},
            },
            {"id": "knowledge-base", "name": "Knowledge base writing"},
        ],
    },
    "roles/support-agent.yaml": {
        "title": "Support Agent",
        "family": "customer-support",
        "rank": 1,
        "reports_to": "support-lead",
        "competencies": {"incident-handling": 3, "customer-empathy": 4, "knowledge-base": 2},
    },
    "roles/support-specialist.yaml": {
        "title": "Support Specialist",
        "family": "customer-support",
        "rank": 2,
        "reports_to": "support-lead",
        "competencies": {
            "incident-handling": 5,
            "customer-empathy": 5,
            "knowledge-base": {"level": 4, "expects": "Keeps the runbooks current."},
        },
    },
    "roles/support-lead.yaml": {
        "title": "Support Lead",
        "family": "customer-support",
        "rank": 3,
        "competencies": {"incident-handling": 5, "customer-empathy": 6, "knowledge-base": 4},
    },
    "paths/specialist-track.yaml": {
        "title": "Specialist track",
        "steps": ["support-agent", "support-specialist"],
    },
    "paths/lead-track.yaml": {"title": "Lead track", "steps": ["support-agent", "support-lead"]},
}
# A second one without paths, pages or terms, with a single role that expects nothing.
LONE: dict[str, Any] = {
    "handbook.yaml": {
        "title": "Warehouse Skills",
        "language": "en",
        "scale": {1: "Learning", 2: "Able", 3: "Teaching"},
        "families": [{"id": "warehouse", "name": "Warehouse"}],
    },
    "competencies/floor.yaml": {
        "name": "On the floor",
        "competencies": [
            {"id": "forklift-safety", "name": "Forklift safety", "indicators": ["checks the truck"]}
        ],
    },
    "roles/picker.yaml": {
        "title": "Picker",
        "family": "warehouse",
        "competencies": {"forklift-safety": 2},
    },
}


def render_guide(handbook: Handbook) -> str:
    """The guide's Markdown, as the render plan makes it."""
    view = guide_view(handbook, relations_of(handbook))
    page = Page(urls.GUIDE, "guide.md.j2", "guide", {"view": view})
    template = environment(handbook).get_template(page.template)
    return template.render(handbook=handbook, page=page, **page.context)


def test_the_render_plan_gives_the_guide_its_view() -> None:
    """Assert that the render plan renders the guide with the view of its catalogue."""
    handbook = load_handbook(DEFAULT_CATALOGUE)
    relations = relations_of(handbook)
    page = next(p for p in plan_pages(handbook, relations) if p.path == urls.GUIDE)
    assert page.context["view"] == guide_view(handbook, relations)


def default_guide(language: str) -> str:
    handbook = dataclasses.replace(load_handbook(DEFAULT_CATALOGUE), language=language)
    return render_guide(handbook)


def shown(markdown: str) -> str:
    """The guide's text as a reader sees it (character references resolved)."""
    return html.unescape(markdown)


def flat(markdown: str) -> str:
    """The guide's text as a reader sees it, on one line."""
    return " ".join(shown(markdown).split())


def examples(markdown: str) -> list[str]:
    """The guide's code examples as they show on the page."""
    return [html.unescape(block) for block in CODE.findall(markdown)]


def view_of(root: Path) -> tuple[Handbook, GuideView]:
    handbook = load_handbook(root)
    return handbook, guide_view(handbook, relations_of(handbook))


def default_ids() -> set[str]:
    """Every id and file name of the default (German) catalogue."""
    handbook = load_handbook(DEFAULT_CATALOGUE)
    ids = {f.id for f in handbook.families} | {g.id for g in handbook.groups}
    ids |= {c.id for c in handbook.competencies} | {r.id for r in handbook.roles}
    ids |= {p.id for p in handbook.paths}
    return ids | {c.name for c in handbook.competencies} | {"kommunikation.yaml"}


@pytest.fixture
def english(tmp_path: Path) -> Path:
    return write_catalogue(tmp_path / "catalogues", ENGLISH)


@pytest.fixture
def lone(tmp_path: Path) -> Path:
    return write_catalogue(tmp_path / "lone" / "catalogues", LONE)


def file_of(named: Named) -> str:
    """The catalogue file of something the guide names (roles/x.yaml)."""
    assert named.file is not None
    return named.file


def errors_of(root: Path) -> list[str]:
    return [str(p) for p in check(root, "catalogues").problems if p.severity is Severity.ERROR]


# ---- both languages -------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_guide_covers_every_task_in_the_handbook_language(language: str) -> None:
    """Assert that the guide has a section per HR task, in the handbook's language."""
    text = shown(default_guide(language))
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings[1:] == SECTIONS[language]
    assert "make serve" in text and "make validate" in text
    assert ("Diese Ausgabe: 2026.1." if language == "de" else "edition: 2026.1.") in text


@pytest.mark.parametrize("language", ["de", "en"])
def test_no_rule_of_the_first_edition_that_edition_2_dropped(language: str) -> None:
    """Assert that the guide asks for no indicator ("at least one" was dropped by edition 2),
    nor for a summary, and names the fields the contract requires."""
    text = flat(default_guide(language))
    about_indicators = [
        sentence
        for sentence in re.split(r"(?<=[.:;])\s", text)
        if re.search(r"indicator|behaviour|Verhalten", sentence, re.I)
    ]
    assert about_indicators
    assert not [s for s in about_indicators if re.search(r"at least|mindestens", s, re.I)]
    required = {
        "de": "Pflicht sind `title`, `family` (eine Kennung aus `families:` in `handbook.yaml`) "
        "und `competencies`",
        "en": "Required are `title`, `family` (an id from `families:` in `handbook.yaml`) and "
        "`competencies`",
    }
    assert required[language] in text
    assert "`summary`, `indicators` und `levels` sind freiwillig" in text or (
        "`summary`, `indicators` and `levels` are optional" in text
    )
    role_file = next(e for e in examples(default_guide(language)) if e.startswith("title:"))
    assert re.search(r"^summary: .*# optional", role_file, re.M)
    competency = next(e for e in examples(default_guide(language)) if "indicators:" in e)
    assert re.search(r"^ +indicators: +# optional", competency, re.M)


# ---- the default (German) catalogue ----------------------------------------------------------


def test_the_default_catalogues_guide_names_its_own_things() -> None:
    """Assert that the roles, competencies and files the German guide names exist in the
    default catalogue (or are the two the guide adds), with its scale of 1 to 5."""
    handbook, view = view_of(DEFAULT_CATALOGUE)
    text = flat(render_guide(handbook))
    assert "(hier 1 bis 5)" in text
    assert "von 1 („bringt dies kaum ein“) bis 5 („bringt dies jederzeit ein“)" in text
    for name in re.findall(r"(?:roles|paths|competencies)/[a-z0-9-]+\.yaml", text):
        assert (DEFAULT_CATALOGUE / name).is_file() or name == view.new_role.file, name
    assert view.new_role.id == "beispielrolle" and view.new_competency.id == "verhandlungsfuehrung"
    assert "verbale-kommunikation: 3" in view.new_role_file.text
    change = view.change
    role_text = (DEFAULT_CATALOGUE / file_of(change.role)).read_text(encoding="utf-8")
    assert f"  {change.before_lines.lines[0]}\n" in role_text


# ---- an English catalogue with a scale of 1 to 7 ---------------------------------------------


def test_an_english_catalogue_gets_examples_of_its_own(english: Path) -> None:
    """Assert that an English catalogue's guide shows its family, group file, competencies,
    roles, scale (1 to 7 with its labels) and paths, and no id of the default catalogue."""
    handbook, view = view_of(english)
    markdown = render_guide(handbook)
    text = flat(markdown)
    for own in (
        "customer-support",
        "competencies/service-craft.yaml",
        "incident-handling",
        "Incident handling",
        "roles/support-agent.yaml",
        "Support Agent",
        "support-lead",
        "paths/lead-track.yaml",
        "(here 1 to 7)",
        '1 ("Not yet") to 7 ("Role model")',
        "level 7",
        "version: '4.2'",
    ):
        assert own in text, own
    assert "competency id: target level (1 to 7)" in view.new_role_file.text
    scale = yaml.safe_load(next(e for e in examples(markdown) if "scale:" in e))
    assert scale == {"scale": SEVEN}
    found = [i for i in default_ids() if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
    assert found == []
    assert "Kompetenz" not in text and "1 to 5" not in text and "1 bis" not in text


def test_the_guides_files_are_valid_catalogue_files(english: Path) -> None:
    """Assert that the new role, the new competency, the expectation and the accepted
    warning the guide shows, put into the catalogue, validate without error or stale entry."""
    handbook, view = view_of(english)
    assert view.accept_code == "unused-competency"  # no target falls along a path here
    add_examples(english, view)
    result = check(english, "catalogues")
    assert [str(p) for p in result.problems if p.severity is Severity.ERROR] == []
    assert not [p for p in result.problems if "stale-accept" in str(p)]
    assert [a.warning for a in load_handbook(english).group("service-craft").accepted] == [
        "unused-competency"
    ]


def add_examples(root: Path, view: GuideView) -> None:
    """Put the guide's new role, new competency (with its level texts) and accept entry into
    the catalogue at ``root``, as the guide says."""
    (root / file_of(view.new_role)).write_text(view.new_role_file.text + "\n", encoding="utf-8")
    lines = view.new_competency_file.lines
    item = [line for line in lines[lines.index("competencies:") + 1 :] if "# …" not in line]
    [competency] = yaml.safe_load("\n".join(item))
    extend(root / file_of(view.group), "competencies", [competency])
    accept = yaml.safe_load(view.accept.text)["accept"]
    assert view.accept.lines[0] == f"# catalogues/{view.accept_file}"
    extend(root / view.accept_file, "accept", accept)


def extend(file: Path, key: str, items: list[Any]) -> None:
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    data[key] = [*data.get(key, []), *items]
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_validate_errors_are_what_validate_prints(english: Path) -> None:
    """Assert that the guide's error lines are what `handbook validate` prints for the new
    role with the typo the guide describes."""
    handbook, view = view_of(english)
    typo = view.typo
    text = view.new_role_file.text.replace(f"  {typo.right}: ", f"  {typo.wrong}: ", 1)
    text = re.sub(rf"(  {typo.wrong}: )\d+", rf"\g<1>{typo.level}", text)
    (english / typo.file).write_text(text + "\n", encoding="utf-8")
    printed = format_problems(check(english, "catalogues").problems, "text", strict=True)
    errors = [line for line in printed.splitlines() if ": warning:" not in line][:-1]
    assert errors == list(typo.validate)
    assert typo.suggests and "did you mean 'incident-handling'" in typo.validate[0]
    guide = shown(render_guide(handbook))
    assert "\n".join(typo.validate) in guide
    assert f"{typo.wrong}: {typo.level}" in guide and typo.level == 8


def test_the_change_report_is_what_diff_prints(english: Path, tmp_path: Path) -> None:
    """Assert that the guide's change example is a line of the role's real file and its
    report is what the change report says after that edit."""
    handbook, view = view_of(english)
    change = view.change
    assert (change.role.id, change.competency.id) == ("support-agent", "incident-handling")
    assert (change.before, change.after) == (3, 4)
    after = tmp_path / "after"
    shutil.copytree(english, after)
    role = after / file_of(change.role)
    before_line = f"  {change.before_lines.lines[0]}\n"
    text = role.read_text(encoding="utf-8")
    assert before_line in text
    role.write_text(text.replace(before_line, f"  {change.after_text}\n"), encoding="utf-8")
    report = render_text(diff_handbooks(handbook, load_handbook(after)), load_handbook(after))
    shown_report = "\n".join("  " + line for line in change.report.lines)
    assert shown_report in report
    assert shown_report.splitlines()[1].strip() == (
        "Target raised: Incident handling (incident-handling): 3 → 4"
    )


def test_a_target_with_expects_is_changed_in_its_long_form(english: Path) -> None:
    """Assert that where every target below the top is written with `expects`, the guide
    changes `level:` under the competency, not a line the file does not have."""
    files = dict(ENGLISH)
    files["roles/support-agent.yaml"] = {
        **ENGLISH["roles/support-agent.yaml"],
        "competencies": {"incident-handling": {"level": 3, "expects": "Owns the first reply."}},
    }
    files = {k: v for k, v in files.items() if k not in ("roles/support-specialist.yaml",)}
    files["roles/support-lead.yaml"] = {**ENGLISH["roles/support-lead.yaml"], "competencies": {}}
    files["paths/specialist-track.yaml"] = {
        "title": "Specialist track",
        "steps": ["support-agent", "support-lead"],
    }
    root = write_catalogue(english.parent / "long", files)
    handbook, view = view_of(root)
    assert view.change.long_form
    assert view.change.before_lines.lines == ("incident-handling:", "  level: 3")
    text = flat(render_guide(handbook))
    assert "`level: 3` becomes <code>level: 4</code>" in text


def test_the_import_error_is_what_import_prints(tmp_path: Path, english: Path) -> None:
    """Assert that the guide's workbook error is what `handbook import` prints for that typo,
    in the default catalogue (de, en) and the English one."""
    from spreadsheets import cell, change, exported

    from generator.commands.spreadsheet import check_workbook
    from generator.load.workbook import load_workbook

    for root, language in ((DEFAULT_CATALOGUE, "de"), (DEFAULT_CATALOGUE, "en"), (english, "en")):
        handbook = dataclasses.replace(load_handbook(root), language=language)
        view = guide_view(handbook, relations_of(handbook))
        name = str(view.workbook)
        (tmp_path / language).mkdir(exist_ok=True)
        workbook = exported(root, tmp_path / language / name)
        where = cell(workbook, "Targets", view.typo.right, "competency")
        change(workbook, "Targets", where, view.typo.wrong)
        [error] = check_workbook(load_workbook(workbook, name)).errors
        assert str(error) == view.typo.workbook
        assert f"\n        {error}\n" in render_guide(handbook)


# ---- a catalogue without paths, with one role ---------------------------------------------------


def test_a_catalogue_without_paths_gets_a_path_it_can_use(lone: Path) -> None:
    """Assert that without paths the guide says so and shows a path file whose steps are the
    new role and the role it reports to; with the new role, it validates."""
    handbook, view = view_of(lone)
    text = flat(render_guide(handbook))
    assert "This catalogue has no career paths yet" in text
    assert not view.path.real and view.role_path is None and view.fork is None
    path = yaml.safe_load(view.path_file.text)
    assert path["steps"][0] == view.new_role.id == "example-role"
    assert path["steps"][1] == {"role": "picker", "typical_years": 2}
    (lone / file_of(view.new_role)).write_text(view.new_role_file.text + "\n", encoding="utf-8")
    (lone / file_of(view.path)).parent.mkdir()
    (lone / file_of(view.path)).write_text(view.path_file.text + "\n", encoding="utf-8")
    assert errors_of(lone) == []
    found = [i for i in default_ids() if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
    assert found == []
    assert "(here 1 to 3)" in text and "No edition" not in text


def test_a_catalogue_without_competencies_or_roles_still_reads_right(tmp_path: Path) -> None:
    """Assert that a catalogue of one family only gets a guide of made-up examples that fit
    together: the new role targets the new competency, the path uses made-up roles."""
    root = write_catalogue(tmp_path / "catalogues", {"handbook.yaml": LONE["handbook.yaml"]})
    handbook, view = view_of(root)
    text = flat(render_guide(handbook))
    assert view.role_targets_invented and "negotiation: 2" in view.new_role_file.text
    assert view.change.role.id == "example-role" and view.change.competency.id == "negotiation"
    assert "This catalogue has no competencies yet" in text
    assert "competencies/example-group.yaml" in text


# ---- the organisation's words, text that is not markup ---------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_terms_example_is_a_valid_catalogue(language: str, tmp_path: Path) -> None:
    """Assert that the guide's `terms` example, put into handbook.yaml, validates and renames
    the nouns."""
    guide = default_guide(language)
    example = next(e for e in examples(guide) if "\nterms:\n" in e)
    root = tmp_path / "catalogues"
    shutil.copytree(DEFAULT_CATALOGUE, root)
    with (root / "handbook.yaml").open("a", encoding="utf-8") as handbook:
        handbook.write(textwrap.dedent(example) + "\n")
    assert check(root, "catalogues").problems == ()
    terms = load_handbook(root).terms
    assert terms.competency == ("Skill", "Skills")


def test_a_catalogue_with_terms_shows_them_and_says_its_nouns(tmp_path: Path) -> None:
    """Assert that a catalogue's own `terms` are the example, written as valid YAML (quoted
    where a flow list needs it), and that the guide's prose uses them."""
    files = dict(ENGLISH)
    files["handbook.yaml"] = {
        **ENGLISH["handbook.yaml"],
        "terms": {"role": ["Job level", "Job levels"], "competency": ["Skill, craft", "Skills"]},
    }
    root = write_catalogue(tmp_path / "catalogues", files)
    handbook, view = view_of(root)
    text = flat(render_guide(handbook))
    assert view.terms_real
    assert yaml.safe_load(view.terms_file.text) == {
        "terms": {"role": ["Job level", "Job levels"], "competency": ["Skill, craft", "Skills"]}
    }
    assert "## Add a job level" in text and "## Add a skill, craft" in text
    assert "This handbook already uses its own words" in text


def test_catalogue_text_in_examples_stays_text_and_valid_yaml(tmp_path: Path) -> None:
    """Assert that markup and YAML-looking text in a catalogue reaches the guide escaped, and
    that the examples quote it so that it reads back as written."""
    hostile = '<script>alert(1)</script> *x* {{ 7*7 }} [a](javascript:b) & "q": no'
    files = dict(ENGLISH)
    files["competencies/service-craft.yaml"] = {
        **ENGLISH["competencies/service-craft.yaml"],
        "name": hostile,
    }
    files["handbook.yaml"] = {**ENGLISH["handbook.yaml"], "scale": {**SEVEN, 1: "yes", 2: hostile}}
    files["roles/support-lead.yaml"] = {**ENGLISH["roles/support-lead.yaml"], "title": hostile}
    root = write_catalogue(tmp_path / "catalogues", files)
    handbook, view = view_of(root)
    markdown = render_guide(handbook)
    for raw in ("<script", "{{", "[a](", "*x*"):
        assert raw not in markdown
    blocks = examples(markdown)
    group = yaml.safe_load(next(b for b in blocks if b.startswith("# catalogues/competencies/")))
    assert group["name"] == hostile
    scale = yaml.safe_load(next(b for b in blocks if "\nscale:\n  1:" in b))
    assert scale == {"scale": {**SEVEN, 1: "yes", 2: hostile}}
    assert hostile in shown(markdown)


@pytest.mark.parametrize("catalogue", ["default-de", "default-en", "english", "lone"])
def test_every_example_is_a_block_of_its_own(catalogue: str, english: Path, lone: Path) -> None:
    """Assert that each code example stands between blank lines (a raw HTML block, never part
    of a paragraph) and holds no raw markup: only escaped text."""
    roots = {"english": english, "lone": lone}
    if catalogue.startswith("default"):
        markdown = default_guide(catalogue.removeprefix("default-"))
    else:
        markdown = render_guide(load_handbook(roots[catalogue]))
    blocks = re.findall(
        r'(.?.?)<div class="ch-example" data-search-exclude="">(.*?)</div>(.?.?)', markdown, re.S
    )
    assert len(blocks) >= 12
    for before, block, after in blocks:
        assert (before, after) == ("\n\n", "\n\n")
        inner = block.removeprefix("<pre><code>").removesuffix("</code></pre>")
        assert "<" not in inner and ">" not in inner


def test_the_image_example_is_shown_as_text_not_made_a_link() -> None:
    """Assert that the guide of a catalogue with images shows how to include one as text:
    written as Markdown, the example became an image link that a strict build refused
    ("unrecognized relative link 'images/…'")."""
    book = load_handbook(PROJECT / "tests" / "fixtures" / "ladder-en")
    assert book.images
    guide = render(book)[urls.GUIDE]
    assert "](images/" not in guide
    shown = html.unescape(guide)
    assert f"![…](images/{book.images[0].name})" in shown
