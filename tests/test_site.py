"""Checks over the built HTML site: what each page type shows, downloads, no foreign hosts.

The default catalogue is built once per session (``default_site`` in conftest.py); the
small fixture catalogues are built here, with ``handbook build`` and with plain
``mkdocs build`` at the project root (the hook).
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.pipeline import load_handbook
from generator.render.site import settings, standalone_config

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT / "tests" / "fixtures"


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)

    def find_all(self, tag: str, **attrs: str) -> list[Element]:
        """Descendants with this tag whose attributes contain the given values."""
        found = []
        for child in self.children:
            wanted = all(
                v in child.attrs.get(k.rstrip("_"), "").split()
                or child.attrs.get(k.rstrip("_")) == v
                for k, v in attrs.items()
            )
            if child.tag == tag and wanted:
                found.append(child)
            found.extend(child.find_all(tag, **attrs))
        return found

    def find(self, tag: str, **attrs: str) -> Element:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}> found"
        return found[0]

    @property
    def words(self) -> str:
        """The element's text with whitespace collapsed."""
        return " ".join(self.text.split())

    def hrefs(self) -> list[str]:
        return [a.attrs.get("href", "") for a in self.find_all("a")]


class _TreeBuilder(HTMLParser):
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


def parse(path: Path) -> Element:
    builder = _TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    return builder.root


def article(site: Path, url: str) -> Element:
    """The content area of the page at ``url`` (a directory URL like ``roles/x/``)."""
    return parse(site / url / "index.html").find("article")


def table_rows(table: Element) -> list[list[str]]:
    return [
        [cell.words for cell in row.children if cell.tag in ("th", "td")]
        for row in table.find_all("tr")
    ]


def facts(page: Element) -> dict[str, Element]:
    """The role page's facts box: label -> the <dd> element."""
    box = page.find("dl", class_="ch-facts")
    items = [child for child in box.children if child.tag in ("dt", "dd")]
    return {items[i].words: items[i + 1] for i in range(0, len(items) - 1, 2)}


# -- role pages ------------------------------------------------------------------------------


def test_account_supervisor_page_shows_salary_synonyms_and_reports(default_site: Path) -> None:
    """Assert that the Account Supervisor page shows its salary, synonyms and whom it leads."""
    page = article(default_site, "roles/account-supervisor/")
    assert page.find("h1").words.startswith("Account Supervisor")
    assert (
        "Auch bekannt als: Account Management Supervisor · Teamlead Account Management · "
        "Head of Account Management · Head of Partner Management" in page.words
    )
    box = facts(page)
    assert box["Vergütung"].words == "91.500 € pro Jahr (brutto, Durchschnitt)"
    assert box["Jobfamilie"].hrefs() == ["../../families/vertrieb-marketing/"]
    leads = box["Führt"].hrefs()
    assert "../../roles/account-manager/" in leads
    assert "../../roles/account-representative/" in leads
    assert "Berichtet an" not in box


def test_role_page_shows_each_target_as_a_level_bar(default_site: Path) -> None:
    """Assert that targets appear by group as level bars with number, label and alt text."""
    page = article(default_site, "roles/account-supervisor/")
    group = page.find("h3", id="group-zusammenarbeit")
    assert group.words.startswith("Zusammenarbeit & Beziehungen")
    tables = page.find_all("table", class_="ch-targets")
    rows = [row for table in tables for row in table_rows(table)]
    by_name = {row[0]: row[1] for row in rows if len(row) == 2}
    assert by_name["Aufbau und Pflege von Netzwerken"] == "4 bringt dies meistens ein"
    assert by_name["Kundenbeziehungen"] == "5 bringt dies jederzeit ein"
    # with the competency's text for the target level, where the catalogue has one, in a
    # row of its own below the target
    after = rows[rows.index(["Kundenbeziehungen", "5 bringt dies jederzeit ein"]) + 1]
    assert after == [
        "Wird von Kunden als strategischer Partner geschätzt, erkennt Bedarfe vorausschauend "
        "und baut Beziehungen gezielt aus."
    ]
    assert len([row for row in rows if len(row) == 2 and row[0] != "Kompetenz"]) == 31
    bar = page.find("span", class_="ch-level")
    assert bar.attrs["role"] == "img" and re.fullmatch(
        r"Soll-Niveau \d von 5", bar.attrs["aria-label"]
    )
    level = bar.attrs["aria-label"].split()[1]
    assert bar.attrs["class"].split() == ["ch-level", f"ch-level--{level}", "ch-level--of-5"]
    assert bar.words == level  # handbook.css draws its five cells


def test_role_page_leads_to_each_competency_group(default_site: Path) -> None:
    """Assert that a line of links under the competencies heading leads to every group's table
    (the group headings are not in the table of contents)."""
    page = article(default_site, "roles/account-supervisor/")
    jump = page.find("nav", class_="ch-group-jump")
    assert jump.attrs["aria-label"] == "Kompetenzgruppen"
    headings = [h for h in page.find_all("h3") if h.attrs.get("id", "").startswith("group-")]
    assert [f"#{h.attrs['id']}" for h in headings] == jump.hrefs()
    assert jump.words.startswith(headings[0].words.removesuffix("¶").strip())


def test_key_account_manager_page_links_paths_and_sheet(default_site: Path) -> None:
    """Assert that the KAM page shows its report line, its path steps and a link to its sheet."""
    page = article(default_site, "roles/key-account-manager/")
    box = facts(page)
    assert box["Berichtet an"].hrefs() == ["../../roles/account-supervisor/"]
    assert box["Führt"].hrefs() == ["../../roles/senior-account-executive/"]
    position = page.find("div", class_="ch-position")
    assert "Stufe 3 von 4" in position.words
    assert "Vorherige Stufe: Senior Account Executive" in position.words
    assert "../../paths/key-account-management/#step-4" in position.hrefs()
    assert "../../sheets/key-account-manager/" in page.hrefs()
    nearby = page.find("h2", id="nearby")
    assert nearby.words.startswith("Ähnliche Rollen")
    assert page.find("h2", id="requirements")
    assert "Vorherige Rollen:" in page.words


# -- competency, family, path pages ----------------------------------------------------------------


def test_competency_page_is_a_ladder_of_levels_with_their_roles(default_site: Path) -> None:
    """Assert that a competency page shows its levels, lowest first, each with its text and
    the roles that target it, in role order."""
    page = article(default_site, "competencies/kundenbeziehungen/")
    assert page.find("h1").words.startswith("Kundenbeziehungen")
    assert "Kompetenzgruppe: Zusammenarbeit & Beziehungen" in page.words
    levels = page.find("ol", class_="ch-ladder-levels").find_all("li", class_="ch-ladder-level")
    heads = [level.find("p", class_="ch-ladder-level__head").words for level in levels]
    assert heads[0] == "1 bringt dies kaum ein" and heads[-1] == "5 bringt dies jederzeit ein"
    assert "nur anlassbezogen" in levels[0].words  # the level's own text
    roles = [
        role.words.removesuffix(" Vertrieb & Marketing")
        for level in levels
        for role in level.find_all("li")
    ]
    assert roles == [
        "Account Representative",
        "Account Executive",
        "Account Manager",
        "Senior Account Executive",
        "Key Account Manager",
        "Account Supervisor",
    ]
    assert "Account Supervisor" in levels[-1].words
    assert page.find("h2", id="indicators")


def test_family_page_lists_roles_by_rank_and_its_paths(default_site: Path) -> None:
    """Assert that the family page lists its roles by rank and links both career paths."""
    page = article(default_site, "families/vertrieb-marketing/")
    roles = [href for href in page.find("ol").hrefs()]
    assert roles[0] == "../../roles/account-representative/"
    assert roles[-1] == "../../roles/account-supervisor/"
    assert "../../paths/account-management/" in page.hrefs()
    assert "../../paths/key-account-management/" in page.hrefs()


def test_path_page_shows_ladder_and_what_changes(default_site: Path) -> None:
    """Assert that the path page shows the ladder and, per step, each rise from → to."""
    page = article(default_site, "paths/account-management/")
    ladder = page.find("ol", class_="ch-ladder")
    assert [li.find("span", class_="ch-ladder__role").words for li in ladder.find_all("li")] == [
        "Account Representative",
        "Account Manager",
        "Account Supervisor",
    ]
    heading = page.find("h2", id="step-2")
    assert heading.words.startswith("Stufe 1 → 2: Account Representative → Account Manager")
    changes = page.find_all("table", class_="ch-changes")[0]
    rows = {row[0]: row[1:] for row in table_rows(changes)}
    assert rows["Qualitative Arbeitsleistung"] == ["2", "4", "+2"]
    assert rows["Krisenbewältigung"] == ["–", "3", "neu"]
    assert rows["Öffentlichkeitsarbeit"] == ["2", "–", "entfällt"]
    assert "Berufserfahrung: 0 → 2 Jahre" in page.words
    assert "Üblich nach etwa 2 Jahren als Account Representative." in page.words


# -- matrix and downloads --------------------------------------------------------------------------


def test_matrix_has_a_column_per_role_and_a_row_per_competency(default_site: Path) -> None:
    """Assert that the family's matrix shows 6 role columns, 35 competency rows, 7 groups."""
    page = article(default_site, "matrix/vertrieb-marketing/")
    assert page.find("h1").words.startswith("Kompetenzmatrix: Vertrieb & Marketing")
    region = page.find("div", class_="ch-matrix")
    assert region.attrs["role"] == "region" and "Vertrieb & Marketing" in region.attrs["aria-label"]
    table = page.find("table", class_="ch-matrix__table")
    assert len(table.find_all("th", class_="ch-matrix__role")) == 6
    assert len(table.find_all("th", scope="row")) == 35
    assert len(table.find_all("th", scope="rowgroup")) == 7
    assert "../../roles/account-supervisor/" in table.hrefs()
    assert "../../families/vertrieb-marketing/" in page.hrefs()


def test_matrix_overview_links_families_and_downloads(default_site: Path) -> None:
    """Assert that the matrix overview has no grid but links the family matrix and downloads."""
    page = article(default_site, "matrix/")
    assert not page.find_all("table")
    assert "vertrieb-marketing/" in page.hrefs()
    assert "../matrix.csv" in page.hrefs() and "../catalogue.json" in page.hrefs()
    assert page.find_all("span", class_="ch-legend__item")


def test_downloads_exist_and_parse(default_site: Path) -> None:
    """Assert that matrix.csv and catalogue.json are served and hold the whole catalogue."""
    text = (default_site / "matrix.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 36 and all(len(row) == 8 for row in rows)
    assert rows[0][:3] == ["Kompetenzgruppe", "Kompetenz", "Account Representative"]
    data = json.loads((default_site / "catalogue.json").read_text(encoding="utf-8"))
    assert len(data["roles"]) == 6
    assert sum(len(g["competencies"]) for g in data["competency_groups"]) == 35
    assert data["version"] == "2026.1"


def test_matrix_page_is_not_in_the_search_index(default_site: Path) -> None:
    """Assert that the matrix is left out of search while role pages are in it."""
    index = json.loads((default_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not any(location.startswith("matrix/") for location in locations)
    assert "roles/account-supervisor/" in locations
    supervisor = next(d for d in index["docs"] if d["location"] == "roles/account-supervisor/")
    assert "Head of Account Management" in supervisor["tags"]


def test_search_index_holds_each_text_once(default_site: Path) -> None:
    """Assert that target tables and role lists, which repeat other pages, are not indexed."""
    index = json.loads((default_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert not [loc for loc in docs if loc.startswith("roles/") and "#group-" in loc]
    assert not [loc for loc in docs if loc.startswith("competencies/") and loc.endswith("#roles")]
    speaking = docs["competencies/verbale-kommunikation/"]
    assert speaking["title"] == "Verbale Kommunikationsfähigkeiten" and speaking["text"]
    changes = [doc for loc, doc in docs.items() if loc.startswith("paths/") and "-changes" in loc]
    assert changes and all("<table" not in doc["text"] for doc in changes)
    assert "roles/key-account-manager/#responsibilities" in docs


def test_search_finds_what_roles_expect_once_and_the_scale_nowhere_repeated(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Assert that a role's own expectation is in the index (under the competency's levels,
    as role pages keep their tables out of search), while the role names listed there and
    the scale's words, repeated on every competency and role page, are not."""
    from conftest import build_site

    site = build_site(FIXTURES / "ladder-en", tmp_path_factory.mktemp("ladder") / "site")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    expects = "Delivers small, well-defined tasks with guidance from a more senior engineer."
    assert [d["location"] for d in docs if expects in d["text"]] == [
        "competencies/delivery/#levels"
    ]
    levels = next(d for d in docs if d["location"] == "competencies/delivery/#levels")
    assert "Engineer I" not in levels["text"]
    scale_words = "Knows what the skill is for and where to find help."
    assert not [d["location"] for d in docs if scale_words in d["text"]]


# -- site-wide -----------------------------------------------------------------------------------


def test_no_page_loads_anything_from_another_host(default_site: Path) -> None:
    """Assert that no page has a script, stylesheet, image or font from another host."""
    foreign = re.compile(r"^(https?:)?//")
    for path in default_site.rglob("*.html"):
        document = parse(path)
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
        ):
            for element in document.find_all(tag):
                value = element.attrs.get(attribute, "")
                assert not foreign.match(value), f"{path}: <{tag} {attribute}={value}>"


def test_navigation_stays_within_the_current_section(default_site: Path) -> None:
    """Assert that a page's navigation lists only its own section's pages, never every role."""

    def nav_links(url: str) -> list[str]:
        nav = parse(default_site / url / "index.html").find("nav", class_="md-nav--primary")
        return nav.hrefs()

    competency_nav = nav_links("competencies/kundenbeziehungen/")
    assert not any("roles/" in href for href in competency_nav)
    assert "../teamgeist/" in competency_nav  # its group's competencies
    assert "../budgetmanagement/" not in competency_nav  # not another group's
    role_nav = nav_links("roles/account-supervisor/")
    assert [href for href in role_nav if "competencies/" in href] == ["../../competencies/"]
    assert "../../families/vertrieb-marketing/" in role_nav
    assert "../account-manager/" in role_nav
    assert not any("paths/key-account" in href for href in role_nav)  # paths collapsed
    home_nav = nav_links("")
    assert not any(href.startswith(("roles/", "sheets/")) for href in home_nav)


def test_header_shows_the_title_with_ampersand_once_escaped(default_site: Path) -> None:
    """Assert that the theme's header and logo tooltip show "Vertrieb & Marketing" as written
    (the site name used to reach the theme pre-escaped, and its tooltip read "&amp;")."""
    logos = parse(default_site / "roles" / "account-manager" / "index.html").find_all(
        "a", class_="md-logo"
    )
    assert len(logos) == 2  # header and navigation drawer
    for logo in logos:
        assert logo.attrs["title"] == "Kompetenzhandbuch Vertrieb & Marketing"
        assert logo.attrs["aria-label"] == "Kompetenzhandbuch Vertrieb & Marketing"


@pytest.mark.parametrize(
    ("title", "site_name"),
    [
        ("Vertrieb & Marketing", "Vertrieb & Marketing"),
        ("R&D Career Framework", "R&D Career Framework"),
        ("Sales > Support's", "Sales > Support's"),
        ("Stufen 1 < 2", "Stufen 1 < 2"),
        ('Das "neue" Handbuch', "Das „neue“ Handbuch"),
        ('Ein "Handbuch', "Ein „Handbuch"),
        ("Handbuch <Entwurf>", "Kompetenzhandbuch"),
        ("R&amp;D", "Kompetenzhandbuch"),
        ("R&copy Team", "Kompetenzhandbuch"),
    ],
)
def test_site_name_is_the_title_only_where_escaping_cannot_change_it(
    title: str, site_name: str
) -> None:
    """Assert that the site name is the title (straight quotes made typographic) unless
    escaping would change how it reads (the theme escapes it in some places only), and that
    the exact title is always given."""
    handbook = dataclasses.replace(load_handbook(FIXTURES / "small-de"), title=title)
    values = settings(handbook, [])
    assert values["site_name"] == site_name
    assert html.unescape(values["extra"]["handbook_title"]) == title


def test_both_configs_prune_the_nav_without_flat_sections() -> None:
    """Assert that the root mkdocs.yml (through the base config it inherits) and a generated
    tree's config both prune the sidebar and leave out navigation.sections, which renders
    every family and path on every page."""
    handbook = load_handbook(FIXTURES / "small-de")
    root = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert root["INHERIT"] == "site_config/base.yml"
    for config in (
        yaml.safe_load((PROJECT / root["INHERIT"]).read_text(encoding="utf-8")),
        yaml.safe_load(standalone_config(handbook, [])),
    ):
        features = config["theme"]["features"]
        assert "navigation.prune" in features and "navigation.indexes" in features
        assert "navigation.sections" not in features and "navigation.expand" not in features


# -- the small catalogues, built both ways ---------------------------------------------------------


@pytest.mark.parametrize("fixture", ["small-de", "small-en"])
def test_handbook_build_is_strict_and_clean(fixture: str, tmp_path: Path) -> None:
    """Assert that `handbook build` builds the fixture strictly with every page type."""
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(FIXTURES / fixture), "--site", str(site)])
    assert result.exit_code == 0, result.output
    for url in ("", "matrix/", "families/", "roles/", "competencies/", "paths/"):
        assert (site / url).exists(), url
    language = "de" if fixture == "small-de" else "en"
    assert f'<html lang="{language}"' in (site / "index.html").read_text(encoding="utf-8")


def test_plain_mkdocs_build_at_the_root_uses_the_hook(tmp_path: Path) -> None:
    """Assert that plain `mkdocs build --strict` at the project root builds a chosen catalogue."""
    env = {
        **os.environ,
        "HANDBOOK_CATALOGUE": str(FIXTURES / "small-en"),
        "NO_MKDOCS_2_WARNING": "1",
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "s")]
    result = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    page = article(tmp_path / "s", "roles/senior-engineer/")
    assert "Also known as: Senior Developer · Tech Lead <Backend>" in page.words
    assert "Designs systems, reviews code & mentors <b>others</b> — *not* bold." in page.words
    assert not page.find_all("b")
    assert "£72,000 per year (plus bonus)" in page.words
    sheet = article(tmp_path / "s", "sheets/senior-engineer/")  # its body from the hook
    assert sheet.find_all("section", class_="ch-sheet-item")
