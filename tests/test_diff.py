"""The change report between two editions: ``model/diff.py``, ``render/changes.py`` and
``handbook diff``.

Most tests compare the fixture pair tests/fixtures/diff/old and new, between which every kind
of change happens at least once (see the README there).
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
import pytest
from click.testing import CliRunner
from conftest import git
from markupsafe import Markup

from generator.cli import main
from generator.model.diff import Change, ChangeReport, FieldChange, Ref, diff_handbooks
from generator.model.handbook import Handbook
from generator.pipeline import load_handbook
from generator.render.changes import markdown_body, markdown_role_note, render_markdown, render_text

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_CATALOGUE = PROJECT / "tests" / "fixtures" / "default"
FIXTURES = PROJECT / "tests" / "fixtures" / "diff"
OLD, NEW = FIXTURES / "old", FIXTURES / "new"


@pytest.fixture(scope="module")
def old() -> Handbook:
    return load_handbook(OLD)


@pytest.fixture(scope="module")
def new() -> Handbook:
    return load_handbook(NEW)


@pytest.fixture(scope="module")
def report(old: Handbook, new: Handbook) -> ChangeReport:
    return diff_handbooks(old, new)


def ids(refs: tuple[Ref, ...]) -> list[str]:
    return [ref.id for ref in refs]


def fields(changes: tuple[FieldChange, ...], key: str) -> list[tuple[Any, Any]]:
    return [(c.before, c.after) for c in changes if c.field == key]


def test_added_and_removed_things_are_listed_by_id(report: ChangeReport) -> None:
    """Assert that roles, competencies, paths, groups and families added or removed are listed."""
    assert ids(report.roles.added) == ["trainee"]
    assert ids(report.roles.removed) == ["verkaeufer"]
    assert ids(report.competencies.added) == ["mentoring"]
    assert ids(report.competencies.removed) == ["abschluss", "telefon"]
    assert ids(report.paths.added) == ["fuehrung"]
    assert ids(report.paths.removed) == ["vertrieb"]
    assert ids(report.groups.added) == ["entwicklung"]
    assert ids(report.groups.removed) == ["verkauf"]
    assert ids(report.families.added) == ["backoffice"]
    assert ids(report.families.removed) == ["vertrieb"]
    assert report.roles.removed[0].name == "Verkäufer"


def test_only_changed_things_are_reported_as_changed(report: ChangeReport) -> None:
    """Assert that unchanged roles and competencies do not appear, changed ones do, by id."""
    assert ids(tuple(c.ref for c in report.roles.changed)) == ["agent", "senior", "teamleitung"]
    assert ids(tuple(c.ref for c in report.competencies.changed)) == [
        "coaching",
        "delegieren",
        "zuhoeren",
    ]
    assert ids(tuple(c.ref for c in report.paths.changed)) == ["laufbahn", "qualitaet"]
    assert report.role_change("qualitaet") is None


def test_targets_raised_lowered_added_and_removed(report: ChangeReport) -> None:
    """Assert that target changes carry from and to levels, raised first, each kind by id."""
    agent = report.role_change("agent")
    assert agent is not None
    assert [(t.kind, t.competency.id, t.before, t.after) for t in agent.targets] == [
        (Change.RAISED, "zuhoeren", 2, 3),
        (Change.ADDED, "mentoring", None, 1),
        (Change.REMOVED, "coaching", 1, None),
        (Change.REMOVED, "telefon", 3, None),
    ]
    senior = report.role_change("senior")
    assert senior is not None
    assert [(t.kind, t.competency.id, t.before, t.after) for t in senior.targets] == [
        (Change.LOWERED, "schreiben", 3, 2)
    ]


def test_roles_changed_expectations_names_roles_whose_targets_changed(
    report: ChangeReport,
) -> None:
    """Assert that only roles with changed targets count as changed expectations."""
    assert report.roles_changed_expectations() == {"agent", "senior"}
    teamleitung = report.role_change("teamleitung")
    assert teamleitung is not None and not teamleitung.expectations_changed


def test_role_texts_and_lists(report: ChangeReport) -> None:
    """Assert that every role field reports what it was and what it is now."""
    agent = report.role_change("agent")
    assert agent is not None
    changes = agent.fields
    assert fields(changes, "summary") == [
        (
            "Beantwortet Anfragen von Kunden am Telefon.",
            "Beantwortet Anfragen von Kunden am Telefon und per E-Mail.",
        )
    ]
    assert fields(changes, "synonyms") == [("Callcenter-Agent", None), (None, "Kundenberaterin")]
    assert fields(changes, "responsibilities") == [
        ("löst Standardfälle", "löst Standardfälle selbstständig"),
        ("dokumentiert Fälle im Ticketsystem", None),
        (None, "eskaliert schwierige Fälle"),
    ]
    assert fields(changes, "experience_years") == [(0, 1)]
    assert fields(changes, "skills") == [("Geduld", None)]
    assert fields(changes, "tools") == [(None, "CRM")]
    [(salary_before, salary_after)] = fields(changes, "salary")
    assert (salary_before.minimum, salary_after.minimum) == (2800, 2900)
    assert fields(changes, "salary_note") == [(None, "brutto")]
    assert fields(changes, "reports_to") == [("Teamleitung", "Senior Agent")]
    assert fields(changes, "description") == []
    senior = report.role_change("senior")
    assert senior is not None
    assert fields(senior.fields, "family") == [("Kundenservice", "Backoffice")]
    assert fields(senior.fields, "previous_roles") == [(None, "Trainee")]
    teamleitung = report.role_change("teamleitung")
    assert teamleitung is not None
    assert fields(teamleitung.fields, "title") == [("Teamleitung", "Teamleitung Service")]


def test_competency_texts_indicators_and_anchors(report: ChangeReport) -> None:
    """Assert that name, summary, group, indicators and level anchors of a competency diff."""
    changed = {c.ref.id: c.fields for c in report.competencies.changed}
    zuhoeren = changed["zuhoeren"]
    assert fields(zuhoeren, "name") == [("Zuhören", "Aktives Zuhören")]
    assert fields(zuhoeren, "indicators") == [
        ("fasst Anliegen zusammen", "fasst Anliegen in eigenen Worten zusammen"),
        ("hält Blickkontakt", None),
        (None, "fragt bei Unklarheiten nach"),
    ]
    anchors = [(c.qualifier, c.kind) for c in zuhoeren if c.field == "anchor"]
    assert anchors == [("1", Change.CHANGED), ("3", Change.ADDED), ("4", Change.REMOVED)]
    assert fields(changed["coaching"], "group") == [("Führung", "Personalentwicklung")]
    assert fields(changed["delegieren"], "name") == [("Delegieren", "Aufgaben delegieren")]


def test_path_steps_added_removed_reordered_and_step_texts(report: ChangeReport) -> None:
    """Assert that steps added, removed, reordered and their years and notes are reported."""
    paths = {c.ref.id: c for c in report.paths.changed}
    laufbahn = paths["laufbahn"]
    assert ids(laufbahn.steps_added) == ["trainee"]
    assert ids(laufbahn.steps_removed) == ["qualitaet"]
    assert not laufbahn.reordered
    years = [
        (c.qualifier, c.before, c.after) for c in laufbahn.fields if c.field == "typical_years"
    ]
    assert years == [("Service Agent", None, 1), ("Senior Agent", 2, 2.5)]
    assert fields(laufbahn.fields, "note") == [
        ("nach Einarbeitung", "nach Einarbeitung und erster Erfahrung")
    ]
    qualitaet = paths["qualitaet"]
    assert qualitaet.reordered
    assert ids(qualitaet.order_before) == ["agent", "qualitaet", "teamleitung"]
    assert ids(qualitaet.order_after) == ["agent", "teamleitung", "qualitaet"]


def test_group_family_and_handbook_changes(report: ChangeReport) -> None:
    """Assert that group and family names and descriptions and handbook settings diff."""
    groups = {c.ref.id: c.fields for c in report.groups.changed}
    assert fields(groups["kommunikation"], "name") == [("Kommunikation", "Kommunikation & Sprache")]
    assert fields(groups["fuehrung"], "description") == [
        (None, "Wie wir Menschen und Aufgaben führen.")
    ]
    families = {c.ref.id: c.fields for c in report.families.changed}
    assert fields(families["fuehrung"], "name") == [("Führung", "Führung & Steuerung")]
    assert fields(report.handbook, "organisation") == [("Muster AG", "Muster GmbH")]
    assert fields(report.handbook, "scale_label") == [("zeigt dies immer", "zeigt dies jederzeit")]
    assert (report.old_version, report.new_version) == ("2025.2", "2026.1")


def test_same_edition_reports_no_changes(new: Handbook) -> None:
    """Assert that an edition compared with itself is empty and says so."""
    report = diff_handbooks(new, new)
    assert report.is_empty
    assert "Keine Änderungen." in render_text(report, new)
    assert "Keine Änderungen." in render_markdown(report, new)


def test_report_does_not_depend_on_catalogue_order(old: Handbook, new: Handbook) -> None:
    """Assert that reordering roles, groups and paths in a catalogue keeps the report as it was."""
    shuffled = dataclasses.replace(
        new,
        roles=tuple(reversed(new.roles)),
        paths=tuple(reversed(new.paths)),
        families=tuple(reversed(new.families)),
        groups=tuple(reversed(new.groups)),
    )
    shown = render_text(diff_handbooks(old, shuffled), shuffled)
    assert shown == render_text(diff_handbooks(old, new), new)


def test_scale_with_more_levels(old: Handbook) -> None:
    """Assert that a scale that grows is reported with its number of levels."""
    five = dataclasses.replace(old, scale=load_handbook(DEFAULT_CATALOGUE).scale)
    report = diff_handbooks(old, five)
    assert fields(report.handbook, "scale_levels") == [(4, 5)]


def test_text_format(report: ChangeReport, new: Handbook) -> None:
    """Assert that the terminal report shows sections, from → to and git-style word diffs."""
    out = render_text(report, new)
    assert out.startswith("Änderungen\n\nAusgabe 2025.2 → 2026.1\n")
    assert "  Neu: Trainee (trainee)\n" in out
    assert "  Entfernt: Verkäufer (verkaeufer)\n" in out
    assert "    Soll-Niveau erhöht: Aktives Zuhören (zuhoeren): 2 → 3\n" in out
    assert "    Soll-Niveau gesenkt: Schriftlicher Ausdruck (schreiben): 3 → 2\n" in out
    assert "    Neu verlangt: Mentoring (mentoring): Soll-Niveau 1\n" in out
    assert "    Nicht mehr verlangt: Telefonieren (telefon): bisher 3\n" in out
    assert (
        "    Kurzbeschreibung: Beantwortet Anfragen von Kunden am [-Telefon.-] "
        "{+Telefon und per E-Mail.+}\n" in out
    )
    assert "    Aufgaben: [-dokumentiert Fälle im Ticketsystem-]\n" in out
    assert "    Berufserfahrung (Jahre): 0 → 1\n" in out
    assert "    Übliche Jahre bis Senior Agent: 2 → 2,5\n" in out
    assert "    Gehalt: 2.800 € – 3.200 € pro Monat → 2.900 € – 3.300 € pro Monat\n" in out
    assert "    Verhaltensindikatoren: fasst Anliegen {+in eigenen Worten+} zusammen\n" in out
    assert "    Reihenfolge jetzt: Service Agent → Teamleitung Service → Qualitätsmanager\n" in out
    sections = ["Rollen", "Kompetenzen", "Karrierepfade", "Kompetenzgruppen", "Jobfamilien"]
    positions = [out.index(f"\n{title}\n") for title in [*sections, "Handbuch"]]
    assert positions == sorted(positions)


def test_markdown_format(report: ChangeReport, new: Handbook) -> None:
    """Assert that the Markdown report has headings, lists and ~~old~~ **new** word diffs."""
    out = render_markdown(report, new)
    assert out.startswith("## Änderungen\n\nAusgabe 2025.2 → 2026.1\n")
    assert "\n### Rollen\n\n- Neu: Trainee (`trainee`)\n" in out
    assert "\n#### Service Agent (`agent`)\n" in out
    assert "- Soll-Niveau erhöht: Aktives Zuhören (`zuhoeren`): 2 → 3\n" in out
    assert (
        "- Kurzbeschreibung: Beantwortet Anfragen von Kunden am ~~Telefon.~~ "
        "**Telefon und per E-Mail.**" in out
    )
    assert "- Aufgaben: **eskaliert schwierige Fälle**\n" in out


def test_markdown_never_lets_catalogue_text_become_markup(new: Handbook) -> None:
    """Assert that Markdown and HTML in a changed text show up as text in the Markdown report
    (rendered, as a merge request shows it), and read as written raw."""
    agent = new.role("agent")
    evil = dataclasses.replace(
        agent, summary="<script>x</script> **fett** [a](javascript:x) &amp; C# | ~~s~~"
    )
    changed = dataclasses.replace(
        new, roles=tuple(evil if r.id == "agent" else r for r in new.roles)
    )
    out = render_markdown(diff_handbooks(new, changed), changed)
    assert "<script>" not in out and "**fett**" not in out and "[a](" not in out
    # Each character Markdown reads inside a line escaped (GitHub and GitLab show them as
    # written), an entity's & and every < as references, and nothing else touched.
    assert (
        "&lt;script>x&lt;/script> \\*\\*fett\\*\\* \\[a\\](javascript:x) &amp;amp; C\\# \\| "
        "\\~\\~s\\~\\~" in out
    )
    shown = markdown.markdown(out).split("Kurzbeschreibung")[1].split("</li>")[0]
    assert not re.search(r"<(script|a|em|table)\b", shown), shown
    assert shown.count("<strong>") == 1, shown  # the report's own mark of the added words


def test_site_body_links_existing_pages_and_uses_html_marks(
    report: ChangeReport, new: Handbook
) -> None:
    """Assert that the change page links the pages that exist and marks words with del/ins."""
    body = markdown_body(report, new, from_page="changes.md")
    assert isinstance(body, Markup)
    assert body.startswith("Ausgabe 2025&#46;2 → 2026&#46;1\n\n## Rollen\n")
    assert "- Neu: [Trainee](roles/trainee.md)" in body
    assert "- Entfernt: Verkäufer (`verkaeufer`)" in body  # a removed role has no page
    assert "### [Service Agent](roles/agent.md)" in body
    assert "- Nicht mehr verlangt: Telefonieren (`telefon`): bisher 3" in body
    assert "<del>Telefon&#46;</del> <ins>Telefon und per E&#45;Mail&#46;</ins>" in body


def test_role_note_lists_target_changes(report: ChangeReport, new: Handbook) -> None:
    """Assert that the role page note lists the target changes, and is empty without any."""
    note = markdown_role_note(report, new, "senior", from_page="roles/senior.md")
    assert note == (
        "- Soll-Niveau gesenkt: [Schriftlicher Ausdruck](../competencies/schreiben.md): 3 → 2\n"
    )
    agent = markdown_role_note(report, new, "agent", from_page="roles/agent.md")
    assert "[Aktives Zuhören](../competencies/zuhoeren.md): 2 → 3" in agent
    assert markdown_role_note(report, new, "teamleitung", from_page="x.md") == ""
    assert markdown_role_note(report, new, "trainee", from_page="x.md") == ""
    assert markdown_role_note(None, new, "agent", from_page="x.md") == ""


def test_english_handbook_gets_english_report(old: Handbook, new: Handbook) -> None:
    """Assert that the report speaks the language of the newer edition."""
    english = dataclasses.replace(new, language="en")
    out = render_text(diff_handbooks(dataclasses.replace(old, language="en"), english), english)
    assert out.startswith("What changed\n\nEdition 2025.2 → 2026.1\n")
    assert "    Target raised: Aktives Zuhören (zuhoeren): 2 → 3\n" in out
    assert "    Typical years before Senior Agent: 2 → 2.5\n" in out


# --- handbook diff ---------------------------------------------------------------------------


def run(*args: str) -> Any:
    return CliRunner().invoke(main, ["diff", *args])


def test_cli_text_and_markdown() -> None:
    """Assert that `handbook diff OLD NEW` prints the report and exits 0 in both formats."""
    text = run(str(OLD), str(NEW))
    assert text.exit_code == 0, text.output
    new = load_handbook(NEW)
    assert text.output == render_text(diff_handbooks(load_handbook(OLD), new), new)
    md = run(str(OLD), str(NEW), "--format", "md")
    assert md.exit_code == 0
    assert md.output.startswith("## Änderungen\n")


def test_cli_no_changes_exits_zero() -> None:
    """Assert that comparing an edition with itself exits 0 and says there are no changes."""
    result = run(str(NEW), str(NEW))
    assert result.exit_code == 0
    assert "Keine Änderungen." in result.output


@pytest.mark.parametrize(
    "args",
    [[], [str(OLD)], [str(OLD), str(NEW), str(NEW)], ["--since", "HEAD", str(OLD), str(NEW)]],
)
def test_cli_usage_errors_exit_2(args: list[str]) -> None:
    """Assert that a wrong number of roots is a usage error (exit 2) with a hint, no traceback."""
    result = run(*args)
    assert result.exit_code == 2
    assert "OLD_ROOT" in result.output or "one ROOT" in result.output
    assert "Traceback" not in result.output


def test_cli_catalogue_error_exits_1_with_location(
    catalogue: Callable[[dict[str, Any]], Path],
) -> None:
    """Assert that an edition with errors fails with file:line:col messages and exit 1."""
    broken = catalogue({"handbook.yaml": "title: x\nlanguage: de\nscale: {1: a}\nfamilies: []\n"})
    result = run(str(OLD), str(broken))
    assert result.exit_code == 1
    assert f"{broken}/handbook.yaml:" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- handbook diff --since -------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository: hr/catalogues holds the old edition in tag v1, the new one on disk."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    shutil.copytree(OLD, repo / "hr" / "catalogues")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "edition 2025.2")
    git(repo, "tag", "v1")
    shutil.rmtree(repo / "hr" / "catalogues")
    shutil.copytree(NEW, repo / "hr" / "catalogues")
    return repo


def test_since_compares_root_with_its_git_history(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Assert that --since REV ROOT reports the same as comparing the two folders."""
    expected = run(str(OLD), str(NEW)).output
    monkeypatch.chdir(repo)
    result = run("--since", "v1", "hr/catalogues")
    assert result.exit_code == 0, result.output
    assert result.output == expected
    assert (repo / "hr" / "catalogues" / "roles" / "trainee.yaml").exists()  # work tree untouched


def test_since_works_from_a_subfolder_with_the_default_root(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Assert that ROOT defaults to ./catalogues and is found in git relative to the repo top."""
    monkeypatch.chdir(repo / "hr")
    result = run("--since", "HEAD", "--format", "md")
    assert result.exit_code == 0, result.output
    assert "- Neu: Trainee (`trainee`)" in result.output
    monkeypatch.chdir(repo / "hr" / "catalogues")
    inside = run("--since", "v1", ".")
    assert inside.exit_code == 0
    assert inside.output == run(str(OLD), str(NEW)).output


@pytest.mark.parametrize(
    ("revision", "message"),
    [("no-such-tag", "unknown git revision 'no-such-tag'"), ("--all", "unknown git revision")],
)
def test_since_unknown_revision_is_a_usage_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch, revision: str, message: str
) -> None:
    """Assert that an unknown revision exits 2 with a clear message."""
    monkeypatch.chdir(repo)
    result = run(f"--since={revision}", "hr/catalogues")
    assert result.exit_code == 2
    assert message in result.output


def test_since_root_missing_in_revision(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Assert that a ROOT that did not exist at REV exits 2 and names the folder."""
    shutil.copytree(NEW, repo / "neu")
    monkeypatch.chdir(repo)
    result = run("--since", "v1", "neu")
    assert result.exit_code == 2
    assert "there is no folder neu in git revision 'v1'" in result.output


def test_since_outside_git_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Assert that --since outside a git work tree exits 2 and says why."""
    shutil.copytree(NEW, tmp_path / "catalogues")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = run("--since", "HEAD")
    assert result.exit_code == 2
    assert "is not inside a git work tree" in result.output


def test_since_errors_in_old_edition_name_the_revision(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Assert that errors in the old edition are located as REV:path:line:col and exit 1."""
    agent = repo / "hr" / "catalogues" / "roles" / "agent.yaml"
    text = agent.read_text(encoding="utf-8")
    agent.write_text(text.replace("zuhoeren: 3", "zuhoeren: 9"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "broken")
    agent.write_text(text, encoding="utf-8")
    monkeypatch.chdir(repo)
    result = run("--since", "HEAD", "hr/catalogues")
    assert result.exit_code == 1
    assert "HEAD:hr/catalogues/roles/agent.yaml:" in result.output
    assert "Traceback" not in result.output


def test_default_catalogue_against_its_older_edition() -> None:
    """Assert that the default catalogue's report against 2025.2 names what 2026.1 changed."""
    report = diff_handbooks(
        load_handbook(FIXTURES / "default-2025.2"), load_handbook(DEFAULT_CATALOGUE)
    )
    assert ids(report.roles.added) == ["key-account-manager"]
    assert ids(report.competencies.added) == ["datenkompetenz"]
    assert "account-manager" in report.roles_changed_expectations()
    out = render_text(report, load_handbook(DEFAULT_CATALOGUE))
    assert "Verbale Kommunikationsfähigkeiten (verbale-kommunikation): 3 → 4" in out
    assert "Neue Stufe: Key Account Manager (key-account-manager)" in out


def test_change_page_links_only_pages_that_are_generated() -> None:
    """Assert that every link of the default catalogue's change page leads to a generated page."""
    from generator.render.plan import render

    handbook = load_handbook(DEFAULT_CATALOGUE)
    pages = {name for name in render(handbook) if name.endswith(".md")}
    report = diff_handbooks(load_handbook(FIXTURES / "default-2025.2"), handbook)
    body = markdown_body(report, handbook, from_page="changes.md")
    links = re.findall(r"\]\(([^)]+)\)", body)
    assert len(links) >= 5
    assert all(link in pages for link in links), sorted(set(links) - pages)


def test_one_kind_of_change_reads_one_way() -> None:
    """Assert that a text field shows removed and added words however short it is, and values
    (numbers, salaries) always "before → after" (the change page wrote salary notes both
    ways, by their length)."""
    old = load_handbook(FIXTURES / "default-2025.2")
    new = load_handbook(DEFAULT_CATALOGUE)
    out = render_text(diff_handbooks(old, new), new)
    notes = [line.strip() for line in out.splitlines() if "Hinweis zum Gehalt" in line]
    assert len(notes) >= 3, out
    assert all("→" not in line and "[-" in line for line in notes), notes
