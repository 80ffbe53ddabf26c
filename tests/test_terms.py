"""The organisation's words (``terms`` in handbook.yaml) replace the site's nouns everywhere a
reader sees them: page text, titles, navigation, labels, the sheets' script texts and the
matrix download. The catalogues here avoid the default nouns in their own text, so any
default noun left on a page came from the tool."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, build_site
from site_html import html_pages, parse, url_of

from generator.model.handbook import Terms
from generator.render.words import strings

TERMS = {
    "en": {
        "role": ["Post", "Posts"],
        "competency": ["Capability", "Capabilities"],
        "family": ["Guild", "Guilds"],
        "path": ["Track", "Tracks"],
        "level": ["Grade", "Grades"],
    },
    "de": {
        "role": ["Stelle", "Stellen"],
        "competency": ["Fähigkeit", "Fähigkeiten"],
        "family": ["Bereich", "Bereiche"],
        "path": ["Laufbahn", "Laufbahnen"],
        "level": ["Stufe", "Stufen"],
    },
}
DEFAULT_NOUNS = {
    "en": re.compile(r"\b(roles?|competenc(y|ies)|job famil(y|ies)|career paths?|levels?)\b", re.I),
    "de": re.compile(r"rolle|kompetenz|jobfamilie|karrierepfad|niveau", re.I),
}
# Text a reader sees beside the body: tooltips, labels, placeholders.
LABELS = ("aria-label", "title", "placeholder", "alt", "aria-description")
# The catalogues' own words that happen to be default nouns, replaced in the copies.
CATALOGUE_WORDS = {"Kompetenzen im Kundenservice": "Handbuch Kundenservice",
                   "Laufbahn Service": "Weg im Service", "Rollen im": "Aufgaben im"}  # fmt: skip
_PLACEHOLDER = re.compile(r"\{\w+\}")  # filled in by the script: {role}, {level}
# The HR guide explains the YAML format, whose keys are the default nouns.
NOT_CHECKED = ("guide/",)


@pytest.fixture(scope="module", params=["en", "de"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    language = request.param
    root = tmp_path_factory.mktemp(f"terms-{language}") / "catalogue"
    shutil.copytree(FIXTURES / f"small-{language}", root)
    for file in root.rglob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        for word, replacement in CATALOGUE_WORDS.items():
            text = text.replace(word, replacement)
        file.write_text(text, encoding="utf-8")
    handbook = root / "handbook.yaml"
    data = yaml.safe_load(handbook.read_text(encoding="utf-8"))
    data["terms"] = TERMS[language]
    handbook.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return build_site(root, root.parent / "site")


def _language(site: Path) -> str:
    return "de" if "terms-de" in str(site) else "en"


def _seen_texts(page: Path) -> list[tuple[str, str]]:
    """(where, text) for everything a reader of the page can see or hear."""
    parsed = parse(page)
    seen = [("body", parsed.text), ("title", parsed.title)]
    for element in parsed.elements:
        seen += [(f"{element.tag}[{name}]", element.attrs[name])
                 for name in LABELS if name in element.attrs]  # fmt: skip
        data = None  # script texts as JSON: the sheet's data element, the compare page's
        if element.tag == "script" and element.attrs.get("class") == "ch-sheet-data":
            data = ("sheet data", element.content)
        elif "data-ch-compare" in element.attrs:
            data = ("data-ch-compare", element.attrs["data-ch-compare"])
        if data is not None:
            texts = json.loads(data[1])["texts"]
            seen += [
                (f"{data[0]} {key}", _PLACEHOLDER.sub("", text)) for key, text in texts.items()
            ]
    return seen


def test_no_default_noun_is_left_on_any_page(site: Path) -> None:
    """Assert that with ``terms`` set no page, label or script text says role, competency,
    job family, career path or level (or their German words)."""
    pattern = DEFAULT_NOUNS[_language(site)]
    found = []
    for page in html_pages(site):
        if url_of(site, page).startswith(NOT_CHECKED):
            continue
        for where, text in _seen_texts(page):
            for match in pattern.finditer(text):
                context = text[max(0, match.start() - 30) : match.end() + 30]
                found.append(f"{url_of(site, page)} {where}: …{context}…")
    assert not found, "\n".join(found[:20])


def test_the_organisations_words_are_used(site: Path) -> None:
    """Assert that the words given appear where the defaults would: navigation, home page
    and the matrix download's header (German compounds with a linking s)."""
    language = _language(site)
    home = parse(site / "index.html").text.lower()
    for singular, plural in TERMS[language].values():
        assert singular.lower() in home or plural.lower() in home
    header = (site / "matrix.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    expected = {"en": ["Capability group", "Capability"], "de": ["Fähigkeitsgruppe", "Fähigkeit"]}
    assert re.split("[,;]", header)[:2] == expected[language]


@pytest.mark.parametrize(
    ("word", "matrix"),
    [
        ("Kompetenz", "Kompetenzmatrix"),
        ("Skill", "Skillmatrix"),
        ("Fähigkeit", "Fähigkeitsmatrix"),
        ("Qualifikation", "Qualifikationsmatrix"),
        ("Soft Skill", "Soft Skill-Matrix"),
    ],
)
def test_german_compounds_are_made_from_the_word(word: str, matrix: str) -> None:
    """Assert that German compounds join the organisation's word as German does."""
    texts = strings("de", Terms(competency=(word, word + "en")))
    assert any(matrix in text for text in texts.values())
